//! Quotations that nobody says: names and titles in quote marks ("Better Idea of Afghan
//! Girls", "The Internet Explorer 6 Countdown"), words quoted as words (`the word "fail"`,
//! `known as "Super District Council"`). They are found as quotations but get no speaker,
//! unless a cue stands right beside them (`"Yes," he said`).

use super::lexicon::Class;
use super::pairing::Quoted;
use super::para::Para;

/// Most words in a title read from its capitals.
const TITLE_WORDS: usize = 8;

/// Whether quotation `q` is a name, a title or a word quoted as a word.
pub fn is_title(p: &Para, q: &Quoted) -> bool {
    let text = &p.text[q.start as usize..q.end as usize];
    title_case(text) || after_naming_word(p, q) && text.split_whitespace().count() <= TITLE_WORDS
}

/// Every word of four letters or more starts with a capital (or a digit), at least one
/// does, and there are only a few words: "Better Idea of Afghan Girls", "Hope".
fn title_case(text: &str) -> bool {
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > TITLE_WORDS {
        return false;
    }
    let capital = |w: &str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    words
        .iter()
        .filter(|w| w.chars().count() >= 4)
        .all(|w| capital(w))
        && words.iter().any(|w| capital(w))
}

/// The word just before the opening mark names what follows: "named", "titled", "the
/// word", "known as", or a naming verb after a noun ("a user labelled", "a site called").
fn after_naming_word(p: &Para, q: &Quoted) -> bool {
    let n = p.toks_before(q.open);
    let Some(mut k) = n.checked_sub(1) else {
        return false;
    };
    if (p.is_punct(k, b',') || p.is_punct(k, b':')) && k > 0 {
        k -= 1;
    }
    if !p.is_word(k) {
        return false;
    }
    let w = p.word(k).to_ascii_lowercase();
    if w == "as" {
        return k > 0 && p.is_word(k - 1) && p.word(k - 1).eq_ignore_ascii_case("known");
    }
    if !p.has(k, Class::NAMING) {
        return false;
    }
    if p.has(k, Class::CALL) {
        // "called", "dubbed", "labelled" name a thing after a noun ("a user labelled"), but
        // quote a speaker after a name or a pronoun ("Trump called it").
        return k > 0 && p.is_word(k - 1) && !p.toks[k - 1].upper && !p.has(k - 1, Class::SUBJECT);
    }
    true
}
