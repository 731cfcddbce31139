//! The pallet's logic for calls and the runtime API, as plain functions.

use alloc::vec::Vec;
use codec::Encode;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, Mutate, MutateHold},
		tokens::{Precision, Preservation},
		Defensive,
	},
};
use sp_runtime::traits::{AccountIdConversion, CheckedAdd, CheckedMul, Saturating, Zero};
use zkinfer_primitives::{
	inference_public_inputs, job_binding, ComputeUnits, JobId, ModelId, ModelRegistry, ModelTerms,
	QuantizedValue,
};
use zkinfer_verifier_primitives::PublicInput;

use crate::pallet::{
	BalanceOf, Config, Error, Event, HoldReason, InputOf, Job, JobOf, JobStatus, Jobs, NextJobId,
	NodeJobs, NodeLoad, Pallet, Queues, RefundReason,
};

impl<T: Config> Pallet<T> {
	/// The escrow account: it holds every open job's fee, from submission until the job is
	/// settled (paid out) or refunded, on top of its existential deposit.
	pub fn escrow_account() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	/// Gives the escrow account its existential deposit if it has less (genesis), so fees of
	/// any size can be paid in and the account never dies when it pays them out.
	pub(crate) fn open_escrow() {
		let escrow = Self::escrow_account();
		let ed = T::Currency::minimum_balance();
		let balance = T::Currency::balance(&escrow);
		if balance < ed {
			let _ = T::Currency::mint_into(&escrow, ed.saturating_sub(balance)).defensive();
		}
	}

	/// What one inference of a model with these terms costs now: compute units × unit price.
	pub fn price(terms: &ModelTerms<T::AccountId>) -> Result<BalanceOf<T>, Error<T>> {
		BalanceOf::<T>::try_from(terms.compute_units)
			.ok()
			.and_then(|units| units.checked_mul(&T::UnitPrice::get()))
			.ok_or(Error::<T>::PriceOverflow)
	}

	/// The price of one inference of `model` (the runtime API's quote).
	pub fn quote(model: ModelId) -> Result<BalanceOf<T>, DispatchError> {
		let terms = T::Models::terms(model)?;
		ensure!(terms.accepts_jobs, Error::<T>::ModelNotAcceptingJobs);
		Ok(Self::price(&terms)?)
	}

	/// The stored job `job` (the runtime API's status query).
	pub fn job(job: JobId) -> Option<JobOf<T>> {
		Jobs::<T>::get(job)
	}

	/// The open jobs assigned to `node`, in job order.
	pub fn jobs_assigned_to(node: T::AccountId) -> Vec<JobId> {
		let mut jobs: Vec<JobId> = NodeJobs::<T>::iter_key_prefix(node).collect();
		jobs.sort_unstable();
		jobs
	}

	/// The governed `MaxReassignments`, below `MaxAssignments` (the nodes that missed a job
	/// are remembered in it, at most `MaxAssignments`).
	pub fn max_reassignments() -> u32 {
		T::MaxReassignments::get().min(T::MaxAssignments::get().saturating_sub(1))
	}

	/// The storage deposit of a job with `input` input and `output` output values.
	pub fn job_deposit(input: u32, output: u32) -> Result<BalanceOf<T>, Error<T>> {
		let values = input.checked_add(output).ok_or(Error::<T>::PriceOverflow)?;
		T::JobDepositPerValue::get()
			.checked_mul(&values.into())
			.and_then(|d| d.checked_add(&T::JobDepositBase::get()))
			.ok_or(Error::<T>::PriceOverflow)
	}

