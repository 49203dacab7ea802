//! A lost phone leaks nothing: a device paired with and synced against the
//! real `doorstep serve` keeps no name, phone number or token anywhere in
//! its folder in plain text, and its files are its owner's only. A revoked
//! device erases what it holds the next time it reaches the endpoint, and
//! a device wiped by hand pushes its work first.
//!
//! Tests run headless: the PIN comes from DOORSTEP_DEVICE_PIN, which
//! `.cargo/config.toml` sets for every test.

use doorstep_core::device::api::{NewAttempt, NewPerson, PersonEdit, Request};
use doorstep_core::device::{Device, STORE_FILE};
use doorstep_core::store::{Store, key};
use doorstep_tests::*;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Every file under `dir`, recursively.
fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() { out.extend(files_in(&path)) } else { out.push(path) }
    }
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The needles a thief would look for in `home`: every name, phone and
/// email the device holds (as its API gives them, and folded to lower case
/// as search indexes keep them), and its bearer token. Only needles of 6
/// bytes or more: a shorter one turns up in a megabyte of ciphertext by chance.
fn needles(device: &Device, home: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for p in device.people().unwrap() {
        for text in [&p.given_name, &p.family_name, &p.native_name].into_iter().chain(&p.phones).chain(&p.emails) {
            out.push(text.clone());
            out.push(text.to_lowercase());
        }
    }
    let store = Store::open(&home.join(STORE_FILE)).unwrap();
    let identity = doorstep_core::sync::client::identity(store.conn()).unwrap().expect("paired");
    out.push(identity.token);
    out.retain(|n| n.len() >= 6);
    out.sort();
    out.dedup();
    out
}

fn doorstep_device(home: &Path, args: &[&str]) -> std::process::Output {
    Command::new(doorstep_bin()).args(["device", "--home"]).arg(home).args(args).output().unwrap()
}

fn status_json(home: &Path) -> serde_json::Value {
    let out = doorstep_device(home, &["status", "--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_synced_device_keeps_no_name_phone_or_token_in_plain_text() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("endpoint");
    let org = setup_org(&data, 400, 60, "Mai");
    let ep = Endpoint::start(&data, 0);
    let device = paired_device(dir.path(), &ep, "Mai", "phone");
    let home = dir.path().join("phone");
    // Work of the canvasser's own too: a walk-in, a corrected phone, a note.
    let list = uuid::Uuid::parse_str(&org.list).unwrap();
    let door = device.doors(list).unwrap().remove(0);
    let person = door.people[0].id;
    device
        .add_person(NewPerson { household_id: Some(door.household_id), list_id: Some(list), given_name: "Sokhany".into(), family_name: "Chheang".into(), phone: Some("(562) 555-0188".into()), preferred_language: "km".into(), ..Default::default() })
        .unwrap();
    device.edit_person(person, PersonEdit { phones: Some(vec!["(919) 555-0142".into()]), ..Default::default() }).unwrap();
    device.record_attempt(NewAttempt { person_id: Some(person), list_id: Some(list), result: "not_home".into(), note: "Back after six".into(), ..Default::default() }).unwrap();
    device.sync_now().unwrap();
    assert_eq!(device.status().unwrap().pending, 0);

    let needles = needles(&device, &home);
    assert!(needles.len() >= 50, "too few needles to mean anything: {}", needles.len());
    assert!(needles.iter().any(|n| n == "Chheang") && needles.iter().any(|n| n.contains("0142") && n.contains("555")), "the canvasser's own work is searched for");

    // The control: the same search over a plain copy of the store finds
    // every needle, so finding none below means they are encrypted.
    let plain = dir.path().join("plain.db");
    {
        let store = Store::open(&home.join(STORE_FILE)).unwrap();
        store.conn().execute("ATTACH DATABASE ?1 AS plain KEY ''", [plain.to_str().unwrap()]).unwrap();
        store.conn().query_row("SELECT sqlcipher_export('plain')", [], |_| Ok(())).unwrap();
        store.conn().execute_batch("DETACH DATABASE plain").unwrap();
    }
    let plain_bytes = std::fs::read(&plain).unwrap();
    for n in needles.iter().filter(|n| n.chars().any(char::is_uppercase) || n.contains('@') || n.contains('+')) {
        assert!(contains(&plain_bytes, n.as_bytes()), "the control copy should hold {n:?}");
    }

    // Nothing in the device's folder shows any of them. Checked with the
    // device still open (its WAL and SHM in use) and again after it closed.
    let files = files_in(&home);
    assert!(files.iter().any(|f| f.ends_with(STORE_FILE)), "{files:?}");
    drop(device);
    for round in ["open", "closed"] {
        for file in files_in(&home) {
            let bytes = std::fs::read(&file).unwrap();
            for n in &needles {
                assert!(!contains(&bytes, n.as_bytes()), "{} holds {n:?} in plain text ({round})", file.display());
            }
        }
    }

    #[cfg(unix)]
    {
        assert_eq!(mode(&home), 0o700, "the device's folder");
        for file in files_in(&home) {
            assert_eq!(mode(&file), 0o600, "{}", file.display());
        }
        assert!(home.join(key::KEY_FILE).exists(), "the PIN's salt is kept beside the store");
    }
}

#[test]
fn a_device_locked_by_a_pin_refuses_without_it_or_with_another() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("phone");
    assert!(doorstep_device(&home, &["status"]).status.success(), "made with the PIN from the environment");

    let out = Command::new(doorstep_bin()).args(["device", "--home"]).arg(&home).arg("status").env_remove(key::PIN_VAR).output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("DOORSTEP_DEVICE_PIN") && err.contains("no PIN was given"), "{err}");

    let out = Command::new(doorstep_bin()).args(["device", "--home"]).arg(&home).arg("status").env(key::PIN_VAR, "another-pin").output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("does not open this store"), "{err}");
}

