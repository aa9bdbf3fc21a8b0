//! Opening transcripts in containers: a 100-page PDF and a 500 KB saved web page (decode,
//! take the text out of its container, parse), built from the built-in sample.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tandem::call::SAMPLE;

#[path = "../tests/pdf_support/mod.rs"]
mod pdf_support;

/// The sample's call (its English lines) repeated until there are `n` lines.
fn call_lines(n: usize) -> Vec<String> {
    let english: Vec<&str> = SAMPLE
        .lines()
        .filter(|l| !l.trim().is_empty() && l.is_ascii())
        .collect();
    english
        .iter()
        .cycle()
        .take(n)
        .map(|l| l.to_string())
        .collect()
}

/// A 100-page PDF of the sample's call, 45 lines a page under a running header and over a
/// page number.
fn hundred_page_pdf() -> Vec<u8> {
    let lines = call_lines(100 * 45);
    let pages: Vec<Vec<String>> = lines
        .chunks(45)
        .enumerate()
        .map(|(n, chunk)| {
            let mut page = vec!["ACME CORP Q3 2026 EARNINGS CALL".to_string()];
            // PDF lines are short: wrap long ones at 90 characters.
            for line in chunk {
                let mut rest = line.as_str();
                while rest.len() > 90 {
                    let cut = rest[..90].rfind(' ').unwrap_or(90);
                    page.push(rest[..cut].to_string());
                    rest = rest[cut..].trim_start();
                }
                page.push(rest.to_string());
            }
            page.push(format!("Page {} of 100", n + 1));
            page
        })
        .collect();
    pdf_support::pdf(&pages)
}

/// A saved page of about 500 KB: head, menu, sidebar and the sample's call as paragraphs.
fn page_500kb() -> String {
    let mut page = String::from(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Acme Q3 2026 Earnings Call Transcript | Site</title>\
         <meta property=\"og:site_name\" content=\"Site\"><script>var a = [1, 2, 3];</script></head><body>\
         <nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/m\">Markets</a></li></ul></nav><div class=\"article\">",
    );
    let lines = call_lines(200);
    for line in lines.iter().cycle() {
        if page.len() > 500_000 {
            break;
        }
        let escaped = line.replace('&', "&amp;").replace('<', "&lt;");
        if line.len() < 40 {
            page.push_str(&format!("<p><strong>{escaped}</strong></p>\n"));
        } else {
            page.push_str(&format!("<p>{escaped}</p>\n"));
        }
    }
    page.push_str("</div><aside><h2>Related</h2><ul><li><a href=\"/r\">More</a></li></ul></aside></body></html>");
    page
}

fn containers(c: &mut Criterion) {
    let mut group = c.benchmark_group("open");
    group.sample_size(20);
    let pdf = hundred_page_pdf();
    group.throughput(Throughput::Bytes(pdf.len() as u64));
    group.bench_function("pdf/100 pages", |b| {
        b.iter(|| {
            tandem::ingest::decode(black_box(&pdf), None)
                .map(|d| tandem::transcript::parse(&d.text))
        })
    });
    let page = page_500kb();
    group.throughput(Throughput::Bytes(page.len() as u64));
    group.bench_function("html/500KB", |b| {
        b.iter(|| {
            tandem::ingest::decode(black_box(page.as_bytes()), None)
                .map(|d| tandem::transcript::parse(&d.text))
        })
    });
    group.finish();
}

criterion_group!(benches, containers);
criterion_main!(benches);
