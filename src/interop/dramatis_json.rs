//! The `extract --json` interface (see design.md): one object per document.

use std::collections::BTreeMap;
use std::io;

use serde::Serialize;
use serde_json::ser::Formatter;

use crate::domain::connections::{Connections, SentenceCasts};
use crate::domain::document::Document;
use crate::domain::entity::{Entity, Form, Mention};
use crate::domain::quotes::{Quote, Quotes};
use crate::domain::sentences::Sentences;
use crate::domain::text_order;
use crate::domain::wrap::escape_char;

mod list;
mod shared_list;
mod short;
mod strings;
#[cfg(test)]
use list::PART;
use list::{parts_by_weight, write_list};
use shared_list::SharedList;
use short::{WINDOW, plain_window, push_piece, push_u32};
#[cfg(test)]
use strings::{all_plain, is_plain, needs_escape};
use strings::{write_str, write_text};

// The entities, quotations and connections, millions of mentions and sentence ranges on a
// large document, are written by hand (`write_entity`, `write_quote`, `write_connection`):
// through serde's derived structs they took a fifth of `extract --json`. The bytes are what
// serde writes for `{"id","name","kind","actor","aliases","mentions":[{"start","end","text",
// "form"?}],"norm"?}`, `{"start","end","speaker","cue","kind"}` and `{"a","b","sentences",
// "ranges":[[start,end],...]}` (see design.md); strings that need no escape are copied.

/// One entity: its mentions with their text, read from the document as they are written.
fn write_entity(w: &mut Vec<u8>, doc: &Document, e: &Entity, norm: Option<&str>) {
    w.extend_from_slice(b"{\"id\":");
    write_str(w, &e.id);
    w.extend_from_slice(b",\"name\":");
    write_str(w, &e.name);
    w.extend_from_slice(b",\"kind\":\"");
    w.extend_from_slice(e.kind.as_str().as_bytes());
    w.extend_from_slice(if e.is_actor() {
        b"\",\"actor\":true,\"aliases\":"
    } else {
        b"\",\"actor\":false,\"aliases\":"
    });
    w.push(b'[');
    for (i, alias) in e.aliases.iter().enumerate() {
        if i > 0 {
            w.push(b',');
        }
        write_str(w, alias);
    }
    w.push(b']');
    w.extend_from_slice(b",\"mentions\":[");
    let bytes = doc.bytes();
    let mentions: &[Mention] = &e.mentions;
    for (i, m) in mentions.iter().enumerate() {
        if let Some(ahead) = mentions.get(i + AHEAD_MENTIONS) {
            prefetch(bytes, ahead.start as usize);
        }
        if i > 0 {
            w.push(b',');
        }
        w.extend_from_slice(b"{\"start\":");
        push_u32(w, m.start);
        w.extend_from_slice(b",\"end\":");
        push_u32(w, m.end);
        w.extend_from_slice(b",\"text\":\"");
        if let Some((window, len)) = plain_window(bytes, m.start as usize, m.end as usize) {
            let old = w.len();
            w.extend_from_slice(window);
            w.truncate(old + len);
            w.push(b'"');
        } else {
            // Quoted again by `write_text`.
            w.pop();
            write_text(w, doc, m.range());
        }
        // Absent for a name, which most mentions are.
        if m.form != Form::Name {
            w.extend_from_slice(b",\"form\":\"");
            w.extend_from_slice(m.form.as_str().as_bytes());
            w.push(b'"');
        }
        w.push(b'}');
    }
    w.push(b']');
    if let Some(norm) = norm {
        w.extend_from_slice(b",\"norm\":");
        write_str(w, norm);
    }
    w.push(b'}');
}

/// How many mentions ahead the text of a mention is asked for: an entity's mentions are
/// spread over the document, and reading each one's text waited for memory.
const AHEAD_MENTIONS: usize = 8;

