use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;

use dramatis::app::{App, Options};
use dramatis::cli::{Cli, Command};
use dramatis::domain::document::Document;
use dramatis::domain::extract;
use dramatis::input::Keymap;
use dramatis::plain;
use dramatis::source::{self, LoadOptions};
use dramatis::tui::{self, Ending};
use dramatis::ui::Theme;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Some(Command::Extract(args)) => return dramatis::interop::command::run_extract(args),
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

fn read(cli: &Cli) -> Result<ExitCode> {
    let opts = LoadOptions {
        allow_binary: cli.binary,
    };
    let doc: Document = match cli.files.first() {
        Some(path) => source::load(path, opts)?,
        None => source::default_document(),
    };
    let imported = imported_cast(cli, &doc)?;
    let stdout = std::io::stdout();
    if !stdout.is_terminal() || std::env::var("TERM").is_ok_and(|t| t == "dumb") {
        let entities = imported.unwrap_or_else(|| extract::extract_document(&doc));
        let mut out = std::io::BufWriter::new(stdout.lock());
        plain::write(&mut out, &doc, &entities)?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    if imported.is_some() {
        anyhow::bail!(
            "--annotations is not in the interactive reader yet: pipe the output, or use `dramatis extract --annotations`"
        );
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

/// The entities of `--annotations`, if given; spans that do not fit are reported on stderr.
fn imported_cast(
    cli: &Cli,
    doc: &Document,
) -> Result<Option<Vec<dramatis::domain::entity::Entity>>> {
    let Some(file) = &cli.annotations else {
        return Ok(None);
    };
    let unit = dramatis::interop::command::unit(cli.offsets);
    let imported = dramatis::interop::load_cast(doc, std::path::Path::new(file), unit)?;
    for w in imported.warnings(file) {
        eprintln!("dramatis: {w}");
    }
    Ok(Some(imported.entities))
}
