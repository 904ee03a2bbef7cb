//! The date a document is from, read off its head: the dateline.
//!
//! News gives its date in a handful of ways, always near the top:
//! - dramatis's own metadata line `date 2023-11-08`, which is not part of the text;
//! - a line that is a date, perhaps after a label and before a time: "Saturday, October 9,
//!   2010", "Published: 9 Oct 2010 10:32 GMT", "DATE: 2010-10-09", "Updated 10/09/2010";
//! - a line that opens with a full date and runs on into the text (a title bar pasted into
//!   one line: "Thursday, May 7, 2015 On Tuesday, the government...");
//! - an agency dateline: "WASHINGTON, Oct 9, 2010 (Reuters) - ...". A dateline without a
//!   year ("WASHINGTON, Oct 9 (Reuters) -") takes the year of another date in the head, and
//!   gives none when the head has no year: a guessed year would be a wrong date.
//!
//! Only the head is read (the first lines, a few kilobytes), so a 100 MB document costs
//! nothing, and a date further down the text never passes for the document's.

use std::ops::Range;

/// The months' names, January first (the date finder reads them too).
pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// How far down a document its dateline can be: lines, then bytes.
const HEAD_LINES: usize = 12;
const HEAD_BYTES: usize = 4096;

/// The longest line that is a date with some decoration (label, time, byline).
const DATE_LINE_MAX: usize = 100;

/// The date of a document, as an ISO date, and where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    pub date: String,
    /// Where the date itself is written, so it can still be found as a date entity.
    pub range: Range<usize>,
    /// The metadata line `date YYYY-MM-DD`, which is not text to read.
    pub metadata: bool,
}

/// The dateline of a document from its first bytes, if it has one.
pub fn find(bytes: &[u8]) -> Option<Dateline> {
    if let Some(d) = metadata(bytes) {
        return Some(d);
    }
    let head = &bytes[..bytes.len().min(HEAD_BYTES)];
    let head = match std::str::from_utf8(head) {
        Ok(s) => s,
        // Cut inside a character, or not text at all: read the valid part.
        Err(e) => std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or(""),
    };
    let lines = lines(head).take(HEAD_LINES);
    let mut yearless = None;
    let mut year = None;
    for (at, line) in lines {
        let Some(found) = date_line(line) else {
            continue;
        };
        let range = at + found.range.start..at + found.range.end;
        match found.date.year {
            Some(y) if yearless.is_none() => {
                return Some(Dateline {
                    date: found.date.iso(y),
                    range,
                    metadata: false,
                });
            }
            Some(y) => {
                year = Some(y);
                break;
            }
            None => yearless = yearless.or(Some((found.date, range))),
        }
    }
    let (date, range) = yearless?;
    let year = year.or_else(|| any_year(head))?;
    Some(Dateline {
        date: date.iso(year),
        range,
        metadata: false,
    })
}

/// dramatis's metadata line: `date YYYY-MM-DD` first thing in the file.
fn metadata(bytes: &[u8]) -> Option<Dateline> {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
    let value = bytes[start..].strip_prefix(b"date ")?;
    let date = std::str::from_utf8(value.get(..10)?).ok()?;
    let ends_word = value.get(10).is_none_or(|b| b.is_ascii_whitespace());
    (is_iso(date) && ends_word).then(|| Dateline {
        date: date.to_string(),
        range: start + 5..start + 15,
        metadata: true,
    })
}

/// Non-blank lines with where they start.
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive('\n')
        .scan(0, |at, line| {
            let start = *at;
            *at += line.len();
            Some((start, line.trim_end()))
        })
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(start, l)| {
            let lead = l.len() - l.trim_start().len();
            (start + lead, l.trim_start())
        })
}

/// A calendar date; the year may be missing in agency datelines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Date {
    year: Option<u16>,
    month: u8,
    day: u8,
}

impl Date {
    fn iso(self, year: u16) -> String {
        format!("{year:04}-{:02}-{:02}", self.month, self.day)
    }
}

struct Found {
    date: Date,
    /// Within the line.
    range: Range<usize>,
}

/// The date a header line gives, if the line is a dateline of one of the shapes above.
fn date_line(line: &str) -> Option<Found> {
    let words = words(line);
    let first = content_start(&words);
    if let Some((date, end)) = date_at(&words, first) {
        let rest = &words[end..];
        let range = words[first].1.start..words[end - 1].1.end;
        // The line is the date (with a time), or it opens with a full date.
        if (line.len() <= DATE_LINE_MAX && rest.iter().all(is_time_word))
            || (first == 0 && date.year.is_some())
        {
            return Some(Found { date, range });
        }
        if agency_after(line, words[end - 1].1.end) {
            return Some(Found { date, range });
        }
    }
    // "PLACE, date (Agency) -", "PLACE, date -": at most four words of place first.
    let comma = line.find(',')?;
    if comma > 40 || !line[..comma].chars().any(char::is_alphabetic) {
        return None;
    }
    let i = words.iter().position(|w| w.1.start > comma)?;
    let (date, end) = date_at(&words, i)?;
    let after = words[end - 1].1.end;
    agency_after(line, after).then(|| Found {
        date,
        range: words[i].1.start..after,
    })
}

