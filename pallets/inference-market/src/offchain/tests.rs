//! The off-chain worker against a stand-in prover: what it requests, when it submits, what it
//! leaves alone.

use std::{
	collections::HashMap,
	sync::{Arc, Mutex},
};

use codec::Encode;
use frame_support::{assert_ok, pallet_prelude::Hooks, BoundedVec};
use sp_core::offchain::{testing::TestOffchainExt, OffchainDbExt, OffchainWorkerExt};
use zkinfer_primitives::{
	testing::{TestNodes, TestVerifier},
	JobId, ModelRegistry as _,
};
use zkinfer_proving_interface::{
	ProofRequest, ProofStatus, ProvingBackend, ProvingExt, RequestOutcome,
};

use super::{prover_node_id, RESUBMIT_AFTER, RETRY_AFTER};
use crate::{mock::*, Call, JobStatus, Jobs, NextJobId};

/// A prover that records requests; the test decides what becomes of them.
#[derive(Default)]
struct StandInProver {
	requests: Mutex<Vec<ProofRequest>>,
	outcomes: Mutex<HashMap<JobId, ProofStatus>>,
}

impl StandInProver {
	fn finish(&self, job: JobId, status: ProofStatus) {
		self.outcomes.lock().unwrap().insert(job, status);
	}
	fn requests(&self) -> Vec<ProofRequest> {
		self.requests.lock().unwrap().clone()
	}
}

impl ProvingBackend for StandInProver {
	fn request(&self, request: ProofRequest) -> RequestOutcome {
		self.outcomes.lock().unwrap().remove(&request.job);
		self.requests.lock().unwrap().push(request);
		RequestOutcome::Accepted
	}
	fn status(&self, job: u64, node: &[u8; 32]) -> ProofStatus {
		if let Some(status) = self.outcomes.lock().unwrap().get(&job) {
			return status.clone();
		}
		let requested =
			self.requests.lock().unwrap().iter().any(|r| r.job == job && &r.node == node);
		if requested {
			ProofStatus::Pending
		} else {
			ProofStatus::Unknown
		}
	}
}

/// Fresh storage with off-chain storage and, if given, the prover.
fn offchain_ext(prover: Option<Arc<StandInProver>>) -> sp_io::TestExternalities {
	let mut ext = new_test_ext();
	let (offchain, _) = TestOffchainExt::new();
	ext.register_extension(OffchainDbExt::new(offchain.clone()));
	ext.register_extension(OffchainWorkerExt::new(offchain));
	if let Some(prover) = prover {
		ext.register_extension(ProvingExt::new(prover));
	}
	LOCAL_OPERATORS.with(|o| o.borrow_mut().clear());
	SUBMITTED.with(|s| s.borrow_mut().clear());
	REFUSE_SUBMISSIONS.with(|r| r.set(false));
	ext
}

fn run_worker_at(block: u64) {
	System::set_block_number(block);
	InferenceMarket::offchain_worker(block);
}

fn submitted() -> Vec<(u64, Call<Test>)> {
	SUBMITTED.with(|s| s.borrow().clone())
}

/// A model served by `nodes`, and one job from BOB per node, assigned at block 2.
fn jobs_for(nodes: &[u64]) -> Vec<JobId> {
	let model = register_model(ALICE, 3, 2);
	for &node in nodes {
		TestNodes::<u64>::add(node, vec![model], 1_000);
	}
	let jobs = nodes
		.iter()
		.map(|_| {
			assert_ok!(InferenceMarket::submit_inference(
				RuntimeOrigin::signed(BOB),
				model,
				BoundedVec::truncate_from(vec![3, -1, 7]),
				400
			));
			NextJobId::<Test>::get() - 1
		})
		.collect();
	run_to_block(2);
	jobs
}

fn assignee(job: JobId) -> u64 {
	match Jobs::<Test>::get(job).unwrap().status {
		JobStatus::Assigned { node, .. } => node,
		other => panic!("job {job} is {other:?}"),
	}
}

