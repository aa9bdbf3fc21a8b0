//! PDF to text: an investor-relations transcript as published.
//!
//! The text of each page comes from `pdf-extract` (pure Rust, on `lopdf`; chosen over
//! `lopdf`'s own extraction, `unpdf`, `pdf_oxide` and `oxidize-pdf` because it keeps the
//! PDF's lines in reading order, which is what tells a speaker's line from speech). The
//! library still panics on some damaged files, so extraction runs under `catch_unwind` with
//! the panic kept quiet ([`extracting`] tells a panic hook to stay out of it).
//!
//! Then what PDFs add is cleaned away, page by page: running headers and footers (lines that
//! recur at the top or bottom of most pages, numbers aside), page numbers (`Page 2 of 13`, a
//! number alone), copyright lines, letter-spaced words (`T R A N S C R I P T`), dotted and
//! dashed rules (a paragraph break), the `Q`/`A` margin markers at the end of a speaker's
//! line, runs of spaces from justified text, and ligature characters (`ﬁ` → `fi`, and a lost
//! ligature between letters read as `fi`). Pages are joined line to line, so a sentence that
//! runs over a page break is joined by the parser's reading of hard-wrapped text.

use std::cell::Cell;
use std::collections::HashMap;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

/// Why a PDF gave no text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfError {
    /// Locked with a password.
    Encrypted,
    /// Not a readable PDF: what went wrong.
    Damaged(String),
}

/// True when `bytes` are a PDF: `%PDF-` at the start, or within the first kilobyte (as
/// readers accept it) of a file that ends as a PDF does (`%%EOF`).
pub fn looks_like_pdf(bytes: &[u8]) -> bool {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(0);
    if bytes[start..].starts_with(b"%PDF-") {
        return true;
    }
    let head = &bytes[..bytes.len().min(1024)];
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    head.windows(5).any(|w| w == b"%PDF-") && tail.windows(5).any(|w| w == b"%%EOF")
}

thread_local! {
    static EXTRACTING: Cell<bool> = const { Cell::new(false) };
}

/// True while this thread extracts a PDF's text: a panic now is the PDF library's, caught
/// and reported as a damaged file, so a panic hook should neither print nor restore anything.
pub fn extracting() -> bool {
    EXTRACTING.with(Cell::get)
}

/// Installs (once) a panic hook that keeps quiet about panics caught during extraction and
/// hands every other panic to the hook that was there before.
fn quiet_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !extracting() {
                previous(info);
            }
        }));
    });
}

/// The text of each page, in order.
pub fn pages(bytes: &[u8]) -> Result<Vec<String>, PdfError> {
    quiet_hook();
    EXTRACTING.with(|e| e.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(|| extract(bytes)));
    EXTRACTING.with(|e| e.set(false));
    result.unwrap_or_else(|_| Err(PdfError::Damaged("its contents cannot be read".into())))
}

/// Extracts every page (a page that fails fails the whole file: no silent gaps).
fn extract(bytes: &[u8]) -> Result<Vec<String>, PdfError> {
    use pdf_extract::{Document, Error, PlainTextOutput, output_doc_page};
    let mut doc = Document::load_mem(bytes).map_err(|e| PdfError::Damaged(brief(&e)))?;
    if doc.is_encrypted() {
        // A PDF with only an owner password opens with the empty user password.
        match doc.decrypt("") {
            Ok(()) => {}
            Err(Error::Decryption(_)) => return Err(PdfError::Encrypted),
            Err(e) => return Err(PdfError::Damaged(brief(&e))),
        }
    }
    let mut pages = Vec::new();
    for &num in doc.get_pages().keys() {
        let mut text = String::new();
        output_doc_page(&doc, &mut PlainTextOutput::new(&mut text), num)
            .map_err(|e| PdfError::Damaged(format!("page {num}: {}", brief(&e))))?;
        pages.push(text);
    }
    Ok(pages)
}

