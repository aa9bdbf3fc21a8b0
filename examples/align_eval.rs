//! Prints paragraph-link precision, recall and F1 of the alignment on generated splits of the
//! bilingual fixtures, the sample, and (when present) the interleaved seeds in ../shared/seeds.
//!
//! cargo run --release --example align_eval

use std::path::Path;
use std::time::Instant;

use tandem::align::eval::{Score, score, split};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sources = vec![("sample".to_string(), tandem::call::load_sample())];
    for name in ["interleaved_participants.txt", "interleaved_doubled.txt"] {
        let path = root.join("tests/fixtures").join(name);
        sources.push((
            name.to_string(),
            tandem::call::load(&path, &tandem::call::Options::default()).expect("fixture"),
        ));
    }
    for name in ["003_7ef905fc3de871df.txt", "004_925dad6f64a5a1cf.txt"] {
        let path = root.join("../shared/seeds").join(name);
        if let Ok(t) = tandem::call::load(&path, &tandem::call::Options::default()) {
            sources.push((name.to_string(), t));
        }
    }
    let mut total = Score::default();
    println!(
        "{:<32} {:>6} {:>6} {:>6} {:>7} {:>9}",
        "source", "P", "R", "F1", "links", "align ms"
    );
    for (name, t) in &sources {
        let mut s = Score::default();
        let mut elapsed = 0.0;
        for seed in 1..=5 {
            let case = split(t, seed);
            let start = Instant::now();
            s.add(score(&case));
            elapsed += start.elapsed().as_secs_f64() * 1000.0 / 5.0;
        }
        println!(
            "{name:<32} {:>6.3} {:>6.3} {:>6.3} {:>7} {elapsed:>9.2}",
            s.precision(),
            s.recall(),
            s.f1(),
            s.truth
        );
        total.add(s);
    }
    println!(
        "{:<32} {:>6.3} {:>6.3} {:>6.3} {:>7}",
        "total",
        total.precision(),
        total.recall(),
        total.f1(),
        total.truth
    );
}
