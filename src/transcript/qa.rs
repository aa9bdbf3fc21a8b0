//! The operator's introductions ("the next question comes from X with Y", "来自 Y 的 X"),
//! the start of the Q&A, the questions, and where they end: the announcement that the Q&A is
//! over or a closing statement, after which turns are closing remarks and belong to no question.

use std::sync::LazyLock;

use regex_lite::Regex;

use super::model::{Block, Question, Section, Speaker, SpeakerKind, Turn};
use super::names::{
    NameForms, NameIndex, generic_label, goes_by, latin_name_like, name_key, numbered_voice,
    same_person,
};
use super::starts::{Starts, anywhere, word};
use super::text::{Script, contains_ignoring_case, script};

/// What an operator's introduction says about the next questioner.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Intro {
    pub name: Option<String>,
    pub name_alt: Option<String>,
    pub firm: Option<String>,
}

/// An operator's introduction: `… question comes from NAME …`, `… go to NAME …`, `Next, NAME`;
/// `rest` is what follows, from the name to the end of the line.
const EN_INTRO_PATTERN: &str = r"(?:[Qq]uestions?(?-u:\b)[\x{20}\x{22}-\x{2D}\x{2F}-\x{3E}\x{40}-\x{7E}\x{A0}-\x{24F}‘’“”–—]{0,60}?(?-u:\b)(?:from|with)|(?-u:\b)(?:comes?|coming) from\s+the line of|(?:go|move|turn) (?:(?:on|over) )?to|(?-u:\b)Next(?: up)?(?:,| is| we have| we'll hear from))\s+(?:the line of\s+|line of\s+)?(?P<rest>[A-Z].*)";
static EN_INTRO: LazyLock<Starts> = LazyLock::new(|| {
    Starts::new(
        EN_INTRO_PATTERN,
        &[
            anywhere("question"),
            word("com"),
            anywhere("go"),
            anywhere("move"),
            anywhere("turn"),
            word("next"),
        ],
    )
});
/// The words before a name in "for our next question, we have NAME": [`EN_WE_HAVE`] is only
/// run on a text that has one of them.
const WE_HAVE: &[&str] = &["we have", "we'll hear from", "next is", "next up is"];
static EN_WE_HAVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)(?:{})[ \t]+(?P<rest>[A-Z].*)",
        WE_HAVE.join("|")
    ))
    .unwrap()
});
/// The words before the questioner in a Chinese introduction (`来自…的…`, `提问者是…`).
const ZH_FROM: &[&str] = &[
    "来自",
    "來自",
    "提问者是",
    "提問者是",
    "提问的是",
    "提問的是",
];
static ZH_INTRO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:{})\s*(?P<rest>[^。！？!?\n]+)",
        ZH_FROM.join("|")
    ))
    .unwrap()
});
static OPENS_QA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)open (?:the call|the line|it) up for questions|question-and-answer session|begin the q&a|开放提问|開放提問|问答环节|問答環節|提问环节|提問環節|开始提问|開始提問")
        .unwrap()
});
/// The Q&A (or the call) is over: "that concludes our question-and-answer session", "there
/// are no further questions at this time", "back to … for closing remarks". (ASCII word
/// boundaries and word characters: the English words are ASCII.)
const ENDS_QA_EN_PATTERN: &str = concat!(
    r"(?i)(?-u:\b)(?:conclude[sd]?|ends|wraps? up)\s+(?:our|the|today'?s|today’s|this)\s+",
    r"(?:[A-Za-z0-9_'’-]+\s+){0,3}?(?:question-and-answer|question\s+and\s+answer|q\s*&\s*a|questions|call|conference|teleconference|session|webcast|program|programme)(?-u:\b)",
    r"|(?-u:\b)(?:no|not\s+(?:have\s+)?any)\s+(?:further|more|other|additional|remaining|follow-up)\s+questions?",
    r"(?:\s+(?:at\s+(?:this\s+(?:time|point)|the\s+moment|present)|in\s+(?:the|our)\s+queue|(?:on|from)\s+(?:the|our)\s+(?:phone\s+)?lines?|today|registered|for\s+(?:today|now)))*",
    r"\s*(?:[.,;:!\n]|$|and(?-u:\b)|so(?-u:\b))",
    r"|(?-u:\b)(?:closing|concluding)\s+(?:remarks|comments|statements?|words|thoughts)(?-u:\b)|(?-u:\b)final\s+(?:remarks|words)(?-u:\b)",
    r"|(?-u:\b)that(?:'s|’s|\s+is)\s+all\s+(?:the\s+)?(?:time|questions)\s+we\s+have(?-u:\b)",
);
static ENDS_QA_EN: LazyLock<Starts> = LazyLock::new(|| {
    Starts::new(
        ENDS_QA_EN_PATTERN,
        &[
            word("conclud"),
            word("ends"),
            word("wrap"),
            word("no"),
            word("closing"),
            word("final"),
            word("that"),
        ],
    )
});
/// The Q&A (or the call) is over, in Chinese: "问答环节到此结束", "没有更多提问",
/// "交回给…做总结发言".
const ENDS_QA_ZH_PATTERN: &str = concat!(
    r"(?:问答|問答|提问|提問|答问|答問)(?:环节|環節|时间|時間|部分|阶段|階段)?(?:就|现在|現在|已经|已經|到此|到这里|到這裡|到這裏)*(?:结束|結束|为止|為止)",
    r"|(?:会|會)(?:议|議)?(?:就|现在|現在|也)?到此(?:结束|結束|为止|為止)",
    r"|(?:没有|沒有|已无|已無|再无|再無|暂无|暫無|并无|並無)(?:任何)?(?:更多|其他|其它|进一步|進一步|别的|別的|新的|其余|其餘)的?(?:提问|提問|问题|問題)了?(?:[。，,；;！!.\n]|$)",
    r"|(?:没有|沒有)人?(?:再)?(?:提问|提問)了",
    r"|(?:总结|總結|结束|結束|闭幕|閉幕)(?:发言|發言|陈述|陳述|致辞|致詞|讲话|講話|语|語)|结语|結語",
);
static ENDS_QA_ZH: LazyLock<Starts> = LazyLock::new(|| {
    Starts::new(
        ENDS_QA_ZH_PATTERN,
        &[
            anywhere("问答"),
            anywhere("問答"),
            anywhere("提问"),
            anywhere("提問"),
            anywhere("答问"),
            anywhere("答問"),
            anywhere("会"),
            anywhere("會"),
            anywhere("没有"),
            anywhere("沒有"),
            anywhere("已无"),
            anywhere("已無"),
            anywhere("再无"),
            anywhere("再無"),
            anywhere("暂无"),
            anywhere("暫無"),
            anywhere("并无"),
            anywhere("並無"),
            anywhere("总结"),
            anywhere("總結"),
            anywhere("结束"),
            anywhere("結束"),
            anywhere("闭幕"),
            anywhere("閉幕"),
            anywhere("结语"),
            anywhere("結語"),
        ],
    )
});
/// A speaker handing the floor on ("can we go to the next question, please?", "下一个问题").
/// (Only run on a text with `next` in any case, or `下一`.)
static HANDS_OVER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)next\s+(?:question|caller)s?(?-u:\b)|下一个问题|下一個問題|下一位")
        .unwrap()
});
/// A closing statement: "thank you all for joining us".
const CLOSING_EN_PATTERN: &str = concat!(
    r"(?i)(?-u:\b)thank(?:s|\s+you)(?:\s*,?\s*(?:all|everyone|everybody|again|so\s+much|very\s+much|once\s+again))*\s*,?\s+for\s+",
    r"(?:joining|participating|attending|listening|being\s+(?:with|here)|your\s+(?:participation|attendance))",
);
static CLOSING_EN: LazyLock<Starts> =
    LazyLock::new(|| Starts::new(CLOSING_EN_PATTERN, &[word("thank")]));
