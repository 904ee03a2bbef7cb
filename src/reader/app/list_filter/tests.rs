//! `/` in the cast, the panel's lists and the document list, driven by Actions.

use super::*;
use crate::domain::cast::Cast;
use crate::domain::connections::Relations;
use crate::domain::document::Document;
use crate::reader::action::{Action, Work};
use crate::reader::app::Options;
use crate::reader::app::sidebar::SidebarRow;

const STORY: &str = "Ruritania met Elbonia in Oz. Elbonia thanked Ruritania.\n\n\
                     Freedonia stayed home. Oz welcomed Ruritania and Elbonia.\n\n\
                     At the end Ruritania wrote to Freedonia.";

const NAMES: [(&str, Kind); 4] = [
    ("Ruritania", Kind::Country),
    ("Elbonia", Kind::Country),
    ("Oz", Kind::Place),
    ("Freedonia", Kind::Country),
];

fn app() -> App {
    let cast = Cast::found_by_search(STORY, &NAMES);
    App::with_cast(
        Document::from_string("t.txt", STORY),
        cast,
        Options::default(),
        100,
        30,
    )
}

fn entity(a: &App, name: &str) -> usize {
    a.cast()
        .entities
        .iter()
        .position(|e| e.name == name)
        .unwrap()
}

fn type_text(a: &mut App, text: &str) {
    for c in text.chars() {
        a.update(Action::PromptInput(c));
    }
}

fn cast_names(a: &App) -> Vec<String> {
    a.reading()
        .sidebar_rows
        .iter()
        .map(|r| match *r {
            SidebarRow::Heading(g) => g.title().to_string(),
            SidebarRow::Entity(e) => a.cast().entities[e].name.clone(),
        })
        .collect()
}

#[test]
fn slash_in_the_cast_filters_it_as_typed_and_enter_keeps_the_filter() {
    let mut a = app();
    a.update(Action::FocusNext);
    a.update(Action::StartSearch);
    assert_eq!(a.prompt_purpose, PromptPurpose::Filter(FilterTarget::Cast));
    type_text(&mut a, "ON");
    assert_eq!(cast_names(&a), ["Actors"; 0], "smart case: ON is exact");
    a.update(Action::PromptBackspace);
    a.update(Action::PromptBackspace);
    type_text(&mut a, "on");
    assert_eq!(cast_names(&a), ["Actors", "Elbonia", "Freedonia"]);
    assert_eq!(a.filter_counts(FilterTarget::Cast), (2, 4));
    assert_eq!(a.cursor_entity(), Some(entity(&a, "Elbonia")));
    assert!(a.search.is_none(), "filtering is not a text search");
    a.update(Action::PromptSubmit);
    assert!(a.prompt.is_none());
    assert_eq!(cast_names(&a), ["Actors", "Elbonia", "Freedonia"]);
    a.update(Action::Scroll(crate::reader::action::Amount::Lines(1)));
    a.update(Action::Select);
    assert_eq!(a.reading().selected, Some(entity(&a, "Freedonia")));
    // Esc clears the kept filter first, then leaves the cast.
    a.update(Action::Clear);
    assert_eq!(cast_names(&a).len(), 6);
    assert_eq!(
        a.cursor_entity(),
        Some(entity(&a, "Freedonia")),
        "the cursor stays put"
    );
    assert_eq!(a.focus, Focus::Sidebar);
    a.update(Action::Clear);
    assert_eq!(a.focus, Focus::Document);
}

#[test]
fn esc_in_the_prompt_clears_the_filter_and_slash_edits_a_kept_one() {
    let mut a = app();
    a.update(Action::FocusNext);
    a.update(Action::StartSearch);
    type_text(&mut a, "oz");
    a.update(Action::PromptSubmit);
    a.update(Action::StartSearch);
    assert_eq!(
        a.prompt.as_deref(),
        Some("oz"),
        "the prompt holds the kept filter"
    );
    a.update(Action::Cancel);
    assert!(a.prompt.is_none());
    assert!(a.reading().cast_filter.is_none());
    assert_eq!(cast_names(&a).len(), 6);
}

#[test]
fn kind_words_filter_the_cast_by_kind() {
    let mut a = app();
    a.update(Action::FocusNext);
    a.update(Action::StartSearch);
    type_text(&mut a, "kind:plc");
    assert_eq!(cast_names(&a), ["Places", "Oz"]);
    a.update(Action::PromptBackspace);
    a.update(Action::PromptBackspace);
    a.update(Action::PromptBackspace);
    type_text(&mut a, "ctry nia");
    assert_eq!(
        cast_names(&a),
        ["Actors", "Ruritania", "Elbonia", "Freedonia"]
    );
    type_text(&mut a, " bon");
    assert_eq!(cast_names(&a), ["Actors", "Elbonia"]);
}

#[test]
fn slash_in_the_text_is_still_the_text_search() {
    let mut a = app();
    a.update(Action::StartSearch);
    assert_eq!(a.prompt_purpose, PromptPurpose::Search);
    type_text(&mut a, "oz");
    assert!(a.search.as_ref().unwrap().hit.is_some());
    assert!(a.reading().cast_filter.is_none());
}

