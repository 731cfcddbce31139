//! The market: `ModelRegistry` and `InferenceMarket`, with the treasury account that receives
//! registration fees and the protocol's share of job fees, and the market's parameters.
//!
//! The parameters marked "governed" are constants until the governance pallets land and
//! bind them to `pallet-parameters`; the pallets read them through `Get` on every use, so a
//! new value applies from the next job on.
//!
//! ## Compute nodes until node staking lands
//!
//! The market reaches node staking through `zkinfer_primitives::ComputeNodes`. Until the
//! node-staking pallet exists, [`ValidatorComputeNodes`] serves it: the session's validators
//! are the compute nodes, each serves every model with [`VALIDATOR_NODE_CAPACITY`] compute
//! units per session (the epoch), and missed deadlines are logged and announced by the
//! market's `JobExpired` event but carry no penalty (there is no bond to slash yet).

use frame_support::{
	parameter_types,
	traits::{tokens::imbalance::ResolveTo, ConstU32},
	PalletId,
};
use sp_runtime::{traits::AccountIdConversion, DispatchError, Perbill};
use zkinfer_primitives::{ComputeNodes, ComputeUnits, ModelId, NodeOffence, ProofSystems};

use crate::{
	configs::verification::{
		Groth16Instance, Halo2Instance, GROTH16_PROOF_BYTES, HALO2_MAX_PROOF_BYTES,
		HALO2_MAX_PUBLIC_INPUTS,
	},
	AccountId, Balance, Balances, BlockNumber, ModelRegistry, Runtime, RuntimeHoldReason,
	MICRO_UNIT, MILLI_UNIT, MINUTES, UNIT,
};

/// The proof verifiers by proof system, as the registry and the market use them.
pub type Verifiers = ProofSystems<
	pallet_proof_verifier::Pallet<Runtime, Halo2Instance>,
	pallet_proof_verifier::Pallet<Runtime, Groth16Instance>,
>;

/// The most values of a model's input or output: a statement (binding, input, output) must
/// fit the halo2 verifier's `HALO2_MAX_PUBLIC_INPUTS`.
pub const MAX_TENSOR_VALUES: u32 = HALO2_MAX_PUBLIC_INPUTS - 2;

/// The compute units each validator serves per session while validators are the compute
/// nodes (see the module docs).
pub const VALIDATOR_NODE_CAPACITY: ComputeUnits = 1_000_000;

parameter_types! {
	/// The treasury's account (the account `pallet-treasury` derives from its default id).
	pub TreasuryAccount: AccountId = PalletId(*b"py/trsry").into_account_truncating();
	/// Governed: the fee for registering a model.
	pub const RegistrationFee: Balance = 10 * UNIT;
	/// Held for any stored model.
	pub const ModelDepositBase: Balance = UNIT;
	/// Held per byte of a stored model's record.
	pub const ModelDepositPerByte: Balance = 10 * MILLI_UNIT;
	/// Governed: the price of one compute unit.
	pub const UnitPrice: Balance = 10 * MICRO_UNIT;
	/// Governed: the node's share of a job's fee.
	pub const NodeShare: Perbill = Perbill::from_percent(80);
	/// Governed: the model owner's share of a job's fee (the treasury gets the rest).
	pub const OwnerShare: Perbill = Perbill::from_percent(15);
	/// Governed: blocks an assigned node has to submit a verified result.
	pub const AssignmentDeadline: BlockNumber = 2 * MINUTES;
	/// Governed: how often an expired job is assigned again before it is refunded.
	pub const MaxReassignments: u32 = 2;
	/// Blocks a job may wait in the queue.
	pub const QueueTimeout: BlockNumber = 30 * MINUTES;
	/// Held for any job record until the requester removes it.
	pub const JobDepositBase: Balance = 10 * MILLI_UNIT;
	/// Held per input and output value of a job record.
	pub const JobDepositPerValue: Balance = 100 * MICRO_UNIT;
}

