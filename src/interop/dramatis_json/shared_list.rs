//! A JSON list written in parts, in order, by the thread that writes the output, while a
//! thread done with its own work takes parts of it too: which thread finishes first differs
//! from document to document, and neither then waits for the other.

use std::collections::BTreeMap;
use std::io;
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender};

/// A part a helper wrote: its place among the parts and its bytes.
pub(super) type Written = (usize, io::Result<Vec<u8>>);

/// The items of a list in parts, each claimed once, in order, by whichever thread asks next.
pub(super) struct SharedList<F> {
    parts: Vec<Range<usize>>,
    next: AtomicUsize,
    item: F,
}

impl<F: Fn(usize, &mut Vec<u8>) -> io::Result<()> + Sync> SharedList<F> {
    /// The items in `parts` (consecutive, from 0), each written by `item`.
    pub(super) fn new(parts: Vec<Range<usize>>, item: F) -> Self {
        SharedList {
            parts,
            next: AtomicUsize::new(0),
            item,
        }
    }

    fn claim(&self) -> Option<usize> {
        let k = self.next.fetch_add(1, Ordering::Relaxed);
        (k < self.parts.len()).then_some(k)
    }

    /// Part `k` comma-separated, with the comma before it unless it is the first.
    fn write_part(&self, k: usize, buf: &mut Vec<u8>) -> io::Result<()> {
        for i in self.parts[k].clone() {
            if i > 0 {
                buf.push(b',');
            }
            (self.item)(i, buf)?;
        }
        Ok(())
    }

    /// On a helper thread: writes the parts still unclaimed, each sent to the writing thread,
    /// until none is left or the writing thread stopped (its output failed).
    pub(super) fn help(&self, to: Sender<Written>) {
        while let Some(k) = self.claim() {
            let mut buf = Vec::new();
            let written = self.write_part(k, &mut buf).map(|()| buf);
            if to.send((k, written)).is_err() {
                break;
            }
        }
    }

    /// On the writing thread: every part to `out` in order, this thread writing those it
    /// claims and taking the helpers' from `from` in their turn (it waits at most for the
    /// part a helper is writing: parts are claimed in order).
    pub(super) fn write(
        &self,
        out: &mut impl io::Write,
        from: &Receiver<Written>,
    ) -> io::Result<()> {
        let mut helped = BTreeMap::new();
        let mut at = 0;
        let mut buf = Vec::new();
        while let Some(k) = self.claim() {
            buf.clear();
            self.write_part(k, &mut buf)?;
            out_helped(out, from, &mut helped, &mut at, k)?;
            out.write_all(&buf)?;
            at = k + 1;
        }
        out_helped(out, from, &mut helped, &mut at, self.parts.len())
    }
}

/// The parts `at..upto`, which helpers claimed, to `out` in order as they come.
fn out_helped(
    out: &mut impl io::Write,
    from: &Receiver<Written>,
    helped: &mut BTreeMap<usize, Vec<u8>>,
    at: &mut usize,
    upto: usize,
) -> io::Result<()> {
    while *at < upto {
        if let Some(part) = helped.remove(at) {
            out.write_all(&part)?;
            *at += 1;
            continue;
        }
        // A helper gone before sending a part it claimed panicked: the scope re-raises that.
        let Ok((k, written)) = from.recv() else {
            return Err(io::Error::other("a thread writing the list stopped"));
        };
        helped.insert(k, written?);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(
        n: usize,
        per_part: usize,
    ) -> SharedList<impl Fn(usize, &mut Vec<u8>) -> io::Result<()> + Sync> {
        let parts = (0..n.div_ceil(per_part))
            .map(|p| p * per_part..(p * per_part + per_part).min(n))
            .collect();
        SharedList::new(parts, |i, w: &mut Vec<u8>| {
            w.extend_from_slice(i.to_string().as_bytes());
            Ok(())
        })
    }

    #[test]
    fn the_list_comes_out_in_order_whoever_writes_its_parts() {
        let expected = (0..500)
            .map(|i| i.to_string())
            .collect::<Vec<_>>()
            .join(",");
        for per_part in [1, 3, 64, 1000] {
            for helpers in 0..3 {
                let shared = list(500, per_part);
                let (to, from) = std::sync::mpsc::channel();
                let mut out = Vec::new();
                std::thread::scope(|scope| {
                    for _ in 0..helpers {
                        let (shared, to) = (&shared, to.clone());
                        scope.spawn(move || shared.help(to));
                    }
                    drop(to);
                    shared.write(&mut out, &from).unwrap();
                });
                assert_eq!(
                    String::from_utf8(out).unwrap(),
                    expected,
                    "{per_part} {helpers}"
                );
            }
        }
    }

    #[test]
    fn a_helper_that_comes_after_the_end_writes_nothing() {
        let shared = list(10, 2);
        let (to, from) = std::sync::mpsc::channel();
        let mut out = Vec::new();
        shared.write(&mut out, &from).unwrap();
        shared.help(to);
        assert!(from.try_recv().is_err());
        assert_eq!(out, b"0,1,2,3,4,5,6,7,8,9");
    }
}
