//! The terminal reader: `input` turns keys into Actions (the vocabulary is in `action`), `app`
//! changes state and says what to do about it (effects), `ui` draws it, `terminal` owns the
//! real terminal and carries the effects out (`clipboard` spells the copy it sends), `editor` runs `$EDITOR` for `v`, `worker` finds entities in the background, and
//! `plain` writes the text when there is no terminal to read it in.

pub mod action;
pub mod app;
pub mod clipboard;
pub mod config;
pub mod editor;
pub mod input;
pub mod plain;
pub mod terminal;
pub mod ui;
pub mod worker;
