//! Operators: registration, activation at the next epoch, updates, leaving, capacity, epochs.

use super::*;
use frame_support::{assert_noop, traits::Hooks};
use sp_runtime::Perbill;
use zkinfer_primitives::{ComputeNodes, EpochInfo};

#[docify::export]
#[test]
fn a_node_serves_from_the_epoch_after_its_registration() {
	run_test(|| {
		// Epoch 0: OP_1 registers for model 0 with 500 compute units per epoch.
		register(OP_1, &[0], 500, MIN_BOND);
		assert_eq!(held(HoldReason::NodeBond, OP_1), MIN_BOND);
		assert_eq!(Nodes::<Test>::get(OP_1).unwrap().active_from, 1);
		// Not yet: the market sees no node and no capacity for the rest of epoch 0.
		run_to_block(EPOCH - 1);
		assert!(serving(0).is_empty());
		assert_eq!(remaining(OP_1), 0);
		assert!(Market::consume_capacity(&OP_1, 1).is_err());
		// Epoch 1: it serves, within its capacity.
		run_to_epoch(1);
		assert_eq!(serving(0), vec![OP_1]);
		assert!(serving(1).is_empty());
		assert_ok!(Market::consume_capacity(&OP_1, 300));
		assert_eq!(remaining(OP_1), 200);
		assert!(Market::consume_capacity(&OP_1, 201).is_err());
		assert_eq!(remaining(OP_1), 200);
		// Epoch 2: the capacity is whole again.
		run_to_epoch(2);
		assert_eq!(remaining(OP_1), 500);
	});
}

#[test]
fn registration_checks_its_terms_and_holds_nothing_on_failure() {
	run_test(|| {
		let try_register =
			|who: u64, models: &[u32], capacity: u64, commission: u32, bond: Balance| {
				let c = config(models, capacity);
				NodeStaking::register_node(
					RuntimeOrigin::signed(who),
					c.models,
					capacity,
					capacity,
					Perbill::from_percent(commission),
					bond,
				)
			};
		assert_noop!(
			try_register(OP_1, &[0], 10, 0, MIN_BOND - 1),
			Error::<Test>::BondBelowMinimum
		);
		assert_noop!(
			try_register(OP_1, &[0], 10, 21, MIN_BOND),
			Error::<Test>::CommissionAboveMaximum
		);
		assert_noop!(try_register(OP_1, &[], 10, 0, MIN_BOND), Error::<Test>::NoModels);
		assert_noop!(
			try_register(OP_1, &[0, 1, 0], 10, 0, MIN_BOND),
			Error::<Test>::DuplicateModel
		);
		assert_noop!(try_register(OP_1, &[11], 10, 0, MIN_BOND), Error::<Test>::UnknownModel);
		assert_noop!(try_register(OP_1, &[10], 10, 0, MIN_BOND), Error::<Test>::UnknownModel);
		assert_noop!(try_register(OP_1, &[0], 0, 0, MIN_BOND), Error::<Test>::ZeroCapacity);
		// A node must take at least one job of each model it serves (10 units each here).
		assert_noop!(
			try_register(OP_1, &[0], UNITS - 1, 0, MIN_BOND),
			Error::<Test>::CapacityBelowModel
		);
		let c = config(&[0], 100);
		assert_noop!(
			NodeStaking::register_node(
				RuntimeOrigin::signed(OP_1),
				c.models,
				100,
				UNITS / WINDOW - 1,
				Perbill::zero(),
				MIN_BOND
			),
			Error::<Test>::ThroughputBelowModel
		);
		assert_noop!(
			try_register(OP_1, &[0], 10, 0, ENDOWMENT + 1),
			sp_runtime::TokenError::FundsUnavailable
		);
		assert_ok!(try_register(OP_1, &[0], 10, 20, MIN_BOND));
		assert_noop!(try_register(OP_1, &[1], 10, 0, MIN_BOND), Error::<Test>::AlreadyRegistered);
		// A pool member cannot also operate a node.
		join(MEMBER_1, OP_1, 100);
		assert_noop!(try_register(MEMBER_1, &[0], 10, 0, MIN_BOND), Error::<Test>::AlreadyMember);
		// Model 0's list takes four nodes.
		for who in [OP_2, MEMBER_2, MEMBER_3] {
			assert_ok!(try_register(who, &[0], 10, 0, MIN_BOND));
		}
		assert_noop!(
			try_register(MARKET, &[0], 10, 0, MIN_BOND),
			Error::<Test>::TooManyNodesForModel
		);
		assert_eq!(NodeCount::<Test>::get(), 4);
	});
}

