//! Tests of the inference market, with the real model registry and test nodes and proofs.

use crate::{mock::*, pallet::*, Error};

mod batch;
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
	BoundedVec,
};
use zkinfer_primitives::{
	testing::{TestNodes, TestVerifier},
	ComputeNodes, JobId, ModelRegistry as _, NodeOffence,
};

/// The test model's price: 40 units × 10.
const PRICE: Balance = 400;
/// The job deposit: 100 + 3 inputs + 2 outputs.
const DEPOSIT: Balance = 105;

/// The jobs queued for `model`, oldest first.
fn queue_of(model: u32) -> Vec<JobId> {
	Queues::<Test>::get(model).map(|queue| queue.to_vec()).unwrap_or_default()
}

fn input() -> InputOf<Test> {
	BoundedVec::truncate_from(vec![3, -1, 7])
}

fn output() -> OutputOf<Test> {
	BoundedVec::truncate_from(vec![-12, 40])
}

/// The proof the test verifier accepts for job `job`'s `output` by `node`.
fn proof_for(
	job: JobId,
	node: u64,
	output: &[i64],
) -> BoundedVec<u8, frame_support::traits::ConstU32<64>> {
	let record = Jobs::<Test>::get(job).expect("the job is stored");
	let terms = ModelRegistry::terms(record.model).expect("its model is stored");
	let inputs = InferenceMarket::public_inputs(job, &node, &record.input, output);
	BoundedVec::truncate_from(TestVerifier::prove(&terms.vk, &inputs))
}

/// Registers ALICE's model (3 inputs, 2 outputs) served by `nodes` with `capacity` each.
fn market_with(nodes: &[u64], capacity: u64) -> u32 {
	let model = register_model(ALICE, 3, 2);
	for &node in nodes {
		TestNodes::<u64>::add(node, vec![model], capacity);
	}
	model
}

fn submit(who: u64, model: u32) -> JobId {
	assert_ok!(InferenceMarket::submit_inference(
		RuntimeOrigin::signed(who),
		model,
		input(),
		PRICE
	));
	NextJobId::<Test>::get() - 1
}

fn status(job: JobId) -> JobStatus<u64, Balance, u64, frame_support::traits::ConstU32<16>> {
	Jobs::<Test>::get(job).expect("the job is stored").status
}

fn assigned_node(job: JobId) -> Option<u64> {
	match status(job) {
		JobStatus::Assigned { node, .. } => Some(node),
		_ => None,
	}
}

/// The fees in escrow for `who`'s open jobs; checks that the escrow account holds exactly
/// every open job's fee on top of its existential deposit.
fn fee_held(who: u64) -> Balance {
	let open: Vec<_> = Jobs::<Test>::iter_values().filter(|job| job.is_open()).collect();
	let total: Balance = open.iter().map(|job| job.fee).sum();
	assert_eq!(
		Balances::balance(&InferenceMarket::escrow_account()),
		Balances::minimum_balance() + total,
		"the escrow account holds exactly the open jobs' fees"
	);
	open.iter().filter(|job| job.requester == who).map(|job| job.fee).sum()
}

fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| if let RuntimeEvent::InferenceMarket(e) = r.event { Some(e) } else { None })
		.collect()
}

