//! A day's outbox goes up in several batches, more than one in flight. On
//! a link that delays each request by its own random time (so a batch can
//! overtake the one before it) and loses answers, every attempt still
//! reaches the endpoint exactly once.

use doorstep_core::accounts::DeviceAuth;
use doorstep_core::device::Device;
use doorstep_core::device::api::NewAttempt;
use doorstep_core::store::Store;
use doorstep_core::sync::client::{self, EncodedPush, SyncError, Transport};
use doorstep_tests::{InProcess, sync_error};
use doorstep_core::sync::proto::*;
use doorstep_server::sqlite::SqliteBackend;
use rand::{Rng, SeedableRng, rngs::StdRng};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

struct Jittery<'a> {
    backend: &'a SqliteBackend,
    auth: DeviceAuth,
    rng: Mutex<StdRng>,
    lose_answers: bool,
    overtaken: &'a AtomicUsize,
}

impl Transport for Jittery<'_> {
    fn push(&self, req: &EncodedPush) -> Result<PushResponse, SyncError> {
        let (delay, lose) = {
            let mut rng = self.rng.lock().unwrap();
            (rng.random_range(0..100), self.lose_answers && rng.random_bool(0.3))
        };
        std::thread::sleep(Duration::from_millis(delay));
        let resp = self.backend.push(&self.auth, req.decode()?).map_err(|e| {
            if e.code == "sequence_gap" {
                self.overtaken.fetch_add(1, Ordering::Relaxed);
            }
            sync_error(e)
        })?;
        if lose {
            return Err(SyncError::Offline("answer lost".into()));
        }
        Ok(resp)
    }

    fn pull(&self, req: &PullRequest) -> Result<PullResponse, SyncError> {
        self.backend.pull(&self.auth, req.clone()).map_err(sync_error)
    }
}

#[test]
fn batches_in_flight_together_arrive_once_each() {
    let dir = tempfile::tempdir().unwrap();
    let endpoint = InProcess::new(dir.path(), 30, 10, "Ana");
    let (backend, db) = (&endpoint.backend, &endpoint.db);
    let home = dir.path().join("phone");
    let device = Device::open(&home).unwrap();
    let (auth, mut sync_store) = endpoint.pair("Ana", &home.join("device.db"));
    let overtaken = AtomicUsize::new(0);
    let quiet = Jittery { backend, auth: auth.clone(), rng: Mutex::new(StdRng::seed_from_u64(1)), lose_answers: false, overtaken: &overtaken };
    client::sync(&mut sync_store, &quiet).unwrap();

    // More than two batches' worth.
    let people: Vec<_> = device.people().unwrap().into_iter().map(|p| p.id).collect();
    let made = 6_100;
    for i in 0..made {
        device.record_attempt(NewAttempt { person_id: Some(people[i % people.len()]), result: "not_home".into(), ..Default::default() }).unwrap();
    }

    for seed in 0..20 {
        let link = Jittery {
            backend, auth: auth.clone(), rng: Mutex::new(StdRng::seed_from_u64(seed)), lose_answers: true, overtaken: &overtaken,
        };
        if client::sync(&mut sync_store, &link).is_ok() && client::pending(sync_store.conn()).unwrap() == 0 {
            break;
        }
    }
    client::sync(&mut sync_store, &quiet).unwrap();
    assert_eq!(client::pending(sync_store.conn()).unwrap(), 0);

    let stored = Store::open(db).unwrap();
    let (held, distinct): (i64, i64) =
        stored.conn().query_row("SELECT count(*), count(DISTINCT id) FROM attempts", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    assert_eq!((held, distinct), (made as i64, made as i64));
    assert!(overtaken.load(Ordering::Relaxed) > 0, "no batch overtook another: the test did not test that");
}
