//! Finds a run of ASCII letters and digits sixteen or eight bytes at a time, and which cases of
//! letter it holds.

/// Where the ASCII letters and digits from `start` end, and which of `UPPER` and `LOWER`
/// letters they hold. Sixteen bytes at a time where the processor compares sixteen at once (most
/// words end in their first sixteen, in about twenty instructions), else eight at a time: the
/// branch on where a word ends, taken a byte at a time, was the scan's main cost.
// Its caller, the tokenizer's inner loop, inlined it while they shared a file; kept so.
#[inline]
pub(super) fn ascii_alphanumeric_run(bytes: &[u8], start: usize) -> (usize, u8) {
    let mut end = start;
    let mut seen_before = 0;
    #[cfg(target_arch = "x86_64")]
    while let Some(chunk) = bytes.get(end..end + 16) {
        let Ok(chunk) = <&[u8; 16]>::try_from(chunk) else {
            break;
        };
        let (alnum, upper, lower) = sixteen::classes(chunk);
        let len = (!alnum).trailing_zeros();
        let run = (1 << len) - 1;
        seen_before |= (u8::from(upper & run != 0) * UPPER) | (u8::from(lower & run != 0) * LOWER);
        end += len as usize;
        if len < 16 {
            return (end, seen_before);
        }
    }
    // The lanes of upper- and lower-case letters seen, gathered without a branch.
    let (mut upper_lanes, mut lower_lanes) = (0, 0);
    while let Some(chunk) = bytes.get(end..end + 8) {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        let (upper, lower, alnum) = classes_of_eight(x);
        // The lanes up to the first that is no letter or digit: every bit below its high bit.
        let stop = !alnum & HIGH_BITS;
        let run = (stop & stop.wrapping_neg()).wrapping_sub(1);
        upper_lanes |= upper & run;
        lower_lanes |= lower & run;
        if stop != 0 {
            end += stop.trailing_zeros() as usize / 8;
            return (end, seen_before | seen(upper_lanes, lower_lanes));
        }
        end += 8;
    }
    // The last bytes of the line, one table load each.
    let (end, rest) = ascii_alphanumeric_run_by_byte(bytes, end);
    (end, seen_before | seen(upper_lanes, lower_lanes) | rest)
}

/// Sixteen bytes compared at once, with the instructions every x86-64 processor has (SSE2).
#[cfg(target_arch = "x86_64")]
pub(super) mod sixteen {
    use std::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_andnot_si128, _mm_cmpeq_epi8, _mm_cmplt_epi8,
        _mm_movemask_epi8, _mm_or_si128, _mm_set_epi64x, _mm_set1_epi8, _mm_sub_epi8,
    };

    /// The letters or digits, upper-case letters and lower-case letters among sixteen bytes, a
    /// bit each (bit 0 for the first byte).
    #[inline]
    pub(in super::super) fn classes(chunk: &[u8; 16]) -> (u32, u32, u32) {
        // SAFETY: SSE2 is part of the x86-64 baseline: every processor that runs this has it.
        unsafe { classes_sse2(chunk) }
    }

    #[target_feature(enable = "sse2")]
    fn classes_sse2(chunk: &[u8; 16]) -> (u32, u32, u32) {
        let half = |from: usize| {
            let mut eight = [0; 8];
            eight.copy_from_slice(&chunk[from..from + 8]);
            i64::from_le_bytes(eight)
        };
        let v = _mm_set_epi64x(half(8), half(0));
        // A byte in `from..from + n`: moved to start at -128, then a signed comparison.
        let within = |x: __m128i, from: u8, n: u8| {
            let moved = _mm_sub_epi8(x, _mm_set1_epi8(from.wrapping_add(128).cast_signed()));
            _mm_cmplt_epi8(moved, _mm_set1_epi8(n.wrapping_add(128).cast_signed()))
        };
        let case_bit = _mm_set1_epi8(0x20);
        // Either case at once: the lower-case bit (0x20) set.
        let letter = within(_mm_or_si128(v, case_bit), b'a', 26);
        let digit = within(v, b'0', 10);
        let lower_case = _mm_cmpeq_epi8(_mm_and_si128(v, case_bit), case_bit);
        let mask = |x: __m128i| _mm_movemask_epi8(x).cast_unsigned();
        (
            mask(_mm_or_si128(letter, digit)),
            mask(_mm_andnot_si128(lower_case, letter)),
            mask(_mm_and_si128(letter, lower_case)),
        )
    }
}

