//! Reading and writing whole domain records in a store: the pieces that the
//! endpoint, the device and the CLI all need, written once.

use crate::address::household_key;
use crate::bulk;
use crate::domain::*;
use crate::error::{Error, Result};
use crate::fold;
use crate::store::now_text;
use crate::sync::hlc::Hlc;
use crate::sync::proto::{Answers, AttemptRow, AttemptTableBuilder, PersonField};
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::BTreeMap;
use uuid::Uuid;

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).expect("serializable")
}

fn from_json<T: serde::de::DeserializeOwned + Default>(s: &str) -> T {
    serde_json::from_str(s).unwrap_or_default()
}

// Lookups by id write `+org_id`: the unary plus keeps SQLite from choosing
// the organization index (every person of the org) over the primary key.
const PERSON_COLUMNS: &str = "id, household_id, given_name, middle_name, family_name, name_suffix, native_name,
    birth_year, gender, party, preferred_language, spoken_languages, phones, emails, do_not_contact, deleted_at";

fn person_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(Person, bool)> {
    Ok((
        Person {
            id: r.get(0)?,
            household_id: r.get(1)?,
            given_name: r.get(2)?,
            middle_name: r.get(3)?,
            family_name: r.get(4)?,
            name_suffix: r.get(5)?,
            native_name: r.get(6)?,
            birth_year: r.get(7)?,
            gender: r.get(8)?,
            party: r.get(9)?,
            preferred_language: r.get(10)?,
            spoken_languages: from_json(&r.get::<_, String>(11)?),
            phones: from_json(&r.get::<_, String>(12)?),
            emails: from_json(&r.get::<_, String>(13)?),
            external_ids: BTreeMap::new(),
            do_not_contact: r.get(14)?,
        },
        r.get::<_, Option<String>>(15)?.is_some(),
    ))
}

/// A person of `org`, with whether it is a tombstone.
pub fn load_person(conn: &Connection, org: Uuid, id: Uuid) -> Result<Option<(Person, bool)>> {
    let found = conn
        .prepare_cached(&format!("SELECT {PERSON_COLUMNS} FROM people WHERE id = ?1 AND +org_id = ?2"))?
        .query_row(params![id, org], person_from_row)
        .optional()?;
    let Some((mut person, deleted)) = found else { return Ok(None) };
    let mut ext = conn.prepare_cached("SELECT scheme, value FROM external_ids WHERE person_id = ?1")?;
    person.external_ids = ext.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    Ok(Some((person, deleted)))
}

pub fn person_versions(conn: &Connection, id: Uuid) -> Result<BTreeMap<PersonField, Hlc>> {
    let mut stmt = conn.prepare_cached("SELECT field, hlc FROM field_versions WHERE entity = 'person' AND entity_id = ?1")?;
    let mut out = BTreeMap::new();
    for row in stmt.query_map([id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
        let (field, hlc) = row?;
        if let (Some(f), Ok(h)) = (PersonField::from_column(&field), hlc.parse()) {
            out.insert(f, h);
        }
    }
    Ok(out)
}

fn field_version(conn: &Connection, id: Uuid, field: PersonField) -> Result<Option<Hlc>> {
    let v: Option<String> = conn
        .prepare_cached("SELECT hlc FROM field_versions WHERE entity = 'person' AND entity_id = ?1 AND field = ?2")?
        .query_row(params![id, field.column()], |r| r.get(0))
        .optional()?;
    Ok(v.and_then(|s| s.parse().ok()))
}

fn set_field_version(conn: &Connection, id: Uuid, field: PersonField, hlc: Hlc) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO field_versions(entity, entity_id, field, hlc) VALUES ('person', ?1, ?2, ?3)
         ON CONFLICT(entity, entity_id, field) DO UPDATE SET hlc = excluded.hlc",
    )?
    .execute(params![id, field.column(), hlc.to_string()])?;
    Ok(())
}