/// After a date: "(Reuters) -", " - ", "—": what ends an agency dateline.
fn agency_after(line: &str, at: usize) -> bool {
    let mut rest = line[at..].trim_start_matches([',', ' ']);
    if let Some(inner) = rest.strip_prefix('(') {
        let Some(close) = inner.find(')') else {
            return false;
        };
        if close > 40 {
            return false;
        }
        rest = inner[close + 1..].trim_start();
    }
    rest.starts_with(['-', '—', '–'])
}

/// Words (letters and digits, with the `/ . -` inside numbers) and their spans.
fn words(line: &str) -> Vec<(&str, Range<usize>)> {
    let mut out = Vec::new();
    let mut start = None;
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_digit = chars.peek().is_some_and(|(_, n)| n.is_ascii_digit());
        let inner = matches!(c, '/' | '.' | '-' | ':')
            && next_digit
            && start.is_some_and(|s: usize| line[s..i].ends_with(|p: char| p.is_ascii_digit()));
        if c.is_alphanumeric() || inner {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((&line[s..i], s..i));
        }
    }
    if let Some(s) = start {
        out.push((&line[s..], s..line.len()));
    }
    out
}

/// Labels that come before a date: "Published:", "Updated on", "DATE:", "Posted".
const LABELS: &[&str] = &[
    "date",
    "dated",
    "dateline",
    "published",
    "updated",
    "posted",
    "last",
    "first",
    "on",
    "at",
];

/// The first word of the date after any label (the whole line's first word if none).
fn content_start(words: &[(&str, Range<usize>)]) -> usize {
    words
        .iter()
        .position(|(w, _)| !LABELS.contains(&w.to_ascii_lowercase().as_str()))
        .unwrap_or(words.len())
}

/// A date starting at word `i`: the date and the index of the word after it.
fn date_at(words: &[(&str, Range<usize>)], mut i: usize) -> Option<(Date, usize)> {
    let w = |k: usize| words.get(k).map_or("", |(w, _)| *w);
    if weekday(w(i)) {
        i += 1;
    }
    if let Some(date) = numeric(w(i)) {
        return Some((date, i + 1));
    }
    // Month day [year] | day month [year]
    let (month, day, mut end) = match (month(w(i)), day(w(i))) {
        (Some(m), _) => (m, day(w(i + 1))?, i + 2),
        (None, Some(d)) => (month(w(i + 1))?, d, i + 2),
        _ => return None,
    };
    let year = year(w(end));
    if year.is_some() {
        end += 1;
    }
    valid(year, month, day).then_some((Date { year, month, day }, end))
}

fn weekday(w: &str) -> bool {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let w = w.to_ascii_lowercase();
    DAYS.iter().any(|d| w.len() >= 3 && d.starts_with(&w))
}

/// "October", "Oct", "OCT", "Sept" → 10, 10, 10, 9.
fn month(w: &str) -> Option<u8> {
    let w = w.to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    let i = MONTHS.iter().position(|m| {
        let m = m.to_ascii_lowercase();
        m == w || (m.starts_with(&w) && (w.len() == 3 || w == "sept"))
    })?;
    u8::try_from(i + 1).ok()
}

fn day(w: &str) -> Option<u8> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let ordinal = &w[digits.len()..];
    if !matches!(ordinal, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year(w: &str) -> Option<u16> {
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
        .filter(|y| (1800..=2199).contains(y))
}

/// "2010-10-09", "2010/10/09", "10/09/2010" (month first, as in US news, unless the first
/// number cannot be a month), "09.10.2010" (day first, as in European news).
fn numeric(w: &str) -> Option<Date> {
    let sep = w.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
    let parts: Vec<&str> = w.split(sep).collect();
    let [a, b, c] = parts[..] else {
        return None;
    };
    let n = |s: &str| -> Option<u16> {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (a, b, c) = (n(a)?, n(b)?, n(c)?);
    let (y, m, d) = if parts[0].len() == 4 {
        (a, b, c)
    } else if parts[2].len() == 4 {
        match sep {
            '.' => (c, b, a),
            _ if a > 12 => (c, b, a),
            '-' => return None,
            _ => (c, a, b),
        }
    } else {
        return None;
    };
    let (m, d) = (u8::try_from(m).ok()?, u8::try_from(d).ok()?);
    let year = year(&format!("{y:04}"))?;
    valid(Some(year), m, d).then_some(Date {
        year: Some(year),
        month: m,
        day: d,
    })
}

fn is_iso(s: &str) -> bool {
    s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        })
}

