//! Participant lists ("Company Participants", "Conference Call Participants", …).

use std::ops::Range;

use super::lines::Line;
use super::names::{is_operator_word, name_like, role_like};
use super::text::strip_colon;

/// Which side of the call a participant list names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Company,
    Analysts,
    Unknown,
}

/// One entry of a participant list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    pub name: String,
    pub role: Option<String>,
    pub firm: Option<String>,
    pub group: Group,
}

/// A participant list: where it stands and what it names.
#[derive(Debug, Clone)]
pub struct List {
    pub lines: Range<usize>,
    pub entries: Vec<Participant>,
}

/// The group a heading line opens, if it is a participant-list heading.
pub fn heading_group(text: &str) -> Option<Group> {
    // Decoration around a heading (`━━ Call participants: ━━`, `**…**`, `== … ==`) is none
    // of it.
    let t = strip_colon(
        text.trim_matches(|c: char| c.is_whitespace() || "*#-=━─═—–_~•·>|".contains(c)),
    );
    if t.len() > 160 || t.chars().count() > 40 {
        return None;
    }
    let t = t.to_lowercase();
    let company = [
        "company",
        "corporate",
        "executive",
        "management",
        "公司",
        "管理层",
        "管理層",
    ];
    let analysts = [
        "conference call",
        "analyst",
        "电话会议",
        "電話會議",
        "分析师",
        "分析師",
    ];
    let is_list = t.ends_with("participants")
        || t.ends_with("participant")
        || [
            "参与者",
            "參與者",
            "与会者",
            "與會者",
            "参会人员",
            "出席人员",
            "出席人員",
        ]
        .iter()
        .any(|w| t.ends_with(w));
    // A roster's own headings: `Executives`, `Analysts`, `Host`, `Speakers` (a list only
    // when names follow: see `find`).
    match t.as_str() {
        "executives" | "speakers" | "presenters" | "host" | "hosts" | "management" => {
            return Some(Group::Company);
        }
        "analysts" => return Some(Group::Analysts),
        _ => {}
    }
    if !is_list {
        return None;
    }
    if company.iter().any(|w| t.starts_with(w)) {
        Some(Group::Company)
    } else if analysts.iter().any(|w| t.starts_with(w)) {
        Some(Group::Analysts)
    } else {
        Some(Group::Unknown)
    }
}

/// True for a heading that says "participants" outright (a list even when empty or
/// unreadable).
fn heading_says_list(text: &str) -> bool {
    let t = strip_colon(text.trim_matches(['*', '#', ' ', '-', '='])).to_lowercase();
    t.ends_with("participants") || t.ends_with("participant") || !t.is_ascii()
}

/// Splits `Name - A - B`, `Name -- A`, `Name – A` into trimmed parts.
pub fn split_dashes(text: &str) -> Vec<String> {
    if !text.contains(['-', '—', '–', '|']) {
        // No separator: the text is the one part (most lines).
        let t = text.trim();
        return if t.is_empty() {
            Vec::new()
        } else {
            vec![t.to_string()]
        };
    }
    let mut parts = vec![text.to_string()];
    for sep in [" -- ", "--", " — ", " – ", " - ", " | ", "——", "—"] {
        parts = parts
            .iter()
            .flat_map(|p| p.split(sep).map(str::to_string).collect::<Vec<_>>())
            .collect();
    }
    parts
        .into_iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// Reads the parts after a name as (role, firm): `Firm - Title`, `Title`, or `Firm`.
pub fn role_and_firm(parts: &[String], group: Group) -> (Option<String>, Option<String>) {
    match parts {
        [] => (None, None),
        [one] if let Some((role, firm)) = role_at_firm(one) => {
            (Some(role.to_string()), Some(firm.to_string()))
        }
        [one] if role_like(one) => (Some(one.clone()), None),
        [one] if group == Group::Company && !corporate(one) => (Some(one.clone()), None),
        [one] => (None, Some(one.clone())),
        [firm, rest @ ..] if !role_like(firm) || rest.iter().any(|r| role_like(r)) => {
            (Some(rest.join(" - ")), Some(firm.clone()))
        }
        _ => (Some(parts.join(" - ")), None),
    }
}

/// `Analyst at Acme Securities`, `Chief Financial Officer at Acme Corp`: the role and the
/// firm, split at the last ` at ` whose left is a role and whose right is capitalised.
fn role_at_firm(text: &str) -> Option<(&str, &str)> {
    let (role, firm) = text.rsplit_once(" at ")?;
    let (role, firm) = (role.trim(), firm.trim());
    (role_like(role) && firm.chars().next().is_some_and(char::is_uppercase)).then_some((role, firm))
}

/// The last word of `text`, lower case, without a full stop (`Acme Co., Inc.` gives `inc`).
pub(super) fn last_word(text: &str) -> String {
    text.rsplit([' ', ','])
        .find(|w| !w.is_empty())
        .unwrap_or_default()
        .trim_end_matches('.')
        .to_lowercase()
}

/// True for a company's name by its legal form (`Apple, Inc.`, `Acme Holdings PLC`).
fn corporate(text: &str) -> bool {
    super::names::LEGAL_FORMS.contains(&last_word(text).as_str())
}

/// True for a firm's name by its shape: a legal form at its end (`Co`, `LLC`), or the words
/// firms of analysts are named with (`… Securities`, `… Capital`, `…, Research Division`).
pub fn firm_like(text: &str) -> bool {
    const FIRM_WORDS: &[&str] = &[
        "research",
        "securities",
        "capital",
        "partners",
        "bank",
        "advisors",
        "advisers",
        "investments",
        "markets",
        "equities",
        "associates",
        "asset",
    ];
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric() && c != '&')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let capitalised = text.chars().next().is_some_and(char::is_uppercase);
    capitalised
        && words.len() <= 12
        && (corporate(text) || words.iter().any(|w| FIRM_WORDS.contains(&w.as_str())))
}

