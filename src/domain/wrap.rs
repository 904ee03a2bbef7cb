//! Text → display cells → visual rows. Every character is measured by grapheme and display
//! width; control characters, bidi controls and invisible characters become visible
//! placeholders here, so that nothing from a document ever reaches the terminal raw and
//! columns never drift. The renderer walks the same cells, so layout and drawing agree.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

pub const TAB_STOP: usize = 8;

/// Graphemes longer than this (e.g. a letter with thousands of combining marks) are shown
/// as their first character and a marker: a terminal cannot draw them in one cell anyway.
const MAX_GRAPHEME_BYTES: usize = 64;

/// What one cell group shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Glyph<'a> {
    /// Text from the document, safe to print as it is.
    Text(&'a str),
    /// A visible stand-in for something that must not be printed raw (shown dimmed).
    Escaped(String),
    /// A tab, expanded to spaces up to the next tab stop.
    Tab,
}

/// One grapheme of the document as it is displayed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell<'a> {
    /// Absolute byte range in the document.
    pub bytes: Range<usize>,
    pub glyph: Glyph<'a>,
    /// Display columns (for a tab: as measured at the column where it stands).
    pub width: usize,
}

impl Cell<'_> {
    pub fn is_space(&self) -> bool {
        matches!(self.glyph, Glyph::Tab) || matches!(self.glyph, Glyph::Text(" "))
    }
}

/// A visual row: the absolute byte range of the text it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowSpan {
    pub start: usize,
    pub end: usize,
}

/// The cells of `bytes` (which start at absolute offset `base`), measured from column 0.
/// Invalid UTF-8 shows as U+FFFD, one cell per bad sequence.
pub fn cells(bytes: &[u8], base: usize) -> Vec<Cell<'_>> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut col = 0;
    let mut at = base;
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        push_text_cells(valid, at, &mut col, &mut out);
        at += valid.len();
        let bad = chunk.invalid();
        if !bad.is_empty() {
            out.push(Cell {
                bytes: at..at + bad.len(),
                glyph: Glyph::Escaped("\u{FFFD}".into()),
                width: 1,
            });
            col += 1;
            at += bad.len();
        }
    }
    out
}

fn push_text_cells<'a>(text: &'a str, base: usize, col: &mut usize, out: &mut Vec<Cell<'a>>) {
    let bytes = text.as_bytes();
    // An ASCII byte followed by another ASCII byte (or the end) is a grapheme of its own, so
    // long ASCII runs skip the segmenter: it is the difference between 37 MB/s and 1 GB/s.
    let standalone = |i: usize| bytes[i].is_ascii() && bytes.get(i + 1).is_none_or(u8::is_ascii);
    let mut i = 0;
    while i < bytes.len() {
        if standalone(i) {
            let g = &text[i..=i];
            let (glyph, width) = if bytes[i].is_ascii_graphic() || bytes[i] == b' ' {
                (Glyph::Text(g), 1)
            } else {
                classify(g, *col)
            };
            out.push(Cell {
                bytes: base + i..base + i + 1,
                glyph,
                width,
            });
            *col += width;
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < bytes.len() && !standalone(j) {
            j += 1;
        }
        for (k, g) in text[i..j].grapheme_indices(true) {
            let (glyph, width) = classify(g, *col);
            out.push(Cell {
                bytes: base + i + k..base + i + k + g.len(),
                glyph,
                width,
            });
            *col += width;
        }
        i = j;
    }
}

