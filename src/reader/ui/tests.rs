//! Rendering on a TestBackend: what is on screen, and the styles of highlighted cells (a text
//! snapshot cannot see a highlight).

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

use super::*;
use crate::domain::cast::Cast;
use crate::domain::document::Document;
use crate::domain::entity::{Entity, Kind, Mention};
use crate::reader::action::{Action, Amount, Work};
use crate::reader::app::Options;

const TEXT: &str =
    "date 2023-11-08 Israel and Hamas talk. Qatar helps Israel.\n\nIsraeli officials wait.";

fn cast() -> Cast {
    let at = |s: &str, nth: usize| {
        let i = TEXT.match_indices(s).nth(nth).unwrap().0;
        Mention::new(i..i + s.len())
    };
    let e = |name: &str, kind, mentions: Vec<Mention>| Entity {
        id: name.to_lowercase(),
        name: name.into(),
        kind,
        aliases: vec![],
        mentions: mentions.into(),
    };
    Cast::new(vec![
        e(
            "Israel",
            Kind::Country,
            vec![at("Israel", 0), at("Israel", 1), at("Israeli", 0)],
        ),
        e("Hamas", Kind::Organization, vec![at("Hamas", 0)]),
        e("Qatar", Kind::Country, vec![at("Qatar", 0)]),
    ])
}

fn app(width: u16, height: u16) -> App {
    App::with_cast(
        Document::from_string("news.txt", TEXT),
        cast(),
        Options::default(),
        width,
        height,
    )
}

pub(super) fn draw(app: &App, theme: &Theme) -> Buffer {
    let (w, h) = app_size(app);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| render(f, app, &Keymap::default(), theme))
        .unwrap();
    terminal.backend().buffer().clone()
}

fn app_size(app: &App) -> (u16, u16) {
    let g = app.geometry;
    if g.too_small {
        return (20, 5);
    }
    (g.title.width, g.status.y + 1)
}

pub(super) fn row_text(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width)
        .map(|x| buf[(x, y)].symbol())
        .collect::<String>()
}

