//! Which quote marks of a paragraph open and close which quotation.
//!
//! Double marks (and angled ones, outermost where they are used) are paired by the cheapest
//! reading of the whole paragraph: every mark opens, closes or is left out as a stray, and
//! each choice costs as much as it goes against the way the mark faces. So `," For example`
//! still opens a quotation when the next mark closes it, a paragraph that ends inside a
//! quotation leaves it open (the news convention for a quotation that goes on in the next
//! paragraph), and one stray mark does not turn every quotation after it inside out. The
//! cost is linear in the marks: two states (inside or outside a quotation) per mark.
//!
//! Single marks are quotations only where one clearly opens (after a space, before a word)
//! and a later one clearly closes, outside any double quotation; inside one they are nested
//! quotations and part of it.

use super::marks::{Family, Lean, Mark, Shape};

/// One quotation found by its marks. Offsets are into the paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quoted {
    /// Where the opening mark is.
    pub open: u32,
    /// The quoted words: after the opening mark to before the closing one, white space
    /// trimmed.
    pub start: u32,
    pub end: u32,
    /// Where the closing mark is, or `None` when the quotation runs to the end of the
    /// paragraph (or of a line, when the next line opens a quotation) unclosed.
    pub close: Option<u32>,
    /// Just after the closing mark (or the end of the quotation when unclosed).
    pub after: u32,
    pub family: Family,
}

impl Quoted {
    pub fn is_closed(&self) -> bool {
        self.close.is_some()
    }
}

/// Costs of reading a mark one way, in quarters: a mark facing the way it is read costs
/// nothing, an unclear one a little, one facing the other way more; a curly mark read
/// against its glyph costs more again, unless its neighbours agree with the reading.
const UNCLEAR: u32 = 1;
const AGAINST_SHAPE: u32 = 3;
const AGAINST_GLYPH: u32 = 6;
const AGAINST_GLYPH_BUT_SHAPED: u32 = 2;
/// Leaving a mark out as a stray.
const STRAY: u32 = 5;
/// A paragraph that ends inside a quotation.
const LEFT_OPEN: u32 = 2;
/// A quotation open at the end of a line closed there because the next line opens another.
const RESTART: u32 = 1;

fn cost(m: &Mark, opening: bool) -> u32 {
    let (with, against) = if opening {
        (Shape::Opening, Shape::Closing)
    } else {
        (Shape::Closing, Shape::Opening)
    };
    let shape = match m.shape {
        s if s == with => 0,
        s if s == against => AGAINST_SHAPE,
        _ => UNCLEAR,
    };
    let glyph_against = matches!(
        (m.lean, opening),
        (Lean::Closes, true) | (Lean::Opens, false)
    );
    let glyph = match (glyph_against, m.shape == with) {
        (false, _) => 0,
        (true, true) => AGAINST_GLYPH_BUT_SHAPED,
        (true, false) => AGAINST_GLYPH,
    };
    shape + glyph
}

/// What was done with a mark on the cheapest path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Open,
    Close,
    Stray,
    /// Closes the quotation open at the end of the previous line and opens a new one.
    Restart,
}

