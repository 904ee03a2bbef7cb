//! The searches submitted in this session, recalled in the search prompt with `↑` and `↓`
//! (as in less and a shell): `↑` goes back, `↓` forward and at the end to what was being typed.

use super::{App, PromptPurpose};

/// How many searches are kept.
const KEPT: usize = 100;

#[derive(Debug, Default, Clone)]
pub struct SearchHistory {
    /// Oldest first, no two alike.
    entries: Vec<String>,
    /// The entry the prompt shows, while walking the history.
    at: Option<usize>,
    /// What was typed before `↑` first went back.
    draft: String,
    /// Whether a search was kept in this session (so the history is worth saving).
    grown: bool,
}

impl SearchHistory {
    /// A history holding earlier sessions' searches, oldest first.
    pub fn from_earlier(entries: Vec<String>) -> SearchHistory {
        let mut h = SearchHistory::default();
        for e in entries {
            h.push(&e);
        }
        h.grown = false;
        h
    }

    /// The searches, oldest first.
    pub fn entries(&self) -> &[String] {
        &self.entries
    }

    /// Whether a search was kept since the history was made.
    pub fn grown(&self) -> bool {
        self.grown
    }

    /// Keeps a submitted search as the newest (moved there if it was already kept).
    pub fn push(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        self.entries.retain(|e| e != text);
        self.entries.push(text.to_string());
        self.grown = true;
        if self.entries.len() > KEPT {
            self.entries.remove(0);
        }
        self.at = None;
    }

    /// A new prompt starts at the end of the history.
    pub fn rewind(&mut self) {
        self.at = None;
        self.draft.clear();
    }

    /// The text one step older (or newer) than the one shown; `typed` is what the prompt
    /// holds now. None when there is nowhere to go.
    pub fn step(&mut self, older: bool, typed: &str) -> Option<String> {
        let last = self.entries.len().checked_sub(1)?;
        let next = match (self.at, older) {
            (None, true) => {
                self.draft = typed.to_string();
                Some(last)
            }
            (None, false) => return None,
            (Some(0), true) => return None,
            (Some(i), true) => Some(i - 1),
            (Some(i), false) if i < last => Some(i + 1),
            (Some(_), false) => None,
        };
        self.at = next;
        Some(match next {
            Some(i) => self.entries[i].clone(),
            None => std::mem::take(&mut self.draft),
        })
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl App {
    /// `↑`/`↓` in the search prompt: an earlier (or later) search, searched for as typed.
    pub(super) fn recall_search(&mut self, older: bool) {
        if self.prompt_purpose != PromptPurpose::Search {
            return;
        }
        let Some(typed) = self.prompt.clone() else {
            return;
        };
        if let Some(text) = self.history.step(older, &typed) {
            self.prompt = Some(text);
            self.search_as_typed();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn up_goes_back_down_comes_forward_to_the_draft() {
        let mut h = SearchHistory::default();
        h.push("Israel");
        h.push("Gaza");
        h.push("Israel");
        assert_eq!(
            h.len(),
            2,
            "a search kept twice is kept once, as the newest"
        );
        assert_eq!(h.step(true, "Ha").as_deref(), Some("Israel"));
        assert_eq!(h.step(true, "Israel").as_deref(), Some("Gaza"));
        assert_eq!(h.step(true, "Gaza"), None, "nothing older");
        assert_eq!(h.step(false, "Gaza").as_deref(), Some("Israel"));
        assert_eq!(h.step(false, "Israel").as_deref(), Some("Ha"), "the draft");
        assert_eq!(h.step(false, "Ha"), None);
    }

    #[test]
    fn an_empty_history_recalls_nothing_and_old_entries_go() {
        let mut h = SearchHistory::default();
        assert_eq!(h.step(true, "x"), None);
        for i in 0..KEPT + 5 {
            h.push(&i.to_string());
        }
        assert_eq!(h.len(), KEPT);
        h.rewind();
        assert_eq!(
            h.step(true, "").as_deref(),
            Some((KEPT + 4).to_string().as_str())
        );
    }
}

#[cfg(test)]
mod in_the_prompt {
    use crate::domain::cast::Cast;
    use crate::domain::document::Document;
    use crate::domain::entity::Kind;
    use crate::domain::search;
    use crate::reader::action::{Action, Effect, Work};
    use crate::reader::app::{App, Options};

    fn app() -> App {
        let text = "Alpha met Beta. Beta met Gamma. Alpha left.\n".repeat(5);
        let cast = Cast::found_by_search(&text, &[("Alpha", Kind::Person)]);
        App::with_cast(
            Document::from_string("t.txt", text),
            cast,
            Options::default(),
            80,
            20,
        )
    }

    /// What the worker would report for a count asked for.
    fn counted(effect: &Effect) -> Option<Work> {
        let Effect::CountHits {
            doc,
            document,
            text,
            query,
            hit,
        } = effect
        else {
            return None;
        };
        Some(Work::HitsCounted {
            doc: *doc,
            text: text.clone(),
            hit: *hit,
            count: search::count(document.bytes(), query, *hit),
        })
    }

    /// Types `text` into the prompt, and the worker's counts come back, as in the reader.
    fn type_in(a: &mut App, text: &str) {
        for c in text.chars() {
            for e in a.update(Action::PromptInput(c)) {
                if let Some(work) = counted(&e) {
                    a.update(Action::Work(work));
                }
            }
        }
    }

    #[test]
    fn the_hits_are_counted_on_a_worker_while_typing() {
        let mut a = app();
        a.update(Action::StartSearch);
        let effects = a.update(Action::PromptInput('b'));
        let [ask] = &effects[..] else {
            panic!("one count asked for: {effects:?}");
        };
        let late = counted(ask).expect("a count on the worker");
        assert_eq!(a.search.as_ref().unwrap().count, None, "not counted here");
        type_in(&mut a, "eta");
        assert_eq!(a.search.as_ref().unwrap().count, Some((0, 10)));
        a.update(Action::Work(late));
        assert_eq!(
            a.search.as_ref().unwrap().count,
            Some((0, 10)),
            "a count of 'b' that comes late is not the count of 'beta'"
        );
        type_in(&mut a, "x");
        assert!(a.search.as_ref().unwrap().hit.is_none());
        let effects = a.update(Action::PromptSubmit);
        assert!(effects.is_empty(), "nothing to count: {effects:?}");
    }

    #[test]
    fn up_and_down_recall_earlier_searches_and_search_them() {
        let mut a = app();
        for words in ["gamma", "alpha"] {
            a.update(Action::StartSearch);
            type_in(&mut a, words);
            a.update(Action::PromptSubmit);
        }
        a.update(Action::StartSearch);
        type_in(&mut a, "be");
        a.update(Action::PromptHistory(true));
        assert_eq!(a.prompt.as_deref(), Some("alpha"));
        a.update(Action::PromptHistory(true));
        assert_eq!(a.prompt.as_deref(), Some("gamma"));
        let hit = a.search.as_ref().unwrap().hit.clone().unwrap();
        assert_eq!(
            a.doc().text(hit),
            "Gamma",
            "the recalled words are searched"
        );
        a.update(Action::PromptHistory(false));
        a.update(Action::PromptHistory(false));
        assert_eq!(a.prompt.as_deref(), Some("be"), "back to what was typed");
        a.update(Action::Cancel);
        a.update(Action::StartSearch);
        a.update(Action::PromptHistory(true));
        assert_eq!(
            a.prompt.as_deref(),
            Some("alpha"),
            "a new prompt starts at the end"
        );
    }
}
