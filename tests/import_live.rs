//! A large import into the store a running endpoint serves never makes a
//! push wait more than a moment, and never fails one, nor a pull (issue 14,
//! finding 9): the real `doorstep serve`, a real `doorstep import` in its
//! own process, and a device pushing and pulling the whole time.

use doorstep_core::domain::{Attempt, ContactResult};
use doorstep_core::sync::proto::{Op, OpBody, PushRequest, PushResponse};
use doorstep_tests::{Endpoint, cli, cli_json, doorstep_bin, endpoint_attempts, pairing_code, setup_org};
use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use uuid::Uuid;

/// Rows of the file imported while the device pushes.
const ROWS: u64 = 200_000;
/// People in the store, and on the device's list, before it.
const LIVE: u64 = 2000;
/// A correctness bound, not a speed target (speed is `doorstep bench
/// import-live`'s): a request that waits for the import's write lock waits
/// for SQLite's busy timeout, 10 s, and then fails. Nothing else in a push
/// of a few attempts, or a pull of a 300-person list, over loopback comes
/// near 2 s, even on a slow machine.
const SLOWEST: Duration = Duration::from_secs(2);
/// Pushes before the import starts and after it ends, so that the whole of
/// it is covered.
const MARGIN: Duration = Duration::from_millis(500);

/// One push as the device saw it.
struct Sample {
    sent: Instant,
    took: Duration,
    /// None: acknowledged; else the status and the endpoint's message.
    failure: Option<String>,
}

/// Pushes a few attempts on `people` every 20 ms until `stop`, sending
/// again what was not acknowledged, as a device's outbox does. Returns
/// every push and the ids of the attempts acknowledged.
fn push_until(url: &str, token: &str, people: &[Uuid], stop: &AtomicBool) -> (Vec<Sample>, Vec<Uuid>) {
    let client = reqwest::blocking::Client::builder().timeout(Duration::from_secs(60)).build().unwrap();
    let (mut samples, mut acked, mut pending) = (Vec::new(), Vec::new(), Vec::<Op>::new());
    let mut seq = 0i64;
    let give_up = |since: Instant| since.elapsed() > Duration::from_secs(60);
    let mut stopped_at = None;
    loop {
        if stop.load(Ordering::SeqCst) {
            let since = *stopped_at.get_or_insert_with(Instant::now);
            if pending.is_empty() || give_up(since) {
                break;
            }
        } else {
            for _ in 0..5 {
                seq += 1;
                let attempt = Attempt::knock(people[seq as usize % people.len()], ContactResult::NotHome);
                pending.push(Op { seq, op_id: Uuid::now_v7(), body: OpBody::Attempt { attempt } });
            }
        }
        let sent = Instant::now();
        let answer = client.post(format!("{url}/v1/push")).bearer_auth(token).json(&PushRequest { ops: pending.clone() }).send();
        let took = sent.elapsed();
        let failure = match answer {
            Ok(resp) if resp.status().is_success() => {
                let ack: PushResponse = resp.json().expect("a push answer");
                let (done, rest): (Vec<Op>, Vec<Op>) = pending.drain(..).partition(|o| o.seq <= ack.acked_seq);
                acked.extend(done.into_iter().map(|o| match o.body {
                    OpBody::Attempt { attempt } => attempt.id,
                    other => panic!("sent only attempts, not {other:?}"),
                }));
                pending = rest;
                None
            }
            Ok(resp) => Some(format!("{} {}", resp.status().as_u16(), resp.text().unwrap_or_default())),
            Err(e) => Some(format!("no answer: {e}")),
        };
        samples.push(Sample { sent, took, failure });
        std::thread::sleep(Duration::from_millis(20));
    }
    (samples, acked)
}

/// Pulls the device's lists from the start every 200 ms until `stop`: a
/// pull reads, but notes the device as seen, which is a write.
fn pull_until(url: &str, token: &str, stop: &AtomicBool) -> Vec<Sample> {
    let client = reqwest::blocking::Client::builder().timeout(Duration::from_secs(60)).build().unwrap();
    let mut samples = Vec::new();
    while !stop.load(Ordering::SeqCst) {
        let sent = Instant::now();
        let answer = client.post(format!("{url}/v1/pull")).bearer_auth(token).json(&serde_json::json!({ "scopes": {} })).send();
        let took = sent.elapsed();
        let failure = match answer {
            Ok(resp) if resp.status().is_success() => {
                let page: serde_json::Value = resp.json().expect("a pull answer");
                (page["pages"].as_array().map_or(0, Vec::len) != 1).then(|| format!("expected one list's page: {page:.200}"))
            }
            Ok(resp) => Some(format!("{} {}", resp.status().as_u16(), resp.text().unwrap_or_default())),
            Err(e) => Some(format!("no answer: {e}")),
        };
        samples.push(Sample { sent, took, failure });
        std::thread::sleep(Duration::from_millis(200));
    }
    samples
}

/// The values of one column of a generated voter file: tab-separated, a
/// header, every field quoted, none holding a tab or a line break.
fn column(file: &Path, name: &str) -> Vec<String> {
    let text = std::fs::read_to_string(file).unwrap();
    let mut lines = text.lines();
    let cells = |line: &str| line.split('\t').map(|c| c.trim_matches('"').to_owned()).collect::<Vec<_>>();
    let i = cells(lines.next().unwrap()).iter().position(|h| h == name).unwrap_or_else(|| panic!("no {name} column"));
    lines.map(|l| cells(l).swap_remove(i)).collect()
}

