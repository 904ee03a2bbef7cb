//! All the quotations of one paragraph, with their cues and the words naming their speakers.
//!
//! In order: the marks are paired into direct quotations; each gets a cue beside it (after,
//! then before, then one that ended the paragraph before); names and titles get none;
//! reported clauses are read from the verbs not used by direct quotations; a direct
//! quotation inside a reported clause, or after a verb that calls something by it ("called
//! the ruling “dangerous”"), is the reported speaker's; one that follows another directly
//! (`"…," X said. "…"`, or a paragraph that opens with a quotation after one that ended
//! with a cued quotation) is linked to it. What a paragraph leaves to the next is [`Carry`].

use super::cues::{self, Cue};
use super::lexicon::Class;
use super::marks::{self, Mark};
use super::pairing::{self, Quoted};
use super::para::{self, Para};
use super::pulled;
use super::reported::{self, Reported};
use super::titles;
use super::verbs::Verbs;
use super::words::{self, Tok, TokKind};
use super::{ByteSpan, Found, Kind, Link, SelfMention};
use std::cell::Cell;

/// What one paragraph tells the next (absolute offsets).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Carry {
    /// It ended inside a quotation: a quotation opening the next one goes on with it.
    pub open: bool,
    /// It ended with a whole quotation cued to its speaker (or linked to one that was): a
    /// quotation opening the next paragraph with no cue is the same speaker's.
    pub quote_last: bool,
    /// It ended with a cue announcing a quotation ("Rathbun stated,"): for a quotation
    /// opening the next paragraph.
    pub cue: Option<(ByteSpan, Option<ByteSpan>)>,
}

/// The sentences of a paragraph as the document's split has them (absolute offsets).
#[derive(Clone)]
pub struct KnownSentences<'a> {
    pub sentences: &'a crate::domain::sentences::Sentences,
    /// The indices of the paragraph's sentences.
    pub within: std::ops::Range<usize>,
}

/// Buffers reused from one paragraph to the next.
#[derive(Default)]
pub struct Scratch {
    marks: Vec<Mark>,
    /// Where the verbs of saying are (a paragraph with none and no mark is skipped).
    verbs: Verbs,
    quoted: Vec<Quoted>,
    toks: Vec<Tok>,
    classes: Vec<Cell<u32>>,
    sentences: Vec<(u32, u32)>,
    reported: Vec<Reported>,
    used: Vec<bool>,
    direct: Vec<Direct>,
}

/// What was decided about one direct quotation.
#[derive(Debug, Clone, Copy, Default)]
struct Direct {
    cue: Option<(u32, u32)>,
    speaker: Option<(u32, u32)>,
    /// The cue stands right beside the quotation (not read from a report around it).
    beside: bool,
    title: bool,
    link: Link,
    /// A cue carried from the paragraph before (absolute offsets), which `cue` and `speaker`
    /// then do not hold.
    carried: Option<(ByteSpan, Option<ByteSpan>)>,
}

