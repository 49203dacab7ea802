#!/usr/bin/env python3
"""End-to-end test of the real Doorstep desktop app (the Tauri binary).

Sets up a real endpoint with the `doorstep` CLI, runs the app under Xvfb
through tauri-driver (WebKitWebDriver), and walks the field story:

1. pair the device through the pairing screen; check the lockdown: the page
   may invoke `rpc` but no other command (plugin:app|version is refused by
   the ACL), and the CSP stops it from fetching the endpoint itself;
2. open the walk list "Turf A";
3. stop the endpoint, record "Not home" at a door: the sync bar shows offline
   and at least one record pending;
4. start the endpoint again: the app syncs by itself (nobody clicks "Sync
   now") until nothing is pending;
5. the endpoint holds the attempt (`doorstep attempts --json`).

Screenshots of every step and the logs of every process go to --artifacts.
Fails loudly (exit 1, a FAIL line saying why) on anything missing or wrong;
never skips. Every process it starts is stopped, by its own process group,
however the test ends.

Run it through tests/app/run.sh, which provides the Selenium venv.
"""

from __future__ import annotations

import argparse
import json
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

LIST_NAME = "Turf A"
USER_NAME = "Mai"
SYNC_BACK_TIMEOUT = 60.0


class Failure(Exception):
    """A check that did not hold; its message is the test's verdict."""


def log(msg: str) -> None:
    print(f"[app-e2e {time.strftime('%H:%M:%S')}] {msg}", flush=True)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(what: str, check, timeout: float, interval: float = 0.25, detail=None):
    """Polls `check` until it returns something truthy; fails naming `what`."""
    deadline = time.monotonic() + timeout
    last_exc: Exception | None = None
    while True:
        try:
            value = check()
            if value:
                return value
            last_exc = None
        except Failure:
            raise
        except Exception as e:  # a stale element, a page still rendering, ...
            last_exc = e
        if time.monotonic() >= deadline:
            extra = ""
            if detail is not None:
                try:
                    extra = f"; last seen: {detail()}"
                except Exception as e:
                    extra = f"; (could not describe state: {e})"
            if last_exc is not None:
                extra += f"; last error: {type(last_exc).__name__}: {last_exc}"
            raise Failure(f"timed out after {timeout:.0f}s waiting for {what}{extra}")
        time.sleep(interval)


class Processes:
    """Every process the test starts, each in its own process group so its
    children (WebKitWebDriver, the app) are stopped with it."""

    def __init__(self, logs: Path):
        self.logs = logs
        self.running: list[tuple[str, subprocess.Popen]] = []

    def start(self, name: str, argv: list[str], env: dict | None = None, **kw) -> subprocess.Popen:
        log_path = self.logs / f"{name}.log"
        out = open(log_path, "ab")
        out.write(f"\n=== {time.strftime('%H:%M:%S')} {' '.join(argv)}\n".encode())
        out.flush()
        try:
            p = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                 env=env, start_new_session=True, **kw)
        finally:
            out.close()
        self.running.append((name, p))
        log(f"started {name} (pid {p.pid})")
        return p

    def stop(self, p: subprocess.Popen, timeout: float = 10.0) -> None:
        name = next((n for n, q in self.running if q is p), "?")
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(p.pid, sig)  # the group this test created for it
            except ProcessLookupError:
                pass
            try:
                p.wait(timeout=timeout)
                break
            except subprocess.TimeoutExpired:
                log(f"{name} (pid {p.pid}) ignored SIGTERM; killing it")
        # Children that outlived their parent are in the same group.
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.running = [(n, q) for n, q in self.running if q is not p]
        log(f"stopped {name} (pid {p.pid})")

    def stop_all(self) -> None:
        for _, p in reversed(list(self.running)):
            try:
                self.stop(p, timeout=5.0)
            except Exception as e:
                log(f"while stopping pid {p.pid}: {e}")


def require_executable(what: str, path: str | None) -> str:
    if not path:
        raise Failure(f"{what} not found")
    resolved = shutil.which(path) if os.sep not in path else path
    if not resolved or not os.path.isfile(resolved) or not os.access(resolved, os.X_OK):
        raise Failure(f"{what} not found or not executable: {path}")
    return os.path.abspath(resolved)


