//! The built-in knowledge as tables read in place: their layout, and lookups in them.
//!
//! `build.rs` compiles the data files (`assets/gazetteer`, `assets/rules`) into two files the
//! binary includes: the tables (`knowledge.bin`) and the text of every name in them
//! (`knowledge.txt`). Nothing is parsed when the program starts; a lookup hashes the word once
//! and compares it with the one key a perfect hash function gives it.
//!
//! This file and `compile.rs` are compiled into the build script as well (by `#[path]`), so
//! they use nothing but the standard library and their sibling `token`.

use super::token::{Shape, Token};

/// The layout of a value of [`Section::Words`]: the key's [`word`] bits (`u16`) and Zipf
/// frequency (`f32` bits); then, for the key capitalised ([`is_capitalised_form`]), its
/// [`word`] bits and the gazetteer entry it names alone (canonical id `u32`, flags `u8`).
pub mod word_value {
    pub const BITS: usize = 0;
    pub const ZIPF: usize = 2;
    pub const CAPITALISED_BITS: usize = 6;
    pub const CAPITALISED_CANON: usize = 8;
    pub const CAPITALISED_FLAGS: usize = 12;
    /// Flags: the capitalised key is a gazetteer name, and that name is a demonym.
    pub const NAME: u8 = 1;
    pub const DEMONYM: u8 = 2;
}

/// The layout of a value of [`Section::MultiFirstTwo`]: the word counts of the names that
/// start with the pair, a bit each (`u32`, [`pair_value::length_bit`]); then the gazetteer
/// entry the pair names by itself (canonical id `u32`, flags `u8`).
pub mod pair_value {
    pub const LENGTHS: usize = 0;
    pub const CANON: usize = 4;
    pub const FLAGS: usize = 8;
    /// Flags: the pair is a gazetteer name, and that name is a demonym.
    pub const NAME: u8 = 1;
    pub const DEMONYM: u8 = 2;

    /// The bit of a name of `words` words: names of 31 words or more share the last one.
    pub fn length_bit(words: usize) -> u32 {
        1 << words.min(31)
    }
}

/// "Madrid", "Tuesday", "St.": an ASCII key with a capital first and no other. Its lower case
/// is a slice of a line in lower case, and the key is its lower case capitalised, so that one
/// lookup of the lower case ([`Section::Words`]) can answer for both.
pub fn is_capitalised_form(key: &[u8]) -> bool {
    key.first().is_some_and(u8::is_ascii_uppercase)
        && key[1..]
            .iter()
            .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
}

/// The tables of the compiled knowledge, in the order they follow the header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Countries, organisations and groups: a [`CANON_RECORD`] each, by canonical id.
    Canon,
    /// Places: a [`PLACE_RECORD`] each, by canonical id less [`PLACE_BASE`].
    Places,
    /// Every gazetteer name → its entry (canonical id `u32`, demonym `u8`).
    Names,
    /// First words of the names of several words.
    MultiFirst,
    /// First two words (joined by a space) of the names of several words → their word counts
    /// and the entry the pair names ([`pair_value`]).
    MultiFirstTwo,
    GivenNames,
    Surnames,
    /// Common lower-case words → Zipf frequency (`f32` bits) and whether also a name (`u8`).
    LowerWords,
    /// Titles, lower case, words joined by spaces.
    Titles,
    OrgWords,
    PlaceWords,
    EventWords,
    /// Organisation, place and event words together.
    KindWords,
    FunctionWords,
    PersonCues,
    /// Class nouns → the kind (an index of `Kind::ALL`, `u8`) of a name next to them.
    ClassNouns,
    /// Class nouns → the kind of a name after "noun of/for/at".
    ClassNounsOf,
    /// What sort each organisation or place is ("company", "city"): a string record (offset
    /// `u32`, length `u16`) each; records of [`Section::Canon`] and [`Section::Places`] hold
    /// an index here (0: the gazetteer does not say).
    Classes,
    /// Given names → whose they usually are (`b'm'` or `b'f'`).
    Genders,
    /// Names that stand for a state or an institution → their targets in
    /// [`Section::MetonymTargets`] (first index `u32`, count `u16`).
    Metonyms,
    /// What metonyms stand for: a string record each, a metonym's targets one after another.
    MetonymTargets,
    /// Last words (lower case) of all titles.
    TitleLast,
    /// Every key of the word lists (given names, surnames, common words, titles, kind and
    /// function words, first words of names) → which of them hold it ([`word`] bits, `u16`) and, for a
    /// common word, its Zipf frequency (`f32` bits): one lookup answers what the name finder
    /// asks of a word. A key in lower case also holds what the lists and the gazetteer say of
    /// it capitalised ([`word_value`]), and the lower case of every capitalised key and
    /// gazetteer name is a key.
    Words,
}

