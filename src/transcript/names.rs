//! People's names: what looks like one, the operator's titles, variants of one name, roles.

use std::collections::HashMap;

use super::text::{Script, is_han, is_name_dot, is_sentence_punct, script};

/// Words that name the call's operator, in English and Chinese.
const OPERATOR_WORDS: &[&str] = &[
    "operator",
    "moderator",
    "conference operator",
    "coordinator",
    "host",
    "主持人",
    "会议主持人",
    "會議主持人",
    "操作员",
    "操作員",
    "接线员",
    "接線員",
    "话务员",
    "話務員",
    "司仪",
    "司儀",
];

/// Capitalised words that occur in headings but not in people's names.
const HEADING_WORDS: &[&str] = &[
    "prepared",
    "remarks",
    "question",
    "questions",
    "answer",
    "answers",
    "session",
    "participants",
    "participant",
    "presentation",
    "conference",
    "call",
    "earnings",
    "transcript",
    "disclaimer",
    "summary",
    "highlights",
    "corporate",
    "company",
    "analysts",
    "executives",
    "instructions",
    "by",
    "image",
    "source",
    "thank",
    "thanks",
    "you",
    "the",
    "and",
    "of",
    "more",
    "all",
    "end",
    "related",
    "copyright",
    "results",
    "quarter",
    "fiscal",
    "financial",
];

/// Lower-case particles allowed inside a Latin name.
const NAME_PARTICLES: &[&str] = &[
    "de", "da", "di", "van", "von", "der", "del", "la", "le", "bin", "al",
];

/// Words in a role that mark an analyst.
const ANALYST_WORDS: &[&str] = &["analyst", "分析师", "分析師", "研究员", "研究員"];

/// Whole words in a role that mark a company executive.
const EXECUTIVE_TOKENS: &[&str] = &[
    "ceo",
    "cfo",
    "coo",
    "cto",
    "evp",
    "svp",
    "ir",
    "chief",
    "president",
    "officer",
    "chairman",
    "chairwoman",
    "founder",
    "treasurer",
    "controller",
];

/// Phrases in a role that mark a company executive.
const EXECUTIVE_PHRASES: &[&str] = &[
    "investor relations",
    "general counsel",
    "首席",
    "总裁",
    "總裁",
    "董事长",
    "董事長",
    "投资者关系",
    "投資者關係",
    "创始人",
    "創辦人",
    "财务官",
    "財務官",
    "执行官",
    "執行長",
    "财务长",
    "財務長",
];

/// True when `name` is one of the operator's titles.
pub fn is_operator_word(name: &str) -> bool {
    let n = name.trim().to_lowercase();
    OPERATOR_WORDS.contains(&n.as_str())
}

/// True when `token` can be one word of a Latin personal name.
fn latin_name_token(token: &str, first: bool) -> bool {
    let lower = token.to_lowercase();
    if HEADING_WORDS.contains(&lower.trim_end_matches([',', '.'])) {
        return false;
    }
    if !first && NAME_PARTICLES.contains(&lower.as_str()) {
        return true;
    }
    let mut chars = token.chars();
    let Some(c0) = chars.next() else { return false };
    if !c0.is_uppercase() {
        return false;
    }
    // A word closing a sentence (`Okay.`) or a possessive or contraction (`That's`) is
    // prose; names have initials and abbreviations (`R.`, `Jr.`, `J.P.`) and `O'Neil`.
    let stem = token.trim_end_matches('.');
    let sentence_end = token.ends_with('.') && !stem.contains('.') && stem.chars().count() > 3;
    let contraction = [
        "'s", "’s", "'t", "’t", "'m", "’m", "'ll", "’ll", "'re", "’re",
    ]
    .iter()
    .any(|end| token.ends_with(end));
    !sentence_end
        && !contraction
        && token
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
}

