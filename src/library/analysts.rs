//! Following analysts across calls: every analyst who asked in the library's calls, with
//! their firms and, per call, the questions they asked. One person across spellings
//! (`Doug Anmuth` / `Douglas Till Anmuth`, as one call's speakers merge) and scripts (a call
//! that gives `玛拉·奎因 (Mara Quinn)` joins the Chinese and the Latin name).

use std::collections::HashMap;

use super::meta::Meta;
use crate::transcript::names::same_person;
use crate::transcript::text::is_han;

/// One analyst across the calls.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analyst {
    /// The name most calls give (the Latin one when there is one).
    pub name: String,
    /// Every spelling met, in either script.
    pub names: Vec<String>,
    /// Firms, most often given first.
    pub firms: Vec<String>,
    /// Calls (indices into what [`gather`] was given) and the questions asked in each, in
    /// the calls' order.
    pub asked: Vec<(usize, Vec<u32>)>,
}

impl Analyst {
    /// Questions asked in all.
    pub fn questions(&self) -> usize {
        self.asked.iter().map(|a| a.1.len()).sum()
    }

    /// True when every word of `query` is in one of the analyst's names or firms (case and
    /// Chinese script aside), or a name is the same person's (`Doug Anmuth` finds `Douglas
    /// Till Anmuth`).
    pub fn matches(&self, query: &str) -> bool {
        let q = super::search::fold(query.trim());
        if q.is_empty() {
            return true;
        }
        if self.names.iter().any(|n| same_person(n, query.trim())) {
            return true;
        }
        let hay: Vec<String> = self
            .names
            .iter()
            .chain(&self.firms)
            .map(|s| super::search::fold(s))
            .collect();
        q.split_whitespace()
            .all(|w| hay.iter().any(|h| h.contains(w)))
    }
}

