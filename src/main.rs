use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Result;
use clap::{CommandFactory, Parser};

use dramatis::cli::{Cli, ColorChoice, Command, LoadArgs};
use dramatis::domain::document::Document;
use dramatis::domain::extract;
use dramatis::domain::fingerprint;
use dramatis::domain::wrap::escape_char;
use dramatis::reader::app::shelf::sort_by_date;
use dramatis::reader::app::{App, Options};
use dramatis::reader::config::{self, Config, ThemeName};
use dramatis::reader::input::Keymap;
use dramatis::reader::plain;
use dramatis::reader::terminal::{self, Ending, RunOptions};
use dramatis::reader::ui::Theme;
use dramatis::reader::worker::Origin;
use dramatis::report;
use dramatis::store::searches;
use dramatis::store::sessions::{Remembered, Sessions};
use dramatis::store::source::{self, LoadOptions};

/// The licences of the code and the attributions the built-in data requires.
const NOTICE: &str = include_str!("../NOTICE");

fn main() -> ExitCode {
    let cli = Cli::try_parse().unwrap_or_else(|e| exit_with_clean_error(e));
    let result = match &cli.command {
        Some(Command::Extract(args)) => return dramatis::extract::run_extract(args),
        Some(Command::Completions { shell }) => {
            clap_complete::generate(
                *shell,
                &mut Cli::command(),
                "dramatis",
                &mut std::io::stdout(),
            );
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Man) => clap_mangen::Man::new(Cli::command())
            .render(&mut std::io::stdout())
            .map(|()| ExitCode::SUCCESS)
            .map_err(anyhow::Error::from),
        None if cli.licenses => std::io::stdout()
            .write_all(NOTICE.as_bytes())
            .map(|()| ExitCode::SUCCESS)
            .map_err(anyhow::Error::from),
        None => read(&cli),
    };
    match result {
        Ok(code) => code,
        Err(e) if report::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            report::error(format_args!("{e:#}"));
            ExitCode::FAILURE
        }
    }
}

fn load_options(args: LoadArgs) -> LoadOptions {
    LoadOptions {
        allow_binary: args.binary,
    }
}

/// The reader: documents from the command line, a pipe, or the built-in article.
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
    let _ = write!(
        std::io::stderr().lock(),
        "{}",
        plain::clean_lines(&e.render().to_string())
    );
    std::process::exit(e.exit_code())
}

fn read(cli: &Cli) -> Result<ExitCode> {
    let config = config::load(cli.config.as_deref())?;
    let mut docs = documents(cli)?;
    sort_by_date(&mut docs);
    let imported = imported_cast(cli, &docs)?;

    let stdout = std::io::stdout();
    if !stdout.is_terminal() || std::env::var("TERM").is_ok_and(|t| t == "dumb") {
        let mut out = std::io::BufWriter::new(stdout.lock());
        for (i, doc) in docs.iter().enumerate() {
            if docs.len() > 1 {
                writeln!(
                    out,
                    "{}==> {} <==",
                    if i > 0 { "\n" } else { "" },
                    dramatis::domain::wrap::sanitize(doc.name())
                )?;
            }
            let entities = match &imported {
                Some(entities) => entities.clone(),
                None => extract::extract_document(doc).entities,
            };
            plain::write(&mut out, doc, &entities)?;
        }
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }

    let mut keymap = Keymap::default();
    // A key the config moved from one action to another is said in the status at start (a
    // line on stderr would vanish under the reader's screen).
    let taken: Vec<String> = config
        .keys
        .iter()
        .flat_map(|(action, keys)| keymap.rebind(action, keys).unwrap_or_default())
        .map(|t| t.to_string())
        .collect();
    let options = Options {
        measure: cli
            .measure
            .or(config.measure)
            .unwrap_or(Options::default().measure),
        mouse: !cli.no_mouse && config.mouse.unwrap_or(true),
        // Like NO_COLOR: set and not empty turns it off.
        clipboard: config.clipboard.unwrap_or(true)
            && std::env::var_os("DRAMATIS_NO_OSC52").is_none_or(|v| v.is_empty()),
        scope: config.mentions.unwrap_or_default(),
        help: dramatis::reader::ui::HelpView::shape(&keymap),
    };
    let run = RunOptions {
        resume: !cli.no_resume,
    };
    let theme = theme(cli.color, &config);
    // Files keep their sidecar of corrections beside them; stdin and the built-in article keep
    // theirs in the data directory, by content.
    let origins: Vec<Origin> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| Origin {
            path: (!cli.files.is_empty() && d.name() != "-").then(|| d.name().into()),
            imported: if i == 0 { imported.clone() } else { None },
        })
        .collect();
    let files = origins.iter().map(|o| o.path.clone()).collect();
    let searches = searches::load_from(searches::path().as_deref());
    let mut app = App::new(docs, options)
        .with_files(files)
        .with_searches(searches);
    if !taken.is_empty() {
        app.message = Some(taken.join("; "));
    }
    let (ending, app) = terminal::run(app, &keymap, &theme, run, origins)?;
    remember(&app);
    Ok(match ending {
        Ending::Quit => ExitCode::SUCCESS,
        Ending::Signal(n) => ExitCode::from(128u8.saturating_add(n as u8)),
    })
}

