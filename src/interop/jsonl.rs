//! JSON Lines importers, one record per line: the spaCy/displaCy manual shape
//! (`{"text", "ents": [{"start", "end", "label"}]}`), Prodigy (`"spans"`, same fields; rejected
//! and ignored answers skipped), doccano (`"label": [[start, end, "LABEL"]]` and the newer
//! `"entities": [{"start_offset", "end_offset", "label"}]`) and dramatis's own `extract --json`.
//!
//! A record's offsets count from the start of its own `"text"`. That text is looked up in the
//! document, in order, so a file can hold the whole document in one record or one record per
//! paragraph or sentence. Each span's text in the record is compared with the document at the
//! converted offset: a difference is reported with the line number, and the span is dropped.

use serde_json::Value;

use super::build::{Collector, Imported, UnitHint, check_text, quote};
use super::labels;
use super::offsets::{OffsetMap, Unit};
use crate::domain::document::Document;
use crate::domain::entity::{Form, Kind};

pub fn import(doc: &Document, content: &str, unit: Unit) -> Imported {
    let mut out = Collector::default();
    let records: Vec<(usize, Value)> = content
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .filter_map(|(i, l)| match serde_json::from_str::<Value>(l) {
            Ok(v) => Some((i + 1, v)),
            Err(e) => {
                out.problem(i + 1, format!("not a JSON record: {e}"));
                None
            }
        })
        .collect();
    if records.iter().any(|(_, v)| is_dramatis(v)) {
        dramatis_records(doc, &records, &mut out);
        return out.finish(doc);
    }
    let map = OffsetMap::new(doc.bytes(), unit);
    let hint = UnitHint::new(doc);
    let mut cursor = 0;
    let single = records.len() == 1;
    for (line, record) in &records {
        if matches!(
            record.get("answer").and_then(Value::as_str),
            Some("reject" | "ignore")
        ) {
            continue;
        }
        let text = record.get("text").and_then(Value::as_str);
        let base = match text {
            Some(t) => match find(doc.bytes(), t.as_bytes(), cursor) {
                Some(at) => {
                    cursor = at + t.len();
                    at
                }
                None => {
                    out.problem(
                        *line,
                        format!(
                            "the record's text is not in the document{}; each span is checked at its offset",
                            if single { "" } else { " after the previous record" }
                        ),
                    );
                    cursor
                }
            },
            None => cursor,
        };
        let spans = spans_of(record);
        if spans.is_empty() && !has_span_field(record) {
            out.problem(
                *line,
                "no \"ents\", \"spans\", \"label\" or \"entities\" field",
            );
        }
        let text_map = text.map(|t| OffsetMap::new(t.as_bytes(), unit));
        let base_units = map.to_unit(base);
        for (start, end, label, link) in spans {
            if start >= end {
                out.problem(*line, format!("span {start}..{end} is empty or reversed"));
                continue;
            }
            let expected = match (&text_map, text) {
                (Some(m), Some(t)) => match m.range_to_bytes(start..end) {
                    Some(r) => Some(&t[r]),
                    None => {
                        out.problem(
                            *line,
                            format!("span {start}..{end} is outside the record's text"),
                        );
                        continue;
                    }
                },
                _ => None,
            };
            let Some(range) = map.range_to_bytes(base_units + start..base_units + end) else {
                out.problem(
                    *line,
                    format!("span {start}..{end} is outside the document"),
                );
                continue;
            };
            if let Some(expected) = expected
                && let Err(found) = check_text(doc, range.clone(), expected)
            {
                out.problem(
                    *line,
                    format!(
                        "span {start}..{end} {} does not match the document ({})",
                        quote(expected),
                        quote(&found)
                    ),
                );
                continue;
            }
            if let Some(h) = hint.check(doc, range.clone(), start..end) {
                out.problem(*line, h);
            }
            out.labeled(range, &label, link.as_deref());
        }
    }
    out.finish(doc)
}

/// A span of a record: offsets in the file's unit, label, and the entity it links to, if any.
type RawSpan = (usize, usize, String, Option<String>);

