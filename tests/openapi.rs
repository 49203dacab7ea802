//! The endpoint answers as `schema/openapi.yaml` says, and devices send
//! what it says: real requests and responses of the real `doorstep serve`,
//! validated against the spec's schemas.

use doorstep_core::device::Device;
use doorstep_core::device::api::{NewAttempt, PersonEdit};
use doorstep_tests::*;
use serde_json::{Value, json};

fn spec() -> Value {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../schema/openapi.yaml")).expect("schema/openapi.yaml");
    serde_norway::from_str(&text).expect("the spec parses as YAML")
}

/// Checks `value` against `#/components/schemas/<name>` of the spec.
fn check(spec: &Value, name: &str, value: &Value) {
    let schema = json!({ "$ref": format!("#/components/schemas/{name}"), "components": spec["components"] });
    let validator = jsonschema::draft202012::new(&schema).unwrap_or_else(|e| panic!("schema {name}: {e}"));
    let errors: Vec<String> = validator.iter_errors(value).map(|e| format!("{} at {}", e, e.instance_path)).collect();
    assert!(errors.is_empty(), "{name} does not match the spec:\n{}\n{value:#}", errors.join("\n"));
}

fn post(url: &str, token: Option<&str>, body: &Value) -> (u16, Value) {
    let mut req = reqwest::blocking::Client::new().post(url).json(body);
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    let resp = req.send().unwrap();
    (resp.status().as_u16(), resp.json().unwrap())
}

#[test]
fn real_traffic_matches_the_spec() {
    let spec = spec();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("endpoint");
    let org = setup_org(&data, 200, 12, "Mai");
    let ep = Endpoint::start(&data, 0);

    // Every documented path is served.
    let paths = spec["paths"].as_object().unwrap();
    assert_eq!(paths.keys().cloned().collect::<Vec<_>>(), ["/healthz", "/v1/organize", "/v1/pair", "/v1/pull", "/v1/push"]);
    let health: Value = reqwest::blocking::get(format!("{}/healthz", ep.url)).unwrap().json().unwrap();
    check(&spec, "Health", &health);

    let pair_req = json!({ "code": pairing_code(&data, "Mai") });
    check(&spec, "PairRequest", &pair_req);
    let (status, paired) = post(&format!("{}/v1/pair", ep.url), None, &pair_req);
    assert_eq!(status, 200);
    check(&spec, "PairResponse", &paired);
    let token = paired["token"].as_str().unwrap();

    // What a real device sends: every kind of operation.
    let device = Device::open(&dir.path().join("phone")).unwrap();
    device.pair(&pairing_code(&data, "Mai"), Some(&ep.url), None).unwrap();
    let list = uuid::Uuid::parse_str(&org.list).unwrap();
    let door = &device.doors(list).unwrap()[0];
    let person = door.people[0].id;
    device.record_attempt(NewAttempt { person_id: Some(person), list_id: Some(list), result: "language_barrier".into(), barrier_language: Some("km".into()), ..Default::default() }).unwrap();
    device.edit_person(person, PersonEdit { phones: Some(vec!["(562) 555-0142".into()]), ..Default::default() }).unwrap();
    device
        .add_person(doorstep_core::device::api::NewPerson { household_id: Some(door.household_id), list_id: Some(list), given_name: "Sokha".into(), family_name: "Chea".into(), preferred_language: "km".into(), ..Default::default() })
        .unwrap();
    let outbox: Vec<Value> = {
        let store = doorstep_core::Store::open(&dir.path().join("phone").join("device.db")).unwrap();
        let mut stmt = store.conn().prepare("SELECT seq, op_id, body FROM outbox ORDER BY seq").unwrap();
        stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, uuid::Uuid>(1)?, r.get::<_, String>(2)?)))
            .unwrap()
            .map(|r| {
                let (seq, op_id, body) = r.unwrap();
                json!({ "seq": seq, "op_id": op_id, "body": serde_json::from_str::<Value>(&body).unwrap() })
            })
            .collect()
    };
    assert_eq!(outbox.len(), 3);
    let push = json!({ "ops": outbox });
    check(&spec, "PushRequest", &push);
    let (status, pushed) = post(&format!("{}/v1/push", ep.url), Some(token), &push);
    assert_eq!(status, 200, "{pushed}");
    check(&spec, "PushResponse", &pushed);

    // A first pull (a snapshot) carries every kind of item, and attempts.
    let pull = json!({ "scopes": {} });
    check(&spec, "PullRequest", &pull);
    let (status, first) = post(&format!("{}/v1/pull", ep.url), Some(token), &pull);
    assert_eq!(status, 200);
    check(&spec, "PullResponse", &first);
    let kinds: std::collections::BTreeSet<&str> =
        first["pages"][0]["items"].as_array().unwrap().iter().map(|i| i["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds.into_iter().collect::<Vec<_>>(), ["household", "list", "member", "person"]);
    let attempts = &first["pages"][0]["attempts"];
    assert_eq!(attempts["rows"].as_array().unwrap().len(), 1, "{attempts:#}");

    // The header that says ahead of the body where a pull leaves the device.
    let resp = reqwest::blocking::Client::new().post(format!("{}/v1/pull", ep.url)).bearer_auth(token).json(&pull).send().unwrap();
    let documented = &spec["paths"]["/v1/pull"]["post"]["responses"]["200"]["headers"];
    let ahead: Value = serde_json::from_str(resp.headers()[documented.as_object().unwrap().keys().next().unwrap().as_str()].to_str().unwrap()).unwrap();
    check(&spec, "NextPull", &ahead);

    // Errors have the documented shape.
    let (status, err) = post(&format!("{}/v1/pull", ep.url), Some("wrong"), &pull);
    assert_eq!(status, 401);
    check(&spec, "Error", &err);
    let (status, err) = post(&format!("{}/v1/nowhere", ep.url), None, &pull);
    assert_eq!(status, 404);
    check(&spec, "Error", &err);

    // The organizer's commands: what a canvasser's token is told, and what
    // an organizer sends and gets back.
    let users = json!({ "cmd": "users" });
    check(&spec, "Organize", &users);
    let (status, err) = post(&format!("{}/v1/organize", ep.url), Some(token), &users);
    assert_eq!(status, 403);
    check(&spec, "Error", &err);
    cli(&data, &["user", "add", "--name", "Olu", "--role", "organizer"]);
    let (_, olu) = post(&format!("{}/v1/pair", ep.url), None, &json!({ "code": pairing_code(&data, "Olu"), "device_name": "Olu's laptop" }));
    let olu = olu["token"].as_str().unwrap();
    for cmd in [users, json!({ "cmd": "devices" }), json!({ "cmd": "attempts" }), json!({ "cmd": "pairing_code", "user": "Mai", "url": ep.url })] {
        check(&spec, "Organize", &cmd);
        let (status, reply) = post(&format!("{}/v1/organize", ep.url), Some(olu), &cmd);
        assert_eq!(status, 200, "{cmd}: {reply}");
        check(&spec, "OrganizeReply", &reply);
        if cmd["cmd"] == "devices" {
            assert!(reply["data"].as_array().unwrap().iter().any(|d| d["name"] == "Olu's laptop"), "{reply}");
        }
    }
}
