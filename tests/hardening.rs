//! The endpoint against clients that mean it harm, on the real `doorstep
//! serve`: guessing pairing codes, a copy of the store, connections that
//! trickle or idle, more sockets than it should hold, and the headers every
//! answer carries. Time limits are set small through hidden `serve` flags so
//! each test takes seconds.

use doorstep_core::device::Device;
use doorstep_tests::*;
use hmac::Mac;
use serde_json::{Value, json};
use sha2::Digest;
use std::io::{ErrorKind, Read, Write};
use std::net::{IpAddr, TcpStream};
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

/// A client whose connections come from `ip` (any of 127.0.0.0/8 is this machine).
fn client_from(ip: &str) -> reqwest::blocking::Client {
    reqwest::blocking::Client::builder().local_address(ip.parse::<IpAddr>().unwrap()).build().unwrap()
}

fn pair(client: &reqwest::blocking::Client, ep: &Endpoint, code: &str) -> reqwest::blocking::Response {
    client.post(format!("{}/v1/pair", ep.url)).json(&json!({ "code": code })).send().unwrap()
}

fn status_of(client: &reqwest::blocking::Client, ep: &Endpoint, code: &str) -> u16 {
    pair(client, ep, code).status().as_u16()
}

/// A code of the right shape that was never made (the odds of hitting a
/// live one are 2^-40).
fn wrong_code(i: usize) -> String {
    format!("ZZ{:02}-{:04}", i / 10_000, i % 10_000)
}

/// Every answer may be kept by no cache and sniffed by no browser; HSTS
/// only over TLS.
fn assert_guarded(headers: &reqwest::header::HeaderMap, tls: bool, what: &str) {
    assert_eq!(headers.get("cache-control").map(|v| v.to_str().unwrap()), Some("no-store"), "{what}: Cache-Control");
    assert_eq!(headers.get("x-content-type-options").map(|v| v.to_str().unwrap()), Some("nosniff"), "{what}: nosniff");
    let hsts = headers.get("strict-transport-security").map(|v| v.to_str().unwrap().to_owned());
    assert_eq!(hsts.as_deref(), tls.then_some("max-age=31536000"), "{what}: HSTS");
}

fn retry_after(resp: &reqwest::blocking::Response) -> u64 {
    resp.headers().get("retry-after").expect("a 429 says when to try again").to_str().unwrap().parse().expect("whole seconds")
}

#[test]
fn wrong_pairing_codes_are_limited_per_source_and_logged_without_the_code() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("endpoint");
    let org = setup_org(&data, 50, 5, "Mai");
    let log = dir.path().join("serve.log");
    let ep = Endpoint::start_with(&data, 0, &[], std::fs::File::create(&log).unwrap());

    // 50 wrong codes as fast as one client sends them: the first twenty
    // (the default budget per source) are answered, then 429.
    let here = client_from("127.0.0.1");
    let started = Instant::now();
    let statuses: Vec<u16> = (0..50).map(|i| status_of(&here, &ep, &wrong_code(i))).collect();
    let answered = statuses.iter().take_while(|s| **s == 400).count();
    // One more may have been earned back (one every 3 s) while they ran.
    let earned = (started.elapsed().as_secs_f64() / 3.0).ceil() as usize;
    assert!((20..=20 + earned).contains(&answered), "{answered} wrong codes answered before 429: {statuses:?}");
    assert!(statuses[answered..].iter().all(|s| *s == 429 || *s == 400) && statuses.contains(&429), "{statuses:?}");

    // Spent: even a good code from here waits, and is told how long.
    let good = pairing_code(&data, &org.user);
    let refused = pair(&here, &ep, &good);
    assert_eq!(refused.status().as_u16(), 429);
    assert!((1..=3).contains(&retry_after(&refused)), "{:?}", refused.headers());
    assert_guarded(refused.headers(), false, "429");
    let body: Value = refused.json().unwrap();
    assert_eq!(body["error"], "too_many_attempts", "{body}");

    // Another address has its own budget, within the overall one.
    let elsewhere = client_from("127.0.0.2");
    let paired = pair(&elsewhere, &ep, &good);
    assert_eq!(paired.status().as_u16(), 200, "{}", paired.text().unwrap());

    // Each wrong code is logged with where it came from, never what it was.
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(text.matches("wrong pairing code").count() >= 20, "{text}");
    assert!(text.contains("127.0.0.1"), "{text}");
    for i in 0..50 {
        assert!(!text.contains(&wrong_code(i)) && !text.contains(&wrong_code(i).replace('-', "")), "the log holds a code: {text}");
    }
    assert!(!text.contains(&good) && !text.contains(&good.replace('-', "")), "the log holds a code");
}