/// How a grapheme is shown, and how wide it is when it stands at column `col`.
fn classify(g: &str, col: usize) -> (Glyph<'_>, usize) {
    let mut chars = g.chars();
    let first = chars.next().unwrap_or(' ');
    let single = chars.next().is_none();
    if single {
        if first == '\t' {
            return (Glyph::Tab, TAB_STOP - col % TAB_STOP);
        }
        if let Some(shown) = escape_char(first) {
            let w = shown.width();
            return (Glyph::Escaped(shown), w);
        }
    } else if g == "\r\n" {
        return (Glyph::Escaped("^M".into()), 2);
    }
    if g.len() > MAX_GRAPHEME_BYTES {
        let shown = format!("{}…", visible(first, true));
        let w = shown.width().max(1);
        return (Glyph::Escaped(shown), w);
    }
    if !single && g.chars().any(|c| hidden_in(c, g)) {
        // An invisible character riding on a letter (a zero-width joiner after "a", a
        // variation selector on "e"): the segmenter keeps it in the letter's cluster, so it
        // is shown inside the cluster, in the clear.
        let shown: String = g
            .chars()
            .enumerate()
            .map(|(i, c)| {
                if hidden_in(c, g) {
                    escape_char(c).unwrap_or_default()
                } else {
                    visible(c, i == 0)
                }
            })
            .collect();
        let w = shown.width().max(1);
        return (Glyph::Escaped(shown), w);
    }
    let w = g.width();
    if w == 0 {
        // A lone combining mark or other zero-width cluster: give it a dotted circle to sit on,
        // as Unicode recommends, so it occupies a cell of its own.
        let shown = format!("\u{25CC}{g}");
        return (Glyph::Escaped(shown), 1);
    }
    (Glyph::Text(g), w)
}

/// `c` as it can be printed: its stand-in if it has one; a zero-width character that would
/// otherwise start a cell gets a dotted circle to sit on.
fn visible(c: char, starts_cell: bool) -> String {
    match escape_char(c) {
        Some(s) => s,
        None if starts_cell && c.to_string().width() == 0 => format!("\u{25CC}{c}"),
        None => c.to_string(),
    }
}

/// Whether `c`, inside the cluster `g`, is an invisible character to show rather than keep.
/// Joiners and variation selectors stay where they do real work: in emoji sequences
/// (👨‍👩‍👧, ❤️, flags) and, for ZWJ/ZWNJ, in scripts whose spelling uses them (Arabic,
/// Persian, Indic).
fn hidden_in(c: char, g: &str) -> bool {
    if escape_char(c).is_none() {
        return false;
    }
    let emoji = g.chars().any(is_pictographic);
    match c as u32 {
        0x200D | 0xFE0E | 0xFE0F | 0xE0020..=0xE007F if emoji => false,
        0x200C | 0x200D if g.chars().next().is_some_and(joins_in_script) => false,
        _ => true,
    }
}

/// Emoji bases (roughly Extended_Pictographic, and the keycap mark).
fn is_pictographic(c: char) -> bool {
    matches!(c as u32,
        0x00A9 | 0x00AE | 0x203C | 0x2049 | 0x2122 | 0x2139 | 0x20E3
        | 0x2190..=0x21FF
        | 0x2300..=0x23FF
        | 0x2600..=0x27BF
        | 0x2B00..=0x2BFF
        | 0x3030 | 0x303D | 0x3297 | 0x3299
        | 0x1F000..=0x1FAFF)
}

/// Scripts where ZWJ and ZWNJ are part of correct spelling.
fn joins_in_script(c: char) -> bool {
    matches!(c as u32,
        0x0600..=0x08FF       // Arabic, Syriac, Thaana, NKo…
        | 0x0900..=0x0DFF     // Devanagari … Sinhala
        | 0x0F00..=0x109F     // Tibetan, Myanmar
        | 0x1780..=0x18AF     // Khmer, Mongolian
        | 0xA840..=0xA87F     // Phags-pa
        | 0xFB50..=0xFDFF
        | 0xFE70..=0xFEFE)
}

/// The visible stand-in for a character that must not reach the terminal, if it is one.
pub fn escape_char(c: char) -> Option<String> {
    let u = c as u32;
    Some(match u {
        0x1b => "␛".to_string(),
        0x00..=0x1f => format!("^{}", char::from_u32(u + 0x40).unwrap_or('?')),
        0x7f => "^?".to_string(),
        0x80..=0x9f => format!("<{u:02X}>"),
        0x00AD
        | 0x034F
        | 0x061C
        | 0x115F
        | 0x1160
        | 0x17B4
        | 0x17B5
        | 0x180B..=0x180F
        | 0x200B..=0x200F
        | 0x2028..=0x202E
        | 0x2060..=0x206F
        | 0x3164
        | 0xFE00..=0xFE0F
        | 0xFEFF
        | 0xFFA0
        | 0xFFF0..=0xFFFB
        | 0x1D173..=0x1D17A
        | 0xE0000..=0xE0FFF => {
            format!("<U+{u:04X}>")
        }
        _ => return None,
    })
}

