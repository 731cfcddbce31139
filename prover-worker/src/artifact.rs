//! Compiled models on disk: `compile`, `setup`, `prove`, `verify`.
//!
//! `compile` writes a content-addressed directory `<out>/<id>/`, where `id` is the hex
//! `blake2b-256` of the quantized model, the circuit settings and the SRS identity:
//!
//! | file | content |
//! |---|---|
//! | `model.json` | the quantized model (IR, weights, quantization) |
//! | `settings.json` | [`Settings`]: scales, circuit size, shapes, hashes |
//! | `vk.bin` | the verifying key with its header (what the chain registers) |
//! | `srs.bin` | the KZG verifier parameters it was made with |
//! | `pk.bin` | the proving key, written by `setup` and reused by `prove` |

use std::{
	fs,
	io::{BufReader, BufWriter, Write},
	path::{Path, PathBuf},
	sync::Arc,
};

use halo2_proofs::{
	halo2curves::bn256::{Bn256, G1Affine},
	plonk::ProvingKey,
	poly::kzg::commitment::ParamsKZG,
};
use rand_core::OsRng;
use serde::{Deserialize, Serialize};
use zkinfer_circuit::{
	field::{fr_from_bytes, Fr},
	prove::{params_for, proving_key, read_pk, verifying_key, write_pk, ProveError},
	srs::{blake2b_256, VerifierParams},
	verify::{decode_vk_for_proving, LAYOUT_VERSION},
	CircuitParams, Halo2Error, Model, Plan,
};

use crate::{calibrate, fidelity, onnx, progress::step, srs};

/// Everything that can go wrong with artifacts.
#[derive(Debug)]
pub enum ArtifactError {
	/// Reading or writing a file.
	Io(PathBuf, std::io::Error),
	/// A file does not hold what it should.
	Invalid(String),
	/// The ONNX import failed.
	Import(onnx::ImportError),
	/// Calibration failed.
	Calibrate(calibrate::CalibrateError),
	/// The fidelity of the quantized model could not be measured.
	Fidelity(fidelity::FidelityError),
	/// No circuit size fits.
	Plan(zkinfer_circuit::PlanError),
	/// Key generation or proving failed.
	Prove(ProveError),
	/// Verification failed.
	Verify(Halo2Error),
}

impl core::fmt::Display for ArtifactError {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		match self {
			Self::Io(path, e) => write!(f, "{}: {e}", path.display()),
			Self::Invalid(e) => write!(f, "{e}"),
			Self::Import(e) => write!(f, "{e}"),
			Self::Calibrate(e) => write!(f, "calibration: {e}"),
			Self::Fidelity(e) => write!(f, "fidelity: {e}"),
			Self::Plan(e) => write!(f, "circuit size: {e}"),
			Self::Prove(e) => write!(f, "{e}"),
			Self::Verify(e) => write!(f, "verification failed: {e}"),
		}
	}
}

impl std::error::Error for ArtifactError {}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> ArtifactError + '_ {
	move |e| ArtifactError::Io(path.to_path_buf(), e)
}

fn read(path: &Path) -> Result<Vec<u8>, ArtifactError> {
	fs::read(path).map_err(io(path))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), ArtifactError> {
	fs::write(path, bytes).map_err(io(path))
}

/// Where the SRS comes from.
#[derive(Clone, Debug)]
pub enum SrsSource {
	/// The insecure development SRS, cached in a directory.
	Dev(PathBuf),
	/// A params file (at least as many rows as the circuit needs).
	File(PathBuf),
}

impl SrsSource {
	/// KZG parameters for exactly `2^k` rows.
	pub fn params(&self, k: u8) -> Result<ParamsKZG<Bn256>, ArtifactError> {
		let full = match self {
			Self::Dev(dir) => srs::dev_srs_cached(dir, k.into()).map_err(io(dir))?,
			Self::File(path) => srs::read_params(path).map_err(io(path))?,
		};
		params_for(&full, k).map_err(ArtifactError::Prove)
	}
}

/// Compile settings.
#[derive(Clone, Debug)]
pub struct CompileOptions {
	/// Calibration settings.
	pub calibration: calibrate::Options,
	/// A fixed dot-product width instead of the automatic choice.
	pub width: Option<u8>,
	/// The memory cap for the automatic choice, in bytes.
	pub memory_cap: u64,
	/// The most rows (`2^max_k`) the circuit may have: by default what the zkinfer chain
	/// verifies ([`zkinfer_statement::limits::HALO2_MAX_K`]).
	pub max_k: u8,
	/// Values for the model's free input dimensions (1 where not given).
	pub free_dims: onnx::FreeDims,
}

