//! The cast of a document: its entities, indexed by position, and grouped as the sidebar
//! shows them.

use crate::domain::entity::{Entity, Kind};
use crate::domain::mention_index::MentionIndex;

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
    pub index: MentionIndex,
}

impl Cast {
    pub fn new(entities: Vec<Entity>) -> Cast {
        let index = MentionIndex::new(&entities);
        Cast { entities, index }
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
