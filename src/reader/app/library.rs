//! Several documents: each keeps its cast and where the reader was in it, and the reader moves
//! between them.

use std::collections::BTreeMap;

use crate::domain::cast::Cast;
use crate::domain::document::Document;
use crate::store::sessions::Remembered;

/// What the reader remembers about a document while another one is shown.
#[derive(Debug, Clone, Default)]
pub struct Memory {
    /// Byte offset of the text at the top of the pane.
    pub top: usize,
    pub selected: Option<usize>,
    pub current: Option<usize>,
    pub marks: BTreeMap<char, usize>,
    pub jumps: Vec<usize>,
    /// An entity to select by name once the cast is ready (from a remembered session).
    pub select_when_ready: Option<String>,
}

/// One document of the set and its state.
#[derive(Debug)]
pub struct Shelf {
    pub doc: Document,
    /// `None` until extraction is done (or while the cast is lent to the app).
    pub cast: Option<Cast>,
    pub progress: u8,
    pub memory: Memory,
    /// Its content fingerprint, once the background worker has taken it.
    pub print: Option<String>,
    /// Its corrections, while another document is shown.
    pub curation: Option<crate::reader::app::curation::Curation>,
}

impl Shelf {
    pub fn new(doc: Document) -> Shelf {
        Shelf {
            doc,
            cast: None,
            progress: 0,
            memory: Memory::default(),
            curation: None,
            print: None,
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

/// Orders documents by dateline (undated last), then by name; stable for equal keys.
pub fn sort_by_date(docs: &mut [Document]) {
    docs.sort_by(|a, b| {
        let key = |d: &Document| (d.dateline().is_none(), d.dateline().map(|l| l.date.clone()));
        key(a).cmp(&key(b))
    });
}

impl Memory {
    pub fn from_remembered(r: &Remembered) -> Memory {
        Memory {
            top: r.top,
            marks: r.marks.iter().copied().collect(),
            select_when_ready: r.entity.clone(),
            ..Memory::default()
        }
    }
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
        let shelf = Shelf::new(Document::from_string(
            "a",
            "date 2023-11-08 Talks resume in Doha today\nbody",
        ));
        assert_eq!(shelf.title(20), "Talks resume in Doha");
    }
}
