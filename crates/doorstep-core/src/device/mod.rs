//! A canvasser's device: its store, its identity, and the commands the app runs.
pub mod api;