/// True when `text` reads like a Latin-script personal name ("Andrew R. Jassy", "Mary-Ann O'Neil").
pub fn latin_name_like(text: &str) -> bool {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    if tokens.is_empty() || tokens.len() > 6 || text.len() > 48 {
        return false;
    }
    if tokens.iter().any(|t| t.chars().any(|c| c.is_ascii_digit())) {
        return false;
    }
    let real_words = tokens
        .iter()
        .filter(|t| t.trim_end_matches('.').chars().count() > 1)
        .count();
    // One word at least is written out (`No. No.` is a reply, not a name).
    let written_out = tokens
        .iter()
        .any(|t| !t.ends_with('.') && t.chars().count() > 1);
    (real_words >= 2 || initials_then_surname(&tokens))
        && written_out
        && tokens
            .iter()
            .enumerate()
            .all(|(i, t)| latin_name_token(t, i == 0))
}

/// True for initials before one written-out name, as South Indian names are often written
/// (`R Srikrishna`, `K. V. Kamath`): a capital with a dot, or alone (but not `A` or `I`,
/// which are words, nor `Q`, which labels a question), then a capitalised word of three
/// letters or more.
fn initials_then_surname(tokens: &[&str]) -> bool {
    let Some((last, initials)) = tokens.split_last() else {
        return false;
    };
    let initial = |t: &&str| {
        let mut c = t.chars();
        match (c.next(), c.next(), c.next()) {
            (Some(l), None, None) => l.is_ascii_uppercase() && !matches!(l, 'A' | 'I' | 'Q'),
            (Some(l), Some('.'), None) => l.is_ascii_uppercase(),
            _ => false,
        }
    };
    !initials.is_empty()
        && initials.len() <= 3
        && initials.iter().all(initial)
        && last.chars().count() >= 3
        && last.chars().all(char::is_alphabetic)
}

/// True when `text` reads like a name written in Han characters ("安迪·贾西", "王小明").
pub fn han_name_like(text: &str) -> bool {
    let (mut han, mut initials) = (0, 0);
    for c in text.chars() {
        if is_han(c) {
            han += 1;
        } else if c.is_ascii_uppercase() {
            initials += 1;
        } else if !(is_name_dot(c) || c == ' ') {
            return false;
        }
    }
    if initials > 2 {
        return false;
    }
    let edges_han =
        text.chars().next().is_some_and(is_han) && text.chars().last().is_some_and(is_han);
    edges_han && (2..=12).contains(&han)
}

/// True when `text` could be a speaker's name in a header (a person or the operator).
pub fn name_like(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() || t.chars().any(|c| is_sentence_punct(c) && c != '.') {
        return false;
    }
    is_operator_word(t)
        || latin_name_like(t)
        || han_name_like(t)
        || unnamed_label(t)
        || numbered_voice(t)
}

/// True for the label speech-to-text gives each voice it tells apart: a word for a speaker
/// and a number or a capital letter (`Speaker 1`, `SPEAKER_02`, `Speaker B`, `Participant
/// 3`, `说话人1`, `发言人 2`). The same label is the same voice throughout the file.
pub fn numbered_voice(text: &str) -> bool {
    const VOICES: &[&str] = &[
        "speaker",
        "spk",
        "participant",
        "guest",
        "voice",
        "说话人",
        "說話人",
        "发言人",
        "發言人",
        "讲者",
        "講者",
    ];
    let t = text.trim();
    let lower = t.to_lowercase();
    VOICES.iter().any(|v| {
        lower.strip_prefix(v).is_some_and(|rest| {
            let rest = rest.trim_start_matches([' ', '_', '-']);
            let n = rest.chars().count();
            (rest.chars().all(|c| c.is_ascii_digit()) && (1..=2).contains(&n))
                || (n == 1 && t.ends_with(|c: char| c.is_ascii_uppercase()))
        })
    })
}

/// True for a label that stands for a person it does not name: `Unidentified Analyst`,
/// `Unknown speaker`, `Unidentified Company Representative`.
pub fn unnamed_label(text: &str) -> bool {
    const UNNAMED: &[&str] = &["unidentified", "unknown", "unnamed"];
    const WHO: &[&str] = &[
        "analyst",
        "speaker",
        "participant",
        "caller",
        "representative",
        "company",
        "corporate",
        "audience",
        "member",
        "executive",
    ];
    let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    (2..=4).contains(&words.len())
        && UNNAMED.contains(&words[0].as_str())
        && words[1..].iter().all(|w| WHO.contains(&w.as_str()))
}

