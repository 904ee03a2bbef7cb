//! Moving around beyond scrolling: marks, the jump list, documents, search.

use super::*;

/// How many jumps `Ctrl-o` can go back through.
const JUMP_HISTORY: usize = 100;

impl App {
    /// Byte offset of the text at the top of the pane.
    pub fn top_offset(&self) -> usize {
        self.view
            .first()
            .map_or(self.top.block.start, |(_, s)| s.start)
    }

    /// Remembers where the view is before a jump, for `Ctrl-o`.
    pub(super) fn push_jump(&mut self) {
        let at = self.top_offset();
        if self.jumps.last() != Some(&at) {
            self.jumps.push(at);
            if self.jumps.len() > JUMP_HISTORY {
                self.jumps.remove(0);
            }
        }
    }

    pub(super) fn jump_back(&mut self) {
        match self.jumps.pop() {
            Some(at) => self.show_at_top(at),
            None => self.message = Some("no earlier position".into()),
        }
    }

    pub(super) fn jump_to_mark(&mut self, c: char) {
        if c == '\'' {
            return self.jump_back();
        }
        match self.marks.get(&c).copied() {
            Some(at) => {
                self.push_jump();
                self.show_at_top(at);
            }
            None => self.message = Some(format!("no mark {c}")),
        }
    }

    /// Puts the row holding `offset` at the top of the pane (within the document's end).
    pub(super) fn show_at_top(&mut self, offset: usize) {
        let row = self.layout.row_at(&self.doc, offset.min(self.doc.len()));
        let limit = self.layout.last_top(&self.doc, self.page());
        self.top = row.min(limit);
    }

    pub(super) fn toggle_overlay(&mut self, overlay: Overlay) {
        self.overlay = if self.overlay == overlay {
            Overlay::None
        } else {
            overlay
        };
    }

    pub(super) fn move_doc_cursor(&mut self, by: i32) {
        let last = self.shelves.len() as i64 - 1;
        self.doc_cursor = (self.doc_cursor as i64 + by as i64).clamp(0, last) as usize;
    }

    pub(super) fn step_document(&mut self, by: i32) {
        self.pending = None;
        let n = self.shelves.len() as i64;
        if n == 1 {
            self.message = Some("this is the only document".into());
            return;
        }
        let to = (self.shelf as i64 + by as i64).rem_euclid(n) as usize;
        self.open_document(to);
    }

    /// Shows document `to`, keeping what the reader did in the one it leaves.
    pub(super) fn open_document(&mut self, to: usize) {
        if to == self.shelf || to >= self.shelves.len() {
            return;
        }
        let memory = Memory {
            top: self.top_offset(),
            selected: self.selected,
            current: self.current,
            marks: std::mem::take(&mut self.marks),
            jumps: std::mem::take(&mut self.jumps),
            select_when_ready: self.select_when_ready.take(),
        };
        let leaving = &mut self.shelves[self.shelf];
        leaving.memory = memory;
        leaving.curation = self.curation.take();
        if self.progress.is_none() {
            leaving.cast = Some(std::mem::take(&mut self.cast));
        } else {
            leaving.progress = self.progress.unwrap_or(0);
        }

        self.shelf = to;
        let arriving = &mut self.shelves[to];
        self.doc = arriving.doc.clone();
        let memory = std::mem::take(&mut arriving.memory);
        let cast = arriving.cast.take();
        self.curation = arriving.curation.take();
        let progress = arriving.progress;
        self.layout = Layout::new(self.layout.width());
        self.view.clear();
        self.search = None;
        self.follow = Follow::Mentions;
        match cast {
            Some(cast) => {
                self.select_when_ready = None;
                self.set_cast(cast);
                self.selected = memory.selected.filter(|&e| e < self.cast.entities.len());
                self.current = memory.current;
            }
            None => {
                self.cast = Cast::default();
                self.sidebar_rows.clear();
                self.selected = None;
                self.current = None;
                self.progress = Some(progress);
                self.select_when_ready = memory.select_when_ready;
            }
        }
        self.marks = memory.marks;
        self.jumps = memory.jumps;
        self.top = self.layout.first(&self.doc);
        self.show_at_top(memory.top);
        self.message = Some(format!("document {}/{}", to + 1, self.shelves.len()));
    }

    /// Applies a remembered session unless the reader has already moved.
    pub(super) fn resume(&mut self, doc: usize, r: &Remembered) {
        if doc != self.shelf {
            if let Some(s) = self.shelves.get_mut(doc)
                && s.memory.top == 0
                && s.memory.jumps.is_empty()
            {
                s.memory = Memory::from_remembered(r);
            }
            return;
        }
        let untouched = self.jumps.is_empty() && self.top == self.layout.first(&self.doc);
        if !untouched {
            return;
        }
        self.show_at_top(r.top);
        for &(c, at) in &r.marks {
            self.marks.entry(c).or_insert(at);
        }
        if let Some(name) = &r.entity {
            match self.cast.entities.iter().position(|e| &e.name == name) {
                Some(e) if self.progress.is_none() => {
                    self.selected = Some(e);
                    self.cursor_to_entity(e);
                }
                _ => self.select_when_ready = Some(name.clone()),
            }
        }
        if r.top > 0 {
            self.message = Some("resumed where you left off (g goes to the top)".into());
        }
    }

