//! Co-occurrence: which entities are mentioned in the same sentence, how often, and what the
//! text says between them ("United States —in discussions with→ Israel").
//!
//! Mentions are those of the [`MentionIndex`] (the mentions the reader shows, overlaps
//! already resolved), so the counts agree with what is lit on screen: read from the index, or
//! from each sentence's cast found once in the same order (`casts`). One walk over the
//! sentences' casts, then the (pair, sentence) incidences filed by entity (or, when they are
//! written out and few enough for one pass, sorted by pair: `by_pairs`), never a map of the
//! pairs, and a compact result (a large document has millions of pairs). Linking words are found on demand, for the
//! connections on screen (`links`).
//!
//! Linking words are found only between two entity mentions that follow each other in a
//! sentence with no other mention between them: relations between entities, as the issue's
//! first example ("United States —in discussions with→ Israel"). Its second example ("hostages
//! held by Hamas") links a noun phrase; it appears when the extractor makes the phrase an
//! entity, as it does with the figure "roughly 240 hostages" in the built-in article
//! ("roughly 240 hostages —held by→ Hamas"), and not for a bare "hostages".

use std::ops::Range;

use crate::domain::mention_index::MentionIndex;
use crate::domain::sentences::Sentences;
use tally::Tally;

mod by_pairs;
mod casts;
mod links;
mod tally;
pub use casts::{Casts, SentenceCasts};
pub use links::{LINK_WORDS, Link, MAX_GAP_WORDS, Relations, linking_words};

/// A "sentence" naming more distinct entities than this is a list or a table, not a
/// statement about how they relate; it would also make the pair count quadratic.
pub const MAX_CAST_PER_SENTENCE: usize = 64;

/// Two entities that share at least one sentence (a view into [`Connections`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Connection<'a> {
    /// The two entities, by index in the cast (`a < b`, so `a` is the more important one).
    pub a: usize,
    pub b: usize,
    /// The sentences both are mentioned in (indices into [`Sentences`]), in document order.
    pub sentences: &'a [u32],
}

impl Connection<'_> {
    /// The entity paired with `e` (which must be `a` or `b`).
    pub fn other(&self, e: usize) -> usize {
        if e == self.a { self.b } else { self.a }
    }
}

/// Every connection of a document, strongest first (most shared sentences, then the earliest
/// first shared sentence), with each entity's connections listed in the same order.
///
/// Compact, because a large document has millions of pairs. Two layouts:
/// - strongest first ([`Connections::strongest_first`], for writing them all out): a pair is
///   three `u32`s in one array (`a`, `b`, `at`). The pairs that share several sentences come
///   first (strongest first) and their lists follow each other in `sentences`, so `at` is
///   where a list starts and the next pair's `at` where it ends; every later pair shares one
///   sentence, and `at` is that sentence (most pairs: no list at all);
/// - by entity ([`Connections::compute`], for the reader, which asks for one entity's
///   connections): each pair is stored once, as two `u32`s (`b`, `at`) among the pairs of
///   its `a`, which are a run of them; the pairs sharing one sentence come first (`at` is
///   the sentence), then those sharing several (`at` is where the list starts in
///   `sentences`, after its length). Each entity's pairs where it is `b` are one slice of
///   `members`. So a pair costs 8 bytes and 4 for its `b`, not 12 and 8.
#[derive(Debug, Default, Clone)]
pub struct Connections {
    /// `[a, b, at]` for each pair (strongest first), or `[b, at]` (by entity), flattened.
    pairs: Vec<u32>,
    /// Strongest first: how many pairs (the first ones) share more than one sentence.
    several: usize,
    /// The sentences of the pairs sharing several, pair after pair (by entity: each list
    /// after its length).
    sentences: Vec<u32>,
    /// By entity: the pairs where each entity is `b` (see [`ByEntity`]).
    members: Vec<u32>,
    /// By entity, if so laid out.
    by_entity: Option<ByEntity>,
}