#[test]
fn codes_that_work_cost_nothing_and_guessing_from_many_addresses_meets_the_overall_budget() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("endpoint");
    let org = setup_org(&data, 50, 5, "Mai");
    // Budgets that do not refill while the test runs: 5 per source, 12 in all.
    let ep = Endpoint::start_with(&data, 0, &["--pair-per-source", "5/3600", "--pair-overall", "12/3600"], Stdio::null());

    // A room of phones pairing from one address: more than its budget of
    // wrong codes, and none of them refused.
    let room = client_from("127.0.0.9");
    for _ in 0..7 {
        assert_eq!(status_of(&room, &ep, &pairing_code(&data, &org.user)), 200);
    }

    let mut n = 0;
    let mut guess = |ip: &str, times: usize| -> Vec<u16> {
        let c = client_from(ip);
        (0..times)
            .map(|_| {
                n += 1;
                status_of(&c, &ep, &wrong_code(n))
            })
            .collect()
    };
    assert_eq!(guess("127.0.0.1", 6), [400, 400, 400, 400, 400, 429], "five wrong per source");
    assert_eq!(guess("127.0.0.2", 5), [400; 5], "a second source has its own five");
    assert_eq!(guess("127.0.0.3", 3), [400, 400, 429], "twelve wrong in all, from anywhere");

    // With the overall budget spent, a fresh address with a good code waits too.
    let refused = pair(&client_from("127.0.0.4"), &ep, &pairing_code(&data, &org.user));
    assert_eq!(refused.status().as_u16(), 429);
    assert!(retry_after(&refused) > 3000, "{:?}", refused.headers());
}

#[test]
fn codes_are_stored_as_a_keyed_hash_and_still_pair() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("endpoint");
    let org = setup_org(&data, 60, 10, "Mai");
    let ep = Endpoint::start(&data, 0);

    // The endpoint made the key at start, beside the store, for its owner only.
    let key_file = data.join(doorstep_core::accounts::PAIRING_KEY_FILE);
    let key = std::fs::read(&key_file).expect("serve made the pairing key");
    assert_eq!(key.len(), 32);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&key_file).unwrap().permissions().mode() & 0o777, 0o600);
    }

    // The CLI used the same key: the stored hash is its HMAC, not SHA-256.
    let code = pairing_code(&data, &org.user);
    let typed = doorstep_core::accounts::normalize_code(&code);
    let store = rusqlite::Connection::open(data.join("doorstep.db")).unwrap();
    let stored: Vec<u8> = store.query_row("SELECT code_hash FROM pairing_codes", [], |r| r.get(0)).unwrap();
    assert_ne!(stored, sha2::Sha256::digest(typed.as_bytes()).to_vec(), "a copy of the store would give the code back");
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(&key).unwrap();
    mac.update(typed.as_bytes());
    assert_eq!(stored, mac.finalize().into_bytes().to_vec());

    // And a device pairs with it and pulls its list, end to end.
    let device = Device::open(&dir.path().join("phone")).unwrap();
    let status = device.pair(&code, Some(&ep.url), None).expect("pairing with a keyed code");
    assert!(status.paired && status.people > 0, "{status:?}");
    assert_eq!(status_of(&reqwest::blocking::Client::new(), &ep, &code), 400, "a code works once");

    // A code stored the old way (plain SHA-256) no longer opens anything.
    let (org_id, user_id): (rusqlite::types::Value, rusqlite::types::Value) =
        store.query_row("SELECT org_id, user_id FROM pairing_codes", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    let old = "OLDC-0DE5";
    let tomorrow = (chrono::Utc::now() + chrono::Duration::hours(12)).to_rfc3339();
    store
        .execute(
            "INSERT INTO pairing_codes(code_hash, org_id, user_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?4)",
            rusqlite::params![sha2::Sha256::digest(doorstep_core::accounts::normalize_code(old).as_bytes()).to_vec(), org_id, user_id, tomorrow],
        )
        .unwrap();
    assert_eq!(status_of(&reqwest::blocking::Client::new(), &ep, old), 400);
}