/// A library error as a short phrase.
fn brief(e: &dyn std::fmt::Display) -> String {
    let s = e.to_string();
    let s = s.lines().next().unwrap_or_default();
    s.chars().take(120).collect()
}

/// The transcript's text from the pages of a PDF, without what the PDF added.
pub fn to_text(pages: &[String]) -> String {
    let pages: Vec<Vec<String>> = pages.iter().map(|p| page_lines(p)).collect();
    let running = running_lines(&pages);
    let mut out = String::new();
    for (p, page) in pages.iter().enumerate() {
        let n = page.len();
        // The first page's heading block is the call's title, even where it runs on.
        let mut heading = p == 0;
        let mut kept: Vec<&str> = Vec::with_capacity(n);
        for (i, line) in page.iter().enumerate() {
            let edge = i < EDGE || i + EDGE >= n;
            if line.is_empty() {
                kept.push("");
                continue;
            }
            if is_page_furniture(line) {
                continue;
            }
            let runs = edge && running.contains_key(&shape(line));
            heading &= runs;
            if runs && !heading {
                continue;
            }
            // A rule between turns is a paragraph break.
            kept.push(if is_rule(line) { "\n" } else { line });
        }
        // Blank lines at a page's top and bottom are the page's margins, not breaks.
        let first = kept
            .iter()
            .position(|l| !l.is_empty())
            .unwrap_or(kept.len());
        let last = kept
            .iter()
            .rposition(|l| !l.is_empty())
            .map_or(first, |l| l + 1);
        for line in &kept[first..last] {
            out.push_str(line);
            out.push('\n');
        }
    }
    blank_lines_as_breaks(&out)
}

/// Lines from the top or bottom of a page where running headers and footers stand.
const EDGE: usize = 5;

/// A page's lines: spaces run together, ligatures spelled out, `Q`/`A` markers off.
fn page_lines(page: &str) -> Vec<String> {
    page.lines()
        .map(|l| {
            let l = spell_ligatures(without_margin_marker(l.trim_end()));
            unspaced(&l).unwrap_or_else(|| l.split_whitespace().collect::<Vec<_>>().join(" "))
        })
        .collect()
}

