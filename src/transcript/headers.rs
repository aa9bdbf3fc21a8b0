//! Speaker headers: standalone name lines (with their role, alt-name and doubled lines) and
//! inline `Name (Role): speech` / `**Name, Role:** speech` prefixes.

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex_lite::Regex;

use super::body::is_note_word_label;
use super::lines::Line;
use super::names::{
    generic_label, han_name_like, is_operator_word, latin_name_like, name_key, name_like,
    numbered_voice, role_like, unnamed_label,
};
use super::participants::{firm_like, split_dashes, split_name_comma};
use super::text::{
    Script, ends_with_colon, is_han, is_name_dot, is_terminal_punct, strip_colon, within,
};

/// A speaker header found in the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header<'a> {
    /// Line index of the header.
    pub line: usize,
    /// First line after the header's own lines (doubled line, alt name, role line).
    pub end: usize,
    pub name: String,
    pub alt: Option<String>,
    /// What follows the name: role, firm (`Name - Firm - Title`, `Name (Role)`, `Name, Role`).
    pub title: Vec<String>,
    /// Speech on the header line itself (inline layouts).
    pub body: Option<&'a str>,
    /// In an interleaved file, the speech on the next line, labelled with the name in the
    /// other script (`Keith Lane: Thanks.` then `基思·莱恩：谢谢。`).
    pub alt_body: Option<&'a str>,
}

/// How a candidate header is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// A line of its own.
    Standalone,
    /// `**Name, Role:** speech` or `Name (Role): speech`: unambiguous.
    Strong,
    /// `Name: speech`: needs corroboration.
    Bare,
}

#[derive(Debug, Clone)]
struct Cand<'a> {
    name: String,
    title: Vec<String>,
    body: Option<&'a str>,
    form: Form,
}

static MARKDOWN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\*\*\s*(?P<h>[^*]+?)\s*(?:[:：]\s*\*\*|\*\*\s*[:：])\s*").unwrap()
});
static PAREN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<name>[^()（）:：]+?)\s*[(（](?P<title>[^()（）]+)[)）]\s*[:：]\s*(?P<body>\S)",
    )
    .unwrap()
});
static BARE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?P<name>[^:：()（）]+?)\s*[:：]\s*(?P<body>\S)").unwrap());
/// `摩根士丹利分析师Keith Weiss：…`, `杰弗瑞分析师 Brent Thill：…`, with a live stock quote
/// inside the firm (`瑞银(27.38, -0.11, -0.40%)分析师…`): a firm, the word for analyst, a name;
/// perhaps after a lead-in that ends in a colon (`以下是电话会议实录：摩根士丹利分析师…`).
static ZH_ANALYST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?P<lead>[^:：]+)[:：][ \t]*)?(?P<firm>[^:：()（） \t][^:：()（）]*?)[ \t]*(?:[(（][-+0-9.,% \t]*[)）])?[ \t]*(?P<role>(?:机构|首席)?分析师|分析師)[ \t]*(?P<name>[^:：()（）]+?)[ \t]*[:：][ \t]*(?P<body>\S)")
        .unwrap()
});
/// `问：…`, `答：…` (also `問`, `提问`, `回答`): a Q&A written without names. (Spaces are
/// `[ \t]` in these patterns: cleaned text has no other kind, and Unicode `\s` makes them
/// slower to compile.)
static QA_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<mark>问|問|答|提问|提問|回答)[ \t]*[:：][ \t]*(?P<body>\S)").unwrap()
});
/// The marks of [`QA_MARK`] that ask.
pub const QUESTION_MARKS: &[&str] = &["问", "問", "提问", "提問"];
static TIMESTAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s*[\[(]?(?-u:\b)[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?-u:\b)[\])]?\s*").unwrap()
});
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(?:19|20)[0-9][0-9](?-u:\b)").unwrap());
static SPEAKER_NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s*\[[0-9]+\]$").unwrap());

/// Builds this module's patterns now (see [`super::warm`]).
pub(super) fn warm() {
    for p in [
        &MARKDOWN,
        &PAREN,
        &BARE,
        &ZH_ANALYST,
        &QA_MARK,
        &TIMESTAMP,
        &YEAR,
        &SPEAKER_NUMBER,
    ] {
        LazyLock::force(p);
    }
}

/// The speech after a label: the line from the first character the pattern's `body` group
/// matched. (The patterns match the label and that one character, never the whole line: a
/// pattern's cost then stays with the label, however long the speech.)
fn speech<'a>(text: &'a str, c: &regex_lite::Captures<'_>) -> Option<&'a str> {
    c.name("body").map(|m| text[m.start()..].trim())
}

/// `Name (Title): speech` read by [`PAREN`], with its bounds.
fn paren(text: &str) -> Option<regex_lite::Captures<'_>> {
    PAREN
        .captures(text)
        .filter(|c| within(c, &[("name", 30), ("title", 60)]))
}

/// `Analyst (Jane Roe)`, `分析师（马修·马蒂诺）`: a label that names no one, then the person in
/// brackets, as (name, title): the label says only what the Q&A shows.
fn role_then_name(label: &str, bracketed: &str) -> Option<(String, Vec<String>)> {
    let named = latin_name_like(bracketed) || han_name_like(bracketed);
    (generic_label(label) && !unnamed_label(label) && named && !generic_label(bracketed))
        .then(|| (bracketed.to_string(), Vec::new()))
}

/// Splits `Name，Role` / `Name, Role` / `Name（Role）` into a name and title parts.
fn split_heading(h: &str) -> (String, Vec<String>) {
    if let Some(c) = paren(&format!("{h}: x")) {
        return (
            c["name"].trim().to_string(),
            vec![c["title"].trim().to_string()],
        );
    }
    match h.split_once(['，', ',']) {
        Some((n, t)) => (n.trim().to_string(), split_dashes(t.trim())),
        None => (h.trim().to_string(), Vec::new()),
    }
}

/// True when `text` has a digit, a colon and a digit in a row, as every time of day does (a
/// quick test before [`TIMESTAMP`] is run on a line).
fn has_clock(text: &str) -> bool {
    text.as_bytes()
        .windows(3)
        .any(|w| w[1] == b':' && w[0].is_ascii_digit() && w[2].is_ascii_digit())
}

/// Reads a line as a candidate header, if it can be one.
fn candidate<'a>(line: &Line<'a>) -> Option<Cand<'a>> {
    let text = line.text;
    let head = text
        .char_indices()
        .nth(80)
        .map_or(text, |(i, _)| &text[..i]);
    // A time is part of the label only at the start of the line or just before the label's
    // colon; a time in the speech (`… starts at 8:30`) is speech.
    // So is a time that ends a short line after a label (`Speaker 1  0:02`, `Jane Roe
    // 01:15`, as speech-to-text tools head each turn).
    let in_label = |m: &regex_lite::Match<'_>| {
        m.start() == 0
            || (text[m.end()..].trim_start().starts_with([':', '：'])
                && !text[..m.start()].contains([':', '：']))
            || (m.end() == text.len() && name_like(text[..m.start()].trim()))
    };
    let clock = has_clock(head)
        .then(|| TIMESTAMP.find(head).filter(in_label))
        .flatten();
    let cand = match clock {
        // `Name (00:01:23):`, `[00:01:23] Name: …`: read the line without the time, then take
        // the speech (a suffix of both) from the original line.
        Some(m) => {
            let stripped = format!("{}{}", &text[..m.start()], &text[m.end()..]);
            speaker_candidate(&stripped).and_then(|c| rebased(text, c))
        }
        None => speaker_candidate(text).or_else(|| unbolded(text)),
    };
    cand.filter(|c| {
        !is_note_word_label(&c.name)
            && !c.title.iter().any(|t| YEAR.is_match(t))
            && !c.body.is_some_and(|b| ticker_after_colon(text, b))
    })
}

