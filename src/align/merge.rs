//! Building one bilingual transcript from two aligned ones.

use std::collections::HashMap;

use super::Link;
use super::dp::Step;
use crate::transcript::text::{Script, script};
use crate::transcript::{Block, Lang, Speaker, SpeakerKind, Transcript, Turn, restructure};

/// A turn's blocks split into paragraphs and the notes that follow each (index 0: before the
/// first paragraph; index k + 1: after paragraph k).
struct Split<'a> {
    paras: Vec<&'a str>,
    notes_after: Vec<Vec<&'a Block>>,
}

fn split(turn: &Turn, lang: Lang) -> Split<'_> {
    let mut s = Split {
        paras: Vec::new(),
        notes_after: vec![Vec::new()],
    };
    for b in &turn.blocks {
        match (b, lang) {
            (Block::Para { en: Some(t), .. }, Lang::En)
            | (Block::Para { zh: Some(t), .. }, Lang::Zh) => {
                s.paras.push(t);
                s.notes_after.push(Vec::new());
            }
            (Block::Note { .. }, _) => s.notes_after.last_mut().unwrap().push(b),
            _ => {}
        }
    }
    s
}

/// Joins paragraphs merged into one block (a space between English ones).
fn join(parts: &[&str], lang: Lang) -> Option<String> {
    (!parts.is_empty()).then(|| parts.join(if lang == Lang::En { " " } else { "" }))
}

/// Which merged speaker each Chinese speaker is: the English speaker its turns were paired with
/// most often, or a new speaker.
fn map_speakers(
    en: &Transcript,
    zh: &Transcript,
    steps: &[Step],
    speakers: &mut Vec<Speaker>,
) -> Vec<usize> {
    let mut votes: HashMap<(usize, usize), usize> = HashMap::new();
    for s in steps.iter().filter(|s| s.bead == (1, 1)) {
        *votes
            .entry((zh.turns[s.b].speaker, en.turns[s.a].speaker))
            .or_default() += 1;
    }
    (0..zh.speakers.len())
        .map(|z| {
            let best = votes
                .iter()
                .filter(|((vz, _), _)| *vz == z)
                .max_by_key(|(k, n)| (**n, std::cmp::Reverse(k.1)));
            match best {
                Some(((_, e), _)) => {
                    fill_from(&mut speakers[*e], &zh.speakers[z]);
                    *e
                }
                None => {
                    speakers.push(zh.speakers[z].clone());
                    speakers.len() - 1
                }
            }
        })
        .collect()
}

/// Completes an English speaker with what the Chinese file says of them.
fn fill_from(sp: &mut Speaker, zh: &Speaker) {
    if sp.name_alt.is_none() {
        sp.name_alt = [Some(&zh.name), zh.name_alt.as_ref()]
            .into_iter()
            .flatten()
            .find(|n| script(n) == Script::Zh)
            .cloned();
    }
    if sp.role.is_none() {
        sp.role.clone_from(&zh.role);
    }
    if sp.firm.is_none() {
        sp.firm.clone_from(&zh.firm);
    }
    if sp.kind == SpeakerKind::Other {
        sp.kind = zh.kind;
    }
}

/// The blocks of a pair of turns, following the paragraph links.
fn paired_blocks(en: &Turn, zh: &Turn, links: &[Link]) -> Vec<Block> {
    let (e, z) = (split(en, Lang::En), split(zh, Lang::Zh));
    let mut out: Vec<Block> = e.notes_after[0]
        .iter()
        .chain(&z.notes_after[0])
        .map(|b| (*b).clone())
        .collect();
    for l in links {
        let en_parts: Vec<&str> = l.en.iter().map(|&(_, p)| e.paras[p]).collect();
        let zh_parts: Vec<&str> = l.zh.iter().map(|&(_, p)| z.paras[p]).collect();
        out.push(Block::Para {
            en: join(&en_parts, Lang::En),
            zh: join(&zh_parts, Lang::Zh),
        });
        for (side, refs) in [(&e, &l.en), (&z, &l.zh)] {
            if let Some(&(_, last)) = refs.last() {
                out.extend(side.notes_after[last + 1].iter().map(|b| (*b).clone()));
            }
        }
    }
    out
}

/// Builds the merged transcript: English turn order, Chinese text beside it.
pub fn merge(en: &Transcript, zh: &Transcript, pairs: &[(Step, Vec<Link>)]) -> Transcript {
    let mut speakers = en.speakers.clone();
    let steps: Vec<Step> = pairs.iter().map(|p| p.0).collect();
    let zh_map = map_speakers(en, zh, &steps, &mut speakers);
    let mut turns = Vec::with_capacity(pairs.len());
    for (s, links) in pairs {
        let turn = match s.bead {
            (1, 1) => Turn {
                speaker: en.turns[s.a].speaker,
                blocks: paired_blocks(&en.turns[s.a], &zh.turns[s.b], links),
                ..Turn::default()
            },
            (1, 0) => Turn {
                speaker: en.turns[s.a].speaker,
                blocks: en.turns[s.a].blocks.clone(),
                ..Turn::default()
            },
            _ => Turn {
                speaker: zh_map[zh.turns[s.b].speaker],
                blocks: zh.turns[s.b].blocks.clone(),
                ..Turn::default()
            },
        };
        turns.push(turn);
    }
    let pick = |a: &Option<String>, b: &Option<String>| a.clone().or_else(|| b.clone());
    let mut t = Transcript {
        title: pick(&en.title, &zh.title),
        company: pick(&en.company, &zh.company),
        period: pick(&en.period, &zh.period),
        date: pick(&en.date, &zh.date),
        languages: vec![Lang::En, Lang::Zh],
        encoding: if en.encoding == zh.encoding {
            en.encoding.clone()
        } else {
            format!("{} + {}", en.encoding, zh.encoding)
        },
        speakers,
        turns,
        questions: Vec::new(),
        front_matter: en
            .front_matter
            .iter()
            .chain(&zh.front_matter)
            .cloned()
            .collect(),
        back_matter: en
            .back_matter
            .iter()
            .chain(&zh.back_matter)
            .cloned()
            .collect(),
        unlabelled: en.unlabelled || zh.unlabelled,
    };
    restructure(&mut t);
    t
}
