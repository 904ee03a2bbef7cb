//! The reading of a sentence's names only, which runs ahead of the full reading: how the
//! windows after the sentence see it.

use super::super::ahead::{NAMES_AHEAD, prefetch};
use super::super::focus::Seen;
use super::super::words::Word;
use super::super::{Resolver, is_preposition};
use super::Reading;
use super::opening::Opening;

/// A sentence read for its names only, as it is read again when a window opens after it:
/// each name gets the subject flag that reading gives (it sees no pronouns or descriptions).
#[derive(Debug, Clone, Copy)]
pub(super) struct NamesOnly {
    pub(super) opening: Opening,
    pub(super) covered: usize,
    /// The next name mention to read.
    pub(super) next: usize,
}

impl Resolver<'_> {
    /// Describes the names of the sentence that start before `until` into `rd.names`, and
    /// reads them as a reading of names only would ([`NamesOnly`]; their mentions as it sees
    /// them go into `seen`) — unless `read` is false (the reading of names only never gets
    /// to them).
    // Asked at every word of an opening and at every word that may link, most of which have
    // no name before them: that test inlined, the names read out of line.
    #[inline]
    pub(super) fn names_only_until(
        &self,
        rd: &mut Reading,
        until: usize,
        read: bool,
        seen: &mut Vec<Seen>,
    ) {
        let next = rd.names_only.next;
        if next < rd.names_end && (self.names[next].start as usize) < until {
            self.names_only_read(rd, until, read, seen);
        }
    }

    /// [`Self::names_only_until`] once a name is known to start before `until`.
    #[inline(never)]
    fn names_only_read(&self, rd: &mut Reading, until: usize, read: bool, seen: &mut Vec<Seen>) {
        let r = &mut rd.names_only;
        while r.next < rd.names_end && (self.names[r.next].start as usize) < until {
            self.facts_ahead(r.next + NAMES_AHEAD);
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

    /// Has the facts that describing and reading the name mention `i` look up brought into
    /// the cache (see `ahead`).
    #[inline]
    fn facts_ahead(&self, i: usize) {
        if let Some(n) = self.names.get(i) {
            let e = n.entity() as usize;
            prefetch(&self.facts.class, e);
            prefetch(self.metonyms, e);
            prefetch(&self.facts.types, e);
        }
    }

    /// Reads the word `w` as a reading of names only would: the names before its end first,
    /// then the word itself. `lower`: the word in lower case, if the caller made it.
    pub(super) fn names_only_word(
        &self,
        rd: &mut Reading,
        w: Word,
        lower: Option<&str>,
        seen: &mut Vec<Seen>,
    ) {
        self.names_only_until(rd, w.end, true, seen);
        let r = &mut rd.names_only;
        if w.start < r.covered {
            return;
        }
        if !r.opening.settled() {
            let mut buf = [0u8; 24];
            let lower = lower.unwrap_or_else(|| w.lower(self.text, &mut buf).unwrap_or(""));
            r.opening.preposition |= is_preposition(lower);
        }
        r.opening.words += 1;
    }
}
