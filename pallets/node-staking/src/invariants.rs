//! The pallet's invariants (see the module docs), checked by `try_state` and after every test.

use alloc::collections::btree_map::BTreeMap;
use frame_support::{
	ensure,
	traits::fungible::{Inspect, InspectHold},
};
use sp_runtime::{
	traits::{Saturating, Zero},
	FixedPointNumber, TryRuntimeError,
};

use crate::pallet::{
	BalanceOf, CapacityUsed, Config, EpochRewards, HoldReason, Members, ModelNodes, NodeCount,
	Nodes, Pallet, PendingSlashes, PoolUnbonding, Pools, ProverNodes, Provers, RewardMarks,
	TotalEmissionStake, UnappliedSlashes,
};

impl<T: Config> Pallet<T> {
	/// Checks every invariant; built in every configuration so that tests call it.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		Self::check_holds_and_rewards()?;
		Self::check_pool_shares()?;
		Self::check_nodes()?;
		Self::check_slashes()?;
		Self::check_emission()?;
		Self::check_provers()
	}

	/// Holds equal the records; the pot covers every unclaimed reward.
	fn check_holds_and_rewards() -> Result<(), TryRuntimeError> {
		let mut owed = BalanceOf::<T>::zero();
		for (operator, node) in Nodes::<T>::iter() {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::NodeBond.into(), &operator) == node.bond,
				"an operator's bond hold differs from its node's bond"
			);
			ensure!(node.bond_joining <= node.bond, "a node's joining bond exceeds its bond");
			owed = owed.saturating_add(node.rewards);
		}
		let mut pool_stake = BalanceOf::<T>::zero();
		for (_, pool) in Pools::<T>::iter() {
			pool_stake = pool_stake.saturating_add(pool.active);
			pool_stake =
				pool_stake.saturating_add(pool.pending.map_or_else(Zero::zero, |p| p.balance));
			owed = owed.saturating_add(pool.rewards);
		}
		for (_, _, bucket) in PoolUnbonding::<T>::iter() {
			pool_stake = pool_stake.saturating_add(bucket.balance);
		}
		let pot = Self::account();
		ensure!(
			T::Currency::balance_on_hold(&HoldReason::PoolStake.into(), &pot) == pool_stake,
			"the pool stake held differs from the pools' active, pending and unbonding stake"
		);
		ensure!(
			T::Currency::balance(&pot) >= T::Currency::minimum_balance().saturating_add(owed),
			"the reward pot holds less than the unclaimed rewards"
		);
		Ok(())
	}

	/// Points and member counts add up; no pool owes its members more than it was credited.
	fn check_pool_shares() -> Result<(), TryRuntimeError> {
		let mut points: BTreeMap<T::AccountId, (BalanceOf<T>, u32, BalanceOf<T>)> = BTreeMap::new();
		let mut bucket_points: BTreeMap<(T::AccountId, u32), BalanceOf<T>> = BTreeMap::new();
		// (pool, epoch) → pending points and members of that epoch.
		let mut pending: BTreeMap<(T::AccountId, u32), (BalanceOf<T>, u32)> = BTreeMap::new();
		for (who, member) in Members::<T>::iter() {
			ensure!(!Nodes::<T>::contains_key(&who), "an operator is also a pool member");
			let pool = Pools::<T>::get(&member.pool).ok_or("a member's pool is missing")?;
			let mut owed = crate::rewards::earned(&pool, &member).saturating_add(member.rewards);
			let mut active_points = member.points;
			if let Some((epoch, pending_points)) = member.pending {
				let entry = pending.entry((member.pool.clone(), epoch)).or_default();
				entry.0 = entry.0.saturating_add(pending_points);
				entry.1 = entry.1.saturating_add(1);
				// Points its pool activated, which the member takes on its next touch.
				if pool.pending.as_ref().is_none_or(|p| p.epoch != epoch) {
					let (mark, _) = RewardMarks::<T>::get(&member.pool, epoch)
						.ok_or("activated pending points have no mark")?;
					owed = owed.saturating_add(
						pool.reward_per_point
							.saturating_sub(mark)
							.saturating_mul_int(pending_points),
					);
					active_points = active_points.saturating_add(pending_points);
				}
			}
			let entry = points.entry(member.pool.clone()).or_default();
			entry.0 = entry.0.saturating_add(active_points);
			entry.1 = entry.1.saturating_add(1);
			entry.2 = entry.2.saturating_add(owed);
			for (epoch, chunk) in member.unbonding.iter() {
				let sum = bucket_points.entry((member.pool.clone(), *epoch)).or_default();
				*sum = sum.saturating_add(*chunk);
			}
		}
		for (operator, pool) in Pools::<T>::iter() {
			if let Some(stake) = &pool.pending {
				let (sum, members) =
					pending.remove(&(operator.clone(), stake.epoch)).unwrap_or_default();
				ensure!(
					stake.points == sum && stake.members == members,
					"a pool's pending stake differs from its members' pending points"
				);
				ensure!(
					!RewardMarks::<T>::contains_key(&operator, stake.epoch),
					"pending stake already has a mark"
				);
			}
			let (sum, members, owed) = points.remove(&operator).unwrap_or_default();
			ensure!(pool.points == sum, "a pool's points differ from its members' points");
			ensure!(pool.members == members, "a pool's member count is wrong");
			ensure!(owed <= pool.rewards, "a pool's members are owed more than it was credited");
			ensure!(
				Nodes::<T>::contains_key(&operator) || members > 0,
				"a pool without node and members was kept"
			);
		}
		for ((operator, epoch), bucket) in PoolUnbonding::<T>::iter().map(|(o, e, b)| ((o, e), b)) {
			let sum = bucket_points.remove(&(operator, epoch)).unwrap_or_default();
			ensure!(bucket.points == sum, "a bucket's points differ from its members' chunks");
			ensure!(!bucket.points.is_zero(), "an empty bucket was kept");
		}
		ensure!(bucket_points.is_empty(), "a member's chunk has no bucket");
		// Members pending for an epoch their pool activated wait on its reward mark.
		for ((operator, epoch), (_, members)) in pending {
			let waiting = RewardMarks::<T>::get(&operator, epoch).map(|(_, waiting)| waiting);
			ensure!(waiting == Some(members), "a reward mark counts other members than wait on it");
		}
		for (operator, epoch, _) in RewardMarks::<T>::iter() {
			let waiting = Members::<T>::iter_values()
				.filter(|m| m.pool == operator && m.pending.is_some_and(|(e, _)| e == epoch))
				.count();
			ensure!(waiting > 0, "a reward mark no member waits on is kept");
		}
		Ok(())
	}

	/// Capacity, the model index (nodes that stopped serving may have given up their slots)
	/// and the node count agree with the nodes.
	fn check_nodes() -> Result<(), TryRuntimeError> {
		let current = Self::current_epoch();
		let mut count = 0u32;
		for (operator, node) in Nodes::<T>::iter() {
			count.saturating_inc();
			ensure!(
				Self::capacity_used(&operator) <= node.config_at(current).capacity,
				"a node was assigned more than its capacity this epoch"
			);
			for model in node.indexed_models() {
				ensure!(
					!node.holds_slot(model, current)
						|| ModelNodes::<T>::get(model).contains(&operator),
					"a node serving a model is missing from its list"
				);
			}
		}
		ensure!(NodeCount::<T>::get() == count, "the node count is wrong");
		for (model, operators) in ModelNodes::<T>::iter() {
			for operator in operators.iter() {
				let node = Nodes::<T>::get(operator).ok_or("a model lists an unknown node")?;
				ensure!(
					node.indexed_models().any(|m| m == model),
					"a model lists a node that does not serve it"
				);
			}
			let unique: alloc::collections::BTreeSet<_> = operators.iter().collect();
			ensure!(unique.len() == operators.len(), "a model lists a node twice");
		}
		for (operator, _) in CapacityUsed::<T>::iter() {
			ensure!(
				Nodes::<T>::contains_key(&operator),
				"capacity is recorded for an unknown node"
			);
		}
		Ok(())
	}

	/// Pending slash counts agree with the unapplied slashes.
	fn check_slashes() -> Result<(), TryRuntimeError> {
		let mut pending: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		for (_, operator, _) in UnappliedSlashes::<T>::iter() {
			ensure!(Nodes::<T>::contains_key(&operator), "a pending slash names an unknown node");
			pending.entry(operator).or_default().saturating_inc();
		}
		for (operator, count) in PendingSlashes::<T>::iter() {
			ensure!(
				pending.remove(&operator) == Some(count),
				"a node's pending slash count is wrong"
			);
		}
		ensure!(pending.is_empty(), "a pending slash is not counted");
		Ok(())
	}

	/// Each node's emission stake and the totals agree with its bond and pool; the reward
	/// records are those the nodes refer to.
	fn check_emission() -> Result<(), TryRuntimeError> {
		let current = Self::current_epoch();
		let mut next = BalanceOf::<T>::zero();
		let mut now = BalanceOf::<T>::zero();
		let mut unsettled: BTreeMap<u32, u32> = BTreeMap::new();
		for (operator, node) in Nodes::<T>::iter() {
			let state = &node.emission;
			ensure!(state.last <= current, "a node's emission state is ahead of the epoch");
			let pool = Pools::<T>::get(&operator).unwrap_or_default();
			let stake = node
				.bond
				.saturating_add(pool.active)
				.saturating_add(pool.pending.map_or_else(Zero::zero, |p| p.balance));
			let expected = if node.leave.is_some() { Zero::zero() } else { stake };
			ensure!(
				state.next_weight == expected,
				"a node's stake from the next epoch is not its bond and pool"
			);
			next = next.saturating_add(state.next_weight);
			now = now.saturating_add(if state.last == current {
				state.weight
			} else {
				state.next_weight
			});
			unsettled.entry(state.last).or_default().saturating_inc();
		}
		let totals = TotalEmissionStake::<T>::get();
		ensure!(totals.next == next, "the stake earning from the next epoch is not the nodes' sum");
		ensure!(now <= totals.current, "the nodes earn on more stake than the epoch's total");
		ensure!(EpochRewards::<T>::contains_key(current), "the current epoch has no reward record");
		for (epoch, record) in EpochRewards::<T>::iter() {
			ensure!(
				unsettled.remove(&epoch).unwrap_or_default() == record.unsettled,
				"an epoch's unsettled count differs from the nodes referring to it"
			);
			ensure!(
				epoch == current || record.unsettled > 0,
				"a reward record nothing refers to is kept"
			);
		}
		ensure!(unsettled.is_empty(), "a node refers to an epoch without a reward record");
		Ok(())
	}

	/// Prover keys and the nodes they prove for name each other.
	fn check_provers() -> Result<(), TryRuntimeError> {
		for (operator, prover) in Provers::<T>::iter() {
			ensure!(Nodes::<T>::contains_key(&operator), "a prover key names an unknown node");
			ensure!(
				ProverNodes::<T>::get(&prover) == Some(operator),
				"a prover key does not name its node back"
			);
		}
		ensure!(
			ProverNodes::<T>::iter_keys().count() == Provers::<T>::iter_keys().count(),
			"a prover key is indexed without its node naming it"
		);
		Ok(())
	}
}
