//! Wrapping a screen: display cells and rows for about 40 rows of text at a 90-column measure,
//! as the reader does for each block it has not laid out yet. ASCII news (the fast path) and
//! text where every word has non-ASCII letters (the grapheme segmenter).

mod support;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dramatis::domain::document::Document;
use dramatis::domain::layout::TextLayout;
use dramatis::domain::wrap;

const WIDTH: usize = 90;
const ROWS: usize = 40;

/// Paragraphs as single long lines (how most news files come), enough for `ROWS` rows.
fn screen_text(accents: bool) -> String {
    let prose = support::prose(64 * 1024, accents)
        .replace("\n\n", "\u{0}")
        .replace('\n', " ");
    let text = prose.replace('\u{0}', "\n");
    // Keep whole lines until they fill a screen.
    let mut out = String::new();
    let mut rows = 0;
    for line in text.lines() {
        if rows >= ROWS {
            break;
        }
        let cells = wrap::cells(line.as_bytes(), 0);
        rows += wrap::wrap(&cells, WIDTH, 0).len();
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn wrap_screen(c: &mut Criterion) {
    let mut group = c.benchmark_group("wrap a screen (40 rows, 90 columns)");
    for (name, accents) in [("ascii", false), ("non-ascii", true)] {
        let text = screen_text(accents);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut rows = 0;
                let mut base = 0;
                for line in text.split('\n') {
                    let cells = wrap::cells(line.as_bytes(), base);
                    rows += wrap::wrap(&cells, WIDTH, base).len();
                    base += line.len() + 1;
                }
                black_box(rows)
            });
        });
    }
    group.finish();
}

/// A screen of a 20 MB document laid out from a cold cache, in the middle of the text: what a
/// jump (G, a percentage, a mention far away) costs before drawing.
fn layout_cold_screen(c: &mut Criterion) {
    let doc = Document::from_string("big", support::prose(20 << 20, false));
    let mid = doc.len() / 2;
    c.bench_function("layout a screen at 50% of 20 MB, cold", |b| {
        b.iter(|| {
            let mut layout = TextLayout::new(WIDTH);
            let top = layout.row_at(&doc, mid);
            black_box(layout.visible(&doc, top, ROWS).len())
        });
    });
    c.bench_function("layout the last screen of 20 MB, cold", |b| {
        b.iter(|| {
            let mut layout = TextLayout::new(WIDTH);
            let top = layout.last_top(&doc, ROWS);
            black_box(layout.visible(&doc, top, ROWS).len())
        });
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = wrap_screen, layout_cold_screen
}
criterion_main!(benches);
