//! The words of a paragraph, as the cue rules see them: words, punctuation and quote marks
//! with their byte ranges. What each word can do in a cue is in [`super::lexicon`].
//!
//! Only paragraphs that hold a quote mark or a verb of saying are tokenised.

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

/// Splits `text` into tokens.
pub fn tokenize(text: &str, out: &mut Vec<Tok>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let c = if b.is_ascii() {
            b as char
        } else {
            text[i..].chars().next().unwrap_or(' ')
        };
        let len = c.len_utf8();
        if c.is_whitespace() {
            i += len;
            continue;
        }
        if starts_word(c) {
            let end = word_end(text, i);
            out.push(Tok {
                start: i as u32,
                end: end as u32,
                kind: TokKind::Word,
                upper: c.is_uppercase() || c.is_ascii_digit() || c == '@' || c == '#',
            });
            i = end;
            continue;
        }
        let kind = match c {
            ',' | '.' | ';' | ':' | '!' | '?' | '(' | ')' | '[' | ']' => TokKind::Punct(b),
            '-' | '–' | '—' => TokKind::Dash,
            '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '‹' | '›' => {
                TokKind::Mark
            }
            _ => TokKind::Other,
        };
        out.push(Tok {
            start: i as u32,
            end: (i + len) as u32,
            kind,
            upper: false,
        });
        i += len;
    }
}

fn starts_word(c: char) -> bool {
    c.is_alphanumeric() || c == '@' || c == '#' || c == '$'
}

/// Where the word starting at `start` ends: letters and digits, with `'`, `’`, `-`, `.`, `&`
/// and `/` inside it ("don't", "al-Amr", "U.S", "AT&T"), and a possessive `'s` kept on it.
fn word_end(text: &str, start: usize) -> usize {
    // Plain ASCII letters and digits first, byte by byte: most words are nothing else.
    let bytes = text.as_bytes();
    let mut end = start + 1;
    while end < bytes.len() && bytes[end].is_ascii_alphanumeric() {
        end += 1;
    }
    if bytes[start].is_ascii() {
        match bytes.get(end) {
            None => return end,
            // A mark that may join words joins nothing before a space or another mark ("talks.",
            // "the 'word'"): the word ends here, as the rules below would end it.
            Some(b'\'' | b'-' | b'.' | b'&' | b'/' | b'_') => {
                if bytes
                    .get(end + 1)
                    .is_none_or(|&n| n.is_ascii() && !n.is_ascii_alphanumeric())
                {
                    return end;
                }
            }
            Some(&b) if b.is_ascii() => return end,
            Some(_) => {}
        }
    }
    let mut end = start;
    let mut chars = text[start..].char_indices().peekable();
    while let Some((k, c)) = chars.next() {
        let at = start + k;
        if c.is_alphanumeric() || (k == 0 && starts_word(c)) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let mut toks = vec![];
        tokenize(text, &mut toks);
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

    #[test]
    fn a_quote_mark_after_a_word_is_a_mark_not_part_of_it() {
        assert_eq!(words("the girls' team"), ["the", "girls", "'", "team"]);
        assert_eq!(words("'Tis"), ["'", "Tis"]);
    }
}
