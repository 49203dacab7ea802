#!/usr/bin/env bash
# The UI performance benchmark against the real core: an endpoint holding a
# generated voter file, a walk list of at least 5,000 households assigned to a
# canvasser, that canvasser's device paired to it, and the device's UI served
# over loopback; then ui/bench/ui-bench.mjs (Chromium at /usr/bin/chromium via
# playwright-core) at phone size.
#
#   tests/ui/bench.sh PATH-TO-doorstep [ui-bench options: --json, --out FILE, --cold-runs N, --shift-doors N, …]
#
# Setup goes to stderr; stdout is the benchmark's table (or its JSON with
# --json). A benchmark, not a test: it fails only when it cannot run.
# BENCH_DOORS (5000) and BENCH_SEED (9) choose the data.
set -euo pipefail
doorstep=${1:?usage: tests/ui/bench.sh PATH-TO-doorstep [ui-bench options]}
shift
case $doorstep in /*) ;; *) doorstep="$PWD/$doorstep" ;; esac
[ -x "$doorstep" ] || { echo "not an executable: $doorstep" >&2; exit 1; }
root=$(cd "$(dirname "$0")/../.." && pwd)
[ -f "$root/ui/dist/index.html" ] || { echo "ui/dist is missing: build the UI first (cd ui && npm run build)" >&2; exit 1; }
want_doors=${BENCH_DOORS:-5000}
seed=${BENCH_SEED:-9}
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

say() { echo "[bench.sh] $*" >&2; }
json_field() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# How many voters make enough households (about 2.3 voters live at a door):
# generate, import into a scratch store, and count the doors of a list of all
# of them; raise the count until there are enough.
count=14000
while :; do
  rm -rf "$work/probe" "$work/voters.txt"
  "$doorstep" --data "$work/probe" gen-voters --count "$count" --seed "$seed" --out "$work/voters.txt" >&2
  "$doorstep" --data "$work/probe" import "$work/voters.txt" --json > /dev/null
  all_doors=$("$doorstep" --data "$work/probe" list create --name "All" --limit "$count" --json | json_field doors)
  say "$count voters → $all_doors households"
  [ "$all_doors" -ge "$want_doors" ] && break
  count=$((count * want_doors / (all_doors > 0 ? all_doors : 1) + 2000))
done

# The smallest people limit whose walk list (households kept whole) reaches
# the wanted number of doors, by bisection in the scratch store.
lo=1 hi=$count probe=0
while [ "$lo" -lt "$hi" ]; do
  mid=$(((lo + hi) / 2))
  probe=$((probe + 1))
  doors=$("$doorstep" --data "$work/probe" list create --name "probe $probe" --limit "$mid" --json | json_field doors)
  if [ "$doors" -ge "$want_doors" ]; then hi=$mid; else lo=$((mid + 1)); fi
done
limit=$lo
rm -rf "$work/probe"

# The endpoint: the voters, a canvasser, the big walk list assigned to them.
data="$work/endpoint"
"$doorstep" --data "$data" import "$work/voters.txt" --json > /dev/null
"$doorstep" --data "$data" user add --name Mai --role canvasser --json > /dev/null
"$doorstep" --data "$data" list create --name "Big turf" --limit "$limit" --json > "$work/list.json"
doors=$(json_field doors < "$work/list.json")
people=$(json_field people < "$work/list.json")
say "walk list \"Big turf\": $doors doors, $people people (--limit $limit)"
[ "$doors" -ge "$want_doors" ] || { echo "the walk list has $doors doors, fewer than $want_doors" >&2; exit 1; }
"$doorstep" --data "$data" list assign --list "Big turf" --user Mai >&2
code=$("$doorstep" --data "$data" pairing-code --user Mai --json | json_field code)

port=$(free_port)
url="http://127.0.0.1:$port"
"$doorstep" --data "$data" serve --listen "127.0.0.1:$port" > "$work/serve.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do grep -q "listening on http://" "$work/serve.log" && curl -sf "$url/healthz" >/dev/null && break; sleep 0.1; done
curl -sf "$url/healthz" >/dev/null || { cat "$work/serve.log" >&2; echo "the endpoint did not start" >&2; exit 1; }

# The canvasser's device, paired, and its UI.
"$doorstep" device --home "$work/device" pair "$url" "$code" >&2
ui_port=$(free_port)
ui_url="http://127.0.0.1:$ui_port"
"$doorstep" device --home "$work/device" ui --listen "127.0.0.1:$ui_port" --assets "$root/ui/dist" > "$work/ui.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do curl -sf "$ui_url/" >/dev/null && break; sleep 0.1; done
curl -sf "$ui_url/" >/dev/null || { cat "$work/ui.log" >&2; echo "the device UI did not start" >&2; exit 1; }

# The list reaches the device with pairing (or the first sync right after).
have=0
for _ in $(seq 120); do
  # /rpc takes the adapter's per-run secret: ui/e2e/adapter.mjs reads it from the page.
  have=$(cd "$root/ui" && node --input-type=module -e '
    import { rpc } from "./e2e/adapter.mjs";
    const lists = await rpc(process.argv[1], { cmd: "lists" });
    console.log(Math.max(0, ...lists.filter((l) => l.kind === "walk").map((l) => l.doors)));' "$ui_url") || have=0
  [ "$have" -ge "$doors" ] && break
  sleep 0.5
done
[ "$have" -ge "$doors" ] || { cat "$work/ui.log" >&2; echo "the device holds $have doors, not the list's $doors" >&2; exit 1; }
say "device UI at $ui_url holds the list ($have doors); benchmarking"

cd "$root"
node ui/bench/ui-bench.mjs --url "$ui_url" "$@"