/// Makes a short text (an entity name, a file name) safe to print: every control or invisible
/// character becomes its visible stand-in.
pub fn sanitize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match escape_char(c) {
            Some(s) => out.push_str(&s),
            None => out.push(c),
        }
    }
    out
}

/// Breaks `cells` (one logical line) into rows of at most `width` columns: at spaces where it
/// can, inside a word where a word is longer than the row. Spaces at a break are not carried
/// to the next row. An empty line is one empty row.
pub fn wrap(cells: &[Cell<'_>], width: usize, line_start: usize) -> Vec<RowSpan> {
    let width = width.max(1);
    let mut rows = Vec::new();
    let mut i = 0;
    if cells.is_empty() {
        return vec![RowSpan {
            start: line_start,
            end: line_start,
        }];
    }
    while i < cells.len() {
        let row_start = i;
        let mut col = 0;
        let mut last_break: Option<usize> = None; // index of the first cell after a space run
        let mut j = i;
        while j < cells.len() {
            let w = measured_width(&cells[j], col);
            if col + w > width && j > row_start {
                break;
            }
            col += w;
            if cells[j].is_space() && cells.get(j + 1).is_some_and(|c| !c.is_space()) {
                last_break = Some(j + 1);
            }
            j += 1;
        }
        let end = if j >= cells.len() {
            cells.len()
        } else if cells[j].is_space() {
            j
        } else {
            match last_break {
                Some(b) if b > row_start => b,
                _ => j,
            }
        };
        // Trailing spaces stay on the row they follow (invisible there); skip them.
        let mut next = end;
        while next < cells.len() && cells[next].is_space() {
            next += 1;
        }
        let byte_end = if next < cells.len() {
            cells[next].bytes.start
        } else {
            cells[cells.len() - 1].bytes.end
        };
        rows.push(RowSpan {
            start: cells[row_start].bytes.start,
            end: byte_end,
        });
        i = next;
    }
    rows
}

/// Width of a cell if it stood at column `col` of a row (tabs depend on where they stand).
fn measured_width(cell: &Cell<'_>, col: usize) -> usize {
    match cell.glyph {
        Glyph::Tab => TAB_STOP - col % TAB_STOP,
        _ => cell.width,
    }
}

/// The cells of one row as drawn: measured from the row's own first column.
pub fn row_cells(bytes: &[u8], row: RowSpan) -> Vec<Cell<'_>> {
    cells(&bytes[row.start..row.end], row.start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows_of(text: &str, width: usize) -> Vec<String> {
        let cs = cells(text.as_bytes(), 0);
        wrap(&cs, width, 0)
            .into_iter()
            .map(|r| text[r.start..r.end].trim_end().to_string())
            .collect()
    }

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(
            rows_of("the quick brown fox jumps", 10),
            ["the quick", "brown fox", "jumps"]
        );
    }

    #[test]
    fn a_word_longer_than_the_row_breaks_by_character() {
        assert_eq!(rows_of("abcdefghij xy", 4), ["abcd", "efgh", "ij", "xy"]);
    }

    #[test]
    fn wide_characters_never_straddle_the_edge() {
        // Each CJK character is two columns wide: three fit in 7 columns, not four.
        assert_eq!(rows_of("日本語日本語", 7), ["日本語", "日本語"]);
    }

    #[test]
    fn combining_marks_stay_with_their_letter() {
        let text = "e\u{301}e\u{301}e\u{301}";
        let cs = cells(text.as_bytes(), 0);
        assert_eq!(cs.len(), 3);
        assert!(cs.iter().all(|c| c.width == 1));
        assert_eq!(rows_of(text, 2), ["e\u{301}e\u{301}", "e\u{301}"]);
    }

    #[test]
    fn empty_line_is_one_empty_row() {
        let rows = wrap(&[], 10, 42);
        assert_eq!(rows, [RowSpan { start: 42, end: 42 }]);
    }

    #[test]
    fn rows_cover_every_byte_in_order() {
        let text = "Amid   the ongoing conflict,\tthe  United States is engaged.";
        let cs = cells(text.as_bytes(), 100);
        let rows = wrap(&cs, 9, 100);
        assert_eq!(rows[0].start, 100);
        assert_eq!(rows.last().unwrap().end, 100 + text.len());
        for pair in rows.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
        }
    }

    #[test]
    fn control_characters_become_visible_placeholders() {
        let text = "a\u{1b}[31mb\u{7}c\u{9b}d\u{202e}e\u{200b}f";
        let shown: Vec<String> = cells(text.as_bytes(), 0)
            .into_iter()
            .map(|c| match c.glyph {
                Glyph::Text(t) => t.to_string(),
                Glyph::Escaped(s) => s,
                Glyph::Tab => "\t".into(),
            })
            .collect();
        assert_eq!(shown.concat(), "a␛[31mb^Gc<9B>d<U+202E>e<U+200B>f");
    }

    #[test]
    fn tabs_expand_to_the_next_stop() {
        let cs = cells(b"ab\tc\td", 0);
        let widths: Vec<usize> = cs.iter().map(|c| c.width).collect();
        assert_eq!(widths, [1, 1, 6, 1, 7, 1]);
    }

    #[test]
    fn invalid_utf8_is_one_replacement_cell_at_its_true_offset() {
        let cs = cells(b"a\xff\xfeb", 10);
        assert_eq!(cs.len(), 4);
        assert_eq!(cs[1].bytes, 11..12);
        assert_eq!(cs[1].glyph, Glyph::Escaped("\u{FFFD}".into()));
        assert_eq!(cs[3].bytes, 13..14);
    }

    #[test]
    fn a_huge_grapheme_is_shown_short() {
        let text = format!("a{}", "\u{301}".repeat(100_000));
        let cs = cells(text.as_bytes(), 0);
        assert_eq!(cs.len(), 1);
        assert_eq!(cs[0].glyph, Glyph::Escaped("a…".into()));
        assert_eq!(cs[0].bytes, 0..text.len());
    }

    fn shown(text: &str) -> String {
        cells(text.as_bytes(), 0)
            .into_iter()
            .map(|c| match c.glyph {
                Glyph::Text(t) => t.to_string(),
                Glyph::Escaped(s) => s,
                Glyph::Tab => "\t".into(),
            })
            .collect()
    }

    #[test]
    fn invisible_characters_inside_a_cluster_are_shown() {
        // ZWJ, ZWNJ, CGJ and variation selectors extend the cluster before them, so they
        // used to reach the terminal raw, glued to the letter.
        assert_eq!(shown("pay\u{200d}pal"), "pay<U+200D>pal");
        assert_eq!(shown("ad\u{200c}min"), "ad<U+200C>min");
        assert_eq!(shown("e\u{34f}\u{fe00}x"), "e<U+034F><U+FE00>x");
        assert_eq!(shown("a\u{e0041}b"), "a<U+E0041>b");
        // …and the widths agree with what is shown.
        for c in cells("pay\u{200d}pal".as_bytes(), 0) {
            if let Glyph::Escaped(s) = &c.glyph {
                assert_eq!(c.width, s.width());
            }
        }
    }

    #[test]
    fn joiners_doing_real_work_are_kept() {
        for text in [
            "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}",
            "\u{2764}\u{fe0f}",
            "\u{1f3f4}\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}",
            "\u{645}\u{6cc}\u{200c}\u{62e}\u{648}\u{627}\u{647}\u{645}",
        ] {
            assert_eq!(shown(text), text);
        }
    }

    #[test]
    fn a_huge_cluster_of_marks_alone_gets_a_circle_to_sit_on() {
        let text = "\u{301}".repeat(1000);
        assert_eq!(shown(&text), "\u{25cc}\u{301}…");
    }

    #[test]
    fn sanitize_makes_names_printable() {
        assert_eq!(
            sanitize("Evil\u{1b}]0;title\u{7}Corp"),
            "Evil␛]0;title^GCorp"
        );
        assert_eq!(sanitize("Zoë"), "Zoë");
    }

    #[test]
    fn ascii_fast_path_matches_grapheme_path() {
        let text = "Plain ASCII, then café and 日本, then ASCII again.";
        let fast = cells(text.as_bytes(), 0);
        let slow: Vec<_> = text.grapheme_indices(true).collect();
        assert_eq!(fast.len(), slow.len());
        for (c, (i, g)) in fast.iter().zip(slow) {
            assert_eq!(c.bytes, i..i + g.len());
        }
    }
}