/// Asks for the cache line of `bytes[at]` to be loaded, without waiting for it.
fn prefetch(bytes: &[u8], at: usize) {
    #[cfg(target_arch = "x86_64")]
    if let Some(b) = bytes.get(at) {
        // SAFETY: a prefetch reads nothing and cannot fault; the address is in the slice.
        unsafe {
            std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(
                std::ptr::from_ref(b).cast(),
            );
        }
    }
}

/// Two entities (`a`, `b`, their ids in `ids`) that share sentences (`shared`), with the byte
/// ranges of those sentences.
fn write_connection(
    w: &mut Vec<u8>,
    ids: &Ids,
    (a, b): (usize, usize),
    ranges: &SentenceRanges,
    shared: &[u32],
) {
    w.reserve(3 * WINDOW + 48 + 24 * shared.len());
    w.extend_from_slice(b"{\"a\":");
    ids.push(w, a);
    w.extend_from_slice(b",\"b\":");
    ids.push(w, b);
    // Most pairs share one sentence.
    if let [one] = shared {
        w.extend_from_slice(b",\"sentences\":1,\"ranges\":[");
        ranges.push(w, *one as usize);
    } else {
        w.extend_from_slice(b",\"sentences\":");
        push_number(w, shared.len() as u64);
        w.extend_from_slice(b",\"ranges\":[");
        for (k, &i) in shared.iter().enumerate() {
            if k > 0 {
                w.push(b',');
            }
            ranges.push(w, i as usize);
        }
    }
    w.extend_from_slice(b"]}");
}

/// The byte ranges of the sentences connections share, each as JSON (`[start,end]`) written
/// once: most are shared by several pairs, and the numbers were most of writing a connection.
struct SentenceRanges {
    /// The ranges one after the other, then [`WINDOW`] bytes of padding.
    json: Vec<u8>,
    /// Where each sentence's range starts in `json` (and where the last ends); a sentence
    /// no pair shares has none.
    at: Vec<u32>,
}

impl SentenceRanges {
    /// The ranges of the sentences `i` of `sentences` for which `shared(i)`.
    fn new(sentences: &Sentences, shared: impl Fn(usize) -> bool) -> SentenceRanges {
        // Sized exactly: on a large document the ranges are megabytes, written while the
        // entities' text is held, and a vector grown by doubling held up to twice that.
        let digits = |n: usize| n.checked_ilog10().map_or(1, |d| d as usize + 1);
        let size: usize = (sentences.iter().enumerate())
            .filter(|&(i, _)| shared(i))
            .map(|(_, r)| digits(r.start) + digits(r.end) + 3)
            .sum();
        let mut ranges = SentenceRanges {
            json: Vec::with_capacity(size + WINDOW),
            at: Vec::with_capacity(sentences.len() + 1),
        };
        for (i, r) in sentences.iter().enumerate() {
            ranges.at.push(ranges.offset());
            if shared(i) {
                let w = &mut ranges.json;
                w.push(b'[');
                push_number(w, r.start as u64);
                w.push(b',');
                push_number(w, r.end as u64);
                w.push(b']');
            }
        }
        ranges.at.push(ranges.offset());
        ranges.json.extend_from_slice(&[b' '; WINDOW]);
        ranges
    }

    fn offset(&self) -> u32 {
        u32::try_from(self.json.len()).expect("sentence ranges under 4 GB")
    }

    /// Appends sentence `i`'s range, a JSON array.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn push(&self, w: &mut Vec<u8>, i: usize) {
        push_piece(w, &self.json, self.at[i] as usize..self.at[i + 1] as usize);
    }
}

/// Every entity's id as JSON, escaped once: the connections name two entities each, hundreds
/// of thousands of times on a large document, and the quotations their speakers.
struct Ids {
    /// The ids one after the other, then [`WINDOW`] bytes of padding.
    json: Vec<u8>,
    /// Where each id starts in `json` (and where the last ends).
    at: Vec<usize>,
}

