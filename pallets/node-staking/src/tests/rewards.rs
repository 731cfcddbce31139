//! Rewards: fee shares, emission by stake gated by missed deadlines, commission and stake in
//! force when earned, pro-rata splits, rounding, claims — and the attacks on them.

use super::*;
use frame_support::assert_noop;
use sp_runtime::Perbill;
use zkinfer_primitives::NodeOffence;

/// OP_1 (bond 1,000, commission 10 % from epoch 1) with MEMBER_1 (3,000) and MEMBER_2 (1,000)
/// in its pool, serving model 0 from epoch 1.
fn pool_with_two_members() {
	register(OP_1, &[0], 10_000, 1_000);
	let c = config(&[0], 10_000);
	assert_ok!(NodeStaking::update_node(
		RuntimeOrigin::signed(OP_1),
		c.models,
		10_000,
		10_000,
		Perbill::from_percent(10)
	));
	join(MEMBER_1, OP_1, 3_000);
	join(MEMBER_2, OP_1, 1_000);
	run_to_epoch(1);
}

/// The emission of each epoch in the mock.
const EMISSION: Balance = 10_000;

#[test]
fn a_fee_is_split_by_commission_then_by_stake() {
	run_test(|| {
		pool_with_two_members();
		job_verified(OP_1, 1_000);
		// Commission 100; the other 900 by stake: bond 1,000 of 5,000 → 180, pool 720.
		assert_eq!(
			events().last(),
			Some(&Event::Rewarded {
				node: OP_1,
				source: crate::RewardSource::Fees,
				operator: 280,
				pool: 720
			})
		);
		let (op, m1, m2) = (free(OP_1), free(MEMBER_1), free(MEMBER_2));
		assert_ok!(NodeStaking::claim_rewards(RuntimeOrigin::signed(OP_1)));
		assert_ok!(NodeStaking::claim_rewards(RuntimeOrigin::signed(MEMBER_1)));
		assert_ok!(NodeStaking::claim_rewards(RuntimeOrigin::signed(MEMBER_2)));
		assert_eq!((free(OP_1) - op, free(MEMBER_1) - m1, free(MEMBER_2) - m2), (280, 540, 180));
		assert_noop!(
			NodeStaking::claim_rewards(RuntimeOrigin::signed(MEMBER_1)),
			Error::<Test>::NoRewards
		);
		assert_noop!(
			NodeStaking::claim_rewards(RuntimeOrigin::signed(MEMBER_3)),
			Error::<Test>::NoRewards
		);
		// A commission above a lowered ceiling is paid at the ceiling.
		MaxCommission::set(&Perbill::zero());
		job_verified(OP_1, 1_000);
		assert_eq!(
			events().last(),
			Some(&Event::Rewarded {
				node: OP_1,
				source: crate::RewardSource::Fees,
				operator: 200,
				pool: 800
			})
		);
	});
}

#[test]
fn the_emission_is_shared_by_stake_and_minted_when_settled() {
	run_test(|| {
		register(OP_1, &[0], 10_000, 1_000);
		register(OP_2, &[0], 10_000, 3_000);
		// Epoch 0: neither serves yet, nothing is earned.
		run_to_epoch(1);
		assert_eq!(NodeStaking::claimable_rewards(OP_1), 0);
		// Epoch 1: both serve; only OP_1 does any work, which changes nothing.
		for _ in 0..20 {
			job_verified(OP_1, 0);
		}
		let issuance = Balances::total_issuance();
		run_to_epoch(2);
		// Nothing is minted at the boundary.
		assert_eq!(Balances::total_issuance(), issuance);
		assert_eq!(NodeStaking::claimable_rewards(OP_1), EMISSION / 4);
		assert_eq!(NodeStaking::claimable_rewards(OP_2), EMISSION * 3 / 4);
		let (op1, op2) = (free(OP_1), free(OP_2));
		assert_ok!(NodeStaking::claim_rewards(RuntimeOrigin::signed(OP_1)));
		assert_ok!(NodeStaking::claim_rewards(RuntimeOrigin::signed(OP_2)));
		assert_eq!((free(OP_1) - op1, free(OP_2) - op2), (2_500, 7_500));
		// Minted: exactly what was paid.
		assert_eq!(Balances::total_issuance(), issuance + EMISSION);
		// Epochs without jobs earn too: stake is what is rewarded.
		run_to_epoch(4);
		assert_eq!(NodeStaking::claimable_rewards(OP_1), 2 * EMISSION / 4);
		assert_eq!(NodeStaking::claimable_rewards(OP_2), 2 * EMISSION * 3 / 4);
	});
}

