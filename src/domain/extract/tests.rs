//! End-to-end behaviour of the extractor, rule by rule, on sentences written for these tests
//! and a tiny knowledge base (`knowledge::tests::tiny`), so each rule is seen alone.

use super::Extractor;
use super::knowledge::tests::tiny;
use crate::domain::entity::{Entity, Form, Kind};

fn run(text: &str) -> Vec<Entity> {
    let mut ex = Extractor::with_knowledge(tiny());
    ex.feed(0, text);
    ex.finish()
}

/// Each entity as (name, kind, mention texts in order).
fn clusters(text: &str) -> Vec<(String, Kind, Vec<String>)> {
    run(text)
        .into_iter()
        .map(|e| {
            let mentions = e
                .mentions
                .iter()
                .map(|m| text[m.range()].to_string())
                .collect();
            (e.name, e.kind, mentions)
        })
        .collect()
}

fn find(text: &str, name: &str) -> Option<(Kind, Vec<String>)> {
    clusters(text)
        .into_iter()
        .find(|(n, _, _)| n == name)
        .map(|(_, k, m)| (k, m))
}

fn names(text: &str) -> Vec<String> {
    clusters(text).into_iter().map(|(n, _, _)| n).collect()
}

fn kind_of(text: &str, name: &str) -> Option<Kind> {
    find(text, name).map(|(k, _)| k)
}

// ---- each kind ----

#[test]
fn countries_places_organisations_and_groups_come_from_the_gazetteer() {
    let text = "Norway sent aid to Gaza through the United Nations, and Arab states agreed.";
    assert_eq!(kind_of(text, "Norway"), Some(Kind::Country));
    assert_eq!(kind_of(text, "Gaza"), Some(Kind::Place));
    assert_eq!(kind_of(text, "United Nations"), Some(Kind::Organization));
    assert_eq!(kind_of(text, "Arab"), Some(Kind::Group));
}

#[test]
fn people_are_found_by_given_names_titles_and_speech() {
    assert_eq!(
        kind_of("Talks with Maria Lindqvist ended.", "Maria Lindqvist"),
        Some(Kind::Person)
    );
    assert_eq!(
        kind_of("He met President Kaspar Ulvang there.", "Kaspar Ulvang"),
        Some(Kind::Person)
    );
    assert_eq!(
        kind_of("The plan failed, Ulvang said on radio.", "Ulvang"),
        Some(Kind::Person)
    );
}

#[test]
fn organisation_and_place_words_type_unknown_names() {
    let text = "Staff of the Fjordland Shipping Company sailed up the Vessel River.";
    assert_eq!(
        kind_of(text, "Fjordland Shipping Company"),
        Some(Kind::Organization)
    );
    assert_eq!(kind_of(text, "Vessel River"), Some(Kind::Place));
}

#[test]
fn dates_and_figures_are_found() {
    let text = "On March 3, 2022 about 300 workers left for three days. Talks resumed Tuesday.";
    let c = clusters(text);
    let of_kind = |k: Kind| -> Vec<String> {
        c.iter()
            .filter(|(_, kind, _)| *kind == k)
            .flat_map(|(_, _, m)| m.clone())
            .collect()
    };
    assert_eq!(of_kind(Kind::Date), ["March 3, 2022", "Tuesday"]);
    assert_eq!(of_kind(Kind::Number), ["about 300 workers", "three days"]);
}

// ---- each alias kind ----

#[test]
fn a_title_is_not_part_of_the_name_and_a_surname_alone_joins_the_person() {
    let text =
        "Prime Minister Benjamin Okafor spoke. Later, Okafor left and Okafor's aides stayed.";
    let (kind, mentions) = find(text, "Benjamin Okafor").unwrap();
    assert_eq!(kind, Kind::Person);
    assert_eq!(mentions, ["Benjamin Okafor", "Okafor", "Okafor"]);
}

#[test]
fn a_possessive_is_not_part_of_the_span_attached_or_tokenised() {
    let text = "We read Norway's reply and Chile 's answer.";
    assert_eq!(find(text, "Norway").unwrap().1, ["Norway"]);
    assert_eq!(find(text, "Chile").unwrap().1, ["Chile"]);
}