pub(super) fn screen(buf: &Buffer) -> String {
    (0..buf.area.height)
        .map(|y| row_text(buf, y).trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The cells on screen showing `word` (its first occurrence on row `y`), by x.
pub(super) fn word_cells(buf: &Buffer, y: u16, word: &str, nth: usize) -> Vec<u16> {
    let row = row_text(buf, y);
    let start = row.match_indices(word).nth(nth).expect("word on row").0;
    let x0 = row[..start].chars().count() as u16;
    (x0..x0 + word.chars().count() as u16).collect()
}

pub(super) fn find_row(buf: &Buffer, needle: &str) -> u16 {
    (0..buf.area.height)
        .find(|&y| row_text(buf, y).contains(needle))
        .expect(needle)
}

#[test]
fn title_shows_file_and_date_and_the_dateline_is_not_body_text() {
    let a = app(100, 12);
    let buf = draw(&a, &Theme::colored());
    assert!(row_text(&buf, 0).contains("news.txt · 2023-11-08"));
    let body = screen(&buf);
    assert!(!body.lines().skip(1).any(|l| l.contains("date 2023")));
    assert!(body.contains("Israel and Hamas talk."));
}

#[test]
fn sidebar_groups_entities_with_tag_name_and_count() {
    let a = app(100, 12);
    let buf = draw(&a, &Theme::colored());
    let s = screen(&buf);
    assert!(s.contains("Cast · 3"));
    assert!(s.contains("Actors"));
    let israel = row_text(&buf, find_row(&buf, "Israel  "));
    assert!(
        israel.contains("CTRY Israel") && israel.trim_end().ends_with('3'),
        "{israel}"
    );
    // The tag has the kind's colour.
    let y = find_row(&buf, "ORG");
    let x = word_cells(&buf, y, "ORG", 0)[0];
    assert_eq!(buf[(x, y)].fg, Color::Cyan);
}

#[test]
fn selecting_lights_every_mention_in_the_kind_colour_and_marks_the_current_one() {
    let mut a = app(100, 12);
    a.update(Action::FocusNext);
    a.update(Action::Select);
    a.update(Action::FocusNext);
    let buf = draw(&a, &Theme::colored());
    let y = find_row(&buf, "Israel and Hamas");
    let lit = |x: u16, y: u16| buf[(x, y)].bg == Color::Green;
    for x in word_cells(&buf, y, "Israel", 0) {
        assert!(lit(x, y), "first Israel lit at {x}");
        assert!(
            buf[(x, y)].modifier.contains(Modifier::UNDERLINED),
            "the current mention is marked"
        );
    }
    for x in word_cells(&buf, y, "Israel", 1) {
        assert!(lit(x, y));
        assert!(!buf[(x, y)].modifier.contains(Modifier::UNDERLINED));
    }
    for x in word_cells(&buf, y, "Hamas", 0) {
        assert!(
            !lit(x, y) && buf[(x, y)].bg == Color::Reset,
            "Hamas is not lit"
        );
    }
    let y2 = find_row(&buf, "Israeli officials");
    for x in word_cells(&buf, y2, "Israeli", 0) {
        assert!(lit(x, y2), "the demonym is a mention too");
    }
    let status = row_text(&buf, buf.area.height - 1);
    assert!(status.contains("Israel · mention 1/3"), "{status}");
    assert!(status.trim_end().ends_with("? help"));
}

#[test]
fn no_color_theme_highlights_by_reverse_video() {
    let mut a = app(100, 12);
    a.update(Action::FocusNext);
    a.update(Action::Select);
    a.update(Action::FocusNext);
    let buf = draw(&a, &Theme::monochrome());
    let y = find_row(&buf, "Israel and Hamas");
    for x in word_cells(&buf, y, "Israel", 1) {
        assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
        assert_eq!(buf[(x, y)].bg, Color::Reset);
    }
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let c = &buf[(x, y)];
            assert!(
                c.fg == Color::Reset && c.bg == Color::Reset,
                "colour at {x},{y}"
            );
        }
    }
}

#[test]
fn control_characters_render_as_dim_placeholders() {
    let doc = Document::from_string("evil.txt", "Title\u{1b}]0;pwned\u{7} end");
    let a = App::with_cast(doc, Cast::default(), Options::default(), 80, 10);
    let buf = draw(&a, &Theme::colored());
    let y = find_row(&buf, "Title");
    let row = row_text(&buf, y);
    assert!(row.contains("Title␛]0;pwned^G end"), "{row}");
    let x = word_cells(&buf, y, "␛", 0)[0];
    assert!(buf[(x, y)].modifier.contains(Modifier::DIM));
}

#[test]
fn help_lists_the_keymap() {
    // Wide enough for the two columns with the action names, and tall enough for all of it
    // (shorter, the help overlay scrolls).
    let mut a = app(160, 48);
    a.update(Action::ToggleHelp);
    let s = screen(&draw(&a, &Theme::colored()));
    for b in Keymap::default().in_context(crate::reader::input::Context::Reader) {
        assert!(s.contains(b.description), "help misses {}", b.description);
        // The name a config file rebinds, after the description.
        let row = s
            .lines()
            .find(|l| l.contains(b.description))
            .expect("a row");
        let after = &row[row.find(b.description).unwrap() + b.description.len()..];
        assert!(
            after.split_whitespace().next() == Some(b.name),
            "{} is not named in {row}",
            b.name
        );
    }
    assert!(s.contains("j ↓"));
}

