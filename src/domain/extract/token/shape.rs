//! What a word looks like: its letters' cases, or a number.

use super::Shape;

// Called from the tokenizer's inner loop, which inlined it while they shared a file; kept so.
#[inline]
pub(super) fn shape_of(word: &str) -> Shape {
    if word.is_ascii() {
        ascii_shape_of(word.as_bytes())
    } else {
        any_shape_of(word)
    }
}

// Inlined into the tokenizer, as it was before the move, through `shape_of`.
#[inline]
fn any_shape_of(word: &str) -> Shape {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return Shape::Punct;
    };
    if first.is_numeric() {
        // "6PR", "3M", "F1" name things; "240", "1990s", "22nd" count them.
        let caps = word.chars().filter(|c| c.is_uppercase()).count();
        let lower = word.chars().filter(|c| c.is_lowercase()).count();
        return if caps >= 1 && lower == 0 {
            Shape::Upper
        } else {
            Shape::Number
        };
    }
    let mut has_lower = !first.is_uppercase() && first.is_lowercase();
    let mut has_upper = first.is_uppercase();
    for c in chars {
        has_lower |= c.is_lowercase();
        has_upper |= c.is_uppercase();
    }
    if first.is_uppercase() {
        if has_lower { Shape::Cap } else { Shape::Upper }
    } else if first.is_lowercase() && has_upper {
        Shape::LowerCap
    } else if first.is_lowercase() {
        Shape::Lower
    } else if has_upper {
        // Scripts without case, or titlecase letters: treat as a name-like word.
        Shape::Cap
    } else {
        // Letters without case (CJK, Arabic...): cannot tell; treat as lower.
        Shape::Lower
    }
}

/// `shape_of` for ASCII words (which start with a letter or a digit), without decoding.
fn ascii_shape_of(word: &[u8]) -> Shape {
    let (mut upper, mut lower) = (false, false);
    for b in word {
        upper |= b.is_ascii_uppercase();
        lower |= b.is_ascii_lowercase();
    }
    match word.first() {
        None => Shape::Punct,
        Some(&first) => ascii_shape(first, upper, lower),
    }
}

/// The shape of an ASCII word from its first byte and whether it has upper- and lower-case
/// letters: a table, not branches (a branch on a word's case is taken both ways in any text).
// Called from the tokenizer's inner loop, which inlined it while they shared a file; kept so.
#[inline]
pub(super) fn ascii_shape(first: u8, upper: bool, lower: bool) -> Shape {
    // The first byte: 0 for a digit, 1 for an upper-case letter, 2 for a lower-case one, 3
    // for any other.
    let (capital, small) = (first.is_ascii_uppercase(), first.is_ascii_lowercase());
    let other = !capital && !small && !first.is_ascii_digit();
    let first_is = usize::from(capital) + 2 * usize::from(small) + 3 * usize::from(other);
    shape_by_kinds(first_is, upper, lower)
}

/// The shape of an ASCII word whose first byte is of kind `first_is` (0 for a digit, 1 for an
/// upper-case letter, 2 for a lower-case one, 3 for any other) and which has upper- and
/// lower-case letters or not.
#[inline]
pub(super) fn shape_by_kinds(first_is: usize, upper: bool, lower: bool) -> Shape {
    ASCII_SHAPES[(first_is & 3) * 4 + usize::from(upper) + 2 * usize::from(lower)]
}

/// [`ascii_shape`] by the first byte's kind (digit, upper case, lower case, other), then
/// whether the word has upper-case letters and lower-case ones: none, upper, lower, both.
const ASCII_SHAPES: [Shape; 16] = {
    use Shape::{Cap, LowerCap, Number, Upper};
    [
        // "240", "6PR", "1990s", "3Mx".
        Number,
        Upper,
        Number,
        Number,
        // (An upper-case first letter is an upper-case letter.) "UN", "Nato".
        Upper,
        Upper,
        Cap,
        Cap,
        // (A lower-case first letter is a lower-case letter.) "said", "iPhone".
        Shape::Lower,
        LowerCap,
        Shape::Lower,
        LowerCap,
        // Scripts without case, or titlecase letters: a name-like word if it has a capital.
        Shape::Lower,
        Cap,
        Shape::Lower,
        Cap,
    ]
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_shapes_are_the_general_shapes() {
        let alphabet = b"aZ09-.'&x";
        // Every word of up to four characters over a mixed alphabet.
        let mut words: Vec<Vec<u8>> = vec![vec![]];
        for _ in 0..4 {
            let longer: Vec<Vec<u8>> = words
                .iter()
                .flat_map(|w| alphabet.iter().map(move |&b| [w.as_slice(), &[b]].concat()))
                .collect();
            words.extend(longer);
        }
        for w in words {
            let w = String::from_utf8(w).unwrap();
            assert_eq!(ascii_shape_of(w.as_bytes()), any_shape_of(&w), "{w:?}");
        }
    }
}
