//! Reading documents from files, stdin or the built-in article: the I/O at the edge. And
//! giving memory back as big documents are read: a mapped file's pages once passed over, the
//! large blocks extraction frees.

use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use anyhow::{Context, Result, bail};

use crate::domain::document::{self, Document, MAX_LEN, Storage};
use crate::domain::wrap::sanitize;

/// How much of the start of a document decides whether it looks binary.
const HEAD: usize = 8192;

/// The article `dramatis` opens when given no file.
pub const DEFAULT_NAME: &str = "default_article.txt";
pub static DEFAULT_ARTICLE: &str = include_str!("../../assets/default_article.txt");

/// How to treat files that look binary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LoadOptions {
    pub allow_binary: bool,
}

pub fn default_document() -> Document {
    Document::new(DEFAULT_NAME, Arc::new(DEFAULT_ARTICLE.as_bytes()))
}

/// Opens `path` as given on the command line (`-` is stdin). Regular files are memory-mapped
/// so that opening is instant at any size; pipes and devices are read, and refused as soon as
/// their first bytes look binary, so that `/dev/zero` or `/dev/urandom` cannot fill memory.
pub fn load(path: &str, opts: LoadOptions) -> Result<Document> {
    // The path goes into messages printed on a terminal: a file named with escape sequences
    // must not drive it.
    let shown = sanitize(path);
    let bytes: Option<document::Bytes> = if path == "-" {
        read_stream(std::io::stdin().lock(), opts)
            .map_err(io_reason)
            .context("cannot read standard input")?
    } else {
        open_file(Path::new(path), opts).with_context(|| format!("cannot open '{shown}'"))?
    };
    let Some(bytes) = bytes else {
        bail!("'{shown}' looks like a binary file (use --binary to open it anyway)");
    };
    Ok(Document::new(path, bytes))
}

/// The bytes of a file, or `None` if it looks binary and binaries are not allowed.
fn open_file(path: &Path, opts: LoadOptions) -> Result<Option<document::Bytes>> {
    let meta = std::fs::metadata(path).map_err(io_reason)?;
    if meta.is_dir() {
        bail!("it is a directory");
    }
    let file = File::open(path).map_err(io_reason)?;
    if !meta.is_file() {
        // Pipes and devices cannot be mapped: read them.
        return read_stream(file, opts).map_err(io_reason);
    }
    check_size("the file", meta.len())?;
    if meta.len() == 0 {
        return Ok(Some(Arc::new(Vec::new())));
    }
    // SAFETY: the map is read-only; if another process truncates the file while it is open,
    // reads past the new end fault (SIGBUS), as they do for `less` and every mmap reader.
    let map = unsafe { memmap2::Mmap::map(&file) }.map_err(io_reason)?;
    if !opts.allow_binary && document::looks_binary(&map) {
        return Ok(None);
    }
    Ok(Some(Arc::new(map)))
}

/// Reads a stream: its head first, to refuse a binary before reading on, then the rest up to
/// one byte past [`MAX_LEN`], so an endless stream stops there instead of exhausting memory.
fn read_stream(
    mut input: impl Read,
    opts: LoadOptions,
) -> std::io::Result<Option<document::Bytes>> {
    let mut buf = Vec::new();
    (&mut input).take(HEAD as u64).read_to_end(&mut buf)?;
    if !opts.allow_binary && document::looks_binary(&buf) {
        return Ok(None);
    }
    if buf.len() == HEAD {
        input
            .take(MAX_LEN as u64 + 1 - HEAD as u64)
            .read_to_end(&mut buf)?;
    }
    if buf.len() > MAX_LEN {
        return Err(std::io::Error::other(format!(
            "it is longer than {} MB, the most dramatis opens",
            MAX_LEN >> 20
        )));
    }
    Ok(Some(Arc::new(buf)))
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
            let before = docs.len();
            for p in files_in(arg)? {
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

/// The files the command line names, each directory replaced by its files (in name order,
/// hidden files and saved corrections skipped), for commands that read each file in turn. A
/// directory that cannot be listed or holds no file stays as it is, for [`load`] to report.
pub fn expand(args: &[String]) -> Vec<String> {
    let mut files = Vec::new();
    for arg in args {
        match files_in(arg) {
            Ok(entries) if arg != "-" && !entries.is_empty() => {
                files.extend(entries.iter().map(|p| p.to_string_lossy().into_owned()));
            }
            _ => files.push(arg.clone()),
        }
    }
    files
}

/// The files of directory `dir` that may be documents, in name order.
fn files_in(dir: &str) -> Result<Vec<std::path::PathBuf>> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(io_reason)
        .with_context(|| format!("cannot read directory '{dir}'"))?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| not_a_document(&n.to_string_lossy()))
        })
        .collect();
    entries.sort();
    Ok(entries)
}

