//! Sync against the real `doorstep serve` process: pairing, pulls scoped to
//! assigned lists, exactly-once pushes, merges, purges and bad input.

use doorstep_core::device::Device;
use doorstep_core::device::api::{NewAttempt, PersonEdit};
use doorstep_tests::*;
use serde_json::{Value, json};
use std::collections::HashSet;

fn record(device: &Device, person: uuid::Uuid, result: &str) -> uuid::Uuid {
    device.record_attempt(NewAttempt { person_id: Some(person), result: result.into(), ..Default::default() }).unwrap().id
}

#[test]
fn pull_push_exactly_once_and_scoped() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("endpoint");
    let org = setup_org(&data, 600, 40, "Mai");
    // A second list nobody gave this device: it must never arrive.
    cli(&data, &["list", "create", "--name", "Someone else's", "--limit", "30"]);
    let ep = Endpoint::start(&data, 0);
    let device = paired_device(dir.path(), &ep, "Mai", "phone");

    let people = device.people().unwrap();
    assert_eq!(people.len(), org.people, "exactly the assigned list's people");
    let lists = device.lists().unwrap();
    assert_eq!(lists.len(), 1);
    assert_eq!(lists[0].id.to_string(), org.list);

    let mut made = HashSet::new();
    for p in people.iter().take(10) {
        let a = device
            .record_attempt(NewAttempt { person_id: Some(p.id), list_id: Some(lists[0].id), result: "not_home".into(), ..Default::default() })
            .unwrap();
        made.insert(a.id.to_string());
    }
    // The store does not check what an attempt names: recording does.
    let stranger = uuid::Uuid::now_v7();
    for unknown in [
        NewAttempt { person_id: Some(stranger), result: "not_home".into(), ..Default::default() },
        NewAttempt { household_id: Some(stranger), result: "not_home".into(), ..Default::default() },
    ] {
        let err = device.record_attempt(unknown).unwrap_err();
        assert_eq!(err.code, "not_found", "{}", err.message);
        assert!(err.message.contains(&stranger.to_string()), "{}", err.message);
    }
    assert_eq!(device.status().unwrap().pending, 10);
    device.sync_now().unwrap();
    device.sync_now().unwrap();
    assert_eq!(device.status().unwrap().pending, 0);
    let held: HashSet<String> = endpoint_attempts(&data).into_iter().collect();
    assert_eq!(held, made, "every attempt, once");

    // The door shows as done on the list.
    let doors = device.doors(lists[0].id).unwrap();
    assert!(doors.iter().filter(|d| d.done).count() >= 1);
}

#[test]
fn edits_merge_last_writer_wins_and_pulls_never_clobber_newer_local_edits() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("endpoint");
    setup_org(&data, 300, 20, "Mai");
    cli(&data, &["user", "add", "--name", "Binh", "--role", "canvasser"]);
    let list = cli_json(&data, &["list", "create", "--name", "Shared", "--limit", "20", "--json"]);
    cli(&data, &["list", "assign", "--list", list["id"].as_str().unwrap(), "--user", "Mai"]);
    cli(&data, &["list", "assign", "--list", list["id"].as_str().unwrap(), "--user", "Binh", "--share"]);
    let ep = Endpoint::start(&data, 0);
    let a = paired_device(dir.path(), &ep, "Mai", "a");
    let b = paired_device(dir.path(), &ep, "Binh", "b");
    let person = b.doors(uuid::Uuid::parse_str(list["id"].as_str().unwrap()).unwrap()).unwrap()[0].people[0].id;

    // A edits first, B edits later; A syncs last. B's later edit must win everywhere.
    a.edit_person(person, PersonEdit { preferred_language: Some("ko".into()), ..Default::default() }).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(5));
    b.edit_person(person, PersonEdit { preferred_language: Some("vi".into()), ..Default::default() }).unwrap();
    b.sync_now().unwrap();
    a.sync_now().unwrap();
    b.sync_now().unwrap();
    let lang = |d: &Device| d.people().unwrap().into_iter().find(|p| p.id == person).unwrap().preferred_language;
    assert_eq!((lang(&a), lang(&b)), ("vi".to_owned(), "vi".to_owned()));

    // An unsent local edit newer than what the endpoint has survives a pull.
    a.edit_person(person, PersonEdit { phones: Some(vec!["(626) 555-0199".into()]), ..Default::default() }).unwrap();
    // Pull only: a fresh device state read shows the local value is kept.
    let phones = a.people().unwrap().into_iter().find(|p| p.id == person).unwrap().phones;
    // Kept as an import keeps it (phone::normalize), as the endpoint will too.
    assert_eq!(phones, ["+16265550199"]);
    a.sync_now().unwrap();
    b.sync_now().unwrap();
    let phones_b = b.people().unwrap().into_iter().find(|p| p.id == person).unwrap().phones;
    assert_eq!(phones_b, ["+16265550199"]);
}

