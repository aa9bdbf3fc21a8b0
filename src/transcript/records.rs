//! Turns written as records of `Key: value` lines, one field a line:
//!
//! ```text
//! Speaker: Jane Roe
//! Job Title: Analyst
//! Company: Northwind Capital
//! Utterance: Thanks. How is demand?
//! ```
//!
//! The keys are learned from the file, not looked up: a small set of keys recurs block after
//! block, one of them with a person's name for its value (a different one from block to
//! block): that is the speaker. The field with the longest values is the speech; a field
//! whose values read as job titles is the role, one whose values read as firms the firm (the
//! usual key words, `Title`, `Company`, `职务`, `公司`…, settle a tie). Records before the
//! call whose speech is only the speaker's affiliation (`Northwind Capital - Analyst`) are a
//! participant list.

use std::collections::HashMap;

use super::headers::Header;
use super::lines::Line;
use super::names::{name_like, role_like};
use super::participants::{Group, Participant, firm_like};
use super::text::is_han;

/// Key words that name each field, as hints when the values leave a choice.
const SPEAKER_KEYS: &[&str] = &[
    "speaker",
    "name",
    "person",
    "participant",
    "发言人",
    "發言人",
    "讲者",
    "講者",
    "姓名",
];
const ROLE_KEYS: &[&str] = &[
    "title",
    "job title",
    "role",
    "position",
    "job",
    "职务",
    "職務",
    "职位",
    "職位",
    "头衔",
    "頭銜",
];
const FIRM_KEYS: &[&str] = &[
    "company",
    "firm",
    "affiliation",
    "organization",
    "organisation",
    "institution",
    "employer",
    "公司",
    "机构",
    "機構",
    "单位",
    "單位",
];
const SPEECH_KEYS: &[&str] = &[
    "utterance",
    "text",
    "content",
    "speech",
    "transcript",
    "内容",
    "內容",
    "发言",
    "發言",
    "正文",
];

/// What the records of a file give: the speaker headers, and the participant list the
/// leading records make (with the lines it takes).
#[derive(Debug, Default)]
pub struct Records<'a> {
    pub headers: Vec<Header<'a>>,
    /// Where the call ends: after the last record and the lines run on from it (what follows
    /// a blank line, `[END]`, is no part of a field).
    pub end: usize,
    pub roster: Vec<Participant>,
    pub roster_lines: Vec<usize>,
}

/// A `Key: value` line read: the key (as written) and the value.
fn key_value(text: &str) -> Option<(&str, &str)> {
    // (The first colon of either width, found with a byte search: most lines have none.)
    let ascii = memchr::memchr(b':', text.as_bytes());
    let wide = memchr::memmem::find(text.as_bytes(), "：".as_bytes());
    let at = match (ascii, wide) {
        (Some(a), Some(w)) => a.min(w),
        (a, w) => a.or(w)?,
    };
    let width = if Some(at) == ascii { 1 } else { "：".len() };
    let (key, value) = (&text[..at], &text[at + width..]);
    let key = key.trim().trim_matches('*').trim();
    let value = value.trim().trim_start_matches('*').trim();
    let chars = key.chars().count();
    let words = key.split_whitespace().count();
    let first = key.chars().next()?;
    let ok = (1..=24).contains(&chars)
        && words <= 3
        && (first.is_uppercase() || is_han(first))
        && key.chars().all(|c| c.is_alphabetic() || c == ' ');
    ok.then_some((key, value))
}

/// One block: consecutive `Key: value` lines, each key once.
struct Block<'a> {
    /// (line index, lower-case key, value)
    fields: Vec<(usize, String, &'a str)>,
}

impl<'a> Block<'a> {
    fn get(&self, key: &str) -> Option<&(usize, String, &'a str)> {
        self.fields.iter().find(|(_, k, _)| k == key)
    }
}

