//! Which name of a document another one stands for, once the whole document is read: a surname
//! or a given name alone for a person's full name, an acronym or a short form for an
//! organisation's full name, "the North" for the one country of the text that starts with it.
//!
//! Every rule here needs the names of the whole text, and joins a name only to one that the
//! text also uses: an alias that could stand for two names of the text joins neither.

use std::borrow::Cow;

use rustc_hash::FxHashMap as HashMap;

use super::candidate::{Definition, Form, Packed, Strength, Strings};
use super::knowledge::Knowledge;
use super::runs::NAME_PARTICLES;
use super::typing::COMPASS;
use crate::domain::entity::Kind;

/// Particles written joined to a surname: "al-Kazemi" is also "Kazemi".
const JOINED_PARTICLES: &[&str] = &[
    "al-", "Al-", "el-", "El-", "ad-", "as-", "ash-", "at-", "an-", "ar-", "az-", "bin-", "ben-",
    "abu-", "Abu-",
];

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

/// `text` cut at its first space. Names are a few bytes long: a loop over their bytes costs
/// less than a `char` pattern's search, which asked for a tenth of the clustering's work.
fn at_first_space(text: &str) -> Option<(&str, &str)> {
    let i = text.bytes().position(|b| b == b' ')?;
    Some((&text[..i], &text[i + 1..]))
}

/// `text` cut at its last space (see [`at_first_space`]).
fn at_last_space(text: &str) -> Option<(&str, &str)> {
    let i = text.bytes().rposition(|b| b == b' ')?;
    Some((&text[..i], &text[i + 1..]))
}

fn has_space(text: &str) -> bool {
    text.bytes().any(|b| b == b' ')
}

/// The words of a name, as `text.split(' ')` gives them (see [`at_first_space`]).
fn words(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let text = rest?;
        let (word, after) = at_first_space(text).map_or((text, None), |(w, r)| (w, Some(r)));
        rest = after;
        Some(word)
    })
}

/// "Acme Corp." → "Acme"; None if the name has no legal suffix or nothing before it.
pub(super) fn without_legal_suffix(key: &str) -> Option<&str> {
    let (head, last) = at_last_space(key)?;
    let head = head.strip_suffix(" ,").unwrap_or(head);
    (LEGAL_SUFFIXES.contains(&last) && !head.is_empty()).then_some(head)
}

/// The letters of an acronym for a name, into `out` (emptied first): "United Nations" →
/// "UN", "Hay'at Tahrir al-Sham" → "HTS" (the name after a joined particle).
fn initials(key: &str, out: &mut String) {
    out.clear();
    for w in words(key) {
        let w = without_particle(w).unwrap_or(w);
        // An ASCII letter without decoding the word (names are mostly ASCII).
        match w.as_bytes().first() {
            Some(&b) if b.is_ascii_uppercase() => out.push(char::from(b)),
            Some(&b) if b.is_ascii() => {}
            Some(_) => out.extend(w.chars().next().filter(|c| c.is_uppercase())),
            None => {}
        }
    }
}

/// "al-Kazemi" → "Kazemi".
fn without_particle(word: &str) -> Option<&str> {
    // Every particle ends with its first hyphen, within five bytes: most words have none.
    let dash = word.bytes().take(5).position(|b| b == b'-')?;
    let (particle, rest) = word.split_at(dash + 1);
    (JOINED_PARTICLES.contains(&particle) && rest.starts_with(char::is_uppercase)).then_some(rest)
}

/// Whether `word` is a name particle ("van", "Van", "DE"). The particles are ASCII, and no
/// other letter lower-cases to one of theirs but the Kelvin sign's "k", which none has.
fn is_name_particle(word: &str) -> bool {
    NAME_PARTICLES.iter().any(|p| p.eq_ignore_ascii_case(word))
}

/// "van Dijk" → "Van Dijk", "al-Kazemi" → "Al-Kazemi".
fn capitalised(name: &str) -> String {
    let mut chars = name.chars();
    chars
        .next()
        .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
}

/// "Jong-un", "Kwok-hung": a syllable, a hyphen and a syllable in lower case.
fn east_asian_given_name(word: &str) -> bool {
    word.split_once('-').is_some_and(|(head, tail)| {
        (1..=6).contains(&head.len())
            && (1..=6).contains(&tail.len())
            && head.starts_with(|c: char| c.is_ascii_uppercase())
            && tail.bytes().all(|b| b.is_ascii_lowercase())
    })
}

