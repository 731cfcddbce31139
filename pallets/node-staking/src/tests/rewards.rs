//! Rewards: fee shares, emission by work, commission, pro-rata splits, rounding, claims.

use super::*;
use frame_support::assert_noop;
use sp_runtime::Perbill;

/// OP_1 (bond 1,000, commission 10 %) with MEMBER_1 (3,000) and MEMBER_2 (1,000) in its pool,
/// serving model 0 from epoch 1.
fn pool_with_two_members() {
	register(OP_1, &[0], 10_000, 1_000);
	assert_ok!(NodeStaking::update_node(RuntimeOrigin::signed(OP_1), config(&[0], 10_000).models, 10_000, Perbill::from_percent(10)));
	join(MEMBER_1, OP_1, 3_000);
	join(MEMBER_2, OP_1, 1_000);
	run_to_epoch(1);
}

#[test]
fn a_fee_is_split_by_commission_then_by_stake() {
	run_test(|| {
		pool_with_two_members();
		job_verified(OP_1, 10, 1_000);
		// Commission 100; the other 900 by stake: bond 1,000 of 5,000 → 180, pool 720.
		assert_eq!(
			events().last(),
			Some(&Event::Rewarded { node: OP_1, source: crate::RewardSource::Fees, operator: 280, pool: 720 })
		);
		let (op, m1, m2) = (free(OP_1), free(MEMBER_1), free(MEMBER_2));
		assert_ok!(NodeStaking::claim_rewards(RuntimeOrigin::signed(OP_1)));
		assert_ok!(NodeStaking::claim_rewards(RuntimeOrigin::signed(MEMBER_1)));
		assert_ok!(NodeStaking::claim_rewards(RuntimeOrigin::signed(MEMBER_2)));
		assert_eq!((free(OP_1) - op, free(MEMBER_1) - m1, free(MEMBER_2) - m2), (280, 540, 180));
		assert_noop!(NodeStaking::claim_rewards(RuntimeOrigin::signed(MEMBER_1)), Error::<Test>::NoRewards);
		assert_noop!(NodeStaking::claim_rewards(RuntimeOrigin::signed(MEMBER_3)), Error::<Test>::NoRewards);
		// A commission above a lowered ceiling is paid at the ceiling.
		MaxCommission::set(&Perbill::zero());
		job_verified(OP_1, 10, 1_000);
		assert_eq!(
			events().last(),
			Some(&Event::Rewarded { node: OP_1, source: crate::RewardSource::Fees, operator: 200, pool: 800 })
		);
	});
}

#[test]
fn the_emission_is_shared_by_verified_work_and_minted_when_settled() {
	run_test(|| {
		register(OP_1, &[0], 10_000, 1_000);
		register(OP_2, &[0], 10_000, 1_000);
		run_to_epoch(1);
		job_verified(OP_1, 1, 0);
		job_verified(OP_2, 2, 0);
		assert_eq!(EpochRewards::<Test>::get(1), Some(crate::EpochReward { emission: 10_000, work: 3, unsettled: 2 }));
		// Nothing is minted during the epoch, nor at its end.
		let issuance = Balances::total_issuance();
		run_to_epoch(2);
		assert_eq!(Balances::total_issuance(), issuance);
		assert_eq!(NodeStaking::claimable_rewards(OP_1), 3_333);
		assert_eq!(NodeStaking::claimable_rewards(OP_2), 6_666);
		let (op1, op2) = (free(OP_1), free(OP_2));
		assert_ok!(NodeStaking::claim_rewards(RuntimeOrigin::signed(OP_1)));
		assert_ok!(NodeStaking::claim_rewards(RuntimeOrigin::signed(OP_2)));
		assert_eq!((free(OP_1) - op1, free(OP_2) - op2), (3_333, 6_666));
		// Minted: exactly what was paid (the rounding dust of 1 is never minted).
		assert_eq!(Balances::total_issuance(), issuance + 9_999);
		assert!(EpochRewards::<Test>::get(1).is_none());
		// An epoch without work mints nothing and leaves no record.
		run_to_epoch(4);
		assert!(EpochRewards::<Test>::get(2).is_none() && EpochRewards::<Test>::get(3).is_none());
		assert_eq!(Balances::total_issuance(), issuance + 9_999);
	});
}

#[test]
fn pool_members_share_the_emission_pro_rata_and_rounding_never_overpays() {
	run_test(|| {
		register(OP_1, &[0], 10_000, 1_000);
		join(MEMBER_1, OP_1, 333);
		join(MEMBER_2, OP_1, 333);
		join(MEMBER_3, OP_1, 334);
		run_to_epoch(1);
		job_verified(OP_1, 7, 1);
		job_verified(OP_1, 7, 0);
		run_to_epoch(2);
		let accounts = [MEMBER_1, MEMBER_2, MEMBER_3, OP_1];
		let before = accounts.map(free);
		for (who, before) in accounts.iter().zip(before) {
			let expected = NodeStaking::claimable_rewards(*who);
			assert_ok!(NodeStaking::claim_rewards(RuntimeOrigin::signed(*who)));
			assert_eq!(free(*who), before + expected);
		}
		// The members' shares follow their points: 333 : 333 : 334 of the pool's half.
		let got = accounts.map(free);
		assert_eq!(got[0] - before[0], got[1] - before[1]);
		assert!(got[2] - before[2] > got[0] - before[0]);
		let paid: Balance = accounts.iter().zip(before).map(|(w, b)| free(*w) - b).sum();
		// 10,000 emission + the fee of 1: half to the operator's bond, half to the pool.
		assert!(paid <= 10_001, "paid {paid}");
		assert!(paid >= 10_001 - 3, "rounding loses at most a unit per member: paid {paid}");
		let pool = Pools::<Test>::get(OP_1).unwrap();
		assert!(pool.rewards <= 3, "dust left in the pool: {}", pool.rewards);
	});
}

#[test]
fn a_leaving_member_keeps_what_it_earned_and_earns_no_more() {
	run_test(|| {
		pool_with_two_members();
		job_verified(OP_1, 10, 1_000);
		assert_ok!(NodeStaking::leave_pool(RuntimeOrigin::signed(MEMBER_1)));
		job_verified(OP_1, 10, 1_000);
		// The second fee: commission 100, 900 by stake (bond 1,000 of 2,000) → pool 450.
		assert_eq!(NodeStaking::claimable_rewards(MEMBER_1), 540);
		assert_eq!(NodeStaking::claimable_rewards(MEMBER_2), 180 + 450);
		run_to_epoch(3);
		// Withdrawing the last stake pays the rewards too.
		let before = free(MEMBER_1);
		assert_ok!(NodeStaking::withdraw_unbonded(RuntimeOrigin::signed(MEMBER_1)));
		assert_eq!(free(MEMBER_1), before + 3_000 + 540);
	});
}
