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

mod stops;

use std::ops::Range;

use stops::Stops;

/// Titles written before a name: "Mr. Smith". A full stop after one never ends a sentence.
const TITLES: &[&str] = &[
    "adm", "amb", "brig", "capt", "cmdr", "col", "cpl", "dr", "fr", "ft", "gen", "gens", "gov",
    "hon", "lt", "maj", "messrs", "mme", "mmes", "mr", "mrs", "ms", "mt", "pres", "prof", "pvt",
    "rep", "reps", "rev", "sen", "sens", "sgt", "st", "supt",
];

/// Other abbreviations: a full stop after one ends a sentence only before a sentence opener.
const ABBREVIATIONS: &[&str] = &[
    "al", "approx", "apr", "art", "aug", "ave", "bros", "cf", "ch", "co", "corp", "dec", "dept",
    "est", "etc", "feb", "fig", "inc", "jan", "jr", "jul", "jun", "ltd", "mar", "no", "nos", "nov",
    "oct", "pp", "sec", "sep", "sept", "sr", "vol", "vs",
];

/// The longest of [`TITLES`] and [`ABBREVIATIONS`].
const ABBREVIATION_MAX: usize = 6;

/// Words that often open a sentence and rarely follow an abbreviation inside one.
const OPENERS: &[&str] = &[
    "A",
    "After",
    "An",
    "And",
    "As",
    "At",
    "But",
    "During",
    "For",
    "He",
    "Her",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "Meanwhile",
    "Now",
    "On",
    "Our",
    "She",
    "So",
    "Still",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "We",
    "What",
    "When",
    "While",
    "Who",
    "Why",
    "Yet",
    "You",
];

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
        let mut parts: Vec<(usize, Vec<(u32, u32)>)> = std::thread::scope(|scope| {
            let threads: Vec<_> = (0..jobs.min(pieces.len()))
                .map(|_| {
                    scope.spawn(|| {
                        let mut done = Vec::new();
                        loop {
                            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            let Some(piece) = pieces.get(i) else {
                                return done;
                            };
                            done.push((i, Sentences::of_range(bytes, piece.clone()).spans));
                            release(piece.clone());
                        }
                    })
                })
                .collect();
            (threads.into_iter())
                .flat_map(|t| t.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
                .collect()
        });
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

/// The sentences of `bytes[range]`, in order, each trimmed of surrounding white space.
pub fn split(bytes: &[u8], range: Range<usize>) -> Split<'_> {
    let end = range.end.min(bytes.len());
    Split {
        bytes,
        pos: range.start.min(end),
        end,
        stops: Stops::new(),
    }
}

/// An iterator of sentence ranges; also tells how far it has got (for progress reports).
pub struct Split<'a> {
    bytes: &'a [u8],
    pos: usize,
    end: usize,
    stops: Stops,
}

impl Split<'_> {
    /// The byte the splitter will look at next.
    pub fn position(&self) -> usize {
        self.pos
    }
}

impl Iterator for Split<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let bytes = self.bytes;
        let end = self.end;
        let (start, _) = skip_space(bytes, self.pos, end);
        if start >= end {
            self.pos = end;
            return None;
        }
        let mut i = start;
        while i < end {
            // Until a sentence grows too long, only line ends, terminators and the first byte
            // of "…" can end it: the bytes between are stepped over at once.
            if i - start < MAX_SENTENCE {
                let limit = end.min(start + MAX_SENTENCE);
                i = self.stops.next(&bytes[..end], i, limit);
                if i >= end {
                    break;
                }
            }
            match bytes[i] {
                b'\n' | b'\r' => {
                    let (after, breaks) = skip_space(bytes, i, end);
                    if breaks >= 2 || after >= end || i - start >= LONG_SENTENCE {
                        self.pos = after;
                        return Some(start..trim_end(bytes, start, i));
                    }
                    i = after;
                }
                // No sentence runs this long: a list, a table or a dump. Cut it at a space,
                // else at a character boundary, so no "sentence" is ever huge.
                b if i - start >= MAX_SENTENCE
                    && (b == b' ' || (i - start >= 2 * MAX_SENTENCE && b & 0xC0 != 0x80)) =>
                {
                    self.pos = i;
                    return Some(start..trim_end(bytes, start, i));
                }
                b'.' | b'!' | b'?' => {
                    if let Some(stop) = sentence_end(bytes, i, end) {
                        self.pos = stop;
                        return Some(start..stop);
                    }
                    i += 1;
                }
                0xE2 if bytes[i..end].starts_with("…".as_bytes()) => {
                    if let Some(stop) = sentence_end(bytes, i, end) {
                        self.pos = stop;
                        return Some(start..stop);
                    }
                    i += 3;
                }
                _ => i += 1,
            }
        }
        self.pos = end;
        Some(start..trim_end(bytes, start, end))
    }
}

