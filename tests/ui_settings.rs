//! Settings in the reader: key overrides in lookup, update and help; no-colour drawing;
//! the default view.

mod ui_support;

use ratatui::style::{Color, Modifier};
use tandem::app::App;
use tandem::config::settings;
use ui_support::{app_for, call, draw, press, screen};

/// The reader on the test call with settings from `toml`.
fn configured(toml: &str, colour: bool) -> App {
    let s = settings::parse(
        toml,
        std::path::Path::new("config.toml"),
        tandem::app::keys::check,
    )
    .unwrap();
    let mut app = app_for(call(), 160, 45);
    app.configure(&s, colour);
    app
}

/// The turn at the top of the reading pane.
fn top_turn(app: &App) -> usize {
    app.current_turn()
}

#[test]
fn a_key_override_works_and_reaches_the_help_and_the_hints() {
    let mut app = configured("[keys]\nnext-question = \"f5\"\n", true);
    let mut plain = app_for(call(), 160, 45);
    press(&mut plain, "]");
    press(&mut app, "]");
    assert_eq!(top_turn(&app), 0, "] is no longer bound");
    app.top = 0;
    let status = screen(&mut app, 160, 45);
    let last = status.lines().last().unwrap();
    assert!(last.contains("F5 question"), "hint: {last}");
    let f5 = ratatui::crossterm::event::KeyEvent::new(
        ratatui::crossterm::event::KeyCode::F(5),
        ratatui::crossterm::event::KeyModifiers::NONE,
    );
    let action = tandem::app::input::key_action(&app, f5).expect("F5 is bound");
    tandem::app::update(&mut app, action);
    assert_eq!(top_turn(&app), top_turn(&plain), "F5 goes where ] went");
    press(&mut app, "?");
    let help = screen(&mut app, 160, 45);
    let line = help
        .lines()
        .find(|l| l.contains("Next question"))
        .expect("listed");
    assert!(line.contains("F5") && !line.contains(']'), "{line}");
}

#[test]
fn without_colour_nothing_is_coloured_and_the_selection_is_reversed() {
    let mut app = configured("", false);
    press(&mut app, "a");
    let buf = draw(&mut app, 160, 45);
    assert!(
        buf.content
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset),
        "a colour was drawn"
    );
    let name = &app.doc.speakers[app.index.analysts[0].speaker].name;
    let text = ui_support::text(&buf);
    let reversed = text.lines().enumerate().any(|(y, line)| {
        line.match_indices(name.as_str()).any(|(i, _)| {
            let x = unicode_width::UnicodeWidthStr::width(&line[..i]) as u16;
            buf[(x, y as u16)].modifier.contains(Modifier::REVERSED)
        })
    });
    assert!(reversed, "the picked analyst is reversed");
    let coloured = {
        let mut a = configured("", true);
        press(&mut a, "a");
        draw(&mut a, 160, 45)
    };
    assert!(coloured.content.iter().any(|c| c.fg != Color::Reset));
}

#[test]
fn the_default_view_and_layout_come_from_the_settings() {
    let mut app = configured("view = \"zh\"\nlayout = \"stacked\"\n", true);
    let text = screen(&mut app, 160, 45);
    assert!(!app.layout.side);
    assert!(text.contains("接线员") || text.contains('，'), "{text}");
    assert!(!text.contains("Good morning"), "{text}");
}

#[test]
fn the_help_title_names_the_help_keys_in_effect() {
    let mut app = configured("[keys]\nhelp-down = \"n\"\nclose = \"x\"\n", true);
    press(&mut app, "?");
    let help = screen(&mut app, 160, 45);
    assert!(help.contains("Help — x closes, n/k scroll"), "{help}");
}

/// `[keys]` overrides checked by the reader's key map, each error placed in the file.
#[test]
fn key_overrides_are_checked_where_they_are_written() {
    let parsed = |text: &str| {
        settings::parse(
            text,
            std::path::Path::new("config.toml"),
            tandem::app::keys::check,
        )
    };
    let e = parsed("theme = \"dark\"\n[keys]\nquit = \"x\"\n  next-qestion = \"n\"\n").unwrap_err();
    assert!(
        e.message
            .starts_with("line 4, column 3: unknown action \"next-qestion\""),
        "{e}"
    );
    let e = parsed("[keys]\nquit = \"ctrl-\"\n").unwrap_err();
    assert!(e.message.starts_with("line 2, column 8: bad key"), "{e}");
    let s = parsed("[keys]\n\"next-question\" = \"f5\"\n").unwrap();
    assert_eq!(s.keys["next-question"], "f5");
    let e = parsed("[keys]\nquit = \"x\"\nhelp = \"x\"\n").unwrap_err();
    assert!(
        e.message
            .starts_with("line 2, column 8: key \"x\" is given to both"),
        "{e}"
    );
}
