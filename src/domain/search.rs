//! Text search over a whole document at memchr speed: smart case, hits by byte offset, and a
//! counter that scans in steps so a worker can report "3/14" while it is still counting.
//!
//! # Matching rule
//! - **Smart case**: a query with no upper-case letter ([`char::is_uppercase`]) matches without
//!   regard to case; a query with one matches exactly.
//! - **Case folding** is simple and length-preserving: two characters match when they are equal
//!   or when their *folds* are equal, the fold of a character being its lower-case form
//!   ([`char::to_lowercase`]) when that is a single character of the same UTF-8 length, else
//!   the character itself. So `A`/`a`, `É`/`é`, `Σ`/`σ`, `Ж`/`ж` match one another, while
//!   pairs whose forms differ in length (the Kelvin sign `K` and `k`, `İ` and `i`) or that are
//!   not lower/upper pairs (`ς` and `σ`, `ß` and `ss`) do not. Because folding never changes
//!   length, **every hit is exactly [`Query::len`] bytes long**, so a hit is known by its start.
//! - **Hits** are every position where the query matches, overlapping ones included (`aa` occurs
//!   three times in `aaaa`), so next/previous, the highlight and the count agree.
//! - Hits always start and end on UTF-8 boundaries of the document and contain only valid UTF-8:
//!   invalid bytes never match anything.
//! - An empty query matches nothing.
//!
//! # API
//! ```
//! use dramatis::domain::search::{Counter, Query, find_in, find_next, find_prev};
//! let text = "Gaza. Then gaza, GAZA.".as_bytes();
//! let q = Query::new("gaza"); // no capital: any case
//! assert_eq!(find_next(text, &q, 0), Some(0..4));
//! assert_eq!(find_next(text, &q, 1), Some(11..15));
//! assert_eq!(find_prev(text, &q, 14), Some(0..4)); // last hit ending at or before 14
//! assert_eq!(find_next(text, &q, 18), None); // no wrap: the caller wraps
//! assert_eq!(find_in(text, 10..20, &q), [11..15, 17..21]); // hits overlapping 10..20
//!
//! // Counting in steps (on a worker): feed budgets of bytes until done.
//! let mut counter = Counter::new(q.clone());
//! while !counter.advance(text, 1 << 20) {}
//! assert_eq!(counter.found(), 3);
//! assert_eq!(counter.index_of(text, 11), Some(1)); // so the status line says 2/3
//! ```
//!
//! Every function takes the document's bytes and does no I/O. `find_next` and `find_prev` scan
//! only as far as the nearest hit, so the first hit shows without reading the whole file.
//! The [`Counter`] keeps one number per [`COUNT_CHUNK`] bytes, not one per hit, so counting a
//! query as common as `e` over 100 MB costs kilobytes.

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Input, MatchKind};
use memchr::memmem;

/// How far apart the [`Counter`] keeps its running totals: finding the index of a hit rescans
/// at most this much.
pub const COUNT_CHUNK: usize = 256 * 1024;

/// A compiled search query. Cheap to clone (shares its automaton) and `Send`, for a worker.
#[derive(Clone, Debug)]
pub struct Query {
    text: String,
    ignore_case: bool,
    engine: Engine,
}

#[derive(Clone, Debug)]
enum Engine {
    Empty,
    /// Case-sensitive: plain substring search, both ways.
    Exact {
        forward: Box<memmem::Finder<'static>>,
        backward: Box<memmem::FinderRev<'static>>,
    },
    /// Case-insensitive: candidates come from a rare byte of the query found with memchr
    /// (every spelling of the query has one of `anchor`'s bytes at `offset`), each checked by
    /// fold; a pure-ASCII query also has an automaton that is faster going forward.
    Folded {
        folded: Vec<char>,
        anchor: Anchor,
        ascii: Option<AhoCorasick>,
    },
}

/// A byte position of the query and the bytes any spelling has there (one to three).
#[derive(Clone, Debug)]
struct Anchor {
    offset: usize,
    bytes: Vec<u8>,
}

