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

/// The texts of every OSC 52 copy in the program's output, decoded.
fn copies(raw: &[u8]) -> Vec<String> {
    const START: &[u8] = b"\x1b]52;c;";
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = raw[at..].windows(START.len()).position(|w| w == START) {
        let from = at + i + START.len();
        let len = raw[from..]
            .iter()
            .position(|&b| b == 0x07)
            .expect("BEL ends it");
        out.push(String::from_utf8(decode_base64(&raw[from..from + len])).unwrap());
        at = from + len;
    }
    out
}

fn decode_base64(text: &[u8]) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => panic!("not base64: {c}"),
    };
    let mut out = Vec::new();
    for quad in text.chunks(4) {
        let digits: Vec<u8> = quad
            .iter()
            .copied()
            .filter(|&c| c != b'=')
            .map(value)
            .collect();
        let n = digits
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &d)| n | u32::from(d) << (18 - 6 * i));
        out.extend(n.to_be_bytes()[1..digits.len()].iter());
    }
    out
}

#[test]
fn y_copies_the_sentence_and_the_name_through_osc_52() {
    // Outside tmux and screen (the tests may run inside one): one sequence a copy.
    let mut pty = open(&[], 120, 40, &[("TMUX", ""), ("STY", "")]);
    pty.send("y");
    pty.wait_for("copied the sentence");
    pty.send("\t");
    let screen = pty.wait_for("Enter selects");
    let name = status(&pty)
        .split(" · ")
        .nth(2)
        .expect("the previewed entity in the status")
        .to_string();
    assert!(screen.contains(&name));
    pty.send("y");
    pty.wait_for(&format!(
        "copied the name, {} characters",
        name.chars().count()
    ));
    let copied = copies(&pty.raw());
    assert_eq!(copied.len(), 2, "{copied:?}");
    assert!(
        copied[0].starts_with("Amid the ongoing conflict between Israel and Hamas")
            && copied[0].ends_with("in Gaza."),
        "the first sentence on screen: {:?}",
        copied[0]
    );
    assert_eq!(copied[1], name);
    pty.send("q");
    assert!(pty.wait().success());
}

#[test]
fn inside_tmux_the_copy_is_also_sent_through_its_passthrough() {
    let mut pty = open(
        &[],
        100,
        30,
        &[("TMUX", "/tmp/tmux-0/default,1,0"), ("STY", "")],
    );
    pty.send("y");
    pty.wait_for("copied the sentence");
    pty.wait_for_raw(b"\x1bPtmux;\x1b\x1b]52;c;");
    let raw = pty.raw();
    let plain = raw.windows(7).filter(|w| w == b"\x1b]52;c;").count();
    assert_eq!(plain, 2, "once as it is, once inside the passthrough");
    pty.send("q");
    assert!(pty.wait().success());
}

#[test]
fn inside_screen_the_copy_is_also_sent_in_pieces_through_its_passthrough() {
    let mut pty = open(&[], 100, 30, &[("TMUX", ""), ("STY", "4242.pts-0.host")]);
    pty.send("y");
    pty.wait_for("copied the sentence");
    pty.wait_for_raw(b"\x1bP\x1b]52;c;");
    pty.send("q");
    assert!(pty.wait().success());
}

#[test]
fn dramatis_no_osc52_keeps_the_clipboard_alone() {
    let mut pty = open(&[], 100, 30, &[("DRAMATIS_NO_OSC52", "1")]);
    pty.send("y");
    pty.wait_for("copying is off");
    assert!(copies(&pty.raw()).is_empty());
    pty.send("q");
    assert!(pty.wait().success());
}

#[test]
fn v_gives_the_editor_the_keyboard_at_the_line_read_and_redraws_after() {
    use std::os::unix::fs::PermissionsExt;
    let scratch = Scratch::new("power-editor");
    let text: String = (1..=300)
        .map(|i| format!("Line {i}: Qatar hosted the talks.\n"))
        .collect();
    let doc = scratch.file("talks.txt", &text);
    let out = scratch.0.join("editor.out");
    // The editor notes its arguments, then reads a line from the keyboard: the reader must
    // leave those keys to it.
    let script = scratch.file(
        "editor.sh",
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" > '{o}.part'\nprintf 'EDITOR OPEN '\n\
             read answer\necho \"$answer\" >> '{o}.part'\nmv '{o}.part' '{o}'\n",
            o = out.display()
        ),
    );
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let (doc, script) = (doc.to_str().unwrap(), script.to_str().unwrap());
    let mut pty = open(&[doc], 100, 30, &[("VISUAL", script), ("EDITOR", "false")]);
    pty.send("50%");
    pty.wait_for("· 5");
    pty.send("v");
    pty.wait_for("EDITOR OPEN");
    assert!(
        pty.is_cooked(),
        "the editor has the terminal as a shell leaves it"
    );
    type_slowly(&mut pty, "hello\r");
    pty.wait_for("back from the editor");
    let noted = std::fs::read_to_string(&out).unwrap();
    let lines: Vec<&str> = noted.lines().collect();
    assert_eq!(lines[1], doc);
    assert_eq!(lines[2], "hello", "every key reached the editor");
    let line: usize = lines[0].strip_prefix('+').unwrap().parse().unwrap();
    assert!(
        (140..=160).contains(&line),
        "half way through 300 lines: +{line}"
    );
    assert!(!pty.is_cooked(), "the reader took the terminal back");
    assert!(pty.screen().contains("Cast ·"), "and redrew it");
    pty.send("q");
    assert!(pty.wait().success());
}

