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

use std::collections::{HashMap, HashSet};

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};

/// Elements whose content is never the transcript.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button", "svg",
    "iframe", "template", "head", "select", "canvas", "video", "audio", "object",
];

/// Elements that stand as paragraphs of their own.
pub(super) const BLOCKS: &[&str] = &[
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

/// Characters at most in a speaker's label marked by its class.
const MARKED_CHARS: usize = 80;

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
    // Nesting bounded first: the parser's time grows with the square of it. A page that
    // needed it is not cut to its article: its elements, never closed, each hold all that
    // follows, and going down to the one that holds most of the prose would leave out the
    // turns before it.
    let bounded = super::nesting::bounded(html);
    let cut = matches!(bounded, std::borrow::Cow::Borrowed(_));
    read_parsed(&Html::parse_document(&bounded), html, cut)
}

/// Reads `doc`, parsed from `html`: see [`to_text`]; a whole page cut to its article when
/// `cut`. (Walked with stacks of its own and labels measured once, so however deep its
/// elements nest, in time and space linear in it.)
fn read_parsed(doc: &Html, html: &str, cut: bool) -> Page {
    let mut out = Out {
        text: String::with_capacity(html.len() / 2),
        speakers: Vec::new(),
    };
    if is_page(html) {
        let meta = PageMeta::read(doc);
        out.text.push_str(&meta.front_matter());
        walk(if cut { article(doc) } else { body(doc) }, &mut out);
    } else {
        walk(doc.root_element(), &mut out);
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

/// True for a closing edge (of node `closing`) inside the element `skip` names, or its own,
/// which ends the skip: the traversal is passing over that element.
fn passed_over(skip: &mut Option<NodeId>, closing: NodeId) -> bool {
    match *skip {
        Some(id) => {
            if id == closing {
                *skip = None;
            }
            true
        }
        None => false,
    }
}

/// True when `el`'s class marks it as a speaker's label.
fn label_class(el: ElementRef<'_>) -> bool {
    el.value().attr("class").is_some_and(|class| {
        class
            .to_ascii_lowercase()
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| LABEL_CLASSES.contains(&w))
    })
}

/// What the walk must know of an element's text before it reads the element's children: which
/// bold elements are short enough to be labels, and the label each element marked by its class
/// holds (short text, a letter in it). Found in one pass over the tree from its leaves up, each
/// text read once: an element's text is never copied out of it, so deeply nested elements
/// cost no more than flat ones.
#[derive(Debug, Default)]
struct Labels {
    /// Bold elements whose text, trimmed, is not empty and at most [`LABEL_CHARS`] long.
    bold: HashSet<NodeId>,
    /// The label of each element whose class marks one.
    marked: HashMap<NodeId, String>,
}

impl Labels {
    fn of(root: ElementRef<'_>) -> Labels {
        /// An element whose text is being measured: for its own sake, or for an enclosing
        /// bold or marked element's.
        struct Open {
            bold: bool,
            marked: bool,
            span: Option<Span>,
            words: Option<Words>,
        }
        let mut labels = Labels::default();
        let mut stack: Vec<Open> = Vec::new();
        for edge in root.traverse() {
            match edge {
                Edge::Open(node) => match node.value() {
                    Node::Element(e) => {
                        let bold = matches!(e.name(), "strong" | "b");
                        let marked = ElementRef::wrap(node).is_some_and(label_class);
                        let (span, words) = stack
                            .last()
                            .map_or((false, false), |o| (o.span.is_some(), o.words.is_some()));
                        stack.push(Open {
                            bold,
                            marked,
                            span: (span || bold).then(Span::default),
                            words: (words || marked).then(Words::default),
                        });
                    }
                    Node::Text(t) => {
                        if let Some(open) = stack.last_mut() {
                            if let Some(span) = &mut open.span {
                                span.append(Span::of(t));
                            }
                            if let Some(words) = &mut open.words {
                                words.append(Words::of(t));
                            }
                        }
                    }
                    _ => {}
                },
                Edge::Close(node) => {
                    if !node.value().is_element() {
                        continue;
                    }
                    let Some(open) = stack.pop() else { continue };
                    if open.bold && open.span.as_ref().is_some_and(Span::is_label) {
                        labels.bold.insert(node.id());
                    }
                    if open.marked
                        && let Some(label) = open.words.as_ref().and_then(Words::label)
                    {
                        labels.marked.insert(node.id(), label);
                    }
                    if let Some(parent) = stack.last_mut() {
                        if let (Some(p), Some(s)) = (&mut parent.span, open.span) {
                            p.append(s);
                        }
                        if let (Some(p), Some(w)) = (&mut parent.words, open.words) {
                            p.append(w);
                        }
                    }
                }
            }
        }
        labels
    }
}

/// Where a text's characters other than whitespace lie: what `text.trim().chars().count()`
/// needs, joined from the pieces of the text.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Span {
    /// Characters in all.
    len: usize,
    /// The first character other than whitespace and the one after the last, if any.
    core: Option<(usize, usize)>,
}

