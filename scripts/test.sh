#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds the release node once, runs the cargo
# tests of every crate, then the end-to-end tests against that same node binary.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$zkinfer_root"

step() { printf '\n=== %s (%s)\n' "$1" "$(date +%T)"; }

step "build the release node (runtime wasm included) and prover worker"
cargo build --release --locked -p zkinfer-node -p zkinfer-prover

step "cargo tests of every crate"
cargo test --release --locked --workspace

step "benchmark tests and try-state hooks of the market pallets (mock runtimes)"
SKIP_WASM_BUILD=1 cargo test --release --locked -p pallet-model-registry -p pallet-inference-market -p pallet-node-staking \
	--features pallet-model-registry/runtime-benchmarks,pallet-model-registry/try-runtime,pallet-inference-market/runtime-benchmarks,pallet-inference-market/try-runtime,pallet-node-staking/runtime-benchmarks,pallet-node-staking/try-runtime

step "end-to-end tests"
export ZKINFER_NODE=$CARGO_TARGET_DIR/release/zkinfer-node
export ZKINFER_PROVER=$CARGO_TARGET_DIR/release/prover-worker
(cd tests && npm test)
