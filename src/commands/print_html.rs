//! `tandem print --format html`: the aligned call as one self-contained page (no scripts, no
//! files beside it), English and Chinese side by side, to share or print. Questions are
//! listed at the top and linked; figures the Chinese gets wrong are marked in both languages.

use std::fmt::Write as _;
use std::ops::Range;

use crate::app::index::DocIndex;
use crate::numbers::{Analysis, analyze};
use crate::transcript::{Block, Section, SpeakerKind, Transcript};
use crate::ui::labels::{question_label as question, speaker_header as header};

/// The page's style: two columns when both languages are there, one on a narrow screen;
/// turns kept whole across printed pages where they fit.
const STYLE: &str = "
:root { color-scheme: light dark; --muted: #6b6b6b; --rule: #d8d8d8; --bad: #fde2e1; }
@media (prefers-color-scheme: dark) { :root { --muted: #a0a0a0; --rule: #3a3a3a; --bad: #5c2321; } }
body { font: 16px/1.6 system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB',
  'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif; max-width: 72rem; margin: 2rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.25rem; margin-top: 2.5rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.05rem; margin-top: 2rem; }
.facts, .who, nav, .note { color: var(--muted); }
nav ol { columns: 2; padding-left: 1.5rem; }
.turn { margin: 1.2rem 0; }
.who { font-weight: 600; margin: 0 0 .3rem; }
.analyst .who { color: inherit; }
.row { display: grid; grid-template-columns: 1fr; gap: .2rem 2rem; margin: 0 0 .8rem; }
.both .row { grid-template-columns: 1fr 1fr; }
.row p { margin: 0; }
:lang(zh) { line-height: 1.75; }
.note { border-left: 3px solid var(--rule); padding-left: .8rem; font-style: italic; white-space: pre-wrap; }
mark.bad { background: var(--bad); color: inherit; text-decoration: underline wavy; }
@media (max-width: 48rem) { .both .row { grid-template-columns: 1fr; } nav ol { columns: 1; } }
@media print { body { margin: 0; max-width: none; font-size: 11pt; } nav { display: none; }
  .turn { break-inside: avoid-page; } h2, h3 { break-after: avoid-page; } }
";

/// The call as an HTML page.
pub fn render(t: &Transcript) -> String {
    let ix = DocIndex::new(t);
    let figures = analyze(t);
    let mut out = String::with_capacity(t.turns.len() * 600 + 4096);
    let (title, facts) = super::print::title_and_facts(t);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"tandem {}\">\n<title>{}</title>\n<style>{STYLE}</style>\n\
         </head>\n<body class=\"{}\">\n<header>\n<h1>{}</h1>\n",
        env!("CARGO_PKG_VERSION"),
        esc(&title),
        if ix.bilingual { "both" } else { "one" },
        esc(&title),
    );
    if !facts.is_empty() {
        let _ = writeln!(out, "<p class=\"facts\">{}</p>", esc(&facts.join(" · ")));
    }
    if !figures.mismatches.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"facts\"><mark class=\"bad\">{} figure{}</mark> in the Chinese disagree{} with the English (marked below; hover for the reason).</p>",
            figures.mismatches.len(),
            if figures.mismatches.len() == 1 {
                ""
            } else {
                "s"
            },
            if figures.mismatches.len() == 1 {
                "s"
            } else {
                ""
            },
        );
    }
    out.push_str("</header>\n");
    if !t.questions.is_empty() {
        out.push_str("<nav>\n<ol>\n");
        for q in 0..t.questions.len() {
            let _ = writeln!(
                out,
                "<li><a href=\"#q{}\">{}</a></li>",
                t.questions[q].number,
                esc(&question(t, q))
            );
        }
        out.push_str("</ol>\n</nav>\n");
    }
    if !t.front_matter.is_empty() {
        out.push_str("<section class=\"front\">\n<h2>Before the call</h2>\n");
        for p in &t.front_matter {
            let _ = writeln!(out, "<p>{}</p>", esc(p));
        }
        out.push_str("</section>\n");
    }
    for (i, turn) in t.turns.iter().enumerate() {
        if i == 0 || t.turns[i - 1].section != turn.section {
            let (id, name) = match turn.section {
                Section::Prepared => ("prepared", "Prepared remarks"),
                Section::Qa => ("qa", "Questions and answers"),
            };
            let _ = writeln!(out, "<h2 id=\"{id}\">{name}</h2>");
        }
        if let Some(q) = ix.opens_question[i] {
            let _ = writeln!(
                out,
                "<h3 id=\"q{}\">{}</h3>",
                t.questions[q].number,
                esc(&question(t, q))
            );
        }
        if ix.closing == Some(i) {
            out.push_str("<h3 id=\"closing\">Closing remarks</h3>\n");
        }
        let speaker = t.speaker_of(turn);
        let kind = match speaker.kind {
            SpeakerKind::Executive => "executive",
            SpeakerKind::Analyst => "analyst",
            SpeakerKind::Operator => "operator",
            SpeakerKind::Other => "other",
        };
        let _ = writeln!(
            out,
            "<section class=\"turn {kind}\">\n<p class=\"who\">{}</p>",
            esc(&header(speaker))
        );
        for (b, block) in turn.blocks.iter().enumerate() {
            match block {
                Block::Para { en, zh } => {
                    out.push_str("<div class=\"row\">");
                    let marks = Marks::of(&figures, i, b);
                    if let Some(en) = en {
                        let _ = write!(out, "<p lang=\"en\">{}</p>", marked(en, &marks.en));
                    } else if ix.bilingual {
                        out.push_str("<p lang=\"en\"></p>");
                    }
                    if let Some(zh) = zh {
                        let _ = write!(out, "<p lang=\"zh\">{}</p>", marked(zh, &marks.zh));
                    } else if ix.bilingual {
                        out.push_str("<p lang=\"zh\"></p>");
                    }
                    out.push_str("</div>\n");
                }
                Block::Note { note } => {
                    let _ = writeln!(out, "<p class=\"note\">Note: {}</p>", esc(note));
                }
            }
        }
        out.push_str("</section>\n");
    }
    if !t.back_matter.is_empty() {
        out.push_str("<section class=\"back\">\n<h2>After the call</h2>\n");
        for p in &t.back_matter {
            let _ = writeln!(out, "<p>{}</p>", esc(p));
        }
        out.push_str("</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// The byte ranges to mark in a paragraph's two texts, with the reason to show.
#[derive(Default)]
struct Marks {
    en: Vec<(Range<usize>, String)>,
    zh: Vec<(Range<usize>, String)>,
}

impl Marks {
    /// The figures of block `b` of turn `turn` that are part of a mismatch.
    fn of(a: &Analysis, turn: usize, b: usize) -> Marks {
        let mut m = Marks::default();
        let Some(block) = a.block(turn, b) else {
            return m;
        };
        for mark in &block.zh {
            if let Some(k) = mark.mismatch {
                let mismatch = &a.mismatches[k];
                let (en, _) = a.figures(mismatch);
                let why = match en {
                    Some(en) => format!("{} (English: {})", mismatch.reason, en.text),
                    None => mismatch.reason.to_string(),
                };
                m.zh.push((mark.figure.range.clone(), why));
            }
        }
        for mark in &block.en {
            if let Some(k) = mark.mismatch {
                let why = format!("the Chinese has: {}", a.figures(&a.mismatches[k]).1.text);
                m.en.push((mark.figure.range.clone(), why));
            }
        }
        m.en.sort_by_key(|(r, _)| r.start);
        m.zh.sort_by_key(|(r, _)| r.start);
        m
    }
}

/// `text` escaped, with each range in `marks` (sorted, not overlapping, on character
/// boundaries) wrapped in `<mark class="bad" title="…">`.
fn marked(text: &str, marks: &[(Range<usize>, String)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut at = 0;
    for (range, why) in marks {
        let fits = range.start >= at
            && range.end <= text.len()
            && text.is_char_boundary(range.start)
            && text.is_char_boundary(range.end);
        if !fits {
            continue;
        }
        out.push_str(&esc(&text[at..range.start]));
        let _ = write!(
            out,
            "<mark class=\"bad\" title=\"{}\">{}</mark>",
            esc(why),
            esc(&text[range.clone()])
        );
        at = range.end;
    }
    out.push_str(&esc(&text[at..]));
    out
}

/// `s` safe inside HTML text and double-quoted attributes; control characters dropped.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        assert_eq!(
            esc("<b>\"R&D\"</b> 'x'\u{1b}[31m"),
            "&lt;b&gt;&quot;R&amp;D&quot;&lt;/b&gt; &#39;x&#39;[31m"
        );
    }

    #[test]
    fn marks_wrap_their_ranges_and_skip_what_does_not_fit() {
        let text = "营收 1.5 亿 <美元>";
        let start = text.find("1.5").unwrap();
        let marks = vec![
            // Inside a character: skipped.
            (1..2, "y".to_string()),
            (start..start + 7, "scale".to_string()),
            // Overlaps the one before: skipped rather than nested.
            (start + 1..start + 2, "x".to_string()),
        ];
        assert_eq!(
            marked(text, &marks),
            "营收 <mark class=\"bad\" title=\"scale\">1.5 亿</mark> &lt;美元&gt;"
        );
    }
}
