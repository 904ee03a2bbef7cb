//! Interoperability with annotation tools (spaCy, brat, doccano, Prodigy, INCEpTION, CoNLL):
//! their files read as entities, and entities written in their formats.
//!
//! Importers and exporters are pure: text in, text out; the file I/O is in [`load`] and
//! [`crate::extract`]. Every importer finishes through [`build::Collector`], which groups spans
//! into entities and ends with `entity::finalize`, like the extractor.

pub mod brat;
pub mod build;
pub mod conll;
pub mod displacy;
pub mod dramatis_json;
pub mod jsonl;
pub mod labels;
pub mod load;
pub mod offsets;

use std::collections::BTreeMap;

use crate::domain::document::Document;
use crate::domain::entity::Entity;
use crate::domain::quotes::Quotes;

pub use build::{Imported, Problem};
pub use load::load_cast;
pub use offsets::Unit;

/// Annotation file formats that can be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportFormat {
    Brat,
    /// JSON Lines: spaCy/displaCy, doccano, Prodigy or dramatis JSON, told apart per record.
    Jsonl,
    Conll,
}

impl ImportFormat {
    /// Guesses the format from the file name, then from the first line that says something:
    /// `{` is JSON, `T1<TAB>` and the like is brat, anything else is CoNLL columns.
    #[allow(
        clippy::case_sensitive_file_extension_comparisons,
        reason = "the name is lower-cased first"
    )]
    pub fn detect(file_name: &str, content: &str) -> ImportFormat {
        let lower = file_name.to_ascii_lowercase();
        if lower.ends_with(".ann") {
            return ImportFormat::Brat;
        }
        if lower.ends_with(".jsonl") || lower.ends_with(".json") || lower.ends_with(".ndjson") {
            return ImportFormat::Jsonl;
        }
        if [".conll", ".conllu", ".iob", ".iob2", ".bio", ".bioes"]
            .iter()
            .any(|e| lower.ends_with(e))
        {
            return ImportFormat::Conll;
        }
        let first = content.lines().map(str::trim).find(|l| !l.is_empty());
        match first {
            Some(l) if l.starts_with('{') => ImportFormat::Jsonl,
            Some(l) if is_brat_line(l) => ImportFormat::Brat,
            _ => ImportFormat::Conll,
        }
    }
}

fn is_brat_line(line: &str) -> bool {
    let Some((id, _)) = line.split_once('\t') else {
        return false;
    };
    let mut chars = id.chars();
    match chars.next() {
        Some('*') => id.len() == 1,
        Some('T' | 'R' | 'E' | 'A' | 'M' | 'N' | '#') => chars.all(|c| c.is_ascii_digit()),
        _ => false,
    }
}

/// Reads annotations of `doc` from the text of an annotation file.
pub fn import(doc: &Document, content: &str, source: ImportFormat, unit: Unit) -> Imported {
    match source {
        ImportFormat::Brat => brat::import(doc, content, unit),
        ImportFormat::Jsonl => jsonl::import(doc, content, unit),
        ImportFormat::Conll => conll::import(doc, content),
    }
}

/// Output formats of `dramatis extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ExportFormat {
    /// The `extract --json` interface (design.md).
    #[default]
    Json,
    Brat,
    Displacy,
    Conll,
}

/// What is written of one document: its entities, its quotations (only the JSON has them),
/// and normalisation ids of entities by id.
pub struct Found<'a> {
    pub entities: &'a [Entity],
    pub quotes: &'a Quotes,
    pub norms: &'a BTreeMap<String, String>,
}

/// Writes one document's output, ending with a newline; JSON is streamed, not built first,
/// and made on `jobs` threads.
pub fn write_export(
    out: &mut impl std::io::Write,
    doc: &Document,
    found: &Found,
    target: ExportFormat,
    unit: Unit,
    jobs: usize,
) -> std::io::Result<()> {
    let Found {
        entities,
        quotes,
        norms,
    } = *found;
    match target {
        ExportFormat::Json => {
            dramatis_json::write_document_line_on(out, doc, entities, quotes, norms, jobs)?;
            out.write_all(b"\n")
        }
        _ => out.write_all(export(doc, entities, norms, target, unit).as_bytes()),
    }
}

/// The text written for one document, ending with a newline.
pub fn export(
    doc: &Document,
    entities: &[Entity],
    norms: &BTreeMap<String, String>,
    target: ExportFormat,
    unit: Unit,
) -> String {
    match target {
        ExportFormat::Json => {
            format!(
                "{}\n",
                dramatis_json::document_line_with_norms(doc, entities, norms)
            )
        }
        ExportFormat::Brat => brat::export(doc, entities, norms, unit),
        ExportFormat::Displacy => format!("{}\n", displacy::export(doc, entities, unit)),
        ExportFormat::Conll => conll::export(doc, entities),
    }
}
