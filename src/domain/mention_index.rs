//! Mentions by position: which mentions overlap a range of text (the visible rows), found by
//! binary search, and the next or previous mention of one entity from a position.
//!
//! Memory: the index does not copy the mentions. The entities of a cast share one store of
//! mentions (the extractor makes it so; other casts are packed into one here), and the index
//! is one 4-byte entry per mention (its place in that store; the entity is found from the
//! store's ranges), so a 100 MB document with millions of mentions costs tens of megabytes,
//! not twice that.

use std::ops::Range;
use std::sync::Arc;

use crate::domain::entity::{Entity, Mention, Mentions};

/// Every mention of every entity, sorted by start and non-overlapping, so that their ends are
/// sorted too and one binary search finds the first mention that reaches into a range.
#[derive(Debug, Default, Clone)]
pub struct MentionIndex {
    store: Arc<Vec<Mention>>,
    /// Places in `store`, in the order of the mentions' starts: 4 bytes a mention.
    entries: Vec<u32>,
    /// Where each entity's mentions start in `store` (sorted), and the entity: the owner of a
    /// mention is found by binary search here, instead of being stored beside every mention.
    owners: Vec<(u32, u32)>,
}

/// A store of mentions and each entity's range in it.
type Stored = (Arc<Vec<Mention>>, Vec<Range<usize>>);

/// The store all of `entities` share and each one's range in it, if they share one.
fn shared_store(entities: &[Entity]) -> Option<Stored> {
    let (first, _) = entities.first()?.mentions.store();
    let ranges = entities
        .iter()
        .map(|e| {
            let (store, range) = e.mentions.store();
            Arc::ptr_eq(store, first).then_some(range)
        })
        .collect::<Option<Vec<_>>>()?;
    Some((Arc::clone(first), ranges))
}

/// One store with the mentions of all `entities` (a copy), for casts not made by the
/// extractor, and each one's range in it.
fn pack(entities: &[Entity]) -> Stored {
    let total = entities.iter().map(|e| e.mentions.len()).sum();
    let mut store = Vec::with_capacity(total);
    let mut ranges = Vec::with_capacity(entities.len());
    for e in entities {
        ranges.push(store.len()..store.len() + e.mentions.len());
        store.extend_from_slice(&e.mentions);
    }
    (Arc::new(store), ranges)
}

/// Places in `store` of the mentions in `ranges`, in the order of the mentions' starts.
/// Sorted as plain integers (start, then place): comparing through the store would read it in
/// random order millions of times, which made this the slowest step after extraction on a
/// 100 MB document.
fn sorted_by_start(ranges: &[Range<usize>], store: &[Mention]) -> Vec<u32> {
    let total = ranges.iter().map(|r| r.len()).sum();
    let mut keys: Vec<u64> = Vec::with_capacity(total);
    for r in ranges {
        keys.extend(
            r.clone()
                .map(|at| (u64::from(store[at].start) << 32) | at as u64),
        );
    }
    keys.sort_unstable();
    // Not `into_iter().collect()`: that would keep the keys' allocation, twice the size.
    let mut places = Vec::with_capacity(total);
    places.extend(keys.iter().map(|&k| k as u32));
    places
}

/// The start of each non-empty range with its entity, sorted; `None` if two ranges overlap
/// (then a mention would have two owners).
fn owners_of(ranges: &[Range<usize>]) -> Option<Vec<(u32, u32)>> {
    let mut owners: Vec<(u32, u32, u32)> = ranges
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.is_empty())
        .map(|(i, r)| {
            let owner = u32::try_from(i).expect("fewer than 2^32 entities");
            (r.start as u32, r.end as u32, owner)
        })
        .collect();
    owners.sort_unstable();
    let disjoint = owners.windows(2).all(|w| w[0].1 <= w[1].0);
    disjoint.then(|| {
        let mut starts = Vec::with_capacity(owners.len());
        starts.extend(owners.iter().map(|&(s, _, o)| (s, o)));
        starts
    })
}

impl MentionIndex {
    /// Indexes the mentions of `entities` (an entity is known by its position in the slice)
    /// and makes them share the index's store if they did not already (so the mentions are
    /// held once).
    pub fn sharing(entities: &mut [Entity]) -> MentionIndex {
        let index = MentionIndex::new(entities);
        if entities
            .iter()
            .any(|e| !Arc::ptr_eq(e.mentions.store().0, &index.store))
        {
            let mut at = 0;
            for e in entities.iter_mut() {
                let n = e.mentions.len();
                e.mentions = Mentions::shared(&index.store, at..at + n);
                at += n;
            }
        }
        index
    }

