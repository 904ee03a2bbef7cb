//! Who said what: the quotations of a document and the entities that said them.
//!
//! Two steps, on either side of clustering and coreference:
//! 1. [`Finder`] reads the text as it is fed (in the pieces extraction reads) and finds
//!    every quotation with the words that attribute it ([`Found`]): direct quotations in
//!    straight, curly or angled double quotes and British single quotes, reported speech
//!    ("X said the talks failed", kind `indirect`), the cue (`said`, `according to`) and the
//!    words naming the speaker ("Khaled Al-Maeena, editor at large at the Saudi Gazette").
//!    Names, titles and scare quotes are found but named by nobody.
//!    A paragraph in the first person with no marks that ends with a name is a pulled
//!    quotation of that name (`pulled`).
//! 2. [`attribute`] gives each quotation its speaker through the entities' mentions: the best
//!    mention inside the speaker's words (a person before an organisation before a country;
//!    pronouns and descriptions once coreference has made them mentions), the previous
//!    quotation's speaker for one that follows it with no cue, and nobody when the text names
//!    nobody — it never guesses. First-person pronouns inside a speaker's quotation become
//!    that speaker's mentions.
//!
//! Locality (for extraction in pieces on several cores): every decision reads one paragraph
//! and what the paragraph before left ([`Carry`]: a quotation left open, a cued quotation or
//! a cue at its end). A paragraph ends at a blank line, after a line longer than
//! [`LONG_LINE`] (one paragraph a line), and at the first line break after each multiple of
//! [`CUT`] bytes when no other break came in the [`CUT_LOOKBACK`] bytes before (text with no
//! paragraphs at all). A piece that starts at a paragraph start and is fed the paragraph
//! before it first (its quotations dropped) finds exactly what one pass finds;
//! [`is_paragraph_start`] tells where those are. (Extraction on several threads runs one
//! finder over the whole text beside the clustering, which needs none of this; a finder per
//! piece would.) Attribution is one linear pass over the found quotations once the entities are
//! known. Everything is linear in the text.

mod attribute;
mod cues;
mod finder;
mod lexicon;
mod marks;
mod pairing;
mod para;
mod paragraph;
mod pulled;
mod reported;
mod titles;
mod verbs;
mod words;

#[cfg(test)]
mod tests;

pub use attribute::{
    Speakers, attribute, attribute_found, attribute_to, direct_speakers, find_speakers, reattribute,
};
pub use finder::{CUT, CUT_LOOKBACK, Finder, LONG_LINE, find, is_paragraph_start};
pub use paragraph::Carry;

use crate::domain::entity::Mention;

/// A byte range of the document, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ByteSpan {
    pub start: u32,
    pub end: u32,
}

impl ByteSpan {
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// Direct (the words in quote marks) or reported ("said that …"). The names returned by
/// [`Kind::as_str`] are part of the `extract --json` interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Direct,
    Indirect,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Indirect => "indirect",
        }
    }
}

/// How a quotation with no cue of its own relates to the quotation before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Link {
    #[default]
    None,
    /// It follows the previous direct quotation directly (`"…," X said. "…"`, or opens the
    /// paragraph after one that ended with a cued quotation): the same speaker.
    Follows,
    /// It goes on with a quotation left open at the end of the paragraph before: the same
    /// quotation, whose cue may come in any of its paragraphs.
    Continues,
}

/// A quotation as the text shows it, before its speaker is looked up among the entities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Found {
    /// The quoted words (without marks), or the reported clause.
    pub start: u32,
    pub end: u32,
    pub kind: Kind,
    /// The attributing words: "said", "according to", a dash before a name.
    pub cue: Option<ByteSpan>,
    /// The words naming the speaker ("he", "the spokeswoman", "Ambassador Mohib").
    pub speaker: Option<ByteSpan>,
    pub link: Link,
}

impl Found {
    pub fn span(&self) -> ByteSpan {
        ByteSpan {
            start: self.start,
            end: self.end,
        }
    }
}

/// A first-person pronoun inside a direct quotation ("I", "my", "we"): a mention of the
/// quotation's speaker once that is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SelfMention {
    pub start: u32,
    pub end: u32,
    /// "we", "us", "our": the speaker's side rather than the speaker.
    pub plural: bool,
}

/// What [`Finder`] finds in a document, in the order of the text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Findings {
    /// Sorted by start (a reported clause before the quotations inside it).
    pub quotes: Vec<Found>,
    /// Sorted by start.
    pub first_person: Vec<SelfMention>,
}

impl Findings {
    /// The spans of the direct quotations, sorted and apart (what coreference reads).
    pub fn direct_spans(&self) -> Vec<std::ops::Range<usize>> {
        self.quotes
            .iter()
            .filter(|f| f.kind == Kind::Direct)
            .map(|f| f.start as usize..f.end as usize)
            .collect()
    }

