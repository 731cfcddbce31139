//! The per-block hook: expiring jobs past their deadline, assigning queued jobs to nodes.
//!
//! Bounded work: at most `MaxJobsPerBlock` expired jobs (a deadline list holds no more) and
//! `MaxJobsPerBlock` queue entries looked at over all models, each against at most
//! `MaxNodesPerModel` nodes. Every model visited costs at least one of those entries, so the
//! hook visits at most `MaxJobsPerBlock` models; its weight is charged as if each entry were of
//! a model of its own (the dearest case, benchmarked as such).
//!
//! Models with queued jobs are visited round-robin: a block starts after the model the last
//! block visited last ([`QueueCursor`]), in the storage order of [`Queues`], wrapping around
//! once. So jobs no node can take (a model nobody serves, nodes at capacity) delay only jobs of
//! their own model: every other model is visited within `⌈models / MaxJobsPerBlock⌉` blocks.

use alloc::vec::Vec;
use frame_support::{pallet_prelude::*, BoundedVec};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{One, Saturating},
	SaturatedConversion,
};
use zkinfer_primitives::{ComputeNodes, ComputeUnits, JobId, ModelId, NodeOffence};

use crate::{
	pallet::{
		AssignmentCursor, Config, Deadlines, Event, JobOf, JobStatus, Jobs, NodeJobs, NodeLoad,
		Pallet, QueueCursor, Queues, RefundReason,
	},
	WeightInfo,
};

/// How many deadline blocks past the first are tried when its list is full (possible only
/// after `AssignmentDeadline` was lowered): the job waits in the queue if all are full.
const DEADLINE_PROBES: u32 = 4;

/// What one block's hook did, for its weight.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BlockWork {
	/// Deadline entries processed.
	pub expired: u32,
	/// Queue entries looked at (each visited model counts at least one).
	pub scanned: u32,
}

/// Why a queued job was not assigned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unassigned {
	/// Every node serving the model missed this job: later jobs of the model may still find
	/// one.
	NoEligibleNode,
	/// No node serves the model, or every node that may take the job lacks capacity or
	/// throughput for it (so do later jobs of the model, which cost the same), or every
	/// deadline list within reach is full: the model waits for the next round.
	NoCapacity,
}

impl<T: Config> Pallet<T> {
	/// The hook: expire, then assign. Returns the weight used.
	pub(crate) fn process_block(now: BlockNumberFor<T>) -> Weight {
		let expired = Self::expire_jobs(now);
		let scanned = Self::assign_jobs(now);
		Self::block_weight(BlockWork { expired, scanned })
	}

	/// The benchmarked weight of a hook that did `work`.
	pub fn block_weight(work: BlockWork) -> Weight {
		let expire = T::WeightInfo::expire_and_requeue(work.expired)
			.max(T::WeightInfo::expire_and_refund(work.expired));
		let scan = T::WeightInfo::assign_queued(work.scanned)
			.max(T::WeightInfo::time_out_queued(work.scanned));
		expire.saturating_add(scan)
	}

	/// Expires the jobs still assigned with deadline `now`; returns the entries processed.
	pub(crate) fn expire_jobs(now: BlockNumberFor<T>) -> u32 {
		let due = Deadlines::<T>::take(now);
		for &id in due.iter() {
			let Some(job) = Jobs::<T>::get(id) else { continue };
			let JobStatus::Assigned { node, deadline } = job.status.clone() else { continue };
			if deadline != now {
				continue;
			}
			if let Err(error) = Self::expire_job(now, id, job, node) {
				// The job stays as it was; tests and try-runtime report the inconsistency.
				frame_support::defensive!("expiring a job failed", error);
			}
		}
		due.len() as u32
	}

