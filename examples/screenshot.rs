//! A screenshot of the real reader: the release binary runs in a pseudo-terminal, keys are
//! typed, and the screen a terminal emulator (vt100) holds is written as an SVG, cell by cell,
//! in its colours.
//!
//! ```sh
//! cargo build --release
//! cargo run --release --example screenshot -- OUT.svg COLS ROWS "KEYS" [FILE...]
//! cargo run --release --example screenshot -- assets/screenshot.svg 132 34 "]j"
//! ```
//!
//! KEYS are typed one at a time after the first frame (none: `""`); no FILE opens the
//! built-in sample. A fresh config directory is used, so nothing of the user's shows.

use std::fmt::Write as _;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// Cell size in the SVG, in pixels.
const CW: f64 = 8.4;
const CH: f64 = 18.0;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 4 {
        eprintln!("usage: screenshot OUT.svg COLS ROWS KEYS [FILE...]");
        std::process::exit(2);
    }
    let (out, cols, rows, keys) = (
        &args[0],
        args[1].parse::<u16>().expect("COLS"),
        args[2].parse::<u16>().expect("ROWS"),
        &args[3],
    );
    let tandem = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/tandem");
    assert!(tandem.exists(), "build first: cargo build --release");
    let config = tempfile::tempdir().unwrap();
    let pair = native_pty_system()
        .openpty(PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(&tandem);
    for f in &args[4..] {
        cmd.arg(std::fs::canonicalize(f).expect("FILE"));
    }
    cmd.env("TANDEM_CONFIG_DIR", config.path());
    cmd.env("TERM", "xterm-256color");
    cmd.env("COLORTERM", "truecolor");
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let parser = Arc::new(Mutex::new(vt100::Parser::new(
        std::num::NonZeroU16::new(rows).expect("ROWS > 0"),
        std::num::NonZeroU16::new(cols).expect("COLS > 0"),
        0,
    )));
    let last = Arc::new(Mutex::new(Instant::now()));
    let mut reader = pair.master.try_clone_reader().unwrap();
    {
        let (parser, last) = (parser.clone(), last.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                parser.lock().unwrap().process(&buf[..n]);
                *last.lock().unwrap() = Instant::now();
            }
        });
    }
    let mut writer = pair.master.take_writer().unwrap();
    settle(&last);
    for key in keys.chars() {
        write!(writer, "{key}").unwrap();
        writer.flush().unwrap();
        settle(&last);
    }
    let svg = svg(parser.lock().unwrap().screen(), cols, rows);
    write!(writer, "q").unwrap();
    writer.flush().unwrap();
    let _ = child.wait();
    std::fs::write(out, svg).unwrap();
    println!("wrote {out} ({cols}x{rows})");
}

/// Waits until nothing has been drawn for 400 ms (at most 10 s).
fn settle(last: &Mutex<Instant>) {
    let start = Instant::now();
    std::thread::sleep(Duration::from_millis(300));
    while last.lock().unwrap().elapsed() < Duration::from_millis(400)
        && start.elapsed() < Duration::from_secs(10)
    {
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The screen as an SVG: a background rectangle per run of cells with one background, and
/// each character at its cell (wide characters over two).
fn svg(screen: &vt100::Screen, cols: u16, rows: u16) -> String {
    let (w, h) = (f64::from(cols) * CW, f64::from(rows) * CH);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
         font-family=\"'DejaVu Sans Mono', Menlo, Consolas, 'Noto Sans Mono CJK SC', 'PingFang SC', monospace\" font-size=\"14\">"
    );
    let _ = writeln!(
        out,
        "<rect width=\"100%\" height=\"100%\" fill=\"{}\"/>",
        hex(DEFAULT_BG)
    );
    for row in 0..rows {
        let y = f64::from(row) * CH;
        let mut col = 0;
        while col < cols {
            let Some(cell) = screen.cell(row, col) else {
                col += 1;
                continue;
            };
            let (fg, bg) = colours(cell);
            let span = if cell.is_wide() { 2 } else { 1 };
            if bg != DEFAULT_BG {
                let _ = writeln!(
                    out,
                    "<rect x=\"{:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{CH}\" fill=\"{}\"/>",
                    f64::from(col) * CW,
                    f64::from(span) * CW,
                    hex(bg)
                );
            }
            let text = cell.contents().to_string();
            if !text.trim().is_empty() {
                let weight = if cell.bold() {
                    " font-weight=\"bold\""
                } else {
                    ""
                };
                let _ = writeln!(
                    out,
                    "<text x=\"{:.1}\" y=\"{:.1}\" fill=\"{}\"{weight} textLength=\"{:.1}\" lengthAdjust=\"spacingAndGlyphs\">{}</text>",
                    f64::from(col) * CW,
                    y + CH * 0.75,
                    hex(fg),
                    f64::from(span) * CW,
                    esc(&text)
                );
            }
            col += span;
        }
    }
    out.push_str("</svg>\n");
    out
}

const DEFAULT_FG: (u8, u8, u8) = (0xd8, 0xd8, 0xd8);
const DEFAULT_BG: (u8, u8, u8) = (0x1c, 0x1c, 0x1c);

/// A cell's foreground and background, inverse applied.
fn colours(cell: &vt100::Cell) -> ((u8, u8, u8), (u8, u8, u8)) {
    let fg = rgb(cell.fgcolor(), DEFAULT_FG);
    let bg = rgb(cell.bgcolor(), DEFAULT_BG);
    if cell.inverse() { (bg, fg) } else { (fg, bg) }
}

/// The xterm palette.
fn rgb(c: vt100::Color, default: (u8, u8, u8)) -> (u8, u8, u8) {
    const BASE: [(u8, u8, u8); 16] = [
        (0x1c, 0x1c, 0x1c),
        (0xcd, 0x3b, 0x3b),
        (0x4e, 0xb3, 0x5a),
        (0xd7, 0xb0, 0x4a),
        (0x4a, 0x8b, 0xd6),
        (0xb0, 0x6a, 0xc8),
        (0x3f, 0xb0, 0xb8),
        (0xc8, 0xc8, 0xc8),
        (0x6c, 0x6c, 0x6c),
        (0xf0, 0x5a, 0x5a),
        (0x6e, 0xd8, 0x7a),
        (0xf0, 0xd0, 0x6a),
        (0x6a, 0xab, 0xf6),
        (0xd0, 0x8a, 0xe8),
        (0x5f, 0xd0, 0xd8),
        (0xf4, 0xf4, 0xf4),
    ];
    match c {
        vt100::Color::Default => default,
        vt100::Color::Rgb(r, g, b) => (r, g, b),
        vt100::Color::Idx(i) if i < 16 => BASE[usize::from(i)],
        vt100::Color::Idx(i) if i < 232 => {
            let i = i - 16;
            let level = |v: u8| if v == 0 { 0 } else { 55 + v * 40 };
            (level(i / 36), level((i / 6) % 6), level(i % 6))
        }
        vt100::Color::Idx(i) => {
            let v = 8 + (i - 232) * 10;
            (v, v, v)
        }
    }
}

fn hex((r, g, b): (u8, u8, u8)) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
