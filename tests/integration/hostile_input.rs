//! Hostile files, run through the real binary: `extract --json`, the plain output, and the
//! reader in a pseudo-terminal. The fixtures are generated here (nothing large or binary is
//! committed): escape sequences of every family, C0 and C1 controls, Trojan Source, invisible
//! characters, tabs, every line end, broken UTF-8, NUL, an empty file, and extreme shapes.

use crate::common;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use common::pty::Pty;
use common::stream::{self, Token};
use common::{Scratch, bin};

/// A generated file and what the reader must show of it on its first screen.
struct Fixture {
    name: &'static str,
    bytes: Vec<u8>,
    /// Text the first screen shows (placeholders included).
    shows: &'static [&'static str],
}

fn fixtures() -> Vec<Fixture> {
    let f = |name, bytes: &[u8], shows| Fixture {
        name,
        bytes: bytes.to_vec(),
        shows,
    };
    vec![
        f(
            "csi.txt",
            b"Plain \x1b[31mRed\x1b[0m text \x1b[2J\x1b[H cleared \x1b[?1049l main \x1b[?25l hide \x1b[6n ask\n",
            &["Plain ␛[31mRed␛[0m text ␛[2J␛[H"],
        ),
        f(
            "osc_title.txt",
            b"Title \x1b]0;PWNED-TITLE\x07 and \x1b]2;ALSO-PWNED\x1b\\ here \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\\n",
            &["␛]0;PWNED-TITLE^G", "␛]2;ALSO-PWNED␛\\"],
        ),
        f(
            "osc52.txt",
            b"Clipboard \x1b]52;c;cm0gLXJmIH4K\x07 stolen\n",
            &["␛]52;c;cm0gLXJmIH4K^G stolen"],
        ),
        f(
            "dcs.txt",
            b"Request \x1bP+q544e\x1b\\ then \x1b_apc\x1b\\ \x1b^pm\x1b\\ \x1bXsos\x1b\\ \x1bc reset\n",
            &["␛P+q544e␛\\", "␛c reset"],
        ),
        f(
            "c1.txt",
            "Eight-bit \u{9b}31m red \u{9d}0;C1-TITLE\u{9c} \u{90}dcs\u{9c} \u{85}nel\n"
                .as_bytes(),
            &["<9B>31m red <9D>0;C1-TITLE<9C>", "<85>nel"],
        ),
        f(
            "c1_raw_bytes.txt",
            b"Raw \x9b31m and \x9d0;RAW\x9c bytes\n",
            &["Raw", "31m", "0;RAW"],
        ),
        f(
            "c0.txt",
            b"bell\x07 back\x08\x08space \x0bvt \x0cff \x7fdel \x01\x02\x03\x1a\x1c end\n",
            &["bell^G back^H^Hspace ^Kvt ^Lff ^?del ^A^B^C^Z^\\ end"],
        ),
        f(
            "trojan_source.txt",
            "if access_level != \"user\u{202e} \u{2066}// Check if admin\u{2069} \u{2066}\" {\n\
             \u{202a}lre\u{202b}rle\u{202c}pdf\u{202d}lro \u{2067}rli\u{2068}fsi \u{200e}\u{200f}\u{61c}\n"
                .as_bytes(),
            &[
                "\"user<U+202E> <U+2066>// Check if admin<U+2069>",
                "<U+202A>lre<U+202B>rle<U+202C>pdf<U+202D>lro",
            ],
        ),
        f(
            "zero_width.txt",
            "Zero\u{200b}Width pay\u{200d}pal ad\u{200c}min \u{2060}wj \u{feff}bom soft\u{ad}hyphen\n"
                .as_bytes(),
            &["Zero<U+200B>Width pay<U+200D>pal ad<U+200C>min <U+2060>wj"],
        ),
        f(
            "tabs.txt",
            b"a\tb\t\tc\n\t\tindented\nabcdefg\tx\n",
            &["a       b               c", "                indented", "abcdefg x"],
        ),
        f(
            "crlf.txt",
            b"line one\r\nline two\r\n\r\nline four",
            &["line one", "line two", "line four"],
        ),
        f(
            "lone_cr.txt",
            b"progress 10%\rprogress 50%\rprogress 100%\r\nend\r",
            &["progress 10%", "progress 50%", "progress 100%"],
        ),
        f(
            "invalid_utf8.txt",
            b"bad \xff\xfe bytes, cut \xe2\x82 and \xf0\x9f\x98 overlong \xc0\xaf \xe0\x80\xaf \
              five \xf8\x88\x80\x80\x80 surrogate \xed\xa0\x80 Kept end \xc3",
            &["bad", "bytes, cut", "Kept end"],
        ),
        f(
            "dateline_escapes.txt",
            b"date 2023-11-08 \x1b]0;DATE-TITLE\x07 Body after the date.\n",
            &["2023-11-08", "␛]0;DATE-TITLE^G Body"],
        ),
        f(
            "wide.txt",
            "Family \u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467} and 日本語 and \u{2764}\u{fe0f} and e\u{301}\n"
                .as_bytes(),
            &["日本語"],
        ),
        f(
            "combining_alone.txt",
            "\u{301}\u{302} lone marks\n".as_bytes(),
            &["lone marks"],
        ),
        Fixture {
            name: "combining_100k.txt",
            bytes: format!("a{}\nAfter the marks\n", "\u{301}".repeat(100_000)).into_bytes(),
            shows: &["a…", "After the marks"],
        },
        Fixture {
            name: "one_line_20mb.txt",
            bytes: twenty_mb_line(),
            shows: &["Start of a very long line"],
        },
        Fixture {
            name: "million_empty_lines.txt",
            bytes: vec![b'\n'; 1_000_000],
            shows: &[],
        },
        f("empty.txt", b"", &["(this document is empty)"]),
    ]
}