/// True when a line's "speech" is a ticker written right after the colon (`Acme Group, Inc.
/// NYSE:ACME`, as a data provider heads its transcript): an exchange and its symbol.
fn ticker_after_colon(text: &str, body: &str) -> bool {
    let b = body.trim();
    (1..=6).contains(&b.len())
        && b.bytes()
            .all(|x| x.is_ascii_uppercase() || x.is_ascii_digit() || x == b'.')
        && text
            .trim_end()
            .strip_suffix(b)
            .is_some_and(|before| before.ends_with([':', '：']))
}

/// `**Name** (Group):` and other labels with bold inside them: read without the bold, the
/// speech (a suffix of both) taken from the line itself.
fn unbolded(text: &str) -> Option<Cand<'_>> {
    let colon = text.find([':', '：']).unwrap_or(text.len());
    let mut label_end = colon + text[colon..].chars().next().map_or(0, char::len_utf8);
    if text[label_end..].starts_with("**") {
        label_end += 2; // `**Name：**`
    }
    if !text[..label_end].contains("**") {
        return None;
    }
    let plain = text[..label_end].replace("**", "") + &text[label_end..];
    speaker_candidate(&plain).and_then(|c| rebased(text, c))
}

/// A candidate read from a copy of `text` with part of its label removed, its speech (a
/// suffix of both) taken from `text` itself; None when the speech read from the copy is not
/// a suffix of `text` (what was removed was not in the label).
fn rebased<'a>(text: &'a str, c: Cand<'_>) -> Option<Cand<'a>> {
    let body = match c.body {
        Some(b) if text.ends_with(b) => Some(&text[text.len() - b.len()..]),
        Some(_) => return None,
        None => None,
    };
    Some(Cand {
        body,
        name: c.name,
        title: c.title,
        form: c.form,
    })
}

/// `text` without a list number before it (`1、`, `2.`, `３．`, `4)`, `（5）`), or all of it
/// when it has none.
fn without_list_number(text: &str) -> &str {
    let t = text.trim_start();
    let (bracketed, rest) = match t.strip_prefix(['(', '（']) {
        Some(r) => (true, r),
        None => (false, t),
    };
    let digits: usize = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
        .map(char::len_utf8)
        .sum();
    if digits == 0 || digits > 9 {
        return text;
    }
    let after = &rest[digits..];
    let after = if bracketed {
        after.strip_prefix([')', '）'])
    } else {
        after.strip_prefix(['、', '.', '．', ')', '）'])
    };
    after.map_or(text, str::trim_start)
}

/// Reads a line as a candidate header by its shape alone.
fn speaker_candidate(text: &str) -> Option<Cand<'_>> {
    let head: &str = match text.char_indices().nth(70) {
        Some((i, _)) => &text[..i],
        None => text,
    };
    if !head.contains([':', '：']) {
        return standalone(text);
    }
    // The labels these patterns read are bounded (see the `within` limits), so they read
    // only the start of a line; the speech is the rest of the line (see `speech`).
    let zone = match text.char_indices().nth(200) {
        Some((i, _)) => &text[..i],
        None => text,
    };
    if text.starts_with("**")
        && let Some(c) = MARKDOWN.captures(zone).filter(|c| within(c, &[("h", 60)]))
    {
        let body = text[c.get(0).map_or(text.len(), |m| m.end())..].trim();
        let (name, title) = split_heading(&c["h"]);
        if body.is_empty() {
            // The label alone on its line: read as a name line.
            return standalone(text);
        }
        if name_like(&name) {
            return Some(Cand {
                name,
                title,
                body: Some(body),
                form: Form::Strong,
            });
        }
        // Not a name in bold (`**摩根士丹利分析师 Brian Nowak：**`): read without the bold.
    }
    // A record of questions numbers them (`1、问：…`): the mark after the number.
    let unnumbered = without_list_number(zone);
    let skipped = zone.len() - unnumbered.len();
    if let Some(c) = QA_MARK.captures(unnumbered) {
        // `问：…` / `答：…`: an unnamed questioner and the management answering.
        let mark = c["mark"].to_string();
        let asks = QUESTION_MARKS.contains(&mark.as_str());
        return Some(Cand {
            title: vec![if asks { "分析师" } else { "管理层" }.to_string()],
            name: mark,
            body: speech(&text[skipped..], &c),
            form: Form::Strong,
        });
    }
    if let Some(c) = zone
        .contains("分析")
        .then(|| ZH_ANALYST.captures(zone))
        .flatten()
        .filter(|c| within(c, &[("lead", 24), ("firm", 31), ("name", 30)]))
        .filter(|_| !text.starts_with("**"))
    {
        let name = c["name"].trim().to_string();
        if name_like(&name) {
            return Some(Cand {
                name,
                title: vec![c["firm"].to_string(), c["role"].to_string()],
                body: speech(text, &c),
                form: Form::Strong,
            });
        }
    }
    if let Some(c) = paren(zone) {
        if let Some((name, title)) = role_then_name(c["name"].trim(), c["title"].trim()) {
            return Some(Cand {
                name,
                title,
                body: speech(text, &c),
                form: Form::Strong,
            });
        }
        let name = c["name"].trim().to_string();
        if name_like(&name) {
            let title = c["title"].trim().to_string();
            let form = if role_like(&title) {
                Form::Strong
            } else {
                Form::Bare
            };
            let body = speech(text, &c);
            return Some(Cand {
                name,
                title: vec![title],
                body,
                form,
            });
        }
    }
    if let Some(c) = BARE.captures(zone).filter(|c| within(c, &[("name", 60)])) {
        // `NAME, FIRM:  speech`: the part after the comma is a firm or a role.
        let (name, title) = split_name_comma(c["name"].trim(), &[]);
        let body = speech(text, &c).unwrap_or("");
        let short = name.chars().count() <= 30 && title.iter().all(|t| t.chars().count() <= 40);
        if short
            && (name_like(&name) || one_word_name(&name))
            && !body.starts_with("//")
            && title.iter().all(|t| !t.is_empty())
        {
            let (name, title) = uncapitalised(name, title);
            let body = Some(body);
            return Some(Cand {
                name,
                title,
                body,
                form: Form::Bare,
            });
        }
    }
    standalone(text)
}

