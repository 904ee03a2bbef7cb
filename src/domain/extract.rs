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
mod names;
mod numbers;
pub mod pieces;
mod runs;
mod tables;
mod token;
mod typing;

use crate::domain::entity::Entity;
use crate::domain::later::Later;
use crate::domain::mention_index::ByStart;
use crate::domain::quotes::{self, Quotes};
use candidate::{Candidate, Compact, Definition, Packed, Strings, recycled};
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
    /// The candidates of the current line, before they are packed into `found`.
    line_found: Vec<Candidate<'static>>,
    found: Vec<Compact>,
    defs: Vec<Definition>,
    strings: Strings,
    toks: Vec<Token>,
    used: Vec<bool>,
    /// How the line before ended, for a date that its last words announce.
    line_end: dates::LineEnd,
    names: names::Scratch,
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
            line_found: Vec::new(),
            found: Vec::new(),
            defs: Vec::new(),
            strings: Strings::default(),
            toks: Vec::new(),
            used: Vec::new(),
            line_end: dates::LineEnd::default(),
            names: names::Scratch::default(),
        }
    }

    /// Scans `text`, which starts at byte `base` of the document. Pieces must be fed in order
    /// and must not split a line.
    pub fn feed(&mut self, base: usize, text: &str) {
        let line_end = |from: usize| {
            memchr::memchr2(b'\n', b'\r', &text.as_bytes()[from..]).map_or(text.len(), |i| from + i)
        };
        let mut start = 0;
        while start < text.len() {
            let mut end = line_end(start);
            // Wrapped prose may break a name over two lines ("the Western Holdings\nUnion"):
            // then the two lines are read as one. Only within a piece, so that every way of
            // cutting a document at the same places reads it alike (`pieces`).
            let next = if text[end..].starts_with("\r\n") {
                end + 2
            } else {
                end + 1
            };
            if next < text.len() && token::name_runs_over(&text[start..end], &text[next..]) {
                end = line_end(next);
            }
            if end > start {
                self.line(base + start, &text[start..end]);
            } else if blank_line(text.as_bytes(), start) {
                // A paragraph break: what the last line said is said no further (as after a
                // line of spaces). It also makes the paragraphs where a document is cut in
                // pieces (`pieces`) start as they do in the whole document.
                self.line_end.forget();
            }
            start = end + 1;
        }
    }

    fn line(&mut self, base: usize, line: &str) {
        let marks = token::tokenize(line, &mut self.toks);
        self.used.clear();
        self.used.resize(self.toks.len(), false);
        let mut found = recycled(std::mem::take(&mut self.line_found));
        let out = &mut found;
        // The finders of dates and figures start only at a token with their mark.
        if marks & token::DATE != 0 {
            dates::find_after(&self.line_end, line, &self.toks, &mut self.used, base, out);
        }
        self.line_end.remember(line, &self.toks);
        let scratch = &mut self.names;
        names::find(line, &self.toks, &mut self.used, base, self.k, scratch, out);
        if marks & token::FIGURE != 0 {
            numbers::find(line, &self.toks, &mut self.used, base, out);
        }
        // Sorted here, a line at a time, so that the document is sorted when lines come in
        // order (stable: candidates at the same offset keep the order they were found in).
        if !out.is_sorted_by_key(|c| c.start) {
            out.sort_by_key(|c| c.start);
        }
        if out.len() > 1 {
            self.strings.warm(out.iter().map(|c| &*c.key));
        }
        let (strings, defs) = (&mut self.strings, &mut self.defs);
        self.found
            .extend(out.iter().map(|c| Compact::new(c, strings, defs)));
        self.line_found = recycled(found);
    }

    /// What this extractor has found, to be joined to an extractor of the pieces before it.
    pub fn into_found(self) -> Found {
        Found {
            found: self.found,
            defs: self.defs,
            strings: self.strings,
        }
    }

    /// Takes in what another extractor found in the piece of the document that follows what
    /// this one has read. Strings and forms are numbered as they first appear, as if this
    /// extractor had read the piece itself: clustering, which breaks ties by those numbers,
    /// gives the same entities whichever way the document was read.
    pub fn absorb(&mut self, piece: Found) {
        let Found {
            found,
            defs,
            strings,
        } = piece;
        if self.strings.count() == 0 && self.strings.form_count() == 0 && self.found.is_empty() {
            // The first piece: numbered as it numbered its strings and forms already.
            self.found = found;
            self.defs.extend(defs);
            self.strings = strings;
            return;
        }
        let ids: Vec<u32> = (0..strings.count() as u32)
            .map(|id| self.strings.intern(strings.str(id)))
            .collect();
        let forms: Vec<u32> = (0..strings.form_count() as u32)
            .map(|f| {
                let mut form = strings.form(f);
                form.key = ids[form.key as usize];
                if let Packed::Value { norm, .. } = &mut form.reading {
                    *norm = ids[*norm as usize];
                }
                self.strings.intern_form(form)
            })
            .collect();
        self.found.extend(found.into_iter().map(|c| Compact {
            form: forms[c.form as usize],
            ..c
        }));
        self.defs.extend(defs.into_iter().map(|d| Definition {
            key: ids[d.key as usize],
            acronym: ids[d.acronym as usize],
            ..d
        }));
    }

    /// Clusters the mentions found so far into entities, most important first.
    pub fn finish(self) -> Vec<Entity> {
        let mut entities = self.clustered();
        crate::domain::entity::give_ids(&mut entities);
        entities
    }

    /// The entities of what was read so far, as [`Extractor::clustered`] would give them
    /// now (the candidates are copied, the extractor reads on), and their mentions by start.
    fn clustered_so_far(&self) -> (Vec<Entity>, Option<ByStart>) {
        let mut found = self.found.clone();
        let mut defs = self.defs.clone();
        if !found.is_sorted_by_key(|c| c.start) {
            found.sort_by_key(|c| c.start);
            defs.sort_by_key(|d| d.start);
        }
        cluster::plan(&found, &defs, &self.strings, self.k).fill(found, true)
    }

    /// The entities found, ordered as [`Extractor::finish`] orders them, without ids yet.
    fn clustered(self) -> Vec<Entity> {
        self.clustered_by_start(false).0
    }

    /// [`Extractor::clustered`], with the mentions in the order of their starts if `by_start`
    /// (see `cluster::Plan::fill`).
    fn clustered_by_start(self, by_start: bool) -> (Vec<Entity>, Option<ByStart>) {
        let (plan, found) = self.planned();
        plan.fill(found, by_start)
    }

    /// [`Extractor::clustered`], with the mentions in text order (see
    /// `cluster::Plan::fill_in_text_order`).
    fn clustered_in_text_order(self) -> (Vec<Entity>, Option<crate::domain::text_order::Given>) {
        let (plan, found) = self.planned();
        plan.fill_in_text_order(found)
    }

    /// The plan of the clustering and the candidates it fills the entities with.
    fn planned(self) -> (cluster::Plan, Vec<Compact>) {
        // What reading needed (a line's tokens and candidates) goes before clustering, the
        // step that needs the most memory.
        drop((self.line_found, self.toks, self.used, self.line_end));
        let mut found = self.found;
        let mut defs = self.defs;
        if !found.is_sorted_by_key(|c| c.start) {
            found.sort_by_key(|c| c.start);
            defs.sort_by_key(|d| d.start);
        }
        let plan = cluster::plan(&found, &defs, &self.strings, self.k);
        // The strings go before the mentions' store is filled: that is the peak.
        drop((self.strings, defs));
        (plan, found)
    }
}

