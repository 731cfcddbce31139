//! The market in the real runtime, through signed extrinsics: a model registered with the
//! prover worker's digits MLP key, a job assigned to the development validator Alice and
//! settled with a real halo2 proof made for that job (the committed fixture proved for job 0
//! and Alice), paid as priced; a wrong node, a tampered proof, a proof replayed for another
//! job and a missed deadline each behave as specified; the pallets' invariants hold after
//! every step.

mod common;

use common::market::*;

use frame_support::{
	traits::{fungible::Inspect, Get},
	weights::Weight,
	BoundedVec,
};
use sp_core::H256;
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie};
use sp_runtime::{AccountId32, DispatchError};
use zkinfer_primitives::{job_binding, ProofSystem};
use zkinfer_runtime::{
	configs::{
		market::{QueueTimeout, MAX_TENSOR_VALUES},
		treasury::TreasuryAccount,
		verification::Halo2Instance,
	},
	Balances, InferenceMarket, NodeStaking, Runtime, RuntimeCall, System,
};
use zkinfer_verifier_host::fixture::halo2_fixture;
use zkinfer_verifier_primitives::{statement_hash, VerifyError};

type MarketEvent = pallet_inference_market::Event<Runtime>;
type MarketError = pallet_inference_market::Error<Runtime>;
type Halo2Error = pallet_proof_verifier::Error<Runtime, Halo2Instance>;

/// Whether `error` is the halo2 verifier's `ProofRejected`, whatever the nested reason.
fn is_proof_rejection(error: &DispatchError) -> bool {
	let DispatchError::Module(expected) =
		DispatchError::from(Halo2Error::ProofRejected(VerifyError::VerificationFailed))
	else {
		unreachable!("pallet errors are module errors")
	};
	matches!(error, DispatchError::Module(m) if m.index == expected.index && m.error[0] == expected.error[0])
}

fn next_block() {
	common::run_to_block(System::block_number() + 1);
}

/// The fees in escrow for `who`'s open jobs; checks that the escrow account holds exactly
/// every open job's fee on top of its existential deposit.
fn fee_held(who: &AccountId32) -> u128 {
	let open: Vec<_> = pallet_inference_market::Jobs::<Runtime>::iter_values()
		.filter(|job| job.is_open())
		.collect();
	let total: u128 = open.iter().map(|job| job.fee).sum();
	assert_eq!(
		Balances::balance(&InferenceMarket::escrow_account()),
		<<Runtime as pallet_balances::Config>::ExistentialDeposit as Get<u128>>::get() + total,
		"the escrow account holds exactly the open jobs' fees"
	);
	open.iter().filter(|job| &job.requester == who).map(|job| job.fee).sum()
}