#[docify::export]
#[test]
fn a_job_is_assigned_proved_and_paid_as_priced() {
	run_test(|| {
		let model = market_with(&[NODE_1], 1_000);
		assert_eq!(InferenceMarket::quote(model), Ok(PRICE));
		let (alice, node, treasury) =
			(Balances::balance(&ALICE), Balances::balance(&NODE_1), Balances::balance(&TREASURY));

		// BOB submits: fee and deposit are held, the job is queued.
		let job = submit(BOB, model);
		assert_eq!(fee_held(BOB), PRICE);
		// Its first job on the model also holds its usage record's deposit.
		assert_eq!(Balances::balance(&BOB), ENDOWMENT - PRICE - DEPOSIT - USAGE_DEPOSIT);
		assert_eq!(queue_of(model), vec![job]);

		// The next block assigns it to the only node, with a deadline.
		run_to_block(2);
		assert_eq!(status(job), JobStatus::Assigned { node: NODE_1, deadline: 2 + DEADLINE });
		assert_eq!(InferenceMarket::jobs_assigned_to(NODE_1), vec![job]);
		assert_eq!(
			<TestNodes<u64> as ComputeNodes<u64, Balance>>::remaining_capacity(&NODE_1),
			1_000 - UNITS
		);

		// The node proves and is paid; the output is stored.
		let proof = proof_for(job, NODE_1, &output());
		assert_ok!(InferenceMarket::submit_result(
			RuntimeOrigin::signed(NODE_1),
			job,
			output(),
			proof
		));
		let payout = Payout { node: 320, owner: 60, protocol: 20 };
		assert!(matches!(
			status(job),
			JobStatus::Fulfilled { node: NODE_1, ref output, payout: p, .. } if *output == self::output() && p == payout
		));
		assert_eq!(Balances::balance(&NODE_1), node + 320);
		// Staking learns of the verified work and the fee paid for it.
		assert_eq!(TestNodes::<u64>::work(), vec![(NODE_1, 320)]);
		assert_eq!(Balances::balance(&ALICE), alice + 60);
		assert_eq!(Balances::balance(&TREASURY), treasury + 20);
		assert_eq!(fee_held(BOB), 0);
		assert_eq!(Balances::balance(&BOB), ENDOWMENT - PRICE - DEPOSIT - USAGE_DEPOSIT);
		assert!(InferenceMarket::jobs_assigned_to(NODE_1).is_empty());
		assert!(matches!(
			events().last(),
			Some(Event::InferenceVerified { job: 0, model: 0, node: NODE_1, output, payout: p, .. })
				if *output == self::output() && *p == payout
		));
		assert_eq!(pallet_model_registry::Usage::<Test>::get(model).inferences, 1);
		assert_eq!(ModelRegistry::open_jobs(model), 0);

		// The requester removes the record and gets the deposit back.
		assert_ok!(InferenceMarket::remove_job(RuntimeOrigin::signed(BOB), job));
		assert_eq!(Balances::balance(&BOB), ENDOWMENT - PRICE - USAGE_DEPOSIT);
		assert!(Jobs::<Test>::get(job).is_none());
	});
}

/// A node's `submit_result` is charged what its own job costs: the settlement of that job's
/// input and output and the verification under that model's key, with the three reads that
/// find them; not the largest input and dearest key of any model (which made every result pay
/// several times its cost and capped a block at a few dozen). A call for a job that does not
/// exist fails at its first read and is charged no verification.
#[test]
fn submit_result_is_charged_for_its_own_job_and_key() {
	use frame_support::dispatch::GetDispatchInfo;
	use frame_support::traits::Get;
	use sp_runtime::traits::Dispatchable;
	use zkinfer_primitives::InferenceVerifier;
	run_test(|| {
		let model = market_with(&[NODE_1], 1_000);
		let job = submit(BOB, model);
		run_to_block(2);
		let charged = |job| {
			RuntimeCall::InferenceMarket(crate::Call::submit_result {
				job,
				output: output(),
				proof: proof_for(0, NODE_1, &output()),
			})
			.get_dispatch_info()
			.call_weight
		};
		let terms = ModelRegistry::terms(model).expect("the model is stored");
		let key = TestVerifier::key_info(terms.proof_system, &terms.vk).expect("its key");
		let reads = <<Test as frame_system::Config>::DbWeight as Get<
			frame_support::weights::RuntimeDbWeight,
		>>::get()
		.reads(3);
		let settlement = <<Test as Config>::WeightInfo as crate::WeightInfo>::submit_result;
		assert_eq!(
			charged(job),
			settlement(3, 2) + TestVerifier::verify_weight(terms.proof_system, key) + reads
		);
		assert!(charged(job).ref_time() < InferenceMarket::max_submit_result_weight(2).ref_time());
		assert_eq!(charged(job + 1), settlement(0, 2) + reads);

		// What was charged is what it cost: the call settles and reports no other weight.
		let info = charged(job);
		let result = RuntimeCall::InferenceMarket(crate::Call::submit_result {
			job,
			output: output(),
			proof: proof_for(job, NODE_1, &output()),
		})
		.dispatch(RuntimeOrigin::signed(NODE_1));
		assert_eq!(result.map(|post| post.actual_weight), Ok(None));
		assert!(matches!(status(job), JobStatus::Fulfilled { .. }));
		// Settled, the job still exists, so a replay is charged (and refused) in full.
		assert_eq!(charged(job), info);
	});
}

