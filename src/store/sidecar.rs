//! Where the reader's corrections live between sessions: a sidecar file saved after every
//! correction, `DOC.dramatis.json` next to the document when that directory is writable,
//! else `$XDG_DATA_HOME/dramatis/<hash>.json` (see `store::paths`), keyed by the
//! document's fingerprint (`domain::fingerprint`, the key reading positions use too). Every save replaces the file atomically (see `atomic`).
//!
//! On opening, the sidecar next to the document is tried first, then the one named by the
//! document's hash, then any in the data directory that names the same document path (the
//! document changed since, so its hash did). A sidecar whose hash differs from the document's
//! still has its corrections applied where they fit; `apply` lists the others.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};

use crate::domain::corrections::History;
use crate::domain::document::Document;
use crate::store::atomic;

/// Appended to the document's file name for the sidecar next to it.
pub const SUFFIX: &str = ".dramatis.json";
/// The version of the file's shape; a newer one is refused rather than overwritten. Format 2
/// added the forms of mentions (a pronoun attached by hand, a detached description); a file
/// without them is still written as format 1, so an older dramatis keeps reading it.
const VERSION: u32 = 2;

/// The oldest format that holds `history`.
fn version_for(history: &History) -> u32 {
    let all = history.done.iter().chain(&history.undone);
    if all.clone().any(|c| c.needs_forms()) {
        VERSION
    } else {
        1
    }
}

/// What is read first: the format, so a newer one is named as such rather than failing on
/// a correction this dramatis does not know.
#[derive(Deserialize)]
struct Format {
    dramatis_corrections: u32,
}

/// The file's content.
#[derive(Debug, Serialize, Deserialize)]
struct Stored {
    dramatis_corrections: u32,
    /// The document as named on the command line, for people reading the file.
    document: String,
    /// The document's absolute path, to find this file again after the document changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    path: Option<PathBuf>,
    /// The document's fingerprint, 16 hex digits.
    hash: String,
    bytes: u64,
    #[serde(flatten)]
    history: History,
}

/// Where a document's corrections are saved, and what was found there on opening.
#[derive(Debug, Clone)]
pub struct Sidecar {
    /// Next to the document, if it is a file.
    beside: Option<PathBuf>,
    /// In the data directory, named by the content hash.
    by_hash: Option<PathBuf>,
    /// The file the corrections were loaded from, if any: saving goes there first, and a
    /// sidecar of the document's old content in the data directory is removed once the new
    /// one is written.
    loaded: Option<PathBuf>,
    written: Option<PathBuf>,
    document: String,
    path: Option<PathBuf>,
    hash: u64,
    bytes: u64,
}

/// What opening found.
#[derive(Debug, Default)]
pub struct Found {
    pub history: History,
    /// The file read, if any.
    pub from: Option<PathBuf>,
    /// The document is not the one the corrections were made on (its hash differs).
    pub changed: bool,
}

/// The hash that keys a document's corrections.
pub fn content_hash(bytes: &[u8]) -> u64 {
    crate::domain::fingerprint::fingerprint(bytes)
}

impl Sidecar {
    /// Finds the corrections of `doc`. `file` is the document's path when it is a file (not
    /// standard input or the built-in article); `data` is the data directory
    /// ([`crate::store::paths::data_dir`]).
    /// A sidecar that exists but cannot be read is an error: it is never silently replaced.
    pub fn open(
        doc: &Document,
        file: Option<&Path>,
        data: Option<&Path>,
    ) -> Result<(Sidecar, Found)> {
        // The same value as `content_hash`, reading the document a megabyte at a time and
        // giving each back, so hashing a mapped file does not leave it all counted in memory.
        let hash =
            crate::domain::fingerprint::fingerprint_in_pieces(doc.bytes(), |r| doc.release(r));
        Sidecar::open_hashed(doc, hash, file, data)
    }

