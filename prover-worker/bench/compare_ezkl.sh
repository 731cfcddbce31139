#!/usr/bin/env bash
# Proves the digits models with prover-worker and with EZKL on this machine and prints both
# results as JSON lines. Installs EZKL into ~/.cache/zkinfer-ezkl-venv (pinned); safe to
# re-run. Not part of the test suite: it measures, it does not assert.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
models=$root/prover-worker/models
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/zkinfer-target}
venv=${ZKINFER_EZKL_VENV:-$HOME/.cache/zkinfer-ezkl-venv}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [[ ! -x $venv/bin/python ]]; then
	python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet ezkl==23.0.5 onnx==1.23.2
(cd "$root" && SKIP_WASM_BUILD=1 cargo build --release --locked -p prover-worker --bin prover-worker)
pw=$CARGO_TARGET_DIR/release/prover-worker

results=$work/results.jsonl
for model in digits_mlp digits_cnn; do
	artifact=$("$pw" compile --onnx "$models/$model.onnx" --calibration "$models"/samples/"$model"_*.json --out "$work/artifacts" 2>/dev/null |
		python3 -c 'import json,sys; print(json.load(sys.stdin)["artifact"])')
	"$pw" bench --artifact "$artifact" --input "$models/samples/${model}_0.json" --runs 3 2>/dev/null |
		python3 -c 'import json,sys; r=json.load(sys.stdin); print(json.dumps({"prover": "zkinfer", "model": r["name"], "logrows": r["k"], "rows": r["rows"], "setup_s": round(r["keygenSeconds"], 3), "prove_s": round(r["proveSeconds"]["mean"], 3), "verify_s": round(r["verifyMilliseconds"]["mean"] / 1e3, 4), "proof_bytes": r["proofBytes"], "peak_memory_bytes": r["peakMemoryBytes"]}))' |
		tee -a "$results"
	"$venv/bin/python" "$here/compare_ezkl.py" "$models/$model.onnx" "$models/samples/${model}_0.json" "$work/ezkl-$model" 2>/dev/null |
		tail -n 1 | python3 -c 'import json,sys; r=json.load(sys.stdin); r["prover"]="ezkl 23.0.5"; print(json.dumps(r))' | tee -a "$results"
done

# Side by side, with ratios (EZKL / zkinfer: above 1 means zkinfer is faster or smaller).
python3 - "$results" <<'PY'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
print()
print("| model | prover | k | setup s | prove s | verify ms | proof B | peak MiB |")
print("|---|---|---|---|---|---|---|---|")
for r in rows:
    print(f"| {r['model']} | {r['prover']} | {r['logrows']} | {r['setup_s']:.2f} | {r['prove_s']:.2f} | {r['verify_s'] * 1e3:.1f} | {r['proof_bytes']} | {r['peak_memory_bytes'] / 2**20:.0f} |")
print()
for ours, theirs in zip(rows[0::2], rows[1::2]):
    ratio = lambda key: theirs[key] / ours[key]
    print(f"{ours['model']}: EZKL/zkinfer prove {ratio('prove_s'):.1f}x, verify {ratio('verify_s'):.1f}x, "
          f"proof size {ratio('proof_bytes'):.1f}x, peak memory {ratio('peak_memory_bytes'):.1f}x")
PY
