//! The cast and the selection: the sidebar cursor, focus, selecting an entity and walking
//! its mentions.

use super::{App, Focus, Follow, Overlay, sidebar};
use crate::domain::mention_index;
use crate::reader::action::Amount;
use crate::reader::app::sidebar::SidebarRow;

impl App {
    /// Puts the cast cursor on entity `e`'s row (and scrolls the cast to show it).
    pub(crate) fn cursor_to_entity(&mut self, e: usize) {
        if let Some(row) = self
            .reading()
            .sidebar_rows
            .iter()
            .position(|r| *r == SidebarRow::Entity(e))
        {
            self.cursor = row;
            self.clamp_sidebar_scroll();
        }
    }

    pub(super) fn cursor_steps(&self, amount: Amount) -> i32 {
        let page = self
            .geometry
            .sidebar
            .map_or(1, |a| i32::from(a.height) - 1)
            .max(1);
        match amount {
            Amount::Lines(n) => n,
            Amount::HalfPages(n) => n * (page / 2).max(1),
            Amount::Pages(n) => n * page,
        }
    }

    pub(super) fn move_cursor(&mut self, by: i32) {
        self.cursor = sidebar::step(&self.reading().sidebar_rows, self.cursor, by);
        self.clamp_sidebar_scroll();
        if let Some(e) = self.cursor_entity() {
            self.reveal_entity(e);
        }
    }

    pub(super) fn clamp_sidebar_scroll(&mut self) {
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

    pub(super) fn focus_next(&mut self) {
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

    /// The shown reading's cast is new: the sidebar starts at its top (on the entity selected
    /// from a remembered session, if any), and pins find their entities in it.
    pub(super) fn cast_shown(&mut self) {
        self.cursor = sidebar::step(&self.reading().sidebar_rows, 0, 0);
        self.sidebar_scroll = 0;
        if let Some(e) = self.reading().selected {
            self.cursor_to_entity(e);
        }
        self.panels_on_cast();
    }

    pub(super) fn select_cursor(&mut self) {
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
    pub(super) fn select(&mut self, e: usize, mention: Option<usize>) {
        self.reading_mut().selected = Some(e);
        self.follow = Follow::Mentions;
        self.panel_follow_selection(e);
        let mentions = &self.cast().entities[e].mentions;
        let current = mention
            .or_else(|| mention_index::first_in(mentions, self.screen_range()))
            .or(if mentions.is_empty() { None } else { Some(0) });
        self.reading_mut().current = current;
        if let Some(i) = current {
            self.reveal(self.cast().entities[e].mentions[i].start as usize);
        }
    }

    /// Scrolls to the entity's first mention unless one is on screen already.
    pub(super) fn reveal_entity(&mut self, e: usize) {
        let mentions = &self.cast().entities[e].mentions;
        if mention_index::first_in(mentions, self.screen_range()).is_some() {
            return;
        }
        if let Some(first) = mentions.first() {
            self.reveal(first.start as usize);
        }
    }

    /// `n`/`N`: search hits after a search, else mentions of the selected entity.
    pub(super) fn step_hit(&mut self, forward: bool) {
        if self.follow == Follow::Search && self.search.is_some() {
            self.step_search(forward);
        } else {
            self.step_mention(forward);
        }
    }

    pub(super) fn step_mention(&mut self, forward: bool) {
        let Some(e) = self.reading().selected else {
            self.message = Some("select an entity first: Tab, then Enter".into());
            return;
        };
        let mentions = &self.cast().entities[e].mentions;
        let next = match self.reading().current {
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
            let at = mentions[i].start as usize;
            self.reading_mut().current = Some(i);
            self.reveal(at);
        }
        if self.focus == Focus::Sidebar {
            self.focus = Focus::Document;
        }
    }

    pub(super) fn clear(&mut self) {
        if self.clear_kept_filter() {
            return;
        }
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
            self.reading_mut().selected = None;
            self.reading_mut().current = None;
        }
    }
}
