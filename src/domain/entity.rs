//! What the extractor finds: entities, their kinds, and where they are mentioned.

pub use crate::domain::mentions::{Form, Mention, Mentions};

/// The kind of an entity. The names returned by [`Kind::as_str`] are part of the
/// `extract --json` interface and never change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Person,
    Organization,
    Country,
    Group,
    Place,
    Date,
    Number,
    /// A name the extractor could not type with confidence (a title, an event, a product).
    Other,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Person,
        Kind::Organization,
        Kind::Country,
        Kind::Group,
        Kind::Place,
        Kind::Date,
        Kind::Number,
        Kind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Organization => "organization",
            Kind::Country => "country",
            Kind::Group => "group",
            Kind::Place => "place",
            Kind::Date => "date",
            Kind::Number => "number",
            Kind::Other => "other",
        }
    }

    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// Kinds that can act in a story: people, organisations, countries and groups.
    pub fn is_actor(self) -> bool {
        matches!(
            self,
            Kind::Person | Kind::Organization | Kind::Country | Kind::Group
        )
    }
}

/// One real-world entity with every mention of it, under every alias.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Stable within one document: a slug of the name, made unique.
    pub id: String,
    /// The canonical name (the longest full form seen, titles removed).
    pub name: String,
    pub kind: Kind,
    /// Every distinct surface form the entity is mentioned by, in order of first appearance.
    pub aliases: Vec<String>,
    /// Sorted by `start`, non-overlapping.
    pub mentions: Mentions,
}

impl Entity {
    /// For tests: an entity mentioned wherever `name` occurs in `text` (id: the name in lower
    /// case; alias: the name).
    #[cfg(test)]
    pub fn found_by_search(text: &str, name: &str, kind: Kind) -> Entity {
        Entity {
            id: name.to_lowercase(),
            name: name.into(),
            kind,
            aliases: vec![name.into()],
            mentions: text
                .match_indices(name)
                .map(|(i, _)| Mention::new(i..i + name.len()))
                .collect(),
        }
    }

    /// For tests: a person named "x" mentioned by name at each of `spans`, in bytes.
    #[cfg(test)]
    pub fn mentioned_at(spans: &[(u32, u32)]) -> Entity {
        Entity {
            id: String::new(),
            name: "x".into(),
            kind: Kind::Person,
            aliases: vec![],
            mentions: spans
                .iter()
                .map(|&(s, e)| Mention::new(s as usize..e as usize))
                .collect(),
        }
    }

    pub fn is_actor(&self) -> bool {
        self.kind.is_actor()
    }
}

/// Turns a name into an id: lower case ASCII letters and digits joined by `-`.
pub fn slug(name: &str) -> String {
    if name.is_ascii() {
        return ascii_slug(name.as_bytes());
    }
    let mut out = String::with_capacity(name.len());
    // A dash is owed after a word, and written only before the next one: runs of other
    // characters become one dash, and none starts or ends the slug.
    let mut dash = false;
    let mut push = |out: &mut String, c: char| {
        if c.is_alphanumeric() {
            if dash {
                out.push('-');
                dash = false;
            }
            out.push(c);
        } else {
            dash = !out.is_empty();
        }
    };
    for c in name.chars() {
        // Every entity's id is made here: most characters are ASCII, a byte and lower case
        // in one, without the Unicode tables.
        if c.is_ascii() {
            push(&mut out, c.to_ascii_lowercase());
        } else {
            for lower in c.to_lowercase() {
                push(&mut out, lower);
            }
        }
    }
    finish_slug(out)
}

/// [`slug`] of an ASCII name (nearly every entity's), a byte at a time: a character at a
/// time it took most of giving the ids.
fn ascii_slug(name: &[u8]) -> String {
    let mut out = String::with_capacity(name.len());
    let mut dash = false;
    for &b in name {
        if b.is_ascii_alphanumeric() {
            if dash {
                out.push('-');
                dash = false;
            }
            out.push(char::from(b.to_ascii_lowercase()));
        } else {
            dash = !out.is_empty();
        }
    }
    finish_slug(out)
}

fn finish_slug(mut out: String) -> String {
    if out.is_empty() {
        out.push_str("entity");
    }
    out
}

/// Orders entities by importance (mention count, then first appearance) and gives each a
/// unique id. Every extractor and importer finishes through here, so the order is one rule.
pub fn finalize(entities: Vec<Entity>) -> Vec<Entity> {
    let mut entities = order(entities);
    give_ids(&mut entities);
    entities
}

