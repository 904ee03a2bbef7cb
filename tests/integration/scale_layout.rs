//! The lazy paths give the same screens as eager ones: jumping to the end (G) or to a mention
//! far away lays out only a screenful, and must show exactly what laying out every row from the
//! top would show. Large generated documents with every kind of line the layout treats
//! specially: long lines cut into 64 KB blocks, CRLF and lone CR, tabs, wide and combining
//! characters, invalid UTF-8, empty lines.

use std::sync::Arc;

use dramatis::domain::cast::Cast;
use dramatis::domain::document::Document;
use dramatis::domain::entity::{Entity, Kind, Mention};
use dramatis::domain::layout::{BLOCK_MAX, TextLayout};
use dramatis::domain::wrap::RowSpan;
use dramatis::reader::action::{Action, Amount};
use dramatis::reader::app::{App, Options};
use dramatis::reader::input::Keymap;
use dramatis::reader::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

/// About `len` bytes of varied text, deterministic.
fn generated(len: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(len + 1024);
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let words: [&[u8]; 12] = [
        b"the",
        b"minister",
        b"said",
        "Kovačević".as_bytes(),
        "東京".as_bytes(),
        b"and",
        "e\u{301}te\u{301}".as_bytes(),
        b"\ttab",
        b"agreement",
        b"\xff\xfe",
        b"of",
        b"Supercalifragilisticexpialidociousnessprolongedbeyondanyreasonablewidth",
    ];
    let mut line = 0u64;
    while out.len() < len {
        line += 1;
        let r = next();
        let words_in_line = match r % 100 {
            0..=9 => 0,                            // empty line
            10 => 3 * BLOCK_MAX / 8,               // a line of several 64 KB blocks
            11..=40 => (r >> 8) as usize % 12 + 1, // short
            _ => (r >> 8) as usize % 120 + 10,     // a paragraph
        };
        for w in 0..words_in_line {
            if w > 0 {
                out.push(b' ');
            }
            out.extend_from_slice(words[(next() >> 5) as usize % words.len()]);
        }
        out.extend_from_slice(match line % 13 {
            0 => b"\r\n",
            7 => b"\r",
            _ => b"\n",
        });
    }
    out.extend_from_slice(b"The very last line of the generated text.");
    out
}

fn doc(len: usize) -> Document {
    Document::new("big.txt", Arc::new(generated(len)))
}

/// Every row of the document, laid out from the top down.
fn all_rows(doc: &Document, width: usize) -> Vec<RowSpan> {
    let mut layout = TextLayout::new(width);
    let top = layout.first(doc);
    layout
        .visible(doc, top, usize::MAX >> 1)
        .into_iter()
        .map(|(_, span)| span)
        .collect()
}

#[test]
fn the_last_screen_found_from_the_end_is_the_last_page_of_all_rows() {
    let doc = doc(6 << 20);
    for (width, height) in [(90, 38), (33, 10)] {
        let eager = all_rows(&doc, width);
        let expected = &eager[eager.len() - height..];
        let mut layout = TextLayout::new(width);
        let top = layout.last_top(&doc, height);
        let lazy: Vec<RowSpan> = layout
            .visible(&doc, top, height)
            .into_iter()
            .map(|(_, s)| s)
            .collect();
        assert_eq!(lazy, expected, "width {width}");
    }
}

#[test]
fn any_row_found_by_offset_is_the_eager_row_of_that_offset() {
    let doc = doc(3 << 20);
    let eager = all_rows(&doc, 70);
    let mut layout = TextLayout::new(70);
    for k in 0..200 {
        let offset = doc.len() * k / 199;
        let pos = layout.row_at(&doc, offset);
        let span = layout.span(&doc, pos);
        let i = eager.partition_point(|r| r.start <= offset) - 1;
        assert_eq!(span, eager[i], "offset {offset}");
    }
}

fn render(app: &App) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal
        .draw(|f| ui::render(f, app, &Keymap::default(), &Theme::colored()))
        .unwrap();
    terminal.backend().buffer().clone()
}

fn reader(doc: &Document, cast: Cast) -> App {
    App::with_cast(doc.clone(), cast, Options::default(), 120, 40)
}

#[test]
fn the_screen_after_g_equals_the_screen_reached_page_by_page() {
    let doc = doc(1 << 20);
    let mut jumped = reader(&doc, Cast::default());
    jumped.update(Action::Bottom);

    let mut walked = reader(&doc, Cast::default());
    loop {
        let before = walked.view.clone();
        walked.update(Action::Scroll(Amount::Pages(1)));
        if walked.view == before {
            break;
        }
    }
    assert_eq!(jumped.view, walked.view);
    assert_eq!(render(&jumped), render(&walked));
    let last = jumped.view.last().unwrap().1;
    assert_eq!(
        last.end,
        doc.len(),
        "the end of the text is on the last row"
    );
}

#[test]
fn a_jump_to_a_mention_far_away_shows_the_eager_rows_around_it() {
    let doc = doc(4 << 20);
    // An entity mentioned near the start and at 99 %: the second is far from the first screen.
    let near = doc.line_at(doc.len() / 100).start;
    let far = doc.line_at(doc.len() * 99 / 100).start;
    let entity = Entity {
        id: "far".into(),
        name: "Far".into(),
        kind: Kind::Person,
        aliases: vec!["Far".into()],
        mentions: vec![Mention::new(near..near + 1), Mention::new(far..far + 1)].into(),
    };
    let mut app = reader(&doc, Cast::new(vec![entity]));
    app.update(Action::FocusNext);
    app.update(Action::Select);
    app.update(Action::NextHit);
    assert_eq!(app.current_mention().map(|m| m.start as usize), Some(far));

    // Eagerly: every row from the top, the mention's row a third of the way down the pane.
    let page = app.geometry.text.height as usize;
    let eager = all_rows(&doc, app.geometry.text.width as usize);
    let row = eager.partition_point(|r| r.start <= far) - 1;
    let top = row.saturating_sub(page / 3).min(eager.len() - page);
    let lazy: Vec<RowSpan> = app.view.iter().map(|(_, s)| *s).collect();
    assert_eq!(lazy, &eager[top..top + page]);
}
