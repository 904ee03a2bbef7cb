//! Key-in-context lines: a mention with the text around it on one line, so that every mention
//! of an entity can be read down a column, aligned on the mention.
//!
//! Only a small window of bytes around the mention is read, so a line costs the same in a
//! 100 MB document as in a short one. Line breaks and runs of white space become one space
//! (a context line is one row); control and invisible characters become their visible
//! stand-ins, so nothing from the document reaches the terminal raw.

use unicode_width::UnicodeWidthChar;

use crate::domain::document::Document;
use crate::domain::entity::Mention;
use crate::domain::wrap::escape_char;

/// One mention in context: `left` ends just before the mention, `right` starts just after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContextLine {
    /// At most the asked-for width, cut at the left.
    pub left: String,
    pub key: String,
    /// At most the asked-for width, cut at the right.
    pub right: String,
}

/// Bytes read on each side per column of context: enough for wide characters and some
/// collapsed white space, bounded so that a huge run of spaces cannot make a line expensive.
const BYTES_PER_COLUMN: usize = 8;

/// The context line of mention `m`, with `left` columns before it and `right` after it.
pub fn context_line(doc: &Document, m: Mention, left: usize, right: usize) -> ContextLine {
    let bytes = doc.bytes();
    let body = doc.body_start();
    let start = (m.start as usize).clamp(body, bytes.len());
    let end = (m.end as usize).clamp(start, bytes.len());
    let from = start.saturating_sub(left * BYTES_PER_COLUMN + 16).max(body);
    let to = end
        .saturating_add(right * BYTES_PER_COLUMN + 16)
        .min(bytes.len());
    let before = one_line(&lossy(bytes, from, start, true));
    let after = one_line(&lossy(bytes, end, to, false));
    ContextLine {
        left: keep_last_columns(&before, left),
        key: one_line(&doc.text(start..end)).trim().to_string(),
        right: keep_first_columns(&after, right),
    }
}

/// The text of `bytes[from..to]`, with a character cut by the window edge dropped (rather
/// than shown as a replacement character).
fn lossy(bytes: &[u8], mut from: usize, mut to: usize, cut_at_start: bool) -> String {
    if cut_at_start {
        while from < to && bytes[from] & 0xC0 == 0x80 {
            from += 1;
        }
    } else {
        while to > from && to < bytes.len() && bytes[to] & 0xC0 == 0x80 {
            to -= 1;
        }
    }
    String::from_utf8_lossy(&bytes[from..to]).into_owned()
}

/// White space runs as one space; control and invisible characters made visible: text fit
/// for one row.
pub fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        match escape_char(c) {
            Some(s) => out.push_str(&s),
            None => out.push(c),
        }
    }
    if space {
        out.push(' ');
    }
    out
}

fn width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// The end of `s` that fits in `columns`.
fn keep_last_columns(s: &str, columns: usize) -> String {
    let mut used = 0;
    let mut cut = s.len();
    for (i, c) in s.char_indices().rev() {
        if used + width(c) > columns {
            break;
        }
        used += width(c);
        cut = i;
    }
    s[cut..].to_string()
}

/// The start of `s` that fits in `columns`.
fn keep_first_columns(s: &str, columns: usize) -> String {
    let mut used = 0;
    let mut cut = 0;
    for (i, c) in s.char_indices() {
        if used + width(c) > columns {
            break;
        }
        used += width(c);
        cut = i + c.len_utf8();
    }
    s[..cut].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str, word: &str, left: usize, right: usize) -> ContextLine {
        let doc = Document::from_string("t", text);
        let i = text.find(word).unwrap();
        context_line(&doc, Mention::new(i..i + word.len()), left, right)
    }

    #[test]
    fn the_mention_sits_between_its_left_and_right_context() {
        let l = line(
            "The talks between Ruritania and Elbonia went on.",
            "Ruritania",
            10,
            12,
        );
        assert_eq!(l.left, "s between ");
        assert_eq!(l.key, "Ruritania");
        assert_eq!(l.right, " and Elbonia");
    }

    #[test]
    fn line_breaks_and_space_runs_become_one_space() {
        let l = line(
            "End of one.\n\n   Ruritania\tspoke\r\nagain.",
            "Ruritania",
            20,
            20,
        );
        assert_eq!(l.left, "End of one. ");
        assert_eq!(l.right, " spoke again.");
    }

    #[test]
    fn context_is_cut_by_display_width_and_never_starts_inside_a_character() {
        let l = line("日本語のテキスト Ruritania 東京", "Ruritania", 5, 3);
        assert_eq!(
            l.left, "スト ",
            "two wide characters and a space fit in five columns"
        );
        assert_eq!(l.right, " 東");
        let text = format!("{}Ruritania", "é".repeat(200));
        let l = line(&text, "Ruritania", 4, 4);
        assert_eq!(l.left, "éééé");
        assert_eq!(l.right, "");
    }

    #[test]
    fn the_dateline_is_not_context_and_control_characters_are_visible() {
        let l = line(
            "date 2023-11-08 Ruritania\u{1b}[31m red",
            "Ruritania",
            10,
            10,
        );
        assert_eq!(l.left, "");
        assert_eq!(l.right, "␛[31m red");
    }
}
