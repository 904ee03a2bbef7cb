//! Finds the names of one line: runs of capitalised words (`runs`), cut into pieces.
//!
//! Each run is cut into gazetteer names ("Israeli"), titles, which are not part of a name
//! ("Prime Minister"), and unknown names ("Benjamin Netanyahu"), each with the evidence about
//! its kind that the line gives (`typing`). Lines in capitals or Title Case give only names the
//! gazetteer knows.

mod segment;

use super::candidate::{Candidate, Reading, Strength};
use super::knowledge::Knowledge;
use super::line::Line;
pub use super::line::Scratch;
use super::runs::{MAX_RUN, hyphenated, known_across_connectors, run_end, strip_leading};
use super::token::{Shape, Token};
use crate::domain::entity::Kind;
use segment::{name_reading, segment};

/// How a line is written, which decides how much its capitals can be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Normal,
    /// ALL CAPITALS: only gazetteer names, matched in capitals.
    Caps,
    /// Every Word Capitalised, Even Small Ones: only gazetteer names.
    TitleCase,
}

fn mode(line: &Line) -> Mode {
    // Counted without a branch a word: the shapes of a line's words are not foretold.
    let (mut words, mut upper_shaped) = (0, 0);
    for t in line.toks {
        words += usize::from(t.is_word());
        upper_shaped += usize::from(t.shape == Shape::Upper);
    }
    // Only a line with words enough in capitals has its words read, to count those of two
    // letters ("I" and "A." do not make a headline).
    if words >= 3 && upper_shaped * 10 >= words * 7 {
        let upper = line
            .toks
            .iter()
            .filter(|t| t.shape == Shape::Upper && has_two_letters(t.text(line.text)))
            .count();
        if upper * 10 >= words * 7 {
            return Mode::Caps;
        }
    }
    if words < 4 {
        return Mode::Normal;
    }
    // One content word in lower case is enough to know; the rest need no lookup.
    let has_lower_content = line
        .toks
        .iter()
        .any(|t| t.shape == Shape::Lower && !line.k.is_function_word(t.text(line.text)));
    // Title Case shows in small words capitalised inside the line ("Ministry Of Defence"),
    // more of them than are left in lower case ("Epic Mickey by The Katherinator" is a caption
    // naming a work and a person).
    let cap_function_inside = || {
        let (mut capitalised, mut lower) = (0, 0);
        for (i, t) in line.toks.iter().enumerate().skip(1) {
            if t.is_word() && !t.sentence_start && line.is_function_word(i) {
                match t.shape {
                    Shape::Cap => capitalised += 1,
                    Shape::Lower => lower += 1,
                    _ => {}
                }
            }
        }
        capitalised > lower
    };
    if !has_lower_content && cap_function_inside() {
        Mode::TitleCase
    } else {
        Mode::Normal
    }
}

/// "UN", "NATO", not "I" or "A.": a word in capitals of at least two letters.
fn has_two_letters(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

/// Finds the names of one line among tokens not used yet, and marks their tokens used.
/// `scratch` holds buffers reused from line to line.
pub fn find<'a>(
    text: &'a str,
    toks: &[Token],
    used: &mut [bool],
    base: usize,
    k: &Knowledge,
    scratch: &mut Scratch,
    out: &mut Vec<Candidate<'a>>,
) {
    let line = Line::new(text, toks, base, k, scratch);
    match mode(&line) {
        Mode::Normal => find_normal(&line, used, out),
        m => find_known_only(&line, used, out, m == Mode::Caps),
    }
}

fn find_known_only<'a>(
    line: &Line<'_, 'a>,
    used: &mut [bool],
    out: &mut Vec<Candidate<'a>>,
    caps: bool,
) {
    let mut i = 0;
    while i < line.toks.len() {
        if used[i] || !line.toks[i].is_capitalised() {
            i += 1;
            continue;
        }
        let limit = (i + line.k.max_name_words.max(1)).min(line.toks.len());
        let mut end = i;
        while end < limit && !used[end] && line.toks[end].is_word() {
            end += 1;
        }
        // In a headline, a known name that is also a common word ("HIT", "MAY") is too weak a
        // hint; countries and organisations are kept.
        let found = line.gazetteer_at(i, end, caps).filter(|&(n, r)| {
            n > 1
                || !matches!(line.k.kind(r), Kind::Place)
                || line.common(i).is_none_or(|lw| lw.zipf < 3.0)
        });
        match found {
            Some((n, r)) => {
                out.push(line.candidate(
                    i,
                    i + n,
                    Reading::Known {
                        canon: r.canon,
                        demonym: r.demonym,
                    },
                ));
                mark(used, i, i + n);
                i += n;
            }
            None => i += 1,
        }
    }
}