/// Strips list bullets (`*`, `•`, `-`) from the start of a line.
fn strip_bullet(text: &str) -> String {
    // Bold around the name (`**Jane Roe** -- CFO`, as saved pages write it) is no part of it.
    text.trim_start_matches(['*', '•', '-', '·', ' '])
        .replace("**", "")
}

/// Finds every participant list in the document.
pub fn find(lines: &[Line<'_>]) -> Vec<List> {
    let mut lists = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(group) = heading_group(lines[i].text) else {
            i += 1;
            continue;
        };
        let (entries, end) = read_entries(lines, i + 1, group);
        // A heading with no names under it is no list (`Host` may label a speaker).
        if entries.is_empty() && !heading_says_list(lines[i].text) {
            i += 1;
            continue;
        }
        lists.push(List {
            lines: i..end,
            entries,
        });
        i = end.max(i + 1);
    }
    lists
}

/// Reads entries after a heading until a line that is not one; returns them and the end line.
fn read_entries(lines: &[Line<'_>], start: usize, group: Group) -> (Vec<Participant>, usize) {
    let mut entries = Vec::new();
    let mut j = start;
    // The blank lines between entries: more than that after an entry ends the list.
    let mut spacing = None;
    while j < lines.len() && heading_group(lines[j].text).is_none() {
        // The entry again (a translation's copy, `Name——投资者关系`, or the same line
        // repeated): part of the entry before it.
        let again = entries.last().is_some_and(|e: &Participant| {
            lines[j].text == lines[j - 1].text
                || split_dashes(lines[j].text)
                    .first()
                    .is_some_and(|n| *n == e.name)
        });
        if again {
            j += 1;
            continue;
        }
        if j > start {
            match spacing {
                None => spacing = Some(lines[j].gap),
                Some(gap) if lines[j].gap > gap => break,
                Some(_) => {}
            }
        }
        let mut parts = split_dashes(&strip_bullet(lines[j].text));
        // A roster written `Role — Name`: the name last (an entry that ends with the name).
        let role_first = matches!(parts.as_slice(), [role, name]
            if role_like(role) && name_like(name) && !role_like(name));
        if role_first {
            parts.swap(0, 1);
        }
        let Some((name, rest)) = parts.split_first() else {
            break;
        };
        let (name, mut rest) = split_name_comma(name, rest);
        if !name_like(&name) || is_operator_word(&name) || lines[j].text.chars().count() > 120 {
            break;
        }
        let mut used = 1;
        if rest.is_empty()
            && let Some(next) = lines.get(j + 1)
        {
            let next_parts = split_dashes(&strip_bullet(next.text));
            let first = next_parts.first();
            let named = first.is_some_and(|p| name_like(p));
            // `Firm - Title` or `Firm, Research Division` under the name: its affiliation.
            let affiliation = first.is_some_and(|p| firm_like(p) || role_like(p));
            if (!named && next.text.contains(" - ") || affiliation) && !next_parts.is_empty() {
                rest = next_parts;
                used = 2;
            }
        }
        // An affiliation too long for its line goes on on the next (`Co-CEO, Chief Content
        // Officer &` / `Director`, `Firm, Research` / `Division - Analyst`).
        while !rest.is_empty()
            && !role_first
            && let Some(next) = lines.get(j + used)
            && wraps_on(rest.last().map_or("", String::as_str), next)
        {
            let mut more = split_dashes(next.text).into_iter();
            if let (Some(last), Some(first)) = (rest.last_mut(), more.next()) {
                last.push(' ');
                last.push_str(&first);
            }
            rest.extend(more);
            used += 1;
        }
        let (role, firm) = role_and_firm(&rest, group);
        entries.push(Participant {
            name,
            role,
            firm,
            group,
        });
        j += used;
    }
    (entries, j)
}

/// True when `next` carries on an entry's affiliation that ended with `prev`: on the very
/// next line, short, no heading or sentence of its own, and either `prev` breaks off (`…,`,
/// `… &`, `… of`) or `next` does not start with a name as the next entry would (`& Co-CEO`,
/// `Division`, `Officer & Treasurer`, `Division - Analyst`).
fn wraps_on(prev: &str, next: &Line<'_>) -> bool {
    let t = next.text.trim();
    // A name in any of its parts starts the next entry (`Chief Financial Officer — Zane Rowe`,
    // `Jane Roe, Group Finance Director`).
    let named = split_dashes(t)
        .iter()
        .any(|p| name_like(p) || p.split_once(", ").is_some_and(|(n, _)| name_like(n)));
    let prev = prev.trim_end();
    let breaks_off = prev.ends_with([',', '&', '/', '-', '–'])
        || [" and", " of", " for", " to"].iter().any(|w| {
            prev.len() > w.len()
                && prev
                    .get(prev.len() - w.len()..)
                    .is_some_and(|tail| tail.eq_ignore_ascii_case(w))
        });
    // A line in capitals (`TAKEAWAYS`) heads what follows the list.
    let capitals =
        t.chars().filter(|c| c.is_alphabetic()).count() >= 4 && !t.chars().any(char::is_lowercase);
    // A bullet starts an entry of its own.
    let bulleted = strip_bullet(t).len() != t.len();
    next.gap == 0
        && !bulleted
        // A rule (`#####`, `━━━`) carries nothing on.
        && t.chars().any(char::is_alphanumeric)
        && t.chars().count() <= 60
        && !t.ends_with(['.', ':', '：'])
        && !t.contains(['?', '!', '@', '。', '？', '！'])
        && (!capitals || breaks_off)
        && !is_operator_word(t)
        && heading_group(t).is_none()
        && super::section_heading(t).is_none()
        && (breaks_off || !named)
}

/// Splits `Jane Example, Example Corp` into the name and the parts after the comma.
pub fn split_name_comma(name: &str, rest: &[String]) -> (String, Vec<String>) {
    match name.split_once(", ") {
        Some((n, firm)) if name_like(n) => {
            let mut parts = vec![firm.trim().to_string()];
            parts.extend(rest.iter().cloned());
            (n.trim().to_string(), parts)
        }
        _ => (name.trim().to_string(), rest.to_vec()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcript::lines::split;

    #[test]
    fn a_title_written_role_at_firm_gives_both() {
        let read = |t: &str| role_and_firm(&[t.to_string()], Group::Unknown);
        assert_eq!(
            read("Analyst at Tamsin Research Partners"),
            (
                Some("Analyst".into()),
                Some("Tamsin Research Partners".into())
            )
        );
        assert_eq!(
            read("Vice President of Sales at Acme Corp"),
            (
                Some("Vice President of Sales".into()),
                Some("Acme Corp".into())
            )
        );
        // No role before `at`, or no name after it: one role, as before.
        assert_eq!(
            read("Head of Research at large"),
            (Some("Head of Research at large".into()), None)
        );
        assert_eq!(
            read("Meeting at Noon Partners"),
            (None, Some("Meeting at Noon Partners".into()))
        );
    }

    #[test]
    fn a_roster_may_give_the_role_first() {
        let text = "Call participants\nChief Executive Officer — Dana Field\nAnalyst — Kendall Toscano\n\nOperator: Hello.";
        let lists = find(&split(text));
        let got: Vec<(String, Option<String>)> = lists[0]
            .entries
            .iter()
            .map(|e| (e.name.clone(), e.role.clone()))
            .collect();
        assert_eq!(
            got,
            [
                ("Dana Field".into(), Some("Chief Executive Officer".into())),
                ("Kendall Toscano".into(), Some("Analyst".into()))
            ]
        );
    }

    #[test]
    fn headings() {
        assert_eq!(heading_group("Company Participants"), Some(Group::Company));
        assert_eq!(
            heading_group("CORPORATE PARTICIPANTS"),
            Some(Group::Company)
        );
        assert_eq!(
            heading_group("Conference Call Participants"),
            Some(Group::Analysts)
        );
        assert_eq!(heading_group("Call participants:"), Some(Group::Unknown));
        assert_eq!(
            heading_group("  ━━ Call participants: ━━"),
            Some(Group::Unknown)
        );
        assert_eq!(heading_group("Operator"), None);
    }

    #[test]
    fn a_rule_under_the_list_is_no_part_of_the_last_entry() {
        for rule in ["#####################", "━━━━━━━━", "----------"] {
            let text = format!(
                "Conference Call Participants\nAnn Park - Harbor Securities\nTom Ode - CIBC\n{rule}\n"
            );
            let lines = crate::transcript::lines::split(&text);
            let lists = find(&lines);
            let firms: Vec<Option<&str>> =
                lists[0].entries.iter().map(|e| e.firm.as_deref()).collect();
            assert_eq!(firms, [Some("Harbor Securities"), Some("CIBC")], "{rule}");
        }
    }

    #[test]
    fn an_affiliation_wrapped_over_lines_stays_with_its_entry() {
        let text = "Call Participants\nEXECUTIVES\nDana Field\nVice President of Finance,\n\
            Strategy & Investor\nRelations\nOwen Pratt\nCo-Founder, Chairman\n& Co-CEO\n\
            ANALYSTS\nKendall Toscano\nKestrel Securities, Research\nDivision\n\
            Ada Brook - Halvorsen Partners - Managing Director and\nSenior Analyst\n\n\
            Presentation\nDana Field\nGood afternoon.\n";
        let lines = split(text);
        let got: Vec<(String, Option<String>, Option<String>)> = find(&lines)
            .iter()
            .flat_map(|l| &l.entries)
            .map(|e| (e.name.clone(), e.role.clone(), e.firm.clone()))
            .collect();
        let s = |x: &str| Some(x.to_string());
        assert_eq!(
            got,
            [
                (
                    "Dana Field".into(),
                    s("Vice President of Finance, Strategy & Investor Relations"),
                    None
                ),
                (
                    "Owen Pratt".into(),
                    s("Co-Founder, Chairman & Co-CEO"),
                    None
                ),
                (
                    "Kendall Toscano".into(),
                    None,
                    s("Kestrel Securities, Research Division")
                ),
                (
                    "Ada Brook".into(),
                    s("Managing Director and Senior Analyst"),
                    s("Halvorsen Partners")
                ),
            ]
        );
        // The list ends at the blank line: the presentation is the call's.
        assert_eq!(find(&lines).last().unwrap().lines.end, 15);
    }

    #[test]
    fn a_dash_only_line_after_a_name_is_not_an_entry() {
        let lines = split("Company Participants\nJane Roe\n - \n");
        assert_eq!(find(&lines)[0].entries.len(), 1);
    }

    #[test]
    fn lists() {
        let text = "Title\nCompany Participants\nJane Roe - Chief Executive Officer\n\
            Conference Call Participants\nTom Brandt - Halvorsen Partners\n* Lisa Wong\nNorthgate - Analyst\nOperator\n";
        let lines = split(text);
        let lists = find(&lines);
        assert_eq!(lists.len(), 2);
        assert_eq!(
            lists[0].entries[0].role.as_deref(),
            Some("Chief Executive Officer")
        );
        assert_eq!(
            lists[1].entries[0].firm.as_deref(),
            Some("Halvorsen Partners")
        );
        assert_eq!(lists[1].entries[1].name, "Lisa Wong");
        assert_eq!(lists[1].entries[1].firm.as_deref(), Some("Northgate"));
        assert_eq!(lists[1].entries[1].role.as_deref(), Some("Analyst"));
        assert_eq!(lists[1].lines.end, 7);
    }
}
