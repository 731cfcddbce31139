#!/usr/bin/env bash
# Measures the weights of zkinfer's own pallets on this machine and regenerates their weight
# files: builds the node with `--features runtime-benchmarks`, runs `benchmark pallet` against
# the runtime it built, writes `runtime/src/weights/<instance>.rs` (the runtime's weights) and
# `pallets/<pallet>/src/weights.rs` (the pallet's `WeightInfo` trait with the same figures),
# then rebuilds the normal node so the shared target directory is left as `test.sh` expects.
#
# Usage: scripts/benchmark.sh [--steps N] [--repeat N] [--pallet NAME]...
#   (defaults: 50 steps, 20 repeats, every pallet below; --pallet limits the run to those named)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$zkinfer_root"

steps=50
repeat=20
only=()
while [ $# -gt 0 ]; do
	case "$1" in
		--steps) steps=$2; shift 2 ;;
		--repeat) repeat=$2; shift 2 ;;
		--pallet) only+=("$2"); shift 2 ;;
		*) echo "unknown argument: $1" >&2; exit 2 ;;
	esac
done

cargo build --release --locked -p zkinfer-node --features runtime-benchmarks
node_bin=$CARGO_TARGET_DIR/release/zkinfer-node
wasm=$CARGO_TARGET_DIR/release/wbuild/zkinfer-runtime/zkinfer_runtime.compact.compressed.wasm
# The CLI writes into a directory (several instances, several files); a fixed one keeps the
# command recorded in the weight files the same from run to run.
out=$CARGO_TARGET_DIR/benchmark-weights
# Each entry: pallet, pallet weight file, the instance whose figures that file carries, then
# "instance=runtime weight file" for every instance the runtime has. With several instances
# the CLI names its files <pallet>_<instance>.rs in the output directory; a pallet with one
# instance is written to <pallet>.rs, named "-" here.
benchmarks=(
	"pallet_proof_verifier pallets/proof-verifier/src/weights.rs halo_2_verifier groth_16_verifier=runtime/src/weights/groth16_verifier.rs halo_2_verifier=runtime/src/weights/halo2_verifier.rs"
	"pallet_model_registry pallets/model-registry/src/weights.rs - -=runtime/src/weights/model_registry.rs"
	"pallet_inference_market pallets/inference-market/src/weights.rs - -=runtime/src/weights/inference_market.rs"
	"pallet_node_staking pallets/node-staking/src/weights.rs - -=runtime/src/weights/node_staking.rs"
)
# The CLI's file for `pallet` and `instance` ("-": the only one).
generated() {
	if [ "$2" = "-" ]; then echo "$1.rs"; else echo "$1_$2.rs"; fi
}
for entry in "${benchmarks[@]}"; do
	read -r pallet pallet_weights pallet_instance instances <<<"$entry"
	if [ ${#only[@]} -gt 0 ] && [[ " ${only[*]} " != *" $pallet "* ]]; then
		continue
	fi
	echo "=== $pallet: $steps steps, $repeat repeats"
	run() {
		"$node_bin" benchmark pallet \
			--runtime "$wasm" --genesis-builder runtime \
			--pallet "$pallet" --extrinsic '*' \
			--steps "$steps" --repeat "$repeat" --wasm-execution compiled \
			--output-analysis max "$@"
	}
	# Two runs rather than one run re-rendered from JSON: proof-size estimates need the
	# runtime's storage information, which `--json-input` does not carry.
	rm -rf "$out" && mkdir -p "$out/runtime" "$out/pallet"
	# Measured once; both weight files are written from the same results.
	run --header pallets/benchmarking/header.txt --output "$out/runtime" --json-file "$out/results.json"
	run --template pallets/benchmarking/weight-template.hbs --output "$out/pallet" --json-input "$out/results.json"
	for mapping in $instances; do
		instance=${mapping%%=*}
		# The CLI lists each component's range merged over all instances of the pallet
		# (it keys ranges by pallet and call), which would be wrong for every one of them:
		# drop those lines; the ranges are in the pallet's benchmarking.rs.
		grep -v '/// The range of component' "$out/runtime/$(generated "$pallet" "$instance")" >"${mapping#*=}"
	done
	cp "$out/pallet/$(generated "$pallet" "$pallet_instance")" "$pallet_weights"
done

echo "=== rebuilding the node without benchmarks"
cargo build --release --locked -p zkinfer-node
