//! JSON to text: a transcript kept as JSON by a data provider, a scraper or a translation
//! tool, or as JSON Lines (one object a line).
//!
//! The shapes are read generally, never one provider's schema: any list of objects that hold a
//! speaker (a short name under a key such as `speaker`, `name`, `person`, or an object with a
//! name and a title) and their words (a long text, or a list of paragraphs, under a key such
//! as `speech`, `text`, `content`) is a run of turns; an object with an English and a Chinese
//! text (`{en, zh}`, or two texts in the two scripts) is one bilingual paragraph; a list of
//! strings under a key naming participants is a participant list. A list's key names its
//! section when it says so (`prepared_remarks`, `q_and_a`). The call's title, date, company
//! and period come from fields with those names.
//!
//! The result is clean text in the layout the parser reads best: YAML front matter, a
//! participant list, then each turn as the speaker's name on its own line (with a title when
//! the JSON gives one) followed by its paragraphs; the speakers' names are returned as well,
//! for the parser to trust as labels.

use serde_json::{Map, Value};

/// Keys whose value names who speaks.
const SPEAKER_KEYS: &[&str] = &[
    "speaker",
    "speaker_name",
    "speakername",
    "name",
    "person",
    "who",
    "author",
    "participant",
    "speaker_label",
    "label",
];

/// Keys whose value is what was said.
const TEXT_KEYS: &[&str] = &[
    "speech",
    "text",
    "content",
    "body",
    "paragraphs",
    "paragraph",
    "transcript",
    "utterance",
    "words",
    "message",
    "remarks",
    "value",
];

/// Keys of a speaker's title, role or firm.
const TITLE_KEYS: &[&str] = &[
    "title",
    "role",
    "position",
    "job_title",
    "speaker_title",
    "company",
    "firm",
    "affiliation",
    "organization",
    "organisation",
];

/// Keys naming the English and the Chinese text of a bilingual paragraph.
const EN_KEYS: &[&str] = &["en", "english", "en_text", "text_en", "source", "original"];
const ZH_KEYS: &[&str] = &[
    "zh",
    "cn",
    "chinese",
    "zh_text",
    "text_zh",
    "zh_cn",
    "zh-cn",
    "zh_tw",
    "zh-tw",
    "translation",
    "target",
];

/// Deepest nesting read (serde_json stops at 128 already).
const MAX_DEPTH: usize = 64;

/// Why a JSON file could not be read as a transcript.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonError {
    /// Not well-formed JSON: where and why.
    Damaged(String),
    /// Well-formed, but no list of speakers and their words in it.
    NoTranscript,
}

/// A transcript read out of JSON: its text and the speakers' names as the JSON gives them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FromJson {
    pub text: String,
    pub speakers: Vec<String>,
}

/// True when `text` is JSON (an object, a list of objects or strings) or JSON Lines, by its
/// first characters.
pub fn looks_like_json(text: &str) -> bool {
    let t = text.trim_start();
    let mut chars = t.chars();
    match chars.next() {
        Some('{') => true,
        Some('[') => matches!(
            chars.find(|c| !c.is_whitespace()),
            Some('{' | '[' | '"' | ']')
        ),
        _ => false,
    }
}

/// Reads a transcript out of JSON or JSON Lines.
pub fn to_text(text: &str) -> Result<FromJson, JsonError> {
    let value = match serde_json::from_str::<Value>(text) {
        Ok(v) => v,
        Err(whole) => json_lines(text).ok_or_else(|| {
            JsonError::Damaged(format!(
                "line {}, column {}: {}",
                whole.line(),
                whole.column(),
                brief(&whole)
            ))
        })?,
    };
    value_to_text(&value)
}

/// Reads a transcript out of a value already parsed (JSON, or a script's data literals).
pub fn value_to_text(value: &Value) -> Result<FromJson, JsonError> {
    let mut out = Render::default();
    out.meta(value);
    out.walk(value, None, 0);
    if out.turns == 0 && out.loose == 0 {
        return whole_text(value).ok_or(JsonError::NoTranscript);
    }
    Ok(out.finish())
}

