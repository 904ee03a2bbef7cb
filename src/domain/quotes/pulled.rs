//! Pulled quotations: a paragraph of someone's words set apart with their name after it and no
//! quote marks, as news pages show a pull quote once its styling is lost:
//!
//! ```text
//! I was told that my mother had attacked the church. Valeska Paris
//! ```
//!
//! Only a paragraph in the first person ("I", "my", "me") whose last words, after its last
//! full stop, are a short capitalised name is one: a caption ("The cruise ship Freewinds in
//! Bonaire.") ends with a stop, a heading has no first person.

use super::{ByteSpan, Found, Kind, Link, SelfMention};

/// The most words a speaker's name after the words may have.
const NAME_WORDS: std::ops::RangeInclusive<usize> = 2..=4;

/// Quote marks: a paragraph with any is no pulled quotation.
const MARKS: [char; 5] = ['"', '\u{201C}', '\u{201D}', '\u{AB}', '\u{BB}'];

/// The pulled quotation the paragraph `text` (at byte `base` of the document) is, if any,
/// with the first-person pronouns inside it.
pub fn find(text: &str, base: usize) -> Option<(Found, Vec<SelfMention>)> {
    let body = text.trim_end();
    // Read from the end: most paragraphs end with a stop and are rejected at once.
    let stop = memchr::memrchr3(b'.', b'!', b'?', body.as_bytes())?;
    let tail = &body[stop + 1..];
    let name = tail.trim_start();
    // Counted, not collected: most tails are a closing mark or nothing.
    let mut words = name.split(' ').filter(|w| !w.is_empty());
    let name_like = NAME_WORDS.contains(&words.clone().count())
        && words.all(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        });
    if !name_like || name.contains('\n') || body.contains(MARKS) {
        return None;
    }
    let said = &body[..=stop];
    let selves = first_person(said, base);
    if selves.iter().all(|s| s.plural) {
        return None;
    }
    let start = said.len() - said.trim_start().len();
    let name_start = body.len() - name.len();
    let at = |i: usize| (base + i) as u32;
    let found = Found {
        start: at(start),
        end: at(stop + 1),
        kind: Kind::Direct,
        cue: None,
        speaker: Some(ByteSpan {
            start: at(name_start),
            end: at(body.len()),
        }),
        link: Link::None,
    };
    Some((found, selves))
}

/// The first-person pronouns of `text` (at byte `base`): "I" as a capital, the others in
/// lower case or opening a sentence ("US" is a country).
fn first_person(text: &str, base: usize) -> Vec<SelfMention> {
    let mut out = Vec::new();
    for word in text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}')) {
        let Some(first) = word.bytes().next() else {
            continue;
        };
        if !matches!(
            first,
            b'i' | b'I' | b'm' | b'M' | b'w' | b'W' | b'u' | b'U' | b'o' | b'O'
        ) {
            continue;
        }
        // `word` is a slice of `text`: its offset is where it starts.
        let start = word.as_ptr() as usize - text.as_ptr() as usize;
        let len = word.find(['\'', '\u{2019}']).unwrap_or(word.len());
        let pronoun = &word[..len];
        let lower = pronoun.to_ascii_lowercase();
        let plural = match lower.as_str() {
            "i" | "me" | "my" | "mine" | "myself" => false,
            "we" | "us" | "our" | "ours" | "ourselves" => true,
            _ => continue,
        };
        let cased = pronoun == "I" || pronoun[1..].bytes().all(|b| b.is_ascii_lowercase());
        if !cased || pronoun == "i" {
            continue;
        }
        out.push(SelfMention {
            start: (base + start) as u32,
            end: (base + start + len) as u32,
            plural,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pulled(text: &str) -> Option<(&str, &str, Vec<&str>)> {
        let (f, selves) = find(text, 0)?;
        let speaker = f.speaker?.range();
        let selves = selves
            .iter()
            .map(|s| &text[s.start as usize..s.end as usize]);
        Some((&text[f.range()], &text[speaker], selves.collect()))
    }

    impl Found {
        fn range(&self) -> std::ops::Range<usize> {
            self.start as usize..self.end as usize
        }
    }

    #[test]
    fn a_paragraph_in_the_first_person_ending_with_a_name_is_that_person_s_words() {
        let text = "I was told that my mother had left. I cried. Maria Ortega\n";
        assert_eq!(
            pulled(text),
            Some((
                "I was told that my mother had left. I cried.",
                "Maria Ortega",
                vec!["I", "my", "I"]
            ))
        );
    }

    #[test]
    fn captions_headings_marked_quotations_and_third_persons_are_not() {
        assert_eq!(pulled("The cruise ship Freewinds in Bonaire."), None);
        assert_eq!(pulled("She was told to leave. Maria Ortega"), None);
        assert_eq!(pulled("\"I was told to leave.\" Maria Ortega"), None);
        assert_eq!(pulled("I was told to leave. The next day she left"), None);
        assert_eq!(pulled("We told the US what we know. Maria Ortega"), None);
    }
}
