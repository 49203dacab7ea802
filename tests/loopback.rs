//! The loopback UI adapter (`doorstep device … ui`) answers `/rpc` only to
//! the page it served: the per-run secret from that page, a loopback Host on
//! its port, and no other Origin. Any web page the canvasser visits can reach
//! a loopback port; none of them may read or change voters through it.

use doorstep_tests::doorstep_bin;
use reqwest::blocking::{Client, RequestBuilder, Response};
use serde_json::{Value, json};
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

const INDEX: &str = "<!doctype html>\n<html lang=\"en\">\n  <head>\n    <meta charset=\"utf-8\" />\n    <title>Doorstep</title>\n    <script type=\"module\" src=\"./assets/app.js\"></script>\n  </head>\n  <body><div id=\"app\"></div></body>\n</html>\n";
const META: &str = "<meta name=\"doorstep-rpc-secret\" content=\"";

/// A running `doorstep device --home … ui` on a free loopback port, over an
/// unpaired device and a UI build of one page and one script.
struct Adapter {
    child: Child,
    url: String,
    port: u16,
    assets: PathBuf,
    _dir: tempfile::TempDir,
}

impl Adapter {
    fn start() -> Adapter {
        let dir = tempfile::tempdir().unwrap();
        let assets = dir.path().join("dist");
        std::fs::create_dir_all(assets.join("assets")).unwrap();
        std::fs::write(assets.join("index.html"), INDEX).unwrap();
        std::fs::write(assets.join("assets/app.js"), "console.log('doorstep');\n").unwrap();
        let mut child = Command::new(doorstep_bin())
            .arg("device")
            .arg("--home")
            .arg(dir.path().join("device"))
            .args(["ui", "--listen", "127.0.0.1:0", "--assets"])
            .arg(&assets)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("starting doorstep device ui");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("piped")).read_line(&mut line).expect("reading the listen line");
        let url = line.trim().strip_prefix("ui on ").unwrap_or_else(|| panic!("unexpected first line {line:?}")).trim_end_matches('/').to_owned();
        let port = url.rsplit(':').next().and_then(|p| p.parse().ok()).expect("port in url");
        Adapter { child, url, port, assets, _dir: dir }
    }

    fn get(&self, path: &str) -> RequestBuilder {
        Client::new().get(format!("{}{path}", self.url))
    }

    fn post_rpc(&self, body: &Value) -> RequestBuilder {
        Client::new().post(format!("{}/rpc", self.url)).header("content-type", "application/json").body(body.to_string())
    }

    /// The secret in the page as served: what the UI's transport reads.
    fn secret(&self) -> String {
        let html = self.get("/").send().unwrap().text().unwrap();
        page_secret(&html).unwrap_or_else(|| panic!("GET / carries no secret meta: {html}"))
    }

    /// A command as the app's page sends it; it must succeed.
    fn call(&self, body: &Value) -> Value {
        let resp = self.post_rpc(body).header("x-doorstep-secret", self.secret()).send().unwrap();
        assert_eq!(resp.status(), 200, "{body}");
        resp.json().unwrap()
    }
}

impl Drop for Adapter {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn page_secret(html: &str) -> Option<String> {
    let start = html.find(META)? + META.len();
    let len = html[start..].find('"')?;
    Some(html[start..start + len].to_owned())
}

/// A refusal: 403 with the adapter's JSON error, code "forbidden".
fn assert_forbidden(resp: Response, what: &str) {
    assert_eq!(resp.status(), 403, "{what}");
    let body: Value = resp.json().unwrap_or_else(|e| panic!("{what}: the 403 body is not JSON: {e}"));
    assert_eq!(body["code"], "forbidden", "{what}: {body}");
    assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()), "{what}: {body}");
}