class Endpoint:
    """The organizer's endpoint, driven through the real CLI."""

    def __init__(self, cli: str, data: Path, procs: Processes):
        self.cli = cli
        self.data = data
        self.procs = procs
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server: subprocess.Popen | None = None

    def run(self, *args: str, json_out: bool = False):
        argv = [self.cli, "--data", str(self.data), *args]
        p = subprocess.run(argv, capture_output=True, text=True, timeout=300)
        if p.returncode != 0:
            raise Failure(f"`{' '.join(argv)}` exited {p.returncode}:\n{p.stderr.strip() or p.stdout.strip()}")
        if json_out:
            try:
                return json.loads(p.stdout)
            except json.JSONDecodeError as e:
                raise Failure(f"`{' '.join(argv)}` did not print JSON ({e}): {p.stdout[:500]!r}")
        return p.stdout

    def start(self) -> None:
        log_path = self.procs.logs / "serve.log"
        offset = log_path.stat().st_size if log_path.exists() else 0
        self.server = self.procs.start("serve", [self.cli, "--data", str(self.data), "serve", "--listen", f"127.0.0.1:{self.port}"])

        def listening():
            if self.server.poll() is not None:
                raise Failure(f"`doorstep serve` exited {self.server.returncode}; see {log_path}")
            with open(log_path, "rb") as f:
                f.seek(offset)
                return f"listening on {self.url}" in f.read().decode(errors="replace")

        wait_for(f"`doorstep serve` to print 'listening on {self.url}'", listening, timeout=30)
        log(f"endpoint listening on {self.url}")

    def stop(self) -> None:
        if self.server is not None:
            self.procs.stop(self.server)
            self.server = None

    def attempts(self) -> list[dict]:
        out = self.run("attempts", "--json", json_out=True)
        if not isinstance(out, list):
            raise Failure(f"`doorstep attempts --json` did not print an array: {out!r}")
        return out