/// Where each entity's pairs are in the by-entity layout (see [`Connections`]): `a`'s pairs
/// sharing one sentence are `singles[a]..singles[a + 1]`, those sharing several
/// `several[a]..several[a + 1]` (all after the singles), and the pairs where `b` is the
/// entity are `members[as_b[b]..as_b[b + 1]]`, strongest first.
#[derive(Debug, Default, Clone)]
struct ByEntity {
    singles: Vec<u32>,
    several: Vec<u32>,
    as_b: Vec<u32>,
}

/// Incidences filed at once while counting: bounds the memory of a pass (8 bytes each).
const INCIDENCES_PER_PASS: usize = 1 << 19;

/// Calls `f(a, b, sentence)` for every pair of distinct entities mentioned together in one
/// of the sentences `within` (`a < b`, each pair once per sentence, sentences in order).
fn for_each_incidence(
    casts: &impl Casts,
    sentences: &Sentences,
    within: Range<usize>,
    mut f: impl FnMut(u32, u32, u32),
) {
    casts.each(sentences, within, |si, owners| {
        if owners.len() < 2 || owners.len() > MAX_CAST_PER_SENTENCE {
            return;
        }
        for (i, &a) in owners.iter().enumerate() {
            for &b in &owners[i + 1..] {
                f(a, b, si as u32);
            }
        }
    });
}

/// `work(i, part)` for each of `parts`, on a thread each when there are several; the
/// results in the order of the parts.
fn on_threads<P: Sync, T: Send>(parts: &[P], work: impl Fn(usize, &P) -> T + Sync) -> Vec<T> {
    if parts.len() <= 1 {
        return parts.iter().enumerate().map(|(i, p)| work(i, p)).collect();
    }
    // The first part on this thread: no more threads than parts (one more, waiting beside
    // a busy core, waited there until the scheduler's next tick while another core idled).
    std::thread::scope(|scope| {
        let work = &work;
        let threads: Vec<_> = (parts.iter().enumerate().skip(1))
            .map(|(i, p)| scope.spawn(move || work(i, p)))
            .collect();
        let first = work(0, &parts[0]);
        std::iter::once(first)
            .chain(
                (threads.into_iter())
                    .map(|t| t.join().unwrap_or_else(|p| std::panic::resume_unwind(p))),
            )
            .collect()
    })
}

/// `0..n` cut into at most `jobs` runs of about equal weight (`weight_before(i)` is the
/// weight of `0..i`, non-decreasing).
fn runs_of(n: usize, jobs: usize, weight_before: impl Fn(usize) -> usize) -> Vec<Range<usize>> {
    let jobs = jobs.clamp(1, n.max(1));
    let total = weight_before(n);
    let mut cuts = vec![0];
    for j in 1..jobs {
        let goal = total / jobs * j;
        let (mut lo, mut hi) = (0, n);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if weight_before(mid) < goal {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        cuts.push(lo.max(*cuts.last().unwrap_or(&0)));
    }
    cuts.push(n);
    cuts.windows(2).map(|w| w[0]..w[1]).collect()
}

/// Turns counts into offsets in place: `v[i]` becomes the sum of the counts before `i`.
fn counts_to_offsets(v: &mut [u32]) {
    let mut sum = 0;
    for x in v {
        let n = *x;
        *x = sum;
        sum += n;
    }
}

/// Files the incidences of entity `a`, which are more than `per_pass`, a range of partners
/// at a time (each range at most `per_pass` incidences, or one partner), in partner order as
/// if filed at once: a pass counts them by partner, later passes file one range each.
fn file_by_partners<M: Casts>(
    walk: &Walk<M>,
    a: u32,
    per_pass: usize,
    filed: &mut Vec<(u32, u32)>,
    tally: &mut Tally,
) {
    let counted = walk.each_run(|_, run| {
        let mut by_partner: Vec<u32> = Vec::new();
        walk.incidences(run, |x, b, _| {
            if x == a {
                if b as usize >= by_partner.len() {
                    by_partner.resize(b as usize + 1, 0);
                }
                by_partner[b as usize] += 1;
            }
        });
        by_partner
    });
    let mut by_partner: Vec<u32> = Vec::new();
    for counts in counted {
        by_partner.resize(by_partner.len().max(counts.len()), 0);
        by_partner.iter_mut().zip(counts).for_each(|(n, c)| *n += c);
    }
    let mut lo = 0;
    while lo < by_partner.len() {
        let mut hi = lo + 1;
        let mut sum = by_partner[lo] as usize;
        while hi < by_partner.len() && sum + by_partner[hi] as usize <= per_pass {
            sum += by_partner[hi] as usize;
            hi += 1;
        }
        let partners = lo as u32..hi as u32;
        let parts = walk.each_run(|_, run| {
            let mut part = Vec::new();
            walk.incidences(run, |x, b, s| {
                if x == a && partners.contains(&b) {
                    part.push((b, s));
                }
            });
            part
        });
        filed.clear();
        filed.reserve_exact(sum);
        for part in parts {
            filed.extend(part);
        }
        tally.add(a, filed);
        lo = hi;
    }
}

/// The walk over a document's sentences and their mentions, cut into runs of sentences that
/// are walked on a thread each.
struct Walk<'a, M> {
    index: &'a M,
    sentences: &'a Sentences,
    runs: Vec<Range<usize>>,
}

