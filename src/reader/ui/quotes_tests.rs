//! Rendering of quotations on a TestBackend: the selection's quotations tinted and marked
//! `❝` in the margin (styles asserted cell by cell), the counts in the cast and the list.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

use super::*;
use crate::domain::cast::Cast;
use crate::domain::document::Document;
use crate::domain::entity::Kind as EntityKind;
use crate::domain::quotes::{ByteSpan, Kind, Quote, Quotes};
use crate::reader::action::{Action, Amount};
use crate::reader::app::Options;
use crate::reader::app::panels::Row;

const TEXT: &str = "date 2023-11-08 Talks\n\n\"We will not accept a pause,\" Ana Ruiz said on \
                    Tuesday.\n\nBo Lind said the talks had failed.\n\nNo one spoke here.\n\n\
                    \"It is over,\" Ana Ruiz added.\n";

fn at(words: &str) -> ByteSpan {
    let start = TEXT.find(words).unwrap();
    ByteSpan {
        start: start as u32,
        end: (start + words.len()) as u32,
    }
}

fn app(width: u16, height: u16) -> App {
    App::with_cast(
        Document::from_string("talks.txt", TEXT),
        cast(),
        Options::default(),
        width,
        height,
    )
}

/// Ana Ruiz said two quotations, Bo Lind one (reported).
fn cast() -> Cast {
    let found = Cast::found_by_search(
        TEXT,
        &[
            ("Ana Ruiz", EntityKind::Person),
            ("Bo Lind", EntityKind::Organization),
        ],
    );
    let quote = |words: &str, kind, cue: &str, e: usize, i: usize| {
        let s = at(words);
        Quote {
            start: s.start,
            end: s.end,
            kind,
            cue: Some(at(cue)),
            speaker: Some(e as u32),
            named_by: Some(found.entities[e].mentions[i]),
        }
    };
    let quotes = Quotes::new(vec![
        quote("We will not accept a pause,", Kind::Direct, "said on", 0, 0),
        quote("the talks had failed", Kind::Indirect, "said the", 1, 0),
        quote("It is over,", Kind::Direct, "added", 0, 1),
    ]);
    Cast::with_quotes(std::sync::Arc::unwrap_or_clone(found.entities), quotes)
}

fn selected(name: &str) -> App {
    let mut a = app(100, 16);
    a.update(Action::FocusNext);
    while a
        .cursor_entity()
        .map(|e| a.cast().entities[e].name.as_str())
        != Some(name)
    {
        a.update(Action::Scroll(Amount::Lines(1)));
    }
    a.update(Action::Select);
    a.update(Action::FocusNext);
    a
}

fn draw(app: &App, theme: &Theme) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(
        app.geometry.title.width,
        app.geometry.status.y + 1,
    ))
    .unwrap();
    terminal
        .draw(|f| render(f, app, &Keymap::default(), theme))
        .unwrap();
    terminal.backend().buffer().clone()
}

fn row_text(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect()
}

fn find_row(buf: &Buffer, needle: &str) -> u16 {
    (0..buf.area.height)
        .find(|&y| row_text(buf, y).contains(needle))
        .expect(needle)
}

/// The cells showing `word` on row `y`.
fn cells(buf: &Buffer, y: u16, word: &str) -> Vec<u16> {
    let row = row_text(buf, y);
    let start = row.find(word).expect("word on row");
    let x0 = row[..start].chars().count() as u16;
    (x0..x0 + word.chars().count() as u16).collect()
}

/// The margin cell of the document pane on row `y`.
fn margin(a: &App, buf: &Buffer, y: u16) -> String {
    buf[(a.geometry.document().x, y)].symbol().to_string()
}

#[test]
fn the_selections_quotations_are_tinted_in_its_colour_and_marked_in_the_margin() {
    let a = selected("Ana Ruiz");
    let buf = draw(&a, &Theme::colored());
    let y = find_row(&buf, "We will not accept");
    for x in cells(&buf, y, "will not accept") {
        let c = &buf[(x, y)];
        assert!(c.modifier.contains(Modifier::ITALIC), "italic at {x}");
        assert_eq!(c.fg, Color::Yellow, "a person's colour at {x}");
        assert_eq!(c.bg, Color::Reset, "a tint, not a highlight, at {x}");
        assert!(!c.modifier.contains(Modifier::BOLD));
    }
    // Her name beside it is a mention: lit, not tinted.
    let name = cells(&buf, y, "Ana Ruiz");
    assert_eq!(buf[(name[0], y)].bg, Color::Yellow);
    assert_eq!(buf[(name[0], y)].fg, Color::Black);
    // The current mention's row keeps ▶; the other quotation's row shows ❝.
    assert_eq!(margin(&a, &buf, y), "▶");
    let y2 = find_row(&buf, "It is over");
    assert_eq!(margin(&a, &buf, y2), "❝");
    let mark = &buf[(a.geometry.document().x, y2)];
    assert_eq!(mark.fg, Color::Yellow);
    assert!(mark.modifier.contains(Modifier::BOLD));
    // Someone else's reported speech, and a row with no quotation, are left alone.
    let y3 = find_row(&buf, "the talks had failed");
    for x in cells(&buf, y3, "the talks had failed") {
        assert!(!buf[(x, y3)].modifier.contains(Modifier::ITALIC));
        assert_eq!(buf[(x, y3)].fg, Color::Reset);
    }
    assert_eq!(margin(&a, &buf, y3), " ");
    assert_eq!(margin(&a, &buf, find_row(&buf, "No one spoke")), " ");
}

