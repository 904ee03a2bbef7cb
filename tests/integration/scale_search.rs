//! Search over a large document from the reader: typing a query finds the same first hit as a
//! fresh search would, while resuming from the previous letter's hit (so a query whose only
//! hit is at 99 % costs one scan, not one per letter), wrapping included.

use dramatis::domain::cast::Cast;
use dramatis::domain::document::Document;
use dramatis::domain::search::{Query, find_next};
use dramatis::reader::action::Action;
use dramatis::reader::app::{App, Options};

fn text() -> String {
    let mut t = String::new();
    for i in 0..40_000 {
        t.push_str(&format!(
            "Line {i}: the Quorum met; quota and Quorn were discussed.\n"
        ));
        if i == 39_600 {
            t.push_str("Minister Quorvalesh signed the Tarnwick accord.\n");
        }
    }
    t
}

fn type_query(app: &mut App, query: &str) -> Vec<Option<std::ops::Range<usize>>> {
    app.update(Action::StartSearch);
    query
        .chars()
        .map(|c| {
            app.update(Action::PromptInput(c));
            app.search.as_ref().and_then(|s| s.hit.clone())
        })
        .collect()
}

#[test]
fn typing_finds_what_a_fresh_search_from_the_origin_finds() {
    let doc = Document::from_string("big.txt", text());
    let bytes = doc.bytes().to_vec();
    for (jump, query) in [
        (None, "Quorvalesh"),
        (None, "quorvalesh"),
        (None, "quota and"),
        (None, "Quorx"),
        // From the end, past the only hit: the search wraps to it.
        (Some(Action::Bottom), "quorvalesh signed"),
        (Some(Action::Bottom), "Line 3999"),
    ] {
        let mut app = App::with_cast(doc.clone(), Cast::default(), Options::default(), 120, 40);
        if let Some(jump) = jump {
            app.update(jump);
        }
        let origin = app.view.first().map_or(0, |(_, s)| s.start);
        let hits = type_query(&mut app, query);
        for (n, hit) in hits.iter().enumerate() {
            let typed: String = query.chars().take(n + 1).collect();
            let q = Query::new(&typed);
            // The first hit at or after where the prompt opened, else the first of all.
            let expected = find_next(&bytes, &q, origin).or_else(|| find_next(&bytes, &q, 0));
            assert_eq!(hit, &expected, "{typed:?} from {origin}");
        }
    }
}
