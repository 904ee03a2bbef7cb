//! Mentions by position: which mentions overlap a range of text (the visible rows), found by
//! binary search, and the next or previous mention of one entity from a position.
//!
//! Memory: the index does not copy the mentions. The entities of a cast keep their mentions
//! in a few shared stores (the extractor puts the names' in one; coreference and the
//! quotations' speakers put the entities they add to in one each), which the index reads in
//! place; only the mentions of entities that own a small store of their own (a correction, a
//! merge) are packed into one here. The index is one 4-byte entry per mention (its place in
//! those stores; the entity is found from the stores' ranges), so a 100 MB document with
//! millions of mentions costs tens of megabytes, not twice that.

use std::ops::Range;
use std::sync::Arc;

use crate::domain::entity::{Entity, Mention, Mentions};

/// Every mention of every entity, sorted by start and non-overlapping, so that their ends are
/// sorted too and one binary search finds the first mention that reaches into a range.
#[derive(Debug, Default, Clone)]
pub struct MentionIndex {
    stores: Stores,
    /// Places, in the order of the mentions' starts: 4 bytes a mention.
    entries: Vec<u32>,
    /// Where each entity's mentions start (sorted places), and the entity: the owner of a
    /// mention is found by binary search here, instead of being stored beside every mention.
    owners: Vec<(u32, u32)>,
}

/// The mentions of one store in the order of their starts, none overlapping another: as
/// clustering fills the store from candidates that come in that order, an index of them
/// needs no sorting (sorting them was most of the time between a large document's names
/// being clustered and their cast being shown).
#[derive(Debug)]
pub struct ByStart {
    store: Arc<Vec<Mention>>,
    /// Places in `store`.
    places: Vec<u32>,
}

impl ByStart {
    /// `places` must be every place of `store`, in the order of the mentions' starts, and
    /// each mention must end at or before the next one starts.
    pub fn new(store: &Arc<Vec<Mention>>, places: Vec<u32>) -> ByStart {
        debug_assert_eq!(places.len(), store.len());
        debug_assert!(places.windows(2).all(|w| {
            let (a, b) = (store[w[0] as usize], store[w[1] as usize]);
            a.start < a.end && a.end <= b.start
        }));
        ByStart {
            store: Arc::clone(store),
            places,
        }
    }
}

/// The stores an index reads, one after another: a mention's place is its position in them
/// all, as if they were one.
#[derive(Debug, Default, Clone)]
struct Stores {
    /// The store most entities share (places `0..first.len()`).
    first: Arc<Vec<Mention>>,
    /// The other stores, each from its place in `bases` on: few (a store holding few of the
    /// mentions is packed into one instead), so a mention past `first` is found by a short
    /// binary search.
    more: Vec<Arc<Vec<Mention>>>,
    bases: Vec<usize>,
}

impl Stores {
    /// The store holding place `at`, and where that store starts.
    fn holding(&self, at: usize) -> (&Arc<Vec<Mention>>, usize) {
        if at < self.first.len() || self.more.is_empty() {
            return (&self.first, 0);
        }
        let i = self.bases.partition_point(|&b| b <= at).saturating_sub(1);
        (&self.more[i], self.bases[i])
    }

    fn get(&self, at: usize) -> Mention {
        match self.first.get(at) {
            Some(&m) => m,
            None => {
                let (store, base) = self.holding(at);
                store[at - base]
            }
        }
    }

    /// The mentions at places `r` (all in one store).
    fn slice(&self, r: Range<usize>) -> &[Mention] {
        let (store, base) = self.holding(r.start);
        &store[r.start - base..r.end - base]
    }

    fn bytes(&self) -> usize {
        let capacity = |s: &Arc<Vec<Mention>>| s.capacity() * std::mem::size_of::<Mention>();
        capacity(&self.first) + self.more.iter().map(capacity).sum::<usize>()
    }
}

/// The stores an index reads and each entity's range of places in them.
struct Stored {
    stores: Stores,
    ranges: Vec<Range<usize>>,
}

impl Stored {
    /// `f(start, place)` for every mention in the ranges, range by range (each a slice of
    /// one store, read in order).
    fn each_start(&self, mut f: impl FnMut(u32, u32)) {
        for r in &self.ranges {
            for (i, m) in self.stores.slice(r.clone()).iter().enumerate() {
                f(m.start, (r.start + i) as u32);
            }
        }
    }
}

/// A store holding fewer than this share of a cast's mentions is packed, not read in place.
const PACK_BELOW: usize = 256;