/// A settings change that, if the device were called, would show in `get_settings`.
fn other_language(adapter: &Adapter) -> Value {
    let mut settings = adapter.call(&json!({"cmd": "get_settings"}));
    let now = settings["ui_language"].as_str().unwrap_or("en").to_owned();
    settings["ui_language"] = json!(if now == "vi" { "fa" } else { "vi" });
    json!({"cmd": "set_settings", "settings": settings})
}

fn assert_settings_unchanged(adapter: &Adapter, before: &Value) {
    assert_eq!(&adapter.call(&json!({"cmd": "get_settings"})), before, "a refused request reached the device");
}

#[test]
fn rpc_without_the_pages_secret_is_refused() {
    let adapter = Adapter::start();
    let before = adapter.call(&json!({"cmd": "get_settings"}));
    let change = other_language(&adapter);
    assert_forbidden(adapter.post_rpc(&json!({"cmd": "status"})).send().unwrap(), "no secret");
    assert_forbidden(adapter.post_rpc(&change).send().unwrap(), "no secret, a write");
    let right = adapter.secret();
    let wrong: String = right.chars().rev().collect();
    assert_ne!(wrong, right);
    assert_forbidden(adapter.post_rpc(&change).header("x-doorstep-secret", &wrong).send().unwrap(), "wrong secret");
    assert_forbidden(adapter.post_rpc(&change).header("x-doorstep-secret", &right[..right.len() - 1]).send().unwrap(), "the secret less a character");
    assert_forbidden(adapter.post_rpc(&change).header("x-doorstep-secret", "").send().unwrap(), "an empty secret");
    assert_settings_unchanged(&adapter, &before);
}

#[test]
fn rpc_from_another_origin_is_refused_even_with_the_secret() {
    let adapter = Adapter::start();
    let before = adapter.call(&json!({"cmd": "get_settings"}));
    let change = other_language(&adapter);
    let secret = adapter.secret();
    // What a cross-site page can send without a preflight: a text/plain POST.
    let simple = Client::new()
        .post(format!("{}/rpc", adapter.url))
        .header("content-type", "text/plain")
        .header("origin", "https://evil.example")
        .header("x-doorstep-secret", &secret)
        .body(change.to_string());
    assert_forbidden(simple.send().unwrap(), "text/plain from a foreign origin");
    for origin in ["null", "http://evil.example", &format!("http://evil.example:{}", adapter.port), &format!("http://127.0.0.1:{}", adapter.port + 1)] {
        let resp = adapter.post_rpc(&change).header("x-doorstep-secret", &secret).header("origin", origin).send().unwrap();
        assert_forbidden(resp, &format!("Origin {origin}"));
    }
    assert_settings_unchanged(&adapter, &before);
}

#[test]
fn a_rebound_host_is_refused() {
    // A DNS-rebinding page resolves its own name to 127.0.0.1: it is then
    // same-origin with itself, and its requests name its host.
    let adapter = Adapter::start();
    let before = adapter.call(&json!({"cmd": "get_settings"}));
    let change = other_language(&adapter);
    let secret = adapter.secret();
    let evil = format!("evil.example:{}", adapter.port);
    let resp = adapter
        .post_rpc(&change)
        .header("host", &evil)
        .header("origin", format!("http://{evil}"))
        .header("x-doorstep-secret", &secret)
        .send()
        .unwrap();
    assert_forbidden(resp, "Host evil.example");
    let resp = adapter.post_rpc(&change).header("host", &evil).header("x-doorstep-secret", &secret).send().unwrap();
    assert_forbidden(resp, "Host evil.example without Origin");
    let other_port = format!("127.0.0.1:{}", adapter.port + 1);
    assert_forbidden(adapter.post_rpc(&change).header("host", &other_port).header("x-doorstep-secret", &secret).send().unwrap(), "another port");
    // Nor may it read the page that carries the secret.
    let page = adapter.get("/").header("host", &evil).send().unwrap();
    assert_eq!(page.status(), 403);
    assert!(!page.text().unwrap().contains(&secret), "the secret went to a rebound host");
    assert_settings_unchanged(&adapter, &before);
}

