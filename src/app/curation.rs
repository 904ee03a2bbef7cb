//! Correcting the cast in the reader: rename, merge, split an alias off, change a kind, hide,
//! add a mention or a new entity from the current search hit; undo and redo. Every change is
//! a `Correction` pushed on the document's history; the cast is recomputed from the fresh
//! extraction plus the history (so undo is exact), and the terminal layer saves the history to
//! the sidecar after each change (the app itself does no I/O).

use super::*;
use crate::domain::connections::Relations;
use crate::domain::corrections::{self, Correction, History, Key as EntityKey, Span, Unfit};
use crate::domain::entity::Kind;
use crate::sidecar::Sidecar;

/// Documents up to this size get their connections recounted at once after a correction;
/// larger ones until the next open.
const RECOUNT_LIMIT: usize = 8 << 20;

/// A document's corrections.
#[derive(Debug, Clone)]
pub struct Curation {
    /// The entities as extracted (or imported), before any correction. `None` while the cast
    /// was opened with no correction in effect and none has been made since: the fresh
    /// entities are then the cast's own, kept once (on a large document they are tens of
    /// megabytes), and copied from the cast at the first correction.
    fresh: Option<Vec<Entity>>,
    pub history: History,
    /// Saved corrections that no longer fit the document.
    pub unfit: Vec<Unfit>,
    /// Where the history is saved; `None` when there is nowhere to save.
    pub sidecar: Option<Sidecar>,
    /// The history changed since it was last saved.
    pub dirty: bool,
    /// Why saved corrections could not be read, if they could not.
    pub error: Option<String>,
}

impl Curation {
    /// The corrections of `doc` over its `fresh` entities, and the cast they give.
    pub fn new(
        fresh: Vec<Entity>,
        history: History,
        sidecar: Option<Sidecar>,
        doc: &Document,
    ) -> (Curation, Vec<Entity>) {
        let mut c = Curation {
            fresh: None,
            history,
            unfit: Vec::new(),
            sidecar,
            dirty: false,
            error: None,
        };
        if c.history.active().is_empty() {
            // What `corrections::apply` gives for no corrections, without a copy: the fresh
            // entities, which every extractor and importer has finalized already (doing it
            // again took a tenth of a second at 100 MB, for the same result).
            return (c, fresh);
        }
        c.fresh = Some(fresh);
        let (entities, unfit) = c.entities(doc, &[]);
        c.unfit = unfit;
        (c, entities)
    }

    /// The cast with the corrections in effect, and those that did not fit. `shown` is the
    /// cast on screen: while no correction has been in effect, it is the fresh cast.
    pub fn entities(&mut self, doc: &Document, shown: &[Entity]) -> (Vec<Entity>, Vec<Unfit>) {
        let mut entities = self.fresh.get_or_insert_with(|| shown.to_vec()).clone();
        let unfit = corrections::apply(&mut entities, self.history.active(), doc);
        (entities, unfit)
    }
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
    /// The alias of the current mention becomes an entity of its own.
    SplitAlias,
    /// The current search hit becomes a mention of the selected entity.
    AddHit,
    /// `A` then a kind letter: the current search hit becomes a new entity.
    BeginNewEntity,
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

impl App {
    pub(super) fn edit(&mut self, edit: Edit) {
        if self.curation.is_none() {
            self.message = Some(match self.progress {
                Some(_) => "the cast is still being found".into(),
                None => "this cast cannot be corrected".into(),
            });
            return;
        }
        let doc = self.doc.clone();
        let selected = self
            .selected
            .map(|e| EntityKey::of(&doc, &self.cast.entities[e]));
        let correction = match edit {
            Edit::Rename => {
                return match selected {
                    Some(_) => {
                        self.prompt = Some(String::new());
                        self.prompt_purpose = PromptPurpose::Rename;
                    }
                    None => self.message = Some("select an entity to rename".into()),
                };
            }
            Edit::BeginSetKind | Edit::BeginNewEntity => {
                let ready = match edit {
                    Edit::BeginSetKind => selected.is_some(),
                    _ => self.current_hit().is_some(),
                };
                if ready {
                    self.pending = Some(if edit == Edit::BeginSetKind {
                        Pending::Kind
                    } else {
                        Pending::NewEntity
                    });
                } else {
                    self.message = Some(match edit {
                        Edit::BeginSetKind => "select an entity first".into(),
                        _ => "search for the words first (/), then A".into(),
                    });
                }
                return;
            }
            Edit::SetKind(kind) => {
                self.pending = None;
                selected.map(|entity| Correction::SetKind { entity, kind })
            }
            Edit::Hide => selected.map(|entity| Correction::Hide { entity }),
            Edit::MergeIntoSelection => match (self.cursor_entity(), self.selected) {
                (Some(from), Some(into)) if from != into => Some(Correction::Merge {
                    from: EntityKey::of(&doc, &self.cast.entities[from]),
                    into: EntityKey::of(&doc, &self.cast.entities[into]),
                }),
                _ => {
                    self.message = Some(
                        "select the entity to keep, then + on the one to merge into it".into(),
                    );
                    return;
                }
            },
            Edit::SplitAlias => match (selected, self.current_mention()) {
                (Some(entity), Some(m)) => Some(Correction::Split {
                    entity,
                    alias: doc.text(m.range()).into_owned(),
                }),
                _ => {
                    self.message =
                        Some("go to a mention (n) of the selected entity, then -".into());
                    return;
                }
            },
            Edit::AddHit => match (selected, self.current_hit()) {
                (Some(entity), Some(hit)) => Some(Correction::AddMention {
                    entity,
                    span: Span::of(&doc, Mention::new(hit)),
                }),
                _ => {
                    self.message =
                        Some("select an entity and search for the words (/), then a".into());
                    return;
                }
            },
            Edit::NewEntity(kind) => {
                self.pending = None;
                self.current_hit().map(|hit| Correction::NewEntity {
                    name: doc.text(hit.clone()).into_owned(),
                    kind,
                    span: Span::of(&doc, Mention::new(hit)),
                })
            }
            Edit::Undo | Edit::Redo => {
                let curation = self.curation.as_mut().expect("checked above");
                let done = if edit == Edit::Undo {
                    curation.history.undo().cloned()
                } else {
                    curation.history.redo().cloned()
                };
                match done {
                    Some(c) => {
                        curation.dirty = true;
                        let what = if edit == Edit::Undo {
                            "undone"
                        } else {
                            "redone"
                        };
                        self.recompute_cast(Some(format!("{what}: {}", c.describe())));
                    }
                    None => {
                        self.message = Some(format!(
                            "nothing to {}",
                            if edit == Edit::Undo { "undo" } else { "redo" }
                        ))
                    }
                }
                return;
            }
        };
        let Some(correction) = correction else {
            self.message = Some("select an entity first".into());
            return;
        };
        let note = correction.describe();
        let curation = self.curation.as_mut().expect("checked above");
        curation.history.push(correction);
        curation.dirty = true;
        self.recompute_cast(Some(note));
    }

