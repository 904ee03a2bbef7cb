//! A plain ASCII word read from the sixteen bytes it starts: where it ends, its shape and what
//! it may start, from one comparison of the sixteen bytes (most words end inside them) and the
//! letters already loaded.

use super::Shape;

/// [`plain_word_in_sixteen`] at `start` in `bytes`, or near its end in `tail`: its last
/// sixteen bytes (all of a shorter line) followed by zeros.
#[inline]
pub(super) fn plain_word_at(
    bytes: &[u8],
    tail: &[u8; 32],
    start: usize,
) -> Option<(usize, Shape, u8)> {
    let (within, at) = match bytes.get(start..start + 16) {
        Some(_) => (bytes, start),
        None => (
            &tail[..],
            start.checked_sub(bytes.len().saturating_sub(16))?,
        ),
    };
    let (end, shape, marks) = plain_word_in_sixteen(within, at)?;
    Some((end - at + start, shape, marks))
}

/// The plain word (as `plain_ascii_word` takes it) at `start`, if sixteen bytes follow its
/// start and it ends among them: its end, shape and marks. `None` for anything else (not a
/// letter or digit, a longer word, the line's last bytes), which the general path takes.
#[cfg(target_arch = "x86_64")]
#[inline]
pub(super) fn plain_word_in_sixteen(bytes: &[u8], start: usize) -> Option<(usize, Shape, u8)> {
    let chunk: &[u8; 16] = bytes.get(start..start + 16)?.try_into().ok()?;
    let (alnum, upper, lower) = super::alphanumeric_run::sixteen::classes(chunk);
    let len = (!alnum).trailing_zeros() as usize;
    if len == 0 || len == 16 {
        return None;
    }
    let run = (1u32 << len) - 1;
    let (has_upper, has_lower) = (upper & run != 0, lower & run != 0);
    if !super::ends_plainly(chunk, 0, len, has_upper || has_lower) {
        return None;
    }
    // The first byte's kind: a digit (0), an upper-case letter (1) or a lower-case one (2).
    let first_is = (upper & 1) + 2 * (lower & 1);
    let shape = super::shape::shape_by_kinds(first_is as usize, has_upper, has_lower);
    let first = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], 0]);
    Some((
        start + len,
        shape,
        super::starts::starts_of_three(first, len, shape),
    ))
}

/// Only where sixteen bytes are compared at once: elsewhere the general path takes every word.
#[cfg(not(target_arch = "x86_64"))]
#[inline]
pub(super) fn plain_word_in_sixteen(_: &[u8], _: usize) -> Option<(usize, Shape, u8)> {
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
                    let r = crate::domain::shuffled::step(&mut seed);
                    if r.is_multiple_of(4) {
                        alphabet[(r / 4 % alphabet.len() as u64) as usize]
                    } else {
                        b"abcMrJanSepXYZ5"[(r / 4 % 15) as usize]
                    }
                })
                .collect();
            for start in 0..bytes.len() {
                let Some((end, shape, marks)) = plain_word_in_sixteen(&bytes, start) else {
                    continue;
                };
                let general = super::super::plain_ascii_word(&bytes, start);
                assert_eq!(general, Some((end, shape)), "{bytes:?} from {start}");
                let word = &bytes[start..end];
                assert_eq!(marks, super::super::starts::starts(word, shape), "{word:?}");
                taken += 1;
            }
        }
        assert!(taken > 10_000, "{taken}");
    }
}
