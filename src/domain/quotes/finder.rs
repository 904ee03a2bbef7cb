//! Feeds a document to the paragraph reader one paragraph at a time, as the text comes in
//! pieces: a paragraph cut by the end of a piece waits (copied) for the rest.

use std::sync::Arc;

use super::paragraph::{self, Carry, Scratch};
use super::{Findings, Found, SelfMention};
use crate::domain::sentences::Sentences;

/// A line longer than this is a paragraph of its own: text written one paragraph a line.
/// (Hard-wrapped text never has lines this long; its paragraphs end at blank lines.)
pub const LONG_LINE: usize = 240;
/// In text with no paragraph breaks, one is made at the first line break after each
/// multiple of this many bytes, so that no paragraph grows without bound.
pub const CUT: usize = 64 << 10;
/// ... when no other break came in this many bytes before it.
pub const CUT_LOOKBACK: usize = 16 << 10;

/// Finds the quotations of a document fed in order, in pieces that end at line ends.
#[derive(Default)]
pub struct Finder {
    /// The start of a paragraph cut by the end of the last piece, and its text so far.
    pending: Option<(usize, String)>,
    /// Where the text fed so far ends (a gap means invalid bytes were skipped: a break).
    fed_to: usize,
    /// The last paragraph break before `fed_to` (for the cut of paragraph-less text).
    last_break: usize,
    carry: Carry,
    scratch: Scratch,
    found: Vec<Found>,
    first_person: Vec<SelfMention>,
    /// The document's sentences, read for each paragraph where they are the ones a split of
    /// the paragraph alone gives (see [`Finder::with_sentences`]).
    known: Option<Known>,
}

struct Known {
    sentences: Arc<Sentences>,
    /// Where the split sentences start (the body) and the document's length.
    body_start: usize,
    len: usize,
    /// The first sentence that may overlap the next paragraph: paragraphs come in order, and
    /// every sentence before the last one's first ends before the next one starts.
    next: std::cell::Cell<usize>,
    #[cfg(test)]
    used: std::cell::Cell<bool>,
}

impl Finder {
    pub fn new() -> Finder {
        Finder::default()
    }

    /// A finder that takes a paragraph's sentences from `sentences`, the split of the body
    /// (from `body_start`) of the document of `len` bytes it is fed, instead of splitting the
    /// paragraph again, wherever that split gives the same: for a paragraph inside the body
    /// that ends at a line end (or the document's end) with no sentence of the document
    /// across either of its ends. The sentence splitter decides with what follows a
    /// sentence's end; a split of the paragraph alone sees nothing after its end, so only
    /// its last sentence could end differently, and then the document's runs on past the
    /// paragraph. What is found is the same.
    pub fn with_sentences(sentences: Arc<Sentences>, body_start: usize, len: usize) -> Finder {
        Finder {
            known: Some(Known {
                sentences,
                body_start,
                len,
                next: std::cell::Cell::default(),
                #[cfg(test)]
                used: std::cell::Cell::default(),
            }),
            ..Finder::default()
        }
    }

    /// Reads `text`, which starts at byte `base` of the document.
    pub fn feed(&mut self, base: usize, text: &str) {
        if base != self.fed_to {
            // Skipped bytes (invalid UTF-8) end a paragraph.
            self.flush();
            self.last_break = base;
        }
        self.fed_to = base + text.len();
        let mut start = 0;
        let mut line = 0;
        for nl in memchr::memchr_iter(b'\n', text.as_bytes()) {
            let content = &text[line..nl];
            if is_blank(content) {
                // The paragraph ends before the blank line.
                self.paragraph(base, text, start, line);
                start = nl + 1;
                self.last_break = base + nl;
            } else if content.len() > LONG_LINE {
                self.paragraph(base, text, start, nl + 1);
                start = nl + 1;
                self.last_break = base + nl;
            } else if is_cut(base + line, base + nl, self.last_break) {
                self.paragraph(base, text, start, nl + 1);
                start = nl + 1;
            }
            line = nl + 1;
        }
        // The rest waits for the next piece (or the end).
        if start < text.len() {
            match &mut self.pending {
                Some((_, t)) => t.push_str(&text[start..]),
                None => self.pending = Some((base + start, text[start..].to_string())),
            }
        }
    }

    /// Reads the paragraph `text[from..to]` (joined to the pending part of it, if any).
    fn paragraph(&mut self, base: usize, text: &str, from: usize, to: usize) {
        if let Some((at, mut t)) = self.pending.take() {
            t.push_str(&text[from..to]);
            self.read(at, &t);
        } else if to > from {
            self.read(base + from, &text[from..to]);
        }
    }

    fn read(&mut self, base: usize, text: &str) {
        if text.trim().is_empty() {
            return;
        }
        let known = self.known.as_ref().and_then(|k| k.sentences_of(base, text));
        let from = self.found.len();
        self.carry = paragraph::find(
            text,
            base,
            &self.carry,
            known,
            &mut self.scratch,
            &mut self.found,
            &mut self.first_person,
        );
        // In order paragraph by paragraph (every quotation lies in its paragraph), so that
        // the order of the whole, in `finish`, is one run.
        self.found[from..].sort_by_key(order);
    }

    /// Whether some paragraph's sentences were read from the document's (for tests).
    #[cfg(test)]
    pub fn used_known_sentences(&self) -> bool {
        self.known.as_ref().is_some_and(|k| k.used.get())
    }

