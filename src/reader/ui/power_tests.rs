//! Rendering of what power users reach for — filtered lists, the sentences of one entity —
//! on a TestBackend, with the styles of the cells asserted.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Color;

use super::*;
use crate::domain::cast::Cast;
use crate::domain::document::Document;
use crate::domain::entity::Kind;
use crate::reader::action::Action;
use crate::reader::app::Options;

const STORY: &str = "date 2023-11-08 Ruritania met Elbonia in Oz. Elbonia thanked Ruritania.\n\n\
                     Freedonia stayed home. Oz welcomed Ruritania and Elbonia.\n\n\
                     At the end Ruritania wrote to Freedonia.";

fn app(width: u16, height: u16) -> App {
    let cast = Cast::found_by_search(
        STORY,
        &[
            ("Ruritania", Kind::Country),
            ("Elbonia", Kind::Organization),
            ("Oz", Kind::Place),
            ("Freedonia", Kind::Person),
        ],
    );
    App::with_cast(
        Document::from_string("news.txt", STORY),
        cast,
        Options::default(),
        width,
        height,
    )
}

fn draw(app: &App) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(
        app.geometry.title.width,
        app.geometry.status.y + 1,
    ))
    .unwrap();
    terminal
        .draw(|f| render(f, app, &Keymap::default(), &Theme::colored()))
        .unwrap();
    terminal.backend().buffer().clone()
}

fn row_text(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect()
}

fn screen(buf: &Buffer) -> String {
    (0..buf.area.height)
        .map(|y| row_text(buf, y).trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The x of each cell of the last occurrence of `word` on row `y` (the rightmost pane's).
fn cells_of(buf: &Buffer, y: u16, word: &str) -> Vec<u16> {
    let row = row_text(buf, y);
    let start = row.rfind(word).expect("word on row");
    let x0 = row[..start].chars().count() as u16;
    (x0..x0 + word.chars().count() as u16).collect()
}

fn find_row(buf: &Buffer, needle: &str) -> u16 {
    find_row_from(buf, 0, needle)
}

fn find_row_from(buf: &Buffer, from: u16, needle: &str) -> u16 {
    (from..buf.area.height)
        .find(|&y| row_text(buf, y).contains(needle))
        .unwrap_or_else(|| panic!("{needle} not on screen:\n{}", screen(buf)))
}

fn type_text(a: &mut App, text: &str) {
    for c in text.chars() {
        a.update(Action::PromptInput(c));
    }
}

#[test]
fn a_filtered_cast_shows_its_filter_count_and_the_matched_letters() {
    let mut a = app(100, 16);
    a.update(Action::FocusNext);
    a.update(Action::StartSearch);
    type_text(&mut a, "don");
    let buf = draw(&a);
    let s = screen(&buf);
    assert!(s.contains("Cast · /don 1/4"), "{s}");
    assert!(
        !s.contains("Ruritania  "),
        "Ruritania is filtered out:\n{s}"
    );
    let status = row_text(&buf, buf.area.height - 1);
    assert!(
        status.contains("filter the cast: don▏ 1/4 · Enter keeps · Esc clears"),
        "{status}"
    );
    let y = find_row(&buf, "PER  Freedonia");
    let matched = Theme::colored().search_hit(false).bg;
    let name = cells_of(&buf, y, "Freedonia");
    for &x in &name[4..7] {
        assert_eq!(buf[(x, y)].bg, matched.unwrap(), "'don' is marked at {x}");
    }
    assert_ne!(buf[(name[0], y)].bg, matched.unwrap(), "'F' is not");
}

#[test]
fn an_empty_prompt_says_how_to_filter_by_kind() {
    let mut a = app(100, 16);
    a.update(Action::FocusNext);
    a.update(Action::StartSearch);
    let buf = draw(&a);
    let status = row_text(&buf, buf.area.height - 1);
    assert!(status.contains("(words, kind:per kind:org…)"), "{status}");
}

#[test]
fn a_filtered_panel_list_marks_its_matches_and_says_so_in_its_header() {
    let mut a = app(100, 24);
    a.update(Action::FocusNext);
    a.update(Action::Select);
    a.update(Action::ToggleContexts);
    a.update(Action::StartSearch);
    type_text(&mut a, "end");
    a.update(Action::PromptSubmit);
    let buf = draw(&a);
    let panel = a.geometry.panel.unwrap().y;
    let header = row_text(&buf, panel);
    assert!(header.contains("/end 1/4 (Esc clears)"), "{header}");
    let y = find_row_from(&buf, panel + 1, "At the end");
    let x = cells_of(&buf, y, "end")[0];
    assert_eq!(buf[(x, y)].bg, Color::LightYellow);
}

fn status_row(app: &App) -> String {
    let buf = draw(app);
    row_text(&buf, buf.area.height - 1)
}

#[test]
fn the_search_prompt_counts_hits_as_typed_and_offers_earlier_searches() {
    let mut a = app(80, 20);
    a.update(Action::StartSearch);
    for c in "elbonia".chars() {
        a.update(Action::PromptInput(c));
    }
    assert!(status_row(&a).contains("/elbonia▏ "), "{}", status_row(&a));
    a.update(Action::CountSearchHits);
    assert!(
        status_row(&a).contains("/elbonia▏ 1/3"),
        "{}",
        status_row(&a)
    );
    a.update(Action::PromptInput('x'));
    assert!(status_row(&a).contains("/elboniax▏ not found"));
    a.update(Action::PromptBackspace);
    a.update(Action::PromptSubmit);
    a.update(Action::Cancel);
    a.update(Action::StartSearch);
    assert!(status_row(&a).contains("/▏ (↑ earlier searches)"));
}

#[test]
fn ampersand_draws_only_the_sentences_of_the_selection_with_its_mentions_lit() {
    let mut a = app(80, 16);
    let freedonia = a
        .cast()
        .entities
        .iter()
        .position(|e| e.name == "Freedonia")
        .unwrap();
    // In the cast, `&` acts on the entity under the cursor.
    a.update(Action::FocusNext);
    while a.cursor_entity() != Some(freedonia) {
        a.update(Action::Scroll(crate::reader::action::Amount::Lines(1)));
    }
    a.update(Action::ToggleOnly);
    let buf = draw(&a);
    let text = a.geometry.text;
    let rows: Vec<String> = (text.y..text.y + 3)
        .map(|y| {
            let row: String = (row_text(&buf, y).chars())
                .skip(text.x as usize)
                .take(text.width as usize)
                .collect();
            row.trim().to_string()
        })
        .collect();
    assert!(rows[0].starts_with("Freedonia stayed home."), "{rows:?}");
    assert_eq!(rows[1], "", "a paragraph left out between them");
    assert!(rows[2].starts_with("At the end Ruritania wrote to Freedonia."));
    assert!(!screen(&buf).contains("thanked"), "{}", screen(&buf));
    let y = find_row(&buf, "At the end");
    let x = cells_of(&buf, y, "Freedonia")[0];
    let lit = Theme::colored().mention(Kind::Person);
    assert_eq!(buf[(x, y)].fg, lit.fg.unwrap(), "the mention is lit");
    let status = row_text(&buf, buf.area.height - 1);
    assert!(status.contains("& Freedonia · sentence 1/2"), "{status}");
}