/// Pairs the marks of one family (given in order): `(opening, closing)` indices into
/// `marks`, the closing one `None` when the quotation is left open; a quotation left open
/// by a restart is followed in the result by the one the restart opens.
fn pair(marks: &[Mark]) -> Vec<(usize, Option<usize>)> {
    const INF: u32 = u32::MAX / 4;
    // best[s]: the cheapest cost so far ending outside (0) or inside (1) a quotation;
    // back[k][s]: the step taken at mark k to reach state s, and the state before it.
    let mut best = [0u32, INF];
    let mut back: Vec<[(Step, u8); 2]> = Vec::with_capacity(marks.len());
    for m in marks {
        let mut next = [INF, INF];
        let mut how = [(Step::Stray, 0u8); 2];
        let mut offer = |to: usize, c: u32, step: Step, from: u8| {
            if c < next[to] {
                next[to] = c;
                how[to] = (step, from);
            }
        };
        // Outside: open, or a stray.
        offer(1, best[0].saturating_add(cost(m, true)), Step::Open, 0);
        offer(0, best[0].saturating_add(STRAY), Step::Stray, 0);
        // Inside: close, restart at a line start, or a stray.
        offer(0, best[1].saturating_add(cost(m, false)), Step::Close, 1);
        if m.line_start && m.shape != Shape::Closing {
            offer(
                1,
                best[1].saturating_add(RESTART + cost(m, true)),
                Step::Restart,
                1,
            );
        }
        offer(1, best[1].saturating_add(STRAY), Step::Stray, 1);
        best = next;
        back.push(how);
    }
    let mut state = usize::from(best[1].saturating_add(LEFT_OPEN) < best[0]);
    let mut steps = vec![Step::Stray; marks.len()];
    for k in (0..marks.len()).rev() {
        let (step, from) = back[k][state];
        steps[k] = step;
        state = from as usize;
    }
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (k, step) in steps.into_iter().enumerate() {
        match step {
            Step::Open => open = Some(k),
            Step::Close => {
                if let Some(o) = open.take() {
                    out.push((o, Some(k)));
                }
            }
            Step::Restart => {
                if let Some(o) = open.replace(k) {
                    out.push((o, None));
                }
            }
            Step::Stray => {}
        }
    }
    if let Some(o) = open {
        out.push((o, None));
    }
    out
}

/// The quotations of a paragraph from its marks, sorted by opening mark. Nested quotations
/// are not listed: they are part of the one around them.
pub fn quotations(text: &str, marks: &[Mark], out: &mut Vec<Quoted>) {
    out.clear();
    let mut outer: Vec<Quoted> = Vec::new();
    for family in [Family::Angle, Family::Double] {
        let free: Vec<Mark> = marks
            .iter()
            .filter(|m| m.family == family && !inside(&outer, m.at))
            .copied()
            .collect();
        if free.is_empty() {
            continue;
        }
        let pairs = pair(&free);
        for (i, &(o, c)) in pairs.iter().enumerate() {
            let open = &free[o];
            let (end, after) = match c {
                Some(c) => (free[c].at, free[c].end()),
                None => {
                    // Left open: to the end of the paragraph, or of the line when a restart
                    // opens the next quotation.
                    let stop = match pairs.get(i + 1) {
                        Some(&(next, _)) if o < next && free[next].line_start => {
                            line_start_before(text, free[next].at as usize) as u32
                        }
                        _ => text.len() as u32,
                    };
                    (stop, stop)
                }
            };
            if let Some(q) = trimmed(text, open, end, after, c.map(|c| free[c].at), family) {
                outer.push(q);
            }
        }
        outer.sort_by_key(|q| q.open);
    }
    singles(text, marks, &outer, out);
    out.extend(outer);
    out.sort_by_key(|q| q.open);
}

/// British single quotations outside the double ones: a mark that opens (after a space,
/// before a word) and the next one that closes (after a word, before a space or a stop),
/// with no other opening single mark between.
fn singles(text: &str, marks: &[Mark], outer: &[Quoted], out: &mut Vec<Quoted>) {
    let mut open: Option<&Mark> = None;
    for m in marks
        .iter()
        .filter(|m| m.family == Family::Single && !inside(outer, m.at))
    {
        let opens = m.shape == Shape::Opening && m.lean != Lean::Closes;
        let closes = m.shape == Shape::Closing && m.lean != Lean::Opens;
        match open {
            Some(o) if closes && !crosses_paragraph_line(text, o.end(), m.at) => {
                // One letter between single marks is an elision ("rock 'n' roll").
                let letters = text[o.end() as usize..m.at as usize]
                    .chars()
                    .filter(|c| c.is_alphanumeric())
                    .take(2)
                    .count();
                if letters == 2
                    && let Some(q) = trimmed(text, o, m.at, m.end(), Some(m.at), Family::Single)
                {
                    out.push(q);
                }
                open = None;
            }
            _ if opens => open = Some(m),
            _ => {}
        }
    }
}

