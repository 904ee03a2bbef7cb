//! Property tests over arbitrary bytes: document loading and line navigation, extraction,
//! display cells and wrapping, lazy layout, rendering the whole reader into a TestBackend of
//! any size (1×1 included), and the `extract --json` output, in process and through the
//! real binary.
//!
//! The bytes are built from pieces chosen to hit the hard cases often: line ends of every
//! kind, escape sequences, C1 controls as characters and as raw bytes, bidi and invisible
//! characters, combining marks, wide characters and emoji, truncated and overlong UTF-8, NUL,
//! a dateline, names the extractor knows. Case counts are modest so the suite stays fast;
//! `PROPTEST_CASES=20000` runs every property that many times (the binary one a tenth).

use crate::common;

use std::io::Write;
use std::process::{Command, Stdio};

use proptest::prelude::*;
use proptest::test_runner::Config;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr;

use dramatis::domain::cast::Cast;
use dramatis::domain::document::{Document, for_each_valid_run};
use dramatis::domain::extract::extract_document;
use dramatis::domain::layout::{BLOCK_MAX, TextLayout};
use dramatis::domain::wrap::{self, Glyph};
use dramatis::interop::dramatis_json;
use dramatis::reader::action::{Action, Amount};
use dramatis::reader::app::{App, Options};
use dramatis::reader::input::Keymap;
use dramatis::reader::ui::{self, Theme};

const SPECIAL: &[&[u8]] = &[
    b"\n",
    b"\r\n",
    b"\r",
    b"\n\n",
    b"\t",
    b" ",
    b"  ",
    b"\x1b",
    b"\x1b[31m",
    b"\x1b]0;TITLE\x07",
    b"\x1bP+q\x1b\\",
    b"\x07\x08",
    b"\x7f",
    b"\x9b",
    b"\xc2\x9b",
    "\u{85}".as_bytes(),
    "\u{301}".as_bytes(),
    "\u{301}\u{302}\u{303}".as_bytes(),
    "e\u{301}".as_bytes(),
    "\u{202e}".as_bytes(),
    "\u{2066}".as_bytes(),
    "\u{200b}".as_bytes(),
    "\u{200c}".as_bytes(),
    "\u{200d}".as_bytes(),
    "\u{fe0f}".as_bytes(),
    "\u{ad}".as_bytes(),
    "\u{2028}".as_bytes(),
    "\u{feff}".as_bytes(),
    "\u{e0041}".as_bytes(),
    "日本語".as_bytes(),
    "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}".as_bytes(),
    "\u{645}\u{6cc}\u{200c}\u{62e}".as_bytes(),
    b"\xe2\x82",
    b"\xf0\x9f\x98",
    b"\xc0\xaf",
    b"\xe0\x80\xaf",
    b"\xed\xa0\x80",
    b"\xff",
    b"\x00",
    b"date 2023-11-08 ",
    b"Israel",
    b"Israeli",
    b"United States",
    b"Hamas",
    b"Joe Biden",
    b"Mr. ",
    b"42",
    b"7 October 2023",
];

const WORD_CHARS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ .,'-";

fn piece() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        3 => any::<u8>().prop_map(|b| vec![b]),
        4 => prop::sample::select(SPECIAL).prop_map(<[u8]>::to_vec),
        2 => any::<char>().prop_map(|c| c.to_string().into_bytes()),
        3 => prop::collection::vec(prop::sample::select(WORD_CHARS), 1..12),
    ]
}

/// Hostile bytes of up to about `pieces` pieces.
fn hostile(pieces: usize) -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(piece(), 0..pieces).prop_map(|p| p.concat())
}

/// A line longer than a layout block: a short unit repeated past `BLOCK_MAX`, so the slicing
/// of long lines (and multi-byte characters cut at slice edges) is exercised.
fn long_line() -> impl Strategy<Value = Vec<u8>> {
    (prop::collection::vec(piece(), 1..6), 0usize..3).prop_map(|(unit, extra)| {
        let mut unit = unit.concat();
        unit.retain(|&b| b != b'\n' && b != b'\r');
        if unit.is_empty() {
            unit.push(b'x');
        }
        let times = (BLOCK_MAX * (1 + extra)) / unit.len() + 2;
        unit.repeat(times)
    })
}

/// Cases for a property: `PROPTEST_CASES` if set, else `default`.
fn cases(default: u32) -> Config {
    let n = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    Config {
        cases: n,
        // Integration tests have no lib.rs beside them to anchor a regressions file; a
        // failure prints its minimal input, which then becomes a plain unit test.
        failure_persistence: None,
        ..Config::default()
    }
}

