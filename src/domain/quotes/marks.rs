//! Quote marks in a paragraph, and which way each one faces.
//!
//! A curly or angled mark says which way it faces (`“` opens, `”` closes); a straight one is
//! read from its neighbours: after a space and before a word it opens, after a word or a stop
//! and before a space or a stop it closes. A straight or curly single mark between two letters
//! is an apostrophe ("don't", "it’s") and no mark at all, and so is one before a digit that
//! does not follow a word ("the '90s").

/// The families of marks: a quotation opened by one is closed by the same family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Family {
    /// `«` `»` `‹` `›`: outermost where they are used.
    Angle,
    /// `"` `“` `”` `„`.
    Double,
    /// `'` `‘` `’`: a quotation only where it clearly opens and closes.
    Single,
}

/// Which way a glyph faces by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lean {
    Neither,
    Opens,
    Closes,
}

/// Which way a mark faces by its neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// After a space (or the start) and before a word: `said "We`.
    Opening,
    /// After a word or a stop and before a space, a stop or the end: `now," he`.
    Closing,
    /// Both or neither: `a"b`, ` " `.
    Unclear,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    /// Byte offset of the mark in the paragraph.
    pub at: u32,
    /// Its length in bytes (1 to 3).
    pub len: u8,
    pub family: Family,
    pub lean: Lean,
    pub shape: Shape,
    /// The first thing on its line (after white space).
    pub line_start: bool,
}

impl Mark {
    pub fn end(&self) -> u32 {
        self.at + u32::from(self.len)
    }
}

/// The quote marks of `text`, in order.
pub fn find(text: &str, out: &mut Vec<Mark>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut next = MayMark::default();
    let mut i = 0;
    while i < bytes.len() {
        i = next.at_or_after(bytes, i);
        if i >= bytes.len() {
            break;
        }
        let (family, lean, len) = match bytes[i] {
            b'"' => (Family::Double, Lean::Neither, 1),
            b'\'' => (Family::Single, Lean::Neither, 1),
            0xE2 if bytes.get(i + 1) == Some(&0x80) => match bytes.get(i + 2) {
                // “ and „
                Some(0x9C | 0x9E) => (Family::Double, Lean::Opens, 3),
                Some(0x9D) => (Family::Double, Lean::Closes, 3), // ”
                Some(0x98) => (Family::Single, Lean::Opens, 3),  // ‘
                Some(0x99) => (Family::Single, Lean::Closes, 3), // ’
                Some(0xB9) => (Family::Angle, Lean::Opens, 3),   // ‹
                Some(0xBA) => (Family::Angle, Lean::Closes, 3),  // ›
                _ => {
                    i += 1;
                    continue;
                }
            },
            0xC2 if bytes.get(i + 1) == Some(&0xAB) => (Family::Angle, Lean::Opens, 2), // «
            0xC2 if bytes.get(i + 1) == Some(&0xBB) => (Family::Angle, Lean::Closes, 2), // »
            _ => {
                i += 1;
                continue;
            }
        };
        let before = text[..i].chars().next_back();
        let after = text[i + len..].chars().next();
        if family == Family::Single && !is_single_mark(before, after) {
            i += len;
            continue;
        }
        out.push(Mark {
            at: i as u32,
            len: len as u8,
            family,
            lean,
            shape: shape(before, after, &text[i + len..]),
            line_start: line_start(bytes, i),
        });
        i += len;
    }
}

/// The first bytes of marks: `"`, `'`, and the lead bytes of the curly and angled ones.
#[cfg(test)]
static MAY_MARK: [bool; 256] = {
    let mut t = [false; 256];
    t[b'"' as usize] = true;
    t[b'\'' as usize] = true;
    t[0xE2] = true;
    t[0xC2] = true;
    t
};

/// The bytes that may start a mark (`"`, `'`, and the lead bytes of the curly and angled
/// ones), found by vectorised searches: the lead bytes of the marks beyond ASCII only up to
/// the next straight mark, which is searched for again only once passed (a paragraph's "…"
/// and accented letters do not each search the rest of it for one).
#[derive(Default)]
struct MayMark {
    /// The first straight mark at or after the byte asked about last (or the end).
    straight: Option<usize>,
}

impl MayMark {
    /// The first byte from `at` that may start a mark, or the end; `at` never goes back.
    fn at_or_after(&mut self, bytes: &[u8], at: usize) -> usize {
        let at = at.min(bytes.len());
        let straight = match self.straight {
            Some(s) if s >= at => s,
            _ => {
                let s = memchr::memchr2(b'"', b'\'', &bytes[at..]).map_or(bytes.len(), |n| at + n);
                self.straight = Some(s);
                s
            }
        };
        memchr::memchr2(0xE2, 0xC2, &bytes[at..straight]).map_or(straight, |n| at + n)
    }
}