/// Reads a whole line as `Name`, `Name - Title`, `Name -- Firm -- Title` or `Name, Firm - Title [2]`.
fn standalone(text: &str) -> Option<Cand<'static>> {
    let t = markdown_heading(text).unwrap_or(text);
    let t = t.trim_matches('*').trim();
    // `Name (Role)` ends in a bracket, as a sentence may: the shape says which it is.
    let paren_label = t.ends_with([')', '）'])
        && paren(&format!("{t}: x")).is_some_and(|c| {
            let group = c["title"].trim();
            name_like(c["name"].trim())
                && (role_like(group)
                    || is_operator_word(group)
                    || super::participants::heading_group(group).is_some())
        });
    let sentence_end = t.ends_with(is_terminal_punct) && !ends_with_abbreviation(t) && !paren_label;
    // A line that ends in a comma goes on in the next (an address in a letter's heading).
    let runs_on = t.ends_with([',', '，']);
    if t.len() > 300 || sentence_end || runs_on || t.chars().count() > 100 {
        return None;
    }
    let t = if t.ends_with(']') {
        SPEAKER_NUMBER.replace(t, "")
    } else {
        t.into()
    };
    let colon = ends_with_colon(&t);
    let t = strip_colon(&t);
    // `W. Chiu (Analysts)`: a name too short to stand alone, vouched for by its role.
    let mut vouched = false;
    let labelled = format!("{t}: x");
    let bracketed = paren(&labelled);
    // `Analyst (Name)`.
    let named = bracketed
        .as_ref()
        .and_then(|c| role_then_name(c["name"].trim(), c["title"].trim()));
    let (name, title) = match (named, bracketed) {
        (Some(named), _) => {
            vouched = true;
            named
        }
        // `Name (Role)` on its own line.
        (None, Some(c))
            if name_like(c["name"].trim())
                || (initial_and_surname(c["name"].trim()) && role_like(&c["title"])) =>
        {
            vouched = role_like(&c["title"]);
            (
                c["name"].trim().to_string(),
                vec![c["title"].trim().to_string()],
            )
        }
        _ => {
            let parts = split_dashes(t);
            let (first, rest) = parts.split_first()?;
            split_name_comma(first, rest)
        }
    };
    if !(name_like(&name) || vouched || (!colon && one_word_name(&name))) {
        return None;
    }
    // `Acme Outdoor Goods, Inc.`: a company with its legal form after the comma, not a person
    // with a title (a title page's first line).
    let legal_form = |t: &String| {
        t.split_whitespace().all(|w| {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            super::names::LEGAL_FORMS.contains(&w.as_str())
        })
    };
    if let [only] = title.as_slice()
        && legal_form(only)
    {
        return None;
    }
    // A title is a few words (`Chief Financial Officer`, `Harbor Bank - Analyst`); a sentence
    // or a figure after the dash (`Free Cash Flow -- $140 million, …`) makes the line a
    // takeaway, not a name line.
    let sentence = |t: &String| {
        t.split_whitespace().count() > 10
            || t.contains(';')
            || t.chars()
                .any(|c| c.is_ascii_digit() || c == '$' || c == '%')
    };
    if title.iter().any(sentence) {
        return None;
    }
    // `**Name：**` (or `**Name： **`) alone on its line: a label as strong as an inline one,
    // for a Han name too, when it reads as a person rather than a phrase (`**重要的是：**`).
    let bold = text.starts_with("**") && text.trim_end().ends_with("**");
    if bold
        && colon
        && (latin_name_like(&name) || is_operator_word(&name) || han_person_like(&name))
    {
        return Some(Cand {
            name,
            title,
            body: None,
            form: Form::Strong,
        });
    }
    if colon && vouched {
        // `Name (Role):` alone on its line: as clear a label as `Name (Role): speech`.
        return Some(Cand {
            name,
            title,
            body: None,
            form: Form::Strong,
        });
    }
    if colon && !(latin_name_like(&name) || is_operator_word(&name) || numbered_voice(&name)) {
        return None;
    }
    Some(Cand {
        name,
        title,
        body: None,
        form: Form::Standalone,
    })
}

/// The text of a markdown heading line (`### Jane Roe, CFO`), without its marker.
pub fn markdown_heading(text: &str) -> Option<&str> {
    let level = text.bytes().take_while(|&b| b == b'#').count();
    let rest = &text[level..];
    ((1..=6).contains(&level) && rest.starts_with([' ', '\t']))
        .then(|| rest.trim())
        .filter(|r| !r.is_empty())
}

/// True when `text` ends with an abbreviation rather than a sentence: `Apple, Inc.`,
/// `Goldman Sachs & Co.`, `Banco S.A.`, `John Smith Jr.`.
fn ends_with_abbreviation(text: &str) -> bool {
    let Some(last) = text.split_whitespace().next_back() else {
        return false;
    };
    let letters = || last.chars().filter(|c| c.is_alphabetic()).count();
    // The last word first: the whole text is read only when it is an abbreviation.
    let written_out = || {
        text.split_whitespace()
            .any(|w| !w.ends_with('.') && w.chars().filter(|c| c.is_alphabetic()).count() > 2)
    };
    last.ends_with('.')
        && last.starts_with(|c: char| c.is_uppercase())
        && last.chars().all(|c| c.is_alphabetic() || c == '.')
        && (1..=4).contains(&letters())
        && written_out()
}

/// True for `W. Chiu`: an initial and a family name (a name only where a role vouches for it).
fn initial_and_surname(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    matches!(words.as_slice(), [initial, surname]
        if initial.len() == 2
            && initial.starts_with(|c: char| c.is_ascii_uppercase())
            && initial.ends_with('.')
            && surname.chars().count() >= 2
            && surname.starts_with(|c: char| c.is_uppercase())
            && surname.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\''))
}

/// True when a Han name reads as a person's: a name shape without the function characters
/// of a phrase (`重要的是`, `我们认为`).
fn han_person_like(name: &str) -> bool {
    const FUNCTION: &str = "的是了在和与及等我们你他她它这那有为对就也都而但如果要会能说之其";
    han_name_like(name) && !name.chars().any(|c| FUNCTION.contains(c))
}

/// True when `name` is one capitalised Latin word (`Gavin`): a speaker only where the file's
/// labels say so, and never a word the text also writes in lower case (`Note`, `Revenue`).
fn one_word_name(name: &str) -> bool {
    let mut words = name.split_whitespace();
    matches!((words.next(), words.next()), (Some(w), None)
        if (2..=20).contains(&w.chars().count())
            && w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && w.chars().skip(1).all(|c| c.is_ascii_lowercase() || c == '-' || c == '\''))
        && !is_operator_word(name)
        && !latin_name_like(name)
}

