//! The organizer's API (`POST /v1/organize`) on the real `doorstep serve`:
//! every command answers a canvasser's token with 403, and another
//! organization's ids with 404, having written nothing; an organizer's
//! token gets its own organization's answers, and nothing of another's.

use doorstep_tests::*;
use serde_json::{Value, json};

struct Setup {
    _dir: tempfile::TempDir,
    data: std::path::PathBuf,
    ep: Endpoint,
    canvasser: String,
    organizer: String,
    my_list: String,
    /// Another organization's user, list, device and person.
    their_user: String,
    their_list: String,
    their_device: String,
    their_person: String,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("endpoint");
    let org = setup_org(&data, 200, 20, "Mai");
    let mine = cli_json(&data, &["org", "list", "--json"])[0]["name"].as_str().unwrap().to_owned();
    cli(&data, &["user", "add", "--org", &mine, "--name", "Olu", "--role", "organizer", "--speaks", "yo,en"]);
    // Another organization, with voters, a list, a user and a paired phone.
    cli(&data, &["org", "create", "Other org"]);
    let file = dir.path().join("other.csv");
    cli(&data, &["gen-voters", "--count", "50", "--seed", "3", "--out", file.to_str().unwrap()]);
    cli(&data, &["import", "--org", "Other org", file.to_str().unwrap()]);
    let their_user = cli_json(&data, &["user", "add", "--org", "Other org", "--name", "Vo", "--role", "canvasser", "--json"])["id"].as_str().unwrap().to_owned();
    let their_list = cli_json(&data, &["list", "create", "--org", "Other org", "--name", "Theirs", "--limit", "10", "--json"])["id"].as_str().unwrap().to_owned();
    let their_person = {
        let store = doorstep_core::Store::open(&data.join("doorstep.db")).unwrap();
        store.conn().query_row("SELECT p.id FROM people p JOIN organizations o ON o.id = p.org_id WHERE o.name = 'Other org' LIMIT 1", [], |r| r.get::<_, uuid::Uuid>(0)).unwrap().to_string()
    };
    let ep = Endpoint::start(&data, 0);
    let pair = |user: &str, org: &str| {
        let code = cli_json(&data, &["pairing-code", "--org", org, "--user", user, "--json"])["code"].as_str().unwrap().to_owned();
        let (status, body) = post(&format!("{}/v1/pair", ep.url), None, json!({ "code": code }).to_string().into_bytes(), None);
        assert_eq!(status, 200, "{body}");
        (body["token"].as_str().unwrap().to_owned(), body["device_id"].as_str().unwrap().to_owned())
    };
    let (canvasser, _) = pair("Mai", &mine);
    let (organizer, _) = pair("Olu", &mine);
    let (_, their_device) = pair("Vo", "Other org");
    Setup { _dir: dir, data, ep, canvasser, organizer, my_list: org.list, their_user, their_list, their_device, their_person }
}

fn organize(s: &Setup, token: &str, cmd: Value) -> (u16, Value) {
    post(&format!("{}/v1/organize", s.ep.url), Some(token), cmd.to_string().into_bytes(), None)
}

