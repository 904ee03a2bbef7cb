use super::*;
use crate::domain::extract::knowledge::tests::tiny;
use crate::domain::extract::token::tokenize;

#[test]
fn past_the_last_word_lower_is_nothing_as_word_is() {
    let mut scratch = Scratch::default();
    let mut toks = Vec::new();
    let text = "Ash Carter,";
    tokenize(text, &mut toks);
    let line = Line::new(text, &toks, 0, tiny(), &mut scratch);
    assert_eq!(line.lower(toks.len()), "");
    assert_eq!(line.word(toks.len()), "");
}

/// `lower` borrows the line's ASCII lower case where it can: it must still be the full
/// Unicode lower case of every word, and `key` the words joined as `joined` joins them.
#[test]
fn a_word_in_lower_case_is_its_unicode_lower_case() {
    const LETTERS: [&str; 24] = [
        "a", "Z", "é", "É", "ß", "À", "Þ", "×", "÷", "ÿ", "Ö", "ø", "Σ", "σ", "İ", "ǅ", "Ⅻ", "Ω",
        "ж", "Ж", "µ", "'", "-", " ",
    ];
    let mut seed = 0x0123_4567_89ab_cdef;
    let mut scratch = Scratch::default();
    let mut toks = Vec::new();
    for _ in 0..3000 {
        let len = 1 + crate::domain::shuffled::step(&mut seed) % 12;
        let text: String = (0..len)
            .map(|_| LETTERS[(crate::domain::shuffled::step(&mut seed) % 24) as usize])
            .collect();
        tokenize(&text, &mut toks);
        let line = Line::new(&text, &toks, 0, tiny(), &mut scratch);
        for i in 0..toks.len() {
            assert_eq!(
                line.lower(i),
                line.word(i).to_lowercase(),
                "{text:?} token {i}"
            );
            assert_eq!(line.key(i, i + 1), joined(&text, &toks[i..=i]), "{text:?}");
        }
    }
}

#[test]
fn a_word_in_capitals_is_looked_up_as_upper_name_says() {
    let text = "ISRAEL US NORWAY OSLO CHILEANS GUINEA-BISSAU 3M U.S. NEW ÖRE ISRAEL'S GAZA";
    let mut toks = Vec::new();
    tokenize(text, &mut toks);
    let k = tiny();
    let mut scratch = Scratch::default();
    let line = Line::new(text, &toks, 0, k, &mut scratch);
    for i in 0..toks.len() {
        let w = line.word(i);
        assert_eq!(line.upper_single(i), k.upper_name(w), "{w}");
    }
    assert!(line.upper_single(0).is_some() && line.upper_single(1).is_none());
}

#[test]
fn the_facts_of_a_token_are_those_of_the_word_lists() {
    let text =
        "Maria SMITH said the Will of Prime Minister Ortega’s Council in Oslo, Norwegian Chile";
    let mut toks = Vec::new();
    tokenize(text, &mut toks);
    let k = tiny();
    let mut scratch = Scratch::default();
    let line = Line::new(text, &toks, 0, k, &mut scratch);
    // Twice: looked up, then remembered.
    for _ in 0..2 {
        for i in 0..toks.len() {
            let (w, lower) = (line.word(i), line.lower(i));
            assert_eq!(line.is_given_name(i), k.is_given_name(w), "{w}");
            assert_eq!(line.is_surname(i), k.is_surname(w), "{w}");
            assert_eq!(line.is_kind_word(i), k.is_kind_word(w), "{w}");
            assert_eq!(line.is_org_word(i), k.is_org_word(w), "{w}");
            assert_eq!(line.common(i), k.lower_word(&lower), "{w}");
            assert_eq!(line.is_title_word(i), k.is_title(&lower), "{w}");
            assert_eq!(line.named(i), k.name(w), "{w}");
            assert_eq!(
                line.is_plain_function_word(i),
                k.is_function_word(&lower),
                "{w}"
            );
        }
    }
    // The gazetteer asked first: the other facts come with it or after it.
    let line = Line::new(text, &toks, 0, k, &mut scratch);
    for i in 0..toks.len() {
        let w = line.word(i);
        assert_eq!(line.named(i), k.name(w), "{w}");
        assert_eq!(line.is_given_name(i), k.is_given_name(w), "{w}");
        assert_eq!(line.common(i), k.lower_word(&line.lower(i)), "{w}");
    }
    assert!(line.named(12).is_some() && line.named(14).is_some_and(|r| r.demonym));
    assert!(line.is_given_name(0) && line.is_surname(8) && line.is_function_word(3));
    assert!(!line.is_surname(1), "a list's names are matched as written");
    assert_eq!(line.title_at(6, toks.len()), Some(2));
    for from in 0..toks.len() {
        for to in from + 1..=toks.len() {
            let key = line.lower_key(from, to);
            assert_eq!(line.is_title_of_words(from, to), k.is_title(&key), "{key}");
        }
    }
}

/// A function word contracted is known with the rest of a word's facts, and remembered with
/// them from line to line.
#[test]
fn contracted_function_words_are_function_words_line_after_line() {
    let text = "It's what I'll say, We’re told: Sam's dog isn't O'Brien's, they'd";
    let mut toks = Vec::new();
    tokenize(text, &mut toks);
    let k = tiny();
    let mut scratch = Scratch::default();
    let expected = |line: &Line, i: usize| {
        k.is_function_word(&line.lower(i))
            || without_contraction(&line.lower(i)).is_some_and(|stem| k.is_function_word(stem))
    };
    let mut seen = Vec::new();
    for _ in 0..2 {
        let line = Line::new(text, &toks, 0, k, &mut scratch);
        seen.clear();
        for i in 0..toks.len() {
            // Asked after another fact of the word, and before.
            if i % 2 == 0 {
                line.is_given_name(i);
            }
            assert_eq!(
                line.is_function_word(i),
                expected(&line, i),
                "{}",
                line.word(i)
            );
            seen.push(line.is_function_word(i));
        }
    }
    let word = |w: &str| {
        let at = toks.iter().position(|t| t.text(text) == w);
        at.unwrap_or_else(|| {
            panic!(
                "{w} in {:?}",
                toks.iter().map(|t| t.text(text)).collect::<Vec<_>>()
            )
        })
    };
    assert!(seen[word("I'll")] && seen[word("We’re")] && seen[word("they'd")]);
    assert!(!seen[word("O'Brien")] && !seen[word("dog")]);
}

/// The ASCII lower case of a word is its lower case when it is ASCII, and no ASCII word
/// otherwise (but for the Kelvin sign's "k"): the particles and connectors are told by it.
#[test]
fn a_word_in_ascii_lower_case_is_a_particle_only_if_its_lower_case_is() {
    let text = "Van DE Del Bİn VON Of FOR on \u{212A}ing Ortega";
    let mut toks = Vec::new();
    tokenize(text, &mut toks);
    let mut scratch = Scratch::default();
    let line = Line::new(text, &toks, 0, tiny(), &mut scratch);
    for i in 0..toks.len() {
        let (ascii, lower) = (line.ascii_lowered(i), line.lower(i));
        if line.word(i).is_ascii() {
            assert_eq!(ascii, lower);
        }
        let particle = |w: &str| super::super::runs::is_name_particle(w);
        assert_eq!(particle(ascii), particle(&lower), "{}", line.word(i));
    }
    assert_eq!(line.ascii_lowered(toks.len()), "");
}
