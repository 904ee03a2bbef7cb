//! The words that say who spoke a direct quotation: a verb of saying next to it and the words
//! naming its subject.
//!
//! - after it: `"…," X said` / `"…," said X` / `"…" – X` (a dash and a name ending the
//!   paragraph);
//! - before it: `X said: "…"` / `X said "…"` / `X told reporters, "…"` / `X added, "…"` /
//!   `in the words of X, "…"`, also across a paragraph break (`X stated,` ending one
//!   paragraph, the quotation opening the next).
//!
//! The subject is read backwards from the verb over what can stand between ("has", "also"),
//! an appositive ("Khaled Al-Maeena, editor at large at the Saudi Gazette, said") or an
//! adverbial between commas ("al-Amr, in remarks to television, said"); a relative pronoun
//! ("who had told") stands for the noun before it. Every window is a few tokens of one
//! sentence, so the work is linear in the paragraph.

use super::lexicon::Class;
use super::para::Para;
use super::words::TokKind;

/// A cue: the attributing words, and the words naming the speaker (none when the subject is
/// not there to read, as in "…, saying").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    /// Where the attributing words are.
    pub span: (u32, u32),
    pub speaker: Option<(u32, u32)>,
    /// The token of the verb (or of "according").
    pub verb: usize,
}

/// Longest subject read backwards from a verb, in tokens.
const SUBJECT_MAX: usize = 16;
/// Most tokens between a verb and the quotation it introduces ("told the press in Kabul,").
const BEFORE_QUOTE_MAX: usize = 6;

/// A verb of saying at token `i`, not used as an adjective ("the alleged crime") or a noun
/// ("a blog post", "in a statement"): a bare form ("say", "post", "note") is a verb only
/// after a pronoun or an auxiliary ("we note", "will say").
pub fn is_saying_verb(p: &Para, i: usize) -> bool {
    if !p.has(i, Class::SAY) || i > 0 && p.has(i - 1, Class::DET) {
        return false;
    }
    let w = p.word(i);
    let inflected = w.ends_with('s')
        || w.ends_with("ed")
        || matches!(w, "said" | "told" | "wrote" | "Said" | "Told" | "Wrote");
    inflected || i > 0 && (p.has(i - 1, Class::SUBJECT) || p.has(i - 1, Class::AUX))
}

/// The subject of the verb at token `v`, read backwards; `None` when it is not there or the
/// verb is negated ("have not said") or passive ("was told").
pub fn subject_before(p: &Para, v: usize) -> Option<(u32, u32)> {
    let first = p.sentence_first_tok(v);
    let mut j = v;
    // What stands between a subject and its verb.
    while j > first && p.has(j - 1, Class::AUX) {
        j -= 1;
    }
    if j > first && (p.has(j - 1, Class::NEG) || p.has(j - 1, Class::BE)) {
        return None;
    }
    if j > first && p.is_word(j - 1) && p.word(j - 1).ends_with("n't") {
        return None;
    }
    if j > first && p.is_punct(j - 1, b')') {
        // "The Office for National Statistics (ONS) said": past the brackets.
        let open = (first..j - 1)
            .rev()
            .take(8)
            .find(|&k| p.is_punct(k, b'('))?;
        let (s, _) = head_before(p, open, first)?;
        return Some(p.span(s, j - 1));
    }
    if j > first && p.has(j - 1, Class::RELATIVE) {
        // "Devocht, who had told Montalvo": the subject is the noun before "who".
        j -= 1;
        if j > first && p.is_punct(j - 1, b',') {
            j -= 1;
        }
        let (s, _) = head_before(p, j, first)?;
        return Some(p.span(s, j - 1));
    }
    if j > first && p.has(j - 1, Class::STOP) && p.word(j - 1) == "and" {
        // "Zuckerberg tweeted to Mohamed and said": the subject of the first verb.
        return subject_of_sentence(p, first, j - 1);
    }
    let mut appositive = None;
    if j > first && p.is_punct(j - 1, b',') {
        // "X, editor at large at the Gazette, said" or "X, in remarks to TV, said".
        let close = j - 1;
        let open = (first..close)
            .rev()
            .take(SUBJECT_MAX)
            .take_while(|&k| !is_hard_stop(p, k))
            .find(|&k| p.is_punct(k, b','));
        match open {
            Some(open) => {
                if open + 1 < close && !is_adverbial(p, open + 1) {
                    appositive = Some(p.span(open + 1, close - 1));
                }
                j = open;
            }
            // "The firm Secunia.com, has said": a stray comma after the subject.
            None => j = close,
        }
    }
    let Some((s, stopped_at_comma)) = head_before(p, j, first) else {
        return appositive;
    };
    let mut start = s;
    if stopped_at_comma {
        // "Malaysia's Prime Minister, Najib Razak said": the part before the comma names the
        // same person, unless it is an adverbial ("Of the process, he said").
        let comma = s - 1;
        if let Some((s2, _)) = head_before(p, comma, first)
            && !is_adverbial(p, s2)
            && comma - s2 <= 6
        {
            start = s2;
        }
    }
    let end = appositive.map_or(p.toks[j - 1].end, |(_, e)| e);
    Some((p.toks[start].start, end))
}

