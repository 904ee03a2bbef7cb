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
/// month or weekday (a bit each, from bit 0) and in a number word (from bit 32): a third
/// letter's two bits, shifted down, are [`DATE`] and [`FIGURE`] once folded together. Indexed
/// by the letters' five low bits ("a" and "A" are 1), so that no lane is computed: the rows and
/// bits of 0 and of 27 to 31, which no letter has, stay empty.
static THIRD_LETTERS: [u64; 32 * 32] = {
    const fn add(t: &mut [u64; 32 * 32], w: &[u8; 3], shift: u32) {
        let at = (w[0] & 31) as usize * 32 + (w[1] & 31) as usize;
        t[at] |= 1 << ((w[2] & 31) as u32 + shift);
    }
    let mut t = [0; 32 * 32];
    let mut i = 0;
    while i < NUMBER_WORD_STARTS.len() {
        add(&mut t, NUMBER_WORD_STARTS[i], 32);
        i += 1;
    }
    let mut i = 0;
    while i < CALENDAR_STARTS.len() {
        add(&mut t, CALENDAR_STARTS[i], 0);
        i += 1;
    }
    t
};

/// What a token of `shape` whose text is `word` may start ([`DATE`], [`FIGURE`]), by its
/// first three letters in either case (a few words more than the finders take, no fewer).
/// Without a branch: a missing second or third letter reads as 0, whose row and bit are empty.
// Called for every word from the tokenizer's inner loop.
#[inline]
pub(super) fn starts(word: &[u8], shape: Shape) -> u8 {
    let at = |k: usize| u32::from(word.get(k).copied().unwrap_or(0));
    marks_of(third_letters(at(0) | at(1) << 8 | at(2) << 16), shape)
}

/// [`starts`] for a word of `len` bytes whose first three (or fewer, then what follows them)
/// are the low bytes of `first`, little-endian (its top byte is not read): the letters already
/// loaded, no byte read again.
#[inline]
pub(super) fn starts_of_three(first: u32, len: usize, shape: Shape) -> u8 {
    let bits = third_letters(first);
    // Fewer than three letters: nothing (the bytes after the word are no part of it).
    marks_of(bits & 0u64.wrapping_sub(u64::from(len >= 3)), shape)
}

/// The marks of a word of `shape` whose third letter's bits are `bits` ([`third_letters`]).
#[inline]
fn marks_of(bits: u64, shape: Shape) -> u8 {
    let both = bits & (1 << 32 | 1);
    let marks = (both | both >> 31) as usize & 3;
    MARKS_BY_SHAPE[shape as usize * 4 + marks]
}

/// For each shape, then each pair of marks a word's letters give ([`DATE`] and [`FIGURE`] as
/// bits), the marks it has: a month or a weekday is capitalised, a number word may be in
/// either case, a number may start either whatever its letters.
const MARKS_BY_SHAPE: [u8; 7 * 4] = {
    let mut table = [0; 7 * 4];
    let mut marks = 0;
    while marks < 4 {
        let m = marks as u8;
        table[Shape::Cap as usize * 4 + marks] = m & (DATE | FIGURE);
        table[Shape::Lower as usize * 4 + marks] = m & FIGURE;
        table[Shape::Number as usize * 4 + marks] = DATE | FIGURE;
        marks += 1;
    }
    table
};

/// The bits of [`THIRD_LETTERS`] for the three bytes of `three` (little-endian, the top byte
/// zero), the third's bits moved down to bit 0 and bit 32. Without a branch: a byte that is no
/// letter may read as one (a digit, a byte beyond ASCII: those of the same five low bits),
/// which only marks a token the finders then pass over.
#[inline]
fn third_letters(three: u32) -> u64 {
    let row = (three & 31) * 32 + (three >> 8 & 31);
    THIRD_LETTERS[row as usize] >> (three >> 16 & 31)
}

/// Whether a word may be a month or a weekday by its first three letters (either case).
#[cfg(test)]
pub fn calendar_start(word: &[u8]) -> bool {
    word.len() >= 3 && third_letters(three_bytes(word)) & 1 != 0
}

/// Whether a word of three bytes or more may be a number word by its first three letters
/// (either case): what passes over most words that start as one does ("the", "these",
/// "second").
pub fn starts_as_number_word(word: &[u8]) -> bool {
    third_letters(three_bytes(word)) >> 32 & 1 != 0
}

/// The first three bytes of `word` (of three or more), little-endian.
fn three_bytes(word: &[u8]) -> u32 {
    u32::from(word[0]) | u32::from(word[1]) << 8 | u32::from(word[2]) << 16
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

    #[test]
    fn a_word_is_marked_as_by_its_letters_alone() {
        // The marks the lists give a word's first three letters (either case), by reading them.
        let listed = |w: &[u8], list: &[&[u8; 3]]| {
            let lower = w.to_ascii_lowercase();
            list.iter().any(|s| s[..] == lower[..3])
        };
        let letters = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        for &a in letters {
            for &b in letters.iter().step_by(3) {
                for &c in letters {
                    let w = [a, b, c];
                    let date = listed(&w, &CALENDAR_STARTS);
                    let figure = listed(&w, &NUMBER_WORD_STARTS);
                    assert_eq!(calendar_start(&w), date, "{w:?}");
                    assert_eq!(starts_as_number_word(&w), figure, "{w:?}");
                }
            }
        }
    }
}
