//! The overview of a call (`i`) and the list of its figure pairs: lines built once when
//! the window opens, each naming where `Enter` goes. Drawing is in `ui::sheets`.

use crate::numbers::{Analysis, Mark};
use crate::transcript::{Block, SpeakerKind};

use super::state::{App, Overlay};

/// What a line of a sheet is, for its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// A group heading.
    Heading,
    /// A label and its value (`Company  Microsoft`).
    Field,
    /// A person, a count, a figure pair.
    Item,
    /// A figure the translation gets wrong.
    Warning,
    Blank,
}

/// Where `Enter` on a line goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A turn's start.
    Turn(usize),
    /// Paragraph `block` of turn `turn`.
    Block(usize, usize),
}

/// One line of a sheet: columns of text (laid out by the drawing), its tone, its target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetLine {
    pub cols: Vec<String>,
    pub tone: Tone,
    pub target: Option<Target>,
}

impl SheetLine {
    fn new(tone: Tone, cols: Vec<String>, target: Option<Target>) -> Self {
        SheetLine { cols, tone, target }
    }
}

/// The overview of `t`, read from `source`: what it is, who speaks, how much, and figures.
pub fn overview(app: &App) -> Vec<SheetLine> {
    let t = &app.doc;
    let shown = app.labels();
    let mut out = Vec::new();
    let field = |label: &str, value: String| {
        SheetLine::new(Tone::Field, vec![label.to_string(), value], None)
    };
    let dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".into());
    out.push(field("Title", dash(&shown.title)));
    out.push(field("Company", dash(&shown.company)));
    out.push(field("Period", dash(&t.period)));
    out.push(field("Date", dash(&t.date)));
    let has = |l| t.languages.contains(&l);
    let langs = match (has(crate::Lang::En), has(crate::Lang::Zh)) {
        (true, true) => "English + Chinese",
        (false, true) => "Chinese",
        _ => "English",
    };
    out.push(field("Languages", langs.to_string()));
    out.push(field("Source", format!("{} ({})", app.source, t.encoding)));
    out.push(SheetLine::new(Tone::Blank, Vec::new(), None));
    out.push(SheetLine::new(
        Tone::Heading,
        vec!["In this call".into()],
        None,
    ));
    let paragraphs: usize = t
        .turns
        .iter()
        .flat_map(|turn| &turn.blocks)
        .filter(|b| matches!(b, Block::Para { .. }))
        .count();
    let marks = app.marks.placed.len();
    out.push(SheetLine::new(
        Tone::Item,
        vec![format!(
            "{} · {} · {} · {} · {}",
            plural(t.questions.len(), "question"),
            plural(t.turns.len(), "turn"),
            plural(paragraphs, "paragraph"),
            plural(t.note_count(), "commentary note"),
            plural(marks, "bookmark"),
        )],
        None,
    ));
    let a = &app.figures.analysis;
    let n = a.mismatches.len();
    // Counted as the figure list shows them (years, quarters and names' numbers aside).
    let pairs = figure_list(app).len() - n;
    let summary = match n {
        0 => format!(
            "{}, no mismatch (F lists them)",
            plural(pairs, "figure pair")
        ),
        _ => format!(
            "{}, {n} mismatched (F lists them)",
            plural(pairs, "figure pair")
        ),
    };
    out.push(SheetLine::new(Tone::Item, vec![summary], None));
    people(app, &mut out);
    if !a.mismatches.is_empty() {
        out.push(SheetLine::new(Tone::Blank, Vec::new(), None));
        out.push(SheetLine::new(
            Tone::Heading,
            vec!["Figures the Chinese gets wrong".into()],
            None,
        ));
    }
    for m in &a.mismatches {
        let (en, zh) = a.figures(m);
        let pair = match en {
            Some(en) => format!("“{}” → “{}”", en.text, zh.text),
            None => format!("“{}”", zh.text),
        };
        out.push(SheetLine::new(
            Tone::Warning,
            vec![format!("⚠ {pair} · {}", m.reason), who(app, m.turn)],
            Some(Target::Block(m.turn, m.block)),
        ));
    }
    out
}

/// The participants by group: executives with roles, analysts with firms and their questions,
/// everyone else; each line goes to the person's first turn (an analyst's first question).
fn people(app: &App, out: &mut Vec<SheetLine>) {
    let t = &app.doc;
    let first_turn = |s: usize| t.turns.iter().position(|turn| turn.speaker == s);
    let groups = [
        (SpeakerKind::Executive, "Executives"),
        (SpeakerKind::Analyst, "Analysts"),
        (SpeakerKind::Operator, "Others"),
    ];
    for (kind, heading) in groups {
        let members: Vec<usize> = (0..t.speakers.len())
            .filter(|&s| {
                let k = t.speakers[s].kind;
                k == kind || (kind == SpeakerKind::Operator && k == SpeakerKind::Other)
            })
            .filter(|&s| first_turn(s).is_some())
            .collect();
        if members.is_empty() {
            continue;
        }
        out.push(SheetLine::new(Tone::Blank, Vec::new(), None));
        out.push(SheetLine::new(
            Tone::Heading,
            vec![format!("{heading} ({})", members.len())],
            None,
        ));
        for s in members {
            let sp = app.speaker_shown(s).unwrap_or(&t.speakers[s]);
            let name = match &sp.name_alt {
                Some(alt) if !alt.is_empty() && *alt != sp.name => format!("{} ({alt})", sp.name),
                _ => sp.name.clone(),
            };
            let mut detail: Vec<String> = Vec::new();
            let asked: Vec<&crate::transcript::Question> =
                t.questions.iter().filter(|q| q.analyst == s).collect();
            let firm = asked
                .iter()
                .find_map(|q| q.firm.clone())
                .or_else(|| sp.firm.clone());
            if kind == SpeakerKind::Analyst {
                detail.extend(firm);
            } else {
                detail.extend(sp.role.clone().filter(|r| !r.is_empty()));
                detail.extend(sp.firm.clone().filter(|f| !f.is_empty()));
            }
            let numbers = asked
                .iter()
                .map(|q| format!("Q{}", q.number))
                .collect::<Vec<_>>()
                .join(", ");
            let target = asked
                .first()
                .and_then(|q| q.turns.first().copied())
                .or_else(|| first_turn(s))
                .map(Target::Turn);
            // An analyst's question numbers before the firm, so that they show on a narrow
            // screen: `Q1, Q5 · Barclays`.
            let about = [numbers, detail.join(" · ")]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" · ");
            out.push(SheetLine::new(Tone::Item, vec![name, about], target));
        }
    }
}

