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
use zkinfer_primitives::ComputeUnits;

use crate::{
	configs::{
		governance::parameters::{
			dynamic_params::{market, node_staking},
			Governed,
		},
		market::MAX_NODES_PER_MODEL,
		treasury::TreasuryAccount,
	},
	AccountId, Balance, Balances, ModelRegistry, NodeStaking, Runtime, RuntimeHoldReason, UNIT,
};

/// The compute units per epoch each genesis node commits to (about 430 digits-MLP jobs).
pub const GENESIS_NODE_CAPACITY: ComputeUnits = 1_000_000;

/// The compute units each genesis node proves per block: two digits-MLP jobs (a development
/// node proves one in about a second on two threads; the margin covers submission).
pub const GENESIS_NODE_THROUGHPUT: ComputeUnits = 5_000;

/// The bond of each genesis node.
pub const GENESIS_NODE_BOND: Balance = 1_000 * UNIT;

/// What the node `key` proves for has committed to (see
/// `zkinfer_primitives::runtime_api::NodeStakingApi::service_terms`): its configuration in
/// force now, with the registry's terms of each model it serves and the market's deadline.
pub fn service_terms(key: AccountId) -> Option<zkinfer_primitives::ServiceTerms<AccountId>> {
	use zkinfer_primitives::{ComputeNodes, ModelRegistry as _};
	let node = NodeStaking::node_of_prover(&key).unwrap_or(key);
	let record = pallet_node_staking::Nodes::<Runtime>::get(&node)?;
	let current = NodeStaking::current_epoch();
	let config = record.config_at(current);
	let models = config
		.models
		.iter()
		.filter_map(|&model| {
			let terms = ModelRegistry::terms(model).ok()?;
			Some(zkinfer_primitives::ServedModel {
				model,
				artifact: terms.artifact,
				vk: terms.vk,
				input_domain: terms.input_domain,
				compute_units: terms.compute_units,
				accepts_jobs: terms.accepts_jobs,
			})
		})
		.collect();
	Some(zkinfer_primitives::ServiceTerms {
		active: record.is_active(current),
		throughput: config.throughput,
		capacity: config.capacity,
		deadline_blocks: crate::InferenceMarket::deadline_window(),
		block_millis: crate::MILLISECS_PER_BLOCK,
		models,
		node,
	})
}

parameter_types! {
	/// The pallet account: pool stake and the reward pot.
	pub const NodeStakingPalletId: PalletId = PalletId(*b"zk/nodes");
}

impl pallet_node_staking::Config for Runtime {
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
	type AssignmentWindow = Governed<market::AssignmentDeadline>;
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