/// The lists a key of [`Section::Words`] is in, one bit each.
pub mod word {
    pub const GIVEN_NAME: u16 = 1;
    pub const SURNAME: u16 = 1 << 1;
    /// A common lower-case word ([`super::Section::LowerWords`]); its frequency is stored.
    pub const COMMON: u16 = 1 << 2;
    /// A common word that is also a name.
    pub const ALSO_NAME: u16 = 1 << 3;
    /// A title (lower case, words joined by spaces).
    pub const TITLE: u16 = 1 << 4;
    /// The first word of a title of several words.
    pub const TITLE_FIRST: u16 = 1 << 5;
    pub const ORG_WORD: u16 = 1 << 6;
    pub const PLACE_WORD: u16 = 1 << 7;
    pub const EVENT_WORD: u16 = 1 << 8;
    pub const FUNCTION_WORD: u16 = 1 << 9;
    /// The first word of a gazetteer name of several words ([`super::Section::MultiFirst`]).
    pub const STARTS_NAME: u16 = 1 << 10;
    /// The last word of a title ([`super::Section::TitleLast`]): a key that ends with no such
    /// word is no title.
    pub const TITLE_LAST: u16 = 1 << 11;
    /// The second word of a gazetteer name of several words, as written and without a
    /// possessive attached: a pair of words whose second word is none starts no name.
    pub const SECOND_OF_NAME: u16 = 1 << 12;
    /// Organisation, place or event word.
    pub const KIND_WORD: u16 = ORG_WORD | PLACE_WORD | EVENT_WORD;
}

impl Section {
    pub const ALL: [Section; 23] = [
        Section::Canon,
        Section::Places,
        Section::Names,
        Section::MultiFirst,
        Section::MultiFirstTwo,
        Section::GivenNames,
        Section::Surnames,
        Section::LowerWords,
        Section::Titles,
        Section::OrgWords,
        Section::PlaceWords,
        Section::EventWords,
        Section::KindWords,
        Section::FunctionWords,
        Section::PersonCues,
        Section::ClassNouns,
        Section::ClassNounsOf,
        Section::Classes,
        Section::Genders,
        Section::Metonyms,
        Section::MetonymTargets,
        Section::TitleLast,
        Section::Words,
    ];
}

/// Bytes of the header: a magic word, each section's offset and length, then the longest
/// name and the longest title in words.
pub const HEADER: usize = 4 + Section::ALL.len() * 8 + 8;
pub const MAGIC: u32 = u32::from_le_bytes(*b"DRK4");

/// Canonical ids from here on are places.
pub const PLACE_BASE: u32 = 1 << 31;

/// Country, organisation or group: name (offset `u32`, length `u16` in the text), kind `u8`,
/// class `u8` (an index of [`Section::Classes`]).
pub const CANON_RECORD: usize = 8;
/// Place: name (offset `u32`, length `u16`), class `u8`, a spare byte, population `u64`.
pub const PLACE_RECORD: usize = 16;
/// A string of the text: offset `u32` and length `u16`.
pub const STRING_RECORD: usize = 6;

/// A string the tables point to: offset and length in the text.
pub fn string_at<'a>(text: &'a str, record: &[u8]) -> Option<&'a str> {
    let at = u32::from_le_bytes(record[0..4].try_into().ok()?) as usize;
    let len = u16::from_le_bytes(record[4..6].try_into().ok()?) as usize;
    text.get(at..at + len)
}

