//! `&`, as in less: the text pane shows only the sentences that mention the selection, one
//! after another, and scrolls through them as through the text. `Esc` (or `&`, `q`) returns to
//! where the reader was; `Enter` returns to the whole text at the sentence on top. Keys that
//! have nothing to do with these sentences (search, marks, documents, corrections) return to the
//! whole text first and act there.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use super::{App, Focus, Overlay};
use crate::domain::layout::BLOCK_MAX;
use crate::domain::lit::Scope;
use crate::domain::wrap::{self, RowSpan};
use crate::reader::action::{Action, Amount};

/// The sentences of one entity, and where the pane is in them.
#[derive(Debug, Clone)]
pub struct Only {
    /// The entity whose sentences are shown.
    pub entity: usize,
    /// Which of its mentions count (`e`: names only leaves out the sentences that have only a
    /// pronoun or description of it).
    scope: Scope,
    /// The sentences, in order, as byte ranges.
    pub sentences: Vec<Range<usize>>,
    /// The sentence at the top of the pane, and how many of its rows are above the pane.
    top: (usize, usize),
    /// Where the text was when `&` was pressed.
    from: usize,
    /// Each sentence's rows at `width`, laid out as they are looked at.
    rows: HashMap<usize, Arc<[RowSpan]>>,
    width: usize,
}

impl App {
    /// `&`: only the sentences of the entity acted on (the cast cursor's while the cast has
    /// focus, else the selection); again, the whole text.
    pub(super) fn toggle_only(&mut self) {
        if self.only.is_some() {
            return self.leave_only(false);
        }
        let e = match self.focus {
            Focus::Sidebar => self.cursor_entity(),
            _ => self.reading().selected,
        };
        let Some(e) = e else {
            self.message = Some("& shows the sentences of an entity: select one first".into());
            return;
        };
        if self.relations().is_none() {
            self.message = Some("the sentences are still being counted".into());
            return;
        }
        let from = self.top_offset();
        if self.reading().selected != Some(e) {
            self.reading_mut().selected = Some(e);
            self.reading_mut().current = None;
        }
        self.focus = Focus::Document;
        if self.narrow() {
            self.sidebar_wanted = Some(false);
            self.relayout();
        }
        self.show_only(e, from);
    }

    /// Shows the sentences of `e` (or says there are none), from the top.
    fn show_only(&mut self, e: usize, from: usize) {
        let sentences = self.sentences_of(e);
        if sentences.is_empty() {
            self.only = None;
            self.message = Some("no sentence mentions it".into());
            return;
        }
        // Start at the first sentence at or after where the reader was.
        let first = sentences
            .partition_point(|s| s.end <= from)
            .min(sentences.len() - 1);
        self.only = Some(Only {
            entity: e,
            scope: self.scope(),
            sentences,
            top: (first, 0),
            from,
            rows: HashMap::new(),
            width: self.layout.width(),
        });
        let last = self.only_last_top();
        if let Some(o) = &mut self.only {
            o.top = o.top.min(last);
        }
    }

    /// The sentences that mention `e` (as the scope lights it), in order, each once.
    fn sentences_of(&self, e: usize) -> Vec<Range<usize>> {
        let (Some(r), Some(entity)) = (self.relations(), self.entity(e)) else {
            return Vec::new();
        };
        let mut found: Vec<usize> = (self.lit(e).indices())
            .filter_map(|i| r.sentences.containing(entity.mentions[i].start as usize))
            .collect();
        found.dedup();
        found.into_iter().map(|i| r.sentences.range(i)).collect()
    }

    /// Back to the whole text: where the reader was before `&`, or (`here`) at the sentence
    /// being read, with where it was kept for `Ctrl-o`.
    pub(super) fn leave_only(&mut self, here: bool) {
        let place = self.only_place();
        let Some(only) = self.only.take() else { return };
        if let (true, Some((k, _))) = (here, place) {
            let at = only.sentences[k].start;
            self.show_at_top(only.from);
            self.refresh_view();
            self.push_jump();
            self.show_at_top(at);
        } else {
            self.show_at_top(only.from);
        }
    }

    /// Whether `&` handles this action itself.
    pub(super) fn only_takes(&self, action: &Action) -> bool {
        if self.only.is_none() || self.overlay != Overlay::None || self.prompt.is_some() {
            return false;
        }
        let in_text = self.focus == Focus::Document;
        match action {
            Action::ToggleOnly => true,
            Action::Scroll(_)
            | Action::Top
            | Action::Bottom
            | Action::NextHit
            | Action::PrevHit
            | Action::Clear
            | Action::CloseOrQuit
            | Action::Select => in_text,
            _ => false,
        }
    }

