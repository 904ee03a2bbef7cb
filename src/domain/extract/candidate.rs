//! A candidate mention found while reading, with the evidence about its kind.
//!
//! Candidates are collected over the whole document; the kind of each name is decided only at
//! the end (`cluster`), when every mention of it has been seen.

use std::borrow::Cow;

use super::tables::{short_form, word_at};
use crate::domain::entity::Kind;

/// How strongly a piece of evidence types a name. Higher wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Strength {
    /// A guess from context ("in X", an acronym).
    Weak = 1,
    /// Name structure (a known given name, "said", an org word like "University").
    Good = 2,
    /// The gazetteer or a title ("Prime Minister X").
    Strong = 3,
}

/// What a candidate is, as far as reading it in place tells.
#[derive(Debug, Clone, PartialEq)]
pub enum Reading {
    /// A gazetteer entry: canonical entity index, and whether it is a demonym.
    Known { canon: u32, demonym: bool },
    /// A name not in the gazetteer, with the best guess at its kind (None: no idea).
    Name {
        guess: Option<(Kind, Strength)>,
        /// Its first word started a sentence and is a word that is also common in lower case:
        /// kept only if the document shows it as a name elsewhere.
        doubtful_start: bool,
    },
    /// A date or a figure, with its normalised form (the cluster key); `None` when that is the
    /// key itself, as it mostly is (no string to make).
    Value { kind: Kind, norm: Option<String> },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Candidate<'a> {
    /// Byte offsets into the document.
    pub start: usize,
    pub end: usize,
    /// The words of the name joined by single spaces (the clustering key for names): mostly
    /// a slice of the line it was found in, which is interned at the end of the line, so
    /// that a candidate costs no string of its own.
    pub key: Cow<'a, str>,
    pub reading: Reading,
    /// The acronym defined right after it, as in "the United Nations (UN)".
    pub defines: Option<String>,
}

/// `candidates` emptied, as a vector of candidates of another lifetime with the same buffer:
/// the candidates of a line borrow its text, and one buffer serves line after line. (Collecting
/// an emptied vector's iterator into one of the same layout reuses its allocation.)
// Twice a line: inlined, the collection of nothing is a few moves.
#[inline]
pub fn recycled<'b>(mut candidates: Vec<Candidate<'_>>) -> Vec<Candidate<'b>> {
    candidates.clear();
    candidates.into_iter().map(|_| unreachable!()).collect()
}

/// One copy of each distinct string the candidates use (keys, values, acronyms), by id.
#[derive(Debug, Default)]
pub struct Strings {
    /// Each string's entry, found by the hash of its ends ([`Ends::hash`]).
    table: hashbrown::HashTable<Entry>,
    /// The strings one after another, and where each is (by id): one allocation for all.
    text: String,
    spans: Vec<(u32, u32)>,
    forms: Forms,
}

/// The forms (a string with a reading) by id, numbered as they first appear, and found from
/// their string: each string's forms are chained, the last made first. A string is read in
/// few ways, so the chain is short, and a new string's first form is made without a search
/// (as a map of forms searched for every new string, a cache miss each time).
#[derive(Debug, Default)]
struct Forms {
    forms: Vec<Form>,
    /// By string id: its last form made, or `NO_FORM`.
    last: Vec<u32>,
    /// By form id: the form of the same string made before it, or `NO_FORM`.
    earlier: Vec<u32>,
}

/// A string's entry: its length and ends, enough to tell a string of up to sixteen bytes (most
/// names) without reading the string, and where it starts.
#[derive(Debug)]
struct Entry {
    ends: Ends,
    start: u32,
    interned: Interned,
}

/// A string's length and the bytes at its ends: for up to sixteen bytes every byte is among
/// them (a string's hash reads the same bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Ends {
    len: usize,
    first: u64,
    last: u64,
}

impl Ends {
    fn of(s: &[u8]) -> Ends {
        let len = s.len();
        // With the length, the first word tells a string of up to eight bytes apart (as the
        // word lists' keys are told), and the last eight bytes the rest of one up to sixteen.
        let last = if len > 8 { word_at(s, len - 8) } else { 0 };
        Ends {
            len,
            first: short_form(s),
            last,
        }
    }
}

