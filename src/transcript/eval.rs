//! Measuring the parser against calls read by hand: for each file, the analysts given the
//! floor in order (one per hand-off) with their firms, and whether the file is a call at all.
//! Names and firms are compared loosely, as a reader would: `Doug Anmuth` is `Douglas Till
//! Anmuth`, `JP Morgan` is `J.P. Morgan Securities LLC`; `|` separates spellings that all
//! count.

use serde::Deserialize;

use super::Transcript;

/// What a person read from one file.
#[derive(Debug, Clone, Deserialize)]
pub struct Truth {
    pub is_transcript: bool,
    #[serde(default)]
    pub operator: Option<bool>,
    /// (name, firm) in the order they are given the floor.
    #[serde(default)]
    pub analysts: Vec<(String, Option<String>)>,
}

/// How the parser did on one file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FileScore {
    /// Analysts in the truth (hand-offs).
    pub expected: usize,
    /// Questions the parser found.
    pub questions: usize,
    /// Truth analysts matched, in order, by a question's analyst.
    pub in_order: usize,
    /// Of those, the ones with the right firm.
    pub firm_right: usize,
    /// A real call the parser refused.
    pub refused: bool,
    /// Something that is not a call read as one.
    pub non_call_read: bool,
    /// Page furniture and site chrome found inside turns (see [`chrome_in_turns`]).
    pub chrome: usize,
}

impl FileScore {
    /// Questions that match no analyst of the truth.
    pub fn spurious(&self) -> usize {
        self.questions - self.in_order
    }

    /// Adds another file's counts.
    pub fn add(&mut self, o: &FileScore) {
        self.expected += o.expected;
        self.questions += o.questions;
        self.in_order += o.in_order;
        self.firm_right += o.firm_right;
        self.refused |= o.refused;
        self.non_call_read |= o.non_call_read;
        self.chrome += o.chrome;
    }
}

/// Letters and digits, lower case, as words (CJK kept, one word per run).
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '\'' || c == '-'))
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// True when `a` and `b` name the same person: the same words; or the same family name
/// (last word) and given names that start alike (`Doug`/`Douglas`, `Katy`/`Kathryn`); or a
/// one-word name that is one of the other's words; or, without spaces (Chinese), one
/// holding the other.
pub fn same_person(a: &str, b: &str) -> bool {
    let (wa, wb) = (words(a), words(b));
    let (Some(la), Some(lb)) = (wa.last(), wb.last()) else {
        return false;
    };
    if wa == wb {
        return true;
    }
    if wa.len() == 1 || wb.len() == 1 {
        let (one, many) = if wa.len() == 1 { (la, &wb) } else { (lb, &wa) };
        if many.contains(one) {
            return true;
        }
        let cjk = |s: &str| !s.is_ascii();
        return cjk(one)
            && many
                .iter()
                .any(|w| w.contains(one.as_str()) || one.contains(w));
    }
    la == lb && wa[0].chars().next() == wb[0].chars().next()
}

/// True when `a` and `b` name the same firm: one holds the other once spaces and
/// punctuation are gone (`JPMorgan` in `J.P. Morgan Securities LLC`).
pub fn same_firm(a: &str, b: &str) -> bool {
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .map(unaccented)
            .collect()
    };
    let (a, b) = (norm(a), norm(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let short = a.chars().count().min(b.chars().count());
    short >= 2 && (a.contains(&b) || b.contains(&a))
}

/// A Latin letter without its accent (`é` → `e`), for comparing firms as people write them.
fn unaccented(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        other => other,
    }
}

/// True when `name` matches one of the `|`-separated spellings in `truth`.
fn name_matches(name: &str, alt: Option<&str>, truth: &str) -> bool {
    truth
        .split('|')
        .any(|t| same_person(name, t) || alt.is_some_and(|a| same_person(a, t)))
}

/// True when `firm` matches the truth's firm: one of its `|`-separated spellings, or none
/// when the file names none.
fn firm_matches(firm: Option<&str>, truth: Option<&str>) -> bool {
    match (firm, truth) {
        (None, None) => true,
        (Some(f), Some(t)) => t.split('|').any(|t| same_firm(f, t)),
        _ => false,
    }
}

/// Site menus, share bars and page furniture seen on real pages (the measure's own list;
/// the parser never looks for these strings).
const CHROME_PHRASES: &[&str] = &[
    "latest stock picks",
    "investing basics",
    "personal finance",
    "about us",
    "related articles",
    "sign in",
    "log in",
    "subscribe",
    "share this",
    "recommended for you",
    "read more",
    "advertisement",
    "cookie",
];

