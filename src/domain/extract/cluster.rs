//! Turns the candidates of a whole document into entities: one per real-world thing, with
//! every mention under every alias.
//!
//! Document-level rules live here, because they need every mention first:
//! - a name typed by strong evidence once keeps that kind everywhere ("Mr. Vasquez" ... "Vasquez");
//! - a name stands for another of the text as `aliases` says (a surname alone, an acronym, an
//!   organisation's short forms);
//! - a demonym is a mention of its country when it stands for the state ("Israeli officials")
//!   or the text names the country, and the nationality (a group) when it does not or when it is
//!   a plural ("Afghans");
//! - a name only seen at sentence starts that is also a common word is dropped;
//! - the name shown is one the text uses.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::aliases::{Aliases, without_legal_suffix};
use super::candidate::{Compact, Definition, Form, Packed, Strength, Strings};
use super::knowledge::Knowledge;
use crate::domain::entity::Kind;

mod fill;

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
    /// Evidence of a form used `times` times.
    fn add(&mut self, guess: Option<(Kind, Strength)>, doubtful: bool, times: u32) {
        self.all_doubtful = if self.seen {
            self.all_doubtful && doubtful
        } else {
            doubtful
        };
        self.seen = true;
        if let Some((kind, strength)) = guess {
            let e = self.evidence[kind as usize].get_or_insert((strength, 0));
            e.0 = e.0.max(strength);
            e.1 += strength as u32 * times;
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

    fn said(&self) -> Said {
        Said {
            kind: self.kind(),
            all_doubtful: self.all_doubtful,
        }
    }
}

/// What the whole document says an unknown name is, worked out once from its `NameInfo`
/// (rules ask it many times a name).
#[derive(Debug, Clone, Copy)]
struct Said {
    /// The kind with the strongest evidence, then the most evidence.
    kind: Option<(Kind, Strength)>,
    /// Every mention of it was doubtful (see `Reading::Name`).
    all_doubtful: bool,
}

struct Builder {
    name: String,
    kind: Kind,
    aliases: AliasIds,
    /// For an entity the gazetteer knows: its name there.
    canonical: Option<&'static str>,
}

/// An entity's aliases (string ids), each once, in the order they come. Most entities have
/// one: it is kept without an allocation of its own (one for each of tens of thousands of
/// entities cost a fifteenth of the planning's work).
struct AliasIds {
    first: u32,
    more: Vec<u32>,
}

impl AliasIds {
    fn new(first: u32) -> AliasIds {
        AliasIds {
            first,
            more: Vec::new(),
        }
    }

    fn add(&mut self, key: u32) {
        if key != self.first && !self.more.contains(&key) {
            self.more.push(key);
        }
    }

    fn iter(&self) -> impl Iterator<Item = u32> + Clone + '_ {
        std::iter::once(self.first).chain(self.more.iter().copied())
    }
}

/// The name to show for an entity the gazetteer knows, among those the text gives it: the
/// gazetteer's when the text uses it (in any case: "NEW YORK" is "New York"), else the longest
/// the text uses, in running text before capitals ("Twitter", never the gazetteer's "X Corp");
/// a demonym if only demonyms name it ("Dutch officials": Dutch, never "Netherlands").
fn text_name<'a>(canonical: &'a str, aliases: &AliasIds, s: &'a Strings, k: &Knowledge) -> &'a str {
    let is_demonym = |a: &str| k.name(a).is_some_and(|r| r.demonym);
    let names = aliases.iter().map(|a| s.str(a));
    let only_demonyms = names.clone().all(is_demonym);
    let mut longest: Option<&str> = None;
    for name in names.filter(|a| only_demonyms || !is_demonym(a)) {
        // Two ASCII names differ in lower case as they do ignoring ASCII case: lowered only
        // when one is not (twice an allocation for every alias of every known entity).
        let ascii = name.is_ascii() && canonical.is_ascii();
        if name.eq_ignore_ascii_case(canonical)
            || !ascii && name.to_lowercase() == canonical.to_lowercase()
        {
            return canonical;
        }
        // Written as in running text before in capitals ("New York", not "NEW YORK").
        let rank = |n: &str| (n.chars().any(char::is_lowercase), n.len());
        if longest.is_none_or(|l| rank(name) > rank(l)) {
            longest = Some(name);
        }
    }
    longest.unwrap_or(canonical)
}

