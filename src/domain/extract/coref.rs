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

mod appositions;
mod around;
mod class;
mod facts;
mod focus;
mod in_pieces;
mod in_text;
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
mod words;
mod written;

#[cfg(test)]
mod tests;

use std::collections::VecDeque;
use std::ops::Range;
use std::sync::Arc;

use super::knowledge::{self, Knowledge};
use crate::domain::document::Document;
use crate::domain::entity::{self, Entity, Form, Mention, Mentions};
use crate::domain::quotes::Findings;
use crate::domain::sentences;
use class::Class;
use facts::Facts;
use focus::{Focus, Seen};
use in_text::Named;
use reading::Name;
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
    link_document_before_ids(doc, &mut shared, || quotes, 1);
    *entities = Arc::unwrap_or_clone(shared);
    entity::give_ids(entities);
}

/// [`link`] for the extractor, which gives the ids once, after this pass: the entities end
/// ordered as [`entity::order`] orders them, their ids as they were.
pub(super) fn link_before_ids(text: &[u8], entities: &mut Vec<Entity>, quotes: &Findings) {
    let sentences = || sentences::split(text, 0..text.len());
    let mut shared = Arc::new(std::mem::take(entities));
    link_releasing(text, &mut shared, || quotes, sentences, 1, |_| {});
    *entities = Arc::unwrap_or_clone(shared);
}

/// [`link_document`] for the extractor (see [`link_before_ids`]); the document's sentences
/// are split on `jobs` threads if they are not yet. `quotes` and the sentences are asked for
/// only once what the entities alone tell is known: they may be in the making on another
/// thread meanwhile. The entities may be shared (with the names' cast a reader shows while
/// this pass runs): they are copied only once the pass has found what it adds to them.
pub(super) fn link_document_before_ids<'q>(
    doc: &Document,
    entities: &mut Arc<Vec<Entity>>,
    quotes: impl FnOnce() -> &'q Findings + Send,
    jobs: usize,
) {
    if entities.is_empty() {
        return;
    }
    // The dateline's line, then the body's sentences, which the connections read too.
    let head: Vec<Range<usize>> = sentences::split(doc.bytes(), 0..doc.body_start()).collect();
    let sentences = || in_pieces::Sentences::new(&head, doc.sentences(jobs));
    link_releasing(doc.bytes(), entities, quotes, sentences, jobs, |r| {
        doc.release(r);
    });
}

fn link_releasing<'q, S: in_pieces::Read + Send>(
    text: &[u8],
    entities: &mut Arc<Vec<Entity>>,
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
    let found = links(text, entities, quotes, sentences, jobs, release);
    apply(entities, found);
}

