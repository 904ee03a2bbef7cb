//! Offset units at the boundary: annotation tools count Unicode code points (Python `str`
//! indices) or UTF-16 code units (JavaScript strings); dramatis counts UTF-8 bytes. The unit of
//! a file cannot be detected in general (the same numbers are valid in every unit), so the user
//! picks one; code points are the default because spaCy, brat, doccano and Prodigy use them.

use std::cell::Cell;
use std::ops::Range;

/// How a file counts offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Unit {
    /// Unicode code points (Python `str` indices): spaCy, brat, doccano, Prodigy.
    #[default]
    CodePoints,
    /// UTF-16 code units (JavaScript string indices): some browser tools.
    Utf16,
    /// UTF-8 bytes: dramatis itself, Rust and Go tools.
    Bytes,
}

impl Unit {
    fn width(self, c: char) -> usize {
        match self {
            Unit::CodePoints => 1,
            Unit::Utf16 => c.len_utf16(),
            Unit::Bytes => c.len_utf8(),
        }
    }

    /// Units of one invalid UTF-8 sequence, which every tool sees as a single U+FFFD (the
    /// way `String::from_utf8_lossy` decodes it), except byte-counting tools.
    fn invalid_width(self, bytes: usize) -> usize {
        match self {
            Unit::CodePoints | Unit::Utf16 => 1,
            Unit::Bytes => bytes,
        }
    }
}

/// Distance between checkpoints, in bytes: bounds the scan of one conversion.
const STEP: usize = 4096;

/// Converts between byte offsets and another unit over the bytes of one document, in O(STEP)
/// per conversion after one pass over the text, and in time proportional to the distance
/// moved when conversions go forward through the text (mentions in order), as they mostly do.
pub struct OffsetMap<'a> {
    bytes: &'a [u8],
    unit: Unit,
    /// `(byte, unit)` pairs at character boundaries, increasing, starting with `(0, 0)`.
    checkpoints: Vec<(usize, usize)>,
    /// The last boundary a conversion reached: the next one starts there when it is ahead.
    cursor: Cell<(usize, usize)>,
}