/// Decides whether the terminator run starting at `at` ends a sentence; if so, returns where
/// the sentence ends (after the run and any closing quotes or brackets).
fn sentence_end(bytes: &[u8], at: usize, end: usize) -> Option<usize> {
    // The run of terminators: "?!", "...", "…".
    let mut j = at;
    let mut dots = 0;
    let mut others = 0;
    loop {
        match bytes.get(j) {
            Some(b'.') if j < end => {
                dots += 1;
                j += 1;
            }
            Some(b'!' | b'?') if j < end => {
                others += 1;
                j += 1;
            }
            _ if j + 3 <= end && bytes[j..].starts_with("…".as_bytes()) => {
                others += 1;
                j += 3;
            }
            _ => break,
        }
    }
    let run_end = j;
    j = skip_closers(bytes, j, end);
    let closed = j > run_end;
    if j < end && !is_space_at(bytes, j, end) {
        // "3.5", "U.S.-led", "example.com": not followed by white space.
        return None;
    }
    let (next, breaks) = skip_space(bytes, j, end);
    if next >= end || breaks >= 2 {
        return Some(j);
    }
    let following = &bytes[next..end];
    if starts_lowercase(following) {
        return None;
    }
    if dots == 1 && others == 0 && !closed {
        match abbreviation_before(bytes, at) {
            Abbrev::Title => return None,
            Abbrev::Other if !starts_with_opener(following) => return None,
            _ => {}
        }
    }
    Some(j)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Abbrev {
    /// Not an abbreviation: the full stop ends the sentence.
    None,
    /// A title before a name: never ends a sentence.
    Title,
    /// An initial, a dotted acronym or another abbreviation: ends one before an opener.
    Other,
}

/// What the word just before the full stop at `dot` is.
fn abbreviation_before(bytes: &[u8], dot: usize) -> Abbrev {
    // The ASCII letters and dots just before: "Mr", "U.S", "J", "a.m".
    let mut s = dot;
    while s > 0 && (bytes[s - 1].is_ascii_alphabetic() || bytes[s - 1] == b'.') {
        s -= 1;
    }
    let word = &bytes[s..dot];
    if word.is_empty() || word[0] == b'.' || continues_word(bytes, s) {
        return Abbrev::None;
    }
    if word.len() == 1 && word[0].is_ascii_uppercase() {
        return Abbrev::Other;
    }
    if word.contains(&b'.') {
        // Dotted acronyms have short parts: "U.S", "a.m", "e.g"; "end.Next" is not one.
        let short = word
            .split(|&b| b == b'.')
            .all(|part| (1..=2).contains(&part.len()));
        return if short { Abbrev::Other } else { Abbrev::None };
    }
    if word.len() > ABBREVIATION_MAX {
        return Abbrev::None;
    }
    // Both lists are sorted: a binary search of the word in lower case, on the stack.
    let mut buf = [0u8; ABBREVIATION_MAX];
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word);
    lower.make_ascii_lowercase();
    let known = |list: &[&str]| list.binary_search_by(|w| w.as_bytes().cmp(lower)).is_ok();
    if known(TITLES) {
        Abbrev::Title
    } else if known(ABBREVIATIONS) {
        Abbrev::Other
    } else {
        Abbrev::None
    }
}

/// Whether the character ending just before `at` is a letter or digit (so the ASCII run that
/// starts at `at` is the tail of a longer word, like "café").
fn continues_word(bytes: &[u8], at: usize) -> bool {
    if at == 0 {
        return false;
    }
    let b = bytes[at - 1];
    if b.is_ascii() {
        return b.is_ascii_alphanumeric();
    }
    let mut s = at - 1;
    while s > 0 && at - s < 4 && bytes[s] & 0xC0 == 0x80 {
        s -= 1;
    }
    std::str::from_utf8(&bytes[s..at])
        .ok()
        .and_then(|c| c.chars().next())
        .is_some_and(char::is_alphanumeric)
}

