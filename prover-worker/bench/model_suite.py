"""Runs the model suite through prover-worker: compile (calibrated on the model's samples),
prove one sample, verify the proof, and compare the proved output with onnxruntime's.

Usage: model_suite.py <prover-worker binary> <suite dir> <work dir>

Prints one JSON line per model and then a Markdown table with the pass rate. A model passes
when it compiles, its proof verifies and a proof of another output is refused. Its fidelity
is compile's (largest difference from tract's float inference on the samples, relative to the
output's largest value) and the proved output's difference from onnxruntime's (the output
the suite recorded; not comparable where compile dropped a final Softmax).
"""

import json
import pathlib
import subprocess
import sys
import time


def run(binary, args, env_dir):
    started = time.perf_counter()
    done = subprocess.run([binary, *args], capture_output=True, text=True,
                          env={"ZKINFER_SRS_DIR": str(env_dir), "PATH": "/usr/bin:/bin"})
    return done, time.perf_counter() - started


def first_error(stderr):
    lines = [l for l in stderr.splitlines() if l.startswith("error")]
    return (lines[-1] if lines else stderr.strip().splitlines()[-1] if stderr.strip() else "")[:200]


def check(binary, model, work, srs):
    name = model.stem
    reference = json.loads(model.with_suffix(".json").read_text())
    samples = []
    for i, values in enumerate(reference["inputs"]):
        path = work / f"{name}_{i}.json"
        path.write_text(json.dumps({"input": values}))
        samples.append(str(path))
    result = {"model": name}
    done, seconds = run(binary, ["compile", "--onnx", str(model), "--out", str(work / "artifacts"),
                                 "--calibration", *samples], srs)
    if done.returncode != 0:
        return {**result, "stage": "compile", "error": first_error(done.stderr)}
    compiled = json.loads(done.stdout)
    fidelity = max((f["maxRelError"] for f in compiled["fidelity"]), default=0.0)
    result.update(k=compiled["k"], public_inputs=compiled["publicInputs"],
                  fidelity_rel=round(fidelity, 4), compile_s=round(seconds, 2),
                  dropped_softmax=compiled["droppedSoftmax"])
    proof = work / f"{name}.proof.json"
    done, seconds = run(binary, ["prove", "--artifact", compiled["artifact"], "--input", samples[0],
                                 "--job-binding", "2a" + "00" * 31, "--out", str(proof)], srs)
    if done.returncode != 0:
        return {**result, "stage": "prove", "error": first_error(done.stderr)}
    result["prove_s"] = round(seconds, 2)
    done, _ = run(binary, ["verify", "--artifact", compiled["artifact"], "--proof", str(proof)], srs)
    if done.returncode != 0:
        return {**result, "stage": "verify", "error": first_error(done.stderr)}
    proved = json.loads(proof.read_text())
    if not compiled["droppedSoftmax"]:
        want = reference["outputs"][0]
        got = proved["outputReal"]
        scale = max([1.0] + [abs(v) for v in want])
        result["onnxruntime_rel"] = round(max(abs(g - v) for g, v in zip(got, want)) / scale, 4)
    # A proof of another output must not verify.
    last = len(proved["publicInputs"]) - 1
    proved["publicInputs"][last] = ("07" if proved["publicInputs"][last][:2] != "07" else "08") + "00" * 31
    proof.write_text(json.dumps(proved))
    done, _ = run(binary, ["verify", "--artifact", compiled["artifact"], "--proof", str(proof)], srs)
    if done.returncode == 0:
        return {**result, "stage": "soundness", "error": "a changed output verified"}
    return {**result, "stage": "passed"}


def main(binary, suite, work):
    suite, work = pathlib.Path(suite), pathlib.Path(work)
    work.mkdir(parents=True, exist_ok=True)
    srs = work / "srs"
    results = []
    for model in sorted(suite.glob("*.onnx")):
        result = check(binary, model, work, srs)
        print(json.dumps(result), flush=True)
        results.append(result)
    passed = [r for r in results if r["stage"] == "passed"]
    print()
    print("| model | result | k | public inputs | fidelity (rel.) | vs onnxruntime (rel.) | prove s |")
    print("|---|---|---|---|---|---|---|")
    for r in results:
        outcome = "passed" if r["stage"] == "passed" else f"{r['stage']}: {r['error']}"
        print(f"| {r['model']} | {outcome} | {r.get('k', '')} | {r.get('public_inputs', '')} | "
              f"{r.get('fidelity_rel', '')} | {r.get('onnxruntime_rel', '')} | {r.get('prove_s', '')} |")
    print()
    print(f"passed {len(passed)} of {len(results)} ({100 * len(passed) / max(len(results), 1):.0f} %)")


if __name__ == "__main__":
    main(*sys.argv[1:4])