impl<'a> OffsetMap<'a> {
    pub fn new(bytes: &'a [u8], unit: Unit) -> OffsetMap<'a> {
        let mut checkpoints = vec![(0, 0)];
        if unit != Unit::Bytes {
            let mut u = 0;
            for (byte, units) in Pieces::new(bytes, unit) {
                if byte - checkpoints.last().unwrap().0 >= STEP {
                    checkpoints.push((byte, u));
                }
                u += units;
            }
        }
        OffsetMap {
            bytes,
            unit,
            checkpoints,
            cursor: Cell::new((0, 0)),
        }
    }

    pub fn unit(&self) -> Unit {
        self.unit
    }

    /// The byte offset of a unit offset; `None` past the end or inside a character (a UTF-16
    /// offset between the two halves of a surrogate pair).
    pub fn to_byte(&self, unit: usize) -> Option<usize> {
        if self.unit == Unit::Bytes {
            return (unit <= self.bytes.len()).then_some(unit);
        }
        let (cb, cu) = self.cursor.get();
        let (start, mut at) = if cu <= unit && unit - cu <= STEP {
            (cb, cu)
        } else {
            self.checkpoints[self.checkpoints.partition_point(|&(_, u)| u <= unit) - 1]
        };
        if at == unit {
            return Some(start);
        }
        // A unit is at most four bytes: the target lies within this slice. Decoding a slice
        // validates ahead to its end, so it must not be the rest of the document.
        let end = (start + (unit - at) * 4 + 4).min(self.bytes.len());
        for (byte, units) in Pieces::new(&self.bytes[start..end], self.unit) {
            at += units;
            if at == unit {
                let found = start + byte + self.piece_len(start + byte);
                self.cursor.set((found, at));
                return Some(found);
            }
            if at > unit {
                return None;
            }
        }
        None
    }

    /// The unit offset of a byte offset (which should be a character boundary; an offset
    /// inside a character counts as the boundary after it).
    pub fn to_unit(&self, byte: usize) -> usize {
        if self.unit == Unit::Bytes {
            return byte;
        }
        let byte = byte.min(self.bytes.len());
        let (cb, cu) = self.cursor.get();
        let (start, mut at) = if cb <= byte && byte - cb <= STEP {
            (cb, cu)
        } else {
            self.checkpoints[self.checkpoints.partition_point(|&(b, _)| b <= byte) - 1]
        };
        let end = (byte + 4).min(self.bytes.len());
        for (b, units) in Pieces::new(&self.bytes[start..end], self.unit) {
            if start + b >= byte {
                self.cursor.set((start + b, at));
                return at;
            }
            at += units;
        }
        at
    }

    /// A unit range as a byte range.
    pub fn range_to_bytes(&self, range: Range<usize>) -> Option<Range<usize>> {
        Some(self.to_byte(range.start)?..self.to_byte(range.end)?)
    }

    /// A byte range as a unit range.
    pub fn range_to_units(&self, range: Range<usize>) -> Range<usize> {
        self.to_unit(range.start)..self.to_unit(range.end)
    }

    /// Byte length of the character or invalid sequence at `byte` (at most 4).
    fn piece_len(&self, byte: usize) -> usize {
        let rest = &self.bytes[byte..(byte + 8).min(self.bytes.len())];
        Pieces::new(rest, self.unit)
            .nth(1)
            .map_or(rest.len().min(4), |(b, _)| b)
    }
}

/// `(byte offset, units)` of each character or invalid sequence of `bytes`.
struct Pieces<'a> {
    chunks: std::str::Utf8Chunks<'a>,
    current: Option<(usize, std::str::CharIndices<'a>)>,
    invalid: Option<(usize, usize)>,
    at: usize,
    unit: Unit,
}

impl<'a> Pieces<'a> {
    fn new(bytes: &'a [u8], unit: Unit) -> Pieces<'a> {
        Pieces {
            chunks: bytes.utf8_chunks(),
            current: None,
            invalid: None,
            at: 0,
            unit,
        }
    }
}

impl Iterator for Pieces<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        loop {
            if let Some((base, chars)) = &mut self.current {
                if let Some((i, c)) = chars.next() {
                    return Some((*base + i, self.unit.width(c)));
                }
                self.current = None;
                if let Some((at, len)) = self.invalid.take() {
                    return Some((at, self.unit.invalid_width(len)));
                }
                continue;
            }
            let chunk = self.chunks.next()?;
            let base = self.at;
            let valid = chunk.valid();
            let invalid = chunk.invalid();
            self.at += valid.len() + invalid.len();
            self.invalid = (!invalid.is_empty()).then_some((base + valid.len(), invalid.len()));
            self.current = Some((base, valid.char_indices()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_emoji_counts_one_code_point_two_utf16_units_four_bytes() {
        let text = "🎉 Hamas said";
        let byte = text.find("Hamas").unwrap();
        assert_eq!(byte, 5);
        let cp = OffsetMap::new(text.as_bytes(), Unit::CodePoints);
        let u16 = OffsetMap::new(text.as_bytes(), Unit::Utf16);
        assert_eq!(cp.to_byte(2), Some(5));
        assert_eq!(u16.to_byte(3), Some(5));
        assert_eq!(u16.to_byte(1), None, "inside a surrogate pair");
        assert_eq!(cp.to_unit(5), 2);
        assert_eq!(u16.to_unit(5), 3);
        assert_eq!(cp.range_to_bytes(2..7), Some(5..10));
        assert_eq!(cp.to_byte(text.chars().count()), Some(text.len()));
        assert_eq!(cp.to_byte(text.chars().count() + 1), None);
    }

    #[test]
    fn conversions_agree_with_char_indices_across_checkpoints() {
        let text = "é漢🎉a\n".repeat(3000);
        for unit in [Unit::CodePoints, Unit::Utf16, Unit::Bytes] {
            let map = OffsetMap::new(text.as_bytes(), unit);
            let mut u = 0;
            for (b, c) in text.char_indices() {
                assert_eq!(map.to_byte(u), Some(b), "{unit:?} {u}");
                assert_eq!(map.to_unit(b), u);
                u += unit.width(c);
            }
            assert_eq!(map.to_byte(u), Some(text.len()));
            // Backwards and jumping about: the cursor must never be trusted behind a target.
            let pairs: Vec<(usize, usize)> = {
                let mut u = 0;
                text.char_indices()
                    .map(|(b, c)| {
                        let p = (b, u);
                        u += unit.width(c);
                        p
                    })
                    .collect()
            };
            for k in (0..pairs.len())
                .rev()
                .step_by(7)
                .chain((0..pairs.len()).step_by(4999))
            {
                let (b, u) = pairs[k];
                assert_eq!(map.to_unit(b), u, "{unit:?} back {b}");
                assert_eq!(map.to_byte(u), Some(b), "{unit:?} back {u}");
            }
        }
    }

    #[test]
    fn invalid_bytes_across_checkpoints_count_like_lossy_decoding() {
        let bytes: Vec<u8> = b"\xc3\xa9\xffa\xe2\x82 "
            .iter()
            .copied()
            .cycle()
            .take(7 * 3000)
            .collect();
        let lossy = String::from_utf8_lossy(&bytes);
        let map = OffsetMap::new(&bytes, Unit::CodePoints);
        // Each 7-byte group is "é", U+FFFD, "a", U+FFFD (the cut euro sign), " ".
        for g in 0..3000 {
            assert_eq!(map.to_unit(g * 7), g * 5);
            assert_eq!(
                map.to_byte(g * 5 + 2),
                Some(g * 7 + 3),
                "the 'a' of group {g}"
            );
        }
        assert_eq!(map.to_unit(bytes.len()), lossy.chars().count());
    }

    #[test]
    fn an_invalid_sequence_is_one_replacement_character() {
        let bytes = b"a\xff\xfeb";
        let lossy = String::from_utf8_lossy(bytes);
        assert_eq!(lossy, "a\u{fffd}\u{fffd}b");
        let map = OffsetMap::new(bytes, Unit::CodePoints);
        assert_eq!(map.to_unit(3), 3);
        assert_eq!(map.to_byte(3), Some(3));
    }
}