/// Least length of a text field that may be a whole transcript, and its least lines.
const WHOLE_TEXT: (usize, usize) = (500, 5);

/// A call kept as one text (`{"title": …, "transcript": "Operator: …\n…"}`, or such an
/// object alone in a list): the longest text of many lines, or the texts of the fields that
/// name the call's parts (`prepared_remarks`, `qa_section`) under their headings when they
/// hold more; after front matter from the object's fields. Text that is HTML is read as HTML.
fn whole_text(value: &Value) -> Option<FromJson> {
    let value = match value {
        Value::Array(items) if items.len() == 1 => &items[0],
        v => v,
    };
    let Value::Object(map) = value else {
        return None;
    };
    // Texts of many lines, in document order, with their keys, one level of nesting down.
    let mut maps = vec![map];
    maps.extend(map.values().filter_map(Value::as_object));
    // (A part the key names needs only lines: it is a part of a call by its name.)
    let texts: Vec<(&str, &str)> = maps
        .iter()
        .flat_map(|m| m.iter())
        .filter_map(|(k, v)| Some((k.as_str(), v.as_str()?)))
        .filter(|(k, t)| {
            let lines = t.matches('\n').count();
            (t.len() >= WHOLE_TEXT.0 && lines >= WHOLE_TEXT.1)
                || (section_heading(k).is_some() && lines >= 2)
        })
        .collect();
    let longest = texts.iter().max_by_key(|(_, t)| t.len())?;
    let parts: Vec<&(&str, &str)> = texts
        .iter()
        .filter(|(k, _)| section_heading(k).is_some())
        .collect();
    let parts_len: usize = parts.iter().map(|(_, t)| t.len()).sum();
    let mut out = Render::default();
    out.meta(value);
    let read = |t: &str| {
        if crate::ingest::html::looks_like_html(t) {
            crate::ingest::html::read(t).text
        } else {
            t.to_string()
        }
    };
    if parts.len() >= 2 && parts_len > longest.1.len() {
        for (k, t) in parts {
            out.lines.extend(section_heading(k).map(str::to_string));
            out.lines.push(read(t));
        }
    } else {
        out.lines.push(read(longest.1));
    }
    Some(out.finish())
}

/// JSON Lines: every non-blank line an object (at least two of them).
fn json_lines(text: &str) -> Option<Value> {
    let mut items = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        match serde_json::from_str::<Value>(line).ok()? {
            v @ Value::Object(_) => items.push(v),
            _ => return None,
        }
    }
    (items.len() >= 2).then_some(Value::Array(items))
}

/// serde_json's message without its own "at line … column …".
fn brief(err: &serde_json::Error) -> String {
    let msg = err.to_string();
    match msg.find(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg,
    }
}

/// The text being written, and what was found.
#[derive(Default)]
struct Render {
    front: Vec<(String, String)>,
    lines: Vec<String>,
    speakers: Vec<String>,
    /// The names in `speakers`, to look up (a call of thousands of speakers stays linear).
    known: std::collections::HashSet<String>,
    turns: usize,
    /// Paragraphs of `{en, zh}` pairs with no speaker field: their labels, if any, are in
    /// the text itself (`"Name--Firm -- Analyst"` as a pair of its own), for the parser.
    loose: usize,
    last_speaker: Option<String>,
}

