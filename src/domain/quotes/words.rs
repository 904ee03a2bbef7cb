//! The words of a paragraph, as the cue rules see them: words, punctuation and quote marks
//! with their byte ranges. What each word can do in a cue is in [`super::lexicon`].
//!
//! The verbs of saying are found on the same pass ([`super::verbs`]).

use super::lexicon;
use super::verbs::{self, Verbs};

mod masks;

/// One token: offsets into the paragraph, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub start: u32,
    pub end: u32,
    pub kind: TokKind,
    /// Whether the word starts with an upper-case letter (or a digit, `@`, `#`).
    pub upper: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    /// A punctuation character (`,` `.` `;` `:` `!` `?` `(` `)` `[` `]`), as its ASCII byte.
    Punct(u8),
    /// A dash between words: `-` standing alone, `–`, `—`.
    Dash,
    /// A quote mark (any of `"` `'` `“` `”` `‘` `’` `«` `»` `„` that is not an apostrophe).
    Mark,
    /// Anything else (symbols, `…`).
    Other,
}

/// Splits `text` into tokens, and tells where its verbs of saying start (`verbs`, in order).
pub fn tokenize(text: &str, out: &mut Vec<Tok>, verbs: &mut Verbs) {
    out.clear();
    verbs.clear();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let (next, beyond) = in_block(bytes, i, out, verbs);
        // The tokens up to past a character beyond ASCII, or a word too long for a block: one
        // at a time.
        let until = match beyond {
            Some(b) => b,
            None if next == i => i,
            None => {
                i = next;
                continue;
            }
        };
        i = next;
        while i < bytes.len() && i <= until {
            i = one_token(text, i, out, verbs);
        }
    }
}

/// The tokens from byte `at` (where no token goes on from the bytes before) that the 64
/// bytes from there tell whole, ASCII only: where they end, and where the first byte beyond
/// ASCII is when it stopped them. Where it ends, one token at least is left to
/// [`one_token`] (as the first byte beyond ASCII starts one, or is inside one).
fn in_block(
    bytes: &[u8],
    at: usize,
    out: &mut Vec<Tok>,
    verbs: &mut Verbs,
) -> (usize, Option<usize>) {
    // Past the end of the text, spaces: nothing joins them.
    let mut padded = [b' '; 64];
    let block: &[u8; 64] = match bytes.get(at..at + 64) {
        Some(b) => b.try_into().expect("64 bytes"),
        None => {
            padded[..bytes.len() - at].copy_from_slice(&bytes[at..]);
            &padded
        }
    };
    let m = masks::of(block);
    // Bytes from `limit` on are not known: a token is told whole only if it and the byte
    // after its end (which tells whether a joiner there joins) are before it.
    let limit = if m.beyond == 0 {
        64
    } else {
        m.beyond.trailing_zeros() as usize
    };
    // A joiner joins when a letter or digit follows it and a word comes before it; a word
    // opens with a letter, a digit or an opener, so a byte is in one when it may open one or
    // it may go on one (a letter, a digit, a joiner) after a byte in one. A joiner is never
    // after a joiner that joins (that one is before a letter), hence two steps back at most.
    let opens = m.alnum | m.opener;
    let joins = m.joiner & (m.alnum >> 1);
    let goes_on = m.alnum | joins;
    let word = opens | (goes_on & ((opens | (joins & (opens << 1))) << 1));
    let inside = goes_on & (word << 1);
    let mut starts = (word & !inside) | !(m.space | word);
    // The bytes of words that are no letter or digit (joiners, openers): most blocks have
    // none.
    let not_run = word & !m.alnum;
    while starts != 0 {
        let p = starts.trailing_zeros() as usize;
        let start = at + p;
        if p + 2 > limit {
            return (start, (limit < 64).then_some(at + limit));
        }
        if word >> p & 1 == 1 {
            let end = p + 1 + (inside >> (p + 1)).trailing_ones() as usize;
            if end + 1 >= limit {
                return (start, (limit < 64).then_some(at + limit));
            }
            let b = block[p];
            // A run of letters and digits alone, or more (joined runs, an opener).
            let run = not_run == 0 || (not_run >> p) & ((1 << (end - p)) - 1) == 0;
            if run {
                let word = &block[p..end];
                if verbs::may_be_ascii_verb(word)
                    && (start == 0 || !verbs::part_of_word(bytes[start - 1]))
                {
                    let class = lexicon::class_in(bytes, start, at + end);
                    verbs.looked_up.push((out.len() as u32, class));
                    if verbs::is_searched(class) {
                        verbs.push(start as u32, out.len());
                    }
                }
            } else {
                verbs.in_runs(bytes, start, at + end, out.len());
            }
            out.push(Tok {
                start: start as u32,
                end: (at + end) as u32,
                kind: TokKind::Word,
                upper: ASCII[b as usize] == Byte::Upper,
            });
        } else {
            out.push(Tok {
                start: start as u32,
                end: start as u32 + 1,
                kind: KIND[block[p] as usize & 0x7F],
                upper: false,
            });
        }
        starts &= starts - 1;
    }
    (at + 64, None)
}

