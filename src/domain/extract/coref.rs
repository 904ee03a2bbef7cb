//! Coreference: links the pronouns ("he", "its", "they"), descriptions ("the prime minister",
//! "the company", "the 45-year-old") and metonyms ("Pyongyang said") of a text to the entities
//! the extractor found, as mentions of form `pronoun` or `nominal`.
//!
//! A rule-based resolver in the spirit of the deterministic multi-pass sieve of Lee et al.
//! (2013): each rule links only what the text makes clear, and leaves the rest unlinked (a
//! wrong light is worse than a missing one). The rules, one file each: `pronouns` (agreement
//! in number, gender and animacy, subjects first), `nominals` (roles given earlier, ages, type
//! nouns that fit one entity in focus), `metonyms`; `facts` gathers what they need to know of
//! each entity, `focus` what the last sentences spoke of.
//!
//! # What a decision depends on (for running in pieces)
//! - document facts, gathered first over the whole text (`facts`): each entity's kind, a
//!   person's gender (given names, honorifics, gendered roles around any of its names), the
//!   type nouns that fit it, the roles and ages given to people and where each was first
//!   given, the metonyms' targets;
//! - the window of its sentence: the text from the start of its paragraph (a blank line
//!   starts one; a paragraph longer than [`MAX_RUN`] sentences starts a new window every
//!   [`MAX_RUN`] sentences, counted from its start) up to the mention, plus the names (not the
//!   pronouns) of the [`LOOKBACK`] sentences before the window;
//! - the quotation spans.
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

mod facts;
mod focus;
mod in_text;
mod metonyms;
mod nominals;
mod pronouns;
mod types;
mod words;

#[cfg(test)]
mod tests;

use std::collections::VecDeque;
use std::ops::Range;
use std::sync::Arc;

use super::knowledge::{self, Knowledge};
use crate::domain::document::Document;
use crate::domain::entity::{self, Entity, Form, Mention, Mentions};
use crate::domain::sentences;
use facts::{Class, Facts};
use focus::{Focus, Seen};
use in_text::Named;
use words::Word;

/// Sentences before a window whose names are in focus when it starts.
pub const LOOKBACK: usize = 3;
/// The longest run of sentences read as one window.
pub const MAX_RUN: u32 = 24;

/// Links the pronouns, descriptions and metonyms of `text` to `entities` (which must be the
/// entities of that text, offsets into it). `quotes`: the spans of the quotations, sorted by
/// start (empty if unknown). Entities end ordered as [`entity::finalize`] orders them.
pub fn link(text: &[u8], entities: &mut Vec<Entity>, quotes: &[Range<usize>]) {
    link_before_ids(text, entities, quotes);
    entity::give_ids(entities);
}

/// [`link`] on a document, giving back the pages of a mapped file behind the pass (see
/// `Document::release`).
pub fn link_document(doc: &Document, entities: &mut Vec<Entity>, quotes: &[Range<usize>]) {
    link_document_before_ids(doc, entities, quotes, 1);
    entity::give_ids(entities);
}

/// [`link`] for the extractor, which gives the ids once, after this pass: the entities end
/// ordered as [`entity::order`] orders them, their ids as they were.
pub(super) fn link_before_ids(text: &[u8], entities: &mut Vec<Entity>, quotes: &[Range<usize>]) {
    let sentences = sentences::split(text, 0..text.len());
    link_releasing(text, entities, quotes, sentences, |_| {});
}

/// [`link_document`] for the extractor (see [`link_before_ids`]); the document's sentences
/// are split on `jobs` threads if they are not yet.
pub(super) fn link_document_before_ids(
    doc: &Document,
    entities: &mut Vec<Entity>,
    quotes: &[Range<usize>],
    jobs: usize,
) {
    if entities.is_empty() {
        return;
    }
    // The dateline's line, then the body's sentences, which the connections read too.
    let head = sentences::split(doc.bytes(), 0..doc.body_start());
    let sentences = head.chain(doc.sentences(jobs).iter());
    link_releasing(doc.bytes(), entities, quotes, sentences, |r| doc.release(r));
}

