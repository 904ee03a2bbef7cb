//! Who speaks each quotation, where the words right around it name someone:
//! `"…," said X` / `"…," X said` / `"…," X, the coach, said` / `X said: "…"` /
//! `X told the press, "…"` / `According to X, "…"`. A quotation whose speaker is only a
//! pronoun ("he said") or not named at all has none.
//!
//! Its speaker is who "I" and "my" inside it are, and who a "he" or "she" inside it is not.

use std::ops::Range;

use super::super::knowledge::Knowledge;
use super::facts::Class;
use super::in_text::Named;
use super::words::{self, Word};

/// How far from a quotation its attribution is looked for, in bytes.
const REACH: usize = 160;

/// Verbs of saying besides the person cues of the knowledge ("said", "told", "wrote"...).
const SAYING: &[&str] = &[
    "commented",
    "continued",
    "posted",
    "concluded",
    "responded",
    "remarked",
    "declared",
    "acknowledged",
    "conceded",
    "urged",
    "suggested",
    "asserted",
    "says",
    "adds",
    "writes",
    "tells",
];

/// The speaker of each of `quotes` (an entity index), if the text names one. A quotation
/// that opens right after the attribution of the one before it ("…," said X. "…") is X's
/// too.
pub fn speakers(
    text: &[u8],
    quotes: &[Range<usize>],
    names: &[Named],
    class: &[Class],
    k: &Knowledge,
) -> Vec<Option<u32>> {
    let actor = |n: &Named| {
        matches!(
            class[n.entity as usize],
            Class::Person | Class::Organization | Class::Country | Class::Group
        )
    };
    let names_in = |r: Range<usize>| {
        let from = names.partition_point(|n| (n.start as usize) < r.start);
        names[from..]
            .iter()
            .take_while(move |n| (n.end as usize) <= r.end)
            .filter(|n| actor(n))
    };
    let is_verb = |w: Word| is_saying(text, w, k);
    let mut out: Vec<Option<u32>> = Vec::with_capacity(quotes.len());
    for (i, q) in quotes.iter().enumerate() {
        let named = after(text, q, &names_in, &is_verb)
            .or_else(|| before(text, q, &names_in, &is_verb))
            .or_else(|| {
                // Right after the quotation before, and its attribution: the same speaker.
                let prev = quotes.get(i.checked_sub(1)?)?;
                let speaker = out[i - 1]?;
                let gap = &text[prev.end..q.start];
                let near = gap.len() <= REACH && !gap.contains(&b'\n');
                let named_there = names_in(prev.end..q.start).any(|n| n.entity == speaker);
                (near && named_there).then_some(speaker)
            });
        out.push(named);
    }
    out
}

/// Whether `w` is a verb of saying ("said", "told", "commented").
pub fn is_saying(text: &[u8], w: Word, k: &Knowledge) -> bool {
    let mut buf = [0u8; 24];
    w.is_lowercase(text)
        && (w.lower(text, &mut buf)).is_some_and(|l| k.is_person_cue(l) || SAYING.contains(&l))
}

/// The quotation that the words after `end` open, if they are a verb of saying and a
/// comma or colon right before the opening mark ("he said, "…"", "it added: "…""): its
/// start.
pub fn opens_after_saying(text: &[u8], end: usize, k: &Knowledge) -> Option<usize> {
    let limit = (end + 80).min(text.len());
    let verb = words::next_word(text, end, limit)?;
    if !words::only_space(text, end, verb.start) || !is_saying(text, verb, k) {
        return None;
    }
    let mark = verb.end + memchr::memchr2(b'"', 0xE2, &text[verb.end..limit])?;
    let between = text[verb.end..mark].trim_ascii();
    let short = words::words(text, verb.end..mark).count() <= 3;
    let quote_start = if text[mark] == b'"' {
        mark + 1
    } else {
        mark + 3
    };
    (short && (between.ends_with(b",") || between.ends_with(b":"))).then_some(quote_start)
}

/// The end of the attribution that starts at `from`: its sentence's end, or where another
/// quotation opens, within [`REACH`].
fn attribution_end(text: &[u8], from: usize) -> usize {
    let limit = (from + REACH).min(text.len());
    from + text[from..limit]
        .iter()
        .position(|&b| matches!(b, b'.' | b'!' | b'?' | b'"' | b'\n' | 0xE2 | b';'))
        .unwrap_or(limit - from)
}

/// `"…," said X` / `"…," said Ambassador X` / `"…," X said` / `"…," X, the coach, said` /
/// `"…" — X`.
fn after<'n, I: Iterator<Item = &'n Named>>(
    text: &[u8],
    q: &Range<usize>,
    names_in: &impl Fn(Range<usize>) -> I,
    is_verb: &impl Fn(Word) -> bool,
) -> Option<u32> {
    // After the closing mark: '"' or '”' (a pulled quotation has none).
    let mark = match text.get(q.end..) {
        Some([b'"', ..]) => 1,
        Some([0xE2, 0x80, 0x9D, ..]) => 3,
        _ => 0,
    };
    let from = (q.end + mark).min(text.len());
    let end = attribution_end(text, from);
    let mut names = names_in(from..end);
    let first = names.next()?;
    let lead: Vec<Word> = words::words(text, from..first.start as usize).collect();
    // "— X": a dash and the name, nothing else.
    let dashed = text[from..first.start as usize].trim_ascii();
    if lead.is_empty() && (dashed == b"-" || dashed == "\u{2014}".as_bytes()) {
        return Some(first.entity);
    }
    // A name alone on the rest of the line: the caption of a pulled quotation.
    let line_end = memchr::memchr(b'\n', &text[first.end as usize..])
        .map_or(text.len(), |i| first.end as usize + i);
    if lead.is_empty() && mark == 0 && text[first.end as usize..line_end].trim_ascii().is_empty() {
        return Some(first.entity);
    }
    let verb = words::words(text, from..end).find(|&w| is_verb(w))?;
    if (first.end as usize) <= verb.start {
        // "X said", "X, the coach, said", "team member X told": the name opens the
        // attribution (a few words of description may come first).
        let described = lead.len() <= 3 && lead.iter().all(|w| w.is_lowercase(text));
        return described.then_some(first.entity);
    }
    // "said X", "said Ambassador X": the name after the verb, titles between.
    let between: Vec<Word> = words::words(text, verb.end..first.start as usize).collect();
    let titles = between.len() <= 3 && between.iter().all(|w| w.is_capitalised(text));
    let only_words = text[verb.end..first.start as usize]
        .iter()
        .all(|&b| b == b' ' || b == b'.' || b.is_ascii_alphabetic());
    (titles && only_words).then_some(first.entity)
}

