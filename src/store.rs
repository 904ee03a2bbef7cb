//! What persists or is read from files: documents from files and standard input, the
//! sidecar of corrections, remembered reading sessions.

pub mod paths;
pub mod sessions;
pub mod sidecar;
pub mod source;
