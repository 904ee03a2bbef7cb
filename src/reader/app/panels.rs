//! How the actors connect: the panel under the text (an entity's connections and the
//! sentences behind each, its mentions in context, the cast across documents), the actors
//! pinned for comparison, and each document's sentences and connections as they arrive from
//! the background.
//!
//! The panel is a stack of lists: Enter on a connection opens the sentences it is made of,
//! Enter on an entity of the cross-document cast opens the documents that mention it, and
//! Esc goes back one list (then closes the panel). Enter on a sentence, a mention or a
//! document jumps there and leaves the panel open, so the reader can walk a list.

use std::ops::Range;
use std::sync::Arc;

use super::*;
use crate::domain::cast::Group;
use crate::domain::connections::Relations;
use crate::domain::corpus_cast::{CorpusCast, Timeline};
use crate::domain::entity::Kind;

/// How many actors can be pinned at once (each has its own colour and number).
pub const MAX_PINS: usize = 4;

/// What the panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanelKind {
    /// The entities that share sentences with one entity.
    Connections,
    /// Every mention of one entity, as a line of text aligned on the mention.
    Contexts,
    /// One cast for all open documents.
    Corpus,
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
    /// A document that mentions a cross-document entity: the document and the entity's index
    /// in its cast.
    Appearance {
        document: usize,
        entity: usize,
    },
}

impl Row {
    fn is_heading(self) -> bool {
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
}

/// One list of the panel with its cursor.
#[derive(Debug, Clone)]
pub struct List {
    pub head: Head,
    pub rows: Vec<Row>,
    pub cursor: usize,
    /// First row shown.
    pub scroll: usize,
}

impl List {
    fn new(head: Head, rows: Vec<Row>) -> List {
        let mut list = List {
            head,
            rows,
            cursor: 0,
            scroll: 0,
        };
        list.cursor = list.step_from(0, 0);
        list
    }

    /// The row reached by moving `by` non-heading rows from row `from`.
    fn step_from(&self, from: usize, by: i64) -> usize {
        let targets: Vec<usize> = (0..self.rows.len())
            .filter(|&i| !self.rows[i].is_heading())
            .collect();
        if targets.is_empty() {
            return 0;
        }
        let here = targets
            .partition_point(|&i| i < from)
            .min(targets.len() - 1) as i64;
        targets[(here + by).clamp(0, targets.len() as i64 - 1) as usize]
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
}

/// The open panel.
#[derive(Debug, Clone)]
pub struct Panel {
    pub kind: PanelKind,
    /// The lists opened, the one shown last.
    pub lists: Vec<List>,
    /// The document the panel was opened on (it closes when another one is shown).
    shelf: usize,
}

impl Panel {
    pub fn list(&self) -> &List {
        self.lists.last().expect("a panel has a list")
    }

    fn list_mut(&mut self) -> &mut List {
        self.lists.last_mut().expect("a panel has a list")
    }
}

/// The panel, the pins, and the sentences and connections of each document.
#[derive(Debug, Default)]
pub struct Panels {
    pub panel: Option<Panel>,
    /// Where the panel is drawn (the bottom of the body), when it is open.
    pub area: Option<Area>,
    /// Pinned entities in pin order, each found again in every document shown.
    pins: Vec<Pin>,
    /// The document whose cast the pins' entity indices refer to.
    pins_shelf: usize,
    /// Sentences where two or more pinned entities are mentioned (sorted indices).
    meetings: Vec<u32>,
    /// The sentence the panel last jumped to, marked in the margin.
    pub jumped: Option<Range<usize>>,
    pub corpus: Option<Corpus>,
    relations: Vec<Option<Arc<Relations>>>,
}

/// A pinned entity: found by name and kind again in every document shown.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Pin {
    name: String,
    kind: Kind,
    entity: Option<usize>,
}

impl App {
    /// The sentences and connections of the shown document, once computed.
    pub fn relations(&self) -> Option<&Relations> {
        if self.progress.is_some() {
            return None;
        }
        self.panels.relations.get(self.shelf)?.as_deref()
    }

    /// The open panel, if it belongs to the shown document.
    pub fn panel(&self) -> Option<&Panel> {
        self.panels
            .panel
            .as_ref()
            .filter(|p| p.shelf == self.shelf && self.progress.is_none())
    }

    /// The pinned entities of the shown document: `(pin number from 0, cast index)`.
    pub fn pins(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        let valid = self.pins_shelf_ok();
        self.panels
            .pins
            .iter()
            .enumerate()
            .filter(move |_| valid)
            .filter_map(|(slot, p)| Some((slot, p.entity?)))
    }

    /// Every pin with its name (also those not in the shown document), for the legend.
    pub fn pin_names(&self) -> impl Iterator<Item = (usize, &str, Kind, bool)> + '_ {
        let valid = self.pins_shelf_ok();
        self.panels
            .pins
            .iter()
            .enumerate()
            .map(move |(slot, p)| (slot, p.name.as_str(), p.kind, valid && p.entity.is_some()))
    }

    /// The pin number of entity `e`, if it is pinned.
    pub fn pin_of(&self, e: usize) -> Option<usize> {
        self.pins().find(|&(_, x)| x == e).map(|(slot, _)| slot)
    }