fn read_only(data: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open_with_flags(data.join("doorstep.db"), rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap()
}

#[test]
fn neither_pushes_nor_pulls_wait_for_or_fail_on_a_large_import_into_the_live_store() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("endpoint");
    // The live store: an organization, a canvasser with a list, and below
    // a paired device. The big file's first rows are the same voters (a
    // generated file's rows do not depend on its length): the organizer's
    // new voter file for the same county, updating some, adding most.
    let org = setup_org(&data, LIVE, 500, "Kim");
    let big = dir.path().join("big.txt");
    cli(&data, &["gen-voters", "--count", &ROWS.to_string(), "--seed", "11", "--out", big.to_str().unwrap()]);
    let org_id: Uuid = cli_json(&data, &["org", "list", "--json"])[0]["id"].as_str().unwrap().parse().unwrap();
    let people: Vec<Uuid> = {
        let conn = read_only(&data);
        let mut stmt = conn.prepare("SELECT person_id FROM list_people WHERE list_id = ?1").unwrap();
        let list: Uuid = org.list.parse().unwrap();
        stmt.query_map([list], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
    };
    assert!(!people.is_empty());

    let ep = Endpoint::start(&data, 0);
    let paired: serde_json::Value = reqwest::blocking::Client::new()
        .post(format!("{}/v1/pair", ep.url))
        .json(&serde_json::json!({ "code": pairing_code(&data, &org.user) }))
        .send()
        .unwrap()
        .json()
        .unwrap();
    let token = paired["token"].as_str().unwrap_or_else(|| panic!("pairing answered {paired}")).to_owned();

    let stop = Arc::new(AtomicBool::new(false));
    let pusher = {
        let (url, token, stop, people) = (ep.url.clone(), token.clone(), stop.clone(), people.clone());
        std::thread::spawn(move || push_until(&url, &token, &people, &stop))
    };
    let puller = {
        let (url, stop) = (ep.url.clone(), stop.clone());
        std::thread::spawn(move || pull_until(&url, &token, &stop))
    };
    std::thread::sleep(MARGIN);
    let import_started = Instant::now();
    let out = std::process::Command::new(doorstep_bin())
        .arg("--data")
        .arg(&data)
        .args(["import", big.to_str().unwrap(), "--json"])
        .output()
        .unwrap();
    let import_ended = Instant::now();
    std::thread::sleep(MARGIN);
    stop.store(true, Ordering::SeqCst);
    let (samples, acked) = pusher.join().unwrap();
    let pulls = puller.join().unwrap();
    assert!(out.status.success(), "the import failed: {}", String::from_utf8_lossy(&out.stderr));
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["rows"], ROWS, "{summary}");

    let during = samples.iter().filter(|s| s.sent >= import_started && s.sent <= import_ended).count();
    assert!(during >= 5, "only {during} pushes were sent while the import ran ({:?}): the test proves nothing", import_ended - import_started);
    let failed: Vec<&str> = samples.iter().filter_map(|s| s.failure.as_deref()).collect();
    let slowest = samples.iter().map(|s| s.took).max().unwrap();
    assert!(
        failed.is_empty(),
        "{} of {} pushes failed during an import of {:?} (slowest push {slowest:?}): {:?}",
        failed.len(),
        samples.len(),
        import_ended - import_started,
        failed.iter().take(3).collect::<Vec<_>>()
    );
    assert!(
        slowest <= SLOWEST,
        "a push took {slowest:?} during an import of {:?} ({} pushes, {during} while importing)",
        import_ended - import_started,
        samples.len()
    );

    // Pulls neither: the field reads its lists during an import too.
    let pull_failures: Vec<&str> = pulls.iter().filter_map(|s| s.failure.as_deref()).collect();
    let slowest_pull = pulls.iter().map(|s| s.took).max().unwrap();
    assert!(
        pull_failures.is_empty(),
        "{} of {} pulls failed during the import (slowest pull {slowest_pull:?}): {:?}",
        pull_failures.len(),
        pulls.len(),
        pull_failures.iter().take(3).collect::<Vec<_>>()
    );
    assert!(slowest_pull <= SLOWEST, "a pull took {slowest_pull:?} during the import");

    // Every acknowledged attempt is on the endpoint exactly once; pushes
    // queued during the import may still be on their way into the store.
    let deadline = Instant::now() + Duration::from_secs(60);
    let held = loop {
        let held = endpoint_attempts(&data);
        if held.len() >= acked.len() || Instant::now() > deadline {
            break held;
        }
        std::thread::sleep(Duration::from_millis(250));
    };
    let mut held: Vec<Uuid> = held.iter().map(|id| id.parse().unwrap()).collect();
    let mut sent = acked.clone();
    held.sort();
    sent.sort();
    assert_eq!(held.len(), sent.len(), "attempts acknowledged vs held by the endpoint");
    assert!(held == sent, "the endpoint holds other attempts than the ones acknowledged");

    // And the import's people are all there, each once.
    let ncids: HashSet<String> = column(&big, "ncid").into_iter().collect();
    let conn = read_only(&data);
    let mut stmt = conn.prepare("SELECT value FROM external_ids WHERE org_id = ?1 AND scheme = 'ncid'").unwrap();
    let stored: Vec<String> = stmt.query_map([org_id], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    let people_rows: i64 = conn.query_row("SELECT count(*) FROM people WHERE org_id = ?1", [org_id], |r| r.get(0)).unwrap();
    assert_eq!(stored.len(), ncids.len(), "voter ids stored vs in the file");
    assert!(stored.into_iter().collect::<HashSet<_>>() == ncids, "the stored voter ids are not the file's");
    assert_eq!(people_rows as usize, ncids.len(), "one person per voter id");
}