/// The order of [`finalize`] without the ids: entities by importance, each one's mentions
/// sorted, those without mentions gone. For a pass that adds mentions before the ids are
/// given (coreference), so that they are given once.
pub fn order(mut entities: Vec<Entity>) -> Vec<Entity> {
    for e in &mut entities {
        // Only when needed: an edit copies mentions out of a shared store.
        if !e.mentions.windows(2).all(|w| w[0] < w[1]) {
            e.mentions.edit(|v| {
                v.sort_unstable();
                v.dedup();
            });
        }
    }
    entities.retain(|e| !e.mentions.is_empty());
    let mut keys = importance_keys(&entities);
    sort_mostly_sorted(&mut keys);
    let mut order: Vec<usize> = keys.into_iter().map(|k| k as u64 as usize).collect();
    permute(&mut entities, &mut order);
    entities
}

/// Each entity's [`importance`] packed with its place into one integer, in their order. The
/// keys read once each (they sit in the mentions' store, far apart); a tie keeps the order
/// it had, and a sort compares integers (tens of thousands of entities, on one thread,
/// three times an extraction).
fn importance_keys(entities: &[Entity]) -> Vec<u128> {
    (entities.iter().enumerate())
        .map(|(i, e)| (u128::from(packed_importance(e)) << 64) | i as u128)
        .collect()
}

/// Sorts `keys` (distinct), which are most often nearly sorted: the entities were in order
/// before a pass added mentions to some of them (which move up) or took some away (which
/// move down). Those out of place (below the last one kept, or above the next) are taken
/// out, sorted on their own and merged back with the others, which are in order; when they
/// are more than those, all are sorted. (After coreference a third of the entities move, and
/// sorting them is still a third of sorting all.)
fn sort_mostly_sorted(keys: &mut Vec<u128>) {
    let mut stray = Vec::new();
    let mut kept = 0;
    for i in 0..keys.len() {
        let k = keys[i];
        let falls = keys.get(i + 1).is_some_and(|&next| k > next);
        if falls || kept > 0 && k < keys[kept - 1] {
            stray.push(k);
        } else {
            keys[kept] = k;
            kept += 1;
        }
    }
    if stray.is_empty() {
        return;
    }
    keys.truncate(kept);
    if stray.len() > kept {
        keys.extend(stray);
        keys.sort_unstable();
        return;
    }
    stray.sort_unstable();
    // Merged from the back, in place.
    keys.resize(kept + stray.len(), 0);
    let (mut a, mut b) = (kept, stray.len());
    for to in (0..keys.len()).rev() {
        if b == 0 {
            break;
        }
        if a > 0 && keys[a - 1] > stray[b - 1] {
            keys[to] = keys[a - 1];
            a -= 1;
        } else {
            keys[to] = stray[b - 1];
            b -= 1;
        }
    }
}

/// [`importance`] as one integer that sorts the same way.
fn packed_importance(e: &Entity) -> u64 {
    let (std::cmp::Reverse(count), first) = importance(e);
    let count = u32::try_from(count).unwrap_or(u32::MAX);
    (u64::from(u32::MAX - count) << 32) | u64::from(first)
}

/// Puts `items[order[i]]` at `i`, in place, a cycle of the permutation at a time (`order`
/// is used up): a second list of the entities would be ~10 MB more at the peak of a 100 MB
/// text's extraction.
fn permute<T>(items: &mut [T], order: &mut [usize]) {
    for i in 0..order.len() {
        let mut j = i;
        while order[j] != usize::MAX {
            let k = std::mem::replace(&mut order[j], usize::MAX);
            if k == i {
                break;
            }
            items.swap(j, k);
            j = k;
        }
    }
}

/// Gives each entity an id made of its name, the first of a name the plain one, the others
/// numbered in order.
pub fn give_ids(entities: &mut [Entity]) {
    let ids = ids(entities);
    for (e, id) in entities.iter_mut().zip(ids) {
        e.id = id;
    }
}

