//! Benchmarks of node staking's calls and hook, each in its most expensive case.

use super::*;
use crate::pallet::{
	BalanceOf, CurrentEpoch, EpochRewards, EpochStart, ModelNodes, NextSlashEpoch, Nodes, Pallet,
	PendingSlashes, PoolUnbonding, Pools, Provers, UnappliedSlashes,
};
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{
	pallet_prelude::*,
	traits::fungible::{Inspect, Mutate},
};
use frame_system::RawOrigin;
use sp_runtime::{traits::Bounded, Perbill, Saturating};
use zkinfer_primitives::{ComputeNodes, EpochIndex, ModelId};

/// What the benchmarks need from the runtime.
pub trait BenchmarkHelper<AccountId> {
	/// Registers a model that takes jobs (the `index`-th of the benchmark) and returns its id.
	fn register_model(owner: &AccountId, index: u32) -> ModelId;
}

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	let amount = BalanceOf::<T>::max_value() / 65_536u32.into();
	T::Currency::set_balance(&who, amount);
	who
}

/// Ten times the least bond of a node serving the most models.
fn bond<T: Config>() -> BalanceOf<T> {
	T::MinBond::get()
		.max(T::Currency::minimum_balance())
		.saturating_mul(T::MaxModelsPerNode::get().saturating_mul(10).into())
}

fn stake<T: Config>() -> BalanceOf<T> {
	T::MinJoin::get()
		.max(T::Currency::minimum_balance())
		.saturating_mul(10u32.into())
}

/// `count` models, each with a full node list of accounts that hold no slot any more (as
/// nodes that stopped serving), so that joining it frees every slot of the list first: the
/// dearest case of `index`.
fn crowded_models<T: Config>(owner: &T::AccountId, first: u32, count: u32) -> Vec<ModelId> {
	(first..first + count)
		.map(|i| {
			let model = T::BenchmarkHelper::register_model(owner, i);
			let others: Vec<T::AccountId> =
				(0..T::MaxNodesPerModel::get()).map(|n| account("crowd", n, i)).collect();
			ModelNodes::<T>::insert(model, BoundedVec::truncate_from(others));
			model
		})
		.collect()
}

fn node_config<T: Config>(models: Vec<ModelId>) -> NodeConfigOf<T> {
	NodeConfig {
		models: BoundedVec::truncate_from(models),
		capacity: u64::MAX / 4,
		throughput: u64::MAX / 4,
		commission: Perbill::from_percent(5).min(T::MaxCommission::get()),
	}
}

/// An operator with an active node for a fresh model.
fn active_node<T: Config>(index: u32) -> T::AccountId {
	let operator = funded::<T>("operator", index);
	let model = T::BenchmarkHelper::register_model(&operator, 1_000 + index);
	Pallet::<T>::add_node(
		operator.clone(),
		node_config::<T>(alloc::vec![model]),
		bond::<T>(),
		Pallet::<T>::current_epoch(),
	)
	.expect("benchmark nodes register");
	operator
}

fn member_of<T: Config>(operator: &T::AccountId, index: u32) -> T::AccountId {
	let member = funded::<T>("member", index);
	Pallet::<T>::do_join_pool(member.clone(), operator.clone(), stake::<T>())
		.expect("benchmark members join");
	member
}

/// Starts epochs until `epoch`, without the hook's other work.
fn advance_to<T: Config>(epoch: EpochIndex) {
	while Pallet::<T>::current_epoch() < epoch {
		let now =
			frame_system::Pallet::<T>::block_number().saturating_add(Pallet::<T>::epoch_length());
		frame_system::Pallet::<T>::set_block_number(now);
		Pallet::<T>::start_epoch(now);
	}
}