/// True for a label that names no one: `Unknown Analyst` ([`unnamed_label`]), or a bare
/// `Analyst`, `Participant`, `Speaker`, `Caller` (`分析师`, `参会者`, `发言人`, `提问者`).
pub fn generic_label(name: &str) -> bool {
    const GENERIC: &[&str] = &[
        "participant",
        "analyst",
        "speaker",
        "caller",
        "分析师",
        "分析師",
        "参会者",
        "參會者",
        "与会者",
        "與會者",
        "发言人",
        "發言人",
        "提问者",
        "提問者",
    ];
    unnamed_label(name) || GENERIC.contains(&name.trim().to_lowercase().as_str())
}

/// Normalises a name for comparison: lower case, name dots and periods dropped, spaces squashed.
pub fn name_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split(|c: char| c.is_whitespace() || is_name_dot(c)) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() && script(word) != Script::Zh {
            out.push(' ');
        }
        out.push_str(&word.to_lowercase());
    }
    out
}

/// Latin name tokens without initials (one letter) or particles, lower-cased.
fn name_words(name: &str) -> Vec<String> {
    name.split_whitespace()
        .map(|w| w.trim_end_matches([',', '.']).to_lowercase())
        .filter(|w| w.chars().count() > 1 && !NAME_PARTICLES.contains(&w.as_str()))
        .collect()
}

/// Short forms of given names that do not start like the name (`Bill` for `William`).
const NICKNAMES: &[(&str, &str)] = &[
    ("bill", "william"),
    ("billy", "william"),
    ("liam", "william"),
    ("bob", "robert"),
    ("bobby", "robert"),
    ("rob", "robert"),
    ("mike", "michael"),
    ("mick", "michael"),
    ("jim", "james"),
    ("jimmy", "james"),
    ("dick", "richard"),
    ("rick", "richard"),
    ("rich", "richard"),
    ("chuck", "charles"),
    ("ted", "edward"),
    ("ned", "edward"),
    ("peggy", "margaret"),
    ("maggie", "margaret"),
    ("meg", "margaret"),
    ("beth", "elizabeth"),
    ("liz", "elizabeth"),
    ("betty", "elizabeth"),
    ("kate", "katherine"),
    ("katie", "katherine"),
    ("katy", "kathryn"),
    ("kathy", "katherine"),
    ("sandy", "alexandra"),
    ("alex", "alexander"),
    ("sasha", "alexander"),
    ("jack", "john"),
    ("johnny", "john"),
    ("hank", "henry"),
    ("harry", "henry"),
    ("tony", "anthony"),
    ("drew", "andrew"),
    ("andy", "andrew"),
    ("geoff", "geoffrey"),
    ("jeff", "jeffrey"),
    ("greg", "gregory"),
    ("steve", "stephen"),
    ("steve", "steven"),
    ("chris", "christopher"),
    ("kit", "christopher"),
    ("matt", "matthew"),
    ("dan", "daniel"),
    ("danny", "daniel"),
    ("tom", "thomas"),
    ("tim", "timothy"),
    ("joe", "joseph"),
    ("sam", "samuel"),
    ("ben", "benjamin"),
    ("nick", "nicholas"),
    ("pete", "peter"),
    ("ken", "kenneth"),
    ("doug", "douglas"),
    ("fred", "frederick"),
    ("will", "william"),
    ("walt", "walter"),
    ("larry", "lawrence"),
    ("jerry", "gerald"),
    ("terry", "terence"),
    ("sue", "susan"),
    ("jen", "jennifer"),
    ("jenny", "jennifer"),
    ("becky", "rebecca"),
    ("vicky", "victoria"),
    ("abby", "abigail"),
    ("patty", "patricia"),
    ("trish", "patricia"),
];

/// True when two given names can be the same person's ("Andy"/"Andrew", "Doug"/"Douglas",
/// "Bill"/"William").
fn given_names_compatible(a: &str, b: &str) -> bool {
    if a == b || a.starts_with(b) || b.starts_with(a) {
        return true;
    }
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    common >= 3
        || NICKNAMES
            .iter()
            .any(|&(short, full)| (a, b) == (short, full) || (b, a) == (short, full))
}

