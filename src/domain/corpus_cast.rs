//! The cast across several documents: one entry per real-world entity however many articles
//! mention it, with how often each article does, and a timeline by dateline.
//!
//! Each document is extracted on its own (ids are only stable within a document), so entities
//! are matched across documents by kind and name: the same canonical name, or one document's
//! canonical name being an alias of the other's ("Netanyahu" in a follow-up article, "Benjamin
//! Netanyahu" in the first). Kinds must agree, so "Jordan" the country and "Jordan" the
//! person stay apart.

use std::collections::HashMap;

use crate::domain::entity::{Entity, Kind};

/// Where one cross-document entity is mentioned in one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Appearance {
    /// The document, by its position in the list given to [`CorpusCast::merge`].
    pub document: usize,
    /// The entity in that document's cast.
    pub entity: usize,
    pub mentions: usize,
    /// The quotations it said there.
    pub quotes: usize,
}

/// One entity of the whole set of documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusEntity {
    /// The longest canonical name seen.
    pub name: String,
    pub kind: Kind,
    /// Every alias from every document, in order of first appearance.
    pub aliases: Vec<String>,
    /// The documents that mention it, in document order.
    pub appearances: Vec<Appearance>,
}

impl CorpusEntity {
    pub fn mentions(&self) -> usize {
        self.appearances.iter().map(|a| a.mentions).sum()
    }

    /// The quotations it said, in every document.
    pub fn quotes(&self) -> usize {
        self.appearances.iter().map(|a| a.quotes).sum()
    }

    pub fn is_actor(&self) -> bool {
        self.kind.is_actor()
    }

    /// Its appearance in document `d`, if that document mentions it.
    pub fn in_document(&self, d: usize) -> Option<&Appearance> {
        self.appearances.iter().find(|a| a.document == d)
    }
}

/// The merged cast, ordered like a document's cast: most documents, then most mentions,
/// then first appearance.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct CorpusCast {
    pub entities: Vec<CorpusEntity>,
}

impl CorpusCast {
    /// Merges the casts of several documents (each most important first, as extracted).
    pub fn merge(casts: &[&[Entity]]) -> CorpusCast {
        CorpusCast::merge_with_quotes(casts, &[])
    }

    /// [`CorpusCast::merge`], with how many quotations each entity of each document said
    /// (`quotes[d][i]` for entity `i` of document `d`; missing counts are none).
    pub fn merge_with_quotes(casts: &[&[Entity]], quotes: &[&[u32]]) -> CorpusCast {
        let said = |d: usize, i: usize| {
            quotes
                .get(d)
                .and_then(|q| q.get(i))
                .map_or(0, |&n| n as usize)
        };
        // Union-find over (document, entity) pairs, numbered in order.
        let all: Vec<(usize, usize, &Entity)> = casts
            .iter()
            .enumerate()
            .flat_map(|(d, c)| c.iter().enumerate().map(move |(i, e)| (d, i, e)))
            .collect();
        let mut parent: Vec<usize> = (0..all.len()).collect();
        let key = |kind: Kind, name: &str| (kind, name.trim().to_lowercase());
        let mut by_name: HashMap<(Kind, String), usize> = HashMap::new();
        for (n, (_, _, e)) in all.iter().enumerate() {
            match by_name.get(&key(e.kind, &e.name)) {
                Some(&m) => union(&mut parent, m, n),
                None => {
                    by_name.insert(key(e.kind, &e.name), n);
                }
            }
        }
        for (n, (_, _, e)) in all.iter().enumerate() {
            for alias in &e.aliases {
                if let Some(&m) = by_name.get(&key(e.kind, alias)) {
                    union(&mut parent, m, n);
                }
            }
        }
        let mut groups: HashMap<usize, usize> = HashMap::new();
        let mut out: Vec<CorpusEntity> = Vec::new();
        for (n, &(d, i, e)) in all.iter().enumerate() {
            let root = find(&mut parent, n);
            let g = *groups.entry(root).or_insert_with(|| {
                out.push(CorpusEntity {
                    name: e.name.clone(),
                    kind: e.kind,
                    aliases: Vec::new(),
                    appearances: Vec::new(),
                });
                out.len() - 1
            });
            let entry = &mut out[g];
            if e.name.chars().count() > entry.name.chars().count() {
                entry.name.clone_from(&e.name);
            }
            for a in &e.aliases {
                if !entry.aliases.contains(a) {
                    entry.aliases.push(a.clone());
                }
            }
            match entry.appearances.iter_mut().find(|a| a.document == d) {
                // Two entities of one document merged through a third: count both, keep the
                // more important one as the place to jump to.
                Some(a) => {
                    a.mentions += e.mentions.len();
                    a.quotes += said(d, i);
                }
                None => entry.appearances.push(Appearance {
                    document: d,
                    entity: i,
                    mentions: e.mentions.len(),
                    quotes: said(d, i),
                }),
            }
        }
        let first_seen: Vec<(usize, usize)> = out
            .iter()
            .map(|c| (c.appearances[0].document, c.appearances[0].entity))
            .collect();
        let mut order: Vec<usize> = (0..out.len()).collect();
        order.sort_by_key(|&k| {
            (
                std::cmp::Reverse(out[k].appearances.len()),
                std::cmp::Reverse(out[k].mentions()),
                first_seen[k],
            )
        });
        let mut slots: Vec<Option<CorpusEntity>> = out.into_iter().map(Some).collect();
        CorpusCast {
            entities: order.into_iter().filter_map(|k| slots[k].take()).collect(),
        }
    }

