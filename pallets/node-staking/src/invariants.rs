//! The pallet's invariants (see the module docs), checked by `try_state` and after every test.

use alloc::collections::btree_map::BTreeMap;
use frame_support::{
	ensure,
	traits::fungible::{Inspect, InspectHold},
};
use sp_runtime::{
	traits::{Saturating, Zero},
	TryRuntimeError,
};

use crate::pallet::{
	BalanceOf, CapacityUsed, Config, EpochRewards, HoldReason, Members, ModelNodes, NodeCount, NodeWork,
	Nodes, Pallet, PendingSlashes, PoolUnbonding, Pools, UnappliedSlashes,
};

impl<T: Config> Pallet<T> {
	/// Checks every invariant; built in every configuration so that tests call it.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		Self::check_holds_and_rewards()?;
		Self::check_pool_shares()?;
		Self::check_nodes()?;
		Self::check_slashes_and_work()
	}

	/// Holds equal the records; the pot covers every unclaimed reward.
	fn check_holds_and_rewards() -> Result<(), TryRuntimeError> {
		let mut owed = BalanceOf::<T>::zero();
		for (operator, node) in Nodes::<T>::iter() {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::NodeBond.into(), &operator) == node.bond,
				"an operator's bond hold differs from its node's bond"
			);
			owed = owed.saturating_add(node.rewards);
		}
		let mut pool_stake = BalanceOf::<T>::zero();
		for (_, pool) in Pools::<T>::iter() {
			pool_stake = pool_stake.saturating_add(pool.active);
			owed = owed.saturating_add(pool.rewards);
		}
		for (_, _, bucket) in PoolUnbonding::<T>::iter() {
			pool_stake = pool_stake.saturating_add(bucket.balance);
		}
		let pot = Self::account();
		ensure!(
			T::Currency::balance_on_hold(&HoldReason::PoolStake.into(), &pot) == pool_stake,
			"the pool stake held differs from the pools' active and unbonding stake"
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
		for (who, member) in Members::<T>::iter() {
			ensure!(!Nodes::<T>::contains_key(&who), "an operator is also a pool member");
			let pool = Pools::<T>::get(&member.pool).ok_or("a member's pool is missing")?;
			let owed = crate::rewards::earned(&pool, &member).saturating_add(member.rewards);
			let entry = points.entry(member.pool.clone()).or_default();
			entry.0 = entry.0.saturating_add(member.points);
			entry.1 = entry.1.saturating_add(1);
			entry.2 = entry.2.saturating_add(owed);
			for (epoch, chunk) in member.unbonding.iter() {
				let sum = bucket_points.entry((member.pool.clone(), *epoch)).or_default();
				*sum = sum.saturating_add(*chunk);
			}
		}
		for (operator, pool) in Pools::<T>::iter() {
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
		Ok(())
	}

	/// Capacity, the model index and the node count agree with the nodes.
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
				ensure!(ModelNodes::<T>::get(model).contains(&operator), "a node is missing from a model's list");
			}
		}
		ensure!(NodeCount::<T>::get() == count, "the node count is wrong");
		for (model, operators) in ModelNodes::<T>::iter() {
			for operator in operators.iter() {
				let node = Nodes::<T>::get(operator).ok_or("a model lists an unknown node")?;
				ensure!(node.indexed_models().any(|m| m == model), "a model lists a node that does not serve it");
			}
			let unique: alloc::collections::BTreeSet<_> = operators.iter().collect();
			ensure!(unique.len() == operators.len(), "a model lists a node twice");
		}
		for (operator, _) in CapacityUsed::<T>::iter() {
			ensure!(Nodes::<T>::contains_key(&operator), "capacity is recorded for an unknown node");
		}
		Ok(())
	}

	/// Pending slash counts and unsettled work agree with their records.
	fn check_slashes_and_work() -> Result<(), TryRuntimeError> {
		let mut pending: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		for (_, operator, _) in UnappliedSlashes::<T>::iter() {
			ensure!(Nodes::<T>::contains_key(&operator), "a pending slash names an unknown node");
			pending.entry(operator).or_default().saturating_inc();
		}
		for (operator, count) in PendingSlashes::<T>::iter() {
			ensure!(pending.remove(&operator) == Some(count), "a node's pending slash count is wrong");
		}
		ensure!(pending.is_empty(), "a pending slash is not counted");
		let mut unsettled: BTreeMap<u32, u32> = BTreeMap::new();
		for (operator, (epoch, _)) in NodeWork::<T>::iter() {
			ensure!(Nodes::<T>::contains_key(&operator), "work is recorded for an unknown node");
			unsettled.entry(epoch).or_default().saturating_inc();
		}
		for (epoch, record) in EpochRewards::<T>::iter() {
			ensure!(
				unsettled.remove(&epoch).unwrap_or_default() == record.unsettled,
				"an epoch's unsettled count differs from the nodes' work"
			);
		}
		ensure!(unsettled.is_empty(), "work is recorded for an epoch without a reward record");
		Ok(())
	}
}
