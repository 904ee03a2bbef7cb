//! What the extractor knows before reading: gazetteers and word lists, parsed once.
//!
//! The files are built into the binary (`include_str!`) and parsed on first use. Parsing is
//! lenient: `#` comments, blank lines, missing or extra columns are all fine, so the data can
//! grow without touching the code.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::token::{self, Token};
use crate::domain::entity::Kind;

/// A real-world entity the gazetteers know, under its canonical name.
#[derive(Debug, Clone, PartialEq)]
pub struct Canon {
    pub name: String,
    pub kind: Kind,
    /// For places: how many people live there (0 if unknown); decides ambiguous names.
    pub population: u64,
}

/// What a surface form refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameRef {
    pub canon: u32,
    /// A demonym ("Israeli") rather than a name of the country itself.
    pub demonym: bool,
}

/// A common English word: how often it is written (Zipf scale) and whether it is also a name.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LowerWord {
    pub zipf: f32,
    pub also_name: bool,
}

#[derive(Debug, Default)]
pub struct Knowledge {
    pub canon: Vec<Canon>,
    names: HashMap<String, NameRef>,
    upper_names: HashMap<String, NameRef>,
    /// The longest gazetteer name in words, to bound matching.
    pub max_name_words: usize,
    given: HashSet<String>,
    surnames: HashSet<String>,
    lower: HashMap<String, LowerWord>,
    titles: HashSet<String>,
    pub max_title_words: usize,
    org_words: HashSet<String>,
    place_words: HashSet<String>,
    event_words: HashSet<String>,
    function_words: HashSet<String>,
    person_cues: HashSet<String>,
    class_nouns: HashMap<String, Kind>,
}

/// The text of every knowledge file; any may be empty.
#[derive(Debug, Default, Clone, Copy)]
pub struct Sources<'a> {
    pub countries: &'a str,
    pub places: &'a str,
    pub organizations: &'a str,
    pub groups: &'a str,
    pub given_names: &'a str,
    pub surnames: &'a str,
    pub lowercase_words: &'a str,
    pub titles: &'a str,
    pub org_words: &'a str,
    pub place_words: &'a str,
    pub event_words: &'a str,
    pub function_words: &'a str,
    pub person_cues: &'a str,
    pub class_nouns: &'a str,
}

/// The knowledge built into the binary.
pub fn builtin() -> &'static Knowledge {
    static K: OnceLock<Knowledge> = OnceLock::new();
    K.get_or_init(|| Knowledge::parse(&builtin_sources()))
}

pub fn builtin_sources() -> Sources<'static> {
    Sources {
        countries: include_str!("../../../assets/gazetteer/countries.tsv"),
        places: include_str!("../../../assets/gazetteer/places.tsv"),
        organizations: include_str!("../../../assets/gazetteer/organizations.tsv"),
        groups: include_str!("../../../assets/gazetteer/groups.tsv"),
        given_names: include_str!("../../../assets/gazetteer/given_names.txt"),
        surnames: include_str!("../../../assets/gazetteer/surnames.txt"),
        lowercase_words: include_str!("../../../assets/gazetteer/lowercase_words.tsv"),
        titles: include_str!("../../../assets/gazetteer/titles.txt"),
        org_words: include_str!("../../../assets/rules/org_words.txt"),
        place_words: include_str!("../../../assets/rules/place_words.txt"),
        event_words: include_str!("../../../assets/rules/event_words.txt"),
        function_words: include_str!("../../../assets/rules/function_words.txt"),
        person_cues: include_str!("../../../assets/rules/person_cues.txt"),
        class_nouns: include_str!("../../../assets/rules/class_nouns.tsv"),
    }
}

/// Rows of a TAB-separated file, comments and blank lines skipped, cells trimmed.
fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// The `|`-separated list in a cell (missing cells give nothing).
fn list<'a>(row: &[&'a str], col: usize) -> impl Iterator<Item = &'a str> {
    row.get(col)
        .copied()
        .unwrap_or("")
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

fn word_set(text: &str) -> HashSet<String> {
    rows(text)
        .filter_map(|r| r.first().map(|w| w.to_string()))
        .filter(|w| !w.is_empty())
        .collect()
}

/// The lookup key of a name: its tokens joined by single spaces, as the text is matched.
pub fn key_of(name: &str) -> String {
    let mut toks = Vec::new();
    token::tokenize(name, &mut toks);
    join_tokens(name, &toks)
}

pub fn join_tokens(line: &str, toks: &[Token]) -> String {
    let mut key = String::with_capacity(line.len());
    for t in toks {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(t.text(line));
    }
    key
}

/// How strongly a gazetteer entry claims a surface form that several entries share.
fn priority(kind: Kind, demonym: bool, population: u64) -> (u8, u64) {
    let rank = match (kind, demonym) {
        (Kind::Country, false) => 5,
        (Kind::Country, true) => 4,
        (Kind::Organization, _) => 3,
        (Kind::Group, _) => 2,
        _ => 1,
    };
    (rank, population)
}

