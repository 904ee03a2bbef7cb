//! The command line: clap definitions only.

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "dramatis",
    version,
    about = "A terminal reader that shows who acts in a text, and where.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Documents to read; `-` is standard input. With none, the built-in article opens.
    pub files: Vec<String>,

    /// Open files that look binary (NUL bytes) instead of refusing them.
    #[arg(long)]
    pub binary: bool,

    /// Take the entities from this annotation file (brat .ann, JSON Lines, CoNLL) instead of
    /// finding them.
    #[arg(long, value_name = "FILE")]
    pub annotations: Option<String>,

    /// How the annotation file counts offsets.
    #[arg(long, value_enum, default_value_t = Offsets::CodePoints)]
    pub offsets: Offsets,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the entities of each document and exit.
    Extract(ExtractArgs),
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Same as `--format json` (the default), kept for existing scripts.
    #[arg(long, conflicts_with = "format")]
    pub json: bool,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    pub format: Format,

    /// Take the entities from this annotation file (brat .ann, JSON Lines, CoNLL) instead of
    /// finding them. Once for all documents, or once per document in the same order.
    #[arg(long, value_name = "FILE")]
    pub annotations: Vec<String>,

    /// How annotation files count offsets (read and written).
    #[arg(long, value_enum, default_value_t = Offsets::CodePoints)]
    pub offsets: Offsets,

    /// Ignore the corrections saved for each document.
    #[arg(long)]
    pub no_corrections: bool,

    /// Documents to read; `-` is standard input.
    #[arg(required = true)]
    pub files: Vec<String>,

    /// Open files that look binary instead of refusing them.
    #[arg(long)]
    pub binary: bool,
}

/// Output formats of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object per document, one per line (the `extract --json` interface).
    Json,
    /// brat standoff (`.ann`) for one document.
    Brat,
    /// displaCy's manual format, one object per document per line.
    Displacy,
    /// CoNLL-2003 columns with IOB2 tags, a `-DOCSTART-` per document.
    Conll,
}

/// How annotation files count offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Offsets {
    /// Unicode code points, as Python counts: spaCy, brat, doccano, Prodigy.
    #[default]
    CodePoints,
    /// UTF-16 code units, as JavaScript counts: some browser tools.
    Utf16,
    /// UTF-8 bytes.
    Bytes,
}
