//! What each word can do in a cue (a verb of saying, a word that ends a subject, a
//! determiner ...), by lower-case spelling.
//!
//! A word's class is looked up only when a rule asks for it (`Para::class`): most words are
//! never asked about.

use std::sync::OnceLock;

/// What a word can do in a cue, as bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Class(u32);

impl Class {
    /// A verb of saying: "said", "told", "added", "wrote" ...
    pub const SAY: Class = Class(1);
    /// A verb of saying that reports a clause without "that": "said he would", "told
    /// reporters the talks failed".
    pub const REPORT: Class = Class(1 << 1);
    /// A verb of saying that reports a clause without "that" only when a pronoun or a name
    /// opens it ("claims she was"; but "claimed the lives of", "maintained a policy").
    pub const REPORT_WEAK: Class = Class(1 << 22);
    /// A verb of attitude that quotes someone's words in part: "expressed openness to
    /// “tactical little pauses”", "condemned the “barbaric” attack".
    pub const STANCE: Class = Class(1 << 23);
    /// A verb of saying that reports a clause only with "that": "announced that ...".
    pub const REPORT_THAT: Class = Class(1 << 2);
    /// A verb that takes the hearer as its object: "told reporters", "assured them".
    pub const TELL: Class = Class(1 << 3);
    /// A verb that calls something by a quoted word: "called the ruling “dangerous”".
    pub const CALL: Class = Class(1 << 4);
    /// A word before a quoted name or title: "named", "titled", "known as".
    pub const NAMING: Class = Class(1 << 5);
    /// A participle of saying: "saying", "adding", "writing".
    pub const PARTICIPLE: Class = Class(1 << 6);
    /// Between a subject and its verb without ending the subject: "has", "also", "later".
    pub const AUX: Class = Class(1 << 7);
    /// Negation: "not", "never".
    pub const NEG: Class = Class(1 << 8);
    /// A form of "be": before a participle it makes a passive ("was told").
    pub const BE: Class = Class(1 << 9);
    /// A word that ends a subject read backwards: "and", "that", "which", "after" ...
    pub const STOP: Class = Class(1 << 10);
    /// A preposition that opens an adverbial: "in", "on", "at", "during" ...
    pub const PREP: Class = Class(1 << 11);
    /// A determiner or possessive: "the", "a", "his" ...
    pub const DET: Class = Class(1 << 12);
    /// A subject pronoun: "he", "she", "it", "they", "we", "i", "there".
    pub const SUBJECT: Class = Class(1 << 13);
    /// A word of time that can stand between a verb and "that": "yesterday", "tuesday".
    pub const TIME: Class = Class(1 << 14);
    /// A question word: a verb followed by one reports a question, not a statement.
    pub const WH: Class = Class(1 << 15);
    /// A relative pronoun: "who", "which"; the subject is the noun before it.
    pub const RELATIVE: Class = Class(1 << 16);
    /// First person singular: "i", "me", "my", "mine", "myself".
    pub const FIRST_SINGULAR: Class = Class(1 << 17);
    /// First person plural: "we", "us", "our", "ours", "ourselves".
    pub const FIRST_PLURAL: Class = Class(1 << 18);
    /// "according" (of "according to").
    pub const ACCORDING: Class = Class(1 << 19);
    /// A word that can link two quotations of one speaker: "and", "later", "then", "adding".
    pub const LINK: Class = Class(1 << 20);
    /// A word that cannot follow a verb of saying in a reported clause: "to", "so", "nothing".
    pub const NOT_CLAUSE: Class = Class(1 << 21);

    pub fn has(self, c: Class) -> bool {
        self.0 & c.0 != 0
    }

    /// The bits, to keep in a cell (the top bit is never set).
    pub fn bits(self) -> u32 {
        self.0
    }

    pub fn from_bits(bits: u32) -> Class {
        Class(bits)
    }

    pub const fn or(self, c: Class) -> Class {
        Class(self.0 | c.0)
    }
}

