//! What the pass found put into the entities.

use std::ops::Range;
use std::sync::Arc;

use super::Found;
use crate::domain::entity::{self, Entity, Mention, Mentions};

/// Puts what the pass found into the entities, then orders them again, their mentions in one
/// new store. When the entities are shared (with the names' cast a reader shows meanwhile),
/// only those that gain or lose mentions move to the new store; the others (places, dates,
/// figures and every actor nothing refers to: most mentions) keep theirs where they are, in
/// the names' store, which that cast holds anyway: a copy of all would be the pass's
/// largest block, held beside it. Unshared, the names' store is freed once all moved.
pub(super) fn apply(entities: &mut Arc<Vec<Entity>>, found: Found) {
    let Found {
        mut added,
        mut moved,
        ..
    } = found;
    if added.is_empty() {
        return;
    }
    added.sort_unstable_by_key(|&(e, m)| (e, m.start));
    moved.sort_unstable_by_key(|m| m.start);
    // The store of the names' mentions. An entity with mentions elsewhere (a team, or one
    // whose mentions were edited) moves to the new store too, so that the mentions lie in
    // two stores, which a mention index reads in place (see `MentionIndex`).
    let names = (entities.iter())
        .map(|e| e.mentions.store().0)
        .max_by_key(|s| s.len())
        .map(Arc::clone)
        .unwrap_or_default();
    let shown = Arc::strong_count(entities) > 1;
    // Each entity's added mentions (a range of `added`), and whether it moves. `added` is
    // in the order of the entities: each one's run starts where the last one's ended, and
    // most have none (a walk, not a search of the rest for each).
    let mut next = 0;
    let extras: Vec<(Range<usize>, bool)> = (entities.iter().enumerate())
        .map(|(i, e)| {
            let from = next;
            while added
                .get(next)
                .is_some_and(|(owner, _)| *owner as usize == i)
            {
                next += 1;
            }
            let extra = from..next;
            // Whether it loses a name is looked for last.
            let loses = || {
                let moved = moved_within(&moved, &e.mentions);
                !moved.is_empty() && e.mentions.iter().any(|m| is_in(moved, m))
            };
            let elsewhere = !Arc::ptr_eq(e.mentions.store().0, &names);
            let changes = !shown || !extra.is_empty() || elsewhere || loses();
            (extra, changes)
        })
        .collect();
    let total: usize = (entities.iter().zip(&extras))
        .filter(|(_, (_, changes))| *changes)
        .map(|(e, (extra, _))| e.mentions.len() + extra.len())
        .sum();
    let mut store: Vec<Mention> = Vec::with_capacity(total);
    let mut ranges = Vec::with_capacity(entities.len());
    for (e, (extra, changes)) in entities.iter().zip(&extras) {
        if !changes {
            ranges.push(None);
            continue;
        }
        let from = store.len();
        let own = &e.mentions[..];
        let extra = &added[extra.clone()];
        let moved = moved_within(&moved, own);
        // Two sorted lists into one, the moved names left out.
        let (mut a, mut b) = (0, 0);
        while a < own.len() || b < extra.len() {
            let take_own = b == extra.len() || (a < own.len() && own[a].start < extra[b].1.start);
            if take_own {
                let m = own[a];
                a += 1;
                if moved.is_empty() || !is_in(moved, &m) {
                    store.push(m);
                }
            } else {
                store.push(extra[b].1);
                b += 1;
            }
        }
        ranges.push(Some(from..store.len()));
    }
    drop((added, extras));
    let store = Arc::new(store);
    // A copy here if the entities are shared, beside the store and not during the pass.
    let entities = Arc::make_mut(entities);
    for (e, r) in entities.iter_mut().zip(ranges) {
        if let Some(r) = r {
            e.mentions = Mentions::shared(&store, r);
        }
    }
    *entities = entity::order(std::mem::take(entities));
}

/// The mentions of `moved` (sorted by start) that start where one of `own` (sorted by start)
/// may: from its first start to its last. Most entities lose no name: none.
fn moved_within<'m>(moved: &'m [Mention], own: &[Mention]) -> &'m [Mention] {
    let (Some(first), Some(last)) = (own.first(), own.last()) else {
        return &[];
    };
    let from = moved.partition_point(|x| x.start < first.start);
    let to = from + moved[from..].partition_point(|x| x.start <= last.start);
    &moved[from..to]
}

/// Whether a mention of `moved` (sorted by start) starts where `m` does.
fn is_in(moved: &[Mention], m: &Mention) -> bool {
    moved
        .binary_search_by_key(&{ m.start }, |x| x.start)
        .is_ok()
}
