//! Finding people: by name in any script, by phone in any formatting, and
//! by address. Every query is folded by the same code that folded the index.

use crate::address::canonical_word;
use crate::domain::Address;
use crate::error::Result;
use crate::fold::{self, fts_quote};
use rusqlite::{Connection, params};
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};
use uuid::Uuid;

/// A person as search results and list screens show them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonSummary {
    pub id: Uuid,
    pub external_ids: BTreeMap<String, String>,
    pub given_name: String,
    pub middle_name: String,
    pub family_name: String,
    pub native_name: String,
    pub phones: Vec<String>,
    pub preferred_language: String,
    pub household_id: Option<Uuid>,
    pub address: Address,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum QueryKind {
    Phone,
    Text,
}

fn classify(query: &str) -> QueryKind {
    let has_letters = query.chars().any(char::is_alphabetic);
    if !has_letters && !fold::phone_digits(query).is_empty() { QueryKind::Phone } else { QueryKind::Text }
}

/// Searches one organization's people. Names come first, then people whose
/// address matches; a query of digits and punctuation alone is a phone number.
pub fn search(conn: &Connection, org: Uuid, query: &str, limit: usize) -> Result<Vec<PersonSummary>> {
    let mut rowids: Vec<i64> = Vec::new();
    let mut seen = HashSet::new();
    match classify(query) {
        QueryKind::Phone => {
            // Prefix range: a partial number typed area code first still
            // finds. Each way the query may write a number (with or without
            // its country code) is one key; see `phone::search_keys`.
            let mut stmt = conn.prepare_cached(
                "SELECT p.rowid FROM phone_index x JOIN people p ON p.rowid = x.person_rowid
                 WHERE x.digits >= ?1 AND x.digits < ?1 || ':' AND +p.org_id = ?2 LIMIT ?3",
            )?;
            for digits in crate::phone::search_keys(query, crate::phone::DEFAULT_REGION) {
                for r in stmt.query_map(params![digits, org, limit as i64], |r| r.get(0))? {
                    let id: i64 = r?;
                    if rowids.len() < limit && seen.insert(id) {
                        rowids.push(id);
                    }
                }
            }
        }
        QueryKind::Text => {
            by_name(conn, org, query, limit, &mut rowids, &mut seen)?;
            // A house number means an address; otherwise addresses only
            // answer when no name does ("jose" should not list San Jose).
            if rowids.is_empty() || query.chars().any(|c| c.is_ascii_digit()) {
                by_address(conn, org, query, limit, &mut rowids, &mut seen)?;
            }
        }
    }
    rowids.iter().map(|r| summary_by_rowid(conn, *r)).collect()
}

fn by_name(conn: &Connection, org: Uuid, query: &str, limit: usize, out: &mut Vec<i64>, seen: &mut HashSet<i64>) -> Result<()> {
    let Some(expr) = fold::name_match_expression(query) else { return Ok(()) };
    let substrings = fold::substring_words(query);
    // FTS5 yields matches lazily in rowid order, so stepping stops as soon as
    // enough people of this organization are found.
    let mut stmt = conn.prepare_cached(
        "SELECT s.rowid, p.org_id, p.given_name, p.middle_name, p.family_name, p.native_name
         FROM people_search s JOIN people p ON p.rowid = s.rowid
         WHERE people_search MATCH ?1",
    )?;
    let mut rows = stmt.query([expr])?;
    while let Some(r) = rows.next()? {
        if r.get::<_, Uuid>(1)? != org {
            continue;
        }
        if !substrings.is_empty() {
            // Bigrams can all be present without the whole run being; check it.
            let names = fold::fold(&format!(
                "{} {} {} {}",
                r.get::<_, String>(2)?, r.get::<_, String>(3)?, r.get::<_, String>(4)?, r.get::<_, String>(5)?
            ));
            if !substrings.iter().all(|w| names.contains(w.as_str())) {
                continue;
            }
        }
        let rowid: i64 = r.get(0)?;
        if seen.insert(rowid) {
            out.push(rowid);
        }
        if out.len() >= limit {
            break;
        }
    }
    Ok(())
}

fn by_address(conn: &Connection, org: Uuid, query: &str, limit: usize, out: &mut Vec<i64>, seen: &mut HashSet<i64>) -> Result<()> {
    let words: Vec<String> = fold::fold(query)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| format!("{}*", fts_quote(&canonical_word(w))))
        .collect();
    if words.is_empty() {
        return Ok(());
    }
    let mut stmt = conn.prepare_cached(
        "SELECT p.rowid FROM household_search s
         JOIN households h ON h.rowid = s.rowid
         JOIN people p ON p.household_id = h.id
         WHERE household_search MATCH ?1 AND h.org_id = ?2",
    )?;
    let mut rows = stmt.query(params![words.join(" AND "), org])?;
    while let Some(r) = rows.next()? {
        let rowid: i64 = r.get(0)?;
        if seen.insert(rowid) {
            out.push(rowid);
        }
        if out.len() >= limit {
            break;
        }
    }
    Ok(())
}

const SUMMARY_SELECT: &str = "SELECT p.id, p.given_name, p.middle_name, p.family_name, p.native_name, p.phones,
        p.preferred_language, p.household_id, h.house_number, h.number_value, h.fraction, h.street, h.unit,
        h.city, h.state, h.zip
     FROM people p LEFT JOIN households h ON h.id = p.household_id";

fn summary_from_row(conn: &Connection, r: &rusqlite::Row<'_>) -> Result<PersonSummary> {
    let id: Uuid = r.get(0)?;
    let phones: String = r.get(5)?;
    let mut ext = conn.prepare_cached("SELECT scheme, value FROM external_ids WHERE person_id = ?1")?;
    let external_ids = ext
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<BTreeMap<String, String>>>()?;
    let text = |i: usize| -> rusqlite::Result<String> { Ok(r.get::<_, Option<String>>(i)?.unwrap_or_default()) };
    Ok(PersonSummary {
        id,
        external_ids,
        given_name: r.get(1)?,
        middle_name: r.get(2)?,
        family_name: r.get(3)?,
        native_name: r.get(4)?,
        phones: serde_json::from_str(&phones).unwrap_or_default(),
        preferred_language: r.get(6)?,
        household_id: r.get(7)?,
        address: Address {
            house_number: text(8)?,
            number_value: r.get(9)?,
            fraction: text(10)?,
            street: text(11)?,
            unit: text(12)?,
            city: text(13)?,
            state: text(14)?,
            zip: text(15)?,
        },
    })
}

pub(crate) fn summary_by_rowid(conn: &Connection, rowid: i64) -> Result<PersonSummary> {
    let mut stmt = conn.prepare_cached(&format!("{SUMMARY_SELECT} WHERE p.rowid = ?1"))?;
    let mut rows = stmt.query([rowid])?;
    let row = rows.next()?.ok_or(rusqlite::Error::QueryReturnedNoRows)?;
    summary_from_row(conn, row)
}

pub fn summary(conn: &Connection, org: Uuid, id: Uuid) -> Result<PersonSummary> {
    let mut stmt = conn.prepare_cached(&format!("{SUMMARY_SELECT} WHERE p.id = ?1 AND +p.org_id = ?2"))?;
    let mut rows = stmt.query(params![id, org])?;
    match rows.next()? {
        Some(row) => summary_from_row(conn, row),
        None => Err(crate::Error::NotFound { what: "person", key: id.to_string() }),
    }
}
