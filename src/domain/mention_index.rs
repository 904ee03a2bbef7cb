//! Mentions by position: which mentions overlap a range of text (the visible rows), found by
//! binary search, and the next or previous mention of one entity from a position.

use std::ops::Range;

use crate::domain::entity::{Entity, Mention};

/// Every mention of every entity, sorted by start and non-overlapping, so that their ends are
/// sorted too and one binary search finds the first mention that reaches into a range.
#[derive(Debug, Default, Clone)]
pub struct MentionIndex {
    mentions: Vec<Mention>,
    owners: Vec<u32>,
}

impl MentionIndex {
    /// Indexes the mentions of `entities` (an entity is known by its position in the slice).
    /// Should two mentions overlap, the earlier (then longer) one is kept.
    pub fn new(entities: &[Entity]) -> MentionIndex {
        let mut all: Vec<(Mention, u32)> = entities
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.mentions.iter().map(move |&m| (m, i as u32)))
            .collect();
        all.sort_unstable_by_key(|(m, i)| (m.start, std::cmp::Reverse(m.end), *i));
        let mut index = MentionIndex::default();
        let mut reach = 0;
        for (m, owner) in all {
            if m.start < reach && !index.mentions.is_empty() {
                continue;
            }
            reach = m.end;
            index.mentions.push(m);
            index.owners.push(owner);
        }
        index
    }

    pub fn len(&self) -> usize {
        self.mentions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.mentions.is_empty()
    }

    /// Mentions that overlap `range`, with the entity each belongs to.
    pub fn overlapping(&self, range: Range<usize>) -> impl Iterator<Item = (Mention, usize)> + '_ {
        let first = self
            .mentions
            .partition_point(|m| (m.end as usize) <= range.start);
        self.mentions[first..]
            .iter()
            .zip(&self.owners[first..])
            .take_while(move |(m, _)| (m.start as usize) < range.end)
            .map(|(&m, &o)| (m, o as usize))
    }

    /// The mention that contains byte `offset`, if any.
    pub fn at(&self, offset: usize) -> Option<(Mention, usize)> {
        self.overlapping(offset..offset + 1).next()
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
    }
}
