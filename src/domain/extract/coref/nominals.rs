//! Descriptions: "the prime minister", "the company", "the 45-year-old" for an entity the
//! text named before.
//!
//! Three rules, each only when the text leaves one candidate:
//! - a role the text gave a person earlier ("Prime Minister X", "X, the defence secretary"):
//!   "the prime minister", "the secretary" is that person when one person had the role, or
//!   when one of those who had it is in focus;
//! - an age the text gave a person earlier ("X, 45,"): "the 45-year-old";
//! - a type noun ("the company", "the country", "the agency") that fits exactly one entity in
//!   focus (see `types`).
//!
//! Before them, a name given right after the description ("the elite group within
//! Scientology called the Sea Org") is what it stands for.
//!
//! A description is a definite phrase: "the" or "this" (or "its", "their", a description's
//! "'s" before a type noun: "their company", "the country's military"), at most one
//! describing adjective from a short list ("the militant group"), the noun, and nothing that
//! makes it another thing: a name right after it ("the defence secretary Ash Carter" is a
//! title), or "of" ("the city of X" names a place of its own). "in" and "to" with a verb after
//! a type noun only say where it is or what it does ("the organization in California", "the
//! team to travel").

use super::appositions::{end_without_possessive, lower_key, strip_possessive};
use super::facts::Facts;
use super::focus::{Focus, Seen};
use super::phrase::{ends_the_phrase, looks_like_noun_after_noun};
use super::types;
use super::words::{self, Word, word_set};

word_set!(
    /// Adjectives that keep a type noun about the same entity ("the militant group", "the news
    /// agency"); any other ("the other company", "the new party") makes the phrase unsafe.
    fn is_adjective = [
        "militant", "armed", "terrorist", "rebel", "extremist", "jihadist", "islamist",
        "opposition", "ruling", "governing", "state-run", "state-owned", "tech",
        "technology", "oil", "energy", "mining", "software", "media", "news", "football",
        "soccer", "entire", "whole", "communist", "socialist", "conservative",
        "nationalist", "separatist", "insurgent", "paramilitary", "sunni", "shia", "shiite",
        "elite", "secretive", "religious", "political", "ultranationalist",
    ]
    /// The shapes of the adjectives (see `words::shapes`).
    const ADJECTIVE_SHAPES
);

/// The shapes (see `words::shapes`) of the words after "the" that may open a description
/// without a role: an adjective of the list, or a type noun with or without a possessive's
/// "'s" or "'" after it.
const OPENER_SHAPES: [u32; 26] = {
    let nouns = types::NOUN_SHAPES;
    let mut shapes = ADJECTIVE_SHAPES;
    let mut i = 0;
    while i < 26 {
        shapes[i] |= nouns[i] | (nouns[i] << 1) | (nouns[i] << 2);
        i += 1;
    }
    shapes
};

/// A description found: its span (without the determiner) and what it says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Description {
    pub start: usize,
    pub end: usize,
    pub what: What,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    /// A type noun (its bit in `types`).
    Type(u64),
    /// A role: the words are the key (lower case), kept in the description's span.
    Role,
    Age(u16),
}

/// The description that `det` ("the", "this") opens, if any. `next` are the words after it, in
/// order (a few suffice). `max_title_words` bounds a role's length.
pub fn find(
    text: &[u8],
    det: Word,
    next: &[Word],
    facts: &Facts,
    max_title_words: usize,
) -> Option<Description> {
    if !(det.is(text, "the") || det.is(text, "this")) {
        return None;
    }
    let first = *next.first()?;
    if !words::only_space(text, det.end, first.start) || !first.is_lowercase(text) {
        // "the Pentagon", "the 45-year-old" (a digit) handled below
        return age(text, det, first, next.get(1).copied());
    }
    // Consecutive lower-case words right after the determiner.
    let mut run = 1;
    while run < next.len()
        && run <= max_title_words
        && words::only_space(text, next[run - 1].end, next[run].start)
        && next[run].is_lowercase(text)
    {
        run += 1;
    }
    // A role: the longest run of words from the first that is a role the text gave.
    let mut buf = [0u8; 24];
    let may_start_role = first
        .lower(text, &mut buf)
        .is_some_and(|w| facts.starts_role(w));
    for n in (1..=run.min(max_title_words))
        .rev()
        .filter(|_| may_start_role)
    {
        let ws = &next[..n];
        let key = lower_key(text, ws);
        let key = strip_possessive(&key);
        if facts.is_role(key) && ends_the_phrase(text, ws[n - 1], next.get(n).copied()) {
            return Some(Description {
                start: first.start,
                end: end_without_possessive(text, ws[n - 1]),
                what: What::Role,
            });
        }
    }
    // A type noun, maybe after one adjective of the list.
    let mut buf = [0u8; 24];
    let noun_at = match first.lower(text, &mut buf) {
        Some(a) if is_adjective(a) && run >= 2 => 1,
        _ => 0,
    };
    let noun = next[noun_at];
    let mut buf = [0u8; 24];
    let word = noun.lower(text, &mut buf)?;
    let bit = types::bit_of(strip_possessive(word))?;
    let after = next.get(noun_at + 1).copied();
    let adjunct = || {
        adjunct_after(text, noun, after)
            || infinitive_after(text, noun, after, next.get(noun_at + 2).copied())
    };
    (ends_the_phrase(text, noun, after) || adjunct()).then_some(Description {
        start: first.start,
        end: end_without_possessive(text, noun),
        what: What::Type(bit),
    })
}