/// The noun phrase that opens the sentence (after an adverbial ending in a comma), up to
/// its verb, for a verb whose subject is shared ("X tweeted to Y and said").
fn subject_of_sentence(p: &Para, first: usize, limit: usize) -> Option<(u32, u32)> {
    let mut s = first;
    if is_adverbial(p, s)
        && let Some(c) = (s..limit).find(|&k| p.is_punct(k, b','))
    {
        s = c + 1;
    }
    let mut e = s;
    while e < limit && e - s < SUBJECT_MAX {
        let stop = !p.is_word(e)
            || p.looks_like_past_verb(e)
            || p.has(e, Class::SAY)
            || p.has(e, Class::BE)
            || p.has(e, Class::AUX)
            || (p.has(e, Class::STOP) && !joins_names(p, e))
            || (p.has(e, Class::PREP) && !p.toks[e].upper && !joins_names(p, e));
        if stop {
            break;
        }
        e += 1;
    }
    (e > s).then(|| p.span(s, e - 1))
}

/// "and" or "of" between two capitalised words is part of a name ("The Globe and Mail").
fn joins_names(p: &Para, k: usize) -> bool {
    k > 0 && p.toks[k - 1].upper && p.toks.get(k + 1).is_some_and(|t| t.upper)
}

/// The noun phrase that ends just before token `j`: `(first token, stopped at a comma)`.
fn head_before(p: &Para, j: usize, first: usize) -> Option<(usize, bool)> {
    let mut s = j;
    while s > first && j - s < SUBJECT_MAX {
        let k = s - 1;
        if p.is_punct(k, b',') {
            return (s < j).then_some((s, true));
        }
        if is_hard_stop(p, k)
            || (p.has(k, Class::STOP) && !joins_names(p, k))
            || p.looks_like_past_verb(k)
        {
            break;
        }
        if p.has(k, Class::SAY) || p.has(k, Class::BE) {
            break;
        }
        s = k;
    }
    (s < j).then_some((s, false))
}

/// Punctuation and marks that no subject runs across.
fn is_hard_stop(p: &Para, k: usize) -> bool {
    match p.toks[k].kind {
        TokKind::Word | TokKind::Punct(b',') | TokKind::Other => false,
        TokKind::Punct(b'.') => p.ends_sentence(k),
        _ => true,
    }
}

/// A segment that says when, where or how rather than who ("in remarks to television",
/// "on Tuesday", "according to the Herald").
fn is_adverbial(p: &Para, i: usize) -> bool {
    p.has(i, Class::PREP)
        || p.has(i, Class::TIME)
        || p.has(i, Class::ACCORDING)
        || p.has(i, Class::PARTICIPLE)
        || (p.is_word(i) && !p.toks[i].upper && p.word(i).ends_with("ing"))
}

