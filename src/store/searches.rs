//! The searches typed in the reader, kept between sessions as less keeps its history: one a
//! line, oldest first, in `$XDG_STATE_HOME/dramatis/searches`. A missing or unreadable file is
//! an empty history, never an error.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::store::{atomic, paths};

/// Searches kept; the oldest go first.
pub const KEEP: usize = 100;

pub fn path() -> Option<PathBuf> {
    paths::state_dir().map(|d| d.join("searches"))
}

pub fn load_from(path: Option<&Path>) -> Vec<String> {
    let Some(text) = path.and_then(|p| std::fs::read(p).ok()) else {
        return Vec::new();
    };
    let lines: Vec<String> = String::from_utf8_lossy(&text)
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    lines[lines.len().saturating_sub(KEEP)..].to_vec()
}

/// Writes the searches (the newest [`KEEP`]) atomically (see [`atomic`]).
pub fn save_to(path: Option<&Path>, searches: &[String]) -> Result<()> {
    let Some(path) = path else { return Ok(()) };
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let kept = &searches[searches.len().saturating_sub(KEEP)..];
    let mut text = String::new();
    for s in kept
        .iter()
        .filter(|s| !s.is_empty() && !s.contains(['\n', '\r']))
    {
        text.push_str(s);
        text.push('\n');
    }
    atomic::write(path, text.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn searches_survive_a_save_and_load_newest_kept() {
        let dir = std::env::temp_dir().join(format!("dramatis-searches-{}", std::process::id()));
        let path = dir.join("searches");
        assert!(load_from(Some(&path)).is_empty(), "no file: no history");
        let many: Vec<String> = (0..KEEP + 3).map(|i| format!("word {i}")).collect();
        save_to(Some(&path), &many).unwrap();
        let back = load_from(Some(&path));
        assert_eq!(back.len(), KEEP);
        assert_eq!(back.last().unwrap(), &format!("word {}", KEEP + 2));
        save_to(Some(&path), &["a\nb".to_string(), "Gaza".to_string()]).unwrap();
        assert_eq!(
            load_from(Some(&path)),
            ["Gaza"],
            "a line break cannot split one"
        );
        let _ = std::fs::remove_dir_all(dir);
    }
}
