//! End to end, on the built-in article and the real extractor: the connections panel, and
//! two pinned actors lit at once, each in its colour.

use crate::common;

use std::thread::sleep;
use std::time::Duration;

use common::Scratch;
use common::pty::Pty;

/// The default article on a 120 × 40 terminal, with no remembered session or config.
fn open_default(scratch: &Scratch) -> Pty {
    let state = scratch.0.join("state");
    let config = scratch.0.join("config");
    let (state, config) = (state.to_str().unwrap(), config.to_str().unwrap());
    let pty = Pty::spawn(
        &common::bin(),
        &[],
        120,
        40,
        &[("XDG_STATE_HOME", state), ("XDG_CONFIG_HOME", config)],
    );
    pty.wait_for("Cast ·");
    pty
}

fn status(pty: &Pty) -> String {
    pty.screen().lines().last().unwrap_or("").to_string()
}

/// Moves the cast cursor (the sidebar has focus) down to the entity called `name`.
fn cursor_to(pty: &mut Pty, name: &str) {
    let mut steps = 0;
    while !status(pty).contains(&format!("{name} ·")) {
        let before = status(pty);
        pty.send("j");
        steps += 1;
        assert!(steps < 40, "no {name} in the cast:\n{}", pty.screen());
        // One step at a time: keys sent faster than a busy machine redraws would pass the
        // entity before its status is read.
        for _ in 0..100 {
            sleep(Duration::from_millis(20));
            if status(pty) != before {
                break;
            }
        }
    }
}

#[test]
fn the_united_states_connect_most_with_israel_and_qatar_in_discussions() {
    let scratch = Scratch::new("connect-us");
    let mut pty = open_default(&scratch);
    pty.send("\t");
    pty.wait_for("Enter selects");
    cursor_to(&mut pty, "United States");
    pty.send("\r");
    pty.wait_for("United States · mention 1/");
    pty.send("c");
    let screen = pty.wait_for("Connections of United States");
    let rows: Vec<&str> = screen.lines().collect();
    let head = rows
        .iter()
        .position(|r| r.contains("Connections of United States"))
        .unwrap();
    let panel = &rows[head + 1..rows.len() - 1];
    assert!(panel[0].trim() == "Actors", "actors first:\n{screen}");
    let strongest: Vec<&str> = panel[1..3]
        .iter()
        .map(|r| r.split_whitespace().nth(1).unwrap_or(""))
        .collect();
    let mut sorted = strongest.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, ["Israel", "Qatar"], "{screen}");
    let places = panel
        .iter()
        .position(|r| r.trim() == "Places")
        .expect("places listed apart");
    assert!(
        panel[places + 1..].iter().any(|r| r.contains("Gaza")),
        "{screen}"
    );
    assert!(
        panel[1..places].iter().all(|r| !r.contains("Gaza")),
        "Gaza is not among the actors"
    );
    let israel = panel.iter().find(|r| r.contains(" Israel ")).unwrap();
    assert!(
        israel.contains("United States —in discussions with→ Israel"),
        "the linking words of the first sentence:\n{screen}"
    );
    // Enter opens the sentences the two share; Enter again jumps to the first.
    pty.send("\r");
    pty.wait_for("United States and Israel · 2 shared sentences");
    pty.send("\x1b");
    pty.wait_for("Connections of United States");
    pty.send("\x1b");
    pty.wait_until("the panel closed", |s| !s.contains("Connections of"));
    pty.send("q");
    assert!(pty.wait().success());
}

/// The background colour of the cells showing `word` on the first text row that has it.
fn bg_of(pty: &Pty, word: &str) -> Vec<vt100::Color> {
    pty.with_screen(|s| {
        let text = s.contents();
        let (y, row) = text
            .lines()
            .enumerate()
            .skip(1)
            .find(|(_, r)| r.contains(word))
            .expect("word on screen");
        let col = row[..row.find(word).unwrap()].chars().count() as u16;
        (col..col + word.chars().count() as u16)
            .map(|x| s.cell(y as u16, x).unwrap().bgcolor())
            .collect()
    })
}

#[test]
fn two_pinned_actors_are_lit_at_once_each_in_its_own_colour() {
    let scratch = Scratch::new("connect-pins");
    let mut pty = open_default(&scratch);
    pty.send("\t");
    pty.wait_for("Enter selects");
    cursor_to(&mut pty, "Israel");
    pty.send("p");
    pty.wait_for("pinned Israel as 1");
    cursor_to(&mut pty, "United States");
    pty.send("p");
    pty.wait_for("pinned United States as 2");
    pty.send("\x1b");
    let screen = pty.wait_for(" 2 United States ");
    assert!(
        screen.lines().next().unwrap().contains(" 1 Israel "),
        "{screen}"
    );
    // The first sentence mentions both: each is lit in its pin's colour, and the two differ.
    let israel = bg_of(&pty, "Israel");
    let us = bg_of(&pty, "United States");
    assert!(israel.iter().all(|c| *c == israel[0]), "{israel:?}");
    assert!(us.iter().all(|c| *c == us[0]), "{us:?}");
    assert_ne!(israel[0], vt100::Color::Default, "Israel is lit");
    assert_ne!(us[0], vt100::Color::Default, "the United States are lit");
    assert_ne!(israel[0], us[0], "each pin has its own colour");
    // Where they meet, the margin says so.
    let meet = pty.with_screen(|s| s.contents().lines().nth(2).unwrap().starts_with('◆'));
    assert!(meet, "{}", pty.screen());
    pty.send("P");
    pty.wait_until("pins cleared", |s| !s.contains(" 2 United States "));
    assert_eq!(bg_of(&pty, "Israel")[0], vt100::Color::Default);
    pty.send("q");
    assert!(pty.wait().success());
}
