//! Co-occurrence: which entities are mentioned in the same sentence, how often, and what the
//! text says between them ("United States —in discussions with→ Israel").
//!
//! Mentions are taken from the [`MentionIndex`] (the mentions the reader shows, overlaps
//! already resolved), so the counts agree with what is lit on screen. One merge walk over
//! sentences and mentions, both sorted, then one sort of the (pair, sentence) incidences: no
//! map of pairs, and a compact result (a large document has millions of pairs). Linking words
//! are found on demand, for the connections on screen.
//!
//! Linking words are found only between two entity mentions that follow each other in a
//! sentence with no other mention between them. The issue's second example ("hostages held
//! by Hamas") links a plain noun phrase to an entity; "hostages" is not an entity, so that
//! relation appears only if the extractor makes it one (or between two entities, as in
//! "Qatar has been in talks with Hamas" → "in talks with").

use std::ops::Range;

use crate::domain::cast::Cast;
use crate::domain::document::Document;
use crate::domain::entity::Mention;
use crate::domain::mention_index::MentionIndex;
use crate::domain::sentences::Sentences;

/// More words than this between two mentions is not a direct relation.
pub const MAX_GAP_WORDS: usize = 6;
/// How many words of the gap are kept: the ones next to the second mention, where the
/// relation's head (a verb or noun and its preposition: "held by", "in talks with") sits;
/// auxiliaries and adverbs ("is engaged", "has been") come earlier and are dropped.
pub const LINK_WORDS: usize = 3;

/// Words that only join two names ("Israel and Hamas", "Israel or the United States"): a gap
/// made of these alone says nothing about how the two relate.
const JOINERS: &[&str] = &[
    "a", "an", "and", "as", "both", "but", "either", "neither", "nor", "or", "plus", "the", "well",
];

/// Two entities that share at least one sentence (a view into [`Connections`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Connection<'a> {
    /// The two entities, by index in the cast (`a < b`, so `a` is the more important one).
    pub a: usize,
    pub b: usize,
    /// The sentences both are mentioned in (indices into [`Sentences`]), in document order.
    pub sentences: &'a [u32],
}

impl Connection<'_> {
    /// The entity paired with `e` (which must be `a` or `b`).
    pub fn other(&self, e: usize) -> usize {
        if e == self.a { self.b } else { self.a }
    }
}

/// The words between two adjacent mentions in one sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub words: String,
    /// The entity mentioned before the words; the other one follows them.
    pub from: usize,
    /// The sentence the words were found in.
    pub sentence: u32,
}

/// One pair, compactly: a large document has millions of pairs, so the sentence lists share
/// one array and each entity's pairs are one slice of another.
#[derive(Debug, Clone, Copy)]
struct Pair {
    a: u32,
    b: u32,
    start: u32,
    len: u32,
}

/// Every connection of a document, strongest first (most shared sentences, then the earliest
/// first shared sentence), with each entity's connections listed in the same order.
#[derive(Debug, Default, Clone)]
pub struct Connections {
    pairs: Vec<Pair>,
    /// The sentences of every pair, pair after pair.
    sentences: Vec<u32>,
    /// Entity `e`'s pairs are `members[offsets[e]..offsets[e + 1]]`.
    offsets: Vec<u32>,
    members: Vec<u32>,
}

