//! `y`: copy what the reader is on to the clipboard — the current sentence in the text, the
//! entity under the cursor in the cast, the row of a list (the sentence of a mention or a
//! connection's sentence, a name, a document's path). The app only says what to copy; the
//! terminal layer sends it (OSC 52), unless the reader turned copying off.

use std::ops::Range;

use super::panels::{Head, Row};
use super::{App, Focus, Overlay};
use crate::domain::context::one_line;
use crate::domain::sentences::{MAX_SENTENCE, Sentences};
use crate::domain::wrap::sanitize;
use crate::reader::action::Effect;
use crate::reader::clipboard::{MAX_COPY, capped};

/// What `y` copies: a word for the status line, and the text.
struct Copied {
    what: &'static str,
    text: String,
}

impl App {
    pub(super) fn copy(&mut self) {
        let Some(Copied { what, text }) = self.to_copy() else {
            self.message = Some("nothing to copy here".into());
            return;
        };
        if !self.options.clipboard {
            self.message = Some(
                "copying is off (clipboard = false in the config, or DRAMATIS_NO_OSC52)".into(),
            );
            return;
        }
        let sent = capped(&text, MAX_COPY);
        let preview = preview(&sanitize(sent));
        self.message = Some(if sent.len() < text.len() {
            format!(
                "copied the first {} KB of the {what} ({} KB): \"{preview}\"",
                sent.len() >> 10,
                text.len().div_ceil(1024)
            )
        } else {
            let n = sent.chars().count();
            format!(
                "copied the {what}, {n} character{}: \"{preview}\"",
                if n == 1 { "" } else { "s" }
            )
        });
        self.effects.push(Effect::Copy(sent.to_string()));
    }

    fn to_copy(&self) -> Option<Copied> {
        let copied = |what, text: String| Some(Copied { what, text });
        match (self.overlay, self.focus) {
            (Overlay::Help, _) => None,
            (Overlay::Shelf, _) => {
                let reading = self.shelf.get(self.shelf_cursor)?;
                copied("document's name", reading.doc.name().to_string())
            }
            (Overlay::None, Focus::Sidebar) if self.sidebar_shown() => {
                copied("name", self.entity(self.cursor_entity()?)?.name.clone())
            }
            (Overlay::None, Focus::Panel) => self.row_to_copy(),
            _ => {
                let range = self.sentence_at(self.sentence_offset())?;
                copied(
                    "sentence",
                    one_line(&self.doc().text(range)).trim().to_string(),
                )
            }
        }
    }

    /// What a panel row copies: a mention's sentence, a shared sentence, an entity's name or a
    /// document's name.
    fn row_to_copy(&self) -> Option<Copied> {
        let list = self.panel()?.list();
        let name = |e: usize| self.entity(e).map(|x| x.name.clone());
        let (what, text) = match (list.head, list.current()?) {
            (Head::Connections(e), Row::Connection(k)) => {
                let c = self.relations()?.connections.get(k);
                ("name", name(c.other(e))?)
            }
            (_, Row::Sentence(s)) => {
                let range = self.relations()?.sentences.range(s as usize);
                (
                    "sentence",
                    one_line(&self.doc().text(range)).trim().to_string(),
                )
            }
            (Head::Contexts(e), Row::Mention(i)) => {
                let m = *self.entity(e)?.mentions.get(i)?;
                let range = self.sentence_at(m.start as usize)?;
                (
                    "sentence",
                    one_line(&self.doc().text(range)).trim().to_string(),
                )
            }
            (_, Row::CorpusEntity(ce)) => {
                let corpus = self.panels.corpus.as_ref()?;
                ("name", corpus.cast.entities.get(ce)?.name.clone())
            }
            (_, Row::Quote(q)) => {
                let quote = self.cast().quotes.get(q)?;
                let words = one_line(&self.doc().text(quote.range()));
                ("quotation", words.trim().to_string())
            }
            (_, Row::Appearance { document, .. }) => (
                "document's name",
                self.shelf.get(document)?.doc.name().to_string(),
            ),
            _ => return None,
        };
        Some(Copied { what, text })
    }

    /// Where the current sentence is: at the current mention or search hit if it is on
    /// screen, else the first sentence that starts on screen.
    fn sentence_offset(&self) -> usize {
        let mention = self.current_mention().map(|m| m.start as usize);
        let hit = self
            .search
            .as_ref()
            .and_then(|s| s.hit.as_ref().map(|h| h.start));
        if let Some(at) = mention
            .into_iter()
            .chain(hit)
            .find(|&at| self.on_screen(at))
        {
            return at;
        }
        let top = self.top_offset();
        match self.relations() {
            Some(r) => {
                let first = r.sentences.overlapping(top..self.screen_range().end);
                (first.clone())
                    .map(|i| r.sentences.range(i).start)
                    .find(|&s| s >= top)
                    .unwrap_or(top)
            }
            None => top,
        }
    }

