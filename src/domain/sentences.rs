//! Sentence splitting over raw bytes: where each sentence of a document starts and ends.
//!
//! Connections ("who is mentioned with whom") are counted per sentence, so the splitter has to
//! be right on the things news text is full of: "U.S.", "Mr.", "Jan. 5", initials ("J. R.
//! Smith"), quotes and brackets after the full stop. It works on bytes (a document may hold
//! invalid UTF-8) with one pass and no backtracking beyond a word, so it runs over a 100 MB
//! file in a fraction of a second; ranges are byte offsets into the document, end exclusive.
//!
//! The rules, in order:
//! - A blank line (a paragraph break) always ends a sentence; a single line break does not
//!   (hard-wrapped text runs sentences across lines).
//! - A run of `.`, `!`, `?` or `…`, then any closing quotes and brackets, then white space,
//!   ends a sentence, unless the next word starts with a lower-case letter ("approx. five",
//!   "“Why?” he asked").
//! - A text with no stops is cut: at a line break past 4 KB, at a space past 64 KB.
//! - A single `.` after a known abbreviation does not end a sentence: titles that stand before
//!   a name ("Mr.", "Dr.", "Gen.") never do; initials ("J."), dotted acronyms ("U.S.",
//!   "a.m.") and other abbreviations ("Jan.", "Inc.", "No.") only do when the next word is one
//!   that typically opens a sentence ("The", "He", "But"…), as in "…talks with the U.S. The
//!   deal…".

mod abbreviations;
mod ends;
mod space;
mod splitter;
mod stops;

use std::ops::Range;

pub use splitter::{Split, split};

/// Past this many bytes without a stop, a line break ends a sentence (lists and tables
/// without punctuation are not one sentence).
pub const LONG_SENTENCE: usize = 4 << 10;
/// Past this many bytes a sentence is cut at the next space (and at twice this, anywhere), so
/// that per-sentence work stays bounded on text that has no sentences at all.
pub const MAX_SENTENCE: usize = 64 << 10;

/// The sentences of a document body, as an index: sorted, non-overlapping byte ranges.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Sentences {
    /// `(start, end)` pairs; `u32` like mentions, to stay compact on large documents.
    spans: Vec<(u32, u32)>,
}

impl Sentences {
    /// Splits the body of a document (the dateline is metadata, not a sentence). Like the
    /// extractor, it lets go of the pages it has read as it goes, so a pass over a large
    /// memory-mapped file does not keep the whole file counted as the reader's memory.
    ///
    /// `body` is the range of `bytes` to split; `release` is told of each range read (see
    /// `Document::release`).
    pub fn of(
        bytes: &[u8],
        body: Range<usize>,
        release: &(dyn Fn(Range<usize>) + Sync),
    ) -> Sentences {
        const RELEASE_STEP: usize = 1 << 20;
        let end = body.end;
        let mut spans = Vec::new();
        let mut it = split(bytes, body);
        let mut released = 0;
        while let Some(r) = it.next() {
            spans.push((r.start as u32, r.end as u32));
            if it.position() - released >= RELEASE_STEP {
                release(released..it.position());
                released = it.position();
            }
        }
        release(released..end);
        Sentences { spans }
    }

    /// [`Sentences::of`] on `jobs` threads, a piece of the document each: pieces end at
    /// paragraph breaks, where every sentence ends, so the sentences are the same.
    pub fn of_in_pieces(
        bytes: &[u8],
        body: Range<usize>,
        release: &(dyn Fn(Range<usize>) + Sync),
        jobs: usize,
    ) -> Sentences {
        let mut pieces =
            crate::domain::pieces::cut(bytes, body.clone(), crate::domain::pieces::PIECE);
        // A piece cut at a line end (no paragraph break near) joins the next one.
        pieces.dedup_by(|next, piece| {
            let joined = !bytes[..piece.end].ends_with(b"\n\n");
            if joined {
                piece.end = next.end;
            }
            joined
        });
        if jobs <= 1 || pieces.len() <= 1 {
            return Sentences::of(bytes, body, release);
        }
        let next = std::sync::atomic::AtomicUsize::new(0);
        // Each thread takes the next piece until none is left.
        let split = || {
            let mut done = Vec::new();
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(piece) = pieces.get(i) else {
                    return done;
                };
                done.push((i, Sentences::of_range(bytes, piece.clone()).spans));
                release(piece.clone());
            }
        };
        let ((), mut parts) = crate::domain::pieces::sharing(jobs.min(pieces.len()), || (), split);
        parts.sort_unstable_by_key(|(i, _)| *i);
        Sentences {
            spans: parts.into_iter().flat_map(|(_, spans)| spans).collect(),
        }
    }

    /// Splits `range` of `bytes`.
    pub fn of_range(bytes: &[u8], range: Range<usize>) -> Sentences {
        Sentences {
            spans: split(bytes, range)
                .map(|r| (r.start as u32, r.end as u32))
                .collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The byte range of sentence `i`.
    pub fn range(&self, i: usize) -> Range<usize> {
        let (s, e) = self.spans[i];
        s as usize..e as usize
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = Range<usize>> + '_ {
        self.spans.iter().map(|&(s, e)| s as usize..e as usize)
    }

    /// The sentence that contains byte `offset`, if any (white space between sentences is in
    /// none).
    pub fn containing(&self, offset: usize) -> Option<usize> {
        let i = self.spans.partition_point(|&(_, e)| (e as usize) <= offset);
        let (s, _) = *self.spans.get(i)?;
        (s as usize <= offset).then_some(i)
    }

    /// The indices of the sentences that overlap `range`.
    pub fn overlapping(&self, range: Range<usize>) -> Range<usize> {
        let first = self
            .spans
            .partition_point(|&(_, e)| (e as usize) <= range.start);
        let last = first + self.spans[first..].partition_point(|&(s, _)| (s as usize) < range.end);
        first..last
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::document::Document;

    #[test]
    fn sentences_split_in_pieces_are_the_sentences_of_the_whole() {
        let mut text = String::from("date 2024-03-01\n\n");
        for i in 0..30_000 {
            text.push_str(&format!(
                "Mr. Smith{i} met Dr. Jones in the U.S. on 3.5 days. Why? "
            ));
            text.push_str(if i % 3 == 0 { "\n\n" } else { "\n" });
            if i % 1000 == 0 {
                text.push_str(&"no stop ".repeat(3000));
            }
        }
        let doc = Document::from_string("t.txt", text);
        assert!(doc.len() > 2 * crate::domain::pieces::PIECE);
        let whole = doc.split_sentences(1);
        for jobs in [1, 2, 3] {
            assert_eq!(doc.split_sentences(jobs), whole, "{jobs} jobs");
        }
    }

    #[test]
    fn the_index_finds_sentences_by_offset_and_range() {
        let doc = Document::from_string("t", "date 2023-11-08 One two. Three four. Five.");
        let s = doc.split_sentences(1);
        assert_eq!(s.len(), 3);
        assert_eq!(s.range(0), 16..24, "the dateline is not a sentence");
        assert_eq!(s.containing(17), Some(0));
        assert_eq!(s.containing(24), None, "the space between sentences");
        assert_eq!(s.containing(25), Some(1));
        assert_eq!(s.overlapping(20..26), 0..2);
        assert_eq!(s.overlapping(24..25), 1..1);
        assert_eq!(s.overlapping(0..999), 0..3);
    }
}
