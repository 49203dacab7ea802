//! Attempts: appended, never changed; read into an [`Attempt`] or straight
//! into a pull page's row.

use super::{from_json, json};
use crate::bulk;
use crate::domain::*;
use crate::error::{Error, Result};
use crate::attempt_table::{Answers, AttemptRow, AttemptTableBuilder};
use rusqlite::{Connection, OptionalExtension, params};
use uuid::Uuid;

/// Appends an attempt unless one with its id is already there. Returns
/// whether it was new.
pub fn insert_attempt(conn: &Connection, org: Uuid, a: &Attempt) -> Result<bool> {
    Ok(insert_attempts(conn, org, &[a])?[0])
}

/// Appends attempts many to a statement; returns, for each, whether it was
/// new. One already here (a page delivered again), or earlier in the same
/// batch, is left as it is.
///
/// Nearly always every attempt is new, so they are written first and
/// looked up only if fewer rows went in than were sent: then the write is
/// undone and done again after asking which ones are held. The common case
/// costs no lookup per attempt.
pub fn insert_attempts(conn: &Connection, org: Uuid, attempts: &[&Attempt]) -> Result<Vec<bool>> {
    let mut seen = std::collections::HashSet::with_capacity(attempts.len());
    let mut new: Vec<bool> = attempts.iter().map(|a| seen.insert(a.id)).collect();
    let candidates = new.iter().filter(|n| **n).count();
    conn.execute_batch("SAVEPOINT attempts_in")?;
    let written = append_attempts(conn, org, attempts, &new);
    match written {
        Ok(written) if written == candidates => {
            conn.execute_batch("RELEASE attempts_in")?;
            return Ok(new);
        }
        Ok(_) => conn.execute_batch("ROLLBACK TO attempts_in; RELEASE attempts_in")?,
        Err(e) => {
            conn.execute_batch("ROLLBACK TO attempts_in; RELEASE attempts_in")?;
            return Err(e);
        }
    }
    let mut held = conn.prepare_cached("SELECT 1 FROM attempts WHERE id = ?1")?;
    for (a, new) in attempts.iter().zip(new.iter_mut()) {
        *new = *new && !held.exists([a.id])?;
    }
    let fresh = new.iter().filter(|n| **n).count();
    let written = append_attempts(conn, org, attempts, &new)?;
    if written != fresh {
        return Err(Error::Invalid(format!("{} of {fresh} new attempts were not written", fresh - written)));
    }
    Ok(new)
}

/// Writes the attempts marked in `write`; returns how many rows went in.
fn append_attempts(conn: &Connection, org: Uuid, attempts: &[&Attempt], write: &[bool]) -> Result<usize> {
    let chosen: Vec<&Attempt> = attempts.iter().zip(write).filter(|(_, w)| **w).map(|(a, _)| *a).collect();
    let texts: Vec<(String, String)> = chosen
        .iter()
        .map(|a| (json(&a.answers), a.attempted_at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true)))
        .collect();
    let mut many = bulk::ManyRows::new(
        "INSERT OR IGNORE INTO attempts(id, org_id, person_id, household_id, list_id, effort_id, channel, result,
             barrier_language, answers, note, language_used, canvasser, device_id, script_id, script_version, attempted_at)",
        17,
    );
    Ok(many.insert(conn, chosen.iter().zip(&texts), |(a, (answers, at)), v| {
        v.extend::<[bulk::Value; 17]>([
            (&a.id).into(),
            (&org).into(),
            a.person_id.as_ref().into(),
            a.household_id.as_ref().into(),
            a.list_id.as_ref().into(),
            a.effort_id.as_ref().into(),
            a.channel.as_str().into(),
            a.result.code().into(),
            a.result.barrier_language().into(),
            answers.into(),
            (&a.note).into(),
            (&a.language_used).into(),
            a.canvasser.as_ref().into(),
            a.device_id.as_ref().into(),
            a.script_id.as_ref().into(),
            a.script_version.into(),
            at.into(),
        ]);
    })?)
}

pub const ATTEMPT_COLUMNS: &str = "id, person_id, household_id, list_id, effort_id, channel, result, barrier_language,
    answers, note, language_used, canvasser, device_id, script_id, script_version, attempted_at";

