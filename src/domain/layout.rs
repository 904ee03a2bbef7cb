//! Lazy layout: the document as visual rows for a width, computed only around what is looked
//! at. A position is a row of a *block* (a line, or a 64 KB slice of a very long line), so
//! scrolling, jumping to the end or to a mention lays out a screenful, never the text above it.

use std::collections::HashMap;
use std::sync::Arc;

use crate::domain::document::{Document, Line};
use crate::domain::wrap::{self, RowSpan};

/// Lines longer than this are laid out in slices, so a 20 MB single-line file costs no more
/// per screen than a normal one. A word that straddles a slice edge breaks there.
pub const BLOCK_MAX: usize = 64 * 1024;

/// A unit of layout: part or all of one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    pub start: usize,
    pub end: usize,
    line: Line,
}

/// A visual row: row number `row` of `block`. Ordered by place in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowPos {
    pub block: Block,
    pub row: usize,
}

impl PartialOrd for RowPos {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for RowPos {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.block.start, self.row).cmp(&(other.block.start, other.row))
    }
}

/// Rows laid out for one width, cached per block.
pub struct TextLayout {
    width: usize,
    cache: HashMap<usize, Arc<[RowSpan]>>,
}

/// How many blocks keep their rows; past this the cache starts afresh (a screen needs few).
const CACHE_BLOCKS: usize = 4096;

impl TextLayout {
    pub fn new(width: usize) -> TextLayout {
        TextLayout {
            width: width.max(1),
            cache: HashMap::new(),
        }
    }

    pub fn width(&self) -> usize {
        self.width
    }

    /// Changes the width; rows are laid out again on demand.
    pub fn set_width(&mut self, width: usize) {
        let width = width.max(1);
        if width != self.width {
            self.width = width;
            self.cache.clear();
        }
    }

    pub fn first(&mut self, doc: &Document) -> RowPos {
        RowPos {
            block: first_block_of(doc, doc.first_line()),
            row: 0,
        }
    }

    pub fn last(&mut self, doc: &Document) -> RowPos {
        let block = block_containing(doc, doc.len());
        let row = self.rows(doc, &block).len() - 1;
        RowPos { block, row }
    }

    /// The rows of a block (at least one).
    pub fn rows(&mut self, doc: &Document, block: &Block) -> Arc<[RowSpan]> {
        if let Some(rows) = self.cache.get(&block.start) {
            return Arc::clone(rows);
        }
        if self.cache.len() >= CACHE_BLOCKS {
            self.cache.clear();
        }
        let bytes = &doc.bytes()[block.start..block.end];
        let cells = wrap::cells(bytes, block.start);
        let rows: Arc<[RowSpan]> = wrap::wrap(&cells, self.width, block.start).into();
        self.cache.insert(block.start, Arc::clone(&rows));
        rows
    }

    pub fn span(&mut self, doc: &Document, pos: RowPos) -> RowSpan {
        self.rows(doc, &pos.block)[pos.row]
    }

    /// The row that shows byte `offset`.
    pub fn row_at(&mut self, doc: &Document, offset: usize) -> RowPos {
        let block = block_containing(doc, offset);
        let rows = self.rows(doc, &block);
        let row = rows
            .partition_point(|r| r.start <= offset)
            .saturating_sub(1);
        RowPos { block, row }
    }

    /// Moves `n` rows down (or up, if negative), stopping at the first and last rows.
    pub fn advance(&mut self, doc: &Document, mut pos: RowPos, n: isize) -> RowPos {
        if n >= 0 {
            for _ in 0..n {
                if pos.row + 1 < self.rows(doc, &pos.block).len() {
                    pos.row += 1;
                } else if let Some(block) = block_after(doc, &pos.block) {
                    pos = RowPos { block, row: 0 };
                } else {
                    break;
                }
            }
        } else {
            for _ in 0..n.unsigned_abs() {
                if pos.row > 0 {
                    pos.row -= 1;
                } else if let Some(block) = block_before(doc, &pos.block) {
                    let row = self.rows(doc, &block).len() - 1;
                    pos = RowPos { block, row };
                } else {
                    break;
                }
            }
        }
        pos
    }

    /// The highest top row that still fills a screen of `height` rows: the end of the text
    /// sits on the last screen row.
    pub fn last_top(&mut self, doc: &Document, height: usize) -> RowPos {
        let last = self.last(doc);
        self.advance(doc, last, -(height.saturating_sub(1) as isize))
    }

    /// `top` moved by `n` rows, kept between the first row and [`TextLayout::last_top`].
    pub fn scroll(&mut self, doc: &Document, top: RowPos, n: isize, height: usize) -> RowPos {
        let moved = self.advance(doc, top, n);
        let limit = self.last_top(doc, height);
        if n > 0 && moved > limit {
            limit.max(top.min(limit))
        } else {
            moved
        }
    }

    /// The rows from `top`, at most `height` of them.
    pub fn visible(
        &mut self,
        doc: &Document,
        top: RowPos,
        height: usize,
    ) -> Vec<(RowPos, RowSpan)> {
        let mut out = Vec::with_capacity(height.min(1024));
        let mut pos = top;
        while out.len() < height {
            let rows = self.rows(doc, &pos.block);
            while pos.row < rows.len() && out.len() < height {
                out.push((pos, rows[pos.row]));
                pos.row += 1;
            }
            match block_after(doc, &pos.block) {
                Some(block) => pos = RowPos { block, row: 0 },
                None => break,
            }
        }
        out
    }
}

fn first_block_of(doc: &Document, line: Line) -> Block {
    block_at_slice(doc, line, 0)
}

/// Which slice of its line a block is (slice starts are at most 3 bytes before k × BLOCK_MAX).
fn slice_number(block: &Block) -> usize {
    (block.start - block.line.start + 3) / BLOCK_MAX
}

