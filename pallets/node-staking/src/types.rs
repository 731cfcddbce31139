//! The records node staking stores: nodes, pools, members, unbonding, rewards and slashes.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound};
use scale_info::TypeInfo;
use sp_runtime::{FixedU128, Perbill};
use zkinfer_primitives::{ComputeUnits, EpochIndex, ModelId};

/// What a node offers: the models it serves, its capacity per epoch and its commission.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
#[scale_info(skip_type_params(MaxModels))]
pub struct NodeConfig<MaxModels: Get<u32>> {
	/// The models it serves (no duplicates, at least one).
	pub models: BoundedVec<ModelId, MaxModels>,
	/// The compute units it commits to per epoch: the market never assigns it more.
	pub capacity: ComputeUnits,
	/// The operator's cut of the node's rewards before the rest is shared by stake (capped
	/// by the governed `MaxCommission` when rewards are paid).
	pub commission: Perbill,
}

/// Why a node stopped serving.
#[derive(
	Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub enum LeaveReason {
	/// Its operator unregistered it.
	Unregistered,
	/// It reached `DeactivationThreshold` offences in one epoch.
	RepeatedOffences,
	/// A slash left its bond below `MinBond`.
	BondBelowMinimum,
}

/// A node that is leaving or has left the active set.
#[derive(
	Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Leave {
	/// The first epoch it no longer serves in.
	pub until: EpochIndex,
	/// The first epoch in which its bond can be withdrawn.
	pub unlocks_at: EpochIndex,
	/// Why.
	pub reason: LeaveReason,
}

/// A registered compute node; its account is its operator's.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
#[scale_info(skip_type_params(MaxModels))]
pub struct Node<Balance, MaxModels: Get<u32>>
where
	Balance: Clone + PartialEq + Eq + core::fmt::Debug,
{
	/// The operator's own stake, held from the operator (`HoldReason::NodeBond`); slashed
	/// first.
	pub bond: Balance,
	/// What it offers now.
	pub config: NodeConfig<MaxModels>,
	/// An update that takes effect in the given epoch.
	pub next: Option<(EpochIndex, NodeConfig<MaxModels>)>,
	/// The first epoch it serves in (the one after its registration).
	pub active_from: EpochIndex,
	/// Set once it leaves (unregistered or deactivated).
	pub leave: Option<Leave>,
	/// The operator's rewards not yet claimed (paid from the reward pot).
	pub rewards: Balance,
}

impl<Balance, MaxModels> Node<Balance, MaxModels>
where
	Balance: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxModels: Get<u32>,
{
	/// The configuration in effect in `epoch`.
	pub fn config_at(&self, epoch: EpochIndex) -> &NodeConfig<MaxModels> {
		match &self.next {
			Some((from, next)) if epoch >= *from => next,
			_ => &self.config,
		}
	}

	/// Whether it serves in `epoch`: registered before it and not yet gone.
	pub fn is_active(&self, epoch: EpochIndex) -> bool {
		self.active_from <= epoch && self.leave.map_or(true, |leave| epoch < leave.until)
	}

	/// Whether it serves `model` in `epoch`.
	pub fn serves(&self, model: ModelId, epoch: EpochIndex) -> bool {
		self.is_active(epoch) && self.config_at(epoch).models.contains(&model)
	}

	/// Every model it is indexed under: those of its configuration and of a pending update.
	pub fn indexed_models(&self) -> impl Iterator<Item = ModelId> + '_ {
		let next = self.next.iter().flat_map(|(_, next)| next.models.iter());
		self.config
			.models
			.iter()
			.chain(next.filter(move |m| !self.config.models.contains(m)))
			.copied()
	}
}

/// The delegated stake behind an operator's node, in shares ("points").
///
/// A member's stake is worth `points × active / points_total`: a slash lowers `active` and so
/// every member's stake pro rata, without touching the members.
#[derive(
	Clone, PartialEq, Eq, Debug, Default, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Pool<Balance> {
	/// All members' active points.
	pub points: Balance,
	/// The bonded balance the points share (held on the pallet account, `HoldReason::PoolStake`).
	pub active: Balance,
	/// Members, counting those with only unbonding stake left.
	pub members: u32,
	/// Rewards per point credited to the pool so far.
	pub reward_per_point: FixedU128,
	/// Rewards credited to members and not yet claimed (the members' claims never exceed it;
	/// rounding leaves dust here).
	pub rewards: Balance,
}

/// Stake that left a pool in one epoch, in shares of its own: slashable for offences of that
/// epoch or later, withdrawable after the unbonding period.
#[derive(
	Clone, PartialEq, Eq, Debug, Default, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct UnbondingBucket<Balance> {
	/// The members' points in it.
	pub points: Balance,
	/// The balance they share (held on the pallet account, `HoldReason::PoolStake`).
	pub balance: Balance,
}

/// An account's stake in an operator's pool.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
#[scale_info(skip_type_params(MaxChunks))]
pub struct Member<AccountId, Balance, MaxChunks: Get<u32>>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	Balance: Clone + PartialEq + Eq + core::fmt::Debug,
{
	/// The operator whose pool it is in.
	pub pool: AccountId,
	/// Its active points.
	pub points: Balance,
	/// The pool's reward per point when its rewards were last brought up to date.
	pub reward_per_point_paid: FixedU128,
	/// Rewards brought up to date and not yet claimed.
	pub rewards: Balance,
	/// Its points in the pool's unbonding buckets, by the epoch it left in.
	pub unbonding: BoundedVec<(EpochIndex, Balance), MaxChunks>,
}

/// An epoch's emission and the verified work that shares it.
#[derive(
	Clone, PartialEq, Eq, Debug, Default, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct EpochReward<Balance> {
	/// The emission of the epoch (the governed value when it started), minted as nodes settle.
	pub emission: Balance,
	/// The compute units of verified work all nodes delivered in it.
	pub work: u128,
	/// Nodes with work in it that have not been paid their share yet.
	pub unsettled: u32,
}

/// The slash an operator's node incurred in one epoch, not yet applied.
#[derive(
	Clone, Copy, PartialEq, Eq, Debug, Default, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct UnappliedSlash {
	/// The share of the node's stake (bond + pool) to slash: the offences' fractions added up,
	/// at most all of it.
	pub fraction: Perbill,
	/// The offences reported.
	pub offences: u32,
}

/// Where a node's reward came from.
#[derive(
	Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub enum RewardSource {
	/// Its share of a verified job's fee.
	Fees,
	/// Its share of an epoch's emission, by its verified work.
	Emission {
		/// The epoch.
		epoch: EpochIndex,
	},
}
