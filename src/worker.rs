//! Finds the entities of a document on a background thread, reporting progress, so the first
//! screen never waits for extraction.

use std::thread::{self, JoinHandle};

use crate::action::Action;
use crate::domain::cast::Cast;
use crate::domain::document::{Document, Source, for_each_valid_run};
use crate::domain::extract::Extractor;

/// Bytes extracted between progress reports.
const PIECE: usize = 1 << 20;

/// Starts extraction; `send` receives `Progress` now and then and `CastReady` at the end.
/// It stops early if `send` returns false (the reader has gone).
pub fn spawn_extraction(
    doc: Document,
    send: impl Fn(Action) -> bool + Send + 'static,
) -> JoinHandle<()> {
    thread::Builder::new()
        .name("extract".into())
        .spawn(move || {
            // For measuring the reader on its own (scripts/perf): no entities, at once.
            if std::env::var_os("DRAMATIS_EXTRACT").is_some_and(|v| v == "off") {
                send(Action::CastReady(Box::default()));
                return;
            }
            if let Some(cast) = extract_with_progress(&doc, &send) {
                send(Action::CastReady(Box::new(cast)));
            }
        })
        .expect("spawning a thread")
}

fn extract_with_progress(doc: &Document, send: &impl Fn(Action) -> bool) -> Option<Cast> {
    let mut extractor = Extractor::new();
    let total = doc.len().max(1);
    let mut reported = 0;
    for piece in doc.pieces(0..doc.len(), PIECE) {
        let end = piece.end;
        for_each_valid_run(&doc.bytes()[piece.clone()], piece.start, |at, text| {
            extractor.feed(at, text)
        });
        // Pages the extractor has read stay in the page cache but need not count as ours.
        doc.release(piece.clone());
        let percent = (end as u128 * 100 / total as u128) as u8;
        if percent != reported {
            reported = percent;
            if !send(Action::Progress(percent)) {
                return None;
            }
        }
    }
    Some(Cast::new(extractor.finish()))
}

/// A read-only file map lets go of pages it is told to: they stay in the kernel's page cache
/// and come back on the next read, unchanged (the map is shared and never written).
impl Source for memmap2::Mmap {
    fn release(&self, range: std::ops::Range<usize>) {
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
    use std::sync::mpsc;

    #[test]
    fn reports_progress_then_the_cast() {
        let text = "Alice met Bob in Paris.\n".repeat(100_000);
        let doc = Document::from_string("t", text);
        let (tx, rx) = mpsc::channel();
        spawn_extraction(doc, move |a| tx.send(a).is_ok())
            .join()
            .unwrap();
        let got: Vec<Action> = rx.iter().collect();
        assert!(got.len() >= 2);
        assert!(matches!(got[0], Action::Progress(p) if p < 100));
        assert!(matches!(got.last(), Some(Action::CastReady(c)) if !c.entities.is_empty()));
    }
}
