//! One document read in pieces, on as many threads as asked.
//!
//! The document is cut at paragraph breaks about every [`PIECE`] bytes, at places that depend
//! on the text alone, never on the number of threads. Each piece is read by an extractor of
//! its own, and the pieces' candidates are joined in document order ([`Extractor::absorb`])
//! for the one clustering pass over the whole document. Reading a line needs nothing from any
//! other line, so the candidates, and so the entities, are the ones a single extractor reading
//! the whole document finds, for every number of threads.
//!
//! Passes that look further than a line (coreference, quotations) belong in [`read_piece`]: a
//! piece starts at a paragraph, so a pass whose look-back stops at a paragraph break sees in
//! its piece everything it would see in the whole document. Quotations are found instead
//! by one finder over the whole text, on a core of its own from the moment a thread has no
//! piece left to read, while the candidates are clustered (see `extract_document_in_pieces`):
//! that is exact wherever a piece is cut (a line end will do when no blank line is near).
//!
//! The thread that asks for the reading reads pieces too, and joins them between its own: no
//! more threads run than there are jobs, so none of them waits for a core while another
//! reads (the reading's last piece would wait with it).

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

use super::{Extractor, Found};
use crate::domain::document::{Document, for_each_valid_run};
use crate::domain::pieces::{PIECE, cut};

/// The candidates of one piece of `doc`.
fn read_piece(doc: &Document, range: Range<usize>) -> Found {
    let mut ex = Extractor::new();
    for_each_valid_run(&doc.bytes()[range.clone()], range.start, |at, text| {
        ex.feed(at, text);
    });
    // Passes over a whole piece (coreference, quotations) go here, before the pieces join.
    ex.into_found()
}

/// Reads `doc` on `jobs` threads: an extractor holding every candidate, ready to be finished
/// (clustered). `each(bytes, range)` sees the pieces in order, each once it is read and
/// before its pages are given back; it stops the reading by returning false (then `None`).
pub fn extract(
    doc: &Document,
    jobs: usize,
    mut each: impl FnMut(&[u8], Range<usize>) -> bool,
) -> Option<Extractor> {
    extract_seeing(doc, jobs, |_, bytes, piece| each(bytes, piece))
}

/// [`extract`], `ending()` called (maybe more than once) when the reading nears its end: once
/// a thread has no piece left to read. A pass that needs only the text can start then, on the
/// core that thread leaves, so that it is not all still to do once the reading is over. Not
/// called on one thread, nor once the reading is stopped.
pub fn extract_then(
    doc: &Document,
    jobs: usize,
    mut each: impl FnMut(&[u8], Range<usize>) -> bool,
    ending: impl Fn() + Sync,
) -> Option<Extractor> {
    let pieces = cut(doc.bytes(), 0..doc.len(), PIECE);
    extract_cut(
        doc,
        jobs,
        pieces,
        |_, bytes, piece| each(bytes, piece),
        &ending,
    )
}

/// [`extract`], `each` also seeing what the extractor holds of the pieces read so far (for a
/// reader that shows the names found so far: see `extract::name_document_in_pieces`).
pub fn extract_seeing(
    doc: &Document,
    jobs: usize,
    each: impl FnMut(&Extractor, &[u8], Range<usize>) -> bool,
) -> Option<Extractor> {
    extract_cut(
        doc,
        jobs,
        cut(doc.bytes(), 0..doc.len(), PIECE),
        each,
        &|| {},
    )
}

