//! The reader's corrections to a cast, as data: rename, merge, split, change kind, hide, add or
//! remove a mention, detach an inferred one (a pronoun or a description linked to the wrong
//! entity), new entity, who said a quotation. They are replayed in order on a fresh extraction
//! each time the document is opened, so they refer to entities by a key that survives
//! re-extraction, and a correction that no longer fits (the document changed, the entity is
//! gone, the text under a span differs) is returned to the caller rather than dropped.
//!
//! Pure: no I/O. `History` gives undo and redo; the sidecar module stores it.

use serde::{Deserialize, Serialize};

use crate::domain::document::Document;
use crate::domain::entity::{self, Entity, Form, Kind, Mention};
use crate::domain::quotes::Quotes;

mod speakers;

/// A span of the document with the text it held when the correction was made: the text is
/// checked on replay, so an edited document never gets a mention at the wrong words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
    pub text: String,
}

impl Span {
    pub fn of(doc: &Document, m: Mention) -> Span {
        Span {
            start: m.start,
            end: m.end,
            text: doc.text(m.range()).into_owned(),
        }
    }

    fn mention(&self) -> Mention {
        Mention {
            start: self.start,
            end: self.end,
            form: Form::Name,
        }
    }

    fn check(&self, doc: &Document) -> Result<Mention, Reason> {
        let found = doc.text(self.mention().range());
        if self.start < self.end && (self.end as usize) <= doc.len() && found == self.text {
            Ok(self.mention())
        } else {
            Err(Reason::TextChanged {
                span: self.clone(),
                found: found.into_owned(),
            })
        }
    }
}

/// Names an entity across re-extractions: by canonical name and kind, and failing that (a new
/// extractor names it differently) or to tell two same-named entities apart, by its first
/// mention at the time of the correction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Key {
    pub name: String,
    #[serde(with = "kind_name")]
    pub kind: Kind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<Span>,
}

impl Key {
    /// The key of `e`: its first name, not a pronoun or a description, which coreference may
    /// link before it ("a Scientology attorney, Kendrick Moxon") and may link differently
    /// after an update.
    pub fn of(doc: &Document, e: &Entity) -> Key {
        Key {
            name: e.name.clone(),
            kind: e.kind,
            at: first_name(e).map(|m| Span::of(doc, m)),
        }
    }
}

/// The first mention of `e` that is a name (or a demonym), else its first mention.
fn first_name(e: &Entity) -> Option<Mention> {
    e.mentions
        .iter()
        .find(|m| m.form.is_named())
        .or(e.mentions.first())
        .copied()
}

/// One correction. Serialised with an `"op"` field: `{"op":"rename","entity":{…},"name":"…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Correction {
    Rename {
        entity: Key,
        name: String,
    },
    /// `from` becomes part of `into`: its mentions and aliases move, its name goes.
    Merge {
        from: Key,
        into: Key,
    },
    /// The mentions of `entity` written `alias` become a new entity named `alias`.
    Split {
        entity: Key,
        alias: String,
    },
    SetKind {
        entity: Key,
        #[serde(with = "kind_name")]
        kind: Kind,
    },
    /// Not an entity: removed from the cast.
    Hide {
        entity: Key,
    },
    /// A span becomes a mention of `entity`, naming it as `form` says (a pronoun or a
    /// description attached by hand); mentions it overlaps are removed.
    AddMention {
        entity: Key,
        span: Span,
        /// Absent in the file means a name (sidecars written before forms existed).
        #[serde(
            default,
            skip_serializing_if = "form_name::is_name",
            with = "form_name"
        )]
        form: Form,
    },
    /// `entity` is not mentioned at `span`: a pronoun or a description linked to it is
    /// wrong. A mention of another entity there stays.
    Detach {
        entity: Key,
        span: Span,
    },
    /// A span is not a mention of anything.
    RemoveMention {
        span: Span,
    },
    /// A span is the first mention of a new entity; mentions it overlaps are removed.
    NewEntity {
        name: String,
        #[serde(with = "kind_name")]
        kind: Kind,
        span: Span,
    },
    /// The quotation at `quote` was said by `speaker`, or by nobody the text names (`null`).
    Speaker {
        quote: Span,
        speaker: Option<Key>,
    },
}