/// One 20 MB line of lowercase words (few entities, so the JSON stays small) with a capital
/// word now and then, and hostile bytes scattered through it.
fn twenty_mb_line() -> Vec<u8> {
    let mut out = b"Start of a very long line ".to_vec();
    let mut n = 0;
    while out.len() < 20 << 20 {
        out.extend_from_slice(b"lorem ipsum dolor sit amet consectetur adipiscing elit ");
        n += 1;
        if n % 20_000 == 0 {
            out.extend_from_slice("Marker \x1b]0;DEEP\x07 \u{202e} ".as_bytes());
        }
    }
    out.extend_from_slice(b"The end");
    out
}

/// A file name that is itself an escape sequence.
const HOSTILE_NAME: &str = "evil\u{1b}]0;NAME-TITLE\u{7}\u{9b}31m.txt";

fn write_all(dir: &Scratch) -> Vec<(PathBuf, Fixture)> {
    write_some(dir, |_| true)
}

/// Writes the fixtures whose names `keep` accepts (the large ones cost time to write).
fn write_some(dir: &Scratch, keep: impl Fn(&str) -> bool) -> Vec<(PathBuf, Fixture)> {
    let named = Fixture {
        name: HOSTILE_NAME,
        bytes: b"A file with a hostile name\n".to_vec(),
        shows: &["evil␛]0;NAME-TITLE^G<9B>31m.txt"],
    };
    fixtures()
        .into_iter()
        .chain([named])
        .filter(|f| keep(f.name))
        .map(|f| (dir.file(f.name, &f.bytes), f))
        .collect()
}

