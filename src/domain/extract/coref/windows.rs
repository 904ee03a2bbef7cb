//! The walk of the text a sentence at a time, in windows: a blank line, or a run of
//! [`MAX_RUN`] sentences, opens one (see the introduction of `coref`).

use std::collections::VecDeque;
use std::ops::Range;

use super::focus::Seen;
use super::{Found, LOOKBACK, MAX_RUN, Resolver, in_text};

impl Resolver<'_> {
    /// Reads the text a sentence at a time: `sentences` in order, the first of them opening
    /// a window (all of them, or a run of windows: see [`super::in_pieces`]). `before`: the
    /// sentences before them (the last [`LOOKBACK`] at most), whose names are in focus when
    /// the first window opens; `serial`: the number of the sentence before them; `first_name`:
    /// the first of the names that reaches into `before` or after it. Pages are given back
    /// behind the reading, from `released` on.
    pub(super) fn run(
        &mut self,
        before: &[Range<usize>],
        sentences: impl Iterator<Item = Range<usize>>,
        (mut serial, mut first_name): (u32, usize),
        mut released: usize,
        release: impl Fn(Range<usize>),
    ) {
        let text = self.text;
        // The last sentences, each with its names as a window opening after it reads them.
        let mut recent: VecDeque<(Range<usize>, Vec<Seen>)> = VecDeque::with_capacity(LOOKBACK + 1);
        for r in before {
            // Their names as a reading of names only sees them (what they link is not kept).
            first_name = in_text::first_reaching(self.names, first_name, r.start);
            let mut seen = Vec::new();
            self.sentence(r.clone(), first_name, 0, &mut seen);
            recent.push_back((r.clone(), seen));
        }
        self.found = Found::default();
        let mut run: u32 = 0;
        let mut prev_end: Option<usize> = None;
        let mut last_end = released;
        for s in sentences {
            if opens_window(text, prev_end, s.start, run) {
                self.focus.clear();
                run = 0;
                for (_, seen) in &recent {
                    serial += 1;
                    self.focus.age(serial);
                    for s in seen {
                        self.focus.push(Seen {
                            sentence: serial,
                            ..*s
                        });
                    }
                }
            }
            serial += 1;
            run += 1;
            first_name = in_text::first_reaching(self.names, first_name, s.start);
            let mut seen = match recent.len() {
                LOOKBACK => recent.pop_front().map(|(_, v)| v).unwrap_or_default(),
                _ => Vec::new(),
            };
            self.sentence(s.clone(), first_name, serial, &mut seen);
            prev_end = Some(s.end);
            last_end = s.end;
            recent.push_back((s, seen));
            if let Some((oldest, _)) = recent.front()
                && oldest.start >= released + (1 << 20)
            {
                release(released..oldest.start);
                released = oldest.start;
            }
        }
        self.found.note_cuts(self.names);
        release(released..last_end);
    }
}

/// Whether the sentence starting at `start` opens a window (see the module's introduction):
/// it is the first one, a blank line is between it and the one before (which ended at
/// `prev_end`), or the window has `run` sentences already.
pub(super) fn opens_window(text: &[u8], prev_end: Option<usize>, start: usize, run: u32) -> bool {
    prev_end.is_none_or(|end| paragraph_break(text, end, start) || run == MAX_RUN)
}

/// Whether a blank line separates `a` from `b`.
fn paragraph_break(text: &[u8], a: usize, b: usize) -> bool {
    let gap = text.get(a..b).unwrap_or_default();
    memchr::memchr_iter(b'\n', gap).nth(1).is_some()
        || memchr::memchr_iter(b'\r', gap).nth(1).is_some()
}
