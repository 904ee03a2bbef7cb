//! Filtering a list as the reader types, fzf-style: the typed text is split into words, and a
//! row is kept when every word occurs in the row's text (in any order, in any of its fields).
//!
//! Each word is a substring with smart case, the same rule as the text search
//! ([`crate::domain::search`]): `isr` finds "Israel" and "ISRAELI", `Isr` only "Israel".
//! Substrings rather than fzf's subsequences: the lists hold names and sentences, where a
//! subsequence of two or three letters matches nearly every row of a sentence list, and a
//! substring is what a reader expects to see highlighted.
//!
//! A word `kind:X` keeps only entities of the kinds whose name has the letters of `X` in order,
//! starting with its first: `kind:per` (or the tag `kind:PER`) is a person, `kind:ctry` a
//! country, `kind:p` a person or a place. Several kind words add up (`kind:per kind:org`).
//! Rows that are not entities (sentences, documents) ignore kind words.

use std::ops::Range;

use crate::domain::entity::Kind;
use crate::domain::search::{self, Query};

/// What starts a kind word.
pub const KIND_PREFIX: &str = "kind:";

/// A compiled filter. The empty filter keeps every row.
#[derive(Debug, Clone)]
pub struct Filter {
    text: String,
    words: Vec<Query>,
    /// The words as typed, one a query.
    typed: Vec<String>,
    /// The kinds kind words ask for; empty when there is no kind word.
    kinds: Vec<Kind>,
    /// A kind word named no kind: nothing is an entity of it.
    no_kind: bool,
}

impl Filter {
    pub fn new(text: &str) -> Filter {
        let mut words = Vec::new();
        let mut typed = Vec::new();
        let mut kinds = Vec::new();
        let mut no_kind = false;
        for word in text.split_whitespace() {
            match strip_prefix_ignoring_case(word, KIND_PREFIX) {
                Some("") => {}
                Some(pattern) => {
                    let named: Vec<Kind> = Kind::ALL
                        .into_iter()
                        .filter(|k| names_kind(pattern, *k))
                        .collect();
                    no_kind |= named.is_empty();
                    kinds.extend(named);
                }
                None => {
                    words.push(Query::new(word));
                    typed.push(word.to_string());
                }
            }
        }
        Filter {
            text: text.to_string(),
            words,
            typed,
            kinds,
            no_kind,
        }
    }

    /// The filter as typed.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether it keeps every row (nothing but white space was typed).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.kinds.is_empty() && !self.no_kind
    }

    /// Whether a row of an entity of `kind` (or of no entity, `None`) whose text is `fields`
    /// is kept: it is of a kind asked for, and every word occurs in one of the fields.
    pub fn keeps(&self, kind: Option<Kind>, fields: &[&str]) -> bool {
        if let Some(kind) = kind
            && (self.no_kind || !self.kinds.is_empty())
            && !self.kinds.contains(&kind)
        {
            return false;
        }
        self.words.iter().all(|q| {
            fields
                .iter()
                .any(|f| search::find_next(f.as_bytes(), q, 0).is_some())
        })
    }

    /// Whether every row this filter keeps, `wider` keeps too: true when this one was typed on
    /// from it by lengthening its words, adding words or narrowing its kinds. A list can then
    /// filter again among the rows `wider` kept instead of all of them.
    pub fn narrows(&self, wider: &Filter) -> bool {
        let restricted = |f: &Filter| f.no_kind || !f.kinds.is_empty();
        let kinds = !restricted(wider)
            || (restricted(self) && self.kinds.iter().all(|k| wider.kinds.contains(k)));
        // A longer word finds a subset: a row holding "isra" holds "isr"; and smart case only
        // ever goes from any case to exact case as letters are added.
        let words = self.typed.len() >= wider.typed.len()
            && wider
                .typed
                .iter()
                .zip(&self.typed)
                .all(|(w, n)| n.starts_with(w.as_str()));
        kinds && words
    }

    /// Where the words occur in `text`: sorted, merged byte ranges, for highlighting.
    pub fn highlights(&self, text: &str) -> Vec<Range<usize>> {
        let mut hits: Vec<Range<usize>> = self
            .words
            .iter()
            .flat_map(|q| search::find_in(text.as_bytes(), 0..text.len(), q))
            .collect();
        hits.sort_by_key(|r| r.start);
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(hits.len());
        for h in hits {
            match merged.last_mut() {
                Some(last) if h.start <= last.end => last.end = last.end.max(h.end),
                _ => merged.push(h),
            }
        }
        merged
    }
}

fn strip_prefix_ignoring_case<'a>(word: &'a str, prefix: &str) -> Option<&'a str> {
    let head = word.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &word[prefix.len()..])
}

