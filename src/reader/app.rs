//! Reader state and `update(Action)`: everything the reader does, with no terminal in sight.
//! `update` (update.rs) is the only way the state changes; it returns the effects the terminal
//! layer carries out. The ui renders from `&App`; tests drive it with Actions.
//!
//! The state is split by job: the open documents (`shelf`), the view of the shown one
//! (`view`, `geometry`), the cast and selection (`selection`, `sidebar`), search
//! (`text_search`), marks, jumps and documents (`navigation`), corrections (`edit`), the panel
//! under the text (`panels`, `corpus`, `quotes`), pins (`pins`), every mention or names only
//! (`scope`), the mouse (`mouse`) and the help's scrolling (`help`).

mod copy;
pub mod corpus;
mod edit;
mod editor;
pub mod geometry;
mod help;
pub mod list_filter;
mod mouse;
mod navigation;
pub mod only;
pub mod panels;
mod pins;
pub mod quotes;
mod recast;
mod scope;
mod search_history;
#[cfg(test)]
pub(crate) use scope::fixture as linked_fixture;
mod selection;
pub mod shelf;
pub mod sidebar;
mod text_search;
mod update;
mod view;

use std::ops::Range;

use crate::domain::cast::Cast;
use crate::domain::document::Document;
use crate::domain::entity::{Entity, Mention};
use crate::domain::filter::Filter;
use crate::domain::layout::{RowPos, TextLayout};
use crate::domain::lit::Scope;
use crate::domain::search::Query;
use crate::domain::wrap::RowSpan;
use crate::reader::action::{Action, Amount, Effect, Mode, Pending, Work};
use geometry::Geometry;
pub use help::HelpShape;
use shelf::{Reading, Shelf};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Document,
    Sidebar,
    /// The connections, contexts or cross-document panel under the text.
    Panel,
}

/// Reader settings from the command line and the config file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// The widest text line, in columns; wider panes centre the text.
    pub measure: u16,
    /// Capture the mouse (wheel, clicks) at start.
    pub mouse: bool,
    /// Whether `y` may put text on the clipboard (through the terminal, OSC 52).
    pub clipboard: bool,
    /// Which mentions are lit at start: every one, or names only (`e` switches).
    pub scope: Scope,
    /// The help's height, measured from the keymap (how far the help scrolls).
    pub help: HelpShape,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            measure: 90,
            mouse: true,
            clipboard: true,
            scope: Scope::Every,
            help: HelpShape::default(),
        }
    }
}

/// A panel drawn over the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help,
    /// The list of the shelf's documents.
    Shelf,
}

/// What the prompt's text is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PromptPurpose {
    #[default]
    Search,
    /// A new name for this entity (by index in the cast).
    Rename(usize),
    /// Words that filter a list as they are typed.
    Filter(list_filter::FilterTarget),
}

/// What `n` and `N` step through: whichever the reader asked for last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Follow {
    Mentions,
    Search,
    /// The quotations of the list a quotation was entered from.
    Quotes,
}

/// An active search.
#[derive(Debug, Clone)]
pub struct SearchState {
    pub text: String,
    pub query: Query,
    /// The current hit.
    pub hit: Option<Range<usize>>,
    /// `(index, total)` of the current hit, when counted.
    pub count: Option<(usize, usize)>,
    /// Where the view was when the prompt opened: typing searches from here.
    origin: usize,
}

/// The reader: the shelf of open documents, which one is shown and how, and what the reader
/// is doing (focus, overlays, prompt, search, panels). Changed only by [`App::update`].
pub struct App {
    /// Every open document, each with its own reading state; one is shown.
    pub shelf: Shelf,
    pub overlay: Overlay,
    /// Rows of the help scrolled off the top.
    pub help_scroll: u16,
    /// Cursor in the document list (a document's index in the shelf).
    pub shelf_cursor: usize,
    /// The documents the list shows (those its filter keeps), in shelf order.
    pub shelf_rows: Vec<usize>,
    pub shelf_filter: Option<Filter>,
    pub pending: Option<Pending>,
    /// A count being typed (digits before `%`).
    pub count: Option<u32>,
    /// The search being typed.
    pub prompt: Option<String>,
    pub prompt_purpose: PromptPurpose,
    pub search: Option<SearchState>,
    /// The searches submitted, for `↑` in the prompt.
    pub history: search_history::SearchHistory,
    pub follow: Follow,
    /// Whether the reader has the mouse (else the terminal selects text).
    pub mouse: bool,
    /// Which mentions are lit and walked: every one, or names and demonyms only.
    scope: Scope,
    pub geometry: Geometry,
    pub focus: Focus,
    /// Index into the shown reading's sidebar rows (always an entity row when there is one).
    pub cursor: usize,
    /// First sidebar row shown.
    pub sidebar_scroll: usize,
    /// A one-off note for the status line, cleared by the next key.
    pub message: Option<String>,
    /// A few words said beside the counter of mentions or hits (`n` went round the end,
    /// focus moved to the text), cleared by the next key.
    pub aside: Vec<&'static str>,
    /// The rows on screen, top to bottom.
    pub view: Vec<(RowPos, RowSpan)>,
    /// The panel under the text: connections, contexts, the cross-document cast.
    pub panels: panels::Panels,
    /// `&`: only the sentences that mention one entity are shown.
    pub only: Option<only::Only>,
    pins: pins::Pins,
    /// The shown document laid out for the text width (laid out afresh when another is shown).
    layout: TextLayout,
    /// The row at the top of the pane.
    top: RowPos,
    size: (u16, u16),
    sidebar_wanted: Option<bool>,
    options: Options,
    /// What the last update asks of the terminal layer (see [`App::update`]).
    effects: Vec<Effect>,
}

