//! Dates: "2023-11-08", "November 8", "8 November 2023", "Nov. 8, 2023", "March 2020",
//! weekdays ("Tuesday") and years after a preposition ("in 1998").
//!
//! Durations ("three days") are figures, not dates: they say how long, not when (see
//! `numbers`). Dates run before names so that "November" is never taken for a name.

use super::candidate::{Candidate, Reading};
#[cfg(test)]
use super::token::calendar_start;
use super::token::{DATE, Shape, Token, is_iso_date};
use crate::domain::dateline::MONTHS;
use crate::domain::entity::Kind;

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Words before a bare year that make it a date ("in 1998", "since 2001", "the 2016 season").
const YEAR_CUES: &[&str] = &[
    "in", "since", "by", "until", "till", "from", "to", "during", "of", "early", "late", "mid",
    "the", "a", "its", "their", "his", "her", "'s", "’s", "before", "after", "between", "and",
    "spring", "summer", "autumn", "fall", "winter",
];

/// Words before a bare month that make it a point in time: "since April", "in early May".
const MONTH_CUES: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "from",
    "through",
    "during",
    "before",
    "after",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "each",
    "every",
    "between",
    "throughout",
];

/// Nouns that, with "of", make the month after them a point in time: "the end of June".
const PART_OF_MONTH: &[&str] = &[
    "end",
    "start",
    "beginning",
    "middle",
    "rest",
    "half",
    "part",
    "course",
    "month",
];

/// The last two words of the line before: wrapped prose may end a line with the word that
/// makes a month on the next one a date ("had risen since\nApril"). Kept as written, and put
/// in lower case only when read: only a line that starts with a month reads them.
#[derive(Debug, Default)]
pub struct LineEnd {
    /// The word before the last, then the last.
    words: [String; 2],
}

impl LineEnd {
    /// The longest word kept: every cue is shorter.
    const LONGEST: usize = 12;

    /// Forgets the words of the line before (after a paragraph break), keeping the buffers:
    /// dropping them cost two allocations on the next line, at every paragraph.
    pub fn forget(&mut self) {
        for w in &mut self.words {
            w.clear();
        }
    }

    pub fn remember(&mut self, line: &str, toks: &[Token]) {
        let n = toks.len();
        for (slot, back) in [(0, 2), (1, 1)] {
            let w = &mut self.words[slot];
            w.clear();
            if let Some(t) = n.checked_sub(back).map(|i| toks[i]) {
                let text = t.text(line);
                if text.len() <= Self::LONGEST {
                    w.push_str(text);
                }
            }
        }
    }
}

/// Whether the words before token `i` make a bare month name a date: a time preposition
/// ("since April"), a part of a month ("the end of June"), or a date it is listed with ("in
/// March and April", "from May to August"). Words before the line are those of `before`.
fn time_before<'a>(
    toks: &[Token],
    i: usize,
    text: &impl Fn(usize) -> &'a str,
    before: &LineEnd,
    found: &[Candidate],
    base: usize,
) -> bool {
    // The word `k` places back, in lower case.
    let back = |k: usize| -> std::borrow::Cow<'_, str> {
        match i.checked_sub(k) {
            Some(j) => std::borrow::Cow::Owned(text(j).to_ascii_lowercase()),
            None if k - i <= 2 => {
                std::borrow::Cow::Owned(before.words[2 - (k - i)].to_ascii_lowercase())
            }
            None => std::borrow::Cow::Borrowed(""),
        }
    };
    let p = back(1);
    if MONTH_CUES.contains(&&*p) {
        return true;
    }
    if p == "of" && PART_OF_MONTH.contains(&&*back(2)) {
        return true;
    }
    // The end of the date just found, right before "and" / "or" / "to" / "-".
    matches!(&*p, "and" | "or" | "to" | "-" | "–")
        && i >= 2
        && found.last().is_some_and(|d| {
            matches!(
                d.reading,
                Reading::Value {
                    kind: Kind::Date,
                    ..
                }
            ) && d.end == base + toks[i - 2].end
        })
}

