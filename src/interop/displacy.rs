//! displaCy's manual format, what `spacy.displacy.render(data, style="ent", manual=True)`
//! takes: `{"text", "ents": [{"start", "end", "label"}], "title"}`, offsets in code points
//! (Python string indices), plus `kb_id` (spaCy 3 shows it as a link after the label). One
//! object per document, one per line; read the lines into a list
//! to render several. Reading it back is the JSON Lines importer's job.

use serde::Serialize;

use super::labels;
use super::offsets::{OffsetMap, Unit};
use crate::domain::document::Document;
use crate::domain::entity::Entity;

#[derive(Serialize)]
struct Out<'a> {
    text: &'a str,
    ents: Vec<Ent<'a>>,
    title: &'a str,
}

#[derive(Serialize)]
struct Ent<'a> {
    start: usize,
    end: usize,
    label: &'static str,
    /// The entity's id: displaCy shows it beside the label, and an import joins the spans
    /// that share it into one entity (aliases stay together).
    kb_id: &'a str,
}

/// One line of JSON (without the newline).
pub fn export(doc: &Document, entities: &[Entity], unit: Unit) -> String {
    let map = OffsetMap::new(doc.bytes(), unit);
    let mut ents: Vec<Ent> = entities
        .iter()
        .flat_map(|e| {
            // Named entities: names and demonyms, not the links coreference infers.
            e.mentions.iter().filter(|m| m.form.is_named()).map(|m| {
                let r = map.range_to_units(m.range());
                Ent {
                    start: r.start,
                    end: r.end,
                    label: labels::label_of(e.kind),
                    kb_id: &e.id,
                }
            })
        })
        .collect();
    // displaCy draws spans in the order given and expects them sorted.
    ents.sort_by_key(|e| (e.start, std::cmp::Reverse(e.end)));
    let text = doc.text(0..doc.len());
    // Escaped like `extract --json`: often read on a terminal, parsed to the same strings.
    crate::interop::dramatis_json::safe_json(&Out {
        text: &text,
        ents,
        title: doc.name(),
    })
}
