//! The `extract --json` interface (see design.md): one object per document.

use serde::Serialize;

use crate::domain::connections::Connections;
use crate::domain::document::Document;
use crate::domain::entity::Entity;
use crate::domain::mention_index::MentionIndex;
use crate::domain::sentences::Sentences;

#[derive(Serialize)]
struct DocumentOut<'a> {
    document: &'a str,
    date: Option<&'a str>,
    bytes: usize,
    entities: Vec<EntityOut<'a>>,
    connections: Vec<ConnectionOut<'a>>,
}

/// Two entities that share sentences, strongest first; `ranges` are those sentences.
#[derive(Serialize)]
struct ConnectionOut<'a> {
    a: &'a str,
    b: &'a str,
    sentences: usize,
    ranges: Vec<[usize; 2]>,
}

#[derive(Serialize)]
struct EntityOut<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'static str,
    actor: bool,
    aliases: &'a [String],
    mentions: Vec<MentionOut<'a>>,
}

#[derive(Serialize)]
struct MentionOut<'a> {
    start: u32,
    end: u32,
    text: std::borrow::Cow<'a, str>,
}

/// One line of JSON (without the newline) for a document and its entities.
pub fn document_line(doc: &Document, entities: &[Entity]) -> String {
    let sentences = Sentences::of(doc);
    let connections =
        Connections::compute(&MentionIndex::new(entities), entities.len(), &sentences);
    let out = DocumentOut {
        document: doc.name(),
        date: doc.dateline().map(|d| d.date.as_str()),
        bytes: doc.len(),
        entities: entities
            .iter()
            .map(|e| EntityOut {
                id: &e.id,
                name: &e.name,
                kind: e.kind.as_str(),
                actor: e.is_actor(),
                aliases: &e.aliases,
                mentions: e
                    .mentions
                    .iter()
                    .map(|m| MentionOut {
                        start: m.start,
                        end: m.end,
                        text: doc.text(m.range()),
                    })
                    .collect(),
            })
            .collect(),
        connections: connections
            .iter()
            .map(|c| ConnectionOut {
                a: &entities[c.a].id,
                b: &entities[c.b].id,
                sentences: c.sentences.len(),
                ranges: c
                    .sentences
                    .iter()
                    .map(|&i| {
                        let r = sentences.range(i as usize);
                        [r.start, r.end]
                    })
                    .collect(),
            })
            .collect(),
    };
    serde_json::to_string(&out).expect("serialising plain data cannot fail")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::entity::{Kind, Mention};

    #[test]
    fn connections_list_pairs_strongest_first_with_sentence_ranges() {
        let text = "Ruritania met Elbonia. Oz slept. Elbonia and Ruritania and Oz met.";
        let doc = Document::from_string("t.txt", text);
        let entity = |id: &str| Entity {
            id: id.into(),
            name: id.into(),
            kind: Kind::Country,
            aliases: vec![],
            mentions: text
                .match_indices(id)
                .map(|(i, _)| Mention::new(i..i + id.len()))
                .collect(),
        };
        let line = document_line(
            &doc,
            &[entity("Ruritania"), entity("Elbonia"), entity("Oz")],
        );
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        let c = &v["connections"];
        assert_eq!(c.as_array().unwrap().len(), 3);
        assert_eq!(
            c[0],
            serde_json::json!({"a": "Ruritania", "b": "Elbonia", "sentences": 2,
                               "ranges": [[0, 22], [33, 66]]})
        );
        assert_eq!(c[1]["a"], "Ruritania");
        assert_eq!(c[1]["b"], "Oz");
        assert_eq!(c[2]["ranges"], serde_json::json!([[33, 66]]));
    }
}