    /// Incremental search: each keystroke finds the first hit from where the prompt opened.
    pub(super) fn search_as_typed(&mut self) {
        let Some(text) = self.prompt.clone() else {
            return;
        };
        let origin = self
            .search
            .as_ref()
            .map_or_else(|| self.top_offset(), |s| s.origin);
        if text.is_empty() {
            self.search = None;
            self.show_at_top(origin);
            return;
        }
        let query = Query::new(&text);
        let bytes = self.doc.bytes();
        // Every hit of a longer query is a hit of the query it extends (smart case included),
        // so typing on resumes from the last hit instead of rescanning from the origin: a
        // query with no hit but at 99 % of 100 MB costs one scan, not one per letter. (A
        // strictly shorter state was typed in this prompt, so its hit is the first from origin.)
        let extends = self
            .search
            .as_ref()
            .filter(|s| text.len() > s.text.len() && text.starts_with(s.text.as_str()))
            .map(|s| s.hit.clone());
        let hit = match extends {
            Some(None) => None,
            Some(Some(h)) if h.start < origin => search::find_next(bytes, &query, h.start),
            Some(Some(h)) => search::find_next(bytes, &query, h.start)
                .or_else(|| search::find_next(bytes, &query, 0)),
            None => search::find_next(bytes, &query, origin)
                .or_else(|| search::find_next(bytes, &query, 0)),
        };
        self.search = Some(SearchState {
            text,
            query,
            hit: hit.clone(),
            count: None,
            origin,
        });
        match hit {
            Some(h) => self.reveal_quietly(h.start),
            None => self.show_at_top(origin),
        }
    }

    pub(super) fn submit_search(&mut self) {
        let Some(text) = self.prompt.take() else {
            return;
        };
        if text.is_empty() {
            return;
        }
        if self.search.as_ref().is_none_or(|s| s.text != text) {
            self.prompt = Some(text.clone());
            self.search_as_typed();
            self.prompt = None;
        }
        self.follow = Follow::Search;
        let origin = self.search.as_ref().map(|s| s.origin);
        if let Some(origin) = origin
            && self.jumps.last() != Some(&origin)
        {
            self.jumps.push(origin);
        }
        self.count_due = true;
        if self.search.as_ref().is_some_and(|s| s.hit.is_none()) {
            self.message = Some(format!("not found: {}", wrap::sanitize(&text)));
        }
    }

    pub(super) fn cancel(&mut self) {
        if self.prompt_purpose == PromptPurpose::Rename {
            self.prompt_purpose = PromptPurpose::Search;
            self.prompt = None;
        }
        if self.prompt.take().is_some()
            && let Some(s) = self.search.take()
            && self.follow != Follow::Search
        {
            // Abandoning a new search goes back to where it started.
            self.show_at_top(s.origin);
        }
        self.pending = None;
    }

    pub(super) fn step_search(&mut self, forward: bool) {
        let Some(s) = &self.search else { return };
        let bytes = self.doc.bytes();
        let from = s.hit.clone().unwrap_or(s.origin..s.origin);
        let (hit, wrapped) = if forward {
            match search::find_next(bytes, &s.query, from.start + 1) {
                Some(h) => (Some(h), false),
                None => (search::find_next(bytes, &s.query, 0), true),
            }
        } else {
            match search::find_prev(bytes, &s.query, from.end.saturating_sub(1)) {
                Some(h) if h.start < from.start => (Some(h), false),
                _ => (search::find_prev(bytes, &s.query, bytes.len()), true),
            }
        };
        let Some(hit) = hit else {
            self.message = Some("no hits".into());
            return;
        };
        if let Some(s) = &mut self.search {
            s.hit = Some(hit.clone());
            // One step along the hits moves the counter by one: no rescan, at any size.
            s.count = s.count.map(|(i, n)| match (forward, wrapped) {
                (true, true) => (0, n),
                (true, false) => ((i + 1).min(n.saturating_sub(1)), n),
                (false, true) => (n.saturating_sub(1), n),
                (false, false) => (i.saturating_sub(1), n),
            });
        }
        self.reveal(hit.start);
        if wrapped {
            self.message = Some(if forward {
                "search wrapped to the top".into()
            } else {
                "search wrapped to the end".into()
            });
        }
    }

    /// Counts every hit once, when a search is submitted (one pass over the text: tens of
    /// milliseconds on 100 MB); `n` and `N` then move the counter without counting again.
    pub(super) fn count_hits(&mut self) {
        let Some(s) = &mut self.search else { return };
        s.count = s
            .hit
            .as_ref()
            .map(|h| search::count(self.doc.bytes(), &s.query, h.start));
    }

    /// Like `reveal`, without recording a jump (typing a search is not a jump yet).
    fn reveal_quietly(&mut self, offset: usize) {
        self.refresh_view();
        if self.on_screen(offset) {
            return;
        }
        let row = self.layout.row_at(&self.doc, offset);
        let above = (self.page() / 3) as isize;
        let top = self.layout.advance(&self.doc, row, -above);
        let limit = self.layout.last_top(&self.doc, self.page());
        self.top = top.min(limit);
    }
}
