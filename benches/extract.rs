//! Extraction throughput (MB/s) on a few megabytes of news-like text.
//!
//! The text is generated here from the built-in article, with the actors swapped for others on
//! every copy, so that the extractor sees many different names rather than one repeated page.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dramatis::domain::extract;

const ARTICLE: &str = include_str!("../assets/default_article.txt");

/// (country, demonym, group, surname, given name, place): one row per copy, in turn.
const CAST: &[(&str, &str, &str, &str, &str, &str)] = &[
    (
        "Norway",
        "Norwegian",
        "Sami",
        "Halvorsen",
        "Ingrid",
        "Tromsø",
    ),
    (
        "Chile",
        "Chilean",
        "Mapuche",
        "Fuentes",
        "Camila",
        "Valparaíso",
    ),
    ("Kenya", "Kenyan", "Maasai", "Otieno", "Wanjiru", "Mombasa"),
    ("Japan", "Japanese", "Ainu", "Takahashi", "Haruto", "Osaka"),
    (
        "Canada", "Canadian", "Inuit", "Tremblay", "Olivia", "Halifax",
    ),
    (
        "Egypt",
        "Egyptian",
        "Copts",
        "Mansour",
        "Yasmin",
        "Alexandria",
    ),
    ("Peru", "Peruvian", "Quechua", "Quispe", "Mateo", "Cusco"),
];

/// About `target` bytes of text: the article again and again, each copy with a new cast.
fn corpus(target: usize) -> String {
    let body = ARTICLE
        .trim_start()
        .trim_start_matches("date 2023-11-08")
        .trim_start();
    let mut out = String::with_capacity(target + ARTICLE.len());
    let mut i = 0;
    while out.len() < target {
        let (country, demonym, group, surname, given, place) = CAST[i % CAST.len()];
        let copy = body
            .replace("Israeli", demonym)
            .replace("Israel", country)
            .replace("Arab", group)
            .replace("Netanyahu", &format!("{surname}{}", i / CAST.len()))
            .replace("Benjamin", given)
            .replace("Gaza", place);
        out.push_str(&copy);
        out.push_str("\n\n");
        i += 1;
    }
    out
}

fn bench(c: &mut Criterion) {
    let text = corpus(4 << 20);
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
