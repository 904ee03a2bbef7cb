//! Who said a quotation, as the reader corrected it: the quotation at a span was said by an
//! entity, or by nobody the text names.
//!
//! A speaker is held the way extraction holds one: by a mention of the entity (the
//! quotation's `named_by`), so the corrections replayed after it (a merge, a split, a hide, a
//! new order) carry the speaker along with the mention, as they do for every quotation. The
//! first-person pronouns of a direct quotation ("I", "my", "we") go with it: they stop being
//! mentions of the old speaker and become mentions of the new one.

use super::{Key, Reason, Span, resolve};
use crate::domain::document::Document;
use crate::domain::entity::{Entity, Form, Kind as EntityKind, Mention};
use crate::domain::quotes::{self, Kind, Quotes};

/// The speakers given while corrections are replayed: for each corrected quotation (by index
/// into the quotations), the mention that now names its speaker, or none.
#[derive(Debug, Default)]
pub(super) struct Said {
    given: Vec<(usize, Option<Mention>)>,
}

impl Said {
    /// The quotation at `quote` was said by `speaker` (or by nobody).
    pub(super) fn give(
        &mut self,
        entities: &mut [Entity],
        quotes: &Quotes,
        quote: &Span,
        speaker: Option<&Key>,
        doc: &Document,
    ) -> Result<(), Reason> {
        let at = quote.check(doc)?;
        let q =
            find(quotes, at.start, at.end).ok_or_else(|| Reason::NoSuchQuotation(quote.clone()))?;
        let to = speaker.map(|k| resolve(entities, k, doc)).transpose()?;
        let from = self.named_by(quotes, q).and_then(|m| holder(entities, m));
        let said = quotes[q];
        if said.kind == Kind::Direct && from != to {
            move_first_person(entities, from, to, said.range(), doc);
        }
        let by = match (to, speaker) {
            (Some(t), Some(key)) => Some(
                representative(&entities[t], said.start)
                    .ok_or_else(|| Reason::EntityGone(key.clone()))?,
            ),
            _ => None,
        };
        self.given.retain(|&(i, _)| i != q);
        self.given.push((q, by));
        Ok(())
    }

    /// The mention that names quotation `q`'s speaker now.
    fn named_by(&self, quotes: &Quotes, q: usize) -> Option<Mention> {
        match self.given.iter().find(|&&(i, _)| i == q) {
            Some(&(_, m)) => m,
            None => quotes[q].named_by,
        }
    }

    /// Writes the given speakers into the quotations and finds every speaker again among the
    /// corrected entities (`entities` in their final order).
    pub(super) fn settle(self, quotes: &mut Quotes, entities: &[Entity]) {
        let list = quotes.as_mut_slice();
        for (q, m) in self.given {
            list[q].named_by = m;
        }
        quotes::reattribute(quotes, entities);
    }
}

/// The quotation spanning exactly `start..end`.
fn find(quotes: &Quotes, start: u32, end: u32) -> Option<usize> {
    let from = quotes.partition_point(|q| q.start < start);
    (from..quotes.len())
        .take_while(|&i| quotes[i].start == start)
        .find(|&i| quotes[i].end == end)
}

/// The entity that has mention `m` (by place).
fn holder(entities: &[Entity], m: Mention) -> Option<usize> {
    entities.iter().position(|e| {
        e.mentions
            .binary_search_by(|x| (x.start, x.end).cmp(&(m.start, m.end)))
            .is_ok()
    })
}

/// The mention that stands for the speaker: the last name of the entity before the
/// quotation (where a reader would look for who speaks), else its first name, else its first
/// mention.
fn representative(e: &Entity, quote_start: u32) -> Option<Mention> {
    let named = || e.mentions.iter().filter(|m| m.form.is_named());
    named()
        .rev()
        .find(|m| m.end <= quote_start)
        .or_else(|| named().next())
        .or(e.mentions.first())
        .copied()
}

/// The speaker's first-person pronouns inside a direct quotation go from the old speaker to
/// the new one (a person's "we" is a group's, and goes to nobody).
fn move_first_person(
    entities: &mut [Entity],
    from: Option<usize>,
    to: Option<usize>,
    range: std::ops::Range<usize>,
    doc: &Document,
) {
    let inside = |m: &Mention| range.start <= m.start as usize && m.end as usize <= range.end;
    if let Some(f) = from {
        let mine = |m: &Mention| {
            m.form == Form::Pronoun
                && inside(m)
                && quotes::first_person(&doc.text(m.range())).is_some()
        };
        if entities[f].mentions.iter().any(mine) {
            entities[f].mentions.edit(|v| v.retain(|m| !mine(m)));
        }
    }
    let Some(t) = to else { return };
    let person = entities[t].kind == EntityKind::Person;
    let text = doc.text(range.clone());
    let taken = |m: Mention| {
        entities.iter().any(|e| {
            let i = e.mentions.partition_point(|x| x.end <= m.start);
            e.mentions.get(i).is_some_and(|x| x.start < m.end)
        })
    };
    let new: Vec<Mention> = quotes::first_person_words(&text)
        .filter(|&(_, plural)| !(plural && person))
        .map(|(r, _)| Mention::with_form(range.start + r.start..range.start + r.end, Form::Pronoun))
        .filter(|&m| !taken(m))
        .collect();
    if !new.is_empty() {
        entities[t].mentions.edit(|v| {
            v.extend(new);
            v.sort_unstable();
        });
    }
}

