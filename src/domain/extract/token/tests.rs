use super::*;

fn toks(line: &str) -> Vec<(&str, Shape, bool)> {
    let mut out = vec![];
    tokenize(line, &mut out);
    out.iter()
        .map(|t| (t.text(line), t.shape, t.sentence_start))
        .collect()
}

fn words(line: &str) -> Vec<&str> {
    toks(line).into_iter().map(|(w, _, _)| w).collect()
}

#[test]
fn plain_ascii_words_are_what_the_general_rules_make_of_them() {
    let lines = [
        "Mr. Ortega met U.S. envoys in New York, then 3,000 more. AT&T's O'Brien-Smith",
        "Hostages' families said 1990s x86 iPhone NATO-led al-Qaeda e.g. J. R. R. Tolkien",
        "a/b 24/7 3.5% $4.5bn (UN) [Gaza] \"quoted\" semi;colon dash-es end.",
    ];
    let mut checked = 0;
    for line in lines {
        let b = line.as_bytes();
        for i in (0..b.len()).filter(|&i| b[i].is_ascii_alphanumeric()) {
            if let Some((end, shape)) = plain_ascii_word(b, i) {
                assert_eq!(end, word_end(line, i), "{line:?} at {i}");
                assert_eq!(split_possessive(line, i, end), (end, None));
                assert_eq!(shape, shape_of(&line[i..end]), "{:?}", &line[i..end]);
                checked += 1;
            }
        }
    }
    assert!(checked > 100);
}

#[test]
fn letters_and_digits_are_those_unicode_says() {
    for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
        assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
    }
}

#[test]
fn a_line_is_marked_with_what_its_tokens_may_start() {
    let mut out = vec![];
    for line in [
        "Ortega met twenty envoys on Monday",
        "Sept. 8 in São Paulo",
        "the envoys",
        "Lévesque's thirty-two émigrés 2023",
    ] {
        let marks = tokenize(line, &mut out);
        assert_eq!(marks, out.iter().fold(0, |m, t| m | t.starts), "{line}");
    }
}

#[test]
fn a_token_knows_whether_its_text_holds_a_hyphen() {
    let line = "London-based al-Qaeda - Ortega's 2023-11-08 ‐ x-ray, Obama-era’s U.S.-led";
    let mut out = vec![];
    tokenize(line, &mut out);
    for t in &out {
        assert_eq!(t.hyphen, t.text(line).contains('-'), "{:?}", t.text(line));
    }
    assert_eq!(out.iter().filter(|t| t.hyphen).count(), 7);
}

#[test]
fn the_tokens_of_a_line_are_marked_with_what_they_may_start() {
    let mut out = vec![];
    for (line, marks) in [
        ("Ortega met the envoys", 0),
        ("Ortega met twenty envoys", FIGURE),
        ("Ortega met envoys on Monday", DATE),
        (
            "On 2023-11-08, Ortega's envoys—twenty-two of them",
            DATE | FIGURE,
        ),
        ("Sept. 8 in São Paulo", DATE | FIGURE),
    ] {
        tokenize(line, &mut out);
        let each = out.iter().fold(0, |m, t| m | t.starts);
        assert_eq!(each, marks, "{line}");
    }
}

#[test]
fn abbreviations_keep_their_dots_and_do_not_end_sentences() {
    let t = toks("Mr. Ortega met U.S. envoys. Then he left.");
    assert_eq!(t[0], ("Mr.", Shape::Cap, true));
    assert_eq!(t[1], ("Ortega", Shape::Cap, false));
    assert_eq!(t[3], ("U.S.", Shape::Upper, false));
    assert_eq!(t[4].0, "envoys");
    assert_eq!(t[5].0, ".");
    assert_eq!(t[6], ("Then", Shape::Cap, true));
}

