//! The off-chain worker: proves the jobs assigned to the operator keys in the local keystore.
//!
//! On every block the node imports, [`Pallet::offchain_prove`] looks at each key of type
//! [`KEY_TYPE`] in the node's keystore ([`OffchainOperators::local_operators`]): a node
//! operator's own account, or the prover key an operator named for its node in node staking
//! (which may submit that node's results and do nothing else with it). For the nodes those
//! keys prove for, it visits their assigned jobs (`NodeJobs`) earliest deadline first, at most
//! [`MAX_OFFCHAIN_JOBS`] per run. For each job, under an off-chain storage lock so that two
//! workers (of consecutive blocks) never handle the same job at once, it takes the step of
//! the chain's one proving policy (`zkinfer_proving_interface::policy`, which the standalone
//! `prover-worker run` follows too):
//!
//! 1. it asks the node's prover for the job's status (`offchain_proving::proof_status`);
//! 2. unknown → it hands the job over (`offchain_proving::request_proof`: the model's
//!    artifact hash, the job binding, the input) and returns: proving happens in the node's
//!    pool, never in the worker;
//! 3. ready → it notes the block, so the next workers do not submit it again while the
//!    transaction is on its way (after [`RESUBMIT_AFTER`] blocks a still-assigned job is
//!    submitted again), and collects the result; once it has visited every job, it submits
//!    each local key's ready results signed by that key in one transaction
//!    (`submit_results`, at most `MaxBatchResults` per transaction; `submit_result` for a
//!    single one), so the proofs ready in one block are verified together;
//! 4. failed → it logs why and asks again after [`RETRY_AFTER`] blocks.
//!
//! A node restart loses the prover's memory, not the chain's: the job is still assigned,
//! the prover reports it unknown, and it is proved again.
//!
//! The worker's notes (`JobNotes`: when a result was submitted, when a failure was seen) live
//! in persistent off-chain storage, one entry per job, and a list per node of the jobs it keeps
//! notes for; each run forgets the notes of jobs no longer assigned to the node (settled,
//! expired, refunded), so they do not accumulate.

use alloc::vec::Vec;
use codec::Encode;
use frame_support::{traits::Get, BoundedVec};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	offchain::{
		storage::StorageValueRef,
		storage_lock::{BlockAndTime, StorageLock},
		Duration,
	},
	traits::UniqueSaturatedInto,
	KeyTypeId,
};
use zkinfer_primitives::{job_binding, ComputeNodes, JobId, ModelId, ModelRegistry};
use zkinfer_proving_interface::{
	offchain_proving,
	policy::{self, JobNotes, Step},
	ProofRequest, RequestOutcome, OPERATOR_KEY_TYPE,
};
pub use zkinfer_proving_interface::{RESUBMIT_AFTER, RETRY_AFTER};

use crate::{
	Call, Config, JobResult, JobResultOf, JobStatus, Jobs, ModelResults, ModelResultsOf, NodeJobs,
	Pallet,
};

#[cfg(test)]
mod tests;

/// The key type of compute-node operator keys (`zkin`): an sr25519 key whose account is the
/// operator, or the prover key an operator named.
pub const KEY_TYPE: KeyTypeId = KeyTypeId(OPERATOR_KEY_TYPE);

/// The most jobs one off-chain worker run looks at (over all local operators).
pub const MAX_OFFCHAIN_JOBS: usize = 64;

/// How long a worker holds a job's lock: at most this many blocks or milliseconds.
const LOCK_BLOCKS: u32 = 2;
const LOCK_MILLIS: u64 = 10_000;

/// Operator keys for off-chain signing: sr25519 under [`KEY_TYPE`].
pub mod crypto {
	use super::KEY_TYPE;
	use sp_core::sr25519;
	use sp_runtime::{
		app_crypto::{app_crypto, sr25519 as app_sr25519},
		MultiSignature, MultiSigner,
	};

	app_crypto!(app_sr25519, KEY_TYPE);

	/// The operator key as `frame_system::offchain` signs with it, for runtimes whose
	/// signatures are `MultiSignature`.
	pub struct OperatorKey;

	impl frame_system::offchain::AppCrypto<MultiSigner, MultiSignature> for OperatorKey {
		type RuntimeAppPublic = Public;
		type GenericSignature = sr25519::Signature;
		type GenericPublic = sr25519::Public;
	}
}

