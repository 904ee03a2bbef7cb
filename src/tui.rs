//! The only code that touches the real terminal: a guard that gives the terminal back as it
//! was on every exit (normal, error, panic, signal), and the event loop.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::thread;

use anyhow::{Context as _, Result};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};
use signal_hook::consts::signal::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};

use crate::action::Action;
use crate::app::App;
use crate::input::{self, Keymap};
use crate::ui::{self, Theme};
use crate::worker;

/// Whether the terminal is in the reader's modes (so restoring twice is harmless).
static ACTIVE: AtomicBool = AtomicBool::new(false);
static MOUSE: AtomicBool = AtomicBool::new(false);

/// Puts the terminal in the reader's modes and takes them back when dropped.
pub struct TerminalGuard;

impl TerminalGuard {
    pub fn enter(mouse: bool) -> Result<TerminalGuard> {
        install_panic_hook();
        MOUSE.store(mouse, Ordering::SeqCst);
        enter_modes().context("cannot set up the terminal")?;
        Ok(TerminalGuard)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

fn enter_modes() -> io::Result<()> {
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen, cursor::Hide)?;
    if MOUSE.load(Ordering::SeqCst) {
        execute!(out, EnableMouseCapture)?;
    }
    Ok(())
}

/// Mouse capture off, main screen back, cursor shown, raw mode off. Safe to call any time.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
    let _ = disable_raw_mode();
    let _ = out.flush();
}

fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

/// What wakes the event loop.
enum Wake {
    Terminal(Event),
    Work(Action),
    Signal(i32),
}

/// How the reader ended.
pub enum Ending {
    Quit,
    /// Ended by a signal: the process should exit with 128 + n.
    Signal(i32),
}

/// How the reader starts.
#[derive(Debug, Clone, Copy)]
pub struct RunOptions {
    /// Capture the mouse (wheel, clicks) at start.
    pub mouse: bool,
    /// Look up where each document was left last time.
    pub resume: bool,
}

/// Runs the reader until the user quits or a signal ends it; gives the app back so its state
/// can be remembered.
pub fn run(
    mut app: App,
    keymap: &Keymap,
    theme: &Theme,
    opts: RunOptions,
) -> Result<(Ending, App)> {
    let (tx, rx) = mpsc::channel::<Wake>();
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])
        .context("cannot install signal handlers")?;
    let signal_tx = tx.clone();
    thread::spawn(move || {
        if let Some(n) = signals.forever().next() {
            let _ = signal_tx.send(Wake::Signal(n));
        }
    });

    // We decide about colour (the theme honours NO_COLOR and --color); crossterm must not
    // second-guess it: under NO_COLOR it writes `ESC[m` for colour changes, which also resets
    // bold and reverse video.
    ratatui::crossterm::style::force_color_output(true);
    app.mouse = opts.mouse;
    let guard = TerminalGuard::enter(opts.mouse)?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let size = terminal.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });

    let input_tx = tx.clone();
    thread::spawn(move || {
        while let Ok(ev) = event::read() {
            if input_tx.send(Wake::Terminal(ev)).is_err() {
                break;
            }
        }
    });
    let docs: Vec<_> = app.shelves.iter().map(|s| s.doc.clone()).collect();
    if opts.resume {
        let resume_tx = tx.clone();
        worker::spawn_resume(docs.clone(), move |a| resume_tx.send(Wake::Work(a)).is_ok());
    }
    let work_tx = tx.clone();
    worker::spawn_extraction(docs, move |a| work_tx.send(Wake::Work(a)).is_ok());
    drop(tx);

    let ending = loop {
        terminal.draw(|f| ui::render(f, &app, keymap, theme))?;
        let Ok(first) = rx.recv() else {
            break Ending::Quit;
        };
        // Handle everything already waiting before drawing again, so held keys never lag.
        let mut ending = None;
        for wake in std::iter::once(first).chain(rx.try_iter()) {
            let action = match wake {
                Wake::Terminal(ev) => input::map_event(keymap, &ev, app.mode()),
                Wake::Work(a) => Some(a),
                Wake::Signal(n) => {
                    ending = Some(Ending::Signal(n));
                    break;
                }
            };
            match action {
                Some(Action::Suspend) => suspend(&mut terminal)?,
                Some(Action::ToggleMouse) => {
                    app.update(Action::ToggleMouse);
                    set_mouse(app.mouse)?;
                }
                Some(a) => app.update(a),
                None => {}
            }
            if app.quit {
                ending = Some(Ending::Quit);
                break;
            }
        }
        if let Some(e) = ending {
            break e;
        }
    };
    drop(guard);
    Ok((ending, app))
}

fn set_mouse(on: bool) -> Result<()> {
    MOUSE.store(on, Ordering::SeqCst);
    let mut out = io::stdout();
    if on {
        execute!(out, EnableMouseCapture)?;
    } else {
        execute!(out, DisableMouseCapture)?;
    }
    Ok(())
}

/// Ctrl-Z: give the terminal back, stop, and redraw everything on `fg`.
fn suspend(terminal: &mut Terminal<CrosstermBackend<io::Stdout>>) -> Result<()> {
    restore();
    signal_hook::low_level::raise(SIGTSTP)?;
    enter_modes()?;
    terminal.clear()?;
    Ok(())
}