impl Ends {
    /// A hash of the length and end bytes: of every byte of a string of up to sixteen, and
    /// computed from what [`Ends::of`] read already. Longer strings with the same ends (rare
    /// among names) share a hash and are told apart by [`Entry::holds`]; the table is grown
    /// without reading a string.
    fn hash(self) -> u64 {
        // The multiplier of the Fx hash; each rotation brings a product's best mixed high
        // bits down, where the table's index is taken.
        const K: u64 = 0xf135_7aea_2e62_a9c5;
        let mix = |h: u64, word: u64| (h ^ word).wrapping_mul(K).rotate_left(26);
        mix(mix(mix(0, self.first), self.last), self.len as u64)
    }
}

impl Entry {
    /// Whether this is the entry of `s`, whose ends are `ends`; `text` holds the strings.
    fn holds(&self, text: &str, ends: Ends, s: &str) -> bool {
        self.ends == ends && (ends.len <= 16 || text_at(text, self.start, ends.len) == s)
    }
}

/// A string's id, with the form it was last read as (`NO_FORM` if none yet): a name is mostly
/// read the same way each time it comes back, and then its form is known without a second
/// hash lookup (two lookups per candidate were a tenth of the reading's time, most of it
/// waiting on memory).
#[derive(Debug, Clone, Copy)]
struct Interned {
    id: u32,
    form: u32,
    reading: Packed,
}

const NO_FORM: u32 = u32::MAX;

/// The entry of `s` in `table`, made if it is new (its text added to `text`, where `spans`
/// says it is).
fn interned_in<'t>(
    table: &'t mut hashbrown::HashTable<Entry>,
    text: &mut String,
    spans: &mut Vec<(u32, u32)>,
    forms: &mut Forms,
    s: &str,
) -> &'t mut Interned {
    let ends = Ends::of(s.as_bytes());
    let found = table.entry(ends.hash(), |e| e.holds(text, ends, s), |e| e.ends.hash());
    let entry = match found {
        hashbrown::hash_table::Entry::Occupied(at) => at.into_mut(),
        hashbrown::hash_table::Entry::Vacant(at) => {
            let id = u32::try_from(spans.len()).expect("fewer than 2^32 distinct names");
            let start = u32::try_from(text.len()).expect("names of fewer than 4 GB");
            text.push_str(s);
            let end = u32::try_from(text.len()).expect("names of fewer than 4 GB");
            spans.push((start, end));
            forms.last.push(NO_FORM);
            let fresh = Interned {
                id,
                form: NO_FORM,
                reading: Packed::Known {
                    canon: 0,
                    demonym: false,
                },
            };
            at.insert(Entry {
                ends,
                start,
                interned: fresh,
            })
            .into_mut()
        }
    };
    &mut entry.interned
}

fn text_at(text: &str, start: u32, len: usize) -> &str {
    let start = start as usize;
    text.get(start..start + len).unwrap_or("")
}

impl Forms {
    /// The id of form `f`, made if it is new.
    fn id(&mut self, f: Form) -> u32 {
        let last = self.last[f.key as usize];
        let mut at = last;
        while at != NO_FORM {
            if self.forms[at as usize].reading == f.reading {
                return at;
            }
            at = self.earlier[at as usize];
        }
        let id = u32::try_from(self.forms.len()).expect("fewer than 2^32 forms");
        self.forms.push(f);
        self.earlier.push(last);
        self.last[f.key as usize] = id;
        id
    }
}

impl Strings {
    pub fn intern(&mut self, s: &str) -> u32 {
        interned_in(
            &mut self.table,
            &mut self.text,
            &mut self.spans,
            &mut self.forms,
            s,
        )
        .id
    }

