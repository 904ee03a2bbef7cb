//! Search over 100 MB of generated prose: the time to the first hit when the only hit is at
//! 99 % (the sentinel), case-sensitive and smart-case insensitive (ASCII and non-ASCII
//! queries), backwards, and counting a common word through the whole text.

mod support;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dramatis::domain::search::{Counter, Query, find_next, find_prev};

fn corpus() -> Vec<u8> {
    let mb: usize = std::env::var("DRAMATIS_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100);
    let mut text = support::prose(mb << 20, false).into_bytes();
    // Sentinels: one near the start (for backward search) and one at 99 %.
    let place = |text: &mut Vec<u8>, at: usize, what: &str| {
        let at = at + text[at..].iter().position(|&b| b == b'\n').unwrap() + 1;
        text.splice(at..at, what.bytes());
    };
    let len = text.len();
    place(&mut text, len / 100, "Ellsmerewick Žofie met them.\n");
    place(&mut text, len * 99 / 100, "Quorvalesh Žižková signed.\n");
    text
}

fn search(c: &mut Criterion) {
    let text = corpus();
    let at_99 = text.len() as u64 * 99 / 100;
    let mut group = c.benchmark_group("search 100 MB");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(at_99));
    for (name, query) in [
        ("first hit at 99%, case-sensitive", "Quorvalesh"),
        ("first hit at 99%, smart case (ascii)", "quorvalesh"),
        ("first hit at 99%, smart case (non-ascii)", "žižková"),
    ] {
        let q = Query::new(query);
        group.bench_function(name, |b| {
            b.iter(|| black_box(find_next(&text, &q, 0).expect("the sentinel")));
        });
    }
    let q = Query::new("ellsmerewick");
    group.bench_function("previous hit from the end, 99% back", |b| {
        b.iter(|| black_box(find_prev(&text, &q, text.len()).expect("the sentinel")));
    });
    group.throughput(Throughput::Bytes(text.len() as u64));
    for (name, query) in [
        ("count 'the' (exact)", "the"),
        ("count 'agency' (smart case)", "agency"),
    ] {
        let q = Query::new(query);
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut counter = Counter::new(q.clone());
                while !counter.advance(&text, 8 << 20) {}
                black_box(counter.found())
            });
        });
    }
    group.finish();
}

criterion_group!(benches, search);
criterion_main!(benches);