	/// Expires assigned job `id` of `node`: reports the node (once: it is remembered in the job
	/// and never assigned it again), re-queues or refunds the job.
	fn expire_job(
		now: BlockNumberFor<T>,
		id: JobId,
		mut job: JobOf<T>,
		node: T::AccountId,
	) -> DispatchResult {
		frame_support::storage::with_storage_layer(|| {
			Self::release_assignment(&node, id, job.compute_units);
			if !job.missed_by.contains(&node) {
				T::Nodes::report_offence(&node, NodeOffence::MissedDeadline { job: id });
				// At most `MaxAssignments` nodes were ever assigned the job.
				job.missed_by.try_push(node.clone()).map_err(|_| {
					DispatchError::Other("a job was missed by more nodes than it was assigned to")
				})?;
			}
			let may_retry = job.assignments <= Self::max_reassignments();
			let requeued = may_retry
				&& Queues::<T>::mutate(job.model, |queue| {
					queue.get_or_insert_with(Default::default).try_insert(0, id).is_ok()
				});
			Self::deposit_event(Event::JobExpired { job: id, node, requeued });
			if requeued {
				job.status =
					JobStatus::Queued { expires_at: now.saturating_add(T::QueueTimeout::get()) };
				Jobs::<T>::insert(id, job);
				Ok(())
			} else {
				let reason =
					if may_retry { RefundReason::QueueFull } else { RefundReason::DeadlinesMissed };
				Self::refund(id, job, reason)
			}
		})
	}

	/// The models the hook visits this block, in order: those with queued jobs after the
	/// cursor, then from the first, each once, at most `limit`.
	fn models_to_visit(limit: usize) -> Vec<ModelId> {
		let mut models = Vec::new();
		let start = QueueCursor::<T>::get();
		if let Some(cursor) = start {
			let after = Queues::<T>::iter_keys_from(Queues::<T>::hashed_key_for(cursor));
			models.extend(after.take(limit));
		}
		if models.len() < limit {
			// Wrap around: from the first model up to where this round started.
			let first = models.first().copied();
			let wrapped: Vec<ModelId> = Queues::<T>::iter_keys()
				.take_while(|model| Some(*model) != first)
				.take(limit - models.len())
				.collect();
			models.extend(wrapped);
		}
		models
	}

	/// Visits models' queues round-robin and looks at up to `MaxJobsPerBlock` queue entries in
	/// all, from each queue's front: refunds timed-out jobs, assigns those a node can take,
	/// keeps the rest in order. Returns the entries looked at.
	pub(crate) fn assign_jobs(now: BlockNumberFor<T>) -> u32 {
		let budget = T::MaxJobsPerBlock::get();
		let mut scanned = 0u32;
		for model in Self::models_to_visit(budget as usize) {
			if scanned >= budget {
				break;
			}
			QueueCursor::<T>::put(model);
			let Some(queue) = Queues::<T>::get(model) else { continue };
			let nodes = T::Nodes::serving_nodes(model, T::MaxNodesPerModel::get());
			let mut kept = Vec::with_capacity(queue.len());
			let mut entries = queue.iter().copied();
			for id in entries.by_ref() {
				scanned.saturating_inc();
				match Self::visit_queued(now, id, &nodes) {
					None => {},
					Some(Unassigned::NoEligibleNode) => kept.push(id),
					Some(Unassigned::NoCapacity) => {
						kept.push(id);
						break;
					},
				}
				if scanned >= budget {
					break;
				}
			}
			kept.extend(entries);
			if kept.is_empty() {
				Queues::<T>::remove(model);
			} else if kept.len() != queue.len() {
				// `kept` is a subset of a bounded queue.
				Queues::<T>::insert(model, BoundedVec::truncate_from(kept));
			}
		}
		scanned
	}

	/// Looks at queued job `id`: refunds it if it timed out, otherwise tries to assign it to one
	/// of `nodes`. Returns why it stays queued, or `None` if it left the queue.
	fn visit_queued(
		now: BlockNumberFor<T>,
		id: JobId,
		nodes: &[T::AccountId],
	) -> Option<Unassigned> {
		let Some(job) = Jobs::<T>::get(id) else {
			frame_support::defensive!("a queued job is not stored");
			return None;
		};
		let JobStatus::Queued { expires_at } = job.status else {
			frame_support::defensive!("a job in a queue is not queued");
			return None;
		};
		if now >= expires_at {
			return match frame_support::storage::with_storage_layer(|| {
				Self::refund(id, job, RefundReason::QueueTimeout)
			}) {
				Ok(()) => None,
				Err(error) => {
					frame_support::defensive!("refunding a timed-out job failed", error);
					Some(Unassigned::NoCapacity)
				},
			};
		}
		Self::try_assign(now, id, job, nodes).err()
	}

