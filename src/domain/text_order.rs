//! Every mention of a cast in the order of the text, each with its entity, as the mention
//! index has them (sorted by start, the longer first, then by entity; a mention overlapping
//! one kept before it left out): what coreference reads its names in, and what the
//! connections are counted from when they are all written out.
//!
//! Made from the entities in one pass over their mentions and one sort, so that reading them
//! later is a walk through an array, not a look-up in the entities' store per mention; on
//! several threads, each dealing and sorting a range of the text's starts. Or, when the
//! entities are those clustering gave, taken from there (see [`Given`]).

use std::ops::Range;
use std::sync::Arc;

use crate::domain::entity::{Entity, Form, Mention};

/// A mention and the entity (its index) it belongs to. Twelve bytes: a large text has
/// millions, all held while coreference reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Named {
    pub start: u32,
    pub end: u32,
    /// The entity, and in the top bit whether the mention is a demonym.
    tagged: u32,
}

impl Named {
    const DEMONYM: u32 = 1 << 31;

    /// The mention `start..end` of entity `entity` (below 2^31), a demonym ("Afghan" for
    /// Afghanistan) or a name.
    pub fn new(start: u32, end: u32, entity: u32, demonym: bool) -> Named {
        assert!(entity < Self::DEMONYM, "fewer than 2^31 entities");
        let tag = if demonym { Self::DEMONYM } else { 0 };
        Named {
            start,
            end,
            tagged: entity | tag,
        }
    }

    /// The entity (its index) the mention belongs to.
    pub fn entity(self) -> u32 {
        self.tagged & !Self::DEMONYM
    }

    /// Whether the mention is a demonym rather than a name.
    pub fn demonym(self) -> bool {
        self.tagged & Self::DEMONYM != 0
    }
}

/// Every mention of `entities`, in the order of the text, made on `jobs` threads (the same
/// for every number).
pub fn in_text_order(entities: &[Entity], jobs: usize) -> Vec<Named> {
    let mut all = by_start(entities, jobs);
    // Mentions that start together (rare): the longer first, then by entity.
    for same in all.chunk_by_mut(|a, b| a.start == b.start) {
        if same.len() > 1 {
            same.sort_unstable_by_key(|n| (u32::MAX - n.end, n.entity()));
        }
    }
    keep_apart(&mut all);
    all
}

/// Leaves out of `all` (in text order) each mention that starts before one kept ends.
fn keep_apart(all: &mut Vec<Named>) {
    let mut kept = 0;
    let mut reach = 0;
    for i in 0..all.len() {
        let n = all[i];
        if kept > 0 && n.start < reach {
            continue;
        }
        reach = n.end;
        all[kept] = n;
        kept += 1;
    }
    all.truncate(kept);
}

/// Where a mention goes in the text order: by start, the longer first, then by entity.
fn order_key(n: &Named) -> (u32, u32, u32) {
    (n.start, u32::MAX - n.end, n.entity())
}

/// The mentions of the entities clustering gave, in text order, as clustering found them
/// (the candidates come in that order), with where each entity's mentions lie in the store
/// they share. [`in_text_order_given`] takes them for those entities as they are then,
/// dealing and sorting only the mentions of entities changed or added since (coreference
/// adds a few before it reads the names), instead of all.
#[derive(Debug)]
pub struct Given {
    store: Arc<Vec<Mention>>,
    /// Each entity's places in `store`.
    ranges: Vec<Range<usize>>,
    /// Every mention of the entities, by start, each ending at or before the next starts.
    names: Vec<Named>,
}

impl Given {
    /// `backwards`: every mention of `store`, from the last in the text to the first, each
    /// ending at or before the next starts, naming its entity by where it was before the
    /// entities were ordered, entity `i` then holding places `before[i]..before[i + 1]`.
    /// `entities`: those entities, ordered, without those that had no mentions. `None` if
    /// one's mentions are not where they were (ordering them copied them out).
    pub fn clustered(
        store: &Arc<Vec<Mention>>,
        entities: &[Entity],
        before: &[u32],
        mut backwards: Vec<Named>,
    ) -> Option<Given> {
        // Where each entity went, found from the places it holds.
        let mut now = vec![u32::MAX; before.len()];
        let mut ranges = Vec::with_capacity(entities.len());
        for (i, e) in entities.iter().enumerate() {
            let (held, range) = e.mentions.store();
            let was = before.partition_point(|&b| b as usize <= range.start);
            let moved = was > 0
                && before
                    .get(was)
                    .is_some_and(|&end| end as usize == range.end);
            if !(Arc::ptr_eq(held, store) && moved) {
                return None;
            }
            now[was - 1] = u32::try_from(i).expect("fewer than 2^32 entities");
            ranges.push(range);
        }
        if backwards.len() != store.len() {
            return None;
        }
        // Turned around and renamed in one pass.
        let renamed = |n: Named| {
            let entity = now[n.entity() as usize];
            (entity != u32::MAX).then(|| Named::new(n.start, n.end, entity, n.demonym()))
        };
        let count = backwards.len();
        for i in 0..count.div_ceil(2) {
            let j = count - 1 - i;
            let (a, b) = (renamed(backwards[i])?, renamed(backwards[j])?);
            (backwards[i], backwards[j]) = (b, a);
        }
        debug_assert!(backwards.windows(2).all(|w| w[0].end <= w[1].start));
        Some(Given {
            store: Arc::clone(store),
            ranges,
            names: backwards,
        })
    }
}