/// `cluster`'s mark for a form that makes no entity (or is not used).
const SKIP: u32 = u32::MAX;

/// Which entity each form of the candidates makes, and the entities without their mentions:
/// all that clustering needs of the strings (see [`Plan::fill`] for the rest).
pub fn plan(cands: &[Compact], defs: &[Definition], s: &Strings, k: &Knowledge) -> Plan {
    // Everything below but the mentions' store depends only on each form and how often it
    // is used: worked out once per form, in the order the forms are first used.
    let uses = Uses::of(cands, s);

    // What the document says about each unknown name.
    let mut info: HashMap<u32, NameInfo> = HashMap::default();
    for (form, times) in uses.forms() {
        if let Packed::Name {
            guess,
            doubtful_start,
        } = form.reading
        {
            (info.entry(form.key).or_default()).add(guess, doubtful_start, times);
        }
    }
    let mut said: Vec<Option<Said>> = vec![None; s.count()];
    for (&key, i) in &info {
        said[key as usize] = Some(i.said());
    }
    drop(info);
    let info = said;

    // Each distinct name is looked at once below, at its first mention: what follows depends
    // only on the name, and the maps keep what they saw first.
    let mut firsts: Vec<u32> = Vec::new();
    let mut known: Vec<Form> = Vec::new();
    let mut seen = vec![false; s.count()];
    // The countries (and other known entities) the text names, not only by a demonym.
    let mut named: HashSet<u32> = HashSet::default();
    for (form, _) in uses.forms() {
        match form.reading {
            Packed::Name { .. } if !std::mem::replace(&mut seen[form.key as usize], true) => {
                firsts.push(form.key);
            }
            Packed::Known { canon, demonym } => {
                known.push(form);
                // Named, or a demonym that stands for the state ("Dutch officials"): the
                // country acts in the text, and its other demonyms are mentions of it.
                if !demonym {
                    named.insert(canon);
                }
            }
            _ => {}
        }
    }
    drop(seen);
    let aliases = Aliases::new(
        &firsts,
        &known,
        |key| info[key as usize].and_then(|i| i.kind),
        defs,
        s,
        k,
    );

    // The target of each candidate.
    // Entities in order of first mention; the map only finds them.
    let mut index: HashMap<Target, usize> = HashMap::default();
    let mut builders: Vec<Builder> = Vec::new();
    let names = Names {
        s,
        k,
        info: &info,
        aliases: &aliases,
        named: &named,
    };
    // The entity each form goes to (or `SKIP`), worked out in the order of first mentions: an
    // entity's name, kind and aliases change only at a form's first mention (a form offers the
    // same name and alias every time).
    let mut goes_to: Vec<u32> = vec![SKIP; s.form_count()];
    // Forms that are a country's demonym standing for it ("Israeli officials"): mentions of the
    // country, written as demonyms.
    let mut demonyms: Vec<bool> = vec![false; s.form_count()];
    // Forms whose mentions are only their first word, in bytes (0: all of it): "Hockney" of
    // "the Hockney Sketchbooks", a mention of David Hockney.
    let mut first_word: Vec<u32> = vec![0; s.form_count()];
    let mut counts: Vec<u32> = Vec::new();
    for (f, (form, times)) in uses.order.iter().zip(uses.forms()) {
        let f = *f as usize;
        let mut form = form;
        let resolved = match (form.reading, aliases.named_after(form.key)) {
            (Packed::Name { .. }, Some((person, surname))) => {
                // The surname is the alias, if the text also writes it alone.
                let key = s.str(form.key);
                form.key = s.get(&key[..surname as usize]).unwrap_or(person);
                first_word[f] = surname;
                Some((Target::Name(person), Kind::Person, s.str(person)))
            }
            _ => names.resolve(&form),
        };
        let Some((target, kind, name)) = resolved else {
            continue;
        };
        let is_name = matches!(target, Target::Name(_));
        let demonym = matches!(form.reading, Packed::Known { .. })
            && k.name(s.str(form.key)).is_some_and(|r| r.demonym);
        // "an Australian woman", "French television": the adjective of a nationality the text
        // does not name is a demonym too; its plural names the people ("Afghans say").
        let adjective = || {
            let key = s.str(form.key);
            !key.strip_suffix('s')
                .and_then(|one| k.name(one))
                .is_some_and(|r| r.demonym)
        };
        demonyms[f] = demonym
            && match target {
                Target::Canon(_) => true,
                Target::Nationality(_) => adjective(),
                _ => false,
            };
        let at = *index.entry(target).or_insert_with(|| {
            builders.push(Builder {
                name: name.to_string(),
                kind,
                aliases: AliasIds::new(form.key),
                canonical: match target {
                    Target::Canon(canon) => Some(k.canon_of(canon).name),
                    _ => None,
                },
            });
            counts.push(0);
            builders.len() - 1
        });
        let b = &mut builders[at];
        if name.len() > b.name.len() && is_name {
            b.name = name.to_string();
        }
        b.aliases.add(form.key);
        counts[at] += times;
        goes_to[f] = u32::try_from(at).expect("fewer than 2^32 entities");
    }
    drop(uses);
    let entities = builders
        .into_iter()
        .map(|b| Shell {
            name: match b.canonical {
                Some(canonical) => text_name(canonical, &b.aliases, s, k).to_string(),
                None => b.name,
            },
            kind: b.kind,
            aliases: b.aliases.iter().map(|a| s.str(a).to_string()).collect(),
        })
        .collect();
    Plan {
        entities,
        counts,
        goes_to,
        first_word,
        demonyms,
    }
}

