//! Convergence: devices make attempts and edits offline and sync in random
//! orders over a link that drops, duplicates and replays requests. At the
//! end every device and the endpoint hold the same data, and no attempt is
//! lost or duplicated. The endpoint here is the real SQLite backend, called
//! in-process so that thousands of faulty exchanges run in seconds.

use doorstep_core::accounts::DeviceAuth;
use doorstep_core::device::Device;
use doorstep_core::device::api::{NewAttempt, PersonEdit};
use doorstep_core::records;
use doorstep_core::store::Store;
use doorstep_core::sync::client::{self, EncodedPush, Identity, SyncError, Transport};
use doorstep_core::sync::proto::*;
use doorstep_server::sqlite::SqliteBackend;
use doorstep_tests::sync_error;
use proptest::prelude::*;
use rand::{Rng, SeedableRng, rngs::StdRng};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::{Arc, Mutex};
use uuid::Uuid;

/// A link that loses requests, loses answers, delivers twice and replays old requests.
struct FaultyLink {
    backend: Arc<SqliteBackend>,
    auth: DeviceAuth,
    rng: Mutex<StdRng>,
    faults: bool,
    sent: Mutex<Vec<PushRequest>>,
}

impl FaultyLink {
    fn roll(&self, p: f64) -> bool {
        self.faults && self.rng.lock().unwrap().random_bool(p)
    }
}

impl Transport for FaultyLink {
    fn push(&self, req: &EncodedPush) -> Result<PushResponse, SyncError> {
        let req = &req.decode()?;
        if self.roll(0.2) {
            return Err(SyncError::Offline("request lost".into()));
        }
        if self.roll(0.2) {
            // An old request arrives late, out of order.
            let old = {
                let sent = self.sent.lock().unwrap();
                if sent.is_empty() { None } else { Some(sent[self.rng.lock().unwrap().random_range(0..sent.len())].clone()) }
            };
            if let Some(old) = old {
                let _ = self.backend.push(&self.auth, old);
            }
        }
        let resp = self.backend.push(&self.auth, req.clone()).map_err(sync_error)?;
        self.sent.lock().unwrap().push(req.clone());
        if self.roll(0.2) {
            self.backend.push(&self.auth, req.clone()).map_err(sync_error)?;
        }
        if self.roll(0.2) {
            return Err(SyncError::Offline("answer lost".into()));
        }
        Ok(resp)
    }

    fn pull(&self, req: &PullRequest) -> Result<PullResponse, SyncError> {
        if self.roll(0.15) {
            return Err(SyncError::Offline("request lost".into()));
        }
        let resp = self.backend.pull(&self.auth, req.clone()).map_err(sync_error)?;
        if self.roll(0.15) {
            return Err(SyncError::Offline("answer lost".into()));
        }
        Ok(resp)
    }
}

struct Phone {
    device: Device,
    sync_store: Store,
    auth: DeviceAuth,
}

#[derive(Debug, Clone)]
enum Action {
    Attempt { phone: usize, person: usize, result: usize },
    Edit { phone: usize, person: usize, field: usize, value: usize },
    Sync { phone: usize, seed: u64 },
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        (0..3usize, 0..12usize, 0..4usize).prop_map(|(phone, person, result)| Action::Attempt { phone, person, result }),
        (0..3usize, 0..12usize, 0..3usize, 0..4usize).prop_map(|(phone, person, field, value)| Action::Edit { phone, person, field, value }),
        (0..3usize, any::<u64>()).prop_map(|(phone, seed)| Action::Sync { phone, seed }),
    ]
}

const RESULTS: [&str; 4] = ["not_home", "contacted", "refused", "language_barrier:km"];
const LANGS: [&str; 4] = ["vi", "es", "km", "hy"];
const PHONES: [&str; 4] = ["(714) 555-0101", "(714) 555-0102", "626-555-0103", "+1 213 555 0104"];

fn setup(dir: &Path) -> (Arc<SqliteBackend>, Vec<Phone>, Uuid) {
    let db = dir.join("endpoint.db");
    let list;
    {
        let mut store = Store::open(&db).unwrap();
        let org = store.create_org("Org").unwrap();
        let file = dir.join("v.csv");
        let out = std::fs::File::create(&file).unwrap();
        doorstep_gen::write_voters(&doorstep_gen::GenOptions { count: 40, seed: 3, layout: doorstep_gen::Layout::Csv }, out).unwrap();
        doorstep_core::import::import_file(&mut store, &org, &file, &Default::default(), &mut |_| {}).unwrap();
        let spec = doorstep_core::lists::ListSpec {
            name: "Shared".into(), kind: doorstep_core::domain::ListKind::Walk, precinct: None, limit: Some(12), effort_id: None,
        };
        list = doorstep_core::lists::create(store.conn_mut(), org.id, &spec).unwrap().list.id;
        for name in ["A", "B", "C"] {
            let u = doorstep_core::accounts::add_user(store.conn(), org.id, name, "canvasser", &[]).unwrap();
            doorstep_core::accounts::assign_list(store.conn(), list, u.id).unwrap();
        }
    }
    let backend = Arc::new(SqliteBackend::open(&db).unwrap());
    let mut phones = Vec::new();
    for (i, name) in ["A", "B", "C"].iter().enumerate() {
        let code = {
            let store = Store::open(&db).unwrap();
            let org = store.resolve_org(None).unwrap();
            let user = doorstep_core::accounts::resolve_user(store.conn(), org.id, name).unwrap();
            doorstep_core::accounts::make_pairing_code(store.conn(), org.id, user.id, None).unwrap().code
        };
        let paired = backend.pair(&code).unwrap();
        let auth = backend.authenticate(&paired.token).unwrap();
        let home = dir.join(format!("phone{i}"));
        let device = Device::open(&home).unwrap();
        let mut sync_store = Store::open(&home.join("device.db")).unwrap();
        let identity = Identity {
            device_id: paired.device_id, server_url: "http://127.0.0.1:1".into(), token: paired.token,
            org: paired.org, user: paired.user, ca_cert: None,
        };
        client::save_pairing(sync_store.conn_mut(), &identity, paired.server_time_ms).unwrap();
        phones.push(Phone { device, sync_store, auth });
    }
    (backend, phones, list)
}

