//! The only code that touches the real terminal: a guard that gives the terminal back as it
//! was on every exit (normal, error, panic, signal), and the event loop, which hands each key
//! and each piece of background news to `App::update` and carries out the effects it returns
//! (quit, suspend, the mouse, saving corrections through the store's sidecars).

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, OnceLock, mpsc};
use std::thread::{self, ThreadId};

use anyhow::{Context as _, Result};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};
use ratatui::layout::{Rect, Size};
use signal_hook::consts::signal::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};

use crate::reader::action::{Action, Effect, Work};
use crate::reader::app::App;
use crate::reader::clipboard;
use crate::reader::editor;
use crate::reader::input::{self, Keymap};
use crate::reader::ui::{self, Theme};
use crate::reader::worker::{self, Report};
use crate::store::sidecar::Sidecars;

/// Whether the terminal is in the reader's modes (so restoring twice is harmless).
static ACTIVE: AtomicBool = AtomicBool::new(false);
static MOUSE: AtomicBool = AtomicBool::new(false);
/// The thread that drives the terminal: only its panic ends the reader.
static READER_THREAD: OnceLock<ThreadId> = OnceLock::new();
/// Panics of other threads while the reader owns the screen, printed once it is given back.
static STASHED: Mutex<Vec<String>> = Mutex::new(Vec::new());
/// While an editor (`v`) runs, the input thread must not read the keys meant for it, and
/// Ctrl-C in the editor must not end the reader (git does the same while it waits).
static EDITING: AtomicBool = AtomicBool::new(false);
/// Held by the input thread while it waits for a key; taken by the editor's launcher, so no
/// key is read from under the editor.
static INPUT_GATE: Mutex<()> = Mutex::new(());
/// How long the input thread waits for a key before it looks whether an editor wants the
/// terminal.
const INPUT_POLL: std::time::Duration = std::time::Duration::from_millis(100);

/// Puts the terminal in the reader's modes and takes them back when dropped.
pub struct TerminalGuard;

impl TerminalGuard {
    pub fn enter(mouse: bool) -> Result<TerminalGuard> {
        READER_THREAD.get_or_init(|| thread::current().id());
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
    let stashed = std::mem::take(&mut *STASHED.lock().unwrap_or_else(|e| e.into_inner()));
    for message in stashed {
        crate::report::error(message);
    }
}

/// What the panic hook does with a panic.
#[derive(Debug, PartialEq, Eq)]
enum OnPanic {
    /// The reader itself panicked: give the terminal back, then report as usual.
    Restore,
    /// A helper thread panicked while the reader owns the screen: the message would be
    /// written over the reader's screen, and restoring would pull the terminal from under a
    /// reader that goes on running. Keep the message for the restore.
    Stash,
    /// The terminal is not the reader's: report as usual.
    Report,
}

fn on_panic(active: bool, reader_thread: bool) -> OnPanic {
    match (active, reader_thread) {
        (false, _) => OnPanic::Report,
        (true, true) => OnPanic::Restore,
        (true, false) => OnPanic::Stash,
    }
}

fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let current = thread::current();
            let reader = READER_THREAD.get() == Some(&current.id());
            match on_panic(ACTIVE.load(Ordering::SeqCst), reader) {
                OnPanic::Restore => {
                    restore();
                    previous(info);
                }
                OnPanic::Stash => {
                    let name = current.name().unwrap_or("a helper thread");
                    STASHED
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push(format!("'{name}' failed: {info}"));
                }
                OnPanic::Report => previous(info),
            }
        }));
    });
}

/// What wakes the event loop.
enum Wake {
    Terminal(Event),
    Report(Report),
    /// The extraction thread died (a panic): the reader goes on without a cast.
    WorkFailed,
    Signal(i32),
}

/// The extraction thread's way to the event loop. Dropped while its thread unwinds from a
/// panic, it says so, so the reader stops waiting for a cast that will never come.
struct WorkSender(mpsc::Sender<Wake>);

impl WorkSender {
    fn send(&self, report: Report) -> bool {
        self.0.send(Wake::Report(report)).is_ok()
    }
}

