//! The connections strongest first from their incidences sorted by pair, when there are few
//! enough of them for one pass (most documents).

use super::{Casts, Connections, MAX_CAST_PER_SENTENCE, Run, Walk};

impl Connections {
    /// The connections strongest first (as [`super::tally::Tally::into_connections`] lays them out),
    /// if the incidences are at most `limit` (none if more, found from the casts' sizes): one
    /// walk, a radix sort of the incidences by pair, and two scans. A map of the pairs cost a
    /// look-up an incidence in a table of megabytes, each waiting on memory; filing them by
    /// entity took three walks and a sort an entity.
    pub(super) fn by_pairs(
        walk: &Walk<impl Casts>,
        entities: usize,
        limit: usize,
    ) -> Option<Connections> {
        // How many incidences there are, from the casts' sizes alone.
        let mut incidences = 0;
        for run in &walk.runs {
            walk.index.each(walk.sentences, run.clone(), |_, owners| {
                let n = owners.len();
                if (2..=MAX_CAST_PER_SENTENCE).contains(&n) {
                    incidences += n * (n - 1) / 2;
                }
            });
        }
        if incidences > limit {
            return None;
        }
        // Each incidence in the order walked (sentence after sentence, each sentence's pairs
        // in the order of their entities), and its pair as one integer with the incidence's
        // number below it.
        let entity_bits = bits(entities);
        let number_bits = bits(incidences);
        if 2 * entity_bits + number_bits > u64::BITS {
            return None;
        }
        let mut met: Vec<[u32; 3]> = Vec::with_capacity(incidences);
        let mut keys: Vec<u64> = Vec::with_capacity(incidences);
        let mut outside = false;
        for run in &walk.runs {
            walk.incidences(run, |a, b, s| {
                outside |= a as usize >= entities || b as usize >= entities;
                let pair = (u64::from(a) << entity_bits) | u64::from(b);
                keys.push((pair << number_bits) | met.len() as u64);
                met.push([a, b, s]);
            });
        }
        if outside {
            return None;
        }
        // Stable, so each pair's incidences stay in the order walked: by sentence.
        sort_by_bits(&mut keys, number_bits, 2 * entity_bits);
        let number = |k: u64| (k & ((1 << number_bits) - 1)) as usize;
        let mut single = vec![false; met.len()];
        let mut several: Vec<Run> = Vec::new();
        let mut lists: Vec<u32> = Vec::new();
        for run in keys.chunk_by(|x, y| x >> number_bits == y >> number_bits) {
            if let [k] = run {
                single[number(*k)] = true;
                continue;
            }
            let [a, b, _] = met[number(run[0])];
            several.push([a, b, lists.len() as u32, run.len() as u32]);
            lists.extend(run.iter().map(|&k| met[number(k)][2]));
        }
        drop(keys);
        // Unique keys (a pair is one run), so the unstable sort is exact.
        several
            .sort_unstable_by_key(|r| (std::cmp::Reverse(r[3]), lists[r[2] as usize], r[0], r[1]));
        let singles = single.iter().filter(|&&s| s).count();
        let mut pairs = Vec::with_capacity(3 * (several.len() + singles));
        let mut flat: Vec<u32> = Vec::with_capacity(lists.len());
        for r in &several {
            let from = r[2] as usize;
            pairs.extend_from_slice(&[r[0], r[1], flat.len() as u32]);
            flat.extend_from_slice(&lists[from..from + r[3] as usize]);
        }
        // The pairs sharing one sentence in the order walked.
        for (m, _) in met.iter().zip(&single).filter(|&(_, &one)| one) {
            pairs.extend_from_slice(m);
        }
        Some(Connections {
            pairs,
            several: several.len(),
            sentences: flat,
            members: Vec::new(),
            by_entity: None,
        })
    }
}

/// How many bits hold the numbers below `n`.
fn bits(n: usize) -> u32 {
    usize::BITS - n.saturating_sub(1).leading_zeros()
}

/// Bits sorted at once by [`sort_by_bits`]: counts that stay in the first level of cache.
const DIGIT: u32 = 11;

/// Sorts `keys`, whose bits above `low + width` are zero, by their bits from `low` on,
/// stably (the bits below `low` keep their order among equal keys): a radix sort, a pass
/// over the keys for each [`DIGIT`] bits.
fn sort_by_bits(keys: &mut Vec<u64>, low: u32, width: u32) {
    let mut other = vec![0u64; keys.len()];
    let mask = (1u64 << DIGIT) - 1;
    let mut shift = low;
    while shift < low + width {
        let digit = |k: u64| ((k >> shift) & mask) as usize;
        let mut starts = vec![0usize; (1 << DIGIT) + 1];
        for &k in keys.iter() {
            starts[digit(k) + 1] += 1;
        }
        for d in 1..starts.len() {
            starts[d] += starts[d - 1];
        }
        for &k in keys.iter() {
            let at = &mut starts[digit(k)];
            other[*at] = k;
            *at += 1;
        }
        std::mem::swap(keys, &mut other);
        shift += DIGIT;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bits_hold_every_number_below_n() {
        assert_eq!(bits(0), 0);
        assert_eq!(bits(1), 0);
        assert_eq!(bits(2), 1);
        assert_eq!(bits(3), 2);
        assert_eq!(bits(4), 2);
        assert_eq!(bits(5), 3);
        assert_eq!(bits(1 << 19), 19);
        assert_eq!(bits((1 << 19) + 1), 20);
    }

    #[test]
    fn the_radix_sort_is_stable_and_sorts_by_the_bits_asked() {
        // A pseudo-random key above 20 low bits that count up: sorted by the key, the low
        // bits stay in order among equal keys.
        let mut x = 0x9E37_79B9_7F4A_7C15u64;
        let mut keys: Vec<u64> = (0..50_000u64)
            .map(|i| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                ((x % 3_000) << 20) | i
            })
            .collect();
        let mut expected = keys.clone();
        expected.sort_by_key(|k| k >> 20);
        sort_by_bits(&mut keys, 20, 12);
        assert_eq!(keys, expected);
        // Fewer bits than a digit, and none.
        let mut few = vec![3u64 << 4 | 1, 1 << 4, 3 << 4, 2 << 4 | 7];
        sort_by_bits(&mut few, 4, 2);
        assert_eq!(few, vec![1 << 4, 2 << 4 | 7, 3 << 4 | 1, 3 << 4]);
        let mut none = vec![5u64, 1, 3];
        sort_by_bits(&mut none, 0, 0);
        assert_eq!(none, vec![5, 1, 3]);
    }
}