/// Rebuilds one person's search entries from the row as it is now.
pub fn reindex_person(conn: &Connection, id: Uuid) -> Result<()> {
    let row: Option<(i64, String, String, String, String, String)> = conn
        .prepare_cached("SELECT rowid, given_name, middle_name, family_name, native_name, phones FROM people WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))
        .optional()?;
    let Some((rowid, given, middle, family, native, phones)) = row else { return Ok(()) };
    conn.prepare_cached("DELETE FROM people_search WHERE rowid = ?1")?.execute([rowid])?;
    conn.prepare_cached("DELETE FROM phone_index WHERE person_rowid = ?1")?.execute([rowid])?;
    index_person(conn, rowid, &given, &middle, &family, &native, &from_json::<Vec<String>>(&phones))
}

/// Adds a person's name and phone search entries; they must have none yet.
fn index_person(conn: &Connection, rowid: i64, given: &str, middle: &str, family: &str, native: &str, phones: &[String]) -> Result<()> {
    conn.prepare_cached("INSERT INTO people_search(rowid, terms) VALUES (?1, ?2)")?
        .execute(params![rowid, fold::search_terms(given, middle, family, native)])?;
    let mut ins = conn.prepare_cached("INSERT OR IGNORE INTO phone_index(digits, person_rowid) VALUES (?1, ?2)")?;
    for p in phones {
        let d = fold::phone_digits(p);
        if !d.is_empty() {
            ins.execute(params![d, rowid])?;
        }
    }
    Ok(())
}

fn set_person_column(conn: &Connection, id: Uuid, field: PersonField, value: &serde_json::Value) -> Result<()> {
    let sql = format!("UPDATE people SET {} = ?2, updated_at = ?3 WHERE id = ?1", field.column());
    let now = now_text();
    // Named, never quoted: the value is a voter's phone or email.
    let bad = || Error::Invalid(format!("{} must be {}", field.column(), crate::person::expected(field)));
    match field {
        PersonField::Phones | PersonField::Emails | PersonField::SpokenLanguages => {
            let list: Vec<String> = serde_json::from_value(value.clone()).map_err(|_| bad())?;
            conn.prepare_cached(&sql)?.execute(params![id, json(&list), now])?;
        }
        PersonField::PreferredLanguage => {
            let s = value.as_str().ok_or_else(bad)?;
            conn.prepare_cached(&sql)?.execute(params![id, s, now])?;
        }
        PersonField::DoNotContact => {
            let b = value.as_bool().ok_or_else(bad)?;
            conn.prepare_cached(&sql)?.execute(params![id, b, now])?;
        }
    }
    Ok(())
}

pub fn person_field_value(person: &Person, field: PersonField) -> serde_json::Value {
    match field {
        PersonField::Phones => serde_json::json!(person.phones),
        PersonField::Emails => serde_json::json!(person.emails),
        PersonField::PreferredLanguage => serde_json::json!(person.preferred_language),
        PersonField::SpokenLanguages => serde_json::json!(person.spoken_languages),
        PersonField::DoNotContact => serde_json::json!(person.do_not_contact),
    }
}

/// Applies one field edit if its clock is newer than the field's. Returns
/// whether it won. Ties cannot happen: the node id is part of the clock.
pub fn merge_person_field(conn: &Connection, id: Uuid, field: PersonField, value: &serde_json::Value, hlc: Hlc) -> Result<bool> {
    if field_version(conn, id, field)?.is_some_and(|current| current >= hlc) {
        return Ok(false);
    }
    set_person_column(conn, id, field, value)?;
    set_field_version(conn, id, field, hlc)?;
    if field == PersonField::Phones {
        reindex_person(conn, id)?;
    }
    Ok(true)
}

/// Writes a household as given (insert, or update in place).
pub fn upsert_household(conn: &Connection, org: Uuid, h: &Household, key: Option<&str>) -> Result<()> {
    let key = key.map(str::to_owned).unwrap_or_else(|| household_key(&h.address));
    let a = &h.address;
    let existed: Option<i64> =
        conn.prepare_cached("SELECT rowid FROM households WHERE id = ?1")?.query_row([h.id], |r| r.get(0)).optional()?;
    conn.prepare_cached(
        "INSERT INTO households(id, org_id, address_key, house_number, number_value, fraction, street, unit, city, state,
             zip, precinct, latitude, longitude)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
         ON CONFLICT(id) DO UPDATE SET house_number = excluded.house_number, number_value = excluded.number_value,
             fraction = excluded.fraction, street = excluded.street, unit = excluded.unit, city = excluded.city,
             state = excluded.state, zip = excluded.zip, precinct = excluded.precinct, latitude = excluded.latitude,
             longitude = excluded.longitude",
    )?
    .execute(params![h.id, org, key, a.house_number, a.number_value, a.fraction, a.street, a.unit, a.city, a.state,
        a.zip, h.precinct, h.latitude, h.longitude])?;
    let rowid: i64 = conn.prepare_cached("SELECT rowid FROM households WHERE id = ?1")?.query_row([h.id], |r| r.get(0))?;
    if existed.is_some() {
        conn.prepare_cached("DELETE FROM household_search WHERE rowid = ?1")?.execute([rowid])?;
    }
    conn.prepare_cached("INSERT INTO household_search(rowid, terms) VALUES (?1, ?2)")?
        .execute(params![rowid, fold::address_terms(&a.house_number, &a.street, &a.unit, &a.city, &a.zip)])?;
    Ok(())
}

