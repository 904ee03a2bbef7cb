//! Text search over the document's bytes: smart case (case-insensitive unless the query has
//! an upper-case letter; ASCII letters fold), forward and backward from a position, and all
//! hits inside a range (for highlighting the visible rows).

use std::ops::Range;

use memchr::memmem;

#[derive(Debug, Clone)]
pub struct Query {
    pattern: Vec<u8>,
    fold: bool,
}

impl Query {
    pub fn new(text: &str) -> Query {
        let fold = !text.chars().any(char::is_uppercase);
        let pattern = if fold {
            text.to_ascii_lowercase().into_bytes()
        } else {
            text.as_bytes().to_vec()
        };
        Query { pattern, fold }
    }

    pub fn is_empty(&self) -> bool {
        self.pattern.is_empty()
    }

    fn matches_at(&self, bytes: &[u8], at: usize) -> bool {
        bytes.get(at..at + self.pattern.len()).is_some_and(|w| {
            if self.fold {
                w.eq_ignore_ascii_case(&self.pattern)
            } else {
                w == self.pattern
            }
        })
    }
}

/// The first hit starting at or after `from`.
pub fn find_next(bytes: &[u8], q: &Query, from: usize) -> Option<Range<usize>> {
    if q.is_empty() || from > bytes.len() {
        return None;
    }
    let hay = &bytes[from..];
    let at = if q.fold {
        let first = q.pattern[0];
        let (lo, hi) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
        memchr::memchr2_iter(lo, hi, hay).find(|&i| q.matches_at(hay, i))?
    } else {
        memmem::find(hay, &q.pattern)?
    };
    Some(from + at..from + at + q.pattern.len())
}

/// The last hit that ends at or before `before`.
pub fn find_prev(bytes: &[u8], q: &Query, before: usize) -> Option<Range<usize>> {
    if q.is_empty() {
        return None;
    }
    let hay = &bytes[..before.min(bytes.len())];
    let at = if q.fold {
        let first = q.pattern[0];
        let (lo, hi) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
        memchr::memrchr2_iter(lo, hi, hay).find(|&i| q.matches_at(hay, i))?
    } else {
        memmem::rfind(hay, &q.pattern)?
    };
    Some(at..at + q.pattern.len())
}

/// Every hit that starts inside `range`.
pub fn find_in(bytes: &[u8], range: Range<usize>, q: &Query) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let end = range.end.min(bytes.len());
    let mut at = range.start;
    let limit = (end + q.pattern.len()).min(bytes.len());
    while let Some(hit) = find_next(&bytes[..limit], q, at) {
        if hit.start >= end {
            break;
        }
        at = hit.end.max(hit.start + 1);
        out.push(hit);
    }
    out
}

/// Counts every hit (for the `3/14` counter) and says which one starts at `hit`.
pub fn count(bytes: &[u8], q: &Query, hit: usize) -> (usize, usize) {
    let (mut n, mut index) = (0, 0);
    let mut at = 0;
    while let Some(h) = find_next(bytes, q, at) {
        if h.start < hit {
            index += 1;
        }
        n += 1;
        at = h.end;
    }
    (index, n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smart_case() {
        let text = b"Hamas and HAMAS and hamas";
        let lower = Query::new("hamas");
        assert_eq!(find_in(text, 0..text.len(), &lower).len(), 3);
        let exact = Query::new("Hamas");
        assert_eq!(find_in(text, 0..text.len(), &exact), vec![(0..5)]);
    }

    #[test]
    fn next_and_prev() {
        let text = b"ab ab ab";
        let q = Query::new("ab");
        assert_eq!(find_next(text, &q, 1), Some(3..5));
        assert_eq!(find_next(text, &q, 7), None);
        assert_eq!(find_prev(text, &q, 5), Some(3..5));
        assert_eq!(find_prev(text, &q, 1), None);
        assert_eq!(count(text, &q, 3), (1, 3));
        assert_eq!(find_next(text, &Query::new(""), 0), None);
    }
}
