//! The speaker registry: one entry per person across name variants, with role, firm and kind.

use std::collections::HashMap;

use super::model::{Speaker, SpeakerKind};
use super::names::{
    NameForms, NameIndex, is_operator_word, role_is_analyst, role_is_executive, role_like,
    split_firm_from_role,
};
use super::participants::{Group, Participant, firm_like, role_and_firm};
use super::text::{Script, script};

/// Collects speakers as headers name them, merging variants of one name.
#[derive(Debug, Default)]
pub struct Registry {
    pub speakers: Vec<Speaker>,
    /// Spellings (name and alt) already resolved, so each is compared with the others once.
    seen: HashMap<(String, Option<String>), usize>,
    /// The speakers' names as compared, indexed.
    index: NameIndex,
}

impl Registry {
    /// Starts from the participant lists (the fullest source of roles and firms).
    pub fn from_participants(list: &[Participant]) -> Self {
        let mut r = Registry::default();
        for p in list {
            let i = r.find_or_add(&p.name, None);
            let sp = &mut r.speakers[i];
            sp.role = sp.role.take().or_else(|| p.role.clone());
            sp.firm = sp.firm.take().or_else(|| p.firm.clone());
            sp.kind = match p.group {
                Group::Company => SpeakerKind::Executive,
                Group::Analysts => SpeakerKind::Analyst,
                Group::Unknown => kind_from_role(p.role.as_deref()),
            };
        }
        r
    }

    /// The index of the speaker a header names, adding one when new.
    pub fn find_or_add(&mut self, name: &str, alt: Option<&str>) -> usize {
        let key = (name.to_string(), alt.map(str::to_string));
        if let Some(&i) = self.seen.get(&key) {
            return i;
        }
        let i = self.resolve(name, alt);
        self.seen.insert(key, i);
        i
    }

    /// Finds the first known speaker a spelling is the same person as (either script's
    /// spelling against either of the speaker's names), or adds one.
    fn resolve(&mut self, name: &str, alt: Option<&str>) -> usize {
        let (latin, han) = match script(name) {
            Script::Zh => (alt.filter(|a| script(a) != Script::Zh), Some(name)),
            _ => (Some(name), alt),
        };
        let first =
            |n: Option<&str>| n.and_then(|n| self.index.first(&NameForms::new(n), false, |_| true));
        let found = match (first(latin), first(han)) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        let i = found.unwrap_or_else(|| {
            self.speakers.push(Speaker {
                name: latin.or(han).unwrap_or(name).to_string(),
                kind: if is_operator_word(name) || alt.is_some_and(is_operator_word) {
                    SpeakerKind::Operator
                } else {
                    SpeakerKind::Other
                },
                ..Speaker::default()
            });
            self.speakers.len() - 1
        });
        self.merge_names(i, latin, han);
        i
    }

    /// Keeps the fullest Latin spelling as the name and the Han one as the alternative.
    fn merge_names(&mut self, i: usize, latin: Option<&str>, han: Option<&str>) {
        let sp = &mut self.speakers[i];
        // A new speaker, or a name or alternative changed: the index learns its names.
        let mut changed = !self.index.knows(i);
        if let Some(l) = latin {
            if script(&sp.name) == Script::Zh {
                let old = std::mem::replace(&mut sp.name, l.to_string());
                sp.name_alt.get_or_insert(old);
                changed = true;
            } else if l.len() > sp.name.len() {
                sp.name = l.to_string();
                changed = true;
            }
        }
        if let Some(h) = han.filter(|h| *h != sp.name)
            && sp.name_alt.is_none()
        {
            sp.name_alt = Some(h.to_string());
            changed = true;
        }
        if changed {
            self.index
                .set(i, &[Some(sp.name.as_str()), sp.name_alt.as_deref()]);
        }
    }

    /// Records what a header says after the name (role, firm).
    pub fn note_title(&mut self, i: usize, title: &[String]) {
        if title.is_empty() {
            return;
        }
        let sp = &mut self.speakers[i];
        // A group heading (`(Executives)`, `(Analysts)`) says the kind, not a role or firm.
        if let [only] = title
            && [
                "executives",
                "analysts",
                "operator",
                "management",
                "管理层",
                "管理層",
            ]
            .contains(&only.trim().to_lowercase().as_str())
        {
            if sp.kind == SpeakerKind::Other {
                sp.kind = kind_from_role(Some(only));
            }
            return;
        }
        let (role, firm) = match split_firm_from_role(&title[0]) {
            (Some(firm), role) if title.len() == 1 => (Some(role), Some(firm)),
            _ => match title {
                [one] => split_role_comma_firm(one)
                    .map(|(r, f)| (Some(r), Some(f)))
                    .unwrap_or_else(|| role_and_firm(title, Group::Unknown)),
                _ => role_and_firm(title, Group::Unknown),
            },
        };
        if sp.role.is_none() {
            sp.role = role;
        }
        if sp.firm.is_none() {
            sp.firm = firm;
        }
        if sp.kind == SpeakerKind::Other {
            sp.kind = kind_from_role(sp.role.as_deref());
        }
    }
}

