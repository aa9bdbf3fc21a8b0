//! A bound on how deep a page's elements nest, before the HTML parser sees it.
//!
//! The HTML parser checks the stack of open elements at many tags (is a `<p>` open, in what
//! scope), so a page of thousands of `<div>`s never closed costs it time growing with the
//! square of its size (400 KB: a second; 800 KB: most of a minute). Real pages nest a few
//! dozen deep. Here the tags are read cheaply (comments, quoted attributes and the raw text of
//! scripts and styles passed over as the parser would) and the open elements counted; past
//! [`LIMIT`] an element's start tag, and an end tag of its name while such are left out, are
//! left out: a block's become line breaks, so its text still breaks where it did, an inline
//! element's (`<span>`, `<b>`) nothing. The text stays whole. A page within the limit is
//! given back as it is.

use std::borrow::Cow;

/// Containers open at once beyond which more are not opened (real pages: under 60).
pub const LIMIT: usize = 256;

/// Elements that never hold anything.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr",
];

/// Elements the parser closes by itself when the next one begins (they never pile up).
const SELF_CLOSING: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rb",
    "rt", "rp", "rtc", "caption", "colgroup",
];

/// Elements whose content is text up to their end tag, never tags.
const RAW: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// What stands in for a block's tag left out.
const BREAK: &str = "<br>";

fn is(list: &[&str], name: &[u8]) -> bool {
    list.iter().any(|n| n.as_bytes().eq_ignore_ascii_case(name))
}

/// `html` with no more than [`LIMIT`] containers open at once (see the module's
/// documentation); borrowed when it never had more.
pub fn bounded(html: &str) -> Cow<'_, str> {
    let b = html.as_bytes();
    let mut depth = 0usize;
    // Start tags left out and not yet closed, by name (lower case).
    let mut left_out: Vec<(Vec<u8>, usize)> = Vec::new();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut at = 0;
    while let Some(lt) = memchr::memchr(b'<', &b[at..]).map(|i| at + i) {
        let rest = &b[lt + 1..];
        if rest.starts_with(b"!--") {
            at = find(b, lt + 4, b"-->").map_or(b.len(), |e| e + 3);
            continue;
        }
        if matches!(rest.first(), Some(b'!' | b'?')) {
            at = memchr::memchr(b'>', rest).map_or(b.len(), |e| lt + 1 + e + 1);
            continue;
        }
        let end_tag = rest.first() == Some(&b'/');
        let name_at = lt + 1 + usize::from(end_tag);
        let name_len = b[name_at..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-')
            .count();
        if name_len == 0 || !b[name_at].is_ascii_alphabetic() {
            // A `<` of the text.
            at = lt + 1;
            continue;
        }
        let name = &b[name_at..name_at + name_len];
        let close = tag_end(b, name_at + name_len);
        let mut drop = false;
        if end_tag {
            if let Some(k) = left_out
                .iter()
                .position(|(n, _)| n.eq_ignore_ascii_case(name))
            {
                left_out[k].1 -= 1;
                if left_out[k].1 == 0 {
                    left_out.swap_remove(k);
                }
                drop = true;
            } else if !is(VOID, name) && !is(SELF_CLOSING, name) {
                depth = depth.saturating_sub(1);
            }
            at = close;
        } else {
            if is(RAW, name) {
                // Its text runs to its end tag, whatever it holds.
                let mut end = Vec::with_capacity(name.len() + 2);
                end.extend_from_slice(b"</");
                end.extend_from_slice(name);
                at = find_ignore_case(b, close, &end).unwrap_or(b.len());
                continue;
            }
            if !is(VOID, name) && !is(SELF_CLOSING, name) {
                if depth < LIMIT {
                    depth += 1;
                } else {
                    let lower = name.to_ascii_lowercase();
                    match left_out.iter_mut().find(|(n, _)| *n == lower) {
                        Some((_, count)) => *count += 1,
                        None => left_out.push((lower, 1)),
                    }
                    drop = true;
                }
            }
            at = close;
        }
        if drop {
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(&html[copied..lt]);
            if is(super::html::BLOCKS, name) {
                o.push_str(BREAK);
            }
            copied = close;
        }
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut o) => {
            o.push_str(&html[copied..]);
            Cow::Owned(o)
        }
    }
}