#[test]
fn submissions_are_checked_before_anything_is_held() {
	run_test(|| {
		let model = market_with(&[NODE_1], 1_000);
		let signed = RuntimeOrigin::signed;
		assert_noop!(
			InferenceMarket::submit_inference(signed(BOB), model, input(), PRICE - 1),
			Error::<Test>::PriceAboveMaxFee
		);
		assert_noop!(
			InferenceMarket::submit_inference(
				signed(BOB),
				model,
				BoundedVec::truncate_from(vec![1, 2]),
				PRICE
			),
			Error::<Test>::InputLength
		);
		assert_noop!(
			InferenceMarket::submit_inference(signed(BOB), 9, input(), PRICE),
			pallet_model_registry::Error::<Test>::UnknownModel
		);
		// PAUPER has 300: less than the fee.
		assert!(InferenceMarket::submit_inference(signed(PAUPER), model, input(), PRICE).is_err());
		assert_eq!(Balances::balance(&PAUPER), 300);
		assert!(queue_of(model).is_empty());
		assert_eq!(NextJobId::<Test>::get(), 0);
		// A retired model takes no new jobs.
		assert_ok!(ModelRegistry::retire_model(signed(ALICE), model));
		assert_eq!(
			InferenceMarket::quote(model),
			Err(pallet_model_registry::Error::<Test>::UnknownModel.into())
		);
	});
}

#[test]
fn a_retired_model_with_open_jobs_refuses_new_ones_and_settles_the_open_ones() {
	run_test(|| {
		let model = market_with(&[NODE_1], 1_000);
		let job = submit(BOB, model);
		assert_ok!(ModelRegistry::retire_model(RuntimeOrigin::signed(ALICE), model));
		assert_noop!(
			InferenceMarket::submit_inference(RuntimeOrigin::signed(BOB), model, input(), PRICE),
			Error::<Test>::ModelNotAcceptingJobs
		);
		assert_eq!(InferenceMarket::quote(model), Err(Error::<Test>::ModelNotAcceptingJobs.into()));
		run_to_block(2);
		let proof = proof_for(job, NODE_1, &output());
		assert_ok!(InferenceMarket::submit_result(
			RuntimeOrigin::signed(NODE_1),
			job,
			output(),
			proof
		));
		// The last open job closed: the model is gone and its deposit released.
		assert!(pallet_model_registry::Models::<Test>::get(model).is_none());
		assert_eq!(
			Balances::balance_on_hold(
				&pallet_model_registry::HoldReason::ModelDeposit.into(),
				&ALICE
			),
			0
		);
	});
}

#[test]
fn a_full_queue_refuses_new_jobs() {
	run_test(|| {
		let model = market_with(&[], 0);
		for _ in 0..QUEUE_LEN {
			submit(BOB, model);
		}
		assert_noop!(
			InferenceMarket::submit_inference(RuntimeOrigin::signed(BOB), model, input(), PRICE),
			Error::<Test>::QueueFull
		);
	});
}

#[test]
fn only_the_requester_cancels_and_only_while_queued() {
	run_test(|| {
		let model = market_with(&[], 0);
		let job = submit(BOB, model);
		assert_noop!(
			InferenceMarket::cancel(RuntimeOrigin::signed(ALICE), job),
			Error::<Test>::NotRequester
		);
		assert_noop!(
			InferenceMarket::cancel(RuntimeOrigin::signed(BOB), 5),
			Error::<Test>::UnknownJob
		);
		assert_ok!(InferenceMarket::cancel(RuntimeOrigin::signed(BOB), job));
		assert_eq!(status(job), JobStatus::Cancelled { amount: PRICE, at: 1 });
		assert_eq!(fee_held(BOB), 0);
		assert!(queue_of(model).is_empty());
		assert_eq!(
			events().last(),
			Some(&Event::JobCancelled { job, requester: BOB, amount: PRICE })
		);
		assert_noop!(
			InferenceMarket::cancel(RuntimeOrigin::signed(BOB), job),
			Error::<Test>::NotQueued
		);

		TestNodes::<u64>::add(NODE_1, vec![model], 1_000);
		let assigned = submit(BOB, model);
		run_to_block(2);
		assert_noop!(
			InferenceMarket::cancel(RuntimeOrigin::signed(BOB), assigned),
			Error::<Test>::NotQueued
		);
		// An open job cannot be removed; a finished one can.
		assert_noop!(
			InferenceMarket::remove_job(RuntimeOrigin::signed(BOB), assigned),
			Error::<Test>::JobStillOpen
		);
		assert_noop!(
			InferenceMarket::remove_job(RuntimeOrigin::signed(ALICE), job),
			Error::<Test>::NotRequester
		);
		assert_ok!(InferenceMarket::remove_job(RuntimeOrigin::signed(BOB), job));
	});
}

