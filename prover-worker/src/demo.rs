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
	0x40, 0x6b, 0x60, 0x10, 0x04, 0xaa, 0xce, 0x17, 0x21, 0xeb, 0x34, 0x20, 0x46, 0x1a, 0x97, 0x11,
	0x7e, 0x17, 0xf7, 0x3c, 0x9c, 0xea, 0x18, 0x13, 0xd4, 0xaf, 0x30, 0xfc, 0xf0, 0xc6, 0xc1, 0xc1,
];

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

