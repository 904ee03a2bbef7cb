//! What the process says on standard error, and how it ends when its reader goes away.
//!
//! `dramatis big.txt | head -2` closes the pipe under the writer: that is the reader saying
//! "enough", not an error, so dramatis stops quietly with success, as ripgrep and bat do.
//! And a message is never worth a panic: with `2>&1 | head` standard error is that same
//! closed pipe, where `eprintln!` would panic.

use std::fmt::Display;
use std::io::{self, Write};

/// Prints `dramatis: <message>` on standard error; a closed standard error is ignored.
pub fn error(message: impl Display) {
    let _ = writeln!(io::stderr().lock(), "dramatis: {message}");
}

/// Whether the error is, at bottom, a write to a closed pipe.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closed_pipe_is_found_under_context() {
        let pipe = anyhow::Error::from(io::Error::from(io::ErrorKind::BrokenPipe))
            .context("writing the cast");
        assert!(is_broken_pipe(&pipe));
        let other = anyhow::Error::from(io::Error::from(io::ErrorKind::NotFound));
        assert!(!is_broken_pipe(&other));
        assert!(!is_broken_pipe(&anyhow::anyhow!("no such file")));
    }
}