#[test]
fn without_colour_the_quotations_are_in_italics_and_still_marked() {
    let a = selected("Bo Lind");
    let buf = draw(&a, &Theme::monochrome());
    let y = find_row(&buf, "the talks had failed");
    for x in cells(&buf, y, "the talks had failed") {
        let c = &buf[(x, y)];
        assert!(c.modifier.contains(Modifier::ITALIC), "italic at {x}");
        assert_eq!((c.fg, c.bg), (Color::Reset, Color::Reset));
    }
    let name = cells(&buf, y, "Bo Lind")[0];
    assert!(
        buf[(name, y)].modifier.contains(Modifier::REVERSED),
        "the mention is lit in reverse video, apart from the italics"
    );
    let y2 = find_row(&buf, "We will not accept");
    assert!(
        !buf[(cells(&buf, y2, "will")[0], y2)]
            .modifier
            .contains(Modifier::ITALIC)
    );
}

#[test]
fn the_quotation_walked_to_is_bold_and_marked_whoever_said_it() {
    let mut a = app(100, 16);
    a.update(Action::ToggleQuotes);
    a.update(Action::Scroll(Amount::Lines(1)));
    a.update(Action::Select);
    a.update(Action::Clear);
    let buf = draw(&a, &Theme::colored());
    let y = find_row(&buf, "the talks had failed");
    for x in cells(&buf, y, "talks had failed") {
        let c = &buf[(x, y)];
        assert!(
            c.modifier.contains(Modifier::ITALIC | Modifier::BOLD),
            "at {x}"
        );
        assert_eq!(c.fg, Color::Cyan, "an organisation's colour");
    }
    let status = row_text(&buf, buf.area.height - 1);
    assert!(status.contains("quote 2/3 · Bo Lind"), "{status}");
}

#[test]
fn the_cast_counts_quotations_beside_mentions() {
    let a = selected("Ana Ruiz");
    let buf = draw(&a, &Theme::colored());
    let ana = row_text(&buf, find_row(&buf, "PER  Ana Ruiz"));
    assert!(ana.trim_end().ends_with("Ana Ruiz        ❝2 2"), "{ana:?}");
    let bo = row_text(&buf, find_row(&buf, "ORG  Bo Lind"));
    assert!(bo.trim_end().ends_with("❝1 1"), "{bo:?}");
}

#[test]
fn the_list_shows_each_quotations_first_words_and_who_said_it_where() {
    let mut a = selected("Ana Ruiz");
    a.update(Action::ToggleQuotes);
    let buf = draw(&a, &Theme::colored());
    let head = row_text(&buf, find_row(&buf, "What Ana Ruiz said"));
    assert!(head.contains("2 quotations"), "{head}");
    let first = row_text(&buf, find_row(&buf, "“We will not accept a pause,”"));
    assert!(
        first.contains("“We will not accept a pause,”  — Ana Ruiz said on"),
        "{first}"
    );
    a.update(Action::ToggleQuotes);
    let buf = draw(&a, &Theme::colored());
    let reported = row_text(&buf, find_row(&buf, "the talks had failed  —"));
    assert!(
        reported.contains("Bo Lind") && !reported.contains("“the talks"),
        "reported speech has no marks: {reported}"
    );
    let y = find_row(&buf, "the talks had failed  —");
    let x = cells(&buf, y, "Bo Lind")[0];
    assert_eq!(
        buf[(x, y)].fg,
        Color::Cyan,
        "the speaker in its kind's colour"
    );
}

const LATER: &str = "date 2023-11-09 Later\n\n\"Enough,\" Ana Ruiz said.\n";

/// TEXT and LATER open, their casts ready (Ana Ruiz says one more thing in LATER).
fn two_documents() -> App {
    let mut a = App::new(
        vec![
            Document::from_string("one.txt", TEXT),
            Document::from_string("two.txt", LATER),
        ],
        Options::default(),
    );
    a.update(Action::Resize {
        width: 110,
        height: 20,
    });
    let later = Cast::found_by_search(LATER, &[("Ana Ruiz", EntityKind::Person)]);
    let enough = LATER.find("Enough,").unwrap() as u32;
    let quotes = Quotes::new(vec![Quote {
        start: enough,
        end: enough + 7,
        kind: Kind::Direct,
        cue: None,
        speaker: Some(0),
        named_by: Some(later.entities[0].mentions[0]),
    }]);
    for (doc, cast) in [
        (0, cast()),
        (
            1,
            Cast::with_quotes(std::sync::Arc::unwrap_or_clone(later.entities), quotes),
        ),
    ] {
        a.update(Action::Work(crate::reader::action::Work::CastReady {
            doc,
            cast: Box::new(cast),
        }));
    }
    a
}

