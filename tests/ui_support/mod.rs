//! Shared helpers for the reader's tests: a realistic bilingual call built in code, key
//! presses through the real key map, and the screen as text.
#![allow(dead_code)]

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tandem::app::{App, input, update};
use tandem::transcript::{Block, Question, Section, Speaker, SpeakerKind, Transcript, Turn};
use tandem::{Lang, ui};
use unicode_width::UnicodeWidthStr;

/// A speaker.
fn person(
    name: &str,
    alt: Option<&str>,
    role: Option<&str>,
    firm: Option<&str>,
    kind: SpeakerKind,
) -> Speaker {
    Speaker {
        name: name.into(),
        name_alt: alt.map(Into::into),
        role: role.map(Into::into),
        firm: firm.map(Into::into),
        kind,
    }
}

/// A paragraph in both languages.
fn both(en: &str, zh: &str) -> Block {
    Block::Para {
        en: Some(en.into()),
        zh: Some(zh.into()),
    }
}

/// A turn.
fn turn(speaker: usize, section: Section, question: Option<usize>, blocks: Vec<Block>) -> Turn {
    Turn {
        speaker,
        section,
        question,
        blocks,
    }
}

/// A bilingual call: prepared remarks by three speakers, three questions, notes, a closing.
pub fn call() -> Transcript {
    use Section::{Prepared as P, Qa as Q};
    use SpeakerKind::*;
    let speakers = vec![
        person("Operator", Some("接线员"), None, None, Operator),
        person(
            "Jane Doe",
            Some("简·多伊"),
            Some("Chief Executive Officer"),
            Some("Brightkeel"),
            Executive,
        ),
        person(
            "John Smith",
            Some("约翰·史密斯"),
            Some("Chief Financial Officer"),
            Some("Brightkeel"),
            Executive,
        ),
        person("Ross Sandler", None, None, Some("Barclays"), Analyst),
        person(
            "Eric Sheridan",
            Some("埃里克·谢里丹"),
            None,
            Some("Goldman Sachs"),
            Analyst,
        ),
        person("Mark Mahaney", None, None, Some("Evercore ISI"), Analyst),
    ];
    let turns = vec![
        turn(
            0,
            P,
            None,
            vec![both(
                "Good day, and welcome to the Brightkeel third quarter 2026 earnings call. Today’s call is being recorded.",
                "大家好，欢迎参加 Brightkeel 2026 年第三季度财报电话会议。本次会议正在录音。",
            )],
        ),
        turn(
            1,
            P,
            None,
            vec![
                both(
                    "Thank you. Cloud revenue grew 31% to $4.2 billion, and our “Harbor” platform now serves 12,000 customers.",
                    "谢谢。云业务收入增长 31%，达到 42 亿美元；我们的“Harbor”平台现已服务 12,000 家客户。",
                ),
                Block::note("译注：Harbor 是公司 2025 年推出的数据平台……"),
                both(
                    "We remain disciplined on costs · and we expect margins to expand next year.",
                    "我们在成本上保持克制·预计明年利润率将继续扩张。",
                ),
            ],
        ),
        turn(
            2,
            P,
            None,
            vec![both(
                "Operating income was $812 million. Free cash flow for the trailing twelve months was $2.9 billion.",
                "营业利润为 8.12 亿美元。过去十二个月的自由现金流为 29 亿美元。",
            )],
        ),
        turn(
            0,
            Q,
            Some(1),
            vec![both(
                "We will now begin the question-and-answer session. Our first question comes from Ross Sandler with Barclays.",
                "现在开始问答环节。第一个问题来自巴克莱的 Ross Sandler。",
            )],
        ),
        turn(
            3,
            Q,
            Some(1),
            vec![both(
                "How should we think about cloud capacity next year?",
                "我们应如何看待明年的云计算产能？",
            )],
        ),
        turn(
            1,
            Q,
            Some(1),
            vec![
                both(
                    "Capacity is the constraint. We are adding data centers in three regions.",
                    "产能是制约因素。我们正在三个地区新建数据中心。",
                ),
                both(
                    "We expect supply to catch up by mid-year.",
                    "我们预计供给将在年中赶上需求。",
                ),
            ],
        ),
        turn(
            0,
            Q,
            Some(2),
            vec![both(
                "Our next question comes from Eric Sheridan with Goldman Sachs.",
                "下一个问题来自高盛的埃里克·谢里丹。",
            )],
        ),
        turn(
            4,
            Q,
            Some(2),
            vec![both(
                "Can you talk about pricing in the cloud business?",
                "能否谈谈云业务的定价？",
            )],
        ),
        turn(
            2,
            Q,
            Some(2),
            vec![both(
                "Pricing has been stable. Cloud gross margin was 61%.",
                "定价保持稳定。云业务毛利率为 61%。",
            )],
        ),
        turn(
            1,
            Q,
            Some(2),
            vec![
                both(
                    "I would add that cloud customers are signing longer contracts.",
                    "我补充一点：云客户签订的合同期限更长了。",
                ),
                Block::note("笔者注：长期合同意味着收入能见度更高。"),
            ],
        ),
        turn(
            0,
            Q,
            Some(3),
            vec![both(
                "Our last question comes from Mark Mahaney with Evercore ISI.",
                "最后一个问题来自 Evercore ISI 的 Mark Mahaney。",
            )],
        ),
        turn(
            5,
            Q,
            Some(3),
            vec![both(
                "What are the priorities for capital returns?",
                "资本回报的优先事项是什么？",
            )],
        ),
        turn(
            1,
            Q,
            Some(3),
            vec![both(
                "Investment in cloud comes first; buybacks come second.",
                "首先是对云业务的投资，其次是股票回购。",
            )],
        ),
        turn(
            0,
            Q,
            None,
            vec![both(
                "This concludes today’s call. Thank you for your participation.",
                "今天的电话会议到此结束。感谢各位的参与。",
            )],
        ),
    ];
    let q = |number, analyst, firm: &str, turns: Vec<usize>| Question {
        number,
        analyst,
        firm: Some(firm.into()),
        turns,
    };
    Transcript {
        title: Some("Brightkeel Q3 2026 Earnings Call".into()),
        company: Some("Brightkeel".into()),
        period: Some("Q3 2026".into()),
        date: Some("2026-10-29".into()),
        languages: vec![Lang::En, Lang::Zh],
        encoding: "UTF-8".into(),
        speakers,
        turns,
        questions: vec![
            q(1, 3, "Barclays", vec![3, 4, 5]),
            q(2, 4, "Goldman Sachs", vec![6, 7, 8, 9]),
            q(3, 5, "Evercore ISI", vec![10, 11, 12]),
        ],
        front_matter: vec![],
        back_matter: vec![],
        unlabelled: false,
    }
}

