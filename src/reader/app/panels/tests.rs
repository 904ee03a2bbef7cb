//! The panel, pins and the cast across documents, driven by Actions.

use super::*;
use crate::domain::cast::Cast;
use crate::domain::document::Document;
use crate::domain::entity::Kind;
use crate::reader::action::{Action, Amount, Work};
use crate::reader::app::Options;
use crate::reader::app::pins::MAX_PINS;

const STORY: &str = "Ruritania met Elbonia in Oz. Elbonia thanked Ruritania.\n\n\
                     Freedonia stayed home. Oz welcomed Ruritania and Elbonia.\n\n";

const NAMES: [(&str, Kind); 4] = [
    ("Ruritania", Kind::Country),
    ("Elbonia", Kind::Country),
    ("Oz", Kind::Place),
    ("Freedonia", Kind::Country),
];

/// The story, then filler, then the story again far down.
fn app() -> App {
    let mut text = String::from(STORY);
    for i in 0..40 {
        text.push_str(&format!("Filler paragraph {i} says nothing.\n\n"));
    }
    text.push_str("At the end Ruritania wrote to Freedonia.");
    let cast = Cast::found_by_search(&text, &NAMES);
    App::with_cast(
        Document::from_string("t.txt", text),
        cast,
        Options::default(),
        100,
        30,
    )
}

fn select(a: &mut App, name: &str) {
    let e = a
        .cast()
        .entities
        .iter()
        .position(|e| e.name == name)
        .unwrap();
    a.select(e, None);
}

fn names(a: &App, rows: &[Row]) -> Vec<String> {
    let r = a.relations().unwrap();
    let Head::Connections(e) = a.panel().unwrap().list().head else {
        panic!("not a connections list")
    };
    rows.iter()
        .map(|row| match *row {
            Row::Heading(g) => g.title().to_string(),
            Row::Connection(k) => a.cast().entities[r.connections.get(k).other(e)]
                .name
                .clone(),
            other => format!("{other:?}"),
        })
        .collect()
}

#[test]
fn c_lists_connections_actors_apart_from_places_and_enter_walks_the_sentences() {
    let mut a = app();
    let full_height = a.geometry.text.height;
    select(&mut a, "Ruritania");
    a.update(Action::ToggleConnections);
    assert_eq!(a.focus, Focus::Panel);
    assert!(
        a.geometry.text.height < full_height,
        "the panel takes rows from the text"
    );
    let list = a.panel().unwrap().list();
    assert_eq!(
        names(&a, &list.rows),
        ["Actors", "Elbonia", "Freedonia", "Places", "Oz"]
    );
    assert_eq!(
        list.current(),
        Some(list.rows[1]),
        "the cursor starts on the strongest"
    );

    a.update(Action::Select);
    let list = a.panel().unwrap().list();
    assert!(matches!(list.head, Head::Shared { .. }));
    assert_eq!(
        list.rows.len(),
        3,
        "Ruritania and Elbonia share three sentences"
    );

    // The last shared sentence is far down: Enter scrolls there and marks it.
    a.update(Action::Bottom);
    a.update(Action::Select);
    let jumped = a.panels.jumped.clone().unwrap();
    assert_eq!(
        &a.doc().text(jumped.clone()),
        "Oz welcomed Ruritania and Elbonia."
    );
    assert!(a.on_screen(jumped.start));
    assert_eq!(a.focus, Focus::Panel, "the panel keeps focus to walk on");

    a.update(Action::Clear);
    assert!(matches!(
        a.panel().unwrap().list().head,
        Head::Connections(_)
    ));
    assert!(a.panels.jumped.is_none());
    a.update(Action::Clear);
    assert!(a.panel().is_none());
    assert_eq!(a.focus, Focus::Document);
    assert_eq!(a.geometry.text.height, full_height);
}

#[test]
fn the_connections_panel_follows_a_new_selection_and_c_closes_it() {
    let mut a = app();
    select(&mut a, "Ruritania");
    a.update(Action::ToggleConnections);
    select(&mut a, "Oz");
    assert_eq!(a.panel().unwrap().list().head, Head::Connections(2));
    a.update(Action::ToggleConnections);
    assert!(a.panel().is_none());
    a.reading_mut().selected = None;
    a.update(Action::ToggleConnections);
    assert!(a.panel().is_none());
    assert!(
        a.message
            .as_deref()
            .unwrap()
            .contains("select an entity first")
    );
}

