#!/usr/bin/env bash
# Runs the UI's browser tests against the real core: a demo endpoint, a
# device paired to it, and that device's UI served over loopback.
set -euo pipefail
# Headless, no keychain: the device's store is locked with this PIN.
export DOORSTEP_DEVICE_PIN=${DOORSTEP_DEVICE_PIN:-test-pin-2468}
doorstep=${1:?usage: tests/ui/run.sh PATH-TO-doorstep}
root=$(cd "$(dirname "$0")/../.." && pwd)
[ -f "$root/ui/dist/index.html" ] || { echo "ui/dist is missing: build the UI first" >&2; exit 1; }
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=$(free_port)
url="http://127.0.0.1:$port"
(cd "$root" && "$doorstep" --data "$work/endpoint" demo --people 2000 --url "$url" --json) > "$work/demo.json"
"$doorstep" --data "$work/endpoint" serve --listen "127.0.0.1:$port" > "$work/serve.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do curl -sf "$url/healthz" >/dev/null && break; sleep 0.2; done
curl -sf "$url/healthz" >/dev/null || { cat "$work/serve.log"; echo "the endpoint did not start" >&2; exit 1; }

code=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(next(p["code"] for p in d["pairing"] if p["user"].startswith("Mai")))' "$work/demo.json")
"$doorstep" device --home "$work/device" pair "$url" "$code"

ui_port=$(free_port)
"$doorstep" device --home "$work/device" ui --listen "127.0.0.1:$ui_port" --assets "$root/ui/dist" > "$work/ui.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$ui_port/" >/dev/null && break; sleep 0.2; done

cd "$root/ui"
DOORSTEP_UI_URL="http://127.0.0.1:$ui_port" npm run --silent test:e2e
