//! From clean text to a [`Transcript`]: layout detection, speakers, sections and questions.
//!
//! The layout is read, not looked up: participant lists, then speaker headers (standalone
//! name lines with their role / alt-name / doubled lines, or inline `Name (Role): …` and
//! `**Name，Role：**` prefixes), then each turn's lines become interleaved pairs, paragraphs
//! or commentary notes. What precedes the first header is front matter; page chrome after
//! the last speech is back matter.

pub(crate) mod body;
pub mod eval;
mod headers;
mod lines;
mod meta;
pub mod model;
pub mod names;
mod participants;
mod prefixes;
mod qa;
mod records;
#[cfg(test)]
mod scale_tests;
mod speakers;
mod starts;
pub mod text;
pub mod unlabelled;

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex_lite::Regex;

pub use model::*;

use headers::Header;
use lines::Line;
use text::{script, strip_colon};

static RULE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[-=_*~—–#+]{3,}$").unwrap());
/// A line of a site's furniture: a link, a copyright, a disclaimer, a duration (see
/// [`chrome`]).
static CHROME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\[[^\]]+\]\([^)]+\)|https?://\S+|©.*|copyright(?-u:\b).*|all rights reserved.*|disclaimer:?|免责声明.*|免責聲明.*|(?:特别)?声明[:：].*|(?:特別)?聲明[:：].*|风险提示.*|風險提示.*|all earnings call transcripts|duration:?\s*[0-9]+\s*minutes?)$")
        .unwrap()
});

/// [`CHROME`], or a short `More … analysis` link line (one to forty characters between).
fn chrome(line: &str) -> bool {
    let (head, tail) = ("more ", " analysis");
    let between = line.len().saturating_sub(tail.len());
    let more_analysis = between > head.len()
        && line
            .get(..head.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(head))
        && line
            .get(between..)
            .is_some_and(|t| t.eq_ignore_ascii_case(tail))
        && (1..=40).contains(&line[head.len()..between].chars().count());
    more_analysis || CHROME.is_match(line)
}

/// `Questions and Answers`, `QUESTION AND ANSWER`, `Question-and-Answer Session`, `Q&A`.
static QA_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:the\s+)?(?:q\s*&\s*a|questions?[\s-]*(?:and|&)[\s-]*answers?)(?:\s+(?:session|section|period|portion))?$")
        .unwrap()
});

/// Builds every pattern the parse of a text may use, now: run on another thread while the
/// file is read and decoded, it takes their building off the way to the first frame (the
/// parse waits for a pattern still being built instead of building it again).
pub fn warm() {
    // In the order the parse first uses them.
    for p in [&RULE, &CHROME, &QA_HEADING] {
        LazyLock::force(p);
    }
    headers::warm();
    qa::warm();
    meta::warm();
}

/// A section heading line (`Questions and Answers`, `问答环节`, `PRESENTATION`), if it is one.
fn section_heading(text: &str) -> Option<Section> {
    let t = strip_colon(text.trim_matches(['*', '#', ' ']));
    if t.len() > 160 || t.chars().count() > 40 {
        return None;
    }
    let t = t.to_lowercase();
    let qa = [
        "问答环节",
        "問答環節",
        "问答",
        "問答",
        "提问环节",
        "提問環節",
        "答问环节",
    ];
    let prepared = [
        "prepared remarks",
        "presentation",
        "management remarks",
        "opening remarks",
    ];
    if qa.contains(&t.as_str()) || QA_HEADING.is_match(&t) {
        Some(Section::Qa)
    } else if prepared.contains(&t.as_str()) {
        Some(Section::Prepared)
    } else {
        None
    }
}

/// A title line without markdown `#` and without a `Title:` key before it.
fn title_value(line: &str) -> String {
    let t = line.trim_start_matches('#').trim();
    match t.split_once(':') {
        Some((key, value)) if key.trim().eq_ignore_ascii_case("title") => value.trim().to_string(),
        _ => t.to_string(),
    }
}

/// A turn before speaker kinds and questions are known.
struct RawTurn<'a> {
    /// Index into the headers.
    header: usize,
    line: usize,
    lines: Vec<Line<'a>>,
}

/// Parses clean text into a transcript (encoding left empty for the caller to fill).
pub fn parse(text: &str) -> Transcript {
    parse_with(text, &Hints::default())
}

/// What a container knows about its text beyond the text itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hints {
    /// Speakers' names given outright (a JSON transcript's speaker fields): a line holding
    /// one of them alone is a speaker label.
    pub speakers: Vec<String>,
    /// The text is laid out in visual lines (a PDF): read it as hard-wrapped.
    pub hard_wrapped: bool,
}

/// [`parse`], with what the text's container knows.
pub fn parse_with(text: &str, hints: &Hints) -> Transcript {
    let mut turns = read_turns(text, hints);
    turns.read_unlabelled(text);
    turns.finish()
}

/// [`parse_with`], taking the text: it is let go as soon as the turns hold their own copies,
/// before the questions are read (a long call's text is not held twice).
pub fn parse_owned(text: String, hints: &Hints) -> Transcript {
    let mut turns = read_turns(&text, hints);
    turns.read_unlabelled(&text);
    drop(text);
    turns.finish()
}

/// A transcript whose turns are read, its speakers' kinds and questions not yet: what the
/// parse needs of the text is copied out by now.
struct ReadTurns {
    t: Transcript,
    heading_turn: Option<usize>,
    handoffs: Vec<qa::HeadingHandoff>,
    yaml: lines::Yaml,
    headline: Option<String>,
    /// The turns read from hand-offs when no line names a speaker.
    unlabelled: Option<unlabelled::Read>,
}