/// What one name stands for, for each name that stands for another (by string ids).
#[derive(Default)]
pub(super) struct Aliases {
    /// A word alone → the person whose full name ends with it ("Okafor", "Kazemi" for "Amir
    /// al-Kazemi"), the first such person seen.
    by_last_word: HashMap<u32, u32>,
    /// A given name alone → the only person whose full name starts with it (`None`: several).
    by_first_word: HashMap<u32, Option<u32>>,
    /// A short form → its long form: acronyms, names without their legal suffix, parts of an
    /// organisation's name.
    long_forms: HashMap<u32, u32>,
    /// A name → the organisation the gazetteer knows that it names with a country before it
    /// ("US State Department": State Department).
    known_long_forms: HashMap<u32, u32>,
    /// A name that starts with a person's surname and names a thing of theirs ("the Hockney
    /// Sketchbooks") → (that person's full name, the length of the surname in bytes).
    named_after: HashMap<u32, (u32, u32)>,
    /// A compass word alone ("the North") → the one known name of the text that starts with it.
    by_compass: HashMap<u32, Option<u32>>,
}

/// A multi-map entry that remembers whether it was ever asked for two different values.
/// The first word of a person's name that can stand alone for them: a known given name, or a
/// word that is no common word, or one that is also a name ("Carter", "Delwyn", "Rodaba").
fn given_name_like(w: &str, k: &Knowledge) -> bool {
    k.is_given_name(w)
        || w.starts_with(char::is_uppercase) && {
            let lower = w.to_lowercase();
            !k.is_function_word(&lower) && k.lower_word(&lower).is_none_or(|lw| lw.also_name)
        }
}

fn only_one(map: &mut HashMap<u32, Option<u32>>, key: u32, value: u32) {
    map.entry(key)
        .and_modify(|v| {
            if *v != Some(value) {
                *v = None;
            }
        })
        .or_insert(Some(value));
}