/// An entity without its mentions.
struct Shell {
    name: String,
    kind: Kind,
    aliases: Vec<String>,
}

/// What [`plan`] worked out of the forms, by form id, and the entities it gives.
pub struct Plan {
    /// In order of first mention.
    entities: Vec<Shell>,
    /// How many mentions each entity has.
    counts: Vec<u32>,
    /// The entity each form goes to, or `SKIP`.
    goes_to: Vec<u32>,
    /// The length of the first word, for a form whose mentions are only that word.
    first_word: Vec<u32>,
    /// Whether a form's mentions are demonyms.
    demonyms: Vec<bool>,
}

/// How often each form is used, and the forms in the order they are first used.
struct Uses<'a> {
    times: Vec<u32>,
    order: Vec<u32>,
    s: &'a Strings,
}

impl<'a> Uses<'a> {
    fn of(cands: &[Compact], s: &'a Strings) -> Uses<'a> {
        let mut times = vec![0u32; s.form_count()];
        let mut order = Vec::new();
        for c in cands {
            let n = &mut times[c.form as usize];
            if *n == 0 {
                order.push(c.form);
            }
            *n += 1;
        }
        Uses { times, order, s }
    }

    /// Each form used, with how often, in the order of first use.
    fn forms(&self) -> impl Iterator<Item = (Form, u32)> + '_ {
        (self.order.iter()).map(|&f| (self.s.form(f), self.times[f as usize]))
    }
}

/// What the whole document says about names, to resolve each candidate.
struct Names<'a> {
    s: &'a Strings,
    k: &'a Knowledge,
    /// By key: what the text says of each unknown name.
    info: &'a [Option<Said>],
    aliases: &'a Aliases,
    /// The known entities the text names, not only by a demonym.
    named: &'a HashSet<u32>,
}

impl<'a> Names<'a> {
    /// What the text says the unknown name `key` is.
    fn kind_of(&self, key: u32) -> Option<(Kind, Strength)> {
        self.info[key as usize].and_then(|i| i.kind)
    }

