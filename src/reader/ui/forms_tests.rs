//! How mentions are lit by form, on a TestBackend: names on their kind's colour, descriptions
//! and pronouns underlined in it (underlined only in monochrome), nothing inferred when names
//! only are lit; the cast's two counts; the status naming the current mention's form.

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

use super::tests::{draw, find_row, row_text, screen, word_cells};
use super::*;
use crate::domain::lit::Scope;
use crate::reader::action::Action;
use crate::reader::app::{Options, linked_fixture as fixture};

/// The reader with Maria Lopez selected (her first mention, "Maria Lopez", current).
fn app(scope: Scope, width: u16, height: u16) -> App {
    let options = Options {
        scope,
        ..Options::default()
    };
    let mut a = App::with_cast(fixture::doc(), fixture::cast(), options, width, height);
    a.update(Action::FocusNext);
    a.update(Action::Select);
    a.update(Action::FocusNext);
    a
}

/// The cells of the `nth` `word` on the first row holding `context`.
fn cells<'a>(
    buf: &'a Buffer,
    context: &str,
    word: &str,
    nth: usize,
) -> Vec<&'a ratatui::buffer::Cell> {
    let y = find_row(buf, context);
    word_cells(buf, y, word, nth)
        .into_iter()
        .map(|x| &buf[(x, y)])
        .collect()
}

#[test]
fn names_are_lit_on_their_colour_and_inferred_mentions_underlined_in_it() {
    let a = app(Scope::Every, 100, 16);
    let buf = draw(&a, &Theme::colored());
    let yellow = Theme::colored().kind_color(crate::domain::entity::Kind::Person);
    for c in cells(&buf, "Lopez thanked", "Lopez", 0) {
        assert_eq!((c.fg, c.bg), (Color::Black, yellow), "a name: {c:?}");
        assert!(!c.modifier.contains(Modifier::UNDERLINED));
    }
    for (context, word) in [
        ("She said", "She"),
        ("and she left", "she"),
        ("defence", "defence"),
    ] {
        for c in cells(&buf, context, word, 0) {
            assert_eq!((c.fg, c.bg), (yellow, Color::Reset), "{word}: {c:?}");
            assert!(c.modifier.contains(Modifier::UNDERLINED), "{word}: {c:?}");
            assert!(!c.modifier.contains(Modifier::REVERSED));
        }
    }
    // Becker is not selected: his pronoun is plain text.
    for c in cells(&buf, "He said", "He", 0) {
        assert_eq!(
            (c.fg, c.bg, c.modifier),
            (Color::Reset, Color::Reset, Modifier::empty())
        );
    }
    // The current mention is marked whatever its form.
    for c in cells(&buf, "Maria Lopez", "Maria", 0) {
        assert_eq!(c.bg, yellow);
        assert!(c.modifier.contains(Modifier::BOLD | Modifier::UNDERLINED));
    }
}

#[test]
fn the_current_pronoun_is_marked_like_a_current_name_and_the_status_names_its_form() {
    let mut a = app(Scope::Every, 100, 16);
    a.update(Action::NextHit);
    a.update(Action::NextHit);
    let buf = draw(&a, &Theme::colored());
    let yellow = Theme::colored().kind_color(crate::domain::entity::Kind::Person);
    for c in cells(&buf, "She said", "She", 0) {
        assert_eq!((c.fg, c.bg), (Color::Black, yellow));
        assert!(c.modifier.contains(Modifier::BOLD | Modifier::UNDERLINED));
    }
    let y = find_row(&buf, "She said");
    assert!(row_text(&buf, y).starts_with('▶'));
    let status = row_text(&buf, buf.area.height - 1);
    assert!(
        status.contains("Maria Lopez · mention 3/7 · pronoun"),
        "{status}"
    );
    a.update(Action::PrevHit);
    let status = row_text(&draw(&a, &Theme::colored()), buf.area.height - 1);
    assert!(status.contains("mention 2/7 · description"), "{status}");
}

