//! Layout + reconstruction per page, on pages extracted once from a sample
//! PDF (extraction itself is measured by `scripts/bench` end to end).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};

use pifu::extract::pdf::extract_pdf;
use pifu::layout::pdf::layout_pages;
use pifu::reconstruct::reconstruct;

const SAMPLE: &str = "samples/pdf/ezhou-data-bureau-2026.reportlab-cid.pdf";

fn pipeline(c: &mut Criterion) {
    let bytes = std::fs::read(SAMPLE).unwrap_or_default();
    let Ok(pages) = extract_pdf(&bytes) else {
        eprintln!("{SAMPLE} not readable; nothing to measure");
        return;
    };
    let n = pages.len().max(1) as u64;
    let mut group = c.benchmark_group("per_document");
    group.throughput(criterion::Throughput::Elements(n));
    group.bench_function("layout", |b| b.iter(|| layout_pages(black_box(&pages))));
    let layout = layout_pages(&pages);
    group.bench_function("reconstruct", |b| {
        b.iter(|| reconstruct(black_box(&layout)))
    });
    group.bench_function("extract", |b| b.iter(|| extract_pdf(black_box(&bytes))));
    group.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
