//! Pinned actors: up to four entities kept lit, each in its colour, found again by name and
//! kind in every document shown; the sentences where two of them meet are marked.

use std::ops::Range;

use super::App;
use crate::domain::entity::Kind;
use crate::domain::wrap;

/// How many actors can be pinned at once (each has its own colour and number).
pub const MAX_PINS: usize = 4;

/// The pinned entities.
#[derive(Debug, Default)]
pub struct Pins {
    /// In pin order.
    list: Vec<Pin>,
    /// The reading whose cast the pins' entity indices refer to.
    reading: usize,
    /// Sentences where two or more pinned entities are mentioned (sorted indices).
    meetings: Vec<u32>,
}

/// A pinned entity: found by name and kind again in every document shown.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Pin {
    name: String,
    kind: Kind,
    entity: Option<usize>,
}

impl App {
    /// The pinned entities of the shown document: `(pin number from 0, cast index)`.
    pub fn pins(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        let valid = self.pins_reading_ok();
        self.pins
            .list
            .iter()
            .enumerate()
            .filter(move |_| valid)
            .filter_map(|(slot, p)| Some((slot, p.entity?)))
    }

    /// Every pin with its name (also those not in the shown document), for the legend.
    pub fn pin_names(&self) -> impl Iterator<Item = (usize, &str, Kind, bool)> + '_ {
        let valid = self.pins_reading_ok();
        self.pins
            .list
            .iter()
            .enumerate()
            .map(move |(slot, p)| (slot, p.name.as_str(), p.kind, valid && p.entity.is_some()))
    }

    /// The pin number of entity `e`, if it is pinned.
    pub fn pin_of(&self, e: usize) -> Option<usize> {
        self.pins().find(|&(_, x)| x == e).map(|(slot, _)| slot)
    }

    /// Whether any sentence in bytes `range` is one where pinned actors meet.
    pub fn pins_meet_in(&self, range: Range<usize>) -> bool {
        let (Some(r), true) = (self.relations(), self.pins_reading_ok()) else {
            return false;
        };
        if self.pins.meetings.is_empty() {
            return false;
        }
        let ids = r.sentences.overlapping(range);
        let first = self
            .pins
            .meetings
            .partition_point(|&s| (s as usize) < ids.start);
        self.pins
            .meetings
            .get(first)
            .is_some_and(|&s| (s as usize) < ids.end)
    }

    pub(super) fn pins_reading_ok(&self) -> bool {
        self.pins.reading == self.shelf.shown_index() && self.reading().progress.is_none()
    }

    /// `p`: pins the target entity, or unpins it.
    pub(super) fn toggle_pin(&mut self) {
        let Some(e) = self.target_entity() else {
            self.message = Some("select an entity to pin: Tab, then Enter".into());
            return;
        };
        if !self.pins_reading_ok() {
            self.panels_on_cast();
        }
        let entity = &self.shelf.shown().cast.entities[e];
        if let Some(i) = self.pins.list.iter().position(|p| p.entity == Some(e)) {
            self.pins.list.remove(i);
            self.message = Some(format!("unpinned {}", wrap::sanitize(&entity.name)));
        } else if self.pins.list.len() >= MAX_PINS {
            self.message = Some(format!(
                "{MAX_PINS} pinned already: p on one of them unpins it, P unpins all"
            ));
            return;
        } else {
            self.pins.list.push(Pin {
                name: entity.name.clone(),
                kind: entity.kind,
                entity: Some(e),
            });
            self.message = Some(format!(
                "pinned {} as {}",
                wrap::sanitize(&entity.name),
                self.pins.list.len()
            ));
        }
        self.update_meetings();
    }

    /// The pins as a session keeps them: name and kind, in pin order.
    pub fn pins_to_remember(&self) -> Vec<(String, String)> {
        self.pins
            .list
            .iter()
            .map(|p| (p.name.clone(), p.kind.as_str().to_string()))
            .collect()
    }

    /// Pins remembered with a session come back when nothing is pinned yet.
    pub(super) fn restore_pins(&mut self, remembered: &[(String, String)]) {
        if !self.pins.list.is_empty() {
            return;
        }
        self.pins.list = remembered
            .iter()
            .filter_map(|(name, kind)| {
                Some(Pin {
                    name: name.clone(),
                    kind: Kind::parse(kind)?,
                    entity: None,
                })
            })
            .take(MAX_PINS)
            .collect();
        if self.pins.list.is_empty() {
            return;
        }
        self.pins_on_cast();
        self.update_meetings();
    }

    pub(super) fn clear_pins(&mut self) {
        let n = self.pins.list.len();
        self.pins.list.clear();
        self.pins.meetings.clear();
        self.message = Some(match n {
            0 => "nothing is pinned (p pins the selection)".into(),
            1 => "the pin removed".into(),
            n => format!("all {n} pins removed"),
        });
    }

    pub(super) fn update_meetings(&mut self) {
        let pinned: Vec<usize> = self.pins().map(|(_, e)| e).collect();
        let mut meetings = Vec::new();
        if let Some(r) = self.relations() {
            for (i, &a) in pinned.iter().enumerate() {
                for &b in &pinned[i + 1..] {
                    if let Some(c) = r.connections.between(a, b) {
                        meetings.extend_from_slice(c.sentences);
                    }
                }
            }
        }
        meetings.sort_unstable();
        meetings.dedup();
        self.pins.meetings = meetings;
    }

    /// A new cast is shown: each pin finds its entity in it again, by name and kind.
    pub(super) fn pins_on_cast(&mut self) {
        let cast = &self.shelf.shown().cast;
        for pin in &mut self.pins.list {
            pin.entity = cast
                .entities
                .iter()
                .position(|e| e.kind == pin.kind && e.name == pin.name);
        }
        self.pins.reading = self.shelf.shown_index();
    }
}