#[test]
fn the_page_it_served_may_call_rpc() {
    let adapter = Adapter::start();
    let secret = adapter.secret();
    let status = adapter.call(&json!({"cmd": "status"}));
    assert_eq!(status["paired"], false, "{status}");
    let change = other_language(&adapter);
    let origin = format!("http://127.0.0.1:{}", adapter.port);
    let resp = adapter.post_rpc(&change).header("x-doorstep-secret", &secret).header("origin", &origin).send().unwrap();
    assert_eq!(resp.status(), 200);
    let settings: Value = resp.json().unwrap();
    assert_eq!(settings, change["settings"]);
    assert_eq!(adapter.call(&json!({"cmd": "get_settings"})), change["settings"], "the allowed write did not reach the device");
    // Any loopback name for the listening port is this adapter.
    for host in [format!("localhost:{}", adapter.port), format!("[::1]:{}", adapter.port)] {
        let resp = adapter
            .post_rpc(&json!({"cmd": "status"}))
            .header("host", &host)
            .header("origin", format!("http://{host}"))
            .header("x-doorstep-secret", &secret)
            .send()
            .unwrap();
        assert_eq!(resp.status(), 200, "Host {host}");
    }
    // Past the checks, a bad command is still the command layer's error.
    let resp = adapter.post_rpc(&json!({"cmd": "no_such"})).header("x-doorstep-secret", &secret).send().unwrap();
    assert_eq!(resp.status(), 400);
    assert_eq!(resp.json::<Value>().unwrap()["code"], "invalid");
}

#[test]
fn the_secret_is_in_the_served_page_only_and_new_each_run() {
    let adapter = Adapter::start();
    let resp = adapter.get("/").send().unwrap();
    assert_eq!(resp.status(), 200);
    assert!(resp.headers()["cache-control"].to_str().unwrap().contains("no-store"));
    let html = resp.text().unwrap();
    let secret = page_secret(&html).expect("GET / carries the secret");
    // 32 random bytes, URL-safe base64 without padding.
    assert_eq!(secret.len(), 43, "{secret}");
    assert!(secret.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'), "{secret}");
    assert!(html.contains("<title>Doorstep</title>") && html.contains("./assets/app.js"), "the page is not the built one: {html}");
    assert_eq!(page_secret(&adapter.get("/index.html").send().unwrap().text().unwrap()).as_deref(), Some(secret.as_str()));
    let on_disk = std::fs::read_to_string(adapter.assets.join("index.html")).unwrap();
    assert_eq!(on_disk, INDEX, "the adapter wrote to the UI build");
    assert!(!on_disk.contains(&secret));
    // Other assets carry no voter data and stay public.
    let script = adapter.get("/assets/app.js").send().unwrap();
    assert_eq!(script.status(), 200);
    assert!(!script.text().unwrap().contains(&secret));

    let next = Adapter::start();
    assert_ne!(next.secret(), secret, "the secret must be new each run");
    assert_forbidden(
        next.post_rpc(&json!({"cmd": "status"})).header("x-doorstep-secret", &secret).send().unwrap(),
        "another run's secret",
    );
}

#[test]
fn a_preflight_gets_no_cors_permission() {
    let adapter = Adapter::start();
    let resp = Client::new()
        .request(reqwest::Method::OPTIONS, format!("{}/rpc", adapter.url))
        .header("origin", "https://evil.example")
        .header("access-control-request-method", "POST")
        .header("access-control-request-headers", "content-type, x-doorstep-secret")
        .send()
        .unwrap();
    assert!(!resp.status().is_success(), "a preflight was allowed: {}", resp.status());
    for name in ["access-control-allow-origin", "access-control-allow-headers", "access-control-allow-credentials"] {
        assert!(resp.headers().get(name).is_none(), "preflight answered with {name}");
    }
}