#[test]
fn wrong_results_move_nothing() {
	run_test(|| {
		let model = market_with(&[NODE_1, NODE_2], 1_000);
		let job = submit(BOB, model);
		let other = submit(BOB, model);
		run_to_block(2);
		assert_eq!((assigned_node(job), assigned_node(other)), (Some(NODE_1), Some(NODE_2)));
		let proof = proof_for(job, NODE_1, &output());
		let balances = || [BOB, NODE_1, NODE_2, ALICE, TREASURY].map(|a| Balances::balance(&a));
		let before = balances();

		// Another node, even with the right proof.
		assert_noop!(
			InferenceMarket::submit_result(
				RuntimeOrigin::signed(NODE_2),
				job,
				output(),
				proof.clone()
			),
			Error::<Test>::NotAssignedNode
		);
		// The right node, a proof of another output.
		let mut claimed = output();
		claimed[0] += 1;
		assert!(InferenceMarket::submit_result(
			RuntimeOrigin::signed(NODE_1),
			job,
			claimed,
			proof.clone()
		)
		.is_err());
		// A proof made for job 0 replayed for job 1 by its node: the binding differs.
		let replay = proof_for(job, NODE_2, &output());
		assert!(InferenceMarket::submit_result(
			RuntimeOrigin::signed(NODE_2),
			other,
			output(),
			replay
		)
		.is_err());
		// The wrong number of outputs.
		assert_noop!(
			InferenceMarket::submit_result(
				RuntimeOrigin::signed(NODE_1),
				job,
				BoundedVec::truncate_from(vec![1]),
				proof.clone()
			),
			Error::<Test>::OutputLength
		);
		assert_eq!(balances(), before);
		assert_eq!(fee_held(BOB), 2 * PRICE);
		assert_eq!(assigned_node(job), Some(NODE_1));

		// The right one settles, exactly once.
		assert_ok!(InferenceMarket::submit_result(
			RuntimeOrigin::signed(NODE_1),
			job,
			output(),
			proof.clone()
		));
		assert_noop!(
			InferenceMarket::submit_result(RuntimeOrigin::signed(NODE_1), job, output(), proof),
			Error::<Test>::NotAssigned
		);
		assert_eq!(fee_held(BOB), PRICE);
	});
}

#[test]
fn nodes_never_get_more_than_their_capacity() {
	run_test(|| {
		// Room for two jobs this epoch.
		let model = market_with(&[NODE_1], 2 * UNITS + 1);
		let jobs: Vec<_> = (0..3).map(|_| submit(BOB, model)).collect();
		run_to_block(2);
		assert_eq!(
			jobs.iter().map(|&j| assigned_node(j)).collect::<Vec<_>>(),
			vec![Some(NODE_1), Some(NODE_1), None]
		);
		assert_eq!(queue_of(model), vec![jobs[2]]);
		run_to_block(3);
		assert_eq!(assigned_node(jobs[2]), None);
		check_invariants();
		// A new epoch: capacity is back, the waiting job goes out.
		TestNodes::<u64>::new_epoch();
		run_to_block(4);
		assert_eq!(assigned_node(jobs[2]), Some(NODE_1));
	});
}

#[test]
fn assignment_rotates_over_the_eligible_nodes() {
	run_test(|| {
		let model = market_with(&[NODE_1, NODE_2, NODE_3], 1_000);
		// A node serving another model only is never chosen.
		TestNodes::<u64>::add(PAUPER, vec![model + 1], 1_000);
		let jobs: Vec<_> = (0..4).map(|_| submit(BOB, model)).collect();
		run_to_block(2);
		let nodes: Vec<_> = jobs.iter().map(|&j| assigned_node(j).unwrap()).collect();
		assert_eq!(nodes, vec![NODE_1, NODE_2, NODE_3, NODE_1]);
		// The cursor carries over blocks.
		let next = submit(BOB, model);
		run_to_block(3);
		assert_eq!(assigned_node(next), Some(NODE_2));
	});
}

