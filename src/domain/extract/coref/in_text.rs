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
/// `near`: where the search starts, if the first name that ends after `start` is there or
/// after it (else all are searched); left where that name is, for the next question.
pub fn cuts_a_name(names: &[Named], near: &mut usize, start: usize, end: usize) -> bool {
    let i = first_ending_after(names, *near, start);
    *near = i;
    names[i..]
        .iter()
        .take_while(|n| (n.start as usize) < end)
        .any(|n| {
            let (s, e) = (n.start as usize, n.end as usize);
            s < start || e > end || (s, e) == (start, end)
        })
}

/// The first of `names` that ends after byte `start` (the names lie apart: their ends come
/// in order), looked for from `near` on when it is there or after it: a gallop from there,
/// rather than a search of them all that waits for memory at each of its steps.
fn first_ending_after(names: &[Named], near: usize, start: usize) -> usize {
    let ends_before = |n: &Named| (n.end as usize) <= start;
    if near > names.len() || (near > 0 && !ends_before(&names[near - 1])) {
        return names.partition_point(ends_before);
    }
    // All names before `lo` end at or before `start`; the first that does not is within
    // `step` names of it once the gallop stops.
    let (mut lo, mut step) = (near, 1);
    while lo + step <= names.len() && ends_before(&names[lo + step - 1]) {
        lo += step;
        step *= 2;
    }
    let hi = (lo + step).min(names.len());
    lo + names[lo..hi].partition_point(ends_before)
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
        let cuts = |start, end| cuts_a_name(&names, &mut 0, start, end);
        assert!(cuts(12, 17) && cuts(10, 15));
        assert!(!cuts(9, 16));
    }

    #[test]
    fn the_first_name_ending_after_an_offset_is_the_same_from_wherever_it_is_looked_for() {
        let names: Vec<Named> = (0..40)
            .map(|i| Named::new(i * 10 + i % 3, i * 10 + 5 + i % 4, i, false))
            .collect();
        for len in [0, 1, 2, 7, 40] {
            let names = &names[..len];
            for start in 0..420 {
                let expected = names.partition_point(|n| (n.end as usize) <= start);
                for near in 0..=len + 1 {
                    assert_eq!(first_ending_after(names, near, start), expected);
                }
            }
        }
    }
}