#[test]
fn the_help_scrolls_to_its_end_and_straight_back() {
    let options = Options {
        help: HelpView::shape(&Keymap::default()),
        ..Options::default()
    };
    let mut a = App::with_cast(
        Document::from_string("news.txt", TEXT),
        cast(),
        options,
        80,
        24,
    );
    a.update(Action::ToggleHelp);
    let top = screen(&draw(&a, &Theme::colored()));
    assert!(top.contains("↓ more") && top.contains("scroll"), "{top}");
    a.update(Action::Bottom);
    let end = screen(&draw(&a, &Theme::colored()));
    assert!(end.contains("hit (for a or A)"), "{end}");
    assert!(end.contains("↑ more"), "{end}");
    // The end is the end: one line up shows one more line at the top at once.
    let first_line = |s: &str| s.lines().nth(1).unwrap().to_string();
    a.update(Action::Scroll(Amount::Lines(-1)));
    let up = screen(&draw(&a, &Theme::colored()));
    assert_ne!(first_line(&up), first_line(&end));
    assert!(!up.contains("hit (for a or A)"), "{up}");
    a.update(Action::Top);
    assert_eq!(screen(&draw(&a, &Theme::colored())), top);
}

#[test]
fn a_tiny_terminal_gets_one_short_message() {
    let a = app(20, 5);
    let buf = draw(&a, &Theme::colored());
    assert!(row_text(&buf, 0).starts_with("Terminal too small"));
}

#[test]
fn progress_shows_in_the_sidebar_and_status_line() {
    let mut a = App::new(
        vec![Document::from_string("a.txt", TEXT)],
        Options::default(),
    );
    a.update(Action::Resize {
        width: 100,
        height: 12,
    });
    a.update(Action::Work(Work::Progress {
        doc: 0,
        percent: 43,
    }));
    let s = screen(&draw(&a, &Theme::colored()));
    assert!(s.contains("finding entities… 43%"));
    a.update(Action::Work(Work::CastReady {
        doc: 0,
        cast: Box::new(cast()),
    }));
    let s = screen(&draw(&a, &Theme::colored()));
    assert!(!s.contains("finding entities"));
}

#[test]
fn truecolor_only_changes_the_palette() {
    let mut a = app(100, 12);
    a.update(Action::FocusNext);
    a.update(Action::Select);
    let buf = draw(&a, &Theme::truecolor());
    let y = find_row(&buf, "Israel and Hamas");
    let x = word_cells(&buf, y, "Israel", 1)[0];
    assert!(matches!(buf[(x, y)].bg, Color::Rgb(..)));
    let named = draw(&a, &Theme::colored());
    assert_eq!(
        named[(x, y)].bg,
        Color::Green,
        "16 named colours by default"
    );
}

#[test]
fn every_widget_draws_inside_the_rectangle_it_is_given() {
    use ratatui::layout::Rect;
    use ratatui::widgets::Widget;
    type Draw<'a> = Box<dyn Fn(&mut Buffer) + 'a>;

    let mut a = app(100, 24);
    a.update(Action::FocusNext);
    a.update(Action::Select);
    a.update(Action::TogglePin);
    a.update(Action::NextHit);
    a.update(Action::ToggleConnections);
    let theme = Theme::colored();
    // Somewhere the app's geometry never puts anything, so a widget that placed itself
    // from the geometry instead of its rectangle would draw outside it.
    let given = Rect::new(7, 5, 40, 9);
    let widgets: Vec<(&str, Draw)> = vec![
        (
            "title",
            Box::new(|b| {
                status::TitleBar {
                    app: &a,
                    theme: &theme,
                }
                .render(given, b);
            }),
        ),
        (
            "pins",
            Box::new(|b| {
                pins::PinLegend {
                    app: &a,
                    theme: &theme,
                }
                .render(given, b);
            }),
        ),
        (
            "text",
            Box::new(|b| {
                document::DocumentView {
                    app: &a,
                    theme: &theme,
                }
                .render(given, b);
            }),
        ),
        (
            "map",
            Box::new(|b| {
                mention_map::MentionMap {
                    app: &a,
                    theme: &theme,
                }
                .render(given, b);
            }),
        ),
        (
            "cast",
            Box::new(|b| {
                sidebar::SidebarView {
                    app: &a,
                    theme: &theme,
                }
                .render(given, b);
            }),
        ),
        (
            "panel",
            Box::new(|b| {
                panel::PanelView {
                    app: &a,
                    theme: &theme,
                }
                .render(given, b);
            }),
        ),
        (
            "status",
            Box::new(|b| {
                status::StatusLine {
                    app: &a,
                    theme: &theme,
                }
                .render(given, b);
            }),
        ),
    ];
    for (name, draw) in widgets {
        let mut buf = Buffer::empty(Rect::new(0, 0, 100, 24));
        draw(&mut buf);
        let mut inside = 0;
        for y in 0..24 {
            for x in 0..100 {
                let blank = buf[(x, y)] == ratatui::buffer::Cell::default();
                if given.contains(ratatui::layout::Position::new(x, y)) {
                    inside += usize::from(!blank);
                } else {
                    assert!(blank, "{name} drew at ({x}, {y}), outside {given:?}");
                }
            }
        }
        assert!(inside > 0, "{name} drew nothing");
    }
}

