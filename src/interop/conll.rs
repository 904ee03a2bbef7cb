//! CoNLL-2003 style columns: one token per line, the tag in the last column, blank lines
//! between sentences, `-DOCSTART-` between documents. Tags may be IOB1 (CoNLL-2003's own:
//! `I-` everywhere, `B-` only between two adjacent names), IOB2 (`B-` first) or BIOES/BILOU.
//!
//! The file holds no offsets, so its tokens are aligned with the document in order, skipping
//! white space. A token that is not where the document says is reported with its line number;
//! the next occurrence within a short distance re-synchronises the alignment (reported, not
//! silent), and a name that covers a mismatched token is dropped. All `-DOCSTART-` sections
//! are read as consecutive parts of the one document given.
//!
//! Written: four columns as in CoNLL-2003 (`token _ _ B-GPE`; no part-of-speech or chunk tags,
//! so `_`), IOB2 tags with the labels of [`labels::label_of`], one sentence per line of the
//! document, and one `-DOCSTART- -X- -X- O` per document.

use std::fmt::Write as _;
use std::ops::Range;

use super::build::{Collector, Imported, quote};
use super::labels;
use crate::domain::document::{Document, for_each_valid_run};
use crate::domain::entity::{Entity, Kind};

/// How far ahead a token that is not at the expected place is looked for.
const RESYNC: usize = 1024;

/// Penn Treebank escapes some tokenizers write instead of the text.
const ESCAPES: [(&str, &str); 8] = [
    ("-LRB-", "("),
    ("-RRB-", ")"),
    ("-LSB-", "["),
    ("-RSB-", "]"),
    ("-LCB-", "{"),
    ("-RCB-", "}"),
    ("``", "\""),
    ("''", "\""),
];

struct Open {
    label: String,
    range: Option<Range<usize>>,
    broken: bool,
    line: usize,
}

pub fn import(doc: &Document, content: &str) -> Imported {
    let mut out = Collector::default();
    let bytes = doc.bytes();
    let mut cursor = 0;
    let mut open: Option<Open> = None;
    // After a token that could not be placed, the next one is looked for ahead without a
    // second report: the place where they part is already reported.
    let mut lost = false;
    for (i, line) in content.lines().enumerate() {
        let n = i + 1;
        let cols: Vec<&str> = line.split_whitespace().collect();
        let (Some(&token), Some(&tag)) = (cols.first(), cols.last()) else {
            close(&mut open, &mut out);
            continue;
        };
        if token == "-DOCSTART-" {
            close(&mut open, &mut out);
            continue;
        }
        if cols.len() < 2 {
            out.problem(n, format!("token {} has no tag column", quote(token)));
        }
        let at = skip_blank(bytes, cursor);
        let (range, exact) = match matching(bytes, at, token) {
            Some(len) => (Some(at..at + len), true),
            None if lost && resync(bytes, at, token).is_some() => (resync(bytes, at, token), false),
            None => {
                let shown = doc.text(at..(at + token.len()).min(bytes.len()));
                out.problem(
                    n,
                    format!(
                        "token {} does not match the document at byte {at} ({})",
                        quote(token),
                        quote(&shown)
                    ),
                );
                (resync(bytes, at, token), false)
            }
        };
        lost = range.is_none();
        if let Some(r) = &range {
            cursor = r.end;
        }
        let (prefix, label) = match tag.split_once('-') {
            Some((p, l)) if p.len() == 1 => (p, l),
            _ if tag == "O" || cols.len() < 2 => ("O", ""),
            // IO tagging: a bare label is inside a name.
            _ => ("I", tag),
        };
        let continues = open
            .as_ref()
            .is_some_and(|o| o.label == label && matches!(prefix, "I" | "E" | "L"));
        if prefix == "O" || !continues {
            close(&mut open, &mut out);
        }
        if prefix != "O" {
            let o = open.get_or_insert_with(|| Open {
                label: label.to_owned(),
                range: None,
                broken: false,
                line: n,
            });
            match (range, &mut o.range) {
                (Some(r), Some(so_far)) if exact => so_far.end = r.end,
                (Some(r), slot @ None) if exact => *slot = Some(r),
                _ => o.broken = true,
            }
            if matches!(prefix, "E" | "L" | "S" | "U") {
                close(&mut open, &mut out);
            }
        }
    }
    close(&mut open, &mut out);
    out.finish(doc)
}

fn close(open: &mut Option<Open>, out: &mut Collector) {
    if let Some(o) = open.take() {
        if o.broken {
            out.problem(
                o.line,
                format!(
                    "the {} name starting here is dropped: a token of it does not match",
                    o.label
                ),
            );
        } else if let Some(r) = o.range {
            out.labeled(r, &o.label, None);
        }
    }
}

/// The length in the document of `token` (or of what its escape stands for) at `at`.
fn matching(bytes: &[u8], at: usize, token: &str) -> Option<usize> {
    let rest = bytes.get(at..)?;
    if rest.starts_with(token.as_bytes()) {
        return Some(token.len());
    }
    ESCAPES
        .iter()
        .filter(|(esc, _)| *esc == token)
        .find(|(_, plain)| rest.starts_with(plain.as_bytes()))
        .map(|(_, plain)| plain.len())
}

