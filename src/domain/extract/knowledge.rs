//! What the extractor knows before reading: gazetteers and word lists.
//!
//! The data files are compiled into tables when the program is built (`build.rs`, with
//! `compile.rs`), so nothing is read or parsed when it starts: a lookup is one hash of the
//! word and one comparison with the key the perfect hash gives it (`tables.rs`).

use std::sync::OnceLock;

pub use super::tables::join_tokens;
pub use super::tables::word;
use super::tables::{self, CANON_RECORD, PLACE_BASE, PLACE_RECORD, STRING_RECORD, Section, StrMap};
use crate::domain::entity::Kind;

/// A real-world entity the gazetteers know, under its canonical name.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Canon {
    pub name: &'static str,
    pub kind: Kind,
    /// For places: how many people live there (0 if unknown); decides ambiguous names.
    pub population: u64,
    /// What sort of organisation or place it is, as the gazetteer says ("company", "party",
    /// "city", "region"; "country" for countries); empty if it does not say.
    pub class: &'static str,
}

/// Whose a given name usually is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    Male,
    Female,
}

/// What a surface form refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameRef {
    pub canon: u32,
    /// A demonym ("Israeli") rather than a name of the country itself.
    pub demonym: bool,
}

/// What one lookup says of a capitalised word and its lower case ([`Knowledge::capitalised`]).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Capitalised {
    /// The word in lower case, as [`Knowledge::word`] says.
    pub lowered: Word,
    /// The [`word`] bits of the word as written.
    pub written: u16,
    /// The gazetteer entry the word names alone.
    pub name: Option<NameRef>,
}

/// What the gazetteer holds of the names that start with a pair of words
/// ([`Knowledge::names_from_pair`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pair {
    /// The word counts of those names, a bit each ([`Pair::has_names_of`]).
    lengths: u32,
    /// The entry the pair names by itself.
    pub name: Option<NameRef>,
}

impl Pair {
    /// Whether some of the names have `words` words.
    pub fn has_names_of(&self, words: usize) -> bool {
        self.lengths & tables::pair_value::length_bit(words) != 0
    }
}

/// A common English word: how often it is written (Zipf scale) and whether it is also a name.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LowerWord {
    pub zipf: f32,
    pub also_name: bool,
}

/// What the word lists say of one key, all at once: which lists hold it ([`word`] bits) and,
/// if it is a common word, how common.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Word {
    pub bits: u16,
    zipf: f32,
}

impl Word {
    /// Whether some list of `bits` holds the key.
    pub fn is(self, bits: u16) -> bool {
        self.bits & bits != 0
    }

    /// The key as a common lower-case word, if it is one (as [`Knowledge::lower_word`]).
    pub fn common(self) -> Option<LowerWord> {
        self.is(word::COMMON).then_some(LowerWord {
            zipf: self.zipf,
            also_name: self.is(word::ALSO_NAME),
        })
    }
}

/// The small words a name in title case keeps in lower case (but first).
const SMALL: &[&str] = &[
    "of", "the", "and", "de", "du", "des", "la", "le", "al", "for", "on",
];

/// "BANK OF AMERICA" → "Bank of America": each word capitalised, small words in lower case.
fn title_case(key: &str) -> String {
    if key.is_ascii() {
        ascii_title_case(key)
    } else {
        any_title_case(key)
    }
}

/// [`title_case`] of an ASCII key, a byte at a time: no string of its own for each word in
/// lower case (headlines ask this of every run of words in capitals).
fn ascii_title_case(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    for (i, word) in key.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let small = i > 0 && SMALL.iter().any(|s| s.eq_ignore_ascii_case(word));
        let mut cap = !small;
        for b in word.bytes() {
            let lower = b.to_ascii_lowercase();
            out.push(char::from(if cap {
                lower.to_ascii_uppercase()
            } else {
                lower
            }));
            cap = !small && (lower == b'-' || lower == b'.');
        }
    }
    out
}

fn any_title_case(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    for (i, word) in key.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let lower = word.to_lowercase();
        if i > 0 && SMALL.contains(&lower.as_str()) {
            out.push_str(&lower);
            continue;
        }
        // Capitalise after the start and after hyphens: "GUINEA-BISSAU" → "Guinea-Bissau".
        let mut cap = true;
        for c in lower.chars() {
            if cap {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
            cap = c == '-' || c == '.';
        }
    }
    out
}

