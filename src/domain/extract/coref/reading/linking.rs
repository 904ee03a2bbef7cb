//! The words that may link (a pronoun, "who", "the", "this"): each resolved to the entity
//! it stands for, if the text says which.

use std::ops::Range;

use super::super::focus::Seen;
use super::super::pronouns;
use super::super::words::{self, Word};
use super::super::{Resolver, is_preposition, possessive_after};
use super::Reading;
use crate::domain::entity::{Form, Mention};

impl Resolver<'_> {
    /// Whether `text[range]` holds "I", "me", "my" or "myself" outside quotations.
    fn first_person_in(&self, range: &Range<usize>) -> bool {
        let text = self.text;
        words::words(text, range.clone()).any(|w| {
            let stem = words::contraction_stem(text, w).unwrap_or(w);
            let first = matches!(
                stem.bytes(text),
                b"I" | b"me" | b"my" | b"My" | b"myself" | b"Myself"
            );
            first && self.quote_of(w.start).is_none()
        })
    }

    /// Reads a word that may link (`lower` is it in lower case; `rest` the words after it):
    /// links it if it is a pronoun or opens a description that the text resolves, else notes
    /// a preposition that opens the sentence. Returns the last word read (a description's
    /// words are read with it).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn word(
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
        // "I'll", "he's": the pronoun is the word before the contraction.
        let mut buf = [0u8; 24];
        let (w, lower) = match words::contraction_stem(self.text, w) {
            Some(stem) => (stem, stem.lower(self.text, &mut buf).unwrap_or("")),
            None => (w, lower),
        };
        if !CAN_LINK.opens(self.text, w) {
            // Most words open like no pronoun, "who" or "the": they only count in the opening.
            if !rd.opening.settled() && is_preposition(lower) {
                rd.opening.preposition = true;
            }
            rd.last = None;
            rd.opening.words += 1;
            return last_read;
        }
        // A sentence in the first person outside any quotation is someone's words with their
        // marks lost: who its "she" or "he" is, the text does not say.
        let pronoun = pronouns::classify(lower);
        let unquoted_voice = pronoun.is_some()
            && self.quote_of(w.start).is_none()
            && *rd
                .first_person
                .get_or_insert_with(|| self.first_person_in(&rd.range));
        let cataphora = (w.start < rd.clause_end && !unquoted_voice)
            .then(|| self.cataphora(w, lower, rd.clause_end, rd.range.end))
            .flatten();
        let found = cataphora.or_else(|| {
            if unquoted_voice {
                return None;
            }
            self.link_word(
                w,
                (lower, pronoun),
                (rest.clone(), after),
                rd.serial,
                prev,
                rd.last,
                rd.range.end,
            )
        });
        // "their company", "the country's military": what a possessive owns may be a
        // description of its own. Not what a person owns: "his company" is as often his own
        // as the one in focus.
        let possessive_end = match &found {
            Some(l) if l.form == Form::Nominal && possessive_after(self.text, l.end) => {
                words::next_word(self.text, l.start, rd.range.end)
                    .map(|w| w.end)
                    .filter(|&e| e > l.end)
                    .or(Some(l.end))
            }
            _ if matches!(lower, "its" | "their") => Some(w.end),
            _ => None,
        };
        let found = found.into_iter().chain(
            possessive_end
                .and_then(|end| self.possessed(end, rest.clone(), after, rd.serial, rd.range.end)),
        );
        for l in found {
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
                self.names_only_word(rd, n, None, seen);
                consumed += 1;
                last_read = n;
                rd.consumed = Some((n, w.end));
            }
        }
        // Once the opening is settled no name can be its subject: a preposition no longer
        // matters (past it, most words read are past it).
        if consumed == 1 && !rd.opening.settled() && is_preposition(lower) {
            rd.opening.preposition = true;
        }
        rd.last = None;
        rd.opening.words += consumed;
        last_read
    }
}

/// Whether a word may link: a pronoun, "who", "whose", "the" and "this" are among these, by
/// first letter and length (the rest are only counted).
pub(super) fn may_link(text: &[u8], w: Word) -> bool {
    may_link_len(w.end - w.start) && CAN_LINK.wanted(text[w.start])
}

/// The first two letters of the words that may link (a pronoun, "who", "whose", "the",
/// "this", or one of those before a contraction: "he's").
pub(super) const CAN_LINK: words::Openings =
    words::Openings::new(&[*b"he", *b"hi", *b"sh", *b"th", *b"wh", *b"it"]);

/// The lengths of the words that may link.
pub(super) fn may_link_len(n: usize) -> bool {
    (2..=10).contains(&n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_that_may_link_opens_like_one() {
        let linking = [
            "he",
            "him",
            "his",
            "himself",
            "she",
            "her",
            "hers",
            "herself",
            "it",
            "its",
            "itself",
            "they",
            "them",
            "their",
            "theirs",
            "themselves",
            "who",
            "whose",
            "the",
            "this",
        ];
        for word in linking {
            assert!(
                pronouns::classify(word).is_some()
                    || matches!(word, "who" | "whose" | "the" | "this")
            );
            let capital = format!("{}{}", word[..1].to_uppercase(), &word[1..]);
            for form in [
                word.to_string(),
                capital,
                word.to_uppercase(),
                format!("{word}'s"),
            ] {
                let t = form.as_bytes();
                let w = Word {
                    start: 0,
                    end: t.len(),
                };
                assert!(CAN_LINK.opens(t, w), "{form}");
            }
        }
        for other in ["to", "said", "is", "was", "with", "I'll", "s"] {
            let t = other.as_bytes();
            assert!(
                !CAN_LINK.opens(
                    t,
                    Word {
                        start: 0,
                        end: t.len()
                    }
                ),
                "{other}"
            );
        }
    }
}
