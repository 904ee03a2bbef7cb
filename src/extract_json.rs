//! The `extract --json` interface (see design.md): one object per document.

use serde::Serialize;

use crate::domain::document::Document;
use crate::domain::entity::Entity;

#[derive(Serialize)]
struct DocumentOut<'a> {
    document: &'a str,
    date: Option<&'a str>,
    bytes: usize,
    entities: Vec<EntityOut<'a>>,
}

#[derive(Serialize)]
struct EntityOut<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'static str,
    actor: bool,
    aliases: &'a [String],
    mentions: Vec<MentionOut<'a>>,
    /// A normalisation id from imported annotations (brat `N` lines); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    norm: Option<&'a str>,
}

#[derive(Serialize)]
struct MentionOut<'a> {
    start: u32,
    end: u32,
    text: std::borrow::Cow<'a, str>,
}

/// One line of JSON (without the newline) for a document and its entities.
pub fn document_line(doc: &Document, entities: &[Entity]) -> String {
    document_line_with_norms(doc, entities, &Default::default())
}

/// The same line, with each entity's normalisation id (keyed by entity id) when it has one.
pub fn document_line_with_norms(
    doc: &Document,
    entities: &[Entity],
    norms: &std::collections::BTreeMap<String, String>,
) -> String {
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
                norm: norms.get(&e.id).map(String::as_str),
            })
            .collect(),
    };
    serde_json::to_string(&out).expect("serialising plain data cannot fail")
}