fn documents(cli: &Cli) -> Result<Vec<Document>> {
    let opts = load_options(cli.load);
    if cli.files.is_empty() {
        // `curl … | dramatis` reads the pipe, like less.
        if source::stdin_is_fed() {
            return Ok(vec![source::load("-", opts)?]);
        }
        return Ok(vec![source::default_document()]);
    }
    let (docs, _skipped) = source::load_all(&cli.files, opts)?;
    Ok(docs)
}

/// Colour unless told otherwise: `--color`, then NO_COLOR, then the config's theme. 16 named
/// colours, so the terminal's palette applies; 24-bit only when COLORTERM says so.
fn theme(choice: ColorChoice, config: &Config) -> Theme {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let color = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => !no_color && config.theme != ThemeName::Monochrome,
    };
    let mut theme = if color {
        Theme::colored()
    } else {
        Theme::monochrome()
    };
    // The Linux console's font has no quotation-mark ornament.
    if std::env::var_os("TERM").is_some_and(|t| t == "linux") {
        theme.quote_mark = "\"";
    }
    theme
}

/// Saves where each document was left: the one shown, and the others the reader moved in.
/// Failing to remember is not worth an error at exit.
fn remember(app: &App) {
    if app.history.grown() {
        let _ = searches::save_to(searches::path().as_deref(), app.history.entries());
    }
    let mut sessions = Sessions::load();
    let mut any = false;
    for (i, reading) in app.shelf.iter().enumerate() {
        let moved = reading.position > 0 || !reading.marks.is_empty();
        if i != app.shelf.shown_index() && !moved {
            continue;
        }
        // The fingerprint taken at start-up, else (--no-resume) taken now, releasing the
        // mapped file's pages as it goes.
        let key = reading.fingerprint.clone().unwrap_or_else(|| {
            let doc = &reading.doc;
            fingerprint::to_hex(fingerprint::fingerprint_in_pieces(doc.bytes(), |r| {
                doc.release(r);
            }))
        });
        // Pins belong to the session, not to one document: each document read keeps them.
        let remembered = Remembered {
            pins: app.pins_to_remember(),
            ..reading.remembered()
        };
        sessions.put(&key, &remembered);
        any = true;
    }
    if any {
        let _ = sessions.save();
    }
}

/// The entities of `--annotations` for the one document given, if any; spans that do not fit
/// are reported on stderr.
fn imported_cast(
    cli: &Cli,
    docs: &[Document],
) -> Result<Option<Vec<dramatis::domain::entity::Entity>>> {
    let Some(file) = &cli.annotations else {
        return Ok(None);
    };
    let [doc] = docs else {
        anyhow::bail!("--annotations goes with one document");
    };
    let unit = dramatis::extract::unit(cli.offsets);
    let imported = dramatis::interop::load_cast(doc, std::path::Path::new(file), unit)?;
    for w in imported.warnings(file) {
        report::error(w);
    }
    Ok(Some(imported.entities))
}
