//! Speakers through the entities: the words naming a speaker become an entity by the
//! mentions inside them, a quotation linked to the one before takes its speaker, and the
//! speaker's "I" and "my" inside what they said become their mentions.
//!
//! Mentions are matched to words by binary search over the words (sorted), so the cost is
//! the mentions times a logarithm, whatever the number of entities.

use super::{ByteSpan, Findings, Found, Kind, Link, Quote, Quotes, SelfMention};
use crate::domain::entity::{self, Entity, Form, Mention};
use search::{Search, best_mentions};

mod search;

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
    Speakers(speakers(
        &findings.quotes,
        &findings.first_person,
        entities,
        jobs,
    ))
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
    let Search { who, taken, people } = who.0;
    let mut quotes = Quotes::new(quotations(found, who));
    let search = Search {
        who: Vec::new(),
        taken,
        people,
    };
    let entities = first_person(&pronouns, &search, entities, &mut quotes);
    (entities, quotes)
}

/// The speaker each found quotation's words name (see [`find_speakers`]), and which of the
/// first-person pronouns an entity has a mention at.
pub struct Speakers(Search);

/// The speaker of each quotation (in the order found) and the mention that names it: both or
/// neither.
type Speaker = Option<(u32, Mention)>;

/// Each quotation's speaker (see [`Speaker`]): the best mention its speaker words touch, else
/// the speaker of the direct quotation it follows or goes on from, else of the one it is the
/// first paragraph of.
fn speakers(found: &[Found], pronouns: &[SelfMention], entities: &[Entity], jobs: usize) -> Search {
    let mut search = best_mentions(found, pronouns, entities, jobs);
    let who = &mut search.who;
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
    fill_back(found, who);
    search
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
    let who = speakers(&findings.quotes, &[], entities, 1).who;
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
    (found.iter().zip(speakers(found, &[], entities, jobs).who))
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

/// Makes each first-person pronoun inside a direct quotation a mention of its speaker
/// ("we" and "our" only for a speaker that is not a person: a person's "we" is a group),
/// unless some entity already has a mention there (as `found` tells, with who is a person);
/// then puts the entities in order again.
fn first_person(
    pronouns: &[SelfMention],
    found: &Search,
    entities: Vec<Entity>,
    quotes: &mut Quotes,
) -> Vec<Entity> {
    let direct: Vec<&Quote> = quotes.iter().filter(|q| q.kind == Kind::Direct).collect();
    let mut added: Vec<(Mention, usize, bool)> = (pronouns.iter().zip(&found.taken))
        .filter_map(|(p, &taken)| {
            let i = direct
                .partition_point(|q| q.start <= p.start)
                .checked_sub(1)?;
            let q = direct[i];
            let s = q.speaker().filter(|&s| s < entities.len())?;
            let person = found.is_person(s);
            (p.end <= q.end && !(p.plural && person)).then(|| {
                let at = p.start as usize..p.end as usize;
                (Mention::with_form(at, Form::Pronoun), s, taken)
            })
        })
        .collect();
    drop(direct);
    if added.is_empty() {
        return entities;
    }
    added.sort_unstable_by_key(|(m, _, _)| m.start);
    let mut entities = entities;
    let mut by_entity: Vec<Vec<Mention>> = vec![Vec::new(); entities.len()];
    // Not where any entity already has a mention.
    for (m, s, taken) in added {
        if !taken {
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
}
