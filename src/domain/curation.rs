//! A document's corrections over its fresh entities: the history of corrections, and the cast
//! they give, recomputed from the fresh entities and quotations plus the history (so undo is
//! exact).

use crate::domain::cast::Cast;
use crate::domain::corrections::{self, History, Unfit};
use crate::domain::document::Document;
use crate::domain::entity::Entity;
use crate::domain::quotes::Quotes;

/// A document's corrections.
#[derive(Debug, Clone)]
pub struct Curation {
    /// The entities and quotations as extracted (or imported), before any correction. `None`
    /// while the cast was opened with no correction in effect and none has been made since:
    /// the fresh entities are then the cast's own, kept once (on a large document they are
    /// tens of megabytes), and copied from the cast at the first correction.
    fresh: Option<(Vec<Entity>, Quotes)>,
    pub history: History,
    /// Saved corrections that no longer fit the document.
    pub unfit: Vec<Unfit>,
}

impl Curation {
    /// The corrections of `doc` over its `fresh` entities and quotations, and the entities
    /// and quotations they give.
    pub fn new(
        fresh: Vec<Entity>,
        quotes: Quotes,
        history: History,
        doc: &Document,
    ) -> (Curation, Vec<Entity>, Quotes) {
        let mut c = Curation {
            fresh: None,
            history,
            unfit: Vec::new(),
        };
        if c.history.active().is_empty() {
            // What `corrections::apply` gives for no corrections, without a copy: the fresh
            // entities, which every extractor and importer has finalized already (doing it
            // again took a tenth of a second at 100 MB, for the same result).
            return (c, fresh, quotes);
        }
        c.fresh = Some((fresh, quotes));
        let (entities, quotes, unfit) = c.apply(doc, &Cast::default());
        c.unfit = unfit;
        (c, entities, quotes)
    }

    /// The entities and quotations with the corrections in effect, and the corrections that
    /// did not fit. `shown` is the cast on screen: while no correction has been in effect, it
    /// is the fresh cast.
    pub fn apply(&mut self, doc: &Document, shown: &Cast) -> (Vec<Entity>, Quotes, Vec<Unfit>) {
        let (fresh, fresh_quotes) = self
            .fresh
            .get_or_insert_with(|| (Vec::clone(&shown.entities), shown.quotes.clone()));
        let mut entities = fresh.clone();
        let mut quotes = fresh_quotes.clone();
        let unfit = corrections::apply(&mut entities, &mut quotes, self.history.active(), doc);
        (entities, quotes, unfit)
    }
}
