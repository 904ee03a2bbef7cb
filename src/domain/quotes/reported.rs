//! Reported speech: "X said (that) …", "according to X, …", "…, X said." — the reported
//! clause is the quotation, the verb (or "according to") its cue, X its speaker.
//!
//! A verb that takes an object as readily as a clause ("added", "noted", "wrote") reports
//! only with "that"; "said", "told", "claimed" and the like report a clause without it when
//! the next word can open one (a pronoun, a determiner, a name) — never "to", "so",
//! "nothing", a question word ("have not said why"), and never after a negation or in the
//! passive ("was told to"). Each clause ends with its sentence, and where two reports share
//! a sentence the first ends where the second begins.

use super::cues::{is_saying_verb, subject_before};
use super::lexicon::Class;
use super::para::Para;
use super::verbs::Verbs;
use super::words::TokKind;

/// One reported clause, offsets into the paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reported {
    pub clause: (u32, u32),
    pub cue: (u32, u32),
    pub speaker: Option<(u32, u32)>,
    /// Where the words of the report begin (its speaker, or the cue when it comes first):
    /// a report before it in the same sentence ends there.
    pub begins: u32,
}

/// Most tokens of an adverbial between a verb and "that" ("announced on Friday that").
const ADVERBIAL_MAX: usize = 8;

/// The reported clauses of a paragraph, from the verbs of saying (each where it starts and
/// the token it is in: one that does not start its token is part of a longer word);
/// `used[i]` marks verbs that already cue a direct quotation.
pub fn find(p: &Para, verbs: &Verbs, used: &[bool], out: &mut Vec<Reported>) {
    out.clear();
    let cue = Class::ACCORDING
        .or(Class::REPORT)
        .or(Class::REPORT_WEAK)
        .or(Class::REPORT_THAT);
    for (&at, &i) in verbs.at.iter().zip(&verbs.tok) {
        let i = i as usize;
        if p.toks.get(i).is_none_or(|t| t.start != at)
            || !p.has(i, cue)
            || used[i]
            || p.quote_around(at).is_some()
        {
            continue;
        }
        let found = if p.has(i, Class::ACCORDING) {
            according(p, i)
        } else if is_saying_verb(p, i) && !p.toks[i].upper {
            // ", said the minister." is a cue after its clause; "X, the chairman, said …"
            // one before it.
            if i > 0 && p.is_punct(i - 1, b',') {
                inverted(p, i).or_else(|| forward(p, i))
            } else {
                forward(p, i).or_else(|| inverted(p, i))
            }
        } else {
            None
        };
        if let Some(r) = found {
            out.push(r);
        }
    }
    out.sort_by_key(|r| r.clause.0);
    // Two reports in one sentence: the first ends where the second's words begin.
    for k in 1..out.len() {
        let next = out[k];
        let cur = &mut out[k - 1];
        if cur.clause.0 <= next.cue.0 && next.cue.0 < cur.clause.1 {
            let at = next.begins.min(next.cue.0).max(cur.clause.0);
            cur.clause.1 = trim_end(p, cur.clause.0, at);
        }
    }
    out.retain(|r| r.clause.1 > r.clause.0);
}

