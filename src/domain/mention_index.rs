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
    /// The store most entities share (places `0..store.len()`).
    store: Arc<Vec<Mention>>,
    /// The mentions of the entities not in `store`, packed (places from `store.len()` on):
    /// after a correction or a merge copied a few entities' mentions out, only those are
    /// copied here, not the millions in the shared store.
    rest: Arc<Vec<Mention>>,
    /// Places, in the order of the mentions' starts: 4 bytes a mention.
    entries: Vec<u32>,
    /// Where each entity's mentions start (sorted places), and the entity: the owner of a
    /// mention is found by binary search here, instead of being stored beside every mention.
    owners: Vec<(u32, u32)>,
}

/// The stores an index reads (`store`, then `rest`) and each entity's range of places in them.
struct Stored {
    store: Arc<Vec<Mention>>,
    rest: Arc<Vec<Mention>>,
    ranges: Vec<Range<usize>>,
}

impl Stored {
    /// `f(start, place)` for every mention in the ranges, range by range (each a slice of
    /// one store, read in order).
    fn each_start(&self, mut f: impl FnMut(u32, u32)) {
        for r in &self.ranges {
            let slice = match r.start.checked_sub(self.store.len()) {
                None => &self.store[r.clone()],
                Some(at) => &self.rest[at..at + r.len()],
            };
            for (i, m) in slice.iter().enumerate() {
                f(m.start, (r.start + i) as u32);
            }
        }
    }
}

/// The largest store an entity's mentions are in, which the others from the extractor share;
/// the mentions of those that do not are read where they are when they all lie in one other
/// store (coreference leaves the entities it added to in a store of their own, beside the
/// names' store the others stay in), else packed after it. `None` if two entities' ranges
/// overlap (then a mention would have two owners).
fn mostly_shared(entities: &[Entity]) -> Option<(Stored, Vec<(u32, u32)>)> {
    let largest = entities.iter().max_by_key(|e| e.mentions.store().0.len())?;
    let store = Arc::clone(largest.mentions.store().0);
    let apart = |e: &Entity| !Arc::ptr_eq(e.mentions.store().0, &store);
    if let Some(rest) = second_store(entities, &store) {
        let ranges = (entities.iter())
            .map(|e| {
                let (_, range) = e.mentions.store();
                match apart(e) {
                    _ if e.mentions.is_empty() => store.len()..store.len(),
                    true => store.len() + range.start..store.len() + range.end,
                    false => range,
                }
            })
            .collect::<Vec<_>>();
        let owners = owners_of(&ranges)?;
        return Some((
            Stored {
                store,
                rest,
                ranges,
            },
            owners,
        ));
    }
    let packed: usize = entities
        .iter()
        .filter(|e| apart(e))
        .map(|e| e.mentions.len())
        .sum();
    let mut rest = Vec::with_capacity(packed);
    let ranges = entities
        .iter()
        .map(|e| {
            let (_, range) = e.mentions.store();
            if !apart(e) {
                return range;
            }
            let at = store.len() + rest.len();
            rest.extend_from_slice(&e.mentions);
            at..at + e.mentions.len()
        })
        .collect::<Vec<_>>();
    let owners = owners_of(&ranges)?;
    let stored = Stored {
        store,
        rest: Arc::new(rest),
        ranges,
    };
    Some((stored, owners))
}

/// The one store every entity with mentions not in `store` has them in, if there is one.
fn second_store(entities: &[Entity], store: &Arc<Vec<Mention>>) -> Option<Arc<Vec<Mention>>> {
    let mut others = (entities.iter())
        .filter(|e| !e.mentions.is_empty())
        .map(|e| e.mentions.store().0)
        .filter(|s| !Arc::ptr_eq(s, store));
    let second = others.next()?;
    others
        .all(|s| Arc::ptr_eq(s, second))
        .then(|| Arc::clone(second))
}

/// One store with the mentions of all `entities` (a copy), for casts whose entities overlap
/// in their shared store (clones), and each one's range in it.
fn pack(entities: &[Entity]) -> Stored {
    let total = entities.iter().map(|e| e.mentions.len()).sum();
    let mut store = Vec::with_capacity(total);
    let mut ranges = Vec::with_capacity(entities.len());
    for e in entities {
        ranges.push(store.len()..store.len() + e.mentions.len());
        store.extend_from_slice(&e.mentions);
    }
    Stored {
        store: Arc::new(store),
        rest: Arc::default(),
        ranges,
    }
}