/// The noun phrase after token `i` ("said Ambassador Mohib", "said a spokesman for the
/// ministry"), up to a stop, a clause word or an adverbial.
pub fn phrase_after(p: &Para, i: usize) -> Option<(u32, u32)> {
    // A verb that ends the paragraph ("…, said") has nothing after it.
    if i >= p.toks.len() {
        return None;
    }
    let end = p.sentence_end_tok(i).max(i);
    let mut k = i;
    while k < end && k - i < 10 {
        let t = &p.toks[k];
        let stop = match t.kind {
            TokKind::Word => {
                let w = p.word(k);
                (p.has(k, Class::STOP) || p.has(k, Class::PREP) || p.has(k, Class::SAY))
                    && w != "of"
                    && w != "for"
            }
            TokKind::Punct(b'.') => p.ends_sentence(k),
            TokKind::Other => false,
            _ => true,
        };
        if stop {
            break;
        }
        k += 1;
    }
    (k > i && !p.has(i, Class::AUX)).then(|| p.span(i, k - 1))
}

/// A cue after quotation `q` (its closing mark ends at `after`).
pub fn after_quote(p: &Para, q: usize) -> Option<Cue> {
    let quote = &p.quotes[q];
    if !quote.is_closed() {
        return None;
    }
    let mut k = p.tok_from(quote.after);
    if p.is_punct(k, b',') {
        k += 1;
    }
    let tok = p.toks.get(k)?;
    // "…" – Matthew Ingram, ending the paragraph: an epigraph's attribution.
    if tok.kind == TokKind::Dash {
        let name = k + 1;
        let last = p.toks.len();
        if name < last
            && last - name <= 6
            && (name..last).all(|i| p.toks[i].upper || p.is_punct(i, b'.') || !p.is_word(i))
        {
            return Some(Cue {
                span: (tok.start, tok.end),
                speaker: Some(p.span(name, last - 1)),
                verb: k,
            });
        }
        return None;
    }
    // Before the quotation, a determiner makes it a name inside a noun phrase: `the
    // "History" section explains`.
    let before = p.toks_before(quote.open);
    if before > 0 && p.has(before - 1, Class::DET) {
        return None;
    }
    let ended = ends_a_sentence(p.text, quote);
    // `"…," said X`
    if is_saying_verb(p, k) && !ended {
        let speaker = phrase_after(p, k + 1)?;
        return Some(Cue {
            span: (tok.start, tok.end),
            speaker: Some(speaker),
            verb: k,
        });
    }
    // `"…," X said`: the verb within a few tokens of the same sentence.
    let first = k;
    let stop = p.sentence_end_tok(first).max(first);
    let v = (first..stop.min(first + SUBJECT_MAX)).find(|&i| {
        is_saying_verb(p, i) || p.toks[i].kind == TokKind::Mark || is_clause_punct(p, i)
    })?;
    if !is_saying_verb(p, v) || v == first {
        return None;
    }
    let mut e = v;
    while e > first && p.has(e - 1, Class::AUX) {
        e -= 1;
    }
    while e > first && p.is_punct(e - 1, b',') {
        e -= 1;
    }
    if e == first || p.has(first, Class::STOP) || p.has(first, Class::PREP) {
        return None;
    }
    if (first..e).any(|i| p.has(i, Class::BE) || p.has(i, Class::NEG)) {
        return None;
    }
    // After a quotation that ends its sentence ("…time." Rathbun asserted that …), only a
    // cue that is the whole next sentence belongs to it ("…time." Smith said.).
    if ended && !(v + 1 >= stop || p.is_punct(v + 1, b'.') || p.is_punct(v + 1, b',')) {
        return None;
    }
    Some(Cue {
        span: (p.toks[v].start, p.toks[v].end),
        speaker: Some(p.span(first, e - 1)),
        verb: v,
    })
}