/// "X said (that) CLAUSE": the verb at token `v`.
fn forward(p: &Para, v: usize) -> Option<Reported> {
    if v > 0 && p.toks[v - 1].kind == TokKind::Mark {
        return None;
    }
    let end = p.sentence_end_tok(v);
    let mut k = v + 1;
    if p.has(v, Class::TELL) {
        k = after_object(p, k, end);
    }
    let mut that = false;
    let adverbial = p.has(k, Class::PREP)
        || p.has(k, Class::TIME)
        || p.is_punct(k, b',')
        || p.is_word(k) && p.word(k) == "to";
    if k < end && adverbial {
        // "announced on Friday that", "explains, in a satirical fashion, that", "stated to
        // LA Weekly that".
        let limit = end.min(k + ADVERBIAL_MAX);
        let t = (k..limit)
            .take_while(|&i| p.is_word(i) || p.is_punct(i, b','))
            .find(|&i| p.is_that(i))?;
        k = t;
    }
    if p.is_that(k) {
        that = true;
        k += 1;
    } else if !p.has(v, Class::REPORT) && !p.has(v, Class::REPORT_WEAK) {
        return None;
    }
    let opens = if that {
        p.is_word(k) || p.toks.get(k).is_some_and(|t| t.kind == TokKind::Mark)
    } else {
        // Without "that", only what opens a clause: a pronoun or a name, or after "said" and
        // "told" also a determiner or a noun; never "to", "so", "nothing", a question word.
        let subject = p.has(k, Class::SUBJECT)
            || p.toks.get(k).is_some_and(|t| t.upper)
            || p.has(v, Class::REPORT) && !p.has(k, Class::PREP) && !p.has(k, Class::AUX);
        p.is_word(k)
            && subject
            && !p.has(k, Class::NOT_CLAUSE)
            && !p.has(k, Class::WH)
            && !p.has(k, Class::NEG)
    };
    if !opens || k >= end {
        return None;
    }
    let clause = clause(p, k, end)?;
    // The subject is read (backwards) last: after most verbs no clause opens.
    let speaker = subject_before(p, v)?;
    Some(Reported {
        clause,
        cue: (p.toks[v].start, p.toks[v].end),
        speaker: Some(speaker),
        begins: speaker.0,
    })
}

/// Past the hearer of "told": "told reporters", "told the press", "told LA Weekly", "told
/// him" (where nothing can be a hearer, `k` itself).
fn after_object(p: &Para, k: usize, end: usize) -> usize {
    if k >= end || !p.is_word(k) || p.is_that(k) {
        return k;
    }
    if p.has(k, Class::PREP) || p.has(k, Class::NOT_CLAUSE) && !is_object_pronoun(p.word(k)) {
        return k;
    }
    if is_object_pronoun(p.word(k)) {
        return k + 1;
    }
    let mut j = k;
    if p.has(j, Class::DET) {
        j += 1;
        let stop = end.min(j + 3);
        while j < stop && p.is_word(j) && !p.is_that(j) && !p.has(j, Class::PREP) {
            j += 1;
        }
        return j;
    }
    if p.toks[j].upper {
        while j < end && p.is_word(j) && p.toks[j].upper && j - k < 5 {
            j += 1;
        }
        return j;
    }
    // A plain noun: "told reporters".
    j + 1
}

fn is_object_pronoun(w: &str) -> bool {
    matches!(w, "him" | "her" | "them" | "me" | "us" | "you")
}

/// "according to X, CLAUSE" / "CLAUSE, according to X." / "According to X CLAUSE": the
/// word "according" at token `a`.
fn according(p: &Para, a: usize) -> Option<Reported> {
    if !(p.is_word(a + 1) && p.word(a + 1).eq_ignore_ascii_case("to")) {
        return None;
    }
    let first = p.sentence_first_tok(a);
    let end = p.sentence_end_tok(a);
    let np = a + 2;
    if np >= end {
        return None;
    }
    let cue = p.span(a, a + 1);
    // The source runs to the first comma (an appositive name after it belongs to it:
    // "the team's coach, Alireza Mehraban,").
    // The first break after the source: a comma, a mark, a dash or the stop ending the
    // sentence (`None`: the source runs to the end of the sentence).
    let mut c = (np..end).find(|&i| match p.toks[i].kind {
        TokKind::Word | TokKind::Other => false,
        TokKind::Punct(b'.') => p.ends_sentence(i),
        _ => true,
    });
    if c.is_some_and(|ci| ci + 1 == end && !p.is_punct(ci, b',')) {
        c = None;
    }
    if let Some(ci) = c
        && p.is_punct(ci, b',')
    {
        let next = (ci + 1..end).find(|&i| !p.is_word(i));
        if let Some(n) = next
            && p.is_punct(n, b',')
            && n - ci <= 5
            && (ci + 1..n).all(|i| p.toks[i].upper)
        {
            c = Some(n);
        }
    }
    // "According to Rathbun the property was returned": no comma; the source is the run of
    // capitalised words, the clause what follows.
    let unmarked = |limit: usize| {
        let mut e = np;
        while e < limit && p.toks[e].upper {
            e += 1;
        }
        if e == np || e >= limit {
            return None;
        }
        Some(Reported {
            clause: clause(p, e, end)?,
            cue,
            speaker: Some(p.span(np, e - 1)),
            begins: p.toks[a].start,
        })
    };
    match c {
        // "…, according to X." ends the sentence: the clause is what comes before.
        None if a > first && p.is_punct(a - 1, b',') => {
            let clause = clause(p, first, a - 1)?;
            Some(Reported {
                clause,
                cue,
                speaker: Some(p.span(np, end - 1)).map(|(s, e)| trim_punct(p, s, e)),
                begins: p.toks[a].start,
            })
        }
        None => unmarked(end),
        Some(ci) if p.is_punct(ci, b',') || p.toks[ci].kind == TokKind::Mark => {
            if ci == np {
                return None;
            }
            let speaker = p.span(np, ci - 1);
            let mut start = if p.is_punct(ci, b',') { ci + 1 } else { ci };
            // "…, quoting KCNA (KCNA), the military": a participle between source and clause.
            while p.is_word(start)
                && (p.has(start, Class::PARTICIPLE) || p.word(start).ends_with("ing"))
            {
                let next = (start..end).find(|&i| p.is_punct(i, b','))?;
                start = next + 1;
            }
            if a > first && p.is_punct(a - 1, b',') && start >= end {
                return None;
            }
            let clause = clause(p, start, end)?;
            Some(Reported {
                clause,
                cue,
                speaker: Some(speaker),
                begins: p.toks[a].start,
            })
        }
        Some(ci) => unmarked(ci),
    }
}

