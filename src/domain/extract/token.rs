//! Splits one line of text into word, number and punctuation tokens at byte offsets.
//!
//! The tokenizer keeps together what a name needs whole: abbreviations with dots ("U.S.",
//! "Mr.", "J."), hyphenated and apostrophised words ("al-Assad", "O'Brien"), "AT&T"; and it
//! splits off a possessive "'s" so that spans can exclude it. It also marks sentence starts,
//! because a capital letter there says nothing about a name.
//!
//! The build script compiles this file too (the keys of the built-in names are tokenised as the
//! text is): it uses nothing outside itself and the files below it.

// Paths spelt out: the build script includes this file by `#[path]`, which would look for
// these beside it rather than in `token/`.
#[path = "token/abbreviations.rs"]
mod abbreviations;
#[path = "token/alphanumeric_run.rs"]
mod alphanumeric_run;
#[path = "token/plain_word.rs"]
mod plain_word;
#[path = "token/run_over.rs"]
mod run_over;
#[path = "token/shape.rs"]
mod shape;
#[path = "token/starts.rs"]
mod starts;

use abbreviations::{ascii_abbreviation, is_abbreviation};
use alphanumeric_run::{LOWER, UPPER, ascii_alphanumeric_run};
pub(super) use run_over::name_runs_over;
use shape::{ascii_shape, shape_of};
#[cfg(test)]
pub use starts::calendar_start;
pub use starts::{DATE, FIGURE, starts_as_number_word};

/// What a token looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Starts with an upper-case letter and has lower-case letters ("Israel", "McDonald").
    Cap,
    /// Letters all upper case, at least one ("UN", "U.S.", "NATO", "I").
    Upper,
    /// Starts lower case but has a capital after a prefix ("al-Qaeda", "iPhone", "de").
    LowerCap,
    /// All lower case ("the", "said").
    Lower,
    /// Starts with a digit ("240", "2023-11-08", "1,000").
    Number,
    /// A possessive ending split off its word ("'s", "’s", or a lone "'" after "s").
    Possessive,
    /// Any other single character (punctuation, symbols).
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offsets into the line.
    pub start: usize,
    pub end: usize,
    pub shape: Shape,
    /// First token of a sentence: at a line start; after `.`, `!`, `?`, `:`, `;`, `…` or a
    /// bullet; after a dateline's date or its "(Agency) -"; after a list marker ("a)").
    pub sentence_start: bool,
    /// What it may start ([`DATE`], [`FIGURE`], a bit each): the finders of dates and figures
    /// read no other token.
    pub starts: u8,
    /// Its text holds a hyphen ("London-based", "-"): the rules for hyphenated words pass
    /// over every other token without reading it.
    pub hyphen: bool,
}

impl Token {
    /// A word of ASCII letters and digits only (so no hyphen) at `start..end` of its line.
    fn plain(start: usize, end: usize, shape: Shape, sentence_start: bool, starts: u8) -> Token {
        Token {
            start,
            end,
            shape,
            sentence_start,
            starts,
            hyphen: false,
        }
    }

    pub fn text<'a>(&self, line: &'a str) -> &'a str {
        line.get(self.start..self.end).unwrap_or("")
    }

    pub fn is_word(&self) -> bool {
        matches!(
            self.shape,
            Shape::Cap | Shape::Upper | Shape::LowerCap | Shape::Lower
        )
    }

    /// Looks like part of a name: capitalised, an acronym, or "al-Qaeda"-like.
    pub fn is_capitalised(&self) -> bool {
        matches!(self.shape, Shape::Cap | Shape::Upper | Shape::LowerCap)
    }
}