/// A letter-spaced heading set one letter at a time, words apart by wider gaps
/// (`1 Q 2 3   F I N A N C I A L   R E S U L T S`), as it reads (`1Q23 FINANCIAL RESULTS`).
fn unspaced(line: &str) -> Option<String> {
    let groups: Vec<&str> = line
        .split("  ")
        .map(str::trim)
        .filter(|g| !g.is_empty())
        .collect();
    let spaced = |g: &&str| g.split(' ').all(|c| c.chars().count() == 1);
    let letters: usize = groups.iter().map(|g| g.split(' ').count()).sum();
    (letters >= 4 && groups.iter().all(spaced)).then(|| {
        groups
            .iter()
            .map(|g| g.replace(' ', ""))
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// `ﬁ` → `fi` and the like; a character lost between two letters (U+FFFD, where a font
/// had no mapping for a ligature) → `fi`, the commonest ligature.
fn spell_ligatures(line: &str) -> String {
    if line.is_ascii() {
        return line.to_string();
    }
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    for (i, &c) in chars.iter().enumerate() {
        match c {
            'ﬀ' => out.push_str("ff"),
            'ﬁ' => out.push_str("fi"),
            'ﬂ' => out.push_str("fl"),
            'ﬃ' => out.push_str("ffi"),
            'ﬄ' => out.push_str("ffl"),
            'ﬅ' | 'ﬆ' => out.push_str("st"),
            '\u{FFFD}'
                if i > 0
                    && chars[i - 1].is_alphabetic()
                    && chars.get(i + 1).is_some_and(|c| c.is_alphabetic()) =>
            {
                out.push_str("fi");
            }
            c => out.push(c),
        }
    }
    out
}

/// A speaker's line with the margin marker PDFs print apart from it (`Analyst, Firm   Q`,
/// after a gap of spaces): the line without it (who asks is read from the line itself and
/// the call).
fn without_margin_marker(line: &str) -> &str {
    match line.strip_suffix(['Q', 'A']) {
        Some(rest) if rest.ends_with("  ") && rest.split_whitespace().count() >= 2 => rest,
        _ => line,
    }
}

/// A line's shape for comparing page edges: digits dropped (page numbers, dates vary).
fn shape(line: &str) -> String {
    line.chars().filter(|c| !c.is_ascii_digit()).collect()
}

/// The shapes of lines that recur at the edges of at least half of the pages (three at
/// least): running headers and footers.
fn running_lines(pages: &[Vec<String>]) -> HashMap<String, usize> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for page in pages {
        let n = page.len();
        let mut on_page: Vec<String> = page
            .iter()
            .enumerate()
            .filter(|(i, l)| !l.is_empty() && (*i < EDGE || i + EDGE >= n))
            .map(|(_, l)| shape(l))
            .collect();
        on_page.sort();
        on_page.dedup();
        for s in on_page {
            *seen.entry(s).or_default() += 1;
        }
    }
    let need = (pages.len() / 2).max(3);
    seen.retain(|s, n| *n >= need && !s.trim().is_empty());
    seen
}

/// Page numbers, copyright lines and letter-spaced words, wherever they stand.
fn is_page_furniture(line: &str) -> bool {
    let lower = line.to_lowercase();
    let words: Vec<&str> = line.split_whitespace().collect();
    let page_of = page_of_pages(&words)
        || matches!(words.as_slice(), ["Page" | "page" | "PAGE", n] if number(n))
        || matches!(words.as_slice(), [n, "/", m] if number(n) && number(m))
        || matches!(words.as_slice(), [n] if number(n) && n.len() <= 4);
    let copyright = (lower.starts_with("copyright") || lower.starts_with('©')) && words.len() <= 14;
    page_of || copyright || letter_spaced(&words)
}

/// A word of digits.
fn number(w: &str) -> bool {
    !w.is_empty() && w.chars().all(|c| c.is_ascii_digit())
}

/// `Page 2 of 13`.
fn page_of_pages(words: &[&str]) -> bool {
    matches!(words, ["Page" | "page" | "PAGE", n, "of" | "OF", m] if number(n) && number(m))
}

/// `T R A N S C R I P T`, `1 Q 2 3`: a word set one letter at a time.
fn letter_spaced(words: &[&str]) -> bool {
    words.len() >= 4 && words.iter().all(|w| w.chars().count() == 1)
}

/// Text copied out of a PDF (every page's furniture kept as lines) without its page numbers:
/// `Page 2 of 13` lines, numbers alone on their lines that count up through the file, and
/// letter-spaced words that recur. Where the copy marks its page breaks (`=== PAGE 9 ===`,
/// a form feed), the running headers and footers go too (see [`drop_page_edges`]). Text
/// without any of them comes back unchanged.
pub fn drop_copied_furniture(text: &str) -> std::borrow::Cow<'_, str> {
    // A form feed starts a page: on a line of its own, it is a page break like any other.
    let split = if text.contains('\u{c}') {
        text.replace('\u{c}', "\n\u{c}\n")
    } else {
        String::new()
    };
    let original = text;
    let text = if split.is_empty() { text } else { &split };
    let lines: Vec<&str> = text.lines().collect();
    let trimmed: Vec<&str> = lines.iter().map(|l| l.trim()).collect();
    let mut drop = vec![false; lines.len()];
    drop_page_edges(&trimmed, &mut drop);
    // A page's number right under its break (`=== PAGE 18 ===` then `18`) is alone too.
    let blank = |i: Option<usize>| {
        i.is_none_or(|i| {
            trimmed
                .get(i)
                .is_none_or(|l| l.is_empty() || page_marker(l))
        })
    };
    let alone = |i: usize| blank(i.checked_sub(1)) && blank(Some(i + 1));
    // Numbers alone between blank lines, counting up: page numbers.
    let numbers: Vec<(usize, u32)> = trimmed
        .iter()
        .enumerate()
        .filter(|(i, l)| {
            (1..=4).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_digit()) && alone(*i)
        })
        .filter_map(|(i, l)| Some((i, l.parse().ok()?)))
        .collect();
    let rising = numbers.windows(2).filter(|w| w[1].1 > w[0].1).count();
    if numbers.len() >= 3 && rising * 10 >= (numbers.len() - 1) * 8 {
        for (i, _) in &numbers {
            drop[*i] = true;
        }
    }
    let furniture: Vec<usize> = trimmed
        .iter()
        .enumerate()
        .filter(|(_, l)| {
            // `Page …` or a first word of one character: nothing else can be either.
            let maybe =
                l.starts_with(['P', 'p']) || l.chars().nth(1).is_some_and(char::is_whitespace);
            maybe && {
                let words: Vec<&str> = l.split_whitespace().collect();
                page_of_pages(&words) || letter_spaced(&words)
            }
        })
        .map(|(i, _)| i)
        .collect();
    if furniture.len() >= 2 {
        for i in furniture {
            drop[i] = true;
        }
    }
    if !drop.contains(&true) {
        return if split.is_empty() {
            std::borrow::Cow::Borrowed(original)
        } else {
            std::borrow::Cow::Owned(split.clone())
        };
    }
    let mut out = String::with_capacity(text.len());
    for (i, l) in lines.iter().enumerate() {
        if !drop[i] {
            out.push_str(l);
            out.push('\n');
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A line that stands for a page break in text copied out of a PDF: `=== PAGE 9 ===`,
/// `--- Page 9 of 20 ---`, `[Page 9]` (the page's number set off by rules or brackets), or
/// a form feed.
fn page_marker(line: &str) -> bool {
    if line == "\u{c}" {
        return true;
    }
    let inner = line.trim_matches(|c: char| !c.is_alphanumeric());
    // Both shapes start with the word for page.
    if !inner
        .get(..4)
        .is_some_and(|w| w.eq_ignore_ascii_case("page"))
    {
        return false;
    }
    let words: Vec<&str> = inner.split_whitespace().collect();
    inner.len() < line.len()
        && (matches!(words.as_slice(), [p, n] if p.eq_ignore_ascii_case("page") && number(n))
            || page_of_pages(&words))
}

/// Page breaks marked in copied text (three at least): the markers go, and so do the lines
/// that run at the top or at the bottom of at least half of the pages (numbers aside),
/// counted from the break inwards and stopping at the first line that does not run (a
/// speaker's name at the foot of a page is not furniture). Where a page ends mid-sentence,
/// the blank lines at the break go with them, so the sentence runs on into the next page.
fn drop_page_edges(lines: &[&str], drop: &mut [bool]) {
    let markers: Vec<usize> = (0..lines.len())
        .filter(|&i| page_marker(lines[i]))
        .collect();
    if markers.len() < 3 {
        return;
    }
    let mut pages = Vec::with_capacity(markers.len() + 1);
    let mut start = 0;
    for &m in &markers {
        pages.push(start..m);
        drop[m] = true;
        start = m + 1;
    }
    pages.push(start..lines.len());
    // A page's first (or last) lines with text, from the break inwards.
    let edge = |page: &std::ops::Range<usize>, top: bool| -> Vec<usize> {
        let filled = page.clone().filter(|&i| !lines[i].is_empty());
        if top {
            filled.take(EDGE).collect()
        } else {
            let mut v: Vec<usize> = filled.collect();
            v.drain(..v.len().saturating_sub(EDGE));
            v.reverse();
            v
        }
    };
    let page_shape = |i: usize| shape(lines[i]).trim().to_string();
    let need = (pages.len() / 2).max(3);
    for top in [true, false] {
        let mut seen: HashMap<String, usize> = HashMap::new();
        for page in &pages {
            let mut shapes: Vec<String> = edge(page, top).into_iter().map(page_shape).collect();
            shapes.sort();
            shapes.dedup();
            for s in shapes {
                *seen.entry(s).or_default() += 1;
            }
        }
        for page in &pages {
            for i in edge(page, top) {
                let s = page_shape(i);
                if s.is_empty() || seen.get(&s).is_none_or(|n| *n < need) {
                    break;
                }
                drop[i] = true;
            }
        }
    }
    for w in pages.windows(2) {
        let (before, after) = (&w[0], &w[1]);
        let last = before
            .clone()
            .rev()
            .find(|&i| !drop[i] && !lines[i].is_empty());
        let ends_sentence = last.is_none_or(|i| {
            lines[i].ends_with(['.', '?', '!', ':', '"', '\'', '\u{201d}', '\u{2019}', ')'])
        });
        if ends_sentence {
            continue;
        }
        for i in before.clone().rev() {
            if !(drop[i] || lines[i].is_empty()) {
                break;
            }
            drop[i] = true;
        }
        for i in after.clone() {
            if !(drop[i] || lines[i].is_empty()) {
                break;
            }
            drop[i] = true;
        }
    }
}

/// A rule of dots, dashes or underscores (a separator between turns).
fn is_rule(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    t.chars().count() >= 5
        && t.chars()
            .all(|c| matches!(c, '.' | '…' | '-' | '_' | '—' | '–' | '·'))
}

/// Blank lines as the PDF meant them: when a blank line follows almost every line (some
/// extractions space every line), single blanks are only line breaks and wider gaps the
/// paragraph breaks; otherwise the text is left as it is.
fn blank_lines_as_breaks(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let filled = lines.iter().filter(|l| !l.is_empty()).count();
    let single_gaps = lines
        .windows(3)
        .filter(|w| !w[0].is_empty() && w[1].is_empty() && !w[2].is_empty())
        .count();
    let mut out = String::with_capacity(text.len());
    if filled >= 20 && single_gaps * 10 >= filled * 8 {
        let mut blanks = 0;
        for l in &lines {
            if l.is_empty() {
                blanks += 1;
                continue;
            }
            if !out.is_empty() {
                out.push_str(if blanks >= 2 { "\n\n" } else { "\n" });
            }
            out.push_str(l);
            blanks = 0;
        }
        out.push('\n');
        return out;
    }
    text.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn running_headers_page_numbers_and_rules_go() {
        let page = |n: usize, body: &str| {
            format!(
                "T R A N S C R I P T\nAcme First Quarter 2026 Earnings Review\nApril 14, 2026\n{body}\nCopyright © 2026 Acme Inc.     {n}\nPage {n} of 3\n"
            )
        };
        let pages = vec![
            page(
                1,
                "Operator\nWelcome to the call. Revenue grew in the first\n",
            ),
            page(
                2,
                "quarter.\n.............................................\nJane Roe\nAnalyst, Harbor Bank  Q\nHow is demand?",
            ),
            page(
                3,
                "Sam Lee\nChief Financial Officer, Acme Inc.  A\nIt is strong, and the ﬁrst signs are good. Signi\u{FFFD}cant, too.",
            ),
        ];
        let text = to_text(&pages);
        // The running heading stays once, as the title at the top (letter-spacing undone).
        assert!(
            text.starts_with(
                "TRANSCRIPT\nAcme First Quarter 2026 Earnings Review\nApril 14, 2026\nOperator\n"
            ),
            "{text}"
        );
        assert_eq!(text.matches("Earnings Review").count(), 1, "{text}");
        assert_eq!(text.matches("TRANSCRIPT").count(), 1, "{text}");
        for chrome in ["T R A N S C R I P T", "Copyright", "Page "] {
            assert!(!text.contains(chrome), "{chrome:?} in {text}");
        }
        assert!(
            text.contains("Revenue grew in the first\nquarter.\n"),
            "{text}"
        );
        assert!(
            text.contains("\n\nJane Roe\nAnalyst, Harbor Bank\nHow is demand?"),
            "{text}"
        );
        assert!(
            text.contains("Chief Financial Officer, Acme Inc.\n"),
            "{text}"
        );
        assert!(
            text.contains("the first signs are good. Significant, too."),
            "{text}"
        );
    }

    #[test]
    fn letter_spaced_headings_read_as_words() {
        assert_eq!(
            unspaced("1 Q 2 3   F I N A N C I A L   R E S U L T S  ").as_deref(),
            Some("1Q23 FINANCIAL RESULTS")
        );
        assert_eq!(
            unspaced("T R A N S C R I P T").as_deref(),
            Some("TRANSCRIPT")
        );
        assert_eq!(unspaced("Q & A"), None);
        assert_eq!(unspaced("A new   line"), None);
    }

    #[test]
    fn a_blank_after_every_line_is_a_line_break() {
        let mut body = String::new();
        for i in 0..12 {
            body.push_str(&format!("line {i} of the first paragraph\n\n"));
        }
        body.push('\n');
        for i in 0..12 {
            body.push_str(&format!("line {i} of the second\n\n"));
        }
        let text = to_text(&[body]);
        assert!(
            text.contains("line 0 of the first paragraph\nline 1 of the first"),
            "{text}"
        );
        assert!(
            text.contains("line 11 of the first paragraph\n\nline 0 of the second"),
            "{text}"
        );
    }

    #[test]
    fn page_numbers_copied_into_text_go() {
        let text = "Revenue grew.\n\n2\n\nMargins held.\nPage 3 of 9\nCosts fell.\n\n3\n\nWe had 4\n\n4\n\nT R A N S C R I P T\nEnd.\nPage 4 of 9\n";
        assert_eq!(
            drop_copied_furniture(text),
            "Revenue grew.\n\n\nMargins held.\nCosts fell.\n\n\nWe had 4\n\n\nEnd.\n"
        );
        // A number alone once, or numbers that do not count up, are left alone.
        let plain = "Question one.\n\n7\n\nAnswer.\n";
        assert_eq!(drop_copied_furniture(plain), plain);
    }

    #[test]
    fn a_page_number_right_under_a_marked_break_goes() {
        let speech = [
            "Jo Park: Sales grew.",
            "Al Ng: Thanks.",
            "Jo Park: Costs fell.",
        ];
        let mut text = String::new();
        for page in 1..=6 {
            // The number with a space after it, a line of one space under it.
            text.push_str(&format!("=== PAGE {page} ===\n{page} \n \n"));
            text.push_str(&format!("{}\n\n", speech[page % 3]));
        }
        let kept = drop_copied_furniture(&text);
        let lines: Vec<&str> = kept.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(lines.len(), 6, "{lines:?}");
        assert!(lines.iter().all(|l| l.contains(':')), "{lines:?}");
    }

    #[test]
    fn damaged_pdfs_are_errors_not_panics() {
        assert!(looks_like_pdf(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"));
        assert!(looks_like_pdf(b"junk\n%PDF-1.4\n1 0 obj\n%%EOF\n"));
        assert!(!looks_like_pdf(
            b"Operator: a file that names %PDF- in its text.\n"
        ));
        assert!(matches!(
            pages(b"%PDF-1.4\ngarbage garbage"),
            Err(PdfError::Damaged(_))
        ));
        assert!(matches!(pages(b"%PDF-"), Err(PdfError::Damaged(_))));
        assert!(!extracting());
    }
}
