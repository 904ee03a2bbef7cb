//! Reader state and `update(Action)`: everything the reader does, with no terminal in sight.
//! The ui renders from `&App`; tests drive it with Actions.

pub mod geometry;
pub mod sidebar;

use crate::action::{Action, Amount};
use crate::domain::cast::Cast;
use crate::domain::document::Document;
use crate::domain::entity::{Entity, Mention};
use crate::domain::layout::{Layout, RowPos};
use crate::domain::mention_index;
use crate::domain::wrap::{self, RowSpan};
use geometry::{Area, Geometry};
use sidebar::SidebarRow;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Document,
    Sidebar,
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

pub struct App {
    pub doc: Document,
    pub cast: Cast,
    /// `Some(percent)` while entities are still being found.
    pub progress: Option<u8>,
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
    pub help: bool,
    pub quit: bool,
    /// A one-off note for the status line, cleared by the next key.
    pub message: Option<String>,
    /// The rows on screen, top to bottom.
    pub view: Vec<(RowPos, RowSpan)>,
    layout: Layout,
    top: RowPos,
    size: (u16, u16),
    sidebar_wanted: Option<bool>,
    options: Options,
}

impl App {
    pub fn new(doc: Document, options: Options) -> App {
        let mut layout = Layout::new(80);
        let top = layout.first(&doc);
        App {
            doc,
            cast: Cast::default(),
            progress: Some(0),
            geometry: Geometry::default(),
            focus: Focus::Document,
            sidebar_rows: Vec::new(),
            cursor: 0,
            sidebar_scroll: 0,
            selected: None,
            current: None,
            help: false,
            quit: false,
            message: None,
            view: Vec::new(),
            layout,
            top,
            size: (0, 0),
            sidebar_wanted: None,
            options,
        }
    }

    /// An app whose cast is already known (tests, small documents).
    pub fn with_cast(doc: Document, cast: Cast, options: Options, width: u16, height: u16) -> App {
        let mut app = App::new(doc, options);
        app.update(Action::Resize { width, height });
        app.update(Action::CastReady(Box::new(cast)));
        app
    }

    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Progress(_) | Action::CastReady(_)) {
            self.message = None;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Scroll(amount) => match self.focus {
                Focus::Document => self.scroll(amount),
                Focus::Sidebar => self.move_cursor(self.cursor_steps(amount)),
            },
            Action::Top => match self.focus {
                Focus::Document => self.top = self.layout.first(&self.doc),
                Focus::Sidebar => self.move_cursor(i32::MIN / 2),
            },
            Action::Bottom => match self.focus {
                Focus::Document => self.top = self.layout.last_top(&self.doc, self.page()),
                Focus::Sidebar => self.move_cursor(i32::MAX / 2),
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
            Action::Select => self.select_cursor(),
            Action::NextMention => self.step_mention(true),
            Action::PrevMention => self.step_mention(false),
            Action::Clear => self.clear(),
            Action::ToggleHelp => self.help = !self.help,
            Action::Suspend => {}
            Action::Resize { width, height } => {
                self.size = (width, height);
                self.relayout();
            }
            Action::MouseScroll { column, row, lines } => self.mouse_scroll(column, row, lines),
            Action::MouseClick { column, row } => self.mouse_click(column, row),
            Action::Progress(p) => self.progress = Some(p.min(99)),
            Action::CastReady(cast) => self.set_cast(*cast),
        }
        self.refresh_view();
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
            self.reveal(mentions[i].start as usize);
        }
        if self.focus == Focus::Sidebar {
            self.focus = Focus::Document;
        }
    }

    fn clear(&mut self) {
        if self.help {
            self.help = false;
        } else if self.focus == Focus::Sidebar {
            self.focus = Focus::Document;
            if self.narrow() {
                self.sidebar_wanted = Some(false);
                self.relayout();
            }
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
        let row = self.layout.row_at(&self.doc, offset);
        let above = (self.page() / 3) as isize;
        let top = self.layout.advance(&self.doc, row, -above);
        let limit = self.layout.last_top(&self.doc, self.page());
        self.top = top.min(limit);
        self.refresh_view();
    }

    fn mouse_scroll(&mut self, column: u16, row: u16, lines: i32) {
        if let Some(area) = self.geometry.sidebar
            && area.contains(column, row)
        {
            let max = self.sidebar_rows.len().saturating_sub(1);
            self.sidebar_scroll =
                (self.sidebar_scroll as i64 + lines as i64).clamp(0, max as i64) as usize;
            return;
        }
        if self.geometry.pane.contains(column, row) {
            self.top = self
                .layout
                .scroll(&self.doc, self.top, lines as isize, self.page());
        }
    }

    fn mouse_click(&mut self, column: u16, row: u16) {
        if let Some(area) = self.geometry.sidebar
            && area.contains(column, row)
        {
            let Some(i) = (row - area.y)
                .checked_sub(1)
                .map(|r| self.sidebar_scroll + r as usize)
            else {
                return;
            };
            if let Some(SidebarRow::Entity(e)) = self.sidebar_rows.get(i) {
                self.cursor = i;
                self.select(*e, None);
                self.focus = Focus::Document;
                if self.narrow() {
                    self.sidebar_wanted = Some(false);
                    self.relayout();
                }
            }
            return;
        }
        if let Some(offset) = self.offset_at(column, row)
            && let Some((m, e)) = self.cast.index.at(offset)
        {
            let i = self.cast.entities[e].mentions.binary_search(&m).ok();
            self.select(e, i);
            if let Some(pos) = self
                .sidebar_rows
                .iter()
                .position(|r| *r == SidebarRow::Entity(e))
            {
                self.cursor = pos;
                self.clamp_sidebar_scroll();
            }
        }
    }

    /// The byte of the document drawn at a screen cell, if text is drawn there.
    pub fn offset_at(&self, column: u16, row: u16) -> Option<usize> {
        let text: Area = self.geometry.text;
        if !text.contains(column, row) {
            return None;
        }
        let (_, span) = self.view.get((row - text.y) as usize)?;
        let mut col = text.x;
        for cell in wrap::row_cells(self.doc.bytes(), *span) {
            let width = cell.width as u16;
            if column < col + width.max(1) {
                return Some(cell.bytes.start);
            }
            col += width;
        }
        None
    }
}

#[cfg(test)]
mod tests;