/// The token at byte `i` (or the white space there): where it ends.
fn one_token(text: &str, i: usize, out: &mut Vec<Tok>, verbs: &mut Verbs) -> usize {
    let bytes = text.as_bytes();
    let b = bytes[i];
    // ASCII by a table (most bytes of most text); other characters by what they are.
    let (kind, len) = match ASCII[b as usize] {
        Byte::Space => return i + 1,
        Byte::Upper | Byte::Lower => {
            let (end, run) = ascii_word_end(text, i);
            // (The bytes of these classes are letters, digits and `@`, `#`, `$`.)
            if end == run && !matches!(b, b'@' | b'#' | b'$') {
                // One run of ASCII letters and digits: a verb if it is one, unless a
                // character beyond ASCII touches it (which joins it to a longer run).
                let alone = |at: Option<&u8>| at.is_none_or(|&b| !verbs::part_of_word(b));
                let word = &bytes[i..end];
                if verbs::may_be_ascii_verb(word)
                    && alone(i.checked_sub(1).map(|k| &bytes[k]))
                    && alone(bytes.get(end))
                {
                    let class = lexicon::class_in(bytes, i, end);
                    verbs.looked_up.push((out.len() as u32, class));
                    if verbs::is_searched(class) {
                        verbs.push(i as u32, out.len());
                    }
                }
            } else {
                verbs.in_runs(bytes, i, end, out.len());
            }
            out.push(Tok {
                start: i as u32,
                end: end as u32,
                kind: TokKind::Word,
                upper: ASCII[b as usize] == Byte::Upper,
            });
            return end;
        }
        Byte::Punct => (TokKind::Punct(b), 1),
        Byte::Dash => (TokKind::Dash, 1),
        Byte::Mark => (TokKind::Mark, 1),
        Byte::Other => (TokKind::Other, 1),
        Byte::Beyond => {
            let c = text[i..].chars().next().unwrap_or(' ');
            let len = c.len_utf8();
            if c.is_whitespace() {
                return i + len;
            }
            if starts_word(c) {
                let end = word_end(text, i);
                verbs.in_runs(bytes, i, end, out.len());
                out.push(Tok {
                    start: i as u32,
                    end: end as u32,
                    kind: TokKind::Word,
                    upper: c.is_uppercase(),
                });
                return end;
            }
            let kind = match c {
                '–' | '—' => TokKind::Dash,
                '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '‹' | '›' => {
                    TokKind::Mark
                }
                _ => TokKind::Other,
            };
            (kind, len)
        }
    };
    out.push(Tok {
        start: i as u32,
        end: (i + len) as u32,
        kind,
        upper: false,
    });
    i + len
}

/// The kind of a token of one ASCII byte that is no word and no space.
static KIND: [TokKind; 128] = {
    let mut t = [TokKind::Other; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = match ASCII[b] {
            Byte::Punct => TokKind::Punct(b as u8),
            Byte::Dash => TokKind::Dash,
            Byte::Mark => TokKind::Mark,
            _ => TokKind::Other,
        };
        b += 1;
    }
    t
};

/// What a byte is to the tokenizer.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Byte {
    /// White space (`char::is_whitespace`): space, tab, line feed, vertical tab, form feed,
    /// carriage return.
    Space,
    /// Starts a word that counts as capitalised: an upper-case letter, a digit, `@`, `#`.
    Upper,
    /// Starts another word: a lower-case letter, `$`.
    Lower,
    /// `,` `.` `;` `:` `!` `?` `(` `)` `[` `]`.
    Punct,
    /// `-`.
    Dash,
    /// `"` `'`.
    Mark,
    Other,
    /// The first (or a later) byte of a character beyond ASCII.
    Beyond,
}

static ASCII: [Byte; 256] = {
    let mut t = [Byte::Beyond; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = match c {
            b' ' | 0x09..=0x0D => Byte::Space,
            b'A'..=b'Z' | b'0'..=b'9' | b'@' | b'#' => Byte::Upper,
            b'a'..=b'z' | b'$' => Byte::Lower,
            b',' | b'.' | b';' | b':' | b'!' | b'?' | b'(' | b')' | b'[' | b']' => Byte::Punct,
            b'-' => Byte::Dash,
            b'"' | b'\'' => Byte::Mark,
            _ => Byte::Other,
        };
        b += 1;
    }
    t
};

