//! Commands that change the device's store: each writes its change and
//! the outbox entry that carries it in one transaction, then wakes sync.

use super::views::attempt_view;
use super::{ApiResult, Device, invalid};
use super::api::*;
use crate::accounts;
use crate::domain::*;
use crate::error::Error;
use crate::records;
use crate::sync::client::{self, HttpTransport, Identity};
use crate::sync::proto::{OpBody, PersonField};
use rusqlite::{OptionalExtension, params};
use std::collections::BTreeMap;
use uuid::Uuid;

impl Device {
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
        // Paired afresh: the note of an earlier wipe no longer applies.
        self.store().conn().execute("DELETE FROM device_state WHERE key = 'wiped'", [])?;
        let _ = self.sync_now();
        self.status()
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
        crate::scripts::check_attempt_answers(&tx, id.org.id, &attempt)?;
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
}