impl Default for CompileOptions {
	fn default() -> Self {
		Self {
			calibration: calibrate::Options::default(),
			width: None,
			memory_cap: 16 << 30,
			max_k: zkinfer_statement::limits::HALO2_MAX_K,
			free_dims: onnx::FreeDims::default(),
		}
	}
}

/// `settings.json`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
	/// The circuit layout version.
	pub layout_version: u8,
	/// The ONNX file's name without extension.
	pub name: String,
	/// `blake2b-256` of the ONNX file, hex.
	pub onnx_hash: String,
	/// The quantization.
	pub quant: zkinfer_circuit::Quant,
	/// The circuit settings.
	pub circuit: CircuitParams,
	/// The size estimates the settings were chosen on.
	pub plan: Plan,
	/// The statement's input shape: the input's, or `[n]` for a model with several inputs,
	/// which the statement takes flattened and concatenated in graph order (`input_shapes`).
	pub input_shape: Vec<usize>,
	/// Each input's shape, in graph order, when the model has several (empty otherwise).
	#[serde(default, skip_serializing_if = "Vec::is_empty")]
	pub input_shapes: Vec<Vec<usize>>,
	/// The quantized values each input value may take, `[min, max]`: the domain the circuit
	/// range-checks inputs against and is total over (what `register` declares on chain).
	pub input_domain: (i64, i64),
	/// The statement's output shape: the output's, or `[n]` for several outputs, flattened
	/// and concatenated in graph order (`output_shapes`).
	pub output_shape: Vec<usize>,
	/// Each output's shape, in graph order, when the model has several (empty otherwise).
	#[serde(default, skip_serializing_if = "Vec::is_empty")]
	pub output_shapes: Vec<Vec<usize>>,
	/// Public inputs per proof.
	pub public_inputs: usize,
	/// The final Softmax that was dropped (the circuit proves logits).
	pub dropped_softmax: Option<String>,
	/// The identity hash of the SRS's verifier parameters, hex.
	pub srs_hash: String,
	/// `blake2b-256` of `vk.bin`, hex: the key's hash on chain.
	pub vk_hash: String,
	/// The number of calibration samples.
	pub calibration_samples: usize,
	/// The lookup domain the samples needed, before headroom.
	pub sample_domain_bits: u8,
	/// Per output, the integer inference's largest difference from the float model on the
	/// calibration samples ([`crate::fidelity`]).
	#[serde(default)]
	pub fidelity: Vec<fidelity::OutputFidelity>,
}

/// A compiled model, loaded.
pub struct Artifact {
	/// Its directory.
	pub dir: PathBuf,
	/// Its content address (the directory name).
	pub id: String,
	/// `settings.json`.
	pub settings: Settings,
	/// The quantized model.
	pub model: Arc<Model>,
	/// `vk.bin`.
	pub vk_bytes: Vec<u8>,
	/// `srs.bin`.
	pub verifier_params: VerifierParams,
}

