//! Each rule of the resolver on sentences written for it, through the whole extractor (the
//! built-in knowledge), and the cases it must leave unlinked.

use super::super::extract;
use crate::domain::entity::{Entity, Form};

/// The entities of `text` as extraction gives them: names, quotations found, coreference,
/// then speakers and their first persons.
fn entities(text: &str) -> Vec<Entity> {
    extract(text).entities
}

/// The links the pass made: (mention text, entity name, form), in the order of the text.
fn links(text: &str) -> Vec<(String, String, Form)> {
    let mut out: Vec<(u32, String, String, Form)> = entities(text)
        .iter()
        .flat_map(|e| {
            e.mentions
                .iter()
                .filter(|m| !m.form.is_named())
                .map(|m| (m.start, text[m.range()].to_string(), e.name.clone(), m.form))
        })
        .collect();
    out.sort();
    out.into_iter().map(|(_, t, n, f)| (t, n, f)).collect()
}

/// The entity a mention text was linked to (the first such mention), if any.
fn linked(text: &str, mention: &str) -> Option<String> {
    links(text)
        .into_iter()
        .find(|(t, _, _)| t == mention)
        .map(|(_, n, _)| n)
}

#[test]
fn a_pronoun_agrees_in_gender() {
    let text = "Maria Lopez met John Smith in Madrid. She said the talks went well, and he agreed.";
    assert_eq!(linked(text, "She").as_deref(), Some("Maria Lopez"));
    assert_eq!(linked(text, "he").as_deref(), Some("John Smith"));
    assert!(links(text).iter().all(|(_, _, f)| *f == Form::Pronoun));
}

#[test]
fn honorifics_give_a_gender_to_names_the_lists_do_not_know() {
    let text = "Ms. Okafor met Mr. Brandt on Monday. He thanked her for the visit.";
    assert_eq!(linked(text, "He").as_deref(), Some("Brandt"));
    assert_eq!(linked(text, "her").as_deref(), Some("Okafor"));
}

#[test]
fn a_person_of_unknown_gender_is_taken_only_when_no_other_could_be_meant() {
    assert_eq!(
        linked("Okafor arrived late. He apologised.", "He").as_deref(),
        Some("Okafor")
    );
    assert_eq!(
        linked("Okafor met Brandt on Monday. He apologised.", "He"),
        None
    );
}

#[test]
fn the_subject_comes_before_an_object() {
    let text = "John Smith met David Jones on Monday. He said the meeting was useful.";
    assert_eq!(linked(text, "He").as_deref(), Some("John Smith"));
}

#[test]
fn it_is_an_organisation_or_a_country_and_never_a_person() {
    let text = "Acme Corp. said it would cut 300 jobs.";
    assert_eq!(linked(text, "it").as_deref(), Some("Acme Corp."));
    assert_eq!(linked("John Smith said it would rain.", "it"), None);
    // An object "it" is not the subject of its own clause.
    assert_eq!(linked("Acme Corp. replaced it last year.", "it"), None);
}

#[test]
fn they_is_a_people_that_acts_not_one_that_describes() {
    let text = "Palestinians marched through the city. They demanded an end to the blockade.";
    assert_eq!(linked(text, "They").as_deref(), Some("Palestinians"));
    let text = "The Syrian refugee team arrived. They were tired.";
    assert_eq!(linked(text, "They"), None);
}

#[test]
fn a_reflexive_is_the_nearest_in_its_sentence() {
    let text = "John Smith said that David Jones had hurt himself.";
    assert_eq!(linked(text, "himself").as_deref(), Some("David Jones"));
}

#[test]
fn an_object_pronoun_crosses_a_clause_boundary_only() {
    let text = "David Jones called on Monday, and John Smith thanked him.";
    assert_eq!(linked(text, "him").as_deref(), Some("David Jones"));
}

#[test]
fn a_pronoun_in_a_quotation_is_not_its_speaker_and_one_outside_never_reaches_in() {
    let text = "John Smith met David Jones on Monday. \"He lied to us about everything,\" said \
        John Smith.";
    assert_eq!(linked(text, "He").as_deref(), Some("David Jones"));
    let text = "\"Maria Ortega will win the vote,\" said John Smith. She thanked him.";
    assert_eq!(linked(text, "She"), None);
    assert_eq!(linked(text, "him").as_deref(), Some("John Smith"));
}

