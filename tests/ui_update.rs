//! Navigation, search and pickers through the real key map and `update`, no terminal.

mod ui_support;

use tandem::app::App;
use tandem::app::state::{Focus, Overlay};
use ui_support::{app_for, call, press, repeated, type_text};

/// The reader on the test call at 160x45.
fn app() -> App {
    app_for(call(), 160, 45)
}

/// The turn at the top of the reading pane.
fn top_turn(app: &App) -> usize {
    app.current_turn()
}

#[test]
fn next_question_from_prepared_remarks_puts_q1_first_turn_at_the_top() {
    let mut a = app();
    press(&mut a, "j");
    assert_eq!(a.doc.turns[top_turn(&a)].section, tandem::Section::Prepared);
    press(&mut a, "]");
    assert_eq!(top_turn(&a), 3, "the operator's introduction of Q1");
    assert_eq!(
        a.top,
        a.layout.turn_row(3),
        "the question starts on the first row"
    );
    assert_eq!(a.current_question(), Some(1));
    press(&mut a, "] ]");
    assert_eq!(top_turn(&a), 10);
    press(&mut a, "]");
    assert_eq!(top_turn(&a), 10, "no question after the last");
    assert!(
        a.status
            .as_ref()
            .is_some_and(|s| s.text == "No later question")
    );
}

/// The status-line message, if any.
fn said(a: &App) -> &str {
    a.status.as_ref().map_or("", |s| s.text.as_str())
}

#[test]
fn the_messages_at_the_ends_say_what_is_missing() {
    let mut a = app();
    press(&mut a, "[");
    assert_eq!(said(&a), "No earlier question");
    press(&mut a, "{");
    assert_eq!(said(&a), "This is the first turn");
    press(&mut a, "] ] ] ]");
    assert_eq!(said(&a), "No later question");
    let all_turns = "} ".repeat(a.doc.turns.len());
    press(&mut a, &all_turns);
    assert_eq!(said(&a), "This is the last turn");
    press(&mut a, "n");
    assert_eq!(said(&a), "No search: press / to search");
    press(&mut a, "/");
    type_text(&mut a, "zebra");
    press(&mut a, "Enter");
    assert_eq!(said(&a), "No match for “zebra”");
    press(&mut a, "n");
    assert_eq!(said(&a), "No match for “zebra”", "n repeats why");
    let mut none = app_for(
        tandem::Transcript {
            questions: vec![],
            ..call()
        },
        160,
        45,
    );
    press(&mut none, "]");
    assert_eq!(said(&none), "This call has no numbered questions");
}

#[test]
fn n_from_below_the_last_match_says_it_wrapped() {
    let mut a = app();
    press(&mut a, "/");
    type_text(&mut a, "Harbor");
    press(&mut a, "Enter");
    assert_eq!(a.search.current, Some(0));
    // Hiding notes re-searches: no current match, so n starts from the reading position.
    press(&mut a, "G c c");
    assert_eq!(a.search.current, None);
    press(&mut a, "n");
    assert_eq!(a.search.current, Some(0));
    assert_eq!(said(&a), "Search wrapped to the start");
    press(&mut a, "c c g N");
    assert_eq!(a.search.current, Some(a.search.matches.len() - 1));
    assert_eq!(said(&a), "Search wrapped to the end");
}

#[test]
fn previous_question_goes_to_the_current_questions_start_then_back() {
    let mut a = app();
    press(&mut a, "] ] }");
    assert_eq!(top_turn(&a), 7, "inside Q2");
    press(&mut a, "[");
    assert_eq!(a.top, a.layout.turn_row(6), "start of Q2");
    press(&mut a, "[");
    assert_eq!(a.top, a.layout.turn_row(3), "start of Q1");
    press(&mut a, "[");
    assert_eq!(a.top, a.layout.turn_row(3), "nothing before Q1");
}

#[test]
fn speaker_turns_step_forward_and_back() {
    let mut a = app();
    press(&mut a, "} }");
    assert_eq!((top_turn(&a), a.top), (2, a.layout.turn_row(2)));
    press(&mut a, "j {");
    assert_eq!(
        a.top,
        a.layout.turn_row(2),
        "{{ inside a turn goes to its start"
    );
    press(&mut a, "{");
    assert_eq!(top_turn(&a), 1);
}