/// The analysts of `calls`, by name.
pub fn gather(calls: &[&Meta]) -> Vec<Analyst> {
    // Every asker of every call, then people joined across calls.
    struct Seen<'a> {
        call: usize,
        asker: &'a super::meta::Asker,
        latin: Option<&'a str>,
        han: Option<String>,
    }
    let mut seen: Vec<Seen> = Vec::new();
    for (c, m) in calls.iter().enumerate() {
        for a in &m.analysts {
            let names = [Some(a.name.as_str()), a.name_alt.as_deref()];
            let latin = names.into_iter().flatten().find(|n| !n.chars().any(is_han));
            let han = names
                .into_iter()
                .flatten()
                .find(|n| n.chars().any(is_han))
                .map(han_key);
            seen.push(Seen {
                call: c,
                asker: a,
                latin,
                han,
            });
        }
    }
    let mut parent: Vec<usize> = (0..seen.len()).collect();
    fn find(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    // Latin names meet by surname (then `same_person`), Chinese names when equal.
    let mut by_surname: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_han: HashMap<String, usize> = HashMap::new();
    for (i, s) in seen.iter().enumerate() {
        if let Some(l) = s.latin {
            let surname = l.split_whitespace().last().unwrap_or("").to_lowercase();
            let bucket = by_surname.entry(surname).or_default();
            for &j in bucket.iter() {
                if seen[j].latin.is_some_and(|o| same_person(o, l)) {
                    let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                    parent[a] = b;
                }
            }
            bucket.push(i);
        }
        if let Some(h) = &s.han {
            match by_han.get(h) {
                Some(&j) => {
                    let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                    parent[a] = b;
                }
                None => {
                    by_han.insert(h.clone(), i);
                }
            }
        }
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..seen.len() {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut out: Vec<Analyst> = groups
        .into_values()
        .map(|members| {
            let mut names: Vec<(String, usize)> = Vec::new();
            let mut firms: Vec<(String, usize)> = Vec::new();
            let mut asked: Vec<(usize, Vec<u32>)> = Vec::new();
            let count = |list: &mut Vec<(String, usize)>, v: &str| match list
                .iter_mut()
                .find(|(n, _)| n == v)
            {
                Some(e) => e.1 += 1,
                None => list.push((v.to_string(), 1)),
            };
            for &i in &members {
                let (call, a) = (seen[i].call, seen[i].asker);
                for n in [Some(&a.name), a.name_alt.as_ref()].into_iter().flatten() {
                    count(&mut names, n);
                }
                if let Some(f) = &a.firm {
                    count(&mut firms, f);
                }
                match asked.iter_mut().find(|(c, _)| *c == call) {
                    Some((_, q)) => q.extend_from_slice(&a.questions),
                    None => asked.push((call, a.questions.clone())),
                }
            }
            // Most used first; a Latin name before a Chinese one for the name shown.
            let by_use = |list: &mut Vec<(String, usize)>| {
                list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| b.0.len().cmp(&a.0.len())));
            };
            by_use(&mut names);
            by_use(&mut firms);
            let name = names
                .iter()
                .find(|(n, _)| !n.chars().any(is_han))
                .or(names.first())
                .map(|(n, _)| n.clone())
                .unwrap_or_default();
            for (_, q) in &mut asked {
                q.sort_unstable();
                q.dedup();
            }
            asked.sort_by_key(|a| a.0);
            Analyst {
                name,
                names: names.into_iter().map(|n| n.0).collect(),
                firms: dedup_firms(firms.into_iter().map(|f| f.0).collect()),
                asked,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        a.name
            .to_lowercase()
            .cmp(&b.name.to_lowercase())
            .then_with(|| a.asked.cmp(&b.asked))
    });
    out
}

/// A Chinese name for matching: Simplified characters, without the separators between
/// given name and surname.
fn han_key(name: &str) -> String {
    crate::script::fold_script(name)
        .chars()
        .filter(|c| !matches!(c, '·' | '・' | '‧' | '•' | ' ' | '.'))
        .collect()
}

/// Firms as given, without a repeat that differs only in case or legal suffix.
fn dedup_firms(firms: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for f in firms {
        let k = super::identity::key(&f);
        if !out.iter().any(|o| super::identity::key(o) == k) {
            out.push(f);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::meta::Asker;

    /// Name, name in the other script, firm, questions.
    type Asked<'a> = (&'a str, Option<&'a str>, Option<&'a str>, &'a [u32]);

    fn call(askers: &[Asked]) -> Meta {
        Meta {
            analysts: askers
                .iter()
                .map(|(n, alt, firm, q)| Asker {
                    name: n.to_string(),
                    name_alt: alt.map(Into::into),
                    firm: firm.map(Into::into),
                    questions: q.to_vec(),
                })
                .collect(),
            ..Meta::default()
        }
    }

    #[test]
    fn one_analyst_across_spellings_scripts_and_calls() {
        let q1 = call(&[
            ("Douglas Till Anmuth", None, Some("J.P. Morgan"), &[1, 4]),
            ("Mara Quinn", None, Some("Birchfield Securities"), &[2]),
        ]);
        let q2 = call(&[
            ("Doug Anmuth", None, Some("JPMorgan"), &[3]),
            (
                "瑪拉·奎因",
                Some("Mara Quinn"),
                Some("Birchfield Securities"),
                &[1],
            ),
        ]);
        let q3 = call(&[
            ("玛拉・奎因", None, None, &[2]),
            ("Dan Anmuth", None, None, &[1]),
        ]);
        let all = gather(&[&q1, &q2, &q3]);
        let names: Vec<&str> = all.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["Dan Anmuth", "Douglas Till Anmuth", "Mara Quinn"]);
        let doug = &all[1];
        assert_eq!(doug.asked, [(0, vec![1, 4]), (1, vec![3])]);
        assert_eq!(doug.questions(), 3);
        let mara = &all[2];
        assert_eq!(mara.asked, [(0, vec![2]), (1, vec![1]), (2, vec![2])]);
        assert_eq!(mara.firms, ["Birchfield Securities"]);
        assert!(
            mara.matches("玛拉"),
            "a Simplified query for a Traditional name"
        );
        assert!(mara.matches("quinn birchfield"));
        assert!(doug.matches("Doug Anmuth") && !doug.matches("Mara"));
    }
}
