//! Filling the entities of a [`Plan`] with their mentions, in one store they share.

use super::{Plan, SKIP};
use crate::domain::entity::{self, Entity, Mention, Mentions};
use crate::domain::extract::candidate::Compact;
use crate::domain::mention_index::ByStart;
use crate::domain::text_order::{Given, Named};

/// Candidates read between two shortenings of their buffer (12 MB).
const STORE_STEP: usize = 1 << 20;

/// What [`Plan::fill_with`] gives beside the entities: their mentions in the order of their
/// starts (the candidates come in that order: nothing to sort), as places in their store
/// for a mention index, or with their entities for a text order, or nothing.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Want {
    Nothing,
    Places,
    Names,
}

/// What [`Plan::fill_with`] gave of what was wanted (nothing when mentions overlap).
enum Ordered {
    Nothing,
    Places(ByStart),
    Names(Given),
}

impl Plan {
    /// The entities with their mentions, ordered by importance (see `entity::order`), without
    /// ids; with `by_start`, also their mentions in the order of their starts, for a mention
    /// index, unless some overlap. `cands` are those the plan was made of.
    pub fn fill(self, cands: Vec<Compact>, by_start: bool) -> (Vec<Entity>, Option<ByStart>) {
        let want = if by_start {
            Want::Places
        } else {
            Want::Nothing
        };
        match self.fill_with(cands, want) {
            (entities, Ordered::Places(by_start)) => (entities, Some(by_start)),
            (entities, _) => (entities, None),
        }
    }

    /// [`Plan::fill`], with the mentions in text order as a text order of these entities
    /// takes them (see [`Given`]), unless some overlap: coreference reads them in that order
    /// and need not deal and sort them again.
    pub fn fill_in_text_order(self, cands: Vec<Compact>) -> (Vec<Entity>, Option<Given>) {
        match self.fill_with(cands, Want::Names) {
            (entities, Ordered::Names(given)) => (entities, Some(given)),
            (entities, _) => (entities, None),
        }
    }

    fn fill_with(self, cands: Vec<Compact>, want: Want) -> (Vec<Entity>, Ordered) {
        let Plan {
            entities,
            counts,
            goes_to,
            first_word,
            demonyms,
        } = self;
        // Mentions: every entity's in one array of the right size, entity after entity, which
        // the entities and the cast's mention index then share.
        let mut offsets = counts;
        offsets.push(0);
        let mut total = 0;
        for n in &mut offsets {
            (*n, total) = (total, total + *n);
        }
        // Every mention beside every candidate was the peak of a 100 MB text's reading (about
        // 40 MB more for a moment). So the store is zeroed memory, given pages only as it is
        // written, and the candidates are read from the last, their buffer shortened as they are
        // used: each entity's mentions filled from its end keep their order in the text.
        let mut fill: Vec<u32> = offsets[1..].to_vec();
        let mut store = vec![[0u32; 3]; total as usize];
        // The place in the store of each mention, in the order of the candidates, filled from the
        // last as the store is.
        let mut places = vec![
            0u32;
            if want == Want::Places {
                total as usize
            } else {
                0
            }
        ];
        let mut placed = places.len();
        // The mentions with their entities (by their places in `entities` until these are
        // ordered), from the last in the text to the first.
        let mut backwards: Vec<Named> = Vec::with_capacity(if want == Want::Names {
            total as usize
        } else {
            0
        });
        // Whether the mentions kept are in order and apart, as the finders make them: then there
        // are no overlaps to remove.
        let mut apart = true;
        let mut next_start = u32::MAX;
        let mut cands = cands;
        while !cands.is_empty() {
            let from = cands.len().saturating_sub(STORE_STEP);
            for c in cands[from..].iter().rev() {
                let at = goes_to[c.form as usize];
                if at == SKIP {
                    continue;
                }
                apart &= c.end <= next_start && c.end > c.start;
                next_start = c.start;
                let next = &mut fill[at as usize];
                *next -= 1;
                let first = first_word[c.form as usize];
                let end = if first > 0 { c.start + first } else { c.end };
                let demonym = demonyms[c.form as usize];
                store[*next as usize] = [c.start, end, u32::from(demonym)];
                match want {
                    Want::Places => {
                        placed -= 1;
                        places[placed] = *next;
                    }
                    Want::Names => backwards.push(Named::new(c.start, end, at, demonym)),
                    Want::Nothing => {}
                }
            }
            cands.truncate(from);
            cands.shrink_to_fit();
        }
        drop(fill);
        let store: Vec<Mention> = store
            .into_iter()
            .map(|[start, end, demonym]| Mention {
                start,
                end,
                form: if demonym == 1 {
                    entity::Form::Demonym
                } else {
                    entity::Form::Name
                },
            })
            .collect();
        let store = std::sync::Arc::new(store);

        let entities = (entities.into_iter().zip(offsets.windows(2)))
            .map(|(e, range)| Entity {
                id: String::new(),
                name: e.name,
                kind: e.kind,
                aliases: e.aliases,
                mentions: Mentions::shared(&store, range[0] as usize..range[1] as usize),
            })
            .collect();
        if !apart {
            return (entity::order(without_overlaps(entities)), Ordered::Nothing);
        }
        let entities = entity::order(entities);
        let ordered = match want {
            Want::Places => Ordered::Places(ByStart::new(&store, places)),
            Want::Names => Given::clustered(&store, &entities, &offsets, backwards)
                .map_or(Ordered::Nothing, Ordered::Names),
            Want::Nothing => Ordered::Nothing,
        };
        (entities, ordered)
    }
}

/// Keeps mentions of different entities apart: a later mention overlapping an earlier kept one
/// is dropped. The finders never produce overlaps; this makes it a guarantee.
fn without_overlaps(mut entities: Vec<Entity>) -> Vec<Entity> {
    let mut lists: Vec<Vec<Mention>> = Vec::with_capacity(entities.len());
    let mut all: Vec<(Mention, u32)> = entities
        .iter()
        .enumerate()
        .flat_map(|(i, e)| {
            let i = u32::try_from(i).expect("fewer than 2^32 entities");
            e.mentions.iter().map(move |m| (*m, i))
        })
        .collect();
    all.sort_unstable();
    lists.resize(entities.len(), Vec::new());
    let mut last_end = 0u32;
    for (m, i) in all {
        if m.start >= last_end && !m.is_empty() {
            lists[i as usize].push(m);
            last_end = m.end;
        }
    }
    for (e, list) in entities.iter_mut().zip(lists) {
        e.mentions = list.into();
    }
    entities
}
