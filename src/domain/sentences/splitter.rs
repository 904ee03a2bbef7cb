//! The splitter: a walk over the bytes that stops only where a sentence may end.

use std::ops::Range;

use super::ends::sentence_end;
use super::space::{skip_space, trim_end};
use super::stops::Stops;
use super::{LONG_SENTENCE, MAX_SENTENCE};

/// The sentences of `bytes[range]`, in order, each trimmed of surrounding white space.
pub fn split(bytes: &[u8], range: Range<usize>) -> Split<'_> {
    let end = range.end.min(bytes.len());
    Split {
        bytes,
        pos: range.start.min(end),
        end,
        stops: Stops::new(),
    }
}

/// An iterator of sentence ranges; also tells how far it has got (for progress reports).
pub struct Split<'a> {
    bytes: &'a [u8],
    pos: usize,
    end: usize,
    stops: Stops,
}

impl Split<'_> {
    /// The byte the splitter will look at next.
    pub fn position(&self) -> usize {
        self.pos
    }
}

impl Iterator for Split<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let bytes = self.bytes;
        let end = self.end;
        let (start, _) = skip_space(bytes, self.pos, end);
        if start >= end {
            self.pos = end;
            return None;
        }
        let mut i = start;
        while i < end {
            // Until a sentence grows too long, only line ends, terminators and the first byte
            // of "…" can end it: the bytes between are stepped over at once.
            if i - start < MAX_SENTENCE {
                let limit = end.min(start + MAX_SENTENCE);
                i = self.stops.next(&bytes[..end], i, limit);
                if i >= end {
                    break;
                }
            }
            match bytes[i] {
                b'\n' | b'\r' => {
                    let (after, breaks) = skip_space(bytes, i, end);
                    if breaks >= 2 || after >= end || i - start >= LONG_SENTENCE {
                        self.pos = after;
                        return Some(start..trim_end(bytes, start, i));
                    }
                    i = after;
                }
                // No sentence runs this long: a list, a table or a dump. Cut it at a space,
                // else at a character boundary, so no "sentence" is ever huge.
                b if i - start >= MAX_SENTENCE
                    && (b == b' ' || (i - start >= 2 * MAX_SENTENCE && b & 0xC0 != 0x80)) =>
                {
                    self.pos = i;
                    return Some(start..trim_end(bytes, start, i));
                }
                b'.' | b'!' | b'?' => {
                    if let Some(stop) = sentence_end(bytes, i, end) {
                        self.pos = stop;
                        return Some(start..stop);
                    }
                    i += 1;
                }
                0xE2 if bytes[i..end].starts_with("…".as_bytes()) => {
                    if let Some(stop) = sentence_end(bytes, i, end) {
                        self.pos = stop;
                        return Some(start..stop);
                    }
                    i += 3;
                }
                _ => i += 1,
            }
        }
        self.pos = end;
        Some(start..trim_end(bytes, start, end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text.as_bytes(), 0..text.len())
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn full_stops_question_and_exclamation_marks_end_sentences() {
        assert_eq!(
            sentences("Talks began. Did they end? No! They go on…  Still."),
            [
                "Talks began.",
                "Did they end?",
                "No!",
                "They go on…",
                "Still."
            ]
        );
    }

    #[test]
    fn abbreviations_and_titles_do_not_end_a_sentence() {
        assert_eq!(
            sentences(
                "The U.S. envoy met Mr. Smith and Dr. Jones on Jan. 5 in Doha. \
                 Gen. Lee agreed."
            ),
            [
                "The U.S. envoy met Mr. Smith and Dr. Jones on Jan. 5 in Doha.",
                "Gen. Lee agreed."
            ]
        );
    }

    #[test]
    fn initials_do_not_end_a_sentence() {
        assert_eq!(
            sentences("J. R. Smith spoke to George W. Bush. He left."),
            ["J. R. Smith spoke to George W. Bush.", "He left."]
        );
    }

    #[test]
    fn an_abbreviation_ends_a_sentence_before_a_typical_opener() {
        assert_eq!(
            sentences("Aid came from the U.S. The talks went on at 9 a.m. Monday."),
            [
                "Aid came from the U.S.",
                "The talks went on at 9 a.m. Monday."
            ]
        );
        assert_eq!(
            sentences("He works for Acme Inc. She does not."),
            ["He works for Acme Inc.", "She does not."]
        );
        // A title never ends one, even before an opener-like word.
        assert_eq!(sentences("Ask Mr. He about it."), ["Ask Mr. He about it."]);
    }

    #[test]
    fn quotes_and_brackets_after_the_stop_stay_with_the_sentence() {
        assert_eq!(
            sentences("He said “we will.” Then he left. (It was late.) 'Go!' Fine."),
            [
                "He said “we will.”",
                "Then he left.",
                "(It was late.)",
                "'Go!'",
                "Fine."
            ]
        );
        assert_eq!(
            sentences("He said \"No.\" Then left."),
            ["He said \"No.\"", "Then left."],
            "a closing quote after an abbreviation-like word still ends it"
        );
    }

    #[test]
    fn a_lower_case_word_after_the_stop_continues_the_sentence() {
        assert_eq!(
            sentences("“Why?” he asked. It costs approx. five dollars."),
            ["“Why?” he asked.", "It costs approx. five dollars."]
        );
    }

    #[test]
    fn stops_inside_words_and_numbers_do_not_split() {
        assert_eq!(
            sentences("Growth was 3.5 percent in U.S.-led talks at example.com today."),
            ["Growth was 3.5 percent in U.S.-led talks at example.com today."]
        );
    }

    #[test]
    fn paragraph_breaks_always_end_a_sentence_and_single_line_breaks_do_not() {
        assert_eq!(
            sentences("A headline without a stop\n\nThe body runs\nover two lines. Done"),
            [
                "A headline without a stop",
                "The body runs\nover two lines.",
                "Done"
            ]
        );
        assert_eq!(
            sentences("Meet Mr.\r\n\r\nNext one.\r \r\nLast"),
            ["Meet Mr.", "Next one.", "Last"],
            "CRLF and blank lines with spaces are paragraph breaks too"
        );
    }

    #[test]
    fn ranges_are_byte_offsets_and_invalid_utf8_does_not_stop_the_split() {
        let bytes = b"  Caf\xc3\xa9. Bad \xff\xfe bytes. End.  ";
        let got: Vec<Range<usize>> = split(bytes, 0..bytes.len()).collect();
        assert_eq!(got, [2..8, 9..22, 23..27]);
        assert_eq!(&bytes[9..22], b"Bad \xff\xfe bytes.");
    }

    #[test]
    fn text_without_stops_is_cut_into_bounded_pieces() {
        let line = "a list item without a stop\n";
        let text = line.repeat(LONG_SENTENCE / line.len() + 10);
        let got = sentences(&text);
        assert_eq!(got.len(), 2, "one line break past the long mark ends it");
        assert!(got[0].len() >= LONG_SENTENCE && got[0].len() < LONG_SENTENCE + line.len());
        let words = "word ".repeat(3 * MAX_SENTENCE / 5);
        let got = sentences(&words);
        assert!(
            got.iter().all(|s| s.len() <= MAX_SENTENCE + 4),
            "cut at spaces"
        );
        assert_eq!(got.iter().map(|s| s.len() + 1).sum::<usize>(), words.len());
        let solid = "é".repeat(3 * MAX_SENTENCE);
        let got = sentences(&solid);
        assert!(
            got.iter().all(|s| s.len() <= 2 * MAX_SENTENCE + 1),
            "cut anywhere"
        );
        assert_eq!(got.concat(), solid, "on character boundaries, nothing lost");
    }

    #[test]
    fn empty_and_blank_texts_have_no_sentences() {
        assert!(sentences("").is_empty());
        assert!(sentences(" \n\n\t ").is_empty());
        assert_eq!(sentences("..."), ["..."]);
    }

    #[test]
    fn a_range_splits_only_its_part() {
        let text = "One. Two. Three.";
        let got: Vec<_> = split(text.as_bytes(), 5..9).collect();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0], 5..9);
    }
}
