//! The opening of a sentence, which decides which of its names are subjects: the words read
//! before a name, and a subordinate clause that opens the sentence ("After his arrest, X ...").

use std::ops::Range;

use super::super::words::{self, word_set};

/// Where a sentence's reading stands: what decides whether a name is its subject.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Opening {
    /// Words read (outside names) before the current one.
    pub(super) words: u32,
    pub(super) preposition: bool,
    /// A name (or a linked subject) was read.
    pub(super) actor: bool,
}

impl Opening {
    /// Whether a name read now opens the sentence as its subject.
    pub(super) fn subject(&self, describes: bool) -> bool {
        !self.actor && !self.preposition && self.words <= 4 && !describes
    }

    /// Past the opening: what follows no longer changes which names are subjects.
    pub(super) fn settled(&self) -> bool {
        self.actor || self.words > 4
    }
}

word_set!(
    /// Words that open a subordinate clause ("After his arrest, X ...").
    fn is_subordinator = [
        "after", "before", "when", "while", "although", "though", "because", "since", "if",
        "unless", "until", "as", "once", "despite", "following", "upon", "whereas",
        "whilst",
    ]
);

/// The subordinators' first letters and lengths: bit `n` of a letter's entry, a subordinator
/// of `n` letters opens with it (what [`is_subordinator`] holds; a test keeps them in step).
const SUBORDINATOR_LENGTHS: [u16; 26] = {
    let words: [&[u8]; 18] = [
        b"after",
        b"before",
        b"when",
        b"while",
        b"although",
        b"though",
        b"because",
        b"since",
        b"if",
        b"unless",
        b"until",
        b"as",
        b"once",
        b"despite",
        b"following",
        b"upon",
        b"whereas",
        b"whilst",
    ];
    let mut lengths = [0u16; 26];
    let mut i = 0;
    while i < words.len() {
        lengths[(words[i][0] - b'a') as usize] |= 1 << words[i].len();
        i += 1;
    }
    lengths
};

/// Whether a word of bytes `b` may be a subordinator, in any case, by its first letter and
/// length.
fn may_be_subordinator(b: &[u8]) -> bool {
    let letter = b[0].to_ascii_lowercase();
    letter.is_ascii_lowercase()
        && b.len() < 16
        && (SUBORDINATOR_LENGTHS[(letter - b'a') as usize] >> b.len()) & 1 != 0
}

/// Where a subordinate clause that opens the sentence `range` ends: the first comma, when the
/// sentence opens with a subordinating word or a participle ("Discussing his concern, X
/// said") and the comma comes within a few words.
pub(super) fn opening_clause(text: &[u8], range: &Range<usize>) -> Option<usize> {
    let first = words::words(text, range.clone()).next()?;
    // Most sentences open with neither (a name, "The"): told by the word's first letter and
    // length, and its end.
    let b = first.bytes(text);
    let ing = b.len() > 5 && b[b.len() - 3..].eq_ignore_ascii_case(b"ing");
    if !ing && !may_be_subordinator(b) {
        return None;
    }
    let mut buf = [0u8; 24];
    let lower = first.lower(text, &mut buf)?;
    let participle = lower.len() > 5 && lower.ends_with("ing") && first.is_capitalised(text);
    if !(is_subordinator(lower) || participle) {
        return None;
    }
    let end = range.end.min(first.end + 200);
    let comma = first.end + memchr::memchr(b',', &text[first.end..end])?;
    (words::words(text, first.end..comma).count() <= 16).then_some(comma)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_subordinator_opens_a_clause() {
        let subordinators = [
            "after",
            "before",
            "when",
            "while",
            "although",
            "though",
            "because",
            "since",
            "if",
            "unless",
            "until",
            "as",
            "once",
            "despite",
            "following",
            "upon",
            "whereas",
            "whilst",
        ];
        for word in subordinators {
            assert!(is_subordinator(word), "{word}");
            assert!(may_be_subordinator(word.as_bytes()), "{word}");
            assert!(
                may_be_subordinator(word.to_uppercase().as_bytes()),
                "{word}"
            );
            let t = format!(
                "{}{} X said, he left.",
                word[..1].to_uppercase(),
                &word[1..]
            );
            assert!(opening_clause(t.as_bytes(), &(0..t.len())).is_some(), "{t}");
        }
        // No other word passes: the lengths hold only the subordinators'.
        let listed: u32 = SUBORDINATOR_LENGTHS.iter().map(|l| l.count_ones()).sum();
        let lengths: std::collections::HashSet<(u8, usize)> = (subordinators.iter())
            .map(|w| (w.as_bytes()[0], w.len()))
            .collect();
        assert_eq!(listed as usize, lengths.len());
        assert!(!may_be_subordinator(b"The") && !may_be_subordinator(b"Officials"));
    }
}