#[test]
fn the_first_person_in_a_quotation_is_its_speaker() {
    let text = "\"I will not resign over my remarks,\" said John Smith.";
    assert_eq!(linked(text, "I").as_deref(), Some("John Smith"));
    assert_eq!(linked(text, "my").as_deref(), Some("John Smith"));
    let text = "\"We will not leave Gaza this year,\" the United Nations said.";
    assert_eq!(linked(text, "We").as_deref(), Some("United Nations"));
    // A person speaks for a group "we" does not name; "US" is a country.
    let text = "Maria Ortega said: \"We told the US what we know.\"";
    assert_eq!(links(text), []);
}

#[test]
fn a_pronoun_in_an_opening_clause_is_the_main_clause_s_subject() {
    let text = "David Jones arrived on Monday. After his arrest in Paris, John Smith \
        called a lawyer.";
    assert_eq!(linked(text, "his").as_deref(), Some("John Smith"));
    // The names of an opening clause come after the main clause's subject.
    let text = "Acme Corp. sued the United Nations. Although Acme Corp. lost, the United \
        Nations said it would appeal.";
    assert_eq!(linked(text, "it").as_deref(), Some("United Nations"));
}

#[test]
fn they_is_a_people_or_an_organisation_but_not_one_that_only_qualifies_people() {
    let text = "Google invited Ahmed Mohamed to visit. They offered him an internship.";
    assert_eq!(linked(text, "They").as_deref(), Some("Google"));
    let text = "Google officials met Ahmed Mohamed. They offered him an internship.";
    assert_eq!(linked(text, "They"), None);
}

#[test]
fn a_role_given_to_a_name_earlier_links_the_description() {
    let text = "Prime Minister Haider al-Abadi visited Basra on Monday. \
        The prime minister met tribal leaders there.";
    let found = links(text);
    assert!(
        found.contains(&(
            "prime minister".into(),
            "Haider al-Abadi".into(),
            Form::Nominal
        )),
        "{found:?}"
    );
}

#[test]
fn an_apposition_is_a_description_of_its_name() {
    let text = "Maria Lopez, the defence secretary, visited Iraq on Monday.";
    assert_eq!(
        linked(text, "defence secretary").as_deref(),
        Some("Maria Lopez")
    );
    let text = "Police questioned a local lawyer, Kendrick Moxon.";
    assert_eq!(
        linked(text, "local lawyer").as_deref(),
        Some("Kendrick Moxon")
    );
    // "According to X," ends the source: what follows is another person.
    let text = "According to Mark Rathbun, a detective was given the file.";
    assert_eq!(linked(text, "detective"), None);
}

#[test]
fn a_possessive_opens_an_apposition_before_a_name() {
    let text = "The case was raised by her lawyer and Maria's father, Albert Brandt, last year.";
    assert_eq!(linked(text, "father").as_deref(), Some("Albert Brandt"));
    // Without the comma that closes it, the phrase is not in apposition.
    let text = "The case was raised by Maria's father and Albert Brandt last year.";
    assert_eq!(linked(text, "father"), None);
}

#[test]
fn a_hyphenated_noun_is_a_person_when_its_last_part_is() {
    let text = "Maria Lopez, a prize-winner, spoke in Madrid on Monday.";
    assert_eq!(linked(text, "prize-winner").as_deref(), Some("Maria Lopez"));
    // "-based" names no person: no apposition.
    let text = "Maria Lopez, a Madrid-based, spoke on Monday.";
    assert_eq!(linked(text, "Madrid-based"), None);
}

