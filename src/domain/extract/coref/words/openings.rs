//! The first word of a range that opens with one of a few pairs of letters, found without
//! reading the others: what the resolver looks for past a sentence's opening.

use std::ops::Range;

use super::{WORD_BYTES, Word, trimmed};

/// The openings of the words [`find_first`] looks for (their first two letters), as a table
/// of byte classes and, for each first letter, the second letters that may follow it.
pub struct Openings {
    class: [u8; 256],
    /// Bit `n` of a first letter's entry: `b'a' + n` (in either case) may follow it.
    seconds: [u32; 256],
    /// The wanted first letters in lower case, the first repeated to fill eight (sixteen
    /// bytes are compared with each at once).
    firsts: [u8; 8],
}

/// Classes of [`Openings`]: a word byte; a byte that may open a run holding a wanted word
/// (a wanted first letter, or an apostrophe or hyphen that [`words`](super::words) trims); a
/// wanted first letter.
const WORD: u8 = 1;
const OPENS: u8 = 2;
const WANTED: u8 = 4;

impl Openings {
    /// The words wanted open with one of `openings`: two ASCII letters in lower case, which
    /// the text may write in either case.
    pub const fn new(openings: &[[u8; 2]]) -> Openings {
        let mut class = [0u8; 256];
        let mut b = 0;
        while b < 256 {
            if WORD_BYTES[b] {
                class[b] = WORD;
            }
            b += 1;
        }
        class[b'\'' as usize] |= OPENS;
        class[b'-' as usize] |= OPENS;
        let mut seconds = [0u32; 256];
        assert!(!openings.is_empty());
        let mut firsts = [openings[0][0]; 8];
        let mut distinct = 0;
        let mut i = 0;
        while i < openings.len() {
            let [a, s] = openings[i];
            assert!(a.is_ascii_lowercase() && s.is_ascii_lowercase());
            let bit = 1 << (s - b'a');
            if class[a as usize] & WANTED == 0 {
                assert!(distinct < firsts.len(), "at most eight first letters");
                firsts[distinct] = a;
                distinct += 1;
            }
            class[a as usize] |= OPENS | WANTED;
            class[a.to_ascii_uppercase() as usize] |= OPENS | WANTED;
            seconds[a as usize] |= bit;
            seconds[a.to_ascii_uppercase() as usize] |= bit;
            i += 1;
        }
        Openings {
            class,
            seconds,
            firsts,
        }
    }

    /// Whether a wanted word may start with `b`.
    pub fn wanted(&self, b: u8) -> bool {
        self.class[b as usize] & WANTED != 0
    }

    /// Whether `w` opens with one of the openings.
    pub fn opens(&self, text: &[u8], w: Word) -> bool {
        w.end - w.start >= 2 && self.opens_at(text, w.start)
    }

    /// Whether `bytes[at..]` opens with one of the openings (letters, so both are in the
    /// word that starts at `at`, if one does).
    #[inline]
    fn opens_at(&self, bytes: &[u8], at: usize) -> bool {
        let second = bytes.get(at + 1).map_or(0, u8::to_ascii_lowercase);
        second.is_ascii_lowercase()
            && (self.seconds[bytes[at] as usize] >> (second - b'a')) & 1 != 0
    }
}

/// The first word of `text[range]` (as [`words`](super::words) reads them) that opens with
/// one of `openings` and whose length `len_ok` accepts. One pass over the bytes, one test a
/// byte: a word is only made where a run of word bytes opens with one of those (or with an
/// apostrophe or hyphen, which [`words`](super::words) trims); the other runs are passed over
/// byte by byte without looking for their ends (where a branch at each word would go wrong
/// half the time), and so is a run whose first letter is wanted but not its second ("to",
/// "said").
#[inline]
pub fn find_first(
    text: &[u8],
    range: Range<usize>,
    openings: &Openings,
    len_ok: impl Fn(usize) -> bool,
) -> Option<Word> {
    let end = range.end.min(text.len());
    let from = range.start.min(end);
    let bytes = &text[from..end];
    let class = &openings.class;
    let mut i = 0;
    // WORD if the byte before `i` is a word byte (none is, before the range).
    let mut before = 0u8;
    while let Some(at) = next_opening(bytes, i, before, openings) {
        let run_end = (bytes[at..].iter())
            .position(|&b| class[b as usize] & WORD == 0)
            .map_or(bytes.len(), |n| at + n);
        if let Some(w) = trimmed(bytes, at..run_end)
            && class[bytes[w.start] as usize] & WANTED != 0
            && openings.opens(bytes, w)
            && len_ok(w.end - w.start)
        {
            return Some(Word {
                start: from + w.start,
                end: from + w.end,
            });
        }
        // The byte at the run's end is no word byte.
        i = run_end;
        before = 0;
    }
    None
}

