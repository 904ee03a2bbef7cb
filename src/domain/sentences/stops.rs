//! The bytes where a sentence may end, found ahead of the splitter: line ends and full stops
//! (a few in every line) by one vectorised search each time; "!", "?" and the first byte of
//! "…" (rare) by a search whose answer is kept until the splitter has passed it.

/// Where the next stop byte is, for a splitter that only moves forward.
pub struct Stops {
    /// The rare stop found last: the first at or after `rare_from` (the end if none).
    rare_from: usize,
    rare: usize,
}

impl Stops {
    pub fn new() -> Stops {
        Stops {
            rare_from: usize::MAX,
            rare: 0,
        }
    }

    /// Where the first of `\n`, `\r`, `.`, `!`, `?` and `0xE2` in `bytes[i..limit]` is;
    /// `limit` if none is.
    pub fn next(&mut self, bytes: &[u8], i: usize, limit: usize) -> usize {
        if !(self.rare_from <= i && i <= self.rare) {
            self.rare_from = i;
            self.rare =
                memchr::memchr3(b'!', b'?', 0xE2, &bytes[i..]).map_or(bytes.len(), |n| i + n);
        }
        let to = limit.min(self.rare);
        memchr::memchr3(b'\n', b'\r', b'.', &bytes[i..to]).map_or(to, |n| i + n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stop_found_is_the_first_stop_byte_whatever_was_asked_before() {
        let pieces = ["ab", " ", "\n", "\r", ".", "!", "?", "…", "é", "xyz"];
        let is_stop = |b: &u8| b"\n\r.!?\xE2".contains(b);
        let mut seed = 0x7a3c_91e4_0bd2_5f68_u64;
        for _ in 0..5_000 {
            let bytes = crate::domain::shuffled::joined(&mut seed, &pieces, 16).into_bytes();
            // Questions in order, as the splitter asks them, each bounded by a limit.
            let mut stops = Stops::new();
            let mut i = 0;
            while i < bytes.len() {
                crate::domain::shuffled::step(&mut seed);
                let limit = (i + (seed % 24) as usize).min(bytes.len());
                let expected = (bytes[i..limit].iter())
                    .position(is_stop)
                    .map_or(limit, |n| i + n);
                assert_eq!(
                    stops.next(&bytes, i, limit),
                    expected,
                    "{bytes:?} {i}..{limit}"
                );
                i = expected.max(i) + 1 + (seed >> 40) as usize % 3;
            }
        }
    }
}
