//! Counting a search's hits in a whole document on a thread of its own, so the reader shows
//! the first hits at once and the count when it is done.

use std::thread::{self, JoinHandle};

use crate::domain::document::Document;
use crate::reader::action::Work;

/// Which count of search hits is wanted: asking for a new one ends those before it.
#[derive(Debug, Clone, Default)]
pub struct CountTicket(std::sync::Arc<std::sync::atomic::AtomicU64>);

impl CountTicket {
    fn take(&self) -> u64 {
        self.0.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1
    }

    fn is(&self, n: u64) -> bool {
        self.0.load(std::sync::atomic::Ordering::SeqCst) == n
    }
}

/// Bytes a count scans between looks at whether it is still wanted (a few milliseconds).
const COUNT_STEP: usize = 4 << 20;

/// Counts the hits of `query` in `document` on a thread and sends `Work::HitsCounted`, unless
/// a newer count was asked for with the same ticket first (then it stops within
/// [`COUNT_STEP`] bytes and sends nothing).
pub fn spawn_count(
    doc: usize,
    document: Document,
    text: String,
    query: crate::domain::search::Query,
    hit: usize,
    ticket: &CountTicket,
    send: impl FnOnce(Work) + Send + 'static,
) -> JoinHandle<()> {
    let mine = ticket.take();
    let ticket = ticket.clone();
    thread::Builder::new()
        .name("count".into())
        .spawn(move || {
            if let Some(count) = count_while(document.bytes(), query, hit, || ticket.is(mine)) {
                send(Work::HitsCounted {
                    doc,
                    text,
                    hit,
                    count,
                });
            }
        })
        .expect("spawning a thread")
}

/// `(index of the hit at `hit`, all hits)`, or None if `wanted` says no before the end (it
/// is asked every [`COUNT_STEP`] bytes).
fn count_while(
    bytes: &[u8],
    query: crate::domain::search::Query,
    hit: usize,
    wanted: impl Fn() -> bool,
) -> Option<(usize, usize)> {
    let mut counter = crate::domain::search::Counter::new(query);
    loop {
        if !wanted() {
            return None;
        }
        if counter.advance(bytes, COUNT_STEP) {
            break;
        }
    }
    let before = counter.index_of(bytes, hit).unwrap_or(counter.found());
    Some((before, counter.found()))
}

#[cfg(test)]
mod count_tests {
    use super::*;
    use crate::domain::search::Query;
    use std::sync::mpsc;

    #[test]
    fn a_count_reports_the_hits_and_where_the_hit_is_among_them() {
        let doc = Document::from_string("t", "ab ab ab ab");
        let (tx, rx) = mpsc::channel();
        let ticket = CountTicket::default();
        spawn_count(
            0,
            doc,
            "ab".into(),
            Query::new("ab"),
            6,
            &ticket,
            move |w| {
                tx.send(w).unwrap();
            },
        )
        .join()
        .unwrap();
        let Ok(Work::HitsCounted { count, text, .. }) = rx.recv() else {
            panic!("no count");
        };
        assert_eq!((count, text.as_str()), ((2, 4), "ab"));
    }

    #[test]
    fn a_count_no_longer_wanted_stops_part_way() {
        let text = "x".repeat(3 * COUNT_STEP);
        let asked = std::cell::Cell::new(0);
        let wanted = || {
            asked.set(asked.get() + 1);
            asked.get() < 2
        };
        assert_eq!(
            count_while(text.as_bytes(), Query::new("x"), 0, wanted),
            None
        );
        assert_eq!(asked.get(), 2, "stopped after one step of three");
        let all = count_while(text.as_bytes(), Query::new("xx"), 4, || true);
        assert_eq!(all, Some((4, 3 * COUNT_STEP - 1)), "hits may overlap");
    }

    #[test]
    fn a_newer_ticket_overtakes_the_older() {
        let ticket = CountTicket::default();
        let first = ticket.take();
        assert!(ticket.is(first));
        let second = ticket.clone().take();
        assert!(!ticket.is(first) && ticket.is(second));
    }
}