impl Connections {
    /// Counts, for `entities` entities indexed by `index`, the sentences each pair shares.
    pub fn compute(index: &MentionIndex, entities: usize, sentences: &Sentences) -> Connections {
        // Every (pair, sentence) once; sorting groups them without a map of millions of pairs.
        let mut seen: Vec<(u32, u32, u32)> = Vec::new();
        let mut mentions = index.overlapping(0..usize::MAX).peekable();
        let mut owners: Vec<u32> = Vec::new();
        for (si, range) in sentences.iter().enumerate() {
            owners.clear();
            while mentions
                .next_if(|(m, _)| (m.start as usize) < range.start)
                .is_some()
            {}
            while let Some((_, o)) = mentions.next_if(|(m, _)| (m.start as usize) < range.end) {
                owners.push(o as u32);
            }
            if owners.len() < 2 {
                continue;
            }
            owners.sort_unstable();
            owners.dedup();
            for (i, &a) in owners.iter().enumerate() {
                for &b in &owners[i + 1..] {
                    seen.push((a, b, si as u32));
                }
            }
        }
        seen.sort_unstable();
        let mut pairs: Vec<Pair> = Vec::new();
        let mut flat: Vec<u32> = Vec::with_capacity(seen.len());
        for (a, b, s) in seen {
            match pairs.last_mut() {
                Some(p) if p.a == a && p.b == b => p.len += 1,
                _ => pairs.push(Pair {
                    a,
                    b,
                    start: flat.len() as u32,
                    len: 1,
                }),
            }
            flat.push(s);
        }
        pairs.sort_by_key(|p| (std::cmp::Reverse(p.len), flat[p.start as usize], p.a, p.b));
        let mut counts = vec![0u32; entities + 1];
        for p in &pairs {
            for e in [p.a, p.b] {
                if let Some(c) = counts.get_mut(e as usize + 1) {
                    *c += 1;
                }
            }
        }
        for i in 1..counts.len() {
            counts[i] += counts[i - 1];
        }
        let offsets = counts.clone();
        let mut members = vec![0u32; *counts.last().unwrap_or(&0) as usize];
        for (k, p) in pairs.iter().enumerate() {
            for e in [p.a, p.b] {
                if let Some(at) = counts.get_mut(e as usize) {
                    members[*at as usize] = k as u32;
                    *at += 1;
                }
            }
        }
        Connections {
            pairs,
            sentences: flat,
            offsets,
            members,
        }
    }

    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// Connection `k` (in strongest-first order).
    pub fn get(&self, k: usize) -> Connection<'_> {
        let p = self.pairs[k];
        Connection {
            a: p.a as usize,
            b: p.b as usize,
            sentences: &self.sentences[p.start as usize..(p.start + p.len) as usize],
        }
    }

    /// Every connection, strongest first.
    pub fn iter(&self) -> impl Iterator<Item = Connection<'_>> + '_ {
        (0..self.pairs.len()).map(|k| self.get(k))
    }

    /// The indices (for [`Connections::get`]) of the connections of `e`, strongest first.
    pub fn indices_of(&self, e: usize) -> impl Iterator<Item = usize> + '_ {
        let range = match (self.offsets.get(e), self.offsets.get(e + 1)) {
            (Some(&s), Some(&t)) => s as usize..t as usize,
            _ => 0..0,
        };
        self.members[range].iter().map(|&k| k as usize)
    }

    /// The connections of entity `e`, strongest first.
    pub fn of(&self, e: usize) -> impl Iterator<Item = Connection<'_>> + '_ {
        self.indices_of(e).map(|k| self.get(k))
    }

    /// The connection between `a` and `b`, if they share a sentence.
    pub fn between(&self, a: usize, b: usize) -> Option<Connection<'_>> {
        self.of(a).find(|c| c.other(a) == b)
    }
}

/// How many of a pair's sentences are searched for linking words: enough to find a phrase
/// when there is one, bounded so a row of the panel never costs more than a screenful.
const LINK_SCAN: usize = 32;

/// A document's sentences and the connections counted over them: what the connections
/// panel, the pinned actors' meeting marks and `extract --json` read.
#[derive(Debug, Default, Clone)]
pub struct Relations {
    pub sentences: Sentences,
    pub connections: Connections,
}

impl Relations {
    pub fn compute(doc: &Document, cast: &Cast) -> Relations {
        Relations::compute_with(doc, &cast.index, cast.entities.len())
    }

    /// The same from a cast's index and its number of entities.
    pub fn compute_with(doc: &Document, index: &MentionIndex, entities: usize) -> Relations {
        let sentences = Sentences::of(doc);
        let connections = Connections::compute(index, entities, &sentences);
        Relations {
            sentences,
            connections,
        }
    }

