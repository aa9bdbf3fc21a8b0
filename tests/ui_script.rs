//! Script conversion (`t`), search across Simplified and Traditional, and copying (`y`).

mod ui_support;

use tandem::config::settings::ChineseScript;
use ui_support::{app_for, press, screen, type_text};

/// The built-in sample (Simplified Chinese) in the reader at 160x45.
fn sample() -> tandem::app::App {
    app_for(tandem::call::load_sample(), 160, 45)
}

#[test]
fn t_shows_the_chinese_in_traditional_and_back() {
    let mut a = sample();
    let before = screen(&mut a, 160, 45);
    assert!(before.contains("财报电话会议"), "{before}");
    press(&mut a, "t t");
    assert_eq!(a.prefs.script, ChineseScript::Traditional);
    let trad = screen(&mut a, 160, 45);
    assert!(trad.contains("財報電話會議"), "{trad}");
    assert!(!trad.contains("财报电话会议"));
    assert!(
        a.status
            .as_ref()
            .is_some_and(|s| s.text.contains("Traditional"))
    );
    press(&mut a, "t");
    assert_eq!(a.prefs.script, ChineseScript::Original);
    let pane = |s: &str| s.lines().take(44).collect::<Vec<_>>().join("\n");
    assert_eq!(pane(&screen(&mut a, 160, 45)), pane(&before));
}

#[test]
fn a_traditional_query_finds_simplified_text() {
    let mut a = sample();
    press(&mut a, "/");
    type_text(&mut a, "電話會議");
    press(&mut a, "Enter");
    let simplified = a.search.matches.len();
    assert!(simplified > 0, "no match for the Traditional query");
    press(&mut a, "/");
    type_text(&mut a, "电话会议");
    press(&mut a, "Enter");
    assert_eq!(a.search.matches.len(), simplified);
}

#[test]
fn y_puts_the_paragraph_with_its_speaker_on_the_clipboard() {
    let mut a = sample();
    press(&mut a, "J y");
    let text = a.clipboard.clone().expect("something to copy");
    let mut lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    let call = lines.remove(0);
    assert!(
        call.contains(a.doc.date.as_deref().expect("the sample has a date")),
        "the call's title and date come first: {text}"
    );
    assert!(
        lines[0].starts_with("Nadia Okafor, Vice President"),
        "{text}"
    );
    assert!(
        lines[1].is_ascii()
            && lines[2]
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    );
    let seq = tandem::reader::clipboard::osc52(&text);
    assert!(seq.starts_with("\x1b]52;c;") && seq.ends_with('\x07'));
}

/// The test call with its labels in Traditional characters: a title, a speaker's name in
/// Chinese with a role and firm, another's Chinese name beside the Latin one, a question's
/// firm, and a foreword.
fn traditional_labels() -> tandem::Transcript {
    let mut t = ui_support::call();
    t.title = Some("Brightkeel 第三季電話會議".into());
    t.speakers[0].name_alt = Some("接線員".into());
    t.speakers[1].role = Some("執行長".into());
    t.speakers[1].firm = Some("明龍雲端".into());
    t.speakers[4].name = "埃里克·謝里丹".into();
    t.speakers[4].name_alt = None;
    t.questions[0].firm = Some("巴克萊".into());
    t.front_matter = vec!["K佬前言:這次的電話會議很重要。".into()];
    t
}

#[test]
fn t_converts_names_roles_firms_the_title_the_turn_list_and_the_foreword() {
    let mut a = app_for(traditional_labels(), 160, 45);
    let traditional = [
        "第三季電話會議",
        "接線員",
        "執行長",
        "明龍雲端",
        "埃里克·謝里丹",
        "巴克萊",
        "這次的電話會議",
    ];
    let simplified = [
        "第三季电话会议",
        "接线员",
        "执行长",
        "明龙云端",
        "埃里克·谢里丹",
        "巴克莱",
        "这次的电话会议",
    ];
    // Everything on screen at once: the foreword, the prepared remarks' headers, the turn
    // list with the questions, the title in the status line.
    let first = screen(&mut a, 160, 45);
    press(&mut a, "] Tab Esc");
    let later = screen(&mut a, 160, 45);
    let both = format!("{first}{later}");
    for s in traditional {
        assert!(both.contains(s), "{s} as written:\n{both}");
    }
    press(&mut a, "g t");
    assert_eq!(a.prefs.script, ChineseScript::Simplified);
    let first = screen(&mut a, 160, 45);
    press(&mut a, "]");
    let later = screen(&mut a, 160, 45);
    let both = format!("{first}{later}");
    for (trad, simp) in traditional.iter().zip(simplified) {
        assert!(both.contains(simp), "{simp} in Simplified:\n{both}");
        assert!(!both.contains(trad), "{trad} still shown:\n{both}");
    }
    let status = later.lines().last().unwrap();
    assert!(status.contains("Brightkeel 第三季电话会议"), "{status}");
    // The analyst picker.
    press(&mut a, "a");
    let picker = screen(&mut a, 160, 45);
    assert!(picker.contains("埃里克·谢里丹 · Goldman Sachs"), "{picker}");
    assert!(picker.contains("Ross Sandler · 巴克莱"), "{picker}");
    press(&mut a, "Esc t");
    assert_eq!(a.prefs.script, ChineseScript::Traditional);
    let back = screen(&mut a, 160, 45);
    assert!(
        back.contains("埃里克·謝里丹") && back.contains("巴克萊"),
        "{back}"
    );
    press(&mut a, "t");
    assert_eq!(a.prefs.script, ChineseScript::Original);
}

#[test]
fn search_matches_in_the_foreword_stay_highlighted_in_another_script() {
    use ratatui::style::Color;
    let mut a = app_for(traditional_labels(), 160, 45);
    press(&mut a, "t /");
    type_text(&mut a, "电话会议");
    press(&mut a, "Enter");
    let buf = ui_support::draw(&mut a, 160, 45);
    let lit: String = buf
        .content
        .iter()
        .filter(|c| c.bg == Color::LightRed)
        .map(|c| c.symbol())
        .collect();
    assert_eq!(lit, "电话会议", "the foreword's match, shown in Simplified");
}

#[test]
fn copying_gives_the_speaker_in_the_script_shown() {
    let mut a = app_for(traditional_labels(), 160, 45);
    press(&mut a, "} t y");
    let text = a.clipboard.clone().expect("something to copy");
    assert!(
        text.lines()
            .nth(1)
            .is_some_and(|l| l == "Jane Doe, 执行长, 明龙云端"),
        "{text}"
    );
}

#[test]
fn t_keeps_the_search_and_its_current_match() {
    let mut a = sample();
    press(&mut a, "/");
    type_text(&mut a, "电话会议");
    press(&mut a, "Enter n");
    let (matches, current, top) = (a.search.matches.clone(), a.search.current, a.top);
    assert!(current.is_some());
    press(&mut a, "t t");
    assert_eq!(a.search.matches, matches);
    assert_eq!(a.search.current, current, "still on the same match");
    assert_eq!(a.top, top);
    let pos = tandem::ui::status::position(&a);
    assert!(
        pos.contains(&format!("match {}/", current.unwrap() + 1)),
        "{pos}"
    );
}