/// Splits `Analyst, Morgan Stanley & Co. LLC` / `CFO & EVP, Acme Corp.` into the role and
/// the firm: the firm is the last comma part (with its legal form: `Firm, Inc.`), when it
/// reads as a firm and the parts before it as a role, or when the role is the analyst's.
pub fn split_role_comma_firm(title: &str) -> Option<(String, String)> {
    const LEGAL: &[&str] = &[
        "inc", "inc.", "llc", "l.l.c.", "ltd", "ltd.", "limited", "corp", "corp.", "co", "co.",
        "plc", "lp", "l.p.", "llp", "ag", "sa", "s.a.", "n.a.", "nv", "n.v.", "se",
    ];
    let mut parts: Vec<String> = Vec::new();
    for p in title.split(", ") {
        let p = p.trim();
        match parts.last_mut() {
            Some(last)
                if p.split_whitespace()
                    .next()
                    .is_some_and(|w| LEGAL.contains(&w.to_lowercase().as_str())) =>
            {
                last.push_str(", ");
                last.push_str(p);
            }
            _ => parts.push(p.to_string()),
        }
    }
    let (firm, roles) = parts.split_last()?;
    if roles.is_empty() || firm.is_empty() || role_like(firm) {
        return None;
    }
    let role = roles.join(", ");
    let analyst = role_is_analyst(&role) && role.split_whitespace().count() <= 4;
    let capital = firm.starts_with(|c: char| c.is_uppercase());
    (capital && role_like(&role) && (analyst || firm_like(firm))).then(|| (role, firm.clone()))
}

/// The kind a role implies, if any.
fn kind_from_role(role: Option<&str>) -> SpeakerKind {
    match role {
        Some(r) if role_is_analyst(r) => SpeakerKind::Analyst,
        Some(r) if role_is_executive(r) => SpeakerKind::Executive,
        _ => SpeakerKind::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_variants_and_scripts() {
        let mut r = Registry::default();
        let a = r.find_or_add("Andrew R. Jassy", None);
        let b = r.find_or_add("Andy Jassy", Some("安迪·贾西"));
        let c = r.find_or_add("安迪・贾西", None);
        assert_eq!((a, b, c), (0, 0, 0));
        assert_eq!(r.speakers[0].name, "Andrew R. Jassy");
        assert_eq!(r.speakers[0].name_alt.as_deref(), Some("安迪·贾西"));
        let op = r.find_or_add("Operator", Some("运营商"));
        assert_eq!(r.speakers[op].kind, SpeakerKind::Operator);
    }

    #[test]
    fn a_role_and_a_firm_after_commas() {
        for (title, role, firm) in [
            ("Analyst, Harbor Bank", "Analyst", "Harbor Bank"),
            ("Analyst, Fenmore & Co. LLC", "Analyst", "Fenmore & Co. LLC"),
            (
                "Analyst, Kestrel Securities, Inc.",
                "Analyst",
                "Kestrel Securities, Inc.",
            ),
            (
                "Co-Founder, President & CEO, Halden Tools Corp.",
                "Co-Founder, President & CEO",
                "Halden Tools Corp.",
            ),
        ] {
            assert_eq!(
                split_role_comma_firm(title),
                Some((role.to_string(), firm.to_string())),
                "{title}"
            );
        }
        for title in [
            "Group Head, Personal Banking",
            "Senior Vice President, Investor Relations",
            "Northgate Securities, Research Division",
        ] {
            assert_eq!(split_role_comma_firm(title), None, "{title}");
        }
    }

    #[test]
    fn titles() {
        let mut r = Registry::default();
        let i = r.find_or_add("张伟", None);
        r.note_title(i, &["北辰证券分析师".to_string()]);
        assert_eq!(r.speakers[i].firm.as_deref(), Some("北辰证券"));
        assert_eq!(r.speakers[i].kind, SpeakerKind::Analyst);
        let j = r.find_or_add("Tom Brandt", None);
        r.note_title(
            j,
            &["Halvorsen Partners".to_string(), "Analyst".to_string()],
        );
        assert_eq!(r.speakers[j].firm.as_deref(), Some("Halvorsen Partners"));
        assert_eq!(r.speakers[j].role.as_deref(), Some("Analyst"));
    }
}
