//! Households (doors): their rows and address search entries.

use crate::address::household_key;
use crate::domain::*;
use crate::error::Result;
use crate::fold;
use rusqlite::{Connection, OptionalExtension, params};
use uuid::Uuid;

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
