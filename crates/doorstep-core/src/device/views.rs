//! Read-only views of what the device holds: its status, lists, doors,
//! households, scripts and people. Nothing here writes.

use super::{ApiResult, Device};
use super::api::*;
use crate::domain::*;
use crate::error::Error;
use crate::records;
use crate::sync::client;
use rusqlite::{OptionalExtension, params};
use std::collections::HashMap;
use std::sync::atomic::Ordering;
use uuid::Uuid;

impl Device {
    pub fn status(&self) -> ApiResult<DeviceStatus> {
        let store = self.store();
        let conn = store.conn();
        let id = client::identity(conn)?;
        let get = |k: &str| client::state_get(conn, k).map(|v| v.filter(|s| !s.is_empty()));
        let count = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).map(|n| n as u64);
        let wiped: Option<serde_json::Value> = get("wiped")?.and_then(|w| serde_json::from_str(&w).ok());
        Ok(DeviceStatus {
            paired: id.is_some(),
            server_url: id.as_ref().map(|i| i.server_url.clone()),
            org_name: id.as_ref().map(|i| i.org.name.clone()),
            user_name: id.as_ref().map(|i| i.user.name.clone()),
            user_languages: id.as_ref().map(|i| i.user.languages.clone()).unwrap_or_default(),
            device_id: id.as_ref().map(|i| i.device_id),
            online: get("online")?.as_deref() == Some("1"),
            syncing: self.syncing.load(Ordering::Relaxed),
            pending: client::pending(conn)?,
            refused: client::refused(conn)?,
            last_sync: get("last_sync")?,
            last_error: get("last_error")?,
            people: count("SELECT count(*) FROM people WHERE deleted_at IS NULL")?,
            attempts: count("SELECT count(*) FROM attempts")?,
            wiped: wiped.as_ref().and_then(|w| w["reason"].as_str().map(str::to_owned)),
            unsent_export: wiped.as_ref().and_then(|w| w["unsent_export"].as_str().map(str::to_owned)),
            locked: self.is_locked(),
        })
    }


    pub fn lists(&self) -> ApiResult<Vec<ListSummary>> {
        let store = self.store();
        let conn = store.conn();
        let mut stmt = conn.prepare_cached(
            "SELECT l.id, l.name, l.kind, e.name,
                (SELECT count(DISTINCT p.household_id) FROM list_people lp JOIN people p ON p.id = lp.person_id WHERE lp.list_id = l.id),
                (SELECT count(DISTINCT p.household_id) FROM list_people lp JOIN people p ON p.id = lp.person_id
                   WHERE lp.list_id = l.id AND EXISTS (SELECT 1 FROM door_attempts d WHERE d.door = p.household_id AND d.list_id = l.id)),
                (SELECT count(*) FROM list_people lp WHERE lp.list_id = l.id),
                (SELECT count(*) FROM list_people lp WHERE lp.list_id = l.id
                   AND EXISTS (SELECT 1 FROM attempts a WHERE a.list_id = l.id AND a.person_id = lp.person_id))
             FROM lists l LEFT JOIN efforts e ON e.id = l.effort_id ORDER BY l.name",
        )?;
        let rows = stmt.query_map([], |r| {
            let kind: String = r.get(2)?;
            Ok(ListSummary {
                id: r.get(0)?,
                name: r.get(1)?,
                kind: kind.parse().unwrap_or(ListKind::Walk),
                effort_name: r.get(3)?,
                doors: r.get(4)?,
                doors_done: r.get(5)?,
                people: r.get(6)?,
                people_done: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The people of `person_ids` as views, with their attempts, keyed by id.
    pub(super) fn person_views(conn: &rusqlite::Connection, ids: &[Uuid]) -> ApiResult<HashMap<Uuid, PersonView>> {
        let mut out = HashMap::with_capacity(ids.len());
        let mut person = conn.prepare_cached(
            "SELECT id, household_id, given_name, middle_name, family_name, native_name, preferred_language,
                    spoken_languages, phones, emails, birth_year, do_not_contact
             FROM people WHERE id = ?1 AND deleted_at IS NULL",
        )?;
        let mut attempts = conn.prepare_cached(&format!(
            "SELECT {}, EXISTS (SELECT 1 FROM outbox o WHERE o.kind = 'attempt' AND json_extract(o.body, '$.attempt.id') = lower(
                 substr(hex(attempts.id),1,8)||'-'||substr(hex(attempts.id),9,4)||'-'||substr(hex(attempts.id),13,4)||'-'||substr(hex(attempts.id),17,4)||'-'||substr(hex(attempts.id),21)))
             FROM attempts WHERE person_id = ?1 ORDER BY attempted_at DESC",
            records::ATTEMPT_COLUMNS
        ))?;
        let json_list = |s: String| serde_json::from_str::<Vec<String>>(&s).unwrap_or_default();
        for id in ids {
            let Some(mut view) = person
                .query_row([id], |r| {
                    Ok(PersonView {
                        id: r.get(0)?,
                        household_id: r.get(1)?,
                        given_name: r.get(2)?,
                        middle_name: r.get(3)?,
                        family_name: r.get(4)?,
                        native_name: r.get(5)?,
                        preferred_language: r.get(6)?,
                        spoken_languages: json_list(r.get(7)?),
                        phones: json_list(r.get(8)?),
                        emails: json_list(r.get(9)?),
                        birth_year: r.get(10)?,
                        do_not_contact: r.get(11)?,
                        attempts: Vec::new(),
                    })
                })
                .optional()?
            else {
                continue;
            };
            view.attempts = attempts
                .query_map([id], |r| Ok((records::attempt_from_row(r)?, r.get::<_, bool>(16)?)))?
                .map(|row| row.map(|(a, pending)| attempt_view(&a, pending)))
                .collect::<rusqlite::Result<_>>()?;
            out.insert(*id, view);
        }
        Ok(out)
    }

    /// A door with its progress: done once any of its attempts (the
    /// `door_attempts` view: its people's, who live there now, and the whole
    /// door's) was made, on the list when one is given.
    fn door_view(conn: &rusqlite::Connection, h: &Household, people: Vec<PersonView>, list: Option<Uuid>) -> ApiResult<DoorView> {
        let last_result: Option<String> = conn
            .prepare_cached(
                "SELECT result FROM door_attempts WHERE door = ?1 AND (?2 IS NULL OR list_id = ?2)
                 ORDER BY attempted_at DESC, id DESC LIMIT 1",
            )?
            .query_row(params![h.id, list], |r| r.get(0))
            .optional()?;
        Ok(DoorView {
            household_id: h.id,
            address_line: h.address.line(),
            city: h.address.city.clone(),
            zip: h.address.zip.clone(),
            people,
            done: last_result.is_some(),
            last_result,
        })
    }

    /// A list's doors in walk order, each with the list's people behind it.
    pub fn doors(&self, list: Uuid) -> ApiResult<Vec<DoorView>> {
        let id = self.identity()?;
        let store = self.store();
        let conn = store.conn();
        if records::load_list(conn, id.org.id, list)?.is_none() {
            return Err(Error::NotFound { what: "list", key: list.to_string() }.into());
        }
        let doors = crate::lists::doors_basic(conn, id.org.id, list)?;
        let all: Vec<Uuid> = doors.iter().flat_map(|(_, people)| people.iter().copied()).collect();
        let mut views = Self::person_views(conn, &all)?;
        doors
            .into_iter()
            .map(|(h, people)| {
                let people = people.iter().filter_map(|p| views.remove(p)).collect();
                Self::door_view(conn, &h, people, Some(list))
            })
            .collect()
    }

    pub fn household(&self, household: Uuid) -> ApiResult<DoorView> {
        let id = self.identity()?;
        let store = self.store();
        let conn = store.conn();
        let h = records::load_household(conn, id.org.id, household)?
            .ok_or_else(|| Error::NotFound { what: "household", key: household.to_string() })?;
        let ids: Vec<Uuid> = conn
            .prepare_cached("SELECT id FROM people WHERE household_id = ?1 AND deleted_at IS NULL ORDER BY family_name, given_name")?
            .query_map([household], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut views = Self::person_views(conn, &ids)?;
        let people = ids.iter().filter_map(|p| views.remove(p)).collect();
        Self::door_view(conn, &h, people, None)
    }

    pub fn script(&self, list: Uuid) -> ApiResult<Option<ScriptView>> {
        let id = self.identity()?;
        let store = self.store();
        let conn = store.conn();
        let l = records::load_list(conn, id.org.id, list)?.ok_or_else(|| Error::NotFound { what: "list", key: list.to_string() })?;
        let Some(effort) = l.effort_id else { return Ok(None) };
        Ok(records::script_for_effort(conn, id.org.id, effort)?.map(|s| ScriptView {
            id: s.id,
            name: s.name,
            version: s.version,
            texts: s.texts,
            questions: s.questions,
        }))
    }

    pub fn search(&self, query: &str, list: Option<Uuid>, limit: usize) -> ApiResult<Vec<PersonView>> {
        let id = self.identity()?;
        let store = self.store();
        let conn = store.conn();
        // Ask for more when filtering to one list, so the filter still fills the page.
        let found = crate::search::search(conn, id.org.id, query, if list.is_some() { limit * 10 } else { limit })?;
        let mut ids: Vec<Uuid> = found.into_iter().map(|p| p.id).collect();
        if let Some(l) = list {
            let mut member = conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM list_people WHERE list_id = ?1 AND person_id = ?2)")?;
            ids.retain(|p| member.query_row(params![l, p], |r| r.get(0)).unwrap_or(false));
        }
        ids.truncate(limit);
        let mut views = Self::person_views(conn, &ids)?;
        Ok(ids.iter().filter_map(|p| views.remove(p)).collect())
    }


    /// Every person held here (for `doorstep device people`).
    pub fn people(&self) -> ApiResult<Vec<PersonView>> {
        let store = self.store();
        let conn = store.conn();
        let ids: Vec<Uuid> = conn
            .prepare("SELECT id FROM people WHERE deleted_at IS NULL ORDER BY family_name, given_name")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut views = Self::person_views(conn, &ids)?;
        Ok(ids.iter().filter_map(|p| views.remove(p)).collect())
    }
}

pub(super) fn attempt_view(a: &Attempt, pending: bool) -> AttemptView {
    AttemptView {
        id: a.id,
        person_id: a.person_id,
        channel: a.channel,
        result: a.result.code().to_owned(),
        barrier_language: a.result.barrier_language().to_owned(),
        language_used: a.language_used.clone(),
        note: a.note.clone(),
        answers: a.answers.clone(),
        attempted_at: a.attempted_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        pending,
    }
}
