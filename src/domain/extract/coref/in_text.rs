//! The name mentions of a text in its order, each with its entity: the order the resolver
//! reads them in, as the mention index has them (sorted by start, the longer first, then by
//! entity; a mention overlapping one kept before it left out).
//!
//! Made from the entities in one pass over their mentions and one sort, so that reading them
//! later is a walk through an array, not a look-up in the entities' store per mention.

use crate::domain::entity::{Entity, Form};

/// A name mention and the entity (its index) it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Named {
    pub start: u32,
    pub end: u32,
    pub entity: u32,
    /// A demonym ("Afghan" for Afghanistan) rather than a name.
    pub demonym: bool,
}

/// Every mention of `entities`, in the order of the text.
pub fn in_text_order(entities: &[Entity]) -> Vec<Named> {
    let total = entities.iter().map(|e| e.mentions.len()).sum();
    let mut all: Vec<Named> = Vec::with_capacity(total);
    for (i, e) in entities.iter().enumerate() {
        let entity = u32::try_from(i).expect("fewer than 2^32 entities");
        all.extend(e.mentions.iter().map(|m| Named {
            start: m.start,
            end: m.end,
            entity,
            demonym: m.form == Form::Demonym,
        }));
    }
    all.sort_unstable_by_key(|n| {
        let longest_first = u64::from(n.start) << 32 | u64::from(u32::MAX - n.end);
        (longest_first, n.entity)
    });
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
            .map(|(m, e)| Named {
                start: m.start,
                end: m.end,
                entity: e as u32,
                demonym: false,
            })
            .collect();
        let names = in_text_order(&entities);
        assert_eq!(names, expected);
        assert_eq!(first_reaching(&names, 0, 15), 2);
        assert_eq!(first_reaching(&names, 3, 15), 3);
        assert_eq!(first_reaching(&names, 0, 99), names.len());
    }
}
