//! End to end: the real binary in a pseudo-terminal, driven by keys, read back from the screen.

mod common;

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
