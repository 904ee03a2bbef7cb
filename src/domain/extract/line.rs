//! One line as the name finder sees it: its tokens and knowledge, with the lookups the rules
//! share (gazetteer names, titles, kind words).

use super::candidate::{Candidate, Reading};
use super::knowledge::{Knowledge, NameRef, join_tokens};
use super::token::{Shape, Token};
use crate::domain::entity::Kind;

/// Kind words that type a name only as its last word: "Leeds United" but not "United States
/// Representative".
pub(super) const LAST_ONLY: &[&str] = &[
    "United",
    "Rovers",
    "Wanderers",
    "Athletic",
    "Athletics",
    "City",
    "Town",
    "Union",
    "Capital",
];

pub(super) struct Line<'a> {
    pub(super) text: &'a str,
    pub(super) toks: &'a [Token],
    pub(super) base: usize,
    pub(super) k: &'a Knowledge,
}
impl<'a> Line<'a> {
    pub(super) fn word(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    pub(super) fn key(&self, from: usize, to: usize) -> String {
        join_tokens(self.text, &self.toks[from..to])
    }

    pub(super) fn lower_key(&self, from: usize, to: usize) -> String {
        self.key(from, to).to_lowercase()
    }

    pub(super) fn is_function_word(&self, i: usize) -> bool {
        self.k.is_function_word(&self.word(i).to_lowercase())
    }

    /// The longest gazetteer name starting at `from` and ending by `to`.
    pub(super) fn gazetteer_at(
        &self,
        from: usize,
        to: usize,
        caps: bool,
    ) -> Option<(usize, NameRef)> {
        let first = self.word(from);
        let longer = if caps {
            self.k.starts_longer_name(first) || self.k.starts_longer_name(&title_word(first))
        } else {
            self.k.starts_longer_name(first)
        };
        let max = if longer {
            self.k.max_name_words.min(to - from)
        } else {
            1.min(to - from)
        };
        (1..=max).rev().find_map(|n| {
            // One word is its own key: no allocation on the commonest lookup.
            let key = if n == 1 {
                std::borrow::Cow::Borrowed(first)
            } else {
                std::borrow::Cow::Owned(self.key(from, from + n))
            };
            let hit = if caps {
                self.k.upper_name(&key)
            } else {
                self.k.name(&key)
            };
            hit.filter(|r| n > 1 || self.plausible_single(from, *r))
                .map(|r| (n, r))
        })
    }

    /// A one-word gazetteer hit is a name unless the word is a function word ("To" is also
    /// a place), or a common lower-case word at a sentence start that is not a country.
    pub(super) fn plausible_single(&self, i: usize, r: NameRef) -> bool {
        let lower = self.word(i).to_lowercase();
        // "US" in capitals is the country; "To" capitalised is the preposition.
        if self.toks[i].shape != Shape::Upper && self.k.is_function_word(&lower) {
            return false;
        }
        if self.toks[i].sentence_start && self.k.canon(r).kind == Kind::Place {
            return self
                .k
                .lower_word(&lower)
                .is_none_or(|lw| lw.also_name || lw.zipf < 3.0);
        }
        true
    }

    /// The longest title starting at `from` and ending by `to`, in words.
    pub(super) fn title_at(&self, from: usize, to: usize) -> Option<usize> {
        let max = self.k.max_title_words.min(to - from);
        (1..=max)
            .rev()
            .find(|&n| self.k.is_title(&self.lower_key(from, from + n)))
    }

    pub(super) fn has_kind_word(&self, from: usize, to: usize) -> bool {
        (from..to).any(|i| {
            let w = self.word(i);
            if i + 1 < to && LAST_ONLY.contains(&w) {
                return false;
            }
            self.k.is_org_word(w) || self.k.is_place_word(w) || self.k.is_event_word(w)
        })
    }

    pub(super) fn candidate(&self, from: usize, to: usize, reading: Reading) -> Candidate {
        let (s, e) = (self.toks[from].start, self.toks[to - 1].end);
        Candidate {
            start: self.base + s,
            end: self.base + e,
            key: self.key(from, to),
            reading,
            defines: None,
        }
    }
}

/// "NEW" → "New": how a word in capitals is written in the gazetteer, most likely.
pub(super) fn title_word(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    for (i, c) in w.chars().enumerate() {
        if i == 0 {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

pub(super) fn has_kind_word_at(line: &Line, i: usize) -> bool {
    let w = line.word(i);
    line.k.is_org_word(w) || line.k.is_place_word(w) || line.k.is_event_word(w)
}

/// Whether word `i` is a common English word in lower case ("Love", "KO", "EP"): at least
/// `zipf` on the Zipf scale.
pub(super) fn common_word(line: &Line, i: usize, zipf: f32) -> bool {
    line.k
        .lower_word(&line.word(i).to_lowercase())
        .is_some_and(|lw| lw.zipf >= zipf)
}