    /// The sentence at byte `at` (or the first after it): from the counted sentences when
    /// they are ready, else split around `at` on the spot.
    pub(super) fn sentence_at(&self, at: usize) -> Option<Range<usize>> {
        if let Some(r) = self.relations() {
            let i = r.sentences.overlapping(at..at + 1).start;
            if i < r.sentences.len() {
                return Some(r.sentences.range(i));
            }
        }
        let doc = self.doc();
        let line = doc.line_at(at);
        let from = at.saturating_sub(MAX_SENTENCE).max(line.start);
        let to = at.saturating_add(MAX_SENTENCE).min(line.content_end);
        let around = Sentences::of_range(doc.bytes(), from..to);
        let i = around.overlapping(at..at + 1).start;
        (i < around.len()).then(|| around.range(i))
    }
}

/// The start of what was copied, for the status line.
fn preview(text: &str) -> String {
    const CHARS: usize = 40;
    let mut out: String = text.chars().take(CHARS).collect();
    if text.chars().nth(CHARS).is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::cast::Cast;
    use crate::domain::document::Document;
    use crate::domain::entity::Kind;
    use crate::reader::action::Action;
    use crate::reader::app::Options;

    const STORY: &str = "Ruritania met Elbonia in Oz. Elbonia thanked\nRuritania.\n\n\
                         Freedonia stayed home.";

    fn app_with(text: &str, options: Options) -> App {
        let cast = Cast::found_by_search(
            text,
            &[
                ("Ruritania", Kind::Country),
                ("Elbonia", Kind::Country),
                ("Freedonia", Kind::Country),
            ],
        );
        App::with_cast(Document::from_string("t.txt", text), cast, options, 100, 30)
    }

    fn copied(effects: &[Effect]) -> Option<String> {
        effects.iter().find_map(|e| match e {
            Effect::Copy(text) => Some(text.clone()),
            _ => None,
        })
    }

    #[test]
    fn y_in_the_text_copies_the_sentence_of_the_current_mention_on_one_line() {
        let mut a = app_with(STORY, Options::default());
        let e = a
            .cast()
            .entities
            .iter()
            .position(|e| e.name == "Elbonia")
            .unwrap();
        a.select(e, Some(1));
        let effects = a.update(Action::Copy);
        assert_eq!(
            copied(&effects).as_deref(),
            Some("Elbonia thanked Ruritania."),
            "the sentence of the second mention, its line break a space"
        );
        let m = a.message.as_deref().unwrap();
        assert!(m.starts_with("copied the sentence, 26 characters"), "{m}");
        a.update(Action::Clear);
        let effects = a.update(Action::Copy);
        assert_eq!(
            copied(&effects).as_deref(),
            Some("Ruritania met Elbonia in Oz."),
            "without a selection, the first sentence on screen"
        );
    }

    #[test]
    fn y_in_the_cast_copies_the_name_and_in_the_contexts_the_sentence() {
        let mut a = app_with(STORY, Options::default());
        a.update(Action::FocusNext);
        let effects = a.update(Action::Copy);
        assert_eq!(copied(&effects).as_deref(), Some("Ruritania"));
        a.update(Action::Select);
        a.update(Action::ToggleContexts);
        a.update(Action::Scroll(crate::reader::action::Amount::Lines(1)));
        let effects = a.update(Action::Copy);
        assert_eq!(
            copied(&effects).as_deref(),
            Some("Elbonia thanked Ruritania.")
        );
    }

    #[test]
    fn y_in_the_document_list_copies_the_documents_name() {
        let mut a = app_with(STORY, Options::default());
        a.update(Action::ToggleShelf);
        let effects = a.update(Action::Copy);
        assert_eq!(copied(&effects).as_deref(), Some("t.txt"));
    }

    #[test]
    fn copying_off_sends_nothing_and_says_why() {
        let options = Options {
            clipboard: false,
            ..Options::default()
        };
        let mut a = app_with(STORY, options);
        let effects = a.update(Action::Copy);
        assert_eq!(copied(&effects), None);
        assert!(a.message.as_deref().unwrap().contains("copying is off"));
    }

    #[test]
    fn a_huge_sentence_is_cut_to_the_cap_and_the_status_says_so() {
        let text = format!("Ruritania {}.", "word ".repeat(20_000));
        let mut a = app_with(&text, Options::default());
        let effects = a.update(Action::Copy);
        let sent = copied(&effects).unwrap();
        assert_eq!(sent.len(), MAX_COPY);
        let m = a.message.as_deref().unwrap();
        assert!(
            m.starts_with("copied the first 32 KB of the sentence ("),
            "{m}"
        );
    }
}
