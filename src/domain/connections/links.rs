//! What the text says between two connected entities, and the relations the panels read.

use std::ops::Range;
use std::sync::Arc;

use super::{Connection, Connections};
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

/// The words between two adjacent mentions in one sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub words: String,
    /// The entity mentioned before the words; the other one follows them.
    pub from: usize,
    /// The sentence the words were found in.
    pub sentence: u32,
}

/// How many of a pair's sentences are searched for linking words: enough to find a phrase
/// when there is one, bounded so a row of the panel never costs more than a screenful.
const LINK_SCAN: usize = 32;

/// A document's sentences and the connections counted over them: what the connections
/// panel, the pinned actors' meeting marks and `extract --json` read.
#[derive(Debug, Default, Clone)]
pub struct Relations {
    pub sentences: Arc<Sentences>,
    pub connections: Connections,
}

impl Relations {
    pub fn compute(doc: &Document, cast: &Cast) -> Relations {
        Relations::compute_with(doc, &cast.index, cast.entities.len())
    }

    /// The same from a cast's index and its number of entities.
    /// The sentences are split on every core (see [`Sentences::of_in_pieces`]).
    pub fn compute_with(doc: &Document, index: &MentionIndex, entities: usize) -> Relations {
        let sentences = Arc::clone(doc.sentences(crate::domain::pieces::all_cores()));
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
