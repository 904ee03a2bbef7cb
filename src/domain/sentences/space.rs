//! White space between sentences: line and paragraph breaks, and the space a sentence ends
//! without.

/// Past white space from `i`, counting line breaks (CRLF is one); also steps over no-break
/// spaces. A line break count of two or more is a paragraph break.
pub(super) fn skip_space(bytes: &[u8], mut i: usize, end: usize) -> (usize, usize) {
    let mut breaks = 0;
    while i < end {
        match bytes[i] {
            b' ' | b'\t' | 0x0b | 0x0c => i += 1,
            b'\n' => {
                breaks += 1;
                i += 1;
            }
            b'\r' => {
                breaks += 1;
                i += if bytes.get(i + 1) == Some(&b'\n') && i + 1 < end {
                    2
                } else {
                    1
                };
            }
            0xC2 if bytes.get(i + 1) == Some(&0xA0) && i + 1 < end => i += 2,
            // U+2029 PARAGRAPH SEPARATOR.
            0xE2 if bytes[i..end].starts_with("\u{2029}".as_bytes()) => {
                breaks += 2;
                i += 3;
            }
            _ => break,
        }
    }
    (i, breaks)
}

pub(super) fn is_space_at(bytes: &[u8], i: usize, end: usize) -> bool {
    skip_space(bytes, i, end).0 > i
}

pub(super) fn trim_end(bytes: &[u8], start: usize, mut end: usize) -> usize {
    while end > start && bytes[end - 1].is_ascii_whitespace() {
        end -= 1;
    }
    end
}
