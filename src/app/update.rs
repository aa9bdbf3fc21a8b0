//! `update`: the one place where actions change the state. No terminal here.

use ratatui_textarea::TextArea;

use crate::app::layout::LangView;

use super::action::Action;
use super::search;
use super::state::{App, Arrangement, Focus, Nearby, Overlay};

/// The most times a count repeats a motion.
const MAX_COUNT: u32 = 99_999;

/// Applies `action` to `app`: a count typed before it repeats a motion (`5j`), or names a
/// question (`7g`); a jump is recorded in the jump list.
pub fn update(app: &mut App, action: Action) {
    if let Action::Count(d) = action {
        let n = app.count.unwrap_or(0).saturating_mul(10) + u32::from(d);
        app.count = (n > 0).then_some(n.min(MAX_COUNT));
        return;
    }
    app.status = None;
    let count = app.count.take();
    let from = is_jump(&action).then(|| app.place());
    match (count, &action) {
        (Some(n), Action::Top | Action::Bottom) => {
            if !app.goto_question(n as usize) {
                app.say(match app.doc.questions.len() {
                    0 => "This call has no numbered questions".to_string(),
                    q => format!("No question {n}: this call has {q}"),
                });
            }
        }
        _ => {
            let times = if repeats(&action) {
                count.unwrap_or(1)
            } else {
                1
            };
            for _ in 0..times {
                let before = (app.top, app.cursor, app.list_sel, app.overlay);
                apply(app, action.clone());
                if before == (app.top, app.cursor, app.list_sel, app.overlay) {
                    break;
                }
            }
        }
    }
    if let Some(from) = from {
        app.record_jump(from);
    }
    app.settle();
}

/// True for the motions a count repeats.
fn repeats(action: &Action) -> bool {
    use Action::*;
    matches!(
        action,
        LineDown
            | LineUp
            | NextParagraph
            | PrevParagraph
            | HalfPageDown
            | HalfPageUp
            | PageDown
            | PageUp
            | NextQuestion
            | PrevQuestion
            | NextTurn
            | PrevTurn
            | NextBySpeaker
            | PrevBySpeaker
            | SearchNext
            | SearchPrev
            | NextMismatch
            | PrevMismatch
            | ListMove(_)
            | PickerMove(_)
            | SheetMove(_)
            | PanelMove(_)
    )
}

/// True for the actions that jump (what `Ctrl-o` comes back from).
fn is_jump(action: &Action) -> bool {
    use Action::*;
    matches!(
        action,
        NextQuestion
            | PrevQuestion
            | NextTurn
            | PrevTurn
            | NextBySpeaker
            | PrevBySpeaker
            | Top
            | Bottom
            | ListJump
            | JumpToEntry(_)
            | PickerJump
            | SearchNext
            | SearchPrev
            | NextMismatch
            | PrevMismatch
            | PanelJump
            | SheetJump
    )
}

