//! The pairs of a document counted pass by pass, by entity (see `Connections::compute`), and
//! laid out strongest first or by entity.

use super::{ByEntity, Casts, Connections, Run, Walk, counts_to_offsets};

/// The pairs counted so far. Most pairs share one sentence, and those are kept as
/// `[a, b, sentence]` (12 bytes, not the 16 of a [`Run`]): on a large document they are
/// millions, and the largest allocation while counting.
#[derive(Default)]
pub(super) struct Tally {
    singles: Vec<[u32; 3]>,
    several: Vec<Run>,
    lists: Vec<u32>,
}

impl Tally {
    /// Files entity `a`'s incidences `(partner, sentence)`, sorted here, as pairs.
    pub(super) fn add(&mut self, a: u32, bucket: &mut [(u32, u32)]) {
        // By partner, then sentence, compared as one integer (the largest sorts of counting).
        bucket.sort_unstable_by_key(|&(b, s)| (u64::from(b) << 32) | u64::from(s));
        for run in bucket.chunk_by(|x, y| x.0 == y.0) {
            if let [(b, s)] = run {
                self.singles.push([a, *b, *s]);
            } else {
                let at = self.lists.len() as u32;
                self.lists.extend(run.iter().map(|x| x.1));
                self.several.push([a, run[0].0, at, run.len() as u32]);
            }
        }
    }

    /// Takes in the pairs of `other`, which are not among these.
    pub(super) fn append(&mut self, other: Tally) {
        let shift = self.lists.len() as u32;
        self.singles.extend_from_slice(&other.singles);
        (self.several).extend(
            other
                .several
                .iter()
                .map(|r| [r[0], r[1], r[2] + shift, r[3]]),
        );
        self.lists.extend_from_slice(&other.lists);
    }

    /// The pairs strongest first: those sharing several sentences (most first, then by
    /// their first sentence and entities), then the others by sentence and entities. Those
    /// are the order `walk` meets them in (sentence after sentence, each sentence's pairs in
    /// the order of their entities): they are found again by walking on every thread,
    /// leaving out the pairs sharing several, rather than sorted (the largest sort after
    /// extraction, on one thread), each run writing its own part of the result.
    pub(super) fn into_connections(self, walk: &Walk<impl Casts>) -> Connections {
        let Tally {
            singles,
            mut several,
            lists,
        } = self;
        // How many pairs sharing one sentence each run meets, and where its part starts.
        let mut parts = vec![0usize; walk.runs.len() + 1];
        for p in &singles {
            let run = walk.runs.partition_point(|r| r.end <= p[2] as usize);
            parts[run + 1] += 3;
        }
        drop(singles);
        for r in 1..parts.len() {
            parts[r] += parts[r - 1];
        }
        // Unique keys (a pair is one run), so unstable sorts are exact, and sort in place.
        several
            .sort_unstable_by_key(|r| (std::cmp::Reverse(r[3]), lists[r[2] as usize], r[0], r[1]));
        let mut flat: Vec<u32> = Vec::with_capacity(lists.len());
        for r in &mut several {
            let from = r[2] as usize;
            r[2] = flat.len() as u32;
            flat.extend_from_slice(&lists[from..from + r[3] as usize]);
        }
        drop(lists);
        let count = several.len();
        let key = |a: u32, b: u32| (u64::from(a) << 32) | u64::from(b);
        let shared: rustc_hash::FxHashSet<u64> = several.iter().map(|r| key(r[0], r[1])).collect();
        let mut pairs = vec![0u32; 3 * count + parts[parts.len() - 1]];
        let (first, mut rest) = pairs.split_at_mut(3 * count);
        for (to, r) in first.chunks_exact_mut(3).zip(&several) {
            to.copy_from_slice(&r[..3]);
        }
        drop(several);
        let mut slices = Vec::with_capacity(walk.runs.len());
        for w in parts.windows(2) {
            let (part, after) = rest.split_at_mut(w[1] - w[0]);
            slices.push(std::sync::Mutex::new(part));
            rest = after;
        }
        walk.each_run(|i, run| {
            let mut part = slices[i]
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            let mut at = 0;
            walk.incidences(run, |a, b, s| {
                if !shared.contains(&key(a, b)) {
                    part[at..at + 3].copy_from_slice(&[a, b, s]);
                    at += 3;
                }
            });
            debug_assert_eq!(at, part.len());
        });
        Connections {
            pairs,
            several: count,
            sentences: flat,
            members: Vec::new(),
            by_entity: None,
        }
    }

