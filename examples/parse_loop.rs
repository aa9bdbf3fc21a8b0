//! Parses a file repeatedly (100 times, or as often as the second argument says) and prints
//! the time per parse (for profiling).
fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let times: u32 = std::env::args()
        .nth(2)
        .map_or(100, |n| n.parse().expect("a count"));
    let text = std::fs::read_to_string(path).expect("readable");
    let start = std::time::Instant::now();
    for _ in 0..times {
        std::hint::black_box(tandem::transcript::parse(&text));
    }
    eprintln!("{:?} per parse", start.elapsed() / times);
}
