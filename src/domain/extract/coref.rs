//! Coreference: links the pronouns ("he", "its", "they"), descriptions ("the prime minister",
//! "the company", "the 45-year-old") and metonyms ("Pyongyang said") of a text to the entities
//! the extractor found, as mentions of form `pronoun` or `nominal`.
//!
//! A rule-based resolver in the spirit of the deterministic multi-pass sieve of Lee et al.
//! (2013): each rule links only what the text makes clear, and leaves the rest unlinked (a
//! wrong light is worse than a missing one). The rules, one file each: `pronouns` (agreement
//! in number, gender and animacy, subjects first), `nominals` (roles given earlier, ages, type
//! nouns that fit one entity in focus or in the whole text, appositions, predicates),
//! `metonyms`, `teams` (a team the text names by its nationality only, "the Afghan team",
//! made an entity before the pass) and `turns` (an interview's "I" is its turn's speaker);
//! `facts` gathers what they need to know of each entity, `focus` what the last sentences
//! spoke of.
//!
//! # What a decision depends on (for running in pieces)
//! - document facts, gathered first over the whole text (`facts`): each entity's kind, a
//!   person's gender (given names, honorifics, gendered roles around any of its names), the
//!   type nouns that fit it (and, per noun, the one entity of the text it fits, if one), the
//!   roles and ages given to people and where each was first given, the metonyms' targets;
//! - the window of its sentence: the text from the start of its paragraph (a blank line
//!   starts one; a paragraph longer than [`MAX_RUN`] sentences starts a new window every
//!   [`MAX_RUN`] sentences, counted from its start) up to the mention, plus the names (not the
//!   pronouns) of the [`LOOKBACK`] sentences before the window;
//! - the direct quotations the quotes module found (`quotes::Findings`, read before this
//!   pass) and the speaker their cue's words name, if a name: a pronoun inside one is read as
//!   the speaker's words ("he" is someone else), one outside never reaches in. Speakers named
//!   by a pronoun, and the speakers' own "I" and "my", are `quotes::attribute`'s, after this
//!   pass (it reads the pronouns linked here).
//!
//! So a document cut at paragraph starts gives the same links piece by piece, if each piece
//! is given the [`LOOKBACK`] sentences before it and the document facts.
//!
//! # Cost
//! Linear in the text, and kept small: the sentences are the document's own (split once, for
//! the connections too); each sentence is read word by word only in its opening (where its
//! subject is decided), then only at its names and at the words that may link (by first
//! letter and length: about a third of the words); the names of the sentences before a window
//! are remembered as the window would read them, not read again; the mentions are walked in
//! an array in the order of the text; what is asked of every name (whether a verb of saying
//! follows) is asked only when a pronoun weighs it; the ids are given once, after this pass.

mod ahead;
mod apply;
mod appositions;
mod around;
mod class;
mod facts;
mod focus;
mod in_pieces;
mod in_text;
mod link;
mod lowered;
mod metonyms;
mod nominals;
mod phrase;
mod pronouns;
mod reading;
mod spans;
mod speakers;
mod teams;
mod turns;
mod types;
mod windows;
mod words;
mod written;

#[cfg(test)]
mod tests;

use std::ops::Range;
use std::sync::Arc;

use super::knowledge::{self, Knowledge};
use crate::domain::document::Document;
use crate::domain::entity::{self, Entity, Mention};
use crate::domain::quotes::Findings;
use crate::domain::sentences;
use apply::apply;
use facts::Facts;
use focus::Focus;
use in_text::{Given, Named, in_text_order_given};
use link::possessive_after;
use reading::Name;
use windows::opens_window;
use words::{Word, word_set};

pub use written::form_of;

/// Sentences before a window whose names are in focus when it starts.
pub const LOOKBACK: usize = 3;
/// The longest run of sentences read as one window.
pub const MAX_RUN: u32 = 24;

/// Links the pronouns, descriptions and metonyms of `text` to `entities` (which must be the
/// entities of that text, offsets into it). `quotes`: the quotations the text holds (see
/// `quotes::find`; `Findings::default()` if unknown): a pronoun inside one is read as its
/// speaker's words. Entities end ordered as [`entity::finalize`] orders them.
pub fn link(text: &[u8], entities: &mut Vec<Entity>, quotes: &Findings) {
    link_before_ids(text, entities, quotes);
    entity::give_ids(entities);
}

