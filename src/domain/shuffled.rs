//! Test inputs drawn from a fixed seed: the property tests of the domain's fast paths (eight
//! bytes at a time, tables built at compile time) compare them with the plain rules on many
//! inputs, the same on every run.

/// The next state of a xorshift generator (never 0 from a state that is not 0).
pub fn step(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

/// `n` of the `pieces` drawn one after another and joined: a text made of the cases a fast
/// path must agree with the plain rules on.
pub fn joined(seed: &mut u64, pieces: &[&str], n: usize) -> String {
    let mut text = String::new();
    for _ in 0..n {
        step(seed);
        text.push_str(pieces[(*seed % pieces.len() as u64) as usize]);
    }
    text
}

/// A byte of `rare` one time in `one_in`, else of `common`: texts mostly of the common case,
/// with the edge cases among them.
pub fn mostly(seed: &mut u64, common: &[u8], rare: &[u8], one_in: u64) -> u8 {
    let r = step(seed);
    let from = if r.is_multiple_of(one_in) {
        rare
    } else {
        common
    };
    from[(r / one_in % from.len() as u64) as usize]
}
