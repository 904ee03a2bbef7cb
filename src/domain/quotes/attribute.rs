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
    let who = find_speakers(&findings, &entities, jobs);
    attribute_found(findings, who, entities)
}

/// The first step of [`attribute`], which only reads the entities: the speaker each
/// quotation's words name among them.
pub fn find_speakers(findings: &Findings, entities: &[Entity], jobs: usize) -> Speakers {
    Speakers(speakers(&findings.quotes, entities, jobs))
}

/// The rest of [`attribute`], with the speakers `who` found among these `entities` (by
/// [`find_speakers`]).
pub fn attribute_found(
    findings: Findings,
    who: Speakers,
    entities: Vec<Entity>,
) -> (Vec<Entity>, Quotes) {
    let Findings {
        quotes: found,
        first_person: pronouns,
    } = findings;
    let mut quotes = Quotes::new(quotations(found, who.0));
    let entities = first_person(&pronouns, entities, &mut quotes);
    (entities, quotes)
}

/// The speaker each found quotation's words name (see [`find_speakers`]).
pub struct Speakers(Vec<Speaker>);

/// The speaker of each quotation (in the order found) and the mention that names it: both or
/// neither.
type Speaker = Option<(u32, Mention)>;

/// Each quotation's speaker (see [`Speaker`]): the best mention its speaker words touch, else
/// the speaker of the direct quotation it follows or goes on from, else of the one it is the
/// first paragraph of.
fn speakers(found: &[Found], entities: &[Entity], jobs: usize) -> Vec<Speaker> {
    let mut who = best_mentions(found, entities, jobs);
    let mut last_direct: Option<Speaker> = None;
    for (f, w) in found.iter().zip(who.iter_mut()) {
        *w = match (f.speaker, f.link, last_direct) {
            (Some(_), _, _) => *w,
            (None, Link::Follows | Link::Continues, Some(prev)) => prev,
            _ => None,
        };
        if f.kind == Kind::Direct {
            last_direct = Some(*w);
        }
    }
    fill_back(found, &mut who);
    who
}

/// The quotations with their speakers. Made from the back, the found ones given back as
/// they are made: on a large text both lists are tens of megabytes, and the reader builds
/// them while it shows the cast of the names.
fn quotations(mut found: Vec<Found>, mut who: Vec<Speaker>) -> Vec<Quote> {
    const STEP: usize = 1 << 16;
    let mut list = Vec::with_capacity(found.len());
    while let Some(f) = found.pop() {
        let w = who.pop().flatten();
        list.push(Quote {
            start: f.start,
            end: f.end,
            kind: f.kind,
            cue: f.cue,
            speaker: w.map(|(e, _)| e),
            named_by: w.map(|(_, m)| m),
        });
        if found.len().is_multiple_of(STEP) {
            found.shrink_to_fit();
            who.shrink_to_fit();
        }
    }
    list.reverse();
    list
}

/// Gives every found quotation its speaker among `entities`, which stay as they are (no
/// first-person mentions are added): for entities read from annotations.
pub fn attribute_to(findings: Findings, entities: &[Entity]) -> Quotes {
    let who = speakers(&findings.quotes, entities, 1);
    Quotes::new(quotations(findings.quotes, who))
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
        .filter(|(f, _)| f.kind == Kind::Direct)
        .map(|(f, w)| (f.span(), w.map(|(e, _)| e), f.speaker))
        .collect()
}

/// A quotation that went on over paragraphs may be cued only in its last one: the
/// paragraphs before take the speaker back.
fn fill_back(found: &[Found], who: &mut [Speaker]) {
    let mut from_next: Option<Speaker> = None;
    for (f, w) in found.iter().zip(who.iter_mut()).rev() {
        if f.kind != Kind::Direct {
            continue;
        }
        if let Some(next) = from_next
            && w.is_none()
            && f.speaker.is_none()
        {
            *w = next;
        }
        from_next = (f.link == Link::Continues && w.is_some()).then_some(*w);
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
fn best_mentions(found: &[Found], entities: &[Entity], jobs: usize) -> Vec<Speaker> {
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
    drop(direct);
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
    drop(covered);
    let mut entities = entities;
    let mut by_entity: Vec<Vec<Mention>> = vec![Vec::new(); entities.len()];
    for ((m, s), t) in added.into_iter().zip(taken) {
        if !t {
            by_entity[s].push(m);
        }
    }
    // The speakers' mentions with their first persons, in one new store (not a copy each:
    // a mention index reads a few large stores in place); the others stay where they are.
    let total: usize = (entities.iter().zip(&by_entity))
        .filter(|(_, new)| !new.is_empty())
        .map(|(e, new)| e.mentions.len() + new.len())
        .sum();
    let mut store: Vec<Mention> = Vec::with_capacity(total);
    let mut ranges = Vec::with_capacity(entities.len());
    for (e, new) in entities.iter().zip(by_entity) {
        if new.is_empty() {
            ranges.push(None);
            continue;
        }
        let from = store.len();
        store.extend_from_slice(&e.mentions);
        store.extend(new);
        store[from..].sort_unstable();
        ranges.push(Some(from..store.len()));
    }
    let store = std::sync::Arc::new(store);
    for (e, r) in entities.iter_mut().zip(ranges) {
        if let Some(r) = r {
            e.mentions = crate::domain::entity::Mentions::shared(&store, r);
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
        for round in 0..200u32 {
            // Some lists start far into the document, as a part of the words does.
            let mut at = round * 5_000;
            let words: Vec<(super::ByteSpan, u32)> = (0..50)
                .map(|i| {
                    crate::domain::shuffled::step(&mut seed);
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
                assert_eq!(starts.before(offset), expected, "{offset}");
            }
        }
        assert_eq!(super::Starts::of(&[]).before(5), 0);
    }

    use super::*;

    #[test]
    fn quotations_made_from_the_back_keep_the_order_found() {
        let text = "\"Yes,\" said Ana. \"No,\" said Bo. They left.\n\n".repeat(70_000);
        let found = super::super::find(&text).quotes;
        assert!(found.len() > 1 << 17, "several steps of {}", found.len());
        let who: Vec<Speaker> = (0..found.len())
            .map(|i| (i % 3 == 0).then(|| (i as u32, Mention::new(i..i + 1))))
            .collect();
        let want: Vec<(u32, u32, Option<u32>)> = (found.iter().zip(&who))
            .map(|(f, w)| (f.start, f.end, w.map(|(e, _)| e)))
            .collect();
        let got: Vec<(u32, u32, Option<u32>)> = quotations(found, who)
            .iter()
            .map(|q| (q.start, q.end, q.speaker))
            .collect();
        assert_eq!(got, want);
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
        let found = super::super::find(&text).quotes;
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
