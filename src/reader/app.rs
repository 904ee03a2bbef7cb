//! Reader state and `update(Action)`: everything the reader does, with no terminal in sight.
//! The ui renders from `&App`; tests drive it with Actions.

pub mod curation;
pub mod geometry;
pub mod library;
mod mouse;
mod navigation;
pub mod panels;
pub mod sidebar;

use std::collections::BTreeMap;
use std::ops::Range;

use crate::domain::cast::Cast;
use crate::domain::document::Document;
use crate::domain::entity::{Entity, Mention};
use crate::domain::layout::{Layout, RowPos};
use crate::domain::mention_index;
use crate::domain::search::{self, Query};
use crate::domain::wrap::{self, RowSpan};
use crate::reader::action::{Action, Amount, Mode, Pending};
use crate::store::sessions::Remembered;
use geometry::{Area, Geometry};
use library::{Memory, Shelf};
use sidebar::SidebarRow;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Document,
    Sidebar,
    /// The connections, contexts or cross-document panel under the text.
    Panel,
}

/// Reader settings that do not change while it runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// The widest text line, in columns; wider panes centre the text.
    pub measure: u16,
}

impl Default for Options {
    fn default() -> Options {
        Options { measure: 90 }
    }
}

/// A panel drawn over the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help,
    Documents,
}

/// What the prompt's text is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PromptPurpose {
    #[default]
    Search,
    /// A new name for the selected entity.
    Rename,
}

/// What `n` and `N` step through: whichever the reader asked for last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Follow {
    Mentions,
    Search,
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

pub struct App {
    pub doc: Document,
    pub cast: Cast,
    /// `Some(percent)` while entities are still being found.
    pub progress: Option<u8>,
    /// Every open document; `shelf` is the one shown (its cast is lent to `cast`).
    pub shelves: Vec<Shelf>,
    pub shelf: usize,
    pub overlay: Overlay,
    /// Rows of the help scrolled off the top.
    pub help_scroll: u16,
    /// Cursor in the document list.
    pub doc_cursor: usize,
    pub pending: Option<Pending>,
    /// A count being typed (digits before `%`).
    pub count: Option<u32>,
    /// The search being typed.
    pub prompt: Option<String>,
    pub prompt_purpose: PromptPurpose,
    /// The corrections of the shown document (once its cast is ready).
    pub curation: Option<curation::Curation>,
    pub search: Option<SearchState>,
    /// The submitted search's hits are still to be counted (see [`App::after_frame`]).
    count_due: bool,
    pub follow: Follow,
    /// Whether the reader has the mouse (else the terminal selects text).
    pub mouse: bool,
    pub geometry: Geometry,
    pub focus: Focus,
    pub sidebar_rows: Vec<SidebarRow>,
    /// Index into `sidebar_rows` (always an entity row when there is one).
    pub cursor: usize,
    /// First sidebar row shown.
    pub sidebar_scroll: usize,
    /// The selected entity, by index in the cast.
    pub selected: Option<usize>,
    /// Which mention of the selected entity is current (index into its mentions).
    pub current: Option<usize>,
    pub quit: bool,
    /// A one-off note for the status line, cleared by the next key.
    pub message: Option<String>,
    /// The rows on screen, top to bottom.
    pub view: Vec<(RowPos, RowSpan)>,
    /// Connections, contexts, pins and the cross-document cast.
    pub panels: panels::Panels,
    layout: Layout,
    top: RowPos,
    marks: BTreeMap<char, usize>,
    jumps: Vec<usize>,
    select_when_ready: Option<String>,
    size: (u16, u16),
    sidebar_wanted: Option<bool>,
    options: Options,
}