fn link_releasing(
    text: &[u8],
    entities: &mut Vec<Entity>,
    quotes: &[Range<usize>],
    sentences: impl Iterator<Item = Range<usize>>,
    release: impl FnMut(Range<usize>),
) {
    if entities.is_empty() || text.is_empty() {
        return;
    }
    let k = knowledge::builtin();
    let names = in_text::in_text_order(entities);
    let facts = Facts::gather(
        text,
        entities,
        k,
        names.iter().map(|n| (n.entity, n.start, n.end)),
    );
    let metonyms = metonyms::targets(entities, &facts, k);
    let mut r = Resolver {
        text,
        k,
        names: &names,
        facts: &facts,
        metonyms: &metonyms,
        quotes,
        focus: Focus::default(),
        found: Found::default(),
        after: Vec::new(),
        in_sentence: Vec::new(),
    };
    r.run(sentences, release);
    let found = r.found;
    drop(names);
    apply(entities, found);
}

/// What the pass found: mentions to add (entity, mention) and name mentions that move to
/// another entity (metonyms).
#[derive(Default)]
struct Found {
    added: Vec<(u32, Mention)>,
    moved: Vec<Mention>,
}

struct Resolver<'a> {
    text: &'a [u8],
    k: &'a Knowledge,
    /// The name mentions in the order of the text.
    names: &'a [Named],
    facts: &'a Facts,
    metonyms: &'a [Option<u32>],
    quotes: &'a [Range<usize>],
    focus: Focus,
    found: Found,
    /// The words after a determiner, for descriptions, and the names of the sentence
    /// (buffers reused).
    after: Vec<Word>,
    in_sentence: Vec<Name>,
}

/// Words before which a name is not the sentence's subject.
const PREPOSITIONS: &[&str] = &[
    "in",
    "of",
    "for",
    "with",
    "to",
    "by",
    "from",
    "at",
    "on",
    "about",
    "against",
    "after",
    "before",
    "under",
    "over",
    "between",
    "among",
    "into",
    "through",
    "during",
    "like",
    "than",
    "via",
    "toward",
    "towards",
    "including",
    "behind",
    "near",
    "without",
    "as",
    "whom",
];

/// Verbs right after a name or pronoun that make it the one acting ("X said", "he has").
const SUBJECT_VERBS: &[&str] = &[
    "has", "had", "have", "is", "was", "were", "are", "will", "would", "could", "can", "may",
    "might", "did", "does", "should", "must",
];

/// Where a sentence's reading stands: what decides whether a name is its subject.
#[derive(Debug, Default, Clone, Copy)]
struct Opening {
    /// Words read (outside names) before the current one.
    words: u32,
    preposition: bool,
    /// A name (or a linked subject) was read.
    actor: bool,
}

impl Opening {
    /// Whether a name read now opens the sentence as its subject.
    fn subject(&self, describes: bool) -> bool {
        !self.actor && !self.preposition && self.words <= 4 && !describes
    }

    /// Past the opening: what follows no longer changes which names are subjects.
    fn settled(&self) -> bool {
        self.actor || self.words > 4
    }
}

/// A name mention of a sentence, with what the text right around it says.
#[derive(Debug, Clone, Copy)]
struct Name {
    m: Mention,
    /// Its entity, or the state it stands for when it is a metonym that acts.
    entity: u32,
    /// The entity whose name it is (another than `entity` for a metonym that acts).
    named: u32,
    /// A date or a figure: it covers its words, but is not read.
    value: bool,
    /// A people's name before a noun, which only describes it ("the Syrian team").
    describes: bool,
    /// Where it ends and its sentence ends, to look whether it acts (a verb of saying or an
    /// auxiliary follows it) when that matters.
    acts_if: (u32, u32),
    aside: bool,
    quote: Option<u32>,
}

/// A sentence read for its names only, as it is read again when a window opens after it:
/// each name gets the subject flag that reading gives (it sees no pronouns or descriptions).
#[derive(Debug, Clone, Copy)]
struct NamesOnly {
    opening: Opening,
    covered: usize,
    /// The next name mention to read.
    next: usize,
}

