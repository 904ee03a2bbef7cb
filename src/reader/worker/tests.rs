use super::*;
use crate::domain::lit::Scope;
use std::sync::mpsc;

#[test]
fn reports_progress_then_the_cast_for_each_document() {
    let big = Document::from_string("big", "Alice met Bob in Paris.\n".repeat(100_000));
    let small = Document::from_string("small", "Carol wrote to Dave.");
    let (tx, rx) = mpsc::channel();
    spawn_extraction(vec![big, small], move |a| tx.send(a).is_ok())
        .join()
        .unwrap();
    let got: Vec<Work> = rx.iter().collect();
    assert!(matches!(got[0], Work::Progress { doc: 0, percent } if percent < 100));
    let ready: Vec<usize> = got
        .iter()
        .filter_map(|a| match a {
            Work::CastReady { doc, cast } if !cast.entities.is_empty() => Some(*doc),
            _ => None,
        })
        .collect();
    assert_eq!(ready, [0, 1]);
}

#[test]
fn each_cast_is_followed_by_its_sentences_and_connections() {
    let doc = Document::from_string("a", "Alice met Bob in Paris. Carol stayed.");
    let (tx, rx) = mpsc::channel();
    spawn_extraction(vec![doc.clone(), doc], move |a| tx.send(a).is_ok())
        .join()
        .unwrap();
    let order: Vec<String> = rx
        .iter()
        .filter_map(|a| match a {
            Work::CastReady { doc, .. } => Some(format!("cast {doc}")),
            Work::RelationsReady { doc, relations } => {
                assert_eq!(relations.sentences.len(), 2);
                Some(format!("relations {doc}"))
            }
            _ => None,
        })
        .collect();
    assert_eq!(order, ["cast 0", "relations 0", "cast 1", "relations 1"]);
}