#[test]
fn a_local_operators_job_is_handed_to_the_prover_and_its_result_submitted_once() {
	let prover = Arc::new(StandInProver::default());
	offchain_ext(Some(prover.clone())).execute_with(|| {
		let job = jobs_for(&[NODE_1])[0];
		LOCAL_OPERATORS.with(|o| o.borrow_mut().push(NODE_1));

		run_worker_at(2);
		let requests = prover.requests();
		assert_eq!(requests.len(), 1);
		let record = Jobs::<Test>::get(job).unwrap();
		let terms = ModelRegistry::terms(record.model).unwrap();
		assert_eq!(
			requests[0],
			ProofRequest {
				job,
				node: prover_node_id(&NODE_1),
				artifact: terms.artifact.0,
				binding: zkinfer_primitives::job_binding(job, &NODE_1.encode()),
				input: vec![3, -1, 7],
			}
		);
		// Pending: nothing more happens.
		run_worker_at(2);
		assert_eq!(prover.requests().len(), 1);
		assert!(submitted().is_empty());

		// Ready: the result goes out signed by the operator, once.
		let output = vec![-12i64, 40];
		let inputs = InferenceMarket::public_inputs(job, &NODE_1, &record.input, &output);
		let proof = TestVerifier::prove(&terms.vk, &inputs);
		prover.finish(job, ProofStatus::Ready { output: output.clone(), proof: proof.clone() });
		run_worker_at(3);
		let calls = submitted();
		assert_eq!(calls.len(), 1);
		let (signer, call) = calls[0].clone();
		assert_eq!(signer, NODE_1);
		let Call::submit_result {
			job: submitted_job,
			output: submitted_output,
			proof: submitted_proof,
		} = call
		else {
			panic!("not submit_result: {call:?}")
		};
		assert_eq!(
			(submitted_job, submitted_output.to_vec(), submitted_proof.to_vec()),
			(job, output.clone(), proof)
		);
		run_worker_at(3 + u64::from(RESUBMIT_AFTER) - 1);
		assert_eq!(submitted().len(), 1, "not submitted again while the transaction is on its way");

		// The submitted call settles the job; the worker then has nothing to do.
		assert_ok!(InferenceMarket::submit_result(
			RuntimeOrigin::signed(NODE_1),
			submitted_job,
			submitted_output,
			submitted_proof
		));
		assert!(matches!(Jobs::<Test>::get(job).unwrap().status, JobStatus::Fulfilled { .. }));
		run_worker_at(3 + u64::from(RESUBMIT_AFTER));
		assert_eq!(submitted().len(), 1);
		check_invariants();
	});
}

#[test]
fn a_result_still_assigned_after_the_resubmission_delay_is_submitted_again() {
	let prover = Arc::new(StandInProver::default());
	offchain_ext(Some(prover.clone())).execute_with(|| {
		let job = jobs_for(&[NODE_1])[0];
		LOCAL_OPERATORS.with(|o| o.borrow_mut().push(NODE_1));
		run_worker_at(2);
		prover.finish(job, ProofStatus::Ready { output: vec![1, 2], proof: vec![0; 4] });
		run_worker_at(3);
		run_worker_at(3 + u64::from(RESUBMIT_AFTER));
		assert_eq!(submitted().len(), 2, "the first transaction was lost: submitted again");
	});
}

#[test]
fn only_jobs_of_local_operators_are_proved() {
	let prover = Arc::new(StandInProver::default());
	offchain_ext(Some(prover.clone())).execute_with(|| {
		let jobs = jobs_for(&[NODE_1, NODE_2]);
		let (mine, theirs): (Vec<JobId>, Vec<JobId>) =
			jobs.iter().partition(|&&job| assignee(job) == NODE_2);
		assert_eq!((mine.len(), theirs.len()), (1, 1));
		// No keys: nothing.
		run_worker_at(2);
		assert!(prover.requests().is_empty());
		LOCAL_OPERATORS.with(|o| o.borrow_mut().push(NODE_2));
		run_worker_at(2);
		assert_eq!(prover.requests().iter().map(|r| r.job).collect::<Vec<_>>(), mine);
	});
}

