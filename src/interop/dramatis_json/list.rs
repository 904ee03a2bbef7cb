//! A JSON list written in parts: on one thread in turn, or on several into memory, each part
//! copied to the output in order.

use std::io;

/// How much of a list (in mentions or sentences) one thread writes at a time: enough to be
/// worth a thread, little enough that the parts in memory stay small.
pub(super) const PART: usize = 16 << 10;

/// Writes the items `0..n` of a JSON list, comma-separated, each with `item`. On several jobs,
/// parts of about [`PART`] (by `weight`) are written into memory by `jobs` threads, and copied
/// to `out` in order.
pub(super) fn write_list(
    out: &mut impl io::Write,
    n: usize,
    weight: impl Fn(usize) -> usize,
    jobs: usize,
    item: impl Fn(usize, &mut Vec<u8>) -> io::Result<()> + Sync,
) -> io::Result<()> {
    let write_part = |range: std::ops::Range<usize>, buf: &mut Vec<u8>| -> io::Result<()> {
        for i in range {
            if i > 0 {
                buf.push(b',');
            }
            item(i, buf)?;
        }
        Ok(())
    };
    let parts = parts_by_weight(n, weight);
    if jobs <= 1 || parts.len() <= 1 {
        let mut buf = Vec::new();
        for part in parts {
            buf.clear();
            write_part(part, &mut buf)?;
            out.write_all(&buf)?;
        }
        return Ok(());
    }
    // Worker `w` writes parts `w`, `w + jobs`, … in turn, up to [`AHEAD`] ahead of the
    // output, into buffers that come back to it once copied: no thread waits for a whole
    // round, and no buffer is allocated (and its pages faulted in) for every part. This
    // thread is worker 0, writing its parts between copying the others': no more threads
    // than jobs (one more, waiting beside a busy core, waited there for the scheduler's tick
    // while another core idled).
    std::thread::scope(|scope| {
        let (parts, write_part) = (&parts, &write_part);
        let mut workers = Vec::with_capacity(jobs);
        for w in 1..jobs {
            let (done, written) = std::sync::mpsc::sync_channel::<io::Result<Vec<u8>>>(AHEAD);
            let (give_back, returned) = std::sync::mpsc::sync_channel::<Vec<u8>>(AHEAD + 1);
            scope.spawn(move || {
                for part in parts.iter().skip(w).step_by(jobs) {
                    let mut buf = returned.try_recv().unwrap_or_default();
                    buf.clear();
                    if done
                        .send(write_part(part.clone(), &mut buf).map(|()| buf))
                        .is_err()
                    {
                        break;
                    }
                }
            });
            workers.push((written, give_back));
        }
        let mut own = Vec::new();
        for (k, part) in parts.iter().enumerate() {
            if k % jobs == 0 {
                own.clear();
                write_part(part.clone(), &mut own)?;
                out.write_all(&own)?;
                continue;
            }
            let (written, give_back) = &workers[k % jobs - 1];
            // A worker gone before its part panicked: the scope re-raises that.
            let Ok(part) = written.recv() else { break };
            let part = part?;
            out.write_all(&part)?;
            let _ = give_back.try_send(part);
        }
        Ok(())
    })
}

/// The items `0..n` in consecutive parts of about [`PART`] by `weight`.
pub(super) fn parts_by_weight(
    n: usize,
    weight: impl Fn(usize) -> usize,
) -> Vec<std::ops::Range<usize>> {
    let mut parts = Vec::new();
    let (mut start, mut load) = (0, 0);
    for i in 0..n {
        load += weight(i);
        if load >= PART || i + 1 == n {
            parts.push(start..i + 1);
            (start, load) = (i + 1, 0);
        }
    }
    parts
}

/// Parts a worker of [`write_list`] may have written before they are copied out.
const AHEAD: usize = 2;
