use std::time::Instant;
use tandem::call::{load, Options};
use tandem::transcript::Block;
fn main() {
    for f in std::env::args().skip(1) {
        let t = load(std::path::Path::new(&f), &Options::default()).unwrap();
        let t0 = Instant::now();
        let mut n = 0;
        for turn in &t.turns { for b in &turn.blocks { if let Block::Para{en,zh} = b {
            if let Some(e) = en { n += tandem::numbers::extract(e, tandem::Lang::En).len(); }
            if let Some(z) = zh { n += tandem::numbers::extract(z, tandem::Lang::Zh).len(); }
        }}}
        let t1 = Instant::now();
        let _ = load(std::path::Path::new(&f), &Options::default()).unwrap();
        println!("{f}: {n} figures in {:.2} ms; parse warm {:.2} ms", (t1-t0).as_secs_f64()*1e3, t1.elapsed().as_secs_f64()*1e3);
    }
}