/// Applies one action.
fn apply(app: &mut App, action: Action) {
    match action {
        Action::Quit => super::marks_io::quit(app),
        Action::Suspend => app.suspend = true,
        Action::Count(_) => {}
        Action::LineDown => app.scroll(1),
        Action::LineUp => app.scroll(-1),
        Action::NextParagraph => {
            if !app.next_paragraph() {
                app.say("This is the last paragraph");
            }
        }
        Action::PrevParagraph => {
            if !app.prev_paragraph() {
                app.say("This is the first paragraph");
            }
        }
        Action::ScrollRows(n) => app.scroll(n as isize),
        Action::HalfPageDown => app.scroll((app.height / 2).max(1) as isize),
        Action::HalfPageUp => app.scroll(-((app.height / 2).max(1) as isize)),
        Action::PageDown => app.scroll(page(app) as isize),
        Action::PageUp => app.scroll(-(page(app) as isize)),
        Action::Top => app.go_top(),
        Action::Bottom => app.go_bottom(),
        Action::NextBySpeaker | Action::PrevBySpeaker => {
            let forward = action == Action::NextBySpeaker;
            if !app.turn_by_same_speaker(forward) {
                let t = &app.doc;
                let name = t
                    .turns
                    .get(app.current_turn())
                    .map_or("", |turn| t.speaker_of(turn).name.as_str());
                app.say(if forward {
                    format!("{name} does not speak again")
                } else {
                    format!("{name} did not speak before")
                });
            }
        }
        Action::JumpBack => app.jump_back(),
        Action::JumpForward => app.jump_forward(),
        Action::OpenOverview => app.open_overview(),
        Action::OpenFigureList => app.open_figure_list(),
        Action::SheetMove(n) => app.sheet_move(n, None),
        Action::SheetEnd(last) => app.sheet_move(0, Some(last)),
        Action::SheetJump => app.sheet_jump(),
        Action::ToggleTurnList => {
            app.view.turn_list = !app.view.turn_list;
            app.say(if app.view.turn_list {
                "Turn list shown"
            } else {
                "Turn list hidden"
            });
        }
        Action::ToggleMarkNotes => {
            app.view.mark_notes = !app.view.mark_notes;
            app.apply_view();
            let n = app.mark_notes().len();
            app.say(match (app.view.mark_notes, n) {
                (false, _) => "Bookmark notes hidden".to_string(),
                (true, 0) => "No bookmark in this call has a note".to_string(),
                (true, n) => format!("{n} bookmark notes shown under their paragraphs"),
            });
        }
        Action::NextQuestion => {
            if !app.next_question() {
                app.say(no_more(app, "later question"));
            }
        }
        Action::PrevQuestion => {
            if !app.prev_question() {
                app.say(no_more(app, "earlier question"));
            }
        }
        Action::NextTurn => {
            if !app.next_turn() {
                app.say("This is the last turn");
            }
        }
        Action::PrevTurn => {
            if !app.prev_turn() {
                app.say("This is the first turn");
            }
        }
        Action::ToggleFocus => toggle_focus(app),
        Action::ListMove(n) => move_list(app, n),
        Action::ListEnd(last) => {
            app.list_sel = if last {
                app.index.entries.len().saturating_sub(1)
            } else {
                0
            }
        }
        Action::ListJump => app.jump_to_entry(app.list_sel),
        Action::JumpToEntry(i) => {
            app.jump_to_entry(i);
            app.list_sel = i;
        }
        Action::OpenAnalysts => open_analysts(app),
        Action::PickerMove(n) => move_picker(app, n),
        Action::PickerJump => picker_jump(app),
        Action::OpenHelp => app.overlay = Overlay::Help { scroll: 0 },
        Action::HelpScroll(n) => {
            if let Overlay::Help { scroll } = &mut app.overlay {
                *scroll = scroll.saturating_add_signed(n as i16);
            }
        }
        Action::CloseOverlay => app.overlay = Overlay::None,
        Action::ToggleFigures => app.toggle_figures(),
        Action::NextMismatch => app.goto_mismatch(true),
        Action::PrevMismatch => app.goto_mismatch(false),
        Action::ToggleBookmark
        | Action::EditNote
        | Action::OpenBookmarks
        | Action::PanelMove(_)
        | Action::PanelJump
        | Action::PanelNote
        | Action::PanelDelete
        | Action::PanelUndo
        | Action::PanelExport
        | Action::NoteEdit(_)
        | Action::NotePaste(_)
        | Action::NoteSave
        | Action::NoteCancel => {
            super::marks_update::apply(app, action);
            if app.view.mark_notes {
                app.apply_view();
            }
        }
        other => search_or_view(app, other),
    }
}

/// The search and view actions.
fn search_or_view(app: &mut App, action: Action) {
    match action {
        Action::StartSearch => start_search(app),
        Action::SearchEdit(input) => {
            if let Some(ta) = app.search.input.as_mut() {
                // `Ctrl-u` clears what is before the cursor, as at a shell's prompt (the
                // editor's own binding is undo).
                let changed = if input.ctrl && input.key == ratatui_textarea::Key::Char('u') {
                    ta.delete_line_by_head()
                } else {
                    ta.input(input)
                };
                if changed {
                    refresh_search(app);
                }
            }
        }
        Action::SearchPaste(text) => {
            if let Some(ta) = app.search.input.as_mut() {
                ta.insert_str(text.replace(['\n', '\r'], " "));
                refresh_search(app);
            }
        }
        Action::SearchConfirm => confirm_search(app),
        Action::SearchCancel => {
            app.search.input = None;
            if let Some(from) = app.search.from.take() {
                app.put_at(&from);
            }
            clear_search(app);
        }
        Action::SearchNext => step_match(app, true),
        Action::SearchPrev => step_match(app, false),
        Action::ClearSearch => clear_search(app),
        Action::CycleLanguage => cycle_language(app),
        Action::ToggleStacked => toggle_stacked(app),
        Action::CycleScript => {
            // Matches stay: search compares in one script whatever is shown, and conversion
            // keeps every character where it was.
            app.prefs.script = crate::script::next(app.prefs.script);
            app.say(crate::script::label(app.prefs.script));
        }
        Action::CopyParagraph => copy_paragraph(app),
        Action::ToggleNotes => {
            app.view.notes = !app.view.notes;
            app.apply_view();
            rescope_search(app);
            let n = app.index.notes;
            app.say(if app.view.notes {
                format!("{n} notes shown")
            } else {
                format!("{n} notes hidden")
            });
        }
        _ => {}
    }
}

