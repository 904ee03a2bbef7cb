//! The keymap: one table of (keys, action, description). Key dispatch, the help screen and
//! the status hints all read it, so what help says is what the keys do.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use crate::action::{Action, Amount};

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

impl Default for Keymap {
    fn default() -> Keymap {
        use Context::{Help, Reader};
        use KeyCode as K;
        let b = |context, section, keys: &[Key], action, name, description| Binding {
            context,
            section,
            keys: keys.to_vec(),
            action,
            name,
            description,
        };
        let lines = |n| Action::Scroll(Amount::Lines(n));
        let pages = |n| Action::Scroll(Amount::Pages(n));
        let halves = |n| Action::Scroll(Amount::HalfPages(n));
        Keymap {
            bindings: vec![
                b(
                    Reader,
                    "Move",
                    &[Key::ch('j'), Key::code(K::Down)],
                    lines(1),
                    "down",
                    "down a line (sidebar: next entity)",
                ),
                b(
                    Reader,
                    "Move",
                    &[Key::ch('k'), Key::code(K::Up)],
                    lines(-1),
                    "up",
                    "up a line (sidebar: previous entity)",
                ),
                b(
                    Reader,
                    "Move",
                    &[Key::ch(' '), Key::code(K::PageDown), Key::ch('f')],
                    pages(1),
                    "page-down",
                    "down a page",
                ),
                b(
                    Reader,
                    "Move",
                    &[Key::ch('b'), Key::code(K::PageUp)],
                    pages(-1),
                    "page-up",
                    "up a page",
                ),
                b(
                    Reader,
                    "Move",
                    &[Key::ch('d')],
                    halves(1),
                    "half-page-down",
                    "down half a page",
                ),
                b(
                    Reader,
                    "Move",
                    &[Key::ch('u')],
                    halves(-1),
                    "half-page-up",
                    "up half a page",
                ),
                b(
                    Reader,
                    "Move",
                    &[Key::ch('g'), Key::code(K::Home)],
                    Action::Top,
                    "top",
                    "to the top",
                ),
                b(
                    Reader,
                    "Move",
                    &[Key::ch('G'), Key::code(K::End)],
                    Action::Bottom,
                    "bottom",
                    "to the end",
                ),
                b(
                    Reader,
                    "Cast",
                    &[Key::code(K::Tab)],
                    Action::FocusNext,
                    "focus",
                    "switch between text and cast",
                ),
                b(
                    Reader,
                    "Cast",
                    &[Key::code(K::Enter)],
                    Action::Select,
                    "select",
                    "select the entity under the cursor",
                ),
                b(
                    Reader,
                    "Cast",
                    &[Key::ch('n')],
                    Action::NextMention,
                    "next-mention",
                    "next mention of the selection",
                ),
                b(
                    Reader,
                    "Cast",
                    &[Key::ch('N')],
                    Action::PrevMention,
                    "prev-mention",
                    "previous mention of the selection",
                ),
                b(
                    Reader,
                    "Cast",
                    &[Key::code(K::Esc)],
                    Action::Clear,
                    "clear",
                    "back to the text; clear the selection",
                ),
                b(
                    Reader,
                    "Cast",
                    &[Key::ch('s')],
                    Action::ToggleSidebar,
                    "sidebar",
                    "show or hide the cast",
                ),
                b(
                    Reader,
                    "Other",
                    &[Key::ch('?'), Key::code(K::F(1))],
                    Action::ToggleHelp,
                    "help",
                    "this help",
                ),
                b(
                    Reader,
                    "Other",
                    &[Key::ctrl('z')],
                    Action::Suspend,
                    "suspend",
                    "suspend to the shell (fg returns)",
                ),
                b(
                    Reader,
                    "Other",
                    &[Key::ch('q'), Key::ctrl('c')],
                    Action::Quit,
                    "quit",
                    "quit",
                ),
                b(
                    Help,
                    "Help",
                    &[
                        Key::code(K::Esc),
                        Key::ch('q'),
                        Key::ch('?'),
                        Key::code(K::F(1)),
                    ],
                    Action::ToggleHelp,
                    "close-help",
                    "close this help",
                ),
                b(
                    Help,
                    "Help",
                    &[Key::ctrl('c')],
                    Action::Quit,
                    "quit",
                    "quit",
                ),
            ],
        }
    }
}

impl Keymap {
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

/// Turns a terminal event into an action. `help_open` picks the keymap context.
pub fn map_event(keymap: &Keymap, event: &Event, help_open: bool) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            let context = if help_open {
                Context::Help
            } else {
                Context::Reader
            };
            keymap.action_for(context, Key::from_event(key))
        }
        Event::Mouse(mouse) => map_mouse(mouse),
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        _ => None,
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
        map_event(&Keymap::default(), &ev, help).map(|a| format!("{a:?}"))
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
        assert_eq!(action(k('n'), false).unwrap(), "NextMention");
        assert_eq!(
            action(press(KeyCode::Char('N'), KeyModifiers::SHIFT), false).unwrap(),
            "PrevMention"
        );
        assert_eq!(action(k('x'), false), None);
    }

    #[test]
    fn ctrl_c_quits_everywhere_and_q_closes_help_first() {
        let ctrl_c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action(ctrl_c.clone(), false).unwrap(), "Quit");
        assert_eq!(action(ctrl_c, true).unwrap(), "Quit");
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(action(q.clone(), false).unwrap(), "Quit");
        assert_eq!(action(q, true).unwrap(), "ToggleHelp");
        assert_eq!(
            action(press(KeyCode::Char('j'), KeyModifiers::NONE), true),
            None
        );
    }

    #[test]
    fn every_key_is_bound_once_per_context() {
        let map = Keymap::default();
        for ctx in [Context::Reader, Context::Help] {
            let keys: Vec<Key> = map.in_context(ctx).flat_map(|b| b.keys.clone()).collect();
            for (i, k) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(k), "{} bound twice", k.label());
            }
        }
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
