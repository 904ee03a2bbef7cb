//! What the word lists said of the words read lately, kept from line to line.
//!
//! News words are few and often repeated ("The", "said", "President"): most words a line asks
//! about were asked about a few lines before. The lists are big tables that a lookup reaches
//! in three dependent reads, each likely a cache miss; this memo is small enough to stay in the
//! cache and answers a repeated word in one read.

use std::cell::Cell;

use super::Facts;
use crate::domain::extract::knowledge::Knowledge;

/// Words remembered: a power of two. Each takes 32 bytes, so that the memo (128 KiB) stays in
/// the second-level cache.
const SLOTS: usize = 4096;

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

    fn slot(self) -> usize {
        let h = (self.0 ^ self.1.rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (h >> (64 - SLOTS.trailing_zeros())) as usize
    }
}

/// The memo, and the knowledge its facts come from (an address: a memo used with other
/// knowledge starts over).
#[derive(Default)]
pub(super) struct Memo {
    slots: Vec<Cell<Entry>>,
    knowledge: usize,
}

impl Memo {
    /// The memo for looking words up in `k`, emptied if it was filled from other knowledge.
    pub(super) fn for_knowledge(&mut self, k: &Knowledge) -> &[Cell<Entry>] {
        let address = std::ptr::from_ref(k) as usize;
        if self.knowledge != address || self.slots.is_empty() {
            self.slots.clear();
            self.slots.resize(SLOTS, Cell::default());
            self.knowledge = address;
        }
        &self.slots
    }
}

/// The facts remembered of the word of `key`.
#[inline]
pub(super) fn get(slots: &[Cell<Entry>], key: Key) -> Option<Facts> {
    let e = slots.get(key.slot())?.get();
    (e.key == key).then_some(e.facts)
}

/// Remembers `facts` of the word of `key`, in place of the word its slot held.
#[inline]
pub(super) fn put(slots: &[Cell<Entry>], key: Key, facts: Facts) {
    if let Some(slot) = slots.get(key.slot()) {
        slot.set(Entry { key, facts });
    }
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
    fn a_word_is_remembered_until_another_takes_its_slot() {
        let mut memo = Memo::default();
        let slots = memo.for_knowledge(crate::domain::extract::knowledge::tests::tiny());
        let said = Key::of(b"said").unwrap();
        assert!(get(slots, said).is_none());
        let facts = Facts {
            written: 3,
            ..Facts::default()
        };
        put(slots, said, facts);
        assert_eq!(get(slots, said).map(|f| f.written), Some(3));
        // Some other word that goes to the same slot.
        let other = (0..SLOTS * 64)
            .map(|i| Key::of(format!("w{i}").as_bytes()).unwrap())
            .find(|k| k.slot() == said.slot())
            .expect("some word in the slot of \"said\"");
        assert!(get(slots, other).is_none());
        put(slots, other, Facts::default());
        assert!(get(slots, said).is_none());
    }
}
