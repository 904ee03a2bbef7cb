//! The name mentions of a text in its order, each with its entity: the order the resolver
//! reads them in, as the mention index has them (sorted by start, the longer first, then by
//! entity; a mention overlapping one kept before it left out).
//!
//! Made from the entities in one pass over their mentions and one sort, so that reading them
//! later is a walk through an array, not a look-up in the entities' store per mention.

use crate::domain::entity::{Entity, Form};

/// A name mention and the entity (its index) it belongs to. Twelve bytes: a large text has
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

/// Every mention of `entities`, in the order of the text.
pub fn in_text_order(entities: &[Entity]) -> Vec<Named> {
    let mut all = by_start(entities);
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

/// Every mention of `entities`, sorted by start (those that start together in no set order):
/// dealt straight from the entities into buckets of nearby starts, then each bucket sorted.
/// No second copy of the mentions is made, as a radix sort would need: at 100 MB they are
/// millions, and this is the peak of the pass.
fn by_start(entities: &[Entity]) -> Vec<Named> {
    const BITS: u32 = 11;
    let top = (entities.iter())
        .filter_map(|e| e.mentions.iter().map(|m| m.start).max())
        .max()
        .unwrap_or(0);
    let shift = (u32::BITS - top.leading_zeros()).saturating_sub(BITS);
    let bucket = |start: u32| (start >> shift) as usize;
    let mut next = vec![0usize; (1 << BITS) + 1];
    for e in entities {
        for m in &e.mentions {
            next[bucket(m.start) + 1] += 1;
        }
    }
    for b in 1..next.len() {
        next[b] += next[b - 1];
    }
    let ends = next[1..].to_vec();
    let blank = Named::new(0, 0, 0, false);
    let mut all = vec![blank; next[1 << BITS]];
    for (i, e) in entities.iter().enumerate() {
        let entity = u32::try_from(i).expect("fewer than 2^32 entities");
        for m in &e.mentions {
            let b = bucket(m.start);
            all[next[b]] = Named::new(m.start, m.end, entity, m.form == Form::Demonym);
            next[b] += 1;
        }
    }
    let mut from = 0;
    for end in ends {
        all[from..end].sort_unstable_by_key(|n| n.start);
        from = end;
    }
    all
}

/// Whether `start..end` overlaps one of `names` (in text order): a mention the pass adds may
/// not, as every mention of a document lies apart from the others.
pub fn overlaps(names: &[Named], start: usize, end: usize) -> bool {
    let i = names.partition_point(|n| (n.end as usize) <= start);
    names.get(i).is_some_and(|n| (n.start as usize) < end)
}

/// Whether `start..end` cuts across one of `names` or is one: a description may hold a name
/// whole ("Hinduism's holiest site"), never part of one, nor be a name's own words again.
pub fn cuts_a_name(names: &[Named], start: usize, end: usize) -> bool {
    let i = names.partition_point(|n| (n.end as usize) <= start);
    names[i..]
        .iter()
        .take_while(|n| (n.start as usize) < end)
        .any(|n| {
            let (s, e) = (n.start as usize, n.end as usize);
            s < start || e > end || (s, e) == (start, end)
        })
}

/// The first of `names` at or after `from` that ends after byte `offset`: the first to reach
/// into a range that starts there (a walk forward, for ranges read in order).
pub fn first_reaching(names: &[Named], from: usize, offset: usize) -> usize {
    let mut i = from;
    while i < names.len() && (names[i].end as usize) <= offset {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::entity::{Kind, Mention};
    use crate::domain::mention_index::MentionIndex;

    fn entity(spans: &[(u32, u32)]) -> Entity {
        Entity {
            id: String::new(),
            name: "x".into(),
            kind: Kind::Person,
            aliases: vec![],
            mentions: spans
                .iter()
                .map(|&(s, e)| Mention::new(s as usize..e as usize))
                .collect(),
        }
    }

    #[test]
    fn the_order_and_the_overlaps_are_the_mention_index_s() {
        let entities = [
            entity(&[(0, 5), (20, 25), (40, 44)]),
            entity(&[]),
            entity(&[(10, 15), (30, 35), (40, 44)]),
            entity(&[(12, 14), (30, 38), (50, 51)]),
            entity(&[(0, 3)]),
        ];
        let index = MentionIndex::new(&entities);
        let expected: Vec<Named> = (index.overlapping(0..100))
            .map(|(m, e)| Named::new(m.start, m.end, e as u32, false))
            .collect();
        let names = in_text_order(&entities);
        assert_eq!(names, expected);
        assert_eq!(first_reaching(&names, 0, 15), 2);
        assert_eq!(first_reaching(&names, 3, 15), 3);
        assert_eq!(first_reaching(&names, 0, 99), names.len());
    }

    #[test]
    fn many_mentions_sort_as_few_do() {
        // Enough mentions for many buckets, starting together now and then, from entities
        // listed in no order of the text.
        let mut x = 7u32;
        let entities: Vec<Entity> = (0..600)
            .map(|_| {
                let spans: Vec<(u32, u32)> = (0..20)
                    .map(|_| {
                        x ^= x << 13;
                        x ^= x >> 17;
                        x ^= x << 5;
                        let start = x % 3_000_000;
                        (start, start + 1 + x % 7)
                    })
                    .collect();
                let mut e = entity(&spans);
                e.mentions.edit(|v| v.sort_unstable());
                e
            })
            .collect();
        let index = MentionIndex::new(&entities);
        let expected: Vec<(u32, u32, u32)> = (index.overlapping(0..u32::MAX as usize))
            .map(|(m, e)| (m.start, m.end, e as u32))
            .collect();
        let names: Vec<(u32, u32, u32)> = (in_text_order(&entities).iter())
            .map(|n| (n.start, n.end, n.entity()))
            .collect();
        assert!(names.len() > 5000);
        assert_eq!(names, expected);
    }
}