impl<'a, M: Casts> Walk<'a, M> {
    /// The walk over `sentences` in runs for `jobs` threads, of about equal numbers of
    /// mentions.
    fn new(index: &'a M, sentences: &'a Sentences, jobs: usize) -> Self {
        let mentions_before = |i: usize| index.before(sentences, i);
        Walk {
            index,
            sentences,
            runs: runs_of(sentences.len(), jobs, mentions_before),
        }
    }

    fn incidences(&self, run: &Range<usize>, f: impl FnMut(u32, u32, u32)) {
        for_each_incidence(self.index, self.sentences, run.clone(), f);
    }

    /// `work(i, run)` for each run `i`, on a thread each; the results in the runs' order.
    fn each_run<T: Send>(&self, work: impl Fn(usize, &Range<usize>) -> T + Sync) -> Vec<T> {
        on_threads(&self.runs, work)
    }
}

/// A pair sharing several sentences while it is being counted: `[a, b, at, len]`, where
/// `at` is where its sentences start in the list being built.
type Run = [u32; 4];

impl Connections {
    /// Counts, for `entities` entities indexed by `index`, the sentences each pair shares.
    ///
    /// Memory bounds this on a large document (millions of incidences), so it does not
    /// collect and sort every (pair, sentence): a first pass counts each entity's
    /// incidences, and later passes file those of a range of entities at a time (at most
    /// [`INCIDENCES_PER_PASS`]) under their entity, where small sorts group them by partner.
    /// An entity with more incidences than that is filed a range of partners at a time.
    pub fn compute(index: &MentionIndex, entities: usize, sentences: &Sentences) -> Connections {
        let jobs = crate::domain::pieces::all_cores();
        Connections::compute_in_passes(index, entities, sentences, INCIDENCES_PER_PASS, jobs)
            .into_by_entity(entities)
    }

    /// The connections strongest first, counted on `jobs` threads, without each entity's
    /// list of them: [`get`],
    /// [`iter`] and [`len`] answer, [`of`], [`indices_of`], [`count_of`] and [`between`] find
    /// none. For writing them all out, where the lists would only take memory (on a large
    /// document, 8 bytes a connection).
    ///
    /// [`get`]: Connections::get
    /// [`iter`]: Connections::iter
    /// [`len`]: Connections::len
    /// [`of`]: Connections::of
    /// [`indices_of`]: Connections::indices_of
    /// [`count_of`]: Connections::count_of
    /// [`between`]: Connections::between
    pub fn strongest_first(
        index: &impl Casts,
        entities: usize,
        sentences: &Sentences,
        jobs: usize,
    ) -> Connections {
        let walk = Walk::new(index, sentences, jobs);
        if let Some(connections) = Connections::by_pairs(&walk, entities, INCIDENCES_PER_PASS) {
            return connections;
        }
        Connections::compute_in_passes(index, entities, sentences, INCIDENCES_PER_PASS, jobs)
            .into_connections(&walk)
    }

