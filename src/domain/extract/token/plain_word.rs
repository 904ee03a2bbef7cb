//! A plain ASCII word read from the sixteen bytes it starts: where it ends, its shape and what
//! it may start, from one comparison of the sixteen bytes (most words end inside them) and the
//! letters already loaded.

use super::Shape;

/// The sixteen bytes from `start` in `bytes`, or from near its end in `tail`: its last
/// sixteen bytes (all of a shorter line, which then start it) followed by zeros, from
/// `tail_from` in `bytes`.
#[inline]
pub(super) fn sixteen_at<'b>(
    bytes: &'b [u8],
    tail: &'b [u8; 32],
    tail_from: usize,
    start: usize,
) -> Option<&'b [u8; 16]> {
    match bytes.get(start..start + 16) {
        Some(chunk) => chunk.try_into().ok(),
        None => tail
            .get(start.checked_sub(tail_from)?..)?
            .get(..16)?
            .try_into()
            .ok(),
    }
}

/// The plain word (as `plain_ascii_word` takes it) that starts `chunk`, if it ends among its
/// sixteen bytes: its length, shape and marks, and whether a space follows it. `None` for
/// anything else (not a letter or digit, a longer word), which the general path takes.
#[cfg(target_arch = "x86_64")]
#[inline]
pub(super) fn plain_word_in_sixteen(chunk: &[u8; 16]) -> Option<(usize, Shape, u8, bool)> {
    let (alnum, upper, lower) = super::alphanumeric_run::sixteen::classes(chunk);
    let len = (!alnum).trailing_zeros() as usize;
    if len == 0 || len == 16 {
        return None;
    }
    let run = (1u32 << len) - 1;
    let (has_upper, has_lower) = (upper & run != 0, lower & run != 0);
    // The byte after the word: `len` is below sixteen.
    let after = chunk[len & 15];
    if !super::ends_plainly_before(after, chunk, len, has_upper || has_lower) {
        return None;
    }
    // The first byte's kind: a digit (0), an upper-case letter (1) or a lower-case one (2).
    let first_is = (upper & 1) + 2 * (lower & 1);
    let shape = super::shape::shape_by_kinds(first_is as usize, has_upper, has_lower);
    let first = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], 0]);
    Some((
        len,
        shape,
        super::starts::starts_of_three(first, len, shape),
        after == b' ',
    ))
}

/// Only where sixteen bytes are compared at once: elsewhere the general path takes every word.
#[cfg(not(target_arch = "x86_64"))]
#[inline]
pub(super) fn plain_word_in_sixteen(_: &[u8; 16]) -> Option<(usize, Shape, u8, bool)> {
    None
}

#[cfg(all(test, target_arch = "x86_64"))]
mod tests {
    use super::*;

    #[test]
    fn a_word_in_sixteen_bytes_is_what_the_general_path_makes_of_it() {
        // Letters, digits, the marks that may join words, and bytes past ASCII.
        let alphabet = b"aAzZmM09 -.,'&/@[`{\x80\xc3";
        let mut seed = 0x5eed_0f15_5173_e3a1;
        let mut taken = 0;
        for _ in 0..20_000 {
            let len = (crate::domain::shuffled::step(&mut seed) % 40) as usize;
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    crate::domain::shuffled::mostly(&mut seed, b"abcMrJanSepXYZ5", alphabet, 4)
                })
                .collect();
            let tail_from = bytes.len().saturating_sub(16);
            let mut tail = [0; 32];
            tail[..bytes.len() - tail_from].copy_from_slice(&bytes[tail_from..]);
            for start in 0..bytes.len() {
                let Some(chunk) = sixteen_at(&bytes, &tail, tail_from, start) else {
                    continue;
                };
                // The bytes from the start, then zeros past the line.
                let padded: Vec<u8> = bytes[start..]
                    .iter()
                    .chain(&[0; 16])
                    .take(16)
                    .copied()
                    .collect();
                assert_eq!(chunk[..], padded, "{bytes:?} from {start}");
                let Some((len, shape, marks, space)) = plain_word_in_sixteen(chunk) else {
                    continue;
                };
                let end = start + len;
                let general = super::super::plain_ascii_word(&bytes, start);
                assert_eq!(general, Some((end, shape)), "{bytes:?} from {start}");
                let word = &bytes[start..end];
                assert_eq!(marks, super::super::starts::starts(word, shape), "{word:?}");
                assert_eq!(
                    space,
                    bytes.get(end) == Some(&b' '),
                    "{bytes:?} from {start}"
                );
                taken += 1;
            }
        }
        assert!(taken > 10_000, "{taken}");
    }
}
