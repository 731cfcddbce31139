"""Proves a model with EZKL on this machine, for comparison with prover-worker.

Usage: compare_ezkl.py <model.onnx> <sample.json> <work dir>

The model's final Softmax is removed first (prover-worker proves the logits; EZKL would
otherwise also prove the softmax). EZKL runs as prover-worker does: public input and output,
`fixed` parameters (the verifying key commits to the weights), calibrated for "resources"
on the sample, with a locally generated (insecure) SRS of the size it asks for. Prints one
JSON line: logrows, setup and prove seconds, the median of 10 verifications of the proof,
proof bytes, peak memory of the process.
"""

import asyncio
import inspect
import json
import pathlib
import resource
import statistics
import sys
import time

import ezkl
import onnx

# Verifications timed (the median is reported), as many as prover-worker's bench makes per proof.
VERIFY_RUNS = 10


async def call(fn, *args, **kwargs):
    result = fn(*args, **kwargs)
    if inspect.isawaitable(result):
        result = await result
    return result


async def main(model_path, sample_path, work):
    work = pathlib.Path(work)
    work.mkdir(parents=True, exist_ok=True)
    model = onnx.load(model_path)
    last = model.graph.node[-1]
    if last.op_type == "Softmax":
        logits = last.input[0]
        model.graph.node.remove(last)
        shape = model.graph.output[0].type.tensor_type.shape
        del model.graph.output[:]
        model.graph.output.append(onnx.helper.make_tensor_value_info(logits, onnx.TensorProto.FLOAT, [d.dim_value for d in shape.dim]))
    logits_model = work / "model.onnx"
    onnx.save(model, logits_model)
    sample = json.loads(pathlib.Path(sample_path).read_text())
    data = work / "input.json"
    data.write_text(json.dumps({"input_data": [sample["input"]]}))

    settings, compiled, srs = work / "settings.json", work / "model.compiled", work / "kzg.srs"
    vk, pk, witness, proof = work / "vk.key", work / "pk.key", work / "witness.json", work / "proof.json"
    run_args = ezkl.PyRunArgs()
    run_args.input_visibility = "public"
    run_args.output_visibility = "public"
    run_args.param_visibility = "fixed"
    await call(ezkl.gen_settings, str(logits_model), str(settings), py_run_args=run_args)
    await call(ezkl.calibrate_settings, str(data), str(logits_model), str(settings), "resources")
    await call(ezkl.compile_circuit, str(logits_model), str(compiled), str(settings))
    logrows = json.loads(settings.read_text())["run_args"]["logrows"]
    await call(ezkl.gen_srs, str(srs), logrows)
    start = time.perf_counter()
    await call(ezkl.setup, str(compiled), str(vk), str(pk), str(srs))
    setup_s = time.perf_counter() - start
    await call(ezkl.gen_witness, str(data), str(compiled), str(witness))
    start = time.perf_counter()
    await call(ezkl.prove, str(witness), str(compiled), str(pk), str(proof), str(srs))
    prove_s = time.perf_counter() - start
    verify_times = []
    for _ in range(VERIFY_RUNS):
        start = time.perf_counter()
        ok = await call(ezkl.verify, str(proof), str(settings), str(vk), str(srs))
        verify_times.append(time.perf_counter() - start)
        if not ok:
            break
    verify_s = statistics.median(verify_times)
    proof_bytes = len(bytes.fromhex(json.loads(proof.read_text())["hex_proof"].removeprefix("0x")))
    run_args = json.loads(settings.read_text())["run_args"]
    print(json.dumps({
        "model": pathlib.Path(model_path).stem, "logrows": logrows,
        "rows": json.loads(settings.read_text()).get("num_rows"),
        "input_scale": run_args.get("input_scale"), "param_scale": run_args.get("param_scale"),
        "lookup_range": run_args.get("lookup_range"), "setup_s": round(setup_s, 3),
        "prove_s": round(prove_s, 3), "verify_s": round(verify_s, 4), "verified": ok,
        "proof_bytes": proof_bytes,
        "peak_memory_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        "visibility": [run_args.get("input_visibility"), run_args.get("output_visibility"), run_args.get("param_visibility")],
    }))


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:4]))
