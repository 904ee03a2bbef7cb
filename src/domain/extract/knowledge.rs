//! What the extractor knows before reading: gazetteers and word lists, parsed once.
//!
//! The files are built into the binary (`include_str!`) and parsed on first use. Parsing is
//! lenient: `#` comments, blank lines, missing or extra columns are all fine, so the data can
//! grow without touching the code.

use std::borrow::Cow;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::sorted::SortedColumn;
use super::token::{self, Token};
use crate::domain::entity::Kind;

/// A real-world entity the gazetteers know, under its canonical name.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Canon {
    pub name: &'static str,
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

/// Keys borrow from the built-in text where they can: parsing must be fast, because it runs on
/// every start of the program.
type Key = Cow<'static, str>;

/// "BANK OF AMERICA" → "Bank of America": each word capitalised, small words in lower case.
pub(super) fn title_case(key: &str) -> String {
    const SMALL: &[&str] = &[
        "of", "the", "and", "de", "du", "des", "la", "le", "al", "for", "on",
    ];
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

/// Canonical ids from here on are lines of the places file.
const PLACE_BASE: u32 = 1 << 31;

#[derive(Default)]
pub struct Knowledge {
    /// Countries, organisations and groups; places are read from `places` on demand.
    canon: Vec<Canon>,
    places: Option<SortedColumn>,
    /// Every name but the main names of places (which `places` finds).
    names: HashMap<Key, NameRef>,
    /// The longest gazetteer name in words, to bound matching.
    pub max_name_words: usize,
    /// First words of the names of several words: matching tries longer names only there.
    multi_first: HashSet<Key>,
    /// The first two words of the names of several words: most capitalised pairs start none,
    /// and then no longer name needs to be looked up.
    multi_first_two: HashSet<Key>,
    given: Option<SortedColumn>,
    surnames: Option<SortedColumn>,
    lower: Option<SortedColumn>,
    titles: HashSet<String>,
    /// First words (lower case) of the titles of several words.
    title_first: HashSet<String>,
    pub max_title_words: usize,
    org_words: HashSet<&'static str>,
    place_words: HashSet<&'static str>,
    event_words: HashSet<&'static str>,
    /// Organisation, place and event words together: one lookup where any of them will do.
    kind_words: HashSet<&'static str>,
    function_words: HashSet<&'static str>,
    person_cues: HashSet<&'static str>,
    class_nouns: HashMap<&'static str, Kind>,
    class_nouns_of: HashMap<&'static str, Kind>,
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

/// The first cells of a row; missing cells are empty, extra cells ignored.
type Row<'a> = [&'a str; 6];

/// Rows of a TAB-separated file, comments and blank lines skipped, cells trimmed. No
/// allocation per row: this runs over every built-in line at start-up.
fn rows(text: &str) -> impl Iterator<Item = Row<'_>> {
    split_bytes(text, b'\n')
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut row: Row = [""; 6];
            for (cell, value) in row.iter_mut().zip(split_bytes(l, b'\t')) {
                *cell = value.trim();
            }
            (!row[0].is_empty()).then_some(row)
        })
}