/// The household columns, as `h`, in the order [`household_from_row`] reads them.
pub const HOUSEHOLD_COLUMNS: &str =
    "h.id, h.house_number, h.number_value, h.fraction, h.street, h.unit, h.city, h.state, h.zip, h.precinct, h.latitude, h.longitude";

pub fn household_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Household> {
    Ok(Household {
        id: r.get(0)?,
        address: Address {
            house_number: r.get(1)?,
            number_value: r.get(2)?,
            fraction: r.get(3)?,
            street: r.get(4)?,
            unit: r.get(5)?,
            city: r.get(6)?,
            state: r.get(7)?,
            zip: r.get(8)?,
        },
        precinct: r.get(9)?,
        latitude: r.get(10)?,
        longitude: r.get(11)?,
    })
}

pub fn load_household(conn: &Connection, org: Uuid, id: Uuid) -> Result<Option<Household>> {
    Ok(conn
        .prepare_cached(&format!("SELECT {HOUSEHOLD_COLUMNS} FROM households h WHERE h.id = ?1 AND +h.org_id = ?2"))?
        .query_row(params![id, org], household_from_row)
        .optional()?)
}

/// Writes a pulled (or newly added) person. Names and the rest come as
/// given; each last-writer-wins field only where `versions` says it is newer
/// than what this store holds, so a pull never overwrites a newer local edit.
pub fn upsert_person(conn: &Connection, org: Uuid, p: &Person, versions: &BTreeMap<PersonField, Hlc>, deleted: bool) -> Result<()> {
    match load_person(conn, org, p.id)? {
        None => insert_person(conn, org, p, versions, deleted),
        // Pulls deliver a person again with every page that names them (a
        // day's attempts at their door); what is already here costs a read.
        Some((held, was_deleted)) if already_held(conn, &held, was_deleted, p, versions, deleted)? => Ok(()),
        Some(_) => update_person(conn, org, p, versions, deleted),
    }
}

/// Whether writing `p` would leave the store as it is.
fn already_held(
    conn: &Connection,
    held: &Person,
    was_deleted: bool,
    p: &Person,
    versions: &BTreeMap<PersonField, Hlc>,
    deleted: bool,
) -> Result<bool> {
    if was_deleted != deleted || !p.external_ids.iter().all(|(scheme, value)| held.external_ids.get(scheme) == Some(value)) {
        return Ok(false);
    }
    let bare = |x: &Person| Person { external_ids: BTreeMap::new(), ..x.clone() };
    if bare(held) != bare(p) {
        return Ok(false);
    }
    // Same values, but a newer clock must still be recorded.
    let held_versions = person_versions(conn, p.id)?;
    Ok(versions.iter().all(|(field, hlc)| held_versions.get(field).is_some_and(|h| h >= hlc)))
}

