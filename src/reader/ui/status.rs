//! The title bar (file · date) and the status line (file, position, selection, help hint).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::domain::entity::Form;
use crate::domain::wrap::sanitize;
use crate::reader::action::{Mode, Pending};
use crate::reader::app::list_filter::FilterTarget;
use crate::reader::app::panels::QuoteScope;
use crate::reader::app::{App, Focus, Follow, PromptPurpose};
use crate::reader::ui::{Theme, document_label, truncate, truncate_middle};

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
        // The text's title is underlined while the text has focus, as the cast's and the
        // panel's are while they have it: one way to tell where the keys go.
        if self.app.focus == Focus::Document {
            let name = file_name(self.app).width().min(width.saturating_sub(1)) as u16;
            buf.set_style(
                Rect::new(area.x + 1, area.y, name, 1).intersection(area),
                self.theme.title.add_modifier(Modifier::UNDERLINED),
            );
        }
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
        let (line, hint) = status_line(app, width);
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

/// The status line for `width` columns, and the help hint at its right end (or none).
fn status_line(app: &App, width: usize) -> (String, &'static str) {
    match app.mode() {
        // The choices are the prompt: all of them show, the name gives way.
        Mode::Pending(Pending::Kind | Pending::NewEntity) => {
            return (kind_prompt(app, width.saturating_sub(1)), "");
        }
        Mode::Prompt => return (prompt_line(app, width), ""),
        _ => {}
    }
    let docs = if app.shelf.len() > 1 {
        format!(" [{}/{}]", app.shelf.shown_index() + 1, app.shelf.len())
    } else {
        String::new()
    };
    let left = format!(" {}{docs} · {}%", file_name(app), app.percent());
    let middle = status_message(app);
    // On a narrow terminal the message comes first: the file name is in the title bar
    // already, the help hint shrinks to its key, and a mention's place gets short.
    let (full, key) = ("? help ", "? ");
    if middle.is_empty() {
        return (left, full);
    }
    let short = message(app, true);
    let choices: Vec<(String, &str)> = vec![
        (format!("{left} · {middle}"), full),
        (format!("{docs} {}% · {middle}", app.percent()), full),
        (format!("{docs} {middle}"), full),
        (format!("{docs} {middle}"), key),
        (format!(" {short}"), full),
        (format!(" {short}"), key),
    ];
    let fits = |(line, hint): &&(String, &str)| line.width() + hint.width() < width;
    if let Some(choice) = choices.iter().find(fits) {
        return choice.clone();
    }
    // Then the message is cut at its end (hints like `Enter selects`, a note) while its
    // first two parts (a name and the place) show whole...
    let parts: Vec<&str> = short.splitn(3, " · ").collect();
    if parts.len() >= 2 && 1 + parts[0].width() + 3 + parts[1].width() + key.width() < width {
        return (format!(" {short}"), key);
    }
    // ...and last, the name (or query) it starts with gives way to the place after it.
    if let Some((subject, place)) = short.split_once(" · ") {
        let fixed = 1 + 3 + place.width() + key.width() + 1;
        if width >= fixed + 6 {
            let subject = truncate(subject, width - fixed);
            return (format!(" {subject} · {place}"), key);
        }
    }
    (format!(" {short}"), key)
}

/// A prompt has the line to itself. What is typed matters most: the key hint goes first,
/// then (renaming) the old name is cut in the middle, then the start of what is typed.
fn prompt_line(app: &App, width: usize) -> String {
    let full = format!(" {}", status_message(app));
    if full.width() < width {
        return full;
    }
    let bare = full.split(" (Enter ").next().unwrap_or(&full);
    if bare.width() < width {
        return bare.to_string();
    }
    if let (Some(typed), PromptPurpose::Rename(e)) = (&app.prompt, app.prompt_purpose) {
        let typed = format!("{}▏", sanitize(typed));
        let old = app.entity(e).map(|e| sanitize(&e.name)).unwrap_or_default();
        let room = width.saturating_sub(typed.width() + " rename  to: ".width() + 1);
        if room >= 6 {
            return format!(" rename {} to: {typed}", truncate_middle(&old, room));
        }
        return format!(" rename: {}", tail(&typed, width.saturating_sub(10)));
    }
    format!(" {}", tail(bare.trim_start(), width.saturating_sub(2)))
}

/// The end of `s` in `width` columns, `…` first if it is cut (where one types, the end
/// matters).
fn tail(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out: Vec<char> = Vec::new();
    let mut used = 1;
    for c in s.chars().rev() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out.into_iter().rev().collect()
}

/// The kind prompt in `width` columns: `NAME: p person o org …`, naming the entity the kind
/// is for (the cast cursor's or the selection; the search hit for a new entity).
fn kind_prompt(app: &App, width: usize) -> String {
    const CHOICES: &str = "p person o org c country g group l place d date n number x other";
    // On a narrow screen the letters alone (the help spells them out).
    const LETTERS: &str = "kind? p o c g l d n x";
    let name = match app.mode() {
        Mode::Pending(Pending::NewEntity) => app.search.as_ref().map_or_else(
            || "new entity".into(),
            |s| format!("new “{}”", sanitize(&s.text)),
        ),
        _ => app
            .target_entity()
            .and_then(|e| app.entity(e))
            .map_or_else(|| "kind".into(), |e| sanitize(&e.name)),
    };
    let choices = if width >= CHOICES.width() + 3 + 6 {
        CHOICES
    } else {
        LETTERS
    };
    let room = width.saturating_sub(choices.width() + 3).max(6);
    // Cut in the middle: two names that differ at their ends stay apart.
    truncate(
        &format!(" {}: {choices}", truncate_middle(&name, room)),
        width,
    )
}

