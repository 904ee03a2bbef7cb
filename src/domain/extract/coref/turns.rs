//! Interviews: in a transcript of speaker turns ("Maria Lindqvist: I started when I was
//! twelve." or "Q: ..." / "A: ..."), the first person of a turn is its speaker.
//!
//! A turn opens a line: a name of the text or "Q", "A", "Question", "Answer", then a colon.
//! It runs to the next turn. Its "I", "me", "my", "mine" and "myself" are the speaker's when
//! the speaker is a person ("we" may be the speaker's side, not the speaker: left alone), and
//! not inside a quotation the speaker repeats (whose "I" is that quotation's speaker). An
//! answer ("A:") is the interviewee's: the one person who also speaks in named turns, or
//! else the one person the first line names ("Interview with novelist X"). A text needs two
//! turns at least to be read as a transcript: one line "X: a life" is a headline.

use std::ops::Range;

use super::class::Class;
use super::facts::Facts;
use super::in_text::{self, Named};
use super::words;
use crate::domain::entity::{Form, Mention};

/// Who speaks a turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Speaker {
    /// A name of the text (its entity).
    Named(u32),
    /// "Q:": the interviewer, whom the text does not name.
    Question,
    /// "A:": the interviewee.
    Answer,
}

/// A turn: who speaks it, and where its words start (after the colon).
struct Turn {
    speaker: Speaker,
    from: usize,
    /// Where the line that opens it starts.
    line: usize,
}

/// Adds to `added` the first-person pronouns of each speaker turn of `text`, as mentions
/// (form `pronoun`) of the turn's speaker. `names`: the name mentions in the order of the
/// text; `quotes`: the direct quotations' spans, sorted.
pub fn first_person(
    text: &[u8],
    names: &[Named],
    facts: &Facts,
    quotes: &[Range<usize>],
    added: &mut Vec<(u32, Mention)>,
) {
    let turns = turns(text, names);
    if turns.len() < 2 {
        return;
    }
    let person = |e: u32| facts.class[e as usize] == Class::Person;
    let answer = interviewee(text, names, &turns, &person);
    for (i, t) in turns.iter().enumerate() {
        let speaker = match t.speaker {
            Speaker::Named(e) if person(e) => e,
            Speaker::Answer => match answer {
                Some(e) => e,
                None => continue,
            },
            _ => continue,
        };
        let end = turns.get(i + 1).map_or(text.len(), |n| n.line);
        for w in words::words(text, t.from..end) {
            let stem = words::contraction_stem(text, w).unwrap_or(w);
            let first = matches!(
                stem.bytes(text),
                b"I" | b"me" | b"Me" | b"my" | b"My" | b"mine" | b"Mine" | b"myself" | b"Myself"
            );
            if first
                && !inside(quotes, stem.start)
                && !in_text::overlaps(names, stem.start, stem.end)
            {
                added.push((
                    speaker,
                    Mention::with_form(stem.start..stem.end, Form::Pronoun),
                ));
            }
        }
    }
}

/// Whether byte `at` is inside one of the sorted, apart spans `quotes`.
fn inside(quotes: &[Range<usize>], at: usize) -> bool {
    let i = quotes.partition_point(|q| q.end <= at);
    quotes.get(i).is_some_and(|q| q.start <= at)
}

