//! One line as the name finder sees it: its tokens and knowledge, with the lookups the rules
//! share (gazetteer names, titles, kind words).

use std::borrow::Cow;
use std::cell::Cell;

use super::candidate::{Candidate, Reading};
use super::knowledge::{Knowledge, LowerWord, NameRef, Word, join_tokens, word};
use super::tables::is_capitalised_form;
use super::token::{Shape, Token};

/// Kind words that type a name only as its last word: "Leeds United" but not "United States
/// Representative".
pub(super) const LAST_ONLY: &[&str] = &[
    "United",
    "Rovers",
    "Wanderers",
    "Athletic",
    "Athletics",
    "City",
    "Town",
    "Union",
    "Capital",
];

/// `'t` is the text's lifetime, which the candidates' keys borrow; `'a` that of the rest.
pub(super) struct Line<'a, 't> {
    pub(super) text: &'t str,
    pub(super) toks: &'a [Token],
    pub(super) base: usize,
    pub(super) k: &'a Knowledge,
    /// The last gazetteer lookups: the run finder, the leading-word stripper and the
    /// segmenter ask the same ones over again. Replaced in turn (`memo_next`); the questions
    /// are packed into one number each ([`memo_key`]) so that finding one is a few compares.
    memo_keys: [Cell<u64>; MEMO],
    memo_found: [Cell<u64>; MEMO],
    memo_next: Cell<usize>,
    /// The line with its ASCII letters in lower case (same byte offsets): the lower case of
    /// an ASCII word is a slice, not a new string.
    ascii_lower: &'a str,
    /// What the knowledge says of each token, looked up on first need: the rules ask the same
    /// questions of a word many times over (is it a function word, a title, a given name).
    facts: &'a [Cell<Facts>],
    /// The facts of the words of the lines before ([`memo`]).
    memo: &'a [memo::Set],
}

/// Gazetteer lookups remembered per line.
const MEMO: usize = 4;

/// A gazetteer question (`from`, `to`, `caps`) as one number. An empty slot holds 0, the
/// question of no words (from 0 to 0), whose answer is its `None`.
fn memo_key(from: usize, to: usize, caps: bool) -> u64 {
    (from as u64) << 33 | (to as u64) << 1 | u64::from(caps)
}

/// A gazetteer answer as one number ([`memo_key`]'s answer): 0 for none, else the words'
/// count above the entry's id, with its demonym flag between. Stored and read whole, where an
/// `Option` of the pair was written a field at a time and read back at once, a load the
/// stores could not forward.
fn pack_found(found: Option<(usize, NameRef)>) -> u64 {
    found.map_or(0, |(n, r)| {
        (n as u64) << 33 | u64::from(r.demonym) << 32 | u64::from(r.canon)
    })
}

fn unpack_found(packed: u64) -> Option<(usize, NameRef)> {
    (packed != 0).then_some((
        (packed >> 33) as usize,
        NameRef {
            canon: packed as u32,
            demonym: packed >> 32 & 1 != 0,
        },
    ))
}

/// The buffers a [`Line`] keeps its lower case and facts in, reused from line to line.
#[derive(Default)]
pub struct Scratch {
    ascii_lower: String,
    facts: Vec<Cell<Facts>>,
    memo: memo::Memo,
}

/// What the word lists say of one token ([`Knowledge::word`]), as written and in lower case,
/// and the gazetteer entry it names alone, each looked up on first need.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Facts {
    /// Which of the three are looked up: [`WRITTEN`], [`LOWERED`], [`NAMED`]; and whether
    /// the word names an entry ([`HAS_NAME`]) or is a contracted function word
    /// ([`CONTRACTED`]).
    asked: u8,
    written: u16,
    lowered: Word,
    /// The entry the word names, if [`HAS_NAME`]. Kept apart from its flag, not as an
    /// `Option`, so that facts known of nothing are all zero bytes: the facts of every token
    /// of a line are reset to that, which is then a plain fill of zeros.
    canon: u32,
    demonym: bool,
}

impl Facts {
    fn name(&self) -> Option<NameRef> {
        (self.asked & HAS_NAME != 0).then_some(NameRef {
            canon: self.canon,
            demonym: self.demonym,
        })
    }

