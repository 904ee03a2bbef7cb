//! Rendering of the connections panel, the context list, the mention map and pins on a
//! TestBackend, with the styles of the cells asserted (a text snapshot cannot see them).

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

use super::*;
use crate::domain::cast::Cast;
use crate::domain::document::Document;
use crate::domain::entity::{Entity, Kind, Mention};
use crate::reader::action::{Action, Amount};
use crate::reader::app::Options;

/// Ruritania and Elbonia talk at the top; far below, Freedonia meets Ruritania.
fn text() -> String {
    let mut t = String::from(
        "date 2023-11-08 Ruritania is in talks with Elbonia about Oz. Elbonia agreed.\n\n",
    );
    for i in 0..30 {
        t.push_str(&format!(
            "Filler paragraph number {i} says nothing at all.\n\n"
        ));
    }
    t.push_str("Freedonia met Ruritania in Oz.\n");
    t
}

fn app(width: u16, height: u16) -> App {
    let text = text();
    let cast = Cast::found_by_search(
        &text,
        &[
            ("Ruritania", Kind::Country),
            ("Elbonia", Kind::Organization),
            ("Oz", Kind::Place),
            ("Freedonia", Kind::Person),
        ],
    );
    let mut a = App::with_cast(
        Document::from_string("news.txt", text),
        cast,
        Options::default(),
        width,
        height,
    );
    a.update(Action::FocusNext);
    a.update(Action::Select);
    a.update(Action::FocusNext);
    assert_eq!(a.reading().selected, Some(0), "Ruritania selected");
    a
}

fn draw(app: &App, theme: &Theme) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(
        app.geometry.title.width,
        app.geometry.status.y + 1,
    ))
    .unwrap();
    terminal
        .draw(|f| render(f, app, &Keymap::default(), theme))
        .unwrap();
    terminal.backend().buffer().clone()
}

fn row_text(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect()
}

