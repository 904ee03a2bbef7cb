//! The name mentions of a text in its order, each with its entity: the order the resolver
//! reads them in, as the mention index has them (sorted by start, the longer first, then by
//! entity; a mention overlapping one kept before it left out).
//!
//! Made by `text_order` (the connections read the same order); here, what the resolver asks
//! of it.

#[cfg(test)]
use crate::domain::text_order::in_text_order;
pub use crate::domain::text_order::{Given, Named, in_text_order_given};

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
    use crate::domain::entity::{Entity, Kind, Mention};

    #[test]
    fn the_first_name_reaching_an_offset_is_found_walking_on() {
        let entity = |spans: &[(usize, usize)]| Entity {
            id: String::new(),
            name: "x".into(),
            kind: Kind::Person,
            aliases: vec![],
            mentions: spans.iter().map(|&(s, e)| Mention::new(s..e)).collect(),
        };
        let entities = [
            entity(&[(0, 5), (20, 25), (40, 44)]),
            entity(&[(10, 15), (30, 35)]),
        ];
        let names = in_text_order(&entities, 1);
        assert_eq!(first_reaching(&names, 0, 15), 2);
        assert_eq!(first_reaching(&names, 3, 15), 3);
        assert_eq!(first_reaching(&names, 0, 99), names.len());
        assert!(overlaps(&names, 12, 13) && !overlaps(&names, 15, 20));
        assert!(cuts_a_name(&names, 12, 17) && cuts_a_name(&names, 10, 15));
        assert!(!cuts_a_name(&names, 9, 16));
    }
}
