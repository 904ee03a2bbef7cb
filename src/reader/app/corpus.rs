//! The cast across documents: one cast merged from every open document's, on a time axis by
//! dateline, opened in the panel; Enter on an appearance opens that document at the mention.

use super::{App, Focus, panels};
use crate::domain::cast::Group;
use crate::domain::corpus_cast::{CorpusCast, Timeline};
use crate::domain::entity::Entity;
use panels::{Corpus, Head, List, Panel, PanelKind, Row};

/// The rows of the cast of all documents: its entities by group, each group under a heading.
fn corpus_rows(cast: &CorpusCast) -> Vec<Row> {
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
    rows
}

impl App {
    pub(super) fn open_corpus(&mut self) {
        let Some(corpus) = self.corpus_so_far() else {
            let pending = self.shelf.len();
            self.message = Some(format!(
                "still finding entities in {pending} document{}",
                if pending == 1 { "" } else { "s" }
            ));
            return;
        };
        let rows = corpus_rows(&corpus.cast);
        let mut list = List::new(Head::Corpus, rows);
        // Start on the selected entity, if it is in the set.
        if let Some(e) = self.reading().selected
            && let Some(ce) = corpus.cast.find(self.shelf.shown_index(), e)
            && let Some(i) = list.rows.iter().position(|r| *r == Row::CorpusEntity(ce))
        {
            list.cursor = i;
        }
        self.panels.corpus = Some(corpus);
        self.panels.panel = Some(Panel {
            kind: PanelKind::Corpus,
            lists: vec![list],
            reading: self.shelf.shown_index(),
        });
        self.focus = Focus::Panel;
        self.relayout();
    }

    /// The cast of the documents whose entities are found so far (the others, still being
    /// read, name no one yet); `None` before the first is.
    fn corpus_so_far(&self) -> Option<Corpus> {
        let read = self.shelf.iter().filter(|r| r.progress.is_none()).count();
        if read == 0 {
            return None;
        }
        let mut casts: Vec<&[Entity]> = Vec::with_capacity(self.shelf.len());
        let mut quotes: Vec<&[u32]> = Vec::with_capacity(self.shelf.len());
        for r in self.shelf.iter() {
            let ready = r.progress.is_none();
            casts.push(if ready { &r.cast.entities } else { &[] });
            quotes.push(if ready { &r.quote_counts } else { &[] });
        }
        let cast = CorpusCast::merge_with_quotes(&casts, &quotes);
        let dates: Vec<Option<&str>> = self
            .shelf
            .iter()
            .map(|s| s.doc.dateline().map(|d| d.date.as_str()))
            .collect();
        let timeline = Timeline::new(&dates);
        Some(Corpus {
            cast,
            timeline,
            read,
        })
    }

    /// A document's entities are found: an open cast of all documents takes them in, when a
    /// fiftieth of the set has come in since it was last made and when the last document
    /// has (merging is linear in the set: after every document it would be quadratic). Not
    /// while the panel shows one entity's documents, which point into the cast: it takes
    /// them in on the next document after.
    pub(super) fn corpus_grew(&mut self) {
        let (Some(panel), Some(corpus)) = (self.panels.panel.as_ref(), &self.panels.corpus) else {
            return;
        };
        if panel.kind != PanelKind::Corpus || panel.lists.len() != 1 {
            return;
        }
        let n = self.shelf.len();
        let read = self.shelf.iter().filter(|r| r.progress.is_none()).count();
        if read < n && read < corpus.read + (n / 50).max(1) {
            return;
        }
        let Some(grown) = self.corpus_so_far() else {
            return;
        };
        let list = List::new(Head::Corpus, corpus_rows(&grown.cast));
        self.panels.corpus = Some(grown);
        if let Some(p) = self.panels.panel.as_mut() {
            // The cursor stays on its row (the order of the cast changes as it grows).
            let (cursor, scroll) = (p.lists[0].cursor, p.lists[0].scroll);
            p.lists[0] = list;
            let last = p.lists[0].rows.len().saturating_sub(1);
            p.lists[0].cursor = p.lists[0].step_from(cursor.min(last), 0);
            p.lists[0].scroll = scroll.min(last);
        }
    }

    /// Opens document `d` with its entity `e` selected at its first mention; the panel
    /// (about the whole set) stays open.
    pub(super) fn open_at_first_mention(&mut self, d: usize, e: usize) {
        let keep = self.panels.panel.take();
        let corpus = self.panels.corpus.take();
        if d != self.shelf.shown_index() {
            self.open_document(d);
        }
        self.panels.corpus = corpus;
        if let Some(mut p) = keep {
            p.reading = self.shelf.shown_index();
            self.panels.panel = Some(p);
        }
        self.relayout();
        if self.reading().progress.is_none() && e < self.cast().entities.len() {
            self.select(e, Some(0));
            self.cursor_to_entity(e);
        }
        self.focus = Focus::Panel;
    }
}

impl App {
    /// The cross-document entity the `C` panel is on: the one under its cursor, or the one
    /// whose documents it lists.
    pub(super) fn corpus_entity_here(&self) -> Option<usize> {
        let p = self.panel().filter(|p| p.kind == PanelKind::Corpus)?;
        if self.focus != Focus::Panel {
            return None;
        }
        match (p.list().head, p.list().current()) {
            (Head::Appearances(ce), _) | (_, Some(Row::CorpusEntity(ce))) => Some(ce),
            _ => None,
        }
    }

    /// `]`/`[` from an entity in `C`: the next (or previous) document that mentions it, round
    /// the end, opened at its first mention; the list of its documents follows.
    pub(super) fn step_appearance(&mut self, ce: usize, forward: bool) {
        let Some(entity) = self
            .panels
            .corpus
            .as_ref()
            .and_then(|c| c.cast.entities.get(ce))
        else {
            return;
        };
        let mut docs: Vec<(usize, usize)> = entity
            .appearances
            .iter()
            .filter(|a| a.mentions > 0)
            .map(|a| (a.document, a.entity))
            .collect();
        docs.sort_unstable();
        let shown = self.shelf.shown_index();
        let next = if forward {
            docs.iter().find(|&&(d, _)| d > shown).or(docs.first())
        } else {
            docs.iter().rev().find(|&&(d, _)| d < shown).or(docs.last())
        };
        let Some(&(d, e)) = next else { return };
        let name = crate::domain::wrap::sanitize(&entity.name);
        let nth = docs.iter().position(|&(x, _)| x == d).unwrap_or(0) + 1;
        let of = docs.len();
        if d == shown {
            self.message = Some(format!("only this document mentions {name}"));
            return;
        }
        self.open_at_first_mention(d, e);
        if let Some(list) = self.panels.panel.as_mut().and_then(|p| p.lists.last_mut())
            && let Some(i) = list
                .rows
                .iter()
                .position(|r| matches!(r, Row::Appearance { document, .. } if *document == d))
        {
            list.cursor = i;
        }
        self.message = Some(format!(
            "document {}/{} · {nth} of {of} that mention {name}",
            d + 1,
            self.shelf.len()
        ));
    }
}