fn is_clause_punct(p: &Para, i: usize) -> bool {
    matches!(
        p.toks[i].kind,
        TokKind::Punct(b';' | b':' | b'(' | b')' | b'!' | b'?')
    )
}

/// Whether the quoted words end with a full stop (not a comma, question or exclamation mark,
/// which a cue can follow in the same sentence: `"Why?" he asked`).
fn ends_a_sentence(text: &str, q: &super::pairing::Quoted) -> bool {
    text[q.start as usize..q.end as usize]
        .trim_end_matches(['"', '\'', '”', '’', ')'])
        .ends_with('.')
}

/// A cue before quotation `q`: a verb of saying a few tokens before its opening mark,
/// usually with a comma or colon just before the mark.
pub fn before_quote(p: &Para, q: usize) -> Option<Cue> {
    let quote = &p.quotes[q];
    let n = p.toks_before(quote.open);
    if n == 0 {
        return None;
    }
    let mut k = n - 1;
    let punct = p.is_punct(k, b',') || p.is_punct(k, b':');
    if punct {
        if k == 0 {
            return None;
        }
        k -= 1;
    }
    if let Some(cue) = words_of(p, k) {
        return Some(cue);
    }
    let first = p.sentence_first_tok(k);
    let low = first.max(k.saturating_sub(BEFORE_QUOTE_MAX));
    let v = (low..=k)
        .rev()
        .take_while(|&i| p.is_word(i) && (i == k || !p.has(i, Class::STOP) || p.is_that(i)))
        .find(|&i| is_saying_verb(p, i) || p.has(i, Class::PARTICIPLE))?;
    if p.is_that(v + 1) || (v + 1..=k).any(|i| p.is_that(i)) {
        return None;
    }
    let gap = k - v;
    let participle = p.has(v, Class::PARTICIPLE);
    if !punct && gap > 0 && !(participle && gap <= 4) {
        return None;
    }
    Some(Cue {
        span: (p.toks[v].start, p.toks[v].end),
        speaker: subject_before(p, v),
        verb: v,
    })
}

/// `in the words of X,` just before a quotation (token `k` is the last before the comma).
fn words_of(p: &Para, k: usize) -> Option<Cue> {
    let first = p.sentence_first_tok(k);
    let low = first.max(k.saturating_sub(8));
    let of = (low..k)
        .rev()
        .find(|&i| p.word(i).eq_ignore_ascii_case("of") && i > 0 && p.word(i - 1) == "words")?;
    let cue_start = if of >= 3 && p.word(of - 3).eq_ignore_ascii_case("in") {
        of - 3
    } else {
        of - 1
    };
    Some(Cue {
        span: p.span(cue_start, of),
        speaker: Some(p.span(of + 1, k)),
        verb: of,
    })
    .filter(|_| of < k)
}

/// A cue that ends the paragraph and announces a quotation in the next one: `Rathbun
/// stated,` / `Obama tweeted using his account:`.
pub fn at_paragraph_end(p: &Para) -> Option<Cue> {
    let last = p.toks.len().checked_sub(1)?;
    if !(p.is_punct(last, b',') || p.is_punct(last, b':')) || last == 0 {
        return None;
    }
    if p.quote_around(p.toks[last].start).is_some() {
        return None;
    }
    let k = last - 1;
    let first = p.sentence_first_tok(k);
    let low = first.max(k.saturating_sub(BEFORE_QUOTE_MAX));
    let v = (low..=k)
        .rev()
        .take_while(|&i| p.is_word(i) && (i == k || !p.has(i, Class::STOP)))
        .find(|&i| is_saying_verb(p, i))?;
    Some(Cue {
        span: (p.toks[v].start, p.toks[v].end),
        speaker: subject_before(p, v),
        verb: v,
    })
}
