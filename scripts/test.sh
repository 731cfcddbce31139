#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds the release node once, runs the cargo
# tests of every crate, then the end-to-end tests against that same node binary.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$zkinfer_root"

step() { printf '\n=== %s (%s)\n' "$1" "$(date +%T)"; }

# zepter, which checks feature propagation (`.config/zepter.yaml`), at the version that file pins.
zepter_version=$(sed -n 's/^  binary: //p' .config/zepter.yaml)
if [[ $(zepter --version 2>/dev/null) != "zepter $zepter_version" ]]; then
	step "install zepter $zepter_version"
	cargo install --locked --quiet zepter --version "$zepter_version"
fi

step "formatting, feature propagation and lints"
cargo fmt --all --check
zepter run check
SKIP_WASM_BUILD=1 cargo clippy --release --locked --workspace --all-targets -- -D warnings
pallets=(pallet-model-registry pallet-inference-market pallet-node-staking pallet-proof-verifier pallet-governance-origins)
features=$(for p in "${pallets[@]}"; do printf '%s/runtime-benchmarks,%s/try-runtime,' "$p" "$p"; done)
SKIP_WASM_BUILD=1 cargo clippy --release --locked --all-targets "${pallets[@]/#/-p}" --features "${features%,}" -- -D warnings
SKIP_WASM_BUILD=1 cargo clippy --release --locked -p zkinfer-node --features runtime-benchmarks -- -D warnings

step "build the release node (runtime wasm included) and prover worker"
cargo build --release --locked -p zkinfer-node -p prover-worker

step "cargo tests of every crate"
cargo test --release --locked --workspace

step "benchmark tests and try-state hooks of the market pallets (mock runtimes)"
SKIP_WASM_BUILD=1 cargo test --release --locked -p pallet-model-registry -p pallet-inference-market -p pallet-node-staking \
	--features pallet-model-registry/runtime-benchmarks,pallet-model-registry/try-runtime,pallet-inference-market/runtime-benchmarks,pallet-inference-market/try-runtime,pallet-node-staking/runtime-benchmarks,pallet-node-staking/try-runtime

step "end-to-end tests"
export ZKINFER_NODE=$CARGO_TARGET_DIR/release/zkinfer-node
export ZKINFER_PROVER=$CARGO_TARGET_DIR/release/prover-worker
(cd tests && npm test)
