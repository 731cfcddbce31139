//! ONNX import, calibration and the integer inference against onnxruntime's float outputs.

use std::path::PathBuf;

use halo2_proofs::dev::MockProver;
use prover_worker::{
	calibrate::{calibrate, Options},
	onnx::{import, import_with, DimValue, FreeDims, ImportError},
};
use serde::Deserialize;
use zkinfer_circuit::{field::Fr, plan, prove::statement, ModelCircuit};

mod common;
use common::manifest_dir;

fn models() -> PathBuf {
	manifest_dir().join("models")
}

#[derive(Deserialize)]
struct Reference {
	inputs: Vec<Vec<f64>>,
	outputs: Vec<Vec<f64>>,
}

/// Imports an operator model, calibrates on its inputs and returns the worst absolute error
/// of the dequantized integer inference against onnxruntime, relative to the output range.
fn worst_error(name: &str) -> (f64, Vec<&'static str>) {
	worst_error_within(name, 16)
}

/// [`worst_error`] with a lookup domain of at most `2^max_domain_bits` (a model with many
/// tables keeps its circuit small with a smaller one).
fn worst_error_within(name: &str, max_domain_bits: u8) -> (f64, Vec<&'static str>) {
	let path = models().join("ops").join(format!("{name}.onnx"));
	let reference: Reference =
		serde_json::from_slice(&std::fs::read(path.with_extension("json")).unwrap()).unwrap();
	let imported = import(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
	let kinds = imported.graph.nodes.iter().map(|n| n.op.kind()).collect();
	let model = calibrate(
		&imported.graph,
		&reference.inputs,
		Options { max_domain_bits, ..Options::default() },
	)
	.unwrap_or_else(|e| panic!("{name}: {e}"))
	.model;
	let q = model.quant;
	let params = plan(&model, 1 << 32, zkinfer_circuit::circuit::MAX_K).unwrap().params;
	let model = std::sync::Arc::new(model);
	let mut worst: f64 = 0.0;
	for (input, expected) in reference.inputs.iter().zip(&reference.outputs) {
		let quantized: Vec<i64> = input.iter().map(|&x| q.quantize_act(x)).collect();
		let output = model.eval(&quantized).unwrap();
		// The circuit accepts exactly this inference.
		let circuit = ModelCircuit::prove(model.clone(), params, quantized.clone());
		let instance = statement(Fr::from(7), &quantized, &output);
		let prover = MockProver::run(params.k.into(), &circuit, vec![instance]).unwrap();
		assert_eq!(prover.verify(), Ok(()), "{name}");
		let scale = expected.iter().fold(1.0f64, |m, v| m.max(v.abs()));
		for (got, want) in output.iter().zip(expected) {
			worst = worst.max((q.dequantize(*got) - want).abs() / scale);
		}
	}
	(worst, kinds)
}

#[test]
fn every_operator_model_matches_onnxruntime_and_its_circuit_accepts_the_inference() {
	for (name, expected_kinds) in [
		("dense_arith", vec!["MatMul", "Affine", "Affine", "Mul", "Add", "Sub"]),
		(
			"gemm_activations",
			vec!["MatMul", "Activation", "Activation", "Activation", "Activation", "Concat"],
		),
		("conv_batchnorm", vec!["Conv", "Conv"]),
		("pools", vec!["MatMul", "MaxPool", "SumPool", "SumPool", "Reshape", "Reshape"]),
		("shapes", vec!["Reshape", "Transpose", "Pad", "Slice", "MatMul"]),
		// Shape, Gather, Unsqueeze, Concat and ConstantOfShape fold into the Reshape and the
		// Add's constant; Dropout and Cast disappear.
		("pytorch_export", vec!["Conv", "Reshape", "Affine", "MatMul"]),
		("tensorflow_export", vec!["MatMul"]),
		// skl2onnx's batch dimension, unknown and unnamed, is 1.
		("sklearn_export", vec!["MatMul"]),
		// Expand from rank 1: Reshape to [1, 1, 4], Concat of 3 copies; Gather: three Slices
		// (index 3 read twice, once as -1), Concat, Reshape; Tile: Concat of 2 copies; Split:
		// Slices.
		(
			"layout_lowerings",
			vec![
				"MatMul", "Reshape", "Reshape", "Concat", "Reshape", "Slice", "Slice", "Slice",
				"Concat", "Reshape", "Reshape", "Concat", "Slice", "Slice", "Concat",
			],
		),
	] {
		let (error, kinds) = worst_error(name);
		assert_eq!(kinds, expected_kinds, "{name}");
		assert!(error < 0.03, "{name}: worst relative error {error}");
	}
}

/// The operator models added for ONNX coverage: functions of one value, arithmetic of two
/// computed tensors, reductions, two inputs and outputs, an attention block, recurrent cells
/// (unrolled; LSTM with its three outputs). Each is
/// compared with onnxruntime (worst error relative to the output's largest value, at most
/// `tolerance`) and its circuit checked with `MockProver`.
#[test]
fn coverage_operator_models_match_onnxruntime_and_their_circuits_accept_the_inference() {
	// (model, IR nodes it imports to, tolerance): each function of one value is one table
	// read, so the node counts pin the lowerings (a fallback to tract's expansions would add
	// nodes).
	let mut failures = Vec::new();
	for (name, nodes, tolerance) in [
		("unary_smooth", 16, 0.03),
		("unary_piecewise", 17, 0.03),
		("two_operand_arithmetic", 22, 0.03),
		("reductions", 39, 0.03),
		("two_inputs_two_outputs", 5, 0.03),
		("attention_block", 33, 0.05),
		("lstm", 106, 0.05),
		("gru", 96, 0.05),
		("rnn", 26, 0.05),
		("comparisons_logic", 22, 0.03),
		("conv1d", 11, 0.03),
		("gan_generator", 14, 0.03),
		("linear_maps", 18, 0.03),
		// A loop body may not fuse into the state it is handed (each step doubles it once).
		("scan_doubling", 17, 0.03),
	] {
		let (error, kinds) = worst_error_within(name, 12);
		if kinds.len() != nodes || error >= tolerance {
			failures
				.push(format!("{name}: {} IR nodes {kinds:?}, worst error {error}", kinds.len()));
		}
	}
	assert!(failures.is_empty(), "{failures:#?}");
}

/// The PyTorch-style export with its batch dimension bound to `batch_size`.
fn pytorch_export(dims: &[&str]) -> Result<prover_worker::onnx::Imported, ImportError> {
	let dims = FreeDims::new(dims.iter().map(|d| d.parse::<DimValue>().unwrap()).collect())?;
	import_with(&models().join("ops/pytorch_export.onnx"), &dims)
}

#[test]
fn a_free_batch_dimension_is_bound_to_one_or_to_the_value_given() {
	let by_default = pytorch_export(&[]).unwrap();
	assert_eq!(by_default.free_dims, vec![("batch_size".to_string(), 1)]);
	assert_eq!(by_default.graph.inputs[0], vec![1, 2, 5, 5]);
	let two = pytorch_export(&["batch_size=2"]).unwrap();
	assert_eq!(two.free_dims, vec![("batch_size".to_string(), 2)]);
	assert_eq!(two.graph.inputs[0], vec![2, 2, 5, 5]);
	let shapes = two.graph.shapes().unwrap();
	assert_eq!(shapes[two.graph.outputs[0]], vec![2, 4]);
	// The shape arithmetic folded away: tract's decluttered graph has none of it left.
	for imported in [&by_default, &two] {
		let ops: Vec<&str> = imported.tract_ops.iter().map(|(_, op)| op.as_str()).collect();
		assert!(
			!ops.iter().any(|op| ["Shape", "Gather", "ConstantOfShape", "Cast", "Dropout"]
				.iter()
				.any(|folded| op.contains(folded))),
			"{ops:?}"
		);
	}
	assert_eq!(
		two.graph.nodes.iter().map(|n| n.op.kind()).collect::<Vec<_>>(),
		["Conv", "Reshape", "Affine", "MatMul"]
	);
}

#[test]
fn a_dimension_given_twice_is_refused() {
	match pytorch_export(&["batch_size=1", "batch_size=2"]) {
		Err(ImportError::Structure(message)) => assert!(message.contains("twice"), "{message}"),
		other => panic!("expected a refusal, got {other:?}"),
	}
}

#[test]
fn a_tensorflow_placeholder_dimension_is_free_like_a_named_one() {
	let path = models().join("ops/tensorflow_export.onnx");
	let by_default = import(&path).unwrap();
	assert_eq!(by_default.free_dims, vec![("unk__7".to_string(), 1)]);
	assert_eq!(by_default.graph.inputs[0], vec![1, 6]);
	let dims = FreeDims::new(vec!["unk__7=3".parse().unwrap()]).unwrap();
	let three = import_with(&path, &dims).unwrap();
	assert_eq!(three.graph.inputs[0], vec![3, 6]);
	assert_eq!(three.graph.shapes().unwrap()[three.graph.outputs[0]], vec![3, 3]);
}

#[test]
fn a_misspelt_free_dimension_is_refused_with_the_names_the_model_has() {
	match pytorch_export(&["batch=1"]) {
		Err(ImportError::Structure(message)) => {
			assert!(message.contains("\"batch\"") && message.contains("batch_size"), "{message}")
		},
		other => panic!("expected a refusal, got {other:?}"),
	}
	// A model without free dimensions has none to bind.
	let dims = FreeDims::new(vec!["batch_size=1".parse().unwrap()]).unwrap();
	match import_with(&models().join("ops/shapes.onnx"), &dims) {
		Err(ImportError::Structure(message)) => assert!(message.contains("none"), "{message}"),
		other => panic!("expected a refusal, got {other:?}"),
	}
}

#[test]
fn a_dimension_value_is_name_equals_a_positive_number() {
	assert_eq!(
		"batch_size=3".parse::<DimValue>(),
		Ok(DimValue { name: "batch_size".into(), value: 3 })
	);
	for bad in ["batch_size", "batch_size=0", "batch_size=-1", "batch_size=two"] {
		assert!(bad.parse::<DimValue>().is_err(), "{bad}");
	}
}

#[test]
fn unsupported_operators_name_the_operator_the_node_and_the_opset() {
	let error = import(&models().join("ops/unsupported.onnx")).map(|_| ()).unwrap_err();
	let message = error.to_string();
	match error {
		ImportError::Unsupported { op, node, opset, .. } => {
			assert_eq!(node, "running_sum");
			assert!(op.contains("CumSum"), "{op}");
			assert_eq!(opset, Some(13));
			assert!(message.contains("at node \"running_sum\" (opset 13)"), "{message}");
		},
		other => panic!("expected an unsupported-operator error, got {other:?}"),
	}
}

#[derive(Deserialize)]
struct Sample {
	input: Vec<f64>,
}

#[derive(Deserialize)]
struct TestSplit {
	divisor: f64,
	pixels: Vec<Vec<f64>>,
	labels: Vec<usize>,
}

fn samples(model: &str) -> Vec<Vec<f64>> {
	(0..5)
		.map(|i| {
			let path = models().join(format!("samples/{model}_{i}.json"));
			serde_json::from_slice::<Sample>(&std::fs::read(path).unwrap()).unwrap().input
		})
		.collect()
}

/// Quantized accuracy on the 450 test digits, with the default calibration.
fn quantized_accuracy(name: &str) -> f64 {
	let imported = import(&models().join(format!("{name}.onnx"))).unwrap();
	assert_eq!(imported.dropped_softmax.as_deref(), Some("softmax"));
	let model = calibrate(&imported.graph, &samples(name), Options::default()).unwrap().model;
	let split: TestSplit =
		serde_json::from_slice(&std::fs::read(models().join("digits_test.json")).unwrap()).unwrap();
	let correct = split
		.pixels
		.iter()
		.zip(&split.labels)
		.filter(|(pixels, &label)| {
			let input: Vec<i64> =
				pixels.iter().map(|&p| model.quant.quantize_act(p / split.divisor)).collect();
			let logits = model.eval(&input).unwrap();
			let predicted =
				(0..logits.len()).max_by_key(|&i| (logits[i], std::cmp::Reverse(i))).unwrap();
			predicted == label
		})
		.count();
	let accuracy = correct as f64 / split.labels.len() as f64;
	eprintln!("{name}: quantized accuracy {accuracy:.4} ({:?})", model.quant);
	accuracy
}

/// Quantized accuracy of a real model (`make_real_models.py`) on its test split
/// (`<name>_test.bin`: one label byte per sample, then each sample's values × 64).
fn real_quantized_accuracy(name: &str) -> f64 {
	let imported = import(&models().join(format!("{name}.onnx"))).unwrap();
	let model = calibrate(&imported.graph, &samples(name), Options::default()).unwrap().model;
	let bytes = std::fs::read(models().join(format!("{name}_test.bin"))).unwrap();
	let len = model.input_len();
	assert_eq!(bytes.len() % (1 + len), 0);
	let count = bytes.len() / (1 + len);
	let (labels, pixels) = bytes.split_at(count);
	let correct = labels
		.iter()
		.zip(pixels.chunks_exact(len))
		.filter(|(&label, pixels)| {
			let input: Vec<i64> =
				pixels.iter().map(|&p| model.quant.quantize_act(f64::from(p) / 64.0)).collect();
			let logits = model.eval(&input).unwrap();
			let predicted =
				(0..logits.len()).max_by_key(|&i| (logits[i], std::cmp::Reverse(i))).unwrap();
			predicted == usize::from(label)
		})
		.count();
	let accuracy = correct as f64 / count as f64;
	eprintln!("{name}: quantized accuracy {accuracy:.4} on {count} ({:?})", model.quant);
	accuracy
}

#[test]
fn real_models_keep_their_accuracy_when_quantized() {
	// Float accuracies (models/real_accuracy.json).
	let float: serde_json::Value =
		serde_json::from_slice(&std::fs::read(models().join("real_accuracy.json")).unwrap())
			.unwrap();
	for name in ["lenet5", "cifar_cnn"] {
		let float = float[name]["float_accuracy"].as_f64().unwrap();
		let quantized = real_quantized_accuracy(name);
		assert!(quantized >= float - 0.02, "{name}: quantized {quantized}, float {float}");
	}
}

#[test]
fn digits_models_keep_their_accuracy_when_quantized() {
	// Float accuracies (models/accuracy.json): MLP 0.9733, CNN 0.9756.
	assert!(quantized_accuracy("digits_mlp") >= 0.9733 - 0.01);
	assert!(quantized_accuracy("digits_cnn") >= 0.9756 - 0.01);
}