#[test]
fn a_digits_job_is_assigned_to_alice_settled_with_a_real_proof_and_paid_as_priced() {
	common::in_a_block(|| {
		let fixture = halo2_fixture();
		let job_proof = zkinfer_verifier_host::fixture::halo2_job0_alice_proof();
		let (input, output) = fixture_values();
		let (model, vk) = register_digits_model();
		serve_with_alice(model);
		let price = InferenceMarket::quote(model).expect("the model takes jobs");
		assert_eq!(
			price,
			digits_units() as u128 * <Runtime as pallet_inference_market::Config>::UnitPrice::get()
		);
		let (alice, bob, charlie) =
			(Alice.to_account_id(), Bob.to_account_id(), Charlie.to_account_id());

		// Bob submits job 0 and job 1; the next block assigns both to Alice, the only validator.
		assert_eq!(
			apply(Bob, submit_call(model, &input, price - 1)).0,
			Err(MarketError::PriceAboveMaxFee.into())
		);
		assert_eq!(
			apply(Bob, submit_call(model, &input[..63], price)).0,
			Err(MarketError::InputLength.into())
		);
		// A pixel no circuit of the model can take is refused before anything is held.
		let mut bright = input.clone();
		bright[17] = 1 << 20;
		assert_eq!(
			apply(Bob, submit_call(model, &bright, price)).0,
			Err(MarketError::InputOutOfDomain { index: 17 }.into())
		);
		assert_eq!(apply(Bob, submit_call(model, &input, price)).0, Ok(()));
		assert_eq!(apply(Bob, submit_call(model, &input, price)).0, Ok(()));
		assert_eq!(fee_held(&bob), 2 * price);
		next_block();
		assert_eq!(InferenceMarket::jobs_assigned_to(alice.clone()), vec![0, 1]);
		check_invariants();

		// The fixture was proved for job 0's binding with Alice: what the runtime computes.
		let binding = job_binding(0, alice.as_ref());
		let mut public_inputs = fixture.public_inputs.clone();
		public_inputs[0] = binding;
		assert_eq!(InferenceMarket::public_inputs(0, &alice, &input, &output), public_inputs);

		// Bob is not the assigned node.
		assert_eq!(
			apply(Bob, result_call(0, &output, &job_proof)).0,
			Err(MarketError::NotAssignedNode.into())
		);
		// Job 0's proof replayed for job 1 (also Alice's): the binding differs.
		assert_eq!(
			apply(Alice, result_call(1, &output, &job_proof)).0,
			Err(Halo2Error::ProofRejected(VerifyError::VerificationFailed).into())
		);
		// A proof with one byte flipped.
		let mut tampered = job_proof.clone();
		tampered[100] ^= 1;
		let refused = apply(Alice, result_call(0, &output, &tampered)).0.expect_err("refused");
		assert!(is_proof_rejection(&refused), "{refused:?}");
		// The right proof of another output (the last logit one higher).
		let mut other = output.clone();
		*other.last_mut().unwrap() += 1;
		assert_eq!(
			apply(Alice, result_call(0, &other, &job_proof)).0,
			Err(Halo2Error::ProofRejected(VerifyError::VerificationFailed).into())
		);
		// The proof for binding 42 (not this job's).
		assert_eq!(
			apply(Alice, result_call(0, &output, &fixture.proof)).0,
			Err(Halo2Error::ProofRejected(VerifyError::VerificationFailed).into())
		);
		// Nothing moved: both fees still in escrow.
		assert_eq!(fee_held(&bob), 2 * price);
		check_invariants();

		// The right proof settles job 0 and pays node, owner and treasury as priced; the node's
		// share goes to node staking's reward pot, from which Alice (no pool members) claims it.
		let pot = NodeStaking::account();
		let before = [&alice, &charlie, &TreasuryAccount::get(), &pot].map(Balances::balance);
		let (outcome, tx_fee) = apply(Alice, result_call(0, &output, &job_proof));
		assert_eq!(outcome, Ok(()));
		let node_share = price * 80 / 100;
		let owner_share = price * 15 / 100;
		let protocol_share = price - node_share - owner_share;
		assert_eq!(Balances::balance(&alice), before[0] - tx_fee);
		// Bringing Alice's node up to date before sharing the fee also minted her emission of
		// epoch 0 (her bond alone served then) into the pot.
		let emission = <Runtime as pallet_node_staking::Config>::EpochEmission::get();
		assert_eq!(Balances::balance(&pot), before[3] + node_share + emission);
		assert_eq!(NodeStaking::claimable_rewards(alice.clone()), node_share + emission);
		assert_eq!(Balances::balance(&charlie), before[1] + owner_share);
		assert_eq!(Balances::balance(&TreasuryAccount::get()), before[2] + protocol_share);
		assert_eq!(fee_held(&bob), price);
		let statement = statement_hash(&vk, &public_inputs);
		assert!(market_events().contains(&MarketEvent::InferenceVerified {
			job: 0,
			model,
			node: alice.clone(),
			output: BoundedVec::truncate_from(output.clone()),
			statement,
			payout: pallet_inference_market::Payout {
				node: node_share,
				owner: owner_share,
				protocol: protocol_share,
			},
		}));
		assert!(matches!(
			InferenceMarket::job(0).map(|job| job.status),
			Some(pallet_inference_market::JobStatus::Fulfilled { output: ref o, .. }) if o.to_vec() == output
		));
		// Settled exactly once.
		assert_eq!(
			apply(Alice, result_call(0, &output, &job_proof)).0,
			Err(MarketError::NotAssigned.into())
		);
		assert_eq!(pallet_model_registry::Usage::<Runtime>::get(model).inferences, 1);
		assert_eq!(InferenceMarket::jobs_assigned_to(alice.clone()), vec![1]);
		let before_claim = Balances::balance(&alice);
		let (claimed, claim_fee) =
			apply(Alice, RuntimeCall::NodeStaking(pallet_node_staking::Call::claim_rewards {}));
		assert_eq!(claimed, Ok(()));
		assert_eq!(Balances::balance(&alice), before_claim - claim_fee + node_share + emission);
		check_invariants();

		// Job 1 is never proved: at its deadline Alice is reported and the job re-queued,
		// but Alice is the only node and is not given it again; after the queue timeout the
		// fee goes back to Bob.
		let deadline = match InferenceMarket::job(1).map(|j| j.status) {
			Some(pallet_inference_market::JobStatus::Assigned { deadline, .. }) => deadline,
			other => panic!("job 1 is assigned: {other:?}"),
		};
		common::run_to_block(deadline);
		assert!(market_events().contains(&MarketEvent::JobExpired {
			job: 1,
			node: alice.clone(),
			requeued: true
		}));
		// Staking recorded the missed deadline for a slash two epochs on.
		let epoch = NodeStaking::current_epoch();
		assert_eq!(
			pallet_node_staking::UnappliedSlashes::<Runtime>::get(epoch, &alice)
				.map(|s| s.offences),
			Some(1)
		);
		assert!(InferenceMarket::jobs_assigned_to(alice.clone()).is_empty());
		check_invariants();
		common::run_to_block(deadline + QueueTimeout::get());
		assert!(matches!(
			InferenceMarket::job(1).map(|j| j.status),
			Some(pallet_inference_market::JobStatus::Refunded {
				reason: pallet_inference_market::RefundReason::QueueTimeout,
				..
			})
		));
		assert_eq!(fee_held(&bob), 0);
		check_invariants();
	});
}

