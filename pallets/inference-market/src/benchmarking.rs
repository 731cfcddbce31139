//! Benchmarks of the inference market.
//!
//! Components: `i` input values and `o` output values of a job (1 to `MaxInputValues` /
//! `MaxOutputValues`); `e` jobs expiring in one block and `s` queue entries the hook looks at
//! (0 to `MaxJobsPerBlock`).
//!
//! The hook's benchmarks measure the dearest case: every job of its own model (so each entry
//! costs a model visit, its queue and its node list), every model served by `MaxNodesPerModel`
//! nodes of which only the last can take the job (so each assignment searches them all).
//!
//! `submit_result` and `submit_results` are measured without the proof verification:
//! everything the calls do before and after asking the verifier (checks, building the public
//! inputs, paying out, storing the outputs). Their weights add the verifier instance's own
//! benchmarked weights for the model's key (`verify_proof`, or its batch weights), so neither
//! is counted twice and real proofs, which the runtime cannot make, are not needed here.
//!
//! `submit_results` settles `b` jobs (1 to `MaxBatchResults`) at one input and output value
//! each (what more values cost per job comes from `submit_result`) in its dearest case: every
//! job of its own requester, spread over as many models as a node may serve, each model of
//! its own owner, so each job writes its own usage record and each model its own records and
//! owner payout.

use super::*;
use crate::pallet::{Deadlines, Jobs, NodeJobs, Queues};
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{fungible::Mutate, Get},
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_core::H256;
use sp_runtime::traits::{Bounded, One, Saturating};
use zkinfer_primitives::{ComputeUnits, JobId, ModelId, ModelRegistry};

/// Submits `count` jobs, each of its own requester, over as many models (each of its own
/// owner) as one node may serve and one call may list, with `inputs`/`outputs` values; assigns them all to one node.
/// Returns the node and the jobs.
fn assigned_to_one_node<T: Config>(
	count: u32,
	inputs: u32,
	outputs: u32,
) -> (T::AccountId, Vec<JobId>) {
	let most_models = T::BenchmarkHelper::max_models_per_node().min(T::MaxBatchModels::get());
	let models: Vec<ModelId> = (0..count.min(most_models).max(1))
		.map(|m| {
			let owner = funded::<T>("owner", m);
			T::BenchmarkHelper::register_model(&owner, inputs, outputs)
		})
		.collect();
	let node = funded::<T>("node", 0);
	T::BenchmarkHelper::add_node(&node, &models, ComputeUnits::MAX / 2);
	let mut jobs = Vec::new();
	let mut now = frame_system::Pallet::<T>::block_number();
	for j in 0..count {
		// A block's deadline list holds `MaxJobsPerBlock` jobs: the next ones are assigned in
		// the next block, as the hook would.
		if j > 0 && j % T::MaxJobsPerBlock::get() == 0 {
			now.saturating_inc();
			frame_system::Pallet::<T>::set_block_number(now);
		}
		let requester = funded::<T>("requester", j);
		jobs.push(submit::<T>(&requester, models[j as usize % models.len()], inputs));
		// The hook assigns at most `MaxJobsPerBlock` per block: assign as they come.
		Pallet::<T>::assign_jobs(now);
	}
	assert_eq!(NodeJobs::<T>::iter_prefix(&node).count() as u32, count, "all jobs are assigned");
	(node, jobs)
}

/// What the benchmarks need from the runtime: models and active nodes.
pub trait BenchmarkHelper<AccountId> {
	/// Registers a model of `owner` with `inputs` input and `outputs` output values (its key
	/// registered in a verifier); returns its id.
	fn register_model(owner: &AccountId, inputs: u32, outputs: u32) -> ModelId;

	/// Makes `node` an active node serving `models` with `capacity` compute units left this
	/// epoch and as many per block of throughput.
	fn add_node(node: &AccountId, models: &[ModelId], capacity: ComputeUnits);

	/// The most models one node may serve.
	fn max_models_per_node() -> u32;
}

/// An account with a balance far above any fee and deposit; small enough that the funds of
/// every account a benchmark makes (a few hundred) do not overflow the issuance.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	T::Currency::set_balance(&who, BalanceOf::<T>::max_value() / 65_536u32.into());
	who
}

