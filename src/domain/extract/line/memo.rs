//! What the word lists said of the words read lately, kept from line to line.
//!
//! News words are few and often repeated ("The", "said", "President"): most words a line asks
//! about were asked about a few lines before. The lists are big tables that a lookup reaches
//! in three dependent reads, each likely a cache miss; this memo is small enough to stay in the
//! cache and answers a repeated word in one read.

use std::cell::Cell;

use super::Facts;
use crate::domain::extract::knowledge::Knowledge;

/// Words remembered: a power of two. Each takes 32 bytes, two to a set of one cache line
/// ([`Set`]), so that the memo (256 KiB) stays in the second-level cache.
const SLOTS: usize = 8192;

/// Sets of two slots: a word goes to one set and takes either slot. News words are a few
/// thousand, about as many as the slots: with one slot a word, many a word was put out by
/// another before it came back, and read from the lists again (three times as often).
const SETS: usize = SLOTS / 2;

/// The longest word remembered, in bytes: its bytes and length fit in two words.
const LONGEST: usize = 15;

/// A word and its facts. An unused slot holds the key of no word (length 0).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Entry {
    key: Key,
    facts: Facts,
}

/// A word of at most [`LONGEST`] bytes, told exactly from every other.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Key(u64, u64);

impl Key {
    /// The key of `w`, if it is short enough to be remembered. The first eight bytes (read as
    /// overlapping halves or three bytes of a shorter word, all of it either way), then the
    /// bytes past them and the length in the second word, whose top byte a word of at most
    /// fifteen bytes leaves free.
    #[inline]
    pub(super) fn of(w: &[u8]) -> Option<Key> {
        let n = w.len();
        if n == 0 || n > LONGEST {
            return None;
        }
        let word = |at: usize| u64::from_le_bytes(w[at..at + 8].try_into().unwrap_or([0; 8]));
        let (first, rest) = if n >= 8 {
            // The last eight bytes shifted down: the bytes past the first eight, zeros above.
            let rest = if n > 8 {
                word(n - 8) >> (8 * (16 - n))
            } else {
                0
            };
            (word(0), rest)
        } else {
            (crate::domain::extract::tables::short_form(w), 0)
        };
        Some(Key(first, rest | (n as u64) << 56))
    }

    fn set(self) -> usize {
        let h = (self.0 ^ self.1.rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (h >> (64 - SETS.trailing_zeros())) as usize
    }
}

/// Two slots, one cache line: the word asked for is in the line a lookup reads anyway. The
/// first holds the word put last.
#[derive(Debug, Clone, Default)]
#[repr(align(64))]
pub(super) struct Set([Cell<Entry>; 2]);

/// The memo, and the knowledge its facts come from (an address: a memo used with other
/// knowledge starts over).
#[derive(Default)]
pub(super) struct Memo {
    sets: Vec<Set>,
    knowledge: usize,
}

impl Memo {
    /// The memo for looking words up in `k`, emptied if it was filled from other knowledge.
    pub(super) fn for_knowledge(&mut self, k: &Knowledge) -> &[Set] {
        let address = std::ptr::from_ref(k) as usize;
        if self.knowledge != address || self.sets.is_empty() {
            self.sets.clear();
            self.sets.resize(SETS, Set::default());
            self.knowledge = address;
        }
        &self.sets
    }
}

/// The facts remembered of the word of `key`.
#[inline]
pub(super) fn get(sets: &[Set], key: Key) -> Option<Facts> {
    let [first, second] = &sets.get(key.set())?.0;
    let (first, second) = (first.get(), second.get());
    if first.key == key {
        Some(first.facts)
    } else {
        (second.key == key).then_some(second.facts)
    }
}

/// Remembers `facts` of the word of `key`: in place of what was known of it, else in its
/// set's first slot, the word there moved to the second in place of the one there.
#[inline]
pub(super) fn put(sets: &[Set], key: Key, facts: Facts) {
    let Some(Set([first, second])) = sets.get(key.set()) else {
        return;
    };
    let entry = Entry { key, facts };
    if second.get().key == key {
        second.set(entry);
        return;
    }
    if first.get().key != key {
        second.set(first.get());
    }
    first.set(entry);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_tell_every_word_of_up_to_fifteen_bytes_apart() {
        let words: Vec<Vec<u8>> = (1..=LONGEST)
            .flat_map(|n| {
                // Words that differ in one byte, anywhere, or only in their length.
                (0..n).flat_map(move |at| {
                    [b'a', b'b', 0].map(|b| {
                        let mut w = vec![b'a'; n];
                        w[at] = b;
                        w
                    })
                })
            })
            .collect();
        for a in &words {
            for b in &words {
                assert_eq!(Key::of(a) == Key::of(b), a == b, "{a:?} {b:?}");
            }
        }
        assert!(Key::of(b"").is_none() && Key::of(&[b'a'; 16]).is_none());
        assert!(Key::of(&[b'a'; 15]).is_some());
    }

    #[test]
    fn a_word_is_remembered_until_two_others_take_its_set() {
        let mut memo = Memo::default();
        let sets = memo.for_knowledge(crate::domain::extract::knowledge::tests::tiny());
        let said = Key::of(b"said").unwrap();
        assert!(get(sets, said).is_none());
        let facts = |written| Facts {
            written,
            ..Facts::default()
        };
        put(sets, said, facts(3));
        assert_eq!(get(sets, said).map(|f| f.written), Some(3));
        // Other words that go to the same set.
        let mut others = (0..SETS * 64)
            .map(|i| Key::of(format!("w{i}").as_bytes()).unwrap())
            .filter(|k| k.set() == said.set());
        let (one, two) = (others.next().unwrap(), others.next().unwrap());
        put(sets, one, facts(1));
        assert_eq!(get(sets, one).map(|f| f.written), Some(1));
        assert_eq!(get(sets, said).map(|f| f.written), Some(3));
        // Known anew, a word keeps its slot: the other word stays.
        put(sets, said, facts(4));
        put(sets, one, facts(5));
        assert_eq!(get(sets, said).map(|f| f.written), Some(4));
        assert_eq!(get(sets, one).map(|f| f.written), Some(5));
        // A third word takes the place of the one put longest ago.
        put(sets, two, facts(2));
        assert!(get(sets, said).is_none());
        assert_eq!(get(sets, one).map(|f| f.written), Some(5));
        assert_eq!(get(sets, two).map(|f| f.written), Some(2));
    }
}
