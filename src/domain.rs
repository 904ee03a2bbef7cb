//! The pure core: documents, entities, extraction, mention index and text layout.
//! Nothing in here knows a terminal exists, and nothing does I/O.

pub mod cast;
pub mod connections;
pub mod context;
pub mod corpus_cast;
pub mod corrections;
pub mod curation;
pub mod dateline;
pub mod document;
pub mod entity;
pub mod extract;
pub mod filter;
pub mod fingerprint;
pub mod later;
pub mod layout;
pub mod lit;
pub mod mention_index;
pub mod mention_map;
pub mod mentions;
pub mod pieces;
pub mod quotes;
pub mod search;
pub mod sentences;
#[cfg(test)]
pub mod shuffled;
pub mod text_order;
pub mod word;
pub mod wrap;
