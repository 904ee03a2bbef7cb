//! The coreference pass on several threads: how the reading is shared out, not what it
//! decides.
//!
//! A window (see the introduction of `coref`) starts with nothing in focus but the names of
//! the [`LOOKBACK`] sentences before it, as a reading of names only sees them, and the pass
//! carries nothing else from one window to the next but the number it gives each sentence.
//! So the text is read in runs of whole windows, one run per thread at a time, each run
//! started with the sentences before it and the number its first sentence has in the
//! one-thread pass ([`plan`]); the runs' links, joined in the order of the text, are the
//! links of the one-thread pass, in its order.

use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::in_text::{self, Named};
use super::{Found, LOOKBACK, Resolver, opens_window};
use crate::domain::sentences::{self, Split};

/// About how many sentences a thread reads at a time: enough that starting a run (three
/// sentences read again) costs nothing, few enough that the threads end together.
pub(super) const RUN: usize = 2048;

/// Sentences the pass reads, and how it reads them on `jobs` threads.
pub(super) trait Read: Sized {
    /// The sentences with what sharing them out on `jobs` threads needs worked out (see
    /// [`plan`]; `names`: the name mentions of `text` in its order), before `resolve` asks.
    fn planned(self, _text: &[u8], _names: &[Named], _jobs: usize) -> Self {
        self
    }

    /// The links found over the sentences by resolvers made by `resolver`; `release` is told
    /// of the text read. With what `beside` makes on the calling thread meanwhile, which then
    /// reads sentences too: no more threads run than jobs.
    fn resolve<'a, B>(
        self,
        jobs: usize,
        resolver: impl Fn() -> Resolver<'a> + Sync,
        release: impl Fn(Range<usize>) + Sync,
        beside: impl FnOnce() -> B,
    ) -> (Found, B);
}

/// Sentences split as they are read: on one thread.
impl Read for Split<'_> {
    fn resolve<'a, B>(
        self,
        _jobs: usize,
        resolver: impl Fn() -> Resolver<'a> + Sync,
        release: impl Fn(Range<usize>) + Sync,
        beside: impl FnOnce() -> B,
    ) -> (Found, B) {
        let mut r = resolver();
        r.run(&[], self, (0, 0), 0, release);
        (r.found, beside())
    }
}

/// A document's sentences, split already: its dateline's, then its body's.
pub(super) struct Sentences<'a> {
    head: &'a [Range<usize>],
    body: &'a sentences::Sentences,
    /// Sentences a run has, about (see [`RUN`]).
    every: usize,
    /// Where the runs start, if worked out already (see [`Read::planned`]).
    starts: Option<Vec<Start>>,
}

impl<'a> Sentences<'a> {
    pub fn new(head: &'a [Range<usize>], body: &'a sentences::Sentences) -> Sentences<'a> {
        Sentences {
            head,
            body,
            every: RUN,
            starts: None,
        }
    }

    fn len(&self) -> usize {
        self.head.len() + self.body.len()
    }

    fn get(&self, i: usize) -> Range<usize> {
        match self.head.get(i) {
            Some(r) => r.clone(),
            None => self.body.range(i - self.head.len()),
        }
    }

    fn range(&self, r: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
        r.map(|i| self.get(i))
    }
}

impl Read for Sentences<'_> {
    fn planned(mut self, text: &[u8], names: &[Named], jobs: usize) -> Self {
        if jobs > 1 {
            self.starts = Some(plan(text, &self, names));
        }
        self
    }

    fn resolve<'a, B>(
        mut self,
        jobs: usize,
        resolver: impl Fn() -> Resolver<'a> + Sync,
        release: impl Fn(Range<usize>) + Sync,
        beside: impl FnOnce() -> B,
    ) -> (Found, B) {
        if jobs <= 1 {
            let mut r = resolver();
            r.run(&[], self.range(0..self.len()), (0, 0), 0, release);
            return (r.found, beside());
        }
        let r = resolver();
        let (text, names) = (r.text, r.names);
        drop(r);
        let starts = (self.starts.take()).unwrap_or_else(|| plan(text, &self, names));
        let next = AtomicUsize::new(0);
        // Each thread takes the next run of windows until none is left.
        let read_runs = || {
            let mut done = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(&start) = starts.get(i) else {
                    return done;
                };
                let end = starts.get(i + 1).map_or(self.len(), |s| s.sentence);
                let first = start.sentence;
                let before: Vec<Range<usize>> =
                    self.range(first - first.min(LOOKBACK)..first).collect();
                let mut r = resolver();
                let from = self.get(first).start;
                let read = self.range(first..end);
                r.run(
                    &before,
                    read,
                    (start.serial, start.first_name),
                    from,
                    &release,
                );
                done.push((i, r.found));
            }
        };
        let (made, mut runs) =
            crate::domain::pieces::sharing(jobs.min(starts.len()), beside, read_runs);
        runs.sort_unstable_by_key(|(i, _)| *i);
        let mut found = Found::default();
        found
            .added
            .reserve_exact(runs.iter().map(|(_, f)| f.added.len()).sum());
        for (_, run) in runs {
            found.added.extend(run.added);
            found.moved.extend(run.moved);
            found.cuts.extend(run.cuts);
        }
        (found, made)
    }
}

