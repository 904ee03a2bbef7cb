//! Where the verbs of saying (and "according") of a paragraph are, found at once by one
//! automaton: a paragraph without any and without quote marks is not read word by word, and
//! reported speech is looked for only at these words.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

fn automaton() -> &'static AhoCorasick {
    static VERBS: OnceLock<AhoCorasick> = OnceLock::new();
    VERBS.get_or_init(|| {
        let mut words: Vec<&str> = super::lexicon::saying_verbs().collect();
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

/// Where the verbs of saying of `text` start, as whole words, in order.
pub fn hits(text: &str, out: &mut Vec<u32>) {
    out.clear();
    let bytes = text.as_bytes();
    // A letter, a digit or any byte of a non-ASCII character joins a word.
    let part_of_word = |b: Option<u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || b >= 0x80);
    for m in automaton().find_iter(bytes) {
        let before = m.start().checked_sub(1).map(|i| bytes[i]);
        if !part_of_word(before) && !part_of_word(bytes.get(m.end()).copied()) {
            out.push(m.start() as u32);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        let mut out = vec![];
        hits(text, &mut out);
        out.iter()
            .map(|&i| text[i as usize..].split(' ').next().unwrap())
            .collect()
    }

    #[test]
    fn finds_whole_verbs_only() {
        assert_eq!(found("The minister said the talks failed."), ["said"]);
        assert_eq!(
            found("According to police, two said."),
            ["According", "said."]
        );
        assert!(found("The statement was a surprise to the addressee.").is_empty());
        assert!(found("Nothing here at all.").is_empty());
    }
}