/// [`ATTEMPT_COLUMNS`] of an attempt joined under `alias`.
pub fn attempt_columns_of(alias: &str) -> String {
    ATTEMPT_COLUMNS.split(',').map(|c| format!("{alias}.{}", c.trim())).collect::<Vec<_>>().join(", ")
}

pub fn attempt_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Attempt> {
    attempt_from_row_at(r, 0)
}

/// An attempt read from [`ATTEMPT_COLUMNS`] starting at column `at`.
pub fn attempt_from_row_at(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<Attempt> {
    let channel: String = r.get(at + 5)?;
    let code: String = r.get(at + 6)?;
    let lang: String = r.get(at + 7)?;
    let when: String = r.get(at + 15)?;
    let conv = |i: usize, e: String| rusqlite::Error::FromSqlConversionFailure(at + i, rusqlite::types::Type::Text, e.into());
    Ok(Attempt {
        id: r.get(at)?,
        person_id: r.get(at + 1)?,
        household_id: r.get(at + 2)?,
        list_id: r.get(at + 3)?,
        effort_id: r.get(at + 4)?,
        channel: channel.parse().map_err(|e: UnknownCode| conv(5, e.to_string()))?,
        result: ContactResult::from_code(&code, &lang).map_err(|e| conv(6, e.to_string()))?,
        answers: from_json(&r.get::<_, String>(at + 8)?),
        note: r.get(at + 9)?,
        language_used: r.get(at + 10)?,
        canvasser: r.get(at + 11)?,
        device_id: r.get(at + 12)?,
        script_id: r.get(at + 13)?,
        script_version: r.get(at + 14)?,
        attempted_at: chrono::DateTime::parse_from_rfc3339(&when).map_err(|e| conv(15, e.to_string()))?.to_utc(),
    })
}

/// The attempt [`attempt_from_row_at`] reads from the same row, as a row of
/// a pull page's [`AttemptTable`](crate::attempt_table::AttemptTable), its ids
/// indexed in `table`. Taken from the row's values as they are: a page is
/// mostly attempts, and reading each into an [`Attempt`] only to write it
/// out again was most of building one. Only the stored answers are parsed,
/// to check them, so that a damaged row fails alone and says which column.
pub fn attempt_row_at(r: &rusqlite::Row<'_>, at: usize, table: &mut AttemptTableBuilder) -> rusqlite::Result<AttemptRow> {
    let text = |i: usize| r.get_ref(at + i).and_then(|v| v.as_str().map_err(rusqlite::Error::from));
    let bad = |i: usize, e: String| rusqlite::Error::FromSqlConversionFailure(at + i, rusqlite::types::Type::Text, e.into());
    let mut id = |i: usize| r.get::<_, Option<Uuid>>(at + i).map(|id| id.map(|id| table.id(id)));
    Ok(AttemptRow {
        id: r.get(at)?,
        person: id(1)?,
        household: id(2)?,
        list: id(3)?,
        effort: id(4)?,
        // Passed on as stored: a device skips a row whose channel it does
        // not know, and the rest of the page still applies.
        channel: text(5)?.to_owned(),
        result: text(6)?.to_owned(),
        barrier_language: text(7)?.to_owned(),
        answers: Answers::from_json(text(8)?).map_err(|e| bad(8, e))?,
        note: text(9)?.to_owned(),
        language_used: text(10)?.to_owned(),
        canvasser: id(11)?,
        device: id(12)?,
        script: id(13)?,
        script_version: r.get(at + 14)?,
        attempted_at: text(15)?.to_owned(),
    })
}

/// Every attempt of an organization, oldest first.
pub fn org_attempts(conn: &Connection, org: Uuid) -> Result<Vec<Attempt>> {
    let mut stmt = conn.prepare(&format!("SELECT {ATTEMPT_COLUMNS} FROM attempts WHERE org_id = ?1 ORDER BY attempted_at, id"))?;
    Ok(stmt.query_map([org], attempt_from_row)?.collect::<rusqlite::Result<_>>()?)
}

pub fn load_attempt(conn: &Connection, org: Uuid, id: Uuid) -> Result<Option<Attempt>> {
    Ok(conn
        .prepare_cached(&format!("SELECT {ATTEMPT_COLUMNS} FROM attempts WHERE id = ?1 AND +org_id = ?2"))?
        .query_row(params![id, org], attempt_from_row)
        .optional()?)
}
