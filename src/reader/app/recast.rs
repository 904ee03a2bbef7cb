//! Replacing the cast shown while the reader is in it: a corrected cast, or the whole cast of
//! a large document after the one of its names alone. The reader keeps their place: the
//! selection and its current mention, the cast cursor and scroll, the walk through the
//! quotations and the panel, each found again in the new cast by name, then by a mention.

use super::panels::PanelKind;
use super::{App, Focus, sidebar};
use crate::domain::cast::Cast;
use crate::domain::entity::Mention;

/// An entity of the old cast, to be found in the new one: its name and first mention.
type Key = (String, Option<Mention>);

impl App {
    /// Shows `cast` in place of the shown document's cast, keeping the reader's place.
    pub(super) fn recast(&mut self, cast: Cast) {
        let key = |app: &App, e: Option<usize>| -> Option<Key> {
            let e = app.cast().entities.get(e?)?;
            Some((e.name.clone(), e.mentions.first().copied()))
        };
        let selected = key(self, self.reading().selected);
        let cursor_was = key(self, self.cursor_entity());
        let (cursor_row, scroll, focus) = (self.cursor, self.sidebar_scroll, self.focus);
        let current = self.current_mention();
        let kept_quotes = self.quotes_keep();
        let panel = self.panel().and_then(|p| {
            let kind = p.kind;
            matches!(kind, PanelKind::Contexts | PanelKind::Connections)
                .then(|| Some((kind, key(self, p.about())?)))
                .flatten()
        });

        self.reading_mut().set_cast(cast);
        self.cast_shown();
        self.focus = focus;
        if let Some((name, first)) = selected
            && let Some(e) = self.find_again(&name, first)
        {
            self.reading_mut().selected = Some(e);
            // By place: a mention may have changed form. One that is gone (detached, split
            // off) hands over to the next lit one on screen, as a list moves up to the item
            // after one deleted: `-` can go on down the page.
            self.reading_mut().current = current.and_then(|m| {
                let mentions = &self.cast().entities[e].mentions;
                let i = mentions.partition_point(|x| x.start < m.start);
                if mentions.get(i).is_some_and(|x| x.range() == m.range()) {
                    return Some(i);
                }
                let end = self.screen_range().end;
                self.lit(e).first_in(m.start as usize..end)
            });
        }
        // The cursor keeps its place: on its entity (renamed, retyped, merged, grown) or,
        // when that is gone (hidden), on the row that took its place.
        self.sidebar_scroll = scroll;
        match cursor_was.and_then(|(name, first)| self.find_again(&name, first)) {
            Some(e) => self.cursor_to_entity(e),
            None => {
                self.cursor = sidebar::step(&self.reading().sidebar_rows, cursor_row, 0);
                self.clamp_sidebar_scroll();
            }
        }
        self.quotes_restore(kept_quotes);
        // A list of one entity's mentions or connections is made again for it (its rows are
        // indices that changed), or closes when it is gone.
        if let Some((kind, (name, first))) = panel {
            match self.find_again(&name, first) {
                Some(e) => {
                    self.open_panel_on(kind, e);
                    self.focus = focus;
                }
                None => self.close_panel(),
            }
            if self.focus == Focus::Panel && self.panel().is_none() {
                self.focus = Focus::Document;
            }
        }
    }

    /// The entity of the shown cast that was called `name` with the mention `first` (of two
    /// of one name, the same one), else called `name`, else with the mention `first` (a
    /// renamed one).
    pub(super) fn find_again(&self, name: &str, first: Option<Mention>) -> Option<usize> {
        let entities = &self.cast().entities;
        let has =
            |e: &crate::domain::entity::Entity, m: Mention| e.mentions.binary_search(&m).is_ok();
        let named = |e: &&crate::domain::entity::Entity| e.name == name;
        first
            .and_then(|m| entities.iter().position(|e| named(&e) && has(e, m)))
            .or_else(|| entities.iter().position(|e| named(&e)))
            .or_else(|| {
                let m = first?;
                entities.iter().position(|e| has(e, m))
            })
    }
}