    /// The merged entity that holds entity `entity` of document `document`.
    pub fn find(&self, document: usize, entity: usize) -> Option<usize> {
        self.entities.iter().position(|c| {
            c.appearances
                .iter()
                .any(|a| a.document == document && a.entity == entity)
        })
    }
}

fn find(parent: &mut [usize], mut n: usize) -> usize {
    while parent[n] != n {
        parent[n] = parent[parent[n]];
        n = parent[n];
    }
    n
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        // The earlier entity stays the root, so names and order follow first appearance.
        parent[ra.max(rb)] = ra.min(rb);
    }
}

/// The dates of a set of documents as a time axis: each distinct dateline once, in order,
/// and one last slot for documents without a dateline (if any).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    pub dates: Vec<String>,
    pub undated: bool,
    /// The slot of each document.
    slot_of: Vec<usize>,
}

impl Timeline {
    /// `dates[d]` is document `d`'s dateline (`YYYY-MM-DD`, which sorts as text).
    pub fn new(dates: &[Option<&str>]) -> Timeline {
        let mut axis: Vec<String> = dates.iter().flatten().map(|d| d.to_string()).collect();
        axis.sort();
        axis.dedup();
        let undated = dates.iter().any(Option::is_none);
        let slot_of = dates
            .iter()
            .map(|d| match d {
                Some(d) => axis.binary_search_by(|x| x.as_str().cmp(d)).unwrap_or(0),
                None => axis.len(),
            })
            .collect();
        Timeline {
            dates: axis,
            undated,
            slot_of,
        }
    }

    /// How many slots the axis has (dates, then "undated").
    pub fn slots(&self) -> usize {
        self.dates.len() + usize::from(self.undated)
    }

