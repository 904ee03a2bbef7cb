//! Who said what, in the reader: the list of quotations under the text (what one entity said,
//! every quotation, or those the text names nobody for), walking them with `n`/`N` once one
//! is entered, and giving a quotation its speaker.
//!
//! `"` opens the list on the entity a panel key acts on (`target_entity`), or on every
//! quotation when there is none; `"` again shows every quotation, then those with no
//! speaker, then closes. Enter on a quotation jumps there, selects its speaker and makes `n`
//! and `N` step through the list's quotations until an entity is selected, a search is made
//! or Esc ends the walk.

use super::panels::{Head, List, Panel, PanelKind, QuoteScope, Row};
use super::{App, Focus, Follow};
use crate::domain::corrections::{Correction, Key, Span};
use crate::domain::entity::{Kind, Mention};
use crate::domain::wrap::sanitize;

/// Walking a scope's quotations with `n`/`N`: the current one (an index into the cast's
/// quotations) and where it is in the scope, counted when it was reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteWalk {
    pub scope: QuoteScope,
    pub at: usize,
    /// Its place in the scope (from 0; `None` once a correction took it out) and the
    /// scope's size.
    pub nth: Option<usize>,
    pub of: usize,
}

/// What `quotes_keep` saw before a correction changed the cast, for `quotes_restore`.
pub(super) struct Kept {
    walk: Option<(QuoteWalk, Option<String>)>,
    /// The list's scope, its entity's name, and the cursor: its row and quotation.
    panel: Option<(QuoteScope, Option<String>, usize, Option<usize>)>,
}

impl App {
    /// The quotations of `scope`, in the order of the text.
    pub fn quotes_in(&self, scope: QuoteScope) -> Vec<usize> {
        let quotes = &self.cast().quotes;
        match scope {
            QuoteScope::Said(e) => quotes.by(e).collect(),
            QuoteScope::Every => (0..quotes.len()).collect(),
            QuoteScope::Nobody => (0..quotes.len())
                .filter(|&i| quotes[i].speaker.is_none())
                .collect(),
        }
    }

    /// How many quotations `scope` holds, without listing or counting them (the list's header
    /// asks on every frame, and a 100 MB text has hundreds of thousands).
    pub fn quote_count(&self, scope: QuoteScope) -> usize {
        let quotes = &self.cast().quotes;
        match scope {
            QuoteScope::Said(e) => self
                .reading()
                .quote_counts
                .get(e)
                .map_or(0, |&n| n as usize),
            QuoteScope::Every => quotes.len(),
            QuoteScope::Nobody => self.reading().quotes_unattributed,
        }
    }

    /// Whether quotation `q` is one of `scope`'s.
    fn in_scope(&self, scope: QuoteScope, q: usize) -> bool {
        let speaker = self.cast().quotes.get(q).map(|quote| quote.speaker());
        match scope {
            QuoteScope::Said(e) => speaker == Some(Some(e)),
            QuoteScope::Every => speaker.is_some(),
            QuoteScope::Nobody => speaker == Some(None),
        }
    }

    /// Where quotation `q` is in `scope` (from 0; `None` if it is not one of them) and how
    /// many the scope holds: one pass, nothing listed.
    fn place_in(&self, scope: QuoteScope, q: usize) -> (Option<usize>, usize) {
        if scope == QuoteScope::Every {
            let n = self.cast().quotes.len();
            return ((q < n).then_some(q), n);
        }
        let before = (0..q.min(self.cast().quotes.len()))
            .filter(|&i| self.in_scope(scope, i))
            .count();
        let nth = self.in_scope(scope, q).then_some(before);
        (nth, self.quote_count(scope))
    }

    /// The quotation being walked, while `n`/`N` walk quotations.
    pub fn quote_walk(&self) -> Option<QuoteWalk> {
        match self.follow {
            Follow::Quotes => self.reading().quote,
            _ => None,
        }
    }