impl App {
    /// A reader over `docs` (at least one), showing the first.
    pub fn new(docs: Vec<Document>, options: Options) -> App {
        let shelf = Shelf::new(docs);
        let shelf_rows = (0..shelf.len()).collect();
        let mut layout = TextLayout::new(80);
        let top = layout.first(&shelf.shown().doc);
        App {
            shelf,
            overlay: Overlay::None,
            help_scroll: 0,
            shelf_cursor: 0,
            shelf_rows,
            shelf_filter: None,
            pending: None,
            count: None,
            prompt: None,
            prompt_purpose: PromptPurpose::Search,
            search: None,
            history: search_history::SearchHistory::default(),
            follow: Follow::Mentions,
            mouse: options.mouse,
            scope: options.scope,
            geometry: Geometry::default(),
            focus: Focus::Document,
            cursor: 0,
            sidebar_scroll: 0,
            message: None,
            aside: Vec::new(),
            view: Vec::new(),
            panels: panels::Panels::default(),
            only: None,
            pins: pins::Pins::default(),
            layout,
            top,
            size: (0, 0),
            sidebar_wanted: None,
            options,
            effects: Vec::new(),
        }
    }

    /// Says which documents were read from files (`None` for standard input and the built-in
    /// article), in the order given to [`App::new`].
    pub fn with_files(mut self, files: Vec<Option<std::path::PathBuf>>) -> App {
        for (i, file) in files.into_iter().enumerate() {
            if let Some(r) = self.shelf.get_mut(i) {
                r.file = file;
            }
        }
        self
    }

    /// Starts the search history with earlier sessions' searches (oldest first).
    pub fn with_searches(mut self, earlier: Vec<String>) -> App {
        self.history = search_history::SearchHistory::from_earlier(earlier);
        self
    }

    /// An app whose cast is already known (tests, small documents).
    pub fn with_cast(doc: Document, cast: Cast, options: Options, width: u16, height: u16) -> App {
        let relations = crate::domain::connections::Relations::compute(&doc, &cast);
        let mut app = App::new(vec![doc], options);
        app.update(Action::Resize { width, height });
        app.update(Action::Work(Work::CastReady {
            doc: 0,
            cast: Box::new(cast),
        }));
        app.update(Action::Work(Work::RelationsReady {
            doc: 0,
            relations: Box::new(relations),
        }));
        app
    }

    /// Which keys apply now.
    pub fn mode(&self) -> Mode {
        if self.prompt.is_some() {
            Mode::Prompt
        } else if let Some(p) = self.pending {
            Mode::Pending(p)
        } else {
            match self.overlay {
                Overlay::Help => Mode::Help,
                Overlay::Shelf => Mode::Shelf,
                Overlay::None => Mode::Reader,
            }
        }
    }

    /// The shown reading.
    pub fn reading(&self) -> &Reading {
        self.shelf.shown()
    }

    fn reading_mut(&mut self) -> &mut Reading {
        self.shelf.shown_mut()
    }

    /// The shown document.
    pub fn doc(&self) -> &Document {
        &self.shelf.shown().doc
    }

    /// The shown document's cast (empty while its entities are being found).
    pub fn cast(&self) -> &Cast {
        &self.shelf.shown().cast
    }

    pub fn options(&self) -> Options {
        self.options
    }

    pub fn sidebar_shown(&self) -> bool {
        self.geometry.sidebar.is_some()
    }

    /// The entity whose mentions are lit: the one under the sidebar cursor while the sidebar
    /// has focus (a preview), else the selected one.
    pub fn highlighted(&self) -> Option<usize> {
        if self.focus == Focus::Sidebar && self.sidebar_shown() {
            self.cursor_entity()
        } else {
            self.reading().selected
        }
    }

    pub fn cursor_entity(&self) -> Option<usize> {
        self.reading()
            .sidebar_rows
            .get(self.cursor)
            .and_then(|r| r.entity())
    }

    pub fn entity(&self, i: usize) -> Option<&Entity> {
        self.cast().entities.get(i)
    }

    /// The current mention of the highlighted entity, if it has one.
    pub fn current_mention(&self) -> Option<Mention> {
        let e = self.highlighted()?;
        if Some(e) != self.reading().selected {
            return None;
        }
        self.cast().entities[e]
            .mentions
            .get(self.reading().current?)
            .copied()
    }

    /// How far through the document the bottom of the screen is, in percent.
    pub fn percent(&self) -> u8 {
        let len = self.doc().len();
        match self.view.last() {
            Some((_, span)) if len > 0 => ((span.end as u128 * 100) / len as u128) as u8,
            _ => 100,
        }
    }

    fn panel_steps(&self, amount: Amount) -> i64 {
        let page = self.panel_rows().max(2) as i64 - 1;
        match amount {
            Amount::Lines(n) => i64::from(n),
            Amount::HalfPages(n) => i64::from(n) * (page / 2).max(1),
            Amount::Pages(n) => i64::from(n) * page,
        }
    }
}

#[cfg(test)]
mod tests;
