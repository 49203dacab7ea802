//! Helpers for the end-to-end tests: the real `doorstep` binary, and a real
//! endpoint process on a free loopback port.

use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// The `doorstep` binary next to this test's own executable. Build it first
/// (`cargo build -p doorstep-cli`); a missing binary fails the test loudly.
pub fn doorstep_bin() -> PathBuf {
    let exe = std::env::current_exe().expect("test executable path");
    let dir = exe.parent().and_then(Path::parent).expect("target/<profile>/deps");
    let bin = dir.join("doorstep");
    assert!(bin.exists(), "{} is missing: run `cargo build -p doorstep-cli` before these tests", bin.display());
    bin
}

/// Runs `doorstep --data DATA ARGS…`, which must succeed; returns stdout.
pub fn cli(data: &Path, args: &[&str]) -> String {
    let out = Command::new(doorstep_bin()).arg("--data").arg(data).args(args).output().expect("running doorstep");
    assert!(out.status.success(), "doorstep {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8 output")
}

pub fn cli_json(data: &Path, args: &[&str]) -> Value {
    let out = cli(data, args);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("doorstep {args:?} printed no JSON ({e}): {out}"))
}

/// A running `doorstep serve`, stopped (SIGKILL) on drop.
pub struct Endpoint {
    pub child: Child,
    pub url: String,
    pub data: PathBuf,
}

impl Endpoint {
    /// Starts the endpoint on `data`, on `port` (0 for any free one).
    pub fn start(data: &Path, port: u16) -> Endpoint {
        Self::start_with(data, port, &[], Stdio::null())
    }

    /// Starts the endpoint with more `serve` arguments, its log going to `log`.
    pub fn start_with(data: &Path, port: u16, args: &[&str], log: impl Into<Stdio>) -> Endpoint {
        let mut child = Command::new(doorstep_bin())
            .arg("--data")
            .arg(data)
            .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()
            .expect("starting doorstep serve");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("piped")).read_line(&mut line).expect("reading the listen line");
        let url = line.trim().strip_prefix("listening on ").unwrap_or_else(|| panic!("unexpected first line {line:?}")).to_owned();
        Endpoint { child, url, data: data.to_owned() }
    }

    pub fn port(&self) -> u16 {
        self.url.rsplit(':').next().and_then(|p| p.parse().ok()).expect("port in url")
    }

    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Endpoint {
    fn drop(&mut self) {
        self.kill();
    }
}

/// An organization with generated voters, one canvasser and one walk list
/// assigned to them. Returns (user id, list id, a pairing code).
pub struct Org {
    pub user: String,
    pub list: String,
    pub people: usize,
}

pub fn setup_org(data: &Path, voters: u64, list_limit: usize, user: &str) -> Org {
    let file = data.with_extension("voters.txt");
    std::fs::create_dir_all(data).unwrap();
    cli(data, &["gen-voters", "--count", &voters.to_string(), "--seed", "11", "--out", file.to_str().unwrap()]);
    cli(data, &["import", file.to_str().unwrap()]);
    let u = cli_json(data, &["user", "add", "--name", user, "--role", "canvasser", "--speaks", "vi,en", "--json"]);
    let l = cli_json(data, &["list", "create", "--name", &format!("Turf of {user}"), "--limit", &list_limit.to_string(), "--json"]);
    cli(data, &["list", "assign", "--list", l["id"].as_str().unwrap(), "--user", user]);
    Org { user: u["id"].as_str().unwrap().to_owned(), list: l["id"].as_str().unwrap().to_owned(), people: l["people"].as_u64().unwrap() as usize }
}

pub fn pairing_code(data: &Path, user: &str) -> String {
    cli_json(data, &["pairing-code", "--user", user, "--json"])["code"].as_str().unwrap().to_owned()
}

/// The ids of every attempt the endpoint holds.
pub fn endpoint_attempts(data: &Path) -> Vec<String> {
    let v = cli_json(data, &["attempts", "--json"]);
    v.as_array().expect("array").iter().map(|a| a["id"].as_str().unwrap().to_owned()).collect()
}

/// Tests that drive sync without a network call the endpoint's own code:
/// an endpoint store at `dir/endpoint.db` with one organization of
/// generated voters, a walk list of about `list_limit` people assigned to
/// `user`, and the backend over it.
pub struct InProcess {
    pub backend: doorstep_server::sqlite::SqliteBackend,
    pub db: PathBuf,
    pub org: uuid::Uuid,
    pub list: uuid::Uuid,
}

impl InProcess {
    pub fn new(dir: &Path, voters: u64, list_limit: usize, user: &str) -> InProcess {
        let file = dir.join("voters.csv");
        let out = std::fs::File::create(&file).unwrap();
        doorstep_gen::write_voters(&doorstep_gen::GenOptions { count: voters, seed: 5, layout: doorstep_gen::Layout::Csv }, out).unwrap();
        Self::from_file(dir, &file, Some(list_limit), user)
    }

