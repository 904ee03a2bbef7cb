use super::runs_on;
use crate::domain::cast::Cast;
use crate::domain::document::Document;
use crate::domain::entity::Kind;
use crate::reader::action::{Action, Amount};
use crate::reader::app::{App, Focus, Options};

/// Alpha in every tenth paragraph, Beta in the first only.
fn app() -> App {
    let mut text = String::from("Beta opened. Alpha spoke first.\n\n");
    for i in 1..100 {
        if i % 10 == 0 {
            text.push_str(&format!(
                "Filler {i}. Then Alpha said {i}. More filler.\n\n"
            ));
        } else {
            text.push_str(&format!("Paragraph {i} is about nothing.\n\n"));
        }
    }
    let cast = Cast::found_by_search(&text, &[("Alpha", Kind::Person), ("Beta", Kind::Person)]);
    App::with_cast(
        Document::from_string("t.txt", text),
        cast,
        Options::default(),
        60,
        8,
    )
}

fn shown(a: &App) -> Vec<String> {
    a.view
        .iter()
        .map(|(_, s)| a.doc().text(s.start..s.end).into_owned())
        .collect()
}

#[test]
fn ampersand_shows_only_the_sentences_of_the_selection_and_esc_returns() {
    let mut a = app();
    a.update(Action::ToggleOnly);
    assert!(a.only.is_none(), "nothing selected");
    assert!(a.message.as_deref().unwrap().contains("select one first"));
    a.select(0, None);
    a.update(Action::Scroll(Amount::Lines(3)));
    let before = a.top_offset();
    a.update(Action::ToggleOnly);
    let rows = shown(&a);
    assert!(
        rows.iter().all(|r| r.contains("Alpha") || r.is_empty()),
        "only Alpha's sentences: {rows:?}"
    );
    assert_eq!(rows[0], "Then Alpha said 10.", "from where the reader was");
    assert_eq!(rows[1], "", "text left out between them");
    assert_eq!(rows[2], "Then Alpha said 20.");
    assert_eq!(a.only.as_ref().unwrap().sentences.len(), 10);
    a.update(Action::Bottom);
    assert_eq!(shown(&a).last().unwrap(), "Then Alpha said 90.");
    assert_eq!(a.percent(), a.percent().min(100));
    a.update(Action::Top);
    assert_eq!(shown(&a)[0], "Alpha spoke first.");
    assert_eq!(a.only_place(), Some((0, 10)));
    for _ in 0..8 {
        a.update(Action::NextHit);
    }
    assert_eq!(a.only_place(), Some((8, 10)), "n walks the mentions");
    let m = a.current_mention().unwrap();
    assert!(a.on_screen(m.start as usize), "on screen");
    a.update(Action::NextHit);
    a.update(Action::NextHit);
    assert_eq!(a.aside, ["wrapped to the top"]);
    assert_eq!(shown(&a)[0], "Alpha spoke first.");
    a.update(Action::Clear);
    assert!(a.only.is_none());
    assert_eq!(a.top_offset(), before, "Esc returns to where & started");
}

#[test]
fn enter_reads_the_top_sentence_in_the_text_and_other_keys_leave_first() {
    let mut a = app();
    a.select(0, None);
    a.update(Action::ToggleOnly);
    a.update(Action::Scroll(Amount::Lines(3)));
    let top = shown(&a)[0].clone();
    a.update(Action::Select);
    assert!(a.only.is_none());
    assert!(shown(&a)[0].contains(&top), "{top:?} at the top");
    a.update(Action::JumpBack);
    assert_eq!(a.top_offset(), a.doc().body_start(), "Ctrl-o goes back");

    a.update(Action::ToggleOnly);
    a.update(Action::StartSearch);
    assert!(a.only.is_none(), "a search is of the whole text");
    a.update(Action::Cancel);

    // Enter on a mention in the contexts panel goes to it in the whole text.
    a.update(Action::ToggleContexts);
    assert_eq!(a.focus, Focus::Panel);
    a.focus = Focus::Document;
    a.update(Action::ToggleOnly);
    assert!(a.only.is_some());
    a.focus = Focus::Panel;
    a.update(Action::Bottom);
    a.update(Action::Select);
    assert!(a.only.is_none(), "a panel's Enter is about the whole text");
    let m = a.current_mention().unwrap();
    assert_eq!(a.reading().current, Some(9));
    assert!(a.on_screen(m.start as usize), "at the last mention");
}

#[test]
fn a_new_selection_in_the_cast_shows_its_sentences() {
    let mut a = app();
    a.select(0, None);
    a.update(Action::ToggleOnly);
    a.update(Action::FocusNext);
    assert_eq!(a.focus, Focus::Sidebar);
    while a.cursor_entity() != Some(1) {
        a.update(Action::Scroll(Amount::Lines(1)));
    }
    a.update(Action::Select);
    let o = a.only.as_ref().expect("& stays on");
    assert_eq!((o.entity, o.sentences.len()), (1, 1));
    assert_eq!(
        shown(&a),
        ["Beta opened."],
        "no blank row after the last sentence"
    );
}

#[test]
fn long_sentences_wrap_and_scroll_row_by_row() {
    let text = "Nothing here.\n\nAlpha walked a long way round the lake and came \
                back\nin the evening, tired. Nobody else.\n";
    let cast = Cast::found_by_search(text, &[("Alpha", Kind::Person)]);
    let mut a = App::with_cast(
        Document::from_string("t.txt", text),
        cast,
        Options::default(),
        40,
        8,
    );
    a.select(0, None);
    a.update(Action::ToggleOnly);
    let first = shown(&a);
    assert!(
        first.len() > 2,
        "wrapped, and its two lines kept: {first:?}"
    );
    assert!(first[0].starts_with("Alpha walked"));
    assert_eq!(first.last().unwrap(), "in the evening, tired.");
    assert!(!first.concat().contains("Nothing"));
    a.update(Action::Scroll(Amount::Lines(1)));
    assert_eq!(shown(&a)[0], first[0], "one page: nothing to scroll");
}

#[test]
fn sentences_run_on_within_a_paragraph_only() {
    assert!(runs_on(b" "));
    assert!(runs_on(b"\n"), "a line break inside a paragraph");
    assert!(runs_on(b""));
    assert!(!runs_on(b"\n\n"));
    assert!(!runs_on(b" \r\n  \r\n"));
    assert!(!runs_on(b" Filler here. "), "a sentence left out");
}

#[test]
fn names_only_leaves_out_the_sentences_with_only_a_pronoun() {
    use crate::reader::app::linked_fixture as fixture;
    let mut a = App::with_cast(fixture::doc(), fixture::cast(), Options::default(), 80, 20);
    let lopez = a
        .cast()
        .entities
        .iter()
        .position(|e| e.name == "Maria Lopez")
        .unwrap();
    a.select(lopez, None);
    a.update(Action::ToggleOnly);
    assert_eq!(a.only.as_ref().unwrap().sentences.len(), 5, "every mention");
    a.update(Action::ToggleScope);
    let o = a.only.as_ref().expect("e keeps & on");
    assert_eq!(o.sentences.len(), 3, "names only: {:?}", shown(&a));
    assert!(!shown(&a).concat().contains("She said"));
    // n walks the names only.
    for _ in 0..3 {
        a.update(Action::NextHit);
        let m = a.current_mention().unwrap();
        assert!(m.form.is_named(), "{m:?}");
    }
    assert_eq!(a.aside, ["wrapped to the top"]);
}
