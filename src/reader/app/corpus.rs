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
