//! Speakers through the entities: the words naming a speaker become an entity by the
//! mentions inside them, a quotation linked to the one before takes its speaker, and the
//! speaker's "I" and "my" inside what they said become their mentions.
//!
//! Mentions are matched to words by binary search over the words (sorted), so the cost is
//! the mentions times a logarithm, whatever the number of entities.

use super::{ByteSpan, Findings, Found, Kind, Link, Quote, Quotes, SelfMention};
use crate::domain::entity::{self, Entity, Form, Kind as EntityKind, Mention};

/// Speaker words longer than this name nobody (a mis-read sentence, not a subject); it also
/// bounds the look-back of the mention search.
const SPEAKER_MAX: u32 = 400;

/// Gives every found quotation its speaker among `entities` (which then gain the
/// first-person pronouns of their quotations as mentions, and are put in order again).
/// The mentions are searched on `jobs` threads; the result is the same for every number.
pub fn attribute(findings: Findings, entities: Vec<Entity>, jobs: usize) -> (Vec<Entity>, Quotes) {
    let Findings {
        quotes: found,
        first_person: pronouns,
    } = findings;
    let list = speakers(&found, &entities, jobs);
    drop(found);
    let mut quotes = Quotes::new(list);
    let entities = first_person(&pronouns, entities, &mut quotes);
    (entities, quotes)
}

/// Each quotation with its speaker (in the order found).
fn speakers(found: &[Found], entities: &[Entity], jobs: usize) -> Vec<Quote> {
    let best = best_mentions(found, entities, jobs);
    let mut list = Vec::with_capacity(found.len());
    let mut last_direct: Option<(Option<u32>, Option<Mention>)> = None;
    for (f, named) in found.iter().zip(&best) {
        let (speaker, named_by) = match (f.speaker, f.link, last_direct) {
            (Some(_), _, _) => (named.map(|(e, _)| e as u32), named.map(|(_, m)| m)),
            (None, Link::Follows | Link::Continues, Some(prev)) => prev,
            _ => (None, None),
        };
        if f.kind == Kind::Direct {
            last_direct = Some((speaker, named_by));
        }
        list.push(Quote {
            start: f.start,
            end: f.end,
            kind: f.kind,
            cue: f.cue,
            speaker,
            named_by,
        });
    }
    fill_back(found, &mut list);
    list
}

/// Gives every found quotation its speaker among `entities`, which stay as they are (no
/// first-person mentions are added): for entities read from annotations.
pub fn attribute_to(findings: Findings, entities: &[Entity]) -> Quotes {
    Quotes::new(speakers(&findings.quotes, entities, 1))
}

/// The spans of the direct quotations of `found` and the speaker of each among `entities` as
/// they stand (before coreference adds pronouns and descriptions: names only): what
/// coreference reads, so that a "he" inside a quotation is not who says it.
/// Each with the words of its cue that name the speaker, if any ("he" in "he added").
pub fn direct_speakers(
    found: &[Found],
    entities: &[Entity],
    jobs: usize,
) -> Vec<(ByteSpan, Option<u32>, Option<ByteSpan>)> {
    (found.iter().zip(speakers(found, entities, jobs)))
        .filter(|(_, q)| q.kind == Kind::Direct)
        .map(|(f, q)| (f.span(), q.speaker, f.speaker))
        .collect()
}

/// A quotation that went on over paragraphs may be cued only in its last one: the
/// paragraphs before take the speaker back.
fn fill_back(found: &[Found], list: &mut [Quote]) {
    let mut from_next: Option<(Option<u32>, Option<Mention>)> = None;
    for (f, q) in found.iter().zip(list.iter_mut()).rev() {
        if f.kind != Kind::Direct {
            continue;
        }
        if let Some(next) = from_next
            && q.speaker.is_none()
            && f.speaker.is_none()
        {
            (q.speaker, q.named_by) = next;
        }
        from_next =
            (f.link == Link::Continues && q.speaker.is_some()).then_some((q.speaker, q.named_by));
    }
}

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

/// A mention that may name a speaker, and how good it is (lower is better).
#[derive(Clone, Copy)]
struct Candidate {
    key: (u8, u8, u32),
    entity: u32,
    mention: Mention,
}

/// Mentions below which one thread searches them all.
const MENTIONS_PER_JOB: usize = 1 << 16;

/// For each found quotation, the entity and mention its speaker words name best. The
/// entities are shared out between `jobs` threads, each finding the best among its own; the
/// best of those, the first entity's on a tie, is the one a single thread finds.
fn best_mentions(
    found: &[Found],
    entities: &[Entity],
    jobs: usize,
) -> Vec<Option<(usize, Mention)>> {
    let words = speaker_words(found);
    let covered = Coverage::of(words.iter().map(|(s, _)| (s.start, s.end)));
    let weights: Vec<usize> = entities.iter().map(|e| e.mentions.len()).collect();
    let jobs = jobs
        .min(weights.iter().sum::<usize>() / MENTIONS_PER_JOB)
        .max(1);
    best_on(found.len(), &words, &covered, entities, &weights, jobs)
}