impl ReadTurns {
    /// When no line of `text` names a speaker, reads its turns from the hand-offs the call
    /// speaks aloud ([`unlabelled`]).
    fn read_unlabelled(&mut self, text: &str) {
        if self.t.turns.is_empty() {
            self.unlabelled = unlabelled::read(text, self.t.title.as_deref());
        }
    }

    /// Speakers' kinds, questions, firms and metadata.
    fn finish(self) -> Transcript {
        let ReadTurns {
            mut t,
            heading_turn,
            handoffs,
            yaml,
            mut headline,
            unlabelled,
        } = self;
        if let Some(read) = unlabelled {
            // The whole text is the call: nothing before it.
            t.front_matter.clear();
            t.speakers = read.speakers;
            t.turns = read.turns;
            t.questions = read.questions;
            t.unlabelled = true;
            // A headline is read from the text before the call, and there is none.
            headline = None;
        } else {
            t.questions = qa::structure(&mut t.speakers, &mut t.turns, heading_turn, &handoffs);
            name_voices(&mut t);
            merge_misspelled_askers(&mut t);
            drop_unused_speakers(&mut t);
        }
        tidy_firms(&mut t);
        roles_from_prose(&mut t);
        fill_metadata(&mut t, yaml, headline);
        t
    }
}

/// The first part of the parse: lines, headers, turns and their blocks.
fn read_turns(text: &str, hints: &Hints) -> ReadTurns {
    let mut lines = lines::split(text);
    let yaml = lines::take_yaml(&mut lines);
    let records = records::find(&lines);
    let lists = if records.is_some() {
        Vec::new()
    } else {
        participants::find(&lines)
    };
    let mut skip: HashSet<usize> = lists.iter().flat_map(|l| l.lines.clone()).collect();
    let mut entries: Vec<participants::Participant> =
        lists.iter().flat_map(|l| l.entries.clone()).collect();
    let known: Vec<String> = entries.iter().map(|p| p.name.clone()).collect();
    let hard_wrapped = hints.hard_wrapped || lines::hard_wrapped(&lines);
    let mut records_end = None;
    let mut headers = match records {
        // A file of `Speaker: …` / `Utterance: …` records: its turns are the records.
        Some(r) => {
            skip.extend(r.roster_lines);
            entries.extend(r.roster);
            records_end = Some(r.end);
            r.headers
        }
        None => headers::find(&lines, &skip, &known, &hints.speakers, text, hard_wrapped),
    };
    if headers.len() < 3 {
        // No delimited labels: perhaps labels with no delimiter at all.
        let undelimited = prefixes::find(&lines, &skip);
        if undelimited.len() > headers.len() {
            headers = undelimited;
        }
    }

    let mut t = Transcript::default();
    let first = headers.first().map_or(lines.len(), |h| h.line);
    // The first line that is not a rule (`#####`, `-----`) may be the title.
    let top = lines
        .iter()
        .position(|l| !RULE.is_match(l.text))
        .unwrap_or(0);
    let title_line = (top < first
        && !skip.contains(&top)
        && (meta::first_line_title(lines[top].text)
            || headers::markdown_heading(lines[top].text)
                .is_some_and(|h| meta::title_like(h) || meta::name_date_heading(h))))
    .then_some(top);
    t.front_matter = (0..first)
        .filter(|i| !skip.contains(i) && Some(*i) != title_line && !RULE.is_match(lines[*i].text))
        .filter_map(|i| body::plain_line(lines[i].text))
        .collect();
    t.title = yaml
        .title
        .clone()
        .or_else(|| title_line.map(|i| title_value(lines[i].text)));
    let headline = t
        .front_matter
        .iter()
        .find(|l| meta::front_title_like(l))
        .map(|l| title_value(l));

    let end = call_end(&lines, &headers, &lists).min(records_end.unwrap_or(lines.len()));
    t.back_matter = lines[end..]
        .iter()
        .filter_map(|l| body::plain_line(l.text))
        .collect();
    let (raw, qa_heading, raw_handoffs) = raw_turns(&lines, &headers, &skip, end);

    let mut registry = speakers::Registry::from_participants(&entries);
    let all_lines: Vec<&Line<'_>> = raw.iter().flat_map(|r| &r.lines).collect();
    let style = body::Style {
        interleaved: body::interleaving(&all_lines),
        // Gaps before a turn's first line are the turn's, not a paragraph's (nor is the
        // first gap of all counted).
        para_gap: lines::typical_gap(
            raw.iter()
                .flat_map(|r| r.lines.iter().skip(1))
                .skip(1)
                .map(|l| l.gap),
        ),
        note_labels: body::note_labels(&all_lines),
        hard_wrapped,
        zh_wrapped: lines::zh_wrapped(&lines),
    };
    // The lines are in the raw turns now; each turn's go once its blocks are made.
    drop(all_lines);
    drop(lines);
    let mut heading_turn = None;
    // Hand-offs written as headings, by the turn they come before.
    let mut handoffs: Vec<qa::HeadingHandoff> = Vec::new();
    let mut pending_handoff = None;
    // The raw hand-offs by the raw turn they come before (the first, should two name one).
    let mut handoff_before: HashMap<usize, &qa::Intro> = HashMap::new();
    for (at, intro) in &raw_handoffs {
        handoff_before.entry(*at).or_insert(intro);
    }
    for (k, r) in raw.into_iter().enumerate() {
        let h = &headers[r.header];
        let speaker = registry.find_or_add(&h.name, h.alt.as_deref());
        registry.note_title(speaker, &h.title);
        let refs: Vec<&Line<'_>> = r.lines.iter().collect();
        let blocks = body::blocks(&refs, &style);
        if qa_heading.is_some_and(|q| r.line > q) && heading_turn.is_none() {
            heading_turn = Some(t.turns.len());
        }
        if let Some(intro) = handoff_before.get(&k) {
            pending_handoff = Some((*intro).clone());
        }
        // Two labels in a row that name no one (`Unknown Executive`) are as often two people;
        // a heading between two turns of one speaker gives the floor to someone else.
        let same = |prev: &Turn| {
            prev.speaker == speaker && !names::unnamed_label(&h.name) && pending_handoff.is_none()
        };
        match t.turns.last_mut() {
            Some(prev) if same(prev) => prev.blocks.extend(blocks),
            _ if blocks.is_empty() => {}
            _ => {
                if let Some(intro) = pending_handoff.take() {
                    handoffs.push((t.turns.len(), intro));
                }
                t.turns.push(Turn {
                    speaker,
                    blocks,
                    ..Turn::default()
                });
            }
        }
    }
    t.turns.retain(|turn| !turn.blocks.is_empty());
    t.speakers = registry.speakers;
    ReadTurns {
        t,
        heading_turn,
        handoffs,
        yaml,
        headline,
        unlabelled: None,
    }
}

