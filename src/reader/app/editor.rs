//! `v`, as in less: the shown document in the user's editor at the line being read. The app
//! only asks (`Effect::Edit`); the terminal layer gives the editor the terminal.

use super::App;
use crate::domain::wrap::sanitize;
use crate::reader::action::Effect;
use crate::store::source::DEFAULT_NAME;

impl App {
    pub(super) fn open_editor(&mut self) {
        let Some(file) = self.reading().file.clone() else {
            self.message = Some(if self.doc().name() == "-" {
                "standard input is no file to edit (save it to one first)".into()
            } else if self.doc().name() == DEFAULT_NAME {
                "the built-in article is no file to edit".into()
            } else {
                format!("{} is not a file on disk", sanitize(self.doc().name()))
            });
            return;
        };
        let line = self.doc().line_number(self.reading_place());
        self.effects.push(Effect::Edit { file, line });
    }

    /// Where the reader is reading: the current search hit or mention while it is on screen,
    /// else the top of the screen.
    fn reading_place(&self) -> usize {
        let hit = self.search.as_ref().and_then(|s| s.hit.as_ref());
        let mention = self.current_mention().map(|m| m.start as usize);
        let followed = match self.follow {
            super::Follow::Search => hit.map(|h| h.start).or(mention),
            _ => mention.or(hit.map(|h| h.start)),
        };
        followed
            .filter(|&at| self.on_screen(at))
            .unwrap_or_else(|| self.top_offset())
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::cast::Cast;
    use crate::domain::document::Document;
    use crate::domain::entity::Kind;
    use crate::reader::action::{Action, Effect};
    use crate::reader::app::{App, Options};

    fn app(name: &str, file: Option<&str>) -> App {
        let text: String = (1..=200).map(|i| format!("Line {i}: Alpha.\n")).collect();
        let cast = Cast::found_by_search(&text, &[("Alpha", Kind::Person)]);
        App::with_cast(
            Document::from_string(name, text),
            cast,
            Options::default(),
            80,
            20,
        )
        .with_files(vec![file.map(Into::into)])
    }

    fn edit(effects: &[Effect]) -> Option<(String, usize)> {
        effects.iter().find_map(|e| match e {
            Effect::Edit { file, line } => Some((file.display().to_string(), *line)),
            _ => None,
        })
    }

    #[test]
    fn v_opens_the_file_at_the_top_line_or_the_current_mention() {
        let mut a = app("notes.txt", Some("notes.txt"));
        assert_eq!(
            edit(&a.update(Action::OpenEditor)),
            Some(("notes.txt".into(), 1))
        );
        a.update(Action::Scroll(crate::reader::action::Amount::Lines(30)));
        assert_eq!(edit(&a.update(Action::OpenEditor)).unwrap().1, 31);
        a.select(0, Some(40));
        assert_eq!(edit(&a.update(Action::OpenEditor)).unwrap().1, 41);
    }

    #[test]
    fn v_on_standard_input_or_the_built_in_article_says_why_not() {
        let mut a = app("-", None);
        assert_eq!(edit(&a.update(Action::OpenEditor)), None);
        assert!(
            a.message
                .as_deref()
                .unwrap()
                .starts_with("standard input is no file")
        );
        let mut a = app(crate::store::source::DEFAULT_NAME, None);
        a.update(Action::OpenEditor);
        assert_eq!(
            a.message.as_deref(),
            Some("the built-in article is no file to edit")
        );
        a.update(Action::Work(crate::reader::action::Work::Edited {
            error: Some("the editor (vi) exited with status 1".into()),
        }));
        assert_eq!(
            a.message.as_deref(),
            Some("the editor (vi) exited with status 1")
        );
    }
}
