//! The keymap: one table of (keys, action, description). Key dispatch, the help screen and
//! the status hints all read it, so what help says is what the keys do.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use crate::reader::action::{Action, Amount};
use crate::reader::action::{Edit, Mode, Pending, kind_for_letter};

/// A key with its modifiers. For characters, Shift is part of the character ('G').
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Key {
    pub const fn ch(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: false,
        }
    }

    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
        }
    }

    pub const fn code(code: KeyCode) -> Key {
        Key { code, ctrl: false }
    }

    pub fn from_event(ev: &KeyEvent) -> Key {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        let code = match ev.code {
            // Some terminals report Ctrl-letters in upper case.
            KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
            KeyCode::BackTab => KeyCode::Tab,
            other => other,
        };
        Key { code, ctrl }
    }

    /// Reads a key as written in a config file: `x`, `G`, `ctrl-x`, `space`, `pgdn`, `f1`.
    pub fn parse(spec: &str) -> Option<Key> {
        let lower = spec.to_ascii_lowercase();
        let (ctrl, rest) = match lower
            .strip_prefix("ctrl-")
            .or_else(|| lower.strip_prefix("c-"))
        {
            Some(r) => (true, r),
            None => (false, lower.as_str()),
        };
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(_), None) if ctrl => KeyCode::Char(rest.chars().next()?),
            // A single character keeps its case: `G` is not `g`.
            (Some(_), None) => KeyCode::Char(spec.chars().next()?),
            _ => match rest {
                "space" => KeyCode::Char(' '),
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" => KeyCode::Tab,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "pgup" | "pageup" => KeyCode::PageUp,
                "pgdn" | "pagedown" => KeyCode::PageDown,
                "backspace" => KeyCode::Backspace,
                f if f.starts_with('f') => {
                    KeyCode::F(f[1..].parse().ok().filter(|n| (1..=12).contains(n))?)
                }
                _ => return None,
            },
        };
        Some(Key { code, ctrl })
    }

    /// How the key is written in help: `j`, `Space`, `PgDn`, `Ctrl-C`.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) if self.ctrl => c.to_ascii_uppercase().to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Down => "↓".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.ctrl {
            format!("Ctrl-{base}")
        } else {
            base
        }
    }
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// While reading (document or sidebar focused).
    Reader,
    /// While the help screen is open.
    Help,
    /// While the list of the shelf's documents is open.
    Shelf,
}

/// One line of the keymap.
#[derive(Debug, Clone)]
pub struct Binding {
    pub context: Context,
    /// The help section it is listed under.
    pub section: &'static str,
    pub keys: Vec<Key>,
    pub action: Action,
    /// The action's name (what a config file would remap).
    pub name: &'static str,
    pub description: &'static str,
}

pub struct Keymap {
    pub bindings: Vec<Binding>,
}

/// A key a config took from one action for another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Taken {
    pub key: Key,
    pub from: &'static str,
    pub to: &'static str,
}

impl std::fmt::Display for Taken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "config: {} now does {}, no longer {}",
            self.key.label(),
            self.to,
            self.from
        )
    }
}

