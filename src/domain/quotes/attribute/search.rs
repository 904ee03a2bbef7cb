//! The search for the mentions that some speaker words name: each entity's mentions read
//! only where the words are, a part of the words at a time, on several threads.

use super::{ByteSpan, Found, SPEAKER_MAX, SelfMention, Speaker};
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

/// What one walk over the entities' mentions finds (see [`best_mentions`]).
pub(super) struct Search {
    /// For each found quotation, the entity and mention its speaker words name best.
    pub who: Vec<Speaker>,
    /// For each first-person pronoun (in the order given), whether some entity has a
    /// mention that overlaps it.
    pub taken: Vec<bool>,
    /// The entities found as someone's speaker that are people, as bits by entity.
    pub people: Vec<u64>,
}

impl Search {
    /// Whether entity `e` was found as a speaker and is a person.
    pub fn is_person(&self, e: usize) -> bool {
        self.people
            .get(e / 64)
            .is_some_and(|w| w >> (e % 64) & 1 == 1)
    }
}

/// For each found quotation, the entity and mention its speaker words name best (the first
/// entity's on a tie); and on the same walk over the mentions, which of the first-person
/// `pronouns` some mention overlaps (the speakers' pronouns become their mentions only where
/// no entity has one: a second walk over every mention was as long as this one). The speaker
/// words are shared out between `jobs` threads, each reading every entity for the words of
/// its share, and for the pronouns from its words' start to the next share's.
pub(super) fn best_mentions(
    found: &[Found],
    pronouns: &[SelfMention],
    entities: &[Entity],
    jobs: usize,
) -> Search {
    let mentions: usize = entities.iter().map(|e| e.mentions.len()).sum();
    let jobs = jobs.min(mentions / MENTIONS_PER_JOB).max(1);
    search(found, pronouns, entities, jobs, WORDS_PER_STEP)
}

/// [`best_mentions`] on exactly `jobs` threads, `per_step` words at a time.
fn search(
    found: &[Found],
    pronouns: &[SelfMention],
    entities: &[Entity],
    jobs: usize,
    per_step: usize,
) -> Search {
    let words = speaker_words(found);
    let covered = Coverage::of(words.iter().map(|(s, _)| (s.start, s.end)));
    // The pronouns by where they are (first persons are words: apart, or the same twice).
    let mut order: Vec<u32> =
        (0..u32::try_from(pronouns.len()).expect("fewer than 2^32")).collect();
    order.sort_unstable_by_key(|&i| pronouns[i as usize].start);
    let selves: Vec<(u32, u32)> = (order.iter())
        .map(|&i| (pronouns[i as usize].start, pronouns[i as usize].end))
        .collect();
    let selves_covered = Coverage::of(selves.iter().copied());
    // Where either are: most mentions are near neither, told by one look.
    let near = (words.iter().map(|(s, _)| (s.start, s.end))).chain(selves.iter().copied());
    let any = Coverage::of(near);
    // The shares of the words: each part's run for each thread (one share when there is no
    // word, for the pronouns).
    let mut parts: Vec<Vec<std::ops::Range<usize>>> = Vec::new();
    for from in (0..words.len()).step_by(per_step.max(1)) {
        let part = from..(from + per_step).min(words.len());
        let per_job = part.len().div_ceil(jobs.max(1)).max(1);
        parts.push(
            (part.clone().step_by(per_job))
                .map(|s| s..(s + per_job).min(part.end))
                .collect(),
        );
    }
    if parts.is_empty() {
        parts.push(std::iter::once(0..0).collect());
    }
    // No mention is longer than this: where a share starts, the mentions of an entity that
    // may reach it are found by it. With one share, from every entity's first.
    let longest = if parts.len() > 1 || parts[0].len() > 1 {
        (entities.iter().flat_map(|e| e.mentions.iter()))
            .map(|m| m.end - m.start)
            .max()
            .unwrap_or(0)
    } else {
        u32::MAX
    };
    // Each share's pronouns: from its first word's start (the first share's from the
    // document's) to the next share's.
    let mut taken_sorted = vec![false; selves.len()];
    let mut rest: (&[(u32, u32)], &mut [bool]) = (&selves, &mut taken_sorted);
    let mut shares_selves = Vec::new();
    let all: Vec<std::ops::Range<usize>> = parts.iter().flatten().cloned().collect();
    for (k, _) in all.iter().enumerate() {
        let n = match all.get(k + 1).and_then(|next| words.get(next.start)) {
            Some((next, _)) => rest.0.partition_point(|p| p.0 < next.start),
            None => rest.0.len(),
        };
        let (s, s_rest) = rest.0.split_at(n);
        let (t, t_rest) = std::mem::take(&mut rest.1).split_at_mut(n);
        shares_selves.push((s, t));
        rest = (s_rest, t_rest);
    }
    let mut shares_selves = shares_selves.into_iter();
    let mut who = vec![None; found.len()];
    let mut people = vec![0u64; entities.len() / 64 + 1];
    let on = (entities, longest, &any);
    // A part of the words at a time: their candidates would otherwise be the largest list
    // here (on a large text, held beside two casts in the reader).
    for shares in &parts {
        let from = shares.first().map_or(0, |s| s.start);
        let to = shares.last().map_or(0, |s| s.end);
        let mut best: Vec<Option<Candidate>> = vec![None; to - from];
        let mut rest = best.as_mut_slice();
        let mut work = Vec::with_capacity(shares.len());
        for share in shares {
            let (b, b_rest) = std::mem::take(&mut rest).split_at_mut(share.len());
            rest = b_rest;
            let (s, t) = shares_selves.next().expect("pronouns for each share");
            let words = (&words[share.clone()], b, &covered);
            work.push((words, (s, t, &selves_covered)));
        }
        if work.len() == 1 {
            let (w, s) = work.pop().expect("one share");
            walk(w, s, on);
        } else {
            // The last share on this thread: no more threads than shares.
            let (w, s) = work.pop().expect("several shares");
            std::thread::scope(|scope| {
                for (w, s) in work {
                    scope.spawn(move || walk(w, s, on));
                }
                walk(w, s, on);
            });
        }
        for (&(_, i), b) in words[from..to].iter().zip(best) {
            who[i as usize] = b.map(|c| {
                if c.rank == 0 {
                    people[c.entity as usize / 64] |= 1 << (c.entity % 64);
                }
                (c.entity, c.mention)
            });
        }
    }
    let mut taken = vec![false; pronouns.len()];
    for (&i, t) in order.iter().zip(taken_sorted) {
        taken[i as usize] = t;
    }
    Search { who, taken, people }
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

/// Speaker words (sorted), the best candidate found for each, and where the words are.
type Words<'a> = (
    &'a [(ByteSpan, u32)],
    &'a mut [Option<Candidate>],
    &'a Coverage,
);