impl Drop for WorkSender {
    fn drop(&mut self) {
        if thread::panicking() {
            let _ = self.0.send(Wake::WorkFailed);
        }
    }
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
    origins: Vec<worker::Origin>,
) -> Result<(Ending, App)> {
    let (tx, rx) = mpsc::channel::<Wake>();
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])
        .context("cannot install signal handlers")?;
    let signal_tx = tx.clone();
    thread::spawn(move || {
        for n in signals.forever() {
            if EDITING.load(Ordering::SeqCst) && (n == SIGINT || n == SIGQUIT) {
                continue;
            }
            let _ = signal_tx.send(Wake::Signal(n));
            break;
        }
    });

    // We decide about colour (the theme honours NO_COLOR and --color); crossterm must not
    // second-guess it: under NO_COLOR it writes `ESC[m` for colour changes, which also resets
    // bold and reverse video.
    ratatui::crossterm::style::force_color_output(true);
    let guard = TerminalGuard::enter(app.mouse)?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let size = terminal.size()?;
    let _ = app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });

    let input_tx = tx.clone();
    thread::spawn(move || {
        loop {
            if EDITING.load(Ordering::SeqCst) {
                thread::sleep(INPUT_POLL);
                continue;
            }
            let gate = INPUT_GATE.lock().unwrap_or_else(|e| e.into_inner());
            let event = match event::poll(INPUT_POLL) {
                Ok(true) => event::read(),
                Ok(false) => continue,
                Err(e) => Err(e),
            };
            drop(gate);
            let Ok(ev) = event else { break };
            if input_tx.send(Wake::Terminal(ev)).is_err() {
                break;
            }
        }
    });
    // The first screen is drawn before any background work starts: on a machine with few
    // cores, extraction and fingerprinting would otherwise compete with it.
    terminal.draw(|f| ui::render(f, &app, keymap, theme))?;
    let docs: Vec<_> = app.shelf.iter().map(|r| r.doc.clone()).collect();
    if opts.resume {
        let resume_tx = tx.clone();
        worker::spawn_resume(docs.clone(), move |w| {
            resume_tx.send(Wake::Report(Report::Work(w))).is_ok()
        });
    }
    let work_tx = WorkSender(tx.clone());
    worker::spawn_reading(docs, origins, move |r| work_tx.send(r));

    let mut layer = Layer {
        terminal,
        sidecars: Sidecars::default(),
        after_frame: Vec::new(),
        in_tmux: std::env::var_os("TMUX").is_some_and(|v| !v.is_empty()),
        in_screen: std::env::var_os("STY").is_some_and(|v| !v.is_empty()),
        counts: worker::CountTicket::default(),
        tx,
    };
    let ending = loop {
        let Ok(first) = rx.recv() else {
            break Ending::Quit;
        };
        // Handle everything already waiting before drawing again, so held keys never lag.
        let mut ending = None;
        for wake in std::iter::once(first).chain(rx.try_iter()) {
            let action = match wake {
                Wake::Terminal(ev) => input::map_event(keymap, &ev, app.mode()),
                Wake::Report(Report::Work(work)) => Some(Action::Work(work)),
                Wake::Report(Report::Sidecar { doc, sidecar }) => {
                    layer.sidecars.keep(doc, sidecar);
                    None
                }
                Wake::WorkFailed => Some(Action::Work(Work::Failed)),
                Wake::Signal(n) => {
                    ending = Some(Ending::Signal(n));
                    break;
                }
            };
            if let Some(action) = action
                && layer.update(&mut app, action)?
            {
                ending = Some(Ending::Quit);
                break;
            }
        }
        if let Some(e) = ending {
            break e;
        }
        layer
            .terminal
            .draw(|f| ui::render(f, &app, keymap, theme))?;
        let later = std::mem::take(&mut layer.after_frame);
        if !later.is_empty() {
            for action in later {
                if layer.update(&mut app, action)? {
                    ending = Some(Ending::Quit);
                }
            }
            if let Some(e) = ending {
                break e;
            }
            layer
                .terminal
                .draw(|f| ui::render(f, &app, keymap, theme))?;
        }
    };
    drop(guard);
    Ok((ending, app))
}

/// What the event loop keeps besides the app: the terminal, the sidecars corrections are
/// saved to, and the actions that wait for the next frame.
struct Layer {
    terminal: Terminal<CrosstermBackend<io::Stdout>>,
    sidecars: Sidecars,
    after_frame: Vec<Action>,
    /// Inside tmux: copies are also sent through its passthrough.
    in_tmux: bool,
    /// Inside GNU screen: likewise, through its own.
    in_screen: bool,
    /// The search hits counted on a worker (a newer count ends the one before).
    counts: worker::CountTicket,
    /// The way back to the event loop, for those workers.
    tx: mpsc::Sender<Wake>,
}