#[test]
fn a_door_is_done_once_one_of_its_people_or_the_whole_door_is_attempted() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("endpoint");
    setup_org(&data, 600, 60, "Mai");
    let ep = Endpoint::start(&data, 0);
    let device = paired_device(dir.path(), &ep, "Mai", "phone");
    let list = device.lists().unwrap()[0].id;
    let doors = device.doors(list).unwrap();
    let shared = doors.iter().find(|d| d.people.len() >= 2).expect("a door with two people on the list");
    let others: Vec<_> = doors.iter().filter(|d| d.household_id != shared.household_id).take(2).collect();
    let (whole, off_list) = (others[0], others[1]);
    let progress = || {
        let l = device.lists().unwrap().into_iter().find(|l| l.id == list).unwrap();
        (l.doors_done, l.people_done)
    };
    assert_eq!(progress(), (0, 0));
    assert!(doors.iter().all(|d| !d.done && d.last_result.is_none()));

    // The second person at a shared door answers: the door is done.
    let second = shared.people[1].id;
    device.record_attempt(NewAttempt { person_id: Some(second), list_id: Some(list), result: "refused".into(), ..Default::default() }).unwrap();
    // Nobody opens the next door: one attempt for the whole door.
    device
        .record_attempt(NewAttempt { household_id: Some(whole.household_id), list_id: Some(list), result: "not_home".into(), ..Default::default() })
        .unwrap();
    // A call made off the list counts for the door, but not for the list.
    device.record_attempt(NewAttempt { person_id: Some(off_list.people[0].id), result: "contacted".into(), ..Default::default() }).unwrap();

    let after = |h: uuid::Uuid| device.doors(list).unwrap().into_iter().find(|d| d.household_id == h).unwrap();
    let done = after(shared.household_id);
    assert!(done.done);
    assert_eq!(done.last_result.as_deref(), Some("refused"));
    assert_eq!(after(whole.household_id).last_result.as_deref(), Some("not_home"));
    assert!(!after(off_list.household_id).done, "the list's progress counts the list's attempts");
    assert_eq!(device.household(off_list.household_id).unwrap().last_result.as_deref(), Some("contacted"));
    assert_eq!(device.household(shared.household_id).unwrap().last_result.as_deref(), Some("refused"));
    assert_eq!(progress(), (2, 1), "two doors and one person done on the list");

    // The newest attempt at a door is the one it shows.
    device.record_attempt(NewAttempt { person_id: Some(shared.people[0].id), list_id: Some(list), result: "contacted".into(), ..Default::default() }).unwrap();
    assert_eq!(after(shared.household_id).last_result.as_deref(), Some("contacted"));
    assert_eq!(progress(), (2, 2));
}

#[test]
fn unassigned_list_is_purged_except_unsent_work() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("endpoint");
    let org = setup_org(&data, 300, 30, "Mai");
    let ep = Endpoint::start(&data, 0);
    let device = paired_device(dir.path(), &ep, "Mai", "phone");
    let people = device.people().unwrap();
    assert_eq!(people.len(), org.people);

    // Work on one person, then the organizer takes the list back.
    record(&device, people[0].id, "come_back_later");
    cli(&data, &["list", "assign", "--list", &org.list, "--user", "Mai", "--unassign"]);
    device.sync_now().unwrap();
    assert!(device.people().unwrap().is_empty(), "the list's people are gone");
    assert!(device.lists().unwrap().is_empty());
    assert_eq!(endpoint_attempts(&data).len(), 1, "the work arrived; the purge sent nothing upstream");
    let still_there = cli_json(&data, &["search", &people[1].family_name, "--json"]);
    assert!(!still_there.as_array().unwrap().is_empty(), "a purge deletes nothing at the endpoint");
}

