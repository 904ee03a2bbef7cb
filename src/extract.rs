//! `dramatis extract`: each document's entities (found, or read from annotations) and
//! quotations, with the reader's saved corrections applied, written in the format asked for.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};

use crate::cli::{ExtractArgs, Format, Offsets};
use crate::domain::corrections;
use crate::domain::document::Document;
use crate::domain::entity::{Entity, Mention};
use crate::domain::extract;
use crate::domain::pieces;
use crate::domain::quotes::{self, Quotes};
use crate::interop::{ExportFormat, Unit};
use crate::store::paths;
use crate::store::sidecar::Sidecar;
use crate::store::source::{self, LoadOptions};

/// Problems printed per annotation file before the rest are counted.
const SHOWN: usize = 20;

/// Documents smaller than this are done several at once, each on one thread; larger ones one
/// at a time, in pieces on every thread, their output written as it is made.
const SMALL: u64 = pieces::PIECE as u64;

/// From this size on, a document's large temporaries go back to the system when freed (see
/// `source::give_large_blocks_back`), so that its peak stays near the file's size. Below it
/// the allocator keeps what is freed for the next allocations (`source::keep_freed_memory`):
/// on the 10 MB text, 8.5k page faults on one thread where giving back costs 20.9k and glibc's
/// default 12.4k (2 % of the CPU), for 3 MB more at the peak than that default (5 MB on two
/// threads). Process wide, so it stays once a large document was read.
const GIVE_BACK_FROM: usize = 16 << 20;

/// Small documents in flight at once per thread: how far the work may run ahead of the
/// output, which is written in the given order.
const AHEAD_PER_JOB: usize = 16;

/// What every document of a run shares.
struct Run<'a> {
    args: &'a ExtractArgs,
    opts: LoadOptions,
    target: ExportFormat,
    unit: Unit,
    data: Option<std::path::PathBuf>,
}

/// One document's part of the output, ready to be written in its turn: what goes to standard
/// output, what to standard error (said first), and whether it failed.
#[derive(Default)]
struct Done {
    out: Vec<u8>,
    notes: Vec<String>,
    failed: bool,
}

/// Runs `extract`: a file that cannot be read, or annotations that do not fit it, are
/// reported on standard error, the other files still processed, and the exit status says so
/// at the end. Corrections that no longer fit are reported but are not failures: the document
/// changed, which is allowed. Output comes in the order the files are given (a directory's
/// files in name order), whatever the number of jobs, and is the same for every number.
pub fn run_extract(args: &ExtractArgs) -> ExitCode {
    let files = source::expand(&args.files);
    if let Err(e) = check(args, files.len()) {
        crate::report::error(format_args!("{e:#}"));
        return ExitCode::from(2);
    }
    let run = Run {
        args,
        opts: LoadOptions {
            allow_binary: args.load.binary,
        },
        target: target(args.format),
        unit: unit(args.offsets),
        data: paths::data_dir(),
    };
    source::keep_freed_memory();
    let jobs = args.jobs.map_or_else(pieces::all_cores, usize::from);
    let mut out = std::io::BufWriter::with_capacity(OUT_BUFFER, standard_output());
    let mut failed = false;
    let mut i = 0;
    while i < files.len() {
        let small = |f: &String| {
            f != "-" && std::fs::metadata(f).is_ok_and(|m| m.is_file() && m.len() < SMALL)
        };
        let batch = files[i..].iter().take_while(|f| small(f)).count();
        let written = if jobs > 1 && batch > 1 {
            let range = i..i + batch;
            i += batch;
            several(&run, &files, range, jobs, |done| {
                failed |= done.failed;
                say(&done.notes);
                out.write_all(&done.out)
            })
        } else {
            i += 1;
            let last = i == files.len();
            one(&run, &files, i - 1, jobs, last, &mut out, &mut failed)
        };
        if let Err(e) = written {
            return written_until(e, failed);
        }
    }
    if let Err(e) = out.flush() {
        return written_until(e, failed);
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Standard output without its line buffering: the JSON of a large document is one line of
/// tens of megabytes, which `Stdout` searches for a newline on every write before passing it on.
fn standard_output() -> Box<dyn Write> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        if let Ok(fd) = std::io::stdout().as_fd().try_clone_to_owned() {
            return Box::new(std::fs::File::from(fd));
        }
    }
    Box::new(std::io::stdout().lock())
}

/// Bytes gathered before they are written out (the documents' parts come in larger pieces,
/// written through).
const OUT_BUFFER: usize = 64 << 10;

fn say(notes: &[String]) {
    for note in notes {
        crate::report::error(note);
    }
}

/// Document `i`, in pieces on `jobs` threads, written as it is made. `last`: the run ends
/// with it.
fn one(
    run: &Run,
    files: &[String],
    i: usize,
    jobs: usize,
    last: bool,
    out: &mut impl Write,
    failed: &mut bool,
) -> std::io::Result<()> {
    let mut notes = Vec::new();
    let ready = prepare(run, files, i, jobs, &mut notes, failed);
    say(&notes);
    let Some(ready) = ready else {
        return Ok(());
    };
    let found = ready.found();
    let written = crate::interop::write_export(out, &ready.doc, &found, run.target, run.unit, jobs);
    if last {
        // Its memory goes back with the process's, at once: freeing the entities, their
        // names and aliases one by one took milliseconds on a large document, on one thread.
        std::mem::forget(ready);
    }
    written
}

