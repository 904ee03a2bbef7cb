//! What the tokenizer needs to know of 64 bytes at once, one bit a byte (bit `k` for byte
//! `k`): sixteen bytes are compared in one instruction where the processor has them.

/// The classes of 64 bytes that decide where their ASCII words and tokens are.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Masks {
    /// ASCII letters and digits.
    pub alnum: u64,
    /// `'` `-` `.` `&` `/` `_`: what joins two runs of letters into one word.
    pub joiner: u64,
    /// `@` `#` `$`: what may open a word too.
    pub opener: u64,
    /// White space: space, tab, line feed, vertical tab, form feed, carriage return.
    pub space: u64,
    /// The bytes of characters beyond ASCII.
    pub beyond: u64,
}

/// The [`Masks`] of `block`: 32 bytes at a time where the processor has AVX2 (the check is
/// a load of what the standard library found once), else sixteen.
#[cfg(target_arch = "x86_64")]
pub fn of(block: &[u8; 64]) -> Masks {
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the processor has AVX2, as just checked.
        unsafe { avx2::of(block) }
    } else {
        // SAFETY: SSE2 is part of every x86_64 processor (its baseline target features).
        unsafe { sse2::of(block) }
    }
}

/// The [`Masks`] of `block`.
#[cfg(not(target_arch = "x86_64"))]
pub fn of(block: &[u8; 64]) -> Masks {
    by_bytes(block)
}

/// [`of`] one byte at a time.
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
pub fn by_bytes(block: &[u8; 64]) -> Masks {
    let mut m = Masks::default();
    for (k, &b) in block.iter().enumerate() {
        let bit = 1u64 << k;
        let set = |mask: &mut u64, yes: bool| *mask |= if yes { bit } else { 0 };
        set(&mut m.alnum, b.is_ascii_alphanumeric());
        set(
            &mut m.joiner,
            matches!(b, b'\'' | b'-' | b'.' | b'&' | b'/' | b'_'),
        );
        set(&mut m.opener, matches!(b, b'@' | b'#' | b'$'));
        set(&mut m.space, matches!(b, b' ' | 0x09..=0x0D));
        set(&mut m.beyond, !b.is_ascii());
    }
    m
}

#[cfg(target_arch = "x86_64")]
mod sse2 {
    use super::Masks;
    use std::arch::x86_64::{
        __m128i, _mm_add_epi8, _mm_cmpeq_epi8, _mm_cmplt_epi8, _mm_movemask_epi8, _mm_or_si128,
        _mm_set_epi64x, _mm_set1_epi8,
    };

    #[target_feature(enable = "sse2")]
    pub fn of(block: &[u8; 64]) -> Masks {
        let mut m = Masks::default();
        for (k, chunk) in block.chunks_exact(16).enumerate() {
            let half = |at: usize| {
                u64::from_le_bytes(chunk[at..at + 8].try_into().expect("eight bytes")).cast_signed()
            };
            let v = _mm_set_epi64x(half(8), half(0));
            let alnum = _mm_or_si128(
                within(_mm_or_si128(v, _mm_set1_epi8(0x20)), b'a', b'z'),
                within(v, b'0', b'9'),
            );
            let joiner = _mm_or_si128(
                _mm_or_si128(within(v, b'&', b'\''), within(v, b'-', b'/')),
                is(v, b'_'),
            );
            let opener = _mm_or_si128(within(v, b'#', b'$'), is(v, b'@'));
            let space = _mm_or_si128(is(v, b' '), within(v, 0x09, 0x0D));
            let shift = 16 * k;
            let bits = |x: __m128i| u64::from(_mm_movemask_epi8(x).cast_unsigned() as u16) << shift;
            m.alnum |= bits(alnum);
            m.joiner |= bits(joiner);
            m.opener |= bits(opener);
            m.space |= bits(space);
            m.beyond |= bits(v);
        }
        m
    }

    /// Each byte of `v` equal to `b`.
    #[target_feature(enable = "sse2")]
    fn is(v: __m128i, b: u8) -> __m128i {
        _mm_cmpeq_epi8(v, _mm_set1_epi8(b.cast_signed()))
    }