/// The words the cue rules know, by lower-case spelling.
#[rustfmt::skip]
const LEXICON: &[(Class, &[&str])] = &[
    // Verbs of saying that report a clause with or without "that": "said he would".
    (
        Class::SAY.or(Class::REPORT),
        &[
            "say", "says", "said", "tell", "tells", "told",
        ],
    ),
    (
        Class::SAY.or(Class::REPORT_WEAK),
        &[
            "state", "states", "stated", "claim", "claims", "claimed", "insist", "insists",
            "insisted", "argue", "argues", "argued", "assert", "asserts", "asserted", "allege",
            "alleges", "alleged", "contend", "contends", "contended", "inform", "informs",
            "informed", "assure", "assures", "assured",
        ],
    ),
    // Verbs of saying that report a clause only with "that": without it they take an
    // object ("added sugar", "noted the decline", "wrote a book").
    (
        Class::SAY.or(Class::REPORT_THAT),
        &[
            "add", "adds", "added", "explain", "explains", "explained", "note", "notes", "noted",
            "observe", "observes", "observed", "conclude", "concludes", "concluded", "complain",
            "complains", "complained", "concede", "concedes", "conceded", "reply", "replies",
            "replied", "respond", "responds", "responded", "stress", "stresses", "stressed",
            "predict", "predicts", "predicted", "promise", "promises", "promised", "agree",
            "agrees", "agreed", "acknowledge", "acknowledges", "acknowledged", "admit", "admits",
            "admitted", "suggest", "suggests", "suggested", "write", "writes", "wrote", "recall",
            "recalls", "recalled", "testify", "testifies", "testified", "emphasise", "emphasised",
            "emphasises", "emphasize", "emphasized", "emphasizes", "report", "reports",
            "reported", "confirm", "confirms", "confirmed", "announce", "announces", "announced",
            "tweet", "tweets", "tweeted", "vow", "vows", "vowed", "pledge", "pledges", "pledged",
            "warn", "warns", "warned", "maintain", "maintains", "maintained", "deny", "denies",
            "denied", "reveal", "reveals", "revealed", "disclose", "discloses", "disclosed",
            "mention", "mentions", "mentioned", "post", "posts", "posted", "declare", "declares",
            "declared", "indicate", "indicates", "indicated", "boast", "boasts", "boasted",
            "proclaim", "proclaims", "proclaimed", "caution", "cautions", "cautioned", "remark",
            "remarks", "remarked", "comment", "comments", "commented", "counter", "counters",
            "countered", "demand", "demands", "demanded",
        ],
    ),
    // Verbs of saying that introduce direct speech only.
    (
        Class::SAY,
        &[
            "ask", "asks", "asked", "continue", "continues", "continued", "urge", "urges",
            "urged", "joke", "jokes", "joked", "quip", "quips", "quipped", "shout", "shouts",
            "shouted", "exclaim", "exclaims", "exclaimed", "answer", "answers", "answered",
            "whisper", "whispers", "whispered", "cry", "cries", "cried", "plead", "pleads",
            "pleaded", "object", "objects", "objected", "blog", "blogs", "blogged", "texted",
            "emailed", "e-mailed", "intoned", "sighed", "laughed", "mused",
        ],
    ),
    (
        Class::TELL,
        &[
            "tell", "tells", "told", "inform", "informs", "informed", "assure", "assures",
            "assured", "remind", "reminds", "reminded", "warn", "warns", "warned", "promise",
            "promises", "promised", "ask", "asks", "asked", "urge", "urges", "urged",
        ],
    ),
    (
        Class::CALL,
        &[
            "call", "calls", "called", "dub", "dubs", "dubbed", "describe", "describes",
            "described", "characterize", "characterizes", "characterized", "characterise",
            "characterises", "characterised", "term", "terms", "termed", "brand", "brands",
            "branded", "label", "labels", "labeled", "labelled",
        ],
    ),
    (
        Class::STANCE,
        &[
            "expressed", "expresses", "voiced", "voices", "signalled", "signaled", "signals",
            "condemned", "condemns", "criticised", "criticized", "criticises", "criticizes",
            "praised", "praises", "welcomed", "welcomes", "rejected", "rejects", "dismissed",
            "dismisses", "denounced", "denounces", "hailed", "hails", "threatened", "threatens",
            "accused", "accuses", "blamed", "blames", "defended", "defends", "questioned",
            "questions", "lamented", "laments", "decried", "decries", "slammed", "slams", "vowed",
            "pledged", "promised", "demanded", "urged", "warned", "described", "called", "dubbed",
            "termed", "branded", "labelled", "labeled", "characterized", "characterised",
        ],
    ),
    (
        Class::NAMING,
        &[
            "named", "titled", "entitled", "nicknamed", "renamed", "word", "term", "phrase",
            "slogan", "name", "title", "hashtag", "headline", "motto", "caption", "banner",
            "headlined", "known", "label", "labeled", "labelled", "called", "dubbed", "marked",
            "signed", "reading", "reads", "read",
        ],
    ),
    (
        Class::PARTICIPLE,
        &[
            "saying", "adding", "writing", "stating", "noting", "telling", "explaining",
            "arguing", "insisting", "warning", "declaring", "asking", "claiming", "quoting",
            "tweeting", "posting", "continuing", "concluding", "replying", "responding",
        ],
    ),
    (
        Class::AUX,
        &[
            "has", "have", "had", "also", "later", "then", "further", "previously", "reportedly",
            "again", "publicly", "once", "first", "earlier", "recently", "repeatedly", "just",
            "will", "would", "could", "can", "may", "might", "did", "does", "do", "shall",
            "should", "must", "separately", "subsequently", "simply", "merely", "only", "already",
            "often", "frequently", "privately", "openly", "explicitly", "specifically", "flatly",
            "firmly", "strongly", "quickly", "initially", "originally", "finally", "ultimately",
            "allegedly", "apparently", "officially", "herself", "himself", "themselves", "itself",
        ],
    ),
    (
        Class::NEG,
        &[
            "not", "never", "n't", "neither", "nor", "nobody",
        ],
    ),
    (
        Class::BE,
        &[
            "is", "was", "were", "are", "be", "been", "being", "am", "'s", "get", "got",
        ],
    ),
    (
        Class::STOP,
        &[
            "and", "but", "or", "that", "which", "who", "whom", "whose", "because", "after",
            "before", "when", "while", "as", "if", "although", "though", "since", "where",
            "until", "so", "than", "whereas", "unless", "once", "whether", "what", "why", "how",
            "to", "by", "with", "without", "where", "whereby", "yet", "nor", "then", "thus",
            "hence", "however", "also",
        ],
    ),
    (
        Class::PREP,
        &[
            "in", "on", "at", "during", "after", "before", "since", "following", "despite",
            "with", "without", "from", "of", "for", "over", "under", "about", "via", "through",
            "throughout", "amid", "among", "upon", "within", "according", "citing", "unlike",
            "like", "by", "into", "across", "against", "toward", "towards", "besides",
            "regarding", "concerning", "speaking", "discussing", "asked", "when", "while",
            "yesterday", "today", "meanwhile", "however", "earlier", "later", "still", "instead",
            "also", "recently", "last", "this", "next",
        ],
    ),
    (
        Class::DET,
        &[
            "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these",
            "those", "some", "many", "most", "all", "no", "any", "several", "both", "each",
            "every", "one", "two", "three", "four", "five", "few", "another", "other", "such",
            "more", "much", "that",
        ],
    ),
    (
        Class::SUBJECT,
        &[
            "he", "she", "it", "they", "we", "i", "you", "there", "this", "nobody", "none",
        ],
    ),
    (
        Class::TIME,
        &[
            "today", "yesterday", "tonight", "monday", "tuesday", "wednesday", "thursday",
            "friday", "saturday", "sunday", "earlier", "later", "recently", "previously", "then",
            "again", "separately", "last", "this", "week", "month", "year", "morning",
            "afternoon", "evening", "night", "weekend",
        ],
    ),
    (
        Class::WH,
        &[
            "why", "how", "whether", "what", "if", "when", "where", "who", "which", "whom",
        ],
    ),
    (Class::RELATIVE, &[
            "who", "which", "whom",
        ]),
    (
        Class::FIRST_SINGULAR,
        &[
            "i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll",
        ],
    ),
    (
        Class::FIRST_PLURAL,
        &[
            "we", "us", "our", "ours", "ourselves", "we're", "we've", "we'd", "we'll",
        ],
    ),
    (Class::ACCORDING, &[
            "according",
        ]),
    (
        Class::LINK,
        &[
            "and", "later", "then", "also", "adding", "continuing", "but", "before", "after",
            "finally", "concluding", "going", "on", "further", "again",
        ],
    ),
    (
        Class::NOT_CLAUSE,
        &[
            "to", "so", "nothing", "something", "anything", "goodbye", "hello", "yes", "no",
            "about", "of", "for", "with", "as", "by", "in", "on", "at", "from", "little", "more",
            "much", "less", "enough", "thanks", "sorry", "otherwise", "too", "against", "into",
            "up", "out", "off", "over", "down", "away", "back", "through", "and", "or", "but",
            "him", "her", "them", "me", "us", "you", "instead",
        ],
    ),
];