#[test]
fn a_demonym_acting_for_its_state_is_a_mention_of_the_country() {
    let text = "Norway voted. Norwegian officials objected, and Norwegian Prime Minister Maria Berg agreed.";
    let (kind, mentions) = find(text, "Norway").unwrap();
    assert_eq!(kind, Kind::Country);
    assert_eq!(mentions, ["Norway", "Norwegian", "Norwegian"]);
    assert_eq!(kind_of(text, "Maria Berg"), Some(Kind::Person));
    let norway = run(text).into_iter().find(|e| e.name == "Norway").unwrap();
    let forms: Vec<Form> = norway.mentions.iter().map(|m| m.form).collect();
    assert_eq!(forms, [Form::Name, Form::Demonym, Form::Demonym]);
}

#[test]
fn a_demonym_for_people_is_a_nationality_group_unless_the_country_is_named() {
    let named = "Norway voted while Norwegian fishermen protested.";
    assert_eq!(find(named, "Norway").unwrap().1, ["Norway", "Norwegian"]);
    let text = "Chile voted while Norwegian fishermen and Norwegians protested.";
    assert_eq!(
        find(text, "Norwegian"),
        Some((Kind::Group, vec!["Norwegian".into(), "Norwegians".into()]))
    );
    let group = run(text)
        .into_iter()
        .find(|e| e.name == "Norwegian")
        .unwrap();
    // The adjective ("Norwegian fishermen") is a demonym; the plural names the people.
    let forms: Vec<Form> = group.mentions.iter().map(|m| m.form).collect();
    assert_eq!(forms, [Form::Demonym, Form::Name]);
}

#[test]
fn an_acronym_defined_in_brackets_joins_its_long_form() {
    let text = "The Nordic Fishing Council (NFC) met. Later the NFC voted.";
    let (kind, mentions) = find(text, "Nordic Fishing Council").unwrap();
    assert_eq!(kind, Kind::Organization);
    assert_eq!(mentions, ["Nordic Fishing Council", "NFC", "NFC"]);
}

#[test]
fn an_acronym_of_the_initials_of_a_name_in_the_text_joins_it() {
    let text = "The Baltic Trade Agency grew. BTA staff doubled.";
    assert_eq!(
        find(text, "Baltic Trade Agency").unwrap().1,
        ["Baltic Trade Agency", "BTA"]
    );
}

#[test]
fn us_aliases_are_one_country() {
    let text = "The United States and the U.S. Navy differ; US envoys and America agree.";
    let (kind, mentions) = find(text, "United States").unwrap();
    assert_eq!(kind, Kind::Country);
    assert_eq!(mentions, ["United States", "US", "America"]);
    assert!(names(text).contains(&"U.S. Navy".to_string()));
}

#[test]
fn the_united_nations_alias_un_is_one_entity() {
    let text = "The United Nations warned. The UN also said U.N. staff left.";
    let (_, mentions) = find(text, "United Nations").unwrap();
    assert_eq!(mentions, ["United Nations", "UN", "U.N."]);
}

// ---- traps ----

#[test]
fn sentence_initial_capitals_are_not_names() {
    let text = "Amid rain, Chile waited. While talks went on, Norway paid. Ultimately it failed. \
                Key players left. Acting fast, Chile won. Convincing Norway took weeks.";
    assert_eq!(names(text), ["Chile", "Norway"]);
}

#[test]
fn a_headline_in_capitals_gives_only_known_names() {
    let text = "CHILE AND NORWAY SIGN FISHING PACT\nChile signed.";
    let c = clusters(text);
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!(find(text, "Chile").unwrap().1, ["CHILE", "Chile"]);
}

#[test]
fn a_dateline_in_capitals_is_a_known_place() {
    let text = "NEW YORK (Wire) - Chile and Norway met.";
    assert_eq!(find(text, "New York").unwrap().1, ["NEW YORK"]);
}

#[test]
fn a_title_alone_is_not_an_entity() {
    assert!(names("The Prime Minister said the President would come.").is_empty());
}