/// Where the first run of word bytes at or after `i` starts that opens with a byte of class
/// OPENS and, if that is a wanted first letter, with a wanted second one (`before`: WORD if
/// the byte before `i` is a word byte). Eight bytes at a time: their classes side by side in
/// a word, every run start among them found at once, no branch taken at each. The second
/// letter is asked for here, so that a run whose first letter is wanted but not its second
/// ("to", "said") lets the search go on within the same eight bytes.
fn next_opening(bytes: &[u8], mut i: usize, mut before: u8, openings: &Openings) -> Option<usize> {
    const EACH: u64 = 0x0101_0101_0101_0101;
    let class = &openings.class;
    let opening =
        |at: usize| class[bytes[at] as usize] & WANTED == 0 || openings.opens_at(bytes, at);
    #[cfg(target_arch = "x86_64")]
    if bytes.len() >= i + 16 {
        let sixteen = sixteen::Classes::new(&openings.firsts);
        while let Some(chunk) = bytes.get(i..i + 16) {
            let (word, opens) = sixteen.of(chunk);
            let word_before = (word << 1) | u32::from(before & WORD);
            let mut starts = opens & !word_before;
            while starts != 0 {
                let at = i + starts.trailing_zeros() as usize;
                if opening(at) {
                    return Some(at);
                }
                starts &= starts - 1;
            }
            before = ((word >> 15) & 1) as u8 * WORD;
            i += 16;
        }
    }
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut c = 0u64;
        for (k, &b) in chunk.iter().enumerate() {
            c |= u64::from(class[b as usize]) << (8 * k);
        }
        let word = c & (EACH * u64::from(WORD));
        let word_before = (word << 8) | u64::from(before);
        let mut opens = c & !(word_before << 1) & (EACH * u64::from(OPENS));
        while opens != 0 {
            let at = i + (opens.trailing_zeros() / 8) as usize;
            if opening(at) {
                return Some(at);
            }
            opens &= opens - 1;
        }
        before = (word >> 56) as u8;
        i += 8;
    }
    while let Some(&b) = bytes.get(i) {
        let c = class[b as usize];
        if c & !(before << 1) & OPENS != 0 && opening(i) {
            return Some(i);
        }
        before = c & WORD;
        i += 1;
    }
    None
}

