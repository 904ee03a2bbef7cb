//! The terminal reader: keys become Actions, `app` changes state, `ui` draws it, `terminal`
//! owns the real terminal, `worker` finds entities in the background, and `plain` writes the
//! text when there is no terminal to read it in.

pub mod action;
pub mod app;
pub mod config;
pub mod input;
pub mod plain;
pub mod terminal;
pub mod ui;
pub mod worker;
