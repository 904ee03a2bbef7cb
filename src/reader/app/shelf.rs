//! The open documents: one `Reading` each (the document, its cast, corrections, progress, and
//! where the reader is in it), owned by the shelf and addressed by index. The app shows one of
//! them; moving to another changes which one, and nothing is handed over.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::domain::cast::Cast;
use crate::domain::connections::Relations;
use crate::domain::curation::Curation;
use crate::domain::document::Document;
use crate::domain::filter::Filter;
use crate::reader::app::quotes::QuoteWalk;
use crate::reader::app::sidebar::{self, SidebarRow};
use crate::store::sessions::Remembered;

/// Casts with more entities than this are let go on a thread of their own when replaced.
const DISCARD_APART: usize = 10_000;

/// Lets go of a cast replaced by another. A large document's cast is replaced as it grows
/// (the names read so far, the names, the whole cast): freeing 100,000 entities, their names
/// and aliases takes about 10 ms, which a key pressed meanwhile would wait for.
fn discard(cast: Cast) {
    if cast.entities.len() > DISCARD_APART {
        // If no thread can be had, the cast is freed here after all.
        let _ = std::thread::Builder::new()
            .name("discard".into())
            .spawn(move || {
                drop(cast);
                crate::store::source::give_freed_memory_back();
            });
    }
}

/// How many jumps `Ctrl-o` can go back through.
const JUMP_HISTORY: usize = 100;

/// One open document and everything the reader keeps about it.
#[derive(Debug)]
pub struct Reading {
    pub doc: Document,
    /// Empty until extraction is done.
    pub cast: Cast,
    /// `Some(percent)` while entities are still being found.
    pub progress: Option<u8>,
    /// The cast shows the names alone: their pronouns, descriptions and quotations are still
    /// being found (a large document's, see `Work::NamesReady`).
    pub names_only: bool,
    /// `Some(percent)` while the cast shows the names read so far (a very large document's,
    /// see `Work::NamesSoFar`) and the rest is being read.
    pub read_so_far: Option<u8>,
    /// The corrections (once the cast is ready, and when the cast can be corrected).
    pub curation: Option<Curation>,
    /// The sentences and connections, once counted for the cast shown.
    pub relations: Option<Arc<Relations>>,
    /// The content fingerprint (the key of the remembered session), once taken.
    pub fingerprint: Option<String>,
    /// The cast's sidebar rows: group headings and the entities under them (those the cast's
    /// filter keeps).
    pub sidebar_rows: Vec<SidebarRow>,
    /// What the cast is filtered by (`/` in the cast).
    pub cast_filter: Option<Filter>,
    /// How many quotations each entity of the cast said.
    pub quote_counts: Vec<u32>,
    /// How many quotations have no speaker.
    pub quotes_unattributed: usize,
    /// The selected entity, by index in the cast.
    pub selected: Option<usize>,
    /// Which mention of the selected entity is current (index into its mentions).
    pub current: Option<usize>,
    /// The quotation reached from the quotations list, and the list walked with `n`/`N`.
    pub quote: Option<QuoteWalk>,
    /// Byte offset of the text at the top of the pane.
    pub position: usize,
    pub marks: BTreeMap<char, usize>,
    /// Where the view was before each jump, for `Ctrl-o`.
    pub jumps: Vec<usize>,
    /// An entity to select by name once the cast is ready (from a remembered session).
    pub select_when_ready: Option<String>,
    /// The file the document was read from, when it is one (`v` opens it in the editor).
    pub file: Option<std::path::PathBuf>,
}

impl Reading {
    pub fn new(doc: Document) -> Reading {
        Reading {
            doc,
            cast: Cast::default(),
            progress: Some(0),
            names_only: false,
            read_so_far: None,
            curation: None,
            relations: None,
            fingerprint: None,
            sidebar_rows: Vec::new(),
            cast_filter: None,
            quote_counts: Vec::new(),
            quotes_unattributed: 0,
            selected: None,
            current: None,
            quote: None,
            position: 0,
            marks: BTreeMap::new(),
            jumps: Vec::new(),
            select_when_ready: None,
            file: None,
        }
    }

    /// The cast is ready (or changed): the selection is cleared, or made from a remembered
    /// session's entity.
    pub fn set_cast(&mut self, cast: Cast) {
        let old = std::mem::replace(&mut self.cast, cast);
        discard(old);
        self.progress = None;
        self.names_only = false;
        self.read_so_far = None;
        self.sidebar_rows = sidebar::filtered_rows(&self.cast, self.cast_filter.as_ref());
        self.quote_counts = self.cast.quotes.counts(self.cast.entities.len());
        self.quotes_unattributed = self
            .cast
            .quotes
            .iter()
            .filter(|q| q.speaker.is_none())
            .count();
        self.selected = None;
        self.current = None;
        self.quote = None;
        if let Some(name) = self.select_when_ready.take() {
            self.selected = self.find(&name);
        }
    }