/// Files a folder holds that are not documents to read: hidden files, and the corrections
/// dramatis itself saves beside each document (`NAME.txt.dramatis.json`).
fn not_a_document(file_name: &str) -> bool {
    file_name.starts_with('.') || file_name.ends_with(crate::store::sidecar::SUFFIX)
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

/// Gives the pages of freed small blocks back to the system: the names and aliases of a
/// replaced cast are freed in holes between live blocks, and so are the small temporaries of
/// the threads that counted the connections, which the allocator otherwise keeps (on the
/// 100 MB text, about 12 MB of the names' cast and 10 MB after the connections stayed
/// counted as the reader's memory).
pub fn give_freed_memory_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` only returns free memory to the system; it touches no live block.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Keeps freed memory for the allocations that follow instead of giving it back to the
/// system: blocks up to 32 MB (glibc's largest bar) come from the heap, whose free top is not
/// trimmed. An extraction's phases free tens of megabytes that the next ones allocate again;
/// taken from the system each time, every page of them costs a fault once more (on the 10 MB
/// text a third of the faults, 2 % of the CPU). Process wide, and undone for a large
/// document by [`give_large_blocks_back`].
pub fn keep_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` only sets tuning parameters of the allocator; a failure (0) leaves
    // the default in place.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 32 << 20);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 1 << 30);
    }
}

/// Makes every allocation of 256 KB or more a mapping of its own, given back to the system
/// when freed (and grown in place by `mremap`). glibc's default raises that bar to as much
/// as 32 MB once a large block is freed, after which the tens of megabytes of temporaries an
/// extraction frees stay counted as the process's memory, and a growing vector is copied
/// with both copies resident: on a 100 MB document that is ~25 MB more at the peak. The heap's
/// free top is trimmed again past glibc's default 128 KB, should [`keep_freed_memory`] have
/// raised that. Process wide, so called before the big work starts; harmless to call again.
pub fn give_large_blocks_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` only sets tuning parameters of the allocator; a failure (0) leaves
    // the default in place.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 256 << 10);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 128 << 10);
    }
}

/// A file mapped whole is smaller than this: its pages are kept where they are once read.
/// Letting them go cost more than it saved there: each call stops the other cores to drop
/// the pages from their tables, and the passes that read the text again (quotations,
/// sentences, coreference) then mapped every page a second time.
const RELEASE_FROM: usize = 16 << 20;

/// A read-only file map lets go of pages it is told to: they stay in the kernel's page cache
/// and come back on the next read, unchanged (the map is shared and never written).
impl Storage for memmap2::Mmap {
    fn release(&self, range: std::ops::Range<usize>) {
        if self.len() < RELEASE_FROM {
            return;
        }
        // SAFETY: `MADV_DONTNEED` on a read-only shared file mapping only drops this process's
        // page table entries; the next access maps the same page-cache pages again, so every
        // slice of the map keeps its contents. It is unsafe only for private or written maps.
        // A failure only means the pages stay: nothing to report.
        let _ = unsafe {
            self.unchecked_advise_range(
                memmap2::UncheckedAdvice::DontNeed,
                range.start,
                range.end - range.start,
            )
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_lists_neither_hidden_files_nor_saved_corrections() {
        assert!(not_a_document(".notes.txt"));
        assert!(not_a_document("day1.txt.dramatis.json"));
        assert!(!not_a_document("day1.txt"));
        assert!(
            !not_a_document("results.json"),
            "other JSON is for the reader to judge"
        );
    }

    #[test]
    fn an_endless_binary_stream_is_refused_after_its_head() {
        // Before the head check, `/dev/zero` was read until memory ran out.
        let got = read_stream(std::io::repeat(0), LoadOptions::default()).unwrap();
        assert!(got.is_none());
    }

    #[test]
    fn a_stream_is_read_whole_past_its_head() {
        let text = "word ".repeat(10_000);
        let got = read_stream(text.as_bytes(), LoadOptions::default())
            .unwrap()
            .unwrap();
        assert_eq!((*got).as_ref(), text.as_bytes());
    }

    #[test]
    fn a_path_in_an_error_cannot_drive_the_terminal() {
        let err = load(
            "/nonexistent/\u{1b}]0;pwned\u{7}\u{9b}",
            LoadOptions::default(),
        )
        .unwrap_err();
        let line = format!("{err:#}");
        assert_eq!(
            line,
            "cannot open '/nonexistent/␛]0;pwned^G<9B>': No such file or directory"
        );
    }
}