/// The first row at or below `from` containing `needle`, and the column where it starts.
fn find(buf: &Buffer, from: u16, needle: &str) -> (u16, u16) {
    for y in from..buf.area.height {
        let row = row_text(buf, y);
        if let Some(i) = row.find(needle) {
            return (row[..i].chars().count() as u16, y);
        }
    }
    panic!(
        "{needle} not on screen:\n{}",
        (0..buf.area.height)
            .map(|y| row_text(buf, y))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

fn panel_top(app: &App) -> u16 {
    app.geometry.panel.expect("the panel is open").y
}

#[test]
fn the_connections_panel_groups_actors_and_places_with_counts_tags_and_linking_words() {
    let mut a = app(100, 30);
    a.update(Action::ToggleConnections);
    let buf = draw(&a, &Theme::colored());
    let top = panel_top(&a);
    let (_, head) = find(&buf, top, "Connections of Ruritania");
    assert_eq!(head, top);
    let (_, actors) = find(&buf, top, "Actors");
    let (_, places) = find(&buf, top, "Places");
    let (x, elbonia) = find(&buf, top, "Elbonia");
    let (_, freedonia) = find(&buf, top, "Freedonia");
    let (_, oz) = find(&buf, top + 1, " Oz ");
    assert!(actors < elbonia && elbonia < freedonia && freedonia < places && places < oz);
    let row = row_text(&buf, elbonia);
    assert!(row.contains("ORG "), "{row}");
    assert!(row.contains("Ruritania —in talks with→ Elbonia"), "{row}");
    // The kind tag in its colour; the cursor row (the strongest connection) in reverse video.
    let tag = row.find("ORG").unwrap() as u16;
    assert_eq!(buf[(tag, elbonia)].fg, Color::Cyan);
    assert!(buf[(x, elbonia)].modifier.contains(Modifier::REVERSED));
    assert!(!buf[(x, freedonia)].modifier.contains(Modifier::REVERSED));
    assert_eq!(buf[(1, oz)].symbol(), " ");
    let count = row_text(&buf, oz);
    assert!(count.contains("PLC  Oz"), "{count}");
}

#[test]
fn an_opened_connection_lists_its_sentences_with_both_entities_lit() {
    let mut a = app(100, 30);
    a.update(Action::ToggleConnections);
    a.update(Action::Select);
    let buf = draw(&a, &Theme::colored());
    let top = panel_top(&a);
    find(&buf, top, "Ruritania and Elbonia · 1 shared sentence");
    let (x, y) = find(&buf, top + 1, "Ruritania is in talks with Elbonia");
    assert_eq!(buf[(x, y)].bg, Color::Green, "Ruritania in its kind colour");
    assert_eq!(
        buf[(x + 27, y)].bg,
        Color::Cyan,
        "Elbonia in its kind colour"
    );
    assert_eq!(buf[(x + 10, y)].bg, Color::Reset, "words between are plain");
    // In the text, the connected entity is lit beside the selection while the panel has focus.
    let (x, y) = find(&buf, 1, "Ruritania is in talks with Elbonia");
    assert_eq!(
        buf[(x + 27, y)].bg,
        Color::Cyan,
        "Elbonia lit in the text too"
    );
    // Enter jumps: the sentence is marked in the margin.
    a.update(Action::Select);
    let buf = draw(&a, &Theme::colored());
    let (_, y) = find(&buf, 1, "Ruritania is in talks");
    assert_eq!(buf[(a.geometry.text.x - 1, y)].symbol(), "▶");
}

#[test]
fn the_context_list_aligns_every_mention_in_one_column_in_its_highlight() {
    let mut a = app(100, 30);
    a.update(Action::ToggleContexts);
    let buf = draw(&a, &Theme::colored());
    let top = panel_top(&a);
    find(&buf, top, "Ruritania in context · 2 mentions");
    let rows: Vec<u16> = (top + 1..top + 3).collect();
    let columns: Vec<u16> = rows
        .iter()
        .map(|&y| {
            let row = row_text(&buf, y);
            row[..row.find("Ruritania").expect("a mention per row")]
                .chars()
                .count() as u16
        })
        .collect();
    assert_eq!(columns[0], columns[1], "aligned on the mention");
    assert!(row_text(&buf, rows[1]).contains("Freedonia met Ruritania in Oz."));
    for &y in &rows {
        for x in columns[0]..columns[0] + 9 {
            assert_eq!(
                buf[(x, y)].bg,
                Color::Green,
                "the mention is lit at {x},{y}"
            );
        }
        assert_eq!(buf[(columns[0] - 2, y)].bg, Color::Reset);
    }
    // The first mention is the current one: underlined, and on the cursor row.
    assert!(
        buf[(columns[0], rows[0])]
            .modifier
            .contains(Modifier::UNDERLINED)
    );
    assert!(
        !buf[(columns[0], rows[1])]
            .modifier
            .contains(Modifier::UNDERLINED)
    );
    assert!(buf[(1, rows[0])].modifier.contains(Modifier::REVERSED));
    // Enter on the second makes it current and scrolls to it.
    a.update(Action::Scroll(Amount::Lines(1)));
    a.update(Action::Select);
    assert_eq!(a.reading().current, Some(1));
}

#[test]
fn the_mention_map_shows_the_selection_the_pins_and_the_view() {
    let mut a = app(100, 30);
    let theme = Theme::colored();
    let buf = draw(&a, &theme);
    let map = a.geometry.map;
    let cells: Vec<&str> = (map.y..map.y + map.height)
        .map(|y| buf[(map.x, y)].symbol())
        .collect();
    let last = cells.len() - 1;
    assert_eq!(cells[0], "■", "Ruritania at the top: {cells:?}");
    assert_eq!(cells[last], "■", "and at the very end: {cells:?}");
    assert_eq!(cells.iter().filter(|c| **c == "■").count(), 2, "{cells:?}");
    assert_eq!(buf[(map.x, map.y)].fg, Color::Green);
    // The view covers the top of the document: those cells have the track's light background.
    assert_eq!(buf[(map.x, map.y)].bg, Color::DarkGray);
    assert_eq!(buf[(map.x, map.y + 1)].symbol(), "┃");
    assert_eq!(buf[(map.x, map.y + map.height - 2)].symbol(), "│");
    assert_eq!(buf[(map.x, map.y + map.height - 2)].bg, Color::Reset);

    // Pin Freedonia (only at the end): its number shows there, in its pin colour.
    a.update(Action::FocusNext);
    a.update(Action::Scroll(Amount::Lines(2)));
    a.update(Action::TogglePin);
    a.update(Action::Clear);
    a.update(Action::Clear);
    assert_eq!(a.pins().collect::<Vec<_>>(), [(0, 3)]);
    let buf = draw(&a, &theme);
    assert_eq!(buf[(map.x, map.y + map.height - 1)].symbol(), "1");
    assert_eq!(buf[(map.x, map.y + map.height - 1)].fg, pins::PIN_COLORS[0]);
    assert_eq!(
        buf[(map.x, map.y)].symbol(),
        "│",
        "nothing selected any more"
    );

    // Showing Freedonia scrolled to the end. Without colour, the view is in reverse video
    // (there now) and no cell has a colour.
    let buf = draw(&a, &Theme::monochrome());
    let bottom = map.y + map.height - 1;
    assert!(buf[(map.x, bottom)].modifier.contains(Modifier::REVERSED));
    assert!(!buf[(map.x, map.y)].modifier.contains(Modifier::REVERSED));
    for y in map.y..map.y + map.height {
        assert_eq!(buf[(map.x, y)].fg, Color::Reset);
        assert_eq!(buf[(map.x, y)].bg, Color::Reset);
    }
}

#[test]
fn two_pins_light_their_mentions_in_their_own_colours_and_mark_where_they_meet() {
    let mut a = app(100, 30);
    a.update(Action::TogglePin);
    a.update(Action::FocusNext);
    a.update(Action::Scroll(Amount::Lines(1)));
    a.update(Action::TogglePin);
    a.update(Action::Clear);
    assert_eq!(a.pins().collect::<Vec<_>>(), [(0, 0), (1, 1)]);
    let buf = draw(&a, &Theme::colored());
    let (x, y) = find(&buf, 1, "Ruritania is in talks with Elbonia");
    assert_eq!(buf[(x, y)].bg, pins::PIN_COLORS[0]);
    assert!(buf[(x, y)].modifier.contains(Modifier::BOLD));
    assert_eq!(buf[(x + 27, y)].bg, pins::PIN_COLORS[1]);
    assert!(buf[(x + 27, y)].modifier.contains(Modifier::ITALIC));
    // The legend names both pins in their colours; the sidebar shows their numbers.
    let (lx, ly) = find(&buf, 0, " 1 Ruritania ");
    assert_eq!(ly, 0);
    assert_eq!(buf[(lx + 1, 0)].bg, pins::PIN_COLORS[0]);
    let (ex, _) = find(&buf, 0, " 2 Elbonia ");
    assert_eq!(buf[(ex + 1, 0)].bg, pins::PIN_COLORS[1]);
    let side = a.geometry.sidebar.unwrap();
    let (_, sy) = find(&buf, 1, "2 ORG  Elbonia");
    assert_eq!(buf[(side.x + 2, sy)].symbol(), "2");
    assert_eq!(buf[(side.x + 2, sy)].fg, pins::PIN_COLORS[1]);
    // They meet in the first sentence: the margin says so (the current mention's ▶ aside).
    a.update(Action::Clear);
    let buf = draw(&a, &Theme::colored());
    let (_, y) = find(&buf, 1, "Ruritania is in talks");
    assert_eq!(buf[(a.geometry.text.x - 1, y)].symbol(), "◆");

    // Without colour the two pins still differ: reverse video with bold, and with italics.
    let buf = draw(&a, &Theme::monochrome());
    let (x, y) = find(&buf, 1, "Ruritania is in talks with Elbonia");
    let (r, e) = (&buf[(x, y)], &buf[(x + 27, y)]);
    assert!(r.modifier.contains(Modifier::REVERSED | Modifier::BOLD));
    assert!(e.modifier.contains(Modifier::REVERSED | Modifier::ITALIC));
    assert_ne!(r.modifier, e.modifier);
}

#[test]
fn a_document_that_fits_on_screen_is_mapped_row_for_row() {
    let text = "Alpha here.\n\nnothing\n\nBeta and Alpha.";
    let alpha = Entity {
        id: "alpha".into(),
        name: "Alpha".into(),
        kind: Kind::Person,
        aliases: vec![],
        mentions: text
            .match_indices("Alpha")
            .map(|(i, _)| Mention::new(i..i + 5))
            .collect(),
    };
    let mut a = App::with_cast(
        Document::from_string("short.txt", text),
        Cast::new(vec![alpha]),
        Options::default(),
        80,
        20,
    );
    a.update(Action::FocusNext);
    a.update(Action::Select);
    let buf = draw(&a, &Theme::colored());
    let map = a.geometry.map;
    let cells: String = (map.y..map.y + 7)
        .map(|y| buf[(map.x, y)].symbol().to_string())
        .collect();
    assert_eq!(cells, "■┃┃┃■││");
    assert_eq!(buf[(map.x, map.y + 4)].fg, Color::Yellow);
}

/// The built-in article with the real extractor: the issue's two linking-word examples.
#[test]
fn on_the_built_in_article_the_linking_words_read_as_in_the_issue() {
    let doc = crate::store::source::default_document();
    let cast = Cast::new(crate::domain::extract::extract_document(&doc).entities);
    let named = |name: &str| cast.entities.iter().position(|e| e.name == name);
    let (Some(us), Some(hamas)) = (named("United States"), named("Hamas")) else {
        panic!("the extractor finds the United States and Hamas")
    };
    let mut a = App::with_cast(doc, cast, Options::default(), 120, 40);
    for (e, phrase) in [
        (us, "United States —in discussions with→ Israel"),
        (hamas, "hostages —held by→ Hamas"),
    ] {
        // Through the cast, as a reader would: Tab, down to the entity, Enter, back.
        a.update(Action::FocusNext);
        a.update(Action::Top);
        while a.cursor_entity() != Some(e) {
            a.update(Action::Scroll(Amount::Lines(1)));
        }
        a.update(Action::Select);
        a.update(Action::Clear);
        a.update(Action::ToggleConnections);
        let buf = draw(&a, &Theme::colored());
        let (x, y) = find(&buf, panel_top(&a), phrase);
        let words = x + phrase.find('—').unwrap() as u16 + 1;
        assert_eq!(buf[(words, y)].fg, Color::Reset, "the words in plain text");
        assert!(
            buf[(x, y)].modifier.contains(Modifier::DIM),
            "the names dimmed"
        );
        a.update(Action::ToggleConnections);
    }
}

#[test]
fn panels_and_pins_draw_on_any_terminal_size() {
    for (w, h) in [
        (30, 8),
        (31, 9),
        (45, 12),
        (59, 10),
        (60, 8),
        (80, 24),
        (200, 9),
    ] {
        let mut a = app(w, h);
        a.update(Action::TogglePin);
        for toggle in [
            Action::ToggleConnections,
            Action::ToggleContexts,
            Action::ToggleCorpus,
            Action::ToggleQuotes,
        ] {
            a.update(toggle.clone());
            a.update(Action::Select);
            a.update(Action::Scroll(Amount::Pages(3)));
            let buf = draw(&a, &Theme::colored());
            if let Some(area) = a.geometry.panel {
                assert!(area.y + area.height <= buf.area.height, "{w}×{h}");
                assert!(
                    a.geometry.text.y + a.geometry.text.height <= area.y,
                    "{w}×{h}"
                );
            }
            a.update(Action::Clear);
            a.update(Action::Clear);
        }
    }
}

#[test]
fn the_cast_of_all_documents_says_how_many_it_is_made_of_while_the_others_are_read() {
    let text = "Ruritania met Elbonia.";
    let docs = vec![
        Document::from_string("one.txt", text),
        Document::from_string("two.txt", "Elbonia spoke."),
    ];
    let mut a = App::new(docs, Options::default());
    a.update(Action::Resize {
        width: 120,
        height: 30,
    });
    let cast = Cast::found_by_search(text, &[("Ruritania", Kind::Country)]);
    a.update(Action::Work(crate::reader::action::Work::CastReady {
        doc: 0,
        cast: Box::new(cast),
    }));
    a.update(Action::ToggleCorpus);
    let buf = draw(&a, &Theme::colored());
    let (_, y) = find(
        &buf,
        0,
        "Cast of 1 of 2 documents (finding entities in the rest)",
    );
    assert_eq!(y, panel_top(&a));
    find(&buf, y, "Ruritania");
}
