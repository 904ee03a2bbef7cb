//! Figures: "roughly 240 hostages", "three days", "$4.5 billion", "12 percent".
//!
//! A figure is a numeral (digits or number words) with the approximation before it ("roughly",
//! "more than") and the thing counted after it ("hostages", "days"), so that the reader sees
//! what was counted. Durations ("three days") are figures: they say how long, not when.

use super::candidate::{Candidate, Reading};
use super::token::{self, Shape, Token};
use crate::domain::entity::Kind;

/// A number word other than "one" (which is mostly a pronoun: "one of them").
fn is_number_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"two"
            | b"three"
            | b"four"
            | b"five"
            | b"six"
            | b"seven"
            | b"eight"
            | b"nine"
            | b"ten"
            | b"eleven"
            | b"twelve"
            | b"thirteen"
            | b"fourteen"
            | b"fifteen"
            | b"sixteen"
            | b"seventeen"
            | b"eighteen"
            | b"nineteen"
            | b"twenty"
            | b"thirty"
            | b"forty"
            | b"fifty"
            | b"sixty"
            | b"seventy"
            | b"eighty"
            | b"ninety"
            | b"hundred"
            | b"hundreds"
            | b"thousand"
            | b"thousands"
            | b"million"
            | b"millions"
            | b"billion"
            | b"billions"
            | b"trillion"
            | b"dozen"
            | b"dozens"
    )
}

/// Words that scale a numeral and belong to it ("4.5 billion").
const SCALES: &[&str] = &[
    "hundred", "thousand", "million", "billion", "trillion", "percent", "per", "cent", "%",
];

/// Approximations that open a figure, one or two words.
const APPROX: &[&[&str]] = &[
    &["roughly"],
    &["about"],
    &["around"],
    &["nearly"],
    &["almost"],
    &["approximately"],
    &["some"],
    &["over"],
    &["only"],
    &["just"],
    &["more", "than"],
    &["less", "than"],
    &["fewer", "than"],
    &["at", "least"],
    &["at", "most"],
    &["up", "to"],
    &["as", "many", "as"],
    &["as", "few", "as"],
];

/// The last words of the approximations.
const APPROX_ENDS: &[&str] = &[
    "roughly",
    "about",
    "around",
    "nearly",
    "almost",
    "approximately",
    "some",
    "over",
    "only",
    "just",
    "than",
    "least",
    "most",
    "to",
    "as",
];

/// Determiners before a number word that make it part of a description ("the two leaders").
const DEFINITE: &[&str] = &[
    "the", "these", "those", "both", "its", "their", "his", "her", "our", "your", "my", "all",
];

/// Words after a numeral that are not what is counted.
const NOT_COUNTED: &[&str] = &[
    "of", "and", "or", "to", "in", "on", "at", "by", "for", "from", "with", "the", "a", "an", "is",
    "are", "was", "were", "that", "which", "who", "as", "than", "had", "have", "has", "be", "been",
    "will", "would", "could", "per", "more", "less", "than", "times",
];

/// Whether a word may be a number word by its length and first two letters (those of the
/// number words, and of "one" in "one-third"): what rules most words out.
#[allow(clippy::inline_always)]
#[inline(always)]
fn may_be_number_word(b: &[u8]) -> bool {
    (3..=24).contains(&b.len()) && may_start_number_word(b[0], b[1])
}

/// Whether a word may be a number word by its first two bytes (the first two letters of the
/// number words, and of "one" in "one-third", in either case).
const fn may_start_number_word(a: u8, b: u8) -> bool {
    matches!(
        (a | 0x20, b | 0x20),
        (b't', b'w' | b'h' | b'e' | b'r')
            | (b'f', b'o' | b'i')
            | (b's', b'i' | b'e')
            | (b'e', b'i' | b'l')
            | (b'n' | b'm' | b'b', b'i')
            | (b'h', b'u')
            | (b'd', b'o')
            | (b'o', b'n')
    )
}

fn number_word(w: &str) -> bool {
    // Checked on every word: no allocation, and most words fail on the first two letters or
    // the third.
    let b = w.as_bytes();
    if !may_be_number_word(b) || !b[0].is_ascii_alphabetic() || !token::starts_as_number_word(b) {
        return false;
    }
    let mut buf = [0u8; 24];
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    let lower = &buf[..b.len()];
    // "twenty-five"
    lower != b"one"
        && lower
            .split(|&c| c == b'-')
            .all(|p| is_number_word(p) || p == b"one")
}

