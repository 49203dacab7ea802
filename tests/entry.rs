//! What enters the store is checked where it enters, and what is in the
//! store cannot stop a sync: against the real `doorstep serve` process, with
//! raw pushes from a paired device's token (issue 14, findings 3, 5, 10b).

use doorstep_core::attempt::{MAX_ANSWERS, MAX_NOTE_CHARS};
use doorstep_core::device::api::NewAttempt;
use doorstep_core::domain::Person;
use doorstep_core::sync::hlc::Hlc;
use doorstep_core::sync::proto::OpBody;
use doorstep_tests::*;
use serde_json::{Value, json};
use uuid::Uuid;

/// Text that stands for voter data: no error may repeat it.
const VOTER: &str = "Maria Lopez +1310 555 0199";

/// A device of `user` that pushes raw operations, numbering them as the
/// endpoint applies them.
struct RawDevice {
    url: String,
    token: String,
    seq: std::cell::Cell<i64>,
}

impl RawDevice {
    fn pair(ep: &Endpoint, user: &str) -> RawDevice {
        RawDevice { url: ep.url.clone(), token: pair_raw(ep, user).0, seq: 0.into() }
    }

    /// Pushes one operation body, zstd-compressed (a 15 MiB note fits the
    /// body limit that way, as it did in the finding).
    fn push(&self, body: Value) -> (u16, Value) {
        let seq = self.seq.get() + 1;
        let req = json!({ "ops": [{ "seq": seq, "op_id": Uuid::now_v7(), "body": body }] }).to_string();
        let packed = zstd::encode_all(req.as_bytes(), 3).unwrap();
        let (status, answer) = post(&format!("{}/v1/push", self.url), Some(&self.token), packed, Some("zstd"));
        if status == 200 {
            self.seq.set(seq);
        }
        (status, answer)
    }

    fn pull(&self, scopes: &Value) -> Value {
        let (status, answer) = post(&format!("{}/v1/pull", self.url), Some(&self.token), json!({ "scopes": scopes }).to_string().into_bytes(), None);
        assert_eq!(status, 200, "{answer}");
        answer
    }
}

fn attempt(person: Uuid, fields: Value) -> Value {
    let mut a = json!({
        "id": Uuid::now_v7(), "person_id": person, "channel": "door", "result": { "code": "not_home" },
        "answers": {}, "note": "", "language_used": "", "attempted_at": chrono::Utc::now().to_rfc3339(),
    });
    for (k, v) in fields.as_object().unwrap() {
        a[k] = v.clone();
    }
    json!({ "kind": "attempt", "attempt": a })
}

/// Refused with 400 (or 413) naming `field`, the value nowhere in the answer.
fn refused(what: &str, (status, answer): (u16, Value), field: &str) {
    assert!(status == 400 || status == 413, "{what}: {status} {answer}");
    let message = answer["message"].as_str().unwrap_or_else(|| panic!("{what}: {answer}"));
    assert!(message.contains(field), "{what}: {message} should name {field}");
    for leak in ["Maria", "555", "262142"] {
        assert!(!answer.to_string().contains(leak), "{what}: {answer} repeats the value");
    }
}