impl Render {
    /// Title, date, company and period from the top object (or an object under `meta`,
    /// `metadata`, `info`, `call`, `event`).
    fn meta(&mut self, v: &Value) {
        let Value::Object(top) = v else { return };
        let mut maps = vec![top];
        for key in ["meta", "metadata", "info", "call", "event", "details"] {
            if let Some(Value::Object(m)) = top.get(key) {
                maps.push(m);
            }
        }
        let field = |names: &[&str]| -> Option<String> {
            maps.iter().find_map(|m| {
                names.iter().find_map(|n| {
                    m.iter()
                        .find(|(k, _)| normal_key(k) == *n)
                        .and_then(|(_, v)| scalar(v))
                })
            })
        };
        let title = field(&["title", "headline", "call_title", "event_title"]);
        let date = field(&[
            "date",
            "call_date",
            "event_date",
            "datetime",
            "start_time",
            "published",
            "published_at",
            "date_published",
        ]);
        let company = field(&["company", "company_name", "companyname", "issuer"]);
        let ticker = field(&["ticker", "symbol", "ticker_symbol"]);
        let quarter = field(&["quarter", "fiscal_quarter", "period", "fiscal_period"]);
        let year = field(&["year", "fiscal_year"]);
        if let Some(t) = title {
            self.front.push(("title".into(), t));
        }
        if let Some(d) = date {
            self.front.push(("date".into(), d));
        }
        if let Some(c) = company.or(ticker) {
            self.front.push(("company".into(), c));
        }
        if let Some(q) = quarter {
            let q = if q.chars().all(|c| c.is_ascii_digit()) {
                format!("Q{q}")
            } else {
                q
            };
            self.lines.push(format!("Quarter: {q}"));
            if let Some(y) = year {
                self.lines.push(format!("Year: {y}"));
            }
        }
    }

    /// Walks the JSON in document order, writing turns, participant lists and headings.
    fn walk(&mut self, v: &Value, key: Option<&str>, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        match v {
            Value::Array(items) => {
                if let Some(shape) = TurnShape::of(items) {
                    if let Some(h) = key.and_then(section_heading) {
                        self.lines.push(h.to_string());
                    }
                    for item in items {
                        self.turn(item, &shape);
                    }
                } else if key.is_some_and(names_participants) {
                    // `"Name--Firm -- Analyst"` strings, or `{name, title, company}` objects.
                    let entries: Vec<String> = items
                        .iter()
                        .filter_map(|p| match speaker_of(p) {
                            (Some(name), Some(title)) if p.is_object() => {
                                Some(format!("{name} -- {title}"))
                            }
                            (Some(name), _) => Some(name),
                            _ => None,
                        })
                        .collect();
                    if !entries.is_empty() {
                        self.lines.push("Call participants:".into());
                        self.lines.extend(entries);
                    }
                } else {
                    for item in items {
                        self.walk(item, key, depth + 1);
                    }
                }
            }
            Value::Object(map) => {
                // A section object: `{"name": "Q&A", "turns": [...]}`.
                let name = ["section", "name", "title", "heading", "type"]
                    .iter()
                    .find_map(|k| map.get(*k).and_then(Value::as_str));
                // A section per question whose heading names the questioner (`Q&A #3 — Jane
                // Roe (Firm)`): the heading is a hand-off, and the turns under it start anew.
                if let Some(h) = name.filter(|n| crate::transcript::question_heading(n)) {
                    self.lines.push(one_line(h));
                    self.last_speaker = None;
                }
                let name = name.filter(|n| section_heading(n).is_some());
                for (k, child) in map {
                    let named = section_heading(k).is_some() || names_participants(k);
                    let key = if child.is_array() && !named {
                        name.or(Some(k.as_str()))
                    } else {
                        Some(k.as_str())
                    };
                    self.walk(child, key, depth + 1);
                }
            }
            _ => {}
        }
    }

