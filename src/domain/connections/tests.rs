use super::*;
use crate::domain::cast::Cast;
use crate::domain::document::Document;
use crate::domain::entity::{Entity, Kind, Mention};

fn relations(text: &str, names: &[&str]) -> (Relations, Cast) {
    let named: Vec<(&str, Kind)> = names.iter().map(|&n| (n, Kind::Country)).collect();
    let cast = Cast::found_by_search(text, &named);
    let doc = Document::from_string("t", text);
    (Relations::compute(&doc, &cast), cast)
}

fn summary(r: &Relations, cast: &Cast) -> Vec<(String, String, usize)> {
    r.connections
        .iter()
        .map(|c| {
            (
                cast.entities[c.a].name.clone(),
                cast.entities[c.b].name.clone(),
                c.sentences.len(),
            )
        })
        .collect()
}

#[test]
fn pairs_sharing_sentences_are_counted_once_per_sentence_strongest_first() {
    let text = "Ruritania met Elbonia. Ruritania, Elbonia and Ruritania again. \
                Freedonia spoke. Elbonia thanked Freedonia. Ruritania met Elbonia in Oz.";
    let (r, cast) = relations(text, &["Ruritania", "Elbonia", "Freedonia", "Oz"]);
    assert_eq!(
        summary(&r, &cast),
        [
            ("Ruritania".into(), "Elbonia".into(), 3),
            ("Elbonia".into(), "Freedonia".into(), 1),
            ("Ruritania".into(), "Oz".into(), 1),
            ("Elbonia".into(), "Oz".into(), 1),
        ]
    );
    let first = r.connections.iter().next().unwrap();
    let ranges: Vec<_> = r.ranges(&first).map(|s| &text[s]).collect();
    assert_eq!(
        ranges,
        [
            "Ruritania met Elbonia.",
            "Ruritania, Elbonia and Ruritania again.",
            "Ruritania met Elbonia in Oz."
        ]
    );
}

#[test]
fn mentions_in_different_sentences_are_not_connected() {
    let (r, _) = relations(
        "Ruritania left. Elbonia came.\n\nOz",
        &["Ruritania", "Elbonia", "Oz"],
    );
    assert!(r.connections.is_empty());
    assert_eq!(r.sentences.len(), 3);
}

#[test]
fn a_list_of_many_names_is_not_a_web_of_connections() {
    let names: Vec<String> = (0..=MAX_CAST_PER_SENTENCE)
        .map(|i| format!("N{i:03}x"))
        .collect();
    let mut text = names.join(" ");
    text.push_str(". N000x met N001x.");
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let (r, _) = relations(&text, &refs);
    assert_eq!(r.connections.len(), 1, "only the real sentence counts");
    assert_eq!(r.connections.get(0).sentences, [1]);
    assert_eq!(r.connections.between(1, 0).unwrap().sentences, [1]);
}

#[test]
fn an_entity_lists_its_connections_strongest_first() {
    let text = "Ruritania and Oz. Ruritania and Elbonia. Ruritania and Elbonia.";
    let (r, cast) = relations(text, &["Ruritania", "Elbonia", "Oz"]);
    let of: Vec<&str> = r
        .connections
        .of(0)
        .map(|c| cast.entities[c.other(0)].name.as_str())
        .collect();
    assert_eq!(of, ["Elbonia", "Oz"]);
    assert_eq!(r.connections.of(2).count(), 1);
    assert_eq!(r.connections.count_of(2), 1);
    assert_eq!(r.connections.count_of(0), 2);
    assert_eq!(r.connections.count_of(99), 0);
    assert!(r.connections.between(1, 2).is_none());
    assert_eq!(r.connections.between(1, 0).unwrap().sentences, [1, 2]);
}

#[test]
fn linking_words_are_the_short_phrase_between_adjacent_mentions() {
    let text = "Amid the war between Ruritania and Elbonia, the Union is engaged in \
                discussions with Ruritania and Oz regarding a pause. \
                Oz has been in talks with Elbonia for weeks.";
    let (r, cast) = relations(text, &["Union", "Ruritania", "Elbonia", "Oz"]);
    let link = |a: &str, b: &str| {
        let id = |n: &str| cast.entities.iter().position(|e| e.name == n).unwrap();
        let c = r.connections.between(id(a), id(b)).unwrap();
        r.link(text.as_bytes(), &cast.index, &c)
            .map(|l| (cast.entities[l.from].name.clone(), l.words))
    };
    assert_eq!(
        link("Union", "Ruritania"),
        Some(("Union".into(), "in discussions with".into()))
    );
    assert_eq!(
        link("Elbonia", "Oz"),
        Some(("Oz".into(), "in talks with".into()))
    );
    assert_eq!(link("Ruritania", "Elbonia"), None, "only 'and' between");
    assert_eq!(link("Union", "Elbonia"), None, "a comma between");
    assert_eq!(link("Union", "Oz"), None, "another mention between");
}

