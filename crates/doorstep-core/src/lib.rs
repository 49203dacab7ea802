//! Doorstep's core: everything that is true of the field whether it runs on
//! a canvasser's phone, an organizer's laptop or the central endpoint.
//!
//! Nothing here knows about HTTP, Tauri or the terminal. The app, the
//! endpoint and the CLI are thin layers that call into this crate.

pub mod address;
mod address_words;
pub mod attempt;
pub mod attempt_table;
pub mod device;
pub mod domain;
pub mod endpoint;
mod bulk;
mod error;
pub mod fold;
pub mod followup;
pub mod hlc;
pub mod household;
pub mod import;
pub mod lang;
pub mod accounts;
pub mod l10n;
pub mod lists;
pub mod pairing;
pub mod person;
pub mod phone;
pub mod records;
pub mod scripts;
pub mod search;
pub mod store;
pub mod sync;
pub mod walk;

pub use error::{Error, Result};
pub use store::Store;
