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
//! is given the [`LOOKBACK`] sentences before it and the document facts. Work is linear in
//! the text: one pass of the sentence splitter and a word scan, a bounded focus per
//! sentence, lookups in small tables.

mod facts;
mod focus;
mod in_pieces;
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
use crate::domain::mention_index::MentionIndex;
use crate::domain::sentences;
use facts::{Class, Facts};
use focus::{Focus, Seen};
use words::Word;

/// Sentences before a window whose names are in focus when it starts.
pub const LOOKBACK: usize = 3;
/// The longest run of sentences read as one window.
pub const MAX_RUN: u32 = 24;

/// Links the pronouns, descriptions and metonyms of `text` to `entities` (which must be the
/// entities of that text, offsets into it). `quotes`: the spans of the quotations, sorted by
/// start (empty if unknown). Entities end ordered as [`entity::finalize`] orders them.
pub fn link(text: &[u8], entities: &mut Vec<Entity>, quotes: &[Range<usize>]) {
    link_releasing(text, entities, quotes, 1, |_| {});
}

/// [`link`] on a document, giving back the pages of a mapped file behind the pass (see
/// `Document::release`).
pub fn link_document(doc: &Document, entities: &mut Vec<Entity>, quotes: &[Range<usize>]) {
    link_document_on(doc, entities, quotes, 1);
}

/// [`link_document`] on `jobs` threads, a run of windows each (see [`in_pieces`]): the links
/// are the same for every number.
pub fn link_document_on(
    doc: &Document,
    entities: &mut Vec<Entity>,
    quotes: &[Range<usize>],
    jobs: usize,
) {
    link_releasing(doc.bytes(), entities, quotes, jobs, |r| doc.release(r));
}

fn link_releasing(
    text: &[u8],
    entities: &mut Vec<Entity>,
    quotes: &[Range<usize>],
    jobs: usize,
    release: impl Fn(Range<usize>) + Sync,
) {
    link_in_runs(text, entities, quotes, jobs, in_pieces::RUN, release);
}

/// [`link`] on `jobs` threads, in runs of about `every` sentences (for the tests of
/// [`in_pieces`], which need many runs in a short text).
#[cfg(test)]
fn link_with(
    text: &[u8],
    entities: &mut Vec<Entity>,
    quotes: &[Range<usize>],
    jobs: usize,
    every: usize,
) {
    link_in_runs(text, entities, quotes, jobs, every, |_| {});
}