/// A firm without the `, Research Division` data providers put after an analyst's firm, nor
/// a lone capital a converted page leaves after it (`Wolfe Research LLC Q`, a question mark
/// printed as a letter).
fn firm_without_division(firm: &str) -> String {
    const DIVISION: &str = "research division";
    let mut f = firm.trim();
    if let Some((rest, last)) = f.rsplit_once(' ')
        && last.len() == 1
        && last.bytes().all(|b| b.is_ascii_uppercase())
        && rest.split_whitespace().count() >= 2
    {
        f = rest.trim_end();
    }
    let cut = f.len().checked_sub(DIVISION.len()).filter(|&at| {
        f.is_char_boundary(at)
            && f[at..].eq_ignore_ascii_case(DIVISION)
            && f[..at].ends_with([',', ' ', '-', '–', '—'])
    });
    match cut {
        Some(at) => {
            let rest = f[..at].trim_end_matches([',', ' ', '-', '–', '—']);
            if rest.is_empty() { f } else { rest }.to_string()
        }
        None => f.to_string(),
    }
}

/// Turns of the prepared remarks read for the roles they give, and bytes at most.
const ROLE_PROSE: (usize, usize) = (6, 20_000);

/// Voices speech-to-text numbered (`Speaker 2`) that the call names aloud: the operator's
/// voice is the operator, and a voice that first speaks right after a hand-off to someone
/// (`I'll turn the call over to Sam Lee`) is that person. Each keeps its label as its other
/// name. (The questioners' voices take the names the operator introduces them by, in
/// [`qa::structure`].)
fn name_voices(t: &mut Transcript) {
    if !t.speakers.iter().any(|s| names::numbered_voice(&s.name)) {
        return;
    }
    let rename = |s: &mut Speaker, name: String| {
        s.name_alt.get_or_insert_with(|| s.name.clone());
        s.name = name;
    };
    let mut seen = vec![false; t.speakers.len()];
    for i in 0..t.turns.len() {
        let sp = t.turns[i].speaker;
        let first = !std::mem::replace(&mut seen[sp], true);
        if !first || !names::numbered_voice(&t.speakers[sp].name) {
            continue;
        }
        if t.speakers[sp].kind == SpeakerKind::Operator {
            rename(&mut t.speakers[sp], "Operator".to_string());
            continue;
        }
        let Some(before) = i.checked_sub(1).map(|p| &t.turns[p]) else {
            continue;
        };
        let (en, _) = qa::turn_text(before);
        let last = en
            .trim_end()
            .rsplit(['.', '?', '!'])
            .find(|s| !s.trim().is_empty());
        let Some(give) =
            last.and_then(|s| unlabelled::gives(s.trim()).or_else(|| unlabelled::calls_on(s)))
        else {
            continue;
        };
        let name = if give.name.contains(' ') {
            Some(give.name)
        } else {
            let texts: Vec<String> = t.turns.iter().take(8).map(|x| qa::turn_text(x).0).collect();
            unlabelled::full_name_in(texts.iter().map(String::as_str), &give.name)
        };
        let taken = |n: &str| t.speakers.iter().any(|s| s.name == n);
        if let Some(name) = name.filter(|n| !taken(n)) {
            let s = &mut t.speakers[sp];
            rename(s, name);
            if s.role.is_none() {
                s.role = give.role;
            }
        }
    }
}