    /// `"`: the quotations of the entity panel keys act on (or every one); pressed again,
    /// every quotation, then those with no speaker, then the list closes.
    pub(super) fn toggle_quotes(&mut self) {
        if let Some(p) = self.panel()
            && p.kind == PanelKind::Quotes
            && let Head::Quotes(scope) = p.lists[0].head
        {
            match scope {
                QuoteScope::Said(_) => self.open_quotes(QuoteScope::Every),
                QuoteScope::Every => self.open_quotes(QuoteScope::Nobody),
                QuoteScope::Nobody => self.close_panel(),
            }
            return;
        }
        if self.focus == Focus::Panel
            && let Some(p) = self.panel()
            && p.kind == PanelKind::Corpus
        {
            match p.list().current() {
                Some(Row::Appearance { document, entity }) => {
                    return self.quotes_in_document(document, entity);
                }
                Some(Row::CorpusEntity(_)) => {
                    self.message = Some(
                        "Enter lists its documents; \" on one lists what it said there".into(),
                    );
                    return;
                }
                _ => {}
            }
        }
        if self.reading().progress.is_some() {
            self.message = Some("still finding entities".into());
            return;
        }
        if self.reading().names_only {
            self.message = Some("still finding the quotations and who said them".into());
            return;
        }
        // A date or a figure says nothing: every quotation is what the reader can use there.
        let speaker = self.target_entity().filter(|&e| {
            self.entity(e)
                .is_none_or(|e| !matches!(e.kind, Kind::Date | Kind::Number))
        });
        let scope = speaker.map_or(QuoteScope::Every, QuoteScope::Said);
        if speaker.is_none()
            && let Some(e) = self.target_entity().and_then(|e| self.entity(e))
        {
            self.message = Some(format!(
                "{} is a {}: every quotation",
                sanitize(&e.name),
                e.kind.as_str()
            ));
        }
        self.open_quotes(scope);
        self.focus = Focus::Panel;
    }

    /// `"` on a document of the cast of all documents: that document, the entity selected, and
    /// what it said there.
    fn quotes_in_document(&mut self, document: usize, entity: usize) {
        self.open_at_first_mention(document, entity);
        if self.reading().progress.is_none() && entity < self.cast().entities.len() {
            self.open_quotes(QuoteScope::Said(entity));
            self.focus = Focus::Panel;
        }
    }

    /// Shows the quotations of `scope` in the panel, the cursor on the current quotation (or
    /// the one under the cursor before) if the list has it.
    pub(super) fn open_quotes(&mut self, scope: QuoteScope) {
        let was = self
            .quote_under_cursor()
            .or(self.reading().quote.map(|w| w.at));
        let rows: Vec<Row> = self.quotes_in(scope).into_iter().map(Row::Quote).collect();
        let mut list = List::new(Head::Quotes(scope), rows);
        if let Some(i) = was.and_then(|q| row_of(&list.rows, q)) {
            list.cursor = i;
        }
        self.panels.panel = Some(Panel {
            kind: PanelKind::Quotes,
            lists: vec![list],
            reading: self.shelf.shown_index(),
        });
        self.panels.jumped = None;
        self.relayout();
        self.panel_move(0);
    }

    /// The quotation under the cursor of the quotations list, when it is shown.
    pub fn quote_under_cursor(&self) -> Option<usize> {
        match self.panel()?.list().current()? {
            Row::Quote(q) => Some(q),
            _ => None,
        }
    }

    /// Enter on a quotation of the list: jump there, select its speaker, and walk the list's
    /// quotations with `n`/`N` from there.
    pub(super) fn enter_quote(&mut self, scope: QuoteScope, q: usize) {
        let Some(quote) = self.cast().quotes.get(q).copied() else {
            return;
        };
        if let Some(s) = quote.speaker()
            && s < self.cast().entities.len()
        {
            let reading = self.reading_mut();
            reading.selected = Some(s);
            reading.current = None;
            self.cursor_to_entity(s);
        }
        self.walk_to(scope, q);
    }

    fn walk_to(&mut self, scope: QuoteScope, q: usize) {
        let (nth, of) = self.place_in(scope, q);
        self.reading_mut().quote = Some(QuoteWalk {
            scope,
            at: q,
            nth,
            of,
        });
        self.follow = Follow::Quotes;
        self.panels.jumped = None;
        let start = self.cast().quotes[q].start as usize;
        self.reveal(start);
        self.list_cursor_to_quote(scope, q);
    }

    /// `n`/`N` while walking quotations: the next or previous one of the walk's scope,
    /// wrapping round. Scans from the current one, so a step costs the distance walked.
    pub(super) fn step_quote(&mut self, forward: bool) {
        let Some(walk) = self.reading().quote else {
            return self.step_mention(forward);
        };
        let n = self.cast().quotes.len();
        let at = walk.at.min(n);
        let is = |i: &usize| self.in_scope(walk.scope, *i);
        let step = if forward {
            (at + 1..n).find(is).map(|q| (q, false)).or_else(|| {
                (0..=at.min(n.saturating_sub(1)))
                    .find(is)
                    .map(|q| (q, true))
            })
        } else {
            (0..at)
                .rev()
                .find(is)
                .map(|q| (q, false))
                .or_else(|| (at..n).rev().find(is).map(|q| (q, true)))
        };
        let Some((next, wrapped)) = step else {
            // Corrections took every quotation of the walk away: n walks mentions again.
            self.end_quote_walk();
            return self.step_mention(forward);
        };
        self.walk_to(walk.scope, next);
        if wrapped && self.reading().quote.is_some_and(|w| w.of > 1) {
            self.message = Some(if forward {
                "wrapped to the first quotation".into()
            } else {
                "wrapped to the last quotation".into()
            });
        }
        if self.focus == Focus::Sidebar {
            self.focus = Focus::Document;
        }
    }

