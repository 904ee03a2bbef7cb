//! Turns the candidates of a whole document into entities: one per real-world thing, with
//! every mention under every alias.
//!
//! Document-level rules live here, because they need every mention first:
//! - a name typed by strong evidence once keeps that kind everywhere ("Mr. Vasquez" ... "Vasquez");
//! - a single word that is the last word of a person's name is that person;
//! - an acronym defined in brackets, or matching the initials of a name in the text, is that name;
//! - a demonym is a mention of its country when the country is named in the text, and a group
//!   (the nationality) when it is not;
//! - a name only seen at sentence starts that is also a common word is dropped.

use rustc_hash::FxHashMap as HashMap;

use super::candidate::{Compact, Definition, Form, Packed, Strength, Strings};
use super::knowledge::Knowledge;
use crate::domain::entity::{self, Entity, Kind, Mention, Mentions};

/// What a mention belongs to (strings by their ids in `Strings`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Target {
    Canon(u32),
    /// The nationality of a country that is not named in the text.
    Nationality(u32),
    Name(u32),
    Value(Kind, u32),
}

/// Everything the document says about one unknown name (by key).
#[derive(Debug, Default)]
struct NameInfo {
    /// Per kind: the strongest evidence and the sum of all evidence (by `Kind as usize`).
    evidence: [Option<(Strength, u32)>; Kind::ALL.len()],
    all_doubtful: bool,
    seen: bool,
}

impl NameInfo {
    fn add(&mut self, guess: Option<(Kind, Strength)>, doubtful: bool) {
        self.all_doubtful = if self.seen {
            self.all_doubtful && doubtful
        } else {
            doubtful
        };
        self.seen = true;
        if let Some((kind, strength)) = guess {
            let e = self.evidence[kind as usize].get_or_insert((strength, 0));
            e.0 = e.0.max(strength);
            e.1 += strength as u32;
        }
    }

    /// The kind with the strongest evidence, then the most evidence.
    fn kind(&self) -> Option<(Kind, Strength)> {
        Kind::ALL
            .into_iter()
            .filter_map(|kind| Some((kind, self.evidence[kind as usize]?)))
            .max_by_key(|(kind, (strength, votes))| (*strength, *votes, std::cmp::Reverse(*kind)))
            .map(|(kind, (strength, _))| (kind, strength))
    }
}

struct Builder {
    name: String,
    kind: Kind,
    aliases: Vec<u32>,
}

/// Legal forms that end a company's full name and are dropped in later mentions.
const LEGAL_SUFFIXES: &[&str] = &[
    "Inc",
    "Inc.",
    "Corp",
    "Corp.",
    "Corporation",
    "Co",
    "Co.",
    "Ltd",
    "Ltd.",
    "Limited",
    "LLC",
    "PLC",
    "plc",
    "AG",
    "SA",
    "S.A.",
    "NV",
    "N.V.",
    "GmbH",
    "Group",
    "Holdings",
    "Company",
];

/// "Acme Corp." → "Acme"; None if the name has no legal suffix or nothing before it.
fn without_legal_suffix(key: &str) -> Option<&str> {
    let (head, last) = key.rsplit_once(' ')?;
    let head = head.strip_suffix(" ,").unwrap_or(head);
    (LEGAL_SUFFIXES.contains(&last) && !head.is_empty()).then_some(head)
}