impl Default for Keymap {
    /// The bindings, one a line: context, help section, keys, action, the action's name in a
    /// config file, and what help says it does.
    #[rustfmt::skip]
    fn default() -> Keymap {
        use Action as A;
        use Context::{Help, Reader, Shelf};
        use KeyCode::{Down, End, Enter, Esc, F, Home, PageDown, PageUp, Tab, Up};
        let (ch, ctrl, key) = (Key::ch, Key::ctrl, Key::code);
        let b = |context, section, keys: &[Key], action, name, description| Binding {
            context, section, keys: keys.to_vec(), action, name, description,
        };
        let lines = |n| A::Scroll(Amount::Lines(n));
        let pages = |n| A::Scroll(Amount::Pages(n));
        let halves = |n| A::Scroll(Amount::HalfPages(n));
        let bindings = vec![
            b(Reader, "Move", &[ch('j'), key(Down)], lines(1), "down", "down a line; in the cast, next entity"),
            b(Reader, "Move", &[ch('k'), key(Up)], lines(-1), "up", "up a line; in the cast, previous one"),
            b(Reader, "Move", &[ch(' '), key(PageDown), ch('f')], pages(1), "page-down", "down a page"),
            b(Reader, "Move", &[ch('b'), key(PageUp)], pages(-1), "page-up", "up a page"),
            b(Reader, "Move", &[ch('d')], halves(1), "half-page-down", "down half a page"),
            b(Reader, "Move", &[ch('u')], halves(-1), "half-page-up", "up half a page"),
            b(Reader, "Move", &[ch('g'), key(Home)], A::Top, "top", "to the top"),
            b(Reader, "Move", &[ch('G'), key(End)], A::Bottom, "bottom", "to the end"),
            b(Reader, "Move", &[ch('%')], A::GoToPercent, "percent", "N%: go N percent into the text"),
            b(Reader, "Move", &[ch('m')], A::BeginMark, "mark", "m + a letter: set a mark here"),
            b(Reader, "Move", &[ch('\'')], A::BeginJumpToMark, "jump-to-mark", "' + a letter: go to the mark"),
            b(Reader, "Move", &[ctrl('o')], A::JumpBack, "jump-back", "back to before the last jump"),
            b(Reader, "Cast", &[key(Tab)], A::FocusNext, "focus", "switch between text and cast"),
            b(Reader, "Cast", &[key(Enter)], A::Select, "select", "select the entity under the cursor"),
            b(Reader, "Cast", &[ch('n')], A::NextHit, "next", "next search hit, mention or quotation"),
            b(Reader, "Cast", &[ch('N')], A::PrevHit, "previous", "previous hit, mention or quotation"),
            b(Reader, "Cast", &[key(Esc)], A::Clear, "clear", "leave the cast, end search, unselect"),
            b(Reader, "Cast", &[ch('s')], A::ToggleSidebar, "sidebar", "show or hide the cast"),
            b(Reader, "Cast", &[ch('e')], A::ToggleScope, "every-mention", "every mention, or names only"),
            b(Reader, "Connections", &[ch('c')], A::ToggleConnections, "connections", "who the selection appears with"),
            b(Reader, "Connections", &[ch('x')], A::ToggleContexts, "contexts", "the selection's mentions in context"),
            b(Reader, "Connections", &[ch('"')], A::ToggleQuotes, "quotations", "what it said (again: all, unattributed)"),
            b(Reader, "Connections", &[ch('p')], A::TogglePin, "pin", "pin/unpin the selection (up to 4)"),
            b(Reader, "Connections", &[ch('P')], A::ClearPins, "unpin-all", "unpin every pinned entity"),
            b(Reader, "Search", &[ch('/')], A::StartSearch, "search", "search; in a list: filter it (kind:per…)"),
            b(Reader, "Search", &[ch('&')], A::ToggleOnly, "only", "only the sentences naming it (Esc: all)"),
            b(Reader, "Documents", &[ch(']')], A::NextDocument, "next-document", "next document; in C, the next naming it"),
            b(Reader, "Documents", &[ch('[')], A::PrevDocument, "previous-document", "previous document; in C, the previous one"),
            b(Reader, "Documents", &[ch('D')], A::ToggleShelf, "documents", "list of documents, by date"),
            b(Reader, "Documents", &[ch(':')], A::BeginColon, "command", ":n next document, :p previous, :q quit"),
            b(Reader, "Documents", &[ch('C')], A::ToggleCorpus, "corpus-cast", "the cast of all documents, by date"),
            b(Reader, "Correct", &[ch('r')], A::Edit(Edit::Rename), "rename", "rename the selected entity"),
            b(Reader, "Correct", &[ch('t')], A::Edit(Edit::BeginSetKind), "kind", "t + p/o/c/g/l/d/n/x: change its kind"),
            b(Reader, "Correct", &[ch('h')], A::Edit(Edit::Hide), "hide", "hide it: not an entity"),
            b(Reader, "Correct", &[ch('+')], A::Edit(Edit::MergeIntoSelection), "merge", "merge the entity under the cursor into it"),
            b(Reader, "Correct", &[ch('-')], A::Edit(Edit::SplitOrDetach), "split", "split its name off; detach a pronoun"),
            b(Reader, "Correct", &[ch('a')], A::Edit(Edit::AddHit), "add-mention", "attach the search hit or clicked word"),
            b(Reader, "Correct", &[ch('A')], A::Edit(Edit::BeginNewEntity), "new-entity", "A + kind: the search hit is a new entity"),
            b(Reader, "Correct", &[ch('S')], A::Edit(Edit::Speaker), "speaker", "it said the quotation (again: nobody)"),
            b(Reader, "Correct", &[ch('U')], A::Edit(Edit::Undo), "undo", "undo the last correction"),
            b(Reader, "Correct", &[ctrl('r')], A::Edit(Edit::Redo), "redo", "redo"),
            b(Reader, "Other", &[ch('y')], A::Copy, "copy", "copy the sentence, name or row (OSC 52)"),
            b(Reader, "Other", &[ch('v')], A::OpenEditor, "editor", "open the file in $VISUAL/$EDITOR here"),
            b(Reader, "Other", &[ch('M')], A::ToggleMouse, "mouse", "mouse on/off (off: the terminal copies)"),
            b(Reader, "Other", &[ch('?'), key(F(1))], A::ToggleHelp, "help", "this help"),
            b(Reader, "Other", &[ctrl('z')], A::Suspend, "suspend", "suspend to the shell (fg returns)"),
            b(Reader, "Other", &[ch('q')], A::CloseOrQuit, "quit", "close the panel; in the text, quit"),
            b(Reader, "Other", &[ctrl('c')], A::Quit, "quit-now", "quit from anywhere"),
            b(Help, "Help", &[ch('j'), key(Down)], lines(1), "down", "scroll down a line"),
            b(Help, "Help", &[ch('k'), key(Up)], lines(-1), "up", "scroll up a line"),
            b(Help, "Help", &[ch(' '), key(PageDown), ch('f')], pages(1), "page-down", "down a page"),
            b(Help, "Help", &[ch('b'), key(PageUp)], pages(-1), "page-up", "up a page"),
            b(Help, "Help", &[ch('d')], halves(1), "half-page-down", "down half a page"),
            b(Help, "Help", &[ch('u')], halves(-1), "half-page-up", "up half a page"),
            b(Help, "Help", &[ch('g'), key(Home)], A::Top, "top", "to the top"),
            b(Help, "Help", &[ch('G'), key(End)], A::Bottom, "bottom", "to the end"),
            b(Help, "Help", &[key(Esc), ch('q'), ch('?'), key(F(1))], A::ToggleHelp, "close-help", "close this help"),
            b(Help, "Help", &[ctrl('c')], A::Quit, "quit", "quit"),
            b(Shelf, "Documents", &[ch('j'), key(Down)], lines(1), "down", "next document in the list"),
            b(Shelf, "Documents", &[ch('k'), key(Up)], lines(-1), "up", "previous document in the list"),
            b(Shelf, "Documents", &[ch('g'), key(Home)], A::Top, "top", "first document"),
            b(Shelf, "Documents", &[ch('G'), key(End)], A::Bottom, "bottom", "last document"),
            b(Shelf, "Documents", &[key(Enter)], A::Select, "open", "open the document"),
            b(Shelf, "Documents", &[ch('/')], A::StartSearch, "filter", "filter the list as you type"),
            b(Shelf, "Documents", &[key(Esc)], A::Clear, "clear", "clear the filter, else close the list"),
            b(Shelf, "Documents", &[ch('y')], A::Copy, "copy", "copy the document's name"),
            b(Shelf, "Documents", &[ch('q'), ch('D')], A::ToggleShelf, "close-documents", "close the list"),
            b(Shelf, "Documents", &[ctrl('c')], A::Quit, "quit", "quit"),
        ];
        Keymap { bindings }
    }
}

