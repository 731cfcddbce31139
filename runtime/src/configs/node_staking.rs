//! Node staking: `NodeStaking`, the compute nodes the market assigns jobs to, with their
//! epochs, bonds, pools, rewards and slashes.
//!
//! The parameters marked "governed" are constants until the governance pallets bind them to
//! `pallet-parameters`; the pallet reads them through `Get` on every use. Slashes go to the
//! treasury; until OpenGov lands, root (sudo on the development chains) may cancel them.

use frame_support::{
	parameter_types,
	traits::{tokens::imbalance::ResolveTo, ConstU32},
	PalletId,
};
use frame_system::EnsureRoot;
use sp_runtime::Perbill;
use zkinfer_primitives::{ComputeUnits, EpochIndex, ModelId};

use crate::{
	configs::market::{TreasuryAccount, MAX_NODES_PER_MODEL},
	AccountId, Balance, Balances, BlockNumber, ModelRegistry, Runtime, RuntimeHoldReason, HOURS, UNIT,
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
	/// Governed: blocks per epoch.
	pub const EpochLength: BlockNumber = HOURS;
	/// Governed: epochs a leaving node's bond and a leaving member's stake stay bonded.
	pub const UnbondingEpochs: EpochIndex = 24;
	/// Governed: the least an operator bonds.
	pub const MinBond: Balance = 1_000 * UNIT;
	/// Governed: the least stake put into a pool at once.
	pub const MinJoin: Balance = 10 * UNIT;
	/// Governed: the highest operator commission.
	pub const MaxCommission: Perbill = Perbill::from_percent(20);
	/// Governed: minted per epoch for the nodes, shared by verified work.
	pub const EpochEmission: Balance = 100 * UNIT;
	/// Governed: the share of a node's stake slashed per missed deadline.
	pub const MissedDeadlineSlash: Perbill = Perbill::from_percent(1);
	/// Governed: the share of a node's stake slashed per proven unavailability.
	pub const UnavailabilitySlash: Perbill = Perbill::from_percent(5);
	/// Governed: offences in one epoch after which a node is deactivated.
	pub const DeactivationThreshold: u32 = 10;
}

impl pallet_node_staking::Config for Runtime {
	type RuntimeEvent = crate::RuntimeEvent;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type Models = ModelRegistry;
	type PalletId = NodeStakingPalletId;
	type EpochLength = EpochLength;
	type UnbondingEpochs = UnbondingEpochs;
	type MinBond = MinBond;
	type MinJoin = MinJoin;
	type MaxCommission = MaxCommission;
	type EpochEmission = EpochEmission;
	type MissedDeadlineSlash = MissedDeadlineSlash;
	type UnavailabilitySlash = UnavailabilitySlash;
	type DeactivationThreshold = DeactivationThreshold;
	type Slashed = ResolveTo<TreasuryAccount, Balances>;
	type SlashCancelOrigin = EnsureRoot<AccountId>;
	type MaxNodes = ConstU32<1024>;
	type MaxModelsPerNode = ConstU32<16>;
	type MaxNodesPerModel = ConstU32<MAX_NODES_PER_MODEL>;
	type MaxUnbondingChunks = ConstU32<8>;
	type MaxSlashesPerBlock = ConstU32<16>;
	type WeightInfo = crate::weights::node_staking::WeightInfo<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::MarketBenchmarks;
}
