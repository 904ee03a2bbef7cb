//! Turns imported spans into entities: one entity per kind and surface text, joined further
//! where the file says two annotations are the same thing (brat `*` Equiv, one entity of a
//! dramatis JSON file, the fragments of a discontinuous brat span).

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use super::labels;
use crate::domain::document::Document;
use crate::domain::entity::{self, Entity, Form, Kind, Mention};
use crate::domain::extract;

/// Entities read from an annotation file, and the normalisation ids some of them carry.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Imported {
    pub entities: Vec<Entity>,
    /// Entity id → normalisation id (brat `N` lines: `Wikidata:Q42`).
    pub norms: BTreeMap<String, String>,
    /// Spans that did not fit the document, one readable line each, in file order.
    pub problems: Vec<Problem>,
}

/// A span of the file that does not match the document: reported, never shifted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line of the annotation file.
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.line, self.message)
    }
}

/// Collects spans in file order, then groups them.
#[derive(Default)]
pub struct Collector {
    spans: Vec<(Mention, Kind, Option<String>)>,
    /// Annotation id → a name the file gives it (a dramatis entity name, a brat joined text).
    names: HashMap<String, String>,
    equivs: Vec<(String, String)>,
    norms: Vec<(String, String)>,
    /// Annotation id → how it names its entity, when the file says (brat `A` Form lines).
    forms: HashMap<String, Form>,
    /// Spans labelled GPE, refined to country or place when finished.
    gpe: Vec<usize>,
    pub problems: Vec<Problem>,
    /// Whether spans of one kind and text are one entity; off when the file groups them
    /// itself (dramatis JSON, where two entities may share a name).
    separate_texts: bool,
}

impl Collector {
    /// A mention of `kind` at a byte range already checked against the document. `link` is the
    /// file's id for the annotation, when it has one (brat `T3`), so that Equiv and N lines and
    /// discontinuous fragments can refer to it.
    pub fn mention(&mut self, range: Range<usize>, kind: Kind, link: Option<&str>) {
        self.mention_with_form(range, kind, link, Form::Name);
    }

    /// A mention that says how it names its entity (a pronoun, a description...).
    pub fn mention_with_form(
        &mut self,
        range: Range<usize>,
        kind: Kind,
        link: Option<&str>,
        form: Form,
    ) {
        if range.start < range.end {
            self.spans.push((
                Mention::with_form(range, form),
                kind,
                link.map(str::to_owned),
            ));
        }
    }

    /// The form of the annotation `link`, given apart from its span (brat attributes).
    pub fn form(&mut self, link: &str, form: Form) {
        self.forms.insert(link.to_owned(), form);
    }

    /// A mention under a tool's label (see [`labels::kind_of`]). A GPE is a country unless
    /// the gazetteer knows its text as a place (a city, a region): names it does not know
    /// stay countries, and so does a country's demonym exported as GPE.
    pub fn labeled(&mut self, range: Range<usize>, label: &str, link: Option<&str>) {
        let kind = labels::kind_of(label);
        if label.trim().eq_ignore_ascii_case("GPE") {
            self.gpe.push(self.spans.len());
        }
        self.mention(range, kind, link);
    }

    /// Keeps entities apart unless the file links them.
    pub fn group_only_by_links(&mut self) {
        self.separate_texts = true;
    }

    pub fn name(&mut self, link: &str, name: &str) {
        self.names.insert(link.to_owned(), name.to_owned());
    }

    pub fn equiv(&mut self, a: &str, b: &str) {
        self.equivs.push((a.to_owned(), b.to_owned()));
    }

    pub fn norm(&mut self, link: &str, id: &str) {
        self.norms.push((link.to_owned(), id.to_owned()));
    }

    pub fn problem(&mut self, line: usize, message: impl Into<String>) {
        self.problems.push(Problem {
            line,
            message: message.into(),
        });
    }

