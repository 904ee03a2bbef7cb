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
    let mut ws = words::words(text, end..limit);
    let noun = ws.next()?;
    if !words::only_space(text, end, noun.start) || !noun.is_lowercase(text) {
        return None;
    }
    let mut buf = [0u8; 24];
    let bit = types::bit_of(strip_possessive(noun.lower(text, &mut buf)?))?;
    (fits & bit != 0 && ends_the_phrase(text, noun, ws.next()))
        .then(|| noun.start..end_without_possessive(text, noun))
}

/// The type noun right before a name that it fits (`fits`: the entity's mask of type nouns),
/// after "the", with "of" between or not: "the company Samsung", "the church of Scientology".
/// Its span. `from`: where the words may start.
pub fn type_noun_before(
    text: &[u8],
    from: usize,
    start: usize,
    fits: u64,
) -> Option<std::ops::Range<usize>> {
    if fits == 0 {
        return None;
    }
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
    if !noun.is_lowercase(text) {
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
