//! dramatis: a terminal reader that shows who acts in a text, and where.

pub mod action;
pub mod app;
pub mod cli;
pub mod config;
pub mod domain;
pub mod extract;
pub mod input;
pub mod interop;
pub mod plain;
pub mod store;
pub mod tui;
pub mod ui;
pub mod worker;
