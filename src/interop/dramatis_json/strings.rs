//! JSON strings written by hand: copied as they are when they need no escape (nearly every
//! name, id and mention text), else with the escapes serde and [`super::SafeFormatter`] write.

use crate::domain::document::Document;
use crate::domain::wrap::escape_char;

/// The text of `range` of the document as a JSON string (see [`write_str`]).
pub(super) fn write_text(w: &mut Vec<u8>, doc: &Document, range: std::ops::Range<usize>) {
    let bytes = doc.bytes();
    let end = range.end.min(bytes.len());
    let plain = &bytes[range.start.min(end)..end];
    if !write_plain(w, plain) {
        write_escaped(w, &doc.text(range));
    }
}

/// A string as JSON: printable ASCII without quotes or backslashes (nearly every name, id
/// and mention) as it is, anything else with the escapes [`super::SafeFormatter`] writes.
pub(super) fn write_str(w: &mut Vec<u8>, s: &str) {
    if !write_plain(w, s.as_bytes()) {
        write_escaped(w, s);
    }
}

/// Writes `bytes` in quotes if they need no escape (printable ASCII, no quote, no
/// backslash); false, writing nothing, if they do.
fn write_plain(w: &mut Vec<u8>, bytes: &[u8]) -> bool {
    let plain = all_plain(bytes);
    if plain {
        w.reserve(bytes.len() + 2);
        w.push(b'"');
        w.extend_from_slice(bytes);
        w.push(b'"');
    }
    plain
}

/// Whether every byte [`is_plain`], eight at a time: the last eight overlap the ones before,
/// and a shorter string is read as one word (most mention texts are short, and a byte at a
/// time cost more than the rest of writing them).
pub(super) fn all_plain(bytes: &[u8]) -> bool {
    let n = bytes.len();
    let word = |at: usize| {
        let eight: [u8; 8] = bytes[at..at + 8].try_into().unwrap_or([0; 8]);
        u64::from_le_bytes(eight)
    };
    let half = |at: usize| {
        let four: [u8; 4] = bytes[at..at + 4].try_into().unwrap_or([0; 4]);
        u64::from(u32::from_le_bytes(four))
    };
    let x = match n {
        0 => return true,
        // The first, middle and last bytes cover one to three; spaces fill the word.
        1..=3 => {
            let three = [
                bytes[0],
                bytes[n / 2],
                bytes[n - 1],
                b' ',
                b' ',
                b' ',
                b' ',
                b' ',
            ];
            u64::from_le_bytes(three)
        }
        // The first four and the last four, overlapping.
        4..=8 => half(0) | (half(n - 4) << 32),
        _ => {
            let mut at = 0;
            while at + 8 < n {
                if needs_escape(word(at)) {
                    return false;
                }
                at += 8;
            }
            word(n - 8)
        }
    };
    !needs_escape(x)
}

/// `s` as JSON with the escapes serde writes (quotes, backslashes, C0 controls) and those of
/// [`super::SafeFormatter`] (DEL, and the characters [`escape_char`] stands in for), the runs
/// between them copied as they are: through serde, the few names and mention texts with an
/// accent or a line break cost as much as all the others.
pub(super) fn write_escaped(w: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    w.reserve(bytes.len() + 2);
    w.push(b'"');
    // Where the bytes not yet copied start.
    let mut plain = 0;
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        if is_plain(b) {
            at += 1;
            continue;
        }
        let c = if b < 0x80 {
            char::from(b)
        } else {
            // `at` is where a character starts: ASCII is stepped over a byte at a time,
            // others a character at a time.
            (s[at..].chars().next()).unwrap_or(char::REPLACEMENT_CHARACTER)
        };
        let len = c.len_utf8();
        if b >= 0x80 && escape_char(c).is_none() {
            at += len;
            continue;
        }
        w.extend_from_slice(&bytes[plain..at]);
        push_escape(w, c);
        at += len;
        plain = at;
    }
    w.extend_from_slice(&bytes[plain..]);
    w.push(b'"');
}

/// The escape of `c` as serde writes it (a short one for a quote, a backslash and the common
/// controls), else as `\uXXXX` (lower case, a surrogate pair beyond the first plane).
fn push_escape(w: &mut Vec<u8>, c: char) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let short: &[u8] = match c {
        '"' => b"\\\"",
        '\\' => b"\\\\",
        '\n' => b"\\n",
        '\r' => b"\\r",
        '\t' => b"\\t",
        '\u{8}' => b"\\b",
        '\u{c}' => b"\\f",
        _ => b"",
    };
    if !short.is_empty() {
        w.extend_from_slice(short);
        return;
    }
    let mut units = [0u16; 2];
    for &mut unit in c.encode_utf16(&mut units) {
        let digit = |shift: u16| HEX[usize::from((unit >> shift) & 0xf)];
        w.extend_from_slice(&[b'\\', b'u', digit(12), digit(8), digit(4), digit(0)]);
    }
}

/// A byte JSON writes as it is: printable ASCII, not a quote or a backslash.
pub(super) fn is_plain(b: u8) -> bool {
    (0x20..0x7f).contains(&b) && b != b'"' && b != b'\\'
}

/// Whether any of eight bytes is not [`is_plain`], all eight tested at once (names and mention
/// texts are most of a document's JSON).
pub(super) fn needs_escape(x: u64) -> bool {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGH: u64 = ONES << 7;
    // A byte under `n` (n <= 0x80) leaves its high bit set in `x - n` where it was clear in `x`.
    let under = |x: u64, n: u64| x.wrapping_sub(ONES * n) & !x & HIGH;
    let control = under(x, 0x20);
    // 0x7f and above: the high bit is set, or becomes set when one is added.
    let high = (x | x.wrapping_add(ONES)) & HIGH;
    let quote = under(x ^ (ONES * u64::from(b'"')), 1);
    let backslash = under(x ^ (ONES * u64::from(b'\\')), 1);
    control | high | quote | backslash != 0
}
