//! A fast 64-bit fingerprint of a document's bytes: the key under which its reading position
//! and the reader's corrections are remembered. Not cryptographic; stable across runs and
//! machines.

const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// Fingerprints `bytes` (about 8 bytes per cycle: 100 MB in a few tens of milliseconds).
pub fn fingerprint(bytes: &[u8]) -> u64 {
    let mut h = (bytes.len() as u64).wrapping_mul(K) ^ 0x2545_F491_4F6C_DD1D;
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        let w = u64::from_le_bytes(w.try_into().expect("8 bytes"));
        h = (h.rotate_left(23) ^ w).wrapping_mul(K);
    }
    let mut tail = [0u8; 8];
    let rest = words.remainder();
    tail[..rest.len()].copy_from_slice(rest);
    h = (h.rotate_left(23) ^ u64::from_le_bytes(tail)).wrapping_mul(K);
    // Final avalanche so nearby inputs land far apart.
    h ^= h >> 33;
    h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    h ^= h >> 33;
    h
}

/// The fingerprint as 16 hex digits, for file names.
pub fn hex(bytes: &[u8]) -> String {
    format!("{:016x}", fingerprint(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_bytes_same_print_and_small_changes_differ() {
        let a = b"Israel and Hamas".to_vec();
        assert_eq!(fingerprint(&a), fingerprint(&a.clone()));
        let mut b = a.clone();
        b[3] ^= 1;
        assert_ne!(fingerprint(&a), fingerprint(&b));
        assert_ne!(fingerprint(b""), fingerprint(b"\0"));
        assert_ne!(fingerprint(b"abcdefgh"), fingerprint(b"abcdefgh\0"));
        assert_eq!(hex(b"x").len(), 16);
    }

    #[test]
    fn known_value_is_stable_across_releases() {
        // Remembered positions are keyed by this value: changing the function forgets them.
        assert_eq!(hex(b"dramatis"), "d602398d11cb5f01");
    }
}