/// The connections of a random cast, counted the plain way: a map of pairs.
#[test]
fn compact_connections_equal_a_plain_count_in_any_number_of_passes() {
    // Sentences of ten two-letter words; each word may be a mention of one of 40 entities.
    const N: usize = 40;
    let mut seed = 7u64;
    let mut rand = |n: u64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % n
    };
    let text = "Ab ab ab ab ab ab ab ab ab ab. ".repeat(300);
    let mut mentions: Vec<Vec<Mention>> = vec![Vec::new(); N];
    for (i, _) in text.match_indices(['A', 'a']) {
        if rand(3) == 0 {
            mentions[rand(N as u64) as usize].push(Mention::new(i..i + 2));
        }
    }
    let cast = Cast::new(
        mentions
            .into_iter()
            .map(|m| Entity {
                id: String::new(),
                name: "x".into(),
                kind: Kind::Person,
                aliases: vec![],
                mentions: m.into(),
            })
            .collect(),
    );
    let sentences = Sentences::of_range(text.as_bytes(), 0..text.len());
    let mut plain: std::collections::BTreeMap<(usize, usize), Vec<u32>> =
        std::collections::BTreeMap::new();
    for (si, range) in sentences.iter().enumerate() {
        let mut owners: Vec<usize> = cast.index.overlapping(range).map(|(_, o)| o).collect();
        owners.sort_unstable();
        owners.dedup();
        for (i, &a) in owners.iter().enumerate() {
            for &b in &owners[i + 1..] {
                plain.entry((a, b)).or_default().push(si as u32);
            }
        }
    }
    let mut expected: Vec<((usize, usize), Vec<u32>)> = plain.into_iter().collect();
    expected.sort_by_key(|(p, s)| (std::cmp::Reverse(s.len()), s[0], *p));
    assert!(expected.iter().any(|(_, s)| s.len() == 1) && expected[0].1.len() > 1);
    for (per_pass, jobs) in [
        (1, 1),
        (1, 3),
        (5, 2),
        (40, 3),
        (usize::MAX, 1),
        (usize::MAX, 4),
    ] {
        let count = || Connections::compute_in_passes(&*cast.index, N, &sentences, per_pass, jobs);
        let walk = Walk::new(&*cast.index, &sentences, jobs);
        let listed = count().into_connections(&walk);
        assert_eq!(listed.indices_of(0).count(), 0, "no lists when only listed");
        // From a map of the pairs, when they are few enough.
        let incidences = expected.iter().map(|(_, s)| s.len()).sum::<usize>();
        let by_pairs = Connections::by_pairs(&walk, N, per_pass);
        assert_eq!(by_pairs.is_some(), per_pass >= incidences);
        let by_pairs =
            by_pairs.unwrap_or_else(|| Connections::by_pairs(&walk, N, incidences).unwrap());
        let c = count().into_by_entity(N);
        // The same counted from the casts found for writing them out.
        let in_order = crate::domain::text_order::in_text_order(&cast.entities, jobs);
        let casts = SentenceCasts::new(&in_order, &sentences, jobs);
        let from_casts = Connections::compute_in_passes(&casts, N, &sentences, per_pass, jobs);
        let from_casts = from_casts.into_connections(&Walk::new(&casts, &sentences, jobs));
        for c in [&listed, &c, &from_casts, &by_pairs] {
            let got: Vec<((usize, usize), Vec<u32>)> = c
                .iter()
                .map(|c| ((c.a, c.b), c.sentences.to_vec()))
                .collect();
            assert_eq!(got, expected, "{per_pass} incidences a pass, {jobs} jobs");
            for k in 0..c.len() {
                assert_eq!(c.shared_count(k), c.get(k).sentences.len());
            }
        }
        assert_eq!(c.len(), expected.len());
        for e in 0..N {
            let of: Vec<(usize, usize)> = c.of(e).map(|c| (c.a, c.b)).collect();
            let plain: Vec<(usize, usize)> = (expected.iter())
                .map(|(p, _)| *p)
                .filter(|&(a, b)| a == e || b == e)
                .collect();
            assert_eq!(of, plain);
            assert_eq!(c.count_of(e), plain.len());
            for &(a, b) in &plain {
                let got = c.between(b, a).map(|c| (c.a, c.b));
                assert_eq!(got, Some((a, b)));
            }
        }
    }
}

#[test]
fn linking_words_rules() {
    assert_eq!(linking_words(" held by "), Some("held by".into()));
    assert_eq!(
        linking_words(" is engaged in discussions with "),
        Some("in discussions with".into())
    );
    assert_eq!(linking_words(" and the "), None);
    assert_eq!(linking_words(", "), None);
    assert_eq!(linking_words(" - "), None);
    assert_eq!(linking_words("-"), None);
    assert_eq!(linking_words(" said on Monday it would meet with "), None);
    assert_eq!(linking_words(" (the mediator) "), None);
    assert_eq!(linking_words("'s envoy to "), Some("'s envoy to".into()));
    assert_eq!(linking_words(" \n met\n "), Some("met".into()));
}