/// The compiled knowledge: its tables, read in place.
pub struct Knowledge {
    /// The text every name of the tables is in.
    text: &'static str,
    canon: &'static [u8],
    places: &'static [u8],
    /// The classes that records of `canon` and `places` point to.
    classes: &'static [u8],
    /// Every gazetteer name, places included, with the entry it names.
    names: StrMap<'static>,
    /// The longest gazetteer name in words, to bound matching.
    pub max_name_words: usize,
    /// First words of the names of several words: matching tries longer names only there.
    multi_first: StrMap<'static>,
    /// The first two words of the names of several words: most capitalised pairs start none,
    /// and then no longer name needs to be looked up.
    multi_first_two: StrMap<'static>,
    given: StrMap<'static>,
    genders: StrMap<'static>,
    /// Names that stand for a state or an institution ("Kremlin" → "Russia") → where their
    /// targets are in `metonym_targets`.
    metonyms: StrMap<'static>,
    metonym_targets: &'static [u8],
    surnames: StrMap<'static>,
    lower: StrMap<'static>,
    titles: StrMap<'static>,
    /// Last words (lower case) of all titles: most words before a name end none.
    title_last: StrMap<'static>,
    pub max_title_words: usize,
    org_words: StrMap<'static>,
    /// Organisation, place and event words together: one lookup where any of them will do.
    kind_words: StrMap<'static>,
    function_words: StrMap<'static>,
    person_cues: StrMap<'static>,
    class_nouns: StrMap<'static>,
    class_nouns_of: StrMap<'static>,
    /// The keys of all the word lists above, with the lists that hold each.
    words: StrMap<'static>,
}

/// The knowledge built into the binary.
pub fn builtin() -> &'static Knowledge {
    static K: OnceLock<Knowledge> = OnceLock::new();
    K.get_or_init(|| {
        static TABLES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/knowledge.bin"));
        static TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/knowledge.txt"));
        Knowledge::from_tables(TABLES, TEXT)
    })
}

const NONE: Canon = Canon {
    name: "",
    kind: Kind::Other,
    population: 0,
    class: "",
};

impl Knowledge {
    /// The knowledge in compiled tables; empty if they are not tables (they are made by the
    /// build, so only a broken build could give anything else).
    fn from_tables(bytes: &'static [u8], text: &'static str) -> Knowledge {
        let s = tables::sections(bytes).unwrap_or([&[]; Section::ALL.len()]);
        let map = |section: Section| StrMap::new(s[section as usize], text);
        let (max_name_words, max_title_words) = tables::max_words(bytes);
        Knowledge {
            text,
            canon: s[Section::Canon as usize],
            places: s[Section::Places as usize],
            classes: s[Section::Classes as usize],
            names: map(Section::Names),
            max_name_words,
            multi_first: map(Section::MultiFirst),
            multi_first_two: map(Section::MultiFirstTwo),
            given: map(Section::GivenNames),
            genders: map(Section::Genders),
            metonyms: map(Section::Metonyms),
            metonym_targets: s[Section::MetonymTargets as usize],
            surnames: map(Section::Surnames),
            lower: map(Section::LowerWords),
            titles: map(Section::Titles),
            title_last: map(Section::TitleLast),
            max_title_words,
            org_words: map(Section::OrgWords),
            kind_words: map(Section::KindWords),
            function_words: map(Section::FunctionWords),
            person_cues: map(Section::PersonCues),
            class_nouns: map(Section::ClassNouns),
            class_nouns_of: map(Section::ClassNounsOf),
            words: map(Section::Words),
        }
    }

    /// Whether some name of several words starts with `word`.
    pub fn starts_longer_name(&self, word: &str) -> bool {
        self.multi_first.contains(word)
    }

    /// Whether some name of several words starts with the two words of `pair` (joined by a
    /// space), or is them.
    pub fn starts_name_of_two_or_more(&self, pair: &str) -> bool {
        self.multi_first_two.contains(pair)
    }

    /// The names of several words that start with the two words of `pair` (joined by a
    /// space, a possessive attached), if some do: how many words they have, and the entry
    /// the pair names by itself.
    pub fn names_from_pair(&self, pair: &str) -> Option<Pair> {
        use tables::pair_value as at;
        let v = self.multi_first_two.get(pair)?;
        let flags = v.get(at::FLAGS).copied().unwrap_or(0);
        Some(Pair {
            lengths: tables::read_u32(v, at::LENGTHS),
            name: (flags & at::NAME != 0).then(|| NameRef {
                canon: tables::read_u32(v, at::CANON),
                demonym: flags & at::DEMONYM != 0,
            }),
        })
    }

    /// The gazetteer entry named exactly `key` (tokens joined by spaces).
    pub fn name(&self, key: &str) -> Option<NameRef> {
        let v = self.names.get(key)?;
        Some(NameRef {
            canon: u32::from_le_bytes(v.get(..4)?.try_into().ok()?),
            demonym: v.get(4) == Some(&1),
        })
    }