/// The ids [`give_ids`] gives `entities`, in their order: made from their names only, so
/// that they can be made while something else reads the entities.
pub fn ids(entities: &[Entity]) -> Vec<String> {
    use std::borrow::Cow;
    let slugs: Vec<String> = entities.iter().map(|e| slug(&e.name)).collect();
    // The ids taken so far: a slug itself, else a numbered one made for it.
    let mut seen: rustc_hash::FxHashSet<Cow<str>> = rustc_hash::FxHashSet::default();
    seen.reserve(slugs.len());
    // The last number given to each slug: ids are only ever added, so the next free number
    // is never below it, and a thousand entities of one name do not try a million ids.
    let mut last: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    let mut numbered: Vec<Option<String>> = vec![None; slugs.len()];
    for (base, numbered) in slugs.iter().zip(&mut numbered) {
        if seen.insert(Cow::Borrowed(base)) {
            continue;
        }
        let n = last.entry(base.as_str()).or_insert(1);
        let id = loop {
            *n += 1;
            let id = format!("{base}-{n}");
            if !seen.contains(id.as_str()) {
                break id;
            }
        };
        seen.insert(Cow::Owned(id.clone()));
        *numbered = Some(id);
    }
    drop((seen, last));
    (slugs.into_iter().zip(numbered))
        .map(|(base, numbered)| numbered.unwrap_or(base))
        .collect()
}

/// The order of [`finalize`]: more mentions first, then the first mentioned.
fn importance(e: &Entity) -> (std::cmp::Reverse<usize>, u32) {
    (
        std::cmp::Reverse(e.mentions.len()),
        e.mentions.first().map_or(u32::MAX, |m| m.start),
    )
}

