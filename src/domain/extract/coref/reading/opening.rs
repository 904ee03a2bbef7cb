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

/// Where a subordinate clause that opens the sentence `range` ends: the first comma, when the
/// sentence opens with a subordinating word or a participle ("Discussing his concern, X
/// said") and the comma comes within a few words.
pub(super) fn opening_clause(text: &[u8], range: &Range<usize>) -> Option<usize> {
    let first = words::words(text, range.clone()).next()?;
    // Most sentences open with neither (a name): told by the word's first letter and end.
    let b = first.bytes(text);
    let ing = b.len() > 5 && b[b.len() - 3..].eq_ignore_ascii_case(b"ing");
    let subordinator_letter = matches!(
        b[0].to_ascii_lowercase(),
        b'a' | b'b' | b'd' | b'f' | b'i' | b'o' | b's' | b't' | b'u' | b'w'
    );
    if !ing && !subordinator_letter {
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
            let t = format!(
                "{}{} X said, he left.",
                word[..1].to_uppercase(),
                &word[1..]
            );
            assert!(opening_clause(t.as_bytes(), &(0..t.len())).is_some(), "{t}");
        }
    }
}
