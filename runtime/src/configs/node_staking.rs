//! Node staking: `NodeStaking`, the compute nodes the market assigns jobs to, with their
//! epochs, bonds, pools, rewards and slashes.
//!
//! The governed parameters (epoch length, unbonding, minimum bond and join, commission
//! ceiling, emission, slash fractions, deactivation threshold) are `pallet-parameters'`
//! ([`super::governance::parameters`]), read within their bounds on every use. Slashes go to
//! the treasury; a referendum on the slash-canceller track (or root) may cancel them while
//! they are deferred.

use frame_support::{
	parameter_types,
	traits::{tokens::imbalance::ResolveTo, ConstU32, EitherOf},
	PalletId,
};
use frame_system::EnsureRoot;
use pallet_governance_origins::EnsureSlashCanceller;
use zkinfer_primitives::{ComputeUnits, ModelId};

use crate::{
	configs::{
		governance::parameters::{dynamic_params::node_staking, Governed},
		market::MAX_NODES_PER_MODEL,
		treasury::TreasuryAccount,
	},
	AccountId, Balance, Balances, ModelRegistry, Runtime, RuntimeHoldReason, UNIT,
};

/// The models each genesis node serves: the first [`GENESIS_NODE_MODELS`] ids, so that a
/// development chain's first models have a node without anyone registering one.
pub const GENESIS_NODE_MODELS: ModelId = 16;

/// The compute units per epoch each genesis node commits to.
pub const GENESIS_NODE_CAPACITY: ComputeUnits = 1_000_000;

/// The bond of each genesis node.
pub const GENESIS_NODE_BOND: Balance = 1_000 * UNIT;

parameter_types! {
	/// The pallet account: pool stake and the reward pot.
	pub const NodeStakingPalletId: PalletId = PalletId(*b"zk/nodes");
}

impl pallet_node_staking::Config for Runtime {
	type RuntimeEvent = crate::RuntimeEvent;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type Models = ModelRegistry;
	type PalletId = NodeStakingPalletId;
	type EpochLength = Governed<node_staking::EpochLength>;
	type UnbondingEpochs = Governed<node_staking::UnbondingEpochs>;
	type MinBond = Governed<node_staking::MinBond>;
	type MinJoin = Governed<node_staking::MinJoin>;
	type MaxCommission = Governed<node_staking::MaxCommission>;
	type EpochEmission = Governed<node_staking::EpochEmission>;
	type MissedDeadlineSlash = Governed<node_staking::MissedDeadlineSlash>;
	type UnavailabilitySlash = Governed<node_staking::UnavailabilitySlash>;
	type DeactivationThreshold = Governed<node_staking::DeactivationThreshold>;
	type Slashed = ResolveTo<TreasuryAccount, Balances>;
	type SlashCancelOrigin = EitherOf<EnsureRoot<AccountId>, EnsureSlashCanceller>;
	type MaxNodes = ConstU32<1024>;
	type MaxModelsPerNode = ConstU32<16>;
	type MaxNodesPerModel = ConstU32<MAX_NODES_PER_MODEL>;
	type MaxUnbondingChunks = ConstU32<8>;
	type MaxSlashesPerBlock = ConstU32<16>;
	type WeightInfo = crate::weights::node_staking::WeightInfo<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::MarketBenchmarks;
}
