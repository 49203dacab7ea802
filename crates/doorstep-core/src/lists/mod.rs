//! Lists: the people an organizer cuts from the voter file for one
//! canvasser or one phone bank, and the doors of a walk list in walk order.
//! [`cut`] cuts them by filter into turfs of at most so many doors.

pub mod cut;

pub use cut::{Cut, CutList, CutSpec, Filter, Near};

use crate::accounts::{self, User};
use crate::domain::{Household, List, ListKind, new_id};
use crate::error::{Error, Result};
use crate::search::{PersonSummary, summary};
use crate::records::{HOUSEHOLD_COLUMNS, household_from_row};
use crate::store::now_text;
use crate::walk;
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use uuid::Uuid;

#[derive(Debug, Clone)]
pub struct ListSpec {
    pub name: String,
    pub kind: ListKind,
    pub precinct: Option<String>,
    /// At most this many people. A walk list never splits a household, so it
    /// stops at the last whole door that fits.
    pub limit: Option<usize>,
    pub effort_id: Option<Uuid>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CreatedList {
    #[serde(flatten)]
    pub list: List,
    pub people: usize,
    pub doors: usize,
}

/// A door on a walk list, with the people behind it.
#[derive(Debug, Clone, Serialize)]
pub struct Door {
    pub household: Household,
    pub people: Vec<PersonSummary>,
}

pub fn create(conn: &mut Connection, org: Uuid, spec: &ListSpec) -> Result<CreatedList> {
    if spec.name.trim().is_empty() {
        return Err(Error::Invalid("a list needs a name".into()));
    }
    let tx = conn.transaction()?;
    let exists: bool =
        tx.query_row("SELECT EXISTS (SELECT 1 FROM lists WHERE org_id = ?1 AND name = ?2)", params![org, spec.name], |r| r.get(0))?;
    if exists {
        return Err(Error::Invalid(format!("a list named {:?} already exists", spec.name)));
    }
    let list = List { id: new_id(), name: spec.name.trim().to_owned(), kind: spec.kind, effort_id: spec.effort_id };
    tx.execute(
        "INSERT INTO lists(id, org_id, effort_id, name, kind, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![list.id, org, list.effort_id, list.name, list.kind.as_str(), now_text()],
    )?;
    let limit = spec.limit.unwrap_or(usize::MAX);
    let mut people = 0usize;
    let mut doors = 0usize;
    {
        let mut add = tx.prepare("INSERT INTO list_people(list_id, person_id) VALUES (?1, ?2)")?;
        match spec.kind {
            ListKind::Walk => {
                let mut households = households_where(&tx, org, spec.precinct.as_deref())?;
                walk::sort(&mut households);
                let mut members = tx.prepare("SELECT id FROM people WHERE household_id = ?1 AND do_not_contact = 0")?;
                for h in households {
                    let ids: Vec<Uuid> = members.query_map([h.id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
                    if ids.is_empty() {
                        continue;
                    }
                    if people + ids.len() > limit {
                        break;
                    }
                    for id in &ids {
                        add.execute(params![list.id, id])?;
                    }
                    people += ids.len();
                    doors += 1;
                }
            }
            ListKind::Call => {
                let mut stmt = tx.prepare(
                    "SELECT p.id, p.household_id FROM people p LEFT JOIN households h ON h.id = p.household_id
                     WHERE p.org_id = ?1 AND p.do_not_contact = 0 AND p.phones <> '[]'
                       AND (?2 IS NULL OR h.precinct = ?2)
                     ORDER BY p.rowid LIMIT ?3",
                )?;
                let rows: Vec<(Uuid, Option<Uuid>)> = stmt
                    .query_map(params![org, spec.precinct, limit.min(i64::MAX as usize) as i64], |r| Ok((r.get(0)?, r.get(1)?)))?
                    .collect::<rusqlite::Result<_>>()?;
                let mut households = std::collections::HashSet::new();
                for (id, household) in rows {
                    add.execute(params![list.id, id])?;
                    people += 1;
                    households.insert(household);
                }
                doors = households.len();
            }
        }
    }
    if people == 0 {
        return Err(Error::Invalid(match &spec.precinct {
            Some(p) => format!("no one to contact in precinct {p:?}; the list was not made"),
            None => "no one to contact; the list was not made".into(),
        }));
    }
    tx.commit()?;
    Ok(CreatedList { list, people, doors })
}

fn households_where(conn: &Connection, org: Uuid, precinct: Option<&str>) -> Result<Vec<Household>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {HOUSEHOLD_COLUMNS} FROM households h WHERE h.org_id = ?1 AND (?2 IS NULL OR h.precinct = ?2)"
    ))?;
    let rows = stmt.query_map(params![org, precinct], household_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Finds a list by id or name within one organization.
pub fn resolve(conn: &Connection, org: Uuid, key: &str) -> Result<List> {
    let by_id = Uuid::parse_str(key).ok();
    conn.query_row(
        "SELECT id, name, kind, effort_id FROM lists WHERE org_id = ?1 AND (id = ?2 OR name = ?3)",
        params![org, by_id, key],
        |r| {
            let kind: String = r.get(2)?;
            Ok(List { id: r.get(0)?, name: r.get(1)?, kind: kind.parse().unwrap_or(ListKind::Walk), effort_id: r.get(3)? })
        },
    )
    .optional()?
    .ok_or_else(|| Error::NotFound { what: "list", key: key.to_owned() })
}

/// Who holds a list after [`assign`], and who held it before.
#[derive(Debug, Clone, Serialize)]
pub struct Assigned {
    pub list: List,
    pub user: User,
    /// The users it was taken from.
    pub previous: Vec<User>,
}

/// Gives a list (id or name) to one user (id or name) alone: whoever held
/// it before loses it, so assigning again is how a list is reassigned.
/// Their devices purge it at their next sync, after sending what they
/// recorded on it (the endpoint still takes their results for a while).
pub fn assign(conn: &mut Connection, org: Uuid, list: &str, user: &str) -> Result<Assigned> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let list = resolve(&tx, org, list)?;
    let user = accounts::resolve_user(&tx, org, user)?;
    let others: Vec<Uuid> = tx
        .prepare("SELECT user_id FROM list_assignments WHERE list_id = ?1 AND user_id <> ?2 ORDER BY assigned_at")?
        .query_map(params![list.id, user.id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut previous = Vec::with_capacity(others.len());
    for other in others {
        accounts::unassign_list(&tx, list.id, other)?;
        previous.push(accounts::user(&tx, other)?);
    }
    accounts::assign_list(&tx, list.id, user.id)?;
    tx.commit()?;
    Ok(Assigned { list, user, previous })
}

/// A list's doors in walk order, each with the ids of the list's people
/// behind it.
pub fn doors_basic(conn: &Connection, org: Uuid, list: Uuid) -> Result<Vec<(Household, Vec<Uuid>)>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT DISTINCT {HOUSEHOLD_COLUMNS} FROM list_people lp
         JOIN people p ON p.id = lp.person_id JOIN households h ON h.id = p.household_id
         WHERE lp.list_id = ?1 AND h.org_id = ?2 AND p.deleted_at IS NULL"
    ))?;
    let mut households: Vec<Household> =
        stmt.query_map(params![list, org], household_from_row)?.collect::<rusqlite::Result<_>>()?;
    walk::sort(&mut households);
    let mut members: std::collections::HashMap<Uuid, Vec<Uuid>> = std::collections::HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT p.household_id, p.id FROM list_people lp JOIN people p ON p.id = lp.person_id
         WHERE lp.list_id = ?1 AND p.deleted_at IS NULL ORDER BY p.family_name, p.given_name",
    )?;
    for row in stmt.query_map([list], |r| Ok((r.get::<_, Option<Uuid>>(0)?, r.get::<_, Uuid>(1)?)))? {
        let (h, p) = row?;
        if let Some(h) = h {
            members.entry(h).or_default().push(p);
        }
    }
    Ok(households
        .into_iter()
        .map(|h| {
            let people = members.remove(&h.id).unwrap_or_default();
            (h, people)
        })
        .collect())
}

/// A list's doors in walk order, each with the list's people behind it.
pub fn doors(conn: &Connection, org: Uuid, list: Uuid) -> Result<Vec<Door>> {
    doors_basic(conn, org, list)?
        .into_iter()
        .map(|(household, ids)| {
            let people = ids.into_iter().map(|id| summary(conn, org, id)).collect::<Result<_>>()?;
            Ok(Door { household, people })
        })
        .collect()
}

/// The organization's `n` precincts with the most doors, busiest first:
/// where real doors stand close together.
pub fn busiest_precincts(conn: &Connection, org: Uuid, n: usize) -> Result<Vec<String>> {
    Ok(conn
        .prepare("SELECT precinct FROM households WHERE org_id = ?1 AND precinct <> '' GROUP BY precinct ORDER BY count(*) DESC LIMIT ?2")?
        .query_map(params![org, n as i64], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}