/// A result ready to submit, its job's model and statement size, and how to forget that it was
/// noted as submitted.
struct Ready<T: Config> {
	model: ModelId,
	/// Public-input values of its statement: `1 + inputs + outputs`.
	values: u64,
	result: JobResultOf<T>,
	undo: Undo,
}

/// A job's notes as they were before its result was noted as submitted, under their key.
struct Undo {
	key: Vec<u8>,
	notes: JobNotes,
}

/// Why the off-chain worker could not submit a result.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SubmitError {
	/// The local keystore holds no key of the account (removed since the run began, or a
	/// node without keys).
	NoKey,
	/// The transaction could not be built or the pool refused it.
	Refused,
}

/// The node's side of off-chain proving: which accounts it holds [`KEY_TYPE`] keys of (node
/// operators, or prover keys operators named), and how it submits results signed by them. The
/// runtime implements it with `frame_system::offchain::Signer` over the keystore; `()` holds no
/// keys (the worker then does nothing).
pub trait OffchainOperators<AccountId, LocalCall> {
	/// The accounts whose [`KEY_TYPE`] keys are in the local keystore.
	fn local_operators() -> Vec<AccountId>;
	/// Submits `call` as a transaction signed by `key`'s local key.
	fn submit_signed(key: &AccountId, call: LocalCall) -> Result<(), SubmitError>;
}

impl<AccountId, LocalCall> OffchainOperators<AccountId, LocalCall> for () {
	fn local_operators() -> Vec<AccountId> {
		Vec::new()
	}
	fn submit_signed(_: &AccountId, _: LocalCall) -> Result<(), SubmitError> {
		Err(SubmitError::NoKey)
	}
}

/// How the prover knows an operator: its account's 32 bytes (`blake2_256` of the encoding for
/// accounts of another size). Only a name for the prover's bookkeeping: the job binding is
/// always computed from the account itself.
pub fn prover_node_id<AccountId: Encode>(operator: &AccountId) -> [u8; 32] {
	let encoded = operator.encode();
	<[u8; 32]>::try_from(encoded.as_slice())
		.unwrap_or_else(|_| sp_io::hashing::blake2_256(&encoded))
}

/// Off-chain storage keys of a job handled for `node`.
fn storage_key(kind: &[u8], job: JobId, node: &[u8; 32]) -> Vec<u8> {
	(b"zkinfer/market/", kind, job, node).encode()
}

/// The off-chain storage key of the list of jobs the worker keeps notes for, for `node`.
fn tracked_key(node: &[u8; 32]) -> Vec<u8> {
	(b"zkinfer/market/tracked", node).encode()
}

impl<T: Config> Pallet<T> {
	/// The nodes a local key proves for: its own account (if it operates a node) and the node
	/// whose operator named it as prover key.
	fn nodes_proved_by(key: &T::AccountId) -> Vec<T::AccountId> {
		let mut nodes = alloc::vec![key.clone()];
		if let Some(node) = T::Nodes::node_of_prover(key).filter(|node| node != key) {
			nodes.push(node);
		}
		nodes
	}

	/// The off-chain worker's run at block `now`.
	pub fn offchain_prove(now: BlockNumberFor<T>) {
		let mut budget = MAX_OFFCHAIN_JOBS;
		for key in T::Operators::local_operators() {
			let mut ready = Vec::new();
			for operator in Self::nodes_proved_by(&key) {
				let node = prover_node_id(&operator);
				let mut jobs: Vec<(BlockNumberFor<T>, JobId)> =
					NodeJobs::<T>::iter_prefix(&operator)
						.map(|(job, deadline)| (deadline, job))
						.collect();
				Self::forget_finished(&node, &jobs);
				if budget == 0 {
					continue;
				}
				jobs.sort_unstable();
				for &(_, job) in jobs.iter().take(budget) {
					ready.extend(Self::offchain_job(now, &operator, &node, job));
				}
				budget = budget.saturating_sub(jobs.len());
			}
			Self::submit_ready(&key, ready);
		}
	}

