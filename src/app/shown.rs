//! The call's text outside its paragraphs — speakers' names, roles and firms, the questions'
//! firms, the title, the material before and after the call — with its Chinese in the
//! script chosen with `t`. Converted once when the script or the call changes, not per frame.

use crate::config::settings::ChineseScript;
use crate::transcript::{Speaker, Transcript};

use super::state::App;

/// Converted copies of the call's labels, and what they were made for.
#[derive(Debug, Clone, Default)]
pub struct Shown {
    /// The call (content key and source) the copies were made for.
    key: String,
    source: String,
    /// For each script shown so far, the call without its turns, converted; None when the
    /// script is the original (the call's own text is shown) or nothing in it changes. Kept,
    /// so that cycling with `t` converts each script once.
    made: Vec<(ChineseScript, Option<Transcript>)>,
}

impl App {
    /// Converts the labels if the script or the call changed and this script was not shown
    /// before.
    pub fn refresh_shown(&mut self) {
        if self.shown.key != self.index.key || self.shown.source != self.source {
            self.shown = Shown {
                key: self.index.key.clone(),
                source: self.source.clone(),
                made: Vec::new(),
            };
        }
        let script = self.prefs.script;
        if !self.shown.made.iter().any(|(s, _)| *s == script) {
            let labels = convert(&self.doc, script);
            self.shown.made.push((script, labels));
        }
    }

    /// The call's text outside its turns as the reader shows it: speakers, questions, title,
    /// company, period, the material before and after. Its `turns` may be empty: take turns
    /// from `doc`.
    pub fn labels(&self) -> &Transcript {
        let s = &self.shown;
        let current = s.key == self.index.key && s.source == self.source;
        s.made
            .iter()
            .find(|(script, _)| current && *script == self.prefs.script)
            .and_then(|(_, l)| l.as_ref())
            .filter(|l| l.speakers.len() == self.doc.speakers.len())
            .unwrap_or(&self.doc)
    }

    /// Speaker `i` as shown.
    pub fn speaker_shown(&self, i: usize) -> Option<&Speaker> {
        self.labels().speakers.get(i)
    }
}

/// `t` without its turns, its Chinese in `script`; None when that changes nothing.
fn convert(t: &Transcript, script: ChineseScript) -> Option<Transcript> {
    if script == ChineseScript::Original {
        return None;
    }
    let changed = std::cell::Cell::new(false);
    let conv = |s: &String| -> String {
        let out = crate::script::to_script(s, script);
        if out != s.as_str() {
            changed.set(true);
        }
        out.into_owned()
    };
    let opt = |s: &Option<String>| s.as_ref().map(conv);
    let name = |s: &String| -> String {
        let out = crate::script::name_to_script(s, script);
        if out != s.as_str() {
            changed.set(true);
        }
        out.into_owned()
    };
    let speakers = t
        .speakers
        .iter()
        .map(|sp| Speaker {
            name: name(&sp.name),
            name_alt: sp.name_alt.as_ref().map(name),
            role: opt(&sp.role),
            firm: opt(&sp.firm),
            kind: sp.kind,
        })
        .collect();
    let questions = t
        .questions
        .iter()
        .map(|q| crate::transcript::Question {
            firm: opt(&q.firm),
            ..q.clone()
        })
        .collect();
    let labels = Transcript {
        title: opt(&t.title),
        company: opt(&t.company),
        period: opt(&t.period),
        speakers,
        questions,
        front_matter: t.front_matter.iter().map(conv).collect(),
        back_matter: t.back_matter.iter().map(conv).collect(),
        date: t.date.clone(),
        languages: t.languages.clone(),
        encoding: t.encoding.clone(),
        turns: Vec::new(),
        unlabelled: t.unlabelled,
    };
    changed.get().then_some(labels)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_is_copied_for_the_original_script_or_latin_text() {
        let t = Transcript {
            speakers: vec![Speaker {
                name: "Andy Jassy".into(),
                ..Default::default()
            }],
            ..Default::default()
        };
        assert!(convert(&t, ChineseScript::Original).is_none());
        assert!(convert(&t, ChineseScript::Traditional).is_none());
    }

    #[test]
    fn names_roles_firms_title_and_material_are_converted() {
        let t = Transcript {
            title: Some("亞馬遜電話會議".into()),
            speakers: vec![Speaker {
                name: "Operator".into(),
                name_alt: Some("運營商".into()),
                role: Some("財務長".into()),
                firm: Some("摩根大通".into()),
                ..Default::default()
            }],
            questions: vec![crate::transcript::Question {
                number: 1,
                analyst: 0,
                firm: Some("摩根士丹利".into()),
                turns: vec![0],
            }],
            front_matter: vec!["K佬前言:這次的電話會議".into()],
            back_matter: vec!["留言".into()],
            ..Default::default()
        };
        let l = convert(&t, ChineseScript::Simplified).expect("something changes");
        assert_eq!(l.title.as_deref(), Some("亚马逊电话会议"));
        assert_eq!(l.speakers[0].name, "Operator");
        assert_eq!(l.speakers[0].name_alt.as_deref(), Some("运营商"));
        assert_eq!(l.speakers[0].role.as_deref(), Some("财务长"));
        assert_eq!(l.questions[0].firm.as_deref(), Some("摩根士丹利"));
        assert_eq!(l.front_matter[0], "K佬前言:这次的电话会议");
        assert!(l.turns.is_empty());
    }
}