    fn compute_in_passes(
        index: &impl Casts,
        entities: usize,
        sentences: &Sentences,
        per_pass: usize,
        jobs: usize,
    ) -> Tally {
        let walk = Walk::new(index, sentences, jobs);
        // Each run's incidences by entity, then all of them as offsets.
        let counted = walk.each_run(|_, run| {
            let mut counts = vec![0u32; entities];
            walk.incidences(run, |a, _, _| {
                if a as usize >= counts.len() {
                    counts.resize(a as usize + 1, 0);
                }
                counts[a as usize] += 1;
            });
            counts
        });
        let groups = counted.iter().map(Vec::len).max().unwrap_or(0);
        let mut starts = vec![0u32; groups + 1];
        for counts in &counted {
            starts.iter_mut().zip(counts).for_each(|(n, c)| *n += c);
        }
        counts_to_offsets(&mut starts);

        let mut tally = Tally::default();
        let mut filed: Vec<(u32, u32)> = Vec::new();
        let mut lo = 0;
        while lo < groups {
            // Entities `lo..hi`: as many as fit in one pass (at least one).
            let base = starts[lo] as usize;
            let fit = starts[lo + 1..=groups].partition_point(|&s| s as usize - base <= per_pass);
            let hi = lo + fit.max(1);
            if starts[hi] as usize - base > per_pass {
                file_by_partners(&walk, lo as u32, per_pass, &mut filed, &mut tally);
                lo = hi;
                continue;
            }
            // Each run files its incidences of `lo..hi` by entity, in a part of its own.
            let parts = walk.each_run(|i, run| {
                let count = |a: usize| counted[i].get(a).copied().unwrap_or(0);
                let mut fill: Vec<u32> = (lo..hi).map(count).collect();
                let total: u32 = fill.iter().sum();
                counts_to_offsets(&mut fill);
                let offsets = fill.clone();
                let mut part = vec![(0u32, 0u32); total as usize];
                walk.incidences(run, |a, b, s| {
                    let a = a as usize;
                    if (lo..hi).contains(&a) {
                        let at = &mut fill[a - lo];
                        part[*at as usize] = (b, s);
                        *at += 1;
                    }
                });
                (part, offsets, fill)
            });
            // Each entity's incidences gathered from the parts and grouped by partner, a
            // range of entities on each thread.
            let shares = runs_of(hi - lo, jobs, |i| (starts[lo + i] - starts[lo]) as usize);
            let tallies = on_threads(&shares, |_, share| {
                let mut mine = Tally::default();
                let mut bucket: Vec<(u32, u32)> = Vec::new();
                for i in share.clone() {
                    bucket.clear();
                    for (part, offsets, ends) in &parts {
                        bucket.extend_from_slice(&part[offsets[i] as usize..ends[i] as usize]);
                    }
                    mine.add((lo + i) as u32, &mut bucket);
                }
                mine
            });
            drop(parts);
            for t in tallies {
                tally.append(t);
            }
            lo = hi;
        }
        drop(filed);
        tally
    }

