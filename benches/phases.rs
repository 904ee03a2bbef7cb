//! Each phase of `extract --json`, on its own, in MB/s of text: tokenising, gazetteer
//! lookups, names and typing, all candidates, clustering, coreference, finding quotations and
//! giving them speakers, sentences, the mention index, connections and JSON writing, then all
//! of it together.
//!
//! The text is `support::news` (4 MB), or the first `DRAMATIS_BENCH_MB` megabytes (default 4)
//! of the file `DRAMATIS_BENCH_TEXT`, cut at a line end, e.g. the generated 10 MB text:
//!
//!     DRAMATIS_BENCH_TEXT=/tmp/corpus/text_10m.txt cargo bench --bench phases

use std::hint::black_box;
use std::io::{BufWriter, Write};

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use dramatis::domain::connections::Connections;
use dramatis::domain::document::Document;
use dramatis::domain::extract::{self, coref, phases};
use dramatis::domain::mention_index::MentionIndex;
use dramatis::domain::sentences::Sentences;
use dramatis::interop::dramatis_json;

mod support;

fn text() -> String {
    let mb: usize = std::env::var("DRAMATIS_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(4);
    let Some(path) = std::env::var_os("DRAMATIS_BENCH_TEXT") else {
        return support::news(mb << 20);
    };
    let text = std::fs::read_to_string(&path).expect("DRAMATIS_BENCH_TEXT: a UTF-8 file");
    let mut end = (mb << 20).min(text.len());
    while end < text.len() && text.as_bytes()[end - 1] != b'\n' {
        end += 1;
    }
    text[..end].to_string()
}

fn bench(c: &mut Criterion) {
    let text = text();
    let doc = Document::from_string("bench.txt", text.clone());
    let extraction = extract::extract_document(&doc);
    let (entities, quotes) = (&extraction.entities, &extraction.quotes);
    let sentences = Sentences::of(&doc);
    let index = MentionIndex::new(entities);
    let connections = Connections::compute(&index, entities.len(), &sentences);
    let norms = std::collections::BTreeMap::default();
    let named = phases::fed(&text).finish();

    let mut g = c.benchmark_group("phases");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.bench_function("tokenize", |b| b.iter(|| phases::tokenize(&text)));
    g.bench_function("lookups", |b| b.iter(|| phases::lookups(&text)));
    g.bench_function("names_and_typing", |b| b.iter(|| phases::names(&text)));
    g.bench_function("candidates", |b| b.iter(|| phases::fed(&text)));
    g.bench_function("cluster", |b| {
        b.iter_batched(
            || phases::fed(&text),
            |ex| ex.finish(),
            BatchSize::PerIteration,
        );
    });
    let findings = dramatis::domain::quotes::find(&text);
    g.bench_function("coreference", |b| {
        b.iter_batched(
            || named.clone(),
            |mut entities| {
                coref::link_document(&doc, &mut entities, &findings);
                entities
            },
            BatchSize::PerIteration,
        );
    });
    g.bench_function("quotations", |b| b.iter(|| phases::quotes(&text)));
    let mut linked = named.clone();
    coref::link_document(&doc, &mut linked, &findings);
    g.bench_function("speakers", |b| {
        b.iter_batched(
            || (linked.clone(), findings.clone()),
            |(entities, findings)| extract::attribute(entities, findings),
            BatchSize::PerIteration,
        );
    });
    g.bench_function("sentences", |b| b.iter(|| Sentences::of(&doc)));
    g.bench_function("mention_index", |b| {
        b.iter(|| MentionIndex::new(entities));
    });
    g.bench_function("connections", |b| {
        b.iter(|| Connections::compute(&index, entities.len(), &sentences));
    });
    g.bench_function("json", |b| {
        b.iter(|| {
            let mut out = BufWriter::new(std::io::sink());
            dramatis_json::write_line_with(
                &mut out,
                &doc,
                (entities, quotes, &norms),
                &sentences,
                &connections,
            )
            .unwrap();
            out.flush().unwrap();
        });
    });
    g.bench_function("extract_json", |b| {
        b.iter(|| {
            let found = extract::extract_document(&doc);
            let mut out = BufWriter::new(std::io::sink());
            let (entities, quotes) = (&found.entities, &found.quotes);
            dramatis_json::write_document_line_on(&mut out, &doc, entities, quotes, &norms, 1)
                .unwrap();
            black_box(out.flush())
        });
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
