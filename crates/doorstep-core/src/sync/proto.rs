//! The sync protocol's wire types (`/v1`), shared by the endpoint and the
//! device client. `schema/openapi.yaml` describes the same shapes.

use crate::domain::{Attempt, Effort, Household, List, Organization, Person, Script};
use crate::sync::hlc::Hlc;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use uuid::Uuid;

/// Bodies larger than this are refused with 413, compressed or not.
pub const MAX_BODY_BYTES: usize = 16 * 1024 * 1024;
/// The most operations one push may carry.
pub const MAX_OPS_PER_PUSH: usize = 5000;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PairRequest {
    pub code: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct UserInfo {
    pub id: Uuid,
    pub name: String,
    pub role: String,
    pub languages: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PairResponse {
    pub device_id: Uuid,
    /// Shown once; the endpoint keeps only its hash.
    pub token: String,
    pub org: Organization,
    pub user: UserInfo,
    pub server_time_ms: u64,
}

/// Person fields a device may change; each merges last-writer-wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PersonField {
    Phones,
    Emails,
    PreferredLanguage,
    SpokenLanguages,
    DoNotContact,
}

impl PersonField {
    pub const ALL: [PersonField; 5] =
        [PersonField::Phones, PersonField::Emails, PersonField::PreferredLanguage, PersonField::SpokenLanguages, PersonField::DoNotContact];

    pub fn column(self) -> &'static str {
        match self {
            PersonField::Phones => "phones",
            PersonField::Emails => "emails",
            PersonField::PreferredLanguage => "preferred_language",
            PersonField::SpokenLanguages => "spoken_languages",
            PersonField::DoNotContact => "do_not_contact",
        }
    }

    pub fn from_column(c: &str) -> Option<PersonField> {
        PersonField::ALL.into_iter().find(|f| f.column() == c)
    }
}

/// One entry of a device's outbox.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Op {
    /// Per-device, strictly increasing, never reused.
    pub seq: i64,
    /// Made by the device; the same op sent twice is the same op.
    pub op_id: Uuid,
    pub body: OpBody,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum OpBody {
    /// A contact attempt: appended, never merged.
    Attempt { attempt: Attempt },
    /// One field of one person, last writer wins.
    PersonEdit { person_id: Uuid, field: PersonField, value: serde_json::Value, hlc: Hlc },
    /// Someone new, met at a door or an event.
    PersonAdd { person: Person, household: Option<Household>, list_id: Option<Uuid>, hlc: Hlc },
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PushRequest {
    pub ops: Vec<Op>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PushResponse {
    /// Every op up to and including this sequence number is applied.
    pub acked_seq: i64,
    /// How many ops of this batch were new.
    pub applied: usize,
    pub server_time_ms: u64,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PullRequest {
    /// The lists this device holds, each with its cursor ("" for none yet).
    pub scopes: BTreeMap<Uuid, String>,
    /// Items per page; the endpoint caps it.
    pub limit: Option<u32>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PullResponse {
    pub server_time_ms: u64,
    pub user: UserInfo,
    /// Every list assigned to this device's user. A held list missing here
    /// was unassigned: the device purges it.
    pub assigned: Vec<Uuid>,
    pub pages: Vec<ScopePage>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ScopePage {
    pub list_id: Uuid,
    /// The device must drop what it holds for this list before applying
    /// (its cursor was older than the tombstone window).
    pub reset: bool,
    pub items: Vec<Item>,
    pub cursor: String,
    /// Pull again: this scope has more.
    pub more: bool,
}

/// What a pull delivers, always the entity as it is now.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Item {
    List { list: List, effort: Option<Effort>, script: Option<Script> },
    Household { household: Household },
    Person { person: Person, versions: BTreeMap<PersonField, Hlc>, deleted: bool },
    Member { list_id: Uuid, person_id: Uuid, removed: bool },
    Attempt { attempt: Attempt },
}

impl Item {
    /// Apply order within a page, so references always point backwards.
    pub fn rank(&self) -> u8 {
        match self {
            Item::List { .. } => 0,
            Item::Household { .. } => 1,
            Item::Person { .. } => 2,
            Item::Member { .. } => 3,
            Item::Attempt { .. } => 4,
        }
    }
}

/// Every error answer: a stable code and a sentence for a person.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ErrorBody {
    pub error: String,
    pub message: String,
}
