//! Script conversion (`t`), search across Simplified and Traditional, and copying (`y`).

mod ui_support;

use tandem::settings::ChineseScript;
use ui_support::{app_for, press, screen, type_text};

/// The built-in sample (Simplified Chinese) in the reader at 160x45.
fn sample() -> tandem::app::App {
    app_for(tandem::commands::load_sample(), 160, 45)
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
    press(&mut a, "j y");
    let text = a.clipboard.clone().expect("something to copy");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
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
    let seq = tandem::clipboard::osc52(&text);
    assert!(seq.starts_with("\x1b]52;c;") && seq.ends_with('\x07'));
}
