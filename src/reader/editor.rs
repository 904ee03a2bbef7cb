//! The user's editor, for `v`: `$VISUAL`, else `$EDITOR`, else `vi`, run through `sh` as git
//! and less run it (so `EDITOR="code -w"` works), with `+LINE FILE` as arguments, which vi,
//! vim, neovim, nano, emacs, micro, kakoune and joe all take.

use std::io::IsTerminal;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::domain::wrap::sanitize;

/// The editor the user asked for.
pub fn chosen() -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(std::env::var_os)
        .map(|v| v.to_string_lossy().trim().to_string())
        .find(|v| !v.is_empty())
        .unwrap_or_else(|| "vi".into())
}

/// The command that opens `file` at `line` in `editor`.
pub fn command(editor: &str, file: &Path, line: usize) -> Command {
    // A relative name starting with `-` would read as an option.
    let file = if file.is_relative() && file.to_string_lossy().starts_with('-') {
        Path::new(".").join(file)
    } else {
        file.to_path_buf()
    };
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!("{editor} \"$@\""))
        .arg(editor)
        .arg(format!("+{line}"))
        .arg(file);
    cmd
}

/// What the reader needs to know of a file to tell how an editor saved it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    inode: u64,
    len: u64,
    modified: Option<std::time::SystemTime>,
}

impl Stamp {
    pub fn of(file: &Path) -> Option<Stamp> {
        use std::os::unix::fs::MetadataExt;
        let meta = std::fs::metadata(file).ok()?;
        Some(Stamp {
            inode: meta.ino(),
            len: meta.len(),
            modified: meta.modified().ok(),
        })
    }
}

/// How the editor left the file the reader has open (mapped into memory).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    /// Not written.
    Untouched,
    /// Written as a new file (most editors): the reader's copy is the old text, intact.
    Replaced,
    /// Written over in place, no shorter: the reader shows bytes that moved under it.
    InPlace,
    /// Written over in place and shortened: reading past the new end would fault (SIGBUS), so
    /// the reader must stop.
    Shortened,
}

pub fn saved(before: Option<Stamp>, after: Option<Stamp>) -> Saved {
    match (before, after) {
        (Some(b), Some(a)) if a == b => Saved::Untouched,
        (Some(b), Some(a)) if a.inode == b.inode && a.len < b.len => Saved::Shortened,
        (Some(b), Some(a)) if a.inode == b.inode => Saved::InPlace,
        _ => Saved::Replaced,
    }
}

/// Runs the editor on `file` at `line` and waits for it; says why it failed, if it did. The
/// caller has given it the terminal.
pub fn run(file: &Path, line: usize) -> Option<String> {
    let editor = chosen();
    let mut cmd = command(&editor, file, line);
    // The document may have come down a pipe while the editor needs the keyboard.
    if !std::io::stdin().is_terminal()
        && let Ok(tty) = std::fs::File::open("/dev/tty")
    {
        cmd.stdin(Stdio::from(tty));
    }
    let shown = sanitize(&editor);
    match cmd.status() {
        Ok(status) if status.success() => None,
        Ok(status) => Some(match status.code() {
            Some(127) => format!("the editor ({shown}) was not found: set VISUAL or EDITOR"),
            Some(code) => format!("the editor ({shown}) exited with status {code}"),
            None => format!("the editor ({shown}) was stopped by a signal"),
        }),
        Err(e) => Some(format!("cannot run the editor ({shown}): {e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn how_the_editor_saved_is_told_from_the_files_stamps() {
        let dir = std::env::temp_dir().join(format!("dramatis-stamp-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("a.txt");
        std::fs::write(&file, "one two three").unwrap();
        let before = Stamp::of(&file);
        assert_eq!(saved(before, Stamp::of(&file)), Saved::Untouched);
        // As vim does by default: a new file renamed over the old.
        let new = dir.join("a.txt.new");
        std::fs::write(&new, "one two three four").unwrap();
        std::fs::rename(&new, &file).unwrap();
        assert_eq!(saved(before, Stamp::of(&file)), Saved::Replaced);
        // As nano does: the same file written over.
        let before = Stamp::of(&file);
        std::fs::write(&file, "one").unwrap();
        assert_eq!(saved(before, Stamp::of(&file)), Saved::Shortened);
        let before = Stamp::of(&file);
        std::fs::write(&file, "one more").unwrap();
        assert_eq!(saved(before, Stamp::of(&file)), Saved::InPlace);
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(
            saved(before, None),
            Saved::Replaced,
            "deleted: the copy stays"
        );
    }

    #[test]
    fn the_editor_gets_the_line_then_the_file() {
        let cmd = command("vim -u NONE", Path::new("-notes.txt"), 42);
        let args: Vec<String> = cmd
            .get_args()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        assert_eq!(cmd.get_program(), "sh");
        assert_eq!(
            args,
            [
                "-c",
                "vim -u NONE \"$@\"",
                "vim -u NONE",
                "+42",
                "./-notes.txt"
            ]
        );
    }

    #[test]
    fn the_editor_runs_through_the_shell_and_its_failure_is_told() {
        // `printf` stands in for an editor: it prints its arguments and exits 0.
        let out = command("printf '%s|'", Path::new("/tmp/a b.txt"), 7)
            .output()
            .unwrap();
        assert_eq!(String::from_utf8_lossy(&out.stdout), "+7|/tmp/a b.txt|");
        let failed = command("exit 3;", Path::new("x"), 1).status().unwrap();
        assert_eq!(failed.code(), Some(3));
    }
}