	/// Prices, escrows and queues a job of `requester`; returns its id.
	pub fn do_submit_inference(
		requester: T::AccountId,
		model: ModelId,
		input: InputOf<T>,
		max_fee: BalanceOf<T>,
	) -> Result<JobId, DispatchError> {
		let terms = T::Models::terms(model)?;
		ensure!(terms.accepts_jobs, Error::<T>::ModelNotAcceptingJobs);
		ensure!(input.len() == terms.input_len as usize, Error::<T>::InputLength);
		if let Some((index, _)) = terms.input_domain.first_outside(&input) {
			// MaxInputValues is below 2^16 (integrity test).
			return Err(Error::<T>::InputOutOfDomain { index: index as u16 }.into());
		}
		let fee = Self::price(&terms)?;
		ensure!(fee <= max_fee, Error::<T>::PriceAboveMaxFee);
		let deposit = Self::job_deposit(terms.input_len, terms.output_len)?;
		let id = NextJobId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::JobIdOverflow)?;
		Queues::<T>::try_mutate(model, |queue| {
			queue
				.get_or_insert_with(Default::default)
				.try_push(id)
				.map_err(|_| Error::<T>::QueueFull)
		})?;
		// Calls are transactional: a failure below rolls back the writes before it.
		T::Currency::transfer(&requester, &Self::escrow_account(), fee, Preservation::Preserve)?;
		T::Currency::hold(&HoldReason::JobDeposit.into(), &requester, deposit)?;
		T::Models::job_opened(model, &requester)?;
		let now = frame_system::Pallet::<T>::block_number();
		Jobs::<T>::insert(
			id,
			Job {
				model,
				requester: requester.clone(),
				input,
				fee,
				deposit,
				compute_units: terms.compute_units,
				submitted_at: now,
				assignments: 0,
				missed_by: Default::default(),
				status: JobStatus::Queued {
					expires_at: now.saturating_add(T::QueueTimeout::get()),
				},
			},
		);
		NextJobId::<T>::put(next);
		Self::deposit_event(Event::InferenceSubmitted { job: id, model, requester, fee, deposit });
		Ok(id)
	}

	/// Cancels `who`'s queued job `id`, refunding its fee.
	pub fn do_cancel(who: T::AccountId, id: JobId) -> DispatchResult {
		let mut job = Jobs::<T>::get(id).ok_or(Error::<T>::UnknownJob)?;
		ensure!(job.requester == who, Error::<T>::NotRequester);
		ensure!(matches!(job.status, JobStatus::Queued { .. }), Error::<T>::NotQueued);
		Self::unqueue(job.model, id);
		Self::pay_from_escrow(&who, job.fee)?;
		T::Models::job_closed(job.model)?;
		job.status =
			JobStatus::Cancelled { amount: job.fee, at: frame_system::Pallet::<T>::block_number() };
		let amount = job.fee;
		Jobs::<T>::insert(id, job);
		Self::deposit_event(Event::JobCancelled { job: id, requester: who, amount });
		Ok(())
	}

	/// Takes job `id` out of `model`'s queue (dropping the queue once empty).
	pub(crate) fn unqueue(model: ModelId, id: JobId) {
		Queues::<T>::mutate_exists(model, |queue| {
			if let Some(jobs) = queue {
				jobs.retain(|&queued| queued != id);
				if jobs.is_empty() {
					*queue = None;
				}
			}
		});
	}

	/// Refunds the open job `id` (already out of the queue and deadline lists) for `reason`.
	pub(crate) fn refund(id: JobId, mut job: JobOf<T>, reason: RefundReason) -> DispatchResult {
		Self::pay_from_escrow(&job.requester, job.fee)?;
		T::Models::job_closed(job.model)?;
		job.status = JobStatus::Refunded {
			reason,
			amount: job.fee,
			at: frame_system::Pallet::<T>::block_number(),
		};
		let (requester, amount) = (job.requester.clone(), job.fee);
		Jobs::<T>::insert(id, job);
		Self::deposit_event(Event::JobRefunded { job: id, requester, amount, reason });
		Ok(())
	}

	/// Removes `who`'s finished job `id`, releasing its deposit.
	pub fn do_remove_job(who: T::AccountId, id: JobId) -> DispatchResult {
		let job = Jobs::<T>::get(id).ok_or(Error::<T>::UnknownJob)?;
		ensure!(job.requester == who, Error::<T>::NotRequester);
		ensure!(!job.is_open(), Error::<T>::JobStillOpen);
		T::Currency::release(&HoldReason::JobDeposit.into(), &who, job.deposit, Precision::Exact)?;
		Jobs::<T>::remove(id);
		Self::deposit_event(Event::JobRemoved { job: id, requester: who, deposit: job.deposit });
		Ok(())
	}

	/// The public inputs of a proof that `output` answers job `id` on `input` for `node`.
	pub fn public_inputs(
		id: JobId,
		node: &T::AccountId,
		input: &[QuantizedValue],
		output: &[QuantizedValue],
	) -> Vec<PublicInput> {
		inference_public_inputs(job_binding(id, &node.encode()), input, output)
	}

	/// Takes job `id` off `node`'s open work (its job index and load).
	pub(crate) fn release_assignment(node: &T::AccountId, id: JobId, units: ComputeUnits) {
		NodeJobs::<T>::remove(node, id);
		Self::release_load(node, units);
	}

	/// Takes `units` off `node`'s load.
	pub(crate) fn release_load(node: &T::AccountId, units: ComputeUnits) {
		NodeLoad::<T>::mutate_exists(node, |load| {
			let left = load.unwrap_or_default().checked_sub(units).unwrap_or_else(|| {
				frame_support::defensive!("a node's load is below its assigned job's units");
				0
			});
			*load = (left > 0).then_some(left);
		});
	}

	/// Checks the pallet's invariants (see the module docs). Built in every configuration so
	/// that the runtime's tests can check them after each step; reads storage only.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use crate::pallet::Deadlines;
		use alloc::collections::{btree_map::BTreeMap, btree_set::BTreeSet};
		use frame_support::traits::fungible::InspectHold;
		let mut fees: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut open_per_model: BTreeMap<ModelId, u32> = BTreeMap::new();
		let mut queued = BTreeSet::new();
		let next = NextJobId::<T>::get();
		// Finished jobs keep their count after governance lowers `MaxReassignments`: the bound
		// every job ever had is `MaxAssignments`.
		let most_assignments = T::MaxAssignments::get();
		let mut load: BTreeMap<T::AccountId, ComputeUnits> = BTreeMap::new();
		for (id, job) in Jobs::<T>::iter() {
			ensure!(id < next, "a job id is not below NextJobId");
			ensure!(job.assignments <= most_assignments, "a job was assigned too often");
			ensure!(
				job.missed_by.len() as u32 <= job.assignments,
				"a job was missed more often than assigned"
			);
			let deposit = deposits.entry(job.requester.clone()).or_insert_with(Zero::zero);
			*deposit = deposit.saturating_add(job.deposit);
			if job.is_open() {
				let fee = fees.entry(job.requester.clone()).or_insert_with(Zero::zero);
				*fee = fee.saturating_add(job.fee);
				let open = open_per_model.entry(job.model).or_insert(0);
				*open = open.saturating_add(1);
			}
			match &job.status {
				JobStatus::Queued { .. } => {
					queued.insert((job.model, id));
				},
				JobStatus::Assigned { node, deadline } => {
					ensure!(
						Deadlines::<T>::get(deadline).contains(&id),
						"an assigned job has no deadline entry"
					);
					ensure!(
						NodeJobs::<T>::get(node, id).as_ref() == Some(deadline),
						"an assigned job is not in its node's index with its deadline"
					);
					ensure!(
						!job.missed_by.contains(node),
						"a job is assigned to a node that missed it"
					);
					let units = load.entry(node.clone()).or_default();
					*units = units.saturating_add(job.compute_units);
				},
				JobStatus::Fulfilled { payout, .. } => ensure!(
					payout
						.node
						.checked_add(&payout.owner)
						.and_then(|s| s.checked_add(&payout.protocol))
						== Some(job.fee),
					"a fulfilled job's payout differs from its fee"
				),
				JobStatus::Refunded { amount, .. } | JobStatus::Cancelled { amount, .. } => {
					ensure!(*amount == job.fee, "a refund differs from the job's fee")
				},
			}
		}
		let mut in_queues = BTreeSet::new();
		for (model, queue) in Queues::<T>::iter() {
			ensure!(!queue.is_empty(), "an empty queue is stored");
			for &id in queue.iter() {
				ensure!(in_queues.insert((model, id)), "a job is queued twice");
			}
		}
		ensure!(in_queues == queued, "the queues differ from the queued jobs");
		for (node, units) in NodeLoad::<T>::iter() {
			ensure!(
				load.remove(&node) == Some(units),
				"a node's load differs from its assigned jobs' units"
			);
		}
		ensure!(load.is_empty(), "a node with assigned jobs has no load");
		for (node, id, _) in NodeJobs::<T>::iter() {
			let assigned = Jobs::<T>::get(id).map(|job| job.status);
			ensure!(
				matches!(assigned, Some(JobStatus::Assigned { node: n, .. }) if n == node),
				"a node's job index lists a job not assigned to it"
			);
		}
		// Anyone may send the escrow account funds, so it holds at least what it owes.
		let owed = fees
			.values()
			.fold(T::Currency::minimum_balance(), |sum, fee| sum.saturating_add(*fee));
		ensure!(
			T::Currency::balance(&Self::escrow_account()) >= owed,
			"the escrow account holds less than the open jobs' fees and its existential deposit"
		);
		for (requester, deposit) in deposits.iter() {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::JobDeposit.into(), requester) == *deposit,
				"held deposits differ from the stored jobs' deposits"
			);
		}
		for (model, open) in open_per_model {
			ensure!(T::Models::open_jobs(model) == open, "the registry counts other open jobs");
		}
		Ok(())
	}
}

impl<AccountId, Balance, BlockNumber, MaxInput, MaxOutput, MaxMissed>
	Job<AccountId, Balance, BlockNumber, MaxInput, MaxOutput, MaxMissed>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	Balance: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxInput: Get<u32>,
	MaxOutput: Get<u32>,
	MaxMissed: Get<u32>,
{
	/// Whether the job is queued or assigned (its fee is in escrow).
	pub fn is_open(&self) -> bool {
		matches!(self.status, JobStatus::Queued { .. } | JobStatus::Assigned { .. })
	}
}
