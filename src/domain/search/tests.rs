use super::*;

/// Every hit by brute force: each byte offset where the query matches under the rule.
fn brute(bytes: &[u8], q: &str, ignore_case: bool) -> Vec<usize> {
    let want: Vec<char> = q.chars().collect();
    (0..bytes.len())
        .filter(|&i| {
            let mut at = i;
            want.iter().all(|&w| {
                let n = w.len_utf8();
                let Some(s) = bytes
                    .get(at..at + n)
                    .and_then(|b| std::str::from_utf8(b).ok())
                else {
                    return false;
                };
                let c = s.chars().next().unwrap();
                at += n;
                c.len_utf8() == n && (c == w || (ignore_case && fold(c) == fold(w)))
            })
        })
        .collect()
}

fn all_forward(bytes: &[u8], q: &Query) -> Vec<usize> {
    let mut out = vec![];
    let mut at = 0;
    while let Some(h) = find_next(bytes, q, at) {
        assert_eq!(h.len(), q.len());
        out.push(h.start);
        at = h.start + 1;
    }
    out
}

fn all_backward(bytes: &[u8], q: &Query) -> Vec<usize> {
    let mut out = vec![];
    let mut before = bytes.len();
    while let Some(h) = find_prev(bytes, q, before) {
        out.push(h.start);
        before = h.end - 1;
    }
    out.reverse();
    out
}

fn check(text: &[u8], query: &str) {
    let q = Query::new(query);
    let expected = brute(text, query, q.ignores_case());
    assert_eq!(all_forward(text, &q), expected, "forward {query:?}");
    assert_eq!(all_backward(text, &q), expected, "backward {query:?}");
    let mut counter = Counter::new(q.clone());
    while !counter.advance(text, 1) {}
    assert_eq!(counter.found(), expected.len(), "count {query:?}");
    for (i, &s) in expected.iter().enumerate() {
        assert_eq!(counter.index_of(text, s), Some(i));
    }
}

#[test]
fn smart_case_ignores_case_only_for_lower_case_queries() {
    let text = "Gaza gaza GAZA gAzA".as_bytes();
    let q = Query::new("gaza");
    assert!(q.ignores_case());
    assert_eq!(all_forward(text, &q), [0, 5, 10, 15]);
    let q = Query::new("Gaza");
    assert!(!q.ignores_case());
    assert_eq!(all_forward(text, &q), [0]);
    assert_eq!(all_forward(text, &Query::new("GAZA")), [10]);
}

#[test]
fn non_ascii_letters_fold_when_lengths_agree() {
    let text = "Émile ÉMILE émile Ǆemal ǅemal".as_bytes();
    assert_eq!(all_forward(text, &Query::new("émile")).len(), 3);
    assert_eq!(all_forward(text, &Query::new("Émile")).len(), 1);
    // Titlecase ǅ folds to ǆ as Ǆ does.
    assert_eq!(all_forward(text, &Query::new("ǆemal")).len(), 2);
    // The Kelvin sign is three bytes, k one: no match across lengths.
    assert!(all_forward("\u{212A}m".as_bytes(), &Query::new("km")).is_empty());
    assert_eq!(
        all_forward("ΣΊΣΥΦΟΣ σίσυφοσ".as_bytes(), &Query::new("σίσυφοσ")).len(),
        2
    );
    assert_eq!(
        all_forward("Жуков ЖУКОВ".as_bytes(), &Query::new("жуков")).len(),
        2
    );
}

#[test]
fn hits_overlap_and_agree_every_way() {
    check(b"aaaa", "aa");
    check(b"abababa", "aba");
    check("éÉéÉé".as_bytes(), "éé");
    check("naïve NAÏVE Naïve naive".as_bytes(), "naïve");
    check("x ÀÉÎÕÜÇ àéîõüç y".as_bytes(), "àéîõüçàéîõüç");
    check("ÀÉÎÕÜÇÀÉÎÕÜÇ àéîõüçàéîõüç".as_bytes(), "àéîõüçàéîõüç");
    let mixed = "ΣΊΣΥΦΟΣ σίσυφοσ, Жуков ЖУКОВ жУКОВ; the THE tHe".as_bytes();
    for q in ["σίσυφοσ", "жуков", "ков", "the", "he t", "σ"] {
        check(mixed, q);
    }
}

