//! The endpoint's change log: every change a device may need to hear
//! about, in commit order.
//!
//! SQLite has one writer at a time, so `seq` order is commit order and a
//! reader paging by `seq > cursor` never skips a row committed late. A
//! backend with concurrent writers (PostgreSQL) must serialize appends or
//! serve only up to a safe watermark.

use crate::error::Result;
use crate::store::now_text;
use rusqlite::{Connection, params};
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entity {
    Person,
    Household,
    Attempt,
    /// A person joining or leaving a list (`list_id` is set).
    Member,
    /// A list's header, effort or script changed (`list_id` is set).
    List,
}

impl Entity {
    pub fn as_str(self) -> &'static str {
        match self {
            Entity::Person => "person",
            Entity::Household => "household",
            Entity::Attempt => "attempt",
            Entity::Member => "member",
            Entity::List => "list",
        }
    }

    pub fn parse(s: &str) -> Option<Entity> {
        Some(match s {
            "person" => Entity::Person,
            "household" => Entity::Household,
            "attempt" => Entity::Attempt,
            "member" => Entity::Member,
            "list" => Entity::List,
            _ => return None,
        })
    }
}

pub fn record(conn: &Connection, org: Uuid, entity: Entity, id: Uuid, list: Option<Uuid>, deleted: bool) -> Result<i64> {
    conn.prepare_cached("INSERT INTO changes(org_id, entity, entity_id, list_id, deleted, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?
        .execute(params![org, entity.as_str(), id, list, deleted, now_text()])?;
    Ok(conn.last_insert_rowid())
}

/// The same change for many entities, many rows to a statement.
pub fn record_many(conn: &Connection, org: Uuid, entity: Entity, ids: &[Uuid]) -> Result<()> {
    let at = now_text();
    let mut many = crate::bulk::ManyRows::new("INSERT INTO changes(org_id, entity, entity_id, list_id, deleted, at)", 6);
    many.insert(conn, ids, |id, v| {
        v.extend::<[crate::bulk::Value; 6]>([(&org).into(), entity.as_str().into(), id.into(), crate::bulk::Value::Null, false.into(), (&at).into()]);
    })?;
    Ok(())
}

/// A person was deleted: a tombstone for every list they were on, so each
/// device holding them hears of it.
pub fn record_person_deleted(conn: &Connection, org: Uuid, person: Uuid) -> Result<()> {
    let lists: Vec<Uuid> = conn
        .prepare("SELECT list_id FROM list_people WHERE person_id = ?1")?
        .query_map([person], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for list in lists {
        record(conn, org, Entity::Person, person, Some(list), true)?;
    }
    Ok(())
}

pub fn latest_seq(conn: &Connection, org: Uuid) -> Result<i64> {
    Ok(conn.query_row("SELECT coalesce(max(seq), 0) FROM changes WHERE org_id = ?1", [org], |r| r.get(0))?)
}

/// Changes below this were pruned; a cursor older than it needs a snapshot.
pub fn floor(conn: &Connection, org: Uuid) -> Result<i64> {
    Ok(conn
        .query_row("SELECT coalesce((SELECT min_seq FROM change_floor WHERE org_id = ?1), 0)", [org], |r| r.get(0))?)
}

/// Drops change rows (tombstones included) older than `keep`, and raises
/// the floor so devices that slept through the window re-snapshot instead
/// of missing deletes.
pub fn prune(conn: &mut Connection, org: Uuid, keep: chrono::Duration) -> Result<usize> {
    let cutoff = (chrono::Utc::now() - keep).to_rfc3339_opts(chrono::SecondsFormat::Micros, true);
    let tx = conn.transaction()?;
    let max_pruned: Option<i64> =
        tx.query_row("SELECT max(seq) FROM changes WHERE org_id = ?1 AND at < ?2", params![org, cutoff], |r| r.get(0))?;
    let Some(max_pruned) = max_pruned else { return Ok(0) };
    let n = tx.execute("DELETE FROM changes WHERE org_id = ?1 AND seq <= ?2", params![org, max_pruned])?;
    tx.execute(
        "INSERT INTO change_floor(org_id, min_seq) VALUES (?1, ?2)
         ON CONFLICT(org_id) DO UPDATE SET min_seq = max(min_seq, excluded.min_seq)",
        params![org, max_pruned + 1],
    )?;
    tx.commit()?;
    Ok(n)
}
