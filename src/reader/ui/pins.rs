//! Pinned actors: each has a colour and a number, and a text attribute of its own, so that the
//! pins can be told apart without colour too (NO_COLOR, colour blindness). The title bar
//! carries the legend; the margin marks rows where pinned actors meet.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::domain::entity::Mention;
use crate::domain::wrap::{RowSpan, sanitize};
use crate::reader::app::App;
use crate::reader::ui::{Theme, truncate};

/// Background colours of pins 1 to 4: the light variants, apart from the kind colours used
/// for the selection.
pub const PIN_COLORS: [Color; 4] = [
    Color::LightRed,
    Color::LightBlue,
    Color::LightMagenta,
    Color::LightGreen,
];

/// The attribute each pin adds to its mentions, so colour is never the only difference.
const PIN_MODIFIERS: [Modifier; 4] = [
    Modifier::BOLD,
    Modifier::ITALIC,
    Modifier::BOLD.union(Modifier::ITALIC),
    Modifier::UNDERLINED,
];

/// The digit shown for pin `slot` (in the cast, the map, the margin and the legend).
pub fn digit(slot: usize) -> char {
    char::from_digit(slot as u32 + 1, 10).unwrap_or('+')
}

/// A mention of pinned entity `slot` in the text.
pub fn mention_style(theme: &Theme, slot: usize) -> Style {
    let slot = slot % PIN_COLORS.len();
    let base = if theme.color {
        Style::new().fg(Color::Black).bg(PIN_COLORS[slot])
    } else {
        Style::new().add_modifier(Modifier::REVERSED)
    };
    base.add_modifier(PIN_MODIFIERS[slot])
}

/// A description or pronoun of pinned entity `slot`: its colour and attribute, underlined,
/// without the background (weaker than a name, as for the selection).
pub fn inferred_style(theme: &Theme, slot: usize) -> Style {
    tag_style(theme, slot).add_modifier(Modifier::UNDERLINED)
}

/// A pin's number or name written on the normal background.
pub fn tag_style(theme: &Theme, slot: usize) -> Style {
    let slot = slot % PIN_COLORS.len();
    if theme.color {
        Style::new()
            .fg(PIN_COLORS[slot])
            .add_modifier(Modifier::BOLD)
    } else {
        Style::new().add_modifier(Modifier::BOLD | PIN_MODIFIERS[slot])
    }
}

/// What the left margin shows for a row, after the current-mention marker: `┃` on the
/// sentence the panel jumped to, then `quote` (the mark of the selection's quotations), `◆`
/// where pinned actors meet, else the number of the first pinned actor mentioned on the row.
pub fn margin(
    app: &App,
    theme: &Theme,
    span: RowSpan,
    mentions: &[(Mention, usize)],
    quote: Option<(String, Style)>,
) -> Option<(String, Style)> {
    let row = span.start..span.end.max(span.start + 1);
    if let Some(j) = &app.panels.jumped
        && j.start < row.end
        && row.start < j.end
    {
        return Some(("┃".into(), theme.margin_marker));
    }
    if quote.is_some() {
        return quote;
    }
    if app.pins_meet_in(row) {
        return Some(("◆".into(), theme.margin_marker));
    }
    mentions
        .iter()
        .find_map(|&(_, owner)| app.pin_of(owner))
        .map(|slot| (digit(slot).to_string(), tag_style(theme, slot)))
}

/// The legend at the right of the title bar: ` 1 Israel  2 Hamas `, each in its pin's style.
pub struct PinLegend<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl Widget for PinLegend<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let items: Vec<(String, Style)> = self
            .app
            .pin_names()
            .map(|(slot, name, _, present)| {
                let label = format!(" {} {} ", digit(slot), truncate(&sanitize(name), 18));
                let style = if present {
                    mention_style(self.theme, slot)
                } else {
                    self.theme.dim
                };
                (label, style)
            })
            .collect();
        if items.is_empty() {
            return;
        }
        let total: usize = items.iter().map(|(l, _)| l.width() + 1).sum();
        // Leave the file name and date room on the left.
        let room = (area.width as usize).saturating_sub(24);
        if total > room {
            return;
        }
        let mut x = area.x + area.width - total as u16;
        for (label, style) in items {
            x = buf.set_stringn(x, area.y, &label, label.width(), style).0 + 1;
        }
    }
}