impl App {
    /// A reader over `docs` (at least one), showing the first.
    pub fn new(docs: Vec<Document>, options: Options) -> App {
        assert!(!docs.is_empty(), "the reader needs a document");
        let shelves: Vec<Shelf> = docs.into_iter().map(Shelf::new).collect();
        let doc = shelves[0].doc.clone();
        let mut layout = Layout::new(80);
        let top = layout.first(&doc);
        App {
            doc,
            cast: Cast::default(),
            progress: Some(0),
            shelves,
            shelf: 0,
            overlay: Overlay::None,
            help_scroll: 0,
            doc_cursor: 0,
            pending: None,
            count: None,
            prompt: None,
            prompt_purpose: PromptPurpose::Search,
            curation: None,
            search: None,
            count_due: false,
            follow: Follow::Mentions,
            mouse: true,
            geometry: Geometry::default(),
            focus: Focus::Document,
            sidebar_rows: Vec::new(),
            cursor: 0,
            sidebar_scroll: 0,
            selected: None,
            current: None,
            quit: false,
            message: None,
            view: Vec::new(),
            panels: panels::Panels::default(),
            layout,
            top,
            marks: BTreeMap::new(),
            jumps: Vec::new(),
            select_when_ready: None,
            size: (0, 0),
            sidebar_wanted: None,
            options,
        }
    }

    /// An app whose cast is already known (tests, small documents).
    pub fn with_cast(doc: Document, cast: Cast, options: Options, width: u16, height: u16) -> App {
        let relations = crate::domain::connections::Relations::compute(&doc, &cast);
        let mut app = App::new(vec![doc], options);
        app.update(Action::Resize { width, height });
        app.update(Action::CastReady {
            doc: 0,
            cast: Box::new(cast),
        });
        app.update(Action::RelationsReady {
            doc: 0,
            relations: Box::new(relations),
        });
        app
    }

    /// Work that can wait until the screen shows what the last keys asked for: counting the
    /// hits of a submitted search, a pass over the whole text (tens of milliseconds at
    /// 100 MB), so the first hit is drawn before it. True if the screen must be drawn again.
    pub fn after_frame(&mut self) -> bool {
        if std::mem::take(&mut self.count_due) {
            self.count_hits();
            return self.search.as_ref().is_some_and(|s| s.count.is_some());
        }
        false
    }

