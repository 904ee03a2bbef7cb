//! How a span names an entity, judged from its words alone: for a mention the reader attaches
//! by hand, where there is no resolver's rule to say which form it is.

use super::pronouns;
use crate::domain::entity::Form;

/// Words that open a description rather than a name: "the agency", "its leader".
const DETERMINERS: [&str; 13] = [
    "the", "this", "that", "these", "those", "a", "an", "its", "his", "her", "their", "our", "my",
];

/// Pronouns that are not of the third person, or that only follow a name: a quotation's "I",
/// a relative "who".
const OTHER_PRONOUNS: [&str; 12] = [
    "i",
    "me",
    "my",
    "mine",
    "myself",
    "we",
    "us",
    "our",
    "ours",
    "ourselves",
    "who",
    "whose",
];

/// The form of `words` as a mention: a pronoun ("he", "its", "I"), a description ("the prime
/// minister", "defence secretary": a determiner then a word in lower case, or no capital at
/// all), else a name ("The Washington Post", "Israel").
pub fn form_of(words: &str) -> Form {
    let words = words.trim();
    let lower = words.to_lowercase();
    if pronouns::classify(&lower).is_some() || OTHER_PRONOUNS.contains(&lower.as_str()) {
        return Form::Pronoun;
    }
    if !words.chars().any(char::is_uppercase) {
        return Form::Nominal;
    }
    let mut parts = words.split_whitespace();
    let first = parts.next().unwrap_or_default().to_lowercase();
    let second_lower = parts
        .next()
        .and_then(|w| w.chars().find(|c| c.is_alphanumeric()))
        .is_some_and(|c| !c.is_uppercase());
    if DETERMINERS.contains(&first.as_str()) && second_lower {
        Form::Nominal
    } else {
        Form::Name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pronouns_descriptions_and_names_are_told_apart_by_their_words() {
        for p in ["he", "Her", "its", "They", "themselves", "I", "we", "who"] {
            assert_eq!(form_of(p), Form::Pronoun, "{p}");
        }
        for d in [
            "the prime minister",
            "The company",
            "defence secretary",
            "its chief",
            "the 45-year-old",
        ] {
            assert_eq!(form_of(d), Form::Nominal, "{d}");
        }
        for n in [
            "Israel",
            "The Washington Post",
            "the Kremlin",
            "KCNA",
            "Hermes",
        ] {
            assert_eq!(form_of(n), Form::Name, "{n}");
        }
    }
}