/// Finds the quotations of paragraph `text` (at byte `base` of the document) into `out`,
/// given what the paragraph before left; returns what this one leaves. Its sentences are
/// split again unless `known`.
pub fn find(
    text: &str,
    base: usize,
    before: &Carry,
    known: Option<KnownSentences>,
    s: &mut Scratch,
    out: &mut Vec<Found>,
    first_person: &mut Vec<SelfMention>,
) -> Carry {
    if let Some((pulled, selves)) = pulled::find(text, base) {
        out.push(pulled);
        first_person.extend(selves);
    }
    marks::find(text, &mut s.marks);
    words::tokenize(text, &mut s.toks, &mut s.verbs);
    if s.marks.is_empty() && s.verbs.at.is_empty() {
        return Carry::default();
    }
    pairing::quotations(text, &s.marks, &mut s.quoted);
    s.classes.clear();
    s.classes.resize(s.toks.len(), Cell::new(para::UNKNOWN));
    for &(i, class) in &s.verbs.looked_up {
        s.classes[i as usize].set(class.bits());
    }
    match known {
        Some(k) => {
            let spans = k.within.map(|i| k.sentences.range(i));
            let relative = spans.map(|r| r.start - base..r.end - base);
            para::join_quoted(relative, &s.quoted, &mut s.sentences);
        }
        None => para::sentences(text, &s.quoted, &mut s.sentences),
    }
    let p = Para {
        text,
        toks: &s.toks,
        classes: &s.classes,
        sentences: &s.sentences,
        quotes: &s.quoted,
    };
    s.used.clear();
    s.used.resize(p.toks.len(), false);
    s.direct.clear();
    for q in 0..p.quotes.len() {
        let beside = cues::after_quote(&p, q).or_else(|| cues::before_quote(&p, q));
        let d = match beside {
            Some(c) => {
                s.used[c.verb] = true;
                Direct {
                    cue: Some(c.span),
                    speaker: c.speaker,
                    beside: true,
                    ..Direct::default()
                }
            }
            None => Direct {
                title: titles::is_title(&p, &p.quotes[q]),
                ..Direct::default()
            },
        };
        s.direct.push(d);
    }
    // A cue that ended the paragraph before, for a quotation that opens this one.
    if let (Some(carried), Some(d)) = (before.cue, s.direct.first_mut())
        && d.cue.is_none()
        && opens_paragraph(&p, &p.quotes[0])
    {
        d.carried = Some(carried);
        d.beside = true;
        d.title = false;
    }
    reported::find(&p, &s.verbs, &s.used, &mut s.reported);
    // A quotation that goes on with one left open is the same quotation, cued or not.
    if before.open
        && let (Some(d), Some(q)) = (s.direct.first_mut(), p.quotes.first())
        && opens_paragraph(&p, q)
    {
        d.link = Link::Continues;
    }
    for q in 0..p.quotes.len() {
        if s.direct[q].beside || s.direct[q].title {
            continue;
        }
        if let Some(c) = inside_report(&p, &s.reported, q).or_else(|| embedded(&p, q)) {
            s.direct[q].cue = Some(c.span);
            s.direct[q].speaker = c.speaker;
            continue;
        }
        s.direct[q].link = link(&p, &s.direct, q, before);
    }
    for (q, d) in p.quotes.iter().zip(&s.direct) {
        out.push(Found {
            start: base as u32 + q.start,
            end: base as u32 + q.end,
            kind: Kind::Direct,
            cue: d.carried.map(|c| c.0).or(d.cue.map(|c| absolute(c, base))),
            speaker: match d.carried {
                Some((_, speaker)) => speaker,
                None => speaker_words(&p, d.speaker).map(|c| absolute(c, base)),
            },
            link: d.link,
        });
    }
    self_mentions(&p, &s.marks, base, first_person);
    for r in &s.reported {
        out.push(Found {
            start: base as u32 + r.clause.0,
            end: base as u32 + r.clause.1,
            kind: Kind::Indirect,
            cue: Some(absolute(r.cue, base)),
            speaker: speaker_words(&p, r.speaker).map(|c| absolute(c, base)),
            link: Link::None,
        });
    }
    carry(&p, &s.direct, base)
}

fn absolute((s, e): (u32, u32), base: usize) -> ByteSpan {
    ByteSpan {
        start: base as u32 + s,
        end: base as u32 + e,
    }
}

