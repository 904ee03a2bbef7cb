//! Compiles the knowledge files into the tables of `tables.rs`.
//!
//! Run by `build.rs` on the built-in files, and by tests on small knowledge bases of their
//! own. Reading is lenient: `#` comments, blank lines, missing or extra columns are all fine,
//! so the data can grow without touching the code. A big list that arrives unsorted is sorted
//! here (its line order decides canonical ids and ties).
//!
//! Only the standard library and the siblings `tables` and `token`: this file is part of the
//! build script too. It runs unoptimised there, on every change of the data, so it stays
//! simple and linear.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::tables::{self, PLACE_BASE, Section, word};
use super::token;

/// Kinds as the tables store them (an index here); the order of `Kind::ALL`.
pub const KIND_NAMES: [&str; 8] = [
    "person",
    "organization",
    "country",
    "group",
    "place",
    "date",
    "number",
    "other",
];

/// The lookup key of a name: its tokens joined by single spaces, as the text is matched.
pub fn key_of(name: &str) -> String {
    let mut toks = Vec::new();
    token::tokenize(name, &mut toks);
    tables::join_tokens(name, &toks)
}

/// The text of every knowledge file; any may be empty.
#[derive(Debug, Default, Clone, Copy)]
pub struct Sources<'a> {
    pub countries: &'a str,
    pub places: &'a str,
    pub organizations: &'a str,
    pub groups: &'a str,
    pub given_names: &'a str,
    pub given_name_genders: &'a str,
    pub surnames: &'a str,
    pub lowercase_words: &'a str,
    pub titles: &'a str,
    pub org_words: &'a str,
    pub place_words: &'a str,
    pub event_words: &'a str,
    pub function_words: &'a str,
    pub person_cues: &'a str,
    pub class_nouns: &'a str,
    pub metonyms: &'a str,
}

/// The first cells of a row; missing cells are empty, extra cells ignored.
type Row<'a> = [&'a str; 6];

/// Rows of a TAB-separated file, comments and blank lines skipped, cells trimmed.
fn rows(text: &str) -> impl Iterator<Item = Row<'_>> {
    text.split('\n')
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut row: Row = [""; 6];
            for (cell, value) in row.iter_mut().zip(l.split('\t')) {
                *cell = value.trim();
            }
            (!row[0].is_empty()).then_some(row)
        })
}

/// The `|`-separated list in a cell.
fn list<'a>(row: &Row<'a>, col: usize) -> impl Iterator<Item = &'a str> {
    row[col].split('|').map(str::trim).filter(|s| !s.is_empty())
}

fn word_set(text: &str) -> Vec<&str> {
    text.split('\n')
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next().map(str::trim))
        .filter(|w| !w.is_empty())
        .collect()
}

/// A big list's lines with a key (first cell, ASCII-trimmed, not a comment), sorted by key
/// (stably: lines of the same key keep their order).
fn sorted_lines(text: &str) -> Vec<(&str, &str)> {
    let mut lines: Vec<(&str, &str)> = text
        .split('\n')
        .filter_map(|line| {
            let cell = line.split('\t').next().unwrap_or("");
            let key = cell.trim_ascii();
            (!key.is_empty() && !key.starts_with('#')).then(|| (key, line.trim_end_matches('\r')))
        })
        .collect();
    if !lines.is_sorted_by(|a, b| a.0 <= b.0) {
        lines.sort_by(|a, b| a.0.cmp(b.0));
    }
    lines
}

/// The key of a name: the name itself when it is plain, else its tokens joined by spaces.
fn name_key(name: &str) -> String {
    if is_plain(name) {
        name.to_string()
    } else {
        key_of(name)
    }
}

/// Plain: words of letters and digits with single spaces, hyphens or apostrophes between
/// them, no possessive; the tokenizer gives such a name back as its key.
fn is_plain(name: &str) -> bool {
    let mut prev_joiner = true;
    name.chars().all(|c| {
        let joiner = c == ' ' || c == '-' || c == '\'';
        let ok = c.is_alphanumeric() || (joiner && !prev_joiner);
        prev_joiner = joiner;
        ok
    }) && !prev_joiner
        && !name.contains("'s ")
        && !name.ends_with("'s")
}