#[test]
fn a_store_from_before_encryption_is_encrypted_when_opened() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("phone");
    {
        // As an older Doorstep left it: plain, readable by everyone.
        let store = Store::open_keyed(&home.join(STORE_FILE), None).unwrap();
        store.conn().execute("INSERT INTO device_state(key, value) VALUES ('marker', 'Nguyễn Thị Lan')", []).unwrap();
    }
    assert!(doorstep_core::store::is_plain_sqlite(&home.join(STORE_FILE)));
    let device = Device::open(&home).unwrap();
    drop(device);
    assert!(!doorstep_core::store::is_plain_sqlite(&home.join(STORE_FILE)), "encrypted in place");
    assert!(!contains(&std::fs::read(home.join(STORE_FILE)).unwrap(), "Nguyễn Thị Lan".as_bytes()));
    let store = Store::open(&home.join(STORE_FILE)).unwrap();
    let kept: String = store.conn().query_row("SELECT value FROM device_state WHERE key = 'marker'", [], |r| r.get(0)).unwrap();
    assert_eq!(kept, "Nguyễn Thị Lan", "nothing lost on the way");
}

#[test]
fn a_revoked_device_erases_what_it_holds_and_keeps_its_unsent_work_encrypted() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("endpoint");
    let org = setup_org(&data, 300, 40, "Mai");
    let ep = Endpoint::start(&data, 0);
    let device = paired_device(dir.path(), &ep, "Mai", "phone");
    let home = dir.path().join("phone");
    let list = uuid::Uuid::parse_str(&org.list).unwrap();
    let person = device.doors(list).unwrap()[0].people[0].id;
    assert!(device.status().unwrap().people > 0);
    // Recorded while the organizer revokes the phone, never sent.
    let unsent = device.record_attempt(NewAttempt { person_id: Some(person), list_id: Some(list), result: "not_home".into(), ..Default::default() }).unwrap();
    let device_id = device.status().unwrap().device_id.unwrap().to_string();
    cli(&data, &["device-revoke", &device_id]);

    let err = device.sync_now().expect_err("a revoked token");
    assert!(matches!(err, doorstep_core::sync::client::SyncError::Unauthorized(_)), "{err}");
    let status = device.status().unwrap();
    assert_eq!(status.wiped.as_deref(), Some("revoked"), "{status:?}");
    assert!(!status.paired && status.people == 0 && status.attempts == 0 && status.pending == 0, "{status:?}");
    assert!(device.lists().unwrap().is_empty());
    assert!(device.people().unwrap().is_empty());
    let store = Store::open(&home.join(STORE_FILE)).unwrap();
    for table in ["households", "lists", "list_people", "scripts", "script_texts", "attempts", "outbox", "sync_scopes"] {
        let n: i64 = store.conn().query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap();
        assert_eq!(n, 0, "{table} still holds rows");
    }
    let searched: i64 = store.conn().query_row("SELECT count(*) FROM people_search WHERE people_search MATCH 'a*'", [], |r| r.get(0)).unwrap();
    assert_eq!(searched, 0, "the search index is empty too");

    // The work it could not send: in an encrypted file beside the store,
    // readable with the device's key, without the token.
    let export = PathBuf::from(status.unsent_export.expect("an export of the unsent attempt"));
    assert_eq!(export.parent(), Some(home.as_path()));
    assert!(!doorstep_core::store::is_plain_sqlite(&export));
    #[cfg(unix)]
    assert_eq!(mode(&export), 0o600);
    let conn = Store::connect_keyed(&export, &key::device_key(&home, None).unwrap()).unwrap();
    let bodies: Vec<String> = conn.prepare("SELECT body FROM outbox").unwrap().query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    assert_eq!(bodies.len(), 1);
    assert!(bodies[0].contains(&unsent.id.to_string()), "{}", bodies[0]);
    let who: String = conn.query_row("SELECT user FROM device", [], |r| r.get(0)).unwrap();
    assert_eq!(who, "Mai");
    let columns: Vec<String> = conn.prepare("SELECT name FROM pragma_table_info('device')").unwrap().query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    assert!(!columns.iter().any(|c| c.contains("token")), "{columns:?}");

    // The command line says the same.
    drop(device);
    let json = status_json(&home);
    assert_eq!((json["people"].as_u64(), json["wiped"].as_str()), (Some(0), Some("revoked")), "{json}");
}

