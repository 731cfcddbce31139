//! Node staking's tests, by topic; every test ends with the invariants checked.

mod nodes;
mod pools;
mod rewards;
mod slashing;

use crate::{mock::*, pallet::*, Leave, LeaveReason};
use frame_support::assert_ok;

/// The events this pallet emitted so far.
fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::NodeStaking(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// Registers `operator`'s node for `models` with `capacity`, bonding `bond`.
fn register(operator: u64, models: &[u32], capacity: u64, bond: Balance) {
	let config = config(models, capacity);
	assert_ok!(NodeStaking::register_node(
		RuntimeOrigin::signed(operator),
		config.models,
		config.capacity,
		config.throughput,
		config.commission,
		bond
	));
}

/// The market's view of staking.
type Market = NodeStaking;

/// What the market does on a verified job: pays `fee` to the node's reward account and
/// reports the work.
fn job_verified(node: u64, fee: Balance) {
	use frame_support::traits::{fungible::Mutate, tokens::Preservation};
	use zkinfer_primitives::ComputeNodes;
	let to = <Market as ComputeNodes<u64, Balance>>::reward_account(&node);
	assert_ok!(Balances::transfer(&MARKET, &to, fee, Preservation::Preserve));
	<Market as ComputeNodes<u64, Balance>>::work_verified(&node, fee);
}

/// The nodes serving `model` now, as the market sees them.
fn serving(model: u32) -> Vec<u64> {
	<Market as zkinfer_primitives::ComputeNodes<u64, Balance>>::serving_nodes(model, 10)
}

/// `node`'s remaining capacity this epoch, as the market sees it.
fn remaining(node: u64) -> u64 {
	<Market as zkinfer_primitives::ComputeNodes<u64, Balance>>::remaining_capacity(&node)
}

/// The market reports an offence.
fn report(node: u64, offence: zkinfer_primitives::NodeOffence) {
	<Market as zkinfer_primitives::ComputeNodes<u64, Balance>>::report_offence(&node, offence);
}

/// The free balance of `who`.
fn free(who: u64) -> Balance {
	use frame_support::traits::fungible::Inspect;
	Balances::balance(&who)
}

/// What `who` has held by this pallet for `reason`.
fn held(reason: HoldReason, who: u64) -> Balance {
	use frame_support::traits::fungible::InspectHold;
	Balances::balance_on_hold(&reason.into(), &who)
}

/// What a member's active stake is worth now (with pending points its pool has activated).
fn stake_of(member: u64) -> Balance {
	frame_support::storage::with_transaction(|| {
		let mut record = Members::<Test>::get(member).expect("a member");
		NodeStaking::settle_pool_node(&record.pool).expect("the node settles");
		let pool = Pools::<Test>::get(record.pool).expect("its pool");
		NodeStaking::update_member_rewards_in(&pool, &mut record);
		let stake = crate::pools::points_to_balance(record.points, pool.points, pool.active);
		sp_runtime::TransactionOutcome::Rollback(Ok::<_, sp_runtime::DispatchError>(stake))
	})
	.expect("rolled back")
}

/// Joins `operator`'s pool with `amount`.
fn join(member: u64, operator: u64, amount: Balance) {
	assert_ok!(NodeStaking::join_pool(RuntimeOrigin::signed(member), operator, amount));
}