    /// The pairs by entity (see [`Connections`]), for `entities` entities. The tally files
    /// them by `a` already (entities in order, partners in order): each entity's pairs are
    /// put strongest first where they are, the lists get their lengths in their own array
    /// and the singles' array becomes the pairs' (nothing is copied whole: on a large
    /// document the tally is tens of megabytes, and the reader counts it beside its cast).
    pub(super) fn into_by_entity(self, entities: usize) -> Connections {
        let Tally {
            mut singles,
            mut several,
            mut lists,
        } = self;
        debug_assert!(singles.is_sorted_by_key(|p| p[0]) && several.is_sorted_by_key(|r| r[0]));
        // Each list after its length: moved up from the last, as many places as lists
        // before it (`several` lists them in the order they are laid out).
        let shift = several.len();
        lists.resize(lists.len() + shift, 0);
        for (i, r) in several.iter_mut().enumerate().rev() {
            let (from, len) = (r[2] as usize, r[3] as usize);
            lists.copy_within(from..from + len, from + i + 1);
            lists[from + i] = r[3];
            r[2] = (from + i) as u32;
        }
        for run in singles.chunk_by_mut(|x, y| x[0] == y[0]) {
            run.sort_unstable_by_key(|p| (p[2], p[1]));
        }
        for run in several.chunk_by_mut(|x, y| x[0] == y[0]) {
            run.sort_unstable_by_key(|r| (std::cmp::Reverse(r[3]), lists[r[2] as usize + 1], r[1]));
        }
        let starts = |keys: &mut dyn Iterator<Item = u32>| {
            let mut starts = vec![0u32; entities + 1];
            for a in keys {
                starts[a as usize] += 1;
            }
            counts_to_offsets(&mut starts);
            starts
        };
        let mut singles_of = starts(&mut singles.iter().map(|p| p[0]));
        let count = singles.len();
        let mut several_of = starts(&mut several.iter().map(|r| r[0]));
        // Pairs after the singles'.
        for s in &mut several_of {
            *s += count as u32;
        }
        // `[a, b, s]` becomes `[b, s]` in the same array (each moves forward), then the
        // pairs sharing several follow as `[b, at]`.
        let mut pairs = singles.into_flattened();
        for j in 0..count {
            pairs[2 * j] = pairs[3 * j + 1];
            pairs[2 * j + 1] = pairs[3 * j + 2];
        }
        pairs.truncate(2 * count);
        pairs.extend(several.iter().flat_map(|r| [r[1], r[2]]));
        drop(several);
        pairs.shrink_to_fit();
        let total = pairs.len() / 2;
        let mut as_b = starts(&mut (0..total).map(|k| pairs[2 * k]));
        let mut members = vec![0u32; total];
        let mut fill = as_b.clone();
        for k in 0..total {
            let at = &mut fill[pairs[2 * k] as usize];
            members[*at as usize] = k as u32;
            *at += 1;
        }
        drop(fill);
        // Each entity's pairs as `b`, strongest first: by count, first sentence, then `a`
        // (the handles grow with `a` among the singles and among the others).
        let strength = |k: u32| -> (std::cmp::Reverse<u32>, u32, u32) {
            let at = pairs[2 * k as usize + 1];
            if (k as usize) < count {
                (std::cmp::Reverse(1), at, k)
            } else {
                let at = at as usize;
                (std::cmp::Reverse(lists[at]), lists[at + 1], k)
            }
        };
        for e in 0..entities {
            let list = &mut members[as_b[e] as usize..as_b[e + 1] as usize];
            if list.len() > 1 {
                list.sort_unstable_by_key(|&k| strength(k));
            }
        }
        as_b.shrink_to_fit();
        singles_of.shrink_to_fit();
        Connections {
            pairs,
            several: 0,
            sentences: lists,
            members,
            by_entity: Some(ByEntity {
                singles: singles_of,
                several: several_of,
                as_b,
            }),
        }
    }
}
