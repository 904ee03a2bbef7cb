//! What is cut to fit narrow terminals (80 and 40 columns) keeps what matters: the prompt's
//! choices, `Esc closes`, the mention counter, a `…` where a row is cut, names that differ.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Style;

use super::row::Writer;
use super::*;
use crate::domain::cast::Cast;
use crate::domain::corrections::History;
use crate::domain::curation::Curation;
use crate::domain::document::Document;
use crate::domain::entity::Kind;
use crate::reader::action::Action;
use crate::reader::app::Options;

const AMERICA: &str = "Southern Motors Corporation of America";
const EUROPE: &str = "Southern Motors Corporation of Europe";

fn text() -> String {
    let mut t = format!(
        "{AMERICA} said on Tuesday, in a long statement read to the reporters who had gathered \
         outside the court in the rain since the early morning, that it would sue {EUROPE}.\n\n"
    );
    for i in 0..30 {
        t.push_str(&format!("Filler paragraph {i} says nothing at all.\n\n"));
    }
    t.push_str(&format!("Later {EUROPE} answered {AMERICA} and Qatar.\n"));
    t
}

fn app(width: u16, height: u16) -> App {
    let text = text();
    let cast = Cast::found_by_search(
        &text,
        &[
            (AMERICA, Kind::Organization),
            (EUROPE, Kind::Organization),
            ("Qatar", Kind::Country),
        ],
    );
    App::with_cast(
        Document::from_string("a-rather-long-file-name.txt", text),
        cast,
        Options::default(),
        width,
        height,
    )
}

/// The app with corrections enabled.
fn curated(mut a: App) -> App {
    let fresh = Vec::clone(&a.cast().entities);
    let quotes = a.cast().quotes.clone();
    let (curation, ..) = Curation::new(fresh, quotes, History::default(), a.doc());
    a.update(Action::Work(crate::reader::action::Work::CurationReady {
        doc: 0,
        curation: Box::new(curation),
        error: None,
    }));
    a
}

fn draw(app: &App) -> Buffer {
    let g = app.geometry;
    let mut terminal = Terminal::new(TestBackend::new(g.title.width, g.status.y + 1)).unwrap();
    terminal
        .draw(|f| render(f, app, &Keymap::default(), &Theme::monochrome()))
        .unwrap();
    terminal.backend().buffer().clone()
}

fn row_text(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect()
}

fn status(buf: &Buffer) -> String {
    row_text(buf, buf.area.height - 1)
}

#[test]
fn the_kind_prompt_shows_every_choice_and_the_entity_at_80_columns() {
    let mut a = curated(app(80, 24));
    a.update(Action::FocusNext);
    a.update(Action::Scroll(crate::reader::action::Amount::Lines(1)));
    a.update(Action::Edit(crate::reader::action::Edit::BeginSetKind));
    let line = status(&draw(&a));
    assert!(
        line.contains("p person") && line.contains("x other"),
        "{line}"
    );
    let name = &a.cast().entities[a.cursor_entity().unwrap()].name;
    let end = &name[name.len() - 4..];
    assert!(
        line.starts_with(" Sout") && line.contains(&format!("{end}: p person")),
        "it names the entity, by its start and end: {line}"
    );
}

#[test]
fn at_40_columns_the_kind_prompt_gives_every_letter() {
    let mut a = curated(app(40, 15));
    a.update(Action::FocusNext);
    a.update(Action::Edit(crate::reader::action::Edit::BeginSetKind));
    let line = status(&draw(&a));
    assert!(
        line.starts_with(" Sout") && line.contains(": kind? p o c g l d n x"),
        "{line}"
    );
}

#[test]
fn at_40_columns_the_status_keeps_the_mention_counter() {
    let mut a = app(40, 15);
    a.update(Action::FocusNext);
    a.update(Action::Select);
    let line = status(&draw(&a));
    // A long name gives way to the place of the mention.
    assert!(line.starts_with(" Southern"), "{line}");
    assert!(line.contains("… · 1/2 name"), "{line}");
}

#[test]
fn panel_titles_keep_esc_closes_and_cut_rows_end_with_an_ellipsis() {
    let mut a = app(80, 24);
    a.update(Action::FocusNext);
    a.update(Action::Select);
    a.update(Action::FocusNext);
    a.update(Action::ToggleConnections);
    let buf = draw(&a);
    let top = a.geometry.panel.unwrap().y;
    let title = row_text(&buf, top);
    assert!(title.contains("Connections of Southern"), "{title}");
    assert!(title.contains("Esc closes"), "{title}");
    a.update(Action::Select);
    let buf = draw(&a);
    let title = row_text(&buf, top);
    assert!(title.contains("Esc back"), "{title}");
    // A sentence longer than the row ends with `…` at the edge.
    let row = row_text(&buf, top + 1);
    assert!(row.trim_end().ends_with('…'), "{row}");
}

