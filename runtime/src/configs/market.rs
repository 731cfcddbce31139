//! The market: `ModelRegistry` and `InferenceMarket`, with the treasury account that receives
//! registration fees and the protocol's share of job fees, and the market's parameters.
//!
//! The governed parameters (unit price, fee shares, registration fee, assignment deadline,
//! re-assignments) are `pallet-parameters`' ([`super::governance::parameters`]), read within
//! their bounds on every use, so a new value applies from the next job on. The rest are fixed
//! here.
//!
//! The market's compute nodes are node staking's ([`crate::NodeStaking`], see
//! [`super::node_staking`]): nodes active in the current epoch, within their capacity; a
//! node's share of each fee goes to staking's reward pot and is shared with its pool.

use frame_support::{
	parameter_types,
	traits::{tokens::imbalance::ResolveTo, ConstU32},
};
use zkinfer_primitives::ProofSystems;

use crate::{
	configs::{
		governance::parameters::{dynamic_params::market, Governed, ModelOwnerShare, NodeShare},
		treasury::TreasuryAccount,
		verification::{
			Groth16Instance, Halo2Instance, GROTH16_PROOF_BYTES, HALO2_MAX_PROOF_BYTES,
			HALO2_MAX_PUBLIC_INPUTS,
		},
	},
	Balance, Balances, BlockNumber, ModelRegistry, NodeStaking, Runtime, RuntimeHoldReason,
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
	/// Held for any stored model.
	pub const ModelDepositBase: Balance = UNIT;
	/// Held per byte of a stored model's record.
	pub const ModelDepositPerByte: Balance = 10 * MILLI_UNIT;
	/// Blocks a job may wait in the queue.
	pub const QueueTimeout: BlockNumber = 30 * MINUTES;
	/// Held for any job record until the requester removes it.
	pub const JobDepositBase: Balance = 10 * MILLI_UNIT;
	/// Held per input and output value of a job record.
	pub const JobDepositPerValue: Balance = 100 * MICRO_UNIT;
	/// Held from a requester for its usage record of a model (a double-map entry of about 90
	/// bytes, kept until the model is removed).
	pub const UsageRecordDeposit: Balance = 10 * MILLI_UNIT;
}

/// The most results one `submit_results` call settles (a digits job's result is about 2 KB,
/// so 512 take about 1 MB of a block's 3.75 MB for normal transactions).
pub const MAX_BATCH_RESULTS: u32 = 512;

parameter_types! {
	/// The escrow account of job fees (`InferenceMarket::escrow_account`).
	pub const MarketPalletId: frame_support::PalletId = frame_support::PalletId(*b"zk/markt");
}

/// The most times one job is assigned: the governed `MaxReassignments` (at most 10) plus one.
pub const MAX_ASSIGNMENTS: u32 = 11;

impl pallet_model_registry::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type Verifiers = Verifiers;
	type RegistrationFee = Governed<market::RegistrationFee>;
	type RegistrationFeeDestination = ResolveTo<TreasuryAccount, Balances>;
	type ModelDepositBase = ModelDepositBase;
	type ModelDepositPerByte = ModelDepositPerByte;
	type MaxMetadataBytes = ConstU32<1024>;
	type MaxDimensions = ConstU32<8>;
	type MaxTensorValues = ConstU32<MAX_TENSOR_VALUES>;
	type UsageRecordDeposit = UsageRecordDeposit;
	type WeightInfo = crate::weights::model_registry::WeightInfo<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::MarketBenchmarks;
}

impl pallet_inference_market::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type PalletId = MarketPalletId;
	type Models = ModelRegistry;
	type Verifiers = Verifiers;
	type Nodes = NodeStaking;
	type UnitPrice = Governed<market::UnitPrice>;
	type NodeShare = NodeShare;
	type OwnerShare = ModelOwnerShare;
	type ProtocolFeeDestination = ResolveTo<TreasuryAccount, Balances>;
	type AssignmentDeadline = Governed<market::AssignmentDeadline>;
	type MaxReassignments = Governed<market::MaxReassignments>;
	type QueueTimeout = QueueTimeout;
	type JobDepositBase = JobDepositBase;
	type JobDepositPerValue = JobDepositPerValue;
	type MaxQueueLen = ConstU32<1024>;
	type MaxAssignments = ConstU32<MAX_ASSIGNMENTS>;
	type MaxJobsPerBlock = ConstU32<32>;
	type MaxNodesPerModel = ConstU32<MAX_NODES_PER_MODEL>;
	type MaxInputValues = ConstU32<MAX_TENSOR_VALUES>;
	type MaxOutputValues = ConstU32<MAX_TENSOR_VALUES>;
	type MaxProofBytes = ConstU32<{ max(HALO2_MAX_PROOF_BYTES, GROTH16_PROOF_BYTES) }>;
	type MaxBatchResults = ConstU32<MAX_BATCH_RESULTS>;
	type MaxBatchModels = ConstU32<16>;
	// 8 MiB of statements (32 bytes a value): 512 digits-MLP results take 38,400 values,
	// LeNet-5 results (1,035 values each) 253 per call.
	type MaxBatchValues = ConstU32<{ 1 << 18 }>;
	type Operators = super::offchain::KeystoreOperators;
	type WeightInfo = crate::weights::inference_market::WeightInfo<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::MarketBenchmarks;
}

const fn max(a: u32, b: u32) -> u32 {
	if a > b {
		a
	} else {
		b
	}
}
