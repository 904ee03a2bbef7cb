//! Mentions by position: which mentions overlap a range of text (the visible rows), found by
//! binary search, and the next or previous mention of one entity from a position.
//!
//! Memory: one 12-byte entry per mention (start, end, owner as `u32`), built in place with no
//! second copy, so a 100 MB document with millions of mentions costs tens of megabytes.

use std::ops::Range;

use crate::domain::entity::{Entity, Mention};

/// Every mention of every entity, sorted by start and non-overlapping, so that their ends are
/// sorted too and one binary search finds the first mention that reaches into a range.
#[derive(Debug, Default, Clone)]
pub struct MentionIndex {
    entries: Vec<Entry>,
}

/// A mention and the entity it belongs to, side by side so a lookup touches one cache line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    mention: Mention,
    owner: u32,
}

impl MentionIndex {
    /// Indexes the mentions of `entities` (an entity is known by its position in the slice).
    /// Should two mentions overlap, the earlier (then longer) one is kept.
    pub fn new(entities: &[Entity]) -> MentionIndex {
        let total = entities.iter().map(|e| e.mentions.len()).sum();
        // Exact capacity, sorted and thinned in place: the peak is this one vector.
        let mut entries = Vec::with_capacity(total);
        for (i, e) in entities.iter().enumerate() {
            let owner = u32::try_from(i).expect("fewer than 2^32 entities");
            entries.extend(e.mentions.iter().map(|&mention| Entry { mention, owner }));
        }
        entries
            .sort_unstable_by_key(|e| (e.mention.start, std::cmp::Reverse(e.mention.end), e.owner));
        let mut kept = 0;
        let mut reach = 0;
        for i in 0..entries.len() {
            let e = entries[i];
            if kept > 0 && e.mention.start < reach {
                continue;
            }
            reach = e.mention.end;
            entries[kept] = e;
            kept += 1;
        }
        entries.truncate(kept);
        if kept < total {
            entries.shrink_to_fit();
        }
        MentionIndex { entries }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Bytes held by the index (for measurements).
    pub fn heap_bytes(&self) -> usize {
        self.entries.capacity() * std::mem::size_of::<Entry>()
    }

    /// Mentions that overlap `range`, with the entity each belongs to.
    pub fn overlapping(&self, range: Range<usize>) -> impl Iterator<Item = (Mention, usize)> + '_ {
        let first = self
            .entries
            .partition_point(|e| (e.mention.end as usize) <= range.start);
        self.entries[first..]
            .iter()
            .take_while(move |e| (e.mention.start as usize) < range.end)
            .map(|e| (e.mention, e.owner as usize))
    }

    /// The mention that contains byte `offset`, if any.
    pub fn at(&self, offset: usize) -> Option<(Mention, usize)> {
        self.overlapping(offset..offset + 1).next()
    }

    /// How many indexed mentions start inside `range` (two binary searches).
    pub fn count_in(&self, range: Range<usize>) -> usize {
        let from = self
            .entries
            .partition_point(|e| (e.mention.start as usize) < range.start);
        let to = self
            .entries
            .partition_point(|e| (e.mention.start as usize) < range.end);
        to.saturating_sub(from)
    }
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
    use crate::domain::entity::Kind;

    fn entity(spans: &[(u32, u32)]) -> Entity {
        Entity {
            id: String::new(),
            name: "x".into(),
            kind: Kind::Person,
            aliases: vec![],
            mentions: spans
                .iter()
                .map(|&(start, end)| Mention { start, end })
                .collect(),
        }
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
            .map(|&(start, end)| Mention { start, end })
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
    fn counts_by_start_and_holds_twelve_bytes_a_mention() {
        let index = MentionIndex::new(&[entity(&[(0, 5), (20, 25)]), entity(&[(10, 15)])]);
        assert_eq!(index.count_in(0..100), 3);
        assert_eq!(index.count_in(1..20), 1);
        assert_eq!(index.count_in(20..21), 1);
        assert_eq!(index.heap_bytes(), 3 * 12);
    }
}
