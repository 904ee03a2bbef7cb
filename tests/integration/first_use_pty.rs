//! End to end, the steps of a first session that used to trip people (issue 16): the real
//! binary on the built-in article or a small file, at 80 × 24 and 40 × 15, read back from
//! the screen.

use crate::common;

use std::thread::sleep;
use std::time::Duration;

use common::Scratch;
use common::pty::Pty;

/// The built-in article with no remembered session or config (the pty's own home).
fn open_default(cols: u16, rows: u16) -> Pty {
    let pty = Pty::spawn(&common::bin(), &[], cols, rows, &[]);
    pty.wait_for("Cast ·");
    pty
}

fn status(pty: &Pty) -> String {
    pty.screen().lines().last().unwrap_or("").to_string()
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

/// 200 rows of equal length; every tenth says Qatar (20 mentions, at 0 %, 5 %, ... 95 %).
fn rows_file(scratch: &Scratch) -> String {
    let text: String = (0..200)
        .map(|i| {
            if i % 10 == 0 {
                format!("Line {i:03} Qatar hosted the talks today.\n")
            } else {
                format!("Line {i:03} and more plain words go here.\n")
            }
        })
        .collect();
    let file = scratch.file("rows.txt", text);
    file.to_string_lossy().into_owned()
}

#[test]
fn n_and_shift_n_go_on_from_where_the_reader_scrolled_and_say_when_they_wrap() {
    let scratch = Scratch::new("first-use-n");
    let file = rows_file(&scratch);
    let mut pty = Pty::spawn(&common::bin(), &[&file], 80, 24, &[]);
    pty.wait_for("Cast ·");
    pty.send("\t\r");
    pty.wait_for("Qatar · mention 1/20");
    // 70 % puts row 140 at the top: n goes on from there, not back to mention 2.
    pty.send("70%");
    pty.wait_for("Line 140 Qatar");
    pty.send("n");
    pty.wait_for("Qatar · mention 15/20");
    pty.send("n");
    pty.wait_for("Qatar · mention 16/20");
    // At the end, n takes the mentions on screen, then wraps to the first, and says so.
    pty.send("G");
    pty.wait_for("Line 199");
    pty.send("n");
    pty.wait_for("Qatar · mention 19/20");
    pty.send("n");
    pty.wait_for("Qatar · mention 20/20");
    assert!(!status(&pty).contains("wrapped"), "{}", pty.screen());
    pty.send("n");
    let wrapped = pty.wait_for("Qatar · mention 1/20");
    assert!(status(&pty).contains("wrapped"), "{wrapped}");
    pty.send("N");
    pty.wait_for("Qatar · mention 20/20");
    assert!(status(&pty).contains("wrapped"), "{}", pty.screen());
    // N goes back from the view too: from 50 %, to the last mention above the top row.
    pty.send("50%");
    pty.wait_for("Line 100 Qatar");
    pty.send("N");
    pty.wait_for("Qatar · mention 10/20");

    // Search does the same.
    pty.send("\x1b/qatar\r");
    pty.wait_for("/qatar · ");
    pty.send("70%");
    pty.wait_for("Line 140 Qatar");
    pty.send("n");
    pty.wait_for("/qatar · 15/20");
    pty.send("G");
    pty.wait_for("Line 199");
    pty.send("nnn");
    let wrapped = pty.wait_for("/qatar · 1/20");
    assert!(status(&pty).contains("wrapped"), "{wrapped}");
    pty.send("q");
    assert!(pty.wait().success());
}

#[test]
fn n_on_an_entity_previewed_in_the_cast_selects_it_and_says_focus_moved_to_the_text() {
    let mut pty = open_default(80, 24);
    pty.send("\t");
    pty.wait_for("Enter selects");
    pty.send("j");
    sleep(Duration::from_millis(100));
    let preview = pty.wait_for("Enter selects");
    let line = preview.lines().last().unwrap();
    let name = line.split(" · ").nth(2).unwrap().trim().to_string();
    pty.send("n");
    let screen = pty.wait_for(&format!("{name} · mention "));
    assert!(status(&pty).contains("focus on the text"), "{screen}");
    let marked = screen
        .lines()
        .any(|r| r.contains('●') && r.contains(name.as_str()));
    assert!(marked, "{name} is selected in the cast:\n{screen}");
    // The next n walks its mentions from the text, and says nothing more.
    let first: usize = status(&pty)
        .split(" · mention ")
        .nth(1)
        .unwrap()
        .split('/')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    pty.send("n");
    pty.wait_until("the next mention", |s| {
        let last = s.lines().last().unwrap_or("");
        last.contains(&format!("{name} · mention ")) && !last.contains(&format!("mention {first}/"))
    });
    assert!(!status(&pty).contains("focus"), "{}", pty.screen());
    pty.send("q");
    assert!(pty.wait().success());
}

/// The name in a status line `file · N% · NAME · ...`.
fn status_name(pty: &Pty) -> String {
    status(pty)
        .split(" · ")
        .nth(2)
        .unwrap_or("")
        .trim()
        .to_string()
}

#[test]
fn corrections_act_on_the_cast_cursor_when_the_cast_has_focus_and_the_cursor_keeps_its_place() {
    let scratch = Scratch::new("first-use-correct");
    let file = scratch.file(
        "talks.txt",
        "Qatar hosted the talks. Israel and Hamas sent envoys to Qatar. Egypt watched, and Jordan too.\n",
    );
    let file = file.to_string_lossy().into_owned();
    let mut pty = Pty::spawn(&common::bin(), &[&file], 100, 20, &[]);
    pty.wait_for("Cast ·");
    pty.send("\t\r");
    pty.wait_for("Qatar · mention 1/2");
    pty.send("j");
    pty.wait_for("Enter selects");
    let second = status_name(&pty);
    pty.send("j");
    pty.wait_until("the third actor", |s| {
        let last = s.lines().last().unwrap_or("");
        last.contains("Enter selects") && !last.contains(&second)
    });
    let third = status_name(&pty);
    // h hides the entity under the cursor, not the selection.
    pty.send("h");
    pty.wait_for(&format!("hide \"{third}\""));
    let screen = pty.screen();
    assert!(screen.contains("Qatar "), "the selection stays:\n{screen}");
    // The cursor stayed where it was (on the entity after the hidden one): k reaches the second.
    pty.send("k");
    pty.wait_for(&format!("{second} · 1 mention · Enter selects"));
    // r names the entity it renames and starts from its name.
    pty.send("r");
    pty.wait_for(&format!("rename {second} to: {second}▏"));
    pty.send(&"\x7f".repeat(second.chars().count()));
    pty.send("Envoys\r");
    pty.wait_for("Envoys");
    pty.send("j");
    pty.wait_until("the cursor stayed on the renamed row", |s| {
        let last = s.lines().last().unwrap_or("");
        last.contains("Enter selects") && !last.contains("Envoys") && !last.contains("Qatar")
    });
    pty.send("q");
    assert!(pty.wait().success());
}

#[test]
fn a_config_that_takes_a_key_from_another_action_says_so_and_the_help_names_actions() {
    let scratch = Scratch::new("first-use-config");
    let config = scratch.file("config.toml", "[keys]\nnext = \"]\"\n");
    let config = config.to_string_lossy().into_owned();
    let mut pty = Pty::spawn(&common::bin(), &["--config", &config], 100, 30, &[]);
    pty.wait_for("] now does next, no longer next-document");
    pty.send("?");
    // The help names each action, and lists the one left without a key.
    pty.wait_until("the help with action names", |s| {
        s.lines()
            .any(|l| l.contains(" ] ") && l.contains("next search hit") && l.contains(" next "))
    });
    let unbound = |s: &str| {
        s.lines().any(|l| {
            l.contains(" — ") && l.contains("next document") && l.contains("next-document")
        })
    };
    for _ in 0..60 {
        if unbound(&pty.screen()) {
            break;
        }
        pty.send("j");
        sleep(Duration::from_millis(30));
    }
    pty.wait_until("next-document listed without a key", unbound);
    pty.send("q");
    pty.send("q");
    assert!(pty.wait().success());
}

#[test]
fn standard_input_is_titled_stdin() {
    let mut pty = Pty::spawn_with_stdin(
        &common::bin(),
        &[],
        80,
        24,
        &[],
        Some(b"Qatar hosted the talks between Israel and Hamas.\n"),
    );
    pty.wait_for("Cast ·");
    let screen = pty.screen();
    assert!(screen.starts_with(" stdin"), "{screen}");
    assert!(status(&pty).starts_with(" stdin · "), "{screen}");
    pty.send("q");
    assert!(pty.wait().success());
}

#[test]
fn prompts_titles_and_the_mention_counter_fit_at_80_and_40_columns() {
    let mut pty = open_default(80, 24);
    pty.send("\t");
    pty.wait_for("Enter selects");
    let name = status(&pty).split(" · ").nth(2).unwrap().trim().to_string();
    pty.send("t");
    let screen = pty.wait_for("x other");
    let line = status(&pty);
    assert!(
        line.contains(&format!(
            " {name}: p person o org c country g group l place"
        )),
        "the kind prompt names its entity and shows every choice:\n{screen}"
    );
    pty.send("\x1b");
    pty.send("\rc");
    let screen = pty.wait_for("Connections of");
    let title = screen
        .lines()
        .find(|l| l.contains("Connections of"))
        .unwrap();
    assert!(title.contains("Esc closes"), "{screen}");
    pty.send("q");
    pty.send("q");
    assert!(pty.wait().success());

    // At 40 columns the cast is a drawer that Tab opens.
    let mut pty = Pty::spawn(&common::bin(), &[], 40, 15, &[]);
    pty.wait_for("? help");
    pty.send("\t");
    pty.wait_for("Cast ·");
    pty.send("\r");
    pty.wait_until("the mention counter in the status", |s| {
        let last = s.lines().last().unwrap_or("");
        last.contains(" · ") && last.contains(" 1/")
    });
    pty.send("q");
    assert!(pty.wait().success());
}
