//! Where each part of the screen goes, for a terminal size. Pure arithmetic, done when the
//! size or the parts shown change (not per frame): the app hit-tests mouse clicks and wraps
//! text with it, and the ui hands each widget its rectangle from it.

use ratatui::layout::{Position, Rect};

/// Whether the cell at `column`, `row` is inside `area`.
pub fn contains(area: Rect, column: u16, row: u16) -> bool {
    area.contains(Position::new(column, row))
}

/// Below this size only a short "too small" message is shown.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;
/// Below this width the sidebar folds away unless asked for.
pub const SIDEBAR_MIN_TOTAL: u16 = 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Geometry {
    pub too_small: bool,
    pub title: Rect,
    /// The whole document pane.
    pub pane: Rect,
    /// Where text rows are drawn inside the pane (a centred measure).
    pub text: Rect,
    /// The column just right of the text area: the mention map.
    pub map: Rect,
    /// The sidebar, its left border included; `None` when folded.
    pub sidebar: Option<Rect>,
    /// The panel under the text (connections, contexts, the cast across documents), its
    /// header row included; `None` when no panel is open.
    pub panel: Option<Rect>,
    pub status: Rect,
}

impl Geometry {
    /// Cuts a panel's rows from the bottom of the body, so the text pane keeps only what is
    /// really visible above it.
    pub fn carve_panel(&mut self) {
        self.panel = None;
        if self.too_small {
            return;
        }
        let body = self.pane.height.max(self.sidebar.map_or(0, |s| s.height));
        // About two fifths of the body, but never less than a few rows of text.
        let height = (body * 2 / 5)
            .clamp(4.min(body), 16)
            .min(body.saturating_sub(3));
        if height < 2 {
            return;
        }
        let top = self.status.y - height;
        for a in [&mut self.pane, &mut self.text, &mut self.map] {
            a.height = a.height.min(top.saturating_sub(a.y));
        }
        if let Some(s) = &mut self.sidebar {
            s.height = s.height.min(top.saturating_sub(s.y));
        }
        self.panel = Some(Rect {
            x: 0,
            y: top,
            width: self.title.width,
            height,
        });
    }

    /// What the document view draws: the margin column left of the text (the current
    /// mention's marker, pins), then the text.
    pub fn document(&self) -> Rect {
        Rect {
            x: self.text.x.saturating_sub(1),
            width: self.text.width + u16::from(self.text.x > 0),
            ..self.text
        }
    }
}

/// Lays out a `width` × `height` screen. `sidebar`: whether the cast is shown; `measure`: the
/// widest line of text that is comfortable to read.
pub fn geometry(width: u16, height: u16, sidebar: bool, measure: u16) -> Geometry {
    if width < MIN_WIDTH || height < MIN_HEIGHT {
        return Geometry {
            too_small: true,
            ..Geometry::default()
        };
    }
    let body_height = height - 2;
    let title = Rect {
        x: 0,
        y: 0,
        width,
        height: 1,
    };
    let status = Rect {
        x: 0,
        y: height - 1,
        width,
        height: 1,
    };
    let narrow = width < SIDEBAR_MIN_TOTAL;
    let (pane_width, sidebar) = if !sidebar {
        (width, None)
    } else if narrow {
        // On a narrow terminal the cast opens over the whole body, like a drawer.
        (
            0,
            Some(Rect {
                x: 0,
                y: 1,
                width,
                height: body_height,
            }),
        )
    } else {
        let side = (width * 3 / 10).clamp(26, 42);
        (
            width - side,
            Some(Rect {
                x: width - side,
                y: 1,
                width: side,
                height: body_height,
            }),
        )
    };
    let pane = Rect {
        x: 0,
        y: 1,
        width: pane_width,
        height: body_height,
    };
    // One column of margin on the left, one for the mention map on the right.
    let room = pane_width.saturating_sub(3);
    let text_width = room.min(measure.max(20)).max(1);
    let left = 1 + (room - text_width.min(room)) / 2;
    let text = Rect {
        x: left,
        y: 1,
        width: text_width.min(room),
        height: body_height,
    };
    let map = Rect {
        x: pane_width.saturating_sub(1),
        y: 1,
        width: u16::from(pane_width > 0),
        height: body_height,
    };
    Geometry {
        too_small: false,
        title,
        pane,
        text,
        map,
        sidebar,
        panel: None,
        status,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_screen_has_pane_and_sidebar_side_by_side() {
        let g = geometry(120, 40, true, 90);
        let side = g.sidebar.unwrap();
        assert_eq!(g.pane.width + side.width, 120);
        assert_eq!(side.height, 38);
        assert!(g.text.x >= 1 && g.text.x + g.text.width < g.pane.width);
        assert_eq!(g.status.y, 39);
    }

    #[test]
    fn text_is_centred_at_the_measure_on_a_wide_pane() {
        let g = geometry(200, 40, false, 90);
        assert_eq!(g.text.width, 90);
        let right_gap = g.pane.width - (g.text.x + g.text.width);
        assert!(g.text.x.abs_diff(right_gap) <= 2);
    }

    #[test]
    fn narrow_screen_shows_the_sidebar_as_a_drawer() {
        let g = geometry(50, 20, true, 90);
        assert_eq!(g.sidebar.unwrap().width, 50);
        assert_eq!(g.pane.width, 0);
    }

    #[test]
    fn tiny_screen_is_too_small() {
        assert!(geometry(29, 20, true, 90).too_small);
        assert!(geometry(80, 7, true, 90).too_small);
        assert!(!geometry(30, 8, true, 90).too_small);
    }
}
