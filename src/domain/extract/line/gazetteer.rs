//! The gazetteer names that start at a word of a line: the longest known name, as written or
//! in capitals, and whether a name of one word is plausibly one there.

use super::{Line, MEMO, memo_key, pack_found, title_word, unpack_found};
use crate::domain::entity::Kind;
use crate::domain::extract::knowledge::{NameRef, Pair, word};
use crate::domain::extract::token::{Shape, Token};

impl<'a, 't: 'a> Line<'a, 't> {
    /// The longest gazetteer name starting at `from` and ending by `to`.
    pub(in crate::domain::extract) fn gazetteer_at(
        &self,
        from: usize,
        to: usize,
        caps: bool,
    ) -> Option<(usize, NameRef)> {
        let key = memo_key(from, to, caps);
        if let Some(at) = self.memo_keys.iter().position(|k| k.get() == key) {
            return unpack_found(self.memo_found[at].get());
        }
        let found = self.lookup_gazetteer(from, to, caps);
        let next = self.memo_next.get();
        self.memo_keys[next].set(key);
        self.memo_found[next].set(pack_found(found));
        self.memo_next.set((next + 1) % MEMO);
        found
    }

    fn lookup_gazetteer(&self, from: usize, to: usize, caps: bool) -> Option<(usize, NameRef)> {
        if caps {
            return self.lookup_in_capitals(from, to);
        }
        // Most words start no longer name, and most words after one are the second word of
        // none: the pair is looked up only when both may be, and it tells which longer names
        // there are.
        if to - from >= 2
            && self.written(from) & word::STARTS_NAME != 0
            && self.second_of_name_after(from, to)
        {
            let two = self.first_two_end(from, to);
            if let Some(pair) = self.k.names_from_pair(&self.key(from, two))
                && let Some(found) = self.longer_name(from, to, two, pair)
            {
                return Some(found);
            }
        }
        if to == from {
            return None;
        }
        // One word is answered by its facts.
        self.named(from)
            .filter(|r| self.plausible_single(from, *r))
            .map(|r| (1, r))
    }

    /// Whether the second word from `from` (by `to`), the token after a possessive attached
    /// to the first, is the second word of some name of several words. A pair whose second
    /// word is none is no name's first two words.
    fn second_of_name_after(&self, from: usize, to: usize) -> bool {
        let second = if self.toks[from + 1].shape == Shape::Possessive {
            from + 2
        } else {
            from + 1
        };
        second < to && self.written(second) & word::SECOND_OF_NAME != 0
    }

    /// The longest name of at least two words from `from` by `to`, whose first two words end
    /// at `two` and start the names `pair` tells of. Only the keys of as many words as some
    /// of those names have are written out and looked up; the pair itself is answered by
    /// `pair`.
    fn longer_name(
        &self,
        from: usize,
        to: usize,
        two: usize,
        pair: Pair,
    ) -> Option<(usize, NameRef)> {
        let most = self.k.max_name_words;
        // A possessive is a token of its own but no word of a name ("Workers' Party of
        // Korea").
        let possessive = |t: &Token| t.shape == Shape::Possessive;
        let possessives = self.toks[from..to.min(from + most + 2)]
            .iter()
            .filter(|t| possessive(t))
            .count();
        let max = (most + possessives).min(to - from);
        (2..=max).rev().find_map(|n| {
            let end = from + n;
            // The key starts with the pair when it holds it whole and no possessive is
            // attached to the pair's last word after it.
            if end == two || end > two && !possessive(&self.toks[two]) {
                let words = 1 + self.toks[from + 1..end]
                    .iter()
                    .filter(|t| !possessive(t))
                    .count();
                if !pair.has_names_of(words) {
                    return None;
                }
                if end == two {
                    return pair.name.map(|r| (n, r));
                }
            }
            self.k.name(&self.key(from, end)).map(|r| (n, r))
        })
    }

    /// The longest gazetteer name in capitals from `from` by `to`.
    fn lookup_in_capitals(&self, from: usize, to: usize) -> Option<(usize, NameRef)> {
        let longer = self.written(from) & word::STARTS_NAME != 0
            || self.k.starts_longer_name(&title_word(self.word(from)));
        let max = if longer {
            // In capitals every word looks alike; names of more than six words are not worth
            // the lookups there.
            let most = 6;
            let possessives = self.toks[from..to.min(from + most + 2)]
                .iter()
                .filter(|t| t.shape == Shape::Possessive)
                .count();
            (most + possessives).min(to - from)
        } else {
            1.min(to - from)
        };
        (1..=max).rev().find_map(|n| {
            let hit = match n {
                1 => self.upper_single(from),
                _ => self.k.upper_name(&self.key(from, from + n)),
            };
            hit.filter(|r| n > 1 || self.plausible_single(from, *r))
                .map(|r| (n, r))
        })
    }

    /// Where the first two words from `from` end (by `to`), with a possessive attached to
    /// either ("Korean People's", "Workers' Party").
    fn first_two_end(&self, from: usize, to: usize) -> usize {
        let possessive = |i: usize| {
            self.toks
                .get(i)
                .is_some_and(|t| t.shape == Shape::Possessive)
        };
        let mut two = from + 2;
        if possessive(from + 1) {
            two += 1;
        }
        if possessive(two) {
            two += 1;
        }
        two.min(to)
    }

    /// [`Knowledge::upper_name`] of word `i` alone. A word of ASCII letters in capitals
    /// ("MADRID") is in title case its lower case capitalised, which one lookup of its lower
    /// case answers ([`Knowledge::capitalised`]) without writing it out.
    pub(super) fn upper_single(&self, i: usize) -> Option<NameRef> {
        let w = self.word(i);
        let plain = w.as_bytes().first().is_some_and(u8::is_ascii_alphabetic)
            && w.bytes().all(|b| b.is_ascii() && b != b'-' && b != b'.');
        if !plain {
            return self.k.upper_name(w);
        }
        if w.bytes().filter(u8::is_ascii_alphabetic).count() < 3 {
            return None;
        }
        let t = self.toks[i];
        let lower = self.ascii_lower.as_bytes().get(t.start..t.end);
        self.k
            .name(w)
            .or_else(|| self.k.capitalised(lower.unwrap_or(&[])).name)
    }

    /// A one-word gazetteer hit is a name unless the word is a function word ("To" is also
    /// a place), or a common lower-case word at a sentence start that is not a country.
    pub(in crate::domain::extract) fn plausible_single(&self, i: usize, r: NameRef) -> bool {
        // "US" in capitals is the country; "To" capitalised is the preposition.
        if self.toks[i].shape != Shape::Upper && self.is_plain_function_word(i) {
            return false;
        }
        if self.toks[i].sentence_start && self.k.kind(r) == Kind::Place {
            return self
                .common(i)
                .is_none_or(|lw| lw.also_name || lw.zipf < 3.0);
        }
        true
    }
}