impl Query {
    /// Compiles `text` with smart case: case-insensitive unless it has an upper-case letter.
    pub fn new(text: &str) -> Query {
        let ignore_case = !text.chars().any(char::is_uppercase);
        Query::with_case(text, ignore_case)
    }

    /// Compiles `text`, choosing the case rule explicitly.
    pub fn with_case(text: &str, ignore_case: bool) -> Query {
        let engine = if text.is_empty() {
            Engine::Empty
        } else if ignore_case {
            folded_engine(text)
        } else {
            Engine::Exact {
                forward: Box::new(memmem::Finder::new(text.as_bytes()).into_owned()),
                backward: Box::new(memmem::FinderRev::new(text.as_bytes()).into_owned()),
            }
        };
        Query {
            text: text.to_string(),
            ignore_case,
            engine,
        }
    }

    /// The query as typed.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The length in bytes of every hit (folding never changes length).
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// An empty query, which matches nothing.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Whether case is ignored (the query had no upper-case letter, or was made so).
    pub fn ignores_case(&self) -> bool {
        self.ignore_case
    }

    /// The first hit starting at or after `from` in `hay`, by its start.
    fn next_start(&self, hay: &[u8], from: usize) -> Option<usize> {
        if from >= hay.len() {
            return None;
        }
        match &self.engine {
            Engine::Empty => None,
            Engine::Exact { forward, .. } => forward.find(&hay[from..]).map(|i| from + i),
            Engine::Folded {
                folded,
                anchor,
                ascii,
            } => {
                if let Some(ac) = ascii {
                    let m = ac.find(Input::new(hay).span(from..hay.len()))?;
                    return Some(m.start());
                }
                let mut at = from + anchor.offset;
                loop {
                    let i = at + anchor.find(&hay[at.min(hay.len())..])?;
                    let start = i - anchor.offset;
                    if rest_matches(hay, start, folded) {
                        return Some(start);
                    }
                    at = i + 1;
                }
            }
        }
    }

    /// The last hit that ends at or before `before`, by its start.
    fn prev_start(&self, hay: &[u8], before: usize) -> Option<usize> {
        let n = self.len();
        let end = before.min(hay.len());
        if n == 0 || end < n {
            return None;
        }
        match &self.engine {
            Engine::Empty => None,
            Engine::Exact { backward, .. } => backward.rfind(&hay[..end]),
            Engine::Folded { folded, anchor, .. } => {
                // Hits lie wholly in ..end, so their anchor byte is at most this far in.
                let mut limit = end - n + anchor.offset + 1;
                loop {
                    let i = anchor.rfind(&hay[..limit])?;
                    let start = i.checked_sub(anchor.offset)?;
                    if rest_matches(&hay[..end], start, folded) {
                        return Some(start);
                    }
                    limit = i;
                }
            }
        }
    }
}

impl Anchor {
    fn find(&self, hay: &[u8]) -> Option<usize> {
        match *self.bytes.as_slice() {
            [a] => memchr::memchr(a, hay),
            [a, b] => memchr::memchr2(a, b, hay),
            [a, b, c] => memchr::memchr3(a, b, c, hay),
            _ => unreachable!("an anchor has one to three bytes"),
        }
    }

    fn rfind(&self, hay: &[u8]) -> Option<usize> {
        match *self.bytes.as_slice() {
            [a] => memchr::memrchr(a, hay),
            [a, b] => memchr::memrchr2(a, b, hay),
            [a, b, c] => memchr::memrchr3(a, b, c, hay),
            _ => unreachable!("an anchor has one to three bytes"),
        }
    }
}

/// How common a byte is in text, roughly (higher: more common), to anchor a search on a rare
/// one. English letter frequencies for ASCII; lead bytes of two-byte sequences are common in
/// Greek, Cyrillic or Hebrew text, continuation bytes name the letter and are rarer.
fn commonness(b: u8) -> u32 {
    const LETTERS: &[u8] = b"etaoinshrdlcumwfgypbvkjxqz";
    match b {
        b' ' => 255,
        b'a'..=b'z' => 250 - 8 * LETTERS.iter().position(|&l| l == b).unwrap_or(25) as u32,
        b'A'..=b'Z' => 60,
        b'0'..=b'9' => 90,
        b',' | b'.' | b'\n' => 140,
        0xC2..=0xDF => 200,
        0xE0..=0xEF => 150,
        0x80..=0xBF => 110,
        _ => 40,
    }
}

