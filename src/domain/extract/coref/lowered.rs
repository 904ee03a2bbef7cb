//! An organisation named by a nationality and a noun ("the Indonesian Navy", "the Syrian
//! Army") is also written with the noun in lower case ("turned back by Indonesian navy"):
//! that noun is then a description of it (the demonym stays its country's mention).

use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

use super::words;
use crate::domain::entity::{Entity, Form, Kind, Mention};

/// Adds to each organisation whose name is a demonym and a capitalised noun the nouns the
/// text writes in lower case after that demonym, as mentions of form `nominal`.
/// The entities are copied out of a shared list only if such a noun is found.
pub fn add(text: &[u8], entities: &mut Arc<Vec<Entity>>) {
    // "indonesian navy" → the organisation.
    let mut named: HashMap<String, usize> = HashMap::default();
    // Their nouns in lower case: most words after a demonym are none of them.
    let mut nouns: rustc_hash::FxHashSet<String> = rustc_hash::FxHashSet::default();
    for (i, e) in entities.iter().enumerate() {
        if e.kind != Kind::Organization {
            continue;
        }
        for name in std::iter::once(&e.name).chain(&e.aliases) {
            let mut parts = name.split(' ');
            if let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next())
                && b.chars().next().is_some_and(char::is_uppercase)
            {
                named.insert(format!("{a} {b}").to_lowercase(), i);
                nouns.insert(b.to_lowercase());
            }
        }
    }
    if named.is_empty() {
        return;
    }
    let mut added: Vec<(usize, Mention)> = Vec::new();
    for e in entities.iter() {
        if !matches!(e.kind, Kind::Country | Kind::Group) {
            continue;
        }
        for m in &*e.mentions {
            if !(m.form == Form::Demonym || e.kind == Kind::Group) {
                continue;
            }
            let end = m.end as usize;
            let Some(noun) = words::next_word(text, end, (end + 32).min(text.len())) else {
                continue;
            };
            if !words::only_space(text, end, noun.start)
                || !noun.is_lowercase(text)
                || !nouns.contains(noun.str(text))
            {
                continue;
            }
            let key = format!(
                "{} {}",
                String::from_utf8_lossy(&text[m.range()]),
                noun.str(text)
            )
            .to_lowercase();
            if let Some(&org) = named.get(&key) {
                added.push((org, Mention::with_form(noun.start..noun.end, Form::Nominal)));
            }
        }
    }
    for (org, m) in added {
        Arc::make_mut(entities)[org].mentions.edit(|v| {
            if let Err(at) = v.binary_search_by_key(&{ m.start }, |x| x.start) {
                v.insert(at, m);
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::extract::extract;

    #[test]
    fn a_nationality_s_force_written_in_lower_case_is_that_force() {
        let text = "Boats reached Norway on Monday. The Norwegian Navy rescued 40 people. \
                    Later a boat was turned back by Norwegian navy ships.";
        let entities = extract(text).entities;
        let navy = entities
            .iter()
            .find(|e| e.name == "Norwegian Navy")
            .unwrap();
        let words: Vec<&str> = navy.mentions.iter().map(|m| &text[m.range()]).collect();
        assert_eq!(words, ["Norwegian Navy", "navy"]);
    }
}
