//! Correcting the cast in the reader: rename, merge, split an alias off or detach a pronoun or
//! description, change a kind, hide, add a mention or a new entity from the current search
//! hit, who said a quotation (see `quotes`); undo and redo. Each acts on one entity by one
//! rule: the one under the cast cursor while the cast has focus, else the selection; those
//! about a mention or a hit in the text (split, detach, add) act on the selection, whose
//! mention it is. Every change is a `Correction` pushed on the document's history; the cast
//! is recomputed from the fresh extraction plus the history (so undo is exact), and each
//! change asks the terminal layer to save the history (`Effect::SaveCorrections`: the app
//! itself does no I/O).

use super::{App, PromptPurpose};
use crate::domain::cast::Cast;
use crate::domain::connections::Relations;
use crate::domain::corrections::{Correction, Key as EntityKey, Span};
use crate::domain::entity::{Form, Mention};
use crate::domain::extract::coref;
use crate::reader::action::{Edit, Effect, Pending};

/// Documents up to this size get their connections recounted at once after a correction;
/// larger ones until the next open.
const RECOUNT_LIMIT: usize = 8 << 20;

impl App {
    pub(super) fn edit(&mut self, edit: Edit) {
        if self.reading().curation.is_none() {
            self.message = Some(match self.reading().progress {
                Some(_) => "the cast is still being found".into(),
                None if self.reading().names_only => {
                    "pronouns and quotations are still being found: corrections after".into()
                }
                None => "this cast cannot be corrected".into(),
            });
            return;
        }
        let doc = self.doc().clone();
        // One rule for every correction: the entity under the cast cursor while the cast has
        // focus, else the selection (`target_entity`).
        let target = self.target_entity();
        let key = target.map(|e| EntityKey::of(&doc, &self.cast().entities[e]));
        let selected = self
            .reading()
            .selected
            .map(|e| EntityKey::of(&doc, &self.cast().entities[e]));
        let correction = match edit {
            Edit::Rename => {
                return match target {
                    Some(e) => {
                        // The prompt starts from the name: most renames fix a word or two.
                        self.prompt = Some(self.cast().entities[e].name.clone());
                        self.prompt_purpose = PromptPurpose::Rename(e);
                    }
                    None => self.message = Some("select an entity to rename".into()),
                };
            }
            Edit::BeginSetKind | Edit::BeginNewEntity => {
                let ready = match edit {
                    Edit::BeginSetKind => target.is_some(),
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
                key.map(|entity| Correction::SetKind { entity, kind })
            }
            Edit::Hide => key.map(|entity| Correction::Hide { entity }),
            Edit::MergeIntoSelection => match (target, self.reading().selected) {
                (Some(from), Some(into)) if from != into => Some(Correction::Merge {
                    from: EntityKey::of(&doc, &self.cast().entities[from]),
                    into: EntityKey::of(&doc, &self.cast().entities[into]),
                }),
                _ => {
                    self.message = Some(
                        "select the entity to keep, then + on the one to merge into it".into(),
                    );
                    return;
                }
            },
            // A mention belongs to the selection: the current mention is one of its.
            Edit::SplitOrDetach => match (selected, self.current_mention()) {
                (Some(entity), Some(m)) if !m.form.is_named() => Some(Correction::Detach {
                    entity,
                    span: Span::of(&doc, m),
                }),
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
            // The hit is in the text: it becomes a mention of the selection.
            Edit::AddHit => match (selected, self.current_hit()) {
                (Some(entity), Some(hit)) if self.is_selected_mention(&hit) => {
                    self.message = Some(format!(
                        "{:?} is a mention of {:?} already",
                        doc.text(hit),
                        entity.name
                    ));
                    return;
                }
                (Some(entity), Some(hit)) => Some(Correction::AddMention {
                    form: self.form_of_hit(hit.clone()),
                    entity,
                    span: Span::of(&doc, Mention::new(hit)),
                }),
                _ => {
                    self.message = Some(
                        "select an entity, then search for the words (/) or click one, then a"
                            .into(),
                    );
                    return;
                }
            },
            Edit::Speaker => match self.speaker_correction() {
                Ok(c) => Some(c),
                Err(why) => {
                    self.message = Some(why);
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
                let curation = self.reading_mut().curation.as_mut().expect("checked above");
                let done = if edit == Edit::Undo {
                    curation.history.undo().cloned()
                } else {
                    curation.history.redo().cloned()
                };
                match done {
                    Some(c) => {
                        self.save_corrections();
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
                        ));
                    }
                }
                return;
            }
        };
        let Some(correction) = correction else {
            self.message = Some("select an entity first".into());
            return;
        };
        let mut note = correction.describe();
        if let Correction::AddMention { span, .. } = &correction
            && let Some(owner) = self.owner_of(span)
        {
            note.push_str(&format!(" (it leaves {owner:?})"));
        }
        let curation = self.reading_mut().curation.as_mut().expect("checked above");
        curation.history.push(correction);
        self.save_corrections();
        self.recompute_cast(Some(note));
    }

    /// Renames entity `e` (the one `r` was pressed on) to the prompt's text.
    pub(super) fn submit_rename(&mut self, e: usize, name: String) {
        let name = name.trim().to_string();
        if name.is_empty()
            || e >= self.cast().entities.len()
            || self.cast().entities[e].name == name
        {
            return;
        }
        let entity = EntityKey::of(self.doc(), &self.cast().entities[e]);
        let correction = Correction::Rename { entity, name };
        let note = correction.describe();
        if let Some(curation) = self.reading_mut().curation.as_mut() {
            curation.history.push(correction);
            self.save_corrections();
            self.recompute_cast(Some(note));
        }
    }

    /// Whether the selected entity has a mention exactly at `range` (lit or not).
    fn is_selected_mention(&self, range: &std::ops::Range<usize>) -> bool {
        self.cast()
            .index
            .at(range.start)
            .is_some_and(|(m, e)| m.range() == *range && Some(e) == self.reading().selected)
    }

    /// The name of the entity other than the selection that has a mention exactly at `span`.
    fn owner_of(&self, span: &Span) -> Option<String> {
        let (m, e) = self.cast().index.at(span.start as usize)?;
        let other =
            m.start == span.start && m.end == span.end && Some(e) != self.reading().selected;
        other.then(|| self.cast().entities[e].name.clone())
    }

    /// How the words at `hit` would name an entity: as the mention already there says (a
    /// pronoun linked to the wrong entity keeps being a pronoun), else as they are written.
    fn form_of_hit(&self, hit: std::ops::Range<usize>) -> Form {
        match self.cast().index.at(hit.start) {
            Some((m, _)) if m.range() == hit => m.form,
            _ => coref::form_of(&self.doc().text(hit)),
        }
    }

    /// The current search hit, if a search has one.
    fn current_hit(&self) -> Option<std::ops::Range<usize>> {
        self.search.as_ref().and_then(|s| s.hit.clone())
    }

    /// Rebuilds the cast from the fresh entities and the history, keeping the reader's place
    /// (see `recast`).
    fn recompute_cast(&mut self, note: Option<String>) {
        if self.reading().curation.is_none() {
            return;
        }
        let reading = self.reading_mut();
        let curation = reading.curation.as_mut().expect("checked above");
        let (entities, quotes, unfit) = curation.apply(&reading.doc, &reading.cast);
        self.recast(Cast::with_quotes(entities, quotes));
        // Connections were counted for the old cast's entities.
        if self.doc().len() <= RECOUNT_LIMIT {
            let relations =
                Relations::compute_with(self.doc(), &self.cast().index, self.cast().entities.len());
            self.set_relations(self.shelf.shown_index(), relations);
        } else {
            self.forget_relations(self.shelf.shown_index());
        }
        let unfit_note = match unfit.len() {
            0 => String::new(),
            n => format!(
                " ({n} saved correction{} no longer fit)",
                if n == 1 { "" } else { "s" }
            ),
        };
        if let Some(curation) = self.reading_mut().curation.as_mut() {
            curation.unfit = unfit;
        }
        self.message = note.map(|n| format!("{n}{unfit_note}"));
    }

    /// Corrections are saved the moment they are made.
    fn save_corrections(&mut self) {
        if let Some(curation) = &self.reading().curation {
            self.effects.push(Effect::SaveCorrections {
                doc: self.shelf.shown_index(),
                history: curation.history.clone(),
            });
        }
    }
}