def start_xvfb(procs: Processes) -> str:
    """Xvfb on a display it picks itself (-displayfd), so parallel runs never clash."""
    xvfb = require_executable("Xvfb (apt-get install xvfb)", "Xvfb")
    r, w = os.pipe()
    try:
        p = procs.start("xvfb", [xvfb, "-displayfd", str(w), "-screen", "0", "1280x1024x24", "-nolisten", "tcp", "-noreset"], pass_fds=(w,))
    finally:
        os.close(w)
    # Xvfb writes the number and the newline separately, and dies (EPIPE) if
    # the pipe is closed in between: read up to the newline.
    got = b""
    deadline = time.monotonic() + 30
    try:
        while not got.endswith(b"\n"):
            ready, _, _ = select.select([r], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                raise Failure("Xvfb did not report a display within 30 s; see xvfb.log")
            chunk = os.read(r, 64)
            if not chunk:
                break
            got += chunk
    finally:
        os.close(r)
    number = got.decode().strip()
    if not number.isdigit():
        raise Failure(f"Xvfb exited before reporting a display (exit {p.poll()}); see xvfb.log")
    log(f"Xvfb on :{number}")
    return f":{number}"


def start_tauri_driver(procs: Processes, display: str) -> str:
    driver = shutil.which("tauri-driver") or os.path.expanduser("~/.cargo/bin/tauri-driver")
    driver = require_executable("tauri-driver (cargo install tauri-driver --version ^2 --locked)", driver)
    native = require_executable("WebKitWebDriver (apt-get install webkit2gtk-driver)", shutil.which("WebKitWebDriver") or "/usr/bin/WebKitWebDriver")
    port, native_port = free_port(), free_port()
    env = dict(os.environ)
    env["DISPLAY"] = display
    env.setdefault("RUST_LOG", "info")
    # WEBKIT_DISABLE_COMPOSITING_MODE passes through from the caller only.
    # WebKitGTK 2.52 may paint nothing under Xvfb without it, but on 2.50
    # (Debian 12) it makes every WebDriver screenshot stall for 20 s or
    # forever. run.sh leaves it unset; set it to 1 where the window is blank.
    env.pop("WAYLAND_DISPLAY", None)
    p = procs.start("tauri-driver", [driver, "--port", str(port), "--native-port", str(native_port), "--native-driver", native], env=env)
    url = f"http://127.0.0.1:{port}"

    def ready():
        if p.poll() is not None:
            raise Failure(f"tauri-driver exited {p.returncode}; see tauri-driver.log")
        try:
            with urllib.request.urlopen(f"{url}/status", timeout=2) as res:
                body = json.loads(res.read() or b"{}")
                return body.get("value", {}).get("ready", res.status == 200)
        except (urllib.error.URLError, ConnectionError, TimeoutError, json.JSONDecodeError):
            return False

    wait_for(f"tauri-driver at {url}/status", ready, timeout=30)
    log(f"tauri-driver ready at {url}")
    return url


class App:
    """The app's window through WebDriver, with the selectors the UI offers."""

    def __init__(self, driver, shots: Path):
        from selenium.webdriver.common.by import By

        self.d = driver
        self.By = By
        self.shots = shots
        self.step = 0

    def shot(self, name: str) -> None:
        self.step += 1
        path = self.shots / f"{self.step:02d}-{name}.png"
        if not self.d.get_screenshot_as_file(str(path)):
            raise Failure(f"could not save the screenshot {path}")
        log(f"screenshot {path.name}")

    def css(self, selector: str):
        return self.d.find_elements(self.By.CSS_SELECTOR, selector)

    def one(self, what: str, selector: str, timeout: float = 20, visible: bool = True):
        def find():
            for el in self.css(selector):
                if not visible or el.is_displayed():
                    return el
            return None

        return wait_for(f"{what} ({selector})", find, timeout, detail=self.describe)

    def hash(self) -> str:
        return self.d.execute_script("return location.hash")

    def sync_state(self) -> tuple[str | None, int | None]:
        bars = self.css("section.sync-bar")
        if not bars:
            return None, None
        pending = self.css("section.sync-bar .pending")
        n = pending[0].get_attribute("data-pending") if pending else None
        return bars[0].get_attribute("data-state"), int(n) if n is not None and n.isdigit() else None

    def describe(self) -> str:
        try:
            state, pending = self.sync_state()
            text = self.d.execute_script("return document.body ? document.body.innerText : ''") or ""
            return f"route {self.hash()!r}, sync bar {state!r} pending {pending!r}, page text {' '.join(text.split())[:400]!r}"
        except Exception as e:
            return f"(page not readable: {e})"


def run_test(args, procs: Processes, tmp: Path, artifacts: Path) -> None:
    cli = require_executable("the doorstep CLI (cargo build -p doorstep-cli)", args.cli)
    app_bin = require_executable("the app binary (cargo build -p doorstep-app)", args.app)
    try:
        from selenium import webdriver
        from selenium.webdriver.common.options import ArgOptions
        from selenium.webdriver.remote.client_config import ClientConfig
    except ImportError as e:
        raise Failure(f"Selenium is not installed ({e}); run this through tests/app/run.sh")

    # 1. The endpoint: voters, a canvasser, a list assigned to her, a code.
    data = tmp / "endpoint"
    voters = tmp / "voters.csv"
    ep = Endpoint(cli, data, procs)
    ep.run("gen-voters", "--count", "300", "--seed", "5", "--out", str(voters))
    ep.run("import", str(voters))
    ep.run("user", "add", "--name", USER_NAME, "--role", "canvasser", "--speaks", "vi,en", "--json", json_out=True)
    ep.run("list", "create", "--name", LIST_NAME, "--limit", "40", "--json", json_out=True)
    ep.run("list", "assign", "--list", LIST_NAME, "--user", USER_NAME)
    pairing = ep.run("pairing-code", "--user", USER_NAME, "--json", json_out=True)
    code = pairing.get("code") if isinstance(pairing, dict) else None
    if not code:
        raise Failure(f"`doorstep pairing-code --json` gave no code: {pairing!r}")
    ep.start()
    if ep.attempts():
        raise Failure("the fresh endpoint already holds attempts")

    # 2. The display and the driver.
    display = start_xvfb(procs)
    driver_url = start_tauri_driver(procs, display)

    # 3. The app, with a device home of its own.
    home = tmp / "device-home"
    opts = ArgOptions()
    opts.set_capability("browserName", "wry")
    opts.set_capability("tauri:options", {"application": app_bin, "args": ["--home", str(home)]})
    log(f"opening a session on {app_bin} --home {home}")
    try:
        # A bounded wait per WebDriver command: a stalled command fails the
        # test instead of hanging it.
        config = ClientConfig(remote_server_addr=driver_url, timeout=60)
        driver = webdriver.Remote(command_executor=driver_url, options=opts, client_config=config)
    except Exception as e:
        raise Failure(f"could not open a WebDriver session on the app: {e}; see tauri-driver.log")
    try:
        app = App(driver, artifacts)
        try:
            walk(app, ep, code, home)
        except BaseException:
            try:
                driver.get_screenshot_as_file(str(artifacts / "failure.png"))
                (artifacts / "failure.html").write_text(driver.page_source)
                log(f"at failure: {app.describe()}")
            except Exception as e:
                log(f"could not capture the failing screen: {e}")
            raise
    finally:
        try:
            driver.quit()
        except Exception as e:
            log(f"closing the session: {e}")


def in_page(app: App, body: str, *args):
    """Runs `body` as an async function in the page (`arguments` are `args`);
    answers {ok: true, value} or {ok: false, error}."""
    return app.d.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        f"const p = (async () => {{ {body} }})();"
        "p.then(v => done({ok: true, value: v}), e => done({ok: false, error: String(e && e.message || e)}));",
        *args,
    )


