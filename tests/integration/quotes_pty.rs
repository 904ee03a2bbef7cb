//! Who said what in the real reader, on the built-in article: the quotations of the selected
//! actor listed with `"`, Enter jumping to one, and its speaker changed, kept beside the
//! document and changed back.

use crate::common;

use common::pty::Pty;

/// The built-in article at 80 × 24, the cast shown (its own home: nothing remembered).
fn open_default() -> Pty {
    let pty = Pty::spawn(&common::bin(), &[], 80, 24, &[]);
    pty.wait_for("Cast ·");
    pty
}

fn status(screen: &str) -> &str {
    screen.lines().last().unwrap_or("")
}

/// Selects `name` from the cast: Tab, `j` until the cursor previews it, Enter. Focus stays
/// in the cast (on a narrow terminal, the cast closes).
fn select(pty: &mut Pty, name: &str) {
    let named = format!(" {name} · ");
    pty.send("\t");
    // The preview: `Israel · 8 mentions · Enter selects` (cut short on a narrow terminal).
    let mut screen = pty.wait_until("the cast cursor's preview", |s| {
        status(s).contains(" mention")
    });
    for _ in 0..20 {
        if status(&screen).contains(&named) {
            pty.send("\r");
            // `Hamas · mention 1/7`; on a narrow terminal `Hamas · 1/7 name` (the name may
            // be cut short).
            pty.wait_until("the selection", |s| {
                let line = status(s);
                line.contains(" · mention 1/") || line.contains(" · 1/")
            });
            return;
        }
        let before = status(&screen).to_string();
        pty.send("j");
        screen = pty.wait_until("the cursor's next entity", |s| status(s) != before);
    }
    panic!("{name} is not in the cast:\n{screen}");
}

/// The cast's row of an entity (`PER  Benjamin N… ❝1 1`).
fn cast_row(screen: &str, kind_and_name: &str) -> String {
    screen
        .lines()
        .find(|l| l.contains(kind_and_name))
        .unwrap_or_else(|| panic!("{kind_and_name} in the cast:\n{screen}"))
        .to_string()
}

/// A row of the text marked `❝` in the margin that shows the quotation.
fn marked_in_text(screen: &str) -> bool {
    screen
        .lines()
        .any(|l| l.starts_with('❝') && l.contains("tactical"))
}

#[test]
fn netanyahus_words_are_listed_and_enter_jumps_to_them() {
    let mut pty = open_default();
    select(&mut pty, "Benjamin Netanyahu");
    let cast = pty.screen();
    assert!(
        cast_row(&cast, "PER  Benjamin").contains("❝1"),
        "the cast counts his quotation:\n{cast}"
    );
    // To the text, and to its end, where the quotation is off screen.
    pty.send("\tG");
    let end = pty.wait_until("the end of the text", |s| status(s).contains("100%"));
    assert!(!end.contains("tactical"), "{end}");

    pty.send("\"");
    let list = pty.wait_for("What Benjamin Netanyahu said");
    let row = list
        .lines()
        .find(|l| l.contains("“tactical little pauses”"))
        .unwrap_or_else(|| panic!("his quotation is listed:\n{list}"));
    assert!(
        row.contains("— Benjamin Netanyahu has expressed"),
        "with the words that give it to him: {row:?}"
    );
    assert!(!marked_in_text(&list), "not in the text yet:\n{list}");

    pty.send("\r");
    let there = pty.wait_until("the jump to the quotation", marked_in_text);
    assert!(
        status(&there).contains("Benjamin Netanyahu · quote 1/1"),
        "{there}"
    );
    // Esc closes the list, the walk goes on; Esc again ends it; '' goes back to the end.
    pty.send("\x1b");
    let closed = pty.wait_until("the list closed", |s| {
        !s.contains("What Benjamin Netanyahu said")
    });
    assert!(status(&closed).contains("quote 1/1"), "{closed}");
    pty.send("\x1b");
    pty.wait_until("the walk ended", |s| !status(s).contains("quote 1/1"));
    pty.send("''");
    pty.wait_until("back where the jump started", |s| {
        status(s).contains("100%") && !s.contains("tactical")
    });
    pty.send("q");
    assert!(pty.wait().success());
}

#[test]
fn the_speaker_of_a_quotation_is_changed_kept_beside_the_document_and_undone() {
    let scratch = common::Scratch::new("pty-quotes");
    let article = include_str!("../../assets/default_article.txt");
    let path = scratch.file("article.txt", article);
    let path = path.to_string_lossy().into_owned();
    let mut pty = Pty::spawn(&common::bin(), &[&path], 80, 24, &[]);
    pty.wait_for("Cast ·");
    select(&mut pty, "Hamas");
    // Hamas said nothing: " says so, " again lists every quotation, his first.
    pty.send("\"");
    pty.wait_for("What Hamas said · 0 quotations");
    pty.send("\"");
    let every = pty.wait_for("Every quotation");
    let row = every
        .lines()
        .find(|l| l.contains("tactical little pauses"))
        .unwrap_or_else(|| panic!("{every}"));
    assert!(row.contains("Benjamin Netanyahu"), "{row:?}");

    pty.send("S");
    let given = pty.wait_until("the quotation given to Hamas", |s| {
        cast_row(s, "ORG  Hamas").contains("❝1")
    });
    assert!(
        !cast_row(&given, "PER  Benjamin").contains('❝'),
        "no longer his:\n{given}"
    );
    let row = given
        .lines()
        .find(|l| l.contains("tactical little pauses"))
        .unwrap_or_else(|| panic!("{given}"));
    assert!(row.contains("Hamas"), "the list says who: {row:?}");
    pty.send("qq");
    assert!(pty.wait().success());

    let sidecar = scratch.0.join("article.txt.dramatis.json");
    let saved = std::fs::read_to_string(&sidecar).expect("the sidecar is written beside the file");
    assert!(
        saved.contains("speaker") && saved.contains("tactical little pauses"),
        "{saved}"
    );

    // Opened again, the quotation is still Hamas's; U gives it back to Netanyahu.
    let mut pty = Pty::spawn(&common::bin(), &[&path], 80, 24, &[]);
    pty.wait_for("Cast ·");
    pty.wait_until("the correction replayed", |s| {
        cast_row(s, "ORG  Hamas").contains("❝1")
    });
    pty.send("U");
    let undone = pty.wait_until("the undo", |s| cast_row(s, "PER  Benjamin").contains("❝1"));
    assert!(!cast_row(&undone, "ORG  Hamas").contains('❝'), "{undone}");
    assert!(status(&undone).contains("undone"), "{undone}");
    pty.send("q");
    assert!(pty.wait().success());
    let saved = std::fs::read_to_string(&sidecar).unwrap();
    assert!(saved.contains("undone"), "the undo is saved too: {saved}");
}

#[test]
fn at_40_columns_the_status_still_says_whose_quotation_and_where() {
    let mut pty = Pty::spawn(&common::bin(), &[], 40, 15, &[]);
    pty.wait_for("default_article.txt");
    select(&mut pty, "Benjamin Netanyahu");
    pty.send("\"");
    pty.wait_for("What Benjamin");
    pty.send("\r");
    let there = pty.wait_until("the jump", marked_in_text);
    let line = status(&there);
    assert!(
        line.contains("Benjamin") && line.contains(" · quote 1/1"),
        "{there}"
    );
    pty.send("qq");
    assert!(pty.wait().success());
}
