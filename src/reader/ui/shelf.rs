//! The document list: every open document with its dateline and title, by date.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::domain::wrap::sanitize;
use crate::reader::app::App;
use crate::reader::ui::Theme;
use crate::reader::ui::row::matched_pieces;

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
        let title_room = (width as usize).saturating_sub(34);
        let filter = app.shelf_filter.as_ref();
        let lines: Vec<Line> = app
            .shelf_rows
            .iter()
            .skip(first)
            .take(inner)
            .filter_map(|&i| Some((i, app.shelf.get(i)?)))
            .map(|(i, reading)| {
                let date = reading
                    .doc
                    .dateline()
                    .map_or("          ".to_string(), |d| sanitize(&d.date));
                let name = std::path::Path::new(reading.doc.name())
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
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
                let name = format!("{:<18.18}", sanitize(&name));
                let title = sanitize(&reading.title(title_room));
                for (field, gap) in [(date, "  "), (name, "  "), (title, "")] {
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
                " documents · /{} {}/{} · Enter opens · Esc clears ",
                sanitize(f.text()),
                app.shelf_rows.len(),
                app.shelf.len()
            ),
            None => " documents · Enter opens · / filters · Esc closes ".to_string(),
        };
        Clear.render(popup, buf);
        Paragraph::new(lines)
            .block(Block::default().borders(Borders::ALL).title(title))
            .render(popup, buf);
    }
}
