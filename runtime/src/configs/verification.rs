//! The proof verifier instances: `Groth16Verifier` (Groth16 over BN254, circom/snarkjs) and
//! `Halo2Verifier` (halo2-KZG over BN254, the prover worker's model proofs).
//!
//! Groth16 size limits are those of its encoding (`zkinfer-groth16`): a key with at most 256
//! public inputs is 16,965 bytes, a proof 256 bytes. halo2 limits cover the widest model
//! circuit (dot-product width 64: a 9,233-byte key and a 13,952-byte proof) and statements of
//! up to 4,096 public inputs (a 64×64 image and its output). Runtime tests check both.

use frame_support::{parameter_types, traits::ConstU32};
use frame_system::EnsureRoot;
use pallet_proof_verifier::{Groth16Bn254, Halo2Kzg};

use crate::{AccountId, Balance, Balances, Runtime, RuntimeHoldReason, MILLI_UNIT, UNIT};

/// The Groth16 verifier instance.
pub type Groth16Instance = frame_support::instances::Instance1;

/// The most public inputs of a Groth16 proof.
pub const GROTH16_MAX_PUBLIC_INPUTS: u32 = 256;
/// The longest Groth16 key: version, α, β, γ, δ, count and 257 IC points.
pub const GROTH16_MAX_KEY_BYTES: u32 = 1 + 64 + 3 * 128 + 4 + (GROTH16_MAX_PUBLIC_INPUTS + 1) * 64;
/// The length of a Groth16 proof: A, B, C.
pub const GROTH16_PROOF_BYTES: u32 = 64 + 128 + 64;

/// The halo2-KZG verifier instance.
pub type Halo2Instance = frame_support::instances::Instance2;

/// The most public inputs of a halo2 proof: job binding, model input and output.
pub const HALO2_MAX_PUBLIC_INPUTS: u32 = 4096;
/// The longest halo2 key accepted (the widest circuit's is 9,233 bytes).
pub const HALO2_MAX_KEY_BYTES: u32 = 10 * 1024;
/// The longest halo2 proof accepted (the widest circuit's is 13,952 bytes).
pub const HALO2_MAX_PROOF_BYTES: u32 = 14 * 1024;
/// The most proofs one batch verification takes, in both instances: as many results as one
/// `submit_results` call settles ([`super::market::MAX_BATCH_RESULTS`]).
pub const MAX_BATCH_PROOFS: u32 = super::market::MAX_BATCH_RESULTS;
/// The halo2 verifier parameters: `g ‖ h ‖ s·h` of the KZG SRS.
pub const HALO2_PARAMS_BYTES: u32 = 160;

parameter_types! {
	/// Held for any registered key: the cost of two storage entries.
	pub const KeyDepositBase: Balance = UNIT;
	/// Held per byte of a registered key (a full-size Groth16 key holds ≈ 170 UNIT).
	pub const KeyDepositPerByte: Balance = 10 * MILLI_UNIT;
}

impl pallet_proof_verifier::Config<Groth16Instance> for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type Verifier = Groth16Bn254;
	// Governance takes this over with the governance pallets.
	type ParamsOrigin = EnsureRoot<AccountId>;
	type KeyDepositBase = KeyDepositBase;
	type KeyDepositPerByte = KeyDepositPerByte;
	type MaxKeyBytes = ConstU32<GROTH16_MAX_KEY_BYTES>;
	type MaxProofBytes = ConstU32<GROTH16_PROOF_BYTES>;
	type MaxPublicInputs = ConstU32<GROTH16_MAX_PUBLIC_INPUTS>;
	// Groth16 keys are self-contained: no parameters.
	type MaxParamsBytes = ConstU32<0>;
	type MaxBatchProofs = ConstU32<MAX_BATCH_PROOFS>;
	type WeightInfo = crate::weights::groth16_verifier::WeightInfo<Runtime>;
}

impl pallet_proof_verifier::Config<Halo2Instance> for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type Verifier = Halo2Kzg;
	// Rotating the SRS: governance takes this over with the governance pallets.
	type ParamsOrigin = EnsureRoot<AccountId>;
	type KeyDepositBase = KeyDepositBase;
	type KeyDepositPerByte = KeyDepositPerByte;
	type MaxKeyBytes = ConstU32<HALO2_MAX_KEY_BYTES>;
	type MaxProofBytes = ConstU32<HALO2_MAX_PROOF_BYTES>;
	type MaxPublicInputs = ConstU32<HALO2_MAX_PUBLIC_INPUTS>;
	type MaxParamsBytes = ConstU32<HALO2_PARAMS_BYTES>;
	type MaxBatchProofs = ConstU32<MAX_BATCH_PROOFS>;
	type WeightInfo = crate::weights::halo2_verifier::WeightInfo<Runtime>;
}