    /// Renames the selected entity to the prompt's text.
    pub(super) fn submit_rename(&mut self, name: String) {
        let name = name.trim().to_string();
        let (Some(e), false) = (self.selected, name.is_empty()) else {
            return;
        };
        let entity = EntityKey::of(&self.doc, &self.cast.entities[e]);
        let correction = Correction::Rename { entity, name };
        let note = correction.describe();
        if let Some(curation) = self.curation.as_mut() {
            curation.history.push(correction);
            curation.dirty = true;
            self.recompute_cast(Some(note));
        }
    }

    /// The current search hit, if a search has one.
    fn current_hit(&self) -> Option<std::ops::Range<usize>> {
        self.search.as_ref().and_then(|s| s.hit.clone())
    }

    /// Rebuilds the cast from the fresh entities and the history, keeping the selection (by
    /// name, then by where it was mentioned) and the view.
    fn recompute_cast(&mut self, note: Option<String>) {
        if self.curation.is_none() {
            return;
        }
        let keep = self
            .selected
            .and_then(|e| self.cast.entities.get(e))
            .map(|e| (e.name.clone(), e.mentions.first().copied()));
        let cursor_name = self
            .cursor_entity()
            .map(|e| self.cast.entities[e].name.clone());
        let current = self.current_mention();
        let curation = self.curation.as_mut().expect("checked above");
        let (entities, unfit) = curation.entities(&self.doc, &self.cast.entities);
        let focus = self.focus;
        let mut quotes = self.cast.quotes.clone();
        crate::domain::quotes::reattribute(&mut quotes, &entities);
        self.set_cast(Cast::with_quotes(entities, quotes));
        self.focus = focus;
        if let Some((name, first)) = keep {
            let found = self
                .cast
                .entities
                .iter()
                .position(|e| e.name == name)
                .or_else(|| {
                    first.and_then(|m| {
                        self.cast
                            .entities
                            .iter()
                            .position(|e| e.mentions.contains(&m))
                    })
                });
            if let Some(e) = found {
                self.selected = Some(e);
                self.current =
                    current.and_then(|m| self.cast.entities[e].mentions.binary_search(&m).ok());
            }
        }
        if let Some(name) = cursor_name
            && let Some(e) = self.cast.entities.iter().position(|x| x.name == name)
        {
            self.cursor_to_entity(e);
        }
        // Connections were counted for the old cast's entities.
        if self.doc.len() <= RECOUNT_LIMIT {
            let relations =
                Relations::compute_with(&self.doc, &self.cast.index, self.cast.entities.len());
            self.set_relations(self.shelf, relations);
        } else {
            self.forget_relations(self.shelf);
        }
        let unfit_note = match unfit.len() {
            0 => String::new(),
            n => format!(
                " ({n} saved correction{} no longer fit)",
                if n == 1 { "" } else { "s" }
            ),
        };
        if let Some(curation) = self.curation.as_mut() {
            curation.unfit = unfit;
        }
        self.message = note.map(|n| format!("{n}{unfit_note}"));
    }

    /// Takes the history to save, if it changed (the terminal layer writes it).
    pub fn take_unsaved(&mut self) -> Option<(&mut Sidecar, &History)> {
        let curation = self.curation.as_mut()?;
        if !curation.dirty {
            return None;
        }
        curation.dirty = false;
        let Curation {
            sidecar, history, ..
        } = curation;
        Some((sidecar.as_mut()?, history))
    }
}