/// Whether `pattern` names `kind`: its letters occur in order in the kind's name, the first
/// one first (`ctry` → country, `grp` → group, `plc` → place).
fn names_kind(pattern: &str, kind: Kind) -> bool {
    let pattern = pattern.to_lowercase();
    let name = kind.as_str();
    if pattern.chars().next() != name.chars().next() {
        return false;
    }
    let mut rest = name.chars();
    pattern.chars().all(|p| rest.any(|c| c == p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_must_occur_in_some_field_in_any_order() {
        let f = Filter::new("net ben");
        assert!(f.keeps(None, &["Benjamin Netanyahu"]));
        assert!(f.keeps(None, &["Netanyahu", "Benjamin"]));
        assert!(!f.keeps(None, &["Netanyahu"]));
    }

    #[test]
    fn smart_case_as_in_the_text_search() {
        assert!(Filter::new("isr").keeps(None, &["ISRAELI"]));
        assert!(Filter::new("Isr").keeps(None, &["Israel"]));
        assert!(!Filter::new("Isr").keeps(None, &["ISRAELI"]));
        assert!(Filter::new("état").keeps(None, &["ÉTAT"]));
    }

    #[test]
    fn an_empty_filter_keeps_everything() {
        let f = Filter::new("  ");
        assert!(f.is_empty());
        assert!(f.keeps(Some(Kind::Place), &[""]));
        assert!(Filter::new("kind:").is_empty(), "a kind word being typed");
    }

    #[test]
    fn kind_words_name_kinds_by_name_or_tag() {
        let kinds = |text: &str| Filter::new(text).kinds;
        assert_eq!(kinds("kind:per"), [Kind::Person]);
        assert_eq!(kinds("KIND:PER"), [Kind::Person]);
        assert_eq!(kinds("kind:ctry"), [Kind::Country]);
        assert_eq!(kinds("kind:grp"), [Kind::Group]);
        assert_eq!(kinds("kind:plc"), [Kind::Place]);
        assert_eq!(kinds("kind:p"), [Kind::Person, Kind::Place]);
        assert_eq!(kinds("kind:organization"), [Kind::Organization]);
        assert_eq!(
            kinds("kind:per kind:org"),
            [Kind::Person, Kind::Organization]
        );
    }

    #[test]
    fn kind_words_keep_entities_of_those_kinds_and_ignore_other_rows() {
        let f = Filter::new("kind:ctry is");
        assert!(f.keeps(Some(Kind::Country), &["Israel"]));
        assert!(!f.keeps(Some(Kind::Person), &["Isaac"]));
        assert!(!f.keeps(Some(Kind::Country), &["Qatar"]));
        assert!(f.keeps(None, &["this sentence"]), "a sentence has no kind");
        let none = Filter::new("kind:zz");
        assert!(!none.is_empty());
        assert!(!none.keeps(Some(Kind::Person), &["Anyone"]));
    }

    #[test]
    fn typing_on_narrows_unless_a_kind_is_added_or_a_word_changes() {
        let narrows = |new: &str, old: &str| Filter::new(new).narrows(&Filter::new(old));
        assert!(narrows("isr", "is"));
        assert!(narrows("isr ga", "isr"));
        assert!(narrows("isR", "is"), "exact case keeps fewer");
        assert!(narrows("kind:per", ""));
        assert!(narrows("kind:pe", "kind:p"));
        assert!(narrows("kind:per is", "kind:per"));
        assert!(!narrows("kind:per kind:org", "kind:per"), "kinds add up");
        assert!(
            !narrows("kind:per", "kind"),
            "the word 'kind' is no longer asked for"
        );
        assert!(!narrows("is", "isr"));
        assert!(!narrows("gaza", "isr"));
        // Whatever the rows, a narrower filter keeps no row the wider one drops.
        let rows = [
            (Some(Kind::Person), "Isaac Israel"),
            (Some(Kind::Country), "Israel"),
            (None, "kind words in a sentence"),
            (Some(Kind::Place), "ISRAEL"),
        ];
        for (new, old) in [("isR", "is"), ("kind:pe isr", "kind:p is"), ("a b", "a")] {
            let (n, o) = (Filter::new(new), Filter::new(old));
            assert!(n.narrows(&o));
            for (kind, text) in rows {
                assert!(
                    !n.keeps(kind, &[text]) || o.keeps(kind, &[text]),
                    "{new} {old} {text}"
                );
            }
        }
    }

    #[test]
    fn highlights_are_merged_byte_ranges_of_every_word() {
        let f = Filter::new("an ya");
        assert_eq!(f.highlights("Netanyahu"), vec![3..7]);
        let f = Filter::new("a");
        assert_eq!(f.highlights("Gaza"), [1..2, 3..4]);
        assert!(Filter::new("kind:per").highlights("Anyone").is_empty());
        let f = Filter::new("é");
        assert_eq!(f.highlights("café É"), [3..5, 6..8]);
    }
}
