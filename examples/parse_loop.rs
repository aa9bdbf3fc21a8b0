//! Parses a file repeatedly and prints the time per parse (for profiling).
fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let text = std::fs::read_to_string(path).expect("readable");
    let start = std::time::Instant::now();
    for _ in 0..100 {
        std::hint::black_box(tandem::transcript::parse(&text));
    }
    eprintln!("{:?} per parse", start.elapsed() / 100);
}