#[test]
fn bad_input_gets_clear_json_errors_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("endpoint");
    setup_org(&data, 200, 10, "Mai");
    let ep = Endpoint::start(&data, 0);
    let (token, device_id) = pair_raw(&ep, "Mai");
    // Another organization, with a person of its own.
    let other = dir.path().join("other-voters.csv");
    std::fs::write(&other, "RegistrantID,FirstName,LastName,Address,Zip\nX1,Eve,Other,1 Far Rd,90001\n").unwrap();
    cli(&data, &["org", "create", "Other org"]);
    cli(&data, &["import", other.to_str().unwrap(), "--org", "Other org"]);
    let other_person: String = {
        let v = cli_json(&data, &["search", "Eve", "--org", "Other org", "--json"]);
        v[0]["id"].as_str().unwrap().to_owned()
    };
    let push = format!("{}/v1/push", ep.url);

    let attempt = |person: &str| {
        json!({ "ops": [{ "seq": 1, "op_id": uuid::Uuid::now_v7(), "body": { "kind": "attempt", "attempt": {
            "id": uuid::Uuid::now_v7(), "person_id": person, "household_id": null, "list_id": null, "effort_id": null,
            "channel": "door", "result": { "code": "not_home" }, "answers": {}, "note": "", "language_used": "",
            "canvasser": null, "device_id": null, "script_id": null, "script_version": null,
            "attempted_at": "2026-11-25T10:00:00Z" } } }] })
    };

    let cases: Vec<(&str, Vec<u8>, u16, &str)> = vec![
        ("malformed JSON", b"{\"ops\": [".to_vec(), 400, "invalid_body"),
        ("wrong types", br#"{"ops": [{"seq": "one", "op_id": "x", "body": {}}]}"#.to_vec(), 400, "ops[0].seq"),
        ("unknown kind", json!({"ops": [{"seq": 1, "op_id": uuid::Uuid::now_v7(), "body": {"kind": "teleport"}}]}).to_string().into_bytes(), 400, "teleport"),
        ("another org's person", attempt(&other_person).to_string().into_bytes(), 404, "not_found"),
    ];
    for (what, body, status, needle) in cases {
        let (got, err) = post(&push, Some(&token), body, None);
        assert_eq!(got, status, "{what}: {err}");
        assert!(err["error"].is_string() && err["message"].is_string(), "{what}: {err}");
        assert!(err.to_string().contains(needle), "{what}: {err} should mention {needle}");
    }
    for org in ["My organization", "Other org"] {
        assert_eq!(cli_json(&data, &["attempts", "--org", org, "--json"]), serde_json::json!([]), "nothing was written");
    }
    // The endpoint remembers whose people its pushes named; once the other
    // organization's own device has pushed for its person, that person is
    // still not ours.
    // (An organizer: a canvasser writes only to the people on their lists.)
    cli(&data, &["user", "add", "--org", "Other org", "--name", "Eve's canvasser", "--role", "organizer"]);
    let other_token = {
        let code = cli_json(&data, &["pairing-code", "--user", "Eve's canvasser", "--org", "Other org", "--json"])["code"]
            .as_str().unwrap().to_owned();
        let (status, body) = post(&format!("{}/v1/pair", ep.url), None, json!({ "code": code }).to_string().into_bytes(), None);
        assert_eq!(status, 200, "{body}");
        body["token"].as_str().unwrap().to_owned()
    };
    let (status, body) = post(&push, Some(&other_token), attempt(&other_person).to_string().into_bytes(), None);
    assert_eq!(status, 200, "{body}");
    let (status, err) = post(&push, Some(&token), attempt(&other_person).to_string().into_bytes(), None);
    assert_eq!(status, 404, "{err}");
    assert_eq!(cli_json(&data, &["attempts", "--org", "My organization", "--json"]), serde_json::json!([]));
    assert_eq!(cli_json(&data, &["attempts", "--org", "Other org", "--json"]).as_array().map(Vec::len), Some(1));

    // Oversized, even when it arrives compressed.
    let big = vec![b' '; 17 * 1024 * 1024];
    let (status, err) = post(&push, Some(&token), zstd::encode_all(&big[..], 3).unwrap(), Some("zstd"));
    assert_eq!(status, 413, "{err}");

    // Missing, wrong and revoked tokens.
    let pull = format!("{}/v1/pull", ep.url);
    let scopes = || b"{\"scopes\":{}}".to_vec();
    assert_eq!(post(&pull, None, scopes(), None).0, 401);
    assert_eq!(post(&pull, Some("not-a-token"), scopes(), None).0, 401);
    assert_eq!(post(&pull, Some(&token), scopes(), None).0, 200);
    cli(&data, &["device-revoke", &device_id, "--org", "My organization"]);
    let (status, err) = post(&pull, Some(&token), scopes(), None);
    assert_eq!(status, 401, "{err}");
    assert!(err["message"].as_str().unwrap().contains("revoked"), "{err}");

    // A token unused for months expires.
    let code = cli_json(&data, &["pairing-code", "--user", "Mai", "--org", "My organization", "--json"])["code"].as_str().unwrap().to_owned();
    let (_, paired) = post(&format!("{}/v1/pair", ep.url), None, json!({ "code": code }).to_string().into_bytes(), None);
    let (stale, stale_id) = (paired["token"].as_str().unwrap().to_owned(), paired["device_id"].as_str().unwrap().to_owned());
    {
        let store = doorstep_core::Store::open(&data.join("doorstep.db")).unwrap();
        store.conn().execute(
            "UPDATE devices SET last_seen_at = '2025-01-01T00:00:00Z', created_at = '2025-01-01T00:00:00Z' WHERE id = ?1",
            [uuid::Uuid::parse_str(&stale_id).unwrap()],
        ).unwrap();
    }
    let (status, err) = post(&pull, Some(&stale), scopes(), None);
    assert_eq!(status, 401, "{err}");
    assert!(err["message"].as_str().unwrap().contains("expired"), "{err}");
}

