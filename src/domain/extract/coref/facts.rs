//! What the whole document says about each entity, gathered before resolving: the sort of
//! thing it is (person, organisation, country...), a person's gender, the type nouns that can
//! stand for it ("the company", "the city") and the one entity each such noun fits in the
//! whole text (if only one), the roles the text gives a person ("Prime
//! Minister X", "X, the defence secretary") and ages ("X, 45,").
//!
//! Pure functions of the entities and the text around their name mentions, so the same facts
//! come out whether the document is read in one piece or many.

use rustc_hash::FxHashMap as HashMap;

use super::super::knowledge::{Gender, Knowledge};
use super::around::{self, Said};
use super::class::Class;
use super::focus::Focus;
use super::in_text::Named;
use super::types;
use crate::domain::entity::Entity;

/// Per entity (by index), and the roles and ages the text gives.
pub struct Facts {
    pub class: Vec<Class>,
    /// A person's gender, when the document shows one and only one.
    pub gender: Vec<Option<Gender>>,
    /// Which type nouns can stand for the entity (bit `i`: `types::NOUNS[i]`).
    pub types: Vec<u64>,
    /// How many times the text names it: what a document is most about.
    pub weight: Vec<u32>,
    /// For each type noun (by bit), the one entity of the document it fits and where that
    /// entity is first named, when exactly one fits ("the mosque" in a text that names one
    /// mosque).
    only_fit: Vec<Option<(u32, u32)>>,
    /// Role (lower case, words joined by spaces) → its number in `role_holders`.
    roles: HashMap<String, u32>,
    role_holders: Holders,
    /// First words of the roles, to reject most words at once.
    role_first: rustc_hash::FxHashSet<String>,
    /// The shapes of `role_first`'s words, to tell most other words at once (see
    /// [`Shapes`]).
    role_first_shapes: Shapes,
    /// The people given each age ("X, 45,"), by age.
    age_holders: Holders,
}

/// The people given each of a few things (a role, an age), with where each was first given.
#[derive(Default)]
struct Holders {
    /// By thing: the people, in the order they were first given it.
    by_thing: HashMap<u32, Vec<(u32, u32)>>,
    /// (thing, person) → where it was first given.
    first: HashMap<(u32, u32), u32>,
}

impl Holders {
    /// Notes that `entity` is given `thing` at byte `at` (calls come in the order of the
    /// text).
    fn give(&mut self, thing: u32, entity: u32, at: u32) {
        if let std::collections::hash_map::Entry::Vacant(v) = self.first.entry((thing, entity)) {
            v.insert(at);
            self.by_thing.entry(thing).or_default().push((entity, at));
        }
    }

    /// The person meant by `thing` at byte `at`: the one it was given to before `at`, or,
    /// when several had it by then, the one of them in focus, if no other of them is.
    fn the_one(&self, thing: u32, at: usize, focus: &Focus) -> Option<u32> {
        let all = self.by_thing.get(&thing)?;
        let before = all.partition_point(|&(_, first)| (first as usize) < at);
        match before {
            0 => None,
            1 => Some(all[0].0),
            _ => {
                let holds = |e: u32| {
                    (self.first.get(&(thing, e))).is_some_and(|&first| (first as usize) < at)
                };
                let mut in_focus = (focus.newest_first(at as u32))
                    .map(|s| s.entity)
                    .filter(|&e| holds(e));
                let first = in_focus.next()?;
                in_focus.all(|e| e == first).then_some(first)
            }
        }
    }
}

/// The first letters and lengths of a set of words: a word whose shape none of them has is
/// not among them, told without hashing it (asked of the word after most "the"s).
#[derive(Default)]
struct Shapes {
    /// For each letter a-z, bit `n` set when a word of `n` bytes (31: of 31 or more) starts
    /// with it.
    lengths: [u32; 26],
    /// Whether a word starts with something else than a letter a-z.
    other: bool,
}

