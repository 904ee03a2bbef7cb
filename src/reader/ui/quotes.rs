//! Rows of the quotations list: each quotation's first words, in its marks (a reported clause
//! without them), then the words that attribute it (`— said KCNA`); in the list of every
//! quotation, its speaker first. `▶` marks the quotation walked to.

use ratatui::style::Style;
use unicode_width::UnicodeWidthStr;

use crate::domain::context::one_line;
use crate::domain::quotes::{Kind, Quote};
use crate::domain::wrap::sanitize;
use crate::reader::app::App;
use crate::reader::app::panels::Head;
use crate::reader::app::quotes::Scope;
use crate::reader::ui::row::Writer;
use crate::reader::ui::{Theme, truncate};

/// The widest speaker column in the list of every quotation.
const SPEAKER_WIDTH: usize = 22;
/// Attributing words further apart than this from the cue are not shown with it.
const ATTRIBUTION_MAX: usize = 60;

/// `▶ “We will not accept…”  — said Netanyahu`
pub fn quote_row(app: &App, theme: &Theme, head: Head, q: usize, w: &mut Writer) {
    let (Head::Quotes(scope), Some(quote)) = (head, app.cast().quotes.get(q)) else {
        return;
    };
    let walked = app.quote_walk().is_some_and(|walk| walk.at == q);
    w.put(if walked { "▶ " } else { "  " }, theme.margin_marker);
    if scope == Scope::Every {
        let width = SPEAKER_WIDTH.min(w.room() / 4);
        match quote.speaker().and_then(|s| app.entity(s)) {
            Some(e) => w.text_cell(&sanitize(&e.name), width, theme.tag(e.kind)),
            None => w.text_cell("nobody", width, theme.dim),
        };
        w.put(" ", Style::new());
    }
    let said = attribution(app, quote).map(|a| format!("  — {a}"));
    let room = w.room();
    // The attribution has what the quotation's words leave, and at least a third of the row
    // when both are long.
    let natural = first_words(app, quote, room).width();
    let said_width = said.as_ref().map_or(0, |s| {
        s.width().min(room.saturating_sub(natural).max(room / 3))
    });
    w.text(
        &first_words(app, quote, room.saturating_sub(said_width)),
        Style::new(),
    );
    if let Some(said) = said {
        w.put(&truncate(&said, said_width), theme.dim);
    }
}

/// The quotation's words cut to `width` columns: `“We will not accept…”`; a reported clause
/// without marks.
fn first_words(app: &App, quote: &Quote, width: usize) -> String {
    // Only the start of a long quotation is read: a row shows one screen width of it.
    let bytes = app.doc().bytes();
    let mut end = quote.end.min(quote.start.saturating_add(width as u32 * 4)) as usize;
    while end > quote.start as usize && bytes.get(end).is_some_and(|b| b & 0xC0 == 0x80) {
        end -= 1;
    }
    let words = one_line(&app.doc().text(quote.start as usize..end));
    let words = words.trim();
    match quote.kind {
        Kind::Direct => {
            let inner = truncate(words, width.saturating_sub(2));
            format!("“{inner}”")
        }
        Kind::Indirect => truncate(words, width),
    }
}

/// The words that attribute a quotation: its cue, with the words naming the speaker when
/// they stand beside it ("said KCNA", "Netanyahu has expressed", "according to Yonhap").
fn attribution(app: &App, quote: &Quote) -> Option<String> {
    let cue = quote.cue?.range();
    let mut range = cue.clone();
    if let Some(m) = quote.named_by {
        let joined = cue.start.min(m.start as usize)..cue.end.max(m.end as usize);
        let apart = joined.end <= quote.start as usize || joined.start >= quote.end as usize;
        if joined.len() <= ATTRIBUTION_MAX && apart {
            range = joined;
        }
    }
    Some(one_line(&app.doc().text(range)).trim().to_string())
}

/// The list's header: what it holds, and the keys that apply.
pub fn header(app: &App, scope: Scope) -> String {
    let n = app.quote_count(scope);
    let count = format!("{n} quotation{}", if n == 1 { "" } else { "s" });
    match scope {
        Scope::Said(e) => {
            let name = app.entity(e).map(|x| sanitize(&x.name)).unwrap_or_default();
            format!(
                "What {name} said · {count} · Enter jumps, then n/N · \" every quotation · Esc closes"
            )
        }
        Scope::Every => {
            let nobody = app.quote_count(Scope::Nobody);
            format!(
                "Every quotation · {count}, {nobody} with no speaker · Enter jumps, then n/N · \" those with no speaker · Esc closes"
            )
        }
        Scope::Nobody => format!(
            "Quotations with no speaker · {count} · Enter jumps · S: the selection said it · \" closes"
        ),
    }
}

/// What an empty list says.
pub fn empty_note(scope: Scope) -> &'static str {
    match scope {
        Scope::Said(_) => "no quotation is given to it (\" lists every quotation)",
        Scope::Every => "no quotations in this document",
        Scope::Nobody => "every quotation has a speaker",
    }
}
