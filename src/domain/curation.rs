//! A document's corrections over its fresh entities: the history of corrections, and the cast
//! they give, recomputed from the fresh entities plus the history (so undo is exact).

use crate::domain::corrections::{self, History, Unfit};
use crate::domain::document::Document;
use crate::domain::entity::Entity;

/// A document's corrections.
#[derive(Debug, Clone)]
pub struct Curation {
    /// The entities as extracted (or imported), before any correction. `None` while the cast
    /// was opened with no correction in effect and none has been made since: the fresh
    /// entities are then the cast's own, kept once (on a large document they are tens of
    /// megabytes), and copied from the cast at the first correction.
    fresh: Option<Vec<Entity>>,
    pub history: History,
    /// Saved corrections that no longer fit the document.
    pub unfit: Vec<Unfit>,
}

impl Curation {
    /// The corrections of `doc` over its `fresh` entities, and the cast they give.
    pub fn new(fresh: Vec<Entity>, history: History, doc: &Document) -> (Curation, Vec<Entity>) {
        let mut c = Curation {
            fresh: None,
            history,
            unfit: Vec::new(),
        };
        if c.history.active().is_empty() {
            // What `corrections::apply` gives for no corrections, without a copy: the fresh
            // entities, which every extractor and importer has finalized already (doing it
            // again took a tenth of a second at 100 MB, for the same result).
            return (c, fresh);
        }
        c.fresh = Some(fresh);
        let (entities, unfit) = c.entities(doc, &[]);
        c.unfit = unfit;
        (c, entities)
    }

    /// The cast with the corrections in effect, and those that did not fit. `shown` is the
    /// cast on screen: while no correction has been in effect, it is the fresh cast.
    pub fn entities(&mut self, doc: &Document, shown: &[Entity]) -> (Vec<Entity>, Vec<Unfit>) {
        let mut entities = self.fresh.get_or_insert_with(|| shown.to_vec()).clone();
        let unfit = corrections::apply(&mut entities, self.history.active(), doc);
        (entities, unfit)
    }
}