#[test]
fn a_shorter_deadline_never_overfills_a_deadline_list() {
	run_test(|| {
		let model = market_with(&[NODE_1], 1_000);
		let first: Vec<_> = (0..JOBS_PER_BLOCK).map(|_| submit(BOB, model)).collect();
		run_to_block(2);
		assert!(first
			.iter()
			.all(|&j| matches!(status(j), JobStatus::Assigned { deadline: 7, .. })));
		// Governance shortens the deadline by one: block 3's jobs would also be due at 7,
		// whose list is full; they are due one block later instead.
		AssignmentDeadline::set(&(DEADLINE - 1));
		let second: Vec<_> = (0..JOBS_PER_BLOCK).map(|_| submit(BOB, model)).collect();
		run_to_block(3);
		assert!(second
			.iter()
			.all(|&j| matches!(status(j), JobStatus::Assigned { deadline: 8, .. })));
		assert_eq!(Deadlines::<Test>::get(7).len() as u32, JOBS_PER_BLOCK);
		assert_eq!(Deadlines::<Test>::get(8).len() as u32, JOBS_PER_BLOCK);
	});
}

#[test]
fn the_hook_looks_at_a_bounded_number_of_queue_entries_per_block() {
	run_test(|| {
		let model = market_with(&[NODE_1], 1_000);
		let jobs: Vec<_> = (0..6).map(|_| submit(BOB, model)).collect();
		run_to_block(2);
		let assigned = jobs.iter().filter(|&&j| assigned_node(j).is_some()).count();
		assert_eq!(assigned, JOBS_PER_BLOCK as usize);
		run_to_block(3);
		assert!(jobs.iter().all(|&j| assigned_node(j).is_some()));
	});
}

#[test]
fn a_missed_deadline_reassigns_to_another_node_then_refunds() {
	run_test(|| {
		let model = market_with(&[NODE_1, NODE_2], 1_000);
		let job = submit(BOB, model);
		run_to_block(2);
		assert_eq!(assigned_node(job), Some(NODE_1));

		// NODE_1 misses the deadline: reported, and the job goes to NODE_2 in the same block.
		run_to_block(2 + DEADLINE);
		assert_eq!(
			TestNodes::<u64>::offences(),
			vec![(NODE_1, NodeOffence::MissedDeadline { job })]
		);
		assert!(events().contains(&Event::JobExpired { job, node: NODE_1, requeued: true }));
		assert_eq!(assigned_node(job), Some(NODE_2));
		assert!(InferenceMarket::jobs_assigned_to(NODE_1).is_empty());
		// NODE_1 can no longer settle it.
		let late = proof_for(job, NODE_1, &output());
		assert_noop!(
			InferenceMarket::submit_result(RuntimeOrigin::signed(NODE_1), job, output(), late),
			Error::<Test>::NotAssignedNode
		);

		// NODE_2 misses it too: MaxReassignments (1) is used up, the fee goes back.
		run_to_block(2 + 2 * DEADLINE);
		assert_eq!(TestNodes::<u64>::offences().len(), 2);
		assert!(matches!(
			status(job),
			JobStatus::Refunded { reason: RefundReason::DeadlinesMissed, amount: PRICE, .. }
		));
		assert_eq!(fee_held(BOB), 0);
		assert_eq!(Balances::balance(&BOB), ENDOWMENT - DEPOSIT - USAGE_DEPOSIT);
		assert_eq!(ModelRegistry::open_jobs(model), 0);
	});
}

#[test]
fn an_expired_job_never_goes_back_to_a_node_that_missed_it() {
	run_test(|| {
		MaxReassignments::set(&3);
		let model = market_with(&[NODE_1], 1_000);
		let job = submit(BOB, model);
		run_to_block(2);
		run_to_block(2 + DEADLINE);
		// Its only node was late: the job waits in the queue rather than return to it.
		assert!(matches!(status(job), JobStatus::Queued { .. }));
		assert_eq!(Jobs::<Test>::get(job).unwrap().missed_by.to_vec(), vec![NODE_1]);
		TestNodes::<u64>::add(NODE_2, vec![model], 1_000);
		run_to_block(3 + DEADLINE);
		assert_eq!(assigned_node(job), Some(NODE_2));
	});
}

