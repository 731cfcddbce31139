#!/usr/bin/env bash
# Measures the weights of zkinfer's own pallets on this machine and regenerates their weight
# files: builds the node with `--features runtime-benchmarks`, runs `benchmark pallet` against
# the runtime it built, writes `runtime/src/weights/<instance>.rs` (the runtime's weights) and
# `pallets/<pallet>/src/weights.rs` (the pallet's `WeightInfo` trait with the same figures),
# then rebuilds the normal node so the shared target directory is left as `test.sh` expects.
#
# Usage: scripts/benchmark.sh [--steps N] [--repeat N]   (defaults: 50 steps, 20 repeats)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$zkinfer_root"

steps=50
repeat=20
while [ $# -gt 0 ]; do
	case "$1" in
		--steps) steps=$2; shift 2 ;;
		--repeat) repeat=$2; shift 2 ;;
		*) echo "unknown argument: $1" >&2; exit 2 ;;
	esac
done

cargo build --release --locked -p zkinfer-node --features runtime-benchmarks
node_bin=$CARGO_TARGET_DIR/release/zkinfer-node
wasm=$CARGO_TARGET_DIR/release/wbuild/zkinfer-runtime/zkinfer_runtime.compact.compressed.wasm
# pallet, runtime weight file, pallet weight file
benchmarks=(
	"pallet_proof_verifier runtime/src/weights/groth16_verifier.rs pallets/proof-verifier/src/weights.rs"
)
for entry in "${benchmarks[@]}"; do
	read -r pallet runtime_weights pallet_weights <<<"$entry"
	echo "=== $pallet: $steps steps, $repeat repeats"
	run() {
		"$node_bin" benchmark pallet \
			--runtime "$wasm" --genesis-builder runtime \
			--pallet "$pallet" --extrinsic '*' \
			--steps "$steps" --repeat "$repeat" --wasm-execution compiled "$@"
	}
	# Two runs rather than one run re-rendered from JSON: proof-size estimates need the
	# runtime's storage information, which `--json-input` does not carry.
	run --header pallets/benchmarking/header.txt --output "$runtime_weights"
	run --template pallets/benchmarking/weight-template.hbs --output "$pallet_weights"
done

echo "=== rebuilding the node without benchmarks"
cargo build --release --locked -p zkinfer-node