fn doc(bytes: Vec<u8>) -> Document {
    Document::new("prop.txt", std::sync::Arc::new(bytes))
}

/// Characters that must never be handed to a terminal as text.
fn unsafe_char(c: char) -> bool {
    matches!(c as u32,
        0x00..=0x1f | 0x7f..=0x9f | 0x202a..=0x202e | 0x2066..=0x2069 | 0x200b | 0x200e
        | 0x200f | 0x2028 | 0x2029 | 0xfeff | 0x061c)
}

fn check_lines(doc: &Document) {
    let bytes = doc.bytes();
    let len = doc.len();
    let mut forward = vec![];
    let mut line = Some(doc.first_line());
    let mut expected_start = doc.body_start();
    while let Some(l) = line {
        assert_eq!(l.start, expected_start, "lines are contiguous");
        assert!(l.start <= l.content_end && l.content_end <= len);
        assert!(
            !bytes[l.start..l.content_end]
                .iter()
                .any(|&b| b == b'\n' || b == b'\r'),
            "no line end inside a line"
        );
        match l.next {
            Some(n) => {
                let end = &bytes[l.content_end..n];
                assert!(end == b"\n" || end == b"\r\n" || end == b"\r", "{end:?}");
                if end == b"\r" {
                    assert_ne!(bytes.get(n), Some(&b'\n'), "CRLF is one line end");
                }
                expected_start = n;
            }
            None => assert_eq!(l.content_end, len, "the last line runs to the end"),
        }
        forward.push(l);
        assert!(forward.len() <= len + 1);
        line = doc.line_after(&l);
    }
    let mut backward = vec![];
    let mut line = Some(doc.last_line());
    while let Some(l) = line {
        backward.push(l);
        assert!(backward.len() <= len + 1);
        line = doc.line_before(l.start);
    }
    backward.reverse();
    assert_eq!(forward, backward, "forward and backward agree");
    for pos in 0..=len + 2 {
        let l = doc.line_at(pos);
        assert!(forward.contains(&l));
        let p = pos.clamp(doc.body_start(), len);
        let belongs = l.start <= p && (p <= l.content_end || l.next.is_some_and(|n| p < n));
        assert!(belongs, "line_at({pos}) = {l:?}");
    }
}

proptest! {
    #![proptest_config(cases(256))]

    #[test]
    fn documents_navigate_by_lines_both_ways(bytes in hostile(120)) {
        let d = doc(bytes);
        check_lines(&d);
    }

    #[test]
    fn pieces_cover_the_text_and_end_at_line_ends(bytes in hostile(120), target in 1usize..64) {
        let d = doc(bytes);
        let pieces = d.pieces(0..d.len(), target);
        let mut at = 0;
        for p in &pieces {
            prop_assert_eq!(p.start, at);
            prop_assert!(p.end > p.start);
            prop_assert!(p.end == d.len() || d.bytes()[p.end - 1] == b'\n');
            at = p.end;
        }
        prop_assert_eq!(at, d.len());
    }

    #[test]
    fn text_of_any_range_is_safe(bytes in hostile(60), a in 0usize..2000, b in 0usize..2000) {
        let d = doc(bytes);
        let t = d.text(a..b);
        prop_assert!(t.len() <= 3 * d.len());
    }

    #[test]
    fn cells_cover_every_byte_and_show_nothing_raw(bytes in hostile(120), base in 0usize..1000) {
        let cells = wrap::cells(&bytes, base);
        let mut at = base;
        for c in &cells {
            prop_assert_eq!(c.bytes.start, at, "cells are contiguous");
            prop_assert!(c.bytes.end > c.bytes.start);
            at = c.bytes.end;
            match &c.glyph {
                Glyph::Text(s) => {
                    prop_assert_eq!(s.as_bytes(), &bytes[c.bytes.start - base..c.bytes.end - base]);
                    prop_assert!(!s.chars().any(unsafe_char), "raw {:?}", s);
                    prop_assert_eq!(c.width, s.width());
                    prop_assert!(c.width >= 1, "text takes room: {:?}", s);
                }
                Glyph::Escaped(s) => {
                    prop_assert!(!s.chars().any(unsafe_char), "escaped still raw {:?}", s);
                    prop_assert_eq!(c.width, s.width().max(1), "{:?}", s);
                }
                Glyph::Tab => prop_assert!((1..=wrap::TAB_STOP).contains(&c.width)),
            }
        }
        prop_assert_eq!(at, base + bytes.len(), "every byte is in a cell");
    }

    #[test]
    fn rows_cover_every_byte_in_order_within_the_width(bytes in hostile(120), width in 1usize..90) {
        let cells = wrap::cells(&bytes, 0);
        let rows = wrap::wrap(&cells, width, 0);
        prop_assert!(!rows.is_empty());
        prop_assert_eq!(rows[0].start, 0);
        prop_assert_eq!(rows.last().unwrap().end, bytes.len());
        for pair in rows.windows(2) {
            prop_assert_eq!(pair[0].end, pair[1].start, "rows are contiguous");
            prop_assert!(pair[1].start > pair[0].start, "rows advance");
        }
        for r in &rows {
            let rc = wrap::row_cells(&bytes, *r);
            // Spaces after a break stay, invisible, at the end of the row they follow.
            let shown = rc.len() - rc.iter().rev().take_while(|c| c.is_space()).count();
            let w: usize = rc[..shown].iter().map(|c| c.width).sum();
            prop_assert!(w <= width || shown == 1, "row {:?} is {} wide in {}", r, w, width);
        }
    }

    #[test]
    fn layout_agrees_forward_backward_and_finds_every_offset(
        bytes in hostile(150),
        width in 1usize..60,
        probes in prop::collection::vec(any::<usize>(), 8),
    ) {
        check_layout(&doc(bytes), width, &probes);
    }

    #[test]
    fn extraction_gives_sane_offsets(bytes in hostile(200)) {
        let d = doc(bytes);
        check_entities(&d);
    }

    #[test]
    fn json_line_has_the_documented_shape(bytes in hostile(150)) {
        let d = doc(bytes);
        let found = extract_document(&d);
        let line = dramatis_json::document_line_with_quotes(
            &d,
            &found.entities,
            &found.quotes,
            &std::collections::BTreeMap::default(),
        );
        check_json(&line, &d);
    }
}