/// Pronouns (sorted), whether each is taken, and where the pronouns are.
type Selves<'a> = (&'a [(u32, u32)], &'a mut [bool], &'a Coverage);

/// For each of the speaker words, the best of the mentions of `entities` that they touch
/// (with the length of their longest mention, or more, and where the words and the pronouns
/// of every share are); and which of the pronouns some mention overlaps.
fn walk(
    (words, best, covered): Words<'_>,
    (selves, taken, selves_covered): Selves<'_>,
    (entities, longest, any): (&[Entity], u32, &Coverage),
) {
    // The words start from `first` and end by `reach`, the pronouns from `own` to `owned`.
    let first = words.first().map_or(u32::MAX, |(s, _)| s.start);
    let reach = words.iter().map(|(s, _)| s.end).max().unwrap_or(0);
    let own = selves.first().map_or(u32::MAX, |p| p.0);
    let owned = selves.iter().map(|p| p.1).max().unwrap_or(0);
    let (lo, hi) = (first.min(own), reach.max(owned));
    if lo >= hi {
        return;
    }
    let starts = Starts::of(words);
    for (e, entity) in entities.iter().enumerate() {
        let rank = rank(entity.kind);
        // An entity that names no speaker is read for the pronouns alone.
        let (lo, hi) = if rank.is_some() {
            (lo, hi)
        } else {
            (own, owned)
        };
        if lo >= hi {
            continue;
        }
        let entity_at = u32::try_from(e).expect("fewer than 2^32 entities");
        // Only the mentions that may touch the words or the pronouns: no mention is longer
        // than `longest`.
        // An entity's first mention (or its last) mostly tells where its mentions for this
        // share begin, or that it has none: the search, a cache miss a step, is for the rest.
        let from = match entity.mentions.first() {
            None => continue,
            Some(m) if m.start >= hi => continue,
            Some(m) if m.start.saturating_add(longest) > lo => 0,
            _ if entity.mentions.last().is_some_and(|m| m.end <= lo) => continue,
            _ => (entity.mentions).partition_point(|m| m.start.saturating_add(longest) <= lo),
        };
        let near = entity.mentions[from..].iter();
        for &m in near.take_while(|m| m.start < hi) {
            if m.end <= lo || !any.touches(m) {
                continue;
            }
            if m.end > own && m.start < owned && selves_covered.touches(m) {
                let to = selves.partition_point(|p| p.0 < m.end);
                let from = selves.partition_point(|p| p.1 <= m.start);
                for t in taken.iter_mut().take(to).skip(from) {
                    *t = true;
                }
            }
            let Some(rank) = rank else {
                continue;
            };
            if m.end <= first || m.start >= reach || !covered.touches(m) {
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
struct Coverage {
    bits: Vec<u64>,
}

impl Coverage {
    const BLOCK: u32 = 16;

    fn of(spans: impl Iterator<Item = (u32, u32)> + Clone) -> Coverage {
        let end = spans.clone().map(|(_, end)| end).max().unwrap_or(0);
        let mut bits = vec![0u64; (end / Self::BLOCK) as usize / 64 + 1];
        for (start, end) in spans {
            for b in start / Self::BLOCK..=(end.saturating_sub(1)) / Self::BLOCK {
                bits[b as usize / 64] |= 1 << (b % 64);
            }
        }
        Coverage { bits }
    }

    /// Whether a block from the mention's start to its last byte's is marked: most mentions
    /// are inside one word of the bits, read once under a mask (a look at each block was a
    /// third of the walk's time).
    fn touches(&self, m: Mention) -> bool {
        let (lo, hi) = (m.start / Self::BLOCK, m.end.saturating_sub(1) / Self::BLOCK);
        if lo > hi {
            return false;
        }
        let word = |w: u32| self.bits.get(w as usize).copied().unwrap_or(0);
        let (from, to) = (u64::MAX << (lo % 64), u64::MAX >> (63 - hi % 64));
        if lo / 64 == hi / 64 {
            return word(lo / 64) & from & to != 0;
        }
        word(lo / 64) & from != 0
            || (lo / 64 + 1..hi / 64).any(|w| word(w) != 0)
            || word(hi / 64) & to != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_touches_the_coverage_where_one_of_its_blocks_is_marked() {
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut draw = |n: u64| (crate::domain::shuffled::step(&mut seed) >> 8) % n;
        for _ in 0..200 {
            let spans: Vec<(u32, u32)> = (0..draw(12))
                .map(|_| {
                    let start = draw(5_000) as u32;
                    (start, start + draw(40) as u32)
                })
                .collect();
            let covered = Coverage::of(spans.iter().copied());
            let marked = |b: u32| {
                spans.iter().any(|&(s, e)| {
                    (s / Coverage::BLOCK..=e.saturating_sub(1) / Coverage::BLOCK).contains(&b)
                })
            };
            for _ in 0..300 {
                let start = draw(5_500) as u32;
                let long = draw(10) == 0;
                let end = start + draw(if long { 3_000 } else { 60 }) as u32;
                let m = Mention::new(start as usize..end as usize);
                let blocks = start / Coverage::BLOCK..=end.saturating_sub(1) / Coverage::BLOCK;
                let expected = blocks.clone().any(marked);
                assert_eq!(covered.touches(m), expected, "{start}..{end} in {spans:?}");
            }
        }
    }

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
    fn every_number_of_threads_and_of_words_at_a_time_finds_the_same() {
        // The same speakers under several names, a name that two entities both have (the
        // first of them speaks, on one thread or many), and first persons, some of them
        // inside a mention (of a figure's, which names no speaker).
        let para = "\"I agree,\" said Ana Ruiz. \"No, we won't,\" Bo Lind told them. Ruiz said \
            it would pass. The Lind Group said prices fell. \"Maybe I will,\" said Bo. \"We \
            are,\" he said.\n\n";
        let text = para.repeat(40);
        let names = [
            ("Ana Ruiz", EntityKind::Person),
            ("Bo Lind", EntityKind::Person),
            ("Ruiz", EntityKind::Person),
            ("Lind Group", EntityKind::Organization),
            ("Bo", EntityKind::Person),
            ("Lind", EntityKind::Person),
            ("Bo", EntityKind::Person),
            ("Maybe I", EntityKind::Number),
        ];
        let entities: Vec<Entity> = (names.iter())
            .map(|&(n, kind)| Entity::found_by_search(&text, n, kind))
            .collect();
        let findings = crate::domain::quotes::find(&text);
        let (found, pronouns) = (&findings.quotes, &findings.first_person);
        let one = search(found, pronouns, &entities, 1, WORDS_PER_STEP);
        assert!(one.who.iter().filter(|b| b.is_some()).count() >= 160);
        let overlapped: Vec<bool> = (pronouns.iter())
            .map(|p| {
                (entities.iter().flat_map(|e| e.mentions.iter()))
                    .any(|m| m.start < p.end && p.start < m.end)
            })
            .collect();
        assert_eq!(one.taken, overlapped);
        assert!(one.taken.contains(&true) && one.taken.contains(&false));
        assert!(one.is_person(0) && !one.is_person(3));
        for jobs in 1..=8 {
            for per_step in [WORDS_PER_STEP, 7, 3, 1] {
                let many = search(found, pronouns, &entities, jobs, per_step);
                let what = format!("{jobs} threads, {per_step} words at a time");
                assert_eq!(many.who, one.who, "{what}");
                assert_eq!(many.taken, one.taken, "{what}");
                assert_eq!(many.people, one.people, "{what}");
            }
        }
    }
}