/// Executives the file gives no role get the role the call's opening gives them in prose
/// (`With me are Jane Roe, our Chief Executive Officer; and Ben Li, Chief Financial
/// Officer`): the full name, a comma, and a capitalised phrase of role words.
fn roles_from_prose(t: &mut Transcript) {
    let wanting: Vec<usize> = (0..t.speakers.len())
        .filter(|&i| {
            let s = &t.speakers[i];
            s.kind == SpeakerKind::Executive
                && s.role.is_none()
                && s.name.split_whitespace().count() >= 2
        })
        .collect();
    if wanting.is_empty() {
        return;
    }
    let mut opening = String::new();
    let prepared = t.turns.iter().filter(|x| x.section == Section::Prepared);
    for turn in prepared.take(ROLE_PROSE.0) {
        for b in &turn.blocks {
            if let Block::Para { en: Some(en), .. } = b {
                opening.push_str(en);
                opening.push('\n');
            }
        }
        if opening.len() > ROLE_PROSE.1 {
            break;
        }
    }
    for i in wanting {
        let name = &t.speakers[i].name;
        // The name as the label gives it, and without its middle initials (`Amy E. Hood`).
        let plain: Vec<&str> = name
            .split_whitespace()
            .filter(|w| !(w.ends_with('.') && w.chars().count() <= 2))
            .collect();
        let forms = [name.clone(), plain.join(" ")];
        let role = forms.iter().find_map(|form| {
            opening.match_indices(form.as_str()).find_map(|(at, _)| {
                opening[at + form.len()..]
                    .strip_prefix(", ")
                    .and_then(role_phrase)
            })
        });
        t.speakers[i].role = role;
    }
}