fn link_in_runs(
    text: &[u8],
    entities: &mut Vec<Entity>,
    quotes: &[Range<usize>],
    jobs: usize,
    every: usize,
    release: impl Fn(Range<usize>) + Sync,
) {
    if entities.is_empty() || text.is_empty() {
        return;
    }
    let k = knowledge::builtin();
    let index = MentionIndex::new(entities);
    let facts = Facts::gather(
        text,
        entities,
        k,
        index
            .overlapping(0..text.len())
            .map(|(m, e)| (e as u32, m.start, m.end)),
    );
    let metonyms = metonyms::targets(entities, &facts, k);
    let resolver = || Resolver {
        text,
        k,
        index: &index,
        facts: &facts,
        metonyms: &metonyms,
        quotes,
        focus: Focus::default(),
        found: Found::default(),
        in_sentence: Vec::new(),
        words: Vec::new(),
    };
    let found = if jobs > 1 {
        in_pieces::run(text, jobs, every, resolver, release)
    } else {
        let mut r = resolver();
        r.run(
            Vec::new(),
            sentences::split(text, 0..text.len()),
            0,
            0,
            release,
        );
        r.found
    };
    drop(index);
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
    index: &'a MentionIndex,
    facts: &'a Facts,
    metonyms: &'a [Option<u32>],
    quotes: &'a [Range<usize>],
    focus: Focus,
    found: Found,
    /// The name mentions and the words of the current sentence (buffers reused).
    in_sentence: Vec<(Mention, u32)>,
    words: Vec<Word>,
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

impl Resolver<'_> {
    /// Reads `sentences` in order, the first of them opening a window. `before`: the
    /// sentences before them (the last [`LOOKBACK`] at most), in focus when the first window
    /// opens; `serial`: the number of the sentence before them (see [`in_pieces::plan`]).
    /// Pages are given back behind the reading, from `released` on.
    fn run(
        &mut self,
        before: Vec<Range<usize>>,
        sentences: impl Iterator<Item = Range<usize>>,
        mut serial: u32,
        mut released: usize,
        release: impl Fn(Range<usize>),
    ) {
        let text = self.text;
        let mut recent: VecDeque<Range<usize>> = VecDeque::with_capacity(LOOKBACK + 1);
        recent.extend(before);
        let mut run: u32 = 0;
        let mut prev_end: Option<usize> = None;
        for s in sentences {
            if opens_window(text, prev_end, s.start, run) {
                self.focus.clear();
                run = 0;
                for r in &recent {
                    serial += 1;
                    self.sentence(r.clone(), serial, false);
                }
            }
            serial += 1;
            run += 1;
            self.sentence(s.clone(), serial, true);
            prev_end = Some(s.end);
            recent.push_back(s);
            if recent.len() > LOOKBACK {
                recent.pop_front();
            }
            if let Some(oldest) = recent.front()
                && oldest.start >= released + (1 << 20)
            {
                release(released..oldest.start);
                released = oldest.start;
            }
        }
        if let Some(end) = prev_end {
            release(released..end);
        }
    }

    fn quote_of(&self, at: usize) -> Option<u32> {
        let i = self.quotes.partition_point(|q| q.end <= at);
        let q = self.quotes.get(i)?;
        (q.start <= at).then_some(i as u32)
    }

    /// Reads one sentence: its names go into focus; when `emit`, its pronouns and
    /// descriptions are resolved and linked too.
    fn sentence(&mut self, range: Range<usize>, serial: u32, emit: bool) {
        let text = self.text;
        self.focus.age(serial);
        let mut mentions = std::mem::take(&mut self.in_sentence);
        mentions.clear();
        mentions.extend(
            self.index
                .overlapping(range.clone())
                .map(|(m, e)| (m, e as u32)),
        );
        let mut next_mention = 0;
        // Where the last mention read ends (words inside it are part of a name).
        let mut covered = range.start;
        let mut words_before = 0u32;
        let mut preposition_before = false;
        let mut actor_before = false;
        // The last mention read, if it ended right before the current word (for "who").
        let mut last: Option<(Seen, usize)> = None;
        // Where the last mention this pass made ends (two never overlap).
        let mut emitted_until = range.start;
        // Words of the sentence, with a little look-ahead for descriptions.
        // Replaying a sentence only puts its names in focus: the words after its last name
        // do not matter then.
        let read_to = if emit {
            range.end
        } else {
            mentions.last().map_or(range.start, |(m, _)| m.end as usize)
        };
        let mut all = std::mem::take(&mut self.words);
        all.clear();
        all.extend(words::words(text, range.start..read_to));
        let mut i = 0;
        while i < all.len() {
            let w = all[i];
            while next_mention < mentions.len() && (mentions[next_mention].0.start as usize) < w.end
            {
                let (m, e) = mentions[next_mention];
                next_mention += 1;
                covered = covered.max(m.end as usize);
                let class = self.facts.class[e as usize];
                if class == Class::Value {
                    continue;
                }
                // A people's name before a noun only describes it ("the Syrian team").
                let describes = class == Class::Group
                    && !text[..m.end as usize].ends_with(b"s")
                    && self.noun_follows(m.end as usize, range.end);
                let subject =
                    (!actor_before && !preposition_before && words_before <= 4 && !describes)
                        || self.verb_follows(m.end as usize, range.end);
                let aside = possessive_after(text, m.end as usize)
                    || self.source_before(m.start as usize, range.start);
                actor_before = true;
                let mut entity = e;
                if let Some(target) = self.metonyms[e as usize]
                    && metonyms::acts(text, m.end as usize, range.end, self.k)
                {
                    entity = target;
                    if emit {
                        self.found.moved.push(m);
                        self.found
                            .added
                            .push((target, Mention::with_form(m.range(), Form::Nominal)));
                    }
                }
                let seen = Seen {
                    entity,
                    start: m.start,
                    sentence: serial,
                    subject,
                    quote: self.quote_of(m.start as usize),
                    aside,
                };
                self.focus.push(seen);
                last = Some((seen, m.end as usize));
                // "According to X, a detective ..." is no apposition: the comma ends the source.
                if emit
                    && !aside
                    && let Some((s, e)) = self.apposition(entity, m, range.clone(), emitted_until)
                {
                    self.found
                        .added
                        .push((entity, Mention::with_form(s..e, Form::Nominal)));
                    covered = covered.max(e);
                    emitted_until = e;
                }
            }
            if w.start < covered {
                i += 1;
                continue;
            }
            // Most words neither link (pronouns, "who", "the", "this" start with one of
            // these letters) nor tell where the subject is: they are only counted.
            let first = text[w.start].to_ascii_lowercase();
            let may_link = emit
                && (2..=10).contains(&(w.end - w.start))
                && matches!(first, b'h' | b's' | b'i' | b't' | b'w');
            if !may_link && (actor_before || words_before > 4) {
                last = None;
                words_before += 1;
                i += 1;
                continue;
            }
            let mut buf = [0u8; 24];
            let lower = w.lower(text, &mut buf).unwrap_or("");
            let mut consumed = 1;
            let prev = i.checked_sub(1).map(|j| all[j]);
            if emit
                && let Some(l) =
                    self.link_word(w, lower, &all[i + 1..], serial, prev, last, range.end)
            {
                let (entity, end, subject) = (l.entity, l.end, l.subject);
                let m = Mention::with_form(l.start..end, l.form);
                self.found.added.push((entity, m));
                emitted_until = end;
                let seen = Seen {
                    entity,
                    start: m.start,
                    sentence: serial,
                    subject,
                    quote: self.quote_of(m.start as usize),
                    aside: l.aside,
                };
                self.focus.push(seen);
                actor_before |= subject;
                // A description's own words are read.
                while i + consumed < all.len() && all[i + consumed].start < end {
                    consumed += 1;
                }
            } else if !actor_before && PREPOSITIONS.contains(&lower) {
                preposition_before = true;
            }
            last = None;
            words_before += consumed as u32;
            i += consumed;
        }
        self.in_sentence = mentions;
        self.words = all;
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
        let Some(w) = words::next_word(self.text, end, limit) else {
            return false;
        };
        if !words::only_space(self.text, end, w.start)
            && !words::only_comma(self.text, end, w.start)
        {
            return false;
        }
        let mut buf = [0u8; 24];
        let word = w.lower(self.text, &mut buf).unwrap_or("");
        SUBJECT_VERBS.contains(&word) || self.k.is_person_cue(word)
    }

    /// What the word `w` links, if anything: the entity, the mention's span, its form and
    /// whether it is the subject of what follows.
    #[allow(clippy::too_many_arguments)]
    fn link_word(
        &self,
        w: Word,
        lower: &str,
        after: &[Word],
        serial: u32,
        prev: Option<Word>,
        last: Option<(Seen, usize)>,
        limit: usize,
    ) -> Option<Link> {
        let text = self.text;
        let opens_sentence = prev.is_none();
        if let Some(mut p) = pronouns::classify(lower) {
            if lower == "it" && prev.is_some_and(|v| self.takes_an_object(v, w)) {
                p.case = pronouns::Case::Object;
            }
            let subject = opens_sentence || self.verb_follows(w.end, limit);
            let at = pronouns::At {
                start: w.start as u32,
                sentence: serial,
                quote: self.quote_of(w.start),
                continues: subject,
            };
            let entity = pronouns::resolve(text, p, &at, &self.focus, self.facts)?;
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
            let next = &after[..after.len().min(self.k.max_title_words + 2)];
            let d = nominals::find(text, w, next, self.facts, self.k.max_title_words)?;
            let entity = nominals::resolve(text, &d, serial, &self.focus, self.facts)?;
            let subject = opens_sentence || self.verb_follows(d.end, limit);
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
    *entities = entity::finalize(std::mem::take(entities));
}