fn insert_person(conn: &Connection, org: Uuid, p: &Person, versions: &BTreeMap<PersonField, Hlc>, deleted: bool) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO people(id, org_id, household_id, given_name, middle_name, family_name, name_suffix, native_name,
             birth_year, gender, party, preferred_language, spoken_languages, phones, emails, do_not_contact, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    )?
    .execute(params![p.id, org, p.household_id, p.given_name, p.middle_name, p.family_name, p.name_suffix,
        p.native_name, p.birth_year, p.gender, p.party, p.preferred_language, json(&p.spoken_languages),
        json(&p.phones), json(&p.emails), p.do_not_contact, now_text()])?;
    let rowid = conn.last_insert_rowid();
    for (field, hlc) in versions {
        set_field_version(conn, p.id, *field, *hlc)?;
    }
    write_external_ids(conn, org, p)?;
    if deleted {
        return tombstone_person(conn, p.id);
    }
    // New here: nothing to take out of the search index first.
    index_person(conn, rowid, &p.given_name, &p.middle_name, &p.family_name, &p.native_name, &p.phones)
}

fn update_person(conn: &Connection, org: Uuid, p: &Person, versions: &BTreeMap<PersonField, Hlc>, deleted: bool) -> Result<()> {
    conn.prepare_cached(
        "UPDATE people SET household_id = ?2, given_name = ?3, middle_name = ?4, family_name = ?5, name_suffix = ?6,
             native_name = ?7, birth_year = ?8, gender = ?9, party = ?10, updated_at = ?11 WHERE id = ?1",
    )?
    .execute(params![p.id, p.household_id, p.given_name, p.middle_name, p.family_name, p.name_suffix, p.native_name,
        p.birth_year, p.gender, p.party, now_text()])?;
    for field in PersonField::ALL {
        let value = person_field_value(p, field);
        match versions.get(&field) {
            Some(hlc) => {
                merge_person_field(conn, p.id, field, &value, *hlc)?;
            }
            // A field nobody has edited in the field carries the voter
            // file's value, unless this store has a versioned edit.
            None if field_version(conn, p.id, field)?.is_none() => set_person_column(conn, p.id, field, &value)?,
            None => {}
        }
    }
    if deleted {
        tombstone_person(conn, p.id)?;
    }
    write_external_ids(conn, org, p)?;
    reindex_person(conn, p.id)
}

fn write_external_ids(conn: &Connection, org: Uuid, p: &Person) -> Result<()> {
    let mut ext = conn.prepare_cached(
        "INSERT INTO external_ids(org_id, scheme, value, person_id) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(org_id, scheme, value) DO UPDATE SET person_id = excluded.person_id",
    )?;
    for (scheme, value) in &p.external_ids {
        ext.execute(params![org, scheme, value, p.id])?;
    }
    Ok(())
}

/// A deleted person keeps only their id, so attempts that name them still
/// hold together; everything that identifies them is gone.
pub fn tombstone_person(conn: &Connection, id: Uuid) -> Result<()> {
    conn.prepare_cached(
        "UPDATE people SET given_name = '', middle_name = '', family_name = '', name_suffix = '', native_name = '',
             birth_year = NULL, gender = '', party = '', phones = '[]', emails = '[]', spoken_languages = '[]',
             preferred_language = '', do_not_contact = 1, deleted_at = coalesce(deleted_at, ?2) WHERE id = ?1",
    )?
    .execute(params![id, now_text()])?;
    conn.prepare_cached("DELETE FROM external_ids WHERE person_id = ?1")?.execute([id])?;
    conn.prepare_cached("DELETE FROM list_people WHERE person_id = ?1")?.execute([id])?;
    reindex_person(conn, id)
}

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
/// a pull page's [`AttemptTable`](crate::sync::proto::AttemptTable), its ids
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