/// The links of the pass, everything it read to find them dropped on return, before the
/// links are applied: applying builds a second mention store, the peak of a large text.
fn links<'q, S: in_pieces::Read + Send>(
    text: &[u8],
    entities: &[Entity],
    quotes: impl FnOnce() -> &'q Findings + Send,
    sentences: impl FnOnce() -> S + Send,
    jobs: usize,
    release: impl Fn(Range<usize>) + Sync,
) -> Found {
    let k = knowledge::builtin();
    // Who says each direct quotation, as far as the names tell before this pass: on several
    // threads, found on one of its own (waiting for the quotations, if they are still being
    // found) while the names are put in order and the facts gathered, steps that leave a core
    // idle at times; and, once the names are in order, so is the plan of how the sentences
    // are shared out among the threads.
    let speakers_of = || crate::domain::quotes::direct_speakers(&quotes().quotes, entities, 1);
    let (names, facts, direct, sentences) = if jobs > 1 {
        std::thread::scope(|scope| {
            let direct = scope.spawn(speakers_of);
            let names = in_text::in_text_order(entities, jobs);
            let (facts, sentences) = std::thread::scope(|scope| {
                let sentences = scope.spawn(|| sentences().planned(text, &names, jobs));
                let facts = Facts::gather(text, entities, k, &names, jobs);
                (facts, joined(sentences))
            });
            (names, facts, joined(direct), sentences)
        })
    } else {
        let names = in_text::in_text_order(entities, jobs);
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
    // The speakers' turns read nothing the resolving finds: on several threads, one more
    // reads them meanwhile.
    let in_turns = || {
        let mut added = Vec::new();
        turns::first_person(text, &names, &facts, &quotes, &mut added);
        added
    };
    let (mut found, in_turns) = if jobs > 1 {
        std::thread::scope(|scope| {
            let in_turns = scope.spawn(in_turns);
            let found = sentences.resolve(jobs, resolver, release);
            (found, joined(in_turns))
        })
    } else {
        (sentences.resolve(jobs, resolver, release), in_turns())
    };
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
        let cut =
            |(_, m): &(u32, Mention)| in_text::cuts_a_name(names, m.start as usize, m.end as usize);
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
);

word_set!(
    /// Verbs right after a name or pronoun that make it the one acting ("X said", "he has").
    fn is_subject_verb = [
        "has", "had", "have", "is", "was", "were", "are", "will", "would", "could", "can",
        "may", "might", "did", "does", "should", "must",
    ]
);

impl Resolver<'_> {
    /// Reads the text a sentence at a time: `sentences` in order, the first of them opening
    /// a window (all of them, or a run of windows: see [`in_pieces`]). `before`: the
    /// sentences before them (the last [`LOOKBACK`] at most), whose names are in focus when
    /// the first window opens; `serial`: the number of the sentence before them; `first_name`:
    /// the first of the names that reaches into `before` or after it. Pages are given back
    /// behind the reading, from `released` on.
    fn run(
        &mut self,
        before: &[Range<usize>],
        sentences: impl Iterator<Item = Range<usize>>,
        (mut serial, mut first_name): (u32, usize),
        mut released: usize,
        release: impl Fn(Range<usize>),
    ) {
        let text = self.text;
        // The last sentences, each with its names as a window opening after it reads them.
        let mut recent: VecDeque<(Range<usize>, Vec<Seen>)> = VecDeque::with_capacity(LOOKBACK + 1);
        for r in before {
            // Their names as a reading of names only sees them (what they link is not kept).
            first_name = in_text::first_reaching(self.names, first_name, r.start);
            let mut seen = Vec::new();
            self.sentence(r.clone(), first_name, 0, &mut seen);
            recent.push_back((r.clone(), seen));
        }
        self.found = Found::default();
        let mut run: u32 = 0;
        let mut prev_end: Option<usize> = None;
        let mut last_end = released;
        for s in sentences {
            if opens_window(text, prev_end, s.start, run) {
                self.focus.clear();
                run = 0;
                for (_, seen) in &recent {
                    serial += 1;
                    self.focus.age(serial);
                    for s in seen {
                        self.focus.push(Seen {
                            sentence: serial,
                            ..*s
                        });
                    }
                }
            }
            serial += 1;
            run += 1;
            first_name = in_text::first_reaching(self.names, first_name, s.start);
            let mut seen = match recent.len() {
                LOOKBACK => recent.pop_front().map(|(_, v)| v).unwrap_or_default(),
                _ => Vec::new(),
            };
            self.sentence(s.clone(), first_name, serial, &mut seen);
            prev_end = Some(s.end);
            last_end = s.end;
            recent.push_back((s, seen));
            if let Some((oldest, _)) = recent.front()
                && oldest.start >= released + (1 << 20)
            {
                release(released..oldest.start);
                released = oldest.start;
            }
        }
        self.found.note_cuts(self.names);
        release(released..last_end);
    }

    fn quote_of(&self, at: usize) -> Option<u32> {
        self.quotes.holding(at)
    }

    /// The description in apposition to the name `m` of `entity` ("X, the defence
    /// secretary," / "a Scientology attorney, X."), if its head fits the entity, and it does
    /// not overlap what was linked before `free_from`.
    fn apposition(
        &self,
        entity: u32,
        m: Mention,
        sentence: Range<usize>,
        free_from: usize,
    ) -> Option<(usize, usize)> {
        let (text, facts, k) = (self.text, self.facts, self.k);
        let e = entity as usize;
        let fits = |head: &str| match facts.class[e] {
            Class::Person => appositions::is_person_noun(k, head),
            // The apposition says what the name is: any type noun of its kind fits ("the
            // nation's capital, Wellington"), and for a place a few nouns more.
            Class::Organization | Class::Country | Class::Place => {
                types::bit_of(head).is_some_and(|b| types::possible(facts.class[e]) & b != 0)
                    || (facts.class[e] == Class::Place && appositions::is_place_noun(head))
            }
            _ => false,
        };
        let (start, end) = (m.start as usize, m.end as usize);
        // Both need a comma next to the name: most names have none.
        let comma_after = text.get(end) == Some(&b',');
        let comma_before = text[free_from.min(start)..start]
            .trim_ascii_end()
            .ends_with(b",");
        let after = comma_after
            .then(|| appositions::apposition_after(text, end, sentence.end, fits))
            .flatten();
        after
            .or_else(|| {
                comma_before
                    .then(|| {
                        appositions::apposition_before(
                            text,
                            free_from,
                            start,
                            end,
                            sentence.end,
                            fits,
                        )
                    })
                    .flatten()
            })
            .or_else(|| appositions::predicate_after(text, end, sentence.end, fits))
    }

    /// The entity a description is given the name of right after it ("the elite group
    /// within Scientology called the Sea Org"), when the noun can name an entity of its kind.
    fn named_after(&self, d: &nominals::Description, limit: usize) -> Option<u32> {
        let at = nominals::named_after(self.text, d.end, limit)?;
        let i = self.names.partition_point(|n| (n.start as usize) < at);
        let n = self.names.get(i).filter(|n| n.start as usize == at)?;
        let class = self.facts.class[n.entity() as usize];
        let fits = match d.what {
            nominals::What::Type(bit) => types::possible(class) & bit != 0,
            nominals::What::Role | nominals::What::Age(_) => class == Class::Person,
        };
        fits.then_some(n.entity())
    }

    /// Whether the word `v` right before `w` makes `w` an object: a verb or a preposition
    /// ("replaced it", "with it"), not a conjunction or a verb of saying ("said it would").
    fn takes_an_object(&self, v: Word, w: Word) -> bool {
        let mut buf = [0u8; 24];
        let lower = v.lower(self.text, &mut buf).unwrap_or("");
        words::only_space(self.text, v.end, w.start)
            && v.is_lowercase(self.text)
            && !pronouns::starts_clause(lower)
            && !is_subject_verb(lower)
            && !self.k.is_person_cue(lower)
    }

    /// Whether "according to" comes right before `start`: the source of a report.
    fn source_before(&self, start: usize, from: usize) -> bool {
        let text = self.text;
        let before = text[from.min(start)..start].trim_ascii_end();
        if !(before.len() >= 2 && before[before.len() - 2..].eq_ignore_ascii_case(b"to")) {
            return false;
        }
        words::word_before(text, from, start).is_some_and(|to| {
            to.is(text, "to")
                && words::word_before(text, from, to.start).is_some_and(|a| a.is(text, "according"))
        })
    }

    /// Whether a lower-case word that is not a verb of saying or an auxiliary comes right
    /// after `end` (then the name before it is an adjective: "Syrian refugees").
    fn noun_follows(&self, end: usize, limit: usize) -> bool {
        words::next_word(self.text, end, limit).is_some_and(|w| {
            words::only_space(self.text, end, w.start)
                && w.is_lowercase(self.text)
                && !self.verb_follows(end, limit)
        })
    }

    /// Whether a verb of saying or an auxiliary comes right after `end`.
    fn verb_follows(&self, end: usize, limit: usize) -> bool {
        verb_follows(self.text, end, limit, self.k)
    }

    /// A third-person pronoun in a clause that opens its sentence, for a name that comes
    /// after the clause ("After his arrest, Montalvo ..."): the first name of the main clause
    /// that agrees with it, if one of its first words is one.
    fn cataphora(&self, w: Word, lower: &str, clause_end: usize, limit: usize) -> Option<Link> {
        let p = pronouns::classify(lower)?;
        let end = (clause_end + 80).min(limit);
        let from = self
            .names
            .partition_point(|n| (n.start as usize) < clause_end);
        let facts = self.facts;
        let name = self.names[from..]
            .iter()
            .take_while(|n| (n.end as usize) <= end)
            .find(|n| pronouns::agrees(p, facts, n.entity()))?;
        let words_before = words::words(self.text, clause_end..name.start as usize).count();
        (words_before <= 6).then_some(Link {
            entity: name.entity(),
            start: w.start,
            end: w.end,
            form: Form::Pronoun,
            subject: false,
            aside: true,
        })
    }

    /// The description a possessive ending at `end` opens ("their company", "the country's
    /// military"), if the text resolves it (`after`: the words after it).
    fn possessed(
        &self,
        end: usize,
        after: impl Iterator<Item = Word>,
        buf: &mut Vec<Word>,
        serial: u32,
        limit: usize,
    ) -> Option<Link> {
        buf.clear();
        buf.extend(after.skip_while(|w| w.start < end).take(3));
        let d = nominals::possessed(self.text, end, buf)?;
        let entity = nominals::resolve(self.text, &d, serial, &self.focus, self.facts)?;
        Some(Link {
            entity,
            start: d.start,
            end: d.end,
            form: Form::Nominal,
            subject: self.verb_follows(d.end, limit),
            aside: possessive_after(self.text, d.end),
        })
    }

    /// What the word `w` links, if anything: the entity, the mention's span, its form and
    /// whether it is the subject of what follows. `lower`: the word in lower case, with the
    /// pronoun it is, if one.
    #[allow(clippy::too_many_arguments)]
    fn link_word(
        &self,
        w: Word,
        (lower, pronoun): (&str, Option<pronouns::Pronoun>),
        (after, buf): (impl Iterator<Item = Word>, &mut Vec<Word>),
        serial: u32,
        prev: impl Fn() -> Option<Word>,
        last: Option<(Seen, usize)>,
        limit: usize,
    ) -> Option<Link> {
        let text = self.text;
        let opens_sentence = || prev().is_none();
        if let Some(mut p) = pronoun {
            // "replaced it", "with it"; and "denied it." (a verb of saying with nothing after
            // the pronoun says no clause: "said it would" does).
            if lower == "it"
                && prev().is_some_and(|v| self.takes_an_object(v, w) || ends_clause(text, w.end))
            {
                p.case = pronouns::Case::Object;
            }
            let subject = opens_sentence() || self.verb_follows(w.end, limit);
            let quote = self.quote_of(w.start);
            let at = pronouns::At {
                start: w.start as u32,
                sentence: serial,
                quote,
                speaker: quote.and_then(|q| self.speakers[q as usize]),
                continues: subject,
            };
            let is_subject = |s: &Seen| is_subject(text, s, self.k);
            let entity = match speakers::going_on_at(self.going_on, w.start) {
                // `"…," said Carter. "…," he added.`: the speaker before.
                Some(e) if p.case != pronouns::Case::Object => {
                    pronouns::agrees(p, self.facts, e).then_some(e)?
                }
                _ => pronouns::resolve(text, p, &at, &self.focus, self.facts, is_subject)?,
            };
            return Some(Link {
                entity,
                start: w.start,
                end: w.end,
                form: Form::Pronoun,
                subject,
                aside: pronouns::is_possessive(p),
            });
        }
        if lower == "who" || lower == "whose" {
            // Right after the name: "X, who" or "X who".
            let (seen, end) = last?;
            let joined =
                words::only_space(text, end, w.start) || words::only_comma(text, end, w.start);
            if !joined {
                return None;
            }
            let entity = pronouns::relative(lower == "whose", Some(&seen), self.facts)?;
            return Some(Link {
                entity,
                start: w.start,
                end: w.end,
                form: Form::Pronoun,
                subject: false,
                aside: true,
            });
        }
        if lower == "the" || lower == "this" {
            let mut after = after.peekable();
            if !nominals::may_open(text, w, *after.peek()?, self.facts) {
                return None;
            }
            buf.clear();
            buf.extend(after.take(self.k.max_title_words + 2));
            let d = nominals::find(text, w, buf, self.facts, self.k.max_title_words)?;
            let entity = self
                .named_after(&d, limit)
                .or_else(|| nominals::resolve(text, &d, serial, &self.focus, self.facts))?;
            let subject = opens_sentence() || self.verb_follows(d.end, limit);
            // The mention is the description without its determiner.
            return Some(Link {
                entity,
                start: d.start,
                end: d.end,
                form: Form::Nominal,
                subject,
                aside: possessive_after(text, d.end),
            });
        }
        None
    }
}

