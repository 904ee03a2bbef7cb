//! The panel under the text: an entity's connections and the sentences behind each, its
//! mentions in context, what it said (see `quotes`), the cast across documents (see
//! `corpus`); and each document's sentences and connections as they arrive from the
//! background.
//!
//! The panel is a stack of lists: Enter on a connection opens the sentences it is made of,
//! Enter on an entity of the cross-document cast opens the documents that mention it, and
//! Esc goes back one list (then closes the panel). Enter on a sentence, a mention or a
//! document jumps there and leaves the panel open, so the reader can walk a list.

use std::ops::Range;
use std::sync::Arc;

use super::{App, Focus, geometry};
use crate::domain::cast::Group;
use crate::domain::connections::Relations;
use crate::domain::corpus_cast::{CorpusCast, Timeline};
use crate::domain::filter::Filter;

/// Which quotations a list or a walk holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteScope {
    /// What entity `e` said.
    Said(usize),
    Every,
    /// Those the text names nobody for.
    Nobody,
}

/// What the panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanelKind {
    /// The entities that share sentences with one entity.
    Connections,
    /// Every mention of one entity, as a line of text aligned on the mention.
    Contexts,
    /// One cast for all open documents.
    Corpus,
    /// Quotations: what one entity said, every one, or those with no speaker.
    Quotes,
}

/// One row of a panel list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Heading(Group),
    /// A connection, by index into the document's connections.
    Connection(usize),
    /// A sentence, by index into the document's sentences.
    Sentence(u32),
    /// A mention of the panel's entity, by index into its mentions.
    Mention(usize),
    /// An entity of the cross-document cast.
    CorpusEntity(usize),
    /// A quotation, by index into the document's quotations.
    Quote(usize),
    /// A document that mentions a cross-document entity: the document and the entity's index
    /// in its cast.
    Appearance {
        document: usize,
        entity: usize,
    },
}

impl Row {
    pub(super) fn is_heading(self) -> bool {
        matches!(self, Row::Heading(_))
    }
}

/// What a list is about (its header says so).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Head {
    Connections(usize),
    /// The sentences of connection `pair` of entity `entity`.
    Shared {
        entity: usize,
        pair: usize,
    },
    Contexts(usize),
    Corpus,
    Appearances(usize),
    Quotes(QuoteScope),
}

/// One list of the panel with its cursor.
#[derive(Debug, Clone)]
pub struct List {
    pub head: Head,
    /// The rows shown: those the filter keeps.
    pub rows: Vec<Row>,
    pub cursor: usize,
    /// First row shown.
    pub scroll: usize,
    /// Every row, filtered or not.
    pub(super) all: Vec<Row>,
    /// What the rows are filtered by (`/` in the panel).
    pub filter: Option<Filter>,
}

impl List {
    pub(super) fn new(head: Head, rows: Vec<Row>) -> List {
        let mut list = List {
            head,
            all: rows.clone(),
            rows,
            cursor: 0,
            scroll: 0,
            filter: None,
        };
        list.cursor = list.step_from(0, 0);
        list
    }

    /// The row reached by moving `by` non-heading rows from row `from`.
    /// Walks the rows rather than listing the targets: a list of every quotation of a
    /// 100 MB text has 415 k rows, and the cursor moves on every key.
    pub(super) fn step_from(&self, from: usize, by: i64) -> usize {
        let n = self.rows.len();
        let target = |i: &usize| !self.rows[*i].is_heading();
        // The first target at or after `from`, else the last one.
        let Some(mut at) = (from.min(n)..n)
            .find(target)
            .or_else(|| (0..n).rev().find(target))
        else {
            return 0;
        };
        let mut left = by.unsigned_abs();
        while left > 0 {
            let next = if by > 0 {
                (at + 1..n).find(target)
            } else {
                (0..at).rev().find(target)
            };
            match next {
                Some(i) => at = i,
                None => break,
            }
            left -= 1;
        }
        at
    }

    pub fn current(&self) -> Option<Row> {
        self.rows
            .get(self.cursor)
            .copied()
            .filter(|r| !r.is_heading())
    }
}