/// Just past the `>` that ends a tag whose attributes begin at `from` (a `>` inside a quoted
/// value does not end it); the end of the text when none does.
fn tag_end(b: &[u8], from: usize) -> usize {
    let mut i = from;
    while i < b.len() {
        match b[i] {
            b'>' => return i + 1,
            b'=' => {
                i += 1;
                while i < b.len() && b[i].is_ascii_whitespace() {
                    i += 1;
                }
                if let Some(&q @ (b'"' | b'\'')) = b.get(i) {
                    i = memchr::memchr(q, &b[i + 1..]).map_or(b.len(), |e| i + 1 + e + 1);
                }
            }
            _ => i += 1,
        }
    }
    b.len()
}

/// Where `needle` next occurs in `b` from `from`.
fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(&b[from.min(b.len())..], needle).map(|i| from + i)
}

/// Where `needle` (ASCII) next occurs in `b` from `from`, without regard to case.
fn find_ignore_case(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let mut at = from;
    while let Some(i) = memchr::memchr(b'<', &b[at.min(b.len())..]).map(|i| at + i) {
        if b[i..].len() >= needle.len() && b[i..i + needle.len()].eq_ignore_ascii_case(needle) {
            return Some(i);
        }
        at = i + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(n: usize, closed: bool) -> String {
        let mut s = String::new();
        for i in 0..n {
            s.push_str(&format!("<div class=\"a>b\">line {i}\n"));
        }
        if closed {
            s.push_str(&"</div>".repeat(n));
        }
        s
    }

    /// The deepest nesting of containers, read as `bounded` reads it.
    fn depth_of(html: &str) -> usize {
        let (mut d, mut max) = (0usize, 0usize);
        let b = html.as_bytes();
        let mut i = 0;
        while let Some(lt) = memchr::memchr(b'<', &b[i..]).map(|k| i + k) {
            let end = tag_end(b, lt + 1);
            let tag = &html[lt + 1..end - 1];
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            let counted = !name.is_empty()
                && !is(VOID, name.as_bytes())
                && !is(SELF_CLOSING, name.as_bytes());
            if counted && tag.starts_with('/') {
                d = d.saturating_sub(1);
            } else if counted {
                d += 1;
                max = max.max(d);
            }
            i = end;
        }
        max
    }

    #[test]
    fn a_page_within_the_limit_is_given_back_as_it_is() {
        let page = nested(LIMIT, true);
        assert!(matches!(bounded(&page), Cow::Borrowed(_)));
        let tricky = "<!-- <div><div> --><script>if (a<b) { x = '<div>'; }</script>\
                      <p title='x > y'>text <  and 3<4</p><br/><img src=a>";
        assert!(matches!(bounded(tricky), Cow::Borrowed(_)));
    }

    #[test]
    fn deeper_containers_become_breaks_and_their_text_stays() {
        for closed in [false, true] {
            let page = nested(LIMIT + 500, closed);
            let out = bounded(&page);
            assert!(matches!(out, Cow::Owned(_)));
            assert_eq!(depth_of(&out), LIMIT, "closed: {closed}");
            for i in [0, LIMIT, LIMIT + 499] {
                assert!(out.contains(&format!("line {i}\n")), "line {i} kept");
            }
            // Each start tag left out, and each end tag of one, is a line break.
            let breaks = out.matches(BREAK).count();
            assert_eq!(breaks, if closed { 1000 } else { 500 });
        }
    }

    #[test]
    fn deeper_inline_elements_are_left_out_without_a_break() {
        let page = format!("<p>{}</p>", "<span>grew ".repeat(LIMIT + 100));
        let out = bounded(&page);
        assert_eq!(depth_of(&out), LIMIT);
        assert!(!out.contains(BREAK));
        assert_eq!(out.matches("grew ").count(), LIMIT + 100);
    }

    #[test]
    fn comments_raw_text_and_quoted_attributes_open_nothing() {
        let deep = "<div>".repeat(LIMIT - 1);
        for hidden in [
            "<!-- <div> -->",
            "<script>var s = '<div>';</script>",
            "<STYLE>div > p { }</STYLE>",
            "<span title=\"<div>\">x</span>",
            "<!doctype html>",
            "a < b",
        ] {
            let page = format!("{deep}{hidden}");
            assert!(
                matches!(bounded(&page), Cow::Borrowed(_)),
                "{hidden:?} opens nothing"
            );
        }
        let page = format!("{deep}<div><div>");
        assert!(matches!(bounded(&page), Cow::Owned(_)));
    }
}