pub fn read_u32(bytes: &[u8], at: usize) -> u32 {
    bytes
        .get(at..at + 4)
        .map_or(0, |b| u32::from_le_bytes(b.try_into().unwrap_or([0; 4])))
}

fn read_u64(bytes: &[u8], at: usize) -> u64 {
    bytes
        .get(at..at + 8)
        .map_or(0, |b| u64::from_le_bytes(b.try_into().unwrap_or([0; 8])))
}

/// Where each section lies in the tables (checked to be inside them).
pub fn sections(bytes: &[u8]) -> Option<[&[u8]; Section::ALL.len()]> {
    if bytes.len() < HEADER || read_u32(bytes, 0) != MAGIC {
        return None;
    }
    let mut out: [&[u8]; Section::ALL.len()] = [&[]; Section::ALL.len()];
    for (i, slot) in out.iter_mut().enumerate() {
        let at = read_u32(bytes, 4 + i * 8) as usize;
        let len = read_u32(bytes, 8 + i * 8) as usize;
        *slot = bytes.get(at..at.checked_add(len)?)?;
    }
    Some(out)
}

/// The longest name and the longest title, in words.
pub fn max_words(bytes: &[u8]) -> (usize, usize) {
    let at = 4 + Section::ALL.len() * 8;
    (
        read_u32(bytes, at) as usize,
        read_u32(bytes, at + 4) as usize,
    )
}