/// A full page, less one row kept for context.
fn page(app: &App) -> usize {
    app.height.saturating_sub(1).max(1)
}

/// The message when there is no further question.
fn no_more(app: &App, what: &str) -> String {
    if app.doc.questions.is_empty() {
        "This call has no numbered questions".into()
    } else {
        format!("No {what}")
    }
}

/// Switches focus; the list selection starts at the entry on screen.
fn toggle_focus(app: &mut App) {
    app.focus = match app.focus {
        Focus::Reader => {
            app.list_sel = app.current_entry();
            Focus::List
        }
        Focus::List => Focus::Reader,
    };
}

/// Moves the turn-list selection by `n` entries.
fn move_list(app: &mut App, n: i32) {
    let last = app.index.entries.len().saturating_sub(1);
    app.list_sel = app.list_sel.saturating_add_signed(n as isize).min(last);
}

/// Opens the analyst picker on the analyst being read, if any.
fn open_analysts(app: &mut App) {
    if app.index.analysts.is_empty() {
        app.say("No analysts found in this call");
        return;
    }
    let current = app
        .current_question()
        .and_then(|n| app.doc.questions.iter().find(|q| q.number == n))
        .and_then(|q| {
            app.index
                .analysts
                .iter()
                .position(|a| a.speaker == q.analyst)
        });
    app.overlay = Overlay::Analysts {
        selected: current.unwrap_or(0),
    };
}

/// Moves the picker selection by `n`.
fn move_picker(app: &mut App, n: i32) {
    let last = app.index.analysts.len().saturating_sub(1);
    if let Overlay::Analysts { selected } = &mut app.overlay {
        *selected = selected.saturating_add_signed(n as isize).min(last);
    }
}

/// Jumps to the picked analyst's first question.
fn picker_jump(app: &mut App) {
    let Overlay::Analysts { selected } = app.overlay else {
        return;
    };
    app.overlay = Overlay::None;
    let Some(&q) = app
        .index
        .analysts
        .get(selected)
        .and_then(|a| a.questions.first())
    else {
        return;
    };
    if let Some(&(turn, _)) = app.index.question_starts.iter().find(|&&(_, qi)| qi == q) {
        app.jump_to_row(app.layout.turn_row(turn));
    }
}

/// Opens an empty search input.
fn start_search(app: &mut App) {
    let mut ta = TextArea::default();
    ta.set_placeholder_text("English or 中文");
    app.search.input = Some(ta);
    app.search.from = Some(app.place());
    app.search.query.clear();
    app.search.matches.clear();
    app.search.current = None;
    app.search.partial = false;
}

/// Searches for what the input holds and shows the first match from where the search began.
/// In a long call, when finding every match would take a while, the first one is found and
/// shown with those on the screen; the rest are found at a pause in typing.
fn refresh_search(app: &mut App) {
    let Some(ta) = app.search.input.as_ref() else {
        return;
    };
    app.search.query = ta.lines().concat();
    app.search.current = None;
    if let Some(from) = app.search.from.clone() {
        app.put_at(&from);
    }
    let from = top_place(app);
    match app.find_nearby(from) {
        Nearby::All if !app.search.matches.is_empty() => {
            let i = app.search.matches.partition_point(|m| m.place < from);
            show_match(app, i % app.search.matches.len());
        }
        Nearby::All => {}
        Nearby::First(m) => {
            show_match(app, 0);
            let top = top_place(app).min(m.place);
            let bottom = app
                .layout
                .place_of_row(&app.doc, &app.index, app.top + app.height);
            app.find_between((top, bottom.max(m.place)), m);
        }
    }
}

/// Recomputes matches after the view changed what is searchable.
fn rescope_search(app: &mut App) {
    if !app.search.query.is_empty() {
        app.find_all();
        app.search.current = None;
    }
}

/// Closes the input, keeping the matches; a match shown is a jump from where the search
/// began.
fn confirm_search(app: &mut App) {
    app.search.input = None;
    app.complete_search();
    if let Some(from) = app.search.from.take() {
        app.record_jump(from);
    }
    if app.search.query.is_empty() {
        return;
    }
    if app.search.matches.is_empty() {
        app.say(format!("No match for “{}”", app.search.query));
    }
}

/// Forgets the search.
fn clear_search(app: &mut App) {
    app.search.query.clear();
    app.search.matches.clear();
    app.search.current = None;
    app.search.partial = false;
}