    /// Whether any sentence in bytes `range` is one where pinned actors meet.
    pub fn pins_meet_in(&self, range: Range<usize>) -> bool {
        let (Some(r), true) = (self.relations(), self.pins_shelf_ok()) else {
            return false;
        };
        if self.panels.meetings.is_empty() {
            return false;
        }
        let ids = r.sentences.overlapping(range);
        let first = self
            .panels
            .meetings
            .partition_point(|&s| (s as usize) < ids.start);
        self.panels
            .meetings
            .get(first)
            .is_some_and(|&s| (s as usize) < ids.end)
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

    fn pins_shelf_ok(&self) -> bool {
        self.panels.pins_shelf == self.shelf && self.progress.is_none()
    }

    /// The entity a panel or pin key acts on: the one under the cast cursor when the cast has
    /// focus, the connected entity under the panel cursor, else the selected one.
    fn target_entity(&self) -> Option<usize> {
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
                _ => self.selected,
            },
            _ => self.selected,
        }
    }

    /// Drops a document's connections (they were counted for a cast that changed).
    pub(super) fn forget_relations(&mut self, doc: usize) {
        if let Some(slot) = self.panels.relations.get_mut(doc) {
            *slot = None;
        }
    }

    pub(super) fn set_relations(&mut self, doc: usize, relations: Relations) {
        if self.panels.relations.len() <= doc {
            self.panels.relations.resize(doc + 1, None);
        }
        self.panels.relations[doc] = Some(Arc::new(relations));
        if doc == self.shelf {
            self.update_meetings();
            if let Some(p) = &self.panels.panel
                && p.kind == PanelKind::Connections
                && p.shelf == self.shelf
                && let Head::Connections(e) = p.lists[0].head
            {
                self.open_panel_on(PanelKind::Connections, e);
            }
        }
    }

    /// A new cast is shown: pins are found again by name, the panel closes.
    pub(super) fn panels_on_cast(&mut self) {
        let cast = &self.cast;
        for pin in &mut self.panels.pins {
            pin.entity = cast
                .entities
                .iter()
                .position(|e| e.kind == pin.kind && e.name == pin.name);
        }
        self.panels.pins_shelf = self.shelf;
        if self
            .panels
            .panel
            .as_ref()
            .is_some_and(|p| p.shelf != self.shelf)
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
        if self.progress.is_some() {
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
    fn open_panel_on(&mut self, kind: PanelKind, e: usize) {
        let list = match kind {
            PanelKind::Connections => self.connection_list(e),
            PanelKind::Contexts => List::new(
                Head::Contexts(e),
                (0..self.cast.entities[e].mentions.len())
                    .map(Row::Mention)
                    .collect(),
            ),
            PanelKind::Corpus => return self.open_corpus(),
        };
        self.panels.panel = Some(Panel {
            kind,
            lists: vec![list],
            shelf: self.shelf,
        });
        self.panels.jumped = None;
        self.relayout();
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
                        Group::of(self.cast.entities[r.connections.get(k).other(e)].kind) == group
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

    fn open_corpus(&mut self) {
        let pending = (0..self.shelves.len())
            .filter(|&i| i != self.shelf && self.shelves[i].cast.is_none())
            .count()
            + usize::from(self.progress.is_some());
        if pending > 0 {
            self.message = Some(format!(
                "still finding entities in {pending} document{}",
                if pending == 1 { "" } else { "s" }
            ));
            return;
        }
        let casts: Vec<&[Entity]> = (0..self.shelves.len())
            .map(|i| {
                if i == self.shelf {
                    &self.cast.entities[..]
                } else {
                    self.shelves[i]
                        .cast
                        .as_ref()
                        .map_or(&[][..], |c| &c.entities[..])
                }
            })
            .collect();
        let cast = CorpusCast::merge(&casts);
        let dates: Vec<Option<&str>> = self
            .shelves
            .iter()
            .map(|s| s.doc.dateline().map(|d| d.date.as_str()))
            .collect();
        let timeline = Timeline::new(&dates);
        let mut rows = Vec::new();
        for group in Group::ALL {
            let members: Vec<Row> = (0..cast.entities.len())
                .filter(|&i| Group::of(cast.entities[i].kind) == group)
                .map(Row::CorpusEntity)
                .collect();
            if !members.is_empty() {
                rows.push(Row::Heading(group));
                rows.extend(members);
            }
        }
        let mut list = List::new(Head::Corpus, rows);
        // Start on the selected entity, if it is in the set.
        if let Some(e) = self.selected
            && let Some(ce) = cast.find(self.shelf, e)
            && let Some(i) = list.rows.iter().position(|r| *r == Row::CorpusEntity(ce))
        {
            list.cursor = i;
        }
        self.panels.corpus = Some(Corpus { cast, timeline });
        self.panels.panel = Some(Panel {
            kind: PanelKind::Corpus,
            lists: vec![list],
            shelf: self.shelf,
        });
        self.focus = Focus::Panel;
        self.relayout();
    }

    /// Another document is shown whose cast is not ready yet: the panel of the last one
    /// closes now rather than leave an empty space under the text.
    pub(super) fn tidy_panels(&mut self) {
        if self
            .panels
            .panel
            .as_ref()
            .is_some_and(|p| p.shelf != self.shelf)
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
        self.panels
            .area
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
                let at = self.cast.entities[e].mentions[i].start as usize;
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
        }
    }

    fn push_list(&mut self, list: List) {
        if let Some(p) = &mut self.panels.panel {
            p.lists.push(list);
        }
    }

    /// Opens document `d` with its entity `e` selected at its first mention; the panel
    /// (about the whole set) stays open.
    fn open_at_first_mention(&mut self, d: usize, e: usize) {
        let keep = self.panels.panel.take();
        let corpus = self.panels.corpus.take();
        if d != self.shelf {
            self.open_document(d);
        }
        self.panels.corpus = corpus;
        if let Some(mut p) = keep {
            p.shelf = self.shelf;
            self.panels.panel = Some(p);
        }
        self.relayout();
        if self.progress.is_none() && e < self.cast.entities.len() {
            self.select(e, Some(0));
            self.cursor_to_entity(e);
        }
        self.focus = Focus::Panel;
    }

    /// The entity selected elsewhere (cast, mouse): a connections or contexts panel follows.
    pub(super) fn panel_follow_selection(&mut self, e: usize) {
        let Some(p) = self.panel() else { return };
        let about = match p.lists[0].head {
            Head::Connections(x) | Head::Contexts(x) => x,
            _ => return,
        };
        if about != e {
            self.open_panel_on(p.kind, e);
        }
    }

    /// `p`: pins the target entity, or unpins it.
    pub(super) fn toggle_pin(&mut self) {
        let Some(e) = self.target_entity() else {
            self.message = Some("select an entity to pin: Tab, then Enter".into());
            return;
        };
        if !self.pins_shelf_ok() {
            self.panels_on_cast();
        }
        let entity = &self.cast.entities[e];
        if let Some(i) = self.panels.pins.iter().position(|p| p.entity == Some(e)) {
            self.panels.pins.remove(i);
            self.message = Some(format!("unpinned {}", wrap::sanitize(&entity.name)));
        } else if self.panels.pins.len() >= MAX_PINS {
            self.message = Some(format!(
                "{MAX_PINS} pinned already: p on one of them unpins it, P unpins all"
            ));
            return;
        } else {
            self.panels.pins.push(Pin {
                name: entity.name.clone(),
                kind: entity.kind,
                entity: Some(e),
            });
            self.message = Some(format!(
                "pinned {} as {}",
                wrap::sanitize(&entity.name),
                self.panels.pins.len()
            ));
        }
        self.update_meetings();
    }

    pub(super) fn clear_pins(&mut self) {
        self.panels.pins.clear();
        self.panels.meetings.clear();
        self.message = Some("all pins removed".into());
    }

    fn update_meetings(&mut self) {
        let pinned: Vec<usize> = self.pins().map(|(_, e)| e).collect();
        let mut meetings = Vec::new();
        if let Some(r) = self.relations() {
            for (i, &a) in pinned.iter().enumerate() {
                for &b in &pinned[i + 1..] {
                    if let Some(c) = r.connections.between(a, b) {
                        meetings.extend_from_slice(c.sentences);
                    }
                }
            }
        }
        meetings.sort_unstable();
        meetings.dedup();
        self.panels.meetings = meetings;
    }

    /// A click on a panel row acts like moving there and pressing Enter; a click on the
    /// mention map shows that part of the document. True if the click was taken.
    pub(super) fn panels_click(&mut self, column: u16, row: u16) -> bool {
        if let Some(area) = self.panels.area
            && area.contains(column, row)
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
        if map.contains(column, row) && map.height > 0 {
            let scale = crate::domain::mention_map::MapScale::new(
                self.doc.body_start()..self.doc.len(),
                map.height as usize,
            );
            self.push_jump();
            self.show_at_top(scale.range((row - map.y) as usize).start);
            return true;
        }
        false
    }

    /// Cuts the panel's rows from the bottom of the body (when a panel is open), so the text
    /// pane keeps only what is really visible above it.
    pub(super) fn carve_panel(&mut self) {
        self.panels.area = None;
        if self.panels.panel.is_none() || self.geometry.too_small {
            return;
        }
        let g = &mut self.geometry;
        let body = g.pane.height.max(g.sidebar.map_or(0, |s| s.height));
        // About two fifths of the body, but never less than a few rows of text.
        let height = (body * 2 / 5)
            .clamp(4.min(body), 16)
            .min(body.saturating_sub(3));
        if height < 2 {
            return;
        }
        let top = g.status.y - height;
        for a in [&mut g.pane, &mut g.text, &mut g.map] {
            a.height = a.height.min(top.saturating_sub(a.y));
        }
        if let Some(s) = &mut g.sidebar {
            s.height = s.height.min(top.saturating_sub(s.y));
        }
        self.panels.area = Some(Area {
            x: 0,
            y: top,
            width: g.title.width,
            height,
        });
    }
}

#[cfg(test)]
mod tests;
