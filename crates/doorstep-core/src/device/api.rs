//! The commands a front end sends to a device, and what comes back.
//!
//! One command layer serves every transport: the Tauri app passes a
//! [`Request`] over IPC, the browser tests post the same JSON to a loopback
//! HTTP adapter, and the CLI calls [`super::Device`] directly. The UI's
//! TypeScript types are generated from these (ts-rs), never written twice.

use crate::domain::{Channel, ListKind, SurveyQuestion};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;
use uuid::Uuid;

#[derive(Debug, Clone, Deserialize, Serialize, TS)]
#[serde(tag = "cmd", rename_all = "snake_case")]
#[ts(export)]
pub enum Request {
    /// Sync status and who this device belongs to.
    Status,
    /// Redeems a pairing code. `code` may be the whole QR payload, which
    /// carries the endpoint's address; otherwise `url` is required.
    Pair { code: String, url: Option<String> },
    /// Syncs now rather than waiting for the background loop.
    SyncNow,
    /// The lists assigned to this device, with progress.
    Lists,
    /// A walk list's doors in walk order, or a call list's people.
    Doors { list_id: Uuid },
    /// One door: the household and everyone known behind it.
    Household { household_id: Uuid },
    /// The script and survey a list uses, in every language it was written in.
    Script { list_id: Uuid },
    /// Search the people held on this device.
    Search { query: String, list_id: Option<Uuid>, limit: Option<u32> },
    RecordAttempt { attempt: NewAttempt },
    EditPerson { person_id: Uuid, edit: PersonEdit },
    AddPerson { person: NewPerson },
    /// People already on the device who may be the same as a walk-in.
    FindDuplicates { given_name: String, family_name: String, phone: Option<String> },
    GetSettings,
    SetSettings { settings: Settings },
    /// Unpairs and erases everything held here (a phone passed on). Work not
    /// yet sent is pushed first where the endpoint takes it, else exported.
    Wipe,
    /// Opens the app with its PIN: at start where there is no keychain, and
    /// after the idle lock. Transports also answer it before a device is open.
    Unlock { pin: String },
    /// Locks the app now.
    Lock,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, TS)]
#[ts(export)]
pub struct DeviceStatus {
    pub paired: bool,
    pub server_url: Option<String>,
    pub org_name: Option<String>,
    pub user_name: Option<String>,
    /// Languages the canvasser speaks (BCP-47).
    pub user_languages: Vec<String>,
    pub device_id: Option<Uuid>,
    /// Whether the last contact with the endpoint succeeded.
    pub online: bool,
    pub syncing: bool,
    /// Records made here that the endpoint has not acknowledged yet.
    pub pending: u64,
    /// Records the endpoint refused for good (someone not on this user's
    /// lists, say), kept on this phone with the reason for the organizer.
    pub refused: u64,
    /// RFC 3339.
    pub last_sync: Option<String>,
    pub last_error: Option<String>,
    pub people: u64,
    pub attempts: u64,
    /// Set once this device was wiped: "revoked" (the endpoint refused its
    /// token for good, so it erased what it held) or "by_hand".
    pub wiped: Option<String>,
    /// Where the work it could not send before the wipe was kept, encrypted
    /// with this device's key, for the organizer.
    pub unsent_export: Option<String>,
    /// Locked after the idle time: the UI asks for the PIN.
    pub locked: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, TS)]
#[ts(export)]
pub struct ListSummary {
    pub id: Uuid,
    pub name: String,
    pub kind: ListKind,
    pub effort_name: Option<String>,
    pub doors: u32,
    pub doors_done: u32,
    pub people: u32,
    pub people_done: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, TS)]
#[ts(export)]
pub struct DoorView {
    pub household_id: Uuid,
    /// "123 1/2 N MAIN ST #4"
    pub address_line: String,
    pub city: String,
    pub zip: String,
    pub people: Vec<PersonView>,
    /// An attempt was recorded (on the list, when there is one) for someone
    /// who lives here or for the whole door.
    pub done: bool,
    /// The newest of those attempts' results, as a result code.
    pub last_result: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, TS)]
