//! `update`: every action and every piece of news, dispatched to what it changes.

use super::{App, Focus, Overlay, PromptPurpose, panels};
use crate::domain::cast::Cast;
use crate::reader::action::{Action, Effect, Pending, Work};

impl App {
    /// Changes the state as `action` asks (the only way it changes), and returns what the
    /// terminal layer is to do about it: quit, save corrections, capture the mouse...
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        // News from the background (and the hit count asked for after a frame) neither clears
        // the note on the status line nor eats a count being typed; nor does a resize (the
        // first one comes before the first frame, after the note from the config was set).
        let news = matches!(action, Action::Work(_) | Action::CountSearchHits);
        if !news && !matches!(action, Action::Resize { .. }) {
            self.message = None;
            self.aside.clear();
        }
        let keeps_count = news
            || matches!(
                action,
                Action::CountDigit(_) | Action::GoToPercent | Action::Resize { .. }
            );
        let count = if keeps_count {
            self.count
        } else {
            self.count.take()
        };
        if self.only.is_some() && !self.only_takes(&action) && !self.only_keeps(&action) {
            self.leave_only(false);
        }
        match action {
            action if self.only_takes(&action) => self.only_update(action),
            Action::Quit => self.effects.push(Effect::Quit),
            Action::CloseOrQuit => {
                if self.panel().is_some() && !self.geometry.too_small {
                    self.close_panel();
                } else {
                    self.effects.push(Effect::Quit);
                }
            }
            Action::CountDigit(d) => {
                self.count = Some(
                    count
                        .unwrap_or(0)
                        .saturating_mul(10)
                        .saturating_add(u32::from(d))
                        .min(1_000_000),
                );
            }
            Action::GoToPercent => {
                self.count = None;
                let percent = count.unwrap_or(0).min(100) as usize;
                self.push_jump();
                let target = (self.doc().len() as u128 * percent as u128 / 100) as usize;
                self.show_at_top(target.max(self.doc().body_start()));
            }
            Action::Scroll(amount) => match (self.overlay, self.focus) {
                (Overlay::Shelf, _) => self.move_doc_cursor(self.cursor_steps(amount)),
                (Overlay::Help, _) => self.scroll_help(amount),
                (_, Focus::Document) => self.scroll(amount),
                (_, Focus::Sidebar) => self.move_cursor(self.cursor_steps(amount)),
                (_, Focus::Panel) => self.panel_move(self.panel_steps(amount)),
            },
            Action::Top => match (self.overlay, self.focus) {
                (Overlay::Shelf, _) => self.move_doc_cursor(i32::MIN / 2),
                (Overlay::Help, _) => self.help_to(0),
                (_, Focus::Document) => {
                    self.push_jump();
                    self.top = self.layout.first(&self.shelf.shown().doc);
                }
                (_, Focus::Sidebar) => self.move_cursor(i32::MIN / 2),
                (_, Focus::Panel) => self.panel_move(i64::MIN / 2),
            },
            Action::Bottom => match (self.overlay, self.focus) {
                (Overlay::Shelf, _) => self.move_doc_cursor(i32::MAX / 2),
                (Overlay::Help, _) => self.help_to(i32::MAX),
                (_, Focus::Document) => {
                    self.push_jump();
                    self.top = self.layout.last_top(&self.shelf.shown().doc, self.page());
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
                Overlay::Shelf if self.shelf_rows.contains(&self.shelf_cursor) => {
                    self.overlay = Overlay::None;
                    self.open_document(self.shelf_cursor);
                }
                Overlay::Shelf => {}
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
            Action::ToggleShelf => {
                self.shelf_cursor = self.shelf.shown_index();
                self.toggle_overlay(Overlay::Shelf);
            }
            Action::NextDocument | Action::PrevDocument => {
                let forward = matches!(action, Action::NextDocument);
                self.pending = None;
                match self.corpus_entity_here() {
                    Some(ce) => self.step_appearance(ce, forward),
                    None => self.step_document(if forward { 1 } else { -1 }),
                }
            }
            Action::BeginMark => self.pending = Some(Pending::Mark),
            Action::BeginJumpToMark => self.pending = Some(Pending::JumpToMark),
            Action::BeginColon => self.pending = Some(Pending::Colon),
            Action::SetMark(c) => {
                self.pending = None;
                let at = self.top_offset();
                self.reading_mut().marks.insert(c, at);
                self.message = Some(format!("mark {c} set"));
            }
            Action::JumpToMark(c) => {
                self.pending = None;
                self.jump_to_mark(c);
            }
            Action::JumpBack => self.jump_back(),
            Action::StartSearch => match self.filter_target() {
                Some(target) => self.start_filter(target),
                None => {
                    self.prompt = Some(String::new());
                    self.prompt_purpose = PromptPurpose::Search;
                    self.history.rewind();
                    self.overlay = Overlay::None;
                }
            },
            Action::PromptInput(c) => {
                if let Some(p) = &mut self.prompt {
                    p.push(c);
                }
                self.prompt_changed();
            }
            Action::PromptBackspace => {
                if let Some(p) = &mut self.prompt {
                    p.pop();
                }
                self.prompt_changed();
            }
            Action::PromptHistory(older) => self.recall_search(older),
            Action::PromptSubmit => match self.prompt_purpose {
                PromptPurpose::Search => self.submit_search(),
                PromptPurpose::Filter(_) => self.keep_filter(),
                PromptPurpose::Rename(e) => {
                    self.prompt_purpose = PromptPurpose::Search;
                    if let Some(name) = self.prompt.take() {
                        self.submit_rename(e, name);
                    }
                }
            },
            Action::Edit(edit) => self.edit(edit),
            Action::Cancel => self.cancel(),
            Action::ToggleMouse => {
                self.mouse = !self.mouse;
                self.message = Some(if self.mouse {
                    "mouse on: wheel scrolls, click selects".into()
                } else {
                    "mouse off: the terminal selects and copies text".into()
                });
                self.effects.push(Effect::SetMouse(self.mouse));
            }
            Action::Suspend => self.effects.push(Effect::Suspend),
            Action::CountSearchHits => self.count_hits(),
            Action::Resize { width, height } => {
                self.size = (width, height);
                self.relayout();
                self.help_to(i32::from(self.help_scroll));
            }
            Action::MouseScroll { column, row, lines } => self.mouse_scroll(column, row, lines),
            Action::MouseClick { column, row } => self.mouse_click(column, row),
            Action::ToggleConnections => self.toggle_panel(panels::PanelKind::Connections),
            Action::ToggleContexts => self.toggle_panel(panels::PanelKind::Contexts),
            Action::ToggleCorpus => self.toggle_panel(panels::PanelKind::Corpus),
            Action::ToggleQuotes => self.toggle_quotes(),
            Action::TogglePin => self.toggle_pin(),
            Action::ClearPins => self.clear_pins(),
            Action::Copy => self.copy(),
            Action::OpenEditor => self.open_editor(),
            Action::ToggleOnly => self.toggle_only(),
            Action::ToggleScope => self.toggle_scope(),
            Action::Work(work) => self.take_work(work),
        }
        self.only_follow_selection();
        self.tidy_panels();
        self.refresh_view();
        std::mem::take(&mut self.effects)
    }

    /// The prompt's text changed: a search or a filter follows it as typed.
    fn prompt_changed(&mut self) {
        match self.prompt_purpose {
            PromptPurpose::Search => self.search_as_typed(),
            PromptPurpose::Filter(_) => self.filter_as_typed(),
            PromptPurpose::Rename(_) => {}
        }
    }

    /// A cast for document `doc`: the first, or a fuller one of a cast shown in stages
    /// (the names read so far, the names, the whole cast), which the reader may be in
    /// already: then it grows in place.
    fn grow_cast(&mut self, doc: usize, cast: Cast) {
        let shown = self.shelf.shown_index();
        let Some(r) = self.shelf.get_mut(doc) else {
            return;
        };
        if doc == shown && r.names_only {
            self.recast(cast);
        } else {
            r.set_cast(cast);
            if doc == shown {
                self.cast_shown();
            }
        }
        self.corpus_grew();
    }

    /// News from the background work, about any reading of the shelf.
    pub(super) fn take_work(&mut self, work: Work) {
        let shown = self.shelf.shown_index();
        match work {
            Work::Progress { doc, percent } => {
                if let Some(r) = self.shelf.get_mut(doc) {
                    let percent = Some(percent.min(99));
                    // Under the cast of the names read so far, reading goes on.
                    match r.read_so_far {
                        Some(_) => r.read_so_far = percent,
                        None => r.progress = percent,
                    }
                }
            }
            Work::NamesSoFar { doc, cast, percent } => {
                self.grow_cast(doc, *cast);
                if let Some(r) = self.shelf.get_mut(doc) {
                    r.names_only = true;
                    r.read_so_far = Some(percent.min(99));
                }
            }
            Work::NamesReady { doc, cast } => {
                self.grow_cast(doc, *cast);
                if let Some(r) = self.shelf.get_mut(doc) {
                    r.names_only = true;
                }
            }
            Work::CastReady { doc, cast } => self.grow_cast(doc, *cast),
            Work::CurationReady {
                doc,
                curation,
                error,
            } => {
                let Some(r) = self.shelf.get_mut(doc) else {
                    return;
                };
                let unfit = curation.unfit.len();
                r.curation = Some(*curation);
                if doc != shown {
                    return;
                }
                if let Some(e) = error {
                    self.message = Some(e);
                } else if unfit > 0 {
                    self.message = Some(format!(
                        "{unfit} saved correction{} no longer fit{} this document",
                        if unfit == 1 { "" } else { "s" },
                        if unfit == 1 { "s" } else { "" }
                    ));
                }
            }
            Work::Resume { doc, memory } => self.resume(doc, &memory),
            Work::Fingerprinted { doc, fingerprint } => {
                if let Some(r) = self.shelf.get_mut(doc) {
                    r.fingerprint = Some(fingerprint);
                }
            }
            Work::RelationsReady { doc, relations } => self.set_relations(doc, *relations),
            Work::Failed => {
                self.take_work(Work::CastReady {
                    doc: shown,
                    cast: Box::default(),
                });
                self.message = Some("finding entities failed (details on exit)".into());
            }
            Work::NotSaved(why) => self.message = Some(why),
            Work::HitsCounted {
                doc,
                text,
                hit,
                count,
            } => self.hits_counted(doc, &text, hit, count),
            Work::Edited { error } => {
                self.message = Some(error.unwrap_or_else(|| {
                    "back from the editor (reopen the file to read changes)".into()
                }));
            }
        }
    }
}
