//! dramatis: a terminal reader that shows who acts in a text, and where.

pub mod cli;
pub mod domain;
pub mod extract;
pub mod interop;
pub mod reader;
pub mod report;
pub mod store;