#[derive(Clone, Copy, PartialEq, Eq)]
struct NameRef {
    canon: u32,
    demonym: bool,
}

/// The knowledge as read, before it is laid out in tables.
#[derive(Default)]
struct Read<'a> {
    /// Countries, organisations and groups: name, kind (an index of `KIND_NAMES`) and class
    /// (an index of `classes`).
    canon: Vec<(&'a str, u8, u8)>,
    /// Places by canonical id less `PLACE_BASE`: name, population and class.
    places: Vec<(&'a str, u64, u8)>,
    /// What sort of organisation or place an entry is, each once; the first is "" (not said).
    classes: Vec<&'a str>,
    /// Whether ranking may use the population of places yet. Names were ranked while places
    /// were still being read, all at population 0 (the first place of a name keeps it).
    populations_known: bool,
    names: HashMap<String, NameRef>,
    max_name_words: usize,
    multi_first: HashSet<String>,
    /// Second words of the names of several words, as written and with a possessive
    /// attached to them stripped.
    multi_second: HashSet<String>,
    /// The first two words of the names of several words → the word counts of those names,
    /// a bit each ([`tables::pair_value`]).
    multi_first_two: HashMap<String, u32>,
}

const COUNTRY: u8 = 2;
const ORGANIZATION: u8 = 1;
const GROUP: u8 = 3;
const PLACE: u8 = 4;

impl<'a> Read<'a> {
    fn rank(&self, r: NameRef) -> (u8, u64) {
        let (kind, population) = if r.canon >= PLACE_BASE {
            let population = if self.populations_known {
                self.places[(r.canon - PLACE_BASE) as usize].1
            } else {
                0
            };
            (PLACE, population)
        } else {
            (self.canon[r.canon as usize].1, 0)
        };
        let rank = match (kind, r.demonym) {
            (COUNTRY, false) => 5,
            (COUNTRY, true) => 4,
            (ORGANIZATION, _) => 3,
            (GROUP, _) => 2,
            _ => 1,
        };
        (rank, population)
    }

    fn add_canon(&mut self, name: &'a str, kind: u8, class: &'a str) -> u32 {
        let class = self.class(class);
        self.canon.push((name, kind, class));
        (self.canon.len() - 1) as u32
    }

    /// The index of a class, added if new.
    fn class(&mut self, class: &'a str) -> u8 {
        if self.classes.is_empty() {
            self.classes.push("");
        }
        let at = match self.classes.iter().position(|c| *c == class) {
            Some(at) => at,
            None => {
                self.classes.push(class);
                self.classes.len() - 1
            }
        };
        u8::try_from(at).expect("more than 255 classes of organisations and places")
    }

    /// A surface form of an entry: it keeps the entry of highest rank (the first of equals).
    fn add_name(&mut self, surface: &str, canon: u32, demonym: bool) {
        let key = name_key(surface);
        if key.is_empty() {
            return;
        }
        let new = NameRef { canon, demonym };
        self.note_words(&key);
        let keep_old = self
            .names
            .get(&key)
            .is_some_and(|&old| self.rank(old) >= self.rank(new));
        if !keep_old {
            self.names.insert(key, new);
        }
    }

    /// Records how many words a name has, and its first words if it has several.
    fn note_words(&mut self, key: &str) {
        let words = key.bytes().filter(|&b| b == b' ').count() + 1;
        self.max_name_words = self.max_name_words.max(words);
        if let Some((first, _)) = key.split_once(' ') {
            // The first token: "Workers" of "Workers' Party", "People" of "People's Party".
            let first = first
                .strip_suffix("'s")
                .or_else(|| first.strip_suffix('\''))
                .unwrap_or(first);
            self.multi_first.insert(first.to_string());
            if let Some(second) = key.split(' ').nth(1) {
                let stripped = second
                    .strip_suffix("'s")
                    .or_else(|| second.strip_suffix('\''))
                    .unwrap_or(second);
                self.multi_second.insert(second.to_string());
                self.multi_second.insert(stripped.to_string());
            }
            let two = key.match_indices(' ').nth(1).map_or(key.len(), |(i, _)| i);
            *self
                .multi_first_two
                .entry(key[..two].to_string())
                .or_default() |= tables::pair_value::length_bit(words);
        }
    }
}

/// The tables of `src` and the text they point into.
pub fn compile(src: &Sources) -> (Vec<u8>, String) {
    let mut k = Read::default();
    for row in rows(src.countries) {
        let id = k.add_canon(row[0], COUNTRY, "country");
        k.add_name(row[0], id, false);
        for alias in list(&row, 1) {
            k.add_name(alias, id, false);
        }
        for demonym in list(&row, 2) {
            k.add_name(demonym, id, true);
        }
    }
    for row in rows(src.organizations) {
        let id = k.add_canon(row[0], ORGANIZATION, row[2]);
        k.add_name(row[0], id, false);
        for alias in list(&row, 1) {
            k.add_name(alias, id, false);
        }
    }
    for row in rows(src.groups) {
        let id = k.add_canon(row[0], GROUP, "");
        k.add_name(row[0], id, false);
        for form in list(&row, 1) {
            k.add_name(form, id, false);
        }
    }
    // Places: a name in the table only when it tokenises differently ("'Afak") or is an
    // alternative name; the main names are merged in below, by population.
    let places = sorted_lines(src.places);
    for (i, &(name, line)) in places.iter().enumerate() {
        let row = rows(line).next().unwrap_or([""; 6]);
        let class = k.class(row[1]);
        k.places.push((row[0], row[3].parse().unwrap_or(0), class));
        let id = PLACE_BASE + i as u32;
        if is_plain(name) {
            k.note_words(name);
        } else {
            k.add_name(name, id, false);
        }
        for alt in list(&row, 4) {
            k.add_name(alt, id, false);
        }
    }
    k.populations_known = true;
    // A place under its own name: the most populous of that name (the last of equals), unless
    // an entry of the table outranks it.
    let mut place_of: HashMap<&str, NameRef> = HashMap::new();
    for (i, &(name, _)) in places.iter().enumerate() {
        let new = NameRef {
            canon: PLACE_BASE + i as u32,
            demonym: false,
        };
        match place_of.get(name) {
            Some(&old) if k.rank(old).1 > k.rank(new).1 => {}
            _ => {
                place_of.insert(name, new);
            }
        }
    }
    let mut names: Vec<(String, NameRef)> = k.names.iter().map(|(n, r)| (n.clone(), *r)).collect();
    for n in &mut names {
        if let Some(&p) = place_of.get(n.0.as_str())
            && k.rank(p) > k.rank(n.1)
        {
            n.1 = p;
        }
    }
    names.extend(
        (place_of.iter())
            .filter(|(n, _)| !k.names.contains_key(**n))
            .map(|(n, r)| (n.to_string(), *r)),
    );

    let mut out = Out::default();
    let canon = (k.canon.iter())
        .map(|&(name, kind, class)| {
            let mut rec = out.string(name).to_vec();
            rec.extend([kind, class]);
            rec
        })
        .collect::<Vec<_>>();
    let place_records = (k.places.iter())
        .map(|&(name, population, class)| {
            let mut rec = out.string(name).to_vec();
            rec.extend([class, 0]);
            rec.extend(population.to_le_bytes());
            rec
        })
        .collect::<Vec<_>>();
    let classes = (k.classes.iter()).flat_map(|c| out.string(c)).collect();
    let mut sections: Vec<(Section, Vec<u8>)> = vec![
        (Section::Canon, canon.concat()),
        (Section::Places, place_records.concat()),
        (Section::Classes, classes),
    ];
    let name_values = names.iter().map(|(n, r)| {
        let mut v = r.canon.to_le_bytes().to_vec();
        v.push(u8::from(r.demonym));
        (n.as_str(), v)
    });
    sections.push((Section::Names, out.map(name_values)));
    sections.push((Section::MultiFirst, out.set(&k.multi_first)));
    let mut words = Words::default();
    for first in &k.multi_first {
        words.add(&[first], word::STARTS_NAME);
    }
    for second in &k.multi_second {
        words.add(&[second], word::SECOND_OF_NAME);
    }
    let named: HashMap<&str, NameRef> = names.iter().map(|(n, r)| (n.as_str(), *r)).collect();
    let pairs = (k.multi_first_two.iter()).map(|(pair, &lengths)| {
        let mut v = lengths.to_le_bytes().to_vec();
        let r = named.get(pair.as_str());
        v.extend(r.map_or(0, |r| r.canon).to_le_bytes());
        v.push(match r {
            None => 0,
            Some(r) if r.demonym => tables::pair_value::NAME | tables::pair_value::DEMONYM,
            Some(_) => tables::pair_value::NAME,
        });
        (pair.as_str(), v)
    });
    sections.push((Section::MultiFirstTwo, out.map(pairs)));
    let keys = |text| sorted_lines(text).into_iter().map(|(key, _)| key);
    let given: Vec<&str> = keys(src.given_names).collect();
    words.add(&given, word::GIVEN_NAME);
    sections.push((Section::GivenNames, out.set(&given)));
    sections.push((Section::Genders, out.map(genders(src.given_name_genders))));
    let surnames: Vec<&str> = keys(src.surnames).collect();
    words.add(&surnames, word::SURNAME);
    sections.push((Section::Surnames, out.set(&surnames)));
    let common = lower_words(src.lowercase_words);
    for (key, value) in &common {
        words.add_common(key, value);
    }
    sections.push((Section::LowerWords, out.map(common)));

    let mut titles = Vec::new();
    let mut title_first = Vec::new();
    let mut title_last = Vec::new();
    let mut max_title_words = 0;
    for row in rows(src.titles) {
        let key = key_of(row[0]).to_lowercase();
        if !key.is_empty() {
            max_title_words = key.split(' ').count().max(max_title_words);
            if let Some((first, _)) = key.split_once(' ') {
                title_first.push(first.to_string());
            }
            if let Some(last) = key.rsplit(' ').next() {
                title_last.push(last.to_string());
            }
            titles.push(key);
        }
    }
    words.add(&titles, word::TITLE);
    words.add(&title_first, word::TITLE_FIRST);
    sections.push((Section::Titles, out.set(&titles)));
    words.add(&title_last, word::TITLE_LAST);
    sections.push((Section::TitleLast, out.set(&title_last)));
    let (org, place, event) = (
        word_set(src.org_words),
        word_set(src.place_words),
        word_set(src.event_words),
    );
    words.add(&org, word::ORG_WORD);
    words.add(&place, word::PLACE_WORD);
    words.add(&event, word::EVENT_WORD);
    sections.push((Section::OrgWords, out.set(&org)));
    sections.push((Section::PlaceWords, out.set(&place)));
    sections.push((Section::EventWords, out.set(&event)));
    sections.push((
        Section::KindWords,
        out.set(org.iter().chain(&place).chain(&event)),
    ));
    let (function, cues) = (word_set(src.function_words), word_set(src.person_cues));
    words.add(&function, word::FUNCTION_WORD);
    sections.push((Section::FunctionWords, out.set(&function)));
    sections.push((Section::PersonCues, out.set(&cues)));
    words.add_capitalised_forms(&names);
    sections.push((Section::Words, out.map(words.entries())));
    let (mut nouns, mut nouns_of) = (HashMap::new(), HashMap::new());
    for row in rows(src.class_nouns) {
        if let Some(kind) = kind_code(row[1]) {
            nouns.insert(row[0], vec![kind]);
        }
        if let Some(kind) = kind_code(row[2]) {
            nouns_of.insert(row[0], vec![kind]);
        }
    }
    sections.push((Section::ClassNouns, out.map(nouns)));
    sections.push((Section::ClassNounsOf, out.map(nouns_of)));
    let (mut metonyms, mut targets) = (Vec::new(), Vec::new());
    for row in rows(src.metonyms) {
        let first = (targets.len() / tables::STRING_RECORD) as u32;
        let mut count = 0u16;
        for target in list(&row, 1) {
            targets.extend(out.string(target));
            count += 1;
        }
        let mut v = first.to_le_bytes().to_vec();
        v.extend(count.to_le_bytes());
        metonyms.push((row[0], v));
    }
    sections.push((Section::Metonyms, out.map(metonyms)));
    sections.push((Section::MetonymTargets, targets));
    (
        layout(&sections, k.max_name_words, max_title_words),
        out.text,
    )
}

/// The keys of the word lists with the lists that hold each ([`Section::Words`]).
#[derive(Default)]
struct Words {
    of: BTreeMap<String, WordEntry>,
}

/// What [`Section::Words`] holds for one key.
#[derive(Default)]
struct WordEntry {
    /// The key's [`word`] bits.
    bits: u16,
    /// For a common word, the Zipf frequency's bits.
    zipf: u32,
    /// For a key in lower case: the [`word`] bits of the key capitalised ("madrid" →
    /// "Madrid"), and the gazetteer entry that names ([`tables::is_capitalised_form`]).
    capitalised_bits: u16,
    capitalised_name: Option<NameRef>,
}

impl Words {
    fn add<S: AsRef<str>>(&mut self, keys: &[S], bit: u16) {
        for key in keys {
            // As the lists' own maps: an empty key is no key.
            if !key.as_ref().is_empty() {
                self.of.entry(key.as_ref().to_string()).or_default().bits |= bit;
            }
        }
    }

    /// A common word with its value in [`Section::LowerWords`]: frequency, then whether it is
    /// also a name.
    fn add_common(&mut self, key: &str, value: &[u8]) {
        if key.is_empty() {
            return;
        }
        let entry = self.of.entry(key.to_string()).or_default();
        entry.bits |= word::COMMON;
        if value.get(4) == Some(&1) {
            entry.bits |= word::ALSO_NAME;
        }
        entry.zipf = tables::read_u32(value, 0);
    }

    /// What the lists and the gazetteer say of each capitalised key ("Madrid"), kept with its
    /// lower case too: most capitalised words are then answered by one lookup. Called once
    /// every list is in.
    fn add_capitalised_forms(&mut self, names: &[(String, NameRef)]) {
        let listed: Vec<(String, u16)> = (self.of.iter())
            .filter(|(key, _)| tables::is_capitalised_form(key.as_bytes()))
            .map(|(key, entry)| (key.to_ascii_lowercase(), entry.bits))
            .collect();
        for (lower, bits) in listed {
            self.of.entry(lower).or_default().capitalised_bits = bits;
        }
        for (name, r) in names {
            if tables::is_capitalised_form(name.as_bytes()) {
                let entry = self.of.entry(name.to_ascii_lowercase()).or_default();
                entry.capitalised_name = Some(*r);
            }
        }
    }

    /// The entries of the map, in key order, laid out as [`tables::word_value`] says.
    fn entries(&self) -> Vec<(&str, Vec<u8>)> {
        (self.of.iter())
            .map(|(key, e)| {
                let mut v = e.bits.to_le_bytes().to_vec();
                v.extend(e.zipf.to_le_bytes());
                v.extend(e.capitalised_bits.to_le_bytes());
                let r = e.capitalised_name;
                v.extend(r.map_or(0, |r| r.canon).to_le_bytes());
                v.push(match r {
                    None => 0,
                    Some(r) if r.demonym => tables::word_value::NAME | tables::word_value::DEMONYM,
                    Some(_) => tables::word_value::NAME,
                });
                (key.as_str(), v)
            })
            .collect()
    }
}

fn kind_code(name: &str) -> Option<u8> {
    KIND_NAMES.iter().position(|k| *k == name).map(|i| i as u8)
}

/// Each common word with its frequency and whether it is also a name; the first line of a
/// word counts.
fn lower_words(text: &str) -> Vec<(&str, Vec<u8>)> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (key, line) in sorted_lines(text) {
        if !seen.insert(key) {
            continue;
        }
        if let Some(row) = rows(line).next() {
            let zipf: f32 = row[1].parse().unwrap_or(3.0);
            let mut v = zipf.to_bits().to_le_bytes().to_vec();
            v.push(u8::from(row[2] == "1"));
            out.push((key, v));
        }
    }
    out
}