proptest! {
    // Each case renders up to 13 frames: fewer cases, the same reach over a long run.
    #![proptest_config(cases(96))]

    #[test]
    fn the_reader_renders_at_any_size_and_shows_nothing_raw(
        bytes in hostile(150),
        w in 0u16..160,
        h in 0u16..50,
        actions in prop::collection::vec(action(), 0..12),
    ) {
        render_session(bytes, w, h, actions);
    }
}

proptest! {
    #![proptest_config(cases(16))]

    #[test]
    fn long_lines_are_laid_out_in_slices_without_losing_a_byte(
        bytes in long_line(),
        width in 1usize..100,
        probes in prop::collection::vec(any::<usize>(), 8),
    ) {
        check_layout(&doc(bytes), width, &probes);
    }

    #[test]
    fn long_lines_render(bytes in long_line(), w in 1u16..120, h in 1u16..40,
                         actions in prop::collection::vec(action(), 0..8)) {
        render_session(bytes, w, h, actions);
    }
}

proptest! {
    #![proptest_config({
        let mut c = cases(256);
        c.cases = (c.cases / 10).max(8);
        c
    })]

    #[test]
    fn the_binary_gives_one_json_line_or_one_error_line(bytes in hostile(120), forced in any::<bool>()) {
        let mut args = vec!["extract", "--json", "-"];
        if forced {
            args.push("--binary");
        }
        let mut child = Command::new(common::bin())
            .args(&args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(&bytes).unwrap();
        let out = child.wait_with_output().unwrap();
        let stdout = String::from_utf8(out.stdout).expect("output is UTF-8");
        let stderr = String::from_utf8(out.stderr).expect("errors are UTF-8");
        if out.status.success() {
            prop_assert_eq!(stdout.lines().count(), 1, "one line");
            prop_assert!(stderr.is_empty());
            let d = Document::new("-", std::sync::Arc::new(bytes));
            check_json(stdout.trim_end(), &d);
        } else {
            prop_assert!(!forced, "--binary opens anything");
            prop_assert_eq!(out.status.code(), Some(1));
            prop_assert!(stdout.is_empty());
            prop_assert_eq!(
                stderr,
                "dramatis: '-' looks like a binary file (use --binary to open it anyway)\n"
            );
        }
    }
}

