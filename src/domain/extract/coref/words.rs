//! The words of a stretch of text at byte offsets, for the resolver's look-ups: pronouns,
//! determiners, role and type nouns, verbs after a name. Works on bytes (a document may hold
//! invalid UTF-8) with no allocation: a word is a run of letters, digits, apostrophes and
//! hyphens (any non-ASCII byte counts as a letter, so "Zoë" is one word that matches nothing).

use std::ops::Range;

/// A set of words as a function telling whether `word` (lower case) is one of them: a
/// `match` on the word, which the compiler sorts by length, not a scan of a list that calls
/// a comparison for each of its words (these are asked of most words of a text).
macro_rules! word_set {
    ($(#[$doc:meta])* $vis:vis fn $name:ident = [$($word:literal),* $(,)?]) => {
        $(#[$doc])*
        $vis fn $name(word: &str) -> bool {
            matches!(word, $($word)|*)
        }
    };
    // With the words' shapes (see `shapes`) as a constant too.
    ($(#[$doc:meta])* $vis:vis fn $name:ident = [$($word:literal),* $(,)?]
        $(#[$shapes_doc:meta])* const $shapes:ident) => {
        $crate::domain::extract::coref::words::word_set!(
            $(#[$doc])* $vis fn $name = [$($word),*]
        );
        $(#[$shapes_doc])*
        const $shapes: [u32; 26] = $crate::domain::extract::coref::words::shapes(&[$($word),*]);
    };
}
pub(super) use word_set;

mod openings;
pub use openings::{Openings, find_first};

/// The first letters and lengths of `words` (each starts with a letter a-z): bit `n` of a
/// letter's entry is set when one of them has `n` bytes (31: 31 or more) and starts with it.
/// A word whose shape none has is none of them, told without comparing it with any.
pub const fn shapes(words: &[&str]) -> [u32; 26] {
    let mut lengths = [0u32; 26];
    let mut i = 0;
    while i < words.len() {
        let w = words[i].as_bytes();
        assert!(w[0].is_ascii_lowercase());
        let len = if w.len() < 31 { w.len() } else { 31 };
        lengths[(w[0] - b'a') as usize] |= 1 << len;
        i += 1;
    }
    lengths
}

/// Whether `shapes` (see [`shapes`]) holds a word of `len` bytes starting with the letter
/// `first` (a-z).
#[inline]
pub fn has_shape(shapes: &[u32; 26], first: u8, len: usize) -> bool {
    first.is_ascii_lowercase() && (shapes[usize::from(first - b'a')] >> len.min(31)) & 1 != 0
}

/// One word: its bytes are `text[start..end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
}

impl Word {
    #[inline]
    pub fn bytes(self, text: &[u8]) -> &[u8] {
        &text[self.start..self.end]
    }

    /// The word in ASCII, or "" if it holds other bytes (no word of the tables does).
    pub fn str(self, text: &[u8]) -> &str {
        std::str::from_utf8(self.bytes(text)).unwrap_or("")
    }

    /// Whether it is `lower` in any case ("The" is "the").
    #[inline]
    pub fn is(self, text: &[u8], lower: &str) -> bool {
        self.bytes(text).eq_ignore_ascii_case(lower.as_bytes())
    }

    #[inline]
    pub fn is_capitalised(self, text: &[u8]) -> bool {
        text[self.start].is_ascii_uppercase()
    }

    #[inline]
    pub fn is_lowercase(self, text: &[u8]) -> bool {
        text[self.start].is_ascii_lowercase()
    }

    /// The word in lower case into `buf`, or None if it is longer than `buf` or not ASCII.
    pub fn lower<'b>(self, text: &[u8], buf: &'b mut [u8; 24]) -> Option<&'b str> {
        let b = self.bytes(text);
        let out = buf.get_mut(..b.len())?;
        // One pass: the bytes lowered as they are copied, any non-ASCII byte a refusal.
        for (o, &c) in out.iter_mut().zip(b) {
            if !c.is_ascii() {
                return None;
            }
            *o = c.to_ascii_lowercase();
        }
        // Asked of most words the resolver reads: checking the bytes again as UTF-8 cost
        // about a tenth of the pass.
        debug_assert!(out.is_ascii());
        // SAFETY: every byte of `out` was just checked to be ASCII, which is valid UTF-8.
        Some(unsafe { std::str::from_utf8_unchecked(out) })
    }
}

#[inline]
fn is_word_byte(b: u8) -> bool {
    WORD_BYTES[b as usize]
}

/// Letters, digits, apostrophes, hyphens and every non-ASCII byte.
pub(super) const WORD_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || c == b'\'' || c == b'-' || c >= 0x80;
        b += 1;
    }
    table
};

/// The words of `text[range]`, in order. Apostrophes and hyphens at the edges of a run are
/// not part of the word ("'Hello'" is "Hello"); a possessive "'s" is ("Carter's").
pub fn words(text: &[u8], range: Range<usize>) -> impl Iterator<Item = Word> + Clone + '_ {
    let end = range.end.min(text.len());
    let bytes = &text[..end];
    let mut i = range.start.min(end);
    std::iter::from_fn(move || {
        loop {
            while !is_word_byte(*bytes.get(i)?) {
                i += 1;
            }
            let s = i;
            i += 1;
            while bytes.get(i).is_some_and(|&b| is_word_byte(b)) {
                i += 1;
            }
            if let Some(w) = trimmed(bytes, s..i) {
                return Some(w);
            }
        }
    })
}