    /// The gazetteer entry for a name written in capitals ("ISRAEL", "BANK OF AMERICA"): tried
    /// as written (acronyms) and in title case with small words in lower case. Only names of at
    /// least three letters, so that "US" is not the pronoun "us".
    pub fn upper_name(&self, key: &str) -> Option<NameRef> {
        if key.chars().filter(|c| c.is_alphabetic()).count() < 3 {
            return None;
        }
        // A name of several words starts with a pair of `multi_first_two` (as written, or its
        // first two words in title case): most keys in capitals start none, and are neither
        // looked up nor written out in title case.
        let Some(two) = key
            .match_indices(' ')
            .nth(1)
            .map_or(key.contains(' ').then_some(key), |(at, _)| key.get(..at))
        else {
            return self.name(key).or_else(|| self.name(&title_case(key)));
        };
        let as_written = || {
            self.starts_name_of_two_or_more(two)
                .then(|| self.name(key))
                .flatten()
        };
        as_written().or_else(|| {
            self.starts_name_of_two_or_more(&title_case(two))
                .then(|| self.name(&title_case(key)))
                .flatten()
        })
    }

    /// The entity a name refers to.
    pub fn canon(&self, r: NameRef) -> Canon {
        self.canon_of(r.canon)
    }

    /// The kind of the entity a name refers to: [`Knowledge::canon`]'s kind, without its
    /// name, class and population. A place's kind is in its id, and another entity's is one
    /// byte of its record: the name finder asks this of most gazetteer hits, and the whole
    /// record, its class's and its name's, were reads that mostly missed the cache.
    #[inline]
    pub fn kind(&self, r: NameRef) -> Kind {
        let id = r.canon;
        if id >= PLACE_BASE {
            let at = (id - PLACE_BASE) as usize * PLACE_RECORD;
            return if at + PLACE_RECORD <= self.places.len() {
                Kind::Place
            } else {
                NONE.kind
            };
        }
        let at = id as usize * CANON_RECORD;
        match self.canon.get(at..at + CANON_RECORD) {
            Some(rec) => Kind::ALL
                .get(rec[6] as usize)
                .copied()
                .unwrap_or(Kind::Other),
            None => NONE.kind,
        }
    }

    pub fn canon_of(&self, id: u32) -> Canon {
        if id >= PLACE_BASE {
            let at = (id - PLACE_BASE) as usize * PLACE_RECORD;
            let Some(rec) = self.places.get(at..at + PLACE_RECORD) else {
                return NONE;
            };
            return Canon {
                name: tables::string_at(self.text, rec).unwrap_or(""),
                kind: Kind::Place,
                population: u64::from_le_bytes(rec[8..16].try_into().unwrap_or([0; 8])),
                class: self.class(rec[6]),
            };
        }
        let at = id as usize * CANON_RECORD;
        let Some(rec) = self.canon.get(at..at + CANON_RECORD) else {
            return NONE;
        };
        Canon {
            name: tables::string_at(self.text, rec).unwrap_or(""),
            kind: Kind::ALL
                .get(rec[6] as usize)
                .copied()
                .unwrap_or(Kind::Other),
            population: 0,
            class: self.class(rec[7]),
        }
    }