#[test]
fn a_type_noun_that_fits_one_entity_in_focus_links_it() {
    let text = "Acme Corp. reported a loss on Monday. The company blamed the weather.";
    assert_eq!(linked(text, "company").as_deref(), Some("Acme Corp."));
    let text = "Acme Corp. and Globex Corp. reported losses. The company blamed the weather.";
    assert_eq!(linked(text, "company"), None, "two companies: unsure");
    let text = "Norway and Acme Corp. signed a deal. The country will pay half.";
    assert_eq!(linked(text, "country").as_deref(), Some("Norway"));
    // "the city of X" names a place of its own: X, not the city before.
    let text = "Acme Corp. moved to Oslo. The city of Bergen objected.";
    assert_eq!(linked(text, "city").as_deref(), Some("Bergen"));
}

#[test]
fn an_age_given_earlier_links_the_n_year_old() {
    let text = "Maria Lopez, 45, was arrested on Friday. The 45-year-old denied the charges.";
    assert_eq!(linked(text, "45-year-old").as_deref(), Some("Maria Lopez"));
}

#[test]
fn a_capital_that_acts_stands_for_its_state() {
    let text =
        "North Korea fired shells on Thursday. Pyongyang said the drills were a provocation.";
    let found = links(text);
    assert!(
        found.contains(&("Pyongyang".into(), "North Korea".into(), Form::Nominal)),
        "{found:?}"
    );
    let text = "North Korea fired shells on Thursday. Flights to Pyongyang were cancelled.";
    assert_eq!(linked(text, "Pyongyang"), None, "the city itself");
}

#[test]
fn who_right_after_a_name_is_that_person() {
    let text = "John Smith, who leads the union, resigned.";
    assert_eq!(linked(text, "who").as_deref(), Some("John Smith"));
    assert_eq!(linked("The union, who lost, appealed.", "who"), None);
}

#[test]
fn a_new_paragraph_far_from_any_name_leaves_a_pronoun_unlinked() {
    let text = "John Smith resigned on Monday.\n\nThe weather was cold. The roads were icy. \
        Schools closed early. Buses stopped running.\n\nHe was not seen again.";
    assert_eq!(linked(text, "He"), None);
    let near = "John Smith resigned on Monday.\n\nHe was not seen again.";
    assert_eq!(linked(near, "He").as_deref(), Some("John Smith"));
}

#[test]
fn linked_mentions_keep_the_entity_sorted_and_names_as_aliases() {
    let text = "Maria Lopez met John Smith. She thanked him. Later she left.";
    for e in entities(text) {
        assert!(e.mentions.windows(2).all(|w| w[0].start < w[1].start));
        assert!(!e.aliases.iter().any(|a| a == "She" || a == "him"));
    }
}

#[test]
fn pieces_cut_at_a_paragraph_give_the_same_links_as_the_whole() {
    // What a decision depends on is bounded: the links of a paragraph are the same whether
    // the text before its lookback is there or not.
    let tail = "Maria Lopez met John Smith in Madrid.\n\nShe said the talks went well.";
    let head = "Acme Corp. said it would cut jobs. The company blamed the weather.\n\n\
        Globex Corp. hired. It grew. It grew again. It grew once more.\n\n";
    let whole = format!("{head}{tail}");
    let shift = |v: Vec<(String, String, Form)>| {
        v.into_iter()
            .filter(|(t, _, _)| t == "She")
            .collect::<Vec<_>>()
    };
    assert_eq!(shift(links(&whole)), shift(links(tail)));
}

#[test]
fn a_speaker_named_by_a_pronoun_or_a_caption_owns_the_first_person() {
    let text = "John Smith spoke on Monday. Of the plan, he said, \"In the end I will have \
        one vote like everyone.\"";
    assert_eq!(linked(text, "I").as_deref(), Some("John Smith"));
    let text = "John Smith spoke on Monday. The next thing he knows he's in a cell.";
    assert_eq!(linked(text, "he").as_deref(), Some("John Smith"));
    assert_eq!(links(text).len(), 2, "{:?}", links(text));
    let text = "I was told that my mother had left the church. Maria Ortega\n\nShe left.";
    assert_eq!(linked(text, "my").as_deref(), Some("Maria Ortega"));
}

#[test]
fn in_a_sentence_in_the_first_person_outside_quotations_she_is_left_alone() {
    let text = "Maria Ortega left in 2009. I was told to leave her because she lied.";
    assert_eq!(linked(text, "her"), None);
    assert_eq!(linked(text, "she"), None);
}

