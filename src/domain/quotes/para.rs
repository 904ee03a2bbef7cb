//! One paragraph as the cue rules read it: its tokens, its sentences (with quotations kept
//! whole) and its direct quotations, with the small questions the rules ask of them.

use std::cell::Cell;

use super::lexicon::{Class, class_in};
use super::pairing::Quoted;
use super::words::{Tok, TokKind};

/// A class not looked up yet.
pub const UNKNOWN: u32 = u32::MAX;

pub struct Para<'a> {
    pub text: &'a str,
    pub toks: &'a [Tok],
    /// Each token's class once asked for ([`UNKNOWN`] before), one cell a token.
    pub classes: &'a [Cell<u32>],
    /// Sentence ranges; a sentence never ends inside a quotation.
    pub sentences: &'a [(u32, u32)],
    pub quotes: &'a [Quoted],
}

impl Para<'_> {
    pub fn word(&self, i: usize) -> &str {
        let t = &self.toks[i];
        &self.text[t.start as usize..t.end as usize]
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokKind::Word)
    }

    pub fn has(&self, i: usize, c: Class) -> bool {
        self.is_word(i) && self.class(i).has(c)
    }

    /// What word `i` can do in a cue, looked up the first time it is asked.
    // Inlined where the rules ask (most asks are of words asked about before); the look-up
    // itself is not.
    #[inline]
    pub fn class(&self, i: usize) -> Class {
        match self.classes[i].get() {
            UNKNOWN => self.look_up(i),
            bits => Class::from_bits(bits),
        }
    }

    #[inline(never)]
    fn look_up(&self, i: usize) -> Class {
        let t = &self.toks[i];
        let class = class_in(self.text.as_bytes(), t.start as usize, t.end as usize);
        self.classes[i].set(class.bits());
        class
    }

    pub fn is_punct(&self, i: usize, p: u8) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == TokKind::Punct(p))
    }

    /// The word is "that" in lower case (the conjunction, not "That" opening a sentence).
    pub fn is_that(&self, i: usize) -> bool {
        self.is_word(i) && self.word(i) == "that"
    }

    /// The first token that starts at or after `offset`.
    pub fn tok_from(&self, offset: u32) -> usize {
        self.toks.partition_point(|t| t.start < offset)
    }

    /// The number of tokens that end at or before `offset` (the token before is this - 1).
    pub fn toks_before(&self, offset: u32) -> usize {
        self.toks.partition_point(|t| t.end <= offset)
    }

    /// The sentence that holds `offset` (or the one after it, between sentences).
    pub fn sentence_of(&self, offset: u32) -> (u32, u32) {
        let i = self.sentences.partition_point(|&(_, e)| e <= offset);
        self.sentences
            .get(i)
            .copied()
            .unwrap_or((offset, self.text.len() as u32))
    }

    /// The first token of the sentence that holds token `i`.
    pub fn sentence_first_tok(&self, i: usize) -> usize {
        let (s, _) = self.sentence_of(self.toks[i].start);
        self.tok_from(s)
    }

    /// One past the last token of the sentence that holds token `i`.
    pub fn sentence_end_tok(&self, i: usize) -> usize {
        let (_, e) = self.sentence_of(self.toks[i].start);
        self.toks_before(e)
    }

    /// Whether a sentence ends right after token `i`.
    pub fn ends_sentence(&self, i: usize) -> bool {
        let end = self.toks[i].end;
        let k = self.sentences.partition_point(|&(_, e)| e < end);
        self.sentences.get(k).is_some_and(|&(_, e)| e == end) || i + 1 == self.toks.len()
    }

    /// The direct quotation whose marks hold byte `offset`, if any.
    pub fn quote_around(&self, offset: u32) -> Option<usize> {
        let i = self.quotes.partition_point(|q| q.open <= offset);
        (i > 0 && offset < self.quotes[i - 1].after).then(|| i - 1)
    }

    /// A lower-case word ending in "ed" that is no known word: most likely a verb in the past
    /// ("arrived", "tweeted"), which ends a subject read backwards.
    pub fn looks_like_past_verb(&self, i: usize) -> bool {
        if !self.is_word(i) || self.toks[i].upper || self.class(i) != Class::default() {
            return false;
        }
        let w = self.word(i);
        w.len() >= 4 && w.ends_with("ed")
    }

    /// The byte range from the start of token `a` to the end of token `b` (inclusive).
    pub fn span(&self, a: usize, b: usize) -> (u32, u32) {
        (self.toks[a].start, self.toks[b].end)
    }
}

/// Sentence ranges of `text`, with any sentence that ends inside a quotation joined to the
/// next: a quotation of several sentences is one piece of its sentence.
pub fn sentences(text: &str, quotes: &[Quoted], out: &mut Vec<(u32, u32)>) {
    join_quoted(
        crate::domain::sentences::split(text.as_bytes(), 0..text.len()),
        quotes,
        out,
    );
}

/// [`sentences`] from the sentence ranges of the paragraph, split already.
pub fn join_quoted(
    split: impl Iterator<Item = std::ops::Range<usize>>,
    quotes: &[Quoted],
    out: &mut Vec<(u32, u32)>,
) {
    out.clear();
    for r in split {
        let (s, e) = (r.start as u32, r.end as u32);
        // Quotations do not overlap, so the one that may hold `at` is the last opened before.
        let inside = |at: u32| {
            let i = quotes.partition_point(|q| q.open < at);
            i > 0 && at < quotes[i - 1].after
        };
        match out.last_mut() {
            Some(last) if inside(last.1) => last.1 = e,
            _ => out.push((s, e)),
        }
    }
}