    /// Indexes the mentions of `entities` (an entity is known by its position in the slice),
    /// in the store they share, else in a packed copy. Should two mentions overlap, the
    /// earlier (then longer) one is kept.
    pub fn new(entities: &[Entity]) -> MentionIndex {
        let shared = shared_store(entities)
            .and_then(|(store, ranges)| Some((owners_of(&ranges)?, store, ranges)));
        let (owners, store, ranges) = match shared {
            Some(shared) => shared,
            None => {
                let (store, ranges) = pack(entities);
                let owners = owners_of(&ranges).expect("packed ranges are disjoint");
                (owners, store, ranges)
            }
        };
        let total: usize = ranges.iter().map(|r| r.len()).sum();
        let mut index = MentionIndex {
            entries: sorted_by_start(&ranges, &store),
            store,
            owners,
        };
        drop(ranges);
        let (entries, store) = (&mut index.entries, &index.store);
        let owners = &index.owners;
        let m = |at: &u32| store[*at as usize];
        // Mentions that start together (rare) go longest first, then by entity.
        for same_start in entries.chunk_by_mut(|a, b| m(a).start == m(b).start) {
            if same_start.len() > 1 {
                same_start.sort_unstable_by_key(|at| {
                    (std::cmp::Reverse(m(at).end), owner_in(owners, *at))
                });
            }
        }
        let mut kept = 0;
        let mut reach = 0;
        for i in 0..entries.len() {
            let at = entries[i];
            if kept > 0 && m(&at).start < reach {
                continue;
            }
            reach = m(&at).end;
            entries[kept] = at;
            kept += 1;
        }
        entries.truncate(kept);
        if kept < total {
            entries.shrink_to_fit();
        }
        index
    }

    fn mention(&self, at: &u32) -> Mention {
        self.store[*at as usize]
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Bytes held by the index itself, the shared store not counted (for measurements).
    pub fn heap_bytes(&self) -> usize {
        self.entries.capacity() * std::mem::size_of::<u32>()
            + self.owners.capacity() * std::mem::size_of::<(u32, u32)>()
    }

    /// Mentions that overlap `range`, with the entity each belongs to.
    pub fn overlapping(&self, range: Range<usize>) -> impl Iterator<Item = (Mention, usize)> + '_ {
        let first = self
            .entries
            .partition_point(|e| (self.mention(e).end as usize) <= range.start);
        self.entries[first..]
            .iter()
            .map(|at| (self.mention(at), owner_in(&self.owners, *at) as usize))
            .take_while(move |(m, _)| (m.start as usize) < range.end)
    }

    /// The mention that contains byte `offset`, if any.
    pub fn at(&self, offset: usize) -> Option<(Mention, usize)> {
        self.overlapping(offset..offset + 1).next()
    }

    /// How many indexed mentions start inside `range` (two binary searches).
    pub fn count_in(&self, range: Range<usize>) -> usize {
        let starts_before = |at: usize| {
            self.entries
                .partition_point(|e| (self.mention(e).start as usize) < at)
        };
        starts_before(range.end).saturating_sub(starts_before(range.start))
    }
}

/// The entity whose mentions hold place `at` of the store.
fn owner_in(owners: &[(u32, u32)], at: u32) -> u32 {
    let i = owners.partition_point(|&(start, _)| start <= at);
    owners[i - 1].1
}

/// The index in `mentions` (sorted) of the first mention starting at or after `offset`,
/// wrapping round to the first; `None` if there are none.
pub fn next_from(mentions: &[Mention], offset: usize) -> Option<usize> {
    if mentions.is_empty() {
        return None;
    }
    let i = mentions.partition_point(|m| (m.start as usize) < offset);
    Some(if i == mentions.len() { 0 } else { i })
}

/// The index of the last mention starting before `offset`, wrapping round to the last.
pub fn prev_from(mentions: &[Mention], offset: usize) -> Option<usize> {
    if mentions.is_empty() {
        return None;
    }
    let i = mentions.partition_point(|m| (m.start as usize) < offset);
    Some(if i == 0 { mentions.len() - 1 } else { i - 1 })
}

/// The index of the first mention in `mentions` (sorted) that starts inside `range`, without
/// wrapping: "is one of its mentions on screen?" by binary search, not a scan.
pub fn first_in(mentions: &[Mention], range: Range<usize>) -> Option<usize> {
    let i = mentions.partition_point(|m| (m.start as usize) < range.start);
    mentions
        .get(i)
        .filter(|m| (m.start as usize) < range.end)
        .map(|_| i)
}