/// The role a phrase after a name begins with (`Chief Financial Officer; and …`,
/// `our Executive Vice President, Chief Financial Officer, and …`), if it begins with one.
fn role_phrase(rest: &str) -> Option<String> {
    let end = rest
        .find([';', '.', '(', ')', '\n', '—', '–'])
        .unwrap_or(rest.len());
    let rest = &rest[..end];
    let rest = ["our ", "the "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
        .unwrap_or(rest);
    // Pieces between commas, while each is a role's (`and Ben Li` is the next person).
    let mut pieces: Vec<String> = Vec::new();
    for p in rest.split(", ").map(str::trim) {
        if !(p.chars().next().is_some_and(char::is_uppercase)
            && names::role_like(p)
            && p.split_whitespace().count() <= 8)
        {
            break;
        }
        // `Chief Executive Officer and Ben Li`: the role ends before a person joined by
        // `and` (`Research and Development` is one role).
        let parts: Vec<&str> = p.split(" and ").collect();
        let person = |part: &&str| {
            part.split_whitespace().count() >= 2
                && names::latin_name_like(part)
                && !names::role_like(part)
        };
        match parts.iter().position(person) {
            Some(0) => break,
            Some(k) => {
                pieces.push(parts[..k].join(" and "));
                break;
            }
            None => pieces.push(p.to_string()),
        }
    }
    (!pieces.is_empty()).then(|| pieces.join(", "))
}

/// Firms as people write them, speakers' and questions' alike.
fn tidy_firms(t: &mut Transcript) {
    let firms = t
        .speakers
        .iter_mut()
        .map(|s| &mut s.firm)
        .chain(t.questions.iter_mut().map(|q| &mut q.firm));
    for firm in firms.flatten() {
        *firm = firm_without_division(firm);
    }
}

/// Where the call ends: at a participant list after the last header, at page chrome, or at a
/// gap of blank lines wider than any between turns.
fn call_end(lines: &[Line<'_>], headers: &[Header<'_>], lists: &[participants::List]) -> usize {
    let Some(last) = headers.last() else {
        return lines.len();
    };
    let mut end = lists
        .iter()
        .map(|l| l.lines.start)
        .filter(|&s| s > last.line)
        .min()
        .unwrap_or(lines.len());
    let max_turn_gap = headers.iter().map(|h| lines[h.line].gap).max().unwrap_or(0);
    let wide = (max_turn_gap + 1).max(3);
    let first_body = last.end + usize::from(last.body.is_none());
    // Labels written as markdown headings (`### Jane Roe, CFO`): a heading as high that is
    // neither a label nor a section heading (`## Appendix`) ends the call.
    let level = |t: &str| t.bytes().take_while(|&b| b == b'#').count();
    let label_level = headers::markdown_heading(lines[last.line].text)
        .is_some()
        .then(|| level(lines[last.line].text));
    let heading_after = |i: usize| {
        label_level.is_some_and(|l| {
            headers::markdown_heading(lines[i].text).is_some()
                && level(lines[i].text) <= l
                && section_heading(lines[i].text).is_none()
        })
    };
    if let Some(cut) = (first_body..end)
        .find(|&i| lines[i].gap >= wide || chrome(lines[i].text) || heading_after(i))
    {
        end = cut;
    }
    // After the operator lets everyone go, nothing more in the last turn is the call (a
    // publisher's note, what the page lists under it). The last line that says so (a
    // translation after the English says so too), the rest of its sentence wrapped onto the
    // lines below, and the rules after it are the call's.
    if let Some(mut over) = (last.line..end).rev().find(|&i| call_over(lines[i].text)) {
        let ends_sentence = |i: usize| {
            let last = lines[i].text.trim_end().chars().next_back();
            last.is_some_and(text::is_terminal_punct)
        };
        while over + 1 < end && lines[over + 1].gap == 0 && !ends_sentence(over) {
            over += 1;
        }
        let mut cut = over + 1;
        while cut < end && RULE.is_match(lines[cut].text) {
            cut += 1;
        }
        end = cut;
    }
    end
}

/// The operator's last words: everyone may now hang up (`… you may now disconnect`, `您现在
/// 可以挂断电话了`).
fn call_over(line: &str) -> bool {
    [
        "may now disconnect",
        "may disconnect",
        "can now disconnect",
        "may all disconnect",
    ]
    .iter()
    .any(|p| text::contains_ignoring_case(line, p))
        || [
            "可以挂断",
            "可以掛斷",
            "可以挂线",
            "可以掛線",
            "可以断开",
            "可以斷開",
        ]
        .iter()
        .any(|p| line.contains(p))
}

/// A heading that gives the floor to one questioner (`Q&A #3 — Jane Roe (Firm)：topic`), as
/// a container's converted text keeps it.
pub fn question_heading(text: &str) -> bool {
    qa::question_heading(text).is_some()
}

/// Each header's body lines (inline speech first), without rules, headings and list lines.
/// Also returns the line of the Q&A heading, if the document has one, and the headings that
/// give the floor to one questioner each, by the raw turn they come before (when the file
/// has two such headings or more: a layout, not a stray line).
fn raw_turns<'a>(
    lines: &[Line<'a>],
    headers: &[Header<'a>],
    skip: &HashSet<usize>,
    end: usize,
) -> (Vec<RawTurn<'a>>, Option<usize>, Vec<qa::HeadingHandoff>) {
    let mut qa_heading = None;
    let mut handoffs = Vec::new();
    let first = headers.first().map_or(end, |h| h.line);
    let headed = (first..end)
        .filter(|&i| !skip.contains(&i) && lines[i].text.len() <= 200)
        .filter_map(|i| qa::question_heading(lines[i].text))
        .take(2)
        .count()
        >= 2;
    let mut out = Vec::with_capacity(headers.len());
    for (k, h) in headers.iter().enumerate() {
        if h.line >= end {
            break;
        }
        let stop = headers.get(k + 1).map_or(end, |n| n.line).min(end);
        let mut body = Vec::new();
        for text in [h.body, h.alt_body].into_iter().flatten() {
            body.push(Line {
                text,
                gap: 0,
                script: script(text),
            });
        }
        for (i, l) in lines.iter().enumerate().take(stop).skip(h.end) {
            if skip.contains(&i) || RULE.is_match(l.text) {
                continue;
            }
            match section_heading(l.text) {
                Some(Section::Qa) => qa_heading = qa_heading.or(Some(i)),
                Some(Section::Prepared) => {}
                None => match qa::question_heading(l.text).filter(|_| headed) {
                    Some(intro) => {
                        qa_heading = qa_heading.or(Some(i));
                        handoffs.push((k + 1, intro));
                    }
                    None => body.push(l.clone()),
                },
            }
        }
        out.push(RawTurn {
            header: k,
            line: h.line,
            lines: body,
        });
    }
    (out, qa_heading, handoffs)
}

/// Recomputes sections, questions and speaker kinds of a transcript built from other transcripts.
pub fn restructure(t: &mut Transcript) {
    for turn in &mut t.turns {
        turn.section = Section::Prepared;
        turn.question = None;
    }
    t.questions = qa::restructure(&mut t.speakers, &mut t.turns);
}

/// A questioner's turns under a label spelled a letter apart (`Mark Kelly`, then `Mark
/// Kelley`, as a transcriber wrote it) are theirs: someone heard only inside one analyst's
/// question, whose name is the analyst's with one letter of the surname changed, added,
/// dropped or swapped, is that analyst.
fn merge_misspelled_askers(t: &mut Transcript) {
    for s in 0..t.speakers.len() {
        if t.speakers[s].kind == SpeakerKind::Operator {
            continue;
        }
        // The one question all their turns are in, if there is one.
        let mut theirs = t
            .turns
            .iter()
            .filter(|x| x.speaker == s)
            .map(|x| x.question);
        let Some(Some(number)) = theirs.next() else {
            continue;
        };
        if !theirs.all(|q| q == Some(number)) {
            continue;
        }
        let Some(a) = t
            .questions
            .iter()
            .find(|q| q.number == number)
            .map(|q| q.analyst)
        else {
            continue;
        };
        if a != s && one_letter_apart(&t.speakers[a].name, &t.speakers[s].name) {
            for turn in t.turns.iter_mut().filter(|x| x.speaker == s) {
                turn.speaker = a;
            }
        }
    }
}

/// True for two names alike but for one letter of the last word, five letters long at least
/// (`Mark Kelly`, `Mark Kelley`).
fn one_letter_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<&str>, Vec<&str>) = (
        a.split_whitespace().collect(),
        b.split_whitespace().collect(),
    );
    let (Some((la, ra)), Some((lb, rb))) = (a.split_last(), b.split_last()) else {
        return false;
    };
    let same_rest = !ra.is_empty()
        && ra.len() == rb.len()
        && ra.iter().zip(rb).all(|(x, y)| x.eq_ignore_ascii_case(y));
    let (x, y): (Vec<char>, Vec<char>) = (
        la.to_lowercase().chars().collect(),
        lb.to_lowercase().chars().collect(),
    );
    if !same_rest || x.len().min(y.len()) < 5 || x == y {
        return false;
    }
    let (short, long) = if x.len() <= y.len() {
        (&x, &y)
    } else {
        (&y, &x)
    };
    match long.len() - short.len() {
        // One letter added.
        1 => (0..long.len()).any(|i| long[..i] == short[..i] && long[i + 1..] == short[i..]),
        // One letter changed, or two side by side swapped.
        0 => {
            let diff: Vec<usize> = (0..x.len()).filter(|&i| x[i] != y[i]).collect();
            diff.len() == 1
                || (diff.len() == 2
                    && diff[1] == diff[0] + 1
                    && x[diff[0]] == y[diff[1]]
                    && x[diff[1]] == y[diff[0]])
        }
        _ => false,
    }
}