#[test]
fn the_text_title_is_underlined_while_the_text_has_focus() {
    let mut a = app(100, 12);
    let underlined = |buf: &Buffer| {
        let x = word_cells(buf, 0, "news.txt", 0)[0];
        buf[(x, 0)].modifier.contains(Modifier::UNDERLINED)
    };
    assert!(underlined(&draw(&a, &Theme::monochrome())));
    a.update(Action::FocusNext);
    let buf = draw(&a, &Theme::monochrome());
    assert!(!underlined(&buf), "the cast has focus now");
    let y = find_row(&buf, "Cast ·");
    let x = word_cells(&buf, y, "Cast", 0)[0];
    assert!(buf[(x, y)].modifier.contains(Modifier::UNDERLINED));
}

#[test]
fn standard_input_is_called_stdin() {
    let a = App::with_cast(
        Document::from_string("-", TEXT),
        cast(),
        Options::default(),
        100,
        12,
    );
    let buf = draw(&a, &Theme::monochrome());
    assert!(row_text(&buf, 0).starts_with(" stdin · 2023-11-08"));
    assert!(row_text(&buf, 11).starts_with(" stdin · "));
}

#[test]
fn the_document_list_gives_long_names_the_date_column_when_no_document_is_dated() {
    let docs = ["the-minister-resigns-after-talk.txt", "short.txt"]
        .map(|n| Document::from_string(n, "No date in this text."));
    let mut a = App::new(docs.to_vec(), Options::default());
    a.update(Action::Resize {
        width: 80,
        height: 12,
    });
    a.update(Action::ToggleShelf);
    let buf = draw(&a, &Theme::monochrome());
    let row = row_text(&buf, find_row(&buf, "▶"));
    assert!(
        row.contains("▶ the-minister-resigns-after-talk.txt  No date in this text."),
        "{row}"
    );
}

#[test]
fn on_a_narrow_screen_help_lines_drop_the_action_name_then_end_with_an_ellipsis() {
    let mut a = app(60, 20);
    a.update(Action::ToggleHelp);
    let s = screen(&draw(&a, &Theme::monochrome()));
    let line = s
        .lines()
        .find(|l| l.contains("down half a page"))
        .expect("a line");
    assert!(
        !line.contains("half-page-down") && !line.contains('…'),
        "no room for the name at 60 columns, and the description is whole: {line}"
    );
    let mut a = app(40, 15);
    a.update(Action::ToggleHelp);
    let s = screen(&draw(&a, &Theme::monochrome()));
    let line = s
        .lines()
        .find(|l| l.contains("down a line; in"))
        .expect("a line");
    assert!(line.trim_end().ends_with("…│"), "{line}");
}
