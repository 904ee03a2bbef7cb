//! The terminal is given back on every way out: quit, Ctrl-C, the signals a terminal or a
//! supervisor sends, and Ctrl-Z (suspend, then resume with a full redraw). Checked three ways:
//! the terminal's own settings (raw mode), the emulated screen's modes (alternate screen,
//! cursor, mouse reporting), and the tail of the byte stream.

use crate::common;

use std::os::unix::process::ExitStatusExt;
use std::process::ExitStatus;
use std::time::{Duration, Instant};

use common::pty::{Pty, TIMEOUT};
use common::stream::{self, Token};

const TEXT: &str = "Amid the ongoing conflict";

fn open_reader() -> Pty {
    let pty = Pty::spawn(&common::bin(), &[], 100, 30, &[]);
    pty.wait_for(TEXT);
    pty.wait_for("? help");
    pty
}

/// While the reader runs, the terminal is raw, on the alternate screen, with the cursor
/// hidden and the mouse reported: the state the restore must undo.
fn assert_in_reader_modes(pty: &Pty) {
    assert!(!pty.is_cooked(), "raw mode while reading");
    pty.with_screen(|s| {
        assert!(s.alternate_screen(), "alternate screen while reading");
        assert!(s.hide_cursor(), "cursor hidden while reading");
        assert_ne!(s.mouse_protocol_mode(), vt100::MouseProtocolMode::None);
    });
}

/// The terminal as a shell expects it back.
fn assert_restored(pty: &Pty, how: &str) {
    assert!(pty.is_cooked(), "{how}: raw mode off");
    pty.with_screen(|s| {
        assert!(!s.alternate_screen(), "{how}: main screen back");
        assert!(!s.hide_cursor(), "{how}: cursor visible");
        assert_eq!(
            s.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "{how}: mouse reporting off"
        );
    });
}

/// The byte stream ends with the restore (for a reader that is the last to write).
fn assert_stream_ends_restored(pty: &Pty, how: &str) {
    // The stream ends with the restore: after the last thing drawn, only mode resets, and
    // among them the alternate screen left, every mouse mode crossterm set turned off, the
    // cursor shown.
    let tokens = stream::tokens(&pty.raw());
    let last_draw = tokens
        .iter()
        .rposition(|t| matches!(t, Token::Text(s) if !s.trim().is_empty()))
        .unwrap();
    let tail: Vec<String> = tokens[last_draw + 1..]
        .iter()
        .filter_map(|t| match t {
            Token::Csi {
                private: Some('?'),
                params,
                final_byte: f @ ('h' | 'l'),
                ..
            } => Some(format!("{params}{f}")),
            Token::Csi {
                private: None,
                final_byte: 'm' | 'H' | 'J' | 'K',
                ..
            } => None,
            Token::Text(s) if s.trim().is_empty() => None,
            other => panic!("{how}: {other:?} after the last draw"),
        })
        .collect();
    for mode in ["1049l", "1000l", "1002l", "1003l", "1006l", "25h"] {
        let at = tail.iter().rposition(|m| m == mode);
        assert!(at.is_some(), "{how}: {mode} at the end; tail {tail:?}");
        let set = mode.replace('l', "h").replace("25h", "25l");
        assert!(
            tail.iter().rposition(|m| *m == set) < at,
            "{how}: nothing sets {set} again after the reset; tail {tail:?}"
        );
    }
}

fn signal_exits_with_128_plus_n(sig: i32, name: &str) {
    let mut pty = open_reader();
    assert_in_reader_modes(&pty);
    pty.signal(sig);
    let status: ExitStatus = pty.wait();
    // The reader catches the signal, restores the terminal and exits normally with 128 + n,
    // as a shell reports a job ended by that signal; it is not killed by it.
    assert_eq!(status.signal(), None, "{name}: exited, not killed");
    assert_eq!(status.code(), Some(128 + sig), "{name}");
    assert_restored(&pty, name);
    assert_stream_ends_restored(&pty, name);
    assert!(stream::foreign(&pty.raw()).is_empty());
}

#[test]
fn sigterm_restores_and_exits_143() {
    signal_exits_with_128_plus_n(libc::SIGTERM, "SIGTERM");
}

#[test]
fn sighup_restores_and_exits_129() {
    signal_exits_with_128_plus_n(libc::SIGHUP, "SIGHUP");
}

#[test]
fn sigint_restores_and_exits_130() {
    signal_exits_with_128_plus_n(libc::SIGINT, "SIGINT");
}

#[test]
fn sigquit_restores_and_exits_131() {
    signal_exits_with_128_plus_n(libc::SIGQUIT, "SIGQUIT");
}

#[test]
fn q_and_ctrl_c_keys_quit_cleanly() {
    // In raw mode Ctrl-C is a key, not a signal: it quits like q, with status 0.
    for (key, how) in [("q", "q"), ("\x03", "Ctrl-C key")] {
        let mut pty = open_reader();
        assert_in_reader_modes(&pty);
        pty.send(key);
        assert_eq!(pty.wait().code(), Some(0), "{how}");
        assert_restored(&pty, how);
        assert_stream_ends_restored(&pty, how);
    }
}