/// Whether the empty line at `at` of `text` (between two line breaks) is a blank line, not the
/// middle of a CRLF.
fn blank_line(text: &[u8], at: usize) -> bool {
    at > 0 && text[at - 1] == b'\n'
}

/// The candidates an extractor found in a piece of a document (see [`Extractor::absorb`]).
pub struct Found {
    found: Vec<Compact>,
    defs: Vec<Definition>,
    strings: Strings,
}

/// Extracts the entities of a whole text, with their pronouns and descriptions, and its
/// quotations with their speakers.
pub fn extract(text: &str) -> Extraction {
    let mut ex = Extractor::new();
    ex.feed(0, text);
    let findings = quotes::find(text);
    let mut entities = ex.clustered();
    coref::link_before_ids(text.as_bytes(), &mut entities, &findings);
    crate::domain::entity::give_ids(&mut entities);
    attribute(entities, findings)
}

/// Gives the quotations their speakers. Quotations are found before coreference (which reads
/// their spans: a pronoun inside one refers within it) and attributed after it (a speaker
/// named "he" or "the spokeswoman" is found through the mentions it adds).
pub fn attribute(entities: Vec<Entity>, findings: quotes::Findings) -> Extraction {
    attribute_on(entities, findings, 1)
}

/// [`attribute`] on `jobs` threads.
fn attribute_on(entities: Vec<Entity>, findings: quotes::Findings, jobs: usize) -> Extraction {
    let (entities, quotes) = quotes::attribute(findings, entities, jobs);
    Extraction { entities, quotes }
}

