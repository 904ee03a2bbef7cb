//! The word at a place in the text: what a click on plain text points at, for the reader to
//! attach it to an entity.

use std::ops::Range;

/// How far either side of the place a word may reach: a word is never longer, and the look
/// stays a few bytes however long the line.
const REACH: usize = 64;

/// The word (letters and digits, joined by inner hyphens: "45-year-old") around byte `at`
/// of `bytes`, or `None` when `at` is not on one.
pub fn word_at(bytes: &[u8], at: usize) -> Option<Range<usize>> {
    if at >= bytes.len() {
        return None;
    }
    let is_boundary = |i: usize| i >= bytes.len() || (bytes[i] as i8) >= -0x40;
    let mut lo = at.saturating_sub(REACH);
    while !is_boundary(lo) {
        lo += 1;
    }
    let mut hi = (at + REACH).min(bytes.len());
    while !is_boundary(hi) {
        hi -= 1;
    }
    let window = std::str::from_utf8(&bytes[lo..hi]).ok()?;
    let mut at = at - lo;
    while !window.is_char_boundary(at) {
        at -= 1;
    }
    let chars: Vec<(usize, char)> = window.char_indices().collect();
    let here = chars.iter().position(|&(i, _)| i == at)?;
    let inner_hyphen = |k: usize| {
        chars[k].1 == '-'
            && k > 0
            && chars[k - 1].1.is_alphanumeric()
            && chars.get(k + 1).is_some_and(|c| c.1.is_alphanumeric())
    };
    let in_word = |k: usize| chars[k].1.is_alphanumeric() || inner_hyphen(k);
    if !chars[here].1.is_alphanumeric() {
        return None;
    }
    let mut first = here;
    while first > 0 && in_word(first - 1) {
        first -= 1;
    }
    let mut last = here;
    while last + 1 < chars.len() && in_word(last + 1) {
        last += 1;
    }
    let end = chars[last].0 + chars[last].1.len_utf8();
    Some(lo + chars[first].0..lo + end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str, at: usize) -> Option<&str> {
        word_at(text.as_bytes(), at).map(|r| &text[r])
    }

    #[test]
    fn the_word_around_a_place() {
        let t = "“He said,” the 45-year-old Zoë added - no.";
        assert_eq!(word(t, t.find("He").unwrap() + 1), Some("He"));
        assert_eq!(word(t, t.find("45").unwrap()), Some("45-year-old"));
        assert_eq!(word(t, t.find("old").unwrap()), Some("45-year-old"));
        assert_eq!(
            word(t, t.find("ë").unwrap() + 1),
            Some("Zoë"),
            "inside a letter"
        );
        assert_eq!(word(t, t.find(" - ").unwrap() + 1), None, "a dash alone");
        assert_eq!(word(t, 0), None, "a quotation mark");
        assert_eq!(word(t, t.len()), None);
    }

    #[test]
    fn a_long_run_and_bad_bytes_do_not_break_it() {
        let long = "x".repeat(500);
        let r = word_at(long.as_bytes(), 250).unwrap();
        assert!(r.start <= 250 && r.end > 250);
        assert_eq!(
            word_at(b"ab \xff\xfe cd", 0),
            None,
            "invalid UTF-8 in the window"
        );
        assert_eq!(word_at(b"ab \xff\xfe cd", 3), None);
    }
}