    /// Each byte of `v` from `lo` to `hi`: moved so that `lo` is the least signed byte, the
    /// range is the bytes below its length past it.
    #[target_feature(enable = "sse2")]
    fn within(v: __m128i, lo: u8, hi: u8) -> __m128i {
        let moved = _mm_add_epi8(v, _mm_set1_epi8(0x80u8.wrapping_sub(lo).cast_signed()));
        _mm_cmplt_epi8(moved, _mm_set1_epi8((0x80 + (hi - lo) + 1).cast_signed()))
    }
}

#[cfg(target_arch = "x86_64")]
mod avx2 {
    use super::Masks;
    use std::arch::x86_64::{
        __m256i, _mm256_add_epi8, _mm256_cmpeq_epi8, _mm256_cmpgt_epi8, _mm256_movemask_epi8,
        _mm256_or_si256, _mm256_set_epi64x, _mm256_set1_epi8,
    };

    /// [`super::sse2::of`], 32 bytes to a comparison.
    #[target_feature(enable = "avx2")]
    pub fn of(block: &[u8; 64]) -> Masks {
        let mut m = Masks::default();
        for (k, chunk) in block.chunks_exact(32).enumerate() {
            let quarter = |at: usize| {
                u64::from_le_bytes(chunk[at..at + 8].try_into().expect("eight bytes")).cast_signed()
            };
            let v = _mm256_set_epi64x(quarter(24), quarter(16), quarter(8), quarter(0));
            let alnum = _mm256_or_si256(
                within(_mm256_or_si256(v, _mm256_set1_epi8(0x20)), b'a', b'z'),
                within(v, b'0', b'9'),
            );
            let joiner = _mm256_or_si256(
                _mm256_or_si256(within(v, b'&', b'\''), within(v, b'-', b'/')),
                is(v, b'_'),
            );
            let opener = _mm256_or_si256(within(v, b'#', b'$'), is(v, b'@'));
            let space = _mm256_or_si256(is(v, b' '), within(v, 0x09, 0x0D));
            let shift = 32 * k;
            let bits = |x: __m256i| u64::from(_mm256_movemask_epi8(x).cast_unsigned()) << shift;
            m.alnum |= bits(alnum);
            m.joiner |= bits(joiner);
            m.opener |= bits(opener);
            m.space |= bits(space);
            m.beyond |= bits(v);
        }
        m
    }

    /// Each byte of `v` equal to `b`.
    #[target_feature(enable = "avx2")]
    fn is(v: __m256i, b: u8) -> __m256i {
        _mm256_cmpeq_epi8(v, _mm256_set1_epi8(b.cast_signed()))
    }

    /// Each byte of `v` from `lo` to `hi`, as [`super::sse2`] finds it (AVX2 compares for
    /// greater only: the bound is put first).
    #[target_feature(enable = "avx2")]
    fn within(v: __m256i, lo: u8, hi: u8) -> __m256i {
        let moved = _mm256_add_epi8(v, _mm256_set1_epi8(0x80u8.wrapping_sub(lo).cast_signed()));
        _mm256_cmpgt_epi8(
            _mm256_set1_epi8((0x80 + (hi - lo) + 1).cast_signed()),
            moved,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_masks_are_what_each_byte_is() {
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        for round in 0..4_000 {
            let mut block = [0u8; 64];
            for (k, b) in block.iter_mut().enumerate() {
                crate::domain::shuffled::step(&mut seed);
                *b = if round < 4 {
                    // Every byte value somewhere.
                    (round * 64 + k) as u8
                } else {
                    (seed >> 8) as u8
                };
            }
            assert_eq!(of(&block), by_bytes(&block), "{block:?}");
            #[cfg(target_arch = "x86_64")]
            {
                // SAFETY: SSE2 is part of every x86_64 processor.
                assert_eq!(unsafe { sse2::of(&block) }, by_bytes(&block), "{block:?}");
            }
        }
    }
}
