//! One struct of styles. Colours are the 16 named ones, so the user's palette applies; the
//! monochrome theme (NO_COLOR) marks everything with reverse, bold, underline and italics
//! instead.

use ratatui::style::{Color, Modifier, Style};

use crate::domain::entity::{Form, Kind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    /// 24-bit colours (only when the terminal says it has them, through COLORTERM).
    pub truecolor: bool,
    pub title: Style,
    pub status: Style,
    pub status_key: Style,
    pub text: Style,
    /// Stand-ins for control characters and invalid bytes.
    pub escaped: Style,
    pub heading: Style,
    pub border: Style,
    pub dim: Style,
    pub cursor_focused: Style,
    pub cursor_unfocused: Style,
    pub margin_marker: Style,
    /// The margin's mark of a row of the selection's quotations.
    pub quote_mark: &'static str,
}

impl Theme {
    pub fn colored() -> Theme {
        Theme {
            color: true,
            truecolor: false,
            title: Style::new().add_modifier(Modifier::BOLD),
            status: Style::new().add_modifier(Modifier::REVERSED),
            status_key: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            text: Style::new(),
            escaped: Style::new().fg(Color::DarkGray).add_modifier(Modifier::DIM),
            heading: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            border: Style::new().fg(Color::DarkGray),
            dim: Style::new().add_modifier(Modifier::DIM),
            cursor_focused: Style::new().add_modifier(Modifier::REVERSED),
            cursor_unfocused: Style::new().add_modifier(Modifier::BOLD),
            margin_marker: Style::new().add_modifier(Modifier::BOLD),
            quote_mark: "❝",
        }
    }

    /// Softer 24-bit colours for terminals that announce them (`COLORTERM=truecolor`).
    pub fn truecolor() -> Theme {
        Theme {
            truecolor: true,
            ..Theme::colored()
        }
    }

    pub fn monochrome() -> Theme {
        Theme {
            color: false,
            escaped: Style::new().add_modifier(Modifier::DIM),
            border: Style::new(),
            ..Theme::colored()
        }
    }

    /// The colour of a kind (tags and highlights).
    pub fn kind_color(&self, kind: Kind) -> Color {
        if self.truecolor {
            return match kind {
                Kind::Person => Color::Rgb(0xe5, 0xc0, 0x7b),
                Kind::Organization => Color::Rgb(0x56, 0xb6, 0xc2),
                Kind::Country => Color::Rgb(0x98, 0xc3, 0x79),
                Kind::Group => Color::Rgb(0xc6, 0x78, 0xdd),
                Kind::Place => Color::Rgb(0x61, 0xaf, 0xef),
                Kind::Date | Kind::Number => Color::Rgb(0xe0, 0x6c, 0x75),
                Kind::Other => Color::Rgb(0xab, 0xb2, 0xbf),
            };
        }
        match kind {
            Kind::Person => Color::Yellow,
            Kind::Organization => Color::Cyan,
            Kind::Country => Color::Green,
            Kind::Group => Color::Magenta,
            Kind::Place => Color::Blue,
            Kind::Date | Kind::Number => Color::Red,
            Kind::Other => Color::Gray,
        }
    }

    /// The written tag of a kind, so colour is never the only signal.
    pub fn kind_tag(kind: Kind) -> &'static str {
        match kind {
            Kind::Person => "PER",
            Kind::Organization => "ORG",
            Kind::Country => "CTRY",
            Kind::Group => "GRP",
            Kind::Place => "PLC",
            Kind::Date => "DATE",
            Kind::Number => "NUM",
            Kind::Other => "OTH",
        }
    }

    pub fn tag(&self, kind: Kind) -> Style {
        if self.color {
            Style::new()
                .fg(self.kind_color(kind))
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    /// A mention of the highlighted entity.
    pub fn mention(&self, kind: Kind) -> Style {
        if self.color {
            Style::new().fg(Color::Black).bg(self.kind_color(kind))
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    /// A description or pronoun of the highlighted entity: a link the extractor inferred,
    /// lit weaker than a name (its colour underlined, no background; in monochrome,
    /// underlined), so the reader tells the text's names from the machine's guesses.
    pub fn inferred_mention(&self, kind: Kind) -> Style {
        let underlined = Style::new().add_modifier(Modifier::UNDERLINED);
        if self.color {
            underlined.fg(self.kind_color(kind))
        } else {
            underlined
        }
    }

    /// A mention of the highlighted entity, as its form says: a name or demonym
    /// ([`Theme::mention`]), or an inferred one ([`Theme::inferred_mention`]).
    pub fn mention_of(&self, kind: Kind, form: Form) -> Style {
        if form.is_named() {
            self.mention(kind)
        } else {
            self.inferred_mention(kind)
        }
    }

    /// A search hit; the current one is marked more strongly.
    pub fn search_hit(&self, current: bool) -> Style {
        let base = if self.color {
            Style::new().fg(Color::Black).bg(Color::LightYellow)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED)
        };
        if current {
            base.add_modifier(Modifier::BOLD | Modifier::UNDERLINED | Modifier::REVERSED)
        } else {
            base
        }
    }

    /// The words of a quotation of the highlighted entity (`speaker` its kind), in the
    /// speaker's colour and in italics, as quotations are set; the quotation walked to with
    /// `n`/`N` in bold too. Without colour, italics (and bold) alone.
    pub fn quote(&self, speaker: Option<Kind>, current: bool) -> Style {
        let mut style = Style::new().add_modifier(Modifier::ITALIC);
        if let (true, Some(kind)) = (self.color, speaker) {
            style = style.fg(self.kind_color(kind));
        }
        if current {
            style = style.add_modifier(Modifier::BOLD);
        }
        style
    }

    /// The current mention, whatever its form: marked more strongly than the others.
    pub fn current_mention(&self, kind: Kind) -> Style {
        self.mention(kind)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }
}
