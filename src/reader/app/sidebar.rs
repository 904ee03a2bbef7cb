//! The rows of the sidebar: group headings and the entities under them.

use crate::domain::cast::{Cast, Group};
use crate::domain::filter::Filter;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SidebarRow {
    Heading(Group),
    /// An entity, by its index in the cast.
    Entity(usize),
}

impl SidebarRow {
    pub fn entity(self) -> Option<usize> {
        match self {
            SidebarRow::Entity(i) => Some(i),
            SidebarRow::Heading(_) => None,
        }
    }
}

/// Headings followed by their entities, in sidebar order.
pub fn rows(cast: &Cast) -> Vec<SidebarRow> {
    let mut out = Vec::new();
    for (group, members) in cast.sidebar_order() {
        out.push(SidebarRow::Heading(group));
        out.extend(members.into_iter().map(SidebarRow::Entity));
    }
    out
}

/// The rows of `cast` whose entities `filter` keeps: each heading stays only over the entities
/// kept under it.
pub fn filtered_rows(cast: &Cast, filter: Option<&Filter>) -> Vec<SidebarRow> {
    let Some(filter) = filter.filter(|f| !f.is_empty()) else {
        return rows(cast);
    };
    let mut out = Vec::new();
    for (group, members) in cast.sidebar_order() {
        let kept: Vec<SidebarRow> = members
            .into_iter()
            .filter(|&e| {
                let entity = &cast.entities[e];
                filter.keeps(Some(entity.kind), &[&entity.name])
            })
            .map(SidebarRow::Entity)
            .collect();
        if !kept.is_empty() {
            out.push(SidebarRow::Heading(group));
            out.extend(kept);
        }
    }
    out
}

/// The entity row reached by moving `by` entity rows from row `from` (headings are skipped),
/// stopping at the first and last entities.
pub fn step(rows: &[SidebarRow], from: usize, by: i32) -> usize {
    let entities: Vec<usize> = (0..rows.len())
        .filter(|&i| rows[i].entity().is_some())
        .collect();
    if entities.is_empty() {
        return 0;
    }
    let here = entities
        .partition_point(|&i| i < from)
        .min(entities.len() - 1);
    let to = (here as i64 + i64::from(by)).clamp(0, entities.len() as i64 - 1);
    entities[to as usize]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::entity::{Entity, Form, Kind, Mention};

    fn cast() -> Cast {
        let e = |name: &str, kind, n: u32| Entity {
            id: name.into(),
            name: name.into(),
            kind,
            aliases: vec![],
            mentions: (0..n)
                .map(|i| Mention {
                    start: i * 100 + n,
                    end: i * 100 + n + 1,
                    form: Form::Name,
                })
                .collect(),
        };
        Cast::new(vec![
            e("Israel", Kind::Country, 3),
            e("Gaza", Kind::Place, 2),
            e("Hamas", Kind::Organization, 1),
        ])
    }

    #[test]
    fn headings_precede_their_entities() {
        let r = rows(&cast());
        assert_eq!(
            r,
            [
                SidebarRow::Heading(Group::Actors),
                SidebarRow::Entity(0),
                SidebarRow::Entity(2),
                SidebarRow::Heading(Group::Places),
                SidebarRow::Entity(1),
            ]
        );
    }

    #[test]
    fn a_filter_keeps_the_entities_it_matches_under_their_headings() {
        let c = cast();
        let f = Filter::new("a");
        assert_eq!(filtered_rows(&c, Some(&f)), rows(&c));
        let f = Filter::new("kind:plc");
        assert_eq!(
            filtered_rows(&c, Some(&f)),
            [SidebarRow::Heading(Group::Places), SidebarRow::Entity(1)]
        );
        let f = Filter::new("ham");
        assert_eq!(
            filtered_rows(&c, Some(&f)),
            [SidebarRow::Heading(Group::Actors), SidebarRow::Entity(2)]
        );
        assert!(filtered_rows(&c, Some(&Filter::new("zzz"))).is_empty());
    }

    #[test]
    fn stepping_skips_headings_and_stops_at_the_ends() {
        let r = rows(&cast());
        assert_eq!(step(&r, 0, 0), 1);
        assert_eq!(step(&r, 1, 1), 2);
        assert_eq!(step(&r, 2, 1), 4);
        assert_eq!(step(&r, 4, 5), 4);
        assert_eq!(step(&r, 4, -9), 1);
        assert_eq!(step(&[], 0, 1), 0);
    }
}