/// A single mark between letters is an apostrophe; one before a digit after a space elides
/// a century ("'90s").
fn is_single_mark(before: Option<char>, after: Option<char>) -> bool {
    let letter_before = before.is_some_and(char::is_alphanumeric);
    let letter_after = after.is_some_and(char::is_alphanumeric);
    if letter_before && letter_after {
        return false;
    }
    letter_before || !after.is_some_and(|c| c.is_ascii_digit())
}

fn shape(before: Option<char>, after: Option<char>, rest: &str) -> Shape {
    let open_left = before.is_none_or(|c| c.is_whitespace() || "([{—–-/".contains(c))
        || before.is_some_and(is_mark_char);
    let closes_right = match after {
        None => true,
        Some(c) if c.is_whitespace() => true,
        Some('.') => !rest.starts_with(".."),
        Some(c) => ",;:!?)]}—–".contains(c) || is_mark_char(c),
    };
    match (open_left, closes_right) {
        (true, false) => Shape::Opening,
        (false, true) => Shape::Closing,
        _ => Shape::Unclear,
    }
}

fn is_mark_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '„' | '‘' | '’' | '«' | '»' | '‹' | '›'
    )
}

fn line_start(bytes: &[u8], at: usize) -> bool {
    let mut j = at;
    while j > 0 && matches!(bytes[j - 1], b' ' | b'\t') {
        j -= 1;
    }
    j == 0 || matches!(bytes[j - 1], b'\n' | b'\r')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(text: &str) -> Vec<(usize, Family, Shape)> {
        let mut out = vec![];
        find(text, &mut out);
        out.iter()
            .map(|m| (m.at as usize, m.family, m.shape))
            .collect()
    }

    #[test]
    fn straight_marks_face_by_their_neighbours() {
        use Shape::*;
        assert_eq!(
            marks(r#"said "We won," he"#)
                .iter()
                .map(|m| m.2)
                .collect::<Vec<_>>(),
            [Opening, Closing]
        );
        // The mark after a comma and before a space still closes by its look.
        assert_eq!(marks(r#"a," For"#)[0].2, Closing);
        assert_eq!(marks(r#"a"b"#)[0].2, Unclear);
        // An ellipsis after an opening mark is the start of the quotation.
        assert_eq!(marks(r#"officials, "... plied"#)[0].2, Opening);
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert!(marks("don't it’s Ahmed's O'Brien").is_empty());
        assert!(marks("in the '90s").is_empty());
        assert_eq!(
            marks("the girls' team"),
            [(9, Family::Single, Shape::Closing)]
        );
        assert_eq!(marks("'forced' to").len(), 2);
    }

    #[test]
    fn curly_and_angled_marks_are_found_with_their_families() {
        let m = marks("«a “b” c» ‘d’");
        let fam: Vec<_> = m.iter().map(|m| m.1).collect();
        assert_eq!(
            fam,
            [
                Family::Angle,
                Family::Double,
                Family::Double,
                Family::Angle,
                Family::Single,
                Family::Single
            ]
        );
    }

    #[test]
    fn the_bytes_that_may_start_a_mark_are_found_as_one_by_one() {
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        for _ in 0..20_000 {
            let mut bytes = [0u8; 24];
            for b in &mut bytes {
                crate::domain::shuffled::step(&mut seed);
                *b = match seed % 8 {
                    0 => b"\"'\xE2\xC2\x22\x27\xA2\x62"[(seed >> 8) as usize % 8],
                    1 => (seed >> 8) as u8,
                    _ => b'a' + (seed >> 8) as u8 % 26,
                };
            }
            // Questions in order, from a byte on, as the finder asks them.
            let mut next = MayMark::default();
            let mut at = (seed >> 20) as usize % bytes.len();
            while at < bytes.len() {
                let expected = at
                    + bytes[at..]
                        .iter()
                        .take_while(|&&b| !MAY_MARK[b as usize])
                        .count();
                assert_eq!(next.at_or_after(&bytes, at), expected, "{bytes:?} {at}");
                at = expected + 1 + (seed >> (at % 40)) as usize % 3;
            }
        }
        for b in 0..=255u8 {
            let expected = if MAY_MARK[b as usize] { 0 } else { 9 };
            assert_eq!(MayMark::default().at_or_after(&[b; 9], 0), expected, "{b}");
        }
    }

    #[test]
    fn a_mark_at_the_start_of_a_line_knows_it() {
        let mut out = vec![];
        find("a \"b\n  \"c", &mut out);
        assert!(!out[0].line_start);
        assert!(out[1].line_start);
    }
}