/// A closing statement in Chinese: "感谢各位今天参加".
const CLOSING_ZH_PATTERN: &str = concat!(
    r"(?:感谢|感謝|谢谢|謝謝|多谢|多謝)(?:各位|大家|您|你们|你們|诸位|諸位)?(?:今天|今日|今晚|今早)?的?(?:撥冗|拨冗)?",
    r"(?:参加|參加|参与|參與|出席|收听|收聽|加入|莅临|蒞臨)",
);
static CLOSING_ZH: LazyLock<Starts> = LazyLock::new(|| {
    Starts::new(
        CLOSING_ZH_PATTERN,
        &[
            anywhere("感谢"),
            anywhere("感謝"),
            anywhere("谢谢"),
            anywhere("謝謝"),
            anywhere("多谢"),
            anywhere("多謝"),
        ],
    )
});
/// Words that make what follows a condition ("if there are no further questions").
static CONDITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:if|unless|whether)(?-u:\b)|如果|假如|倘若|若是|要是|如无|如無")
        .unwrap()
});
static PAREN_LATIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<zh>[^()（）]+?)\s*[(（](?P<en>[A-Za-z][A-Za-z .'-]+)[)）]").unwrap()
});

/// Builds this module's patterns now (see [`super::warm`]).
pub(super) fn warm() {
    for p in [
        &EN_INTRO,
        &ENDS_QA_EN,
        &ENDS_QA_ZH,
        &CLOSING_EN,
        &CLOSING_ZH,
    ] {
        LazyLock::force(p);
    }
    for p in [
        &EN_WE_HAVE,
        &ZH_INTRO,
        &OPENS_QA,
        &HANDS_OVER,
        &CONDITION,
        &PAREN_LATIN,
    ] {
        LazyLock::force(p);
    }
}

/// The English and Chinese speech of a turn, each joined.
pub fn turn_text(turn: &Turn) -> (String, String) {
    let (mut en, mut zh) = (String::new(), String::new());
    push_turn_text(turn, &mut en, &mut zh);
    (en, zh)
}

/// Appends each paragraph of `turn` to `en` and `zh`, each followed by a newline.
fn push_turn_text(turn: &Turn, en: &mut String, zh: &mut String) {
    for b in &turn.blocks {
        if let Block::Para { en: e, zh: z } = b {
            for (dst, src) in [(&mut *en, e), (&mut *zh, z)] {
                if let Some(s) = src {
                    dst.push_str(s);
                    dst.push('\n');
                }
            }
        }
    }
}

/// Every turn's [`turn_text`], in two buffers (one per language) rather than a pair of
/// strings per turn: the parse of a long call makes two allocations here, not thousands, and
/// gives them back whole.
pub(crate) struct Texts {
    en: String,
    zh: String,
    /// Each turn's end in `en` and in `zh` (its start is the turn before's end).
    ends: Vec<(usize, usize)>,
}

impl Texts {
    pub(crate) fn new(turns: &[Turn]) -> Self {
        let paras = || {
            turns
                .iter()
                .flat_map(|t| &t.blocks)
                .filter_map(|b| match b {
                    Block::Para { en, zh } => Some((en, zh)),
                    Block::Note { .. } => None,
                })
        };
        let size = |s: &Option<String>| s.as_ref().map_or(0, |s| s.len() + 1);
        let (n_en, n_zh) = paras().fold((0, 0), |(a, b), (en, zh)| (a + size(en), b + size(zh)));
        let mut texts = Texts {
            en: String::with_capacity(n_en),
            zh: String::with_capacity(n_zh),
            ends: Vec::with_capacity(turns.len()),
        };
        for turn in turns {
            push_turn_text(turn, &mut texts.en, &mut texts.zh);
            texts.ends.push((texts.en.len(), texts.zh.len()));
        }
        texts
    }

    /// True when turn `i` introduces a questioner ([`is_intro`]).
    fn is_intro(&self, i: usize) -> bool {
        let (en, zh) = self.get(i);
        is_intro(en, zh)
    }

    /// True when turn `i` opens the Q&A ([`opens_qa`]).
    fn opens_qa(&self, i: usize) -> bool {
        let (en, zh) = self.get(i);
        opens_qa(en, zh)
    }

    /// Turn `i`'s English and Chinese speech, as [`turn_text`] gives them.
    pub(crate) fn get(&self, i: usize) -> (&str, &str) {
        let (en_start, zh_start) = i.checked_sub(1).map_or((0, 0), |p| self.ends[p]);
        let (en_end, zh_end) = self.ends[i];
        (&self.en[en_start..en_end], &self.zh[zh_start..zh_end])
    }
}

/// True when a turn's text introduces a questioner.
pub fn is_intro(en: &str, zh: &str) -> bool {
    let unmarked;
    let en = if en.contains("[ ") {
        unmarked = unbracketed(en);
        unmarked.as_str()
    } else {
        en
    };
    EN_INTRO.is_match(en)
        || ZH_FROM.iter().any(|w| zh.contains(w))
            && ZH_INTRO.is_match(zh)
            && [
                "问题",
                "問題",
                "提问",
                "提問",
                "下一位",
                "下一個",
                "下一个",
                "第一位",
            ]
            .iter()
            .any(|w| zh.contains(w))
}

/// True when a turn's text opens the Q&A.
pub fn opens_qa(en: &str, zh: &str) -> bool {
    OPENS_QA.is_match(en) || OPENS_QA.is_match(zh)
}

/// The first `n` sentences of `text`.
fn opening(text: &str, n: usize) -> &str {
    let mut seen = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '.' | '!' | '?' | '\n' | '。' | '！' | '？') {
            // "2.5" and "J.P." do not end a sentence.
            let bytes = text.as_bytes();
            let next_word = bytes.get(i + 1).is_some_and(|b| !b.is_ascii_whitespace());
            let initial = i >= 1
                && bytes[i - 1].is_ascii_uppercase()
                && (i < 2 || !bytes[i - 2].is_ascii_alphabetic());
            if c == '.' && (next_word || initial) {
                continue;
            }
            seen += 1;
            if seen == n {
                return &text[..i + c.len_utf8()];
            }
        }
    }
    text
}

/// The longest clause [`says`] reads before a match, in bytes (a real one is far shorter).
const CLAUSE_MAX: usize = 400;

/// True when the English pattern `en` or the Chinese one `zh` matches `text` outside a
/// condition: not after "if" in the same clause ("if there are no more questions, …", but
/// "…, back to Jane for closing remarks" counts). (The Chinese pattern is only built and run
/// where there is text other than ASCII; the matches of the two never overlap.)
fn says(en: &Starts, zh: &LazyLock<Starts>, text: &str) -> bool {
    let zh = (!text.is_ascii()).then(|| &**zh);
    let mut found = en
        .find_iter(text)
        .chain(zh.into_iter().flat_map(|zh| zh.find_iter(text)));
    found.any(|(start, _)| {
        // A clause is looked for no further back than CLAUSE_MAX bytes: a text of many
        // matches and no punctuation would otherwise be read back to its start for each.
        let mut from = start.saturating_sub(CLAUSE_MAX);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let before = &text[from..start];
        let clause = before
            .rfind(['.', '!', '?', '\n', '。', '！', '？', ',', '，', ';', '；'])
            .map_or(before, |p| &before[p..]);
        !CONDITION.is_match(clause)
    })
}

/// True when a turn's text says the Q&A or the call is over, or makes a closing statement.
/// With `opening_only`, only the first sentences count: a speaker other than the operator
/// closes the call at the start of a turn, while an answer may end with thanks.
pub fn closes_qa(en: &str, zh: &str, opening_only: bool) -> bool {
    let (en, zh) = if opening_only {
        (opening(en, 3), opening(zh, 3))
    } else {
        (en, zh)
    };
    [en, zh]
        .into_iter()
        .any(|t| says(&ENDS_QA_EN, &ENDS_QA_ZH, t) || says(&CLOSING_EN, &CLOSING_ZH, t))
}

