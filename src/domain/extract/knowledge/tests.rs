use std::collections::HashSet;

use super::super::compile::{Sources, key_of};
use super::*;

/// A tiny knowledge base written for the tests of the whole extractor.
pub fn tiny() -> &'static Knowledge {
    static K: OnceLock<Knowledge> = OnceLock::new();
    K.get_or_init(|| {
        let rules = builtin_rules();
        Knowledge::parse(&Sources {
            countries: "# name\taliases\tdemonyms\tcode\n\
                Israel\t\tIsraeli|Israelis\tIL\n\
                United States\tUnited States of America|U.S.|US|USA|America\tAmerican|Americans\tUS\n\
                Norway\tKingdom of Norway\tNorwegian|Norwegians\tNO\n\
                Chile\t\tChilean|Chileans\tCL\n\
                Georgia\t\tGeorgian\tGE\n",
            places: "Oslo\tcity\tNO\t700000\t\n\
                Gaza\tregion\tPS\t2000000\tGaza Strip\n\
                Georgia\tregion\tUS\t10000000\n\
                Valparaíso\tcity\tCL\t300000\n\
                New York\tcity\tUS\t8000000\tNew York City|NYC\n",
            organizations: "United Nations\tUN|U.N.\tigo\n\
                Hamas\t\tmilitant\n\
                World Bank\t\tigo\n",
            groups: "Arab\tArabs\nMuslim\tMuslims\n",
            given_names: "Benjamin\nMaria\nJohn\nTomas\nWill\n",
            surnames: "Ortega\nSmith\n",
            lowercase_words: "the\t7.7\t0\namid\t4.5\t0\nkey\t5.3\t0\nacting\t4.6\t0\n\
                while\t5.9\t0\nultimately\t4.4\t0\nconvincing\t4.0\t0\nwill\t6.2\t1\n\
                new\t6.3\t1\nsmith\t4.0\t1\nsaid\t6.2\t0\nofficials\t5.0\t0\n\
                strong\t5.2\t0\nstorms\t4.1\t0\nhit\t5.2\t0\nhits\t4.6\t0\ncoast\t4.8\t1\n\
                minister\t5.0\t1\nprime\t4.8\t0\nsupport\t5.5\t0\nsenior\t4.9\t0\n",
            titles: "Prime Minister\nPresident\nMr.\nMr\nDr.\nForeign Minister\nMinister\nSen.\nGeneral\n",
            ..rules
        })
    })
}

fn builtin_rules() -> Sources<'static> {
    Sources {
        org_words: include_str!("../../../../assets/rules/org_words.txt"),
        place_words: include_str!("../../../../assets/rules/place_words.txt"),
        event_words: include_str!("../../../../assets/rules/event_words.txt"),
        function_words: include_str!("../../../../assets/rules/function_words.txt"),
        person_cues: include_str!("../../../../assets/rules/person_cues.txt"),
        class_nouns: include_str!("../../../../assets/rules/class_nouns.tsv"),
        metonyms: include_str!("../../../../assets/rules/metonyms.tsv"),
        given_name_genders: include_str!("../../../../assets/gazetteer/given_name_genders.tsv"),
        ..Sources::default()
    }
}

#[test]
fn names_aliases_and_demonyms_point_to_one_canonical_entry() {
    let k = tiny();
    let us = k.name("United States").unwrap();
    assert_eq!(k.name("U.S.").unwrap().canon, us.canon);
    assert_eq!(k.name("America").unwrap().canon, us.canon);
    let am = k.name("American").unwrap();
    assert!(am.demonym);
    assert_eq!(am.canon, us.canon);
    assert_eq!(k.canon(us).kind, Kind::Country);
}

#[test]
fn a_country_outranks_a_place_of_the_same_name() {
    let k = tiny();
    assert_eq!(k.canon(k.name("Georgia").unwrap()).kind, Kind::Country);
}

#[test]
fn parsing_tolerates_missing_and_extra_columns() {
    let k = Knowledge::parse(&Sources {
        countries: "Peru\n# comment\n\nChad\t\t\t\textra\tcols\n",
        lowercase_words: "word\nother\tnotanumber\t1\n",
        titles: "Chief Executive\n",
        ..Sources::default()
    });
    assert!(k.name("Peru").is_some());
    assert!(k.name("Chad").is_some());
    assert!(k.lower_word("word").is_some());
    assert!(k.lower_word("other").unwrap().also_name);
    assert!(k.is_title("chief executive"));
    let b = builtin();
    for w in ["Ministry", "River", "Summit", "Israel", "minister"] {
        let any = b.is_org_word(w) || b.is_place_word(w) || b.is_event_word(w);
        assert_eq!(b.is_kind_word(w), any, "{w}");
    }
    assert!(b.is_kind_word("Ministry"));
    assert_eq!(k.max_title_words, 2);
    let k = tiny();
    assert!(k.starts_name_of_two_or_more("United States"));
    assert!(k.starts_name_of_two_or_more("New York"));
    assert!(k.starts_name_of_two_or_more("Gaza Strip"));
    assert!(!k.starts_name_of_two_or_more("United Kingdom"));
    assert!(!k.starts_name_of_two_or_more("United"));
}