pub fn load_list(conn: &Connection, org: Uuid, id: Uuid) -> Result<Option<List>> {
    Ok(conn
        .prepare_cached("SELECT id, name, kind, effort_id FROM lists WHERE id = ?1 AND +org_id = ?2")?
        .query_row(params![id, org], |r| {
            let kind: String = r.get(2)?;
            Ok(List { id: r.get(0)?, name: r.get(1)?, kind: kind.parse().unwrap_or(ListKind::Walk), effort_id: r.get(3)? })
        })
        .optional()?)
}

pub fn load_effort(conn: &Connection, org: Uuid, id: Uuid) -> Result<Option<Effort>> {
    Ok(conn
        .prepare_cached("SELECT id, name, kind FROM efforts WHERE id = ?1 AND +org_id = ?2")?
        .query_row(params![id, org], |r| {
            let kind: String = r.get(2)?;
            Ok(Effort { id: r.get(0)?, name: r.get(1)?, kind: kind.parse().unwrap_or(EffortKind::Canvass) })
        })
        .optional()?)
}

/// The script an effort uses (the newest, if several were written).
pub fn script_for_effort(conn: &Connection, org: Uuid, effort: Uuid) -> Result<Option<Script>> {
    let found: Option<(Uuid, String, i64)> = conn
        .prepare_cached("SELECT id, name, version FROM scripts WHERE effort_id = ?1 AND +org_id = ?2 ORDER BY id DESC LIMIT 1")?
        .query_row(params![effort, org], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    let Some((id, name, version)) = found else { return Ok(None) };
    let texts = conn
        .prepare_cached("SELECT language, body FROM script_texts WHERE script_id = ?1")?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut questions = Vec::new();
    let mut q = conn.prepare_cached("SELECT id, key, kind, prompt FROM survey_questions WHERE script_id = ?1 ORDER BY position")?;
    let mut o = conn.prepare_cached("SELECT key, label FROM survey_options WHERE question_id = ?1 ORDER BY position")?;
    let rows: Vec<(Uuid, String, String, String)> =
        q.query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?.collect::<rusqlite::Result<_>>()?;
    for (qid, key, kind, prompt) in rows {
        let options = o
            .query_map([qid], |r| Ok(SurveyOption { key: r.get(0)?, label: from_json(&r.get::<_, String>(1)?) }))?
            .collect::<rusqlite::Result<_>>()?;
        questions.push(SurveyQuestion {
            id: qid,
            key,
            kind: kind.parse().unwrap_or(QuestionKind::Text),
            prompt: from_json(&prompt),
            options,
        });
    }
    Ok(Some(Script { id, effort_id: Some(effort), name, version, texts, questions }))
}

pub fn upsert_effort(conn: &Connection, org: Uuid, e: &Effort) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO efforts(id, org_id, name, kind) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, kind = excluded.kind",
    )?
    .execute(params![e.id, org, e.name, e.kind.as_str()])?;
    Ok(())
}

/// Writes a script with its texts and survey, replacing what it had.
pub fn upsert_script(conn: &Connection, org: Uuid, s: &Script) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO scripts(id, org_id, effort_id, name, version) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT(id) DO UPDATE SET effort_id = excluded.effort_id, name = excluded.name, version = excluded.version",
    )?
    .execute(params![s.id, org, s.effort_id, s.name, s.version])?;
    conn.prepare_cached("DELETE FROM script_texts WHERE script_id = ?1")?.execute([s.id])?;
    conn.prepare_cached("DELETE FROM survey_questions WHERE script_id = ?1")?.execute([s.id])?;
    for (lang, body) in &s.texts {
        conn.prepare_cached("INSERT INTO script_texts(script_id, language, body) VALUES (?1, ?2, ?3)")?
            .execute(params![s.id, lang, body])?;
    }
    for (i, q) in s.questions.iter().enumerate() {
        conn.prepare_cached(
            "INSERT INTO survey_questions(id, org_id, script_id, key, position, kind, prompt) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![q.id, org, s.id, q.key, i as i64, q.kind.as_str(), json(&q.prompt)])?;
        for (j, opt) in q.options.iter().enumerate() {
            conn.prepare_cached("INSERT INTO survey_options(question_id, key, position, label) VALUES (?1, ?2, ?3, ?4)")?
                .execute(params![q.id, opt.key, j as i64, json(&opt.label)])?;
        }
    }
    Ok(())
}

