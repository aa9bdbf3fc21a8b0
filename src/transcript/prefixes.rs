//! Labels with no delimiter at all: `Ben Lowe Analyst at Harbor Bank Thank you. Good
//! morning…`, `Operator Operator Good morning…`. The label is a name, then a title (a role,
//! or `Analyst at FIRM`), then the speech. Where the title ends is learned from the file:
//! labels recur at paragraph starts, so a title is cut back to what recurs, and otherwise
//! stops at the first word that opens speech (`Thank`, `Yeah`, a lower-case word).

use std::collections::HashMap;

use super::headers::Header;
use super::lines::Line;
use super::names::{is_operator_word, latin_name_like, role_like};

/// Words that open speech rather than continue a title.
const OPENERS: &[&str] = &[
    "thank",
    "thanks",
    "yes",
    "yeah",
    "yep",
    "hi",
    "hey",
    "hello",
    "good",
    "great",
    "okay",
    "ok",
    "sure",
    "well",
    "so",
    "i",
    "i'm",
    "i'll",
    "we",
    "we're",
    "sorry",
    "understood",
    "morning",
    "afternoon",
    "alright",
    "absolutely",
    "right",
    "no",
    "let",
];

/// Joining words that open speech when capitalised (`And if I may…`).
const CAPITAL_OPENERS: &[&str] = &["And", "But", "Of", "At", "The", "For"];

/// Words that join a title's parts (`Chairman and CEO`, `Analyst at Harbor Bank`).
const JOINERS: &[&str] = &["and", "of", "at", "the", "for", "&", "-", "—", "–"];

/// Letters of a word, lower case, without the punctuation around it.
fn bare(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Where the name ends in `words` (the number of words), if the line starts with one:
/// the operator's title alone, or two to four name words followed by a title word.
fn name_end(words: &[&str]) -> Option<usize> {
    if words.first().is_some_and(|w| is_operator_word(w)) {
        return Some(1);
    }
    (2..=4.min(words.len().saturating_sub(1))).find(|&e| {
        let title = words[e..words.len().min(e + 3)].join(" ");
        latin_name_like(&words[..e].join(" ")) && role_like(&title)
    })
}

/// Where the title ends (exclusive) when it starts at word `start`.
fn title_end(words: &[&str], start: usize) -> usize {
    let mut end = start;
    while end < words.len() {
        let w = words[end];
        let b = bare(w);
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        let bare_word = w.trim_matches(|c: char| !c.is_alphanumeric());
        if end > start && (OPENERS.contains(&b.as_str()) || CAPITAL_OPENERS.contains(&bare_word)) {
            break;
        }
        if !(capital || JOINERS.contains(&b.as_str()) || w.chars().all(|c| !c.is_alphanumeric())) {
            break;
        }
        end += 1;
        if w.ends_with(['.', '?', '!']) {
            break;
        }
    }
    while end > start + 1 && JOINERS.contains(&bare(words[end - 1]).as_str()) {
        end -= 1;
    }
    end
}

/// The speaker headers of a file whose labels have no delimiter; empty when the file does
/// not read that way (fewer than three such lines, or fewer than two speakers).
pub fn find<'a>(lines: &[Line<'a>], skip: &std::collections::HashSet<usize>) -> Vec<Header<'a>> {
    // Each line's words (at most a label's worth) with their byte offsets.
    let split: Vec<Vec<(usize, &str)>> = lines
        .iter()
        .map(|l| {
            l.text
                .split_whitespace()
                .take(16)
                .map(|w| (w.as_ptr() as usize - l.text.as_ptr() as usize, w))
                .collect()
        })
        .collect();
    // How often each label-sized prefix starts a line.
    let mut starts: HashMap<String, usize> = HashMap::new();
    for words in &split {
        for k in 1..=words.len().min(12) {
            let key = words[..k]
                .iter()
                .map(|(_, w)| *w)
                .collect::<Vec<_>>()
                .join(" ");
            *starts.entry(key).or_default() += 1;
        }
    }
    let count = |words: &[&str]| starts.get(&words.join(" ")).copied().unwrap_or(0);
    let mut out = Vec::new();
    for (i, (line, entry)) in lines.iter().zip(&split).enumerate() {
        if skip.contains(&i) {
            continue;
        }
        let words: Vec<&str> = entry.iter().map(|(_, w)| *w).collect();
        let Some(e) = name_end(&words) else {
            continue;
        };
        let mut end = title_end(&words, e);
        // Cut the title back to what recurs when a longer label does not.
        while end > e + 1 && count(&words[..end]) < 2 && count(&words[..end - 1]) >= 2 {
            end -= 1;
        }
        let title = words[e..end].join(" ");
        let Some(&(at, _)) = entry.get(end) else {
            continue;
        };
        let name = words[..e].join(" ");
        if end == e || !(role_like(&title) || is_operator_word(&title)) {
            continue;
        }
        let title = title.trim_end_matches([',', ';']).to_string();
        out.push(Header {
            line: i,
            end: i + 1,
            name,
            alt: None,
            title: if is_operator_word(&title) {
                Vec::new()
            } else if let Some((role, firm)) = title.split_once(" at ") {
                // `Analyst at Harbor Bank`: the firm first, as `Firm - Title` gives it.
                vec![firm.to_string(), role.to_string()]
            } else {
                vec![title]
            },
            body: Some(line.text[at..].trim()),
            alt_body: None,
        });
    }
    let mut names: Vec<&str> = out.iter().map(|h| h.name.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    if out.len() < 3 || names.len() < 2 {
        return Vec::new();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_without_delimiters_are_read_from_what_recurs() {
        let text = "Operator Operator Good morning and welcome to the call.\n\
            Nadia Park Chief Executive Officer Thanks, everyone. Sales rose 8%.\n\
            Operator Operator Our first question comes from Ben Lowe with Harbor Bank.\n\
            Ben Lowe Analyst at Harbor Bank Thank you. How is demand?\n\
            Nadia Park Chief Executive Officer Demand is steady.\n\
            Operator Operator Thank you.\n";
        let lines = super::super::lines::split(text);
        let h = find(&lines, &Default::default());
        let got: Vec<(&str, Vec<String>, &str)> = h
            .iter()
            .map(|h| (h.name.as_str(), h.title.clone(), h.body.unwrap_or("")))
            .collect();
        assert_eq!(got.len(), 6, "{got:?}");
        assert_eq!(
            got[0],
            ("Operator", vec![], "Good morning and welcome to the call.")
        );
        assert_eq!(
            got[1],
            (
                "Nadia Park",
                vec!["Chief Executive Officer".to_string()],
                "Thanks, everyone. Sales rose 8%."
            )
        );
        assert_eq!(
            got[3],
            (
                "Ben Lowe",
                vec!["Harbor Bank".to_string(), "Analyst".to_string()],
                "Thank you. How is demand?"
            )
        );
    }

    #[test]
    fn ordinary_prose_has_no_such_labels() {
        let text = "Revenue grew this quarter.\nWe thank our customers.\nDemand was steady.\n";
        assert!(find(&super::super::lines::split(text), &Default::default()).is_empty());
    }
}