#[test]
fn an_update_takes_effect_in_the_next_epoch() {
	run_test(|| {
		// Bonded for three models: until the update takes effect the node holds the slots of
		// models 0, 1 and 2.
		register(OP_1, &[0, 1], 500, 3 * MIN_BOND);
		run_to_epoch(1);
		let mut next = config(&[1, 2], 800);
		next.commission = Perbill::from_percent(10);
		assert_ok!(NodeStaking::update_node(
			RuntimeOrigin::signed(OP_1),
			next.models.clone(),
			800,
			800,
			next.commission
		));
		assert_eq!(
			events().last(),
			Some(&Event::NodeUpdated { node: OP_1, config: next.clone(), from: 2 })
		);
		// Epoch 1 still runs on the old configuration.
		assert_eq!((serving(0), serving(1), serving(2)), (vec![OP_1], vec![OP_1], vec![]));
		assert_eq!(remaining(OP_1), 500);
		run_to_epoch(2);
		assert_eq!((serving(0), serving(1), serving(2)), (vec![], vec![OP_1], vec![OP_1]));
		assert_eq!(remaining(OP_1), 800);
		// The next update promotes the pending one: model 0's list forgets the node.
		assert_ok!(NodeStaking::update_node(
			RuntimeOrigin::signed(OP_1),
			config(&[2], 10).models,
			10,
			10,
			Perbill::zero()
		));
		assert!(ModelNodes::<Test>::get(0).is_empty());
		assert_eq!(Nodes::<Test>::get(OP_1).unwrap().config, next);
		assert_noop!(
			NodeStaking::update_node(
				RuntimeOrigin::signed(OP_2),
				config(&[2], 10).models,
				10,
				10,
				Perbill::zero()
			),
			Error::<Test>::NotRegistered
		);
	});
}

#[test]
fn an_unregistered_node_serves_out_its_epoch_and_its_bond_returns_after_unbonding() {
	run_test(|| {
		register(OP_1, &[0], 500, 5_000);
		run_to_epoch(1);
		assert_ok!(NodeStaking::unregister_node(RuntimeOrigin::signed(OP_1)));
		let leave = Leave { until: 2, unlocks_at: 4, reason: LeaveReason::Unregistered };
		assert_eq!(Nodes::<Test>::get(OP_1).unwrap().leave, Some(leave));
		assert_noop!(
			NodeStaking::unregister_node(RuntimeOrigin::signed(OP_1)),
			Error::<Test>::NodeLeaving
		);
		assert_noop!(
			NodeStaking::join_pool(RuntimeOrigin::signed(MEMBER_1), OP_1, 100),
			Error::<Test>::NodeLeaving
		);
		// It serves to the end of epoch 1.
		assert_eq!(serving(0), vec![OP_1]);
		run_to_epoch(2);
		assert!(serving(0).is_empty());
		assert_eq!(remaining(OP_1), 0);
		// Unbonding: epochs 2 and 3.
		run_to_epoch(3);
		assert_noop!(
			NodeStaking::withdraw_unbonded(RuntimeOrigin::signed(OP_1)),
			Error::<Test>::NothingToWithdraw
		);
		run_to_epoch(4);
		let before = free(OP_1);
		assert_ok!(NodeStaking::withdraw_unbonded(RuntimeOrigin::signed(OP_1)));
		// Its bond, and the emission of epoch 1, the one epoch it served (alone).
		assert_eq!(free(OP_1), before + 5_000 + 10_000);
		assert_eq!(held(HoldReason::NodeBond, OP_1), 0);
		assert!(!Nodes::<Test>::contains_key(OP_1));
		assert!(ModelNodes::<Test>::get(0).is_empty());
		assert_eq!(events().last(), Some(&Event::NodeWithdrawn { node: OP_1, bond: 5_000 }));
		// A still-serving node cannot withdraw.
		register(OP_2, &[0], 500, MIN_BOND);
		assert_noop!(
			NodeStaking::withdraw_unbonded(RuntimeOrigin::signed(OP_2)),
			Error::<Test>::NodeStillServing
		);
	});
}

