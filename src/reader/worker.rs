//! Background work, so the first screen never waits: finding the entities of each document
//! (with progress), and looking up where each was left last time.

use std::path::{Path, PathBuf};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use crate::domain::cast::Cast;
use crate::domain::connections::Relations;
use crate::domain::corrections::History;
use crate::domain::curation::Curation;
use crate::domain::document::Document;
use crate::domain::entity::Entity;
use crate::domain::extract;
use crate::domain::fingerprint::{self, Fingerprinter};
use crate::domain::pieces;
use crate::domain::quotes::{self, Quotes};
use crate::reader::action::Work;
use crate::store::sessions::Sessions;
use crate::store::sidecar::Sidecar;
use crate::store::{paths, source};

mod count;
mod shown;

pub use count::{CountTicket, spawn_count};
use shown::Shown;

/// Where a document came from, for its corrections and imported annotations.
#[derive(Debug, Default)]
pub struct Origin {
    /// The file, if it is one (its sidecar goes beside it).
    pub path: Option<PathBuf>,
    /// Entities imported with `--annotations`, used instead of the extractor's.
    pub imported: Option<Vec<Entity>>,
}

/// What the reading pipeline sends.
#[derive(Debug)]
pub enum Report {
    /// News for the app.
    Work(Work),
    /// Where document `doc`'s corrections are saved: for the terminal layer's store, not the
    /// app (it is sent before the document's `CurationReady`).
    Sidecar { doc: usize, sidecar: Sidecar },
}

/// Extracts the documents one after another (index = position in `docs`); `send` receives
/// `Progress` now and then and `CastReady` for each. Stops when `send` returns false.
pub fn spawn_extraction(
    docs: Vec<Document>,
    send: impl Fn(Work) -> bool + Send + 'static,
) -> JoinHandle<()> {
    spawn_pipeline(
        docs,
        Vec::new(),
        false,
        STAGING,
        move |report| match report {
            Report::Work(work) => send(work),
            Report::Sidecar { .. } => true,
        },
    )
}

/// What the reader runs: extraction (or the imported entities), then each document's saved
/// corrections (`CastReady` carries the corrected cast, `CurationReady` the corrections), then
/// sentences and connections.
pub fn spawn_reading(
    docs: Vec<Document>,
    origins: Vec<Origin>,
    send: impl Fn(Report) -> bool + Send + 'static,
) -> JoinHandle<()> {
    spawn_pipeline(docs, origins, true, STAGING, send)
}

/// When the reader is shown a cast before the whole cast is found.
#[derive(Debug, Clone, Copy)]
struct Staging {
    /// Documents from this size on show their cast in two steps: the named entities as soon
    /// as the names are clustered, then the whole cast once their pronouns and descriptions
    /// are linked and the quotations attributed (a second or more at 100 MB). Below it the
    /// whole extraction takes less than a blink, and one step spares the sidebar a change.
    names_first_from: usize,
    /// Documents from this size on also show the cast of the names read so far, once, when
    /// reading them has taken `so_far_after` and the rest is expected to take `so_far_left`
    /// or more: the reader has actors to select within a second or so, their counts growing
    /// after. Clustering them takes a core from the reading, so it is done only when the wait
    /// it shortens is long (at 100 MB on two cores it put off the whole names' cast by
    /// 0.1-0.2 s, for a partial one shown 0.4 s before it).
    so_far_from: usize,
    so_far_after: Duration,
    so_far_left: Duration,
}

impl Staging {
    /// Whether the names read so far are shown now, `read` of `total` bytes read in `elapsed`.
    fn shows_so_far(&self, elapsed: Duration, read: usize, total: usize) -> bool {
        if total < self.so_far_from || elapsed < self.so_far_after || read == 0 || read >= total {
            return false;
        }
        let left = elapsed.mul_f64((total - read) as f64 / read as f64);
        left >= self.so_far_left
    }
}

const STAGING: Staging = Staging {
    names_first_from: 2 << 20,
    so_far_from: 32 << 20,
    so_far_after: Duration::from_millis(800),
    so_far_left: Duration::from_secs(1),
};

