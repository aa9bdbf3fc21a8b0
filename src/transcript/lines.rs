//! The document as lines: trimmed text, the blank lines before each, and its script.

use super::text::{Script, ends_with_colon, is_terminal_punct, script};

/// One non-blank line of the document.
#[derive(Debug, Clone)]
pub struct Line<'a> {
    /// Trimmed text, markdown blockquote markers kept.
    pub text: &'a str,
    /// Number of blank lines before this one.
    pub gap: u32,
    pub script: Script,
}

/// Splits clean text into non-blank lines, remembering the blank lines between them.
pub fn split(text: &str) -> Vec<Line<'_>> {
    let mut out: Vec<Line<'_>> = Vec::new();
    let mut gap = 0;
    // The last lines that carried a marker (`[EN]`, `👤`): machine-translated files repeat
    // each such line plainly after its translation, a copy to drop (keeping the longer text).
    let mut marked: Vec<usize> = Vec::new();
    // A short Chinese label alone on its line (`原文：`) after a marked line: the copy may
    // follow on the next line, and goes with it.
    let mut label_at: Option<usize> = None;
    for raw in text.lines() {
        let trimmed = raw.trim();
        let t = strip_markers(trimmed);
        if t.is_empty() {
            gap += 1;
            continue;
        }
        if t.len() != trimmed.len() {
            marked.push(out.len());
            if marked.len() > 3 {
                marked.remove(0);
            }
        } else {
            // The copy may come after such a label on its own line (`原文：The text…`).
            let label = copy_label(t);
            let copy = label.filter(|rest| !rest.is_empty()).unwrap_or(t);
            let labelled = label_at.is_some_and(|l| l + 1 == out.len());
            let reach = 2 + usize::from(labelled) + usize::from(copy.len() < t.len());
            let repeats = marked.iter().rev().find(|&&k| {
                let m = out[k].text;
                out.len() - k <= reach && (copy.starts_with(m) || m.starts_with(copy))
            });
            if let Some(&k) = repeats {
                if labelled {
                    out.pop();
                }
                if copy.len() > out[k].text.len() {
                    out[k].text = copy;
                }
                marked.retain(|&i| i != k);
                (gap, label_at) = (0, None);
                continue;
            }
            label_at = (label == Some("") && !marked.is_empty()).then_some(out.len());
        }
        out.push(Line {
            text: t,
            gap,
            script: script(t),
        });
        gap = 0;
    }
    out
}

/// What follows a label of up to four Chinese characters and a colon (`原文：…`), if the line
/// starts with one: machine-translated files put such a label before a copy of the English.
fn copy_label(t: &str) -> Option<&str> {
    let (label, rest) = t.split_once(['：', ':'])?;
    let n = label.chars().count();
    ((1..=4).contains(&n) && label.chars().all(super::text::is_han)).then(|| rest.trim())
}

/// A line without the markers machine-translated bilingual files put before it: a paragraph
/// number (`[ 12]`), a language tag (`[EN]`, `[中]`, `[ZH]`), a person emoji before a roster
/// entry; and a `━━ Heading ━━` without its bars.
fn strip_markers(t: &str) -> &str {
    let mut t = t;
    if let Some(rest) = t.strip_prefix('[')
        && let Some((num, after)) = rest.split_once(']')
        && !num.trim().is_empty()
        && num.trim().chars().all(|c| c.is_ascii_digit())
    {
        t = after.trim_start();
    }
    for tag in ["[EN]", "[中]", "[ZH]", "[En]", "[Zh]", "[英]", "[中文]"] {
        if let Some(rest) = t.strip_prefix(tag) {
            t = rest.trim_start();
            break;
        }
    }
    if let Some(rest) = t.strip_prefix('👤') {
        t = rest.trim_start();
    }
    if let Some(inner) = t.strip_prefix("━━").and_then(|r| r.strip_suffix("━━")) {
        t = inner.trim();
    }
    t
}