#[test]
fn epochs_follow_the_governed_length() {
	run_test(|| {
		assert_eq!(
			NodeStaking::epoch_info(),
			EpochInfo { index: 0, start: 0, length: EPOCH, next_start: EPOCH }
		);
		run_to_epoch(1);
		assert!(events().contains(&Event::NewEpoch { epoch: 1, start: EPOCH }));
		// Governance shortens epochs: the current one ends by the new length.
		EpochLength::set(&4);
		run_to_block(EPOCH + 4);
		assert_eq!(
			NodeStaking::epoch_info(),
			EpochInfo { index: 2, start: EPOCH + 4, length: 4, next_start: EPOCH + 8 }
		);
		// A zero length counts as one block.
		EpochLength::set(&0);
		NodeStaking::on_initialize(EPOCH + 5);
		assert_eq!(NodeStaking::current_epoch(), 3);
	});
}

#[test]
fn the_market_cannot_assign_more_than_a_nodes_capacity() {
	run_test(|| {
		register(OP_1, &[0], 100, MIN_BOND);
		run_to_epoch(1);
		for _ in 0..10 {
			assert_ok!(Market::consume_capacity(&OP_1, 10));
		}
		assert!(Market::consume_capacity(&OP_1, 1).is_err());
		assert!(Market::consume_capacity(&OP_1, u64::MAX).is_err());
		assert!(Market::consume_capacity(&OP_2, 1).is_err());
		// try_state catches bookkeeping over capacity.
		CapacityUsed::<Test>::insert(OP_1, (1, 101));
		assert!(NodeStaking::do_try_state().is_err());
		CapacityUsed::<Test>::insert(OP_1, (1, 100));
	});
}

#[test]
fn registration_stops_at_max_nodes() {
	run_test(|| {
		register(OP_1, &[0], 10, MIN_BOND);
		// As if seven more nodes were registered: the eighth slot is the last.
		NodeCount::<Test>::put(8);
		let c = config(&[1], 10);
		assert_noop!(
			NodeStaking::register_node(
				RuntimeOrigin::signed(OP_2),
				c.models,
				10,
				10,
				Perbill::zero(),
				MIN_BOND
			),
			Error::<Test>::TooManyNodes
		);
		NodeCount::<Test>::put(1);
	});
}

#[test]
fn every_slot_a_node_holds_costs_its_own_bond() {
	run_test(|| {
		// Squatting the slots of three models with one node's bond is refused: a node bonds
		// `MinBond` per model it serves, at registration and on every update.
		let try_register = |models: &[u32], bond: Balance| {
			let c = config(models, 100);
			NodeStaking::register_node(
				RuntimeOrigin::signed(OP_1),
				c.models,
				100,
				100,
				Perbill::zero(),
				bond,
			)
		};
		assert_noop!(try_register(&[0, 1, 2], 3 * MIN_BOND - 1), Error::<Test>::BondBelowMinimum);
		assert_ok!(try_register(&[0, 1], 2 * MIN_BOND));
		assert_eq!(held(HoldReason::NodeBond, OP_1), 2 * MIN_BOND);
		assert_noop!(
			NodeStaking::update_node(
				RuntimeOrigin::signed(OP_1),
				config(&[0, 1, 2], 100).models,
				100,
				100,
				Perbill::zero()
			),
			Error::<Test>::BondBelowMinimum
		);
		// Until an update takes effect the node holds the slots of both configurations, so the
		// bond covers both: swapping models every epoch does not hold twice the slots.
		assert_noop!(
			NodeStaking::update_node(
				RuntimeOrigin::signed(OP_1),
				config(&[2, 3], 100).models,
				100,
				100,
				Perbill::zero()
			),
			Error::<Test>::BondBelowMinimum
		);
		// Bonding more buys more slots.
		assert_ok!(NodeStaking::bond_extra(RuntimeOrigin::signed(OP_1), MIN_BOND));
		assert_ok!(NodeStaking::update_node(
			RuntimeOrigin::signed(OP_1),
			config(&[0, 1, 2], 100).models,
			100,
			100,
			Perbill::zero()
		));
		assert!(ModelNodes::<Test>::get(2).contains(&OP_1));
		assert_ok!(NodeStaking::update_node(
			RuntimeOrigin::signed(OP_1),
			config(&[2], 100).models,
			100,
			100,
			Perbill::zero()
		));
		assert_noop!(
			NodeStaking::update_node(
				RuntimeOrigin::signed(OP_1),
				config(&[2, 3], 100).models,
				100,
				100,
				Perbill::zero()
			),
			Error::<Test>::BondBelowMinimum
		);
		// A slash that leaves less than `MinBond` per served model deactivates the node, which
		// gives its slots up.
		run_to_epoch(1);
		assert_ok!(NodeStaking::update_node(
			RuntimeOrigin::signed(OP_1),
			config(&[0, 1, 2], 100).models,
			100,
			100,
			Perbill::zero()
		));
		report(OP_1, zkinfer_primitives::NodeOffence::Unavailable);
		run_to_epoch(3);
		let node = Nodes::<Test>::get(OP_1).unwrap();
		assert!(node.bond < 3 * MIN_BOND && node.bond >= 2 * MIN_BOND, "bond {}", node.bond);
		assert_eq!(node.leave.map(|leave| leave.reason), Some(LeaveReason::BondBelowMinimum));
		assert!(serving(0).is_empty() && serving(1).is_empty() && serving(2).is_empty());
		assert!((0..3).all(|model| !node.holds_slot(model, 3)));
		// Its slots are free: four other nodes fill model 2's four slots.
		for who in [OP_2, MEMBER_1, MEMBER_2, MEMBER_3] {
			register(who, &[2], 100, MIN_BOND);
		}
		assert!(!ModelNodes::<Test>::get(2).contains(&OP_1));
		assert_eq!(ModelNodes::<Test>::get(2).len(), 4);
	});
}