#[test]
fn a_large_document_shows_its_names_first_then_the_whole_cast() {
    let paragraph = "Maria Lopez met Tom Becker in Paris. She said \"we agree\", and he left.\n\n";
    let big = Document::from_string("big", paragraph.repeat(STAGING.names_first_from / 60));
    assert!(big.len() >= STAGING.names_first_from);
    let small = Document::from_string("small", paragraph);
    let (tx, rx) = mpsc::channel();
    spawn_extraction(vec![big, small], move |a| tx.send(a).is_ok())
        .join()
        .unwrap();
    let got: Vec<Work> = rx
        .iter()
        .filter(|w| !matches!(w, Work::Progress { .. }))
        .collect();
    let order: Vec<String> = got
        .iter()
        .map(|w| match w {
            Work::NamesReady { doc, .. } => format!("names {doc}"),
            Work::CastReady { doc, .. } => format!("cast {doc}"),
            Work::RelationsReady { doc, .. } => format!("relations {doc}"),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        order,
        ["names 0", "cast 0", "relations 0", "cast 1", "relations 1"]
    );
    let (Work::NamesReady { cast: names, .. }, Work::CastReady { cast: whole, .. }) =
        (&got[0], &got[1])
    else {
        unreachable!()
    };
    let lopez = |c: &Cast| {
        let e = lopez_in(c);
        (c.count(e, Scope::Names), c.inferred(e))
    };
    let n = paragraph.len();
    let times = STAGING.names_first_from / 60;
    assert_eq!(
        lopez(names),
        (times, 0),
        "the names alone, {n} bytes a time"
    );
    assert_eq!(lopez(whole), (times, times), "then her pronouns");
    assert!(
        names.quotes.is_empty(),
        "quotations come with the whole cast"
    );
    assert_eq!(whole.quotes.len(), times);
    // The same entities, as the names tell them, in both.
    let named = |c: &Cast| {
        let mut v: Vec<(String, usize)> = (0..c.entities.len())
            .map(|e| (c.entities[e].id.clone(), c.count(e, Scope::Names)))
            .collect();
        v.sort();
        v
    };
    assert_eq!(named(names), named(whole));
}

#[test]
fn the_connections_are_counted_once_the_names_only_cast_is_let_go() {
    let doc = Document::from_string("a", "Maria Lopez met Tom Becker. She left.\n\n");
    let names_first = Staging {
        names_first_from: 0,
        ..STAGING
    };
    let (tx, rx) = mpsc::channel();
    // When each report was sent, on the worker's thread.
    let worker = spawn_pipeline(
        vec![doc],
        Vec::new(),
        false,
        names_first,
        move |r| match r {
            Report::Work(w) => tx.send((w, Instant::now())).is_ok(),
            Report::Sidecar { .. } => true,
        },
    );
    let mut names = None;
    let mut let_go_at = None;
    for (work, sent_at) in rx {
        match work {
            Work::NamesReady { cast, .. } => names = Some(cast),
            Work::CastReady { .. } => {
                // A reader busy for a while before it swaps the casts.
                std::thread::sleep(Duration::from_millis(50));
                drop(names.take().expect("the names first"));
                let_go_at = Some(Instant::now());
            }
            Work::RelationsReady { .. } => {
                let let_go_at = let_go_at.expect("the whole cast first");
                assert!(sent_at >= let_go_at, "counted beside the names' cast");
                worker.join().unwrap();
                return;
            }
            _ => {}
        }
    }
    panic!("no connections");
}

#[test]
fn the_names_so_far_are_shown_only_when_the_rest_of_the_reading_is_a_long_wait() {
    let ms = Duration::from_millis;
    let mb = 1 << 20;
    // A third read in 0.8 s: 1.6 s left.
    assert!(STAGING.shows_so_far(ms(800), 100 * mb, 300 * mb));
    // Two thirds read in 0.8 s: 0.4 s left, sooner than a partial cast would help.
    assert!(!STAGING.shows_so_far(ms(800), 200 * mb, 300 * mb));
    // Too early, too small, or all read.
    assert!(!STAGING.shows_so_far(ms(500), 10 * mb, 300 * mb));
    assert!(!STAGING.shows_so_far(ms(900), mb, 16 * mb));
    assert!(!STAGING.shows_so_far(ms(5000), 300 * mb, 300 * mb));
    assert!(!STAGING.shows_so_far(ms(5000), 0, 300 * mb));
}

#[test]
fn a_very_large_document_shows_the_names_read_so_far_while_it_reads_on() {
    let text = "Maria Lopez met Tom Becker in Paris.\n\n".repeat(200_000);
    let doc = Document::from_string("huge", text);
    assert!(doc.len() > 6 << 20, "several pieces");
    let at_once = Staging {
        names_first_from: 0,
        so_far_from: 0,
        so_far_after: Duration::ZERO,
        so_far_left: Duration::ZERO,
    };
    let (tx, rx) = mpsc::channel();
    spawn_pipeline(vec![doc], Vec::new(), false, at_once, move |r| match r {
        Report::Work(w) => tx.send(w).is_ok(),
        Report::Sidecar { .. } => true,
    })
    .join()
    .unwrap();
    let got: Vec<Work> = rx.iter().collect();
    let steps: Vec<&str> = got
        .iter()
        .map(|w| match w {
            Work::Progress { .. } => "progress",
            Work::NamesSoFar { .. } => "so far",
            Work::NamesReady { .. } => "names",
            Work::CastReady { .. } => "cast",
            Work::RelationsReady { .. } => "relations",
            other => panic!("{other:?}"),
        })
        .collect();
    let mut once = steps.clone();
    once.dedup();
    assert_eq!(once, ["so far", "progress", "names", "cast", "relations"]);
    let Some(Work::NamesSoFar { cast, percent, .. }) = got.first() else {
        unreachable!()
    };
    assert!(*percent < 75, "shown while most of it is still to read");
    let Some(Work::NamesReady { cast: all, .. }) =
        got.iter().find(|w| matches!(w, Work::NamesReady { .. }))
    else {
        unreachable!()
    };
    let lopez = |c: &Cast| c.count(lopez_in(c), Scope::Names);
    assert!(
        lopez(cast) > 0 && lopez(cast) < lopez(all),
        "{} of {}",
        lopez(cast),
        lopez(all)
    );
    assert_eq!(lopez(all), 200_000);
}

#[test]
fn extraction_fingerprints_the_document_on_the_way() {
    // Several pieces that end at line ends, not at 8-byte words.
    let text = "Alice met Bob in Paris, said Carol.\n".repeat(65_000);
    let doc = Document::from_string("big", text);
    assert!(doc.len() > 2 << 20, "several pieces");
    let (named, hash) = name_with_progress(0, &doc, STAGING, &|_| true).unwrap();
    assert!(!named.entities().is_empty());
    assert_eq!(hash, crate::store::sidecar::content_hash(doc.bytes()));
}

#[test]
fn stops_when_nobody_listens() {
    let doc = Document::from_string("big", "Alice met Bob.\n".repeat(200_000));
    let handle = spawn_extraction(vec![doc.clone(), doc], |_| false);
    handle.join().unwrap();
}

/// Where Maria Lopez, the person of these tests' paragraphs, is in `cast`.
fn lopez_in(cast: &Cast) -> usize {
    (cast.entities.iter())
        .position(|e| e.name == "Maria Lopez")
        .expect("Maria Lopez is in the cast")
}
