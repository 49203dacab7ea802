#!/usr/bin/env bash
# Builds Doorstep and runs it on the embedded store: a local endpoint with
# a demo organization, and the app already paired to it.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
target=${CARGO_TARGET_DIR:-$root/target}
export PATH="$HOME/.cargo/bin:$PATH"
bash scripts/setup-debian.sh

(cd ui && npm ci --no-audit --no-fund --loglevel=error && npm run build)
cargo build --release --locked -p doorstep-cli -p doorstep-app
doorstep="$target/release/doorstep"

# The demo device's store is encrypted; with no keychain (a headless
# machine) its key comes from this PIN, which the app then uses too.
export DOORSTEP_DEVICE_PIN=${DOORSTEP_DEVICE_PIN:-2468}
echo "the demo device's PIN is $DOORSTEP_DEVICE_PIN (set DOORSTEP_DEVICE_PIN to choose another)"

data=${DOORSTEP_DATA:-$root/doorstep-data}
home=${DOORSTEP_HOME:-$root/doorstep-device}
port=${DOORSTEP_PORT:-8480}
url="http://127.0.0.1:$port"

if [ ! -f "$data/doorstep.db" ]; then
  echo "making the demo organization in $data"
  "$doorstep" --data "$data" demo --url "$url"
fi

"$doorstep" --data "$data" serve --listen "127.0.0.1:$port" > "$data/serve.log" 2>&1 &
serve=$!
trap 'kill $serve 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "$url/healthz" >/dev/null && break; sleep 0.2; done
echo "endpoint on $url (log: $data/serve.log)"

if ! "$doorstep" device --home "$home" status --json | grep -q '"paired": true'; then
  code=$("$doorstep" --data "$data" pairing-code --user "Mai Trần" --url "$url" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["code"])')
  "$doorstep" device --home "$home" pair "$url" "$code"
fi

if [ -n "${DISPLAY:-}" ]; then
  echo "opening the app, paired as Mai Trần"
  "$target/release/doorstep-app" --home "$home"
else
  echo "no display: serving the app's UI in a browser instead"
  "$doorstep" device --home "$home" ui --listen 127.0.0.1:8481 --assets "$root/ui/dist"
fi