/// Whether punctuation that ends a clause comes right after `end` ("denied it.", "it, too").
fn ends_clause(text: &[u8], end: usize) -> bool {
    matches!(
        text.get(end),
        None | Some(b'.' | b',' | b';' | b':' | b'!' | b'?' | b')')
    )
}

/// A mention the pass links: its entity, span and form, and how it stands in its sentence.
struct Link {
    entity: u32,
    start: usize,
    end: usize,
    form: Form,
    subject: bool,
    aside: bool,
}

/// Whether a verb of saying or an auxiliary comes right after `end` (within `limit`).
fn verb_follows(text: &[u8], end: usize, limit: usize, k: &Knowledge) -> bool {
    let Some(w) = words::next_word(text, end, limit) else {
        return false;
    };
    if !words::only_space(text, end, w.start) && !words::only_comma(text, end, w.start) {
        return false;
    }
    let mut buf = [0u8; 24];
    let word = w.lower(text, &mut buf).unwrap_or("");
    is_subject_verb(word) || k.is_person_cue(word)
}

/// Whether a mention in focus is its sentence's subject: where it stands says so, or a verb
/// of saying follows it.
fn is_subject(text: &[u8], s: &Seen, k: &Knowledge) -> bool {
    s.subject
        || (s.acts_if)
            .is_some_and(|(end, limit)| verb_follows(text, end as usize, limit as usize, k))
}