    /// Filters the cast's rows (`None`: every entity).
    pub fn filter_cast(&mut self, filter: Option<Filter>) {
        self.cast_filter = filter;
        self.sidebar_rows = sidebar::filtered_rows(&self.cast, self.cast_filter.as_ref());
    }

    /// The entity of the cast called `name`.
    pub fn find(&self, name: &str) -> Option<usize> {
        self.cast.entities.iter().position(|e| e.name == name)
    }

    /// Remembers `at` before a jump, for `Ctrl-o`.
    pub fn push_jump(&mut self, at: usize) {
        if self.jumps.last() != Some(&at) {
            self.jumps.push(at);
            if self.jumps.len() > JUMP_HISTORY {
                self.jumps.remove(0);
            }
        }
    }

    /// The reader has not moved in this document yet (a remembered session may move it).
    pub fn untouched(&self) -> bool {
        self.jumps.is_empty() && self.position <= self.doc.body_start()
    }

    /// What a remembered session keeps of this reading.
    pub fn remembered(&self) -> Remembered {
        Remembered {
            top: self.position,
            entity: self
                .selected
                .and_then(|e| self.cast.entities.get(e))
                .map(|e| e.name.clone()),
            marks: self.marks.iter().map(|(&c, &o)| (c, o)).collect(),
            pins: Vec::new(),
        }
    }

    /// The title shown in the document list: the first words of the text.
    pub fn title(&self, width: usize) -> String {
        let doc = &self.doc;
        let first = doc.first_line();
        let text = doc.text(first.start..first.content_end.min(first.start + 400));
        let mut out = String::new();
        for word in text.split_whitespace() {
            if out.chars().count() + word.chars().count() + 1 > width {
                break;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
        out
    }
}

/// Every open document, and which one is shown.
#[derive(Debug)]
pub struct Shelf {
    readings: Vec<Reading>,
    shown: usize,
}

impl Shelf {
    /// A shelf of `docs` (at least one), showing the first.
    pub fn new(docs: Vec<Document>) -> Shelf {
        assert!(!docs.is_empty(), "the reader needs a document");
        Shelf {
            readings: docs.into_iter().map(Reading::new).collect(),
            shown: 0,
        }
    }

    pub fn len(&self) -> usize {
        self.readings.len()
    }

    pub fn is_empty(&self) -> bool {
        self.readings.is_empty()
    }

    /// The index of the reading shown.
    pub fn shown_index(&self) -> usize {
        self.shown
    }

    pub fn shown(&self) -> &Reading {
        &self.readings[self.shown]
    }

    pub fn shown_mut(&mut self) -> &mut Reading {
        &mut self.readings[self.shown]
    }

    /// Shows reading `i` (within the shelf).
    pub fn show(&mut self, i: usize) {
        self.shown = i.min(self.readings.len() - 1);
    }

    pub fn get(&self, i: usize) -> Option<&Reading> {
        self.readings.get(i)
    }

    pub fn get_mut(&mut self, i: usize) -> Option<&mut Reading> {
        self.readings.get_mut(i)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Reading> {
        self.readings.iter()
    }
}

/// Orders documents by dateline (undated last), then by name; stable for equal keys.
pub fn sort_by_date(docs: &mut [Document]) {
    docs.sort_by(|a, b| {
        let key = |d: &Document| (d.dateline().is_none(), d.dateline().map(|l| l.date.clone()));
        key(a).cmp(&key(b))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_sort_by_dateline_undated_last() {
        let mut docs = vec![
            Document::from_string("c", "no date here"),
            Document::from_string("b", "date 2023-11-09 later"),
            Document::from_string("a", "date 2023-11-08 earlier"),
        ];
        sort_by_date(&mut docs);
        let names: Vec<&str> = docs.iter().map(|d| d.name()).collect();
        assert_eq!(names, ["a", "b", "c"]);
    }

    #[test]
    fn title_is_the_first_words_that_fit() {
        let reading = Reading::new(Document::from_string(
            "a",
            "date 2023-11-08 Talks resume in Doha today\nbody",
        ));
        assert_eq!(reading.title(20), "Talks resume in Doha");
    }
}
