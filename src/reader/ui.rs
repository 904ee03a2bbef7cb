//! Rendering: widgets that draw `&App` into the rectangle they are given and never change it.
//! Where each part goes was worked out by the app's geometry when the size or the parts shown
//! changed; `render` hands each widget its rectangle from it.

mod connections;
mod context_list;
mod corpus;
mod document;
mod help;
mod mention_map;
mod panel;
mod pins;
mod quotes;
mod row;
mod shelf;
mod sidebar;
mod status;
mod theme;

pub use help::HelpView;
pub use status::status_message;
pub use theme::Theme;

use ratatui::Frame;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::reader::app::geometry::{MIN_HEIGHT, MIN_WIDTH};
use crate::reader::app::{App, Overlay};
use crate::reader::input::Keymap;

/// Draws the whole screen.
pub fn render(frame: &mut Frame, app: &App, keymap: &Keymap, theme: &Theme) {
    let area = frame.area();
    if area.is_empty() {
        // A terminal can report zero rows or columns (a window shrunk away): nothing fits.
        return;
    }
    if app.geometry.too_small {
        let msg = format!("Terminal too small (need {MIN_WIDTH}×{MIN_HEIGHT}); q quits");
        frame.buffer_mut().set_stringn(
            0,
            0,
            truncate(&msg, area.width as usize),
            area.width as usize,
            theme.text,
        );
        return;
    }
    let g = &app.geometry;
    frame.render_widget(status::TitleBar { app, theme }, g.title);
    frame.render_widget(pins::PinLegend { app, theme }, g.title);
    frame.render_widget(document::DocumentView { app, theme }, g.document());
    frame.render_widget(mention_map::MentionMap { app, theme }, g.map);
    if let Some(sidebar) = g.sidebar {
        frame.render_widget(sidebar::SidebarView { app, theme }, sidebar);
    }
    if let Some(panel) = g.panel {
        frame.render_widget(panel::PanelView { app, theme }, panel);
    }
    frame.render_widget(status::StatusLine { app, theme }, g.status);
    match app.overlay {
        Overlay::Help => frame.render_widget(
            HelpView {
                keymap,
                theme,
                scroll: app.help_scroll,
            },
            area,
        ),
        Overlay::Shelf => frame.render_widget(shelf::ShelfList { app, theme }, area),
        Overlay::None => {}
    }
}

/// The first of `candidates` (from the most to the least said) that fits in `width` columns;
/// if none does, the last one cut with an ellipsis.
pub(crate) fn fit(candidates: &[&str], width: usize) -> String {
    candidates.iter().find(|c| c.width() <= width).map_or_else(
        || truncate(candidates.last().copied().unwrap_or(""), width),
        |c| c.to_string(),
    )
}

/// `s` cut to `width` columns, with an ellipsis when something was cut.
pub(crate) fn truncate(s: &str, width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    let total: usize = s.chars().map(|c| c.width().unwrap_or(0)).sum();
    if total <= width {
        return s.to_string();
    }
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// A title of ` · `-separated parts (what it is, counts and keys, then how to close it) in
/// `width` columns: the parts before the last give way from the end, so the first (what)
/// and the last (`Esc closes`) show while they fit; then what it is, whole if it fits, else
/// cut before `Esc closes`.
pub(crate) fn fit_title(title: &str, width: usize) -> String {
    if title.width() <= width {
        return title.to_string();
    }
    let parts: Vec<&str> = title.split(" · ").collect();
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    for keep in (1..parts.len().saturating_sub(1)).rev() {
        let mut kept = parts[..keep].to_vec();
        kept.push(last);
        let line = kept.join(" · ");
        if line.width() <= width {
            return line;
        }
    }
    let room = width.saturating_sub(last.width() + 3);
    if first.width() <= width || room < 10 || parts.len() < 2 {
        return truncate(first, width);
    }
    format!("{} · {last}", truncate(first, room))
}

/// `s` cut to `width` columns; where another of `others` would look the same cut at its end
/// (two long names that differ only past the cut), cut in the middle instead, keeping the
/// end where they differ.
pub(crate) fn truncate_distinct(s: &str, width: usize, others: &[&str]) -> String {
    let cut = truncate(s, width);
    if cut == s || width < 5 {
        return cut;
    }
    let lookalike = others
        .iter()
        .any(|o| *o != s && o.width() > width && truncate(o, width) == cut);
    if !lookalike {
        return cut;
    }
    truncate_middle(s, width)
}

/// `s` cut to `width` columns in the middle: its start, `…`, its end.
pub(crate) fn truncate_middle(s: &str, width: usize) -> String {
    if s.width() <= width || width < 3 {
        return truncate(s, width);
    }
    let tail_room = (width - 1) / 2;
    let mut tail = Vec::new();
    let mut used = 0;
    for c in s.chars().rev() {
        let w = c.width().unwrap_or(0);
        if used + w > tail_room {
            break;
        }
        tail.push(c);
        used += w;
    }
    tail.reverse();
    truncate(s, width - used) + &tail.into_iter().collect::<String>()
}

/// `s` cut to `width` columns (with `…`) and padded with spaces to exactly `width`.
pub(crate) fn pad(s: &str, width: usize) -> String {
    let mut out = truncate(s, width);
    let used = out.width();
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(used)));
    out
}

/// How a document is named on screen: its file name without the folders, safe to print;
/// standard input (`-`) is `stdin`.
pub(crate) fn document_label(name: &str) -> String {
    if name == "-" {
        return "stdin".into();
    }
    let path = std::path::Path::new(name);
    let short = path
        .file_name()
        .map_or_else(|| name.to_string(), |n| n.to_string_lossy().into_owned());
    crate::domain::wrap::sanitize(&short)
}

#[cfg(test)]
mod fit_tests;
#[cfg(test)]
mod forms_tests;
#[cfg(test)]
mod names_first_tests;
#[cfg(test)]
mod panel_tests;
#[cfg(test)]
mod power_tests;
#[cfg(test)]
mod quotes_tests;
#[cfg(test)]
mod tests;