    fn flush(&mut self) {
        if let Some((at, t)) = self.pending.take() {
            self.read(at, &t);
        }
    }

    /// The quotations found, in the order of the text (a reported clause before the
    /// quotations inside it).
    pub fn finish(mut self) -> Findings {
        self.flush();
        let mut quotes = self.found;
        quotes.sort_by_key(order);
        Findings {
            quotes,
            first_person: self.first_person,
        }
    }

    /// Drops what was found so far (after feeding the paragraph before a piece's start, to
    /// carry what it leaves without finding its quotations twice).
    pub fn forget_found(&mut self) {
        self.found.clear();
        self.first_person.clear();
    }
}

impl Known {
    /// The document's sentences inside the paragraph `text` at byte `base`, when they are
    /// what splitting the paragraph gives (see [`Finder::with_sentences`]).
    fn sentences_of(&self, base: usize, text: &str) -> Option<paragraph::KnownSentences<'_>> {
        let end = base + text.len();
        let at_line_end = text.ends_with('\n') || end == self.len;
        if base < self.body_start || !at_line_end {
            return None;
        }
        let within = self.overlapping(base..end);
        let (first, last) = (within.start, within.end.checked_sub(1)?);
        let inside = within.start < within.end
            && self.sentences.range(first).start >= base
            && self.sentences.range(last).end <= end;
        #[cfg(test)]
        self.used.set(self.used.get() || inside);
        inside.then_some(paragraph::KnownSentences {
            sentences: &self.sentences,
            within,
        })
    }
}

impl Known {
    /// [`Sentences::overlapping`], searched from where the paragraph before began rather
    /// than over the whole document (which missed the cache on every paragraph).
    fn overlapping(&self, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
        let s = &self.sentences;
        let mut first = self.next.get();
        if first > s.len() || (first > 0 && s.range(first - 1).end > range.start) {
            // Not after the paragraph before (never so when fed in order).
            return s.overlapping(range);
        }
        while first < s.len() && s.range(first).end <= range.start {
            first += 1;
        }
        let mut last = first;
        while last < s.len() && s.range(last).start < range.end {
            last += 1;
        }
        self.next.set(first);
        first..last
    }
}

/// The order of the quotations: by start, a longer one (a reported clause) before the
/// quotations inside it.
fn order(f: &Found) -> (u32, std::cmp::Reverse<u32>) {
    (f.start, std::cmp::Reverse(f.end))
}

/// The quotations of a whole text.
pub fn find(text: &str) -> Findings {
    let mut f = Finder::new();
    f.feed(0, text);
    f.finish()
}

/// Whether a line is white space only. Most lines start with a character that is not.
fn is_blank(line: &str) -> bool {
    match line.as_bytes().first() {
        Some(b) if b.is_ascii() && !b.is_ascii_whitespace() => false,
        _ => line.trim().is_empty(),
    }
}

/// Whether the line break at `nl` (of a line starting at `line`) is a cut: the first break
/// after a multiple of [`CUT`], with the last blank or long line's break (`last_break`, 0 at
/// the start) at least [`CUT_LOOKBACK`] bytes before.
fn is_cut(line: usize, nl: usize, last_break: usize) -> bool {
    line > 0 && nl / CUT > (line - 1) / CUT && nl - last_break >= CUT_LOOKBACK
}

/// Whether a paragraph starts at byte `at` of `bytes` by the rules of [`Finder`]: `at` is the
/// document's start or follows a blank line, a line longer than [`LONG_LINE`], or a cut. A
/// piece of a document read on its own must start at one (and be fed the paragraph before
/// it first, its quotations dropped, for what that paragraph leaves to the next).
pub fn is_paragraph_start(bytes: &[u8], at: usize) -> bool {
    if at == 0 {
        return true;
    }
    if at > bytes.len() || bytes[at - 1] != b'\n' {
        return false;
    }
    let line_start = |nl: usize| {
        bytes[..nl]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1)
    };
    let breaks = |from: usize, nl: usize| {
        let line = &bytes[from..nl];
        line.trim_ascii().is_empty() || line.len() > LONG_LINE
    };
    let nl = at - 1;
    let line = line_start(nl);
    if breaks(line, nl) {
        return true;
    }
    // A cut, unless a blank or long line broke the text in the look-back before it.
    let mut last_break = 0;
    let mut end = line;
    while end > 0 && nl - (end - 1) < CUT_LOOKBACK {
        let prev = line_start(end - 1);
        if breaks(prev, end - 1) {
            last_break = end - 1;
            break;
        }
        end = prev;
    }
    is_cut(line, nl, last_break)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sentences_of_a_paragraph_are_found_from_the_last_as_over_all() {
        let text = "One two. Three four five. Six.\n\nSeven eight. Nine ten.\nEleven. ".repeat(20);
        let sentences = Arc::new(Sentences::of_range(text.as_bytes(), 0..text.len()));
        let known = Finder::with_sentences(sentences.clone(), 0, text.len())
            .known
            .unwrap();
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let mut start = 0;
        for round in 0..2_000 {
            crate::domain::shuffled::step(&mut seed);
            // Mostly on from the range before, at times back.
            start = if round % 9 == 0 {
                (seed >> 8) as usize % text.len()
            } else {
                (start + (seed >> 8) as usize % 40).min(text.len())
            };
            let end = (start + (seed >> 20) as usize % 90).min(text.len());
            assert_eq!(
                known.overlapping(start..end),
                sentences.overlapping(start..end),
                "{start}..{end}"
            );
        }
    }
}