/// `operator`'s node did verified work worth a fee this epoch.
fn worked<T: Config>(operator: &T::AccountId) {
	let payer = funded::<T>("market", 0);
	let fee = stake::<T>();
	T::Currency::transfer(
		&payer,
		&Pallet::<T>::account(),
		fee,
		frame_support::traits::tokens::Preservation::Preserve,
	)
	.expect("funded");
	<Pallet<T> as ComputeNodes<T::AccountId, BalanceOf<T>>>::work_verified(operator, fee);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// Registers for `m` models whose node lists are full of nodes that stopped serving.
	#[benchmark]
	fn register_node(m: Linear<1, { T::MaxModelsPerNode::get() }>) {
		let operator = funded::<T>("operator", 0);
		let models = crowded_models::<T>(&operator, 0, m);
		let config = node_config::<T>(models);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(operator.clone()),
			config.models.clone(),
			config.capacity,
			config.throughput,
			config.commission,
			bond::<T>(),
		);
		assert!(Nodes::<T>::contains_key(&operator));
	}

	/// Replaces `m` models by `m` others (all lists full of nodes that stopped serving).
	#[benchmark]
	fn update_node(m: Linear<1, { T::MaxModelsPerNode::get() }>) {
		let operator = funded::<T>("operator", 0);
		let old = crowded_models::<T>(&operator, 0, m);
		Pallet::<T>::do_register_node(operator.clone(), node_config::<T>(old), bond::<T>())
			.expect("registers");
		let new = crowded_models::<T>(&operator, m, m);
		let config = node_config::<T>(new);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(operator.clone()),
			config.models.clone(),
			config.capacity,
			config.throughput,
			config.commission,
		);
		assert!(Nodes::<T>::get(&operator).is_some_and(|node| node.next.is_some()));
	}

	#[benchmark]
	fn unregister_node() {
		let operator = active_node::<T>(0);
		#[extrinsic_call]
		_(RawOrigin::Signed(operator.clone()));
		assert!(Nodes::<T>::get(&operator).is_some_and(|node| node.leave.is_some()));
	}

	/// A new member joins a pool whose node has an epoch of emission to settle and pending
	/// stake of that epoch to activate.
	#[benchmark]
	fn join_pool() {
		let operator = active_node::<T>(0);
		member_of::<T>(&operator, 0);
		worked::<T>(&operator);
		advance_to::<T>(Pallet::<T>::current_epoch() + 2);
		let member = funded::<T>("member", 1);
		#[extrinsic_call]
		_(RawOrigin::Signed(member.clone()), operator.clone(), stake::<T>());
		assert_eq!(Pools::<T>::get(&operator).map(|pool| pool.members), Some(2));
	}

	/// A member leaves into an existing bucket, with active and pending stake, after an epoch
	/// of emission its node has not settled.
	#[benchmark]
	fn leave_pool() {
		let operator = active_node::<T>(0);
		let member = member_of::<T>(&operator, 0);
		let other = member_of::<T>(&operator, 1);
		advance_to::<T>(Pallet::<T>::current_epoch() + 2);
		Pallet::<T>::do_leave_pool(other).expect("leaves");
		worked::<T>(&operator);
		Pallet::<T>::do_join_pool(member.clone(), operator.clone(), stake::<T>())
			.expect("joins again");
		#[extrinsic_call]
		_(RawOrigin::Signed(member.clone()));
		assert!(PoolUnbonding::<T>::get(&operator, Pallet::<T>::current_epoch()).is_some());
	}

	/// A left node with unsettled emission and rewards is withdrawn; its empty pool goes.
	#[benchmark]
	fn withdraw_unbonded_node() {
		let operator = active_node::<T>(0);
		let member = member_of::<T>(&operator, 0);
		worked::<T>(&operator);
		Pallet::<T>::do_leave_pool(member.clone()).expect("leaves");
		Pallet::<T>::do_unregister_node(operator.clone()).expect("unregisters");
		let unlocks = Nodes::<T>::get(&operator)
			.and_then(|node| node.leave)
			.expect("leaving")
			.unlocks_at;
		advance_to::<T>(unlocks);
		Pallet::<T>::do_withdraw_unbonded(member).expect("withdraws");
		#[extrinsic_call]
		withdraw_unbonded(RawOrigin::Signed(operator.clone()));
		assert!(!Nodes::<T>::contains_key(&operator));
		assert!(!Pools::<T>::contains_key(&operator));
	}

	/// A member withdraws `c` unbonded chunks, the last of its stake, and is paid its rewards.
	#[benchmark]
	fn withdraw_unbonded_member(c: Linear<1, { T::MaxUnbondingChunks::get() }>) {
		let operator = active_node::<T>(0);
		let member = funded::<T>("member", 0);
		for _ in 0..c {
			Pallet::<T>::do_join_pool(member.clone(), operator.clone(), stake::<T>())
				.expect("joins");
			worked::<T>(&operator);
			Pallet::<T>::do_leave_pool(member.clone()).expect("leaves");
			advance_to::<T>(Pallet::<T>::current_epoch() + 1);
		}
		advance_to::<T>(Pallet::<T>::current_epoch() + Pallet::<T>::unbonding_epochs());
		#[extrinsic_call]
		withdraw_unbonded(RawOrigin::Signed(member.clone()));
		assert!(!crate::pallet::Members::<T>::contains_key(&member));
	}

	/// A member claims after epochs whose emission its node has not settled, with its own
	/// pending points to activate.
	#[benchmark]
	fn claim_rewards() {
		let operator = active_node::<T>(0);
		let member = member_of::<T>(&operator, 0);
		worked::<T>(&operator);
		advance_to::<T>(Pallet::<T>::current_epoch() + 2);
		#[extrinsic_call]
		_(RawOrigin::Signed(member.clone()));
		let node = Nodes::<T>::get(&operator).expect("registered");
		assert_eq!(node.emission.last, Pallet::<T>::current_epoch());
	}

	/// An operator replaces its node's prover key.
	#[benchmark]
	fn set_prover() {
		let operator = active_node::<T>(0);
		Pallet::<T>::do_set_prover(operator.clone(), Some(account("prover", 0, 0)))
			.expect("a key is named");
		let prover: T::AccountId = account("prover", 1, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(operator.clone()), Some(prover.clone()));
		assert_eq!(Provers::<T>::get(&operator), Some(prover));
	}

	/// An operator adds to its bond, with epochs of emission its node has not settled, shared
	/// with active pool stake both before and after pending pool stake of the first of them is
	/// activated.
	#[benchmark]
	fn bond_extra() {
		let operator = active_node::<T>(0);
		member_of::<T>(&operator, 0);
		advance_to::<T>(Pallet::<T>::current_epoch() + 1);
		member_of::<T>(&operator, 1);
		worked::<T>(&operator);
		advance_to::<T>(Pallet::<T>::current_epoch() + 2);
		let before = Nodes::<T>::get(&operator).expect("registered").bond;
		#[extrinsic_call]
		_(RawOrigin::Signed(operator.clone()), bond::<T>());
		assert_eq!(Nodes::<T>::get(&operator).map(|node| node.bond), Some(before + bond::<T>()));
	}

	#[benchmark]
	fn cancel_slash() -> Result<(), BenchmarkError> {
		let operator = active_node::<T>(0);
		Pallet::<T>::record_offence(&operator, zkinfer_primitives::NodeOffence::Unavailable);
		let origin = T::SlashCancelOrigin::try_successful_origin()
			.map_err(|_| BenchmarkError::Weightless)?;
		let epoch = Pallet::<T>::current_epoch();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, epoch, operator.clone());
		assert_eq!(PendingSlashes::<T>::get(&operator), 0);
		Ok(())
	}

	/// A block inside an epoch with no slash due.
	#[benchmark]
	fn on_initialize_idle() {
		let now = EpochStart::<T>::get().saturating_add(1u32.into());
		#[block]
		{
			Pallet::<T>::process_block(now);
		}
		assert_eq!(Pallet::<T>::current_epoch(), 0);
	}

	/// An epoch starts; the ended one had no work, so its reward record goes.
	#[benchmark]
	fn on_initialize_new_epoch() {
		let now = EpochStart::<T>::get().saturating_add(Pallet::<T>::epoch_length());
		#[block]
		{
			Pallet::<T>::start_epoch(now);
		}
		assert_eq!(Pallet::<T>::current_epoch(), 1);
		assert!(EpochRewards::<T>::contains_key(1));
	}

	/// The hook moves past one offence epoch with no slashes left.
	#[benchmark]
	fn on_initialize_next_slash_epoch() {
		CurrentEpoch::<T>::put(2);
		#[block]
		{
			Pallet::<T>::apply_due_slashes();
		}
		assert_eq!(NextSlashEpoch::<T>::get(), 1);
	}

	/// One slash, of a node with a pool and an epoch of emission to settle first, over `s`
	/// epochs of unbonding buckets (and the epoch after them, charged as one more).
	#[benchmark]
	fn on_initialize_apply_slash(s: Linear<1, 8>) {
		let operator = active_node::<T>(0);
		for i in 0..s {
			let member = member_of::<T>(&operator, i);
			member_of::<T>(&operator, 100 + i);
			advance_to::<T>(Pallet::<T>::current_epoch() + 1);
			Pallet::<T>::do_leave_pool(member).expect("leaves");
		}
		advance_to::<T>(Pallet::<T>::current_epoch() + 1);
		let epoch = Pallet::<T>::current_epoch().saturating_sub(s);
		UnappliedSlashes::<T>::insert(
			epoch,
			&operator,
			UnappliedSlash { fraction: Perbill::from_percent(50), offences: 1 },
		);
		PendingSlashes::<T>::insert(&operator, 1);
		let bond_before = Nodes::<T>::get(&operator).expect("registered").bond;
		#[block]
		{
			UnappliedSlashes::<T>::remove(epoch, &operator);
			Pallet::<T>::apply_slash(
				epoch,
				operator.clone(),
				UnappliedSlash { fraction: Perbill::from_percent(50), offences: 1 },
			);
		}
		assert!(Nodes::<T>::get(&operator).expect("registered").bond < bond_before);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