/// The next place, not far ahead, where the token is.
fn resync(bytes: &[u8], at: usize, token: &str) -> Option<Range<usize>> {
    let window = bytes.get(at..(at + RESYNC + token.len()).min(bytes.len()))?;
    memchr::memmem::find(window, token.as_bytes()).map(|i| at + i..at + i + token.len())
}

/// Skips white space and bytes that are not UTF-8 (which a token file cannot hold).
fn skip_blank(bytes: &[u8], mut at: usize) -> usize {
    while at < bytes.len() {
        let b = bytes[at];
        if b.is_ascii_whitespace() {
            at += 1;
            continue;
        }
        let end = (at + 4).min(bytes.len());
        match bytes[at..end].utf8_chunks().next() {
            Some(chunk) => match chunk.valid().chars().next() {
                Some(c) if c.is_whitespace() => at += c.len_utf8(),
                Some(_) => break,
                None => at += chunk.invalid().len().max(1),
            },
            None => break,
        }
    }
    at
}

/// The CoNLL text of one document, `-DOCSTART-` first.
pub fn export(doc: &Document, entities: &[Entity]) -> String {
    // The mention each byte belongs to: the earliest (then longest) wins an overlap.
    let mut spans: Vec<(Range<usize>, Kind)> = entities
        .iter()
        .flat_map(|e| {
            // A named-entity format: names and demonyms, not the links coreference infers.
            (e.mentions.iter())
                .filter(|m| m.form.is_named())
                .map(move |m| (m.range(), e.kind))
        })
        .collect();
    spans.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
    let mut chosen: Vec<(Range<usize>, Kind)> = Vec::new();
    for (r, k) in spans {
        if chosen.last().is_none_or(|(last, _)| r.start >= last.end) {
            chosen.push((r, k));
        }
    }
    let mut out = String::from("-DOCSTART- -X- -X- O\n\n");
    let mut next = 0; // index into chosen
    let mut line = Some(doc.first_line());
    // The dateline is text too: its tokens come first, as their own sentence.
    if doc.body_start() > 0 {
        sentence(doc, 0..doc.body_start(), &chosen, &mut next, &mut out);
    }
    while let Some(l) = line {
        sentence(doc, l.start..l.content_end, &chosen, &mut next, &mut out);
        line = doc.line_after(&l);
    }
    out
}

/// Writes the tokens of one line, then a blank line (if it had any).
fn sentence(
    doc: &Document,
    range: Range<usize>,
    chosen: &[(Range<usize>, Kind)],
    next: &mut usize,
    out: &mut String,
) {
    let mut any = false;
    let mut tokens: Vec<Range<usize>> = Vec::new();
    for_each_valid_run(&doc.bytes()[range.clone()], range.start, |at, text| {
        tokenize(at, text, &mut tokens);
    });
    // Cut tokens at mention boundaries so every mention is whole tokens.
    // `k` only moves forward, so a line of any length costs time in proportion to its tokens.
    let mut cut: Vec<Range<usize>> = Vec::new();
    let mut k = *next;
    for t in tokens {
        while k < chosen.len() && chosen[k].0.end <= t.start {
            k += 1;
        }
        let mut s = t.start;
        for (r, _) in &chosen[k..] {
            if r.start >= t.end {
                break;
            }
            for b in [r.start, r.end] {
                if b > s && b < t.end {
                    cut.push(s..b);
                    s = b;
                }
            }
        }
        cut.push(s..t.end);
    }
    for t in cut {
        while *next < chosen.len() && chosen[*next].0.end <= t.start {
            *next += 1;
        }
        let tag = match chosen.get(*next) {
            Some((r, k)) if r.start <= t.start && t.end <= r.end => {
                let p = if r.start == t.start { "B" } else { "I" };
                format!("{p}-{}", labels::label_of(*k))
            }
            _ => "O".to_owned(),
        };
        let _ = writeln!(out, "{} _ _ {tag}", doc.text(t));
        any = true;
    }
    if any {
        out.push('\n');
    }
}

/// Words (letters, digits, marks) and single other characters; white space separates.
fn tokenize(base: usize, text: &str, out: &mut Vec<Range<usize>>) {
    let mut word: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let wordy = c.is_alphanumeric() || c == '_' || is_mark(c);
        if wordy {
            word.get_or_insert(i);
            continue;
        }
        if let Some(s) = word.take() {
            out.push(base + s..base + i);
        }
        if !c.is_whitespace() {
            out.push(base + i..base + i + c.len_utf8());
        }
    }
    if let Some(s) = word {
        out.push(base + s..base + text.len());
    }
}

/// Combining marks stay with their letter.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36f | 0x1ab0..=0x1aff | 0x20d0..=0x20ff | 0xfe20..=0xfe2f | 0x200d | 0xfe0f)
}
