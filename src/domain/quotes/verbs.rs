//! Where the verbs of saying (and "according") of a paragraph are, found as it is tokenised
//! ([`super::words::tokenize`]): a paragraph without any and without quote marks is not read
//! further, and reported speech is looked for only at these words.
//!
//! A verb is a whole word, in any case: a run of ASCII letters and digits (any byte beyond
//! ASCII joins it, so "saidé" is none) that the lexicon knows as one, or two such runs
//! joined by a hyphen ("e-mailed"). Most words are passed over on their first two letters,
//! last letter and length alone ([`may_be_verb`]).

use super::lexicon::{self, Class, LETTER, SAYING_ENDS, SAYING_STARTS};

/// The classes of the words searched for (those of [`lexicon::SAYING_STARTS`]).
const SEARCHED: Class = Class::SAY
    .or(Class::CALL)
    .or(Class::PARTICIPLE)
    .or(Class::ACCORDING);

/// Whether a word could be a verb by its first two bytes, its last and its length: most
/// words are passed over here.
#[inline]
pub fn may_be_verb(word: &[u8]) -> bool {
    let (Some(&a), Some(&b)) = (word.first(), word.get(1)) else {
        return false;
    };
    let (a, b) = (LETTER[a as usize], LETTER[b as usize]);
    let z = LETTER[word[word.len() - 1] as usize];
    a < 26
        && b < 27
        && z < 26
        && word.len() < 16
        && SAYING_STARTS[usize::from(a) * 27 + usize::from(b)] & (1 << word.len()) != 0
        && SAYING_ENDS[usize::from(a) * 26 + usize::from(z)] & (1 << word.len()) != 0
}

/// [`may_be_verb`] for a run of ASCII letters and digits (most words), loosely: it lets
/// through all that [`may_be_verb`] does, and a few more (by their five low bits a letter
/// is the same in either case, and a digit or a hyphen one letter), which the lexicon then
/// turns down.
#[inline]
pub fn may_be_ascii_verb(word: &[u8]) -> bool {
    let n = word.len();
    if !(2..16).contains(&n) {
        return false;
    }
    let low = |b: u8| usize::from(b & 31);
    let (a, b, z) = (low(word[0]), low(word[1]), low(word[n - 1]));
    LOW_SHAPES.0[a << 5 | b] & LOW_SHAPES.1[a << 5 | z] & (1 << n) != 0
}

/// [`SAYING_STARTS`] and [`SAYING_ENDS`] by the five low bits of each byte (of a letter:
/// its place in the alphabet from 1; of a hyphen 13, as `m`), each entry the lengths of all
/// the entries it stands for.
static LOW_SHAPES: ([u16; 1024], [u16; 1024]) = {
    let (mut starts, mut ends) = ([0; 1024], [0; 1024]);
    let mut a = 0;
    while a < 26 {
        let mut b = 0;
        while b < 27 {
            let low_b = if b == 26 { b'-' as usize & 31 } else { b + 1 };
            starts[(a + 1) << 5 | low_b] |= SAYING_STARTS[a * 27 + b];
            if b < 26 {
                ends[(a + 1) << 5 | (b + 1)] |= SAYING_ENDS[a * 26 + b];
            }
            b += 1;
        }
        a += 1;
    }
    (starts, ends)
};

/// [`is_verb`] for an ASCII word that [`may_be_verb`] lets through.
#[cfg(test)]
pub fn is_ascii_verb(word: &[u8]) -> bool {
    is_searched(lexicon::class_of_bytes(word))
}

/// Whether a word of class `c` is one of the verbs searched for.
pub fn is_searched(c: Class) -> bool {
    c.has(SEARCHED)
}

/// The verbs of a paragraph, as the tokenizer finds them.
#[derive(Debug, Default)]
pub struct Verbs {
    /// Where each starts, in order.
    pub at: Vec<u32>,
    /// The token each is in (that it starts, unless it is part of a longer word), as `at`:
    /// the rules go to it without a search.
    pub tok: Vec<u32>,
    /// The class of each token the tokenizer looked up whole (the verbs and the words that
    /// nearly were), by token index: the rules ask about these again, and need not look them
    /// up twice.
    pub looked_up: Vec<(u32, Class)>,
}

impl Verbs {
    pub fn clear(&mut self) {
        self.at.clear();
        self.tok.clear();
        self.looked_up.clear();
    }

    /// A verb at byte `at`, in token `tok`.
    pub fn push(&mut self, at: u32, tok: usize) {
        self.at.push(at);
        self.tok.push(tok as u32);
    }

    /// [`in_runs`] for the word `bytes[from..to]`, token `tok`.
    pub fn in_runs(&mut self, bytes: &[u8], from: usize, to: usize, tok: usize) {
        in_runs(bytes, from, to, &mut self.at);
        self.tok.resize(self.at.len(), tok as u32);
    }
}

/// Whether a byte joins a word: an ASCII letter or digit, or any byte of a character beyond
/// ASCII.
pub fn part_of_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// Whether `word` (a run of word bytes, or two joined by a hyphen) is a searched verb.
#[inline]
pub fn is_verb(word: &[u8]) -> bool {
    may_be_verb(word) && word.is_ascii() && lexicon::class_of_bytes(word).has(SEARCHED)
}

