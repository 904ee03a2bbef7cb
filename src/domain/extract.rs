//! Entity extraction: finds who and what a text mentions, under every name.
//!
//! The extractor is fed the text in pieces (each piece ends at a line end, so no name is cut)
//! and clusters aliases across the whole document when it is finished. Pure and deterministic.
//!
//! Per line: tokens (`token`), then dates (`dates`), names (`names`, with `runs` for where a
//! name starts and ends and `typing` for what it is) and figures (`numbers`), each taking the
//! tokens the previous ones left. At the end `cluster` types every name with the evidence of the
//! whole document and groups aliases into entities. Knowledge (`knowledge`, `tables`) is
//! compiled into tables when the program is built (`compile`, run by `build.rs`). Work is
//! linear in the input: runs and look-aheads are bounded, lookups are hash probes.
//!
//! Conventions (see `assets/rules/README.md`): spans exclude a leading "the" and a possessive;
//! titles are not part of names; a demonym is a mention of its country when it stands for the
//! state ("Israeli officials"), else a nationality group; dates are points in time ("Tuesday",
//! "2023-11-08"), durations and amounts are figures ("three days", "roughly 240 hostages");
//! names that cannot be typed with confidence are `Other`.

mod aliases;
mod candidate;
mod cluster;
#[cfg(test)]
mod compile;
pub mod coref;
mod dates;
mod knowledge;
mod line;
mod memo;
mod names;
mod numbers;
mod runs;
mod tables;
mod token;
mod typing;

use crate::domain::entity::Entity;
use crate::domain::quotes::{self, Quotes};
use candidate::{Candidate, Compact, Definition, Strings};
use knowledge::Knowledge;
use token::Token;

/// What extraction finds in a document: its entities, most important first, and its
/// quotations with their speakers (indices into `entities`).
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub entities: Vec<Entity>,
    pub quotes: Quotes,
}

/// Extraction over a document fed in pieces.
pub struct Extractor {
    k: &'static Knowledge,
    /// Lookups already made in this document.
    memo: memo::Memo,
    /// The candidates of the current line, before they are packed into `found`.
    line_found: Vec<Candidate>,
    found: Vec<Compact>,
    defs: Vec<Definition>,
    strings: Strings,
    toks: Vec<Token>,
    used: Vec<bool>,
    /// How the line before ended, for a date that its last words announce.
    line_end: dates::LineEnd,
    quotes: quotes::Finder,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

impl Extractor {
    pub fn new() -> Extractor {
        Extractor::with_knowledge(knowledge::builtin())
    }

    fn with_knowledge(k: &'static Knowledge) -> Extractor {
        Extractor {
            k,
            memo: memo::Memo::default(),
            line_found: Vec::new(),
            found: Vec::new(),
            defs: Vec::new(),
            strings: Strings::default(),
            toks: Vec::new(),
            used: Vec::new(),
            line_end: dates::LineEnd::default(),
            quotes: quotes::Finder::new(),
        }
    }

    /// Scans `text`, which starts at byte `base` of the document. Pieces must be fed in order
    /// and must not split a line.
    pub fn feed(&mut self, base: usize, text: &str) {
        self.quotes.feed(base, text);
        let mut start = 0;
        while start < text.len() {
            let end = memchr::memchr2(b'\n', b'\r', &text.as_bytes()[start..])
                .map_or(text.len(), |i| start + i);
            if end > start {
                self.line(base + start, &text[start..end]);
            }
            start = end + 1;
        }
    }

    fn line(&mut self, base: usize, line: &str) {
        token::tokenize(line, &mut self.toks);
        self.used.clear();
        self.used.resize(self.toks.len(), false);
        let out = &mut self.line_found;
        out.clear();
        dates::find_after(&self.line_end, line, &self.toks, &mut self.used, base, out);
        self.line_end.remember(line, &self.toks);
        let known = memo::Known::new(self.k, &self.memo);
        names::find(line, &self.toks, &mut self.used, base, known, out);
        numbers::find(line, &self.toks, &mut self.used, base, out);
        // Sorted here, a line at a time, so that the document is sorted when lines come in
        // order (stable: candidates at the same offset keep the order they were found in).
        out.sort_by_key(|c| c.start);
        let (strings, defs) = (&mut self.strings, &mut self.defs);
        self.found
            .extend(out.iter().map(|c| Compact::new(c, strings, defs)));
    }