/// [`in_text_order`] of `entities` on `jobs` threads, taking what `given` holds of them:
/// the mentions of entities still where they were as they are, merged with those of the
/// entities changed or added since, sorted.
pub fn in_text_order_given(entities: &[Entity], given: Option<Given>, jobs: usize) -> Vec<Named> {
    let Some(Given {
        store,
        ranges,
        mut names,
    }) = given
    else {
        return in_text_order(entities, jobs);
    };
    let as_given = |i: usize, e: &Entity| {
        let (held, range) = e.mentions.store();
        Arc::ptr_eq(held, &store) && ranges.get(i) == Some(&range)
    };
    let changed: Vec<usize> = (entities.iter().enumerate())
        .filter(|&(i, e)| !as_given(i, e))
        .map(|(i, _)| i)
        .collect();
    drop(store);
    // Entities no longer as given (changed, or gone): their mentions then are left out.
    let mut stale = vec![false; ranges.len()];
    stale[entities.len().min(ranges.len())..].fill(true);
    for &i in &changed {
        if let Some(s) = stale.get_mut(i) {
            *s = true;
        }
    }
    if stale.contains(&true) {
        names.retain(|n| !stale[n.entity() as usize]);
    }
    let mut dealt: Vec<Named> = (changed.iter())
        .flat_map(|&i| {
            let entity = u32::try_from(i).expect("fewer than 2^32 entities");
            (entities[i].mentions.iter())
                .map(move |m| Named::new(m.start, m.end, entity, m.form == Form::Demonym))
        })
        .collect();
    if dealt.is_empty() {
        return names;
    }
    // Those of the same entity that start together keep their order, as when all are dealt.
    dealt.sort_by_key(order_key);
    // Merged from the back, in place: the dealt are few.
    let kept = names.len();
    names.resize(kept + dealt.len(), dealt[0]);
    let (mut a, mut b) = (kept, dealt.len());
    for w in (0..names.len()).rev() {
        if b == 0 {
            break;
        }
        if a > 0 && order_key(&names[a - 1]) > order_key(&dealt[b - 1]) {
            a -= 1;
            names[w] = names[a];
        } else {
            b -= 1;
            names[w] = dealt[b];
        }
    }
    keep_apart(&mut names);
    names
}

/// Bits of a start that choose its bucket, at most: a few mentions a bucket on a text of up to
/// 32 MB (a handful is sorted by a few moves), tens on a larger one. With a sixteenth as
/// many buckets, 10 MB put some twenty mentions in each, and sorting them was half of the
/// pass; with a quarter, five or so, and the pass took a little more than it does now.
const BITS: u32 = 18;

/// Bits of a start that choose its bucket when the last mention starts at `top`: one bucket
/// for every 128 bytes of text, up to [`BITS`] (reached at 32 MB). A short text gets a few
/// buckets, not tens of thousands to count and walk: a one-line document spent more on them
/// than on the rest of its extraction.
fn bucket_bits(top: u32) -> u32 {
    (u32::BITS - (top / 128).leading_zeros()).min(BITS)
}

/// A bucket of at most this many mentions is sorted by insertion.
const FEW: usize = 32;

/// Sorts a bucket of mentions by start, those that start together in the order they were
/// dealt (a stable sort, whichever way it is done).
fn sort_by_start(part: &mut [Named]) {
    if part.len() > FEW {
        part.sort_by_key(|n| n.start);
        return;
    }
    for i in 1..part.len() {
        let n = part[i];
        let mut j = i;
        while j > 0 && part[j - 1].start > n.start {
            part[j] = part[j - 1];
            j -= 1;
        }
        part[j] = n;
    }
}