#[ts(export)]
pub struct PersonView {
    pub id: Uuid,
    pub household_id: Option<Uuid>,
    pub given_name: String,
    pub middle_name: String,
    pub family_name: String,
    pub native_name: String,
    pub preferred_language: String,
    pub spoken_languages: Vec<String>,
    pub phones: Vec<String>,
    pub emails: Vec<String>,
    pub birth_year: Option<i32>,
    pub do_not_contact: bool,
    /// Newest first.
    pub attempts: Vec<AttemptView>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, TS)]
#[ts(export)]
pub struct AttemptView {
    pub id: Uuid,
    pub person_id: Option<Uuid>,
    pub channel: Channel,
    /// A result code: "not_home", "language_barrier", …
    pub result: String,
    pub barrier_language: String,
    pub language_used: String,
    pub note: String,
    #[ts(type = "Record<string, unknown>")]
    pub answers: BTreeMap<String, serde_json::Value>,
    /// RFC 3339.
    pub attempted_at: String,
    /// Recorded here and not yet acknowledged by the endpoint.
    pub pending: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, TS)]
#[ts(export)]
pub struct ScriptView {
    pub id: Uuid,
    pub name: String,
    pub version: i64,
    /// Body per BCP-47 tag.
    pub texts: BTreeMap<String, String>,
    pub questions: Vec<SurveyQuestion>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, TS)]
#[ts(export)]
pub struct NewAttempt {
    pub person_id: Option<Uuid>,
    pub household_id: Option<Uuid>,
    pub list_id: Option<Uuid>,
    pub channel: Option<Channel>,
    /// A result code; "language_barrier" needs `barrier_language`.
    pub result: String,
    pub barrier_language: Option<String>,
    #[ts(type = "Record<string, unknown>")]
    #[serde(default)]
    pub answers: BTreeMap<String, serde_json::Value>,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub language_used: String,
    pub script_id: Option<Uuid>,
    pub script_version: Option<i64>,
}

/// Fields a canvasser can correct at the door. Absent means unchanged.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, TS)]
#[ts(export)]
pub struct PersonEdit {
    pub phones: Option<Vec<String>>,
    pub emails: Option<Vec<String>>,
    pub preferred_language: Option<String>,
    pub spoken_languages: Option<Vec<String>>,
    pub do_not_contact: Option<bool>,
}

/// Someone met at a door or signed up at an event.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, TS)]
#[ts(export)]
pub struct NewPerson {
    /// The door they were met at; None for an event walk-in.
    pub household_id: Option<Uuid>,
    /// Added to this list so they show up on it.
    pub list_id: Option<Uuid>,
    pub given_name: String,
    pub family_name: String,
    #[serde(default)]
    pub native_name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    #[serde(default)]
    pub preferred_language: String,
    /// A walk-in's address as typed.
    pub address_line: Option<String>,
    pub zip: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, TS)]
#[ts(export)]
pub struct Settings {
    /// The UI's language (BCP-47) as the canvasser chose it; empty until
    /// they choose, when the UI follows the phone's language. The script
    /// follows the voter instead.
    pub ui_language: String,
    /// Show the canvasser's language beneath the voter's in scripts.
    pub side_by_side: bool,
    /// Minutes without use after which the app locks and asks for the PIN
    /// (0: never). A device locked by the keychain has no PIN and never locks.
    #[serde(default = "default_lock_after")]
    pub lock_after_minutes: u32,
}

/// The idle lock until the organization says otherwise.
pub const DEFAULT_LOCK_AFTER_MINUTES: u32 = 15;

fn default_lock_after() -> u32 {
    DEFAULT_LOCK_AFTER_MINUTES
}

impl Default for Settings {
    fn default() -> Self {
        Settings { ui_language: String::new(), side_by_side: true, lock_after_minutes: DEFAULT_LOCK_AFTER_MINUTES }
    }
}

/// Every answer is one of these, so a transport can carry any of them.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(untagged)]
#[ts(export)]
pub enum Response {
    Status(DeviceStatus),
    Lists(Vec<ListSummary>),
    Doors(Vec<DoorView>),
    Household(DoorView),
    Script(Option<ScriptView>),
    People(Vec<PersonView>),
    Person(PersonView),
    Attempt(AttemptView),
    Settings(Settings),
}

/// A failed command, as every transport reports it.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ApiError {
    /// "not_paired", "not_found", "invalid", "offline", "store", "locked"
    pub code: String,
    pub message: String,
}
