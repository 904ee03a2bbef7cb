use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use dramatis::cli::{Cli, Command, ExtractArgs};
use dramatis::domain::extract;
use dramatis::extract_json;
use dramatis::source::{self, LoadOptions};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Extract(args)) => run_extract(&args),
        None => {
            eprintln!("dramatis: the reader is not built yet; try `dramatis extract --json FILE`");
            ExitCode::FAILURE
        }
    }
}

/// Extracts every document in turn; a file that cannot be read is reported and skipped, and
/// the exit status says so at the end.
fn run_extract(args: &ExtractArgs) -> ExitCode {
    let opts = LoadOptions {
        allow_binary: args.binary,
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    for path in &args.files {
        let doc = match source::load(path, opts) {
            Ok(doc) => doc,
            Err(e) => {
                eprintln!("dramatis: {e:#}");
                failed = true;
                continue;
            }
        };
        let entities = extract::extract_document(&doc);
        if writeln!(out, "{}", extract_json::document_line(&doc, &entities)).is_err() {
            return ExitCode::FAILURE;
        }
    }
    if out.flush().is_err() || failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