impl Shapes {
    fn add(&mut self, word: &str) {
        match Self::slot(word) {
            Some((letter, bit)) => self.lengths[letter] |= bit,
            None => self.other = true,
        }
    }

    /// False only when no word added has the shape of `word`.
    fn may_hold(&self, word: &str) -> bool {
        match Self::slot(word) {
            Some((letter, bit)) => self.lengths[letter] & bit != 0,
            None => self.other,
        }
    }

    /// False only when no word added has `len` bytes and starts with `first`.
    fn may_hold_shape(&self, first: u8, len: usize) -> bool {
        if first.is_ascii_lowercase() {
            (self.lengths[usize::from(first - b'a')] >> len.min(31)) & 1 != 0
        } else {
            self.other
        }
    }

    /// The letter's entry and the length's bit of a word that starts with a letter a-z.
    fn slot(word: &str) -> Option<(usize, u32)> {
        let first = *word.as_bytes().first()?;
        first
            .is_ascii_lowercase()
            .then(|| (usize::from(first - b'a'), 1 << word.len().min(31)))
    }
}

/// For each type noun's bit, the one entity that `types` says it fits, with where that entity is
/// first named; `None` when none or several fit.
fn only_fit(entities: &[Entity], types: &[u64]) -> Vec<Option<(u32, u32)>> {
    let mut out: Vec<Option<Option<(u32, u32)>>> = vec![None; 64];
    for (i, (e, &mask)) in entities.iter().zip(types).enumerate() {
        let Some(first) = e.mentions.first() else {
            continue;
        };
        let mut bits = mask;
        while bits != 0 {
            let bit = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            out[bit] = match out[bit] {
                None => Some(Some((i as u32, first.start))),
                Some(_) => Some(None),
            };
        }
    }
    out.into_iter().map(Option::flatten).collect()
}

/// Honorifics that say a man or a woman (lower case, without a full stop).
const MALE_TITLES: &[&str] = &[
    "mr",
    "sir",
    "lord",
    "king",
    "prince",
    "duke",
    "earl",
    "baron",
    "count",
    "emperor",
    "sultan",
    "emir",
    "sheikh",
    "father",
    "brother",
    "monsignor",
    "rabbi",
    "imam",
    "ayatollah",
    "pope",
    "archbishop",
    "cardinal",
    "grand duke",
    "crown prince",
];
const FEMALE_TITLES: &[&str] = &[
    "mrs",
    "ms",
    "miss",
    "madam",
    "madame",
    "mme",
    "lady",
    "dame",
    "queen",
    "princess",
    "duchess",
    "countess",
    "baroness",
    "empress",
    "sister",
    "mother",
    "crown princess",
];

/// Role nouns that say a man or a woman ("X, the spokeswoman").
const MALE_ROLES: &[&str] = &[
    "spokesman",
    "chairman",
    "businessman",
    "congressman",
    "councilman",
    "actor",
    "father",
    "husband",
    "son",
    "brother",
    "uncle",
    "nephew",
    "grandfather",
    "boyfriend",
    "man",
    "boy",
    "king",
    "prince",
    "monk",
    "priest",
    "waiter",
    "policeman",
    "sportsman",
    "anchorman",
];
const FEMALE_ROLES: &[&str] = &[
    "spokeswoman",
    "chairwoman",
    "businesswoman",
    "congresswoman",
    "councilwoman",
    "actress",
    "mother",
    "wife",
    "daughter",
    "sister",
    "aunt",
    "niece",
    "grandmother",
    "girlfriend",
    "woman",
    "girl",
    "queen",
    "princess",
    "nun",
    "waitress",
    "policewoman",
    "sportswoman",
    "widow",
    "heiress",
];

/// Words that never make a role on their own although titles lists hold them (honorifics).
fn is_honorific(role: &str) -> bool {
    MALE_TITLES.contains(&role)
        || FEMALE_TITLES.contains(&role)
        || matches!(role, "dr" | "prof" | "rev" | "hon" | "mx")
}

