//! The sync protocol's wire types (`/v1`), shared by the endpoint and the
//! device client. `schema/openapi.yaml` describes the same shapes.

use crate::domain::{Attempt, Channel, ContactResult, Effort, Household, List, Organization, Person, Script};
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

/// A page's attempts as a table. Every id an attempt names other than its
/// own is written once, in `ids`, and named by its index there. Most of a
/// pull is attempts, and most of an attempt written whole was ids that
/// repeat from one attempt to the next (its list, effort, script, canvasser
/// and device, and a door knocked again), each 36 characters for the
/// endpoint to write and the device to parse.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct AttemptTable {
    pub ids: Vec<Uuid>,
    pub rows: Vec<AttemptRow>,
}

/// One attempt in an [`AttemptTable`]: [`Attempt`]'s fields, its ids as
/// indexes into the table's `ids`, its result as the store keeps it (code,
/// and the language of a language barrier), and empty texts left out.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct AttemptRow {
    pub id: Uuid,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub household: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effort: Option<u32>,
    /// A [`Channel`], kept as text so that a channel this device does not
    /// know (a newer endpoint's) skips its row, not the whole answer.
    pub channel: String,
    pub result: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub barrier_language: String,
    /// The answers object as JSON, as the store keeps it.
    pub answers: Answers,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub language_used: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canvasser: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub script: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub script_version: Option<i64>,
    /// RFC 3339.
    pub attempted_at: String,
}

/// Survey answers passed through as the JSON object they are, neither
/// read into a map at the endpoint nor written out of one.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Answers(pub Box<serde_json::value::RawValue>);

impl Answers {
    /// Checks that `json` is an object. The error never quotes it: answers
    /// are what a voter said.
    pub fn from_json(json: &str) -> Result<Answers, String> {
        let raw = serde_json::value::RawValue::from_string(json.to_owned()).map_err(|_| "answers are not JSON".to_owned())?;
        if !raw.get().starts_with('{') {
            return Err("answers must be a JSON object".into());
        }
        Ok(Answers(raw))
    }
}

impl PartialEq for Answers {
    fn eq(&self, other: &Self) -> bool {
        self.0.get() == other.0.get()
    }
}

impl AttemptTable {
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// The attempts, each checked: a channel, result code, time and answers
    /// that are what an attempt holds, and ids that are in the table. A row
    /// that fails is skipped and told, never the page: one row nobody can
    /// read (an endpoint restored from a damaged store, a newer endpoint's
    /// channel) must not stop every device on its list from syncing, and
    /// attempts are append-only, so nobody could remove it from the app.
    pub fn read(&self) -> (Vec<Attempt>, Vec<SkippedRow>) {
        let mut attempts = Vec::with_capacity(self.rows.len());
        let mut skipped = Vec::new();
        for r in &self.rows {
            match self.row(r) {
                Ok(a) => attempts.push(a),
                Err(reason) => skipped.push(SkippedRow { id: r.id, reason }),
            }
        }
        (attempts, skipped)
    }

    /// Every attempt, or the first row that fails: for tools and tests that
    /// want the table whole.
    pub fn attempts(&self) -> Result<Vec<Attempt>, String> {
        match self.read() {
            (attempts, skipped) if skipped.is_empty() => Ok(attempts),
            (_, skipped) => Err(skipped[0].to_string()),
        }
    }

    /// One row as an attempt. The reasons name the field and never quote
    /// it: they are logged.
    fn row(&self, r: &AttemptRow) -> Result<Attempt, String> {
        use serde::de::IntoDeserializer;
        let id = |what: &str, i: Option<u32>| -> Result<Option<Uuid>, String> {
            i.map(|i| {
                self.ids.get(i as usize).copied().ok_or_else(|| format!("its {what} is id {i}, but the table has {} ids", self.ids.len()))
            })
            .transpose()
        };
        let channel: Result<Channel, serde::de::value::Error> = Channel::deserialize(r.channel.as_str().into_deserializer());
        Ok(Attempt {
            id: r.id,
            person_id: id("person", r.person)?,
            household_id: id("household", r.household)?,
            list_id: id("list", r.list)?,
            effort_id: id("effort", r.effort)?,
            channel: channel.map_err(|_| "channel: not one this device knows".to_owned())?,
            result: ContactResult::from_code(&r.result, &r.barrier_language).map_err(|_| "result: not a code this device knows".to_owned())?,
            answers: serde_json::from_str(r.answers.0.get()).map_err(|_| "answers: not a JSON object".to_owned())?,
            note: r.note.clone(),
            language_used: r.language_used.clone(),
            canvasser: id("canvasser", r.canvasser)?,
            device_id: id("device", r.device)?,
            script_id: id("script", r.script)?,
            script_version: r.script_version,
            attempted_at: chrono::DateTime::parse_from_rfc3339(&r.attempted_at)
                .map_err(|_| "attempted_at: not an RFC 3339 time".to_owned())?
                .to_utc(),
        })
    }
}

/// A pulled attempt row a device could not read, and why (no voter data).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedRow {
    pub id: Uuid,
    pub reason: String,
}

impl std::fmt::Display for SkippedRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "attempt {}: {}", self.id, self.reason)
    }
}

/// Builds an [`AttemptTable`], giving each id its index once.
#[derive(Debug, Default)]
pub struct AttemptTableBuilder {
    table: AttemptTable,
    index: std::collections::HashMap<Uuid, u32>,
}

impl AttemptTableBuilder {
    /// The index of `id` in the table's ids, added if new.
    pub fn id(&mut self, id: Uuid) -> u32 {
        let ids = &mut self.table.ids;
        *self.index.entry(id).or_insert_with(|| {
            ids.push(id);
            ids.len() as u32 - 1
        })
    }

    pub fn push(&mut self, row: AttemptRow) {
        self.table.rows.push(row);
    }

    /// An attempt already read into one: the reference the store's rows
    /// are held to.
    #[cfg(test)]
    pub fn push_attempt(&mut self, a: &Attempt) {
        let row = AttemptRow {
            id: a.id,
            person: a.person_id.map(|i| self.id(i)),
            household: a.household_id.map(|i| self.id(i)),
            list: a.list_id.map(|i| self.id(i)),
            effort: a.effort_id.map(|i| self.id(i)),
            channel: a.channel.as_str().to_owned(),
            result: a.result.code().to_owned(),
            barrier_language: a.result.barrier_language().to_owned(),
            answers: Answers(serde_json::value::to_raw_value(&a.answers).expect("serializable")),
            note: a.note.clone(),
            language_used: a.language_used.clone(),
            canvasser: a.canvasser.map(|i| self.id(i)),
            device: a.device_id.map(|i| self.id(i)),
            script: a.script_id.map(|i| self.id(i)),
            script_version: a.script_version,
            attempted_at: a.attempted_at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
        };
        self.push(row);
    }

    pub fn finish(self) -> AttemptTable {
        self.table
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
