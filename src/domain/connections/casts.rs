//! What the connections are counted from: the entities mentioned in each sentence, read
//! from the reader's mention index, or found once from the mentions in text order when they
//! are all written out.

use std::ops::Range;

use super::{MAX_CAST_PER_SENTENCE, on_threads, runs_of};
use crate::domain::mention_index::MentionIndex;
use crate::domain::sentences::Sentences;
use crate::domain::text_order::Named;

/// What the connections are counted from: the entities mentioned in each sentence, as the
/// mention index has the mentions (overlaps resolved).
pub trait Casts: Sync {
    /// `f(sentence, entities)` for each of the sentences `within`, in order, with the
    /// entities mentioned in it, sorted, each once.
    fn each(&self, sentences: &Sentences, within: Range<usize>, f: impl FnMut(usize, &[u32]));
    /// How much work the sentences before sentence `i` are (mentions, or entities of
    /// sentences, before it).
    fn before(&self, sentences: &Sentences, i: usize) -> usize;
}

impl Casts for MentionIndex {
    fn each(&self, sentences: &Sentences, within: Range<usize>, mut f: impl FnMut(usize, &[u32])) {
        let Some(first) = (within.start < within.end).then(|| sentences.range(within.start)) else {
            return;
        };
        let mut mentions = self.overlapping(first.start..usize::MAX).peekable();
        let mut owners: Vec<u32> = Vec::new();
        for si in within {
            let range = sentences.range(si);
            owners.clear();
            while mentions
                .next_if(|(m, _)| (m.start as usize) < range.start)
                .is_some()
            {}
            while let Some((_, o)) = mentions.next_if(|(m, _)| (m.start as usize) < range.end) {
                owners.push(o as u32);
            }
            owners.sort_unstable();
            owners.dedup();
            f(si, &owners);
        }
    }

    fn before(&self, sentences: &Sentences, i: usize) -> usize {
        let at = if i < sentences.len() {
            sentences.range(i).start
        } else {
            usize::MAX
        };
        self.count_in(0..at)
    }
}

/// The entities mentioned in each sentence, found once: what [`super::Connections::strongest_first`]
/// counts from when they are all written out (the walk then reads the mentions once, not once
/// a pass, and reads no index). 4 bytes an entity of a sentence that may connect two (two to
/// [`MAX_CAST_PER_SENTENCE`] of them), and 4 a sentence.
#[derive(Debug, Default)]
pub struct SentenceCasts {
    /// Where each sentence's entities start in `entities` (and where the last ends): also
    /// how the work of walking them is shared out.
    at: Vec<u32>,
    entities: Vec<u32>,
}

impl SentenceCasts {
    /// The casts of `sentences`, from the mentions of a cast in text order (see
    /// `text_order::in_text_order`), found on `jobs` threads.
    pub fn new(in_order: &[Named], sentences: &Sentences, jobs: usize) -> SentenceCasts {
        let first_at = |i: usize| {
            let at = if i < sentences.len() {
                sentences.range(i).start
            } else {
                usize::MAX
            };
            in_order.partition_point(|n| (n.start as usize) < at)
        };
        let runs = runs_of(sentences.len(), jobs, first_at);
        let parts = on_threads(&runs, |_, run| {
            let mut part = SentenceCasts::default();
            part.at.reserve_exact(run.len() + 1);
            let mut next = first_at(run.start);
            let mut owners: Vec<u32> = Vec::new();
            for si in run.clone() {
                let range = sentences.range(si);
                while next < in_order.len() && (in_order[next].start as usize) < range.start {
                    next += 1;
                }
                part.at.push(part.entities.len() as u32);
                owners.clear();
                while next < in_order.len() && (in_order[next].start as usize) < range.end {
                    owners.push(in_order[next].entity());
                    next += 1;
                }
                owners.sort_unstable();
                owners.dedup();
                if (2..=MAX_CAST_PER_SENTENCE).contains(&owners.len()) {
                    part.entities.extend_from_slice(&owners);
                }
            }
            part
        });
        // The first part's lists grow into the whole (a large one is not copied again).
        let total: usize = parts.iter().map(|p| p.entities.len()).sum();
        let mut parts = parts.into_iter();
        let mut casts = parts.next().unwrap_or_default();
        casts.at.reserve_exact(sentences.len() + 1 - casts.at.len());
        casts.entities.reserve_exact(total - casts.entities.len());
        for part in parts {
            let shift = casts.entities.len() as u32;
            casts.at.extend(part.at.iter().map(|&a| a + shift));
            casts.entities.extend_from_slice(&part.entities);
        }
        casts.at.push(casts.entities.len() as u32);
        casts
    }
}

impl SentenceCasts {
    /// Whether sentence `i` mentions two entities that it connects (at most
    /// [`MAX_CAST_PER_SENTENCE`]).
    pub fn connects(&self, i: usize) -> bool {
        self.at[i] != self.at[i + 1]
    }
}

impl Casts for SentenceCasts {
    fn each(&self, _: &Sentences, within: Range<usize>, mut f: impl FnMut(usize, &[u32])) {
        for si in within {
            let (from, to) = (self.at[si] as usize, self.at[si + 1] as usize);
            f(si, &self.entities[from..to]);
        }
    }

    /// The entities of the sentences before sentence `i`: what walking them costs.
    fn before(&self, _: &Sentences, i: usize) -> usize {
        self.at[i.min(self.at.len() - 1)] as usize
    }
}
