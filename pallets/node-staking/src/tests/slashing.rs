//! Slashing: deferral by one full epoch, bond first then pool pro rata, unbonding stake,
//! cancellation, pending slashes block withdrawal, repeat offenders, the bounded hook.

use super::*;
use frame_support::assert_noop;
use sp_runtime::Perbill;
use zkinfer_primitives::NodeOffence;

const MISSED: NodeOffence = NodeOffence::MissedDeadline { job: 7 };

#[test]
fn a_slash_is_applied_two_epoch_starts_later_and_takes_the_bond_first() {
	run_test(|| {
		register(OP_1, &[0], 500, 2_000);
		join(MEMBER_1, OP_1, 4_000);
		run_to_epoch(1);
		report(OP_1, MISSED);
		assert_eq!(
			events().last(),
			Some(&Event::OffenceReported {
				node: OP_1,
				offence: MISSED,
				epoch: 1,
				slash: sp_runtime::Perbill::from_percent(10)
			})
		);
		// Nothing moves in epochs 1 and 2 (governance's window is epoch 2).
		run_to_block(3 * EPOCH - 1);
		assert_eq!(held(HoldReason::NodeBond, OP_1), 2_000);
		let treasury = free(TREASURY);
		run_to_epoch(3);
		// 10 % of 6,000 = 600, all from the bond.
		assert!(events().contains(&Event::Slashed { node: OP_1, epoch: 1, bond: 600, pool: 0 }));
		assert_eq!(held(HoldReason::NodeBond, OP_1), 1_400);
		assert_eq!(stake_of(MEMBER_1), 4_000);
		assert_eq!(free(TREASURY), treasury + 600);
		// Still above the minimum bond: still serving.
		assert_eq!(serving(0), vec![OP_1]);
	});
}

#[test]
fn past_the_bond_a_slash_takes_the_pool_and_its_recent_leavers_pro_rata() {
	run_test(|| {
		register(OP_1, &[0], 500, 2_000);
		join(MEMBER_1, OP_1, 3_000);
		join(MEMBER_2, OP_1, 1_000);
		join(MEMBER_3, OP_1, 2_000);
		run_to_epoch(1);
		// A member who left before the offence's epoch is not slashed.
		assert_ok!(NodeStaking::leave_pool(RuntimeOrigin::signed(MEMBER_2)));
		run_to_epoch(2);
		// Epoch 2: offences (30 % + 10 %), and MEMBER_3 leaves after them.
		report(OP_1, NodeOffence::Unavailable);
		report(OP_1, MISSED);
		assert_ok!(NodeStaking::leave_pool(RuntimeOrigin::signed(MEMBER_3)));
		let treasury = free(TREASURY);
		run_to_epoch(4);
		// 40 % of (2,000 bond + 3,000 active + 2,000 left in epoch 2) = 2,800: bond 2,000, then
		// 800 pro rata: active 3,000 → 480, bucket of epoch 2 → 320; epoch 1's bucket untouched.
		assert!(events().contains(&Event::Slashed {
			node: OP_1,
			epoch: 2,
			bond: 2_000,
			pool: 800
		}));
		assert_eq!(held(HoldReason::NodeBond, OP_1), 0);
		assert_eq!(stake_of(MEMBER_1), 2_520);
		assert_eq!(PoolUnbonding::<Test>::get(OP_1, 2).unwrap().balance, 1_680);
		assert_eq!(PoolUnbonding::<Test>::get(OP_1, 1).unwrap().balance, 1_000);
		assert_eq!(free(TREASURY), treasury + 2_800);
		// The bond fell below the minimum: deactivated.
		assert_eq!(
			Nodes::<Test>::get(OP_1).unwrap().leave.map(|l| l.reason),
			Some(LeaveReason::BondBelowMinimum)
		);
		assert!(serving(0).is_empty());
		// The leavers get what is left of their stake, and MEMBER_3 its share of epoch 1's
		// emission (10,000 × 7,000 / 8,000 after MEMBER_2 left, 2,000 of its 7,000 to the bond,
		// 2,000 of the pool's 5,000 points to MEMBER_3); none of epoch 2's, which it left in.
		assert_ok!(NodeStaking::withdraw_unbonded(RuntimeOrigin::signed(MEMBER_3)));
		assert_eq!(free(MEMBER_3), ENDOWMENT - 320 + 2_500);
		assert_ok!(NodeStaking::withdraw_unbonded(RuntimeOrigin::signed(MEMBER_2)));
		assert_eq!(free(MEMBER_2), ENDOWMENT);
	});
}