#[test]
fn x_lists_every_mention_and_enter_makes_it_current() {
    let mut a = app();
    select(&mut a, "Freedonia");
    a.update(Action::ToggleContexts);
    let list = a.panel().unwrap().list();
    assert_eq!(list.rows, [Row::Mention(0), Row::Mention(1)]);
    a.update(Action::Scroll(Amount::Lines(1)));
    a.update(Action::Select);
    assert_eq!(a.reading().current, Some(1));
    let m = a.current_mention().unwrap();
    assert!(
        a.on_screen(m.start as usize),
        "the last mention is scrolled into view"
    );
}

#[test]
fn up_to_four_pins_each_found_again_and_meetings_marked() {
    let mut a = app();
    select(&mut a, "Ruritania");
    a.update(Action::TogglePin);
    select(&mut a, "Freedonia");
    a.update(Action::TogglePin);
    assert_eq!(a.pins().collect::<Vec<_>>(), [(0, 0), (1, 3)]);
    // They meet only in the last sentence.
    let last = a.doc().text(0..a.doc().len()).rfind("At the end").unwrap();
    assert!(a.pins_meet_in(last..last + 5));
    assert!(!a.pins_meet_in(0..10));

    select(&mut a, "Elbonia");
    a.update(Action::TogglePin);
    select(&mut a, "Oz");
    a.update(Action::TogglePin);
    assert_eq!(a.pins().count(), MAX_PINS);
    assert!(
        a.pins_meet_in(0..10),
        "Ruritania meets Elbonia in the first sentence"
    );
    select(&mut a, "Ruritania");
    a.update(Action::TogglePin);
    assert_eq!(a.pin_of(0), None, "p on a pinned entity unpins it");
    assert_eq!(a.pin_of(3), Some(0), "the others move up");
    a.update(Action::TogglePin);
    select(&mut a, "Oz");
    a.update(Action::TogglePin);
    a.update(Action::TogglePin);
    a.update(Action::ClearPins);
    assert_eq!(a.pins().count(), 0);
}

#[test]
fn clicks_on_a_panel_row_and_on_the_map() {
    let mut a = app();
    select(&mut a, "Freedonia");
    a.update(Action::ToggleContexts);
    let area = a.geometry.panel.unwrap();
    a.update(Action::MouseClick {
        column: 10,
        row: area.y + 2,
    });
    assert_eq!(a.reading().current, Some(1), "the second row's mention");
    a.update(Action::Clear);
    a.update(Action::Top);
    let map = a.geometry.map;
    a.update(Action::MouseClick {
        column: map.x,
        row: map.y + map.height - 1,
    });
    assert!(
        a.on_screen(a.doc().len() - 1),
        "the last cell shows the end"
    );
    a.update(Action::JumpBack);
    assert!(a.on_screen(0));
}

#[test]
fn a_fifth_pin_is_refused() {
    let text = "A B C D E.";
    let names: Vec<(&str, Kind)> = ["A", "B", "C", "D", "E"]
        .into_iter()
        .map(|n| (n, Kind::Person))
        .collect();
    let cast = Cast::found_by_search(text, &names);
    let mut a = App::with_cast(
        Document::from_string("t", text),
        cast,
        Options::default(),
        80,
        20,
    );
    for e in 0..5 {
        a.select(e, None);
        a.update(Action::TogglePin);
    }
    assert_eq!(a.pins().count(), 4);
    assert!(a.message.as_deref().unwrap().contains("4 pinned already"));
}

fn two_documents() -> App {
    let d0 = Document::from_string("one.txt", "date 2023-11-09 Ruritania met Elbonia.");
    let d1 = Document::from_string("two.txt", "date 2023-11-08 Elbonia spoke. Elbonia again.");
    let mut a = App::new(vec![d0.clone(), d1.clone()], Options::default());
    a.update(Action::Resize {
        width: 100,
        height: 30,
    });
    for (i, d) in [d0, d1].iter().enumerate() {
        let text = d.text(0..d.len()).into_owned();
        let cast = Cast::found_by_search(&text, &NAMES);
        a.update(Action::Work(Work::RelationsReady {
            doc: i,
            relations: Box::new(Relations::compute(d, &cast)),
        }));
        a.update(Action::Work(Work::CastReady {
            doc: i,
            cast: Box::new(cast),
        }));
    }
    a
}