fn run(args: &[&str]) -> Output {
    Command::new(bin())
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn stderr_lines(out: &Output) -> Vec<String> {
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .map(str::to_string)
        .collect()
}

/// Checks one `extract --json` line against the file it describes.
#[allow(
    clippy::unnecessary_debug_formatting,
    reason = "the paths are hostile: Debug escapes their controls, Display would print them"
)]
fn check_json_line(line: &str, path: &Path, bytes: &[u8]) {
    let v: serde_json::Value = serde_json::from_str(line)
        .unwrap_or_else(|e| panic!("invalid JSON for {path:?}: {e}\n{line}"));
    assert_eq!(v["document"], path.to_str().unwrap());
    assert_eq!(v["bytes"], bytes.len());
    let entities = v["entities"].as_array().expect("entities is an array");
    for e in entities {
        let mentions = e["mentions"].as_array().unwrap();
        let mut last_start = 0;
        for m in mentions {
            let start = m["start"].as_u64().unwrap() as usize;
            let end = m["end"].as_u64().unwrap() as usize;
            assert!(
                start <= end && end <= bytes.len(),
                "{path:?}: {m} out of bounds"
            );
            assert!(start >= last_start, "{path:?}: mentions sorted by start");
            last_start = start;
            let expected = String::from_utf8_lossy(&bytes[start..end]);
            assert_eq!(
                m["text"], *expected,
                "{path:?}: text is the bytes at {start}..{end}"
            );
        }
    }
    // Nothing in the JSON itself can drive a terminal: C0 are escaped by JSON, and C1, bidi
    // and invisible characters by dramatis.
    let odd: Vec<String> = stream::tokens(line.as_bytes())
        .into_iter()
        .filter(|t| !matches!(t, Token::Text(_)))
        .map(|t| format!("{t:?}"))
        .collect();
    assert!(
        odd.is_empty(),
        "{path:?}: raw controls in the JSON: {odd:?}"
    );
}

#[test]
fn the_stream_reader_catches_what_it_must() {
    // The checker itself: it must flag every family it is meant to, and pass ratatui's own.
    let raw = "ok\x1b[1;1H\x1b[38;5;1mx\x1b[0m\x1b[?1049h\x1b[?25l\x1b]0;t\x07\x1bP1\x1b\\\u{9b}\u{202e}\x07\x1b[6n\x1bc"
        .as_bytes();
    let found = stream::foreign(raw);
    assert_eq!(found.len(), 7, "{found:?}");
    assert!(found[0].starts_with("Osc"));
    assert!(found[1].starts_with("Str('P'"));
    assert!(found[2].starts_with("C1"));
    assert!(found[3].starts_with("Invisible"));
    assert!(found[4].starts_with("C0(7)"));
    assert!(found[5].contains("final_byte: 'n'"));
    assert!(found[6].starts_with("Esc(\"c\")"));
    assert!(
        stream::foreign(b"\x9b")
            .iter()
            .any(|t| t.starts_with("Invalid"))
    );
}

#[test]
fn extract_json_keeps_true_offsets_on_every_hostile_file() {
    let dir = Scratch::new("hostile-json");
    let files = write_all(&dir);
    let mut args = vec!["extract", "--json"];
    let paths: Vec<String> = files
        .iter()
        .map(|(p, _)| p.to_str().unwrap().to_string())
        .collect();
    args.extend(paths.iter().map(String::as_str));
    let out = run(&args);
    assert!(out.status.success(), "stderr: {:?}", stderr_lines(&out));
    let stdout = String::from_utf8(out.stdout).expect("JSON output is UTF-8");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), files.len(), "one line per document");
    for (line, (path, fixture)) in lines.iter().zip(&files) {
        check_json_line(line, path, &fixture.bytes);
    }
    let empty = lines[files
        .iter()
        .position(|(_, f)| f.name == "empty.txt")
        .unwrap()];
    let v: serde_json::Value = serde_json::from_str(empty).unwrap();
    assert_eq!(v["entities"], serde_json::json!([]));
}

#[test]
fn binary_files_are_refused_in_one_line_unless_forced() {
    let dir = Scratch::new("hostile-binary");
    let bytes = b"text\x00more \x1b]0;BIN\x07 Word\n".to_vec();
    let path = dir.file("nul.bin", &bytes);
    let p = path.to_str().unwrap();
    for args in [vec!["extract", "--json", p], vec![p]] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(out.stdout.is_empty());
        assert_eq!(
            stderr_lines(&out),
            [format!(
                "dramatis: '{p}' looks like a binary file (use --binary to open it anyway)"
            )]
        );
    }
    let out = run(&["extract", "--json", "--binary", p]);
    assert!(out.status.success());
    check_json_line(
        String::from_utf8(out.stdout).unwrap().trim_end(),
        &path,
        &bytes,
    );
}