#[test]
fn possessives_split_off_attached_or_spaced() {
    assert_eq!(words("Ortega's plan"), ["Ortega", "'s", "plan"]);
    assert_eq!(words("Ortega’s plan"), ["Ortega", "’s", "plan"]);
    assert_eq!(words("Ortega 's plan"), ["Ortega", "'s", "plan"]);
    assert_eq!(words("the Davises' car"), ["the", "Davises", "'", "car"]);
    assert_eq!(toks("Ortega 's")[1].1, Shape::Possessive);
}

#[test]
fn hyphens_apostrophes_and_ampersands_join_words() {
    assert_eq!(
        words("al-Rashid met O'Neill at AT&T, don't"),
        ["al-Rashid", "met", "O'Neill", "at", "AT&T", ",", "don't"]
    );
    assert_eq!(toks("al-Rashid")[0].1, Shape::LowerCap);
}

#[test]
fn numbers_and_iso_dates_are_single_tokens() {
    assert_eq!(
        words("On 2021-03-04 about 1,500.5 people came."),
        [
            "On",
            "2021-03-04",
            "about",
            "1,500.5",
            "people",
            "came",
            "."
        ]
    );
    assert_eq!(toks("2021-03-04")[0].1, Shape::Number);
}

#[test]
fn sentence_starts_survive_quotes_and_brackets() {
    let t = toks("He left. “Where now?” Nobody ( Sweden ) knew.");
    let starts: Vec<_> = t.iter().filter(|x| x.2).map(|x| x.0).collect();
    assert_eq!(starts, ["He", "“", "Where", "”", "Nobody"]);
}

#[test]
fn a_word_after_a_dateline_date_starts_a_sentence() {
    let t = toks("date 2023-11-08 Despite talks, 2023 Oslo");
    assert_eq!(t[2], ("Despite", Shape::Cap, true));
    assert_eq!(t[6], ("Oslo", Shape::Cap, false));
}

#[test]
fn invisible_format_characters_are_spaces() {
    assert_eq!(
        words("Prime Minister\u{200e} Kettle\u{200f}, \u{feff}Oslo"),
        ["Prime", "Minister", "Kettle", ",", "Oslo"]
    );
}

#[test]
fn the_dash_after_a_datelines_agency_and_an_ellipsis_start_sentences() {
    let t = toks("OSLO, May 2 (Wire) - Shares fell (a lot) — Officials said… Protesters");
    let starts: Vec<_> = t.iter().filter(|x| x.2).map(|x| x.0).collect();
    assert_eq!(starts, ["OSLO", "Shares", "Officials", "Protesters"]);
}

#[test]
fn a_list_marker_starts_an_item() {
    let t = toks("Told: a) Leaving is costly. b) Refusing, 2) Waiting (c) Later");
    let starts: Vec<_> = t.iter().filter(|x| x.2).map(|x| x.0).collect();
    assert_eq!(starts, ["Told", "a", "Leaving", "b", "Refusing", "Waiting"]);
    let t = toks("Parts: (a) Raising taxes; (b) Cutting. ii) Selling");
    let starts: Vec<_> = t.iter().filter(|x| x.2).map(|x| x.0).collect();
    assert_eq!(
        starts,
        [
            "Parts", "(", "a", "Raising", "(", "b", "Cutting", "ii", "Selling"
        ]
    );
}

#[test]
fn shapes_tell_acronyms_from_capitalised_words() {
    let t = toks("NATO and Nato and nato");
    assert_eq!(t[0].1, Shape::Upper);
    assert_eq!(t[2].1, Shape::Cap);
    assert_eq!(t[4].1, Shape::Lower);
}

#[test]
fn never_panics_on_odd_unicode() {
    for s in [
        "",
        "’",
        "'s",
        "a'",
        "é.",
        "Ü.S.",
        "🙂's",
        "x\u{200d}y",
        "s'",
        "&&",
        "A&",
    ] {
        let mut out = vec![];
        tokenize(s, &mut out);
        for t in &out {
            assert!(s.get(t.start..t.end).is_some(), "{s:?}");
        }
    }
}
