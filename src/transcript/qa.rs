//! The operator's introductions ("the next question comes from X with Y", "来自 Y 的 X"),
//! the start of the Q&A, and the questions.

use std::sync::LazyLock;

use regex::Regex;

use super::model::{Block, Question, Section, Speaker, SpeakerKind, Turn};
use super::names::{latin_name_like, name_key, same_person};
use super::text::{Script, script};

/// What an operator's introduction says about the next questioner.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Intro {
    pub name: Option<String>,
    pub name_alt: Option<String>,
    pub firm: Option<String>,
}

static EN_INTRO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:[Qq]uestions?\b[^.?!]{0,60}?\b(?:from|with)|(?:go|move|turn) (?:over )?to)\s+(?:the line of\s+|line of\s+)?(?P<rest>[A-Z].*)",
    )
    .unwrap()
});
static ZH_INTRO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:来自|來自|提问者是|提問者是|提问的是|提問的是)\s*(?P<rest>[^。！？!?\n]+)")
        .unwrap()
});
static OPENS_QA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)open (?:the call|the line|it) up for questions|question-and-answer session|begin the q&a|开放提问|開放提問|问答环节|問答環節|提问环节|提問環節|开始提问|開始提問")
        .unwrap()
});
static PAREN_LATIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<zh>[^()（）]+?)\s*[(（](?P<en>[A-Za-z][A-Za-z .'-]+)[)）]").unwrap()
});

/// The English and Chinese speech of a turn, each joined.
pub fn turn_text(turn: &Turn) -> (String, String) {
    let (mut en, mut zh) = (String::new(), String::new());
    for b in &turn.blocks {
        if let Block::Para { en: e, zh: z } = b {
            for (dst, src) in [(&mut en, e), (&mut zh, z)] {
                if let Some(s) = src {
                    dst.push_str(s);
                    dst.push('\n');
                }
            }
        }
    }
    (en, zh)
}

/// True when a turn's text introduces a questioner.
pub fn is_intro(en: &str, zh: &str) -> bool {
    EN_INTRO.is_match(en)
        || ZH_INTRO.is_match(zh)
            && (zh.contains("问题")
                || zh.contains("問題")
                || zh.contains("提问")
                || zh.contains("提問"))
}

/// True when a turn's text opens the Q&A.
pub fn opens_qa(en: &str, zh: &str) -> bool {
    OPENS_QA.is_match(en) || OPENS_QA.is_match(zh)
}

/// Cuts a firm name at the end of its clause ("Barclays. Please go ahead." → "Barclays").
fn cut_firm(text: &str) -> &str {
    let bytes = text.as_bytes();
    let mut end = text.len();
    for (i, c) in text.char_indices() {
        let stop = match c {
            ',' | ';' | '(' | '\n' => true,
            '.' => {
                let initial = i >= 1
                    && bytes[i - 1].is_ascii_uppercase()
                    && (i < 2 || !bytes[i - 2].is_ascii_alphabetic());
                let next_space = bytes.get(i + 1).is_none_or(|b| *b == b' ');
                next_space && !initial
            }
            _ => false,
        };
        if stop {
            end = i;
            break;
        }
    }
    let firm = text[..end].trim();
    for tail in [
        " Please go ahead",
        " please go ahead",
        " Please proceed",
        " Your line is open",
    ] {
        if let Some(f) = firm.strip_suffix(tail) {
            return f.trim();
        }
    }
    firm
}

/// Reads an English introduction: `… from the line of NAME with FIRM.`
fn intro_en(en: &str) -> Option<Intro> {
    let rest = EN_INTRO.captures_iter(en).last()?.name("rest")?.as_str();
    let words: Vec<&str> = rest.split(' ').collect();
    let sep = words
        .iter()
        .position(|w| matches!(*w, "with" | "from" | "of" | "at"))?;
    let name = words[..sep].join(" ");
    let name = name.trim_end_matches([',', '.']);
    if !latin_name_like(name) {
        return None;
    }
    let firm_start = words[..=sep].iter().map(|w| w.len() + 1).sum::<usize>();
    let firm = cut_firm(rest.get(firm_start..)?);
    Some(Intro {
        name: Some(name.to_string()),
        name_alt: None,
        firm: (!firm.is_empty()).then(|| firm.to_string()),
    })
}

/// Strips the words around a firm or name in a Chinese introduction.
fn trim_zh(text: &str) -> &str {
    let mut t = text.trim();
    loop {
        let before = t;
        for w in [
            "来自",
            "來自",
            "的分析师",
            "的分析師",
            "分析师",
            "分析師",
            "的",
            "先生",
            "女士",
            "请提问",
            "請提問",
        ] {
            t = t.trim_end_matches(w).trim();
            t = t.strip_prefix(w).unwrap_or(t).trim();
        }
        if t == before {
            return t;
        }
    }
}

/// Reads a Chinese introduction; `names` are the spellings of the speaker who asks next.
fn intro_zh(zh: &str, names: &[&str]) -> Option<Intro> {
    let rest = ZH_INTRO.captures_iter(zh).last()?.name("rest")?.as_str();
    let rest = rest.split(['，', ',', '；', '请', '請']).next()?.trim();
    let by_name = names
        .iter()
        .filter(|n| !n.is_empty())
        .find_map(|n| rest.find(n).map(|p| (p, *n)));
    let (firm, who) = match by_name {
        Some((pos, _)) if pos > 0 => (&rest[..pos], &rest[pos..]),
        _ => match rest.rfind("的分析") {
            Some(p) => (&rest[..p], &rest[p..]),
            None => rest.rsplit_once('的').unwrap_or(("", rest)),
        },
    };
    let firm = trim_zh(firm);
    let who = trim_zh(who);
    let (name, name_alt) = match PAREN_LATIN.captures(who) {
        Some(c) => (c["zh"].trim().to_string(), Some(c["en"].trim().to_string())),
        None => (who.to_string(), None),
    };
    Some(Intro {
        name: (!name.is_empty()).then_some(name),
        name_alt,
        firm: (!firm.is_empty()).then(|| firm.to_string()),
    })
}

/// Reads an introduction in either language, preferring the English.
pub fn intro(en: &str, zh: &str, next: Option<&Speaker>) -> Intro {
    let names: Vec<&str> = next
        .map(|s| {
            [Some(s.name.as_str()), s.name_alt.as_deref()]
                .into_iter()
                .flatten()
                .collect()
        })
        .unwrap_or_default();
    let e = intro_en(en).unwrap_or_default();
    let z = intro_zh(zh, &names).unwrap_or_default();
    Intro {
        name: e.name.or(z.name),
        name_alt: z.name_alt,
        firm: e.firm.or(z.firm),
    }
}

/// Assigns speaker kinds, sections and questions to parsed turns.
pub fn structure(
    speakers: &mut [Speaker],
    turns: &mut [Turn],
    qa_heading_turn: Option<usize>,
) -> Vec<Question> {
    let texts: Vec<(String, String)> = turns.iter().map(turn_text).collect();
    mark_operator(speakers, turns, &texts);
    let start = qa_start(speakers, turns, &texts, qa_heading_turn);
    for (i, t) in turns.iter().enumerate() {
        if start.is_none_or(|s| i < s) && speakers[t.speaker].kind != SpeakerKind::Operator {
            let sp = &mut speakers[t.speaker];
            if sp.kind == SpeakerKind::Other {
                sp.kind = SpeakerKind::Executive;
            }
        }
    }
    let Some(start) = start else {
        return Vec::new();
    };
    let questions = questions(speakers, turns, &texts, start);
    for (i, t) in turns.iter_mut().enumerate() {
        t.section = if i >= start {
            Section::Qa
        } else {
            Section::Prepared
        };
    }
    for q in &questions {
        for &t in &q.turns {
            turns[t].question = Some(q.number);
        }
    }
    questions
}

/// Marks the operator: by title, or as the speaker who introduces questioners.
fn mark_operator(speakers: &mut [Speaker], turns: &[Turn], texts: &[(String, String)]) {
    if speakers.iter().any(|s| s.kind == SpeakerKind::Operator) {
        return;
    }
    let mut intros = vec![0usize; speakers.len()];
    for (t, (en, zh)) in turns.iter().zip(texts) {
        if is_intro(en, zh) {
            intros[t.speaker] += 1;
        }
    }
    if let Some((best, &n)) = intros.iter().enumerate().max_by_key(|(_, n)| **n)
        && n >= 2
        && speakers[best].kind == SpeakerKind::Other
    {
        speakers[best].kind = SpeakerKind::Operator;
    }
}

/// The first turn of the Q&A.
fn qa_start(
    speakers: &[Speaker],
    turns: &[Turn],
    texts: &[(String, String)],
    heading: Option<usize>,
) -> Option<usize> {
    let is_op = |i: usize| speakers[turns[i].speaker].kind == SpeakerKind::Operator;
    let by_operator = (0..turns.len())
        .find(|&i| is_op(i) && is_intro(&texts[i].0, &texts[i].1))
        .map(|i| {
            let opened = i > 1 && is_op(i - 1) && opens_qa(&texts[i - 1].0, &texts[i - 1].1);
            if opened { i - 1 } else { i }
        });
    let by_analyst = turns
        .iter()
        .position(|t| speakers[t.speaker].kind == SpeakerKind::Analyst)
        .map(|i| {
            let prev_op = i > 0 && speakers[turns[i - 1].speaker].kind == SpeakerKind::Operator;
            if prev_op { i - 1 } else { i }
        });
    [heading, by_operator, by_analyst]
        .into_iter()
        .flatten()
        .min()
}

/// Groups the Q&A turns into questions: introduction, question, answers.
fn questions(
    speakers: &mut [Speaker],
    turns: &[Turn],
    texts: &[(String, String)],
    start: usize,
) -> Vec<Question> {
    let mut out: Vec<Question> = Vec::new();
    let mut pending: Option<(usize, Intro)> = None;
    let mut current: Option<usize> = None;
    for i in start..turns.len() {
        let sp = turns[i].speaker;
        let (en, zh) = &texts[i];
        if speakers[sp].kind == SpeakerKind::Operator {
            if is_intro(en, zh) {
                let next = turns.get(i + 1).map(|t| &speakers[t.speaker]);
                pending = Some((i, intro(en, zh, next)));
            }
            current = None;
            continue;
        }
        if pending.is_none() && current.is_none() && out.last().is_some_and(|q| q.analyst == sp) {
            current = Some(out.len() - 1);
        }
        let is_new_analyst = speakers[sp].kind == SpeakerKind::Analyst
            && current.is_none_or(|q| out[q].analyst != sp);
        let starts = match &pending {
            Some(_) => speakers[sp].kind != SpeakerKind::Executive,
            None => {
                is_new_analyst || (current.is_none() && speakers[sp].kind != SpeakerKind::Executive)
            }
        };
        if starts {
            let intro = pending.take();
            let mut q_turns = Vec::new();
            let mut firm = None;
            if let Some((t, intro)) = intro {
                q_turns.push(t);
                apply_intro(&mut speakers[sp], &intro);
                firm = intro.firm;
            }
            q_turns.push(i);
            speakers[sp].kind = SpeakerKind::Analyst;
            out.push(Question {
                number: out.len() + 1,
                analyst: sp,
                firm: speakers[sp].firm.clone().or(firm),
                turns: q_turns,
            });
            current = Some(out.len() - 1);
        } else if let Some(q) = current {
            pending = None;
            out[q].turns.push(i);
            if speakers[sp].kind == SpeakerKind::Other {
                speakers[sp].kind = SpeakerKind::Executive;
            }
        }
    }
    out
}

/// Fills in what an introduction tells about the analyst.
fn apply_intro(sp: &mut Speaker, intro: &Intro) {
    if sp.firm.is_none() {
        sp.firm.clone_from(&intro.firm);
    }
    if sp.name_alt.is_none() {
        let other = [&intro.name_alt, &intro.name]
            .into_iter()
            .flatten()
            .find(|n| script(n) != script(&sp.name) && script(n) != Script::None);
        sp.name_alt = other.cloned();
    }
    if let Some(name) = &intro.name {
        let longer = same_person(name, &sp.name) && name_key(name).len() > name_key(&sp.name).len();
        if longer {
            sp.name.clone_from(name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_intros() {
        let i = intro_en("Our first question comes from the line of Ross Sandler with Barclays. Please go ahead.").unwrap();
        assert_eq!(i.name.as_deref(), Some("Ross Sandler"));
        assert_eq!(i.firm.as_deref(), Some("Barclays"));
        let i = intro_en(
            "(Operator Instructions) Our next question is from Doug Anmuth of J.P. Morgan.",
        )
        .unwrap();
        assert_eq!(i.firm.as_deref(), Some("J.P. Morgan"));
        let i = intro_en("And our final question will come from the line of Scott Devitt with Wedbush Securities.").unwrap();
        assert_eq!(i.firm.as_deref(), Some("Wedbush Securities"));
    }

    #[test]
    fn chinese_intros() {
        let i = intro_zh(
            "我們的第一個問題來自 Evercore ISIMark Mahaney。請提問",
            &["Mark Mahaney"],
        )
        .unwrap();
        assert_eq!(i.firm.as_deref(), Some("Evercore ISI"));
        let i = intro_zh(
            "下一个问题来自摩根大通(J.P. Morgan)的分析师道格・安穆斯(Doug Anmuth)。请提问。",
            &[],
        )
        .unwrap();
        assert_eq!(i.firm.as_deref(), Some("摩根大通(J.P. Morgan)"));
        assert_eq!(i.name.as_deref(), Some("道格・安穆斯"));
        assert_eq!(i.name_alt.as_deref(), Some("Doug Anmuth"));
        let i = intro_zh("接下来的问题来自高盛的埃里克·谢里登先生，请您提问。", &[]).unwrap();
        assert_eq!(i.firm.as_deref(), Some("高盛"));
        assert_eq!(i.name.as_deref(), Some("埃里克·谢里登"));
        let i = intro_zh(
            "接下來的問題來自 JPMorgan(摩根大通)Doug Anmuth。",
            &["Doug Anmuth"],
        )
        .unwrap();
        assert_eq!(i.firm.as_deref(), Some("JPMorgan(摩根大通)"));
    }
}
