//! A candidate mention found while reading, with the evidence about its kind.
//!
//! Candidates are collected over the whole document; the kind of each name is decided only at
//! the end (`cluster`), when every mention of it has been seen.

use crate::domain::entity::Kind;

/// How strongly a piece of evidence types a name. Higher wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
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
    /// A date or a figure, with its normalised form (the cluster key).
    Value { kind: Kind, norm: String },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Byte offsets into the document.
    pub start: usize,
    pub end: usize,
    /// The words of the name joined by single spaces (the clustering key for names).
    pub key: String,
    pub reading: Reading,
    /// The acronym defined right after it, as in "the United Nations (UN)".
    pub defines: Option<String>,
}
