//! Parse throughput and alignment cost: decoding and parsing a realistic transcript (the built-in sample, and the
//! sample repeated to ~100 KB, the size of a long bilingual call).

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tandem::call::SAMPLE;

/// The sample's text, its turns repeated until the text is at least `min` bytes.
fn enlarged(min: usize) -> String {
    let mut text = SAMPLE.to_string();
    let call_start = SAMPLE.find("\nOperator").unwrap_or(0);
    while text.len() < min {
        text.push_str(&SAMPLE[call_start..]);
    }
    text
}

fn parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    for (name, text) in [("sample", SAMPLE.to_string()), ("100KB", enlarged(100_000))] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| tandem::transcript::parse(black_box(&text)))
        });
        let bytes = text.as_bytes();
        group.bench_function(format!("{name}+decode"), |b| {
            b.iter(|| {
                tandem::ingest::decode(black_box(bytes), None)
                    .map(|d| tandem::transcript::parse(&d.text))
            })
        });
    }
    group.finish();
}

/// Aligning an English file with its Chinese translation (the sample, split and perturbed).
fn align(c: &mut Criterion) {
    let case = tandem::align::eval::split(&tandem::call::load_sample(), 1);
    let en = tandem::transcript::parse(&case.en_text);
    let zh = tandem::transcript::parse(&case.zh_text);
    c.bench_function("align/sample", |b| {
        b.iter(|| tandem::align::align(black_box(en.clone()), black_box(zh.clone())))
    });
}

criterion_group!(benches, parse, align);
criterion_main!(benches);