/// [`link`] on a document, giving back the pages of a mapped file behind the pass (see
/// `Document::release`).
pub fn link_document(doc: &Document, entities: &mut Vec<Entity>, quotes: &Findings) {
    let mut shared = Arc::new(std::mem::take(entities));
    link_document_before_ids(doc, &mut shared, None, || quotes, 1);
    *entities = Arc::unwrap_or_clone(shared);
    entity::give_ids(entities);
}

/// [`link`] for the extractor, which gives the ids once, after this pass: the entities end
/// ordered as [`entity::order`] orders them, their ids as they were.
pub(super) fn link_before_ids(text: &[u8], entities: &mut Vec<Entity>, quotes: &Findings) {
    let sentences = || sentences::split(text, 0..text.len());
    let mut shared = Arc::new(std::mem::take(entities));
    link_releasing(text, &mut shared, None, || quotes, sentences, 1, |_| {});
    *entities = Arc::unwrap_or_clone(shared);
}

/// [`link_document`] for the extractor (see [`link_before_ids`]); the document's sentences
/// are split on `jobs` threads if they are not yet. `quotes` and the sentences are asked for
/// only once what the entities alone tell is known: they may be in the making on another
/// thread meanwhile. The entities may be shared (with the names' cast a reader shows while
/// this pass runs): they are copied only once the pass has found what it adds to them.
/// `names`: their names in text order, if clustering gave them.
pub(super) fn link_document_before_ids<'q>(
    doc: &Document,
    entities: &mut Arc<Vec<Entity>>,
    names: Option<Given>,
    quotes: impl FnOnce() -> &'q Findings + Send,
    jobs: usize,
) {
    if entities.is_empty() {
        return;
    }
    // The dateline's line, then the body's sentences, which the connections read too.
    let head: Vec<Range<usize>> = sentences::split(doc.bytes(), 0..doc.body_start()).collect();
    let sentences = || in_pieces::Sentences::new(&head, doc.sentences(jobs));
    link_releasing(doc.bytes(), entities, names, quotes, sentences, jobs, |r| {
        doc.release(r);
    });
}

fn link_releasing<'q, S: in_pieces::Read + Send>(
    text: &[u8],
    entities: &mut Arc<Vec<Entity>>,
    names: Option<Given>,
    quotes: impl FnOnce() -> &'q Findings + Send,
    sentences: impl FnOnce() -> S + Send,
    jobs: usize,
    release: impl Fn(Range<usize>) + Sync,
) {
    if entities.is_empty() || text.is_empty() {
        return;
    }
    teams::add(text, entities);
    lowered::add(text, entities);
    let found = links(text, entities, names, quotes, sentences, jobs, release);
    apply(entities, found);
}

/// The links of the pass, everything it read to find them dropped on return, before the
/// links are applied: applying builds a second mention store, the peak of a large text.
fn links<'q, S: in_pieces::Read + Send>(
    text: &[u8],
    entities: &[Entity],
    given: Option<Given>,
    quotes: impl FnOnce() -> &'q Findings + Send,
    sentences: impl FnOnce() -> S + Send,
    jobs: usize,
    release: impl Fn(Range<usize>) + Sync,
) -> Found {
    let k = knowledge::builtin();
    // Who says each direct quotation, as far as the names tell before this pass: on several
    // threads, found on one of its own, waiting for the quotations (they are most often still
    // being found, on a core of their own) while the names are put in order, the sentences
    // shared out and the facts gathered, on the other cores: with a thread more than cores,
    // one waited a scheduler tick (4 ms) at a time beside a busy core while another idled.
    let speakers_of = || crate::domain::quotes::direct_speakers(&quotes().quotes, entities, 1);
    let (names, facts, direct, sentences) = if jobs > 1 {
        let others = jobs - 1;
        std::thread::scope(|scope| {
            let direct = scope.spawn(speakers_of);
            let names = in_text_order_given(entities, given, others);
            let sentences = sentences().planned(text, &names, jobs);
            let facts = Facts::gather(text, entities, k, &names, others);
            (names, facts, joined(direct), sentences)
        })
    } else {
        let names = in_text_order_given(entities, given, jobs);
        let facts = Facts::gather(text, entities, k, &names, jobs);
        (names, facts, speakers_of(), sentences())
    };
    let metonyms = metonyms::targets(entities, &facts, k);
    let going_on = speakers::going_on(text, &direct, &names);
    let (quotes, speakers): (Vec<Range<usize>>, Vec<Option<u32>>) = (direct.into_iter())
        .map(|(span, speaker, _)| (span.range(), speaker))
        .unzip();
    let resolver = || Resolver {
        text,
        k,
        names: &names,
        facts: &facts,
        metonyms: &metonyms,
        quotes: spans::Spans::new(&quotes),
        speakers: &speakers,
        going_on: &going_on,
        focus: Focus::default(),
        found: Found::default(),
        after: Vec::new(),
        in_sentence: Vec::new(),
    };
    // The speakers' turns read nothing the resolving finds: on several threads, read by the
    // thread that asks for the resolving before it reads sentences too (a thread of their
    // own made three share the two cores).
    let in_turns = || {
        let mut added = Vec::new();
        turns::first_person(text, &names, &facts, &quotes, &mut added);
        added
    };
    let (mut found, in_turns) = sentences.resolve(jobs, resolver, release, in_turns);
    found.added.extend(in_turns);
    found.note_cuts(&names);
    keep_apart_from_names(&mut found);
    found
}

