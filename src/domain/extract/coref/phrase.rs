//! Where a noun phrase ends, and the type noun right beside a name ("the company Samsung",
//! "the Scientology organization"): what descriptions (`nominals`) and the facts gathered
//! about names (`facts`) both read.

use super::appositions::{end_without_possessive, strip_possessive};
use super::types;
use super::words::{self, Word, word_set};

word_set!(
    /// Words after a noun that make the phrase name something else: "the city of", "the group
    /// behind".
    fn is_not_after = [
        "of", "for", "that", "which", "who", "whose", "where", "to", "in",
    ]
);

/// Whether `noun` ends the phrase: no name or "of" after it, no other noun ("the company
/// headquarters").
pub fn ends_the_phrase(text: &[u8], noun: Word, after: Option<Word>) -> bool {
    let Some(after) = after else { return true };
    if end_without_possessive(text, noun) < noun.end {
        // "the church's headquarters": the noun owns what follows.
        return true;
    }
    if !words::only_space(text, noun.end, after.start) {
        // Punctuation between: "the company, which", "the company." — but not "the agency's".
        return !text[noun.end..after.start].contains(&b'-');
    }
    if after.is_capitalised(text) || after.bytes(text)[0].is_ascii_digit() {
        return false;
    }
    let mut buf = [0u8; 24];
    let word = after.lower(text, &mut buf).unwrap_or("");
    !is_not_after(word) && !looks_like_noun_after_noun(word)
}

/// Words that would make "the company X" a compound ("the company headquarters", "the city
/// council"): a few frequent ones; verbs and adverbs are what usually follows.
pub fn looks_like_noun_after_noun(word: &str) -> bool {
    matches!(
        word,
        "council"
            | "headquarters"
            | "officials"
            | "official"
            | "spokesman"
            | "spokeswoman"
            | "leader"
            | "leaders"
            | "members"
            | "member"
            | "chief"
            | "centre"
            | "center"
            | "hall"
            | "police"
            | "government"
            | "board"
            | "president"
            | "minister"
            | "ministry"
            | "office"
            | "state"
    )
}

/// The type noun right after a name that it fits (`fits`: the entity's mask of type nouns),
/// ending the phrase: "the Scientology organization", "the Sea Org group". Its span, without
/// a possessive.
// Asked of every name as it is read: its first tests inlined into the callers (most names
// fit no type noun, or are followed by no lower-case word), the rest not.
#[inline]
pub fn type_noun_after(
    text: &[u8],
    end: usize,
    limit: usize,
    fits: u64,
) -> Option<std::ops::Range<usize>> {
    if fits == 0 {
        return None;
    }
    // Most names are followed by no lower-case word: told by the first byte after the spaces.
    let next = (text.get(end..limit.min(text.len()))?.iter()).find(|c| !c.is_ascii_whitespace());
    if !next.is_some_and(u8::is_ascii_lowercase) {
        return None;
    }
    noun_after(text, end, limit, fits)
}

/// [`type_noun_after`] without its first tests.
#[inline(never)]
fn noun_after(text: &[u8], end: usize, limit: usize, fits: u64) -> Option<std::ops::Range<usize>> {
    let mut ws = words::words(text, end..limit);
    let noun = ws.next()?;
    if !words::only_space(text, end, noun.start)
        || !noun.is_lowercase(text)
        || !types::may_start(text[noun.start], fits)
    {
        return None;
    }
    let mut buf = [0u8; 24];
    let bit = types::bit_of(strip_possessive(noun.lower(text, &mut buf)?))?;
    (fits & bit != 0 && ends_the_phrase(text, noun, ws.next()))
        .then(|| noun.start..end_without_possessive(text, noun))
}

/// Whether the last byte of `text[from..start]` that is not white space is an ASCII letter:
/// the end of a type noun or of "of", as the word right before a name must be for
/// [`type_noun_before`] (most names follow punctuation or no word at all: told at once).
fn letter_before(text: &[u8], from: usize, start: usize) -> bool {
    last_byte_before(text, from, start).is_some_and(|b| b.is_ascii_alphabetic())
}

/// Whether the last byte of `text[from..at]` that is not white space is an "e": the end
/// of "the", as the word before a type noun must be (told before that word is looked for).
pub fn the_may_end_before(text: &[u8], from: usize, at: usize) -> bool {
    last_byte_before(text, from, at).is_some_and(|b| b.eq_ignore_ascii_case(&b'e'))
}

/// The last byte of `text[from..at]` that is not white space.
fn last_byte_before(text: &[u8], from: usize, at: usize) -> Option<u8> {
    (text.get(from..at).unwrap_or_default().iter().rev())
        .find(|c| !c.is_ascii_whitespace())
        .copied()
}

/// The type noun right before a name that it fits (`fits`: the entity's mask of type nouns),
/// after "the", with "of" between or not: "the company Samsung", "the church of Scientology".
/// Its span. `from`: where the words may start.
// Asked of every name as it is read: its first tests inlined into the callers, the rest not.
#[inline]
pub fn type_noun_before(
    text: &[u8],
    from: usize,
    start: usize,
    fits: u64,
) -> Option<std::ops::Range<usize>> {
    if fits == 0 || !letter_before(text, from, start) {
        return None;
    }
    noun_before(text, from, start, fits)
}

/// [`type_noun_before`] without its first test.
#[inline(never)]
fn noun_before(
    text: &[u8],
    from: usize,
    start: usize,
    fits: u64,
) -> Option<std::ops::Range<usize>> {
    let mut noun = words::word_before(text, from, start)?;
    if !words::only_space(text, noun.end, start) {
        return None;
    }
    if noun.is(text, "of") {
        let before = words::word_before(text, from, noun.start)?;
        if !words::only_space(text, before.end, noun.start) {
            return None;
        }
        noun = before;
    }
    // Most words before a name are of no type noun of the mask: told by their first letter.
    if !noun.is_lowercase(text)
        || !types::may_start(text[noun.start], fits)
        || !the_may_end_before(text, from, noun.start)
    {
        return None;
    }
    let det = words::word_before(text, from, noun.start)?;
    if !det.is(text, "the") || !words::only_space(text, det.end, noun.start) {
        return None;
    }
    let mut buf = [0u8; 24];
    let bit = types::bit_of(noun.lower(text, &mut buf)?)?;
    (fits & bit != 0).then_some(noun.start..noun.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_type_noun_before_a_name_ends_with_a_letter() {
        let pieces = [
            "the",
            "The",
            "company",
            "compaNY",
            "of",
            "X",
            " ",
            "  ",
            "\n",
            ",",
            "'",
            "-",
            "9",
            "Zo\u{eb}",
            "group's",
            "s",
            "ThE",
            "the company ",
            "the group of ",
        ];
        let mut seed = 0x3c6e_f372_fe94_f82b_u64;
        let mut found = 0;
        for _ in 0..20_000 {
            let text = crate::domain::shuffled::joined(&mut seed, &pieces, 8);
            let t = text.as_bytes();
            for start in 0..=t.len() {
                for from in [0, start / 2, start, start + 1] {
                    let noun = noun_before(t, from, start, u64::MAX);
                    found += usize::from(noun.is_some());
                    assert!(noun.is_none() || letter_before(t, from, start), "{text:?}");
                    // "the" is the word before any other that ends at `start`.
                    let the = words::word_before(t, from, start)
                        .is_some_and(|w| w.is(t, "the") && words::only_space(t, w.end, start));
                    assert!(!the || the_may_end_before(t, from, start), "{text:?}");
                }
            }
        }
        assert!(found > 1000, "{found} found");
    }
}