    /// The byte ranges of the sentences a connection is made of.
    pub fn ranges<'a>(&'a self, c: &Connection<'a>) -> impl Iterator<Item = Range<usize>> + 'a {
        c.sentences
            .iter()
            .map(|&s| self.sentences.range(s as usize))
    }

    /// The first linking words of a connection: in the earliest of its sentences (of the
    /// first [`LINK_SCAN`]) where a mention of one is followed by a mention of the other with
    /// a short phrase and no other mention between them. Found on demand, for the rows shown.
    pub fn link(&self, bytes: &[u8], index: &MentionIndex, c: &Connection) -> Option<Link> {
        for &s in c.sentences.iter().take(LINK_SCAN) {
            let range = self.sentences.range(s as usize);
            let here: Vec<(Mention, usize)> = index
                .overlapping(range.clone())
                .filter(|(m, _)| m.start as usize >= range.start)
                .collect();
            for w in here.windows(2) {
                let ((m0, o0), (m1, o1)) = (w[0], w[1]);
                let pair = (o0 == c.a && o1 == c.b) || (o0 == c.b && o1 == c.a);
                if !pair {
                    continue;
                }
                let gap = bytes.get(m0.end as usize..m1.start as usize).unwrap_or(&[]);
                if let Some(words) = std::str::from_utf8(gap).ok().and_then(linking_words) {
                    return Some(Link {
                        words,
                        from: o0,
                        sentence: s,
                    });
                }
            }
        }
        None
    }
}