/// The verbs that start in `bytes[from..to]` (a word token), each where it starts, read from
/// the runs of word bytes there: for a word that is more than one run ("U.S.-said",
/// "#said", "é-said") or whose run goes on past it ("said…").
pub fn in_runs(bytes: &[u8], from: usize, to: usize, out: &mut Vec<u32>) {
    let n = bytes.len();
    let mut i = from;
    while i < to {
        if !part_of_word(bytes[i]) || (i > 0 && part_of_word(bytes[i - 1])) {
            i += 1;
            continue;
        }
        let start = i;
        while i < n && part_of_word(bytes[i]) {
            i += 1;
        }
        // Two runs joined by a hyphen are one word when the lexicon knows them together.
        if bytes.get(i) == Some(&b'-') && bytes.get(i + 1).copied().is_some_and(part_of_word) {
            let mut j = i + 1;
            while j < n && part_of_word(bytes[j]) {
                j += 1;
            }
            if is_verb(&bytes[start..j]) {
                out.push(start as u32);
                i = j;
                continue;
            }
        }
        if is_verb(&bytes[start..i]) {
            out.push(start as u32);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        let (mut toks, mut out) = (vec![], Verbs::default());
        super::super::words::tokenize(text, &mut toks, &mut out);
        out.at
            .iter()
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
        assert_eq!(
            found("She e-mailed; he SAID-so, unsaid saidé #told"),
            ["e-mailed;", "SAID-so,", "told"]
        );
    }

    #[test]
    fn the_ascii_shortcut_lets_through_all_the_general_check_does() {
        let mut seed = 0x51f1_5e3a_9c0d_7b21_u64;
        let mut words: Vec<Vec<u8>> = lexicon::saying_verbs().map(|w| w.into()).collect();
        for _ in 0..50_000 {
            crate::domain::shuffled::step(&mut seed);
            let n = (seed % 17) as usize;
            let word = (0..n)
                .map(|i| b"aeisdtorlnwcpx09AST"[(seed >> (3 * i % 60)) as usize % 19])
                .collect();
            words.push(word);
        }
        for w in &words {
            if may_be_verb(w) {
                assert!(may_be_ascii_verb(w), "{w:?}");
            }
            // What it lets through more, the lexicon turns down.
            if may_be_ascii_verb(w) && !may_be_verb(w) && w.iter().all(u8::is_ascii_alphanumeric) {
                assert!(!is_ascii_verb(w), "{w:?}");
            }
        }
    }

    /// What an automaton over the verbs finds: each leftmost-longest match, case-insensitive,
    /// kept when no word byte touches it.
    fn by_automaton(ac: &aho_corasick::AhoCorasick, text: &str) -> Vec<u32> {
        let bytes = text.as_bytes();
        let touches = |i: Option<usize>| {
            i.and_then(|i| bytes.get(i))
                .is_some_and(|&b| part_of_word(b))
        };
        ac.find_iter(bytes)
            .filter(|m| !touches(m.start().checked_sub(1)) && !touches(Some(m.end())))
            .map(|m| m.start() as u32)
            .collect()
    }

    #[test]
    fn finds_what_an_automaton_over_the_verbs_finds() {
        let mut words: Vec<&str> = lexicon::saying_verbs().collect();
        words.sort_unstable();
        words.dedup();
        let ac = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(words)
            .unwrap();
        // Words, verbs, their prefixes and extensions, joined by every kind of byte.
        let pieces = [
            "said",
            "Said",
            "SAYS",
            "say",
            "sayso",
            "e",
            "mailed",
            "e-mailed",
            "E-Mailed",
            "according",
            "accordingly",
            "told",
            "tell",
            "x",
            "un",
            "é",
            "’",
            "-",
            "'",
            " ",
            ".",
            "\n",
            "9",
            "called",
            "characterizes",
            "adding",
            "re",
            "ask",
            "asked",
            "_",
            "#",
            "@",
            "$",
            "&",
            "/",
            "\u{a0}",
            "—",
            "…",
            "U.S.",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let (mut toks, mut ours) = (vec![], Verbs::default());
        for round in 0..50_000 {
            // Short texts, and texts over several blocks of 64 bytes.
            let n = if round % 8 == 0 { 60 } else { 8 };
            let text = crate::domain::shuffled::joined(&mut seed, &pieces, n);
            super::super::words::tokenize(&text, &mut toks, &mut ours);
            assert_eq!(ours.at, by_automaton(&ac, &text), "{text:?}");
            // Each in the token it is said to be in.
            assert_eq!(ours.tok.len(), ours.at.len());
            for (&at, &i) in ours.at.iter().zip(&ours.tok) {
                let t = &toks[i as usize];
                assert!(t.start <= at && at < t.end, "{text:?} {at} {t:?}");
            }
            // The classes kept are those of the whole tokens.
            for &(i, class) in &ours.looked_up {
                let t: &super::super::words::Tok = &toks[i as usize];
                let word = &text.as_bytes()[t.start as usize..t.end as usize];
                assert_eq!(class, lexicon::class_of_bytes(word), "{text:?} {i}");
            }
        }
    }
}