#[test]
fn nodes_that_stopped_serving_give_up_their_slots_to_new_nodes() {
	run_test(|| {
		// Model 0's list (four slots) is full: OP_2 and two others register, OP_1 too.
		for who in [OP_1, OP_2, MEMBER_2, MEMBER_3] {
			register(who, &[0], 10, MIN_BOND);
		}
		let c = config(&[0], 10);
		let try_register = || {
			NodeStaking::register_node(
				RuntimeOrigin::signed(MARKET),
				c.models.clone(),
				10,
				10,
				Perbill::zero(),
				MIN_BOND,
			)
		};
		assert_noop!(try_register(), Error::<Test>::TooManyNodesForModel);
		run_to_epoch(1);
		// OP_1 leaves: it serves to the end of epoch 1 and keeps its slot until then.
		assert_ok!(NodeStaking::unregister_node(RuntimeOrigin::signed(OP_1)));
		assert_noop!(try_register(), Error::<Test>::TooManyNodesForModel);
		// From epoch 2 it no longer serves: a new node takes its slot, long before OP_1's bond
		// unbonds.
		run_to_epoch(2);
		assert_ok!(try_register());
		assert!(!ModelNodes::<Test>::get(0).contains(&OP_1));
		assert!(ModelNodes::<Test>::get(0).contains(&MARKET));
		assert!(Nodes::<Test>::get(OP_1).is_some());
		// A deactivated node gives its slot up at once.
		for _ in 0..DeactivationThreshold::get() {
			report(OP_2, zkinfer_primitives::NodeOffence::Unavailable);
		}
		assert_ok!(NodeStaking::register_node(
			RuntimeOrigin::signed(MEMBER_1),
			c.models.clone(),
			10,
			10,
			Perbill::zero(),
			MIN_BOND
		));
		assert!(!ModelNodes::<Test>::get(0).contains(&OP_2));
	});
}

#[test]
fn a_prover_key_may_submit_for_its_node_and_nothing_else() {
	run_test(|| {
		const PROVER: u64 = 21;
		register(OP_1, &[0], 10, MIN_BOND);
		register(OP_2, &[0], 10, MIN_BOND);
		assert!(!Market::may_submit_for(&PROVER, &OP_1));
		assert_ok!(NodeStaking::set_prover(RuntimeOrigin::signed(OP_1), Some(PROVER)));
		assert_eq!(events().last(), Some(&Event::ProverSet { node: OP_1, prover: Some(PROVER) }));
		assert!(Market::may_submit_for(&PROVER, &OP_1));
		assert!(Market::may_submit_for(&OP_1, &OP_1));
		assert!(!Market::may_submit_for(&PROVER, &OP_2));
		assert_eq!(Market::node_of_prover(&PROVER), Some(OP_1));
		// One node per key; no operator as key.
		assert_noop!(
			NodeStaking::set_prover(RuntimeOrigin::signed(OP_2), Some(PROVER)),
			Error::<Test>::ProverInUse
		);
		assert_noop!(
			NodeStaking::set_prover(RuntimeOrigin::signed(OP_2), Some(OP_1)),
			Error::<Test>::ProverInUse
		);
		assert_noop!(
			NodeStaking::set_prover(RuntimeOrigin::signed(MEMBER_1), Some(PROVER)),
			Error::<Test>::NotRegistered
		);
		// The key controls nothing: it is no operator and holds no stake.
		assert_noop!(
			NodeStaking::unregister_node(RuntimeOrigin::signed(PROVER)),
			Error::<Test>::NotRegistered
		);
		assert_noop!(
			NodeStaking::withdraw_unbonded(RuntimeOrigin::signed(PROVER)),
			Error::<Test>::NothingToWithdraw
		);
		assert_noop!(
			NodeStaking::claim_rewards(RuntimeOrigin::signed(PROVER)),
			Error::<Test>::NoRewards
		);
		// A new key replaces the old one, which can then serve another node.
		assert_ok!(NodeStaking::set_prover(RuntimeOrigin::signed(OP_1), Some(PROVER + 1)));
		assert!(!Market::may_submit_for(&PROVER, &OP_1));
		assert_ok!(NodeStaking::set_prover(RuntimeOrigin::signed(OP_2), Some(PROVER)));
		assert_ok!(NodeStaking::set_prover(RuntimeOrigin::signed(OP_1), None));
		assert_eq!(Market::node_of_prover(&(PROVER + 1)), None);
	});
}

