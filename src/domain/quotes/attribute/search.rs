//! The search for the mentions that some speaker words name: each entity's mentions read
//! only where the words are, a part of the words at a time, on several threads.

use super::{ByteSpan, Found, SPEAKER_MAX, Speaker};
use crate::domain::entity::{Entity, Kind as EntityKind, Mention};

/// How good a mention is as the speaker named by some words: people speak before
/// organisations, groups and countries; dates and figures never do. Lower is better.
fn rank(kind: EntityKind) -> Option<u8> {
    match kind {
        EntityKind::Person => Some(0),
        EntityKind::Organization => Some(1),
        EntityKind::Group => Some(2),
        EntityKind::Country => Some(3),
        EntityKind::Other => Some(4),
        EntityKind::Place => Some(5),
        EntityKind::Date | EntityKind::Number => None,
    }
}

/// A mention that may name a speaker, with its entity and how good it is (see
/// [`Candidate::key`]). Sixteen bytes: a large text has hundreds of thousands of speaker
/// words, each with its best candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Candidate {
    entity: u32,
    mention: Mention,
    rank: u8,
}

impl Candidate {
    /// Lower is better: by the kind's rank, then within a kind a name before a description
    /// before a pronoun, then the earlier.
    fn key(&self) -> (u8, u8, u32) {
        (self.rank, self.mention.form as u8, self.mention.start)
    }
}

/// Mentions below which one thread searches them all.
const MENTIONS_PER_JOB: usize = 1 << 16;

/// For each found quotation, the entity and mention its speaker words name best (the first
/// entity's on a tie). The speaker words are shared out between `jobs` threads, each
/// reading every entity for the words of its share.
pub(super) fn best_mentions(found: &[Found], entities: &[Entity], jobs: usize) -> Vec<Speaker> {
    let words = speaker_words(found);
    let covered = Coverage::of(words.iter().map(|(s, _)| (s.start, s.end)));
    let mentions: usize = entities.iter().map(|e| e.mentions.len()).sum();
    let jobs = jobs.min(mentions / MENTIONS_PER_JOB).max(1);
    let longest = (entities.iter().flat_map(|e| e.mentions.iter()))
        .map(|m| m.end - m.start)
        .max()
        .unwrap_or(0);
    let mut by_quotation = vec![None; found.len()];
    // A part of the words at a time: their candidates would otherwise be the largest list
    // here (on a large text, held beside two casts in the reader).
    for part in words.chunks(WORDS_PER_STEP) {
        let best = best_on(part, &covered, (entities, longest), jobs);
        for (&(_, i), b) in part.iter().zip(best) {
            by_quotation[i as usize] = b.map(|c| (c.entity, c.mention));
        }
    }
    by_quotation
}

/// Speaker words whose candidates are found at a time (a megabyte of candidates).
const WORDS_PER_STEP: usize = 1 << 16;

/// The words that name each quotation's speaker, short enough to be a name, with the
/// quotation's index, sorted by where they are.
fn speaker_words(found: &[Found]) -> Vec<(ByteSpan, u32)> {
    let mut words: Vec<(ByteSpan, u32)> = (found.iter().enumerate())
        .filter_map(|(i, f)| Some((f.speaker?, u32::try_from(i).ok()?)))
        .filter(|(s, _)| s.end - s.start <= SPEAKER_MAX)
        .collect();
    words.sort_unstable_by_key(|(s, _)| (s.start, s.end));
    words
}

/// The best candidate for each of `words` among `entities` (with the length of their longest
/// mention, or more), on `jobs` threads, each given a run of the words (one list of
/// candidates, in parts: not one per thread as long as all the words).
fn best_on(
    words: &[(ByteSpan, u32)],
    covered: &Coverage,
    entities: (&[Entity], u32),
    jobs: usize,
) -> Vec<Option<Candidate>> {
    let mut best: Vec<Option<Candidate>> = vec![None; words.len()];
    let per_job = words.len().div_ceil(jobs.max(1)).max(1);
    if jobs <= 1 {
        best_among(words, &mut best, covered, entities);
        return best;
    }
    std::thread::scope(|scope| {
        for (w, b) in words.chunks(per_job).zip(best.chunks_mut(per_job)) {
            scope.spawn(move || best_among(w, b, covered, entities));
        }
    });
    best
}

