//! Looking up now what is asked a few names later. The facts of an entity are found by its
//! index, and the names come in the order of the text, which jumps all over those tables on
//! a large text: each look-up waited for memory (a third of the time a name's description
//! took on 10 MB, half of it on 100 MB). Asked for a few names ahead, they are in the cache
//! when the name is read.

/// How many names ahead the facts are asked for (a few sentences' names: far enough for
/// memory to answer, near enough that the cache still holds them when the name comes).
pub const NAMES_AHEAD: usize = 8;

/// Has the processor bring `slice[i]` into its cache, if `i` is within the slice; no
/// effect otherwise, and none on what the program computes.
#[inline]
pub fn prefetch<T>(slice: &[T], i: usize) {
    #[cfg(target_arch = "x86_64")]
    if let Some(x) = slice.get(i) {
        use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
        // SAFETY: a prefetch only hints at an address (here that of an element of the
        // slice): it reads nothing the program sees and cannot fault.
        unsafe { _mm_prefetch::<_MM_HINT_T0>(std::ptr::from_ref(x).cast()) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = (slice, i);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_prefetch_changes_nothing_and_takes_any_index() {
        let v = vec![1u64, 2, 3];
        for i in [0, 2, 3, usize::MAX] {
            prefetch(&v, i);
        }
        prefetch::<u8>(&[], 0);
        assert_eq!(v, [1, 2, 3]);
    }
}