/// The words that name each quotation's speaker, short enough to be a name, with the
/// quotation's index, sorted by where they are.
fn speaker_words(found: &[Found]) -> Vec<(ByteSpan, usize)> {
    let mut words: Vec<(ByteSpan, usize)> = (found.iter().enumerate())
        .filter_map(|(i, f)| Some((f.speaker?, i)))
        .filter(|(s, _)| s.end - s.start <= SPEAKER_MAX)
        .collect();
    words.sort_unstable_by_key(|(s, _)| (s.start, s.end));
    words
}

/// [`best_mentions`] on `jobs` threads, each given a run of the entities of about equal
/// `weights` (mentions).
fn best_on(
    count: usize,
    words: &[(ByteSpan, usize)],
    covered: &Coverage,
    entities: &[Entity],
    weights: &[usize],
    jobs: usize,
) -> Vec<Option<(usize, Mention)>> {
    let best_in = |range: std::ops::Range<usize>| best_among(words, covered, entities, range);
    let mut parts = if jobs == 1 {
        vec![best_in(0..entities.len())]
    } else {
        let runs = crate::domain::pieces::by_weight(weights, jobs);
        std::thread::scope(|scope| {
            let threads: Vec<_> = (runs.into_iter())
                .map(|run| scope.spawn(|| best_in(run)))
                .collect();
            (threads.into_iter())
                .map(|t| t.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
                .collect::<Vec<_>>()
        })
    }
    .into_iter();
    let mut best = parts.next().unwrap_or_default();
    for part in parts {
        for (b, p) in best.iter_mut().zip(part) {
            if let Some(p) = p
                && b.is_none_or(|b| p.key < b.key)
            {
                *b = Some(p);
            }
        }
    }
    let mut by_quotation = vec![None; count];
    for (&(_, i), b) in words.iter().zip(best) {
        by_quotation[i] = b.map(|c| (c.entity as usize, c.mention));
    }
    by_quotation
}

/// For each of the speaker words (`words`, sorted, one per quotation at most), the best of the
/// mentions of `entities[range]` that they touch. Kept per words, not per quotation: on a
/// large text each thread's list would otherwise be as long as all its quotations.
fn best_among(
    words: &[(ByteSpan, usize)],
    covered: &Coverage,
    entities: &[Entity],
    range: std::ops::Range<usize>,
) -> Vec<Option<Candidate>> {
    let mut best: Vec<Option<Candidate>> = vec![None; words.len()];
    let starts = Starts::of(words);
    for (e, entity) in entities
        .iter()
        .enumerate()
        .take(range.end)
        .skip(range.start)
    {
        let Some(r) = rank(entity.kind) else { continue };
        for &m in &*entity.mentions {
            if !covered.touches(m) {
                continue;
            }
            // Words that overlap the mention start before its end and less than
            // SPEAKER_MAX before its start: found from the last of them back (a few).
            let hi = starts.before(words, m.end);
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
                if r >= 4 && m.end + 5 < s.end {
                    continue;
                }
                // Within a kind, a name before a description before a pronoun.
                let key = (r, m.form as u8, m.start);
                if best[j].is_none_or(|b| key < b.key) {
                    best[j] = Some(Candidate {
                        key,
                        entity: u32::try_from(e).expect("fewer than 2^32 entities"),
                        mention: m,
                    });
                }
            }
        }
    }
    best
}

/// Where the speaker words (sorted by start) that start before an offset end, found from
/// the block of the document the offset is in rather than by a binary search over all of
/// them (the search's misses were most of the speakers' time).
struct Starts {
    /// For each block, how many words start before it.
    first: Vec<u32>,
}

impl Starts {
    const BLOCK: u64 = 1024;

    fn of(words: &[(ByteSpan, usize)]) -> Starts {
        let last = words.last().map_or(0, |(s, _)| u64::from(s.start));
        let mut first = Vec::with_capacity((last / Self::BLOCK) as usize + 2);
        let mut w = 0;
        for b in 0..=last / Self::BLOCK + 1 {
            while w < words.len() && u64::from(words[w].0.start) < b * Self::BLOCK {
                w += 1;
            }
            first.push(w as u32);
        }
        Starts { first }
    }

