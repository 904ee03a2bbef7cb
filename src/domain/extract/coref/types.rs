//! Type nouns: the common nouns a text uses for an entity it named before ("the company",
//! "the country", "the agency"), and which entities each can stand for.
//!
//! A noun fits an entity when the entity's name holds it ("the agency" for the Northern Water
//! Agency, "the church" for the Church of Scientology), or when the gazetteer's class of the
//! entity says so ("the company" for a company, "the party" for a party, "the city" for a
//! city). "The organisation" fits any organisation, "the country" and "the nation" any country.

use super::super::knowledge::Knowledge;
use super::class::Class;
use crate::domain::entity::Entity;

/// Which entities a noun may stand for, besides those whose name holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fit {
    /// Only entities whose name holds the noun (or one of `also`).
    Named,
    Country,
    AnyOrganization,
    /// Organisations of these gazetteer classes.
    Organization(&'static [&'static str]),
    /// Places of these gazetteer classes.
    Place(&'static [&'static str]),
    /// A capital city (a place that stands for its state in `metonyms.tsv`).
    Capital,
}

struct Noun {
    word: &'static str,
    fit: Fit,
    /// Other words that, in a name, make the noun fit ("Corp." for "the company").
    also: &'static [&'static str],
}

const COMPANY_WORDS: &[&str] = &[
    "Company",
    "Corporation",
    "Corp",
    "Inc",
    "Ltd",
    "LLC",
    "PLC",
    "Holdings",
    "Co",
    "Group",
    "Enterprises",
    "Industries",
];

/// The nouns, in a fixed order: bit `i` of a fit mask is `NOUNS[i]` (at most 64).
const NOUNS: &[Noun] = &[
    noun("country", Fit::Country, &[]),
    noun("nation", Fit::Country, &[]),
    noun("kingdom", Fit::Named, &[]),
    noun("republic", Fit::Named, &[]),
    noun("company", Fit::Organization(&["company"]), COMPANY_WORDS),
    noun("firm", Fit::Organization(&["company"]), COMPANY_WORDS),
    noun("corporation", Fit::Named, &["Corp"]),
    noun("conglomerate", Fit::Organization(&["company"]), &[]),
    noun("organization", Fit::AnyOrganization, &["Organisation"]),
    noun("organisation", Fit::AnyOrganization, &["Organization"]),
    noun("group", Fit::Organization(&["armed group"]), &[]),
    noun("agency", Fit::Named, &[]),
    noun("ministry", Fit::Named, &[]),
    noun("department", Fit::Named, &[]),
    noun("party", Fit::Organization(&["party"]), &[]),
    noun("team", Fit::Organization(&["sport"]), &[]),
    noun("club", Fit::Organization(&["sport"]), &["FC"]),
    noun("church", Fit::Named, &[]),
    noun("mosque", Fit::Named, &[]),
    noun("temple", Fit::Named, &[]),
    noun("university", Fit::Organization(&["university"]), &[]),
    noun("college", Fit::Named, &[]),
    noun("school", Fit::Named, &[]),
    noun("hospital", Fit::Named, &[]),
    noun("court", Fit::Named, &[]),
    noun("council", Fit::Named, &[]),
    noun("committee", Fit::Named, &[]),
    noun("commission", Fit::Named, &[]),
    noun("association", Fit::Named, &[]),
    noun("union", Fit::Named, &[]),
    noun("federation", Fit::Named, &[]),
    noun("alliance", Fit::Named, &[]),
    noun("league", Fit::Named, &[]),
    noun("foundation", Fit::Named, &[]),
    noun("institute", Fit::Named, &[]),
    noun("museum", Fit::Named, &[]),
    noun("bank", Fit::Named, &[]),
    noun("airline", Fit::Named, &["Airlines", "Airways"]),
    noun("army", Fit::Named, &[]),
    noun("military", Fit::Named, &["Army", "Forces"]),
    noun(
        "facility",
        Fit::Named,
        &["Centre", "Center", "Stadium", "Arena", "Complex", "Plant"],
    ),
    noun("navy", Fit::Named, &[]),
    noun("authority", Fit::Named, &[]),
    noun("network", Fit::Named, &[]),
    noun(
        "newspaper",
        Fit::Organization(&["media"]),
        &["Times", "Post", "Herald", "Gazette"],
    ),
    noun("broadcaster", Fit::Organization(&["media"]), &[]),
    noun("city", Fit::Place(&["city"]), &[]),
    noun("town", Fit::Place(&["city"]), &[]),
    noun("capital", Fit::Capital, &[]),
    noun("region", Fit::Place(&["region"]), &[]),
    noun("province", Fit::Named, &[]),
    noun("island", Fit::Named, &[]),
    noun("village", Fit::Named, &[]),
];

