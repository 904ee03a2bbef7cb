//! The cast of a document: its entities, indexed by position, and grouped as the sidebar
//! shows them.

use crate::domain::entity::{Entity, Kind};
#[cfg(test)]
use crate::domain::entity::{Form, Mention};
use crate::domain::lit::Scope;
use crate::domain::mention_index::{ByStart, MentionIndex};
use crate::domain::quotes::Quotes;
use std::sync::Arc;

/// The sidebar's groups, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Actors,
    Places,
    DatesAndFigures,
    Other,
}

impl Group {
    pub const ALL: [Group; 4] = [
        Group::Actors,
        Group::Places,
        Group::DatesAndFigures,
        Group::Other,
    ];

    pub fn of(kind: Kind) -> Group {
        match kind {
            Kind::Person | Kind::Organization | Kind::Country | Kind::Group => Group::Actors,
            Kind::Place => Group::Places,
            Kind::Date | Kind::Number => Group::DatesAndFigures,
            Kind::Other => Group::Other,
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Group::Actors => "Actors",
            Group::Places => "Places",
            Group::DatesAndFigures => "Dates & figures",
            Group::Other => "Other names",
        }
    }
}

/// For tests: a mention as the `nth` whole-word occurrence of a word, with its form.
#[cfg(test)]
pub type WordAt<'a> = (&'a str, usize, Form);

/// Entities (most important first) and the index of their mentions.
#[derive(Debug, Default, Clone)]
pub struct Cast {
    /// Shared, so that a large document's names' cast, shown while the rest of its cast is
    /// found, and the pass that finds it hold one copy (see `Named::shared_entities`).
    pub entities: Arc<Vec<Entity>>,
    /// Shared, so background work (sentences and connections) can read it while the reader
    /// shows the cast, without a copy.
    pub index: Arc<MentionIndex>,
    /// The quotations and who said them (speakers index `entities`).
    pub quotes: Quotes,
    /// How many of each entity's mentions are names or demonyms (the rest are descriptions
    /// and pronouns): counted once, since the cast shows both counts on every frame.
    names: Vec<u32>,
}

impl Cast {
    /// For tests: a cast found by plain search for each name, in the order given.
    #[cfg(test)]
    pub fn found_by_search(text: &str, names: &[(&str, Kind)]) -> Cast {
        Cast::new(
            names
                .iter()
                .map(|&(name, kind)| Entity::found_by_search(text, name, kind))
                .collect(),
        )
    }