/// True when `word` never occurs in lower case as a word of `text` (a proper name).
fn never_lower_case(text: &str, word: &str) -> bool {
    let lower = word.to_lowercase();
    !text.match_indices(&lower).any(|(at, m)| {
        let before = text[..at].chars().next_back();
        let after = text[at + m.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Finds the speaker headers, skipping lines in `skip` (participant lists).
pub fn find<'a>(
    lines: &[Line<'a>],
    skip: &HashSet<usize>,
    known: &[String],
    vouched: &[String],
    full_text: &str,
    wrapped: bool,
) -> Vec<Header<'a>> {
    let mut cands: Vec<Option<Cand<'a>>> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if skip.contains(&i) || (wrapped && continues(lines, i)) {
                return None;
            }
            // A line the next one continues is a sentence, not a name line.
            candidate(l)
                .filter(|c| c.form != Form::Standalone || !(wrapped && continues(lines, i + 1)))
        })
        .collect();
    let mut counts: HashMap<String, usize> = HashMap::new();
    for (i, c) in cands.iter().enumerate() {
        let Some(c) = c else { continue };
        let key = name_key(&c.name);
        // The same label on the next line in the other language (a bilingual file) is the
        // same use of it, not a second one.
        let translation = i > 0
            && lines[i].gap == 0
            && lines[i].script != lines[i - 1].script
            && cands[i - 1]
                .as_ref()
                .is_some_and(|p| name_key(&p.name) == key);
        if translation {
            counts.entry(key).or_default();
        } else {
            *counts.entry(key).or_default() += 1;
        }
    }
    drop_glossaries(lines, &mut cands, &counts);
    let mentions = Mentions::new(full_text, cands.iter().flatten().map(|c| c.name.as_str()));
    let known: HashSet<String> = known.iter().map(|n| name_key(n)).collect();
    // A label the container vouches for may carry a title (`Jane Roe - Acme, Inc.`): its
    // name counts as well.
    let vouched: HashSet<String> = vouched
        .iter()
        .flat_map(|label| {
            let parts = split_dashes(label);
            let name = parts.first().map_or(label.as_str(), String::as_str);
            let (name, _) = split_name_comma(name, &[]);
            [name_key(label), name_key(&name)]
        })
        .collect();
    // A Chinese file (a translation that kept the speakers' names in English, say): a Latin
    // name alone on a line before Chinese speech is a speaker even if it speaks once.
    let zh_lines = lines.iter().filter(|l| l.script == Script::Zh).count();
    let en_lines = lines.iter().filter(|l| l.script == Script::En).count();
    let chinese = zh_lines > 4 * en_lines;
    // The document's own label grammar: when `Label: speech` lines that corroborate
    // themselves (the operator, a name that recurs, a participant) make up the file's turns,
    // a person-shaped label that speaks once is one more speaker of the same kind, once the
    // call has begun (a `Term: definition` glossary before it stays front matter).
    let corroborated_bare = |c: &Cand<'_>| {
        let key = name_key(&c.name);
        !one_word_name(&c.name)
            && (is_operator_word(&c.name) || known.contains(&key) || counts[&key] >= 2)
    };
    let bare_lines = cands
        .iter()
        .flatten()
        .filter(|c| {
            // Inline labels that need no corroboration (`Name (Role): …`) count as well.
            (c.form == Form::Bare && corroborated_bare(c))
                || (c.form == Form::Strong && c.body.is_some_and(|b| !b.is_empty()))
        })
        .count();
    let standalone_lines = cands
        .iter()
        .flatten()
        .filter(|c| c.form == Form::Standalone && corroborated_bare(c))
        .count();
    let inline_grammar = bare_lines >= 3 && bare_lines > standalone_lines;
    // Whether a one-word label is never written in lower case, worked out once per label.
    let mut proper: HashMap<String, bool> = HashMap::new();
    let mut proper_name = |name: &str| {
        *proper
            .entry(name.to_string())
            .or_insert_with(|| never_lower_case(full_text, name))
    };
    let mut headers: Vec<Header<'a>> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(c) = &cands[i] else {
            i += 1;
            continue;
        };
        let key = name_key(&c.name);
        if let Some(h) = name_then_role(lines, &cands, i) {
            i = h.end;
            headers.push(h);
            continue;
        }
        let header = match c.form {
            Form::Strong => Some(inline_header(i, c)),
            Form::Standalone if vouched.contains(&key) => {
                standalone_header(lines, i, c, counts[&key], true, &mentions)
            }
            Form::Bare if one_word_name(&c.name) => {
                // A one-word label speaks twice, or once when its own speech opens by
                // naming it (`Sanchez: Hi. This is Sanchez speaking for …`, a colleague on
                // the line for the analyst who was introduced).
                let ok = inline_grammar
                    && (counts[&key] >= 2
                        || (!headers.is_empty() && introduces_itself(c.body, &c.name)))
                    && !is_note_word_label(&c.name)
                    && proper_name(&c.name);
                ok.then(|| inline_header(i, c))
            }
            Form::Bare => {
                let ok = is_operator_word(&c.name)
                    || numbered_voice(&c.name)
                    || known.contains(&key)
                    || counts[&key] >= 2
                    || (latin_name_like(&c.name) && mentions.mentioned(&c.name, counts[&key]))
                    || introduced(lines, i, &c.name)
                    // `Latin Name（Firm）：speech` in a Chinese file: the shape says it all
                    // (a Han word before parentheses is as often a label: `每股收益（EPS）：`).
                    || (chinese
                        && latin_name_like(&c.name)
                        && !c.title.is_empty()
                        && c.body.is_some_and(|b| !b.is_empty()))
                    || (inline_grammar
                        && !headers.is_empty()
                        && person_shaped(&c.name)
                        // A Han label of a few characters is as often a term (`每股收益`):
                        // it needs a name dot or a mention elsewhere.
                        && (latin_name_like(&c.name)
                            || c.name.chars().any(is_name_dot)
                            || mentions.mentioned(&c.name, counts[&key])));
                ok.then(|| inline_header(i, c))
            }
            Form::Standalone if one_word_name(&c.name) => {
                // `Gavin` alone on a line: only in a file of name lines, for a word that
                // recurs as a label, is named in the speech and is never written in lower case.
                let ok = !inline_grammar
                    && standalone_lines >= 3
                    && counts[&key] >= 2
                    && mentions.mentioned(&c.name, counts[&key])
                    && !is_note_word_label(&c.name)
                    && proper_name(&c.name);
                if ok {
                    standalone_header(lines, i, c, counts[&key], true, &mentions)
                } else {
                    None
                }
            }
            Form::Standalone => {
                let before_chinese = chinese
                    && lines.get(i + 1).is_some_and(|l| l.script == Script::Zh)
                    && c.name.split_whitespace().count() >= 2
                    && latin_name_like(&c.name);
                let corroborated =
                    known.contains(&key) || before_chinese || numbered_voice(&c.name);
                standalone_header(lines, i, c, counts[&key], corroborated, &mentions)
            }
        };
        match header {
            Some(mut h) => {
                // The same turn's label in the other script on the next line: one speaker,
                // its speech the other language of the same paragraph.
                if let Some(body) = h.body
                    && let Some(Some(next)) = cands.get(h.end)
                    && let Some(next_body) = next.body
                    && lines[h.end].gap == 0
                    && translated_label(&h.name, body, &next.name, next_body)
                {
                    if name_key(&next.name) != name_key(&h.name) {
                        h.alt = Some(next.name.clone());
                    }
                    h.alt_body = Some(next_body);
                    h.end += 1;
                }
                i = h.end;
                headers.push(h);
            }
            None => i += 1,
        }
    }
    headers
}

/// A label written in capitals (`JANE DOE, NORTHWIND CAPITAL`) as people write it: each
/// word of the name capitalised, and the title's longer words (short ones are acronyms:
/// `RBC`, `CFO`).
fn uncapitalised(name: String, title: Vec<String>) -> (String, Vec<String>) {
    let caps = |s: &str| s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase);
    if !caps(&name) || name.chars().filter(|c| c.is_alphabetic()).count() < 4 {
        return (name, title);
    }
    let word = |w: &str, keep_short: bool| -> String {
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        if keep_short && letters <= 4 {
            return w.to_string();
        }
        let mut out = String::with_capacity(w.len());
        let mut start = true;
        for c in w.chars() {
            if start {
                out.push(c);
            } else {
                out.extend(c.to_lowercase());
            }
            start = !c.is_alphabetic() && c != '\'' && c != '’';
        }
        out
    };
    let words = |s: &str, keep_short: bool| -> String {
        s.split(' ')
            .map(|w| word(w, keep_short))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let title = title
        .into_iter()
        .map(|t| if caps(&t) { words(&t, true) } else { t })
        .collect();
    (words(&name, false), title)
}

