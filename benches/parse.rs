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

/// One speaker's turn of `n` paragraphs in English and in Chinese.
fn long_turn(n: usize) -> (tandem::Transcript, tandem::Transcript) {
    let mut en = String::from("Acme Q3 2026 Earnings Call\n\nJane Roe - Chief Executive Officer\n");
    let mut zh = String::from("Acme 2026年第三季度财报电话会议\n\nJane Roe - 首席执行官\n");
    for k in 0..n {
        en.push_str(&format!(
            "\nItem {k}: revenue grew to ${k}.5 million, ahead of plan.\n"
        ));
        zh.push_str(&format!("\n第{k}项：收入增长至{k}.5百万美元，超出计划。\n"));
    }
    (
        tandem::transcript::parse(&en),
        tandem::transcript::parse(&zh),
    )
}

/// How aligning grows with the input: one turn of 200, 2,000 and 20,000 paragraphs a side
/// (linear past the exact table's bound, not quadratic).
fn align_growth(c: &mut Criterion) {
    let mut group = c.benchmark_group("align/one turn");
    group.sample_size(10);
    for n in [200, 2_000, 20_000] {
        let (en, zh) = long_turn(n);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_function(format!("{n} paragraphs"), |b| {
            b.iter(|| tandem::align::align(black_box(en.clone()), black_box(zh.clone())))
        });
    }
    group.finish();
}

criterion_group!(benches, parse, align, align_growth);
criterion_main!(benches);
