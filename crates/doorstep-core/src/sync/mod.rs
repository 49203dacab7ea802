//! Offline-first sync: the wire protocol, the clocks that order edits, the
//! change log, and the device's client.
pub mod applied;
pub mod changes;
pub mod client;
pub mod cursor;
pub mod endpoint;
// The clocks are below `records` too (it merges by them): `sync::hlc` names
// the same module.
pub use crate::hlc;
pub mod proto;
