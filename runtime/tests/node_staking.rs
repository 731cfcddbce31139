//! Node staking in the real runtime, through signed extrinsics: a node registered in an epoch
//! serves from the next one; stake joining a pool earns from the next epoch, then shares its
//! node's fee and emission rewards and its slash as documented (bond first, then the pool pro
//! rata); unbonded funds come back after the unbonding period; the invariants of staking and
//! the market hold after every step.

mod common;

use common::market::*;
use frame_support::traits::Get;
use frame_support::{traits::fungible::Inspect, BoundedVec};
use sp_keyring::Sr25519Keyring::{Alice, Bob, Dave, Eve, Ferdie};
use sp_runtime::Perbill;
use zkinfer_primitives::{ComputeNodes, NodeOffence};
use zkinfer_runtime::{
	configs::node_staking::GENESIS_NODE_BOND, Balances, InferenceMarket, NodeStaking, Runtime,
	RuntimeCall, UNIT,
};

type StakingCall = pallet_node_staking::Call<Runtime>;
type EpochLength = <Runtime as pallet_node_staking::Config>::EpochLength;
type MinBond = <Runtime as pallet_node_staking::Config>::MinBond;
type UnbondingEpochs = <Runtime as pallet_node_staking::Config>::UnbondingEpochs;

fn staking(call: StakingCall) -> RuntimeCall {
	RuntimeCall::NodeStaking(call)
}

/// Runs to the first block of `epoch` (epoch 0 started at genesis, block 0).
fn run_to_epoch(epoch: u32) {
	common::run_to_block(epoch * EpochLength::get());
	assert_eq!(NodeStaking::current_epoch(), epoch);
}

fn assigned_node(job: u64) -> Option<sp_runtime::AccountId32> {
	match InferenceMarket::job(job)?.status {
		pallet_inference_market::JobStatus::Assigned { node, .. } => Some(node),
		_ => None,
	}
}

