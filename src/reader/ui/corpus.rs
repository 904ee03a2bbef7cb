//! Rows of the cross-document cast: each entity with the number of documents, mentions and
//! quotations (`❝3`) and a sparkline of its mentions by dateline; opened, one row per document
//! that mentions it, with its mentions and quotations there.

use ratatui::style::Style;

use crate::domain::wrap::sanitize;
use crate::reader::app::App;
use crate::reader::app::panels::Head;
use crate::reader::ui::row::Writer;
use crate::reader::ui::{Theme, document_label, truncate_distinct};

const NAME_WIDTH: usize = 26;
const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// A sparkline of `counts`: `·` for none, else a bar scaled to the largest.
pub fn sparkline(counts: &[usize]) -> String {
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    counts
        .iter()
        .map(|&n| {
            if n == 0 {
                '·'
            } else {
                BARS[((n * BARS.len()).div_ceil(max)).clamp(1, BARS.len()) - 1]
            }
        })
        .collect()
}

/// `  CTRY Israel          3 docs    14  ❝3   ▃·█`
pub fn entity_row(app: &App, theme: &Theme, ce: usize, names: &[&str], w: &mut Writer) {
    let Some(corpus) = &app.panels.corpus else {
        return;
    };
    let c = &corpus.cast.entities[ce];
    let docs = c.appearances.len();
    w.put("  ", Style::new())
        .cell(Theme::kind_tag(c.kind), 5, theme.tag(c.kind))
        .text_cell(
            &truncate_distinct(&sanitize(&c.name), NAME_WIDTH - 1, names),
            NAME_WIDTH,
            Style::new(),
        )
        .cell(
            &format!("{docs:>3} doc{}", if docs == 1 { "" } else { "s" }),
            10,
            theme.dim,
        )
        .cell(&format!("{:>5}", c.mentions()), 7, theme.title)
        .cell(&said(theme, c.quotes()), 6, theme.dim)
        .put(&sparkline(&corpus.timeline.counts(c)), theme.tag(c.kind));
}

/// `  2023-11-08  news1.txt        7 mentions  ❝2    Talks resume in Doha…`
pub fn appearance_row(app: &App, theme: &Theme, head: Head, document: usize, w: &mut Writer) {
    let (Head::Appearances(ce), Some(corpus)) = (head, &app.panels.corpus) else {
        return;
    };
    let Some(reading) = app.shelf.get(document) else {
        return;
    };
    let (mentions, quotes) = corpus.cast.entities[ce]
        .in_document(document)
        .map_or((0, 0), |a| (a.mentions, a.quotes));
    let date = reading
        .doc
        .dateline()
        .map_or("undated".to_string(), |d| sanitize(&d.date));
    let name = document_label(reading.doc.name());
    let marker = if document == app.shelf.shown_index() {
        "▶ "
    } else {
        "  "
    };
    w.put(marker, theme.margin_marker)
        .text_cell(&date, 12, theme.dim)
        .text_cell(&sanitize(&name), 20, Style::new())
        .cell(
            &format!(
                "{mentions:>4} mention{}",
                if mentions == 1 { "" } else { "s" }
            ),
            15,
            theme.title,
        )
        .cell(&said(theme, quotes), 6, theme.dim);
    let room = w.room();
    w.text(&sanitize(&reading.title(room)), theme.dim);
}

/// `❝3` for three quotations, nothing for none.
fn said(theme: &Theme, quotes: usize) -> String {
    if quotes == 0 {
        String::new()
    } else {
        format!("{}{quotes}", theme.quote_mark)
    }
}