/// Every span of a record, whichever tool wrote it. displaCy's `kb_id` (which dramatis writes
/// as the entity id) links the spans of one entity.
fn spans_of(record: &Value) -> Vec<RawSpan> {
    let mut out = Vec::new();
    for key in ["ents", "spans"] {
        for s in record
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if let (Some(a), Some(b), Some(l)) = (num(s, "start"), num(s, "end"), s.get("label")) {
                let link = s
                    .get("kb_id")
                    .and_then(Value::as_str)
                    .filter(|k| !k.is_empty())
                    .map(|k| format!("kb:{k}"));
                out.push((a, b, label_text(l), link));
            }
        }
    }
    for key in ["label", "labels"] {
        for s in record
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if let Some([a, b, l]) = s.as_array().map(Vec::as_slice)
                && let (Some(a), Some(b)) = (a.as_u64(), b.as_u64())
            {
                out.push((a as usize, b as usize, label_text(l), None));
            }
        }
    }
    for s in record
        .get("entities")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if let (Some(a), Some(b), Some(l)) =
            (num(s, "start_offset"), num(s, "end_offset"), s.get("label"))
        {
            out.push((a, b, label_text(l), None));
        }
    }
    out
}

fn has_span_field(record: &Value) -> bool {
    ["ents", "spans", "label", "labels", "entities"]
        .iter()
        .any(|k| record.get(k).is_some())
}

fn num(v: &Value, key: &str) -> Option<usize> {
    v.get(key).and_then(Value::as_u64).map(|n| n as usize)
}

fn label_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A record of `dramatis extract --json`: entities with byte-offset mentions.
fn is_dramatis(v: &Value) -> bool {
    v.get("entities")
        .and_then(Value::as_array)
        .is_some_and(|es| es.iter().any(|e| e.get("mentions").is_some()))
}

/// dramatis's own records: the one named like the document, else the only one. Offsets are
/// bytes; each mention's text is checked; an entity keeps its name, kind and grouping.
fn dramatis_records(doc: &Document, records: &[(usize, Value)], out: &mut Collector) {
    let named: Vec<&(usize, Value)> = records
        .iter()
        .filter(|(_, r)| r.get("document").and_then(Value::as_str) == Some(doc.name()))
        .collect();
    let chosen = match (named.as_slice(), records) {
        ([one], _) => *one,
        (_, [one]) => one,
        _ => {
            let line = records.first().map_or(1, |r| r.0);
            out.problem(
                line,
                format!(
                    "several documents in the file and none named {:?}",
                    doc.name()
                ),
            );
            return;
        }
    };
    let (line, record) = chosen;
    out.group_only_by_links();
    let entities = record.get("entities").and_then(Value::as_array);
    for (i, e) in entities.into_iter().flatten().enumerate() {
        let link = format!("e{i}");
        let kind = e
            .get("kind")
            .and_then(Value::as_str)
            .map_or(Kind::Other, labels::kind_of);
        if let Some(name) = e.get("name").and_then(Value::as_str) {
            out.name(&link, name);
        }
        for m in e
            .get("mentions")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let (Some(start), Some(end)) = (num(m, "start"), num(m, "end")) else {
                continue;
            };
            if start >= end || end > doc.len() {
                out.problem(
                    *line,
                    format!("mention {start}..{end} is outside the document"),
                );
                continue;
            }
            if let Some(expected) = m.get("text").and_then(Value::as_str)
                && let Err(found) = check_text(doc, start..end, expected)
            {
                out.problem(
                    *line,
                    format!(
                        "mention {start}..{end} {} does not match the document ({})",
                        quote(expected),
                        quote(&found)
                    ),
                );
                continue;
            }
            let form = m
                .get("form")
                .and_then(Value::as_str)
                .and_then(Form::parse)
                .unwrap_or_default();
            out.mention_with_form(start..end, kind, Some(&link), form);
        }
    }
}

/// The first occurrence of `needle` in `hay` at or after `from`.
fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    memchr::memmem::find(hay.get(from..)?, needle).map(|i| from + i)
}