#[test]
fn the_determiner_is_not_part_of_the_span() {
    let text = "He thanked the United States.";
    let (_, mentions) = find(text, "United States").unwrap();
    assert_eq!(mentions, ["United States"]);
}

#[test]
fn a_name_typed_once_keeps_its_kind_everywhere() {
    let text = "Sen. Tobias Raanes spoke. Raanes left. Then Raanes returned.";
    let (kind, mentions) = find(text, "Tobias Raanes").unwrap();
    assert_eq!(kind, Kind::Person);
    assert_eq!(mentions.len(), 3);
}

#[test]
fn administration_after_a_leader_is_the_government() {
    let text = "The Ortega administration and the Ortega administration's allies.";
    let (kind, mentions) = find(text, "Ortega administration").unwrap();
    assert_eq!(kind, Kind::Organization);
    assert_eq!(mentions.len(), 2);
}

// ---- guarantees ----

#[test]
fn mentions_are_sorted_disjoint_and_match_their_text_on_any_input() {
    let inputs = [
        "ÉCOLE Ünïcødé Straße 's 'S ’s — “Quoted” (UN) (X) & && Ø.Ø. 1,2,3 2020-01-01",
        "A\u{0}B\u{200d}C Mr. Mrs. U.S.A. e.g. i.e. St. Jr.",
        "( ( ( ) ) ) , , . . ! ? ; : - -- — … ' ' \" \"",
        "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 العربية 中文 日本語 한국어 Ελληνικά Русский",
        "",
        "\r\n\r\n\n\r",
    ];
    for text in inputs {
        let entities = run(text);
        let mut all = vec![];
        for e in &entities {
            assert!(e.mentions.windows(2).all(|w| w[0].end <= w[1].start));
            for m in &e.mentions {
                assert!(text.get(m.range()).is_some(), "{text:?} {m:?}");
                all.push(m.range());
            }
        }
        all.sort_by_key(|r| r.start);
        assert!(all.windows(2).all(|w| w[0].end <= w[1].start), "{text:?}");
    }
}

#[test]
fn feeding_in_pieces_gives_the_same_result_as_at_once() {
    let text = "Norway met Chile.\nMaria Berg said Berg would go.\nThe UN agreed.\n";
    let whole = run(text);
    let mut ex = Extractor::with_knowledge(tiny());
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        ex.feed(at, line);
        at += line.len();
    }
    assert_eq!(ex.finish(), whole);
}

#[test]
fn a_name_broken_over_a_wrapped_line_is_whole_fed_at_once_or_in_paragraphs() {
    let text = "Protesters gathered on Tuesday outside the offices of the Vantoro Dockers\r\n\
                Union in Oslo, and a spokesman for the Vantoro Dockers Union said it had to\n\
                stop.\n\nNorway waited for the Vantoro Dockers Union to call the strike off\n\
                and Chile agreed.\n";
    let whole = run(text);
    let (_, mentions) = find(text, "Vantoro Dockers Union").unwrap();
    assert_eq!(mentions.len(), 3);
    assert!(mentions[0].contains("Dockers\r\nUnion"));
    // Cut at paragraph breaks, as documents are read on several threads (`pieces`).
    let mut ex = Extractor::with_knowledge(tiny());
    let mut at = 0;
    for paragraph in text.split_inclusive("\n\n") {
        ex.feed(at, paragraph);
        at += paragraph.len();
    }
    assert_eq!(ex.finish(), whole);
}

#[test]
fn a_huge_line_is_handled_in_linear_time() {
    let text = "Norway and Chile met in Oslo. ".repeat(20_000);
    let entities = run(&text);
    let norway = entities.iter().find(|e| e.name == "Norway").unwrap();
    assert_eq!(norway.mentions.len(), 20_000);
}

// ---- context rules ----

#[test]
fn nouns_around_a_name_say_what_it_is() {
    let text = "The mayor of Brelund spoke to a spokesman for Vantor. Vantor shares fell. \
                The poet Ilse Marrow, 54, was there. Kelvik is a fishing village.";
    assert_eq!(kind_of(text, "Brelund"), Some(Kind::Place));
    assert_eq!(kind_of(text, "Vantor"), Some(Kind::Organization));
    assert_eq!(kind_of(text, "Ilse Marrow"), Some(Kind::Person));
    assert_eq!(kind_of(text, "Kelvik"), Some(Kind::Place));
}

