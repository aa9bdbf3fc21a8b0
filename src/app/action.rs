//! Every user intent the reader understands: keys and mouse events become these, and
//! [`update`](super::update::update) turns them into state changes.

use ratatui_textarea::Input;

/// A user intent, independent of the key or mouse event that expressed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Leave the reader.
    Quit,
    /// Hand the terminal back to the shell until it resumes the reader (Ctrl-z).
    Suspend,
    /// A digit of a count typed before a motion (`5j`, `7g`).
    Count(u8),
    /// Scroll down one screen line.
    LineDown,
    /// Scroll up one screen line.
    LineUp,
    /// Move the reading cursor to the next paragraph (or turn start), scrolling it into view.
    NextParagraph,
    /// Move the reading cursor to the previous paragraph (or turn start).
    PrevParagraph,
    /// Scroll by this many rows (mouse wheel); negative scrolls up.
    ScrollRows(i32),
    /// Scroll down half a page.
    HalfPageDown,
    /// Scroll up half a page.
    HalfPageUp,
    /// Scroll down a full page.
    PageDown,
    /// Scroll up a full page.
    PageUp,
    /// Go to the start of the call.
    Top,
    /// Go to the end of the call.
    Bottom,
    /// Bring the next question (operator's introduction or the question) to the top.
    NextQuestion,
    /// Bring the previous question to the top (the current one's start when inside it).
    PrevQuestion,
    /// Bring the next speaker turn to the top.
    NextTurn,
    /// Bring the previous speaker turn to the top (the current one's start when inside it).
    PrevTurn,
    /// Bring the next turn of the speaker under the cursor to the top.
    NextBySpeaker,
    /// Bring the previous turn of the speaker under the cursor to the top.
    PrevBySpeaker,
    /// Go back to where the last jump left from (also into the call read before).
    JumpBack,
    /// Go forward again in the jump list.
    JumpForward,
    /// Open the call overview: title, date, files, participants, counts, figures.
    OpenOverview,
    /// Open the list of every figure pair, mismatches first.
    OpenFigureList,
    /// Move the selection of the overview or the figure list by this many lines.
    SheetMove(i32),
    /// Select the first (false) or last (true) line of the overview or the figure list.
    SheetEnd(bool),
    /// Jump to what the selected line of the overview or the figure list names.
    SheetJump,
    /// Show or hide the turn list.
    ToggleTurnList,
    /// Show or hide bookmark notes under their paragraphs.
    ToggleMarkNotes,
    /// Move the keyboard focus between the turn list and the reading pane.
    ToggleFocus,
    /// Move the turn-list selection by this many entries.
    ListMove(i32),
    /// Select the first (false) or last (true) entry of the turn list.
    ListEnd(bool),
    /// Jump to the turn-list entry that is selected.
    ListJump,
    /// Jump to this turn-list entry (a mouse click).
    JumpToEntry(usize),
    /// Open the analyst picker.
    OpenAnalysts,
    /// Move the picker selection by this many analysts.
    PickerMove(i32),
    /// Jump to the selected analyst's first question and close the picker.
    PickerJump,
    /// Open the help overlay.
    OpenHelp,
    /// Scroll the help overlay by this many rows.
    HelpScroll(i32),
    /// Close the open overlay (help or picker).
    CloseOverlay,
    /// Open the search input.
    StartSearch,
    /// A key typed into the search input.
    SearchEdit(Input),
    /// Text pasted into the search input.
    SearchPaste(String),
    /// Close the search input, keeping the matches highlighted.
    SearchConfirm,
    /// Close the search input and return to where the search started.
    SearchCancel,
    /// Go to the next search match (wrapping).
    SearchNext,
    /// Go to the previous search match (wrapping).
    SearchPrev,
    /// Forget the search and its highlights.
    ClearSearch,
    /// Show both languages, then English only, then Chinese only.
    CycleLanguage,
    /// Switch between side-by-side and stacked (English above Chinese).
    ToggleStacked,
    /// Show or hide commentators' notes.
    ToggleNotes,
    /// Show the Chinese as written, in Simplified, then in Traditional characters.
    CycleScript,
    /// Copy the paragraph at the reading position (speaker, English, Chinese) to the clipboard.
    CopyParagraph,
    /// Highlight the figures (pairs in one colour, mismatches in a warning style) or not.
    ToggleFigures,
    /// Go to the next figure the translation gets wrong (wrapping).
    NextMismatch,
    /// Go to the previous figure the translation gets wrong (wrapping).
    PrevMismatch,
    /// Bookmark the paragraph at the reading position, or remove its bookmark.
    ToggleBookmark,
    /// Open the note editor on the paragraph at the reading position (bookmarking it on save).
    EditNote,
    /// Open the bookmarks panel.
    OpenBookmarks,
    /// Move the panel selection by this many bookmarks.
    PanelMove(i32),
    /// Jump to the selected bookmark (opening its call if it is another) and close the panel.
    PanelJump,
    /// Open the note editor on the selected bookmark.
    PanelNote,
    /// Delete the selected bookmark.
    PanelDelete,
    /// Bring back the last deleted bookmark.
    PanelUndo,
    /// Export all bookmarks to a Markdown file.
    PanelExport,
    /// A key typed into the note editor.
    NoteEdit(Input),
    /// Text pasted into the note editor.
    NotePaste(String),
    /// Save the note (and the bookmark) and close the editor.
    NoteSave,
    /// Close the note editor without saving.
    NoteCancel,
}