fn spawn_pipeline(
    docs: Vec<Document>,
    mut origins: Vec<Origin>,
    curate: bool,
    staging: Staging,
    send: impl Fn(Report) -> bool + Send + 'static,
) -> JoinHandle<()> {
    thread::Builder::new()
        .name("extract".into())
        .spawn(move || {
            yield_to_the_reader();
            source::give_large_blocks_back();
            // For measuring the reader on its own (scripts/perf): no entities, at once.
            let off = std::env::var_os("DRAMATIS_EXTRACT").is_some_and(|v| v == "off");
            let work = |w: Work| send(Report::Work(w));
            for (i, doc) in docs.iter().enumerate() {
                let origin = origins.get_mut(i).map(std::mem::take).unwrap_or_default();
                let path = origin.path.as_deref();
                // The names-only cast shown meanwhile, if one is.
                let mut shown = Shown::default();
                let (fresh, quotes, saved) = match origin.imported {
                    // The quotations of the text, their speakers among the imported entities.
                    Some(entities) => {
                        let quotes = quotes::attribute_to(extract::find_quotes(doc), &entities);
                        let saved = curate.then(|| read_saved(doc, None, path));
                        (entities, quotes, saved)
                    }
                    None if off => {
                        let saved = curate.then(|| read_saved(doc, None, path));
                        (Vec::new(), Quotes::default(), saved)
                    }
                    None => {
                        let Some((mut named, hash)) = name_with_progress(i, doc, staging, &work)
                        else {
                            return;
                        };
                        let saved = curate.then(|| read_saved(doc, Some(hash), path));
                        if doc.len() >= staging.names_first_from {
                            let cast = names_cast(doc, &mut named, saved.as_ref());
                            shown = Shown::of(&cast);
                            if !work(Work::NamesReady {
                                doc: i,
                                cast: Box::new(cast),
                            }) {
                                return;
                            }
                        }
                        let found = named.infer(doc, pieces::all_cores());
                        (found.entities, found.quotes, saved)
                    }
                };
                let (cast, curation) = match saved {
                    Some(saved) => {
                        let (opened, entities, quotes) = saved.curate(doc, fresh, quotes);
                        (Cast::with_quotes(entities, quotes), Some(opened))
                    }
                    None => (Cast::with_quotes(fresh, quotes), None),
                };
                // The cast goes to the reader at once; sentences and connections are counted
                // after, over the same (shared) index, once the names-only cast is freed.
                let index = std::sync::Arc::clone(&cast.index);
                let entities = cast.entities.len();
                if !work(Work::CastReady {
                    doc: i,
                    cast: Box::new(cast),
                }) {
                    return;
                }
                if let Some(opened) = curation {
                    if let Some(sidecar) = opened.sidecar
                        && !send(Report::Sidecar { doc: i, sidecar })
                    {
                        return;
                    }
                    if !work(Work::CurationReady {
                        doc: i,
                        curation: Box::new(opened.curation),
                        error: opened.error,
                    }) {
                        return;
                    }
                }
                // The reader lets go of the names-only cast once it has the whole one.
                shown.wait_let_go();
                let relations = Relations::compute_with(doc, &index, entities);
                source::give_freed_memory_back();
                if !work(Work::RelationsReady {
                    doc: i,
                    relations: Box::new(relations),
                }) {
                    return;
                }
            }
        })
        .expect("spawning a thread")
}

/// The cast of the names alone, with the saved corrections that apply to names (those about
/// a pronoun or a quotation wait for the whole cast). Without corrections its entities are
/// `named`'s, shared with the pass that finds the rest (one copy while it runs, not two);
/// with them, a copy, whose mentions are still shared with `named`.
fn names_cast(doc: &Document, named: &mut extract::Named, saved: Option<&Saved>) -> Cast {
    let Some(history) = saved.map(|s| s.history.active()).filter(|h| !h.is_empty()) else {
        let entities = named.shared_entities();
        return Cast::shared(entities, named.take_by_start());
    };
    let mut entities = named.entities();
    let mut quotes = Quotes::default();
    crate::domain::corrections::apply(&mut entities, &mut quotes, history, doc);
    Cast::with_quotes(entities, quotes)
}

/// Lowers this thread's priority, so that on a busy machine a key press is drawn before the
/// next megabyte is extracted. (On Linux, `setpriority` with 0 names the calling thread.)
fn yield_to_the_reader() {
    // SAFETY: a plain system call on the calling thread; failure only leaves the priority be.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, 10);
    }
}