#[test]
fn paragraph_keys_move_the_cursor_through_blocks_and_turns() {
    let mut a = app_for(call(), 160, 12);
    assert_eq!(a.cursor, 0, "the cursor starts on the first paragraph");
    let stops: Vec<usize> = (0..5)
        .map(|_| {
            press(&mut a, "J");
            a.cursor
        })
        .collect();
    assert!(stops.windows(2).all(|w| w[0] < w[1]), "{stops:?}");
    assert_eq!(stops[0], a.layout.turn_row(1), "first J: the next turn");
    for &s in &stops {
        assert!(
            (0..a.layout.stop_count()).any(|i| a.layout.stop(i) == s),
            "{s} is a stop"
        );
    }
    let (start, end) = a.cursor_span();
    assert!(
        a.top <= start && end - 1 <= a.top + a.height,
        "the cursor's paragraph is on screen: rows {start}..{end}, top {}",
        a.top
    );
    press(&mut a, "K");
    assert_eq!(a.cursor, stops[3]);
    press(&mut a, ") (");
    assert_eq!(a.cursor, stops[3]);
}

#[test]
fn j_scrolls_one_line_and_the_cursor_stays_on_screen() {
    let mut a = app_for(call(), 160, 12);
    press(&mut a, "j");
    assert_eq!(a.top, 1, "one screen line");
    press(&mut a, "Down Down Ctrl-e");
    assert_eq!(a.top, 4);
    press(&mut a, "k Up Ctrl-y");
    assert_eq!(a.top, 1);
    for _ in 0..40 {
        press(&mut a, "j");
        let (start, end) = a.cursor_span();
        assert!(
            end > a.top + 1 && start < a.top + a.text_height(),
            "cursor rows {start}..{end} off screen at top {}",
            a.top
        );
    }
    for _ in 0..40 {
        press(&mut a, "k");
        let (start, end) = a.cursor_span();
        assert!(end > a.top + 1 && start < a.top + a.text_height());
    }
}

#[test]
fn every_line_of_a_paragraph_taller_than_the_pane_is_shown_by_j() {
    use tandem::transcript::Block;
    let mut t = call();
    let long = (1..=60)
        .map(|i| format!("Sentence number {i} of a very long answer."))
        .collect::<Vec<_>>()
        .join(" ");
    t.turns[1].blocks[0] = Block::Para {
        en: Some(long),
        zh: Some("很长的回答。".repeat(80)),
    };
    let mut a = app_for(t, 80, 10);
    let id = a.index.block_id(1, 0);
    let (start, end) = a.layout.block_span(id);
    assert!(end - start > 2 * a.height, "taller than the pane");
    let mut seen = vec![false; end - start];
    for _ in 0..200 {
        for r in a.top..a.top + a.text_height() {
            if (start..end).contains(&r) {
                seen[r - start] = true;
            }
        }
        press(&mut a, "j");
    }
    assert!(seen.iter().all(|&s| s), "rows never shown: {seen:?}");
}

#[test]
fn a_count_repeats_a_motion_and_names_a_question() {
    let mut a = app();
    press(&mut a, "5 j");
    assert_eq!(a.top, 5);
    assert_eq!(a.count, None, "the count is used up");
    press(&mut a, "2 g");
    assert_eq!(a.top, a.layout.turn_row(6), "7g goes to question 2's start");
    assert_eq!(a.current_question(), Some(2));
    press(&mut a, "1 G");
    assert_eq!(a.current_question(), Some(1));
    press(&mut a, "9 g");
    assert_eq!(said(&a), "No question 9: this call has 3");
    press(&mut a, "g 2 ]");
    assert_eq!(a.current_question(), Some(2), "2] skips a question");
    press(&mut a, "1 2");
    assert_eq!(a.count, Some(12));
    press(&mut a, "Esc");
    assert_eq!(a.count, None, "any other key drops the count");
}

#[test]
fn ctrl_o_goes_back_through_jumps_and_alt_o_forward_again() {
    let mut a = app();
    press(&mut a, "3 j");
    let start = (a.top, a.cursor);
    press(&mut a, "]");
    let q1 = (a.top, a.cursor);
    press(&mut a, "] j j");
    let q2 = (a.top, a.cursor);
    press(&mut a, "Ctrl-o");
    assert_eq!((a.top, a.cursor), q1, "back to Q1's start");
    press(&mut a, "Ctrl-o");
    assert_eq!((a.top, a.cursor), start, "back to where ] left from");
    press(&mut a, "Ctrl-o");
    assert_eq!((a.top, a.cursor), start);
    assert_eq!(said(&a), "No earlier place in the jump list");
    press(&mut a, "Alt-o");
    assert_eq!((a.top, a.cursor), q1);
    press(&mut a, "Alt-o");
    assert_eq!((a.top, a.cursor), q2, "forward to where Ctrl-o left");
    // A search kept, a mismatch, a turn: all jumps.
    press(&mut a, "g");
    press(&mut a, "/");
    type_text(&mut a, "Sheridan");
    press(&mut a, "Enter");
    assert!(a.top > 0);
    press(&mut a, "Ctrl-o");
    assert_eq!(a.top, 0, "back from the search");
}