/// The linking words of the text between two mentions, if it is short and says something:
/// at most [`MAX_GAP_WORDS`] words, no clause punctuation (a comma, a dash or a bracket
/// usually separates list items or clauses, not a subject from its object), not only
/// conjunctions and articles; the last [`LINK_WORDS`] words are kept.
pub fn linking_words(gap: &str) -> Option<String> {
    let allowed =
        |c: char| c.is_alphanumeric() || c.is_whitespace() || matches!(c, '\'' | '’' | '-');
    if !gap.chars().all(allowed) {
        return None;
    }
    let words: Vec<&str> = gap.split_whitespace().collect();
    if words.is_empty()
        || words.len() > MAX_GAP_WORDS
        || words.iter().any(|w| !w.chars().any(char::is_alphanumeric))
        || words
            .iter()
            .all(|w| JOINERS.contains(&w.to_lowercase().as_str()))
    {
        return None;
    }
    Some(words[words.len().saturating_sub(LINK_WORDS)..].join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::entity::{Entity, Kind, Mention};

    /// A cast found by plain search for each name (every occurrence is a mention).
    fn cast(text: &str, names: &[(&str, Kind)]) -> Cast {
        Cast::new(
            names
                .iter()
                .map(|&(name, kind)| Entity {
                    id: name.to_lowercase(),
                    name: name.into(),
                    kind,
                    aliases: vec![name.into()],
                    mentions: text
                        .match_indices(name)
                        .map(|(i, _)| Mention::new(i..i + name.len()))
                        .collect(),
                })
                .collect(),
        )
    }

    fn relations(text: &str, names: &[&str]) -> (Relations, Cast) {
        let named: Vec<(&str, Kind)> = names.iter().map(|&n| (n, Kind::Country)).collect();
        let cast = cast(text, &named);
        let doc = Document::from_string("t", text);
        (Relations::compute(&doc, &cast), cast)
    }

    fn summary(r: &Relations, cast: &Cast) -> Vec<(String, String, usize)> {
        r.connections
            .iter()
            .map(|c| {
                (
                    cast.entities[c.a].name.clone(),
                    cast.entities[c.b].name.clone(),
                    c.sentences.len(),
                )
            })
            .collect()
    }

    #[test]
    fn pairs_sharing_sentences_are_counted_once_per_sentence_strongest_first() {
        let text = "Ruritania met Elbonia. Ruritania, Elbonia and Ruritania again. \
                    Freedonia spoke. Elbonia thanked Freedonia. Ruritania met Elbonia in Oz.";
        let (r, cast) = relations(text, &["Ruritania", "Elbonia", "Freedonia", "Oz"]);
        assert_eq!(
            summary(&r, &cast),
            [
                ("Ruritania".into(), "Elbonia".into(), 3),
                ("Elbonia".into(), "Freedonia".into(), 1),
                ("Ruritania".into(), "Oz".into(), 1),
                ("Elbonia".into(), "Oz".into(), 1),
            ]
        );
        let first = r.connections.get(0);
        let ranges: Vec<_> = r.ranges(&first).map(|s| &text[s]).collect();
        assert_eq!(
            ranges,
            [
                "Ruritania met Elbonia.",
                "Ruritania, Elbonia and Ruritania again.",
                "Ruritania met Elbonia in Oz."
            ]
        );
    }

    #[test]
    fn mentions_in_different_sentences_are_not_connected() {
        let (r, _) = relations(
            "Ruritania left. Elbonia came.\n\nOz",
            &["Ruritania", "Elbonia", "Oz"],
        );
        assert!(r.connections.is_empty());
        assert_eq!(r.sentences.len(), 3);
    }

    #[test]
    fn an_entity_lists_its_connections_strongest_first() {
        let text = "Ruritania and Oz. Ruritania and Elbonia. Ruritania and Elbonia.";
        let (r, cast) = relations(text, &["Ruritania", "Elbonia", "Oz"]);
        let of: Vec<&str> = r
            .connections
            .of(0)
            .map(|c| cast.entities[c.other(0)].name.as_str())
            .collect();
        assert_eq!(of, ["Elbonia", "Oz"]);
        assert_eq!(r.connections.of(2).count(), 1);
        assert!(r.connections.between(1, 2).is_none());
        assert_eq!(r.connections.between(1, 0).unwrap().sentences, [1, 2]);
    }

    #[test]
    fn linking_words_are_the_short_phrase_between_adjacent_mentions() {
        let text = "Amid the war between Ruritania and Elbonia, the Union is engaged in \
                    discussions with Ruritania and Oz regarding a pause. \
                    Oz has been in talks with Elbonia for weeks.";
        let (r, cast) = relations(text, &["Union", "Ruritania", "Elbonia", "Oz"]);
        let link = |a: &str, b: &str| {
            let id = |n: &str| cast.entities.iter().position(|e| e.name == n).unwrap();
            let c = r.connections.between(id(a), id(b)).unwrap();
            r.link(text.as_bytes(), &cast.index, &c)
                .map(|l| (cast.entities[l.from].name.clone(), l.words))
        };
        assert_eq!(
            link("Union", "Ruritania"),
            Some(("Union".into(), "in discussions with".into()))
        );
        assert_eq!(
            link("Elbonia", "Oz"),
            Some(("Oz".into(), "in talks with".into()))
        );
        assert_eq!(link("Ruritania", "Elbonia"), None, "only 'and' between");
        assert_eq!(link("Union", "Elbonia"), None, "a comma between");
        assert_eq!(link("Union", "Oz"), None, "another mention between");
    }

    #[test]
    fn linking_words_rules() {
        assert_eq!(linking_words(" held by "), Some("held by".into()));
        assert_eq!(
            linking_words(" is engaged in discussions with "),
            Some("in discussions with".into())
        );
        assert_eq!(linking_words(" and the "), None);
        assert_eq!(linking_words(", "), None);
        assert_eq!(linking_words(" - "), None);
        assert_eq!(linking_words("-"), None);
        assert_eq!(linking_words(" said on Monday it would meet with "), None);
        assert_eq!(linking_words(" (the mediator) "), None);
        assert_eq!(linking_words("'s envoy to "), Some("'s envoy to".into()));
        assert_eq!(linking_words(" \n met\n "), Some("met".into()));
    }
}
