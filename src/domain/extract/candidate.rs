//! A candidate mention found while reading, with the evidence about its kind.
//!
//! Candidates are collected over the whole document; the kind of each name is decided only at
//! the end (`cluster`), when every mention of it has been seen.

use std::borrow::Cow;
use std::sync::Arc;

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
pub fn recycled<'b>(mut candidates: Vec<Candidate<'_>>) -> Vec<Candidate<'b>> {
    candidates.clear();
    candidates.into_iter().map(|_| unreachable!()).collect()
}

/// One copy of each distinct string the candidates use (keys, values, acronyms), by id.
#[derive(Debug, Default)]
pub struct Strings {
    /// Shared by the map and the list of strings: one allocation per string, not one each.
    ids: rustc_hash::FxHashMap<Arc<str>, Interned>,
    all: Vec<Arc<str>>,
    form_ids: rustc_hash::FxHashMap<Form, u32>,
    forms: Vec<Form>,
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

impl Strings {
    pub fn intern(&mut self, s: &str) -> u32 {
        self.interned(s).id
    }

    fn interned(&mut self, s: &str) -> Interned {
        if let Some(&at) = self.ids.get(s) {
            return at;
        }
        let id = u32::try_from(self.all.len()).expect("fewer than 2^32 distinct names");
        let shared: Arc<str> = Arc::from(s);
        self.all.push(Arc::clone(&shared));
        let fresh = Interned {
            id,
            form: NO_FORM,
            reading: Packed::Known {
                canon: 0,
                demonym: false,
            },
        };
        self.ids.insert(shared, fresh);
        fresh
    }

    /// The ids of key `s` and of its form with `reading`, as `intern` and `intern_form` give
    /// them, with one hash lookup when the key was last read the same way.
    fn intern_key_form(&mut self, s: &str, reading: impl FnOnce(u32) -> Packed) -> (u32, u32) {
        let at = self.interned(s);
        let reading = reading(at.id);
        if at.form != NO_FORM && at.reading == reading {
            return (at.id, at.form);
        }
        let key = at.id;
        let form = self.intern_form(Form { key, reading });
        let at = self.ids.get_mut(s).expect("interned above");
        at.form = form;
        at.reading = reading;
        (key, form)
    }

    /// The id of a (key, reading) pair: one per distinct way a name is read.
    pub fn intern_form(&mut self, f: Form) -> u32 {
        *self.form_ids.entry(f).or_insert_with(|| {
            self.forms.push(f);
            u32::try_from(self.forms.len() - 1).expect("fewer than 2^32 forms")
        })
    }

    pub fn form(&self, id: u32) -> Form {
        self.forms[id as usize]
    }

    pub fn form_count(&self) -> usize {
        self.forms.len()
    }

    pub fn get(&self, s: &str) -> Option<u32> {
        self.ids.get(s).map(|at| at.id)
    }

    /// How many distinct strings (ids are `0..count`).
    pub fn count(&self) -> usize {
        self.all.len()
    }

    pub fn str(&self, id: u32) -> &str {
        &self.all[id as usize]
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
