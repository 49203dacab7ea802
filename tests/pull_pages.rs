//! What a pull page carries when a device already holds its list: attempts
//! travel alone, except when their person joined the list after them.
//! Pages of one change each make every page boundary fall where it can.

use doorstep_core::accounts::DeviceAuth;
use doorstep_core::records;
use doorstep_core::store::Store;
use doorstep_core::sync::changes::{self, Entity};
use doorstep_core::sync::client::{self, EncodedPush, SyncError, Transport};
use doorstep_core::sync::proto::*;
use doorstep_server::sqlite::SqliteBackend;
use doorstep_tests::{InProcess, not_home, sync_error};
use std::path::Path;
use uuid::Uuid;

/// The real backend, called in-process, asking for pages of `limit` changes.
struct Direct<'a> {
    backend: &'a SqliteBackend,
    auth: DeviceAuth,
    limit: u32,
}

impl Transport for Direct<'_> {
    fn push(&self, req: &EncodedPush) -> Result<PushResponse, SyncError> {
        self.backend.push(&self.auth, req.decode()?).map_err(sync_error)
    }
    fn pull(&self, req: &PullRequest) -> Result<PullResponse, SyncError> {
        self.backend.pull(&self.auth, PullRequest { limit: Some(self.limit), ..req.clone() }).map_err(sync_error)
    }
}

/// An endpoint with 30 voters and a 5-person list assigned to Ana, whose
/// device is paired.
fn setup(dir: &Path) -> (InProcess, DeviceAuth, Store) {
    let endpoint = InProcess::new(dir, 30, 5, "Ana");
    let (auth, device) = endpoint.pair("Ana", &dir.join("device.db"));
    (endpoint, auth, device)
}