#[test]
fn a_name_before_a_known_region_is_a_place() {
    assert_eq!(
        kind_of("She was born in Tarnby, Norway, in spring.", "Tarnby"),
        Some(Kind::Place)
    );
}

#[test]
fn a_known_place_followed_by_more_name_words_is_part_of_a_longer_name() {
    let text = "He played for Oslo Rovers and later Oslo Vikings.";
    assert_eq!(kind_of(text, "Oslo Rovers"), Some(Kind::Organization));
    assert!(names(text).contains(&"Oslo Vikings".to_string()));
    assert!(!names(text).contains(&"Oslo".to_string()));
}

/// Random text from a pool of troublesome pieces, with the real built-in knowledge: no panic,
/// and every mention is a valid, disjoint range of the text.
#[test]
fn random_text_never_panics_with_the_builtin_knowledge() {
    const POOL: &[&str] = &[
        "The",
        "the",
        "U.S.",
        "US",
        "Mr.",
        "Dr",
        "'s",
        "’s",
        "'",
        "’",
        "-",
        "‐",
        "&",
        "(",
        ")",
        ",",
        ".",
        "!",
        "?",
        ":",
        "\"",
        "“",
        "”",
        "—",
        "\n",
        "\r\n",
        " ",
        "  ",
        "\t",
        "é",
        "Ünïcødé",
        "ÉTAT",
        "İstanbul",
        "ß",
        "ǅ",
        "🙂",
        "\u{200d}",
        "\u{301}",
        "中文",
        "العربية",
        "Israel",
        "Israeli",
        "Prime",
        "Minister",
        "of",
        "and",
        "de",
        "al-",
        "Bank",
        "America",
        "2023-11-08",
        "1,000",
        "3.5",
        "roughly",
        "three",
        "days",
        "November",
        "8",
        "May",
        "1990s",
        "12th",
        "NATO",
        "(UN)",
        "administration",
        "said",
        "Washington",
        "New",
        "York",
        "St.",
        "A.",
        "I",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        crate::domain::shuffled::step(&mut seed);
        seed
    };
    for _ in 0..300 {
        let len = (next() % 60) as usize;
        let mut text = String::new();
        for _ in 0..len {
            text.push_str(POOL[(next() % POOL.len() as u64) as usize]);
            if next() % 3 == 0 {
                text.push(' ');
            }
        }
        let entities = super::extract(&text).entities;
        let mut all: Vec<_> = entities
            .iter()
            .flat_map(|e| e.mentions.iter().map(|m| m.range()))
            .collect();
        for r in &all {
            assert!(
                text.get(r.clone()).is_some_and(|s| !s.is_empty()),
                "{text:?} {r:?}"
            );
        }
        all.sort_by_key(|r| r.start);
        assert!(all.windows(2).all(|w| w[0].end <= w[1].start), "{text:?}");
    }
}

#[test]
fn a_company_is_also_named_without_its_legal_suffix() {
    let text = "Vantoro Holdings bought a mill. Then Vantoro sold it, and Vantoro shares fell.";
    let (kind, mentions) = find(text, "Vantoro Holdings").unwrap();
    assert_eq!(kind, Kind::Organization);
    assert_eq!(mentions, ["Vantoro Holdings", "Vantoro", "Vantoro"]);
}

#[test]
fn known_names_joined_by_small_words_stay_whole() {
    let k = super::knowledge::tests::tiny();
    assert!(
        k.name("Bosnia and Herzegovina").is_none(),
        "not in the tiny gazetteer"
    );
    // With the built-in gazetteer, a country whose name holds "and" is one mention.
    let entities =
        super::extract("Bosnia and Herzegovina joined, and Israel and Chile did not.").entities;
    let names: Vec<&str> = entities.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"Bosnia and Herzegovina"), "{names:?}");
    assert!(
        names.contains(&"Israel") && names.contains(&"Chile"),
        "{names:?}"
    );
}