fn mark(used: &mut [bool], from: usize, to: usize) {
    for u in &mut used[from..to] {
        *u = true;
    }
}

fn find_normal<'a>(line: &Line<'_, 'a>, used: &mut [bool], out: &mut Vec<Candidate<'a>>) {
    let toks = line.toks;
    let n = toks.len();
    let mut i = 0;
    while i < n {
        if used[i] || !toks[i].is_capitalised() {
            i += 1;
            continue;
        }
        if hyphenated(line, i, out) || currency_prefix(line, i) {
            used[i] = true;
            i += 1;
            continue;
        }
        if let Some(end) = work_title(line, used, i) {
            let start = strip_leading_articles(line, i, end);
            out.push(line.candidate(
                start,
                end,
                name_reading(Some((Kind::Other, Strength::Strong))),
            ));
            mark(used, i, end);
            i = end;
            continue;
        }
        // No name is this long; the bound keeps the work per run constant on odd input
        // (a megabyte of Capitalised Words without punctuation).
        let end = known_across_connectors(line, used, i, run_end(line, used, i)).min(i + MAX_RUN);
        let first = out.len();
        let start = strip_leading(line, i, end);
        if start < end {
            segment(line, start, end, out);
            if start == i + 1 {
                keep_the_inside_sentence(line, i, &mut out[first..]);
            }
        }
        // The pieces' tokens are used; stripped words stay free for figures ("Three days").
        mark(used, start, end);
        if start < end && legal_suffix_after_comma(line, used, end) {
            // The legal form names nothing alone; the name before it is the company.
            mark(used, end, end + 2);
            if let Some(Candidate {
                reading: Reading::Name { guess, .. },
                ..
            }) = out[first..].last_mut()
            {
                *guess = Some((Kind::Organization, Strength::Strong));
            }
        }
        attach_definitions(line, end, &mut out[first..]);
        i = end.max(i + 1);
    }
}

