//! The `prover-worker` binary end to end: compile, setup, prove, verify, inspect, and the
//! failures a user sees.

use std::{
	path::{Path, PathBuf},
	process::{Command, Output},
};

mod common;
use common::manifest_dir;

fn models() -> PathBuf {
	manifest_dir().join("models")
}

fn prover_worker(args: &[&str], srs_dir: &Path) -> Output {
	Command::new(env!("CARGO_BIN_EXE_prover-worker"))
		.args(args)
		.env("ZKINFER_SRS_DIR", srs_dir)
		.output()
		.expect("runs")
}

fn stdout_json(output: &Output) -> serde_json::Value {
	assert!(output.status.success(), "stderr: {}", String::from_utf8_lossy(&output.stderr));
	serde_json::from_slice(&output.stdout).expect("JSON on stdout")
}

fn temp_dir(name: &str) -> PathBuf {
	let dir = std::env::temp_dir().join(format!("zkinfer-cli-{name}-{}", std::process::id()));
	let _ = std::fs::remove_dir_all(&dir);
	std::fs::create_dir_all(&dir).unwrap();
	dir
}

#[test]
fn compile_prove_verify_the_digits_mlp() {
	compile_prove_verify("digits_mlp", &["MatMul", "MatMul"]);
}

#[test]
fn compile_prove_verify_the_digits_cnn() {
	compile_prove_verify("digits_cnn", &["Conv", "MaxPool", "Conv", "SumPool", "MatMul"]);
}

/// Writes `proof` to `path` and checks that `verify` refuses it.
fn assert_refused(artifact: &str, path: &Path, proof: &serde_json::Value, srs: &Path) {
	std::fs::write(path, serde_json::to_vec(proof).unwrap()).unwrap();
	let refused =
		prover_worker(&["verify", "--artifact", artifact, "--proof", path.to_str().unwrap()], srs);
	assert!(!refused.status.success());
	assert!(String::from_utf8_lossy(&refused.stderr).contains("the proof does not verify"));
}