impl Layer {
    /// Updates the app and carries out the effects; true when the reader is to quit.
    fn update(&mut self, app: &mut App, action: Action) -> Result<bool> {
        let mut effects = std::collections::VecDeque::from(app.update(action));
        while let Some(effect) = effects.pop_front() {
            match effect {
                Effect::Quit => return Ok(true),
                Effect::Suspend => {
                    let size = suspend(&mut self.terminal)?;
                    effects.extend(app.update(Action::Resize {
                        width: size.width,
                        height: size.height,
                    }));
                }
                Effect::SetMouse(on) => set_mouse(on)?,
                Effect::SaveCorrections { doc, history } => {
                    if let Err(e) = self.sidecars.save(doc, &history) {
                        let why = format!("corrections not saved: {e:#}");
                        effects.extend(app.update(Action::Work(Work::NotSaved(why))));
                    }
                }
                Effect::AfterFrame(action) => self.after_frame.push(action),
                Effect::CountHits {
                    doc,
                    document,
                    text,
                    query,
                    hit,
                } => {
                    let tx = self.tx.clone();
                    worker::spawn_count(doc, document, text, query, hit, &self.counts, move |w| {
                        let _ = tx.send(Wake::Report(Report::Work(w)));
                    });
                }
                Effect::Edit { file, line } => {
                    let (size, error) = edit(&mut self.terminal, &file, line)?;
                    effects.extend(app.update(Action::Resize {
                        width: size.width,
                        height: size.height,
                    }));
                    effects.extend(app.update(Action::Work(Work::Edited { error })));
                }
                Effect::Copy(text) => {
                    let mut out = io::stdout();
                    out.write_all(clipboard::osc52(&text).as_bytes())?;
                    if self.in_tmux {
                        out.write_all(clipboard::osc52_tmux_passthrough(&text).as_bytes())?;
                    }
                    if self.in_screen {
                        out.write_all(clipboard::osc52_screen_passthrough(&text).as_bytes())?;
                    }
                    out.flush()?;
                }
            }
        }
        Ok(false)
    }
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

/// `v`: give the terminal to the editor until it exits, as Ctrl-Z gives it to the shell, then
/// take it back and redraw everything. Returns the terminal's size (the editor may have
/// resized it) and why the editor failed, if it did.
fn edit(
    terminal: &mut Terminal<CrosstermBackend<io::Stdout>>,
    file: &std::path::Path,
    line: usize,
) -> Result<(Size, Option<String>)> {
    EDITING.store(true, Ordering::SeqCst);
    // Wait until the input thread is out of its wait for a key (at most `INPUT_POLL`).
    let gate = INPUT_GATE.lock().unwrap_or_else(|e| e.into_inner());
    restore();
    let before = editor::Stamp::of(file);
    let error = editor::run(file, line);
    let saved = editor::saved(before, editor::Stamp::of(file));
    if saved == editor::Saved::Shortened {
        // The text is mapped from this file: its pages past the new end are gone, and the
        // next frame would fault on them. Stop here, with the terminal given back.
        EDITING.store(false, Ordering::SeqCst);
        anyhow::bail!(
            "'{}' was shortened in place by the editor while it was open: open it again",
            crate::domain::wrap::sanitize(&file.display().to_string())
        );
    }
    let back = enter_modes();
    EDITING.store(false, Ordering::SeqCst);
    drop(gate);
    back?;
    let error = error.or_else(|| {
        (saved == editor::Saved::InPlace)
            .then(|| "the file was written over in place: open it again to read it".to_string())
    });
    let size = terminal.size()?;
    terminal.resize(Rect::new(0, 0, size.width, size.height))?;
    Ok((size, error))
}

/// Ctrl-Z: give the terminal back, stop, and redraw everything on `fg`. Returns the size of
/// the terminal on return, which may have changed while the reader was stopped.
fn suspend(terminal: &mut Terminal<CrosstermBackend<io::Stdout>>) -> Result<Size> {
    restore();
    signal_hook::low_level::raise(SIGTSTP)?;
    enter_modes()?;
    // Not `Terminal::clear`: it asks the terminal where the cursor is, and crossterm cannot
    // read the answer while the input thread waits in `event::read` (it holds the reader), so
    // every `fg` ended the reader with "the cursor position could not be read". `resize`
    // clears the screen and forgets what was drawn, so the next frame is drawn in full.
    let size = terminal.size()?;
    terminal.resize(Rect::new(0, 0, size.width, size.height))?;
    Ok(size)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_reader_thread_takes_the_terminal_back_on_panic() {
        assert_eq!(on_panic(true, true), OnPanic::Restore);
        assert_eq!(on_panic(true, false), OnPanic::Stash);
        assert_eq!(on_panic(false, true), OnPanic::Report);
        assert_eq!(on_panic(false, false), OnPanic::Report);
    }

    #[test]
    fn a_dying_extraction_thread_tells_the_reader() {
        let (tx, rx) = mpsc::channel();
        let sender = WorkSender(tx);
        let worker = thread::spawn(move || {
            assert!(sender.send(Report::Work(Work::Progress { doc: 0, percent: 5 })));
            panic!("the extractor failed on this input");
        });
        assert!(worker.join().is_err());
        let got: Vec<Wake> = rx.iter().collect();
        assert!(matches!(
            got[..],
            [
                Wake::Report(Report::Work(Work::Progress { percent: 5, .. })),
                Wake::WorkFailed
            ]
        ));
    }

    #[test]
    fn a_finished_extraction_thread_says_nothing_more() {
        let (tx, rx) = mpsc::channel();
        let sender = WorkSender(tx);
        thread::spawn(move || {
            sender.send(Report::Work(Work::Progress {
                doc: 0,
                percent: 100,
            }))
        })
        .join()
        .unwrap();
        let got: Vec<Wake> = rx.iter().collect();
        assert!(matches!(
            got[..],
            [Wake::Report(Report::Work(Work::Progress {
                percent: 100,
                ..
            }))]
        ));
    }
}