impl Ids {
    fn new(entities: &[Entity]) -> Ids {
        let mut ids = Ids {
            json: Vec::new(),
            at: Vec::with_capacity(entities.len() + 1),
        };
        for e in entities {
            ids.at.push(ids.json.len());
            write_str(&mut ids.json, &e.id);
        }
        ids.at.push(ids.json.len());
        ids.json.extend_from_slice(&[b' '; WINDOW]);
        ids
    }

    /// Appends entity `i`'s id, a JSON string.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn push(&self, w: &mut Vec<u8>, i: usize) {
        push_piece(w, &self.json, self.at[i]..self.at[i + 1]);
    }
}

/// A number in decimal, as serde writes it (with the same digit-pair table).
fn push_number(w: &mut Vec<u8>, n: impl Into<u64>) {
    w.extend_from_slice(itoa::Buffer::new().format(n.into()).as_bytes());
}

/// The quotations of a document in the order they are written: by where they end, so that a
/// quotation inside another (a quoted phrase inside a reported clause, maybe someone else's
/// or a title) comes before the one that holds it, and a reader of the list who takes the
/// first quotation covering a place gets the innermost.
fn in_written_order(quotes: &Quotes) -> Vec<&Quote> {
    let mut order: Vec<&Quote> = quotes.iter().collect();
    order.sort_by_key(|q| (q.end, std::cmp::Reverse(q.start)));
    order
}

/// One quotation: `{"start","end","speaker","cue","kind"}`, the speaker an entity id (or
/// null), the cue `[start, end]` (or null).
fn write_quote(w: &mut Vec<u8>, q: &Quote, ids: &Ids) {
    w.extend_from_slice(b"{\"start\":");
    push_u32(w, q.start);
    w.extend_from_slice(b",\"end\":");
    push_u32(w, q.end);
    w.extend_from_slice(b",\"speaker\":");
    match q.speaker().filter(|&i| i + 1 < ids.at.len()) {
        Some(i) => ids.push(w, i),
        None => w.extend_from_slice(b"null"),
    }
    w.extend_from_slice(b",\"cue\":");
    match q.cue {
        Some(c) => {
            w.push(b'[');
            push_u32(w, c.start);
            w.push(b',');
            push_u32(w, c.end);
            w.push(b']');
        }
        None => w.extend_from_slice(b"null"),
    }
    w.extend_from_slice(b",\"kind\":");
    write_str(w, q.kind.as_str());
    w.push(b'}');
}

/// One line of JSON (without the newline) for a document and its entities (no quotations).
pub fn document_line(doc: &Document, entities: &[Entity]) -> String {
    document_line_with_norms(doc, entities, &BTreeMap::new())
}

/// The same line, with each entity's normalisation id (keyed by entity id) when it has one.
pub fn document_line_with_norms(
    doc: &Document,
    entities: &[Entity],
    norms: &BTreeMap<String, String>,
) -> String {
    document_line_with_quotes(doc, entities, &Quotes::default(), norms)
}

/// The line with the document's quotations too.
pub fn document_line_with_quotes(
    doc: &Document,
    entities: &[Entity],
    quotes: &Quotes,
    norms: &BTreeMap<String, String>,
) -> String {
    let mut buf = Vec::new();
    write_document_line_on(&mut buf, doc, entities, quotes, norms, 1)
        .expect("writing to memory cannot fail");
    String::from_utf8(buf).expect("JSON is UTF-8")
}

/// Writes the line (without the newline, no quotations) straight to `out`: on a large
/// document the JSON is several times the text, not worth holding in memory first.
pub fn write_document_line(
    out: &mut impl io::Write,
    doc: &Document,
    entities: &[Entity],
    norms: &BTreeMap<String, String>,
) -> io::Result<()> {
    write_document_line_on(out, doc, entities, &Quotes::default(), norms, 1)
}