    /// Records the name looked up (marking it asked).
    fn set_name(&mut self, name: Option<NameRef>) {
        self.asked |= NAMED;
        if let Some(r) = name {
            self.asked |= HAS_NAME;
            self.canon = r.canon;
            self.demonym = r.demonym;
        }
    }
}

const WRITTEN: u8 = 1;
const LOWERED: u8 = 2;
const NAMED: u8 = 4;
const HAS_NAME: u8 = 8;
/// Known with [`LOWERED`]: the word is a function word contracted ("I'll", "It's").
const CONTRACTED: u8 = 16;

impl<'a, 't: 'a> Line<'a, 't> {
    pub(super) fn new(
        text: &'t str,
        toks: &'a [Token],
        base: usize,
        k: &'a Knowledge,
        scratch: &'a mut Scratch,
    ) -> Self {
        scratch.ascii_lower.clear();
        scratch.ascii_lower.push_str(text);
        scratch.ascii_lower.make_ascii_lowercase();
        scratch.facts.clear();
        scratch.facts.resize(toks.len(), Cell::default());
        Line {
            text,
            toks,
            base,
            k,
            memo_keys: Default::default(),
            memo_found: Default::default(),
            memo_next: Cell::new(0),
            ascii_lower: &scratch.ascii_lower,
            facts: &scratch.facts,
            memo: scratch.memo.for_knowledge(k),
        }
    }

    /// The lists that hold word `i` as written ([`word`] bits).
    #[inline]
    fn written(&self, i: usize) -> u16 {
        match self.facts.get(i) {
            Some(cell) if cell.get().asked & WRITTEN != 0 => cell.get().written,
            _ => self.written_looked_up(i),
        }
    }

    /// [`Line::written`] not known yet. Apart, so that what is known is read inline.
    #[inline(never)]
    fn written_looked_up(&self, i: usize) -> u16 {
        match self.facts.get(i) {
            Some(cell) => self.look_up(cell, i, WRITTEN).written,
            None => self.k.word(self.word(i)).bits,
        }
    }

    /// What the lists say of word `i` in lower case.
    #[inline]
    fn lowered(&self, i: usize) -> Word {
        self.lowered_facts(i).lowered
    }

    /// The facts of word `i`, what they say of it in lower case known.
    #[inline]
    fn lowered_facts(&self, i: usize) -> Facts {
        match self.facts.get(i) {
            Some(cell) if cell.get().asked & LOWERED != 0 => cell.get(),
            _ => self.lowered_looked_up(i),
        }
    }

    /// [`Line::lowered_facts`] not known yet. Apart, so that what is known is read inline.
    #[inline(never)]
    fn lowered_looked_up(&self, i: usize) -> Facts {
        match self.facts.get(i) {
            Some(cell) => self.look_up(cell, i, LOWERED),
            None => {
                let mut facts = Facts {
                    asked: LOWERED,
                    lowered: self.k.word(&self.lower(i)),
                    ..Facts::default()
                };
                self.note_contraction(&mut facts, i);
                facts
            }
        }
    }

    /// The gazetteer entry word `i` names alone, as written.
    #[inline]
    fn named(&self, i: usize) -> Option<NameRef> {
        match self.facts.get(i) {
            Some(cell) if cell.get().asked & NAMED != 0 => cell.get().name(),
            Some(cell) => self.look_up(cell, i, NAMED).name(),
            None => self.k.name(self.word(i)),
        }
    }

    /// Looks word `i` up as `form` says, and in the other forms too when one lookup answers
    /// them: a word in lower case is its own lower case, and the lower case of a capitalised
    /// word ("Madrid", most words asked about) holds what is known of it as written.
    fn look_up(&self, cell: &Cell<Facts>, i: usize, form: u8) -> Facts {
        let mut facts = cell.get();
        let key = memo::Key::of(self.bytes(i));
        if let Some(key) = key
            && facts.asked == 0
            && let Some(known) = memo::get(self.memo, key)
        {
            facts = known;
            if facts.asked & form != 0 {
                cell.set(facts);
                return facts;
            }
        }
        let lowered_before = facts.asked & (LOWERED | CONTRACTED);
        let mut facts = self.look_up_in_lists(facts, i, form);
        if lowered_before != 0 {
            facts.asked |= lowered_before;
        } else if facts.asked & LOWERED != 0 {
            self.note_contraction(&mut facts, i);
        }
        cell.set(facts);
        if let Some(key) = key {
            memo::put(self.memo, key, facts);
        }
        facts
    }

    /// Marks `facts` of word `i` [`CONTRACTED`] if the word is a contracted function word:
    /// asked with what is known of it in lower case, so that the memo keeps it too.
    fn note_contraction(&self, facts: &mut Facts, i: usize) {
        // Only a word with an apostrophe (ASCII, or the first byte of "’") is contracted.
        let apostrophe = |b: &u8| *b == b'\'' || *b == 0xE2;
        if self.bytes(i).iter().any(apostrophe)
            && without_contraction(&self.lower(i)).is_some_and(|stem| self.k.is_function_word(stem))
        {
            facts.asked |= CONTRACTED;
        }
    }

    /// [`Line::look_up`] in the word lists, adding to `facts`.
    fn look_up_in_lists(&self, mut facts: Facts, i: usize, form: u8) -> Facts {
        let t = self.toks[i];
        // Bytes, not text: the most common case needs no char-boundary checks.
        if is_capitalised_form(self.bytes(i)) {
            let lower = self.ascii_lower.as_bytes().get(t.start..t.end);
            let found = self.k.capitalised(lower.unwrap_or(&[]));
            facts = Facts {
                asked: WRITTEN | LOWERED,
                written: found.written,
                lowered: found.lowered,
                ..Facts::default()
            };
            facts.set_name(found.name);
            return facts;
        }
        let written = self.text.get(t.start..t.end).unwrap_or("");
        if form == NAMED {
            facts.set_name(self.k.name(written));
            return facts;
        }
        let ascii = written.is_ascii();
        let capital = ascii && has_ascii_capital(t.shape, written);
        // In ASCII the lower case is a slice of the line in lower case, and the word itself
        // when it has no capital.
        let lower = match (ascii, capital) {
            (true, false) => Cow::Borrowed(written),
            (true, true) => Cow::Borrowed(self.ascii_lower.get(t.start..t.end).unwrap_or("")),
            (false, _) => self.lower(i),
        };
        if (ascii && !capital) || !ascii && *lower == *written {
            let found = self.k.word(written);
            facts.asked |= WRITTEN | LOWERED;
            facts.written = found.bits;
            facts.lowered = found;
        } else if form == WRITTEN {
            facts.written = self.k.word(written).bits;
            facts.asked |= WRITTEN;
        } else {
            facts.lowered = self.k.word(&lower);
            facts.asked |= LOWERED;
        }
        facts
    }

    /// Word `i` in lower case as a common word, if it is one.
    pub(super) fn common(&self, i: usize) -> Option<LowerWord> {
        self.lowered(i).common()
    }

    /// Whether word `i` as written is a given name.
    pub(super) fn is_given_name(&self, i: usize) -> bool {
        self.written(i) & word::GIVEN_NAME != 0
    }

    pub(super) fn is_surname(&self, i: usize) -> bool {
        self.written(i) & word::SURNAME != 0
    }

    /// Whether word `i` as written is an organisation, place or event word.
    pub(super) fn is_kind_word(&self, i: usize) -> bool {
        self.written(i) & word::KIND_WORD != 0
    }

    pub(super) fn is_org_word(&self, i: usize) -> bool {
        self.written(i) & word::ORG_WORD != 0
    }

    pub(super) fn is_place_word(&self, i: usize) -> bool {
        self.written(i) & word::PLACE_WORD != 0
    }

    pub(super) fn is_event_word(&self, i: usize) -> bool {
        self.written(i) & word::EVENT_WORD != 0
    }

    /// Whether word `i` in lower case is a title of one word.
    pub(super) fn is_title_word(&self, i: usize) -> bool {
        self.lowered(i).is(word::TITLE)
    }

    /// Whether word `i` in lower case is a function word, as written (not contracted).
    pub(super) fn is_plain_function_word(&self, i: usize) -> bool {
        self.lowered(i).is(word::FUNCTION_WORD)
    }

    pub(super) fn word(&self, i: usize) -> &'t str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    /// The bytes of token `i` (none past the end): enough to test its letters, without the
    /// char-boundary checks that slicing the text as a `str` makes ([`Line::word`]).
    #[inline]
    pub(super) fn bytes(&self, i: usize) -> &'t [u8] {
        self.toks.get(i).map_or(&[], |t| {
            self.text.as_bytes().get(t.start..t.end).unwrap_or(&[])
        })
    }

    /// Whether token `i` is `w`. The rules ask this of many tokens ("&", ":", "of"): most are
    /// told apart by their length, without reading them.
    #[inline]
    pub(super) fn word_is(&self, i: usize, w: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.end - t.start == w.len())
            && self.bytes(i) == w.as_bytes()
    }

    /// Tokens `from..to` joined by single spaces, the key names are looked up by.
    pub(super) fn key(&self, from: usize, to: usize) -> Cow<'t, str> {
        if to == from + 1 {
            // One word, the commonest key: itself.
            return Cow::Borrowed(self.word(from));
        }
        joined(self.text, &self.toks[from..to])
    }

    /// The key of tokens `from..to` in lower case.
    pub(super) fn lower_key(&self, from: usize, to: usize) -> Cow<'a, str> {
        let span = self.span(from, to);
        if !span
            .bytes()
            .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
        {
            // Already lower case, like most words: no copy at all.
            joined(self.text, &self.toks[from..to])
        } else if span.is_ascii() {
            joined(self.ascii_lower, &self.toks[from..to])
        } else {
            Cow::Owned(self.key(from, to).to_lowercase())
        }
    }

    /// Word `i` with its ASCII letters in lower case (nothing past the end): its lower case
    /// if it is ASCII.
    pub(super) fn ascii_lowered(&self, i: usize) -> &'a str {
        self.toks
            .get(i)
            .map_or("", |t| self.ascii_lower.get(t.start..t.end).unwrap_or(""))
    }

    /// Word `i` in lower case.
    /// Nothing past the end, as for [`Line::word`]: rules look one word ahead of a run that
    /// may end the line ("Ash Carter," alone on a line).
    pub(super) fn lower(&self, i: usize) -> Cow<'a, str> {
        let Some(&t) = self.toks.get(i) else {
            return Cow::Borrowed("");
        };
        // The word with its ASCII letters in lower case: the whole answer unless another of
        // its letters has a lower case of its own ("Ö", not "é").
        let ascii_lowered = self.ascii_lower.get(t.start..t.end).unwrap_or("");
        let lower_already = |c: char| {
            if c <= '\u{FF}' {
                // Latin-1: the capitals are À to Þ, but for ×.
                return !('\u{C0}'..='\u{DE}').contains(&c) || c == '\u{D7}';
            }
            let mut lower = c.to_lowercase();
            lower.next() == Some(c) && lower.next().is_none()
        };
        if ascii_lowered.is_ascii() || ascii_lowered.chars().all(lower_already) {
            Cow::Borrowed(ascii_lowered)
        } else {
            Cow::Owned(self.word(i).to_lowercase())
        }
    }

    /// The text from the start of token `from` to the end of token `to - 1`.
    fn span(&self, from: usize, to: usize) -> &'t str {
        match (
            self.toks.get(from),
            to.checked_sub(1).and_then(|l| self.toks.get(l)),
        ) {
            (Some(a), Some(b)) if a.start <= b.end => self.text.get(a.start..b.end).unwrap_or(""),
            _ => "",
        }
    }

    /// Whether token `i` is a function word, contracted ones too ("I'll", "It's", "We're").
    pub(super) fn is_function_word(&self, i: usize) -> bool {
        let facts = self.lowered_facts(i);
        facts.lowered.is(word::FUNCTION_WORD) || facts.asked & CONTRACTED != 0
    }

    /// The longest title starting at `from` and ending by `to`, in words.
    pub(super) fn title_at(&self, from: usize, to: usize) -> Option<usize> {
        if from >= to {
            return None;
        }
        // Longer titles are tried only after a word that starts one: most words start none.
        if self.lowered(from).is(word::TITLE_FIRST) {
            let max = self.k.max_title_words.min(to - from);
            if let Some(n) = (2..=max)
                .rev()
                .find(|&n| self.is_title_of_words(from, from + n))
            {
                return Some(n);
            }
        }
        self.is_title_word(from).then_some(1)
    }

    /// Whether words `from..to` in lower case are a title ([`Knowledge::is_title`]), written
    /// out only when the last word ends one: most words end none. (A possessive is written
    /// attached to the word before it, so a key ending with one is looked up in full.)
    pub(super) fn is_title_of_words(&self, from: usize, to: usize) -> bool {
        let last = to.saturating_sub(1);
        let may_end_one = self
            .toks
            .get(last)
            .is_some_and(|t| t.shape == Shape::Possessive)
            || self.lowered(last).is(word::TITLE_LAST);
        to > from && may_end_one && self.k.is_title(&self.lower_key(from, to))
    }

    /// Word `i` starts a sentence and is a common word, or an adverb or gerund however rare
    /// ("Cajoling"): its capital says nothing.
    pub(super) fn common_at_sentence_start(&self, i: usize) -> bool {
        if !self.toks[i].sentence_start {
            return false;
        }
        self.common(i)
            .is_some_and(|lw| lw.zipf >= 2.5 || !lw.also_name && adverb_or_gerund(&self.lower(i)))
    }

    pub(super) fn has_kind_word(&self, from: usize, to: usize) -> bool {
        // The word's own bit first: few words are kind words, fewer still `LAST_ONLY`.
        (from..to)
            .any(|i| self.is_kind_word(i) && !(i + 1 < to && LAST_ONLY.contains(&self.word(i))))
    }

    pub(super) fn candidate(&self, from: usize, to: usize, reading: Reading) -> Candidate<'t> {
        let (s, e) = (self.toks[from].start, self.toks[to - 1].end);
        Candidate {
            start: self.base + s,
            end: self.base + e,
            key: self.key(from, to),
            reading,
            defines: None,
        }
    }
}