    /// For tests: a cast whose entities are mentioned at the words given, each as the `nth`
    /// whole-word occurrence of the word in `text`, with its form (names become aliases).
    #[cfg(test)]
    pub fn linked(text: &str, entities: &[(&str, Kind, &[WordAt<'_>])]) -> Cast {
        let word_at = |word: &str, nth: usize| {
            let whole = |i: usize| {
                let before = text[..i].chars().next_back();
                let after = text[i + word.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            };
            let (i, _) = text
                .match_indices(word)
                .filter(|&(i, _)| whole(i))
                .nth(nth)
                .unwrap_or_else(|| panic!("{word:?} #{nth} in the text"));
            i..i + word.len()
        };
        let entities = entities
            .iter()
            .map(|&(name, kind, mentions)| {
                let mut aliases: Vec<String> = Vec::new();
                let mut ms: Vec<Mention> = Vec::new();
                for &(word, nth, form) in mentions {
                    if form.is_named() && !aliases.iter().any(|a| a == word) {
                        aliases.push(word.into());
                    }
                    ms.push(Mention::with_form(word_at(word, nth), form));
                }
                ms.sort();
                Entity {
                    id: name.to_lowercase(),
                    name: name.into(),
                    kind,
                    aliases,
                    mentions: ms.into(),
                }
            })
            .collect();
        Cast::new(entities)
    }

    pub fn new(entities: Vec<Entity>) -> Cast {
        Cast::with_quotes(entities, Quotes::default())
    }

    /// A cast with its quotations, whose speakers are indices into `entities`.
    pub fn with_quotes(mut entities: Vec<Entity>, quotes: Quotes) -> Cast {
        let index = MentionIndex::sharing(&mut entities);
        Cast::indexed(Arc::new(entities), index, quotes)
    }

    /// A cast of entities shared with other work, which reads them meanwhile: indexed where
    /// their mentions are (entities from the extractor share their stores already; others'
    /// mentions are packed into the index).
    /// `by_start`: their mentions in the order of their starts, if known (then nothing is
    /// sorted).
    pub fn shared(entities: Arc<Vec<Entity>>, by_start: Option<ByStart>) -> Cast {
        let index = by_start
            .and_then(|by_start| MentionIndex::of_sorted(&entities, by_start))
            .unwrap_or_else(|| MentionIndex::new(&entities));
        Cast::indexed(entities, index, Quotes::default())
    }

    fn indexed(entities: Arc<Vec<Entity>>, index: MentionIndex, quotes: Quotes) -> Cast {
        let names = entities
            .iter()
            .map(|e| e.mentions.iter().filter(|m| m.form.is_named()).count() as u32)
            .collect();
        Cast {
            entities,
            index: Arc::new(index),
            quotes,
            names,
        }
    }

    /// How many mentions of entity `e` the scope lights.
    pub fn count(&self, e: usize, scope: Scope) -> usize {
        match scope {
            Scope::Every => self.entities.get(e).map_or(0, |x| x.mentions.len()),
            Scope::Names => self.names.get(e).map_or(0, |&n| n as usize),
        }
    }

    /// How many mentions of entity `e` are descriptions and pronouns.
    pub fn inferred(&self, e: usize) -> usize {
        self.count(e, Scope::Every) - self.count(e, Scope::Names)
    }

    /// Bytes held by the mentions and the index (for measurements): after `new`, the
    /// entities share the index's stores, counted once.
    pub fn mention_bytes(&self) -> usize {
        self.index.store_bytes() + self.index.heap_bytes()
    }

    /// Entity indices in sidebar order: by group, then by importance within the group.
    pub fn sidebar_order(&self) -> Vec<(Group, Vec<usize>)> {
        Group::ALL
            .into_iter()
            .map(|g| {
                let members = (0..self.entities.len())
                    .filter(|&i| Group::of(self.entities[i].kind) == g)
                    .collect();
                (g, members)
            })
            .filter(|(_, members): &(Group, Vec<usize>)| !members.is_empty())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(starts: &[u32]) -> Entity {
        Entity {
            id: String::new(),
            name: "x".into(),
            kind: Kind::Person,
            aliases: vec![],
            mentions: starts
                .iter()
                .map(|&s| Mention {
                    start: s,
                    end: s + 1,
                    form: Form::Name,
                })
                .collect(),
        }
    }

    #[test]
    fn names_and_inferred_mentions_are_counted_apart() {
        let mut e = entity(&[1, 2, 3, 4]);
        e.mentions.edit(|v| {
            v[1].form = Form::Pronoun;
            v[2].form = Form::Demonym;
            v[3].form = Form::Nominal;
        });
        let cast = Cast::new(vec![e, entity(&[9])]);
        assert_eq!(cast.count(0, Scope::Every), 4);
        assert_eq!(cast.count(0, Scope::Names), 2, "a name and a demonym");
        assert_eq!(cast.inferred(0), 2);
        assert_eq!(cast.inferred(1), 0);
        assert_eq!(cast.count(7, Scope::Names), 0);
    }

    #[test]
    fn mentions_are_held_once_beside_an_index_of_four_bytes_each() {
        let cast = Cast::new(vec![entity(&[1, 2, 3]), entity(&[5, 9])]);
        // The mentions (8 bytes), the index (4 bytes a mention, 8 an entity).
        assert_eq!(cast.mention_bytes(), 5 * 9 + 5 * 4 + 2 * 8);
        assert_eq!(
            *cast.entities[1].mentions,
            [
                Mention {
                    start: 5,
                    end: 6,
                    form: Form::Name
                },
                Mention {
                    start: 9,
                    end: 10,
                    form: Form::Name
                }
            ]
        );
    }
}