#[test]
fn sending_jobs_to_ones_own_node_earns_no_emission() {
	// The same two nodes, the same epochs; in one run OP_1 sends itself a thousand jobs.
	let emission_of = |self_dealing: bool| {
		let mut earned = (0, 0);
		new_test_ext().execute_with(|| {
			register(OP_1, &[0], 10_000, 1_000);
			register(OP_2, &[0], 10_000, 1_000);
			run_to_epoch(1);
			if self_dealing {
				for _ in 0..1_000 {
					job_verified(OP_1, 0);
				}
			}
			run_to_epoch(3);
			earned = (NodeStaking::claimable_rewards(OP_1), NodeStaking::claimable_rewards(OP_2));
			NodeStaking::do_try_state().expect("invariants hold");
		});
		earned
	};
	let honest = emission_of(false);
	assert_eq!(honest, (EMISSION, EMISSION));
	assert_eq!(
		emission_of(true),
		honest,
		"work neither raises one node's emission nor lowers the other's"
	);
}

#[test]
fn a_bond_added_in_an_epoch_earns_from_the_next() {
	run_test(|| {
		register(OP_1, &[0], 10_000, 1_000);
		register(OP_2, &[0], 10_000, 1_000);
		run_to_epoch(1);
		// In epoch 1 OP_1 triples its bond: epoch 1's emission is still shared 1:1.
		assert_ok!(NodeStaking::bond_extra(RuntimeOrigin::signed(OP_1), 2_000));
		assert_eq!(
			events().last(),
			Some(&Event::BondIncreased { node: OP_1, amount: 2_000, bond: 3_000 })
		);
		assert_eq!(held(HoldReason::NodeBond, OP_1), 3_000);
		run_to_epoch(2);
		assert_eq!(NodeStaking::claimable_rewards(OP_1), EMISSION / 2);
		assert_eq!(NodeStaking::claimable_rewards(OP_2), EMISSION / 2);
		// From epoch 2 it earns by its new stake.
		run_to_epoch(3);
		assert_eq!(NodeStaking::claimable_rewards(OP_1), EMISSION / 2 + EMISSION * 3 / 4);
		assert_eq!(NodeStaking::claimable_rewards(OP_2), EMISSION / 2 + EMISSION / 4);
		// Refused: nothing, no node, a pending slash (the slash falls on the stake there was),
		// a leaving node.
		let bond_extra =
			|who: u64, amount: Balance| NodeStaking::bond_extra(RuntimeOrigin::signed(who), amount);
		assert_noop!(bond_extra(OP_1, 0), Error::<Test>::ZeroAmount);
		assert_noop!(bond_extra(MEMBER_1, 10), Error::<Test>::NotRegistered);
		assert_noop!(bond_extra(OP_1, ENDOWMENT), sp_runtime::TokenError::FundsUnavailable);
		report(OP_2, NodeOffence::MissedDeadline { job: 1 });
		assert_noop!(bond_extra(OP_2, 10), Error::<Test>::SlashPending);
		assert_ok!(NodeStaking::unregister_node(RuntimeOrigin::signed(OP_1)));
		assert_noop!(bond_extra(OP_1, 10), Error::<Test>::NodeLeaving);
	});
}

