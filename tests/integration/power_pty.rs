//! End to end, keys a power user reaches for: `/` filtering a list, `y` copying through
//! OSC 52, `&` showing only the sentences of one entity, `v` opening the editor, search
//! history, and `]`/`[` from an entity of the cross-document cast.

use crate::common;

use std::thread::sleep;
use std::time::Duration;

use common::Scratch;
use common::pty::Pty;

fn open(args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)]) -> Pty {
    let pty = Pty::spawn(&common::bin(), args, cols, rows, env);
    pty.wait_for("Cast ·");
    pty
}

fn status(pty: &Pty) -> String {
    pty.screen().lines().last().unwrap_or("").to_string()
}

fn type_slowly(pty: &mut Pty, text: &str) {
    for c in text.chars() {
        pty.send(&c.to_string());
        sleep(Duration::from_millis(20));
    }
}

#[test]
fn slash_in_the_cast_filters_it_and_esc_brings_every_entity_back() {
    let mut pty = open(&[], 120, 40, &[]);
    let before = pty.wait_for("Cast ·");
    let total = before
        .split("Cast · ")
        .nth(1)
        .and_then(|s| s.split_whitespace().next())
        .and_then(|n| n.parse::<usize>().ok())
        .expect("the cast's size in its title");
    pty.send("\t");
    pty.wait_for("Enter selects");
    pty.send("/");
    pty.wait_for("filter the cast:");
    type_slowly(&mut pty, "qat");
    let screen = pty.wait_for(&format!("Cast · /qat 1/{total}"));
    assert!(screen.contains("CTRY Qatar"), "{screen}");
    assert!(
        !screen.contains("CTRY Israel "),
        "Israel is filtered out:\n{screen}"
    );
    assert!(status(&pty).contains(&format!("qat▏ 1/{total}")));
    pty.send("\r");
    pty.wait_until("the prompt closed", |s| !s.contains("filter the cast"));
    pty.send("\r");
    pty.wait_for("Qatar · mention 1/");
    pty.send("\t");
    pty.send("\t");
    sleep(Duration::from_millis(100));
    pty.send("\x1b");
    pty.wait_for(&format!("Cast · {total}"));
    pty.send("q");
    assert!(pty.wait().success());
}

#[test]
fn slash_in_the_document_list_filters_the_documents() {
    let scratch = Scratch::new("power-shelf");
    let one = scratch.file("alpha.txt", "Qatar hosted the talks.\n");
    let two = scratch.file("beta.txt", "Israel answered.\n");
    let (one, two) = (one.to_str().unwrap(), two.to_str().unwrap());
    let mut pty = open(&[one, two], 100, 30, &[]);
    pty.send("D");
    pty.wait_for("beta.txt");
    pty.send("/");
    type_slowly(&mut pty, "answ");
    let screen = pty.wait_for("/answ 1/2");
    let lines: Vec<&str> = screen.lines().collect();
    let list = &lines[1..lines.len() - 1];
    assert!(list.iter().any(|l| l.contains("beta.txt")), "{screen}");
    assert!(!list.iter().any(|l| l.contains("alpha.txt")), "{screen}");
    pty.send("\r");
    sleep(Duration::from_millis(100));
    pty.send("\r");
    pty.wait_for("document 2/2");
    pty.send("q");
    assert!(pty.wait().success());
}