/// Cuts a firm name at the end of its clause ("Barclays. Please go ahead." → "Barclays").
fn cut_firm(text: &str) -> &str {
    let bytes = text.as_bytes();
    let mut end = text.len();
    for (i, c) in text.char_indices() {
        let stop = match c {
            ',' | ';' | '(' | '\n' | '。' | '，' | '；' => true,
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

/// Reads an English introduction: `… from the line of NAME with FIRM.` When a turn holds
/// several (`… from Edison at Deutsche Bank. While Edison figures that out, … from Dan Levy
/// at Barclays.`), the last one that reads is the hand-off.
#[cfg(test)]
fn intro_en(en: &str) -> Option<Intro> {
    intro_en_all(en).pop()
}

/// The most introductions [`intro_en_all`] reads in one turn.
const INTRO_TRIES: usize = 16;

/// Every English introduction of a turn that reads, in order.
pub(super) fn intro_en_all(en: &str) -> Vec<Intro> {
    // A transcriber's "spelled as heard" mark is no part of a name (`Walter Scully(ph) of …`),
    // nor are the brackets around a name heard uncertainly (`from [ Tim Stanley ]`).
    let unmarked;
    let en = if en.contains("(ph)") || en.contains("[ph]") || en.contains("[ ") {
        unmarked = unbracketed(&en.replace("(ph)", "").replace("[ph]", ""));
        unmarked.as_str()
    } else {
        en
    };
    let mut out = Vec::new();
    let mut at = 0;
    // Each match runs to the end of the text: look again after where its name starts. A
    // turn holds a few introductions; only the first INTRO_TRIES matches are read, names
    // or not (each is read to the end of the text).
    let mut tries = 0;
    while let Some((offset, c)) = EN_INTRO
        .captures_at(en, at)
        .filter(|_| out.len() < 8 && tries < INTRO_TRIES)
    {
        tries += 1;
        let Some(rest) = c.name("rest") else { break };
        out.extend(intro_en_rest(rest.as_str()));
        at = offset + rest.start() + 1;
        while !en.is_char_boundary(at) {
            at += 1;
        }
    }
    if out.iter().all(|i| i.firm.is_none()) && WE_HAVE.iter().any(|w| en.contains(w)) {
        // "For our next question, we have NAME from FIRM": the name after the phrase.
        let rest = EN_WE_HAVE
            .captures_iter(en)
            .last()
            .and_then(|c| c.name("rest"));
        let better = rest
            .and_then(|r| intro_en_rest(r.as_str()))
            .filter(|i| out.is_empty() || i.firm.is_some());
        out.extend(better);
    }
    out
}

/// `text` with the brackets a transcriber puts around words heard uncertainly (`[ Tim
/// Stanley ]`, with spaces inside) taken away, their words kept.
fn unbracketed(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find("[ ") {
        let Some(close) = rest[open..].find(']').map(|c| open + c) else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str(rest[open + 1..close].trim().trim_end_matches(','));
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// True for a given name alone (`Adam`, `Will`): an operator may hand off by it.
fn given_name(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.clone().count() >= 1
        && chars.all(|c| c.is_ascii_lowercase() || c == '\'' || c == '-')
        && ![
            "The", "This", "That", "Our", "We", "Next", "It", "And", "Thank", "Thanks",
        ]
        .contains(&word)
}

/// The words between a questioner's name and firm in an introduction.
const INTRO_JOINS: &[&str] = &["with", "from", "of", "at"];

/// Reads `NAME with FIRM…` (or `from`, `of`, `at`, `. With`).
pub(super) fn intro_en_rest(rest: &str) -> Option<Intro> {
    // `NAME, FIRM.` (no joining word): the name is what reads as one before the comma.
    if let Some((name, firm)) = rest.split_once(", ")
        && latin_name_like(name)
        // No sentence inside the name (`Corliss Capital. Ada`); initials (`J.`) are fine.
        && !name
            .split(' ')
            .any(|w| INTRO_JOINS.contains(&w) || (w.ends_with('.') && w.len() > 2))
    {
        let firm = cut_firm(firm);
        return Some(Intro {
            name: Some(name.to_string()),
            name_alt: None,
            firm: (!firm.is_empty()).then(|| firm.to_string()),
        });
    }
    let words: Vec<&str> = rest.split(' ').collect();
    let Some(sep) = words
        .iter()
        .position(|w| INTRO_JOINS.contains(&w.to_lowercase().as_str()))
    else {
        // `… a question from NAME.`: the name alone, no firm.
        let name = cut_firm(rest);
        let person = latin_name_like(name) && !super::participants::firm_like(name);
        return (person && name.split_whitespace().count() <= 4).then(|| Intro {
            name: Some(name.to_string()),
            ..Intro::default()
        });
    };
    let name = words[..sep].join(" ");
    let name = name.trim_end_matches([',', '.']);
    if !(latin_name_like(name) || given_name(name)) {
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
    if !ZH_FROM.iter().any(|w| zh.contains(w)) {
        return None;
    }
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
    // Of several introductions in a turn, the one naming who speaks next, else the last.
    let mut all = intro_en_all(en);
    let named_next = all.iter().rposition(|i| {
        i.name
            .as_deref()
            .is_some_and(|n| names.iter().any(|s| goes_by(n, s)))
    });
    let e = match named_next {
        Some(k) => all.swap_remove(k),
        None => all.pop().unwrap_or_default(),
    };
    let z = intro_zh(zh, &names).unwrap_or_default();
    Intro {
        name: e.name.or(z.name),
        name_alt: z.name_alt,
        firm: e.firm.or(z.firm),
    }
}

/// A heading that gives the floor to one questioner, as a site that splits the Q&A into one
/// section per question writes it: `Q&A #3 — Jane Roe (Firm)：topic`, `Question 2: Jane Roe,
/// Firm`, `Q4 - Jane Roe (Firm)`. The name, and the firm when the heading gives one.
pub fn question_heading(text: &str) -> Option<Intro> {
    let t = text.trim().trim_matches(['#', '*', ' ']).trim();
    if t.len() > 200 {
        return None;
    }
    // The lead (`Q&A`, `Q & A`, `Question`, `Q`), then its number (`#3`, `No. 3`, `3`).
    let lower = t.to_ascii_lowercase();
    let rest = ["q&a", "q & a", "question", "q"]
        .iter()
        .find_map(|lead| lower.strip_prefix(lead))
        .map(|r| &t[t.len() - r.len()..])?;
    let rest = rest.trim_start();
    let rest = rest
        .strip_prefix('#')
        .or_else(|| rest.strip_prefix("No."))
        .unwrap_or(rest)
        .trim_start();
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) {
        return None;
    }
    let rest = rest[digits..].trim_start();
    let who = ["—", "–", "-", ":", "：", "|", "."]
        .iter()
        .find_map(|sep| rest.strip_prefix(sep))?
        .trim();
    // What follows a colon is the topic.
    let head = who.split(['：', ':']).next().unwrap_or(who).trim();
    let (name, firm) = match head.find(['(', '（']) {
        Some(open) => {
            let inner = head[open..].trim_start_matches(['(', '（']);
            let firm = inner.split([')', '）']).next().unwrap_or(inner);
            (&head[..open], Some(firm))
        }
        None => match head.split_once(", ") {
            Some((n, f)) => (n, Some(f)),
            None => (head, None),
        },
    };
    let name = name.trim();
    // A person, not a company (`Q3 - Acme Corp (ACME)` heads a quarter's results).
    let person = (latin_name_like(name) || super::names::han_name_like(name))
        && !super::participants::firm_like(name);
    person.then(|| Intro {
        name: Some(name.to_string()),
        name_alt: None,
        firm: firm
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .map(str::to_string),
    })
}

/// A hand-off written as a heading: the turn it comes before, and what it says.
pub type HeadingHandoff = (usize, Intro);

/// Assigns speaker kinds, sections and questions to parsed turns. `handoffs`: headings that
/// give the floor to one questioner each ([`question_heading`]), by the turn they precede.
pub fn structure(
    speakers: &mut Vec<Speaker>,
    turns: &mut [Turn],
    qa_heading_turn: Option<usize>,
    handoffs: &[HeadingHandoff],
) -> Vec<Question> {
    structure_with(speakers, turns, qa_heading_turn, handoffs, false)
}

/// [`structure`] again, on speakers whose kinds an earlier pass set: the person who ran the
/// Q&A was made an executive then, and runs it again.
pub fn restructure(speakers: &mut Vec<Speaker>, turns: &mut [Turn]) -> Vec<Question> {
    structure_with(speakers, turns, None, &[], true)
}

/// Per turn, the questioner a heading before it gives the floor to (with the heading's
/// firm): the person named, as they speak under the heading or anywhere in the call, or,
/// when the file keeps none of their words, someone new.
fn heading_questioners(
    speakers: &mut Vec<Speaker>,
    turns: &[Turn],
    handoffs: &[HeadingHandoff],
) -> Vec<Option<(usize, Option<String>)>> {
    let mut heads = vec![None; turns.len()];
    // The speakers' names, indexed once: a heading naming someone new is compared with the
    // few speakers whose names could match rather than with every one.
    let mut index = NameIndex::default();
    for (i, s) in speakers.iter().enumerate() {
        index.set(i, &[Some(s.name.as_str()), s.name_alt.as_deref()]);
    }
    for (k, (at, intro)) in handoffs.iter().enumerate() {
        let Some(name) = intro.name.as_deref().filter(|_| *at < turns.len()) else {
            continue;
        };
        let end = handoffs
            .get(k + 1)
            .map_or(turns.len(), |n| n.0.min(turns.len()));
        let forms = NameForms::new(name);
        let questioner = |s: usize| {
            let kind = speakers[s].kind;
            kind != SpeakerKind::Operator && kind != SpeakerKind::Executive
        };
        // `goes_by` includes `same_person`.
        let named = |s: usize| questioner(s) && index.forms(s).iter().any(|n| forms.goes_by(n));
        let found = (*at..end.max(*at))
            .map(|t| turns[t].speaker)
            .find(|&s| named(s))
            .or_else(|| index.first(&forms, true, questioner));
        let sp = found.unwrap_or_else(|| {
            speakers.push(Speaker {
                name: name.to_string(),
                ..Speaker::default()
            });
            index.set(speakers.len() - 1, &[Some(name)]);
            speakers.len() - 1
        });
        let sp_ref = &mut speakers[sp];
        sp_ref.kind = SpeakerKind::Analyst;
        if sp_ref.firm.is_none() {
            sp_ref.firm.clone_from(&intro.firm);
        }
        heads[*at] = Some((sp, intro.firm.clone()));
    }
    heads
}

fn structure_with(
    speakers: &mut Vec<Speaker>,
    turns: &mut [Turn],
    qa_heading_turn: Option<usize>,
    handoffs: &[HeadingHandoff],
    again: bool,
) -> Vec<Question> {
    let texts = Texts::new(turns);
    let moderator = mark_operator(speakers, turns, &texts, again);
    let heads = heading_questioners(speakers, turns, handoffs);
    mark_firm_only_questioners(speakers, turns, &texts);
    mark_introduced_next(speakers, turns);
    let start = qa_start(speakers, turns, &texts, qa_heading_turn);
    for (i, t) in turns.iter().enumerate() {
        if start.is_none_or(|s| i < s) && speakers[t.speaker].kind != SpeakerKind::Operator {
            let sp = &mut speakers[t.speaker];
            if sp.kind == SpeakerKind::Other {
                sp.kind = SpeakerKind::Executive;
            }
        }
    }
    let mut questions = match start {
        Some(start) => {
            let (mut qs, spoken_for) = questions(speakers, turns, &texts, &heads, start);
            speak_for(speakers, turns, &mut qs, &spoken_for);
            for (i, t) in turns.iter_mut().enumerate() {
                t.section = if i >= start {
                    Section::Qa
                } else {
                    Section::Prepared
                };
            }
            qs
        }
        None => Vec::new(),
    };
    for q in &mut questions {
        for &t in &q.turns {
            turns[t].question = Some(q.number);
        }
    }
    // A person who runs the Q&A (the head of investor relations handing off to analysts) is
    // one of the company's people, not the call's operator.
    if let Some(m) = moderator
        && person_named(&speakers[m].name)
    {
        speakers[m].kind = SpeakerKind::Executive;
    }
    questions
}

/// True when a label names a person (`Jane Roe`, `王小明`), not a function (`Operator`,
/// `主持人`) or no one (`Unknown Analyst`).
fn person_named(name: &str) -> bool {
    let han = name.chars().filter(|&c| super::text::is_han(c)).count();
    !super::names::is_operator_word(name)
        && !generic_label(name)
        && ((latin_name_like(name) && name.split_whitespace().count() >= 2)
            || (super::names::han_name_like(name)
                && (han <= 4 || name.chars().any(super::text::is_name_dot))))
}

/// Marks the operator: by title, or as the speaker who introduces questioners. Returns the
/// speaker so marked. `again`: kinds were set by an earlier pass, where the one who
/// introduces questioners may have been made an executive.
fn mark_operator(
    speakers: &mut [Speaker],
    turns: &[Turn],
    texts: &Texts,
    again: bool,
) -> Option<usize> {
    if speakers.iter().any(|s| s.kind == SpeakerKind::Operator) {
        return None;
    }
    let mut intros = vec![0usize; speakers.len()];
    for (i, t) in turns.iter().enumerate() {
        if texts.is_intro(i) {
            intros[t.speaker] += 1;
        }
    }
    let (best, &n) = intros.iter().enumerate().max_by_key(|(_, n)| **n)?;
    let kind = speakers[best].kind;
    let open = kind == SpeakerKind::Other
        || (again && kind == SpeakerKind::Executive && person_named(&speakers[best].name));
    (n >= 2 && open).then(|| {
        speakers[best].kind = SpeakerKind::Operator;
        best
    })
}

/// Gives each question asked under a label that names no one (`Unknown Analyst`) to the
/// person the operator handed off to, with the firm the hand-off gives: one speaker per
/// hand-off, who keeps a label such as `Unknown Analyst` as the other name.
fn speak_for(
    speakers: &mut Vec<Speaker>,
    turns: &mut [Turn],
    qs: &mut [Question],
    spoken_for: &[Option<Intro>],
) {
    for (q, intro) in qs.iter_mut().zip(spoken_for) {
        let label = &speakers[q.analyst];
        if !generic_label(&label.name) {
            continue;
        }
        let Some(intro) = intro else { continue };
        let named = intro
            .name
            .as_deref()
            .filter(|n| latin_name_like(n) || super::names::han_name_like(n));
        let renamed = match named {
            // A bare `Analyst` (`分析师`) says no more than the kind does: it is not kept.
            Some(n) if label.name_alt.as_deref().is_none_or(generic_label) => Speaker {
                name: n.to_string(),
                name_alt: super::names::unnamed_label(&label.name).then(|| label.name.clone()),
                ..label.clone()
            },
            // A label with its own other-script name keeps its names.
            _ if intro.firm.is_some() => label.clone(),
            _ => continue,
        };
        let firm = q.firm.clone().or_else(|| intro.firm.clone());
        let new = speakers.len();
        speakers.push(Speaker {
            firm,
            kind: SpeakerKind::Analyst,
            ..renamed
        });
        for &t in &q.turns {
            if turns[t].speaker == q.analyst {
                turns[t].speaker = new;
            }
        }
        q.analyst = new;
    }
}

/// A voice speech-to-text numbered (`Speaker 3`) takes the name the operator introduced it
/// by, everywhere it speaks, and keeps its label as its other name.
fn name_voice(voice: &mut Speaker, intro: &Intro) {
    let named = intro
        .name
        .as_deref()
        .filter(|n| latin_name_like(n) || super::names::han_name_like(n));
    if let Some(name) = named {
        voice.name_alt.get_or_insert_with(|| voice.name.clone());
        voice.name = name.to_string();
    }
    if voice.firm.is_none() {
        voice.firm.clone_from(&intro.firm);
    }
}

/// In a call with no analyst known and no operator introducing anyone (`NAME, FIRM:` bank
/// transcripts), the speakers labelled with a firm and no role, who first speak after an
/// executive has and whose firm no executive shares, are the questioners. An operator who
/// introduces someone only after them (an excerpt that keeps the operator's last line) does
/// not make them otherwise.
fn mark_firm_only_questioners(speakers: &mut [Speaker], turns: &[Turn], texts: &Texts) {
    if speakers.iter().any(|s| s.kind == SpeakerKind::Analyst) {
        return;
    }
    let first_intro = (0..turns.len())
        .find(|&i| speakers[turns[i].speaker].kind == SpeakerKind::Operator && texts.is_intro(i))
        .unwrap_or(usize::MAX);
    let operator_heard = turns
        .iter()
        .position(|t| speakers[t.speaker].kind == SpeakerKind::Operator)
        .unwrap_or(usize::MAX);
    // An operator who runs the call from its start (a welcome) is the one who hands off.
    if operator_heard < first_intro || first_intro == 0 {
        return;
    }
    let is_exec = |s: &Speaker| s.kind == SpeakerKind::Executive;
    let Some(first_exec) = turns.iter().position(|t| is_exec(&speakers[t.speaker])) else {
        return;
    };
    let exec_firms: Vec<String> = speakers
        .iter()
        .filter(|s| is_exec(s))
        .filter_map(|s| s.firm.clone())
        .collect();
    let mut first_turn = vec![usize::MAX; speakers.len()];
    for (i, t) in turns.iter().enumerate() {
        first_turn[t.speaker] = first_turn[t.speaker].min(i);
    }
    for (i, sp) in speakers.iter_mut().enumerate() {
        let firm_only =
            sp.role.is_none() && sp.firm.as_ref().is_some_and(|f| !exec_firms.contains(f));
        // Before any executive only when asking (a call that opens with its first question).
        let asks = || {
            let (en, zh) = turn_text(&turns[first_turn[i]]);
            en.contains('?') || zh.contains(['?', '？']) || opening(&en, 2).contains("question")
        };
        if sp.kind == SpeakerKind::Other
            && firm_only
            && first_turn[i] < first_intro
            && (first_turn[i] > first_exec || asks())
        {
            sp.kind = SpeakerKind::Analyst;
        }
    }
}

/// A questioner introduced at the end of someone else's turn, not the operator's (the
/// operator's words left under the speaker before, as a cleaned-up transcript can leave
/// them), who speaks next, is an analyst: `… Our first question comes from Jane Roe with
/// Acme.` ending an executive's turn, then `Jane Roe:`.
fn mark_introduced_next(speakers: &mut [Speaker], turns: &[Turn]) {
    for pair in turns.windows(2) {
        let (sp, next) = (pair[0].speaker, pair[1].speaker);
        if sp == next
            || speakers[sp].kind == SpeakerKind::Operator
            || speakers[next].kind != SpeakerKind::Other
        {
            continue;
        }
        let last = pair[0].blocks.iter().rev().find_map(|b| match b {
            Block::Para { en, zh } => Some((en.as_deref(), zh.as_deref())),
            Block::Note { .. } => None,
        });
        let Some((en, zh)) = last else { continue };
        let (en, zh) = (en.unwrap_or_default(), zh.unwrap_or_default());
        if !is_intro(en, zh) {
            continue;
        }
        let intro = intro(en, zh, Some(&speakers[next]));
        if intro
            .name
            .as_deref()
            .is_some_and(|n| same_person(n, &speakers[next].name))
        {
            speakers[next].kind = SpeakerKind::Analyst;
            apply_intro(&mut speakers[next], &intro);
        }
    }
}

/// The first turn of the Q&A.
fn qa_start(
    speakers: &[Speaker],
    turns: &[Turn],
    texts: &Texts,
    heading: Option<usize>,
) -> Option<usize> {
    let is_op = |i: usize| speakers[turns[i].speaker].kind == SpeakerKind::Operator;
    let by_operator = (0..turns.len())
        .find(|&i| is_op(i) && texts.is_intro(i))
        .map(|i| {
            let opened = i > 1 && is_op(i - 1) && texts.opens_qa(i - 1);
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
/// Also returns, per question, the introduction that gave the floor to a label that names
/// no one (`Unknown Analyst`).
fn questions(
    speakers: &mut Vec<Speaker>,
    turns: &[Turn],
    texts: &Texts,
    heads: &[Option<(usize, Option<String>)>],
    start: usize,
) -> (Vec<Question>, Vec<Option<Intro>>) {
    let mut out: Vec<Question> = Vec::new();
    let mut spoken_for: Vec<Option<Intro>> = Vec::new();
    // The operator has just handed the floor on (not asked whether anyone has a question).
    let mut operator_handed = false;
    let mut pending: Option<(usize, Intro)> = None;
    let mut current: Option<usize> = None;
    // Someone other than the operator has just asked for the next question.
    let mut handoff = false;
    let mut first_turn = vec![usize::MAX; speakers.len()];
    for (i, t) in turns.iter().enumerate().rev() {
        first_turn[t.speaker] = i;
    }
    // A questioner speaks or is introduced at this turn: no closing cue before it holds.
    let mut resumed = 0;
    // The current question was opened by a heading naming its questioner.
    let mut headed = false;
    for i in start..turns.len() {
        let sp = turns[i].speaker;
        let (en, zh) = texts.get(i);
        // A heading gives the floor to the one it names, whoever speaks first under it (the
        // operator introducing them, or an answer when the file keeps no question).
        if let Some((analyst, firm)) = heads.get(i).cloned().flatten() {
            let firm = firm.or_else(|| speakers[analyst].firm.clone());
            current = Some(open_question(&mut out, &mut spoken_for, analyst, firm, i));
            (pending, operator_handed, handoff, headed) = (None, false, false, true);
            if sp != analyst && speakers[sp].kind == SpeakerKind::Other {
                speakers[sp].kind = SpeakerKind::Executive;
            }
            continue;
        }
        let closing = if i < resumed {
            Closing::No
        } else {
            closing_from(speakers, turns, texts, &out, heads, i)
        };
        if let Closing::ResumesAt(at) = closing {
            resumed = at;
        }
        if closing == Closing::Here {
            for t in &turns[i..] {
                let closer = &mut speakers[t.speaker];
                if closer.kind == SpeakerKind::Other {
                    closer.kind = SpeakerKind::Executive;
                }
            }
            break;
        }
        if speakers[sp].kind == SpeakerKind::Operator {
            // Under a heading, the operator's asides stay in its question.
            if headed
                && !is_intro(en, zh)
                && let Some(q) = current
            {
                out[q].turns.push(i);
                continue;
            }
            if is_intro(en, zh) {
                let next = turns.get(i + 1).map(|t| &speakers[t.speaker]);
                let answered_next = next.is_some_and(|s| s.kind == SpeakerKind::Executive);
                let intro = intro(en, zh, next);
                // The question read out in the operator's own turn (speech run on into the
                // hand-off, as machine transcription leaves it) and answered next: the one
                // introduced asked it, though no label of theirs says so.
                if answered_next
                    && let Some(name) = intro.name.as_deref()
                    && asked_after(en, name)
                {
                    let analyst = questioner_named(speakers, &intro);
                    let firm = intro
                        .firm
                        .clone()
                        .or_else(|| speakers[analyst].firm.clone());
                    current = Some(open_question(&mut out, &mut spoken_for, analyst, firm, i));
                    (pending, operator_handed, handoff, headed) = (None, false, false, false);
                    continue;
                }
                pending = Some((i, intro));
            }
            current = None;
            handoff = false;
            operator_handed = !en.contains('?') && !zh.contains(['?', '？']);
            continue;
        }
        let handed = std::mem::take(&mut operator_handed);
        // A label that names no one, after the operator hands the floor on: someone else
        // under the same label.
        let generic_again = handed && generic_label(&speakers[sp].name);
        // After "next question, please", someone heard for the first time takes the floor.
        let newcomer = std::mem::take(&mut handoff)
            && first_turn[sp] == i
            && speakers[sp].kind != SpeakerKind::Executive;
        if pending.is_none()
            && current.is_none()
            && !generic_again
            && out.last().is_some_and(|q| q.analyst == sp)
        {
            current = Some(out.len() - 1);
        }
        // An unnamed questioner (`问：`) asking again after an answer is a new question.
        let unnamed_again = i > 0
            && turns[i - 1].speaker != sp
            && super::headers::QUESTION_MARKS.contains(&speakers[sp].name.as_str());
        let is_new_analyst = speakers[sp].kind == SpeakerKind::Analyst
            && (current.is_none_or(|q| out[q].analyst != sp) || unnamed_again);
        // Another analyst's bare "Thank you." inside a question, with no introduction and
        // nothing more from them, does not take the floor (a mislabelled courtesy). From an
        // analyst who has had their own question, a longer thanks ("OK. Perfect. Thank you.
        // Well done.") is the same slip.
        let asked_before = out.iter().any(|q| q.analyst == sp);
        let courtesy = is_new_analyst
            && !unnamed_again
            && current.is_some()
            && (courtesy_only(en, zh) || (asked_before && courtesy_within(en, zh, 8)))
            && turns.get(i + 1).is_none_or(|t| t.speaker != sp);
        let starts = match &pending {
            Some(_) => speakers[sp].kind != SpeakerKind::Executive,
            None if courtesy => false,
            None => {
                is_new_analyst
                    || newcomer
                    || (current.is_none() && speakers[sp].kind != SpeakerKind::Executive)
            }
        };
        if starts {
            headed = false;
            let intro = pending.take();
            let mut q_turns = Vec::new();
            // A label firm is doubted when the label names no one (`Unidentified Analyst`
            // speaks for a different firm each time) or when it is the firm of the call's
            // own executives (an analyst does not work for the company they ask about).
            let generic = generic_label(&speakers[sp].name);
            let host = speakers[sp].firm.as_ref().is_some_and(|f| {
                speakers
                    .iter()
                    .any(|s| s.kind == SpeakerKind::Executive && s.firm.as_ref() == Some(f))
            });
            let mut firm = None;
            let mut speaks_for = None;
            if let Some((t, intro)) = intro {
                q_turns.push(t);
                if generic {
                    speaks_for = Some(intro.clone());
                } else if numbered_voice(&speakers[sp].name) {
                    name_voice(&mut speakers[sp], &intro);
                } else {
                    if host && intro.firm.is_some() {
                        speakers[sp].firm = None;
                    }
                    apply_intro(&mut speakers[sp], &intro);
                }
                firm = intro.firm;
            }
            spoken_for.push(speaks_for);
            q_turns.push(i);
            speakers[sp].kind = SpeakerKind::Analyst;
            let label = speakers[sp].firm.clone();
            out.push(Question {
                number: out.len() + 1,
                analyst: sp,
                firm: if generic || host {
                    firm.or(label)
                } else {
                    label.or(firm)
                },
                turns: q_turns,
            });
            current = Some(out.len() - 1);
        } else if let Some(q) = current {
            pending = None;
            out[q].turns.push(i);
            // Someone unknown who answers is an executive; a bare "Thank you." says nothing
            // about who they are.
            if speakers[sp].kind == SpeakerKind::Other && !courtesy_only(en, zh) {
                speakers[sp].kind = SpeakerKind::Executive;
            }
        }
        handoff = speakers[sp].kind != SpeakerKind::Analyst && hands_over(en, zh);
    }
    (out, spoken_for)
}

/// Opens the next question, `analyst`'s (of `firm`), at turn `turn`, no one speaking for
/// them; its index.
fn open_question(
    out: &mut Vec<Question>,
    spoken_for: &mut Vec<Option<Intro>>,
    analyst: usize,
    firm: Option<String>,
    turn: usize,
) -> usize {
    out.push(Question {
        number: out.len() + 1,
        analyst,
        firm,
        turns: vec![turn],
    });
    spoken_for.push(None);
    out.len() - 1
}

/// Least words after an introduced name for the operator's turn to hold the question too.
const ASKED_WORDS: usize = 15;

/// True when the operator's turn `en`, after introducing `name`, goes on to ask: words
/// enough and a question mark after the name.
fn asked_after(en: &str, name: &str) -> bool {
    en.find(name).is_some_and(|at| {
        let rest = &en[at + name.len()..];
        rest.contains('?') && rest.split_whitespace().count() >= ASKED_WORDS
    })
}

/// The speaker an introduction names (by the name as written), added as an analyst when
/// no one of that name has spoken.
fn questioner_named(speakers: &mut Vec<Speaker>, intro: &Intro) -> usize {
    let name = intro.name.clone().unwrap_or_default();
    let found = speakers.iter().position(|s| {
        s.kind != SpeakerKind::Executive
            && s.kind != SpeakerKind::Operator
            && (s.name == name || s.name_alt.as_deref() == Some(name.as_str()))
    });
    let at = found.unwrap_or_else(|| {
        speakers.push(Speaker {
            name,
            ..Speaker::default()
        });
        speakers.len() - 1
    });
    apply_intro(&mut speakers[at], intro);
    speakers[at].kind = SpeakerKind::Analyst;
    at
}

/// True when a turn ends by asking for the next question.
fn hands_over(en: &str, zh: &str) -> bool {
    let tail = |t: &str| {
        let start = t.len().saturating_sub(200);
        let start = (start..t.len())
            .find(|&i| t.is_char_boundary(i))
            .unwrap_or(t.len());
        let t = &t[start..];
        (contains_ignoring_case(t, "next") || t.contains("下一")) && HANDS_OVER.is_match(t)
    };
    tail(en) || tail(zh)
}

/// True for a turn that only thanks: a few words, thanks among them, no question.
fn courtesy_only(en: &str, zh: &str) -> bool {
    courtesy_within(en, zh, 4)
}

/// True for a turn that only thanks, in at most `max_words` words or one and a half times
/// as many Han characters, with no question.
fn courtesy_within(en: &str, zh: &str, max_words: usize) -> bool {
    let words = en.split_whitespace().count();
    let han = zh.chars().filter(|&c| super::text::is_han(c)).count();
    let lower = en.to_lowercase();
    let thanks = ["thank", "thanks", "appreciate", "cheers"]
        .iter()
        .any(|w| lower.contains(w))
        || ["谢", "謝"].iter().any(|w| zh.contains(w));
    thanks
        && words + han > 0
        && words <= max_words
        && han <= max_words * 3 / 2
        && !en.contains('?')
        && !zh.contains(['?', '？'])
}

/// Whether the closing remarks start at a turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Closing {
    No,
    /// They start here: the turns from here on belong to no question.
    Here,
    /// The turn has a closing cue, but a questioner speaks or is introduced at this later turn.
    ResumesAt(usize),
}

/// Whether the Q&A is over at turn `i`: a question has been answered, the turn announces the
/// end (the operator anywhere in the turn, anyone else in its first sentences), and no
/// questioner speaks or is introduced after it.
fn closing_from(
    speakers: &[Speaker],
    turns: &[Turn],
    texts: &Texts,
    asked: &[Question],
    heads: &[Option<(usize, Option<String>)>],
    i: usize,
) -> Closing {
    let kind = |t: usize| speakers[turns[t].speaker].kind;
    // Everyone who has asked is an analyst by now.
    let questioner = |t: usize| kind(t) == SpeakerKind::Analyst;
    let Some(last) = asked.last() else {
        return Closing::No;
    };
    let answered = last
        .turns
        .iter()
        .any(|&t| turns[t].speaker != last.analyst && kind(t) != SpeakerKind::Operator);
    if !answered || questioner(i) {
        return Closing::No;
    }
    let (en, zh) = texts.get(i);
    let by_operator = kind(i) == SpeakerKind::Operator;
    let cue = if by_operator {
        !is_intro(en, zh) && closes_qa(en, zh, false)
    } else {
        closes_qa(en, zh, true)
    };
    if !cue {
        return Closing::No;
    }
    // After the operator's announcement, someone not heard before is a closer (handed the
    // call back); after anyone else's closing statement, they may be a questioner.
    let resumes = (i + 1..turns.len()).find(|&t| {
        questioner(t)
            || heads.get(t).is_some_and(Option::is_some)
            || !by_operator && kind(t) == SpeakerKind::Other
            || kind(t) == SpeakerKind::Operator && texts.is_intro(t)
    });
    resumes.map_or(Closing::Here, Closing::ResumesAt)
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
    use proptest::prelude::*;

    /// Each question's analyst and firm, in order.
    fn asked(t: &crate::transcript::Transcript) -> Vec<(&str, Option<&str>)> {
        t.questions
            .iter()
            .map(|q| (t.speakers[q.analyst].name.as_str(), q.firm.as_deref()))
            .collect()
    }

    /// Words and marks the three turn-searching patterns are made of, with near misses, for
    /// generated texts.
    const PIECES: &[&str] = &[
        "question",
        "Question",
        "questions",
        "QUESTION",
        "from",
        "with",
        "comes",
        "coming",
        "the line of",
        "line of",
        "go",
        "move",
        "turn",
        "on",
        "over",
        "to",
        "Next",
        "next",
        "up",
        "we have",
        "we'll hear from",
        "is",
        "Ada Lovelace",
        "Barclays",
        "conclude",
        "concludes",
        "concluded",
        "concluding",
        "ends",
        "wrap",
        "wraps up",
        "our",
        "today's",
        "today’s",
        "this",
        "call",
        "session",
        "Q&A",
        "q & a",
        "no",
        "No",
        "not have any",
        "not any",
        "further",
        "more",
        "at this time",
        "in the queue",
        "and",
        "so",
        "closing",
        "remarks",
        "final",
        "words",
        "that's",
        "That is",
        "all",
        "the",
        "time",
        "thank you",
        "Thanks",
        "everyone",
        "for",
        "joining",
        "being with",
        "piano",
        "ago",
        "xnext",
        "_that",
        "é",
        "’",
        "问答",
        "环节",
        "到此",
        "结束",
        "会议",
        "没有",
        "更多",
        "的",
        "提问",
        "了",
        "。",
        "总结",
        "发言",
        "感谢",
        "各位",
        "今天",
        "参加",
        "谢谢",
        "大家",
        "已无",
        "问题",
        ".",
        ",",
        "!",
        "ago to Ada",
        "return to Bo",
        "subquestion from Cy",
        "Nextera",
        "notch",
        "sends",
        "thanksgiving for joining",
        "unthank",
        "wrapping up",
        "by the line of",
    ];

    fn generated() -> impl Strategy<Value = String> {
        let piece = proptest::sample::select(PIECES);
        let gap = proptest::sample::select(&[" ", " ", "", "\n", ", ", "  "][..]);
        proptest::collection::vec((piece, gap), 0..30)
            .prop_map(|v| v.into_iter().flat_map(|(p, g)| [p, g]).collect())
    }

    /// The full engine's build of each turn-searching pattern, built once.
    fn full(pattern: &str) -> &'static regex::Regex {
        static BUILT: LazyLock<Vec<(&str, regex::Regex)>> = LazyLock::new(|| {
            [
                EN_INTRO_PATTERN,
                ENDS_QA_EN_PATTERN,
                ENDS_QA_ZH_PATTERN,
                CLOSING_EN_PATTERN,
                CLOSING_ZH_PATTERN,
            ]
            .map(|p| (p, regex::Regex::new(p).unwrap()))
            .into()
        });
        &BUILT
            .iter()
            .find(|(p, _)| *p == pattern)
            .expect("a turn pattern")
            .1
    }

    /// Each match of `starts` is the full engine's, in order.
    fn same_matches(starts: &Starts, pattern: &str, text: &str) -> Result<(), TestCaseError> {
        let full = full(pattern);
        let want: Vec<(usize, usize)> =
            full.find_iter(text).map(|m| (m.start(), m.end())).collect();
        let got: Vec<(usize, usize)> = starts.find_iter(text).collect();
        prop_assert_eq!(got, want, "{:?}", text);
        Ok(())
    }

    #[test]
    fn the_joined_texts_are_each_turns_own() {
        let t = crate::transcript::parse(
            "Operator: Welcome. Our first question comes from Ada Lee with Acme.\n\n\
             Ada Lee: Hi.\n\nTwo.\n\nJo Park: 谢谢。\n\nThanks.\n",
        );
        let texts = Texts::new(&t.turns);
        assert!(t.turns.len() >= 2);
        for (i, turn) in t.turns.iter().enumerate() {
            let (en, zh) = turn_text(turn);
            assert_eq!(texts.get(i), (en.as_str(), zh.as_str()));
        }
        assert!(texts.get(1).0.contains("Hi.\nTwo.\n"));
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, max_shrink_iters: 200, ..ProptestConfig::default() })]
        #[test]
        fn turn_patterns_match_as_the_full_engine_does(text in generated()) {
            same_matches(&EN_INTRO, EN_INTRO_PATTERN, &text)?;
            same_matches(&ENDS_QA_EN, ENDS_QA_EN_PATTERN, &text)?;
            same_matches(&ENDS_QA_ZH, ENDS_QA_ZH_PATTERN, &text)?;
            same_matches(&CLOSING_EN, CLOSING_EN_PATTERN, &text)?;
            same_matches(&CLOSING_ZH, CLOSING_ZH_PATTERN, &text)?;
            // The introduction's name, and the next one from just after where it starts, as
            // `intro_en_all` reads them.
            let full = full(EN_INTRO_PATTERN);
            let mut at = 0;
            loop {
                let want = full
                    .captures_at(&text, at)
                    .and_then(|c| c.name("rest"))
                    .map(|m| (m.start(), m.as_str()));
                let got = EN_INTRO
                    .captures_at(&text, at)
                    .and_then(|(o, c)| c.name("rest").map(|m| (o + m.start(), m.as_str())));
                prop_assert_eq!(got, want, "{:?} at {}", text, at);
                let Some((start, _)) = want else { break };
                at = start + 1;
                while !text.is_char_boundary(at) {
                    at += 1;
                }
            }
        }
    }

    #[test]
    fn a_question_run_on_into_the_operator_s_hand_off_is_the_one_introduced() {
        let text = "Acme Corp Q3 2026 Earnings Call\n\n\
            Operator: Good morning and welcome to the Acme call.\n\n\
            Jane Roe: Thank you. Revenue was $412 million, up 9% on the year.\n\n\
            Ben Li: Thanks, Jane. Cash from operations was $88 million.\n\n\
            Operator: Our first question comes from Ann Park with Harbor Securities.\n\n\
            Ann Park: How should we think about pricing into next year?\n\n\
            Jane Roe: We expect pricing to hold.\n\n\
            Operator:And our next question comes from Tom Ode with Birch Capital. Please go \
            ahead. Yeah, thanks for taking the question. Could you say how freight costs moved \
            through the quarter and what you expect next?\n\n\
            Ben Li: They eased through the quarter, and we expect that to continue.\n\n\
            Operator: Our next question comes from Ann Park with Harbor Securities. Please go \
            ahead.\n\n\
            Ann Park: One more on margins, please.\n\n\
            Jane Roe: They widened again.\n";
        let t = crate::transcript::parse(text);
        let asked = asked(&t);
        assert_eq!(
            asked,
            [
                ("Ann Park", Some("Harbor Securities")),
                ("Tom Ode", Some("Birch Capital")),
                ("Ann Park", Some("Harbor Securities")),
            ]
        );
        // The question is the operator's turn, then the answer.
        let ben = t.speakers.iter().position(|s| s.name == "Ben Li").unwrap();
        let q2 = &t.questions[1];
        assert_eq!(t.turns[q2.turns[1]].speaker, ben);
        // An introduction with no question after it is not one.
        assert!(!asked_after(
            "Our next question comes from Tom Ode with Birch Capital. Please go ahead.",
            "Tom Ode"
        ));
    }

    #[test]
    fn headings_that_give_the_floor_to_one_questioner() {
        for (line, name, firm) in [
            (
                "Q&A #3 — Ada Brook (Kestrel Securities)：margins",
                "Ada Brook",
                Some("Kestrel Securities"),
            ),
            (
                "## Question 2: Ada Brook, Kestrel",
                "Ada Brook",
                Some("Kestrel"),
            ),
            ("Q4 - Ada Brook (Kestrel)", "Ada Brook", Some("Kestrel")),
            ("**Q&A No. 12 – Ada Brook**", "Ada Brook", None),
            (
                "Q&A #1 — 王小明（北辰证券）：需求",
                "王小明",
                Some("北辰证券"),
            ),
        ] {
            let got = question_heading(line);
            let got = got.as_ref().map(|i| (i.name.as_deref(), i.firm.as_deref()));
            assert_eq!(got, Some((Some(name), firm)), "{line}");
        }
        for line in [
            "Q&A",
            "Questions and Answers",
            "Q3 2026 results: a strong quarter",
            "Question 1: What is the margin outlook for next year?",
            "Q&A #2 — pricing and demand",
            "Quarterly revenue - Ada Brook",
            "Q3 - Acme Corp (ACME)",
        ] {
            assert_eq!(question_heading(line), None, "{line}");
        }
    }

    #[test]
    fn a_spelled_as_heard_mark_is_no_part_of_the_name() {
        let i =
            intro_en("Our next question is coming from Walter Scully(ph) of Putnam Investments.")
                .unwrap();
        assert_eq!(
            (i.name.as_deref(), i.firm.as_deref()),
            (Some("Walter Scully"), Some("Putnam Investments"))
        );
    }

    #[test]
    fn an_introduction_without_the_word_question() {
        let i = intro_en("Thank you. That will come from the line of Brent Thill with Jefferies.")
            .unwrap();
        assert_eq!(
            (i.name.as_deref(), i.firm.as_deref()),
            (Some("Brent Thill"), Some("Jefferies"))
        );
    }

    #[test]
    fn labels_that_name_no_one() {
        for generic in ["Unidentified Analyst", "Unknown Speaker", "Participant"] {
            assert!(generic_label(generic), "{generic}");
        }
        for person in ["Ann Lee", "Keith Weiss", "张伟"] {
            assert!(!generic_label(person), "{person}");
        }
    }

    #[test]
    fn an_analyst_labelled_with_the_hosts_firm_takes_the_introductions() {
        let t = crate::transcript::parse(
            "Operator\n\nWelcome to the Halden Tools call.\n\n\
             Ada Brook -- Halden Tools -- CEO\n\nThanks. Sales rose 4%.\n\n\
             Operator\n\nOur first question comes from Keith Wong with Northgate Securities.\n\n\
             Keith Wong -- Halden Tools -- Analyst\n\nHow is demand?\n\n\
             Ada Brook -- Halden Tools -- CEO\n\nStrong in every region.\n\n\
             Operator\n\nOur next question comes from Mia Ortiz with Fenmore.\n\n\
             Mia Ortiz -- Fenmore -- Analyst\n\nAnd margins?\n\n\
             Ada Brook -- Halden Tools -- CEO\n\nStable.\n",
        );
        let firms: Vec<Option<&str>> = t.questions.iter().map(|q| q.firm.as_deref()).collect();
        assert_eq!(
            firms,
            [Some("Northgate Securities"), Some("Fenmore")],
            "{:?}",
            t.speakers
        );
    }

    #[test]
    fn a_questioner_introduced_at_the_end_of_an_executive_s_turn_asks_next() {
        let t = crate::transcript::parse(
            "Nora Vale:\n\nWelcome to the Brightwater call. Sales rose 6%.\n\n\
             Tom Reyes:\n\nMargins widened to 21%.\n\n\
             To ask a question, raise your hand. Our first question comes from Ivo Lind \
             with Harbor Capital.\n\n\
             Ivo Lind:\n\nHow is demand in the north?\n\n\
             Tom Reyes:\n\nSteady.\n\n\
             Ivo Lind:\n\nAnd pricing?\n\n\
             Nora Vale:\n\nFirm.\n\n\
             Operator:\n\nOur next question comes from Ada Park with Linden Partners.\n\n\
             Ada Park:\n\nWhat about costs?\n\n\
             Tom Reyes:\n\nLower.\n",
        );
        let asked = asked(&t);
        assert_eq!(
            asked,
            [
                ("Ivo Lind", Some("Harbor Capital")),
                ("Ada Park", Some("Linden Partners"))
            ],
            "{:?}",
            t.speakers
        );
        let tom = t.speakers.iter().find(|s| s.name == "Tom Reyes").unwrap();
        assert_eq!(tom.kind, SpeakerKind::Executive);
    }

    #[test]
    fn a_bare_analyst_label_is_the_one_introduced_and_a_name_in_brackets_is_the_name() {
        let t = crate::transcript::parse(
            "Operator: Welcome to the Brightwater call.\n\n\
             Nora Vale: Sales rose 6%.\n\n\
             Operator: Our first question comes from Ivo Lind with Harbor Capital.\n\n\
             Analyst (Ivo Lind): How is demand in the north?\n\n\
             Nora Vale: Steady.\n\n\
             Operator: Our next question comes from Ada Park with Linden Partners.\n\n\
             Analyst: What about costs?\n\n\
             Nora Vale: Lower.\n\n\
             Operator: Our next question comes from Sam Oduya with Keel Bank.\n\n\
             Analyst: And pricing?\n\n\
             Nora Vale: Firm.\n",
        );
        let asked: Vec<(&str, Option<&str>, Option<&str>)> = t
            .questions
            .iter()
            .map(|q| {
                let s = &t.speakers[q.analyst];
                (s.name.as_str(), s.name_alt.as_deref(), q.firm.as_deref())
            })
            .collect();
        assert_eq!(
            asked,
            [
                ("Ivo Lind", None, Some("Harbor Capital")),
                ("Ada Park", None, Some("Linden Partners")),
                ("Sam Oduya", None, Some("Keel Bank")),
            ],
            "{:?}",
            t.speakers
        );
    }

    #[test]
    fn a_bare_label_in_both_languages_takes_the_name_the_operator_gives() {
        let label = Speaker {
            name: "Analyst".into(),
            name_alt: Some("分析师".into()),
            kind: SpeakerKind::Analyst,
            ..Default::default()
        };
        let mut speakers = vec![label];
        let mut turns = vec![Turn {
            speaker: 0,
            ..Default::default()
        }];
        let mut qs = vec![Question {
            number: 1,
            analyst: 0,
            firm: None,
            turns: vec![0],
        }];
        let intro = Intro {
            name: Some("Ada Park".into()),
            name_alt: None,
            firm: Some("Linden Partners".into()),
        };
        speak_for(&mut speakers, &mut turns, &mut qs, &[Some(intro)]);
        let s = &speakers[qs[0].analyst];
        assert_eq!(
            (s.name.as_str(), s.name_alt.as_deref(), s.firm.as_deref()),
            ("Ada Park", None, Some("Linden Partners"))
        );
        assert_eq!(turns[0].speaker, qs[0].analyst);
    }

    #[test]
    fn long_run_ons_are_read_a_bounded_number_of_times() {
        // Thousands of introductions that name no one, on one line: only the first few are
        // read (each reads to the end of the text), and the turn introduces no one.
        let junk = "our next question from ACME 123 with Foo Bar and ".repeat(3_000);
        assert!(intro_en_all(&junk).is_empty());
        // Real introductions among a few of those are still found.
        let text = format!(
            "{}Our next question comes from Ada Lin with Corliss.",
            "our next question from ACME 123 with Foo Bar and ".repeat(3)
        );
        let found = intro_en_all(&text);
        assert_eq!(found[0].name.as_deref(), Some("Ada Lin"));
        // Thousands of conditional closings and no punctuation: each clause is read back a
        // bounded way, and every one is conditional.
        let conditional = "if closing remarks ".repeat(5_000);
        assert!(!closes_qa(&conditional, "", false));
        let closing = format!(
            "{}. That concludes our call",
            "if closing remarks ".repeat(500)
        );
        assert!(closes_qa(&closing, "", false));
    }

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
        for (text, name, firm) in [
            (
                "We'll take our final question from Ada Lin. With Corliss.",
                "Ada Lin",
                "Corliss",
            ),
            (
                "For our next question, we have Ada Lin from Corliss Capital. Ada, your line is open.",
                "Ada Lin",
                "Corliss Capital",
            ),
            (
                "Next, Ada Lin with Corliss Capital.",
                "Ada Lin",
                "Corliss Capital",
            ),
            (
                "The next question comes from Bo at Fenmore. All right. While Bo dials in, \
                 we will go to the next question, from Ada Lin at Corliss.",
                "Ada Lin",
                "Corliss",
            ),
            (
                "Great. We will now move on to Ada from Corliss.",
                "Ada",
                "Corliss",
            ),
            (
                "Our next question comes from Ada Lin, Corliss Capital Global Research.",
                "Ada Lin",
                "Corliss Capital Global Research",
            ),
        ] {
            let i = intro_en(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(
                (i.name.as_deref(), i.firm.as_deref()),
                (Some(name), Some(firm)),
                "{text}"
            );
        }
    }

    #[test]
    fn a_hand_off_to_a_name_heard_uncertainly_and_without_a_firm() {
        let i = intro_en("We will now take questions. [Operator Instructions]\nWe have a question from [ Bo Lindqvist ].").unwrap();
        assert_eq!((i.name.as_deref(), i.firm), (Some("Bo Lindqvist"), None));
        assert!(is_intro("We have a question from [ Bo Lindqvist ].", ""));
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

    #[test]
    fn end_of_qa_cues() {
        for en in [
            "Thank you. That concludes our question-and-answer session.",
            "This concludes today's conference call. You may now disconnect.",
            "Ladies and gentlemen, that does conclude this morning's teleconference.",
            "There are no further questions at this time.",
            "I'm showing no more questions in the queue, so I'll hand it back.",
            "We have no further questions",
            "I would now like to turn the call back to Jane Roe for closing remarks.",
            "Thanks, everyone, for joining us.",
            "Thank you all very much for joining us today.",
            "Thank you very much for your participation today.",
            "That's all the time we have for questions today.",
            "If there are no further questions, I'll turn the call back to Jane for closing remarks.",
        ] {
            assert!(closes_qa(en, "", false), "{en}");
        }
        for zh in [
            "问答环节到此结束，感谢各位参加今天的电话会议。",
            "問答時間到此結束，感謝各位參與今天的會議。",
            "本次電話會議就到此結束，謝謝。",
            "目前没有更多提问了。",
            "謝謝。沒有其他問題。",
            "现在我把会议交回给管理层做总结发言。",
            "現在我將會議交回給管理層作結束語。",
            "感謝大家今日撥冗參加本公司的法說會。",
            "谢谢您今天参与我们的业绩交流会。",
        ] {
            assert!(closes_qa("", zh, false), "{zh}");
        }
        for (en, zh) in [
            (
                "We have no further questions about demand, but on pricing…",
                "",
            ),
            (
                "If there are no further questions, we will wrap up shortly.",
                "",
            ),
            ("Thanks for taking my question.", "感谢您回答我的提问。"),
            ("Thanks for the questions. On margins, we expect…", ""),
            (
                "We have no more questions on the regulatory side of things.",
                "",
            ),
            ("", "我们没有其他问题关于需求，但想问一下定价。"),
            ("", "如果没有其他问题了，我们就结束。"),
            ("", "若是沒有其他問題，我們就結束。"),
            ("", "没有问题，我们会继续投资。"),
            ("", "非常感谢接受我的提问。"),
            (
                "We completed the program in March and ended the quarter strong.",
                "",
            ),
            (
                "Thank you for your interest in the satellite business. We expect…",
                "",
            ),
        ] {
            assert!(!closes_qa(en, zh, false), "{en}{zh}");
        }
        let answer = "Capacity is tight. We are adding three regions. Supply catches up by mid-year. \
                      Thank you all for joining us.";
        assert!(
            !closes_qa(answer, "", true),
            "thanks at the end of an answer"
        );
        assert!(closes_qa(answer, "", false));
        assert_eq!(
            opening("It grew 2.5 times. J.P. Morgan asked. Next.", 2),
            "It grew 2.5 times. J.P. Morgan asked."
        );
    }

    fn person(name: &str, kind: SpeakerKind) -> Speaker {
        Speaker {
            name: name.into(),
            kind,
            ..Speaker::default()
        }
    }

    /// Structures a call of (speaker, English text) turns; speakers: 0 operator, 1 and 2
    /// executives, 3 and 4 analysts by their introductions, 5 someone never heard before.
    fn run(script: Vec<(usize, &str)>) -> (Vec<Speaker>, Vec<Turn>, Vec<Question>) {
        use SpeakerKind::*;
        let speakers = vec![
            person("Operator", Operator),
            person("Jane Roe", Other),
            person("John Smith", Other),
            person("Tom Brandt", Other),
            person("Lisa Wong", Other),
            person("Mary Major", Other),
        ];
        run_with(speakers, &script)
    }

    /// Structures a call of (speaker, English text) turns among `speakers`.
    fn run_with(
        mut speakers: Vec<Speaker>,
        script: &[(usize, &str)],
    ) -> (Vec<Speaker>, Vec<Turn>, Vec<Question>) {
        let mut turns: Vec<Turn> = script
            .iter()
            .map(|&(speaker, text)| Turn {
                speaker,
                blocks: vec![Block::en(text)],
                ..Turn::default()
            })
            .collect();
        let qs = structure(&mut speakers, &mut turns, None, &[]);
        (speakers, turns, qs)
    }

    const OPENING: [(usize, &str); 4] = [
        (0, "Good day and welcome to the call."),
        (1, "Thank you. Revenue grew 12%."),
        (2, "Margins expanded."),
        (
            0,
            "Our first question comes from Tom Brandt with Halvorsen Partners.",
        ),
    ];

    fn with(tail: &[(usize, &'static str)]) -> Vec<(usize, &'static str)> {
        OPENING.iter().chain(tail).copied().collect()
    }

    #[test]
    fn another_analysts_bare_thanks_does_not_take_the_floor() {
        let script = with(&[
            (3, "How is demand?"),
            (1, "Demand is strong."),
            (0, "Next we have Lisa Wong with Ridgeway."),
            (4, "What about pricing in Europe?"),
            (1, "Pricing holds."),
            (3, "Thank you."),
            (1, "Thank you."),
            (0, "That was our last question."),
        ]);
        let (_, _, qs) = run(script.clone());
        assert_eq!(qs.len(), 2, "{qs:?}");
        assert_eq!(qs[1].turns, vec![6, 7, 8, 9, 10]);
        // With something to ask, the same analyst does take the floor again.
        let mut asks = script.clone();
        asks[9] = (3, "One more: how is China?");
        let (_, _, qs) = run(asks);
        assert_eq!(qs.len(), 3, "{qs:?}");
        // A longer thanks is the same slip from an analyst who has had their question.
        let mut longer = script;
        longer[9] = (3, "OK. Perfect. Thank you. Well done.");
        let (_, _, qs) = run(longer);
        assert_eq!(qs.len(), 2, "{qs:?}");
        assert_eq!(qs[1].turns, vec![6, 7, 8, 9, 10]);
    }

    #[test]
    fn after_next_question_please_a_newcomer_takes_the_floor() {
        // No operator: an executive asks for the next question, someone new asks it (the
        // first and last questioners are known as analysts by their firms).
        let script = [
            (3, "Good morning. How are deposit margins?"),
            (
                1,
                "They are stable. Can we go to the next question, please?",
            ),
            (5, "Good morning. Is the cost target intact?"),
            (2, "Yes, it is."),
            (5, "Thank you."),
            (1, "Thank you. Next question, please."),
            (4, "What about mortgages?"),
            (1, "Volumes pick up later in the year."),
        ];
        let mut speakers: Vec<Speaker> = [
            "Op",
            "Jane Roe",
            "John Smith",
            "Tom Brandt",
            "Lisa Wong",
            "Mary Major",
        ]
        .iter()
        .map(|n| person(n, SpeakerKind::Other))
        .collect();
        speakers[3].kind = SpeakerKind::Analyst;
        speakers[4].kind = SpeakerKind::Analyst;
        let (speakers, _, qs) = run_with(speakers, &script);
        let askers: Vec<usize> = qs.iter().map(|q| q.analyst).collect();
        assert_eq!(askers, [3, 5, 4], "{qs:?}");
        assert_eq!(speakers[5].kind, SpeakerKind::Analyst);
        assert_eq!(speakers[2].kind, SpeakerKind::Executive);
    }

    #[test]
    fn closing_remarks_belong_to_no_question() {
        // The host hands back; an executive closes; the operator says goodbye.
        let (speakers, turns, qs) = run(with(&[
            (3, "How is demand?"),
            (1, "Demand is strong."),
            (
                0,
                "There are no further questions. I'll turn the call back to Jane for closing remarks.",
            ),
            (1, "Thank you all for joining us today."),
            (0, "This concludes today's conference call."),
        ]));
        assert_eq!(qs.len(), 1);
        assert_eq!(qs[0].turns, vec![3, 4, 5]);
        assert_eq!(turns[5].question, Some(1));
        for t in &turns[6..] {
            assert_eq!((t.question, t.section), (None, Section::Qa));
        }
        assert_eq!(speakers[1].kind, SpeakerKind::Executive);

        // An executive closes right after the last answer, with no announcement.
        let (_, turns, qs) = run(with(&[
            (3, "How is demand?"),
            (2, "Demand is strong. Thank you for joining us."),
            (
                1,
                "Thanks, everyone, for joining us. A replay will be on our website.",
            ),
            (0, "That concludes the teleconference for today."),
        ]));
        assert_eq!(
            qs[0].turns,
            vec![3, 4, 5],
            "the answer stays, thanks and all"
        );
        assert_eq!(turns[6].question, None);
        assert_eq!(turns[7].question, None);

        // Someone not heard before gives the closing remarks: not a new question.
        let (speakers, turns, qs) = run(with(&[
            (3, "How is demand?"),
            (1, "Demand is strong."),
            (
                0,
                "That concludes our Q&A. I'll hand back to Mary Major for closing remarks.",
            ),
            (
                5,
                "Thank you. We look forward to seeing you at our investor day.",
            ),
        ]));
        assert_eq!(qs.len(), 1);
        assert_eq!(turns[7].question, None);
        assert_eq!(speakers[5].kind, SpeakerKind::Executive);
    }

    #[test]
    fn a_question_after_a_closing_cue_is_still_a_question() {
        // The analyst comes back after "no further questions": the cue does not hold.
        let (_, turns, qs) = run(with(&[
            (3, "How is demand?"),
            (1, "Demand is strong."),
            (0, "There are no further questions at this time."),
            (3, "Sorry, one follow-up: what about pricing?"),
            (1, "Pricing is stable."),
        ]));
        assert_eq!(qs.len(), 1);
        assert_eq!(turns[7].question, Some(1));
        assert_eq!(turns[8].question, Some(1));

        // The operator introduces one more questioner after the cue.
        let (_, turns, qs) = run(with(&[
            (3, "How is demand?"),
            (1, "Demand is strong."),
            (0, "We have no more questions on the phone lines."),
            (
                0,
                "Actually, our next question comes from Lisa Wong with Northgate.",
            ),
            (4, "Thanks for squeezing me in. What about margins?"),
            (2, "Margins expand. Thank you all for joining us today."),
        ]));
        assert_eq!(qs.len(), 2);
        assert_eq!(turns[9].question, Some(2));

        // An analyst saying "no further questions" ends nothing; an unanswered question
        // keeps its next turn.
        let (_, turns, qs) = run(with(&[
            (
                3,
                "We have no further questions about demand, but what about pricing?",
            ),
            (1, "Thank you for joining us, Tom. Pricing is stable."),
        ]));
        assert_eq!(qs[0].turns, vec![3, 4, 5]);
        assert_eq!(turns[5].question, Some(1));
    }

    #[test]
    fn an_executive_closing_cue_followed_by_someone_new_does_not_hold() {
        let (_, turns, qs) = run(with(&[
            (3, "How is demand?"),
            (1, "Demand is strong."),
            (
                2,
                "That's all the time we have for questions from the phone lines.",
            ),
            (5, "A question from the webcast: what about margins?"),
            (2, "Margins expand."),
        ]));
        // Someone new may be asking: the turns stay where they were without the cue.
        assert_eq!(qs.len(), 1);
        assert!(turns[7..].iter().all(|t| t.question == Some(1)));
    }

    #[test]
    fn without_a_cue_the_last_question_keeps_its_turns() {
        let (_, turns, qs) = run(with(&[
            (3, "How is demand?"),
            (1, "Demand is strong."),
            (2, "And margins expand."),
        ]));
        assert_eq!(qs[0].turns, vec![3, 4, 5, 6]);
        assert!(turns[3..].iter().all(|t| t.question == Some(1)));
    }
}
