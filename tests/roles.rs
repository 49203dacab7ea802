//! Roles inside an organization, against the real `doorstep serve`: a
//! canvasser's device writes only to the people and doors on the lists
//! assigned to its user and to the people it added; organizers reach
//! everyone in their organization; ids of another organization are unknown.

use doorstep_tests::*;
use serde_json::{Value, json};
use uuid::Uuid;

struct Setup {
    _dir: tempfile::TempDir,
    data: std::path::PathBuf,
    ep: Endpoint,
    mine: Vec<Uuid>,
    my_list: Uuid,
    theirs: Vec<Uuid>,
    their_list: Uuid,
    other_effort: Uuid,
    other_script: Uuid,
}

fn members(data: &std::path::Path, list: Uuid) -> Vec<Uuid> {
    let store = doorstep_core::Store::open(&data.join("doorstep.db")).unwrap();
    let mut stmt = store.conn().prepare("SELECT person_id FROM list_people WHERE list_id = ?1 ORDER BY person_id").unwrap();
    stmt.query_map([list], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap()
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("endpoint");
    let org = setup_org(&data, 300, 20, "Mai");
    cli(&data, &["user", "add", "--name", "Binh", "--role", "canvasser"]);
    cli(&data, &["user", "add", "--name", "Olu", "--role", "organizer"]);
    let theirs = cli_json(&data, &["list", "create", "--name", "Binh's turf", "--limit", "80", "--json"]);
    let their_list: Uuid = theirs["id"].as_str().unwrap().parse().unwrap();
    cli(&data, &["list", "assign", "--list", &their_list.to_string(), "--user", "Binh"]);
    // Another organization with an effort and a script of its own.
    // (Written straight into the store: with two organizations every
    // command would need --org.)
    let (other_effort, other_script) = (Uuid::now_v7(), Uuid::now_v7());
    {
        let store = doorstep_core::Store::open(&data.join("doorstep.db")).unwrap();
        let other = Uuid::now_v7();
        store.conn().execute("INSERT INTO organizations(id, name, created_at) VALUES (?1, 'Other org', '2026-12-01T00:00:00Z')", [other]).unwrap();
        store.conn().execute("INSERT INTO efforts(id, org_id, name, kind) VALUES (?1, ?2, 'Theirs', 'canvass')", (other_effort, other)).unwrap();
        store.conn().execute("INSERT INTO scripts(id, org_id, name) VALUES (?1, ?2, 'Theirs')", (other_script, other)).unwrap();
    }
    let my_list: Uuid = org.list.parse().unwrap();
    let (mine, theirs) = (members(&data, my_list), members(&data, their_list));
    let theirs: Vec<Uuid> = theirs.into_iter().filter(|p| !mine.contains(p)).collect();
    assert!(!mine.is_empty() && !theirs.is_empty());
    let ep = Endpoint::start(&data, 0);
    Setup { _dir: dir, data, ep, mine, my_list, theirs, their_list, other_effort, other_script }
}

fn attempt(person: Uuid, extra: Value) -> Value {
    let mut a = json!({ "id": Uuid::now_v7(), "person_id": person, "channel": "door", "result": { "code": "not_home" },
        "answers": {}, "note": "", "language_used": "", "attempted_at": chrono::Utc::now().to_rfc3339() });
    for (k, v) in extra.as_object().unwrap() {
        a[k] = v.clone();
    }
    json!({ "kind": "attempt", "attempt": a })
}

fn person_add(list: Option<Uuid>) -> (Uuid, Value) {
    let id = Uuid::now_v7();
    let hlc = format!("{:013}-000000-{}", chrono::Utc::now().timestamp_millis(), Uuid::now_v7().simple());
    let person = json!({ "id": id, "household_id": null, "given_name": "Walk", "middle_name": "", "family_name": "In",
        "name_suffix": "", "native_name": "", "birth_year": null, "gender": "", "party": "", "preferred_language": "",
        "spoken_languages": [], "phones": [], "emails": [], "external_ids": {}, "do_not_contact": false });
    (id, json!({ "kind": "person_add", "person": person, "household": null, "list_id": list, "hlc": hlc }))
}

fn dnc(person: Uuid) -> Value {
    let hlc = format!("{:013}-000000-{}", chrono::Utc::now().timestamp_millis(), Uuid::now_v7().simple());
    json!({ "kind": "person_edit", "person_id": person, "field": "do_not_contact", "value": true, "hlc": hlc })
}

/// A device that pushes one op at a time, numbering them itself.
struct Pusher {
    url: String,
    token: String,
    seq: i64,
}

impl Pusher {
    fn new(ep: &Endpoint, user: &str) -> Pusher {
        let code = cli_json(&ep.data, &["pairing-code", "--user", user, "--org", "My organization", "--json"])["code"].as_str().unwrap().to_owned();
        let (status, paired) = post(&format!("{}/v1/pair", ep.url), None, json!({ "code": code }).to_string().into_bytes(), None);
        assert_eq!(status, 200, "{paired}");
        Pusher { url: format!("{}/v1/push", ep.url), token: paired["token"].as_str().unwrap().to_owned(), seq: 0 }
    }
    fn push(&mut self, body: Value) -> (u16, Value) {
        let op = json!({ "ops": [{ "seq": self.seq + 1, "op_id": Uuid::now_v7(), "body": body }] });
        let (status, answer) = post(&self.url, Some(&self.token), op.to_string().into_bytes(), None);
        if status == 200 {
            self.seq += 1;
        }
        (status, answer)
    }
}

fn db_count(data: &std::path::Path, sql: &str, id: Uuid) -> i64 {
    let store = doorstep_core::Store::open(&data.join("doorstep.db")).unwrap();
    store.conn().query_row(sql, [id], |r| r.get(0)).unwrap()
}

#[test]
fn a_canvasser_writes_only_to_their_lists_and_the_people_they_add() {
    let s = setup();
    let mut mai = Pusher::new(&s.ep, "Mai");
    let stranger = s.theirs[0];
    let attempts_on = "SELECT count(*) FROM attempts WHERE person_id = ?1";

    // What the review did, each refused with nothing written.
    let (status, err) = mai.push(dnc(stranger));
    assert_eq!(status, 403, "do-not-contact on someone never given: {err}");
    assert_eq!(err["error"], "forbidden");
    assert_eq!(err["op_seq"], 1, "the refused operation is named: {err}");
    assert_eq!(db_count(&s.data, "SELECT do_not_contact FROM people WHERE id = ?1", stranger), 0);
    let (new_id, add) = person_add(Some(s.their_list));
    let (status, err) = mai.push(add);
    assert_eq!(status, 403, "adding someone to another canvasser's list: {err}");
    assert_eq!(db_count(&s.data, "SELECT count(*) FROM people WHERE id = ?1", new_id), 0);
    let (status, err) = mai.push(attempt(stranger, json!({})));
    assert_eq!(status, 403, "an attempt on anyone: {err}");
    assert_eq!(db_count(&s.data, attempts_on, stranger), 0);
    // Someone already here cannot be put on one's own list to reach them.
    let (_, add) = person_add(Some(s.my_list));
    let mut add = add;
    add["person"]["id"] = json!(stranger);
    let (status, err) = mai.push(add);
    assert_eq!(status, 403, "pulling a stranger onto one's list: {err}");
    assert_eq!(db_count(&s.data, "SELECT count(*) FROM list_people WHERE person_id = ?1", stranger), 1);

    // Another organization's effort and script are unknown here.
    let me = s.mine[0];
    let (status, err) = mai.push(attempt(me, json!({ "effort_id": s.other_effort })));
    assert_eq!(status, 404, "another organization's effort: {err}");
    let (status, err) = mai.push(attempt(me, json!({ "script_id": s.other_script })));
    assert_eq!(status, 404, "another organization's script: {err}");
    assert_eq!(db_count(&s.data, attempts_on, me), 0);

    // What a canvasser does do: knock their own doors, edit their own
    // people, and sign up someone new, then knock them too.
    let (status, err) = mai.push(attempt(me, json!({ "list_id": s.my_list })));
    assert_eq!(status, 200, "{err}");
    let (status, err) = mai.push(dnc(s.mine[1]));
    assert_eq!(status, 200, "{err}");
    let (added, add) = person_add(None);
    let (status, err) = mai.push(add);
    assert_eq!(status, 200, "{err}");
    let (status, err) = mai.push(attempt(added, json!({})));
    assert_eq!(status, 200, "someone they added: {err}");
    assert_eq!(db_count(&s.data, attempts_on, added), 1);

    // The shift's results still arrive after the list moves to someone else.
    cli(&s.data, &["list", "assign", "--org", "My organization", "--unassign", "--list", &s.my_list.to_string(), "--user", "Mai"]);
    let (status, err) = mai.push(attempt(s.mine[2], json!({ "list_id": s.my_list })));
    assert_eq!(status, 200, "a list taken this week: {err}");

    // An organizer reaches everyone in the organization.
    let mut olu = Pusher::new(&s.ep, "Olu");
    let (status, err) = olu.push(dnc(stranger));
    assert_eq!(status, 200, "{err}");
    assert_eq!(db_count(&s.data, "SELECT do_not_contact FROM people WHERE id = ?1", stranger), 1);
}

/// A device whose outbox holds an operation the endpoint will never take
/// (an older app's, or one tampered with) keeps it aside with the reason,
/// sends the rest, and says so in its status.
#[test]
fn an_operation_refused_for_good_is_kept_aside_and_the_rest_goes() {
    use doorstep_core::device::Device;
    use doorstep_core::device::api::NewAttempt;
    let s = setup();
    let home = s._dir.path().join("mai-phone");
    let device = Device::open(&home).unwrap();
    let code = cli_json(&s.data, &["pairing-code", "--user", "Mai", "--org", "My organization", "--json"])["code"].as_str().unwrap().to_owned();
    device.pair(&code, Some(&s.ep.url), None).expect("pairing");
    // An attempt on someone never given to Mai, queued behind the app's back.
    let stranger = s.theirs[0];
    {
        let store = doorstep_core::Store::open(&home.join("device.db")).unwrap();
        let op = attempt(stranger, json!({}));
        store.conn().execute(
            "INSERT INTO outbox(op_id, kind, body, created_at) VALUES (?1, 'attempt', ?2, '2026-12-04T10:00:00Z')",
            (Uuid::now_v7(), op.to_string()),
        ).unwrap();
    }
    let mine = device
        .record_attempt(NewAttempt { person_id: Some(s.mine[0]), list_id: Some(s.my_list), result: "not_home".into(), ..Default::default() })
        .unwrap();
    let report = device.sync_now().unwrap();
    assert_eq!(report.refused, 1, "{report:?}");
    let status = device.status().unwrap();
    assert_eq!((status.pending, status.refused), (0, 1), "{status:?}");
    let held = endpoint_attempts_in(&s.data);
    assert!(held.contains(&mine.id.to_string()), "the rest of the outbox went");
    assert_eq!(db_count(&s.data, "SELECT count(*) FROM attempts WHERE person_id = ?1", stranger), 0, "nothing of the refused op was written");
    let store = doorstep_core::Store::open(&home.join("device.db")).unwrap();
    let (status, reason): (i64, String) =
        store.conn().query_row("SELECT status, reason FROM outbox_refused", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    assert_eq!(status, 403);
    assert!(reason.contains("not on a list assigned to you"), "{reason}");
}

fn endpoint_attempts_in(data: &std::path::Path) -> Vec<String> {
    let v = cli_json(data, &["attempts", "--org", "My organization", "--json"]);
    v.as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap().to_owned()).collect()
}
