//! The pallet's logic for calls and the runtime API, as plain functions.

use alloc::{collections::btree_map::BTreeMap, vec::Vec};
use codec::Encode;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungible::{Balanced, Inspect, Mutate, MutateHold},
		tokens::{Fortitude, Precision, Preservation},
		Defensive, OnUnbalanced,
	},
};
use sp_runtime::traits::{AccountIdConversion, CheckedAdd, CheckedMul, Saturating, Zero};
use zkinfer_primitives::{
	inference_public_inputs, job_binding, ComputeNodes, ComputeUnits, InferenceVerifier, JobId,
	ModelId, ModelRegistry, ModelTerms, ProofSystem, QuantizedValue,
};
use zkinfer_verifier_primitives::{KeyHash, KeyInfo, PublicInput, StatementHash};

use crate::{
	pallet::{
		BalanceOf, Config, Error, Event, HoldReason, InputOf, Job, JobOf, JobResultOf, JobStatus,
		Jobs, NextJobId, NodeJobs, NodeLoad, OutputOf, Pallet, Payout, Queues, RefundReason,
	},
	WeightInfo,
};

/// What settling a job needs: the job, its model's terms and the node it is assigned to.
pub(crate) type SettlementTerms<T> = (
	JobOf<T>,
	ModelTerms<<T as frame_system::Config>::AccountId>,
	<T as frame_system::Config>::AccountId,
);

/// A result of `submit_results` whose job may take it, waiting for its proof's verification.
pub(crate) struct Candidate<T: Config> {
	id: JobId,
	job: JobOf<T>,
	owner: T::AccountId,
	node: T::AccountId,
	public_inputs: Vec<PublicInput>,
	output: OutputOf<T>,
	proof: BoundedVec<u8, T::MaxProofBytes>,
}

/// The candidates of one `submit_results` call ([`Pallet::candidates`]).
pub(crate) struct Candidates<T: Config> {
	/// Grouped by the proof system and key that verify them.
	pub by_key: BTreeMap<(ProofSystem, KeyHash), Vec<Candidate<T>>>,
	/// The most input values of their jobs.
	pub most_input: u32,
	/// The most output values of their results.
	pub most_output: u32,
	/// How many models their jobs are of.
	pub models: u32,
}

impl<T: Config> Candidate<T> {
	/// The candidate, its proof verified with `statement`.
	pub fn verified(self, statement: StatementHash) -> VerifiedResult<T> {
		VerifiedResult {
			id: self.id,
			job: self.job,
			owner: self.owner,
			output: self.output,
			statement,
		}
	}
}

