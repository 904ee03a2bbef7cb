//! Co-occurrence: which entities are mentioned in the same sentence, how often, and what the
//! text says between them ("United States —in discussions with→ Israel").
//!
//! Mentions are taken from the [`MentionIndex`] (the mentions the reader shows, overlaps
//! already resolved), so the counts agree with what is lit on screen. One merge walk over
//! sentences and mentions, both sorted: linear in the size of the document's cast.
//!
//! Linking words are found only between two entity mentions that follow each other in a
//! sentence with no other mention between them. The issue's second example ("hostages held
//! by Hamas") links a plain noun phrase to an entity; "hostages" is not an entity, so that
//! relation appears only if the extractor makes it one (or between two entities, as in
//! "Qatar has been in talks with Hamas" → "in talks with").

use std::collections::HashMap;
use std::ops::Range;

use crate::domain::cast::Cast;
use crate::domain::document::Document;
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

/// Two entities that share at least one sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Connection {
    /// The two entities, by index in the cast (`a < b`, so `a` is the more important one).
    pub a: usize,
    pub b: usize,
    /// The sentences both are mentioned in (indices into [`Sentences`]), in document order.
    pub sentences: Vec<u32>,
    /// The first short phrase found between a mention of one and a mention of the other.
    pub link: Option<Link>,
}

impl Connection {
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

/// Every connection of a document, strongest first (most shared sentences, then the earliest
/// first shared sentence), with each entity's connections listed in the same order.
#[derive(Debug, Default, Clone)]
pub struct Connections {
    pairs: Vec<Connection>,
    by_entity: Vec<Vec<u32>>,
}

impl Connections {
    /// Counts, for `entities` entities indexed by `index`, the sentences each pair shares.
    /// `bytes` is the document, for the linking words.
    pub fn compute(
        bytes: &[u8],
        index: &MentionIndex,
        entities: usize,
        sentences: &Sentences,
    ) -> Connections {
        let mut pairs: Vec<Connection> = Vec::new();
        let mut slot: HashMap<(u32, u32), usize> = HashMap::new();
        let mut mentions = index.overlapping(0..usize::MAX).peekable();
        let mut here = Vec::new();
        let mut owners = Vec::new();
        for (si, range) in sentences.iter().enumerate() {
            here.clear();
            while mentions
                .next_if(|(m, _)| (m.start as usize) < range.start)
                .is_some()
            {}
            while let Some(hit) = mentions.next_if(|(m, _)| (m.start as usize) < range.end) {
                here.push(hit);
            }
            if here.len() < 2 {
                continue;
            }
            owners.clear();
            owners.extend(here.iter().map(|&(_, o)| o as u32));
            owners.sort_unstable();
            owners.dedup();
            let si = si as u32;
            for (i, &a) in owners.iter().enumerate() {
                for &b in &owners[i + 1..] {
                    let k = *slot.entry((a, b)).or_insert_with(|| {
                        pairs.push(Connection {
                            a: a as usize,
                            b: b as usize,
                            sentences: Vec::new(),
                            link: None,
                        });
                        pairs.len() - 1
                    });
                    pairs[k].sentences.push(si);
                }
            }
            for w in here.windows(2) {
                let ((m0, o0), (m1, o1)) = (w[0], w[1]);
                if o0 == o1 {
                    continue;
                }
                let key = (o0.min(o1) as u32, o0.max(o1) as u32);
                let k = slot[&key];
                if pairs[k].link.is_some() {
                    continue;
                }
                let gap = bytes.get(m0.end as usize..m1.start as usize).unwrap_or(&[]);
                if let Some(words) = std::str::from_utf8(gap).ok().and_then(linking_words) {
                    pairs[k].link = Some(Link {
                        words,
                        from: o0,
                        sentence: si,
                    });
                }
            }
        }
        pairs.sort_by_key(|p| {
            (
                std::cmp::Reverse(p.sentences.len()),
                p.sentences[0],
                p.a,
                p.b,
            )
        });
        let mut by_entity = vec![Vec::new(); entities];
        for (k, p) in pairs.iter().enumerate() {
            for e in [p.a, p.b] {
                if let Some(list) = by_entity.get_mut(e) {
                    list.push(k as u32);
                }
            }
        }
        Connections { pairs, by_entity }
    }

    /// Every connection, strongest first.
    pub fn pairs(&self) -> &[Connection] {
        &self.pairs
    }

    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// The connections of entity `e`, strongest first.
    pub fn of(&self, e: usize) -> impl Iterator<Item = &Connection> + '_ {
        self.by_entity
            .get(e)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|&k| &self.pairs[k as usize])
    }

    /// The indices (into [`Connections::pairs`]) of the connections of `e`, strongest first.
    pub fn indices_of(&self, e: usize) -> impl Iterator<Item = usize> + '_ {
        self.by_entity
            .get(e)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|&k| k as usize)
    }

    /// The connection between `a` and `b`, if they share a sentence.
    pub fn between(&self, a: usize, b: usize) -> Option<&Connection> {
        self.of(a).find(|c| c.other(a) == b)
    }
}

/// A document's sentences and the connections counted over them: what the connections
/// panel, the pinned actors' meeting marks and `extract --json` read.
#[derive(Debug, Default, Clone)]
pub struct Relations {
    pub sentences: Sentences,
    pub connections: Connections,
}

impl Relations {
    pub fn compute(doc: &Document, cast: &Cast) -> Relations {
        let sentences = Sentences::of(doc);
        let connections =
            Connections::compute(doc.bytes(), &cast.index, cast.entities.len(), &sentences);
        Relations {
            sentences,
            connections,
        }
    }

    /// The byte ranges of the sentences a connection is made of.
    pub fn ranges<'a>(&'a self, c: &'a Connection) -> impl Iterator<Item = Range<usize>> + 'a {
        c.sentences
            .iter()
            .map(|&s| self.sentences.range(s as usize))
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
            .pairs()
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
        let first = &r.connections.pairs()[0];
        let ranges: Vec<_> = r.ranges(first).map(|s| &text[s]).collect();
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
            c.link
                .as_ref()
                .map(|l| (cast.entities[l.from].name.clone(), l.words.clone()))
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
