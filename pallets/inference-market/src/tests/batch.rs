//! `submit_results`: many results in one call, verified per key together, paid out together.

use super::*;
use frame_support::{
	dispatch::GetDispatchInfo,
	traits::{ConstU32, Get},
};
use sp_runtime::DispatchError;
use zkinfer_primitives::InferenceVerifier;

/// A result of `job` by `node` with the proof the test verifier accepts.
fn result_of(job: JobId, node: u64) -> JobResultOf<Test> {
	JobResult { job, output: output(), proof: proof_for(job, node, &output()) }
}

/// The results listed under their jobs' models (a job that does not exist under model 0), in
/// order of first appearance.
fn batch(results: Vec<JobResultOf<Test>>) -> BoundedVec<ModelResultsOf<Test>, ConstU32<4>> {
	let mut batches: Vec<ModelResultsOf<Test>> = Vec::new();
	for result in results {
		let model = Jobs::<Test>::get(result.job).map_or(0, |job| job.model);
		match batches.iter_mut().find(|batch| batch.model == model) {
			Some(batch) => batch.results.try_push(result).expect("within MaxBatchResults"),
			None => batches
				.push(ModelResults { model, results: BoundedVec::truncate_from(vec![result]) }),
		}
	}
	BoundedVec::truncate_from(batches)
}

/// Submits a job for each requester and assigns them all (to the model's one node).
fn assigned_jobs(model: u32, requesters: &[u64]) -> Vec<JobId> {
	let jobs: Vec<JobId> = requesters.iter().map(|&who| submit(who, model)).collect();
	let next = System::block_number() + 1;
	run_to_block(next + jobs.len() as u64 / u64::from(JOBS_PER_BLOCK));
	for &job in &jobs {
		assert!(assigned_node(job).is_some(), "job {job} is assigned");
	}
	jobs
}

fn db() -> frame_support::weights::RuntimeDbWeight {
	<<Test as frame_system::Config>::DbWeight as Get<_>>::get()
}

/// The error of the last refusal of a result for `job`, without the message (which events do
/// not keep).
fn refused(job: JobId) -> Option<DispatchError> {
	events().into_iter().rev().find_map(|event| match event {
		Event::ResultRefused { job: j, error } if j == job => Some(error.stripped()),
		_ => None,
	})
}

#[test]
fn a_batch_settles_every_verified_result_with_one_payout_per_recipient() {
	run_test(|| {
		let model = market_with(&[NODE_1], 10_000);
		let jobs = assigned_jobs(model, &[BOB, BOB, NODE_3]);
		let (alice, node, treasury) =
			(Balances::balance(&ALICE), Balances::balance(&NODE_1), Balances::balance(&TREASURY));
		assert_eq!(fee_held(BOB) + fee_held(NODE_3), 3 * PRICE);

		let results = batch(jobs.iter().map(|&job| result_of(job, NODE_1)).collect());
		assert_ok!(InferenceMarket::submit_results(RuntimeOrigin::signed(NODE_1), results));

		let payout = Payout { node: 320, owner: 60, protocol: 20 };
		for &job in &jobs {
			assert!(matches!(
				status(job),
				JobStatus::Fulfilled { node: NODE_1, ref output, payout: p, .. }
					if *output == self::output() && p == payout
			));
		}
		// Each recipient paid once, the sum of the jobs' shares.
		assert_eq!(Balances::balance(&NODE_1), node + 3 * 320);
		assert_eq!(Balances::balance(&ALICE), alice + 3 * 60);
		assert_eq!(Balances::balance(&TREASURY), treasury + 3 * 20);
		assert_eq!(TestNodes::<u64>::work(), vec![(NODE_1, 3 * 320)]);
		assert_eq!(fee_held(BOB) + fee_held(NODE_3), 0);
		assert!(InferenceMarket::jobs_assigned_to(NODE_1).is_empty());
		assert_eq!(NodeLoad::<Test>::get(NODE_1), 0);
		// The usage statistics count each verified job.
		let usage = pallet_model_registry::Usage::<Test>::get(model);
		assert_eq!(
			(usage.inferences, usage.distinct_requesters, usage.repeat_requesters),
			(3, 2, 1)
		);
		assert_eq!(ModelRegistry::open_jobs(model), 0);
		let verified = events()
			.into_iter()
			.filter(|e| matches!(e, Event::InferenceVerified { node: NODE_1, .. }))
			.count();
		assert_eq!(verified, 3);
	});
}