    /// Appends the findings of the next piece of the same document.
    pub fn extend(&mut self, next: Findings) {
        self.quotes.extend(next.quotes);
        self.first_person.extend(next.first_person);
    }
}

/// A quotation and who said it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    pub start: u32,
    pub end: u32,
    pub kind: Kind,
    pub cue: Option<ByteSpan>,
    /// The speaker: an index into the entities, `None` when the text names nobody.
    pub speaker: Option<u32>,
    /// The mention through which the speaker was found: how the speaker is found again
    /// when the entities change (corrections merge, split and reorder them).
    pub named_by: Option<Mention>,
}

impl Quote {
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    pub fn speaker(&self) -> Option<usize> {
        self.speaker.map(|s| s as usize)
    }
}

/// The quotations of a document, sorted by start (a reported clause before the quotations
/// inside it).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Quotes {
    list: Vec<Quote>,
    /// For each quotation, the one that holds it (a reported clause around a direct
    /// quotation), for lookups by offset.
    /// (`NONE` for none: four bytes a quotation, not eight.)
    parent: Vec<u32>,
}

impl Quotes {
    const NONE: u32 = u32::MAX;

    /// Sorts `list` by start, longer first at the same start.
    pub fn new(mut list: Vec<Quote>) -> Quotes {
        list.sort_by_key(|q| (q.start, std::cmp::Reverse(q.end)));
        let mut parent = Vec::with_capacity(list.len());
        let mut open: Vec<usize> = Vec::new();
        for (i, q) in list.iter().enumerate() {
            while open.last().is_some_and(|&o| list[o].end <= q.start) {
                open.pop();
            }
            parent.push(open.last().map_or(Self::NONE, |&o| o as u32));
            open.push(i);
        }
        Quotes { list, parent }
    }

    /// The innermost quotation that holds byte `offset`.
    pub fn at(&self, offset: usize) -> Option<usize> {
        let offset = u32::try_from(offset).ok()?;
        let n = self.list.partition_point(|q| q.start <= offset);
        // Quotations nest (a direct one inside a reported clause) but do not cross: the
        // holder is the last one started before `offset`, or one of those around it.
        let mut i = n.checked_sub(1)?;
        loop {
            if offset < self.list[i].end {
                return Some(i);
            }
            match self.parent[i] {
                Self::NONE => return None,
                p => i = p as usize,
            }
        }
    }

    /// The quotations said by entity `entity`, in order.
    pub fn by(&self, entity: usize) -> impl Iterator<Item = usize> + '_ {
        self.list
            .iter()
            .enumerate()
            .filter(move |(_, q)| q.speaker() == Some(entity))
            .map(|(i, _)| i)
    }

    /// How many quotations each of `entities` entities said.
    pub fn counts(&self, entities: usize) -> Vec<u32> {
        let mut out = vec![0; entities];
        for s in self.list.iter().filter_map(Quote::speaker) {
            if let Some(n) = out.get_mut(s) {
                *n += 1;
            }
        }
        out
    }

    pub fn as_slice(&self) -> &[Quote] {
        &self.list
    }

    pub(crate) fn as_mut_slice(&mut self) -> &mut [Quote] {
        &mut self.list
    }
}

/// Whether a word is a first-person pronoun ("I", "my", "we"), and if so whether plural:
/// what a speaker calls themself inside their quotation. A lower-case "i" (a list's) and
/// "US" (a country) are not.
pub fn first_person(word: &str) -> Option<bool> {
    if word.is_empty() {
        return None;
    }
    let class = lexicon::class_of(word);
    let singular = class.has(lexicon::Class::FIRST_SINGULAR);
    if !singular && !class.has(lexicon::Class::FIRST_PLURAL) || word == "i" || word == "US" {
        return None;
    }
    Some(!singular)
}

/// The first-person pronouns of `text` (the pronoun of "I'm" without its ending): each with
/// its byte range in `text`, and whether it is plural.
pub fn first_person_words(text: &str) -> impl Iterator<Item = (std::ops::Range<usize>, bool)> + '_ {
    let word_char = |c: char| c.is_alphanumeric() || c == '\'' || c == '’';
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < text.len() {
            let rest = &text[at..];
            let skip = rest.find(word_char).unwrap_or(rest.len());
            let start = at + skip;
            let len = text[start..]
                .find(|c| !word_char(c))
                .unwrap_or(text.len() - start);
            at = start + len;
            let word = &text[start..at];
            let pronoun = &word[..word.find(['\'', '’']).unwrap_or(word.len())];
            if pronoun.len() <= 9
                && let Some(plural) = first_person(pronoun)
            {
                return Some((start..start + pronoun.len(), plural));
            }
        }
        None
    })
}

impl std::ops::Deref for Quotes {
    type Target = [Quote];

    fn deref(&self) -> &[Quote] {
        &self.list
    }
}
