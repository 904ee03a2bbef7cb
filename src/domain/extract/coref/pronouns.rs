//! Pronouns: which entity "he", "its" or "they" stands for.
//!
//! The sieve of Lee et al. (2013) for pronouns, without a parser: the candidates are the
//! entities in focus, searched sentence by sentence from the pronoun's own backwards, each
//! sentence from its start (so a subject comes before an object, as a parse tree's
//! breadth-first order would have it; possessives and "according to X" come last, as the
//! tree nests them deeper); the first that agrees in number, gender and animacy wins.
//! - A reflexive ("himself") is the nearest agreeing mention of its own sentence.
//! - An object ("him", "them", "it" after its verb) is not the subject of its own clause: a
//!   mention of the same sentence counts only across a clause boundary (a comma, "that",
//!   "who", "and"...).
//! - A person whose gender the text does not show is taken only when no other person could be
//!   meant; one whose gender agrees comes first in its sentence.
//! - "it" is an organisation or a country and "they" a people, and only when it is what the
//!   sentence (or, for a pronoun that opens its sentence or says something, "it added", the
//!   previous one) speaks of first.
//! - Inside a quotation, a pronoun looks only at what the same quotation said before it (the
//!   speaker's "he" is someone the speaker spoke of); outside, never into one.

use super::super::knowledge::Gender;
use super::class::Class;
use super::facts::Facts;
use super::focus::{Focus, SENTENCES_BACK, Seen};
use super::words;

/// What a pronoun can stand for, and how it stands in its clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pronoun {
    pub what: What,
    pub case: Case,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    /// he, him, his, himself / she, her, hers, herself.
    Person(Gender),
    /// it, its, itself: an organisation or a country.
    It,
    /// they, them, their, theirs, themselves: a people or a group.
    They,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// he, she, it, they (and "her", "it" when they cannot be told apart).
    Subject,
    /// him, them: not the subject of their own clause.
    Object,
    /// his, its, their.
    Possessive,
    /// himself, itself, themselves.
    Reflexive,
}

/// The pronoun `lower` is, if it is one of the third person.
pub fn classify(lower: &str) -> Option<Pronoun> {
    use Case::{Object, Possessive, Reflexive, Subject};
    let (what, case) = match lower {
        "he" => (What::Person(Gender::Male), Subject),
        "him" => (What::Person(Gender::Male), Object),
        "his" => (What::Person(Gender::Male), Possessive),
        "himself" => (What::Person(Gender::Male), Reflexive),
        // "her" is an object or a possessive: neither rule of those is safe for it, so it is
        // taken as a subject.
        "she" | "her" | "hers" => (What::Person(Gender::Female), Subject),
        "herself" => (What::Person(Gender::Female), Reflexive),
        "it" => (What::It, Subject),
        "its" => (What::It, Possessive),
        "itself" => (What::It, Reflexive),
        "they" => (What::They, Subject),
        "them" => (What::They, Object),
        "their" | "theirs" => (What::They, Possessive),
        "themselves" => (What::They, Reflexive),
        _ => return None,
    };
    Some(Pronoun { what, case })
}

/// Whether the entity `e` may be what `p` stands for: a person of its gender (or of none
/// known) for "he" and "she", an organisation or a country for "it", a people or an
/// organisation for "they".
pub fn agrees(p: Pronoun, facts: &Facts, e: u32) -> bool {
    let class = facts.class[e as usize];
    match p.what {
        What::Person(g) => {
            class == Class::Person && facts.gender[e as usize].is_none_or(|h| h == g)
        }
        What::It => matches!(class, Class::Organization | Class::Country),
        What::They => matches!(class, Class::Group | Class::Organization),
    }
}

/// Whether the pronoun is a possessive (which only qualifies the noun after it).
pub fn is_possessive(p: Pronoun) -> bool {
    p.case == Case::Possessive
}

/// Where a pronoun stands.
pub struct At {
    pub start: u32,
    pub sentence: u32,
    pub quote: Option<u32>,
    /// The speaker of that quotation, if the text names one: not who a third-person pronoun
    /// in it is (the speaker says "I").
    pub speaker: Option<u32>,
    /// It opens its sentence ("It said..."), or says something ("it added"): it continues
    /// what the previous sentence spoke of.
    pub continues: bool,
}

/// The entity `p` at `at` stands for, if the text makes it clear.
/// `is_subject` tells whether a mention in focus is its sentence's subject.
pub fn resolve(
    text: &[u8],
    p: Pronoun,
    at: &At,
    focus: &Focus,
    facts: &Facts,
    is_subject: impl Fn(&Seen) -> bool,
) -> Option<u32> {
    let kind = |c: Class| match p.what {
        What::Person(_) => false,
        What::It => matches!(c, Class::Organization | Class::Country),
        What::They => matches!(c, Class::Group | Class::Organization),
    };
    match p.what {
        What::Person(g) => person(text, g, p.case, at, focus, facts),
        _ => first_of_kind(text, p.case, at, focus, facts, kind, is_subject),
    }
}