/// A month or a day of the week, written in full.
pub(super) fn is_calendar_word(word: &str) -> bool {
    MONTHS.contains(&word) || WEEKDAYS.contains(&word)
}

/// Whether a word starting with `b` may name a month: the initials of the months rule most
/// capitalised words out.
fn month_initial(b: u8) -> bool {
    matches!(b, b'J' | b'F' | b'M' | b'A' | b'S' | b'O' | b'N' | b'D')
}

/// The month `word` names (an index of `MONTHS`), in full or abbreviated.
fn month(word: &str) -> Option<usize> {
    if !word.as_bytes().first().is_some_and(|&b| month_initial(b)) {
        return None;
    }
    let w = word.strip_suffix('.').unwrap_or(word);
    MONTHS.iter().position(|m| {
        *m == w || (w.len() >= 3 && m.starts_with(w) && (w.len() == 3 || w == "Sept"))
    })
}

/// A day of the month: "8", "08", "8th", "1st".
fn day(word: &str) -> bool {
    let digits: &str = word
        .strip_suffix("st")
        .or_else(|| word.strip_suffix("nd"))
        .or_else(|| word.strip_suffix("rd"))
        .or_else(|| word.strip_suffix("th"))
        .unwrap_or(word);
    !digits.is_empty()
        && digits.len() <= 2
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (1..=31).contains(&digits.parse::<u32>().unwrap_or(0))
}

pub fn year(word: &str) -> bool {
    word.len() == 4
        && word.bytes().all(|b| b.is_ascii_digit())
        && (1000..=2199).contains(&word.parse::<u32>().unwrap_or(0))
}

/// Finds the dates of one line; marks their tokens used.
#[cfg(test)]
pub fn find<'a>(
    line: &'a str,
    toks: &[Token],
    used: &mut [bool],
    base: usize,
    out: &mut Vec<Candidate<'a>>,
) {
    find_after(&LineEnd::default(), line, toks, used, base, out);
}

/// Finds the dates of one line, which follows a line that ended with `before`; marks their
/// tokens used.
pub fn find_after<'a>(
    before: &LineEnd,
    line: &'a str,
    toks: &[Token],
    used: &mut [bool],
    base: usize,
    out: &mut Vec<Candidate<'a>>,
) {
    let text = |i: usize| toks.get(i).map_or("", |t: &Token| t.text(line));
    let mut i = 0;
    while i < toks.len() {
        // Marked by the tokenizer: a number, or a capitalised word that starts as a month or
        // a weekday does (most capitalised words are neither, by their first three letters).
        if toks[i].starts & DATE == 0 || used[i] {
            i += 1;
            continue;
        }
        let w = text(i);
        let mut end = None;
        if toks[i].shape == Shape::Number && is_iso_date(w.as_bytes()) {
            end = Some(i + 1);
        } else if toks[i].shape == Shape::Cap
            && month_initial(w.as_bytes()[0])
            && month(w).is_some()
        {
            // Month [day] [,] [year]
            let mut e = i + 1;
            let mut has_detail = false;
            if day(text(e)) {
                e += 1;
                has_detail = true;
                if text(e) == "," && year(text(e + 1)) {
                    e += 2;
                } else if year(text(e)) {
                    e += 1;
                }
            } else if year(text(e)) {
                e += 1;
                has_detail = true;
            }
            // Day before the month: "8 November".
            let start = if i > 0 && !used[i - 1] && day(text(i - 1)) {
                has_detail = true;
                i - 1
            } else {
                i
            };
            // A bare month name is a date unless it is also a common word or name ("Theresa
            // May", "April Ortega"); then only a word of time before it makes it one ("since
            // April", "by the end of June").
            let ambiguous = matches!(w, "May" | "March" | "June" | "April" | "August");
            let abbreviated = w.len() <= 4 && !matches!(w, "June" | "July" | "May");
            // "the March vote", "an April deadline": a month between a determiner and a noun
            // (not "the May government", a prime minister's).
            let attributive = || {
                w != "May"
                    && i > 0
                    && matches!(
                        text(i - 1).to_ascii_lowercase().as_str(),
                        "the" | "a" | "an" | "this" | "that" | "last" | "next"
                    )
                    && toks.get(i + 1).is_some_and(|t| t.shape == Shape::Lower)
            };
            let in_time = ambiguous
                && !abbreviated
                && (time_before(toks, i, &text, before, out, base) || attributive())
                && !toks.get(i + 1).is_some_and(|t| {
                    matches!(t.shape, Shape::Cap | Shape::Upper | Shape::Possessive)
                });
            if has_detail || in_time || !(ambiguous || abbreviated) {
                push(line, toks, start, e, base, out, used);
                i = e;
                continue;
            }
        } else if toks[i].shape == Shape::Cap && WEEKDAYS.contains(&w) {
            // "The Sunday Times", "Black Friday Sale": a weekday inside a name is not a date.
            let next = toks.get(i + 1);
            let in_name =
                next.is_some_and(|t| t.shape == Shape::Cap && month(text(i + 1)).is_none());
            if !in_name {
                end = Some(i + 1);
            }
        } else if toks[i].shape == Shape::Number && year(w) {
            let prev = if i > 0 { text(i - 1) } else { "" };
            if YEAR_CUES.iter().any(|cue| prev.eq_ignore_ascii_case(cue)) {
                end = Some(i + 1);
            }
        } else if toks[i].shape == Shape::Number
            && w.len() == 5
            && w.ends_with('s')
            && w.get(..4).is_some_and(year)
        {
            // Decades: "the 1990s".
            end = Some(i + 1);
        }
        match end {
            Some(e) => {
                push(line, toks, i, e, base, out, used);
                i = e;
            }
            None => i += 1,
        }
    }
}