/// How many of `mentions` (sorted) start inside `range`.
pub fn count_in(mentions: &[Mention], range: Range<usize>) -> usize {
    let from = mentions.partition_point(|m| (m.start as usize) < range.start);
    let to = mentions.partition_point(|m| (m.start as usize) < range.end);
    to.saturating_sub(from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::entity::{Form, Kind};

    fn entity(spans: &[(u32, u32)]) -> Entity {
        Entity {
            id: String::new(),
            name: "x".into(),
            kind: Kind::Person,
            aliases: vec![],
            mentions: spans
                .iter()
                .map(|&(start, end)| Mention {
                    start,
                    end,
                    form: Form::Name,
                })
                .collect(),
        }
    }

    #[test]
    fn entities_that_share_a_store_are_indexed_without_a_copy() {
        let mut shared = vec![entity(&[(10, 15)]), entity(&[(0, 5), (20, 25)])];
        let index = MentionIndex::sharing(&mut shared);
        let store = Arc::clone(shared[0].mentions.store().0);
        assert!(
            shared
                .iter()
                .all(|e| Arc::ptr_eq(e.mentions.store().0, &store))
        );
        assert_eq!(
            *shared[1].mentions,
            [
                Mention {
                    start: 0,
                    end: 5,
                    form: Form::Name
                },
                Mention {
                    start: 20,
                    end: 25,
                    form: Form::Name
                }
            ]
        );
        let mut again = shared.clone();
        let twice = MentionIndex::sharing(&mut again);
        assert!(
            Arc::ptr_eq(&twice.store, &store),
            "already shared: not packed again"
        );
        let hits: Vec<_> = twice
            .overlapping(0..99)
            .map(|(m, o)| (m.start, o))
            .collect();
        assert_eq!(hits, [(0, 1), (10, 0), (20, 1)]);
        assert_eq!(index.entries, twice.entries);
    }

    #[test]
    fn finds_mentions_overlapping_a_range() {
        let index = MentionIndex::new(&[entity(&[(0, 5), (20, 25)]), entity(&[(10, 15)])]);
        let hits: Vec<_> = index
            .overlapping(4..21)
            .map(|(m, o)| (m.start, o))
            .collect();
        assert_eq!(hits, [(0, 0), (10, 1), (20, 0)]);
        assert_eq!(index.overlapping(5..10).count(), 0, "end is exclusive");
        assert_eq!(index.at(12).map(|(_, o)| o), Some(1));
        assert_eq!(index.at(16), None);
    }

    #[test]
    fn overlapping_mentions_keep_the_first_and_longest() {
        let index = MentionIndex::new(&[entity(&[(0, 3)]), entity(&[(0, 10)]), entity(&[(5, 8)])]);
        let hits: Vec<_> = index.overlapping(0..100).map(|(m, o)| (m.end, o)).collect();
        assert_eq!(hits, [(10, 1)]);
    }

    #[test]
    fn next_and_prev_wrap_round() {
        let ms: Vec<Mention> = [(10, 12), (20, 22), (30, 32)]
            .iter()
            .map(|&(start, end)| Mention {
                start,
                end,
                form: Form::Name,
            })
            .collect();
        assert_eq!(next_from(&ms, 0), Some(0));
        assert_eq!(next_from(&ms, 11), Some(1));
        assert_eq!(next_from(&ms, 31), Some(0));
        assert_eq!(prev_from(&ms, 20), Some(0));
        assert_eq!(prev_from(&ms, 5), Some(2));
        assert_eq!(next_from(&[], 5), None);
        assert_eq!(first_in(&ms, 11..25), Some(1));
        assert_eq!(first_in(&ms, 11..20), None, "end is exclusive");
        assert_eq!(first_in(&ms, 31..99), None, "no wrap");
        assert_eq!(count_in(&ms, 0..31), 3);
        assert_eq!(count_in(&ms, 11..30), 1);
    }

    #[test]
    fn counts_by_start_and_holds_four_bytes_a_mention() {
        let index = MentionIndex::new(&[entity(&[(0, 5), (20, 25)]), entity(&[(10, 15)])]);
        assert_eq!(index.count_in(0..100), 3);
        assert_eq!(index.count_in(1..20), 1);
        assert_eq!(index.count_in(20..21), 1);
        assert_eq!(
            index.heap_bytes(),
            3 * 4 + 2 * 8,
            "4 bytes a mention, 8 an entity"
        );
    }

    #[test]
    fn owners_come_from_the_store_ranges_and_shared_ranges_are_packed_apart() {
        let mut entities = vec![entity(&[(0, 5), (20, 25)]), entity(&[(10, 15), (30, 35)])];
        let index = MentionIndex::sharing(&mut entities);
        let owners: Vec<_> = index
            .overlapping(0..100)
            .map(|(m, o)| (m.start, o))
            .collect();
        assert_eq!(owners, [(0, 0), (10, 1), (20, 0), (30, 1)]);
        // Two entities over one range of the store (a clone): each mention is indexed once,
        // for the first of them, as when their mentions were stored apart.
        let twins = vec![
            entities[1].clone(),
            entities[1].clone(),
            entities[0].clone(),
        ];
        let index = MentionIndex::new(&twins);
        let owners: Vec<_> = index
            .overlapping(0..100)
            .map(|(m, o)| (m.start, o))
            .collect();
        assert_eq!(owners, [(0, 2), (10, 0), (20, 2), (30, 0)]);
    }
}