/// Whether token `t` of `line` is a numeral: digits, or number words. Asked of every token:
/// the shape rules most out before the text is read.
// Measured: left to itself the compiler calls this once per token, and the calls cost the
// figure finder a seventh of its instructions.
#[allow(clippy::inline_always)]
#[inline(always)]
fn numeral(t: &Token, line: &str) -> bool {
    match t.shape {
        Shape::Number => t
            .text(line)
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b','),
        Shape::Lower | Shape::Cap => {
            line.as_bytes()
                .get(t.start..t.end)
                .is_some_and(may_be_number_word)
                && number_word(t.text(line))
        }
        _ => false,
    }
}

/// Finds the figures of one line among tokens not used yet; marks them used.
pub fn find<'a>(
    line: &'a str,
    toks: &[Token],
    used: &mut [bool],
    base: usize,
    out: &mut Vec<Candidate<'a>>,
) {
    let text = |i: usize| toks.get(i).map_or("", |t: &Token| t.text(line));
    let mut i = 0;
    while i < toks.len() {
        // Marked by the tokenizer: a number, or a word that starts as a number word does.
        if toks[i].starts & token::FIGURE == 0 || used[i] || !numeral(&toks[i], line) {
            i += 1;
            continue;
        }
        let mut start = i;
        // A currency sign right before: "$4.5".
        if start > 0 && matches!(text(start - 1), "$" | "€" | "£" | "¥") && !used[start - 1] {
            start -= 1;
        }
        // The approximation before it, if the word before ends one (most numerals have none).
        let before = start.checked_sub(1).map_or("", text);
        let approximated = APPROX_ENDS.iter().any(|w| before.eq_ignore_ascii_case(w));
        for words in APPROX.iter().filter(|_| approximated) {
            let n = words.len();
            if start >= n
                && (0..n).all(|k| {
                    !used[start - n + k] && text(start - n + k).eq_ignore_ascii_case(words[k])
                })
            {
                start -= n;
                break;
            }
        }
        // "the two leaders", "its three plants": a number word after a definite determiner
        // describes things already known, it counts nothing new.
        let described = start == i
            && toks[i].shape != Shape::Number
            && i > 0
            && DEFINITE.iter().any(|d| text(i - 1).eq_ignore_ascii_case(d));
        if described {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < toks.len()
            && !used[end]
            && (SCALES.contains(&text(end)) || numeral(&toks[end], line))
        {
            end += 1;
        }
        // What is counted: one lower-case word (not after a percentage: "3 percent after").
        let percent = matches!(text(end - 1), "percent" | "%" | "cent");
        if !percent
            && end < toks.len()
            && !used[end]
            && toks[end].shape == Shape::Lower
            && !NOT_COUNTED.contains(&text(end))
        {
            end += 1;
            // "4,500 new cases": an adjective, then what is counted.
            let adjective = matches!(
                text(end - 1),
                "new"
                    | "more"
                    | "other"
                    | "additional"
                    | "extra"
                    | "young"
                    | "old"
                    | "small"
                    | "large"
                    | "major"
                    | "senior"
                    | "foreign"
                    | "local"
            );
            if adjective
                && end < toks.len()
                && !used[end]
                && toks[end].shape == Shape::Lower
                && !NOT_COUNTED.contains(&text(end))
            {
                end += 1;
            }
        }
        for u in &mut used[start..end] {
            *u = true;
        }
        let (s, e) = (toks[start].start, toks[end - 1].end);
        let surface = line.get(s..e).unwrap_or("");
        out.push(Candidate {
            start: base + s,
            end: base + e,
            key: surface.into(),
            reading: Reading::Value {
                kind: Kind::Number,
                norm: lowered(surface),
            },
            defines: None,
        });
        i = end;
    }
}

/// The surface in lower case, made only when some letter changes.
fn lowered(surface: &str) -> Option<String> {
    if surface.is_ascii() {
        // Most figures: no character to decode.
        let upper = surface.bytes().any(|b| b.is_ascii_uppercase());
        return upper.then(|| surface.to_ascii_lowercase());
    }
    surface
        .chars()
        .any(|c| !c.to_lowercase().eq([c]))
        .then(|| surface.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(line: &str) -> Vec<String> {
        crate::domain::extract::found_by(find, line)
    }

    #[test]
    fn every_approximation_ends_with_a_word_looked_for() {
        for words in APPROX {
            assert!(APPROX_ENDS.contains(&words[words.len() - 1]), "{words:?}");
        }
        assert_eq!(
            figures("It cost AT LEAST 5 dollars, As Many As 40 people, up to 3 days."),
            ["AT LEAST 5 dollars", "As Many As 40 people", "up to 3 days"]
        );
    }

    #[test]
    fn figures_take_the_approximation_and_what_is_counted() {
        assert_eq!(
            figures("Some say roughly 150 sailors and more than 2,000 soldiers died."),
            ["roughly 150 sailors", "more than 2,000 soldiers"]
        );
    }

    #[test]
    fn durations_and_scaled_amounts_are_figures() {
        assert_eq!(
            figures("The truce lasts five days and costs $4.5 billion, 12 percent more."),
            ["five days", "$4.5 billion", "12 percent"]
        );
    }

    #[test]
    fn an_adjective_before_what_is_counted_is_kept() {
        assert_eq!(figures("It saw 4,500 new cases."), ["4,500 new cases"]);
        assert_eq!(figures("Rates rose 3 percent after that."), ["3 percent"]);
    }

    #[test]
    fn a_number_word_in_a_definite_description_is_not_a_figure() {
        assert!(figures("The two leaders met, and both sides sent their three envoys.").is_empty());
        assert_eq!(
            figures("Two leaders came; the 240 hostages and the roughly three days stay."),
            ["Two leaders", "240 hostages", "roughly three days"]
        );
    }

    #[test]
    fn every_numeral_is_marked_by_the_tokenizer() {
        let mut words: Vec<String> = vec![
            "240",
            "1,000",
            "3.5",
            "two",
            "Two",
            "TWENTY",
            "twenty-five",
            "One-third",
            "dozens",
            "the",
            "said",
            "Thursday",
            "Ortega",
            "hundred",
            "x1",
            "a",
            "to",
        ]
        .into_iter()
        .map(String::from)
        .collect();
        let mut seed = 0x0b5e_55ed_1234_5678;
        for _ in 0..20_000 {
            let n = 1 + crate::domain::shuffled::step(&mut seed) % 8;
            let letters = b"tTwWhHeEfFoOiIsSnNmMbBuUdDlLrRyY-19";
            words.push(
                (0..n)
                    .map(|_| {
                        let r = crate::domain::shuffled::step(&mut seed) as usize;
                        char::from(letters[r % letters.len()])
                    })
                    .collect(),
            );
        }
        let mut toks = Vec::new();
        let mut numerals = 0;
        for w in &words {
            crate::domain::extract::token::tokenize(w, &mut toks);
            for t in &toks {
                if numeral(t, w) {
                    numerals += 1;
                    assert!(t.starts & token::FIGURE != 0, "{w:?}");
                }
            }
        }
        assert!(numerals > 100, "{numerals}");
    }

    #[test]
    fn every_number_word_passes_the_three_letter_test() {
        let words = [
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
            "thirty",
            "forty",
            "fifty",
            "sixty",
            "seventy",
            "eighty",
            "ninety",
            "hundred",
            "hundreds",
            "thousand",
            "thousands",
            "million",
            "millions",
            "billion",
            "billions",
            "trillion",
            "dozen",
            "dozens",
            "one",
        ];
        for w in words {
            assert!(is_number_word(w.as_bytes()) || w == "one", "{w}");
            for w in [w.to_string(), w.to_uppercase(), format!("{w}-one")] {
                assert!(token::starts_as_number_word(w.as_bytes()), "{w}");
            }
        }
        for w in ["the", "sent", "tea", "fiscal", "fifa", "forum", "several"] {
            assert_eq!(
                token::starts_as_number_word(w.as_bytes()),
                ["fifa", "forum", "several"].contains(&w),
                "{w}"
            );
        }
    }

    #[test]
    fn a_figure_is_lowered_only_when_a_letter_changes() {
        for surface in [
            "240 hostages",
            "Two Leaders",
            "ÉTÉ 3",
            "dix-sept élèves",
            "İ 4",
        ] {
            let general = (surface.chars())
                .any(|c| !c.to_lowercase().eq([c]))
                .then(|| surface.to_lowercase());
            assert_eq!(lowered(surface), general, "{surface}");
        }
    }

    #[test]
    fn the_word_one_alone_is_not_a_figure() {
        assert!(figures("one of them left").is_empty());
        assert_eq!(figures("twenty-five boats"), ["twenty-five boats"]);
    }
}