#[test]
fn compressed_bodies_both_ways() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("endpoint");
    setup_org(&data, 200, 10, "Mai");
    let ep = Endpoint::start(&data, 0);
    let (token, _) = pair_raw(&ep, "Mai");
    let body = b"{\"scopes\":{}}".to_vec();
    let gzip = {
        use std::io::Write;
        let mut w = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        w.write_all(&body).unwrap();
        w.finish().unwrap()
    };
    for (enc, bytes) in [("zstd", zstd::encode_all(&body[..], 3).unwrap()), ("gzip", gzip)] {
        let (status, v) = post(&format!("{}/v1/pull", ep.url), Some(&token), bytes, Some(enc));
        assert_eq!(status, 200, "{enc}: {v}");
        assert_eq!(v["assigned"].as_array().unwrap().len(), 1);
    }
    // Answers come back in whichever of the two the device accepts.
    let raw = reqwest::blocking::Client::builder().no_zstd().no_gzip().build().unwrap();
    for enc in ["zstd", "gzip"] {
        let resp = raw
            .post(format!("{}/v1/pull", ep.url))
            .bearer_auth(&token)
            .header("accept-encoding", enc)
            .body(body.clone())
            .send()
            .unwrap();
        assert_eq!(resp.headers().get("content-encoding").map(|v| v.to_str().unwrap().to_owned()), Some(enc.into()));
        let packed = resp.bytes().unwrap();
        let json = match enc {
            "zstd" => zstd::decode_all(&packed[..]).unwrap(),
            _ => {
                use std::io::Read;
                let mut out = Vec::new();
                flate2::read::GzDecoder::new(&packed[..]).read_to_end(&mut out).unwrap();
                out
            }
        };
        let v: Value = serde_json::from_slice(&json).unwrap();
        assert_eq!(v["assigned"].as_array().unwrap().len(), 1, "{enc}");
    }
}

#[test]
fn deletes_win_and_devices_past_the_tombstone_window_resnapshot() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("endpoint");
    let org = setup_org(&data, 300, 20, "Mai");
    cli(&data, &["user", "add", "--name", "Binh", "--role", "canvasser"]);
    cli(&data, &["list", "assign", "--list", &org.list, "--user", "Binh", "--share"]);
    let ep = Endpoint::start(&data, 0);
    let a = paired_device(dir.path(), &ep, "Mai", "a");
    let b = paired_device(dir.path(), &ep, "Binh", "b");
    let gone = a.people().unwrap()[0].id;
    let also_gone = a.people().unwrap()[1].id;

    // A edits offline while the organizer deletes the person: delete wins,
    // and the attempt about them is kept.
    a.edit_person(gone, PersonEdit { preferred_language: Some("vi".into()), ..Default::default() }).unwrap();
    let attempt = record(&a, gone, "refused");
    cli(&data, &["person-delete", &gone.to_string()]);
    a.sync_now().unwrap();
    assert!(a.people().unwrap().iter().all(|p| p.id != gone), "the tombstone reached A");
    assert!(endpoint_attempts(&data).contains(&attempt.to_string()));
    let found = cli_json(&data, &["search", "--json", &a.people().unwrap()[0].family_name]);
    assert!(found.as_array().unwrap().iter().all(|p| p["id"] != gone.to_string()));

    // B slept through the tombstone window; its old cursor is refused and it
    // gets a fresh snapshot, so it cannot miss the delete.
    cli(&data, &["person-delete", &also_gone.to_string()]);
    cli(&data, &["prune-changes", "--older-than-days", "0"]);
    b.sync_now().unwrap();
    let held: Vec<_> = b.people().unwrap().into_iter().map(|p| p.id).collect();
    assert!(!held.contains(&gone) && !held.contains(&also_gone), "B re-snapshotted without the deleted people");
    assert_eq!(held.len(), org.people - 2);
}

