//! dramatis: a terminal reader that shows who acts in a text, and where.

pub mod action;
pub mod app;
pub mod cli;
pub mod config;
pub mod domain;
pub mod extract_json;
pub mod input;
pub mod interop;
pub mod plain;
pub mod report;
pub mod sessions;
pub mod sidecar;
pub mod source;
pub mod tui;
pub mod ui;
pub mod worker;