    pub fn finish(mut self, doc: &Document) -> Imported {
        self.refine_gpe(doc);
        for (m, _, link) in &mut self.spans {
            if let Some(form) = link.as_ref().and_then(|l| self.forms.get(l)) {
                m.form = *form;
            }
        }
        let n = self.spans.len();
        let mut sets = DisjointSets::new(n);
        let texts: Vec<String> = self
            .spans
            .iter()
            .map(|(m, _, _)| doc.text(m.range()).into_owned())
            .collect();
        // Same kind and same text: one entity. Same link: one annotation.
        let mut first_by_text: HashMap<(Kind, &str), usize> = HashMap::new();
        let mut first_by_link: HashMap<&str, usize> = HashMap::new();
        for (i, (_, kind, link)) in self.spans.iter().enumerate() {
            // A discontinuous span is known by its joined text, not by its fragments.
            let text = link
                .as_ref()
                .and_then(|l| self.names.get(l))
                .unwrap_or(&texts[i]);
            // Two "he" or two "the company" are not one entity by their text: only names are.
            if !self.separate_texts && self.spans[i].0.form.is_named() {
                let j = *first_by_text.entry((*kind, text.as_str())).or_insert(i);
                sets.join(i, j);
            }
            if let Some(link) = link {
                let j = *first_by_link.entry(link.as_str()).or_insert(i);
                sets.join(i, j);
            }
        }
        for (a, b) in &self.equivs {
            if let (Some(&i), Some(&j)) =
                (first_by_link.get(a.as_str()), first_by_link.get(b.as_str()))
            {
                sets.join(i, j);
            }
        }
        let mut problems = self.problems;
        problems.sort_by_key(|p| p.line);
        let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for i in 0..n {
            groups.entry(sets.root(i)).or_default().push(i);
        }
        let mut entities = Vec::new();
        let mut group_norms = Vec::new();
        for members in groups.values() {
            let mut mentions: Vec<Mention> = members.iter().map(|&i| self.spans[i].0).collect();
            mentions.sort_unstable();
            mentions.dedup();
            // An entity's mentions never overlap: the first one wins.
            let mut end = 0;
            mentions.retain(|m| {
                let keep = m.start >= end;
                if keep {
                    end = m.end;
                }
                keep
            });
            let mut aliases: Vec<String> = Vec::new();
            for m in mentions.iter().filter(|m| m.form.is_named()) {
                let t = doc.text(m.range());
                if !aliases.iter().any(|a| *a == t) {
                    aliases.push(t.into_owned());
                }
            }
            let links: Vec<&str> = members
                .iter()
                .filter_map(|&i| self.spans[i].2.as_deref())
                .collect();
            // The name the file gives, else the longest surface form (the design's rule).
            let given = links
                .iter()
                .filter_map(|l| self.names.get(*l))
                .max_by_key(|s| s.chars().count());
            let name = given
                .cloned()
                .or_else(|| longest(&aliases))
                .unwrap_or_default();
            if let Some((_, id)) = self.norms.iter().find(|(l, _)| links.contains(&l.as_str())) {
                group_norms.push((mentions[0], id.clone()));
            }
            entities.push(Entity {
                id: String::new(),
                name,
                kind: self.spans[members[0]].1,
                aliases,
                mentions: mentions.into(),
            });
        }
        let entities = entity::finalize(entities);
        let norms = group_norms
            .into_iter()
            .filter_map(|(first, id)| {
                let e = entities.iter().find(|e| e.mentions[0] == first)?;
                Some((e.id.clone(), id))
            })
            .collect();
        Imported {
            entities,
            norms,
            problems,
        }
    }
}

impl Collector {
    fn refine_gpe(&mut self, doc: &Document) {
        let mut known: HashMap<String, bool> = HashMap::new();
        for &i in &self.gpe {
            let (m, _, link) = &self.spans[i];
            // A discontinuous span is looked up by its joined text.
            let text = link
                .as_ref()
                .and_then(|l| self.names.get(l).cloned())
                .unwrap_or_else(|| doc.text(m.range()).into_owned());
            if *known.entry(text).or_insert_with_key(|t| is_place(t)) {
                self.spans[i].1 = Kind::Place;
            }
        }
    }
}

/// Whether the extractor reads the whole text as a place.
fn is_place(text: &str) -> bool {
    extract::extract(text)
        .entities
        .iter()
        .any(|e| e.kind == Kind::Place && e.mentions.iter().any(|m| m.range() == (0..text.len())))
}

/// The longest string, the first of equals.
fn longest(items: &[String]) -> Option<String> {
    let mut best: Option<&String> = None;
    for s in items {
        if best.is_none_or(|b| s.chars().count() > b.chars().count()) {
            best = Some(s);
        }
    }
    best.cloned()
}

/// Union-find over indices.
struct DisjointSets(Vec<usize>);

impl DisjointSets {
    fn new(n: usize) -> DisjointSets {
        DisjointSets((0..n).collect())
    }

    fn root(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }

    fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.root(a), self.root(b));
        // The smaller index stays the root, so groups keep file order.
        self.0[a.max(b)] = a.min(b);
    }
}

/// Checks that a byte range of the document holds `expected`; `Err` says what it holds.
pub fn check_text(doc: &Document, range: Range<usize>, expected: &str) -> Result<(), String> {
    let found = doc.text(range.clone());
    if range.end <= doc.len() && found == expected {
        Ok(())
    } else {
        Err(found.into_owned())
    }
}

/// Text shortened for a message.
pub fn quote(text: &str) -> String {
    const MAX: usize = 40;
    let mut out: String = text.chars().take(MAX).collect();
    if text.chars().count() > MAX {
        out.push('…');
    }
    format!("{out:?}")
}

/// Where a wrong offset unit would show: a span that begins or ends inside a word, after the
/// first character that counts differently in code points, UTF-16 units and bytes. Such a
/// span is kept (annotators sometimes mark part of a word) but reported, with the way out.
pub struct UnitHint {
    first_non_ascii: Option<usize>,
}

impl UnitHint {
    pub fn new(doc: &Document) -> UnitHint {
        UnitHint {
            first_non_ascii: doc.bytes().iter().position(|b| !b.is_ascii()),
        }
    }

    /// A message when the span looks shifted.
    pub fn check(
        &self,
        doc: &Document,
        range: Range<usize>,
        units: Range<usize>,
    ) -> Option<String> {
        let after = self.first_non_ascii.is_some_and(|f| range.end > f);
        if !after || !cuts_word(doc, range.clone()) {
            return None;
        }
        Some(format!(
            "span {}..{} {} starts or ends inside a word: if the file counts offsets in another unit, use --offsets utf16 (or bytes, or code-points)",
            units.start,
            units.end,
            quote(&doc.text(range))
        ))
    }
}

fn cuts_word(doc: &Document, range: Range<usize>) -> bool {
    let text = |r: Range<usize>| doc.text(r).into_owned();
    let before = text(range.start.saturating_sub(4)..range.start)
        .chars()
        .last();
    let inside = text(range.clone());
    let after = text(range.end..range.end + 4).chars().next();
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    (word(before) && word(inside.chars().next())) || (word(inside.chars().last()) && word(after))
}
