//! The interfaces between the market pallets.

use crate::{ComputeUnits, JobId, ModelId, ModelTerms, ProofSystem};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::marker::PhantomData;
use frame_support::{dispatch::DispatchResult, pallet_prelude::DispatchError, weights::Weight};
use scale_info::TypeInfo;
use zkinfer_verifier_primitives::{
	KeyHash, KeyInfo, ProofVerifier, PublicInput, StatementHash, VerifiedBatch,
};

/// The model registry, as the inference market uses it.
pub trait ModelRegistry<AccountId> {
	/// The terms of `model`, or an error naming why there are none (no such model).
	fn terms(model: ModelId) -> Result<ModelTerms<AccountId>, DispatchError>;

	/// A job of `requester` for `model` was opened: the model's deposit stays held until every
	/// open job has closed, and the registry keeps (holding its deposit from `requester`) the
	/// record its usage statistics count this requester in.
	fn job_opened(model: ModelId, requester: &AccountId) -> DispatchResult;

	/// A job for `model` closed (fulfilled, refunded or cancelled).
	fn job_closed(model: ModelId) -> DispatchResult;

	/// The number of open jobs the registry counts for `model` (0 for an unknown model).
	fn open_jobs(model: ModelId) -> u32;

	/// Jobs of `model` were verified and paid, one per entry of `requesters` (who submitted
	/// each): they close (as [`Self::job_closed`] each) and count towards the model's usage
	/// statistics. One call for all of a model's jobs settled together, so the model's records
	/// are read and written once.
	fn jobs_verified(model: ModelId, requesters: &[AccountId]) -> DispatchResult;
}

/// Why the market reports a node to staking.
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
)]
pub enum NodeOffence {
	/// The node did not submit a verified result for an assigned job before its deadline.
	MissedDeadline {
		/// The job.
		job: JobId,
	},
	/// The node was shown to be unreachable while active (reported by a pallet or an
	/// off-chain worker that observed it).
	Unavailable,
}

/// Node staking, as the inference market uses it: who may be assigned jobs, how much, who may
/// submit their results, where a node's earnings go, and where its offences are reported.
pub trait ComputeNodes<AccountId, Balance> {
	/// Up to `max` nodes active in the current epoch that serve `model`, in a deterministic
	/// order.
	fn serving_nodes(model: ModelId, max: u32) -> Vec<AccountId>;

	/// The compute units `node` may still be assigned in the current epoch (zero if inactive).
	fn remaining_capacity(node: &AccountId) -> ComputeUnits;

	/// Takes `units` from `node`'s remaining capacity; fails, changing nothing, if it has less.
	fn consume_capacity(node: &AccountId, units: ComputeUnits) -> DispatchResult;

	/// The compute units `node` declares it proves per block (its throughput), zero if
	/// inactive: the market never gives it more open work than this many units per block of a
	/// job's deadline window.
	fn throughput(node: &AccountId) -> ComputeUnits;

	/// Whether `signer` may submit results of jobs assigned to `node`: the node's operator
	/// itself, or the prover key the operator named for it.
	fn may_submit_for(signer: &AccountId, node: &AccountId) -> bool;

	/// The node whose operator named `prover` as its prover key, if any.
	fn node_of_prover(prover: &AccountId) -> Option<AccountId>;

	/// Reports an offence of `node` for a penalty.
	fn report_offence(node: &AccountId, offence: NodeOffence);

	/// The account that receives `node`'s share of a job's fee (staking's reward pot for a
	/// staked node, so that its pool shares it).
	fn reward_account(node: &AccountId) -> AccountId;

	/// `node` delivered a verified result and `fee` was paid to [`Self::reward_account`] for
	/// it.
	fn work_verified(node: &AccountId, fee: Balance);
}

/// Proof verification by proof system, as the model registry and the market use it.
pub trait InferenceVerifier {
	/// Verifies `proof` of `public_inputs` under key `key` of `system`.
	fn verify(
		system: ProofSystem,
		key: &KeyHash,
		public_inputs: &[PublicInput],
		proof: &[u8],
	) -> Result<StatementHash, DispatchError>;