/// What a thread made (its panic goes on here).
fn joined<T>(thread: std::thread::ScopedJoinHandle<'_, T>) -> T {
    thread
        .join()
        .unwrap_or_else(|p| std::panic::resume_unwind(p))
}

/// Leaves out an added mention that cuts across a name or is one ("Joe Biden, a-Mr." where
/// "a-Mr" is a name of its own): mentions of a document nest or lie apart, and no words are
/// two mentions. A metonym's name, moved to the entity it stands for, is no longer there.
/// Whether each cuts across a name was noted where it was found (see [`Found::note_cuts`]).
fn keep_apart_from_names(found: &mut Found) {
    found.moved.sort_unstable_by_key(|m| m.start);
    let moved = &found.moved;
    let mut cuts = std::mem::take(&mut found.cuts).into_iter();
    found.added.retain(|(_, m)| {
        !cuts.next().expect("a note for each added mention")
            || moved
                .binary_search_by_key(&{ m.start }, |x| x.start)
                .is_ok()
    });
}

/// What the pass found: mentions to add (entity, mention) and name mentions that move to
/// another entity (metonyms).
#[derive(Default)]
struct Found {
    added: Vec<(u32, Mention)>,
    moved: Vec<Mention>,
    /// Whether each of `added` cuts across a name or is one (asked where it was found, on
    /// the thread that found it; see [`keep_apart_from_names`]).
    cuts: Vec<bool>,
}

impl Found {
    /// Notes whether each mention added since the last note cuts across one of `names`.
    fn note_cuts(&mut self, names: &[in_text::Named]) {
        let from = self.cuts.len();
        // The mentions were added nearly in the order of the text: each search starts where
        // the last one ended.
        let mut near = 0;
        let cut = |(_, m): &(u32, Mention)| {
            in_text::cuts_a_name(names, &mut near, m.start as usize, m.end as usize)
        };
        self.cuts.extend(self.added[from..].iter().map(cut));
    }
}

struct Resolver<'a> {
    text: &'a [u8],
    k: &'a Knowledge,
    /// The name mentions in the order of the text.
    names: &'a [Named],
    facts: &'a Facts,
    metonyms: &'a [Option<u32>],
    quotes: spans::Spans<'a>,
    /// The speaker of each quotation, if its cue names one by a name.
    speakers: &'a [Option<u32>],
    /// The cue words of a quotation that goes on from a named speaker's ("he added"), with
    /// that speaker (see `speakers::going_on`).
    going_on: &'a [(Range<usize>, u32)],
    focus: Focus,
    found: Found,
    /// The words after a determiner, for descriptions, and the names of the sentence
    /// (buffers reused).
    after: Vec<Word>,
    in_sentence: Vec<Name>,
}

word_set!(
    /// Words before which a name is not the sentence's subject.
    fn is_preposition = [
        "in", "of", "for", "with", "to", "by", "from", "at", "on", "about", "against",
        "after", "before", "under", "over", "between", "among", "into", "through", "during",
        "like", "than", "via", "toward", "towards", "including", "behind", "near",
        "without", "as", "whom",
    ]
    /// The shapes of the prepositions (see `words::shapes`).
    const PREPOSITION_SHAPES
);

word_set!(
    /// Verbs right after a name or pronoun that make it the one acting ("X said", "he has").
    fn is_subject_verb = [
        "has", "had", "have", "is", "was", "were", "are", "will", "would", "could", "can",
        "may", "might", "did", "does", "should", "must",
    ]
);

impl Resolver<'_> {
    fn quote_of(&self, at: usize) -> Option<u32> {
        self.quotes.holding(at)
    }
}