/// Each given name with whose it usually is (`m` or `f`); the first line of a name counts,
/// other marks are left out.
fn genders(text: &str) -> Vec<(&str, Vec<u8>)> {
    let lines = sorted_lines(text).into_iter();
    let rows = lines.filter_map(|(key, line)| Some((key, rows(line).next()?[1])));
    let mut seen = HashSet::new();
    (rows.filter(|&(key, _)| seen.insert(key)))
        .filter(|&(_, mark)| mark == "m" || mark == "f")
        .map(|(key, mark)| (key, mark.as_bytes().to_vec()))
        .collect()
}

/// The header and the sections one after another.
fn layout(
    sections: &[(Section, Vec<u8>)],
    max_name_words: usize,
    max_title_words: usize,
) -> Vec<u8> {
    let mut out = vec![0u8; tables::HEADER];
    out[0..4].copy_from_slice(&tables::MAGIC.to_le_bytes());
    for (i, section) in Section::ALL.iter().enumerate() {
        let bytes = sections
            .iter()
            .find(|(s, _)| s == section)
            .map_or(&[][..], |(_, b)| b.as_slice());
        let at = out.len() as u32;
        out[4 + i * 8..8 + i * 8].copy_from_slice(&at.to_le_bytes());
        out[8 + i * 8..12 + i * 8].copy_from_slice(&(bytes.len() as u32).to_le_bytes());
        out.extend_from_slice(bytes);
    }
    let at = 4 + Section::ALL.len() * 8;
    out[at..at + 4].copy_from_slice(&(max_name_words as u32).to_le_bytes());
    out[at + 4..at + 8].copy_from_slice(&(max_title_words as u32).to_le_bytes());
    out
}