/// `c.is_alphanumeric()`, with the answer for the characters beyond ASCII that news text
/// mostly holds known without the Unicode tables: the letters of the Latin alphabets (all of
/// U+00C0 to U+024F but "×" and "÷") and general punctuation (dashes, quotation marks, the
/// ellipsis, spaces: none). Asked of every such character the tokenizer reads.
#[inline]
fn is_alphanumeric(c: char) -> bool {
    match c {
        '\0'..='\x7f' => c.is_ascii_alphanumeric(),
        'À'..='ɏ' => c != '×' && c != '÷',
        '\u{2000}'..='\u{206f}' => false,
        _ => c.is_alphanumeric(),
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_hyphen(c: char) -> bool {
    c == '-' || c == '‐' || c == '‑'
}

/// Tokenizes one line (no line breaks inside). Work is linear in its length. Gives what the
/// line's tokens may start, all together ([`DATE`], [`FIGURE`], a bit each).
// Out of line: inlined into the reading of a line, its loop shared the registers with all
// that follows it there, and kept its state on the stack.
#[inline(never)]
pub fn tokenize(line: &str, out: &mut Vec<Token>) -> u8 {
    out.clear();
    let bytes = line.as_bytes();
    let mut i = 0;
    let mut sentence_start = true;
    let mut marks = 0;
    // The line's last sixteen bytes (all of a shorter line) followed by zeros: the words there
    // are read sixteen bytes at a time too, with nothing past the line read as a letter.
    let tail_from = line.len().saturating_sub(16);
    let mut tail = [0; 32];
    tail[..line.len() - tail_from].copy_from_slice(&bytes[tail_from..]);
    let mut no_plain_word_at = usize::MAX;
    while i < line.len() {
        // The commonest bytes first, before any decoding: a space between words, and a word
        // of ASCII letters and digits.
        let b = bytes[i];
        if b == b' ' {
            i += 1;
            continue;
        }
        // Spaces and the commonest marks (".", ",", quotes, brackets, hyphens) come before "0"
        // in ASCII: they start no word. Where the plain words stopped, none starts.
        if b >= b'0' && i != no_plain_word_at {
            let (at, words_marks) = plain_words(bytes, &tail, tail_from, i, sentence_start, out);
            if at != i {
                marks |= words_marks;
                sentence_start = false;
                no_plain_word_at = at;
                i = at;
                continue;
            }
        }
        if b.is_ascii_alphanumeric()
            && let Some((end, shape)) = plain_ascii_word(bytes, i)
        {
            let starts = starts::starts(&bytes[i..end], shape);
            out.push(Token::plain(i, end, shape, sentence_start, starts));
            marks |= starts;
            sentence_start = false;
            i = end + usize::from(bytes.get(end) == Some(&b' '));
            continue;
        }
        // Most text is ASCII: a byte is its character, no decoding.
        let c = match b {
            _ if b.is_ascii() => b as char,
            _ => match line[i..].chars().next() {
                Some(c) => c,
                None => break,
            },
        };
        let clen = c.len_utf8();
        if c.is_whitespace() || !c.is_ascii() && is_invisible(c) {
            i += clen;
            continue;
        }
        if is_alphanumeric(c) {
            let end = word_end(line, i);
            let (end, possessive) = split_possessive(line, i, end);
            let shape = shape_of(&line[i..end]);
            let starts = starts::starts(&bytes[i..end], shape);
            out.push(Token {
                start: i,
                end,
                shape,
                sentence_start,
                starts,
                hyphen: bytes[i..end].contains(&b'-'),
            });
            marks |= starts;
            // A dateline or time stamp ends with its date: "date 2023-11-08 Amid the talks".
            sentence_start = shape == Shape::Number && is_iso_date(&bytes[i..end]);
            if let Some(p) = possessive {
                out.push(Token {
                    start: end,
                    end: p,
                    shape: Shape::Possessive,
                    sentence_start: false,
                    starts: 0,
                    hyphen: false,
                });
                i = p;
            } else {
                i = end;
            }
            continue;
        }
        // A tokenised possessive: "Bitar 's goal".
        if is_apostrophe(c) {
            let after = i + clen;
            let rest = &bytes[after..];
            let s_word = rest.first() == Some(&b's')
                && rest.get(1).is_none_or(|b| !b.is_ascii_alphanumeric());
            let prev_is_word = out
                .last()
                .is_some_and(|t| t.is_word() && t.end + 1 >= i && t.end <= i);
            if s_word && prev_is_word {
                out.push(Token {
                    start: i,
                    end: after + 1,
                    shape: Shape::Possessive,
                    sentence_start: false,
                    starts: 0,
                    hyphen: false,
                });
                i = after + 1;
                continue;
            }
        }
        out.push(Token {
            start: i,
            end: i + clen,
            shape: Shape::Punct,
            sentence_start,
            starts: 0,
            hyphen: c == '-',
        });
        match c {
            '.' | '!' | '?' | ':' | ';' | '•' | '|' | '…' => sentence_start = true,
            // "a) Leaving the union ... b) Refusing": a list marker starts an item.
            ')' if is_list_marker(line, out) => sentence_start = true,
            // "ROTTERDAM, March 14 (Northline News) - Shares fell": a dateline's dash.
            '-' | '—' | '–' if out.len() >= 2 && out[out.len() - 2].text(line) == ")" => {
                sentence_start = true;
            }
            // Quotes and brackets keep the sentence start for the word they open.
            '"' | '“' | '”' | '\'' | '‘' | '’' | '(' | '[' | '—' | '–' | '-' | '*' => {}
            _ => sentence_start = false,
        }
        i += clen;
    }
    marks
}

/// Reads the plain words from `i` on (as `plain_ascii_word` takes them, each ending among the
/// sixteen bytes it starts) and the spaces between them into `out`, the first with
/// `sentence_start`: where it stopped (at the end of the line, or a byte that starts no plain
/// word), and what the words may start. Most of a line is read here.
// Out of line, a loop of its own: inlined, its state shared the registers with all the rest of
// the tokenizer, and went to the stack and back for every word.
#[inline(never)]
fn plain_words(
    bytes: &[u8],
    tail: &[u8; 32],
    tail_from: usize,
    mut i: usize,
    mut sentence_start: bool,
    out: &mut Vec<Token>,
) -> (usize, u8) {
    let mut marks = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b' ' {
            i += 1;
            continue;
        }
        // Spaces and the commonest marks come before "0" in ASCII: they start no word.
        if b < b'0' {
            break;
        }
        let Some((len, shape, starts, space)) = plain_word::sixteen_at(bytes, tail, tail_from, i)
            .and_then(plain_word::plain_word_in_sixteen)
        else {
            break;
        };
        out.push(Token::plain(i, i + len, shape, sentence_start, starts));
        marks |= starts;
        sentence_start = false;
        // Past the space that most often follows a word: a loop turn less for it.
        i += len + usize::from(space);
    }
    (i, marks)
}

/// A word of ASCII letters and digits that ends at a space or a mark that joins nothing (most
/// words), or a word with a letter before a comma or a full stop that ends no abbreviation
/// (the general rules end those there too): its end and shape, in one pass. `None` sends the
/// word through the general rules.
fn plain_ascii_word(bytes: &[u8], start: usize) -> Option<(usize, Shape)> {
    let (end, seen) = ascii_alphanumeric_run(bytes, start);
    let (upper, lower) = (seen & UPPER != 0, seen & LOWER != 0);
    ends_plainly(bytes, start, end, upper || lower)
        .then(|| (end, ascii_shape(bytes[start], upper, lower)))
}

/// Whether the word of ASCII letters and digits `bytes[start..end]`, which has `letters` or
/// not, ends at `end` by the general rules too: at a space or a mark that joins nothing, or
/// at a comma or a full stop that ends no abbreviation after a letter.
// Called for every word from the tokenizer's inner loop.
#[inline]
fn ends_plainly(bytes: &[u8], start: usize, end: usize, letters: bool) -> bool {
    match bytes.get(end) {
        Some(&after) => ends_plainly_before(after, &bytes[start..], end - start, letters),
        None => true,
    }
}

/// [`ends_plainly`] for the word of `len` bytes that starts `word_on`, followed by `after`.
#[inline]
fn ends_plainly_before(after: u8, word_on: &[u8], len: usize, letters: bool) -> bool {
    !may_join(&after)
        || letters
            && match after {
                b',' => true,
                b'.' => !ascii_abbreviation(&word_on[..len]),
                _ => false,
            }
}

/// Format characters that show nothing: direction marks (U+200E, U+200F and the embeddings),
/// zero-width space and word joiner, the byte order mark. Between words they are spaces.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// Whether the ")" just pushed closes a list marker: one letter, a small Roman numeral or a
/// number of up to two digits, first in its sentence or after a comma ("a)", "(b)", "ii)",
/// "2)"); in brackets only first in its sentence ("parts: (a) Raising", not "Waiting (c)").
fn is_list_marker(line: &str, toks: &[Token]) -> bool {
    let [.., before, marker, _] = toks else {
        return toks.len() == 2 && is_marker_text(toks[0].text(line));
    };
    let opened = before.text(line) == "(";
    let first = marker.sentence_start || !opened && matches!(before.text(line), "," | "…");
    is_marker_text(marker.text(line)) && first
}

fn is_marker_text(text: &str) -> bool {
    text.len() == 1 && text.bytes().all(|b| b.is_ascii_alphabetic())
        || (1..=2).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit())
        || (2..=4).contains(&text.len()) && text.bytes().all(|b| matches!(b, b'i' | b'v' | b'x'))
}