    /// Writes one turn (or one paragraph of the current speaker's).
    fn turn(&mut self, item: &Value, shape: &TurnShape) {
        let Value::Object(map) = item else { return };
        let (name, title) = shape
            .speaker
            .as_deref()
            .and_then(|k| map.get(k))
            .map(speaker_of)
            .unwrap_or_default();
        let title = title.or_else(|| {
            TITLE_KEYS.iter().find_map(|k| {
                map.iter()
                    .find(|(key, _)| {
                        normal_key(key) == *k && Some(key.as_str()) != shape.speaker.as_deref()
                    })
                    .and_then(|(_, v)| scalar(v))
            })
        });
        let paragraphs = match shape.texts {
            Texts::One(ref k) => map.get(k).map(paragraphs_of).unwrap_or_default(),
            Texts::Pair(ref en, ref zh) => {
                let en = map.get(en).map(paragraphs_of).unwrap_or_default();
                let zh = map.get(zh).map(paragraphs_of).unwrap_or_default();
                bilingual(&en, &zh)
            }
        };
        if paragraphs.is_empty() {
            return;
        }
        if shape.speaker.is_none() {
            self.loose += 1;
            self.lines.extend(paragraphs);
            return;
        }
        if let Some(name) = name.filter(|n| !n.is_empty()) {
            if self.last_speaker.as_deref() != Some(name.as_str()) {
                let label = match title.filter(|t| !t.is_empty() && *t != name) {
                    Some(t) => format!("{name} -- {t}"),
                    None => name.clone(),
                };
                self.lines.push(label);
                if self.known.insert(name.clone()) {
                    self.speakers.push(name.clone());
                }
                self.last_speaker = Some(name);
                self.turns += 1;
            }
        } else if self.last_speaker.is_none() {
            return;
        }
        self.lines.extend(paragraphs);
    }

    /// The text: front matter, then every line as its own paragraph.
    fn finish(self) -> FromJson {
        let mut text = String::new();
        if !self.front.is_empty() {
            text.push_str("---\n");
            for (k, v) in &self.front {
                text.push_str(&format!("{k}: {}\n", one_line(v)));
            }
            text.push_str("---\n\n");
        }
        text.push_str(&self.lines.join("\n\n"));
        text.push('\n');
        FromJson {
            text,
            speakers: self.speakers,
        }
    }
}

/// Which keys of a list's objects hold the speaker and the words.
struct TurnShape {
    speaker: Option<String>,
    texts: Texts,
}

enum Texts {
    One(String),
    /// An English and a Chinese text.
    Pair(String, String),
}

impl TurnShape {
    /// The shape of a list of turns, if `items` is one: most items objects with words in
    /// them, and a speaker key in most (a list of `{en, zh}` pairs needs none).
    fn of(items: &[Value]) -> Option<TurnShape> {
        let objects: Vec<&Map<String, Value>> = items.iter().filter_map(Value::as_object).collect();
        if objects.is_empty() || objects.len() * 2 < items.len() {
            return None;
        }
        let share = |pred: &dyn Fn(&Map<String, Value>) -> bool| {
            objects.iter().filter(|m| pred(m)).count() * 2 >= objects.len()
        };
        let key_in = |names: &[&str]| -> Option<String> {
            names.iter().find_map(|n| {
                let found = objects
                    .iter()
                    .find_map(|m| m.keys().find(|k| normal_key(k) == *n))?;
                share(&|m| m.contains_key(found.as_str())).then(|| found.clone())
            })
        };
        let en = key_in(EN_KEYS);
        let zh = key_in(ZH_KEYS);
        let speaker = key_in(SPEAKER_KEYS).filter(|k| {
            // A speaker's name is short; a long text under `name` is not one.
            objects
                .iter()
                .filter_map(|m| m.get(k.as_str()))
                .all(|v| speaker_of(v).0.is_none_or(|n| n.chars().count() <= 80))
        });
        let texts = match en
            .zip(zh)
            .or_else(|| scripts_pair(&objects, speaker.as_deref()))
        {
            Some((en, zh)) => Texts::Pair(en, zh),
            None => Texts::One(
                TEXT_KEYS
                    .iter()
                    .find_map(|n| {
                        let found = objects.iter().find_map(|m| {
                            m.keys().find(|k| {
                                normal_key(k) == *n && Some(k.as_str()) != speaker.as_deref()
                            })
                        })?;
                        share(&|m| m.get(found.as_str()).is_some_and(has_words))
                            .then(|| found.clone())
                    })
                    .or_else(|| longest_text_key(&objects, speaker.as_deref()))?,
            ),
        };
        let pairs = matches!(texts, Texts::Pair(..));
        // Words someone said: some item holds a sentence, not only labels and figures (a
        // list of `{label, value}` cards is not a run of turns).
        let keys: Vec<&str> = match &texts {
            Texts::One(k) => vec![k.as_str()],
            Texts::Pair(en, zh) => vec![en.as_str(), zh.as_str()],
        };
        let spoken = objects.iter().any(|m| {
            keys.iter()
                .filter_map(|k| m.get(*k))
                .flat_map(paragraphs_of)
                .any(|p| {
                    p.split_whitespace().count() >= 4
                        || p.chars().count() >= 24
                        || p.trim_end()
                            .ends_with(['.', '!', '?', '。', '！', '？', '…'])
                })
        });
        (spoken && (speaker.is_some() || pairs)).then_some(TurnShape { speaker, texts })
    }
}

