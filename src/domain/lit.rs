//! Which mentions the reader lights and walks: every mention of an entity (names, demonyms,
//! and the descriptions and pronouns coreference linked), or its names and demonyms only.
//!
//! Every mention is the whole scope, so walking it is the plain binary searches of
//! `mention_index`. Names only skips the inferred mentions from the place a binary search
//! finds: as cheap while names dominate, as they do in news (most of an entity's mentions are
//! names), and never a pass over the document.

use std::ops::Range;

use crate::domain::entity::{Form, Mention};
use crate::domain::mention_index;

/// Which mentions are lit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scope {
    /// Names, demonyms, descriptions and pronouns.
    #[default]
    Every,
    /// Names and demonyms: what the text itself calls the entity.
    Names,
}

impl Scope {
    pub fn admits(self, form: Form) -> bool {
        self == Scope::Every || form.is_named()
    }

    pub fn toggled(self) -> Scope {
        match self {
            Scope::Every => Scope::Names,
            Scope::Names => Scope::Every,
        }
    }
}

/// An entity's mentions (sorted) as a scope sees them. Indices are into all the mentions, so
/// they stay valid when the scope changes.
#[derive(Debug, Clone, Copy)]
pub struct Lit<'a> {
    mentions: &'a [Mention],
    scope: Scope,
}

impl<'a> Lit<'a> {
    pub fn new(mentions: &'a [Mention], scope: Scope) -> Lit<'a> {
        Lit { mentions, scope }
    }

    /// Whether mention `i` is lit.
    pub fn admits(&self, i: usize) -> bool {
        self.mentions
            .get(i)
            .is_some_and(|m| self.scope.admits(m.form))
    }

    /// The lit mentions' indices, in order.
    pub fn indices(self) -> impl Iterator<Item = usize> + 'a {
        let scope = self.scope;
        self.mentions
            .iter()
            .enumerate()
            .filter(move |(_, m)| scope.admits(m.form))
            .map(|(i, _)| i)
    }

    /// The first lit mention at or after index `from`, wrapping round.
    fn first_from(&self, from: usize) -> Option<usize> {
        let n = self.mentions.len();
        (from..n).chain(0..from.min(n)).find(|&i| self.admits(i))
    }

    /// The last lit mention before index `before`, wrapping round.
    fn last_before(&self, before: usize) -> Option<usize> {
        let n = self.mentions.len();
        let before = before.min(n);
        (0..before)
            .rev()
            .chain((before..n).rev())
            .find(|&i| self.admits(i))
    }

    /// The lit mention after (`forward`) or before mention `i`, wrapping round.
    pub fn step(&self, i: usize, forward: bool) -> Option<usize> {
        if forward {
            self.first_from(i + 1)
        } else {
            self.last_before(i)
        }
    }

    /// The first lit mention starting at or after `offset`, wrapping round.
    pub fn next_from(&self, offset: usize) -> Option<usize> {
        match self.scope {
            Scope::Every => mention_index::next_from(self.mentions, offset),
            Scope::Names => self.first_from(self.starting_before(offset)),
        }
    }

    /// The last lit mention starting before `offset`, wrapping round.
    pub fn prev_from(&self, offset: usize) -> Option<usize> {
        match self.scope {
            Scope::Every => mention_index::prev_from(self.mentions, offset),
            Scope::Names => self.last_before(self.starting_before(offset)),
        }
    }

    /// The first lit mention starting inside `range`, without wrapping.
    pub fn first_in(&self, range: Range<usize>) -> Option<usize> {
        let from = mention_index::first_in(self.mentions, range.clone())?;
        (from..self.mentions.len())
            .take_while(|&i| (self.mentions[i].start as usize) < range.end)
            .find(|&i| self.admits(i))
    }

    /// The place of mention `i` among the lit ones, from 0.
    pub fn rank(&self, i: usize) -> usize {
        match self.scope {
            Scope::Every => i,
            Scope::Names => self.mentions[..i.min(self.mentions.len())]
                .iter()
                .filter(|m| m.form.is_named())
                .count(),
        }
    }

    /// How many mentions start before `offset`.
    fn starting_before(&self, offset: usize) -> usize {
        self.mentions
            .partition_point(|m| (m.start as usize) < offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Name at 0, pronoun at 10, description at 20, name at 30, pronoun at 40.
    fn mentions() -> Vec<Mention> {
        [
            (0, Form::Name),
            (10, Form::Pronoun),
            (20, Form::Nominal),
            (30, Form::Demonym),
            (40, Form::Pronoun),
        ]
        .into_iter()
        .map(|(s, f)| Mention::with_form(s..s + 2, f))
        .collect()
    }

    #[test]
    fn every_mention_is_lit_in_the_whole_scope() {
        let ms = mentions();
        let lit = Lit::new(&ms, Scope::Every);
        assert_eq!(lit.indices().collect::<Vec<_>>(), [0, 1, 2, 3, 4]);
        assert_eq!(lit.step(4, true), Some(0));
        assert_eq!(lit.step(0, false), Some(4));
        assert_eq!(lit.next_from(11), Some(2));
        assert_eq!(lit.prev_from(11), Some(1));
        assert_eq!(lit.first_in(5..25), Some(1));
        assert_eq!(lit.rank(3), 3);
    }

    #[test]
    fn names_only_skips_descriptions_and_pronouns_and_wraps_round() {
        let ms = mentions();
        let lit = Lit::new(&ms, Scope::Names);
        assert_eq!(lit.indices().collect::<Vec<_>>(), [0, 3]);
        assert!(!lit.admits(1) && lit.admits(3) && !lit.admits(9));
        assert_eq!(lit.step(0, true), Some(3));
        assert_eq!(lit.step(3, true), Some(0), "wraps round");
        assert_eq!(lit.step(3, false), Some(0));
        assert_eq!(lit.step(0, false), Some(3));
        // From a pronoun (the current mention when the scope changed), to the names around it.
        assert_eq!(lit.step(1, true), Some(3));
        assert_eq!(lit.step(1, false), Some(0));
        assert_eq!(lit.next_from(5), Some(3));
        assert_eq!(lit.next_from(35), Some(0));
        assert_eq!(lit.prev_from(30), Some(0));
        assert_eq!(lit.prev_from(1), Some(0));
        assert_eq!(lit.prev_from(0), Some(3), "wraps round");
        assert_eq!(lit.first_in(5..25), None, "only inferred mentions there");
        assert_eq!(lit.first_in(5..31), Some(3));
        assert_eq!(lit.rank(3), 1);
        assert_eq!(lit.rank(4), 2);
    }

    #[test]
    fn nothing_lit_gives_nothing() {
        let ms: Vec<Mention> = mentions()
            .into_iter()
            .filter(|m| !m.form.is_named())
            .collect();
        let lit = Lit::new(&ms, Scope::Names);
        assert_eq!(lit.step(0, true), None);
        assert_eq!(lit.next_from(0), None);
        assert_eq!(lit.prev_from(99), None);
        assert_eq!(Lit::new(&[], Scope::Every).next_from(0), None);
        assert_eq!(Scope::Every.toggled(), Scope::Names);
        assert!(Scope::Names.admits(Form::Demonym) && !Scope::Names.admits(Form::Nominal));
    }
}
