//! Abbreviations: the words whose full stop may not end a sentence, and the words that
//! open one after them.

/// Titles written before a name: "Mr. Smith". A full stop after one never ends a sentence.
const TITLES: &[&str] = &[
    "adm", "amb", "brig", "capt", "cmdr", "col", "cpl", "dr", "fr", "ft", "gen", "gens", "gov",
    "hon", "lt", "maj", "messrs", "mme", "mmes", "mr", "mrs", "ms", "mt", "pres", "prof", "pvt",
    "rep", "reps", "rev", "sen", "sens", "sgt", "st", "supt",
];

/// Other abbreviations: a full stop after one ends a sentence only before a sentence opener.
const ABBREVIATIONS: &[&str] = &[
    "al", "approx", "apr", "art", "aug", "ave", "bros", "cf", "ch", "co", "corp", "dec", "dept",
    "est", "etc", "feb", "fig", "inc", "jan", "jr", "jul", "jun", "ltd", "mar", "no", "nos", "nov",
    "oct", "pp", "sec", "sep", "sept", "sr", "vol", "vs",
];

/// The longest of [`TITLES`] and [`ABBREVIATIONS`].
const ABBREVIATION_MAX: usize = 6;

/// Words that often open a sentence and rarely follow an abbreviation inside one.
const OPENERS: &[&str] = &[
    "A",
    "After",
    "An",
    "And",
    "As",
    "At",
    "But",
    "During",
    "For",
    "He",
    "Her",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "Meanwhile",
    "Now",
    "On",
    "Our",
    "She",
    "So",
    "Still",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "We",
    "What",
    "When",
    "While",
    "Who",
    "Why",
    "Yet",
    "You",
];

/// What the word before a full stop is, for whether the stop ends a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Abbrev {
    /// Not an abbreviation: the full stop ends the sentence.
    None,
    /// A title before a name: never ends a sentence.
    Title,
    /// An initial, a dotted acronym or another abbreviation: ends one before an opener.
    Other,
}

/// What the word just before the full stop at `dot` is.
// Asked at every lone full stop of a text: kept inlined into `sentence_end`, which is in
// another module.
#[inline]
pub(super) fn abbreviation_before(bytes: &[u8], dot: usize) -> Abbrev {
    // The ASCII letters and dots just before: "Mr", "U.S", "J", "a.m".
    let (mut s, mut dotted) = (dot, false);
    while s > 0 && (bytes[s - 1].is_ascii_alphabetic() || bytes[s - 1] == b'.') {
        dotted |= bytes[s - 1] == b'.';
        s -= 1;
    }
    let word = &bytes[s..dot];
    if word.is_empty() || word[0] == b'.' || continues_word(bytes, s) {
        return Abbrev::None;
    }
    if word.len() == 1 && word[0].is_ascii_uppercase() {
        return Abbrev::Other;
    }
    if dotted {
        // Dotted acronyms have short parts: "U.S", "a.m", "e.g"; "end.Next" is not one.
        let short = word
            .split(|&b| b == b'.')
            .all(|part| (1..=2).contains(&part.len()));
        return if short { Abbrev::Other } else { Abbrev::None };
    }
    if word.len() > ABBREVIATION_MAX {
        return Abbrev::None;
    }
    // Both lists are sorted: a binary search of the word in lower case, packed.
    let mut buf = [0u8; ABBREVIATION_MAX];
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word);
    lower.make_ascii_lowercase();
    let key = packed(lower);
    if TITLE_KEYS.binary_search(&key).is_ok() {
        Abbrev::Title
    } else if ABBREVIATION_KEYS.binary_search(&key).is_ok() {
        Abbrev::Other
    } else {
        Abbrev::None
    }
}

/// [`TITLES`], [`ABBREVIATIONS`] and [`OPENERS`] packed (see [`packed`]), in the same order.
static TITLE_KEYS: [u128; TITLES.len()] = keys(TITLES);
static ABBREVIATION_KEYS: [u128; ABBREVIATIONS.len()] = keys(ABBREVIATIONS);
static OPENER_KEYS: [u128; OPENERS.len()] = keys(OPENERS);

/// The longest word [`packed`] takes.
const PACKED_MAX: usize = 16;

/// A word of 1 to [`PACKED_MAX`] bytes in one integer, the first byte highest and the rest
/// zero: integers compare as their words do, so a sorted list of words packs to a sorted list
/// of integers, searched with no string comparison.
const fn packed(word: &[u8]) -> u128 {
    let mut k = 0u128;
    let mut i = 0;
    while i < word.len() {
        k = k << 8 | word[i] as u128;
        i += 1;
    }
    k << (8 * (PACKED_MAX - word.len()))
}

const fn keys<const N: usize>(list: &[&str]) -> [u128; N] {
    let mut out = [0; N];
    let mut i = 0;
    while i < N {
        out[i] = packed(list[i].as_bytes());
        i += 1;
    }
    out
}

/// Whether the character ending just before `at` is a letter or digit (so the ASCII run that
/// starts at `at` is the tail of a longer word, like "café").
// Inlined with `abbreviation_before`, its one caller (see there).
#[inline]
fn continues_word(bytes: &[u8], at: usize) -> bool {
    if at == 0 {
        return false;
    }
    let b = bytes[at - 1];
    if b.is_ascii() {
        return b.is_ascii_alphanumeric();
    }
    let mut s = at - 1;
    while s > 0 && at - s < 4 && bytes[s] & 0xC0 == 0x80 {
        s -= 1;
    }
    std::str::from_utf8(&bytes[s..at])
        .ok()
        .and_then(|c| c.chars().next())
        .is_some_and(char::is_alphanumeric)
}

// Asked right after `abbreviation_before`: inlined into `sentence_end` with it.
#[inline]
pub(super) fn starts_with_opener(bytes: &[u8]) -> bool {
    let n = bytes
        .iter()
        .take(PACKED_MAX + 1)
        .position(|b| !b.is_ascii_alphabetic())
        .unwrap_or(bytes.len().min(PACKED_MAX + 1));
    (1..=PACKED_MAX).contains(&n) && OPENER_KEYS.binary_search(&packed(&bytes[..n])).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_abbreviations_are_sorted_and_short_for_their_search() {
        for list in [TITLES, ABBREVIATIONS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
            assert!(list.iter().all(|w| w.len() <= ABBREVIATION_MAX));
        }
        assert!(OPENERS.windows(2).all(|w| w[0] < w[1]), "{OPENERS:?}");
        for keys in [&TITLE_KEYS[..], &ABBREVIATION_KEYS, &OPENER_KEYS] {
            assert!(keys.windows(2).all(|k| k[0] < k[1]));
        }
    }

    #[test]
    fn words_are_found_by_their_packed_keys_and_only_they() {
        for w in TITLES {
            assert_eq!(
                abbreviation_before(format!("{w}.").as_bytes(), w.len()),
                Abbrev::Title
            );
        }
        assert_eq!(abbreviation_before(b"Mrx.", 3), Abbrev::None);
        assert_eq!(abbreviation_before(b"Inc.", 3), Abbrev::Other);
        for w in OPENERS {
            assert!(starts_with_opener(format!("{w} said").as_bytes()), "{w}");
            assert!(!starts_with_opener(format!("{w}x said").as_bytes()), "{w}");
        }
        assert!(!starts_with_opener(b"Th"));
        assert!(!starts_with_opener(b""));
        assert!(!starts_with_opener(b"Meanwhileandalsoforalongtime"));
    }
}
