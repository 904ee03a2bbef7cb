//! The help overlay, generated from the keymap that dispatches keys: sections in one column,
//! or two when the terminal is wide enough; taller than the screen, it scrolls.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use unicode_width::UnicodeWidthStr;

use crate::reader::app::HelpShape;
use crate::reader::input::{Context, Keymap};
use crate::reader::ui::{Theme, fit, truncate};

pub struct HelpView<'a> {
    pub keymap: &'a Keymap,
    pub theme: &'a Theme,
    /// Rows scrolled off the top (when the help is taller than the screen).
    pub scroll: u16,
}

const KEY_COLUMN: usize = 13;

impl HelpView<'_> {
    /// The keymap as sections of lines, each section under its heading: keys, what they do,
    /// and the action's name (what a config file rebinds). An action whose keys a config
    /// took away is still listed, with `—` for keys.
    pub fn sections(&self) -> Vec<Vec<Line<'static>>> {
        let reader = || self.keymap.in_context(Context::Reader);
        let description_column = reader().map(|b| b.description.width()).max().unwrap_or(0);
        let mut sections: Vec<Vec<Line>> = Vec::new();
        let mut current = "";
        for b in reader() {
            if b.section != current {
                current = b.section;
                sections.push(vec![Line::from(Span::styled(
                    current.to_string(),
                    self.theme.heading,
                ))]);
            }
            let keys: Vec<String> = b.keys.iter().map(|k| k.label()).collect();
            let keys = if keys.is_empty() {
                "—".to_string()
            } else {
                keys.join(" ")
            };
            sections
                .last_mut()
                .expect("a section")
                .push(Line::from(vec![
                    Span::styled(format!(" {keys:<KEY_COLUMN$}"), self.theme.title),
                    Span::raw(format!("{:<description_column$}  ", b.description)),
                    Span::styled(b.name.to_string(), self.theme.dim),
                ]));
        }
        sections.push(vec![
            Line::from(Span::styled("Mouse", self.theme.heading)),
            Line::from(" the wheel scrolls the pane under it;"),
            Line::from(" a click on a cast row or a mention"),
            Line::from(" selects that entity; on the map column"),
            Line::from(" or a panel row, it goes there; on"),
            Line::from(" another word, it makes it the search"),
            Line::from(" hit (for a or A)"),
        ]);
        sections
    }

    /// The help's rows at every width, for the app to know how far it scrolls.
    pub fn shape(keymap: &Keymap) -> HelpShape {
        let view = HelpView {
            keymap,
            theme: &Theme::monochrome(),
            scroll: 0,
        };
        let sections = view.sections();
        let rows = |columns: Vec<Vec<Line>>| columns.iter().map(|c| c.len()).max().unwrap_or(0);
        HelpShape {
            one_column: rows(columns(&sections, 0)) as u16,
            two_columns: rows(columns(&sections, u16::MAX)) as u16,
            two_columns_from: two_columns_from(&sections),
        }
    }
}

/// A help line in `width` columns: on a narrow screen the action's name goes first, then the
/// description ends with `…`, so a cut line says it is cut.
fn narrow(mut line: Line<'static>, width: usize) -> Line<'static> {
    if line.width() <= width {
        return line;
    }
    if line.spans.len() == 3 {
        line.spans.pop();
        let description = line.spans[1].content.trim_end().to_string();
        line.spans[1].content = description.into();
        if line.width() <= width {
            return line;
        }
    }
    let mut used = 0;
    let mut spans = Vec::new();
    for span in line.spans {
        let w = span.content.width();
        if used + w <= width {
            used += w;
            spans.push(span);
            continue;
        }
        let cut = truncate(&span.content, width - used);
        spans.push(Span::styled(cut, span.style));
        break;
    }
    Line::from(spans)
}

/// The narrowest screen on which the sections stand in two columns.
fn two_columns_from(sections: &[Vec<Line<'static>>]) -> u16 {
    let widest = sections
        .iter()
        .flatten()
        .map(|l| l.width())
        .max()
        .unwrap_or(20);
    (widest * 2 + 7) as u16
}

/// The sections in one column, or two balanced ones if `width` allows.
fn columns(sections: &[Vec<Line<'static>>], width: u16) -> Vec<Vec<Line<'static>>> {
    let join = |parts: &[Vec<Line<'static>>]| {
        let mut out = Vec::new();
        for (i, s) in parts.iter().enumerate() {
            if i > 0 {
                out.push(Line::default());
            }
            out.extend(s.iter().cloned());
        }
        out
    };
    if width < two_columns_from(sections) {
        return vec![join(sections)];
    }
    let total: usize = sections.iter().map(|s| s.len() + 1).sum();
    let mut split = 0;
    let mut acc = 0;
    while split < sections.len() && (acc + sections[split].len() + 1) * 2 <= total + 2 {
        acc += sections[split].len() + 1;
        split += 1;
    }
    vec![
        join(&sections[..split.max(1)]),
        join(&sections[split.max(1)..]),
    ]
}

impl Widget for HelpView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let sections = self.sections();
        let columns = columns(&sections, area.width);
        let col_width = columns
            .iter()
            .flatten()
            .map(|l| l.width())
            .max()
            .unwrap_or(20) as u16;
        let rows = columns.iter().map(|c| c.len()).max().unwrap_or(1) as u16;
        let width =
            (col_width * columns.len() as u16 + 3 * columns.len() as u16 + 1).min(area.width);
        let height = (rows + 3).min(area.height);
        // What the app's `HelpShape` works out too: the rows that do not fit, so the border
        // promises scrolling only when there is something to scroll to.
        let hidden = rows.saturating_sub(height.saturating_sub(2));
        let scroll = self.scroll.min(hidden);
        let popup = Rect {
            x: area.x + (area.width - width) / 2,
            y: area.y + (area.height - height) / 2,
            width,
            height,
        };
        Clear.render(popup, buf);
        let mut block = Block::default()
            .borders(Borders::ALL)
            .title(" dramatis · keys ");
        let mut room = usize::from(width.saturating_sub(4));
        let closes: &[&str] = if hidden == 0 {
            &[" Esc, q or ? closes ", " Esc closes "]
        } else {
            let more = match scroll {
                0 => " ↓ more ",
                s if s >= hidden => " ↑ more ",
                _ => " ↕ more ",
            };
            room = room.saturating_sub(more.width() + 1);
            block = block.title_bottom(Line::from(more).left_aligned());
            &[
                " j/k, Space, g/G scroll · Esc, q or ? closes ",
                " j/k scroll · Esc closes ",
                " Esc closes ",
            ]
        };
        block = block.title_bottom(Line::from(fit(closes, room)).right_aligned());
        block.render(popup, buf);
        let inner = Rect {
            x: popup.x + 2,
            y: popup.y + 1,
            width: popup.width.saturating_sub(3),
            height: popup.height.saturating_sub(2),
        };
        for (i, lines) in columns.into_iter().enumerate() {
            let x = inner.x + i as u16 * (col_width + 3);
            if x >= inner.x + inner.width {
                break;
            }
            let column = Rect {
                x,
                y: inner.y,
                width: col_width.min(inner.x + inner.width - x),
                height: inner.height,
            };
            let room = usize::from(column.width);
            let lines: Vec<Line> = lines.into_iter().map(|l| narrow(l, room)).collect();
            Paragraph::new(lines)
                .scroll((scroll, 0))
                .render(column, buf);
        }
    }
}