    /// Esc while walking quotations: `n`/`N` go back to the selection's mentions.
    pub(super) fn end_quote_walk(&mut self) {
        self.follow = Follow::Mentions;
        self.reading_mut().quote = None;
    }

    /// Keeps the list's cursor on the quotation walked to, when the list shows its scope.
    fn list_cursor_to_quote(&mut self, scope: QuoteScope, q: usize) {
        let Some(p) = &mut self.panels.panel else {
            return;
        };
        if p.kind != PanelKind::Quotes || p.lists[0].head != Head::Quotes(scope) {
            return;
        }
        if let Some(i) = row_of(&p.lists[0].rows, q) {
            p.lists[0].cursor = i;
            self.panel_move(0);
        }
    }

    /// `S`: the quotation under the list's cursor (else the one walked to) was said by the
    /// entity panel keys act on; by nobody if it already was, or if there is none.
    pub(super) fn speaker_correction(&self) -> Result<Correction, String> {
        // In another list (connections, contexts, all documents) S does not reach past it
        // to a quotation walked to before.
        let other_list = self.focus == Focus::Panel
            && self
                .panel()
                .is_some_and(|p| !matches!(p.list().head, Head::Quotes(_)));
        let walked = self.reading().quote.map(|w| w.at).filter(|_| !other_list);
        let q = self
            .quote_under_cursor()
            .or(walked)
            .filter(|&q| q < self.cast().quotes.len())
            .ok_or("open the quotations (\") and put the cursor on one, then S")?;
        let quote = self.cast().quotes[q];
        let to = self.target_entity().filter(|&e| quote.speaker() != Some(e));
        if let Some(e) = to.and_then(|e| self.entity(e))
            && matches!(e.kind, Kind::Date | Kind::Number)
        {
            return Err(format!(
                "{} is a {}: select who said it, then S",
                sanitize(&e.name),
                e.kind.as_str()
            ));
        }
        if to.is_none() && quote.speaker.is_none() {
            return Err("no speaker already: select who said it, then S".into());
        }
        let doc = self.doc();
        Ok(Correction::Speaker {
            quote: Span::of(doc, Mention::new(quote.range())),
            speaker: to.map(|e| Key::of(doc, &self.cast().entities[e])),
        })
    }

    /// What the walk and the quotations list are about, by entity name, before a correction
    /// renumbers the entities.
    pub(super) fn quotes_keep(&self) -> Kept {
        let name = |scope: QuoteScope| match scope {
            QuoteScope::Said(e) => self.entity(e).map(|x| x.name.clone()),
            _ => None,
        };
        let panel = self.panel().and_then(|p| match p.lists[0].head {
            Head::Quotes(scope) => Some((
                scope,
                name(scope),
                p.lists[0].cursor,
                self.quote_under_cursor(),
            )),
            _ => None,
        });
        Kept {
            walk: self.reading().quote.map(|w| (w, name(w.scope))),
            panel,
        }
    }

    /// The walk and the quotations list again over the corrected cast: the same quotations
    /// (corrections never add or remove one), the entity found again by name.
    pub(super) fn quotes_restore(&mut self, kept: Kept) {
        let find = |app: &App, scope: QuoteScope, name: Option<String>| match scope {
            QuoteScope::Said(_) => name
                .and_then(|n| app.reading().find(&n))
                .map(QuoteScope::Said),
            other => Some(other),
        };
        if let Some((walk, name)) = kept.walk
            && walk.at < self.cast().quotes.len()
            && let Some(scope) = find(self, walk.scope, name)
        {
            let (nth, of) = self.place_in(scope, walk.at);
            self.reading_mut().quote = Some(QuoteWalk {
                scope,
                at: walk.at,
                nth,
                of,
            });
        } else if self.follow == Follow::Quotes {
            self.follow = Follow::Mentions;
        }
        if let Some((scope, name, cursor, quote)) = kept.panel {
            match find(self, scope, name) {
                Some(scope) => {
                    let focus = self.focus;
                    self.open_quotes(scope);
                    // A quotation given away leaves the list: the cursor stays on its row.
                    if self.quote_under_cursor() != quote
                        && let Some(p) = &mut self.panels.panel
                    {
                        let list = &mut p.lists[0];
                        list.cursor = cursor.min(list.rows.len().saturating_sub(1));
                    }
                    self.panel_move(0);
                    self.focus = focus;
                }
                None => self.close_panel(),
            }
        }
    }
}

/// The row of quotation `q` in a quotations list (its rows are the quotations in order).
fn row_of(rows: &[Row], q: usize) -> Option<usize> {
    rows.binary_search_by_key(&q, |r| match *r {
        Row::Quote(i) => i,
        _ => usize::MAX,
    })
    .ok()
}

#[cfg(test)]
mod tests;
