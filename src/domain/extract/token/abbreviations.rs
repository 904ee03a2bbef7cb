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
/// full stop: the first letters of the abbreviations rule most words out before the list is
/// read.
// Called from the tokenizer's inner loop, which inlined it while they shared a file; kept so.
#[inline]
pub(super) fn ascii_abbreviation(word: &[u8]) -> bool {
    let single_letter = word.len() == 1 && word[0].is_ascii_uppercase();
    single_letter
        || word
            .first()
            .is_some_and(|&b| ABBREVIATION_INITIALS[usize::from(b)])
            && ABBREVIATIONS.iter().any(|a| a.as_bytes() == word)
}

/// Whether some abbreviation starts with the byte.
static ABBREVIATION_INITIALS: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < ABBREVIATIONS.len() {
        table[ABBREVIATIONS[i].as_bytes()[0] as usize] = true;
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