impl Correction {
    /// Whether a dramatis that knows only names (sidecar format 1) would misread it.
    pub fn needs_forms(&self) -> bool {
        match self {
            Correction::AddMention { form, .. } => *form != Form::Name,
            Correction::Detach { .. } => true,
            _ => false,
        }
    }

    /// A short description for lists of corrections that no longer fit.
    pub fn describe(&self) -> String {
        match self {
            Correction::Rename { entity, name } => format!("rename {:?} to {name:?}", entity.name),
            Correction::Merge { from, into } => {
                format!("merge {:?} into {:?}", from.name, into.name)
            }
            Correction::Split { entity, alias } => {
                format!("split {alias:?} off {:?}", entity.name)
            }
            Correction::SetKind { entity, kind } => {
                format!("make {:?} a {}", entity.name, kind.as_str())
            }
            Correction::Hide { entity } => format!("hide {:?}", entity.name),
            Correction::AddMention { entity, span, form } => format!(
                "add {}{:?} at {} to {:?}",
                match form {
                    Form::Name => "",
                    Form::Demonym => "the demonym ",
                    Form::Nominal => "the description ",
                    Form::Pronoun => "the pronoun ",
                },
                span.text,
                span.start,
                entity.name
            ),
            Correction::Detach { entity, span } => format!(
                "detach {:?} at {} from {:?}",
                span.text, span.start, entity.name
            ),
            Correction::RemoveMention { span } => {
                format!("remove the mention {:?} at {}", span.text, span.start)
            }
            Correction::NewEntity { name, kind, span } => format!(
                "new {} {name:?} from {:?} at {}",
                kind.as_str(),
                span.text,
                span.start
            ),
            Correction::Speaker { quote, speaker } => format!(
                "give the quotation {} at {} to {}",
                speakers::first_words(&quote.text),
                quote.start,
                speaker
                    .as_ref()
                    .map_or("nobody".to_string(), |k| format!("{:?}", k.name))
            ),
        }
    }
}

/// Why a correction no longer fits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// No entity has that name and kind, nor that first mention.
    EntityGone(Key),
    /// Several entities have that name and kind, and none that first mention.
    Ambiguous(Key),
    /// The document no longer holds the same text at the span.
    TextChanged { span: Span, found: String },
    /// The entity is no longer mentioned under that alias, or not at that span.
    NoSuchMention(String),
    /// No quotation is found at that span any more.
    NoSuchQuotation(Span),
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Reason::EntityGone(k) => {
                write!(f, "no {} named {:?} any more", k.kind.as_str(), k.name)
            }
            Reason::Ambiguous(k) => write!(
                f,
                "several entities are named {:?}; none starts where it did",
                k.name
            ),
            Reason::TextChanged { span, found } => write!(
                f,
                "the text at {}..{} is now {found:?}, not {:?}",
                span.start, span.end, span.text
            ),
            Reason::NoSuchMention(what) => write!(f, "no mention {what}"),
            Reason::NoSuchQuotation(span) => write!(
                f,
                "no quotation {} at {} any more",
                speakers::first_words(&span.text),
                span.start
            ),
        }
    }
}

/// A correction that was not applied, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unfit {
    /// Its position in the list given to [`apply`].
    pub index: usize,
    pub correction: Correction,
    pub reason: Reason,
}

/// Applies the corrections in order to entities freshly extracted from `doc` and their
/// quotations, and finishes with `entity::finalize` (order by importance, fresh ids) and the
/// quotations' speakers found again among the corrected entities. Returns those that did not
/// fit, in order; the rest are applied even when an earlier one failed.
pub fn apply(
    entities: &mut Vec<Entity>,
    quotes: &mut Quotes,
    corrections: &[Correction],
    doc: &Document,
) -> Vec<Unfit> {
    let mut unfit = Vec::new();
    let mut said = speakers::Said::default();
    for (index, c) in corrections.iter().enumerate() {
        let done = match c {
            Correction::Speaker { quote, speaker } => {
                said.give(entities, quotes, quote, speaker.as_ref(), doc)
            }
            _ => apply_one(entities, c, doc),
        };
        if let Err(reason) = done {
            unfit.push(Unfit {
                index,
                correction: c.clone(),
                reason,
            });
        }
    }
    *entities = entity::finalize(std::mem::take(entities));
    said.settle(quotes, entities);
    unfit
}

