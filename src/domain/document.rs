//! A document: the bytes exactly as read, the dateline, and cheap line navigation.
//!
//! Nothing here reads the whole text: lines are found around a position on demand (memchr), so
//! a document backed by a memory map opens instantly at any size. Offsets are byte offsets into
//! the original bytes, which may hold invalid UTF-8.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use crate::domain::sentences::Sentences;

/// The largest document dramatis opens: offsets are stored as `u32`.
pub const MAX_LEN: usize = u32::MAX as usize;

/// The bytes of a document: an owned buffer, a memory map, a static asset.
pub type Bytes = Arc<dyn Storage>;

/// Something that holds a document's bytes. Besides the bytes, it can be told that a range
/// will not be needed soon: a memory map then lets go of those pages, so that a background pass
/// over the whole file (extraction, counting search hits) does not leave the whole file counted
/// in the reader's memory. The bytes never change; touching them again brings them back.
pub trait Storage: AsRef<[u8]> + Send + Sync {
    /// Hints that `range` (byte offsets) will not be read again soon. Does nothing by default:
    /// owned buffers cannot give memory back piecemeal.
    fn release(&self, _range: Range<usize>) {}
}

impl Storage for Vec<u8> {}
impl Storage for Box<[u8]> {}
impl Storage for String {}
impl Storage for &'static [u8] {}
impl Storage for &'static str {}

#[derive(Clone)]
pub struct Document {
    name: String,
    bytes: Bytes,
    dateline: Option<Dateline>,
    body_start: usize,
    /// The sentences of the body, split once for every pass that reads by sentence
    /// (coreference, connections), shared by the clones of the document.
    sentences: Arc<OnceLock<Arc<Sentences>>>,
}

pub use crate::domain::dateline::Dateline;

/// One logical line: `start..content_end` is its text, `next` the start of the following line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    pub start: usize,
    pub content_end: usize,
    pub next: Option<usize>,
}

impl std::fmt::Debug for Document {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Document")
            .field("name", &self.name)
            .field("len", &self.len())
            .field("dateline", &self.dateline)
            .finish_non_exhaustive()
    }
}

impl Document {
    /// Wraps bytes as a document. Callers check the size against [`MAX_LEN`] first.
    pub fn new(name: impl Into<String>, bytes: Bytes) -> Document {
        let data: &[u8] = (*bytes).as_ref();
        assert!(data.len() <= MAX_LEN, "document larger than MAX_LEN");
        let dateline = crate::domain::dateline::find(data);
        // The metadata line is shown in the title bar, not as text; a dateline of the
        // article's own is part of its text.
        let body_start = dateline
            .as_ref()
            .filter(|d| d.metadata)
            .map_or(0, |d| skip_spaces(data, d.range.end));
        Document {
            name: name.into(),
            bytes,
            dateline,
            body_start,
            sentences: Arc::default(),
        }
    }

