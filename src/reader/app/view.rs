//! The view: the shown document laid out for the text pane, what is on screen, and moving it.

use super::{App, Focus, geometry};
use crate::reader::action::Amount;

impl App {
    /// The text rows' height.
    pub(super) fn page(&self) -> usize {
        self.geometry.text.height.max(1) as usize
    }

    pub(super) fn narrow(&self) -> bool {
        self.size.0 < geometry::SIDEBAR_MIN_TOTAL
    }

    pub(super) fn relayout(&mut self) {
        let anchor = self.view.first().map(|(_, s)| s.start);
        let wants_sidebar = self.sidebar_wanted.unwrap_or(!self.narrow());
        self.geometry = geometry::geometry(
            self.size.0,
            self.size.1,
            wants_sidebar,
            self.options.measure,
        );
        if self.panels.panel.is_some() {
            self.geometry.carve_panel();
        }
        if self.geometry.sidebar.is_none() && self.focus == Focus::Sidebar {
            self.focus = Focus::Document;
        }
        if self.geometry.text.width > 0 {
            self.layout.set_width(self.geometry.text.width as usize);
        }
        // Keep the text that was at the top of the pane in view.
        self.top = match anchor {
            Some(offset) => self.layout.row_at(&self.shelf.shown().doc, offset),
            None => self
                .layout
                .row_at(&self.shelf.shown().doc, self.top.block.start),
        };
        self.clamp_sidebar_scroll();
    }

    pub(super) fn refresh_view(&mut self) {
        let height = if self.geometry.too_small {
            0
        } else {
            self.page()
        };
        self.view = if self.only.is_some() {
            let rows = self.only_view(height);
            let doc = &self.shelf.shown().doc;
            rows.into_iter()
                .map(|span| (self.layout.row_at(doc, span.start), span))
                .collect()
        } else {
            self.layout
                .visible(&self.shelf.shown().doc, self.top, height)
        };
        // The reading keeps where the view is, for when it is shown again and for the session.
        let at = self.top_offset();
        self.reading_mut().position = at;
    }

    pub(super) fn scroll(&mut self, amount: Amount) {
        if self.only.is_some() {
            return self.only_scroll(amount);
        }
        let page = self.page() as i32;
        let rows = match amount {
            Amount::Lines(n) => n,
            Amount::HalfPages(n) => n * (page / 2).max(1),
            Amount::Pages(n) => n * (page - 1).max(1),
        };
        let page = self.page();
        self.top = self
            .layout
            .scroll(&self.shelf.shown().doc, self.top, rows as isize, page);
    }

    /// The bytes on screen, as a range whose members are exactly the offsets `on_screen`
    /// accepts (so a binary search over sorted mentions can stand in for a scan).
    pub(super) fn screen_range(&self) -> std::ops::Range<usize> {
        match (self.view.first(), self.view.last()) {
            (Some((_, first)), Some((_, last))) => {
                let end = if last.end == self.doc().len() {
                    last.end + 1
                } else {
                    last.end
                };
                first.start..end
            }
            _ => 0..0,
        }
    }

    pub(super) fn on_screen(&self, offset: usize) -> bool {
        match (self.view.first(), self.view.last()) {
            (Some((_, first)), Some((_, last))) => {
                offset >= first.start
                    && (offset < last.end || (offset == last.end && last.end == self.doc().len()))
            }
            _ => false,
        }
    }

    /// Brings `offset` on screen, a third of the way down, unless it is already visible.
    pub(super) fn reveal(&mut self, offset: usize) {
        self.refresh_view();
        if self.on_screen(offset) {
            return;
        }
        self.push_jump();
        let row = self.layout.row_at(&self.shelf.shown().doc, offset);
        let above = (self.page() / 3) as isize;
        let top = self.layout.advance(&self.shelf.shown().doc, row, -above);
        let limit = self.layout.last_top(&self.shelf.shown().doc, self.page());
        self.top = top.min(limit);
        self.refresh_view();
    }

    /// Byte offset of the text at the top of the pane.
    pub fn top_offset(&self) -> usize {
        self.view
            .first()
            .map_or(self.top.block.start, |(_, s)| s.start)
    }

    /// Puts the row holding `offset` at the top of the pane (within the document's end).
    pub(super) fn show_at_top(&mut self, offset: usize) {
        let row = self
            .layout
            .row_at(&self.shelf.shown().doc, offset.min(self.doc().len()));
        let limit = self.layout.last_top(&self.shelf.shown().doc, self.page());
        self.top = row.min(limit);
    }

    /// Like `reveal`, without recording a jump (typing a search is not a jump yet).
    pub(super) fn reveal_quietly(&mut self, offset: usize) {
        self.refresh_view();
        if self.on_screen(offset) {
            return;
        }
        let row = self.layout.row_at(&self.shelf.shown().doc, offset);
        let above = (self.page() / 3) as isize;
        let top = self.layout.advance(&self.shelf.shown().doc, row, -above);
        let limit = self.layout.last_top(&self.shelf.shown().doc, self.page());
        self.top = top.min(limit);
    }
}