    /// The ids of key `s` and of its form with `reading`, as `intern` and `intern_form` give
    /// them, with one hash lookup when the key was last read the same way.
    fn intern_key_form(&mut self, s: &str, reading: impl FnOnce(u32) -> Packed) -> (u32, u32) {
        let Strings {
            table,
            text,
            spans,
            forms,
        } = self;
        let at = interned_in(table, text, spans, forms, s);
        let reading = reading(at.id);
        if at.form == NO_FORM || at.reading != reading {
            at.form = forms.id(Form {
                key: at.id,
                reading,
            });
            at.reading = reading;
        }
        (at.id, at.form)
    }

    /// The id of a (key, reading) pair: one per distinct way a name is read.
    pub fn intern_form(&mut self, f: Form) -> u32 {
        self.forms.id(f)
    }

    pub fn form(&self, id: u32) -> Form {
        self.forms.forms[id as usize]
    }

    pub fn form_count(&self) -> usize {
        self.forms.forms.len()
    }

    /// Reads where the entries of `keys` are, to be interned next, without waiting for what
    /// is read: each lookup of the table misses the cache, and the misses of several keys,
    /// started together, are waited for about as long as one.
    pub fn warm<'k>(&self, keys: impl Iterator<Item = &'k str>) {
        for s in keys {
            let ends = Ends::of(s.as_bytes());
            let text = self.text.as_bytes();
            // Nothing is found: the entries that might hold the key are read, and the text of
            // those of more than sixteen bytes ([`Entry::holds`] reads it), no more.
            let found = self.table.find(ends.hash(), |e| {
                let long = e.ends.len > 16;
                let first = long.then(|| text.get(e.start as usize)).flatten();
                std::hint::black_box(first);
                false
            });
            debug_assert!(found.is_none());
        }
    }

    pub fn get(&self, s: &str) -> Option<u32> {
        let ends = Ends::of(s.as_bytes());
        let text = &self.text;
        self.table
            .find(ends.hash(), |e| e.holds(text, ends, s))
            .map(|e| e.interned.id)
    }

    /// How many distinct strings (ids are `0..count`).
    pub fn count(&self) -> usize {
        self.spans.len()
    }

    pub fn str(&self, id: u32) -> &str {
        let (start, end) = self.spans[id as usize];
        self.text.get(start as usize..end as usize).unwrap_or("")
    }
}

/// `Reading` with its string interned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Packed {
    Known {
        canon: u32,
        demonym: bool,
    },
    Name {
        guess: Option<(Kind, Strength)>,
        doubtful_start: bool,
    },
    Value {
        kind: Kind,
        norm: u32,
    },
}

/// A `Candidate` kept for the whole document: offsets and interned strings. What it defines
/// (rare) is kept apart, as a `Definition`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Compact {
    pub start: u32,
    pub end: u32,
    /// Its key and reading, as a `Form` id.
    pub form: u32,
}

/// A key (string id) with a reading: what clustering needs of a candidate besides its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Form {
    pub key: u32,
    pub reading: Packed,
}

/// A candidate that defines an acronym: its start, its key and the acronym.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Definition {
    pub start: u32,
    pub key: u32,
    pub acronym: u32,
}