#[test]
fn a_job_no_node_takes_is_refunded_after_the_queue_timeout() {
	run_test(|| {
		let model = market_with(&[], 0);
		let job = submit(BOB, model);
		run_to_block(QUEUE_TIMEOUT);
		assert!(matches!(status(job), JobStatus::Queued { .. }));
		run_to_block(1 + QUEUE_TIMEOUT);
		assert!(matches!(
			status(job),
			JobStatus::Refunded { reason: RefundReason::QueueTimeout, .. }
		));
		assert!(queue_of(model).is_empty());
		assert_eq!(fee_held(BOB), 0);
	});
}

#[test]
fn a_new_unit_price_applies_to_new_jobs_only() {
	run_test(|| {
		let model = market_with(&[NODE_1], 1_000);
		let old = submit(BOB, model);
		UnitPrice::set(&20);
		assert_eq!(InferenceMarket::quote(model), Ok(2 * PRICE));
		assert_noop!(
			InferenceMarket::submit_inference(RuntimeOrigin::signed(BOB), model, input(), PRICE),
			Error::<Test>::PriceAboveMaxFee
		);
		assert_ok!(InferenceMarket::submit_inference(
			RuntimeOrigin::signed(BOB),
			model,
			input(),
			2 * PRICE
		));
		assert_eq!(Jobs::<Test>::get(old).unwrap().fee, PRICE);
		assert_eq!(Jobs::<Test>::get(old + 1).unwrap().fee, 2 * PRICE);
		assert_eq!(fee_held(BOB), 3 * PRICE);
	});
}

#[test]
fn fee_splits_add_up_to_the_fee() {
	new_test_ext().execute_with(|| {
		for fee in [0, 1, 7, 99, 400, 12_345, u64::MAX] {
			let p = InferenceMarket::split_fee(fee);
			assert_eq!(p.node as u128 + p.owner as u128 + p.protocol as u128, fee as u128, "{fee}");
		}
		assert_eq!(InferenceMarket::split_fee(400), Payout { node: 320, owner: 60, protocol: 20 });
	});
}

#[test]
fn the_hook_weight_grows_with_its_work() {
	let small =
		InferenceMarket::block_weight(crate::assignment::BlockWork { expired: 0, scanned: 1 });
	let large =
		InferenceMarket::block_weight(crate::assignment::BlockWork { expired: 4, scanned: 4 });
	assert!(large.ref_time() > small.ref_time());
}

#[test]
fn try_state_notices_escrow_that_does_not_match_the_open_jobs() {
	new_test_ext().execute_with(|| {
		let model = market_with(&[], 0);
		let job = submit(BOB, model);
		assert_ok!(InferenceMarket::do_try_state());
		Jobs::<Test>::mutate(job, |j| j.as_mut().unwrap().fee += 1);
		assert!(InferenceMarket::do_try_state().is_err());
	});
}

#[test]
fn try_state_notices_a_payout_that_differs_from_the_fee() {
	new_test_ext().execute_with(|| {
		let model = market_with(&[NODE_1], 1_000);
		let job = submit(BOB, model);
		run_to_block(2);
		let proof = proof_for(job, NODE_1, &output());
		assert_ok!(InferenceMarket::submit_result(
			RuntimeOrigin::signed(NODE_1),
			job,
			output(),
			proof
		));
		assert_ok!(InferenceMarket::do_try_state());
		Jobs::<Test>::mutate(job, |j| {
			if let JobStatus::Fulfilled { payout, .. } = &mut j.as_mut().unwrap().status {
				payout.protocol += 1;
			}
		});
		assert!(InferenceMarket::do_try_state().is_err());
	});
}

// Attacks on the market and what stops them.