/// Reads one answer: its status and its header block (lowercased), then
/// the body its Content-Length gives.
fn read_answer(s: &mut TcpStream) -> std::io::Result<(u16, String)> {
    let mut head = Vec::new();
    let mut byte = [0u8];
    while !head.ends_with(b"\r\n\r\n") {
        if s.read(&mut byte)? == 0 {
            return Err(std::io::Error::new(ErrorKind::UnexpectedEof, format!("closed mid-answer: {:?}", String::from_utf8_lossy(&head))));
        }
        head.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&head).to_ascii_lowercase();
    let status = head.get(9..12).and_then(|s| s.parse().ok()).unwrap_or_else(|| panic!("not an HTTP answer: {head:?}"));
    let length: usize = head.lines().find_map(|l| l.strip_prefix("content-length:")).map_or(0, |v| v.trim().parse().unwrap());
    let mut body = vec![0u8; length];
    s.read_exact(&mut body)?;
    Ok((status, head))
}

/// How long until the endpoint closes `s`; panics if it is still open
/// after `limit`. Anything it says first (an error answer) is read past.
fn closed_within(s: &mut TcpStream, limit: Duration, what: &str) -> Duration {
    let started = Instant::now();
    let mut buf = [0u8; 1024];
    loop {
        // The socket's own read timeout is the bound: what is left of
        // `limit`, so an endpoint that keeps talking cannot stretch it.
        let left = limit.saturating_sub(started.elapsed()).max(Duration::from_millis(1));
        s.set_read_timeout(Some(left)).unwrap();
        match s.read(&mut buf) {
            Ok(0) => return started.elapsed(),
            Ok(_) => {}
            Err(e) if matches!(e.kind(), ErrorKind::ConnectionReset | ErrorKind::ConnectionAborted) => return started.elapsed(),
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                panic!("{what}: the connection is still open after {limit:?}")
            }
            Err(e) => panic!("{what}: {e}"),
        }
    }
}

fn connect(ep: &Endpoint) -> TcpStream {
    TcpStream::connect(("127.0.0.1", ep.port())).unwrap()
}

const HEALTHZ: &[u8] = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

#[test]
fn slow_and_idle_connections_are_closed() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("endpoint");
    setup_org(&data, 20, 5, "Mai");
    // Headers within 1 s, a body that stalls 1 s fails, a whole request in 3 s.
    let ep = Endpoint::start_with(&data, 0, &["--header-timeout-ms", "1000", "--body-stall-ms", "1000", "--request-timeout-ms", "3000"], Stdio::null());
    let patience = Duration::from_secs(6);

    // Half the headers, then nothing.
    let mut s = connect(&ep);
    s.write_all(b"POST /v1/pair HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Ty").unwrap();
    let took = closed_within(&mut s, patience, "half-sent headers");
    assert!(took >= Duration::from_millis(800), "closed before the header limit: {took:?}");

    // Headers a byte at a time, each well inside any per-read limit.
    // The endpoint cuts it off mid-trickle (a write fails), or closed_within
    // finds it still open after the trickle and fails.
    let mut s = connect(&ep);
    for b in b"POST /v1/pair HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" {
        if s.write_all(&[*b]).is_err() {
            break;
        }
        std::thread::sleep(Duration::from_millis(150));
    }
    closed_within(&mut s, Duration::from_millis(500), "trickled headers");

    // A socket that never says anything.
    let mut s = connect(&ep);
    closed_within(&mut s, patience, "a silent socket");

    // Kept alive after an answer, then idle.
    let mut s = connect(&ep);
    s.write_all(HEALTHZ).unwrap();
    assert_eq!(read_answer(&mut s).unwrap().0, 200);
    closed_within(&mut s, patience, "an idle kept-alive connection");

    // A body that stops arriving.
    let mut s = connect(&ep);
    s.write_all(b"POST /v1/pair HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 64\r\n\r\n{\"code\":").unwrap();
    s.set_read_timeout(Some(patience)).unwrap();
    let (status, head) = read_answer(&mut s).expect("an answer to a stalled body");
    assert_eq!(status, 408, "{head}");
    assert!(head.contains("cache-control: no-store") && head.contains("x-content-type-options: nosniff"), "{head}");
    closed_within(&mut s, patience, "a stalled body");

    // A body trickled a byte every 300 ms: never stalls, never ends (200
    // bytes would take a minute); the whole-request limit cuts it off.
    let mut s = connect(&ep);
    s.write_all(b"POST /v1/pair HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n").unwrap();
    let mut writer = s.try_clone().unwrap();
    let started = Instant::now();
    let trickle = std::thread::spawn(move || {
        for _ in 0..200 {
            if writer.write_all(b" ").is_err() {
                return;
            }
            std::thread::sleep(Duration::from_millis(300));
        }
    });
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let (status, head) = read_answer(&mut s).expect("an answer to a trickled body");
    let took = started.elapsed();
    assert_eq!(status, 408, "{head}");
    assert!(took >= Duration::from_millis(2500) && took < patience, "cut off after {took:?}");
    closed_within(&mut s, patience, "a trickled body");
    drop(s);
    trickle.join().unwrap();

    // Through all of it the endpoint kept answering.
    let mut s = connect(&ep);
    s.write_all(HEALTHZ).unwrap();
    assert_eq!(read_answer(&mut s).unwrap().0, 200);
}