/// The fold of a character: see the module documentation.
pub fn fold(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
        _ => c,
    }
}

/// Every character whose fold is `c`'s fold: the spellings a case-insensitive search of `c`
/// looks for. Case pairs sit close together in Unicode or are each other's upper/lower case.
fn spellings(c: char) -> Vec<char> {
    let f = fold(c);
    let mut out = vec![f];
    let mut consider = |x: char| {
        if fold(x) == f && !out.contains(&x) {
            out.push(x);
        }
    };
    consider(c);
    for u in f.to_uppercase() {
        consider(u);
    }
    let code = f as u32;
    for x in code.saturating_sub(128)..=code.saturating_add(128) {
        if let Some(x) = char::from_u32(x) {
            consider(x);
        }
    }
    out
}

fn folded_engine(text: &str) -> Engine {
    // For each byte position of the query: the bytes any spelling has there. The anchor is the
    // position whose bytes are, together, the rarest.
    let mut best: Option<(u32, Anchor)> = None;
    let mut offset = 0;
    for c in text.chars() {
        let ways = spellings(c);
        let mut encoded: Vec<[u8; 4]> = Vec::new();
        for w in &ways {
            let mut buf = [0u8; 4];
            w.encode_utf8(&mut buf);
            encoded.push(buf);
        }
        for k in 0..c.len_utf8() {
            let mut bytes: Vec<u8> = encoded.iter().map(|e| e[k]).collect();
            bytes.sort_unstable();
            bytes.dedup();
            if bytes.len() > 3 {
                continue;
            }
            let cost: u32 = bytes.iter().map(|&b| commonness(b)).sum();
            if best.as_ref().is_none_or(|(c, _)| cost < *c) {
                best = Some((
                    cost,
                    Anchor {
                        offset: offset + k,
                        bytes,
                    },
                ));
            }
        }
        offset += c.len_utf8();
    }
    let (_, anchor) = best.expect("every character has a byte with at most three spellings");
    // For ASCII the automaton's vectorised search beats a memchr on a common letter.
    let ascii = text.is_ascii().then(|| {
        AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostFirst)
            .build([text])
            .expect("one short pattern always builds")
    });
    Engine::Folded {
        folded: text.chars().map(fold).collect(),
        anchor,
        ascii,
    }
}

/// Whether `hay[at..]` begins with characters whose folds are `rest`, each spelled with as many
/// bytes as its fold (so invalid bytes and other lengths never match).
fn rest_matches(hay: &[u8], mut at: usize, rest: &[char]) -> bool {
    for &want in rest {
        let n = want.len_utf8();
        let Some(bytes) = hay.get(at..at + n) else {
            return false;
        };
        if n == 1 {
            if !bytes[0].eq_ignore_ascii_case(&(want as u8)) {
                return false;
            }
        } else {
            let Ok(s) = std::str::from_utf8(bytes) else {
                return false;
            };
            let mut cs = s.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) if fold(c) == want => {}
                _ => return false,
            }
        }
        at += n;
    }
    true
}

/// The first hit that starts at or after `from`. No wrap-around: `None` past the last hit.
pub fn find_next(bytes: &[u8], query: &Query, from: usize) -> Option<Range<usize>> {
    let start = query.next_start(bytes, from)?;
    Some(start..start + query.len())
}

/// The last hit that ends at or before `before` (lies wholly in `..before`). No wrap-around:
/// `None` before the first hit. From a hit `h`, the previous one is `find_prev(.., h.end - 1)`.
pub fn find_prev(bytes: &[u8], query: &Query, before: usize) -> Option<Range<usize>> {
    let start = query.prev_start(bytes, before)?;
    Some(start..start + query.len())
}