/// The letters of an acronym for a name: "United Nations" → "UN".
fn initials(key: &str) -> String {
    key.split(' ')
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

/// `cluster`'s marks for a form whose entity is not worked out yet, and for one that makes
/// none.
const TODO: u32 = u32::MAX;
const SKIP: u32 = u32::MAX - 1;

pub fn cluster(
    cands: Vec<Compact>,
    defs: &[Definition],
    s: &Strings,
    k: &Knowledge,
) -> Vec<Entity> {
    // What the document says about each unknown name.
    let mut info: HashMap<u32, NameInfo> = HashMap::default();
    for c in &cands {
        let c = s.form(c.form);
        if let Packed::Name {
            guess,
            doubtful_start,
        } = c.reading
        {
            info.entry(c.key).or_default().add(guess, doubtful_start);
        }
    }

    // Each distinct name is looked at once below, at its first mention: what follows depends
    // only on the name, and the maps keep what they saw first.
    let mut firsts: Vec<u32> = Vec::new();
    let mut seen = vec![false; s.count()];
    for c in &cands {
        let c = s.form(c.form);
        if let Packed::Name { .. } = c.reading
            && !std::mem::replace(&mut seen[c.key as usize], true)
        {
            firsts.push(c.key);
        }
    }
    drop(seen);

    // People by the last word of their full names, first seen first. Only words that are
    // names of the text can be looked up.
    let mut by_last_word: HashMap<u32, u32> = HashMap::default();
    for &key in &firsts {
        let text = s.str(key);
        if text.contains(' ')
            && info
                .get(&key)
                .and_then(NameInfo::kind)
                .is_some_and(|(kind, _)| kind == Kind::Person)
            && let Some(last) = text.rsplit(' ').next()
            && let Some(last) = s.get(last)
        {
            by_last_word.entry(last).or_insert(key);
        }
    }

    // Companies by their names without the legal suffix: "Acme Corp." is also "Acme".
    let mut by_short_name: Vec<(u32, u32)> = Vec::new();
    for &key in &firsts {
        if let Some(short) = without_legal_suffix(s.str(key))
            && let Some(short) = s.get(short)
        {
            by_short_name.push((short, key));
        }
    }

    // Acronyms: defined in brackets, or the initials of a multi-word name of the text.
    let mut acronyms: HashMap<u32, u32> = HashMap::default();
    for d in defs {
        acronyms.entry(d.acronym).or_insert(d.key);
    }
    for &key in &firsts {
        let text = s.str(key);
        if text.contains(' ') {
            let ini = initials(text);
            if ini.chars().count() >= 2
                && let Some(acronym) = s.get(&ini)
                && info.contains_key(&acronym)
            {
                acronyms.entry(acronym).or_insert(key);
            }
        }
    }
    for (short, full) in by_short_name {
        acronyms.entry(short).or_insert(full);
    }

    // The target of each candidate.
    // Entities in order of first mention; the map only finds them.
    let mut index: HashMap<Target, usize> = HashMap::default();
    let mut builders: Vec<Builder> = Vec::new();
    let names = Names {
        s,
        k,
        info: &info,
        by_last_word: &by_last_word,
        acronyms: &acronyms,
    };
    // The entity each form goes to (or `SKIP`), worked out at its first mention: its name,
    // kind and aliases only change then (a form offers the same name and alias every time).
    // Whether the mentions kept are in order and apart, as the finders make them: then there
    // are no overlaps to remove.
    let mut apart = true;
    let mut last_end = 0u32;
    let mut goes_to: Vec<u32> = vec![TODO; s.form_count()];
    let mut counts: Vec<u32> = Vec::new();
    for c in &cands {
        let mut at = goes_to[c.form as usize];
        if at == TODO {
            let form = s.form(c.form);
            at = match names.resolve(&form) {
                None => SKIP,
                Some((target, kind, name)) => {
                    let is_name = matches!(target, Target::Name(_));
                    let at = *index.entry(target).or_insert_with(|| {
                        builders.push(Builder {
                            name: name.to_string(),
                            kind,
                            aliases: Vec::new(),
                        });
                        counts.push(0);
                        builders.len() - 1
                    });
                    let b = &mut builders[at];
                    if name.len() > b.name.len() && is_name {
                        b.name = name.to_string();
                    }
                    if !b.aliases.contains(&form.key) {
                        b.aliases.push(form.key);
                    }
                    u32::try_from(at).expect("fewer than 2^32 entities")
                }
            };
            goes_to[c.form as usize] = at;
        }
        if at == SKIP {
            continue;
        }
        apart &= c.start >= last_end && c.end > c.start;
        last_end = c.end;
        counts[at as usize] += 1;
    }
    // Mentions: every entity's in one array of the right size, entity after entity, which
    // the entities and the cast's mention index then share.
    let mut offsets = counts;
    offsets.push(0);
    let mut total = 0;
    for n in &mut offsets {
        (*n, total) = (total, total + *n);
    }
    let mut fill = offsets.clone();
    let mut store = vec![Mention { start: 0, end: 0 }; total as usize];
    for c in &cands {
        let at = goes_to[c.form as usize];
        if at != SKIP {
            let next = &mut fill[at as usize];
            store[*next as usize] = Mention {
                start: c.start,
                end: c.end,
            };
            *next += 1;
        }
    }
    drop(fill);
    drop(index);
    drop(cands);
    let store = std::sync::Arc::new(store);

    let entities = builders
        .into_iter()
        .zip(offsets.windows(2))
        .map(|(b, range)| Entity {
            id: String::new(),
            name: b.name,
            kind: b.kind,
            aliases: b.aliases.iter().map(|&a| s.str(a).to_string()).collect(),
            mentions: Mentions::shared(&store, range[0] as usize..range[1] as usize),
        })
        .collect();
    entity::finalize(if apart {
        entities
    } else {
        without_overlaps(entities)
    })
}

/// What the whole document says about names, to resolve each candidate.
struct Names<'a> {
    s: &'a Strings,
    k: &'a Knowledge,
    info: &'a HashMap<u32, NameInfo>,
    by_last_word: &'a HashMap<u32, u32>,
    acronyms: &'a HashMap<u32, u32>,
}