/// True when line `i` goes on with the sentence of the line before it, as in text
/// hard-wrapped at a fixed width: no blank line between them, and the line before is long
/// and ends mid-sentence (no closing punctuation, no colon).
fn continues(lines: &[Line<'_>], i: usize) -> bool {
    let (Some(prev), Some(line)) = (i.checked_sub(1).and_then(|p| lines.get(p)), lines.get(i))
    else {
        return false;
    };
    let p = prev.text.trim_end();
    line.gap == 0
        && line.text != prev.text
        && prev.script == Script::En
        && p.chars().count() >= 60
        && !p.ends_with(is_terminal_punct)
        && !ends_with_colon(p)
        && !p.ends_with(['"', '”', ')', ']'])
}

/// True when two labelled lines are one turn in two languages: the speech in different
/// scripts, and the label the same name, or each name in its own speech's script.
fn translated_label(name: &str, body: &str, next_name: &str, next_body: &str) -> bool {
    use super::text::script;
    let (a, b) = (script(body), script(next_body));
    a != b
        && a != Script::None
        && b != Script::None
        && (name_key(name) == name_key(next_name) || (script(name) == a && script(next_name) == b))
}

/// True when `name` is shaped like a person's name: two to five Latin words, or a short Han
/// name (two to four characters, or with a name dot).
fn person_shaped(name: &str) -> bool {
    let words = name.split_whitespace().count();
    (latin_name_like(name) && (2..=5).contains(&words))
        || (han_name_like(name)
            && ((2..=4).contains(&name.chars().filter(|&c| is_han(c)).count())
                || name.chars().any(is_name_dot)))
}

/// Clears `Term: definition` glossaries and `Metric -- figure` takeaways: three or more
/// labelled lines in a row with no blank line between them (or one, between definitions that
/// say nothing of a speaker's own), each label used once in the whole file (or with its
/// translation on the next line) and none the operator (turns in a row always have someone
/// who speaks again); with the glossary's heading right above it.
fn drop_glossaries(
    lines: &[Line<'_>],
    cands: &mut [Option<Cand<'_>>],
    counts: &HashMap<String, usize>,
) {
    // `Term: text` (`ISG (Infrastructure Solutions Group): …` too): a short label before a
    // colon and text after it.
    let labelled = |i: usize| {
        let t = lines[i].text;
        // A dash that counts starts in the first 80 bytes: look no further than it can end.
        let head = &t[..(85..=t.len())
            .find(|&e| t.is_char_boundary(e))
            .unwrap_or(t.len())];
        let dash = [" -- ", " — ", " – "]
            .iter()
            .filter_map(|d| head.find(d).map(|at| (at, d.len())))
            .min();
        let colon = t
            .char_indices()
            .take(60)
            .find(|(_, c)| matches!(c, ':' | '：'))
            .map(|(at, c)| (at, c.len_utf8()));
        [colon, dash].into_iter().flatten().any(|(at, len)| {
            at <= 80
                && !t[..at].contains(['.', '?', '!', '。', '？', '！'])
                && !t[at + len..].trim().is_empty()
        })
    };
    let keys: Vec<Option<String>> = cands
        .iter()
        .map(|c| c.as_ref().map(|c| name_key(&c.name)))
        .collect();
    // Used once in the file, or twice as a term and its translation on the next line, in the
    // other language (`Atlas: …` then `Atlas：…`).
    let once = |i: usize| {
        let Some(k) = &keys[i] else { return true };
        let twin = |j: usize| {
            j < keys.len()
                && lines[i.max(j)].gap == 0
                && lines[j].script != lines[i].script
                && keys[j].as_ref() == Some(k)
        };
        match counts[k] {
            1 => true,
            2 => (i > 0 && twin(i - 1)) || twin(i + 1),
            _ => false,
        }
    };
    let terms: Vec<bool> = (0..cands.len())
        .map(|i| {
            labelled(i)
                && once(i)
                && cands[i]
                    .as_ref()
                    .is_none_or(|c| c.form != Form::Strong && !is_operator_word(&c.name))
        })
        .collect();
    // A definition says nothing of a speaker's own (no `I`, `we`, `you`): such terms may
    // stand a blank line apart, as a glossary's entries often do.
    let defines = |i: usize| terms[i] && impersonal(lines[i].text);
    // A label with nothing after it and no title.
    let bare: Vec<bool> = cands
        .iter()
        .map(|c| {
            c.as_ref().is_some_and(|c| {
                c.body.is_none_or(str::is_empty) && c.title.is_empty() && !is_operator_word(&c.name)
            })
        })
        .collect();
    let mut glossaries = Vec::new();
    let mut i = 0;
    while i < cands.len() {
        if !terms[i] {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < cands.len()
            && terms[end]
            && (lines[end].gap == 0 || (lines[end].gap == 1 && defines(end) && defines(end - 1)))
        {
            end += 1;
        }
        if end - i >= 3 {
            // The glossary's heading (`INDUSTRY GLOSSARY`, and its translation), right above
            // it: a label with nothing after it, used nowhere else (above terms read as
            // labels: a speaker's header above lines that are no one's stays).
            let mut start = i;
            let named = cands[i..end].iter().any(Option::is_some);
            while named
                && start > 0
                && i - start < 2
                && lines[start].gap <= 1
                && bare[start - 1]
                && once(start - 1)
            {
                start -= 1;
            }
            glossaries.push(start..end);
        }
        i = end;
    }
    for g in glossaries {
        cands[g].iter_mut().for_each(|c| *c = None);
    }
}

/// True when `text` says nothing of a speaker's own: no `I`, `we`, `our`, `you` (`我`,
/// `我们`, `你`, `您`), and it asks nothing.
fn impersonal(text: &str) -> bool {
    const PERSONAL: &[&str] = &[
        "i", "i'm", "i've", "i'd", "i'll", "me", "my", "we", "we're", "we've", "we'd", "we'll",
        "our", "us", "you", "your", "you're",
    ];
    let asks = text.trim_end().ends_with(['?', '？']);
    let personal_word = text
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .any(|w| PERSONAL.contains(&w.replace('’', "'").to_lowercase().as_str()));
    !asks && !personal_word && !text.contains(['我', '你', '您', '咱'])
}

/// `Jane Roe:` with nothing after the colon, then `Chief Designer: speech` on the next line:
/// one label, the name with its role.
fn name_then_role<'a>(
    lines: &[Line<'a>],
    cands: &[Option<Cand<'a>>],
    i: usize,
) -> Option<Header<'a>> {
    let c = cands[i].as_ref()?;
    let next = cands.get(i + 1)?.as_ref()?;
    let body = next.body.filter(|b| !b.is_empty())?;
    let alone = c.body.is_none() && c.title.is_empty() && ends_with_colon(lines[i].text);
    let role = role_like(&next.name) && next.title.is_empty() && !is_operator_word(&next.name);
    (alone && role && latin_name_like(&c.name) && !role_like(&c.name) && lines[i + 1].gap <= 1)
        .then(|| Header {
            line: i,
            end: i + 2,
            name: c.name.clone(),
            alt: None,
            title: vec![next.name.clone()],
            body: Some(body),
            alt_body: None,
        })
}

/// A header whose speech starts on the same line.
fn inline_header<'a>(i: usize, c: &Cand<'a>) -> Header<'a> {
    Header {
        line: i,
        end: i + 1,
        name: c.name.clone(),
        alt: None,
        title: c.title.clone(),
        body: c.body,
        alt_body: None,
    }
}

/// True when a short Han name that speaks once was just introduced: the line before names it
/// ("第一个问题来自高盛的陈静" before "陈静：谢谢。").
fn introduced(lines: &[Line<'_>], i: usize, name: &str) -> bool {
    let han = name.chars().filter(|&c| is_han(c)).count();
    let short = (2..=4).contains(&han) || name.chars().any(is_name_dot);
    short
        && han_name_like(name)
        && i > 0
        && lines[i - 1]
            .text
            .split_once(['：', ':'])
            .map_or(lines[i - 1].text, |(_, speech)| speech)
            .contains(name)
}

/// True when a label's speech opens by naming the speaker (`This is Sanchez speaking for…`,
/// `Hi, it's Sanchez on for…`, `Sanchez here for…`): the name in the first sentences, after
/// `this is`, `it's`, `I'm` or `my name is`, or followed by `here`.
fn introduces_itself(body: Option<&str>, name: &str) -> bool {
    let Some(body) = body else { return false };
    let head = &body[..body.char_indices().nth(160).map_or(body.len(), |(i, _)| i)];
    head.match_indices(name).any(|(at, m)| {
        let before = head[..at].trim_end().to_lowercase();
        let after = head[at + m.len()..].trim_start().to_lowercase();
        let boundary = !head[at + m.len()..].starts_with(char::is_alphanumeric);
        boundary
            && ([
                "this is", "it's", "it’s", "it is", "i'm", "i’m", "i am", "name is",
            ]
            .iter()
            .any(|w| {
                before
                    .strip_suffix(w)
                    .is_some_and(|rest| !rest.ends_with(char::is_alphanumeric))
            }) || after.starts_with("here"))
    })
}

/// How often candidate labels occur in the text, counted for all of them in one pass the
/// first time one is asked about (each as `str::matches` counts it: without overlaps).
struct Mentions<'t> {
    text: &'t str,
    counts: OnceCell<HashMap<&'t str, usize>>,
    names: Vec<&'t str>,
}

impl<'t> Mentions<'t> {
    fn new(text: &'t str, names: impl IntoIterator<Item = &'t str>) -> Self {
        let mut names: Vec<&str> = names.into_iter().filter(|n| !n.is_empty()).collect();
        names.sort_unstable();
        names.dedup();
        Mentions {
            text,
            counts: OnceCell::new(),
            names,
        }
    }

    fn counts(&self) -> &HashMap<&'t str, usize> {
        self.counts.get_or_init(|| {
            let Ok(ac) = AhoCorasick::new(&self.names) else {
                return HashMap::new();
            };
            let mut counts = vec![0; self.names.len()];
            // Where each name's last counted occurrence ends: one that starts before it
            // overlaps it and is not counted.
            let mut free = vec![0; self.names.len()];
            for m in ac.find_overlapping_iter(self.text) {
                let p = m.pattern().as_usize();
                if m.start() >= free[p] {
                    counts[p] += 1;
                    free[p] = m.end();
                }
            }
            self.names.iter().copied().zip(counts).collect()
        })
    }

    /// True when `name` occurs in the text more often than as a header line (an
    /// introduction).
    fn mentioned(&self, name: &str, as_header: usize) -> bool {
        match self.counts().get(name) {
            Some(&n) => n > as_header,
            None => self.text.matches(name).nth(as_header).is_some(),
        }
    }
}

/// Accepts a standalone name line when something corroborates it, and takes the lines it owns.
fn standalone_header<'a>(
    lines: &[Line<'a>],
    i: usize,
    c: &Cand<'a>,
    count: usize,
    known: bool,
    mentions: &Mentions<'_>,
) -> Option<Header<'a>> {
    let mut h = Header {
        line: i,
        end: i + 1,
        name: c.name.clone(),
        alt: None,
        title: c.title.clone(),
        body: None,
        alt_body: None,
    };
    let mut extras = 0;
    // The header again (as machine-translated files repeat it, in the other language's
    // punctuation: `Raimo Lenschow—Barclays—分析师` under `Raimo Lenschow--Barclays -- Analyst`).
    let again = |l: &Line<'_>| {
        l.text == lines[i].text
            || (!c.title.is_empty() && split_dashes(l.text).first().is_some_and(|n| *n == c.name))
    };
    if lines.get(h.end).is_some_and(again) {
        h.end += 1;
        extras += 1;
    }
    if let Some((alt, title)) = lines.get(h.end).and_then(|l| alt_name(&c.name, l)) {
        h.alt = Some(alt);
        if h.title.is_empty() {
            h.title = title;
        }
        h.end += 1;
        extras += 1;
    }
    if h.title.is_empty()
        && let Some(role) = lines
            .get(h.end)
            .filter(|l| is_role_line(l, lines.get(h.end + 1)))
    {
        // `Firm - Title`, `Firm, Research Division`, `*Firm*`: parts as a title line has them.
        h.title = split_dashes(unemphasized(role.text));
        h.end += 1;
        extras += 1;
    }
    // A row of column names in capitals over a line of figures (`CONSENSUS ACTUAL SURPRISE`
    // over `FQ2 2021 3.16 2.97`, a data provider's table copied to text) heads a table.
    if table_head(&c.name, lines.get(i + 1)) && !known && !is_operator_word(&c.name) {
        return None;
    }
    let latin = latin_name_like(&c.name) || unnamed_label(&c.name);
    // A company's name alone on a line (`Acme Freight Corporation`) heads the document,
    // not a turn.
    // Nor is a job title alone (`Executive Officer`) a person.
    let ok = if (firm_like(&c.name) && c.title.is_empty()
        || role_like(&c.name) && !unnamed_label(&c.name))
        && !known
        && !is_operator_word(&c.name)
    {
        false
    } else if is_operator_word(&c.name) || known {
        true
    } else if latin {
        !c.title.is_empty() || extras > 0 || count >= 2 || mentions.mentioned(&c.name, count)
    } else {
        han_name_like(&c.name) && (h.alt.is_some() || (count >= 2 && extras > 0))
    };
    ok.then_some(h)
}