#[test]
fn the_built_in_tables_are_there() {
    let k = builtin();
    let norway = k.name("Norway").expect("Norway is in the gazetteer");
    assert_eq!(k.canon(norway).kind, Kind::Country);
    assert_eq!(k.canon(k.name("Oslo").unwrap()).name, "Oslo");
    assert!(k.max_name_words >= 4 && k.max_title_words >= 2);
    assert!(k.lower_word("the").is_some_and(|w| w.zipf > 7.0));
    assert!(k.is_function_word("the") && k.is_title("president"));
}

#[test]
fn the_most_populous_place_of_a_name_is_meant_and_a_list_is_sorted_once() {
    let k = Knowledge::parse(&Sources {
        places: "Springfield\tcity\tUS\t100\nSpringfield\tcity\tUS\t900\nAlba\tcity\t\t5\n",
        lowercase_words: "zeta\t3.5\t0\nalpha\t4.25\t1\nalpha\t5\t0\n",
        ..Sources::default()
    });
    let springfield = k.canon(k.name("Springfield").unwrap());
    assert_eq!(
        (springfield.kind, springfield.population),
        (Kind::Place, 900)
    );
    assert_eq!(
        k.lower_word("alpha"),
        Some(LowerWord {
            zipf: 4.25,
            also_name: true
        }),
        "the first line of a word counts"
    );
    assert!(k.lower_word("zeta").is_some() && k.lower_word("beta").is_none());
    // Ids follow the sorted lines: Alba first.
    assert_eq!(k.canon_of(PLACE_BASE).name, "Alba");
    assert_eq!(k.canon_of(PLACE_BASE + 3), NONE, "past the last place");
    assert_eq!(k.canon_of(77), NONE, "past the last entry");
}

#[test]
fn genders_metonyms_classes_and_title_ends_are_compiled() {
    let k = Knowledge::parse(&Sources {
        countries: "Russia\t\tRussian\tRU\n",
        organizations: "Acme\t\tcompany\nLabour Party\tLabour\tparty\nNobody\n",
        places: "Moscow\tcity\tRU\t12000000\nUrals\tregion\tRU\t\n",
        given_name_genders: "Zoe\tf\nAdam\tm\nAdam\tf\nKim\t?\n",
        metonyms: "Kremlin\tRussia|Russian Government\nMoscow\tRussia\n",
        titles: "Prime Minister\nDefence Secretary\nPresident\n",
        ..Sources::default()
    });
    assert_eq!(k.gender_of_given_name("Zoe"), Some(Gender::Female));
    assert_eq!(
        k.gender_of_given_name("Adam"),
        Some(Gender::Male),
        "first line"
    );
    assert_eq!(k.gender_of_given_name("Kim"), None);
    assert_eq!(k.gender_of_given_name("Nobody"), None);
    let targets: Vec<_> = k.metonym("Kremlin").collect();
    assert_eq!(targets, ["Russia", "Russian Government"]);
    assert_eq!(k.metonym("Moscow").collect::<Vec<_>>(), ["Russia"]);
    assert_eq!(k.metonym("Paris").count(), 0);
    let class = |name| k.canon(k.name(name).unwrap()).class;
    assert_eq!(class("Acme"), "company");
    assert_eq!(class("Labour"), "party");
    assert_eq!(class("Nobody"), "");
    assert_eq!(class("Russia"), "country");
    assert_eq!(class("Moscow"), "city");
    assert_eq!(class("Urals"), "region");
    assert!(k.ends_a_title("minister") && k.ends_a_title("secretary"));
    assert!(k.ends_a_title("president") && !k.ends_a_title("prime"));
    let b = builtin();
    assert_eq!(b.gender_of_given_name("Mary"), Some(Gender::Female));
    assert!(b.metonym("Kremlin").next().is_some());
}