/// Whether a possessive "'s" follows `end` ("Carter's"): the name then qualifies a noun.
fn possessive_after(text: &[u8], end: usize) -> bool {
    let rest = text.get(end..).unwrap_or_default();
    rest.starts_with(b"'s") || rest.starts_with("\u{2019}s".as_bytes())
}

/// Whether the sentence starting at `start` opens a window (see the module's introduction):
/// it is the first one, a blank line is between it and the one before (which ended at
/// `prev_end`), or the window has `run` sentences already.
fn opens_window(text: &[u8], prev_end: Option<usize>, start: usize, run: u32) -> bool {
    prev_end.is_none_or(|end| paragraph_break(text, end, start) || run == MAX_RUN)
}

/// Whether a blank line separates `a` from `b`.
fn paragraph_break(text: &[u8], a: usize, b: usize) -> bool {
    let gap = text.get(a..b).unwrap_or_default();
    memchr::memchr_iter(b'\n', gap).nth(1).is_some()
        || memchr::memchr_iter(b'\r', gap).nth(1).is_some()
}

/// Puts what the pass found into the entities, then orders them again, their mentions in one
/// new store. When the entities are shared (with the names' cast a reader shows meanwhile),
/// only those that gain or lose mentions move to the new store; the others (places, dates,
/// figures and every actor nothing refers to: most mentions) keep theirs where they are, in
/// the names' store, which that cast holds anyway: a copy of all would be the pass's
/// largest block, held beside it. Unshared, the names' store is freed once all moved.
fn apply(entities: &mut Arc<Vec<Entity>>, found: Found) {
    let Found {
        mut added,
        mut moved,
        ..
    } = found;
    if added.is_empty() {
        return;
    }
    added.sort_unstable_by_key(|&(e, m)| (e, m.start));
    moved.sort_unstable_by_key(|m| m.start);
    let is_moved = |m: &Mention| {
        moved
            .binary_search_by_key(&{ m.start }, |x| x.start)
            .is_ok()
    };
    // The store of the names' mentions. An entity with mentions elsewhere (a team, or one
    // whose mentions were edited) moves to the new store too, so that the mentions lie in
    // two stores, which a mention index reads in place (see `MentionIndex`).
    let names = (entities.iter())
        .map(|e| e.mentions.store().0)
        .max_by_key(|s| s.len())
        .map(Arc::clone)
        .unwrap_or_default();
    let shown = Arc::strong_count(entities) > 1;
    // Each entity's added mentions (a range of `added`), and whether it moves.
    let mut next = 0;
    let extras: Vec<(Range<usize>, bool)> = (entities.iter().enumerate())
        .map(|(i, e)| {
            let count = added[next..].partition_point(|(owner, _)| *owner as usize == i);
            let extra = next..next + count;
            next += count;
            // Whether it loses a name is looked for last: a search for each of its mentions.
            let loses = || !moved.is_empty() && e.mentions.iter().any(is_moved);
            let elsewhere = !Arc::ptr_eq(e.mentions.store().0, &names);
            let changes = !shown || !extra.is_empty() || elsewhere || loses();
            (extra, changes)
        })
        .collect();
    let total: usize = (entities.iter().zip(&extras))
        .filter(|(_, (_, changes))| *changes)
        .map(|(e, (extra, _))| e.mentions.len() + extra.len())
        .sum();
    let mut store: Vec<Mention> = Vec::with_capacity(total);
    let mut ranges = Vec::with_capacity(entities.len());
    for (e, (extra, changes)) in entities.iter().zip(&extras) {
        if !changes {
            ranges.push(None);
            continue;
        }
        let from = store.len();
        let own = &e.mentions[..];
        let extra = &added[extra.clone()];
        // Two sorted lists into one, the moved names left out.
        let (mut a, mut b) = (0, 0);
        while a < own.len() || b < extra.len() {
            let take_own = b == extra.len() || (a < own.len() && own[a].start < extra[b].1.start);
            if take_own {
                let m = own[a];
                a += 1;
                if !is_moved(&m) {
                    store.push(m);
                }
            } else {
                store.push(extra[b].1);
                b += 1;
            }
        }
        ranges.push(Some(from..store.len()));
    }
    drop((added, extras));
    let store = Arc::new(store);
    // A copy here if the entities are shared, beside the store and not during the pass.
    let entities = Arc::make_mut(entities);
    for (e, r) in entities.iter_mut().zip(ranges) {
        if let Some(r) = r {
            e.mentions = Mentions::shared(&store, r);
        }
    }
    *entities = entity::order(std::mem::take(entities));
}
