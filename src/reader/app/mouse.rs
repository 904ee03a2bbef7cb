//! The mouse: the wheel scrolls the pane under the pointer, a click selects what is under it
//! (a lit mention selects its entity; another word becomes the search hit, for `a` to attach).

use super::{App, Focus, Overlay, geometry};
use crate::domain::{word, wrap};
use crate::reader::action::Amount;
use crate::reader::app::sidebar::SidebarRow;

impl App {
    pub(super) fn mouse_scroll(&mut self, column: u16, row: u16, lines: i32) {
        if self.overlay == Overlay::Help {
            return self.scroll_help(Amount::Lines(lines));
        }
        if let Some(area) = self.geometry.panel
            && geometry::contains(area, column, row)
        {
            return self.panel_move(i64::from(lines));
        }
        if let Some(area) = self.geometry.sidebar
            && geometry::contains(area, column, row)
        {
            let max = self.reading().sidebar_rows.len().saturating_sub(1);
            self.sidebar_scroll =
                (self.sidebar_scroll as i64 + i64::from(lines)).clamp(0, max as i64) as usize;
            return;
        }
        if geometry::contains(self.geometry.pane, column, row) {
            self.scroll(Amount::Lines(lines));
        }
    }

    pub(super) fn mouse_click(&mut self, column: u16, row: u16) {
        if self.panels_click(column, row) {
            return;
        }
        if let Some(area) = self.geometry.sidebar
            && geometry::contains(area, column, row)
        {
            let Some(i) = (row - area.y)
                .checked_sub(1)
                .map(|r| self.sidebar_scroll + r as usize)
            else {
                return;
            };
            if let Some(&SidebarRow::Entity(e)) = self.reading().sidebar_rows.get(i) {
                self.cursor = i;
                self.select(e, None);
                self.focus = Focus::Document;
                if self.narrow() {
                    self.sidebar_wanted = Some(false);
                    self.relayout();
                }
            }
            return;
        }
        // A mention the scope does not light is plain text.
        if let Some(offset) = self.offset_at(column, row)
            && let Some((m, e)) = self.cast().index.at(offset)
            && self.scope().admits(m.form)
        {
            let i = self.cast().entities[e].mentions.binary_search(&m).ok();
            self.select(e, i);
            self.cursor_to_entity(e);
        } else if let Some(offset) = self.offset_at(column, row)
            && let Some(word) = word::word_at(self.doc().bytes(), offset)
        {
            self.search_word(word);
        }
    }

    /// The byte of the document drawn at a screen cell, if text is drawn there.
    pub fn offset_at(&self, column: u16, row: u16) -> Option<usize> {
        let text = self.geometry.text;
        if !geometry::contains(text, column, row) {
            return None;
        }
        let (_, span) = self.view.get((row - text.y) as usize)?;
        let mut col = text.x;
        for cell in wrap::row_cells(self.doc().bytes(), *span) {
            let width = cell.width as u16;
            if column < col + width.max(1) {
                return Some(cell.bytes.start);
            }
            col += width;
        }
        None
    }
}