#[test]
fn a_bond_added_in_an_epoch_takes_none_of_the_pools_share_of_it() {
	run_test(|| {
		register(OP_1, &[0], 10_000, 1_000);
		join(MEMBER_1, OP_1, 1_000);
		run_to_epoch(1);
		// In epoch 1 the operator adds 8,000 of bond: epoch 1's fees and emission are still
		// split by the bond in force (1,000 : 1,000), not by 9,000 : 1,000.
		assert_ok!(NodeStaking::bond_extra(RuntimeOrigin::signed(OP_1), 8_000));
		job_verified(OP_1, 1_000);
		assert_eq!(
			events().last(),
			Some(&Event::Rewarded {
				node: OP_1,
				source: crate::RewardSource::Fees,
				operator: 500,
				pool: 500
			})
		);
		run_to_epoch(2);
		assert_eq!(NodeStaking::claimable_rewards(OP_1), 500 + EMISSION / 2);
		assert_eq!(NodeStaking::claimable_rewards(MEMBER_1), 500 + EMISSION / 2);
		// From epoch 2 the new bond is in force for both.
		job_verified(OP_1, 1_000);
		assert_eq!(
			events().last(),
			Some(&Event::Rewarded {
				node: OP_1,
				source: crate::RewardSource::Fees,
				operator: 900,
				pool: 100
			})
		);
		run_to_epoch(3);
		assert_eq!(
			NodeStaking::claimable_rewards(OP_1),
			500 + EMISSION / 2 + 900 + EMISSION * 9 / 10
		);
		assert_eq!(
			NodeStaking::claimable_rewards(MEMBER_1),
			500 + EMISSION / 2 + 100 + EMISSION / 10
		);
	});
}

#[test]
fn missed_deadlines_take_their_part_of_an_epochs_emission() {
	run_test(|| {
		register(OP_1, &[0], 10_000, 1_000);
		register(OP_2, &[0], 10_000, 1_000);
		run_to_epoch(1);
		// OP_1 misses one deadline of three allowed: it keeps two thirds of its share.
		report(OP_1, NodeOffence::MissedDeadline { job: 7 });
		let issuance = Balances::total_issuance();
		run_to_epoch(2);
		assert_eq!(NodeStaking::claimable_rewards(OP_1), EMISSION / 2 * 2 / 3);
		assert_eq!(NodeStaking::claimable_rewards(OP_2), EMISSION / 2);
		assert_ok!(NodeStaking::claim_rewards(RuntimeOrigin::signed(OP_1)));
		assert_ok!(NodeStaking::claim_rewards(RuntimeOrigin::signed(OP_2)));
		// The forfeited third is not minted, and goes to no one else.
		assert_eq!(Balances::total_issuance(), issuance + 3_333 + 5_000);
		// The next epoch starts clean.
		run_to_epoch(3);
		assert_eq!(NodeStaking::claimable_rewards(OP_1), EMISSION / 2);
	});
}

#[test]
fn a_deactivated_node_forfeits_the_epoch_and_earns_no_more() {
	run_test(|| {
		register(OP_1, &[0], 10_000, 1_000);
		register(OP_2, &[0], 10_000, 1_000);
		run_to_epoch(1);
		for job in 0..DeactivationThreshold::get() {
			report(OP_1, NodeOffence::MissedDeadline { job: job.into() });
		}
		run_to_epoch(3);
		assert_eq!(NodeStaking::claimable_rewards(OP_1), 0);
		// OP_2's share is what its stake earns, not a larger one: the forfeit is not passed on.
		assert_eq!(NodeStaking::claimable_rewards(OP_2), EMISSION / 2 + EMISSION);
	});
}