impl Aliases {
    /// `names` are the distinct unknown names of the text in order of first mention, `known`
    /// the distinct gazetteer forms, `kind_of` what the text says each name is.
    pub(super) fn new(
        names: &[u32],
        known: &[Form],
        kind_of: impl Fn(u32) -> Option<(Kind, Strength)>,
        defs: &[Definition],
        s: &Strings,
        k: &Knowledge,
    ) -> Aliases {
        let mut a = Aliases::default();
        let is = |key: u32, kind: Kind| kind_of(key).is_some_and(|(k, _)| k == kind);
        let mut is_name = vec![false; s.count()];
        for &key in names {
            is_name[key as usize] = true;
        }
        // A name the text uses as a name of its own (not a gazetteer form).
        let named = |text: &str| s.get(text).filter(|id| is_name[*id as usize]);

        // Buffers for each person's words and the ways the text may write their surname.
        let (mut words, mut lasts): (Vec<&str>, Vec<Cow<str>>) = (Vec::new(), Vec::new());
        for &key in names.iter().filter(|&&key| is(key, Kind::Person)) {
            let text = s.str(key);
            words.clear();
            words.extend(self::words(text));
            let last = words[words.len() - 1];
            lasts.clear();
            lasts.push(Cow::Borrowed(last));
            lasts.extend(without_particle(last).map(Cow::Borrowed));
            // "van Dijk", "Van Dijk", "El-Sisi": the surname with its particles, also with a
            // capital (at a sentence start).
            let particles = words
                .get(1..words.len() - 1)
                .unwrap_or_default()
                .iter()
                .rev()
                .take_while(|w| is_name_particle(w))
                .count();
            if particles > 0 {
                let with_particles = words[words.len() - 1 - particles..].join(" ");
                lasts.push(Cow::Owned(capitalised(&with_particles)));
                lasts.push(Cow::Owned(with_particles));
            } else if without_particle(last).is_some() {
                lasts.push(Cow::Owned(capitalised(last)));
            }
            // "Kim Jong-un", "Leung Kwok-hung": the surname comes first, before a given name
            // of two joined syllables; "Xi Jinping": a surname that is no given name, before a
            // word that is no given name either.
            let surname_first = |first: &str| {
                k.is_surname(first) && !k.is_given_name(first) && !k.is_given_name(last)
            };
            if words.len() == 2 && (east_asian_given_name(last) || surname_first(words[0])) {
                lasts.push(Cow::Borrowed(words[0]));
            }
            for last in &lasts {
                if (words.len() > 1 || last != text)
                    && let Some(last) = s.get(last)
                {
                    a.by_last_word.entry(last).or_insert(key);
                }
            }
            if words.len() > 1
                && let Some(first) = s.get(words[0])
                && given_name_like(words[0], k)
            {
                only_one(&mut a.by_first_word, first, key);
            }
        }

        // "the Hockney Sketchbooks": a work or collection named after a person of the text,
        // not an organisation, place or person itself. The surname need not be a name of the
        // text alone.
        let mut surnames: HashMap<&str, u32> = HashMap::default();
        for &key in names.iter().filter(|&&key| is(key, Kind::Person)) {
            if let Some((_, last)) = at_last_space(s.str(key)) {
                surnames.entry(last).or_insert(key);
            }
        }
        for &key in names {
            let text = s.str(key);
            let Some((first, rest)) = at_first_space(text) else {
                continue;
            };
            let Some(&person) = surnames.get(first).filter(|&&person| person != key) else {
                continue;
            };
            // One plural common noun, or a collection: "Sketchbooks", "Papers", "Tapes" (not
            // "Cesaroni Design", a company named after its founder).
            let lower = rest.to_lowercase();
            let collection = !has_space(rest)
                && (matches!(rest, "Collection" | "Archive" | "Archives")
                    || lower.strip_suffix('s').is_some_and(|one| {
                        k.lower_word(&lower).is_some() || k.lower_word(one).is_some()
                    }));
            let thing = collection
                && kind_of(key).is_none_or(|(kind, st)| {
                    kind == Kind::Other || kind != Kind::Person && st < Strength::Strong
                })
                && !k.is_kind_word(rest);
            if thing {
                a.named_after.insert(key, (person, first.len() as u32));
            }
        }

        // Acronyms: defined in brackets, or the initials of a multi-word name of the text.
        let known_acronyms: HashMap<&str, u32> = known
            .iter()
            .filter_map(|f| match f.reading {
                Packed::Known { canon, .. } => Some((s.str(f.key), canon)),
                _ => None,
            })
            .filter(|(text, canon)| {
                text.len() >= 2
                    && text.bytes().all(|b| b.is_ascii_uppercase())
                    && k.canon_of(*canon).kind == Kind::Organization
            })
            .collect();
        for d in defs {
            a.long_forms.entry(d.acronym).or_insert(d.key);
        }
        // One buffer for every name's initials (most have none to look up).
        let mut ini = String::new();
        for &key in names {
            let text = s.str(key);
            if has_space(text) {
                initials(text, &mut ini);
                if ini.chars().count() < 2 {
                    continue;
                }
                if let Some(acronym) = named(&ini) {
                    a.long_forms.entry(acronym).or_insert(key);
                } else if let Some(canon) = known_acronyms.get(&*ini)
                    && kind_of(key)
                        .is_none_or(|(kind, st)| kind == Kind::Organization || st < Strength::Good)
                {
                    // "Hay'at Tahrir al-Sham ... HTS", the gazetteer knowing only the acronym
                    // (or another spelling of the long form): the long form is that entity.
                    a.known_long_forms.entry(key).or_insert(*canon);
                }
            }
        }
        // Companies by their names without the legal suffix: "Acme Corp." is also "Acme".
        for &key in names {
            if let Some(short) = without_legal_suffix(s.str(key))
                && let Some(short) = s.get(short)
            {
                a.long_forms.entry(short).or_insert(key);
            }
        }
        // Organisations by part of their names.
        let mut by_head: HashMap<u32, Option<u32>> = HashMap::default();
        for &key in names.iter().filter(|&&key| is(key, Kind::Organization)) {
            let text = s.str(key);
            // "Church of Scientology": "Scientology", unknown to the gazetteer and not typed
            // otherwise; "Comic Corps of Canada": "Comic Corps".
            if let Some((head, what)) = text.split_once(" of ") {
                let what = what.strip_prefix("the ").unwrap_or(what);
                if let Some(id) = named(what)
                    && k.name(what).is_none()
                    && k.lower_word(&what.to_lowercase())
                        .is_none_or(|lw| lw.zipf < 3.0)
                    && kind_of(id).is_none_or(|(kind, st)| {
                        kind == Kind::Organization || st < Strength::Strong
                    })
                {
                    a.long_forms.entry(id).or_insert(key);
                }
                if has_space(head)
                    && let Some(id) = named(head)
                {
                    a.long_forms.entry(id).or_insert(key);
                }
            }
            // "US State Department": "State Department" (not "Netherlands East Indies", an
            // organisation only by a guess).
            let words: Vec<&str> = self::words(text).collect();
            let surely = kind_of(key).is_some_and(|(_, st)| st >= Strength::Good);
            for n in (1..words.len().min(4)).filter(|_| surely) {
                let (prefix, rest) = text.split_at(words[..n].iter().map(|w| w.len() + 1).sum());
                let country = k
                    .name(prefix.trim_end())
                    .is_some_and(|r| !r.demonym && k.canon(r).kind == Kind::Country);
                if !country {
                    continue;
                }
                if let Some(id) = named(rest) {
                    a.long_forms.entry(id).or_insert(key);
                } else if let Some(r) = k.name(rest)
                    && k.canon(r).kind == Kind::Organization
                {
                    // The rest is an organisation the gazetteer knows: the whole is it.
                    a.known_long_forms.insert(key, r.canon);
                }
            }
            // "New People's Party" and "New People Party": written with and without the
            // possessive.
            if text.contains("' ") || text.contains("'s ") {
                let plain = text.replace("'s ", " ").replace("' ", " ");
                if let Some(id) = named(&plain) {
                    a.long_forms.entry(key).or_insert(id);
                }
            }
            // "the Church", "the Ministry": the head word alone, if one organisation of the
            // text starts or ends with it.
            if words.len() > 1 {
                for w in [words[0], words[words.len() - 1]] {
                    if k.is_org_word(w)
                        && let Some(id) = s.get(w)
                    {
                        only_one(&mut by_head, id, key);
                    }
                }
            }
        }
        for (head, full) in by_head {
            if let Some(full) = full {
                a.long_forms.entry(head).or_insert(full);
            }
        }

        // "the North", "the South": a compass word alone for the one country it starts.
        for f in known {
            if let Packed::Known {
                canon,
                demonym: false,
            } = f.reading
                && k.canon_of(canon).kind == Kind::Country
                && let Some((first, _)) = at_first_space(s.str(f.key))
                && COMPASS.contains(&first)
                && let Some(id) = s.get(first)
            {
                only_one(&mut a.by_compass, id, canon);
            }
        }
        a
    }

