//! Identifiers and the terms of a registered model.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use zkinfer_verifier_primitives::{KeyHash, KeyInfo};

/// A registered model's identifier, assigned in registration order from 0.
pub type ModelId = u32;

/// An inference job's identifier, assigned in submission order from 0.
pub type JobId = u64;

/// The content address of a compiled model (`blake2b-256` of its quantized model, circuit
/// settings and SRS identity), by which provers find it in their model stores.
pub type ArtifactHash = sp_core::H256;

/// The unit a model's cost per inference and a node's capacity per epoch are counted in.
pub type ComputeUnits = u64;

/// One fixed-point value of a model's input or output: the real value times `2^scale`,
/// rounded, as the prover's integer inference computes it.
pub type QuantizedValue = i64;

/// The compute units of one row-column of a circuit: a key's cost is `2^k × columns /
/// ROW_COLUMNS_PER_UNIT` units (the digits MLP, `2^13` rows and 16 columns, costs 2,048).
pub const ROW_COLUMNS_PER_UNIT: u64 = 64;

/// The compute units per public input of a key that does not declare its circuit's size
/// (Groth16: a snarkjs key reveals only its input count).
pub const UNSIZED_UNITS_PER_INPUT: u64 = 64;

/// What one proof under a key of this shape costs a prover, in compute units: the chain's own
/// measure, computed from the key and never declared by a model's owner. For a key that
/// declares its circuit (`k > 0`): `2^k × columns / ROW_COLUMNS_PER_UNIT` (proving commits to
/// and evaluates every column over every row, so its time and memory grow with both). For a
/// key that does not (Groth16): `UNSIZED_UNITS_PER_INPUT` per public input. At least 1.
pub fn compute_units(key: &KeyInfo) -> ComputeUnits {
	let units = if key.k == 0 {
		u64::from(key.public_inputs).saturating_mul(UNSIZED_UNITS_PER_INPUT)
	} else {
		1u64.checked_shl(u32::from(key.k))
			.unwrap_or(u64::MAX)
			.saturating_mul(u64::from(key.columns))
			/ ROW_COLUMNS_PER_UNIT
	};
	units.max(1)
}

/// The quantized values a model's input may take, each of them: `min..=max`. The market
/// refuses a job with a value outside it, so that every job it accepts can be proved (the
/// model's circuit is total over its domain).
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
pub struct InputDomain {
	/// The smallest value.
	pub min: QuantizedValue,
	/// The largest value.
	pub max: QuantizedValue,
}

impl InputDomain {
	/// Every `i64` (a circuit that takes any canonical input).
	pub const ALL: Self = Self { min: QuantizedValue::MIN, max: QuantizedValue::MAX };

	/// Whether the bounds are ordered.
	pub fn is_valid(&self) -> bool {
		self.min <= self.max
	}

	/// Whether `value` lies in the domain.
	pub fn contains(&self, value: QuantizedValue) -> bool {
		(self.min..=self.max).contains(&value)
	}

	/// The position and value of the first value of `input` outside the domain, if any.
	pub fn first_outside(&self, input: &[QuantizedValue]) -> Option<(usize, QuantizedValue)> {
		input.iter().copied().enumerate().find(|(_, v)| !self.contains(*v))
	}
}

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
	/// The compute units one inference costs ([`compute_units`] of its key).
	pub compute_units: ComputeUnits,
	/// The values its input may take.
	pub input_domain: InputDomain,
	/// The proof system of its verifying key.
	pub proof_system: ProofSystem,
	/// The hash of its verifying key, registered in that system's verifier.
	pub vk: KeyHash,
	/// The content address of its compiled artifact, by which provers find it in their model
	/// stores.
	pub artifact: ArtifactHash,
	/// The number of quantized input values (the product of the input shape).
	pub input_len: u32,
	/// The number of quantized output values (the product of the output shape).
	pub output_len: u32,
}
