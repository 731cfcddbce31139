//! Economic attacks on the market and node staking in the real runtime, with real proofs.
//!
//! Self-dealing for emission: on the four-validator network (each validator runs a node of
//! 1,000 UNIT bond), Alice registers a copy of the demo model (its compute units are its key's,
//! whatever she would like them to be), serves it with her node, sends herself a job on it and
//! proves it with the committed fixture (a real halo2 proof made for job 0 and Alice), then
//! claims her rewards. The same run without the job is the baseline. The attack leaves her
//! poorer than the baseline (the protocol's share of the fee and the transaction fees are
//! gone), her emission and every other node's are exactly the baseline's.

mod common;

use common::market::*;
use frame_support::{
	traits::{fungible::Inspect, Get},
	BoundedVec,
};
use sp_core::H256;
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Dave};
use sp_runtime::{traits::Header as _, Perbill};
use zkinfer_primitives::{ModelRegistry as _, ProofSystem};
use zkinfer_runtime::{
	genesis_config_presets::DEMO_MODEL_INPUT_DOMAIN, Balances, Executive, Header, InferenceMarket,
	ModelRegistry, NodeStaking, Runtime, RuntimeCall, System,
};

type EpochLength = <Runtime as pallet_node_staking::Config>::EpochLength;

fn run_to_epoch(epoch: u32) {
	common::run_to_block(epoch * EpochLength::get());
	assert_eq!(NodeStaking::current_epoch(), epoch);
}

/// What one run leaves: Alice's total balance (free and held), the emission she claimed, and
/// what the other nodes can claim.
#[derive(Debug, PartialEq, Eq)]
struct Outcome {
	alice_total: u128,
	alice_emission: u128,
	others: Vec<u128>,
	/// The governed emission per epoch.
	emission: u128,
}

/// Alice registers a copy of the demo model and serves it from epoch 1; with `self_dealing`
/// she sends herself one job on it in epoch 1 and proves it. Everyone's state at the start of
/// epoch 3.
fn run(self_dealing: bool) -> Outcome {
	let mut outcome = None;
	common::new_test_ext("local_testnet").execute_with(|| {
		let header = Header::new(
			2,
			Default::default(),
			Default::default(),
			System::parent_hash(),
			Default::default(),
		);
		Executive::initialize_block(&header);
		let alice = Alice.to_account_id();
		let start = Balances::total_balance(&alice);

		// The copy: the same key, the same shapes. Compute units are not part of the spec.
		let vk = register_digits_key();
		let spec = pallet_model_registry::ModelSpec {
			metadata: BoundedVec::truncate_from(br#"{"name":"digits_mlp (copy)"}"#.to_vec()),
			input_shape: BoundedVec::truncate_from(vec![1, 64]),
			input_scale: 6,
			output_shape: BoundedVec::truncate_from(vec![1, 10]),
			output_scale: 6,
			input_domain: DEMO_MODEL_INPUT_DOMAIN,
			proof_system: ProofSystem::Halo2Kzg,
			vk,
			artifact: H256::repeat_byte(0xc0),
		};
		let register =
			RuntimeCall::ModelRegistry(pallet_model_registry::Call::register_model { spec });
		assert_eq!(apply(Alice, register).0, Ok(()));
		let copy = pallet_model_registry::NextModelId::<Runtime>::get() - 1;
		// It costs what its circuit costs: the demo model's units.
		assert_eq!(
			ModelRegistry::terms(copy).map(|t| t.compute_units),
			ModelRegistry::terms(0).map(|t| t.compute_units)
		);
		let units = digits_units();
		// Until the update takes effect Alice holds slots for model 0 and the copy: she bonds
		// for both.
		let amount = <Runtime as pallet_node_staking::Config>::MinBond::get();
		let bond_extra = RuntimeCall::NodeStaking(pallet_node_staking::Call::bond_extra { amount });
		assert_eq!(apply(Alice, bond_extra).0, Ok(()));
		let update = RuntimeCall::NodeStaking(pallet_node_staking::Call::update_node {
			models: BoundedVec::truncate_from(vec![copy]),
			capacity: 1_000_000,
			throughput: units,
			commission: Perbill::zero(),
		});
		assert_eq!(apply(Alice, update).0, Ok(()));
		run_to_epoch(1);

		if self_dealing {
			let (input, output) = fixture_values();
			let price = InferenceMarket::quote(copy).expect("priced");
			assert_eq!(apply(Alice, submit_call(copy, &input, price)).0, Ok(()));
			common::run_to_block(System::block_number() + 1);
			// Only Alice serves the copy: the job (job 0) is hers.
			assert!(matches!(
				InferenceMarket::job(0).map(|j| j.status),
				Some(pallet_inference_market::JobStatus::Assigned { node, .. }) if node == alice
			));
			let proof = zkinfer_verifier_host::fixture::halo2_job0_alice_proof();
			assert_eq!(apply(Alice, result_call(0, &output, &proof)).0, Ok(()));
			// Her job record's deposit comes back; the usage record's stays held while the
			// model is stored (it is counted in her total balance).
			assert_eq!(
				apply(
					Alice,
					RuntimeCall::InferenceMarket(pallet_inference_market::Call::remove_job {
						job: 0
					})
				)
				.0,
				Ok(())
			);
		}
		check_invariants();

		run_to_epoch(3);
		let emission_before = NodeStaking::claimable_rewards(alice.clone());
		let (claimed, _) =
			apply(Alice, RuntimeCall::NodeStaking(pallet_node_staking::Call::claim_rewards {}));
		assert_eq!(claimed, Ok(()));
		let node_share = if self_dealing {
			let price = InferenceMarket::quote(copy).expect("priced");
			price * 80 / 100
		} else {
			0
		};
		check_invariants();
		let others = [Bob, Charlie, Dave]
			.map(|who: Sr25519Keyring| NodeStaking::claimable_rewards(who.to_account_id()))
			.to_vec();
		let alice_total = Balances::total_balance(&alice);
		assert!(start > 0);
		let emission = <Runtime as pallet_node_staking::Config>::EpochEmission::get();
		outcome = Some(Outcome {
			alice_total,
			alice_emission: emission_before - node_share,
			others,
			emission,
		});
	});
	outcome.expect("the run completed")
}

#[test]
fn sending_jobs_to_ones_own_model_and_node_earns_no_emission_and_costs_the_attacker() {
	let baseline = run(false);
	let attack = run(true);
	let emission = baseline.emission;
	// Three finished epochs of emission: epoch 0 shared by four equal nodes, epochs 1 and 2 by
	// stake, Alice's bond (doubled in epoch 0 for the copy's slot) 2 : 1 : 1 : 1.
	assert_eq!(baseline.alice_emission, emission / 4 + 2 * (emission * 2 / 5));
	assert_eq!(baseline.others, vec![emission / 4 + 2 * (emission / 5); 3]);
	// The job changes nobody's emission...
	assert_eq!(attack.alice_emission, baseline.alice_emission);
	assert_eq!(attack.others, baseline.others);
	// ...and leaves the attacker poorer than not attacking: the protocol's 5 % of the price
	// and two transaction fees are gone.
	assert!(attack.alice_total < baseline.alice_total, "{attack:?} vs {baseline:?}");
}