    /// [`Sidecar::open`] for a document whose `content_hash` is already known (taken while
    /// it was read for another reason).
    pub fn open_hashed(
        doc: &Document,
        hash: u64,
        file: Option<&Path>,
        data: Option<&Path>,
    ) -> Result<(Sidecar, Found)> {
        let beside = file.map(|f| {
            let mut name = f.as_os_str().to_owned();
            name.push(SUFFIX);
            PathBuf::from(name)
        });
        let path = file.and_then(|f| std::path::absolute(f).ok());
        let by_hash = data.map(|d| d.join(format!("{hash:016x}.json")));
        let mut sidecar = Sidecar {
            beside,
            by_hash,
            loaded: None,
            written: None,
            document: doc.name().to_owned(),
            path,
            hash,
            bytes: doc.len() as u64,
        };
        let mut candidates: Vec<PathBuf> = sidecar
            .beside
            .iter()
            .chain(sidecar.by_hash.iter())
            .cloned()
            .collect();
        if let (Some(d), Some(p)) = (data, &sidecar.path) {
            candidates.extend(same_document(d, p));
        }
        for c in candidates {
            let text = match fs::read_to_string(&c) {
                Ok(t) => t,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) => return Err(e).with_context(|| format!("cannot read '{}'", c.display())),
            };
            let stored = parse(&text)
                .with_context(|| format!("cannot read corrections from '{}'", c.display()))?;
            atomic::remove_stale_temps(&c);
            let changed = stored.hash != format!("{hash:016x}") || stored.bytes != sidecar.bytes;
            sidecar.loaded = Some(c.clone());
            return Ok((
                sidecar,
                Found {
                    history: stored.history,
                    from: Some(c),
                    changed,
                },
            ));
        }
        Ok((sidecar, Found::default()))
    }

    /// Saves the corrections, replacing the previous save atomically. Next to the document if
    /// it can be written there, else in the data directory. Returns the file written.
    pub fn save(&mut self, history: &History) -> Result<PathBuf> {
        let stored = Stored {
            dramatis_corrections: version_for(history),
            document: self.document.clone(),
            path: self.path.clone(),
            hash: format!("{:016x}", self.hash),
            bytes: self.bytes,
            history: history.clone(),
        };
        let mut text = serde_json::to_string_pretty(&stored).expect("plain data serialises");
        text.push('\n');
        // Where the last save went, else where the corrections came from if it is one of ours,
        // else beside the document, else the data directory.
        let mut targets: Vec<PathBuf> = Vec::new();
        let ours =
            |p: &PathBuf| Some(p) == self.beside.as_ref() || Some(p) == self.by_hash.as_ref();
        targets.extend(self.written.iter().cloned());
        targets.extend(self.loaded.iter().filter(|p| ours(p)).cloned());
        targets.extend(self.beside.iter().cloned());
        targets.extend(self.by_hash.iter().cloned());
        targets.dedup();
        let mut last_error = None;
        for t in targets {
            if let Some(dir) = t.parent()
                && Some(&t) == self.by_hash.as_ref()
            {
                let _ = fs::create_dir_all(dir);
            }
            match atomic::write(&t, text.as_bytes()) {
                Ok(()) => {
                    if let Some(old) = self.loaded.take()
                        && old != t
                        && Some(&old) != self.beside.as_ref()
                    {
                        // A sidecar of the old content in the data directory: superseded.
                        let _ = fs::remove_file(&old);
                    }
                    self.written = Some(t.clone());
                    return Ok(t);
                }
                Err(e) => last_error = Some((t, e)),
            }
        }
        match last_error {
            Some((t, e)) => {
                Err(e).with_context(|| format!("cannot save corrections to '{}'", t.display()))
            }
            None => {
                bail!("nowhere to save corrections: no writable directory and no data directory")
            }
        }
    }

    /// The file the next save goes to first, if known.
    pub fn path(&self) -> Option<&Path> {
        self.written
            .as_deref()
            .or(self.loaded.as_deref())
            .or(self.beside.as_deref())
            .or(self.by_hash.as_deref())
    }
}

/// The open documents' sidecars, by their place on the shelf: the terminal layer saves each
/// document's corrections through its own.
#[derive(Debug, Default)]
pub struct Sidecars(BTreeMap<usize, Sidecar>);

impl Sidecars {
    pub fn keep(&mut self, doc: usize, sidecar: Sidecar) {
        self.0.insert(doc, sidecar);
    }

    /// Saves document `doc`'s corrections; nothing when it has nowhere to save them (its
    /// sidecar could not be read, and is never overwritten).
    pub fn save(&mut self, doc: usize, history: &History) -> Result<()> {
        match self.0.get_mut(&doc) {
            Some(sidecar) => sidecar.save(history).map(|_| ()),
            None => Ok(()),
        }
    }
}

fn parse(text: &str) -> Result<Stored> {
    let format: Format = serde_json::from_str(text)?;
    if format.dramatis_corrections > VERSION {
        bail!(
            "written by a newer dramatis (format {}); this one reads format {VERSION}",
            format.dramatis_corrections
        );
    }
    Ok(serde_json::from_str(text)?)
}

/// Sidecars in the data directory that name the document at `path`, newest first.
fn same_document(data: &Path, path: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(data) else {
        return Vec::new();
    };
    let mut found: Vec<(std::time::SystemTime, PathBuf)> = entries
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".json"))
        .filter_map(|e| {
            let text = fs::read_to_string(e.path()).ok()?;
            let stored = parse(&text).ok()?;
            (stored.path.as_deref() == Some(path)).then(|| {
                let time = e.metadata().and_then(|m| m.modified()).ok();
                (time.unwrap_or(std::time::UNIX_EPOCH), e.path())
            })
        })
        .collect();
    found.sort_by_key(|f| std::cmp::Reverse(f.0));
    found.into_iter().map(|(_, p)| p).collect()
}