/// Every figure pair of the call, mismatches first, then the pairs in reading order; years,
/// quarters, ordinals and names' numbers are left out, as the highlighting leaves them.
pub fn figure_list(app: &App) -> Vec<SheetLine> {
    let a: &Analysis = &app.figures.analysis;
    let mut out = Vec::new();
    for m in &a.mismatches {
        let (en, zh) = a.figures(m);
        out.push(SheetLine::new(
            Tone::Warning,
            vec![
                format!("⚠ {}", en.map_or("—", |e| e.text.as_str())),
                zh.text.clone(),
                who(app, m.turn),
                m.reason.to_string(),
            ],
            Some(Target::Block(m.turn, m.block)),
        ));
    }
    for (turn, blocks) in a.blocks.iter().enumerate() {
        for (block, figs) in blocks.iter().enumerate() {
            for en in figs.en.iter().filter(|m| shown_figure(m)) {
                let Some(id) = en.pair else { continue };
                let Some(zh) = figs.zh.iter().find(|z| z.pair == Some(id)) else {
                    continue;
                };
                if en.mismatch.is_some() || zh.mismatch.is_some() {
                    continue;
                }
                out.push(SheetLine::new(
                    Tone::Item,
                    vec![
                        format!("  {}", en.figure.text),
                        zh.figure.text.clone(),
                        who(app, turn),
                        String::new(),
                    ],
                    Some(Target::Block(turn, block)),
                ));
            }
        }
    }
    out
}

/// True for a figure the reader highlights: a measure, not a year, quarter, ordinal, date,
/// list marker or a number in a name, unless the translation gets it wrong.
pub fn shown_figure(m: &Mark) -> bool {
    m.figure.is_strong() || m.mismatch.is_some()
}

/// `John Smith · Q2` for turn `turn`.
fn who(app: &App, turn: usize) -> String {
    let t = &app.doc;
    let Some(tr) = t.turns.get(turn) else {
        return String::new();
    };
    let name = app
        .speaker_shown(tr.speaker)
        .unwrap_or_else(|| t.speaker_of(tr))
        .name
        .clone();
    match tr.question {
        Some(q) => format!("{name} · Q{q}"),
        None => name,
    }
}

/// `3 questions`, `1 question`.
fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

impl App {
    /// `i`: the overview, on its first line that goes somewhere.
    pub fn open_overview(&mut self) {
        self.analyse_figures();
        self.sheet = overview(self);
        let first = self.sheet.iter().position(|l| l.target.is_some());
        self.overlay = Overlay::Overview {
            selected: first.unwrap_or(0),
        };
    }

    /// The figure list, or a message when the call has no figure pairs.
    pub fn open_figure_list(&mut self) {
        self.analyse_figures();
        let lines = figure_list(self);
        if lines.is_empty() {
            self.say("No figure pairs in this call");
            return;
        }
        self.sheet = lines;
        self.overlay = Overlay::FigureList { selected: 0 };
    }

    /// Moves the selection by `n` lines that go somewhere (or to the first or last one).
    pub fn sheet_move(&mut self, n: i32, end: Option<bool>) {
        let targets: Vec<usize> = (0..self.sheet.len())
            .filter(|&i| self.sheet[i].target.is_some())
            .collect();
        let (Overlay::Overview { selected } | Overlay::FigureList { selected }) = &mut self.overlay
        else {
            return;
        };
        if targets.is_empty() {
            // Nothing to select: the keys scroll the lines instead.
            let last = self.sheet.len().saturating_sub(1);
            *selected = match end {
                Some(last_one) => usize::from(last_one) * last,
                None => selected.saturating_add_signed(n as isize).min(last),
            };
            return;
        }
        let at = targets.partition_point(|&i| i < *selected);
        let i = match end {
            Some(false) => 0,
            Some(true) => targets.len() - 1,
            None => at.saturating_add_signed(n as isize).min(targets.len() - 1),
        };
        *selected = targets[i];
    }

    /// `Enter`: goes where the selected line says and closes the window.
    pub fn sheet_jump(&mut self) {
        let (Overlay::Overview { selected } | Overlay::FigureList { selected }) = self.overlay
        else {
            return;
        };
        let Some(target) = self.sheet.get(selected).and_then(|l| l.target) else {
            return;
        };
        self.overlay = Overlay::None;
        match target {
            Target::Turn(t) => self.jump_to_row(self.layout.turn_row(t)),
            Target::Block(t, b) => {
                let (row, _) = self.layout.block_span(self.index.block_id(t, b));
                self.jump_to_row(row);
                if matches!(self.doc.turns[t].blocks.get(b), Some(Block::Para { .. })) {
                    self.figures.on = true;
                }
            }
        }
    }
}