/// The words naming a speaker without a possessive that opens them: in "His father Mohamed
/// El-Hassan Mohamed said" the speaker is the father, not whoever "his" stands for.
fn speaker_words(p: &Para, words: Option<(u32, u32)>) -> Option<(u32, u32)> {
    let (start, end) = words?;
    let first = p.tok_from(start);
    // Most speakers open with a name: passed over by its length and first letter.
    let possessive = p.is_word(first) && {
        let w = p.word(first);
        (2..=5).contains(&w.len())
            && matches!(
                w.as_bytes()[0] | 0x20,
                b'h' | b'i' | b't' | b'o' | b'm' | b'y'
            )
            && ["his", "her", "its", "their", "our", "my", "your"]
                .iter()
                .any(|p| w.eq_ignore_ascii_case(p))
    };
    match p.toks.get(first + 1) {
        Some(next) if possessive && next.start < end => Some((next.start, end)),
        _ => Some((start, end)),
    }
}

/// The quotation's opening mark is the first thing in the paragraph.
fn opens_paragraph(p: &Para, q: &Quoted) -> bool {
    p.text[..q.open as usize].trim().is_empty()
}

/// The report whose clause holds quotation `q`.
fn inside_report(p: &Para, reported: &[Reported], q: usize) -> Option<Cue> {
    let open = p.quotes[q].open;
    reported
        .iter()
        .find(|r| r.clause.0 <= open && open < r.clause.1)
        .map(|r| Cue {
            span: r.cue,
            speaker: r.speaker,
            verb: 0,
        })
}

/// A verb earlier in the same sentence whose subject the quoted words are from: one that
/// calls something by them ("He described Montalvo as an individual, “facing …”"), or for
/// a phrase quoted in part, a verb of saying or of attitude ("Netanyahu has expressed
/// openness to “tactical little pauses”"). Its subject must be one that acts: a name or a
/// pronoun.
fn embedded(p: &Para, q: usize) -> Option<Cue> {
    let n = p.toks_before(p.quotes[q].open);
    let first = p.sentence_first_tok(n.checked_sub(1)?);
    let partial = !is_whole(p, &p.quotes[q]);
    let v = (first..n).rev().find(|&i| {
        let verb = p.has(i, Class::CALL)
            || partial && (p.has(i, Class::STANCE) || cues::is_saying_verb(p, i));
        verb && p.quote_around(p.toks[i].start).is_none()
    })?;
    let speaker = cues::subject_before(p, v)?;
    let last = p.toks_before(speaker.1).checked_sub(1)?;
    let acts = p.toks[last].upper || p.has(last, Class::SUBJECT);
    acts.then_some(Cue {
        span: (p.toks[v].start, p.toks[v].end),
        speaker: Some(speaker),
        verb: v,
    })
}

/// How a quotation with no cue of its own is linked to the one before.
fn link(p: &Para, direct: &[Direct], q: usize, before: &Carry) -> Link {
    let quote = &p.quotes[q];
    if q == 0 {
        if !opens_paragraph(p, quote) {
            return Link::None;
        }
        if before.open {
            return Link::Continues;
        }
        if before.quote_last && is_whole(p, quote) {
            return Link::Follows;
        }
        return Link::None;
    }
    let prev = &p.quotes[q - 1];
    let d = &direct[q - 1];
    if d.title || !(d.beside || d.link != Link::None) {
        return Link::None;
    }
    // Between the two: only the cue of the first and words that link ("; and, later,"),
    // or the whole sentence of a cue after the first ("…," Trump told reporters at the
    // White House. "…").
    let from = p.tok_from(prev.after);
    let to = p.toks_before(quote.open);
    let within =
        |t: &Tok, r: Option<(u32, u32)>| r.is_some_and(|(s, e)| s <= t.start && t.end <= e);
    let linked = to.saturating_sub(from) <= 20
        && (from..to).all(|i| {
            let t = &p.toks[i];
            matches!(t.kind, TokKind::Punct(_) | TokKind::Dash)
                || p.has(i, Class::LINK)
                || within(t, d.cue)
                || within(t, d.speaker)
        });
    if linked || cue_sentence_ends_at(p, prev, d, quote.open) {
        Link::Follows
    } else {
        Link::None
    }
}

