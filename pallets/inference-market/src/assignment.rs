//! The per-block hook: expiring jobs past their deadline, assigning queued jobs to nodes.
//!
//! Bounded work: at most `MaxJobsPerBlock` expired jobs (a deadline list holds no more) and
//! `MaxJobsPerBlock` queue entries looked at, each against at most `MaxNodesPerModel` nodes.

use alloc::{collections::btree_map::BTreeMap, vec::Vec};
use frame_support::{pallet_prelude::*, BoundedVec};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{One, Saturating};
use zkinfer_primitives::{ComputeNodes, ComputeUnits, JobId, ModelId, NodeOffence};

use crate::{
	pallet::{
		AssignmentCursor, Config, Deadlines, Event, JobOf, JobStatus, Jobs, NodeJobs, Pallet,
		Queue, RefundReason,
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
	/// Queue entries looked at.
	pub scanned: u32,
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
				// Unreachable while the invariants hold: the job stays as it was, and
				// try-runtime reports the inconsistency.
				log::error!(target: "runtime::inference-market", "expiring job {id}: {error:?}");
			}
		}
		due.len() as u32
	}

	/// Expires assigned job `id` of `node`: reports the node, re-queues or refunds the job.
	fn expire_job(now: BlockNumberFor<T>, id: JobId, mut job: JobOf<T>, node: T::AccountId) -> DispatchResult {
		frame_support::storage::with_storage_layer(|| {
			NodeJobs::<T>::remove(&node, id);
			T::Nodes::report_offence(&node, NodeOffence::MissedDeadline { job: id });
			let may_retry = job.assignments <= T::MaxReassignments::get();
			let requeued = may_retry &&
				Queue::<T>::mutate(|queue| queue.try_insert(0, id).is_ok());
			Self::deposit_event(Event::JobExpired { job: id, node: node.clone(), requeued });
			if requeued {
				job.status = JobStatus::Queued {
					expires_at: now.saturating_add(T::QueueTimeout::get()),
					excluded: Some(node),
				};
				Jobs::<T>::insert(id, job);
				Ok(())
			} else {
				let reason =
					if may_retry { RefundReason::QueueFull } else { RefundReason::DeadlinesMissed };
				Self::refund(id, job, reason)
			}
		})
	}

	/// Looks at up to `MaxJobsPerBlock` queue entries from the front: refunds timed-out jobs,
	/// assigns those a node can take, keeps the rest in order. Returns the entries looked at.
	pub(crate) fn assign_jobs(now: BlockNumberFor<T>) -> u32 {
		let queue = Queue::<T>::get();
		if queue.is_empty() {
			return 0;
		}
		let limit = T::MaxJobsPerBlock::get() as usize;
		let mut kept = Vec::with_capacity(queue.len());
		let mut nodes_of: BTreeMap<ModelId, Vec<T::AccountId>> = BTreeMap::new();
		let mut scanned = 0u32;
		for (position, &id) in queue.iter().enumerate() {
			if position >= limit {
				kept.push(id);
				continue;
			}
			scanned = scanned.saturating_add(1);
			let Some(job) = Jobs::<T>::get(id) else { continue };
			let JobStatus::Queued { expires_at, excluded } = job.status.clone() else { continue };
			if now >= expires_at {
				if let Err(error) = frame_support::storage::with_storage_layer(|| {
					Self::refund(id, job, RefundReason::QueueTimeout)
				}) {
					log::error!(target: "runtime::inference-market", "refunding job {id}: {error:?}");
					kept.push(id);
				}
				continue;
			}
			let nodes = nodes_of
				.entry(job.model)
				.or_insert_with(|| T::Nodes::serving_nodes(job.model, T::MaxNodesPerModel::get()));
			if !Self::try_assign(now, id, job, nodes, excluded.as_ref()) {
				kept.push(id);
			}
		}
		// `kept` is a subset of a bounded queue.
		Queue::<T>::put(BoundedVec::truncate_from(kept));
		scanned
	}

	/// The first block from `now + AssignmentDeadline` whose deadline list has room.
	fn deadline_slot(now: BlockNumberFor<T>) -> Option<BlockNumberFor<T>> {
		let mut slot = now.saturating_add(T::AssignmentDeadline::get().max(One::one()));
		for _ in 0..=DEADLINE_PROBES {
			if (Deadlines::<T>::decode_len(slot).unwrap_or(0) as u32) < T::MaxJobsPerBlock::get() {
				return Some(slot);
			}
			slot = slot.saturating_add(One::one());
		}
		None
	}

	/// Assigns job `id` to the next node round-robin among `nodes` that is not `excluded` and
	/// has its compute units left; returns whether it did.
	fn try_assign(
		now: BlockNumberFor<T>,
		id: JobId,
		mut job: JobOf<T>,
		nodes: &[T::AccountId],
		excluded: Option<&T::AccountId>,
	) -> bool {
		if nodes.is_empty() {
			return false;
		}
		let Some(deadline) = Self::deadline_slot(now) else { return false };
		let cursor = AssignmentCursor::<T>::get();
		let count = nodes.len() as u32;
		let Some((offset, node)) = (0..count)
			.map(|offset| (offset, &nodes[(cursor.wrapping_add(offset) % count) as usize]))
			.find(|(_, node)| {
				Some(*node) != excluded && Self::has_capacity(node, job.compute_units)
			})
		else {
			return false;
		};
		// Capacity and the deadline entry are taken together or not at all.
		let taken = frame_support::storage::with_storage_layer(|| {
			T::Nodes::consume_capacity(node, job.compute_units)?;
			Deadlines::<T>::try_mutate(deadline, |due| due.try_push(id))
				.map_err(|_| DispatchError::Other("the deadline list is full"))
		});
		if taken.is_err() {
			return false;
		}
		AssignmentCursor::<T>::put(cursor.wrapping_add(offset).wrapping_add(1));
		job.assignments = job.assignments.saturating_add(1);
		job.status = JobStatus::Assigned { node: node.clone(), deadline };
		Jobs::<T>::insert(id, job);
		NodeJobs::<T>::insert(node, id, ());
		Self::deposit_event(Event::JobAssigned { job: id, node: node.clone(), deadline });
		true
	}

	fn has_capacity(node: &T::AccountId, units: ComputeUnits) -> bool {
		T::Nodes::remaining_capacity(node) >= units
	}
}
