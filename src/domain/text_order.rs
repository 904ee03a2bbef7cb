//! Every mention of a cast in the order of the text, each with its entity, as the mention
//! index has them (sorted by start, the longer first, then by entity; a mention overlapping
//! one kept before it left out): what coreference reads its names in, and what the
//! connections are counted from when they are all written out.
//!
//! Made from the entities in one pass over their mentions and one sort, so that reading them
//! later is a walk through an array, not a look-up in the entities' store per mention; on
//! several threads, each dealing and sorting a range of the text's starts.

use crate::domain::entity::{Entity, Form};

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
    all
}

/// Bits of a start that choose its bucket, at most: a few mentions a bucket on a text of up to
/// 8 MB (a handful is sorted by a few moves), tens on a larger one. With a quarter as many
/// buckets, 10 MB put some twenty mentions in each, and sorting them was half of the pass.
const BITS: u32 = 16;

/// Bits of a start that choose its bucket when the last mention starts at `top`: one bucket
/// for every 128 bytes of text, up to [`BITS`] (reached at 8 MB). A short text gets a few
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
    std::thread::scope(|scope| {
        let mut rest = &mut all[..];
        for run in &runs {
            let (part, after) = rest.split_at_mut(next[run.end] - next[run.start]);
            rest = after;
            let (deal, run) = (&deal, run.clone());
            scope.spawn(move || deal(run, part));
        }
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