/// The cross-document cast and its time axis, merged when the panel opens.
#[derive(Debug, Clone)]
pub struct Corpus {
    pub cast: CorpusCast,
    pub timeline: Timeline,
    /// How many documents, their entities found, the cast is made of (the others are still
    /// being read).
    pub read: usize,
}

/// The open panel.
#[derive(Debug, Clone)]
pub struct Panel {
    pub kind: PanelKind,
    /// The lists opened, the one shown last.
    pub lists: Vec<List>,
    /// The reading the panel was opened on (it closes when another one is shown).
    pub(super) reading: usize,
}

impl Panel {
    /// The entity a connections, contexts or quotations-said panel is about.
    pub fn about(&self) -> Option<usize> {
        match self.lists.first()?.head {
            Head::Connections(e) | Head::Contexts(e) | Head::Quotes(QuoteScope::Said(e)) => Some(e),
            _ => None,
        }
    }

    pub fn list(&self) -> &List {
        self.lists.last().expect("a panel has a list")
    }

    pub(super) fn list_mut(&mut self) -> &mut List {
        self.lists.last_mut().expect("a panel has a list")
    }
}

/// The panel, and what it opened.
#[derive(Debug, Default)]
pub struct Panels {
    pub panel: Option<Panel>,
    /// The sentence the panel last jumped to, marked in the margin.
    pub jumped: Option<Range<usize>>,
    pub corpus: Option<Corpus>,
}

impl App {
    /// The sentences and connections of the shown document, once computed.
    pub fn relations(&self) -> Option<&Relations> {
        if self.reading().progress.is_some() {
            return None;
        }
        self.reading().relations.as_deref()
    }

    /// The open panel, if it belongs to the shown document.
    pub fn panel(&self) -> Option<&Panel> {
        self.panels
            .panel
            .as_ref()
            .filter(|p| p.reading == self.shelf.shown_index() && self.reading().progress.is_none())
    }

    /// The entity connected to the selection in the focused connections panel (under its
    /// cursor, or the one whose shared sentences are listed): lit beside the selection.
    pub fn connected_lit(&self) -> Option<usize> {
        if self.focus != Focus::Panel {
            return None;
        }
        let list = self.panel()?.list();
        let r = self.relations()?;
        match (list.head, list.current()) {
            (Head::Shared { entity, pair }, _) => Some(r.connections.get(pair).other(entity)),
            (Head::Connections(e), Some(Row::Connection(k))) => Some(r.connections.get(k).other(e)),
            _ => None,
        }
    }

    /// The entity a panel or pin key acts on: the one under the cast cursor when the cast has
    /// focus, the connected entity under the panel cursor, else the selected one.
    pub fn target_entity(&self) -> Option<usize> {
        match self.focus {
            Focus::Sidebar if self.sidebar_shown() => self.cursor_entity(),
            Focus::Panel => match (self.panel()?.list().current()?, self.relations()) {
                (Row::Connection(k), Some(r)) => {
                    let c = r.connections.get(k);
                    let Head::Connections(e) = self.panel()?.list().head else {
                        return None;
                    };
                    Some(c.other(e))
                }
                _ => self.reading().selected,
            },
            _ => self.reading().selected,
        }
    }

    /// Drops a document's connections (they were counted for a cast that changed).
    pub(super) fn forget_relations(&mut self, doc: usize) {
        if let Some(r) = self.shelf.get_mut(doc) {
            r.relations = None;
        }
    }

    pub(super) fn set_relations(&mut self, doc: usize, relations: Relations) {
        let Some(r) = self.shelf.get_mut(doc) else {
            return;
        };
        r.relations = Some(Arc::new(relations));
        if doc == self.shelf.shown_index() {
            self.update_meetings();
            if let Some(p) = &self.panels.panel
                && p.kind == PanelKind::Connections
                && p.reading == self.shelf.shown_index()
                && let Head::Connections(e) = p.lists[0].head
            {
                self.open_panel_on(PanelKind::Connections, e);
            }
        }
    }

