//! `doorstep bench sync`: sync over loopback against a real endpoint
//! process, with PouchDB doing the same work in the same run.

use crate::print_json;
use anyhow::{Context, Result, bail};
use doorstep_core::device::Device;
use doorstep_core::device::api::NewAttempt;
use doorstep_core::domain::{Attempt, ContactResult};
use doorstep_core::store::Store;
use doorstep_core::sync::proto::{Op, OpBody, PushRequest, PushResponse};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

#[derive(clap::Args)]
pub struct SyncBenchArgs {
    /// Attempts pushed by one device (and pulled by a fresh one).
    #[arg(long, default_value_t = 10_000)]
    attempts: usize,
    /// People on the list a fresh device pulls first.
    #[arg(long, default_value_t = 50_000)]
    list_people: usize,
    /// The end-of-shift storm: this many devices push at once…
    #[arg(long, default_value_t = 500)]
    devices: usize,
    /// …this many attempts each.
    #[arg(long, default_value_t = 200)]
    per_device: usize,
    /// Times the push and the pull, and PouchDB's, are each measured; the
    /// comparison is of their medians. One measurement of each moves by
    /// ±20% from run to run on a 2-core machine.
    #[arg(long, default_value_t = 3)]
    repeat: usize,
    /// Where the PouchDB runner lives; skipped with --no-pouchdb.
    #[arg(long, default_value = "bench/pouchdb")]
    pouchdb: PathBuf,
    #[arg(long)]
    no_pouchdb: bool,
    #[arg(long)]
    json: bool,
}

pub(crate) struct Endpoint(Child, pub(crate) String);

impl Drop for Endpoint {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub(crate) fn start_endpoint(data: &Path) -> Result<Endpoint> {
    let mut child = Command::new(std::env::current_exe()?)
        .arg("--data")
        .arg(data)
        .args(["serve", "--listen", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()?;
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("piped")).read_line(&mut line)?;
    let url = line.trim().strip_prefix("listening on ").context("the endpoint did not start")?.to_owned();
    Ok(Endpoint(child, url))
}

/// Counts the bytes that cross it, both ways, for one upstream.
fn counting_proxy(upstream: String) -> Result<(String, Arc<AtomicU64>)> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let url = format!("http://{}", listener.local_addr()?);
    let bytes = Arc::new(AtomicU64::new(0));
    let counter = bytes.clone();
    let addr = upstream.trim_start_matches("http://").to_owned();
    std::thread::spawn(move || {
        for client in listener.incoming().flatten() {
            let Ok(server) = TcpStream::connect(&addr) else { continue };
            for (mut from, mut to) in [(client.try_clone().unwrap(), server.try_clone().unwrap()), (server, client)] {
                let counter = counter.clone();
                std::thread::spawn(move || {
                    let mut buf = [0u8; 16384];
                    while let Ok(n) = from.read(&mut buf) {
                        if n == 0 || to.write_all(&buf[..n]).is_err() {
                            break;
                        }
                        counter.fetch_add(n as u64, Ordering::Relaxed);
                    }
                    let _ = to.shutdown(std::net::Shutdown::Write);
                });
            }
        }
    });
    Ok((url, bytes))
}

pub(crate) fn cli(data: &Path, args: &[&str]) -> Result<serde_json::Value> {
    let out = Command::new(std::env::current_exe()?).arg("--data").arg(data).args(args).output()?;
    if !out.status.success() {
        bail!("doorstep {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
    Ok(serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null))
}

pub(crate) fn code(data: &Path, user: &str) -> Result<String> {
    Ok(cli(data, &["pairing-code", "--user", user, "--json"])?["code"].as_str().unwrap_or_default().to_owned())
}

fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    percentile(&sorted, 0.5)
}

pub(crate) fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted.get(((sorted.len() as f64 - 1.0) * p).round() as usize).copied().unwrap_or(f64::NAN)
}