/// For each of the speaker words (`words`, sorted), the best of the mentions of `entities`
/// that they touch, into `best` (one for each of the words).
fn best_among(
    words: &[(ByteSpan, u32)],
    best: &mut [Option<Candidate>],
    covered: &Coverage,
    (entities, longest): (&[Entity], u32),
) {
    let (Some(first), Some(reach)) = (words.first(), words.iter().map(|(s, _)| s.end).max()) else {
        return;
    };
    let first = first.0.start;
    let starts = Starts::of(words);
    for (e, entity) in entities.iter().enumerate() {
        let Some(rank) = rank(entity.kind) else {
            continue;
        };
        let entity_at = u32::try_from(e).expect("fewer than 2^32 entities");
        // Only the mentions the words of this share may touch: the words start from `first`
        // and end by `reach`, and no mention is longer than `longest`.
        // An entity's first mention (or its last) mostly tells where its mentions for this
        // share begin, or that it has none: the search, a cache miss a step, is for the rest.
        let from = match entity.mentions.first() {
            None => continue,
            Some(m) if m.start >= reach => continue,
            Some(m) if m.start.saturating_add(longest) > first => 0,
            _ if entity.mentions.last().is_some_and(|m| m.end <= first) => continue,
            _ => (entity.mentions).partition_point(|m| m.start.saturating_add(longest) <= first),
        };
        let near = entity.mentions[from..].iter();
        for &m in near.take_while(|m| m.start < reach) {
            if m.end <= first || !covered.touches(m) {
                continue;
            }
            // Words that overlap the mention start before its end and less than
            // SPEAKER_MAX before its start: found from the last of them back (a few).
            let hi = starts.before(m.end);
            let near = words[..hi]
                .iter()
                .enumerate()
                .rev()
                .take_while(|(_, (s, _))| s.start + SPEAKER_MAX >= m.start);
            for (j, &(s, _)) in near {
                if s.end <= m.start {
                    continue;
                }
                // An untyped name or a place speaks only as the head of the words ("Gawker
                // said"), not as a modifier ("an Internet posting").
                if rank >= 4 && m.end + 5 < s.end {
                    continue;
                }
                let c = Candidate {
                    entity: entity_at,
                    mention: m,
                    rank,
                };
                if best[j].is_none_or(|b| c.key() < b.key()) {
                    best[j] = Some(c);
                }
            }
        }
    }
}

/// Where the speaker words (sorted by start) that start before an offset end, found from
/// the block of the document the offset is in rather than by a binary search over all of
/// them (the search's misses were most of the speakers' time).
struct Starts {
    /// For each block from the first word's, how many words start before it.
    first: Vec<u32>,
    /// The first word's block.
    from: u64,
    /// Where each word starts (a third of the bytes of the words to step over).
    at: Vec<u32>,
}

impl Starts {
    const BLOCK: u64 = 1024;

    fn of(words: &[(ByteSpan, u32)]) -> Starts {
        let block =
            |w: Option<&(ByteSpan, u32)>| w.map_or(0, |(s, _)| u64::from(s.start) / Self::BLOCK);
        let (from, last) = (block(words.first()), block(words.last()));
        let mut first = Vec::with_capacity((last - from) as usize + 2);
        let mut w = 0;
        for b in from..=last + 1 {
            while w < words.len() && u64::from(words[w].0.start) < b * Self::BLOCK {
                w += 1;
            }
            first.push(u32::try_from(w).expect("fewer than 2^32 speaker words"));
        }
        let at = words.iter().map(|(s, _)| s.start).collect();
        Starts { first, from, at }
    }