/// `count` models with `inputs`/`outputs` values, each served by `MaxNodesPerModel` nodes of
/// which only the last can take a job, so every assignment searches them all. Nodes serve as
/// many models each as they may. Returns the models and a requester.
fn market<T: Config>(count: u32, inputs: u32, outputs: u32) -> (Vec<ModelId>, T::AccountId) {
	let owner = funded::<T>("owner", 0);
	let models: Vec<ModelId> = (0..count.max(1))
		.map(|_| T::BenchmarkHelper::register_model(&owner, inputs, outputs))
		.collect();
	let per_node = T::BenchmarkHelper::max_models_per_node().max(1) as usize;
	let nodes = T::MaxNodesPerModel::get();
	for (chunk, served) in models.chunks(per_node).enumerate() {
		for index in 0..nodes {
			let node = funded::<T>("node", chunk as u32 * nodes + index);
			let capacity = if index + 1 == nodes { ComputeUnits::MAX / 2 } else { 0 };
			T::BenchmarkHelper::add_node(&node, served, capacity);
		}
	}
	(models, funded::<T>("requester", 0))
}

fn input<T: Config>(len: u32) -> InputOf<T> {
	BoundedVec::truncate_from((0..len).map(|v| -(v as i64) - 1).collect())
}

/// Submits a job of `requester` for `model`.
fn submit<T: Config>(requester: &T::AccountId, model: ModelId, inputs: u32) -> JobId {
	Pallet::<T>::do_submit_inference(
		requester.clone(),
		model,
		input::<T>(inputs),
		BalanceOf::<T>::max_value(),
	)
	.expect("benchmark jobs are accepted")
}

/// Submits one job for each of `count` models; returns the jobs.
fn one_job_per_model<T: Config>(count: u32, inputs: u32, outputs: u32) -> Vec<JobId> {
	let (models, requester) = market::<T>(count, inputs, outputs);
	models
		.iter()
		.take(count as usize)
		.map(|&model| submit::<T>(&requester, model, inputs))
		.collect()
}

