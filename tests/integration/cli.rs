//! The command line, on the real binary: help, version, pipes, several files, output when
//! stdout is not a terminal, colour, config and usage errors.

use crate::common;

use assert_cmd::Command;
use common::Scratch;
use common::pty::Pty;

fn dramatis(scratch: &Scratch) -> Command {
    let mut cmd = Command::new(common::bin());
    cmd.env("XDG_CONFIG_HOME", scratch.0.join("config"))
        .env("XDG_STATE_HOME", scratch.0.join("state"))
        .env_remove("NO_COLOR");
    cmd
}

#[test]
fn help_has_examples_and_version_is_printed() {
    let s = Scratch::new("help");
    let out = dramatis(&s)
        .arg("--help")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let help = String::from_utf8(out).unwrap();
    assert!(help.contains("Examples:"));
    assert!(help.contains("dramatis extract --json"));
    assert!(help.contains("--color <WHEN>"));
    let out = dramatis(&s)
        .arg("--version")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(
        String::from_utf8(out).unwrap().trim(),
        format!("dramatis {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn a_bad_flag_is_a_usage_error_with_status_2() {
    let s = Scratch::new("badflag");
    let assert = dramatis(&s).arg("--frobnicate").assert().code(2);
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(err.contains("--frobnicate"));
}

#[test]
fn a_missing_file_is_one_line_and_status_1() {
    let s = Scratch::new("missing");
    let assert = dramatis(&s).arg(s.0.join("nope.txt")).assert().code(1);
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("dramatis: cannot open")
            && err.contains("nope.txt")
            && err.contains("No such file")
    );
}

#[test]
fn piped_output_is_the_clean_text_then_the_cast() {
    let s = Scratch::new("plain");
    // Standard input is /dev/null (not a pipe anyone feeds): the built-in article opens.
    let output = std::process::Command::new(common::bin())
        .env("XDG_STATE_HOME", s.0.join("state"))
        .env("XDG_CONFIG_HOME", s.0.join("config"))
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(output.status.success());
    let out = output.stdout;
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.starts_with("Amid the ongoing conflict between Israel and Hamas"),
        "the dateline is not text"
    );
    let cast = out
        .split("# cast: kind, name, mentions\n")
        .nth(1)
        .expect("a cast section");
    let first: Vec<&str> = cast.lines().next().unwrap().split('\t').collect();
    assert_eq!(first.len(), 3, "kind, name, mentions");
    assert!(first[2].parse::<usize>().unwrap() >= 1);
    assert!(!out.contains('\u{1b}'), "no escape codes when piped");
}

#[test]
fn stdin_is_read_when_it_is_a_pipe() {
    let s = Scratch::new("stdin");
    let out = dramatis(&s)
        .write_stdin("Evil\u{1b}]0;title\u{7} text from a pipe.\n")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.starts_with("Evil␛]0;title^G text from a pipe.\n"),
        "{out}"
    );
    let out = dramatis(&s)
        .arg("-")
        .write_stdin("Dash means stdin.")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(
        String::from_utf8(out)
            .unwrap()
            .starts_with("Dash means stdin.")
    );
}

#[test]
fn several_files_and_directories_print_in_date_order() {
    let s = Scratch::new("several");
    let later = s.file("later.txt", "date 2023-11-09 Second day.");
    let dir = s.0.join("dir");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("first.txt"), "date 2023-11-08 First day.").unwrap();
    std::fs::write(dir.join(".hidden"), "never read").unwrap();
    let out = dramatis(&s)
        .arg(&later)
        .arg(&dir)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let first = out.find("First day.").unwrap();
    let second = out.find("Second day.").unwrap();
    assert!(first < second, "sorted by dateline:\n{out}");
    assert_eq!(out.matches("==> ").count(), 2);
    assert!(!out.contains("never read"));
}

#[test]
fn a_bad_config_names_the_file_line_and_key() {
    let s = Scratch::new("badconfig");
    let cfg = s.file("config.toml", "measure = 80\nwrap = 3\n");
    let assert = dramatis(&s).arg("--config").arg(&cfg).assert().code(1);
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("config.toml") && err.contains("line 2") && err.contains("wrap"),
        "{err}"
    );
    let cfg = s.file("keys.toml", "[keys]\nfly = \"x\"\n");
    let assert = dramatis(&s).arg("--config").arg(&cfg).assert().code(1);
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(err.contains("keys.fly: no such action"), "{err}");
}