impl Keymap {
    /// Binds `keys` to the action called `name` (in the reader), taking them from any other
    /// action that had them, so no key does two things. Returns what was taken from whom
    /// (for a warning), or None for an unknown name.
    pub fn rebind(&mut self, name: &str, keys: &[Key]) -> Option<Vec<Taken>> {
        let to = self
            .bindings
            .iter()
            .find(|b| b.name == name && b.context == Context::Reader)?
            .name;
        let mut taken = Vec::new();
        for b in &mut self.bindings {
            if b.context != Context::Reader {
                continue;
            }
            if b.name == name {
                b.keys = keys.to_vec();
            } else {
                for k in b.keys.iter().filter(|k| keys.contains(k)) {
                    taken.push(Taken {
                        key: *k,
                        from: b.name,
                        to,
                    });
                }
                b.keys.retain(|k| !keys.contains(k));
            }
        }
        Some(taken)
    }

    /// The action a key asks for in a context.
    pub fn action_for(&self, context: Context, key: Key) -> Option<Action> {
        self.bindings
            .iter()
            .find(|b| b.context == context && b.keys.contains(&key))
            .map(|b| b.action.clone())
    }

    /// The bindings of a context, for the help screen.
    pub fn in_context(&self, context: Context) -> impl Iterator<Item = &Binding> {
        self.bindings.iter().filter(move |b| b.context == context)
    }
}

/// Turns a terminal event into an action, for the mode the app is in.
pub fn map_event(keymap: &Keymap, event: &Event, mode: Mode) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            map_key(keymap, Key::from_event(key), mode)
        }
        Event::Mouse(mouse) => map_mouse(mouse),
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        _ => None,
    }
}