#[test]
fn a_country_s_demonym_qualifies_and_is_no_it() {
    let text = "The Afghan team's robot arrived late. They tested it on Monday.";
    assert_eq!(linked(text, "it"), None);
}

#[test]
fn a_type_noun_out_of_focus_is_the_one_entity_of_the_text_it_fits() {
    let text = "A crane fell into the Grand Mosque on Friday. Rain fell all day. Pilgrims \
        came from far. Many were hurt. Roads were closed. Later, workers cleared the mosque.";
    assert_eq!(linked(text, "mosque").as_deref(), Some("Grand Mosque"));
    // Two mosques named: the text does not say which.
    let text = "A crane fell into the Grand Mosque. Pilgrims left the Blue Mosque. Rain fell \
        all day. Pilgrims came from far. Many were hurt. Roads were closed. Later, workers \
        cleared the mosque.";
    assert_eq!(linked(text, "mosque"), None);
}

#[test]
fn a_type_noun_that_owns_what_follows_is_still_the_entity() {
    let text = "Maria Ortega left the Church of Scientology in 2009. She had moved closer to \
        the church's headquarters.";
    assert_eq!(
        linked(text, "church").as_deref(),
        Some("Church of Scientology")
    );
}

#[test]
fn a_type_noun_right_after_a_name_is_that_entity() {
    let text = "Acme Corp. said on Monday that the Acme company would close.";
    assert_eq!(linked(text, "company").as_deref(), Some("Acme Corp."));
    // A noun the entity cannot be is no mention of it.
    let text = "John Smith said on Monday that the Smith company would close.";
    assert_eq!(linked(text, "company"), None);
}

#[test]
fn a_predicate_says_what_the_subject_is() {
    let text = "Maria Ortega was a volunteer in the engine room.";
    assert_eq!(linked(text, "volunteer").as_deref(), Some("Maria Ortega"));
    // What is no person noun is not the person: "a success".
    let text = "Maria Ortega was a success in the engine room.";
    assert_eq!(links(text), []);
}

#[test]
fn a_pronoun_that_goes_on_after_a_named_speaker_is_that_speaker() {
    let text = "Yonhap reported the shelling on Monday. \"Six shells hit the area near KPA \
        posts\", said KCNA. \"Provocation deserves punishment\", it added; and, later, \"we \
        will win\".";
    assert_eq!(linked(text, "it").as_deref(), Some("KCNA"));
    // Someone else named between: the cue's "he" is the resolver's to find, not the first
    // speaker's by position.
    let text = "\"The talks failed today,\" said John Smith. Mary Jones met David Brown. \"We \
        will meet again soon,\" he added.";
    assert_ne!(linked(text, "he").as_deref(), Some("John Smith"));
}

#[test]
fn it_with_nothing_after_a_verb_is_its_object_not_the_subject() {
    let text = "The Pentagon said it would act. The Pentagon denied it.";
    let its: Vec<_> = links(text)
        .into_iter()
        .filter(|(t, _, _)| t == "it")
        .collect();
    assert_eq!(its.len(), 1, "{its:?}");
}

#[test]
fn a_type_noun_right_before_a_name_is_that_entity() {
    let text = "Residents of the city of Aleppo fled on Monday.";
    assert_eq!(linked(text, "city").as_deref(), Some("Aleppo"));
    // A noun the entity cannot be: "the company" is no person.
    let text = "The lawyers of the company John Smith founded left.";
    assert_eq!(linked(text, "company"), None);
}

#[test]
fn an_organisation_before_a_title_only_describes_the_person() {
    let text = "Acme Corp. chief executive Margit Olsen said the deal would cost the port \
        millions over its lifetime.";
    assert_eq!(linked(text, "its"), None);
}

#[test]
fn a_type_noun_is_unsure_when_a_newer_entity_of_its_sort_may_be_meant() {
    let text = "Acme Corp. hired 200 people. Shares of Northern Rail Agency fell after Maria \
        Ortega said the company had underestimated the strike.";
    assert_eq!(linked(text, "company"), None);
}

