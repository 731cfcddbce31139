#!/usr/bin/env bash
# Proves one model at several fixed dot-product widths and prints, per width, the rows, k,
# setup and prove time and peak memory as JSON lines: what the planner's automatic choice is
# measured against. Not part of the test suite: it measures, it does not assert.
#
# Usage: width_sweep.sh MODEL [WIDTH...]   (a name in prover-worker/models; default widths
#   2 3 4 6 8 12 16)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
models=$root/prover-worker/models
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/zkinfer-target}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
model=${1:?usage: width_sweep.sh MODEL [WIDTH...]}
shift
widths=("$@")
if [[ ${#widths[@]} -eq 0 ]]; then
	widths=(2 3 4 6 8 12 16)
fi
(cd "$root" && SKIP_WASM_BUILD=1 cargo build --release --locked -p prover-worker --bin prover-worker)
pw=$CARGO_TARGET_DIR/release/prover-worker
calibration=("$models"/samples/"$model"_*.json)
auto=$("$pw" compile --onnx "$models/$model.onnx" --calibration "${calibration[@]}" --out "$work/auto" 2>/dev/null |
	python3 -c 'import json,sys; print(json.load(sys.stdin)["width"])')
echo "{\"model\": \"$model\", \"automatic_width\": $auto}"
for width in "${widths[@]}"; do
	artifact=$("$pw" compile --onnx "$models/$model.onnx" --calibration "${calibration[@]}" --width "$width" --out "$work/w$width" 2>/dev/null |
		python3 -c 'import json,sys; print(json.load(sys.stdin)["artifact"])')
	"$pw" bench --artifact "$artifact" --input "$models/samples/${model}_0.json" --runs 1 2>/dev/null |
		python3 -c 'import json,sys; r=json.load(sys.stdin); print(json.dumps({"width": r["dotWidth"], "k": r["k"], "rows": r["rows"], "setup_s": round(r["keygenSeconds"], 2), "prove_s": round(r["proveSeconds"]["mean"], 2), "verify_ms": round(r["verifyMilliseconds"]["mean"], 2), "peak_memory_mib": r["peakMemoryBytes"] // 2**20}))'
done
