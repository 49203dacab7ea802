//! `doorstep bench import-live`: how long a push waits, and whether it
//! fails, while an organizer imports a large voter file into the store a
//! running endpoint serves. The import is a separate `doorstep import`
//! process, as an organizer runs it; devices push small batches the whole
//! time, as canvassers' phones do during a shift.

use crate::bench_sync::{Endpoint, cli, code, percentile, start_endpoint};
use crate::print_json;
use anyhow::{Context, Result, bail};
use doorstep_core::domain::{Attempt, ContactResult};
use doorstep_core::store::Store;
use doorstep_core::sync::proto::{Op, OpBody, PushRequest, PushResponse};
use indicatif::{ProgressBar, ProgressStyle};
use std::collections::BTreeMap;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use uuid::Uuid;

#[derive(clap::Args)]
pub struct ImportLiveArgs {
    /// Rows in the voter file imported while devices push.
    #[arg(long, default_value_t = 1_000_000)]
    count: u64,
    /// People already in the store, and on the devices' list, before it.
    #[arg(long, default_value_t = 2000)]
    people: u64,
    /// Devices pushing at once.
    #[arg(long, default_value_t = 2)]
    devices: usize,
    /// Attempts per push.
    #[arg(long, default_value_t = 20)]
    attempts: usize,
    /// Pause between one device's pushes, in milliseconds.
    #[arg(long, default_value_t = 50)]
    every_ms: u64,
    #[arg(long, default_value_t = 42)]
    seed: u64,
    #[arg(long)]
    json: bool,
}

/// One push as a device saw it.
struct Sample {
    /// When it was sent, from the start of the import.
    at: f64,
    seconds: f64,
    /// None: acknowledged. Otherwise the status and the endpoint's message.
    failure: Option<String>,
}

/// Pushes nobody waited for before the import, and after it.
const MARGIN: Duration = Duration::from_secs(1);
/// How long the endpoint may take to hold every acknowledged attempt once
/// the import is done (it may still be moving queued pushes into the store).
const SETTLE: Duration = Duration::from_secs(60);

