//! # Node Staking Pallet
//!
//! Compute nodes with skin in the game: operators bond stake and commit capacity per epoch,
//! other accounts stake into their pools, rewards are paid per epoch and missed work is slashed.
//!
//! ## Pallet API
//!
//! See the [`pallet`] module for the calls, storage, events and errors. The market reaches this
//! pallet through [`ComputeNodes`](zkinfer_primitives::ComputeNodes) (implemented in
//! [`nodes`]); the runtime API
//! [`NodeStakingApi`](zkinfer_primitives::runtime_api::NodeStakingApi) through
//! [`Pallet::epoch_info`] and [`Pallet::claimable_rewards`].
//!
//! ## Overview
//!
//! - **Epochs** of `EpochLength` blocks (governed; [`epoch`]). Everything that changes who
//!   serves takes effect at an epoch boundary, evaluated lazily against the current epoch, so the
//!   boundary itself costs a constant: it advances the index and opens the epoch's reward record.
//! - **Operators** ([`nodes`]): [`register_node`](pallet::Pallet::register_node)`(models,
//!   capacity, throughput, commission, bond)` holds at least `MinBond` per served model from
//!   the operator; the node serves from the next epoch. For each model it serves, its capacity per epoch and what
//!   it proves in one deadline window (throughput per block × `AssignmentWindow`) must cover
//!   at least one job of the model. [`update_node`](pallet::Pallet::update_node) takes effect
//!   next epoch (until then the node holds the slots of both configurations, and its bond
//!   covers both); [`bond_extra`](pallet::Pallet::bond_extra) adds bond, which earns and
//!   shares the node's rewards with its pool from the next epoch; [`unregister_node`](pallet::Pallet::unregister_node) serves to the end of this
//!   epoch and the bond unbonds for `UnbondingEpochs` more;
//!   [`withdraw_unbonded`](pallet::Pallet::withdraw_unbonded) returns it. An operator may name
//!   a separate **prover key** with [`set_prover`](pallet::Pallet::set_prover): an account that
//!   may submit the node's results (and pays their fees) and can do nothing else with the node,
//!   so the key a proving machine holds is not the one that controls the stake.
//! - **Pools** ([`pools`]): any account may [`join_pool`](pallet::Pallet::join_pool)`(operator,
//!   amount)` (at least `MinJoin`) and [`leave_pool`](pallet::Pallet::leave_pool). Pool stake
//!   is held on the pallet account and shared in points, so a slash reduces every member's
//!   stake pro rata without visiting them; stake that joins in an epoch earns from the next;
//!   leaving moves the member's stake into the pool's unbonding bucket of that epoch, which
//!   stays slashable until withdrawn. A pool takes no new stake while its node has a slash
//!   pending.
//! - **Rewards** ([`rewards`]): a node's share of each verified job's fee (the market pays it
//!   to the pallet account) and its share of each epoch's `EpochEmission`, pro rata to the
//!   stake in force in that epoch (its bond and its pool's active stake at the epoch's start,
//!   less what left or was slashed during the epoch), less `1 / DeactivationThreshold` of it
//!   per deadline it missed in the epoch; minted when the node is next brought up to date.
//!   Each reward is split with the commission in force when it was earned (at most
//!   `MaxCommission`) to the operator, the rest by stake between the operator's bond and the
//!   pool. Members claim theirs with [`claim_rewards`](pallet::Pallet::claim_rewards) (pull),
//!   so no hook pays anyone.
//! - **Slashing** ([`slashing`]): the market reports offences (a missed deadline, or
//!   unavailability); each adds its governed fraction to the node's slash for the epoch, up to
//!   `DeactivationThreshold` offences per node and epoch, when the node is deactivated at once
//!   and further reports of that epoch are ignored. The slash of epoch `e` is applied at the
//!   start of epoch `e + 2` (governance has all of epoch `e + 1` to
//!   [`cancel_slash`](pallet::Pallet::cancel_slash)), by the hook, at most
//!   `MaxSlashesPerBlock` per block.
//!
//! ### Economic argument
//!
//! Who could profit from abusing node staking, and why it does not pay:
//! - **Self-dealing for emission** (an operator sending jobs to its own node, for its own
//!   model): emission is earned by stake, not by work, and work can only lower a node's share
//!   (by missed deadlines), never raise it; so the jobs earn no emission and cost their
//!   protocol share and transaction fees. This holds for every governed value of the emission,
//!   fee shares and prices.
//! - **Late stake** taking an epoch's rewards: stake that joins a pool and bond an operator
//!   adds in an epoch earn, and count in the split of the node's rewards with its pool, from
//!   the next epoch (an operator cannot dilute its pool's share of an epoch by bonding late
//!   in it); a node is brought up to date before any change of its stake or commission, so each
//!   epoch's emission goes to the stake and commission in force then. Stake that leaves or is
//!   slashed during an epoch forfeits that epoch's share (it is not minted).
//! - **Stake dodging or buying into a slash**: no stake of the node or its pool can be
//!   withdrawn while a slash is pending, leavers stay slashable in their bucket, and no stake
//!   can join while one is pending, so a slash falls on the stake that was there when the
//!   offence happened.
//! - **Griefing a node into slashes** (a requester sending unprovable jobs, or more than the
//!   node can prove in time): the market refuses inputs outside a model's domain and never
//!   gives a node more open work than its throughput covers in a deadline window; offences are
//!   reported once per job and capped per epoch.
//! - **Squatting a model's node slots**: each slot costs `MinBond` of bond (a node bonds
//!   `MinBond` per model whose list it holds a slot in, counting a pending update's models
//!   with those in force, and is deactivated when a slash leaves less), so filling a
//!   model's `MaxNodesPerModel` slots locks `MaxNodesPerModel × MinBond`, and every served
//!   model needs capacity and throughput for at least one of its jobs, so a squatting node is
//!   assigned work and slashed (then deactivated) if it does not prove it; nodes that stopped
//!   serving lose their slot to a new node at once, not only when they are withdrawn.
//!
//! ### Slashing policy
//!
//! A slash of fraction `f` of epoch `e` takes `f × (bond + pool stake)`, where pool stake is the
//! pool's active stake plus the unbonding buckets of members who left in epoch `e` or later. The
//! operator's bond pays first, up to all of it; the rest is taken from the pool's active stake
//! and those buckets pro rata to their balances (rounded down: the pool never loses more than
//! its part). Slashed funds go to `Slashed` (the treasury). No unbonding stake of the node or its
//! pool can be withdrawn while a slash is pending. A node whose bond falls below `MinBond` per
//! model it serves is deactivated.
//!
//! ### Example
//!
//! A node registered in one epoch serves from the next (from this pallet's tests):
#![doc = docify::embed!("src/tests/nodes.rs", a_node_serves_from_the_epoch_after_its_registration)]
//!
//! ## Low Level / Implementation Details
//!
//! ### Invariants
//!
//! Checked by `Pallet::do_try_state` (tests and the `try-runtime` feature):
//! - each operator's `NodeBond` hold equals its node's bond, and the bond that joined this
//!   epoch is part of it; the pallet account's `PoolStake`
//!   hold equals every pool's active and pending stake plus every unbonding bucket's balance;
//! - the pallet account's free balance covers the existential deposit plus every operator's
//!   and every pool's unclaimed rewards; no pool owes its members more than it was credited;
//! - each pool's points and member count, and each bucket's points, equal the sums over its
//!   members;
//! - no node was assigned more compute units in the current epoch than its capacity then;
//! - `ModelNodes` lists each node under exactly the models of its configuration and pending
//!   update; `NodeCount` counts the nodes;
//! - each node's count of pending slashes equals its unapplied slashes;
//! - emission: each node's stake from the next epoch on is its bond plus its pool's active and
//!   pending stake (zero once it leaves), and `EmissionWeights::next` is their sum; the stake
//!   earning in the current epoch is at most `EmissionWeights::current`; every reward record's
//!   unsettled count equals the nodes last brought up to date in its epoch;
//! - pending stake: each pool's pending points and members equal its members' pending points
//!   of that epoch; each reward mark's count equals the members still pending for it;
//! - each prover key names one node and the node names it back.
//!
//! A slash never exceeds the stake it is taken from (it is a fraction of it, bond first).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod epoch;
mod invariants;
#[cfg(test)]
mod mock;
pub mod nodes;
pub mod pools;
pub mod rewards;
pub mod slashing;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
pub use benchmarking::BenchmarkHelper;
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::{fungible, OnUnbalanced},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::{FixedU128, Perbill};
	use zkinfer_primitives::{ComputeUnits, EpochIndex, ModelId, ModelRegistry, NodeOffence};

	/// The balance type of the currency.
	pub type BalanceOf<T> = <<T as Config>::Currency as fungible::Inspect<
		<T as frame_system::Config>::AccountId,
	>>::Balance;

	/// Slashed funds, on their way to `Slashed`.
	pub type CreditOf<T> =
		fungible::Credit<<T as frame_system::Config>::AccountId, <T as Config>::Currency>;

	/// A node's model list as this runtime bounds it.
	pub type ModelsOf<T> = BoundedVec<ModelId, <T as Config>::MaxModelsPerNode>;

	/// A node's configuration as this runtime bounds it.
	pub type NodeConfigOf<T> = NodeConfig<<T as Config>::MaxModelsPerNode>;

	/// A node record as this runtime bounds it.
	pub type NodeOf<T> = Node<BalanceOf<T>, <T as Config>::MaxModelsPerNode>;

	/// A pool membership as this runtime bounds it.
	pub type MemberOf<T> = types::Member<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		<T as Config>::MaxUnbondingChunks,
	>;

	/// The current storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// Holds bonds and pool stake, mints emission, pays rewards.
		type Currency: fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ fungible::BalancedHold<Self::AccountId>
			+ fungible::Mutate<Self::AccountId>;

		/// The registered models (a node may only register for models that take jobs).
		type Models: ModelRegistry<Self::AccountId>;

		/// The pallet account: holds pool stake and the reward pot.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Blocks per epoch (governed; at least 1).
		type EpochLength: Get<BlockNumberFor<Self>>;

		/// Epochs a leaving node's bond and a leaving member's stake stay bonded (governed; at
		/// least 1).
		type UnbondingEpochs: Get<EpochIndex>;

		/// The least an operator bonds per model its node serves (governed).
		type MinBond: Get<BalanceOf<Self>>;

		/// The least stake an account puts into a pool at once (governed; at least the
		/// existential deposit is sensible).
		type MinJoin: Get<BalanceOf<Self>>;

		/// The highest commission an operator can take (governed).
		type MaxCommission: Get<Perbill>;

		/// Minted per epoch for the nodes, shared by verified work (governed).
		type EpochEmission: Get<BalanceOf<Self>>;

		/// The share of a node's stake slashed per missed deadline (governed).
		type MissedDeadlineSlash: Get<Perbill>;

		/// The share of a node's stake slashed per proven unavailability (governed).
		type UnavailabilitySlash: Get<Perbill>;

		/// Offences in one epoch after which a node is deactivated (governed; at least 1). Each
		/// missed deadline also takes this fraction's inverse of the node's emission share of
		/// the epoch.
		type DeactivationThreshold: Get<u32>;

		/// The blocks a node has for a job (the market's governed deadline): a node serving a
		/// model must prove at least one of its jobs in this many blocks at its throughput.
		type AssignmentWindow: Get<BlockNumberFor<Self>>;

		/// Receives slashed funds (the treasury).
		type Slashed: OnUnbalanced<CreditOf<Self>>;

		/// May cancel a slash before it is applied (governance).
		type SlashCancelOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The most registered nodes.
		#[pallet::constant]
		type MaxNodes: Get<u32>;

		/// The most models one node serves.
		#[pallet::constant]
		type MaxModelsPerNode: Get<u32>;

		/// The most nodes registered for one model.
		#[pallet::constant]
		type MaxNodesPerModel: Get<u32>;

		/// The most unbonding chunks (epochs left in) of one pool member.
		#[pallet::constant]
		type MaxUnbondingChunks: Get<u32>;

		/// The most slashes the hook applies per block.
		#[pallet::constant]
		type MaxSlashesPerBlock: Get<u32>;

		/// Weights of this pallet's calls and hook, from its benchmarks.
		type WeightInfo: WeightInfo;

		/// Registers models for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper<Self::AccountId>;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// An operator's bond, on the operator's account, bonded or unbonding.
		#[codec(index = 0)]
		NodeBond,
		/// All pools' stake, bonded or unbonding, on the pallet account.
		#[codec(index = 1)]
		PoolStake,
	}

	/// The current epoch.
	#[pallet::storage]
	pub type CurrentEpoch<T: Config> = StorageValue<_, EpochIndex, ValueQuery>;

	/// The block the current epoch started in.
	#[pallet::storage]
	pub type EpochStart<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// Registered nodes by operator account (active, pending activation, or leaving).
	///
	/// Blake2: operators choose their accounts.
	#[pallet::storage]
	pub type Nodes<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, NodeOf<T>, OptionQuery>;

	/// The number of registered nodes.
	#[pallet::storage]
	pub type NodeCount<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// The nodes registered for each model (whether serving yet or not), in registration order.
	#[pallet::storage]
	pub type ModelNodes<T: Config> = StorageMap<
		_,
		Twox64Concat,
		ModelId,
		BoundedVec<T::AccountId, T::MaxNodesPerModel>,
		ValueQuery,
	>;

	/// The compute units assigned to a node in an epoch (a past epoch's entry counts as none).
	#[pallet::storage]
	pub type CapacityUsed<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, (EpochIndex, ComputeUnits), OptionQuery>;

	/// Each operator's pool.
	#[pallet::storage]
	pub type Pools<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Pool<BalanceOf<T>>, OptionQuery>;

	/// Each pool's unbonding stake, by the epoch its members left in.
	#[pallet::storage]
	pub type PoolUnbonding<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		EpochIndex,
		UnbondingBucket<BalanceOf<T>>,
		OptionQuery,
	>;

	/// Pool members, by account (an account is in at most one pool, and is not an operator).
	#[pallet::storage]
	pub type Members<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, MemberOf<T>, OptionQuery>;

	/// Each epoch's emission and the stake sharing it: the current epoch's, and those a node's
	/// emission state still refers to.
	#[pallet::storage]
	pub type EpochRewards<T: Config> =
		StorageMap<_, Twox64Concat, EpochIndex, EpochReward<BalanceOf<T>>, OptionQuery>;

	/// The emission per unit of stake of all finished epochs, added up.
	#[pallet::storage]
	pub type EmissionPerStake<T: Config> = StorageValue<_, FixedU128, ValueQuery>;

	/// The stake of all nodes earning emission, now and from the next epoch.
	#[pallet::storage]
	pub type TotalEmissionStake<T: Config> =
		StorageValue<_, EmissionWeights<BalanceOf<T>>, ValueQuery>;

	/// A pool's reward per point when its pending stake of an epoch started earning, and how
	/// many of that stake's members have not yet been brought up to it.
	#[pallet::storage]
	pub type RewardMarks<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		EpochIndex,
		(FixedU128, u32),
		OptionQuery,
	>;

	/// The prover key each operator named for its node.
	#[pallet::storage]
	pub type Provers<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, T::AccountId, OptionQuery>;

	/// The node each prover key proves for (the reverse of [`Provers`]).
	#[pallet::storage]
	pub type ProverNodes<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, T::AccountId, OptionQuery>;

	/// Slashes not applied yet, by the epoch of the offences and the node.
	#[pallet::storage]
	pub type UnappliedSlashes<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		EpochIndex,
		Blake2_128Concat,
		T::AccountId,
		UnappliedSlash,
		OptionQuery,
	>;

	/// The number of a node's unapplied slashes: while it is not zero, no stake of the node or
	/// its pool can be withdrawn.
	#[pallet::storage]
	pub type PendingSlashes<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// The oldest offence epoch whose slashes may not all be applied yet.
	#[pallet::storage]
	pub type NextSlashEpoch<T: Config> = StorageValue<_, EpochIndex, ValueQuery>;

	/// A genesis node: `(operator, models, capacity per epoch, throughput per block, bond)`.
	pub type GenesisNode<T> = (
		<T as frame_system::Config>::AccountId,
		Vec<ModelId>,
		ComputeUnits,
		ComputeUnits,
		BalanceOf<T>,
	);

	/// Nodes active from genesis.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// `(operator, models, capacity per epoch, throughput per block, bond)`, serving from
		/// epoch 0 with no commission; the models must be registered (in the registry's
		/// genesis) and take jobs, as for [`Pallet::register_node`].
		pub nodes: Vec<GenesisNode<T>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			Pallet::<T>::open_reward_pot();
			EpochRewards::<T>::insert(0, Pallet::<T>::new_epoch_reward());
			for (operator, models, capacity, throughput, bond) in &self.nodes {
				let config = NodeConfig {
					models: BoundedVec::try_from(models.clone())
						.expect("genesis config: a node serves at most `MaxModelsPerNode` models"),
					capacity: *capacity,
					throughput: *throughput,
					commission: Perbill::zero(),
				};
				// Deliberate panics: a chain must not start with nodes its spec says it has but
				// does not, or with nodes for models that do not exist.
				if let Err(error) = Pallet::<T>::check_config(&config) {
					panic!("genesis node: {error:?}");
				}
				assert!(
					*bond >= Pallet::<T>::min_bond_for(models.len()),
					"genesis node: a bond below `MinBond` per model"
				);
				Pallet::<T>::add_node(operator.clone(), config, *bond, 0).expect("genesis config: nodes are distinct, within `MaxNodes` and `MaxNodesPerModel`, and can hold their bonds");
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A new epoch started.
		NewEpoch {
			/// Its index.
			epoch: EpochIndex,
			/// Its first block.
			start: BlockNumberFor<T>,
		},
		/// A node was registered; its bond is held.
		NodeRegistered {
			/// The operator.
			node: T::AccountId,
			/// What it offers.
			config: NodeConfigOf<T>,
			/// The bond held.
			bond: BalanceOf<T>,
			/// The first epoch it serves in.
			active_from: EpochIndex,
		},
		/// A node's configuration changes from an epoch on.
		NodeUpdated {
			/// The operator.
			node: T::AccountId,
			/// What it offers from `from`.
			config: NodeConfigOf<T>,
			/// The epoch the change takes effect in.
			from: EpochIndex,
		},
		/// A node stops serving: unregistered by its operator or deactivated.
		NodeLeaving {
			/// The operator.
			node: T::AccountId,
			/// The first epoch it no longer serves in.
			until: EpochIndex,
			/// The first epoch its bond can be withdrawn in.
			unlocks_at: EpochIndex,
			/// Why.
			reason: LeaveReason,
		},
		/// A node that had left was removed and its bond returned.
		NodeWithdrawn {
			/// The operator.
			node: T::AccountId,
			/// The bond released.
			bond: BalanceOf<T>,
		},
		/// An account staked into a pool.
		PoolJoined {
			/// The member.
			member: T::AccountId,
			/// The pool's operator.
			pool: T::AccountId,
			/// The stake added.
			amount: BalanceOf<T>,
			/// The points it got for it.
			points: BalanceOf<T>,
		},
		/// A member left a pool; its stake unbonds.
		PoolLeft {
			/// The member.
			member: T::AccountId,
			/// The pool's operator.
			pool: T::AccountId,
			/// The stake it had (as of now; it stays slashable while unbonding).
			amount: BalanceOf<T>,
			/// The first epoch it can be withdrawn in.
			unlocks_at: EpochIndex,
		},
		/// A member's unbonded stake went back to it.
		StakeWithdrawn {
			/// The member.
			member: T::AccountId,
			/// The pool's operator.
			pool: T::AccountId,
			/// The amount.
			amount: BalanceOf<T>,
		},
		/// A node earned a reward, split between its operator and its pool.
		Rewarded {
			/// The node.
			node: T::AccountId,
			/// Where it came from.
			source: RewardSource,
			/// The operator's part (commission and bond share).
			operator: BalanceOf<T>,
			/// The pool members' part.
			pool: BalanceOf<T>,
		},
		/// Rewards were paid out.
		RewardsClaimed {
			/// Who.
			who: T::AccountId,
			/// The amount.
			amount: BalanceOf<T>,
		},
		/// The market reported an offence of a node; its slash for the epoch grew.
		OffenceReported {
			/// The node.
			node: T::AccountId,
			/// The offence.
			offence: NodeOffence,
			/// The epoch of the offence.
			epoch: EpochIndex,
			/// The node's slash for that epoch so far.
			slash: Perbill,
		},
		/// A node's slash of an epoch was applied.
		Slashed {
			/// The node.
			node: T::AccountId,
			/// The epoch of the offences.
			epoch: EpochIndex,
			/// Taken from the operator's bond.
			bond: BalanceOf<T>,
			/// Taken from the pool's active and unbonding stake.
			pool: BalanceOf<T>,
		},
		/// Governance cancelled a node's slash of an epoch.
		SlashCancelled {
			/// The node.
			node: T::AccountId,
			/// The epoch of the offences.
			epoch: EpochIndex,
		},
		/// An operator named (or removed) its node's prover key.
		ProverSet {
			/// The node.
			node: T::AccountId,
			/// The prover key, if any.
			prover: Option<T::AccountId>,
		},
		/// An operator added to its node's bond.
		BondIncreased {
			/// The node.
			node: T::AccountId,
			/// The amount added (held).
			amount: BalanceOf<T>,
			/// The node's bond now.
			bond: BalanceOf<T>,
		},
		/// A pool's stake that joined in an epoch started earning.
		PendingStakeActivated {
			/// The pool's operator.
			pool: T::AccountId,
			/// The epoch it joined in.
			epoch: EpochIndex,
			/// The stake.
			amount: BalanceOf<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account already operates a node.
		AlreadyRegistered,
		/// The account operates no node.
		NotRegistered,
		/// The account is a pool member: leave and withdraw first.
		AlreadyMember,
		/// The bond is below `MinBond` per model served.
		BondBelowMinimum,
		/// The commission is above `MaxCommission`.
		CommissionAboveMaximum,
		/// A node serves at least one model.
		NoModels,
		/// The model list names a model twice.
		DuplicateModel,
		/// A model is unknown or retired.
		UnknownModel,
		/// A node commits at least one compute unit per epoch and per block.
		ZeroCapacity,
		/// The capacity per epoch is below one job of a model the node would serve.
		CapacityBelowModel,
		/// The throughput does not prove one job of a model the node would serve within a
		/// deadline window (`AssignmentWindow` blocks).
		ThroughputBelowModel,
		/// The prover key already proves for another node, or is an operator or the caller.
		ProverInUse,
		/// `MaxNodes` nodes are registered.
		TooManyNodes,
		/// A model has `MaxNodesPerModel` nodes registered.
		TooManyNodesForModel,
		/// The node is leaving or has left: it takes no changes and no new stake.
		NodeLeaving,
		/// The node is still serving: unregister it first.
		NodeStillServing,
		/// The stake is below `MinJoin`.
		StakeBelowMinimum,
		/// The stake is too small to buy a point of the pool.
		StakeTooSmall,
		/// An operator cannot stake in a pool.
		OperatorCannotJoin,
		/// The account is a member of another pool: leave and withdraw it first.
		MemberOfAnotherPool,
		/// The account is not a pool member, or has no active stake.
		NotMember,
		/// The pool's stake was slashed to nothing: it takes no new stake.
		PoolWipedOut,
		/// The member left in `MaxUnbondingChunks` epochs: withdraw first.
		TooManyUnbondingChunks,
		/// Nothing has finished unbonding.
		NothingToWithdraw,
		/// A slash of the node is pending: its and its pool's stake cannot be withdrawn yet.
		SlashPending,
		/// There are no rewards to claim.
		NoRewards,
		/// No such unapplied slash.
		NoSuchSlash,
		/// An amount overflowed.
		Overflow,
		/// The amount is zero.
		ZeroAmount,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Starts a new epoch when the current one is over, then applies due slashes.
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::process_block(now)
		}

		fn integrity_test() {
			assert!(!T::MaxSlashesPerBlock::get().is_zero(), "MaxSlashesPerBlock must be positive");
			assert!(!T::MaxModelsPerNode::get().is_zero(), "MaxModelsPerNode must be positive");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Registers the signer's node: holds its bond; it serves from the next epoch.
		///
		/// - Origin: signed, the operator (not a pool member). The node's account is the
		///   operator's: it is assigned jobs and submits results.
		/// - `models`: models that take jobs, no duplicates; `capacity`: compute units per
		///   epoch; `throughput`: compute units it proves per block (both at least one job of
		///   each model, the throughput within `AssignmentWindow` blocks); `commission` at most
		///   `MaxCommission`; `bond` at least `MinBond` per model.
		/// - Emits [`Event::NodeRegistered`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_node(models.len() as u32))]
		pub fn register_node(
			origin: OriginFor<T>,
			models: ModelsOf<T>,
			capacity: ComputeUnits,
			throughput: ComputeUnits,
			commission: Perbill,
			bond: BalanceOf<T>,
		) -> DispatchResult {
			let operator = ensure_signed(origin)?;
			Self::do_register_node(
				operator,
				NodeConfig { models, capacity, throughput, commission },
				bond,
			)
		}

		/// Changes the signer's node's models, capacity, throughput and commission from the next
		/// epoch on.
		///
		/// - Origin: signed, the operator of a node that is not leaving. Same checks as
		///   [`Self::register_node`] (its bond covers `MinBond` per model); a second update
		///   before the next epoch replaces the first.
		/// - Emits [`Event::NodeUpdated`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::update_node(models.len() as u32))]
		pub fn update_node(
			origin: OriginFor<T>,
			models: ModelsOf<T>,
			capacity: ComputeUnits,
			throughput: ComputeUnits,
			commission: Perbill,
		) -> DispatchResult {
			let operator = ensure_signed(origin)?;
			Self::do_update_node(operator, NodeConfig { models, capacity, throughput, commission })
		}

		/// Unregisters the signer's node: it serves to the end of this epoch, then its bond
		/// unbonds for `UnbondingEpochs`.
		///
		/// - Origin: signed, the operator of a node that is not leaving.
		/// - Emits [`Event::NodeLeaving`] (reason `Unregistered`).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::unregister_node())]
		pub fn unregister_node(origin: OriginFor<T>) -> DispatchResult {
			let operator = ensure_signed(origin)?;
			Self::do_unregister_node(operator)
		}

		/// Stakes `amount` into `operator`'s pool.
		///
		/// - Origin: signed, any account that operates no node and is in no other pool.
		/// - The amount moves to the pallet account and is held there; the member gets points at
		///   the pool's current rate (`amount × points / active`, 1:1 for an empty pool), which
		///   earn from the next epoch.
		/// - Fails with [`Error::SlashPending`] while a slash of the node is pending.
		/// - Emits [`Event::PoolJoined`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::join_pool())]
		pub fn join_pool(
			origin: OriginFor<T>,
			operator: T::AccountId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let member = ensure_signed(origin)?;
			Self::do_join_pool(member, operator, amount)
		}

		/// Leaves the signer's pool: all its active stake unbonds for `UnbondingEpochs`.
		///
		/// - Origin: signed, a pool member with active stake. Rewards earned so far stay
		///   claimable.
		/// - Emits [`Event::PoolLeft`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::leave_pool())]
		pub fn leave_pool(origin: OriginFor<T>) -> DispatchResult {
			let member = ensure_signed(origin)?;
			Self::do_leave_pool(member)
		}

		/// Withdraws what has finished unbonding: a left node's bond (removing the node and
		/// paying its operator's rewards), or a member's unbonded stake (removing the membership,
		/// with its rewards paid, once nothing is left).
		///
		/// - Origin: signed, the operator or the member.
		/// - Fails with [`Error::SlashPending`] while a slash of the node is unapplied.
		/// - Emits [`Event::NodeWithdrawn`] or [`Event::StakeWithdrawn`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::withdraw_unbonded_node().max(
			T::WeightInfo::withdraw_unbonded_member(T::MaxUnbondingChunks::get())
		))]
		pub fn withdraw_unbonded(origin: OriginFor<T>) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let weight = Self::do_withdraw_unbonded(who)?;
			Ok(Some(weight).into())
		}

		/// Pays the signer's rewards: as an operator, or as a pool member. Settles the node's
		/// emission of finished epochs first.
		///
		/// - Origin: signed.
		/// - Emits [`Event::RewardsClaimed`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::claim_rewards())]
		pub fn claim_rewards(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_claim_rewards(who)
		}

		/// Names `prover` as the key that may submit the signer's node's results, or removes the
		/// key (`None`). It takes effect at once.
		///
		/// - Origin: signed, the operator of a registered node.
		/// - The key may prove for one node only and must not be an operator or the signer.
		/// - Emits [`Event::ProverSet`].
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::set_prover())]
		pub fn set_prover(origin: OriginFor<T>, prover: Option<T::AccountId>) -> DispatchResult {
			let operator = ensure_signed(origin)?;
			Self::do_set_prover(operator, prover)
		}

		/// Adds `amount` to the signer's node's bond, so the node may serve more models. It is
		/// held and slashable at once, but, like stake joining a pool, earns emission and counts
		/// in the split of the node's rewards with its pool only from the next epoch: bond added
		/// late in an epoch takes none of that epoch's rewards from the pool.
		///
		/// - Origin: signed, the operator of a node that is not leaving.
		/// - Fails with [`Error::SlashPending`] while a slash of the node is pending (the slash
		///   falls on the stake there was when the offence happened).
		/// - Emits [`Event::BondIncreased`].
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::bond_extra())]
		pub fn bond_extra(origin: OriginFor<T>, amount: BalanceOf<T>) -> DispatchResult {
			let operator = ensure_signed(origin)?;
			Self::do_bond_extra(operator, amount)
		}

		/// Cancels `node`'s slash for the offences of `epoch` before it is applied.
		///
		/// - Origin: `SlashCancelOrigin` (governance).
		/// - The node's deactivation, if its offences caused one, stands.
		/// - Emits [`Event::SlashCancelled`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::cancel_slash())]
		pub fn cancel_slash(
			origin: OriginFor<T>,
			epoch: EpochIndex,
			node: T::AccountId,
		) -> DispatchResult {
			T::SlashCancelOrigin::ensure_origin(origin)?;
			Self::do_cancel_slash(epoch, node)
		}
	}
}