/// The attack: a node slips a forged proof (of an output it did not compute) among valid
/// ones. The forged result is refused with the verifier's error and moves nothing; the job
/// stays assigned (so the node still misses its deadline if it never proves it); the valid
/// results settle.
#[test]
fn a_forged_proof_in_a_batch_is_refused_and_the_others_settle() {
	run_test(|| {
		let model = market_with(&[NODE_1], 10_000);
		let jobs = assigned_jobs(model, &[BOB, BOB, BOB]);
		let node = Balances::balance(&NODE_1);
		let mut forged = result_of(jobs[1], NODE_1);
		forged.output = BoundedVec::truncate_from(vec![99, 99]);

		let results = batch(vec![result_of(jobs[0], NODE_1), forged, result_of(jobs[2], NODE_1)]);
		assert_ok!(InferenceMarket::submit_results(RuntimeOrigin::signed(NODE_1), results));

		assert!(matches!(status(jobs[0]), JobStatus::Fulfilled { .. }));
		assert!(matches!(status(jobs[2]), JobStatus::Fulfilled { .. }));
		assert_eq!(assigned_node(jobs[1]), Some(NODE_1));
		// The test verifier's own error (its text is not kept in events).
		assert!(matches!(refused(jobs[1]), Some(DispatchError::Other(_))));
		assert_eq!(Balances::balance(&NODE_1), node + 2 * 320);
		// The forged job's fee stays in escrow.
		assert_eq!(fee_held(BOB), PRICE);
		assert_eq!(InferenceMarket::jobs_assigned_to(NODE_1), vec![jobs[1]]);
		assert_eq!(NodeLoad::<Test>::get(NODE_1), UNITS);
	});
}

/// A node cannot be paid for a job that is not its own, for one job twice in a call, or for
/// a job that already settled; results it cannot settle are refused one by one (a job not
/// assigned to the signer's node, whether another node's, finished or unknown, as
/// `NotAssignedNode`, without its record being read).
#[test]
fn a_batch_refuses_other_nodes_jobs_duplicates_settled_and_malformed_results() {
	run_test(|| {
		let model = market_with(&[NODE_1, NODE_2], 10_000);
		let jobs = assigned_jobs(model, &[BOB, BOB, BOB, BOB]);
		let mine: Vec<JobId> =
			jobs.iter().copied().filter(|&j| assigned_node(j) == Some(NODE_1)).collect();
		let theirs: Vec<JobId> =
			jobs.iter().copied().filter(|&j| assigned_node(j) == Some(NODE_2)).collect();
		assert!(mine.len() >= 2 && !theirs.is_empty(), "round-robin spreads the jobs");
		// Settle one first, to submit it again below.
		assert_ok!(InferenceMarket::submit_results(
			RuntimeOrigin::signed(NODE_1),
			batch(vec![result_of(mine[0], NODE_1)])
		));
		let node = Balances::balance(&NODE_1);
		let mut short = result_of(mine[1], NODE_1);
		short.output = BoundedVec::truncate_from(vec![1]);

		let unknown = JobResult {
			job: 1_000,
			output: output(),
			proof: BoundedVec::truncate_from(vec![0; 32]),
		};
		let results =
			batch(vec![result_of(theirs[0], NODE_1), result_of(mine[0], NODE_1), short, unknown]);
		assert_ok!(InferenceMarket::submit_results(RuntimeOrigin::signed(NODE_1), results));
		assert_eq!(
			refused(theirs[0]),
			Some(DispatchError::from(Error::<Test>::NotAssignedNode).stripped())
		);
		assert_eq!(
			refused(mine[0]),
			Some(DispatchError::from(Error::<Test>::NotAssignedNode).stripped())
		);
		assert_eq!(
			refused(mine[1]),
			Some(DispatchError::from(Error::<Test>::OutputLength).stripped())
		);
		assert_eq!(
			refused(1_000),
			Some(DispatchError::from(Error::<Test>::NotAssignedNode).stripped())
		);
		assert_eq!(Balances::balance(&NODE_1), node);
		assert_eq!(assigned_node(theirs[0]), Some(NODE_2));

		// The same job listed twice is settled once and refused once.
		let before = Balances::balance(&NODE_1);
		let results = batch(vec![result_of(mine[1], NODE_1), result_of(mine[1], NODE_1)]);
		assert_ok!(InferenceMarket::submit_results(RuntimeOrigin::signed(NODE_1), results));
		assert_eq!(
			refused(mine[1]),
			Some(DispatchError::from(Error::<Test>::DuplicateResult).stripped())
		);
		assert_eq!(Balances::balance(&NODE_1), before + 320);
		assert_eq!(fee_held(BOB), PRICE * (jobs.len() as u64 - 2));
	});
}