/// True when the text is hard-wrapped at a fixed width (copied out of a PDF): many of its
/// long English lines stop mid-sentence.
pub fn hard_wrapped(lines: &[Line<'_>]) -> bool {
    let long: Vec<&str> = lines
        .iter()
        .filter(|l| l.script == Script::En && l.text.chars().count() >= 60)
        .map(|l| l.text.trim_end())
        .collect();
    let open = long
        .iter()
        .filter(|t| !t.ends_with(is_terminal_punct) && !ends_with_colon(t))
        .count();
    long.len() >= 10 && open * 10 >= long.len() * 4
}

/// True when the Chinese of the text is hard-wrapped at a fixed width: many long Chinese
/// lines, a good share of them stopping mid-sentence, and those near one width.
pub fn zh_wrapped(lines: &[Line<'_>]) -> bool {
    use unicode_width::UnicodeWidthStr;
    let long: Vec<(&str, usize)> = lines
        .iter()
        .filter(|l| l.script == Script::Zh)
        .map(|l| (l.text.trim_end(), l.text.width()))
        .filter(|(_, w)| *w >= 40)
        .collect();
    let open: Vec<usize> = long
        .iter()
        .filter(|(t, _)| !t.ends_with(is_terminal_punct) && !ends_with_colon(t))
        .map(|(_, w)| *w)
        .collect();
    let Some(&widest) = open.iter().max() else {
        return false;
    };
    // Cut at a width, the open lines are all about as wide as the widest (a wide character
    // that does not fit leaves a column or two).
    let at_width = open.iter().filter(|&&w| w + 3 >= widest).count();
    long.len() >= 6 && open.len() * 10 >= long.len() * 3 && at_width * 10 >= open.len() * 8
}

/// The most common of `gaps` (blank lines before a line; 3 or more count as one).
pub fn typical_gap(gaps: impl Iterator<Item = u32>) -> u32 {
    let mut counts = [0usize; 4];
    for g in gaps {
        counts[g.min(3) as usize] += 1;
    }
    counts
        .iter()
        .enumerate()
        .max_by_key(|&(i, n)| (*n, std::cmp::Reverse(i)))
        .map_or(0, |(i, _)| i as u32)
}

/// What YAML front matter says about the call.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Yaml {
    pub title: Option<String>,
    /// The call's date (`date:`).
    pub date: Option<String>,
    /// When the page or post was published (`published:`): the call's date only when the
    /// text gives none.
    pub published: Option<String>,
    pub company: Option<String>,
}

/// Removes YAML front matter (`---` … `---` at the top) and returns what it says.
pub fn take_yaml(lines: &mut Vec<Line<'_>>) -> Yaml {
    if lines.first().map(|l| l.text) != Some("---") {
        return Yaml::default();
    }
    let Some(end) = lines.iter().skip(1).take(80).position(|l| l.text == "---") else {
        return Yaml::default();
    };
    let end = end + 1;
    let value = |key: &str| {
        lines[1..end].iter().find_map(|l| {
            let rest = l.text.strip_prefix(key)?.trim_start().strip_prefix(':')?;
            let v = rest.trim().trim_matches(['"', '\'']).trim();
            (!v.is_empty()).then(|| v.to_string())
        })
    };
    let yaml = Yaml {
        title: value("title"),
        date: value("date"),
        published: value("published"),
        company: value("company"),
    };
    lines.drain(..=end);
    yaml
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bilingual_markers_are_not_text() {
        let text = "  [ 12] [EN] Keith Lane:Thanks.\n       [中] 基思·莱恩：谢谢。\n  ━━ Call participants ━━\n  👤 Chief Executive Officer — Dana Field\n[Note] kept";
        let got: Vec<&str> = split(text).iter().map(|l| l.text).collect();
        assert_eq!(
            got,
            [
                "Keith Lane:Thanks.",
                "基思·莱恩：谢谢。",
                "Call participants",
                "Chief Executive Officer — Dana Field",
                "[Note] kept"
            ]
        );
    }

    #[test]
    fn a_marked_line_repeated_after_a_label_is_read_once() {
        let text = "  [ 7] [EN] Margins held at 21%.\n       [中] 利润率保持在21%。\n\n\
            原文：Margins held at 21%.\n\n\
              [ 8] [EN] Costs fell in the quarter.\n       [中] 本季度成本下降。\n\n\
            原文：\nCosts fell in the quarter.\n\n\
            原文：\n注：这是译者的说明。\n";
        let got: Vec<&str> = split(text).iter().map(|l| l.text).collect();
        assert_eq!(
            got,
            [
                "Margins held at 21%.",
                "利润率保持在21%。",
                "Costs fell in the quarter.",
                "本季度成本下降。",
                // A label before something else stays.
                "原文：",
                "注：这是译者的说明。"
            ]
        );
    }

    #[test]
    fn a_marked_line_repeated_plainly_is_read_once() {
        let text = "  [ 60] [EN] Another example was the new ca\n       [中] 另一个例子。\n\n\
            Another example was the new capacity.\n\n  👤 Chief Executive Officer — Dana Field\n     首席执行官 — Dana Field\n\n\
            Chief Executive Officer — Dana Field\nAnother example was the new capacity.\n";
        let got: Vec<&str> = split(text).iter().map(|l| l.text).collect();
        assert_eq!(
            got,
            [
                "Another example was the new capacity.",
                "另一个例子。",
                "Chief Executive Officer — Dana Field",
                "首席执行官 — Dana Field",
                "Another example was the new capacity."
            ]
        );
    }

    #[test]
    fn gaps_and_yaml() {
        let text = "---\ntitle: \"A call\"\ndate: 2026-02-07 10:31\n---\n\nHello\n\n\nWorld\n";
        let mut lines = split(text);
        let yaml = take_yaml(&mut lines);
        assert_eq!(yaml.title.as_deref(), Some("A call"));
        assert_eq!(yaml.date.as_deref(), Some("2026-02-07 10:31"));
        assert_eq!(yaml.published, None);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[1].gap, 2);
    }

    #[test]
    fn typical() {
        let lines = split("a\nb\n\nc\n\nd\n\ne");
        assert_eq!(typical_gap(lines.iter().skip(1).map(|l| l.gap)), 1);
    }
}
