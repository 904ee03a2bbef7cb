//! `dramatis extract`: each document's entities (found, or read from annotations), with the
//! reader's saved corrections applied, written in the format asked for.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};

use crate::cli::{ExtractArgs, Format, Offsets};
use crate::domain::corrections;
use crate::domain::document::Document;
use crate::domain::entity::{Entity, Mention};
use crate::domain::extract;
use crate::domain::quotes::{self, Quotes};
use crate::interop::{ExportFormat, Unit};
use crate::store::paths;
use crate::store::sidecar::Sidecar;
use crate::store::source::{self, LoadOptions};

/// Problems printed per annotation file before the rest are counted.
const SHOWN: usize = 20;

/// Runs `extract`: a file that cannot be read, or annotations that do not fit it, are
/// reported on standard error, the other files still processed, and the exit status says so
/// at the end. Corrections that no longer fit are reported but are not failures: the document
/// changed, which is allowed.
pub fn run_extract(args: &ExtractArgs) -> ExitCode {
    source::give_large_blocks_back();
    if let Err(e) = check(args) {
        crate::report::error(format_args!("{e:#}"));
        return ExitCode::from(2);
    }
    let opts = LoadOptions {
        allow_binary: args.load.binary,
    };
    let target = target(args.format);
    let unit = unit(args.offsets);
    let data = paths::data_dir();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    for (i, path) in args.files.iter().enumerate() {
        let doc = match source::load(path, opts) {
            Ok(doc) => doc,
            Err(e) => {
                crate::report::error(format_args!("{e:#}"));
                failed = true;
                continue;
            }
        };
        let annotations = args
            .annotations
            .get(i)
            .or(args.annotations.first())
            .map(String::as_str);
        let (mut entities, mut quotes, norms) = match cast(&doc, annotations, unit) {
            Ok((entities, quotes, norms, clean)) => {
                failed |= !clean;
                (entities, quotes, norms)
            }
            Err(e) => {
                crate::report::error(format_args!("{e:#}"));
                failed = true;
                continue;
            }
        };
        let mut norms = norms_by_mention(&entities, norms);
        if !args.no_corrections {
            let file = (path != "-").then(|| Path::new(path.as_str()));
            match correct(&doc, file, data.as_deref(), &mut entities) {
                // Corrections merge, split and reorder entities: speakers follow them.
                Ok(true) => quotes::reattribute(&mut quotes, &entities),
                Ok(false) => {}
                Err(e) => {
                    crate::report::error(format_args!("{e:#} (--no-corrections ignores them)"));
                    failed = true;
                    continue;
                }
            }
        }
        let norms = norms_by_id(&entities, &mut norms);
        let found = crate::interop::Found {
            entities: &entities,
            quotes: &quotes,
            norms: &norms,
        };
        if let Err(e) = crate::interop::write_export(&mut out, &doc, &found, target, unit) {
            return written_until(e, failed);
        }
    }
    if let Err(e) = out.flush() {
        return written_until(e, failed);
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// The end of a run whose output could not be written: quietly, with the status so far, when
/// the reader closed the pipe (`extract --json | head`); else an error.
fn written_until(e: std::io::Error, failed: bool) -> ExitCode {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        return if failed {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        };
    }
    crate::report::error(format_args!("writing the output: {e}"));
    ExitCode::FAILURE
}

fn check(args: &ExtractArgs) -> Result<()> {
    let n = args.annotations.len();
    if n > 1 && n != args.files.len() {
        bail!(
            "{n} annotation files for {} documents: give one for all, or one per document",
            args.files.len()
        );
    }
    if args.format == Format::Brat && args.files.len() > 1 {
        bail!("brat pairs one .ann with one document: run `extract --format brat` once per file");
    }
    Ok(())
}

/// The entities and quotations of a document from its annotations, or from the extractor. The
/// flag is false when some annotations did not fit (they are reported).
type Cast = (Vec<Entity>, Quotes, BTreeMap<String, String>, bool);

fn cast(doc: &Document, annotations: Option<&str>, unit: Unit) -> Result<Cast> {
    let Some(file) = annotations else {
        let found = extract::extract_document(doc);
        return Ok((found.entities, found.quotes, BTreeMap::new(), true));
    };
    let imported = crate::interop::load_cast(doc, Path::new(file), unit)?;
    let warnings = imported.warnings(file);
    for w in warnings.iter().take(SHOWN) {
        crate::report::error(w);
    }
    if warnings.len() > SHOWN {
        crate::report::error(format_args!(
            "{}: {} more spans do not match the document",
            crate::domain::wrap::sanitize(file),
            warnings.len() - SHOWN
        ));
    }
    // The quotations of the text, their speakers among the imported entities.
    let quotes = quotes::attribute_to(extract::find_quotes(doc), &imported.entities);
    Ok((
        imported.entities,
        quotes,
        imported.norms,
        warnings.is_empty(),
    ))
}

/// Applies the saved corrections, reporting those that no longer fit; says whether there
/// were any.
fn correct(
    doc: &Document,
    file: Option<&Path>,
    data: Option<&Path>,
    entities: &mut Vec<Entity>,
) -> Result<bool> {
    let (_, found) = Sidecar::open(doc, file, data)?;
    if found.history.active().is_empty() {
        return Ok(false);
    }
    let unfit = corrections::apply(entities, found.history.active(), doc);
    let from = found
        .from
        .as_deref()
        .map(|p| crate::domain::wrap::sanitize(&p.display().to_string()))
        .unwrap_or_default();
    for u in unfit {
        crate::report::error(format_args!(
            "{from}: correction {} ({}) no longer fits: {}",
            u.index + 1,
            u.correction.describe(),
            u.reason
        ));
    }
    Ok(true)
}

/// Normalisation ids follow an entity through corrections (which renumber ids) by mention.
fn norms_by_mention(
    entities: &[Entity],
    norms: BTreeMap<String, String>,
) -> Vec<(Mention, String)> {
    entities
        .iter()
        .filter_map(|e| Some((e.mentions[0], norms.get(&e.id)?.clone())))
        .collect()
}

fn norms_by_id(
    entities: &[Entity],
    norms: &mut Vec<(Mention, String)>,
) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for e in entities {
        if let Some(i) = norms.iter().position(|(m, _)| e.mentions.contains(m)) {
            out.insert(e.id.clone(), norms.remove(i).1);
        }
    }
    out
}

fn target(f: Format) -> ExportFormat {
    match f {
        Format::Json => ExportFormat::Json,
        Format::Brat => ExportFormat::Brat,
        Format::Displacy => ExportFormat::Displacy,
        Format::Conll => ExportFormat::Conll,
    }
}

/// The offset unit chosen on the command line.
pub fn unit(o: Offsets) -> Unit {
    match o {
        Offsets::CodePoints => Unit::CodePoints,
        Offsets::Utf16 => Unit::Utf16,
        Offsets::Bytes => Unit::Bytes,
    }
}