/// Past closing quotes and brackets: `"`, `'`, `)`, `]`, `}`, `”`, `’`, `»`, `›`.
fn skip_closers(bytes: &[u8], mut j: usize, end: usize) -> usize {
    const MULTI: [&str; 4] = ["”", "’", "»", "›"];
    loop {
        match bytes.get(j) {
            Some(b'"' | b'\'' | b')' | b']' | b'}') if j < end => j += 1,
            Some(_) if j < end => match MULTI
                .iter()
                .find(|c| bytes[j..end].starts_with(c.as_bytes()))
            {
                Some(c) => j += c.len(),
                None => return j,
            },
            _ => return j,
        }
    }
}

/// Past white space from `i`, counting line breaks (CRLF is one); also steps over no-break
/// spaces. A line break count of two or more is a paragraph break.
fn skip_space(bytes: &[u8], mut i: usize, end: usize) -> (usize, usize) {
    let mut breaks = 0;
    while i < end {
        match bytes[i] {
            b' ' | b'\t' | 0x0b | 0x0c => i += 1,
            b'\n' => {
                breaks += 1;
                i += 1;
            }
            b'\r' => {
                breaks += 1;
                i += if bytes.get(i + 1) == Some(&b'\n') && i + 1 < end {
                    2
                } else {
                    1
                };
            }
            0xC2 if bytes.get(i + 1) == Some(&0xA0) && i + 1 < end => i += 2,
            // U+2029 PARAGRAPH SEPARATOR.
            0xE2 if bytes[i..end].starts_with("\u{2029}".as_bytes()) => {
                breaks += 2;
                i += 3;
            }
            _ => break,
        }
    }
    (i, breaks)
}

fn is_space_at(bytes: &[u8], i: usize, end: usize) -> bool {
    skip_space(bytes, i, end).0 > i
}

fn trim_end(bytes: &[u8], start: usize, mut end: usize) -> usize {
    while end > start && bytes[end - 1].is_ascii_whitespace() {
        end -= 1;
    }
    end
}

fn first_char(bytes: &[u8]) -> Option<char> {
    let n = match bytes.first()? {
        b if *b < 0x80 => 1,
        b if *b >= 0xF0 => 4,
        b if *b >= 0xE0 => 3,
        _ => 2,
    };
    std::str::from_utf8(bytes.get(..n)?).ok()?.chars().next()
}

fn starts_lowercase(bytes: &[u8]) -> bool {
    first_char(bytes).is_some_and(char::is_lowercase)
}