fn check_layout(d: &Document, width: usize, probes: &[usize]) {
    let mut layout = TextLayout::new(width);
    let top = layout.first(d);
    let forward: Vec<_> = layout
        .visible(d, top, usize::MAX >> 1)
        .into_iter()
        .map(|(_, s)| s)
        .collect();
    assert!(!forward.is_empty());
    for pair in forward.windows(2) {
        assert!(pair[0].start <= pair[0].end && pair[0].end <= pair[1].start);
        assert!(pair[1].start > pair[0].start, "rows advance");
    }
    assert!(forward.last().unwrap().end <= d.len());
    let mut pos = layout.last(d);
    let mut backward = vec![layout.span(d, pos)];
    loop {
        let prev = layout.advance(d, pos, -1);
        if prev == pos {
            break;
        }
        pos = prev;
        backward.push(layout.span(d, pos));
        assert!(backward.len() <= forward.len());
    }
    backward.reverse();
    assert_eq!(forward, backward, "forward and backward agree");
    for &p in probes {
        let offset = if d.is_empty() {
            0
        } else {
            d.body_start() + p % (d.len() - d.body_start() + 1)
        };
        let at = layout.row_at(d, offset);
        let span = layout.span(d, at);
        assert!(forward.contains(&span));
        let line = d.line_at(offset);
        let o = offset.min(line.content_end);
        assert!(
            span.start <= o && (o <= span.end),
            "row_at({offset}) = {span:?}"
        );
    }
    let end = layout.last_top(d, 7);
    let _ = layout.scroll(d, end, 5, 7);
    let _ = layout.scroll(d, top, -5, 7);
}

/// Valid UTF-8 runs of the document, as byte ranges.
fn valid_runs(bytes: &[u8]) -> Vec<std::ops::Range<usize>> {
    let mut out = vec![];
    for_each_valid_run(bytes, 0, |at, text| out.push(at..at + text.len()));
    out
}

fn check_entities(d: &Document) {
    let found = extract_document(d);
    let entities = found.entities;
    let runs = valid_runs(d.bytes());
    // Quotations (and their cues) lie inside one valid run, on character boundaries, and
    // name an entity that exists.
    for q in found.quotes.iter() {
        let spans = [
            Some(q.start as usize..q.end as usize),
            q.cue.map(|c| c.range()),
        ];
        for r in spans.into_iter().flatten() {
            assert!(r.start < r.end && r.end <= d.len(), "{r:?} in bounds");
            let run = runs
                .iter()
                .find(|run| run.start <= r.start && r.end <= run.end)
                .unwrap_or_else(|| panic!("quotation {r:?} lies inside one valid UTF-8 run"));
            let text = std::str::from_utf8(&d.bytes()[run.clone()]).unwrap();
            assert!(
                text.is_char_boundary(r.start - run.start)
                    && text.is_char_boundary(r.end - run.start),
                "{r:?} on character boundaries"
            );
        }
        assert!(q.speaker().is_none_or(|s| s < entities.len()));
    }
    let mut all = vec![];
    for e in &entities {
        let mut last = None;
        for m in &e.mentions {
            let r = m.range();
            assert!(r.start < r.end && r.end <= d.len(), "{r:?} in bounds");
            let run = runs
                .iter()
                .find(|run| run.start <= r.start && r.end <= run.end)
                .unwrap_or_else(|| panic!("{r:?} lies inside one valid UTF-8 run"));
            let text = std::str::from_utf8(&d.bytes()[run.clone()]).unwrap();
            assert!(
                text.is_char_boundary(r.start - run.start)
                    && text.is_char_boundary(r.end - run.start),
                "{r:?} on character boundaries"
            );
            assert!(last.is_none_or(|l| l <= r.start), "mentions sorted");
            last = Some(r.start);
            all.push(r);
        }
    }
    // Mentions lie apart or nest (a description holding a name whole); none cuts another
    // and no words are two mentions.
    all.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut open: Vec<std::ops::Range<usize>> = Vec::new();
    for r in all {
        while open.last().is_some_and(|o| o.end <= r.start) {
            open.pop();
        }
        if let Some(o) = open.last() {
            assert!(r.end <= o.end && r != *o, "{o:?} and {r:?} cut across");
        }
        open.push(r);
    }
}