    /// How many of the words this was made of start before `offset`.
    fn before(&self, offset: u32) -> usize {
        let words = &self.at;
        let b = u64::from(offset) / Self::BLOCK;
        let at = if b < self.from {
            Some(&0)
        } else {
            self.first.get((b - self.from) as usize)
        };
        let Some(&at) = at else {
            return words.len();
        };
        let mut i = at as usize;
        while i < words.len() && words[i] < offset {
            i += 1;
        }
        i
    }
}

/// Which 16-byte blocks of the document some spans (speaker words, added mentions) touch:
/// most mentions are in none, and this tells so without a search.
pub(super) struct Coverage {
    bits: Vec<u64>,
}

impl Coverage {
    const BLOCK: u32 = 16;

    pub(super) fn of(spans: impl Iterator<Item = (u32, u32)> + Clone) -> Coverage {
        let end = spans.clone().map(|(_, end)| end).max().unwrap_or(0);
        let mut bits = vec![0u64; (end / Self::BLOCK) as usize / 64 + 1];
        for (start, end) in spans {
            for b in start / Self::BLOCK..=(end.saturating_sub(1)) / Self::BLOCK {
                bits[b as usize / 64] |= 1 << (b % 64);
            }
        }
        Coverage { bits }
    }

    pub(super) fn touches(&self, m: Mention) -> bool {
        (m.start / Self::BLOCK..=(m.end.saturating_sub(1)) / Self::BLOCK).any(|b| {
            self.bits
                .get(b as usize / 64)
                .is_some_and(|w| w & (1 << (b % 64)) != 0)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_before_an_offset_are_counted_as_a_search_counts_them() {
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        for round in 0..200u32 {
            // Some lists start far into the document, as a part of the words does.
            let mut at = round * 5_000;
            let words: Vec<(ByteSpan, u32)> = (0..50)
                .map(|i| {
                    crate::domain::shuffled::step(&mut seed);
                    at += (seed % 600) as u32;
                    (
                        ByteSpan {
                            start: at,
                            end: at + 10,
                        },
                        i,
                    )
                })
                .collect();
            let starts = Starts::of(&words);
            for offset in (0..at + 1000).step_by(7) {
                let expected = words.partition_point(|(s, _)| s.start < offset);
                assert_eq!(starts.before(offset), expected, "{offset}");
            }
        }
        assert_eq!(Starts::of(&[]).before(5), 0);
    }

    #[test]
    fn every_number_of_threads_finds_the_same_speakers() {
        // The same speakers under several names, and a name that two entities both have
        // (the first of them speaks, on one thread or many).
        let para = "\"Yes,\" said Ana Ruiz. \"No,\" Bo Lind told them. Ruiz said it would \
            pass. The Lind Group said prices fell. \"Maybe,\" said Bo.\n\n";
        let text = para.repeat(40);
        let names = [
            "Ana Ruiz",
            "Bo Lind",
            "Ruiz",
            "Lind Group",
            "Bo",
            "Lind",
            "Bo",
        ];
        let entities: Vec<Entity> = (names.iter())
            .map(|n| Entity::found_by_search(&text, n, EntityKind::Person))
            .collect();
        let found = crate::domain::quotes::find(&text).quotes;
        let one = best_mentions(&found, &entities, 1);
        assert!(one.iter().filter(|b| b.is_some()).count() >= 160);
        let words = speaker_words(&found);
        let covered = Coverage::of(words.iter().map(|(s, _)| (s.start, s.end)));
        for jobs in 2..=8 {
            let many = best_on(&words, &covered, (&entities, 20), jobs);
            let many: Vec<Speaker> = {
                let mut by_quotation = vec![None; found.len()];
                for (&(_, i), b) in words.iter().zip(many) {
                    by_quotation[i as usize] = b.map(|c| (c.entity, c.mention));
                }
                by_quotation
            };
            assert_eq!(many, one, "{jobs} threads");
        }
    }
}