/// Compiles an ONNX model into `out_root/<id>/`.
pub fn compile(
	onnx_path: &Path,
	samples: &[Vec<f64>],
	srs: &SrsSource,
	out_root: &Path,
	options: CompileOptions,
) -> Result<Artifact, ArtifactError> {
	let s = step("importing ONNX with tract");
	let onnx_bytes = read(onnx_path)?;
	let imported =
		onnx::import_with(onnx_path, &options.free_dims).map_err(ArtifactError::Import)?;
	let bound: Vec<String> = imported
		.free_dims
		.iter()
		.map(|(name, value)| format!(", {name} = {value}"))
		.collect();
	s.done_with(&format!("{} IR operators{}", imported.graph.nodes.len(), bound.concat()));

	let s = step("calibrating scales");
	let calibrated = calibrate::calibrate(&imported.graph, samples, options.calibration)
		.map_err(ArtifactError::Calibrate)?;
	let quant = calibrated.model.quant;
	s.done_with(&format!(
		"activations 2^{}, weights 2^{}, lookup domain 2^{}",
		quant.act_bits, quant.weight_bits, quant.domain_bits
	));
	let model = Arc::new(calibrated.model);

	let s = step("measuring fidelity against the float model");
	let fidelity =
		fidelity::measure(&imported, &model, samples).map_err(ArtifactError::Fidelity)?;
	let worst = fidelity.iter().map(|f| f.max_rel_error).fold(0.0, f64::max);
	s.done_with(&format!(
		"largest difference {:.2} % of the output's range on {} samples",
		worst * 100.0,
		samples.len()
	));

	let s = step("choosing circuit size");
	let plan = match options.width {
		Some(width) => zkinfer_circuit::plan_width(&model, width).and_then(|plan| {
			if plan.params.k > options.max_k {
				Err(zkinfer_circuit::PlanError::OverMaxK {
					needed: plan.params.k,
					max_k: options.max_k,
				})
			} else {
				Ok(plan)
			}
		}),
		None => zkinfer_circuit::plan(&model, options.memory_cap, options.max_k),
	}
	.map_err(ArtifactError::Plan)?;
	s.done_with(&format!(
		"k = {}, width {}, {} rows, table {} rows",
		plan.params.k, plan.params.dot_width, plan.rows, plan.table_rows
	));

	let s = step(&format!("loading SRS for 2^{} rows", plan.params.k));
	let params = srs.params(plan.params.k)?;
	let verifier_params = VerifierParams::of(&params);
	s.done();

	let s = step("generating the verifying key");
	let (_, vk_bytes) =
		verifying_key(&params, model.clone(), plan.params).map_err(ArtifactError::Prove)?;
	s.done_with(&format!("{} bytes", vk_bytes.len()));

	let model_json =
		serde_json::to_vec(&*model).map_err(|e| ArtifactError::Invalid(e.to_string()))?;
	let id = hex::encode(content_id(&model_json, plan.params, &verifier_params));
	let settings = Settings {
		layout_version: LAYOUT_VERSION,
		name: onnx_path
			.file_stem()
			.map(|s| s.to_string_lossy().into_owned())
			.unwrap_or_default(),
		onnx_hash: hex::encode(blake2b_256(&onnx_bytes)),
		quant,
		circuit: plan.params,
		plan,
		input_shape: model.input_shape(),
		input_shapes: several(model.input_shapes().to_vec()),
		input_domain: model.input_domain(),
		output_shape: model.output_shape(),
		output_shapes: several(model.output_shapes().iter().map(|s| s.to_vec()).collect()),
		public_inputs: model.public_input_count(),
		dropped_softmax: imported.dropped_softmax,
		srs_hash: hex::encode(verifier_params.hash()),
		vk_hash: hex::encode(blake2b_256(&vk_bytes)),
		calibration_samples: samples.len(),
		sample_domain_bits: calibrated.sample_domain_bits,
		fidelity,
	};
	let dir = out_root.join(&id);
	fs::create_dir_all(&dir).map_err(io(&dir))?;
	write(&dir.join("model.json"), &model_json)?;
	let settings_json =
		serde_json::to_vec_pretty(&settings).map_err(|e| ArtifactError::Invalid(e.to_string()))?;
	write(&dir.join("settings.json"), &settings_json)?;
	write(&dir.join("vk.bin"), &vk_bytes)?;
	write(&dir.join("srs.bin"), &verifier_params.to_bytes())?;
	Ok(Artifact { dir, id, settings, model, vk_bytes, verifier_params })
}

/// The shapes if there are several, else none (a single shape is the statement's own).
fn several(shapes: Vec<Vec<usize>>) -> Vec<Vec<usize>> {
	if shapes.len() > 1 {
		shapes
	} else {
		Vec::new()
	}
}

/// An artifact's content address: `blake2b-256` of the quantized model's JSON, the circuit
/// layout version, size and width, and the SRS identity. The directory name `compile` writes,
/// and the `artifact` hash a model is registered with on chain. (The layout version is part of
/// it: the same model under another constraint system is another circuit with another key.)
pub fn content_id(
	model_json: &[u8],
	circuit: CircuitParams,
	verifier_params: &VerifierParams,
) -> [u8; 32] {
	let mut addressed = model_json.to_vec();
	addressed.extend_from_slice(&[LAYOUT_VERSION, circuit.k, circuit.dot_width]);
	addressed.extend_from_slice(&verifier_params.to_bytes());
	blake2b_256(&addressed)
}

/// Loads a compiled model and checks that its content hashes to `id` (a model store's
/// guarantee that the directory holds what the chain registered).
pub fn load_addressed(dir: &Path, id: &[u8; 32]) -> Result<Artifact, ArtifactError> {
	let artifact = load(dir)?;
	let model_json = read(&dir.join("model.json"))?;
	if &content_id(&model_json, artifact.settings.circuit, &artifact.verifier_params) != id {
		return Err(ArtifactError::Invalid(format!(
			"{}: its content does not hash to its address",
			dir.display()
		)));
	}
	Ok(artifact)
}