/// True when `short` (as an operator hands off: `Will`, `Dan Levy`, `Adam`) names the
/// person `full` (`William Stein`, `Dan Meir Levy`, `Adam Michael Jonas`): the same person,
/// or a given name alone that is the first name's or a short form of it.
pub fn goes_by(short: &str, full: &str) -> bool {
    if same_person(short, full) {
        return true;
    }
    let (ws, wf) = (name_words(short), name_words(full));
    match (ws.as_slice(), wf.first()) {
        ([given], Some(first)) if script(short) == Script::En => {
            given.chars().count() >= 2 && given_names_compatible(given, first)
        }
        _ => false,
    }
}

/// The words of a company's legal form, lower case, without full stops (`Inc.`, `PLC`,
/// `Holdings`).
pub const LEGAL_FORMS: [&str; 17] = [
    "inc",
    "corp",
    "corporation",
    "co",
    "company",
    "ltd",
    "limited",
    "llc",
    "plc",
    "lp",
    "llp",
    "ag",
    "sa",
    "se",
    "nv",
    "holdings",
    "group",
];

/// True when two spellings name the same person (`Andrew R. Jassy` / `Andy Jassy`).
pub fn same_person(a: &str, b: &str) -> bool {
    let (ka, kb) = (name_key(a), name_key(b));
    if ka == kb {
        return true;
    }
    let (wa, wb) = (name_words(a), name_words(b));
    if wa.len() < 2 || wb.len() < 2 {
        return false;
    }
    wa.last() == wb.last() && given_names_compatible(&wa[0], &wb[0])
}

/// A name in the forms [`same_person`] and [`goes_by`] compare (its [`name_key`], its name
/// words, its script), worked out once so that comparing two names allocates nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameForms {
    key: String,
    words: Vec<String>,
    latin: bool,
}

impl NameForms {
    pub fn new(name: &str) -> Self {
        NameForms {
            key: name_key(name),
            words: name_words(name),
            latin: script(name) == Script::En,
        }
    }

    /// As [`same_person`] with the other name.
    pub fn same_person(&self, other: &NameForms) -> bool {
        if self.key == other.key {
            return true;
        }
        match (self.words.as_slice(), other.words.as_slice()) {
            ([first_a, .., last_a], [first_b, .., last_b]) => {
                last_a == last_b && given_names_compatible(first_a, first_b)
            }
            _ => false,
        }
    }

    /// As [`goes_by`], this name the short one.
    pub fn goes_by(&self, full: &NameForms) -> bool {
        self.same_person(full)
            || match (self.words.as_slice(), full.words.first()) {
                ([given], Some(first)) if self.latin => {
                    given.chars().count() >= 2 && given_names_compatible(given, first)
                }
                _ => false,
            }
    }

    /// The given-name openings a compatible given name starts with: its own first two
    /// letters and those of its short or full forms (name words have two letters or more,
    /// and compatible given names share their first two unless one is the other's nickname).
    fn given_openings(given: &str) -> Vec<&str> {
        let mut out = vec![opening(given)];
        for &(short, full) in NICKNAMES {
            if given == short {
                out.push(opening(full));
            } else if given == full {
                out.push(opening(short));
            }
        }
        out
    }
}

/// A name word's first two letters.
fn opening(word: &str) -> &str {
    word.char_indices().nth(2).map_or(word, |(i, _)| &word[..i])
}

/// Speakers' names in their [`NameForms`], indexed by what a match needs in common, so that
/// finding the first speaker a name matches looks at a few candidates rather than at all.
/// A speaker's entry is replaced when its names change; the index keeps what it held
/// before, so candidates are always checked against the speaker's present names.
#[derive(Debug, Default)]
pub struct NameIndex {
    forms: Vec<Vec<NameForms>>,
    /// By the whole name key: the same key is the same person.
    by_key: HashMap<String, Vec<usize>>,
    /// By the last name word and the first word's opening (a name of two words or more).
    by_last: HashMap<(String, String), Vec<usize>>,
    /// By the first word's opening (a given name alone goes by it).
    by_first: HashMap<String, Vec<usize>>,
}