    /// Clusters the mentions found so far into entities, most important first.
    pub fn finish(self) -> Vec<Entity> {
        self.finish_with_quotes().0
    }

    /// [`Extractor::finish`], with the quotations found (not attributed yet: coreference
    /// comes between, see [`attribute`]).
    pub fn finish_with_quotes(self) -> (Vec<Entity>, quotes::Findings) {
        // What reading needed (remembered lookups, a line's tokens) goes before clustering,
        // the step that needs the most memory.
        drop((
            self.memo,
            self.line_found,
            self.toks,
            self.used,
            self.line_end,
        ));
        let mut found = self.found;
        let mut defs = self.defs;
        if !found.is_sorted_by_key(|c| c.start) {
            found.sort_by_key(|c| c.start);
            defs.sort_by_key(|d| d.start);
        }
        let entities = cluster::cluster(found, &defs, &self.strings, self.k);
        (entities, self.quotes.finish())
    }
}

/// Extracts the entities of a whole text, with their pronouns and descriptions, and its
/// quotations with their speakers.
pub fn extract(text: &str) -> Extraction {
    let mut ex = Extractor::new();
    ex.feed(0, text);
    let (mut entities, findings) = ex.finish_with_quotes();
    coref::link(text.as_bytes(), &mut entities, &findings.direct_spans());
    attribute(entities, findings)
}

/// Gives the quotations their speakers. Quotations are found before coreference (which reads
/// their spans: a pronoun inside one refers within it) and attributed after it (a speaker
/// named "he" or "the spokeswoman" is found through the mentions it adds).
pub fn attribute(entities: Vec<Entity>, findings: quotes::Findings) -> Extraction {
    let (entities, quotes) = quotes::attribute(findings, entities);
    Extraction { entities, quotes }
}

/// Extracts the entities of a document (names, then their pronouns and descriptions) and its
/// quotations, invalid UTF-8 skipped, offsets into its bytes.
pub fn extract_document(doc: &crate::domain::document::Document) -> Extraction {
    extract_document_in_pieces(doc, |_, _| true).unwrap_or_default()
}

/// [`extract_document`] a megabyte at a time (pieces end at line ends), each piece given back
/// once read (see `Document::release`), so that a mapped file is not all counted as this
/// process's memory. `each(bytes, range)` sees every piece once it is read, before its pages
/// are given back (for progress, or to fingerprint the document on the same pass), and stops
/// the extraction by returning false.
pub fn extract_document_in_pieces(
    doc: &crate::domain::document::Document,
    mut each: impl FnMut(&[u8], std::ops::Range<usize>) -> bool,
) -> Option<Extraction> {
    let mut ex = Extractor::new();
    for piece in doc.pieces(0..doc.len(), 1 << 20) {
        let bytes = &doc.bytes()[piece.clone()];
        crate::domain::document::for_each_valid_run(bytes, piece.start, |at, text| {
            ex.feed(at, text);
        });
        let go_on = each(bytes, piece.clone());
        doc.release(piece);
        if !go_on {
            return None;
        }
    }
    let (mut entities, findings) = ex.finish_with_quotes();
    coref::link_document(doc, &mut entities, &findings.direct_spans());
    Some(attribute(entities, findings))
}

/// The quotations of a document on their own (for entities that come from elsewhere, such as
/// imported annotations): [`quotes::attribute_to`] gives them speakers.
pub fn find_quotes(doc: &crate::domain::document::Document) -> quotes::Findings {
    let mut finder = quotes::Finder::new();
    crate::domain::document::for_each_valid_run(doc.bytes(), 0, |at, text| finder.feed(at, text));
    finder.finish()
}

#[cfg(test)]
mod news_tests;
#[cfg(test)]
mod tests;

/// For the tests of the finders of one line (`dates::find`, `numbers::find`): the text of
/// what `find` takes from `line`.
#[cfg(test)]
fn found_by(
    find: fn(&str, &[Token], &mut [bool], usize, &mut Vec<Candidate>),
    line: &str,
) -> Vec<String> {
    let mut toks = vec![];
    token::tokenize(line, &mut toks);
    let mut used = vec![false; toks.len()];
    let mut out = vec![];
    find(line, &toks, &mut used, 0, &mut out);
    out.iter()
        .map(|c| line[c.start..c.end].to_string())
        .collect()
}