pub fn upsert_list(conn: &Connection, org: Uuid, l: &List) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO lists(id, org_id, effort_id, name, kind, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT(id) DO UPDATE SET effort_id = excluded.effort_id, name = excluded.name, kind = excluded.kind",
    )?
    .execute(params![l.id, org, l.effort_id, l.name, l.kind.as_str(), now_text()])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    fn attempt(person: Uuid) -> Attempt {
        Attempt {
            result: ContactResult::LanguageBarrier { language: "km".into() },
            answers: [("issue".to_owned(), serde_json::json!("rent"))].into(),
            note: "spoke with daughter".into(),
            language_used: "km".into(),
            script_version: Some(3),
            // The store keeps microseconds.
            attempted_at: chrono::DateTime::from_timestamp_micros(chrono::Utc::now().timestamp_micros()).unwrap(),
            ..Attempt::knock(person, ContactResult::NotHome)
        }
    }

    fn store_with_a_person() -> (Store, Organization, Person) {
        let store = Store::open_in_memory().unwrap();
        let org = store.create_org("Org").unwrap();
        let person = Person { id: Uuid::now_v7(), given_name: "Sokha".into(), ..Default::default() };
        upsert_person(store.conn(), org.id, &person, &BTreeMap::new(), false).unwrap();
        (store, org, person)
    }

    #[test]
    fn an_attempt_row_taken_straight_from_the_store_reads_back_as_the_attempt() {
        let (store, org, person) = store_with_a_person();
        // Micros that are not whole milliseconds: serde writes all six digits, as the store keeps them.
        let at = |micros: i64| chrono::DateTime::from_timestamp_micros(1_764_000_000_123_457 + micros).unwrap();
        let everything = Attempt {
            household_id: Some(Uuid::now_v7()),
            list_id: Some(Uuid::now_v7()),
            effort_id: Some(Uuid::now_v7()),
            channel: Channel::Phone,
            answers: [
                ("issues".to_owned(), serde_json::json!(["rent", "ইমিগ্রেশন"])),
                ("volunteer".to_owned(), serde_json::json!(true)),
                ("quote\"d".to_owned(), serde_json::json!({ "n": 3 })),
            ]
            .into(),
            note: "said \"come back\" —\nline two\t\u{1}".into(),
            canvasser: Some(Uuid::now_v7()),
            device_id: Some(Uuid::now_v7()),
            script_id: Some(Uuid::now_v7()),
            attempted_at: at(1),
            ..attempt(person.id)
        };
        let bare = Attempt { person_id: None, household_id: Some(Uuid::now_v7()), attempted_at: at(2), ..Attempt::knock(person.id, ContactResult::Refused) };
        let barrier_without_language = Attempt { result: ContactResult::LanguageBarrier { language: String::new() }, attempted_at: at(3), ..attempt(person.id) };
        let cases = [everything, bare, barrier_without_language, Attempt { attempted_at: at(4), ..attempt(person.id) }];
        let refs: Vec<&Attempt> = cases.iter().collect();
        insert_attempts(store.conn(), org.id, &refs).unwrap();
        let (mut from_rows, mut from_attempts) = (AttemptTableBuilder::default(), AttemptTableBuilder::default());
        for a in &cases {
            let read = store
                .conn()
                .query_row(&format!("SELECT {ATTEMPT_COLUMNS} FROM attempts WHERE id = ?1"), [a.id], |r| {
                    let row = attempt_row_at(r, 0, &mut from_rows)?;
                    from_rows.push(row);
                    attempt_from_row(r)
                })
                .unwrap();
            assert_eq!(&read, a);
            from_attempts.push_attempt(a);
        }
        let table = from_rows.finish();
        assert_eq!(table, from_attempts.finish(), "read from the store or from the attempts, a table is the same");
        assert_eq!(table.attempts().unwrap(), cases);
        // Every id but the attempts' own is written once.
        let named = cases.iter().flat_map(|a| [a.person_id, a.household_id, a.list_id, a.effort_id, a.canvasser, a.device_id, a.script_id]);
        let distinct: std::collections::HashSet<Uuid> = named.flatten().collect();
        assert_eq!(table.ids.len(), distinct.len());
        let json = serde_json::to_string(&table).unwrap();
        assert_eq!(serde_json::from_str::<crate::sync::proto::AttemptTable>(&json).unwrap(), table);
        assert_eq!(json.matches(&cases[0].person_id.unwrap().to_string()).count(), 1, "{json}");

        // Answers damaged in the store fail their row, and say which column.
        let damaged = Uuid::now_v7();
        store
            .conn()
            .execute(
                "INSERT INTO attempts(id, org_id, person_id, channel, result, answers, attempted_at)
                 VALUES (?1, ?2, ?3, 'door', 'refused', '{\"issues\": [', '2026-11-26T10:00:00.000000Z')",
                params![damaged, org.id, person.id],
            )
            .unwrap();
        let err = store
            .conn()
            .query_row(&format!("SELECT {ATTEMPT_COLUMNS} FROM attempts WHERE id = ?1"), [damaged], |r| {
                attempt_row_at(r, 0, &mut AttemptTableBuilder::default())
            })
            .unwrap_err();
        assert!(matches!(err, rusqlite::Error::FromSqlConversionFailure(8, ..)), "{err:?}");
    }

    #[test]
    fn attempts_written_together_read_back_and_repeats_are_told_apart() {
        let (store, org, person) = store_with_a_person();

        let first: Vec<Attempt> = (0..100).map(|_| attempt(person.id)).collect();
        let refs: Vec<&Attempt> = first.iter().collect();
        assert_eq!(insert_attempts(store.conn(), org.id, &refs).unwrap(), vec![true; 100]);
        for a in &first {
            assert_eq!(load_attempt(store.conn(), org.id, a.id).unwrap().as_ref(), Some(a));
        }

        // A page delivered again, with one new attempt in it.
        let fresh = attempt(person.id);
        let again = vec![&first[0], &fresh, &first[1]];
        assert_eq!(insert_attempts(store.conn(), org.id, &again).unwrap(), vec![false, true, false]);
        let count: i64 = store.conn().query_row("SELECT count(*) FROM attempts", [], |r| r.get(0)).unwrap();
        assert_eq!(count, 101);
    }

    #[test]
    fn a_field_of_the_wrong_type_is_named_and_never_quoted() {
        let (store, _, person) = store_with_a_person();
        let hlc = Hlc { wall_ms: 1, counter: 0, node: Uuid::now_v7() };
        for (field, value) in [
            (PersonField::Phones, serde_json::json!({ "home": "+13105550199" })),
            (PersonField::PreferredLanguage, serde_json::json!(["+13105550199"])),
            (PersonField::DoNotContact, serde_json::json!("+13105550199")),
        ] {
            let err = merge_person_field(store.conn(), person.id, field, &value, hlc).unwrap_err().to_string();
            assert!(err.starts_with(field.column()) && !err.contains("555"), "{err}");
        }
        assert_eq!(person_versions(store.conn(), person.id).unwrap(), BTreeMap::new(), "nothing was written");
    }
}
