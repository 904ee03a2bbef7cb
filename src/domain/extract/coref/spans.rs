//! Which of a text's quotations holds a byte, asked in the order of the text.
//!
//! The reading asks it of every name and of every pronoun it weighs, nearly always further on
//! than the time before: a walk forward from the last answer finds it in a step or two, where
//! a search of the whole list (tens of thousands of quotations in a large text) misses the
//! cache at each of its steps.

use std::cell::Cell;
use std::ops::Range;

/// Sorted spans that lie apart, with where the last question was answered.
pub struct Spans<'a> {
    spans: &'a [Range<usize>],
    /// The first span that ends after the byte asked last.
    next: Cell<usize>,
}

/// Steps walked forward before searching the rest instead.
const WALK: usize = 8;

impl<'a> Spans<'a> {
    /// `spans` sorted and apart (so their ends are sorted too).
    pub fn new(spans: &'a [Range<usize>]) -> Spans<'a> {
        Spans {
            spans,
            next: Cell::new(0),
        }
    }

    /// The index of the span holding byte `at`, if one does.
    pub fn holding(&self, at: usize) -> Option<u32> {
        let spans = self.spans;
        let mut i = self.next.get();
        if i > 0 && spans[i - 1].end > at {
            // Asked behind the last answer (rare): a search from the start.
            i = spans[..i].partition_point(|q| q.end <= at);
        } else {
            let mut steps = 0;
            while i < spans.len() && spans[i].end <= at {
                i += 1;
                steps += 1;
                if steps == WALK {
                    i += spans[i..].partition_point(|q| q.end <= at);
                    break;
                }
            }
        }
        self.next.set(i);
        let q = spans.get(i)?;
        (q.start <= at).then_some(i as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asked_in_any_order_it_answers_as_a_search_does() {
        let spans: Vec<Range<usize>> = (0..40).map(|i| i * 10..i * 10 + 4 + i % 3).collect();
        let search = |at: usize| {
            let i = spans.partition_point(|q| q.end <= at);
            spans.get(i).filter(|q| q.start <= at).map(|_| i as u32)
        };
        let s = Spans::new(&spans);
        // Forward byte by byte, then jumps forward and back.
        let asks = (0..420).chain([5, 399, 0, 250, 251, 120, 419, 3, 200]);
        for at in asks {
            assert_eq!(s.holding(at), search(at), "at {at}");
        }
        assert_eq!(Spans::new(&[]).holding(7), None);
    }
}