#[test]
fn huge_runs_of_capitalised_words_stay_linear() {
    let words = "Norway Chile Oslo Vessel River Maria Berg ".repeat(30_000);
    let entities = run(&words);
    assert!(!entities.is_empty());
    let caps = "NORWAY CHILE OSLO VESSEL RIVER ".repeat(30_000);
    let entities = run(&caps);
    assert!(entities.iter().any(|e| e.name == "Chile"));
}

#[test]
fn a_noun_after_a_name_can_say_what_it_is() {
    let text = "Members of the Varda party met in the Kessen region.";
    assert_eq!(kind_of(text, "Varda"), Some(Kind::Organization));
    assert_eq!(kind_of(text, "Kessen"), Some(Kind::Place));
}

/// The reader runs extraction on a worker thread.
#[test]
fn the_extractor_can_move_to_another_thread() {
    fn send<T: Send + 'static>(_: &T) {}
    let ex = Extractor::new();
    send(&ex);
    let handle = std::thread::spawn(move || {
        let mut ex = ex;
        ex.feed(0, "Israel and Qatar met.\n");
        ex.finish()
    });
    let entities = handle.join().unwrap();
    assert!(entities.iter().any(|e| e.name == "Qatar"));
}

#[test]
fn a_plural_of_a_common_noun_after_the_is_a_team_or_band() {
    let text = "He signed with the Harbor Hawks and later the Hawks won.";
    // "hawk" is not in the tiny lexicon, so only the built-in knowledge can tell.
    let entities = super::extract(text).entities;
    let hawks = entities.iter().find(|e| e.name == "Hawks").unwrap();
    assert_eq!(hawks.kind, Kind::Organization);
}

#[test]
fn a_common_word_before_a_given_name_is_a_description() {
    let text = "The team named senior player Senior Maria Lindqvist captain.";
    assert!(
        names(text).contains(&"Maria Lindqvist".to_string()),
        "{:?}",
        names(text)
    );
}

/// Time and memory of the extractor alone on a big file, fed as the reader feeds it (1 MB
/// pieces ending at line ends). `DRAMATIS_BIG=/tmp/corpus/text_100m.txt cargo test --release
/// --lib big_file -- --ignored --nocapture`
#[test]
#[ignore = "a measurement on a big file, run by hand"]
fn big_file_throughput() {
    fn peak_kb() -> u64 {
        let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse().ok())
            .unwrap_or(0)
    }
    let path = std::env::var("DRAMATIS_BIG").unwrap_or("/tmp/corpus/text_100m.txt".into());
    let bytes = std::fs::read(&path).expect("DRAMATIS_BIG file");
    let text = std::str::from_utf8(&bytes).expect("UTF-8");
    let before = peak_kb();
    let t = std::time::Instant::now();
    let mut ex = Extractor::new();
    let mut at = 0;
    while at < text.len() {
        let mut end = (at + (1 << 20)).min(text.len());
        while end < text.len() && text.as_bytes()[end - 1] != b'\n' {
            end += 1;
        }
        ex.feed(at, &text[at..end]);
        at = end;
    }
    let fed = t.elapsed();
    let fed_peak = peak_kb();
    let entities = ex.finish();
    let all = t.elapsed();
    let mentions: usize = entities.iter().map(|e| e.mentions.len()).sum();
    eprintln!(
        "{path}: {} MB, feed {:.2} s, finish {:.2} s, {:.1} MB/s, {} entities, {mentions} mentions, \
         peak RSS {} MB (after feed {} MB, file read before: {} MB)",
        text.len() / 1_000_000,
        fed.as_secs_f64(),
        all.saturating_sub(fed).as_secs_f64(),
        text.len() as f64 / 1e6 / all.as_secs_f64(),
        entities.len(),
        peak_kb() / 1000,
        fed_peak / 1000,
        before / 1000,
    );
}

#[test]
fn a_contracted_pronoun_is_no_name() {
    let text = "John Key said: \"In the end I'll have one vote. It's late, and We're done.\"";
    assert_eq!(names(text), ["John Key"]);
}