fn apply_one(entities: &mut Vec<Entity>, c: &Correction, doc: &Document) -> Result<(), Reason> {
    match c {
        Correction::Rename { entity, name } => {
            let i = resolve(entities, entity, doc)?;
            entities[i].name.clone_from(name);
        }
        Correction::Merge { from, into } => {
            let (f, t) = (resolve(entities, from, doc)?, resolve(entities, into, doc)?);
            if f != t {
                let gone = entities.remove(f);
                let t = if f < t { t - 1 } else { t };
                entities[t]
                    .mentions
                    .edit(|v| v.extend_from_slice(&gone.mentions));
                tidy(&mut entities[t], doc);
            }
        }
        Correction::Split { entity, alias } => {
            let i = resolve(entities, entity, doc)?;
            // Names only: a pronoun or description is never split off, it is detached.
            let (moved, kept): (Vec<Mention>, Vec<Mention>) = entities[i]
                .mentions
                .iter()
                .partition(|m| m.form.is_named() && doc.text(m.range()) == alias.as_str());
            if moved.is_empty() {
                return Err(Reason::NoSuchMention(format!(
                    "{alias:?} of {:?}",
                    entity.name
                )));
            }
            entities[i].mentions = kept.into();
            tidy(&mut entities[i], doc);
            let kind = entities[i].kind;
            entities.push(new_entity(alias, kind, moved, doc));
        }
        Correction::SetKind { entity, kind } => {
            let i = resolve(entities, entity, doc)?;
            entities[i].kind = *kind;
        }
        Correction::Hide { entity } => {
            let i = resolve(entities, entity, doc)?;
            entities.remove(i);
        }
        Correction::AddMention { entity, span, form } => {
            let m = Mention {
                form: *form,
                ..span.check(doc)?
            };
            let i = resolve(entities, entity, doc)?;
            // Clearing keeps every entity in place (emptied ones go at `finalize`), so `i`
            // still names the target.
            clear(entities, m, doc);
            entities[i].mentions.edit(|v| v.push(m));
            tidy(&mut entities[i], doc);
        }
        Correction::RemoveMention { span } => {
            let m = span.check(doc)?;
            // By place, whatever its form: a pronoun is removed like a name.
            let holder = entities
                .iter()
                .position(|e| e.mentions.iter().any(|x| x.range() == m.range()));
            let Some(i) = holder else {
                return Err(Reason::NoSuchMention(format!(
                    "{:?} at {}",
                    span.text, span.start
                )));
            };
            entities[i]
                .mentions
                .edit(|v| v.retain(|x| x.range() != m.range()));
            tidy(&mut entities[i], doc);
        }
        Correction::Detach { entity, span } => {
            let m = span.check(doc)?;
            let i = resolve(entities, entity, doc)?;
            if !entities[i].mentions.iter().any(|x| x.range() == m.range()) {
                return Err(Reason::NoSuchMention(format!(
                    "{:?} at {} of {:?}",
                    span.text, span.start, entity.name
                )));
            }
            entities[i]
                .mentions
                .edit(|v| v.retain(|x| x.range() != m.range()));
            tidy(&mut entities[i], doc);
        }
        Correction::NewEntity { name, kind, span } => {
            let m = span.check(doc)?;
            clear(entities, m, doc);
            let mut e = new_entity(&span.text, *kind, vec![m], doc);
            e.name.clone_from(name);
            entities.push(e);
        }
        // Applied with the quotations, by `apply`.
        Correction::Speaker { .. } => {}
    }
    Ok(())
}