fn gender_of_role(role: &str) -> Option<Gender> {
    let head = role.rsplit(' ').next().unwrap_or(role);
    if MALE_TITLES.contains(&role) || MALE_ROLES.contains(&head) {
        Some(Gender::Male)
    } else if FEMALE_TITLES.contains(&role) || FEMALE_ROLES.contains(&head) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// Gender evidence so far: none, one gender, or both (then none is trusted).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Evidence {
    None,
    One(Gender),
    Mixed,
}

impl Evidence {
    fn add(&mut self, g: Gender) {
        *self = match *self {
            Evidence::None => Evidence::One(g),
            Evidence::One(h) if h == g => Evidence::One(g),
            _ => Evidence::Mixed,
        };
    }

    /// Adds what `other` saw.
    fn join(&mut self, other: Evidence) {
        match other {
            Evidence::None => {}
            Evidence::One(g) => self.add(g),
            Evidence::Mixed => *self = Evidence::Mixed,
        }
    }
}

/// The gender each person's given names say (the first word of a name of several words:
/// "Daniel Montalvo" → Daniel). `class`: the class of each entity.
fn given_names(entities: &[Entity], class: &[Class], k: &Knowledge) -> Vec<Evidence> {
    let mut evidence = vec![Evidence::None; entities.len()];
    for (i, e) in entities.iter().enumerate() {
        if class[i] != Class::Person {
            continue;
        }
        let names = std::iter::once(e.name.as_str()).chain(e.aliases.iter().map(|a| a.as_str()));
        for name in names {
            if let Some((first, _)) = name.split_once(' ')
                && let Some(g) = k.gender_of_given_name(first)
            {
                evidence[i].add(g);
            }
        }
    }
    evidence
}

impl Facts {
    /// Gathers the facts. `names`: every name mention with its entity, in the order of the
    /// text (what is around them is read on `jobs` threads).
    pub fn gather(
        text: &[u8],
        entities: &[Entity],
        k: &Knowledge,
        names: &[Named],
        jobs: usize,
    ) -> Facts {
        let class: Vec<Class> = entities.iter().map(|e| Class::of(e.kind)).collect();
        // What the entities tell of themselves (given names, the nouns their names hold)
        // needs nothing the words around their mentions say: when those are read on several
        // threads, worked out on one of its own meanwhile.
        let of_entities = || {
            let evidence = given_names(entities, &class, k);
            let types: Vec<u64> = (entities.iter().zip(&class))
                .map(|(e, &c)| types::fitting(e, c, k))
                .collect();
            (evidence, types)
        };
        let mut facts = Facts {
            class: Vec::new(),
            gender: Vec::new(),
            types: vec![0; entities.len()],
            weight: entities.iter().map(|e| e.mentions.len() as u32).collect(),
            only_fit: Vec::new(),
            roles: HashMap::default(),
            role_holders: Holders::default(),
            role_first: rustc_hash::FxHashSet::default(),
            role_first_shapes: Shapes::default(),
            age_holders: Holders::default(),
        };
        let mut evidence: Vec<Evidence> = vec![Evidence::None; entities.len()];
        let mut read_around = || {
            around::said(text, names, &class, k, jobs, |i, said| {
                let (entity, at) = (names[i].entity() as usize, names[i].start);
                match said {
                    Said::Type(bits) => facts.types[entity] |= bits,
                    Said::Person { roles, age } => {
                        for role in roles {
                            if let Some(g) = gender_of_role(&role) {
                                evidence[entity].add(g);
                            }
                            if !is_honorific(&role) {
                                facts.give_role(role, entity as u32, at);
                            }
                        }
                        if let Some(age) = age {
                            (facts.age_holders).give(u32::from(age), entity as u32, at);
                        }
                    }
                }
            });
        };
        let (given, fitting) = if around::on_threads(names, jobs) {
            std::thread::scope(|scope| {
                let of_entities = scope.spawn(of_entities);
                read_around();
                (of_entities.join()).unwrap_or_else(|p| std::panic::resume_unwind(p))
            })
        } else {
            read_around();
            of_entities()
        };
        // Both are sets of what was seen: the order they are joined in changes nothing.
        for (said, given) in evidence.iter_mut().zip(given) {
            said.join(given);
        }
        for (said, fits) in facts.types.iter_mut().zip(fitting) {
            *said |= fits;
        }
        facts.class = class;
        facts.only_fit = only_fit(entities, &facts.types);
        facts.gender = evidence
            .into_iter()
            .map(|e| match e {
                Evidence::One(g) => Some(g),
                _ => None,
            })
            .collect();
        facts
    }