#[test]
fn a_failed_proof_is_requested_again_after_the_retry_delay() {
	let prover = Arc::new(StandInProver::default());
	offchain_ext(Some(prover.clone())).execute_with(|| {
		let job = jobs_for(&[NODE_1])[0];
		LOCAL_OPERATORS.with(|o| o.borrow_mut().push(NODE_1));
		run_worker_at(2);
		prover.finish(job, ProofStatus::Failed(b"no artifact".to_vec()));
		run_worker_at(3);
		run_worker_at(3 + u64::from(RETRY_AFTER) - 1);
		assert_eq!(prover.requests().len(), 1, "not before the delay");
		run_worker_at(3 + u64::from(RETRY_AFTER));
		assert_eq!(prover.requests().len(), 2);
		assert!(submitted().is_empty());
	});
}

#[test]
fn without_a_prover_the_worker_does_nothing() {
	offchain_ext(None).execute_with(|| {
		jobs_for(&[NODE_1]);
		LOCAL_OPERATORS.with(|o| o.borrow_mut().push(NODE_1));
		run_worker_at(2);
		run_worker_at(3);
		assert!(submitted().is_empty());
		check_invariants();
	});
}

#[test]
fn a_prover_key_proves_for_its_node_and_signs_the_result() {
	const PROVER: u64 = 21;
	let prover = Arc::new(StandInProver::default());
	offchain_ext(Some(prover.clone())).execute_with(|| {
		let job = jobs_for(&[NODE_1])[0];
		TestNodes::<u64>::set_prover(&NODE_1, Some(PROVER));
		// Only the prover key is in the keystore.
		LOCAL_OPERATORS.with(|o| o.borrow_mut().push(PROVER));
		run_worker_at(2);
		let requests = prover.requests();
		assert_eq!(requests.len(), 1);
		// The proof binds the node, not the key.
		assert_eq!(requests[0].binding, zkinfer_primitives::job_binding(job, &NODE_1.encode()));
		prover.finish(job, ProofStatus::Ready { output: vec![1, 2], proof: vec![0; 4] });
		run_worker_at(3);
		assert_eq!(submitted().iter().map(|(signer, _)| *signer).collect::<Vec<_>>(), vec![PROVER]);
	});
}

#[test]
fn jobs_are_visited_earliest_deadline_first() {
	let prover = Arc::new(StandInProver::default());
	offchain_ext(Some(prover.clone())).execute_with(|| {
		// Jobs assigned over several blocks: the earliest deadlines are the oldest jobs.
		let model = register_model(ALICE, 3, 2);
		TestNodes::<u64>::add(NODE_1, vec![model], 1_000_000);
		let mut jobs = Vec::new();
		// Four blocks: every job is still assigned (deadlines 7 to 10).
		for block in 1..=4 {
			System::set_block_number(block);
			assert_ok!(InferenceMarket::submit_inference(
				RuntimeOrigin::signed(BOB),
				model,
				BoundedVec::truncate_from(vec![3, -1, 7]),
				400
			));
			jobs.push(NextJobId::<Test>::get() - 1);
			run_to_block(block + 1);
		}
		LOCAL_OPERATORS.with(|o| o.borrow_mut().push(NODE_1));
		run_worker_at(5);
		let requested: Vec<JobId> = prover.requests().iter().map(|r| r.job).collect();
		assert_eq!(requested, jobs, "the storage order of NodeJobs is not the deadline order");
	});
}