/// A job whose result verified, ready to be paid out ([`Pallet::settle_verified`]).
pub(crate) struct VerifiedResult<T: Config> {
	/// The job's id.
	pub id: JobId,
	/// The job.
	pub job: JobOf<T>,
	/// Its model's owner.
	pub owner: T::AccountId,
	/// The verified output.
	pub output: OutputOf<T>,
	/// What the proof established.
	pub statement: StatementHash,
}

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

	/// The most `submit_result` with `output` values can weigh ([`Self::submit_result_weight`]
	/// of any job): the largest input, the dearest key of that size, the three lookups.
	pub fn max_submit_result_weight(output: u32) -> Weight {
		let input = T::MaxInputValues::get();
		let public_inputs = input.saturating_add(output).saturating_add(1);
		T::WeightInfo::submit_result(input, output)
			.saturating_add(T::Verifiers::max_verify_weight(public_inputs))
			.saturating_add(T::DbWeight::get().reads(3))
	}

	/// What `submit_result` for job `id` with `output` values weighs, charged before it runs:
	/// the settlement of the job's own input and output and the verification under its model's
	/// own key, looked up here with three reads (the job, the model's terms, the key's shape),
	/// which are charged too. The executive evaluates this against the state a top-level call
	/// is applied to. Inside a batch every inner call is weighed before the first runs, which is
	/// equally exact because no call changes what this reads for a job it could settle: a job
	/// becomes assigned only in `on_initialize`, its input never changes, and a model's key and
	/// proof system are fixed at registration (the key is referenced, so it cannot be removed
	/// while the model exists). A job that does
	/// not exist fails the call at its first read, so it is charged the settlement of an empty
	/// input and no verification; a model or key that does not exist fails it before
	/// verification, but is charged the dearest key of the statement's size.
	pub fn submit_result_weight(id: JobId, output: u32) -> Weight {
		let lookups = T::DbWeight::get().reads(3);
		let Some(job) = Jobs::<T>::get(id) else {
			return T::WeightInfo::submit_result(0, output).saturating_add(lookups);
		};
		let input = job.input.len() as u32;
		let verification = T::Models::terms(job.model)
			.ok()
			.and_then(|terms| {
				T::Verifiers::key_info(terms.proof_system, &terms.vk)
					.map(|key| T::Verifiers::verify_weight(terms.proof_system, key))
			})
			.unwrap_or_else(|| {
				T::Verifiers::max_verify_weight(input.saturating_add(output).saturating_add(1))
			});
		T::WeightInfo::submit_result(input, output)
			.saturating_add(verification)
			.saturating_add(lookups)
	}

	/// What settling `count` results with up to `input` input and `output` output values adds
	/// to the batch benchmark (`submit_results`, at one value each): per result what its
	/// values add to a single settlement (`submit_result`).
	pub fn settlement_size_weight(count: u32, input: u32, output: u32) -> Weight {
		T::WeightInfo::submit_result(input.max(1), output.max(1))
			.saturating_sub(T::WeightInfo::submit_result(1, 1))
			.saturating_mul(count.into())
	}

	/// What `submit_results` with `results` weighs, charged before it runs: per result the
	/// settlement at the batch's largest input and output, and per key the most its
	/// verifier's batch verification of that key's results weighs (the search for bad proofs
	/// included). It looks up each result's job, and each model's terms and key shape once
	/// (charged as reads). Results that cannot be settled (unknown job or model) are charged
	/// no verification: they are refused before it. Refunded to what ran
	/// ([`Self::do_submit_results`]).
	pub fn submit_results_weight(results: &[JobResultOf<T>]) -> Weight {
		let count = results.len() as u32;
		let (mut most_input, mut most_output) = (0u32, 0u32);
		let mut models: BTreeMap<ModelId, Option<(ProofSystem, KeyHash, KeyInfo)>> =
			BTreeMap::new();
		let mut groups: BTreeMap<(ProofSystem, KeyHash), (KeyInfo, u32)> = BTreeMap::new();
		for result in results {
			// Only an assigned job can take a result; the others are refused unverified.
			let Some(job) = Jobs::<T>::get(result.job)
				.filter(|job| matches!(job.status, JobStatus::Assigned { .. }))
			else {
				continue;
			};
			most_input = most_input.max(job.input.len() as u32);
			most_output = most_output.max(result.output.len() as u32);
			let key = models.entry(job.model).or_insert_with(|| {
				let terms = T::Models::terms(job.model).ok()?;
				let info = T::Verifiers::key_info(terms.proof_system, &terms.vk)?;
				Some((terms.proof_system, terms.vk, info))
			});
			if let Some((system, vk, info)) = key {
				groups.entry((*system, *vk)).or_insert((*info, 0)).1.saturating_inc();
			}
		}
		let verification = groups.iter().fold(Weight::zero(), |sum, ((system, _), (info, n))| {
			sum.saturating_add(T::Verifiers::max_verify_batch_weight(*system, *info, *n))
		});
		T::WeightInfo::submit_results(count)
			.saturating_add(Self::settlement_size_weight(count, most_input, most_output))
			.saturating_add(verification)
			.saturating_add(Self::results_lookup_weight(count, models.len() as u32))
	}

	/// The reads [`Self::submit_results_weight`] makes: a job per result, terms and key shape
	/// per model.
	fn results_lookup_weight(results: u32, models: u32) -> Weight {
		T::DbWeight::get().reads(u64::from(results).saturating_add(2 * u64::from(models)))
	}

	/// Checks that `signer` may settle job `id` with `output`; returns the job, its model's
	/// terms and the node it is assigned to (`signer` itself, or the node whose prover key
	/// `signer` is).
	pub(crate) fn settlement_terms(
		signer: &T::AccountId,
		id: JobId,
		output: &OutputOf<T>,
	) -> Result<SettlementTerms<T>, DispatchError> {
		let job = Jobs::<T>::get(id).ok_or(Error::<T>::UnknownJob)?;
		let node = match &job.status {
			JobStatus::Assigned { node, .. } => {
				ensure!(T::Nodes::may_submit_for(signer, node), Error::<T>::NotAssignedNode);
				node.clone()
			},
			_ => return Err(Error::<T>::NotAssigned.into()),
		};
		let terms = T::Models::terms(job.model)?;
		ensure!(output.len() == terms.output_len as usize, Error::<T>::OutputLength);
		Ok((job, terms, node))
	}

	/// Verifies the result `signer` submits for job `id` and settles it. Its weight is
	/// [`Self::submit_result_weight`], charged before it runs.
	pub fn do_submit_result(
		signer: T::AccountId,
		id: JobId,
		output: OutputOf<T>,
		proof: BoundedVec<u8, T::MaxProofBytes>,
	) -> DispatchResult {
		let (job, terms, node) = Self::settlement_terms(&signer, id, &output)?;
		let public_inputs = Self::public_inputs(id, &node, &job.input, &output);
		let statement =
			T::Verifiers::verify(terms.proof_system, &terms.vk, &public_inputs, &proof)?;
		let owner = terms.owner;
		Self::settle_verified(
			&node,
			alloc::vec![VerifiedResult { id, job, owner, output, statement }],
		)
	}

	/// Verifies the results `signer` submits and settles those whose proofs verify; refuses
	/// the others one by one ([`Event::ResultRefused`]). Returns the weight it took: the
	/// settlement of the results that reached it and the verification of each key's batch
	/// ([`Self::submit_results_weight`] bounds it).
	pub fn do_submit_results(
		signer: T::AccountId,
		results: Vec<JobResultOf<T>>,
	) -> Result<Weight, DispatchError> {
		let count = results.len() as u32;
		let candidates = Self::candidates(&signer, results);
		let mut weight = T::WeightInfo::submit_results(count)
			.saturating_add(Self::settlement_size_weight(
				count,
				candidates.most_input,
				candidates.most_output,
			))
			.saturating_add(Self::results_lookup_weight(count, candidates.models));
		// Every candidate's node is one the signer may submit for: the signer itself or the
		// node whose prover key it is, so all are the same node.
		let mut verified: Vec<VerifiedResult<T>> = Vec::new();
		let mut node = None;
		for ((system, key), group) in candidates.by_key {
			let statements: Vec<(&[PublicInput], &[u8])> =
				group.iter().map(|c| (c.public_inputs.as_slice(), c.proof.as_slice())).collect();
			match T::Verifiers::verify_batch(system, &key, &statements) {
				Ok(batch) => {
					weight.saturating_accrue(batch.weight);
					for (candidate, result) in group.into_iter().zip(batch.results) {
						match result {
							Ok(statement) => {
								node = Some(candidate.node.clone());
								verified.push(candidate.verified(statement));
							},
							Err(error) => Self::refuse(candidate.id, error),
						}
					}
				},
				Err(error) => {
					for candidate in group {
						Self::refuse(candidate.id, error);
					}
				},
			}
		}
		if let Some(node) = node {
			Self::settle_verified(&node, verified)?;
		}
		Ok(weight)
	}

	/// The results of `submit_results` whose jobs may take them from `signer`, grouped by the
	/// key that verifies them; the others are refused here ([`Event::ResultRefused`]).
	pub(crate) fn candidates(signer: &T::AccountId, results: Vec<JobResultOf<T>>) -> Candidates<T> {
		let mut candidates =
			Candidates { by_key: BTreeMap::new(), most_input: 0, most_output: 0, models: 0 };
		let mut seen = alloc::collections::btree_set::BTreeSet::new();
		let mut models = alloc::collections::btree_set::BTreeSet::new();
		for result in results {
			let id = result.job;
			if !seen.insert(id) {
				Self::refuse(id, Error::<T>::DuplicateResult.into());
				continue;
			}
			match Self::settlement_terms(signer, id, &result.output) {
				Ok((job, terms, node)) => {
					models.insert(job.model);
					candidates.most_input = candidates.most_input.max(job.input.len() as u32);
					candidates.most_output = candidates.most_output.max(result.output.len() as u32);
					let public_inputs = Self::public_inputs(id, &node, &job.input, &result.output);
					candidates.by_key.entry((terms.proof_system, terms.vk)).or_default().push(
						Candidate {
							id,
							job,
							owner: terms.owner,
							node,
							public_inputs,
							output: result.output,
							proof: result.proof,
						},
					);
				},
				Err(error) => Self::refuse(id, error),
			}
		}
		candidates.models = models.len() as u32;
		candidates
	}

	/// Emits that the result for job `id` was refused, and why.
	fn refuse(job: JobId, error: DispatchError) {
		Self::deposit_event(Event::ResultRefused { job, error });
	}

	/// How a fee splits: node and owner by their shares, the rest to the protocol.
	pub fn split_fee(fee: BalanceOf<T>) -> Payout<BalanceOf<T>> {
		let node = T::NodeShare::get() * fee;
		let owner = (T::OwnerShare::get() * fee).min(fee.saturating_sub(node));
		Payout { node, owner, protocol: fee.saturating_sub(node).saturating_sub(owner) }
	}

	/// Pays `amount` out of the escrow account to `to`, keeping the escrow's existential
	/// deposit.
	fn pay_from_escrow(to: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		T::Currency::transfer(&Self::escrow_account(), to, amount, Preservation::Preserve)
			.map(|_| ())
			.map_err(|_| Error::<T>::EscrowShortfall.into())
	}

	/// Pays out the fees of jobs whose results verified, all assigned to `node`, and records
	/// their outputs: the one payout path of every settlement.
	///
	/// Each job's fee splits as [`Self::split_fee`] says (its payout is recorded with the job),
	/// and the shares are paid out of the escrow account summed: one transfer to the node's
	/// reward account, one per model owner, one withdrawal for the protocol. Per job it
	/// writes only the job's record and its node-index entry; per model the registry's
	/// records once ([`ModelRegistry::jobs_verified`]); per call the node's load and its
	/// staking record once.
	pub(crate) fn settle_verified(
		node: &T::AccountId,
		results: Vec<VerifiedResult<T>>,
	) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		let (mut to_node, mut to_protocol) = (BalanceOf::<T>::zero(), BalanceOf::<T>::zero());
		let mut to_owners: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut per_model: BTreeMap<ModelId, Vec<T::AccountId>> = BTreeMap::new();
		let mut units: ComputeUnits = 0;
		for VerifiedResult { id, mut job, owner, output, statement } in results {
			let payout = Self::split_fee(job.fee);
			to_node = to_node.saturating_add(payout.node);
			to_protocol = to_protocol.saturating_add(payout.protocol);
			let owed = to_owners.entry(owner).or_insert_with(Zero::zero);
			*owed = owed.saturating_add(payout.owner);
			units = units.saturating_add(job.compute_units);
			per_model.entry(job.model).or_default().push(job.requester.clone());
			NodeJobs::<T>::remove(node, id);
			let model = job.model;
			job.status = JobStatus::Fulfilled {
				node: node.clone(),
				output: output.clone(),
				statement,
				payout,
				at: now,
			};
			Jobs::<T>::insert(id, job);
			Self::deposit_event(Event::InferenceVerified {
				job: id,
				model,
				node: node.clone(),
				output,
				statement,
				payout,
			});
		}
		Self::pay_from_escrow(&T::Nodes::reward_account(node), to_node)?;
		for (owner, amount) in to_owners {
			Self::pay_from_escrow(&owner, amount)?;
		}
		if !to_protocol.is_zero() {
			let credit = T::Currency::withdraw(
				&Self::escrow_account(),
				to_protocol,
				Precision::Exact,
				Preservation::Preserve,
				Fortitude::Polite,
			)
			.map_err(|_| Error::<T>::EscrowShortfall)?;
			T::ProtocolFeeDestination::on_unbalanced(credit);
		}
		T::Nodes::work_verified(node, to_node);
		Self::release_load(node, units);
		for (model, requesters) in per_model {
			T::Models::jobs_verified(model, &requesters)?;
		}
		Ok(())
	}

	/// Takes job `id` off `node`'s open work (its job index and load).
	pub(crate) fn release_assignment(node: &T::AccountId, id: JobId, units: ComputeUnits) {
		NodeJobs::<T>::remove(node, id);
		Self::release_load(node, units);
	}

	/// Takes `units` off `node`'s load.
	fn release_load(node: &T::AccountId, units: ComputeUnits) {
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
