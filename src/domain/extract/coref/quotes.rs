//! Quotations, for the resolver: where the text gives someone's own words, so that a pronoun
//! inside them is read as the speaker's ("I", "he" of someone the speaker spoke of) and one
//! outside never reaches into them.
//!
//! Double quotation marks, straight or curly, paired within a paragraph (news opens each
//! paragraph of a long quotation again and leaves the one before unclosed: a quotation ends
//! with its paragraph at the latest). A few words in marks are a name or a term ("parole"
//! status, a user labelled "Anonymous"), not a quotation.
//!
//! A paragraph in the first person with no marks that ends with a bare name is a pulled
//! quotation ("I was told to leave. Valeska Paris"): its words up to the name.

use std::ops::Range;

/// Fewer words than this between the marks make no quotation.
const MIN_WORDS: usize = 4;

/// The quotations of `text`: the words between the marks, sorted, not overlapping.
pub fn quotations(text: &[u8]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    // Where the current paragraph starts.
    let mut paragraph = 0;
    let push = |out: &mut Vec<Range<usize>>, r: Range<usize>| {
        if words_in(&text[r.clone()]) >= MIN_WORDS {
            out.push(r);
        }
    };
    let mut at = 0;
    while let Some(i) = memchr::memchr3(b'"', b'\n', 0xE2, &text[at..]).map(|i| at + i) {
        at = i + 1;
        match text[i] {
            b'"' => match open.take() {
                Some(start) => push(&mut out, start..i),
                None => open = Some(i + 1),
            },
            b'\n' => {
                // A blank line ends the paragraph, and any quotation left open in it.
                let rest = &text[i + 1..];
                let blank = rest
                    .iter()
                    .take_while(|&&b| b == b' ' || b == b'\t' || b == b'\r');
                let n = blank.count();
                if rest.get(n) == Some(&b'\n') {
                    if let Some(start) = open.take() {
                        push(&mut out, start..i);
                    } else if let Some(pulled) = pulled_quotation(text, paragraph, i) {
                        push(&mut out, pulled);
                    }
                    paragraph = i + 1 + n + 1;
                }
            }
            _ => match text.get(i + 1..i + 3) {
                // “ and ”
                Some([0x80, 0x9C]) => open = Some(i + 3),
                Some([0x80, 0x9D]) => {
                    if let Some(start) = open.take() {
                        push(&mut out, start..i);
                    }
                }
                _ => {}
            },
        }
    }
    if let Some(start) = open {
        push(&mut out, start..text.len());
    }
    out
}

/// The paragraph `text[start..end]` as a pulled quotation, if it has no quotation marks,
/// speaks in the first person ("I", "my", "me") and ends with a few capitalised words after
/// its last full stop (the speaker's name): the words before the name.
fn pulled_quotation(text: &[u8], start: usize, end: usize) -> Option<Range<usize>> {
    let para = text.get(start..end)?.trim_ascii_end();
    if para.is_empty() || memchr::memchr2(b'"', 0xE2, para).is_some() {
        return None;
    }
    let stop = para
        .iter()
        .rposition(|&b| matches!(b, b'.' | b'!' | b'?'))?;
    let tail = para[stop + 1..].trim_ascii();
    let words: Vec<&[u8]> = tail
        .split(|&b| b == b' ')
        .filter(|w| !w.is_empty())
        .collect();
    let name_like = (2..=4).contains(&words.len())
        && (words.iter()).all(|w| {
            w[0].is_ascii_uppercase()
                && w.iter()
                    .all(|b| b.is_ascii_alphabetic() || *b == b'-' || *b == b'\'')
        });
    let first_person = || {
        para[..stop]
            .split(|b| !b.is_ascii_alphabetic())
            .any(|w| matches!(w, b"I" | b"my" | b"me" | b"My"))
    };
    (name_like && first_person()).then_some(start..start + stop + 1)
}

/// How many words `bytes` holds (runs of letters and digits), counted up to [`MIN_WORDS`].
fn words_in(bytes: &[u8]) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for &b in bytes {
        let letter = b.is_ascii_alphanumeric() || b >= 0x80;
        if letter && !in_word {
            n += 1;
            if n == MIN_WORDS {
                return n;
            }
        }
        in_word = letter;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        quotations(text.as_bytes())
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn marks_pair_within_a_paragraph_and_terms_are_no_quotations() {
        let text = "He said, \"We will not leave this place,\" and left. They granted \
                    \"parole\" status.\n\n\"It went on and on\n\nthe next\" one.";
        assert_eq!(
            quoted(text),
            ["We will not leave this place,", "It went on and on",]
        );
        assert_eq!(
            quoted("She wrote: “I have no regrets at all.” Then: “ok”"),
            ["I have no regrets at all."]
        );
        assert_eq!(
            quoted("An open \"quote that never ends here"),
            ["quote that never ends here"]
        );
    }
}
