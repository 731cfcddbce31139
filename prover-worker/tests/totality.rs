//! Every input in a model's domain proves: the circuit of each operator model and of both
//! digits models, checked with `MockProver` against the integer inference, at the domain's
//! minimum, its maximum, alternating extremes and seeded random inputs (failures print the seed
//! and the input's position, so they reproduce). One real KZG proof at the all-maximum digit
//! verifies, and a tampered one does not. The verifying keys of the Sigmoid and Tanh models are
//! pinned: their tables come from `libm`, the same on every machine.

use std::{path::PathBuf, sync::Arc};

use halo2_proofs::dev::MockProver;
use prover_worker::{
	artifact::{self, CompileOptions, SrsSource},
	calibrate::{calibrate, Options},
	onnx::import,
};
use rand_chacha::{
	rand_core::{RngCore, SeedableRng},
	ChaCha20Rng,
};
use serde::Deserialize;
use zkinfer_circuit::{field::Fr, plan, prove::statement, CircuitParams, Model, ModelCircuit};
use zkinfer_statement::limits::HALO2_MAX_K;

mod common;
use common::manifest_dir;

/// Seeded random inputs per model.
const RANDOM_INPUTS: usize = 200;

fn models() -> PathBuf {
	manifest_dir().join("models")
}

#[derive(Deserialize)]
struct Reference {
	inputs: Vec<Vec<f64>>,
}

/// The samples a model is calibrated on: an operator model's reference inputs, or a digits
/// model's five committed samples.
fn samples(name: &str) -> Vec<Vec<f64>> {
	let reference = models().join("ops").join(format!("{name}.json"));
	if reference.exists() {
		let reference: Reference =
			serde_json::from_slice(&std::fs::read(reference).unwrap()).unwrap();
		return reference.inputs;
	}
	(0..5)
		.map(|i| {
			artifact::read_input(&models().join("samples").join(format!("{name}_{i}.json")))
				.unwrap()
		})
		.collect()
}

fn onnx(name: &str) -> PathBuf {
	let op = models().join("ops").join(format!("{name}.onnx"));
	if op.exists() {
		op
	} else {
		models().join(format!("{name}.onnx"))
	}
}