/// Paragraphs of the turns that hold page furniture or site chrome: a page number (`Page 3
/// of 20`, a number alone), a copyright line, a letter-spaced word (`T R A N S C R I P T`), a
/// menu or share-bar phrase, or the title line of the document running through the speech.
pub fn chrome_in_turns(t: &Transcript) -> usize {
    let title = t.title.as_deref().unwrap_or_default().to_lowercase();
    t.turns
        .iter()
        .flat_map(|turn| &turn.blocks)
        .flat_map(|b| match b {
            super::Block::Para { en, zh } => vec![en.as_deref(), zh.as_deref()],
            super::Block::Note { note } => vec![Some(note.as_str())],
        })
        .flatten()
        .filter(|p| {
            let lower = p.to_lowercase();
            let words: Vec<&str> = p.split_whitespace().collect();
            let numbers = |w: &&str| w.chars().all(|c| c.is_ascii_digit());
            let page_of = words.windows(4).any(|w| {
                w[0].eq_ignore_ascii_case("page")
                    && numbers(&w[1])
                    && w[2] == "of"
                    && numbers(&w[3])
            }) || (words.len() == 1 && numbers(&words[0]));
            let spaced = words.windows(5).any(|w| {
                w.iter()
                    .all(|x| x.chars().count() == 1 && x.chars().all(char::is_alphabetic))
            });
            let copyright = lower.contains("copyright ©") || lower.contains("© copyright");
            let menu = CHROME_PHRASES
                .iter()
                .any(|m| lower == *m || (lower.len() < 60 && lower.starts_with(m)));
            let running_title =
                title.len() >= 20 && lower.contains(&title) && lower.len() > title.len();
            page_of || spaced || copyright || menu || running_title
        })
        .count()
}

/// Scores `parsed` (a transcript, or None when the parser refused the file) against `truth`.
pub fn score(truth: &Truth, parsed: Option<&Transcript>) -> FileScore {
    let mut s = FileScore {
        expected: truth.analysts.len(),
        ..FileScore::default()
    };
    let Some(t) = parsed else {
        s.refused = truth.is_transcript;
        return s;
    };
    if !truth.is_transcript {
        s.non_call_read = true;
        return s;
    }
    let found: Vec<(&str, Option<&str>, Option<&str>)> = t
        .questions
        .iter()
        .map(|q| {
            let sp = &t.speakers[q.analyst];
            let firm = q.firm.as_deref().or(sp.firm.as_deref());
            (sp.name.as_str(), sp.name_alt.as_deref(), firm)
        })
        .collect();
    s.questions = found.len();
    // The longest common subsequence by name; among equally long ones, the most right firms.
    let (n, m) = (found.len(), truth.analysts.len());
    let mut best = vec![vec![(0usize, 0usize); m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let mut here = best[i + 1][j].max(best[i][j + 1]);
            let (name, alt, firm) = found[i];
            let (tn, tf) = &truth.analysts[j];
            if name_matches(name, alt, tn) {
                let (k, f) = best[i + 1][j + 1];
                here = here.max((k + 1, f + usize::from(firm_matches(firm, tf.as_deref()))));
            }
            best[i][j] = here;
        }
    }
    (s.in_order, s.firm_right) = best[0][0];
    s.chrome = chrome_in_turns(t);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_match_across_spellings() {
        assert!(same_person("Doug Anmuth", "Douglas Till Anmuth"));
        assert!(same_person("Katy Huberty", "Kathryn Lynn Huberty"));
        assert!(same_person("CJ Muse", "C.J. Muse"));
        assert!(same_person("Gavin", "Gavin Baker"));
        assert!(same_person("高盛", "高盛"));
        assert!(!same_person("Keith Weiss", "Keith Bachman"));
        assert!(!same_person("Mark Murphy", "Brent Murphy"));
        assert!(!same_person("", "Brent Thill"));
    }

    #[test]
    fn firms_match_without_spaces_and_suffixes() {
        assert!(same_firm("JPMorgan", "J.P. Morgan Securities LLC"));
        assert!(same_firm("Morgan Stanley & Co. LLC", "Morgan Stanley"));
        assert!(same_firm(
            "Crédit Suisse AG, Research Division",
            "Credit Suisse"
        ));
        assert!(!same_firm("UBS", "Barclays"));
        assert!(!same_firm("", "UBS"));
    }

    #[test]
    fn chrome_inside_turns_is_counted() {
        let text = "Acme Q1 2026 Earnings Review Call\n\nOperator\nWelcome.\n\nJane Roe\n\
            Revenue grew. Page 3 of 20 Margins held.\n\nT R A N S C R I P T\n\nLatest Stock Picks\n\n\
            And Acme Q1 2026 Earnings Review Call costs fell.\n\n17\n\nWe own page 3 of it, by the way.\n";
        let t = crate::transcript::parse(text);
        assert_eq!(
            t.title.as_deref(),
            Some("Acme Q1 2026 Earnings Review Call")
        );
        assert_eq!(chrome_in_turns(&t), 5, "{t:#?}");
    }

    #[test]
    fn order_firms_refusals_and_non_calls_are_counted() {
        let text = "Operator\nOur first question comes from Ann Lee with Northwind Capital.\n\n\
            Ann Lee\nThanks. How was demand?\n\n\
            Operator\nOur next question comes from Bo Chen with Harbor Research.\n\n\
            Bo Chen\nOne on margins.\n";
        let t = crate::transcript::parse(text);
        let truth = Truth {
            is_transcript: true,
            operator: Some(true),
            analysts: vec![
                ("Ann Lee".into(), Some("Northwind".into())),
                ("Cy Park".into(), None),
                ("Bo Chen".into(), Some("Harbor Research|Harbor".into())),
            ],
        };
        let s = score(&truth, Some(&t));
        assert_eq!((s.expected, s.questions, s.in_order), (3, 2, 2), "{t:#?}");
        assert_eq!((s.firm_right, s.spurious()), (2, 0));
        assert_eq!(s.chrome, 0);
        assert!(score(&truth, None).refused);
        let news = Truth {
            is_transcript: false,
            operator: None,
            analysts: vec![],
        };
        assert!(score(&news, Some(&t)).non_call_read);
        assert!(!score(&news, None).refused);
    }
}