    /// Whether `&` stays on through this action (else the whole text comes back first).
    pub(super) fn only_keeps(&self, action: &Action) -> bool {
        match action {
            Action::Resize { .. }
            | Action::Work(_)
            | Action::CountSearchHits
            | Action::FocusNext
            | Action::ToggleSidebar
            | Action::Scroll(_)
            | Action::Top
            | Action::Bottom
            | Action::Clear
            | Action::ToggleHelp
            | Action::Copy
            | Action::OpenEditor
            | Action::Suspend
            | Action::ToggleMouse
            | Action::MouseScroll { .. }
            | Action::TogglePin
            | Action::ClearPins
            | Action::CountDigit(_)
            | Action::ToggleScope
            | Action::Cancel
            | Action::Quit => true,
            // A new selection in the cast shows its sentences; Enter or a click in a panel
            // goes somewhere in the whole text.
            Action::Select => self.focus == Focus::Sidebar,
            Action::MouseClick { column, row } => !self
                .geometry
                .panel
                .is_some_and(|a| super::geometry::contains(a, *column, *row)),
            // Filtering the cast keeps it; a search of the text does not.
            Action::StartSearch => self.filter_target().is_some(),
            Action::PromptInput(_) | Action::PromptBackspace | Action::PromptSubmit => {
                !matches!(self.prompt_purpose, super::PromptPurpose::Search)
            }
            _ => false,
        }
    }

    /// The keys `&` handles: moving through its sentences, and the ways back.
    pub(super) fn only_update(&mut self, action: Action) {
        match action {
            Action::ToggleOnly | Action::Clear | Action::CloseOrQuit => self.leave_only(false),
            Action::Select => self.leave_only(true),
            Action::Scroll(amount) => self.scroll(amount),
            Action::Top => self.only_move_to((0, 0)),
            Action::Bottom => {
                let last = self.only_last_top();
                self.only_move_to(last);
            }
            Action::NextHit => self.only_step(true),
            Action::PrevHit => self.only_step(false),
            _ => {}
        }
    }

    /// `n`/`N`: the selection's next (or previous) mention, round the end, its sentence
    /// brought on screen.
    fn only_step(&mut self, forward: bool) {
        let Some(o) = &self.only else { return };
        let e = o.entity;
        let Some(n) = self.entity(e).map(|x| x.mentions.len()).filter(|&n| n > 0) else {
            return;
        };
        let lit = self.lit(e);
        let here = self.reading().current.filter(|&i| i < n);
        let next = match (here, forward) {
            (None, true) => lit.step(n, true),
            (None, false) => lit.step(n, false),
            (Some(i), _) => lit.step(i, forward),
        };
        let Some(next) = next else { return };
        if here.is_some_and(|i| (next > i) != forward) {
            self.aside.push(super::selection::wrap_note(forward));
        }
        self.reading_mut().current = Some(next);
        let at = self.cast().entities[e].mentions[next].start as usize;
        self.refresh_view();
        if self.on_screen(at) {
            return;
        }
        let Some(s) = self
            .only
            .as_ref()
            .map(|o| o.sentences.partition_point(|r| r.end <= at))
        else {
            return;
        };
        let last = self.only_last_top();
        self.only_move_to((s, 0).min(last));
    }

    /// The sentence being read, of how many: the current mention's while it is on screen,
    /// else the one on top.
    pub fn only_place(&self) -> Option<(usize, usize)> {
        let o = self.only.as_ref()?;
        let current = self
            .current_mention()
            .map(|m| m.start as usize)
            .filter(|&at| self.on_screen(at))
            .map(|at| o.sentences.partition_point(|r| r.end <= at));
        let k = current.unwrap_or(o.top.0).min(o.sentences.len() - 1);
        Some((k, o.sentences.len()))
    }

    /// After an action `&` kept: it follows a new selection, and ends with none.
    pub(super) fn only_follow_selection(&mut self) {
        let Some(o) = &self.only else { return };
        match self.reading().selected {
            Some(e) if e == o.entity && o.scope == self.scope() => {}
            Some(e) => {
                let from = o.from;
                self.show_only(e, from);
                self.focus_stays_or_document();
            }
            None => self.leave_only(false),
        }
    }

    fn focus_stays_or_document(&mut self) {
        if self.focus == Focus::Sidebar && !self.sidebar_shown() {
            self.focus = Focus::Document;
        }
    }

    fn only_move_to(&mut self, to: (usize, usize)) {
        if let Some(o) = &mut self.only {
            o.top = to;
        }
    }

