//! The sync protocol's wire types (`/v1`), shared by the endpoint and the
//! device client. `schema/openapi.yaml` describes the same shapes.

use crate::domain::{Attempt, Effort, Household, List, Organization, Person, Script};
use crate::sync::hlc::Hlc;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use uuid::Uuid;

/// An enum whose JSON is an object tagged by `"kind"` next to the variant's
/// fields (`deny_unknown_fields if all()` refuses unknown fields, `any()`
/// ignores them). serde's own tagged enums read every object into a buffer first to
/// find the tag, which was most of the time a push or a pull spent parsing;
/// these read `"kind"` directly when it comes first, as Doorstep writes it,
/// and fall back to the buffered way when it does not.
macro_rules! kind_tagged {
    (
        $(#[$meta:meta])*
        pub enum $name:ident, deny_unknown_fields if $deny:meta {
            $( $(#[$vmeta:meta])* $variant:ident = $kind:literal { $( $field:ident : $ty:ty ),* $(,)? } ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Serialize)]
        #[serde(tag = "kind")]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $kind)] $variant { $( $field: $ty ),* } ),*
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                use serde::de::{Error, MapAccess, Visitor};
                use std::borrow::Cow;

                #[derive(Deserialize)]
                #[serde(tag = "kind")]
                #[cfg_attr($deny, serde(deny_unknown_fields))]
                enum Buffered {
                    $( #[serde(rename = $kind)] $variant { $( $field: $ty ),* } ),*
                }

                struct KindFirst;
                impl<'de> Visitor<'de> for KindFirst {
                    type Value = $name;

                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str(concat!("a ", stringify!($name), " object with a \"kind\""))
                    }

                    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<$name, A::Error> {
                        let first: Option<Cow<'de, str>> = map.next_key()?;
                        if first.as_deref() == Some("kind") {
                            let kind: Cow<'de, str> = map.next_value()?;
                            return match &*kind {
                                $( $kind => {
                                    #[derive(Deserialize)]
                                    #[cfg_attr($deny, serde(deny_unknown_fields))]
                                    struct Fields { $( $field: $ty ),* }
                                    let f = Fields::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                                    Ok($name::$variant { $( $field: f.$field ),* })
                                } )*
                                other => Err(A::Error::unknown_variant(other, &[$( $kind ),*])),
                            };
                        }
                        let mut object = serde_json::Map::new();
                        if let Some(key) = first {
                            object.insert(key.into_owned(), map.next_value()?);
                            while let Some((key, value)) = map.next_entry::<String, serde_json::Value>()? {
                                object.insert(key, value);
                            }
                        }
                        match serde_json::from_value::<Buffered>(serde_json::Value::Object(object)).map_err(A::Error::custom)? {
                            $( Buffered::$variant { $( $field ),* } => Ok($name::$variant { $( $field ),* }), )*
                        }
                    }
                }

                deserializer.deserialize_map(KindFirst)
            }
        }
    };
}

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

kind_tagged! {
    #[derive(Debug, Clone, PartialEq)]
    // A device's ops are checked strictly: a field the endpoint does not
    // know is refused, never dropped.
    pub enum OpBody, deny_unknown_fields if all() {
        /// A contact attempt: appended, never merged.
        Attempt = "attempt" { attempt: Attempt },
        /// One field of one person, last writer wins.
        PersonEdit = "person_edit" { person_id: Uuid, field: PersonField, value: serde_json::Value, hlc: Hlc },
        /// Someone new, met at a door or an event.
        PersonAdd = "person_add" { person: Person, household: Option<Household>, list_id: Option<Uuid>, hlc: Hlc },
    }
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

/// The header of a pull answer that carries [`PullResponse::next`], so a
/// device can ask for the next page before it has read this one.
pub const NEXT_PULL_HEADER: &str = "x-doorstep-next";

/// Where a pull answer leaves the device: the lists it will hold with their
/// cursors, and whether any of them has more.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct NextPull {
    pub scopes: BTreeMap<Uuid, String>,
    pub more: bool,
}

impl PullResponse {
    pub fn next(&self) -> NextPull {
        NextPull {
            scopes: self.pages.iter().map(|p| (p.list_id, p.cursor.clone())).collect(),
            more: self.pages.iter().any(|p| p.more),
        }
    }
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

kind_tagged! {
    /// What a pull delivers, always the entity as it is now.
    #[derive(Debug, Clone, PartialEq)]
    // A device ignores what a newer endpoint adds.
    pub enum Item, deny_unknown_fields if any() {
        List = "list" { list: List, effort: Option<Effort>, script: Option<Script> },
        Household = "household" { household: Household },
        Person = "person" { person: Person, versions: BTreeMap<PersonField, Hlc>, deleted: bool },
        Member = "member" { list_id: Uuid, person_id: Uuid, removed: bool },
        Attempt = "attempt" { attempt: WireAttempt },
    }
}

/// An attempt in a pull page. A device reads it whole; the endpoint may
/// send one as JSON written straight from the store's row
/// ([`crate::records::attempt_json_from_row_at`]), without reading it into
/// an attempt first.
#[derive(Debug, Clone)]
// A device reads thousands per page; boxing each would allocate each.
#[allow(clippy::large_enum_variant)]
pub enum WireAttempt {
    Read(Attempt),
    Json(Box<serde_json::value::RawValue>),
}

impl WireAttempt {
    /// The attempt, read from its JSON if it is still that.
    pub fn attempt(&self) -> Result<std::borrow::Cow<'_, Attempt>, serde_json::Error> {
        match self {
            WireAttempt::Read(a) => Ok(std::borrow::Cow::Borrowed(a)),
            WireAttempt::Json(json) => serde_json::from_str(json.get()).map(std::borrow::Cow::Owned),
        }
    }
}

impl PartialEq for WireAttempt {
    fn eq(&self, other: &Self) -> bool {
        matches!((self.attempt(), other.attempt()), (Ok(a), Ok(b)) if a == b)
    }
}

impl Serialize for WireAttempt {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            WireAttempt::Read(a) => a.serialize(s),
            WireAttempt::Json(json) => json.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for WireAttempt {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Attempt::deserialize(d).map(WireAttempt::Read)
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn edit() -> OpBody {
        OpBody::PersonEdit {
            person_id: Uuid::now_v7(),
            field: PersonField::Phones,
            value: serde_json::json!(["714-555-0101"]),
            hlc: Hlc { wall_ms: 1_764_000_000_000, counter: 2, node: Uuid::now_v7() },
        }
    }

    #[test]
    fn kind_comes_first_and_reads_back() {
        let op = edit();
        let json = serde_json::to_string(&op).unwrap();
        assert!(json.starts_with(r#"{"kind":"person_edit","#), "{json}");
        assert_eq!(serde_json::from_str::<OpBody>(&json).unwrap(), op);
    }

    #[test]
    fn kind_anywhere_still_reads() {
        let op = edit();
        let mut value = serde_json::to_value(&op).unwrap();
        let kind = value.as_object_mut().unwrap().remove("kind").unwrap();
        value.as_object_mut().unwrap().insert("kind".into(), kind);
        let json = serde_json::to_string(&value).unwrap();
        assert!(!json.starts_with(r#"{"kind""#), "{json}");
        assert_eq!(serde_json::from_str::<OpBody>(&json).unwrap(), op);
    }

    #[test]
    fn unknown_kinds_and_fields() {
        let err = serde_json::from_str::<OpBody>(r#"{"kind":"teleport","x":1}"#).unwrap_err().to_string();
        assert!(err.contains("unknown variant `teleport`"), "{err}");
        let err = serde_json::from_str::<OpBody>(r#"{"x":1,"kind":"teleport"}"#).unwrap_err().to_string();
        assert!(err.contains("teleport"), "{err}");
        let mut op = serde_json::to_value(edit()).unwrap();
        op["surprise"] = serde_json::json!(true);
        let err = serde_json::from_value::<OpBody>(op).unwrap_err().to_string();
        assert!(err.contains("surprise"), "{err}");
        let err = serde_json::from_str::<OpBody>(r#"{"other":1}"#).unwrap_err().to_string();
        assert!(err.contains("kind"), "{err}");

        // A device reads past what a newer endpoint adds.
        let id = Uuid::now_v7();
        let item: Item = serde_json::from_value(serde_json::json!({
            "kind": "member", "list_id": id, "person_id": id, "removed": false, "added_later": 1
        }))
        .unwrap();
        assert_eq!(item, Item::Member { list_id: id, person_id: id, removed: false });
    }
}