fn sync(backend: &Arc<SqliteBackend>, phone: &mut Phone, seed: u64, faults: bool) -> Result<(), SyncError> {
    let link = FaultyLink { backend: backend.clone(), auth: phone.auth.clone(), rng: Mutex::new(StdRng::seed_from_u64(seed)), faults, sent: Mutex::new(vec![]) };
    client::sync(&mut phone.sync_store, &link).map(|_| ())
}

type Snapshot = (BTreeSet<Uuid>, BTreeMap<Uuid, (Vec<String>, String)>);

fn snapshot(conn: &rusqlite::Connection, org: Uuid, people: &[Uuid]) -> Snapshot {
    let attempts: BTreeSet<Uuid> = conn.prepare("SELECT id FROM attempts").unwrap().query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    let fields = people
        .iter()
        .map(|p| {
            let (person, _) = records::load_person(conn, org, *p).unwrap().expect("person held");
            (*p, (person.phones, person.preferred_language))
        })
        .collect();
    (attempts, fields)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn devices_and_endpoint_converge(actions in prop::collection::vec(action(), 10..60)) {
        let dir = tempfile::tempdir().unwrap();
        let (backend, mut phones, list) = setup(dir.path());
        for (i, phone) in phones.iter_mut().enumerate() {
            sync(&backend, phone, i as u64, false).unwrap();
        }
        let people: Vec<Uuid> = phones[0].device.doors(list).unwrap().iter().flat_map(|d| d.people.iter().map(|p| p.id)).collect();
        prop_assert!(!people.is_empty());
        let mut recorded = BTreeSet::new();
        for a in &actions {
            match *a {
                Action::Attempt { phone, person, result } => {
                    let (code, lang) = RESULTS[result].split_once(':').map(|(c, l)| (c, Some(l.to_owned()))).unwrap_or((RESULTS[result], None));
                    let made = phones[phone].device.record_attempt(NewAttempt {
                        person_id: Some(people[person % people.len()]), list_id: Some(list), result: code.into(), barrier_language: lang, ..Default::default()
                    }).unwrap();
                    prop_assert!(recorded.insert(made.id));
                }
                Action::Edit { phone, person, field, value } => {
                    let edit = match field {
                        0 => PersonEdit { preferred_language: Some(LANGS[value].into()), ..Default::default() },
                        1 => PersonEdit { phones: Some(vec![PHONES[value].into()]), ..Default::default() },
                        _ => PersonEdit { do_not_contact: Some(value % 2 == 0), ..Default::default() },
                    };
                    phones[phone].device.edit_person(people[person % people.len()], edit).unwrap();
                }
                Action::Sync { phone, seed } => {
                    // Faults make a sync fail part-way; that is the point.
                    let _ = sync(&backend, &mut phones[phone], seed, true);
                }
            }
        }
        // Signal returns: clean syncs until everything has gone round.
        for _ in 0..2 {
            for (i, phone) in phones.iter_mut().enumerate() {
                sync(&backend, phone, i as u64, false).unwrap();
            }
        }
        let org = phones[0].device.status().unwrap();
        let endpoint = Store::open(&dir.path().join("endpoint.db")).unwrap();
        let org_id = endpoint.resolve_org(None).unwrap().id;
        let truth = snapshot(endpoint.conn(), org_id, &people);
        prop_assert_eq!(&truth.0, &recorded, "the endpoint holds every attempt made, once");
        let count: i64 = endpoint.conn().query_row("SELECT count(*) FROM attempts", [], |r| r.get(0)).unwrap();
        prop_assert_eq!(count as usize, recorded.len());
        for (i, phone) in phones.iter().enumerate() {
            prop_assert_eq!(phone.device.status().unwrap().pending, 0, "phone {} has nothing left to send", i);
            let held = snapshot(phone.sync_store.conn(), org_id, &people);
            prop_assert_eq!(&held, &truth, "phone {} matches the endpoint", i);
        }
        let _ = org;
    }
}