/// `str::split` on an ASCII byte, with memchr: `split(char)` compares each match with a
/// library call, which dominated start-up.
fn split_bytes(text: &str, sep: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let r = rest?;
        match memchr::memchr(sep, r.as_bytes()) {
            Some(i) => {
                rest = Some(&r[i + 1..]);
                Some(&r[..i])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// The `|`-separated list in a cell.
fn list<'a>(row: &Row<'a>, col: usize) -> impl Iterator<Item = &'a str> {
    split_bytes(row[col], b'|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

fn word_set(text: &'static str) -> HashSet<&'static str> {
    split_bytes(text, b'\n')
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| split_bytes(l, b'\t').next().map(str::trim))
        .filter(|w| !w.is_empty())
        .collect()
}

/// The lookup key of a name: its tokens joined by single spaces, as the text is matched.
pub fn key_of(name: &str) -> String {
    let mut toks = Vec::new();
    token::tokenize(name, &mut toks);
    join_tokens(name, &toks)
}

/// The key of a built-in name, borrowed when the name is already its own key (plain words
/// separated by single spaces), which is nearly always.
fn static_key(name: &'static str) -> Key {
    // Plain: letters and digits, with single spaces, hyphens or apostrophes between them.
    let b = name.as_bytes();
    let mut prev_space = true;
    let ascii_plain = b.iter().all(|&c| {
        let ok = c.is_ascii_alphanumeric() || (c == b' ' && !prev_space);
        prev_space = c == b' ';
        ok
    }) && !prev_space;
    if ascii_plain {
        return Cow::Borrowed(name);
    }
    let mut prev_joiner = true;
    let plain = name.chars().all(|c| {
        let joiner = c == ' ' || c == '-' || c == '\'';
        let ok = c.is_alphanumeric() || (joiner && !prev_joiner);
        prev_joiner = joiner;
        ok
    }) && !prev_joiner
        && !name.contains("'s ")
        && !name.ends_with("'s");
    if plain {
        Cow::Borrowed(name)
    } else {
        Cow::Owned(key_of(name))
    }
}

pub fn join_tokens(line: &str, toks: &[Token]) -> String {
    let span = match (toks.first(), toks.last()) {
        (Some(a), Some(b)) => b.end.saturating_sub(a.start),
        _ => 0,
    };
    let mut key = String::with_capacity(span + 1);
    for t in toks {
        // A possessive inside a name ("Korean People's Army") is written one way, attached.
        if t.shape == token::Shape::Possessive {
            key.push_str(if t.text(line).ends_with(['s', 'S']) {
                "'s"
            } else {
                "'"
            });
            continue;
        }
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
    pub fn parse(src: &Sources<'static>) -> Knowledge {
        let mut k = Knowledge::default();
        // Sized up front: growing tables rehash and touch fresh pages, the bulk of start-up.
        let count = |t: &str, b: u8| memchr::memchr_iter(b, t.as_bytes()).count();
        let name_count = count(src.countries, b'\n') * 6
            + count(src.places, b'|')
            + count(src.organizations, b'\n') * 3
            + count(src.groups, b'\n') * 4;
        k.names.reserve(name_count);
        for row in rows(src.countries) {
            let name = row[0];
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
            let name = row[0];
            let id = k.add_canon(name, Kind::Organization, 0);
            k.add_name(name, id, false);
            for alias in list(&row, 1) {
                k.add_name(alias, id, false);
            }
        }
        for row in rows(src.groups) {
            let name = row[0];
            let id = k.add_canon(name, Kind::Group, 0);
            k.add_name(name, id, false);
            for form in list(&row, 1) {
                k.add_name(form, id, false);
            }
        }
        let places = SortedColumn::new(src.places);
        for i in 0..places.len() {
            let line = places.line(i);
            let id = PLACE_BASE + i as u32;
            let name = places.key(i);
            if !matches!(static_key(name), Cow::Borrowed(_)) {
                // Names that tokenise differently ("'Afak") are found through the table.
                k.add_name(name, id, false);
            } else {
                k.note_words(&Cow::Borrowed(name));
            }
            // Alternative names are the fifth column: only rows with one are split.
            let alt_names = memchr::memchr_iter(b'\t', line.as_bytes())
                .nth(3)
                .is_some_and(|tab| !line[tab + 1..].trim().is_empty());
            if alt_names {
                let row = rows(line).next().unwrap_or([""; 6]);
                for alt in list(&row, 4) {
                    k.add_name(alt, id, false);
                }
            }
        }
        k.places = Some(places);
        k.given = Some(SortedColumn::new(src.given_names));
        k.surnames = Some(SortedColumn::new(src.surnames));
        k.lower = Some(SortedColumn::new(src.lowercase_words));
        for row in rows(src.titles) {
            let title = row[0];
            let key = key_of(title).to_lowercase();
            let n = key.split(' ').count();
            if !key.is_empty() {
                k.max_title_words = k.max_title_words.max(n);
                if let Some((first, _)) = key.split_once(' ') {
                    k.title_first.insert(first.to_string());
                }
                k.titles.insert(key);
            }
        }
        k.org_words = word_set(src.org_words);
        k.place_words = word_set(src.place_words);
        k.event_words = word_set(src.event_words);
        k.kind_words = (k.org_words.iter())
            .chain(&k.place_words)
            .chain(&k.event_words)
            .copied()
            .collect();
        k.function_words = word_set(src.function_words);
        k.person_cues = word_set(src.person_cues);
        for row in rows(src.class_nouns) {
            if let Some(kind) = Kind::parse(row[1]) {
                k.class_nouns.insert(row[0], kind);
            }
            if let Some(kind) = Kind::parse(row[2]) {
                k.class_nouns_of.insert(row[0], kind);
            }
        }
        k
    }

    fn add_canon(&mut self, name: &'static str, kind: Kind, population: u64) -> u32 {
        self.canon.push(Canon {
            name,
            kind,
            population,
        });
        (self.canon.len() - 1) as u32
    }

    fn add_name(&mut self, surface: &'static str, canon: u32, demonym: bool) {
        let key = static_key(surface);
        if key.is_empty() {
            return;
        }
        let new = NameRef { canon, demonym };
        self.note_words(&key);
        let new_rank = self.rank(new);
        match self.names.get(&key) {
            Some(&old) if self.rank(old) >= new_rank => {}
            _ => {
                self.names.insert(key, new);
            }
        }
    }

    /// Records how many words a name has, and its first word if it has several.
    fn note_words(&mut self, key: &Key) {
        let words = key.bytes().filter(|&b| b == b' ').count() + 1;
        self.max_name_words = self.max_name_words.max(words);
        if let Some((first, _)) = key.split_once(' ') {
            let first = match key {
                Cow::Borrowed(k) => Cow::Borrowed(&k[..first.len()]),
                Cow::Owned(_) => Cow::Owned(first.to_string()),
            };
            self.multi_first.insert(first);
            let two = key.match_indices(' ').nth(1).map_or(key.len(), |(i, _)| i);
            let two = match key {
                Cow::Borrowed(k) => Cow::Borrowed(&k[..two]),
                Cow::Owned(k) => Cow::Owned(k[..two].to_string()),
            };
            self.multi_first_two.insert(two);
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

    fn rank(&self, r: NameRef) -> (u8, u64) {
        let c = self.canon(r);
        priority(c.kind, r.demonym, c.population)
    }

    /// The gazetteer entry named exactly `key` (tokens joined by spaces).
    pub fn name(&self, key: &str) -> Option<NameRef> {
        let table = self.names.get(key).copied();
        let place = self.places.as_ref().and_then(|p| {
            p.find(key)
                .map(|i| NameRef {
                    canon: PLACE_BASE + i as u32,
                    demonym: false,
                })
                .max_by_key(|r| self.rank(*r).1)
        });
        match (table, place) {
            (Some(t), Some(p)) => Some(if self.rank(p) > self.rank(t) { p } else { t }),
            (t, p) => t.or(p),
        }
    }

    /// The entity a name refers to.
    pub fn canon(&self, r: NameRef) -> Canon {
        self.canon_of(r.canon)
    }

    pub fn canon_of(&self, id: u32) -> Canon {
        if id >= PLACE_BASE {
            let line = self
                .places
                .as_ref()
                .map_or("", |p| p.line((id - PLACE_BASE) as usize));
            let row = rows(line).next().unwrap_or([""; 6]);
            return Canon {
                name: row[0],
                kind: Kind::Place,
                population: row[3].parse().unwrap_or(0),
            };
        }
        self.canon.get(id as usize).copied().unwrap_or(Canon {
            name: "",
            kind: Kind::Other,
            population: 0,
        })
    }

    pub fn is_given_name(&self, w: &str) -> bool {
        self.given.as_ref().is_some_and(|c| c.contains(w))
    }

    pub fn is_surname(&self, w: &str) -> bool {
        self.surnames.as_ref().is_some_and(|c| c.contains(w))
    }

    /// The word as a common lower-case word, if it is one.
    pub fn lower_word(&self, lowercase: &str) -> Option<LowerWord> {
        let col = self.lower.as_ref()?;
        let i = col.find(lowercase).next()?;
        let row = rows(col.line(i)).next()?;
        Some(LowerWord {
            zipf: row[1].parse().unwrap_or(3.0),
            also_name: row[2] == "1",
        })
    }

    /// Whether some title of several words starts with `lowercase` ("prime" minister).
    pub fn starts_longer_title(&self, lowercase: &str) -> bool {
        self.title_first.contains(lowercase)
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

    /// The kind a common noun gives a name next to it ("the village of X": place).
    pub fn class_noun(&self, w: &str) -> Option<Kind> {
        self.class_nouns.get(w).copied()
    }

    /// The kind a common noun gives a name after "of", "for" or "at" ("mayor of X": place,
    /// "spokesman for X": organisation).
    pub fn class_noun_of(&self, w: &str) -> Option<Kind> {
        self.class_nouns_of.get(w).copied()
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
                    minister\t5.0\t1\nprime\t4.8\t0\nsupport\t5.5\t0\nsenior\t4.9\t0\n",
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
}