/// Drops the capabilities that let root read any file, so that a mode-000 file is refused to
/// this process as to anyone else. Only async-signal-safe calls: this runs between fork and
/// exec.
fn without_read_override(cmd: &mut Command) {
    const CAP_DAC_OVERRIDE: libc::c_ulong = 1;
    const CAP_DAC_READ_SEARCH: libc::c_ulong = 2;
    // SAFETY: prctl is async-signal-safe; failures are ignored here and detected by the test.
    unsafe {
        cmd.pre_exec(|| {
            libc::prctl(libc::PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, 0, 0, 0);
            libc::prctl(libc::PR_CAPBSET_DROP, CAP_DAC_READ_SEARCH, 0, 0, 0);
            Ok(())
        });
    }
}

#[test]
fn unreadable_paths_get_one_line_each_and_the_other_files_still_run() {
    let dir = Scratch::new("hostile-unreadable");
    let good = dir.file("good.txt", "Alice went home.\n");
    let missing = dir.0.join("missing.txt");
    let big = dir.0.join("sparse_4gb.txt");
    let f = fs::File::create(&big).unwrap();
    fs::write(&big, "Text at the start of a huge file.\n").unwrap();
    // A hole: costs no disk, and reads as zeros.
    f.set_len(4 << 30).unwrap();
    let locked = dir.file("locked.txt", "Secret.\n");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    let named = dir.0.join("missing\u{1b}]0;X\u{7}.txt");
    // A directory stands for its files; one with none is a path that cannot be read.
    let empty = dir.0.join("empty");
    fs::create_dir(&empty).unwrap();
    let s = |p: &Path| p.to_str().unwrap().to_string();
    let args = [
        "extract".to_string(),
        "--json".into(),
        s(&good),
        s(&empty),
        s(&missing),
        s(&big),
        s(&locked),
        s(&named),
        s(&good),
    ];
    let mut cmd = Command::new(bin());
    cmd.args(&args).stdin(Stdio::null());
    without_read_override(&mut cmd);
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout.clone()).unwrap();
    assert_eq!(stdout.lines().count(), 2, "both good files are processed");
    let errors = stderr_lines(&out);
    let mut expected = vec![
        format!("dramatis: cannot open '{}': it is a directory", s(&empty)),
        format!(
            "dramatis: cannot open '{}': No such file or directory",
            s(&missing)
        ),
        format!(
            "dramatis: cannot open '{}': the file is 4096 MB; dramatis opens documents up to 4095 MB",
            s(&big)
        ),
        format!("dramatis: cannot open '{}': Permission denied", s(&locked)),
        format!(
            "dramatis: cannot open '{}': No such file or directory",
            s(&dir.0).clone() + "/missing␛]0;X^G.txt"
        ),
    ];
    if fs::read(&locked).is_ok() && !errors.iter().any(|e| e.contains("locked.txt")) {
        // Root that could not shed its capabilities (a restricted container) reads anything.
        eprintln!("skipped: the unreadable file was readable (running as root with caps)");
        expected.remove(3);
    }
    assert_eq!(errors, expected);
}

#[test]
fn a_4gb_file_is_refused_by_the_reader_before_it_touches_the_terminal() {
    let dir = Scratch::new("hostile-4gb");
    let big = dir.0.join("sparse_4gb.txt");
    fs::write(&big, "Text first.\n").unwrap();
    fs::OpenOptions::new()
        .write(true)
        .open(&big)
        .unwrap()
        .set_len(4 << 30)
        .unwrap();
    let p = big.to_str().unwrap();
    let mut pty = Pty::spawn(&bin(), &[p], 80, 24, &[]);
    let status = pty.wait();
    assert_eq!(status.code(), Some(1));
    let raw = pty.raw();
    assert!(
        stream::foreign(&raw).is_empty(),
        "{:?}",
        stream::foreign(&raw)
    );
    assert!(
        !raw.windows(8).any(|w| w == b"\x1b[?1049h"),
        "never entered the alternate screen"
    );
    assert_eq!(
        stream::text(&raw).trim_end(),
        format!(
            "dramatis: cannot open '{p}': the file is 4096 MB; dramatis opens documents up to 4095 MB"
        )
    );
}

