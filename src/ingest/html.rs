//! HTML to text: a saved web page, or HTML inside Markdown as Chinese reposts carry it.
//! Parsed with a real HTML parser (html5ever through `scraper`); block elements become
//! paragraphs, `<br>` a line break; scripts, styles, navigation, headers, footers, asides and
//! forms are dropped; short bold runs keep their `**` as label evidence for the parser (a
//! `<strong>Name：</strong>` label). Entities are decoded by the parser. Text outside any block
//! element (Markdown around the HTML) keeps its own line breaks.

use scraper::{ElementRef, Html, Node};

/// Elements whose content is never the transcript.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button", "svg",
    "iframe", "template", "head", "select", "canvas", "video", "audio", "object",
];

/// Elements that stand as paragraphs of their own.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "dl",
    "figure",
    "figcaption",
    "hr",
    "address",
    "body",
    "center",
];

/// Bold runs longer than this are emphasis, not labels: their `**` is dropped.
const LABEL_CHARS: usize = 60;

/// True when `text` is HTML (a page, or enough markup inside Markdown to be read as HTML).
pub fn looks_like_html(text: &str) -> bool {
    if !text.contains('<') {
        return false;
    }
    let head: String = text
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.contains("<!doctype html") || head.contains("<html") {
        return true;
    }
    let lower = text.to_ascii_lowercase();
    let closing = ["</p>", "</div>", "<br", "</li>", "</h1>", "</h2>", "</h3>"]
        .iter()
        .map(|t| lower.matches(t).count())
        .sum::<usize>();
    closing >= 3
}

/// The visible text of an HTML document, paragraphs separated by blank lines.
pub fn to_text(html: &str) -> String {
    let doc = Html::parse_document(html);
    let mut out = String::with_capacity(html.len() / 2);
    walk(doc.root_element(), &mut out, false);
    tidy(&out)
}

/// Appends what `el` shows to `out`; `in_block` when inside a block element (where source
/// line breaks are only spaces).
fn walk(el: ElementRef<'_>, out: &mut String, in_block: bool) {
    let name = el.value().name();
    if DROPPED.contains(&name) {
        return;
    }
    let block = BLOCKS.contains(&name);
    if name == "br" {
        out.push('\n');
        return;
    }
    if block {
        out.push_str("\n\n");
    }
    let bold = matches!(name, "strong" | "b");
    let bold_text = bold.then(|| el.text().collect::<String>());
    let mark = bold_text
        .as_deref()
        .is_some_and(|t| !t.trim().is_empty() && t.trim().chars().count() <= LABEL_CHARS);
    if mark {
        out.push_str("**");
    }
    let inner_block = in_block || (block && name != "body");
    for child in el.children() {
        match child.value() {
            Node::Text(t) => push_text(out, t, inner_block || name == "pre"),
            Node::Element(_) => {
                if let Some(c) = ElementRef::wrap(child) {
                    walk(c, out, inner_block);
                }
            }
            _ => {}
        }
    }
    if mark {
        out.push_str("**");
    }
    if block {
        out.push_str("\n\n");
    }
}

/// Appends a text node: inside a block, runs of whitespace (line breaks too) are one space;
/// outside (Markdown around the HTML), line breaks are kept.
fn push_text(out: &mut String, text: &str, in_block: bool) {
    if in_block {
        let mut space = out.ends_with([' ', '\n']) || out.is_empty();
        for c in text.chars() {
            if c.is_whitespace() {
                if !space {
                    out.push(' ');
                    space = true;
                }
            } else {
                out.push(c);
                space = false;
            }
        }
    } else {
        out.push_str(text);
    }
}

/// Lines trimmed, at most one blank line between paragraphs.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line == "****" {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        out.push_str(line);
        blank = 0;
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_becomes_its_paragraphs_without_chrome() {
        let page = "<!DOCTYPE html><html><head><title>t</title><script>var x = 1;</script></head>\
            <body><nav><a href='/'>Latest Stock Picks</a></nav>\
            <article><h1>Acme Q1 2026 Earnings Call</h1>\
            <p><strong>Operator:</strong> Good morning &amp; welcome.</p>\
            <p>Our first question comes from\n   Ann Lee with Northwind.<br>Please go ahead.</p>\
            <p><b>Ann Lee:</b> Thanks.</p></article>\
            <footer>Copyright</footer><aside>Related articles</aside></body></html>";
        let text = to_text(page);
        assert_eq!(
            text,
            "Acme Q1 2026 Earnings Call\n\n**Operator:** Good morning & welcome.\n\n\
             Our first question comes from Ann Lee with Northwind.\nPlease go ahead.\n\n\
             **Ann Lee:** Thanks.\n"
        );
        assert!(looks_like_html(page));
    }

    #[test]
    fn markdown_around_html_keeps_its_lines() {
        let md = "---\ntitle: 'A call'\ndate: 2026-07-28\n---\n<div>\n<p data-x=\"1\">主持人：欢迎。</p>\n\
            <p>分析师 Ann Lee：请问需求如何？</p>\n<p>王志远：需求稳定。</p>\n</div>\n";
        assert!(looks_like_html(md));
        let text = to_text(md);
        assert!(
            text.starts_with("---\ntitle: 'A call'\ndate: 2026-07-28\n---\n"),
            "{text}"
        );
        assert!(
            text.contains("主持人：欢迎。\n\n分析师 Ann Lee：请问需求如何？\n\n王志远：需求稳定。")
        );
    }

    #[test]
    fn plain_transcripts_are_not_html() {
        assert!(!looks_like_html(
            "Operator: Welcome. Use <b> for bold? No.\nJane Doe: Thanks.\n"
        ));
    }
}