#[test]
fn empty_knowledge_knows_nothing() {
    let k = Knowledge::parse(&Sources::default());
    assert!(k.name("Norway").is_none() && k.lower_word("the").is_none());
    assert!(!k.is_given_name("Ola") && !k.is_title("president"));
    assert_eq!(k.max_name_words, 0);
}

/// The first words of the titles of several words in `titles`, as `compile` reads them.
fn title_firsts(titles: &str) -> HashSet<String> {
    (titles.split('\n'))
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let key = key_of(l.split('\t').next()?.trim()).to_lowercase();
            Some(key.split_once(' ')?.0.to_string())
        })
        .collect()
}

/// What `word` says of `key` against each list's own lookup (and the first words of the
/// titles, which have none).
fn assert_word_agrees(k: &Knowledge, firsts: &HashSet<String>, key: &str) {
    let w = k.word(key);
    assert_eq!(w.is(word::TITLE_FIRST), firsts.contains(key), "{key:?}");
    let each = [
        (word::GIVEN_NAME, k.is_given_name(key)),
        (word::SURNAME, k.is_surname(key)),
        (word::TITLE, k.is_title(key)),
        (word::ORG_WORD, k.is_org_word(key)),
        (word::PLACE_WORD, k.is_place_word(key)),
        (word::EVENT_WORD, k.is_event_word(key)),
        (word::KIND_WORD, k.is_kind_word(key)),
        (word::FUNCTION_WORD, k.is_function_word(key)),
        (word::STARTS_NAME, k.starts_longer_name(key)),
        (word::TITLE_LAST, k.ends_a_title(key)),
    ];
    for (bit, said) in each {
        assert_eq!(w.is(bit), said, "{key:?}, bit {bit}");
    }
    assert_eq!(w.common(), k.lower_word(key), "{key:?}");
    let lower = key.to_ascii_lowercase();
    assert_eq!(
        k.capitalised(lower.as_bytes()).lowered,
        k.word(&lower),
        "{key:?}"
    );
    if tables::is_capitalised_form(key.as_bytes()) {
        let one = k.capitalised(lower.as_bytes());
        assert_eq!(one.written, w.bits, "{key:?}");
        assert_eq!(one.name, k.name(key), "{key:?}");
    }
}

/// Keys and near misses of a list's lines: the first cell as written, in lower case, in
/// capitals, capitalised, a letter longer or shorter, and each of its words.
fn keys_and_near_misses(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let cell = line.split('\t').next().unwrap_or("").trim();
        if cell.is_empty() {
            continue;
        }
        let mut chars = cell.chars();
        let first = chars.next().map(|c| c.to_uppercase().collect::<String>());
        out.extend([
            cell.to_string(),
            cell.to_lowercase(),
            cell.to_uppercase(),
            first.unwrap_or_default() + chars.as_str(),
            format!("{cell}s"),
            cell.chars().skip(1).collect(),
        ]);
        out.extend(cell.split(' ').map(|w| w.to_lowercase()));
    }
    out
}

#[test]
fn one_word_lookup_answers_as_each_list_does_for_the_built_in_lists() {
    let k = builtin();
    let titles = include_str!("../../../../assets/gazetteer/titles.txt");
    let firsts = title_firsts(titles);
    assert!(firsts.contains("prime"));
    let lists = [
        include_str!("../../../../assets/gazetteer/given_names.txt"),
        include_str!("../../../../assets/gazetteer/surnames.txt"),
        include_str!("../../../../assets/gazetteer/lowercase_words.tsv"),
        titles,
        include_str!("../../../../assets/rules/org_words.txt"),
        include_str!("../../../../assets/rules/place_words.txt"),
        include_str!("../../../../assets/rules/event_words.txt"),
        include_str!("../../../../assets/rules/function_words.txt"),
        include_str!("../../../../assets/rules/person_cues.txt"),
        include_str!("../../../../assets/gazetteer/countries.tsv"),
        include_str!("../../../../assets/gazetteer/organizations.tsv"),
        include_str!("../../../../assets/gazetteer/groups.tsv"),
        include_str!("../../../../assets/gazetteer/places.tsv"),
    ];
    let mut keys = 0;
    for list in lists {
        for key in keys_and_near_misses(list) {
            assert_word_agrees(k, &firsts, &key);
            keys += 1;
        }
    }
    assert!(keys > 100_000, "{keys}");
    assert!(k.word("United").is(word::STARTS_NAME) && !k.word("said").is(word::STARTS_NAME));
    // Words of no list: random letters, and the empty word.
    let mut seed = 0x5eed_0f0b_d5d5;
    for _ in 0..20_000 {
        let n = 1 + crate::domain::shuffled::step(&mut seed) % 9;
        let key: String = (0..n)
            .map(|_| char::from(b'a' + (crate::domain::shuffled::step(&mut seed) % 26) as u8))
            .collect();
        assert_word_agrees(k, &firsts, &key);
    }
    assert_eq!(k.word(""), Word::default());
    assert!(k.word("the").is(word::FUNCTION_WORD) && k.word("Ministry").is(word::ORG_WORD));
}