#[test]
fn a_batch_over_two_models_pays_each_owner_its_share() {
	run_test(|| {
		let first = market_with(&[], 0);
		let second = register_model(BOB, 3, 2);
		TestNodes::<u64>::add(NODE_1, vec![first, second], 10_000);
		let jobs =
			[assigned_jobs(first, &[NODE_3]), assigned_jobs(second, &[ALICE, ALICE])].concat();
		let (alice, bob) = (Balances::balance(&ALICE), Balances::balance(&BOB));

		let results = batch(jobs.iter().map(|&job| result_of(job, NODE_1)).collect());
		assert_ok!(InferenceMarket::submit_results(RuntimeOrigin::signed(NODE_1), results));

		assert_eq!(Balances::balance(&ALICE), alice + 60);
		assert_eq!(Balances::balance(&BOB), bob + 2 * 60);
		assert_eq!(ModelRegistry::open_jobs(first) + ModelRegistry::open_jobs(second), 0);
	});
}

#[test]
fn the_prover_key_submits_a_batch_for_its_node_and_nothing_else() {
	run_test(|| {
		let model = market_with(&[NODE_1, NODE_2], 10_000);
		TestNodes::<u64>::set_prover(&NODE_1, Some(PAUPER));
		let jobs = assigned_jobs(model, &[BOB, BOB]);
		let (mine, theirs) = if assigned_node(jobs[0]) == Some(NODE_1) {
			(jobs[0], jobs[1])
		} else {
			(jobs[1], jobs[0])
		};
		let pauper = Balances::balance(&PAUPER);
		let results = batch(vec![result_of(mine, NODE_1), result_of(theirs, NODE_2)]);
		assert_ok!(InferenceMarket::submit_results(RuntimeOrigin::signed(PAUPER), results));
		assert!(matches!(status(mine), JobStatus::Fulfilled { node: NODE_1, .. }));
		assert_eq!(
			refused(theirs),
			Some(DispatchError::from(Error::<Test>::NotAssignedNode).stripped())
		);
		// The node is paid, not its prover key.
		assert_eq!(Balances::balance(&PAUPER), pauper);
	});
}

#[test]
fn a_batch_is_charged_per_result_and_per_key_and_refunded_to_what_ran() {
	run_test(|| {
		let model = market_with(&[NODE_1], 10_000);
		let jobs = assigned_jobs(model, &[BOB, BOB, BOB]);
		let results: Vec<_> = jobs.iter().map(|&job| result_of(job, NODE_1)).collect();
		let terms = ModelRegistry::terms(model).expect("stored");
		let key = TestVerifier::key_info(terms.proof_system, &terms.vk).expect("registered");

		let call = crate::Call::<Test>::submit_results { batches: batch(results.clone()) };
		let charged = call.get_dispatch_info().call_weight;
		let expected = <() as crate::WeightInfo>::submit_results(3)
			.saturating_add(InferenceMarket::settlement_size_weight(3, 3, 2))
			.saturating_add(TestVerifier::max_verify_batch_weight(terms.proof_system, key, 3))
			.saturating_add(db().reads(3));
		assert_eq!(charged, expected);

		let info = InferenceMarket::submit_results(RuntimeOrigin::signed(NODE_1), batch(results))
			.expect("settles");
		let actual = info.actual_weight.expect("refunded to what ran");
		assert!(actual.all_lte(charged));
		// A result refused before verification (its job already settled) is refunded the
		// verification it was charged.
		let again = batch(vec![result_of(jobs[0], NODE_1)]);
		let charged = crate::Call::<Test>::submit_results { batches: again.clone() }
			.get_dispatch_info()
			.call_weight;
		let info =
			InferenceMarket::submit_results(RuntimeOrigin::signed(NODE_1), again).expect("runs");
		assert_eq!(
			info.actual_weight,
			Some(<() as crate::WeightInfo>::submit_results(1).saturating_add(db().reads(3)))
		);
		assert!(info.actual_weight.expect("set").all_lte(charged));
	});
}