    /// The mentions of `entity` per slot.
    pub fn counts(&self, entity: &CorpusEntity) -> Vec<usize> {
        let mut out = vec![0; self.slots()];
        for a in &entity.appearances {
            if let Some(&s) = self.slot_of.get(a.document) {
                out[s] += a.mentions;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::entity::{Form, Mention};

    fn e(name: &str, kind: Kind, aliases: &[&str], n: u32) -> Entity {
        Entity {
            id: String::new(),
            name: name.into(),
            kind,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            mentions: (0..n)
                .map(|i| Mention {
                    start: i * 10,
                    end: i * 10 + 3,
                    form: Form::Name,
                })
                .collect(),
        }
    }

    #[test]
    fn same_name_and_kind_merge_across_documents_with_counts_per_document() {
        let d0 = [
            e("Israel", Kind::Country, &["Israel", "Israeli"], 5),
            e("Jordan", Kind::Country, &["Jordan"], 1),
        ];
        let d1 = [
            e("Hamas", Kind::Organization, &["Hamas"], 3),
            e("Israel", Kind::Country, &["Israel"], 2),
            e("Jordan", Kind::Person, &["Jordan"], 1),
        ];
        let c = CorpusCast::merge(&[&d0, &d1]);
        let israel = &c.entities[0];
        assert_eq!(israel.name, "Israel");
        assert_eq!(israel.mentions(), 7);
        assert_eq!(
            israel.appearances,
            [
                Appearance {
                    document: 0,
                    entity: 0,
                    mentions: 5,
                    quotes: 0
                },
                Appearance {
                    document: 1,
                    entity: 1,
                    mentions: 2,
                    quotes: 0
                }
            ]
        );
        assert_eq!(israel.aliases, ["Israel", "Israeli"]);
        let jordans: Vec<Kind> = c
            .entities
            .iter()
            .filter(|x| x.name == "Jordan")
            .map(|x| x.kind)
            .collect();
        assert_eq!(
            jordans.len(),
            2,
            "a country and a person of one name stay apart"
        );
        assert_eq!(c.find(1, 1), Some(0));
        assert_eq!(c.entities.len(), 4);
    }

    #[test]
    fn an_alias_in_one_document_matches_the_name_in_another() {
        let d0 = [e(
            "Benjamin Netanyahu",
            Kind::Person,
            &["Benjamin Netanyahu", "Netanyahu"],
            2,
        )];
        let d1 = [e("Netanyahu", Kind::Person, &["Netanyahu"], 4)];
        let c = CorpusCast::merge(&[&d0, &d1]);
        assert_eq!(c.entities.len(), 1);
        assert_eq!(c.entities[0].name, "Benjamin Netanyahu", "the longest name");
        assert_eq!(c.entities[0].mentions(), 6);
    }

    #[test]
    fn quotations_are_counted_per_document_and_summed() {
        let d0 = [
            e("Israel", Kind::Country, &["Israel"], 5),
            e("Hamas", Kind::Organization, &["Hamas"], 2),
        ];
        let d1 = [e("Israel", Kind::Country, &["Israel"], 2)];
        let c = CorpusCast::merge_with_quotes(&[&d0, &d1], &[&[3, 0], &[1]]);
        let israel = &c.entities[0];
        assert_eq!(israel.name, "Israel");
        let per_doc: Vec<usize> = israel.appearances.iter().map(|a| a.quotes).collect();
        assert_eq!(per_doc, [3, 1]);
        assert_eq!(israel.quotes(), 4);
        assert_eq!(c.entities[1].quotes(), 0, "Hamas said nothing");
    }

    #[test]
    fn order_is_documents_then_mentions_then_first_appearance() {
        let d0 = [
            e("Qatar", Kind::Country, &[], 9),
            e("Hamas", Kind::Organization, &[], 1),
        ];
        let d1 = [e("Hamas", Kind::Organization, &[], 1)];
        let c = CorpusCast::merge(&[&d0, &d1]);
        let names: Vec<&str> = c.entities.iter().map(|x| x.name.as_str()).collect();
        assert_eq!(names, ["Hamas", "Qatar"]);
    }

    #[test]
    fn the_timeline_counts_mentions_by_dateline_with_undated_last() {
        let d0 = [e("Israel", Kind::Country, &[], 5)];
        let d1 = [e("Israel", Kind::Country, &[], 2)];
        let d2 = [e("Israel", Kind::Country, &[], 1)];
        let d3 = [e("Israel", Kind::Country, &[], 4)];
        let c = CorpusCast::merge(&[&d0, &d1, &d2, &d3]);
        let t = Timeline::new(&[
            Some("2023-11-09"),
            None,
            Some("2023-11-08"),
            Some("2023-11-09"),
        ]);
        assert_eq!(t.dates, ["2023-11-08", "2023-11-09"]);
        assert!(t.undated);
        assert_eq!(t.slots(), 3);
        assert_eq!(t.counts(&c.entities[0]), [1, 9, 2]);
    }
}