/// `y`: the paragraph at the reading position, with its speaker, for the clipboard.
fn copy_paragraph(app: &mut App) {
    let Some((turn, block)) = app.paragraph_here() else {
        app.say("No paragraph here to copy");
        return;
    };
    let t = &app.doc;
    let sp = t.speaker_of(&t.turns[turn]);
    let who = [
        Some(sp.name.as_str()),
        sp.role.as_deref(),
        sp.firm.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ");
    let call = [
        t.title.as_ref().or(t.company.as_ref()),
        t.period.as_ref(),
        t.date.as_ref(),
    ]
    .into_iter()
    .flatten()
    .fold(Vec::<&str>::new(), |mut parts, p| {
        if !parts.iter().any(|q| q.contains(p.as_str())) {
            parts.push(p);
        }
        parts
    })
    .join(" · ");
    let mut text = String::new();
    if !call.is_empty() {
        text.push_str(&crate::script::to_script(&call, app.prefs.script));
        text.push('\n');
    }
    text.push_str(&crate::script::to_script(&who, app.prefs.script));
    if let crate::transcript::Block::Para { en, zh } = &t.turns[turn].blocks[block] {
        if let Some(e) = en {
            text.push('\n');
            text.push_str(e);
        }
        if let Some(z) = zh {
            text.push('\n');
            text.push_str(&crate::script::to_script(z, app.prefs.script));
        }
    }
    app.clipboard = Some(text);
    app.say("Copied the paragraph to the clipboard (OSC 52)");
}

/// Where the top row is, as search places go.
fn top_place(app: &App) -> search::Place {
    app.layout.place_of_row(&app.doc, &app.index, app.top)
}

/// Goes to the next (or previous) match, wrapping around the ends.
fn step_match(app: &mut App, forward: bool) {
    app.complete_search();
    let n = app.search.matches.len();
    if n == 0 {
        let msg = if app.search.query.is_empty() {
            let key = app
                .prefs
                .keys
                .keys_of(super::keymap::Context::Reader, &Action::StartSearch);
            match key.split(' ').next().filter(|k| !k.is_empty()) {
                Some(k) => format!("No search: press {k} to search"),
                None => "No search".to_string(),
            }
        } else {
            format!("No match for “{}”", app.search.query)
        };
        app.say(msg);
        return;
    }
    // Without a current match, the step starts from the reading position: `after` is the
    // first match at or below it.
    let after = app
        .search
        .matches
        .partition_point(|m| m.place < top_place(app));
    let (next, wrapped) = match (app.search.current, forward) {
        (None, true) => (after % n, after == n),
        (None, false) => match after.checked_sub(1) {
            Some(i) => (i, false),
            None => (n - 1, true),
        },
        (Some(c), true) => ((c + 1) % n, c + 1 == n),
        (Some(c), false) => ((c + n - 1) % n, c == 0),
    };
    if wrapped {
        app.say(if forward {
            "Search wrapped to the start"
        } else {
            "Search wrapped to the end"
        });
    }
    show_match(app, next);
}

/// Makes match `i` current and scrolls it into view, near the top.
fn show_match(app: &mut App, i: usize) {
    app.search.current = Some(i);
    let m = app.search.matches[i];
    // Going there first lays out the rows around it, so that the rows counted back from
    // the match are real ones.
    app.jump_to_row(app.layout.row_of_match(&app.doc, &app.index, m));
    let row = app.layout.row_of_match(&app.doc, &app.index, m);
    let turn_start = app
        .layout
        .turn_row(app.row(row).map_or(0, |r| r.turn as usize));
    app.jump_to_row(row.saturating_sub(2).max(turn_start.min(row)));
    app.set_cursor(row);
}

/// Both languages, then English, then Chinese.
fn cycle_language(app: &mut App) {
    if !app.index.bilingual {
        app.say("This call is in one language");
        return;
    }
    app.view.lang = match app.view.lang {
        LangView::Both => LangView::En,
        LangView::En => LangView::Zh,
        LangView::Zh => LangView::Both,
    };
    app.apply_view();
    rescope_search(app);
    app.say(match app.view.lang {
        LangView::Both => "Both languages",
        LangView::En => "English only",
        LangView::Zh => "Chinese only",
    });
}

/// Side by side ⇄ stacked.
fn toggle_stacked(app: &mut App) {
    app.view.arrangement = if app.layout.side {
        Arrangement::Stacked
    } else {
        Arrangement::SideBySide
    };
    app.apply_view();
    let msg = match (
        app.layout.side,
        app.index.bilingual && app.view.lang == LangView::Both,
    ) {
        (true, _) => "Side by side",
        (false, true) => "Stacked: English above Chinese",
        (false, false) => "Stacked (side by side needs both languages shown)",
    };
    app.say(msg);
}
