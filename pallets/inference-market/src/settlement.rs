//! Settlement: checking submitted results, verifying their proofs, and paying verified jobs out
//! of the escrow; and what it weighs.
//!
//! One path pays every verified job, [`Pallet::settle_verified`], whether it came alone
//! (`submit_result`) or in a batch (`submit_results`): per job it writes the job's record and
//! its node-index entry; per model the registry's records, once; per call the node's load and
//! staking record and one transfer per recipient (the node's reward account, each model owner,
//! the treasury), the jobs' shares summed.

use alloc::{
	collections::{btree_map::BTreeMap, btree_set::BTreeSet},
	vec::Vec,
};
use frame_support::{
	ensure,
	pallet_prelude::*,
	storage::with_storage_layer,
	traits::{
		fungible::{Balanced, Mutate},
		tokens::{Fortitude, Precision, Preservation},
		OnUnbalanced,
	},
};
use sp_runtime::traits::{Saturating, Zero};
use zkinfer_primitives::{
	ComputeNodes, ComputeUnits, InferenceVerifier, JobId, ModelId, ModelRegistry, ModelTerms,
};
use zkinfer_verifier_primitives::{PublicInput, StatementHash};

use crate::{
	pallet::{
		BalanceOf, Config, Error, Event, JobOf, JobStatus, Jobs, ModelResultsOf, NodeJobs,
		OutputOf, Pallet, Payout,
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

/// What the candidates of one `submit_results` call have used of its bounds so far, and whose
/// jobs they may be.
pub(crate) struct CallBudget<AccountId> {
	/// The nodes the signer submits for: itself, and the node whose prover key it is.
	nodes: Vec<AccountId>,
	/// The jobs that already have a result in the call.
	seen: BTreeSet<JobId>,
	/// The public-input values of the statements built so far.
	values: u64,
}

impl<AccountId: Clone + PartialEq> CallBudget<AccountId> {
	/// A budget for the results `signer` submits.
	pub(crate) fn for_signer<T: Config<AccountId = AccountId>>(signer: &AccountId) -> Self {
		let mut nodes = alloc::vec![signer.clone()];
		if let Some(node) = T::Nodes::node_of_prover(signer).filter(|node| node != signer) {
			nodes.push(node);
		}
		Self { nodes, seen: BTreeSet::new(), values: 0 }
	}
}

impl<T: Config> Pallet<T> {
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
	/// while the model exists). A job that does not exist fails the call at its first read, so
	/// it is charged the settlement of an empty input and no verification; a model or key that
	/// does not exist fails it before verification, but is charged the dearest key of the
	/// statement's size.
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

	/// What settling `count` results with `input` input and `output` output values each adds
	/// to the batch benchmark (`submit_results`, at one value each): per result what its values
	/// add to a single settlement (`submit_result`).
	pub fn settlement_size_weight(count: u32, input: u32, output: u32) -> Weight {
		T::WeightInfo::submit_result(input.max(1), output.max(1))
			.saturating_sub(T::WeightInfo::submit_result(1, 1))
			.saturating_mul(count.into())
	}

	/// What `submit_results` with `batches` weighs, charged before it runs, from the call and
	/// each listed model's terms and key shape (two reads per model, charged; no job is read):
	/// per result the batch settlement benchmark (`submit_results`) plus what its model's input
	/// and output add; per model the most its verifier's batch verification of that many
	/// results weighs (the search for bad proofs included). The results of a model that does
	/// not exist, or whose key does not, are refused before verification and charged none.
	/// Refunded to what ran ([`Self::do_submit_results`]).
	pub fn submit_results_weight(batches: &[ModelResultsOf<T>]) -> Weight {
		let mut count = 0u32;
		let mut weight = Weight::zero();
		for batch in batches {
			let results = batch.results.len() as u32;
			count = count.saturating_add(results);
			let Ok(terms) = T::Models::terms(batch.model) else { continue };
			let Some(key) = T::Verifiers::key_info(terms.proof_system, &terms.vk) else {
				continue;
			};
			weight.saturating_accrue(Self::settlement_size_weight(
				results,
				terms.input_len,
				terms.output_len,
			));
			weight.saturating_accrue(T::Verifiers::max_verify_batch_weight(
				terms.proof_system,
				key,
				results,
			));
		}
		weight
			.saturating_add(T::WeightInfo::submit_results(count))
			.saturating_add(Self::batch_lookup_weight(batches.len()))
	}

	/// The reads of the models' terms and key shapes (two per listed model) and of the node
	/// the signer proves for (one).
	fn batch_lookup_weight(models: usize) -> Weight {
		T::DbWeight::get().reads(2u64.saturating_mul(models as u64).saturating_add(1))
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
		let verified = alloc::vec![VerifiedResult { id, job, owner, output, statement }];
		match Self::settle_verified(&node, verified)?.into_iter().next() {
			Some((_, error)) => Err(error),
			None => Ok(()),
		}
	}

	/// Verifies the results `signer` submits, per model, and settles those whose proofs
	/// verify; refuses the others one by one ([`Event::ResultRefused`]). Returns the weight it
	/// took: the settlement of the results that reached it and each model's batch
	/// verification ([`Self::submit_results_weight`] bounds it). Fails as a whole only when
	/// the call holds more than `MaxBatchResults` results, or paying out fails.
	pub fn do_submit_results(
		signer: T::AccountId,
		batches: Vec<ModelResultsOf<T>>,
	) -> Result<Weight, DispatchError> {
		let count = batches.iter().map(|batch| batch.results.len()).sum::<usize>();
		ensure!(count <= T::MaxBatchResults::get() as usize, Error::<T>::TooManyResults);
		let mut weight = T::WeightInfo::submit_results(count as u32)
			.saturating_add(Self::batch_lookup_weight(batches.len()));
		let mut budget = CallBudget::for_signer::<T>(&signer);
		let mut verified: BTreeMap<T::AccountId, Vec<VerifiedResult<T>>> = BTreeMap::new();
		for batch in batches {
			let terms = match T::Models::terms(batch.model) {
				Ok(terms) => terms,
				Err(error) => {
					for result in &batch.results {
						Self::refuse(result.job, error);
					}
					continue;
				},
			};
			let group = Self::candidates(&signer, batch, &terms, &mut budget);
			if group.is_empty() {
				continue;
			}
			let statements: Vec<(&[PublicInput], &[u8])> =
				group.iter().map(|c| (c.public_inputs.as_slice(), c.proof.as_slice())).collect();
			match T::Verifiers::verify_batch(terms.proof_system, &terms.vk, &statements) {
				Ok(batch) => {
					// As charged beforehand: the size of this model's statements, its batch.
					weight.saturating_accrue(Self::settlement_size_weight(
						statements.len() as u32,
						terms.input_len,
						terms.output_len,
					));
					weight.saturating_accrue(batch.weight);
					for (candidate, result) in group.into_iter().zip(batch.results) {
						match result {
							Ok(statement) => verified
								.entry(candidate.node.clone())
								.or_default()
								.push(candidate.verified(statement)),
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
		// A signer submits for its own node and for the node whose prover key it is.
		for (node, results) in verified {
			for (job, error) in Self::settle_verified(&node, results)? {
				Self::refuse(job, error);
			}
		}
		Ok(weight)
	}

	/// The results of `batch` (of the model whose terms are `terms`) that `signer` may settle,
	/// with their statements built; the others are refused here ([`Event::ResultRefused`]): a
	/// job listed before in the call, one not assigned to a node the signer submits for (found
	/// in `NodeJobs` before the job's record is read), one that may not take the result for
	/// another reason (see [`Self::settlement_terms`]), one of another model, and one whose
	/// statement would take the call beyond `MaxBatchValues` public-input values.
	pub(crate) fn candidates(
		signer: &T::AccountId,
		batch: ModelResultsOf<T>,
		terms: &ModelTerms<T::AccountId>,
		budget: &mut CallBudget<T::AccountId>,
	) -> Vec<Candidate<T>> {
		let values = u64::from(terms.input_len)
			.saturating_add(u64::from(terms.output_len))
			.saturating_add(1);
		let mut candidates = Vec::with_capacity(batch.results.len());
		for result in batch.results {
			let id = result.job;
			if !budget.seen.insert(id) {
				Self::refuse(id, Error::<T>::DuplicateResult.into());
				continue;
			}
			if !budget.nodes.iter().any(|node| NodeJobs::<T>::contains_key(node, id)) {
				Self::refuse(id, Error::<T>::NotAssignedNode.into());
				continue;
			}
			let (job, _, node) = match Self::settlement_terms(signer, id, &result.output) {
				Ok(found) => found,
				Err(error) => {
					Self::refuse(id, error);
					continue;
				},
			};
			if job.model != batch.model {
				Self::refuse(id, Error::<T>::WrongModel.into());
				continue;
			}
			if budget.values.saturating_add(values) > u64::from(T::MaxBatchValues::get()) {
				Self::refuse(id, Error::<T>::TooManyValues.into());
				continue;
			}
			budget.values = budget.values.saturating_add(values);
			let public_inputs = Self::public_inputs(id, &node, &job.input, &result.output);
			candidates.push(Candidate {
				id,
				job,
				owner: terms.owner.clone(),
				node,
				public_inputs,
				output: result.output,
				proof: result.proof,
			});
		}
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
	/// deposit; the currency's own error if it cannot.
	pub(crate) fn pay_from_escrow(to: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		T::Currency::transfer(&Self::escrow_account(), to, amount, Preservation::Preserve)
			.map(|_| ())
	}

	/// Pays out the fees of jobs whose results verified, all assigned to `node`, and records
	/// their outputs: the one payout path of every settlement.
	///
	/// Each job's fee splits as [`Self::split_fee`] says (its payout is recorded with the job).
	/// Each model's jobs settle together in a storage layer of their own (job records, node
	/// index, the registry's [`ModelRegistry::jobs_verified`], events): if that fails (for
	/// instance removing a retired model's record after its last job), those jobs stay as they
	/// were and are returned with the error, and the other models' settle. The summed shares of
	/// the settled jobs are then paid out of the escrow account: one transfer to the node's
	/// reward account, one per model owner, one withdrawal for the protocol; the node's load
	/// and its staking record are updated once. A failed payout fails the whole settlement.
	pub(crate) fn settle_verified(
		node: &T::AccountId,
		results: Vec<VerifiedResult<T>>,
	) -> Result<Vec<(JobId, DispatchError)>, DispatchError> {
		let now = frame_system::Pallet::<T>::block_number();
		let mut by_model: BTreeMap<ModelId, Vec<VerifiedResult<T>>> = BTreeMap::new();
		for result in results {
			by_model.entry(result.job.model).or_default().push(result);
		}
		let (mut to_node, mut to_protocol) = (BalanceOf::<T>::zero(), BalanceOf::<T>::zero());
		let mut to_owners: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut units: ComputeUnits = 0;
		let mut refused = Vec::new();
		for (model, group) in by_model {
			let ids: Vec<JobId> = group.iter().map(|result| result.id).collect();
			let owner = group.first().map(|result| result.owner.clone());
			let settled = with_storage_layer(|| Self::record_verified(node, model, now, group));
			match (settled, owner) {
				(Ok(shares), Some(owner)) => {
					to_node = to_node.saturating_add(shares.node);
					to_protocol = to_protocol.saturating_add(shares.protocol);
					let owed = to_owners.entry(owner).or_insert_with(Zero::zero);
					*owed = owed.saturating_add(shares.owner);
					units = units.saturating_add(shares.units);
				},
				(Ok(_), None) => {},
				(Err(error), _) => refused.extend(ids.into_iter().map(|id| (id, error))),
			}
		}
		if units == 0 && to_node.is_zero() {
			return Ok(refused);
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
			)?;
			T::ProtocolFeeDestination::on_unbalanced(credit);
		}
		T::Nodes::work_verified(node, to_node);
		Self::release_load(node, units);
		Ok(refused)
	}

	/// Records one model's verified jobs of `node` as fulfilled (records, node index, the
	/// registry's statistics, events); returns their summed shares and compute units.
	fn record_verified(
		node: &T::AccountId,
		model: ModelId,
		now: frame_system::pallet_prelude::BlockNumberFor<T>,
		group: Vec<VerifiedResult<T>>,
	) -> Result<Shares<BalanceOf<T>>, DispatchError> {
		let requesters: Vec<T::AccountId> =
			group.iter().map(|result| result.job.requester.clone()).collect();
		T::Models::jobs_verified(model, &requesters)?;
		let mut shares: Shares<BalanceOf<T>> =
			Shares { node: Zero::zero(), owner: Zero::zero(), protocol: Zero::zero(), units: 0 };
		for VerifiedResult { id, mut job, output, statement, .. } in group {
			let payout = Self::split_fee(job.fee);
			shares.node = shares.node.saturating_add(payout.node);
			shares.owner = shares.owner.saturating_add(payout.owner);
			shares.protocol = shares.protocol.saturating_add(payout.protocol);
			shares.units = shares.units.saturating_add(job.compute_units);
			NodeJobs::<T>::remove(node, id);
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
		Ok(shares)
	}
}

/// What one model's settled jobs owe and free: summed shares and compute units.
struct Shares<Balance> {
	node: Balance,
	owner: Balance,
	protocol: Balance,
	units: ComputeUnits,
}