#[test]
fn tls_off_loopback_and_plain_http_only_on_it() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("endpoint");
    setup_org(&data, 100, 10, "Mai");

    // Plain HTTP on a non-loopback address is refused outright.
    let out = std::process::Command::new(doorstep_bin())
        .arg("--data").arg(&data).args(["serve", "--listen", "0.0.0.0:0"]).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("plain HTTP is served only on loopback"));

    // With a certificate it serves TLS, and a device pairs and syncs over it.
    let cert = rcgen::generate_simple_self_signed(vec!["localhost".into()]).unwrap();
    let (cert_pem, key_pem) = (dir.path().join("cert.pem"), dir.path().join("key.pem"));
    std::fs::write(&cert_pem, cert.cert.pem()).unwrap();
    std::fs::write(&key_pem, cert.key_pair.serialize_pem()).unwrap();
    let mut child = std::process::Command::new(doorstep_bin())
        .arg("--data").arg(&data)
        .args(["serve", "--listen", "0.0.0.0:0", "--tls-cert", cert_pem.to_str().unwrap(), "--tls-key", key_pem.to_str().unwrap()])
        .stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::null()).spawn().unwrap();
    let mut line = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(child.stdout.take().unwrap()), &mut line).unwrap();
    let port = line.trim().rsplit(':').next().unwrap().to_owned();
    assert!(line.starts_with("listening on https://"), "{line}");
    let url = format!("https://localhost:{port}");
    let device = Device::open(&dir.path().join("phone")).unwrap();
    let status = device.pair(&pairing_code(&data, "Mai"), Some(&url), Some(&cert.cert.pem())).expect("pairing over TLS");
    assert!(status.paired && status.people > 0, "{status:?}");
    // A device refuses plain HTTP to anything but this machine.
    let other = Device::open(&dir.path().join("other")).unwrap();
    let err = other.pair("ABCD-EFGH", Some(&format!("http://192.0.2.1:{port}")), None).unwrap_err();
    assert!(err.message.contains("https"), "{err:?}");
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn pull_answers_say_where_they_leave_the_device_before_their_body() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("endpoint");
    setup_org(&data, 1500, 700, "Mai");
    let ep = Endpoint::start(&data, 0);
    let (token, _) = pair_raw(&ep, "Mai");

    // Page by page over raw HTTP: the header always says what the body does.
    let client = reqwest::blocking::Client::new();
    let mut scopes = json!({});
    let mut people = HashSet::new();
    for round in 0.. {
        assert!(round < 50, "the pull never ended");
        let resp = client
            .post(format!("{}/v1/pull", ep.url))
            .bearer_auth(&token)
            .json(&json!({ "scopes": scopes, "limit": 250 }))
            .send()
            .unwrap();
        assert_eq!(resp.status().as_u16(), 200);
        let header: Value = serde_json::from_str(resp.headers()["x-doorstep-next"].to_str().unwrap()).unwrap();
        let body: Value = resp.json().unwrap();
        let pages = body["pages"].as_array().unwrap();
        let cursors: serde_json::Map<String, Value> =
            pages.iter().map(|p| (p["list_id"].as_str().unwrap().to_owned(), p["cursor"].clone())).collect();
        assert_eq!(header["scopes"], Value::Object(cursors));
        assert_eq!(header["more"], json!(pages.iter().any(|p| p["more"] == json!(true))));
        for item in pages.iter().flat_map(|p| p["items"].as_array().unwrap()) {
            if item["kind"] == "person" {
                people.insert(item["person"]["id"].as_str().unwrap().to_owned());
            }
        }
        if header["more"] == json!(false) {
            break;
        }
        scopes = header["scopes"].clone();
    }

    // A device, which asks for each next page before reading the last,
    // ends up holding the same people.
    let device = paired_device(dir.path(), &ep, "Mai", "phone");
    let held: HashSet<String> = device.people().unwrap().into_iter().map(|p| p.id.to_string()).collect();
    assert!(held.len() > 500, "the first page of a pull holds 500: this list needs more than one ({})", held.len());
    assert_eq!(held, people);
}