/// The lexicon by key (see [`key`]): every word of it is ASCII and shorter than 16 bytes.
/// An open-addressed table with a multiplicative hash: a look-up is a multiplication and,
/// mostly, one comparison (the lexicon fills under a third of it). Each slot has a tag of
/// sixteen bits of the hash beside its key: most words asked about are not in the lexicon,
/// and are turned down by the tags (4 KB) without reading the keys (32 KB, which the cache
/// does not keep).
struct Table {
    tags: Box<[u16]>,
    keys: Box<[u128]>,
    classes: Box<[Class]>,
}

impl Table {
    const BITS: u32 = 11;

    /// The slot a key's search starts at, and its tag (never 0, the tag of an empty slot).
    fn slot_and_tag(k: u128) -> (usize, u16) {
        let folded = (k as u64) ^ ((k >> 64) as u64);
        let h = folded.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let slot = (h >> (64 - Self::BITS)) as usize;
        // The sixteen bits below the slot's: a key's slot does not tell them.
        let tag = (h >> (64 - Self::BITS - 16)) as u16 | 1;
        (slot, tag)
    }

    fn get(&self, k: u128) -> Class {
        let mask = self.keys.len() - 1;
        let (mut i, tag) = Self::slot_and_tag(k);
        loop {
            match self.tags[i] {
                0 => return Class::default(),
                t if t == tag && self.keys[i] == k => return self.classes[i],
                _ => i = (i + 1) & mask,
            }
        }
    }
}