fn compile_prove_verify(model: &str, expected_ops: &[&str]) {
	let dir = temp_dir(model);
	let srs = dir.join("srs");
	let onnx = models().join(format!("{model}.onnx"));
	let samples: Vec<String> = (0..5)
		.map(|i| models().join(format!("samples/{model}_{i}.json")).display().to_string())
		.collect();
	let out = dir.join("artifacts");
	let mut args = vec![
		"compile",
		"--onnx",
		onnx.to_str().unwrap(),
		"--out",
		out.to_str().unwrap(),
		"--calibration",
	];
	args.extend(samples.iter().map(String::as_str));
	let compiled = stdout_json(&prover_worker(&args, &srs));
	let artifact = compiled["artifact"].as_str().unwrap().to_string();
	assert_eq!(compiled["droppedSoftmax"], "softmax");
	assert_eq!(compiled["publicInputs"], 1 + 64 + 10);
	// The logits' distance from the float model's (without the dropped Softmax).
	assert_eq!(compiled["fidelity"][0]["shape"], serde_json::json!([1, 10]));
	let relative = compiled["fidelity"][0]["maxRelError"].as_f64().unwrap();
	assert!(relative > 0.0 && relative < 0.1, "{}", compiled["fidelity"]);
	// Content addressed: compiling again gives the same directory and key.
	let again = stdout_json(&prover_worker(&args, &srs));
	assert_eq!(again["id"], compiled["id"]);
	assert_eq!(again["vkHash"], compiled["vkHash"]);

	let inspected = stdout_json(&prover_worker(&["inspect", "--artifact", &artifact], &srs));
	let ops: Vec<&str> = inspected["operators"]
		.as_array()
		.unwrap()
		.iter()
		.map(|o| o["op"].as_str().unwrap())
		.collect();
	assert_eq!(ops, expected_ops);
	assert_eq!(inspected["operators"][0]["activation"], "Relu");
	assert!(inspected["operators"]
		.as_array()
		.unwrap()
		.iter()
		.all(|o| o["rows"].as_u64().unwrap() > 0));

	let proof_path = dir.join("proof.json");
	let binding = "0x2a00000000000000000000000000000000000000000000000000000000000000";
	let proved = prover_worker(
		&[
			"prove",
			"--artifact",
			&artifact,
			"--input",
			&samples[0],
			"--job-binding",
			binding,
			"--out",
			proof_path.to_str().unwrap(),
		],
		&srs,
	);
	assert!(proved.status.success(), "{}", String::from_utf8_lossy(&proved.stderr));
	assert!(String::from_utf8_lossy(&proved.stderr).contains("proving… done in"));
	let verified = stdout_json(&prover_worker(
		&["verify", "--artifact", &artifact, "--proof", proof_path.to_str().unwrap()],
		&srs,
	));
	assert_eq!(verified["verified"], true);
	// `verify` reports the output the proof file claims, which the proof binds.
	let proof: serde_json::Value =
		serde_json::from_slice(&std::fs::read(&proof_path).unwrap()).unwrap();
	assert_eq!(verified["output"], proof["output"]);

	// A proof for another job binding does not verify for this one.
	let mut tampered = proof.clone();
	tampered["publicInputs"][0] = serde_json::Value::String(format!("2b{}", "00".repeat(31)));
	assert_refused(&artifact, &proof_path, &tampered, &srs);

	// A non-canonical job binding is refused before proving.
	let bad = prover_worker(
		&[
			"prove",
			"--artifact",
			&artifact,
			"--input",
			&samples[0],
			"--job-binding",
			&"ff".repeat(32),
		],
		&srs,
	);
	assert!(!bad.status.success());
	assert!(String::from_utf8_lossy(&bad.stderr).contains("not a canonical field element"));

	// `--job` and `--node` prove for the binding the chain computes for that job and node.
	let node = "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d";
	let for_job = stdout_json(&prover_worker(
		&["prove", "--artifact", &artifact, "--input", &samples[0], "--job", "7", "--node", node],
		&srs,
	));
	let expected = zkinfer_statement::job_binding(7, &hex::decode(node).unwrap());
	assert_eq!(for_job["jobBinding"], hex::encode(expected));
	assert_eq!(for_job["publicInputs"][0], hex::encode(expected));
	let short = prover_worker(
		&[
			"prove",
			"--artifact",
			&artifact,
			"--input",
			&samples[0],
			"--job",
			"7",
			"--node",
			&node[2..],
		],
		&srs,
	);
	assert!(!short.status.success());
	assert!(String::from_utf8_lossy(&short.stderr).contains("node account: expected 32 bytes"));
	let _ = std::fs::remove_dir_all(&dir);
}