    /// The full name of the person a single word stands for: the last word of a full name (a
    /// surname, with or without its particle).
    pub(super) fn person_of(&self, key: u32, s: &Strings) -> Option<u32> {
        // Looked up first: most names are no one's last word.
        let full = self.by_last_word.get(&key).copied()?;
        // One word, or a surname after its particles ("van Dijk").
        let one_word = at_first_space(s.str(key)).is_none_or(|(first, _)| is_name_particle(first));
        (one_word && full != key).then_some(full)
    }

    /// The full name of the only person of the text whose given name is the single word `key`
    /// ("Daniel" after "Daniel Montalvo").
    pub(super) fn person_by_given_name(&self, key: u32, s: &Strings, k: &Knowledge) -> Option<u32> {
        // Looked up first: most names are no one's given name.
        let full = self.by_first_word.get(&key).copied().flatten()?;
        let text = s.str(key);
        (full != key && !has_space(text) && given_name_like(text, k)).then_some(full)
    }

    /// The long form a short one stands for: an acronym's, a company's without its legal
    /// suffix, an organisation's part.
    pub(super) fn long_form(&self, key: u32) -> Option<u32> {
        self.long_forms.get(&key).copied().filter(|l| *l != key)
    }

    /// The gazetteer entry a name stands for ("US State Department": State Department).
    pub(super) fn known_long_form(&self, key: u32) -> Option<u32> {
        self.known_long_forms.get(&key).copied()
    }

    /// The person a thing named after them stands for ("the Hockney Sketchbooks": David
    /// Hockney), with the length of the surname that names them.
    pub(super) fn named_after(&self, key: u32) -> Option<(u32, u32)> {
        self.named_after.get(&key).copied()
    }

    /// The known name ("North Korea") a compass word alone ("North") stands for.
    pub(super) fn compass(&self, key: u32) -> Option<u32> {
        self.by_compass.get(&key).copied().flatten()
    }
}
