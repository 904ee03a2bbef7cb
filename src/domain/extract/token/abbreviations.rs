//! The abbreviations whose full stop is part of the word, not the end of a sentence.

/// Abbreviations that keep their final dot and do not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Col", "Lt", "Capt", "Sgt", "Adm",
    "Maj", "Cmdr", "Rev", "Fr", "St", "Jr", "Sr", "Inc", "Corp", "Ltd", "Co", "Bros", "Mt", "Ft",
    "Ave", "Blvd", "Dept", "Univ", "vs", "No", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
    "Sep", "Sept", "Oct", "Nov", "Dec", "Pres", "Gens", "Sens", "Reps", "Messrs", "Mme", "Hon",
    "Supt", "Insp", "Det", "Cpl", "Pvt", "Esq", "approx", "etc", "e.g", "i.e",
];

/// `is_abbreviation` for a word of ASCII letters and digits. Asked of the word before every
/// full stop: the first letter and the length of the abbreviations rule most words out
/// before the list is read.
// Called from the tokenizer's inner loop, which inlined it while they shared a file; kept so.
#[inline]
pub(super) fn ascii_abbreviation(word: &[u8]) -> bool {
    let single_letter = word.len() == 1 && word[0].is_ascii_uppercase();
    single_letter
        || word
            .first()
            .is_some_and(|&b| ABBREVIATION_LENGTHS[usize::from(b)] >> word.len().min(31) & 1 != 0)
            && listed(word)
}

/// Whether the list holds `word`. Out of line and cold (one word in twenty gets this far): the
/// comparisons call the library, and a call inside the tokenizer's loop made it keep its state
/// on the stack, for every word.
#[cold]
#[inline(never)]
fn listed(word: &[u8]) -> bool {
    ABBREVIATIONS.iter().any(|a| a.as_bytes() == word)
}

/// For each first byte, the lengths of the abbreviations that start with it (a bit each).
static ABBREVIATION_LENGTHS: [u32; 256] = {
    let mut table = [0; 256];
    let mut i = 0;
    while i < ABBREVIATIONS.len() {
        let a = ABBREVIATIONS[i].as_bytes();
        assert!(a.len() < 31);
        table[a[0] as usize] |= 1 << a.len();
        i += 1;
    }
    table
};

/// A word whose full stop is its own: one capital letter ("J.") or a known abbreviation.
// Called from the tokenizer's inner loop, which inlined it while they shared a file; kept so.
#[inline]
pub(super) fn is_abbreviation(word: &str) -> bool {
    let single_letter = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    single_letter || ABBREVIATIONS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ascii_test_finds_the_abbreviations_the_list_has() {
        let mut words: Vec<String> = ABBREVIATIONS.iter().map(|a| a.to_string()).collect();
        words.extend(
            [
                "J",
                "j",
                "Mrx",
                "Mrs",
                "M",
                "said",
                "Sept",
                "Se",
                "e",
                "ie",
                "Incorporated",
            ]
            .map(String::from),
        );
        words.extend(ABBREVIATIONS.iter().map(|a| format!("{a}s")));
        words.push("S".repeat(40));
        for w in words
            .iter()
            .filter(|w| w.bytes().all(|b| b.is_ascii_alphanumeric()))
        {
            assert_eq!(ascii_abbreviation(w.as_bytes()), is_abbreviation(w), "{w}");
        }
    }
}
