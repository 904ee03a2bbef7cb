//! Extraction throughput (MB/s) on a few megabytes of news-like text (`support::news`).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dramatis::domain::extract;

mod support;

fn bench(c: &mut Criterion) {
    let text = support::news(4 << 20);
    extract::extract("warm up");
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    group.bench_function("news_4mb", |b| b.iter(|| extract::extract(&text)));
    // Finding quotations alone (a part of the above).
    group.bench_function("quotes_4mb", |b| {
        b.iter(|| dramatis::domain::quotes::find(&text));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
