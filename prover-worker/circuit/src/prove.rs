//! Key generation and proving (native only; the verifier needs neither).

use std::sync::Arc;

use halo2_proofs::{
	halo2curves::bn256::{Bn256, G1Affine},
	plonk::{create_proof, keygen_pk, keygen_vk_custom, ProvingKey, VerifyingKey},
	poly::{
		commitment::Params,
		kzg::{
			commitment::{KZGCommitmentScheme, ParamsKZG},
			multiopen::ProverSHPLONK,
		},
	},
	transcript::{Blake2bWrite, Challenge255, TranscriptWriterBuffer},
	SerdeFormat,
};
use rand_core::RngCore;

use crate::{
	circuit::{CircuitParams, ModelCircuit},
	field::{fr_from_bytes, fr_to_bytes, Fr},
	model::{Model, ModelError},
	verify::encode_vk,
};

/// Why keys or a proof could not be made.
#[derive(Debug)]
pub enum ProveError {
	/// The SRS has fewer rows than the circuit needs.
	SrsTooSmall {
		/// `k` of the SRS.
		srs_k: u32,
		/// `k` of the circuit.
		circuit_k: u8,
	},
	/// The integer inference refused the input.
	Model(ModelError),
	/// halo2 failed (keygen or proving).
	Halo2(String),
	/// A proving key file did not decode.
	KeyFile(String),
}

impl core::fmt::Display for ProveError {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		match self {
			Self::SrsTooSmall { srs_k, circuit_k } => {
				write!(f, "the SRS has 2^{srs_k} rows, the circuit needs 2^{circuit_k}")
			},
			Self::Model(e) => write!(f, "{e}"),
			Self::Halo2(e) => write!(f, "halo2: {e}"),
			Self::KeyFile(e) => write!(f, "proving key: {e}"),
		}
	}
}

impl std::error::Error for ProveError {}

/// KZG parameters cut down to `2^k` rows.
pub fn params_for(srs: &ParamsKZG<Bn256>, k: u8) -> Result<ParamsKZG<Bn256>, ProveError> {
	if srs.k() < u32::from(k) {
		return Err(ProveError::SrsTooSmall { srs_k: srs.k(), circuit_k: k });
	}
	let mut params = srs.clone();
	if params.k() > u32::from(k) {
		params.downsize(k.into());
	}
	Ok(params)
}

/// A model's proving key and encoded verifying key ([`crate::verify`] format).
pub struct Keys {
	/// The proving key.
	pub pk: ProvingKey<G1Affine>,
	/// The verifying key with its header.
	pub vk_bytes: Vec<u8>,
}

/// Generates the verifying key of a model's circuit; returns it and its encoding with the
/// header ([`crate::verify`] format). `params` must have exactly `2^k` rows ([`params_for`]).
pub fn verifying_key(
	params: &ParamsKZG<Bn256>,
	model: Arc<Model>,
	circuit_params: CircuitParams,
) -> Result<(VerifyingKey<G1Affine>, Vec<u8>), ProveError> {
	let public_inputs = model.public_input_count() as u32;
	let circuit = ModelCircuit::keygen(model, circuit_params);
	let vk = keygen_vk_custom(params, &circuit, false)
		.map_err(|e| ProveError::Halo2(format!("{e:?}")))?;
	let vk_bytes = encode_vk(circuit_params, public_inputs, &vk);
	Ok((vk, vk_bytes))
}

/// Generates the proving key for a verifying key of the same model and settings.
pub fn proving_key(
	params: &ParamsKZG<Bn256>,
	vk: VerifyingKey<G1Affine>,
	model: Arc<Model>,
	circuit_params: CircuitParams,
) -> Result<ProvingKey<G1Affine>, ProveError> {
	keygen_pk(params, vk, &ModelCircuit::keygen(model, circuit_params))
		.map_err(|e| ProveError::Halo2(format!("{e:?}")))
}