#[test]
fn the_panel_closes_when_another_document_is_shown() {
    let d0 = Document::from_string("one.txt", "Ruritania met Elbonia.");
    let d1 = Document::from_string("two.txt", "Elbonia spoke.");
    let mut a = App::new(vec![d0.clone(), d1], Options::default());
    a.update(Action::Resize {
        width: 100,
        height: 30,
    });
    let cast = Cast::found_by_search("Ruritania met Elbonia.", &NAMES);
    a.update(Action::Work(Work::CastReady {
        doc: 0,
        cast: Box::new(cast),
    }));
    let full = a.geometry.text.height;
    select(&mut a, "Ruritania");
    a.update(Action::ToggleConnections);
    assert!(a.geometry.text.height < full);
    a.update(Action::NextDocument);
    assert!(
        a.panels.panel.is_none(),
        "its cast is not ready: nothing to show"
    );
    assert_eq!(a.geometry.text.height, full);
    assert_eq!(a.focus, Focus::Document);
}

#[test]
fn pins_follow_the_reader_to_another_document_by_name() {
    let mut a = two_documents();
    select(&mut a, "Elbonia");
    a.update(Action::TogglePin);
    assert_eq!(a.pins().collect::<Vec<_>>(), [(0, 1)]);
    a.update(Action::NextDocument);
    let e = a
        .cast()
        .entities
        .iter()
        .position(|e| e.name == "Elbonia")
        .unwrap();
    assert_eq!(a.pins().collect::<Vec<_>>(), [(0, e)]);
}

#[test]
fn the_corpus_cast_merges_documents_and_enter_opens_one_at_the_first_mention() {
    let mut a = two_documents();
    a.update(Action::ToggleCorpus);
    let corpus = a.panels.corpus.as_ref().unwrap();
    assert_eq!(corpus.cast.entities[0].name, "Elbonia");
    assert_eq!(corpus.cast.entities[0].mentions(), 3);
    assert_eq!(corpus.timeline.dates, ["2023-11-08", "2023-11-09"]);
    assert_eq!(corpus.timeline.counts(&corpus.cast.entities[0]), [2, 1]);
    let list = a.panel().unwrap().list();
    assert_eq!(list.current(), Some(Row::CorpusEntity(0)));
    a.update(Action::Select);
    let list = a.panel().unwrap().list();
    assert_eq!(list.rows.len(), 2, "Elbonia is in both documents");
    a.update(Action::Scroll(Amount::Lines(1)));
    a.update(Action::Select);
    assert_eq!(a.shelf.shown_index(), 1);
    assert_eq!(
        a.entity(a.reading().selected.unwrap()).unwrap().name,
        "Elbonia"
    );
    assert_eq!(a.reading().current, Some(0));
    assert!(a.panel().is_some(), "the cast of the set stays open");
    a.update(Action::ToggleCorpus);
    assert!(a.panel().is_none());
}

/// The cast of the names of [`NAMES`] that `d` mentions.
fn found_in(d: &Document) -> Cast {
    let text = d.text(0..d.len()).into_owned();
    let names: Vec<(&str, Kind)> = NAMES
        .into_iter()
        .filter(|(n, _)| text.contains(n))
        .collect();
    Cast::found_by_search(&text, &names)
}

#[test]
fn the_corpus_cast_opens_on_the_documents_read_and_grows_as_the_others_come_in() {
    let d0 = Document::from_string("one.txt", "date 2023-11-09 Ruritania met Elbonia.");
    let d1 = Document::from_string("two.txt", "date 2023-11-08 Freedonia spoke.");
    let mut a = App::new(vec![d0.clone(), d1.clone()], Options::default());
    let cast = |d: &Document| found_in(d);
    a.update(Action::Work(Work::CastReady {
        doc: 0,
        cast: Box::new(cast(&d0)),
    }));
    a.update(Action::ToggleCorpus);
    let names = |a: &App| {
        let corpus = a.panels.corpus.as_ref().unwrap();
        let mut names: Vec<String> = corpus
            .cast
            .entities
            .iter()
            .map(|e| e.name.clone())
            .collect();
        names.sort();
        (corpus.read, names)
    };
    assert_eq!(names(&a), (1, vec!["Elbonia".into(), "Ruritania".into()]));
    assert_eq!(
        a.panel().unwrap().list().rows.len(),
        3,
        "a heading, two countries"
    );
    a.update(Action::Work(Work::CastReady {
        doc: 1,
        cast: Box::new(cast(&d1)),
    }));
    assert_eq!(
        names(&a),
        (
            2,
            vec!["Elbonia".into(), "Freedonia".into(), "Ruritania".into()]
        )
    );
    assert_eq!(a.panel().unwrap().list().rows.len(), 4);
    assert_eq!(a.focus, Focus::Panel, "the panel stays open and focused");
}

