//! The names of a sentence read into focus, with the descriptions that name them too: an
//! apposition, a type noun ("the company Samsung"), a possessed noun ("his father X").

use std::ops::Range;

use super::super::class::Class;
use super::super::focus::Seen;
use super::super::words;
use super::super::{Resolver, appositions, phrase};
use super::Reading;
use crate::domain::entity::{Form, Mention};

impl Resolver<'_> {
    /// A noun for a person between a possessive and the name of a person starting at
    /// `start` ("his father X", "the club's coach X", "her lawyer X"): its span, when no
    /// mention made before covers it.
    fn owned_noun_before(&self, entity: u32, start: usize, rd: &Reading) -> Option<Range<usize>> {
        let text = self.text;
        if self.facts.class[entity as usize] != Class::Person {
            return None;
        }
        let from = rd.range.start;
        let noun = words::word_before(text, rd.emitted_until.max(from), start)?;
        if !words::only_space(text, noun.end, start) || !noun.is_lowercase(text) {
            return None;
        }
        // A possessive ends with "s" or "r" ("his", "their", "the club's"): most words
        // before a lower-case word do not, and are not looked for.
        let last = (text[from..noun.start].iter().rev()).find(|c| !c.is_ascii_whitespace());
        if !matches!(last, Some(b's' | b'S' | b'r' | b'R')) {
            return None;
        }
        let owner = words::word_before(text, from, noun.start)?;
        let owner_bytes = owner.bytes(text);
        let possessive = ["his", "her", "their", "its"]
            .iter()
            .any(|p| owner.is(text, p))
            || owner_bytes.ends_with(b"'s")
            || owner_bytes.ends_with("\u{2019}s".as_bytes());
        let mut buf = [0u8; 24];
        (possessive
            && words::only_space(text, owner.end, noun.start)
            && noun
                .lower(text, &mut buf)
                .is_some_and(|n| appositions::is_person_noun(self.k, n)))
        .then_some(noun.start..noun.end)
    }

    /// Reads the names of the sentence that start before `until` (which the reading of names
    /// only has described): into focus, with their appositions and metonyms.
    // Asked at every word read, most of which have no name before them: that test inlined,
    // the names read out of line.
    #[inline]
    pub(super) fn names_until(&mut self, rd: &mut Reading, until: usize) {
        if rd
            .names
            .get(rd.next_name)
            .is_some_and(|n| (n.m.start as usize) < until)
        {
            self.names_read(rd, until);
        }
    }

    /// [`Self::names_until`] once a name is known to start before `until`.
    #[inline(never)]
    fn names_read(&mut self, rd: &mut Reading, until: usize) {
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
            } else if let Some(noun) = phrase::type_noun_before(
                self.text,
                rd.emitted_until.max(rd.range.start),
                m.start as usize,
                self.facts.types[entity as usize],
            ) {
                // "the company Samsung", "the church of Scientology".
                self.found
                    .added
                    .push((entity, Mention::with_form(noun.clone(), Form::Nominal)));
                rd.emitted_until = rd.emitted_until.max(noun.end);
            } else if let Some(noun) = self.owned_noun_before(entity, m.start as usize, rd) {
                // "His father Mohamed El-Hassan Mohamed said": the noun is the person.
                self.found
                    .added
                    .push((entity, Mention::with_form(noun.clone(), Form::Nominal)));
                rd.emitted_until = rd.emitted_until.max(noun.end);
            } else if let Some(noun) = phrase::type_noun_after(
                self.text,
                m.end as usize,
                rd.range.end,
                self.facts.types[entity as usize],
            ) {
                // "the Scientology organization": the noun is the entity too.
                self.found
                    .added
                    .push((entity, Mention::with_form(noun.clone(), Form::Nominal)));
                rd.covered = rd.covered.max(noun.end);
                rd.emitted_until = noun.end;
            }
        }
    }
}
