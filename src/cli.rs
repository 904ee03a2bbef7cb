//! The command line: clap definitions only.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const EXAMPLES: &str = "\
Examples:
  dramatis                          open the built-in article
  dramatis report.txt               read a file
  dramatis day1.txt day2.txt news/  several documents (] and [ move between them)
  curl -s https://example.org/a.txt | dramatis
                                    read a pipe; keys still come from the terminal
  dramatis report.txt | less        not a terminal: print the text, then the cast
  dramatis extract --json a.txt b.txt
                                    the entities as JSON Lines, one object per document
  NO_COLOR=1 dramatis report.txt    monochrome: highlights by reverse video and underline
  dramatis completions bash > ~/.local/share/bash-completion/completions/dramatis

Keys: ? inside the reader lists them all. Config: ~/.config/dramatis/config.toml.
Licence: MIT OR Apache-2.0; the built-in data is under its own licences (--licenses).";

#[derive(Debug, Parser)]
#[command(
    name = "dramatis",
    version,
    about = "A terminal reader that shows who acts in a text, and where.",
    long_about = "A terminal reader that shows who acts in a text, and where: the document \
                  beside its cast (people, organisations, countries, groups, places, dates and \
                  figures), every mention of the selected actor lit, under every name it goes by.",
    after_help = EXAMPLES,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Documents or directories to read; `-` is standard input. With none (and no pipe),
    /// the built-in article opens.
    #[arg(value_name = "FILE")]
    pub files: Vec<String>,

    #[command(flatten)]
    pub load: LoadArgs,

    /// When to use colour.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Read settings from this file instead of ~/.config/dramatis/config.toml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Leave the mouse to the terminal (its own select and copy work); `M` toggles it too.
    #[arg(long)]
    pub no_mouse: bool,

    /// The widest line of text, in columns (default 90, or the config's `measure`).
    #[arg(long, value_name = "COLUMNS")]
    pub measure: Option<u16>,

    /// Start at the top, not where this document was left last time.
    #[arg(long)]
    pub no_resume: bool,

    /// Take the entities from this annotation file (brat .ann, JSON Lines, CoNLL) instead of
    /// finding them.
    #[arg(long, value_name = "FILE")]
    pub annotations: Option<String>,

    /// How the annotation file counts offsets.
    #[arg(long, value_enum, default_value_t = Offsets::CodePoints)]
    pub offsets: Offsets,

    /// Print the licences of dramatis and of the data built into it (gazetteers), and exit.
    #[arg(long)]
    pub licenses: bool,
}

/// Options for reading documents, shared by the reader and `extract`.
#[derive(Debug, Args, Clone, Copy, Default)]
pub struct LoadArgs {
    /// Open files that look binary (NUL bytes) instead of refusing them.
    #[arg(long)]
    pub binary: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal unless NO_COLOR is set.
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the entities of each document and exit.
    Extract(ExtractArgs),
    /// Print a shell completion script.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff).
    Man,
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

    /// How many threads to use (default: every core). The output is the same for any number.
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,

    /// Documents to read; `-` is standard input; a directory stands for its text files, in
    /// name order.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<String>,

    #[command(flatten)]
    pub load: LoadArgs,
}

/// Output formats of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Offsets {
    /// Unicode code points, as Python counts: spaCy, brat, doccano, Prodigy.
    #[default]
    CodePoints,
    /// UTF-16 code units, as JavaScript counts: some browser tools.
    Utf16,
    /// UTF-8 bytes.
    Bytes,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