fn map_key(keymap: &Keymap, key: Key, mode: Mode) -> Option<Action> {
    if key == Key::ctrl('c') {
        return Some(Action::Quit);
    }
    let typed = match key {
        Key {
            code: KeyCode::Char(c),
            ctrl: false,
        } => Some(c),
        _ => None,
    };
    match mode {
        Mode::Reader => keymap
            .action_for(Context::Reader, key)
            .or_else(|| match typed {
                Some(c) if c.is_ascii_digit() => Some(Action::CountDigit(c as u8 - b'0')),
                _ => None,
            }),
        Mode::Help => keymap.action_for(Context::Help, key),
        Mode::Shelf => keymap.action_for(Context::Shelf, key),
        // The prompt takes text; its editing keys are not remappable.
        Mode::Prompt => Some(match (key.code, typed) {
            (_, Some(c)) => Action::PromptInput(c),
            (KeyCode::Enter, _) => Action::PromptSubmit,
            (KeyCode::Esc, _) => Action::Cancel,
            (KeyCode::Backspace, _) => Action::PromptBackspace,
            (KeyCode::Up, _) => Action::PromptHistory(true),
            (KeyCode::Down, _) => Action::PromptHistory(false),
            _ => return None,
        }),
        Mode::Pending(p) => Some(match (p, typed) {
            (Pending::Mark, Some(c)) if c.is_ascii_lowercase() => Action::SetMark(c),
            (Pending::JumpToMark, Some(c)) if c.is_ascii_lowercase() || c == '\'' => {
                Action::JumpToMark(c)
            }
            (Pending::Colon, Some('n')) => Action::NextDocument,
            (Pending::Colon, Some('p')) => Action::PrevDocument,
            (Pending::Colon, Some('q')) => Action::Quit,
            (Pending::Kind, Some(c)) if kind_for_letter(c).is_some() => {
                Action::Edit(Edit::SetKind(kind_for_letter(c).expect("checked")))
            }
            (Pending::NewEntity, Some(c)) if kind_for_letter(c).is_some() => {
                Action::Edit(Edit::NewEntity(kind_for_letter(c).expect("checked")))
            }
            _ => Action::Cancel,
        }),
    }
}

/// Lines the wheel scrolls per notch.
const WHEEL_LINES: i32 = 3;