	/// Submits `key`'s ready results: one `submit_result` for a single one, else
	/// `submit_results` transactions, each as large as the call's bounds allow
	/// ([`Self::batch_fits`]). The results of a transaction that could not be submitted get
	/// their notes back, so the next run submits them again.
	fn submit_ready(key: &T::AccountId, ready: Vec<Ready<T>>) {
		let mut ready = ready;
		ready.sort_by_key(|r| (r.model, r.result.job));
		let mut pending = ready.into_iter().peekable();
		while pending.peek().is_some() {
			let mut chunk: Vec<Ready<T>> = Vec::new();
			while let Some(next) = pending.peek() {
				let mut larger: Vec<&Ready<T>> = chunk.iter().collect();
				larger.push(next);
				if !chunk.is_empty() && !Self::batch_fits(&larger) {
					break;
				}
				chunk.extend(pending.next());
			}
			let jobs: Vec<JobId> = chunk.iter().map(|r| r.result.job).collect();
			let chunk = match <[Ready<T>; 1]>::try_from(chunk) {
				Ok([single]) => {
					let JobResult { job, output, proof } = single.result;
					let submitted = T::Operators::submit_signed(
						key,
						Call::submit_result { job, output, proof },
					);
					Self::after_submission(submitted, &jobs, alloc::vec![single.undo]);
					continue;
				},
				Err(chunk) => chunk,
			};
			let mut undo = Vec::with_capacity(chunk.len());
			let mut batches: Vec<ModelResultsOf<T>> = Vec::new();
			for Ready { model, result, undo: notes, .. } in chunk {
				undo.push(notes);
				match batches.last_mut() {
					Some(batch) if batch.model == model => {
						let _ = batch.results.try_push(result);
					},
					_ => batches.push(ModelResults {
						model,
						results: BoundedVec::truncate_from(alloc::vec![result]),
					}),
				}
			}
			let submitted = T::Operators::submit_signed(
				key,
				Call::submit_results { batches: BoundedVec::truncate_from(batches) },
			);
			Self::after_submission(submitted, &jobs, undo);
		}
	}

	/// Whether `results` (sorted by model) fit one `submit_results` call: at most
	/// `MaxBatchResults` results of at most `MaxBatchModels` models, their statements within
	/// `MaxBatchValues`, and the transaction within what one may weigh (with the base weight of
	/// an extrinsic) and take of a block's length. Quadratic in the results over a run, which
	/// visits at most [`MAX_OFFCHAIN_JOBS`].
	fn batch_fits(results: &[&Ready<T>]) -> bool {
		use codec::Encode;
		use frame_support::dispatch::DispatchClass;
		let mut models: Vec<ModelId> = results.iter().map(|r| r.model).collect();
		models.dedup();
		let values = results.iter().fold(0u64, |sum, r| sum.saturating_add(r.values));
		if results.len() > T::MaxBatchResults::get() as usize
			|| models.len() > T::MaxBatchModels::get() as usize
			|| values > u64::from(T::MaxBatchValues::get())
		{
			return false;
		}
		let batches: Vec<ModelResultsOf<T>> = models
			.iter()
			.map(|&model| ModelResults {
				model,
				results: BoundedVec::truncate_from(
					results.iter().filter(|r| r.model == model).map(|r| r.result.clone()).collect(),
				),
			})
			.collect();
		let limits = <T as frame_system::Config>::BlockWeights::get();
		let normal = limits.get(DispatchClass::Normal);
		let weight =
			Pallet::<T>::submit_results_weight(&batches).saturating_add(normal.base_extrinsic);
		let length = batches.encoded_size();
		let most_length =
			*<T as frame_system::Config>::BlockLength::get().max.get(DispatchClass::Normal);
		normal.max_extrinsic.is_none_or(|most| weight.all_lte(most))
			&& length <= most_length as usize
	}

	/// Logs a submission of `jobs`' results; gives their notes back if it failed.
	fn after_submission(submitted: Result<(), SubmitError>, jobs: &[JobId], undo: Vec<Undo>) {
		match submitted {
			Ok(()) => log::info!(
				target: "runtime::inference-market",
				"{} submitted: jobs {jobs:?}",
				if jobs.len() == 1 { "result" } else { "results" },
			),
			Err(error) => {
				log::warn!(target: "runtime::inference-market", "jobs {jobs:?}: could not submit the results: {error:?}");
				for Undo { key, notes } in undo {
					let mut stored = StorageValueRef::persistent(&key);
					if notes.is_empty() {
						stored.clear();
					} else {
						stored.set(&notes);
					}
				}
			},
		}
	}