pub fn run(args: ImportLiveArgs) -> Result<()> {
    let dir = tempfile::Builder::new().prefix("doorstep-bench-live").tempdir()?;
    let data = dir.path().join("endpoint");
    std::fs::create_dir_all(&data)?;

    // The live store: the first `people` rows of the file, a canvasser, a
    // list, paired devices. A generated file's first rows do not depend on
    // its length, so the big file re-imports them (updates) and adds the
    // rest: the organizer's new voter file for the same county.
    eprintln!("generating {} voters…", args.count);
    let write = |count: u64, name: &str| -> Result<std::path::PathBuf> {
        let path = dir.path().join(name);
        let out = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&path)?);
        doorstep_gen::write_voters(&doorstep_gen::GenOptions { count, seed: args.seed, layout: doorstep_gen::Layout::Ncvoter }, out)?;
        Ok(path)
    };
    let small = write(args.people.min(args.count), "live.txt")?;
    let big = write(args.count, "voters.txt")?;
    cli(&data, &["import", small.to_str().context("temporary path")?, "--json"])?;
    cli(&data, &["user", "add", "--name", "Kim", "--role", "canvasser", "--json"])?;
    let list = cli(&data, &["list", "create", "--name", "Turf", "--limit", &args.people.to_string(), "--json"])?;
    let list_id: Uuid = list["id"].as_str().context("list id")?.parse()?;
    cli(&data, &["list", "assign", "--list", &list_id.to_string(), "--user", "Kim"])?;
    let people: Arc<Vec<Uuid>> = {
        let store = Store::open(&data.join("doorstep.db"))?;
        let mut stmt = store.conn().prepare("SELECT person_id FROM list_people WHERE list_id = ?1")?;
        Arc::new(stmt.query_map([list_id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?)
    };
    if people.is_empty() {
        bail!("the devices' list is empty");
    }
    let ep: Endpoint = start_endpoint(&data)?;
    let url = ep.1.clone();
    let client = reqwest::blocking::Client::builder().timeout(Duration::from_secs(120)).build()?;
    let mut tokens = Vec::with_capacity(args.devices);
    for _ in 0..args.devices.max(1) {
        let resp: serde_json::Value = client.post(format!("{url}/v1/pair")).json(&serde_json::json!({ "code": code(&data, "Kim")? })).send()?.json()?;
        tokens.push(resp["token"].as_str().context("pairing a device")?.to_owned());
    }

    // Devices push from before the import starts until after it ends.
    let stop = Arc::new(AtomicBool::new(false));
    let samples = Arc::new(Mutex::new(Vec::<Sample>::new()));
    let origin = Instant::now() + MARGIN;
    let pushers: Vec<_> = tokens
        .into_iter()
        .enumerate()
        .map(|(d, token)| {
            let (client, url, stop, samples, people) = (client.clone(), url.clone(), stop.clone(), samples.clone(), people.clone());
            let (per, every) = (args.attempts, Duration::from_millis(args.every_ms));
            std::thread::spawn(move || -> Result<Vec<Uuid>> {
                let mut acked = Vec::new();
                // What was sent and not acknowledged goes again with the
                // next batch, as a device's outbox does.
                let mut pending: Vec<Op> = Vec::new();
                let mut seq = 0i64;
                let mut stopped_at = None;
                loop {
                    let stopping = stop.load(Ordering::SeqCst);
                    if stopping {
                        let since = *stopped_at.get_or_insert_with(Instant::now);
                        if pending.is_empty() {
                            break;
                        }
                        if since.elapsed() > SETTLE {
                            bail!("device {d}: {} attempts never acknowledged", pending.len());
                        }
                    }
                    // Once stopping, only what is still unacknowledged.
                    for _ in 0..if stopping { 0 } else { per } {
                        seq += 1;
                        let person = people[(d * 7919 + seq as usize) % people.len()];
                        let attempt = Attempt::knock(person, ContactResult::NotHome);
                        pending.push(Op { seq, op_id: Uuid::now_v7(), body: OpBody::Attempt { attempt } });
                    }
                    let body = serde_json::to_vec(&PushRequest { ops: pending.clone() })?;
                    let sent = Instant::now();
                    let answer = client
                        .post(format!("{url}/v1/push"))
                        .bearer_auth(&token)
                        .header("content-type", "application/json")
                        .body(body)
                        .send();
                    let seconds = sent.elapsed().as_secs_f64();
                    let failure = match answer {
                        Ok(resp) if resp.status().is_success() => {
                            let ack: PushResponse = resp.json()?;
                            let (done, rest): (Vec<Op>, Vec<Op>) = pending.drain(..).partition(|o| o.seq <= ack.acked_seq);
                            acked.extend(done.into_iter().filter_map(|o| match o.body {
                                OpBody::Attempt { attempt } => Some(attempt.id),
                                _ => None,
                            }));
                            pending = rest;
                            None
                        }
                        Ok(resp) => Some(format!("{} {}", resp.status().as_u16(), resp.text().unwrap_or_default())),
                        Err(e) => Some(format!("no answer: {e}")),
                    };
                    // Negative: before the import started.
                    let at = sent.saturating_duration_since(origin).as_secs_f64() - origin.saturating_duration_since(sent).as_secs_f64();
                    samples.lock().unwrap_or_else(|e| e.into_inner()).push(Sample { at, seconds, failure });
                    std::thread::sleep(every);
                }
                Ok(acked)
            })
        })
        .collect();

    std::thread::sleep(origin.saturating_duration_since(Instant::now()));
    let bar = ProgressBar::new_spinner();
    bar.set_style(ProgressStyle::with_template("{spinner} {elapsed} importing {msg}").expect("static template"));
    bar.enable_steady_tick(Duration::from_millis(200));
    let started = Instant::now();
    let mut import = Command::new(std::env::current_exe()?)
        .arg("--data")
        .arg(&data)
        .arg("import")
        .arg(&big)
        .arg("--json")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .context("starting doorstep import")?;
    let status = loop {
        if let Some(status) = import.try_wait()? {
            break status;
        }
        let (n, failed, worst) = {
            let s = samples.lock().unwrap_or_else(|e| e.into_inner());
            let worst = s.iter().filter(|s| s.at >= 0.0).map(|s| s.seconds).fold(0.0, f64::max);
            (s.iter().filter(|s| s.at >= 0.0).count(), s.iter().filter(|s| s.at >= 0.0 && s.failure.is_some()).count(), worst)
        };
        bar.set_message(format!("{} rows; {n} pushes meanwhile, {failed} failed, slowest {:.0} ms", args.count, worst * 1000.0));
        std::thread::sleep(Duration::from_millis(100));
    };
    let import_seconds = started.elapsed().as_secs_f64();
    let output = import.wait_with_output()?;
    bar.finish_and_clear();
    std::thread::sleep(MARGIN);
    stop.store(true, Ordering::SeqCst);
    if !status.success() {
        bail!("doorstep import failed: {}", String::from_utf8_lossy(&output.stderr));
    }
    let summary: serde_json::Value = serde_json::from_slice(&output.stdout).context("doorstep import printed no JSON")?;
    let mut acked = Vec::new();
    for p in pushers {
        acked.extend(p.join().map_err(|_| anyhow::anyhow!("a pushing device panicked"))??);
    }

    // Every acknowledged attempt must reach the store, once.
    let settle_started = Instant::now();
    let held = loop {
        let held: Vec<Uuid> = cli(&data, &["attempts", "--json"])?
            .as_array()
            .context("attempts --json")?
            .iter()
            .filter_map(|a| a["id"].as_str()?.parse().ok())
            .collect();
        if held.len() >= acked.len() || settle_started.elapsed() > SETTLE {
            break held;
        }
        std::thread::sleep(Duration::from_millis(250));
    };
    let settle_seconds = settle_started.elapsed().as_secs_f64();
    drop(ep);
    let acked_set: std::collections::HashSet<Uuid> = acked.iter().copied().collect();
    let held_set: std::collections::HashSet<Uuid> = held.iter().copied().collect();
    let lost = acked_set.difference(&held_set).count();
    let duplicated = held.len() - held_set.len();

    let samples = std::mem::take(&mut *samples.lock().unwrap_or_else(|e| e.into_inner()));
    let during: Vec<&Sample> = samples.iter().filter(|s| s.at >= 0.0 && s.at <= import_seconds).collect();
    let mut latencies: Vec<f64> = during.iter().map(|s| s.seconds * 1000.0).collect();
    latencies.sort_by(f64::total_cmp);
    let mut failures: BTreeMap<String, usize> = BTreeMap::new();
    for s in &samples {
        if let Some(f) = &s.failure {
            *failures.entry(f.clone()).or_default() += 1;
        }
    }
    let failed = samples.iter().filter(|s| s.failure.is_some()).count();
    let worst_ms = latencies.last().copied().unwrap_or(f64::NAN);
    let report = serde_json::json!({
        "import": { "rows": summary["rows"], "people_created": summary["people_created"], "people_updated": summary["people_updated"],
                    "seconds": import_seconds, "rows_per_second": summary["rows_per_second"] },
        "devices": args.devices, "attempts_per_push": args.attempts, "every_ms": args.every_ms,
        "pushes": samples.len(), "pushes_during_import": during.len(), "pushes_failed": failed, "failures": failures,
        "push_ms_during_import": { "p50": percentile(&latencies, 0.5), "p99": percentile(&latencies, 0.99), "max": worst_ms },
        "attempts_acknowledged": acked.len(), "attempts_on_endpoint": held.len(), "lost": lost, "duplicated": duplicated,
        "seconds_until_all_on_endpoint": settle_seconds,
        "targets": { "no_push_failed": failed == 0, "nothing_lost": lost == 0 && duplicated == 0 },
    });
    if args.json {
        return print_json(&report);
    }
    println!("pushes during a {}-row import into the live store ({} devices, {} attempts every {} ms):",
        summary["rows"], args.devices, args.attempts, args.every_ms);
    println!("  import              {import_seconds:>8.2} s");
    println!("  pushes              {:>8} ({} while importing), {failed} failed (target 0)", samples.len(), during.len());
    for (why, n) in &failures {
        println!("    {n} × {why}");
    }
    println!("  push while importing  p50 {:.0} ms  p99 {:.0} ms  max {worst_ms:.0} ms",
        percentile(&latencies, 0.5), percentile(&latencies, 0.99));
    println!("  attempts            {} acknowledged, {} on the endpoint, {lost} lost, {duplicated} twice", acked.len(), held.len());
    Ok(())
}