#[test]
fn greater_than_follows_the_speaker_under_the_cursor() {
    let mut a = app();
    press(&mut a, "} }");
    let turn = a.current_turn();
    let who = a.doc.turns[turn].speaker;
    press(&mut a, ">");
    let next = a.current_turn();
    assert!(next > turn);
    assert_eq!(a.doc.turns[next].speaker, who);
    assert!(
        (turn + 1..next).all(|t| a.doc.turns[t].speaker != who),
        "the very next turn of theirs"
    );
    press(&mut a, "<");
    assert_eq!(a.current_turn(), turn);
}

#[test]
fn start_end_and_pages() {
    let mut a = app_for(repeated(3), 80, 24);
    press(&mut a, "G");
    assert_eq!(
        a.top,
        a.layout.len() - (a.height - 1),
        "the last row shows under the speaker line"
    );
    press(&mut a, "g");
    assert_eq!(a.top, 0);
    press(&mut a, "Ctrl-d");
    assert_eq!(a.top, a.height / 2);
    press(&mut a, "Ctrl-u PgDn");
    assert_eq!(a.top, a.height - 1);
    press(&mut a, "Space");
    assert_eq!(a.top, 2 * (a.height - 1));
    press(&mut a, "Ctrl-b");
    assert_eq!(a.top, a.height - 1);
    press(&mut a, "Ctrl-f");
    assert_eq!(a.top, 2 * (a.height - 1));
}

#[test]
fn search_steps_through_matches_and_wraps() {
    let mut a = app();
    press(&mut a, "/");
    type_text(&mut a, "CLOUD");
    press(&mut a, "Enter");
    let n = a.search.matches.len();
    assert!(n >= 6, "cloud occurs in several paragraphs: {n}");
    assert_eq!(a.search.current, Some(0));
    press(&mut a, "N");
    assert_eq!(
        a.search.current,
        Some(n - 1),
        "N from the first wraps to the last"
    );
    assert!(
        a.status
            .as_ref()
            .is_some_and(|s| s.text.contains("wrapped"))
    );
    press(&mut a, "n");
    assert_eq!(
        a.search.current,
        Some(0),
        "n from the last wraps to the first"
    );
    press(&mut a, "n n");
    assert_eq!(a.search.current, Some(2));
    let m = a.search.matches[2];
    let row = a.layout.row_of_match(&a.doc, &a.index, m);
    assert!(
        (a.top..a.top + a.height).contains(&row),
        "the current match is on screen"
    );
    press(&mut a, "Esc");
    assert!(a.search.matches.is_empty());
}

#[test]
fn search_in_chinese_and_cancel_returns_to_the_start() {
    let mut a = app();
    press(&mut a, "} /");
    let before = a.top;
    type_text(&mut a, "云业务");
    assert!(a.search.matches.len() >= 3);
    press(&mut a, "Esc");
    assert_eq!(a.top, before);
    assert!(a.search.input.is_none() && a.search.matches.is_empty());
}

#[test]
fn the_analyst_picker_jumps_to_the_analysts_question() {
    let mut a = app();
    press(&mut a, "a");
    assert_eq!(a.overlay, Overlay::Analysts { selected: 0 });
    press(&mut a, "j j j k");
    assert_eq!(a.overlay, Overlay::Analysts { selected: 1 });
    press(&mut a, "Enter");
    assert_eq!(a.overlay, Overlay::None);
    assert_eq!(
        (top_turn(&a), a.top),
        (6, a.layout.turn_row(6)),
        "Q2, Eric Sheridan"
    );
}

#[test]
fn the_turn_list_moves_its_selection_and_jumps() {
    let mut a = app();
    press(&mut a, "Tab");
    assert_eq!(a.focus, Focus::List);
    press(&mut a, "j j j j j Enter");
    let e = &a.index.entries[a.list_sel];
    assert_eq!(top_turn(&a), e.turn);
    press(&mut a, "Tab");
    assert_eq!(a.focus, Focus::Reader);
    press(&mut a, "Tab G");
    assert_eq!(
        a.list_sel,
        a.index.entries.len() - 1,
        "G selects the last entry"
    );
    press(&mut a, "g");
    assert_eq!(a.list_sel, 0, "g the first");
}

#[test]
fn help_opens_with_question_mark_or_f1_and_closes_with_q_or_esc() {
    let mut a = app();
    press(&mut a, "?");
    assert!(matches!(a.overlay, Overlay::Help { .. }));
    press(&mut a, "q");
    assert_eq!(a.overlay, Overlay::None);
    assert!(!a.quit, "q closes the help, it does not quit");
    press(&mut a, "F1 Esc q");
    assert!(a.quit);
}

