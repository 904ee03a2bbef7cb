//! `/` in a list filters it as the reader types: the cast, the panel's lists (connections and
//! their sentences, contexts, the cast across documents and its documents) and the document
//! list. The rule is `domain::filter`'s (words, smart case, `kind:` words). Enter keeps the
//! filter, Esc clears it; a kept filter shows in the list's title with how many rows it keeps,
//! and the next Esc in that list clears it.

use super::panels::{Head, List, Row};
use super::{App, Focus, Overlay, PromptPurpose};
use crate::domain::context::{context_line, one_line};
use crate::domain::entity::Kind;
use crate::domain::filter::Filter;

/// The list a filter applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterTarget {
    Cast,
    /// The panel's list shown (the last one opened).
    Panel,
    /// The document list (`D`).
    Shelf,
}

/// Context shown around a mention for filtering when the sentences are not counted yet.
const CONTEXT_COLUMNS: usize = 60;
/// How much of a long quotation is matched.
const QUOTE_BYTES: usize = 4096;
/// The width a document's title is matched at.
const TITLE_COLUMNS: usize = 80;

impl List {
    /// Shows the rows the filter keeps (`kept[i]` for row `i` of all; every row without a
    /// filter), each heading only over rows kept under it; the cursor stays on its row if that
    /// is still shown.
    pub(super) fn set_filter(&mut self, filter: Option<Filter>, kept: &[bool]) {
        let current = self.current();
        self.rows = match filter.as_ref() {
            Some(f) if !f.is_empty() => with_headings(&self.all, kept),
            _ => self.all.clone(),
        };
        self.filter = filter;
        self.cursor = current
            .and_then(|c| self.rows.iter().position(|&r| r == c))
            .unwrap_or_else(|| self.step_from(0, 0));
        self.scroll = self.scroll.min(self.cursor.saturating_sub(1));
    }

    /// `(rows kept, rows in all)`, headings not counted.
    pub fn counts(&self) -> (usize, usize) {
        let n = |rows: &[Row]| rows.iter().filter(|r| !r.is_heading()).count();
        (n(&self.rows), n(&self.all))
    }
}

/// The rows of `all` kept, each heading kept only if a row under it is.
fn with_headings(all: &[Row], kept: &[bool]) -> Vec<Row> {
    let mut out = Vec::new();
    let mut heading = None;
    for (i, &row) in all.iter().enumerate() {
        if row.is_heading() {
            heading = Some(row);
        } else if kept.get(i).copied().unwrap_or(true) {
            out.extend(heading.take());
            out.push(row);
        }
    }
    out
}

impl App {
    /// The list `/` filters now: the one with focus, or the document list when it is open.
    pub(super) fn filter_target(&self) -> Option<FilterTarget> {
        match (self.overlay, self.focus) {
            (Overlay::Shelf, _) => Some(FilterTarget::Shelf),
            (Overlay::None, Focus::Sidebar) if self.sidebar_shown() => Some(FilterTarget::Cast),
            (Overlay::None, Focus::Panel) if self.panel().is_some() => Some(FilterTarget::Panel),
            _ => None,
        }
    }

    /// Opens the prompt on `target`'s filter, holding what it is filtered by already.
    pub(super) fn start_filter(&mut self, target: FilterTarget) {
        let text = self
            .filter_of(target)
            .map(|f| f.text().to_string())
            .unwrap_or_default();
        self.prompt = Some(text);
        self.prompt_purpose = PromptPurpose::Filter(target);
    }

    /// Each key typed filters again.
    pub(super) fn filter_as_typed(&mut self) {
        let (Some(text), PromptPurpose::Filter(target)) = (&self.prompt, self.prompt_purpose)
        else {
            return;
        };
        let filter = (!text.trim().is_empty()).then(|| Filter::new(text));
        self.set_filter(target, filter);
    }

    /// Enter: the filter stays (an empty one is none).
    pub(super) fn keep_filter(&mut self) {
        self.filter_as_typed();
        self.prompt = None;
        self.prompt_purpose = PromptPurpose::Search;
    }

    /// Esc in the prompt: the list shows every row again.
    pub(super) fn drop_filter(&mut self) {
        if let PromptPurpose::Filter(target) = self.prompt_purpose {
            self.set_filter(target, None);
        }
        self.prompt = None;
        self.prompt_purpose = PromptPurpose::Search;
    }

    /// Esc in a filtered list clears its filter first; true if there was one.
    pub(super) fn clear_kept_filter(&mut self) -> bool {
        let Some(target) = self.filter_target() else {
            return false;
        };
        if self.filter_of(target).is_none() {
            return false;
        }
        self.set_filter(target, None);
        true
    }

    /// What `target` is filtered by.
    pub fn filter_of(&self, target: FilterTarget) -> Option<&Filter> {
        match target {
            FilterTarget::Cast => self.reading().cast_filter.as_ref(),
            FilterTarget::Panel => self.panel()?.list().filter.as_ref(),
            FilterTarget::Shelf => self.shelf_filter.as_ref(),
        }
    }

    /// `(rows kept, rows in all)` of `target`'s list.
    pub fn filter_counts(&self, target: FilterTarget) -> (usize, usize) {
        match target {
            FilterTarget::Cast => {
                let kept = (self.reading().sidebar_rows.iter())
                    .filter(|r| r.entity().is_some())
                    .count();
                (kept, self.cast().entities.len())
            }
            FilterTarget::Panel => self.panel().map_or((0, 0), |p| p.list().counts()),
            FilterTarget::Shelf => (self.shelf_rows.len(), self.shelf.len()),
        }
    }

