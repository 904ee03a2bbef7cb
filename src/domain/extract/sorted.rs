//! A built-in list searched in place: the line starts of a file sorted by its first column.
//!
//! The big word lists (tens of thousands of lines) are shipped sorted, so they need no hash
//! table at start-up: indexing their lines is one memchr pass, and a lookup is a binary search.
//! If a file ever arrives unsorted, it is sorted here once, so lookups stay correct.

use std::ops::Range;

pub struct SortedColumn {
    text: &'static str,
    starts: Vec<u32>,
}

impl SortedColumn {
    pub fn new(text: &'static str) -> SortedColumn {
        let bytes = text.as_bytes();
        let mut starts = Vec::with_capacity(memchr::memchr_iter(b'\n', bytes).count() + 1);
        let mut sorted = true;
        let mut prev: &[u8] = b"";
        let mut at = 0;
        let ends = memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len()));
        for end in ends {
            if at >= bytes.len() || at > u32::MAX as usize {
                break;
            }
            let line = &bytes[at..end];
            let key =
                trim_ascii(&line[..line.iter().position(|&b| b == b'\t').unwrap_or(line.len())]);
            if !key.is_empty() && key[0] != b'#' {
                sorted &= prev <= key;
                prev = key;
                starts.push(at as u32);
            }
            at = end + 1;
        }
        let mut col = SortedColumn { text, starts };
        if !sorted {
            let text = col.text;
            col.starts
                .sort_by(|a, b| key_in(text, *a as usize).cmp(key_in(text, *b as usize)));
        }
        col
    }

    fn key_at(&self, start: usize) -> &'static str {
        key_in(self.text, start)
    }

    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// The whole line `i` (without its line end).
    pub fn line(&self, i: usize) -> &'static str {
        let start = self.starts[i] as usize;
        let rest = &self.text[start..];
        let end = memchr::memchr(b'\n', rest.as_bytes()).unwrap_or(rest.len());
        rest[..end].trim_end_matches('\r')
    }

    /// The first cell of line `i`.
    pub fn key(&self, i: usize) -> &'static str {
        self.key_at(self.starts[i] as usize)
    }

    /// The lines whose first cell is exactly `key`.
    pub fn find(&self, key: &str) -> Range<usize> {
        let lo = self
            .starts
            .partition_point(|&s| self.key_at(s as usize) < key);
        let hi = lo + self.starts[lo..].partition_point(|&s| self.key_at(s as usize) == key);
        lo..hi
    }

    pub fn contains(&self, key: &str) -> bool {
        !self.find(key).is_empty()
    }
}

fn trim_ascii(b: &[u8]) -> &[u8] {
    b.trim_ascii()
}

fn key_in(text: &'static str, start: usize) -> &'static str {
    let rest = &text[start..];
    let end = memchr::memchr2(b'\n', b'\t', rest.as_bytes()).unwrap_or(rest.len());
    rest[..end].trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_line_of_a_key_skipping_comments() {
        let c = SortedColumn::new("# header\nalpha\t1\nbeta\t2\nbeta\t3\ngamma\n");
        assert_eq!(c.len(), 4);
        assert_eq!(c.find("beta"), 1..3);
        assert_eq!(c.line(2), "beta\t3");
        assert!(c.find("delta").is_empty());
        assert!(c.contains("gamma"));
        assert!(!c.contains("gam"));
    }

    #[test]
    fn an_unsorted_file_is_sorted_once() {
        let c = SortedColumn::new("zeta\nalpha\nmu\n");
        assert_eq!(c.key(0), "alpha");
        assert!(c.contains("zeta"));
    }
}