/// Every mention of `entities`, sorted by start (those that start together in the entities'
/// order): dealt straight from the entities into buckets of nearby starts, then each bucket sorted.
/// No second copy of the mentions is made, as a radix sort would need: at 100 MB they are
/// millions, and this is the peak of the pass. On several jobs each thread deals and sorts
/// a run of buckets (each reading every mention, keeping its own): a bucket holds what it
/// holds, in the same order, for every number of jobs.
fn by_start(entities: &[Entity], jobs: usize) -> Vec<Named> {
    let top = (entities.iter())
        .filter_map(|e| e.mentions.iter().map(|m| m.start).max())
        .max()
        .unwrap_or(0);
    let bits = bucket_bits(top);
    let buckets = 1usize << bits;
    let shift = (u32::BITS - top.leading_zeros()).saturating_sub(bits);
    // In 64 bits: with one bucket, a start of 2^31 or more is shifted by 32.
    let bucket = |start: u32| (u64::from(start) >> shift) as usize;
    let mut next = vec![0usize; buckets + 1];
    for e in entities {
        for m in &e.mentions {
            next[bucket(m.start) + 1] += 1;
        }
    }
    for b in 1..next.len() {
        next[b] += next[b - 1];
    }
    let total = next[buckets];
    let Some(first) = entities.iter().find_map(|e| e.mentions.first()) else {
        return Vec::new();
    };
    let mut all = vec![Named::new(first.start, first.end, 0, false); total];
    // Runs of buckets of about equal weight, one a thread. A run of empty buckets (those
    // past the last start's, often) is none: its thread would read every mention to keep
    // none, and on one job it was a second thread beside the one dealing them all.
    let mut runs = crate::domain::pieces::by_weight(
        &(0..buckets)
            .map(|b| next[b + 1] - next[b])
            .collect::<Vec<_>>(),
        jobs.max(1),
    );
    runs.retain(|run| next[run.end] > next[run.start]);
    let deal = |buckets: std::ops::Range<usize>, part: &mut [Named]| {
        let base = next[buckets.start];
        let mut at: Vec<usize> = next[buckets.clone()].iter().map(|&n| n - base).collect();
        for (i, e) in entities.iter().enumerate() {
            let entity = u32::try_from(i).expect("fewer than 2^32 entities");
            for m in &e.mentions {
                let b = bucket(m.start);
                if buckets.contains(&b) {
                    let slot = &mut at[b - buckets.start];
                    part[*slot] = Named::new(m.start, m.end, entity, m.form == Form::Demonym);
                    *slot += 1;
                }
            }
        }
        for b in buckets {
            sort_by_start(&mut part[next[b] - base..next[b + 1] - base]);
        }
    };
    if runs.len() <= 1 {
        deal(0..buckets, &mut all);
        return all;
    }
    // The last run on this thread: no more threads than jobs (one more, waiting beside a
    // busy core, waited there until the scheduler's next tick while another core idled).
    std::thread::scope(|scope| {
        let mut rest = &mut all[..];
        let (last, others) = runs.split_last().expect("several runs");
        for run in others {
            let (part, after) = rest.split_at_mut(next[run.end] - next[run.start]);
            rest = after;
            let (deal, run) = (&deal, run.clone());
            scope.spawn(move || deal(run, part));
        }
        deal(last.clone(), rest);
    });
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::mention_index::MentionIndex;

    #[test]
    fn the_order_and_the_overlaps_are_the_mention_index_s() {
        let entities = [
            Entity::mentioned_at(&[(0, 5), (20, 25), (40, 44)]),
            Entity::mentioned_at(&[]),
            Entity::mentioned_at(&[(10, 15), (30, 35), (40, 44)]),
            Entity::mentioned_at(&[(12, 14), (30, 38), (50, 51)]),
            Entity::mentioned_at(&[(0, 3)]),
        ];
        let index = MentionIndex::new(&entities);
        let expected: Vec<Named> = (index.overlapping(0..100))
            .map(|(m, e)| Named::new(m.start, m.end, e as u32, false))
            .collect();
        for jobs in [1, 2, 3] {
            assert_eq!(in_text_order(&entities, jobs), expected, "{jobs} jobs");
        }
        assert!(in_text_order(&[], 2).is_empty());
        assert!(in_text_order(&[Entity::mentioned_at(&[])], 2).is_empty());
    }

    /// Entities as clustering gives them: `spans` (apart, each entity's in order) filled
    /// into one store entity after entity, the entities then listed in the order `order`
    /// (those without mentions left out), with their names in text order.
    fn clustered(spans: &[&[(u32, u32)]], order: &[usize]) -> (Vec<Entity>, Option<Given>) {
        let mut before = vec![0u32];
        let mut store = Vec::new();
        let mut backwards = Vec::new();
        for (i, list) in spans.iter().enumerate() {
            for &(s, e) in *list {
                store.push(Mention::new(s as usize..e as usize));
                backwards.push(Named::new(s, e, i as u32, false));
            }
            before.push(store.len() as u32);
        }
        backwards.sort_by_key(|n| std::cmp::Reverse(n.start));
        let store = Arc::new(store);
        let entities: Vec<Entity> = (order.iter())
            .filter(|&&i| before[i] < before[i + 1])
            .map(|&i| {
                let mut e = Entity::mentioned_at(&[]);
                let range = before[i] as usize..before[i + 1] as usize;
                e.mentions = crate::domain::entity::Mentions::shared(&store, range);
                e
            })
            .collect();
        let given = Given::clustered(&store, &entities, &before, backwards);
        (entities, given)
    }

    #[test]
    fn names_given_by_clustering_are_the_text_order_of_the_entities_as_they_are_now() {
        let spans: [&[(u32, u32)]; 4] =
            [&[(0, 5), (20, 25)], &[], &[(10, 15), (30, 35)], &[(40, 44)]];
        let (mut entities, given) = clustered(&spans, &[2, 1, 3, 0]);
        let given = given.expect("every entity where it was filled");
        assert_eq!(
            in_text_order_given(&entities, Some(given), 1),
            in_text_order(&entities, 1)
        );
        // A mention added to one entity (copied out of the store), an entity added, one
        // overlapping a name that is kept.
        let (_, given) = clustered(&spans, &[2, 1, 3, 0]);
        entities[1]
            .mentions
            .edit(|v| v.insert(0, Mention::new(16..18)));
        entities.push(Entity::mentioned_at(&[
            (0, 9),
            (12, 13),
            (26, 28),
            (50, 60),
        ]));
        let expected = in_text_order(&entities, 1);
        assert_eq!(in_text_order_given(&entities, given, 2), expected);
        assert!(expected.iter().any(|n| n.entity() == 3) && expected.iter().any(|n| n.start == 16));
        // Entities gone, and none given.
        let (entities, given) = clustered(&spans, &[2, 1, 3, 0]);
        assert_eq!(
            in_text_order_given(&entities[..1], given, 1),
            in_text_order(&entities[..1], 1)
        );
        assert_eq!(
            in_text_order_given(&entities, None, 1),
            in_text_order(&entities, 1)
        );
    }

    #[test]
    fn names_are_not_given_of_entities_not_in_the_store_they_were_filled_in() {
        let spans: [&[(u32, u32)]; 2] = [&[(0, 5)], &[(10, 15)]];
        let (mut entities, _) = clustered(&spans, &[1, 0]);
        let store = Arc::clone(entities[0].mentions.store().0);
        entities[0].mentions.edit(|_| {});
        let backwards = vec![Named::new(10, 15, 1, false), Named::new(0, 5, 0, false)];
        assert!(Given::clustered(&store, &entities, &[0, 1, 2], backwards).is_none());
    }

    #[test]
    fn buckets_grow_with_the_text_up_to_the_most() {
        assert_eq!(bucket_bits(0), 0, "one bucket");
        assert_eq!(bucket_bits(127), 0);
        assert_eq!(bucket_bits(128), 1);
        assert_eq!(bucket_bits(1 << 20), 14);
        assert_eq!(bucket_bits(u32::MAX), BITS);
        // A mention at the largest start still falls in the last bucket.
        let entities = [Entity::mentioned_at(&[
            (u32::MAX - 2, u32::MAX - 1),
            (1, 2),
        ])];
        let starts: Vec<u32> = in_text_order(&entities, 1)
            .iter()
            .map(|n| n.start)
            .collect();
        assert_eq!(starts, [1, u32::MAX - 2]);
    }

    #[test]
    fn many_mentions_sort_as_few_do_on_every_number_of_threads() {
        // Enough mentions for many buckets, starting together now and then, from entities
        // listed in no order of the text.
        let mut x = 7u32;
        // The last entities' mentions crowd the first buckets, sorted another way.
        let entities: Vec<Entity> = (0..630)
            .map(|i| {
                let within = if i < 600 { 3_000_000 } else { 300 };
                let spans: Vec<(u32, u32)> = (0..20)
                    .map(|_| {
                        x ^= x << 13;
                        x ^= x >> 17;
                        x ^= x << 5;
                        let start = x % within;
                        (start, start + 1 + x % 7)
                    })
                    .collect();
                let mut e = Entity::mentioned_at(&spans);
                e.mentions.edit(|v| v.sort_unstable());
                e
            })
            .collect();
        let index = MentionIndex::new(&entities);
        let expected: Vec<(u32, u32, u32)> = (index.overlapping(0..u32::MAX as usize))
            .map(|(m, e)| (m.start, m.end, e as u32))
            .collect();
        assert!(expected.len() > 5000);
        for jobs in [1, 2, 3, 8] {
            let names: Vec<(u32, u32, u32)> = (in_text_order(&entities, jobs).iter())
                .map(|n| (n.start, n.end, n.entity()))
                .collect();
            assert_eq!(names, expected, "{jobs} jobs");
        }
    }
}