/// The key whose strings are longest on average (the words, when no key name says so).
fn longest_text_key(objects: &[&Map<String, Value>], speaker: Option<&str>) -> Option<String> {
    let first = objects.first()?;
    first
        .keys()
        .filter(|k| Some(k.as_str()) != speaker)
        .map(|k| {
            let total: usize = objects
                .iter()
                .filter_map(|m| m.get(k.as_str()).and_then(Value::as_str))
                .map(str::len)
                .sum();
            (total / objects.len(), k)
        })
        .filter(|(avg, _)| *avg >= 40)
        .max_by_key(|(avg, _)| *avg)
        .map(|(_, k)| k.clone())
}

/// Two text keys, one mostly Chinese and one mostly English, whatever they are called.
fn scripts_pair(
    objects: &[&Map<String, Value>],
    speaker: Option<&str>,
) -> Option<(String, String)> {
    let first = objects.first()?;
    let mut en = None;
    let mut zh = None;
    for k in first.keys().filter(|k| Some(k.as_str()) != speaker) {
        let texts: Vec<&str> = objects
            .iter()
            .filter_map(|m| m.get(k.as_str()).and_then(Value::as_str))
            .collect();
        let joined: String = texts.concat();
        if texts.len() * 2 < objects.len() || joined.chars().count() < 2 * texts.len() {
            continue;
        }
        let han = joined
            .chars()
            .filter(|&c| crate::transcript::text::is_han(c))
            .count();
        let latin = joined.chars().filter(char::is_ascii_alphabetic).count();
        if han > latin && zh.is_none() {
            zh = Some(k.clone());
        } else if latin > 4 * han && en.is_none() {
            en = Some(k.clone());
        }
    }
    en.zip(zh)
}

/// The speaker's name and title from a string (`Name -- Title` stays whole: the parser reads
/// it) or an object (`{name, title, company}`).
fn speaker_of(v: &Value) -> (Option<String>, Option<String>) {
    match v {
        Value::String(s) => (Some(one_line(s)), None),
        Value::Object(m) => {
            // A roster may list each field's variants (`speaker_name_variants: [...]`): the
            // key without `speaker_` and `_variants`, and the first of its values.
            let field = |k: &str| {
                m.iter().find(|(key, _)| {
                    let n = normal_key(key);
                    let n = n.strip_suffix("_variants").unwrap_or(&n);
                    n == k || n.strip_prefix("speaker_") == Some(k)
                })
            };
            let value = |v: &Value| match v {
                Value::Array(items) => items.iter().find_map(scalar),
                v => scalar(v),
            };
            let name = SPEAKER_KEYS
                .iter()
                .chain(&["full_name", "fullname"])
                .find_map(|k| field(k))
                .and_then(|(_, v)| value(v));
            // `Name -- Firm -- Title`, as rosters are written: the firm first; each key read
            // once (`speaker_title` answers to `title` too).
            let firms = ["company", "firm", "affiliation", "organization"];
            let mut used: Vec<&String> = Vec::new();
            let mut parts: Vec<String> = Vec::new();
            for k in firms
                .iter()
                .chain(TITLE_KEYS.iter().filter(|k| !firms.contains(k)))
            {
                if let Some((key, v)) = field(k).filter(|(key, _)| !used.contains(key)) {
                    used.push(key);
                    parts.extend(value(v));
                }
            }
            (name, (!parts.is_empty()).then(|| parts.join(" -- ")))
        }
        _ => (None, None),
    }
}