#[test]
fn nodes_serve_from_the_next_epoch_share_rewards_and_slashes_with_their_pools_and_unbond() {
	common::new_test_ext("development").execute_with(|| {
		let (alice, dave, eve, ferdie) = (
			Alice.to_account_id(),
			Dave.to_account_id(),
			Eve.to_account_id(),
			Ferdie.to_account_id(),
		);
		common::run_to_block(1);
		// Genesis: Alice's node serves the demo model (model 0) from epoch 0; Charlie registers
		// a copy of it, which Alice's node also serves from epoch 1.
		let genesis = pallet_node_staking::Nodes::<Runtime>::get(&alice)
			.expect("Alice's node is registered at genesis");
		assert_eq!((genesis.active_from, genesis.bond), (0, GENESIS_NODE_BOND));
		assert_eq!(genesis.config.models.to_vec(), vec![0]);
		let (model, _) = register_digits_model();
		let (input, output) = fixture_values();
		let price = InferenceMarket::quote(model).expect("priced");

		// Epoch 0: Alice serves the copy (instead of model 0) from epoch 1, bonding 1,000 UNIT
		// more for the copy's slot (until then she holds both); Eve stakes 2,000 UNIT with
		// Alice (bond 2,000), earning from epoch 1; Dave registers a node for the model.
		let bond_extra = StakingCall::bond_extra { amount: MinBond::get() };
		assert_eq!(apply(Alice, staking(bond_extra)).0, Ok(()));
		let units = digits_units();
		let models = BoundedVec::truncate_from(vec![model]);
		let update = StakingCall::update_node {
			models,
			capacity: 1_000_000,
			throughput: units,
			commission: Perbill::zero(),
		};
		assert_eq!(apply(Alice, staking(update)).0, Ok(()));
		assert_eq!(
			apply(
				Eve,
				staking(StakingCall::join_pool { operator: alice.clone(), amount: 2_000 * UNIT })
			)
			.0,
			Ok(())
		);
		let models = BoundedVec::truncate_from(vec![model]);
		let register = StakingCall::register_node {
			models,
			capacity: 100_000,
			throughput: units,
			commission: Perbill::zero(),
			bond: MinBond::get(),
		};
		assert_eq!(apply(Dave, staking(register)).0, Ok(()));
		assert_eq!(
			pallet_node_staking::Nodes::<Runtime>::get(&dave).map(|n| n.active_from),
			Some(1)
		);
		assert_eq!(NodeStaking::remaining_capacity(&dave), 0);
		check_invariants();

		// Epoch 1: Alice and Dave serve the copy. Alice unregisters (she serves to the end of
		// epoch 1). Job 0 goes to Alice, who proves it with the committed fixture: the node's
		// 80 % is shared by the stake in force, bond 2,000 : pool 2,000 (no commission).
		run_to_epoch(1);
		let emission = <Runtime as pallet_node_staking::Config>::EpochEmission::get();
		// Epoch 0's emission went to the stake that earned in it: Alice's genesis bond alone.
		assert_eq!(NodeStaking::claimable_rewards(eve.clone()), 0);
		assert_eq!(NodeStaking::claimable_rewards(alice.clone()), emission);
		assert_eq!(apply(Alice, staking(StakingCall::unregister_node {})).0, Ok(()));
		assert_eq!(apply(Bob, submit_call(model, &input, price)).0, Ok(()));
		common::run_to_block(EpochLength::get() + 1);
		assert_eq!(assigned_node(0), Some(alice.clone()));
		let job_proof = zkinfer_verifier_host::fixture::halo2_job0_alice_proof();
		assert_eq!(apply(Alice, result_call(0, &output, &job_proof)).0, Ok(()));
		let node_share = price * 80 / 100;
		assert_eq!(NodeStaking::claimable_rewards(eve.clone()), node_share / 2);
		check_invariants();

		// Epoch 2: Dave serves the model, Alice no longer does; epoch 1's emission is shared
		// by the stake of both nodes (Alice 4,000 UNIT with her pool, Dave 1,000).
		run_to_epoch(2);
		assert_eq!(NodeStaking::serving_nodes(model, 64), vec![dave.clone()]);
		let alices = emission * 4 / 5;
		assert_eq!(NodeStaking::claimable_rewards(eve.clone()), node_share / 2 + alices / 2);
		let before = Balances::balance(&eve);
		let (claimed, fee) = apply(Eve, staking(StakingCall::claim_rewards {}));
		assert_eq!(claimed, Ok(()));
		assert_eq!(Balances::balance(&eve), before - fee + node_share / 2 + alices / 2);

		// Ferdie stakes 9,000 UNIT with Dave; job 1 goes to Dave, who misses its deadline (1 %),
		// and is also reported unavailable twice (5 % each): 11 % of 10,000 UNIT.
		assert_eq!(
			apply(
				Ferdie,
				staking(StakingCall::join_pool { operator: dave.clone(), amount: 9_000 * UNIT })
			)
			.0,
			Ok(())
		);
		assert_eq!(apply(Bob, submit_call(model, &input, price)).0, Ok(()));
		common::run_to_block(2 * EpochLength::get() + 2);
		assert_eq!(assigned_node(1), Some(dave.clone()));
		let deadline = match InferenceMarket::job(1).map(|j| j.status) {
			Some(pallet_inference_market::JobStatus::Assigned { deadline, .. }) => deadline,
			other => panic!("job 1 is assigned: {other:?}"),
		};
		common::run_to_block(deadline);
		<NodeStaking as ComputeNodes<_, _>>::report_offence(&dave, NodeOffence::Unavailable);
		<NodeStaking as ComputeNodes<_, _>>::report_offence(&dave, NodeOffence::Unavailable);
		assert_eq!(
			pallet_node_staking::UnappliedSlashes::<Runtime>::get(2, &dave).map(|s| s.fraction),
			Some(Perbill::from_percent(11))
		);
		// No stake joins Dave's pool while the slash is pending.
		assert_eq!(
			apply(
				Eve,
				staking(StakingCall::join_pool { operator: dave.clone(), amount: 1_000 * UNIT })
			)
			.0,
			Err(pallet_node_staking::Error::<Runtime>::SlashPending.into())
		);
		check_invariants();
		// Ferdie leaves in epoch 3, after the offences: his unbonding stake stays slashable.
		run_to_epoch(3);
		assert_eq!(apply(Ferdie, staking(StakingCall::leave_pool {})).0, Ok(()));
		// Epoch 4 applies it: 1,100 UNIT, Dave's 1,000 bond first, then 100 from Ferdie.
		run_to_epoch(4);
		assert_eq!(pallet_node_staking::Nodes::<Runtime>::get(&dave).map(|n| n.bond), Some(0));
		let bucket = pallet_node_staking::PoolUnbonding::<Runtime>::get(&dave, 3)
			.expect("Ferdie's stake unbonds");
		assert_eq!(bucket.balance, 8_900 * UNIT);
		// A bond below the minimum deactivated Dave's node.
		assert_eq!(NodeStaking::remaining_capacity(&dave), 0);
		check_invariants();

		// Ferdie's stake comes back after the unbonding period, not before.
		let unlock = 3 + UnbondingEpochs::get();
		run_to_epoch(unlock - 1);
		let (early, _) = apply(Ferdie, staking(StakingCall::withdraw_unbonded {}));
		assert_eq!(early, Err(pallet_node_staking::Error::<Runtime>::NothingToWithdraw.into()));
		run_to_epoch(unlock);
		let before = Balances::balance(&ferdie);
		let (withdrawn, fee) = apply(Ferdie, staking(StakingCall::withdraw_unbonded {}));
		assert_eq!(withdrawn, Ok(()));
		assert_eq!(Balances::balance(&ferdie), before - fee + 8_900 * UNIT);
		check_invariants();
	});
}