#[test]
fn a_device_wiped_by_hand_pushes_its_work_first_and_can_be_paired_again() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("endpoint");
    let org = setup_org(&data, 300, 40, "Mai");
    let ep = Endpoint::start(&data, 0);
    let device = paired_device(dir.path(), &ep, "Mai", "phone");
    let home = dir.path().join("phone");
    let list = uuid::Uuid::parse_str(&org.list).unwrap();
    let person = device.doors(list).unwrap()[0].people[0].id;
    let knock = device.record_attempt(NewAttempt { person_id: Some(person), list_id: Some(list), result: "not_home".into(), ..Default::default() }).unwrap();
    assert_eq!(device.status().unwrap().pending, 1);
    drop(device);

    let out = doorstep_device(&home, &["wipe", "--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let wiped: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((wiped["people"].as_u64(), wiped["paired"].as_bool(), wiped["wiped"].as_str()), (Some(0), Some(false), Some("by_hand")), "{wiped}");
    assert!(wiped["unsent_export"].is_null(), "everything was pushed: {wiped}");
    assert!(endpoint_attempts(&data).contains(&knock.id.to_string()), "the knock reached the endpoint before the wipe");
    assert_eq!(status_json(&home)["people"].as_u64(), Some(0));
    assert!(!files_in(&home).iter().any(|f| f.file_name().unwrap().to_string_lossy().starts_with("unsent-")));

    // Passed to another volunteer: the app's own wipe command does the same,
    // and the phone pairs again.
    let device = paired_device(dir.path(), &ep, "Mai", "phone");
    let status = device.status().unwrap();
    assert!(status.paired && status.wiped.is_none() && status.people > 0, "{status:?}");
    let answer = device.handle(Request::Wipe).unwrap();
    let status = serde_json::to_value(answer).unwrap();
    assert_eq!((status["people"].as_u64(), status["wiped"].as_str()), (Some(0), Some("by_hand")), "{status}");
}

#[test]
fn a_locked_device_answers_nothing_until_its_pin_is_typed() {
    let dir = tempfile::tempdir().unwrap();
    let device = Device::open(&dir.path().join("phone")).unwrap();
    assert!(device.handle(Request::Lists).is_ok());
    device.handle(Request::Lock).unwrap();
    let err = device.handle(Request::Lists).unwrap_err();
    assert_eq!(err.code, "locked");
    let status = serde_json::to_value(device.handle(Request::Status).unwrap()).unwrap();
    assert_eq!(status["locked"], true, "status still answers, and says it is locked");
    let err = device.handle(Request::Unlock { pin: "0000-wrong".into() }).unwrap_err();
    assert_eq!(err.code, "invalid");
    assert_eq!(device.handle(Request::Lists).unwrap_err().code, "locked");
    let pin = std::env::var(key::PIN_VAR).expect("tests set DOORSTEP_DEVICE_PIN");
    device.handle(Request::Unlock { pin }).unwrap();
    assert!(device.handle(Request::Lists).is_ok());
}

#[test]
fn an_endpoint_store_is_encrypted_with_doorstep_store_key() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("endpoint");
    let voters = dir.path().join("voters.txt");
    let run = |key: Option<&str>, args: &[&str]| {
        let mut cmd = Command::new(doorstep_bin());
        cmd.arg("--data").arg(&data).args(args);
        match key {
            Some(k) => cmd.env(doorstep_core::store::STORE_KEY_VAR, k),
            None => cmd.env_remove(doorstep_core::store::STORE_KEY_VAR),
        };
        cmd.output().unwrap()
    };
    assert!(run(None, &["gen-voters", "--count", "50", "--seed", "3", "--out", voters.to_str().unwrap()]).status.success());
    let out = run(Some("correct horse battery staple"), &["import", voters.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let db = data.join("doorstep.db");
    assert!(!doorstep_core::store::is_plain_sqlite(&db), "encrypted on disk");
    let out = run(Some("correct horse battery staple"), &["search", "a", "--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = run(None, &["search", "a"]);
    assert!(!out.status.success(), "no key, no store");
    assert!(String::from_utf8_lossy(&out.stderr).contains("encrypted and no key was given: set DOORSTEP_STORE_KEY"), "{}", String::from_utf8_lossy(&out.stderr));
    let out = run(Some("another"), &["search", "a"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("does not open this store"), "{}", String::from_utf8_lossy(&out.stderr));
}
