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