#[test]
fn monochrome_reverses_names_and_only_underlines_inferred_mentions() {
    let a = app(Scope::Every, 100, 16);
    let buf = draw(&a, &Theme::monochrome());
    for c in cells(&buf, "Lopez thanked", "Lopez", 0) {
        assert!(c.modifier.contains(Modifier::REVERSED), "{c:?}");
        assert_eq!((c.fg, c.bg), (Color::Reset, Color::Reset));
    }
    for c in cells(&buf, "She said", "She", 0) {
        assert_eq!(c.modifier, Modifier::UNDERLINED, "{c:?}");
        assert_eq!((c.fg, c.bg), (Color::Reset, Color::Reset));
    }
    for c in cells(&buf, "Maria Lopez", "Maria", 0) {
        assert!(
            c.modifier
                .contains(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED)
        );
    }
}

#[test]
fn names_only_leaves_descriptions_and_pronouns_unlit() {
    for theme in [Theme::colored(), Theme::monochrome()] {
        let a = app(Scope::Names, 100, 16);
        let buf = draw(&a, &theme);
        for (context, word) in [
            ("She said", "She"),
            ("defence", "defence"),
            ("with her", "her"),
        ] {
            for c in cells(&buf, context, word, 0) {
                assert_eq!(
                    (c.fg, c.bg, c.modifier),
                    (Color::Reset, Color::Reset, Modifier::empty()),
                    "{word}"
                );
            }
        }
        let lopez = cells(&buf, "Lopez thanked", "Lopez", 0);
        assert!(
            lopez
                .iter()
                .all(|c| c.bg != Color::Reset || c.modifier.contains(Modifier::REVERSED))
        );
    }
}

/// The cast row of `name`, trimmed.
fn cast_row(buf: &Buffer, name: &str) -> (u16, String) {
    let y = (0..buf.area.height)
        .rev()
        .find(|&y| row_text(buf, y).contains(name))
        .expect(name);
    (y, row_text(buf, y).trim_end().to_string())
}

#[test]
fn the_cast_counts_names_then_inferred_mentions_aligned() {
    // A narrow cast (80 columns) drops the space between the counts, for the names.
    for (width, lopez_counts, becker_counts) in [(120, " 3 +4", " 1 +2"), (80, " 3+4", " 1+2")] {
        let a = app(Scope::Every, width, 16);
        let buf = draw(&a, &Theme::colored());
        let (_, lopez) = cast_row(&buf, "PER  Maria");
        let (_, becker) = cast_row(&buf, "PER  Tom");
        let (_, boston) = cast_row(&buf, "PLC  Boston");
        assert!(
            lopez.contains("Maria Lopez ") && lopez.ends_with(lopez_counts),
            "{width}: {lopez:?}"
        );
        assert!(becker.ends_with(becker_counts), "{becker:?}");
        // No inferred mention: the names count in the same column, the other left blank.
        assert_eq!(
            boston.chars().count(),
            lopez.chars().count() - (lopez_counts.len() - " 3".len()),
            "{boston:?}"
        );
        assert!(boston.ends_with(" 1"));
        let plus = |row: &str| row.chars().position(|c| c == '+');
        assert_eq!(plus(&lopez), plus(&becker));
    }
    let a = app(Scope::Names, 100, 16);
    let buf = draw(&a, &Theme::colored());
    let (_, lopez) = cast_row(&buf, "PER  Maria");
    assert!(lopez.ends_with(" 3"), "{lopez:?}");
    assert!(!screen(&buf).contains('+'), "names only: one count");
}

#[test]
fn the_cast_drawer_of_a_narrow_terminal_shows_both_counts() {
    let mut a = App::with_cast(fixture::doc(), fixture::cast(), Options::default(), 40, 15);
    a.update(Action::FocusNext);
    let buf = draw(&a, &Theme::colored());
    let (_, lopez) = cast_row(&buf, "PER  Maria Lopez");
    assert!(lopez.ends_with(" 3 +4"), "{lopez:?}");
    a.update(Action::Select);
    let buf = draw(&a, &Theme::colored());
    let status = row_text(&buf, buf.area.height - 1);
    assert!(status.contains("1/7 · name"), "{status}");
    // Walked to the description: its form still fits, in short.
    a.update(Action::NextHit);
    let buf = draw(&a, &Theme::colored());
    let status = row_text(&buf, buf.area.height - 1);
    assert!(status.contains("Maria Lopez · 2/7 description"), "{status}");
}