pub fn run(args: SyncBenchArgs) -> Result<()> {
    let dir = tempfile::Builder::new().prefix("doorstep-bench-sync").tempdir()?;
    let data = dir.path().join("endpoint");
    std::fs::create_dir_all(&data)?;
    eprintln!("generating voters for a {}-person list…", args.list_people);
    let voters = dir.path().join("voters.txt");
    // Walk lists keep households whole and skip do-not-contact: generate spare.
    let count = (args.list_people as f64 * 1.15) as u64 + 5000;
    doorstep_gen::write_voters(
        &doorstep_gen::GenOptions { count, seed: 77, layout: doorstep_gen::Layout::Ncvoter },
        std::io::BufWriter::new(std::fs::File::create(&voters)?),
    )?;
    cli(&data, &["import", voters.to_str().unwrap(), "--json"])?;
    for user in ["Pusher", "Holder", "Puller", "Fresh", "Storm"] {
        cli(&data, &["user", "add", "--name", user, "--role", "canvasser", "--json"])?;
    }
    let small = cli(&data, &["list", "create", "--name", "Small", "--limit", "2000", "--json"])?;
    let big = cli(&data, &["list", "create", "--name", "Big", "--limit", &args.list_people.to_string(), "--json"])?;
    for (list, user) in [("Small", "Pusher"), ("Small", "Holder"), ("Small", "Puller"), ("Big", "Fresh"), ("Small", "Storm")] {
        cli(&data, &["list", "assign", "--list", list, "--user", user, "--share"])?;
    }
    let ep = start_endpoint(&data)?;
    let url = ep.1.clone();

    // 1. The first pull of a big list, through a byte-counting proxy,
    // before anyone knocks: people and households, as the CSV holds.
    eprintln!("first pull of a {}-person list…", big["people"]);
    let (proxy_url, wire) = counting_proxy(url.clone())?;
    let fresh = Device::open(&dir.path().join("fresh"))?;
    let started = Instant::now();
    fresh.pair(&code(&data, "Fresh")?, Some(&proxy_url), None).map_err(|e| anyhow::anyhow!(e.message))?;
    let big_pull_seconds = started.elapsed().as_secs_f64();
    let big_people = fresh.status().map_err(|e| anyhow::anyhow!(e.message))?.people;
    let wire_bytes = wire.load(Ordering::Relaxed);
    let csv_gzip_bytes = gzip_csv_of_list(&data, big["id"].as_str().unwrap_or_default(), dir.path())?;

    // 2. One device pushes N attempts; 3. a device that held the list
    // before anyone knocked, as a canvasser's phone does at the start of a
    // shift, pulls them: PouchDB's pull, N documents the client does not
    // have yet. Repeated with new devices; the first round's attempts are
    // the ones a fresh device pulls below.
    let repeat = args.repeat.max(1);
    let (mut push_runs, mut pull_runs) = (Vec::new(), Vec::new());
    let mut fresh_pull = None;
    for round in 0..repeat {
        let holder = Device::open(&dir.path().join(format!("holder{round}")))?;
        holder.pair(&code(&data, "Holder")?, Some(&url), None).map_err(|e| anyhow::anyhow!(e.message))?;
        let held_before = holder.status().map_err(|e| anyhow::anyhow!(e.message))?.attempts;
        eprintln!("push of {} attempts ({} of {repeat})…", args.attempts, round + 1);
        let pusher = Device::open(&dir.path().join(format!("pusher{round}")))?;
        pusher.pair(&code(&data, "Pusher")?, Some(&url), None).map_err(|e| anyhow::anyhow!(e.message))?;
        let people: Vec<_> = pusher.people().map_err(|e| anyhow::anyhow!(e.message))?.into_iter().map(|p| p.id).collect();
        for i in 0..args.attempts {
            pusher
                .record_attempt(NewAttempt { person_id: Some(people[i % people.len()]), result: "not_home".into(), ..Default::default() })
                .map_err(|e| anyhow::anyhow!(e.message))?;
        }
        // The push alone: the same sync then pulls the list back, timed apart.
        push_runs.push(pusher.sync_now()?.push_seconds);
        pull_runs.push(holder.sync_now()?.pull_seconds);
        let held = holder.status().map_err(|e| anyhow::anyhow!(e.message))?.attempts - held_before;
        if held as usize != args.attempts {
            bail!("the holding device pulled {held} attempts, expected {}", args.attempts);
        }
        if round == 0 {
            // 4. A fresh device pairs and pulls those attempts with their list.
            let puller = Device::open(&dir.path().join("puller"))?;
            let started = Instant::now();
            puller.pair(&code(&data, "Puller")?, Some(&url), None).map_err(|e| anyhow::anyhow!(e.message))?;
            let seconds = started.elapsed().as_secs_f64();
            let status = puller.status().map_err(|e| anyhow::anyhow!(e.message))?;
            if status.attempts as usize != args.attempts {
                bail!("the fresh device holds {} attempts, expected {}", status.attempts, args.attempts);
            }
            fresh_pull = Some((seconds, status));
        }
    }
    let (pull_attempts_seconds, puller_status) = fresh_pull.expect("the first round ran");
    let (push_seconds, pull_new_seconds) = (median(&push_runs), median(&pull_runs));

    // 5. The end-of-shift storm.
    eprintln!("storm: {} devices × {} attempts…", args.devices, args.per_device);
    let small_id: uuid::Uuid = small["id"].as_str().unwrap_or_default().parse()?;
    let storm_people: Vec<uuid::Uuid> = {
        let store = Store::open(&data.join("doorstep.db"))?;
        let mut stmt = store.conn().prepare("SELECT person_id FROM list_people WHERE list_id = ?1")?;
        stmt.query_map([small_id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?
    };
    let client = reqwest::blocking::Client::builder().pool_max_idle_per_host(0).build()?;
    let mut tokens = Vec::with_capacity(args.devices);
    for _ in 0..args.devices {
        let resp: serde_json::Value = client.post(format!("{url}/v1/pair")).json(&serde_json::json!({ "code": code(&data, "Storm")? })).send()?.json()?;
        tokens.push(resp["token"].as_str().context("pairing in the storm")?.to_owned());
    }
    let barrier = Arc::new(std::sync::Barrier::new(args.devices + 1));
    let handles: Vec<_> = tokens
        .into_iter()
        .enumerate()
        .map(|(d, token)| {
            let (client, url, barrier, people) = (client.clone(), url.clone(), barrier.clone(), storm_people.clone());
            let per = args.per_device;
            std::thread::spawn(move || -> Result<f64> {
                let ops = (0..per)
                    .map(|i| Op {
                        seq: i as i64 + 1,
                        op_id: uuid::Uuid::now_v7(),
                        body: OpBody::Attempt { attempt: Attempt::knock(people[(d * per + i) % people.len()], ContactResult::NotHome) },
                    })
                    .collect();
                let body = zstd::encode_all(&serde_json::to_vec(&PushRequest { ops })?[..], 3)?;
                barrier.wait();
                let started = Instant::now();
                let resp = client
                    .post(format!("{url}/v1/push"))
                    .bearer_auth(token)
                    .header("content-type", "application/json")
                    .header("content-encoding", "zstd")
                    .body(body)
                    .send()?;
                if !resp.status().is_success() {
                    bail!("push answered {}", resp.status());
                }
                let ack: PushResponse = resp.json()?;
                if ack.acked_seq != per as i64 {
                    bail!("acknowledged {} of {per}", ack.acked_seq);
                }
                Ok(started.elapsed().as_secs_f64())
            })
        })
        .collect();
    barrier.wait();
    let started = Instant::now();
    let mut latencies = Vec::with_capacity(args.devices);
    for h in handles {
        latencies.push(h.join().map_err(|_| anyhow::anyhow!("a storm thread panicked"))??);
    }
    let storm_seconds = started.elapsed().as_secs_f64();
    latencies.sort_by(f64::total_cmp);
    let held = cli(&data, &["attempts", "--json"])?.as_array().map(Vec::len).unwrap_or(0);
    let expected = args.attempts * repeat + args.devices * args.per_device;
    if held != expected {
        bail!("the endpoint holds {held} attempts, expected {expected}: something was lost");
    }

    // 6. PouchDB doing the same push and pull, in the same run.
    let pouch = if args.no_pouchdb {
        None
    } else {
        let runs = (0..repeat).map(|_| run_pouchdb(&args.pouchdb, args.attempts)).collect::<Result<Vec<_>>>()?;
        let times = |key: &str| runs.iter().map(|r| r[key].as_f64().unwrap_or(f64::NAN)).collect::<Vec<_>>();
        Some(serde_json::json!({
            "push_seconds": median(&times("push_seconds")), "pull_seconds": median(&times("pull_seconds")),
            "push_runs": times("push_seconds"), "pull_runs": times("pull_seconds"), "runs": runs,
        }))
    };
    let ratio = |key: &str, ours: f64| pouch.as_ref().and_then(|p| p[key].as_f64()).map(|theirs| theirs / ours);

    let report = serde_json::json!({
        "push": { "attempts": args.attempts, "seconds": push_seconds, "per_second": args.attempts as f64 / push_seconds, "runs": push_runs },
        "pull_new_attempts": { "attempts": args.attempts, "seconds": pull_new_seconds, "runs": pull_runs },
        "fresh_device_pull": { "attempts": args.attempts, "people": puller_status.people, "seconds": pull_attempts_seconds },
        "first_pull": { "people": big_people, "seconds": big_pull_seconds, "wire_bytes": wire_bytes,
                        "csv_gzip9_bytes": csv_gzip_bytes, "wire_vs_csv_gzip9": wire_bytes as f64 / csv_gzip_bytes as f64 },
        "storm": { "devices": args.devices, "attempts_each": args.per_device, "seconds": storm_seconds,
                   "attempts_per_second": (args.devices * args.per_device) as f64 / storm_seconds,
                   "p50_ms": percentile(&latencies, 0.5) * 1000.0, "p99_ms": percentile(&latencies, 0.99) * 1000.0,
                   "lost": 0 },
        "pouchdb": pouch,
        "faster_than_pouchdb": {
            "push": ratio("push_seconds", push_seconds),
            "pull": ratio("pull_seconds", pull_new_seconds),
            "fresh_device_pull": ratio("pull_seconds", pull_attempts_seconds),
        },
    });
    if args.json {
        return print_json(&report);
    }
    println!("sync over loopback (endpoint: doorstep serve, embedded SQLite):");
    let each = |runs: &[f64]| runs.iter().map(|s| format!("{s:.3}")).collect::<Vec<_>>().join(" / ");
    println!("  push {} attempts           {push_seconds:>7.3} s  ({:.0}/s; median of {})", args.attempts, args.attempts as f64 / push_seconds, each(&push_runs));
    println!("  a device holding the list pulls them {pull_new_seconds:>7.3} s (median of {})", each(&pull_runs));
    println!("  a fresh device pairs and pulls them with the list {pull_attempts_seconds:>7.3} s");
    println!("  first pull, {big_people} people    {big_pull_seconds:>7.3} s, {:.1} MB on the wire; gzip -9 CSV of the same rows {:.1} MB",
        wire_bytes as f64 / 1e6, csv_gzip_bytes as f64 / 1e6);
    println!("  storm {}×{}              {storm_seconds:>7.3} s, {:.0} attempts/s, p99 {:.0} ms, nothing lost",
        args.devices, args.per_device, (args.devices * args.per_device) as f64 / storm_seconds, percentile(&latencies, 0.99) * 1000.0);
    if let Some(p) = &pouch {
        println!("  PouchDB, same run (medians): push {:.3} s, pull {:.3} s → Doorstep {:.1}× faster pushing, {:.1}× pulling, {:.1}× for a fresh device (target ≥ 20×)",
            p["push_seconds"].as_f64().unwrap_or(f64::NAN), p["pull_seconds"].as_f64().unwrap_or(f64::NAN),
            ratio("push_seconds", push_seconds).unwrap_or(f64::NAN), ratio("pull_seconds", pull_new_seconds).unwrap_or(f64::NAN),
            ratio("pull_seconds", pull_attempts_seconds).unwrap_or(f64::NAN));
    }
    Ok(())
}

/// The same people and households as a plain CSV, compressed by `gzip -9`.
fn gzip_csv_of_list(data: &Path, list: &str, dir: &Path) -> Result<u64> {
    let store = Store::open(&data.join("doorstep.db"))?;
    let list: uuid::Uuid = list.parse()?;
    let path = dir.join("list.csv");
    let mut w = std::io::BufWriter::new(std::fs::File::create(&path)?);
    let mut stmt = store.conn().prepare(
        "SELECT hex(p.id), p.given_name, p.middle_name, p.family_name, p.native_name, p.birth_year, p.gender, p.party,
                p.preferred_language, p.phones, p.emails, hex(h.id), h.house_number, h.street, h.unit, h.city, h.state, h.zip, h.precinct
         FROM list_people lp JOIN people p ON p.id = lp.person_id LEFT JOIN households h ON h.id = p.household_id WHERE lp.list_id = ?1",
    )?;
    let mut rows = stmt.query([list])?;
    while let Some(r) = rows.next()? {
        let cells: Vec<String> = (0..19).map(|i| r.get::<_, Option<rusqlite::types::Value>>(i).ok().flatten().map(|v| match v {
            rusqlite::types::Value::Text(s) => s,
            rusqlite::types::Value::Integer(n) => n.to_string(),
            _ => String::new(),
        }).unwrap_or_default()).collect();
        writeln!(w, "{}", cells.iter().map(|c| format!("\"{}\"", c.replace('"', "\"\""))).collect::<Vec<_>>().join(","))?;
    }
    w.flush()?;
    drop(w);
    let status = Command::new("gzip").args(["-9", "-k", "-f"]).arg(&path).status().context("running gzip")?;
    if !status.success() {
        bail!("gzip failed");
    }
    Ok(std::fs::metadata(path.with_extension("csv.gz"))?.len())
}

fn run_pouchdb(dir: &Path, docs: usize) -> Result<serde_json::Value> {
    if !dir.join("node_modules").exists() {
        let status = Command::new("npm").args(["ci", "--no-audit", "--no-fund", "--loglevel=error"]).current_dir(dir).status()
            .context("running npm ci for the PouchDB reference")?;
        if !status.success() {
            bail!("npm ci in {} failed", dir.display());
        }
    }
    eprintln!("PouchDB, same work…");
    let out = Command::new("node").arg("run.mjs").args(["--docs", &docs.to_string(), "--batch", "1000"]).current_dir(dir).output()
        .context("running the PouchDB reference (node)")?;
    if !out.status.success() {
        bail!("the PouchDB reference failed: {}", String::from_utf8_lossy(&out.stderr));
    }
    Ok(serde_json::from_slice(&out.stdout)?)
}
