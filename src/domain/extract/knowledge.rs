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
    place_words: StrMap<'static>,
    event_words: StrMap<'static>,
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
            place_words: map(Section::PlaceWords),
            event_words: map(Section::EventWords),
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
        self.name(key).or_else(|| self.name(&title_case(key)))
    }

    /// The entity a name refers to.
    pub fn canon(&self, r: NameRef) -> Canon {
        self.canon_of(r.canon)
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

    pub fn is_place_word(&self, w: &str) -> bool {
        self.place_words.contains(w)
    }

    pub fn is_event_word(&self, w: &str) -> bool {
        self.event_words.contains(w)
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
pub mod tests {
    use std::collections::HashSet;

    use super::super::compile::{Sources, key_of};
    use super::*;

    /// A tiny knowledge base written for the tests of the whole extractor.
    pub fn tiny() -> &'static Knowledge {
        static K: OnceLock<Knowledge> = OnceLock::new();
        K.get_or_init(|| {
            let rules = builtin_rules();
            Knowledge::parse(&Sources {
                countries: "# name\taliases\tdemonyms\tcode\n\
                    Israel\t\tIsraeli|Israelis\tIL\n\
                    United States\tUnited States of America|U.S.|US|USA|America\tAmerican|Americans\tUS\n\
                    Norway\tKingdom of Norway\tNorwegian|Norwegians\tNO\n\
                    Chile\t\tChilean|Chileans\tCL\n\
                    Georgia\t\tGeorgian\tGE\n",
                places: "Oslo\tcity\tNO\t700000\t\n\
                    Gaza\tregion\tPS\t2000000\tGaza Strip\n\
                    Georgia\tregion\tUS\t10000000\n\
                    Valparaíso\tcity\tCL\t300000\n\
                    New York\tcity\tUS\t8000000\tNew York City|NYC\n",
                organizations: "United Nations\tUN|U.N.\tigo\n\
                    Hamas\t\tmilitant\n\
                    World Bank\t\tigo\n",
                groups: "Arab\tArabs\nMuslim\tMuslims\n",
                given_names: "Benjamin\nMaria\nJohn\nTomas\nWill\n",
                surnames: "Ortega\nSmith\n",
                lowercase_words: "the\t7.7\t0\namid\t4.5\t0\nkey\t5.3\t0\nacting\t4.6\t0\n\
                    while\t5.9\t0\nultimately\t4.4\t0\nconvincing\t4.0\t0\nwill\t6.2\t1\n\
                    new\t6.3\t1\nsmith\t4.0\t1\nsaid\t6.2\t0\nofficials\t5.0\t0\n\
                    strong\t5.2\t0\nstorms\t4.1\t0\nhit\t5.2\t0\nhits\t4.6\t0\ncoast\t4.8\t1\n\
                    minister\t5.0\t1\nprime\t4.8\t0\nsupport\t5.5\t0\nsenior\t4.9\t0\n",
                titles: "Prime Minister\nPresident\nMr.\nMr\nDr.\nForeign Minister\nMinister\nSen.\nGeneral\n",
                ..rules
            })
        })
    }

    fn builtin_rules() -> Sources<'static> {
        Sources {
            org_words: include_str!("../../../assets/rules/org_words.txt"),
            place_words: include_str!("../../../assets/rules/place_words.txt"),
            event_words: include_str!("../../../assets/rules/event_words.txt"),
            function_words: include_str!("../../../assets/rules/function_words.txt"),
            person_cues: include_str!("../../../assets/rules/person_cues.txt"),
            class_nouns: include_str!("../../../assets/rules/class_nouns.tsv"),
            metonyms: include_str!("../../../assets/rules/metonyms.tsv"),
            given_name_genders: include_str!("../../../assets/gazetteer/given_name_genders.tsv"),
            ..Sources::default()
        }
    }

    #[test]
    fn names_aliases_and_demonyms_point_to_one_canonical_entry() {
        let k = tiny();
        let us = k.name("United States").unwrap();
        assert_eq!(k.name("U.S.").unwrap().canon, us.canon);
        assert_eq!(k.name("America").unwrap().canon, us.canon);
        let am = k.name("American").unwrap();
        assert!(am.demonym);
        assert_eq!(am.canon, us.canon);
        assert_eq!(k.canon(us).kind, Kind::Country);
    }

    #[test]
    fn a_country_outranks_a_place_of_the_same_name() {
        let k = tiny();
        assert_eq!(k.canon(k.name("Georgia").unwrap()).kind, Kind::Country);
    }

    #[test]
    fn parsing_tolerates_missing_and_extra_columns() {
        let k = Knowledge::parse(&Sources {
            countries: "Peru\n# comment\n\nChad\t\t\t\textra\tcols\n",
            lowercase_words: "word\nother\tnotanumber\t1\n",
            titles: "Chief Executive\n",
            ..Sources::default()
        });
        assert!(k.name("Peru").is_some());
        assert!(k.name("Chad").is_some());
        assert!(k.lower_word("word").is_some());
        assert!(k.lower_word("other").unwrap().also_name);
        assert!(k.is_title("chief executive"));
        let b = builtin();
        for w in ["Ministry", "River", "Summit", "Israel", "minister"] {
            let any = b.is_org_word(w) || b.is_place_word(w) || b.is_event_word(w);
            assert_eq!(b.is_kind_word(w), any, "{w}");
        }
        assert!(b.is_kind_word("Ministry"));
        assert_eq!(k.max_title_words, 2);
        let k = tiny();
        assert!(k.starts_name_of_two_or_more("United States"));
        assert!(k.starts_name_of_two_or_more("New York"));
        assert!(k.starts_name_of_two_or_more("Gaza Strip"));
        assert!(!k.starts_name_of_two_or_more("United Kingdom"));
        assert!(!k.starts_name_of_two_or_more("United"));
    }

    #[test]
    fn the_built_in_tables_are_there() {
        let k = builtin();
        let norway = k.name("Norway").expect("Norway is in the gazetteer");
        assert_eq!(k.canon(norway).kind, Kind::Country);
        assert_eq!(k.canon(k.name("Oslo").unwrap()).name, "Oslo");
        assert!(k.max_name_words >= 4 && k.max_title_words >= 2);
        assert!(k.lower_word("the").is_some_and(|w| w.zipf > 7.0));
        assert!(k.is_function_word("the") && k.is_title("president"));
    }

    #[test]
    fn the_most_populous_place_of_a_name_is_meant_and_a_list_is_sorted_once() {
        let k = Knowledge::parse(&Sources {
            places: "Springfield\tcity\tUS\t100\nSpringfield\tcity\tUS\t900\nAlba\tcity\t\t5\n",
            lowercase_words: "zeta\t3.5\t0\nalpha\t4.25\t1\nalpha\t5\t0\n",
            ..Sources::default()
        });
        let springfield = k.canon(k.name("Springfield").unwrap());
        assert_eq!(
            (springfield.kind, springfield.population),
            (Kind::Place, 900)
        );
        assert_eq!(
            k.lower_word("alpha"),
            Some(LowerWord {
                zipf: 4.25,
                also_name: true
            }),
            "the first line of a word counts"
        );
        assert!(k.lower_word("zeta").is_some() && k.lower_word("beta").is_none());
        // Ids follow the sorted lines: Alba first.
        assert_eq!(k.canon_of(PLACE_BASE).name, "Alba");
        assert_eq!(k.canon_of(PLACE_BASE + 3), NONE, "past the last place");
        assert_eq!(k.canon_of(77), NONE, "past the last entry");
    }

    #[test]
    fn genders_metonyms_classes_and_title_ends_are_compiled() {
        let k = Knowledge::parse(&Sources {
            countries: "Russia\t\tRussian\tRU\n",
            organizations: "Acme\t\tcompany\nLabour Party\tLabour\tparty\nNobody\n",
            places: "Moscow\tcity\tRU\t12000000\nUrals\tregion\tRU\t\n",
            given_name_genders: "Zoe\tf\nAdam\tm\nAdam\tf\nKim\t?\n",
            metonyms: "Kremlin\tRussia|Russian Government\nMoscow\tRussia\n",
            titles: "Prime Minister\nDefence Secretary\nPresident\n",
            ..Sources::default()
        });
        assert_eq!(k.gender_of_given_name("Zoe"), Some(Gender::Female));
        assert_eq!(
            k.gender_of_given_name("Adam"),
            Some(Gender::Male),
            "first line"
        );
        assert_eq!(k.gender_of_given_name("Kim"), None);
        assert_eq!(k.gender_of_given_name("Nobody"), None);
        let targets: Vec<_> = k.metonym("Kremlin").collect();
        assert_eq!(targets, ["Russia", "Russian Government"]);
        assert_eq!(k.metonym("Moscow").collect::<Vec<_>>(), ["Russia"]);
        assert_eq!(k.metonym("Paris").count(), 0);
        let class = |name| k.canon(k.name(name).unwrap()).class;
        assert_eq!(class("Acme"), "company");
        assert_eq!(class("Labour"), "party");
        assert_eq!(class("Nobody"), "");
        assert_eq!(class("Russia"), "country");
        assert_eq!(class("Moscow"), "city");
        assert_eq!(class("Urals"), "region");
        assert!(k.ends_a_title("minister") && k.ends_a_title("secretary"));
        assert!(k.ends_a_title("president") && !k.ends_a_title("prime"));
        let b = builtin();
        assert_eq!(b.gender_of_given_name("Mary"), Some(Gender::Female));
        assert!(b.metonym("Kremlin").next().is_some());
    }

    #[test]
    fn empty_knowledge_knows_nothing() {
        let k = Knowledge::parse(&Sources::default());
        assert!(k.name("Norway").is_none() && k.lower_word("the").is_none());
        assert!(!k.is_given_name("Ola") && !k.is_title("president"));
        assert_eq!(k.max_name_words, 0);
    }

    /// The first words of the titles of several words in `titles`, as `compile` reads them.
    fn title_firsts(titles: &str) -> HashSet<String> {
        (titles.split('\n'))
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let key = key_of(l.split('\t').next()?.trim()).to_lowercase();
                Some(key.split_once(' ')?.0.to_string())
            })
            .collect()
    }

    /// What `word` says of `key` against each list's own lookup (and the first words of the
    /// titles, which have none).
    fn assert_word_agrees(k: &Knowledge, firsts: &HashSet<String>, key: &str) {
        let w = k.word(key);
        assert_eq!(w.is(word::TITLE_FIRST), firsts.contains(key), "{key:?}");
        let each = [
            (word::GIVEN_NAME, k.is_given_name(key)),
            (word::SURNAME, k.is_surname(key)),
            (word::TITLE, k.is_title(key)),
            (word::ORG_WORD, k.is_org_word(key)),
            (word::PLACE_WORD, k.is_place_word(key)),
            (word::EVENT_WORD, k.is_event_word(key)),
            (word::KIND_WORD, k.is_kind_word(key)),
            (word::FUNCTION_WORD, k.is_function_word(key)),
            (word::STARTS_NAME, k.starts_longer_name(key)),
            (word::TITLE_LAST, k.ends_a_title(key)),
        ];
        for (bit, said) in each {
            assert_eq!(w.is(bit), said, "{key:?}, bit {bit}");
        }
        assert_eq!(w.common(), k.lower_word(key), "{key:?}");
        let lower = key.to_ascii_lowercase();
        assert_eq!(
            k.capitalised(lower.as_bytes()).lowered,
            k.word(&lower),
            "{key:?}"
        );
        if tables::is_capitalised_form(key.as_bytes()) {
            let one = k.capitalised(lower.as_bytes());
            assert_eq!(one.written, w.bits, "{key:?}");
            assert_eq!(one.name, k.name(key), "{key:?}");
        }
    }

    /// Keys and near misses of a list's lines: the first cell as written, in lower case, in
    /// capitals, capitalised, a letter longer or shorter, and each of its words.
    fn keys_and_near_misses(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let cell = line.split('\t').next().unwrap_or("").trim();
            if cell.is_empty() {
                continue;
            }
            let mut chars = cell.chars();
            let first = chars.next().map(|c| c.to_uppercase().collect::<String>());
            out.extend([
                cell.to_string(),
                cell.to_lowercase(),
                cell.to_uppercase(),
                first.unwrap_or_default() + chars.as_str(),
                format!("{cell}s"),
                cell.chars().skip(1).collect(),
            ]);
            out.extend(cell.split(' ').map(|w| w.to_lowercase()));
        }
        out
    }

    #[test]
    fn one_word_lookup_answers_as_each_list_does_for_the_built_in_lists() {
        let k = builtin();
        let titles = include_str!("../../../assets/gazetteer/titles.txt");
        let firsts = title_firsts(titles);
        assert!(firsts.contains("prime"));
        let lists = [
            include_str!("../../../assets/gazetteer/given_names.txt"),
            include_str!("../../../assets/gazetteer/surnames.txt"),
            include_str!("../../../assets/gazetteer/lowercase_words.tsv"),
            titles,
            include_str!("../../../assets/rules/org_words.txt"),
            include_str!("../../../assets/rules/place_words.txt"),
            include_str!("../../../assets/rules/event_words.txt"),
            include_str!("../../../assets/rules/function_words.txt"),
            include_str!("../../../assets/rules/person_cues.txt"),
            include_str!("../../../assets/gazetteer/countries.tsv"),
            include_str!("../../../assets/gazetteer/organizations.tsv"),
            include_str!("../../../assets/gazetteer/groups.tsv"),
            include_str!("../../../assets/gazetteer/places.tsv"),
        ];
        let mut keys = 0;
        for list in lists {
            for key in keys_and_near_misses(list) {
                assert_word_agrees(k, &firsts, &key);
                keys += 1;
            }
        }
        assert!(keys > 100_000, "{keys}");
        assert!(k.word("United").is(word::STARTS_NAME) && !k.word("said").is(word::STARTS_NAME));
        // Words of no list: random letters, and the empty word.
        let mut seed = 0x5eed_0f0b_d5d5;
        for _ in 0..20_000 {
            let n = 1 + crate::domain::shuffled::step(&mut seed) % 9;
            let key: String = (0..n)
                .map(|_| char::from(b'a' + (crate::domain::shuffled::step(&mut seed) % 26) as u8))
                .collect();
            assert_word_agrees(k, &firsts, &key);
        }
        assert_eq!(k.word(""), Word::default());
        assert!(k.word("the").is(word::FUNCTION_WORD) && k.word("Ministry").is(word::ORG_WORD));
    }

    #[test]
    fn one_word_lookup_keeps_the_first_line_of_a_common_word() {
        let titles = "Prime Minister\nZeta\n";
        let k = Knowledge::parse(&Sources {
            lowercase_words: "alpha\t4.25\t1\nalpha\t5\t0\nzeta\t3.5\t0\n",
            given_names: "Alpha\nZeta\n",
            titles,
            function_words: "zeta\n",
            ..Sources::default()
        });
        let firsts = title_firsts(titles);
        for key in [
            "alpha",
            "Alpha",
            "zeta",
            "Zeta",
            "prime",
            "minister",
            "prime minister",
            "x",
        ] {
            assert_word_agrees(&k, &firsts, key);
        }
        assert_eq!(k.word("alpha").common().map(|w| w.zipf), Some(4.25));
        assert!(k.word("prime").is(word::TITLE_FIRST) && !k.word("minister").is(word::TITLE_FIRST));
        let tiny_firsts = title_firsts("Prime Minister\nForeign Minister\n");
        assert_word_agrees(tiny(), &tiny_firsts, "will");
        assert_word_agrees(tiny(), &tiny_firsts, "Will");
    }

    #[test]
    fn ascii_keys_are_title_cased_as_any_key_is() {
        for key in [
            "BANK OF AMERICA",
            "GUINEA-BISSAU",
            "THE HAGUE",
            "OF THE",
            "ST. LOUIS",
            "U.S. AND U.K.",
            "PORT OF SPAIN-ON-SEA",
            "AL-QAEDA DE LA",
            "x",
            "",
            "A  B",
            "McDONALD'S 3M",
        ] {
            assert_eq!(ascii_title_case(key), any_title_case(key), "{key:?}");
        }
        assert_eq!(title_case("BANK OF AMERICA"), "Bank of America");
        assert_eq!(title_case("ÉCOLE DE PARIS"), "École de Paris");
    }

    #[test]
    fn capitalised_headline_forms_need_three_letters() {
        let k = tiny();
        assert_eq!(k.upper_name("ISRAEL"), k.name("Israel"));
        assert!(k.upper_name("ISRAEL").is_some());
        assert!(k.upper_name("US").is_none());
        assert_eq!(k.upper_name("NEW YORK"), k.name("New York"));
    }
}
