//! Reading a sentence: its names into focus, its pronouns and descriptions resolved.
//!
//! Word by word only in the sentence's opening, where which names are subjects is decided;
//! past it, only at the names and at the words that may link (a pronoun, "who", "the",
//! "this", told by first letter and length). Alongside, the sentence is read as a reading of
//! its names only would read it ([`NamesOnly`]): that is how the windows after it see it.

mod linking;
mod name;
mod names;
mod names_only;
mod opening;

use std::ops::Range;

use super::focus::Seen;
use super::words::{self, Word};
use super::{PREPOSITION_SHAPES, Resolver};
use linking::{CAN_LINK, may_link, may_link_len};
pub(super) use name::Name;
use names_only::NamesOnly;
use opening::{Opening, opening_clause};

/// Whether `w` has the first letter (in any case) and the length of a preposition.
#[inline]
fn may_be_preposition(text: &[u8], w: Word) -> bool {
    let first = text[w.start].to_ascii_lowercase();
    words::has_shape(&PREPOSITION_SHAPES, first, w.end - w.start)
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
            // Lowered once for both readings (most words of an opening are read by both), and
            // only if one of them asks: for a word that may link, or that has the shape of a
            // preposition (another is only counted).
            let mut buf = [0u8; 24];
            let asked = may_link(text, w) || CAN_LINK.opens(text, w) || may_be_preposition(text, w);
            let lower = if asked {
                w.lower(text, &mut buf).unwrap_or("")
            } else {
                ""
            };
            self.names_only_word(&mut rd, w, Some(lower), seen);
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
            let rest = all.clone();
            let last_read = self.word(&mut rd, w, lower, rest, || before, &mut after, seen);
            // The words a description took in are passed over (the next word after `w`
            // starts after it: nothing to pass over when it took in none).
            while last_read != w
                && let Some(n) = all.clone().next()
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
        let names_only_end = words::last_word_end(text, range.start, names_reach).unwrap_or(0);
        self.names_only_until(&mut rd, names_only_end, true, seen);
        self.names_only_until(&mut rd, range.end, false, seen);
        // The whole last word only matters when a description took words in (rare).
        let visited_end = match rd.consumed {
            Some((last_consumed, det_end)) => {
                match words::last_word(text, range.start, range.end) {
                    Some(w) if w == last_consumed => det_end,
                    Some(w) => w.end,
                    None => range.start,
                }
            }
            None => words::last_word_end(text, range.start, range.end).unwrap_or(range.start),
        };
        self.names_until(&mut rd, visited_end);
        self.after = after;
        self.in_sentence = rd.names;
    }
}

#[cfg(test)]
mod tests {
    use super::super::is_preposition;
    use super::*;

    #[test]
    fn every_preposition_has_the_shape_of_one_in_any_case() {
        let text = "in of for with to by from at on about against after before under over \
                    between among into through during like than via toward towards including \
                    behind near without as whom IN Of Whom";
        let t = text.as_bytes();
        for w in words::words(t, 0..t.len()) {
            assert!(
                is_preposition(&w.str(t).to_ascii_lowercase()),
                "{}",
                w.str(t)
            );
            assert!(may_be_preposition(t, w), "{}", w.str(t));
        }
        let other = b"said Smith yesterday";
        for w in words::words(other, 0..other.len()) {
            assert!(!may_be_preposition(other, w), "{}", w.str(other));
        }
    }
}