/// The entity a key names (see [`Key`]). Mentions are compared by place, whatever their
/// form: a key's span is written without one.
fn resolve(entities: &[Entity], key: &Key, doc: &Document) -> Result<usize, Reason> {
    let at = key.at.as_ref().and_then(|s| s.check(doc).ok());
    let named: Vec<usize> = (0..entities.len())
        .filter(|&i| entities[i].name == key.name && entities[i].kind == key.kind)
        .collect();
    let same = |a: Mention, b: Mention| a.range() == b.range();
    let holds = |e: &Entity, m: Mention| e.mentions.iter().any(|&x| same(x, m));
    let starts_at =
        |i: &usize| at.is_some_and(|m| first_name(&entities[*i]).is_some_and(|f| same(f, m)));
    match named.as_slice() {
        [one] => Ok(*one),
        [] => at
            .and_then(|m| entities.iter().position(|e| holds(e, m)))
            .ok_or_else(|| Reason::EntityGone(key.clone())),
        several => several
            .iter()
            .copied()
            .find(starts_at)
            .or_else(|| {
                let m = at?;
                several.iter().copied().find(|&i| holds(&entities[i], m))
            })
            .ok_or_else(|| Reason::Ambiguous(key.clone())),
    }
}

/// Removes every mention overlapping `m`, from every entity.
fn clear(entities: &mut [Entity], m: Mention, doc: &Document) {
    let apart = |x: &Mention| x.end <= m.start || x.start >= m.end;
    for e in entities.iter_mut() {
        // Only entities that lose a mention are edited (an edit copies shared mentions).
        if !e.mentions.iter().all(apart) {
            e.mentions.edit(|v| v.retain(apart));
            tidy(e, doc);
        }
    }
}

/// Sorted, non-overlapping mentions (the first wins), and aliases recomputed from the names
/// among them (never a pronoun or a description).
fn tidy(e: &mut Entity, doc: &Document) {
    e.mentions.edit(|v| {
        v.sort_unstable();
        v.dedup();
        let mut end = 0;
        v.retain(|m| {
            let keep = m.start >= end;
            if keep {
                end = m.end;
            }
            keep
        });
    });
    let mut aliases: Vec<String> = Vec::new();
    for m in e.mentions.iter().filter(|m| m.form.is_named()) {
        let t = doc.text(m.range());
        if !aliases.iter().any(|a| *a == t) {
            aliases.push(t.into_owned());
        }
    }
    e.aliases = aliases;
}

fn new_entity(name: &str, kind: Kind, mentions: Vec<Mention>, doc: &Document) -> Entity {
    let mut e = Entity {
        id: String::new(),
        name: name.to_owned(),
        kind,
        aliases: Vec::new(),
        mentions: mentions.into(),
    };
    tidy(&mut e, doc);
    e
}

/// Undo and redo over corrections: `done` is what is in effect, in order; `undone` what undo
/// took back, the most recent last, until a new correction clears it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct History {
    pub done: Vec<Correction>,
    #[serde(default)]
    pub undone: Vec<Correction>,
}

impl History {
    pub fn push(&mut self, c: Correction) {
        self.done.push(c);
        self.undone.clear();
    }

    /// Takes back the last correction; the caller re-applies [`History::active`].
    pub fn undo(&mut self) -> Option<&Correction> {
        let c = self.done.pop()?;
        self.undone.push(c);
        self.undone.last()
    }

    pub fn redo(&mut self) -> Option<&Correction> {
        let c = self.undone.pop()?;
        self.done.push(c);
        self.done.last()
    }

    /// The corrections in effect, in the order they were made.
    pub fn active(&self) -> &[Correction] {
        &self.done
    }

    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }
}

/// Forms as their `extract --json` names.
mod form_name {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    use crate::domain::entity::Form;

    pub fn is_name(form: &Form) -> bool {
        *form == Form::Name
    }

    pub fn serialize<S: Serializer>(form: &Form, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(form.as_str())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Form, D::Error> {
        let name = String::deserialize(d)?;
        Form::parse(&name).ok_or_else(|| D::Error::custom(format!("unknown form {name:?}")))
    }
}

/// Kinds as their `extract --json` names.
mod kind_name {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    use crate::domain::entity::Kind;

    pub fn serialize<S: Serializer>(kind: &Kind, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(kind.as_str())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Kind, D::Error> {
        let name = String::deserialize(d)?;
        Kind::parse(&name).ok_or_else(|| D::Error::custom(format!("unknown kind {name:?}")))
    }
}

#[cfg(test)]
mod tests;