/// The surface with its spaces made single ("Nov.\t8" → "Nov. 8"), if they are not already.
fn single_spaced(surface: &str) -> Option<String> {
    let plain = if surface.is_ascii() {
        // Most dates, read a byte at a time: a search for a pattern of two spaces set up for
        // every date cost more than the rest of the date's reading.
        let bytes = surface.as_bytes();
        !bytes.iter().any(|&b| matches!(b, b'\t'..=b'\r'))
            && !bytes.windows(2).any(|pair| pair == b"  ")
    } else {
        !surface.contains("  ") && !surface.contains(|c: char| c.is_whitespace() && c != ' ')
    };
    (!plain).then(|| surface.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn push<'a>(
    line: &'a str,
    toks: &[Token],
    from: usize,
    to: usize,
    base: usize,
    out: &mut Vec<Candidate<'a>>,
    used: &mut [bool],
) {
    let (start, end) = (toks[from].start, toks[to - 1].end);
    let surface = line.get(start..end).unwrap_or("");
    for u in &mut used[from..to] {
        *u = true;
    }
    out.push(Candidate {
        start: base + start,
        end: base + end,
        key: surface.into(),
        reading: Reading::Value {
            kind: Kind::Date,
            norm: single_spaced(surface),
        },
        defines: None,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::extract::token::tokenize;

    fn dates(line: &str) -> Vec<String> {
        crate::domain::extract::found_by(find, line)
    }

    #[test]
    fn spaces_are_made_single_where_they_are_not() {
        for (surface, spaced) in [
            ("Nov. 8", None),
            ("Nov.  8", Some("Nov. 8")),
            ("Nov.\t8", Some("Nov. 8")),
            ("Nov.\u{b}8", Some("Nov. 8")),
            ("8 Nov.\r", Some("8 Nov.")),
            ("\u{1c}8", None),
            ("8 März", None),
            ("8\u{a0}März", Some("8 März")),
            ("8  März", Some("8 März")),
        ] {
            assert_eq!(single_spaced(surface).as_deref(), spaced, "{surface:?}");
        }
    }

    #[test]
    fn every_month_and_weekday_passes_the_three_letter_test() {
        let mut words: Vec<String> = MONTHS
            .iter()
            .chain(&WEEKDAYS)
            .map(|w| w.to_string())
            .collect();
        words.extend(MONTHS.iter().map(|m| format!("{}.", &m[..3])));
        words.push("Sept.".into());
        for w in &words {
            let calendar = month(w).is_some() || WEEKDAYS.contains(&w.as_str());
            assert!(calendar && calendar_start(w.as_bytes()), "{w}");
            let mut toks = vec![];
            tokenize(w, &mut toks);
            assert!(toks[0].starts & DATE != 0, "{w}");
        }
        for w in ["Marilyn", "The", "Jane", "Sunny", "Wednesdays", "Julia"] {
            let calendar = month(w).is_some() || WEEKDAYS.contains(&w);
            assert!(!calendar || calendar_start(w.as_bytes()), "{w}");
        }
    }

    #[test]
    fn iso_dates_and_month_day_year_forms() {
        assert_eq!(dates("date 2021-03-04 Talks"), ["2021-03-04"]);
        assert_eq!(
            dates("It began on October 3, 2019 and ended 12 June 2020."),
            ["October 3, 2019", "12 June 2020"]
        );
        assert_eq!(dates("By Sept. 14 the deal held."), ["Sept. 14"]);
    }

    #[test]
    fn years_after_a_determiner_are_dates() {
        assert_eq!(
            dates("The 2016 season and its 1998 model, between 1990 and 1995."),
            ["2016", "1998", "1990", "1995"]
        );
    }

    #[test]
    fn weekdays_decades_and_years_after_a_preposition() {
        assert_eq!(
            dates("On Friday, prices from 1998 rose as in the 1970s; 2,000 fled."),
            ["Friday", "1998", "1970s"]
        );
    }

    #[test]
    fn a_weekday_inside_a_name_is_not_a_date() {
        assert!(dates("She wrote for the Sunday Times.").is_empty());
        assert_eq!(dates("On Sunday March 3 it rained."), ["Sunday", "March 3"]);
    }

    #[test]
    fn a_bare_ambiguous_month_after_a_word_of_time_is_a_date() {
        assert_eq!(
            dates("Prices have risen since April and fell by the end of June."),
            ["April", "June"]
        );
        assert_eq!(
            dates("Talks ran from March to May, in early August."),
            ["March", "May", "August"]
        );
        assert_eq!(dates("in March and April"), ["March", "April"]);
        // A name after the cue is still a name.
        assert!(dates("He spoke with April Ortega and met May's aides in May Hall.").is_empty());
        assert!(dates("a letter from April Ortega").is_empty());
    }

    #[test]
    fn the_word_of_time_may_end_the_line_before() {
        let mut toks = vec![];
        let mut before = LineEnd::default();
        let first = "the cost had risen by the end of";
        tokenize(first, &mut toks);
        before.remember(first, &toks);
        let second = "June, a figure they disputed. Then April Ortega spoke since";
        tokenize(second, &mut toks);
        let mut used = vec![false; toks.len()];
        let mut out = vec![];
        find_after(&before, second, &toks, &mut used, 0, &mut out);
        let found: Vec<_> = out.iter().map(|c| &second[c.start..c.end]).collect();
        assert_eq!(found, ["June"]);
        before.remember(second, &toks);
        let third = "April, officials said.";
        tokenize(third, &mut toks);
        let found_after = |before: &LineEnd| {
            let mut used = vec![false; toks.len()];
            let mut out = vec![];
            find_after(before, third, &toks, &mut used, 0, &mut out);
            out.len()
        };
        assert_eq!(found_after(&before), 1);
        // A paragraph break between them: the cue is forgotten.
        before.forget();
        assert_eq!(found_after(&before), 0);
    }

    #[test]
    fn a_bare_ambiguous_month_is_not_a_date() {
        assert!(dates("Theresa May spoke").is_empty());
        assert!(dates("the May government fell").is_empty());
        assert_eq!(
            dates("In the March vote, an April deadline"),
            ["March", "April"]
        );
        assert_eq!(dates("They met in May 2017"), ["May 2017"]);
        assert_eq!(dates("in November"), ["November"]);
    }
}