#[test]
fn no_stake_of_a_node_or_its_pool_is_withdrawn_while_a_slash_is_pending() {
	run_test(|| {
		UnbondingEpochs::set(&1);
		register(OP_1, &[0], 500, 5_000);
		join(MEMBER_1, OP_1, 1_000);
		run_to_epoch(1);
		assert_ok!(NodeStaking::leave_pool(RuntimeOrigin::signed(MEMBER_1)));
		assert_ok!(NodeStaking::unregister_node(RuntimeOrigin::signed(OP_1)));
		report(OP_1, MISSED);
		// Epoch 2: the member's stake has unbonded, but the slash of epoch 1 is pending.
		run_to_epoch(2);
		assert_noop!(
			NodeStaking::withdraw_unbonded(RuntimeOrigin::signed(MEMBER_1)),
			Error::<Test>::SlashPending
		);
		// Epoch 3: applied (10 % of 6,000 = 600 from the bond).
		run_to_epoch(3);
		assert_eq!(PendingSlashes::<Test>::get(OP_1), 0);
		assert_ok!(NodeStaking::withdraw_unbonded(RuntimeOrigin::signed(MEMBER_1)));
		assert_eq!(free(MEMBER_1), ENDOWMENT);
		// The node unbonds one epoch beyond UnbondingEpochs: until every job it may hold is
		// past its deadline (5 blocks) and an epoch more, so a late offence still stops it.
		assert_noop!(
			NodeStaking::withdraw_unbonded(RuntimeOrigin::signed(OP_1)),
			Error::<Test>::NothingToWithdraw
		);
		run_to_epoch(4);
		let before = free(OP_1);
		assert_ok!(NodeStaking::withdraw_unbonded(RuntimeOrigin::signed(OP_1)));
		// The bond less the slash, and the emission of epoch 1: 10,000 × (6,000 − the 1,000
		// that left) / 6,000, less a third for the missed deadline.
		assert_eq!(free(OP_1), before + 4_400 + 5_555);
	});
}

#[test]
fn governance_can_cancel_a_slash_before_it_is_applied() {
	run_test(|| {
		register(OP_1, &[0], 500, 2_000);
		run_to_epoch(1);
		report(OP_1, MISSED);
		report(OP_1, MISSED);
		assert_eq!(UnappliedSlashes::<Test>::get(1, OP_1).map(|s| s.offences), Some(2));
		run_to_epoch(2);
		assert_noop!(
			NodeStaking::cancel_slash(RuntimeOrigin::signed(OP_1), 1, OP_1),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			NodeStaking::cancel_slash(RuntimeOrigin::root(), 0, OP_1),
			Error::<Test>::NoSuchSlash
		);
		assert_ok!(NodeStaking::cancel_slash(RuntimeOrigin::root(), 1, OP_1));
		assert_eq!(events().last(), Some(&Event::SlashCancelled { node: OP_1, epoch: 1 }));
		run_to_epoch(4);
		assert_eq!(held(HoldReason::NodeBond, OP_1), 2_000);
		assert!(!events().iter().any(|e| matches!(e, Event::Slashed { .. })));
	});
}

#[test]
fn a_node_reaching_the_offence_threshold_is_deactivated_at_once() {
	run_test(|| {
		register(OP_1, &[0], 500, 100_000);
		run_to_epoch(1);
		report(OP_1, MISSED);
		report(OP_1, MISSED);
		assert_eq!(serving(0), vec![OP_1]);
		report(OP_1, MISSED);
		assert!(serving(0).is_empty());
		assert_eq!(remaining(OP_1), 0);
		assert!(events().contains(&Event::NodeLeaving {
			node: OP_1,
			until: 1,
			unlocks_at: 3,
			reason: LeaveReason::RepeatedOffences
		}));
		// Offences of unknown accounts are ignored.
		report(MEMBER_1, MISSED);
		assert_eq!(PendingSlashes::<Test>::get(MEMBER_1), 0);
	});
}

#[test]
fn the_hook_applies_a_bounded_number_of_slashes_per_block() {
	run_test(|| {
		for operator in [OP_1, OP_2, MEMBER_1] {
			register(operator, &[0], 500, 10_000);
		}
		run_to_epoch(1);
		for operator in [OP_1, OP_2, MEMBER_1] {
			report(operator, MISSED);
		}
		run_to_epoch(3);
		// Two per block: one left after the epoch's first block.
		assert_eq!(UnappliedSlashes::<Test>::iter_prefix(1).count(), 1);
		run_to_block(3 * EPOCH + 1);
		assert_eq!(UnappliedSlashes::<Test>::iter_prefix(1).count(), 0);
		for operator in [OP_1, OP_2, MEMBER_1] {
			assert_eq!(held(HoldReason::NodeBond, operator), 9_000);
		}
		// try_state notices a pending count that disagrees with the slashes.
		PendingSlashes::<Test>::insert(OP_1, 1);
		assert!(NodeStaking::do_try_state().is_err());
		PendingSlashes::<Test>::remove(OP_1);
	});
}