/// The turns of `text`, in order: each line that opens with a speaker and a colon.
fn turns(text: &[u8], names: &[Named]) -> Vec<Turn> {
    let mut out = Vec::new();
    let mut next_name = 0;
    let line_starts = std::iter::once(0).chain(memchr::memchr_iter(b'\n', text).map(|i| i + 1));
    for line in line_starts {
        let start = line
            + text[line.min(text.len())..]
                .iter()
                .take_while(|&&b| b == b' ' || b == b'\t')
                .count();
        if start >= text.len() {
            break;
        }
        // Lines and names both come in the order of the text: a walk, not a search per line.
        while names
            .get(next_name)
            .is_some_and(|n| (n.start as usize) < start)
        {
            next_name += 1;
        }
        let named = names
            .get(next_name)
            .filter(|n| n.start as usize == start)
            .map(|n| (Speaker::Named(n.entity()), n.end as usize));
        let label = || {
            // The label's first letter opens the line: most lines are ruled out by it.
            if !matches!(text[start], b'q' | b'Q' | b'a' | b'A') {
                return None;
            }
            let w = words::next_word(text, start, (start + 10).min(text.len()))?;
            let speaker = if w.is(text, "q") || w.is(text, "question") {
                Speaker::Question
            } else if w.is(text, "a") || w.is(text, "answer") {
                Speaker::Answer
            } else {
                return None;
            };
            (w.start == start).then_some((speaker, w.end))
        };
        let Some((speaker, mut end)) = named.or_else(label) else {
            continue;
        };
        // The rest of a name its mention may not cover ("Ola Berg:" read as "Ola").
        for w in words::words(text, end..(end + 40).min(text.len())).take(2) {
            if !(words::only_space(text, end, w.start) && w.is_capitalised(text)) {
                break;
            }
            end = w.end;
        }
        if text.get(end) == Some(&b':') {
            out.push(Turn {
                speaker,
                from: end + 1,
                line,
            });
        }
    }
    out
}

/// Who answers in "A:" turns: the one person who speaks in named turns too, or else the one
/// person named on the first line.
fn interviewee(
    text: &[u8],
    names: &[Named],
    turns: &[Turn],
    person: &impl Fn(u32) -> bool,
) -> Option<u32> {
    let mut named = turns.iter().filter_map(|t| match t.speaker {
        Speaker::Named(e) if person(e) => Some(e),
        _ => None,
    });
    if let Some(first) = named.next() {
        return named.all(|e| e == first).then_some(first);
    }
    let first_line = memchr::memchr(b'\n', text).unwrap_or(text.len());
    let mut on_it = (names.iter())
        .take_while(|n| (n.end as usize) <= first_line)
        .filter(|n| person(n.entity()))
        .map(|n| n.entity());
    let first = on_it.next()?;
    on_it.all(|e| e == first).then_some(first)
}

#[cfg(test)]
mod tests {
    use crate::domain::entity::Form;
    use crate::domain::extract::extract;

    /// The first-person pronouns of `text` and whom each was linked to, in order.
    fn first_persons(text: &str) -> Vec<(String, String)> {
        let mut out: Vec<(u32, String, String)> = (extract(text).entities.iter())
            .flat_map(|e| {
                (e.mentions.iter())
                    .filter(|m| m.form == Form::Pronoun)
                    .map(|m| (m.start, text[m.range()].to_string(), e.name.clone()))
            })
            .filter(|(_, w, _)| matches!(w.as_str(), "I" | "me" | "my" | "My" | "myself"))
            .collect();
        out.sort();
        out.into_iter().map(|(_, w, e)| (w, e)).collect()
    }

    #[test]
    fn the_first_person_of_a_turn_is_its_speaker_and_an_answer_is_the_interviewee_s() {
        let text = include_str!("../../../../tests/fixtures/interview.txt");
        let found = first_persons(text);
        // Two named answers (I, I, My, me, I / I, My, me) and one "A:" (I, my).
        assert_eq!(found.len(), 10, "{found:?}");
        assert!(
            found.iter().all(|(_, e)| e == "Maria Lindqvist"),
            "{found:?}"
        );
    }

    #[test]
    fn a_quotation_inside_a_turn_keeps_its_own_speaker() {
        let text = "Interview with Ola Berg\n\nWikinews: What did your coach say?\n\n\
                    Ola Berg: Hans Moe told me, \"I never give up,\" and I believed him.\n\n\
                    Wikinews: Thank you.\n";
        let found = first_persons(text);
        let of = |w: &str| -> Vec<String> {
            (found.iter())
                .filter(|(x, _)| x == w)
                .map(|(_, e)| e.clone())
                .collect()
        };
        assert_eq!(of("me"), ["Ola Berg"]);
        assert_eq!(of("I"), ["Hans Moe", "Ola Berg"], "{found:?}");
    }

    #[test]
    fn one_line_that_looks_like_a_turn_is_a_headline_not_a_transcript() {
        let text = "Ola Berg: a life on the ice\n\nI met him in 1990. He skated every day.\n";
        assert!(first_persons(text).is_empty(), "{:?}", first_persons(text));
    }
}
