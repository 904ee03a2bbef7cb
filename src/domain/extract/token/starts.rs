//! What a token may start, marked as it is made: a date (a number, a month, a weekday) or a
//! figure (a number, a number word). The finders of dates and figures then pass over every
//! other token at a glance instead of reading its letters again, once each.

use super::Shape;

/// The token may start a date: a number, or a capitalised word that starts as a month or a
/// weekday does.
pub const DATE: u8 = 1;
/// The token may be a numeral: a number, or a word that starts as a number word does.
pub const FIGURE: u8 = 2;

/// The first three letters of the number words ("two" … "trillion", "dozen", and "one" of
/// "one-third").
const NUMBER_WORD_STARTS: [&[u8; 3]; 21] = [
    b"two", b"twe", b"thr", b"thi", b"tho", b"ten", b"tri", b"fou", b"for", b"fiv", b"fif", b"six",
    b"sev", b"eig", b"ele", b"nin", b"hun", b"mil", b"bil", b"doz", b"one",
];

/// The first three letters of the months (full or abbreviated: "Sept.") and the weekdays.
const CALENDAR_STARTS: [&[u8; 3]; 19] = [
    b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep", b"oct", b"nov", b"dec",
    b"mon", b"tue", b"wed", b"thu", b"fri", b"sat", b"sun",
];

/// For each first two letters (either case), the third letters that may follow them in a
/// number word (a bit each, from bit 0) and in a month or weekday (from bit 32). Indexed by
/// [`lane`]s: the rows and bits of the six lanes past "z" stay empty.
static THIRD_LETTERS: [u64; 32 * 32] = {
    const fn add(t: &mut [u64; 32 * 32], w: &[u8; 3], shift: u32) {
        let at = (w[0] - b'a') as usize * 32 + (w[1] - b'a') as usize;
        t[at] |= 1 << ((w[2] - b'a') as u32 + shift);
    }
    let mut t = [0; 32 * 32];
    let mut i = 0;
    while i < NUMBER_WORD_STARTS.len() {
        add(&mut t, NUMBER_WORD_STARTS[i], 0);
        i += 1;
    }
    let mut i = 0;
    while i < CALENDAR_STARTS.len() {
        add(&mut t, CALENDAR_STARTS[i], 32);
        i += 1;
    }
    t
};

/// What a token of `shape` whose text is `word` may start ([`DATE`], [`FIGURE`]), by its
/// first three letters in either case (a few words more than the finders take, no fewer).
/// Without a branch: a missing second or third letter reads as a byte whose lane is empty.
// Called for every word from the tokenizer's inner loop.
#[inline]
pub(super) fn starts(word: &[u8], shape: Shape) -> u8 {
    let at = |k: usize| word.get(k).copied().unwrap_or(0);
    let bits = third_letters(at(0), at(1), at(2));
    let marks = ((bits & 1) as u8 * FIGURE) | ((bits >> 32 & 1) as u8 * DATE);
    (marks & KEPT[shape as usize]) | GIVEN[shape as usize]
}

/// [`starts`] for a word of `len` bytes whose first three (or fewer, then what follows them)
/// are the low bytes of `first`, little-endian: the letters already loaded, no byte read again.
#[inline]
pub(super) fn starts_of_three(first: u32, len: usize, shape: Shape) -> u8 {
    let byte = |k: u32| (first >> (8 * k)) as u8;
    let bits = third_letters(byte(0), byte(1), byte(2));
    // Fewer than three letters: nothing (the bytes after the word are no part of it).
    let bits = bits & 0u64.wrapping_sub(u64::from(len >= 3));
    let marks = ((bits & 1) as u8 * FIGURE) | ((bits >> 32 & 1) as u8 * DATE);
    (marks & KEPT[shape as usize]) | GIVEN[shape as usize]
}

/// The marks a word of each shape keeps: a month or a weekday is capitalised, a number word
/// may be in either case.
const KEPT: [u8; 7] = {
    let mut kept = [0; 7];
    kept[Shape::Cap as usize] = DATE | FIGURE;
    kept[Shape::Lower as usize] = FIGURE;
    kept
};

/// The marks a token of each shape has whatever its letters: a number may start either.
const GIVEN: [u8; 7] = {
    let mut given = [0; 7];
    given[Shape::Number as usize] = DATE | FIGURE;
    given
};

/// The bits of [`THIRD_LETTERS`] for the bytes `a`, `b`, `c`, the third's bits moved down to
/// bit 0 and bit 32. Without a branch: a byte that is no letter may read as one (a digit, a
/// byte beyond ASCII), which only marks a token the finders then pass over.
#[inline]
fn third_letters(a: u8, b: u8, c: u8) -> u64 {
    THIRD_LETTERS[lane(a) * 32 + lane(b)] >> lane(c)
}

/// A letter's place in the alphabet, either case (0 for "a"); any other byte's is some lane
/// below 32, and that of 0 the last, which no letter has.
fn lane(x: u8) -> usize {
    usize::from((x | 0x20).wrapping_sub(b'a') & 31)
}

/// Whether a word may be a month or a weekday by its first three letters (either case).
#[cfg(test)]
pub fn calendar_start(word: &[u8]) -> bool {
    word.len() >= 3 && third_letters(word[0], word[1], word[2]) >> 32 & 1 != 0
}

/// Whether a word of three bytes or more may be a number word by its first three letters
/// (either case): what passes over most words that start as one does ("the", "these",
/// "second").
pub fn starts_as_number_word(word: &[u8]) -> bool {
    third_letters(word[0], word[1], word[2]) & 1 != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_marked_by_their_first_three_letters() {
        let marks = |w: &str, shape| starts(w.as_bytes(), shape);
        assert_eq!(marks("2023", Shape::Number), DATE | FIGURE);
        assert_eq!(marks("Sept", Shape::Cap), DATE);
        assert_eq!(marks("Seven", Shape::Cap), FIGURE);
        assert_eq!(marks("Thursday", Shape::Cap), DATE);
        assert_eq!(marks("thursday", Shape::Lower), 0);
        assert_eq!(marks("Thirty", Shape::Cap), FIGURE);
        assert_eq!(marks("twenty-one", Shape::Lower), FIGURE);
        for w in ["the", "these", "second", "to", "Ortega", "said"] {
            assert_eq!(marks(w, Shape::Lower) | marks(w, Shape::Cap), 0, "{w}");
        }
        assert_eq!(marks("NOV", Shape::Upper), 0);
    }
}
