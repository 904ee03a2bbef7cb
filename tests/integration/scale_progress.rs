//! Extraction runs in the background: the reader shows its progress, keys work meanwhile, and
//! the progress gives way to the cast when it is done. The worker is driven through a
//! rendezvous channel, so the test decides when each step happens (no timing involved); then
//! the real binary shows the same in a pseudo-terminal.

use crate::common;

use std::sync::mpsc;

use common::pty::Pty;
use dramatis::domain::document::Document;
use dramatis::reader::action::{Action, Work};
use dramatis::reader::app::{App, Options};
use dramatis::reader::input::Keymap;
use dramatis::reader::ui::{self, Theme};
use dramatis::reader::worker;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// News-like prose with names, `lines` lines, ending with a line the end of the screen shows.
fn prose(lines: usize) -> String {
    let names = [
        "Helena Marsh",
        "Tomás Ibarra",
        "Rotterdam",
        "the Harbour Board",
    ];
    let mut text = String::new();
    for i in 0..lines {
        text.push_str(&format!(
            "Line {i}: {} met {} in {} to discuss the pay deal.\n",
            names[i % 4],
            names[(i + 1) % 4],
            names[(i + 2) % 4]
        ));
    }
    text.push_str("THE LAST LINE OF THE TEST TEXT");
    text
}

fn screen(terminal: &mut Terminal<TestBackend>, app: &App) -> String {
    terminal
        .draw(|f| ui::render(f, app, &Keymap::default(), &Theme::colored()))
        .unwrap();
    let buf = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

#[test]
fn progress_shows_keys_work_meanwhile_and_the_cast_replaces_it() {
    // ~2.4 MB: the worker reports every megabyte, so at least three steps.
    let doc = Document::from_string("big.txt", prose(40_000));
    let mut app = App::new(vec![doc.clone()], Options::default());
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    assert!(screen(&mut terminal, &app).contains("finding entities… 0%"));

    // A rendezvous channel: the worker waits at each report until the test takes it.
    let (tx, rx) = mpsc::sync_channel::<Work>(0);
    let handle = worker::spawn_extraction(vec![doc], move |a| tx.send(a).is_ok());

    let first = rx.recv().unwrap();
    let Work::Progress { percent, .. } = first else {
        panic!("progress comes first, got {first:?}");
    };
    assert!(percent < 100);
    app.update(Action::Work(first));
    // The worker is now blocked on its next report: extraction is certainly still running.
    app.update(Action::Bottom);
    let during = screen(&mut terminal, &app);
    assert!(
        during.contains("THE LAST LINE OF THE TEST TEXT"),
        "{during}"
    );
    assert!(
        during.contains(&format!("finding entities… {percent}%")),
        "{during}"
    );

    let mut percents = vec![percent];
    let mut ready = false;
    for work in &rx {
        match &work {
            Work::Progress { percent, .. } => percents.push(*percent),
            Work::CastReady { .. } => ready = true,
            _ => {}
        }
        app.update(Action::Work(work));
        if ready {
            break;
        }
    }
    // The worker may have more to send after the cast (relations): hang up so it stops.
    drop(rx);
    handle.join().unwrap();
    assert!(ready, "the cast arrives");
    assert!(percents.len() >= 3, "several progress steps: {percents:?}");
    assert!(percents.windows(2).all(|w| w[0] < w[1]), "{percents:?}");
    let after = screen(&mut terminal, &app);
    assert!(!after.contains("finding entities"), "{after}");
    assert!(after.contains("Cast · "), "{after}");
    assert!(
        after.contains("THE LAST LINE OF THE TEST TEXT"),
        "the view stayed"
    );
}

#[test]
fn the_real_binary_shows_progress_takes_keys_and_then_the_cast() {
    let scratch = common::Scratch::new("scale-progress");
    let path = scratch.file("big.txt", prose(20_000));
    let mut pty = Pty::spawn(&common::bin(), &[path.to_str().unwrap()], 120, 40, &[]);
    // Every byte written is kept, so a fast extraction cannot hide its progress from the test.
    pty.wait_for_raw("finding entities…".as_bytes());
    pty.send("G");
    pty.wait_for("THE LAST LINE OF THE TEST TEXT");
    // Extraction of a debug build is slow: allow it far longer than the usual wait.
    let start = std::time::Instant::now();
    while !pty.screen().contains("Cast · ") {
        assert!(
            start.elapsed() < std::time::Duration::from_mins(5),
            "extraction never finished:\n{}",
            pty.screen()
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    // The screen may be read between the cast's row and the status line of one frame: the
    // progress note goes within the usual wait.
    let done = pty.wait_until("the progress note goes", |s| {
        !s.contains("finding entities")
    });
    assert!(done.contains("THE LAST LINE OF THE TEST TEXT"), "{done}");
    pty.send("q");
    assert!(pty.wait().success());
}
