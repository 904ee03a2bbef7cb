//! The help overlay, generated from the keymap that dispatches keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::input::{Context, Keymap};
use crate::ui::Theme;

pub struct HelpView<'a> {
    pub keymap: &'a Keymap,
    pub theme: &'a Theme,
}

impl HelpView<'_> {
    pub fn lines(&self) -> Vec<Line<'static>> {
        let mut lines = Vec::new();
        let mut section = "";
        for b in self.keymap.in_context(Context::Reader) {
            if b.section != section {
                if !section.is_empty() {
                    lines.push(Line::default());
                }
                section = b.section;
                lines.push(Line::from(Span::styled(
                    section.to_string(),
                    self.theme.heading,
                )));
            }
            let keys: Vec<String> = b.keys.iter().map(|k| k.label()).collect();
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<18}", keys.join(" ")), self.theme.title),
                Span::raw(b.description.to_string()),
            ]));
        }
        lines.push(Line::default());
        lines.push(Line::from("Mouse: the wheel scrolls the pane under it; click a cast row or a lit mention to select it."));
        lines.push(Line::from(Span::styled(
            "Esc, q or ? closes this help.",
            self.theme.dim,
        )));
        lines
    }
}

impl Widget for HelpView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let lines = self.lines();
        let width =
            (lines.iter().map(|l| l.width()).max().unwrap_or(20) as u16 + 4).min(area.width);
        let height = (lines.len() as u16 + 2).min(area.height);
        let popup = Rect {
            x: area.x + (area.width - width) / 2,
            y: area.y + (area.height - height) / 2,
            width,
            height,
        };
        Clear.render(popup, buf);
        Paragraph::new(lines)
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .title(" dramatis · keys "),
            )
            .render(popup, buf);
    }
}