/// Gives the entities their ids, then the quotations their speakers on `jobs` threads
/// ([`attribute_on`]). On several, the ids are made on a thread of their own while the
/// speakers are searched: both only read the entities (the ids their names, in this order,
/// which attribution keeps for them).
fn with_ids_attributed(
    mut entities: Vec<Entity>,
    findings: quotes::Findings,
    jobs: usize,
) -> Extraction {
    if jobs <= 1 {
        crate::domain::entity::give_ids(&mut entities);
        return attribute_on(entities, findings, 1);
    }
    let (ids, who) = std::thread::scope(|scope| {
        let ids = scope.spawn(|| crate::domain::entity::ids(&entities));
        let who = quotes::find_speakers(&findings, &entities, jobs - 1);
        let ids = ids.join().unwrap_or_else(|p| std::panic::resume_unwind(p));
        (ids, who)
    });
    for (e, id) in entities.iter_mut().zip(ids) {
        e.id = id;
    }
    let (entities, quotes) = quotes::attribute_found(findings, who, entities);
    Extraction { entities, quotes }
}

/// Extracts the entities of a document (names, then their pronouns and descriptions) and its
/// quotations, invalid UTF-8 skipped, offsets into its bytes, on every core.
pub fn extract_document(doc: &crate::domain::document::Document) -> Extraction {
    extract_document_in_pieces(doc, crate::domain::pieces::all_cores(), |_, _| true)
        .unwrap_or_default()
}

/// [`extract_document`] a piece at a time on `jobs` threads (see [`pieces`]), each piece
/// given back once read (see `Document::release`), so that a mapped file is not all counted
/// as this process's memory. `each(bytes, range)` sees every piece in order once it is read,
/// before its pages are given back (for progress, or to fingerprint the document on the same
/// pass), and stops the extraction by returning false. The entities are the same for every
/// number of jobs.
pub fn extract_document_in_pieces(
    doc: &crate::domain::document::Document,
    jobs: usize,
    each: impl FnMut(&[u8], std::ops::Range<usize>) -> bool,
) -> Option<Extraction> {
    std::thread::scope(|scope| {
        // The sentences and the quotations need only the text: found on a thread of their own
        // from the moment the reading nears its end (see `pieces::extract_then`), then beside
        // the clustering of the candidates and what coreference gathers of them.
        let (start, started) = std::sync::mpsc::channel();
        let findings = (jobs > 1).then(|| {
            Later::spawn(scope, move || {
                (started.recv().is_ok()).then(|| find_quotes_in_sentences(doc, 1))
            })
        });
        let read = pieces::extract_then(doc, jobs, each, || {
            let _ = start.send(());
        });
        // Read to the end: the quotations start now if they have not yet (one thread, one
        // piece); else they are not needed.
        if read.is_some() {
            let _ = start.send(());
        }
        drop(start);
        let ex = read?;
        let mut findings = match findings {
            Some(later) => later,
            None => Later::ready(Some(find_quotes_in_sentences(doc, 1))),
        };
        let (entities, names) = ex.clustered_in_text_order();
        let mut entities = std::sync::Arc::new(entities);
        coref::link_document_before_ids(
            doc,
            &mut entities,
            names,
            || findings.get().as_ref().expect("read to the end"),
            jobs,
        );
        let entities = std::sync::Arc::unwrap_or_clone(entities);
        let findings = findings.into_inner().expect("read to the end");
        Some(with_ids_attributed(entities, findings, jobs))
    })
}