/// The description a possessive opens ("its elite group", "their company", "the
/// country's military"): a type noun, maybe after one adjective of the list, right after
/// the possessive that ends at `end`. `next` are the words after it, in order.
pub fn possessed(text: &[u8], end: usize, next: &[Word]) -> Option<Description> {
    let first = *next.first()?;
    if !words::only_space(text, end, first.start) || !first.is_lowercase(text) {
        return None;
    }
    let mut buf = [0u8; 24];
    let adjective = first.lower(text, &mut buf).is_some_and(is_adjective);
    let noun_at = match next.get(1) {
        Some(n) if adjective && words::only_space(text, first.end, n.start) => 1,
        _ => 0,
    };
    let noun = next[noun_at];
    let mut buf = [0u8; 24];
    let bit = types::bit_of(noun.lower(text, &mut buf)?)?;
    let after = next.get(noun_at + 1).copied();
    // The possessive already says which one: only "of" and a noun after it ("their company
    // of actors", "its group leaders") make it another.
    let owned = ends_the_phrase(text, noun, after)
        || after.is_some_and(|a| {
            let mut buf = [0u8; 24];
            let word = a.lower(text, &mut buf).unwrap_or("of");
            words::only_space(text, noun.end, a.start)
                && a.is_lowercase(text)
                && !matches!(word, "of" | "that" | "which" | "who")
                && !looks_like_noun_after_noun(word)
        });
    (noun.is_lowercase(text) && owned).then_some(Description {
        start: first.start,
        end: noun.end,
        what: What::Type(bit),
    })
}

/// Whether `det` followed by the word `first` may open a description (see [`find`]): most
/// do not, and then the words after them need not be read.
pub fn may_open(text: &[u8], det: Word, first: Word, facts: &Facts) -> bool {
    if !words::only_space(text, det.end, first.start) || !first.is_lowercase(text) {
        let b = first.bytes(text);
        return det.is(text, "the")
            && b.len() > 9
            && b[b.len() - 9..].eq_ignore_ascii_case(b"-year-old");
    }
    // Most words after "the" open none: told by their first letter and length (a role's first
    // word maybe less a possessive's "'s") before they are lowered and looked up.
    let (letter, len) = (text[first.start], first.end - first.start);
    let may = words::has_shape(&OPENER_SHAPES, letter, len)
        || facts.may_start_role(letter, len)
        || (len > 2 && facts.may_start_role(letter, len - 2));
    if !may {
        return false;
    }
    let mut buf = [0u8; 24];
    let Some(word) = first.lower(text, &mut buf) else {
        return false;
    };
    facts.starts_role(word) || is_adjective(word) || types::bit_of(strip_possessive(word)).is_some()
}

/// Verbs after a description that give it its name: "the elite group within Scientology
/// called the Sea Org", "a user known as X".
const NAMING: &[&str] = &["called", "named", "dubbed", "known", "nicknamed"];

/// Where the name starts that a description ending at `end` is given right after it ("the
/// elite group within Scientology called the Sea Org": the start of "Sea Org"), within a few
/// words, with no punctuation between.
pub fn named_after(text: &[u8], end: usize, limit: usize) -> Option<usize> {
    let mut prev = end;
    for (i, w) in words::words(text, end..limit).enumerate() {
        if i > 4 || !words::only_space(text, prev, w.start) {
            return None;
        }
        prev = w.end;
        let mut buf = [0u8; 24];
        let Some(lower) = w.lower(text, &mut buf) else {
            continue;
        };
        if !NAMING.contains(&lower) {
            continue;
        }
        let mut ws = words::words(text, w.end..limit);
        let mut next = ws.next()?;
        if lower == "known" {
            // "known as X"
            if !next.is(text, "as") {
                return None;
            }
            next = ws.next()?;
        }
        if next.is(text, "the") {
            next = ws.next()?;
        }
        return next.is_capitalised(text).then_some(next.start);
    }
    None
}

/// "the 45-year-old": the age.
fn age(text: &[u8], det: Word, first: Word, after: Option<Word>) -> Option<Description> {
    if !det.is(text, "the") {
        return None;
    }
    let w = first.str(text);
    let (n, rest) = w.split_once('-')?;
    if !rest.eq_ignore_ascii_case("year-old") || !ends_the_phrase(text, first, after) {
        return None;
    }
    let age: u16 = n.parse().ok()?;
    Some(Description {
        start: first.start,
        end: first.end,
        what: What::Age(age),
    })
}