impl Span {
    fn of(text: &str) -> Span {
        let mut span = Span::default();
        for (i, c) in text.chars().enumerate() {
            if !c.is_whitespace() {
                span.core = Some((span.core.map_or(i, |(start, _)| start), i + 1));
            }
            span.len = i + 1;
        }
        span
    }

    /// This text followed by `next`.
    fn append(&mut self, next: Span) {
        let shift = |(start, end): (usize, usize)| (start + self.len, end + self.len);
        self.core = match (self.core, next.core) {
            (core, None) => core,
            (None, Some(n)) => Some(shift(n)),
            (Some((start, _)), Some(n)) => Some((start, shift(n).1)),
        };
        self.len += next.len;
    }

    /// True for a bold text that is a label: not blank, at most [`LABEL_CHARS`] long trimmed.
    fn is_label(&self) -> bool {
        self.core
            .is_some_and(|(start, end)| end - start <= LABEL_CHARS)
    }
}

/// A text as its words joined by single spaces, kept only as far as a marked label needs:
/// what `text.split_whitespace().collect::<Vec<_>>().join(" ")` gives, joined from the pieces
/// of the text.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
struct Words {
    /// The text begins with whitespace.
    lead: bool,
    /// The text ends with whitespace.
    trail: bool,
    /// Its words, if it has any.
    core: Option<Core>,
}

/// Words joined by single spaces: the text before the closing run of colons, and that run.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
struct Core {
    head: Short,
    colons: Short,
}

/// A piece of text, kept only while at most one character longer than a marked label.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Short(Option<(String, usize)>);

impl Default for Short {
    fn default() -> Short {
        Short(Some((String::new(), 0)))
    }
}

impl Short {
    fn push_str(&mut self, text: &str, chars: usize) {
        if let Some((s, n)) = &mut self.0 {
            *n += chars;
            if *n > MARKED_CHARS + 1 {
                self.0 = None;
            } else {
                s.push_str(text);
            }
        }
    }

    fn push(&mut self, other: &Short) {
        match &other.0 {
            Some((s, n)) => self.push_str(s, *n),
            None => self.0 = None,
        }
    }

    fn is_empty(&self) -> bool {
        self.0.as_ref().is_some_and(|(_, n)| *n == 0)
    }
}

fn is_colon(c: char) -> bool {
    matches!(c, ':' | '：')
}

impl Core {
    /// One word.
    fn of(word: &str) -> Core {
        let head = word.trim_end_matches(is_colon);
        let mut core = Core::default();
        core.head.push_str(head, head.chars().count());
        let colons = &word[head.len()..];
        core.colons.push_str(colons, colons.chars().count());
        core
    }

    /// These words followed by `next`'s, a space between them when `space`.
    fn append(&mut self, space: bool, next: Core) {
        if next.head.is_empty() && !space {
            self.colons.push(&next.colons);
            return;
        }
        let colons = std::mem::take(&mut self.colons);
        self.head.push(&colons);
        if space {
            self.head.push_str(" ", 1);
        }
        self.head.push(&next.head);
        self.colons = next.colons;
    }
}

