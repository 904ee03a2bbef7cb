//! A quick look for a verb of saying (or "according") in a paragraph without quote marks,
//! before it is read word by word: most paragraphs of a long text report nothing.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

fn automaton() -> &'static AhoCorasick {
    static VERBS: OnceLock<AhoCorasick> = OnceLock::new();
    VERBS.get_or_init(|| {
        let mut words: Vec<&str> = super::words::saying_verbs().collect();
        words.sort_unstable();
        words.dedup();
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(words)
            .expect("a fixed list of words builds")
    })
}

/// Whether `text` holds a verb of saying as a whole word.
pub fn any_in(text: &str) -> bool {
    let bytes = text.as_bytes();
    automaton().find_iter(bytes).any(|m| {
        let before = m.start().checked_sub(1).map(|i| bytes[i]);
        let after = bytes.get(m.end()).copied();
        let part_of_word =
            |b: Option<u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || b >= 0x80);
        !part_of_word(before) && !part_of_word(after)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_whole_verbs_only() {
        assert!(any_in("The minister said the talks failed."));
        assert!(any_in("According to police, two died."));
        assert!(!any_in("The statement was a surprise to the addressee."));
        assert!(!any_in("Nothing here at all."));
    }
}
