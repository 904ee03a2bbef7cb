//! The gazetteer lookups of one document, remembered.
//!
//! A document names the same people, places and capitalised words line after line; remembering
//! the answer per distinct word made nearly every lookup one hash probe when the knowledge was
//! searched in its text. The knowledge is now compiled into perfect hash tables, whose lookup
//! costs about as much as the memo's (the 10 MB text extracts equally fast without it), so the
//! memo could go.
//!
//! The answers are the knowledge's own, so results never change; only speed does. Each table
//! is emptied when it reaches `CAPACITY` words, so memory stays bounded on any input.

use std::cell::RefCell;
use std::ops::Deref;

use rustc_hash::FxHashMap;

use super::knowledge::{Knowledge, LowerWord, NameRef, title_case};

/// Distinct words remembered per table (a 100 MB news corpus has a few tens of thousands).
const CAPACITY: usize = 1 << 16;

/// Answers of one kind of lookup, by the word asked.
struct Table<V>(RefCell<FxHashMap<Box<str>, V>>);

impl<V: Copy> Default for Table<V> {
    fn default() -> Self {
        Table(RefCell::new(FxHashMap::default()))
    }
}

impl<V: Copy> Table<V> {
    fn get_or(&self, word: &str, look_up: impl FnOnce() -> V) -> V {
        if let Some(&v) = self.0.borrow().get(word) {
            return v;
        }
        let v = look_up();
        let mut map = self.0.borrow_mut();
        if map.len() >= CAPACITY {
            map.clear();
        }
        map.insert(word.into(), v);
        v
    }
}

/// What one extractor has looked up so far.
#[derive(Default)]
pub struct Memo {
    names: Table<Option<NameRef>>,
    lower: Table<Option<LowerWord>>,
    given: Table<bool>,
    surnames: Table<bool>,
}

/// The knowledge, with the slow lookups remembered in a [`Memo`]; every other lookup is the
/// knowledge's own (through `Deref`).
#[derive(Clone, Copy)]
pub struct Known<'a> {
    k: &'a Knowledge,
    memo: &'a Memo,
}

impl<'a> Known<'a> {
    pub fn new(k: &'a Knowledge, memo: &'a Memo) -> Known<'a> {
        Known { k, memo }
    }

    /// As [`Knowledge::name`].
    pub fn name(&self, key: &str) -> Option<NameRef> {
        self.memo.names.get_or(key, || self.k.name(key))
    }

    /// The gazetteer entry for a name written in capitals ("ISRAEL", "BANK OF AMERICA"): tried
    /// as written (acronyms) and in title case with small words in lower case. Only names of at
    /// least three letters, so that "US" is not the pronoun "us".
    pub fn upper_name(&self, key: &str) -> Option<NameRef> {
        if key.chars().filter(|c| c.is_alphabetic()).count() < 3 {
            return None;
        }
        self.name(key).or_else(|| self.name(&title_case(key)))
    }

    /// As [`Knowledge::lower_word`].
    pub fn lower_word(&self, lowercase: &str) -> Option<LowerWord> {
        self.memo
            .lower
            .get_or(lowercase, || self.k.lower_word(lowercase))
    }

    /// As [`Knowledge::is_given_name`].
    pub fn is_given_name(&self, w: &str) -> bool {
        self.memo.given.get_or(w, || self.k.is_given_name(w))
    }

    /// As [`Knowledge::is_surname`].
    pub fn is_surname(&self, w: &str) -> bool {
        self.memo.surnames.get_or(w, || self.k.is_surname(w))
    }
}

impl Deref for Known<'_> {
    type Target = Knowledge;

    fn deref(&self) -> &Knowledge {
        self.k
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::extract::knowledge;

    #[test]
    fn remembered_answers_are_the_knowledge_answers() {
        let k = knowledge::tests::tiny();
        let memo = Memo::default();
        let known = Known::new(k, &memo);
        let words = [
            "Israel",
            "Israeli",
            "Oslo",
            "Gaza Strip",
            "Georgia",
            "ISRAEL",
            "US",
            "Nobody",
            "Benjamin",
            "Smith",
            "the",
            "will",
            "zzz",
            "NEW YORK",
        ];
        // Twice: the second round is answered from the memo.
        for _ in 0..2 {
            for w in words {
                assert_eq!(known.name(w), k.name(w), "{w}");
                let lower = w.to_lowercase();
                assert_eq!(known.lower_word(&lower), k.lower_word(&lower), "{w}");
                assert_eq!(known.is_given_name(w), k.is_given_name(w), "{w}");
                assert_eq!(known.is_surname(w), k.is_surname(w), "{w}");
            }
        }
    }

    #[test]
    fn capitalised_headline_forms_need_three_letters() {
        let memo = Memo::default();
        let known = Known::new(knowledge::tests::tiny(), &memo);
        assert_eq!(known.upper_name("ISRAEL"), known.name("Israel"));
        assert!(known.upper_name("ISRAEL").is_some());
        assert!(known.upper_name("US").is_none());
    }

    #[test]
    fn a_full_table_starts_again_and_still_answers() {
        let table: Table<usize> = Table::default();
        for i in 0..CAPACITY + 10 {
            let w = i.to_string();
            assert_eq!(table.get_or(&w, || w.len()), w.len());
        }
        assert!(table.0.borrow().len() <= CAPACITY);
        assert_eq!(
            table.get_or("7", || 99),
            99,
            "7 was forgotten when the table filled"
        );
    }
}
