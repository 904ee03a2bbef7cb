//! A built-in list searched in place: the line starts of a file sorted by its first column.
//!
//! The big word lists (tens of thousands of lines) are shipped sorted, so they need no hash
//! table at start-up: indexing their lines is one memchr pass, and a lookup is a binary search.
//! If a file ever arrives unsorted, it is sorted here once, so lookups stay correct.

use std::ops::Range;

pub struct SortedColumn {
    text: &'static str,
    /// Per line: where it starts and where its first cell (trimmed) is.
    lines: Vec<Line>,
    /// Lines whose key starts with byte `b` are `buckets[b]..buckets[b + 1]`.
    buckets: Vec<u32>,
}

#[derive(Clone, Copy)]
struct Line {
    /// The first 8 bytes of the key, big-endian, zero-padded: most comparisons of a binary
    /// search are decided by this one integer, without touching the text.
    prefix: u64,
    start: u32,
    key_start: u32,
    key_end: u32,
}

fn prefix_of(key: &[u8]) -> u64 {
    let mut buf = [0u8; 8];
    let n = key.len().min(8);
    buf[..n].copy_from_slice(&key[..n]);
    u64::from_be_bytes(buf)
}

impl SortedColumn {
    pub fn new(text: &'static str) -> SortedColumn {
        let bytes = text.as_bytes();
        let mut lines = Vec::with_capacity(memchr::memchr_iter(b'\n', bytes).count() + 1);
        let mut sorted = true;
        let mut prev: &[u8] = b"";
        let mut prev_prefix = 0u64;
        let mut at = 0;
        let ends = memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len()));
        for end in ends {
            if at >= bytes.len() || end > u32::MAX as usize {
                break;
            }
            let line = &bytes[at..end];
            let cell_end = line.iter().position(|&b| b == b'\t').unwrap_or(line.len());
            let cell = &line[..cell_end];
            let lead = cell.len() - cell.trim_ascii_start().len();
            let key = cell.trim_ascii();
            if !key.is_empty() && key[0] != b'#' {
                let prefix = prefix_of(key);
                // The integer prefix decides almost every comparison without a library call.
                sorted &= prev_prefix < prefix || (prev_prefix == prefix && prev <= key);
                prev = key;
                prev_prefix = prefix;
                let key_start = at + lead;
                lines.push(Line {
                    prefix,
                    start: at as u32,
                    key_start: key_start as u32,
                    key_end: (key_start + key.len()) as u32,
                });
            }
            at = end + 1;
        }
        if !sorted {
            lines.sort_by(|a, b| key_of(text, *a).cmp(key_of(text, *b)));
        }
        // Bucket starts by first byte, so a search only looks at words with the same initial.
        let mut buckets = vec![0u32; 257];
        for l in &lines {
            buckets[bytes[l.key_start as usize] as usize + 1] += 1;
        }
        for b in 1..257 {
            buckets[b] += buckets[b - 1];
        }
        SortedColumn {
            text,
            lines,
            buckets,
        }
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// The whole line `i` (without its line end).
    pub fn line(&self, i: usize) -> &'static str {
        let start = self.lines[i].start as usize;
        let rest = &self.text[start..];
        let end = memchr::memchr(b'\n', rest.as_bytes()).unwrap_or(rest.len());
        rest[..end].trim_end_matches('\r')
    }

    /// The first cell of line `i`.
    pub fn key(&self, i: usize) -> &'static str {
        key_of(self.text, self.lines[i])
    }

    /// The lines whose first cell is exactly `key`.
    pub fn find(&self, key: &str) -> Range<usize> {
        let Some(&first) = key.as_bytes().first() else {
            return 0..0;
        };
        let lo = self.buckets[first as usize] as usize;
        let hi = self.buckets[first as usize + 1] as usize;
        let bucket = &self.lines[lo..hi];
        let key = key.as_bytes();
        let want = prefix_of(key);
        let text = self.text.as_bytes();
        let cmp = |l: &Line| {
            l.prefix.cmp(&want).then_with(|| {
                if key.len() <= 8 && (l.key_end - l.key_start) as usize <= 8 {
                    ((l.key_end - l.key_start) as usize).cmp(&key.len())
                } else {
                    text[l.key_start as usize..l.key_end as usize].cmp(key)
                }
            })
        };
        let a = bucket.partition_point(|l| cmp(l).is_lt());
        let b = a + bucket[a..].partition_point(|l| cmp(l).is_eq());
        lo + a..lo + b
    }

    pub fn contains(&self, key: &str) -> bool {
        !self.find(key).is_empty()
    }
}

fn key_of(text: &'static str, l: Line) -> &'static str {
    &text[l.key_start as usize..l.key_end as usize]
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
