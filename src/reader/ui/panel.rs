//! The panel under the text: a header row that says what the list is and which keys apply,
//! then the list, its cursor row in reverse video. The rows themselves are drawn by
//! `connections`, `context_list`, `corpus` and `quotes`, each through a `row::Writer`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;

use crate::domain::wrap::sanitize;
use crate::reader::app::panels::{Head, Row};
use crate::reader::app::{App, Focus};
use crate::reader::ui::row::Writer;
use crate::reader::ui::{Theme, connections, context_list, corpus, fit_title, quotes, truncate};

pub struct PanelView<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl Widget for PanelView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let Some(panel) = app.panel() else {
            return;
        };
        for y in area.y..area.y + area.height {
            buf.set_stringn(
                area.x,
                y,
                " ".repeat(area.width as usize),
                area.width as usize,
                Style::new(),
            );
        }
        let width = area.width as usize;
        buf.set_stringn(area.x, area.y, "─".repeat(width), width, self.theme.border);
        let list = panel.list();
        let room = width.saturating_sub(2);
        let title = match &list.filter {
            Some(f) => {
                let (kept, all) = list.counts();
                format!(
                    " /{} {kept}/{all} (Esc clears) · {} ",
                    sanitize(f.text()),
                    fit_title(&header(app, list.head), room.saturating_sub(40))
                )
            }
            None => format!(
                " {} ",
                fit_title(&header(app, list.head), room.saturating_sub(2))
            ),
        };
        let title_style = if app.focus == Focus::Panel {
            self.theme.title.add_modifier(Modifier::UNDERLINED)
        } else {
            self.theme.title
        };
        buf.set_stringn(
            area.x + 1,
            area.y,
            truncate(&title, room),
            room,
            title_style,
        );

        let rows = area.height.saturating_sub(1) as usize;
        if list.rows.is_empty() {
            let note = match list.head {
                _ if list.filter.is_some() => "nothing matches the filter (Esc clears it)",
                Head::Connections(_) if app.relations().is_none() => "counting connections…",
                Head::Connections(_) => "shares no sentence with another entity",
                Head::Quotes(scope) => quotes::empty_note(scope),
                _ => "nothing to list",
            };
            buf.set_stringn(area.x + 2, area.y + 1, note, room, self.theme.dim);
            return;
        }
        // Names on screen together, so that a cut one is cut where it differs from the others.
        let names: Vec<String> = list
            .rows
            .iter()
            .skip(list.scroll)
            .take(rows)
            .filter_map(|&row| row_name(app, list.head, row))
            .collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        for (n, (i, &row)) in list
            .rows
            .iter()
            .enumerate()
            .skip(list.scroll)
            .take(rows)
            .enumerate()
        {
            let y = area.y + 1 + n as u16;
            let base = match (i == list.cursor, app.focus) {
                (true, Focus::Panel) => self.theme.cursor_focused,
                (true, _) => self.theme.cursor_unfocused,
                _ => Style::new(),
            };
            buf.set_stringn(area.x, y, " ".repeat(width), width, base);
            let mut w = Writer {
                buf: &mut *buf,
                x: area.x + 1,
                y,
                right: area.x + area.width,
                base,
                filter: list.filter.as_ref(),
                matched: self.theme.search_hit(false),
            };
            match row {
                Row::Heading(group) => {
                    w.put(group.title(), self.theme.heading);
                }
                Row::Connection(k) => {
                    connections::connection_row(app, self.theme, list.head, k, &names, &mut w);
                }
                Row::Sentence(s) => connections::sentence_row(app, self.theme, list, i, s, &mut w),
                Row::Mention(m) => context_list::context_row(app, self.theme, list.head, m, &mut w),
                Row::CorpusEntity(ce) => corpus::entity_row(app, self.theme, ce, &names, &mut w),
                Row::Appearance { document, .. } => {
                    corpus::appearance_row(app, self.theme, list.head, document, &mut w);
                }
                Row::Quote(q) => quotes::quote_row(app, self.theme, list.head, q, &mut w),
            }
        }
    }
}

/// The entity name a row shows in its name column (sanitized), if it shows one.
fn row_name(app: &App, head: Head, row: Row) -> Option<String> {
    let name = match (row, head) {
        (Row::Connection(k), Head::Connections(e)) => {
            let other = app.relations()?.connections.get(k).other(e);
            app.entity(other)?.name.clone()
        }
        (Row::CorpusEntity(ce), _) => app.panels.corpus.as_ref()?.cast.entities[ce].name.clone(),
        _ => return None,
    };
    Some(sanitize(&name))
}

/// What the list is, and the keys that apply to it.
fn header(app: &App, head: Head) -> String {
    let name = |e: usize| app.entity(e).map(|x| sanitize(&x.name)).unwrap_or_default();
    match head {
        Head::Connections(e) => {
            let n = app.relations().map_or(0, |r| r.connections.count_of(e));
            format!(
                "Connections of {} · {n} share sentences with it · Enter: the sentences · p pins · Esc closes",
                name(e)
            )
        }
        Head::Shared { entity, pair } => {
            let (other, n) = app
                .relations()
                .map(|r| r.connections.get(pair))
                .map_or((entity, 0), |c| (c.other(entity), c.sentences.len()));
            format!(
                "{} and {} · {n} shared sentence{} · Enter jumps · Esc back",
                name(entity),
                name(other),
                if n == 1 { "" } else { "s" }
            )
        }
        Head::Contexts(e) => {
            let n = app.cast().count(e, app.scope());
            format!(
                "{} in context · {n} mention{} · Enter jumps · Esc closes",
                name(e),
                if n == 1 { "" } else { "s" }
            )
        }
        Head::Corpus => {
            let n = app.shelf.len();
            let span = app.panels.corpus.as_ref().and_then(|c| {
                Some(format!(
                    " · {} to {}",
                    c.timeline.dates.first()?,
                    c.timeline.dates.last()?
                ))
            });
            let read = app.panels.corpus.as_ref().map_or(n, |c| c.read);
            let of = if read < n {
                format!("{read} of {n} documents (finding entities in the rest)")
            } else {
                format!("{n} document{}", if n == 1 { "" } else { "s" })
            };
            format!(
                "Cast of {of}{} · Enter: the documents that mention it · Esc closes",
                span.unwrap_or_default()
            )
        }
        Head::Appearances(ce) => match app.panels.corpus.as_ref().map(|c| &c.cast.entities[ce]) {
            Some(c) => format!(
                "{} in {} document{} · {} mentions{} · Enter opens it at the first mention · Esc back",
                sanitize(&c.name),
                c.appearances.len(),
                if c.appearances.len() == 1 { "" } else { "s" },
                c.mentions(),
                match c.quotes() {
                    0 => String::new(),
                    1 => " · 1 quotation".into(),
                    n => format!(" · {n} quotations"),
                }
            ),
            None => String::new(),
        },
        Head::Quotes(scope) => quotes::header(app, scope),
    }
}