fn extract_cut(
    doc: &Document,
    jobs: usize,
    pieces: Vec<Range<usize>>,
    mut each: impl FnMut(&Extractor, &[u8], Range<usize>) -> bool,
    ending: &(dyn Fn() + Sync),
) -> Option<Extractor> {
    let mut whole = Extractor::new();
    let mut done = |whole: &Extractor, piece: Range<usize>| {
        let bytes = &doc.bytes()[piece.clone()];
        let go_on = each(whole, bytes, piece.clone());
        doc.release(piece);
        go_on
    };
    if jobs <= 1 || pieces.len() <= 1 {
        for piece in pieces {
            let bytes = &doc.bytes()[piece.clone()];
            for_each_valid_run(bytes, piece.start, |at, text| whole.feed(at, text));
            if !done(&whole, piece) {
                return None;
            }
        }
        return Some(whole);
    }
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    // The next piece to read, if there is one and the reading goes on.
    let take = || {
        let i = next.fetch_add(1, Ordering::Relaxed);
        if stop.load(Ordering::Relaxed) {
            return None;
        }
        if i >= pieces.len() {
            ending();
            return None;
        }
        Some(i)
    };
    let finished = std::thread::scope(|scope| {
        let (tx, rx) = mpsc::channel();
        for _ in 1..jobs.min(pieces.len()) {
            let tx = tx.clone();
            let (take, pieces) = (&take, &pieces);
            scope.spawn(move || {
                while let Some(i) = take() {
                    if tx.send((i, read_piece(doc, pieces[i].clone()))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        // Pieces come in the order they are finished and are joined in document order.
        let mut waiting = BTreeMap::new();
        let mut at = 0;
        let mut join_ready = |waiting: &mut BTreeMap<usize, Found>| {
            while let Some(found) = waiting.remove(&at) {
                whole.absorb(found);
                if !done(&whole, pieces[at].clone()) {
                    stop.store(true, Ordering::Relaxed);
                    return false;
                }
                at += 1;
            }
            true
        };
        // Between pieces of its own, this thread joins those the others have read.
        while let Some(i) = take() {
            waiting.insert(i, read_piece(doc, pieces[i].clone()));
            waiting.extend(rx.try_iter());
            if !join_ready(&mut waiting) {
                return false;
            }
        }
        for (i, found) in rx {
            waiting.insert(i, found);
            if !join_ready(&mut waiting) {
                return false;
            }
        }
        at == pieces.len()
    });
    finished.then_some(whole)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_end_after_a_paragraph_and_cover_the_text() {
        let text = b"one line\nand two\n\nthird line\n\nend";
        assert_eq!(cut(text, 0..text.len(), 4), [0..18, 18..30, 30..33]);
        assert_eq!(cut(text, 0..text.len(), 100), vec![0..33]);
        // No paragraph break near: a line end will do.
        let lines = b"aaaa\nbbbb\ncccc";
        assert_eq!(cut(lines, 0..lines.len(), 2), [0..5, 5..10, 10..14]);
        assert!(cut(b"", 0..0, 4).is_empty());
    }

    #[test]
    fn every_number_of_jobs_finds_the_same_entities() {
        let paragraph = "Prime Minister Benjamin Netanyahu met officials of the United Nations \
            in Oslo on Tuesday. Netanyahu said 240 hostages were held by Hamas.\n\
            Maria Ortega of Acme Corp. flew to Gaza City; Ortega and the UN spoke.\n\n";
        let mut text = String::new();
        for i in 0..400 {
            text.push_str(&paragraph.replace("Ortega", &format!("Ortega{}", i % 37)));
            text.push_str(&format!("Delegates from Vantoro{i} Holdings arrived.\n\n"));
        }
        let doc = Document::from_string("t.txt", text);
        let pieces = cut(doc.bytes(), 0..doc.len(), 4096);
        assert!(pieces.len() > 8);
        // The one-thread reading, fed piece by piece as the pieces are cut.
        let one = extract(&doc, 1, |_, _| true).unwrap().finish();
        assert!(one.len() > 40);
        for jobs in [1, 2, 3, 8] {
            let mut seen = Vec::new();
            let many = extract_with_pieces(&doc, jobs, 4096, |_, r| {
                seen.push(r);
                true
            });
            assert_eq!(seen, pieces, "each piece once, in order ({jobs} jobs)");
            assert_eq!(many.unwrap().finish(), one, "{jobs} jobs");
        }
    }

    #[test]
    fn quotations_found_beside_the_clustering_are_those_found_on_one_thread() {
        let paragraph = "\u{201c}We will not accept it,\u{201d} Maria Ortega told reporters in \
            Oslo. She said the United Nations had agreed.\nThe company said its profits grew, \
            Ortega added.\n\n";
        let doc = Document::from_string("t.txt", paragraph.repeat(300));
        let one = crate::domain::extract::extract_document_in_pieces(&doc, 1, |_, _| true)
            .expect("read to the end");
        assert!(one.quotes.len() >= 600, "{} quotations", one.quotes.len());
        let linked = (one.entities.iter().flat_map(|e| e.mentions.iter()))
            .filter(|m| m.form == crate::domain::entity::Form::Pronoun)
            .count();
        assert!(linked >= 300, "{linked} pronouns linked");
        for jobs in [2, 3] {
            let many = crate::domain::extract::extract_document_in_pieces(&doc, jobs, |_, _| true)
                .expect("read to the end");
            assert!(many.entities == one.entities, "{jobs} jobs");
            assert!(many.quotes == one.quotes, "{jobs} jobs");
        }
    }

    #[test]
    fn stopping_reads_no_further() {
        let doc = Document::from_string("t.txt", "Alice met Bob.\n\n".repeat(100_000));
        let mut calls = 0;
        let read = extract(&doc, 2, |_, _| {
            calls += 1;
            calls < 2
        });
        assert!(read.is_none());
        assert_eq!(calls, 2);
    }

    #[test]
    fn the_end_of_the_reading_is_told_on_several_threads_only() {
        let doc = Document::from_string("t.txt", "Alice met Bob.\n\n".repeat(200_000));
        assert!(cut(doc.bytes(), 0..doc.len(), PIECE).len() >= 3);
        for jobs in [1, 2, 3] {
            let told = AtomicUsize::new(0);
            let read = extract_then(
                &doc,
                jobs,
                |_, _| true,
                || {
                    told.fetch_add(1, Ordering::Relaxed);
                },
            );
            assert!(read.is_some());
            let told = told.into_inner();
            assert_eq!(told > 0, jobs > 1, "{jobs} jobs: told {told} times");
        }
    }

    /// [`extract`] with pieces of `target` bytes, so that a small text has many.
    fn extract_with_pieces(
        doc: &Document,
        jobs: usize,
        target: usize,
        mut each: impl FnMut(&[u8], Range<usize>) -> bool,
    ) -> Option<Extractor> {
        let pieces = cut(doc.bytes(), 0..doc.len(), target);
        extract_cut(
            doc,
            jobs,
            pieces,
            |_, bytes, piece| each(bytes, piece),
            &|| {},
        )
    }
}
