#!/usr/bin/env bash
# Every test Doorstep has, on a fresh Debian 12 machine or a warm one.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
target=${CARGO_TARGET_DIR:-$root/target}
export PATH="$HOME/.cargo/bin:$PATH"

step() { printf '\n== %s ==\n' "$*"; }

step "setup"
bash scripts/setup-debian.sh

step "UI: install, type-check, build, unit tests"
(cd ui && npm ci --no-audit --no-fund --loglevel=error && npm run check && npm run build && npm run test:unit)

step "Rust: core, endpoint, CLI, generator, end-to-end"
cargo build --locked -p doorstep-cli
cargo test --locked
# cargo test rewrote the UI's TypeScript types from the Rust ones; they must
# be what is committed, or the UI was checked against stale types.
git diff --exit-code --stat -- ui/src/generated || { echo "ui/src/generated differs from the Rust types: commit it" >&2; exit 1; }

step "The app binary"
cargo build --locked -p doorstep-app

step "UI in headless Chromium against the real core"
bash tests/ui/run.sh "$target/debug/doorstep"

step "The real app under Xvfb, over WebDriver"
bash tests/app/run.sh "$target/debug/doorstep" "$target/debug/doorstep-app"
