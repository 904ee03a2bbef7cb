//! Teams a text names by their nationality only: "the Afghan team" is an actor of its own
//! (it travels, wins, is denied visas) although no name of it is written, and "the team",
//! "this team" and "they" go on speaking of it.
//!
//! Each nationality's team is one organisation, its mentions the word "team" after the
//! demonym (the demonym stays its country's mention: "Afghan" is Afghanistan, "team" the
//! team); descriptions and pronouns then link to it as to any organisation. Only a demonym
//! in the singular, right before "team" and with no name after it: "the Gabonese and
//! Estonian teams" are two teams spoken of together, "the US team Cloud9" names its team.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::words;
use crate::domain::entity::{Entity, Form, Kind, Mention};

/// The noun after a demonym that makes the phrase a team.
const TEAM: &str = "team";

/// Adds an organisation for each nationality whose team the text speaks of, with the word
/// "team" of each such phrase as its mentions (form `nominal`).
/// The entities are copied out of a shared list only if a team is found.
pub fn add(text: &[u8], entities: &mut Arc<Vec<Entity>>) {
    // Demonym in lower case → the demonym as first written and the spans of "team".
    let mut teams: BTreeMap<String, (String, Vec<Mention>)> = BTreeMap::new();
    for e in entities.iter() {
        let singular_group = e.kind == Kind::Group;
        if !(e.kind == Kind::Country || singular_group) {
            continue;
        }
        for m in &*e.mentions {
            let demonym = &text[m.range()];
            let is_demonym = m.form == Form::Demonym
                || (singular_group && !demonym.ends_with(b"s") && !demonym.ends_with(b"S"));
            if !is_demonym {
                continue;
            }
            let Some(team) = team_after(text, m.end as usize) else {
                continue;
            };
            let Ok(demonym) = std::str::from_utf8(demonym) else {
                continue;
            };
            let entry = (teams.entry(demonym.to_ascii_lowercase()))
                .or_insert_with(|| (demonym.to_string(), Vec::new()));
            entry
                .1
                .push(Mention::with_form(team.start..team.end, Form::Nominal));
        }
    }
    for (_, (demonym, mut mentions)) in teams {
        mentions.sort_unstable_by_key(|m| m.start);
        mentions.dedup_by_key(|m| m.start);
        let name = format!("{demonym} {TEAM}");
        Arc::make_mut(entities).push(Entity {
            id: String::new(),
            aliases: vec![name.clone()],
            name,
            kind: Kind::Organization,
            mentions: mentions.into(),
        });
    }
}

/// The word "team" right after a demonym ending at `end`, when no name follows it ("the
/// Afghan team's coach", "Afghan team member X"; not "the US team Cloud9").
fn team_after(text: &[u8], end: usize) -> Option<words::Word> {
    let limit = (end + 40).min(text.len());
    let team = words::next_word(text, end, limit)?;
    if !words::only_space(text, end, team.start) {
        return None;
    }
    let bare = super::appositions::end_without_possessive(text, team);
    let w = words::Word {
        start: team.start,
        end: bare,
    };
    if !w.bytes(text).eq(TEAM.as_bytes()) {
        return None;
    }
    let named_after = bare == team.end
        && words::next_word(text, team.end, limit)
            .is_some_and(|n| words::only_space(text, team.end, n.start) && n.is_capitalised(text));
    (!named_after).then_some(w)
}

#[cfg(test)]
mod tests {
    use crate::domain::extract::extract;

    fn teams(text: &str) -> Vec<(String, Vec<&str>)> {
        let entities = extract(text).entities;
        entities
            .iter()
            .filter(|e| e.name.ends_with(" team"))
            .map(|e| {
                let ms = e.mentions.iter().map(|m| &text[m.range()]).collect();
                (e.name.clone(), ms)
            })
            .collect()
    }

    #[test]
    fn a_nationality_s_team_is_an_actor_that_the_team_goes_on_naming() {
        let text = "The Kenyan team arrived in Oslo on Monday after a long journey. \
                    Officials in Nairobi said the team had waited weeks for its visas. \
                    The Kenyan team's coach, Peter Otieno, praised the players.";
        let found = teams(text);
        assert_eq!(found.len(), 1, "{found:?}");
        let (name, ms) = &found[0];
        assert_eq!(name, "Kenyan team");
        assert_eq!(ms, &["team", "team", "team"], "{found:?}");
    }

    #[test]
    fn plural_teams_and_teams_given_a_name_are_no_team_of_their_own() {
        let text = "Kenya sent runners. The Kenyan and Ugandan teams met in Oslo. \
                    The Kenyan team Nairobi Stars won.";
        assert!(teams(text).is_empty(), "{:?}", teams(text));
    }
}
