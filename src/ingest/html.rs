//! HTML to text: a saved web page, or HTML inside Markdown as Chinese reposts carry it.
//! Parsed with a real HTML parser (html5ever through `scraper`); block elements become
//! paragraphs, `<br>` a line break; scripts, styles, navigation, headers, footers, asides and
//! forms are dropped; short bold runs keep their `**` as label evidence for the parser (a
//! `<strong>Name：</strong>` label). Entities are decoded by the parser. Text outside any block
//! element (Markdown around the HTML) keeps its own line breaks.
//!
//! A whole page (a `<!doctype html>` or `<html>` document) is cut to its article: the deepest
//! element that holds most of the page's prose (text outside links), which leaves out menus,
//! share bars, quote boxes and "related articles" wherever the site puts them. The page's own
//! metadata (JSON-LD `headline`/`datePublished`, `og:title`, `article:published_time`,
//! `<title>`) becomes YAML front matter ahead of the text, for the parser to read.

use std::collections::HashMap;

use ego_tree::NodeId;
use scraper::{ElementRef, Html, Node, Selector};

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

/// Share of a page's prose its article element must hold.
const ARTICLE_SHARE: f64 = 0.7;

/// The visible text of an HTML document, paragraphs separated by blank lines; for a whole
/// page, its article only, after front matter from the page's metadata.
pub fn to_text(html: &str) -> String {
    read(html).text
}

/// What a page gives the parser: its text, and the speakers' labels its markup marks as
/// such (`<span class="question">Name</span>`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    pub text: String,
    pub speakers: Vec<String>,
}

/// Reads an HTML document: see [`to_text`].
pub fn read(html: &str) -> Page {
    let doc = Html::parse_document(html);
    let mut out = Out {
        text: String::with_capacity(html.len() / 2),
        speakers: Vec::new(),
    };
    if is_page(html) {
        let meta = PageMeta::read(&doc);
        out.text.push_str(&meta.front_matter());
        walk(article(&doc), &mut out, false);
    } else {
        walk(doc.root_element(), &mut out, false);
    }
    Page {
        text: tidy(&out.text),
        speakers: out.speakers,
    }
}

/// The text being written and the speaker labels found.
struct Out {
    text: String,
    speakers: Vec<String>,
}

/// Class names that mark a speaker's label in transcript pages.
const LABEL_CLASSES: &[&str] = &["question", "answer", "speaker", "participant"];

/// The label `el` holds, if its class marks it as a speaker's (short text, a letter in it).
fn marked_label(el: ElementRef<'_>) -> Option<String> {
    let class = el.value().attr("class")?.to_ascii_lowercase();
    let marked = class
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| LABEL_CLASSES.contains(&w));
    if !marked {
        return None;
    }
    let text: String = el
        .text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let text = text.trim_end_matches([':', '：']).trim().to_string();
    (text.chars().count() <= 80 && text.chars().any(char::is_alphabetic)).then_some(text)
}

/// True for a whole web page rather than HTML pieces inside other text.
fn is_page(html: &str) -> bool {
    let start = html.trim_start();
    let head = start.get(..start.len().min(1024)).unwrap_or(start);
    let lower = head.to_ascii_lowercase();
    lower.starts_with("<!doctype html") || lower.starts_with("<html") || lower.starts_with("<?xml")
}

/// The element holding the page's article: going down from `<body>`, into the child that
/// holds at least [`ARTICLE_SHARE`] of the prose, as long as there is one.
fn article(doc: &Html) -> ElementRef<'_> {
    let root = doc.root_element();
    let body = root
        .children()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().name() == "body")
        .unwrap_or(root);
    let mut weights = HashMap::new();
    let total = prose(body, &mut weights);
    let mut at = body;
    loop {
        let heaviest = at
            .children()
            .filter_map(ElementRef::wrap)
            .max_by_key(|c| weights.get(&c.id()).copied().unwrap_or(0));
        match heaviest {
            Some(c)
                if weights.get(&c.id()).copied().unwrap_or(0) as f64
                    >= ARTICLE_SHARE * total as f64
                    && total > 0 =>
            {
                at = c;
            }
            _ => return at,
        }
    }
}

/// Characters of prose under `el` (text outside links and dropped elements), recorded for
/// every element in `weights`.
fn prose(el: ElementRef<'_>, weights: &mut HashMap<NodeId, usize>) -> usize {
    let name = el.value().name();
    if DROPPED.contains(&name) || name == "a" {
        return 0;
    }
    let mut sum = 0;
    for child in el.children() {
        match child.value() {
            Node::Text(t) => sum += t.trim().chars().count(),
            Node::Element(_) => {
                if let Some(c) = ElementRef::wrap(child) {
                    sum += prose(c, weights);
                }
            }
            _ => {}
        }
    }
    weights.insert(el.id(), sum);
    sum
}

/// What a page says about itself.
#[derive(Debug, Default, PartialEq, Eq)]
struct PageMeta {
    title: Option<String>,
    published: Option<String>,
}

