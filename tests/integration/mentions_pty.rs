//! Every mention in the real reader: an actor's pronouns are lit weaker than its names, `n`
//! reaches them and the status says so, `-` detaches a wrong one (the cast's count drops, the
//! sidecar keeps it) and undo brings it back; `e` switches to names only.

use crate::common;

use common::pty::Pty;

/// A person named three times, described once and referred to by pronouns, and another.
const TEXT: &str = "Maria Lopez, the defence secretary, visited Boston on Monday. She said the army was ready. Lopez thanked the troops, and she left.\n\nTom Becker met Lopez later. He said he agreed with her.\n";

/// The counts on the cast row of Maria Lopez: names, and `+N` inferred (if shown).
fn counts(screen: &str) -> (String, Option<String>) {
    let row = screen
        .lines()
        .find(|l| l.contains("PER  Maria Lopez"))
        .expect("Maria Lopez in the cast");
    // `3 +4`, or `3+4` in a narrow cast, or `3` alone.
    let mut words = row.split_whitespace().rev();
    let last = words.next().unwrap();
    match last.split_once('+') {
        Some(("", inferred)) => (words.next().unwrap().into(), Some(inferred.into())),
        Some((names, inferred)) => (names.into(), Some(inferred.into())),
        None => (last.into(), None),
    }
}

/// The status line.
fn status(screen: &str) -> &str {
    screen.lines().last().unwrap_or_default()
}

#[test]
fn n_reaches_a_pronoun_minus_detaches_it_and_undo_brings_it_back() {
    let scratch = common::Scratch::new("pty-mentions");
    let file = scratch.file("lopez.txt", TEXT);
    let path = file.to_string_lossy().into_owned();
    let mut pty = Pty::spawn(&common::bin(), &[&path], 100, 20, &[]);
    let screen = pty.wait_for("Cast ·");
    let (names, inferred) = counts(&screen);
    let inferred: usize = inferred
        .expect("her pronouns are counted apart")
        .parse()
        .unwrap();
    assert!(inferred >= 2, "{screen}");

    // Select her (the first actor) and walk to a pronoun.
    pty.send("\t\r");
    let mut screen = pty.wait_for("Maria Lopez · mention 1/");
    for k in 2..10 {
        if status(&screen).contains("· pronoun") {
            break;
        }
        pty.send("n");
        screen = pty.wait_for(&format!("Maria Lopez · mention {k}/"));
    }
    assert!(status(&screen).contains("· pronoun"), "{screen}");
    // The current pronoun is marked as strongly as a name (background), the others are
    // underlined without one.
    let (current, others) = pty.with_screen(|s| {
        let rows: Vec<String> = s.contents().lines().map(String::from).collect();
        let mut current = None;
        let mut others = Vec::new();
        for (y, row) in rows.iter().enumerate().take(rows.len() - 1) {
            for word in ["She", "she", "her"] {
                for (byte, _) in row.match_indices(word) {
                    let col = row[..byte].chars().count() as u16;
                    let cell = s.cell(y as u16, col).unwrap();
                    let after = row[byte + word.len()..].chars().next();
                    if after.is_some_and(char::is_alphanumeric) || !cell.underline() {
                        continue;
                    }
                    if cell.bgcolor() != vt100::Color::Default {
                        current = Some(word);
                    } else {
                        others.push((word, cell.fgcolor()));
                    }
                }
            }
        }
        (current, others)
    });
    assert!(current.is_some(), "the current pronoun:\n{}", pty.screen());
    assert!(
        !others.is_empty() && others.iter().all(|(_, fg)| *fg != vt100::Color::Default),
        "the other pronouns underlined in her colour: {others:?}\n{}",
        pty.screen()
    );

    pty.send("-");
    let screen = pty.wait_for("detach \"");
    let less = (inferred - 1).to_string();
    let after = counts(&screen);
    assert_eq!(
        (after.0.as_str(), after.1.as_deref()),
        (names.as_str(), Some(less.as_str()).filter(|n| *n != "0")),
        "{screen}"
    );
    pty.send("U");
    let screen = pty.wait_for("undone: detach");
    assert_eq!(counts(&screen).1, Some(inferred.to_string()));

    // Names only: one count, and n walks names.
    pty.send("e");
    let screen = pty.wait_for("names only");
    assert_eq!(counts(&screen), (names.clone(), None));
    pty.send("n");
    let screen = pty.wait_until("a name", |s| status(s).contains(" · mention "));
    assert!(
        status(&screen).contains(&format!("/{names} · name")),
        "{screen}"
    );
    pty.send("q");
    assert!(pty.wait().success());

    let saved = std::fs::read_to_string(scratch.0.join("lopez.txt.dramatis.json"))
        .expect("the correction is saved beside the document");
    assert!(saved.contains("\"op\": \"detach\""), "{saved}");
    assert!(saved.contains("\"undone\""), "{saved}");
}

#[test]
fn the_config_can_start_with_names_only_and_e_lights_every_mention() {
    let scratch = common::Scratch::new("pty-mentions-config");
    let file = scratch.file("lopez.txt", TEXT);
    let config = scratch.file("config.toml", "mentions = \"names\"\n");
    let (path, config) = (
        file.to_string_lossy().into_owned(),
        config.to_string_lossy().into_owned(),
    );
    let mut pty = Pty::spawn(&common::bin(), &["--config", &config, &path], 100, 20, &[]);
    let screen = pty.wait_for("Cast ·");
    let (names, inferred) = counts(&screen);
    assert_eq!(inferred, None, "names only: one count\n{screen}");
    pty.send("e");
    let screen = pty.wait_for("every mention");
    let (again, inferred) = counts(&screen);
    assert_eq!(again, names);
    assert!(inferred.is_some(), "every mention: both counts\n{screen}");
    pty.send("q");
    assert!(pty.wait().success());
}