/// Every hit that overlaps `range` (the bytes of the visible rows), in order. Reads only
/// `range` and `query.len() - 1` bytes either side of it.
pub fn find_in(bytes: &[u8], range: Range<usize>, query: &Query) -> Vec<Range<usize>> {
    let n = query.len();
    let end = range.end.min(bytes.len());
    let start = range.start.min(end);
    if n == 0 || start == end {
        return Vec::new();
    }
    let hay = &bytes[..(end + n - 1).min(bytes.len())];
    let mut out = Vec::new();
    let mut at = start.saturating_sub(n - 1);
    while let Some(s) = query.next_start(hay, at) {
        if s >= end {
            break;
        }
        out.push(s..s + n);
        at = s + 1;
    }
    out
}

/// Hits that start in `from..to`.
fn count_between(bytes: &[u8], query: &Query, from: usize, to: usize) -> usize {
    let n = query.len();
    if n == 0 {
        return 0;
    }
    let hay = &bytes[..(to + n - 1).min(bytes.len())];
    let mut count = 0;
    let mut at = from;
    while let Some(s) = query.next_start(hay, at) {
        if s >= to {
            break;
        }
        count += 1;
        at = s + 1;
    }
    count
}

/// Counts every hit and says which one starts at `hit`: `(hits starting before hit, all hits)`.
/// A whole scan at memmem speed (about 10 ms for 100 MB); a reader keeps a [`Counter`] on a
/// worker instead, so no key waits for it.
pub fn count(bytes: &[u8], query: &Query, hit: usize) -> (usize, usize) {
    let mut counter = Counter::new(query.clone());
    counter.advance(bytes, usize::MAX);
    let before = counter.index_of(bytes, hit).unwrap_or(counter.found());
    (before, counter.found())
}

/// Counts the hits of a query through a document in steps, so a worker can report how many it
/// has found so far, and tells the index of a hit among all hits (for "3/14").
///
/// It keeps the running total at every [`COUNT_CHUNK`] boundary it has passed, so memory does
/// not grow with the number of hits. Pass the same bytes to every call.
#[derive(Clone, Debug)]
pub struct Counter {
    query: Query,
    scanned: usize,
    found: usize,
    /// `totals[k]`: hits starting before byte `k * COUNT_CHUNK`.
    totals: Vec<usize>,
}

impl Counter {
    pub fn new(query: Query) -> Counter {
        Counter {
            query,
            scanned: 0,
            found: 0,
            totals: Vec::new(),
        }
    }

    pub fn query(&self) -> &Query {
        &self.query
    }

    /// Scans about `budget` more bytes (whole chunks, at least one); true once the whole
    /// document has been scanned.
    pub fn advance(&mut self, bytes: &[u8], budget: usize) -> bool {
        let mut spent = 0;
        while self.scanned < bytes.len() && (spent == 0 || spent < budget) {
            let from = self.scanned;
            let to = (from + COUNT_CHUNK).min(bytes.len());
            self.totals.push(self.found);
            self.found += count_between(bytes, &self.query, from, to);
            self.scanned = to;
            spent += to - from;
        }
        self.is_done(bytes)
    }

    /// Whether every hit of `bytes` has been counted.
    pub fn is_done(&self, bytes: &[u8]) -> bool {
        self.scanned >= bytes.len()
    }

    /// Hits found so far.
    pub fn found(&self) -> usize {
        self.found
    }

    /// Bytes scanned so far (hits starting before this are counted).
    pub fn scanned(&self) -> usize {
        self.scanned
    }

    /// The index (from 0) among all hits of the hit that starts at `start`, once the counter
    /// has scanned past it; `None` before. Rescans at most one chunk. If no hit starts at
    /// `start`, this is the number of hits before it.
    pub fn index_of(&self, bytes: &[u8], start: usize) -> Option<usize> {
        if start >= self.scanned {
            return None;
        }
        let k = start / COUNT_CHUNK;
        let base = *self.totals.get(k)?;
        Some(base + count_between(bytes, &self.query, k * COUNT_CHUNK, start))
    }
}

#[cfg(test)]
mod tests;
