//! The one vocabulary of the reader: everything keys, the mouse and the background worker can
//! ask of the app.

use crate::domain::cast::Cast;

/// How far a scroll goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Amount {
    Lines(i32),
    HalfPages(i32),
    Pages(i32),
}

#[derive(Debug, Clone)]
pub enum Action {
    Quit,
    /// Scroll the document pane (or move the sidebar cursor, when the sidebar has focus).
    Scroll(Amount),
    Top,
    Bottom,
    /// Move keyboard focus between the document and the sidebar.
    FocusNext,
    ToggleSidebar,
    /// Select the entity under the sidebar cursor.
    Select,
    NextMention,
    PrevMention,
    /// Clear the selection (or close the help, or leave the sidebar).
    Clear,
    ToggleHelp,
    /// Suspend to the shell (Ctrl-Z); the terminal layer carries it out.
    Suspend,
    Resize {
        width: u16,
        height: u16,
    },
    MouseScroll {
        column: u16,
        row: u16,
        lines: i32,
    },
    MouseClick {
        column: u16,
        row: u16,
    },
    /// The background extraction has done this percentage.
    Progress(u8),
    /// The background extraction is done.
    CastReady(Box<Cast>),
}
