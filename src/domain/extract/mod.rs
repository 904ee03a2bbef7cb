//! Entity extraction: finds who and what a text mentions, under every name.
//!
//! The extractor is fed the text in pieces (each piece ends at a line end, so no name is cut)
//! and clusters aliases across the whole document when it is finished. Pure and deterministic.

use crate::domain::entity::{self, Entity, Kind, Mention};

/// Extraction over a document fed in pieces.
#[derive(Default)]
pub struct Extractor {
    found: Vec<(Mention, String)>,
}

impl Extractor {
    pub fn new() -> Extractor {
        Extractor::default()
    }

    /// Scans `text`, which starts at byte `base` of the document. Pieces must be fed in order
    /// and must not split a line.
    pub fn feed(&mut self, base: usize, text: &str) {
        // Placeholder until the real rules land: runs of capitalised words.
        let mut start = None;
        for (i, c) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            if c.is_alphabetic() {
                if start.is_none() && c.is_uppercase() {
                    start = Some(i);
                }
            } else if let Some(s) = start.take() {
                let word = &text[s..i];
                self.found
                    .push((Mention::new(base + s..base + i), word.to_string()));
            }
        }
    }

    /// Clusters the mentions found so far into entities, most important first.
    pub fn finish(self) -> Vec<Entity> {
        let mut by_name: std::collections::BTreeMap<String, Vec<Mention>> = Default::default();
        for (m, name) in self.found {
            by_name.entry(name).or_default().push(m);
        }
        entity::finalize(
            by_name
                .into_iter()
                .map(|(name, mentions)| Entity {
                    id: String::new(),
                    aliases: vec![name.clone()],
                    name,
                    kind: Kind::Other,
                    mentions,
                })
                .collect(),
        )
    }
}

/// Extracts the entities of a whole text.
pub fn extract(text: &str) -> Vec<Entity> {
    let mut ex = Extractor::new();
    ex.feed(0, text);
    ex.finish()
}

/// Extracts the entities of a document, invalid UTF-8 skipped, offsets into its bytes.
pub fn extract_document(doc: &crate::domain::document::Document) -> Vec<Entity> {
    let mut ex = Extractor::new();
    crate::domain::document::for_each_valid_run(doc.bytes(), 0, |at, text| ex.feed(at, text));
    ex.finish()
}