/// The text the tables point into, each string once, and the maps over it.
#[derive(Default)]
struct Out {
    text: String,
    at: HashMap<String, u32>,
}

impl Out {
    /// Where `s` is in the text (added if new): offset `u32` and length `u16`.
    fn string(&mut self, s: &str) -> [u8; 6] {
        let at = match self.at.get(s) {
            Some(&at) => at,
            None => {
                let at = self.text.len() as u32;
                self.text.push_str(s);
                self.at.insert(s.to_string(), at);
                at
            }
        };
        let len = u16::try_from(s.len()).expect("a knowledge entry longer than 64 KB");
        let mut rec = [0u8; 6];
        rec[..4].copy_from_slice(&at.to_le_bytes());
        rec[4..].copy_from_slice(&len.to_le_bytes());
        rec
    }

    fn set<S: AsRef<str>>(&mut self, keys: impl IntoIterator<Item = S>) -> Vec<u8> {
        let keys: Vec<(String, Vec<u8>)> = (keys.into_iter())
            .map(|k| (k.as_ref().to_string(), Vec::new()))
            .collect();
        self.map(keys)
    }

    /// A perfect hash map of `entries` (a key given twice keeps its first value), values of
    /// one size.
    fn map<S: AsRef<str>>(&mut self, entries: impl IntoIterator<Item = (S, Vec<u8>)>) -> Vec<u8> {
        let mut seen = HashSet::new();
        let mut entries: Vec<(String, Vec<u8>)> = (entries.into_iter())
            .map(|(k, v)| (k.as_ref().to_string(), v))
            .filter(|(k, _)| !k.is_empty() && seen.insert(k.clone()))
            .collect();
        // In key order, so that the same data always gives the same tables.
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        let value_size = entries.first().map_or(0, |(_, v)| v.len());
        assert!(entries.iter().all(|(_, v)| v.len() == value_size));
        let hashes: Vec<&[u8]> = entries.iter().map(|(k, _)| k.as_bytes()).collect();
        let Some((seed, pilots, slots)) = perfect_hash(&hashes) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        out.extend(seed.to_le_bytes());
        out.extend((pilots.len() as u32).to_le_bytes());
        out.extend((slots.len() as u32).to_le_bytes());
        out.extend((value_size as u32).to_le_bytes());
        for p in &pilots {
            out.extend(p.to_le_bytes());
        }
        for s in &slots {
            let key = s.map(|i| entries[i].0.as_bytes());
            out.push(key.map_or(0, |k| {
                tables::tag(tables::hash(k, tables::short_form(k), seed))
            }));
        }
        for s in slots {
            match s {
                Some(i) => {
                    let (key, value) = &entries[i];
                    out.extend(tables::short_form(key.as_bytes()).to_le_bytes());
                    out.extend(self.string(key));
                    out.extend(value);
                }
                None => out.extend(std::iter::repeat_n(0, tables::SLOT_KEY + value_size)),
            }
        }
        out
    }
}

