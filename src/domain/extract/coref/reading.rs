//! Reading a sentence: its names into focus, its pronouns and descriptions resolved.
//!
//! Word by word only in the sentence's opening, where which names are subjects is decided;
//! past it, only at the names and at the words that may link (a pronoun, "who", "the",
//! "this", told by first letter and length). Alongside, the sentence is read as a reading of
//! its names only would read it ([`NamesOnly`]): that is how the windows after it see it.

use std::ops::Range;

use super::super::knowledge::Knowledge;
use super::class::Class;
use super::focus::Seen;
use super::pronouns;
use super::words::{self, Word, word_set};
use super::{Resolver, appositions, is_preposition, metonyms, phrase, possessive_after};
use crate::domain::entity::{Form, Mention};

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
pub(super) struct Name {
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
    /// Where a subordinate clause opening the sentence ends ("After his arrest, X ..."): the
    /// comma that closes it; the sentence's start if none opens it.
    clause_end: usize,
    /// Whether the sentence speaks in the first person ("I", "my"), once asked.
    first_person: Option<bool>,
}

impl Resolver<'_> {
    /// The name mention `i` of the sentence `range`, with what the text around it says.
    fn name(&self, i: usize, range: &Range<usize>, clause_end: usize) -> Name {
        let text = self.text;
        let named = self.names[i];
        let (start, end, e, demonym) = (named.start, named.end, named.entity(), named.demonym());
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
        // "the Syrian team", "Scientology officials": the name only describes what follows.
        name.describes = match class {
            Class::Group => !text[..end].ends_with(b"s") && self.noun_follows(end, range.end),
            Class::Organization | Class::Country => people_follow(text, end, range.end, self.k),
            _ => false,
        };
        // A name in a clause that opens the sentence ("Although X ..., Y said") comes after
        // the main clause's, as a possessive or a source does.
        // A country's demonym qualifies a noun ("the Afghan team"): never the country acting.
        name.aside = (demonym && class == Class::Country)
            || possessive_after(text, end)
            || self.source_before(m.start as usize, range.start)
            || (m.start as usize) < clause_end;
        if let Some(target) = self.metonyms[e as usize]
            && metonyms::acts(text, end, range.end, self.k)
        {
            name.entity = target;
        }
        name.quote = self.quote_of(m.start as usize);
        name
    }

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

    /// Describes the names of the sentence that start before `until` into `rd.names`, and
    /// reads them as a reading of names only would ([`NamesOnly`]; their mentions as it sees
    /// them go into `seen`) — unless `read` is false (the reading of names only never gets
    /// to them).
    fn names_only_until(&self, rd: &mut Reading, until: usize, read: bool, seen: &mut Vec<Seen>) {
        let r = &mut rd.names_only;
        while r.next < rd.names_end && (self.names[r.next].start as usize) < until {
            let name = self.name(r.next, &rd.range, rd.clause_end);
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
            r.opening.preposition |= is_preposition(lower);
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
        // "I'll", "he's": the pronoun is the word before the contraction.
        let mut buf = [0u8; 24];
        let (w, lower) = match words::contraction_stem(self.text, w) {
            Some(stem) => (stem, stem.lower(self.text, &mut buf).unwrap_or("")),
            None => (w, lower),
        };
        if !CAN_LINK.opens(self.text, w) {
            // Most words open like no pronoun, "who" or "the": they only count in the opening.
            if !rd.opening.actor && is_preposition(lower) {
                rd.opening.preposition = true;
            }
            rd.last = None;
            rd.opening.words += 1;
            return last_read;
        }
        // A sentence in the first person outside any quotation is someone's words with their
        // marks lost: who its "she" or "he" is, the text does not say.
        let unquoted_voice = pronouns::classify(lower).is_some()
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
                lower,
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
                self.names_only_word(rd, n, seen);
                consumed += 1;
                last_read = n;
                rd.consumed = Some((n, w.end));
            }
        }
        if consumed == 1 && !rd.opening.actor && is_preposition(lower) {
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
    pub(super) fn sentence(
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
            clause_end: opening_clause(self.text, &range).unwrap_or(range.start),
            first_person: None,
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
        // Past the opening: the words that may link (and the names before each). Another word
        // would change nothing now but the count of words (which no longer matters) and the
        // last name read (which only a word right after that name asks for).
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
}

/// Whether a word may link: a pronoun, "who", "whose", "the" and "this" are among these, by
/// first letter and length (the rest are only counted).
fn may_link(text: &[u8], w: Word) -> bool {
    may_link_len(w.end - w.start) && CAN_LINK.wanted(text[w.start])
}

/// The first two letters of the words that may link (a pronoun, "who", "whose", "the",
/// "this", or one of those before a contraction: "he's").
const CAN_LINK: words::Openings =
    words::Openings::new(&[*b"he", *b"hi", *b"sh", *b"th", *b"wh", *b"it"]);

/// The lengths of the words that may link.
fn may_link_len(n: usize) -> bool {
    (2..=10).contains(&n)
}

word_set!(
    /// Words that open a subordinate clause ("After his arrest, X ...").
    fn is_subordinator = [
        "after", "before", "when", "while", "although", "though", "because", "since", "if",
        "unless", "until", "as", "once", "despite", "following", "upon", "whereas",
        "whilst",
    ]
);

/// Where a subordinate clause that opens the sentence `range` ends: the first comma, when the
/// sentence opens with a subordinating word or a participle ("Discussing his concern, X
/// said") and the comma comes within a few words.
fn opening_clause(text: &[u8], range: &Range<usize>) -> Option<usize> {
    let first = words::words(text, range.clone()).next()?;
    // Most sentences open with neither (a name): told by the word's first letter and end.
    let b = first.bytes(text);
    let ing = b.len() > 5 && b[b.len() - 3..].eq_ignore_ascii_case(b"ing");
    let subordinator_letter = matches!(
        b[0].to_ascii_lowercase(),
        b'a' | b'b' | b'd' | b'f' | b'i' | b'o' | b's' | b't' | b'u' | b'w'
    );
    if !ing && !subordinator_letter {
        return None;
    }
    let mut buf = [0u8; 24];
    let lower = first.lower(text, &mut buf)?;
    let participle = lower.len() > 5 && lower.ends_with("ing") && first.is_capitalised(text);
    if !(is_subordinator(lower) || participle) {
        return None;
    }
    let end = range.end.min(first.end + 200);
    let comma = first.end + memchr::memchr(b',', &text[first.end..end])?;
    (words::words(text, first.end..comma).count() <= 16).then_some(comma)
}

word_set!(
    /// Plural nouns for people that a name before them only qualifies ("Scientology officials").
    fn is_people_noun = [
        "officials", "members", "spokesman", "spokeswoman", "spokesperson", "leaders",
        "supporters", "employees", "workers", "staff", "executives", "lawyers",
        "representatives", "users", "fans", "volunteers", "investigators", "agents",
        "police", "forces", "troops", "soldiers", "officers", "authorities", "ministers",
        "diplomats", "delegates", "activists", "researchers", "scientists", "engineers",
        "developers", "players", "students",
    ]
);

/// Whether one of [`is_people_noun`] or a noun for a person follows `end` (after a space).
fn people_follow(text: &[u8], end: usize, limit: usize, k: &Knowledge) -> bool {
    let Some(w) = words::next_word(text, end, limit) else {
        return false;
    };
    let mut buf = [0u8; 24];
    // "Scientology officials", "Harbour Board chief executive Margit Olsen".
    words::only_space(text, end, w.start)
        && w.is_lowercase(text)
        && w.lower(text, &mut buf)
            .is_some_and(|l| is_people_noun(l) || appositions::is_person_noun(k, l))
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
        let subordinators = [
            "after",
            "before",
            "when",
            "while",
            "although",
            "though",
            "because",
            "since",
            "if",
            "unless",
            "until",
            "as",
            "once",
            "despite",
            "following",
            "upon",
            "whereas",
            "whilst",
        ];
        for word in subordinators {
            assert!(is_subordinator(word), "{word}");
            let t = format!(
                "{}{} X said, he left.",
                word[..1].to_uppercase(),
                &word[1..]
            );
            assert!(opening_clause(t.as_bytes(), &(0..t.len())).is_some(), "{t}");
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