#[test]
fn the_market_sees_a_nodes_throughput_while_it_serves() {
	run_test(|| {
		let c = config(&[0], 100);
		assert_ok!(NodeStaking::register_node(
			RuntimeOrigin::signed(OP_1),
			c.models,
			100,
			7,
			Perbill::zero(),
			MIN_BOND
		));
		assert_eq!(Market::throughput(&OP_1), 0);
		run_to_epoch(1);
		assert_eq!(Market::throughput(&OP_1), 7);
	});
}

#[test]
fn a_node_configured_for_other_models_gives_up_its_slot() {
	run_test(|| {
		// OP_1 bonds for the two models whose slots it holds while it moves.
		register(OP_1, &[0], 10, 2 * MIN_BOND);
		for who in [OP_2, MEMBER_2, MEMBER_3] {
			register(who, &[0], 10, MIN_BOND);
		}
		run_to_epoch(1);
		// OP_1 moves to model 1 from epoch 2 and never updates again.
		assert_ok!(NodeStaking::update_node(
			RuntimeOrigin::signed(OP_1),
			config(&[1], 10).models,
			10,
			10,
			Perbill::zero()
		));
		let c = config(&[0], 10);
		let try_register = || {
			NodeStaking::register_node(
				RuntimeOrigin::signed(MARKET),
				c.models.clone(),
				10,
				10,
				Perbill::zero(),
				MIN_BOND,
			)
		};
		assert_noop!(try_register(), Error::<Test>::TooManyNodesForModel);
		run_to_epoch(2);
		assert_ok!(try_register());
		assert!(!ModelNodes::<Test>::get(0).contains(&OP_1));
		assert!(ModelNodes::<Test>::get(1).contains(&OP_1));
	});
}

#[test]
fn a_reregistered_operator_keeps_the_pool_that_never_left() {
	run_test(|| {
		UnbondingEpochs::set(&1);
		register(OP_1, &[0], 10, MIN_BOND);
		join(MEMBER_1, OP_1, 3_000);
		run_to_epoch(1);
		assert_ok!(NodeStaking::unregister_node(RuntimeOrigin::signed(OP_1)));
		run_to_epoch(5);
		assert_ok!(NodeStaking::withdraw_unbonded(RuntimeOrigin::signed(OP_1)));
		assert!(Pools::<Test>::contains_key(OP_1), "the member did not leave");
		// The operator comes back: the pool's stake earns with the new node (try_state checks
		// the emission stake after every block).
		register(OP_1, &[0], 10, MIN_BOND);
		run_to_epoch(7);
		assert!(NodeStaking::claimable_rewards(MEMBER_1) > 0);
	});
}

#[test]
fn an_account_named_as_prover_key_that_registers_a_node_is_no_ones_key_any_more() {
	run_test(|| {
		register(OP_1, &[0], 10, MIN_BOND);
		assert_ok!(NodeStaking::set_prover(RuntimeOrigin::signed(OP_1), Some(OP_2)));
		register(OP_2, &[0], 10, MIN_BOND);
		assert_eq!(Market::node_of_prover(&OP_2), None);
		assert!(!Market::may_submit_for(&OP_2, &OP_1));
		assert_eq!(Provers::<Test>::get(OP_1), None);
	});
}