#[test]
fn the_connections_and_contexts_lists_filter_on_what_they_show() {
    let mut a = app();
    a.select(entity(&a, "Ruritania"), None);
    a.update(Action::ToggleConnections);
    a.update(Action::StartSearch);
    assert_eq!(a.prompt_purpose, PromptPurpose::Filter(FilterTarget::Panel));
    type_text(&mut a, "free");
    let list = a.panel().unwrap().list();
    assert_eq!(
        list.rows.len(),
        2,
        "a heading and Freedonia: {:?}",
        list.rows
    );
    assert_eq!(list.counts(), (1, 3));
    a.update(Action::PromptSubmit);
    a.update(Action::Select);
    let list = a.panel().unwrap().list();
    assert!(
        matches!(list.head, Head::Shared { .. }),
        "Enter opens the kept row"
    );
    assert!(list.filter.is_none(), "the list it opens is not filtered");
    a.update(Action::Clear);
    assert!(
        a.panel().unwrap().list().filter.is_some(),
        "back to the filtered list"
    );
    a.update(Action::Clear);
    assert!(
        a.panel().unwrap().list().filter.is_none(),
        "Esc cleared the filter"
    );
    assert!(a.panel().is_some(), "and left the panel open");

    // x on the connection under the cursor: Freedonia's mentions.
    a.update(Action::ToggleContexts);
    a.update(Action::StartSearch);
    type_text(&mut a, "end");
    let list = a.panel().unwrap().list();
    assert_eq!(list.head, Head::Contexts(entity(&a, "Freedonia")));
    assert_eq!(list.counts(), (1, 2), "one of its sentences says 'end'");
    let Some(Row::Mention(i)) = list.current() else {
        panic!("the cursor is on the mention kept")
    };
    assert_eq!(i, 1);
}

fn two_documents() -> App {
    let d0 = Document::from_string("one.txt", "date 2023-11-08 Ruritania met Elbonia.");
    let d1 = Document::from_string("two.txt", "date 2023-11-09 Elbonia spoke. Oz again.");
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
fn the_document_list_filters_by_date_name_and_title() {
    let mut a = two_documents();
    a.update(Action::ToggleShelf);
    a.update(Action::StartSearch);
    assert_eq!(a.prompt_purpose, PromptPurpose::Filter(FilterTarget::Shelf));
    assert_eq!(a.overlay, Overlay::Shelf, "the list stays open");
    type_text(&mut a, "11-09");
    assert_eq!(a.shelf_rows, [1]);
    assert_eq!(a.shelf_cursor, 1);
    a.update(Action::PromptSubmit);
    a.update(Action::Top);
    assert_eq!(
        a.shelf_cursor, 1,
        "the cursor moves only over the documents shown"
    );
    a.update(Action::Clear);
    assert_eq!(a.shelf_rows, [0, 1]);
    assert_eq!(a.overlay, Overlay::Shelf, "the first Esc clears the filter");
    a.update(Action::StartSearch);
    type_text(&mut a, "spoke");
    a.update(Action::PromptSubmit);
    a.update(Action::Select);
    assert_eq!(a.shelf.shown_index(), 1);
    a.update(Action::ToggleShelf);
    a.update(Action::StartSearch);
    type_text(&mut a, "nowhere");
    a.update(Action::PromptSubmit);
    a.update(Action::Select);
    assert_eq!(
        a.overlay,
        Overlay::Shelf,
        "Enter on an empty list does nothing"
    );
}

#[test]
fn the_cast_across_documents_filters_by_kind_and_name() {
    let mut a = two_documents();
    a.update(Action::ToggleCorpus);
    a.update(Action::StartSearch);
    type_text(&mut a, "kind:ctry");
    let list = a.panel().unwrap().list();
    assert_eq!(list.counts(), (3, 4), "the countries, not Oz");
    type_text(&mut a, " rur");
    let list = a.panel().unwrap().list();
    assert_eq!(list.counts(), (1, 4));
    let Some(Row::CorpusEntity(ce)) = list.current() else {
        panic!("an entity row")
    };
    assert_eq!(
        a.panels.corpus.as_ref().unwrap().cast.entities[ce].name,
        "Ruritania"
    );
}

#[test]
fn typing_on_filters_among_the_rows_kept_and_gives_what_a_fresh_filter_gives() {
    let mut a = app();
    a.select(entity(&a, "Ruritania"), None);
    a.update(Action::ToggleContexts);
    let shown = |a: &App| a.panel().unwrap().list().rows.clone();
    let fresh = |text: &str| {
        let mut b = app();
        b.select(entity(&b, "Ruritania"), None);
        b.update(Action::ToggleContexts);
        b.update(Action::StartSearch);
        for c in text.chars() {
            b.update(Action::PromptInput(c));
        }
        b.panel().unwrap().list().rows.clone()
    };
    a.update(Action::StartSearch);
    // Narrowing, widening (Backspace) and a word added, each as a fresh filter would be.
    for (key, text) in [
        (Some('e'), "e"),
        (Some('n'), "en"),
        (Some('d'), "end"),
        (None, "en"),
        (None, "e"),
        (Some(' '), "e "),
        (Some('m'), "e m"),
    ] {
        match key {
            Some(c) => a.update(Action::PromptInput(c)),
            None => a.update(Action::PromptBackspace),
        };
        assert_eq!(shown(&a), fresh(text), "after typing to '{text}'");
    }
    assert_eq!(
        a.panel().unwrap().list().counts(),
        (2, 4),
        "two contexts say 'm'"
    );
}