/// The word a run of word bytes makes: the run less the apostrophes and hyphens at its
/// edges, if anything is left.
#[inline]
pub(super) fn trimmed(text: &[u8], run: Range<usize>) -> Option<Word> {
    let edge = |c: &&u8| matches!(c, b'\'' | b'-');
    let bytes = &text[run.clone()];
    // Most runs are letters at both ends: nothing to trim.
    if let (Some(first), Some(last)) = (bytes.first(), bytes.last())
        && !edge(&first)
        && !edge(&last)
    {
        return Some(Word {
            start: run.start,
            end: run.end,
        });
    }
    let lead = bytes.iter().take_while(edge).count();
    if lead == bytes.len() {
        return None;
    }
    let trail = bytes.iter().rev().take_while(edge).count();
    Some(Word {
        start: run.start + lead,
        end: run.end - trail,
    })
}

/// The word that starts the text after `at`, within `limit` (white space and the punctuation
/// a clause carries skipped: quotes, commas); None when something else comes first.
#[inline]
pub fn next_word(text: &[u8], at: usize, limit: usize) -> Option<Word> {
    words(text, at..limit).next()
}

/// Whether only white space separates `a` from `b`.
#[inline]
pub fn only_space(text: &[u8], a: usize, b: usize) -> bool {
    text.get(a..b)
        .is_some_and(|s| s.iter().all(|c| c.is_ascii_whitespace()))
}

/// Whether `text[a..b]` is a comma with white space around it (", ").
pub fn only_comma(text: &[u8], a: usize, b: usize) -> bool {
    text.get(a..b).is_some_and(|s| {
        let t = s.trim_ascii();
        t == b","
    })
}

/// The last word that ends at or before `at` and starts at or after `from`.
#[inline]
pub fn word_before(text: &[u8], from: usize, at: usize) -> Option<Word> {
    trimmed(text, run_before(text, from, at)?)
}

/// The last run of word bytes in `text[from..at]`.
#[inline]
fn run_before(text: &[u8], from: usize, at: usize) -> Option<Range<usize>> {
    let at = at.min(text.len());
    if from > at {
        return None;
    }
    let mut e = at;
    while e > from && !is_word_byte(text[e - 1]) {
        e -= 1;
    }
    if e == from {
        return None;
    }
    let mut s = e - 1;
    while s > from && is_word_byte(text[s - 1]) {
        s -= 1;
    }
    Some(s..e)
}

/// The word before a contraction ("I'll" → "I", "he's" → "he", "it’s" → "it"), if `w`
/// ends with one.
// The first look inlined into the callers (asked of every word that may link), the rest not.
#[inline]
pub fn contraction_stem(text: &[u8], w: Word) -> Option<Word> {
    let b = w.bytes(text);
    // Most words hold neither mark: one look at their few bytes tells.
    if !b.iter().any(|&c| c == b'\'' || c == 0xe2) {
        return None;
    }
    marked_stem(w, b)
}

/// [`contraction_stem`] of a word `w` whose bytes `b` hold an apostrophe's mark.
#[inline(never)]
fn marked_stem(w: Word, b: &[u8]) -> Option<Word> {
    let (at, len) = match memchr::memchr(b'\'', b) {
        Some(at) => (at, 1),
        None => (memchr::memmem::find(b, "\u{2019}".as_bytes())?, 3),
    };
    let suffix = &b[at + len..];
    let known = [&b"s"[..], b"ll", b"re", b"ve", b"d", b"m"]
        .iter()
        .any(|k| suffix.eq_ignore_ascii_case(k));
    (known && at > 0).then_some(Word {
        start: w.start,
        end: w.start + at,
    })
}

/// The last word of `text[from..at]` as [`words`] reads it (a run of only apostrophes or
/// hyphens is no word: the one before it is looked for).
pub fn last_word(text: &[u8], from: usize, at: usize) -> Option<Word> {
    let mut at = at;
    loop {
        let run = run_before(text, from, at)?;
        at = run.start;
        if let Some(w) = trimmed(text, run) {
            return Some(w);
        }
    }
}