/// Fingerprints each document and sends `Resume` for those read before.
pub fn spawn_resume(
    docs: Vec<Document>,
    send: impl Fn(Work) -> bool + Send + 'static,
) -> JoinHandle<()> {
    thread::Builder::new()
        .name("resume".into())
        .spawn(move || {
            let sessions = Sessions::load();
            for (i, doc) in docs.iter().enumerate() {
                // Give back each megabyte once hashed, so reading the whole file for its
                // fingerprint does not leave the whole file counted in memory.
                let key =
                    fingerprint::to_hex(fingerprint::fingerprint_in_pieces(doc.bytes(), |r| {
                        doc.release(r);
                    }));
                let memory = sessions.get(&key);
                if !send(Work::Fingerprinted {
                    doc: i,
                    fingerprint: key,
                }) {
                    return;
                }
                if let Some(memory) = memory
                    && !send(Work::Resume { doc: i, memory })
                {
                    return;
                }
            }
        })
        .expect("spawning a thread")
}

/// A document's saved corrections, and where to save them.
struct Opened {
    curation: Curation,
    /// `None` when there is nowhere to save.
    sidecar: Option<Sidecar>,
    /// Why the saved corrections could not be read, if they could not.
    error: Option<String>,
}

/// What was saved of a document: its corrections, the sidecar they go to, or why it could not
/// be read. A sidecar that cannot be read is never overwritten: the reader then saves nothing
/// and says why.
struct Saved {
    history: History,
    sidecar: Option<Sidecar>,
    error: Option<String>,
}

/// The saved corrections of `doc` (`hash`: its `sidecar::content_hash`, if taken already).
fn read_saved(doc: &Document, hash: Option<u64>, path: Option<&Path>) -> Saved {
    let data = paths::data_dir();
    let opened = match hash {
        Some(hash) => Sidecar::open_hashed(doc, hash, path, data.as_deref()),
        None => Sidecar::open(doc, path, data.as_deref()),
    };
    match opened {
        Ok((sidecar, found)) => Saved {
            history: found.history,
            sidecar: Some(sidecar),
            error: None,
        },
        Err(e) => Saved {
            history: History::default(),
            sidecar: None,
            error: Some(format!("corrections not loaded: {e:#}")),
        },
    }
}

impl Saved {
    /// The corrections over the fresh entities and quotations, and the entities and
    /// quotations they give.
    fn curate(
        self,
        doc: &Document,
        fresh: Vec<Entity>,
        quotes: Quotes,
    ) -> (Opened, Vec<Entity>, Quotes) {
        let (curation, entities, quotes) = Curation::new(fresh, quotes, self.history, doc);
        let opened = Opened {
            curation,
            sidecar: self.sidecar,
            error: self.error,
        };
        (opened, entities, quotes)
    }
}

/// The document read and its names clustered (see `extract::name_document_in_pieces`), and
/// its fingerprint (`sidecar::content_hash`), taken on the same pass while each piece is in
/// memory.
fn name_with_progress(
    index: usize,
    doc: &Document,
    staging: Staging,
    send: &impl Fn(Work) -> bool,
) -> Option<(extract::Named, u64)> {
    let mut fingerprinter = Fingerprinter::new(doc.len());
    let total = doc.len().max(1);
    let mut reported = 0;
    let jobs = pieces::all_cores();
    let started = Instant::now();
    let mut so_far_shown = false;
    let named = extract::name_document_in_pieces(doc, jobs, |bytes, piece, read| {
        fingerprinter.update(bytes);
        let percent = (piece.end as u128 * 100 / total as u128) as u8;
        if !so_far_shown && staging.shows_so_far(started.elapsed(), piece.end, doc.len()) {
            so_far_shown = true;
            let (entities, by_start) = read.entities_by_start();
            let cast = Cast::shared(std::sync::Arc::new(entities), by_start);
            reported = percent;
            return send(Work::NamesSoFar {
                doc: index,
                cast: Box::new(cast),
                percent,
            });
        }
        if percent == reported {
            return true;
        }
        reported = percent;
        send(Work::Progress {
            doc: index,
            percent,
        })
    })?;
    Some((named, fingerprinter.finish()))
}

#[cfg(test)]
mod tests;
