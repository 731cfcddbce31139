#!/usr/bin/env bash
# Proves models with prover-worker and with EZKL on this machine, one after the other, and
# prints both results as JSON lines and a side-by-side table with ratios. Installs EZKL into
# ~/.cache/zkinfer-ezkl-venv (pinned); safe to re-run. Not part of the test suite: it
# measures, it does not assert.
#
# Usage: compare_ezkl.sh [model...]   (names in prover-worker/models; default: the digits
#   MLP and CNN, LeNet-5 and the CIFAR-shaped CNN)
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
models_to_run=("$@")
if [[ ${#models_to_run[@]} -eq 0 ]]; then
	models_to_run=(digits_mlp digits_cnn lenet5 cifar_cnn)
fi
for model in "${models_to_run[@]}"; do
	artifact=$("$pw" compile --onnx "$models/$model.onnx" --calibration "$models"/samples/"$model"_*.json --out "$work/artifacts" 2>/dev/null |
		python3 -c 'import json,sys; print(json.load(sys.stdin)["artifact"])')
	"$pw" bench --artifact "$artifact" --input "$models/samples/${model}_0.json" --runs 3 --verify-runs 10 2>/dev/null |
		python3 -c 'import json,sys; r=json.load(sys.stdin); print(json.dumps({"prover": "zkinfer", "model": r["name"], "logrows": r["k"], "rows": r["rows"], "setup_s": round(r["keygenSeconds"], 3), "prove_s": round(r["proveSeconds"]["mean"], 3), "verify_s": round(r["verifyMilliseconds"]["median"] / 1e3, 4), "proof_bytes": r["proofBytes"], "peak_memory_bytes": r["peakMemoryBytes"]}))' |
		tee -a "$results"
	# EZKL may not finish (killed by the kernel when it runs out of memory): recorded as such.
	status=0
	"$venv/bin/python" "$here/compare_ezkl.py" "$models/$model.onnx" "$models/samples/${model}_0.json" "$work/ezkl-$model" \
		>"$work/ezkl-$model.out" 2>/dev/null || status=$?
	python3 - "$work/ezkl-$model.out" "$model" "$status" "$work/ezkl-$model/settings.json" <<'PY' | tee -a "$results"
import json, pathlib, sys
out, model, status, settings = sys.argv[1:5]
lines = pathlib.Path(out).read_text().strip().splitlines()
if status == "0" and lines:
    r = json.loads(lines[-1])
else:
    r = {"model": model, "failed": f"exit status {status}" + (" (killed: out of memory)" if status == "137" else "")}
    if pathlib.Path(settings).exists():
        s = json.loads(pathlib.Path(settings).read_text())
        r.update(logrows=s["run_args"]["logrows"], rows=s.get("num_rows"))
r["prover"] = "ezkl 23.0.5"
print(json.dumps(r))
PY
done

# Side by side, with ratios (EZKL / zkinfer: above 1 means zkinfer is faster or smaller).
python3 - "$results" <<'PY'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
print()
print("| model | prover | rows | k | setup s | prove s (mean of 3) | verify ms (median) | proof B | peak MiB |")
print("|---|---|---|---|---|---|---|---|---|")
for r in rows:
    if "failed" in r:
        print(f"| {r['model']} | {r['prover']} | {r.get('rows')} | {r.get('logrows')} | {r['failed']} |||||")
        continue
    print(f"| {r['model']} | {r['prover']} | {r.get('rows')} | {r['logrows']} | {r['setup_s']:.2f} | {r['prove_s']:.2f} | {r['verify_s'] * 1e3:.1f} | {r['proof_bytes']} | {r['peak_memory_bytes'] / 2**20:.0f} |")
print()
for ours, theirs in zip(rows[0::2], rows[1::2]):
    if "failed" in theirs:
        print(f"{ours['model']}: EZKL did not finish ({theirs['failed']})")
        continue
    ratio = lambda key: theirs[key] / ours[key]
    print(f"{ours['model']}: EZKL/zkinfer setup {ratio('setup_s'):.1f}x, prove {ratio('prove_s'):.1f}x, "
          f"verify {ratio('verify_s'):.1f}x, proof size {ratio('proof_bytes'):.1f}x, "
          f"peak memory {ratio('peak_memory_bytes'):.1f}x")
PY