	/// Forgets the notes of `node`'s jobs that are no longer among its assigned `jobs`, and
	/// records the assigned ones as those it may keep notes for.
	fn forget_finished(node: &[u8; 32], jobs: &[(BlockNumberFor<T>, JobId)]) {
		let tracked_key = tracked_key(node);
		let mut tracked = StorageValueRef::persistent(&tracked_key);
		let before: Vec<JobId> = tracked.get().ok().flatten().unwrap_or_default();
		for job in before.iter().filter(|job| !jobs.iter().any(|(_, assigned)| assigned == *job)) {
			StorageValueRef::persistent(&storage_key(b"notes", *job, node)).clear();
		}
		let now: Vec<JobId> = jobs.iter().map(|(_, job)| *job).collect();
		if now.is_empty() {
			tracked.clear();
		} else if now != before {
			tracked.set(&now);
		}
	}

	/// Moves job `id` of `operator`'s node (`node`: its 32 bytes) one step on; returns its
	/// result when the proof is ready (noted as submitted now; the caller submits it).
	fn offchain_job(
		now: BlockNumberFor<T>,
		operator: &T::AccountId,
		node: &[u8; 32],
		id: JobId,
	) -> Option<Ready<T>> {
		let job = Jobs::<T>::get(id)?;
		if !matches!(&job.status, JobStatus::Assigned { node: assigned, .. } if assigned == operator)
		{
			return None;
		}
		let lock_key = storage_key(b"lock", id, node);
		let mut lock =
			StorageLock::<BlockAndTime<frame_system::Pallet<T>>>::with_block_and_time_deadline(
				&lock_key,
				LOCK_BLOCKS,
				Duration::from_millis(LOCK_MILLIS),
			);
		let _guard = lock.try_lock().ok()?;

		let notes_key = storage_key(b"notes", id, node);
		let mut stored = StorageValueRef::persistent(&notes_key);
		let before: JobNotes = stored.get().ok().flatten().unwrap_or_default();
		let mut notes = before;
		let now: u64 = now.unique_saturated_into();
		let mut ready = None;
		match policy::step(now, &mut notes, || offchain_proving::proof_status(id, *node)) {
			Step::Wait => {},
			Step::Request => Self::request_proof(id, operator, node, &job.input, job.model),
			Step::Failed(reason) => log::warn!(
				target: "runtime::inference-market",
				"job {id}: the prover failed ({}); retrying in {RETRY_AFTER} blocks",
				core::str::from_utf8(&reason).unwrap_or("non-UTF-8 reason"),
			),
			Step::Submit { output, proof } => {
				let (Ok(output), Ok(proof)) =
					(BoundedVec::try_from(output), BoundedVec::try_from(proof))
				else {
					log::warn!(target: "runtime::inference-market", "job {id}: the proof or output exceeds this chain's bounds");
					return None;
				};
				notes.submitted(now);
				let values = (job.input.len() as u64).saturating_add(output.len() as u64) + 1;
				ready = Some(Ready {
					model: job.model,
					values,
					result: JobResult { job: id, output, proof },
					undo: Undo { key: notes_key.clone(), notes: before },
				});
			},
		}
		if notes != before {
			if notes.is_empty() {
				stored.clear();
			} else {
				stored.set(&notes);
			}
		}
		ready
	}

	/// Hands job `id` to the node's prover.
	fn request_proof(
		id: JobId,
		operator: &T::AccountId,
		node: &[u8; 32],
		input: &[zkinfer_primitives::QuantizedValue],
		model: zkinfer_primitives::ModelId,
	) {
		let terms = match T::Models::terms(model) {
			Ok(terms) => terms,
			Err(error) => {
				log::warn!(target: "runtime::inference-market", "job {id}: model {model}: {error:?}");
				return;
			},
		};
		let request = ProofRequest {
			job: id,
			node: *node,
			artifact: terms.artifact.0,
			binding: job_binding(id, &operator.encode()),
			input: input.to_vec(),
		};
		match offchain_proving::request_proof(request) {
			RequestOutcome::Accepted => {
				log::info!(target: "runtime::inference-market", "job {id}: handed to the prover")
			},
			RequestOutcome::AlreadyKnown => {},
			RequestOutcome::Busy => {
				log::debug!(target: "runtime::inference-market", "job {id}: the prover is busy")
			},
			RequestOutcome::NoProver => {
				log::debug!(target: "runtime::inference-market", "job {id}: this node has no prover")
			},
		}
	}
}
