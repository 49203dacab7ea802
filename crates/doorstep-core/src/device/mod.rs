//! A canvasser's device: its store, its identity, background sync, and the
//! commands the app runs. The Tauri shell, the loopback HTTP adapter used
//! by browser tests and the `doorstep device` CLI all drive this one type.

pub mod api;

use crate::accounts;
use crate::domain::*;
use crate::error::{Error, Result};
use crate::records;
use crate::store::{Side, Store};
use crate::sync::client::{self, HttpTransport, Identity, SyncError, SyncReport};
use crate::sync::proto::{OpBody, PersonField};
use api::*;
use rusqlite::{OptionalExtension, params};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;
use uuid::Uuid;

pub struct Device {
    home: PathBuf,
    /// The connection commands use.
    store: Mutex<Store>,
    /// Sync's own connection, so a slow network never blocks the screen.
    sync_store: Mutex<Store>,
    syncing: AtomicBool,
    /// Wakes the background loop when something new waits in the outbox.
    wake: (Mutex<bool>, Condvar),
}

impl From<Error> for ApiError {
    fn from(e: Error) -> Self {
        let code = match &e {
            Error::NotFound { .. } => "not_found",
            Error::Invalid(_) | Error::Import(_) => "invalid",
            _ => "store",
        };
        ApiError { code: code.into(), message: e.to_string() }
    }
}

impl From<SyncError> for ApiError {
    fn from(e: SyncError) -> Self {
        let code = match &e {
            SyncError::Offline(_) => "offline",
            SyncError::Unauthorized(_) => "unauthorized",
            SyncError::Rejected { .. } => "rejected",
            SyncError::Store(_) => "store",
        };
        ApiError { code: code.into(), message: e.to_string() }
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(e: rusqlite::Error) -> Self {
        Error::from(e).into()
    }
}

fn not_paired() -> ApiError {
    ApiError { code: "not_paired".into(), message: "this device is not paired yet".into() }
}

fn invalid(message: impl Into<String>) -> ApiError {
    ApiError { code: "invalid".into(), message: message.into() }
}

impl From<crate::attempt::EntryError> for ApiError {
    fn from(e: crate::attempt::EntryError) -> Self {
        invalid(e.to_string())
    }
}

type ApiResult<T> = std::result::Result<T, ApiError>;

impl Device {
    /// The device's store lives at `<home>/device.db`. This is the one place
    /// a device store is opened (and where its encryption key will be applied).
    pub fn open(home: &Path) -> Result<Device> {
        std::fs::create_dir_all(home).map_err(|e| Error::io(home, e))?;
        let path = home.join("device.db");
        let store = Store::open(&path)?;
        store.fit_to(Side::Device)?;
        Ok(Device {
            home: home.to_owned(),
            store: Mutex::new(store),
            sync_store: Mutex::new(Store::open(&path)?),
            syncing: AtomicBool::new(false),
            wake: (Mutex::new(false), Condvar::new()),
        })
    }

    pub fn home(&self) -> &Path {
        &self.home
    }

    fn store(&self) -> std::sync::MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn identity(&self) -> ApiResult<Identity> {
        client::identity(self.store().conn())?.ok_or_else(not_paired)
    }

    /// Runs one command: the single entry point every transport uses.
    pub fn handle(&self, req: Request) -> ApiResult<Response> {
        Ok(match req {
            Request::Status => Response::Status(self.status()?),
            Request::Pair { code, url } => Response::Status(self.pair(&code, url.as_deref(), None)?),
            Request::SyncNow => {
                // Offline is not a failure of the command: status says so.
                let _ = self.sync_now();
                Response::Status(self.status()?)
            }
            Request::Lists => Response::Lists(self.lists()?),
            Request::Doors { list_id } => Response::Doors(self.doors(list_id)?),
            Request::Household { household_id } => Response::Household(self.household(household_id)?),
            Request::Script { list_id } => Response::Script(self.script(list_id)?),
            Request::Search { query, list_id, limit } => Response::People(self.search(&query, list_id, limit.unwrap_or(20) as usize)?),
            Request::RecordAttempt { attempt } => Response::Attempt(self.record_attempt(attempt)?),
            Request::EditPerson { person_id, edit } => Response::Person(self.edit_person(person_id, edit)?),
            Request::AddPerson { person } => Response::Person(self.add_person(person)?),
            Request::FindDuplicates { given_name, family_name, phone } => {
                Response::People(self.find_duplicates(&given_name, &family_name, phone.as_deref())?)
            }
            Request::GetSettings => Response::Settings(self.settings()?),
            Request::SetSettings { settings } => Response::Settings(self.set_settings(settings)?),
        })
    }