#[test]
fn two_long_names_that_differ_past_the_cut_look_different_in_the_cast() {
    let a = app(80, 24);
    let buf = draw(&a);
    let rows: Vec<String> = (0..buf.area.height)
        .map(|y| row_text(&buf, y))
        .filter(|r| r.contains("ORG "))
        .map(|r| r.split('│').next_back().unwrap().to_string())
        .collect();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_ne!(rows[0], rows[1]);
    assert!(rows.iter().any(|r| r.contains("rica")), "{rows:?}");
    assert!(rows.iter().any(|r| r.contains("rope")), "{rows:?}");
}

#[test]
fn columns_never_run_together() {
    let mut buf = Buffer::empty(ratatui::layout::Rect::new(0, 0, 60, 1));
    let mut w = Writer {
        buf: &mut buf,
        x: 0,
        y: 0,
        right: 60,
        base: Style::new(),
        filter: None,
        matched: Style::new(),
    };
    w.cell(AMERICA, 26, Style::new())
        .cell("319 docs", 8, Style::new());
    let row = row_text(&buf, 0);
    assert!(
        row.starts_with("Southern Motors Corporat… 319 do… "),
        "{row}"
    );
}

#[test]
fn titles_give_up_their_middle_parts_first() {
    let t = "Connections of Israel · 7 share sentences with it · Enter: the sentences · Esc closes";
    assert_eq!(fit_title(t, 200), t);
    assert_eq!(
        fit_title(t, 65),
        "Connections of Israel · 7 share sentences with it · Esc closes"
    );
    assert_eq!(fit_title(t, 40), "Connections of Israel · Esc closes");
    assert_eq!(fit_title(t, 25), "Connections of Israel");
    assert_eq!(fit_title(t, 12), "Connections…");
}

#[test]
fn a_cut_name_keeps_its_end_when_another_would_look_the_same() {
    assert_eq!(
        truncate_distinct(AMERICA, 20, &[AMERICA]),
        "Southern Motors Cor…"
    );
    assert_eq!(
        truncate_distinct(AMERICA, 20, &[AMERICA, EUROPE]),
        "Southern M…f America"
    );
    assert_eq!(truncate_distinct("Qatar", 20, &[EUROPE]), "Qatar");
    assert_eq!(truncate_middle("abcdefghij", 7), "abc…hij");
}

#[test]
fn the_rename_prompt_has_the_line_and_drops_its_hint_before_the_name() {
    let mut a = curated(app(80, 24));
    a.update(Action::FocusNext);
    a.update(Action::Edit(crate::reader::action::Edit::Rename));
    let line = status(&draw(&a));
    let name = &a.cast().entities[a.cursor_entity().unwrap()].name;
    assert!(
        line.starts_with(" rename Southe") && line.contains(&format!(" to: {name}▏")),
        "the old name gives way to the new: {line}"
    );
    // A new name wider than the screen shows its end, where one types.
    for c in " and of all the other places on the map".chars() {
        a.update(Action::PromptInput(c));
    }
    let line = status(&draw(&a));
    assert!(
        line.trim_end().ends_with("other places on the map▏"),
        "{line}"
    );
    let mut b = curated(app(120, 24));
    b.update(Action::FocusNext);
    b.update(Action::Edit(crate::reader::action::Edit::Rename));
    assert!(status(&draw(&b)).contains("(Enter renames, Esc keeps)"));
}

#[test]
fn in_the_cast_of_all_documents_long_names_stay_apart_from_their_columns() {
    let mut a = App::new(
        vec![
            Document::from_string("one.txt", text()),
            Document::from_string("two.txt", text()),
        ],
        Options::default(),
    );
    a.update(Action::Resize {
        width: 80,
        height: 24,
    });
    for doc in 0..2 {
        let cast = Cast::found_by_search(
            &text(),
            &[(AMERICA, Kind::Organization), (EUROPE, Kind::Organization)],
        );
        a.update(Action::Work(crate::reader::action::Work::CastReady {
            doc,
            cast: Box::new(cast),
        }));
    }
    a.update(Action::ToggleCorpus);
    let buf = draw(&a);
    let rows: Vec<String> = (0..buf.area.height)
        .map(|y| row_text(&buf, y))
        .filter(|r| r.contains(" docs"))
        .collect();
    assert_eq!(rows.len(), 2, "{rows:?}");
    for r in &rows {
        assert!(
            r.contains("   2 docs"),
            "a blank column before the count: {r}"
        );
    }
    assert!(
        rows.iter().any(|r| r.contains("…n of America ")),
        "{rows:?}"
    );
    assert!(
        rows.iter().any(|r| r.contains("…on of Europe ")),
        "{rows:?}"
    );
}
