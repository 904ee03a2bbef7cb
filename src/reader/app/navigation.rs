//! Moving around beyond scrolling: marks, the jump list, documents, search.

use super::{App, Follow, Overlay, sidebar};
use crate::domain::layout::TextLayout;
use crate::store::sessions::Remembered;

impl App {
    /// Remembers where the view is before a jump, for `Ctrl-o`.
    pub(super) fn push_jump(&mut self) {
        let at = self.top_offset();
        self.reading_mut().push_jump(at);
    }

    pub(super) fn jump_back(&mut self) {
        match self.reading_mut().jumps.pop() {
            Some(at) => self.show_at_top(at),
            None => self.message = Some("no earlier position".into()),
        }
    }

    pub(super) fn jump_to_mark(&mut self, c: char) {
        if c == '\'' {
            return self.jump_back();
        }
        match self.reading().marks.get(&c).copied() {
            Some(at) => {
                self.push_jump();
                self.show_at_top(at);
            }
            None => self.message = Some(format!("no mark {c}")),
        }
    }

    pub(super) fn toggle_overlay(&mut self, overlay: Overlay) {
        self.overlay = if self.overlay == overlay {
            Overlay::None
        } else {
            overlay
        };
    }

    /// Moves the document list's cursor by `by` of the documents it shows.
    pub(super) fn move_doc_cursor(&mut self, by: i32) {
        let rows = &self.shelf_rows;
        if rows.is_empty() {
            return;
        }
        let here = rows.partition_point(|&d| d < self.shelf_cursor) as i64;
        let to = (here + i64::from(by)).clamp(0, rows.len() as i64 - 1);
        self.shelf_cursor = rows[to as usize];
    }

    pub(super) fn step_document(&mut self, by: i32) {
        self.pending = None;
        let n = self.shelf.len() as i64;
        if n == 1 {
            self.message = Some("this is the only document".into());
            return;
        }
        let to = (self.shelf.shown_index() as i64 + i64::from(by)).rem_euclid(n) as usize;
        self.open_document(to);
    }

    /// Shows document `to`. Its reading is as the reader left it; the view is laid out afresh
    /// for it, at the position it was left at.
    pub(super) fn open_document(&mut self, to: usize) {
        if to == self.shelf.shown_index() || to >= self.shelf.len() {
            return;
        }
        self.shelf.show(to);
        self.layout = TextLayout::new(self.layout.width());
        self.view.clear();
        self.search = None;
        self.follow = Follow::Mentions;
        self.cursor = sidebar::step(&self.reading().sidebar_rows, 0, 0);
        self.sidebar_scroll = 0;
        if self.reading().progress.is_none() {
            self.panels_on_cast();
        }
        self.top = self.layout.first(&self.shelf.shown().doc);
        self.show_at_top(self.reading().position);
        self.message = Some(format!("document {}/{}", to + 1, self.shelf.len()));
    }

    /// Applies a remembered session to reading `doc` unless the reader has already moved in it.
    pub(super) fn resume(&mut self, doc: usize, r: &Remembered) {
        let Some(reading) = self.shelf.get_mut(doc) else {
            return;
        };
        if !reading.untouched() {
            return;
        }
        reading.position = r.top;
        for &(c, at) in &r.marks {
            reading.marks.entry(c).or_insert(at);
        }
        let mut selected = None;
        if let Some(name) = &r.entity {
            match reading.find(name) {
                Some(e) if reading.progress.is_none() => {
                    reading.selected = Some(e);
                    selected = Some(e);
                }
                _ => reading.select_when_ready = Some(name.clone()),
            }
        }
        if doc != self.shelf.shown_index() {
            return;
        }
        self.restore_pins(&r.pins);
        self.show_at_top(r.top);
        if let Some(e) = selected {
            self.cursor_to_entity(e);
        }
        if r.top > 0 {
            self.message = Some("resumed where you left off (g goes to the top)".into());
        }
    }
}