pub fn join_tokens(line: &str, toks: &[Token]) -> String {
    let span = match (toks.first(), toks.last()) {
        (Some(a), Some(b)) => b.end.saturating_sub(a.start),
        _ => 0,
    };
    let mut key = String::with_capacity(span + 1);
    for t in toks {
        // A possessive inside a name ("Korean People's Army") is written one way, attached.
        if t.shape == Shape::Possessive {
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

const K: u64 = 0x9E37_79B9_7F4A_7C15;

pub(super) fn word_at(key: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(key[at..at + 8].try_into().unwrap_or([0; 8]))
}

/// Eight bytes that, with its length, tell a key of up to eight bytes from every other: the
/// first eight bytes, or for a shorter key overlapping reads that cover all of it.
#[inline]
pub fn short_form(key: &[u8]) -> u64 {
    let n = key.len();
    if n >= 8 {
        word_at(key, 0)
    } else if n >= 4 {
        let half = |at: usize| u32::from_le_bytes(key[at..at + 4].try_into().unwrap_or([0; 4]));
        u64::from(half(0)) | u64::from(half(n - 4)) << 32
    } else if n > 0 {
        u64::from(key[0]) << 16 | u64::from(key[n / 2]) << 8 | u64::from(key[n - 1])
    } else {
        0
    }
}

/// A 64-bit hash of a string whose [`short_form`] is `short`: one multiplication for a key
/// of up to eight bytes, one more for each further eight. Its high bits pick the bucket and,
/// multiplied again with the pilot, the slot; a key is always compared in full, so the hash
/// only has to spread the keys (the build tries another seed if it does not).
#[inline]
pub fn hash(key: &[u8], short: u64, seed: u64) -> u64 {
    let n = key.len();
    let mut h = (short ^ seed).wrapping_mul(K).wrapping_add(n as u64);
    let mut at = 8;
    while at < n {
        // The last word overlaps the one before it rather than being padded.
        h = (h.rotate_left(29) ^ word_at(key, at.min(n - 8))).wrapping_mul(K);
        at += 8;
    }
    h ^ (h >> 32)
}

/// `x` scaled into `0..n` by its high bits (no division).
fn scale(x: u64, n: u64) -> usize {
    ((u128::from(x) * u128::from(n)) >> 64) as usize
}

/// The bucket of a hash among `buckets`.
pub fn bucket(h: u64, buckets: u64) -> usize {
    scale(h, buckets)
}

/// The slot a hash goes to among `slots`, displaced by its bucket's pilot.
pub fn slot(h: u64, pilot: u16, slots: u64) -> usize {
    let x = h ^ (u64::from(pilot) + 1).wrapping_mul(K);
    scale(x.wrapping_mul(0xd6e8_feb8_6659_fd93), slots)
}

/// A byte of a key's hash kept per slot, so that most lookups of a word that is not a key
/// are answered from a small array (one byte a slot, where the records take twenty) that
/// stays in the cache. Never 0, which marks an empty slot.
#[inline]
pub fn tag(h: u64) -> u8 {
    (h as u8).max(1)
}

/// Bytes before a map's pilots: seed `u64`, buckets, slots, value size (`u32` each).
pub const MAP_HEADER: usize = 20;
/// Bytes of a slot before its value: the key's [`short_form`] `u64`, its offset `u32` and
/// length `u16` in the text (length 0: an empty slot).
pub const SLOT_KEY: usize = 14;

/// A perfect hash map from strings to fixed-size values, read in place.
///
/// Layout: [`MAP_HEADER`], one `u16` pilot per bucket, one [`tag`] per slot, then the slots.
/// A key's hash picks its bucket, and the bucket's pilot its slot; every key of the map has a
/// slot of its own, so a lookup compares one key at most, and a key of up to eight bytes
/// without reading the text.
#[derive(Clone, Copy)]
pub struct StrMap<'a> {
    seed: u64,
    buckets: u64,
    slots: u64,
    record: usize,
    pilots: &'a [[u8; 2]],
    tags: &'a [u8],
    records: &'a [u8],
    text: &'a [u8],
}

impl<'a> StrMap<'a> {
    /// The map in `bytes`, its keys in `text`; an empty map if the bytes do not hold one.
    pub fn new(bytes: &'a [u8], text: &'a str) -> StrMap<'a> {
        let empty = StrMap {
            seed: 0,
            buckets: 0,
            slots: 0,
            record: SLOT_KEY,
            pilots: &[],
            tags: &[],
            records: &[],
            text: text.as_bytes(),
        };
        let buckets = read_u32(bytes, 8) as usize;
        let slots = read_u32(bytes, 12) as usize;
        let record = SLOT_KEY + read_u32(bytes, 16) as usize;
        let pilots_end = MAP_HEADER + buckets * 2;
        let tags_end = pilots_end + slots;
        let end = tags_end + slots * record;
        if buckets == 0 || slots == 0 || bytes.len() < end {
            return empty;
        }
        StrMap {
            seed: read_u64(bytes, 0),
            buckets: buckets as u64,
            slots: slots as u64,
            record,
            pilots: bytes[MAP_HEADER..pilots_end].as_chunks().0,
            tags: &bytes[pilots_end..tags_end],
            records: &bytes[tags_end..end],
            ..empty
        }
    }

    /// The value stored for `key`.
    #[inline]
    pub fn get(&self, key: &str) -> Option<&'a [u8]> {
        self.get_bytes(key.as_bytes())
    }

    /// The value stored for the key of these bytes.
    #[inline]
    pub fn get_bytes(&self, key: &[u8]) -> Option<&'a [u8]> {
        if key.is_empty() {
            return None;
        }
        let short = short_form(key);
        let h = hash(key, short, self.seed);
        // An empty map has no pilots.
        let pilot = u16::from_le_bytes(*self.pilots.get(bucket(h, self.buckets))?);
        let at = slot(h, pilot, self.slots);
        if *self.tags.get(at)? != tag(h) {
            return None;
        }
        let at = at * self.record;
        let rec = &self.records[at..at + self.record];
        let stored = u64::from_le_bytes(rec[..8].try_into().unwrap_or([0; 8]));
        let len = u16::from_le_bytes([rec[12], rec[13]]) as usize;
        if len != key.len() || stored != short {
            return None;
        }
        if len > 8 {
            let start = u32::from_le_bytes([rec[8], rec[9], rec[10], rec[11]]) as usize;
            if self.text.get(start + 8..start + len) != Some(&key[8..]) {
                return None;
            }
        }
        Some(&rec[SLOT_KEY..])
    }

    pub fn contains(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
}
