//! The document list: every open document with its dateline and title, by date.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::domain::wrap::sanitize;
use crate::reader::app::App;
use unicode_width::UnicodeWidthStr;

use crate::reader::ui::row::matched_pieces;
use crate::reader::ui::{Theme, document_label, fit_title, pad};

/// A dateline's date (`2023-11-08`).
const DATE_WIDTH: usize = 10;
/// The file name column beside a date column, at least.
const NAME_WIDTH: usize = 18;
/// The title column, at least, when names are long.
const TITLE_WIDTH: usize = 24;

pub struct ShelfList<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl Widget for ShelfList<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let width = area.width.saturating_sub(4).min(100);
        let height = (app.shelf.len() as u16 + 2)
            .min(area.height.saturating_sub(2))
            .max(3);
        let popup = Rect {
            x: area.x + (area.width - width) / 2,
            y: area.y + (area.height - height) / 2,
            width,
            height,
        };
        let inner = height.saturating_sub(2) as usize;
        let at = app
            .shelf_rows
            .iter()
            .position(|&d| d == app.shelf_cursor)
            .unwrap_or(0);
        let first = at.saturating_sub(inner.saturating_sub(1));
        let filter = app.shelf_filter.as_ref();
        // The date column only when some document has a dateline; without it, names get its
        // room too.
        let dated = app.shelf.iter().any(|r| r.doc.dateline().is_some());
        let date_width = if dated { DATE_WIDTH + 2 } else { 0 };
        let longest = app
            .shelf
            .iter()
            .map(|r| document_label(r.doc.name()).width())
            .max()
            .unwrap_or(0);
        let row = (width as usize).saturating_sub(2);
        // Names as long as they are while the titles keep a few words.
        let cap = (NAME_WIDTH + if dated { 0 } else { DATE_WIDTH + 2 })
            .max(row.saturating_sub(4 + date_width + TITLE_WIDTH));
        let name_width = longest.min(cap).max(4);
        let title_room = row.saturating_sub(2 + date_width + name_width + 2);
        let lines: Vec<Line> = app
            .shelf_rows
            .iter()
            .skip(first)
            .take(inner)
            .filter_map(|&i| Some((i, app.shelf.get(i)?)))
            .map(|(i, reading)| {
                let date = match reading.doc.dateline() {
                    Some(d) => pad(&sanitize(&d.date), DATE_WIDTH),
                    None => " ".repeat(DATE_WIDTH),
                };
                let mark = if i == app.shelf.shown_index() {
                    "▶"
                } else {
                    " "
                };
                let style = if i == app.shelf_cursor {
                    self.theme.cursor_focused
                } else {
                    self.theme.text
                };
                let matched = style.patch(self.theme.search_hit(false));
                let mut spans = vec![Span::styled(format!("{mark} "), style)];
                let name = pad(&document_label(reading.doc.name()), name_width);
                let title = sanitize(&reading.title(title_room));
                let fields = [(date, "  "), (name, "  "), (title, "")];
                for (field, gap) in fields.into_iter().skip(usize::from(!dated)) {
                    for (piece, hit) in matched_pieces(&field, filter) {
                        let st = if hit { matched } else { style };
                        spans.push(Span::styled(piece.to_string(), st));
                    }
                    spans.push(Span::styled(gap, style));
                }
                Line::from(spans)
            })
            .collect();
        let title = match filter {
            Some(f) => format!(
                "documents · /{} {}/{} · Enter opens · Esc clears",
                sanitize(f.text()),
                app.shelf_rows.len(),
                app.shelf.len()
            ),
            None => "documents · Enter opens · / filters · Esc closes".to_string(),
        };
        Clear.render(popup, buf);
        Paragraph::new(lines)
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .title(format!(" {} ", fit_title(&title, row.saturating_sub(2)))),
            )
            .render(popup, buf);
    }
}