/// The documents `range` of `files`, several at once on `jobs` threads, each handed to
/// `write` in order as soon as it and those before it are done.
fn several(
    run: &Run,
    files: &[String],
    range: std::ops::Range<usize>,
    jobs: usize,
    mut write: impl FnMut(Done) -> std::io::Result<()>,
) -> std::io::Result<()> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Condvar, Mutex, PoisonError};
    let next = AtomicUsize::new(range.start);
    // Written so far: a worker starts document `i` only while `i` is not too far ahead of
    // it, and waits (asleep) for the output to catch up otherwise.
    let written = (Mutex::new(range.start), Condvar::new());
    let ahead = AHEAD_PER_JOB * jobs;
    let wrote = |at: usize| {
        *written.0.lock().unwrap_or_else(PoisonError::into_inner) = at;
        written.1.notify_all();
    };
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::channel();
        for _ in 0..jobs {
            let tx = tx.clone();
            let (next, written, range) = (&next, &written, range.clone());
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= range.end {
                        break;
                    }
                    let mut at = written.0.lock().unwrap_or_else(PoisonError::into_inner);
                    while i >= *at + ahead {
                        at = (written.1.wait(at)).unwrap_or_else(PoisonError::into_inner);
                    }
                    drop(at);
                    if tx.send((i, render(run, files, i))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut waiting = std::collections::BTreeMap::new();
        let mut at = range.start;
        let mut result = Ok(());
        for (i, done) in rx {
            waiting.insert(i, done);
            while let Some(done) = waiting.remove(&at) {
                if result.is_ok() {
                    result = write(done);
                }
                at += 1;
                wrote(at);
            }
            if result.is_err() {
                // Let the workers run out: nothing more is written.
                next.store(range.end, Ordering::Relaxed);
                wrote(range.end);
            }
        }
        result
    })
}

/// Document `i` in full, in memory, on this thread.
fn render(run: &Run, files: &[String], i: usize) -> Done {
    let mut done = Done::default();
    if let Some(ready) = prepare(run, files, i, 1, &mut done.notes, &mut done.failed) {
        let out = &mut done.out;
        let (target, unit) = (run.target, run.unit);
        let found = ready.found();
        let written = crate::interop::write_export(out, &ready.doc, &found, target, unit, 1);
        done.failed |= written.is_err();
    }
    done
}

/// A document ready to be written: its entities, quotations and normalisation ids by entity.
struct Ready {
    doc: Document,
    entities: Vec<Entity>,
    quotes: Quotes,
    norms: BTreeMap<String, String>,
}

impl Ready {
    fn found(&self) -> crate::interop::Found<'_> {
        crate::interop::Found {
            entities: &self.entities,
            quotes: &self.quotes,
            norms: &self.norms,
        }
    }
}

/// Document `i` read, with its entities (found on `jobs` threads, or read from annotations)
/// and quotations, saved corrections applied, and its normalisation ids; `None` if there is
/// nothing to write. Problems are added to `notes`, and those that are failures set `failed` (annotations
/// that do not all fit are one, but the document is still written).
fn prepare(
    run: &Run,
    files: &[String],
    i: usize,
    jobs: usize,
    notes: &mut Vec<String>,
    failed: &mut bool,
) -> Option<Ready> {
    let ready = prepare_or_fail(run, files, i, jobs, notes, failed);
    *failed |= ready.is_none();
    ready
}

fn prepare_or_fail(
    run: &Run,
    files: &[String],
    i: usize,
    jobs: usize,
    notes: &mut Vec<String>,
    failed: &mut bool,
) -> Option<Ready> {
    let path = &files[i];
    let doc = match source::load(path, run.opts) {
        Ok(doc) => doc,
        Err(e) => {
            notes.push(format!("{e:#}"));
            return None;
        }
    };
    if doc.len() >= GIVE_BACK_FROM {
        source::give_large_blocks_back();
    }
    let args = run.args;
    let annotations = args
        .annotations
        .get(i)
        .or(args.annotations.first())
        .map(String::as_str);
    let cast = cast(&doc, annotations, run.unit, jobs, notes);
    let (mut entities, mut quotes, norms, hash) = match cast {
        Ok((entities, quotes, norms, clean, hash)) => {
            *failed |= !clean;
            (entities, quotes, norms, hash)
        }
        Err(e) => {
            notes.push(format!("{e:#}"));
            return None;
        }
    };
    let mut norms = norms_by_mention(&entities, norms);
    if !args.no_corrections {
        let file = (path != "-").then(|| Path::new(path.as_str()));
        match correct(
            &doc,
            hash,
            file,
            run.data.as_deref(),
            &mut entities,
            &mut quotes,
            notes,
        ) {
            Ok(()) => {}
            Err(e) => {
                notes.push(format!("{e:#} (--no-corrections ignores them)"));
                return None;
            }
        }
    }
    let norms = norms_by_id(&entities, &mut norms);
    Some(Ready {
        doc,
        entities,
        quotes,
        norms,
    })
}