#[test]
fn the_corpus_cast_takes_in_a_document_only_from_its_list() {
    let docs: Vec<Document> = ["Ruritania.", "Elbonia.", "Freedonia."]
        .iter()
        .enumerate()
        .map(|(i, t)| Document::from_string(format!("{i}.txt"), *t))
        .collect();
    let mut a = App::new(docs.clone(), Options::default());
    let cast = |d: &Document| Box::new(found_in(d));
    a.update(Action::Work(Work::CastReady {
        doc: 0,
        cast: cast(&docs[0]),
    }));
    a.update(Action::ToggleCorpus);
    // Into Ruritania's documents: the rows point into the cast, which must stay as it is.
    a.update(Action::Select);
    assert_eq!(a.panel().unwrap().lists.len(), 2);
    a.update(Action::Work(Work::CastReady {
        doc: 1,
        cast: cast(&docs[1]),
    }));
    assert_eq!(a.panels.corpus.as_ref().unwrap().read, 1);
    a.update(Action::Clear);
    a.update(Action::Work(Work::CastReady {
        doc: 2,
        cast: cast(&docs[2]),
    }));
    let corpus = a.panels.corpus.as_ref().unwrap();
    assert_eq!((corpus.read, corpus.cast.entities.len()), (3, 3));
}

#[test]
fn the_corpus_cast_waits_for_a_first_document() {
    let d0 = Document::from_string("one.txt", "Ruritania.");
    let d1 = Document::from_string("two.txt", "Elbonia.");
    let mut a = App::new(vec![d0, d1], Options::default());
    a.update(Action::ToggleCorpus);
    assert!(a.panel().is_none());
    assert!(
        a.message
            .as_deref()
            .unwrap()
            .contains("still finding entities in 2")
    );
}

/// Elbonia in the first and third documents, Ruritania in the first only.
fn three_documents() -> App {
    let texts = [
        "Ruritania met Elbonia.",
        "Freedonia stayed home.",
        "Elbonia spoke. Elbonia again.",
    ];
    let docs: Vec<Document> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Document::from_string(format!("{i}.txt"), *t))
        .collect();
    let mut a = App::new(docs, Options::default());
    a.update(Action::Resize {
        width: 100,
        height: 30,
    });
    for (i, t) in texts.iter().enumerate() {
        let named: Vec<(&str, Kind)> = NAMES.into_iter().filter(|(n, _)| t.contains(n)).collect();
        a.update(Action::Work(Work::CastReady {
            doc: i,
            cast: Box::new(Cast::found_by_search(t, &named)),
        }));
    }
    a
}

fn corpus_cursor_to(a: &mut App, name: &str) {
    let corpus = a.panels.corpus.as_ref().unwrap();
    let ce = corpus
        .cast
        .entities
        .iter()
        .position(|e| e.name == name)
        .unwrap();
    let list = a.panels.panel.as_mut().unwrap().list_mut();
    list.cursor = list
        .rows
        .iter()
        .position(|r| *r == Row::CorpusEntity(ce))
        .unwrap();
}

#[test]
fn brackets_on_an_entity_in_c_step_through_the_documents_that_mention_it() {
    let mut a = three_documents();
    a.update(Action::ToggleCorpus);
    corpus_cursor_to(&mut a, "Elbonia");
    a.update(Action::NextDocument);
    assert_eq!(a.shelf.shown_index(), 2, "the second document is skipped");
    assert_eq!(
        a.entity(a.reading().selected.unwrap()).unwrap().name,
        "Elbonia"
    );
    assert_eq!(a.reading().current, Some(0), "at its first mention");
    assert!(
        a.message
            .as_deref()
            .unwrap()
            .contains("2 of 2 that mention Elbonia")
    );
    assert_eq!(a.panel().unwrap().kind, PanelKind::Corpus, "C stays open");
    a.update(Action::NextDocument);
    assert_eq!(a.shelf.shown_index(), 0, "round the end");
    a.update(Action::PrevDocument);
    assert_eq!(a.shelf.shown_index(), 2);

    // From the list of its documents, the cursor follows.
    a.update(Action::Select);
    assert!(matches!(
        a.panel().unwrap().list().head,
        Head::Appearances(_)
    ));
    a.update(Action::PrevDocument);
    assert_eq!(a.shelf.shown_index(), 0);
    assert_eq!(
        a.panel().unwrap().list().current(),
        Some(Row::Appearance {
            document: 0,
            entity: 1
        })
    );

    // Outside C, `]` is the next document.
    a.update(Action::ToggleCorpus);
    a.update(Action::NextDocument);
    assert_eq!(a.shelf.shown_index(), 1);
}

