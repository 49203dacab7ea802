#!/usr/bin/env bash
# End-to-end test of the real Doorstep desktop binary under Xvfb, driven
# through tauri-driver + WebKitWebDriver with Selenium.
#
#   tests/app/run.sh [DOORSTEP_CLI [DOORSTEP_APP]]
#
# Defaults: target/debug/doorstep and target/debug/doorstep-app (also from
# the DOORSTEP_CLI / DOORSTEP_APP environment variables). Build them first:
#   (cd ui && npm ci && npm run build)
#   cargo build -p doorstep-cli -p doorstep-app
# Needs Xvfb, WebKitWebDriver (webkit2gtk-driver) and tauri-driver
# (cargo install tauri-driver --version ^2 --locked); fails, never skips, when
# any of them is missing. Screenshots and logs land in artifacts/app/.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
# Headless, no keychain: the app's store is locked with this PIN, which the
# app (started by tauri-driver with this environment) reads as the CLI does.
export DOORSTEP_DEVICE_PIN=${DOORSTEP_DEVICE_PIN:-test-pin-2468}
cli=${1:-${DOORSTEP_CLI:-$root/target/debug/doorstep}}
app=${2:-${DOORSTEP_APP:-$root/target/debug/doorstep-app}}

# A venv with exactly requirements.txt, rebuilt only when that file changes.
venv=$here/.venv
stamp=$venv/.requirements.txt
if [ ! -x "$venv/bin/python" ] || ! cmp -s "$here/requirements.txt" "$stamp"; then
  echo "setting up $venv" >&2
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements.txt"
  cp "$here/requirements.txt" "$stamp"
fi

exec "$venv/bin/python" -u "$here/test_app.py" --cli "$cli" --app "$app" --artifacts "$root/artifacts/app"