/// Where a run of windows starts: its first sentence (an index into the sentences), the
/// number the one-thread pass gives the sentence before it, and the first of the names that
/// reaches into the sentences read again before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Start {
    pub sentence: usize,
    pub serial: u32,
    pub first_name: usize,
}

/// Cuts the sentences of `text` into runs of whole windows, about `every` sentences each,
/// numbering the sentences as the one-thread pass does: one for each sentence, and one for
/// each sentence read again when a window opens.
fn plan(text: &[u8], sentences: &Sentences, names: &[Named]) -> Vec<Start> {
    let mut starts = Vec::new();
    let (mut serial, mut run, mut prev_end) = (0u32, 0u32, None);
    let (mut next, mut first_name) = (0, 0);
    for i in 0..sentences.len() {
        let s = sentences.get(i);
        if opens_window(text, prev_end, s.start, run) {
            if i >= next {
                let reread = sentences.get(i - i.min(LOOKBACK)).start;
                first_name = in_text::first_reaching(names, first_name, reread);
                starts.push(Start {
                    sentence: i,
                    serial,
                    first_name,
                });
                next = i + sentences.every.max(1);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::document::Document;
    use crate::domain::entity::{Entity, Form};
    use crate::domain::extract::Extractor;

    /// Paragraphs of one to forty-one sentences with pronouns, descriptions and quotations.
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

    /// The entities of `doc` linked on `jobs` threads, in runs of about `every` sentences.
    fn linked(doc: &Document, jobs: usize, every: usize) -> Vec<Entity> {
        let text = std::str::from_utf8(doc.bytes()).unwrap();
        let mut ex = Extractor::new();
        ex.feed(0, text);
        let mut entities = std::sync::Arc::new(ex.finish());
        let quotes = crate::domain::quotes::find(text);
        let head: Vec<Range<usize>> = sentences::split(doc.bytes(), 0..doc.body_start()).collect();
        let mut sentences = Sentences::new(&head, doc.sentences(1));
        sentences.every = every;
        let sentences = || sentences;
        super::super::link_releasing(
            doc.bytes(),
            &mut entities,
            None,
            || &quotes,
            sentences,
            jobs,
            |_| {},
        );
        std::sync::Arc::unwrap_or_clone(entities)
    }

    #[test]
    fn every_number_of_threads_links_the_same_mentions() {
        // News, then a transcript of speaker turns (read beside the resolving).
        let turns = "Maria Ortega: I think my team won.\n\nJohn Smith: I agree with her.\n\n";
        let doc = Document::from_string(
            "news.txt",
            format!("Oslo, March 3 (AP) -\n\n{}{}", news(300), turns.repeat(20)),
        );
        let one = linked(&doc, 1, RUN);
        let text = std::str::from_utf8(doc.bytes()).unwrap();
        let first_person = (one.iter().flat_map(|e| e.mentions.iter()))
            .filter(|m| &text[m.range()] == "I")
            .count();
        assert!(first_person >= 40, "{first_person} turns' I linked");
        let linked_forms = (one.iter().flat_map(|e| e.mentions.iter()))
            .filter(|m| m.form != Form::Name)
            .count();
        assert!(
            linked_forms > 1000,
            "{linked_forms} pronouns and descriptions"
        );
        for (jobs, every) in [(2, 1), (2, 50), (3, 7), (4, RUN)] {
            assert!(
                linked(&doc, jobs, every) == one,
                "{jobs} jobs, runs of {every}"
            );
        }
        // The same as the pass over sentences split as it reads them.
        let text = std::str::from_utf8(doc.bytes()).unwrap();
        let mut split = Extractor::new();
        split.feed(0, text);
        let mut split = split.finish();
        super::super::link(doc.bytes(), &mut split, &crate::domain::quotes::find(text));
        assert!(split == one);
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
        let body = sentences::Sentences::of_range(text.as_bytes(), 0..text.len());
        assert_eq!(body.len(), 34);
        let mut sentences = Sentences::new(&[], &body);
        sentences.every = 1;
        let every_window = plan(text.as_bytes(), &sentences, &[]);
        let starts: Vec<(usize, u32)> = every_window
            .iter()
            .map(|s| (s.sentence, s.serial))
            .collect();
        // Window at 0 (nothing before), at 1 (one sentence read again), at 3 (two), at 27
        // (three, 24 sentences in), at 33 (three).
        assert_eq!(starts, [(0, 0), (1, 1), (3, 4), (27, 31), (33, 40)]);
        sentences.every = 10;
        let fewer = plan(text.as_bytes(), &sentences, &[]);
        assert_eq!(fewer, [every_window[0], every_window[3]]);
    }
}
