//! The reader driven by Actions, as keys and the mouse would drive it.

use super::*;
use crate::domain::entity::{Entity, Kind, Mention};

/// A long document where "Alpha" and "Beta" recur, with entities found by plain search.
fn fixture() -> (Document, Cast) {
    let mut text = String::new();
    for i in 0..60 {
        if i % 15 == 3 {
            text.push_str(&format!("Paragraph {i} says Alpha met Beta.\n\n"));
        } else {
            text.push_str(&format!(
                "Paragraph {i} is filler text about nothing much.\n\n"
            ));
        }
    }
    let find = |name: &str, kind| Entity {
        id: name.to_lowercase(),
        name: name.into(),
        kind,
        aliases: vec![name.into()],
        mentions: text
            .match_indices(name)
            .map(|(i, _)| Mention::new(i..i + name.len()))
            .collect(),
    };
    let entities = vec![find("Alpha", Kind::Person), find("Beta", Kind::Place)];
    (Document::from_string("t.txt", text), Cast::new(entities))
}

fn app(width: u16, height: u16) -> App {
    let (doc, cast) = fixture();
    App::with_cast(doc, cast, Options::default(), width, height)
}

fn top_text(app: &App) -> String {
    let (_, span) = app.view[0];
    app.doc.text(span.start..span.end).into_owned()
}

#[test]
fn tab_then_enter_selects_the_entity_under_the_cursor() {
    let mut a = app(100, 20);
    a.update(Action::FocusNext);
    assert_eq!(a.focus, Focus::Sidebar);
    assert_eq!(
        a.highlighted(),
        Some(0),
        "the cursor previews the first actor"
    );
    a.update(Action::Select);
    assert_eq!(a.selected, Some(0));
    assert_eq!(a.current, Some(0));
    let m = a.current_mention().unwrap();
    assert!(
        a.on_screen(m.start as usize),
        "the pane scrolled to the first mention"
    );
}

#[test]
fn n_and_shift_n_walk_mentions_and_wrap_round() {
    let mut a = app(100, 20);
    a.update(Action::FocusNext);
    a.update(Action::Select);
    let total = a.cast.entities[0].mentions.len();
    assert_eq!(total, 4);
    for expected in [1, 2, 3, 0] {
        a.update(Action::NextHit);
        assert_eq!(a.current, Some(expected));
        let m = a.current_mention().unwrap();
        assert!(a.on_screen(m.start as usize));
    }
    a.update(Action::PrevHit);
    assert_eq!(a.current, Some(3));
    assert_eq!(a.focus, Focus::Document, "n hands focus back to the text");
}

#[test]
fn moving_the_cursor_previews_and_scrolls_to_that_entity() {
    let mut a = app(100, 10);
    a.update(Action::FocusNext);
    a.update(Action::Scroll(Amount::Lines(1)));
    let beta = a.cursor_entity().unwrap();
    assert_eq!(a.cast.entities[beta].name, "Beta");
    assert_eq!(a.highlighted(), Some(beta));
    let first = a.cast.entities[beta].mentions[0].start as usize;
    assert!(a.on_screen(first));
}

#[test]
fn escape_leaves_the_sidebar_then_clears_the_selection() {
    let mut a = app(100, 20);
    a.update(Action::FocusNext);
    a.update(Action::Select);
    a.update(Action::Clear);
    assert_eq!(a.focus, Focus::Document);
    assert_eq!(a.selected, Some(0));
    a.update(Action::Clear);
    assert_eq!(a.selected, None);
    assert_eq!(a.highlighted(), None);
}

#[test]
fn n_without_a_selection_says_what_to_do() {
    let mut a = app(100, 20);
    a.update(Action::NextHit);
    assert!(a.message.as_deref().unwrap().contains("select"));
    a.update(Action::Scroll(Amount::Lines(1)));
    assert_eq!(a.message, None);
}

#[test]
fn bottom_and_top() {
    let mut a = app(100, 20);
    a.update(Action::Bottom);
    assert_eq!(a.percent(), 100);
    let shown: Vec<String> = a
        .view
        .iter()
        .map(|(_, s)| a.doc.text(s.start..s.end).into_owned())
        .collect();
    assert_eq!(
        shown.len(),
        a.geometry.text.height as usize,
        "the last screen is full"
    );
    assert!(shown.iter().any(|t| t.starts_with("Paragraph 59 ")));
    assert_eq!(a.view.last().unwrap().1.end, a.doc.len());
    a.update(Action::Top);
    assert_eq!(
        top_text(&a),
        "Paragraph 0 is filler text about nothing much."
    );
}