/// Whether an ASCII word has a capital letter: its shape says so for words, which are most
/// tokens asked about; figures and symbols are looked at.
fn has_ascii_capital(shape: Shape, ascii_word: &str) -> bool {
    match shape {
        Shape::Cap | Shape::Upper | Shape::LowerCap => true,
        Shape::Lower => false,
        Shape::Number | Shape::Possessive | Shape::Punct => {
            ascii_word.bytes().any(|b| b.is_ascii_uppercase())
        }
    }
}

/// Tokens joined by single spaces, borrowed from `text` where they already are.
fn joined<'t>(text: &'t str, toks: &[Token]) -> Cow<'t, str> {
    let b = text.as_bytes();
    let single_spaced = toks.windows(2).all(|w| {
        w[1].start == w[0].end + 1
            && b.get(w[0].end) == Some(&b' ')
            && w[1].shape != Shape::Possessive
    });
    match (toks.first(), toks.last()) {
        (Some(first), Some(last)) if single_spaced => {
            Cow::Borrowed(text.get(first.start..last.end).unwrap_or(""))
        }
        _ => Cow::Owned(join_tokens(text, toks)),
    }
}

/// "NEW" → "New": how a word in capitals is written in the gazetteer, most likely.
pub(super) fn title_word(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    for (i, c) in w.chars().enumerate() {
        if i == 0 {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

pub(super) fn has_kind_word_at(line: &Line, i: usize) -> bool {
    line.is_kind_word(i)
}

/// Whether word `i` is a common English word in lower case ("Love", "KO", "EP"): at least
/// `zipf` on the Zipf scale.
pub(super) fn common_word(line: &Line, i: usize, zipf: f32) -> bool {
    line.common(i).is_some_and(|lw| lw.zipf >= zipf)
}

/// "Encouragingly", "Cajoling": the shape of a word that opens a sentence, not a name.
pub(super) fn adverb_or_gerund(lower: &str) -> bool {
    lower.len() > 5 && (lower.ends_with("ly") || lower.ends_with("ing"))
}

/// `word` without a contraction's ending ("i'll" → "i", "we’re" → "we"), if it has one.
fn without_contraction(word: &str) -> Option<&str> {
    let (stem, ending) = word.rsplit_once(['\'', '\u{2019}'])?;
    matches!(ending, "ll" | "re" | "ve" | "d" | "m" | "s").then_some(stem)
}

mod gazetteer;
mod memo;

#[cfg(test)]
mod tests;