/// The start of the `k`th slice of a long line: `k` slices in, moved back to a character
/// boundary, so the same slices are found whichever direction they are reached from.
fn slice_start(doc: &Document, line: Line, k: usize) -> usize {
    char_floor(doc.bytes(), line.start + k * BLOCK_MAX, line.start)
}

fn char_floor(bytes: &[u8], mut at: usize, floor: usize) -> usize {
    for _ in 0..3 {
        if at > floor && at < bytes.len() && bytes[at] & 0xC0 == 0x80 {
            at -= 1;
        }
    }
    at
}

fn block_at_slice(doc: &Document, line: Line, k: usize) -> Block {
    let start = slice_start(doc, line, k);
    let end = if line.content_end - line.start <= BLOCK_MAX {
        line.content_end
    } else {
        slice_start(doc, line, k + 1).min(line.content_end)
    };
    Block { start, end, line }
}

pub fn block_containing(doc: &Document, offset: usize) -> Block {
    let line = doc.line_at(offset);
    let offset = offset.clamp(line.start, line.content_end);
    let mut k = (offset - line.start) / BLOCK_MAX;
    // The end of a line that is an exact number of slices long belongs to the last slice.
    while k > 0 && slice_start(doc, line, k) >= line.content_end {
        k -= 1;
    }
    let next = slice_start(doc, line, k + 1);
    if next <= offset && next < line.content_end {
        k += 1;
    }
    block_at_slice(doc, line, k)
}

pub fn block_after(doc: &Document, block: &Block) -> Option<Block> {
    if block.end < block.line.content_end {
        return Some(block_at_slice(doc, block.line, slice_number(block) + 1));
    }
    doc.line_after(&block.line)
        .map(|line| first_block_of(doc, line))
}

pub fn block_before(doc: &Document, block: &Block) -> Option<Block> {
    if block.start > block.line.start {
        return Some(block_at_slice(doc, block.line, slice_number(block) - 1));
    }
    let line = doc.line_before(block.line.start)?;
    let k = (line.content_end - line.start).saturating_sub(1) / BLOCK_MAX;
    // The last slice: step forward in case rounding put us one slice short.
    let mut b = block_at_slice(doc, line, k);
    while b.end < line.content_end {
        b = block_at_slice(doc, line, k + 1);
    }
    Some(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_rows_forward(doc: &Document, width: usize) -> Vec<RowSpan> {
        let mut layout = TextLayout::new(width);
        let top = layout.first(doc);
        layout
            .visible(doc, top, usize::MAX >> 1)
            .into_iter()
            .map(|(_, s)| s)
            .collect()
    }

    fn all_rows_backward(doc: &Document, width: usize) -> Vec<RowSpan> {
        let mut layout = TextLayout::new(width);
        let mut pos = layout.last(doc);
        let mut out = vec![layout.span(doc, pos)];
        loop {
            let prev = layout.advance(doc, pos, -1);
            if prev == pos {
                break;
            }
            pos = prev;
            out.push(layout.span(doc, pos));
        }
        out.reverse();
        out
    }

    #[test]
    fn forward_and_backward_agree() {
        let text =
            "First paragraph is here.\n\nSecond one, longer, wraps over rows.\r\nThird\rFourth\n";
        let doc = Document::from_string("t", text);
        let f = all_rows_forward(&doc, 10);
        assert_eq!(f, all_rows_backward(&doc, 10));
        assert_eq!(
            f.last().unwrap().start,
            doc.len(),
            "the empty last line is a row"
        );
    }

    #[test]
    fn a_very_long_line_is_laid_out_in_slices_with_no_byte_lost() {
        let word = "ab é ";
        let text = word.repeat(BLOCK_MAX / 2);
        let doc = Document::from_string("t", text.clone());
        let f = all_rows_forward(&doc, 70);
        assert_eq!(f, all_rows_backward(&doc, 70));
        assert_eq!(f[0].start, 0);
        assert_eq!(f.last().unwrap().end, text.len());
        for pair in f.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
        }
    }

    #[test]
    fn row_at_finds_the_row_of_any_offset() {
        let doc = Document::from_string("t", "aaaa bbbb cccc\ndddd");
        let mut layout = TextLayout::new(5);
        let pos = layout.row_at(&doc, 11);
        assert_eq!(layout.span(&doc, pos).start, 10);
        let pos = layout.row_at(&doc, 16);
        assert_eq!(layout.span(&doc, pos).start, 15);
    }

    #[test]
    fn scrolling_stops_with_the_last_row_at_the_bottom() {
        let text: String = (0..50).map(|i| format!("line {i}\n")).collect();
        let doc = Document::from_string("t", text.trim_end().to_string());
        let mut layout = TextLayout::new(20);
        let top = layout.first(&doc);
        let end = layout.scroll(&doc, top, 1000, 10);
        let rows = layout.visible(&doc, end, 10);
        assert_eq!(rows.len(), 10);
        assert_eq!(&text[rows[9].1.start..rows[9].1.end], "line 49");
        let back = layout.scroll(&doc, end, -1000, 10);
        assert_eq!(back, top);
    }

    #[test]
    fn body_starts_after_the_dateline() {
        let doc = Document::from_string("t", "date 2023-11-08 Body text.");
        let mut layout = TextLayout::new(40);
        let top = layout.first(&doc);
        assert_eq!(layout.span(&doc, top).start, 16);
    }

    #[test]
    fn empty_document_has_one_empty_row() {
        let doc = Document::from_string("t", "");
        let mut layout = TextLayout::new(40);
        let top = layout.first(&doc);
        assert_eq!(layout.visible(&doc, top, 10).len(), 1);
    }
}