	/// The shape of the registered key `key` of `system`, if any.
	fn key_info(system: ProofSystem, key: &KeyHash) -> Option<KeyInfo>;

	/// The benchmarked weight of [`Self::verify`] under a key of `system` of this shape.
	fn verify_weight(system: ProofSystem, key: KeyInfo) -> Weight;

	/// The most [`Self::verify`] weighs for any system and key with `public_inputs` inputs.
	fn max_verify_weight(public_inputs: u32) -> Weight;

	/// Verifies a batch of statements (public inputs, proof) under key `key` of `system`: one
	/// result per statement and the weight it took (see
	/// [`ProofVerifier::verify_batch`](zkinfer_verifier_primitives::ProofVerifier::verify_batch)).
	fn verify_batch(
		system: ProofSystem,
		key: &KeyHash,
		statements: &[(&[PublicInput], &[u8])],
	) -> Result<VerifiedBatch, DispatchError>;

	/// The most [`Self::verify_batch`] weighs for `proofs` statements under a key of `system`
	/// of this shape.
	fn max_verify_batch_weight(system: ProofSystem, key: KeyInfo, proofs: u32) -> Weight;

	/// Takes a reference on a registered key.
	fn acquire_key(system: ProofSystem, key: &KeyHash) -> DispatchResult;

	/// Releases a reference taken with [`Self::acquire_key`].
	fn release_key(system: ProofSystem, key: &KeyHash) -> DispatchResult;
}

/// An [`InferenceVerifier`] that routes each proof system to its verifier instance.
pub struct ProofSystems<Halo2, Groth16>(PhantomData<(Halo2, Groth16)>);

impl<Halo2: ProofVerifier, Groth16: ProofVerifier> InferenceVerifier
	for ProofSystems<Halo2, Groth16>
{
	fn verify(
		system: ProofSystem,
		key: &KeyHash,
		public_inputs: &[PublicInput],
		proof: &[u8],
	) -> Result<StatementHash, DispatchError> {
		match system {
			ProofSystem::Halo2Kzg => Halo2::verify(key, public_inputs, proof),
			ProofSystem::Groth16 => Groth16::verify(key, public_inputs, proof),
		}
	}

	fn key_info(system: ProofSystem, key: &KeyHash) -> Option<KeyInfo> {
		match system {
			ProofSystem::Halo2Kzg => Halo2::key_info(key),
			ProofSystem::Groth16 => Groth16::key_info(key),
		}
	}

	fn verify_weight(system: ProofSystem, key: KeyInfo) -> Weight {
		match system {
			ProofSystem::Halo2Kzg => Halo2::verify_weight(key),
			ProofSystem::Groth16 => Groth16::verify_weight(key),
		}
	}

	fn max_verify_weight(public_inputs: u32) -> Weight {
		Halo2::max_verify_weight(public_inputs).max(Groth16::max_verify_weight(public_inputs))
	}

	fn verify_batch(
		system: ProofSystem,
		key: &KeyHash,
		statements: &[(&[PublicInput], &[u8])],
	) -> Result<VerifiedBatch, DispatchError> {
		match system {
			ProofSystem::Halo2Kzg => Halo2::verify_batch(key, statements),
			ProofSystem::Groth16 => Groth16::verify_batch(key, statements),
		}
	}

	fn max_verify_batch_weight(system: ProofSystem, key: KeyInfo, proofs: u32) -> Weight {
		match system {
			ProofSystem::Halo2Kzg => Halo2::max_verify_batch_weight(key, proofs),
			ProofSystem::Groth16 => Groth16::max_verify_batch_weight(key, proofs),
		}
	}

	fn acquire_key(system: ProofSystem, key: &KeyHash) -> DispatchResult {
		match system {
			ProofSystem::Halo2Kzg => Halo2::acquire_key(key),
			ProofSystem::Groth16 => Groth16::acquire_key(key),
		}
	}

	fn release_key(system: ProofSystem, key: &KeyHash) -> DispatchResult {
		match system {
			ProofSystem::Halo2Kzg => Halo2::release_key(key),
			ProofSystem::Groth16 => Groth16::release_key(key),
		}
	}
}