/// The first stage of [`extract_document_in_pieces`], for a reader that shows the cast before
/// the rest is done: the document read and its names clustered into entities. The second
/// stage ([`Named::infer`]) finds the quotations, adds the pronouns, descriptions and
/// metonyms and gives the quotations their speakers; the two stages give what
/// [`extract_document_in_pieces`] gives. `each(bytes, range, so_far)` is called as there;
/// `so_far` gives the entities of the pieces read until then, should a reader want to show
/// them already.
pub fn name_document_in_pieces(
    doc: &crate::domain::document::Document,
    jobs: usize,
    mut each: impl FnMut(&[u8], std::ops::Range<usize>, SoFar<'_>) -> bool,
) -> Option<Named> {
    let ex = pieces::extract_seeing(doc, jobs, |ex, bytes, piece| each(bytes, piece, SoFar(ex)))?;
    let (entities, by_start) = ex.clustered_by_start(true);
    Some(Named {
        entities: std::sync::Arc::new(entities),
        by_start,
    })
}

/// The part of a document read so far while its names are found (see
/// [`name_document_in_pieces`]).
pub struct SoFar<'a>(&'a Extractor);

impl SoFar<'_> {
    /// The entities of the names read so far, ordered and with ids as a finished extraction
    /// gives them (clustering them costs about what clustering the whole costs, in
    /// proportion).
    pub fn entities(&self) -> Vec<Entity> {
        self.entities_by_start().0
    }

    /// [`SoFar::entities`], with their mentions in the order of their starts, for the index
    /// of a cast of them (see `MentionIndex::of_sorted`).
    pub fn entities_by_start(&self) -> (Vec<Entity>, Option<ByStart>) {
        let (mut entities, by_start) = self.0.clustered_so_far();
        crate::domain::entity::give_ids(&mut entities);
        (entities, by_start)
    }
}

/// A document's entities as its names tell them, before coreference (see
/// [`name_document_in_pieces`]).
pub struct Named {
    entities: std::sync::Arc<Vec<Entity>>,
    /// Their mentions in the order of their starts, until a cast of them takes them.
    by_start: Option<ByStart>,
}

impl Named {
    /// The entities as far as the names tell, ordered and with ids as a finished extraction
    /// gives them. Their mentions are shared with these, not copied.
    pub fn entities(&self) -> Vec<Entity> {
        let mut entities = Vec::clone(&self.entities);
        crate::domain::entity::give_ids(&mut entities);
        entities
    }

    /// [`Named::entities`] without a copy: these entities, given their ids, shared with the
    /// second stage, which copies them only where it adds to them, once it has found what
    /// (so that a names' cast shown meanwhile and the pass do not hold two copies). The
    /// ids do not change what the second stage finds; it gives them again at its end.
    pub fn shared_entities(&mut self) -> std::sync::Arc<Vec<Entity>> {
        let entities: &mut Vec<Entity> = std::sync::Arc::make_mut(&mut self.entities);
        crate::domain::entity::give_ids(entities);
        std::sync::Arc::clone(&self.entities)
    }

    /// The mentions of these entities in the order of their starts, once, for the index of
    /// the cast shown meanwhile (see `MentionIndex::of_sorted`).
    pub fn take_by_start(&mut self) -> Option<ByStart> {
        self.by_start.take()
    }

    /// The second stage: the quotations of `doc` (the document these entities were found
    /// in), found on a core of their own while the pronouns, descriptions and metonyms are
    /// linked on `jobs` threads, then the quotations' speakers.
    pub fn infer(self, doc: &crate::domain::document::Document, jobs: usize) -> Extraction {
        let Named {
            mut entities,
            by_start,
        } = self;
        // Unless a cast took them, before the pass that needs the most memory.
        drop(by_start);
        std::thread::scope(|scope| {
            let mut findings = if jobs > 1 {
                Later::spawn(scope, || find_quotes_in_sentences(doc, jobs))
            } else {
                Later::ready(find_quotes_in_sentences(doc, jobs))
            };
            coref::link_document_before_ids(doc, &mut entities, None, || findings.get(), jobs);
            let entities = std::sync::Arc::unwrap_or_clone(entities);
            with_ids_attributed(entities, findings.into_inner(), jobs)
        })
    }
}