fn lexicon() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let size = 1 << Table::BITS;
        let mut t = Table {
            tags: vec![0; size].into(),
            keys: vec![0; size].into(),
            classes: vec![Class::default(); size].into(),
        };
        for &(class, words) in LEXICON {
            for &w in words {
                let k = key(w.as_bytes()).expect("lexicon words are short ASCII");
                let (mut i, tag) = Table::slot_and_tag(k);
                while t.tags[i] != 0 && t.keys[i] != k {
                    i = (i + 1) & (size - 1);
                }
                t.tags[i] = tag;
                t.keys[i] = k;
                t.classes[i] = t.classes[i].or(class);
            }
        }
        t
    })
}

/// A word of up to 15 ASCII bytes in lower case, packed in an integer (so a lookup hashes
/// one number and compares no strings); `None` for longer or non-ASCII words, which the
/// lexicon does not hold. A curly apostrophe (3 bytes) reads as `'`.
#[inline]
fn key(word: &[u8]) -> Option<u128> {
    let n = word.len();
    if n > 17 {
        return None;
    }
    if n <= 15 {
        // OR-ing 0x20 lowers ASCII letters and leaves digits and the joining marks of a word
        // (' - . & /) as they are; a byte beyond ASCII sends the word to the loop below.
        const ASCII_HIGH: u128 = u128::from_le_bytes([0x80; 16]);
        const LOWER: u128 = u128::from_le_bytes([0x20; 16]);
        let packed = packed(word);
        if packed & ASCII_HIGH == 0 {
            let bytes = u128::MAX.checked_shr(128 - 8 * n as u32).unwrap_or(0);
            return Some(packed | (LOWER & bytes) | (n as u128) << 120);
        }
    }
    let mut k: u128 = 0;
    let mut n = 0;
    let mut i = 0;
    while i < word.len() {
        let b = match word[i] {
            b if b.is_ascii() => {
                i += 1;
                b
            }
            0xE2 if word[i..].starts_with("’".as_bytes()) => {
                i += 3;
                b'\''
            }
            _ => return None,
        };
        if n == 15 {
            return None;
        }
        k |= u128::from(b.to_ascii_lowercase()) << (8 * n);
        n += 1;
    }
    Some(k | (n as u128) << 120)
}