/// Every organizer command, as an organizer of the first organization
/// would send it.
fn every_command(s: &Setup) -> Vec<Value> {
    vec![
        json!({ "cmd": "orgs" }),
        json!({ "cmd": "org_create", "name": "Mine too" }),
        json!({ "cmd": "users" }),
        json!({ "cmd": "user_add", "name": "Lan", "role": "canvasser", "speaks": ["vi"] }),
        json!({ "cmd": "pairing_code", "user": "Mai" }),
        json!({ "cmd": "list_assign", "list": s.my_list, "user": "Olu" }),
        json!({ "cmd": "list_unassign", "list": s.my_list, "user": "Olu" }),
        json!({ "cmd": "attempts" }),
        json!({ "cmd": "script_import", "text": std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../demo/canvass.toml")).unwrap_or_default(), "source": "script.toml" }),
        json!({ "cmd": "devices" }),
        json!({ "cmd": "device_revoke", "device": "Mai's phone" }),
        json!({ "cmd": "person_delete", "person": uuid::Uuid::now_v7() }),
        json!({ "cmd": "prune_changes", "older_than_days": 30 }),
    ]
}

#[test]
fn a_canvassers_token_organizes_nothing() {
    let s = setup();
    let users_before = cli(&s.data, &["user", "list", "--org", "My organization", "--json"]);
    let commands = every_command(&s);
    // Every command of the surface is here: the list names each one once.
    let names: std::collections::BTreeSet<&str> = commands.iter().map(|c| c["cmd"].as_str().unwrap()).collect();
    assert_eq!(names.len(), 13);
    for cmd in commands {
        let (status, body) = organize(&s, &s.canvasser, cmd.clone());
        assert_eq!((status, body["error"].as_str()), (403, Some("forbidden")), "{cmd}: {body}");
    }
    assert_eq!(cli(&s.data, &["user", "list", "--org", "My organization", "--json"]), users_before, "nothing written");
    // Without a token, or with a wrong one: 401.
    let (status, _) = post(&format!("{}/v1/organize", s.ep.url), None, b"{\"cmd\":\"users\"}".to_vec(), None);
    assert_eq!(status, 401);
    let (status, _) = organize(&s, "wrong", json!({ "cmd": "users" }));
    assert_eq!(status, 401);
}

#[test]
fn another_organizations_ids_are_not_found() {
    let s = setup();
    let theirs = [
        json!({ "cmd": "pairing_code", "user": s.their_user }),
        json!({ "cmd": "pairing_code", "user": "Vo" }),
        json!({ "cmd": "list_assign", "list": s.their_list, "user": "Mai" }),
        json!({ "cmd": "list_assign", "list": s.my_list, "user": s.their_user }),
        json!({ "cmd": "list_unassign", "list": s.their_list, "user": "Mai" }),
        json!({ "cmd": "devices", "user": s.their_user }),
        json!({ "cmd": "device_revoke", "device": s.their_device }),
        json!({ "cmd": "device_revoke", "device": "Vo's phone" }),
        json!({ "cmd": "person_delete", "person": s.their_person }),
    ];
    for cmd in theirs {
        let (status, body) = organize(&s, &s.organizer, cmd.clone());
        assert_eq!((status, body["error"].as_str()), (404, Some("not_found")), "{cmd}: {body}");
    }
    // Their device still syncs, their person is still there.
    let devices = cli_json(&s.data, &["devices", "--org", "Other org", "--json"]);
    assert!(devices[0]["revoked_at"].is_null(), "{devices}");
    // Only this organization comes back from reads.
    let (status, orgs) = organize(&s, &s.organizer, json!({ "cmd": "orgs" }));
    assert_eq!(status, 200);
    assert_eq!(orgs["data"].as_array().unwrap().iter().map(|o| o["name"].as_str().unwrap()).collect::<Vec<_>>(), ["My organization"]);
    let (_, users) = organize(&s, &s.organizer, json!({ "cmd": "users" }));
    let names: Vec<&str> = users["data"].as_array().unwrap().iter().map(|u| u["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Mai", "Olu"]);
    let (_, devices) = organize(&s, &s.organizer, json!({ "cmd": "devices" }));
    let names: Vec<&str> = devices["data"].as_array().unwrap().iter().map(|d| d["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Mai's phone", "Olu's phone"]);
    // Making a tenant is for the endpoint's own machine only.
    let (status, _) = organize(&s, &s.organizer, json!({ "cmd": "org_create", "name": "Mine too" }));
    assert_eq!(status, 403);
}

#[test]
fn an_organizer_adds_pairs_assigns_and_revokes_by_name() {
    let s = setup();
    let (status, lan) = organize(&s, &s.organizer, json!({ "cmd": "user_add", "name": "Lan", "role": "canvasser", "speaks": ["Vietnamese", "km"] }));
    assert_eq!(status, 200, "{lan}");
    assert_eq!(lan["data"]["languages"], json!(["vi", "km"]));
    let (status, dup) = organize(&s, &s.organizer, json!({ "cmd": "user_add", "name": "Lan", "role": "canvasser" }));
    assert_eq!((status, dup["error"].as_str()), (409, Some("conflict")));
    let (status, bad) = organize(&s, &s.organizer, json!({ "cmd": "user_add", "name": "Kim", "role": "boss" }));
    assert_eq!(status, 400);
    assert!(bad["message"].as_str().unwrap().contains("boss"), "{bad}");
    // An organizer may not make an admin.
    let (status, _) = organize(&s, &s.organizer, json!({ "cmd": "user_add", "name": "Kim", "role": "admin" }));
    assert_eq!(status, 403);

    // Reassigning is assigning again: Mai's list goes to Lan alone.
    let (status, moved) = organize(&s, &s.organizer, json!({ "cmd": "list_assign", "list": s.my_list, "user": "Lan" }));
    assert_eq!(status, 200, "{moved}");
    assert_eq!((moved["data"]["user_name"].as_str(), moved["data"]["assigned"].as_bool()), (Some("Lan"), Some(true)));
    let (_, pulled) = post(&format!("{}/v1/pull", s.ep.url), Some(&s.canvasser), json!({ "scopes": {} }).to_string().into_bytes(), None);
    assert_eq!(pulled["assigned"], json!([]), "Mai's phone no longer holds the list");

    // A code for Lan, and her phone, named after her.
    let (status, code) = organize(&s, &s.organizer, json!({ "cmd": "pairing_code", "user": "Lan", "url": "https://door.example.org", "qr_svg": true }));
    assert_eq!(status, 200, "{code}");
    assert!(code["data"]["qr_svg"].as_str().unwrap().contains("<svg"), "{code}");
    let (status, paired) =
        post(&format!("{}/v1/pair", s.ep.url), None, json!({ "code": code["data"]["code"] }).to_string().into_bytes(), None);
    assert_eq!(status, 200, "{paired}");
    let token = paired["token"].as_str().unwrap();
    let (status, _) = post(&format!("{}/v1/pull", s.ep.url), Some(token), json!({ "scopes": {} }).to_string().into_bytes(), None);
    assert_eq!(status, 200);
    // Lost: revoked by its name, and refused at its next sync.
    let (status, revoked) = organize(&s, &s.organizer, json!({ "cmd": "device_revoke", "device": "Lan's phone" }));
    assert_eq!(status, 200, "{revoked}");
    assert!(revoked["data"]["revoked_at"].is_string());
    let (status, _) = post(&format!("{}/v1/pull", s.ep.url), Some(token), json!({ "scopes": {} }).to_string().into_bytes(), None);
    assert_eq!(status, 401);
    // The CLI sees the same, by name.
    let devices = cli_json(&s.data, &["devices", "--org", "My organization", "--user", "Lan", "--json"]);
    assert_eq!(devices.as_array().unwrap().len(), 1);
    assert_eq!(devices[0]["name"], "Lan's phone");
    assert!(devices[0]["revoked_at"].is_string());
}

/// `doorstep --endpoint URL …`: the same commands, run at a remote
/// endpoint as an organizer's pairing; offline, a clear refusal that
/// changed nothing.
#[test]
fn the_command_line_organizes_a_remote_endpoint() {
    let mut s = setup();
    let (url, nowhere) = (s.ep.url.clone(), s._dir.path().join("nowhere"));
    let remote = |token: Option<&str>, args: &[&str]| {
        let mut cmd = std::process::Command::new(doorstep_bin());
        cmd.arg("--data").arg(&nowhere).args(["--endpoint", &url]).args(args);
        cmd.env_remove("DOORSTEP_TOKEN");
        if let Some(t) = token {
            cmd.env("DOORSTEP_TOKEN", t);
        }
        cmd.output().unwrap()
    };
    let code = cli_json(&s.data, &["pairing-code", "--org", "My organization", "--user", "Olu", "--json"])["code"].as_str().unwrap().to_owned();
    let out = remote(None, &["organizer-pair", &code, "--name", "Olu's laptop", "--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let token = serde_json::from_slice::<Value>(&out.stdout).unwrap()["token"].as_str().unwrap().to_owned();

    let out = remote(None, &["user", "add", "--name", "Lan", "--role", "canvasser"]);
    assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("DOORSTEP_TOKEN"));
    let out = remote(Some(&token), &["user", "add", "--name", "Lan", "--role", "canvasser", "--speaks", "km", "--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(serde_json::from_slice::<Value>(&out.stdout).unwrap()["languages"], json!(["km"]));
    let out = remote(Some(&token), &["devices", "--json"]);
    let names: Vec<String> = serde_json::from_slice::<Value>(&out.stdout).unwrap().as_array().unwrap().iter().map(|d| d["name"].as_str().unwrap().to_owned()).collect();
    assert_eq!(names, ["Mai's phone", "Olu's phone", "Olu's laptop"], "by user, then in the order they paired");
    // Another organization's device is not found from here either.
    let their_device = s.their_device.clone();
    let out = remote(Some(&token), &["device-revoke", &their_device]);
    assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("not_found"), "{}", String::from_utf8_lossy(&out.stderr));
    // A canvasser's pairing is told so.
    let canvasser = s.canvasser.clone();
    let out = remote(Some(&canvasser), &["user", "list"]);
    assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("forbidden"), "{}", String::from_utf8_lossy(&out.stderr));

    // Offline: refused, saying so, and nothing is half-done.
    s.ep.kill();
    let out = remote(Some(&token), &["user", "add", "--name", "Sok", "--role", "canvasser"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success() && err.contains("you are offline") && err.contains("nothing was changed"), "{err}");
    let users = cli_json(&s.data, &["user", "list", "--org", "My organization", "--json"]);
    assert!(!users.as_array().unwrap().iter().any(|u| u["name"] == "Sok"));
}