/// `UPPER` and `LOWER` for lanes of upper- and lower-case letters.
fn seen(upper_lanes: u64, lower_lanes: u64) -> u8 {
    (u8::from(upper_lanes != 0) * UPPER) | (u8::from(lower_lanes != 0) * LOWER)
}

/// [`ascii_alphanumeric_run`] a byte at a time.
fn ascii_alphanumeric_run_by_byte(bytes: &[u8], start: usize) -> (usize, u8) {
    let mut seen = 0;
    let mut end = start;
    while let Some(&b) = bytes.get(end) {
        let class = ASCII_CLASS[usize::from(b)];
        if class & ALNUM == 0 {
            break;
        }
        seen |= class & (UPPER | LOWER);
        end += 1;
    }
    (end, seen)
}

const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// Each byte of a word, eight times.
const fn lanes(b: u8) -> u64 {
    u64::from_le_bytes([b; 8])
}

/// The upper-case letters, lower-case letters and letters or digits among eight bytes: the
/// high bit of each byte's lane says. No lane borrows from the next: a byte's low seven bits
/// are compared with its high bit set. A letter is found in either case at once (its
/// lower-case bit, 0x20, set), and its case told by that bit.
fn classes_of_eight(x: u64) -> (u64, u64, u64) {
    let ascii = !x & HIGH_BITS;
    let y = x & !HIGH_BITS;
    let at_least = |v: u64, a: u8| ((v | HIGH_BITS) - lanes(a)) & HIGH_BITS;
    let at_most = |v: u64, z: u8| ((lanes(z) | HIGH_BITS) - v) & HIGH_BITS;
    let folded = y | lanes(0x20);
    let letter = at_least(folded, b'a') & at_most(folded, b'z') & ascii;
    let digit = at_least(y, b'0') & at_most(y, b'9') & ascii;
    // Each lane's bit 0x20 moved to its high bit.
    let lower_case = (x << 2) & HIGH_BITS;
    (letter & !lower_case, letter & lower_case, letter | digit)
}

const ALNUM: u8 = 1;
pub(super) const UPPER: u8 = 2;
pub(super) const LOWER: u8 = 4;

/// Each byte's class: `ALNUM` for an ASCII letter or digit, with `UPPER` or `LOWER` for a
/// letter's case.
static ASCII_CLASS: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = if c.is_ascii_uppercase() {
            ALNUM | UPPER
        } else if c.is_ascii_lowercase() {
            ALNUM | LOWER
        } else if c.is_ascii_digit() {
            ALNUM
        } else {
            0
        };
        b += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_of_letters_and_digits_is_found_as_a_byte_at_a_time_finds_it() {
        let by_byte = ascii_alphanumeric_run_by_byte;
        // Letters, digits, their neighbours in ASCII, spaces and bytes past ASCII.
        let alphabet = b"aAzZmM09/:@[`{ -.,'\x80\xc3\xa9\xff\x7f\x00";
        let mut seed = 0x7e57_ab1e_d00d_f00d;
        for _ in 0..20_000 {
            let len = (crate::domain::shuffled::step(&mut seed) % 40) as usize;
            // Mostly letters, so that long runs are common.
            let bytes: Vec<u8> = (0..len)
                .map(|_| crate::domain::shuffled::mostly(&mut seed, b"abcXYZ5", alphabet, 3))
                .collect();
            for start in 0..=bytes.len() {
                assert_eq!(
                    ascii_alphanumeric_run(&bytes, start),
                    by_byte(&bytes, start),
                    "{bytes:?} from {start}"
                );
            }
        }
        for b in 0..=255u8 {
            let (upper, lower, alnum) = classes_of_eight(lanes(b));
            let class = ASCII_CLASS[usize::from(b)];
            assert_eq!(upper != 0, class & UPPER != 0, "{b}");
            assert_eq!(lower != 0, class & LOWER != 0, "{b}");
            assert_eq!(alnum != 0, class & ALNUM != 0, "{b}");
        }
    }

    #[cfg(target_arch = "x86_64")]
    #[test]
    fn sixteen_bytes_are_classed_as_each_alone() {
        for b in 0..=255u8 {
            let mut chunk = [b'-'; 16];
            chunk[usize::from(b) % 16] = b;
            let (alnum, upper, lower) = sixteen::classes(&chunk);
            let class = ASCII_CLASS[usize::from(b)];
            let bit = 1 << (usize::from(b) % 16);
            assert_eq!(alnum, u32::from(class & ALNUM != 0) * bit, "{b}");
            assert_eq!(upper, u32::from(class & UPPER != 0) * bit, "{b}");
            assert_eq!(lower, u32::from(class & LOWER != 0) * bit, "{b}");
        }
    }
}