/// "CLAUSE, X said." / "CLAUSE, said X.": the verb at token `v` ends its sentence.
fn inverted(p: &Para, v: usize) -> Option<Reported> {
    let first = p.sentence_first_tok(v);
    let end = p.sentence_end_tok(v);
    let tail = v + 1..end;
    let closes =
        |r: std::ops::Range<usize>| r.clone().all(|i| !p.is_word(i) || p.has(i, Class::TIME));
    // The comma that opens the cue.
    let low = first.max(v.saturating_sub(10));
    let c = (low..v).rev().find(|&i| !p.is_word(i))?;
    if !p.is_punct(c, b',') || c <= first {
        return None;
    }
    let speaker = if c + 1 == v {
        // ", said the minister."
        let s = super::cues::phrase_after(p, v + 1)?;
        let last = p.toks_before(s.1);
        if !closes(last..end) {
            return None;
        }
        s
    } else {
        if !closes(tail) {
            return None;
        }
        p.span(c + 1, v - 1)
    };
    if p.toks[c - 1].kind == TokKind::Mark {
        return None;
    }
    let clause = clause(p, first, c)?;
    Some(Reported {
        clause,
        cue: (p.toks[v].start, p.toks[v].end),
        speaker: Some(speaker),
        begins: p.toks[first].start,
    })
}

/// The clause from token `k` to before token `end`, without the stop at its end; `None`
/// when fewer than two words are left.
fn clause(p: &Para, k: usize, end: usize) -> Option<(u32, u32)> {
    let mut e = end;
    while e > k && matches!(p.toks[e - 1].kind, TokKind::Punct(_) | TokKind::Dash) {
        e -= 1;
    }
    let words = (k..e).filter(|&i| p.is_word(i)).take(2).count();
    (words == 2).then(|| p.span(k, e - 1))
}

/// The end of the words before `at`, without trailing commas, dashes and "and"/"but".
fn trim_end(p: &Para, start: u32, at: u32) -> u32 {
    let mut e = p.toks_before(at);
    while e > 0
        && p.toks[e - 1].start >= start
        && (matches!(p.toks[e - 1].kind, TokKind::Punct(_) | TokKind::Dash)
            || matches!(p.word(e - 1), "and" | "but" | "while" | "as"))
    {
        e -= 1;
    }
    if e == 0 || p.toks[e - 1].start < start {
        start
    } else {
        p.toks[e - 1].end
    }
}

fn trim_punct(p: &Para, s: u32, e: u32) -> (u32, u32) {
    let mut last = p.toks_before(e);
    while last > 0 && p.toks[last - 1].start > s && !p.is_word(last - 1) {
        last -= 1;
    }
    (s, p.toks[last - 1].end)
}