def check_lockdown(app: App, ep: Endpoint) -> None:
    """The window holds only `rpc`, and the page cannot reach the network itself."""
    app.d.set_script_timeout(15)
    call = "return await window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1]);"
    got = in_page(app, call, "rpc", {"request": {"cmd": "status"}})
    if not (got.get("ok") and got["value"].get("paired")):
        raise Failure(f"invoke('rpc', status) from the page did not answer a paired status: {got}")
    got = in_page(app, call, "plugin:app|version", {})
    if got.get("ok"):
        raise Failure(f"the page may call plugin:app|version, which no capability grants: {got}")
    if "not allowed" not in got.get("error", ""):
        raise Failure(f"plugin:app|version was refused, but not by the ACL: {got}")
    refused = got["error"]
    # no-cors: without the CSP this would succeed (an opaque answer), so only
    # connect-src can stop it.
    got = in_page(app, """
        const violation = new Promise((resolve) => document.addEventListener(
            'securitypolicyviolation', (e) => resolve(e.violatedDirective), {once: true}));
        try {
            await fetch(arguments[0], {mode: 'no-cors'});
            return {fetched: true};
        } catch (e) {
            const directive = await Promise.race([violation, new Promise((r) => setTimeout(() => r(null), 3000))]);
            return {fetched: false, directive};
        }""", f"{ep.url}/")
    value = got.get("value") or {}
    if not got.get("ok") or value.get("fetched") or not str(value.get("directive") or "").startswith("connect-src"):
        raise Failure(f"fetch() from the page to {ep.url} was not stopped by the CSP's connect-src: {got}")
    log(f"lockdown: rpc answers; plugin:app|version is refused ({refused}); fetch() to the endpoint is blocked by {value['directive']}")