#[test]
fn one_word_lookup_keeps_the_first_line_of_a_common_word() {
    let titles = "Prime Minister\nZeta\n";
    let k = Knowledge::parse(&Sources {
        lowercase_words: "alpha\t4.25\t1\nalpha\t5\t0\nzeta\t3.5\t0\n",
        given_names: "Alpha\nZeta\n",
        titles,
        function_words: "zeta\n",
        ..Sources::default()
    });
    let firsts = title_firsts(titles);
    for key in [
        "alpha",
        "Alpha",
        "zeta",
        "Zeta",
        "prime",
        "minister",
        "prime minister",
        "x",
    ] {
        assert_word_agrees(&k, &firsts, key);
    }
    assert_eq!(k.word("alpha").common().map(|w| w.zipf), Some(4.25));
    assert!(k.word("prime").is(word::TITLE_FIRST) && !k.word("minister").is(word::TITLE_FIRST));
    let tiny_firsts = title_firsts("Prime Minister\nForeign Minister\n");
    assert_word_agrees(tiny(), &tiny_firsts, "will");
    assert_word_agrees(tiny(), &tiny_firsts, "Will");
}

#[test]
fn ascii_keys_are_title_cased_as_any_key_is() {
    for key in [
        "BANK OF AMERICA",
        "GUINEA-BISSAU",
        "THE HAGUE",
        "OF THE",
        "ST. LOUIS",
        "U.S. AND U.K.",
        "PORT OF SPAIN-ON-SEA",
        "AL-QAEDA DE LA",
        "x",
        "",
        "A  B",
        "McDONALD'S 3M",
    ] {
        assert_eq!(ascii_title_case(key), any_title_case(key), "{key:?}");
    }
    assert_eq!(title_case("BANK OF AMERICA"), "Bank of America");
    assert_eq!(title_case("ÉCOLE DE PARIS"), "École de Paris");
}

#[test]
fn capitalised_headline_forms_need_three_letters() {
    let k = tiny();
    assert_eq!(k.upper_name("ISRAEL"), k.name("Israel"));
    assert!(k.upper_name("ISRAEL").is_some());
    assert!(k.upper_name("US").is_none());
    assert_eq!(k.upper_name("NEW YORK"), k.name("New York"));
}

/// `upper_name` looks a key of several words up only after its first two words: it must find
/// what looking up the key as written and in title case finds.
#[test]
fn a_name_in_capitals_is_found_as_both_lookups_find_it() {
    let k = super::builtin();
    let keys = [
        "BANK OF AMERICA",
        "THE HAGUE",
        "UNITED STATES",
        "UNITED STATES OF AMERICA",
        "NEW YORK CITY",
        "NORTH KOREA",
        "WORKERS' PARTY OF KOREA",
        "KOREAN PEOPLE'S ARMY",
        "GUINEA-BISSAU",
        "BOSNIA AND HERZEGOVINA",
        "NATO",
        "NOT A NAME AT ALL",
        "ÖSTERREICHISCHE VOLKSPARTEI",
        "THE NEW YORK TIMES",
        "UN",
    ];
    for key in keys {
        let both = if key.chars().filter(|c| c.is_alphabetic()).count() < 3 {
            None
        } else {
            k.name(key).or_else(|| k.name(&super::title_case(key)))
        };
        assert_eq!(k.upper_name(key), both, "{key}");
    }
    assert!(k.upper_name("BANK OF AMERICA").is_some() && k.upper_name("NORTH KOREA").is_some());
}

#[test]
fn a_names_kind_is_its_entrys_kind() {
    let b = builtin();
    let names = [
        "Norway",
        "Oslo",
        "Madrid",
        "United States",
        "Reuters",
        "Israeli",
    ];
    for r in names.iter().filter_map(|n| b.name(n)) {
        assert_eq!(b.kind(r), b.canon(r).kind, "{r:?}");
    }
    assert_eq!(b.kind(b.name("Oslo").unwrap()), Kind::Place);
    let past_the_end = NameRef {
        canon: u32::MAX,
        demonym: false,
    };
    assert_eq!(b.kind(past_the_end), b.canon(past_the_end).kind);
}
