//! The whole path a hostile file takes, on arbitrary bytes: document lines both ways, display
//! cells and rows, extraction (entities, every mention, quotations), the JSON line, and the
//! reader rendered at a size taken from the input. The first four bytes are the width, the
//! height and a choice of actions.

#![no_main]

use std::collections::BTreeMap;
use std::sync::Arc;

use libfuzzer_sys::fuzz_target;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use dramatis::domain::cast::Cast;
use dramatis::domain::document::Document;
use dramatis::domain::extract::extract_document;
use dramatis::domain::wrap;
use dramatis::interop::dramatis_json;
use dramatis::reader::action::{Action, Amount};
use dramatis::reader::app::{App, Options};
use dramatis::reader::input::Keymap;
use dramatis::reader::ui::{self, Theme};

fuzz_target!(|data: &[u8]| {
    let Some((&[w, h, pick, more], text)) = data.split_first_chunk::<4>() else {
        return;
    };
    let pick = u16::from_le_bytes([pick, more]);
    let (w, h) = (w as u16 % 160, h as u16 % 50);
    let doc = Document::new("fuzz.txt", Arc::new(text.to_vec()));

    // Lines: forward and backward agree, and every byte of a line is in exactly one row.
    let mut forward = vec![];
    let mut line = Some(doc.first_line());
    while let Some(l) = line {
        let bytes = &doc.bytes()[l.start..l.content_end];
        let cells = wrap::cells(bytes, l.start);
        let rows = wrap::wrap(&cells, (w as usize).max(1), l.start);
        assert_eq!(rows.first().unwrap().start, l.start);
        assert_eq!(rows.last().unwrap().end, l.content_end);
        assert!(rows.windows(2).all(|p| p[0].end == p[1].start));
        forward.push(l);
        line = doc.line_after(&l);
    }
    let mut backward = vec![];
    let mut line = Some(doc.last_line());
    while let Some(l) = line {
        backward.push(l);
        line = doc.line_before(l.start);
    }
    backward.reverse();
    assert_eq!(forward, backward);

    // Extraction and the JSON line: valid JSON, every mention's text the bytes it covers,
    // every quotation inside the document.
    let extraction = extract_document(&doc);
    let json = dramatis_json::document_line_with_quotes(
        &doc,
        &extraction.entities,
        &extraction.quotes,
        &BTreeMap::new(),
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    for e in v["entities"].as_array().unwrap() {
        for m in e["mentions"].as_array().unwrap() {
            let (s, t) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            assert!(s < t && t <= doc.len());
            assert_eq!(m["text"], *String::from_utf8_lossy(&doc.bytes()[s..t]));
        }
    }
    for q in v["quotes"].as_array().into_iter().flatten() {
        let (s, t) = (q["start"].as_u64().unwrap(), q["end"].as_u64().unwrap());
        assert!(s <= t && t as usize <= doc.len());
    }

    // The reader: render, act, render, with nothing raw in any cell.
    let cast = Cast::with_quotes(extraction.entities, extraction.quotes);
    let mut app = App::with_cast(doc, cast, Options::default(), w, h);
    let actions = [
        Action::Bottom,
        Action::Scroll(Amount::Pages(-1)),
        Action::FocusNext,
        Action::Select,
        Action::NextHit,
        Action::ToggleScope,
        Action::ToggleQuotes,
        Action::ToggleOnly,
        Action::ToggleContexts,
        Action::Cancel,
        Action::ToggleHelp,
        Action::MouseClick {
            column: w / 3,
            row: h / 2,
        },
        Action::Top,
    ];
    for (i, action) in actions.into_iter().enumerate() {
        if pick & (1 << i) != 0 {
            let _effects = app.update(action);
        }
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        terminal
            .draw(|f| ui::render(f, &app, &Keymap::default(), &Theme::colored()))
            .unwrap();
        for cell in terminal.backend().buffer().content() {
            assert!(
                !cell.symbol().chars().any(|c| c.is_control()
                    || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')),
                "raw {:?}",
                cell.symbol()
            );
        }
    }
});
