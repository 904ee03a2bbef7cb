//! The kinds and the edges of names on news-like sentences written for these tests (every name
//! is invented, unless it is a country or a well-known place): what the words inside and around
//! a name say it is, and where punctuation ends it.

use super::news_tests::clusters;
use crate::domain::entity::Kind;

fn kind_of(text: &str, name: &str) -> Option<Kind> {
    clusters(text)
        .into_iter()
        .find(|(n, _, _)| n == name)
        .map(|(_, k, _)| k)
}

#[test]
fn a_saint_or_a_mount_is_no_initial_of_a_person() {
    let text = "He played for the St. Louis Ravens before he joined the Halden Otters.";
    assert_eq!(
        kind_of(text, "St. Louis Ravens"),
        Some(Kind::Organization),
        "{:?}",
        clusters(text)
    );
}

#[test]
fn a_place_word_name_ending_in_a_plural_is_a_team() {
    let text = "She was drafted by the Kingston Bay Lions and later played for the \
                Vantor River Tigers. The Gulf States met in Doha. Tourists walked to the \
                Vantor Falls.";
    assert_eq!(
        kind_of(text, "Kingston Bay Lions"),
        Some(Kind::Organization)
    );
    assert_eq!(
        kind_of(text, "Vantor River Tigers"),
        Some(Kind::Organization),
        "{:?}",
        clusters(text)
    );
    assert_eq!(kind_of(text, "Gulf States"), Some(Kind::Place));
    assert_eq!(kind_of(text, "Vantor Falls"), Some(Kind::Place));
}

#[test]
fn a_newspaper_is_an_organisation_and_a_rink_a_place() {
    let text = "The Halden Sentinel reported that Maria Lund skated at the Victor Ortega Rink. \
                The Marlow Chronicle and the Dover Telegram agreed. Ola Berg visited the \
                Orlando Dock.";
    assert_eq!(kind_of(text, "Halden Sentinel"), Some(Kind::Organization));
    assert_eq!(kind_of(text, "Marlow Chronicle"), Some(Kind::Organization));
    assert_eq!(kind_of(text, "Dover Telegram"), Some(Kind::Organization));
    assert_eq!(kind_of(text, "Victor Ortega Rink"), Some(Kind::Place));
    assert_eq!(kind_of(text, "Orlando Dock"), Some(Kind::Place));
    assert_eq!(kind_of(text, "Maria Lund"), Some(Kind::Person));
}

#[test]
fn an_empire_is_a_place_and_a_company_suffix_an_organisation() {
    let text = "Trade grew across the Vantorian Empire. Halvik Shipping S.A. bought Marlow \
                Holdings Pty and Lund Partners L.P. in May.";
    assert_eq!(kind_of(text, "Vantorian Empire"), Some(Kind::Place));
    assert_eq!(
        kind_of(text, "Halvik Shipping S.A."),
        Some(Kind::Organization),
        "{:?}",
        clusters(text)
    );
    assert_eq!(
        kind_of(text, "Marlow Holdings Pty"),
        Some(Kind::Organization)
    );
}

#[test]
fn a_newsroom_that_has_learned_something_is_an_organisation() {
    let text = "Halvorpost has learned that the talks in Oslo failed.";
    assert_eq!(kind_of(text, "Halvorpost"), Some(Kind::Organization));
}

#[test]
fn the_time_zone_after_a_time_of_day_is_no_organisation() {
    let text = "The site of the NRF was back at 15:11 GMT on Sunday.";
    let found = clusters(text);
    assert!(
        found
            .iter()
            .any(|(n, k, _)| n == "GMT" && *k == Kind::Other),
        "{found:?}"
    );
    assert_eq!(kind_of(text, "NRF"), Some(Kind::Organization));
}

#[test]
fn a_speakers_surname_before_a_colon_stays_in_the_name() {
    let text = "Ola Berg: We will not give up.\nMaria Lund: Nor will we.\n";
    let found = clusters(text);
    assert!(
        found
            .iter()
            .any(|(n, k, _)| n == "Ola Berg" && *k == Kind::Person),
        "{found:?}"
    );
    assert!(!found.iter().any(|(n, _, _)| n == "Ola"), "{found:?}");
    // A label is still cut off the name before it.
    let caption = "The winner Tarek Haddad Image: Lena Brandt.\n";
    assert!(
        !clusters(caption)
            .iter()
            .any(|(n, _, _)| n.contains("Image")),
    );
}

#[test]
fn the_letters_before_a_dollar_sign_are_no_country_that_acts() {
    let text = "He was freed on US$ 20,000 bail. The plan costs NZ $26 million, and \
                HK$ 3 billion was raised in Oslo.";
    let found = clusters(text);
    for code in ["US", "NZ", "HK", "United States"] {
        assert!(
            !found.iter().any(|(n, _, _)| n == code),
            "{code} in {found:?}"
        );
    }
    assert!(found.iter().any(|(n, _, _)| n == "Oslo"));
    // Not before a figure: the country.
    let text = "The US $ sign and US forces.";
    let found = clusters(text);
    assert!(
        found.iter().any(|(_, k, _)| *k == Kind::Country),
        "{found:?}"
    );
}

