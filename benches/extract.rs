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
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