    pub fn from_string(name: impl Into<String>, text: impl Into<String>) -> Document {
        let text: String = text.into();
        Document::new(name, Arc::new(text.into_bytes()))
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn bytes(&self) -> &[u8] {
        (*self.bytes).as_ref()
    }

    /// A shared handle on the bytes, for a worker thread.
    pub fn shared_bytes(&self) -> Bytes {
        Arc::clone(&self.bytes)
    }

    pub fn len(&self) -> usize {
        self.bytes().len()
    }

    /// Hints that `range` will not be read again soon (see [`Storage::release`]): a pass over
    /// the whole document calls it behind itself.
    pub fn release(&self, range: Range<usize>) {
        let end = range.end.min(self.len());
        if range.start < end {
            self.bytes.release(range.start..end);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn dateline(&self) -> Option<&Dateline> {
        self.dateline.as_ref()
    }

    /// Where the readable text begins (after the dateline, if any).
    pub fn body_start(&self) -> usize {
        self.body_start
    }

    /// The sentences of the body, split the first time they are asked for (on `jobs`
    /// threads: [`Sentences::of_in_pieces`]; the sentences are the same for every number).
    pub fn sentences(&self, jobs: usize) -> &Arc<Sentences> {
        (self.sentences).get_or_init(|| Arc::new(Sentences::of_in_pieces(self, jobs)))
    }

    /// The text of a byte range, with invalid UTF-8 shown as U+FFFD. Out-of-range or reversed
    /// ranges are clamped rather than trusted.
    pub fn text(&self, range: Range<usize>) -> Cow<'_, str> {
        let len = self.len();
        let end = range.end.min(len);
        let start = range.start.min(end);
        let bytes = &self.bytes()[start..end];
        // `from_utf8` checks a word at a time; the lossy decoder, a byte at a time.
        match std::str::from_utf8(bytes) {
            Ok(text) => Cow::Borrowed(text),
            Err(_) => String::from_utf8_lossy(bytes),
        }
    }

    /// The number of the line that holds byte `pos`, counted from 1 as editors count (by
    /// `\n`, so a `\r\n` ends one line): what `+LINE` gives an editor.
    pub fn line_number(&self, pos: usize) -> usize {
        let end = pos.min(self.len());
        memchr::memchr_iter(b'\n', &self.bytes()[..end]).count() + 1
    }

    /// The line containing `pos` (a line end belongs to the line it ends).
    pub fn line_at(&self, pos: usize) -> Line {
        let pos = pos.clamp(self.body_start, self.len());
        let bytes = self.bytes();
        let start = match memchr::memrchr2(b'\n', b'\r', &bytes[self.body_start..pos]) {
            Some(i) => self.body_start + i + 1,
            None => self.body_start,
        };
        // A position between the CR and LF of a CRLF belongs to the line the pair ends.
        if start == pos
            && pos > self.body_start
            && bytes[pos - 1] == b'\r'
            && bytes.get(pos) == Some(&b'\n')
        {
            return self.line_from(self.line_before(pos).map_or(self.body_start, |l| l.start));
        }
        self.line_from(start)
    }

    /// The line that starts at `start` (which must be a line start).
    pub fn line_from(&self, start: usize) -> Line {
        let bytes = self.bytes();
        match memchr::memchr2(b'\n', b'\r', &bytes[start.min(bytes.len())..]) {
            Some(i) => {
                let end = start + i;
                let crlf = bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n');
                Line {
                    start,
                    content_end: end,
                    next: Some(end + if crlf { 2 } else { 1 }),
                }
            }
            None => Line {
                start,
                content_end: bytes.len(),
                next: None,
            },
        }
    }

    /// The first line of the body.
    pub fn first_line(&self) -> Line {
        self.line_from(self.body_start)
    }

    /// The last line of the document (empty if the text ends with a line end).
    pub fn last_line(&self) -> Line {
        self.line_at(self.len())
    }

    pub fn line_after(&self, line: &Line) -> Option<Line> {
        line.next.map(|n| self.line_from(n))
    }

    /// The line that ends just before the line starting at `start`.
    pub fn line_before(&self, start: usize) -> Option<Line> {
        if start <= self.body_start {
            return None;
        }
        let bytes = self.bytes();
        let mut term = start - 1;
        if bytes[term] == b'\n' && term > self.body_start && bytes[term - 1] == b'\r' {
            term -= 1;
        }
        let line_start = match memchr::memrchr2(b'\n', b'\r', &bytes[self.body_start..term]) {
            Some(i) => self.body_start + i + 1,
            None => self.body_start,
        };
        Some(self.line_from(line_start))
    }

    /// Splits `range` into pieces of about `target` bytes that end at line ends (or at the end
    /// of the range), for work done in steps: extraction, search, progress.
    pub fn pieces(&self, range: Range<usize>, target: usize) -> Vec<Range<usize>> {
        let bytes = self.bytes();
        let end = range.end.min(bytes.len());
        let mut out = Vec::new();
        let mut start = range.start.min(end);
        while start < end {
            let want = (start + target.max(1)).min(end);
            let cut = if want == end {
                end
            } else {
                match memchr::memchr(b'\n', &bytes[want..end]) {
                    Some(i) => want + i + 1,
                    None => end,
                }
            };
            out.push(start..cut);
            start = cut;
        }
        out
    }
}

/// Calls `f(offset, text)` for each valid UTF-8 run of `bytes` (which start at `base`),
/// skipping invalid bytes: the extractor and search see only real text, at true offsets.
pub fn for_each_valid_run(bytes: &[u8], base: usize, mut f: impl FnMut(usize, &str)) {
    // `from_utf8` checks a word at a time, `utf8_chunks` a byte at a time: most text is valid.
    let mut rest = bytes;
    let mut at = base;
    while !rest.is_empty() {
        let (valid, invalid) = match std::str::from_utf8(rest) {
            Ok(text) => (text, 0),
            Err(e) => {
                let (valid, after) = rest.split_at(e.valid_up_to());
                let text = std::str::from_utf8(valid).unwrap_or_default();
                (text, e.error_len().unwrap_or(after.len()))
            }
        };
        if !valid.is_empty() {
            f(at, valid);
        }
        let used = valid.len() + invalid;
        at += used;
        rest = &rest[used..];
    }
}

/// True when bytes look like a binary file rather than text: a NUL byte, or mostly bytes that
/// are not text (controls other than whitespace and ESC, bytes that are not UTF-8) in the
/// first few kilobytes. "Mostly" is more than a third: a text dense with escapes, backspaces
/// or bells is still text to show (visibly), while random or compressed data is far past it.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    let mut not_utf8: usize = head.utf8_chunks().map(|c| c.invalid().len()).sum();
    // A multi-byte character cut by the end of the head is not evidence of anything.
    if head.len() < bytes.len() {
        not_utf8 = not_utf8.saturating_sub(3);
    }
    (controls + not_utf8) * 3 > head.len()
}

fn skip_spaces(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && bytes[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_numbers_count_from_one_as_editors_do() {
        let doc = Document::from_string("t", "one\r\ntwo\n\nfour");
        assert_eq!(doc.line_number(0), 1);
        assert_eq!(doc.line_number(3), 1, "the line end belongs to its line");
        assert_eq!(doc.line_number(5), 2);
        assert_eq!(doc.line_number(9), 3);
        assert_eq!(doc.line_number(10), 4);
        assert_eq!(doc.line_number(99), 4, "past the end: the last line");
    }

    #[test]
    fn leading_dateline_is_metadata_and_offsets_stay_original() {
        let doc = Document::from_string("a.txt", " date 2023-11-08 Amid the conflict.\nNext.");
        let d = doc.dateline().unwrap();
        assert_eq!(d.date, "2023-11-08");
        assert_eq!(d.range, 6..16);
        assert_eq!(&doc.text(d.range.clone()), "2023-11-08");
        assert_eq!(doc.body_start(), 17);
        assert_eq!(
            &doc.text(doc.first_line().start..doc.first_line().content_end),
            "Amid the conflict."
        );
    }

    fn lines(doc: &Document) -> Vec<String> {
        let mut out = vec![];
        let mut line = Some(doc.first_line());
        while let Some(l) = line {
            out.push(doc.text(l.start..l.content_end).into_owned());
            line = doc.line_after(&l);
        }
        out
    }

    fn lines_backwards(doc: &Document) -> Vec<String> {
        let mut out = vec![];
        let mut line = Some(doc.last_line());
        while let Some(l) = line {
            out.push(doc.text(l.start..l.content_end).into_owned());
            line = doc.line_before(l.start);
        }
        out.reverse();
        out
    }

    #[test]
    fn lf_crlf_and_lone_cr_all_end_lines_both_ways() {
        let doc = Document::from_string("a", "one\r\ntwo\rthree\n\nfour\n");
        let expected = ["one", "two", "three", "", "four", ""];
        assert_eq!(lines(&doc), expected);
        assert_eq!(lines_backwards(&doc), expected);
    }

    #[test]
    fn line_at_finds_the_line_around_any_position() {
        let doc = Document::from_string("a", "ab\r\ncd");
        assert_eq!(doc.line_at(0).start, 0);
        assert_eq!(doc.line_at(2).start, 0);
        assert_eq!(doc.line_at(3).start, 0, "between CR and LF");
        assert_eq!(doc.line_at(4).start, 4);
        assert_eq!(doc.line_at(99).start, 4);
    }

    #[test]
    fn pieces_end_at_line_ends_and_cover_the_range() {
        let doc = Document::from_string("a", "aaaa\nbb\ncccccc\nd");
        let p = doc.pieces(0..doc.len(), 3);
        assert_eq!(p, [0..5, 5..15, 15..16]);
    }

    #[test]
    fn valid_runs_skip_invalid_bytes_at_true_offsets() {
        let mut runs = vec![];
        for_each_valid_run(b"ab\xffcd\xe2\x82", 10, |at, s| {
            runs.push((at, s.to_string()));
        });
        assert_eq!(runs, [(10, "ab".to_string()), (13, "cd".to_string())]);
    }

    #[test]
    fn valid_runs_are_the_valid_parts_of_utf8_chunks() {
        let pieces: [&[u8]; 8] = [
            b"plain ",
            "é€😀".as_bytes(),
            b"\xff",
            b"\xe2\x82",
            b"\xed\xa0\x80",
            b"\xf0\x9f",
            b"\x80\x80",
            b"\n",
        ];
        let mut seed = 0x9e37_79b9_u32;
        for _ in 0..300 {
            let mut bytes = Vec::new();
            for _ in 0..(seed % 9) {
                seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                bytes.extend_from_slice(pieces[(seed >> 24) as usize % pieces.len()]);
            }
            let mut want = vec![];
            let mut at = 7;
            for chunk in bytes.utf8_chunks() {
                if !chunk.valid().is_empty() {
                    want.push((at, chunk.valid().to_string()));
                }
                at += chunk.valid().len() + chunk.invalid().len();
            }
            let mut runs = vec![];
            for_each_valid_run(&bytes, 7, |at, s| runs.push((at, s.to_string())));
            assert_eq!(runs, want, "{bytes:?}");
            seed = seed.rotate_left(7) ^ bytes.len() as u32;
        }
    }

    #[test]
    fn binary_is_nul_or_mostly_control_bytes() {
        assert!(looks_binary(b"PK\x03\x04\x00\x00"));
        assert!(looks_binary(&[1u8, 2, 3, 4, 5, 6, 7, 8, b'a']));
        assert!(!looks_binary("plain text, \u{1b}[31m red \u{7}".as_bytes()));
        assert!(!looks_binary(b""));
    }

    #[test]
    fn text_dense_with_controls_is_still_text() {
        // One byte in five a control: a terminal log, a file full of bells. It used to be
        // refused as binary (the limit was one in ten), so it could not be read at all.
        let text = b"bell\x07 back\x08\x08space \x0bvt \x0cff \x7fdel \x01\x02\x03\x1a\x1c end\n";
        assert!(!looks_binary(text));
        let man = b"N\x08NA\x08AM\x08ME\x08E\n";
        assert!(!looks_binary(man));
    }

    #[test]
    fn random_bytes_without_nul_are_binary() {
        // A simple generator: the point is a spread of byte values with no NUL.
        let mut x: u32 = 12345;
        let bytes: Vec<u8> = (0..4096)
            .map(|_| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                ((x >> 16) as u8).max(1)
            })
            .collect();
        assert!(looks_binary(&bytes));
        assert!(!looks_binary("Ünïcödé text, 日本語, \u{1b}[1m.".as_bytes()));
    }

    #[test]
    fn text_of_bad_ranges_is_clamped() {
        let doc = Document::from_string("a", "héllo");
        assert_eq!(doc.text(4..99), "lo");
        let (start, end) = (9, 3);
        assert_eq!(doc.text(start..end), "", "reversed");
        assert_eq!(doc.text(1..2), "\u{fffd}");
    }
}