#[test]
fn times_no_device_could_write_are_refused_and_wrong_clocks_clamped() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("endpoint");
    setup_org(&data, 200, 10, "Mai");
    cli(&data, &["user", "add", "--name", "Binh", "--role", "canvasser"]);
    let org_list = cli_json(&data, &["list", "create", "--name", "Shared", "--limit", "10", "--json"]);
    let list = org_list["id"].as_str().unwrap();
    cli(&data, &["list", "assign", "--list", list, "--user", "Mai"]);
    cli(&data, &["list", "assign", "--list", list, "--user", "Binh", "--share"]);
    let ep = Endpoint::start(&data, 0);
    let raw = RawDevice::pair(&ep, "Mai");
    let binh = paired_device(dir.path(), &ep, "Binh", "binh");
    let person = binh.doors(list.parse().unwrap()).unwrap()[0].people[0].id;

    refused("a time past year 9999", raw.push(attempt(person, json!({ "attempted_at": "+262142-12-31T23:59:59Z" }))), "attempted_at");
    assert!(endpoint_attempts(&data).is_empty(), "nothing was written");

    let tomorrow = attempt(person, json!({ "attempted_at": (chrono::Utc::now() + chrono::Duration::days(1)).to_rfc3339() }));
    let id = tomorrow["attempt"]["id"].as_str().unwrap().to_owned();
    let (status, answer) = raw.push(tomorrow);
    assert_eq!(status, 200, "a wrong clock is no reason to refuse: {answer}");
    let held = cli_json(&data, &["attempts", "--json"]);
    let stored: chrono::DateTime<chrono::Utc> = held[0]["attempted_at"].as_str().unwrap().parse().unwrap();
    assert_eq!(held[0]["id"], id);
    assert!(stored <= chrono::Utc::now() + doorstep_core::attempt::MAX_AHEAD, "stored as {stored}, clamped to the endpoint's clock");

    // Another device on the list pulls it, and everything else.
    let report = binh.sync_now().expect("the other device's pull");
    assert_eq!(report.skipped_rows, 0);
    let status = binh.status().unwrap();
    assert!(status.last_error.is_none(), "{status:?}");
    let seen = binh.people().unwrap().into_iter().find(|p| p.id == person).unwrap();
    assert!(seen.attempts.iter().any(|a| a.id.to_string() == id), "{seen:?}");
}

#[test]
fn notes_and_answers_are_held_to_their_size() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("endpoint");
    setup_org(&data, 200, 10, "Mai");
    let ep = Endpoint::start(&data, 0);
    let raw = RawDevice::pair(&ep, "Mai");
    let device = paired_device(dir.path(), &ep, "Mai", "phone");
    let person = device.people().unwrap()[0].id;

    let repeat = |bytes: usize| VOTER.repeat(bytes / VOTER.len() + 1);
    let many: serde_json::Map<String, Value> = (0..=MAX_ANSWERS).map(|i| (format!("q{i}"), json!("yes"))).collect();
    let big: serde_json::Map<String, Value> = (0..20).map(|i| (format!("q{i}"), json!(&repeat(900)[..900]))).collect();
    let cases = [
        ("a note of 15 MiB", json!({ "note": repeat(15 << 20) }), "note"),
        ("a note of 1 MiB", json!({ "note": repeat(1 << 20) }), "note"),
        ("a note just past the limit", json!({ "note": "x".repeat(MAX_NOTE_CHARS + 1) }), "note"),
        ("too many answers", json!({ "answers": many }), "answers"),
        ("answers too big", json!({ "answers": big }), "answers"),
        ("an answer that is an object", json!({ "answers": { "q": { "phone": VOTER } } }), "answers"),
        ("a language that is none", json!({ "language_used": VOTER }), "language_used"),
    ];
    for (what, fields, field) in cases {
        refused(what, raw.push(attempt(person, fields)), field);
    }
    assert!(endpoint_attempts(&data).is_empty(), "nothing was written");

    // The device refuses the same before it queues anything.
    let err = device
        .record_attempt(NewAttempt { person_id: Some(person), result: "contacted".into(), note: repeat(1 << 20), ..Default::default() })
        .unwrap_err();
    assert!(err.message.contains("note") && !err.message.contains("Maria"), "{}", err.message);
    assert_eq!(device.status().unwrap().pending, 0);

    // At the limit, it goes through.
    let (status, answer) = raw.push(attempt(person, json!({ "note": "x".repeat(MAX_NOTE_CHARS) })));
    assert_eq!(status, 200, "{answer}");
}

