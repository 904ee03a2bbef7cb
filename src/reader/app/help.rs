//! Scrolling the help overlay. How far it goes depends on how many rows the help has at the
//! terminal's width (one column of sections, or two on a wide screen): the ui measures that
//! from the keymap once, at start (`ui::HelpView::shape`), and the app keeps the measure.

use super::App;
use crate::reader::action::Amount;

/// The help's rows as laid out for a width.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct HelpShape {
    /// Rows when the sections stand in one column.
    pub one_column: u16,
    /// Rows when they stand in two.
    pub two_columns: u16,
    /// The narrowest screen that takes two columns.
    pub two_columns_from: u16,
}

impl HelpShape {
    /// The help's rows on a screen `width` columns wide.
    pub fn rows(&self, width: u16) -> u16 {
        if width >= self.two_columns_from {
            self.two_columns
        } else {
            self.one_column
        }
    }

    /// The rows shown at once on a `width` × `height` screen (inside the border, with a blank
    /// row under the last section when there is room).
    pub fn visible(&self, width: u16, height: u16) -> u16 {
        (self.rows(width) + 3).min(height).saturating_sub(2)
    }

    /// The furthest the help scrolls: its last row at the bottom of the box.
    pub fn bottom(&self, width: u16, height: u16) -> u16 {
        self.rows(width).saturating_sub(self.visible(width, height))
    }
}

impl App {
    fn help_bottom(&self) -> u16 {
        self.options.help.bottom(self.size.0, self.size.1)
    }

    /// Scrolls the help by `amount` (pages keep a row of the last page in view), within it.
    pub(super) fn scroll_help(&mut self, amount: Amount) {
        let page = i32::from(self.options.help.visible(self.size.0, self.size.1)).max(2);
        let by = match amount {
            Amount::Lines(n) => n,
            Amount::HalfPages(n) => n * (page / 2),
            Amount::Pages(n) => n * (page - 1),
        };
        self.help_to(i32::from(self.help_scroll) + by);
    }

    /// Scrolls the help to row `to` (within its ends).
    pub(super) fn help_to(&mut self, to: i32) {
        self.help_scroll = to.clamp(0, i32::from(self.help_bottom())) as u16;
    }
}