#[test]
fn a_model_whose_shapes_do_not_match_its_key_is_refused() {
	common::in_a_block(|| {
		let vk = register_digits_key();
		let spec = pallet_model_registry::ModelSpec {
			metadata: BoundedVec::new(),
			input_shape: BoundedVec::truncate_from(vec![8, 8]),
			input_scale: 5,
			output_shape: BoundedVec::truncate_from(vec![9]),
			output_scale: 5,
			input_domain: zkinfer_runtime::genesis_config_presets::DEMO_MODEL_INPUT_DOMAIN,
			proof_system: ProofSystem::Halo2Kzg,
			vk,
			artifact: H256::zero(),
		};
		let call = RuntimeCall::ModelRegistry(pallet_model_registry::Call::register_model { spec });
		assert_eq!(
			apply(Charlie, call).0,
			Err(pallet_model_registry::Error::<Runtime>::ShapeMismatch.into())
		);
	});
}

#[test]
fn the_largest_settlement_and_the_busiest_hook_fit_a_block() {
	// A full `submit_results` call is one batch verification per model at most.
	assert!(
		<<Runtime as pallet_inference_market::Config>::MaxBatchResults as Get<u32>>::get()
			<= <<Runtime as pallet_proof_verifier::Config<Halo2Instance>>::MaxBatchProofs as Get<
				u32,
			>>::get()
	);
	let limits = zkinfer_runtime::configs::RuntimeBlockWeights::get();
	let normal = limits
		.get(frame_support::dispatch::DispatchClass::Normal)
		.max_extrinsic
		.expect("normal extrinsics are limited");
	let settlement = InferenceMarket::max_submit_result_weight(MAX_TENSOR_VALUES);
	assert!(settlement.all_lte(normal), "{settlement:?} > {normal:?}");
	let busiest = InferenceMarket::block_weight(pallet_inference_market::assignment::BlockWork {
		expired: 32,
		scanned: 32,
	});
	// The hook may take at most a tenth of the block.
	assert!(busiest.ref_time() * 10 <= limits.max_block.ref_time(), "{busiest:?}");
}

/// A batch of real proofs (issue: batched settlement): three results of Alice's jobs with
/// their own proofs and a fourth whose proof was made for another job (job 0's, replayed for
/// job 3: its binding differs). The three settle with one verification call, the forged one
/// is refused with the verifier's error and its fee stays in escrow; the job stays Alice's.
#[test]
fn a_batch_of_real_proofs_settles_the_valid_ones_and_refuses_the_forged_one() {
	common::in_a_block(|| {
		let (input, output) = fixture_values();
		let (model, _) = register_digits_model();
		serve_with_alice(model);
		let price = InferenceMarket::quote(model).expect("the model takes jobs");
		let (alice, bob, charlie) =
			(Alice.to_account_id(), Bob.to_account_id(), Charlie.to_account_id());
		for _ in 0..4 {
			assert_eq!(apply(Bob, submit_call(model, &input, price)).0, Ok(()));
		}
		next_block();
		assert_eq!(InferenceMarket::jobs_assigned_to(alice.clone()), vec![0, 1, 2, 3]);
		let proof = |job| zkinfer_verifier_host::fixture::halo2_job_alice_proof(job).unwrap();
		let result = |job: u64, proof: Vec<u8>| pallet_inference_market::JobResult {
			job,
			output: BoundedVec::truncate_from(output.clone()),
			proof: BoundedVec::truncate_from(proof),
		};
		let results = vec![
			result(0, proof(0)),
			result(3, proof(0)),
			result(1, proof(1)),
			result(2, proof(2)),
		];
		let call = RuntimeCall::InferenceMarket(pallet_inference_market::Call::submit_results {
			batches: BoundedVec::truncate_from(vec![pallet_inference_market::ModelResults {
				model,
				results: BoundedVec::truncate_from(results),
			}]),
		});
		let before = [&charlie, &TreasuryAccount::get()].map(Balances::balance);
		let (outcome, _) = apply(Alice, call);
		assert_eq!(outcome, Ok(()));

		for job in 0..3 {
			assert!(matches!(
				InferenceMarket::job(job).map(|j| j.status),
				Some(pallet_inference_market::JobStatus::Fulfilled { .. })
			));
		}
		let events = market_events();
		let refusal = events.iter().find_map(|e| match e {
			MarketEvent::ResultRefused { job: 3, error } => Some(*error),
			_ => None,
		});
		assert_eq!(
			refusal,
			Some(Halo2Error::ProofRejected(VerifyError::VerificationFailed).into())
		);
		assert!(matches!(
			InferenceMarket::job(3).map(|j| j.status),
			Some(pallet_inference_market::JobStatus::Assigned { node, .. }) if node == alice
		));
		assert_eq!(fee_held(&bob), price);
		let owner_share = price * 15 / 100;
		let protocol_share = price - price * 80 / 100 - owner_share;
		assert_eq!(Balances::balance(&charlie), before[0] + 3 * owner_share);
		assert_eq!(Balances::balance(&TreasuryAccount::get()), before[1] + 3 * protocol_share);
		assert_eq!(pallet_model_registry::Usage::<Runtime>::get(model).inferences, 3);
		check_invariants();
	});
}

