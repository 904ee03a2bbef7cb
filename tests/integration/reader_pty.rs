//! End to end: the real binary in a pseudo-terminal, driven by keys, read back from the screen.

use crate::common;

use common::pty::Pty;

fn open_default(cols: u16, rows: u16) -> Pty {
    let pty = Pty::spawn(&common::bin(), &[], cols, rows, &[]);
    pty.wait_for("Amid the ongoing conflict");
    pty
}

#[test]
fn selecting_an_actor_lights_its_mentions_and_n_walks_them() {
    let mut pty = open_default(120, 40);
    pty.wait_for("Cast ·");
    // Into the sidebar, to the entity named Israel, select it.
    pty.send("\t");
    let screen = pty.wait_for("Enter selects");
    let rows: Vec<&str> = screen.lines().collect();
    let cursor = rows
        .iter()
        .position(|r| r.contains("Enter selects"))
        .unwrap();
    assert_eq!(cursor, 39);
    let mut steps = 0;
    while !pty.screen().lines().last().unwrap().contains("Israel ·") {
        pty.send("j");
        steps += 1;
        assert!(steps < 40, "no Israel in the cast:\n{}", pty.screen());
        std::thread::sleep(std::time::Duration::from_millis(30));
    }
    pty.send("\r");
    let status = pty.wait_for("Israel · mention 1/");
    let total: usize = status
        .lines()
        .last()
        .unwrap()
        .split("mention 1/")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(total >= 6, "Israel has at least six mentions");
    for i in 2..=total {
        pty.send("n");
        pty.wait_for(&format!("Israel · mention {i}/{total}"));
    }
    pty.send("n");
    pty.wait_for(&format!("Israel · mention 1/{total}"));
    // The first mention, on the first text row, is lit (has a background colour).
    let lit = pty.with_screen(|s| {
        let row = s.contents().lines().nth(1).unwrap().to_string();
        let col = row.find("Israel").unwrap() as u16;
        s.cell(1, col).unwrap().bgcolor() != vt100::Color::Default
    });
    assert!(lit, "the mention is highlighted:\n{}", pty.screen());
    pty.send("q");
    assert!(pty.wait().success());
}

#[test]
fn help_opens_and_closes_and_q_quits() {
    let mut pty = open_default(100, 30);
    pty.send("?");
    pty.wait_for("switch between text and cast");
    pty.send("\x1b");
    pty.wait_until("help closed", |s| {
        !s.contains("switch between text and cast")
    });
    pty.send("q");
    assert!(pty.wait().success());
}

#[test]
fn a_tiny_terminal_says_so_and_q_still_quits() {
    let mut pty = Pty::spawn(&common::bin(), &[], 20, 6, &[]);
    pty.wait_for("Terminal too");
    pty.send("q");
    assert!(pty.wait().success());
}

#[test]
fn the_terminal_is_given_back_on_quit() {
    let mut pty = open_default(80, 24);
    pty.send("q");
    assert!(pty.wait().success());
    let raw = pty.raw();
    let text = String::from_utf8_lossy(&raw);
    let last = |needle: &str| text.rfind(needle);
    assert!(
        last("\x1b[?1049l") > last("\x1b[?1049h"),
        "alternate screen left"
    );
    assert!(
        last("\x1b[?1000l") > last("\x1b[?1000h"),
        "mouse capture off"
    );
    assert!(last("\x1b[?25h") > last("\x1b[?25l"), "cursor shown");
}

#[test]
fn search_lights_hits_and_n_walks_them_with_a_counter() {
    let mut pty = open_default(120, 40);
    pty.send("/hostages");
    pty.wait_for("/hostages▏");
    pty.send("\r");
    let screen = pty.wait_for("/hostages · 1/");
    let total: usize = screen
        .lines()
        .last()
        .unwrap()
        .split(" · 1/")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(total >= 5, "the article mentions hostages often");
    pty.send("n");
    pty.wait_for(&format!("/hostages · 2/{total}"));
    pty.send("N");
    pty.send("N");
    pty.wait_for(&format!("/hostages · {total}/{total}"));
    pty.send("\x1b");
    pty.wait_until("the search ends", |s| !s.contains("/hostages"));
    pty.send("q");
    assert!(pty.wait().success());
}

#[test]
fn several_documents_switch_with_brackets_and_the_list() {
    let scratch = common::Scratch::new("pty-docs");
    let a = scratch.file("a.txt", "date 2023-11-07 Monday text about Qatar.");
    let b = scratch.file("b.txt", "date 2023-11-08 Tuesday text about Israel.");
    let (a, b) = (
        a.to_string_lossy().into_owned(),
        b.to_string_lossy().into_owned(),
    );
    let mut pty = Pty::spawn(&common::bin(), &[&b, &a], 100, 24, &[]);
    pty.wait_for("Monday text");
    assert!(
        pty.screen().contains("[1/2]"),
        "sorted by date: a.txt first"
    );
    pty.send("]");
    pty.wait_for("Tuesday text");
    pty.send(":p");
    pty.wait_for("Monday text");
    pty.send("D");
    pty.wait_for("documents · Enter opens");
    pty.send("j\r");
    pty.wait_until("the list closed on b.txt", |s| {
        s.contains("Tuesday text") && !s.contains("Enter opens")
    });
    pty.send("q");
    assert!(pty.wait().success());
}

#[test]
fn text_from_a_pipe_with_keys_from_the_terminal() {
    let mut pty = Pty::spawn_with_stdin(
        &common::bin(),
        &[],
        100,
        24,
        &[],
        Some(b"Piped words about Qatar and Israel.\n".as_slice()),
    );
    pty.wait_for("Piped words about Qatar");
    pty.send("?");
    pty.wait_for("switch between text and cast");
    pty.send("q");
    pty.send("q");
    assert!(pty.wait().success());
}

#[test]
fn reopening_resumes_where_the_reader_left_off() {
    let scratch = common::Scratch::new("pty-resume");
    let text: String = (0..200)
        .map(|i| format!("Line {i} of a long report.\n"))
        .collect();
    let file = scratch.file("long.txt", text);
    let file = file.to_string_lossy().into_owned();
    let state = scratch.0.join("state").to_string_lossy().into_owned();
    let env = [("XDG_STATE_HOME", state.as_str())];
    let mut pty = Pty::spawn(&common::bin(), &[&file], 80, 20, &env);
    pty.wait_for("Line 0 of");
    pty.send("G");
    pty.wait_for("Line 199 of");
    pty.send("q");
    assert!(pty.wait().success());
    let mut pty = Pty::spawn(&common::bin(), &[&file], 80, 20, &env);
    pty.wait_for("resumed where you left off");
    assert!(pty.screen().contains("Line 199 of"));
    pty.send("q");
    assert!(pty.wait().success());
}

#[test]
fn a_percentage_jump_from_the_keyboard() {
    let scratch = common::Scratch::new("pty-percent");
    let text: String = (0..400)
        .map(|i| format!("Row {i:03} of the report.\n"))
        .collect();
    let file = scratch.file("rows.txt", text);
    let file = file.to_string_lossy().into_owned();
    let mut pty = Pty::spawn(&common::bin(), &[&file], 80, 20, &[]);
    pty.wait_for("Row 000");
    pty.send("50%");
    let screen = pty.wait_for("Row 200");
    assert!(!screen.contains("Row 000"), "{screen}");
    pty.send("q");
    assert!(pty.wait().success());
}