#[test]
fn person_edits_and_adds_of_the_wrong_shape_are_named_never_quoted() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("endpoint");
    setup_org(&data, 200, 10, "Mai");
    let ep = Endpoint::start(&data, 0);
    let raw = RawDevice::pair(&ep, "Mai");
    let device = paired_device(dir.path(), &ep, "Mai", "phone");
    let person = device.people().unwrap()[0].clone();
    let hlc = || Hlc { wall_ms: doorstep_core::sync::hlc::now_ms(), counter: 0, node: Uuid::now_v7() };
    let edit = |field: &str, value: Value| json!({ "kind": "person_edit", "person_id": person.id, "field": field, "value": value, "hlc": hlc() });
    let add = |p: Person| serde_json::to_value(OpBody::PersonAdd { person: p, household: None, list_id: None, hlc: hlc() }).unwrap();
    let someone = || Person { id: Uuid::now_v7(), given_name: "Ana".into(), family_name: "Ruiz".into(), ..Default::default() };

    let cases = [
        ("phones as an object", edit("phones", json!({ "home": VOTER })), "phones"),
        ("phones as text", edit("phones", json!(VOTER)), "phones"),
        ("too many phones", edit("phones", json!(vec![VOTER; 11])), "phones"),
        ("emails as numbers", edit("emails", json!([3105550199u64])), "emails"),
        ("a language that is a list", edit("preferred_language", json!([VOTER])), "preferred_language"),
        ("do-not-contact as text", edit("do_not_contact", json!(VOTER)), "do_not_contact"),
        ("a new person's name of 1 MiB", add(Person { given_name: VOTER.repeat(40_000), ..someone() }), "given_name"),
        ("a new person's phones of 1 MiB", add(Person { phones: vec![VOTER.repeat(40_000)], ..someone() }), "phones"),
    ];
    for (what, body, field) in cases {
        refused(what, raw.push(body), field);
    }
    // Nothing was written: the device pulls the person as they were.
    device.sync_now().unwrap();
    let after = device.people().unwrap().into_iter().find(|p| p.id == person.id).unwrap();
    assert_eq!((after.phones, after.do_not_contact), (person.phones, person.do_not_contact));

    // And the device refuses the same, naming the field.
    let err = device
        .edit_person(person.id, doorstep_core::device::api::PersonEdit { phones: Some(vec![VOTER.repeat(10)]), ..Default::default() })
        .unwrap_err();
    assert!(err.message.starts_with("phones") && !err.message.contains("555"), "{}", err.message);
}

/// Writes attempt rows straight into the endpoint's store, as a store
/// restored from a damaged backup (or written before these limits) has them,
/// each with its change.
fn write_rows(data: &std::path::Path, rows: &[(Uuid, Uuid, &str, &str, &str, &str)]) {
    let conn = rusqlite::Connection::open(data.join("doorstep.db")).unwrap();
    conn.busy_timeout(std::time::Duration::from_secs(10)).unwrap();
    // A damaged store holds what the schema's checks would refuse.
    conn.execute_batch("PRAGMA ignore_check_constraints = ON").unwrap();
    let org: Uuid = conn.query_row("SELECT id FROM organizations", [], |r| r.get(0)).unwrap();
    for (id, person, channel, answers, note, at) in rows {
        conn.execute(
            "INSERT INTO attempts(id, org_id, person_id, channel, result, answers, note, attempted_at) VALUES (?1, ?2, ?3, ?4, 'not_home', ?5, ?6, ?7)",
            rusqlite::params![id, org, person, channel, answers, note, at],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO changes(org_id, entity, entity_id, list_id, deleted, at) VALUES (?1, 'attempt', ?2, NULL, 0, ?3)",
            rusqlite::params![org, id, chrono::Utc::now().to_rfc3339()],
        )
        .unwrap();
    }
}

