//! Every mention or names only: which mentions of an entity are lit and walked, and the switch
//! between the two. Names only leaves the links coreference inferred (descriptions and
//! pronouns) dark: neither lit, nor walked by `n`, nor listed in context, nor counted.

use super::{App, panels::PanelKind};
use crate::domain::lit::{Lit, Scope};

impl App {
    /// Which mentions are lit.
    pub fn scope(&self) -> Scope {
        self.scope
    }

    /// Entity `e`'s mentions as the scope lights them (no entity: none).
    pub fn lit(&self, e: usize) -> Lit<'_> {
        let mentions = self.cast().entities.get(e).map_or(&[][..], |x| &x.mentions);
        Lit::new(mentions, self.scope)
    }

    /// `e`: every mention, or names only. A current mention the new scope does not light is
    /// no longer current (`n` goes on from the screen); the list in context follows.
    pub(super) fn toggle_scope(&mut self) {
        self.scope = self.scope.toggled();
        if let (Some(e), Some(i)) = (self.reading().selected, self.reading().current)
            && !self.lit(e).admits(i)
        {
            self.reading_mut().current = None;
        }
        if let Some(p) = self.panel()
            && p.kind == PanelKind::Contexts
            && let Some(e) = p.about()
        {
            self.open_panel_on(PanelKind::Contexts, e);
        }
        self.message = Some(
            match self.scope {
                Scope::Every => "every mention: descriptions and pronouns underlined",
                Scope::Names => "names only: descriptions and pronouns unlit",
            }
            .into(),
        );
    }
}

/// For tests: a short text where coreference linked descriptions and pronouns.
#[cfg(test)]
pub(crate) mod fixture {
    use crate::domain::cast::Cast;
    use crate::domain::document::Document;
    use crate::domain::entity::{Form, Kind};

    pub const TEXT: &str = "Maria Lopez, the defence secretary, visited Boston. She said the army was ready.\n\nLopez thanked the troops, and she left. Tom Becker met Lopez later. He said he agreed with her.\n";

    /// Lopez: 3 names, a description and 3 pronouns; Becker: a name and 2 pronouns; Boston.
    pub fn cast() -> Cast {
        use Form::{Name, Nominal, Pronoun};
        Cast::linked(
            TEXT,
            &[
                (
                    "Maria Lopez",
                    Kind::Person,
                    &[
                        ("Maria Lopez", 0, Name),
                        ("defence secretary", 0, Nominal),
                        ("She", 0, Pronoun),
                        ("Lopez", 1, Name),
                        ("she", 0, Pronoun),
                        ("Lopez", 2, Name),
                        ("her", 0, Pronoun),
                    ],
                ),
                (
                    "Tom Becker",
                    Kind::Person,
                    &[
                        ("Tom Becker", 0, Name),
                        ("He", 0, Pronoun),
                        ("he", 0, Pronoun),
                    ],
                ),
                ("Boston", Kind::Place, &[("Boston", 0, Name)]),
            ],
        )
    }

    pub fn doc() -> Document {
        Document::from_string("linked.txt", TEXT)
    }
}

#[cfg(test)]
mod tests;
