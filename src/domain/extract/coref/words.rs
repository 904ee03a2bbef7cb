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
}
pub(super) use word_set;

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
        let out = buf.get_mut(..b.len())?;
        // One pass: the bytes lowered as they are copied, any non-ASCII byte a refusal.
        for (o, &c) in out.iter_mut().zip(b) {
            if !c.is_ascii() {
                return None;
            }
            *o = c.to_ascii_lowercase();
        }
        std::str::from_utf8(out).ok()
    }
}

#[inline]
fn is_word_byte(b: u8) -> bool {
    WORD_BYTES[b as usize]
}

/// Letters, digits, apostrophes, hyphens and every non-ASCII byte.
const WORD_BYTES: [bool; 256] = {
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
            i += bytes[i..].iter().position(|&b| is_word_byte(b))?;
            let s = i;
            i = bytes[s..]
                .iter()
                .position(|&b| !is_word_byte(b))
                .map_or(end, |n| s + n);
            if let Some(w) = trimmed(bytes, s..i) {
                return Some(w);
            }
        }
    })
}

/// The word a run of word bytes makes: the run less the apostrophes and hyphens at its
/// edges, if anything is left.
#[inline]
fn trimmed(text: &[u8], run: Range<usize>) -> Option<Word> {
    let edge = |c: &&u8| matches!(c, b'\'' | b'-');
    let bytes = &text[run.clone()];
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
    trimmed(text, run_before(text, from, at)?)
}

/// The last run of word bytes in `text[from..at]`.
fn run_before(text: &[u8], from: usize, at: usize) -> Option<Range<usize>> {
    let at = at.min(text.len());
    let before = text.get(from..at)?;
    let e = from + before.iter().rposition(|&b| is_word_byte(b))? + 1;
    let s = (text[from..e].iter())
        .rposition(|&b| !is_word_byte(b))
        .map_or(from, |n| from + n + 1);
    Some(s..e)
}

