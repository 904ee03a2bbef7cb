//! The entities in focus: their mentions in the last few sentences, newest last, with what a
//! resolver weighs (which sentence, whether the mention is the sentence's subject, whether it
//! is inside a quotation).

/// A mention the resolver has seen: a name, or a pronoun or description it linked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seen {
    pub entity: u32,
    pub start: u32,
    /// The sentence's number in this window (counting from the window's start).
    pub sentence: u32,
    /// The first thing the sentence speaks of, or followed by a verb of saying: what a
    /// pronoun in the next sentence most likely means.
    pub subject: bool,
    /// For a name not known to be the subject by where it stands: where it ends and where its
    /// sentence ends, to look whether a verb of saying follows it. Asked only of the few
    /// names a pronoun weighs that way, not of every name.
    pub acts_if: Option<(u32, u32)>,
    /// The quotation it stands in (an index into the quotation spans), if any.
    pub quote: Option<u32>,
    /// It only qualifies something else: a possessive ("his", "Carter's"), or the source of
    /// a report ("according to X"). Read after the sentence's other mentions.
    pub aside: bool,
}

/// How many sentences back a mention stays in focus (the current one is 0).
pub const SENTENCES_BACK: u32 = 3;

/// At most this many mentions are kept: a sentence listing hundreds of names must not make
/// every look-up slow.
const MAX_SEEN: usize = 48;

#[derive(Debug, Default)]
pub struct Focus {
    seen: Vec<Seen>,
}

impl Focus {
    pub fn clear(&mut self) {
        self.seen.clear();
    }

    pub fn push(&mut self, s: Seen) {
        if self.seen.len() == MAX_SEEN {
            self.seen.remove(0);
        }
        self.seen.push(s);
    }

    /// Forgets what is older than the focus reaches from sentence `now`.
    pub fn age(&mut self, now: u32) {
        self.seen
            .retain(|s| now.saturating_sub(s.sentence) <= SENTENCES_BACK);
    }

    /// The mentions of sentence `sentence` before byte `before`, in the order of the text.
    pub fn in_sentence(&self, sentence: u32, before: u32) -> impl Iterator<Item = &Seen> + '_ {
        self.seen
            .iter()
            .filter(move |s| s.sentence == sentence && s.start < before)
    }

    /// Every mention in focus before byte `before`, newest first.
    pub fn newest_first(&self, before: u32) -> impl Iterator<Item = &Seen> + '_ {
        self.seen.iter().rev().filter(move |s| s.start < before)
    }
}