/// The stores the entities' mentions are in, read in place, the largest first; the mentions
/// of the entities in small stores of their own (fewer than 1/[`PACK_BELOW`] of all) packed
/// into one after them. `None` if two entities' ranges overlap (then a mention would have
/// two owners).
fn mostly_shared(entities: &[Entity]) -> Option<(Stored, Vec<(u32, u32)>)> {
    let largest = entities.iter().max_by_key(|e| e.mentions.store().0.len())?;
    let first = Arc::clone(largest.mentions.store().0);
    let total: usize = entities.iter().map(|e| e.mentions.len()).sum();
    // The other stores, in the order met, and how many of the mentions each holds.
    let key = |s: &Arc<Vec<Mention>>| Arc::as_ptr(s) as usize;
    let mut others: rustc_hash::FxHashMap<usize, usize> = rustc_hash::FxHashMap::default();
    let mut met: Vec<&Arc<Vec<Mention>>> = Vec::new();
    for e in entities.iter().filter(|e| !e.mentions.is_empty()) {
        let store = e.mentions.store().0;
        if Arc::ptr_eq(store, &first) {
            continue;
        }
        let held = others.entry(key(store)).or_insert_with(|| {
            met.push(store);
            0
        });
        *held += e.mentions.len();
    }
    // Where each store read in place starts (`None`: packed).
    let mut more = Vec::new();
    let mut bases = Vec::new();
    let mut base: rustc_hash::FxHashMap<usize, usize> = rustc_hash::FxHashMap::default();
    let mut end = first.len();
    for store in met {
        if others[&key(store)] * PACK_BELOW >= total {
            base.insert(key(store), end);
            bases.push(end);
            more.push(Arc::clone(store));
            end += store.len();
        }
    }
    let packed_from = end;
    let packed: usize = (entities.iter())
        .filter(|e| !Arc::ptr_eq(e.mentions.store().0, &first))
        .filter(|e| !base.contains_key(&key(e.mentions.store().0)))
        .map(|e| e.mentions.len())
        .sum();
    let mut rest = Vec::with_capacity(packed);
    let ranges = (entities.iter())
        .map(|e| {
            let (store, range) = e.mentions.store();
            if Arc::ptr_eq(store, &first) {
                return range;
            }
            if let Some(&at) = base.get(&key(store)) {
                return at + range.start..at + range.end;
            }
            let at = packed_from + rest.len();
            rest.extend_from_slice(&e.mentions);
            at..at + e.mentions.len()
        })
        .collect::<Vec<_>>();
    if !rest.is_empty() {
        bases.push(packed_from);
        more.push(Arc::new(rest));
    }
    u32::try_from(packed_from + packed).ok()?;
    let owners = owners_of(&ranges)?;
    let stores = Stores { first, more, bases };
    Some((Stored { stores, ranges }, owners))
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
    let stores = Stores {
        first: Arc::new(store),
        ..Stores::default()
    };
    Stored { stores, ranges }
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
        for (e, r) in entities.iter_mut().zip(ranges) {
            let (store, base) = index.stores.holding(r.start);
            if !r.is_empty() && !Arc::ptr_eq(e.mentions.store().0, store) {
                e.mentions = Mentions::shared(store, r.start - base..r.end - base);
            }
        }
        index
    }

    /// Indexes the mentions of `entities` (an entity is known by its position in the slice),
    /// in the stores they share and a packed copy of the few others', or in a packed copy of
    /// all. Should two mentions overlap, the earlier (then longer) one is kept.
    pub fn new(entities: &[Entity]) -> MentionIndex {
        MentionIndex::with_ranges(entities).0
    }

    /// [`MentionIndex::new`] for entities whose mentions are all in `by_start`'s store, each
    /// mention once: the index is made of `by_start` without sorting. `None` if they are not.
    pub fn of_sorted(entities: &[Entity], by_start: ByStart) -> Option<MentionIndex> {
        let (stored, owners) = mostly_shared(entities)?;
        let all = stored.ranges.iter().map(Range::len).sum::<usize>() == by_start.places.len();
        let one_store = stored.stores.more.is_empty();
        if !(all && one_store && Arc::ptr_eq(&stored.stores.first, &by_start.store)) {
            return None;
        }
        Some(MentionIndex {
            stores: stored.stores,
            entries: by_start.places,
            owners,
        })
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
        let Stored { stores, ranges } = stored;
        let mut index = MentionIndex {
            stores,
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
        self.stores.get(*at as usize)
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

    /// Bytes of the mentions the index reads (the shared stores and the packed rest).
    pub fn store_bytes(&self) -> usize {
        self.stores.bytes()
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
mod tests;