#[test]
fn a_pull_skips_the_rows_a_device_cannot_read_and_applies_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("endpoint");
    setup_org(&data, 200, 10, "Mai");
    let ep = Endpoint::start(&data, 0);
    let old = paired_device(dir.path(), &ep, "Mai", "old");
    let people: Vec<Uuid> = old.people().unwrap().iter().map(|p| p.id).collect();
    let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true);
    let (good, far, pigeon, broken) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
    write_rows(
        &data,
        &[
            (far, people[0], "door", "{}", "", "+262142-12-31T23:59:59.000000Z"),
            (good, people[1], "door", "{}", "", &now),
            (pigeon, people[2], "carrier_pigeon", "{}", "", &now),
            (broken, people[3], "door", "{\"q\": [", "", &now),
        ],
    );

    // A device already following the log.
    let report = old.sync_now().expect("a pull over damaged rows");
    // The endpoint cannot read the broken answers itself, so it never sends
    // them; the device skips the other two.
    assert_eq!(report.skipped_rows, 2, "{report:?}");
    // And one copying the list (pairing pulls it).
    let new = paired_device(dir.path(), &ep, "Mai", "new");
    for (what, device) in [("following the log", &old), ("copying the list", &new)] {
        assert!(device.status().unwrap().last_error.is_none(), "{what}");
        let held: Vec<Uuid> = device.people().unwrap().iter().flat_map(|p| p.attempts.iter().map(|a| a.id)).collect();
        assert!(held.contains(&good), "{what}: the readable row applied");
        for skipped in [far, pigeon, broken] {
            assert!(!held.contains(&skipped), "{what}");
        }
        // And the next sync goes on from there.
        assert_eq!(device.sync_now().unwrap().skipped_rows, 0, "{what}");
    }
}

#[test]
fn one_pull_answer_stays_bounded_however_long_the_notes() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("endpoint");
    let org = setup_org(&data, 200, 10, "Mai");
    let ep = Endpoint::start(&data, 0);
    let device = paired_device(dir.path(), &ep, "Mai", "phone");
    let people: Vec<Uuid> = device.people().unwrap().iter().map(|p| p.id).collect();
    // Notes from a store written before the limits: 3 MiB each, three people.
    let note = "x".repeat(3 << 20);
    let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true);
    let big: Vec<Uuid> = (0..3).map(|_| Uuid::now_v7()).collect();
    let rows: Vec<_> = big.iter().zip(&people).map(|(id, p)| (*id, *p, "door", "{}", note.as_str(), now.as_str())).collect();
    write_rows(&data, &rows);

    let raw = RawDevice::pair(&ep, "Mai");
    let scope = |cursor: Value| Value::Object([(org.list.clone(), cursor)].into_iter().collect());
    let mut scopes = scope(json!(""));
    let mut seen = Vec::new();
    let mut answers = 0;
    loop {
        let answer = raw.pull(&scopes);
        let page = &answer["pages"][0];
        let rows = page["attempts"]["rows"].as_array().cloned().unwrap_or_default();
        let bytes: usize = rows.iter().map(|r| r["note"].as_str().map_or(0, str::len)).sum();
        // The page ends after the person whose notes pass 4 MiB.
        assert!(bytes <= (4 << 20) + note.len(), "{bytes} bytes of notes in one answer");
        seen.extend(rows.iter().map(|r| r["id"].as_str().unwrap().to_owned()));
        answers += 1;
        scopes = scope(page["cursor"].clone());
        if !page["more"].as_bool().unwrap() {
            break;
        }
    }
    assert!(answers >= 2, "the notes came in more than one answer");
    for id in &big {
        assert_eq!(seen.iter().filter(|s| **s == id.to_string()).count(), 1, "{id} came once");
    }
    // A device takes them all, page by page.
    let other = paired_device(dir.path(), &ep, "Mai", "other");
    let held: Vec<Uuid> = other.people().unwrap().iter().flat_map(|p| p.attempts.iter().map(|a| a.id)).collect();
    assert!(big.iter().all(|id| held.contains(id)));
}