#[test]
fn v_on_standard_input_says_why_it_cannot() {
    let mut pty = Pty::spawn_with_stdin(
        &common::bin(),
        &[],
        100,
        30,
        &[("VISUAL", "false")],
        Some(b"Qatar hosted the talks. Israel answered.\n"),
    );
    pty.wait_for("Cast ·");
    pty.send("v");
    pty.wait_for("standard input is no file to edit");
    pty.send("q");
    assert!(pty.wait().success());
}

#[test]
fn ampersand_shows_only_the_selections_sentences_and_esc_returns() {
    let mut pty = open(&[], 100, 30, &[]);
    pty.send("\t");
    pty.wait_for("Enter selects");
    pty.send("\r");
    let selected = pty.wait_for("· mention 1/");
    let name = status(&pty)
        .split(" · ")
        .nth(2)
        .expect("the selection in the status")
        .to_string();
    pty.send("\t");
    pty.send("&");
    let screen = pty.wait_for(&format!("& {name} · sentence 1/"));
    assert_ne!(screen, selected);
    // The first sentence names it twice: the third mention is in another sentence.
    type_slowly(&mut pty, "nn");
    pty.wait_until("n walked to the next sentence", |s| {
        let last = s.lines().last().unwrap_or("");
        last.contains(&format!("& {name} · sentence ")) && !last.contains("sentence 1/")
    });
    pty.send("\x1b");
    pty.wait_until("the whole text again", |s| {
        !s.lines().last().unwrap_or("").contains("& ")
    });
    pty.send("q");
    assert!(pty.wait().success());
}

#[test]
fn brackets_from_an_entity_in_c_skip_the_documents_that_do_not_mention_it() {
    let scratch = Scratch::new("power-corpus");
    let files = [
        scratch.file("a.txt", "Qatar hosted the talks in Doha.\n"),
        scratch.file("b.txt", "Israel answered the next day.\n"),
        scratch.file("c.txt", "Qatar replied at once.\n"),
    ];
    let args: Vec<&str> = files.iter().map(|f| f.to_str().unwrap()).collect();
    let mut pty = open(&args, 100, 30, &[]);
    pty.send("C");
    pty.wait_for("Qatar");
    pty.send("]");
    pty.wait_for("document 3/3 · 2 of 2 that mention Qatar");
    pty.send("]");
    pty.wait_for("document 1/3 · 1 of 2 that mention Qatar");
    pty.send("q");
    pty.send("]");
    pty.wait_for("document 2/3");
    pty.send("q");
    assert!(pty.wait().success());
}

#[test]
fn the_search_prompt_counts_as_you_type_and_up_recalls_the_last_search() {
    let mut pty = open(&[], 100, 30, &[]);
    pty.send("/");
    type_slowly(&mut pty, "hostages");
    pty.wait_for("/hostages▏ 1/");
    pty.send("\r");
    pty.wait_for("/hostages · 1/");
    pty.send("/");
    pty.wait_for("(↑ earlier searches)");
    pty.send("\x1b[A");
    pty.wait_for("/hostages▏");
    pty.send("\x1b");
    sleep(Duration::from_millis(100));
    pty.send("q");
    assert!(pty.wait().success());
}

#[test]
fn an_editor_that_shortens_the_file_in_place_ends_the_reader_cleanly() {
    use std::os::unix::fs::PermissionsExt;
    let scratch = Scratch::new("power-editor-shorten");
    let text = "Qatar hosted the talks.\n".repeat(400);
    let doc = scratch.file("talks.txt", &text);
    // As nano saves: the same file, written over, here shorter.
    let script = scratch.file("editor.sh", "#!/bin/sh\nprintf 'Qatar.\\n' > \"$2\"\n");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let (doc, script) = (doc.to_str().unwrap(), script.to_str().unwrap());
    let mut pty = open(&[doc], 100, 30, &[("VISUAL", script)]);
    pty.send("G");
    pty.send("v");
    let screen = pty.wait_for("was shortened in place by the editor");
    assert!(screen.contains("dramatis: "), "{screen}");
    let status = pty.wait();
    assert_eq!(status.code(), Some(1), "an error, not a fault: {status:?}");
    assert!(pty.is_cooked());
}

#[test]
fn searches_are_remembered_for_the_next_session() {
    let scratch = Scratch::new("power-history");
    let state = scratch.0.join("state");
    let state = state.to_str().unwrap();
    let mut pty = open(&[], 100, 30, &[("XDG_STATE_HOME", state)]);
    pty.send("/");
    type_slowly(&mut pty, "Qatar");
    pty.send("\r");
    pty.wait_for("/Qatar · 1/");
    pty.send("q");
    assert!(pty.wait().success());
    let mut pty = open(&[], 100, 30, &[("XDG_STATE_HOME", state)]);
    pty.send("/");
    pty.wait_for("(↑ earlier searches)");
    pty.send("\x1b[A");
    pty.wait_for("/Qatar▏");
    pty.send("\x1b");
    sleep(Duration::from_millis(100));
    pty.send("q");
    assert!(pty.wait().success());
}
