//! Nothing lost when a device or the endpoint goes back in time: a device's
//! folder restored from a copy (what a restore of the app's data does, and
//! what a battery death can do to its last commits), then the endpoint's
//! store restored from a backup taken minutes earlier. Both against the real
//! `doorstep serve` process, ending with every attempt on the endpoint
//! exactly once and no person having to act.

use doorstep_core::device::Device;
use doorstep_core::device::api::{NewAttempt, NewPerson, PersonEdit};
use doorstep_tests::*;
use std::collections::{HashMap, HashSet};
use std::path::Path;

fn copy_dir(from: &Path, to: &Path) {
    if to.exists() {
        std::fs::remove_dir_all(to).unwrap();
    }
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

fn knock(device: &Device, person: uuid::Uuid, list: uuid::Uuid) -> String {
    device
        .record_attempt(NewAttempt { person_id: Some(person), list_id: Some(list), result: "not_home".into(), ..Default::default() })
        .unwrap()
        .id
        .to_string()
}

/// Every attempt id on the endpoint, with how many times it is there.
fn held(data: &Path) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for id in endpoint_attempts(data) {
        *counts.entry(id).or_insert(0) += 1;
    }
    counts
}

fn assert_exactly_once(data: &Path, made: &HashSet<String>, when: &str) {
    let counts = held(data);
    for id in made {
        assert_eq!(counts.get(id), Some(&1), "{when}: attempt {id} should be on the endpoint exactly once; it holds {counts:?}");
    }
    assert!(counts.values().all(|&n| n == 1), "{when}: duplicates {counts:?}");
}

#[test]
fn a_restored_device_then_a_restored_endpoint_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("endpoint");
    let org = setup_org(&data, 300, 40, "Mai");
    cli(&data, &["user", "add", "--name", "Ana", "--role", "canvasser", "--speaks", "es"]);
    cli(&data, &["list", "assign", "--list", &org.list, "--user", "Ana", "--share"]);
    let mut ep = Endpoint::start(&data, 0);
    let port = ep.port();
    let list: uuid::Uuid = org.list.parse().unwrap();

    let mai_home = dir.path().join("mai");
    let mai = paired_device(dir.path(), &ep, "Mai", "mai");
    let people: Vec<uuid::Uuid> = mai.people().unwrap().iter().map(|p| p.id).collect();
    assert!(people.len() >= 10, "the list holds people");
    let mut made = HashSet::new();

    // 1. The device's folder goes back to a copy taken before its last
    // synced attempt. Its next attempt reuses that attempt's number.
    drop(mai);
    let copy = dir.path().join("mai-copy");
    copy_dir(&mai_home, &copy);
    let mai = Device::open(&mai_home).unwrap();
    made.insert(knock(&mai, people[0], list));
    mai.sync_now().unwrap();
    assert_eq!(mai.status().unwrap().pending, 0);
    drop(mai);
    copy_dir(&copy, &mai_home);
    let mai = Device::open(&mai_home).unwrap();
    assert!(mai.status().unwrap().pending == 0 && mai.people().unwrap().len() == people.len(), "the copy is as it was");
    let second = knock(&mai, people[1], list);
    made.insert(second.clone());
    mai.sync_now().unwrap();
    mai.sync_now().unwrap();
    assert_eq!(mai.status().unwrap().pending, 0);
    assert_exactly_once(&data, &made, "after the device's restore");
    // The device gets back what it had lost: its first attempt, at the
    // endpoint, shows its door as done again.
    let doors = mai.doors(list).unwrap();
    let first_door = mai.people().unwrap().iter().find(|p| p.id == people[0]).and_then(|p| p.household_id).unwrap();
    assert!(doors.iter().any(|d| d.household_id == first_door && d.done), "the restored device sees its own attempt again");

    // 2. The endpoint's store goes back to a backup taken minutes earlier,
    // after which both canvassers recorded and synced work.
    let ana = paired_device(dir.path(), &ep, "Ana", "ana");
    ep.kill();
    let backup = dir.path().join("endpoint-backup");
    copy_dir(&data, &backup);
    ep = Endpoint::start(&data, port);

    made.insert(knock(&mai, people[2], list));
    made.insert(knock(&mai, people[3], list));
    mai.edit_person(people[4], PersonEdit { phones: Some(vec!["(213) 555-0144".into()]), ..Default::default() }).unwrap();
    let walk_in = mai
        .add_person(NewPerson {
            household_id: None,
            list_id: Some(list),
            given_name: "Linh".into(),
            family_name: "Restorova".into(),
            phone: Some("213-555-0199".into()),
            ..Default::default()
        })
        .unwrap();
    made.insert(knock(&mai, walk_in.id, list));
    mai.sync_now().unwrap();
    made.insert(knock(&ana, people[5], list));
    ana.sync_now().unwrap();
    assert_exactly_once(&data, &made, "before the endpoint's restore");

    ep.kill();
    copy_dir(&backup, &data);
    let _ep = Endpoint::start(&data, port);
    // Mai has new work to push; Ana has nothing pending and learns of the
    // loss from her pull.
    made.insert(knock(&mai, people[6], list));
    let report = mai.sync_now().unwrap();
    assert!(report.resent > 0, "Mai's device sent its held work again: {report:?}");
    let report = ana.sync_now().unwrap();
    assert!(report.resent > 0, "Ana's device sent its held work again: {report:?}");
    for d in [&mai, &ana] {
        d.sync_now().unwrap();
        assert_eq!(d.status().unwrap().pending, 0);
    }
    assert_exactly_once(&data, &made, "after the endpoint's restore");
    assert_eq!(held(&data).len(), made.len(), "nothing else arrived");

    // Edits and people added in the field came back too.
    let found = cli_json(&data, &["search", "Restorova", "--json"]);
    assert_eq!(found.as_array().map(Vec::len), Some(1), "the walk-in is on the endpoint once: {found}");
    let edited = cli_json(&data, &["search", "213 555 0144", "--json"]);
    assert!(edited.as_array().is_some_and(|a| a.iter().any(|p| p["id"] == people[4].to_string())), "the phone edit is back: {edited}");

    // And both devices converge: each shows exactly the knocked doors done.
    let homes: HashMap<uuid::Uuid, Option<uuid::Uuid>> = mai.people().unwrap().iter().map(|p| (p.id, p.household_id)).collect();
    let knocked: HashSet<uuid::Uuid> = [0, 1, 2, 3, 5, 6].iter().filter_map(|&i| homes[&people[i]]).collect();
    for (name, d) in [("Mai", &mai), ("Ana", &ana)] {
        let done: HashSet<uuid::Uuid> = d.doors(list).unwrap().iter().filter(|d| d.done).map(|d| d.household_id).collect();
        assert_eq!(done, knocked, "{name}'s device shows the knocked doors done");
    }
}
