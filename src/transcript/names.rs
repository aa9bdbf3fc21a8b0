//! People's names: what looks like one, the operator's titles, variants of one name, roles.

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
    real_words >= 2
        && written_out
        && tokens
            .iter()
            .enumerate()
            .all(|(i, t)| latin_name_token(t, i == 0))
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
    is_operator_word(t) || latin_name_like(t) || han_name_like(t) || unnamed_label(t)
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