#[test]
fn a_hundred_jobs_with_an_out_of_domain_value_are_refused_at_submission() {
	run_test(|| {
		let model = market_with(&[NODE_1], 1_000_000);
		let balance = Balances::balance(&BOB);
		for value in 0..100i64 {
			// One value just outside the domain (either side), or far outside it.
			let bad = match value % 3 {
				0 => DOMAIN.max + 1,
				1 => DOMAIN.min - 1,
				_ => 1 << (20 + value % 40),
			};
			let position = (value % 3) as usize;
			let mut values = input().to_vec();
			values[position] = bad;
			assert_noop!(
				InferenceMarket::submit_inference(
					RuntimeOrigin::signed(BOB),
					model,
					BoundedVec::truncate_from(values),
					PRICE
				),
				Error::<Test>::InputOutOfDomain { index: position as u16 }
			);
		}
		// Nothing was queued, held, or assigned; the node has nothing to miss.
		assert_eq!(NextJobId::<Test>::get(), 0);
		assert_eq!(Balances::balance(&BOB), balance);
		run_to_block(2 + DEADLINE);
		assert!(TestNodes::<u64>::offences().is_empty());
		// The domain's edges themselves are accepted.
		let edges = BoundedVec::truncate_from(vec![DOMAIN.min, DOMAIN.max, 0]);
		assert_ok!(InferenceMarket::submit_inference(
			RuntimeOrigin::signed(BOB),
			model,
			edges,
			PRICE
		));
	});
}

#[test]
fn a_flood_of_valid_jobs_never_makes_a_node_miss_a_deadline_it_could_meet() {
	run_test(|| {
		// NODE_1 proves one job's units per block and has ample capacity for the epoch: in a
		// deadline window of DEADLINE blocks it can prove DEADLINE jobs, no more.
		let model = market_with(&[NODE_1], 1_000_000);
		TestNodes::<u64>::set_throughput(&NODE_1, UNITS);
		let mut jobs: Vec<JobId> = Vec::new();
		let mut proved = 0;
		for block in 2..60u64 {
			// The attacker keeps the queue full.
			while queue_of(model).len() < QUEUE_LEN as usize {
				jobs.push(submit(BOB, model));
			}
			run_to_block(block);
			// The market never gives the node more open work than it proves in one window.
			let load = crate::pallet::NodeLoad::<Test>::get(NODE_1);
			assert!(load <= UNITS * DEADLINE, "block {block}: {load} units open");
			// The node proves at its declared rate, earliest deadline first.
			if let Some(&job) =
				InferenceMarket::jobs_assigned_to(NODE_1).iter().min_by_key(|&&job| {
					match status(job) {
						JobStatus::Assigned { deadline, .. } => deadline,
						_ => u64::MAX,
					}
				}) {
				let proof = proof_for(job, NODE_1, &output());
				assert_ok!(InferenceMarket::submit_result(
					RuntimeOrigin::signed(NODE_1),
					job,
					output(),
					proof
				));
				proved += 1;
			}
		}
		// It kept up with everything it was given and was never reported.
		assert!(TestNodes::<u64>::offences().is_empty());
		assert!(proved >= 50, "{proved}");
		assert!(!events().iter().any(|e| matches!(e, Event::JobExpired { .. })));
	});
}

#[test]
fn a_node_is_not_given_more_than_its_throughput_covers_in_one_window() {
	run_test(|| {
		let model = market_with(&[NODE_1], 1_000_000);
		// Two jobs' worth per deadline window.
		TestNodes::<u64>::set_throughput(&NODE_1, 2 * UNITS / DEADLINE);
		let jobs: Vec<_> = (0..3).map(|_| submit(BOB, model)).collect();
		run_to_block(2);
		assert_eq!(
			jobs.iter().map(|&j| assigned_node(j)).collect::<Vec<_>>(),
			vec![Some(NODE_1), Some(NODE_1), None]
		);
		// A settled job frees its units: the third job goes out.
		let proof = proof_for(jobs[0], NODE_1, &output());
		assert_ok!(InferenceMarket::submit_result(
			RuntimeOrigin::signed(NODE_1),
			jobs[0],
			output(),
			proof
		));
		run_to_block(3);
		assert_eq!(assigned_node(jobs[2]), Some(NODE_1));
	});
}

#[test]
fn jobs_no_node_can_take_do_not_delay_another_models_jobs() {
	run_test(|| {
		// The attacker fills the queue of a model no node serves, before anyone else submits.
		let junk = register_model(BOB, 3, 2);
		let junk_jobs: Vec<_> = (0..QUEUE_LEN).map(|_| submit(BOB, junk)).collect();
		let model = market_with(&[NODE_1], 1_000);
		let honest = submit(ALICE, model);
		// The honest job is assigned in the next block.
		run_to_block(2);
		assert_eq!(assigned_node(honest), Some(NODE_1));
		assert!(junk_jobs.iter().all(|&job| matches!(status(job), JobStatus::Queued { .. })));
		// And so is every later one, block after block, however the cursor stands.
		for block in 3..10 {
			let next = submit(ALICE, model);
			run_to_block(block);
			assert_eq!(assigned_node(next), Some(NODE_1), "block {block}");
		}
	});
}

