//! A turn's lines to blocks: interleaved English/Chinese pairs, paragraphs, commentary notes.

use std::collections::{HashMap, HashSet};

use super::lines::Line;
use super::model::Block;
use super::text::{
    Script, char_len, ends_with_colon, is_sentence_punct, is_terminal_punct, strip_colon,
};

/// Words that mark a label line as commentary ("作者說明:", "译注:", "Editor's note:").
const NOTE_WORDS: &[&str] = &[
    "说明",
    "說明",
    "注",
    "按",
    "点评",
    "點評",
    "解读",
    "解讀",
    "评论",
    "評論",
    "备注",
    "備註",
    "原文",
    "心得",
    "补充",
    "補充",
    "note",
    "comment",
    "commentary",
    "editor",
];

/// True when a label names commentary ("译注", "作者說明", "Editor's note").
pub fn is_note_word_label(label: &str) -> bool {
    let lower = label.to_lowercase();
    NOTE_WORDS.iter().any(|w| lower.ends_with(w))
}

/// Document-wide facts the body parser needs.
#[derive(Debug, Clone, Default)]
pub struct Style {
    /// In an interleaved file, the language whose line comes first in each pair.
    pub interleaved: Option<Script>,
    /// The usual number of blank lines between paragraphs.
    pub para_gap: u32,
    /// The text is hard-wrapped at a fixed width: lines with no blank line between them are
    /// one paragraph.
    pub hard_wrapped: bool,
    /// Its Chinese is hard-wrapped: a Chinese line goes on with the one before it unless
    /// that one ends a sentence.
    pub zh_wrapped: bool,
    /// Label lines that open a commentary note.
    pub note_labels: HashSet<String>,
}

/// True when a line can be a label: short, ends with a colon, no other punctuation.
fn label_shape(text: &str) -> bool {
    let inner = strip_colon(text);
    ends_with_colon(text)
        && (1..=20).contains(&char_len(inner))
        && !inner
            .chars()
            .any(|c| is_sentence_punct(c) || c.is_ascii_digit())
}

/// Finds the commentary labels: label lines that recur, or that name commentary.
pub fn note_labels(lines: &[&Line<'_>]) -> HashSet<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for l in lines.iter().filter(|l| label_shape(l.text)) {
        *counts.entry(strip_colon(l.text)).or_default() += 1;
    }
    counts
        .into_iter()
        .filter(|(label, n)| *n >= 2 || is_note_word_label(label))
        .map(|(label, _)| label.to_string())
        .collect()
}

