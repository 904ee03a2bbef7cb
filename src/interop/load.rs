//! Reading an annotation file for a document: the file I/O in front of the pure importers.

use std::path::Path;

use anyhow::{Context, Result};

use super::{ImportFormat, Imported, Unit, import};
use crate::domain::document::Document;
use crate::domain::wrap::sanitize;

/// The entities an annotation file gives `doc`, instead of the extractor's, with the spans
/// that did not fit (see [`Imported::warnings`]). The format is detected from the file name
/// and content; `unit` says how the file counts offsets.
pub fn load_cast(doc: &Document, annotations: &Path, unit: Unit) -> Result<Imported> {
    let bytes = std::fs::read(annotations)
        .with_context(|| format!("cannot read annotations '{}'", annotations.display()))?;
    let content = String::from_utf8(bytes)
        .with_context(|| format!("annotations '{}' are not UTF-8", annotations.display()))?;
    let name = annotations.to_string_lossy();
    Ok(import(
        doc,
        &content,
        ImportFormat::detect(&name, &content),
        unit,
    ))
}

impl Imported {
    /// The problems as `FILE:LINE: message` lines, for standard error (the file name with
    /// control characters made visible: it is printed on a terminal).
    pub fn warnings(&self, file: &str) -> Vec<String> {
        self.problems
            .iter()
            .map(|p| format!("{}:{}: {}", sanitize(file), p.line, p.message))
            .collect()
    }
}
