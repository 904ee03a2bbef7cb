//! The cast and the selection: the sidebar cursor, focus, selecting an entity and walking
//! its mentions.

use super::{App, Focus, Follow, Overlay, sidebar};
use crate::domain::lit::Scope;
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

    /// Selects entity `e`; its current mention is `mention` if given, else the first lit one
    /// on screen, else its first lit one (scrolled into view).
    pub(super) fn select(&mut self, e: usize, mention: Option<usize>) {
        self.reading_mut().selected = Some(e);
        self.follow = Follow::Mentions;
        self.panel_follow_selection(e);
        let lit = self.lit(e);
        let current = mention
            .or_else(|| lit.first_in(self.screen_range()))
            .or_else(|| lit.next_from(0));
        self.reading_mut().current = current;
        if let Some(i) = current {
            self.reveal(self.cast().entities[e].mentions[i].start as usize);
        }
    }

    /// Scrolls to the entity's first lit mention unless one is on screen already.
    pub(super) fn reveal_entity(&mut self, e: usize) {
        let lit = self.lit(e);
        if lit.first_in(self.screen_range()).is_some() {
            return;
        }
        if let Some(first) = lit.next_from(0) {
            self.reveal(self.cast().entities[e].mentions[first].start as usize);
        }
    }

    /// `n`/`N`: search hits after a search, quotations after one was entered from the
    /// quotations list, else mentions of the selected entity. In the cast, mentions of the
    /// entity under the cursor: one previewed there is selected first.
    pub(super) fn step_hit(&mut self, forward: bool) {
        if self.focus == Focus::Sidebar && self.sidebar_shown() {
            if let Some(e) = self.cursor_entity()
                && self.reading().selected != Some(e)
            {
                self.reading_mut().selected = Some(e);
                self.reading_mut().current = None;
                self.panel_follow_selection(e);
            }
            self.follow = Follow::Mentions;
            self.step_mention(forward);
        } else if self.follow == Follow::Search && self.search.is_some() {
            self.step_search(forward);
        } else if self.follow == Follow::Quotes {
            self.step_quote(forward);
        } else {
            self.step_mention(forward);
        }
    }

    /// The next (or previous) mention of the selection: after the current one while it is on
    /// screen, else from the view, as less and vim go on from where the reader scrolled to:
    /// forward from the top row on, backward from above it. Round the end, the status says so.
    pub(super) fn step_mention(&mut self, forward: bool) {
        let Some(e) = self.reading().selected else {
            self.message = Some("select an entity first: Tab, then Enter".into());
            return;
        };
        let mentions = &self.cast().entities[e].mentions;
        let lit = self.lit(e);
        let current = self.reading().current.filter(|&i| {
            mentions
                .get(i)
                .is_some_and(|m| self.on_screen(m.start as usize))
        });
        let top = self.top_offset();
        let next = match current {
            Some(i) => lit.step(i, forward),
            None if forward => lit.next_from(top),
            None => lit.prev_from(top),
        };
        let Some(i) = next else {
            if self.cast().count(e, Scope::Every) > 0 {
                self.message = Some("no name of it is lit: e lights every mention".into());
            }
            return;
        };
        let at = mentions[i].start as usize;
        // Round the end: past the current one, or back across the top of the view.
        let wrapped = match (current, forward) {
            (Some(c), true) => i <= c,
            (Some(c), false) => i >= c,
            (None, true) => at < top,
            (None, false) => at >= top,
        };
        self.reading_mut().current = Some(i);
        self.reveal(at);
        if wrapped {
            self.aside.push(wrap_note(forward));
        }
        if self.focus == Focus::Sidebar {
            // The text shows the mention, so the keys go there now: say so, or j would
            // seem to scroll the wrong pane.
            self.focus = Focus::Document;
            self.aside.push("focus on the text");
            if self.narrow() {
                self.sidebar_wanted = Some(false);
                self.relayout();
            }
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
        } else if self.follow == Follow::Quotes {
            self.end_quote_walk();
        } else if self.search.is_some() {
            self.search = None;
            self.follow = Follow::Mentions;
        } else {
            self.reading_mut().selected = None;
            self.reading_mut().current = None;
        }
    }
}

/// What the status says when `n` or `N` went round the end of the document.
pub(super) fn wrap_note(forward: bool) -> &'static str {
    if forward {
        "wrapped to the top"
    } else {
        "wrapped to the end"
    }
}