/// A single quotation does not run over a line that ends a sentence: it would rather be
/// two unrelated apostrophes.
fn crosses_paragraph_line(text: &str, from: u32, to: u32) -> bool {
    let between = &text.as_bytes()[from as usize..to as usize];
    between.len() > 600
        || memchr::memchr(b'\n', between).is_some_and(|i| {
            let before = between[..i].trim_ascii_end();
            before.ends_with(b".") || before.ends_with(b"?") || before.ends_with(b"!")
        })
}

fn inside(outer: &[Quoted], at: u32) -> bool {
    let i = outer.partition_point(|q| q.open < at);
    i > 0 && at < outer[i - 1].after
}

fn line_start_before(text: &str, at: usize) -> usize {
    text.as_bytes()[..at]
        .iter()
        .rposition(|&b| b == b'\n' || b == b'\r')
        .unwrap_or(at)
}

/// The quotation between `open` and `end`, white space trimmed; `None` when nothing but
/// white space and punctuation is quoted.
fn trimmed(
    text: &str,
    open: &Mark,
    end: u32,
    after: u32,
    close: Option<u32>,
    family: Family,
) -> Option<Quoted> {
    let inner = &text[open.end() as usize..end as usize];
    let lead = inner.len() - inner.trim_start().len();
    let body = inner.trim();
    if !body.chars().any(char::is_alphanumeric) {
        return None;
    }
    let start = open.end() + lead as u32;
    Some(Quoted {
        open: open.at,
        start,
        end: start + body.len() as u32,
        close,
        after,
        family,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::quotes::marks;

    fn quoted(text: &str) -> Vec<(&str, bool)> {
        let mut m = vec![];
        marks::find(text, &mut m);
        let mut out = vec![];
        quotations(text, &m, &mut out);
        out.iter()
            .map(|q| (&text[q.start as usize..q.end as usize], q.is_closed()))
            .collect()
    }

    #[test]
    fn straight_and_curly_double_quotes_pair() {
        assert_eq!(
            quoted(r#""We won," he said. "They lost.""#),
            [("We won,", true), ("They lost.", true)]
        );
        assert_eq!(
            quoted("“tactical little pauses” in"),
            [("tactical little pauses", true)]
        );
    }

    #[test]
    fn guillemets_pair_and_hold_the_quotes_nested_in_them() {
        assert_eq!(
            quoted("Il a dit « c’est “fini” ici » hier."),
            [("c’est “fini” ici", true)]
        );
    }

    #[test]
    fn a_mark_that_looks_closing_still_opens_when_the_next_one_closes() {
        assert_eq!(
            quoted(r#"for schools," For example, schools can run". Then"#),
            [("For example, schools can run", true)]
        );
    }

    #[test]
    fn a_paragraph_that_ends_inside_a_quotation_leaves_it_open() {
        assert_eq!(
            quoted(r#""Yes," he said. "And then we left"#),
            [("Yes,", true), ("And then we left", false)]
        );
    }

    #[test]
    fn a_quotation_runs_over_line_breaks_of_wrapped_text() {
        assert_eq!(
            quoted("\"We will not accept the\nrevised forecast,\" Marilyn warned."),
            [("We will not accept the\nrevised forecast,", true)]
        );
    }

    #[test]
    fn a_line_that_opens_a_quotation_closes_the_one_left_open_above() {
        assert_eq!(
            quoted("\"First part\n\"Second part,\" she said."),
            [("First part", false), ("Second part,", true)]
        );
    }

    #[test]
    fn single_quotes_need_a_clear_opening_and_closing() {
        assert_eq!(
            quoted("She wasn't 'forced' to be there."),
            [("forced", true)]
        );
        assert_eq!(
            quoted("The girls' team and the boys' team won."),
            Vec::<(&str, bool)>::new()
        );
        assert_eq!(
            quoted("rock 'n' roll in the '90s"),
            Vec::<(&str, bool)>::new()
        );
    }

    #[test]
    fn single_quotes_inside_double_ones_are_part_of_them() {
        assert_eq!(
            quoted(r#""as the 'anti-christ' of the church," he"#),
            [("as the 'anti-christ' of the church,", true)]
        );
    }

    #[test]
    fn nothing_but_punctuation_in_marks_is_no_quotation() {
        assert_eq!(quoted(r#"a "" b " , " c"#), Vec::<(&str, bool)>::new());
    }
}