def walk(app: App, ep: Endpoint, code: str, home: Path) -> None:
    # (1) Pairing: an unpaired device opens on #/pair.
    code_field = app.one("the pairing code field", "#pair-code", timeout=60)
    url_field = app.one("the endpoint address field", "#pair-url")
    app.shot("pairing")
    code_field.send_keys(code)
    url_field.send_keys(ep.url)
    app.one("the Pair button", "form button[type=submit]").click()
    wait_for("the lists screen after pairing (#/lists)", lambda: app.hash().startswith("#/lists"), 60, detail=app.describe)
    if not (home / "device.db").is_file():
        raise Failure(f"the app did not use the --home directory: {home / 'device.db'} is missing")

    def turf_link():
        for a in app.css("a.list"):
            names = a.find_elements(app.By.CSS_SELECTOR, ".name")
            if names and names[0].text.strip() == LIST_NAME:
                return a
        return None

    link = wait_for(f"the list {LIST_NAME!r} on the lists screen", turf_link, 60, detail=app.describe)
    wait_for("the sync bar to show online with nothing pending",
             lambda: app.sync_state() == ("online", 0), 30, detail=app.describe)
    app.shot("paired-lists")
    log("paired; the list arrived")

    check_lockdown(app, ep)

    # (2) The walk list.
    link.click()
    wait_for("the walk list route", lambda: app.hash().startswith("#/list/"), 20, detail=app.describe)
    door = app.one("a door on the walk list", "a.door[data-household]", timeout=30)
    wait_for(f"the walk list titled {LIST_NAME!r}",
             lambda: any(h.text.strip() == LIST_NAME for h in app.css("h1")), 20, detail=app.describe)
    app.shot("walk-list")
    household = door.get_attribute("data-household")
    log(f"walk list open; first door {household}")

    # (3) Offline: stop the endpoint, record "Not home".
    ep.stop()
    door.click()
    wait_for("the door screen", lambda: app.hash().startswith(f"#/door/{household}"), 20, detail=app.describe)
    app.one("the Not home button", 'button[data-result="not_home"]').click()
    saved = app.one("the saved-attempt notice", '[data-testid="attempt-saved"]')
    log(f"attempt saved on the device (pending={saved.get_attribute('data-pending')})")

    def offline_with_pending():
        state, pending = app.sync_state()
        return state == "offline" and pending is not None and pending >= 1

    wait_for("the sync bar to show offline with at least 1 pending", offline_with_pending, 30, detail=app.describe)
    app.shot("offline-pending")
    if ep.attempts():
        raise Failure("the endpoint holds an attempt although it was down")
    log(f"offline: the sync bar says {app.sync_state()}")

    # (4) The network returns; the app must notice by itself (no click).
    ep.start()
    started = time.monotonic()
    wait_for("the app to sync by itself: sync bar online with 0 pending",
             lambda: app.sync_state() == ("online", 0), SYNC_BACK_TIMEOUT, interval=0.5, detail=app.describe)
    log(f"synced by itself {time.monotonic() - started:.1f}s after the endpoint came back")
    app.shot("synced")

    # (5) The endpoint holds it.
    attempts = ep.attempts()
    ours = [a for a in attempts if a.get("household") == household and a.get("result") == "not_home"]
    if len(ours) != 1:
        raise Failure(f"expected exactly one not_home attempt for household {household} at the endpoint, got: {json.dumps(attempts, indent=1)[:2000]}")
    log(f"the endpoint holds attempt {ours[0].get('id')} (not_home at {household})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", default=os.environ.get("DOORSTEP_CLI"), help="the doorstep CLI binary")
    parser.add_argument("--app", default=os.environ.get("DOORSTEP_APP"), help="the doorstep-app binary")
    parser.add_argument("--artifacts", required=True, help="where screenshots and logs go")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args()

    artifacts = Path(args.artifacts).resolve()
    artifacts.mkdir(parents=True, exist_ok=True)
    for old in list(artifacts.glob("*.png")) + list(artifacts.glob("*.log")) + list(artifacts.glob("*.html")):
        old.unlink()

    # SIGTERM/SIGINT/SIGHUP (a CI timeout, ^C) still run the cleanup below.
    def interrupted(signum, _frame):
        raise KeyboardInterrupt(f"signal {signum}")

    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, interrupted)

    tmp = Path(tempfile.mkdtemp(prefix="doorstep-app-e2e-"))
    procs = Processes(artifacts)
    started = time.monotonic()
    ok = False
    try:
        run_test(args, procs, tmp, artifacts)
        ok = True
    except Failure as e:
        print(f"\nFAIL: {e}", file=sys.stderr)
    except KeyboardInterrupt as e:
        print(f"\nFAIL: interrupted ({e})", file=sys.stderr)
    except Exception:
        traceback.print_exc()
        print("\nFAIL: unexpected error (traceback above)", file=sys.stderr)
    finally:
        procs.stop_all()
        if ok and not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
        elif any(tmp.iterdir()):
            log(f"kept {tmp} (the endpoint's data and the device home)")
        else:
            tmp.rmdir()
    took = time.monotonic() - started
    if ok:
        print(f"\nPASS: app end-to-end in {took:.1f}s; screenshots and logs in {artifacts}")
        return 0
    print(f"  ({took:.1f}s; screenshots and logs in {artifacts})", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