#[test]
fn brackets_on_an_entity_of_one_document_say_so() {
    let mut a = three_documents();
    a.update(Action::ToggleCorpus);
    corpus_cursor_to(&mut a, "Ruritania");
    a.update(Action::NextDocument);
    assert_eq!(a.shelf.shown_index(), 0);
    assert_eq!(
        a.message.as_deref(),
        Some("only this document mentions Ruritania")
    );
}

#[test]
fn x_starts_at_the_current_mention_else_at_the_first_one_from_the_view() {
    let mut a = app();
    select(&mut a, "Ruritania");
    a.update(Action::NextHit);
    a.update(Action::NextHit);
    let current = a.reading().current.unwrap();
    assert!(current > 0);
    a.update(Action::ToggleContexts);
    let list = a.panel().unwrap().list();
    assert_eq!(list.rows[list.cursor], Row::Mention(current));
    a.update(Action::ToggleContexts);

    // Nothing current for the entity under the cast cursor: the first mention from the view.
    a.update(Action::Clear);
    a.update(Action::Bottom);
    a.update(Action::FocusNext);
    let freedonia = a
        .cast()
        .entities
        .iter()
        .position(|e| e.name == "Freedonia")
        .unwrap();
    a.cursor_to_entity(freedonia);
    a.update(Action::ToggleContexts);
    let list = a.panel().unwrap().list();
    assert_eq!(list.head, Head::Contexts(freedonia));
    assert_eq!(
        list.rows[list.cursor],
        Row::Mention(1),
        "the mention at the end, where the reader is"
    );
}

#[test]
fn clearing_pins_says_when_there_were_none() {
    let mut a = app();
    a.update(Action::ClearPins);
    assert!(
        a.message.as_deref().unwrap().contains("nothing is pinned"),
        "{:?}",
        a.message
    );
    select(&mut a, "Oz");
    a.update(Action::TogglePin);
    a.update(Action::ClearPins);
    assert_eq!(a.message.as_deref(), Some("the pin removed"));
}

#[test]
fn pins_come_back_with_a_remembered_session() {
    let mut a = app();
    select(&mut a, "Oz");
    a.update(Action::TogglePin);
    select(&mut a, "Freedonia");
    a.update(Action::TogglePin);
    let pins = a.pins_to_remember();
    assert_eq!(
        pins,
        [
            ("Oz".to_string(), "place".to_string()),
            ("Freedonia".to_string(), "country".to_string())
        ]
    );
    let mut b = app();
    b.update(Action::Work(Work::Resume {
        doc: 0,
        memory: crate::store::sessions::Remembered {
            pins,
            ..Default::default()
        },
    }));
    assert_eq!(b.pins().collect::<Vec<_>>(), [(0, 2), (1, 3)]);
}

#[test]
fn the_cursor_steps_over_headings_and_stops_at_the_ends() {
    use crate::domain::cast::Group;
    let h = Row::Heading(Group::Actors);
    let list = List::new(
        Head::Contexts(0),
        vec![h, Row::Mention(0), Row::Mention(1), h, Row::Mention(2)],
    );
    assert_eq!(
        list.cursor, 1,
        "a list opens on its first row that is not a heading"
    );
    let steps = [
        ((1, 1), 2),
        ((2, 1), 4),
        ((4, 1), 4),
        ((4, -1), 2),
        ((2, -5), 1),
        ((1, 3), 4),
        ((3, 0), 4),
        ((0, 0), 1),
        ((99, 0), 4),
        ((99, -1), 2),
    ];
    for ((from, by), to) in steps {
        assert_eq!(list.step_from(from, by), to, "from {from} by {by}");
    }
    assert_eq!(List::new(Head::Contexts(0), vec![h, h]).step_from(1, 1), 0);
    assert_eq!(List::new(Head::Contexts(0), vec![]).step_from(0, -1), 0);
}
