//! A large document's cast in two steps, on a TestBackend: the names first, saying that the
//! pronouns are still being found, then the whole cast in place, the reader's selection,
//! cursor, scroll and typed search kept.

use super::tests::{draw, row_text, screen};
use super::*;
use crate::domain::cast::Cast;
use crate::domain::entity::{Form, Kind};
use crate::domain::lit::Scope;
use crate::reader::action::{Action, Amount, Work};
use crate::reader::app::{Focus, Options, linked_fixture as fixture};

/// The fixture's cast as the names alone give it (what `Work::NamesReady` carries).
fn names_cast() -> Cast {
    use Form::Name;
    Cast::linked(
        fixture::TEXT,
        &[
            (
                "Maria Lopez",
                Kind::Person,
                &[
                    ("Maria Lopez", 0, Name),
                    ("Lopez", 1, Name),
                    ("Lopez", 2, Name),
                ],
            ),
            ("Boston", Kind::Place, &[("Boston", 0, Name)]),
            ("Tom Becker", Kind::Person, &[("Tom Becker", 0, Name)]),
        ],
    )
}

fn row<'a>(s: &'a str, name: &str) -> &'a str {
    s.lines().find(|l| l.contains(name)).expect(name).trim_end()
}

#[test]
fn the_names_come_first_and_the_inferred_mentions_fill_in_without_moving_the_reader() {
    let options = Options {
        scope: Scope::Every,
        ..Options::default()
    };
    let mut a = App::new(vec![fixture::doc()], options);
    a.update(Action::Resize {
        width: 120,
        height: 16,
    });
    a.update(Action::Work(Work::NamesReady {
        doc: 0,
        cast: Box::new(names_cast()),
    }));
    let names = screen(&draw(&a, &Theme::colored()));
    assert!(names.contains("Cast · 3 · finding pronouns…"), "{names}");
    assert!(names.contains("finding pronouns, descriptions and quotations…"));
    assert!(row(&names, "PER  Maria").ends_with(" 3"), "{names}");
    assert!(!names.contains('+'), "no inferred mention yet: {names}");

    // The reader goes to Tom Becker in the cast, selects him, and starts typing a filter.
    a.update(Action::FocusNext);
    a.update(Action::Scroll(Amount::Lines(1)));
    a.update(Action::Select);
    a.update(Action::StartSearch);
    for c in "e".chars() {
        a.update(Action::PromptInput(c));
    }
    let becker = |a: &App| {
        a.cast()
            .entities
            .iter()
            .position(|e| e.name == "Tom Becker")
    };
    assert_eq!(a.reading().selected, becker(&a));
    let (cursor, scroll) = (a.cursor, a.sidebar_scroll);

    a.update(Action::Work(Work::CastReady {
        doc: 0,
        cast: Box::new(fixture::cast()),
    }));
    let whole = screen(&draw(&a, &Theme::colored()));
    assert!(whole.contains("Cast · /e 2/3\n"), "{whole}");
    assert!(row(&whole, "PER  Maria").ends_with(" 3 +4"), "{whole}");
    assert!(row(&whole, "PER  Tom").ends_with(" 1 +2"), "{whole}");
    // Tom Becker is still the one selected and under the cursor (now with his pronouns),
    // the filter is still being typed.
    assert_eq!(a.reading().selected, becker(&a));
    assert_eq!(a.cursor_entity(), becker(&a));
    assert_eq!((a.cursor, a.sidebar_scroll), (cursor, scroll));
    assert_eq!(a.prompt.as_deref(), Some("e"));
    assert!(whole.contains("filter the cast: e▏ 2/3"), "{whole}");
    // His pronouns are lit now: `n` walks from his name to "He".
    a.update(Action::PromptSubmit);
    a.update(Action::FocusNext);
    assert_eq!(a.focus, Focus::Document);
    a.update(Action::NextHit);
    let buf = draw(&a, &Theme::colored());
    let status = row_text(&buf, buf.area.height - 1);
    assert!(
        status.contains("Tom Becker · mention 2/3 · pronoun"),
        "{status}"
    );
}

#[test]
fn the_names_read_so_far_say_so_and_reading_goes_on_under_them() {
    let mut a = App::new(vec![fixture::doc()], Options::default());
    a.update(Action::Resize {
        width: 120,
        height: 16,
    });
    a.update(Action::Work(Work::Progress {
        doc: 0,
        percent: 20,
    }));
    a.update(Action::Work(Work::NamesSoFar {
        doc: 0,
        cast: Box::new(names_cast()),
        percent: 30,
    }));
    a.update(Action::Work(Work::Progress {
        doc: 0,
        percent: 45,
    }));
    let so_far = screen(&draw(&a, &Theme::colored()));
    assert!(so_far.contains("Cast so far · 3 · 45% read"), "{so_far}");
    assert!(
        so_far.contains("the names read so far · reading… 45%"),
        "{so_far}"
    );
    assert!(row(&so_far, "PER  Maria").ends_with(" 3"), "{so_far}");
    // The cast is there to use while reading goes on.
    a.update(Action::FocusNext);
    a.update(Action::Select);
    assert!(a.reading().selected.is_some());

    a.update(Action::Work(Work::NamesReady {
        doc: 0,
        cast: Box::new(names_cast()),
    }));
    let names = screen(&draw(&a, &Theme::colored()));
    assert!(names.contains("Cast · 3 · finding pronouns…"), "{names}");
    assert!(!names.contains("so far"), "{names}");
    assert_eq!(a.cursor_entity(), a.reading().selected);
}