/// Loads and cross-checks a compiled model.
pub fn load(dir: &Path) -> Result<Artifact, ArtifactError> {
	let invalid = |what: &str| ArtifactError::Invalid(format!("{}: {what}", dir.display()));
	let settings: Settings = serde_json::from_slice(&read(&dir.join("settings.json"))?)
		.map_err(|e| invalid(&e.to_string()))?;
	let model = Model::from_json(&read(&dir.join("model.json"))?).map_err(|e| invalid(&e))?;
	let vk_bytes = read(&dir.join("vk.bin"))?;
	let info =
		zkinfer_circuit::validate_vk(&vk_bytes).map_err(|e| invalid(&format!("vk.bin: {e}")))?;
	let verifier_params = VerifierParams::from_bytes(&read(&dir.join("srs.bin"))?)
		.map_err(|e| invalid(&format!("srs.bin: {e:?}")))?;
	if info.params != settings.circuit || info.public_inputs as usize != model.public_input_count()
	{
		return Err(invalid("vk.bin does not match settings.json and model.json"));
	}
	if settings.input_domain != model.input_domain() {
		return Err(invalid("the input domain in settings.json is not the model's"));
	}
	if hex::encode(blake2b_256(&vk_bytes)) != settings.vk_hash
		|| hex::encode(verifier_params.hash()) != settings.srs_hash
	{
		return Err(invalid("a hash in settings.json does not match its file"));
	}
	let id = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
	Ok(Artifact {
		dir: dir.to_path_buf(),
		id,
		settings,
		model: Arc::new(model),
		vk_bytes,
		verifier_params,
	})
}

/// The proving key, ready to prove with: [`setup`], then its polynomials on the extended
/// domain precomputed when they fit the budget
/// ([`zkinfer_circuit::prove::precompute_extended_parts`]), which every proof with it reuses.
pub fn proving_setup(
	artifact: &Artifact,
	params: &ParamsKZG<Bn256>,
) -> Result<ProvingKey<G1Affine>, ArtifactError> {
	let mut pk = setup(artifact, params)?;
	let s = step("precomputing the key's extended domain");
	let bytes = zkinfer_circuit::prove::precompute_extended_parts(&mut pk);
	s.done_with(&if bytes > 0 {
		format!("{} MiB", bytes >> 20)
	} else {
		"over budget, each proof computes it".to_string()
	});
	Ok(pk)
}

/// The proving key: read from `pk.bin`, or generated and written there.
pub fn setup(
	artifact: &Artifact,
	params: &ParamsKZG<Bn256>,
) -> Result<ProvingKey<G1Affine>, ArtifactError> {
	let path = artifact.dir.join("pk.bin");
	let circuit_params = artifact.settings.circuit;
	if let Ok(file) = fs::File::open(&path) {
		let s = step("reading the cached proving key");
		let pk = read_pk(&mut BufReader::new(file), circuit_params);
		if let Ok(pk) = pk {
			s.done();
			return Ok(pk);
		}
		s.done_with("unreadable, regenerating");
	}
	let s = step("generating the proving key");
	let (_, vk) = decode_vk_for_proving(&artifact.vk_bytes).map_err(ArtifactError::Verify)?;
	let pk = proving_key(params, vk, artifact.model.clone(), circuit_params)
		.map_err(ArtifactError::Prove)?;
	s.done();
	let s = step("caching the proving key");
	// A name of its own, so that two provers caching the key at once (threads or processes
	// sharing the store) never write into one file; the rename is atomic.
	let partial = path.with_extension(
		format!("partial.{}.{:?}", std::process::id(), std::thread::current().id())
			.replace(['(', ')'], ""),
	);
	let mut out = BufWriter::new(fs::File::create(&partial).map_err(io(&partial))?);
	write_pk(&pk, &mut out).and_then(|_| out.flush()).map_err(io(&partial))?;
	drop(out);
	fs::rename(&partial, &path).map_err(io(&path))?;
	s.done_with(&format!("{}", path.display()));
	Ok(pk)
}

/// A proof file, as `prove` writes it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProofFile {
	/// The artifact it proves.
	pub artifact: String,
	/// The verifying key's hash, hex.
	pub vk_hash: String,
	/// The job binding, 32-byte little-endian hex.
	pub job_binding: String,
	/// The proof, hex.
	pub proof: String,
	/// The public inputs, 32-byte little-endian hex each.
	pub public_inputs: Vec<String>,
	/// The quantized output.
	pub output: Vec<i64>,
	/// The output as real numbers.
	pub output_real: Vec<f64>,
}

