//! Remembered reading sessions: where each document was left (by content fingerprint), in
//! `$XDG_STATE_HOME/dramatis/sessions.json`. Reopening a document resumes there.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use crate::store::{atomic, paths};

/// What a remembered reading session restores.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Remembered {
    /// Byte offset of the text that was at the top of the pane.
    pub top: usize,
    /// The selected entity's name, if one was selected.
    pub entity: Option<String>,
    pub marks: Vec<(char, usize)>,
    /// The pinned actors, by name and kind (`person`, `organization`…), in pin order.
    pub pins: Vec<(String, String)>,
}

/// Sessions kept; the least recently used are forgotten past this.
const KEEP: usize = 500;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
struct Entry {
    top: usize,
    #[serde(default)]
    entity: Option<String>,
    #[serde(default)]
    marks: Vec<(char, usize)>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pins: Vec<(String, String)>,
    used: u64,
}

#[derive(Debug, Default)]
pub struct Sessions {
    path: Option<PathBuf>,
    entries: BTreeMap<String, Entry>,
}

impl Sessions {
    /// Reads the sessions file; a missing or damaged file is an empty memory, not an error
    /// (losing a reading position must never stop the reader).
    pub fn load() -> Sessions {
        let path = paths::state_dir().map(|d| d.join("sessions.json"));
        Sessions::load_from(path)
    }

    pub fn load_from(path: Option<PathBuf>) -> Sessions {
        let entries = path
            .as_ref()
            .and_then(|p| std::fs::read(p).ok())
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default();
        Sessions { path, entries }
    }

    pub fn get(&self, fingerprint: &str) -> Option<Remembered> {
        self.entries.get(fingerprint).map(|e| Remembered {
            top: e.top,
            entity: e.entity.clone(),
            marks: e.marks.clone(),
            pins: e.pins.clone(),
        })
    }

    pub fn put(&mut self, fingerprint: &str, r: &Remembered) {
        let used = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        self.entries.insert(
            fingerprint.to_string(),
            Entry {
                top: r.top,
                entity: r.entity.clone(),
                marks: r.marks.clone(),
                pins: r.pins.clone(),
                used,
            },
        );
        while self.entries.len() > KEEP {
            let oldest = self
                .entries
                .iter()
                .min_by_key(|(_, e)| e.used)
                .map(|(k, _)| k.clone());
            match oldest {
                Some(k) => self.entries.remove(&k),
                None => break,
            };
        }
    }

    /// Writes the file atomically (see [`atomic`]).
    pub fn save(&self) -> Result<()> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        let dir = path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        atomic::write(path, &serde_json::to_vec(&self.entries)?)
            .with_context(|| format!("cannot write {}", path.display()))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_survives_a_save_and_load() {
        let dir = std::env::temp_dir().join(format!("dramatis-sessions-{}", std::process::id()));
        let path = dir.join("sessions.json");
        let mut s = Sessions::load_from(Some(path.clone()));
        assert_eq!(s.get("abc"), None);
        let r = Remembered {
            top: 42,
            entity: Some("Israel".into()),
            marks: vec![('a', 7)],
            pins: vec![("Israel".into(), "country".into())],
        };
        s.put("abc", &r);
        s.save().unwrap();
        assert_eq!(Sessions::load_from(Some(path.clone())).get("abc"), Some(r));
        std::fs::write(&path, b"{ torn").unwrap();
        assert_eq!(
            Sessions::load_from(Some(path)).get("abc"),
            None,
            "a damaged file is forgotten, not fatal"
        );
        let _ = std::fs::remove_dir_all(dir);
    }
}