impl NameIndex {
    /// Sets speaker `id`'s names (its name and alternative); `id` is a known speaker or the next.
    pub fn set(&mut self, id: usize, names: &[Option<&str>]) {
        let forms: Vec<NameForms> = names.iter().flatten().map(|n| NameForms::new(n)).collect();
        for f in &forms {
            push_id(self.by_key.entry(f.key.clone()).or_default(), id);
            if let [first, .., last] = f.words.as_slice() {
                let at = (last.clone(), opening(first).to_string());
                push_id(self.by_last.entry(at).or_default(), id);
            }
            if let Some(first) = f.words.first() {
                push_id(
                    self.by_first.entry(opening(first).to_string()).or_default(),
                    id,
                );
            }
        }
        if id == self.forms.len() {
            self.forms.push(forms);
        } else {
            self.forms[id] = forms;
        }
    }

    /// True when speaker `id`'s names have been set.
    pub fn knows(&self, id: usize) -> bool {
        id < self.forms.len()
    }

    /// Speaker `id`'s names.
    pub fn forms(&self, id: usize) -> &[NameForms] {
        &self.forms[id]
    }

    /// The first speaker, by index, that `ok` accepts and one of whose names is the same
    /// person as `name` (or, with `goes_by`, one `name` goes by).
    pub fn first(
        &self,
        name: &NameForms,
        goes_by: bool,
        ok: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let mut cands: Vec<usize> = Vec::new();
        if let Some(ids) = self.by_key.get(&name.key) {
            cands.extend(ids);
        }
        if let [first, .., last] = name.words.as_slice() {
            for open in NameForms::given_openings(first) {
                if let Some(ids) = self.by_last.get(&(last.clone(), open.to_string())) {
                    cands.extend(ids);
                }
            }
        }
        if goes_by && let [given] = name.words.as_slice() {
            for open in NameForms::given_openings(given) {
                if let Some(ids) = self.by_first.get(open) {
                    cands.extend(ids);
                }
            }
        }
        cands.sort_unstable();
        cands.dedup();
        cands.into_iter().find(|&id| {
            ok(id)
                && self.forms[id].iter().any(|f| {
                    if goes_by {
                        name.goes_by(f)
                    } else {
                        name.same_person(f)
                    }
                })
        })
    }
}

/// Adds `id` to a list of candidates unless it was the last added.
fn push_id(ids: &mut Vec<usize>, id: usize) {
    if ids.last() != Some(&id) {
        ids.push(id);
    }
}

/// True when a role names an analyst.
pub fn role_is_analyst(role: &str) -> bool {
    let r = role.to_lowercase();
    ANALYST_WORDS.iter().any(|w| r.contains(w))
}

/// True when a role names a company executive.
pub fn role_is_executive(role: &str) -> bool {
    let r = role.to_lowercase();
    !role_is_analyst(role)
        && (EXECUTIVE_PHRASES.iter().any(|w| r.contains(w))
            || r.split(|c: char| !c.is_alphanumeric())
                .any(|w| EXECUTIVE_TOKENS.contains(&w)))
}

/// Whole words that make a short line a job title.
const ROLE_WORDS: &[&str] = &[
    "ceo",
    "cfo",
    "coo",
    "cto",
    "md",
    "vp",
    "svp",
    "evp",
    "ir",
    "director",
    "head",
    "managing",
    "partner",
    "manager",
    "vice",
    "president",
    "officer",
    "chief",
    "chairman",
    "chairwoman",
    "founder",
    "analyst",
    "treasurer",
    "controller",
    "counsel",
    "relations",
    "secretary",
    "strategist",
    "economist",
];

/// True when a short line is a job title rather than speech ("CEO", "VP of Investor Relations").
pub fn role_like(text: &str) -> bool {
    let lower = text.to_lowercase();
    role_is_analyst(text)
        || role_is_executive(text)
        || lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| ROLE_WORDS.contains(&w))
        || ["总监", "總監", "经理", "經理", "合伙人", "合夥人", "董事"]
            .iter()
            .any(|w| lower.contains(w))
}