#[test]
fn sockets_beyond_the_cap_wait_unanswered() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("endpoint");
    setup_org(&data, 20, 5, "Mai");
    let ep = Endpoint::start_with(&data, 0, &["--max-connections", "20", "--header-timeout-ms", "30000"], Stdio::null());

    // Twenty connections, each served once and then held open, idle.
    let mut held: Vec<TcpStream> = (0..20)
        .map(|_| {
            let mut s = connect(&ep);
            s.write_all(HEALTHZ).unwrap();
            assert_eq!(read_answer(&mut s).unwrap().0, 200);
            s
        })
        .collect();

    // More ask, and get nothing while those are open.
    let mut extra: Vec<TcpStream> = (0..5)
        .map(|_| {
            let mut s = connect(&ep);
            s.write_all(HEALTHZ).unwrap();
            s
        })
        .collect();
    for (i, s) in extra.iter_mut().enumerate() {
        s.set_read_timeout(Some(Duration::from_millis(if i == 0 { 1500 } else { 100 }))).unwrap();
        let mut byte = [0u8];
        match s.read(&mut byte) {
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
            other => panic!("connection {} past the cap of 20 was served: {other:?}", 21 + i),
        }
    }

    // Once some close, the waiting ones are answered.
    held.truncate(15);
    for s in &mut extra {
        s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        assert_eq!(read_answer(s).expect("answered once there was room").0, 200);
    }
}

fn tls_endpoint(dir: &Path, data: &Path) -> (Endpoint, reqwest::blocking::Client, String) {
    let cert = rcgen::generate_simple_self_signed(vec!["localhost".into()]).unwrap();
    let (cert_pem, key_pem) = (dir.join("cert.pem"), dir.join("key.pem"));
    std::fs::write(&cert_pem, cert.cert.pem()).unwrap();
    std::fs::write(&key_pem, cert.key_pair.serialize_pem()).unwrap();
    let ep = Endpoint::start_with(data, 0, &["--tls-cert", cert_pem.to_str().unwrap(), "--tls-key", key_pem.to_str().unwrap()], Stdio::null());
    let client = reqwest::blocking::Client::builder()
        .add_root_certificate(reqwest::Certificate::from_pem(cert.cert.pem().as_bytes()).unwrap())
        .build()
        .unwrap();
    let url = format!("https://localhost:{}", ep.port());
    (ep, client, url)
}

#[test]
fn every_answer_forbids_caching_and_sniffing_and_tls_ones_ask_for_tls() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("endpoint");
    let org = setup_org(&data, 30, 5, "Mai");

    let ep = Endpoint::start(&data, 0);
    let c = reqwest::blocking::Client::new();
    let health = c.get(format!("{}/healthz", ep.url)).send().unwrap();
    assert_eq!(health.status().as_u16(), 200);
    assert_guarded(health.headers(), false, "/healthz");
    let paired = pair(&c, &ep, &pairing_code(&data, &org.user));
    assert_eq!(paired.status().as_u16(), 200);
    assert_guarded(paired.headers(), false, "a pairing (it carries the token)");
    let wrong = pair(&c, &ep, &wrong_code(1));
    assert_eq!(wrong.status().as_u16(), 400);
    assert_guarded(wrong.headers(), false, "400");
    let nobody = c.post(format!("{}/v1/pull", ep.url)).json(&json!({ "scopes": {} })).send().unwrap();
    assert_eq!(nobody.status().as_u16(), 401);
    assert_guarded(nobody.headers(), false, "401");
    let nowhere = c.get(format!("{}/v2/anything", ep.url)).send().unwrap();
    assert_eq!(nowhere.status().as_u16(), 404);
    assert_guarded(nowhere.headers(), false, "404");
    drop(ep);

    let (_ep, c, url) = tls_endpoint(dir.path(), &data);
    let health = c.get(format!("{url}/healthz")).send().unwrap();
    assert_eq!(health.status().as_u16(), 200);
    assert_guarded(health.headers(), true, "/healthz over TLS");
    let wrong = c.post(format!("{url}/v1/pair")).json(&json!({ "code": wrong_code(2) })).send().unwrap();
    assert_eq!(wrong.status().as_u16(), 400);
    assert_guarded(wrong.headers(), true, "400 over TLS");
}
