//! Writing one row of a panel list: a writer that cuts at the right edge and keeps the row's
//! cursor bar under every style, and the excerpt of a sentence that shows its marked mentions.

use ratatui::buffer::Buffer;
use ratatui::style::Style;
use unicode_width::UnicodeWidthStr;

use crate::domain::context::one_line;
use crate::domain::filter::Filter;
use crate::reader::app::App;
use crate::reader::ui::truncate;

/// Writes left to right on one row, cutting at the right edge; every style is patched onto
/// the row's base (so the cursor bar shows through).
pub struct Writer<'a> {
    pub buf: &'a mut Buffer,
    pub x: u16,
    pub y: u16,
    pub right: u16,
    pub base: Style,
    /// The list's filter: what [`Writer::text`] writes shows its matches in `matched`.
    pub filter: Option<&'a Filter>,
    pub matched: Style,
}

/// `text` in pieces, each marked with whether the filter matched it.
pub fn matched_pieces<'t>(text: &'t str, filter: Option<&Filter>) -> Vec<(&'t str, bool)> {
    let Some(filter) = filter else {
        return vec![(text, false)];
    };
    let mut out = Vec::new();
    let mut at = 0;
    for hit in filter.highlights(text) {
        if hit.start > at {
            out.push((&text[at..hit.start], false));
        }
        out.push((&text[hit.clone()], true));
        at = hit.end;
    }
    if at < text.len() || out.is_empty() {
        out.push((&text[at..], false));
    }
    out
}

impl Writer<'_> {
    /// Text the list is filtered on: the filter's matches in it are marked.
    pub fn text(&mut self, s: &str, style: Style) -> &mut Self {
        let matched = self.matched;
        for (piece, hit) in matched_pieces(s, self.filter) {
            self.put(piece, if hit { style.patch(matched) } else { style });
        }
        self
    }

    /// [`Writer::text`] in a column `width` wide, cut to leave a blank column before the
    /// next, as [`Writer::cell`].
    pub fn text_cell(&mut self, s: &str, width: usize, style: Style) -> &mut Self {
        let cut = truncate(s, width.saturating_sub(1));
        let pad = width.saturating_sub(cut.width());
        self.text(&cut, style).put(&" ".repeat(pad), Style::new())
    }

    /// Writes `s`; what does not fit ends with `…` at the right edge, so a cut row says so.
    pub fn put(&mut self, s: &str, style: Style) -> &mut Self {
        if self.x < self.right {
            let room = (self.right - self.x) as usize;
            let s = if s.width() > room {
                std::borrow::Cow::Owned(truncate(s, room))
            } else {
                std::borrow::Cow::Borrowed(s)
            };
            self.x = self
                .buf
                .set_stringn(self.x, self.y, &s, room, self.base.patch(style))
                .0;
        }
        self
    }

    /// A column `width` wide: the text, cut to leave at least one blank column before the
    /// next (so columns never run together), padded with spaces.
    pub fn cell(&mut self, s: &str, width: usize, style: Style) -> &mut Self {
        let cut = truncate(s, width.saturating_sub(1));
        let pad = width.saturating_sub(cut.width());
        self.put(&cut, style).put(&" ".repeat(pad), Style::new())
    }

    pub fn room(&self) -> usize {
        self.right.saturating_sub(self.x) as usize
    }
}

/// The text of bytes `range` as pieces on one row, the mentions of the entities in `marks`
/// in their styles; if the first marked mention would sit past a third of `width`, the start
/// is cut (with `…`) so that it shows.
pub fn excerpt(
    app: &App,
    range: std::ops::Range<usize>,
    marks: &[(usize, Style)],
    width: usize,
) -> Vec<(String, Style)> {
    // Only a window of the sentence around its first marked mention is read: a row shows a
    // screen width of it, however long the sentence is.
    let window = width.max(1) * 4;
    let first = app
        .cast()
        .index
        .overlapping(range.clone())
        .find(|(_, owner)| marks.iter().any(|(e, _)| e == owner))
        .map_or(range.start, |(m, _)| m.start as usize);
    let bytes = app.doc().bytes();
    let mut from = first.saturating_sub(window).max(range.start);
    while from < first && bytes.get(from).is_some_and(|b| b & 0xC0 == 0x80) {
        from += 1;
    }
    let mut to = (first + window).min(range.end);
    while to > first && bytes.get(to).is_some_and(|b| b & 0xC0 == 0x80) {
        to -= 1;
    }
    let range = from..to;
    let mut pieces: Vec<(String, Style)> = Vec::new();
    let mut at = range.start;
    for (m, owner) in app.cast().index.overlapping(range.clone()) {
        let Some(&(_, style)) = marks.iter().find(|(e, _)| *e == owner) else {
            continue;
        };
        let (s, e) = (m.start as usize, (m.end as usize).min(range.end));
        if s > at {
            pieces.push((one_line(&app.doc().text(at..s)), Style::new()));
        }
        pieces.push((one_line(&app.doc().text(s.max(at)..e)), style));
        at = e;
    }
    if at < range.end {
        pieces.push((one_line(&app.doc().text(at..range.end)), Style::new()));
    }
    let lead: usize = pieces
        .iter()
        .take_while(|(_, st)| *st == Style::new())
        .map(|(t, _)| t.width())
        .sum();
    let keep = width / 3;
    if lead > keep && width > 0 {
        let mut drop = lead - keep + 1;
        let mut out = vec![("…".to_string(), Style::new())];
        for (text, style) in pieces {
            if drop == 0 {
                out.push((text, style));
                continue;
            }
            let mut cut = 0;
            for (i, c) in text.char_indices() {
                if drop == 0 {
                    break;
                }
                drop = drop.saturating_sub(unicode_width::UnicodeWidthChar::width(c).unwrap_or(0));
                cut = i + c.len_utf8();
            }
            if cut < text.len() {
                out.push((text[cut..].to_string(), style));
            }
        }
        return out;
    }
    pieces
}