/// Keys to slots, with no two keys in one slot: the seed of the hash, a pilot per bucket and
/// the key (index) in each slot. `None` for no keys.
///
/// Buckets of about four keys, largest first, each given the first pilot that sends all its
/// keys to free slots; a tenth of the slots stays empty so that the last buckets find theirs
/// quickly. A seed with which some bucket finds no pilot (two keys of one hash) is replaced.
fn perfect_hash(keys: &[&[u8]]) -> Option<(u64, Vec<u16>, Vec<Option<usize>>)> {
    if keys.is_empty() {
        return None;
    }
    let n = keys.len();
    let buckets = n.div_ceil(4);
    let slots = n + n / 10 + 1;
    'seed: for seed in 1u64.. {
        let hashes: Vec<u64> = (keys.iter())
            .map(|k| tables::hash(k, tables::short_form(k), seed))
            .collect();
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); buckets];
        for (i, &h) in hashes.iter().enumerate() {
            members[tables::bucket(h, buckets as u64)].push(i);
        }
        let mut order: Vec<usize> = (0..buckets).collect();
        order.sort_by_key(|&b| std::cmp::Reverse(members[b].len()));
        let mut pilots = vec![0u16; buckets];
        let mut taken: Vec<Option<usize>> = vec![None; slots];
        let mut places = Vec::new();
        for b in order {
            if members[b].is_empty() {
                break;
            }
            let found = (0..=u16::MAX).find(|&p| {
                places.clear();
                for &i in &members[b] {
                    let s = tables::slot(hashes[i], p, slots as u64);
                    if taken[s].is_some() || places.contains(&s) {
                        return false;
                    }
                    places.push(s);
                }
                true
            });
            let Some(p) = found else {
                continue 'seed;
            };
            pilots[b] = p;
            for (&i, &s) in members[b].iter().zip(&places) {
                taken[s] = Some(i);
            }
        }
        return Some((seed, pilots, taken));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::entity::Kind;
    use crate::domain::extract::tables::StrMap;

    #[test]
    fn a_map_finds_each_key_with_its_value_and_nothing_else() {
        let keys: Vec<String> = (0..5000)
            .map(|i| format!("w{}", i * 7919 % 100_003))
            .collect();
        let mut out = Out::default();
        let bytes = out.map(keys.iter().map(|k| (k, k.len().to_le_bytes().to_vec())));
        let map = StrMap::new(&bytes, &out.text);
        for k in &keys {
            assert_eq!(map.get(k), Some(&k.len().to_le_bytes()[..]), "{k}");
            for miss in [format!("{k}x"), format!("v{}", &k[1..]), k.to_uppercase()] {
                assert!(!map.contains(&miss), "{miss}");
            }
        }
        assert!(!map.contains(""));
        let empty = Out::default().set(Vec::<&str>::new());
        assert!(!StrMap::new(&empty, "").contains("w1"));
    }

    #[test]
    fn kinds_are_stored_as_their_place_in_kind_all() {
        for (i, kind) in Kind::ALL.iter().enumerate() {
            assert_eq!(KIND_NAMES[i], kind.as_str());
        }
        for (code, kind) in [
            (COUNTRY, Kind::Country),
            (ORGANIZATION, Kind::Organization),
            (GROUP, Kind::Group),
            (PLACE, Kind::Place),
        ] {
            assert_eq!(Kind::ALL[code as usize], kind);
        }
    }

    #[test]
    fn the_same_data_gives_the_same_tables() {
        let src = Sources {
            countries: "Norway\tKingdom of Norway\tNorwegian|Norwegians\n",
            places: "Oslo\tcity\tNO\t700000\tKristiania|Christiania\n",
            given_names: "Ingrid\nOla\nKari\n",
            ..Sources::default()
        };
        assert_eq!(compile(&src), compile(&src));
    }
}
