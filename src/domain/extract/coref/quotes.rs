//! Quotations, for the resolver: where the text gives someone's own words, so that a pronoun
//! inside them is read as the speaker's ("I", "he" of someone the speaker spoke of) and one
//! outside never reaches into them.
//!
//! Double quotation marks, straight or curly, paired within a paragraph (news opens each
//! paragraph of a long quotation again and leaves the one before unclosed: a quotation ends
//! with its paragraph at the latest). A few words in marks are a name or a term ("parole"
//! status, a user labelled "Anonymous"), not a quotation.

use std::ops::Range;

/// Fewer words than this between the marks make no quotation.
const MIN_WORDS: usize = 4;

/// The quotations of `text`: the words between the marks, sorted, not overlapping.
pub fn quotations(text: &[u8]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
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
                if rest.get(n) == Some(&b'\n')
                    && let Some(start) = open.take()
                {
                    push(&mut out, start..i);
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
