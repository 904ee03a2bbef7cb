//! The cast of a document: its entities, indexed by position, and grouped as the sidebar
//! shows them.

use crate::domain::entity::{Entity, Kind};
use crate::domain::mention_index::MentionIndex;
use crate::domain::quotes::Quotes;

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

/// Entities (most important first) and the index of their mentions.
#[derive(Debug, Default, Clone)]
pub struct Cast {
    pub entities: Vec<Entity>,
    /// Shared, so background work (sentences and connections) can read it while the reader
    /// shows the cast, without a copy.
    pub index: std::sync::Arc<MentionIndex>,
    /// The quotations and who said them (speakers index `entities`).
    pub quotes: Quotes,
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

    pub fn new(entities: Vec<Entity>) -> Cast {
        Cast::with_quotes(entities, Quotes::default())
    }

    /// A cast with its quotations, whose speakers are indices into `entities`.
    pub fn with_quotes(mut entities: Vec<Entity>, quotes: Quotes) -> Cast {
        let index = MentionIndex::sharing(&mut entities);
        Cast {
            entities,
            index: std::sync::Arc::new(index),
            quotes,
        }
    }

    /// Bytes held by the mentions and the index (for measurements): after `new`, the
    /// entities share one store, counted once.
    pub fn mention_bytes(&self) -> usize {
        let store = self.entities.first().map_or(0, |e| {
            e.mentions.store().0.capacity() * std::mem::size_of::<crate::domain::entity::Mention>()
        });
        store + self.index.heap_bytes()
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
    use crate::domain::entity::{Form, Mention};

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