impl Knowledge {
    pub fn parse(src: &Sources) -> Knowledge {
        let mut k = Knowledge::default();
        for row in rows(src.countries) {
            let Some(&name) = row.first() else { continue };
            let id = k.add_canon(name, Kind::Country, 0);
            k.add_name(name, id, false);
            for alias in list(&row, 1) {
                k.add_name(alias, id, false);
            }
            for demonym in list(&row, 2) {
                k.add_name(demonym, id, true);
            }
        }
        for row in rows(src.organizations) {
            let Some(&name) = row.first() else { continue };
            let id = k.add_canon(name, Kind::Organization, 0);
            k.add_name(name, id, false);
            for alias in list(&row, 1) {
                k.add_name(alias, id, false);
            }
        }
        for row in rows(src.groups) {
            let Some(&name) = row.first() else { continue };
            let id = k.add_canon(name, Kind::Group, 0);
            k.add_name(name, id, false);
            for form in list(&row, 1) {
                k.add_name(form, id, false);
            }
        }
        for row in rows(src.places) {
            let Some(&name) = row.first() else { continue };
            let population = row.get(3).and_then(|p| p.parse().ok()).unwrap_or(0);
            let id = k.add_canon(name, Kind::Place, population);
            k.add_name(name, id, false);
            for alt in list(&row, 4) {
                k.add_name(alt, id, false);
            }
        }
        k.given = word_set(src.given_names);
        k.surnames = word_set(src.surnames);
        for row in rows(src.lowercase_words) {
            let Some(&word) = row.first() else { continue };
            let zipf = row.get(1).and_then(|z| z.parse().ok()).unwrap_or(3.0);
            let also_name = row.get(2).is_some_and(|c| *c == "1");
            k.lower
                .insert(word.to_lowercase(), LowerWord { zipf, also_name });
        }
        for row in rows(src.titles) {
            let Some(&title) = row.first() else { continue };
            let key = key_of(title).to_lowercase();
            let n = key.split(' ').count();
            if !key.is_empty() {
                k.max_title_words = k.max_title_words.max(n);
                k.titles.insert(key);
            }
        }
        k.org_words = word_set(src.org_words);
        k.place_words = word_set(src.place_words);
        k.event_words = word_set(src.event_words);
        k.function_words = word_set(src.function_words);
        k.person_cues = word_set(src.person_cues);
        for row in rows(src.class_nouns) {
            if let (Some(noun), Some(kind)) = (row.first(), row.get(1).and_then(|k| Kind::parse(k)))
            {
                k.class_nouns.insert(noun.to_string(), kind);
            }
        }
        k
    }

    fn add_canon(&mut self, name: &str, kind: Kind, population: u64) -> u32 {
        self.canon.push(Canon {
            name: name.to_string(),
            kind,
            population,
        });
        (self.canon.len() - 1) as u32
    }

    fn add_name(&mut self, surface: &str, canon: u32, demonym: bool) {
        let key = key_of(surface);
        if key.is_empty() {
            return;
        }
        let new = NameRef { canon, demonym };
        let words = key.split(' ').count();
        self.max_name_words = self.max_name_words.max(words);
        // A headline in capitals still names countries and organisations ("ISRAEL"); only
        // names of at least three letters, so that "US" is not the pronoun "us".
        if key.chars().filter(|c| c.is_alphabetic()).count() >= 3 {
            let upper = key.to_uppercase();
            self.insert_ranked(true, upper, new);
        }
        self.insert_ranked(false, key, new);
    }

    fn insert_ranked(&mut self, upper: bool, key: String, new: NameRef) {
        let rank = |r: &NameRef, k: &Knowledge| {
            let c = &k.canon[r.canon as usize];
            priority(c.kind, r.demonym, c.population)
        };
        let new_rank = rank(&new, self);
        let map = if upper {
            &self.upper_names
        } else {
            &self.names
        };
        let keep_old = map.get(&key).is_some_and(|old| rank(old, self) >= new_rank);
        if !keep_old {
            let map = if upper {
                &mut self.upper_names
            } else {
                &mut self.names
            };
            map.insert(key, new);
        }
    }

    /// The gazetteer entry named exactly `key` (tokens joined by spaces).
    pub fn name(&self, key: &str) -> Option<NameRef> {
        self.names.get(key).copied()
    }

    /// The gazetteer entry for a name written in capitals ("ISRAEL").
    pub fn upper_name(&self, key: &str) -> Option<NameRef> {
        self.upper_names.get(key).copied()
    }

    pub fn canon(&self, r: NameRef) -> &Canon {
        &self.canon[r.canon as usize]
    }

    pub fn is_given_name(&self, w: &str) -> bool {
        self.given.contains(w)
    }

    pub fn is_surname(&self, w: &str) -> bool {
        self.surnames.contains(w)
    }

    /// The word as a common lower-case word, if it is one.
    pub fn lower_word(&self, lowercase: &str) -> Option<LowerWord> {
        self.lower.get(lowercase).copied()
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

    pub fn is_function_word(&self, lowercase: &str) -> bool {
        self.function_words.contains(lowercase)
    }

    pub fn is_person_cue(&self, w: &str) -> bool {
        self.person_cues.contains(w)
    }

    /// The kind a common noun gives a name next to it ("the village of X": place).
    pub fn class_noun(&self, w: &str) -> Option<Kind> {
        self.class_nouns.get(w).copied()
    }
}

#[cfg(test)]
pub mod tests {
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
                    minister\t5.0\t1\nprime\t4.8\t0\nsupport\t5.5\t0\n",
                titles: "Prime Minister\nPresident\nMr.\nMr\nDr.\nForeign Minister\nMinister\nSen.\nGeneral\n",
                ..rules
            })
        })
    }

    fn builtin_rules() -> Sources<'static> {
        let b = builtin_sources();
        Sources {
            org_words: b.org_words,
            place_words: b.place_words,
            event_words: b.event_words,
            function_words: b.function_words,
            person_cues: b.person_cues,
            class_nouns: b.class_nouns,
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
    fn capitalised_headline_forms_need_three_letters() {
        let k = tiny();
        assert!(k.upper_name("ISRAEL").is_some());
        assert!(k.upper_name("US").is_none());
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
        assert_eq!(k.max_title_words, 2);
    }
}
