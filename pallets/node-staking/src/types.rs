//! The records node staking stores: nodes, pools, members, unbonding, rewards and slashes.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	pallet_prelude::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;
use sp_runtime::{traits::Saturating, FixedPointNumber, FixedU128, Perbill};
use zkinfer_primitives::{ComputeUnits, EpochIndex, ModelId};

/// What a node offers: the models it serves, its capacity per epoch, its throughput and its
/// commission.
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
	/// The compute units it proves per block: the market never gives it more open work than
	/// this many units per block of a job's deadline window, so it can meet every deadline.
	pub throughput: ComputeUnits,
	/// The operator's cut of the node's rewards before the rest is shared by stake (capped
	/// by the governed `MaxCommission` when rewards are paid).
	pub commission: Perbill,
}

/// Why a node stopped serving.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum LeaveReason {
	/// Its operator unregistered it.
	Unregistered,
	/// It reached `DeactivationThreshold` offences in one epoch.
	RepeatedOffences,
	/// A slash left its bond below `MinBond` per model it serves.
	BondBelowMinimum,
}

/// A node that is leaving or has left the active set.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
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
	/// The part of `bond` added (`bond_extra`) in epoch `emission.last`: held and slashable at
	/// once, but, like stake that joins a pool, sharing the node's rewards with its pool only
	/// from the next epoch (the node's next settlement clears it).
	pub bond_joining: Balance,
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
	/// Its share of the epochs' emission, brought up to date on each touch.
	pub emission: EmissionState<Balance>,
}

/// A node's standing in the epochs' emission since it was last brought up to date.
///
/// Emission is earned by stake in force during an epoch (the node's bond and its pool's
/// active stake at the epoch's start, less what left or was slashed during it), gated by the
/// node's missed deadlines in that epoch. The node's emission of epochs up to `last` is paid;
/// in `last` it holds `weight` with `misses` so far; from `last + 1` on, `next_weight`.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct EmissionState<Balance> {
	/// The epoch it was last brought up to date in; its emission of earlier epochs is paid.
	pub last: EpochIndex,
	/// Its stake earning emission in `last` (zero before it serves and once it stopped).
	pub weight: Balance,
	/// Deadlines it missed in `last`: each takes `1 / DeactivationThreshold` of that epoch's
	/// share.
	pub misses: u32,
	/// Its stake earning emission from `last + 1` on (counted in `EmissionWeights::next`).
	pub next_weight: Balance,
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
		self.active_from <= epoch && self.leave.is_none_or(|leave| epoch < leave.until)
	}

	/// Whether it serves `model` in `epoch`.
	pub fn serves(&self, model: ModelId, epoch: EpochIndex) -> bool {
		self.is_active(epoch) && self.config_at(epoch).models.contains(&model)
	}

	/// Whether it holds a slot in `model`'s node list in `epoch`: it has not stopped serving,
	/// and serves the model by its configuration in force or a pending update.
	pub fn holds_slot(&self, model: ModelId, epoch: EpochIndex) -> bool {
		self.leave.is_none_or(|leave| epoch < leave.until)
			&& (self.config_at(epoch).models.contains(&model)
				|| self.next.as_ref().is_some_and(|(_, next)| next.models.contains(&model)))
	}

	/// How many models' node lists it holds a slot in (see [`Self::holds_slot`]) in `epoch`:
	/// those of its configuration in force and of a pending update, each counted once. Its
	/// bond covers `MinBond` for each.
	pub fn slots_held(&self, epoch: EpochIndex) -> usize {
		self.slots_held_with(epoch, self.next.as_ref().map(|(_, next)| &next.models[..]))
	}

	/// [`Self::slots_held`] in `epoch` if its pending update served `pending` instead.
	pub fn slots_held_with(&self, epoch: EpochIndex, pending: Option<&[ModelId]>) -> usize {
		let in_force = &self.config_at(epoch).models;
		let added =
			pending.map_or(0, |pending| pending.iter().filter(|m| !in_force.contains(m)).count());
		in_force.len().saturating_add(added)
	}

	/// The bond that shares rewards with the pool now: `bond` less what joined this epoch.
	pub fn bond_in_force(&self) -> Balance
	where
		Balance: Saturating + Copy,
	{
		self.bond.saturating_sub(self.bond_joining)
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

/// Stake that joined a pool in `epoch`: held, but earning (and sharing the pool's rewards) only
/// from the next epoch, when the pool's next settlement adds it to its active stake.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct PendingStake<Balance> {
	/// The epoch it joined in.
	pub epoch: EpochIndex,
	/// The points it bought (at the pool's rate when it joined).
	pub points: Balance,
	/// The stake.
	pub balance: Balance,
	/// The members whose stake it is.
	pub members: u32,
}

/// The delegated stake behind an operator's node, in shares ("points").
///
/// A member's stake is worth `points × active / points_total`: a slash lowers `active` and so
/// every member's stake pro rata, without touching the members.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
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
	/// Stake that joined this epoch and earns from the next.
	pub pending: Option<PendingStake<Balance>>,
}

/// Stake that left a pool in one epoch, in shares of its own: slashable for offences of that
/// epoch or later, withdrawable after the unbonding period.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
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
	/// Points it bought in the given epoch, which earn from the next
	/// ([`PendingStake`]).
	pub pending: Option<(EpochIndex, Balance)>,
	/// The pool's reward per point when its rewards were last brought up to date.
	pub reward_per_point_paid: FixedU128,
	/// Rewards brought up to date and not yet claimed.
	pub rewards: Balance,
	/// Its points in the pool's unbonding buckets, by the epoch it left in.
	pub unbonding: BoundedVec<(EpochIndex, Balance), MaxChunks>,
}

/// An epoch's emission and the stake that shares it, kept while a node's emission state
/// refers to it.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct EpochReward<Balance> {
	/// The emission of the epoch (the governed value when it started), minted as nodes settle.
	pub emission: Balance,
	/// The stake of all nodes earning emission at its start (`EmissionWeights::current`).
	pub stake: Balance,
	/// `EmissionPerStake` at its start: the emission per unit of stake of all earlier epochs.
	pub per_stake_before: FixedU128,
	/// Nodes whose emission state was last brought up to date in this epoch.
	pub unsettled: u32,
}

impl<Balance: sp_runtime::FixedPointOperand + Copy> EpochReward<Balance> {
	/// The emission per unit of stake of this epoch, rounded down (zero without stake).
	pub fn per_stake(&self) -> FixedU128 {
		use sp_runtime::{traits::Zero, SaturatedConversion};
		if self.stake.is_zero() {
			return FixedU128::zero();
		}
		FixedU128::checked_from_rational(
			self.emission.saturated_into::<u128>(),
			self.stake.saturated_into::<u128>(),
		)
		.unwrap_or_else(<FixedU128 as sp_runtime::traits::Bounded>::max_value)
	}
}

/// The stake earning emission, over all nodes: in the current epoch (its value at the
/// epoch's start; what leaves or is slashed during the epoch forfeits its share rather than
/// passing it on) and from the next one on.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct EmissionWeights<Balance> {
	/// At the start of the current epoch.
	pub current: Balance,
	/// From the next epoch on, as it stands now.
	pub next: Balance,
}

/// The slash an operator's node incurred in one epoch, not yet applied.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
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
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum RewardSource {
	/// Its share of a verified job's fee.
	Fees,
	/// Its share of the emission of epochs `from..until`, by its stake.
	Emission {
		/// The first epoch.
		from: EpochIndex,
		/// The epoch after the last.
		until: EpochIndex,
	},
}
