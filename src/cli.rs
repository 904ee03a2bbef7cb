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
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the entities of each document and exit.
    Extract(ExtractArgs),
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// One JSON object per document, one per line (the only format for now).
    #[arg(long, required = true)]
    pub json: bool,

    /// Documents to read; `-` is standard input.
    #[arg(required = true)]
    pub files: Vec<String>,

    /// Open files that look binary instead of refusing them.
    #[arg(long)]
    pub binary: bool,
}
