//! Faults against the real endpoint process: the device killed mid-sync,
//! connections cut mid-request and mid-response, the endpoint killed and
//! restarted mid-batch. After each storm, one clean sync, and the endpoint
//! must hold exactly the attempts that were made.

use doorstep_core::device::Device;
use doorstep_core::device::api::NewAttempt;
use doorstep_tests::*;
use rand::{Rng, SeedableRng, rngs::StdRng};
use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

/// Rounds per scenario; the issue asks for about 50.
fn rounds() -> usize {
    std::env::var("DOORSTEP_FAULT_ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(50)
}

fn record_some(device: &Device, people: &[uuid::Uuid], n: usize, rng: &mut StdRng, made: &mut BTreeSet<String>) {
    for _ in 0..n {
        let person = people[rng.random_range(0..people.len())];
        let a = device.record_attempt(NewAttempt { person_id: Some(person), result: "not_home".into(), ..Default::default() }).unwrap();
        made.insert(a.id.to_string());
    }
}

fn check_exact(data: &std::path::Path, made: &BTreeSet<String>) {
    let held = endpoint_attempts(data);
    assert_eq!(held.len(), made.len(), "no attempt lost or duplicated");
    let held: BTreeSet<String> = held.into_iter().collect();
    assert_eq!(&held, made);
}

#[test]
fn device_killed_during_sync() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("endpoint");
    setup_org(&data, 300, 40, "Mai");
    let ep = Endpoint::start(&data, 0);
    let home = dir.path().join("phone");
    let code = pairing_code(&data, "Mai");
    let out = Command::new(doorstep_bin()).args(["device", "--home"]).arg(&home).args(["pair", &ep.url, &code]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let device = Device::open(&home).unwrap();
    let people: Vec<_> = device.people().unwrap().into_iter().map(|p| p.id).collect();
    let mut rng = StdRng::seed_from_u64(1);
    let mut made = BTreeSet::new();
    for _ in 0..rounds() {
        record_some(&device, &people, 30, &mut rng, &mut made);
        let mut child = Command::new(doorstep_bin()).args(["device", "--home"]).arg(&home).arg("sync")
            .stdout(std::process::Stdio::null()).stderr(std::process::Stdio::null()).spawn().unwrap();
        std::thread::sleep(Duration::from_millis(rng.random_range(0..120)));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
    }
    let out = Command::new(doorstep_bin()).args(["device", "--home"]).arg(&home).arg("sync").output().unwrap();
    assert!(out.status.success(), "clean sync: {}", String::from_utf8_lossy(&out.stderr));
    check_exact(&data, &made);
    assert_eq!(device.status().unwrap().pending, 0);
}

/// A loopback proxy that cuts each connection after a random number of
/// bytes in one direction, while `cutting` is set.
struct Proxy {
    port: u16,
    cutting: Arc<AtomicBool>,
    cuts: Arc<AtomicUsize>,
}

impl Proxy {
    fn start(upstream: u16, seed: u64) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let cutting = Arc::new(AtomicBool::new(true));
        let cuts = Arc::new(AtomicUsize::new(0));
        let (c, n) = (cutting.clone(), cuts.clone());
        std::thread::spawn(move || {
            let mut rng = StdRng::seed_from_u64(seed);
            for client in listener.incoming() {
                let Ok(client) = client else { continue };
                let Ok(server) = TcpStream::connect(("127.0.0.1", upstream)) else { continue };
                // Where to cut: in the request (up), in the response (down), or not at all.
                let plan = if c.load(Ordering::SeqCst) { rng.random_range(0..3u8) } else { 2 };
                let limit = rng.random_range(1..4000usize);
                if plan < 2 {
                    n.fetch_add(1, Ordering::SeqCst);
                }
                let (up_limit, down_limit) = match plan {
                    0 => (Some(limit), None),
                    1 => (None, Some(limit)),
                    _ => (None, None),
                };
                pipe(client.try_clone().unwrap(), server.try_clone().unwrap(), up_limit);
                pipe(server, client, down_limit);
            }
        });
        Proxy { port, cutting, cuts }
    }
}

fn pipe(mut from: TcpStream, mut to: TcpStream, limit: Option<usize>) {
    std::thread::spawn(move || {
        let mut buf = [0u8; 1024];
        let mut sent = 0usize;
        loop {
            let n = match from.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => n,
            };
            let allowed = limit.map(|l| n.min(l.saturating_sub(sent))).unwrap_or(n);
            if to.write_all(&buf[..allowed]).is_err() {
                break;
            }
            sent += allowed;
            if limit.is_some_and(|l| sent >= l) {
                break;
            }
        }
        let _ = to.shutdown(std::net::Shutdown::Both);
        let _ = from.shutdown(std::net::Shutdown::Both);
    });
}

#[test]
fn connections_cut_mid_request_and_mid_response() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("endpoint");
    setup_org(&data, 300, 40, "Mai");
    let ep = Endpoint::start(&data, 0);
    let proxy = Proxy::start(ep.port(), 7);
    let device = Device::open(&dir.path().join("phone")).unwrap();
    let code = pairing_code(&data, "Mai");
    proxy.cutting.store(false, Ordering::SeqCst);
    device.pair(&code, Some(&format!("http://127.0.0.1:{}", proxy.port)), None).unwrap();
    proxy.cutting.store(true, Ordering::SeqCst);
    let people: Vec<_> = device.people().unwrap().into_iter().map(|p| p.id).collect();
    assert!(!people.is_empty());
    let mut rng = StdRng::seed_from_u64(2);
    let mut made = BTreeSet::new();
    for _ in 0..rounds() {
        record_some(&device, &people, 30, &mut rng, &mut made);
        let _ = device.sync_now();
    }
    assert!(proxy.cuts.load(Ordering::SeqCst) >= rounds() / 2, "the proxy really cut connections");
    proxy.cutting.store(false, Ordering::SeqCst);
    device.sync_now().expect("a clean sync");
    check_exact(&data, &made);
}

#[test]
fn endpoint_killed_and_restarted_mid_batch() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("endpoint");
    setup_org(&data, 300, 40, "Mai");
    let mut ep = Endpoint::start(&data, 0);
    let port = ep.port();
    let device = Arc::new(Device::open(&dir.path().join("phone")).unwrap());
    device.pair(&pairing_code(&data, "Mai"), Some(&ep.url), None).unwrap();
    let people: Vec<_> = device.people().unwrap().into_iter().map(|p| p.id).collect();
    let mut rng = StdRng::seed_from_u64(3);
    let mut made = BTreeSet::new();
    let mut restarted = 0;
    for _ in 0..rounds() {
        // Enough for several push batches, so the kill can land inside one.
        record_some(&device, &people, 400, &mut rng, &mut made);
        let d = device.clone();
        let syncing = std::thread::spawn(move || {
            let _ = d.sync_now();
        });
        std::thread::sleep(Duration::from_millis(rng.random_range(0..80)));
        ep.kill();
        syncing.join().unwrap();
        ep = Endpoint::start(&data, port);
        restarted += 1;
    }
    assert_eq!(restarted, rounds());
    device.sync_now().expect("a clean sync");
    check_exact(&data, &made);
}