impl pallet_model_registry::Config for Runtime {
	type RuntimeEvent = crate::RuntimeEvent;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type Verifiers = Verifiers;
	type RegistrationFee = RegistrationFee;
	type RegistrationFeeDestination = ResolveTo<TreasuryAccount, Balances>;
	type ModelDepositBase = ModelDepositBase;
	type ModelDepositPerByte = ModelDepositPerByte;
	type MaxMetadataBytes = ConstU32<1024>;
	type MaxDimensions = ConstU32<8>;
	type MaxTensorValues = ConstU32<MAX_TENSOR_VALUES>;
	type WeightInfo = crate::weights::model_registry::WeightInfo<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::MarketBenchmarks;
}

impl pallet_inference_market::Config for Runtime {
	type RuntimeEvent = crate::RuntimeEvent;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type Models = ModelRegistry;
	type Verifiers = Verifiers;
	type Nodes = ValidatorComputeNodes;
	type UnitPrice = UnitPrice;
	type NodeShare = NodeShare;
	type OwnerShare = OwnerShare;
	type ProtocolFeeDestination = ResolveTo<TreasuryAccount, Balances>;
	type AssignmentDeadline = AssignmentDeadline;
	type MaxReassignments = MaxReassignments;
	type QueueTimeout = QueueTimeout;
	type JobDepositBase = JobDepositBase;
	type JobDepositPerValue = JobDepositPerValue;
	type MaxQueueLen = ConstU32<1024>;
	type MaxJobsPerBlock = ConstU32<32>;
	type MaxNodesPerModel = ConstU32<64>;
	type MaxInputValues = ConstU32<MAX_TENSOR_VALUES>;
	type MaxOutputValues = ConstU32<MAX_TENSOR_VALUES>;
	type MaxProofBytes = ConstU32<{ max(HALO2_MAX_PROOF_BYTES, GROTH16_PROOF_BYTES) }>;
	type WeightInfo = crate::weights::inference_market::WeightInfo<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::MarketBenchmarks;
}

const fn max(a: u32, b: u32) -> u32 {
	if a > b { a } else { b }
}

/// The session's validators as compute nodes, until node staking lands (see the module docs).
pub struct ValidatorComputeNodes;

#[frame_support::storage_alias]
/// Compute units assigned to each validator: (session index, units in that session).
pub type ValidatorNodeUsage =
	StorageMap<ValidatorComputeNodes, frame_support::Blake2_128Concat, AccountId, (u32, ComputeUnits)>;

impl ValidatorComputeNodes {
	/// Units `node` was assigned in the current session.
	fn used(node: &AccountId) -> ComputeUnits {
		let session = pallet_session::CurrentIndex::<Runtime>::get();
		match ValidatorNodeUsage::get(node) {
			Some((index, used)) if index == session => used,
			_ => 0,
		}
	}

	fn is_validator(node: &AccountId) -> bool {
		pallet_session::Validators::<Runtime>::get().contains(node)
	}

	/// Records that `node` has `used` units assigned this session (benchmark setup).
	#[cfg(feature = "runtime-benchmarks")]
	pub fn set_used(node: &AccountId, used: ComputeUnits) {
		ValidatorNodeUsage::insert(node, (pallet_session::CurrentIndex::<Runtime>::get(), used));
	}
}

impl ComputeNodes<AccountId> for ValidatorComputeNodes {
	fn serving_nodes(_model: ModelId, max: u32) -> alloc::vec::Vec<AccountId> {
		let mut validators = pallet_session::Validators::<Runtime>::get();
		validators.truncate(max as usize);
		validators
	}

	fn remaining_capacity(node: &AccountId) -> ComputeUnits {
		if Self::is_validator(node) {
			VALIDATOR_NODE_CAPACITY.saturating_sub(Self::used(node))
		} else {
			0
		}
	}

	fn consume_capacity(node: &AccountId, units: ComputeUnits) -> Result<(), DispatchError> {
		let used = Self::used(node)
			.checked_add(units)
			.filter(|&used| used <= VALIDATOR_NODE_CAPACITY && Self::is_validator(node))
			.ok_or(DispatchError::Other("the node has not that much capacity left"))?;
		ValidatorNodeUsage::insert(node, (pallet_session::CurrentIndex::<Runtime>::get(), used));
		Ok(())
	}

	fn report_offence(node: &AccountId, offence: NodeOffence) {
		log::info!(target: "runtime::market", "node {node:?} offence {offence:?}: no penalty until node staking");
	}
}