/// True when a value holds words: a non-empty string or a list of them.
fn has_words(v: &Value) -> bool {
    match v {
        Value::String(s) => !s.trim().is_empty(),
        Value::Array(items) => items.iter().any(has_words),
        Value::Object(m) => m.values().any(|v| v.is_string() && has_words(v)),
        _ => false,
    }
}

/// The paragraphs of a text value: a string split at its line breaks, or a list of them.
fn paragraphs_of(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => s
            .split('\n')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect(),
        Value::Array(items) => items.iter().flat_map(paragraphs_of).collect(),
        Value::Object(m) => TEXT_KEYS
            .iter()
            .find_map(|k| m.get(*k))
            .map(paragraphs_of)
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// English and Chinese paragraphs as pairs: each English line followed by its Chinese.
fn bilingual(en: &[String], zh: &[String]) -> Vec<String> {
    let n = en.len().max(zh.len());
    (0..n)
        .map(|i| match (en.get(i), zh.get(i)) {
            (Some(e), Some(z)) => format!("{e}\n{z}"),
            (Some(e), None) => e.clone(),
            (None, Some(z)) => z.clone(),
            (None, None) => String::new(),
        })
        .filter(|p| !p.is_empty())
        .collect()
}

/// A string or number as one line of text.
fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(one_line(s)),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Whitespace (line breaks too) run together.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A key compared loosely: lower case, `-` and spaces as `_`, camelCase split.
/// True for a column or key that holds a speaker's name (`Speaker`, `speaker_name`).
pub(crate) fn is_speaker_key(k: &str) -> bool {
    SPEAKER_KEYS.contains(&normal_key(k).as_str())
}

/// True for a column or key that holds the words said (`Content`, `text`).
pub(crate) fn is_text_key(k: &str) -> bool {
    TEXT_KEYS.contains(&normal_key(k).as_str())
}

fn normal_key(k: &str) -> String {
    let mut out = String::with_capacity(k.len() + 4);
    let mut prev_lower = false;
    for c in k.chars() {
        if c.is_uppercase() && prev_lower {
            out.push('_');
        }
        prev_lower = c.is_lowercase();
        match c {
            '-' | ' ' => out.push('_'),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The heading a list's key stands for, if it names a part of the call.
fn section_heading(key: &str) -> Option<&'static str> {
    let k = normal_key(key);
    let words: Vec<&str> = k
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |w: &str| words.contains(&w);
    if has("qa")
        || (has("q") && has("a"))
        || has("questions")
        || has("question")
        || k.contains("q&a")
    {
        Some("Questions and Answers")
    } else if has("prepared") || has("presentation") || has("remarks") || has("management") {
        Some("Prepared Remarks")
    } else {
        None
    }
}

/// True when a key names a participant list.
fn names_participants(key: &str) -> bool {
    let k = normal_key(key);
    [
        "participant",
        "attendee",
        "executives",
        "analysts",
        "speakers",
    ]
    .iter()
    .any(|w| k.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_of_speaker_and_speech_objects() {
        let json = r#"{
          "title": "Acme Corp Q1 2026 Earnings Call",
          "header_texts": ["Contents:", "Prepared Remarks:"],
          "prepared_remarks": [
            {"speaker": "Operator", "speech": "Welcome to the call.\nPlease go ahead."},
            {"speaker": "Jane Roe", "speech": "Revenue grew 12%."}
          ],
          "q_and_a": [
            {"speaker": "Operator", "speech": "Our first question comes from Tom Brandt."},
            {"speaker": "Tom Brandt", "speech": "How is demand?"}
          ],
          "participants": ["Jane Roe--Chief Executive Officer", "Tom Brandt--Halvorsen -- Analyst"]
        }"#;
        assert!(looks_like_json(json));
        let got = to_text(json).unwrap();
        assert_eq!(
            got.text,
            "---\ntitle: Acme Corp Q1 2026 Earnings Call\n---\n\n\
             Prepared Remarks\n\nOperator\n\nWelcome to the call.\n\nPlease go ahead.\n\n\
             Jane Roe\n\nRevenue grew 12%.\n\n\
             Questions and Answers\n\nOperator\n\nOur first question comes from Tom Brandt.\n\n\
             Tom Brandt\n\nHow is demand?\n\n\
             Call participants:\n\nJane Roe--Chief Executive Officer\n\nTom Brandt--Halvorsen -- Analyst\n"
        );
        assert_eq!(got.speakers, ["Operator", "Jane Roe", "Tom Brandt"]);
    }

    #[test]
    fn speaker_objects_pairs_and_json_lines() {
        // Speakers as objects, words as a list of paragraphs, camelCase keys.
        let json = r#"[{"speakerName": {"name": "Jane Roe", "title": "CFO"}, "paragraphs": ["One.", "Two."]},
                       {"speakerName": {"name": "Jane Roe"}, "paragraphs": ["Three."]}]"#;
        assert_eq!(
            to_text(json).unwrap().text,
            "Jane Roe -- CFO\n\nOne.\n\nTwo.\n\nThree.\n"
        );
        // Bilingual pairs, the keys named for neither language.
        let json =
            r#"{"rows": [{"who": "Jane Roe", "a": "Revenue grew 12%.", "b": "收入增长12%。"}]}"#;
        assert_eq!(
            to_text(json).unwrap().text,
            "Jane Roe\n\nRevenue grew 12%.\n收入增长12%。\n"
        );
        // JSON Lines.
        let jsonl = "{\"speaker\": \"Operator\", \"text\": \"Welcome.\"}\n\n{\"speaker\": \"Jane Roe\", \"text\": \"Thanks.\"}\n";
        assert!(looks_like_json(jsonl));
        assert_eq!(
            to_text(jsonl).unwrap().text,
            "Operator\n\nWelcome.\n\nJane Roe\n\nThanks.\n"
        );
    }

    #[test]
    fn a_roster_of_field_variants_gives_each_person_a_firm_and_title() {
        let json = r#"{"participants": [
            {"speaker_name_variants": ["Ida Moss", "Ida"], "speaker_title_variants": ["Analyst"],
             "speaker_company_variants": ["Kestrel Partners"]},
            {"name": "Jane Roe", "title": "CFO", "company": "Acme"}],
          "utterances": [
            {"speaker": "Operator", "utterance": "Our first question comes from Ida Moss."},
            {"speaker": "Ida Moss", "utterance": "How is demand?"},
            {"speaker": "Jane Roe", "utterance": "Strong."}]}"#;
        let text = to_text(json).unwrap().text;
        assert!(
            text.starts_with(
                "Call participants:\n\nIda Moss -- Kestrel Partners -- Analyst\n\n\
                 Jane Roe -- Acme -- CFO\n\n"
            ),
            "{text}"
        );
        let t = crate::transcript::parse(&text);
        let q = &t.questions[0];
        assert_eq!(t.speakers[q.analyst].name, "Ida Moss");
        assert_eq!(q.firm.as_deref(), Some("Kestrel Partners"));
    }

    #[test]
    fn a_section_per_question_keeps_its_heading_and_starts_its_turns_anew() {
        let json = r#"[
          {"heading": "Q&A #1 — Tom Brandt (Halvorsen)：demand",
           "paragraphs": [{"speaker": "Jane Roe", "text": "Demand held up."}]},
          {"heading": "Q&A #2 — Ida Moss (Kestrel)",
           "paragraphs": [{"speaker": "Jane Roe", "text": "Prices rose."}]},
          {"heading": "Outlook", "paragraphs": [{"speaker": "Jane Roe", "text": "Steady."}]}
        ]"#;
        assert_eq!(
            to_text(json).unwrap().text,
            "Q&A #1 — Tom Brandt (Halvorsen)：demand\n\nQuestions and Answers\n\nJane Roe\n\n\
             Demand held up.\n\nQ&A #2 — Ida Moss (Kestrel)\n\nQuestions and Answers\n\n\
             Jane Roe\n\nPrices rose.\n\nSteady.\n"
        );
    }

    #[test]
    fn broken_or_empty_json_says_so() {
        let err = to_text("{\"speaker\": \"Jane\", \"text\": ").unwrap_err();
        assert!(
            matches!(&err, JsonError::Damaged(m) if m.starts_with("line 1, column")),
            "{err:?}"
        );
        assert_eq!(to_text("{\"a\": [1, 2, 3]}"), Err(JsonError::NoTranscript));
        assert!(!looks_like_json(
            "[Operator Instructions] Our first question"
        ));
        assert!(!looks_like_json("Operator: {hello}"));
        // Deep nesting is an error, not a crash.
        let deep = "[".repeat(100_000);
        assert!(to_text(&deep).is_err());
    }

    /// A call in plain text, as a provider keeps it in one field.
    const CALL_TEXT: &str = "Operator: Good morning and welcome to the Acme third quarter call.\n\n\
        Jane Roe: Thank you. Revenue was $412 million, up 9%, and margins widened again.\n\n\
        Ben Li: Thanks, Jane. Cash from operations was $88 million in the quarter.\n\n\
        Operator: Our first question comes from Ann Park with Harbor Securities.\n\n\
        Ann Park: How should we think about pricing into next year?\n\n\
        Jane Roe: We expect pricing to hold, with volume doing the work.\n\n\
        Operator: Our next question comes from Tom Ode with Birch Capital.\n\n\
        Tom Ode: Could you talk about freight costs?\n\n\
        Ben Li: They eased through the quarter and we expect that to continue.\n";

    fn questioners(text: &str) -> Vec<String> {
        let t = crate::transcript::parse(text);
        t.questions
            .iter()
            .map(|q| t.speakers[q.analyst].name.clone())
            .collect()
    }

    #[test]
    fn a_call_kept_as_one_text_field_is_read_as_text() {
        let object = serde_json::json!({
            "ticker": "ACME",
            "company": "Acme Corp",
            "title": "Acme Corp (ACME) Q3 2026 Earnings Call Transcript",
            "year": 2026,
            "quarter": 3,
            "summary": "short",
            "transcript": CALL_TEXT,
        });
        // Alone, and alone in a list (as some services answer).
        for json in [object.clone(), serde_json::json!([object])] {
            let found = to_text(&json.to_string()).expect("read as a call");
            assert!(
                found
                    .text
                    .starts_with("---\ntitle: Acme Corp (ACME) Q3 2026")
            );
            assert!(found.text.contains("company: Acme Corp\n"));
            assert_eq!(questioners(&found.text), ["Ann Park", "Tom Ode"]);
        }
    }

    #[test]
    fn a_call_kept_as_its_parts_is_read_part_after_part() {
        let (prepared, qa) = CALL_TEXT.split_at(CALL_TEXT.find("Operator: Our first").unwrap());
        let json = serde_json::json!({
            "title": "Acme Corp Q3 2026 Earnings Call",
            // A summary longer than either part, shorter than both.
            "summary": "The quarter went well.\n".repeat(25),
            "prepared_remarks": prepared,
            "qa_section": qa,
        });
        let found = to_text(&json.to_string()).expect("read as a call");
        let (p, q) = (
            found.text.find("Prepared Remarks").expect("heading"),
            found.text.find("Questions and Answers").expect("heading"),
        );
        assert!(p < q && found.text[q..].contains("Tom Ode: Could you"));
        assert!(!found.text.contains("The quarter went well"));
        assert_eq!(questioners(&found.text), ["Ann Park", "Tom Ode"]);
    }

    #[test]
    fn short_or_single_line_texts_are_not_a_call() {
        let json = serde_json::json!({
            "title": "Acme Corp Q3 2026 Earnings Call",
            "note": "Operator: welcome. ".repeat(100),
            "tags": "a\nb\nc",
        });
        assert_eq!(to_text(&json.to_string()), Err(JsonError::NoTranscript));
    }
}
