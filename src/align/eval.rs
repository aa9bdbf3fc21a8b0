//! Measuring alignment: split a bilingual transcript into an English file and a Chinese file in
//! different layouts, drop and merge some Chinese paragraphs, keep the true links, align the
//! two files again and score the paragraph links (precision, recall, F1).

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use super::align;
use crate::transcript::text::{Script, script};
use crate::transcript::{Block, SpeakerKind, Transcript, parse};

/// A generated test case: two files and the true links between their paragraphs.
#[derive(Debug, Clone)]
pub struct Case {
    pub en_text: String,
    pub zh_text: String,
    /// (English paragraph text, Chinese paragraph text as written in the Chinese file).
    pub truth: HashSet<(String, String)>,
}

/// Precision, recall and F1 of paragraph links.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Score {
    pub correct: usize,
    pub predicted: usize,
    pub truth: usize,
}

impl Score {
    pub fn precision(&self) -> f64 {
        self.correct as f64 / self.predicted.max(1) as f64
    }
    pub fn recall(&self) -> f64 {
        self.correct as f64 / self.truth.max(1) as f64
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    /// Adds another case's counts.
    pub fn add(&mut self, o: Score) {
        self.correct += o.correct;
        self.predicted += o.predicted;
        self.truth += o.truth;
    }
}

/// A small deterministic generator for the perturbations.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// The speaker line of the English file (`Name -- Role`, `Name -- Firm -- Analyst`).
fn en_header(t: &Transcript, speaker: usize) -> String {
    let sp = &t.speakers[speaker];
    match (sp.kind, &sp.role, &sp.firm) {
        (SpeakerKind::Operator, _, _) => "Operator".into(),
        (SpeakerKind::Analyst, _, Some(firm)) => format!("{} -- {firm} -- Analyst", sp.name),
        (_, Some(role), _) => format!("{} -- {role}", sp.name),
        _ => sp.name.clone(),
    }
}

/// The speaker prefix of the Chinese file (`姓名(职务):`).
fn zh_header(t: &Transcript, speaker: usize) -> String {
    let sp = &t.speakers[speaker];
    let name = [sp.name_alt.as_deref(), Some(sp.name.as_str())]
        .into_iter()
        .flatten()
        .find(|n| script(n) == Script::Zh)
        .unwrap_or(&sp.name);
    match sp.kind {
        SpeakerKind::Operator => "会议主持人:".into(),
        SpeakerKind::Analyst => format!("{name}({}分析师):", sp.firm.as_deref().unwrap_or("")),
        _ => format!("{name}({}):", sp.role.as_deref().unwrap_or("首席执行官")),
    }
}

/// Splits a bilingual transcript into an English and a perturbed Chinese file.
pub fn split(t: &Transcript, seed: u64) -> Case {
    let mut rng = Lcg(seed);
    let mut case = Case {
        en_text: format!("{}\n\n", t.title.as_deref().unwrap_or("Earnings Call")),
        zh_text: String::new(),
        truth: HashSet::new(),
    };
    let dropped_turn = 2 + rng.below(t.turns.len().max(3) as u64 - 2) as usize;
    for (ti, turn) in t.turns.iter().enumerate() {
        let pairs: Vec<(&str, &str)> = turn.blocks.iter().filter_map(Block::both).collect();
        if pairs.is_empty() {
            continue;
        }
        let _ = writeln!(case.en_text, "{}\n", en_header(t, turn.speaker));
        for (e, _) in &pairs {
            let _ = writeln!(case.en_text, "{e}\n");
        }
        if ti == dropped_turn {
            continue;
        }
        let mut zh_paras: Vec<(String, Vec<&str>)> = Vec::new();
        for (k, (e, z)) in pairs.iter().enumerate() {
            let roll = rng.below(10);
            if roll == 0 && pairs.len() > 1 {
                continue;
            }
            match zh_paras.last_mut() {
                Some((text, ens)) if roll == 1 && k > 0 => {
                    text.push_str(z);
                    ens.push(e);
                }
                _ => zh_paras.push((z.to_string(), vec![e])),
            }
        }
        let _ = write!(case.zh_text, "{}", zh_header(t, turn.speaker));
        for (z, ens) in zh_paras {
            let _ = writeln!(case.zh_text, "{z}");
            case.truth
                .extend(ens.iter().map(|e| (e.to_string(), z.clone())));
        }
    }
    case
}

/// Aligns a case's two files and scores the links against the truth.
pub fn score(case: &Case) -> Score {
    let (en, zh) = (parse(&case.en_text), parse(&case.zh_text));
    let paras = |t: &Transcript, lang_en: bool| -> HashMap<(usize, usize), String> {
        let mut m = HashMap::new();
        for (ti, turn) in t.turns.iter().enumerate() {
            let texts = turn.blocks.iter().filter_map(|b| match b {
                Block::Para { en, zh } => {
                    if lang_en {
                        en.clone()
                    } else {
                        zh.clone()
                    }
                }
                _ => None,
            });
            for (k, text) in texts.enumerate() {
                m.insert((ti, k), text);
            }
        }
        m
    };
    let (en_paras, zh_paras) = (paras(&en, true), paras(&zh, false));
    let mut predicted: HashSet<(String, String)> = HashSet::new();
    if let Ok(a) = align(en, zh) {
        for l in &a.links {
            for e in &l.en {
                for z in &l.zh {
                    predicted.insert((en_paras[e].clone(), zh_paras[z].clone()));
                }
            }
        }
    }
    Score {
        correct: predicted.intersection(&case.truth).count(),
        predicted: predicted.len(),
        truth: case.truth.len(),
    }
}