/// The model as `compile` quantizes it, and its circuit's settings.
fn compiled(name: &str) -> (Arc<Model>, CircuitParams) {
	let imported = import(&onnx(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
	let options = Options::default();
	let model = calibrate(&imported.graph, &samples(name), options)
		.unwrap_or_else(|e| panic!("{name}: {e}"))
		.model;
	let plan = plan(&model, 16 << 30, zkinfer_circuit::circuit::MAX_K)
		.unwrap_or_else(|e| panic!("{name}: {e}"));
	(Arc::new(model), plan.params)
}

/// The inputs checked: all minimum, all maximum, both alternations, then seeded random ones.
fn inputs(model: &Model, seed: u64) -> Vec<Vec<i64>> {
	let (min, max) = model.input_domain();
	let n = model.input_len();
	let mut inputs = vec![
		vec![min; n],
		vec![max; n],
		(0..n).map(|i| if i % 2 == 0 { min } else { max }).collect(),
		(0..n).map(|i| if i % 2 == 0 { max } else { min }).collect(),
	];
	let mut rng = ChaCha20Rng::seed_from_u64(seed);
	let span = (max - min + 1) as u64;
	for _ in 0..RANDOM_INPUTS {
		inputs.push((0..n).map(|_| min + (rng.next_u64() % span) as i64).collect());
	}
	inputs
}

/// Checks `name`'s circuit on every input of [`inputs`].
fn every_input_proves(name: &str, seed: u64) {
	let (model, params) = compiled(name);
	for (position, input) in inputs(&model, seed).into_iter().enumerate() {
		let output = model
			.eval(&input)
			.unwrap_or_else(|e| panic!("{name}, seed {seed}, input {position}: {e}"));
		let circuit = ModelCircuit::prove(model.clone(), params, input.clone());
		let instance = statement(Fr::from(3), &input, &output);
		let prover = MockProver::run(params.k.into(), &circuit, vec![instance]).unwrap();
		assert_eq!(prover.verify(), Ok(()), "{name}, seed {seed}, input {position}: {input:?}");
	}
}

#[test]
fn every_operator_model_proves_every_input_in_its_domain() {
	for (seed, name) in ["dense_arith", "gemm_activations", "conv_batchnorm", "pools", "shapes"]
		.into_iter()
		.enumerate()
	{
		every_input_proves(name, seed as u64);
	}
}

#[test]
fn the_digits_mlp_proves_every_input_in_its_domain() {
	every_input_proves("digits_mlp", 100);
}

#[test]
fn the_digits_cnn_proves_every_input_in_its_domain() {
	every_input_proves("digits_cnn", 200);
}

#[test]
fn saturation_changes_nothing_the_samples_need() {
	// The calibrated domain keeps every sample unsaturated: the saturating inference (the
	// witness) equals the refusing one on them.
	for name in [
		"digits_mlp",
		"digits_cnn",
		"dense_arith",
		"gemm_activations",
		"conv_batchnorm",
		"pools",
		"shapes",
	] {
		let (model, _) = compiled(name);
		for sample in samples(name) {
			let input: Vec<i64> = sample.iter().map(|&x| model.quant.quantize_act(x)).collect();
			assert_eq!(model.eval(&input), model.eval_unsaturated(&input), "{name}");
		}
	}
}

#[test]
fn a_real_proof_of_the_all_maximum_digit_verifies_and_a_tampered_one_does_not() {
	let work = std::env::temp_dir().join(format!("zkinfer-totality-{}", std::process::id()));
	let srs = SrsSource::Dev(work.join("srs"));
	let samples = samples("digits_mlp");
	let artifact = artifact::compile(
		&onnx("digits_mlp"),
		&samples,
		&srs,
		&work.join("artifacts"),
		CompileOptions::default(),
	)
	.unwrap();
	assert!(artifact.settings.circuit.k <= HALO2_MAX_K);
	let params = srs.params(artifact.settings.circuit.k).unwrap();
	let pk = artifact::setup(&artifact, &params).unwrap();
	// All 64 pixels at the domain's maximum, as real values (the maximum quantized value).
	let (_, max) = artifact.model.input_domain();
	let input = vec![artifact.model.quant.dequantize(max); artifact.model.input_len()];
	let proof = artifact::prove(&artifact, &params, &pk, &input, Fr::from(11)).unwrap();
	assert!(proof.public_inputs[1..65].iter().all(|x| *x
		== hex::encode(zkinfer_circuit::field::fr_to_bytes(
			&zkinfer_circuit::field::fr_from_i64(max)
		))));
	artifact::verify(&artifact, &proof).unwrap();
	let mut tampered = proof.clone();
	tampered.output[0] += 1;
	tampered.public_inputs[65] = hex::encode(zkinfer_circuit::field::fr_to_bytes(
		&zkinfer_circuit::field::fr_from_i64(tampered.output[0]),
	));
	assert!(artifact::verify(&artifact, &tampered).is_err());
	std::fs::remove_dir_all(&work).ok();
}

#[test]
fn the_sigmoid_and_tanh_keys_are_the_same_on_every_machine() {
	// `gemm_activations` reads Sigmoid and Tanh tables (and Relu, LeakyRelu): its verifying key
	// commits to them. Computed with libm, they do not depend on the platform's `exp`/`tanh`.
	let work = std::env::temp_dir().join(format!("zkinfer-pinned-{}", std::process::id()));
	let srs = SrsSource::Dev(work.join("srs"));
	let artifact = artifact::compile(
		&onnx("gemm_activations"),
		&samples("gemm_activations"),
		&srs,
		&work.join("artifacts"),
		// Four activation tables need more rows than the chain reads today; the key is what
		// is pinned.
		CompileOptions { max_k: zkinfer_circuit::circuit::MAX_K, ..CompileOptions::default() },
	)
	.unwrap();
	let tables: Vec<String> =
		artifact.model.tables().kinds().iter().map(|k| format!("{k:?}")).collect();
	assert!(
		tables.contains(&"Sigmoid".to_string()) && tables.contains(&"Tanh".to_string()),
		"{tables:?}"
	);
	assert_eq!(artifact.settings.vk_hash, PINNED_ACTIVATIONS_VK);
	std::fs::remove_dir_all(&work).ok();
}

/// The verifying-key hash of `gemm_activations` (Sigmoid and Tanh tables) under the
/// development SRS.
const PINNED_ACTIVATIONS_VK: &str =
	"522a0214fdece41b86ed2d421d32ca5d0caa95e5ce6f607b5e76bc707b75035b";