/// [`word_end`] for a word that starts with an ASCII byte, stepping over ASCII letters and
/// digits at once (most words are nothing else); with where that first run ends.
#[inline]
fn ascii_word_end(text: &str, start: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let end = alphanumeric_end(bytes, start + 1);
    let word = match bytes.get(end) {
        None => end,
        // A mark that may join words joins nothing before a space or another mark ("talks.",
        // "the 'word'"): the word ends here, as the rules of `word_end` would end it.
        Some(b'\'' | b'-' | b'.' | b'&' | b'/' | b'_') => {
            if bytes
                .get(end + 1)
                .is_none_or(|&n| n.is_ascii() && !n.is_ascii_alphanumeric())
            {
                end
            } else {
                word_end(text, start)
            }
        }
        Some(&b) if b.is_ascii() => end,
        Some(_) => word_end(text, start),
    };
    (word, end)
}

fn starts_word(c: char) -> bool {
    is_alphanumeric(c) || c == '@' || c == '#' || c == '$'
}

/// `char::is_alphanumeric`, without its table search for the accented Latin letters
/// (U+00C0 to U+024F but `×` and `÷`: all letters) that most characters beyond ASCII in
/// names are ("Lévesque", "Khánh").
fn is_alphanumeric(c: char) -> bool {
    match c {
        '\0'..='\u{7f}' => c.is_ascii_alphanumeric(),
        '\u{c0}'..='\u{24f}' => c != '×' && c != '÷',
        _ => c.is_alphanumeric(),
    }
}

