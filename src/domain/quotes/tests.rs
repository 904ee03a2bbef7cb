//! Who said what, end to end on small texts: finding, cues and speakers through entities
//! found by plain search (so these tests do not depend on the extractor's names).

use super::*;
use crate::domain::entity::{Entity, Kind as EntityKind};

/// Each quotation of `text` as (kind, quoted words, speaker name or "-", cue words or "-"),
/// with entities for `names` found by search.
fn said(text: &str, names: &[(&str, EntityKind)]) -> Vec<(String, String, String, String)> {
    let entities: Vec<Entity> = names
        .iter()
        .map(|&(n, k)| Entity::found_by_search(text, n, k))
        .collect();
    let (entities, quotes) = attribute(find(text), entities, 1);
    quotes
        .iter()
        .map(|q| {
            (
                q.kind.as_str().to_string(),
                text[q.range()].to_string(),
                q.speaker()
                    .map_or("-".to_string(), |s| entities[s].name.clone()),
                q.cue
                    .map_or("-".to_string(), |c| text[c.range()].to_string()),
            )
        })
        .collect()
}

/// The direct quotations only, as (quoted words, speaker).
fn direct(text: &str, names: &[(&str, EntityKind)]) -> Vec<(String, String)> {
    said(text, names)
        .into_iter()
        .filter(|q| q.0 == "direct")
        .map(|q| (q.1, q.2))
        .collect()
}

