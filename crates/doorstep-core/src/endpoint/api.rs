//! The organizer's commands to the endpoint, and what comes back.
//!
//! One command layer serves every transport, as [`crate::device::api`] does
//! on the phone: the `doorstep` CLI calls [`super::Endpoint::organize`] in
//! process on the endpoint's own machine, `POST /v1/organize` takes the same
//! JSON from an organizer's paired device, and the organizer's screens will
//! send it too. TypeScript is generated from these (ts-rs), never written
//! by hand. A device's own operations (pair, push, pull) are the `/v1`
//! protocol's types in [`crate::sync::proto`], documented in
//! `schema/openapi.yaml`.
//!
//! Things are named as an organizer types them: a user, list or device by
//! name or id, an organization by name or id.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

#[derive(Debug, Clone, Deserialize, Serialize, TS)]
#[serde(tag = "cmd", rename_all = "snake_case", deny_unknown_fields)]
#[ts(export, export_to = "endpoint/")]
pub enum Organize {
    /// The organizations the caller sees: every one on the endpoint's own
    /// machine, the caller's own over the network.
    Orgs,
    /// Makes an organization (a tenant); only on the endpoint's own machine.
    OrgCreate { name: String },
    Users,
    /// Adds someone who organizes, canvasses or phone banks. `speaks`:
    /// language tags or names ("vi", "Vietnamese").
    UserAdd { name: String, role: String, #[serde(default)] speaks: Vec<String> },
    /// A one-time code a user's phone pairs with. With `url`, also the QR
    /// payload that carries the endpoint's address, and with `qr_svg` the
    /// QR code drawn as an SVG image.
    PairingCode { user: String, url: Option<String>, #[serde(default)] qr_svg: bool },
    /// Cuts lists from the voter file: the filters, at most `max_doors`
    /// doors a list (50 by default) keeping households, buildings and
    /// streets whole, and with `split` every matching door in as many turfs
    /// as it takes. `dry_run` writes nothing.
    ListCut { cut: CutArgs },
    /// Gives a list to a user; their devices receive it at their next sync.
    /// Whoever held it before loses it, unless `share`.
    ListAssign { list: String, user: String, #[serde(default)] share: bool },
    /// Takes a list back; their devices purge it at their next sync.
    ListUnassign { list: String, user: String },
    /// Every attempt the endpoint holds for the organization.
    Attempts,
    /// Publishes a script file (`source` names it in errors): refused, with
    /// every failure named by language, message and variable, unless every
    /// language parses, has every message, uses only the script's
    /// variables and translates every question and option. Devices get the
    /// new version at their next sync.
    ScriptImport { text: String, source: String },
    /// A speaker of `language` (the `reviewer`, by name or id) marks that
    /// language of the script's current version as reviewed.
    ScriptReview { script: String, language: String, reviewer: String },
    /// The organization's devices, by user and name; `user` narrows them.
    Devices { user: Option<String> },
    /// Revokes a device (by id or name): its next sync is refused.
    DeviceRevoke { device: String },
    /// Deletes a person for good (they asked to be removed): devices holding
    /// them receive a tombstone, and identifying data is erased.
    PersonDelete { person: Uuid },
    /// Drops change-log rows older than the tombstone window.
    PruneChanges { older_than_days: i64 },
}

impl Organize {
    /// Whether only the endpoint's operator, on its own machine, may do it.
    pub fn local_only(&self) -> bool {
        matches!(self, Organize::OrgCreate { .. })
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, TS)]
#[serde(tag = "reply", content = "data", rename_all = "snake_case")]
#[ts(export, export_to = "endpoint/")]
pub enum OrganizeReply {
    Orgs(Vec<OrgRow>),
    Org(OrgRow),
    Users(Vec<UserRow>),
    User(UserRow),
    PairingCode(PairingCodeRow),
    Assignment(AssignmentRow),
    Cut(CutRow),
    Attempts(Vec<AttemptRow>),
    Script(ScriptRow),
    Review(ReviewRow),
    Devices(Vec<DeviceRow>),
    Device(DeviceRow),
    PersonDeleted { person: Uuid },
    Pruned { changes: u64 },
}

impl OrganizeReply {
    /// The answer without its tag, as `--json` prints it.
    pub fn data(&self) -> serde_json::Value {
        let mut v = serde_json::to_value(self).unwrap_or_default();
        v.get_mut("data").map(serde_json::Value::take).unwrap_or_default()
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, TS)]
#[ts(export, export_to = "endpoint/")]
pub struct OrgRow {
    pub id: Uuid,
    pub name: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, TS)]
#[ts(export, export_to = "endpoint/")]
pub struct UserRow {
    pub id: Uuid,
    pub org_id: Uuid,
    pub name: String,
    /// admin, organizer, canvasser or phone_banker.
    pub role: String,
    /// BCP-47 tags.
    pub languages: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, TS)]
#[ts(export, export_to = "endpoint/")]
pub struct PairingCodeRow {
    /// "K7QF-3M9X": typed on the phone. Valid once.
    pub code: String,
    pub user_id: Uuid,
    pub user_name: String,
    /// `doorstep:pair?url=…&code=…`, when the endpoint's address was given.
    pub qr_payload: Option<String>,
    /// The QR code as an SVG image, when asked for.
    pub qr_svg: Option<String>,
    /// RFC 3339.
    pub expires_at: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, TS)]
