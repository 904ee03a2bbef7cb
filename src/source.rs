//! Reading documents from files, stdin or the built-in article: the I/O at the edge.

use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use anyhow::{Context, Result, bail};

use crate::domain::document::{self, Document, MAX_LEN};

/// The article `dramatis` opens when given no file.
pub const DEFAULT_NAME: &str = "default_article.txt";
pub static DEFAULT_ARTICLE: &str = include_str!("../assets/default_article.txt");

/// How to treat files that look binary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LoadOptions {
    pub allow_binary: bool,
}

pub fn default_document() -> Document {
    Document::new(DEFAULT_NAME, Arc::new(DEFAULT_ARTICLE.as_bytes()))
}

/// Opens `path` as given on the command line (`-` is stdin). Regular files are memory-mapped
/// so that opening is instant at any size.
pub fn load(path: &str, opts: LoadOptions) -> Result<Document> {
    let bytes: document::Bytes = if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .lock()
            .read_to_end(&mut buf)
            .context("cannot read standard input")?;
        check_size("standard input", buf.len() as u64)?;
        Arc::new(buf)
    } else {
        map_file(Path::new(path)).with_context(|| format!("cannot open '{path}'"))?
    };
    let head = &(*bytes).as_ref()[..(*bytes).as_ref().len().min(8192)];
    if !opts.allow_binary && document::looks_binary(head) {
        bail!("'{path}' looks like a binary file (use --binary to open it anyway)");
    }
    Ok(Document::new(path, bytes))
}

fn map_file(path: &Path) -> Result<document::Bytes> {
    let meta = std::fs::metadata(path).map_err(io_reason)?;
    if meta.is_dir() {
        bail!("it is a directory");
    }
    let file = File::open(path).map_err(io_reason)?;
    if !meta.is_file() {
        // Pipes and devices cannot be mapped: read them.
        let mut buf = Vec::new();
        (&file).read_to_end(&mut buf).map_err(io_reason)?;
        check_size("the file", buf.len() as u64)?;
        return Ok(Arc::new(buf));
    }
    check_size("the file", meta.len())?;
    if meta.len() == 0 {
        return Ok(Arc::new(Vec::new()));
    }
    // SAFETY: the map is read-only; if another process truncates the file while it is open,
    // reads past the new end fault (SIGBUS), as they do for `less` and every mmap reader.
    let map = unsafe { memmap2::Mmap::map(&file) }.map_err(io_reason)?;
    Ok(Arc::new(map))
}

fn check_size(what: &str, len: u64) -> Result<()> {
    if len > MAX_LEN as u64 {
        bail!(
            "{what} is {} MB; dramatis opens documents up to {} MB",
            len >> 20,
            MAX_LEN >> 20
        );
    }
    Ok(())
}

/// An io::Error as the short reason people know ("No such file or directory"), without the
/// "(os error 2)" noise.
fn io_reason(e: std::io::Error) -> anyhow::Error {
    let text = e.to_string();
    let reason = match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    };
    anyhow::anyhow!(reason)
}

/// What the command line names: files, `-`, and directories (whose text files are read in
/// name order, hidden and binary files skipped). Returns the documents and how many files in
/// directories were skipped.
pub fn load_all(args: &[String], opts: LoadOptions) -> Result<(Vec<Document>, usize)> {
    let mut docs = Vec::new();
    let mut skipped = 0;
    for arg in args {
        let path = Path::new(arg);
        if arg != "-" && path.is_dir() {
            let mut entries: Vec<_> = std::fs::read_dir(path)
                .map_err(io_reason)
                .with_context(|| format!("cannot read directory '{arg}'"))?
                .filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .filter(|p| {
                    !p.file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                })
                .collect();
            entries.sort();
            let before = docs.len();
            for p in entries {
                match load(&p.to_string_lossy(), opts) {
                    Ok(doc) => docs.push(doc),
                    Err(_) => skipped += 1,
                }
            }
            if docs.len() == before {
                bail!("'{arg}' holds no readable text files");
            }
        } else {
            docs.push(load(arg, opts)?);
        }
    }
    Ok((docs, skipped))
}

/// Whether standard input is a pipe, a file or a socket someone is feeding: then, given no
/// file, the reader reads it (`curl … | dramatis`, `dramatis < notes.txt`). A terminal or a
/// device such as /dev/null is not.
pub fn stdin_is_fed() -> bool {
    use std::os::fd::AsFd;
    use std::os::unix::fs::FileTypeExt;
    let Ok(fd) = std::io::stdin().as_fd().try_clone_to_owned() else {
        return false;
    };
    match File::from(fd).metadata() {
        Ok(meta) => {
            let t = meta.file_type();
            t.is_fifo() || t.is_file() || t.is_socket()
        }
        Err(_) => false,
    }
}