/// The word before a contraction ("I'll" → "I", "he's" → "he", "it’s" → "it"), if `w`
/// ends with one.
pub fn contraction_stem(text: &[u8], w: Word) -> Option<Word> {
    let b = w.bytes(text);
    // Most words hold neither mark: one look at their few bytes tells.
    if !b.iter().any(|&c| c == b'\'' || c == 0xe2) {
        return None;
    }
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

/// The first letters of the words [`find_first`] looks for, as a table of byte classes.
pub struct FirstBytes([u8; 256]);

/// Classes of [`FirstBytes`]: a word byte; a byte that may open a run holding a wanted word
/// (a wanted first letter, or an apostrophe or hyphen that [`words`] trims); a wanted first
/// letter.
const WORD: u8 = 1;
const OPENS: u8 = 2;
const WANTED: u8 = 4;

impl FirstBytes {
    /// The words wanted start with one of the bytes of `set` (letters or digits).
    pub const fn new(set: &[u8]) -> FirstBytes {
        let mut table = [0u8; 256];
        let mut b = 0;
        while b < 256 {
            if WORD_BYTES[b] {
                table[b] = WORD;
            }
            b += 1;
        }
        table[b'\'' as usize] |= OPENS;
        table[b'-' as usize] |= OPENS;
        let mut i = 0;
        while i < set.len() {
            table[set[i] as usize] |= OPENS | WANTED;
            i += 1;
        }
        FirstBytes(table)
    }

    /// Whether a wanted word may start with `b`.
    pub fn wanted(&self, b: u8) -> bool {
        self.0[b as usize] & WANTED != 0
    }
}

/// The first word of `text[range]` (as [`words`] reads them) that starts with one of the
/// bytes of `first` and whose length `len_ok` accepts. One pass over the bytes, one test a
/// byte: a word is only made where a run of word bytes starts with one of those (or with an
/// apostrophe or hyphen, which [`words`] trims); the other runs are passed over byte by byte
/// without looking for their ends (where a branch at each word would go wrong half the time).
pub fn find_first(
    text: &[u8],
    range: Range<usize>,
    first: &FirstBytes,
    len_ok: impl Fn(usize) -> bool,
) -> Option<Word> {
    let end = range.end.min(text.len());
    let from = range.start.min(end);
    let bytes = &text[from..end];
    let class = &first.0;
    let mut i = 0;
    // WORD if the byte before `i` is a word byte (none is, before the range).
    let mut before = 0u8;
    while let Some(at) = next_opening(bytes, i, before, class) {
        let run_end = (bytes[at..].iter())
            .position(|&b| class[b as usize] & WORD == 0)
            .map_or(bytes.len(), |n| at + n);
        if let Some(w) = trimmed(bytes, at..run_end)
            && class[bytes[w.start] as usize] & WANTED != 0
            && len_ok(w.end - w.start)
        {
            return Some(Word {
                start: from + w.start,
                end: from + w.end,
            });
        }
        // The byte at the run's end is no word byte.
        i = run_end;
        before = 0;
    }
    None
}

/// Where the first run of word bytes at or after `i` starts that opens with a byte of class
/// OPENS (`before`: WORD if the byte before `i` is a word byte). Eight bytes at a time: their
/// classes side by side in a word, every run start among them found at once, no branch
/// taken at each.
fn next_opening(bytes: &[u8], mut i: usize, mut before: u8, class: &[u8; 256]) -> Option<usize> {
    const EACH: u64 = 0x0101_0101_0101_0101;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut c = 0u64;
        for (k, &b) in chunk.iter().enumerate() {
            c |= u64::from(class[b as usize]) << (8 * k);
        }
        let word = c & (EACH * u64::from(WORD));
        let word_before = (word << 8) | u64::from(before);
        let opens = c & !(word_before << 1) & (EACH * u64::from(OPENS));
        if opens != 0 {
            return Some(i + (opens.trailing_zeros() / 8) as usize);
        }
        before = (word >> 56) as u8;
        i += 8;
    }
    while let Some(&b) = bytes.get(i) {
        let c = class[b as usize];
        if c & !(before << 1) & OPENS != 0 {
            return Some(i);
        }
        before = c & WORD;
        i += 1;
    }
    None
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
    fn the_first_word_found_in_a_long_text_is_the_first_that_words_reads() {
        let t = "Then 'tis he, SHE said -- it's Hi-fi: \"this\" theirs... W-t to-the 'the' \
                 \u{201c}It\u{201d} whose; ta t 'h- i\u{2019}s Zo\u{eb} tho' shh, hi! in-house "
            .repeat(3);
        let t = t.as_bytes();
        let set = FirstBytes::new(b"hsitwHSITW");
        let len_ok = |n: usize| (2..=10).contains(&n);
        for from in 0..=t.len() {
            let expected =
                words(t, from..t.len()).find(|w| set.wanted(t[w.start]) && len_ok(w.end - w.start));
            assert_eq!(
                find_first(t, from..t.len(), &set, len_ok),
                expected,
                "from {from}"
            );
        }
    }

    #[test]
    fn the_first_word_found_is_the_first_that_words_reads() {
        let t = b"'Tis the way -- he's 'it' - with them, Hi-fi";
        for from in 0..=t.len() {
            for len in 1..6 {
                let expected = words(t, from..t.len())
                    .find(|w| b"th".contains(&t[w.start]) && w.end - w.start <= len);
                let found = find_first(t, from..t.len(), &FirstBytes::new(b"th"), |n| n <= len);
                assert_eq!(found, expected, "from {from}, up to {len}");
            }
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
        let t = b"He said - 'it' -- ";
        for at in 0..=t.len() {
            for from in 0..=at {
                assert_eq!(
                    last_word(t, from, at),
                    words(t, from..at).last(),
                    "{from}..{at}"
                );
            }
        }
    }
}