impl<'a> Names<'a> {
    /// The full name of the person a single word stands for, if any.
    fn person_of(&self, key: u32) -> Option<u32> {
        if self.s.str(key).contains(' ') {
            return None;
        }
        self.by_last_word
            .get(&key)
            .copied()
            .filter(|full| *full != key)
    }

    /// Where a candidate goes: its entity, the kind of that entity and the name it offers.
    fn resolve(&self, c: &Form) -> Option<(Target, Kind, &'a str)> {
        let (s, k) = (self.s, self.k);
        match c.reading {
            Packed::Value { kind, norm } => Some((Target::Value(kind, norm), kind, s.str(c.key))),
            Packed::Known { canon, demonym } => {
                let entry = k.canon_of(canon);
                // "Washington" after "George Washington" is the man, not the city.
                if entry.kind == Kind::Place
                    && let Some(full) = self.person_of(c.key)
                {
                    return Some((Target::Name(full), Kind::Person, s.str(full)));
                }
                if demonym {
                    return Some((Target::Nationality(canon), Kind::Group, s.str(c.key)));
                }
                Some((Target::Canon(canon), entry.kind, entry.name))
            }
            Packed::Name { .. } => {
                let key = s.str(c.key);
                // "Acme Corp." when the gazetteer knows "Acme".
                if let Some(short) = without_legal_suffix(key)
                    && let Some(r) = k.name(short)
                    && k.canon(r).kind == Kind::Organization
                {
                    let entry = k.canon(r);
                    return Some((Target::Canon(r.canon), entry.kind, entry.name));
                }
                if let Some(long) = self.acronyms.get(&c.key).copied().filter(|l| *l != c.key) {
                    // The acronym joins its long form, known or not.
                    let long_text = s.str(long);
                    if let Some(r) = k.name(long_text) {
                        let entry = k.canon(r);
                        return Some((Target::Canon(r.canon), entry.kind, entry.name));
                    }
                    let kind = self
                        .info
                        .get(&long)
                        .and_then(NameInfo::kind)
                        .map_or(Kind::Organization, |(kind, _)| kind);
                    return Some((Target::Name(long), kind, long_text));
                }
                // After explicit aliases (acronyms, short company names): a surname alone.
                if let Some(full) = self.person_of(c.key) {
                    return Some((Target::Name(full), Kind::Person, s.str(full)));
                }
                let i = self.info.get(&c.key)?;
                let kind = i.kind();
                if i.all_doubtful && kind.is_none_or(|(_, s)| s < Strength::Good) {
                    return None;
                }
                let kind = kind.map_or(Kind::Other, |(kind, _)| kind);
                Some((Target::Name(c.key), kind, key))
            }
        }
    }
}

/// Keeps mentions of different entities apart: a later mention overlapping an earlier kept one
/// is dropped. The finders never produce overlaps; this makes it a guarantee.
fn without_overlaps(mut entities: Vec<Entity>) -> Vec<Entity> {
    let mut lists: Vec<Vec<Mention>> = Vec::with_capacity(entities.len());
    let mut all: Vec<(Mention, u32)> = entities
        .iter()
        .enumerate()
        .flat_map(|(i, e)| {
            let i = u32::try_from(i).expect("fewer than 2^32 entities");
            e.mentions.iter().map(move |m| (*m, i))
        })
        .collect();
    all.sort_unstable();
    lists.resize(entities.len(), Vec::new());
    let mut last_end = 0u32;
    for (m, i) in all {
        if m.start >= last_end && !m.is_empty() {
            lists[i as usize].push(m);
            last_end = m.end;
        }
    }
    for (e, list) in entities.iter_mut().zip(lists) {
        e.mentions = list.into();
    }
    entities
}