fn members(store: &Store, list: Uuid) -> Vec<Uuid> {
    store.conn().prepare("SELECT person_id FROM list_people WHERE list_id = ?1").unwrap()
        .query_map([list], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
}

/// `setup`, with the device holding its list after one sync; and a member.
fn holding_the_list(dir: &Path) -> (InProcess, DeviceAuth, Store, Uuid) {
    let (ep, auth, mut device) = setup(dir);
    client::sync(&mut device, &Direct { backend: &ep.backend, auth: auth.clone(), limit: 1000 }).unwrap();
    let member = members(&device, ep.list)[0];
    (ep, auth, device, member)
}

#[test]
fn an_attempt_on_someone_who_joined_the_list_later_brings_them_along() {
    let dir = tempfile::tempdir().unwrap();
    let (ep, auth, mut device) = setup(dir.path());
    let (backend, org, list) = (&ep.backend, ep.org, ep.list);
    let link = Direct { backend, auth: auth.clone(), limit: 1 };
    client::sync(&mut device, &link).unwrap();
    let endpoint = Store::open(&ep.db).unwrap();
    let mut on_list = members(&endpoint, list);
    let mut held = members(&device, list);
    on_list.sort();
    held.sort();
    assert!(on_list.len() > 1);
    assert_eq!(held, on_list, "a page of one person at a time brings the whole list");

    // Someone not on the list is knocked (by another team), then added to
    // it: in the log the attempt comes first, the member change after.
    let outsider: Uuid = endpoint.conn()
        .query_row("SELECT id FROM people WHERE id NOT IN (SELECT person_id FROM list_people) LIMIT 1", [], |r| r.get(0))
        .unwrap();
    let knocked = not_home(outsider);
    assert!(records::insert_attempt(endpoint.conn(), org, &knocked).unwrap());
    changes::record(endpoint.conn(), org, Entity::Attempt, knocked.id, None, false).unwrap();
    endpoint.conn().execute("INSERT INTO list_people(list_id, person_id) VALUES (?1, ?2)", rusqlite::params![list, outsider]).unwrap();
    changes::record(endpoint.conn(), org, Entity::Member, outsider, Some(list), false).unwrap();

    // One change per page: the attempt's page must carry its person, or
    // the device could not store it.
    client::sync(&mut device, &link).unwrap();
    let held: i64 = device.conn().query_row("SELECT count(*) FROM attempts WHERE id = ?1", [knocked.id], |r| r.get(0)).unwrap();
    assert_eq!(held, 1);
    assert!(members(&device, list).contains(&outsider));
}

#[test]
fn an_attempt_on_a_member_the_device_holds_travels_alone() {
    let dir = tempfile::tempdir().unwrap();
    let (ep, auth, device, member) = holding_the_list(dir.path());
    let (backend, org) = (&ep.backend, ep.org);

    let endpoint = Store::open(&ep.db).unwrap();
    let knocked = not_home(member);
    assert!(records::insert_attempt(endpoint.conn(), org, &knocked).unwrap());
    changes::record(endpoint.conn(), org, Entity::Attempt, knocked.id, None, false).unwrap();

    let scopes = device.conn().prepare("SELECT list_id, cursor FROM sync_scopes").unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect();
    let resp = backend.pull(&auth, PullRequest { scopes, limit: None }).unwrap();
    let [page] = resp.pages.as_slice() else { panic!("{:#?}", resp.pages) };
    assert!(page.items.is_empty(), "{:#?}", page.items);
    // The store keeps microseconds, so the attempt is compared by id.
    assert_eq!(page.attempts.attempts().unwrap().iter().map(|a| a.id).collect::<Vec<_>>(), vec![knocked.id]);
}

#[test]
fn a_device_is_not_sent_back_what_it_pushed() {
    let dir = tempfile::tempdir().unwrap();
    let (ep, auth, device, member) = holding_the_list(dir.path());
    let (backend, list) = (&ep.backend, ep.list);

    // This device knocks; the endpoint takes the attempt.
    let mine = not_home(member);
    let op = Op { seq: 1, op_id: Uuid::now_v7(), body: OpBody::Attempt { attempt: mine.clone() } };
    backend.push(&auth, PushRequest { ops: vec![op] }).unwrap();

    let scopes: std::collections::BTreeMap<Uuid, String> = device.conn().prepare("SELECT list_id, cursor FROM sync_scopes").unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect();
    let resp = backend.pull(&auth, PullRequest { scopes: scopes.clone(), limit: None }).unwrap();
    assert!(resp.pages.iter().all(|p| p.items.is_empty() && p.attempts.is_empty()), "{:#?}", resp.pages);

    // Another device on the same list hears of it.
    let endpoint = Store::open(&ep.db).unwrap();
    let other = doorstep_core::accounts::add_user(endpoint.conn(), ep.org, "Bao", "canvasser", &[]).unwrap();
    doorstep_core::accounts::assign_list(endpoint.conn(), list, other.id).unwrap();
    let (other_auth, _) = ep.pair("Bao", &dir.path().join("other.db"));
    let resp = backend.pull(&other_auth, PullRequest { scopes, limit: None }).unwrap();
    let heard: Vec<Uuid> = resp.pages.iter().flat_map(|p| p.attempts.attempts().unwrap()).map(|a| a.id).collect();
    assert_eq!(heard, vec![mine.id]);
}

#[test]
fn a_door_the_person_moved_from_stays_off_the_device() {
    let dir = tempfile::tempdir().unwrap();
    let (ep, auth, mut device, member) = holding_the_list(dir.path());
    let org = ep.org;

    // Knocked at a door on none of the device's lists (one they moved from).
    let endpoint = Store::open(&ep.db).unwrap();
    let elsewhere: Uuid = endpoint.conn()
        .query_row(
            "SELECT id FROM households WHERE id NOT IN (SELECT p.household_id FROM list_people lp JOIN people p ON p.id = lp.person_id) LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let knocked = doorstep_core::domain::Attempt { household_id: Some(elsewhere), ..not_home(member) };
    assert!(records::insert_attempt(endpoint.conn(), org, &knocked).unwrap());
    changes::record(endpoint.conn(), org, Entity::Attempt, knocked.id, None, false).unwrap();

    client::sync(&mut device, &Direct { backend: &ep.backend, auth, limit: 1000 }).unwrap();
    let held: i64 = device.conn().query_row("SELECT count(*) FROM attempts WHERE id = ?1", [knocked.id], |r| r.get(0)).unwrap();
    assert_eq!(held, 1, "the attempt arrives");
    let door: i64 = device.conn().query_row("SELECT count(*) FROM households WHERE id = ?1", [elsewhere], |r| r.get(0)).unwrap();
    assert_eq!(door, 0, "the address it names does not");
}