/// "told The Halden Herald", "the band The Vantors": inside a sentence, a capitalised "The"
/// right before an unknown name is part of it (the name written with its article); the known
/// names keep their own form ("The Associated Press" is the agency's name without it).
fn keep_the_inside_sentence(line: &Line, the: usize, pieces: &mut [Candidate<'_>]) {
    let t = line.toks[the];
    // After an opening quote, "The" starts a title ("\"The Vantor Files\" series").
    let quoted = the
        .checked_sub(1)
        .is_some_and(|p| matches!(line.word(p), "\"" | "“" | "‘" | "'"));
    if t.sentence_start || t.shape != Shape::Cap || !line.word_is(the, "The") || quoted {
        return;
    }
    if let Some(c) = pieces.first_mut()
        && c.start == line.base + line.toks[the + 1].start
        && matches!(c.reading, Reading::Name { .. })
    {
        c.start = line.base + t.start;
    }
}

/// "Cascade Timber, LLC", "Halden Partners, L.P.": a company's legal form after a comma
/// right after the run ending at `end`.
fn legal_suffix_after_comma(line: &Line, used: &[bool], end: usize) -> bool {
    let suffix = end + 1;
    line.word_is(end, ",")
        && suffix < line.toks.len()
        && !used[suffix]
        && matches!(
            line.word(suffix),
            "Inc."
                | "Inc"
                | "LLC"
                | "Ltd."
                | "Ltd"
                | "L.P."
                | "LLP"
                | "Corp."
                | "PLC"
                | "plc"
                | "S.A."
                | "N.V."
                | "AG"
                | "GmbH"
        )
        && line
            .toks
            .get(suffix + 1)
            .is_none_or(|t| !t.is_capitalised())
}

/// "US$ 20,000", "NZ $26 million", "HK$": the letters before a dollar sign and a figure say
/// whose dollars they are; they name no country that acts.
fn currency_prefix(line: &Line, i: usize) -> bool {
    let w = line.bytes(i);
    (1..=3).contains(&w.len())
        && w.iter().all(u8::is_ascii_uppercase)
        && line.word_is(i + 1, "$")
        && line.word(i + 2).starts_with(|c: char| c.is_ascii_digit())
}

/// Nouns and verbs after which a Title Case phrase is the title of a work.
const WORK_CUES: &[&str] = &[
    "book",
    "novel",
    "memoir",
    "biography",
    "film",
    "movie",
    "documentary",
    "album",
    "song",
    "single",
    "play",
    "musical",
    "opera",
    "poem",
    "essay",
    "series",
    "show",
    "painting",
    "exhibition",
    "titled",
    "entitled",
];

/// "His book, The Art of Quiet Power, sold well": the end of the title of a work that starts
/// at `from`, when a work noun (or "titled") comes right before it, maybe with a comma or an
/// opening quote. The title runs over small words while capitalised words follow ("Road to
/// Damascus"), so that its words are not names of their own.
fn work_title(line: &Line, used: &[bool], from: usize) -> Option<usize> {
    let mut b = from;
    while b > 0
        && [",", "\"", "“", "‘", "'", ":"]
            .iter()
            .any(|p| line.word_is(b - 1, p))
    {
        b -= 1;
    }
    let cue = b.checked_sub(1)?;
    if line.toks[cue].shape != Shape::Lower || !WORK_CUES.contains(&line.word(cue)) {
        return None;
    }
    let limit = (from + MAX_RUN).min(line.toks.len());
    let mut end = from;
    let mut j = from;
    while j < limit && !used[j] && line.toks[j].is_word() {
        if line.toks[j].is_capitalised() {
            end = j + 1;
        } else if !line.is_function_word(j) {
            break;
        }
        j += 1;
    }
    // At least two words, set off from the cue, or shaped like a title ("The ...", small words
    // inside): "the film Maria Ortega plays in" names a person.
    let set_off = b < from;
    let article = matches!(line.word(from), "The" | "A" | "An");
    let small_inside = (from..end).any(|k| line.toks[k].shape == Shape::Lower);
    (end > from + 1 && (set_off || article || small_inside)).then_some(end)
}

/// A leading "The" or "A" is not part of a title's span ("The Art of Quiet Power").
fn strip_leading_articles(line: &Line, from: usize, end: usize) -> usize {
    if end > from + 1 && matches!(line.word(from), "The" | "A" | "An") {
        from + 1
    } else {
        from
    }
}

/// "the United Nations (UN)", "the Korean People's Army [KPA]": the acronym in brackets right
/// after a run is an alias of its last piece.
fn attach_definitions(line: &Line, end: usize, pieces: &mut [Candidate<'_>]) {
    let bracketed = line.word_is(end, "(") && line.word_is(end + 2, ")")
        || line.word_is(end, "[") && line.word_is(end + 2, "]");
    if !bracketed {
        return;
    }
    let t = line.toks.get(end + 1);
    if t.is_none_or(|t| t.shape != Shape::Upper) {
        return;
    }
    if let Some(last) = pieces.last_mut() {
        last.defines = Some(line.word(end + 1).to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::extract::knowledge::tests::tiny;
    use crate::domain::extract::token::tokenize;

    /// The candidates `find` gives for a line of its own.
    fn candidates<'a>(line: &'a str, k: &Knowledge) -> Vec<Candidate<'a>> {
        let mut toks = vec![];
        tokenize(line, &mut toks);
        let mut used = vec![false; toks.len()];
        let mut out = vec![];
        find(
            line,
            &toks,
            &mut used,
            0,
            k,
            &mut Scratch::default(),
            &mut out,
        );
        out
    }

    /// (surface, kind guess) of each piece, Known pieces shown with their canonical name.
    fn names(line: &str) -> Vec<(String, String)> {
        let k = tiny();
        let out = candidates(line, k);
        out.iter()
            .map(|c| {
                let what = match &c.reading {
                    Reading::Known { canon, demonym } => format!(
                        "{}{}",
                        k.canon_of(*canon).name,
                        if *demonym { " (demonym)" } else { "" }
                    ),
                    Reading::Name { guess, .. } => {
                        format!("{:?}", guess.map(|g| g.0))
                    }
                    Reading::Value { kind, .. } => format!("{kind:?}"),
                };
                (line[c.start..c.end].to_string(), what)
            })
            .collect()
    }

    fn surfaces(line: &str) -> Vec<String> {
        names(line).into_iter().map(|(s, _)| s).collect()
    }

    #[test]
    fn titles_are_cut_and_a_leading_demonym_is_its_country() {
        assert_eq!(
            names("Norwegian Prime Minister Maria Ortega spoke."),
            [
                ("Norwegian".into(), "Norway".into()),
                ("Maria Ortega".into(), "Some(Person)".into())
            ]
        );
    }

    #[test]
    fn a_demonym_stands_for_its_state_only_before_state_nouns() {
        assert_eq!(names("Norwegian officials met.")[0].1, "Norway");
        assert_eq!(names("Norwegian fishermen met.")[0].1, "Norway (demonym)");
    }

    #[test]
    fn a_title_alone_is_not_a_name() {
        assert!(surfaces("He met the Prime Minister on the boat.").is_empty());
        assert!(surfaces("The President said no.").is_empty());
    }

    #[test]
    fn sentence_initial_common_words_are_dropped() {
        assert_eq!(surfaces("Amid talks, Norway waited."), ["Norway"]);
        assert_eq!(surfaces("Convincing Chile was hard."), ["Chile"]);
        assert!(surfaces("Key figures stayed home.").is_empty());
        assert!(surfaces("Ultimately nothing changed.").is_empty());
        assert!(surfaces("While we slept, rain fell.").is_empty());
    }

    #[test]
    fn the_determiner_and_possessive_are_not_part_of_the_span() {
        assert_eq!(
            surfaces("They thanked the United States and Ortega's aides."),
            ["United States", "Ortega"]
        );
        assert_eq!(surfaces("We saw Ortega 's goal."), ["Ortega"]);
    }

    #[test]
    fn capital_headlines_give_only_known_names() {
        assert_eq!(
            names("NORWAY AND CHILE SIGN DEAL IN OSLO"),
            [
                ("NORWAY".into(), "Norway".into()),
                ("CHILE".into(), "Chile".into()),
                ("OSLO".into(), "Oslo".into())
            ]
        );
        assert_eq!(
            surfaces("Storms Hit The Coast Of Chile As Officials Wait"),
            ["Chile"]
        );
    }

    #[test]
    fn connectors_join_names_after_a_head_word() {
        assert_eq!(
            names("She studied at the University of Valparaíso with Tomas de la Vega."),
            [
                (
                    "University of Valparaíso".into(),
                    "Some(Organization)".into()
                ),
                ("Tomas de la Vega".into(), "Some(Person)".into())
            ]
        );
        assert_eq!(
            surfaces("Maria Ortega of Chile spoke"),
            ["Maria Ortega", "Chile"]
        );
    }

    #[test]
    fn hyphenated_names_are_cut_out() {
        assert_eq!(
            names("An Oslo-based firm and the Norway-Chile talks."),
            [
                ("Oslo".into(), "Oslo".into()),
                ("Norway".into(), "Norway".into()),
                ("Chile".into(), "Chile".into())
            ]
        );
    }

    #[test]
    fn administration_after_a_name_is_an_organisation() {
        assert_eq!(
            names("It worried the Ortega administration deeply."),
            [("Ortega administration".into(), "Some(Organization)".into())]
        );
    }

    #[test]
    fn acronyms_defined_in_brackets_are_attached() {
        let k = tiny();
        let line = "the Nordic Fishing Council (NFC) met";
        let out = candidates(line, k);
        assert_eq!(out[0].key, "Nordic Fishing Council");
        assert_eq!(out[0].defines.as_deref(), Some("NFC"));
        assert_eq!(out[1].key, "NFC");
    }

    #[test]
    fn context_words_type_unknown_names() {
        assert_eq!(
            names("Then Vasquez said the storm reached Tromsdal."),
            [
                ("Vasquez".into(), "Some(Person)".into()),
                ("Tromsdal".into(), "None".into())
            ]
        );
        assert_eq!(names("It rained in Tromsdal.")[0].1, "Some(Place)");
    }
}