    /// A new cast is shown: pins are found again by name, the panel closes.
    pub(super) fn panels_on_cast(&mut self) {
        self.pins_on_cast();
        if self
            .panels
            .panel
            .as_ref()
            .is_some_and(|p| p.reading != self.shelf.shown_index())
        {
            self.close_panel();
        }
        self.panels.jumped = None;
        self.update_meetings();
    }

    pub(super) fn toggle_panel(&mut self, kind: PanelKind) {
        if let Some(p) = self.panel()
            && p.kind == kind
        {
            self.close_panel();
            return;
        }
        if kind == PanelKind::Corpus {
            return self.open_corpus();
        }
        if self.reading().progress.is_some() {
            self.message = Some("still finding entities".into());
            return;
        }
        match self.target_entity() {
            Some(e) => {
                self.open_panel_on(kind, e);
                self.focus = Focus::Panel;
            }
            None => self.message = Some("select an entity first: Tab, then Enter".into()),
        }
    }

    /// Opens (or reopens) the panel of `kind` about entity `e`.
    pub(super) fn open_panel_on(&mut self, kind: PanelKind, e: usize) {
        let list = match kind {
            PanelKind::Connections => self.connection_list(e),
            // The mentions the scope lights, as `n` walks them.
            PanelKind::Contexts => List::new(
                Head::Contexts(e),
                self.lit(e).indices().map(Row::Mention).collect(),
            ),
            PanelKind::Corpus => return self.open_corpus(),
            PanelKind::Quotes => return self.open_quotes(QuoteScope::Said(e)),
        };
        self.panels.panel = Some(Panel {
            kind,
            lists: vec![list],
            reading: self.shelf.shown_index(),
        });
        self.panels.jumped = None;
        self.relayout();
        if kind == PanelKind::Contexts {
            let start = self.contexts_start(e);
            self.panel_move(start as i64);
        }
    }

    /// Where the list of `e`'s mentions starts: at the current mention of the selection,
    /// else at the first mention from the top of the view (where the reader is).
    fn contexts_start(&self, e: usize) -> usize {
        let reading = self.reading();
        if reading.selected == Some(e)
            && let Some(i) = reading.current
        {
            return i;
        }
        let mentions = &self.cast().entities[e].mentions;
        let from = mentions.partition_point(|m| m.range().start < reading.position);
        from.min(mentions.len().saturating_sub(1))
    }

    /// The connections of `e`, actors first, then places, then the rest; strongest first
    /// within each group.
    fn connection_list(&self, e: usize) -> List {
        let mut rows = Vec::new();
        if let Some(r) = self.relations() {
            for group in Group::ALL {
                let members: Vec<Row> = r
                    .connections
                    .indices_of(e)
                    .filter(|&k| {
                        Group::of(self.cast().entities[r.connections.get(k).other(e)].kind) == group
                    })
                    .map(Row::Connection)
                    .collect();
                if !members.is_empty() {
                    rows.push(Row::Heading(group));
                    rows.extend(members);
                }
            }
        }
        List::new(Head::Connections(e), rows)
    }

    /// Another document is shown whose cast is not ready yet: the panel of the last one
    /// closes now rather than leave an empty space under the text.
    pub(super) fn tidy_panels(&mut self) {
        if self
            .panels
            .panel
            .as_ref()
            .is_some_and(|p| p.reading != self.shelf.shown_index())
        {
            self.close_panel();
        }
    }

    pub(super) fn close_panel(&mut self) {
        self.panels.panel = None;
        self.panels.jumped = None;
        if self.focus == Focus::Panel {
            self.focus = Focus::Document;
        }
        self.relayout();
    }

    /// Esc in the panel: back one list, or close it.
    pub(super) fn panel_back(&mut self) {
        let Some(p) = &mut self.panels.panel else {
            return;
        };
        if p.lists.len() > 1 {
            p.lists.pop();
            self.panels.jumped = None;
        } else {
            self.close_panel();
        }
    }