/// Whether a mention in focus may be seen from the pronoun: what was said outside any
/// quotation, and what the pronoun's own quotation said (a pronoun outside never reaches into
/// one); never the speaker of the pronoun's quotation.
fn visible(s: &Seen, at: &At) -> bool {
    (s.quote.is_none() || s.quote == at.quote) && at.speaker != Some(s.entity)
}

/// Words that start a clause of their own.
const CLAUSE_WORDS: &[&str] = &[
    "that", "who", "which", "because", "when", "and", "but", "while", "after", "before", "if",
    "since", "as", "until", "so", "although", "though", "whom", "where", "whether", "or",
];

/// Whether `lower` starts a clause ("that", "because", "and").
pub fn starts_clause(lower: &str) -> bool {
    CLAUSE_WORDS.contains(&lower)
}

/// Whether a clause boundary lies between a mention at `from` and a pronoun at `to`.
fn clause_between(text: &[u8], from: u32, to: u32) -> bool {
    let (from, to) = (from as usize, to as usize);
    let gap = text.get(from..to).unwrap_or_default();
    if gap
        .iter()
        .any(|b| matches!(b, b',' | b';' | b':' | b'"' | b'('))
    {
        return true;
    }
    words::words(text, from..to).skip(1).any(|w| {
        let mut buf = [0u8; 24];
        w.lower(text, &mut buf)
            .is_some_and(|l| CLAUSE_WORDS.contains(&l))
    })
}

/// The mentions of `sentence` before the pronoun that may be meant, in the order they are
/// tried: the sentence's own mentions first, asides (possessives, sources) after.
fn candidates<'f>(
    text: &[u8],
    sentence: u32,
    case: Case,
    at: &At,
    focus: &'f Focus,
    fits: impl Fn(&Seen) -> bool,
) -> Vec<&'f Seen> {
    let same = sentence == at.sentence;
    let mut out: Vec<&Seen> = focus
        .in_sentence(sentence, at.start)
        .filter(|s| fits(s))
        .filter(|s| !(same && case == Case::Object) || clause_between(text, s.start, at.start))
        .collect();
    if same && case == Case::Reflexive {
        out.reverse();
    } else {
        out.sort_by_key(|s| s.aside);
    }
    out
}

fn person(
    text: &[u8],
    g: Gender,
    case: Case,
    at: &At,
    focus: &Focus,
    facts: &Facts,
) -> Option<u32> {
    let fits = |s: &Seen| {
        let e = s.entity as usize;
        facts.class[e] == Class::Person && facts.gender[e].is_none_or(|h| h == g) && visible(s, at)
    };
    let reach = if case == Case::Reflexive {
        0
    } else {
        SENTENCES_BACK
    };
    for back in 0..=reach.min(at.sentence) {
        let sentence = at.sentence - back;
        let found = candidates(text, sentence, case, at, focus, fits);
        let Some(first) = found.first() else {
            continue;
        };
        if let Some(agreeing) = found
            .iter()
            .find(|s| facts.gender[s.entity as usize] == Some(g))
        {
            return Some(agreeing.entity);
        }
        // Gender unknown: only if no other person in reach could be meant.
        let other = (sentence..=at.sentence).any(|n| {
            focus
                .in_sentence(n, at.start)
                .any(|s| s.entity != first.entity && fits(s))
        });
        return (!other).then_some(first.entity);
    }
    None
}

/// The entity the sentence (or the previous one, for a pronoun that continues it) speaks of
/// first, when it is of the kind `class_ok` and no other entity of that kind is in between.
fn first_of_kind(
    text: &[u8],
    case: Case,
    at: &At,
    focus: &Focus,
    facts: &Facts,
    class_ok: impl Fn(Class) -> bool,
    is_subject: impl Fn(&Seen) -> bool,
) -> Option<u32> {
    let fits = |s: &Seen| class_ok(facts.class[s.entity as usize]) && visible(s, at);
    let mut sentences = vec![at.sentence];
    if at.continues && at.sentence > 0 {
        sentences.push(at.sentence - 1);
    }
    for sentence in sentences {
        let same = sentence == at.sentence;
        let mut here = focus
            .in_sentence(sentence, at.start)
            .filter(|s| visible(s, at) && !s.aside);
        let Some(first) = here.next() else {
            continue;
        };
        let ok = fits(first)
            && is_subject(first)
            && !(same && case == Case::Object && !clause_between(text, first.start, at.start));
        let alone = here.all(|s| !fits(s) || s.entity == first.entity);
        return (ok && alone).then_some(first.entity);
    }
    None
}

/// "X, who" and "X who": the entity of a name that ends right before the relative pronoun,
/// if "who" fits it (a person) or "whose" does (a person, an organisation, a country).
pub fn relative(whose: bool, before: Option<&Seen>, facts: &Facts) -> Option<u32> {
    let s = before?;
    let class = facts.class[s.entity as usize];
    let ok =
        class == Class::Person || (whose && matches!(class, Class::Organization | Class::Country));
    ok.then_some(s.entity)
}