fn check_json(line: &str, d: &Document) {
    assert!(!line.contains('\n'));
    assert!(!line.chars().any(unsafe_char), "raw control in {line}");
    let v: serde_json::Value = serde_json::from_str(line).expect("valid JSON");
    assert_eq!(v["document"], d.name());
    assert_eq!(v["bytes"], d.len());
    match d.dateline() {
        Some(dl) => assert_eq!(v["date"], dl.date.as_str()),
        None => assert!(v["date"].is_null()),
    }
    for e in v["entities"].as_array().unwrap() {
        assert!(e["id"].is_string() && e["name"].is_string());
        let kind = e["kind"].as_str().unwrap();
        assert!(
            [
                "person",
                "organization",
                "country",
                "place",
                "group",
                "date",
                "number",
                "other"
            ]
            .contains(&kind),
            "{kind}"
        );
        let actor = matches!(kind, "person" | "organization" | "country" | "group");
        assert_eq!(e["actor"], actor);
        assert!(
            e["aliases"]
                .as_array()
                .unwrap()
                .iter()
                .all(|a| a.is_string())
        );
        for m in e["mentions"].as_array().unwrap() {
            let (s, t) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            assert!(s <= t && t <= d.len());
            assert_eq!(m["text"], *String::from_utf8_lossy(&d.bytes()[s..t]));
        }
    }
    let ids: Vec<&str> = v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    for q in v["quotes"].as_array().expect("a list of quotations") {
        let (s, t) = (q["start"].as_u64().unwrap(), q["end"].as_u64().unwrap());
        assert!(s < t && t as usize <= d.len());
        assert!(q["speaker"].is_null() || ids.contains(&q["speaker"].as_str().unwrap()));
        assert!(q["cue"].is_null() || q["cue"].as_array().unwrap().len() == 2);
        assert!(q["kind"] == "direct" || q["kind"] == "indirect");
    }
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        (-40i32..40).prop_map(|n| Action::Scroll(Amount::Lines(n))),
        (-3i32..3).prop_map(|n| Action::Scroll(Amount::Pages(n))),
        (-3i32..3).prop_map(|n| Action::Scroll(Amount::HalfPages(n))),
        Just(Action::Top),
        Just(Action::Bottom),
        Just(Action::FocusNext),
        Just(Action::ToggleSidebar),
        Just(Action::Select),
        Just(Action::NextHit),
        Just(Action::PrevHit),
        Just(Action::StartSearch),
        any::<char>().prop_map(Action::PromptInput),
        Just(Action::PromptBackspace),
        Just(Action::PromptSubmit),
        Just(Action::Cancel),
        Just(Action::BeginMark),
        (b'a'..=b'c').prop_map(|c| Action::SetMark(c as char)),
        (b'a'..=b'c').prop_map(|c| Action::JumpToMark(c as char)),
        Just(Action::JumpBack),
        (0u8..10).prop_map(Action::CountDigit),
        Just(Action::GoToPercent),
        Just(Action::ToggleShelf),
        Just(Action::Clear),
        Just(Action::ToggleHelp),
        (0u16..200, 0u16..60).prop_map(|(width, height)| Action::Resize { width, height }),
        (0u16..200, 0u16..60, -5i32..5).prop_map(|(column, row, lines)| Action::MouseScroll {
            column,
            row,
            lines
        }),
        (0u16..200, 0u16..60).prop_map(|(column, row)| Action::MouseClick { column, row }),
    ]
}

/// Draws the app on a TestBackend of `size`, as the event loop does, and checks that every
/// cell holds only printable text.
fn frame(app: &App, size: (u16, u16)) {
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
    terminal
        .draw(|f| ui::render(f, app, &Keymap::default(), &Theme::colored()))
        .unwrap();
    for cell in terminal.backend().buffer().content() {
        let s = cell.symbol();
        assert!(
            !s.chars().any(unsafe_char),
            "raw {s:?} on screen at {size:?}"
        );
    }
}

/// Opens the bytes in the reader at `w`×`h` (zero included: a terminal can report that),
/// renders, then applies each action and renders again.
fn render_session(bytes: Vec<u8>, w: u16, h: u16, actions: Vec<Action>) {
    let d = doc(bytes);
    let cast = Cast::new(extract_document(&d).entities);
    let mut app = App::with_cast(d, cast, Options::default(), w, h);
    let mut size = (w, h);
    frame(&app, size);
    for a in actions {
        if let Action::Resize { width, height } = a {
            size = (width, height);
        }
        app.update(a);
        frame(&app, size);
    }
}

#[test]
fn zero_sized_terminals_render_without_panicking() {
    // The render property's first find, shrunk: bytes = [], w = 1, h = 0 panicked in ratatui
    // (the "too small" note written at (0, 0) of an empty buffer).
    for (w, h) in [(1, 0), (0, 1), (0, 0), (106, 0)] {
        render_session(vec![], w, h, vec![]);
        render_session(b"Alice met Bob.".to_vec(), w, h, vec![Action::Bottom]);
    }
}