#[test]
fn the_cast_of_all_documents_counts_quotations_per_entity_and_per_document() {
    let mut a = two_documents();
    a.update(Action::ToggleCorpus);
    let buf = draw(&a, &Theme::colored());
    let corpus_row = |name: &str| {
        (0..buf.area.height)
            .map(|y| row_text(&buf, y))
            .find(|r| r.contains(name) && r.contains(" doc"))
            .expect(name)
    };
    let ana = corpus_row("Ana Ruiz");
    assert!(ana.contains("2 docs") && ana.contains("❝3"), "{ana}");
    let bo = corpus_row("Bo Lind");
    assert!(bo.contains("❝1"), "{bo}");
    a.update(Action::Select);
    let buf = draw(&a, &Theme::colored());
    let head = row_text(&buf, find_row(&buf, "Ana Ruiz in 2 documents"));
    assert!(head.contains("3 mentions · 3 quotations"), "{head}");
    let one = row_text(&buf, find_row(&buf, "one.txt   "));
    assert!(one.contains("2 mentions  ❝2"), "{one}");
    let two = row_text(&buf, find_row(&buf, "two.txt   "));
    assert!(two.contains("1 mention   ❝1"), "{two}");
}

#[test]
fn a_short_quotation_leaves_the_rest_of_the_row_to_the_words_that_attribute_it() {
    let mut a = selected("Ana Ruiz");
    a.update(Action::Resize {
        width: 44,
        height: 16,
    });
    a.update(Action::ToggleQuotes);
    let buf = draw(&a, &Theme::colored());
    let over = row_text(&buf, find_row(&buf, "“It is over,”"));
    assert!(
        over.contains("“It is over,”  — Ana Ruiz added"),
        "the attribution is not cut while the row has room: {over:?}"
    );
    let long = row_text(&buf, find_row(&buf, "“We will"));
    assert!(
        long.contains("— Ana Ruiz") && long.contains('…'),
        "a long quotation is cut and its speaker still shows: {long:?}"
    );
}

#[test]
fn on_a_narrow_terminal_the_status_gives_the_files_room_to_the_walk() {
    let mut a = selected("Ana Ruiz");
    a.update(Action::ToggleQuotes);
    a.update(Action::Select);
    let wide = draw(&a, &Theme::colored());
    let status = row_text(&wide, wide.area.height - 1);
    assert!(
        status.contains("talks.txt · ") && status.contains("Ana Ruiz · quote 1/2"),
        "{status:?}"
    );
    a.update(Action::Resize {
        width: 40,
        height: 15,
    });
    let narrow = draw(&a, &Theme::colored());
    let status = row_text(&narrow, narrow.area.height - 1);
    assert!(status.contains("Ana Ruiz · quote 1/2"), "{status:?}");
    assert!(!status.contains("talks.txt"), "{status:?}");
    // With a message after it, the walk still shows whole.
    a.update(Action::NextHit);
    a.update(Action::NextHit);
    let narrower = draw(&a, &Theme::colored());
    let status = row_text(&narrower, narrower.area.height - 1);
    assert!(status.contains("Ana Ruiz · quote 1/2 · "), "{status:?}");
    assert!(
        row_text(&narrow, 0).contains("talks.txt"),
        "the title bar still names the file"
    );
}

#[test]
fn the_key_on_a_document_of_the_cast_of_all_documents_lists_what_the_entity_said_there() {
    let mut a = two_documents();
    a.update(Action::ToggleCorpus);
    assert_eq!(
        a.panel().unwrap().list().current(),
        Some(Row::CorpusEntity(0))
    );
    a.update(Action::ToggleQuotes);
    assert!(
        a.message
            .as_deref()
            .unwrap()
            .contains("on one lists what it said"),
        "{:?}",
        a.message
    );
    // Ana Ruiz's documents; the cursor to the later one, then ".
    a.update(Action::Select);
    a.update(Action::Scroll(Amount::Lines(1)));
    a.update(Action::ToggleQuotes);
    assert_eq!(a.doc().name(), "two.txt");
    let buf = draw(&a, &Theme::colored());
    let head = row_text(&buf, find_row(&buf, "What Ana Ruiz said"));
    assert!(head.contains("1 quotation "), "{head}");
    find_row(&buf, "“Enough,”");
    a.update(Action::Select);
    assert_eq!(
        crate::reader::ui::status_message(&a),
        "Ana Ruiz · quote 1/1"
    );
}