#[test]
fn a_type_noun_the_text_puts_before_a_name_says_what_it_is() {
    // No gazetteer knows Quorvane as a company: the text says so, and "the company" later is it.
    let text = "Sales rose at the company Quorvane Labs last year. Analysts said the company \
                would hire again.";
    assert_eq!(linked(text, "company").as_deref(), Some("Quorvane Labs"));
    // Said of nothing, the noun stays unlinked.
    let text = "Sales rose at Quorvane Labs last year. Analysts said the company would hire again.";
    assert_eq!(linked(text, "company"), None);
}

#[test]
fn a_type_noun_after_the_and_a_name_says_what_it_is() {
    let text = "Members of the Brennart Society group walked out. Later the group sued them.";
    assert_eq!(linked(text, "group").as_deref(), Some("Brennart Society"));
    // A place is no group, whatever follows its name.
    let text = "Fans of the Lakeport team met in Lakeport. Later the group sued them.";
    assert_eq!(linked(text, "group"), None);
}

#[test]
fn a_capitalised_compound_whose_last_part_is_a_person_noun_is_an_apposition() {
    let text = "Helga Marrow, a Pulitzer Prize-winner, opened the fair.";
    assert_eq!(
        linked(text, "Pulitzer Prize-winner").as_deref(),
        Some("Helga Marrow")
    );
    // A capitalised last part is a name, not a description.
    let text = "Helga Marrow, a Pulitzer Prize-Winner, opened the fair.";
    assert_eq!(linked(text, "Pulitzer Prize-Winner"), None);
}

#[test]
fn a_bare_role_that_opens_the_sentence_is_an_apposition_before_a_name() {
    let text = "The fair opened. Co-founder of Brindle Labs, Oskar Venn, gave a talk.";
    assert_eq!(linked(text, "Co-founder").as_deref(), Some("Oskar Venn"));
    let text = "The fair opened. The chairman of Brindle Labs, Oskar Venn, gave a talk.";
    assert_eq!(linked(text, "chairman").as_deref(), Some("Oskar Venn"));
    // Mid-sentence without a determiner it may be a list: "met co-founder, Oskar Venn" is not
    // read.
    let text = "The fair opened and guests met a few other members, Oskar Venn, and more.";
    assert_eq!(linked(text, "members"), None);
    // Not a person noun before "of": the town is Sela, no role of Oskar Venn.
    let text = "The fair opened. In the town of Sela, Oskar Venn gave a talk.";
    assert_eq!(linked(text, "town").as_deref(), Some("Sela"));
}

#[test]
fn in_after_a_type_noun_only_places_the_entity_it_stands_for() {
    let text = "Acme Corp. reported a loss on Monday. Analysts expect the company in Texas to \
        cut jobs.";
    assert_eq!(linked(text, "company").as_deref(), Some("Acme Corp."));
    // "of" still names another: "the city of Bergen".
    let text = "Acme Corp. moved to Oslo. The city of Bergen objected.";
    assert_ne!(linked(text, "city").as_deref(), Some("Oslo"));
}

#[test]
fn a_nationality_s_team_is_only_the_team_never_the_organisation() {
    let text = "The Kenyan team won the Nordic Robotics Cup on Monday. The team will \
        travel home on Friday.";
    let teams: Vec<_> = (links(text).into_iter())
        .filter(|(t, _, _)| t == "team")
        .map(|(_, e, _)| e)
        .collect();
    assert_eq!(
        teams,
        ["Kenyan team", "Kenyan team"],
        "the Kenyan team, the team"
    );
    let text = "The Kenyan team won a medal at the Nordic Robotics Cup. Organisers said \
        the organization plans another event.";
    assert_eq!(linked(text, "organization"), None);
}

#[test]
fn a_possessive_opens_an_apposition_after_a_place() {
    let text = "The players drove from Kandahar, their home, to the border on Monday.";
    assert_eq!(linked(text, "their home").as_deref(), Some("Kandahar"));
    let text = "Pilgrims walked to Varanasi, Hinduism's holiest site. Many stayed a week.";
    assert_eq!(
        linked(text, "Hinduism's holiest site").as_deref(),
        Some("Varanasi")
    );
    // A description linked before leaves its "'s" to the apposition after it.
    let text = "Norway will build a monument. It will stand in the nation's capital, Oslo.";
    assert_eq!(linked(text, "capital").as_deref(), Some("Oslo"));
}