impl Words {
    fn of(text: &str) -> Words {
        let mut words = Words {
            lead: text.starts_with(char::is_whitespace),
            trail: text.ends_with(char::is_whitespace),
            core: None,
        };
        for word in text.split_whitespace() {
            let next = Core::of(word);
            match &mut words.core {
                Some(core) => core.append(true, next),
                None => words.core = Some(next),
            }
        }
        words
    }

    /// This text followed by `next`.
    fn append(&mut self, next: Words) {
        match (&mut self.core, next.core) {
            (core, None) => {
                if core.is_none() {
                    self.lead |= next.lead;
                }
                self.trail |= next.lead || next.trail;
            }
            (None, Some(n)) => {
                self.lead |= next.lead;
                self.trail = next.trail;
                self.core = Some(n);
            }
            (Some(core), Some(n)) => {
                core.append(self.trail || next.lead, n);
                self.trail = next.trail;
            }
        }
    }

    /// The label: the words without their closing colons, if short and holding a letter.
    fn label(&self) -> Option<String> {
        let core = self.core.as_ref()?;
        let (head, _) = core.head.0.as_ref()?;
        let label = head.trim();
        (label.chars().count() <= MARKED_CHARS && label.chars().any(char::is_alphabetic))
            .then(|| label.to_string())
    }
}

/// True for a whole web page rather than HTML pieces inside other text.
fn is_page(html: &str) -> bool {
    let start = html.trim_start();
    let head = start.get(..start.len().min(1024)).unwrap_or(start);
    let lower = head.to_ascii_lowercase();
    lower.starts_with("<!doctype html") || lower.starts_with("<html") || lower.starts_with("<?xml")
}

/// A page's `<body>` (its root element when it has none).
fn body(doc: &Html) -> ElementRef<'_> {
    let root = doc.root_element();
    root.children()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().name() == "body")
        .unwrap_or(root)
}

/// The element holding the page's article: going down from `<body>`, into the child that
/// holds at least [`ARTICLE_SHARE`] of the prose, as long as there is one.
fn article(doc: &Html) -> ElementRef<'_> {
    let body = body(doc);
    let mut weights = HashMap::new();
    let total = prose(body, &mut weights);
    let weight = |e: ElementRef<'_>| weights.get(&e.id()).copied().unwrap_or(0);
    let mut at = body;
    loop {
        let heaviest = at
            .children()
            .filter_map(ElementRef::wrap)
            .max_by_key(|&c| weight(c));
        match heaviest {
            Some(c)
                if weight(c) as f64 >= ARTICLE_SHARE * total as f64
                    && total > 0
                    // Down a chain of elements left open (twice, so that one wrapper
                    // after prose of its own is still gone into).
                    && !(left_open(at, &weight).is_some_and(|l| l.id() == c.id())
                        && left_open(c, &weight).is_some()) =>
            {
                at = c;
            }
            _ => return at,
        }
    }
}

/// The element `element` looks left open around: its last element, when that is the same
/// element (name and class) after prose of `element`'s own (`weight`: each element's prose).
/// An element never closed holds everything after it, the next one in turn: going down that
/// chain would leave a turn out at every step. Wrappers of one class hold no prose of their
/// own around each other.
fn left_open<'a>(
    element: ElementRef<'a>,
    weight: &impl Fn(ElementRef<'_>) -> usize,
) -> Option<ElementRef<'a>> {
    let last = element.children().filter_map(ElementRef::wrap).last()?;
    let (e, l) = (element.value(), last.value());
    (e.name() == l.name() && e.attr("class") == l.attr("class") && weight(element) > weight(last))
        .then_some(last)
}