/// "2023-11-08".
pub(super) fn is_iso_date(word: &[u8]) -> bool {
    word.len() == 10
        && word.iter().enumerate().all(|(i, &c)| match i {
            4 | 7 => c == b'-',
            _ => c.is_ascii_digit(),
        })
}

/// Characters that may join two words into one, or end an abbreviation: the general rules in
/// `word_end` decide. Every other ASCII character ends a word.
fn may_join(b: &u8) -> bool {
    !b.is_ascii() || matches!(b, b'-' | b'/' | b'\'' | b'&' | b'.' | b',')
}

/// The end of the word starting at `start`: letters and digits, joined by inner hyphens,
/// apostrophes, "&" between capitals, and dots of abbreviations.
fn word_end(line: &str, start: usize) -> usize {
    // ASCII letters and digits a byte at a time; the rules below start at the first other
    // character.
    let ascii = line.as_bytes()[start..]
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(line.len() - start);
    let mut end = start + ascii;
    if !line.as_bytes().get(end).is_some_and(may_join) {
        return end;
    }
    let mut chars = line[end..].char_indices().peekable();
    let from = end;
    while let Some((off, c)) = chars.next() {
        let at = from + off;
        if is_alphanumeric(c) || c == '\u{200d}' {
            end = at + c.len_utf8();
            continue;
        }
        let next = chars.peek().map(|&(_, n)| n);
        let joins = match c {
            c if is_hyphen(c)
                || c == '/' && line[start..at].bytes().all(|b| b.is_ascii_digit()) =>
            {
                next.is_some_and(is_alphanumeric)
            }
            c if is_apostrophe(c) => {
                // O'Brien, don't; but not the possessive 's (split later) nor a closing quote.
                next.is_some_and(char::is_alphabetic)
            }
            '&' => {
                next.is_some_and(|n| n.is_uppercase())
                    && line[start..at].chars().all(|x| x.is_uppercase())
            }
            '.' | ',' => {
                // Decimals and thousands: 3.5, 1,000.
                line[start..at]
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
                    && next.is_some_and(|n| n.is_ascii_digit())
            }
            _ => false,
        };
        if !joins {
            break;
        }
    }
    // Dots of abbreviations: "U.S.", "J.", "Mr.", "Inc.".
    if line[end..].starts_with('.') {
        let word = &line[start..end];
        if is_abbreviation(word) {
            let mut e = end + 1;
            // More letters-and-dots: "U.S.", "U.N.", "e.g.".
            loop {
                let rest = &line[e..];
                let mut it = rest.chars();
                match (it.next(), it.next()) {
                    (Some(a), Some('.')) if a.is_alphabetic() => e += a.len_utf8() + 1,
                    _ => break,
                }
            }
            return e;
        }
    }
    end
}

/// Splits a trailing "'s" / "’s" (or "s'" plural possessive's apostrophe) off a word.
/// Returns the new word end and, if split, the end of the possessive token.
fn split_possessive(line: &str, start: usize, end: usize) -> (usize, Option<usize>) {
    let word = &line[start..end];
    // Every possessive ends in "s": most words are done with one comparison.
    if !word.ends_with(['s', 'S']) {
        return (end, None);
    }
    for ap in ["'s", "’s", "'S", "’S"] {
        if let Some(stem) = word.strip_suffix(ap)
            && !stem.is_empty()
        {
            return (start + stem.len(), Some(end));
        }
    }
    // "Hostages' families": the apostrophe right after a final s.
    if word.ends_with('s') {
        let rest = &line[end..];
        for ap in ['\'', '’'] {
            if rest.starts_with(ap)
                && rest[ap.len_utf8()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !is_alphanumeric(c))
            {
                return (end, Some(end + ap.len_utf8()));
            }
        }
    }
    (end, None)
}

#[cfg(test)]
#[path = "token/tests.rs"]
mod tests;