    pub fn status(&self) -> ApiResult<DeviceStatus> {
        let store = self.store();
        let conn = store.conn();
        let id = client::identity(conn)?;
        let get = |k: &str| client::state_get(conn, k).map(|v| v.filter(|s| !s.is_empty()));
        let count = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).map(|n| n as u64);
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
        })
    }

    /// Redeems a pairing code, then syncs once (offline is fine: the
    /// background loop will finish the first sync).
    pub fn pair(&self, code: &str, url: Option<&str>, ca_cert: Option<&str>) -> ApiResult<DeviceStatus> {
        if self.identity().is_ok() {
            return Err(invalid("this device is already paired; wipe it before pairing it again"));
        }
        let (payload_url, code) = accounts::parse_pairing_input(code)?;
        let url = payload_url.or(url.map(str::to_owned)).filter(|u| !u.trim().is_empty())
            .ok_or_else(|| invalid("the endpoint's address is missing: paste the whole QR text, or give the address"))?;
        if code.trim().is_empty() {
            return Err(invalid("the pairing code is missing"));
        }
        let transport = HttpTransport::new(&url, None, ca_cert)?;
        let paired = transport.pair(&code)?;
        let identity = Identity {
            device_id: paired.device_id,
            server_url: url.trim_end_matches('/').to_owned(),
            token: paired.token,
            org: paired.org,
            user: paired.user,
            ca_cert: ca_cert.map(str::to_owned),
        };
        client::save_pairing(self.store().conn_mut(), &identity, paired.server_time_ms)?;
        let _ = self.sync_now();
        self.status()
    }

    /// Syncs now on sync's own connection.
    pub fn sync_now(&self) -> std::result::Result<SyncReport, SyncError> {
        let mut store = self.sync_store.lock().unwrap_or_else(|e| e.into_inner());
        let id = client::identity(store.conn())?.ok_or_else(|| Error::Invalid("this device is not paired".into()))?;
        let transport = HttpTransport::new(&id.server_url, Some(&id.token), id.ca_cert.as_deref())?;
        self.syncing.store(true, Ordering::Relaxed);
        let result = client::sync(&mut store, &transport);
        self.syncing.store(false, Ordering::Relaxed);
        if let Err(e) = &result {
            tracing::info!(error = %e, "sync did not finish");
        }
        result
    }

    /// Syncs by itself: soon after something is recorded, every `interval`
    /// otherwise, and after a failure with exponential backoff and jitter, so
    /// a crowd of phones regaining signal together does not arrive at once.
    pub fn start_background_sync(self: &Arc<Self>, interval: Duration, max_backoff: Duration) -> std::thread::JoinHandle<()> {
        let device = Arc::clone(self);
        std::thread::Builder::new()
            .name("doorstep-sync".into())
            .spawn(move || {
                let mut backoff = Duration::from_secs(1);
                loop {
                    let paired = device.identity().is_ok();
                    let wait = if !paired {
                        interval
                    } else {
                        match device.sync_now() {
                            Ok(_) => {
                                backoff = Duration::from_secs(1);
                                interval
                            }
                            Err(SyncError::Unauthorized(_)) => interval * 10,
                            Err(_) => {
                                let jittered = backoff.mul_f64(0.5 + rand::random::<f64>());
                                backoff = (backoff * 2).min(max_backoff);
                                jittered
                            }
                        }
                    };
                    let (lock, cvar) = &device.wake;
                    let guard = lock.lock().unwrap_or_else(|e| e.into_inner());
                    let (mut woken, _) = cvar.wait_timeout_while(guard, wait, |w| !*w).unwrap_or_else(|e| e.into_inner());
                    *woken = false;
                }
            })
            .expect("spawning the sync thread")
    }

    fn nudge(&self) {
        let (lock, cvar) = &self.wake;
        *lock.lock().unwrap_or_else(|e| e.into_inner()) = true;
        cvar.notify_one();
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
    fn person_views(conn: &rusqlite::Connection, ids: &[Uuid]) -> ApiResult<HashMap<Uuid, PersonView>> {
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

    /// Records a door or call result locally, with its outbox entry, in one
    /// transaction. It is safe the moment this returns.
    pub fn record_attempt(&self, new: NewAttempt) -> ApiResult<AttemptView> {
        let id = self.identity()?;
        let mut result: ContactResult = new.result.parse().map_err(|e: UnknownCode| invalid(e.to_string()))?;
        if let ContactResult::LanguageBarrier { language } = &mut result
            && let Some(given) = &new.barrier_language
        {
            *language = given.clone();
        }
        let mut store = self.store();
        let tx = store.conn_mut().transaction()?;
        let mut household = new.household_id;
        if let Some(p) = new.person_id {
            let hh: Option<Option<Uuid>> = tx
                .query_row("SELECT household_id FROM people WHERE id = ?1 AND +org_id = ?2", params![p, id.org.id], |r| r.get(0))
                .optional()?;
            let hh = hh.ok_or_else(|| Error::NotFound { what: "person", key: p.to_string() })?;
            household = household.or(hh);
        } else if household.is_none() {
            return Err(invalid("an attempt needs a person or a household"));
        }
        // The store does not check what an attempt names (migration 7): here it is.
        if let Some(h) = household
            && records::load_household(&tx, id.org.id, h)?.is_none()
        {
            return Err(Error::NotFound { what: "household", key: h.to_string() }.into());
        }
        let list = match new.list_id {
            Some(l) => Some(records::load_list(&tx, id.org.id, l)?.ok_or_else(|| Error::NotFound { what: "list", key: l.to_string() })?),
            None => None,
        };
        let channel = new.channel.unwrap_or(match list.as_ref().map(|l| l.kind) {
            Some(ListKind::Call) => Channel::Phone,
            _ => Channel::Door,
        });
        let now = chrono::Utc::now();
        let mut attempt = Attempt {
            id: new_id(),
            person_id: new.person_id,
            household_id: household,
            list_id: new.list_id,
            effort_id: list.as_ref().and_then(|l| l.effort_id),
            channel,
            result,
            answers: new.answers,
            note: new.note.trim().to_owned(),
            language_used: new.language_used,
            canvasser: Some(id.user.id),
            device_id: Some(id.device_id),
            script_id: new.script_id,
            script_version: new.script_version,
            attempted_at: now,
        };
        // The endpoint runs the same check: what passes here is never refused there.
        crate::attempt::check(&mut attempt, now)?;
        if attempt.result.code() == "language_barrier" && attempt.result.barrier_language().is_empty() {
            return Err(invalid("a language barrier needs the language heard at the door"));
        }
        records::insert_attempt(&tx, id.org.id, &attempt)?;
        client::enqueue(&tx, &OpBody::Attempt { attempt: attempt.clone() })?;
        tx.commit()?;
        drop(store);
        self.nudge();
        Ok(attempt_view(&attempt, true))
    }

    /// Corrects a person's phone, language or do-not-contact at the door.
    pub fn edit_person(&self, person: Uuid, edit: PersonEdit) -> ApiResult<PersonView> {
        let id = self.identity()?;
        let mut changes: Vec<(PersonField, serde_json::Value)> = [
            (PersonField::Phones, edit.phones.map(serde_json::Value::from)),
            (PersonField::Emails, edit.emails.map(serde_json::Value::from)),
            (PersonField::PreferredLanguage, edit.preferred_language.map(serde_json::Value::from)),
            (PersonField::SpokenLanguages, edit.spoken_languages.map(serde_json::Value::from)),
            (PersonField::DoNotContact, edit.do_not_contact.map(serde_json::Value::from)),
        ]
        .into_iter()
        .filter_map(|(field, value)| Some((field, value?)))
        .collect();
        // The endpoint runs the same check, and the value goes as it leaves it.
        for (field, value) in &mut changes {
            crate::person::check_field(*field, value)?;
        }
        let mut store = self.store();
        let tx = store.conn_mut().transaction()?;
        let exists: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM people WHERE id = ?1 AND +org_id = ?2 AND deleted_at IS NULL)",
            params![person, id.org.id],
            |r| r.get(0),
        )?;
        if !exists {
            return Err(Error::NotFound { what: "person", key: person.to_string() }.into());
        }
        for (field, value) in changes {
            let hlc = client::tick(&tx, id.device_id)?;
            records::merge_person_field(&tx, person, field, &value, hlc)?;
            client::enqueue(&tx, &OpBody::PersonEdit { person_id: person, field, value, hlc })?;
        }
        tx.commit()?;
        let view = Self::person_views(store.conn(), &[person])?.remove(&person);
        drop(store);
        self.nudge();
        view.ok_or_else(|| Error::NotFound { what: "person", key: person.to_string() }.into())
    }

    /// Adds someone met at a door or signed up at an event.
    pub fn add_person(&self, new: NewPerson) -> ApiResult<PersonView> {
        let id = self.identity()?;
        let mut new_household = match (new.household_id, new.address_line.as_deref().map(str::trim).filter(|a| !a.is_empty())) {
            (None, Some(line)) => {
                let mut address = crate::address::parse_street_line(line);
                address.zip = new.zip.clone().unwrap_or_default();
                Some(Household { id: new_id(), address, precinct: String::new(), latitude: None, longitude: None })
            }
            _ => None,
        };
        let mut person = Person {
            id: new_id(),
            household_id: new.household_id.or(new_household.as_ref().map(|h| h.id)),
            given_name: new.given_name.trim().to_owned(),
            family_name: new.family_name.trim().to_owned(),
            native_name: new.native_name.trim().to_owned(),
            preferred_language: new.preferred_language.clone(),
            spoken_languages: vec![new.preferred_language],
            phones: new.phone.into_iter().collect(),
            emails: new.email.into_iter().collect(),
            ..Default::default()
        };
        // The endpoint runs the same check on the person and their new door.
        crate::person::check_new(&mut person, new_household.as_mut())?;
        let mut store = self.store();
        let tx = store.conn_mut().transaction()?;
        if let Some(h) = new.household_id {
            records::load_household(&tx, id.org.id, h)?.ok_or_else(|| Error::NotFound { what: "household", key: h.to_string() })?;
        }
        if let Some(h) = &new_household {
            records::upsert_household(&tx, id.org.id, h, Some(&h.id.to_string()))?;
        }
        let hlc = client::tick(&tx, id.device_id)?;
        let versions: BTreeMap<PersonField, _> = PersonField::ALL.into_iter().map(|f| (f, hlc)).collect();
        records::upsert_person(&tx, id.org.id, &person, &versions, false)?;
        let list_id = match new.list_id {
            Some(l) if records::load_list(&tx, id.org.id, l)?.is_some() => {
                tx.execute("INSERT OR IGNORE INTO list_people(list_id, person_id) VALUES (?1, ?2)", params![l, person.id])?;
                Some(l)
            }
            Some(l) => return Err(Error::NotFound { what: "list", key: l.to_string() }.into()),
            None => None,
        };
        client::enqueue(&tx, &OpBody::PersonAdd { person: person.clone(), household: new_household, list_id, hlc })?;
        tx.commit()?;
        let view = Self::person_views(store.conn(), &[person.id])?.remove(&person.id);
        drop(store);
        self.nudge();
        view.ok_or_else(|| invalid("the new person could not be read back"))
    }

    /// People already held here who may be this walk-in: same phone, or a
    /// name that matches.
    pub fn find_duplicates(&self, given: &str, family: &str, phone: Option<&str>) -> ApiResult<Vec<PersonView>> {
        let id = self.identity()?;
        let store = self.store();
        let conn = store.conn();
        let mut ids: Vec<Uuid> = Vec::new();
        if let Some(p) = phone.filter(|p| !crate::fold::phone_digits(p).is_empty()) {
            ids.extend(crate::search::search(conn, id.org.id, p, 5)?.into_iter().map(|p| p.id));
        }
        let name = format!("{given} {family}");
        if !name.trim().is_empty() && crate::fold::name_match_expression(&name).is_some() {
            for p in crate::search::search(conn, id.org.id, &name, 5)? {
                if !ids.contains(&p.id) {
                    ids.push(p.id);
                }
            }
        }
        let mut views = Self::person_views(conn, &ids)?;
        Ok(ids.iter().filter_map(|p| views.remove(p)).collect())
    }

    pub fn settings(&self) -> ApiResult<Settings> {
        Ok(client::state_get(self.store().conn(), "settings")?
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_default())
    }

    pub fn set_settings(&self, settings: Settings) -> ApiResult<Settings> {
        // No language (empty) stays none: the UI keeps following the phone.
        let tag = crate::lang::normalize(&settings.ui_language).map_err(invalid)?.unwrap_or_default();
        let settings = Settings { ui_language: tag, ..settings };
        client::state_set(self.store().conn(), "settings", &serde_json::to_string(&settings).expect("serializable"))?;
        Ok(settings)
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

fn attempt_view(a: &Attempt, pending: bool) -> AttemptView {
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