    /// Scrolls the sentences by `amount` rows, within the first and the last page.
    pub(super) fn only_scroll(&mut self, amount: Amount) {
        let page = self.page() as i64;
        let rows = match amount {
            Amount::Lines(n) => i64::from(n),
            Amount::HalfPages(n) => i64::from(n) * (page / 2).max(1),
            Amount::Pages(n) => i64::from(n) * (page - 1).max(1),
        };
        let Some((mut s, mut r)) = self.only.as_ref().map(|o| o.top) else {
            return;
        };
        let mut left = rows;
        while left > 0 {
            let n = self.only_rows(s).len();
            if r + 1 < n {
                r += 1;
            } else if s + 1 < self.only_len() {
                (s, r) = (s + 1, 0);
            } else {
                break;
            }
            left -= 1;
        }
        while left < 0 {
            if r > 0 {
                r -= 1;
            } else if s > 0 {
                s -= 1;
                r = self.only_rows(s).len().saturating_sub(1);
            } else {
                break;
            }
            left += 1;
        }
        let last = self.only_last_top();
        self.only_move_to((s, r).min(last));
    }

    fn only_len(&self) -> usize {
        self.only.as_ref().map_or(0, |o| o.sentences.len())
    }

    /// The top that shows the last page full.
    fn only_last_top(&mut self) -> (usize, usize) {
        let len = self.only_len();
        let mut need = self.page();
        for s in (0..len).rev() {
            let n = self.only_rows(s).len();
            if n >= need {
                return (s, n - need);
            }
            need -= n;
        }
        (0, 0)
    }

    /// Sentence `s` as rows for the pane's width: each of its lines wrapped, a very long line
    /// in slices as the layout cuts it.
    fn only_rows(&mut self, s: usize) -> Arc<[RowSpan]> {
        let width = self.layout.width();
        let doc = self.shelf.shown().doc.clone();
        let Some(o) = &mut self.only else {
            return Arc::from(Vec::new());
        };
        if o.width != width {
            o.rows.clear();
            o.width = width;
        }
        if let Some(rows) = o.rows.get(&s) {
            return Arc::clone(rows);
        }
        let range = o.sentences[s].clone();
        let bytes = doc.bytes();
        let mut rows = Vec::new();
        let mut start = range.start;
        for piece in bytes[range.clone()].split(|&b| b == b'\n') {
            let end = start + piece.len();
            let text_end = start + piece.trim_ascii_end().len();
            let mut at = start + (piece.len() - piece.trim_ascii_start().len());
            while at < text_end {
                let mut cut = (at + BLOCK_MAX).min(text_end);
                while cut < text_end && !is_char_start(bytes[cut]) {
                    cut -= 1;
                }
                rows.extend(wrap::wrap(&wrap::cells(&bytes[at..cut], at), width, at));
                at = cut;
            }
            start = end + 1;
        }
        if rows.is_empty() {
            rows.push(RowSpan {
                start: range.start,
                end: range.start,
            });
        }
        // A blank row where text was left out between two sentences, so two sentences far
        // apart do not read as one passage. (Placed at the byte after the sentence, where no
        // mention starts.)
        if let Some(next) = o.sentences.get(s + 1)
            && !runs_on(&bytes[range.end..next.start.max(range.end)])
        {
            rows.push(RowSpan {
                start: range.end,
                end: range.end,
            });
        }
        let rows: Arc<[RowSpan]> = Arc::from(rows);
        o.rows.insert(s, Arc::clone(&rows));
        rows
    }

    /// The rows on screen while `&` is on: from the top sentence's row, a page of them.
    pub(super) fn only_view(&mut self, height: usize) -> Vec<RowSpan> {
        let Some((mut s, r)) = self.only.as_ref().map(|o| o.top) else {
            return Vec::new();
        };
        let mut out: Vec<RowSpan> = Vec::with_capacity(height);
        let mut skip = r;
        while out.len() < height && s < self.only_len() {
            let rows = self.only_rows(s);
            out.extend(rows.iter().skip(skip).take(height - out.len()));
            skip = 0;
            s += 1;
        }
        out
    }
}

/// Whether two sentences with `gap` between them follow each other in one paragraph: white
/// space only, and no blank line.
fn runs_on(gap: &[u8]) -> bool {
    gap.iter().all(u8::is_ascii_whitespace) && memchr::memchr_iter(b'\n', gap).count() < 2
}

fn is_char_start(b: u8) -> bool {
    (b as i8) >= -0x40
}

#[cfg(test)]
mod tests;
