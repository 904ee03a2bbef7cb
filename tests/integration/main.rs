//! The integration tests, as one crate: one binary to link instead of one per file (each
//! links the whole of dramatis, which on two cores made CI slow). A module per area; `common`
//! holds the helpers (the real binary, scratch directories, a pseudo-terminal).

mod common;

mod cli;
mod connections_pty;
mod coref_guard;
mod curation_pty;
mod extract_cli;
mod extract_jobs;
mod first_use_pty;
mod hostile_input;
mod interop_cli;
mod interop_import;
mod interop_roundtrip;
mod mentions_pty;
mod name_recall_guard;
mod power_pty;
mod prop_hostile;
mod quotes_gold;
mod quotes_pty;
mod reader_pty;
mod scale_layout;
mod scale_progress;
mod scale_search;
mod sidecar_crash;
mod sidecar_store;
mod terminal_restore;
mod wikigold_guard;