/// In an interleaved file (one language's line followed by its translation), the language
/// that comes first; `None` when the file is not interleaved.
pub fn interleaving(lines: &[&Line<'_>]) -> Option<Script> {
    let (mut en_zh, mut zh_en, mut en, mut zh) = (0, 0, 0, 0);
    for (i, l) in lines.iter().enumerate() {
        let next = lines.get(i + 1).filter(|n| n.gap <= 1).map(|n| n.script);
        match (l.script, next) {
            (Script::En, Some(Script::Zh)) => en_zh += 1,
            (Script::Zh, Some(Script::En)) => zh_en += 1,
            _ => {}
        }
        match l.script {
            Script::En => en += 1,
            Script::Zh => zh += 1,
            Script::None => {}
        }
    }
    let pairs = en_zh.max(zh_en);
    (pairs >= 3 && pairs * 2 * 10 >= (en + zh) * 6).then_some(if en_zh >= zh_en {
        Script::En
    } else {
        Script::Zh
    })
}

/// True when a line starts a list item (never joined to the line before).
fn is_list_item(text: &str) -> bool {
    let first = text.chars().next().unwrap_or(' ');
    matches!(
        first,
        '•' | '·' | '-' | '*' | '>' | '●' | '○' | '▪' | '■' | '①'..='⑳'
    ) || text
        .split_once(['.', '、', ')', '）'])
        .is_some_and(|(n, _)| {
            !n.is_empty() && n.len() <= 3 && n.chars().all(|c| c.is_ascii_digit())
        })
}

/// Turns one turn's lines into blocks.
pub fn blocks(lines: &[&Line<'_>], style: &Style) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let l = lines[i];
        if style.note_labels.contains(strip_colon(l.text)) && label_shape(l.text) {
            let end = note_end(lines, i, style);
            let text: Vec<&str> = lines[i..end].iter().map(|l| l.text).collect();
            out.push(Block::note(text.join("\n")));
            i = end;
            continue;
        }
        if let Some(lead) = style.interleaved {
            i += interleaved_step(lines, i, lead, style, &mut out);
            continue;
        }
        push_paragraph(&mut out, l, style);
        i += 1;
    }
    for b in &mut out {
        match b {
            Block::Para { en, zh } => {
                for text in [en, zh].into_iter().flatten() {
                    unbold(text);
                }
            }
            Block::Note { note } => unbold(note),
        }
    }
    out
}

/// A line of material outside the call as plain text: no blockquote marker, no bold markers.
pub fn plain_line(text: &str) -> Option<String> {
    let t = text.trim_start_matches('>').trim();
    let mut t = t.to_string();
    unbold(&mut t);
    (!t.is_empty()).then_some(t)
}

/// Removes Markdown bold markers (`**`) when they come in pairs.
pub(crate) fn unbold(text: &mut String) {
    let n = text.matches("**").count();
    if n > 0 && n.is_multiple_of(2) {
        *text = text.replace("**", "");
    }
}

/// Where a note that starts at `start` ends: at a gap wider than between paragraphs.
fn note_end(lines: &[&Line<'_>], start: usize, style: &Style) -> usize {
    let mut end = start + 1;
    while end < lines.len()
        && (end == start + 1 || lines[end].gap <= style.para_gap)
        && !style.note_labels.contains(strip_colon(lines[end].text))
    {
        end += 1;
    }
    end
}

/// Reads one unit of an interleaved turn; returns how many lines it used.
fn interleaved_step(
    lines: &[&Line<'_>],
    i: usize,
    lead: Script,
    style: &Style,
    out: &mut Vec<Block>,
) -> usize {
    let l = lines[i];
    let follower = if lead == Script::Zh {
        Script::En
    } else {
        Script::Zh
    };
    let next = lines
        .get(i + 1)
        .filter(|n| l.script != follower && n.script == follower && n.gap <= style.para_gap.max(1))
        .map(|n| n.text.to_string());
    if next.is_none() && l.script != Script::None {
        // A Chinese line with no English is commentary; an English line alone is speech.
        out.push(if l.script == Script::Zh {
            Block::note(l.text)
        } else {
            Block::en(l.text)
        });
        return 1;
    }
    let this = Some(l.text.to_string());
    let used = 1 + usize::from(next.is_some());
    out.push(match lead {
        Script::Zh => Block::Para { en: next, zh: this },
        _ => Block::Para { en: this, zh: next },
    });
    used
}

/// Adds a monolingual line as a paragraph, joining hard-wrapped continuation lines.
fn push_paragraph(out: &mut Vec<Block>, l: &Line<'_>, style: &Style) {
    let zh = l.script == Script::Zh;
    if let Some(Block::Para { en, zh: z }) = out.last_mut() {
        let prev = if zh { z.as_mut() } else { en.as_mut() };
        if let Some(prev) = prev {
            let wrapped = style.hard_wrapped && !zh && l.gap == 0 && !is_list_item(l.text);
            if zh
                && style.zh_wrapped
                && l.gap == 0
                && !prev.ends_with(is_terminal_punct)
                && !is_list_item(l.text)
            {
                // Chinese runs on without a space.
                prev.push_str(l.text);
                return;
            }
            let continues = wrapped
                || style.para_gap >= 1
                    && l.gap == 0
                    && !prev.ends_with(is_terminal_punct)
                    && !ends_with_colon(prev)
                    && !is_list_item(l.text)
                    && l.text
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
            if continues {
                // A word broken at its hyphen (`write-` / `offs`) joins back without a space.
                let mut tail = prev.chars().rev();
                let hyphenated =
                    tail.next() == Some('-') && tail.next().is_some_and(char::is_alphabetic);
                if !hyphenated {
                    prev.push(' ');
                }
                prev.push_str(l.text);
                return;
            }
        }
    }
    out.push(if zh {
        Block::zh(l.text)
    } else {
        Block::en(l.text)
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcript::lines::split;

    fn run(text: &str) -> Vec<Block> {
        let lines = split(text);
        let refs: Vec<&Line<'_>> = lines.iter().collect();
        let style = Style {
            interleaved: interleaving(&refs),
            para_gap: crate::transcript::lines::typical_gap(lines.iter().skip(1).map(|l| l.gap)),
            hard_wrapped: crate::transcript::lines::hard_wrapped(&lines),
            zh_wrapped: crate::transcript::lines::zh_wrapped(&lines),
            note_labels: note_labels(&refs),
        };
        blocks(&refs, &style)
    }

    #[test]
    fn pairs_and_standalone_note() {
        let b = run("One.\n一。\nTwo.\n二。\n\n译者：这是评论。\nThree.\n三。\nFour.\n四。");
        assert_eq!(b.len(), 5);
        assert_eq!(
            b[0],
            Block::Para {
                en: Some("One.".into()),
                zh: Some("一。".into())
            }
        );
        assert!(b[2].is_note());
    }

    #[test]
    fn labelled_note_ends_at_wide_gap() {
        let text =
            "第一段。\n\n作者說明:\n\n評論一。\n\n  • 要點\n  • 要點二\n\n\n第二段。\n\n第三段。";
        let b = run(text);
        assert_eq!(b.len(), 4, "{b:?}");
        assert!(b[1].is_note());
        assert!(matches!(&b[1], Block::Note { note } if note.contains("要點二")));
        assert_eq!(b[2], Block::zh("第二段。"));
    }

    #[test]
    fn markdown_bold_is_removed_in_pairs() {
        let b = run("**重要的是**：我们不会减速。\n\n第二段 2**3 保留。\n\n第三段。");
        assert_eq!(b[0], Block::zh("重要的是：我们不会减速。"));
        assert_eq!(b[1], Block::zh("第二段 2**3 保留。"));
    }

    #[test]
    fn outside_material_loses_markdown() {
        assert_eq!(
            plain_line("> **1、要点：**正文").as_deref(),
            Some("1、要点：正文")
        );
        assert_eq!(plain_line(">"), None);
    }

    #[test]
    fn a_word_broken_at_its_hyphen_joins_without_a_space() {
        let line = "We expect quarter-on-quarter growth in the second half of the year, and write-";
        let text = format!(
            "{line}\n{line}\n{line}\n{line}\n{line}\n{line}\n{line}\n{line}\n{line}\n{line}\noffs should fall.\n"
        );
        let blocks = run(&text);
        let Some(Block::Para { en: Some(en), .. }) = blocks.last() else {
            panic!("{blocks:?}");
        };
        assert!(en.ends_with("and write-offs should fall."), "{en}");
    }

    #[test]
    fn text_hard_wrapped_at_a_width_joins_into_its_paragraphs() {
        let line = "Revenue grew in every division this quarter and the costs stayed flat";
        let mut text = String::new();
        for n in 0..12 {
            text.push_str(&format!(
                "{line} ({n}),\nSecond line. Third starts\nhere.\n\n"
            ));
        }
        let b = run(&text);
        assert_eq!(b.len(), 12, "{b:?}");
        assert_eq!(
            b[0],
            Block::en(format!("{line} (0), Second line. Third starts here."))
        );
    }

    #[test]
    fn wrapped_english_is_joined() {
        let b = run("We grew revenue\nby ten percent.\n\nNext paragraph.\n\nLast one.");
        assert_eq!(
            b,
            vec![
                Block::en("We grew revenue by ten percent."),
                Block::en("Next paragraph."),
                Block::en("Last one.")
            ]
        );
    }
}
