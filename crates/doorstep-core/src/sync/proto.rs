//! The sync protocol's wire types (`/v1`), shared by the endpoint and the
//! device client. `schema/openapi.yaml` describes the same shapes.

use crate::domain::{Attempt, Effort, Household, List, Organization, Person, Script};
// PersonField and the attempt table live below both `records` and `sync`
// (records reads and merges them; sync carries them), so that `records`
// depends on nothing in `sync`; they are part of the wire all the same.
pub use crate::attempt_table::{Answers, AttemptRow, AttemptTable, AttemptTableBuilder, SkippedRow};
pub use crate::domain::PersonField;
use crate::hlc::Hlc;
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
    /// What the organizer will call this device ("Mai's phone"); the
    /// endpoint names it after its user when it is missing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_name: Option<String>,
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
    /// The last of this device's operations the endpoint has applied. Below
    /// what the device saw acknowledged, the endpoint lost work (restored
    /// from a backup), and the device sends again what it still holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applied_seq: Option<i64>,
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
    /// Applied after the items, which bring what the attempts name.
    #[serde(default, skip_serializing_if = "AttemptTable::is_empty")]
    pub attempts: AttemptTable,
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
        }
    }
}

/// Every error answer: a stable code and a sentence for a person.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ErrorBody {
    pub error: String,
    pub message: String,
    /// On a refused push: the last of this device's operations the endpoint
    /// has applied. A device whose numbering disagrees (it was restored
    /// from a backup, or the endpoint was) lines its outbox up with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applied_seq: Option<i64>,
    /// On a refused push: the operation refused, when one was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub op_seq: Option<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ContactResult;

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
    fn a_damaged_attempt_row_is_skipped_and_named_and_the_rest_read() {
        let person = Uuid::now_v7();
        let mut b = AttemptTableBuilder::default();
        for _ in 0..3 {
            b.push_attempt(&Attempt { note: "Maria Lopez, 310-555-0199".into(), ..Attempt::knock(person, ContactResult::NotHome) });
        }
        let good = b.finish();
        assert_eq!(good.attempts().unwrap()[0].person_id, Some(person));
        let id = good.rows[1].id;

        // Each damage to the middle row: which field its reason names.
        type Damage = Box<dyn Fn(&mut AttemptRow)>;
        let cases: Vec<(&str, Damage, &str)> = vec![
            ("an id past the table", Box::new(|r| r.person = Some(7)), "person is id 7, but the table has 1 ids"),
            ("an unknown result", Box::new(|r| r.result = "teleported".into()), "result"),
            ("an unknown channel", Box::new(|r| r.channel = "carrier_pigeon".into()), "channel"),
            ("a time RFC 3339 cannot write", Box::new(|r| r.attempted_at = "+262142-12-31T23:59:59Z".into()), "attempted_at"),
            ("no time", Box::new(|r| r.attempted_at = "yesterday".into()), "attempted_at"),
            ("answers not an object", Box::new(|r| r.answers = Answers(serde_json::value::RawValue::from_string(r#"["Maria"]"#.into()).unwrap())), "answers"),
        ];
        for (what, damage, named) in cases {
            let mut table = good.clone();
            damage(&mut table.rows[1]);
            // Through JSON, as a pull brings it.
            let table: AttemptTable = serde_json::from_str(&serde_json::to_string(&table).unwrap()).unwrap();
            let (read, skipped) = table.read();
            assert_eq!(read.iter().map(|a| a.id).collect::<Vec<_>>(), vec![good.rows[0].id, good.rows[2].id], "{what}");
            assert_eq!(skipped.len(), 1, "{what}");
            let told = skipped[0].to_string();
            assert!(told.starts_with(&format!("attempt {id}: ")) && told.contains(named), "{what}: {told}");
            for leak in ["Maria", "555", "teleported", "pigeon", "262142", "yesterday"] {
                assert!(!told.contains(leak), "{what}: {told}");
            }
            assert_eq!(table.attempts().unwrap_err(), told, "{what}: the strict read fails on the same row");
        }
        assert_eq!(Answers::from_json(r#"["Maria"]"#).unwrap_err(), "answers must be a JSON object");
        assert!(!Answers::from_json(r#"{"Maria"#).unwrap_err().contains("Maria"));
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