impl PageMeta {
    /// Reads JSON-LD (an article's `headline` and `datePublished`), then Open Graph and
    /// other `<meta>` tags, then `<title>`; a title loses the site's name after `|`.
    fn read(doc: &Html) -> PageMeta {
        let (mut title, mut published) = (None, None);
        if let Ok(ld) = Selector::parse(r#"script[type="application/ld+json"]"#) {
            for script in doc.select(&ld) {
                let text: String = script.text().collect();
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) {
                    json_ld_article(&v, &mut title, &mut published, 0);
                }
            }
        }
        // The page's `<meta>` tags, collected once.
        let tags: Vec<_> = Selector::parse("meta")
            .map(|sel| doc.select(&sel).collect())
            .unwrap_or_default();
        let meta = |keys: &[&str]| -> Option<String> {
            keys.iter().find_map(|key| {
                tags.iter().find_map(|m| {
                    let e = m.value();
                    let named = [e.attr("property"), e.attr("name"), e.attr("itemprop")]
                        .iter()
                        .any(|a| a.is_some_and(|a| a.eq_ignore_ascii_case(key)));
                    let content = e.attr("content")?.trim();
                    (named && !content.is_empty()).then(|| content.to_string())
                })
            })
        };
        let site = meta(&["og:site_name", "application-name"]);
        title = title
            .or_else(|| meta(&["og:title", "twitter:title"]))
            .or_else(|| {
                let sel = Selector::parse("title").ok()?;
                let t: String = doc.select(&sel).next()?.text().collect();
                Some(t)
            });
        published = published.or_else(|| {
            meta(&[
                "article:published_time",
                "datePublished",
                "date",
                "pubdate",
                "publishdate",
            ])
        });
        PageMeta {
            title: title
                .map(|t| without_site(&unescape(&t), site.as_deref()))
                .filter(|t| !t.is_empty()),
            published,
        }
    }

    /// The YAML front matter the parser reads (nothing when the page says nothing).
    fn front_matter(&self) -> String {
        if self.title.is_none() && self.published.is_none() {
            return String::new();
        }
        let mut out = String::from("---\n");
        for (key, value) in [("title", &self.title), ("published", &self.published)] {
            if let Some(v) = value {
                let v: String = v.chars().filter(|c| !c.is_control()).collect();
                out.push_str(&format!("{key}: {v}\n"));
            }
        }
        out.push_str("---\n\n");
        out
    }
}

/// Finds an article's `headline` and `datePublished` in JSON-LD (objects, arrays, `@graph`).
fn json_ld_article(
    v: &serde_json::Value,
    title: &mut Option<String>,
    published: &mut Option<String>,
    depth: usize,
) {
    use serde_json::Value;
    if depth > 8 {
        return;
    }
    match v {
        Value::Array(items) => {
            for item in items {
                json_ld_article(item, title, published, depth + 1);
            }
        }
        Value::Object(map) => {
            let article = match map.get("@type") {
                Some(Value::String(t)) => t.ends_with("Article") || t == "Report",
                Some(Value::Array(ts)) => ts
                    .iter()
                    .any(|t| t.as_str().is_some_and(|t| t.ends_with("Article"))),
                _ => false,
            };
            if article {
                let text = |key: &str| {
                    map.get(key)
                        .and_then(Value::as_str)
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(str::to_string)
                };
                if title.is_none() {
                    *title = text("headline").or_else(|| text("name"));
                }
                if published.is_none() {
                    *published = text("datePublished").or_else(|| text("dateCreated"));
                }
            }
            if let Some(graph) = map.get("@graph") {
                json_ld_article(graph, title, published, depth + 1);
            }
        }
        _ => {}
    }
}

/// The common character entities left in metadata that was escaped twice (`&amp;amp;`, or
/// JSON-LD written with entities).
fn unescape(text: &str) -> String {
    if !text.contains('&') {
        return text.trim().to_string();
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#039;", "'")
        .replace("&apos;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
        .trim()
        .to_string()
}

/// A page title without the site's name: `Call Transcript | Site` → `Call Transcript`; after a
/// dash only when the site's name is known.
fn without_site(title: &str, site: Option<&str>) -> String {
    let t = title.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut t = t.as_str();
    if let Some(site) = site.map(str::trim).filter(|s| !s.is_empty()) {
        for sep in [" | ", " - ", " – ", " — ", " :: "] {
            if let Some(rest) = t.strip_suffix(site).and_then(|r| r.strip_suffix(sep)) {
                t = rest;
            }
        }
    }
    if let Some((first, _)) = t.split_once(" | ") {
        t = first;
    }
    t.trim().to_string()
}

/// Appends what `el` shows to `out`; `in_block` when inside a block element (where source
/// line breaks are only spaces).
fn walk(el: ElementRef<'_>, out: &mut Out, in_block: bool) {
    let name = el.value().name();
    if DROPPED.contains(&name) {
        return;
    }
    if let Some(label) = marked_label(el)
        && !out.speakers.contains(&label)
    {
        out.speakers.push(label);
    }
    let block = BLOCKS.contains(&name);
    if name == "br" {
        out.text.push('\n');
        return;
    }
    if block {
        out.text.push_str("\n\n");
    }
    let bold = matches!(name, "strong" | "b");
    let bold_text = bold.then(|| el.text().collect::<String>());
    let mark = bold_text
        .as_deref()
        .is_some_and(|t| !t.trim().is_empty() && t.trim().chars().count() <= LABEL_CHARS);
    if mark {
        out.text.push_str("**");
    }
    let inner_block = in_block || (block && name != "body");
    for child in el.children() {
        match child.value() {
            Node::Text(t) => push_text(&mut out.text, t, inner_block || name == "pre"),
            Node::Element(_) => {
                if let Some(c) = ElementRef::wrap(child) {
                    walk(c, out, inner_block);
                }
            }
            _ => {}
        }
    }
    if mark {
        out.text.push_str("**");
    }
    if block {
        out.text.push_str("\n\n");
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
            "---\ntitle: t\n---\n\nAcme Q1 2026 Earnings Call\n\n**Operator:** Good morning & welcome.\n\n\
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