fn starts_with_opener(bytes: &[u8]) -> bool {
    let n = bytes
        .iter()
        .position(|b| !b.is_ascii_alphabetic())
        .unwrap_or(bytes.len());
    std::str::from_utf8(&bytes[..n]).is_ok_and(|w| OPENERS.contains(&w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::document::Document;

    #[test]
    fn the_abbreviations_are_sorted_and_short_for_their_search() {
        for list in [TITLES, ABBREVIATIONS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
            assert!(list.iter().all(|w| w.len() <= ABBREVIATION_MAX));
        }
    }

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

    fn sentences(text: &str) -> Vec<&str> {
        split(text.as_bytes(), 0..text.len())
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn full_stops_question_and_exclamation_marks_end_sentences() {
        assert_eq!(
            sentences("Talks began. Did they end? No! They go on…  Still."),
            [
                "Talks began.",
                "Did they end?",
                "No!",
                "They go on…",
                "Still."
            ]
        );
    }

    #[test]
    fn abbreviations_and_titles_do_not_end_a_sentence() {
        assert_eq!(
            sentences(
                "The U.S. envoy met Mr. Smith and Dr. Jones on Jan. 5 in Doha. \
                 Gen. Lee agreed."
            ),
            [
                "The U.S. envoy met Mr. Smith and Dr. Jones on Jan. 5 in Doha.",
                "Gen. Lee agreed."
            ]
        );
    }

    #[test]
    fn initials_do_not_end_a_sentence() {
        assert_eq!(
            sentences("J. R. Smith spoke to George W. Bush. He left."),
            ["J. R. Smith spoke to George W. Bush.", "He left."]
        );
    }

    #[test]
    fn an_abbreviation_ends_a_sentence_before_a_typical_opener() {
        assert_eq!(
            sentences("Aid came from the U.S. The talks went on at 9 a.m. Monday."),
            [
                "Aid came from the U.S.",
                "The talks went on at 9 a.m. Monday."
            ]
        );
        assert_eq!(
            sentences("He works for Acme Inc. She does not."),
            ["He works for Acme Inc.", "She does not."]
        );
        // A title never ends one, even before an opener-like word.
        assert_eq!(sentences("Ask Mr. He about it."), ["Ask Mr. He about it."]);
    }

    #[test]
    fn quotes_and_brackets_after_the_stop_stay_with_the_sentence() {
        assert_eq!(
            sentences("He said “we will.” Then he left. (It was late.) 'Go!' Fine."),
            [
                "He said “we will.”",
                "Then he left.",
                "(It was late.)",
                "'Go!'",
                "Fine."
            ]
        );
        assert_eq!(
            sentences("He said \"No.\" Then left."),
            ["He said \"No.\"", "Then left."],
            "a closing quote after an abbreviation-like word still ends it"
        );
    }

    #[test]
    fn a_lower_case_word_after_the_stop_continues_the_sentence() {
        assert_eq!(
            sentences("“Why?” he asked. It costs approx. five dollars."),
            ["“Why?” he asked.", "It costs approx. five dollars."]
        );
    }

    #[test]
    fn stops_inside_words_and_numbers_do_not_split() {
        assert_eq!(
            sentences("Growth was 3.5 percent in U.S.-led talks at example.com today."),
            ["Growth was 3.5 percent in U.S.-led talks at example.com today."]
        );
    }

    #[test]
    fn paragraph_breaks_always_end_a_sentence_and_single_line_breaks_do_not() {
        assert_eq!(
            sentences("A headline without a stop\n\nThe body runs\nover two lines. Done"),
            [
                "A headline without a stop",
                "The body runs\nover two lines.",
                "Done"
            ]
        );
        assert_eq!(
            sentences("Meet Mr.\r\n\r\nNext one.\r \r\nLast"),
            ["Meet Mr.", "Next one.", "Last"],
            "CRLF and blank lines with spaces are paragraph breaks too"
        );
    }

    #[test]
    fn ranges_are_byte_offsets_and_invalid_utf8_does_not_stop_the_split() {
        let bytes = b"  Caf\xc3\xa9. Bad \xff\xfe bytes. End.  ";
        let got: Vec<Range<usize>> = split(bytes, 0..bytes.len()).collect();
        assert_eq!(got, [2..8, 9..22, 23..27]);
        assert_eq!(&bytes[9..22], b"Bad \xff\xfe bytes.");
    }

    #[test]
    fn text_without_stops_is_cut_into_bounded_pieces() {
        let line = "a list item without a stop\n";
        let text = line.repeat(LONG_SENTENCE / line.len() + 10);
        let got = sentences(&text);
        assert_eq!(got.len(), 2, "one line break past the long mark ends it");
        assert!(got[0].len() >= LONG_SENTENCE && got[0].len() < LONG_SENTENCE + line.len());
        let words = "word ".repeat(3 * MAX_SENTENCE / 5);
        let got = sentences(&words);
        assert!(
            got.iter().all(|s| s.len() <= MAX_SENTENCE + 4),
            "cut at spaces"
        );
        assert_eq!(got.iter().map(|s| s.len() + 1).sum::<usize>(), words.len());
        let solid = "é".repeat(3 * MAX_SENTENCE);
        let got = sentences(&solid);
        assert!(
            got.iter().all(|s| s.len() <= 2 * MAX_SENTENCE + 1),
            "cut anywhere"
        );
        assert_eq!(got.concat(), solid, "on character boundaries, nothing lost");
    }

    #[test]
    fn empty_and_blank_texts_have_no_sentences() {
        assert!(sentences("").is_empty());
        assert!(sentences(" \n\n\t ").is_empty());
        assert_eq!(sentences("..."), ["..."]);
    }

    #[test]
    fn a_range_splits_only_its_part() {
        let text = "One. Two. Three.";
        let got: Vec<_> = split(text.as_bytes(), 5..9).collect();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0], 5..9);
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