#[ts(export, export_to = "endpoint/")]
pub struct AssignmentRow {
    pub list_id: Uuid,
    pub list_name: String,
    pub user_id: Uuid,
    pub user_name: String,
    /// False when the command took the list back.
    pub assigned: bool,
    /// Who held it before and lost it (a reassignment).
    #[serde(default)]
    pub previous: Vec<Holder>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, TS)]
#[ts(export, export_to = "endpoint/")]
pub struct Holder {
    pub id: Uuid,
    pub name: String,
}

/// What a cut picks and how it makes lists of it.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq, TS)]
#[serde(deny_unknown_fields)]
#[ts(export, export_to = "endpoint/")]
pub struct CutArgs {
    /// The list's name; a split's turfs are "NAME 1", "NAME 2", ...
    pub name: String,
    /// walk (doors) or call (people with a phone who are not do-not-contact).
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub precinct: Option<String>,
    #[serde(default)]
    pub zip: Option<String>,
    #[serde(default)]
    pub street: Option<String>,
    /// People who prefer or speak it (a tag or a name).
    #[serde(default)]
    pub language: Option<String>,
    #[serde(default)]
    pub near: Option<NearArgs>,
    /// Only people with no attempt in `effort` yet.
    #[serde(default)]
    pub not_contacted: bool,
    #[serde(default)]
    pub max_doors: Option<u32>,
    #[serde(default)]
    pub split: bool,
    /// The effort the lists belong to (name or id).
    #[serde(default)]
    pub effort: Option<String>,
    #[serde(default)]
    pub dry_run: bool,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, TS)]
#[serde(deny_unknown_fields)]
#[ts(export, export_to = "endpoint/")]
pub struct NearArgs {
    pub latitude: f64,
    pub longitude: f64,
    pub radius_m: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, TS)]
#[ts(export, export_to = "endpoint/")]
pub struct CutRow {
    pub lists: Vec<CutListRow>,
    /// Doors the filter picked that no list holds (a cut without split stops at its cap).
    pub doors_left: u32,
    /// A filter that matched nothing, doors without coordinates, a building over the cap.
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, TS)]
#[ts(export, export_to = "endpoint/")]
pub struct CutListRow {
    /// None on a dry run: nothing was written.
    pub id: Option<Uuid>,
    pub name: String,
    /// walk or call.
    pub kind: String,
    pub doors: u32,
    pub people: u32,
}

/// One attempt as the organizer reads it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, TS)]
#[ts(export, export_to = "endpoint/")]
pub struct AttemptRow {
    pub id: Uuid,
    pub person: Option<Uuid>,
    pub household: Option<Uuid>,
    pub list: Option<Uuid>,
    /// door or phone.
    pub channel: String,
    /// The result's code, such as not_home or language_barrier.
    pub result: String,
    /// The language needed, on a language barrier.
    pub barrier_language: Option<String>,
    #[ts(type = "Record<string, unknown>")]
    pub answers: serde_json::Value,
    pub note: String,
    pub language_used: String,
    pub canvasser: Option<Uuid>,
    pub device: Option<Uuid>,
    pub script: Option<Uuid>,
    /// The version of the script the canvasser read from.
    pub script_version: Option<i64>,
    /// RFC 3339.
    pub attempted_at: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, TS)]
#[ts(export, export_to = "endpoint/")]
pub struct ScriptRow {
    pub script_id: Uuid,
    pub name: String,
    pub version: i64,
    pub effort_id: Uuid,
    pub effort_name: String,
    /// The languages it is written in.
    pub languages: Vec<String>,
    pub questions: u32,
    /// False when the file matched what the endpoint already had.
    pub changed: bool,
    /// Languages of this version no speaker has reviewed yet.
    pub unreviewed: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, TS)]
#[ts(export, export_to = "endpoint/")]
pub struct ReviewRow {
    pub script_id: Uuid,
    pub script_name: String,
    pub version: i64,
    pub language: String,
    pub reviewer: String,
    /// False when that language of that version was reviewed already.
    pub newly: bool,
    /// Languages of this version still to review.
    pub unreviewed: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, TS)]
#[ts(export, export_to = "endpoint/")]
pub struct DeviceRow {
    pub id: Uuid,
    /// "Mai's phone 2": what an organizer calls it.
    pub name: String,
    pub user_id: Uuid,
    pub user_name: String,
    /// RFC 3339.
    pub paired_at: String,
    pub last_seen_at: Option<String>,
    pub revoked_at: Option<String>,
}
