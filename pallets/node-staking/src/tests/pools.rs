//! Pools: joining, shares, leaving, unbonding and withdrawal.

use super::*;
use frame_support::assert_noop;

#[test]
fn members_join_leave_and_get_their_stake_back_after_unbonding() {
	run_test(|| {
		register(OP_1, &[0], 500, MIN_BOND);
		join(MEMBER_1, OP_1, 3_000);
		join(MEMBER_2, OP_1, 1_000);
		join(MEMBER_1, OP_1, 500);
		// Held at once, earning from the next epoch.
		let pool = Pools::<Test>::get(OP_1).unwrap();
		assert_eq!((pool.points, pool.active, pool.members), (0, 0, 2));
		assert_eq!(
			pool.pending,
			Some(crate::PendingStake { epoch: 0, points: 4_500, balance: 4_500, members: 2 })
		);
		assert_eq!(held(HoldReason::PoolStake, NodeStaking::account()), 4_500);
		assert_eq!(free(MEMBER_1), ENDOWMENT - 3_500);
		run_to_epoch(1);
		assert_eq!(stake_of(MEMBER_1), 3_500);
		assert_ok!(NodeStaking::leave_pool(RuntimeOrigin::signed(MEMBER_1)));
		assert_eq!(
			events().last(),
			Some(&Event::PoolLeft { member: MEMBER_1, pool: OP_1, amount: 3_500, unlocks_at: 3 })
		);
		assert_eq!(
			PoolUnbonding::<Test>::get(OP_1, 1),
			Some(crate::UnbondingBucket { points: 3_500, balance: 3_500 })
		);
		assert_eq!(Pools::<Test>::get(OP_1).unwrap().active, 1_000);
		assert_noop!(
			NodeStaking::leave_pool(RuntimeOrigin::signed(MEMBER_1)),
			Error::<Test>::NotMember
		);
		// Unbonding lasts two epochs.
		run_to_epoch(2);
		assert_noop!(
			NodeStaking::withdraw_unbonded(RuntimeOrigin::signed(MEMBER_1)),
			Error::<Test>::NothingToWithdraw
		);
		run_to_epoch(3);
		assert_ok!(NodeStaking::withdraw_unbonded(RuntimeOrigin::signed(MEMBER_1)));
		assert_eq!(free(MEMBER_1), ENDOWMENT);
		assert!(!Members::<Test>::contains_key(MEMBER_1));
		assert_eq!(Pools::<Test>::get(OP_1).unwrap().members, 1);
		assert!(PoolUnbonding::<Test>::get(OP_1, 1).is_none());
		assert_eq!(held(HoldReason::PoolStake, NodeStaking::account()), 1_000);
		assert_noop!(
			NodeStaking::withdraw_unbonded(RuntimeOrigin::signed(MEMBER_1)),
			Error::<Test>::NothingToWithdraw
		);
	});
}

#[test]
fn joining_is_refused_with_a_reason() {
	run_test(|| {
		register(OP_1, &[0], 500, MIN_BOND);
		register(OP_2, &[0], 500, MIN_BOND);
		let try_join = |who: u64, pool: u64, amount: Balance| {
			NodeStaking::join_pool(RuntimeOrigin::signed(who), pool, amount)
		};
		assert_noop!(try_join(OP_2, OP_1, 100), Error::<Test>::OperatorCannotJoin);
		assert_noop!(try_join(MEMBER_1, MEMBER_2, 100), Error::<Test>::NotRegistered);
		assert_noop!(try_join(MEMBER_1, OP_1, 99), Error::<Test>::StakeBelowMinimum);
		// The member keeps its existential deposit.
		assert_noop!(try_join(MEMBER_1, OP_1, ENDOWMENT), sp_runtime::TokenError::NotExpendable);
		join(MEMBER_1, OP_1, 100);
		assert_noop!(try_join(MEMBER_1, OP_2, 100), Error::<Test>::MemberOfAnotherPool);
	});
}

#[test]
fn a_member_leaving_in_more_epochs_than_its_chunks_must_withdraw_first() {
	run_test(|| {
		UnbondingEpochs::set(&10);
		register(OP_1, &[0], 500, MIN_BOND);
		for epoch in 1..=3 {
			join(MEMBER_1, OP_1, 100);
			assert_ok!(NodeStaking::leave_pool(RuntimeOrigin::signed(MEMBER_1)));
			run_to_epoch(epoch);
		}
		join(MEMBER_1, OP_1, 100);
		assert_noop!(
			NodeStaking::leave_pool(RuntimeOrigin::signed(MEMBER_1)),
			Error::<Test>::TooManyUnbondingChunks
		);
		assert_eq!(Members::<Test>::get(MEMBER_1).unwrap().unbonding.len(), 3);
		// The chunks of epochs 0..=2 unlock at 10..=12; one at a time.
		run_to_epoch(11);
		assert_ok!(NodeStaking::withdraw_unbonded(RuntimeOrigin::signed(MEMBER_1)));
		assert_eq!(Members::<Test>::get(MEMBER_1).unwrap().unbonding.len(), 1);
		assert_ok!(NodeStaking::leave_pool(RuntimeOrigin::signed(MEMBER_1)));
	});
}

#[test]
fn a_pool_dissolves_when_its_node_and_members_are_gone() {
	run_test(|| {
		register(OP_1, &[0], 500, MIN_BOND);
		join(MEMBER_1, OP_1, 1_000);
		assert_ok!(NodeStaking::unregister_node(RuntimeOrigin::signed(OP_1)));
		assert_ok!(NodeStaking::leave_pool(RuntimeOrigin::signed(MEMBER_1)));
		run_to_epoch(3);
		assert_ok!(NodeStaking::withdraw_unbonded(RuntimeOrigin::signed(OP_1)));
		// The member still has its stake: the pool stays.
		assert!(Pools::<Test>::contains_key(OP_1));
		assert_ok!(NodeStaking::withdraw_unbonded(RuntimeOrigin::signed(MEMBER_1)));
		assert!(!Pools::<Test>::contains_key(OP_1));
		assert_eq!(free(MEMBER_1), ENDOWMENT);
		assert_eq!(held(HoldReason::PoolStake, NodeStaking::account()), 0);
	});
}