#[test]
fn the_map_column_marks_rows_by_the_scope() {
    // The whole text is on screen, so each map cell stands for the row beside it; the row
    // holding only "her" of Lopez is marked when every mention is lit, not with names only.
    let map_at = |scope: Scope| {
        let a = app(scope, 100, 16);
        let buf = draw(&a, &Theme::colored());
        let y = find_row(&buf, "with her");
        assert!(
            !row_text(&buf, y).contains("Lopez"),
            "the row has only the pronoun"
        );
        buf[(a.geometry.map.x, y)].symbol().to_string()
    };
    assert_eq!(map_at(Scope::Every), "■");
    assert_ne!(map_at(Scope::Names), "■");
}

#[test]
fn the_list_in_context_draws_pronouns_underlined() {
    let mut a = app(Scope::Every, 100, 24);
    a.update(Action::ToggleContexts);
    let buf = draw(&a, &Theme::colored());
    let yellow = Theme::colored().kind_color(crate::domain::entity::Kind::Person);
    let panel = a.geometry.panel.expect("the panel is open");
    let header = row_text(&buf, panel.y);
    assert!(header.contains("7 mentions"), "{header}");
    // Each row is aligned on its mention: the row whose key is "She" draws it underlined
    // in the kind's colour (other rows show it as plain context).
    let style_of = |y: u16, word: &str| {
        let row = row_text(&buf, y);
        row.contains(word).then(|| {
            let x = word_cells(&buf, y, word, 0)[0];
            (buf[(x, y)].fg, buf[(x, y)].bg, buf[(x, y)].modifier)
        })
    };
    let rows = panel.y + 1..panel.y + panel.height;
    let she: Vec<_> = rows
        .clone()
        .filter_map(|y| style_of(y, "She said"))
        .collect();
    assert!(
        she.contains(&(yellow, Color::Reset, Modifier::UNDERLINED)),
        "{she:?}"
    );
    let lopez: Vec<_> = rows.filter_map(|y| style_of(y, "Lopez thanked")).collect();
    assert!(lopez.iter().any(|s| s.1 == yellow), "{lopez:?}");
}

#[test]
fn a_pinned_actors_pronouns_are_underlined_in_its_pin_colour() {
    let mut a = app(Scope::Every, 100, 16);
    a.update(Action::TogglePin);
    let buf = draw(&a, &Theme::colored());
    let pin = pins::PIN_COLORS[0];
    for c in cells(&buf, "Lopez thanked", "Lopez", 0) {
        assert_eq!(c.bg, pin, "{c:?}");
    }
    for c in cells(&buf, "She said", "She", 0) {
        assert_eq!((c.fg, c.bg), (pin, Color::Reset), "{c:?}");
        assert!(c.modifier.contains(Modifier::UNDERLINED));
    }
    // Names only: the pin's pronouns go dark too.
    a.update(Action::ToggleScope);
    let buf = draw(&a, &Theme::colored());
    for c in cells(&buf, "She said", "She", 0) {
        assert_eq!(
            (c.fg, c.bg, c.modifier),
            (Color::Reset, Color::Reset, Modifier::empty())
        );
    }
}

/// The whole screen, as text, with Maria Lopez selected and walked to her first pronoun: the
/// cast's two counts, the status naming the form, at a wide, a standard and a narrow size.
#[test]
fn screens_with_a_pronoun_current_at_three_sizes() {
    for (width, height) in [(120, 14), (80, 14), (40, 15)] {
        let mut a = app(Scope::Every, width, height);
        a.update(Action::NextHit);
        a.update(Action::NextHit);
        insta::assert_snapshot!(
            format!("pronoun_current_{width}x{height}"),
            screen(&draw(&a, &Theme::colored()))
        );
    }
}
