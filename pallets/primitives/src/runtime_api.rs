//! The runtime APIs of the inference market and of node staking, for clients and provers.

use crate::{EpochInfo, JobId, ModelId, ServiceTerms};
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

	/// Node staking: the epoch clock and what an account can claim.
	pub trait NodeStakingApi<AccountId, Balance, BlockNumber>
	where
		AccountId: codec::Codec,
		Balance: codec::Codec,
		BlockNumber: codec::Codec,
	{
		/// The current epoch, when it started, its length and when the next one starts.
		fn epoch() -> EpochInfo<BlockNumber>;

		/// The rewards `who` can claim now: as an operator (its commission and own-stake share)
		/// and as a pool member, including fees and emission of finished epochs that are not
		/// yet settled.
		fn claimable_rewards(who: AccountId) -> Balance;

		/// What the node `key` proves for has committed to (`key`: the operator's account or
		/// the prover key it named), or `None` if it proves for no node.
		fn service_terms(key: AccountId) -> Option<ServiceTerms<AccountId>>;
	}
}