/// Whether the word after a type noun opens what is said of it rather than which one it is:
/// "the mosque in order to", "the organization in California", "the team in the final" —
/// "the" and a type noun already point to one known entity, so "in" only places it.
fn adjunct_after(text: &[u8], noun: Word, after: Option<Word>) -> bool {
    after.is_some_and(|a| {
        a.is(text, "in")
            && end_without_possessive(text, noun) == noun.end
            && words::only_space(text, noun.end, a.start)
    })
}

/// Whether "to" and a verb follow a type noun ("required the entire team to travel"): what
/// it is to do, not which one it is ("the embassy to the Holy See"). A verb is told by
/// being lower case and no determiner.
fn infinitive_after(text: &[u8], noun: Word, after: Option<Word>, then: Option<Word>) -> bool {
    let (Some(to), Some(verb)) = (after, then) else {
        return false;
    };
    let mut buf = [0u8; 24];
    let verb_lower = verb.lower(text, &mut buf).unwrap_or("the");
    to.is(text, "to")
        && end_without_possessive(text, noun) == noun.end
        && words::only_space(text, noun.end, to.start)
        && words::only_space(text, to.end, verb.start)
        && verb.is_lowercase(text)
        && !matches!(
            verb_lower,
            "the"
                | "a"
                | "an"
                | "its"
                | "their"
                | "his"
                | "her"
                | "this"
                | "that"
                | "these"
                | "those"
                | "some"
                | "all"
                | "any"
                | "each"
                | "every"
                | "other"
                | "another"
        )
}

/// The entity a description stands for, if the text leaves one.
pub fn resolve(
    text: &[u8],
    d: &Description,
    at_sentence: u32,
    focus: &Focus,
    facts: &Facts,
) -> Option<u32> {
    match d.what {
        What::Type(bit) => {
            let fitting: Vec<&Seen> = focus
                .newest_first(d.start as u32)
                .filter(|s| facts.types[s.entity as usize] & bit != 0)
                .collect();
            // None in focus: the one entity of the document the noun fits, named before.
            let Some(first) = fitting.first() else {
                return facts.only_fit(bit, d.start);
            };
            // A newer entity of the same sort that the noun is not known to fit ("Shares of
            // Federal Construction Agency fell after X said the company ..."): the text may
            // mean it; unsure. Not for a noun that only a name holding it fits: "the
            // facility" is not North America.
            let class = facts.class[first.entity as usize];
            let newer_unfit = !types::named_only(bit)
                && focus
                    .newest_first(d.start as u32)
                    .take_while(|s| s.start > first.start)
                    .any(|s| {
                        facts.class[s.entity as usize] == class
                            && facts.types[s.entity as usize] & bit == 0
                    });
            if newer_unfit {
                return None;
            }
            let others = || fitting.iter().filter(|s| s.entity != first.entity);
            // One entity fits; or the newest is in this very sentence and no other is; or
            // the document is about one of them far more than the others.
            if others().next().is_none()
                || (first.sentence == at_sentence && others().all(|s| s.sentence != at_sentence))
            {
                return Some(first.entity);
            }
            let heaviest = fitting
                .iter()
                .max_by_key(|s| facts.weight[s.entity as usize])?;
            let w = facts.weight[heaviest.entity as usize];
            fitting
                .iter()
                .filter(|s| s.entity != heaviest.entity)
                .all(|s| 3 * facts.weight[s.entity as usize] <= w)
                .then_some(heaviest.entity)
        }
        What::Role => {
            let key = lower_key(
                text,
                &[Word {
                    start: d.start,
                    end: d.end,
                }],
            );
            let key = strip_possessive(&key)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            facts.role_holder(&key, d.start, focus)
        }
        What::Age(age) => facts.age_holder(age, d.start, focus),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_whose_shape_opens_no_description_is_no_adjective_nor_type_noun() {
        let opens = |w: &str| is_adjective(w) || types::bit_of(strip_possessive(w)).is_some();
        let shaped = |w: &str| words::has_shape(&OPENER_SHAPES, w.as_bytes()[0], w.len());
        let text = "militant state-run ultranationalist company company's company' group \
                    groups agency agency's country nation city church same first last \
                    president government world other new whole entire news oil tech";
        let mut seen = 0;
        for w in text.split_whitespace() {
            if opens(w) {
                seen += 1;
                assert!(shaped(w), "{w}");
            }
        }
        assert!(seen >= 12, "{seen} openers");
        // Words of no opener's shape are rejected by it alone.
        for w in ["a", "zzzzzzzzzzzzzzzzzzzzzzzz"] {
            assert!(!shaped(w) && !opens(w), "{w}");
        }
    }
}
