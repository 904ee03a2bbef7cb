//! The one vocabulary of the reader: everything keys, the mouse and the background workers
//! can ask of the app, and the modes that decide what a key asks for. Below the app and the
//! keymap, so both speak it without importing each other.

use crate::domain::cast::Cast;
use crate::domain::connections::Relations;
use crate::domain::corrections::History;
use crate::domain::curation::Curation;
use crate::domain::document::Document;
use crate::domain::entity::Kind;
use crate::domain::search::Query;
use crate::store::sessions::Remembered;

/// How far a scroll goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Amount {
    Lines(i32),
    HalfPages(i32),
    Pages(i32),
}

#[derive(Debug, Clone)]
pub enum Action {
    /// Quit from wherever the reader is (Ctrl-C, `:q`).
    Quit,
    /// `q`: close the panel under the text if one is open, else quit (as in tig and lazygit,
    /// `q` leaves the view it is in; the help and the document list close on it too).
    CloseOrQuit,
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
    /// Open or close the list of the shelf's documents.
    ToggleShelf,
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
    /// `↑` (true) or `↓` in the search prompt: an earlier or later search.
    PromptHistory(bool),
    PromptSubmit,
    /// Abandon a two-key command or the prompt.
    Cancel,
    ToggleMouse,
    /// Suspend to the shell (Ctrl-Z); the terminal layer carries it out.
    Suspend,
    /// Count the submitted search's hits: asked for by `update` itself, after the frame that
    /// shows the first hit (counting is a pass over the whole text).
    CountSearchHits,
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
    /// A change to the cast (see `app::edit`).
    Edit(Edit),
    /// Show or hide the connections of the selected entity (in the panel under the text).
    ToggleConnections,
    /// Show or hide every mention of the selected entity in context.
    ToggleContexts,
    /// Show or hide the cast of all open documents.
    ToggleCorpus,
    /// Show what the selection said; again, every quotation, then those with no speaker,
    /// then hide the list.
    ToggleQuotes,
    /// Pin the selected entity (or unpin it): pinned actors stay lit, each in its colour.
    TogglePin,
    ClearPins,
    /// Copy the current sentence, the name under the cursor or the list's row (`y`).
    Copy,
    /// Show only the sentences that mention the selection (`&`, as in less), or all again.
    ToggleOnly,
    /// Open the document in `$VISUAL`/`$EDITOR` at the current line (`v`, as in less).
    OpenEditor,
    /// Light every mention (names, descriptions, pronouns) or names only.
    ToggleScope,
    /// News from the background work.
    Work(Work),
}

/// News from the background work (extraction, corrections, fingerprints), apart from what
/// the reader asks for: it never clears a note or a count being typed.
#[derive(Debug, Clone)]
pub enum Work {
    /// Extraction of document `doc` has done this percentage.
    Progress { doc: usize, percent: u8 },
    /// The named entities of document `doc` are found (a large one): its cast as far as the
    /// names tell, shown while their pronouns, descriptions and quotations are still being
    /// found. `CastReady` follows with the whole cast.
    NamesReady { doc: usize, cast: Box<Cast> },
    /// The cast of the names read so far in document `doc` (a very large one), `percent` of
    /// it read: shown while the rest is read (`Progress` goes on), `NamesReady` follows.
    NamesSoFar {
        doc: usize,
        cast: Box<Cast>,
        percent: u8,
    },
    /// Extraction of document `doc` is done.
    CastReady { doc: usize, cast: Box<Cast> },
    /// Document `doc`'s corrections were read: the cast in `CastReady` already has them.
    CurationReady {
        doc: usize,
        curation: Box<Curation>,
        /// Why the saved corrections could not be read, if they could not.
        error: Option<String>,
    },
    /// Document `doc`'s content fingerprint (the key of its remembered session).
    Fingerprinted { doc: usize, fingerprint: String },
    /// Where the reader left document `doc` last time.
    Resume { doc: usize, memory: Remembered },
    /// The sentences and connections of document `doc` are counted (after its cast).
    RelationsReady {
        doc: usize,
        relations: Box<Relations>,
    },
    /// The extraction thread died (a panic): the reader goes on without a cast.
    Failed,
    /// Corrections could not be saved: why.
    NotSaved(String),
    /// The hits of the search `text` in document `doc`, counted on a worker: `(index of the
    /// hit at `hit`, all hits)`.
    HitsCounted {
        doc: usize,
        text: String,
        hit: usize,
        count: (usize, usize),
    },
    /// The editor `v` opened has exited; why it failed, if it did.
    Edited { error: Option<String> },
}

/// What `update` asks of the terminal layer, which carries it out: the app itself does no I/O
/// and never touches the terminal.
#[derive(Debug, Clone)]
pub enum Effect {
    Quit,
    /// Give the terminal back and stop (Ctrl-Z); on return the terminal layer sends a Resize.
    Suspend,
    /// Capture the mouse, or leave it to the terminal.
    SetMouse(bool),
    /// Save document `doc`'s corrections (to its sidecar, which the store keeps).
    SaveCorrections {
        doc: usize,
        history: History,
    },
    /// Update with this action once the screen shows what the last keys asked for.
    AfterFrame(Action),
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
    /// Count the hits of `query` in document `doc` on a worker, the one at `hit` placed among
    /// them, and report `Work::HitsCounted`: a count asked for while typing, which no key waits
    /// for (a newer one ends it).
    CountHits {
        doc: usize,
        document: Document,
        text: String,
        query: Query,
        hit: usize,
    },
    /// Open `file` in the user's editor at `line` (`v`), give it the terminal until it exits,
    /// then redraw; the terminal layer sends a Resize and `Work::Edited` on return.
    Edit {
        file: std::path::PathBuf,
        line: usize,
    },
}

/// Which keys the app is listening with now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Reader,
    Help,
    /// The list of the shelf's documents is open.
    Shelf,
    /// Typing a search.
    Prompt,
    Pending(Pending),
}

/// The first key of a two-key command, waiting for the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pending {
    Mark,
    JumpToMark,
    Colon,
    /// `t`: a kind letter for the selected entity.
    Kind,
    /// `A`: a kind letter for a new entity from the search hit.
    NewEntity,
}

/// A change to the cast, as keys ask for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// Open the prompt to rename the selected entity.
    Rename,
    /// `t` then a letter: the kind of the selected entity.
    BeginSetKind,
    SetKind(Kind),
    Hide,
    /// The entity under the cast cursor becomes part of the selected one.
    MergeIntoSelection,
    /// The alias of the current mention becomes an entity of its own; a current pronoun or
    /// description (a link the extractor inferred) is detached from the entity instead.
    SplitOrDetach,
    /// The current search hit becomes a mention of the selected entity (a pronoun or a
    /// description if it is written as one).
    AddHit,
    /// `A` then a kind letter: the current search hit becomes a new entity.
    BeginNewEntity,
    /// The quotation under the list's cursor (or the current one) was said by the selection;
    /// if it already was, or nothing is selected, by nobody.
    Speaker,
    NewEntity(Kind),
    Undo,
    Redo,
}

/// The kind a letter stands for after `t` or `A`.
pub fn kind_for_letter(c: char) -> Option<Kind> {
    Some(match c {
        'p' => Kind::Person,
        'o' => Kind::Organization,
        'c' => Kind::Country,
        'g' => Kind::Group,
        'l' => Kind::Place,
        'd' => Kind::Date,
        'n' => Kind::Number,
        'x' => Kind::Other,
        _ => return None,
    })
}