/// Where the run of ASCII letters and digits from `at` ends: eight bytes at a time.
fn alphanumeric_end(bytes: &[u8], mut at: usize) -> usize {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = ONES * 0x80;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // Each byte's top bit: set where the byte is ASCII and, in lower case, a letter or
        // a digit. Every sum stays within its byte (the top bits are cleared first).
        let low = x & !HIGH;
        let lower = low | (ONES * 0x20);
        let letter = (lower + ONES * (0x80 - 0x61)) & !(lower + ONES * (0x80 - 0x7B)); // a..=z
        let digit = (low + ONES * (0x80 - 0x30)) & !(low + ONES * (0x80 - 0x3A)); // 0..=9
        let other = !((letter | digit) & !x) & HIGH;
        if other != 0 {
            return at + (other.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while at < bytes.len() && bytes[at].is_ascii_alphanumeric() {
        at += 1;
    }
    at
}

/// Where the word starting at `start` ends: letters and digits, with `'`, `’`, `-`, `.`, `&`
/// and `/` inside it ("don't", "al-Amr", "U.S", "AT&T"), and a possessive `'s` kept on it.
fn word_end(text: &str, start: usize) -> usize {
    let mut end = start;
    while let Some(c) = char_at(text, end) {
        let len = c.len_utf8();
        let joins = || {
            matches!(c, '\'' | '’' | '-' | '.' | '&' | '/' | '_')
                && char_at(text, end + len).is_some_and(is_alphanumeric)
        };
        if is_alphanumeric(c) || (end == start && starts_word(c)) || joins() {
            end += len;
            continue;
        }
        break;
    }
    end
}

/// The character at byte `at` of `text` (a character boundary), read at once when ASCII.
fn char_at(text: &str, at: usize) -> Option<char> {
    match *text.as_bytes().get(at)? {
        b if b.is_ascii() => Some(char::from(b)),
        _ => text[at..].chars().next(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let mut toks = vec![];
        tokenize(text, &mut toks, &mut Verbs::default());
        toks.iter()
            .map(|t| &text[t.start as usize..t.end as usize])
            .collect()
    }

    #[test]
    fn words_keep_apostrophes_hyphens_and_inner_dots() {
        assert_eq!(
            words("Al-Amr's U.S. plan, don’t “go”—now"),
            [
                "Al-Amr's", "U.S", ".", "plan", ",", "don’t", "“", "go", "”", "—", "now"
            ]
        );
    }

    /// [`word_end`] over the characters of the text, as the standard library classes them.
    fn word_end_by_characters(text: &str, start: usize) -> usize {
        let mut end = start;
        let mut chars = text[start..].char_indices().peekable();
        while let Some((k, c)) = chars.next() {
            let at = start + k;
            let first = k == 0 && (c == '@' || c == '#' || c == '$');
            if c.is_alphanumeric() || first {
                end = at + c.len_utf8();
                continue;
            }
            let joins = matches!(c, '\'' | '’' | '-' | '.' | '&' | '/' | '_');
            let next_alnum = chars.peek().is_some_and(|(_, n)| n.is_alphanumeric());
            if joins && next_alnum && end == at {
                end = at + c.len_utf8();
                continue;
            }
            break;
        }
        end
    }

    /// The tokens character by character, with no table and no shortcut over ASCII.
    fn by_characters(text: &str) -> Vec<Tok> {
        let mut out = vec![];
        let mut i = 0;
        while let Some(c) = text[i..].chars().next() {
            let len = c.len_utf8();
            if c.is_whitespace() {
                i += len;
                continue;
            }
            if c.is_alphanumeric() || c == '@' || c == '#' || c == '$' {
                let end = word_end_by_characters(text, i);
                let upper = c.is_uppercase() || c.is_ascii_digit() || c == '@' || c == '#';
                let kind = TokKind::Word;
                out.push(Tok {
                    start: i as u32,
                    end: end as u32,
                    kind,
                    upper,
                });
                i = end;
                continue;
            }
            let kind = match c {
                ',' | '.' | ';' | ':' | '!' | '?' | '(' | ')' | '[' | ']' => {
                    TokKind::Punct(c as u8)
                }
                '-' | '–' | '—' => TokKind::Dash,
                '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '‹' | '›' => {
                    TokKind::Mark
                }
                _ => TokKind::Other,
            };
            let (start, end) = (i as u32, (i + len) as u32);
            out.push(Tok {
                start,
                end,
                kind,
                upper: false,
            });
            i += len;
        }
        out
    }

    #[test]
    fn the_ascii_table_tokenises_as_the_characters_do() {
        let pieces = [
            "Al", "-", "Amr", "'s", "’", "U.S", ".", " ", "\n", "\u{b}", "\u{a0}", "don", "t", "“",
            "”", "—", "–", "AT", "&", "T", "/", "_", "$5", "@x", "#tag", "é", "Ö", "×", "中", "9",
            ",", "\"", "'", "…", "«", "»", "(", "]", "%", "x",
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let mut toks = vec![];
        for round in 0..20_000 {
            // Short texts, and texts over several blocks of 64 bytes.
            let n = if round % 4 == 0 { 80 } else { 8 };
            let text = crate::domain::shuffled::joined(&mut seed, &pieces, n);
            tokenize(&text, &mut toks, &mut Verbs::default());
            assert_eq!(toks, by_characters(&text), "{text:?}");
        }
    }

    #[test]
    fn words_across_blocks_and_beside_characters_beyond_ascii_are_whole() {
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let pieces = [
            " ", "a", "said", "U.S", "-", "'", "é", "“", ".", "don't", "x-y", "\n", "$5",
        ];
        let mut toks = vec![];
        for _ in 0..5_000 {
            crate::domain::shuffled::step(&mut seed);
            // A long run of one piece puts words and joiners on every byte of a block.
            let long =
                pieces[(seed % pieces.len() as u64) as usize].repeat((seed >> 8) as usize % 70);
            let text = long + &crate::domain::shuffled::joined(&mut seed, &pieces, 40);
            tokenize(&text, &mut toks, &mut Verbs::default());
            assert_eq!(toks, by_characters(&text), "{text:?}");
        }
    }

    #[test]
    fn runs_of_letters_and_digits_end_at_the_first_other_byte() {
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..20_000 {
            let mut bytes = [0u8; 24];
            for b in &mut bytes {
                crate::domain::shuffled::step(&mut seed);
                // Mostly letters and digits, so that runs are long.
                *b = match seed % 4 {
                    0 => (seed >> 8) as u8,
                    1 => b"aZ09"[(seed >> 8) as usize % 4],
                    _ => b'a' + (seed >> 8) as u8 % 26,
                };
            }
            let at = (seed >> 20) as usize % bytes.len();
            let expected = at
                + bytes[at..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric())
                    .count();
            assert_eq!(alphanumeric_end(&bytes, at), expected, "{bytes:?} {at}");
        }
        for b in 0..=255u8 {
            let bytes = [b; 9];
            let expected = if b.is_ascii_alphanumeric() { 9 } else { 0 };
            assert_eq!(alphanumeric_end(&bytes, 0), expected, "{b}");
        }
    }

    #[test]
    fn the_latin_shortcut_is_what_the_standard_library_says() {
        for c in ('\0'..='\u{2ff}').chain(['€', 'ß', 'Ω', 'я', '中', '٣', '\u{a0}']) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn a_quote_mark_after_a_word_is_a_mark_not_part_of_it() {
        assert_eq!(words("the girls' team"), ["the", "girls", "'", "team"]);
        assert_eq!(words("'Tis"), ["'", "Tis"]);
    }
}
