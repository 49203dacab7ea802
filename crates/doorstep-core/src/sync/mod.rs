//! Offline-first sync: the wire protocol, the clocks that order edits, the
//! change log, and the device's client.
pub mod applied;
pub mod changes;
pub mod client;
pub mod endpoint;
pub mod hlc;
pub mod proto;
