//! The demo model: the digits MLP (8×8 handwritten digits, 64 → 10), bundled so a development
//! node can serve it with no setup.
//!
//! [`compile_digits_mlp`] compiles the bundled ONNX file with its five calibration samples
//! into a model store under the development SRS. Compilation is deterministic, so the result
//! is the artifact the development chain's genesis registers (`DIGITS_MLP_ARTIFACT`, checked
//! by a test) with the verifying key committed in the verifier's fixture.

use std::fs;

use crate::{
	artifact::{self, Artifact, ArtifactError, CompileOptions, SrsSource},
	store::ModelStore,
};

/// The digits MLP in ONNX.
pub const DIGITS_MLP_ONNX: &[u8] = include_bytes!("../models/digits_mlp.onnx");

/// Its five calibration samples (`{"input": [...]}`), also the demo's example inputs.
pub const DIGITS_MLP_SAMPLES: [&str; 5] = [
	include_str!("../models/samples/digits_mlp_0.json"),
	include_str!("../models/samples/digits_mlp_1.json"),
	include_str!("../models/samples/digits_mlp_2.json"),
	include_str!("../models/samples/digits_mlp_3.json"),
	include_str!("../models/samples/digits_mlp_4.json"),
];

/// The content address of the digits MLP compiled by [`compile_digits_mlp`] under the
/// development SRS: what the development chain registers as the demo model's `artifact`.
pub const DIGITS_MLP_ARTIFACT: [u8; 32] = [
	0x71, 0x71, 0xbb, 0x8b, 0xe6, 0x93, 0x12, 0x34, 0xe5, 0x56, 0xf4, 0x42, 0xba, 0x6d, 0x68, 0xf5,
	0x6d, 0x83, 0x96, 0x42, 0x7c, 0xb6, 0x5f, 0xea, 0x07, 0x6c, 0x75, 0x57, 0x10, 0x29, 0x26, 0x0f,
];

/// The input domain of the digits MLP compiled by [`compile_digits_mlp`]: its lookup domain at
/// `2^12` rows, `-2048..=2047`, which holds every pixel of an 8×8 digit (0–16 grey levels / 16
/// at scale `2^6`: 0..=64). The development chain registers the model with it.
pub const DIGITS_MLP_INPUT_DOMAIN: (i64, i64) = (-2048, 2047);

/// Compiles the bundled digits MLP into `store` under `srs` (the ONNX file and samples are
/// written to `<store>/demo/` first), unless the store already holds it.
pub fn compile_digits_mlp(store: &ModelStore, srs: &SrsSource) -> Result<Artifact, ArtifactError> {
	if store.contains(&DIGITS_MLP_ARTIFACT) {
		if let Ok(artifact) = store.load(&DIGITS_MLP_ARTIFACT) {
			return Ok(artifact);
		}
	}
	let sources = store.root().join("demo");
	fs::create_dir_all(&sources).map_err(|e| ArtifactError::Io(sources.clone(), e))?;
	let onnx = sources.join("digits_mlp.onnx");
	fs::write(&onnx, DIGITS_MLP_ONNX).map_err(|e| ArtifactError::Io(onnx.clone(), e))?;
	let mut samples = Vec::with_capacity(DIGITS_MLP_SAMPLES.len());
	for (i, text) in DIGITS_MLP_SAMPLES.iter().enumerate() {
		let path = sources.join(format!("digits_mlp_{i}.json"));
		fs::write(&path, text).map_err(|e| ArtifactError::Io(path.clone(), e))?;
		samples.push(artifact::read_input(&path)?);
	}
	artifact::compile(&onnx, &samples, srs, store.root(), CompileOptions::default())
}