/// The same call with its turns and questions repeated `times` times.
pub fn repeated(times: usize) -> Transcript {
    let base = call();
    let nq = base.questions.len();
    let mut t = Transcript {
        turns: vec![],
        questions: vec![],
        ..base.clone()
    };
    for i in 0..times {
        let offset = t.turns.len();
        t.turns.extend(base.turns.iter().cloned().map(|mut x| {
            x.question = x.question.map(|q| q + i * nq);
            x
        }));
        t.questions
            .extend(base.questions.iter().cloned().map(|mut q| {
                q.number += i * nq;
                q.turns.iter_mut().for_each(|x| *x += offset);
                q
            }));
    }
    t
}

/// The reader on `t` sized for a `w` x `h` terminal.
pub fn app_for(t: Transcript, w: u16, h: u16) -> App {
    let p = ui::panes(ratatui::layout::Rect::new(0, 0, w, h));
    let mut app = App::new(t, "call.txt", p.reading.width, p.reading.height);
    // The first frame sizes the panes as the reader does (the turn list as wide as its
    // entries), so that the layout tests look at is the one on screen.
    draw(&mut app, w, h);
    app
}

/// A key as the terminal reports it: `"]"`, `"Ctrl-d"`, `"Enter"`, `"Esc"`, `"Tab"`, `"Down"`,
/// `"Left"`...
pub fn key(spec: &str) -> KeyEvent {
    let (code, mods) = match spec {
        "Enter" => (KeyCode::Enter, KeyModifiers::NONE),
        "Esc" => (KeyCode::Esc, KeyModifiers::NONE),
        "Tab" => (KeyCode::Tab, KeyModifiers::NONE),
        "Backspace" => (KeyCode::Backspace, KeyModifiers::NONE),
        "Space" => (KeyCode::Char(' '), KeyModifiers::NONE),
        "Down" => (KeyCode::Down, KeyModifiers::NONE),
        "Up" => (KeyCode::Up, KeyModifiers::NONE),
        "Left" => (KeyCode::Left, KeyModifiers::NONE),
        "Right" => (KeyCode::Right, KeyModifiers::NONE),
        "PgDn" => (KeyCode::PageDown, KeyModifiers::NONE),
        "PgUp" => (KeyCode::PageUp, KeyModifiers::NONE),
        "Alt-Left" => (KeyCode::Left, KeyModifiers::ALT),
        "Alt-Right" => (KeyCode::Right, KeyModifiers::ALT),
        s if s.starts_with("Alt-") => (KeyCode::Char(s.chars().last().unwrap()), KeyModifiers::ALT),
        "F1" => (KeyCode::F(1), KeyModifiers::NONE),
        s if s.starts_with("Ctrl-") => (
            KeyCode::Char(s.chars().last().unwrap()),
            KeyModifiers::CONTROL,
        ),
        s => {
            let c = s.chars().next().unwrap();
            let m = if c.is_uppercase() || "{}?<>()".contains(c) {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            (KeyCode::Char(c), m)
        }
    };
    KeyEvent::new(code, mods)
}

/// Sends keys (space-separated specs) through the key map and `update`.
pub fn press(app: &mut App, keys: &str) {
    for spec in keys.split(' ').filter(|s| !s.is_empty()) {
        if let Some(action) = input::key_action(app, key(spec)) {
            update(app, action);
            tandem::reader::carry_out(app);
        }
    }
}

/// Types text into whatever has the keys (the search input), character by character.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        let ev = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        if let Some(action) = input::key_action(app, ev) {
            update(app, action);
        }
    }
}

/// Draws `app` on a `w` x `h` test terminal and returns the buffer.
pub fn draw(app: &mut App, w: u16, h: u16) -> Buffer {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| ui::draw(f, app)).unwrap();
    term.backend().buffer().clone()
}

/// The buffer as text, one line per row, trailing spaces trimmed. Panics if a cell hidden
/// behind a wide character holds a glyph (two glyphs in one cell).
pub fn text(buf: &Buffer) -> String {
    let w = buf.area.width as usize;
    let mut out = String::new();
    for (y, cells) in buf.content.chunks(w).enumerate() {
        let mut line = String::new();
        let mut skip = 0;
        for (x, c) in cells.iter().enumerate() {
            let sym = c.symbol();
            if skip > 0 {
                assert_eq!(
                    sym, " ",
                    "cell ({x},{y}) behind a wide character holds {sym:?}"
                );
                skip -= 1;
                continue;
            }
            line.push_str(sym);
            skip = sym.width().saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Draws and returns the screen text.
pub fn screen(app: &mut App, w: u16, h: u16) -> String {
    text(&draw(app, w, h))
}
