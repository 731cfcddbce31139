//! The market: `ModelRegistry` and `InferenceMarket`, with the treasury account that receives
//! registration fees and the protocol's share of job fees, and the market's parameters.
//!
//! The parameters marked "governed" are constants until the governance pallets land and
//! bind them to `pallet-parameters`; the pallets read them through `Get` on every use, so a
//! new value applies from the next job on.
//!
//! The market's compute nodes are node staking's ([`crate::NodeStaking`], see
//! [`super::node_staking`]): nodes active in the current epoch, within their capacity; a
//! node's share of each fee goes to staking's reward pot and is shared with its pool.

use frame_support::{
	parameter_types,
	traits::{tokens::imbalance::ResolveTo, ConstU32},
	PalletId,
};
use sp_runtime::{traits::AccountIdConversion, Perbill};
use zkinfer_primitives::ProofSystems;

use crate::{
	configs::verification::{
		Groth16Instance, Halo2Instance, GROTH16_PROOF_BYTES, HALO2_MAX_PROOF_BYTES,
		HALO2_MAX_PUBLIC_INPUTS,
	},
	AccountId, Balance, Balances, BlockNumber, ModelRegistry, NodeStaking, Runtime, RuntimeHoldReason,
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

/// The most nodes the market considers for a model's job, and node staking registers for one
/// model.
pub const MAX_NODES_PER_MODEL: u32 = 64;

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
	type Nodes = NodeStaking;
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
	type MaxNodesPerModel = ConstU32<MAX_NODES_PER_MODEL>;
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