#[test]
fn a_description_given_a_name_right_after_it_is_that_name() {
    let text = "Reports say a defector left the secretive group within the movement called \
        the Blue Circle Org on Monday.";
    assert_eq!(
        linked(text, "secretive group").as_deref(),
        Some("Blue Circle Org")
    );
    // A noun that cannot name such an entity: left alone.
    let text = "Reports say she left the city called Blue Circle Org on Monday.";
    assert_ne!(linked(text, "city").as_deref(), Some("Blue Circle Org"));
}

#[test]
fn a_type_noun_after_a_possessive_is_a_description_too() {
    let text = "Acme Corp. offered Maria Lopez a job. She may join their company for a year.";
    assert_eq!(linked(text, "company").as_deref(), Some("Acme Corp."));
    let text = "Refugees from Norway marched on Monday. The Norwegian refugees named their \
        country on their shirts.";
    assert_eq!(linked(text, "country").as_deref(), Some("Norway"));
    let text = "Norway put the Royal Guard Army on alert on Monday. Officials said the \
        country's military would stay ready.";
    assert_eq!(linked(text, "country").as_deref(), Some("Norway"));
    assert_eq!(
        linked(text, "military").as_deref(),
        Some("Royal Guard Army")
    );
    // "of" after it names another thing.
    let text = "Acme Corp. hired Maria Lopez. She joined their company of actors.";
    assert_eq!(linked(text, "company"), None);
    // What a person owns may be their own.
    let text = "Acme Corp. hired John Smith on Monday. He will leave his company in May.";
    assert_eq!(linked(text, "company"), None);
}

#[test]
fn a_noun_only_names_holding_it_fit_is_not_unsure_of_a_newer_place() {
    let text = "The fair took place at the Harbour Convention Centre, one of the largest in \
        Northern Europe. Fans filled all corners of the facility.";
    assert_eq!(
        linked(text, "facility").as_deref(),
        Some("Harbour Convention Centre")
    );
}

#[test]
fn a_noun_for_a_person_between_a_possessive_and_a_name_is_that_person() {
    let text = "Peter Holm was arrested on Monday. His lawyer Anna Berg said he was innocent.";
    assert_eq!(linked(text, "lawyer").as_deref(), Some("Anna Berg"));
    let text = "Rosenborg lost again. The club's coach Kjell Moe resigned on Friday.";
    assert_eq!(linked(text, "coach").as_deref(), Some("Kjell Moe"));
    // No possessive: a title, no description of its own.
    let text = "Peter Holm was arrested. Defence lawyer Anna Berg said he was innocent.";
    assert_eq!(linked(text, "lawyer"), None);
}

#[test]
fn to_and_a_verb_after_a_type_noun_say_what_it_is_to_do() {
    let text = "Acme Corp. lost money on Monday. The crisis forced the company to cut jobs.";
    assert_eq!(linked(text, "company").as_deref(), Some("Acme Corp."));
    // "to the ...": where it goes or what it belongs to, maybe another.
    let text = "Acme Corp. lost money on Monday. Workers walked from the company to the \
        station.";
    assert_eq!(linked(text, "company"), None);
}

#[test]
fn a_description_holds_a_name_whole_or_not_at_all() {
    // A description may hold a name ("Islam's holiest site"); none is a name's own words
    // again ("a-Mr" is a name here) or cuts one: mentions nest or lie apart.
    for text in [
        "Pilgrims travelled to Mecca, Islam's holiest site, on Monday.",
        "Joe Biden,a-Mr. went home.",
    ] {
        let mut all: Vec<_> = entities(text)
            .iter()
            .flat_map(|e| e.mentions.iter().map(|m| m.range()).collect::<Vec<_>>())
            .collect();
        all.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                let apart = a.end <= b.start;
                let nested = a.start <= b.start && b.end <= a.end && a != b;
                assert!(apart || nested, "{text}: {a:?} and {b:?}");
            }
        }
    }
    assert_eq!(
        linked(
            "Pilgrims travelled to Mecca, Islam's holiest site, on Monday.",
            "Islam's holiest site"
        )
        .as_deref(),
        Some("Mecca")
    );
}