    /// The same from a voter file of the test's own; a `list_limit` of None
    /// puts everyone on the list.
    pub fn from_file(dir: &Path, file: &Path, list_limit: Option<usize>, user: &str) -> InProcess {
        use doorstep_core::store::Store;
        let db = dir.join("endpoint.db");
        let mut store = Store::open(&db).unwrap();
        let org = store.create_org("Org").unwrap();
        doorstep_core::import::import_file(&mut store, &org, file, &Default::default(), &mut |_| {}).unwrap();
        let spec = doorstep_core::lists::ListSpec {
            name: "Walk".into(), kind: doorstep_core::domain::ListKind::Walk, precinct: None, limit: list_limit, effort_id: None,
        };
        let list = doorstep_core::lists::create(store.conn_mut(), org.id, &spec).unwrap().list.id;
        let u = doorstep_core::accounts::add_user(store.conn(), org.id, user, "canvasser", &[]).unwrap();
        doorstep_core::accounts::assign_list(store.conn(), list, u.id).unwrap();
        drop(store);
        let backend = doorstep_server::sqlite::SqliteBackend::open(&db).unwrap();
        InProcess { backend, db, org: org.id, list }
    }

    /// Pairs a device of `user` whose store is `device_db`; returns what the
    /// endpoint knows it by, and the device's store.
    pub fn pair(&self, user: &str, device_db: &Path) -> (doorstep_core::accounts::DeviceAuth, doorstep_core::store::Store) {
        let code = {
            let store = doorstep_core::store::Store::open(&self.db).unwrap();
            let user = doorstep_core::accounts::resolve_user(store.conn(), self.org, user).unwrap();
            doorstep_core::accounts::make_pairing_code(store.conn(), self.org, user.id, None).unwrap().code
        };
        let paired = self.backend.pair(&code).unwrap();
        let auth = self.backend.authenticate(&paired.token).unwrap();
        let mut device = doorstep_core::store::Store::open(device_db).unwrap();
        let identity = doorstep_core::sync::client::Identity {
            device_id: paired.device_id, server_url: "http://127.0.0.1:1".into(), token: paired.token,
            org: paired.org, user: paired.user, ca_cert: None,
        };
        doorstep_core::sync::client::save_pairing(device.conn_mut(), &identity, paired.server_time_ms).unwrap();
        (auth, device)
    }
}

/// An endpoint error as the device's client would report it: a server
/// error is a reason to try again later.
pub fn sync_error(e: doorstep_server::ApiError) -> doorstep_core::sync::client::SyncError {
    use doorstep_core::sync::client::SyncError;
    if e.status >= 500 {
        SyncError::Offline(e.message)
    } else {
        SyncError::Rejected { status: e.status, code: e.code.into(), message: e.message, applied_seq: e.applied_seq, op_seq: e.op_seq }
    }
}

/// A knock nobody answered, on `person`, now.
pub fn not_home(person: uuid::Uuid) -> doorstep_core::domain::Attempt {
    doorstep_core::domain::Attempt::knock(person, doorstep_core::domain::ContactResult::NotHome)
}

/// POSTs `body` to `url` as JSON (with `encoding` as its Content-Encoding),
/// and returns the status and the JSON answer.
pub fn post(url: &str, token: Option<&str>, body: Vec<u8>, encoding: Option<&str>) -> (u16, serde_json::Value) {
    let client = reqwest::blocking::Client::new();
    let mut req = client.post(url).header("content-type", "application/json").body(body);
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    if let Some(e) = encoding {
        req = req.header("content-encoding", e);
    }
    let resp = req.send().unwrap();
    let status = resp.status().as_u16();
    let text = resp.text().unwrap();
    (status, serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON ({status}): {text}")))
}

/// Pairs a device of `user` by hand; returns its token and device id.
pub fn pair_raw(ep: &Endpoint, user: &str) -> (String, String) {
    let code = pairing_code(&ep.data, user);
    let (status, body) = post(&format!("{}/v1/pair", ep.url), None, serde_json::json!({ "code": code }).to_string().into_bytes(), None);
    assert_eq!(status, 200, "{body}");
    (body["token"].as_str().unwrap().to_owned(), body["device_id"].as_str().unwrap().to_owned())
}

/// A device of `user` at `dir/name`, paired with `ep` (and synced once, as
/// pairing does).
pub fn paired_device(dir: &Path, ep: &Endpoint, user: &str, name: &str) -> doorstep_core::device::Device {
    let device = doorstep_core::device::Device::open(&dir.join(name)).unwrap();
    let code = pairing_code(&ep.data, user);
    let status = device.pair(&code, Some(&ep.url), None).expect("pairing");
    assert!(status.paired && status.last_error.is_none(), "{status:?}");
    device
}