#[test]
fn resizing_and_view_changes_keep_the_reading_position() {
    let mut a = app();
    press(&mut a, "] ] j");
    let anchor = a.anchor();
    a.set_viewport(50, 20);
    assert_eq!(a.anchor().turn, anchor.turn);
    assert_eq!(a.anchor().block, anchor.block);
    press(&mut a, "l");
    assert_eq!(a.anchor().turn, anchor.turn);
    press(&mut a, "c s");
    assert_eq!(a.anchor().turn, anchor.turn);
}

#[test]
fn a_jump_costs_the_same_on_a_huge_call() {
    // Navigation is binary search on the row index: the answer does not depend on size.
    let mut small = app_for(call(), 160, 45);
    let mut big = app_for(repeated(200), 160, 45);
    press(&mut small, "] ] }");
    press(&mut big, "] ] }");
    assert_eq!(small.top, big.top);
    press(&mut big, "G");
    let end = big.top;
    press(&mut big, "[");
    let starts = big
        .index
        .question_starts
        .iter()
        .map(|&(t, _)| big.layout.turn_row(t));
    assert_eq!(Some(big.top), starts.filter(|&r| r < end).max());
}

#[test]
fn material_before_and_after_the_call_is_shown_and_can_be_skipped() {
    use tandem::app::layout::RowKind;
    use tandem::app::{Action, update};
    let mut t = call();
    t.front_matter = vec![
        "A news article about the call.".into(),
        "第二段：摘要。".into(),
    ];
    t.back_matter = vec!["Page footer".into()];
    let mut a = app_for(t, 160, 45);
    assert!(matches!(
        a.row(0).unwrap().kind,
        RowKind::MatterTitle { back: false }
    ));
    press(&mut a, "J");
    assert!(matches!(
        a.row(a.cursor).unwrap().kind,
        RowKind::Matter { para: 1, .. }
    ));
    press(&mut a, "J");
    assert_eq!(
        a.cursor,
        a.layout.call_start(),
        "the call itself starts next"
    );
    assert!(matches!(a.row(a.cursor).unwrap().kind, RowKind::Section(_)));
    update(&mut a, Action::JumpToEntry(0));
    assert_eq!(
        a.top, 0,
        "the first list entry is the material before the call"
    );
    update(&mut a, Action::JumpToEntry(2));
    assert_eq!(
        a.top,
        a.layout.call_start(),
        "the first turn's entry skips it"
    );
    let back = (0..a.layout.len())
        .position(|r| matches!(a.row(r).unwrap().kind, RowKind::MatterTitle { back: true }));
    let last_turn_start = a.layout.turn_row(a.doc.turns.len() - 1);
    assert!(
        back.is_some_and(|r| r > last_turn_start),
        "after the last turn"
    );
}

#[test]
fn ctrl_c_closes_what_is_open_and_quits_the_reader() {
    let mut a = app();
    press(&mut a, "} /");
    let before = a.top;
    type_text(&mut a, "云业务");
    press(&mut a, "Ctrl-c");
    assert!(a.search.input.is_none(), "the search is cancelled");
    assert_eq!(a.top, before);
    assert!(!a.quit);
    for open in ["?", "a", "B"] {
        press(&mut a, open);
        assert_ne!(a.overlay, Overlay::None, "{open} opens");
        press(&mut a, "Ctrl-c");
        assert_eq!(a.overlay, Overlay::None, "Ctrl-c closes what {open} opened");
        assert!(!a.quit);
    }
    press(&mut a, "m");
    assert!(a.marks.editor.is_some());
    type_text(&mut a, "draft");
    press(&mut a, "Ctrl-c");
    assert!(
        a.marks.editor.is_some(),
        "a typed note is kept: the first Ctrl-c warns, as Esc does"
    );
    press(&mut a, "Ctrl-c");
    assert!(
        a.marks.editor.is_none(),
        "the second cancels the edit, as with Esc"
    );
    assert!(!a.quit);
    press(&mut a, "m");
    type_text(&mut a, "kept");
    let ctrl_z = tandem::app::input::key_action(&a, ui_support::key("Ctrl-z"));
    assert_eq!(
        ctrl_z,
        Some(tandem::app::Action::Suspend),
        "also from the editor"
    );
    press(&mut a, "Esc Esc Tab Ctrl-c");
    assert!(a.quit, "from the turn list, Ctrl-c quits");
}

#[test]
fn the_status_line_counts_one_question_in_the_singular() {
    let mut t = ui_support::call();
    t.questions.truncate(1);
    let a = app_for(t, 160, 45);
    let pos = tandem::ui::status::position(&a);
    assert!(pos.ends_with(" · 1 question"), "{pos}");
    let b = app();
    assert!(tandem::ui::status::position(&b).ends_with(" questions"));
}
