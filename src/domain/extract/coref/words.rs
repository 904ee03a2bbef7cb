//! The words of a stretch of text at byte offsets, for the resolver's look-ups: pronouns,
//! determiners, role and type nouns, verbs after a name. Works on bytes (a document may hold
//! invalid UTF-8) with no allocation: a word is a run of letters, digits, apostrophes and
//! hyphens (any non-ASCII byte counts as a letter, so "Zoë" is one word that matches nothing).

use std::ops::Range;

/// One word: its bytes are `text[start..end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
}

impl Word {
    pub fn bytes(self, text: &[u8]) -> &[u8] {
        &text[self.start..self.end]
    }

    /// The word in ASCII, or "" if it holds other bytes (no word of the tables does).
    pub fn str(self, text: &[u8]) -> &str {
        std::str::from_utf8(self.bytes(text)).unwrap_or("")
    }

    /// Whether it is `lower` in any case ("The" is "the").
    pub fn is(self, text: &[u8], lower: &str) -> bool {
        self.bytes(text).eq_ignore_ascii_case(lower.as_bytes())
    }

    pub fn is_capitalised(self, text: &[u8]) -> bool {
        text[self.start].is_ascii_uppercase()
    }

    pub fn is_lowercase(self, text: &[u8]) -> bool {
        text[self.start].is_ascii_lowercase()
    }

    /// The word in lower case into `buf`, or None if it is longer than `buf` or not ASCII.
    pub fn lower<'b>(self, text: &[u8], buf: &'b mut [u8; 24]) -> Option<&'b str> {
        let b = self.bytes(text);
        if b.len() > buf.len() || !b.is_ascii() {
            return None;
        }
        let out = &mut buf[..b.len()];
        out.copy_from_slice(b);
        out.make_ascii_lowercase();
        std::str::from_utf8(out).ok()
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'\'' || b == b'-' || b >= 0x80
}

/// The words of `text[range]`, in order. Apostrophes and hyphens at the edges of a run are
/// not part of the word ("'Hello'" is "Hello"); a possessive "'s" is ("Carter's").
pub fn words(text: &[u8], range: Range<usize>) -> impl Iterator<Item = Word> + '_ {
    let end = range.end.min(text.len());
    let mut i = range.start.min(end);
    std::iter::from_fn(move || {
        loop {
            while i < end && !is_word_byte(text[i]) {
                i += 1;
            }
            if i >= end {
                return None;
            }
            let mut s = i;
            while i < end && is_word_byte(text[i]) {
                i += 1;
            }
            let mut e = i;
            while s < e && matches!(text[s], b'\'' | b'-') {
                s += 1;
            }
            while e > s && matches!(text[e - 1], b'\'' | b'-') {
                e -= 1;
            }
            if s < e {
                return Some(Word { start: s, end: e });
            }
        }
    })
}

/// The word that starts the text after `at`, within `limit` (white space and the punctuation
/// a clause carries skipped: quotes, commas); None when something else comes first.
pub fn next_word(text: &[u8], at: usize, limit: usize) -> Option<Word> {
    words(text, at..limit).next()
}

/// Whether only white space separates `a` from `b`.
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
pub fn word_before(text: &[u8], from: usize, at: usize) -> Option<Word> {
    let mut e = at.min(text.len());
    while e > from && !is_word_byte(text[e - 1]) {
        e -= 1;
    }
    if e <= from {
        return None;
    }
    let mut s = e;
    while s > from && is_word_byte(text[s - 1]) {
        s -= 1;
    }
    words(text, s..e).last()
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
}
