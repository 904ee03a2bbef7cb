//! The document pane: the visible rows, each cell drawn from the same display cells the
//! layout measured, with the highlighted entity's mentions lit (those the scope admits: names
//! on their colour, descriptions and pronouns underlined in it) and its quotations tinted
//! (`❝` in the margin).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;

use crate::domain::entity::{Kind, Mention};
use crate::domain::search;
use crate::domain::wrap::{self, Glyph};
use crate::reader::app::App;
use crate::reader::ui::{Theme, pins};

pub struct DocumentView<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl Widget for DocumentView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        // The first column is the margin; the text is drawn right of it.
        let margin = area.x;
        let text = Rect {
            x: area.x + 1,
            width: area.width.saturating_sub(1),
            ..area
        };
        let lit = app.highlighted();
        // While the connections panel has focus, the entity connected to the selection is lit
        // too, so both are seen where they meet.
        let also = app.connected_lit();
        let current = app.current_mention();
        if app.doc().body_start() >= app.doc().len() && text.height > 0 {
            // An empty file is not an error, but a blank pane looks like one.
            let note = "(this document is empty)";
            buf.set_stringn(
                text.x,
                text.y,
                note,
                text.width as usize,
                self.theme.escaped,
            );
            return;
        }
        let tint = QuoteTint::new(app);
        let pinned: Vec<(usize, usize)> = app.pins().collect();
        let pin_of = |owner: usize| pinned.iter().find(|&&(_, e)| e == owner).map(|&(s, _)| s);
        let scope = app.scope();
        for (i, (_, span)) in app.view.iter().enumerate() {
            let y = text.y + i as u16;
            let mentions: Vec<(Mention, usize)> =
                if lit.is_some() || also.is_some() || !pinned.is_empty() {
                    app.cast()
                        .index
                        .overlapping(span.start..span.end.max(span.start + 1))
                        .filter(|&(m, owner)| {
                            scope.admits(m.form)
                                && (Some(owner) == lit
                                    || Some(owner) == also
                                    || pin_of(owner).is_some())
                        })
                        .collect()
                } else {
                    Vec::new()
                };
            let hits = match &app.search {
                Some(search) => {
                    search::find_in(app.doc().bytes(), span.start..span.end, &search.query)
                }
                None => Vec::new(),
            };
            let current_hit = app.search.as_ref().and_then(|s| s.hit.clone());
            let mut x = text.x;
            let right = text.x + text.width;
            let mut has_current = false;
            let mut quoted: Option<Style> = None;
            for cell in wrap::row_cells(app.doc().bytes(), *span) {
                if x >= right {
                    break;
                }
                let mention = mentions
                    .iter()
                    .find(|(m, _)| m.range().contains(&cell.bytes.start));
                let mut style = match cell.glyph {
                    Glyph::Escaped(_) => self.theme.escaped,
                    _ => self.theme.text,
                };
                if let Some((speaker, current)) = tint.at(app, cell.bytes.start) {
                    style = style.patch(self.theme.quote(speaker, current));
                    // The walked quotation's mark wins over the others on its rows.
                    let mark = match (current, speaker) {
                        (true, _) | (false, None) => self.theme.margin_marker,
                        (false, Some(kind)) => self.theme.tag(kind),
                    };
                    if quoted.is_none() || current {
                        quoted = Some(mark);
                    }
                }
                if let Some(&(m, owner)) = mention {
                    let is_current = current == Some(m);
                    has_current |= is_current;
                    // A pinned actor keeps its pin's colour even when it is the selection.
                    // Names on a background, inferred mentions underlined in the colour.
                    if let Some(slot) = pin_of(owner) {
                        let pin = if is_current {
                            pins::mention_style(self.theme, slot).add_modifier(Modifier::UNDERLINED)
                        } else if m.form.is_named() {
                            pins::mention_style(self.theme, slot)
                        } else {
                            pins::inferred_style(self.theme, slot)
                        };
                        style = style.patch(pin);
                    } else {
                        let kind = app.cast().entities[owner].kind;
                        style = style.patch(if is_current {
                            self.theme.current_mention(kind)
                        } else {
                            self.theme.mention_of(kind, m.form)
                        });
                    }
                }
                if let Some(hit) = hits.iter().find(|h| h.contains(&cell.bytes.start)) {
                    style = style.patch(self.theme.search_hit(current_hit.as_ref() == Some(hit)));
                }
                let room = (right - x) as usize;
                x = match &cell.glyph {
                    Glyph::Text(s) => draw(buf, x, y, s, room, style),
                    Glyph::Escaped(s) => draw(buf, x, y, s, room, style),
                    Glyph::Tab => draw(buf, x, y, &" ".repeat(cell.width), room, style),
                };
            }
            if area.width == 0 {
                continue;
            }
            if has_current {
                buf.set_stringn(margin, y, "▶", 1, self.theme.margin_marker);
            } else if let Some((mark, style)) = pins::margin(
                app,
                self.theme,
                *span,
                &mentions,
                quoted.map(|s| (self.theme.quote_mark.to_string(), s)),
            ) {
                buf.set_stringn(margin, y, mark, 1, style);
            }
        }
    }
}

/// Which quotations are tinted: those of the highlighted entity, and the one walked to with
/// `n`/`N` whoever said it.
struct QuoteTint {
    lit: Option<usize>,
    walked: Option<usize>,
}

impl QuoteTint {
    fn new(app: &App) -> QuoteTint {
        let counts = &app.reading().quote_counts;
        let lit = app
            .highlighted()
            .filter(|&e| counts.get(e).is_some_and(|&n| n > 0));
        QuoteTint {
            lit,
            walked: app.quote_walk().map(|w| w.at),
        }
    }

    /// For a byte of the text in a tinted quotation (the innermost that holds it): the
    /// speaker's kind, and whether it is the one walked to.
    fn at(&self, app: &App, offset: usize) -> Option<(Option<Kind>, bool)> {
        if self.lit.is_none() && self.walked.is_none() {
            return None;
        }
        let quotes = &app.cast().quotes;
        let q = quotes.at(offset)?;
        let speaker = quotes[q].speaker();
        let current = self.walked == Some(q);
        (current || (speaker.is_some() && speaker == self.lit)).then(|| {
            let kind = speaker.and_then(|s| app.entity(s)).map(|e| e.kind);
            (kind, current)
        })
    }
}

/// Writes `s` at (x, y) in at most `room` columns and returns the column after it.
fn draw(buf: &mut Buffer, x: u16, y: u16, s: &str, room: usize, style: Style) -> u16 {
    let (end, _) = buf.set_stringn(x, y, s, room, style);
    end
}
