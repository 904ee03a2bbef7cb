//! brat standoff (`.ann`), the format of brat and INCEpTION's brat export.
//!
//! Read: `T` lines (text-bound annotations; offsets into the `.txt`, which must be the document
//! exactly), `*\tEquiv` lines (the listed annotations are one entity), `N` lines
//! (normalisation: the id is kept on the entity) and `A` lines of the `Form` attribute (how a
//! mention names its entity: `A1\tForm T3 pronoun`). Relations, events, other attributes and
//! notes (`R`, `E`, `A`, `M`, `#`) have no place in a cast and are skipped.
//!
//! A discontinuous span (`T1\tPER 0 5;10 15\tAlice Smith`) becomes one mention per fragment, all
//! of the same entity, known by the joined text: dramatis mentions are contiguous byte ranges
//! that the reader highlights, and each fragment is a piece of text the annotator marked.
//!
//! Written: one `T` line per mention in document order (a mention that crosses a line end is
//! written as a discontinuous span, one fragment per line, since brat texts are one line), an
//! `A` line with the `Form` of each mention that is not a name (`demonym`, `nominal`,
//! `pronoun`), an `Equiv` line joining the first mention of each alias and every pronoun and
//! description when an entity has several, and an `N` line for a normalisation id. brat pairs one `.ann` with one `.txt`, so this is one document.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;

use super::build::{Collector, Imported, UnitHint, quote};
use super::labels;
use super::offsets::{OffsetMap, Unit};
use crate::domain::document::Document;
use crate::domain::entity::{Entity, Form};

pub fn import(doc: &Document, content: &str, unit: Unit) -> Imported {
    let mut out = Collector::default();
    let map = OffsetMap::new(doc.bytes(), unit);
    let hint = UnitHint::new(doc);
    for (i, line) in content.lines().enumerate() {
        let n = i + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let mut fields = line.splitn(3, '\t');
        let id = fields.next().unwrap_or_default();
        let body = fields.next().unwrap_or_default();
        let text = fields.next();
        match id.chars().next() {
            Some('T') => text_bound(doc, (&map, &hint), &mut out, n, (id, body, text)),
            Some('*') => {
                let mut parts = body.split_whitespace();
                if parts.next() == Some("Equiv") {
                    let ids: Vec<&str> = parts.collect();
                    for other in ids.iter().skip(1) {
                        out.equiv(ids[0], other);
                    }
                }
            }
            Some('N') => {
                // N1\tReference T1 Wikidata:Q42\tDouglas Adams
                let parts: Vec<&str> = body.split_whitespace().collect();
                match parts.as_slice() {
                    [_, target, norm] => out.norm(target, norm),
                    _ => out.problem(n, "a normalisation line needs a target and an id"),
                }
            }
            Some('A') => {
                // A1\tForm T3 pronoun: how a mention names its entity (dramatis writes it).
                let parts: Vec<&str> = body.split_whitespace().collect();
                if let ["Form", target, value] = parts.as_slice()
                    && let Some(form) = Form::parse(value)
                {
                    out.form(target, form);
                }
            }
            Some('R' | 'E' | 'M' | '#') => {}
            _ => out.problem(n, format!("not a brat standoff line: {}", quote(line))),
        }
    }
    out.finish(doc)
}

fn text_bound(
    doc: &Document,
    (map, hint): (&OffsetMap, &UnitHint),
    out: &mut Collector,
    n: usize,
    (id, body, text): (&str, &str, Option<&str>),
) {
    let Some((label, spans)) = body.split_once(' ') else {
        out.problem(n, "a text-bound annotation needs a label and offsets");
        return;
    };
    let mut fragments: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    for piece in spans.split(';') {
        let nums: Vec<Option<usize>> = piece.split_whitespace().map(|s| s.parse().ok()).collect();
        let [Some(a), Some(b)] = nums.as_slice() else {
            out.problem(n, format!("bad offsets {}", quote(piece)));
            return;
        };
        if a >= b {
            out.problem(n, format!("span {a}..{b} is empty or reversed"));
            return;
        }
        let Some(bytes) = map.range_to_bytes(*a..*b) else {
            out.problem(n, format!("span {a}..{b} is outside the document"));
            return;
        };
        fragments.push((*a..*b, bytes));
    }
    let joined = fragments
        .iter()
        .map(|(_, r)| doc.text(r.clone()))
        .collect::<Vec<_>>()
        .join(" ");
    if let Some(expected) = text
        && joined != expected
    {
        let spans = fragments
            .iter()
            .map(|(u, _)| format!("{}..{}", u.start, u.end))
            .collect::<Vec<_>>()
            .join(";");
        out.problem(
            n,
            format!(
                "span {spans} {} does not match the document ({})",
                quote(expected),
                quote(&joined)
            ),
        );
        return;
    }
    if fragments.len() > 1 {
        out.name(id, &joined);
    }
    for (units, bytes) in &fragments {
        if let Some(h) = hint.check(doc, bytes.clone(), units.clone()) {
            out.problem(n, h);
        }
    }
    for (_, bytes) in fragments {
        out.labeled(bytes, label, Some(id));
    }
}