/// What the benchmarked weights allow: how many digits-MLP results one block's normal class
/// settles through `submit_results` transactions of a given size. A transaction is admitted
/// while the block's used weight plus its declared weight (the longest search for bad proofs
/// its verifier may run) fits, and uses what a batch of good proofs costs; the last one may be
/// smaller. The goal, 1,000 per block, is reached with transactions of 512 results (and a
/// smaller last one); the test prints the figures for other sizes.
#[test]
fn digits_results_per_block_by_the_benchmarked_weights() {
	use pallet_inference_market::WeightInfo as _;
	use zkinfer_primitives::{InferenceVerifier, ModelRegistry as _};
	use zkinfer_runtime::ModelRegistry;
	common::in_a_block(|| {
		let limits = zkinfer_runtime::configs::RuntimeBlockWeights::get();
		let normal = limits.get(frame_support::dispatch::DispatchClass::Normal);
		let (max_total, max_extrinsic, base) = (
			normal.max_total.expect("limited"),
			normal.max_extrinsic.expect("limited"),
			normal.base_extrinsic,
		);
		let terms = ModelRegistry::terms(0).expect("the demo model");
		type Verifiers = zkinfer_runtime::configs::market::Verifiers;
		let key = Verifiers::key_info(terms.proof_system, &terms.vk).expect("its key");
		let settlement = |batch: u32| {
			<Runtime as pallet_inference_market::Config>::WeightInfo::submit_results(batch)
				.saturating_add(InferenceMarket::settlement_size_weight(batch, 64, 10))
				.saturating_add(base)
		};
		let declared = |batch: u32| {
			settlement(batch).saturating_add(Verifiers::max_verify_batch_weight(
				terms.proof_system,
				key,
				batch,
			))
		};
		let charged = |batch: u32| {
			settlement(batch).saturating_add(
				pallet_proof_verifier::Pallet::<Runtime, Halo2Instance>::verify_batch_weight(
					key, batch, false,
				),
			)
		};
		// Results settled in one block by transactions of `batch` results.
		let per_block = |batch: u32| {
			let (mut used, mut settled) = (Weight::zero(), 0u32);
			let mut size = batch;
			while size > 0 {
				if used.saturating_add(declared(size)).all_lte(max_total) {
					used = used.saturating_add(charged(size));
					settled += size;
				} else {
					size -= 1;
				}
			}
			settled
		};
		let ms = |w: Weight, n: u32| w.ref_time() as f64 / 1e9 / f64::from(n);
		let mut best = 0;
		for batch in [64, 128, 250, 512] {
			assert!(declared(batch).all_lte(max_extrinsic), "{batch}: {:?}", declared(batch));
			let settled = per_block(batch);
			println!(
				"batches of {batch}: {settled} results per block; per result {:.3} ms charged, \
				 {:.3} ms declared",
				ms(charged(batch), batch),
				ms(declared(batch), batch),
			);
			best = best.max(settled);
		}
		println!("normal class {} ms", max_total.ref_time() / 1_000_000_000);
		assert!(best >= 1000, "{best} digits results per block");
	});
}