const fn noun(noun: &'static str, fit: Fit, also: &'static [&'static str]) -> Noun {
    Noun {
        word: noun,
        fit,
        also,
    }
}

/// The bit of the type noun `word` (lower case), if it is one. Asked of many words: only
/// the nouns that share its first letter are compared (a few), no hashing.
pub fn bit_of(word: &str) -> Option<u64> {
    let letter = word.as_bytes().first()?.wrapping_sub(b'a');
    let mut bits = *BY_FIRST_LETTER.get(letter as usize)?;
    while bits != 0 {
        let i = bits.trailing_zeros() as usize;
        if NOUNS[i].word == word {
            return Some(1 << i);
        }
        bits &= bits - 1;
    }
    None
}

/// Whether a type noun of `fits` (a mask) may start with the lower-case letter `first`: none
/// does when no noun of the mask shares that letter (told before the word is lowered).
pub fn may_start(first: u8, fits: u64) -> bool {
    BY_FIRST_LETTER
        .get(usize::from(first.wrapping_sub(b'a')))
        .is_some_and(|&nouns| nouns & fits != 0)
}

/// The shapes of the type nouns (see `words::shapes`).
pub const NOUN_SHAPES: [u32; 26] = {
    let mut words = [""; NOUNS.len()];
    let mut i = 0;
    while i < NOUNS.len() {
        words[i] = NOUNS[i].word;
        i += 1;
    }
    super::words::shapes(&words)
};

/// For each letter a-z, the nouns (as bits) that start with it.
const BY_FIRST_LETTER: [u64; 26] = {
    let mut by = [0u64; 26];
    let mut i = 0;
    while i < NOUNS.len() {
        let letter = NOUNS[i].word.as_bytes()[0] - b'a';
        by[letter as usize] |= 1 << i;
        i += 1;
    }
    by
};

/// Whether the type noun of bit `bit` fits only the entities whose name holds it (or that
/// the text calls so: "the company Hitwise"), never by a gazetteer's class: "the mosque",
/// "the facility", not "the company".
pub fn named_only(bit: u64) -> bool {
    (NOUNS.get(bit.trailing_zeros() as usize)).is_some_and(|n| n.fit == Fit::Named)
}

/// The type nouns that may stand for `e`, as a mask.
pub fn fitting(e: &Entity, class: Class, k: &Knowledge) -> u64 {
    if matches!(
        class,
        Class::Person | Class::Group | Class::Thing | Class::Value
    ) {
        return 0;
    }
    if class == Class::Organization && e.name.ends_with(" team") && e.aliases.len() == 1 {
        // A team named by its nationality ("Afghan team", see `teams`) is only "the team".
        return bit_of("team").unwrap_or(0);
    }
    let gazetteer_class = k.name(&e.name).map_or("", |r| k.canon(r).class);
    let named = held_by_names(e);
    let mut mask = 0;
    for (i, n) in NOUNS.iter().enumerate() {
        let by_class = match n.fit {
            Fit::Named => false,
            Fit::Country => class == Class::Country,
            Fit::AnyOrganization => class == Class::Organization,
            Fit::Organization(classes) => {
                class == Class::Organization && classes.contains(&gazetteer_class)
            }
            Fit::Place(classes) => class == Class::Place && classes.contains(&gazetteer_class),
            Fit::Capital => class == Class::Place && k.metonym(&e.name).next().is_some(),
        };
        // A name holding the noun fits only the kinds the noun can name: "the city" is not
        // the Manchester City club.
        if by_class || (kind_ok(n, class) && named & 1 << i != 0) {
            mask |= 1 << i;
        }
    }
    mask
}

/// The nouns (as bits) that the names of `e` hold as a word, in any case, or by one of their
/// other words ("Corp." for "the company"): each word looked up once, not compared with every
/// noun.
fn held_by_names(e: &Entity) -> u64 {
    static ALSO: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, u64>> =
        std::sync::OnceLock::new();
    let also = ALSO.get_or_init(|| {
        let mut also = rustc_hash::FxHashMap::default();
        for (i, n) in NOUNS.iter().enumerate() {
            for &w in n.also {
                *also.entry(w).or_insert(0) |= 1u64 << i;
            }
        }
        also
    });
    let mut held = 0;
    for name in std::iter::once(&e.name).chain(&e.aliases) {
        for w in name.split([' ', '-']) {
            let w = w.trim_end_matches('.');
            let mut buf = [0u8; 16];
            if let Some(lower) = buf.get_mut(..w.len()) {
                lower.copy_from_slice(w.as_bytes());
                lower.make_ascii_lowercase();
                let lower = std::str::from_utf8(lower).unwrap_or("");
                held |= bit_of(lower).unwrap_or(0);
            }
            held |= also.get(w).copied().unwrap_or(0);
        }
    }
    held
}

/// Whether the noun `n` can name an entity of `class` at all.
fn kind_ok(n: &Noun, class: Class) -> bool {
    match n.fit {
        Fit::Country => class == Class::Country,
        Fit::Place(_) | Fit::Capital => class == Class::Place,
        Fit::Named => {
            matches!(class, Class::Organization | Class::Place)
                || (class == Class::Country && matches!(n.word, "kingdom" | "republic"))
        }
        _ => class == Class::Organization,
    }
}

/// The type nouns that can name an entity of `class` at all, as a mask: what the text may
/// say of it ("the company Hitwise") without a gazetteer's word.
pub fn possible(class: Class) -> u64 {
    (NOUNS.iter().enumerate())
        .filter(|(_, n)| kind_ok(n, class))
        .fold(0, |mask, (i, _)| mask | 1 << i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_noun_has_its_shape_and_no_other_shape_is_held() {
        for n in NOUNS {
            let w = n.word.as_bytes();
            assert!(
                super::super::words::has_shape(&NOUN_SHAPES, w[0], w.len()),
                "{}",
                n.word
            );
        }
        let held: u32 = NOUN_SHAPES.iter().map(|l| l.count_ones()).sum();
        let shapes: std::collections::HashSet<(u8, usize)> = NOUNS
            .iter()
            .map(|n| (n.word.as_bytes()[0], n.word.len()))
            .collect();
        assert_eq!(held as usize, shapes.len());
    }

    #[test]
    fn there_are_at_most_64_nouns_each_once() {
        assert!(NOUNS.len() <= 64);
        for (i, n) in NOUNS.iter().enumerate() {
            assert_eq!(bit_of(n.word), Some(1 << i), "{}", n.word);
            // `held_by_names` lowers a word into 16 bytes to look it up.
            assert!(n.word.len() <= 16, "{}", n.word);
        }
        assert_eq!(bit_of("prime minister"), None);
    }

    #[test]
    fn a_noun_of_a_mask_starts_with_a_letter_the_mask_may_start_with() {
        for (i, n) in NOUNS.iter().enumerate() {
            let first = n.word.as_bytes()[0];
            assert!(may_start(first, 1 << i), "{}", n.word);
            assert!(!may_start(
                first,
                !(BY_FIRST_LETTER[usize::from(first - b'a')])
            ));
        }
        assert!(!may_start(b'\'', u64::MAX) && !may_start(b'z' + 1, u64::MAX));
        assert!(!may_start(b'c', 0));
    }

    #[test]
    fn a_noun_names_only_its_kinds() {
        let bit = |w| bit_of(w).unwrap();
        assert_ne!(possible(Class::Organization) & bit("company"), 0);
        assert_eq!(possible(Class::Place) & bit("company"), 0);
        assert_ne!(possible(Class::Place) & bit("capital"), 0);
        assert_eq!(possible(Class::Organization) & bit("city"), 0);
        assert_eq!(possible(Class::Person), 0);
    }
}