    pub fn len(&self) -> usize {
        match self.by_entity {
            Some(_) => self.pairs.len() / 2,
            None => self.pairs.len() / 3,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// Connection `k` (strongest first, or by entity: see [`Connections`]).
    pub fn get(&self, k: usize) -> Connection<'_> {
        if let Some(by) = &self.by_entity {
            let (b, at) = (self.pairs[2 * k], self.pairs[2 * k + 1] as usize);
            let singles = by.several[0] as usize;
            let (runs, sentences) = if k < singles {
                (&by.singles, std::slice::from_ref(&self.pairs[2 * k + 1]))
            } else {
                let len = self.sentences[at] as usize;
                (&by.several, &self.sentences[at + 1..at + 1 + len])
            };
            let a = runs.partition_point(|&s| s as usize <= k) - 1;
            return Connection {
                a,
                b: b as usize,
                sentences,
            };
        }
        let p = &self.pairs[3 * k..3 * k + 3];
        let sentences = if k < self.several {
            let end = if k + 1 < self.several {
                self.pairs[3 * (k + 1) + 2] as usize
            } else {
                self.sentences.len()
            };
            &self.sentences[p[2] as usize..end]
        } else {
            std::slice::from_ref(&p[2])
        };
        Connection {
            a: p[0] as usize,
            b: p[1] as usize,
            sentences,
        }
    }

    /// How many sentences connection `k` shares: `get(k).sentences.len()`, read only where
    /// it is not one (the writer asks it of every connection, most of which share one).
    pub fn shared_count(&self, k: usize) -> usize {
        if self.by_entity.is_none() && k >= self.several {
            1
        } else {
            self.get(k).sentences.len()
        }
    }

    /// Where connection `k` stands, strongest first: most sentences, the earliest first
    /// sentence, then by entities.
    fn strength(&self, k: usize) -> (std::cmp::Reverse<usize>, u32, usize, usize) {
        let c = self.get(k);
        (
            std::cmp::Reverse(c.sentences.len()),
            c.sentences[0],
            c.a,
            c.b,
        )
    }

    /// Every connection, strongest first.
    pub fn iter(&self) -> impl Iterator<Item = Connection<'_>> + '_ {
        let mut order: Vec<usize> = (0..self.len()).collect();
        if self.by_entity.is_some() {
            order.sort_by_cached_key(|&k| self.strength(k));
        }
        order.into_iter().map(|k| self.get(k))
    }

    /// The indices (for [`Connections::get`]) of the connections of `e`, strongest first.
    pub fn indices_of(&self, e: usize) -> impl Iterator<Item = usize> + '_ {
        let range = |v: &[u32], e: usize| match (v.get(e), v.get(e + 1)) {
            (Some(&s), Some(&t)) => s as usize..t as usize,
            _ => 0..0,
        };
        let (as_a, as_b) = match &self.by_entity {
            // Its pairs as `a`: those sharing several sentences come first.
            Some(by) => (
                range(&by.several, e).chain(range(&by.singles, e)),
                &self.members[range(&by.as_b, e)],
            ),
            None => ((0..0).chain(0..0), &[][..]),
        };
        let mut as_a = as_a.peekable();
        let mut as_b = as_b.iter().map(|&k| k as usize).peekable();
        std::iter::from_fn(move || match (as_a.peek(), as_b.peek()) {
            (Some(&x), Some(&y)) if self.strength(x) < self.strength(y) => as_a.next(),
            (Some(_), None) => as_a.next(),
            _ => as_b.next(),
        })
    }

    /// How many entities `e` shares a sentence with.
    pub fn count_of(&self, e: usize) -> usize {
        let len = |v: &[u32]| match (v.get(e), v.get(e + 1)) {
            (Some(&s), Some(&t)) => (t - s) as usize,
            _ => 0,
        };
        match &self.by_entity {
            Some(by) => len(&by.singles) + len(&by.several) + len(&by.as_b),
            None => 0,
        }
    }

    /// The connections of entity `e`, strongest first.
    pub fn of(&self, e: usize) -> impl Iterator<Item = Connection<'_>> + '_ {
        self.indices_of(e).map(|k| self.get(k))
    }

    /// The connection between `a` and `b`, if they share a sentence: among the pairs of the
    /// more important one.
    pub fn between(&self, a: usize, b: usize) -> Option<Connection<'_>> {
        let by = self.by_entity.as_ref()?;
        let (a, b) = (a.min(b), a.max(b));
        let run = |v: &[u32]| match (v.get(a), v.get(a + 1)) {
            (Some(&s), Some(&t)) => s as usize..t as usize,
            _ => 0..0,
        };
        (run(&by.singles).chain(run(&by.several)))
            .find(|&k| self.pairs[2 * k] as usize == b)
            .map(|k| self.get(k))
    }
}

#[cfg(test)]
mod tests;
