//! The cast across documents: one cast merged from every open document's, on a time axis by
//! dateline, opened in the panel; Enter on an appearance opens that document at the mention.

use super::{App, Focus, panels};
use crate::domain::cast::Group;
use crate::domain::corpus_cast::{CorpusCast, Timeline};
use crate::domain::entity::Entity;
use panels::{Corpus, Head, List, Panel, PanelKind, Row};

impl App {
    pub(super) fn open_corpus(&mut self) {
        let pending = self.shelf.iter().filter(|r| r.progress.is_some()).count();
        if pending > 0 {
            self.message = Some(format!(
                "still finding entities in {pending} document{}",
                if pending == 1 { "" } else { "s" }
            ));
            return;
        }
        let casts: Vec<&[Entity]> = self.shelf.iter().map(|r| &r.cast.entities[..]).collect();
        let quotes: Vec<&[u32]> = self.shelf.iter().map(|r| &r.quote_counts[..]).collect();
        let cast = CorpusCast::merge_with_quotes(&casts, &quotes);
        let dates: Vec<Option<&str>> = self
            .shelf
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
        if let Some(e) = self.reading().selected
            && let Some(ce) = cast.find(self.shelf.shown_index(), e)
            && let Some(i) = list.rows.iter().position(|r| *r == Row::CorpusEntity(ce))
        {
            list.cursor = i;
        }
        self.panels.corpus = Some(Corpus { cast, timeline });
        self.panels.panel = Some(Panel {
            kind: PanelKind::Corpus,
            lists: vec![list],
            reading: self.shelf.shown_index(),
        });
        self.focus = Focus::Panel;
        self.relayout();
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
