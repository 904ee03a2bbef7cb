//! What persists or is read from files: documents from files and standard input, the
//! sidecar of corrections, remembered reading sessions, the searches typed.

pub mod atomic;
pub mod paths;
pub mod searches;
pub mod sessions;
pub mod sidecar;
pub mod source;
