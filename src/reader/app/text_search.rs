//! Search: incremental as typed, submitted, stepped through hit by hit, and counted once.
//! (Esc in the prompt, `cancel`, lives here too: it abandons a new search.)

use super::selection::wrap_note;
use super::{App, Follow, PromptPurpose, SearchState};
use crate::domain::search::{self, Query};
use crate::domain::wrap;
use crate::reader::action::{Action, Effect};

impl App {
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
        let bytes = self.doc().bytes();
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
            Some(h) => {
                self.reveal_quietly(h.start);
                // The prompt shows how many hits the words have as they are typed, counted on
                // a worker: on 100 MB a count is a pass no key should wait for.
                let (doc, document) = (self.shelf.shown_index(), self.doc().clone());
                if let Some(s) = &self.search {
                    self.effects.push(Effect::CountHits {
                        doc,
                        document,
                        text: s.text.clone(),
                        query: s.query.clone(),
                        hit: h.start,
                    });
                }
            }
            None => self.show_at_top(origin),
        }
    }

    /// Counts the hits after the next frame, once however often it is asked before then.
    fn ask_count(&mut self) {
        let asked = self
            .effects
            .iter()
            .any(|e| matches!(e, Effect::AfterFrame(Action::CountSearchHits)));
        if !asked {
            self.effects
                .push(Effect::AfterFrame(Action::CountSearchHits));
        }
    }

    /// A click on a word that is not lit: it becomes the search hit (the word, matched
    /// exactly), so `a` attaches it to the selection and `A` makes it a new entity, as after
    /// `/`. The status says so.
    pub(super) fn search_word(&mut self, word: std::ops::Range<usize>) {
        let text = self.doc().text(word.clone()).into_owned();
        let origin = self.top_offset();
        self.search = Some(SearchState {
            query: Query::with_case(&text, false),
            text: text.clone(),
            hit: Some(word),
            count: None,
            origin,
        });
        self.follow = Follow::Search;
        self.effects
            .push(Effect::AfterFrame(Action::CountSearchHits));
        let quoted = wrap::sanitize(&text);
        let selected = self.reading().selected.and_then(|e| self.entity(e));
        self.message = Some(match selected {
            Some(e) => format!(
                "\"{quoted}\" · a attaches it to {} · A makes it an entity",
                wrap::sanitize(&e.name)
            ),
            None => format!("\"{quoted}\" · select an entity, then a attaches it to it"),
        });
    }

    pub(super) fn submit_search(&mut self) {
        let Some(text) = self.prompt.take() else {
            return;
        };
        if text.is_empty() {
            return;
        }
        self.history.push(&text);
        if self.search.as_ref().is_none_or(|s| s.text != text) {
            self.prompt = Some(text.clone());
            self.search_as_typed();
            self.prompt = None;
        }
        self.follow = Follow::Search;
        let origin = self.search.as_ref().map(|s| s.origin);
        if let Some(origin) = origin
            && self.reading().jumps.last() != Some(&origin)
        {
            self.reading_mut().jumps.push(origin);
        }
        if self
            .search
            .as_ref()
            .is_some_and(|s| s.hit.is_some() && s.count.is_none())
        {
            // Drawn first, counted after: see `count_hits`.
            self.ask_count();
        }
        if self.search.as_ref().is_some_and(|s| s.hit.is_none()) {
            self.message = Some(format!("not found: {}", wrap::sanitize(&text)));
        }
    }

    pub(super) fn cancel(&mut self) {
        if let PromptPurpose::Filter(_) = self.prompt_purpose {
            self.drop_filter();
        }
        if matches!(self.prompt_purpose, PromptPurpose::Rename(_)) {
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

    /// The next (or previous) hit: after the current one while it is on screen, else from
    /// the view (forward from its top row on, backward from above it), as `step_mention`.
    pub(super) fn step_search(&mut self, forward: bool) {
        let Some(s) = &self.search else { return };
        let bytes = self.doc().bytes();
        let current = s.hit.clone().filter(|h| self.on_screen(h.start));
        let top = self.top_offset();
        let found = match (&current, forward) {
            (Some(h), true) => search::find_next(bytes, &s.query, h.start + 1),
            (Some(h), false) => search::find_prev(bytes, &s.query, h.end.saturating_sub(1))
                .filter(|p| p.start < h.start),
            (None, true) => search::find_next(bytes, &s.query, top),
            // The hits that start above the top row: those that end before it plus a hit's length.
            (None, false) => {
                search::find_prev(bytes, &s.query, (top + s.query.len()).saturating_sub(1))
            }
        };
        let wrapped = found.is_none();
        let hit = found.or_else(|| {
            if forward {
                search::find_next(bytes, &s.query, 0)
            } else {
                search::find_prev(bytes, &s.query, bytes.len())
            }
        });
        let Some(hit) = hit else {
            self.message = Some("no hits".into());
            return;
        };
        let stepped = current.is_some();
        if let Some(s) = &mut self.search {
            s.hit = Some(hit.clone());
            // One step along the hits moves the counter by one, and round the end it is known
            // too: no rescan, at any size. From the view, the hit's number is counted anew.
            s.count = s
                .count
                .and_then(|(i, n)| match (forward, wrapped, stepped) {
                    (true, true, _) => Some((0, n)),
                    (false, true, _) => Some((n.saturating_sub(1), n)),
                    (true, false, true) => Some(((i + 1).min(n.saturating_sub(1)), n)),
                    (false, false, true) => Some((i.saturating_sub(1), n)),
                    (_, false, false) => None,
                });
            if s.count.is_none() {
                self.ask_count();
            }
        }
        self.reveal(hit.start);
        if wrapped {
            self.aside.push(wrap_note(forward));
        }
    }

    /// A count from the worker: taken if it is of the search as it is now.
    pub(super) fn hits_counted(
        &mut self,
        doc: usize,
        text: &str,
        hit: usize,
        count: (usize, usize),
    ) {
        if doc != self.shelf.shown_index() {
            return;
        }
        if let Some(s) = &mut self.search
            && s.text == text
            && s.hit.as_ref().map(|h| h.start) == Some(hit)
        {
            s.count = Some(count);
        }
    }

    /// Counts every hit once, when a search is submitted (one pass over the text: tens of
    /// milliseconds on 100 MB); `n` and `N` then move the counter without counting again.
    pub(super) fn count_hits(&mut self) {
        let Some(s) = &mut self.search else { return };
        s.count = s
            .hit
            .as_ref()
            .map(|h| search::count(self.shelf.shown().doc.bytes(), &s.query, h.start));
    }
}