#[test]
fn quitting_from_the_help_screen_restores_too() {
    let mut pty = open_reader();
    pty.send("?");
    pty.wait_for("dramatis · keys");
    pty.send("\x03");
    assert_eq!(pty.wait().code(), Some(0));
    assert_restored(&pty, "Ctrl-C in help");
    assert_stream_ends_restored(&pty, "Ctrl-C in help");
}

/// The state letter of a process (`R`, `S`, `T` for stopped…), from `/proc/PID/stat`.
fn proc_state(pid: i32) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name is in parentheses and may contain anything: split after the last ')'.
    stat.rsplit_once(')')?.1.trim_start().chars().next()
}

/// The children of `parent`, from `/proc/*/stat`.
fn children_of(parent: i32) -> Vec<i32> {
    let mut out = vec![];
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<i32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
            continue;
        };
        let Some((_, rest)) = stat.rsplit_once(')') else {
            continue;
        };
        let ppid = rest.split_whitespace().nth(1).and_then(|p| p.parse().ok());
        if ppid == Some(parent) {
            out.push(pid);
        }
    }
    out
}

fn wait_until(what: &str, pty: &Pty, ok: impl Fn() -> bool) {
    let start = Instant::now();
    while !ok() {
        assert!(
            start.elapsed() < TIMEOUT,
            "timed out waiting for {what}; screen:\n{}",
            pty.screen()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn ctrl_z_suspends_and_fg_redraws_everything() {
    // Job control needs a shell: a process whose group has no parent in the session outside
    // it (an "orphaned" group, as a lone program in a fresh session is) ignores SIGTSTP. So
    // bash with job control on runs the reader as a foreground job, as an interactive shell
    // would, and `fg` resumes it: it hands the terminal back and sends SIGCONT.
    let script = r#"set -m
"$0" "$@"
echo "[stopped: $?]"
read -r _
fg >/dev/null
echo "[done: $?]""#;
    let bin = common::bin();
    let mut pty = Pty::spawn(
        std::path::Path::new("bash"),
        &["-c", script, bin.to_str().unwrap()],
        100,
        30,
        &[],
    );
    pty.wait_for(TEXT);
    let reader = children_of(pty.pid());
    assert_eq!(reader.len(), 1, "bash runs one reader");
    let reader = reader[0];
    assert_in_reader_modes(&pty);

    pty.send("\x1a");
    wait_until("the reader to stop", &pty, || {
        proc_state(reader) == Some('T')
    });
    // 148 = 128 + SIGTSTP: the shell saw its job stop, and has the terminal back as it was.
    pty.wait_for("[stopped: 148]");
    assert_restored(&pty, "Ctrl-Z");
    assert!(
        !pty.screen().contains(TEXT),
        "the text is gone with the alternate screen"
    );

    pty.send("\n");
    wait_until("the reader to run again", &pty, || {
        proc_state(reader) != Some('T')
    });
    // A full redraw: the alternate screen comes back blank, so the text shows only if
    // everything is drawn again, not just what changed.
    pty.wait_for(TEXT);
    pty.wait_for("? help");
    assert_in_reader_modes(&pty);

    pty.send("q");
    pty.wait_for("[done: 0]");
    assert_eq!(pty.wait().code(), Some(0));
    assert_restored(&pty, "quit after resume");
    // Nothing but drawing went out: in particular no cursor-position query (CSI 6n), whose
    // answer the reader could not read.
    let foreign = stream::foreign(&pty.raw());
    assert!(foreign.is_empty(), "{foreign:?}");
}

#[test]
fn a_terminal_shrunk_to_nothing_and_back_keeps_reading() {
    // Zero rows used to panic in the renderer (writing the "too small" note at (0, 0) of an
    // empty buffer): the reader died with status 101. The panic hook did give the terminal
    // back (checked before the fix); now there is no panic to recover from.
    let mut pty = open_reader();
    // ratatui clears the screen (CSI 2J) when it takes a new size, just before it draws:
    // counting the clears tells when each size has been drawn.
    let clears = |pty: &Pty| pty.raw().windows(4).filter(|w| w == b"\x1b[2J").count();
    for (cols, rows) in [(0, 30), (100, 0), (0, 0), (100, 30)] {
        let before = clears(&pty);
        pty.resize(cols, rows);
        wait_until(&format!("a redraw at {cols}x{rows}"), &pty, || {
            clears(&pty) > before
        });
    }
    // Still the reader, on the alternate screen: a dead one would have left the main screen.
    pty.send("g");
    pty.wait_for(TEXT);
    assert_in_reader_modes(&pty);
    pty.send("q");
    assert_eq!(pty.wait().code(), Some(0));
    assert_restored(&pty, "after zero size");
    assert_stream_ends_restored(&pty, "after zero size");
}