/// True when `name` is a row of words in capitals (two or more) and the line under it is
/// figures rather than words: a table's header, with no speech under it.
fn table_head(name: &str, next: Option<&Line<'_>>) -> bool {
    let capitals = name.split_whitespace().count() >= 2
        && name.chars().any(char::is_alphabetic)
        && !name.chars().any(char::is_lowercase);
    let figures = |t: &str| {
        let digits = t.chars().filter(char::is_ascii_digit).count();
        digits >= 2 && digits > t.chars().filter(|c| c.is_alphabetic()).count()
    };
    capitals && next.is_some_and(|l| figures(l.text))
}

/// The previous name line's name in the other script, if `line` gives it (with any title
/// after a dash: `约翰·史密斯` then `John Smith - CEO`).
fn alt_name(name: &str, line: &Line<'_>) -> Option<(String, Vec<String>)> {
    if line.gap > 1 {
        return None;
    }
    let parts = split_dashes(line.text);
    let (alt, title) = parts.split_first()?;
    let name_script = super::text::script(name);
    let ok = match line.script {
        Script::Zh => name_script != Script::Zh && han_person_like(alt),
        Script::En => name_script == Script::Zh && (latin_name_like(alt) || is_operator_word(alt)),
        Script::None => false,
    };
    ok.then(|| (alt.clone(), title.to_vec()))
}

/// True when `line` is a job title or an affiliation standing under a name line, with speech
/// after it: `CFO`, `Firm - MD & Senior Analyst`, `Firm, Research Division` (in italics as
/// saved pages set it).
fn is_role_line(line: &Line<'_>, next: Option<&Line<'_>>) -> bool {
    let text = unemphasized(line.text);
    line.gap <= 1
        && text.chars().count() <= 120
        && !text.ends_with(is_terminal_punct)
        && !ends_with_colon(text)
        && (role_like(text) || split_dashes(text).iter().any(|p| firm_like(p)))
        && next.is_some()
}