/// Parses a job binding: 32 bytes, little-endian hex (optional `0x`), canonical.
pub fn parse_binding(text: &str) -> Result<Fr, ArtifactError> {
	let bytes = hex::decode(text.trim().trim_start_matches("0x"))
		.map_err(|e| ArtifactError::Invalid(format!("job binding: {e}")))?;
	let bytes: [u8; 32] = bytes
		.try_into()
		.map_err(|_| ArtifactError::Invalid("job binding: expected 32 bytes".into()))?;
	fr_from_bytes(&bytes)
		.ok_or_else(|| ArtifactError::Invalid("job binding: not a canonical field element".into()))
}

/// The job binding the chain computes for job `job` assigned to the node whose 32-byte account
/// is `node` (hex, optional `0x`): see `zkinfer_statement::job_binding`.
pub fn job_binding(job: u64, node: &str) -> Result<Fr, ArtifactError> {
	let account = hex::decode(node.trim().trim_start_matches("0x"))
		.map_err(|e| ArtifactError::Invalid(format!("node account: {e}")))?;
	if account.len() != 32 {
		return Err(ArtifactError::Invalid("node account: expected 32 bytes".into()));
	}
	let bytes = zkinfer_statement::job_binding(job, &account);
	fr_from_bytes(&bytes)
		.ok_or_else(|| ArtifactError::Invalid("job binding: not a canonical field element".into()))
}

/// Reads an input file: `{"input": [numbers…]}` or a bare array.
///
/// Parsed through `serde_json::Value` rather than an untagged enum: with serde_json's
/// `arbitrary_precision` feature (which other crates of the node enable) untagged enums do
/// not accept numbers.
pub fn read_input(path: &Path) -> Result<Vec<f64>, ArtifactError> {
	let invalid = |what: &str| ArtifactError::Invalid(format!("{}: {what}", path.display()));
	let value: serde_json::Value =
		serde_json::from_slice(&read(path)?).map_err(|e| invalid(&e.to_string()))?;
	let array = match &value {
		serde_json::Value::Array(array) => array,
		serde_json::Value::Object(object) => match object.get("input") {
			Some(serde_json::Value::Array(array)) => array,
			_ => return Err(invalid("expected {\"input\": [numbers]} or an array of numbers")),
		},
		_ => return Err(invalid("expected {\"input\": [numbers]} or an array of numbers")),
	};
	array
		.iter()
		.map(|v| v.as_f64().ok_or_else(|| invalid("input values must be numbers")))
		.collect()
}

/// Quantizes a real input at the model's activation scale.
pub fn quantize_input(artifact: &Artifact, input: &[f64]) -> Vec<i64> {
	input.iter().map(|&x| artifact.model.quant.quantize_act(x)).collect()
}

/// Proves the model on a real input for a job binding.
pub fn prove(
	artifact: &Artifact,
	params: &ParamsKZG<Bn256>,
	pk: &ProvingKey<G1Affine>,
	input: &[f64],
	binding: Fr,
) -> Result<ProofFile, ArtifactError> {
	let quantized = quantize_input(artifact, input);
	let proof = zkinfer_circuit::prove(
		params,
		pk,
		artifact.model.clone(),
		artifact.settings.circuit,
		binding,
		&quantized,
		OsRng,
	)
	.map_err(ArtifactError::Prove)?;
	Ok(ProofFile {
		artifact: artifact.id.clone(),
		vk_hash: artifact.settings.vk_hash.clone(),
		job_binding: hex::encode(zkinfer_circuit::field::fr_to_bytes(&binding)),
		proof: hex::encode(&proof.proof),
		public_inputs: proof.public_inputs.iter().map(hex::encode).collect(),
		output_real: proof.output.iter().map(|&v| artifact.model.quant.dequantize(v)).collect(),
		output: proof.output,
	})
}

/// Verifies a proof file against the artifact's verifying key and SRS.
pub fn verify(artifact: &Artifact, proof: &ProofFile) -> Result<(), ArtifactError> {
	let bytes =
		|h: &str| hex::decode(h).map_err(|e| ArtifactError::Invalid(format!("proof file: {e}")));
	let inputs = proof
		.public_inputs
		.iter()
		.map(|h| {
			bytes(h)?.try_into().map_err(|_| {
				ArtifactError::Invalid("proof file: a public input is not 32 bytes".into())
			})
		})
		.collect::<Result<Vec<[u8; 32]>, _>>()?;
	zkinfer_circuit::verify(
		&artifact.verifier_params.to_bytes(),
		&artifact.vk_bytes,
		&inputs,
		&bytes(&proof.proof)?,
	)
	.map_err(ArtifactError::Verify)
}