	/// The first block from `now + AssignmentDeadline` whose deadline list has room.
	fn deadline_slot(now: BlockNumberFor<T>) -> Option<BlockNumberFor<T>> {
		let mut slot = now.saturating_add(Self::deadline_window());
		for _ in 0..=DEADLINE_PROBES {
			if (Deadlines::<T>::decode_len(slot).unwrap_or(0) as u32) < T::MaxJobsPerBlock::get() {
				return Some(slot);
			}
			slot = slot.saturating_add(One::one());
		}
		None
	}

	/// The governed `AssignmentDeadline`, at least one block.
	pub fn deadline_window() -> BlockNumberFor<T> {
		T::AssignmentDeadline::get().max(One::one())
	}

	/// Whether `node` has `units` left of its capacity for the epoch and, with its open work,
	/// within what it proves in one deadline window (its throughput per block × the window).
	pub fn can_take(node: &T::AccountId, units: ComputeUnits) -> bool {
		let window: u64 = Self::deadline_window().saturated_into();
		let per_window = T::Nodes::throughput(node).saturating_mul(window);
		T::Nodes::remaining_capacity(node) >= units
			&& NodeLoad::<T>::get(node).saturating_add(units) <= per_window
	}

	/// Assigns job `id` to the next node round-robin among `nodes` that has not missed it and
	/// can take it ([`Self::can_take`]).
	fn try_assign(
		now: BlockNumberFor<T>,
		id: JobId,
		mut job: JobOf<T>,
		nodes: &[T::AccountId],
	) -> Result<(), Unassigned> {
		let eligible = |node: &T::AccountId| !job.missed_by.contains(node);
		if nodes.is_empty() {
			return Err(Unassigned::NoCapacity);
		}
		if !nodes.iter().any(eligible) {
			return Err(Unassigned::NoEligibleNode);
		}
		let deadline = Self::deadline_slot(now).ok_or(Unassigned::NoCapacity)?;
		let cursor = AssignmentCursor::<T>::get();
		let count = nodes.len() as u32;
		let Some((offset, node)) = (0..count)
			.map(|offset| (offset, &nodes[(cursor.wrapping_add(offset) % count) as usize]))
			.find(|(_, node)| eligible(node) && Self::can_take(node, job.compute_units))
		else {
			// A node this job may not go to could still take the model's next jobs.
			let any_room = nodes
				.iter()
				.any(|node| !eligible(node) && Self::can_take(node, job.compute_units));
			return Err(if any_room { Unassigned::NoEligibleNode } else { Unassigned::NoCapacity });
		};
		// Capacity and the deadline entry are taken together or not at all.
		frame_support::storage::with_storage_layer(|| {
			T::Nodes::consume_capacity(node, job.compute_units)?;
			Deadlines::<T>::try_mutate(deadline, |due| due.try_push(id))
				.map_err(|_| DispatchError::Other("the deadline list is full"))
		})
		.map_err(|_| Unassigned::NoCapacity)?;
		AssignmentCursor::<T>::put(cursor.wrapping_add(offset).wrapping_add(1));
		NodeLoad::<T>::mutate(node, |load| *load = load.saturating_add(job.compute_units));
		job.assignments = job.assignments.saturating_add(1);
		job.status = JobStatus::Assigned { node: node.clone(), deadline };
		Jobs::<T>::insert(id, job);
		NodeJobs::<T>::insert(node, id, deadline);
		Self::deposit_event(Event::JobAssigned { job: id, node: node.clone(), deadline });
		Ok(())
	}
}