/// Runs the binary with `stdin`, killing it if it is still running after a generous
/// deadline: only so that a regression fails instead of hanging the suite.
fn run_with_deadline(args: &[&str], stdin: Stdio) -> Output {
    let mut child = Command::new(bin())
        .args(args)
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_mins(2) {
            child.kill().unwrap();
            panic!("dramatis {args:?} did not finish");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[test]
fn endless_streams_are_refused_instead_of_filling_memory() {
    // Before the fix these read /dev/zero until the machine ran out of memory.
    let out = run_with_deadline(&["extract", "--json", "/dev/zero"], Stdio::null());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr_lines(&out),
        ["dramatis: '/dev/zero' looks like a binary file (use --binary to open it anyway)"]
    );
    let zero = Stdio::from(fs::File::open("/dev/zero").unwrap());
    let out = run_with_deadline(&["extract", "--json", "-"], zero);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr_lines(&out),
        ["dramatis: '-' looks like a binary file (use --binary to open it anyway)"]
    );
}

#[test]
fn plain_output_of_every_hostile_file_is_clean() {
    let dir = Scratch::new("hostile-plain");
    for (path, fixture) in write_all(&dir) {
        let out = run(&[path.to_str().unwrap()]);
        assert!(out.status.success(), "{}", fixture.name);
        let bad: Vec<Token> = stream::tokens(&out.stdout)
            .into_iter()
            .filter(|t| !matches!(t, Token::Text(_) | Token::C0(b'\t')))
            .collect();
        assert!(bad.is_empty(), "{}: {bad:?}", fixture.name);
    }
}

/// Opens `path` in the reader, checks the first screen, goes to the end and back, pages
/// down, quits, and checks that nothing foreign went over the wire.
fn read_in_pty(path: &Path, fixture: &Fixture) {
    let mut pty = Pty::spawn(&bin(), &[path.to_str().unwrap()], 100, 30, &[]);
    let first = pty.wait_for("? help");
    for s in fixture.shows {
        pty.wait_until(&format!("{:?} in {}", s, fixture.name), |screen| {
            screen.contains(s)
        });
    }
    pty.send("G");
    pty.wait_for("· 100%");
    pty.send("g");
    if let Some(s) = fixture.shows.first() {
        pty.wait_for(s);
    }
    pty.send("  f");
    pty.send("bd");
    pty.send("q");
    let status = pty.wait();
    assert_eq!(status.code(), Some(0), "{}: screen\n{first}", fixture.name);
    let raw = pty.raw();
    if std::str::from_utf8(&fixture.bytes).is_err() {
        // vt100 drops U+FFFD from its screen, so look for it on the wire.
        assert!(
            String::from_utf8_lossy(&raw).contains('\u{fffd}'),
            "{}: invalid UTF-8 is drawn as U+FFFD",
            fixture.name
        );
    }
    let foreign = stream::foreign(&raw);
    assert!(
        foreign.is_empty(),
        "{}: sequences that dramatis did not mean to send: {foreign:?}",
        fixture.name
    );
}

fn read_fixtures(names: &[&str]) {
    let dir = Scratch::new(&format!("hostile-pty-{}", names[0]));
    let files = write_some(&dir, |n| names.contains(&n));
    assert_eq!(files.len(), names.len(), "every fixture named exists");
    for (path, fixture) in files {
        read_in_pty(&path, &fixture);
    }
}

#[test]
fn reader_escape_sequences() {
    read_fixtures(&[
        "csi.txt",
        "osc_title.txt",
        "osc52.txt",
        "dcs.txt",
        "c1.txt",
        "c1_raw_bytes.txt",
        "c0.txt",
        "dateline_escapes.txt",
        HOSTILE_NAME,
    ]);
}

