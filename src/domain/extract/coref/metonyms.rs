//! Metonyms: a capital or a seat of government standing for the state when it acts
//! ("Pyongyang said", "the Kremlin has denied"). Such a mention joins the state the text
//! names; "flights to Moscow" stays the city.

use rustc_hash::FxHashMap as HashMap;

use super::super::knowledge::Knowledge;
use super::class::Class;
use super::facts::Facts;
use super::words::{self, word_set};
use crate::domain::entity::Entity;

word_set!(
    /// Verbs after a name that make it act, besides the verbs of saying (`person_cues.txt`).
    fn is_acting_verb = [
        "has", "had", "have", "is", "was", "will", "would", "could", "can", "may", "might",
        "accused", "rejected", "responded", "condemned", "agreed", "refused", "demanded",
        "threatened", "sent", "launched", "vowed", "urged", "blamed", "sought", "signed",
        "accuses", "rejects", "responds", "condemns", "agrees", "refuses", "demands",
        "threatens", "sends", "launches", "vows", "urges", "blames", "seeks", "signs",
        "wants", "wanted",
    ]
);

/// For each entity that a metonym names, the entity of the text it stands for.
pub fn targets(entities: &[Entity], facts: &Facts, k: &Knowledge) -> Vec<Option<u32>> {
    let mut by_name: HashMap<&str, u32> = HashMap::default();
    for (i, e) in entities.iter().enumerate() {
        if matches!(facts.class[i], Class::Country | Class::Organization) {
            for name in std::iter::once(&e.name).chain(&e.aliases) {
                by_name.entry(name.as_str()).or_insert(i as u32);
            }
        }
    }
    entities
        .iter()
        .enumerate()
        .map(|(i, e)| {
            if matches!(facts.class[i], Class::Person | Class::Country) {
                return None;
            }
            let names = std::iter::once(&e.name).chain(&e.aliases);
            names
                .flat_map(|n| k.metonym(n))
                .find_map(|t| by_name.get(t).copied())
                .filter(|&t| t as usize != i)
        })
        .collect()
}

/// Whether the name ending at `end` acts: a verb of saying or doing follows it.
pub fn acts(text: &[u8], end: usize, limit: usize, k: &Knowledge) -> bool {
    let Some(w) = words::next_word(text, end, limit) else {
        return false;
    };
    if !words::only_space(text, end, w.start) {
        return false;
    }
    let mut buf = [0u8; 24];
    let Some(word) = w.lower(text, &mut buf) else {
        return false;
    };
    is_acting_verb(word) || k.is_person_cue(word)
}
