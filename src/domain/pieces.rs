//! Where a document is cut for reading on several threads: at paragraph breaks about every
//! [`PIECE`] bytes, at places that depend on the text alone, never on the number of threads.
//! The extractor and the sentence splitter cut alike, so both see the same paragraphs whole.

use std::num::NonZero;
use std::ops::Range;

/// About how many bytes a piece has: enough that joining pieces costs little, few enough that
/// a document of a few megabytes keeps every core busy.
pub const PIECE: usize = 1 << 20;

/// How far past [`PIECE`] a paragraph break is looked for before a line end will do.
const PARAGRAPH_SEARCH: usize = 256 << 10;

/// The number of threads this machine runs at once.
pub fn all_cores() -> usize {
    std::thread::available_parallelism().map_or(1, NonZero::get)
}

/// `take` on `threads` threads, this one among them, after `first` (made here meanwhile): for
/// work that takes shares from a common counter until none is left. What each thread took,
/// this one's first; no more threads than `threads` (one more, queued beside a busy core,
/// waited there for the scheduler's next tick while another core idled).
pub fn sharing<B, T: Send>(
    threads: usize,
    first: impl FnOnce() -> B,
    take: impl Fn() -> Vec<T> + Sync,
) -> (B, Vec<T>) {
    std::thread::scope(|scope| {
        let others: Vec<_> = (1..threads).map(|_| scope.spawn(&take)).collect();
        let made = first();
        let mut taken = take();
        for t in others {
            taken.extend(t.join().unwrap_or_else(|p| std::panic::resume_unwind(p)));
        }
        (made, taken)
    })
}

/// `weights.len()` items cut into at most `parts` runs of about equal weight, in order: how a
/// list (entities by their mentions) is shared out between threads.
pub fn by_weight(weights: &[usize], parts: usize) -> Vec<Range<usize>> {
    let total: usize = weights.iter().sum();
    let each = total.div_ceil(parts.max(1)).max(1);
    let mut out = Vec::new();
    let (mut start, mut sum) = (0, 0);
    for (i, w) in weights.iter().enumerate() {
        sum += w;
        if sum >= each {
            out.push(start..i + 1);
            (start, sum) = (i + 1, 0);
        }
    }
    if start < weights.len() {
        out.push(start..weights.len());
    }
    out
}

/// The pieces of `bytes[range]`: each about `target` bytes and ending after a blank line,
/// else after a line end, else at the end of the range.
pub fn cut(bytes: &[u8], range: Range<usize>, target: usize) -> Vec<Range<usize>> {
    let end = range.end.min(bytes.len());
    let mut out = Vec::new();
    let mut start = range.start.min(end);
    while start < end {
        let want = start.saturating_add(target.max(1)).min(end);
        let near = &bytes[want..end.min(want + PARAGRAPH_SEARCH)];
        let cut = if want == end {
            end
        } else if let Some(i) = memchr::memmem::find(near, b"\n\n") {
            want + i + 2
        } else if let Some(i) = memchr::memchr(b'\n', &bytes[want..end]) {
            want + i + 1
        } else {
            end
        };
        out.push(start..cut);
        start = cut;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_are_each_taken_once_on_any_number_of_threads() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        for threads in [1, 2, 3, 8] {
            let next = AtomicUsize::new(0);
            let take = || {
                let mut mine = Vec::new();
                while let Some(i) = Some(next.fetch_add(1, Ordering::Relaxed)).filter(|&i| i < 100)
                {
                    mine.push(i);
                }
                mine
            };
            let (first, mut taken) = sharing(threads, || "made here", take);
            assert_eq!(first, "made here");
            taken.sort_unstable();
            assert_eq!(taken, (0..100).collect::<Vec<_>>(), "{threads} threads");
        }
    }

    #[test]
    fn runs_by_weight_cover_the_list_in_order() {
        assert_eq!(by_weight(&[5, 1, 1, 1, 1, 1], 2), [0..1, 1..6]);
        assert_eq!(by_weight(&[1, 1, 1, 1], 2), [0..2, 2..4]);
        assert_eq!(by_weight(&[1, 1, 1], 1), vec![0..3]);
        assert_eq!(by_weight(&[0, 0], 3), vec![0..2]);
        assert!(by_weight(&[], 2).is_empty());
    }
}
