//! The mention map: the column right of the text, a scrollbar track of the whole document.
//! Each cell is a slice of the document's bytes; it shows where the highlighted entity (`■`,
//! in its kind colour) and the pinned ones (their number, in their colour; `◆` where several
//! share a slice) are mentioned, and the slice the view covers is the bright part of the
//! track (a document that fits on screen is mapped row for row instead). Only the mentions
//! the scope lights count. Per frame: a binary search per cell and entity (names only then
//! skips the descriptions and pronouns in that cell), never a scan of the document's mentions.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;

use crate::domain::mention_map::MapScale;
use crate::reader::app::App;
use crate::reader::ui::Theme;
use crate::reader::ui::pins::{digit, tag_style};

pub struct MentionMap<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl MentionMap<'_> {
    /// The style of the track where the view is: a light background, or reverse video.
    pub fn view_style(theme: &Theme) -> Style {
        if theme.color {
            Style::new().bg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }
}

impl Widget for MentionMap<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        if area.width == 0 || area.height == 0 {
            return;
        }
        let scale = MapScale::new(
            app.doc().body_start()..app.doc().len(),
            area.height as usize,
        );
        let view = match (app.view.first(), app.view.last()) {
            (Some((_, first)), Some((_, last))) => scale.buckets_of(first.start..last.end),
            _ => 0..0,
        };
        // When the whole document is on screen, each cell stands for the text row beside it:
        // a short text must not look spread over the whole column.
        let whole = match (app.view.first(), app.view.last()) {
            (Some((_, first)), Some((_, last))) => {
                first.start <= app.doc().body_start() && last.end >= app.doc().len()
            }
            _ => false,
        };
        let lit = app.highlighted();
        let pins: Vec<(usize, usize)> = app.pins().collect();
        for i in 0..scale.buckets() {
            let y = area.y + i as u16;
            let (bytes, in_view) = if whole {
                match app.view.get(i) {
                    Some((_, span)) => (span.start..span.end, true),
                    None => (0..0, false),
                }
            } else {
                (scale.range(i), view.contains(&i))
            };
            let has = |e: usize| app.lit(e).first_in(bytes.clone()).is_some();
            let present: Vec<usize> = pins
                .iter()
                .filter(|&&(_, e)| has(e))
                .map(|&(slot, _)| slot)
                .collect();
            let lit_here = lit.filter(|&e| has(e));
            let (glyph, mut style) = match (lit_here, present.as_slice()) {
                (_, [_, _, ..]) => ("◆".to_string(), self.theme.margin_marker),
                (Some(e), _) if app.pin_of(e).is_none() => {
                    ("■".to_string(), self.theme.tag(app.cast().entities[e].kind))
                }
                (_, [slot]) => (digit(*slot).to_string(), tag_style(self.theme, *slot)),
                _ if in_view => ("┃".to_string(), self.theme.text),
                _ => ("│".to_string(), self.theme.border),
            };
            if in_view {
                style = style.patch(Self::view_style(self.theme));
            }
            buf.set_stringn(area.x, y, glyph, 1, style);
        }
    }
}