impl Compact {
    pub fn new(c: &Candidate<'_>, strings: &mut Strings, defs: &mut Vec<Definition>) -> Compact {
        let (key, form) = match &c.reading {
            Reading::Known { canon, demonym } => {
                strings.intern_key_form(&c.key, |_| Packed::Known {
                    canon: *canon,
                    demonym: *demonym,
                })
            }
            Reading::Name {
                guess,
                doubtful_start,
            } => strings.intern_key_form(&c.key, |_| Packed::Name {
                guess: *guess,
                doubtful_start: *doubtful_start,
            }),
            // The norm is the key itself.
            Reading::Value { kind, norm: None } => {
                strings.intern_key_form(&c.key, |key| Packed::Value {
                    kind: *kind,
                    norm: key,
                })
            }
            Reading::Value {
                kind,
                norm: Some(norm),
            } => {
                let key = strings.intern(&c.key);
                let reading = Packed::Value {
                    kind: *kind,
                    norm: strings.intern(norm),
                };
                (key, strings.intern_form(Form { key, reading }))
            }
        };
        let compact = Compact {
            start: u32::try_from(c.start).expect("offset fits in u32"),
            end: u32::try_from(c.end).expect("offset fits in u32"),
            form,
        };
        if let Some(d) = &c.defines {
            defs.push(Definition {
                start: compact.start,
                key,
                acronym: strings.intern(d),
            });
        }
        compact
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_of_the_same_ends_are_told_apart() {
        let mut strings = Strings::default();
        // The same length, first and last eight bytes: the same hash, not the same string.
        let (a, b) = ("Consolidated Shipping Trust", "Consolidated Shopping Trust");
        let words: Vec<String> = (0..2000).map(|i| format!("Name {i}")).collect();
        let ids: Vec<u32> = [a, b, "", "Oslo", "Oslo Group", "Oslo Group Holdings"]
            .into_iter()
            .chain(words.iter().map(String::as_str))
            .map(|s| strings.intern(s))
            .collect();
        assert_eq!(ids, (0..ids.len() as u32).collect::<Vec<_>>());
        assert_eq!(strings.intern(b), 1);
        assert_eq!(strings.get(a), Some(0));
        assert_eq!(strings.get("Consolidated Sxopping Trust"), None);
        assert_eq!(strings.get("Name 1999"), Some(ids.len() as u32 - 1));
        assert_eq!(strings.str(1), b);
    }

    #[test]
    fn warming_the_table_adds_nothing() {
        let mut strings = Strings::default();
        let long = "Consolidated Shipping Trust";
        let (oslo, trust) = (strings.intern("Oslo"), strings.intern(long));
        strings.warm(["Oslo", "Bergen", long, "Consolidated Shopping Trust"].into_iter());
        assert_eq!(strings.count(), 2);
        assert_eq!(
            (strings.get("Oslo"), strings.get(long)),
            (Some(oslo), Some(trust))
        );
        assert_eq!(strings.intern("Bergen"), 2);
    }

    #[test]
    fn forms_are_numbered_as_they_first_appear() {
        let mut strings = Strings::default();
        let name = |doubtful_start| Packed::Name {
            guess: None,
            doubtful_start,
        };
        let known = Packed::Known {
            canon: 7,
            demonym: false,
        };
        let (oslo, bergen) = (strings.intern("Oslo"), strings.intern("Bergen"));
        let forms: Vec<u32> = [
            (oslo, name(false)),
            (bergen, name(false)),
            (oslo, known),
            (oslo, name(false)),
            (oslo, name(true)),
            (bergen, known),
            (oslo, known),
            (bergen, name(false)),
        ]
        .into_iter()
        .map(|(key, reading)| strings.intern_form(Form { key, reading }))
        .collect();
        assert_eq!(forms, [0, 1, 2, 0, 3, 4, 2, 1]);
        assert_eq!(strings.form_count(), 5);
        assert_eq!(strings.form(3).reading, name(true));
        assert_eq!(strings.form(4).key, bergen);
        // Read as a candidate's key, the string's forms are the same.
        let c = Candidate {
            start: 0,
            end: 4,
            key: Cow::Borrowed("Oslo"),
            reading: Reading::Known {
                canon: 7,
                demonym: false,
            },
            defines: None,
        };
        assert_eq!(Compact::new(&c, &mut strings, &mut vec![]).form, 2);
        assert_eq!(strings.form_count(), 5);
    }

    #[test]
    fn a_recycled_buffer_is_empty_and_keeps_its_allocation() {
        let line = String::from("Oslo and Bergen");
        let mut found = Vec::with_capacity(8);
        found.push(Candidate {
            start: 0,
            end: 4,
            key: Cow::Borrowed(&line[..4]),
            reading: Reading::Name {
                guess: None,
                doubtful_start: false,
            },
            defines: None,
        });
        let capacity = found.capacity();
        let recycled: Vec<Candidate<'static>> = recycled(found);
        assert!(recycled.is_empty());
        assert_eq!(recycled.capacity(), capacity);
    }
}