/// `text` without the markdown emphasis around it (`*Firm*`, `_Firm_`, `**Firm**`).
fn unemphasized(text: &str) -> &str {
    let t = text.trim();
    for mark in ["**", "*", "__", "_"] {
        if let Some(inner) = t.strip_prefix(mark).and_then(|r| r.strip_suffix(mark)) {
            return inner.trim();
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcript::lines::split;

    fn headers(text: &str) -> Vec<Header<'_>> {
        let lines = split(text);
        let wrapped = crate::transcript::lines::hard_wrapped(&lines);
        find(&lines, &HashSet::new(), &[], &[], text, wrapped)
    }

    #[test]
    fn a_name_with_its_group_in_brackets_alone_on_a_line_is_a_header() {
        let text = "Operator (Operator)\nWelcome to the call.\nDana Field (Executives)\nThanks.\n\
            Ann Lee (Analysts)\nHow is demand?\nDana Field (Executives)\nStrong.";
        let names: Vec<String> = headers(text).into_iter().map(|h| h.name).collect();
        assert_eq!(names, ["Operator", "Dana Field", "Ann Lee", "Dana Field"]);
        // A sentence in brackets stays speech.
        let text =
            "Operator\nWelcome.\nDana Field (Executives)\nRevenue grew (as we expected)\nMore.";
        let names: Vec<String> = headers(text).into_iter().map(|h| h.name).collect();
        assert_eq!(names, ["Operator", "Dana Field"]);
    }

    #[test]
    fn a_company_with_its_legal_form_after_a_comma_is_no_speaker() {
        let text = "Fernhollow Outfitters, Inc.\nQ3 2026 Earnings Call\nThursday, October 8, 2026\n\n\
            Operator\nWelcome to the call.\nPia Marlow\nChief Executive Officer\nThank you.\n\
            Pia Marlow\nChief Executive Officer\nOne more thing.";
        let names: Vec<String> = headers(text).into_iter().map(|h| h.name).collect();
        assert_eq!(names, ["Operator", "Pia Marlow", "Pia Marlow"]);
        let t = crate::transcript::parse(text);
        assert_eq!(t.date.as_deref(), Some("2026-10-08"), "{t:#?}");
    }

    #[test]
    fn markdown_headings_name_speakers_and_numbered_sentences_do_not() {
        let text = "# Halden Tools — Q1 Earnings Call\n\n## Prepared remarks\n\n\
            ### Ada Brook, Chief Executive Officer, Halden Tools Corp.\n\
            1. At EXPO, we announced Fusion. ⚑ uncertain\n\
            2. At Expo, Bo Lin, our partner\n\n## Q&A\n\n\
            ### Tom Hale, Analyst, Fenmore & Co. LLC\n1. How is demand?\n\n\
            ### Ada Brook, Chief Executive Officer, Halden Tools Corp.\n1. Strong.\n";
        let h = headers(text);
        let names: Vec<&str> = h.iter().map(|h| h.name.as_str()).collect();
        assert_eq!(names, ["Ada Brook", "Tom Hale", "Ada Brook"]);
        assert_eq!(h[1].title, vec!["Analyst, Fenmore & Co. LLC".to_string()]);
        assert_eq!(markdown_heading("### Ada Brook"), Some("Ada Brook"));
        assert_eq!(markdown_heading("#hashtag"), None);
        assert_eq!(markdown_heading("####### too deep"), None);
    }

    #[test]
    fn a_name_label_with_no_speech_and_a_role_label_under_it_are_one_label() {
        let text = "Operator: Welcome.\nAda Brook: Thanks.\nOperator: Next, the design studio?\n\
            Bo Lindqvist:\nChief Designer: Do you want me to take that one? We never tell.\n\
            Ada Brook: Indeed.\n";
        let h = headers(text);
        let got: Vec<(&str, Vec<String>)> = h
            .iter()
            .map(|h| (h.name.as_str(), h.title.clone()))
            .collect();
        assert_eq!(got[3], ("Bo Lindqvist", vec!["Chief Designer".to_string()]));
        assert_eq!(
            h[3].body,
            Some("Do you want me to take that one? We never tell.")
        );
        assert_eq!(got.len(), 5, "{got:?}");
    }

    #[test]
    fn block_headers_with_role() {
        let text = "Operator\n\nWelcome.\n\n\nDana Whitfield\n\nCFO\n\n謝謝。\n\n\nDana Whitfield\n\nCFO\n\n好的。";
        let h = headers(text);
        assert_eq!(h.len(), 3);
        assert_eq!(h[1].name, "Dana Whitfield");
        assert_eq!(h[1].title, vec!["CFO".to_string()]);
    }

    #[test]
    fn doubled_and_alt_names() {
        let text = "Operator\n运营商\nHello.\n你好。\nJane Q. Example - CFO\nJane Q. Example - CFO\nThanks.\n谢谢。\n\
            Tom Brandt\n汤姆·布兰特\nA question.\n一个问题。";
        let h = headers(text);
        assert_eq!(h.len(), 3);
        assert_eq!(h[0].alt.as_deref(), Some("运营商"));
        assert_eq!(h[1].title, vec!["CFO".to_string()]);
        assert_eq!(h[1].end, 6);
        assert_eq!(h[2].alt.as_deref(), Some("汤姆·布兰特"));
    }

    #[test]
    fn a_bare_han_name_that_speaks_once_is_a_speaker_when_the_line_before_introduces_it() {
        let text = "主持人：下面有请来自北岸证券的周晓岚提问。\n周晓岚：谢谢，想问一下库存。\n\
            马腾：库存已回到正常水平。\n主持人：谢谢。\n注意：以上为摘录。";
        let h = headers(text);
        let names: Vec<&str> = h.iter().map(|h| h.name.as_str()).collect();
        // 马腾 speaks once and nobody introduced him: not corroborated, so his line stays
        // speech; 注意 is not a name at all.
        assert_eq!(names, ["主持人", "周晓岚", "主持人"]);
    }

    #[test]
    fn in_a_chinese_file_a_latin_name_line_before_chinese_speech_is_a_speaker() {
        let text = "主持人\n下一位提问的是北岸证券的分析师。\nLena Marsh\n我想问一下库存的情况。\n\
            Tom Brandt\n库存已回到正常水平。\n第二段回答。\n主持人\n谢谢各位。\n再次感谢。\n会议结束。";
        let h = headers(text);
        let names: Vec<&str> = h.iter().map(|h| h.name.as_str()).collect();
        assert_eq!(names, ["主持人", "Lena Marsh", "Tom Brandt", "主持人"]);
        // In an English file the same line needs more to go on.
        let english = "Operator\nNext question, please.\nLena Marsh\nHow is inventory?\n";
        let names: Vec<String> = headers(english).into_iter().map(|h| h.name).collect();
        assert!(!names.contains(&"Lena Marsh".to_string()), "{names:?}");
    }

    #[test]
    fn a_glossary_of_terms_a_blank_line_apart_under_its_heading_is_no_one_speaking() {
        let t = crate::transcript::parse(
            "Brightwater Q1 2026 Earnings Call\n\n\
             INDUSTRY GLOSSARY\n行业术语\n\n\
             Atlas: The company's managed cloud database service.\n\
             Atlas：公司的托管云数据库服务。\n\n\
             Vector Search: Technique for retrieving information by meaning.\n\
             向量搜索：按含义检索信息的技术。\n\n\
             Agentic Workloads: Workloads run by agent-based systems that need live data.\n\
             代理工作负载：由需要实时数据的代理系统运行的工作负载。\n\n\
             FedRAMP High: The highest security level for federal cloud use.\n\
             FedRAMP 高级：联邦云使用的最高安全级别。\n\n\
             Operator: Good morning and welcome to the Brightwater call.\n\
             接线员：早上好，欢迎参加 Brightwater 电话会议。\n\n\
             Nora Vale: Thank you. Sales rose 6%.\n\
             诺拉·维尔：谢谢。销售额增长 6%。\n\n\
             Operator: Our first question comes from Ivo Lind with Harbor Capital.\n\
             接线员：我们的第一个问题来自 Harbor Capital 的 Ivo Lind。\n\n\
             Ivo Lind: How is demand?\n伊沃·林德：需求如何？\n\n\
             Nora Vale: Steady.\n诺拉·维尔：稳定。\n",
        );
        let names: Vec<&str> = t.speakers.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Operator", "Nora Vale", "Ivo Lind"]);
        assert!(t.front_matter.iter().any(|p| p.contains("Vector Search")));
        assert!(
            t.front_matter
                .iter()
                .any(|p| p.contains("INDUSTRY GLOSSARY"))
        );
    }

    #[test]
    fn speakers_each_heard_once_a_blank_line_apart_are_not_a_glossary() {
        let t = crate::transcript::parse(
            "Operator: Welcome to the Brightwater call.\n\n\
             Nora Vale: Sales rose 6%.\n\n\
             Operator: Our first question comes from Ann Lee with Harbor Capital.\n\n\
             Ann Lee: I wonder how demand held up in the north this quarter.\n\n\
             Bo Chen: We saw steady demand there, and our margins held.\n\n\
             Cy Diaz: I would add that our costs fell.\n\n\
             Operator: Our next question comes from Dee Fox with Linden Partners.\n\n\
             Dee Fox: What about costs?\n\n\
             Nora Vale: Lower.\n",
        );
        let names: Vec<&str> = t.speakers.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Operator",
                "Nora Vale",
                "Ann Lee",
                "Bo Chen",
                "Cy Diaz",
                "Dee Fox"
            ]
        );
    }

    #[test]
    fn a_label_that_names_no_one_with_a_name_in_brackets_is_that_person() {
        let named = |l, b| role_then_name(l, b).map(|(n, _)| n);
        assert_eq!(
            named("Analyst", "Matthew Martino").as_deref(),
            Some("Matthew Martino")
        );
        assert_eq!(
            named("分析师", "马修·马蒂诺").as_deref(),
            Some("马修·马蒂诺")
        );
        assert_eq!(named("Analyst", "分析师"), None, "a label in two languages");
        assert_eq!(named("Jane Roe", "Analyst"), None, "a name with its role");
        assert_eq!(named("Unknown Analyst", "Jane Roe"), None);
    }

    #[test]
    fn in_a_chinese_file_a_latin_name_with_its_firm_in_parentheses_is_a_speaker() {
        let text = "主持人：下一位提问者来自北岸证券。\n每股收益（EPS）：1.95 美元，略低于预期。\n\
            Lena Marsh（North Shore Securities）：想问一下库存。\n周晓岚：库存已回到正常水平。\n\
            周晓岚：谢谢。\n主持人：谢谢各位。";
        let h = headers(text);
        let names: Vec<&str> = h.iter().map(|h| h.name.as_str()).collect();
        assert_eq!(
            names,
            ["主持人", "Lena Marsh", "周晓岚", "周晓岚", "主持人"]
        );
    }

    #[test]
    fn inline_forms() {
        let text = "营收:123 亿元,同比增长 8%。\n会议主持人:欢迎。\n王小明（某某公司首席执行官）：谢谢。\n\
            **张伟，分析师：** 请问。\n**重要的是：**\n会议主持人:谢谢。";
        let h = headers(text);
        let names: Vec<&str> = h.iter().map(|h| h.name.as_str()).collect();
        assert_eq!(names, ["会议主持人", "王小明", "张伟", "会议主持人"]);
        assert_eq!(h[1].title, vec!["某某公司首席执行官".to_string()]);
        assert_eq!(h[2].title, vec!["分析师".to_string()]);
    }

    #[test]
    fn a_heading_and_its_translation_are_not_a_name_and_its_other_script() {
        let text = "Operator\n运营商\nThanks for joining.\n谢谢参加。\n\
            Stocks Mentioned\n提及的股票\nAcme, Beta.\nAcme、Beta。";
        let names: Vec<String> = headers(text).into_iter().map(|h| h.name).collect();
        assert_eq!(names, ["Operator"]);
    }

    #[test]
    fn labels_and_headings_are_not_speakers() {
        let text =
            "作者說明:\n\n說明文字。\n\n作者說明:\n\n更多。\n\nPrepared Remarks:\n\nThank You\n";
        assert!(headers(text).is_empty());
    }

    #[test]
    fn a_line_that_runs_on_past_a_comma_is_no_header() {
        assert!(standalone("Harbor Plaza, Dock Road Complex, Tower Two,").is_none());
        assert!(standalone("Harbor Plaza, Dock Road Complex, Tower Two").is_some());
    }

    #[test]
    fn numbered_question_and_answer_marks_are_labels() {
        for line in [
            "1、问：毛利率为何提升？",
            "（2）问：订单如何？",
            "3. 问: 资本开支？",
        ] {
            let c = candidate(&split(line)[0]).expect(line);
            assert_eq!(c.name, "问", "{line}");
        }
        assert_eq!(without_list_number("2026年营收增长"), "2026年营收增长");
        assert_eq!(without_list_number("12、答：是的"), "答：是的");
    }

    #[test]
    fn an_exchange_and_its_ticker_are_not_a_label() {
        assert!(ticker_after_colon("Acme Group, Inc. NYSE:ACME", "ACME"));
        assert!(ticker_after_colon(
            "Acme Group, Inc. NasdaqGS:AC.B ",
            "AC.B "
        ));
        assert!(!ticker_after_colon("JANE ROE: OK", "OK"));
        assert!(!ticker_after_colon("Jane Roe: Thanks.", "Thanks."));
    }

    #[test]
    fn a_table_header_in_capitals_is_not_a_speaker() {
        // Column names over figures, the same words again in the text: a table, no turn.
        let text = "Estimates\nMEAN HIGH LOW MEAN HIGH\nRevenue 812.4 840.0\n\
            MEAN HIGH LOW\nFQ3 2025 1.12 1.30\n 14.2 %\nFQ4 2025 1.40 1.51\n\n\
            JANE ROE\nChief Executive Officer\nThank you all for joining us today.\n";
        let names: Vec<String> = headers(text).into_iter().map(|h| h.name).collect();
        assert_eq!(names, ["JANE ROE"]);
    }
}

#[cfg(test)]
mod mention_tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Counting every label in one pass gives each the count `str::matches` gives it
        /// alone (overlapping occurrences, labels inside labels, repeated labels).
        #[test]
        fn one_pass_counts_as_each_label_alone(
            text in "[ab ]{0,40}",
            names in prop::collection::vec("[ab ]{0,4}", 0..6),
            as_header in 0usize..4,
        ) {
            let mentions = Mentions::new(&text, names.iter().map(String::as_str));
            for n in &names {
                prop_assert_eq!(
                    mentions.mentioned(n, as_header),
                    text.matches(n.as_str()).count() > as_header,
                    "{:?} in {:?}", n, text
                );
            }
        }
    }
}