#[test]
fn jobs_of_many_unserved_models_delay_another_model_by_one_round_at_most() {
	run_test(|| {
		// More unserved models than the hook looks at per block.
		let junk: Vec<_> = (0..2 * JOBS_PER_BLOCK).map(|_| register_model(BOB, 3, 2)).collect();
		for &model in &junk {
			submit(BOB, model);
		}
		let model = market_with(&[NODE_1], 1_000);
		let honest = submit(ALICE, model);
		let rounds = (junk.len() as u64 + 1).div_ceil(u64::from(JOBS_PER_BLOCK));
		run_to_block(1 + rounds);
		assert_eq!(assigned_node(honest), Some(NODE_1));
	});
}

#[test]
fn a_node_is_reported_at_most_once_per_job() {
	run_test(|| {
		MaxReassignments::set(&2);
		let model = market_with(&[NODE_1, NODE_2], 1_000);
		let job = submit(BOB, model);
		// Both nodes miss it; it is never assigned to either again, so never reported twice.
		run_to_block(2 + 3 * DEADLINE + QUEUE_TIMEOUT);
		assert_eq!(
			TestNodes::<u64>::offences(),
			vec![
				(NODE_1, NodeOffence::MissedDeadline { job }),
				(NODE_2, NodeOffence::MissedDeadline { job })
			]
		);
		assert!(matches!(
			status(job),
			JobStatus::Refunded { reason: RefundReason::QueueTimeout, .. }
		));
	});
}

#[test]
fn a_prover_key_submits_its_nodes_results_and_nothing_else() {
	run_test(|| {
		const PROVER: u64 = 21;
		let model = market_with(&[NODE_1, NODE_2], 1_000);
		TestNodes::<u64>::set_prover(&NODE_1, Some(PROVER));
		let job = submit(BOB, model);
		let other = submit(BOB, model);
		run_to_block(2);
		assert_eq!((assigned_node(job), assigned_node(other)), (Some(NODE_1), Some(NODE_2)));
		// The proof states the node's binding; the prover key signs and the node is paid.
		let proof = proof_for(job, NODE_1, &output());
		let node_before = Balances::balance(&NODE_1);
		assert_ok!(InferenceMarket::submit_result(
			RuntimeOrigin::signed(PROVER),
			job,
			output(),
			proof
		));
		assert!(matches!(status(job), JobStatus::Fulfilled { node: NODE_1, .. }));
		assert_eq!(Balances::balance(&NODE_1), node_before + 320);
		assert_eq!(Balances::balance(&PROVER), 0);
		// It cannot settle another node's job, even with that node's proof.
		let proof = proof_for(other, NODE_2, &output());
		assert_noop!(
			InferenceMarket::submit_result(RuntimeOrigin::signed(PROVER), other, output(), proof),
			Error::<Test>::NotAssignedNode
		);
	});
}

#[test]
fn a_job_only_busy_nodes_may_take_does_not_hold_back_later_jobs() {
	run_test(|| {
		MaxReassignments::set(&3);
		let model = market_with(&[NODE_1, NODE_2], 1_000_000);
		// NODE_2 proves one job per deadline window.
		TestNodes::<u64>::set_throughput(&NODE_2, UNITS / DEADLINE);
		let missed = submit(BOB, model);
		run_to_block(2);
		assert_eq!(assigned_node(missed), Some(NODE_1));
		run_to_block(3);
		let busy = submit(BOB, model);
		run_to_block(4);
		assert_eq!(assigned_node(busy), Some(NODE_2));
		run_to_block(1 + DEADLINE);
		let later = submit(BOB, model);
		// Block 7: NODE_1 misses the first job, which goes back to the front of the queue; only
		// NODE_2 may take it, and NODE_2 is busy. The later job still goes to NODE_1 at once.
		run_to_block(2 + DEADLINE);
		assert!(matches!(status(missed), JobStatus::Queued { .. }));
		assert_eq!(assigned_node(later), Some(NODE_1));
		assert_eq!(queue_of(model), vec![missed]);
	});
}