#[test]
fn stake_that_joins_in_an_epoch_earns_from_the_next() {
	run_test(|| {
		register(OP_1, &[0], 10_000, 2_000);
		join(MEMBER_1, OP_1, 2_000);
		run_to_epoch(1);
		// MEMBER_2 joins during epoch 1: it earns nothing of it.
		join(MEMBER_2, OP_1, 4_000);
		run_to_epoch(2);
		// Epoch 1: bond 2,000 and MEMBER_1's 2,000 share all of it.
		assert_eq!(NodeStaking::claimable_rewards(OP_1), EMISSION / 2);
		assert_eq!(NodeStaking::claimable_rewards(MEMBER_1), EMISSION / 2);
		assert_eq!(NodeStaking::claimable_rewards(MEMBER_2), 0);
		run_to_epoch(3);
		// Epoch 2: 2,000 : 2,000 : 4,000.
		assert_eq!(NodeStaking::claimable_rewards(OP_1), EMISSION / 2 + EMISSION / 4);
		assert_eq!(NodeStaking::claimable_rewards(MEMBER_1), EMISSION / 2 + EMISSION / 4);
		assert_eq!(NodeStaking::claimable_rewards(MEMBER_2), EMISSION / 2);
	});
}

#[test]
fn stake_that_joins_after_an_epoch_takes_none_of_its_emission() {
	run_test(|| {
		register(OP_1, &[0], 10_000, 1_000);
		join(MEMBER_1, OP_1, 1_000);
		run_to_epoch(1);
		run_to_epoch(2);
		// Nobody touched the node since epoch 1 ended. A whale joins first thing in epoch 2:
		// epoch 1's emission is brought up to date before its stake counts.
		join(MEMBER_2, OP_1, 1_000_000 - 1_000);
		assert_eq!(NodeStaking::claimable_rewards(MEMBER_2), 0);
		assert_eq!(NodeStaking::claimable_rewards(MEMBER_1), EMISSION / 2);
	});
}

#[test]
fn emission_is_shared_with_the_commission_in_force_when_it_was_earned() {
	run_test(|| {
		register(OP_1, &[0], 10_000, 1_000);
		join(MEMBER_1, OP_1, 1_000);
		run_to_epoch(1);
		run_to_epoch(2);
		// Epoch 1 was earned at no commission; the operator raises it to 20 % afterwards.
		let c = config(&[0], 10_000);
		assert_ok!(NodeStaking::update_node(
			RuntimeOrigin::signed(OP_1),
			c.models,
			10_000,
			10_000,
			Perbill::from_percent(20)
		));
		// Epoch 2 too still runs at the old commission; the new one applies from epoch 3.
		run_to_epoch(4);
		// Epochs 1 and 2: 5,000 each to the member; epoch 3: (10,000 − 2,000) / 2.
		assert_eq!(NodeStaking::claimable_rewards(MEMBER_1), 5_000 + 5_000 + 4_000);
		assert_eq!(NodeStaking::claimable_rewards(OP_1), 5_000 + 5_000 + 6_000);
	});
}

#[test]
fn no_stake_joins_while_a_slash_is_pending() {
	run_test(|| {
		register(OP_1, &[0], 10_000, 10_000);
		join(MEMBER_1, OP_1, 10_000);
		run_to_epoch(1);
		report(OP_1, NodeOffence::MissedDeadline { job: 1 });
		// Stake joining after the offence would pay for it: it is refused until the slash is
		// applied (or cancelled).
		assert_noop!(
			NodeStaking::join_pool(RuntimeOrigin::signed(MEMBER_2), OP_1, 1_000),
			Error::<Test>::SlashPending
		);
		run_to_epoch(3);
		assert_eq!(PendingSlashes::<Test>::get(OP_1), 0);
		// The slash fell on the stake that was there: 10 % of 20,000, from the bond.
		assert_eq!(Nodes::<Test>::get(OP_1).unwrap().bond, 8_000);
		join(MEMBER_2, OP_1, 1_000);
		assert_eq!(stake_of(MEMBER_2), 0, "pending until the next epoch");
	});
}