fn map_mouse(mouse: &MouseEvent) -> Option<Action> {
    let (column, row) = (mouse.column, mouse.row);
    match mouse.kind {
        MouseEventKind::ScrollDown => Some(Action::MouseScroll {
            column,
            row,
            lines: WHEEL_LINES,
        }),
        MouseEventKind::ScrollUp => Some(Action::MouseScroll {
            column,
            row,
            lines: -WHEEL_LINES,
        }),
        MouseEventKind::Down(MouseButton::Left) => Some(Action::MouseClick { column, row }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventState;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent {
            code,
            modifiers,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        })
    }

    fn action(ev: Event, help: bool) -> Option<String> {
        let mode = if help { Mode::Help } else { Mode::Reader };
        map_event(&Keymap::default(), &ev, mode).map(|a| format!("{a:?}"))
    }

    #[test]
    fn vim_and_less_keys_map_to_actions() {
        let k = |c| press(KeyCode::Char(c), KeyModifiers::NONE);
        assert_eq!(action(k('j'), false).unwrap(), "Scroll(Lines(1))");
        assert_eq!(action(k(' '), false).unwrap(), "Scroll(Pages(1))");
        assert_eq!(
            action(press(KeyCode::Char('G'), KeyModifiers::SHIFT), false).unwrap(),
            "Bottom"
        );
        assert_eq!(
            action(press(KeyCode::PageUp, KeyModifiers::NONE), false).unwrap(),
            "Scroll(Pages(-1))"
        );
        assert_eq!(action(k('n'), false).unwrap(), "NextHit");
        assert_eq!(
            action(press(KeyCode::Char('N'), KeyModifiers::SHIFT), false).unwrap(),
            "PrevHit"
        );
        assert_eq!(action(k('z'), false), None);
    }

    #[test]
    fn ctrl_c_quits_everywhere_and_q_closes_help_first_where_j_scrolls() {
        let ctrl_c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action(ctrl_c.clone(), false).unwrap(), "Quit");
        assert_eq!(action(ctrl_c, true).unwrap(), "Quit");
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(action(q.clone(), false).unwrap(), "CloseOrQuit");
        assert_eq!(action(q, true).unwrap(), "ToggleHelp");
        assert_eq!(
            action(press(KeyCode::Char('j'), KeyModifiers::NONE), true).unwrap(),
            "Scroll(Lines(1))"
        );
        assert_eq!(
            action(press(KeyCode::Char('G'), KeyModifiers::SHIFT), true).unwrap(),
            "Bottom"
        );
    }

    #[test]
    fn every_key_is_bound_once_per_context() {
        let map = Keymap::default();
        for ctx in [Context::Reader, Context::Help, Context::Shelf] {
            let keys: Vec<Key> = map.in_context(ctx).flat_map(|b| b.keys.clone()).collect();
            for (i, k) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(k), "{} bound twice", k.label());
            }
        }
    }

    #[test]
    fn config_key_names_parse() {
        assert_eq!(Key::parse("j"), Some(Key::ch('j')));
        assert_eq!(Key::parse("G"), Some(Key::ch('G')));
        assert_eq!(Key::parse("ctrl-C"), Some(Key::ctrl('c')));
        assert_eq!(Key::parse("Space"), Some(Key::ch(' ')));
        assert_eq!(Key::parse("pgdn"), Some(Key::code(KeyCode::PageDown)));
        assert_eq!(Key::parse("f12"), Some(Key::code(KeyCode::F(12))));
        assert_eq!(Key::parse("f13"), None);
        assert_eq!(Key::parse("ctrl-"), None);
        assert_eq!(Key::parse(""), None);
    }

    #[test]
    fn rebinding_moves_a_key_between_actions() {
        let mut map = Keymap::default();
        assert_eq!(
            map.rebind("quit", &[Key::ch('x')]),
            Some(vec![Taken {
                key: Key::ch('x'),
                from: "contexts",
                to: "quit"
            }]),
            "x is taken from the mentions in context"
        );
        let press_x = press(KeyCode::Char('x'), KeyModifiers::NONE);
        assert_eq!(
            format!("{:?}", map_event(&map, &press_x, Mode::Reader).unwrap()),
            "CloseOrQuit"
        );
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert!(
            map_event(&map, &q, Mode::Reader).is_none(),
            "q no longer quits"
        );
        assert!(map.rebind("top", &[Key::ch('x')]).is_some());
        assert_eq!(
            format!("{:?}", map_event(&map, &press_x, Mode::Reader).unwrap()),
            "Top"
        );
        assert!(map.rebind("fly", &[Key::ch('y')]).is_none());
        assert_eq!(
            map.rebind("next", &[Key::ch(']')]).unwrap()[0].to_string(),
            "config: ] now does next, no longer next-document"
        );
    }

    #[test]
    fn the_prompt_takes_text_and_two_key_commands_take_a_letter() {
        let k = |c| press(KeyCode::Char(c), KeyModifiers::NONE);
        let map = Keymap::default();
        let act = |ev: Event, mode| format!("{:?}", map_event(&map, &ev, mode).unwrap());
        assert_eq!(act(k('q'), Mode::Prompt), "PromptInput('q')");
        assert_eq!(
            act(press(KeyCode::Enter, KeyModifiers::NONE), Mode::Prompt),
            "PromptSubmit"
        );
        assert_eq!(
            act(press(KeyCode::Esc, KeyModifiers::NONE), Mode::Prompt),
            "Cancel"
        );
        assert_eq!(act(k('a'), Mode::Pending(Pending::Mark)), "SetMark('a')");
        assert_eq!(act(k('1'), Mode::Pending(Pending::Mark)), "Cancel");
        assert_eq!(
            act(k('\''), Mode::Pending(Pending::JumpToMark)),
            "JumpToMark('\\'')"
        );
        assert_eq!(act(k('n'), Mode::Pending(Pending::Colon)), "NextDocument");
        assert_eq!(
            act(
                press(KeyCode::Char('c'), KeyModifiers::CONTROL),
                Mode::Prompt
            ),
            "Quit"
        );
    }

    #[test]
    fn labels_are_readable() {
        assert_eq!(Key::ch(' ').label(), "Space");
        assert_eq!(Key::ctrl('c').label(), "Ctrl-C");
        assert_eq!(Key::code(KeyCode::PageDown).label(), "PgDn");
        assert_eq!(Key::code(KeyCode::F(1)).label(), "F1");
    }

    #[test]
    fn wheel_and_click_become_mouse_actions() {
        let ev = Event::Mouse(MouseEvent {
            kind: MouseEventKind::ScrollDown,
            column: 4,
            row: 7,
            modifiers: KeyModifiers::NONE,
        });
        assert_eq!(
            action(ev, false).unwrap(),
            "MouseScroll { column: 4, row: 7, lines: 3 }"
        );
    }
}
