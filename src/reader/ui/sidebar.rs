//! The cast: entities grouped under headings, each with its kind tag, name, quotation count
//! (`❝2`, when it said something) and mention count.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::domain::wrap::sanitize;
use crate::reader::app::sidebar::SidebarRow;
use crate::reader::app::{App, Focus};
use crate::reader::ui::{Theme, pins, truncate, truncate_distinct};

pub struct SidebarView<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl Widget for SidebarView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let border_x = area.x;
        for y in area.y..area.y + area.height {
            buf.set_stringn(border_x, y, "│", 1, self.theme.border);
        }
        let x = area.x + 2;
        let width = area.width.saturating_sub(3) as usize;
        let title = match app.reading().progress {
            Some(p) => format!("finding entities… {p}%"),
            None if app.cast().entities.is_empty() => "no entities found".to_string(),
            None => format!("Cast · {}", app.cast().entities.len()),
        };
        let title_style = if app.focus == Focus::Sidebar {
            self.theme.title.add_modifier(Modifier::UNDERLINED)
        } else {
            self.theme.title
        };
        buf.set_stringn(x, area.y, truncate(&title, width), width, title_style);

        let list_height = area.height.saturating_sub(1) as usize;
        let shown = app
            .reading()
            .sidebar_rows
            .iter()
            .enumerate()
            .skip(app.sidebar_scroll)
            .take(list_height);
        let shown: Vec<_> = shown.collect();
        // Names on screen together, so that a cut one is cut where it differs from the others.
        let names: Vec<String> = shown
            .iter()
            .filter_map(|(_, row)| row.entity())
            .map(|e| sanitize(&app.cast().entities[e].name))
            .collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        for (n, &(i, row)) in shown.iter().enumerate() {
            let y = area.y + 1 + n as u16;
            match *row {
                SidebarRow::Heading(group) => {
                    buf.set_stringn(x, y, group.title(), width, self.theme.heading);
                }
                SidebarRow::Entity(e) => self.entity_row(buf, (x, y), width, i, e, &names),
            }
        }
    }
}

impl SidebarView<'_> {
    fn entity_row(
        &self,
        buf: &mut Buffer,
        (x, y): (u16, u16),
        width: usize,
        row: usize,
        e: usize,
        names: &[&str],
    ) {
        let app = self.app;
        let entity = &app.cast().entities[e];
        let is_cursor = row == app.cursor;
        let base = match (is_cursor, app.focus) {
            (true, Focus::Sidebar) => self.theme.cursor_focused,
            (true, Focus::Document) => self.theme.cursor_unfocused,
            _ => Style::new(),
        };
        // Paint the whole row first, so the cursor bar spans it.
        buf.set_stringn(x, y, " ".repeat(width), width, base);
        // A pinned entity shows its pin number (in its pin colour) where the selection dot goes.
        let pin = app.pin_of(e);
        let marker = match pin {
            Some(slot) => pins::digit(slot).to_string(),
            None if app.reading().selected == Some(e) => "●".to_string(),
            None => " ".to_string(),
        };
        let marker_style = match pin {
            Some(slot) => pins::tag_style(self.theme, slot),
            None => self.theme.tag(entity.kind),
        };
        let tag = format!("{:<4}", Theme::kind_tag(entity.kind));
        let count = format!("{} {}", said(app, self.theme, e), entity.mentions.len());
        let name_room = width.saturating_sub(2 + tag.width() + 1 + count.width());
        let name = truncate_distinct(&sanitize(&entity.name), name_room, names);
        let mut at = x;
        at = buf
            .set_stringn(at, y, &marker, 1, base.patch(marker_style))
            .0;
        at = buf.set_stringn(at, y, " ", 1, base).0;
        at = buf
            .set_stringn(at, y, &tag, 4, base.patch(self.theme.tag(entity.kind)))
            .0;
        at = buf.set_stringn(at, y, " ", 1, base).0;
        buf.set_stringn(at, y, &name, name_room, base);
        let count_x = x + (width - count.width().min(width)) as u16;
        buf.set_stringn(
            count_x,
            y,
            &count,
            count.width(),
            base.patch(self.theme.dim),
        );
    }
}

/// ` ❝2` for an entity that said two quotations; nothing for one that said none.
fn said(app: &App, theme: &Theme, e: usize) -> String {
    match app.reading().quote_counts.get(e) {
        Some(&n) if n > 0 => format!(" {}{n}", theme.quote_mark),
        _ => String::new(),
    }
}
