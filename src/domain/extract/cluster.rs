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

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;

use super::candidate::{Candidate, Reading, Strength};
use super::knowledge::Knowledge;
use crate::domain::entity::{self, Entity, Kind, Mention};

/// What a mention belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Target {
    Canon(u32),
    /// The nationality of a country that is not named in the text.
    Nationality(u32),
    Name(String),
    Value(Kind, String),
}

/// Everything the document says about one unknown name (by key).
#[derive(Debug, Default)]
struct NameInfo {
    /// Per kind: the strongest evidence and the sum of all evidence.
    evidence: BTreeMap<Kind, (Strength, u32)>,
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
            let e = self.evidence.entry(kind).or_insert((strength, 0));
            e.0 = e.0.max(strength);
            e.1 += strength as u32;
        }
    }

    /// The kind with the strongest evidence, then the most evidence.
    fn kind(&self) -> Option<(Kind, Strength)> {
        self.evidence
            .iter()
            .max_by_key(|(kind, (strength, votes))| (*strength, *votes, std::cmp::Reverse(**kind)))
            .map(|(kind, (strength, _))| (*kind, *strength))
    }
}

struct Builder {
    name: String,
    kind: Kind,
    aliases: Vec<String>,
    mentions: Vec<Mention>,
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

pub fn cluster(cands: Vec<Candidate>, k: &Knowledge) -> Vec<Entity> {
    // What the document says about each unknown name.
    let mut info: HashMap<&str, NameInfo> = HashMap::default();
    for c in &cands {
        if let Reading::Name {
            guess,
            doubtful_start,
        } = &c.reading
        {
            info.entry(c.key.as_str())
                .or_default()
                .add(*guess, *doubtful_start);
        }
    }

    // People by the last word of their full names, first seen first.
    let mut by_last_word: HashMap<&str, &str> = HashMap::default();
    for c in &cands {
        if let Reading::Name { .. } = c.reading
            && c.key.contains(' ')
            && info
                .get(c.key.as_str())
                .and_then(NameInfo::kind)
                .is_some_and(|(kind, _)| kind == Kind::Person)
            && let Some(last) = c.key.rsplit(' ').next()
        {
            by_last_word.entry(last).or_insert(c.key.as_str());
        }
    }

    // Companies by their names without the legal suffix: "Acme Corp." is also "Acme".
    let mut by_short_name: HashMap<&str, &str> = HashMap::default();
    for c in &cands {
        if let Reading::Name { .. } = c.reading
            && let Some(short) = without_legal_suffix(&c.key)
        {
            by_short_name.entry(short).or_insert(c.key.as_str());
        }
    }

    // Acronyms: defined in brackets, or the initials of a multi-word name of the text.
    let mut acronyms: HashMap<&str, &str> = HashMap::default();
    for c in &cands {
        if let Some(a) = &c.defines {
            acronyms.entry(a.as_str()).or_insert(c.key.as_str());
        }
    }
    for c in &cands {
        if matches!(c.reading, Reading::Name { .. }) && c.key.contains(' ') {
            let ini = initials(&c.key);
            if ini.chars().count() >= 2
                && let Some((acronym, _)) = info.get_key_value(ini.as_str())
            {
                acronyms.entry(acronym).or_insert(c.key.as_str());
            }
        }
    }

    // The target of each candidate.
    // Entities in order of first mention; the map only finds them.
    let mut index: HashMap<Target, usize> = HashMap::default();
    let mut builders: Vec<Builder> = Vec::new();
    for (short, full) in by_short_name {
        acronyms.entry(short).or_insert(full);
    }
    for c in &cands {
        let Some((target, kind, name)) = resolve(c, k, &info, &by_last_word, &acronyms) else {
            continue;
        };
        let is_name = matches!(target, Target::Name(_));
        let at = *index.entry(target).or_insert_with(|| {
            builders.push(Builder {
                name: name.clone(),
                kind,
                aliases: Vec::new(),
                mentions: Vec::new(),
            });
            builders.len() - 1
        });
        let b = &mut builders[at];
        if name.len() > b.name.len() && is_name {
            b.name = name;
        }
        if !b.aliases.contains(&c.key) {
            b.aliases.push(c.key.clone());
        }
        b.mentions.push(Mention::new(c.start..c.end));
    }

    let entities = builders
        .into_iter()
        .map(|b| Entity {
            id: String::new(),
            name: b.name,
            kind: b.kind,
            aliases: b.aliases,
            mentions: b.mentions,
        })
        .collect();
    entity::finalize(without_overlaps(entities))
}

/// Where a candidate goes: its entity, the kind of that entity and the name it offers.
fn resolve(
    c: &Candidate,
    k: &Knowledge,
    info: &HashMap<&str, NameInfo>,
    by_last_word: &HashMap<&str, &str>,
    acronyms: &HashMap<&str, &str>,
) -> Option<(Target, Kind, String)> {
    let person_of = |key: &str| -> Option<&str> {
        if key.contains(' ') {
            return None;
        }
        by_last_word.get(key).copied().filter(|full| *full != key)
    };
    match &c.reading {
        Reading::Value { kind, norm } => {
            Some((Target::Value(*kind, norm.clone()), *kind, c.key.clone()))
        }
        Reading::Known { canon, demonym } => {
            let entry = k.canon_of(*canon);
            // "Washington" after "George Washington" is the man, not the city.
            if entry.kind == Kind::Place
                && let Some(full) = person_of(&c.key)
            {
                return Some((
                    Target::Name(full.to_string()),
                    Kind::Person,
                    full.to_string(),
                ));
            }
            if *demonym {
                return Some((Target::Nationality(*canon), Kind::Group, c.key.clone()));
            }
            Some((Target::Canon(*canon), entry.kind, entry.name.to_string()))
        }
        Reading::Name { .. } => {
            // "Acme Corp." when the gazetteer knows "Acme".
            if let Some(short) = without_legal_suffix(&c.key)
                && let Some(r) = k.name(short)
                && k.canon(r).kind == Kind::Organization
            {
                let entry = k.canon(r);
                return Some((Target::Canon(r.canon), entry.kind, entry.name.to_string()));
            }
            if let Some(long) = acronyms
                .get(c.key.as_str())
                .copied()
                .filter(|l| *l != c.key)
            {
                // The acronym joins its long form, known or not.
                if let Some(r) = k.name(long) {
                    let entry = k.canon(r);
                    return Some((Target::Canon(r.canon), entry.kind, entry.name.to_string()));
                }
                let kind = info
                    .get(long)
                    .and_then(NameInfo::kind)
                    .map_or(Kind::Organization, |(kind, _)| kind);
                return Some((Target::Name(long.to_string()), kind, long.to_string()));
            }
            // After explicit aliases (acronyms, short company names): a surname alone.
            if let Some(full) = person_of(&c.key) {
                return Some((
                    Target::Name(full.to_string()),
                    Kind::Person,
                    full.to_string(),
                ));
            }
            let i = info.get(c.key.as_str())?;
            let kind = i.kind();
            if i.all_doubtful && kind.is_none_or(|(_, s)| s < Strength::Good) {
                return None;
            }
            let kind = kind.map_or(Kind::Other, |(kind, _)| kind);
            Some((Target::Name(c.key.clone()), kind, c.key.clone()))
        }
    }
}

/// Keeps mentions of different entities apart: a later mention overlapping an earlier kept one
/// is dropped. The finders never produce overlaps; this makes it a guarantee.
fn without_overlaps(mut entities: Vec<Entity>) -> Vec<Entity> {
    let mut all: Vec<(Mention, usize)> = entities
        .iter()
        .enumerate()
        .flat_map(|(i, e)| e.mentions.iter().map(move |m| (*m, i)))
        .collect();
    all.sort_unstable();
    let mut keep: Vec<Vec<Mention>> = vec![Vec::new(); entities.len()];
    let mut last_end = 0u32;
    for (m, i) in all {
        if m.start >= last_end && !m.is_empty() {
            keep[i].push(m);
            last_end = m.end;
        }
    }
    for (e, k) in entities.iter_mut().zip(keep) {
        e.mentions = k;
    }
    entities
}