/// The first words of a quotation, for messages: `“tactical little pauses”`, `“We will…”`.
pub(super) fn first_words(text: &str) -> String {
    const WORDS: usize = 6;
    let words: Vec<&str> = text.split_whitespace().collect();
    let more = if words.len() > WORDS { "…" } else { "" };
    let shown = words[..words.len().min(WORDS)].join(" ");
    format!("“{shown}{more}”")
}

#[cfg(test)]
mod tests {
    use super::super::{Correction, apply};
    use super::*;
    use crate::domain::entity::{self, Kind as EntityKind};
    use crate::domain::quotes::Quote;

    const TEXT: &str = "Hamas said: \"We will not stop.\" Benjamin Netanyahu said: \"I will decide.\" Netanyahu left Gaza.";

    fn doc() -> Document {
        Document::from_string("t.txt", TEXT)
    }

    fn at(word: &str, nth: usize) -> Mention {
        let start = TEXT.match_indices(word).nth(nth).expect("word in text").0;
        Mention::new(start..start + word.len())
    }

    fn pronoun(word: &str) -> Mention {
        Mention::with_form(at(word, 0).range(), Form::Pronoun)
    }

    fn ent(name: &str, kind: EntityKind, mentions: &[Mention]) -> Entity {
        Entity {
            id: String::new(),
            name: name.into(),
            kind,
            aliases: vec![name.into()],
            mentions: mentions.to_vec().into(),
        }
    }

    /// Hamas said the first quotation ("We" is its mention), Netanyahu the second ("I").
    fn fresh() -> (Vec<Entity>, Quotes) {
        let entities = entity::finalize(vec![
            ent(
                "Hamas",
                EntityKind::Organization,
                &[at("Hamas", 0), pronoun("We")],
            ),
            ent(
                "Benjamin Netanyahu",
                EntityKind::Person,
                &[
                    at("Benjamin Netanyahu", 0),
                    pronoun("I"),
                    at("Netanyahu", 1),
                ],
            ),
            ent("Gaza", EntityKind::Place, &[at("Gaza", 0)]),
        ]);
        let who = |name: &str| entities.iter().position(|e| e.name == name).unwrap() as u32;
        let quote = |words: &str, speaker: &str, named_by: Mention| {
            let q = at(words, 0);
            Quote {
                start: q.start,
                end: q.end,
                kind: Kind::Direct,
                cue: None,
                speaker: Some(who(speaker)),
                named_by: Some(named_by),
            }
        };
        let quotes = Quotes::new(vec![
            quote("We will not stop.", "Hamas", at("Hamas", 0)),
            quote(
                "I will decide.",
                "Benjamin Netanyahu",
                at("Benjamin Netanyahu", 0),
            ),
        ]);
        (entities, quotes)
    }

    fn key(entities: &[Entity], name: &str) -> Key {
        Key::of(&doc(), entities.iter().find(|e| e.name == name).unwrap())
    }

    fn give(words: &str, to: Option<Key>) -> Correction {
        Correction::Speaker {
            quote: Span::of(&doc(), at(words, 0)),
            speaker: to,
        }
    }

    fn speaker_of(entities: &[Entity], quotes: &Quotes, q: usize) -> Option<String> {
        quotes[q].speaker().map(|s| entities[s].name.clone())
    }

    fn has(entities: &[Entity], name: &str, m: Mention) -> bool {
        entities
            .iter()
            .find(|e| e.name == name)
            .is_some_and(|e| e.mentions.contains(&m))
    }

    #[test]
    fn a_quotation_given_to_another_entity_takes_its_first_person_pronouns_along() {
        let (mut entities, mut quotes) = fresh();
        let to = key(&entities, "Hamas");
        let unfit = apply(
            &mut entities,
            &mut quotes,
            &[give("I will decide.", Some(to))],
            &doc(),
        );
        assert_eq!(unfit, []);
        assert_eq!(speaker_of(&entities, &quotes, 1).as_deref(), Some("Hamas"));
        assert!(has(&entities, "Hamas", pronoun("I")), "Hamas's I now");
        assert!(!has(&entities, "Benjamin Netanyahu", pronoun("I")));
        assert_eq!(
            speaker_of(&entities, &quotes, 0).as_deref(),
            Some("Hamas"),
            "the other quotation is untouched"
        );
    }

