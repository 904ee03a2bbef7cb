//! Rows of the key-in-context list: each mention of the entity on one row, the mention in a
//! fixed column (in its highlight), the text before it right-aligned up to that column and
//! the text after it following. Only the rows on screen are built.

use ratatui::style::{Modifier, Style};
use unicode_width::UnicodeWidthStr;

use crate::domain::context::context_line;
use crate::reader::app::App;
use crate::reader::app::panels::Head;
use crate::reader::ui::Theme;
use crate::reader::ui::pins::{inferred_style, mention_style};
use crate::reader::ui::row::Writer;

/// Where the mention starts, as a share of the row: a little left of centre, since names
/// are read left to right and the words after them say what they did.
const KEY_AT: usize = 2;
const KEY_OF: usize = 5;

pub fn context_row(app: &App, theme: &Theme, head: Head, i: usize, w: &mut Writer) {
    let Head::Contexts(e) = head else { return };
    let Some(entity) = app.entity(e) else { return };
    let Some(&m) = entity.mentions.get(i) else {
        return;
    };
    let width = w.room();
    let left = (width * KEY_AT / KEY_OF).saturating_sub(1);
    let right = width.saturating_sub(left);
    let line = context_line(app.doc(), m, left, right);
    // As in the text: names on their colour, descriptions and pronouns underlined in it, the
    // current mention marked whatever its form.
    let current = app.current_mention() == Some(m);
    let key_style = match (app.pin_of(e), current, m.form.is_named()) {
        (Some(slot), true, _) => mention_style(theme, slot).add_modifier(Modifier::UNDERLINED),
        (Some(slot), false, true) => mention_style(theme, slot),
        (Some(slot), false, false) => inferred_style(theme, slot),
        (None, true, _) => theme.current_mention(entity.kind),
        (None, false, _) => theme.mention_of(entity.kind, m.form),
    };
    let pad = left.saturating_sub(line.left.width());
    w.put(&" ".repeat(pad), Style::new())
        .text(&line.left, Style::new())
        .text(&line.key, key_style)
        .text(&line.right, Style::new());
}