/// The bytes of a word of up to 15 bytes in one integer, the first lowest: read eight or four
/// bytes at a time, the last read overlapping the first where the length is not a multiple.
fn packed(word: &[u8]) -> u128 {
    let n = word.len();
    let u64_at = |at: usize| u64::from_le_bytes(word[at..at + 8].try_into().unwrap_or([0; 8]));
    let u32_at = |at: usize| u32::from_le_bytes(word[at..at + 4].try_into().unwrap_or([0; 4]));
    match n {
        8.. => {
            let high = if n > 8 {
                u64_at(n - 8) >> (8 * (16 - n))
            } else {
                0
            };
            u128::from(u64_at(0)) | u128::from(high) << 64
        }
        4.. => u128::from(u32_at(0)) | u128::from(u32_at(n - 4)) << (8 * (n - 4)),
        _ => (word.iter().rev()).fold(0, |k, &b| k << 8 | u128::from(b)),
    }
}

/// What `word` can do in a cue (case-insensitive; apostrophes are read as `'`).
pub fn class_of(word: &str) -> Class {
    class_of_bytes(word.as_bytes())
}

/// [`class_of`] for the bytes of a word.
pub fn class_of_bytes(word: &[u8]) -> Class {
    match key(word) {
        Some(k) => lexicon().get(k),
        None => Class::default(),
    }
}

/// [`class_of_bytes`] for the word `text[start..end]`, its key read from the sixteen bytes
/// from its start where the text has them: one load and a mask, where [`packed`] branches
/// on the word's length (which no branch predictor can guess).
#[inline]
pub fn class_in(text: &[u8], start: usize, end: usize) -> Class {
    let n = end - start;
    if let Some(window) = text.get(start..start + 16)
        && (1..=15).contains(&n)
    {
        const ASCII_HIGH: u128 = u128::from_le_bytes([0x80; 16]);
        const LOWER: u128 = u128::from_le_bytes([0x20; 16]);
        let window = u128::from_le_bytes(window.try_into().expect("sixteen bytes"));
        let bytes = u128::MAX >> (128 - 8 * n as u32);
        let packed = window & bytes;
        // As `key` makes it (a word beyond ASCII is left to it).
        if packed & ASCII_HIGH == 0 {
            return lexicon().get(packed | (LOWER & bytes) | (n as u128) << 120);
        }
    }
    class_of_bytes(&text[start..end])
}

/// Whether the words of a lexicon entry of class `c` are verbs of saying (or of calling).
const fn is_saying(c: Class) -> bool {
    c.0 & (Class::SAY.0 | Class::CALL.0 | Class::PARTICIPLE.0) != 0
}

/// The verbs of saying (lower case; a capitalised verb opens a sentence only in inverted
/// cues, which follow a quote), as [`SAYING_STARTS`] knows them.
#[cfg(test)]
pub fn saying_verbs() -> impl Iterator<Item = &'static str> {
    LEXICON
        .iter()
        .filter(|(c, _)| is_saying(*c))
        .flat_map(|(_, words)| words.iter().copied())
        .chain(["according"])
}

/// The index of a letter (either case) among 26, 26 for a hyphen, 255 for anything else:
/// the first two bytes of a word in [`SAYING_STARTS`].
pub static LETTER: [u8; 256] = {
    let mut t = [255; 256];
    let mut b = 0;
    while b < 26 {
        t[b'a' as usize + b] = b as u8;
        t[b'A' as usize + b] = b as u8;
        b += 1;
    }
    t[b'-' as usize] = 26;
    t
};

