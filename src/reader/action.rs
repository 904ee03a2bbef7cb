//! The one vocabulary of the reader: everything keys, the mouse and the background workers
//! can ask of the app.

use crate::domain::cast::Cast;
use crate::domain::connections::Relations;
use crate::reader::app::curation::{Curation, Edit};

/// How far a scroll goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Amount {
    Lines(i32),
    HalfPages(i32),
    Pages(i32),
}

/// What a remembered reading session restores.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Remembered {
    /// Byte offset of the text that was at the top of the pane.
    pub top: usize,
    /// The selected entity's name, if one was selected.
    pub entity: Option<String>,
    pub marks: Vec<(char, usize)>,
}

#[derive(Debug, Clone)]
pub enum Action {
    Quit,
    /// Scroll the document pane (or move a list cursor, when a list has focus).
    Scroll(Amount),
    Top,
    Bottom,
    /// Move keyboard focus between the document and the sidebar.
    FocusNext,
    ToggleSidebar,
    /// Select the entity under the sidebar cursor (or open the document under the cursor).
    Select,
    /// Next hit: a search hit after a search, else a mention of the selected entity.
    NextHit,
    PrevHit,
    /// Clear: close an overlay, leave the sidebar, end a search, clear the selection.
    Clear,
    ToggleHelp,
    ToggleDocuments,
    NextDocument,
    PrevDocument,
    /// Start a two-key command: `m` then a letter sets a mark, `'` then a letter jumps to it,
    /// `:` then `n` or `p` moves between documents.
    BeginMark,
    BeginJumpToMark,
    BeginColon,
    SetMark(char),
    JumpToMark(char),
    /// A digit of a count (`50%` goes half way).
    CountDigit(u8),
    /// Go to the count's percentage of the document.
    GoToPercent,
    /// Back to where the view was before the last jump.
    JumpBack,
    /// Open the search prompt.
    StartSearch,
    PromptInput(char),
    PromptBackspace,
    PromptSubmit,
    /// Abandon a two-key command or the prompt.
    Cancel,
    ToggleMouse,
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
    /// Background extraction of document `doc` has done this percentage.
    Progress {
        doc: usize,
        percent: u8,
    },
    /// Background extraction of document `doc` is done.
    CastReady {
        doc: usize,
        cast: Box<Cast>,
    },
    /// A change to the cast (see `app::curation`).
    Edit(Edit),
    /// Document `doc`'s corrections were read: the cast in `CastReady` already has them.
    CurationReady {
        doc: usize,
        curation: Box<Curation>,
    },
    /// Document `doc`'s content fingerprint (the key of its remembered session).
    Fingerprinted {
        doc: usize,
        print: String,
    },
    /// Where the reader left document `doc` last time.
    Resume {
        doc: usize,
        memory: Remembered,
    },
    /// Show or hide the connections of the selected entity (in the panel under the text).
    ToggleConnections,
    /// Show or hide every mention of the selected entity in context.
    ToggleContexts,
    /// Show or hide the cast of all open documents.
    ToggleCorpus,
    /// Pin the selected entity (or unpin it): pinned actors stay lit, each in its colour.
    TogglePin,
    ClearPins,
    /// The sentences and connections of document `doc` are counted (after its cast).
    RelationsReady {
        doc: usize,
        relations: Box<Relations>,
    },
}