/// Splits a role that starts with the analyst's firm ("摩根大通分析师", "Evercore ISI 分析师").
pub fn split_firm_from_role(role: &str) -> (Option<String>, String) {
    for word in ANALYST_WORDS {
        if let Some(prefix) = role.strip_suffix(word) {
            let firm = prefix.trim().trim_end_matches(['的', ' ']).trim();
            if !firm.is_empty() {
                return (Some(firm.to_string()), (*word).to_string());
            }
        }
    }
    (None, role.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speech_to_text_numbers_its_voices() {
        for voice in [
            "Speaker 1",
            "Speaker 12",
            "SPEAKER_02",
            "Speaker B",
            "Participant 3",
            "说话人1",
            "说话人 2",
            "發言人 3",
        ] {
            assert!(numbered_voice(voice), "{voice}");
            assert!(name_like(voice), "{voice}");
        }
        for not in [
            "Speaker",
            "Speaker 123",
            "Speaker b",
            "Speaker One",
            "Speakers 2",
            "Jane Roe",
        ] {
            assert!(!numbered_voice(not), "{not}");
        }
    }

    #[test]
    fn labels_for_people_they_do_not_name() {
        for label in [
            "Unidentified Analyst",
            "Unknown speaker",
            "Unidentified Company Representative",
        ] {
            assert!(unnamed_label(label) && name_like(label), "{label}");
        }
        for not in [
            "Unknown",
            "Analyst",
            "Unknown Capital Partners",
            "Jane Unknown",
        ] {
            assert!(!unnamed_label(not), "{not}");
        }
    }

    #[test]
    fn latin_names() {
        assert!(name_like("Andrew R. Jassy"));
        assert!(name_like("Mark Stephen F. Mahaney"));
        assert!(name_like("Operator"));
        assert!(name_like("Mary-Ann O'Neil"));
        assert!(!name_like("Prepared Remarks"));
        // Prose cut short by a dash is not a name: a sentence end, a contraction.
        assert!(!name_like("Okay. That's I"));
        assert!(!name_like("No. No."));
        assert!(!name_like("Right. Thanks"));
        assert!(!name_like("That's Right"));
        assert!(name_like("J.P. Morgan Jr."));
        assert!(name_like("Dr. Lisa Su"));
        assert!(!name_like("Questions & Answers:"));
        assert!(!name_like("Thank you."));
        assert!(!name_like("AWS grew 17% year-over-year"));
        assert!(!name_like("Thank You"));
        // Initials before one written-out name.
        assert!(name_like("R Srikrishna"));
        assert!(name_like("K. V. Kamath"));
        assert!(name_like("S. Ravi"));
        assert!(!name_like("A Question"));
        assert!(!name_like("I Think"));
        assert!(!name_like("Q Two"));
        assert!(!name_like("R 2025"));
    }

    #[test]
    fn han_names() {
        assert!(name_like("安迪·贾西"));
        assert!(name_like("马克・马哈尼"));
        assert!(name_like("会议主持人"));
        assert!(name_like("布赖恩·T·奥尔萨夫斯基"));
        assert!(!name_like("• 全球付費單位數"));
        assert!(!name_like("我首先從 AWS(雲端服務) 開始談起。"));
        assert!(!name_like("三、未来规划"));
    }

    #[test]
    fn variants() {
        assert!(same_person("Andrew R. Jassy", "Andy Jassy"));
        assert!(same_person("Mark Stephen F. Mahaney", "Mark Mahaney"));
        assert!(same_person("Douglas Till Anmuth", "Doug Anmuth"));
        assert!(same_person("安迪·贾西", "安迪・贾西"));
        assert!(!same_person("Brian Olsavsky", "Brian Nowak"));
        assert!(!same_person("Andy Jassy", "Andy"));
        assert!(same_person("Bill Stone", "William Stone"));
        assert!(goes_by("Will", "William Stein"));
        assert!(goes_by("Dan", "Daniel Levy"));
        assert!(goes_by("Dan Levy", "Dan Meir Levy"));
        assert!(goes_by("Adam", "Adam Michael Jonas"));
        assert!(goes_by("Mike", "Michael Chu"));
        assert!(!goes_by("Mark", "William Stein"));
        assert!(!goes_by("Edison", "Dan Meir Levy"));
    }

    #[test]
    fn roles() {
        assert!(role_is_executive("VP of Investor Relations"));
        assert!(role_is_executive("Senior VP & CFO"));
        assert!(role_is_executive("亚马逊首席执行官"));
        assert!(role_is_analyst("Senior Research Analyst"));
        assert!(!role_is_executive("MD & US Internet Analyst"));
        assert!(!role_is_executive("Senior Managing Director"));
        assert_eq!(
            split_firm_from_role("摩根大通分析师"),
            (Some("摩根大通".into()), "分析师".into())
        );
        assert_eq!(
            split_firm_from_role("Evercore ISI 分析师"),
            (Some("Evercore ISI".into()), "分析师".into())
        );
        assert_eq!(split_firm_from_role("分析师"), (None, "分析师".into()));
    }
}

#[cfg(test)]
mod index_tests {
    use super::*;
    use proptest::prelude::*;

    /// Name words that meet in the ways the comparison cares about: nicknames, shared
    /// openings, initials, particles, dots, capitals, Han names.
    const WORDS: &[&str] = &[
        "Bill",
        "William",
        "Will",
        "Liam",
        "Wi",
        "Andy",
        "Andrew",
        "An",
        "Anders",
        "Dan",
        "Daniel",
        "Da",
        "de",
        "van",
        "R.",
        "J",
        "C.J.",
        "Stone",
        "STONE",
        "Stein",
        "Levy",
        "Lev",
        "Mike",
        "Michael",
        "Mi",
        "Kathryn",
        "Katy",
        "Kate",
        "Jassy",
        "Jas.",
        "贾西",
        "安迪·贾西",
        "安迪・贾西",
        "王",
        "Élodie",
        "Él",
        "Ba",
        "Baba",
        "Bababa",
        "Operator",
    ];

    fn name() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(WORDS), 0..4).prop_map(|w| w.join(" "))
    }

    /// The first speaker, by index, that `ok` accepts and whose names `name` matches, found
    /// by comparing with every speaker as the parser did before the index.
    fn scan(
        speakers: &[Vec<String>],
        name: &str,
        goes: bool,
        ok: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        speakers.iter().enumerate().position(|(i, names)| {
            ok(i)
                && names.iter().any(|n| {
                    if goes {
                        goes_by(name, n) || same_person(name, n)
                    } else {
                        same_person(name, n)
                    }
                })
        })
    }

    proptest! {
        #[test]
        fn forms_compare_as_the_names(a in name(), b in name()) {
            let (fa, fb) = (NameForms::new(&a), NameForms::new(&b));
            prop_assert_eq!(fa.same_person(&fb), same_person(&a, &b));
            prop_assert_eq!(fa.goes_by(&fb), goes_by(&a, &b));
        }

        #[test]
        fn the_index_finds_what_a_scan_finds(
            speakers in prop::collection::vec(prop::collection::vec(name(), 1..3), 0..12),
            renamed in prop::collection::vec((0usize..12, name()), 0..4),
            queries in prop::collection::vec(name(), 1..8),
            skip in 0usize..4,
        ) {
            let mut speakers = speakers;
            let mut index = NameIndex::default();
            for (i, names) in speakers.iter().enumerate() {
                let names: Vec<Option<&str>> = names.iter().map(|n| Some(n.as_str())).collect();
                index.set(i, &names);
            }
            // Names that change after indexing (a fuller spelling) are found by the new name only.
            for (i, new) in renamed {
                if let Some(names) = speakers.get_mut(i) {
                    names[0] = new;
                    let names: Vec<Option<&str>> =
                        names.iter().map(|n| Some(n.as_str())).collect();
                    index.set(i, &names);
                }
            }
            let ok = |i: usize| skip == 0 || !i.is_multiple_of(skip);
            for q in &queries {
                let f = NameForms::new(q);
                prop_assert_eq!(index.first(&f, false, |_| true), scan(&speakers, q, false, |_| true));
                prop_assert_eq!(index.first(&f, true, ok), scan(&speakers, q, true, ok));
            }
        }
    }
}