#[test]
fn only_the_entities_that_gain_or_lose_mentions_leave_the_names_store() {
    use super::{Found, apply};
    use crate::domain::entity::{Kind, Mention, Mentions};
    use std::sync::Arc;
    // As clustering leaves them: one store, a range of it for each entity.
    let m = |start: u32, form| Mention::with_form(start as usize..start as usize + 2, form);
    let names = Arc::new(vec![
        m(0, Form::Name),
        m(20, Form::Name),
        m(10, Form::Name),
        m(40, Form::Name),
        m(50, Form::Name),
    ]);
    let entity = |name: &str, range| Entity {
        id: String::new(),
        name: name.into(),
        kind: Kind::Person,
        aliases: vec![name.into()],
        mentions: Mentions::shared(&names, range),
    };
    let mut entities = Arc::new(vec![
        entity("a", 0..2),
        entity("b", 2..3),
        entity("c", 3..5),
    ]);
    let found = Found {
        // "a" gains a pronoun; the name at 50 moves from "c" to "b" (a metonym).
        added: vec![(0, m(30, Form::Pronoun)), (1, m(50, Form::Name))],
        moved: vec![m(50, Form::Name)],
        cuts: Vec::new(),
    };
    apply(&mut entities, found);
    let starts = |e: &Entity| e.mentions.iter().map(|m| m.start).collect::<Vec<_>>();
    let by_name = |n: &str| entities.iter().find(|e| e.name == n).unwrap();
    assert_eq!(starts(by_name("a")), [0, 20, 30]);
    assert_eq!(starts(by_name("b")), [10, 50]);
    assert_eq!(starts(by_name("c")), [40]);
    let in_names = |e: &Entity| Arc::ptr_eq(e.mentions.store().0, &names);
    assert!(!in_names(by_name("a")) && !in_names(by_name("b")) && !in_names(by_name("c")));
    let moved = by_name("a").mentions.store().0;
    assert!(
        entities
            .iter()
            .all(|e| Arc::ptr_eq(e.mentions.store().0, moved)),
        "the changed ones share one new store"
    );

    // An entity nothing is added to and nothing moves from stays where it is, when the
    // entities are shared (as with the names' cast a reader shows meanwhile, which keeps
    // them as they were).
    let mut entities = Arc::new(vec![
        entity("a", 0..2),
        entity("b", 2..3),
        entity("c", 3..5),
    ]);
    let shown = Arc::clone(&entities);
    let added = || Found {
        added: vec![(1, m(30, Form::Pronoun))],
        moved: Vec::new(),
        cuts: Vec::new(),
    };
    apply(&mut entities, added());
    let by_name = |n: &str| entities.iter().find(|e| e.name == n).unwrap();
    assert_eq!(starts(by_name("b")), [10, 30]);
    assert!(Arc::ptr_eq(by_name("a").mentions.store().0, &names));
    assert!(Arc::ptr_eq(by_name("c").mentions.store().0, &names));
    assert_eq!(by_name("c").mentions.store().1, 3..5, "read in place");
    assert!(!Arc::ptr_eq(by_name("b").mentions.store().0, &names));
    assert_eq!(starts(&shown[1]), [10], "the shown entities as they were");

    // Not shared: all move to the new store, and the names' store is let go.
    drop((entities, shown));
    let mut entities = Arc::new(vec![
        entity("a", 0..2),
        entity("b", 2..3),
        entity("c", 3..5),
    ]);
    apply(&mut entities, added());
    let store = entities[0].mentions.store().0;
    assert!(
        entities
            .iter()
            .all(|e| Arc::ptr_eq(e.mentions.store().0, store))
    );
    assert_eq!(store.len(), 6);
    drop(entities);
    assert_eq!(
        Arc::strong_count(&names),
        1,
        "only this test holds the names' store"
    );
}