/// Submits and assigns one job for each of `count` models; returns the jobs and their
/// deadline block.
fn assigned<T: Config>(count: u32, inputs: u32, outputs: u32) -> (Vec<JobId>, BlockNumberFor<T>) {
	let jobs = one_job_per_model::<T>(count, inputs, outputs);
	let now = frame_system::Pallet::<T>::block_number();
	Pallet::<T>::assign_jobs(now);
	let deadline = now.saturating_add(T::AssignmentDeadline::get().max(One::one()));
	assert_eq!(Deadlines::<T>::get(deadline).len() as u32, count, "all jobs are assigned");
	(jobs, deadline)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// Checking the domain, pricing, escrowing the fee, holding the deposit, creating the
	/// requester's usage
	/// record, queueing a job with `i` input values.
	#[benchmark]
	fn submit_inference(i: Linear<1, { T::MaxInputValues::get() }>) {
		let (models, requester) = market::<T>(1, i, 1);

		#[extrinsic_call]
		_(RawOrigin::Signed(requester), models[0], input::<T>(i), BalanceOf::<T>::max_value());

		assert_eq!(Queues::<T>::get(models[0]).map(|q| q.len()), Some(1));
	}

	/// Cancelling the last job of a full queue.
	#[benchmark]
	fn cancel() {
		let (models, requester) = market::<T>(1, 1, 1);
		let jobs: Vec<JobId> = (0..T::MaxQueueLen::get())
			.map(|_| submit::<T>(&requester, models[0], 1))
			.collect();
		let job = *jobs.last().expect("the queue holds at least one job");

		#[extrinsic_call]
		_(RawOrigin::Signed(requester), job);

		assert_eq!(
			Queues::<T>::get(models[0]).map(|q| q.len() as u32),
			Some(T::MaxQueueLen::get() - 1)
		);
	}

	/// Settling a job with `i` input and `o` output values, all but the verification (see the
	/// module docs).
	#[benchmark]
	fn submit_result(
		i: Linear<1, { T::MaxInputValues::get() }>,
		o: Linear<1, { T::MaxOutputValues::get() }>,
	) {
		let (jobs, _) = assigned::<T>(1, i, o);
		let job = jobs[0];
		let node = NodeJobs::<T>::iter_keys()
			.next()
			.map(|(node, _)| node)
			.expect("the job is assigned");
		let output: OutputOf<T> = BoundedVec::truncate_from(vec![-5; o as usize]);
		let statement = H256::repeat_byte(3);

		#[block]
		{
			let (record, terms, node) =
				Pallet::<T>::settlement_terms(&node, job, &output).expect("the node may settle");
			let public_inputs = Pallet::<T>::public_inputs(job, &node, &record.input, &output);
			assert_eq!(public_inputs.len() as u32, 1 + i + o);
			let verified = crate::settlement::VerifiedResult {
				id: job,
				job: record,
				owner: terms.owner,
				output,
				statement,
			};
			let refused = Pallet::<T>::settle_verified(&node, vec![verified]).expect("settles");
			assert!(refused.is_empty());
		}

		assert!(!Jobs::<T>::get(job).expect("stored").is_open());
	}

	/// Settling `b` jobs of one node in one call, all but the verification (see the module
	/// docs): checks, statements, one payout per recipient, records.
	#[benchmark]
	fn submit_results(b: Linear<1, { T::MaxBatchResults::get() }>) {
		let (node, jobs) = assigned_to_one_node::<T>(b, 1, 1);
		let mut by_model: alloc::collections::BTreeMap<ModelId, Vec<crate::JobResultOf<T>>> =
			Default::default();
		for &job in &jobs {
			let model = Jobs::<T>::get(job).expect("stored").model;
			by_model.entry(model).or_default().push(crate::JobResult {
				job,
				output: BoundedVec::truncate_from(vec![-5]),
				proof: BoundedVec::truncate_from(vec![7; 64]),
			});
		}
		let batches: Vec<crate::ModelResultsOf<T>> = by_model
			.into_iter()
			.map(|(model, results)| crate::ModelResults {
				model,
				results: BoundedVec::truncate_from(results),
			})
			.collect();
		let statement = H256::repeat_byte(3);

		#[block]
		{
			let mut budget = crate::settlement::CallBudget::for_signer::<T>(&node);
			let mut verified = Vec::new();
			for batch in batches {
				let terms = T::Models::terms(batch.model).expect("registered");
				verified.extend(
					Pallet::<T>::candidates(&node, batch, &terms, &mut budget)
						.into_iter()
						.map(|candidate| candidate.verified(statement)),
				);
			}
			assert_eq!(verified.len() as u32, b);
			let refused = Pallet::<T>::settle_verified(&node, verified).expect("settles");
			assert!(refused.is_empty());
		}

		for job in jobs {
			assert!(!Jobs::<T>::get(job).expect("stored").is_open());
		}
	}

	/// Removing a finished (cancelled) job's record.
	#[benchmark]
	fn remove_job() {
		let (models, requester) = market::<T>(1, T::MaxInputValues::get(), 1);
		let job = submit::<T>(&requester, models[0], T::MaxInputValues::get());
		Pallet::<T>::do_cancel(requester.clone(), job).expect("a queued job cancels");

		#[extrinsic_call]
		_(RawOrigin::Signed(requester), job);

		assert!(Jobs::<T>::get(job).is_none());
	}

	/// The hook expiring `e` jobs, each of its own model, that go back to their queues.
	#[benchmark]
	fn expire_and_requeue(e: Linear<0, { T::MaxJobsPerBlock::get() }>) {
		let (jobs, deadline) = assigned::<T>(e, 1, 1);
		frame_system::Pallet::<T>::set_block_number(deadline);

		#[block]
		{
			Pallet::<T>::expire_jobs(deadline);
		}

		for job in jobs {
			assert!(Jobs::<T>::get(job).expect("stored").is_open());
		}
	}

	/// The hook expiring `e` jobs, each of its own model, that have used their
	/// re-assignments and are refunded.
	#[benchmark]
	fn expire_and_refund(e: Linear<0, { T::MaxJobsPerBlock::get() }>) {
		let (jobs, deadline) = assigned::<T>(e, 1, 1);
		for &job in &jobs {
			Jobs::<T>::mutate(job, |record| {
				if let Some(record) = record {
					record.assignments = Pallet::<T>::max_reassignments().saturating_add(1);
				}
			});
		}
		frame_system::Pallet::<T>::set_block_number(deadline);

		#[block]
		{
			Pallet::<T>::expire_jobs(deadline);
		}

		for job in jobs {
			assert!(!Jobs::<T>::get(job).expect("stored").is_open());
		}
	}

	/// The hook assigning `s` queued jobs, each of its own model, each after searching all of
	/// the model's nodes.
	#[benchmark]
	fn assign_queued(s: Linear<0, { T::MaxJobsPerBlock::get() }>) {
		let jobs = one_job_per_model::<T>(s, 1, 1);
		let now = frame_system::Pallet::<T>::block_number();

		#[block]
		{
			Pallet::<T>::assign_jobs(now);
		}

		assert_eq!(Deadlines::<T>::iter_values().map(|d| d.len()).sum::<usize>(), jobs.len());
	}

	/// The hook refunding `s` queued jobs, each of its own model, that waited past the queue
	/// timeout.
	#[benchmark]
	fn time_out_queued(s: Linear<0, { T::MaxJobsPerBlock::get() }>) {
		let jobs = one_job_per_model::<T>(s, 1, 1);
		let late = frame_system::Pallet::<T>::block_number().saturating_add(T::QueueTimeout::get());
		frame_system::Pallet::<T>::set_block_number(late);

		#[block]
		{
			Pallet::<T>::assign_jobs(late);
		}

		for job in jobs {
			assert!(!Jobs::<T>::get(job).expect("stored").is_open());
		}
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