    /// Moves the panel cursor by `by` rows (headings skipped).
    pub(super) fn panel_move(&mut self, by: i64) {
        let rows = self.panel_rows();
        let Some(p) = &mut self.panels.panel else {
            return;
        };
        let list = p.list_mut();
        list.cursor = list.step_from(list.cursor, by);
        if list.cursor < list.scroll {
            list.scroll = list.cursor.saturating_sub(1);
        } else if list.cursor >= list.scroll + rows {
            list.scroll = list.cursor + 1 - rows;
        }
    }

    /// Rows the panel's list has room for (its first row is the header).
    pub(super) fn panel_rows(&self) -> usize {
        self.geometry
            .panel
            .map_or(1, |a| (a.height as usize).saturating_sub(1).max(1))
    }

    /// Enter in the panel.
    pub(super) fn panel_enter(&mut self) {
        let Some(p) = self.panel() else {
            return;
        };
        let head = p.list().head;
        let Some(row) = p.list().current() else {
            return;
        };
        match row {
            Row::Heading(_) => {}
            Row::Connection(k) => {
                let Some(r) = self.relations() else { return };
                let Head::Connections(e) = head else { return };
                let rows = r
                    .connections
                    .get(k)
                    .sentences
                    .iter()
                    .map(|&s| Row::Sentence(s))
                    .collect();
                self.push_list(List::new(Head::Shared { entity: e, pair: k }, rows));
            }
            Row::Sentence(s) => {
                let Some(range) = self.relations().map(|r| r.sentences.range(s as usize)) else {
                    return;
                };
                self.panels.jumped = Some(range.clone());
                self.push_jump();
                self.reveal(range.start);
            }
            Row::Mention(i) => {
                let Head::Contexts(e) = head else { return };
                self.panels.jumped = None;
                let at = self.cast().entities[e].mentions[i].start as usize;
                if !self.on_screen(at) {
                    self.push_jump();
                }
                self.select(e, Some(i));
            }
            Row::CorpusEntity(ce) => {
                let Some(corpus) = &self.panels.corpus else {
                    return;
                };
                let rows = corpus.cast.entities[ce]
                    .appearances
                    .iter()
                    .map(|a| Row::Appearance {
                        document: a.document,
                        entity: a.entity,
                    })
                    .collect();
                self.push_list(List::new(Head::Appearances(ce), rows));
            }
            Row::Appearance { document, entity } => {
                self.open_at_first_mention(document, entity);
            }
            Row::Quote(q) => {
                if let Head::Quotes(scope) = head {
                    self.enter_quote(scope, q);
                }
            }
        }
    }

    fn push_list(&mut self, list: List) {
        if let Some(p) = &mut self.panels.panel {
            p.lists.push(list);
        }
    }

    /// The entity selected elsewhere (cast, mouse): a connections or contexts panel follows.
    pub(super) fn panel_follow_selection(&mut self, e: usize) {
        let Some(p) = self.panel() else { return };
        let Some(about) = p.about() else {
            return;
        };
        if about != e {
            self.open_panel_on(p.kind, e);
        }
    }

    /// A click on a panel row acts like moving there and pressing Enter; a click on the
    /// mention map shows that part of the document. True if the click was taken.
    pub(super) fn panels_click(&mut self, column: u16, row: u16) -> bool {
        if let Some(area) = self.geometry.panel
            && geometry::contains(area, column, row)
        {
            let Some(p) = &mut self.panels.panel else {
                return true;
            };
            let list = p.list_mut();
            let Some(i) = (row - area.y)
                .checked_sub(1)
                .map(|r| list.scroll + r as usize)
            else {
                return true;
            };
            if list.rows.get(i).is_some_and(|r| !r.is_heading()) {
                list.cursor = i;
                self.focus = Focus::Panel;
                self.panel_enter();
            }
            return true;
        }
        let map = self.geometry.map;
        if geometry::contains(map, column, row) && map.height > 0 {
            let scale = crate::domain::mention_map::MapScale::new(
                self.doc().body_start()..self.doc().len(),
                map.height as usize,
            );
            self.push_jump();
            self.show_at_top(scale.range((row - map.y) as usize).start);
            return true;
        }
        false
    }
}

#[cfg(test)]
mod tests;