/// Places of the mentions in `stored`'s ranges, in the order of the mentions' starts (then
/// places). Sorted as plain integers (start, then place): comparing through the store would
/// read it in random order millions of times, which made this the slowest step after
/// extraction on a 100 MB document. The pairs are sorted a range of starts at a time (an
/// eighth of the mentions or so), the places of each range appended to the result: sorting
/// takes the 4 bytes a mention of the result and a buffer of an eighth of 8 bytes a mention,
/// not 8 bytes a mention. The reader builds a cast's index beside the cast it shows, and on
/// a large document that sort was its peak.
fn sorted_by_start(stored: &Stored) -> Vec<u32> {
    const BITS: u32 = 12;
    const PASSES: usize = 8;
    let total: usize = stored.ranges.iter().map(|r| r.len()).sum();
    let mut top = 0;
    stored.each_start(|start, _| top = top.max(start));
    let shift = (u32::BITS - top.leading_zeros()).saturating_sub(BITS);
    let mut counts = vec![0usize; (top >> shift) as usize + 1];
    stored.each_start(|start, _| counts[(start >> shift) as usize] += 1);
    let per_pass = total.div_ceil(PASSES);
    let mut places = Vec::with_capacity(total);
    let mut keys: Vec<u64> = Vec::new();
    let mut lo = 0;
    while lo < counts.len() {
        // Buckets `lo..hi` of starts: up to `per_pass` mentions (at least one bucket).
        let (mut hi, mut n) = (lo + 1, counts[lo]);
        while hi < counts.len() && n + counts[hi] <= per_pass {
            n += counts[hi];
            hi += 1;
        }
        let (from, to) = ((lo as u64) << shift, (hi as u64) << shift);
        keys.clear();
        keys.reserve_exact(n);
        stored.each_start(|start, at| {
            if (from..to).contains(&u64::from(start)) {
                keys.push((u64::from(start) << 32) | u64::from(at));
            }
        });
        keys.sort_unstable();
        places.extend(keys.iter().map(|&k| k as u32));
        lo = hi;
    }
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
    /// and makes them share the index's stores if they did not already (so the mentions are
    /// held once).
    pub fn sharing(entities: &mut [Entity]) -> MentionIndex {
        let (index, ranges) = MentionIndex::with_ranges(entities);
        let apart =
            |e: &Entity| !e.mentions.is_empty() && !Arc::ptr_eq(e.mentions.store().0, &index.store);
        if entities.iter().any(apart) {
            for (e, r) in entities.iter_mut().zip(ranges) {
                e.mentions = match r.start.checked_sub(index.store.len()) {
                    _ if r.is_empty() => continue,
                    None => Mentions::shared(&index.store, r),
                    Some(at) => Mentions::shared(&index.rest, at..at + r.len()),
                };
            }
        }
        index
    }

    /// Indexes the mentions of `entities` (an entity is known by its position in the slice),
    /// in the store most of them share and a packed copy of the others', or in a packed copy
    /// of all. Should two mentions overlap, the earlier (then longer) one is kept.
    pub fn new(entities: &[Entity]) -> MentionIndex {
        MentionIndex::with_ranges(entities).0
    }

    /// [`MentionIndex::new`], with each entity's range of places.
    fn with_ranges(entities: &[Entity]) -> (MentionIndex, Vec<Range<usize>>) {
        let (stored, owners) = mostly_shared(entities).unwrap_or_else(|| {
            let stored = pack(entities);
            let owners = owners_of(&stored.ranges).expect("packed ranges are disjoint");
            (stored, owners)
        });
        let total: usize = stored.ranges.iter().map(|r| r.len()).sum();
        let entries = sorted_by_start(&stored);
        let Stored {
            store,
            rest,
            ranges,
        } = stored;
        let mut index = MentionIndex {
            store,
            rest,
            entries,
            owners,
        };
        let mut entries = std::mem::take(&mut index.entries);
        let m = |at: &u32| index.mention(at);
        let owners = &index.owners;
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
        index.entries = entries;
        (index, ranges)
    }

    fn mention(&self, at: &u32) -> Mention {
        let at = *at as usize;
        match at.checked_sub(self.store.len()) {
            None => self.store[at],
            Some(at) => self.rest[at],
        }
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

    /// Bytes of the mentions the index reads (the shared store and the packed rest).
    pub fn store_bytes(&self) -> usize {
        (self.store.capacity() + self.rest.capacity()) * std::mem::size_of::<Mention>()
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
        let largest = Arc::clone(shared[1].mentions.store().0);
        let index = MentionIndex::sharing(&mut shared);
        let store = Arc::clone(shared[1].mentions.store().0);
        assert!(Arc::ptr_eq(&store, &largest), "the largest store is kept");
        assert!(
            Arc::ptr_eq(shared[0].mentions.store().0, &index.rest),
            "the others' mentions are packed apart, held once"
        );
        assert_eq!(index.store_bytes(), 3 * 9);
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
    fn only_the_mentions_copied_out_of_the_shared_store_are_copied_again() {
        // As the extractor leaves them: one store, a range of it for each entity.
        let mut entities = vec![
            entity(&[(0, 5), (20, 25)]),
            entity(&[(10, 15), (30, 35)]),
            entity(&[(40, 45)]),
        ];
        let store: Arc<Vec<Mention>> =
            Arc::new(entities.iter().flat_map(|e| e.mentions.to_vec()).collect());
        for (e, r) in entities.iter_mut().zip([0..2, 2..4, 4..5]) {
            e.mentions = Mentions::shared(&store, r);
        }
        // A correction edits one entity: its mentions leave the shared store.
        entities[1].mentions.edit(|v| v.push(Mention::new(50..55)));
        let index = MentionIndex::new(&entities);
        assert!(
            Arc::ptr_eq(&index.store, &store),
            "the shared store is read in place"
        );
        assert_eq!(
            index.rest.len(),
            3,
            "only the edited entity's mentions are copied"
        );
        let hits: Vec<_> = index
            .overlapping(0..99)
            .map(|(m, o)| (m.start, o))
            .collect();
        assert_eq!(hits, [(0, 0), (10, 1), (20, 0), (30, 1), (40, 2), (50, 1)]);
        assert_eq!(index.at(52).map(|(_, o)| o), Some(1));
    }

    #[test]
    fn entities_in_two_stores_are_indexed_in_place() {
        // As coreference leaves them: most in the names' store, those it added to in one
        // of their own.
        let mut entities = vec![
            entity(&[(0, 5), (20, 25)]),
            entity(&[(10, 15)]),
            entity(&[(40, 45), (50, 55)]),
        ];
        let names: Arc<Vec<Mention>> =
            Arc::new(entities.iter().flat_map(|e| e.mentions.to_vec()).collect());
        entities[0].mentions = Mentions::shared(&names, 0..2);
        entities[2].mentions = Mentions::shared(&names, 3..5);
        let added = Arc::new(vec![Mention::new(10..15), Mention::new(30..32)]);
        entities[1].mentions = Mentions::shared(&added, 0..2);
        let index = MentionIndex::sharing(&mut entities);
        assert!(Arc::ptr_eq(&index.store, &names));
        assert!(
            Arc::ptr_eq(&index.rest, &added),
            "the second store not copied"
        );
        assert!(Arc::ptr_eq(entities[1].mentions.store().0, &added));
        assert_eq!(index.rest.len(), 2);
        let hits: Vec<_> = index
            .overlapping(0..99)
            .map(|(m, o)| (m.start, o))
            .collect();
        assert_eq!(hits, [(0, 0), (10, 1), (20, 0), (30, 1), (40, 2), (50, 2)]);
        assert_eq!(index.at(31).map(|(_, o)| o), Some(1));

        // A third store: its mentions and the second's are packed after the first.
        entities.push(entity(&[(60, 65)]));
        let index = MentionIndex::sharing(&mut entities);
        assert!(Arc::ptr_eq(&index.store, &names));
        assert_eq!(index.rest.len(), 3);
        assert_eq!(index.len(), 7);
    }

    #[test]
    fn many_mentions_sorted_a_range_of_starts_at_a_time_are_in_text_order() {
        // Enough mentions and distinct starts for several passes, three entities interleaved
        // (each entity's own mentions sorted, as the extractor gives them).
        let spans = |e: u32| -> Vec<(u32, u32)> {
            (0..5000u32)
                .map(|i| (i * 7919 % 5000) * 30 + e * 10)
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .map(|s| (s, s + 5))
                .collect()
        };
        let entities: Vec<Entity> = (0..3).map(|e| entity(&spans(e))).collect();
        let index = MentionIndex::new(&entities);
        let got: Vec<(u32, usize)> = index
            .overlapping(0..usize::MAX)
            .map(|(m, o)| (m.start, o))
            .collect();
        let mut want: Vec<(u32, usize)> = (0..3)
            .flat_map(|e| spans(e as u32).into_iter().map(move |(s, _)| (s, e)))
            .collect();
        want.sort_unstable();
        assert_eq!(got, want);
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
