//! A canvasser's device: its store, its identity, background sync, and the
//! commands the app runs. The Tauri shell, the loopback HTTP adapter used
//! by browser tests and the `doorstep device` CLI all drive this one type.


pub mod api;
mod background;
mod commands;
mod views;
mod wipe;

pub use wipe::WipeReason;

use crate::error::{Error, Result};
use crate::store::{self, Side, Store, StoreKey};
use crate::sync::client::{self, Identity, SyncError};
use api::*;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex};
use std::time::Instant;

/// The device's store, in its home folder. It and its WAL and SHM files are
/// readable by their owner only, and encrypted (SQLCipher).
pub const STORE_FILE: &str = "device.db";

pub struct Device {
    home: PathBuf,
    /// The store's key, kept to write the export of unsent work at a wipe
    /// with it, and to check a PIN typed at the idle lock.
    key: StoreKey,
    /// Locked after the idle time (`Settings::lock_after_minutes`): every
    /// command but status and unlock answers "locked" until the PIN is typed.
    locked: AtomicBool,
    /// When a command other than status last ran.
    last_used: Mutex<Instant>,
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

/// What a transport answers while the device is locked (idle, or not
/// opened yet for want of a PIN): the UI shows its PIN screen.
pub fn locked() -> ApiError {
    ApiError { code: "locked".into(), message: "the app is locked: enter the PIN".into() }
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
    /// The device's store lives at `<home>/device.db`, encrypted with a key
    /// from the OS keychain or, where there is none, from the PIN in
    /// `DOORSTEP_DEVICE_PIN` (see [`store::key`]).
    pub fn open(home: &Path) -> Result<Device> {
        Self::open_with_pin(home, None)
    }

    /// Opens the device with a PIN the canvasser typed (the app's PIN screen).
    /// This is the one place a device store is opened.
    pub fn open_with_pin(home: &Path, pin: Option<&str>) -> Result<Device> {
        std::fs::create_dir_all(home).map_err(|e| Error::io(home, e))?;
        store::owner_only(home)?;
        let path = home.join(STORE_FILE);
        let key = store::key::device_key(home, pin)?;
        if path.exists() && store::is_plain_sqlite(&path) {
            encrypt_in_place(&path, &key)?;
        }
        create_owner_only(&path)?;
        let store = Store::open_keyed(&path, Some(&key))?;
        store.fit_to(Side::Device)?;
        let sync_store = Store::open_keyed(&path, Some(&key))?;
        for conn in [store.conn(), sync_store.conn()] {
            // What is deleted (a purged list, a wipe) is overwritten, not
            // left in free pages.
            conn.execute_batch("PRAGMA secure_delete = ON")?;
        }
        // SQLite gives the WAL and SHM files the main file's mode; a store
        // from before encryption may still have wider ones.
        for suffix in ["", "-wal", "-shm"] {
            let file = home.join(format!("{STORE_FILE}{suffix}"));
            if file.exists() {
                store::owner_only(&file)?;
            }
        }
        Ok(Device {
            home: home.to_owned(),
            key,
            locked: AtomicBool::new(false),
            last_used: Mutex::new(Instant::now()),
            store: Mutex::new(store),
            sync_store: Mutex::new(sync_store),
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

    /// Locks the app until the PIN is typed again. A device whose key is in
    /// the keychain has no PIN to ask for: the phone's own lock guards it.
    pub fn lock(&self) {
        if store::key::uses_pin(&self.home) {
            self.locked.store(true, Ordering::Relaxed);
        }
    }

    pub fn is_locked(&self) -> bool {
        self.locked.load(Ordering::Relaxed)
    }

    /// Refuses while locked, and locks once idle past the set time.
    fn check_idle(&self) -> ApiResult<()> {
        if !self.is_locked() {
            let minutes = self.settings().map(|s| s.lock_after_minutes).unwrap_or(0);
            let idle = self.last_used.lock().unwrap_or_else(|e| e.into_inner()).elapsed();
            if minutes > 0 && idle.as_secs() >= u64::from(minutes) * 60 {
                self.lock();
            }
        }
        if self.is_locked() { Err(locked()) } else { Ok(()) }
    }

    fn identity(&self) -> ApiResult<Identity> {
        client::identity(self.store().conn())?.ok_or_else(not_paired)
    }

    /// Runs one command: the single entry point every transport uses.
    pub fn handle(&self, req: Request) -> ApiResult<Response> {
        match &req {
            Request::Status | Request::Unlock { .. } => {}
            _ => {
                self.check_idle()?;
                *self.last_used.lock().unwrap_or_else(|e| e.into_inner()) = Instant::now();
            }
        }
        if matches!(req, Request::Status) {
            // Status is polled, so it is no activity; but it shows the lock.
            let _ = self.check_idle();
        }
        Ok(match req {
            Request::Status => Response::Status(self.status()?),
            Request::Unlock { pin } => {
                if !store::key::pin_matches(&self.home, &pin, &self.key)? {
                    return Err(invalid("that PIN does not open this device"));
                }
                self.locked.store(false, Ordering::Relaxed);
                *self.last_used.lock().unwrap_or_else(|e| e.into_inner()) = Instant::now();
                Response::Status(self.status()?)
            }
            Request::Lock => {
                self.lock();
                Response::Status(self.status()?)
            }
            Request::Wipe => Response::Status(self.wipe(WipeReason::ByHand)?),
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

/// Makes the store's file, owner-only, before SQLite does (SQLite gives its
/// WAL and SHM files the same mode).
fn create_owner_only(path: &Path) -> Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path).map_err(|e| Error::io(path, e))?;
    store::owner_only(path)
}

/// Encrypts a store left by a Doorstep from before encryption: copied into
/// an encrypted file (SQLCipher's export), which then takes its place.
fn encrypt_in_place(path: &Path, key: &StoreKey) -> Result<()> {
    let encrypted = path.with_extension("db.encrypting");
    let _ = std::fs::remove_file(&encrypted);
    create_owner_only(&encrypted)?;
    {
        let conn = rusqlite::Connection::open(path)?;
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        conn.execute("ATTACH DATABASE ?1 AS encrypted KEY ?2", rusqlite::params![encrypted.to_string_lossy(), key.as_sql_value()])?;
        conn.execute_batch("PRAGMA encrypted.cipher_page_size = 16384;")?;
        conn.query_row("SELECT sqlcipher_export('encrypted')", [], |_| Ok(()))?;
        conn.execute_batch("DETACH DATABASE encrypted;")?;
    }
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(path.with_file_name(format!("{STORE_FILE}{suffix}")));
    }
    std::fs::rename(&encrypted, path).map_err(|e| Error::io(path, e))?;
    tracing::info!("encrypted a device store made before encryption");
    Ok(())
}