/// Characters of prose under `root` (text outside links and dropped elements), recorded for
/// every element in `weights`. Read with a stack of its own, however deep the elements nest.
fn prose(root: ElementRef<'_>, weights: &mut HashMap<NodeId, usize>) -> usize {
    // The prose of each element open, from `root` down.
    let mut sums: Vec<usize> = Vec::new();
    // A dropped element or link, whose content is passed over.
    let mut skip: Option<NodeId> = None;
    let mut total = 0;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) if skip.is_none() => match node.value() {
                Node::Element(e) => {
                    if DROPPED.contains(&e.name()) || e.name() == "a" {
                        skip = Some(node.id());
                    } else {
                        sums.push(0);
                    }
                }
                Node::Text(t) => {
                    if let Some(sum) = sums.last_mut() {
                        *sum += t.trim().chars().count();
                    }
                }
                _ => {}
            },
            Edge::Open(_) => {}
            Edge::Close(node) => {
                if passed_over(&mut skip, node.id()) || !node.value().is_element() {
                    continue;
                }
                let sum = sums.pop().unwrap_or(0);
                weights.insert(node.id(), sum);
                match sums.last_mut() {
                    Some(parent) => *parent += sum,
                    None => total = sum,
                }
            }
        }
    }
    total
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

/// Appends what `root` shows to `out`. Read with a stack of its own, however deep the
/// elements nest; outside block elements (Markdown around the HTML), source line breaks are
/// kept, inside they are only spaces.
fn walk(root: ElementRef<'_>, out: &mut Out) {
    /// An element being read.
    struct Open {
        block: bool,
        mark: bool,
        /// Inside a block element (`<body>` aside).
        in_block: bool,
        pre: bool,
    }
    let labels = Labels::of(root);
    let mut stack: Vec<Open> = Vec::new();
    // A dropped element or `<br>`, whose content is passed over.
    let mut skip: Option<NodeId> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) if skip.is_none() => match node.value() {
                Node::Text(t) => {
                    if let Some(open) = stack.last() {
                        push_text(&mut out.text, t, open.in_block || open.pre);
                    }
                }
                Node::Element(e) => {
                    let name = e.name();
                    if DROPPED.contains(&name) {
                        skip = Some(node.id());
                        continue;
                    }
                    if let Some(label) = labels.marked.get(&node.id())
                        && !out.speakers.contains(label)
                    {
                        out.speakers.push(label.clone());
                    }
                    if name == "br" {
                        out.text.push('\n');
                        skip = Some(node.id());
                        continue;
                    }
                    let block = BLOCKS.contains(&name);
                    if block {
                        out.text.push_str("\n\n");
                    }
                    let mark = labels.bold.contains(&node.id());
                    if mark {
                        out.text.push_str("**");
                    }
                    let in_block = stack.last().is_some_and(|o| o.in_block);
                    stack.push(Open {
                        block,
                        mark,
                        in_block: in_block || (block && name != "body"),
                        pre: name == "pre",
                    });
                }
                _ => {}
            },
            Edge::Open(_) => {}
            Edge::Close(node) => {
                if passed_over(&mut skip, node.id()) || !node.value().is_element() {
                    continue;
                }
                let Some(open) = stack.pop() else { continue };
                if open.mark {
                    out.text.push_str("**");
                }
                if open.block {
                    out.text.push_str("\n\n");
                }
            }
        }
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

    /// `<p>` turns, the last one's words each inside a `<tag>` opened and never closed.
    fn nested(tag: &str, depth: usize) -> String {
        let mut html = String::from(
            "<p>Operator: Welcome to the call.</p><p>Jane Roe: Thanks.</p><p>Ben Li: Hi.</p>",
        );
        html.push_str("<p>Jane Roe: ");
        for _ in 0..depth {
            html.push_str(&format!("<{tag}>grew "));
        }
        html
    }

    /// The speakers of a text's turns, in order.
    fn turns(text: &str) -> Vec<String> {
        let t = crate::transcript::parse(text);
        t.turns
            .iter()
            .map(|turn| t.speaker_of(turn).name.clone())
            .collect()
    }

    const DEEP: usize = 50_000;

    /// `read` without the bound on nesting: the walk itself, however deep the elements.
    fn unbounded(html: &str) -> Page {
        read_parsed(&Html::parse_document(html), html, true)
    }

    #[test]
    fn deeply_nested_elements_do_not_overflow_the_stack() {
        // Each element once took a frame of the thread's stack, and 50,000 overflowed it.
        let text = unbounded(&nested("span", DEEP)).text;
        let grew = "grew ".repeat(DEEP);
        assert_eq!(
            text,
            format!(
                "Operator: Welcome to the call.\n\nJane Roe: Thanks.\n\nBen Li: Hi.\n\nJane Roe: {}\n",
                grew.trim_end()
            )
        );
        assert_eq!(turns(&text), ["Operator", "Jane Roe", "Ben Li", "Jane Roe"]);
    }

    #[test]
    fn a_deeply_nested_page_is_cut_to_its_article() {
        // The article's prose is weighed element by element, however deep they nest.
        let page = format!(
            "<!DOCTYPE html><html><head><title>Acme call</title></head><body>\
             <nav>Menu</nav><article>{}</p><p>Ben Li: {}</p></article>\
             <footer>Copyright</footer></body></html>",
            nested("span", DEEP),
            "fine ".repeat(DEEP)
        );
        let text = unbounded(&page).text;
        assert_eq!(to_text(&page), text, "the same with the nesting bounded");
        let (grew, fine) = ("grew ".repeat(DEEP), "fine ".repeat(DEEP));
        assert_eq!(
            text,
            format!(
                "---\ntitle: Acme call\n---\n\nOperator: Welcome to the call.\n\nJane Roe: Thanks.\n\nBen Li: Hi.\n\n\
                 Jane Roe: {}\n\nBen Li: {}\n",
                grew.trim_end(),
                fine.trim_end()
            )
        );
        assert_eq!(
            turns(&text),
            ["Operator", "Jane Roe", "Ben Li", "Jane Roe", "Ben Li"]
        );
    }

    #[test]
    fn a_page_of_elements_never_closed_keeps_every_turn() {
        // Each element left open holds all that follows: going down to the one holding most
        // of the prose left the first turns out (60 turns: 18 lost).
        for (open, close) in [("<div class=\"turn\"><p>", "</p>\n"), ("<span>", "<br>\n")] {
            let mut page = String::from(
                "<!DOCTYPE html><html><head><title>Acme call</title></head><body>\
                 <nav><a href=\"/\">Home</a></nav>",
            );
            for i in 0..60 {
                let who = ["Operator", "Jane Roe", "Ben Li"][i % 3];
                page.push_str(&format!(
                    "{open}{who}: Point {i} of the call, said in full.{close}"
                ));
            }
            let said = turns(&to_text(&page));
            assert_eq!(said.len(), 60, "{open}");
        }
    }

    #[test]
    fn wrappers_of_one_class_around_the_article_are_still_gone_into() {
        // Nested wrappers with no prose of their own are not an element left open.
        let prose = |n: usize| format!("Point {n}: revenue grew in every region. ").repeat(6);
        let (a, b, c) = (prose(1), prose(2), prose(3));
        let page = format!(
            "<!DOCTYPE html><html><body><div class=\"wrap\"><p>Share this page on the \
             networks you use.</p><div class=\"wrap\"><div class=\"wrap\"><article>\
             <p>Operator: {a}</p><p>Jane Roe: {b}</p><p>Ben Li: {c}</p>\
             <p>Jane Roe: {c}</p><p>Ben Li: {b}</p>\
             </article></div></div></div></body></html>"
        );
        let text = to_text(&page);
        assert!(!text.contains("Share this page"), "{text}");
        assert_eq!(
            turns(&text),
            ["Operator", "Jane Roe", "Ben Li", "Jane Roe", "Ben Li"]
        );
    }

    #[test]
    fn thousands_of_divs_never_closed_read_as_the_turns_they_hold() {
        // The parser once took time growing with the square of their number (400 KB: a
        // second; 800 KB: most of a minute): past the bound on nesting, each is a line break.
        const N: usize = 20_000;
        let mut page = String::from("<html><body><h1>Acme Q3 2026 Earnings Call</h1>");
        for i in 0..N {
            let who = ["Operator", "Jane Roe", "Ben Li"][i % 3];
            page.push_str(&format!("<div><p>{who}: Point {i} of the call.</p>\n"));
        }
        let text = to_text(&page);
        let said = turns(&text);
        assert_eq!(said.len(), N);
        assert_eq!(said[..3], ["Operator", "Jane Roe", "Ben Li"]);
        assert!(text.contains("Ben Li: Point 19997 of the call."));
    }

    #[test]
    fn deeply_nested_bold_keeps_marks_on_its_short_runs_only() {
        // Each `<b>` once copied all the text inside it: 50,000 of them, quadratic time and
        // memory. The twelve innermost hold at most 60 characters: labels by their length.
        let text = unbounded(&nested("b", DEEP)).text;
        let long = "grew ".repeat(DEEP - 12);
        let short = "**grew ".repeat(12);
        assert_eq!(
            text,
            format!(
                "Operator: Welcome to the call.\n\nJane Roe: Thanks.\n\nBen Li: Hi.\n\nJane Roe: {long}{short}{}\n",
                "**".repeat(12)
            )
        );
        assert_eq!(turns(&text), ["Operator", "Jane Roe", "Ben Li", "Jane Roe"]);
    }

    #[test]
    fn deeply_nested_marked_labels_are_found_without_copying_their_text() {
        let page = unbounded(&format!(
            "{}<p>Ben Li: Thanks.</p>",
            nested("span class=\"speaker\"", DEEP)
        ));
        // The sixteen innermost hold at most 80 characters, outermost first.
        let labels: Vec<String> = (1..=16)
            .rev()
            .map(|n| "grew ".repeat(n).trim_end().to_string())
            .collect();
        assert_eq!(page.speakers, labels);
        assert!(
            page.text.ends_with(" grew\n\nBen Li: Thanks.\n"),
            "{}",
            &page.text[page.text.len() - 200..]
        );
        assert_eq!(
            turns(&page.text),
            ["Operator", "Jane Roe", "Ben Li", "Jane Roe", "Ben Li"]
        );
    }

    #[test]
    fn bold_and_marked_labels_as_in_ordinary_markup() {
        let page = read(
            "<p><b>  Ann   Lee： </b>Hello. <strong>A long run of emphasis, more than sixty \
             characters, <i>is</i> not a label</strong></p>\
             <p><span class='Speaker'>Ben <b>Li</b>:</span> <span class=\"answer\">:::</span> \
             <span class=\"speaker\"><b></b> </span><b> </b></p>",
        );
        assert_eq!(
            page.text,
            "** Ann Lee： **Hello. A long run of emphasis, more than sixty characters, is not a label\n\n\
             Ben **Li**: :::\n"
        );
        assert_eq!(page.speakers, ["Ben Li"]);
    }

    proptest::proptest! {
        /// A text in pieces (text nodes, elements' texts) gives the label its whole text gives.
        #[test]
        fn labels_are_found_as_in_the_whole_text(
            chars in proptest::collection::vec(proptest::sample::select(vec![
                'a', 'Z', '中', ' ', '\n', '\u{3000}', ':', '：', '.',
            ]), 0..200),
            cuts in proptest::collection::vec(0usize..200, 0..6),
            long in 0usize..120,
        ) {
            // Long runs of one character, labels' lengths either side of the limits.
            let mut chars = chars;
            let at = long.min(chars.len());
            let run = chars.get(at).copied().unwrap_or(':');
            chars.splice(at..at, std::iter::repeat_n(run, long));
            let text: String = chars.into_iter().collect();
            let mut cuts: Vec<usize> = cuts
                .into_iter()
                .filter_map(|c| text.char_indices().nth(c).map(|(i, _)| i))
                .collect();
            cuts.sort_unstable();
            cuts.dedup();
            let mut pieces = Vec::new();
            let mut from = 0;
            for cut in cuts.into_iter().chain([text.len()]) {
                pieces.push(&text[from..cut]);
                from = cut;
            }
            let (mut span, mut words) = (Span::default(), Words::default());
            for piece in &pieces {
                span.append(Span::of(piece));
                words.append(Words::of(piece));
            }
            let trimmed = text.trim().chars().count();
            proptest::prop_assert_eq!(span.is_label(), trimmed > 0 && trimmed <= LABEL_CHARS);
            let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let label = joined.trim_end_matches([':', '：']).trim();
            let plainly = (label.chars().count() <= MARKED_CHARS
                && label.chars().any(char::is_alphabetic))
            .then(|| label.to_string());
            proptest::prop_assert_eq!(words.label(), plainly);
        }
    }
}