/// Splits the document into blocks of field lines: a run of `Key: value` lines with no blank
/// line between them, cut where a key comes again.
fn blocks<'a>(lines: &[Line<'a>]) -> Vec<Block<'a>> {
    let mut out: Vec<Block<'a>> = Vec::new();
    let mut open = false;
    for (i, l) in lines.iter().enumerate() {
        let Some((key, value)) = key_value(l.text) else {
            open = false;
            continue;
        };
        let key = key.to_lowercase();
        // (A record is a few fields: a longer run is cut, which also keeps this linear.)
        let joins = open
            && l.gap == 0
            && out.last().is_some_and(|b| b.fields.len() < 12)
            && out
                .last()
                .is_some_and(|b| b.fields.iter().all(|(_, k, _)| *k != key));
        if !joins {
            out.push(Block { fields: Vec::new() });
        }
        if let Some(b) = out.last_mut() {
            b.fields.push((i, key, value));
        }
        open = true;
    }
    out
}

/// The fields of the records: which key is which.
struct Schema {
    speaker: String,
    speech: Option<String>,
    role: Option<String>,
    firm: Option<String>,
}

/// Works out the record keys from the blocks, if the file is written in records.
fn schema(blocks: &[Block<'_>]) -> Option<Schema> {
    let multi: Vec<&Block<'_>> = blocks.iter().filter(|b| b.fields.len() >= 2).collect();
    // Per key: (blocks it is in, values that read as a name, distinct values, total length).
    let mut stats: HashMap<&str, (usize, usize, Vec<&str>, usize)> = HashMap::new();
    for b in &multi {
        for (_, k, v) in &b.fields {
            let s = stats.entry(k.as_str()).or_default();
            s.0 += 1;
            s.1 += usize::from(name_like(v));
            if s.2.len() < 3 && !s.2.contains(v) {
                s.2.push(v);
            }
            s.3 += v.len();
        }
    }
    let hint = |k: &str, words: &[&str]| words.contains(&k);
    let speaker = stats
        .iter()
        .filter(|(_, (n, named, distinct, _))| {
            *n >= 3 && named * 10 >= n * 7 && distinct.len() >= 2 && n * 10 >= multi.len() * 6
        })
        .max_by_key(|(k, (n, _, _, _))| (hint(k, SPEAKER_KEYS), *n))
        .map(|(k, _)| k.to_string())?;
    let with_speaker: Vec<&&Block<'_>> =
        multi.iter().filter(|b| b.get(&speaker).is_some()).collect();
    let n = with_speaker.len();
    // The other keys that recur with the speaker's.
    let mut others: Vec<(&str, usize)> = stats
        .iter()
        .filter(|(k, (c, _, _, _))| **k != speaker && c * 10 >= n * 3)
        .map(|(k, (c, _, _, len))| (*k, len / c.max(&1)))
        .collect();
    // A record is a few fields, not a glossary of many.
    if others.is_empty() || others.len() > 6 {
        return None;
    }
    others.sort_unstable_by_key(|&(k, avg)| {
        (
            std::cmp::Reverse(hint(k, SPEECH_KEYS)),
            std::cmp::Reverse(avg),
        )
    });
    let share = |key: &str, f: fn(&str) -> bool| {
        let values: Vec<&str> = with_speaker
            .iter()
            .filter_map(|b| b.get(key).map(|(_, _, v)| *v))
            .filter(|v| !v.is_empty())
            .collect();
        values.iter().filter(|v| f(v)).count() * 2 >= values.len().max(1)
    };
    let speech = others
        .first()
        .filter(|(k, avg)| hint(k, SPEECH_KEYS) || *avg >= 40)
        .map(|(k, _)| k.to_string());
    let rest: Vec<&str> = others
        .iter()
        .map(|(k, _)| *k)
        .filter(|k| Some(*k) != speech.as_deref())
        .collect();
    let pick = |words: &[&str], f: fn(&str) -> bool, not: Option<&str>| {
        rest.iter()
            .filter(|k| Some(**k) != not)
            .find(|k| hint(k, words))
            .or_else(|| {
                rest.iter()
                    .filter(|k| Some(**k) != not)
                    .find(|k| share(k, f))
            })
            .map(|k| k.to_string())
    };
    let role = pick(ROLE_KEYS, role_like, None);
    let firm = pick(FIRM_KEYS, firm_like, role.as_deref());
    Some(Schema {
        speaker,
        speech,
        role,
        firm,
    })
}

/// True when a record's speech is a sentence rather than a label (`Firm - Analyst`).
fn reads_as_speech(text: &str) -> bool {
    text.contains(['.', '?', '!', '。', '？', '！'])
}

/// Reads a file written in records; None when it is not.
pub fn find<'a>(lines: &[Line<'a>]) -> Option<Records<'a>> {
    let blocks = blocks(lines);
    let schema = schema(&blocks)?;
    let mut out = Records::default();
    let mut started = false;
    for b in &blocks {
        let Some(&(line, _, name)) = b.get(&schema.speaker) else {
            continue;
        };
        if !name_like(name) {
            continue;
        }
        let value = |key: &Option<String>| {
            key.as_ref()
                .and_then(|k| b.get(k))
                .map(|(_, _, v)| v.to_string())
                .filter(|v| !v.is_empty())
        };
        let (role, firm) = (value(&schema.role), value(&schema.firm));
        let speech = schema
            .speech
            .as_ref()
            .and_then(|k| b.get(k))
            .map(|(_, _, v)| *v);
        // Before the call, a record whose speech is no sentence is a roster entry.
        if !started && speech.is_some_and(|s| !reads_as_speech(s)) {
            out.roster.push(Participant {
                name: name.to_string(),
                role,
                firm,
                group: Group::Unknown,
            });
            out.roster_lines.extend(b.fields.iter().map(|(i, _, _)| *i));
            continue;
        }
        started = true;
        let last = b.fields.iter().map(|(i, _, _)| *i).max().unwrap_or(line);
        let title: Vec<String> = match (firm, role) {
            (Some(f), Some(r)) if role_like(&r) || !role_like(&f) => vec![f, r],
            (f, r) => r.into_iter().chain(f).collect(),
        };
        out.headers.push(Header {
            line: b.fields.iter().map(|(i, _, _)| *i).min().unwrap_or(line),
            end: last + 1,
            name: name.to_string(),
            alt: None,
            title,
            body: speech.filter(|s| !s.is_empty()),
            alt_body: None,
        });
    }
    let last = out.headers.last()?.end;
    out.end = last + lines[last..].iter().take_while(|l| l.gap == 0).count();
    (out.headers.len() >= 3).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcript::lines::split;

    #[test]
    fn records_of_fields_are_turns() {
        let text = "Bank: Northwind Bank\nPeriod: Q1 2026\n\n\
            Speaker: Ada Brook\nJob Title: Chief Executive Officer\nCompany: Northwind\nUtterance: Northwind Bank - CEO\n\n\
            Speaker: Tom Hale\nJob Title: Analyst\nCompany: Fenmore Securities\nUtterance: Fenmore Securities - Analyst\n\n\
            Speaker: Ada Brook\nJob Title: Chief Executive Officer\nCompany: Northwind\nUtterance: Welcome. Revenue grew.\n\n\
            Speaker: Tom Hale\nJob Title: Analyst\nCompany: Fenmore Securities\nUtterance: How is demand?\n\n\
            Speaker: Ada Brook\nJob Title: Chief Executive Officer\nCompany: Northwind\nUtterance: Strong.\nStill strong.\n\n[END]\n";
        let lines = split(text);
        let r = find(&lines).expect("records");
        let got: Vec<(&str, Vec<String>, Option<&str>)> = r
            .headers
            .iter()
            .map(|h| (h.name.as_str(), h.title.clone(), h.body))
            .collect();
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(
            got[1],
            (
                "Tom Hale",
                vec!["Fenmore Securities".to_string(), "Analyst".to_string()],
                Some("How is demand?")
            )
        );
        assert_eq!(r.roster.len(), 2);
        assert_eq!(r.roster[1].firm.as_deref(), Some("Fenmore Securities"));
        // The speech's next line is the turn's too: the header ends before it.
        assert_eq!(lines[r.headers[2].end].text, "Still strong.");
        assert_eq!(lines[r.end].text, "[END]");
    }

    #[test]
    fn inline_labels_are_not_records() {
        let text = "Operator: Welcome.\nJane Roe: Thanks. Sales rose.\nTom Hale: How is demand?\n\
            Jane Roe: Strong.\nOperator: Next question.\nLi Wei: And margins?\nJane Roe: Stable.\n";
        assert!(find(&split(text)).is_none());
    }
}