#[test]
fn try_state_notices_a_bond_that_differs_from_its_hold() {
	run_test(|| {
		register(OP_1, &[0], 500, 2_000);
		Nodes::<Test>::mutate(OP_1, |node| node.as_mut().unwrap().bond = 1_999);
		assert!(NodeStaking::do_try_state().is_err());
		Nodes::<Test>::mutate(OP_1, |node| node.as_mut().unwrap().bond = 2_000);
	});
}

#[test]
fn a_pool_slashed_to_nothing_takes_no_new_stake() {
	run_test(|| {
		// Keep the node serving after losing its bond, and let four offences stand.
		MinBond::set(&0);
		DeactivationThreshold::set(&10);
		register(OP_1, &[0], 500, 1_000);
		join(MEMBER_1, OP_1, 1_000);
		run_to_epoch(1);
		for _ in 0..4 {
			report(OP_1, NodeOffence::Unavailable);
		}
		run_to_epoch(3);
		assert!(events().contains(&Event::Slashed {
			node: OP_1,
			epoch: 1,
			bond: 1_000,
			pool: 1_000
		}));
		assert_eq!(stake_of(MEMBER_1), 0);
		assert_noop!(
			NodeStaking::join_pool(RuntimeOrigin::signed(MEMBER_2), OP_1, 100),
			Error::<Test>::PoolWipedOut
		);
	});
}

#[test]
fn a_slash_pending_for_a_later_epoch_does_not_hold_stake_that_left_before_it() {
	run_test(|| {
		UnbondingEpochs::set(&2);
		register(OP_1, &[0], 500, 5_000);
		join(MEMBER_1, OP_1, 1_000);
		run_to_epoch(1);
		assert_ok!(NodeStaking::leave_pool(RuntimeOrigin::signed(MEMBER_1)));
		// Epoch 3: MEMBER_1's stake (left in epoch 1) has unbonded; an offence of epoch 3 is
		// pending, which cannot reach a bucket of epoch 1.
		run_to_epoch(3);
		report(OP_1, MISSED);
		assert_eq!(PendingSlashes::<Test>::get(OP_1), 1);
		assert_ok!(NodeStaking::withdraw_unbonded(RuntimeOrigin::signed(MEMBER_1)));
		assert_eq!(free(MEMBER_1), ENDOWMENT);
	});
}

#[test]
fn a_member_of_a_pool_slashed_to_nothing_can_leave() {
	run_test(|| {
		MissedDeadlineSlash::set(&sp_runtime::Perbill::from_percent(50));
		DeactivationThreshold::set(&5);
		register(OP_1, &[0], 500, 1_000);
		join(MEMBER_1, OP_1, 1_000);
		run_to_epoch(1);
		report(OP_1, MISSED);
		report(OP_1, MISSED);
		run_to_epoch(3);
		assert_eq!(stake_of(MEMBER_1), 0);
		assert_ok!(NodeStaking::leave_pool(RuntimeOrigin::signed(MEMBER_1)));
		assert!(!Members::<Test>::contains_key(MEMBER_1));
	});
}

#[test]
fn a_slash_counts_the_slots_of_a_pending_update_with_those_in_force() {
	run_test(|| {
		// OP_1 bonds for three slots: models 0 and 1 in force, then model 2 in an update.
		register(OP_1, &[0, 1], 100, 3 * MIN_BOND);
		run_to_epoch(1);
		report(OP_1, MISSED);
		assert_ok!(NodeStaking::update_node(
			RuntimeOrigin::signed(OP_1),
			config(&[2], 100).models,
			100,
			100,
			Perbill::zero()
		));
		// The slash lands while the update is pending (here applied at once): 10 % leaves
		// 2,700, less than the three slots it still holds need, so the node is deactivated.
		let slash = UnappliedSlashes::<Test>::take(1, OP_1).expect("the offence's slash");
		NodeStaking::apply_slash(1, OP_1, slash);
		let node = Nodes::<Test>::get(OP_1).unwrap();
		assert_eq!(node.bond, 2_700);
		assert_eq!(node.leave.map(|leave| leave.reason), Some(LeaveReason::BondBelowMinimum));
		assert!((0..3).all(|model| !node.holds_slot(model, 1)));
	});
}