/// The classes of [`next_opening`] for sixteen bytes at once, in SSE2 (which every x86-64
/// has): a byte per lane, compared with each class's bytes side by side, the answers one bit
/// a byte. The word bytes are those of [`WORD_BYTES`] (ASCII letters, digits, apostrophes,
/// hyphens, every byte from 0x80), told by ranges rather than a table: sixteen look-ups a
/// chunk were most of the search.
#[cfg(target_arch = "x86_64")]
mod sixteen {
    use std::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_cmplt_epi8, _mm_loadu_si128,
        _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };

    /// The bytes compared with, made once a search.
    pub(super) struct Classes {
        firsts: [__m128i; 8],
        case: __m128i,
        before_a: __m128i,
        after_z: __m128i,
        before_0: __m128i,
        after_9: __m128i,
        apostrophe: __m128i,
        hyphen: __m128i,
    }

    impl Classes {
        /// `firsts`: the wanted first letters, in lower case.
        #[inline]
        pub(super) fn new(firsts: &[u8; 8]) -> Classes {
            // SAFETY: SSE2 is part of x86-64 itself: every such processor runs it.
            let byte = |b: u8| unsafe { _mm_set1_epi8(b as i8) };
            Classes {
                firsts: firsts.map(byte),
                case: byte(0x20),
                before_a: byte(b'a' - 1),
                after_z: byte(b'z' + 1),
                before_0: byte(b'0' - 1),
                after_9: byte(b'9' + 1),
                apostrophe: byte(b'\''),
                hyphen: byte(b'-'),
            }
        }

        /// Bit `k` of the first: `chunk[k]` is a word byte; of the second: it may open a run
        /// holding a wanted word (a wanted first letter in either case, an apostrophe or a
        /// hyphen). `chunk` holds sixteen bytes.
        #[inline]
        pub(super) fn of(&self, chunk: &[u8]) -> (u32, u32) {
            assert!(chunk.len() >= 16);
            // SAFETY: SSE2 is part of x86-64 itself: every such processor runs it; the
            // sixteen bytes loaded are in `chunk` (asserted), with no alignment needed.
            unsafe {
                let v = _mm_loadu_si128(chunk.as_ptr().cast());
                // Upper case letters made lower; no other byte becomes a letter. Bytes from 0x80
                // are negative lanes: below every range compared with, each a word byte.
                let lower = _mm_or_si128(v, self.case);
                let letter = _mm_and_si128(
                    _mm_cmpgt_epi8(lower, self.before_a),
                    _mm_cmplt_epi8(lower, self.after_z),
                );
                let digit = _mm_and_si128(
                    _mm_cmpgt_epi8(v, self.before_0),
                    _mm_cmplt_epi8(v, self.after_9),
                );
                let edge = _mm_or_si128(
                    _mm_cmpeq_epi8(v, self.apostrophe),
                    _mm_cmpeq_epi8(v, self.hyphen),
                );
                let word = _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(letter, digit), edge))
                    | _mm_movemask_epi8(v);
                let mut opens = edge;
                for f in &self.firsts {
                    opens = _mm_or_si128(opens, _mm_cmpeq_epi8(lower, *f));
                }
                (word as u32, _mm_movemask_epi8(opens) as u32)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::words;
    use super::*;

    #[test]
    fn the_first_word_found_in_a_long_text_is_the_first_that_words_reads() {
        let t = "Then 'tis he, SHE said -- it's Hi-fi: \"this\" theirs... W-t to-the 'the' \
                 \u{201c}It\u{201d} whose; ta t 'h- i\u{2019}s Zo\u{eb} tho' shh, hi! in-house "
            .repeat(3);
        let t = t.as_bytes();
        let set = Openings::new(&[*b"he", *b"hi", *b"sh", *b"th", *b"wh", *b"it"]);
        let len_ok = |n: usize| (2..=10).contains(&n);
        for from in 0..=t.len() {
            let expected = words(t, from..t.len()).find(|w| {
                let b = w.bytes(t);
                let pair = b.len() >= 2 && {
                    let pair = [b[0].to_ascii_lowercase(), b[1].to_ascii_lowercase()];
                    [*b"he", *b"hi", *b"sh", *b"th", *b"wh", *b"it"].contains(&pair)
                };
                pair && len_ok(w.end - w.start)
            });
            assert_eq!(
                find_first(t, from..t.len(), &set, len_ok),
                expected,
                "from {from}"
            );
        }
    }

    #[cfg(target_arch = "x86_64")]
    #[test]
    fn sixteen_bytes_at_once_are_classed_as_the_table_classes_each() {
        for set in [
            Openings::new(&[*b"he", *b"hi", *b"sh", *b"th", *b"wh", *b"it"]),
            Openings::new(&[*b"th"]),
        ] {
            let classes = sixteen::Classes::new(&set.firsts);
            let all: Vec<u8> = (0..=255).collect();
            for chunk in all.chunks(16) {
                let (word, opens) = classes.of(chunk);
                for (k, &b) in chunk.iter().enumerate() {
                    let class = set.class[b as usize];
                    assert_eq!((word >> k) & 1 != 0, class & WORD != 0, "{b}");
                    assert_eq!((opens >> k) & 1 != 0, class & OPENS != 0, "{b}");
                }
            }
        }
    }

    #[test]
    fn the_first_word_found_is_the_first_that_words_reads() {
        let t = b"'Tis the way -- he's 'it' - with them, Hi-fi";
        for from in 0..=t.len() {
            for len in 1..6 {
                let expected = words(t, from..t.len()).find(|w| {
                    let b = w.bytes(t);
                    b.len() >= 2
                        && matches!(b[0], b't' | b'T')
                        && matches!(b[1], b'h' | b'H')
                        && w.end - w.start <= len
                });
                let found = find_first(t, from..t.len(), &Openings::new(&[*b"th"]), |n| n <= len);
                assert_eq!(found, expected, "from {from}, up to {len}");
            }
        }
    }

    #[test]
    fn the_words_found_one_after_another_are_those_a_first_letter_and_a_second_look_find() {
        // What the resolver did before the second letter was looked at with the first: the
        // words by first letter and length, then those whose first two letters open a link.
        let pieces = [
            "he",
            "He",
            "HI",
            "sh",
            "th",
            "The",
            "wh",
            "it",
            "It's",
            "to",
            "said",
            "in",
            "is",
            "w",
            "h",
            "t",
            "i",
            "s",
            "x",
            "'",
            "-",
            "--",
            " ",
            "  ",
            ",",
            ".",
            "\"",
            "é",
            "\u{2019}",
            "\n",
            "9",
            "their",
            "who",
            "hers",
            "t'h",
            "h-e",
            "themselves",
            "theirselvesss",
        ];
        let openings = Openings::new(&[*b"he", *b"hi", *b"sh", *b"th", *b"wh", *b"it"]);
        let len_ok = |n: usize| (2..=10).contains(&n);
        let mut seed = 0x5851_f42d_4c95_7f2d_u64;
        for _ in 0..20_000 {
            let text = crate::domain::shuffled::joined(&mut seed, &pieces, 12);
            let t = text.as_bytes();
            let mut expected = vec![];
            let mut pos = 0;
            while let Some(w) = words(t, pos..t.len())
                .find(|w| b"hsitwHSITW".contains(&t[w.start]) && len_ok(w.end - w.start))
            {
                pos = w.end;
                let b = w.bytes(t);
                if matches!(
                    [b[0].to_ascii_lowercase(), b[1].to_ascii_lowercase()],
                    [b'h', b'e' | b'i'] | [b's' | b't' | b'w', b'h'] | [b'i', b't']
                ) {
                    expected.push(w);
                }
            }
            let mut found = vec![];
            let mut pos = 0;
            while let Some(w) = find_first(t, pos..t.len(), &openings, len_ok) {
                pos = w.end;
                found.push(w);
            }
            assert_eq!(found, expected, "{text:?}");
        }
    }
}