/// The `.ann` text for one document.
pub fn export(
    doc: &Document,
    entities: &[Entity],
    norms: &BTreeMap<String, String>,
    unit: Unit,
) -> String {
    let map = OffsetMap::new(doc.bytes(), unit);
    // Number the mentions in document order, as brat does.
    let mut all: Vec<(u32, usize, usize)> = Vec::new();
    for (ei, e) in entities.iter().enumerate() {
        for (mi, m) in e.mentions.iter().enumerate() {
            all.push((m.start, ei, mi));
        }
    }
    all.sort_unstable();
    let mut number: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    let mut out = String::new();
    for (t, &(_, ei, mi)) in all.iter().enumerate() {
        let m = entities[ei].mentions[mi];
        number.insert((ei, mi), t + 1);
        let fragments = line_pieces(doc, m.range());
        let offsets = fragments
            .iter()
            .map(|r| {
                let u = map.range_to_units(r.clone());
                format!("{} {}", u.start, u.end)
            })
            .collect::<Vec<_>>()
            .join(";");
        let text = fragments
            .iter()
            .map(|r| doc.text(r.clone()))
            .collect::<Vec<_>>()
            .join(" ");
        let label = labels::label_of(entities[ei].kind);
        let _ = writeln!(out, "T{}\t{label} {offsets}\t{text}", t + 1);
    }
    let mut attributes = 0;
    for &(_, ei, mi) in &all {
        let m = entities[ei].mentions[mi];
        if m.form != Form::Name {
            attributes += 1;
            let t = number[&(ei, mi)];
            let _ = writeln!(out, "A{attributes}\tForm T{t} {}", m.form.as_str());
        }
    }
    let mut n = 0;
    for (ei, e) in entities.iter().enumerate() {
        // The first mention of each distinct name: enough for brat to join them; and every
        // pronoun and description, which their text does not join.
        let mut seen: Vec<std::borrow::Cow<str>> = Vec::new();
        let mut ids = Vec::new();
        for (mi, m) in e.mentions.iter().enumerate() {
            let t = doc.text(m.range());
            if !m.form.is_named() || !seen.contains(&t) {
                if m.form.is_named() {
                    seen.push(t);
                }
                ids.push(format!("T{}", number[&(ei, mi)]));
            }
        }
        if ids.len() > 1 {
            let _ = writeln!(out, "*\tEquiv {}", ids.join(" "));
        }
        if let Some(norm) = norms.get(&e.id) {
            n += 1;
            let first = number[&(ei, 0)];
            let _ = writeln!(
                out,
                "N{n}\tReference T{first} {norm}\t{}",
                one_line(&e.name)
            );
        }
    }
    out
}

/// The pieces of a range between line ends (CR, LF), empty pieces dropped.
fn line_pieces(doc: &Document, range: Range<usize>) -> Vec<Range<usize>> {
    let bytes = &doc.bytes()[range.clone()];
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' || b == b'\r' {
            if start < i {
                out.push(range.start + start..range.start + i);
            }
            start = i + 1;
        }
    }
    if start < bytes.len() {
        out.push(range.start + start..range.end);
    }
    if out.is_empty() {
        out.push(range);
    }
    out
}

fn one_line(s: &str) -> String {
    s.replace(['\n', '\r', '\t'], " ")
}