fn valid(year: Option<u16>, month: u8, day: u8) -> bool {
    let leap = year.is_none_or(|y| y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// What may follow a date on a dateline: a time, a zone, "at", "local time", a separator.
fn is_time_word((w, _): &(&str, Range<usize>)) -> bool {
    let lower = w.to_ascii_lowercase();
    w.bytes()
        .all(|b| b.is_ascii_digit() || b == b':' || b == b'.')
        || matches!(
            lower.as_str(),
            "am" | "pm" | "a" | "m" | "p" | "at" | "local" | "time" | "h" | "hrs"
        )
        || (w.len() <= 5 && w.bytes().all(|b| b.is_ascii_uppercase()))
        || w.strip_prefix(|c| c == '+' || c == '-').is_some()
}

/// A plausible year anywhere in the head, for a dateline that gave none.
fn any_year(head: &str) -> Option<u16> {
    words(head).iter().find_map(|(w, _)| {
        numeric(w)
            .and_then(|d| d.year)
            .or_else(|| year(w).filter(|y| (1900..=2199).contains(y)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Option<String> {
        find(text.as_bytes()).map(|d| d.date)
    }

    #[test]
    fn the_metadata_line_is_metadata() {
        let d = find(b" date 2023-11-08 Amid the conflict.").unwrap();
        assert_eq!(
            (d.date.as_str(), d.range, d.metadata),
            ("2023-11-08", 6..16, true)
        );
        assert_eq!(date("dates 2023-11-08 x"), None);
        assert_eq!(date("date 2023-11-089"), None);
    }

    #[test]
    fn wikinews_style_weekday_datelines() {
        let text = "Scientology defector arrested\n\nSaturday, October 9, 2010\n\nA former...";
        let d = find(text.as_bytes()).unwrap();
        assert_eq!(d.date, "2010-10-09");
        assert_eq!(&text[d.range.clone()], "Saturday, October 9, 2010");
        assert!(!d.metadata, "the date line is part of the text");
        assert_eq!(
            date("Flag\n\nThursday, May 7, 2015 On Tuesday, the government announced"),
            Some("2015-05-07".into())
        );
    }

    #[test]
    fn month_name_and_numeric_forms() {
        for (line, iso) in [
            ("October 9, 2010", "2010-10-09"),
            ("9 October 2010", "2010-10-09"),
            ("Sat, 9 Oct 2010 10:32:00 GMT", "2010-10-09"),
            ("Oct. 9th, 2010", "2010-10-09"),
            ("2010-10-09", "2010-10-09"),
            ("2010/10/09", "2010-10-09"),
            ("10/09/2010", "2010-10-09"),
            ("25/12/2019", "2019-12-25"),
            ("09.11.2010", "2010-11-09"),
            ("29 February 2024", "2024-02-29"),
        ] {
            assert_eq!(
                date(&format!("Title\n{line}\n\nText.")),
                Some(iso.into()),
                "{line}"
            );
        }
    }

    #[test]
    fn labelled_datelines() {
        for line in [
            "Published: 9 October 2010",
            "Published October 9, 2010 10:32 AM ET",
            "DATE: 2010-10-09",
            "Updated on Oct 9, 2010 at 5 p.m.",
            "Posted 10/09/2010",
        ] {
            assert_eq!(
                date(&format!("Title\n{line}\nText.")),
                Some("2010-10-09".into()),
                "{line}"
            );
        }
    }

    #[test]
    fn agency_datelines() {
        assert_eq!(
            date("Title\n\nWASHINGTON, Oct 9, 2010 (Reuters) - The talks resumed."),
            Some("2010-10-09".into())
        );
        assert_eq!(
            date("Title\n\nPORT OF SYDNEY, 9 October 2010 — Shares fell."),
            Some("2010-10-09".into())
        );
        // No year on the dateline: the head's year, else no date at all.
        assert_eq!(
            date("Published 2010\n\nWASHINGTON, Oct 9 (Reuters) - Talks."),
            Some("2010-10-09".into())
        );
        assert_eq!(date("Title\n\nWASHINGTON, Oct 9 (Reuters) - Talks."), None);
    }

    #[test]
    fn dates_inside_sentences_or_far_down_are_not_datelines() {
        assert_eq!(
            date("Talks resumed in Doha after the ceasefire of October 9, 2010 ended."),
            None
        );
        assert_eq!(date("In May 2010, the vote was held."), None);
        let far = format!("{}October 9, 2010\n", "A line of text.\n".repeat(20));
        assert_eq!(date(&far), None);
        assert_eq!(date("February 30, 2010"), None, "no such day");
        assert_eq!(date("13/13/2010"), None);
    }

    #[test]
    fn invalid_utf8_and_binary_heads_are_read_safely() {
        let mut bytes = b"Title\nOctober 9, 2010\n".to_vec();
        bytes.extend([0xff, 0xfe, 0x00]);
        assert_eq!(find(&bytes).map(|d| d.date), Some("2010-10-09".into()));
        assert_eq!(find(&[0xff; 10]), None);
        assert_eq!(find(b""), None);
    }
}