/// Generates both keys of a model's circuit ([`verifying_key`], then [`proving_key`]).
pub fn keygen(
	params: &ParamsKZG<Bn256>,
	model: Arc<Model>,
	circuit_params: CircuitParams,
) -> Result<Keys, ProveError> {
	let (vk, vk_bytes) = verifying_key(params, model.clone(), circuit_params)?;
	let pk = proving_key(params, vk, model, circuit_params)?;
	Ok(Keys { pk, vk_bytes })
}

/// The most memory a proving key's precomputed extended-domain polynomials may take
/// ([`precompute_extended_parts`]): 2 GiB (LeNet-5's take 528 MiB; a prover pool keeps at most
/// four models' keys, `PoolConfig::cached_models`, so at most 8 GiB in all). A key whose would
/// take more is used as generated, and each proof recomputes them.
pub const EXTENDED_PARTS_BUDGET: usize = 2 << 30;

/// Computes `pk`'s own polynomials (fixed columns, permutation, Lagrange selectors) on every
/// part of the extended domain once, if they take at most [`EXTENDED_PARTS_BUDGET`], so that
/// every proof made with the key skips their FFTs (the quotient computation redid them for
/// each part of each proof: a fifth of a LeNet-5 proof). Proofs are the same either way.
/// Returns the bytes kept, 0 if none.
pub fn precompute_extended_parts(pk: &mut ProvingKey<G1Affine>) -> usize {
	let bytes = pk.extended_parts_bytes();
	if bytes > EXTENDED_PARTS_BUDGET {
		return 0;
	}
	pk.precompute_extended_parts();
	bytes
}

/// Writes a proving key.
pub fn write_pk(pk: &ProvingKey<G1Affine>, out: &mut impl std::io::Write) -> std::io::Result<()> {
	pk.write(out, SerdeFormat::RawBytes)
}

/// Reads a proving key written by [`write_pk`] for the same circuit settings.
pub fn read_pk(
	bytes: &mut impl std::io::Read,
	circuit_params: CircuitParams,
) -> Result<ProvingKey<G1Affine>, ProveError> {
	ProvingKey::read::<_, ModelCircuit>(bytes, SerdeFormat::RawBytes, circuit_params)
		.map_err(|e| ProveError::KeyFile(e.to_string()))
}

/// A proof with its statement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proof {
	/// The proof bytes.
	pub proof: Vec<u8>,
	/// The public inputs, 32-byte little-endian: binding, input, output.
	pub public_inputs: Vec<[u8; 32]>,
	/// The quantized output (from the integer inference).
	pub output: Vec<i64>,
}

/// The public inputs of a statement, `[binding, input…, output…]`, as field elements: the
/// encoding of `zkinfer_statement::inference_public_inputs`, which the chain uses.
pub fn statement(binding: Fr, input: &[i64], output: &[i64]) -> Vec<Fr> {
	zkinfer_statement::inference_public_inputs(fr_to_bytes(&binding), input, output)
		.iter()
		.map(|bytes| {
			fr_from_bytes(bytes)
				.expect("field_element and a field element's own bytes are canonical; qed")
		})
		.collect()
}

/// Runs the integer inference on a quantized input and proves it.
pub fn prove(
	params: &ParamsKZG<Bn256>,
	pk: &ProvingKey<G1Affine>,
	model: Arc<Model>,
	circuit_params: CircuitParams,
	binding: Fr,
	input: &[i64],
	rng: impl RngCore,
) -> Result<Proof, ProveError> {
	let output = model.eval(input).map_err(ProveError::Model)?;
	let instance = statement(binding, input, &output);
	let circuit = ModelCircuit::prove(model, circuit_params, input.to_vec());
	let mut transcript = Blake2bWrite::<_, G1Affine, Challenge255<_>>::init(Vec::new());
	let columns: &[&[Fr]] = &[&instance];
	create_proof::<KZGCommitmentScheme<Bn256>, ProverSHPLONK<'_, Bn256>, _, _, _, _>(
		params,
		pk,
		&[circuit],
		&[columns],
		rng,
		&mut transcript,
	)
	.map_err(|e| ProveError::Halo2(format!("{e:?}")))?;
	Ok(Proof {
		proof: transcript.finalize(),
		public_inputs: instance.iter().map(fr_to_bytes).collect(),
		output,
	})
}
