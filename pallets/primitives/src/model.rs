//! Identifiers and the terms of a registered model.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use zkinfer_verifier_primitives::KeyHash;

/// A registered model's identifier, assigned in registration order from 0.
pub type ModelId = u32;

/// An inference job's identifier, assigned in submission order from 0.
pub type JobId = u64;

/// The unit a model's cost per inference and a node's capacity per epoch are counted in.
pub type ComputeUnits = u64;

/// One fixed-point value of a model's input or output: the real value times `2^scale`,
/// rounded, as the prover's integer inference computes it.
pub type QuantizedValue = i64;

/// The proof system a model's verifying key belongs to; each has its own verifier instance.
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum ProofSystem {
	/// halo2 with KZG commitments over BN254 (SHPLONK, Blake2b): the prover worker's models.
	#[codec(index = 0)]
	Halo2Kzg,
	/// Groth16 over BN254: circuits from the circom/snarkjs toolchain.
	#[codec(index = 1)]
	Groth16,
}

/// What the market needs to know of a registered model to price, queue and settle its jobs.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct ModelTerms<AccountId> {
	/// The model's owner, who receives the owner's share of each fee.
	pub owner: AccountId,
	/// Whether the model takes new jobs (a retired model only finishes its open ones).
	pub accepts_jobs: bool,
	/// The compute units one inference costs.
	pub compute_units: ComputeUnits,
	/// The proof system of its verifying key.
	pub proof_system: ProofSystem,
	/// The hash of its verifying key, registered in that system's verifier.
	pub vk: KeyHash,
	/// The content address of its compiled artifact, by which provers find it in their model
	/// stores.
	pub artifact: KeyHash,
	/// The number of quantized input values (the product of the input shape).
	pub input_len: u32,
	/// The number of quantized output values (the product of the output shape).
	pub output_len: u32,
}
