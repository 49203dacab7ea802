//! People: their rows, search entries, last-writer-wins fields and tombstones.

use super::{from_json, json};
use crate::domain::*;
use crate::error::{Error, Result};
use crate::fold;
use crate::store::now_text;
use crate::hlc::Hlc;
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::BTreeMap;
use uuid::Uuid;

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

/// What a field's JSON value must be, in words for an error.
pub fn expected_value(field: PersonField) -> &'static str {
    match field {
        PersonField::Phones => "a list of phone numbers",
        PersonField::Emails => "a list of email addresses",
        PersonField::PreferredLanguage => "a language tag such as \"vi\", or \"\" for none",
        PersonField::SpokenLanguages => "a list of language tags",
        PersonField::DoNotContact => "true or false",
    }
}

fn set_person_column(conn: &Connection, id: Uuid, field: PersonField, value: &serde_json::Value) -> Result<()> {
    let sql = format!("UPDATE people SET {} = ?2, updated_at = ?3 WHERE id = ?1", field.column());
    let now = now_text();
    // Named, never quoted: the value is a voter's phone or email.
    let bad = || Error::Invalid(format!("{} must be {}", field.column(), expected_value(field)));
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
