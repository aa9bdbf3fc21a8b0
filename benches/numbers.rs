//! The cost of finding, pairing and checking every figure of a call, as the reader does once
//! when it opens one: the built-in sample, and the sample's turns repeated to about 5 MB.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use tandem::numbers::analyze;
use tandem::{Block, Transcript};

/// The UTF-8 size of a transcript's paragraphs.
fn text_len(t: &Transcript) -> usize {
    let para = |b: &Block| match b {
        Block::Para { en, zh } => {
            en.as_ref().map_or(0, String::len) + zh.as_ref().map_or(0, String::len)
        }
        Block::Note { note } => note.len(),
    };
    t.turns.iter().flat_map(|turn| &turn.blocks).map(para).sum()
}

/// The sample with its turns repeated until its paragraphs hold at least `bytes`.
fn grown(bytes: usize) -> Transcript {
    let sample = tandem::call::load_sample();
    let mut t = sample.clone();
    while text_len(&t) < bytes {
        t.turns.extend(sample.turns.iter().cloned());
    }
    t
}

/// Benchmarks `analyze` on the sample and on a 5 MB call.
fn bench(c: &mut Criterion) {
    let sample = tandem::call::load_sample();
    c.bench_function("analyze sample", |b| b.iter(|| analyze(black_box(&sample))));
    let big = grown(5 << 20);
    eprintln!(
        "5 MB call: {} bytes of paragraphs, {} turns",
        text_len(&big),
        big.turns.len()
    );
    let mut group = c.benchmark_group("analyze 5 MB");
    group.sample_size(10);
    group.bench_function("analyze 5 MB", |b| b.iter(|| analyze(black_box(&big))));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
