//! The title bar (file · date) and the status line (file, position, selection, help hint).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::domain::wrap::sanitize;
use crate::reader::action::{Mode, Pending};
use crate::reader::app::quotes::Scope;
use crate::reader::app::{App, Follow, PromptPurpose};
use crate::reader::ui::{Theme, truncate};

pub struct TitleBar<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl Widget for TitleBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let mut title = format!(" {}", file_name(self.app));
        if let Some(d) = self.app.doc().dateline() {
            title.push_str(&format!(" · {}", sanitize(&d.date)));
        }
        let width = area.width as usize;
        buf.set_stringn(
            area.x,
            area.y,
            truncate(&title, width),
            width,
            self.theme.title,
        );
    }
}

pub struct StatusLine<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl Widget for StatusLine<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let width = area.width as usize;
        buf.set_stringn(area.x, area.y, " ".repeat(width), width, self.theme.status);
        let hint = "? help ";
        let docs = if app.shelf.len() > 1 {
            format!(" [{}/{}]", app.shelf.shown_index() + 1, app.shelf.len())
        } else {
            String::new()
        };
        let left = format!(" {}{docs} · {}%", file_name(app), app.percent());
        let middle = status_message(app);
        let line = if middle.is_empty() {
            left
        } else {
            format!("{left} · {middle}")
        };
        let room = width.saturating_sub(hint.width() + 1);
        buf.set_stringn(
            area.x,
            area.y,
            truncate(&line, room),
            room,
            self.theme.status,
        );
        let hint_x = area.x + (width - hint.width().min(width)) as u16;
        buf.set_stringn(hint_x, area.y, hint, hint.width(), self.theme.status_key);
    }
}

/// What the status line says about the prompt, the search, the selection, the extraction
/// or the last key.
pub fn status_message(app: &App) -> String {
    if let Some(p) = &app.prompt {
        return match app.prompt_purpose {
            PromptPurpose::Search => format!("/{}▏", sanitize(p)),
            PromptPurpose::Rename(e) => {
                let old = app.entity(e).map(|e| sanitize(&e.name)).unwrap_or_default();
                format!(
                    "rename {old} to: {}▏ (Enter renames, Esc keeps)",
                    sanitize(p)
                )
            }
        };
    }
    match app.mode() {
        Mode::Pending(Pending::Mark) => return "m… (a letter names the mark)".into(),
        Mode::Pending(Pending::JumpToMark) => return "'… (which mark?)".into(),
        Mode::Pending(Pending::Colon) => return ":… (n, p or q)".into(),
        Mode::Pending(Pending::Kind | Pending::NewEntity) => {
            return "kind: p person, o organisation, c country, g group, l place, d date, n number, x other".into();
        }
        _ => {}
    }
    if let (Some(s), Follow::Search) = (&app.search, app.follow) {
        let q = sanitize(&s.text);
        let found = match (s.hit.is_some(), s.count) {
            (false, _) => format!("/{q} · not found"),
            (true, Some((i, n))) => format!("/{q} · {}/{n}", i + 1),
            (true, None) => format!("/{q}"),
        };
        return match &app.message {
            Some(m) if s.hit.is_some() => format!("{found} · {m}"),
            None if s.hit.is_some() && !app.aside.is_empty() => {
                format!("{found} · {}", app.aside.join(" · "))
            }
            _ => found,
        };
    }
    if let Some(n) = app.count {
        return format!("{n}… (% goes there)");
    }
    if let Some(walk) = quote_walk(app) {
        return match &app.message {
            Some(m) => format!("{walk} · {m}"),
            None => walk,
        };
    }
    if let Some(m) = &app.message {
        return m.clone();
    }
    if let Some(e) = app.highlighted().and_then(|e| app.entity(e)) {
        let name = sanitize(&e.name);
        let n = e.mentions.len();
        return match (app.current_mention(), app.reading().current) {
            (Some(_), Some(i)) if app.aside.is_empty() => format!("{name} · mention {}/{n}", i + 1),
            (Some(_), Some(i)) => {
                format!("{name} · mention {}/{n} · {}", i + 1, app.aside.join(" · "))
            }
            _ if app.reading().selected != app.highlighted() => {
                format!(
                    "{name} · {n} mention{} · Enter selects",
                    if n == 1 { "" } else { "s" }
                )
            }
            _ => format!("{name} · {n} mention{}", if n == 1 { "" } else { "s" }),
        };
    }
    match app.reading().progress {
        Some(p) => format!("finding entities… {p}%"),
        None => String::new(),
    }
}

/// `Benjamin Netanyahu · quote 2/5`, `quote 3/9 · KCNA`, `quote 1/3 with no speaker`: where
/// the walk through quotations is.
fn quote_walk(app: &App) -> Option<String> {
    let walk = app.quote_walk()?;
    let place = match walk.nth {
        Some(i) => format!("quote {}/{}", i + 1, walk.of),
        None => format!("quote –/{}", walk.of),
    };
    let name = |e: usize| app.entity(e).map(|x| sanitize(&x.name));
    Some(match walk.scope {
        Scope::Said(e) => format!("{} · {place}", name(e).unwrap_or_default()),
        Scope::Every => {
            let speaker = app.cast().quotes.get(walk.at).and_then(|q| q.speaker());
            let who = speaker
                .and_then(name)
                .unwrap_or_else(|| "no speaker".into());
            format!("{place} · {who}")
        }
        Scope::Nobody => format!("{place} with no speaker"),
    })
}

fn file_name(app: &App) -> String {
    let name = app.doc().name();
    let short = std::path::Path::new(name)
        .file_name()
        .map_or_else(|| name.to_string(), |n| n.to_string_lossy().into_owned());
    sanitize(&short)
}