#[test]
fn notes_of_jobs_no_longer_assigned_are_forgotten() {
	let prover = Arc::new(StandInProver::default());
	offchain_ext(Some(prover.clone())).execute_with(|| {
		let job = jobs_for(&[NODE_1])[0];
		LOCAL_OPERATORS.with(|o| o.borrow_mut().push(NODE_1));
		run_worker_at(2);
		let output = vec![-12i64, 40];
		let record = Jobs::<Test>::get(job).unwrap();
		let terms = ModelRegistry::terms(record.model).unwrap();
		let proof = TestVerifier::prove(
			&terms.vk,
			&InferenceMarket::public_inputs(job, &NODE_1, &record.input, &output),
		);
		prover.finish(job, ProofStatus::Ready { output: output.clone(), proof: proof.clone() });
		run_worker_at(3);
		let node = prover_node_id(&NODE_1);
		let submitted_key = super::storage_key(b"notes", job, &node);
		let note = |key: &[u8]| {
			sp_io::offchain::local_storage_get(sp_core::offchain::StorageKind::PERSISTENT, key)
		};
		assert!(note(&submitted_key).is_some(), "the submission is noted");
		assert_ok!(InferenceMarket::submit_result(
			RuntimeOrigin::signed(NODE_1),
			job,
			BoundedVec::truncate_from(output),
			BoundedVec::truncate_from(proof)
		));
		run_worker_at(4);
		assert!(note(&submitted_key).is_none(), "the note of a settled job is cleared");
		assert!(note(&super::tracked_key(&node)).is_none(), "and nothing is tracked");
	});
}

/// The proofs ready in one run go out together: one `submit_results` per local key, which
/// settles them all; a submission the pool refuses is made again on the next run.
#[test]
fn results_ready_together_are_submitted_in_one_batch() {
	let prover = Arc::new(StandInProver::default());
	offchain_ext(Some(prover.clone())).execute_with(|| {
		let model = register_model(ALICE, 3, 2);
		TestNodes::<u64>::add(NODE_1, vec![model], 1_000);
		let jobs: Vec<JobId> = (0..3)
			.map(|_| {
				assert_ok!(InferenceMarket::submit_inference(
					RuntimeOrigin::signed(BOB),
					model,
					BoundedVec::truncate_from(vec![3, -1, 7]),
					400
				));
				NextJobId::<Test>::get() - 1
			})
			.collect();
		run_to_block(2);
		LOCAL_OPERATORS.with(|o| o.borrow_mut().push(NODE_1));
		run_worker_at(2);
		assert_eq!(prover.requests().len(), 3);
		let output = vec![-12i64, 40];
		for &job in &jobs {
			let record = Jobs::<Test>::get(job).unwrap();
			let terms = ModelRegistry::terms(record.model).unwrap();
			let inputs = InferenceMarket::public_inputs(job, &NODE_1, &record.input, &output);
			let proof = TestVerifier::prove(&terms.vk, &inputs);
			prover.finish(job, ProofStatus::Ready { output: output.clone(), proof });
		}

		// The pool refuses the transaction: nothing is noted as submitted.
		REFUSE_SUBMISSIONS.with(|r| r.set(true));
		run_worker_at(3);
		assert!(submitted().is_empty());
		REFUSE_SUBMISSIONS.with(|r| r.set(false));
		run_worker_at(4);
		let calls = submitted();
		assert_eq!(calls.len(), 1, "one transaction for the three results");
		let (signer, Call::submit_results { batches }) = calls[0].clone() else {
			panic!("not submit_results: {:?}", calls[0])
		};
		assert_eq!(signer, NODE_1);
		assert_eq!(batches.len(), 1, "one model");
		assert_eq!(batches[0].model, model);
		assert_eq!(batches[0].results.iter().map(|r| r.job).collect::<Vec<_>>(), jobs);

		assert_ok!(InferenceMarket::submit_results(RuntimeOrigin::signed(NODE_1), batches));
		for &job in &jobs {
			assert!(matches!(Jobs::<Test>::get(job).unwrap().status, JobStatus::Fulfilled { .. }));
		}
		run_worker_at(5 + u64::from(RESUBMIT_AFTER));
		assert_eq!(submitted().len(), 1);
		check_invariants();
	});
}
