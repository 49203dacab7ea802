//! `doorstep list cut` and `list assign`, the real binary on a generated
//! voter file: a split's turfs hold every door once and under the cap, a
//! dry run writes nothing, bad filters are refused naming the flag, and the
//! turfs reach the devices of the users they are assigned to, and leave
//! them when reassigned.

use doorstep_tests::*;
use serde_json::Value;
use std::collections::HashSet;
use std::path::Path;
use std::process::Command;

const CAP: u64 = 25;

/// Runs `doorstep --data DATA ARGS…` whatever its outcome: (success, stdout, stderr).
fn run(data: &Path, args: &[&str]) -> (bool, String, String) {
    let out = Command::new(doorstep_bin()).arg("--data").arg(data).args(args).output().expect("running doorstep");
    (out.status.success(), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn turfs(v: &Value) -> Vec<(Option<String>, String, u64, u64)> {
    v.as_array()
        .expect("an array of lists")
        .iter()
        .map(|l| {
            (l["id"].as_str().map(str::to_owned), l["name"].as_str().unwrap().to_owned(), l["doors"].as_u64().unwrap(), l["people"].as_u64().unwrap())
        })
        .collect()
}

#[test]
fn cut_split_turfs_sync_to_the_assigned_device_and_move_when_reassigned() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("endpoint");
    std::fs::create_dir_all(&data).unwrap();
    let file = dir.path().join("voters.csv");
    cli(&data, &["gen-voters", "--count", "400", "--seed", "3", "--layout", "csv", "--out", file.to_str().unwrap()]);
    cli(&data, &["import", file.to_str().unwrap()]);
    let cap = CAP.to_string();
    let cut = ["list", "cut", "--name", "Turf", "--split", "--max-doors", cap.as_str(), "--json"];

    // The preview, then the cut: the same turfs, ids only once written.
    let preview = turfs(&cli_json(&data, &[&cut[..], &["--dry-run"]].concat()));
    assert!(preview.len() >= 3, "400 voters make several turfs of {CAP}: {preview:?}");
    assert!(preview.iter().all(|t| t.0.is_none()), "a dry run writes no list");
    let (shown, _, err) = run(&data, &["list", "show", "Turf 1"]);
    assert!(!shown && err.contains("no list matches \"Turf 1\""), "the dry run wrote nothing: {err}");
    let made = turfs(&cli_json(&data, &cut));
    let strip = |t: &[(Option<String>, String, u64, u64)]| t.iter().map(|t| (t.1.clone(), t.2, t.3)).collect::<Vec<_>>();
    assert_eq!(strip(&made), strip(&preview));
    for (i, t) in made.iter().enumerate() {
        assert_eq!(t.1, format!("Turf {}", i + 1));
        assert!(t.2 >= 1 && t.2 <= CAP, "{} has {} doors", t.1, t.2);
    }

    // Every door on exactly one turf, as many doors and people as it says.
    let mut doors = HashSet::new();
    for (id, name, n_doors, n_people) in &made {
        let shown = cli_json(&data, &["list", "show", id.as_deref().unwrap(), "--json"]);
        let shown = shown.as_array().unwrap();
        assert_eq!(shown.len() as u64, *n_doors, "{name}");
        assert_eq!(shown.iter().map(|d| d["people"].as_array().unwrap().len() as u64).sum::<u64>(), *n_people, "{name}");
        for d in shown {
            assert!(doors.insert(d["household"]["id"].as_str().unwrap().to_owned()), "a door on two turfs");
        }
    }
    // The same filter again is refused, whole: the names are taken.
    let (ok, _, err) = run(&data, &cut);
    assert!(!ok && err.contains("\"Turf 1\" already exists"), "{err}");

    // Bad filters name their flag; an unknown precinct is no one, and says so.
    let (ok, _, err) = run(&data, &["list", "cut", "--name", "X", "--near", "35.77", "--radius-m", "500"]);
    assert!(!ok && err.contains("--near"), "{err}");
    let (ok, _, err) = run(&data, &["list", "cut", "--name", "X", "--near", "35.77,-78.63"]);
    assert!(!ok && err.contains("--radius-m"), "{err}");
    let (ok, out, err) = run(&data, &["list", "cut", "--name", "X", "--precinct", "NOWHERE-1", "--json"]);
    assert!(ok, "{err}");
    assert_eq!(serde_json::from_str::<Value>(&out).unwrap(), serde_json::json!([]));
    assert!(err.contains("precinct \"NOWHERE-1\" is not in the voter file"), "{err}");

    // Mai gets the first two turfs; her phone syncs them, and only them.
    cli(&data, &["user", "add", "--name", "Mai", "--role", "canvasser"]);
    cli(&data, &["user", "add", "--name", "Binh", "--role", "canvasser"]);
    cli(&data, &["list", "assign", "--list", "Turf 1", "--user", "Mai"]);
    cli(&data, &["list", "assign", "--list", "Turf 2", "--user", "Mai"]);
    let ep = Endpoint::start(&data, 0);
    let mai = paired_device(dir.path(), &ep, "Mai", "mai");
    let held = |d: &doorstep_core::device::Device| {
        let mut l: Vec<(String, u64, u64)> =
            d.lists().unwrap().into_iter().map(|l| (l.name, l.doors as u64, l.people as u64)).collect();
        l.sort();
        l
    };
    assert_eq!(held(&mai), strip(&made[..2]));
    assert_eq!(mai.people().unwrap().len() as u64, made[0].3 + made[1].3);

    // Turf 2 goes to Binh: assigning again takes it from Mai.
    let moved = cli_json(&data, &["list", "assign", "--list", "Turf 2", "--user", "Binh", "--json"]);
    let mai_id = cli_json(&data, &["user", "list", "--json"]);
    let mai_id = mai_id.as_array().unwrap().iter().find(|u| u["name"] == "Mai").unwrap()["id"].clone();
    assert_eq!(moved["previous"][0]["id"], serde_json::json!(mai_id));
    mai.sync_now().unwrap();
    assert_eq!(held(&mai), strip(&made[..1]), "Mai's phone dropped the turf taken from her");
    let binh = paired_device(dir.path(), &ep, "Binh", "binh");
    assert_eq!(held(&binh), strip(&made[1..2]));
}