    /// How many of `words` (those this was made of) start before `offset`.
    fn before(&self, words: &[(ByteSpan, usize)], offset: u32) -> usize {
        let b = (u64::from(offset) / Self::BLOCK) as usize;
        let Some(&from) = self.first.get(b) else {
            return words.len();
        };
        let mut i = from as usize;
        while i < words.len() && words[i].0.start < offset {
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

    fn touches(&self, m: Mention) -> bool {
        (m.start / Self::BLOCK..=(m.end.saturating_sub(1)) / Self::BLOCK).any(|b| {
            self.bits
                .get(b as usize / 64)
                .is_some_and(|w| w & (1 << (b % 64)) != 0)
        })
    }
}

/// Makes each first-person pronoun inside a direct quotation a mention of its speaker
/// ("we" and "our" only for a speaker that is not a person: a person's "we" is a group),
/// unless some entity already has a mention there; then puts the entities in order again.
fn first_person(
    pronouns: &[SelfMention],
    entities: Vec<Entity>,
    quotes: &mut Quotes,
) -> Vec<Entity> {
    let direct: Vec<&Quote> = quotes.iter().filter(|q| q.kind == Kind::Direct).collect();
    let mut added: Vec<(Mention, usize)> = pronouns
        .iter()
        .filter_map(|p| {
            let i = direct
                .partition_point(|q| q.start <= p.start)
                .checked_sub(1)?;
            let q = direct[i];
            let s = q.speaker()?;
            let person = entities.get(s)?.kind == EntityKind::Person;
            (p.end <= q.end && !(p.plural && person)).then(|| {
                let at = p.start as usize..p.end as usize;
                (Mention::with_form(at, Form::Pronoun), s)
            })
        })
        .collect();
    if added.is_empty() {
        return entities;
    }
    added.sort_unstable_by_key(|(m, _)| m.start);
    // Not where any entity already has a mention.
    let mut taken = vec![false; added.len()];
    let covered = Coverage::of(added.iter().map(|(m, _)| (m.start, m.end)));
    for e in &entities {
        for m in e.mentions.iter().filter(|&&m| covered.touches(m)) {
            let hi = added.partition_point(|(a, _)| a.start < m.end);
            let lo = added.partition_point(|(a, _)| a.end <= m.start);
            for t in taken.iter_mut().take(hi).skip(lo) {
                *t = true;
            }
        }
    }
    let mut entities = entities;
    let mut by_entity: Vec<Vec<Mention>> = vec![Vec::new(); entities.len()];
    for ((m, s), t) in added.into_iter().zip(taken) {
        if !t {
            by_entity[s].push(m);
        }
    }
    for (e, new) in entities.iter_mut().zip(by_entity) {
        if !new.is_empty() {
            e.mentions.edit(|v| {
                v.extend(new);
                v.sort_unstable();
            });
        }
    }
    let (entities, map) = entity::reorder(entities);
    for q in quotes.as_mut_slice() {
        q.speaker = q.speaker().map(|s| map[s] as u32);
    }
    entities
}

/// Finds every quotation's speaker again after the entities changed (a correction merged,
/// split, removed or reordered them): the entity that now has the mention that named it.
pub fn reattribute(quotes: &mut Quotes, entities: &[Entity]) {
    let mut named: Vec<(Mention, usize)> = quotes
        .iter()
        .enumerate()
        .filter_map(|(i, q)| Some((q.named_by?, i)))
        .collect();
    named.sort_unstable_by_key(|(m, _)| m.start);
    let mut owner: Vec<Option<u32>> = vec![None; quotes.len()];
    for (e, entity) in entities.iter().enumerate() {
        for &m in &*entity.mentions {
            let lo = named.partition_point(|(n, _)| n.start < m.start);
            for &(n, i) in named[lo..].iter().take_while(|(n, _)| n.start == m.start) {
                if n.end == m.end {
                    owner[i] = Some(e as u32);
                }
            }
        }
    }
    for (q, o) in quotes.as_mut_slice().iter_mut().zip(owner) {
        q.speaker = o;
        if o.is_none() {
            q.named_by = None;
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_words_before_an_offset_are_counted_as_a_search_counts_them() {
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        for _ in 0..200 {
            let mut at = 0u32;
            let words: Vec<(super::ByteSpan, usize)> = (0..50)
                .map(|i| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    at += (seed % 600) as u32;
                    (
                        super::ByteSpan {
                            start: at,
                            end: at + 10,
                        },
                        i,
                    )
                })
                .collect();
            let starts = super::Starts::of(&words);
            for offset in (0..at + 1000).step_by(7) {
                let expected = words.partition_point(|(s, _)| s.start < offset);
                assert_eq!(starts.before(&words, offset), expected, "{offset}");
            }
        }
        assert_eq!(super::Starts::of(&[]).before(&[], 5), 0);
    }

    use super::*;

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
        let found = super::super::find(&text).quotes;
        let one = best_mentions(&found, &entities, 1);
        assert!(one.iter().filter(|b| b.is_some()).count() >= 160);
        let words = speaker_words(&found);
        let covered = Coverage::of(words.iter().map(|(s, _)| (s.start, s.end)));
        let weights: Vec<usize> = entities.iter().map(|e| e.mentions.len()).collect();
        for jobs in 2..=8 {
            let many = best_on(found.len(), &words, &covered, &entities, &weights, jobs);
            assert_eq!(many, one, "{jobs} threads");
        }
    }
}
