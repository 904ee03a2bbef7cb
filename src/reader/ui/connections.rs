//! Rows of the connections panel: one per entity sharing sentences with the selected one
//! (kind tag, name, number of shared sentences, linking words), and, once a connection is
//! opened, one per shared sentence with both entities marked.

use ratatui::style::Style;

use crate::domain::wrap::sanitize;
use crate::reader::app::App;
use crate::reader::app::panels::{Head, List};
use unicode_width::UnicodeWidthStr;

use crate::reader::ui::pins::{digit, mention_style, tag_style};
use crate::reader::ui::row::{Writer, excerpt};
use crate::reader::ui::{Theme, truncate, truncate_distinct};

/// Columns for the other entity's name.
const NAME_WIDTH: usize = 26;

/// ` 1 CTRY Israel                      3  United States —in discussions with→ Israel`
pub fn connection_row(
    app: &App,
    theme: &Theme,
    head: Head,
    k: usize,
    names: &[&str],
    w: &mut Writer,
) {
    let (Head::Connections(e), Some(r)) = (head, app.relations()) else {
        return;
    };
    let c = r.connections.get(k);
    let other = c.other(e);
    let Some(entity) = app.entity(other) else {
        return;
    };
    match app.pin_of(other) {
        Some(slot) => w.put(&digit(slot).to_string(), tag_style(theme, slot)),
        None => w.put(" ", Style::new()),
    };
    w.put(" ", Style::new())
        .cell(Theme::kind_tag(entity.kind), 5, theme.tag(entity.kind))
        .text_cell(
            &truncate_distinct(&sanitize(&entity.name), NAME_WIDTH - 1, names),
            NAME_WIDTH,
            Style::new(),
        )
        .cell(&format!("{:>4}", c.sentences.len()), 6, theme.title);
    if let Some(link) = r.link(app.doc().bytes(), &app.cast().index, &c) {
        let name = |x: usize| app.entity(x).map(|x| sanitize(&x.name)).unwrap_or_default();
        let (from, to) = (name(link.from), name(c.other(link.from)));
        // The linking words give way (cut in the middle) before the second actor does.
        let words = sanitize(&link.words);
        let room = w
            .room()
            .saturating_sub(from.width() + to.width() + 4)
            .max(5);
        let words = truncate(&words, room);
        w.put(&from, theme.dim)
            .put(" —", theme.dim)
            .text(&words, Style::new())
            .put("→ ", theme.dim)
            .put(&to, theme.dim);
    }
}

/// ` 2  …the United States is engaged in discussions with Israel and Qatar regarding…`
pub fn sentence_row(app: &App, theme: &Theme, list: &List, row: usize, s: u32, w: &mut Writer) {
    let (Head::Shared { entity, pair }, Some(r)) = (list.head, app.relations()) else {
        return;
    };
    let other = r.connections.get(pair).other(entity);
    let style = |e: usize| match app.pin_of(e) {
        Some(slot) => mention_style(theme, slot),
        None => app
            .entity(e)
            .map_or(Style::new(), |x| theme.mention(x.kind)),
    };
    w.cell(&format!("{:>3}", row + 1), 5, theme.dim);
    let width = w.room();
    for (text, st) in excerpt(
        app,
        r.sentences.range(s as usize),
        &[(entity, style(entity)), (other, style(other))],
        width,
    ) {
        w.text(&text, st);
    }
}