#[test]
fn invalid_bytes_never_match_and_hits_sit_on_boundaries() {
    // A stray continuation byte, a truncated sequence and a lone lead byte around hits.
    let text = b"\x81ab\xe2\x82ab\xc3\xa9ab\xffAB\xc3";
    check(text, "ab");
    check(text, "\u{e9}ab");
    for h in all_forward(text, &Query::new("ab")) {
        assert!(std::str::from_utf8(&text[h..h + 2]).is_ok());
    }
    // A query character spelt as invalid bytes of the same length never matches.
    assert!(all_forward(b"\xc3\x28x", &Query::new("éx")).is_empty());
    assert!(all_forward(b"\xc3\x28x", &Query::new("ax")).is_empty());
}

#[test]
fn prev_next_and_find_in_do_not_wrap_and_respect_edges() {
    let text = b"one two one two one";
    let q = Query::new("one");
    assert_eq!(find_next(text, &q, 17), None);
    assert_eq!(find_next(text, &q, 16), Some(16..19));
    assert_eq!(find_prev(text, &q, 2), None);
    assert_eq!(find_prev(text, &q, 3), Some(0..3));
    assert_eq!(
        find_prev(text, &q, 18),
        Some(8..11),
        "a hit must end by `before`"
    );
    assert_eq!(find_prev(text, &q, 99), Some(16..19));
    assert_eq!(count(text, &q, 8), (1, 3));
    assert_eq!(count(text, &q, 19), (3, 3));
    // A hit that starts before the range but reaches into it is visible.
    assert_eq!(find_in(text, 9..10, &q), vec![8..11]);
    assert_eq!(find_in(text, 11..16, &q), Vec::<Range<usize>>::new());
    assert_eq!(find_in(text, 0..99, &q), [0..3, 8..11, 16..19]);
}

#[test]
fn empty_query_matches_nothing() {
    let q = Query::new("");
    assert!(q.is_empty());
    assert_eq!(find_next(b"abc", &q, 0), None);
    assert_eq!(find_prev(b"abc", &q, 3), None);
    assert!(find_in(b"abc", 0..3, &q).is_empty());
    let mut c = Counter::new(q);
    assert!(c.advance(b"abc", 10));
    assert_eq!(c.found(), 0);
}

#[test]
fn folded_search_backwards_crosses_many_windows() {
    let mut text = "é".repeat(200_000).into_bytes();
    text.extend_from_slice("Quorvalesh".as_bytes());
    text.extend_from_slice(&b"x".repeat(300_000));
    let q = Query::new("quorvalesh");
    assert_eq!(find_prev(&text, &q, text.len()), Some(400_000..400_010));
    assert_eq!(find_prev(&text, &q, 400_009), None);
    let q = Query::new("éq");
    assert_eq!(find_prev(&text, &q, text.len()), Some(399_998..400_001));
}

#[test]
fn the_counter_reports_progress_and_indices_across_chunks() {
    let unit = "lorem ipsum Gaza dolor. ";
    let text = unit.repeat(3 * COUNT_CHUNK / unit.len() + 7);
    let bytes = text.as_bytes();
    let q = Query::new("gaza");
    let total = bytes.len() / unit.len();
    let mut c = Counter::new(q.clone());
    assert!(!c.advance(bytes, 1));
    assert!(c.found() > 0 && c.found() < total);
    assert_eq!(c.index_of(bytes, bytes.len() - 12), None, "not scanned yet");
    while !c.advance(bytes, COUNT_CHUNK) {}
    assert_eq!(c.found(), total);
    let last = find_prev(bytes, &q, bytes.len()).unwrap();
    assert_eq!(c.index_of(bytes, last.start), Some(total - 1));
    let mid = find_next(bytes, &q, 2 * COUNT_CHUNK).unwrap();
    assert_eq!(
        c.index_of(bytes, mid.start),
        Some(all_forward(&bytes[..mid.start], &q).len())
    );
}

#[test]
fn every_spelling_of_a_fold_is_searched_for() {
    // The prefilter finds a character by its spellings; each must include every character
    // that folds the same way, or a hit could be missed.
    let mut by_fold: std::collections::HashMap<char, Vec<char>> = std::collections::HashMap::new();
    for c in (0..=0x1FFFF).filter_map(char::from_u32) {
        by_fold.entry(fold(c)).or_default().push(c);
    }
    // And every character can be anchored: some byte of it has at most three spellings.
    for c in (0..=0x1FFFF).filter_map(char::from_u32) {
        if let Engine::Folded { anchor, .. } = Query::with_case(&c.to_string(), true).engine {
            assert!(anchor.bytes.len() <= 3);
        }
    }
    for (f, members) in by_fold.iter().filter(|(_, m)| m.len() > 1) {
        for &m in members {
            let found = spellings(m);
            for other in members {
                assert!(found.contains(other), "{m:?} ({f:?}) misses {other:?}");
            }
        }
    }
}