/// For each first letter and second letter (or hyphen) of the [`saying_verbs`], the lengths
/// they come in (a bit each): a word that starts and is as long as none is not looked up.
pub static SAYING_STARTS: [u16; 26 * 27] = SAYING_SHAPES.0;

/// For each first and last letter of the [`saying_verbs`], the lengths they come in (a bit
/// each): a second look that passes over most of the words [`SAYING_STARTS`] lets through
/// ("company", "Province", "comment").
pub static SAYING_ENDS: [u16; 26 * 26] = SAYING_SHAPES.1;

/// [`SAYING_STARTS`] and [`SAYING_ENDS`], filled on one walk of the saying verbs.
const SAYING_SHAPES: ([u16; 26 * 27], [u16; 26 * 26]) = {
    const fn add(starts: &mut [u16; 26 * 27], ends: &mut [u16; 26 * 26], w: &str) {
        let w = w.as_bytes();
        let (first, last) = (LETTER[w[0] as usize], LETTER[w[w.len() - 1] as usize]);
        let second = LETTER[w[1] as usize];
        assert!(w.len() >= 2 && w.len() < 16 && first < 26 && second < 27 && last < 26);
        starts[first as usize * 27 + second as usize] |= 1 << w.len();
        ends[first as usize * 26 + last as usize] |= 1 << w.len();
    }
    let (mut starts, mut ends) = ([0; 26 * 27], [0; 26 * 26]);
    let mut i = 0;
    while i < LEXICON.len() {
        if is_saying(LEXICON[i].0) {
            let mut j = 0;
            while j < LEXICON[i].1.len() {
                add(&mut starts, &mut ends, LEXICON[i].1[j]);
                j += 1;
            }
        }
        i += 1;
    }
    add(&mut starts, &mut ends, "according");
    (starts, ends)
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_has_the_classes_of_every_entry_that_lists_it() {
        for &(_, words) in LEXICON {
            for w in words {
                let all = (LEXICON.iter())
                    .filter(|(_, ws)| ws.contains(w))
                    .fold(Class::default(), |c, &(e, _)| c.or(e));
                assert_eq!(class_of(w), all, "{w}");
                assert_eq!(class_of(&w.to_uppercase()), all, "{w}");
            }
        }
        assert_eq!(class_of("saidx"), Class::default());
    }

    #[test]
    fn a_word_is_packed_as_its_bytes_one_by_one() {
        let text: Vec<u8> = (1..=40).map(|b| b * 6 + 3).collect();
        for n in 0..=15 {
            for start in 0..text.len() - n {
                let word = &text[start..start + n];
                let one_by_one = (word.iter().enumerate())
                    .fold(0u128, |k, (i, &b)| k | u128::from(b) << (8 * i));
                assert_eq!(packed(word), one_by_one, "{word:?}");
            }
        }
    }

    #[test]
    fn a_word_is_looked_up_in_its_text_as_alone() {
        let words: Vec<&str> = (LEXICON.iter())
            .flat_map(|(_, ws)| ws.iter().copied())
            .chain([
                "Said",
                "SAID",
                "I’m",
                "Zoë",
                "x",
                "twelve-letter",
                "sixteen-letter-x",
            ])
            .collect();
        let text = words.join(" ");
        let bytes = text.as_bytes();
        let mut start = 0;
        for w in &words {
            let end = start + w.len();
            assert_eq!(class_in(bytes, start, end), class_of(w), "{w}");
            // At the text's end too, where sixteen bytes are not there to read.
            assert_eq!(class_in(w.as_bytes(), 0, w.len()), class_of(w), "{w}");
            start = end + 1;
        }
    }

    #[test]
    fn classes_are_looked_up_without_case() {
        assert!(class_of("Said").has(Class::SAY));
        assert!(class_of("told").has(Class::TELL));
        assert!(class_of("announced").has(Class::REPORT_THAT));
        assert!(!class_of("announced").has(Class::REPORT));
        assert!(class_of("I’m").has(Class::FIRST_SINGULAR));
        assert_eq!(class_of("Netanyahu"), Class::default());
        assert_eq!(class_of("Zoë"), Class::default());
    }
}