    fn set_filter(&mut self, target: FilterTarget, filter: Option<Filter>) {
        match target {
            FilterTarget::Cast => {
                let before = self.cursor_entity();
                self.reading_mut().filter_cast(filter);
                self.cursor = before
                    .and_then(|e| {
                        (self.reading().sidebar_rows.iter()).position(|r| r.entity() == Some(e))
                    })
                    .unwrap_or_else(|| super::sidebar::step(&self.reading().sidebar_rows, 0, 0));
                self.sidebar_scroll = self.sidebar_scroll.min(self.cursor.saturating_sub(1));
                self.clamp_sidebar_scroll();
                if let Some(e) = self.cursor_entity()
                    && Some(e) != before
                {
                    self.reveal_entity(e);
                }
            }
            FilterTarget::Panel => {
                let Some(p) = self.panels.panel.as_ref() else {
                    return;
                };
                let list = p.list();
                let head = list.head;
                // Typing on only narrows: the rows dropped already stay dropped, and only those
                // shown are matched again (on a list of 25,000 mentions, a key costs what the
                // rows still shown cost).
                let narrowing = match (&filter, &list.filter) {
                    (Some(new), Some(old)) => new.narrows(old),
                    _ => false,
                };
                let mut shown = list.rows.iter().peekable();
                let kept: Vec<bool> = match &filter {
                    Some(f) => (list.all.iter())
                        .map(|&row| {
                            let was_shown = shown.next_if_eq(&&row).is_some();
                            if narrowing && !was_shown {
                                return false;
                            }
                            let (kind, fields) = self.row_fields(head, row);
                            let fields: Vec<&str> = fields.iter().map(String::as_str).collect();
                            f.keeps(kind, &fields)
                        })
                        .collect(),
                    None => Vec::new(),
                };
                let Some(p) = self.panels.panel.as_mut() else {
                    return;
                };
                p.list_mut().set_filter(filter, &kept);
            }
            FilterTarget::Shelf => {
                self.shelf_rows = (0..self.shelf.len())
                    .filter(|&d| match &filter {
                        Some(f) => {
                            let fields = self.document_fields(d);
                            let fields: Vec<&str> = fields.iter().map(String::as_str).collect();
                            f.keeps(None, &fields)
                        }
                        None => true,
                    })
                    .collect();
                self.shelf_filter = filter;
                if !self.shelf_rows.contains(&self.shelf_cursor)
                    && let Some(&first) = self.shelf_rows.first()
                {
                    self.shelf_cursor = first;
                }
            }
        }
    }

    /// What a document row of the document list shows: its date, file name and title.
    pub(super) fn document_fields(&self, d: usize) -> Vec<String> {
        let Some(reading) = self.shelf.get(d) else {
            return Vec::new();
        };
        let name = std::path::Path::new(reading.doc.name())
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let date = reading.doc.dateline().map(|d| d.date.clone());
        [date.unwrap_or_default(), name, reading.title(TITLE_COLUMNS)].into()
    }

    /// The kind (for entity rows) and the text a panel row is filtered on: what it shows.
    fn row_fields(&self, head: Head, row: Row) -> (Option<Kind>, Vec<String>) {
        let name = |e: usize| self.entity(e).map(|x| x.name.clone()).unwrap_or_default();
        let kind = |e: usize| self.entity(e).map(|x| x.kind);
        match row {
            Row::Heading(_) => (None, Vec::new()),
            Row::Connection(k) => {
                let (Head::Connections(e), Some(r)) = (head, self.relations()) else {
                    return (None, Vec::new());
                };
                let c = r.connections.get(k);
                let other = c.other(e);
                let words = r
                    .link(self.doc().bytes(), &self.cast().index, &c)
                    .map(|l| l.words)
                    .unwrap_or_default();
                (kind(other), vec![name(other), words])
            }
            Row::Sentence(s) => match self.relations() {
                Some(r) => (
                    None,
                    vec![one_line(&self.doc().text(r.sentences.range(s as usize)))],
                ),
                None => (None, Vec::new()),
            },
            Row::Mention(i) => {
                let Head::Contexts(e) = head else {
                    return (None, Vec::new());
                };
                let Some(&m) = self.entity(e).and_then(|x| x.mentions.get(i)) else {
                    return (None, Vec::new());
                };
                let sentence = self.relations().and_then(|r| {
                    let s = r.sentences.containing(m.start as usize)?;
                    Some(one_line(&self.doc().text(r.sentences.range(s))))
                });
                let text = sentence.unwrap_or_else(|| {
                    let line = context_line(self.doc(), m, CONTEXT_COLUMNS, CONTEXT_COLUMNS);
                    format!("{}{}{}", line.left, line.key, line.right)
                });
                (None, vec![text])
            }
            Row::CorpusEntity(ce) => match &self.panels.corpus {
                Some(c) => {
                    let entity = &c.cast.entities[ce];
                    (Some(entity.kind), vec![entity.name.clone()])
                }
                None => (None, Vec::new()),
            },
            Row::Appearance { document, .. } => (None, self.document_fields(document)),
            Row::Quote(q) => {
                let Some(quote) = self.cast().quotes.get(q) else {
                    return (None, Vec::new());
                };
                let speaker = quote.speaker().and_then(|e| self.entity(e));
                let end = (quote.end as usize).min(quote.start as usize + QUOTE_BYTES);
                let words = one_line(&self.doc().text(quote.start as usize..end));
                let who = speaker.map_or_else(|| "nobody".to_string(), |e| e.name.clone());
                (speaker.map(|e| e.kind), vec![who, words])
            }
        }
    }
}

#[cfg(test)]
mod tests;
