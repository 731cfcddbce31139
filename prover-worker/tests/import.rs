//! ONNX import, calibration and the integer inference against onnxruntime's float outputs.

use std::path::PathBuf;

use halo2_proofs::dev::MockProver;
use prover_worker::{
	calibrate::{calibrate, Options},
	onnx::{import, ImportError},
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
	let path = models().join("ops").join(format!("{name}.onnx"));
	let reference: Reference =
		serde_json::from_slice(&std::fs::read(path.with_extension("json")).unwrap()).unwrap();
	let imported = import(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
	let kinds = imported.graph.nodes.iter().map(|n| n.op.kind()).collect();
	let model = calibrate(
		&imported.graph,
		&reference.inputs,
		Options { max_domain_bits: 16, ..Options::default() },
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
	] {
		let (error, kinds) = worst_error(name);
		assert_eq!(kinds, expected_kinds, "{name}");
		assert!(error < 0.03, "{name}: worst relative error {error}");
	}
}

#[test]
fn unsupported_operators_name_the_operator_and_the_node() {
	match import(&models().join("ops/unsupported.onnx")) {
		Err(ImportError::Unsupported { op, node, .. }) => {
			assert_eq!(node, "exponential");
			assert!(op.contains("Exp"), "{op}");
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
