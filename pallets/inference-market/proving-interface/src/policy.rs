//! The proving policy: what a prover does about one assigned job on each block.
//!
//! Every prover of the chain follows it, the market's off-chain worker (notes in the node's
//! persistent off-chain storage) and the standalone `prover-worker run` (notes in memory), so
//! they behave the same and are tested once, here. A job assigned to the prover's node moves
//! through:
//!
//! ```text
//!  unknown ──request──> pending ──> ready ──submit──> submitted ─(RESUBMIT_AFTER, still assigned)─> ready …
//!                          │
//!                          └──> failed ─(RETRY_AFTER)─> request …
//! ```
//!
//! and its notes are forgotten once it is no longer assigned to the node (settled, expired,
//! refunded): [`JobNotes`] live exactly as long as the assignment.
//!
//! A restart loses the prover's memory, not the chain's: the job is still assigned, the prover
//! reports it unknown, and it is requested again.

use codec::{Decode, Encode};
use scale_info::TypeInfo;

use crate::ProofStatus;

/// Blocks after a result was submitted before a job still assigned is submitted again (the
/// transaction may have been lost).
pub const RESUBMIT_AFTER: u32 = 5;

/// Blocks after a failed proof before the job is handed to the prover again.
pub const RETRY_AFTER: u32 = 10;

/// What a prover remembers about one assigned job between blocks.
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct JobNotes {
	/// The block its result was last submitted in.
	pub submitted_at: Option<u64>,
	/// The block its last failure was first seen in.
	pub failed_at: Option<u64>,
}

/// What to do about a job on this block.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Step {
	/// Nothing: it is being proved, was just submitted, or failed recently.
	Wait,
	/// Hand the job to the prover (it does not know it, or a failure is old enough to retry).
	Request,
	/// Submit this result; then record it with [`JobNotes::submitted`].
	Submit {
		/// The model's quantized output.
		output: alloc::vec::Vec<i64>,
		/// The proof.
		proof: alloc::vec::Vec<u8>,
	},
	/// The prover failed on the job for this reason (UTF-8 text); reported once, retried after
	/// [`RETRY_AFTER`] blocks.
	Failed(alloc::vec::Vec<u8>),
}

impl JobNotes {
	/// Whether there is nothing to remember.
	pub fn is_empty(&self) -> bool {
		*self == Self::default()
	}

	/// Records that the job's result was submitted at block `now`.
	pub fn submitted(&mut self, now: u64) {
		self.submitted_at = Some(now);
	}

	/// Whether a result submitted recently is still on its way at block `now`, so the prover
	/// need not even be asked about the job.
	pub fn awaiting_inclusion(&self, now: u64) -> bool {
		self.submitted_at
			.is_some_and(|at| now < at.saturating_add(RESUBMIT_AFTER.into()))
	}
}

/// The step for a job assigned to the prover's node at block `now`, given what the prover says
/// of it (`status`, asked only when needed); updates `notes`.
pub fn step(now: u64, notes: &mut JobNotes, status: impl FnOnce() -> ProofStatus) -> Step {
	if notes.awaiting_inclusion(now) {
		return Step::Wait;
	}
	match status() {
		ProofStatus::Pending => Step::Wait,
		ProofStatus::Unknown => Step::Request,
		ProofStatus::Ready { output, proof } => Step::Submit { output, proof },
		ProofStatus::Failed(reason) => match notes.failed_at {
			Some(at) if now >= at.saturating_add(RETRY_AFTER.into()) => {
				notes.failed_at = None;
				Step::Request
			},
			Some(_) => Step::Wait,
			None => {
				notes.failed_at = Some(now);
				Step::Failed(reason)
			},
		},
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use alloc::vec;

	fn ready() -> ProofStatus {
		ProofStatus::Ready { output: vec![3], proof: vec![7] }
	}

	#[test]
	fn an_unknown_job_is_requested_and_a_pending_one_waits() {
		let mut notes = JobNotes::default();
		assert_eq!(step(1, &mut notes, || ProofStatus::Unknown), Step::Request);
		assert_eq!(step(2, &mut notes, || ProofStatus::Pending), Step::Wait);
		assert!(notes.is_empty());
	}

	#[test]
	fn a_submitted_result_is_submitted_again_only_after_resubmit_after_blocks() {
		let mut notes = JobNotes::default();
		assert_eq!(step(10, &mut notes, ready), Step::Submit { output: vec![3], proof: vec![7] });
		notes.submitted(10);
		let resubmit = 10 + u64::from(RESUBMIT_AFTER);
		for now in 10..resubmit {
			assert_eq!(
				step(now, &mut notes, || panic!(
					"the prover is not asked while a result is on its way"
				)),
				Step::Wait
			);
		}
		assert_eq!(
			step(resubmit, &mut notes, ready),
			Step::Submit { output: vec![3], proof: vec![7] }
		);
	}

	#[test]
	fn a_failure_is_reported_once_and_retried_after_retry_after_blocks() {
		let mut notes = JobNotes::default();
		let failed = || ProofStatus::Failed(b"out of memory".to_vec());
		assert_eq!(step(20, &mut notes, failed), Step::Failed(b"out of memory".to_vec()));
		let retry = 20 + u64::from(RETRY_AFTER);
		for now in 21..retry {
			assert_eq!(step(now, &mut notes, failed), Step::Wait, "block {now}");
		}
		assert_eq!(step(retry, &mut notes, failed), Step::Request);
		assert!(notes.is_empty(), "a retried job starts afresh");
		// A failure after the retry is reported again.
		assert_eq!(step(retry + 1, &mut notes, failed), Step::Failed(b"out of memory".to_vec()));
	}

	#[test]
	fn a_restarted_prover_that_forgot_a_submitted_job_is_asked_again_after_the_delay() {
		let mut notes = JobNotes::default();
		notes.submitted(5);
		assert_eq!(
			step(5 + u64::from(RESUBMIT_AFTER), &mut notes, || ProofStatus::Unknown),
			Step::Request
		);
	}
}