    /// The class of index `i` in the classes table.
    fn class(&self, i: u8) -> &'static str {
        self.string(self.classes, i.into())
    }

    /// The `i`-th string record of a table of them ("" past its end).
    fn string(&self, records: &'static [u8], i: usize) -> &'static str {
        let at = i * STRING_RECORD;
        (records.get(at..at + STRING_RECORD))
            .and_then(|rec| tables::string_at(self.text, rec))
            .unwrap_or("")
    }

    pub fn is_given_name(&self, w: &str) -> bool {
        self.given.contains(w)
    }

    /// Whose the given name `w` usually is, if the lists say.
    pub fn gender_of_given_name(&self, w: &str) -> Option<Gender> {
        match self.genders.get(w)? {
            b"m" => Some(Gender::Male),
            b"f" => Some(Gender::Female),
            _ => None,
        }
    }

    /// The names that `name` may stand for when it acts ("Kremlin" → "Russia"), first found
    /// first; none if it is no such name.
    pub fn metonym(&self, name: &str) -> impl Iterator<Item = &'static str> + '_ {
        let (first, count) = self.metonyms.get(name).map_or((0, 0), |v| {
            let first = tables::read_u32(v, 0) as usize;
            let count = v.get(4..6).map_or(0, |c| u16::from_le_bytes([c[0], c[1]]));
            (first, usize::from(count))
        });
        (first..first + count).map(|i| self.string(self.metonym_targets, i))
    }

    pub fn is_surname(&self, w: &str) -> bool {
        self.surnames.contains(w)
    }

    /// The word as a common lower-case word, if it is one.
    pub fn lower_word(&self, lowercase: &str) -> Option<LowerWord> {
        let v = self.lower.get(lowercase)?;
        Some(LowerWord {
            zipf: f32::from_bits(u32::from_le_bytes(v.get(..4)?.try_into().ok()?)),
            also_name: v.get(4) == Some(&1),
        })
    }

    /// Whether some title ends with the word `lowercase` ("minister", "secretary").
    pub fn ends_a_title(&self, lowercase: &str) -> bool {
        self.title_last.contains(lowercase)
    }

    /// Whether `lowercase_key` (words joined by spaces, lower case) is a title.
    pub fn is_title(&self, lowercase_key: &str) -> bool {
        self.titles.contains(lowercase_key)
    }

    pub fn is_org_word(&self, w: &str) -> bool {
        self.org_words.contains(w)
    }

    /// The name finder reads whether a word is a place or event word from its bits
    /// ([`Knowledge::word`]), remembered with it.
    #[cfg(test)]
    pub fn is_place_word(&self, w: &str) -> bool {
        self.word(w).is(word::PLACE_WORD)
    }

    #[cfg(test)]
    pub fn is_event_word(&self, w: &str) -> bool {
        self.word(w).is(word::EVENT_WORD)
    }

    /// An organisation, place or event word ("Ministry", "River", "Summit").
    pub fn is_kind_word(&self, w: &str) -> bool {
        self.kind_words.contains(w)
    }

    pub fn is_function_word(&self, lowercase: &str) -> bool {
        self.function_words.contains(lowercase)
    }

    pub fn is_person_cue(&self, w: &str) -> bool {
        self.person_cues.contains(w)
    }

    /// What the word lists say of `key` (nothing if it is in none): one lookup for what
    /// `is_given_name`, `is_surname`, `lower_word`, `is_title`, `is_org_word` (and place,
    /// event, kind), `is_function_word` and `starts_longer_name` each say of it, and whether
    /// some title of several words starts with it ("prime" minister).
    pub fn word(&self, key: &str) -> Word {
        self.words.get(key).map_or(Word::default(), |v| Word {
            bits: v.get(..2).map_or(0, |b| u16::from_le_bytes([b[0], b[1]])),
            zipf: f32::from_bits(tables::read_u32(v, 2)),
        })
    }

    /// What the lists and the gazetteer say of a capitalised word ("Madrid", as
    /// [`tables::is_capitalised_form`]) and of its lower case, by one lookup of `lower`, its
    /// lower case: [`Knowledge::word`] of `lower`, the [`word`] bits of the word, and the
    /// gazetteer entry the word names ([`Knowledge::name`]).
    pub fn capitalised(&self, lower: &[u8]) -> Capitalised {
        use tables::word_value as at;
        let Some(v) = self.words.get_bytes(lower) else {
            return Capitalised::default();
        };
        let u16_at = |i: usize| {
            v.get(i..i + 2)
                .map_or(0, |b| u16::from_le_bytes([b[0], b[1]]))
        };
        let flags = v.get(at::CAPITALISED_FLAGS).copied().unwrap_or(0);
        Capitalised {
            lowered: Word {
                bits: u16_at(at::BITS),
                zipf: f32::from_bits(tables::read_u32(v, at::ZIPF)),
            },
            written: u16_at(at::CAPITALISED_BITS),
            name: (flags & at::NAME != 0).then(|| NameRef {
                canon: tables::read_u32(v, at::CAPITALISED_CANON),
                demonym: flags & at::DEMONYM != 0,
            }),
        }
    }

    /// The kind a common noun gives a name next to it ("the village of X": place).
    pub fn class_noun(&self, w: &str) -> Option<Kind> {
        kind_in(self.class_nouns.get(w)?)
    }

    /// The kind a common noun gives a name after "of", "for" or "at" ("mayor of X": place,
    /// "spokesman for X": organisation).
    pub fn class_noun_of(&self, w: &str) -> Option<Kind> {
        kind_in(self.class_nouns_of.get(w)?)
    }
}

fn kind_in(value: &[u8]) -> Option<Kind> {
    Kind::ALL.get(usize::from(*value.first()?)).copied()
}

#[cfg(test)]
impl Knowledge {
    /// Knowledge compiled when asked, for tests of small knowledge bases; its tables live as
    /// long as the program, as the built-in ones do.
    pub fn parse(src: &super::compile::Sources) -> Knowledge {
        let (bytes, text) = super::compile::compile(src);
        Knowledge::from_tables(bytes.leak(), text.leak())
    }
}

#[cfg(test)]
pub mod tests;