/// A model with two inputs and two outputs (`ops/two_inputs_two_outputs.onnx`): the statement
/// takes both inputs flattened in graph order and gives both outputs likewise; a real proof
/// verifies, its outputs are onnxruntime's within the quantization, and a changed output
/// does not verify.
#[test]
fn compile_prove_verify_a_model_with_two_inputs_and_two_outputs() {
	let dir = temp_dir("two-inputs");
	let srs = dir.join("srs");
	let onnx = models().join("ops/two_inputs_two_outputs.onnx");
	let reference: serde_json::Value = serde_json::from_slice(
		&std::fs::read(models().join("ops/two_inputs_two_outputs.json")).unwrap(),
	)
	.unwrap();
	let samples: Vec<String> = reference["inputs"]
		.as_array()
		.unwrap()
		.iter()
		.enumerate()
		.map(|(i, input)| {
			let path = dir.join(format!("sample_{i}.json"));
			std::fs::write(
				&path,
				serde_json::to_vec(&serde_json::json!({ "input": input })).unwrap(),
			)
			.unwrap();
			path.display().to_string()
		})
		.collect();
	let out = dir.join("artifacts");
	let mut args =
		vec!["compile", "--onnx", onnx.to_str().unwrap(), "--out", out.to_str().unwrap()];
	args.push("--calibration");
	args.extend(samples.iter().map(String::as_str));
	let compiled = stdout_json(&prover_worker(&args, &srs));
	let artifact = compiled["artifact"].as_str().unwrap().to_string();
	assert_eq!(compiled["publicInputs"], 1 + (6 + 4) + (3 + 2));
	// Fidelity per output, against tract's float inference on the calibration samples.
	let fidelity = compiled["fidelity"].as_array().unwrap();
	assert_eq!(fidelity.len(), 2);
	assert_eq!(fidelity[0]["shape"], serde_json::json!([1, 3]));
	assert_eq!(fidelity[1]["shape"], serde_json::json!([1, 2]));
	for output in fidelity {
		let relative = output["maxRelError"].as_f64().unwrap();
		assert!(relative > 0.0 && relative < 0.05, "{output}");
	}
	let inspected = stdout_json(&prover_worker(&["inspect", "--artifact", &artifact], &srs));
	assert_eq!(inspected["inputShapes"], serde_json::json!([[1, 6], [1, 4]]));
	assert_eq!(inspected["inputShape"], serde_json::json!([10]));
	assert_eq!(inspected["outputShapes"], serde_json::json!([[1, 3], [1, 2]]));
	assert_eq!(inspected["outputShape"], serde_json::json!([5]));

	let proof_path = dir.join("proof.json");
	let proved = prover_worker(
		&[
			"prove",
			"--artifact",
			&artifact,
			"--input",
			&samples[1],
			"--job-binding",
			&format!("2a{}", "00".repeat(31)),
			"--out",
			proof_path.to_str().unwrap(),
		],
		&srs,
	);
	assert!(proved.status.success(), "{}", String::from_utf8_lossy(&proved.stderr));
	let verified = prover_worker(
		&["verify", "--artifact", &artifact, "--proof", proof_path.to_str().unwrap()],
		&srs,
	);
	assert!(verified.status.success(), "{}", String::from_utf8_lossy(&verified.stderr));
	let proof: serde_json::Value =
		serde_json::from_slice(&std::fs::read(&proof_path).unwrap()).unwrap();
	let got: Vec<f64> = proof["outputReal"]
		.as_array()
		.unwrap()
		.iter()
		.map(|v| v.as_f64().unwrap())
		.collect();
	let want: Vec<f64> = reference["outputs"][1]
		.as_array()
		.unwrap()
		.iter()
		.map(|v| v.as_f64().unwrap())
		.collect();
	assert_eq!(got.len(), 5);
	for (g, w) in got.iter().zip(&want) {
		assert!((g - w).abs() < 0.1, "output {got:?} against onnxruntime's {want:?}");
	}

	// The last public input is the second output's last value: changed, the proof fails.
	let mut tampered = proof.clone();
	let last = tampered["publicInputs"].as_array().unwrap().len() - 1;
	assert_eq!(last, 15);
	let changed = serde_json::Value::String(format!("05{}", "00".repeat(31)));
	assert_ne!(proof["publicInputs"][last], changed);
	tampered["publicInputs"][last] = changed;
	assert_refused(&artifact, &proof_path, &tampered, &srs);
	let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn compile_names_an_unsupported_operator_its_node_and_the_opset() {
	let dir = temp_dir("unsupported");
	let onnx = models().join("ops/unsupported.onnx");
	let input = dir.join("input.json");
	std::fs::write(&input, "[0.1, 0.2, 0.3, 0.4]").unwrap();
	let output = prover_worker(
		&[
			"compile",
			"--onnx",
			onnx.to_str().unwrap(),
			"--calibration",
			input.to_str().unwrap(),
			"--out",
			dir.to_str().unwrap(),
		],
		&dir,
	);
	assert!(!output.status.success());
	let stderr = String::from_utf8_lossy(&output.stderr);
	assert!(
		stderr.contains("unsupported operator")
			&& stderr.contains("CumSum")
			&& stderr.contains("\"running_sum\" (opset 13)"),
		"{stderr}"
	);
	let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn compile_refuses_a_circuit_above_the_row_limit() {
	let dir = temp_dir("max-k");
	let onnx = models().join("digits_mlp.onnx");
	let sample = models().join("samples/digits_mlp_0.json");
	// The digits MLP needs 2^13 rows; a limit of 2^10 cannot hold it at any width.
	let output = prover_worker(
		&[
			"compile",
			"--onnx",
			onnx.to_str().unwrap(),
			"--calibration",
			sample.to_str().unwrap(),
			"--out",
			dir.to_str().unwrap(),
			"--max-k",
			"10",
		],
		&dir,
	);
	assert!(!output.status.success());
	let stderr = String::from_utf8_lossy(&output.stderr);
	assert!(stderr.contains("above the limit of 2^10"), "{stderr}");
	let _ = std::fs::remove_dir_all(&dir);
}
