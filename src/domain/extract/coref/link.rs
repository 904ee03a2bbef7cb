//! What a word or a name links: a pronoun, "who", a description after "the" or "this", or
//! one a possessive opens; an apposition beside a name; the tests of the words around them
//! (a verb that follows, "according to" before).

use std::ops::Range;

use super::super::knowledge::Knowledge;
use super::class::Class;
use super::focus::Seen;
use super::words::{self, Word};
use super::{Resolver, appositions, is_subject_verb, nominals, pronouns, speakers, types};
use crate::domain::entity::{Form, Mention};

impl Resolver<'_> {
    /// The description in apposition to the name `m` of `entity` ("X, the defence
    /// secretary," / "a Scientology attorney, X."), if its head fits the entity, and it does
    /// not overlap what was linked before `free_from`.
    pub(super) fn apposition(
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
    pub(super) fn named_after(&self, d: &nominals::Description, limit: usize) -> Option<u32> {
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
    pub(super) fn takes_an_object(&self, v: Word, w: Word) -> bool {
        let mut buf = [0u8; 24];
        let lower = v.lower(self.text, &mut buf).unwrap_or("");
        words::only_space(self.text, v.end, w.start)
            && v.is_lowercase(self.text)
            && !pronouns::starts_clause(lower)
            && !is_subject_verb(lower)
            && !self.k.is_person_cue(lower)
    }

    /// Whether "according to" comes right before `start`: the source of a report.
    pub(super) fn source_before(&self, start: usize, from: usize) -> bool {
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
    pub(super) fn noun_follows(&self, end: usize, limit: usize) -> bool {
        words::next_word(self.text, end, limit).is_some_and(|w| {
            words::only_space(self.text, end, w.start)
                && w.is_lowercase(self.text)
                && !self.verb_follows(end, limit)
        })
    }

    /// Whether a verb of saying or an auxiliary comes right after `end`.
    pub(super) fn verb_follows(&self, end: usize, limit: usize) -> bool {
        verb_follows(self.text, end, limit, self.k)
    }

    /// A third-person pronoun in a clause that opens its sentence, for a name that comes
    /// after the clause ("After his arrest, Montalvo ..."): the first name of the main clause
    /// that agrees with it, if one of its first words is one.
    pub(super) fn cataphora(
        &self,
        w: Word,
        lower: &str,
        clause_end: usize,
        limit: usize,
    ) -> Option<Link> {
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
    pub(super) fn possessed(
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
    pub(super) fn link_word(
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
pub(super) struct Link {
    pub(super) entity: u32,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) form: Form,
    pub(super) subject: bool,
    pub(super) aside: bool,
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
pub(super) fn possessive_after(text: &[u8], end: usize) -> bool {
    let rest = text.get(end..).unwrap_or_default();
    rest.starts_with(b"'s") || rest.starts_with("\u{2019}s".as_bytes())
}