#[test]
fn completions_and_man_page_are_generated_from_the_cli() {
    let s = Scratch::new("completions");
    let out = dramatis(&s)
        .args(["completions", "bash"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let script = String::from_utf8(out).unwrap();
    assert!(script.contains("_dramatis()") && script.contains("--no-mouse"));
    let out = dramatis(&s)
        .arg("man")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let page = String::from_utf8(out).unwrap();
    assert!(page.contains(".TH dramatis") && page.contains("\\-\\-color"));
}

/// SGR parameters that set a colour: 30–37, 38;…, 40–47, 48;…, 90–97, 100–107.
fn colour_codes(raw: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(raw);
    let mut found = Vec::new();
    for seq in text.split("\u{1b}[").skip(1) {
        let Some(end) = seq.find(|c: char| c.is_ascii_alphabetic()) else {
            continue;
        };
        if &seq[end..=end] != "m" {
            continue;
        }
        for p in seq[..end].split(';') {
            if let Ok(n) = p.parse::<u32>()
                && matches!(n, 30..=38 | 40..=48 | 90..=97 | 100..=107)
            {
                found.push(seq[..end].to_string());
            }
        }
    }
    found
}

#[test]
fn no_color_highlights_by_reverse_video_and_writes_no_colour_codes() {
    let mut pty = Pty::spawn(&common::bin(), &[], 100, 30, &[("NO_COLOR", "1")]);
    pty.wait_for("Amid the ongoing");
    pty.wait_until("the cast", |s| s.contains("Cast ·"));
    pty.send("\t");
    pty.send("\r");
    pty.wait_for("mention 1/");
    let reversed = pty.with_screen(|s| {
        (0..30u16).any(|r| {
            (0..100u16).any(|c| {
                s.cell(r, c).is_some_and(|cell| {
                    cell.inverse()
                        && !cell.contents().trim().is_empty()
                        && r > 0
                        && r < 29
                        && c < 60
                })
            })
        })
    });
    assert!(
        reversed,
        "a mention is shown in reverse video:\n{}",
        pty.screen()
    );
    pty.send("q");
    assert!(pty.wait().success());
    assert_eq!(colour_codes(&pty.raw()), Vec::<String>::new());
}

#[test]
fn colour_is_used_by_default_and_never_turns_it_off() {
    let mut pty = Pty::spawn(&common::bin(), &[], 100, 30, &[]);
    pty.wait_until("the cast", |s| s.contains("Cast ·"));
    pty.send("q");
    pty.wait();
    assert!(
        !colour_codes(&pty.raw()).is_empty(),
        "kind tags are coloured"
    );
    let mut pty = Pty::spawn(&common::bin(), &["--color", "never"], 100, 30, &[]);
    pty.wait_until("the cast", |s| s.contains("Cast ·"));
    pty.send("q");
    pty.wait();
    assert_eq!(colour_codes(&pty.raw()), Vec::<String>::new());
}

#[test]
fn licenses_name_the_code_licence_and_the_data_attributions() {
    let s = Scratch::new("licenses");
    let out = dramatis(&s).arg("--licenses").assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    for needle in [
        "MIT licence or the Apache Licence 2.0",
        "Open Database License (ODbL) 1.0",
        "GeoNames",
        "CC BY-SA 4.0",
        "Kevin Atkinson",
    ] {
        assert!(text.contains(needle), "{needle} missing from --licenses");
    }
    let help = dramatis(&s).arg("--help").assert().success();
    let help = String::from_utf8(help.get_output().stdout.clone()).unwrap();
    assert!(help.contains("--licenses"));
}

/// `dramatis BIG | head -c 300`, as a shell runs it: the status of dramatis itself, and what
/// it wrote on standard error (`2>&1` sends that into the closed pipe too).
fn into_head(s: &Scratch, args: &str, both: bool) -> (i32, String) {
    let redirect = if both { "2>&1" } else { "2>\"$ERR\"" };
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            "\"$BIN\" {args} {redirect} | head -c 300 >/dev/null; echo \"${{PIPESTATUS[0]}}\""
        ))
        .env("BIN", common::bin())
        .env("ERR", s.0.join("stderr"))
        .env("XDG_CONFIG_HOME", s.0.join("config"))
        .env("XDG_STATE_HOME", s.0.join("state"))
        .current_dir(&s.0)
        .output()
        .unwrap();
    let status = String::from_utf8(out.stdout)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    let err = std::fs::read_to_string(s.0.join("stderr")).unwrap_or_default();
    (status, err)
}

#[test]
fn a_reader_that_closes_the_pipe_ends_dramatis_quietly() {
    let s = Scratch::new("pipe");
    // Far more than a pipe holds, so the writer meets the closed end.
    let page = "Hamas and Israel met in Doha on Tuesday, officials said.\n".repeat(40_000);
    s.file("big.txt", &page);
    std::fs::create_dir(s.0.join("folder")).unwrap();
    for name in ["a.txt", "b.txt", "c.txt"] {
        s.file(&format!("folder/{name}"), &page);
    }
    assert_eq!(into_head(&s, "big.txt", false), (0, String::new()));
    assert_eq!(
        into_head(&s, "folder", true).0,
        0,
        "no panic on a closed stderr"
    );
    assert_eq!(
        into_head(&s, "extract --json big.txt", false),
        (0, String::new())
    );
}

#[test]
fn a_folder_does_not_list_the_corrections_saved_beside_its_documents() {
    let s = Scratch::new("sidecars");
    std::fs::create_dir(s.0.join("news")).unwrap();
    s.file("news/day1.txt", "Qatar met Hamas.\n");
    s.file("news/day2.txt", "Israel met Qatar.\n");
    s.file("news/day1.txt.dramatis.json", "{\"version\":1}\n");
    let out = dramatis(&s).arg(s.0.join("news")).assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert_eq!(text.matches("==> ").count(), 2, "{text}");
    assert!(!text.contains("dramatis.json"), "{text}");
}

#[test]
fn news_datelines_give_the_document_its_date() {
    let s = Scratch::new("datelines");
    for (name, text, date) in [
        (
            "wikinews.txt",
            "Defector arrested\n\nSaturday, October 9, 2010\n\nA former member said...\n",
            "2010-10-09",
        ),
        (
            "agency.txt",
            "Talks resume\n\nWASHINGTON, Oct 9, 2010 (Reuters) - Talks resumed.\n",
            "2010-10-09",
        ),
        (
            "labelled.txt",
            "Talks resume\nPublished: 12 March 2021 10:32 GMT\n\nTalks resumed.\n",
            "2021-03-12",
        ),
    ] {
        let path = s.file(name, text);
        let out = dramatis(&s)
            .args(["extract", "--json"])
            .arg(&path)
            .assert()
            .success();
        let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        assert_eq!(v["date"], date, "{name}");
    }
}