/// [`write_document_line`] with the quotations, on `jobs` threads: sentences are split, and
/// entities and connections written, a part on each; the bytes are the same for every number.
pub fn write_document_line_on(
    out: &mut impl io::Write,
    doc: &Document,
    entities: &[Entity],
    quotes: &Quotes,
    norms: &std::collections::BTreeMap<String, String>,
    jobs: usize,
) -> io::Result<()> {
    let sentences = doc.sentences(jobs);
    let found = (entities, quotes, norms);
    if jobs <= 1 {
        let (connections, ranges) = connections_of(entities, sentences, 1);
        let ids = write_opening(out, doc, found, 1)?;
        return write_connections(out, &connections, &ids, &ranges, 1);
    }
    // The connections come last in the line: counted on the other threads while this one
    // writes the entities and the quotations (about as much work), rather than the two in
    // turn, each shared out over every thread, where the hand-overs left the cores idle.
    // Whichever is done first takes parts of the entities still to write.
    let parts = parts_by_weight(entities.len(), entity_weight(entities));
    let entity_list = SharedList::new(parts, entity_item(doc, entities, norms));
    std::thread::scope(|scope| {
        let (to, from) = std::sync::mpsc::channel();
        let counting = scope.spawn(|| {
            let connections = connections_of(entities, sentences, jobs - 1);
            entity_list.help(to);
            connections
        });
        write_head(out, doc)?;
        entity_list.write(out, &from)?;
        let ids = write_quotes(out, entities, quotes, 1)?;
        let (connections, ranges) =
            (counting.join()).unwrap_or_else(|p| std::panic::resume_unwind(p));
        write_connections(out, &connections, &ids, &ranges, jobs)
    })
}

/// The connections of `entities` strongest first, counted on `jobs` threads, and the ranges
/// of the sentences they share. The mentions in text order as the mention index has them,
/// and each sentence's cast, are found on every thread (the index is made for the reader's
/// look-ups, on one).
fn connections_of(
    entities: &[Entity],
    sentences: &Sentences,
    jobs: usize,
) -> (Connections, SentenceRanges) {
    let in_order = text_order::in_text_order(entities, jobs);
    let casts = SentenceCasts::new(&in_order, sentences, jobs);
    drop(in_order);
    let connections = Connections::strongest_first(&casts, entities.len(), sentences, jobs);
    let ranges = SentenceRanges::new(sentences, |i| casts.connects(i));
    (connections, ranges)
}

/// What a line is written of: entities, quotations, normalisation ids by entity id.
pub type Found<'a> = (&'a [Entity], &'a Quotes, &'a BTreeMap<String, String>);

/// [`write_document_line_on`] on one thread, with the sentences and connections already
/// computed. The object is written field by field, each value as serde writes it, so that
/// the long lists (entities, connections) can be written in parts on several threads, in
/// order.
pub fn write_line_with(
    out: &mut impl io::Write,
    doc: &Document,
    found: Found,
    sentences: &Sentences,
    connections: &Connections,
) -> io::Result<()> {
    let ids = write_opening(out, doc, found, 1)?;
    let ranges = SentenceRanges::new(sentences, |_| true);
    write_connections(out, connections, &ids, &ranges, 1)
}

/// The line up to its connections: the document, its entities and quotations, and the
/// connections' key. Gives the entities' ids as JSON, which the connections name.
fn write_opening(
    out: &mut impl io::Write,
    doc: &Document,
    (entities, quotes, norms): Found,
    jobs: usize,
) -> io::Result<Ids> {
    write_head(out, doc)?;
    let item = entity_item(doc, entities, norms);
    write_list(out, entities.len(), entity_weight(entities), jobs, item)?;
    write_quotes(out, entities, quotes, jobs)
}

/// The line up to its entities' list: the document's name, date and length.
fn write_head(out: &mut impl io::Write, doc: &Document) -> io::Result<()> {
    out.write_all(b"{\"document\":")?;
    write_value(out, &doc.name())?;
    out.write_all(b",\"date\":")?;
    write_value(out, &doc.dateline().map(|d| d.date.as_str()))?;
    out.write_all(b",\"bytes\":")?;
    write_value(out, &doc.len())?;
    out.write_all(b",\"entities\":[")
}

/// How much writing entity `i` is: its mentions.
fn entity_weight(entities: &[Entity]) -> impl Fn(usize) -> usize + '_ {
    |i| entities[i].mentions.len() + 1
}

