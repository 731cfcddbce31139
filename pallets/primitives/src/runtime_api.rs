//! The inference market's runtime API, for clients and provers.

use crate::{JobId, ModelId};
use alloc::vec::Vec;
use sp_runtime::DispatchError;

sp_api::decl_runtime_apis! {
	/// Quotes, job status and output, and the jobs assigned to a node.
	///
	/// `Job` is the market's job record (status, input, output, fee, assigned node and
	/// deadline), decoded by clients from the metadata.
	pub trait InferenceMarketApi<AccountId, Balance, Job>
	where
		AccountId: codec::Codec,
		Balance: codec::Codec,
		Job: codec::Codec,
	{
		/// What one inference of `model` costs now, or why it cannot be submitted (unknown or
		/// retired model, price overflow).
		fn quote(model: ModelId) -> Result<Balance, DispatchError>;

		/// The job `job`, if it is stored (open, or finished and not yet removed).
		fn job(job: JobId) -> Option<Job>;

		/// The open jobs assigned to `node`, in job order: what its prover has to prove.
		fn jobs_assigned_to(node: AccountId) -> Vec<JobId>;
	}
}