    /// The one entity of the document that the type noun of bit `bit` fits, if it was named
    /// before byte `at`.
    pub fn only_fit(&self, bit: u64, at: usize) -> Option<u32> {
        let (entity, first) = (self.only_fit.get(bit.trailing_zeros() as usize))?.as_ref()?;
        ((*first as usize) < at).then_some(*entity)
    }

    fn give_role(&mut self, role: String, entity: u32, at: u32) {
        // "defence secretary" is also "the secretary".
        let head = role.rsplit_once(' ').map(|(_, h)| h.to_string());
        for r in std::iter::once(role).chain(head) {
            let first = r.split(' ').next().unwrap_or(&r);
            if !self.role_first.contains(first) {
                self.role_first_shapes.add(first);
                self.role_first.insert(first.to_string());
            }
            let next = self.roles.len() as u32;
            let id = *self.roles.entry(r).or_insert(next);
            self.role_holders.give(id, entity, at);
        }
    }

    /// The person "the `role`" at byte `at` stands for, if the text leaves one (see
    /// `Holders::the_one`).
    pub fn role_holder(&self, role: &str, at: usize, focus: &Focus) -> Option<u32> {
        let &id = self.roles.get(role)?;
        self.role_holders.the_one(id, at, focus)
    }

    /// Whether some role given in the text starts with the word `lower` (or with it less a
    /// possessive "'s").
    pub fn starts_role(&self, lower: &str) -> bool {
        let holds = |w: &str| self.role_first_shapes.may_hold(w) && self.role_first.contains(w);
        holds(lower) || lower.strip_suffix("'s").is_some_and(holds)
    }

    /// False only when no role given in the text starts with a word of `len` bytes whose
    /// first byte is `first` (in lower case), told before the word is lowered.
    pub fn may_start_role(&self, first: u8, len: usize) -> bool {
        self.role_first_shapes.may_hold_shape(first, len)
    }

    /// Whether some person holds `role` anywhere in the text.
    pub fn is_role(&self, role: &str) -> bool {
        self.roles.contains_key(role)
    }

    /// The person "the `age`-year-old" at byte `at` stands for, if the text leaves one.
    pub fn age_holder(&self, age: u16, at: usize, focus: &Focus) -> Option<u32> {
        self.age_holders.the_one(u32::from(age), at, focus)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shape_rules_out_only_words_none_added_has() {
        let added = ["prime", "defence", "co-founder", "45-year-old", "x"];
        let mut shapes = Shapes::default();
        for w in added {
            shapes.add(w);
        }
        let asked = [
            "prime",
            "print",
            "defence",
            "co-founder",
            "colonel",
            "45-year-old",
            "x",
            "y",
            "",
            "'s",
            "president",
            "a-very-long-word-of-many-letters",
        ];
        for w in asked {
            if added.contains(&w) {
                assert!(shapes.may_hold(w), "{w}");
            }
        }
        assert!(shapes.may_hold("print") && !shapes.may_hold("president"));
        assert!(!shapes.may_hold("y") && !shapes.may_hold("colonel"));
        // Words that start with no letter are always looked up.
        assert!(shapes.may_hold("") && shapes.may_hold("'s"));
        assert!(!Shapes::default().may_hold("7") && !Shapes::default().may_hold(""));
    }
}