/// The quotations of a document on their own (for entities that come from elsewhere, such as
/// imported annotations: [`quotes::attribute_to`] gives them speakers), read a piece at a
/// time, each given back once read (see `Document::release`).
pub fn find_quotes(doc: &crate::domain::document::Document) -> quotes::Findings {
    find_quotes_by(doc, quotes::Finder::new())
}

/// [`find_quotes`] reading the document's sentences (split on `jobs` threads, or by whoever
/// asked first) instead of splitting each paragraph again: for extraction, which needs them
/// anyway.
fn find_quotes_in_sentences(
    doc: &crate::domain::document::Document,
    jobs: usize,
) -> quotes::Findings {
    let sentences = std::sync::Arc::clone(doc.sentences(jobs));
    let finder = quotes::Finder::with_sentences(sentences, doc.body_start(), doc.len());
    find_quotes_by(doc, finder)
}

fn find_quotes_by(
    doc: &crate::domain::document::Document,
    mut finder: quotes::Finder,
) -> quotes::Findings {
    use crate::domain::pieces::{PIECE, cut};
    for piece in cut(doc.bytes(), 0..doc.len(), PIECE) {
        let bytes = &doc.bytes()[piece.clone()];
        crate::domain::document::for_each_valid_run(bytes, piece.start, |at, text| {
            finder.feed(at, text);
        });
        doc.release(piece);
    }
    finder.finish()
}

/// Steps of extraction on their own, for the per-phase benchmarks (`benches/phases.rs`).
#[doc(hidden)]
pub mod phases {
    use super::{Extractor, knowledge, names, token};

    /// Each line of `text` with its tokens.
    fn for_each_line<'t>(text: &'t str, mut f: impl FnMut(&'t str, &[token::Token])) {
        let mut toks = Vec::new();
        for line in text.lines() {
            token::tokenize(line, &mut toks);
            f(line, &toks);
        }
    }

    /// Tokenises every line of `text`: how many tokens.
    pub fn tokenize(text: &str) -> usize {
        let mut n = 0;
        for_each_line(text, |_, toks| n += toks.len());
        n
    }

    /// Looks up every word of `text` as the name finder may (a name, a common word, a given
    /// name, a surname, a function word, the start of a longer name): how many were found.
    /// Tokenising is included.
    pub fn lookups(text: &str) -> usize {
        let k = knowledge::builtin();
        let mut found = 0;
        let mut lower = String::new();
        for_each_line(text, |line, toks| {
            for t in toks.iter().filter(|t| t.is_word()) {
                let w = t.text(line);
                lower.clear();
                lower.extend(w.chars().flat_map(char::to_lowercase));
                found += usize::from(k.name(w).is_some())
                    + usize::from(k.lower_word(&lower).is_some())
                    + usize::from(k.is_given_name(w))
                    + usize::from(k.is_surname(w))
                    + usize::from(k.is_function_word(&lower))
                    + usize::from(k.starts_longer_name(w));
            }
        });
        found
    }

    /// Finds the names of `text` and types them, line by line (no dates, no figures):
    /// how many. Tokenising is included.
    pub fn names(text: &str) -> usize {
        let k = knowledge::builtin();
        let (mut used, mut out) = (Vec::new(), Vec::new());
        let mut scratch = names::Scratch::default();
        let mut found = 0;
        for_each_line(text, |line, toks| {
            used.clear();
            used.resize(toks.len(), false);
            out.clear();
            names::find(line, toks, &mut used, 0, k, &mut scratch, &mut out);
            found += out.len();
        });
        found
    }

    /// Finds the quotations of `text` (not attributed): how many.
    pub fn quotes(text: &str) -> usize {
        crate::domain::quotes::find(text).quotes.len()
    }

    /// An extractor that has read `text`, to be finished (clustered) by the bench.
    pub fn fed(text: &str) -> Extractor {
        let mut ex = Extractor::new();
        ex.feed(0, text);
        ex
    }
}

#[cfg(test)]
mod kind_tests;
#[cfg(test)]
mod named_tests;
#[cfg(test)]
mod news_tests;
#[cfg(test)]
mod tests;

/// For the tests of the finders of one line (`dates::find`, `numbers::find`): the text of
/// what `find` takes from `line`.
#[cfg(test)]
fn found_by(
    find: for<'a> fn(&'a str, &[Token], &mut [bool], usize, &mut Vec<Candidate<'a>>),
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