/// The state of the reading of one sentence.
struct Reading {
    range: Range<usize>,
    serial: u32,
    /// The name mentions of the sentence end here (an index of the names in order).
    names_end: usize,
    /// The sentence's names, described (the reading of names only, which runs ahead of the
    /// other, describes them).
    names: Vec<Name>,
    /// The next of `names` to read.
    next_name: usize,
    names_only: NamesOnly,
    /// Where the last mention read ends (words inside it are part of a name).
    covered: usize,
    opening: Opening,
    /// The last name read, if no word has been read since (for "who").
    last: Option<(Seen, usize)>,
    /// Where the last mention this pass made ends (two never overlap).
    emitted_until: usize,
    /// The last word a description took in, and the end of the word that opened it.
    consumed: Option<(Word, usize)>,
}

impl Resolver<'_> {
    /// Reads the text a sentence at a time (`sentences`: all of them, in order).
    fn run(
        &mut self,
        sentences: impl Iterator<Item = Range<usize>>,
        mut release: impl FnMut(Range<usize>),
    ) {
        let text = self.text;
        // The last sentences, each with its names as a window opening after it reads them.
        let mut recent: VecDeque<(Range<usize>, Vec<Seen>)> = VecDeque::with_capacity(LOOKBACK + 1);
        let mut first_name = 0;
        let mut serial: u32 = 0;
        let mut run: u32 = 0;
        let mut prev_end: Option<usize> = None;
        let mut released = 0;
        for s in sentences {
            let new_window = match prev_end {
                None => true,
                Some(end) => paragraph_break(text, end, s.start) || run == MAX_RUN,
            };
            if new_window {
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
            recent.push_back((s, seen));
            if let Some((oldest, _)) = recent.front()
                && oldest.start >= released + (1 << 20)
            {
                release(released..oldest.start);
                released = oldest.start;
            }
        }
        release(released..text.len());
    }

    fn quote_of(&self, at: usize) -> Option<u32> {
        let i = self.quotes.partition_point(|q| q.end <= at);
        let q = self.quotes.get(i)?;
        (q.start <= at).then_some(i as u32)
    }

    /// The name mention `i` of the sentence `range`, with what the text around it says.
    fn name(&self, i: usize, range: &Range<usize>) -> Name {
        let text = self.text;
        let Named {
            start,
            end,
            entity: e,
        } = self.names[i];
        let m = Mention::new(start as usize..end as usize);
        let class = self.facts.class[e as usize];
        let mut name = Name {
            m,
            entity: e,
            named: e,
            value: class == Class::Value,
            describes: false,
            acts_if: (end, range.end as u32),
            aside: false,
            quote: None,
        };
        if name.value {
            return name;
        }
        let end = m.end as usize;
        name.describes = class == Class::Group
            && !text[..end].ends_with(b"s")
            && self.noun_follows(end, range.end);
        name.aside =
            possessive_after(text, end) || self.source_before(m.start as usize, range.start);
        if let Some(target) = self.metonyms[e as usize]
            && metonyms::acts(text, end, range.end, self.k)
        {
            name.entity = target;
        }
        name.quote = self.quote_of(m.start as usize);
        name
    }

    /// Describes the names of the sentence that start before `until` into `rd.names`, and
    /// reads them as a reading of names only would ([`NamesOnly`]; their mentions as it sees
    /// them go into `seen`) — unless `read` is false (the reading of names only never gets
    /// to them).
    fn names_only_until(&self, rd: &mut Reading, until: usize, read: bool, seen: &mut Vec<Seen>) {
        let r = &mut rd.names_only;
        while r.next < rd.names_end && (self.names[r.next].start as usize) < until {
            let name = self.name(r.next, &rd.range);
            r.next += 1;
            rd.names.push(name);
            if !read {
                continue;
            }
            r.covered = r.covered.max(name.m.end as usize);
            if name.value {
                continue;
            }
            seen.push(Seen {
                entity: name.entity,
                start: name.m.start,
                sentence: 0,
                subject: r.opening.subject(name.describes),
                acts_if: Some(name.acts_if),
                quote: name.quote,
                aside: name.aside,
            });
            r.opening.actor = true;
        }
    }

    /// Reads the word `w` as a reading of names only would: the names before its end first,
    /// then the word itself.
    fn names_only_word(&self, rd: &mut Reading, w: Word, seen: &mut Vec<Seen>) {
        self.names_only_until(rd, w.end, true, seen);
        let r = &mut rd.names_only;
        if w.start < r.covered {
            return;
        }
        if !r.opening.settled() {
            let mut buf = [0u8; 24];
            let lower = w.lower(self.text, &mut buf).unwrap_or("");
            r.opening.preposition |= PREPOSITIONS.contains(&lower);
        }
        r.opening.words += 1;
    }

    /// Reads the names of the sentence that start before `until` (which the reading of names
    /// only has described): into focus, with their appositions and metonyms.
    fn names_until(&mut self, rd: &mut Reading, until: usize) {
        while let Some(&name) = rd.names.get(rd.next_name)
            && (name.m.start as usize) < until
        {
            rd.next_name += 1;
            rd.covered = rd.covered.max(name.m.end as usize);
            if name.value {
                continue;
            }
            let m = name.m;
            let subject = rd.opening.subject(name.describes);
            rd.opening.actor = true;
            let entity = name.entity;
            if name.entity != name.named {
                self.found.moved.push(m);
                self.found
                    .added
                    .push((entity, Mention::with_form(m.range(), Form::Nominal)));
            }
            let read = Seen {
                entity,
                start: m.start,
                sentence: rd.serial,
                subject,
                acts_if: Some(name.acts_if),
                quote: name.quote,
                aside: name.aside,
            };
            self.focus.push(read);
            rd.last = Some((read, m.end as usize));
            // "According to X, a detective ..." is no apposition: the comma ends the source.
            if !name.aside
                && let Some((s, e)) = self.apposition(entity, m, rd.range.clone(), rd.emitted_until)
            {
                self.found
                    .added
                    .push((entity, Mention::with_form(s..e, Form::Nominal)));
                rd.covered = rd.covered.max(e);
                rd.emitted_until = e;
            }
        }
    }

    /// Reads a word that may link (`lower` is it in lower case; `rest` the words after it):
    /// links it if it is a pronoun or opens a description that the text resolves, else notes
    /// a preposition that opens the sentence. Returns the last word read (a description's
    /// words are read with it).
    #[allow(clippy::too_many_arguments)]
    fn word(
        &mut self,
        rd: &mut Reading,
        w: Word,
        lower: &str,
        mut rest: impl Iterator<Item = Word> + Clone,
        prev: impl Fn() -> Option<Word>,
        after: &mut Vec<Word>,
        seen: &mut Vec<Seen>,
    ) -> Word {
        let mut consumed = 1;
        let mut last_read = w;
        let found = self.link_word(
            w,
            lower,
            (rest.clone(), after),
            rd.serial,
            prev,
            rd.last,
            rd.range.end,
        );
        if let Some(l) = found {
            let (entity, end, subject) = (l.entity, l.end, l.subject);
            let m = Mention::with_form(l.start..end, l.form);
            self.found.added.push((entity, m));
            rd.emitted_until = end;
            self.focus.push(Seen {
                entity,
                start: m.start,
                sentence: rd.serial,
                subject,
                acts_if: None,
                quote: self.quote_of(m.start as usize),
                aside: l.aside,
            });
            rd.opening.actor |= subject;
            // A description's own words are read.
            while let Some(n) = rest.next()
                && n.start < end
            {
                self.names_only_word(rd, n, seen);
                consumed += 1;
                last_read = n;
                rd.consumed = Some((n, w.end));
            }
        } else if !rd.opening.actor && PREPOSITIONS.contains(&lower) {
            rd.opening.preposition = true;
        }
        rd.last = None;
        rd.opening.words += consumed;
        last_read
    }

    /// Reads one sentence, whose first name mention (if any) is `first_name` or after it: its
    /// names go into focus, and its pronouns and descriptions are resolved and linked. `seen`
    /// gets its names as a reading of names only sees them (for the windows after it).
    ///
    /// Word by word while the opening decides which names are subjects; past it, only the
    /// names and the words that may link are read (most words are neither).
    fn sentence(
        &mut self,
        range: Range<usize>,
        first_name: usize,
        serial: u32,
        seen: &mut Vec<Seen>,
    ) {
        let text = self.text;
        self.focus.age(serial);
        seen.clear();
        let mut names_end = first_name;
        while names_end < self.names.len() && (self.names[names_end].start as usize) < range.end {
            names_end += 1;
        }
        let mut rd = Reading {
            range: range.clone(),
            serial,
            names_end,
            names: std::mem::take(&mut self.in_sentence),
            next_name: 0,
            names_only: NamesOnly {
                opening: Opening::default(),
                covered: range.start,
                next: first_name,
            },
            covered: range.start,
            opening: Opening::default(),
            last: None,
            emitted_until: range.start,
            consumed: None,
        };
        rd.names.clear();
        let mut after = std::mem::take(&mut self.after);
        let mut all = words::words(text, range.clone());
        let mut prev: Option<Word> = None;
        // Where the words not read yet start.
        let mut pos = range.start;
        while !(rd.opening.settled() && rd.names_only.opening.settled())
            && let Some(w) = all.next()
        {
            self.names_only_word(&mut rd, w, seen);
            self.names_until(&mut rd, w.end);
            pos = w.end;
            let before = prev;
            prev = Some(w);
            if w.start < rd.covered {
                continue;
            }
            if !may_link(text, w) && rd.opening.settled() {
                rd.last = None;
                rd.opening.words += 1;
                continue;
            }
            let mut buf = [0u8; 24];
            let lower = w.lower(text, &mut buf).unwrap_or("");
            let rest = all.clone();
            let last_read = self.word(&mut rd, w, lower, rest, || before, &mut after, seen);
            while let Some(n) = all.clone().next()
                && n.start <= last_read.start
            {
                all.next();
            }
            pos = last_read.end;
            prev = Some(last_read);
        }
        // Past the opening.
        while let Some(w) = words::find_first(text, pos..range.end, &CAN_LINK, may_link_len) {
            self.names_only_until(&mut rd, w.end, true, seen);
            self.names_until(&mut rd, w.end);
            pos = w.end;
            if w.start < rd.covered {
                continue;
            }
            let mut buf = [0u8; 24];
            let lower = w.lower(text, &mut buf).unwrap_or("");
            let prev = || words::last_word(text, range.start, w.start);
            let rest = words::words(text, w.end..range.end);
            pos = self
                .word(&mut rd, w, lower, rest, prev, &mut after, seen)
                .end;
        }
        // The names after the last word read: each reading reads those that a word of its
        // own reaches into (names hold words, so all of them but for odd cases).
        let names_reach = if names_end > first_name {
            self.names[names_end - 1].end as usize
        } else {
            range.start
        };
        let names_only_end = words::last_word(text, range.start, names_reach).map_or(0, |w| w.end);
        self.names_only_until(&mut rd, names_only_end, true, seen);
        self.names_only_until(&mut rd, range.end, false, seen);
        let visited_end = match (words::last_word(text, range.start, range.end), rd.consumed) {
            (Some(w), Some((last_consumed, det_end))) if w == last_consumed => det_end,
            (Some(w), _) => w.end,
            (None, _) => range.start,
        };
        self.names_until(&mut rd, visited_end);
        self.after = after;
        self.in_sentence = rd.names;
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
            Class::Person => nominals::is_person_noun(k, head),
            Class::Organization | Class::Country | Class::Place => {
                types::bit_of(head).is_some_and(|b| facts.types[e] & b != 0)
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
            .then(|| nominals::apposition_after(text, end, sentence.end, fits))
            .flatten();
        after.or_else(|| {
            comma_before
                .then(|| {
                    nominals::apposition_before(text, free_from, start, end, sentence.end, fits)
                })
                .flatten()
        })
    }

    /// Whether the word `v` right before `w` makes `w` an object: a verb or a preposition
    /// ("replaced it", "with it"), not a conjunction or a verb of saying ("said it would").
    fn takes_an_object(&self, v: Word, w: Word) -> bool {
        let mut buf = [0u8; 24];
        let lower = v.lower(self.text, &mut buf).unwrap_or("");
        words::only_space(self.text, v.end, w.start)
            && v.is_lowercase(self.text)
            && !pronouns::starts_clause(lower)
            && !SUBJECT_VERBS.contains(&lower)
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

    /// What the word `w` links, if anything: the entity, the mention's span, its form and
    /// whether it is the subject of what follows.
    #[allow(clippy::too_many_arguments)]
    fn link_word(
        &self,
        w: Word,
        lower: &str,
        (after, buf): (impl Iterator<Item = Word>, &mut Vec<Word>),
        serial: u32,
        prev: impl Fn() -> Option<Word>,
        last: Option<(Seen, usize)>,
        limit: usize,
    ) -> Option<Link> {
        let text = self.text;
        let opens_sentence = || prev().is_none();
        if let Some(mut p) = pronouns::classify(lower) {
            if lower == "it" && prev().is_some_and(|v| self.takes_an_object(v, w)) {
                p.case = pronouns::Case::Object;
            }
            let subject = opens_sentence() || self.verb_follows(w.end, limit);
            let at = pronouns::At {
                start: w.start as u32,
                sentence: serial,
                quote: self.quote_of(w.start),
                continues: subject,
            };
            let is_subject = |s: &Seen| is_subject(text, s, self.k);
            let entity = pronouns::resolve(text, p, &at, &self.focus, self.facts, is_subject)?;
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
            let entity = nominals::resolve(text, &d, serial, &self.focus, self.facts)?;
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

/// A mention the pass links: its entity, span and form, and how it stands in its sentence.
struct Link {
    entity: u32,
    start: usize,
    end: usize,
    form: Form,
    subject: bool,
    aside: bool,
}

/// Whether a word may link: a pronoun, "who", "whose", "the" or "this" is one of these, by
/// its length and first letter (the rest are only counted).
fn may_link(text: &[u8], w: Word) -> bool {
    may_link_len(w.end - w.start) && CAN_LINK[text[w.start] as usize]
}

/// The first letters of the words that may link.
const CAN_LINK: [bool; 256] = words::byte_set(b"hsitwHSITW");

/// The lengths of the words that may link.
fn may_link_len(len: usize) -> bool {
    (2..=10).contains(&len)
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
    SUBJECT_VERBS.contains(&word) || k.is_person_cue(word)
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

/// Whether a blank line separates `a` from `b`.
fn paragraph_break(text: &[u8], a: usize, b: usize) -> bool {
    let gap = text.get(a..b).unwrap_or_default();
    memchr::memchr_iter(b'\n', gap).nth(1).is_some()
        || memchr::memchr_iter(b'\r', gap).nth(1).is_some()
}

/// Puts what the pass found into the entities: one new shared store, each entity's mentions
/// still sorted, then the entities ordered again.
fn apply(entities: &mut Vec<Entity>, found: Found) {
    let Found {
        mut added,
        mut moved,
    } = found;
    if added.is_empty() {
        return;
    }
    added.sort_unstable_by_key(|&(e, m)| (e, m.start));
    moved.sort_unstable_by_key(|m| m.start);
    let total: usize = entities.iter().map(|e| e.mentions.len()).sum::<usize>() + added.len();
    let mut store: Vec<Mention> = Vec::with_capacity(total);
    let mut ranges = Vec::with_capacity(entities.len());
    let mut next = 0;
    for (i, e) in entities.iter().enumerate() {
        let from = store.len();
        let count = added[next..].partition_point(|(owner, _)| *owner as usize == i);
        let extra = &added[next..next + count];
        next += count;
        let own = &e.mentions[..];
        if extra.is_empty() && moved.is_empty() {
            store.extend_from_slice(own);
        } else {
            // Two sorted lists into one, the moved names left out.
            let (mut a, mut b) = (0, 0);
            while a < own.len() || b < extra.len() {
                let take_own =
                    b == extra.len() || (a < own.len() && own[a].start < extra[b].1.start);
                if take_own {
                    let m = own[a];
                    a += 1;
                    if moved
                        .binary_search_by_key(&{ m.start }, |x| x.start)
                        .is_err()
                    {
                        store.push(m);
                    }
                } else {
                    store.push(extra[b].1);
                    b += 1;
                }
            }
        }
        ranges.push(from..store.len());
    }
    let store = Arc::new(store);
    for (e, r) in entities.iter_mut().zip(ranges) {
        e.mentions = Mentions::shared(&store, r);
    }
    *entities = entity::order(std::mem::take(entities));
}
