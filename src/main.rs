use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;

use dramatis::app::{App, Options};
use dramatis::cli::{Cli, Command, ExtractArgs};
use dramatis::domain::document::Document;
use dramatis::domain::extract;
use dramatis::domain::wrap::escape_char;
use dramatis::input::Keymap;
use dramatis::source::{self, LoadOptions};
use dramatis::tui::{self, Ending};
use dramatis::ui::Theme;
use dramatis::{extract_json, plain};

fn main() -> ExitCode {
    let cli = Cli::try_parse().unwrap_or_else(|e| exit_with_clean_error(e));
    let result = match &cli.command {
        Some(Command::Extract(args)) => return run_extract(args),
        None => read(&cli),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("dramatis: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// clap quotes the argument it rejects, and on a terminal its coloured message carried the
/// argument raw (`dramatis $'--\e]0;title\a'` set the window title). When an argument holds
/// anything that is not plain text, the message is printed without colours (clap then drops
/// escape sequences) and with every other control made visible.
fn exit_with_clean_error(e: clap::Error) -> ! {
    let hostile = std::env::args_os().any(|a| {
        a.to_str()
            .is_none_or(|s| s.chars().any(|c| escape_char(c).is_some()))
    });
    if !hostile {
        e.exit()
    }
    eprint!("{}", plain::clean_lines(&e.render().to_string()));
    std::process::exit(e.exit_code())
}

fn read(cli: &Cli) -> Result<ExitCode> {
    let opts = LoadOptions {
        allow_binary: cli.binary,
    };
    let doc: Document = match cli.files.first() {
        Some(path) => source::load(path, opts)?,
        None => source::default_document(),
    };
    let stdout = std::io::stdout();
    if !stdout.is_terminal() || std::env::var("TERM").is_ok_and(|t| t == "dumb") {
        let entities = extract::extract_document(&doc);
        let mut out = std::io::BufWriter::new(stdout.lock());
        plain::write(&mut out, &doc, &entities)?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let app = App::new(doc, Options::default());
    let theme = if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        Theme::monochrome()
    } else {
        Theme::colored()
    };
    match tui::run(app, &Keymap::default(), &theme, true)? {
        Ending::Quit => Ok(ExitCode::SUCCESS),
        Ending::Signal(n) => Ok(ExitCode::from(128u8.saturating_add(n as u8))),
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