#[test]
fn reader_invisible_and_layout_characters() {
    read_fixtures(&[
        "trojan_source.txt",
        "zero_width.txt",
        "tabs.txt",
        "crlf.txt",
        "lone_cr.txt",
        "invalid_utf8.txt",
        "wide.txt",
        "combining_alone.txt",
        "empty.txt",
    ]);
}

#[test]
fn reader_extreme_shapes() {
    read_fixtures(&[
        "combining_100k.txt",
        "one_line_20mb.txt",
        "million_empty_lines.txt",
    ]);
}

#[test]
fn reader_opens_a_binary_when_forced() {
    let dir = Scratch::new("hostile-pty-binary");
    let path = dir.file("nul.bin", b"text\x00more \x1b]0;BIN\x07 bytes\n");
    let mut pty = Pty::spawn(&bin(), &["--binary", path.to_str().unwrap()], 80, 24, &[]);
    pty.wait_for("text^@more ␛]0;BIN^G bytes");
    pty.send("Gq");
    assert_eq!(pty.wait().code(), Some(0));
    assert!(stream::foreign(&pty.raw()).is_empty());
}

#[test]
fn term_dumb_prints_cleaned_text_instead_of_a_tui() {
    let dir = Scratch::new("hostile-dumb");
    let path = dir.file(
        "osc.txt",
        b"Title \x1b]0;PWNED-TITLE\x07 and \xc2\x9b31m red\tTab \xe2\x80\xae Evil\r\nNext\n",
    );
    let mut pty = Pty::spawn(
        &bin(),
        &[path.to_str().unwrap()],
        80,
        24,
        &[("TERM", "dumb")],
    );
    assert_eq!(pty.wait().code(), Some(0));
    let raw = pty.raw();
    let bad: Vec<Token> = stream::tokens(&raw)
        .into_iter()
        .filter(|t| !matches!(t, Token::Text(_) | Token::C0(b'\t')))
        .collect();
    assert!(bad.is_empty(), "a dumb terminal gets text only: {bad:?}");
    let text = String::from_utf8(raw).unwrap();
    assert!(
        text.contains("Title ␛]0;PWNED-TITLE^G and <9B>31m red\tTab <U+202E> Evil\r\nNext"),
        "{text:?}"
    );
}

#[test]
fn a_rejected_argument_is_quoted_without_its_escapes() {
    // clap quotes the argument it rejects; on a terminal that quote used to carry the
    // argument's OSC raw and set the window title. Now the message is plain: clap drops the
    // escape sequence and dramatis shows the C1 control.
    let mut pty = Pty::spawn(&bin(), &["--abc\u{1b}]0;PWNED\u{7}\u{9b}31m"], 100, 24, &[]);
    assert_eq!(pty.wait().code(), Some(2), "a usage error");
    let raw = pty.raw();
    let foreign = stream::foreign(&raw);
    assert!(foreign.is_empty(), "{foreign:?}");
    assert!(stream::text(&raw).contains("unexpected argument '--abc<9B>31m'"));
}

#[test]
fn hostile_text_piped_on_stdin_is_read_with_keys_from_the_terminal() {
    // `… | dramatis -`: the document comes down the pipe, the keys from the terminal.
    let script = r#"printf 'Piped \033]0;PIPE-TITLE\007 text\r\nand \302\233 more\n' | "$0" -"#;
    let mut pty = Pty::spawn(
        Path::new("bash"),
        &["-c", script, bin().to_str().unwrap()],
        100,
        24,
        &[],
    );
    pty.wait_for("Piped ␛]0;PIPE-TITLE^G text");
    pty.wait_for("and <9B> more");
    pty.send("Gq");
    assert_eq!(pty.wait().code(), Some(0));
    let foreign = stream::foreign(&pty.raw());
    assert!(foreign.is_empty(), "{foreign:?}");
}