    pub fn update(&mut self, action: Action) {
        if !matches!(
            action,
            Action::Progress { .. }
                | Action::CastReady { .. }
                | Action::Resume { .. }
                | Action::RelationsReady { .. }
                | Action::CurationReady { .. }
                | Action::Fingerprinted { .. }
        ) {
            self.message = None;
        }
        // Background news must not eat a count being typed.
        let keeps_count = matches!(
            action,
            Action::CountDigit(_)
                | Action::GoToPercent
                | Action::Progress { .. }
                | Action::CastReady { .. }
                | Action::Resume { .. }
                | Action::Fingerprinted { .. }
                | Action::CurationReady { .. }
                | Action::RelationsReady { .. }
                | Action::Resize { .. }
        );
        let count = if keeps_count {
            self.count
        } else {
            self.count.take()
        };
        match action {
            Action::Quit => self.quit = true,
            Action::CountDigit(d) => {
                self.count = Some(
                    count
                        .unwrap_or(0)
                        .saturating_mul(10)
                        .saturating_add(d as u32)
                        .min(1_000_000),
                );
            }
            Action::GoToPercent => {
                self.count = None;
                let percent = count.unwrap_or(0).min(100) as usize;
                self.push_jump();
                let target = (self.doc.len() as u128 * percent as u128 / 100) as usize;
                self.show_at_top(target.max(self.doc.body_start()));
            }
            Action::Scroll(amount) => match (self.overlay, self.focus) {
                (Overlay::Documents, _) => self.move_doc_cursor(self.cursor_steps(amount)),
                (Overlay::Help, _) => {
                    let by = self.cursor_steps(amount);
                    self.help_scroll = (self.help_scroll as i32 + by).clamp(0, 200) as u16;
                }
                (_, Focus::Document) => self.scroll(amount),
                (_, Focus::Sidebar) => self.move_cursor(self.cursor_steps(amount)),
                (_, Focus::Panel) => self.panel_move(self.panel_steps(amount)),
            },
            Action::Top => match (self.overlay, self.focus) {
                (Overlay::Documents, _) => self.doc_cursor = 0,
                (_, Focus::Document) => {
                    self.push_jump();
                    self.top = self.layout.first(&self.doc);
                }
                (_, Focus::Sidebar) => self.move_cursor(i32::MIN / 2),
                (_, Focus::Panel) => self.panel_move(i64::MIN / 2),
            },
            Action::Bottom => match (self.overlay, self.focus) {
                (Overlay::Documents, _) => self.doc_cursor = self.shelves.len() - 1,
                (_, Focus::Document) => {
                    self.push_jump();
                    self.top = self.layout.last_top(&self.doc, self.page());
                }
                (_, Focus::Sidebar) => self.move_cursor(i32::MAX / 2),
                (_, Focus::Panel) => self.panel_move(i64::MAX / 2),
            },
            Action::FocusNext => self.focus_next(),
            Action::ToggleSidebar => {
                let shown = !self.sidebar_shown();
                self.sidebar_wanted = Some(shown);
                self.focus = if shown && self.narrow() {
                    Focus::Sidebar
                } else {
                    Focus::Document
                };
                self.relayout();
            }
            Action::Select => match self.overlay {
                Overlay::Documents => {
                    self.overlay = Overlay::None;
                    self.open_document(self.doc_cursor);
                }
                _ if self.focus == Focus::Panel => self.panel_enter(),
                _ => self.select_cursor(),
            },
            Action::NextHit => self.step_hit(true),
            Action::PrevHit => self.step_hit(false),
            Action::Clear => self.clear(),
            Action::ToggleHelp => {
                self.help_scroll = 0;
                self.toggle_overlay(Overlay::Help);
            }
            Action::ToggleDocuments => {
                self.doc_cursor = self.shelf;
                self.toggle_overlay(Overlay::Documents);
            }
            Action::NextDocument => self.step_document(1),
            Action::PrevDocument => self.step_document(-1),
            Action::BeginMark => self.pending = Some(Pending::Mark),
            Action::BeginJumpToMark => self.pending = Some(Pending::JumpToMark),
            Action::BeginColon => self.pending = Some(Pending::Colon),
            Action::SetMark(c) => {
                self.pending = None;
                let at = self.top_offset();
                self.marks.insert(c, at);
                self.message = Some(format!("mark {c} set"));
            }
            Action::JumpToMark(c) => {
                self.pending = None;
                self.jump_to_mark(c);
            }
            Action::JumpBack => self.jump_back(),
            Action::StartSearch => {
                self.prompt = Some(String::new());
                self.prompt_purpose = PromptPurpose::Search;
                self.overlay = Overlay::None;
            }
            Action::PromptInput(c) => {
                if let Some(p) = &mut self.prompt {
                    p.push(c);
                }
                if self.prompt_purpose == PromptPurpose::Search {
                    self.search_as_typed();
                }
            }
            Action::PromptBackspace => {
                if let Some(p) = &mut self.prompt {
                    p.pop();
                }
                if self.prompt_purpose == PromptPurpose::Search {
                    self.search_as_typed();
                }
            }
            Action::PromptSubmit => match self.prompt_purpose {
                PromptPurpose::Search => self.submit_search(),
                PromptPurpose::Rename => {
                    self.prompt_purpose = PromptPurpose::Search;
                    if let Some(name) = self.prompt.take() {
                        self.submit_rename(name);
                    }
                }
            },
            Action::Edit(edit) => self.edit(edit),
            Action::CurationReady { doc, curation } => {
                if doc == self.shelf {
                    let unfit = curation.unfit.len();
                    let error = curation.error.clone();
                    self.curation = Some(*curation);
                    if let Some(e) = error {
                        self.message = Some(e);
                    } else if unfit > 0 {
                        self.message = Some(format!(
                            "{unfit} saved correction{} no longer fit{} this document",
                            if unfit == 1 { "" } else { "s" },
                            if unfit == 1 { "s" } else { "" }
                        ));
                    }
                } else if let Some(s) = self.shelves.get_mut(doc) {
                    s.curation = Some(*curation);
                }
            }
            Action::Cancel => self.cancel(),
            Action::ToggleMouse => {
                self.mouse = !self.mouse;
                self.message = Some(if self.mouse {
                    "mouse on: wheel scrolls, click selects".into()
                } else {
                    "mouse off: the terminal selects and copies text".into()
                });
            }
            Action::Suspend => {}
            Action::Resize { width, height } => {
                self.size = (width, height);
                self.relayout();
            }
            Action::MouseScroll { column, row, lines } => self.mouse_scroll(column, row, lines),
            Action::MouseClick { column, row } => self.mouse_click(column, row),
            Action::Progress { doc, percent } => {
                if doc == self.shelf {
                    self.progress = Some(percent.min(99));
                } else if let Some(s) = self.shelves.get_mut(doc) {
                    s.progress = percent.min(99);
                }
            }
            Action::CastReady { doc, cast } => {
                if doc == self.shelf {
                    self.set_cast(*cast);
                } else if let Some(s) = self.shelves.get_mut(doc) {
                    s.cast = Some(*cast);
                    s.progress = 100;
                }
            }
            Action::Resume { doc, memory } => self.resume(doc, &memory),
            Action::Fingerprinted { doc, print } => {
                if let Some(s) = self.shelves.get_mut(doc) {
                    s.print = Some(print);
                }
            }
            Action::ToggleConnections => self.toggle_panel(panels::PanelKind::Connections),
            Action::ToggleContexts => self.toggle_panel(panels::PanelKind::Contexts),
            Action::ToggleCorpus => self.toggle_panel(panels::PanelKind::Corpus),
            Action::TogglePin => self.toggle_pin(),
            Action::ClearPins => self.clear_pins(),
            Action::RelationsReady { doc, relations } => self.set_relations(doc, *relations),
        }
        self.tidy_panels();
        self.refresh_view();
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
                Overlay::Documents => Mode::Documents,
                Overlay::None => Mode::Reader,
            }
        }
    }

    /// What the reader should remember about the current document.
    pub fn remembered(&self) -> Remembered {
        Remembered {
            top: self.top_offset(),
            entity: self
                .selected
                .and_then(|e| self.entity(e))
                .map(|e| e.name.clone()),
            marks: self.marks.iter().map(|(&c, &o)| (c, o)).collect(),
        }
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
            self.selected
        }
    }

    /// Puts the cast cursor on entity `e`'s row (and scrolls the cast to show it).
    pub(crate) fn cursor_to_entity(&mut self, e: usize) {
        if let Some(row) = self
            .sidebar_rows
            .iter()
            .position(|r| *r == SidebarRow::Entity(e))
        {
            self.cursor = row;
            self.clamp_sidebar_scroll();
        }
    }

    pub fn cursor_entity(&self) -> Option<usize> {
        self.sidebar_rows.get(self.cursor).and_then(|r| r.entity())
    }

    pub fn entity(&self, i: usize) -> Option<&Entity> {
        self.cast.entities.get(i)
    }

    /// The current mention of the highlighted entity, if it has one.
    pub fn current_mention(&self) -> Option<Mention> {
        let e = self.highlighted()?;
        if Some(e) != self.selected {
            return None;
        }
        self.cast.entities[e].mentions.get(self.current?).copied()
    }

    /// How far through the document the bottom of the screen is, in percent.
    pub fn percent(&self) -> u8 {
        let len = self.doc.len();
        match self.view.last() {
            Some((_, span)) if len > 0 => ((span.end as u128 * 100) / len as u128) as u8,
            _ => 100,
        }
    }

    /// The text rows' height.
    fn page(&self) -> usize {
        self.geometry.text.height.max(1) as usize
    }

    fn narrow(&self) -> bool {
        self.size.0 < geometry::SIDEBAR_MIN_TOTAL
    }

    fn relayout(&mut self) {
        let anchor = self.view.first().map(|(_, s)| s.start);
        let wants_sidebar = self.sidebar_wanted.unwrap_or(!self.narrow());
        self.geometry = geometry::geometry(
            self.size.0,
            self.size.1,
            wants_sidebar,
            self.options.measure,
        );
        self.carve_panel();
        if self.geometry.sidebar.is_none() && self.focus == Focus::Sidebar {
            self.focus = Focus::Document;
        }
        if self.geometry.text.width > 0 {
            self.layout.set_width(self.geometry.text.width as usize);
        }
        // Keep the text that was at the top of the pane in view.
        self.top = match anchor {
            Some(offset) => self.layout.row_at(&self.doc, offset),
            None => self.layout.row_at(&self.doc, self.top.block.start),
        };
        self.clamp_sidebar_scroll();
    }

    fn refresh_view(&mut self) {
        let height = if self.geometry.too_small {
            0
        } else {
            self.page()
        };
        self.view = self.layout.visible(&self.doc, self.top, height);
    }

    fn scroll(&mut self, amount: Amount) {
        let page = self.page() as i32;
        let rows = match amount {
            Amount::Lines(n) => n,
            Amount::HalfPages(n) => n * (page / 2).max(1),
            Amount::Pages(n) => n * (page - 1).max(1),
        };
        self.top = self
            .layout
            .scroll(&self.doc, self.top, rows as isize, self.page());
    }

    fn cursor_steps(&self, amount: Amount) -> i32 {
        let page = self
            .geometry
            .sidebar
            .map_or(1, |a| a.height as i32 - 1)
            .max(1);
        match amount {
            Amount::Lines(n) => n,
            Amount::HalfPages(n) => n * (page / 2).max(1),
            Amount::Pages(n) => n * page,
        }
    }

    fn panel_steps(&self, amount: Amount) -> i64 {
        let page = self.panel_rows().max(2) as i64 - 1;
        match amount {
            Amount::Lines(n) => n as i64,
            Amount::HalfPages(n) => n as i64 * (page / 2).max(1),
            Amount::Pages(n) => n as i64 * page,
        }
    }

    fn move_cursor(&mut self, by: i32) {
        self.cursor = sidebar::step(&self.sidebar_rows, self.cursor, by);
        self.clamp_sidebar_scroll();
        if let Some(e) = self.cursor_entity() {
            self.reveal_entity(e);
        }
    }

    fn clamp_sidebar_scroll(&mut self) {
        let Some(area) = self.geometry.sidebar else {
            return;
        };
        let rows = (area.height as usize).saturating_sub(1).max(1);
        if self.cursor < self.sidebar_scroll {
            // Show the heading above the first entity of a group too.
            self.sidebar_scroll = self.cursor.saturating_sub(1);
        } else if self.cursor >= self.sidebar_scroll + rows {
            self.sidebar_scroll = self.cursor + 1 - rows;
        }
    }

    fn focus_next(&mut self) {
        if !self.sidebar_shown() {
            self.sidebar_wanted = Some(true);
            self.relayout();
        }
        self.focus = match self.focus {
            Focus::Document if self.sidebar_shown() => Focus::Sidebar,
            Focus::Document | Focus::Sidebar if self.panel().is_some() => Focus::Panel,
            _ => Focus::Document,
        };
        if self.focus == Focus::Document && self.narrow() {
            self.sidebar_wanted = Some(false);
            self.relayout();
        }
        if self.focus == Focus::Sidebar
            && let Some(e) = self.cursor_entity()
        {
            self.reveal_entity(e);
        }
    }

    fn set_cast(&mut self, cast: Cast) {
        self.cast = cast;
        self.progress = None;
        self.sidebar_rows = sidebar::rows(&self.cast);
        self.cursor = sidebar::step(&self.sidebar_rows, 0, 0);
        self.sidebar_scroll = 0;
        self.selected = None;
        self.current = None;
        if let Some(name) = self.select_when_ready.take()
            && let Some(e) = self.cast.entities.iter().position(|e| e.name == name)
        {
            self.selected = Some(e);
            self.cursor_to_entity(e);
        }
        self.panels_on_cast();
    }

    fn select_cursor(&mut self) {
        if self.focus != Focus::Sidebar {
            return;
        }
        if let Some(e) = self.cursor_entity() {
            self.select(e, None);
            if self.narrow() {
                self.sidebar_wanted = Some(false);
                self.focus = Focus::Document;
                self.relayout();
            }
        }
    }

    /// Selects entity `e`; its current mention is `mention` if given, else the first one on
    /// screen, else its first one (scrolled into view).
    fn select(&mut self, e: usize, mention: Option<usize>) {
        self.selected = Some(e);
        self.follow = Follow::Mentions;
        self.panel_follow_selection(e);
        let mentions = &self.cast.entities[e].mentions;
        let current = mention
            .or_else(|| mention_index::first_in(mentions, self.screen_range()))
            .or(if mentions.is_empty() { None } else { Some(0) });
        self.current = current;
        if let Some(i) = current {
            self.reveal(self.cast.entities[e].mentions[i].start as usize);
        }
    }

    /// Scrolls to the entity's first mention unless one is on screen already.
    fn reveal_entity(&mut self, e: usize) {
        let mentions = &self.cast.entities[e].mentions;
        if mention_index::first_in(mentions, self.screen_range()).is_some() {
            return;
        }
        if let Some(first) = mentions.first() {
            self.reveal(first.start as usize);
        }
    }

    /// `n`/`N`: search hits after a search, else mentions of the selected entity.
    fn step_hit(&mut self, forward: bool) {
        if self.follow == Follow::Search && self.search.is_some() {
            self.step_search(forward);
        } else {
            self.step_mention(forward);
        }
    }

    fn step_mention(&mut self, forward: bool) {
        let Some(e) = self.selected else {
            self.message = Some("select an entity first: Tab, then Enter".into());
            return;
        };
        let mentions = &self.cast.entities[e].mentions;
        let next = match self.current {
            Some(i) if !mentions.is_empty() => Some(if forward {
                (i + 1) % mentions.len()
            } else {
                (i + mentions.len() - 1) % mentions.len()
            }),
            _ => {
                let from = self.view.first().map_or(0, |(_, s)| s.start);
                if forward {
                    mention_index::next_from(mentions, from)
                } else {
                    mention_index::prev_from(mentions, from)
                }
            }
        };
        if let Some(i) = next {
            self.current = Some(i);
            let at = mentions[i].start as usize;
            self.reveal(at);
        }
        if self.focus == Focus::Sidebar {
            self.focus = Focus::Document;
        }
    }

    fn clear(&mut self) {
        if self.overlay != Overlay::None {
            self.overlay = Overlay::None;
        } else if self.focus == Focus::Panel {
            self.panel_back();
        } else if self.focus == Focus::Sidebar {
            self.focus = Focus::Document;
            if self.narrow() {
                self.sidebar_wanted = Some(false);
                self.relayout();
            }
        } else if self.search.is_some() {
            self.search = None;
            self.follow = Follow::Mentions;
        } else {
            self.selected = None;
            self.current = None;
        }
    }

    /// The bytes on screen, as a range whose members are exactly the offsets `on_screen`
    /// accepts (so a binary search over sorted mentions can stand in for a scan).
    fn screen_range(&self) -> std::ops::Range<usize> {
        match (self.view.first(), self.view.last()) {
            (Some((_, first)), Some((_, last))) => {
                let end = if last.end == self.doc.len() {
                    last.end + 1
                } else {
                    last.end
                };
                first.start..end
            }
            _ => 0..0,
        }
    }

    fn on_screen(&self, offset: usize) -> bool {
        match (self.view.first(), self.view.last()) {
            (Some((_, first)), Some((_, last))) => {
                offset >= first.start
                    && (offset < last.end || (offset == last.end && last.end == self.doc.len()))
            }
            _ => false,
        }
    }

    /// Brings `offset` on screen, a third of the way down, unless it is already visible.
    fn reveal(&mut self, offset: usize) {
        self.refresh_view();
        if self.on_screen(offset) {
            return;
        }
        self.push_jump();
        let row = self.layout.row_at(&self.doc, offset);
        let above = (self.page() / 3) as isize;
        let top = self.layout.advance(&self.doc, row, -above);
        let limit = self.layout.last_top(&self.doc, self.page());
        self.top = top.min(limit);
        self.refresh_view();
    }
}

#[cfg(test)]
mod tests;