#[test]
fn a_small_word_after_a_given_name_can_be_a_surname() {
    let text = "Lawmaker James To of the Civic Union and Wilson Or spoke. Maria went to Oslo.";
    let found = clusters(text);
    for name in ["James To", "Wilson Or"] {
        assert!(
            found
                .iter()
                .any(|(n, k, _)| n == name && *k == Kind::Person),
            "{name} in {found:?}"
        );
    }
    assert!(
        !found.iter().any(|(n, _, _)| n.contains(" to")),
        "{found:?}"
    );
}

#[test]
fn a_longer_small_word_after_a_given_name_starts_a_title() {
    let text = "She sang a song called Maria Through the Night in Oslo.";
    let found = clusters(text);
    assert!(
        !found.iter().any(|(n, _, _)| n.contains("Through")),
        "{found:?}"
    );
}

#[test]
fn what_has_the_holiest_site_is_no_person() {
    let text = "Pilgrims filled Mecca, Islam's holiest site, while Maria Lund's best friend \
                waited in Oslo.";
    let found = clusters(text);
    assert_eq!(kind_of(text, "Islam"), Some(Kind::Other), "{found:?}");
    assert_eq!(kind_of(text, "Maria Lund"), Some(Kind::Person));
}

#[test]
fn a_capitalised_the_inside_a_sentence_is_part_of_the_name() {
    let text = "The report was leaked to The Halden Herald and to the band The Vantors. \
                The Vantors said nothing.";
    let found = clusters(text);
    let (_, _, herald) = found
        .iter()
        .find(|(n, _, _)| n.ends_with("Halden Herald"))
        .unwrap();
    assert_eq!(herald, &["The Halden Herald"]);
    let (_, _, band) = found
        .iter()
        .find(|(n, _, _)| n.ends_with("Vantors"))
        .unwrap();
    assert_eq!(band, &["The Vantors", "Vantors"]);
}

#[test]
fn a_capitalised_the_after_an_opening_quote_starts_a_title() {
    let text = "She writes as \"The Vantor Files\" and reads the Halden Herald.";
    let found = clusters(text);
    assert!(
        !found
            .iter()
            .any(|(_, _, m)| m.iter().any(|t| t.starts_with("The "))),
        "{found:?}"
    );
}

#[test]
fn a_town_a_player_plays_for_is_its_club() {
    let text = "Maria Lund played 26 games for Bergen before she signed with Oslo in May. \
                Bergen won the cup.";
    let found = clusters(text);
    assert_eq!(
        kind_of(text, "Bergen"),
        Some(Kind::Organization),
        "{found:?}"
    );
    assert_eq!(kind_of(text, "Oslo"), Some(Kind::Organization), "{found:?}");
    // Not a country, nor a town where one plays.
    let text = "Maria Lund played for Norway and played in Bergen.";
    assert_eq!(kind_of(text, "Bergen"), Some(Kind::Place));
    assert_eq!(kind_of(text, "Norway"), Some(Kind::Country));
}

#[test]
fn name_words_around_a_middle_initial_are_a_person() {
    let text = "Delvor J. Hanstraat builds guitars in Oslo. Hanstraat was born in Bergen.";
    let found = clusters(text);
    assert!(
        found
            .iter()
            .any(|(n, k, m)| n == "Delvor J. Hanstraat" && *k == Kind::Person && m.len() == 2),
        "{found:?}"
    );
}

#[test]
fn an_unlisted_given_name_alone_joins_the_only_person_with_it() {
    let text = "Delvor Anton Hanstraat is a drummer from Oslo. His father took young Delvor \
                to a concert, and Delvor began playing at nine.";
    let found = clusters(text);
    assert!(
        found
            .iter()
            .any(|(n, k, m)| n == "Delvor Anton Hanstraat" && *k == Kind::Person && m.len() == 3),
        "{found:?}"
    );
}

#[test]
fn a_legal_form_after_a_comma_makes_the_name_before_it_a_company() {
    let text = "Creditors formed Halden Timber, LLC in May, and Vantor Partners, L.P. sold \
                its stake. Halden Timber grew.";
    let found = clusters(text);
    for bad in ["LLC", "L.P."] {
        assert!(
            !found.iter().any(|(n, _, _)| n == bad),
            "{bad} in {found:?}"
        );
    }
    let (_, kind, mentions) = found.iter().find(|(n, _, _)| n == "Halden Timber").unwrap();
    assert_eq!(*kind, Kind::Organization, "{found:?}");
    assert_eq!(mentions, &["Halden Timber", "Halden Timber"]);
    assert_eq!(
        kind_of(text, "Vantor Partners"),
        Some(Kind::Organization),
        "{found:?}"
    );
}
