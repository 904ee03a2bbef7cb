//! The mention map: the document squeezed into a column of `n` cells, each cell a bucket of
//! bytes, telling where an entity is mentioned and where the view is.
//!
//! Buckets are equal slices of the body's bytes: rows are laid out lazily and never counted
//! for the whole document, while byte offsets are known. A bucket's count is two binary
//! searches in the entity's sorted mentions, so a whole map costs O(n · log mentions) per
//! frame, whatever the size of the document.

use std::ops::Range;

use crate::domain::entity::Mention;
use crate::domain::mention_index::count_in;

/// A document body of `len` bytes from `start`, cut into `buckets` equal slices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MapScale {
    start: usize,
    len: usize,
    buckets: usize,
}

impl MapScale {
    /// The bytes `body` mapped onto `buckets` cells.
    pub fn new(body: Range<usize>, buckets: usize) -> MapScale {
        MapScale {
            start: body.start,
            len: body.end.saturating_sub(body.start),
            buckets,
        }
    }

    pub fn buckets(&self) -> usize {
        self.buckets
    }

    /// The bytes of bucket `i` (the last one reaches the end of the body).
    pub fn range(&self, i: usize) -> Range<usize> {
        let at = |k: usize| {
            self.start + (k as u128 * self.len as u128 / self.buckets.max(1) as u128) as usize
        };
        let end = if i + 1 >= self.buckets {
            self.start + self.len
        } else {
            at(i + 1)
        };
        at(i).min(end)..end
    }

    /// The bucket that holds byte `offset` (offsets outside the body go to the nearest end).
    pub fn bucket_of(&self, offset: usize) -> usize {
        if self.buckets == 0 {
            return 0;
        }
        let rel = offset.saturating_sub(self.start).min(self.len);
        if self.len == 0 {
            return 0;
        }
        // The largest i with range(i).start <= rel.
        let i = ((rel as u128 + 1) * self.buckets as u128).div_ceil(self.len as u128) as usize;
        i.saturating_sub(1).min(self.buckets - 1)
    }

    /// The buckets that bytes `range` (the rows on screen) fall in.
    pub fn buckets_of(&self, range: Range<usize>) -> Range<usize> {
        if self.buckets == 0 {
            return 0..0;
        }
        let first = self.bucket_of(range.start);
        let last = self.bucket_of(range.end.saturating_sub(1).max(range.start));
        first..last + 1
    }
}

/// How many of `mentions` (sorted by start) start in each bucket.
pub fn counts(mentions: &[Mention], scale: MapScale) -> Vec<u32> {
    (0..scale.buckets())
        .map(|i| count_in(mentions, scale.range(i)) as u32)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::entity::Form;

    fn mentions(starts: &[u32]) -> Vec<Mention> {
        starts
            .iter()
            .map(|&start| Mention {
                start,
                end: start + 1,
                form: Form::Name,
            })
            .collect()
    }

    #[test]
    fn buckets_are_equal_slices_covering_the_body() {
        let s = MapScale::new(10..110, 4);
        let ranges: Vec<_> = (0..4).map(|i| s.range(i)).collect();
        assert_eq!(ranges, [10..35, 35..60, 60..85, 85..110]);
        assert_eq!(s.bucket_of(10), 0);
        assert_eq!(s.bucket_of(34), 0);
        assert_eq!(s.bucket_of(35), 1);
        assert_eq!(s.bucket_of(109), 3);
        assert_eq!(s.bucket_of(500), 3);
        assert_eq!(s.bucket_of(0), 0);
    }

    #[test]
    fn bucket_of_agrees_with_range_for_uneven_sizes() {
        for (len, n) in [(7usize, 3usize), (3, 7), (1000, 37), (1, 1), (5, 5)] {
            let s = MapScale::new(0..len, n);
            for off in 0..len {
                let b = s.bucket_of(off);
                let r = s.range(b);
                assert!(r.contains(&off), "len {len} n {n} off {off} in {b} {r:?}");
            }
        }
    }

    #[test]
    fn counts_are_mentions_per_bucket() {
        let s = MapScale::new(0..100, 5);
        let c = counts(&mentions(&[0, 5, 19, 20, 55, 99]), s);
        assert_eq!(c, [3, 1, 1, 0, 1]);
        assert_eq!(counts(&[], s), [0, 0, 0, 0, 0]);
    }

    #[test]
    fn the_view_covers_the_buckets_its_bytes_fall_in() {
        let s = MapScale::new(0..100, 10);
        assert_eq!(s.buckets_of(0..100), 0..10);
        assert_eq!(s.buckets_of(15..31), 1..4);
        assert_eq!(s.buckets_of(30..30), 3..4, "an empty view still shows");
        assert_eq!(MapScale::new(0..0, 3).buckets_of(0..0), 0..1);
    }

    #[test]
    fn more_buckets_than_bytes_leaves_some_empty() {
        let s = MapScale::new(0..3, 7);
        let total: usize = (0..7).map(|i| s.range(i).len()).sum();
        assert_eq!(total, 3);
        assert_eq!(counts(&mentions(&[0, 1, 2]), s).iter().sum::<u32>(), 3);
    }
}