    #[test]
    fn a_person_does_not_take_a_we() {
        let (mut entities, mut quotes) = fresh();
        let to = key(&entities, "Benjamin Netanyahu");
        apply(
            &mut entities,
            &mut quotes,
            &[give("We will not stop.", Some(to))],
            &doc(),
        );
        assert_eq!(
            speaker_of(&entities, &quotes, 0).as_deref(),
            Some("Benjamin Netanyahu")
        );
        assert!(!has(&entities, "Hamas", pronoun("We")));
        assert!(!has(&entities, "Benjamin Netanyahu", pronoun("We")));
    }

    #[test]
    fn a_quotation_said_by_nobody_loses_its_speaker_and_his_i() {
        let (mut entities, mut quotes) = fresh();
        apply(
            &mut entities,
            &mut quotes,
            &[give("I will decide.", None)],
            &doc(),
        );
        assert_eq!(quotes[1].speaker, None);
        assert_eq!(quotes[1].named_by, None);
        assert!(!has(&entities, "Benjamin Netanyahu", pronoun("I")));
        // Given back to him, the "I" returns.
        let (mut entities, mut quotes) = fresh();
        let bn = key(&entities, "Benjamin Netanyahu");
        apply(
            &mut entities,
            &mut quotes,
            &[
                give("I will decide.", None),
                give("I will decide.", Some(bn)),
            ],
            &doc(),
        );
        assert_eq!(
            speaker_of(&entities, &quotes, 1).as_deref(),
            Some("Benjamin Netanyahu")
        );
        assert!(has(&entities, "Benjamin Netanyahu", pronoun("I")));
    }

    #[test]
    fn the_speaker_follows_later_merges_and_renames() {
        let (mut entities, mut quotes) = fresh();
        let gaza = key(&entities, "Gaza");
        let corrections = vec![
            give("We will not stop.", Some(gaza.clone())),
            Correction::Merge {
                from: gaza,
                into: key(&entities, "Benjamin Netanyahu"),
            },
            Correction::Rename {
                entity: key(&entities, "Benjamin Netanyahu"),
                name: "Bibi".into(),
            },
        ];
        assert_eq!(apply(&mut entities, &mut quotes, &corrections, &doc()), []);
        assert_eq!(speaker_of(&entities, &quotes, 0).as_deref(), Some("Bibi"));
    }

    #[test]
    fn a_quotation_that_is_gone_or_changed_does_not_fit() {
        let (mut entities, mut quotes) = fresh();
        let not_a_quote = Correction::Speaker {
            quote: Span::of(&doc(), at("Netanyahu left", 0)),
            speaker: None,
        };
        let unfit = apply(&mut entities, &mut quotes, &[not_a_quote], &doc());
        assert!(matches!(unfit[0].reason, Reason::NoSuchQuotation(_)));
        assert!(
            unfit[0].reason.to_string().contains("“Netanyahu left”"),
            "{}",
            unfit[0].reason
        );
        let edited = Document::from_string("t.txt", TEXT.replace("decide", "resign"));
        let (mut entities, mut quotes) = fresh();
        let unfit = apply(
            &mut entities,
            &mut quotes,
            &[give("I will decide.", None)],
            &edited,
        );
        assert!(matches!(unfit[0].reason, Reason::TextChanged { .. }));
        assert_eq!(
            speaker_of(&entities, &quotes, 1).as_deref(),
            Some("Benjamin Netanyahu"),
            "the quotation keeps its speaker"
        );
    }

    #[test]
    fn a_speaker_correction_is_written_with_its_quotation_and_null_for_nobody() {
        let (entities, _) = fresh();
        let c = give("I will decide.", Some(key(&entities, "Hamas")));
        let json = serde_json::to_string(&c).unwrap();
        assert!(
            json.starts_with(r#"{"op":"speaker","quote":{"start":"#),
            "{json}"
        );
        assert!(json.contains(r#""text":"I will decide.""#), "{json}");
        let none = serde_json::to_string(&give("I will decide.", None)).unwrap();
        assert!(none.ends_with(r#""speaker":null}"#), "{none}");
        for c in [c, give("I will decide.", None)] {
            let back: Correction =
                serde_json::from_str(&serde_json::to_string(&c).unwrap()).unwrap();
            assert_eq!(back, c);
        }
        assert_eq!(
            give("I will decide.", None).describe(),
            "give the quotation “I will decide.” at 58 to nobody"
        );
    }

    #[test]
    fn first_person_words_are_found_with_their_number() {
        let text = "I'm sure we told my friends; i and US are not.";
        let found: Vec<(&str, bool)> = quotes::first_person_words(text)
            .map(|(r, plural)| (&text[r], plural))
            .collect();
        assert_eq!(found, [("I", false), ("we", true), ("my", false)]);
    }
}