/// Where [`last_word`] of `text[from..at]` ends. Most ends of a sentence or a name are a
/// letter or a digit, or a few marks after one: the word ends right there, and where it
/// starts is not looked for.
pub fn last_word_end(text: &[u8], from: usize, at: usize) -> Option<usize> {
    let at = at.min(text.len());
    let mut e = at;
    while e > from && !is_word_byte(text[e - 1]) {
        e -= 1;
    }
    if e > from && !matches!(text[e - 1], b'\'' | b'-') {
        return Some(e);
    }
    last_word(text, from, at).map(|w| w.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<&str> {
        let t = text.as_bytes();
        words(t, 0..t.len())
            .map(|w| &text[w.start..w.end])
            .collect()
    }

    #[test]
    fn words_keep_hyphens_apostrophes_and_non_ascii_letters_inside() {
        assert_eq!(
            all("The 45-year-old, 'Zoë' O'Neill's dog - ran."),
            ["The", "45-year-old", "Zoë", "O'Neill's", "dog", "ran"]
        );
    }

    #[test]
    fn neighbours_and_separators() {
        let t = b"Ash Carter, the defence secretary";
        let w = next_word(t, 10, t.len()).unwrap();
        assert!(w.is(t, "the"));
        assert!(only_comma(t, 10, 12));
        assert!(!only_space(t, 10, 12));
        assert!(word_before(t, 0, 10).unwrap().is(t, "carter"));
        assert_eq!(word_before(t, 4, 4), None);
        let mut buf = [0; 24];
        assert_eq!(w.lower(t, &mut buf), Some("the"));
    }

    #[test]
    fn the_words_are_the_runs_of_word_bytes_less_their_edges() {
        let pieces = [
            "he", "Zo\u{eb}", "'", "-", "--", " ", ",", ".", "\u{2019}", "\n", "9", "o'", "'s",
            "x-",
        ];
        let mut seed = 0x2f7c_9a1b_55e3_0d4f_u64;
        for _ in 0..20_000 {
            let text = crate::domain::shuffled::joined(&mut seed, &pieces, 10);
            let t = text.as_bytes();
            // Each maximal run of word bytes, less the apostrophes and hyphens at its edges.
            let mut expected = vec![];
            let mut i = 0;
            while i < t.len() {
                if !is_word_byte(t[i]) {
                    i += 1;
                    continue;
                }
                let mut e = i;
                while e < t.len() && is_word_byte(t[e]) {
                    e += 1;
                }
                let (mut a, mut b) = (i, e);
                while a < b && matches!(t[a], b'\'' | b'-') {
                    a += 1;
                }
                while b > a && matches!(t[b - 1], b'\'' | b'-') {
                    b -= 1;
                }
                if a < b {
                    expected.push(Word { start: a, end: b });
                }
                i = e;
            }
            let from = (seed >> 32) as usize % (t.len() + 1);
            let within: Vec<Word> = words(t, from..t.len()).collect();
            let expected_within: Vec<Word> = (expected.iter())
                .filter(|w| w.start >= from)
                .copied()
                .collect();
            if from == 0 || !is_word_byte(t[from - 1]) {
                assert_eq!(within, expected_within, "{text:?} from {from}");
            }
            assert_eq!(
                words(t, 0..t.len()).collect::<Vec<_>>(),
                expected,
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_contraction_leaves_its_stem() {
        let t = "I'll go; he’s here, it's Jones's, don't.".as_bytes();
        let stems: Vec<&[u8]> = words(t, 0..t.len())
            .filter_map(|w| contraction_stem(t, w))
            .map(|w| w.bytes(t))
            .collect();
        assert_eq!(stems, [&b"I"[..], b"he", b"it", b"Jones"]);
    }

    #[test]
    fn the_word_before_is_the_last_run_as_words_reads_it() {
        let t = b"He said - 'it' -- Jones's, o'-";
        for at in 0..=t.len() {
            for from in 0..=at {
                // The last run of word bytes, then its word (if it has one).
                let last_run_start = (from..at)
                    .rev()
                    .skip_while(|&i| !is_word_byte(t[i]))
                    .take_while(|&i| is_word_byte(t[i]))
                    .last();
                let expected = last_run_start.and_then(|s| words(t, s..at).next());
                assert_eq!(word_before(t, from, at), expected, "{from}..{at}");
            }
        }
    }

    #[test]
    fn the_last_word_is_the_last_that_words_reads() {
        let t = b"He said - 'it' -- Zo\xc3\xab's o'- 45.";
        for at in 0..=t.len() + 1 {
            for from in 0..=at + 1 {
                let last = words(t, from.min(t.len())..at).last();
                if from <= at {
                    assert_eq!(last_word(t, from, at), last, "{from}..{at}");
                }
                let end = last.map(|w| w.end).filter(|_| from <= at.min(t.len()));
                assert_eq!(last_word_end(t, from, at), end, "{from}..{at}");
            }
        }
    }
}