/// What the status line says about the prompt, the search, the selection, the extraction
/// or the last key.
pub fn status_message(app: &App) -> String {
    message(app, false)
}

/// [`status_message`], with the current mention's place written short (`3/9 pronoun`) for
/// a narrow terminal if `short`.
fn message(app: &App, short: bool) -> String {
    if let Some(p) = &app.prompt {
        return match app.prompt_purpose {
            PromptPurpose::Search => search_prompt(app, p),
            PromptPurpose::Rename(e) => {
                let old = app.entity(e).map(|e| sanitize(&e.name)).unwrap_or_default();
                format!(
                    "rename {old} to: {}▏ (Enter renames, Esc keeps)",
                    sanitize(p)
                )
            }
            PromptPurpose::Filter(target) => filter_prompt(app, target, p),
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
    if let Some(only) = only_status(app) {
        // A note lasts one key: it comes first, where a narrow line keeps it.
        return match (&app.message, app.aside.is_empty()) {
            (Some(m), _) => format!("{m} · {only}"),
            (None, false) => format!("{only} · {}", app.aside.join(" · ")),
            (None, true) => only,
        };
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
    if let Some(index) = app.highlighted()
        && let Some(e) = app.entity(index)
    {
        let name = sanitize(&e.name);
        let n = app.cast().count(index, app.scope());
        return match (app.current_mention(), app.reading().current) {
            (Some(m), Some(i)) => {
                let (k, form) = (app.lit(index).rank(i) + 1, form_label(m.form));
                let mut place = if short {
                    format!("{name} · {k}/{n} {form}")
                } else {
                    format!("{name} · mention {k}/{n} · {form}")
                };
                for note in &app.aside {
                    place.push_str(" · ");
                    place.push_str(note);
                }
                place
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
        None if let Some(p) = app.reading().read_so_far => {
            format!("the names read so far · reading… {p}%")
        }
        None if app.reading().names_only => {
            "names found · finding pronouns, descriptions and quotations…".into()
        }
        None => String::new(),
    }
}

/// `/israel▏ 3/14` as it is typed: the hits counted so far (after the frame that shows the
/// first), `not found`, and how to recall an earlier search.
fn search_prompt(app: &App, typed: &str) -> String {
    let typed_now = app.search.as_ref().filter(|s| s.text == *typed);
    let found = match typed_now.map(|s| (s.hit.is_some(), s.count)) {
        Some((true, Some((i, n)))) => format!(" {}/{n}", i + 1),
        Some((false, _)) => " not found".into(),
        _ => String::new(),
    };
    let recall = if typed.is_empty() && !app.history.is_empty() {
        " (↑ earlier searches)"
    } else {
        ""
    };
    format!("/{}▏{found}{recall}", sanitize(typed))
}

/// `filter the cast: isr▏ 3/11 · Enter keeps · Esc clears`; before anything is typed, how.
fn filter_prompt(app: &App, target: FilterTarget, typed: &str) -> String {
    let what = match target {
        FilterTarget::Cast => "the cast",
        FilterTarget::Panel => "the list",
        FilterTarget::Shelf => "the documents",
    };
    if typed.trim().is_empty() {
        let kinds = if target == FilterTarget::Shelf {
            ""
        } else {
            ", kind:per kind:org…"
        };
        return format!("filter {what}: ▏ (words{kinds}) · Esc");
    }
    let (kept, all) = app.filter_counts(target);
    format!(
        "filter {what}: {}▏ {kept}/{all} · Enter keeps · Esc clears",
        sanitize(typed)
    )
}

/// `& Israel · sentence 3/41 · Esc returns`.
fn only_status(app: &App) -> Option<String> {
    let only = app.only.as_ref()?;
    let name = app.entity(only.entity).map(|e| sanitize(&e.name))?;
    let (k, n) = app.only_place()?;
    Some(format!("& {name} · sentence {}/{n} · Esc returns", k + 1))
}

/// How the status names a mention's form: "description" is the reader's word for what the
/// JSON calls `nominal`.
fn form_label(form: Form) -> &'static str {
    match form {
        Form::Name => "name",
        Form::Demonym => "demonym",
        Form::Nominal => "description",
        Form::Pronoun => "pronoun",
    }
}

/// `Benjamin Netanyahu · quote 2/5`, `quote 3/9 · KCNA`, `quote 1/3 with no speaker`: where
/// the walk through quotations is.
fn quote_walk(app: &App) -> Option<String> {
    let walk = app.quote_walk()?;
    let place = match walk.nth {
        Some(i) => format!("quote {}/{}", i + 1, walk.of),
        None if walk.of == 0 => "no quotation left".to_string(),
        None => format!("quote –/{}", walk.of),
    };
    let name = |e: usize| app.entity(e).map(|x| sanitize(&x.name));
    Some(match walk.scope {
        QuoteScope::Said(e) => format!("{} · {place}", name(e).unwrap_or_default()),
        QuoteScope::Every => {
            let speaker = app.cast().quotes.get(walk.at).and_then(|q| q.speaker());
            let who = speaker
                .and_then(name)
                .unwrap_or_else(|| "no speaker".into());
            format!("{place} · {who}")
        }
        QuoteScope::Nobody => format!("{place} with no speaker"),
    })
}

fn file_name(app: &App) -> String {
    document_label(app.doc().name())
}