#[test]
fn a_leaving_member_keeps_what_it_earned_and_earns_no_more() {
	run_test(|| {
		pool_with_two_members();
		job_verified(OP_1, 1_000);
		assert_ok!(NodeStaking::leave_pool(RuntimeOrigin::signed(MEMBER_1)));
		job_verified(OP_1, 1_000);
		// The second fee: commission 100, 900 by stake (bond 1,000 of 2,000) → pool 450.
		assert_eq!(NodeStaking::claimable_rewards(MEMBER_1), 540);
		assert_eq!(NodeStaking::claimable_rewards(MEMBER_2), 180 + 450);
		run_to_epoch(2);
		// MEMBER_1 forfeits epoch 1's emission; the others share their stake's part of it
		// (2,000 of the 5,000 the epoch started with, at 10 % commission).
		assert_eq!(NodeStaking::claimable_rewards(MEMBER_1), 540);
		assert_eq!(NodeStaking::claimable_rewards(MEMBER_2), 180 + 450 + 1_800);
		// The operator: both fees' parts, then the commission of 400 and its bond's 1,800.
		assert_eq!(NodeStaking::claimable_rewards(OP_1), 280 + 550 + 400 + 1_800);
		run_to_epoch(3);
		// Withdrawing the last stake pays the rewards too.
		let before = free(MEMBER_1);
		assert_ok!(NodeStaking::withdraw_unbonded(RuntimeOrigin::signed(MEMBER_1)));
		assert_eq!(free(MEMBER_1), before + 3_000 + 540);
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
		job_verified(OP_1, 1);
		let issuance = Balances::total_issuance();
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
		assert!(paid <= EMISSION + 1, "paid {paid}");
		assert!(paid >= EMISSION + 1 - 3, "rounding loses at most a unit per member: paid {paid}");
		assert!(Balances::total_issuance() <= issuance + EMISSION, "minted more than the emission");
		let pool = Pools::<Test>::get(OP_1).unwrap();
		assert!(pool.rewards <= 3, "dust left in the pool: {}", pool.rewards);
	});
}

#[test]
fn many_nodes_and_pools_never_mint_more_than_the_emission() {
	run_test(|| {
		register(OP_1, &[0], 10_000, 1_111);
		register(OP_2, &[1], 10_000, 2_345);
		join(MEMBER_1, OP_1, 777);
		join(MEMBER_2, OP_2, 999);
		let issuance = Balances::total_issuance();
		for epoch in 1..8 {
			run_to_epoch(epoch);
			match epoch {
				2 => join(MEMBER_3, OP_1, 4_321),
				3 => report(OP_2, NodeOffence::MissedDeadline { job: 1 }),
				4 => {
					assert_ok!(NodeStaking::leave_pool(RuntimeOrigin::signed(MEMBER_1)));
				},
				5 => {
					assert_ok!(NodeStaking::claim_rewards(RuntimeOrigin::signed(MEMBER_2)));
				},
				_ => {},
			}
		}
		for who in [OP_1, OP_2, MEMBER_1, MEMBER_2, MEMBER_3] {
			let _ = NodeStaking::claim_rewards(RuntimeOrigin::signed(who));
		}
		// Six finished epochs of emission at most (slashes move funds to the treasury, they do
		// not change the issuance); what was forfeited (a third of OP_2's share of epoch 3,
		// MEMBER_1's part of epoch 4, the slashed stake's part of epoch 5) was never minted.
		let minted = Balances::total_issuance() - issuance;
		assert!(minted <= 6 * EMISSION, "{minted}");
		assert!(minted >= 6 * EMISSION - 2 * EMISSION / 3, "{minted}");
	});
}

#[test]
fn claimable_rewards_reads_only() {
	run_test(|| {
		pool_with_two_members();
		run_to_epoch(2);
		let issuance = Balances::total_issuance();
		let claimable = NodeStaking::claimable_rewards(MEMBER_1);
		assert!(claimable > 0);
		assert_eq!(Balances::total_issuance(), issuance);
		assert_eq!(NodeStaking::claimable_rewards(MEMBER_1), claimable);
	});
}