/// Puts finalized entities in the order of [`finalize`] again after mentions were added to
/// some (their ids, unique already, stay); returns where each went: `map[old] = new`.
pub fn reorder(entities: Vec<Entity>) -> (Vec<Entity>, Vec<usize>) {
    // Most often the order holds already.
    let mut keys = importance_keys(&entities);
    if keys.is_sorted() {
        return (entities, (0..keys.len()).collect());
    }
    sort_mostly_sorted(&mut keys);
    let order: Vec<usize> = keys.into_iter().map(|k| k as u64 as usize).collect();
    let mut map = vec![0; entities.len()];
    for (new, &old) in order.iter().enumerate() {
        map[old] = new;
    }
    let mut entities = entities;
    let mut order = order;
    permute(&mut entities, &mut order);
    (entities, map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actors_are_people_organisations_countries_and_groups() {
        let actors: Vec<_> = Kind::ALL.into_iter().filter(|k| k.is_actor()).collect();
        assert_eq!(
            actors,
            [Kind::Person, Kind::Organization, Kind::Country, Kind::Group]
        );
    }

    #[test]
    fn kind_names_round_trip() {
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.as_str()), Some(k));
        }
        assert_eq!(Kind::parse("gpe"), None);
    }

    #[test]
    fn form_names_round_trip_and_a_mention_stays_small() {
        for f in Form::ALL {
            assert_eq!(Form::parse(f.as_str()), Some(f));
        }
        assert_eq!(Form::parse("alias"), None);
        assert_eq!(Mention::new(3..9).form, Form::Name);
        assert_eq!(std::mem::size_of::<Mention>(), 9);
    }

    #[test]
    fn slugs_are_lowercase_words_joined_by_dashes() {
        assert_eq!(slug("United States"), "united-states");
        assert_eq!(slug("U.S."), "u-s");
        assert_eq!(slug("  "), "entity");
        assert_eq!(slug("-- Al-Ahli  S.C. (2) --"), "al-ahli-s-c-2");
        assert_eq!(slug("X"), "x");
        assert_eq!(slug("Ça-va · ÉTÉ"), "ça-va-été");
        assert_eq!(
            slug("İstanbul"),
            "i-stanbul",
            "a combining dot is no letter"
        );
        assert_eq!(slug("Zoë Ångström"), "zoë-ångström");
    }

    fn entity(name: &str, starts: &[u32]) -> Entity {
        Entity {
            id: String::new(),
            name: name.into(),
            kind: Kind::Country,
            aliases: vec![name.into()],
            mentions: starts
                .iter()
                .map(|&s| Mention::new(s as usize..s as usize + 1))
                .collect(),
        }
    }

    #[test]
    fn nearly_sorted_keys_are_sorted_as_a_sort_sorts_them() {
        let mut seed = 7;
        for round in 0..300usize {
            let n = 1 + crate::domain::shuffled::step(&mut seed) as usize % 200;
            let sorted: Vec<u128> = (0..n as u128).map(|k| k * 3).collect();
            // Some keys moved elsewhere, up or down: a few, or every third round, many.
            let moves = if round % 3 == 0 { n } else { round % 5 };
            let mut keys = sorted.clone();
            for _ in 0..moves {
                let r = crate::domain::shuffled::step(&mut seed);
                let k = keys.remove(r as usize % n);
                keys.insert((r >> 32) as usize % n, k);
            }
            sort_mostly_sorted(&mut keys);
            assert_eq!(keys, sorted, "round {round}");
        }
    }

    #[test]
    fn order_is_a_stable_sort_by_importance() {
        let mut seed = 11;
        let entities: Vec<Entity> = (0..500)
            .map(|i| {
                let r = crate::domain::shuffled::step(&mut seed);
                let count = 1 + (r % 4) as u32;
                let first = ((r >> 8) % 40) as u32 * 10;
                let starts: Vec<u32> = (0..count).map(|k| first + k).collect();
                entity(&format!("e{i}"), &starts)
            })
            .collect();
        let mut expected = entities.clone();
        expected.sort_by_key(importance);
        let names = |v: &[Entity]| v.iter().map(|e| e.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(&order(entities)), names(&expected));
    }

    #[test]
    fn finalize_orders_by_count_then_first_mention_and_makes_ids_unique() {
        let out = finalize(vec![
            entity("Qatar", &[50]),
            entity("Israel", &[40, 10]),
            entity("Qatar", &[5]),
            entity("Nothing", &[]),
        ]);
        let names: Vec<_> = out
            .iter()
            .map(|e| (e.id.as_str(), e.mentions[0].start))
            .collect();
        assert_eq!(names, [("israel", 10), ("qatar", 5), ("qatar-2", 50)]);
    }

    #[test]
    fn reordering_says_where_each_entity_went() {
        let entities = vec![
            entity("A", &[50]),
            entity("B", &[40, 10]),
            entity("C", &[5]),
            entity("D", &[7, 8, 9]),
        ];
        let (moved, map) = reorder(entities.clone());
        let names: Vec<&str> = moved.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["D", "B", "C", "A"]);
        assert_eq!(map, [3, 1, 2, 0]);
        let (same, identity) = reorder(moved.clone());
        assert_eq!(same, moved);
        assert_eq!(identity, [0, 1, 2, 3]);
    }

    #[test]
    fn reordering_in_place_puts_every_entity_where_the_map_says() {
        // Counts 1..=3 and first mentions scattered: cycles of every length.
        let entities: Vec<Entity> = (0..200u32)
            .map(|i| {
                let first = (i * 37) % 200 * 10;
                let count = 1 + (i * 7) % 3;
                entity(
                    &format!("E{i}"),
                    &(0..count).map(|c| first + c).collect::<Vec<_>>(),
                )
            })
            .collect();
        let (moved, map) = reorder(entities.clone());
        for (old, e) in entities.iter().enumerate() {
            assert_eq!(moved[map[old]], *e);
        }
        let keys: Vec<_> = moved.iter().map(importance).collect();
        assert!(keys.is_sorted());
    }

    #[test]
    fn a_numbered_id_is_not_given_twice() {
        let mut entities = vec![
            entity("Qatar", &[1]),
            entity("qatar", &[2]),
            entity("Qatar 2", &[3]),
            entity("Qatar-2-2", &[4]),
            entity("Zoë", &[5]),
            entity("ZOË", &[6]),
        ];
        give_ids(&mut entities);
        let ids: Vec<_> = entities.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "qatar",
                "qatar-2",
                "qatar-2-2",
                "qatar-2-2-2",
                "zoë",
                "zoë-2"
            ]
        );
    }

    #[test]
    fn many_entities_of_one_name_are_numbered_in_order_past_ids_taken() {
        let mut entities: Vec<Entity> = (0..3000).map(|i| entity("Ana", &[i])).collect();
        entities.insert(5, entity("Ana 4", &[9000]));
        give_ids(&mut entities);
        let ids: Vec<&str> = entities.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(
            &ids[..8],
            [
                "ana", "ana-2", "ana-3", "ana-4", "ana-5", "ana-4-2", "ana-6", "ana-7"
            ]
        );
        assert_eq!(ids[3000], "ana-3000");
        let unique: std::collections::HashSet<&str> = ids.iter().copied().collect();
        assert_eq!(unique.len(), ids.len());
    }
}