/// The reported clauses only, as (clause, speaker).
fn reported(text: &str, names: &[(&str, EntityKind)]) -> Vec<(String, String)> {
    said(text, names)
        .into_iter()
        .filter(|q| q.0 == "indirect")
        .map(|q| (q.1, q.2))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

const PERSON: EntityKind = EntityKind::Person;
const ORG: EntityKind = EntityKind::Organization;
const COUNTRY: EntityKind = EntityKind::Country;

// Cue patterns.

#[test]
fn quote_then_name_then_verb() {
    let text = r#""We will not accept the revised forecast," Marilyn Jimenez warned on Tuesday."#;
    assert_eq!(
        said(text, &[("Marilyn Jimenez", PERSON)]),
        [(
            "direct".into(),
            "We will not accept the revised forecast,".into(),
            "Marilyn Jimenez".into(),
            "warned".into()
        )]
    );
}

#[test]
fn quote_then_verb_then_name() {
    let text =
        r#""Seventeen years ago, this would not have been possible," said Ambassador Mohib."#;
    assert_eq!(
        direct(text, &[("Mohib", PERSON)]),
        pairs(&[(
            "Seventeen years ago, this would not have been possible,",
            "Mohib"
        )])
    );
}

#[test]
fn name_verb_colon_quote() {
    let text = r#"Najib Razak said: "We are in contact with all relevant parties.""#;
    assert_eq!(
        direct(text, &[("Najib Razak", PERSON)]),
        pairs(&[(
            "We are in contact with all relevant parties.",
            "Najib Razak"
        )])
    );
}

#[test]
fn name_told_reporters_quote() {
    let text = r#"Julia Becker told reporters: "The deal is off.""#;
    let got = said(text, &[("Julia Becker", PERSON)]);
    assert_eq!(got[0].1, "The deal is off.");
    assert_eq!(got[0].2, "Julia Becker");
    assert_eq!(got[0].3, "told");
}

#[test]
fn name_added_comma_quote() {
    let text = r#"The minister spoke first. Kwame Mensah added, "Nobody expected this.""#;
    assert_eq!(
        direct(text, &[("Kwame Mensah", PERSON)]),
        pairs(&[("Nobody expected this.", "Kwame Mensah")])
    );
}

#[test]
fn according_to_name_quote() {
    let text = r#"According to Jean Santos, "the talks are over" for now."#;
    assert_eq!(
        direct(text, &[("Jean Santos", PERSON)]),
        pairs(&[("the talks are over", "Jean Santos")])
    );
}

#[test]
fn in_the_words_of_name() {
    let text = r#"In the words of Ana Ruiz, "this is only the start.""#;
    let got = said(text, &[("Ana Ruiz", PERSON)]);
    assert_eq!(got[0].2, "Ana Ruiz");
    assert_eq!(got[0].3, "In the words of");
}

#[test]
fn a_statement_of_an_organisation_speaks_for_it() {
    let text = r#"The Health Ministry's statement added: "All hospitals are open.""#;
    assert_eq!(
        direct(text, &[("Health Ministry", ORG)]),
        pairs(&[("All hospitals are open.", "Health Ministry")])
    );
}

#[test]
fn a_cue_ending_a_paragraph_introduces_the_quote_opening_the_next() {
    let text = "Rathbun continued:\n\n\"Daniel was picked up by an investigator.\"\n";
    assert_eq!(
        direct(text, &[("Rathbun", PERSON)]),
        pairs(&[("Daniel was picked up by an investigator.", "Rathbun")])
    );
}

#[test]
fn an_appositive_or_an_adverbial_between_subject_and_verb() {
    let text = "\"It would have been much worse,\" Khaled Al-Maeena, editor at large at the \
                Saudi Gazette, said. Suleiman al-Amr, in remarks to television, said \"All \
                those who were wounded have been taken to hospital.\"";
    assert_eq!(
        direct(
            text,
            &[
                ("Khaled Al-Maeena", PERSON),
                ("Saudi Gazette", ORG),
                ("Suleiman al-Amr", PERSON)
            ]
        ),
        pairs(&[
            ("It would have been much worse,", "Khaled Al-Maeena"),
            (
                "All those who were wounded have been taken to hospital.",
                "Suleiman al-Amr"
            )
        ])
    );
}

#[test]
fn a_dash_and_a_name_ending_the_paragraph_attribute_the_quote() {
    let text = "\"So far, it's the Internet: 1, Scientology: 0.\" - Matthew Ingram\n\nNext.";
    assert_eq!(
        direct(text, &[("Matthew Ingram", PERSON)]),
        pairs(&[(
            "So far, it's the Internet: 1, Scientology: 0.",
            "Matthew Ingram"
        )])
    );
}

#[test]
fn the_person_in_the_speaker_words_speaks_before_the_organisation() {
    let text = r#""We urge the governments to work together," Jeff Rathke, the State Department spokesman, said."#;
    assert_eq!(
        direct(text, &[("State Department", ORG), ("Jeff Rathke", PERSON)]),
        pairs(&[("We urge the governments to work together,", "Jeff Rathke")])
    );
}

#[test]
fn a_quote_that_follows_directly_keeps_its_speaker() {
    let text = "\"Had it happened an hour later it would have been worse,\" Khaled Al-Maeena \
                said. \"Had it happened earlier, I think the toll would have been higher.\"";
    assert_eq!(
        direct(text, &[("Khaled Al-Maeena", PERSON)]),
        pairs(&[
            (
                "Had it happened an hour later it would have been worse,",
                "Khaled Al-Maeena"
            ),
            (
                "Had it happened earlier, I think the toll would have been higher.",
                "Khaled Al-Maeena"
            )
        ])
    );
}

#[test]
fn a_quote_right_after_its_cue_sentence_keeps_the_speaker() {
    let text = "\"We will win this case,\" Trump told reporters at the White House. \"The judge \
                was wrong.\"\n\n\"It's not over,\" said Jay Sekulow, who spoke on Fox News. \"We \
                will prevail.\n\n\"This case is about the Constitution.\"\n";
    assert_eq!(
        direct(text, &[("Trump", PERSON), ("Jay Sekulow", PERSON)]),
        pairs(&[
            ("We will win this case,", "Trump"),
            ("The judge was wrong.", "Trump"),
            ("It's not over,", "Jay Sekulow"),
            ("We will prevail.", "Jay Sekulow"),
            ("This case is about the Constitution.", "Jay Sekulow"),
        ])
    );
}

#[test]
fn a_subject_with_its_abbreviation_in_brackets() {
    let text = "The Office for National Statistics (ONS) said inflation fell to 10.1%.";
    assert_eq!(
        reported(text, &[("Office for National Statistics", ORG)]),
        pairs(&[("inflation fell to 10.1%", "Office for National Statistics")])
    );
}

#[test]
fn a_quote_paragraph_after_a_cued_quote_paragraph_is_the_same_speaker() {
    let text = "\"Seventeen years ago, this was impossible,\" said Mohib.\n\n\"They represent \
                our aspirations.\"\n\nThe contest ended on Tuesday. \"Next year,\" it said.";
    let got = direct(text, &[("Mohib", PERSON)]);
    assert_eq!(
        got[1],
        ("They represent our aspirations.".into(), "Mohib".into())
    );
    assert_eq!(got[2].1, "-", "a cue with no entity in it names nobody");
}

#[test]
fn two_quotes_around_one_cue_share_it() {
    let text = r#""We are so interested," team member Rodaba Noori told the press, "to show that we can make robots too.""#;
    assert_eq!(
        direct(text, &[("Rodaba Noori", PERSON)]),
        pairs(&[
            ("We are so interested,", "Rodaba Noori"),
            ("to show that we can make robots too.", "Rodaba Noori")
        ])
    );
}

// Reported speech.

#[test]
fn said_that_and_says_report_a_clause() {
    let text = "Hamdullah Mohib says there were concerns about the visas. The US State \
                Department said that John Kerry called the minister.";
    assert_eq!(
        reported(
            text,
            &[("Hamdullah Mohib", PERSON), ("US State Department", ORG)]
        ),
        pairs(&[
            ("there were concerns about the visas", "Hamdullah Mohib"),
            ("John Kerry called the minister", "US State Department")
        ])
    );
}

#[test]
fn told_skips_its_hearer_and_an_adverbial_before_that() {
    let text = "Steve Whitmore told LA Weekly in a statement that the case was being dealt \
                with as grand theft. Vikram Rao told reporters the company had erred.";
    assert_eq!(
        reported(text, &[("Steve Whitmore", PERSON), ("Vikram Rao", PERSON)]),
        pairs(&[
            (
                "the case was being dealt with as grand theft",
                "Steve Whitmore"
            ),
            ("the company had erred", "Vikram Rao")
        ])
    );
}

#[test]
fn according_to_before_or_after_the_clause() {
    let text = "According to Rathbun, the property was returned by mail. A storm killed 107 \
                people, according to the Civil Defense Authority. According to Rathbun the \
                drives were lost.";
    assert_eq!(
        reported(
            text,
            &[("Rathbun", PERSON), ("Civil Defense Authority", ORG)]
        ),
        pairs(&[
            ("the property was returned by mail", "Rathbun"),
            ("A storm killed 107 people", "Civil Defense Authority"),
            ("the drives were lost", "Rathbun")
        ])
    );
}

#[test]
fn an_inverted_cue_after_the_clause() {
    let text = "The talks will resume next week, Ana Ruiz said.";
    assert_eq!(
        reported(text, &[("Ana Ruiz", PERSON)]),
        pairs(&[("The talks will resume next week", "Ana Ruiz")])
    );
}

#[test]
fn no_report_when_negated_passive_a_question_or_an_object() {
    for text in [
        "U.S. officials have not said why the team was denied visas.",
        "She was told to disconnect from her mother.",
        "Malaysia and Indonesia have maintained a policy of turning boats away.",
        "The storm claimed the lives of twenty people.",
        "He said goodbye to the team.",
        "Rathke asked the governments not to turn boats away.",
    ] {
        assert_eq!(said(text, &[]), [], "{text}");
    }
}

#[test]
fn a_partial_quote_in_reported_speech_is_the_reporter_s() {
    let text = "New Zealand's Prime Minister John Key said he believes the flag has a \
                \"strong rationale\".";
    assert_eq!(
        direct(text, &[("John Key", PERSON)]),
        pairs(&[("strong rationale", "John Key")])
    );
    let text = "Israeli Prime Minister Benjamin Netanyahu has expressed openness to \
                “tactical little pauses” in the military campaign.";
    assert_eq!(
        direct(text, &[("Benjamin Netanyahu", PERSON)]),
        pairs(&[("tactical little pauses", "Benjamin Netanyahu")])
    );
}

#[test]
fn two_reports_in_a_sentence_end_where_the_second_begins() {
    let text = "Smith said the plan was sound, but Jones said it would fail.";
    assert_eq!(
        reported(text, &[("Smith", PERSON), ("Jones", PERSON)]),
        pairs(&[("the plan was sound", "Smith"), ("it would fail", "Jones")])
    );
}

// Traps.

#[test]
fn apostrophes_are_not_quotes() {
    let text = "The girls' team didn't win; it's Ahmed's and O'Brien's rock 'n' roll of the '90s.";
    assert_eq!(said(text, &[]), []);
}

#[test]
fn british_single_quotes_that_clearly_open_and_close() {
    let text = "North Korea puts military in 'quasi-state of war', KCNA said.";
    let got = direct(text, &[("KCNA", ORG)]);
    assert_eq!(got, pairs(&[("quasi-state of war", "KCNA")]));
}

#[test]
fn nested_quotes_are_part_of_the_quote_around_them() {
    let text = r#"Rathbun wrote, "They called me the 'anti-christ' of the church.""#;
    assert_eq!(
        direct(text, &[("Rathbun", PERSON)]),
        pairs(&[("They called me the 'anti-christ' of the church.", "Rathbun")])
    );
}

#[test]
fn an_unclosed_quote_at_the_end_of_the_document_runs_to_the_end() {
    let text = "Ana Ruiz said: \"We will never";
    assert_eq!(
        direct(text, &[("Ana Ruiz", PERSON)]),
        pairs(&[("We will never", "Ana Ruiz")])
    );
    assert_eq!(said("\"", &[]), []);
    assert_eq!(said("a \"", &[]), []);
}

#[test]
fn a_quote_across_paragraphs_is_one_speaker_s_whichever_paragraph_names_them() {
    let text = "\"The first part goes on\n\n\"into the second,\" Ana Ruiz said.\n";
    assert_eq!(
        direct(text, &[("Ana Ruiz", PERSON)]),
        pairs(&[
            ("The first part goes on", "Ana Ruiz"),
            ("into the second,", "Ana Ruiz")
        ])
    );
    let text = "Ana Ruiz said: \"The first part goes on\n\n\"into the second.\"\n";
    assert_eq!(direct(text, &[("Ana Ruiz", PERSON)])[1].1, "Ana Ruiz");
}

#[test]
fn a_list_of_headlines_in_quotes_has_no_speaker() {
    let text = "Related news:\n\n\"Israel agrees to a pause\", Reuters, 2023\n\"Hamas says no \
                deal\", AP\n\"Qatar mediates\"\n";
    let got = direct(
        text,
        &[("Reuters", ORG), ("Israel", COUNTRY), ("Hamas", ORG)],
    );
    assert_eq!(got.len(), 3);
    assert!(got.iter().all(|(_, s)| s == "-"), "{got:?}");
}

#[test]
fn a_quote_nobody_says_has_no_speaker() {
    let text = "Ahmed Mohamed said he was proud. The girls were granted \"parole\" status. \
                Microsoft says on \"The Internet Explorer 6 Countdown\" that it is time. A \
                robot named \"Better Idea\" scored, according to Ahmed Mohamed.";
    let got = direct(text, &[("Ahmed Mohamed", PERSON), ("Microsoft", ORG)]);
    assert_eq!(
        got,
        pairs(&[
            ("parole", "-"),
            ("The Internet Explorer 6 Countdown", "-"),
            ("Better Idea", "-")
        ])
    );
}

#[test]
fn curly_straight_and_angled_quotes() {
    let text = "“Curly,” said Ana. \"Straight,\" said Ana. «Angled», said Ana. „Low“, said Ana.";
    let got = direct(text, &[("Ana", PERSON)]);
    assert_eq!(
        got,
        pairs(&[
            ("Curly,", "Ana"),
            ("Straight,", "Ana"),
            ("Angled", "Ana"),
            ("Low", "Ana")
        ])
    );
}

#[test]
fn hard_wrapped_text_quotes_across_lines() {
    let text = "\"We will not accept the\nrevised forecast,\" Marilyn Jimenez warned on\n\
                Tuesday in Bangalore.\n";
    assert_eq!(
        direct(text, &[("Marilyn Jimenez", PERSON)]),
        pairs(&[(
            "We will not accept the\nrevised forecast,",
            "Marilyn Jimenez"
        )])
    );
}

// Attribution through entities.

#[test]
fn first_person_pronouns_become_mentions_of_the_speaker() {
    let text = "\"I think my team won, and we are proud,\" Ana Ruiz said. \"Our country \
                agrees,\" the Ministry said. \"He told me 'I quit',\" Ana Ruiz said.";
    let entities = vec![
        Entity::found_by_search(text, "Ana Ruiz", PERSON),
        Entity::found_by_search(text, "Ministry", ORG),
    ];
    let (entities, quotes) = attribute(find(text), entities, 1);
    let ana = entities.iter().find(|e| e.name == "Ana Ruiz").unwrap();
    let words: Vec<&str> = ana.mentions.iter().map(|m| &text[m.range()]).collect();
    // "we" is Ana's side, not Ana; the nested 'I' is someone else's.
    assert_eq!(words, ["I", "my", "Ana Ruiz", "me", "Ana Ruiz"]);
    let ministry = entities.iter().find(|e| e.name == "Ministry").unwrap();
    assert_eq!(ministry.mentions.len(), 2, "its \"Our\" is its own");
    // Entities were put in order again, and speakers follow them.
    assert_eq!(entities[0].name, "Ana Ruiz");
    assert!(
        quotes
            .iter()
            .filter_map(Quote::speaker)
            .all(|s| s < entities.len())
    );
    assert_eq!(quotes.counts(entities.len()), [2, 1]);
}

#[test]
fn the_speakers_given_first_persons_share_one_new_store_and_the_others_keep_theirs() {
    let text = "\"I think my team won,\" Ana Ruiz said. \"Our country agrees,\" the Ministry \
                said. Oslo was quiet.";
    let entities = vec![
        Entity::found_by_search(text, "Ana Ruiz", PERSON),
        Entity::found_by_search(text, "Ministry", ORG),
        Entity::found_by_search(text, "Oslo", crate::domain::entity::Kind::Place),
    ];
    let oslo_store = std::sync::Arc::clone(entities[2].mentions.store().0);
    let (entities, _) = attribute(find(text), entities, 1);
    let store = |name: &str| {
        let e = entities.iter().find(|e| e.name == name).unwrap();
        std::sync::Arc::clone(e.mentions.store().0)
    };
    assert!(std::sync::Arc::ptr_eq(
        &store("Ana Ruiz"),
        &store("Ministry")
    ));
    assert_eq!(store("Ana Ruiz").len(), 3 + 2, "their mentions, once");
    assert!(std::sync::Arc::ptr_eq(&store("Oslo"), &oslo_store));
}

#[test]
fn a_possessive_opening_the_speaker_words_is_not_the_speaker() {
    // Coreference made "His" a pronoun mention of Ahmed; the father speaks.
    let text = "Ahmed Mohamed was arrested. His father Mohamed El-Hassan said he was proud.";
    let mut ahmed = Entity::found_by_search(text, "Ahmed Mohamed", PERSON);
    let his = text.find("His").unwrap();
    ahmed.mentions.edit(|v| {
        v.push(crate::domain::entity::Mention::with_form(
            his..his + 3,
            crate::domain::entity::Form::Pronoun,
        ));
    });
    let father = Entity::found_by_search(text, "Mohamed El-Hassan", PERSON);
    let (entities, quotes) = attribute(find(text), vec![ahmed, father], 1);
    let speaker = quotes[0].speaker().map(|s| entities[s].name.as_str());
    assert_eq!(speaker, Some("Mohamed El-Hassan"));
}

#[test]
fn a_pronoun_speaker_is_found_through_a_pronoun_mention() {
    let text = "Ana Ruiz arrived. \"We won,\" she said.";
    let mut ana = Entity::found_by_search(text, "Ana Ruiz", PERSON);
    let she = text.find("she").unwrap();
    ana.mentions.edit(|v| {
        v.push(crate::domain::entity::Mention::with_form(
            she..she + 3,
            crate::domain::entity::Form::Pronoun,
        ));
    });
    let (entities, quotes) = attribute(find(text), vec![ana], 1);
    assert_eq!(
        quotes[0].speaker().map(|s| entities[s].name.as_str()),
        Some("Ana Ruiz")
    );
}

#[test]
fn a_speaker_is_found_again_after_the_entities_change() {
    let text = "\"Yes,\" said Ana. \"No,\" said Bo.";
    let entities = vec![
        Entity::found_by_search(text, "Ana", PERSON),
        Entity::found_by_search(text, "Bo", PERSON),
    ];
    let (mut entities, mut quotes) = attribute(find(text), entities, 1);
    entities.reverse();
    reattribute(&mut quotes, &entities);
    let names: Vec<&str> = quotes
        .iter()
        .map(|q| entities[q.speaker().unwrap()].name.as_str())
        .collect();
    assert_eq!(names, ["Ana", "Bo"]);
    entities.remove(0);
    reattribute(&mut quotes, &entities);
    assert_eq!(quotes[1].speaker, None, "Bo is gone");
}

#[test]
fn the_innermost_quotation_is_found_by_offset() {
    let text = "Ana said the \"plan\" was sound and \"cheap\" too. Then \"more\" came.";
    let (_, quotes) = attribute(
        find(text),
        vec![Entity::found_by_search(text, "Ana", PERSON)],
        1,
    );
    let at = |w: &str| {
        quotes
            .at(text.find(w).unwrap())
            .map(|i| &text[quotes[i].range()])
    };
    assert_eq!(at("plan"), Some("plan"));
    assert_eq!(at("cheap"), Some("cheap"));
    assert_eq!(at("sound"), Some(r#"the "plan" was sound and "cheap" too"#));
    assert_eq!(at(" too"), Some(r#"the "plan" was sound and "cheap" too"#));
    assert_eq!(at("more"), Some("more"));
    assert_eq!(at("Then"), None);
    assert_eq!(quotes.by(0).count(), 3);
}

// Locality: pieces, and a piece read on its own.

/// A text with quotations everywhere: across lines, across paragraphs, cues at paragraph
/// ends, reports.
fn busy_text() -> String {
    let mut out = String::new();
    for i in 0..40 {
        out.push_str(&format!(
            "\"We will not accept the\nrevised forecast {i},\" Ana Ruiz warned. Bo Li said the \
             talks failed.\n\nAna Ruiz said:\n\n\"The first part goes on\n\n\"into the second,\" \
             she said. A robot named \"Hope\" won.\n\n"
        ));
    }
    out
}

#[test]
fn feeding_in_pieces_finds_what_one_pass_finds() {
    let text = busy_text();
    let whole = find(&text);
    let mut f = Finder::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        f.feed(at, line);
        at += line.len();
    }
    assert_eq!(f.finish(), whole);
}

#[test]
fn a_piece_from_a_paragraph_start_primed_with_the_paragraph_before_finds_the_same() {
    let text = busy_text();
    let whole = find(&text);
    let bytes = text.as_bytes();
    let starts: Vec<usize> = (0..=text.len())
        .filter(|&i| is_paragraph_start(bytes, i))
        .collect();
    assert!(starts.len() > 100);
    for w in starts.windows(3).step_by(7) {
        let (prev, at) = (w[0], w[1]);
        let mut f = Finder::new();
        f.feed(prev, &text[prev..at]);
        f.forget_found();
        f.feed(at, &text[at..]);
        let tail = f.finish();
        let expected: Vec<Found> = whole
            .quotes
            .iter()
            .filter(|q| q.start as usize >= at)
            .copied()
            .collect();
        assert_eq!(tail.quotes, expected, "piece at {at}");
    }
}

#[test]
fn text_without_paragraphs_is_cut_where_is_paragraph_start_says() {
    // Short lines and no blank line: cuts come after multiples of CUT.
    let line = "Ana said \"yes\" and Bo said no.\n";
    let text = line.repeat(3 * CUT / line.len());
    let starts: Vec<usize> = (1..text.len())
        .filter(|&i| is_paragraph_start(text.as_bytes(), i))
        .collect();
    assert_eq!(starts.len(), 2, "{starts:?}");
    assert!(starts.iter().all(|s| s % CUT < line.len() + 1));
    // One pass and pieces started at the cuts (primed) agree.
    let whole = find(&text);
    for &at in &starts {
        let prev = (0..at)
            .rev()
            .find(|&i| is_paragraph_start(text.as_bytes(), i))
            .unwrap();
        let mut f = Finder::new();
        f.feed(prev, &text[prev..at]);
        f.forget_found();
        f.feed(at, &text[at..]);
        let n = whole
            .quotes
            .iter()
            .filter(|q| q.start as usize >= at)
            .count();
        assert_eq!(f.finish().quotes.len(), n);
    }
    // Long lines are paragraphs of their own.
    let long = format!("{}\n{}", "word ".repeat(60), "next");
    assert!(is_paragraph_start(long.as_bytes(), 301));
}

#[test]
fn a_huge_paragraph_of_marks_is_read_in_linear_time() {
    // Thousands of quotations on one line, and as many stray marks.
    let text = "Ana said \"yes\" and \" Bo said, \"no.\" ".repeat(20_000);
    let found = find(&text);
    assert!(found.quotes.len() > 20_000);
}

#[test]
fn the_document_s_sentences_find_what_a_split_of_each_paragraph_finds() {
    use crate::domain::sentences::Sentences;
    // Sentence ends a paragraph alone decides otherwise than the document: an abbreviation
    // or a lower-case word after a paragraph's last stop, lines of no-break or ideographic
    // space, long lines, CRLF, quotations across paragraphs.
    let pieces = [
        "Mr. Smith said the talks failed. ",
        "\"We won,\" Ana Ruiz said. ",
        "he told reporters ",
        "Mr.",
        "U.S.",
        " and then",
        "“It is over.",
        "” She added that it was. ",
        "according to the ministry, ",
        "\n",
        "\n\n",
        "\r\n\r\n",
        "\n\u{3000}\n",
        "\n\u{a0}\n",
        "the talks failed",
        "Officials said the inquiry would go on. ",
        "'Fine,' he said.",
    ];
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut used = 0;
    for round in 0..3000 {
        let mut text = String::new();
        for _ in 0..16 {
            crate::domain::shuffled::step(&mut seed);
            let piece = pieces[(seed % pieces.len() as u64) as usize];
            text.push_str(piece);
            if round % 7 == 0 && seed.is_multiple_of(5) {
                // A line longer than a paragraph line may be.
                text.push_str(&"the minister said it was long ".repeat(9));
            }
        }
        let body = (round % 3) * 4;
        let sentences = std::sync::Arc::new(Sentences::of_range(text.as_bytes(), body..text.len()));
        let mut finder = Finder::with_sentences(sentences, body, text.len());
        finder.feed(0, &text);
        used += usize::from(finder.used_known_sentences());
        assert_eq!(finder.finish(), find(&text), "{text:?}");
    }
    assert!(
        used > 1000,
        "the document's sentences were read in {used} texts"
    );
}

// A paragraph that ends on a verb of saying after a comma has no speaker to read after it.

#[test]
fn a_paragraph_ending_on_said_after_a_comma_is_read_without_a_speaker() {
    assert!(reported("The plan failed, said\n", &[]).is_empty());
    assert!(reported("The plan failed, said", &[]).is_empty());
    assert_eq!(
        said("\u{201c}Go home,\u{201d} said", &[]),
        [(
            "direct".to_string(),
            "Go home,".to_string(),
            "-".to_string(),
            "-".to_string()
        )]
    );
}

/// Paragraphs drawn from the pieces of cues, cut anywhere a piece ends: whatever the rules
/// read around a verb, a quotation or the paragraph's end stays inside the paragraph.
#[test]
fn drawn_paragraphs_of_cue_pieces_are_read_without_a_panic() {
    let pieces = [
        "said",
        " said",
        ", said",
        "told",
        " according to",
        "According to",
        ", ",
        ",",
        ":",
        ". ",
        ".",
        " the minister",
        " Smith",
        " that",
        " he",
        " \u{201c}",
        "\u{201d}",
        "\"",
        " 'Go",
        " home",
        "\n\n",
        " \u{2014} ",
        " (ONS)",
        " was",
        " not",
        " and",
        " of",
        " in the words of",
        " called",
        " who",
        " told reporters",
        "\u{2018}",
        " (",
        ")",
        "!",
    ];
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    for _ in 0..50_000 {
        let n = 1 + (seed % 9) as usize;
        let text = crate::domain::shuffled::joined(&mut seed, &pieces, n);
        let found = find(&text);
        for q in &found.quotes {
            assert!(q.start <= q.end && q.end as usize <= text.len(), "{text:?}");
        }
    }
}
