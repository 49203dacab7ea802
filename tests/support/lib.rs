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
        let mut child = Command::new(doorstep_bin())
            .arg("--data")
            .arg(data)
            .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
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