    /// The full name of the person a single word stands for, if any.
    fn person_of(&self, key: u32) -> Option<u32> {
        self.aliases.person_of(key, self.s)
    }

    /// Where a candidate goes: its entity, the kind of that entity and the name it offers
    /// (for an entity the gazetteer knows, the name is chosen among its aliases at the end).
    fn resolve(&self, c: &Form) -> Option<(Target, Kind, &'a str)> {
        let (s, k) = (self.s, self.k);
        let known = |canon: u32| {
            let entry = k.canon_of(canon);
            Some((Target::Canon(canon), entry.kind, entry.name))
        };
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
                // "the Syrian Arab News Agency (SANA) ... Sana reported": a place's name that
                // the text defines as an acronym (in any case) stands for the long form.
                if entry.kind == Kind::Place
                    && let Some(long) = self.aliases.long_form(c.key).or_else(|| {
                        let upper = s.str(c.key).to_uppercase();
                        s.get(&upper).and_then(|u| self.aliases.long_form(u))
                    })
                {
                    let kind = self
                        .kind_of(long)
                        .map_or(Kind::Organization, |(kind, _)| kind);
                    return Some((Target::Name(long), kind, s.str(long)));
                }
                // "Sana" after "the news agency Sana", "Jackson" after "President Jackson": what
                // the text says for sure the name is.
                if entry.kind == Kind::Place
                    && let Some((kind, st)) = self.kind_of(c.key)
                    && kind != Kind::Place
                    && st == Strength::Strong
                {
                    return Some((Target::Name(c.key), kind, s.str(c.key)));
                }
                // "Lebanese families": Lebanon if the text names it, else the nationality; a
                // plural is the people ("Afghans say").
                let plural = || {
                    let key = s.str(c.key);
                    key.strip_suffix('s')
                        .and_then(|one| k.name(one))
                        .is_some_and(|r| r.demonym && r.canon == canon)
                };
                if demonym && (!self.named.contains(&canon) || plural()) {
                    return Some((Target::Nationality(canon), Kind::Group, s.str(c.key)));
                }
                known(canon)
            }
            Packed::Name { .. } => {
                let key = s.str(c.key);
                // "Acme Corp." when the gazetteer knows "Acme".
                if let Some(short) = without_legal_suffix(key)
                    && let Some(r) = k.name(short)
                    && k.canon(r).kind == Kind::Organization
                {
                    return known(r.canon);
                }
                if let Some(canon) = self.aliases.known_long_form(c.key) {
                    return known(canon);
                }
                if let Some(long) = self.aliases.long_form(c.key) {
                    // The short form joins its long form, known or not.
                    let long_text = s.str(long);
                    if let Some(r) = k.name(long_text) {
                        return known(r.canon);
                    }
                    let kind = self
                        .kind_of(long)
                        .map_or(Kind::Organization, |(kind, _)| kind);
                    return Some((Target::Name(long), kind, long_text));
                }
                // After explicit aliases (acronyms, short company names): a surname alone, or
                // the given name of only one person, if nothing says it is something else.
                let own = self.kind_of(c.key);
                let maybe_person =
                    own.is_none_or(|(kind, st)| kind == Kind::Person || st < Strength::Good);
                if let Some(full) = self.person_of(c.key).or_else(|| {
                    maybe_person
                        .then(|| self.aliases.person_by_given_name(c.key, s, k))
                        .flatten()
                }) {
                    return Some((Target::Name(full), Kind::Person, s.str(full)));
                }
                // "the North" when the text names North Korea.
                if let Some(canon) = self.aliases.compass(c.key) {
                    return known(canon);
                }
                let i = self.info[c.key as usize]?;
                let kind = i.kind;
                if i.all_doubtful && kind.is_none_or(|(_, s)| s < Strength::Good) {
                    return None;
                }
                let kind = kind.map_or(Kind::Other, |(kind, _)| kind);
                Some((Target::Name(c.key), kind, key))
            }
        }
    }
}
