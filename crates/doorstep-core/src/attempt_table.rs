//! A pull page's attempts as a table (`proto::AttemptTable` on the wire).
//! Below both `records`, which writes a row straight from the store's, and
//! `sync`, which carries and reads it.

use crate::domain::{Attempt, Channel, ContactResult};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

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