/// Whether the cue after quotation `prev` is in a sentence that ends just before `at` (only
/// punctuation between).
fn cue_sentence_ends_at(p: &Para, prev: &Quoted, d: &Direct, at: u32) -> bool {
    let Some((cue, _)) = d.cue.filter(|c| c.0 >= prev.after) else {
        return false;
    };
    let (_, end) = p.sentence_of(cue);
    end <= at
        && p.toks[p.tok_from(end)..p.toks_before(at)]
            .iter()
            .all(|t| matches!(t.kind, TokKind::Punct(_)))
}

/// A whole utterance rather than a phrase: it starts with a capital, a digit, "…" or "[".
fn is_whole(p: &Para, q: &Quoted) -> bool {
    p.text[q.start as usize..]
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "[.…".contains(c))
}

/// The first-person pronouns of the direct quotations, outside quotations nested in them
/// ("he told me 'I will go'": that "I" is someone else's).
fn self_mentions(p: &Para, marks: &[Mark], base: usize, out: &mut Vec<SelfMention>) {
    for q in p.quotes {
        let mut nested = false;
        let mut m = marks.partition_point(|m| m.at < q.start);
        for i in p.tok_from(q.start)..p.toks_before(q.end) {
            let t = &p.toks[i];
            while m < marks.len() && marks[m].at < t.start {
                match marks[m].shape {
                    super::marks::Shape::Opening => nested = true,
                    super::marks::Shape::Closing => nested = false,
                    super::marks::Shape::Unclear => {}
                }
                m += 1;
            }
            // Only short words that start as a first-person pronoun can be one: the others are
            // not looked up.
            let maybe = t.kind == TokKind::Word
                && t.end - t.start <= 9
                && matches!(
                    p.text.as_bytes()[t.start as usize],
                    b'i' | b'I' | b'm' | b'M' | b'w' | b'W' | b'u' | b'U' | b'o' | b'O'
                );
            if nested || !maybe {
                continue;
            }
            let singular = p.has(i, Class::FIRST_SINGULAR);
            if !singular && !p.has(i, Class::FIRST_PLURAL) {
                continue;
            }
            let w = p.word(i);
            // "I" only as a capital (not a list's "i"); "us" only in lower case ("US" is a
            // country).
            let len = w.find(['\'', '’']).unwrap_or(w.len());
            let pronoun = &w[..len];
            if pronoun == "i" || pronoun == "US" || pronoun == "Us" && i > 0 {
                continue;
            }
            out.push(SelfMention {
                start: base as u32 + t.start,
                end: base as u32 + t.start + len as u32,
                plural: !singular,
            });
        }
    }
}

/// What this paragraph leaves to the next. It depends on this paragraph alone (not on what
/// the one before left), so a piece of a document can start one paragraph early and carry
/// exactly what a single pass would.
fn carry(p: &Para, direct: &[Direct], base: usize) -> Carry {
    let mut out = Carry::default();
    if let (Some(q), Some(d)) = (p.quotes.last(), direct.last()) {
        if !q.is_closed() {
            out.open = true;
            return out;
        }
        let within =
            |t: &Tok, r: Option<(u32, u32)>| r.is_some_and(|(s, e)| s <= t.start && t.end <= e);
        let tail_is_cue = p.toks[p.tok_from(q.after)..].iter().all(|t| {
            matches!(t.kind, TokKind::Punct(_) | TokKind::Dash)
                || within(t, d.cue)
                || within(t, d.speaker)
        });
        let title = d.cue.is_none() && titles::is_title(p, q);
        let cue_ends = cue_sentence_ends_at(p, q, d, p.text.len() as u32);
        out.quote_last = !title && is_whole(p, q) && (tail_is_cue || cue_ends);
    }
    if let Some(c) = cues::at_paragraph_end(p) {
        let speaker = speaker_words(p, c.speaker).map(|s| absolute(s, base));
        out.cue = Some((absolute(c.span, base), speaker));
    }
    out
}