#[test]
fn pages_scroll_by_a_screen_less_one_row() {
    let mut a = app(100, 20);
    let before = a.view[a.view.len() - 1].1;
    a.update(Action::Scroll(Amount::Pages(1)));
    assert_eq!(
        a.view[0].1, before,
        "the last row stays on screen as the first"
    );
}

#[test]
fn resizing_keeps_the_top_text_in_view() {
    let mut a = app(120, 30);
    a.update(Action::Scroll(Amount::Lines(17)));
    let offset = a.view[0].1.start;
    a.update(Action::Resize {
        width: 45,
        height: 30,
    });
    let (_, first) = a.view[0];
    assert!(first.start <= offset && offset < first.end.max(first.start + 1));
}

#[test]
fn a_narrow_screen_folds_the_sidebar_and_tab_opens_it_as_a_drawer() {
    let mut a = app(50, 20);
    assert!(!a.sidebar_shown());
    a.update(Action::FocusNext);
    assert!(a.sidebar_shown());
    assert_eq!(a.focus, Focus::Sidebar);
    a.update(Action::Select);
    assert!(!a.sidebar_shown(), "choosing closes the drawer");
    assert_eq!(a.selected, Some(0));
}

#[test]
fn too_small_shows_no_rows_but_quits() {
    let mut a = app(20, 5);
    assert!(a.geometry.too_small);
    assert!(a.view.is_empty());
    a.update(Action::Quit);
    assert!(a.quit);
}

#[test]
fn clicking_a_sidebar_row_selects_it() {
    let mut a = app(100, 20);
    let side = a.geometry.sidebar.unwrap();
    // Row 0 of the list is the "Actors" heading, row 1 Alpha; the list starts below a title.
    a.update(Action::MouseClick {
        column: side.x + 3,
        row: side.y + 2,
    });
    assert_eq!(a.selected, Some(0));
}

#[test]
fn clicking_a_mention_in_the_text_selects_its_entity() {
    let mut a = app(100, 20);
    let beta = a.cast.entities[1].mentions[0];
    a.update(Action::FocusNext);
    a.update(Action::Scroll(Amount::Lines(1)));
    a.update(Action::Clear);
    a.update(Action::Clear);
    let (row, span) = a
        .view
        .iter()
        .enumerate()
        .find(|(_, (_, s))| s.start <= beta.start as usize && (beta.start as usize) < s.end)
        .map(|(i, (_, s))| (i, *s))
        .unwrap();
    let column = a.geometry.text.x + (beta.start as usize - span.start) as u16;
    a.update(Action::MouseClick {
        column,
        row: a.geometry.text.y + row as u16,
    });
    assert_eq!(a.selected, Some(1));
    assert_eq!(a.current, Some(0));
}

#[test]
fn wheel_scrolls_the_pane_under_the_pointer() {
    let mut a = app(100, 20);
    let before = a.view[0].1;
    a.update(Action::MouseScroll {
        column: 5,
        row: 5,
        lines: 3,
    });
    assert_ne!(a.view[0].1, before);
    let side = a.geometry.sidebar.unwrap();
    let doc_top = a.view[0].1;
    a.update(Action::MouseScroll {
        column: side.x + 2,
        row: 5,
        lines: 1,
    });
    assert_eq!(a.view[0].1, doc_top, "the sidebar scrolled, not the text");
    assert_eq!(a.sidebar_scroll, 1);
}

#[test]
fn progress_then_cast_fills_the_sidebar() {
    let (doc, cast) = fixture();
    let mut a = App::new(vec![doc], Options::default());
    a.update(Action::Resize {
        width: 100,
        height: 20,
    });
    assert_eq!(a.progress, Some(0));
    a.update(Action::Progress {
        doc: 0,
        percent: 43,
    });
    assert_eq!(a.progress, Some(43));
    a.update(Action::Scroll(Amount::Lines(2)));
    assert_eq!(a.progress, Some(43), "keys work while entities are found");
    a.update(Action::CastReady {
        doc: 0,
        cast: Box::new(cast),
    });
    assert_eq!(a.progress, None);
    assert_eq!(a.sidebar_rows.len(), 4);
}