/// Removes speakers that no turn refers to (participants who never spoke), renumbering.
fn drop_unused_speakers(t: &mut Transcript) {
    // A questioner a heading names keeps their place though the file keeps none of their words.
    let used: HashSet<usize> = t
        .turns
        .iter()
        .map(|x| x.speaker)
        .chain(t.questions.iter().map(|q| q.analyst))
        .collect();
    let mut map = vec![usize::MAX; t.speakers.len()];
    let mut kept = Vec::new();
    for (i, sp) in t.speakers.drain(..).enumerate() {
        if used.contains(&i) {
            map[i] = kept.len();
            kept.push(sp);
        }
    }
    t.speakers = kept;
    for turn in &mut t.turns {
        turn.speaker = map[turn.speaker];
    }
    for q in &mut t.questions {
        q.analyst = map[q.analyst];
    }
}

/// How much of the call's start, and of the text before it, the metadata is read from.
const META_HEAD: usize = 64 * 1024;

/// `text` cut to at most `n` bytes, at a character boundary.
fn cut_to(mut text: String, n: usize) -> String {
    if text.len() > n {
        let mut end = n;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
    text
}

/// Languages, company, period and date.
fn fill_metadata(t: &mut Transcript, yaml: lines::Yaml, headline: Option<String>) {
    let (mut en, mut zh) = (false, false);
    for b in t.turns.iter().flat_map(|x| &x.blocks) {
        if let Block::Para { en: e, zh: z } = b {
            en |= e.is_some();
            zh |= z.is_some();
        }
    }
    t.languages = [(en, Lang::En), (zh, Lang::Zh)]
        .into_iter()
        .filter_map(|(has, l)| has.then_some(l))
        .collect();
    // What the call says of itself is said near its start: the texts read for it are cut
    // at META_HEAD (a text that is all front matter, or a first turn of megabytes, would
    // otherwise be searched whole by every pattern).
    let text_of = |n: usize| -> String {
        let mut text = String::new();
        for x in t.turns.iter().take(n) {
            let (e, z) = qa::turn_text(x);
            text.push_str(&e);
            text.push_str(&z);
            if text.len() > META_HEAD {
                break;
            }
        }
        cut_to(text, META_HEAD)
    };
    let (welcome, opening) = (text_of(2), text_of(4));
    let mut front = String::new();
    for (i, p) in t.front_matter.iter().enumerate() {
        if i > 0 {
            front.push('\n');
        }
        front.push_str(p);
        if front.len() > META_HEAD {
            break;
        }
    }
    let front = cut_to(front, META_HEAD);
    let title = t.title.clone().unwrap_or_default();
    // `Company: Acme` / `Quarter: Q4` / `Year: 2020` lines before the call say it outright.
    let field = |keys: &[&str]| {
        t.front_matter.iter().find_map(|l| {
            let (k, v) = l.split_once([':', '：'])?;
            let k = k.trim().trim_matches('*').trim().to_lowercase();
            let v = v.trim().trim_matches('*').trim();
            (keys.contains(&k.as_str()) && !v.is_empty() && v.len() <= 80).then(|| v.to_string())
        })
    };
    let stated_company = yaml
        .company
        .clone()
        .or_else(|| field(&["company", "company name", "公司"]));
    let stated_period = field(&["quarter", "fiscal quarter", "period"]).and_then(|q| {
        let year = field(&["year", "fiscal year"]).unwrap_or_default();
        meta::period(&q).or_else(|| meta::period(&format!("{q} {year}")))
    });
    let titled = meta::company_from_title(&title);
    // The title's one word is a name when the call's opening or the text before it names it.
    let ordinary = |c: &str| {
        meta::ordinary_word(c, &opening) && t.front_matter.iter().all(|p| meta::ordinary_word(c, p))
    };
    let (titled, ordinary) = match titled {
        Some(c) if ordinary(&c) => (None, Some(c)),
        c => (c, None),
    };
    t.company = stated_company
        .or(titled)
        .or_else(|| meta::company_from_welcome(&opening))
        .or_else(|| {
            t.front_matter
                .iter()
                .find_map(|l| meta::company_from_masthead(l))
        })
        .or_else(|| meta::company_under_ticker(&t.front_matter))
        .or_else(|| headline.as_deref().and_then(meta::company_from_title))
        .or(ordinary);
    if t.title.is_none() {
        t.title = headline.clone();
    }
    t.period = stated_period
        .or_else(|| meta::period(&title))
        .or_else(|| headline.as_deref().and_then(meta::period))
        .or_else(|| meta::period(&welcome))
        .or_else(|| meta::period(&front))
        .or_else(|| meta::period(&opening));
    t.date = yaml
        .date
        .as_deref()
        .and_then(meta::date)
        .or_else(|| meta::date(&title))
        .or_else(|| meta::date(&front))
        .or_else(|| meta::date_as_of(&opening))
        .or_else(|| yaml.published.as_deref().and_then(meta::date));
    if let Some(company) = &t.company {
        for sp in &mut t.speakers {
            if sp.kind == SpeakerKind::Executive && sp.firm.is_none() {
                sp.firm = Some(company.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_furniture_lines() {
        for line in [
            "More Harbor Lights analysis",
            "MORE HARBOR LIGHTS ANALYSIS",
            "© 2026 Example Media",
            "Duration: 58 minutes",
            "https://example.com/a/b",
        ] {
            assert!(chrome(line), "{line}");
        }
        for line in [
            "More importantly, we expect the margin to follow from that analysis",
            "More than anything this is about demand, not about any one analysis",
            "Revenue grew 12%.",
        ] {
            assert!(!chrome(line), "{line}");
        }
    }

    #[test]
    fn firms_lose_the_research_division() {
        for (firm, want) in [
            (
                "Kestrel Securities, Research Division",
                "Kestrel Securities",
            ),
            ("Fenmore & Co. LLC - Research Division", "Fenmore & Co. LLC"),
            ("Research Division", "Research Division"),
            ("Fenmore Securities LLC Q", "Fenmore Securities LLC"),
            ("Fenmore Q", "Fenmore Q"),
            (
                "Halden Research Division Partners",
                "Halden Research Division Partners",
            ),
        ] {
            assert_eq!(firm_without_division(firm), want, "{firm}");
        }
    }

    #[test]
    fn a_heading_title_and_its_company_lose_the_markdown() {
        let t = parse(
            "Intro line\n\n## Halden Tools — Q1 2026 Earnings Call (transcript)\n\n\
             Operator\nWelcome.\n\nAda Brook - CEO\nThanks.\n\nOperator\nGoodbye.\n",
        );
        assert_eq!(
            t.title.as_deref(),
            Some("Halden Tools — Q1 2026 Earnings Call (transcript)")
        );
        assert_eq!(t.company.as_deref(), Some("Halden Tools"));
    }

    #[test]
    fn a_questioner_s_label_spelled_a_letter_apart_is_still_the_questioner() {
        let t = parse(
            "Operator: Welcome to the Acme call.\n\n\
             Jane Roe: Revenue grew 6%.\n\n\
             Operator: Our next question comes from the line of Mark Kelley with Stifel.\n\n\
             Mark Kelly: How is pricing?\n\n\
             Jane Roe: Holding.\n\n\
             Mark Kelley: And costs?\n\n\
             Jane Roe: Lower.\n\n\
             Operator: Our next question comes from Ann Park with Keel Bank.\n\n\
             Ann Park: Any news on hiring?\n\n\
             Jane Roe: Slower.\n",
        );
        let names: Vec<&str> = t.speakers.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Operator", "Jane Roe", "Mark Kelly", "Ann Park"]);
        let asker = t.questions[0].analyst;
        let follow_up = t.turns.iter().filter(|x| x.speaker == asker).count();
        assert_eq!(follow_up, 2, "both of his turns");
        assert!(one_letter_apart("Mark Kelly", "Mark Kelley"));
        assert!(one_letter_apart("Ann Mahoney", "Ann Mahony"));
        assert!(one_letter_apart("Lee Thornton", "Lee Thronton"));
        assert!(
            !one_letter_apart("Ann Park", "Ann Parr"),
            "too short to tell"
        );
        assert!(!one_letter_apart("Mark Kelly", "Mike Kelly"));
        assert!(!one_letter_apart("Mark Kelly", "Mark Kelly"));
        assert!(!one_letter_apart("Kelley", "Kelly"), "a surname alone");
    }

    #[test]
    fn a_one_word_company_in_the_title_named_before_the_call_is_the_company() {
        let call = "# Brightwater 高管解读 Q2 财报：需求稳定\n\n\
            北京时间消息，Brightwater 今天发布了第二季度财报。\n\n\
            以下是电话会议实录：\n\n\
            摩根士丹利分析师 王小明：需求如何？\n\n\
            李华：需求稳定。\n\n\
            王小明：谢谢。\n\n\
            李华：不客气。\n";
        assert_eq!(parse(call).company.as_deref(), Some("Brightwater"));
    }

    #[test]
    fn a_first_heading_of_a_name_and_a_date_is_the_title_and_names_the_company() {
        let t = parse(
            "# 恒岳精密_20260415\n\n## Transcript\n\n**Ada Brook - 恒岳精密, CEO**\n\
             (00:00:05) Thanks for joining.\n\n**Ben Li - 恒岳精密, CFO**\n(00:00:30) Revenue grew.\n",
        );
        assert_eq!(t.title.as_deref(), Some("恒岳精密_20260415"));
        assert_eq!(t.company.as_deref(), Some("恒岳精密"));
    }

    #[test]
    fn what_follows_the_operator_s_last_words_is_after_the_call() {
        let call = "Acme Corp Q3 2026 Earnings Call\n\n\
            Operator: Welcome to the Acme call.\n\n\
            Jane Roe: Revenue was $412 million.\n\n\
            Operator: Our first question comes from Ann Park with Harbor Securities.\n\n\
            Ann Park: How is pricing?\n\n\
            Jane Roe: Holding.\n\n\
            Operator: Our next question comes from Ann Park with Harbor Securities.\n\n\
            Ann Park: And volume?\n\n\
            Jane Roe: Growing.\n\n";
        let last = |t: &Transcript| {
            let turn = t.turns.last().unwrap();
            (t.speaker_of(turn).name.clone(), turn.blocks.len())
        };
        // A publisher's note after the sign-off.
        let t = parse(&format!(
            "{call}Operator: That concludes today's call. You may now disconnect.\n\n\
             This transcript was produced for a newsletter and may contain errors.\n\n\
             Stocks mentioned\n"
        ));
        assert_eq!(last(&t), ("Operator".into(), 1));
        assert_eq!(t.back_matter.len(), 2, "{:?}", t.back_matter);
        // The sign-off's translation, and its sentence wrapped onto the next line, stay.
        let t = parse(&format!(
            "{call}Operator: That concludes today's call. You may now\n\
             disconnect. Thank you.\n\
             会议到此结束，您现在可以挂断电话了。\n\n\
             A note from the publisher.\n"
        ));
        let said: String = t
            .turns
            .last()
            .unwrap()
            .blocks
            .iter()
            .map(|b| match b {
                Block::Para { en, zh } => format!(
                    "{} {}",
                    en.as_deref().unwrap_or(""),
                    zh.as_deref().unwrap_or("")
                ),
                Block::Note { note } => note.clone(),
            })
            .collect();
        assert!(
            said.contains("disconnect. Thank you.") && said.contains("挂断"),
            "{said}"
        );
        assert_eq!(t.back_matter, ["A note from the publisher."]);
        // A sign-off wrapped onto the next line keeps its end.
        let t = parse(&format!(
            "{call}Operator: That concludes today's call. You may now disconnect at\n\
             any time.\n\nA note from the publisher.\n"
        ));
        assert_eq!(t.back_matter, ["A note from the publisher."]);
        // No sign-off: the last turn keeps what it has.
        let t = parse(&format!(
            "{call}Operator: Thank you.\n\nGoodbye, everyone.\n"
        ));
        assert_eq!(last(&t), ("Operator".into(), 2));
        assert!(t.back_matter.is_empty());
    }

    /// The role of the speaker named `name`.
    fn role_of(t: &Transcript, name: &str) -> Option<String> {
        t.speakers
            .iter()
            .find(|s| s.name == name)
            .and_then(|s| s.role.clone())
    }

    #[test]
    fn roles_given_in_the_opening_s_prose_go_to_executives_without_one() {
        let t = parse(
            "Acme Corp Q3 2026 Earnings Call\n\n\
             Operator: Welcome to the Acme call. I will now hand over to Dana Lee.\n\n\
             Dana Lee: Thank you. With me are Jane Roe, our Chairman and Chief Executive \
             Officer; Ben Li, Executive Vice President, Chief Financial Officer, and Ann Ode, \
             who runs our plants. Jane Roe, please go ahead.\n\n\
             Jane Roe: Thanks, Dana. Revenue was $412 million.\n\n\
             Ben J. Li: Cash from operations was $88 million.\n\n\
             Ann Ode: Plants ran well.\n\n\
             Operator: Our first question comes from Tom Park with Harbor Securities.\n\n\
             Tom Park: How is pricing?\n\n\
             Jane Roe: Holding.\n\n\
             Operator: Our next question comes from Tom Park with Harbor Securities.\n\n\
             Tom Park: And volume?\n\n\
             Ben J. Li: Growing.\n",
        );
        let role = |name: &str| role_of(&t, name);
        assert_eq!(
            role("Jane Roe").as_deref(),
            Some("Chairman and Chief Executive Officer")
        );
        assert_eq!(
            role("Ben J. Li").as_deref(),
            Some("Executive Vice President, Chief Financial Officer")
        );
        // Prose that is no role, and no prose at all, give none.
        assert_eq!(role("Ann Ode"), None);
        assert_eq!(role("Dana Lee"), None);
        assert_eq!(role("Tom Park"), None, "analysts are left alone");
    }

    #[test]
    fn numbered_voices_take_the_names_the_call_gives_them() {
        let t = parse(
            "说话人 1 00:00\n大家下午好，欢迎参加海港食品业绩电话会。\n\n\
             说话人 2 00:15\n谢谢。今年收入增长8%。\n\n\
             说话人 1 02:10\n第一个问题来自山脊资本的田中美。请提问。\n\n\
             说话人 3 02:20\n明年价格怎么看？\n\n\
             说话人 2 02:31\n保持稳定。\n\n\
             说话人 1 02:45\n下一个问题来自林德研究的奥卡福。\n\n\
             说话人 4 02:50\n关于成本，还在下降吗？\n\n\
             说话人 2 03:01\n成本在下降。\n",
        );
        let names: Vec<(&str, Option<&str>, SpeakerKind)> = t
            .speakers
            .iter()
            .map(|s| (s.name.as_str(), s.name_alt.as_deref(), s.kind))
            .collect();
        assert_eq!(
            names,
            [
                ("Operator", Some("说话人 1"), SpeakerKind::Operator),
                ("说话人 2", None, SpeakerKind::Executive),
                ("田中美", Some("说话人 3"), SpeakerKind::Analyst),
                ("奥卡福", Some("说话人 4"), SpeakerKind::Analyst),
            ]
        );
        assert_eq!(t.questions[0].firm.as_deref(), Some("山脊资本"));
    }

    #[test]
    fn metadata_is_read_from_the_head_of_a_long_text() {
        let call = "\n\nOperator: Welcome.\n\nJane Roe: Revenue grew.\n";
        let article = |filler: usize| {
            format!(
                "Markets moved today.\n\n{}Acme reported on March 3, 2026.\n{call}",
                "A long paragraph of commentary on the sector.\n\n".repeat(filler)
            )
        };
        assert_eq!(parse(&article(10)).date.as_deref(), Some("2026-03-03"));
        // A date megabytes down the text is not where a call gives its own.
        let far = article(2 * META_HEAD / 40);
        assert!(far.len() > META_HEAD);
        assert_eq!(parse(&far).date, None);
    }

    #[test]
    fn a_role_in_prose_ends_before_the_next_person_joined_by_and() {
        let t = parse(
            "Operator: Welcome. I will now hand over to Dana Lee.

             Dana Lee: With me are Jane Roe, our President and Chief Executive Officer and              Ben Li, our Head of Research and Development.

             Jane Roe: Revenue was up.

             Ben Li: Labs are busy.

             Operator: Our first question comes from Tom Park with Harbor Securities.

             Tom Park: How is pricing?

             Jane Roe: Holding.
",
        );
        let role = |name: &str| role_of(&t, name);
        assert_eq!(
            role("Jane Roe").as_deref(),
            Some("President and Chief Executive Officer")
        );
        assert_eq!(
            role("Ben Li").as_deref(),
            Some("Head of Research and Development")
        );
    }
}
