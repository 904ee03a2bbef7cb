//! The cast: entities grouped under headings, each with its kind tag, name, quotation count
//! (`❝2`, when it said something) and mention counts: names and demonyms, then `+N`
//! descriptions and pronouns when every mention is lit.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::domain::lit::Scope;
use crate::domain::wrap::sanitize;
use crate::reader::app::list_filter::FilterTarget;
use crate::reader::app::sidebar::SidebarRow;
use crate::reader::app::{App, Focus};
use crate::reader::ui::row::matched_pieces;
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
        let mut title = match app.reading().progress {
            Some(p) => format!("finding entities… {p}%"),
            None if app.cast().entities.is_empty() => "no entities found".to_string(),
            None => match app.reading().cast_filter.as_ref() {
                Some(f) => {
                    let (kept, all) = app.filter_counts(FilterTarget::Cast);
                    format!("Cast · /{} {kept}/{all}", sanitize(f.text()))
                }
                None => format!("Cast · {}", app.cast().entities.len()),
            },
        };
        match app.reading().read_so_far {
            Some(p) => title = title.replacen("Cast", "Cast so far", 1) + &format!(" · {p}% read"),
            None if app.reading().names_only => title.push_str(" · finding pronouns…"),
            None => {}
        }
        let title_style = if app.focus == Focus::Sidebar {
            self.theme.title.add_modifier(Modifier::UNDERLINED)
        } else {
            self.theme.title
        };
        buf.set_stringn(x, area.y, truncate(&title, width), width, title_style);

        if app.reading().sidebar_rows.is_empty() && app.reading().cast_filter.is_some() {
            let note = "nothing matches (Esc clears)";
            buf.set_stringn(x, area.y + 1, truncate(note, width), width, self.theme.dim);
        }
        let list_height = area.height.saturating_sub(1) as usize;
        let shown = || {
            app.reading()
                .sidebar_rows
                .iter()
                .enumerate()
                .skip(app.sidebar_scroll)
                .take(list_height)
        };
        let columns = Counts::columns(app, width, shown().filter_map(|(_, r)| r.entity()));
        // Names on screen together, so that a cut one is cut where it differs from the others.
        let names: Vec<String> = shown()
            .filter_map(|(_, row)| row.entity())
            .map(|e| sanitize(&app.cast().entities[e].name))
            .collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        for (n, (i, row)) in shown().enumerate() {
            let y = area.y + 1 + n as u16;
            match *row {
                SidebarRow::Heading(group) => {
                    buf.set_stringn(x, y, group.title(), width, self.theme.heading);
                }
                SidebarRow::Entity(e) => {
                    let line = Rect::new(x, y, width as u16, 1);
                    self.entity_row(buf, line, i, e, (columns, &names));
                }
            }
        }
    }
}

/// The widths of the count columns over the rows on screen: the lit names and demonyms
/// right-aligned, then `+N` descriptions and pronouns (when every mention is lit and some row
/// has them), so both line up down the cast.
#[derive(Debug, Clone, Copy)]
struct Counts {
    names: usize,
    inferred: usize,
    /// Between the two: a space, or nothing in a narrow cast (`13+2`), where every column
    /// is a letter of the name.
    gap: &'static str,
}

/// Below this many columns of cast, the counts drop the space between them.
const ROOMY: usize = 30;

impl Counts {
    fn columns(app: &App, width: usize, entities: impl Iterator<Item = usize>) -> Counts {
        let mut widths = Counts {
            names: 0,
            inferred: 0,
            gap: if width < ROOMY { "" } else { " " },
        };
        let every = app.scope() == Scope::Every;
        for e in entities {
            widths.names = widths
                .names
                .max(compact(app.cast().count(e, Scope::Names)).width());
            let inferred = app.cast().inferred(e);
            if every && inferred > 0 {
                widths.inferred = widths.inferred.max(1 + compact(inferred).width());
            }
        }
        widths
    }

    /// The counts of entity `e`, in these widths.
    fn text(self, app: &App, e: usize) -> String {
        let names = compact(app.cast().count(e, Scope::Names));
        let mut out = format!(" {names:>w$}", w = self.names);
        if self.inferred > 0 {
            let inferred = match app.cast().inferred(e) {
                0 => String::new(),
                n => format!("+{}", compact(n)),
            };
            out.push_str(&format!("{}{inferred:<w$}", self.gap, w = self.inferred));
        }
        out
    }
}

/// A count in at most four columns: 999, 1.2k, 12k, 123k, 1.2M.
fn compact(n: usize) -> String {
    match n {
        0..1_000 => n.to_string(),
        1_000..10_000 => format!("{}.{}k", n / 1_000, n / 100 % 10),
        10_000..1_000_000 => format!("{}k", n / 1_000),
        1_000_000..10_000_000 => format!("{}.{}M", n / 1_000_000, n / 100_000 % 10),
        _ => format!("{}M", n / 1_000_000),
    }
}

impl SidebarView<'_> {
    /// Entity `e`, sidebar row `row`, drawn on `line`, its counts in `columns`, its name
    /// told apart from the other `names` on screen.
    fn entity_row(
        &self,
        buf: &mut Buffer,
        line: Rect,
        row: usize,
        e: usize,
        (columns, names): (Counts, &[&str]),
    ) {
        let (x, y, width) = (line.x, line.y, line.width as usize);
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
        let count = format!("{}{}", said(app, self.theme, e), columns.text(app, e));
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
        let matched = base.patch(self.theme.search_hit(false));
        let name_x = at;
        for (piece, hit) in matched_pieces(&name, app.reading().cast_filter.as_ref()) {
            let room = name_room.saturating_sub((at - name_x) as usize);
            at = buf
                .set_stringn(at, y, piece, room, if hit { matched } else { base })
                .0;
        }
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

#[cfg(test)]
mod tests {
    use super::compact;

    #[test]
    fn counts_fit_four_columns() {
        let got: Vec<String> = [
            7, 999, 1_000, 1_250, 9_999, 12_345, 999_999, 1_234_567, 45_000_000,
        ]
        .into_iter()
        .map(compact)
        .collect();
        assert_eq!(
            got,
            [
                "7", "999", "1.0k", "1.2k", "9.9k", "12k", "999k", "1.2M", "45M"
            ]
        );
    }
}