/// Writes entity `i` of the list.
fn entity_item<'a>(
    doc: &'a Document,
    entities: &'a [Entity],
    norms: &'a BTreeMap<String, String>,
) -> impl Fn(usize, &mut Vec<u8>) -> io::Result<()> + Sync + 'a {
    move |i, w| {
        // Most entities have a few mentions, whose texts the look-ahead inside an entity
        // never asks for early: the first ones of the entity after next are asked for now.
        if let Some(later) = entities.get(i + AHEAD_ENTITIES) {
            for m in later.mentions.iter().take(AHEAD_MENTIONS) {
                prefetch(doc.bytes(), m.start as usize);
            }
        }
        let e = &entities[i];
        write_entity(w, doc, e, norms.get(&e.id).map(String::as_str));
        Ok(())
    }
}

/// How many entities ahead the texts of an entity's first mentions are asked for.
const AHEAD_ENTITIES: usize = 2;

/// After the entities' list: the quotations and the connections' key. Gives the entities'
/// ids as JSON, which the connections name.
fn write_quotes(
    out: &mut impl io::Write,
    entities: &[Entity],
    quotes: &Quotes,
    jobs: usize,
) -> io::Result<Ids> {
    out.write_all(b"],\"quotes\":[")?;
    let order = in_written_order(quotes);
    let ids = Ids::new(entities);
    write_list(
        out,
        order.len(),
        |_| 8,
        jobs,
        |i, w| {
            write_quote(w, order[i], &ids);
            Ok(())
        },
    )?;
    out.write_all(b"],\"connections\":[")?;
    Ok(ids)
}

/// The connections and the end of the line.
fn write_connections(
    out: &mut impl io::Write,
    connections: &Connections,
    ids: &Ids,
    ranges: &SentenceRanges,
    jobs: usize,
) -> io::Result<()> {
    let weight = |k: usize| connections.shared_count(k) + 1;
    write_list(out, connections.len(), weight, jobs, |k, w| {
        let c = connections.get(k);
        write_connection(w, ids, (c.a, c.b), ranges, c.sentences);
        Ok(())
    })?;
    out.write_all(b"]}")
}

fn write_value(out: &mut impl io::Write, value: &impl Serialize) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(out, SafeFormatter);
    value.serialize(&mut ser).map_err(io::Error::from)
}

/// Any value as compact JSON with the escapes of [`SafeFormatter`], for the other JSON
/// outputs (displaCy).
pub fn safe_json(value: &impl Serialize) -> String {
    let mut buf = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, SafeFormatter);
    value
        .serialize(&mut ser)
        .expect("serialising plain data cannot fail");
    String::from_utf8(buf).expect("JSON is UTF-8")
}

/// Compact JSON that also writes C1 controls, bidi controls and invisible characters as
/// `\uXXXX` escapes. serde_json escapes only C0 controls, and this output is often read on a
/// terminal (`dramatis extract --json x | less`, `| head`): a raw U+009B is a CSI to some
/// terminals, a raw U+202E reorders what is shown. Parsed, the JSON holds the same strings.
/// The trait's default methods write compact JSON.
struct SafeFormatter;

impl Formatter for SafeFormatter {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let bytes = fragment.as_bytes();
        let mut plain = 0;
        let mut at = 0;
        // Printable ASCII never needs an escape here (serde_json has escaped C0 controls,
        // quotes and backslashes): only DEL and non-ASCII characters are looked at.
        while let Some(skip) = bytes[at..].iter().position(|&b| b >= 0x7f) {
            let i = at + skip;
            let Some(c) = fragment[i..].chars().next() else {
                break;
            };
            at = i + c.len_utf8();
            if escape_char(c).is_none() {
                continue;
            }
            writer.write_all(&bytes[plain..i])?;
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                write!(writer, "\\u{unit:04x}")?;
            }
            plain = at;
        }
        writer.write_all(&bytes[plain..])
    }
}

#[cfg(test)]
mod tests;
