//! One frame of the reader rendered into a ratatui `TestBackend` (120×40) over a large
//! document, and the keys that move far: G, g, a page down, the next mention of an entity.
//!
//! The document is 20 MB of generated prose built in memory (benches read no files): every
//! path measured here is independent of the document's size (layout and mention lookups are
//! by position and binary search), and 20 MB keeps the bench's setup to about a second.
//! `DRAMATIS_BENCH_MB=100` measures the full 100 MB of the issue.

mod support;

use std::hint::black_box;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use dramatis::domain::document::Document;
use dramatis::reader::action::{Action, Amount};
use dramatis::reader::app::{App, Options};
use dramatis::reader::input::Keymap;
use dramatis::reader::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const W: u16 = 120;
const H: u16 = 40;

fn megabytes() -> usize {
    std::env::var("DRAMATIS_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20)
}

fn frames(c: &mut Criterion) {
    let mb = megabytes();
    let text = support::prose(mb << 20, false);
    let cast = support::cast_of(&text);
    let doc = Document::from_string("big.txt", text);
    let keymap = Keymap::default();
    let theme = Theme::colored();
    let mut terminal = Terminal::new(TestBackend::new(W, H)).unwrap();

    // The first entity selected, so its mentions are lit in every frame.
    let mut app = App::with_cast(doc.clone(), cast, Options::default(), W, H);
    app.update(Action::FocusNext);
    app.update(Action::Select);

    let draw = |terminal: &mut Terminal<TestBackend>, app: &App| {
        terminal
            .draw(|f| ui::render(f, app, &keymap, &theme))
            .unwrap();
    };

    let mut group = c.benchmark_group(format!("reader at {mb} MB, 120x40"));
    group.bench_function("render one frame", |b| b.iter(|| draw(&mut terminal, &app)));
    group.bench_function("G then g, each drawn", |b| {
        b.iter(|| {
            app.update(Action::Bottom);
            draw(&mut terminal, &app);
            app.update(Action::Top);
            draw(&mut terminal, &app);
        });
    });
    group.bench_function("page down, drawn", |b| {
        b.iter(|| {
            app.update(Action::Scroll(Amount::Pages(1)));
            draw(&mut terminal, &app);
        });
    });
    group.bench_function("n (next mention), drawn", |b| {
        b.iter(|| {
            app.update(Action::NextHit);
            draw(&mut terminal, &app);
        });
    });
    // Nothing laid out yet: what the first G after opening costs.
    group.bench_function("G on a fresh reader, drawn", |b| {
        b.iter_batched(
            || {
                let mut fresh = App::new(vec![doc.clone()], Options::default());
                fresh.update(Action::Resize {
                    width: W,
                    height: H,
                });
                fresh
            },
            |mut fresh| {
                fresh.update(Action::Bottom);
                draw(&mut terminal, &fresh);
                black_box(fresh)
            },
            BatchSize::SmallInput,
        );
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = frames
}
criterion_main!(benches);
