//! Short pieces of JSON (numbers, mention texts, ids, sentence ranges) appended as a copy of
//! a fixed number of bytes, then cut to their length: a copy whose length is known when
//! compiling is a few moves, where one of a length known only when running was a call to
//! `memcpy`, and the millions of mentions and connections of a large document are written of
//! such pieces. They are inlined always: each is a few instructions done for every mention,
//! and left out of line (as `#[inline]` left them) the calls cost as much as the work.

/// Bytes copied at once: all of nearly every mention text, id and sentence range.
pub(super) const WINDOW: usize = 32;

/// Appends `n` in decimal. The digits are worked out in a register, eight at a time, and
/// stored at once: written a pair at a time into a buffer, as itoa does, and read back from
/// it, every number waited for the stores of its pairs to reach the cache.
#[allow(clippy::inline_always)]
#[inline(always)]
pub(super) fn push_u32(w: &mut Vec<u8>, n: u32) {
    if n >= 100_000_000 {
        let high = n / 100_000_000;
        push_eight(w, high, digits(high));
        push_eight(w, n % 100_000_000, 8);
    } else {
        push_eight(w, n, digits(n));
    }
}

/// How many decimal digits `n` has (one for 0).
#[allow(clippy::inline_always)]
#[inline(always)]
fn digits(n: u32) -> usize {
    n.checked_ilog10().map_or(1, |d| d as usize + 1)
}

/// Appends the last `len` of the eight decimal digits of `n` (below 10^8, with its leading
/// zeros): each step splits every lane of the word in two by a multiplication, the quotient
/// in the lane's lower half (the digits that come first) and the remainder in its upper.
#[allow(clippy::inline_always)]
#[inline(always)]
fn push_eight(w: &mut Vec<u8>, n: u32, len: usize) {
    debug_assert!(n < 100_000_000 && (1..=8).contains(&len));
    // Two lanes of 32 bits: the first four digits and the last four.
    let x = u64::from(n / 10_000) | u64::from(n % 10_000) << 32;
    // Four lanes of 16 bits (x * 10486 >> 20 is x / 100 below 10^4).
    let hundreds = ((x * 10_486) >> 20) & 0x0000_007f_0000_007f;
    let x = hundreds | (x - hundreds * 100) << 16;
    // Eight lanes of 8 bits (x * 103 >> 10 is x / 10 below 100).
    let tens = ((x * 103) >> 10) & 0x000f_000f_000f_000f;
    let x = tens | (x - tens * 10) << 8;
    let ascii = (x + 0x3030_3030_3030_3030) >> (8 * (8 - len));
    let old = w.len();
    w.extend_from_slice(&ascii.to_le_bytes());
    w.truncate(old + len);
}

/// The first [`WINDOW`] bytes from `range.start` in `bytes` and the range's length, if that
/// many follow its start and it is no longer (callers pad what they copy from, so that
/// nearly every piece is).
#[allow(clippy::inline_always)]
#[inline(always)]
pub(super) fn window_of(
    bytes: &[u8],
    range: std::ops::Range<usize>,
) -> Option<(&[u8; WINDOW], usize)> {
    let len = range.end.wrapping_sub(range.start);
    let window = bytes.get(range.start..range.start.saturating_add(WINDOW))?;
    (len <= WINDOW).then(|| (<&[u8; WINDOW]>::try_from(window).expect("a window"), len))
}

/// [`window_of`] the text `start..end` when it needs no escape in JSON (see
/// [`super::strings`]).
#[allow(clippy::inline_always)]
#[inline(always)]
pub(super) fn plain_window(
    bytes: &[u8],
    start: usize,
    end: usize,
) -> Option<(&[u8; WINDOW], usize)> {
    let (window, len) = window_of(bytes, start..end)?;
    (not_plain(window) & (((1u64 << len) - 1) as u32) == 0).then_some((window, len))
}

/// Appends `bytes[range]`, through [`window_of`] where it can.
#[allow(clippy::inline_always)]
#[inline(always)]
pub(super) fn push_piece(w: &mut Vec<u8>, bytes: &[u8], range: std::ops::Range<usize>) {
    match window_of(bytes, range.clone()) {
        Some((window, len)) => {
            let old = w.len();
            w.extend_from_slice(window);
            w.truncate(old + len);
        }
        None => w.extend_from_slice(&bytes[range]),
    }
}

/// The bytes of `window` JSON does not write as they are (not [`super::strings::is_plain`]:
/// controls, DEL, bytes beyond ASCII, quotes, backslashes), a bit each, from the lowest.
#[cfg(target_arch = "x86_64")]
#[inline]
fn not_plain(window: &[u8; WINDOW]) -> u32 {
    use std::arch::x86_64::{
        _mm_cmpeq_epi8, _mm_cmplt_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8,
    };
    let half = |at: usize| {
        // SAFETY: SSE2 is part of x86_64; the sixteen bytes read are in `window`.
        unsafe {
            let x = _mm_loadu_si128(window[at..at + 16].as_ptr().cast());
            let is = |b: u8| _mm_cmpeq_epi8(x, _mm_set1_epi8(b as i8));
            // Compared as signed, bytes from 0x80 on are below 0x20 too.
            let low_or_high = _mm_cmplt_epi8(x, _mm_set1_epi8(0x20));
            let marks = _mm_or_si128(_mm_or_si128(is(0x7f), is(b'"')), is(b'\\'));
            _mm_movemask_epi8(_mm_or_si128(low_or_high, marks)) as u32 & 0xffff
        }
    };
    half(0) | half(16) << 16
}

#[cfg(not(target_arch = "x86_64"))]
fn not_plain(window: &[u8; WINDOW]) -> u32 {
    (window.iter().enumerate()).fold(0, |m, (i, &b)| {
        m | u32::from(!super::strings::is_plain(b)) << i
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_as_itoa_writes_them() {
        let mut n = 1u32;
        let mut samples = vec![0, 9, 10, 99, 100, 101, 999_999, u32::MAX];
        while n < u32::MAX / 3 {
            samples.extend([n - 1, n, n + 1]);
            n = n * 3 + 1;
        }
        samples.extend((0..100_000).map(|i| i * 7919 % 100_000_000));
        for n in samples {
            let mut w = b"x".to_vec();
            push_u32(&mut w, n);
            assert_eq!(w, format!("x{n}").as_bytes(), "{n}");
        }
    }

    #[test]
    fn a_piece_is_its_bytes_whether_copied_in_a_window_or_not() {
        let bytes: Vec<u8> = (0..100u8).collect();
        for start in 0..100 {
            for end in start..=100 {
                let mut w = vec![7];
                push_piece(&mut w, &bytes, start..end);
                assert_eq!(w[1..], bytes[start..end], "{start}..{end}");
            }
        }
    }

    #[test]
    fn a_text_has_a_window_only_when_plain_short_and_followed_by_enough_bytes() {
        let text = b"Ms. Smith said \"no\"\\ then\n left caf\xc3\xa9 \x7f and went home at last.";
        for start in 0..text.len() {
            for end in start..=text.len() {
                let piece = &text[start..end];
                let plain = piece.iter().all(|&b| super::super::strings::is_plain(b));
                let fits = end - start <= WINDOW && start + WINDOW <= text.len();
                match plain_window(text, start, end) {
                    Some((window, len)) => {
                        assert!(plain && fits, "{start}..{end}");
                        assert_eq!(&window[..len], piece);
                    }
                    None => assert!(!(plain && fits), "{start}..{end}"),
                }
            }
        }
        assert!(plain_window(text, 5, 3).is_none(), "backwards");
    }
}