/// A result listed under another model than its job's is refused (the call's weight was
/// charged for the model it names), as are results beyond the call's public-input budget; a
/// call over `MaxBatchResults` fails whole.
#[test]
fn results_under_the_wrong_model_or_beyond_the_calls_bounds_are_refused() {
	run_test(|| {
		let model = market_with(&[NODE_1], 10_000);
		let other = register_model(ALICE, 3, 2);
		let jobs = assigned_jobs(model, &[BOB, BOB, BOB, BOB, BOB, BOB, BOB]);
		let misfiled = BoundedVec::truncate_from(vec![ModelResults {
			model: other,
			results: BoundedVec::truncate_from(vec![result_of(jobs[0], NODE_1)]),
		}]);
		assert_ok!(InferenceMarket::submit_results(RuntimeOrigin::signed(NODE_1), misfiled));
		assert_eq!(
			refused(jobs[0]),
			Some(DispatchError::from(Error::<Test>::WrongModel).stripped())
		);
		assert_eq!(assigned_node(jobs[0]), Some(NODE_1));

		// Six statements of 6 values fill the budget of 36: the seventh is refused.
		let results = batch(jobs.iter().map(|&job| result_of(job, NODE_1)).collect());
		assert_ok!(InferenceMarket::submit_results(RuntimeOrigin::signed(NODE_1), results));
		for &job in &jobs[..6] {
			assert!(matches!(status(job), JobStatus::Fulfilled { .. }), "job {job}");
		}
		assert_eq!(
			refused(jobs[6]),
			Some(DispatchError::from(Error::<Test>::TooManyValues).stripped())
		);
		assert_eq!(assigned_node(jobs[6]), Some(NODE_1));

		// Two models' lists of BATCH_RESULTS each: more results than one call takes.
		let full: Vec<JobResultOf<Test>> =
			(0..BATCH_RESULTS).map(|_| result_of(jobs[6], NODE_1)).collect();
		let too_many = BoundedVec::truncate_from(vec![
			ModelResults { model, results: BoundedVec::truncate_from(full.clone()) },
			ModelResults { model: other, results: BoundedVec::truncate_from(full) },
		]);
		assert_noop!(
			InferenceMarket::submit_results(RuntimeOrigin::signed(NODE_1), too_many),
			Error::<Test>::TooManyResults
		);
	});
}

/// Each model's jobs settle in a storage layer of their own: when the registry refuses to
/// close one model's jobs (here its open-job count was corrupted), those jobs stay assigned
/// with their fees in escrow and nothing of theirs is recorded, while the other model's jobs
/// in the same call settle and are paid.
#[test]
fn a_model_whose_jobs_cannot_close_is_refused_and_the_others_settle() {
	new_test_ext().execute_with(|| {
		let first = market_with(&[], 0);
		let second = register_model(BOB, 3, 2);
		TestNodes::<u64>::add(NODE_1, vec![first, second], 10_000);
		let jobs = [assigned_jobs(first, &[NODE_3]), assigned_jobs(second, &[ALICE])].concat();
		pallet_model_registry::Models::<Test>::mutate(first, |record| {
			record.as_mut().expect("registered").open_jobs = 0;
		});
		let node = Balances::balance(&NODE_1);

		let results = batch(jobs.iter().map(|&job| result_of(job, NODE_1)).collect());
		assert_ok!(InferenceMarket::submit_results(RuntimeOrigin::signed(NODE_1), results));

		assert_eq!(
			refused(jobs[0]),
			Some(
				DispatchError::from(pallet_model_registry::Error::<Test>::OpenJobsOutOfRange)
					.stripped()
			)
		);
		assert_eq!(assigned_node(jobs[0]), Some(NODE_1));
		assert!(!events()
			.iter()
			.any(|e| matches!(e, Event::InferenceVerified { job, .. } if *job == jobs[0])));
		assert!(matches!(status(jobs[1]), JobStatus::Fulfilled { .. }));
		assert_eq!(Balances::balance(&NODE_1), node + 320);
		assert_eq!(NodeLoad::<Test>::get(NODE_1), UNITS);
		pallet_model_registry::Models::<Test>::mutate(first, |record| {
			record.as_mut().expect("registered").open_jobs = 1;
		});
		check_invariants();
		assert_eq!(fee_held(NODE_3), PRICE);
	});
}
