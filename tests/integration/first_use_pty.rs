//! End to end, the steps of a first session that used to trip people (issue 16): the real
//! binary on the built-in article or a small file, at 80 × 24 and 40 × 15, read back from
//! the screen.

use crate::common;

use std::thread::sleep;
use std::time::Duration;

use common::pty::Pty;

/// The built-in article with no remembered session or config (the pty's own home).
fn open_default(cols: u16, rows: u16) -> Pty {
    let pty = Pty::spawn(&common::bin(), &[], cols, rows, &[]);
    pty.wait_for("Cast ·");
    pty
}

/// A wheel notch (SGR mouse report) at column `x`, row `y` (from 1).
fn wheel(down: bool, x: u16, y: u16) -> String {
    format!("\x1b[<{};{x};{y}M", if down { 65 } else { 64 })
}

#[test]
fn help_scrolls_with_the_reader_keys_and_the_wheel_and_its_border_says_so() {
    let mut pty = open_default(80, 24);
    pty.send("?");
    let first = pty.wait_for("switch between text and cast");
    assert!(first.contains("Move"), "{first}");
    assert!(
        !first.contains("Mouse"),
        "the help is taller than 24 rows:\n{first}"
    );
    assert!(
        first.contains("scroll"),
        "the border says it scrolls:\n{first}"
    );
    pty.send("G");
    let end = pty.wait_for("the wheel scrolls");
    assert!(!end.contains(" Move "), "G shows the end:\n{end}");
    pty.send("g");
    pty.wait_until("g goes back to the top", |s| {
        s.contains("down a line") && !s.contains("the wheel scrolls")
    });
    pty.send("j");
    pty.wait_until("j scrolls a line", |s| !s.contains("│ Move"));
    pty.send("k");
    pty.wait_for("│ Move");
    pty.send(" ");
    pty.wait_until("Space scrolls a page", |s| !s.contains("down a line"));
    pty.send("\x1b[6~"); // PgDn
    pty.wait_for("the wheel scrolls");
    pty.send("\x1b[5~\x1b[5~\x1b[5~"); // PgUp
    pty.wait_for("│ Move");
    pty.send(&wheel(true, 40, 12));
    pty.wait_until("the wheel scrolls the help", |s| !s.contains("│ Move"));
    pty.send(&wheel(false, 40, 12));
    pty.wait_for("│ Move");
    pty.send("q");
    pty.wait_until("q closes the help", |s| !s.contains("dramatis · keys"));
    pty.send("q");
    assert!(pty.wait().success());

    // Where the whole help fits, the border does not promise scrolling.
    let mut pty = open_default(200, 60);
    pty.send("?");
    let all = pty.wait_for("the wheel scrolls");
    assert!(!all.contains("scroll ·"), "{all}");
    pty.send("q");
    pty.send("q");
    assert!(pty.wait().success());
}

#[test]
fn q_closes_the_view_it_is_in_and_quits_only_from_the_main_view() {
    let mut pty = open_default(80, 24);
    pty.send("\t\r");
    pty.wait_for("mention 1/");
    for (key, shows) in [
        ("c", "Connections of"),
        ("x", "in context"),
        ("C", "Cast of 1 document"),
        ("D", "documents · Enter opens"),
        ("?", "dramatis · keys"),
    ] {
        pty.send(key);
        pty.wait_for(shows);
        pty.send("q");
        pty.wait_until(&format!("q closes what {key} opened"), |s| {
            !s.contains(shows)
        });
        sleep(Duration::from_millis(100));
        assert!(!pty.has_exited(), "q after {key} quit the reader");
    }
    pty.send("q");
    assert!(pty.wait().success());
}
