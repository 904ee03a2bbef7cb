//! Whether a run of terminators ends a sentence, and where.

use super::abbreviations::{Abbrev, abbreviation_before, starts_with_opener};
use super::space::{is_space_at, skip_space};

/// Decides whether the terminator run starting at `at` ends a sentence; if so, returns where
/// the sentence ends (after the run and any closing quotes or brackets).
pub(super) fn sentence_end(bytes: &[u8], at: usize, end: usize) -> Option<usize> {
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

/// Past closing quotes and brackets: `"`, `'`, `)`, `]`, `}`, `”`, `’`, `»`, `›`.
fn skip_closers(bytes: &[u8], mut j: usize, end: usize) -> usize {
    const MULTI: [&str; 4] = ["”", "’", "»", "›"];
    loop {
        match bytes.get(j) {
            Some(b'"' | b'\'' | b')' | b']' | b'}') if j < end => j += 1,
            // Each of `MULTI` starts with one of these bytes: most stops are passed at once.
            Some(0xC2 | 0xE2) if j < end => match MULTI
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
    match bytes.first() {
        // Most text: the byte is the character.
        Some(b) if b.is_ascii() => b.is_ascii_lowercase(),
        _ => first_char(bytes).is_some_and(char::is_lowercase),
    }
}
