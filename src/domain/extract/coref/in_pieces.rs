//! The coreference pass on several threads: how the reading is shared out, not what it
//! decides.
//!
//! A window (see the introduction of `coref`) starts with nothing in focus but the names of
//! the [`LOOKBACK`] sentences before it, and the pass carries nothing else from one window to
//! the next but the number it gives each sentence. So the text is read in runs of whole
//! windows, one run per thread at a time, each run started with the sentences before it and
//! the number its first sentence has in the one-thread pass ([`plan`]); the runs' links,
//! joined in the order of the text, are the links of the one-thread pass, in its order.

use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::{Found, LOOKBACK, Resolver, opens_window};
use crate::domain::sentences::Sentences;

/// About how many sentences a thread reads at a time: enough that starting a run (three
/// sentences read again) costs nothing, few enough that the threads end together.
pub(super) const RUN: usize = 2048;

/// Where a run of windows starts: its first sentence (an index into the sentences), and the
/// number the one-thread pass gives the sentence before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Start {
    pub sentence: usize,
    pub serial: u32,
}

/// Cuts `sentences` of `text` into runs of whole windows, about `every` sentences each,
/// numbering the sentences as the one-thread pass does: one for each sentence, and one for
/// each sentence read again before a window.
pub(super) fn plan(text: &[u8], sentences: &Sentences, every: usize) -> Vec<Start> {
    let mut starts = Vec::new();
    let (mut serial, mut run, mut prev_end) = (0u32, 0u32, None);
    let mut next = 0;
    for (i, s) in sentences.iter().enumerate() {
        if opens_window(text, prev_end, s.start, run) {
            if i >= next {
                starts.push(Start {
                    sentence: i,
                    serial,
                });
                next = i + every.max(1);
            }
            run = 0;
            serial += i.min(LOOKBACK) as u32;
        }
        serial += 1;
        run += 1;
        prev_end = Some(s.end);
    }
    starts
}

/// The links of the whole of `text`, found on `jobs` threads by resolvers made by
/// `resolver`, in runs of about `every` sentences; `release` is told of the text each run
/// has read.
pub(super) fn run<'a>(
    text: &'a [u8],
    jobs: usize,
    every: usize,
    resolver: impl Fn() -> Resolver<'a> + Sync,
    release: impl Fn(Range<usize>) + Sync,
) -> Found {
    let sentences = Sentences::in_pieces(text, 0..text.len(), jobs, |_| {});
    let starts = plan(text, &sentences, every);
    let next = AtomicUsize::new(0);
    let mut runs: Vec<(usize, Found)> = std::thread::scope(|scope| {
        let threads: Vec<_> = (0..jobs.min(starts.len()))
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(&start) = starts.get(i) else {
                            return done;
                        };
                        let end = starts.get(i + 1).map_or(sentences.len(), |s| s.sentence);
                        let first = start.sentence;
                        let before = (first.saturating_sub(LOOKBACK)..first)
                            .map(|j| sentences.range(j))
                            .collect();
                        let mut r = resolver();
                        let from = sentences.range(first).start;
                        let read = (first..end).map(|j| sentences.range(j));
                        r.run(before, read, start.serial, from, &release);
                        done.push((i, r.found));
                    }
                })
            })
            .collect();
        (threads.into_iter())
            .flat_map(|t| t.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    });
    runs.sort_unstable_by_key(|(i, _)| *i);
    let mut found = Found::default();
    for (_, run) in runs {
        found.added.extend(run.added);
        found.moved.extend(run.moved);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::entity::Entity;
    use crate::domain::extract::Extractor;

    /// Paragraphs of one to forty sentences with pronouns, descriptions and quotations.
    fn news(paragraphs: usize) -> String {
        let sentences = [
            "Maria Ortega met John Smith of Vantoro Holdings in Oslo on Tuesday.",
            "She said he would return to the company soon.",
            "\u{201c}We will not accept it,\u{201d} Ortega told reporters.",
            "The company said its profits had grown, and its chief executive agreed.",
            "Smith, the chief executive, said he was pleased.",
            "They left Oslo for Gaza City, where the United Nations met.",
            "It said the talks would go on.",
        ];
        let mut text = String::new();
        for p in 0..paragraphs {
            for s in 0..=(p * 7 % 41) {
                text.push_str(sentences[(p + s) % sentences.len()]);
                text.push(if s % 5 == 4 { '\n' } else { ' ' });
            }
            text.push_str("\n\n");
        }
        text
    }

    fn linked(text: &str, jobs: usize, every: usize) -> Vec<Entity> {
        let mut ex = Extractor::new();
        ex.feed(0, text);
        let mut entities = ex.finish();
        let quotes = crate::domain::quotes::find(text).direct_spans();
        super::super::link_with(text.as_bytes(), &mut entities, &quotes, jobs, every);
        entities
    }

    #[test]
    fn every_number_of_threads_links_the_same_mentions() {
        let text = news(300);
        let one = linked(&text, 1, RUN);
        let pronouns = (one.iter().flat_map(|e| e.mentions.iter()))
            .filter(|m| m.form != crate::domain::entity::Form::Name)
            .count();
        assert!(pronouns > 1000, "{pronouns} pronouns and descriptions");
        for (jobs, every) in [(2, 1), (2, 50), (3, 7), (4, RUN)] {
            assert_eq!(
                linked(&text, jobs, every),
                one,
                "{jobs} jobs, runs of {every}"
            );
        }
    }

    #[test]
    fn runs_start_at_windows_numbered_as_one_pass_numbers_them() {
        // Paragraphs of one, two and thirty sentences: windows open at each paragraph and
        // after 24 sentences of the long one.
        let mut text = String::from("One.\n\nTwo. Three.\n\n");
        for i in 0..30 {
            text.push_str(&format!("Sentence {i}. "));
        }
        text.push_str("\n\nLast.");
        let sentences = Sentences::of_range(text.as_bytes(), 0..text.len());
        assert_eq!(sentences.len(), 34);
        let every_window = plan(text.as_bytes(), &sentences, 1);
        let starts: Vec<(usize, u32)> = every_window
            .iter()
            .map(|s| (s.sentence, s.serial))
            .collect();
        // Window at 0 (nothing before), at 1 (one sentence read again), at 3 (two), at 27
        // (three, 24 sentences in), at 33 (three).
        assert_eq!(starts, [(0, 0), (1, 1), (3, 4), (27, 31), (33, 40)]);
        let fewer = plan(text.as_bytes(), &sentences, 10);
        assert_eq!(fewer, [every_window[0], every_window[3]]);
    }
}
