//! A canvasser's device: its store, its identity, background sync, and the
//! commands the app runs. The Tauri shell, the loopback HTTP adapter used
//! by browser tests and the `doorstep device` CLI all drive this one type.


pub mod api;
mod background;
mod commands;
mod views;

use crate::error::{Error, Result};
use crate::store::{Side, Store};
use crate::sync::client::{self, Identity, SyncError};
use api::*;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::{Condvar, Mutex};

pub struct Device {
    home: PathBuf,
    /// The connection commands use.
    store: Mutex<Store>,
    /// Sync's own connection, so a slow network never blocks the screen.
    sync_store: Mutex<Store>,
    syncing: AtomicBool,
    /// Wakes the background loop when something new waits in the outbox.
    wake: (Mutex<bool>, Condvar),
}

impl From<Error> for ApiError {
    fn from(e: Error) -> Self {
        let code = match &e {
            Error::NotFound { .. } => "not_found",
            Error::Invalid(_) | Error::Import(_) => "invalid",
            _ => "store",
        };
        ApiError { code: code.into(), message: e.to_string() }
    }
}

impl From<SyncError> for ApiError {
    fn from(e: SyncError) -> Self {
        let code = match &e {
            SyncError::Offline(_) => "offline",
            SyncError::Unauthorized(_) => "unauthorized",
            SyncError::Rejected { .. } => "rejected",
            SyncError::Store(_) => "store",
        };
        ApiError { code: code.into(), message: e.to_string() }
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(e: rusqlite::Error) -> Self {
        Error::from(e).into()
    }
}

fn not_paired() -> ApiError {
    ApiError { code: "not_paired".into(), message: "this device is not paired yet".into() }
}

fn invalid(message: impl Into<String>) -> ApiError {
    ApiError { code: "invalid".into(), message: message.into() }
}

impl From<crate::attempt::EntryError> for ApiError {
    fn from(e: crate::attempt::EntryError) -> Self {
        invalid(e.to_string())
    }
}

type ApiResult<T> = std::result::Result<T, ApiError>;

impl Device {
    /// The device's store lives at `<home>/device.db`. This is the one place
    /// a device store is opened (and where its encryption key will be applied).
    pub fn open(home: &Path) -> Result<Device> {
        std::fs::create_dir_all(home).map_err(|e| Error::io(home, e))?;
        let path = home.join("device.db");
        let store = Store::open(&path)?;
        store.fit_to(Side::Device)?;
        Ok(Device {
            home: home.to_owned(),
            store: Mutex::new(store),
            sync_store: Mutex::new(Store::open(&path)?),
            syncing: AtomicBool::new(false),
            wake: (Mutex::new(false), Condvar::new()),
        })
    }

    pub fn home(&self) -> &Path {
        &self.home
    }

    fn store(&self) -> std::sync::MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn identity(&self) -> ApiResult<Identity> {
        client::identity(self.store().conn())?.ok_or_else(not_paired)
    }

    /// Runs one command: the single entry point every transport uses.
    pub fn handle(&self, req: Request) -> ApiResult<Response> {
        Ok(match req {
            Request::Status => Response::Status(self.status()?),
            Request::Pair { code, url } => Response::Status(self.pair(&code, url.as_deref(), None)?),
            Request::SyncNow => {
                // Offline is not a failure of the command: status says so.
                let _ = self.sync_now();
                Response::Status(self.status()?)
            }
            Request::Lists => Response::Lists(self.lists()?),
            Request::Doors { list_id } => Response::Doors(self.doors(list_id)?),
            Request::Household { household_id } => Response::Household(self.household(household_id)?),
            Request::Script { list_id } => Response::Script(self.script(list_id)?),
            Request::Search { query, list_id, limit } => Response::People(self.search(&query, list_id, limit.unwrap_or(20) as usize)?),
            Request::RecordAttempt { attempt } => Response::Attempt(self.record_attempt(attempt)?),
            Request::EditPerson { person_id, edit } => Response::Person(self.edit_person(person_id, edit)?),
            Request::AddPerson { person } => Response::Person(self.add_person(person)?),
            Request::FindDuplicates { given_name, family_name, phone } => {
                Response::People(self.find_duplicates(&given_name, &family_name, phone.as_deref())?)
            }
            Request::GetSettings => Response::Settings(self.settings()?),
            Request::SetSettings { settings } => Response::Settings(self.set_settings(settings)?),
        })
    }

}