/// The end of a run whose output could not be written: quietly, with the status so far, when
/// the reader closed the pipe (`extract --json | head`); else an error.
fn written_until(e: std::io::Error, failed: bool) -> ExitCode {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        return if failed {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        };
    }
    crate::report::error(format_args!("writing the output: {e}"));
    ExitCode::FAILURE
}

fn check(args: &ExtractArgs, files: usize) -> Result<()> {
    let n = args.annotations.len();
    if n > 1 && n != files {
        bail!("{n} annotation files for {files} documents: give one for all, or one per document");
    }
    if args.format == Format::Brat && files > 1 {
        bail!("brat pairs one .ann with one document: run `extract --format brat` once per file");
    }
    Ok(())
}

/// The entities and quotations of a document from its annotations, or from the extractor. The
/// flag is false when some annotations did not fit (they are reported). The document's
/// content hash, when the extractor took it as it read.
type Cast = (
    Vec<Entity>,
    Quotes,
    BTreeMap<String, String>,
    bool,
    Option<u64>,
);

fn cast(
    doc: &Document,
    annotations: Option<&str>,
    unit: Unit,
    jobs: usize,
    notes: &mut Vec<String>,
) -> Result<Cast> {
    let Some(file) = annotations else {
        // The hash the corrections are filed under, taken as the pieces are read (on the
        // thread that joins them) rather than in a pass of its own after the extraction.
        let mut hash = crate::domain::fingerprint::Fingerprinter::new(doc.len());
        let found = extract::extract_document_in_pieces(doc, jobs, |bytes, _| {
            hash.update(bytes);
            true
        });
        let found = found.unwrap_or_default();
        let hash = Some(hash.finish());
        return Ok((found.entities, found.quotes, BTreeMap::new(), true, hash));
    };
    let imported = crate::interop::load_cast(doc, Path::new(file), unit)?;
    let warnings = imported.warnings(file);
    notes.extend(warnings.iter().take(SHOWN).map(ToString::to_string));
    if warnings.len() > SHOWN {
        notes.push(format!(
            "{}: {} more spans do not match the document",
            crate::domain::wrap::sanitize(file),
            warnings.len() - SHOWN
        ));
    }
    // The quotations of the text, their speakers among the imported entities.
    let quotes = quotes::attribute_to(extract::find_quotes(doc), &imported.entities);
    Ok((
        imported.entities,
        quotes,
        imported.norms,
        warnings.is_empty(),
        None,
    ))
}

/// Applies the saved corrections to the entities and the quotations' speakers (which follow
/// the entities through merges, splits and the new order), reporting those that no longer fit.
/// `hash`: the document's content hash, if known.
fn correct(
    doc: &Document,
    hash: Option<u64>,
    file: Option<&Path>,
    data: Option<&Path>,
    entities: &mut Vec<Entity>,
    quotes: &mut Quotes,
    notes: &mut Vec<String>,
) -> Result<()> {
    let (_, found) = match hash {
        Some(hash) => Sidecar::open_hashed(doc, hash, file, data)?,
        None => Sidecar::open(doc, file, data)?,
    };
    if found.history.active().is_empty() {
        return Ok(());
    }
    let unfit = corrections::apply(entities, quotes, found.history.active(), doc);
    let from = found
        .from
        .as_deref()
        .map(|p| crate::domain::wrap::sanitize(&p.display().to_string()))
        .unwrap_or_default();
    for u in unfit {
        notes.push(format!(
            "{from}: correction {} ({}) no longer fits: {}",
            u.index + 1,
            u.correction.describe(),
            u.reason
        ));
    }
    Ok(())
}

/// Normalisation ids follow an entity through corrections (which renumber ids) by mention.
fn norms_by_mention(
    entities: &[Entity],
    norms: BTreeMap<String, String>,
) -> Vec<(Mention, String)> {
    entities
        .iter()
        .filter_map(|e| Some((e.mentions[0], norms.get(&e.id)?.clone())))
        .collect()
}

fn norms_by_id(
    entities: &[Entity],
    norms: &mut Vec<(Mention, String)>,
) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for e in entities {
        if let Some(i) = norms.iter().position(|(m, _)| e.mentions.contains(m)) {
            out.insert(e.id.clone(), norms.remove(i).1);
        }
    }
    out
}

fn target(f: Format) -> ExportFormat {
    match f {
        Format::Json => ExportFormat::Json,
        Format::Brat => ExportFormat::Brat,
        Format::Displacy => ExportFormat::Displacy,
        Format::Conll => ExportFormat::Conll,
    }
}

/// The offset unit chosen on the command line.
pub fn unit(o: Offsets) -> Unit {
    match o {
        Offsets::CodePoints => Unit::CodePoints,
        Offsets::Utf16 => Unit::Utf16,
        Offsets::Bytes => Unit::Bytes,
    }
}