/// `X said: "…"` / `X told the press, "…"` / `X, the spokesman, said "…"` /
/// `According to X, "…"`.
fn before<'n, I: Iterator<Item = &'n Named>>(
    text: &[u8],
    q: &Range<usize>,
    names_in: &impl Fn(Range<usize>) -> I,
    is_verb: &impl Fn(Word) -> bool,
) -> Option<u32> {
    let (start, end, punctuated) = lead_in(text, q)?;
    // The verb among the last words: "said", "told the press", "tweeted using his account";
    // without a comma or colon before the mark, the verb is the last word ("said "…"").
    let last: Vec<Word> = words::words(text, start..end).collect();
    let tail = &last[last.len().saturating_sub(if punctuated { 6 } else { 1 })..];
    if let Some(&verb) = tail.iter().find(|&&w| is_verb(w)) {
        return subject_before(text, start, verb.start, names_in);
    }
    // "According to X,": the name ends the lead.
    let to = last.len().checked_sub(1)?;
    let according = (last.iter().rposition(|w| w.is(text, "according")))
        .filter(|&i| punctuated && i + 2 <= to && last[i + 1].is(text, "to"))?;
    let name = names_in(last[according + 1].end..end).last()?;
    (text[name.end as usize..end].trim_ascii().is_empty()).then_some(name.entity)
}

/// The words before a quotation's opening mark that may attribute it: from the start of
/// their sentence to the comma or colon before the mark (or the mark itself, after a verb),
/// and whether a comma or colon is there.
fn lead_in(text: &[u8], q: &Range<usize>) -> Option<(usize, usize, bool)> {
    let open = q.start.checked_sub(1)?;
    let mark = text[..=open]
        .iter()
        .rposition(|&b| b == b'"' || b == 0xE2)
        .filter(|&m| m + 4 > q.start)?;
    let lead = text[..mark].trim_ascii_end();
    let (end, punctuated) = match lead.last() {
        Some(b',' | b':') => (lead.len() - 1, true),
        Some(b) if b.is_ascii_alphabetic() => (lead.len(), false),
        _ => return None,
    };
    let limit = end.saturating_sub(REACH);
    let start = limit
        + text[limit..end]
            .iter()
            .rposition(|&b| matches!(b, b'.' | b'!' | b'?' | b'"' | b'\n' | b';'))
            .map_or(0, |i| i + 1);
    Some((start, end, punctuated))
}

/// The subject of a verb of saying at `verb`: the name nearest before it, or, when an
/// apposition stands between ("X, the State Department spokesperson, said"), the name before
/// the apposition.
fn subject_before<'n, I: Iterator<Item = &'n Named>>(
    text: &[u8],
    start: usize,
    verb: usize,
    names_in: &impl Fn(Range<usize>) -> I,
) -> Option<u32> {
    let before_verb = text[start..verb].trim_ascii_end();
    let mut until = verb;
    if before_verb.ends_with(b",") {
        let closing = start + before_verb.len() - 1;
        if let Some(opening) = text[start..closing].iter().rposition(|&b| b == b',') {
            until = start + opening;
        }
    }
    names_in(start..until).last().map(|n| n.entity)
}

#[cfg(test)]
mod tests {
    use super::super::super::Extractor;
    use super::super::facts::Facts;
    use super::super::in_text::in_text_order;
    use super::super::quotes::quotations;
    use super::*;

    fn speakers_of(text: &str) -> Vec<Option<String>> {
        let mut ex = Extractor::new();
        ex.feed(0, text);
        let entities = ex.finish();
        let k = super::super::knowledge::builtin();
        let names = in_text_order(&entities);
        let t = text.as_bytes();
        let it = names.iter().map(|n| (n.entity, n.start, n.end));
        let facts = Facts::gather(t, &entities, k, it);
        let quotes = quotations(t);
        speakers(t, &quotes, &names, &facts.class, k)
            .into_iter()
            .map(|s| s.map(|e| entities[e as usize].name.clone()))
            .collect()
    }

    #[test]
    fn the_speaker_is_named_around_the_quotation() {
        let text = "\"We will never give in to them,\" said Maria Ortega. \
            \"It was a long night for all of us,\" John Smith, the coach, said. \
            Angela Merkel told reporters: \"I have nothing more to add here.\" \
            \"This is not over yet, my friends,\" he said.";
        assert_eq!(
            speakers_of(text),
            [
                Some("Maria Ortega".to_string()),
                Some("John Smith".to_string()),
                Some("Angela Merkel".to_string()),
                None
            ]
        );
    }
}
