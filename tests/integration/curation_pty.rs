//! Correcting the cast in the real reader: the correction shows at once, is saved beside the
//! document, and is there again on reopening.

use crate::common;

use common::pty::Pty;

#[test]
fn a_rename_is_saved_beside_the_document_and_comes_back() {
    let scratch = common::Scratch::new("pty-curation");
    let file = scratch.file(
        "talks.txt",
        "Qatar hosted the talks. Israel and Hamas sent envoys to Qatar.\n",
    );
    let path = file.to_string_lossy().into_owned();
    let mut pty = Pty::spawn(&common::bin(), &[&path], 100, 20, &[]);
    pty.wait_for("Cast ·");
    // Select the first actor and rename it.
    pty.send("\t\r");
    let screen = pty.wait_for("mention 1/");
    let name = screen
        .lines()
        .last()
        .unwrap()
        .split(" · ")
        .nth(2)
        .unwrap()
        .to_string();
    pty.send("\x1b");
    pty.send("r");
    pty.wait_for("rename");
    pty.send("Renamed Actor\r");
    pty.wait_for("Renamed Actor");
    pty.send("q");
    assert!(pty.wait().success());

    let sidecar = scratch.0.join("talks.txt.dramatis.json");
    let saved = std::fs::read_to_string(&sidecar).expect("the sidecar is written beside the file");
    assert!(
        saved.contains("Renamed Actor") && saved.contains(&name),
        "{saved}"
    );

    let mut pty = Pty::spawn(&common::bin(), &[&path], 100, 20, &[]);
    pty.wait_for("Renamed Actor");
    pty.send("U");
    pty.wait_until("undo restores the old name", |s| {
        s.contains(&name) && !s.contains("Renamed Actor  ")
    });
    pty.send("q");
    assert!(pty.wait().success());
    let saved = std::fs::read_to_string(&sidecar).unwrap();
    assert!(saved.contains("undone"), "the undo is saved too: {saved}");
}
