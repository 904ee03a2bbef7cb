//! The document list: every open document with its dateline and title, by date.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::domain::wrap::sanitize;
use crate::reader::app::App;
use crate::reader::ui::Theme;

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
        let first = app.shelf_cursor.saturating_sub(inner.saturating_sub(1));
        let title_room = (width as usize).saturating_sub(34);
        let lines: Vec<Line> = app
            .shelf
            .iter()
            .enumerate()
            .skip(first)
            .take(inner)
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
                let text = format!(
                    "{mark} {date}  {:<18.18}  {}",
                    sanitize(&name),
                    sanitize(&reading.title(title_room))
                );
                let style = if i == app.shelf_cursor {
                    self.theme.cursor_focused
                } else {
                    self.theme.text
                };
                Line::from(Span::styled(text, style))
            })
            .collect();
        Clear.render(popup, buf);
        Paragraph::new(lines)
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .title(" documents · Enter opens · Esc closes "),
            )
            .render(popup, buf);
    }
}
