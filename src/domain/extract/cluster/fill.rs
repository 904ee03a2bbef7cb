//! Filling the entities of a [`Plan`] with their mentions, in one store they share.

use super::{Plan, SKIP};
use crate::domain::entity::{self, Entity, Mention, Mentions};
use crate::domain::extract::candidate::Compact;
use crate::domain::mention_index::ByStart;

/// Candidates read between two shortenings of their buffer (12 MB).
const STORE_STEP: usize = 1 << 20;

impl Plan {
    /// The entities with their mentions, ordered by importance (see `entity::order`), without
    /// ids; with `by_start`, also their mentions in the order of their starts, for a mention
    /// index (the candidates come in that order: nothing to sort), unless some overlap.
    /// `cands` are those the plan was made of.
    pub fn fill(self, cands: Vec<Compact>, by_start: bool) -> (Vec<Entity>, Option<ByStart>) {
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
        let mut places = vec![0u32; if by_start { total as usize } else { 0 }];
        let mut placed = places.len();
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
                store[*next as usize] = [c.start, end, u32::from(demonyms[c.form as usize])];
                if by_start {
                    placed -= 1;
                    places[placed] = *next;
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
            return (entity::order(without_overlaps(entities)), None);
        }
        let by_start = by_start.then(|| ByStart::new(&store, places));
        (entity::order(entities), by_start)
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
