//! What a node has committed to serve, for provers to check before they take jobs.

use crate::{ArtifactHash, ComputeUnits, InputDomain, ModelId};
use alloc::vec::Vec;
use codec::{Decode, Encode};
use scale_info::TypeInfo;
use zkinfer_verifier_primitives::KeyHash;

/// A model a node serves, as its prover needs it: where to find the compiled model, which key
/// its proofs must verify under, which inputs its jobs may carry and what one job costs.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct ServedModel {
	/// The model.
	pub model: ModelId,
	/// The content address of its compiled artifact.
	pub artifact: ArtifactHash,
	/// Its verifying key's hash.
	pub vk: KeyHash,
	/// The values its jobs' inputs may take.
	pub input_domain: InputDomain,
	/// The compute units of one job.
	pub compute_units: ComputeUnits,
	/// Whether it takes new jobs.
	pub accepts_jobs: bool,
}

/// A node's service as the chain holds it now: the work the market may give it in one deadline
/// window, and the models it serves.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct ServiceTerms<AccountId> {
	/// The node (the operator's account), which the proofs' job bindings name.
	pub node: AccountId,
	/// Whether it serves in the current epoch.
	pub active: bool,
	/// Its declared throughput, compute units per block.
	pub throughput: ComputeUnits,
	/// Its capacity per epoch, compute units.
	pub capacity: ComputeUnits,
	/// The blocks a node has for a job.
	pub deadline_blocks: u32,
	/// The target block time, milliseconds.
	pub block_millis: u64,
	/// The models it serves.
	pub models: Vec<ServedModel>,
}
