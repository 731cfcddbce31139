//! # Inference Market Pallet
//!
//! The native queue of inference workloads: jobs priced by their compute cost, held in escrow,
//! assigned to staked nodes within their capacity, and paid only on a verified proof.
//!
//! ## Pallet API
//!
//! See the [`pallet`] module for the calls, storage, events and errors. The runtime API
//! [`InferenceMarketApi`](zkinfer_primitives::runtime_api::InferenceMarketApi) is implemented
//! by the functions in [`Pallet::quote`], [`Pallet::job`] and [`Pallet::jobs_assigned_to`].
//!
//! ## Overview
//!
//! A job's life, in order:
//!
//! 1. **Submission.** [`submit_inference`](pallet::Pallet::submit_inference)`(model, input,
//!    max_fee)` refuses an input with a value outside the model's declared input domain
//!    ([`Error::InputOutOfDomain`], naming the value's position), prices the job at the
//!    model's compute units × `UnitPrice` (governed), refuses it if that exceeds `max_fee`,
//!    moves the fee into the market's escrow account ([`Pallet::escrow_account`]), holds a
//!    storage deposit for the job record from the requester, and appends the job to its
//!    model's queue (at most `MaxQueueLen` per model;
//!    [`Error::QueueFull`] beyond). [`cancel`](pallet::Pallet::cancel) takes a job that is
//!    still queued back and refunds its fee.
//! 2. **Assignment**, in `on_initialize`. Each model has its own queue; the hook visits the
//!    models with queued jobs round-robin from a cursor that moves on every block, and looks
//!    at most at `MaxJobsPerBlock` queue entries in all. Within a model's queue, from the
//!    front, each job goes to a node that is active, serves the model, has not missed this
//!    job before, has the job's compute units left of its capacity for the epoch, and whose
//!    open work plus this job stays within what it proves in one deadline window (its
//!    declared throughput per block × `AssignmentDeadline`). Nodes are taken round-robin from
//!    a cursor that advances with every assignment; the order depends only on chain state. A
//!    model whose nodes are all at capacity is left for the next round; a job no node may take
//!    stays queued; a job queued for longer than `QueueTimeout` is refunded when the hook
//!    reaches it (the requester may cancel it before). Each assignment consumes the node's
//!    capacity and sets a deadline `AssignmentDeadline` blocks ahead.
//! 3. **Settlement.** The assigned node calls
//!    [`submit_result`](pallet::Pallet::submit_result)`(job, output, proof)`. The runtime
//!    (or the prover key its operator named in node staking) calls it; the runtime
//!    builds the public inputs itself — the job binding of (job id, node account), the job's
//!    input, the claimed output (see `zkinfer_statement`) — and asks the verifier
//!    of the model's proof system. On success the escrowed fee is split between the node
//!    (`NodeShare`), the model owner (`OwnerShare`) and the protocol (the rest, to
//!    `ProtocolFeeDestination`, the treasury), the output is stored and
//!    [`Event::InferenceVerified`] carries it; on failure the call errors and nothing moves.
//!    A proof made for another job or by another node does not verify: its binding differs.
//!    [`submit_results`](pallet::Pallet::submit_results) does the same for many jobs in one
//!    transaction: the proofs under one key are verified together (one combined pairing check;
//!    if it fails, the verifier searches the batch for the bad proofs), each result settles or
//!    is refused on its own ([`Event::ResultRefused`]), and the settled jobs are paid out of the
//!    escrow together, one transfer per recipient.
//! 4. **Deadlines.** At its deadline block an unfulfilled job is expired: the node is reported
//!    to staking ([`NodeOffence::MissedDeadline`](zkinfer_primitives::NodeOffence)) and
//!    remembered in the job (it is never assigned that job again, so never reported twice for
//!    it), and the job goes back to the front of its model's queue if it has been assigned at
//!    most `MaxReassignments` times, otherwise it is refunded.
//! 5. **Removal.** A finished job (fulfilled, refunded or cancelled) keeps its record and
//!    output until the requester calls [`remove_job`](pallet::Pallet::remove_job), which
//!    releases the storage deposit.
//!
//! Every job ends exactly once: `Fulfilled`, `Refunded` or `Cancelled`.
//!
//! ### Economic argument
//!
//! Every role may attack; here is why none of these pays.
//! - **A requester griefing nodes.** A node is slashed for a missed deadline, so the chain
//!   accepts only jobs an honest node can prove: values outside the model's input domain are
//!   refused at submission, the prover's circuits are total over that domain (intermediate
//!   values saturate), and a node is never given more open work than its declared throughput
//!   covers within one deadline window, however many jobs arrive at once. A flood of valid
//!   jobs only queues; each one pays its price.
//! - **A requester blocking others.** Queues are per model and visited round-robin: jobs no
//!   node can take (a model nobody serves, nodes at capacity) delay only their own model.
//!   Every queued job has paid its fee into escrow and holds a storage deposit, and the queue
//!   of a model is bounded.
//! - **A node.** It is paid only for a verified proof of exactly (its job, its account, the
//!   job's input, its output); a proof made for another job, node or output fails. It is
//!   reported once per job it misses and never given that job again.
//! - **A node batching results.** A batch pays nothing that its results one by one would not:
//!   each result must be for a job assigned to the signer's node (or the node whose prover
//!   key signs), a job listed twice is settled at most once, a settled job takes no result,
//!   and a forged proof among good ones is found and refused (the combined check's
//!   coefficients come from a hash of the whole batch, so no prover can choose proofs whose
//!   errors cancel) while its job stays assigned, so the node still misses its deadline. The
//!   search for bad proofs is charged to the batch's signer (the weight covers the longest
//!   search the verifier runs), so forging costs the forger, not the chain.
//! - **Self-dealing** (one party as requester, model owner and node): the fee comes back only
//!   as the node's and owner's shares, so the protocol's share and the transaction fees are
//!   lost; node staking's emission does not depend on jobs (it is earned by stake, gated by
//!   missed deadlines), so sending work to oneself earns no emission. A model's compute units,
//!   hence its price, come from its key, not its owner.
//! - **A block author** decides which transactions enter its blocks, like on any chain; the
//!   hook's assignments depend only on state, so it cannot steer jobs to a node. Censoring a
//!   node's results makes it miss deadlines, which costs the node at most
//!   `DeactivationThreshold` missed-deadline slashes per epoch (node staking caps them).
//!
//! ### Off-chain proving
//!
//! The pallet's off-chain worker ([`offchain`]) proves for the node it runs on: for each job
//! assigned to an operator whose [`offchain::KEY_TYPE`] key is in the node's keystore, it
//! hands the job to the node's native prover through the `offchain_proving` host functions
//! (request now, collect on a later block) and submits `submit_result` signed by that key
//! when the proof is ready. Operators who prove elsewhere run the standalone `prover-worker`
//! against a node's RPC instead.
//!
//! ### Example
//!
//! A job from submission to verified settlement (from this pallet's tests):
#![doc = docify::embed!("src/tests/mod.rs", a_job_is_assigned_proved_and_paid_as_priced)]
//!
//! ## Low Level / Implementation Details
//!
//! ### Weights
//!
//! `submit_result` is charged, before it runs, this pallet's benchmarked settlement weight for
//! the job's own input and output plus the verifier's benchmarked weight for the model's own
//! key ([`Pallet::submit_result_weight`]): the weight function reads the job, the model's terms
//! and the key's shape (three reads, charged with it) from the state the call is applied to.
//! [`Pallet::max_submit_result_weight`] bounds it for any job (the largest input, the dearest
//! key). `submit_results` is charged, from the call and each listed model's terms and key
//! shape (no job is read), per result the batch settlement benchmark (`submit_results`, plus
//! what its model's input and output add per job) and per model its verifier's most for a
//! batch of that size, the search for bad proofs included
//! ([`Pallet::submit_results_weight`]), and refunded to what ran. A listed job is read only if
//! the signer's node has it assigned (`NodeJobs`, a small entry, is looked up first), so a
//! call cannot make the chain read other nodes' job records. The hook's weight is
//! benchmarked per expired job and per scanned queue entry (the dearer of assigning and timing
//! out).
//!
//! ### Settlement
//!
//! Fees wait in the escrow account rather than in holds on the requesters, so that a settled
//! job costs no balance operation of its own: [`Pallet::settle_verified`] writes each job's
//! record and node-index entry, then pays the summed shares out once per recipient (the node's
//! reward account, each model owner, the treasury), updates the node's load and staking record
//! once and the registry's records once per model. A refund or cancellation pays the fee back
//! out of the escrow. The escrow account keeps its existential deposit (given at genesis), so it
//! never dies. Funds anyone sends it directly stay there: no call takes them out.
//!
//! ### Invariants
//!
//! Checked by `Pallet::do_try_state` (tests and the `try-runtime` feature):
//! - the escrow account holds at least its existential deposit plus the fees of all open
//!   (queued or assigned) jobs (exactly that, unless someone sent it more), and the deposit
//!   held from each requester equals the sum of the deposits of its stored jobs;
//! - the queue holds exactly the queued jobs, once each; each assigned job is in the deadline
//!   list of its deadline block and in its node's job index, and nothing else is;
//! - a finished job's payout plus refund equals its fee (fulfilled: node + owner + treasury;
//!   refunded or cancelled: the whole fee back);
//! - no job was assigned more than `1 + MaxReassignments` times;
//! - each model's count of open jobs in the registry equals the open jobs stored here.
//!
//! A node's assigned compute units never exceed its capacity for the epoch: `ComputeNodes::
//! consume_capacity` refuses to go over (node staking keeps that bookkeeping), and the market
//! assigns only after it succeeded; the mock's tests check every node after every test.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod assignment;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod impls;
#[cfg(test)]
mod mock;
pub mod offchain;
mod settlement;
#[cfg(test)]
mod tests;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
pub use benchmarking::BenchmarkHelper;
pub use offchain::OffchainOperators;
pub use pallet::*;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{fungible, OnUnbalanced},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::Perbill;
	use zkinfer_primitives::{
		ComputeNodes, ComputeUnits, InferenceVerifier, JobId, ModelId, ModelRegistry,
		QuantizedValue,
	};
	use zkinfer_verifier_primitives::StatementHash;

	/// The balance type of the currency.
	pub type BalanceOf<T> = <<T as Config>::Currency as fungible::Inspect<
		<T as frame_system::Config>::AccountId,
	>>::Balance;

	/// Funds taken from escrow for the protocol, on their way to `ProtocolFeeDestination`.
	pub type CreditOf<T> =
		fungible::Credit<<T as frame_system::Config>::AccountId, <T as Config>::Currency>;

	/// A job's input as this runtime bounds it.
	pub type InputOf<T> = BoundedVec<QuantizedValue, <T as Config>::MaxInputValues>;

	/// A job's output as this runtime bounds it.
	pub type OutputOf<T> = BoundedVec<QuantizedValue, <T as Config>::MaxOutputValues>;

	/// One result of [`Pallet::submit_results`] as this runtime bounds it.
	pub type JobResultOf<T> = JobResult<OutputOf<T>, BoundedVec<u8, <T as Config>::MaxProofBytes>>;

	/// One model's results in [`Pallet::submit_results`] as this runtime bounds them.
	pub type ModelResultsOf<T> =
		ModelResults<BoundedVec<JobResultOf<T>, <T as Config>::MaxBatchResults>>;

	/// A job record as this runtime bounds it.
	pub type JobOf<T> = Job<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		BlockNumberFor<T>,
		<T as Config>::MaxInputValues,
		<T as Config>::MaxOutputValues,
		<T as Config>::MaxAssignments,
	>;

	/// The current storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// Holds fees and deposits, pays them out.
		type Currency: fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ fungible::BalancedHold<Self::AccountId>
			+ fungible::Mutate<Self::AccountId>;

		/// The escrow account's id: fees are held there from submission until settlement.
		#[pallet::constant]
		type PalletId: Get<frame_support::PalletId>;

		/// The registered models.
		type Models: ModelRegistry<Self::AccountId>;

		/// The proof verifiers, by proof system.
		type Verifiers: InferenceVerifier;

		/// The staked compute nodes: who serves which model, with what capacity.
		type Nodes: ComputeNodes<Self::AccountId, BalanceOf<Self>>;

		/// The price of one compute unit (governed).
		type UnitPrice: Get<BalanceOf<Self>>;

		/// The node's share of a job's fee (governed).
		type NodeShare: Get<Perbill>;

		/// The model owner's share of a job's fee (governed); the protocol gets the rest.
		type OwnerShare: Get<Perbill>;

		/// Receives the protocol's share of fees (the treasury).
		type ProtocolFeeDestination: OnUnbalanced<CreditOf<Self>>;

		/// Blocks an assigned node has to submit a verified result (governed, at least 1).
		type AssignmentDeadline: Get<BlockNumberFor<Self>>;

		/// How many times an expired job is assigned again before it is refunded (governed).
		type MaxReassignments: Get<u32>;

		/// Blocks a job may wait in the queue before it is refunded.
		#[pallet::constant]
		type QueueTimeout: Get<BlockNumberFor<Self>>;

		/// The storage deposit held for any job record.
		#[pallet::constant]
		type JobDepositBase: Get<BalanceOf<Self>>;

		/// The storage deposit held per input and output value of a job record.
		#[pallet::constant]
		type JobDepositPerValue: Get<BalanceOf<Self>>;

		/// The most queued jobs of one model.
		#[pallet::constant]
		type MaxQueueLen: Get<u32>;

		/// The most times one job is assigned: the nodes that missed it are remembered in the
		/// job, at most this many (the governed `MaxReassignments` is read below it).
		#[pallet::constant]
		type MaxAssignments: Get<u32>;

		/// The most jobs the hook expires, and the most queue entries it looks at (over all
		/// models), per block.
		#[pallet::constant]
		type MaxJobsPerBlock: Get<u32>;

		/// The most nodes considered for one model's jobs.
		#[pallet::constant]
		type MaxNodesPerModel: Get<u32>;

		/// The most values of a job's input.
		#[pallet::constant]
		type MaxInputValues: Get<u32>;

		/// The most values of a job's output.
		#[pallet::constant]
		type MaxOutputValues: Get<u32>;

		/// The longest proof, in bytes.
		#[pallet::constant]
		type MaxProofBytes: Get<u32>;

		/// The most results one [`Pallet::submit_results`] call settles, over all its models.
		#[pallet::constant]
		type MaxBatchResults: Get<u32>;

		/// The most models one [`Pallet::submit_results`] call lists.
		#[pallet::constant]
		type MaxBatchModels: Get<u32>;

		/// The most public-input values the statements of one [`Pallet::submit_results`] call
		/// hold (each result's is `1 + inputs + outputs`): bounds the memory its verification
		/// takes. Results beyond it are refused.
		#[pallet::constant]
		type MaxBatchValues: Get<u32>;

		/// The operator keys this node's off-chain worker proves and signs for (`()`: none).
		type Operators: OffchainOperators<Self::AccountId, Call<Self>>;

		/// Weights of this pallet's calls and hook, from its benchmarks.
		type WeightInfo: WeightInfo;

		/// Registers models and nodes for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper<Self::AccountId>;
	}

	/// Why this pallet holds funds. (Fees are not held: they move to the escrow account,
	/// [`Pallet::escrow_account`], at submission.)
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The storage deposit for a job record, until the requester removes it.
		#[codec(index = 1)]
		JobDeposit,
	}

	/// How a fulfilled job's fee was paid out.
	#[derive(
		Clone,
		Copy,
		PartialEq,
		Eq,
		Debug,
		Encode,
		Decode,
		DecodeWithMemTracking,
		MaxEncodedLen,
		TypeInfo,
	)]
	pub struct Payout<Balance> {
		/// To the node that proved it (paid to node staking's reward account for the node,
		/// `ComputeNodes::reward_account`, which shares it with the node's pool).
		pub node: Balance,
		/// To the model's owner.
		pub owner: Balance,
		/// To the protocol (treasury).
		pub protocol: Balance,
	}

	/// The result of an assigned job with its proof, as [`Pallet::submit_results`] takes it.
	#[derive(
		Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	)]
	pub struct JobResult<Output, Proof> {
		/// The job.
		pub job: JobId,
		/// The claimed output.
		pub output: Output,
		/// The proof of (job binding, input, output).
		pub proof: Proof,
	}

	/// The results of one model's jobs, as [`Pallet::submit_results`] takes them.
	#[derive(
		Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	)]
	pub struct ModelResults<Results> {
		/// The model every listed job is of.
		pub model: ModelId,
		/// The results.
		pub results: Results,
	}

	/// Why a job's fee went back to the requester.
	#[derive(
		Clone,
		Copy,
		PartialEq,
		Eq,
		Debug,
		Encode,
		Decode,
		DecodeWithMemTracking,
		MaxEncodedLen,
		TypeInfo,
	)]
	pub enum RefundReason {
		/// No node took it within `QueueTimeout` blocks.
		QueueTimeout,
		/// It expired at its deadline after its last permitted assignment.
		DeadlinesMissed,
		/// It expired and the queue had no room to take it back.
		QueueFull,
	}

	/// Where a job stands.
	#[derive(
		CloneNoBound,
		PartialEqNoBound,
		EqNoBound,
		DebugNoBound,
		Encode,
		Decode,
		DecodeWithMemTracking,
		MaxEncodedLen,
		TypeInfo,
	)]
	#[scale_info(skip_type_params(MaxOutput))]
	pub enum JobStatus<AccountId, Balance, BlockNumber, MaxOutput: Get<u32>>
	where
		AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
		Balance: Clone + PartialEq + Eq + core::fmt::Debug,
		BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
	{
		/// Waiting for a node.
		Queued {
			/// Refunded if still queued at this block.
			expires_at: BlockNumber,
		},
		/// Assigned to a node, which must submit a verified result before `deadline`.
		Assigned {
			/// The node.
			node: AccountId,
			/// The block at which the job expires.
			deadline: BlockNumber,
		},
		/// Proved, verified and paid.
		Fulfilled {
			/// The node that proved it.
			node: AccountId,
			/// The verified output.
			output: BoundedVec<QuantizedValue, MaxOutput>,
			/// What the proof established (key hash and public inputs).
			statement: StatementHash,
			/// How the fee was paid out.
			payout: Payout<Balance>,
			/// The block it settled in.
			at: BlockNumber,
		},
		/// The fee went back to the requester.
		Refunded {
			/// Why.
			reason: RefundReason,
			/// The amount refunded (the whole fee).
			amount: Balance,
			/// The block.
			at: BlockNumber,
		},
		/// The requester cancelled it while queued; the fee went back.
		Cancelled {
			/// The amount refunded (the whole fee).
			amount: Balance,
			/// The block.
			at: BlockNumber,
		},
	}

	/// An inference job.
	#[derive(
		CloneNoBound,
		PartialEqNoBound,
		EqNoBound,
		DebugNoBound,
		Encode,
		Decode,
		DecodeWithMemTracking,
		MaxEncodedLen,
		TypeInfo,
	)]
	#[scale_info(skip_type_params(MaxInput, MaxOutput, MaxMissed))]
	pub struct Job<
		AccountId,
		Balance,
		BlockNumber,
		MaxInput: Get<u32>,
		MaxOutput: Get<u32>,
		MaxMissed: Get<u32>,
	>
	where
		AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
		Balance: Clone + PartialEq + Eq + core::fmt::Debug,
		BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
	{
		/// The model.
		pub model: ModelId,
		/// Who submitted and paid for it.
		pub requester: AccountId,
		/// The quantized input.
		pub input: BoundedVec<QuantizedValue, MaxInput>,
		/// The fee held in escrow: the model's compute units × the unit price at submission.
		pub fee: Balance,
		/// The storage deposit held for this record.
		pub deposit: Balance,
		/// The compute units it costs a node's capacity.
		pub compute_units: ComputeUnits,
		/// The block it was submitted in.
		pub submitted_at: BlockNumber,
		/// How many times it has been assigned.
		pub assignments: u32,
		/// The nodes that missed its deadline: reported once each, never assigned it again.
		pub missed_by: BoundedVec<AccountId, MaxMissed>,
		/// Where it stands.
		pub status: JobStatus<AccountId, Balance, BlockNumber, MaxOutput>,
	}

	/// The id the next job gets.
	#[pallet::storage]
	pub type NextJobId<T: Config> = StorageValue<_, JobId, ValueQuery>;

	/// Stored jobs (open, and finished ones not yet removed), by id.
	#[pallet::storage]
	pub type Jobs<T: Config> = StorageMap<_, Twox64Concat, JobId, JobOf<T>, OptionQuery>;

	/// Each model's queued jobs, oldest first (expired jobs re-enter at the front); a model
	/// without queued jobs has no entry.
	///
	/// Hasher: `Twox64Concat`, model ids are assigned by the registry.
	#[pallet::storage]
	pub type Queues<T: Config> =
		StorageMap<_, Twox64Concat, ModelId, BoundedVec<JobId, T::MaxQueueLen>, OptionQuery>;

	/// The model whose queue the hook visited last: the next block starts after it.
	#[pallet::storage]
	pub type QueueCursor<T: Config> = StorageValue<_, ModelId, OptionQuery>;

	/// Assigned jobs by deadline block: the hook expires those still assigned at that block.
	#[pallet::storage]
	pub type Deadlines<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<JobId, T::MaxJobsPerBlock>,
		ValueQuery,
	>;

	/// The open jobs assigned to each node, with their deadlines (what its prover has to do).
	#[pallet::storage]
	pub type NodeJobs<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		JobId,
		BlockNumberFor<T>,
		OptionQuery,
	>;

	/// The compute units of each node's open assigned jobs: never more than its throughput
	/// covers in one deadline window.
	#[pallet::storage]
	pub type NodeLoad<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, ComputeUnits, ValueQuery>;

	/// Where the next round-robin search over a model's nodes starts.
	#[pallet::storage]
	pub type AssignmentCursor<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// Genesis: opens the escrow account (gives it the existential deposit, so that fees of
	/// any size can be paid into it and out of it down to nothing).
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		#[serde(skip)]
		#[doc(hidden)]
		pub _phantom: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			Pallet::<T>::open_escrow();
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A job was submitted: fee and deposit held, job queued.
		InferenceSubmitted {
			/// The job.
			job: JobId,
			/// Its model.
			model: ModelId,
			/// Who pays.
			requester: T::AccountId,
			/// The fee paid into escrow.
			fee: BalanceOf<T>,
			/// The storage deposit held.
			deposit: BalanceOf<T>,
		},
		/// A job was assigned to a node.
		JobAssigned {
			/// The job.
			job: JobId,
			/// The node.
			node: T::AccountId,
			/// The block at which it expires.
			deadline: BlockNumberFor<T>,
		},
		/// A job's result was verified: the fee was paid out, the output stored.
		InferenceVerified {
			/// The job.
			job: JobId,
			/// Its model.
			model: ModelId,
			/// The node that proved it.
			node: T::AccountId,
			/// The verified output.
			output: OutputOf<T>,
			/// What the proof established.
			statement: StatementHash,
			/// How the fee was paid out.
			payout: Payout<BalanceOf<T>>,
		},
		/// An assigned job passed its deadline; the node was reported.
		JobExpired {
			/// The job.
			job: JobId,
			/// The late node.
			node: T::AccountId,
			/// Whether the job went back to the queue (otherwise it was refunded).
			requeued: bool,
		},
		/// A job's fee was refunded.
		JobRefunded {
			/// The job.
			job: JobId,
			/// Who got the fee back.
			requester: T::AccountId,
			/// The amount.
			amount: BalanceOf<T>,
			/// Why.
			reason: RefundReason,
		},
		/// A queued job was cancelled and its fee refunded.
		JobCancelled {
			/// The job.
			job: JobId,
			/// Who got the fee back.
			requester: T::AccountId,
			/// The amount.
			amount: BalanceOf<T>,
		},
		/// A result submitted with [`Pallet::submit_results`] was refused: nothing moved for the
		/// job, which stays as it was.
		ResultRefused {
			/// The job.
			job: JobId,
			/// Why (the verifier's error for a proof that does not verify).
			error: DispatchError,
		},
		/// A finished job's record was removed and its deposit released.
		JobRemoved {
			/// The job.
			job: JobId,
			/// Whose deposit was released.
			requester: T::AccountId,
			/// The deposit.
			deposit: BalanceOf<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The model takes no new jobs (it is retired).
		ModelNotAcceptingJobs,
		/// The input does not have the model's number of input values.
		InputLength,
		/// The input value at `index` lies outside the model's input domain (the registry's
		/// `ModelSpec::input_domain` of the model: `min..=max`); no node could prove it.
		InputOutOfDomain {
			/// The position of the first value outside the domain.
			index: u16,
		},
		/// The job's price is above the `max_fee` the requester allowed.
		PriceAboveMaxFee,
		/// The price (compute units × unit price) or the deposit overflows the balance type.
		PriceOverflow,
		/// The queue is full: try again later.
		QueueFull,
		/// No job with this id is stored.
		UnknownJob,
		/// Only the job's requester may do this.
		NotRequester,
		/// Only a queued job can be cancelled.
		NotQueued,
		/// The job is not assigned to a node now (queued, or finished).
		NotAssigned,
		/// The job is assigned to another node (and the signer is not its prover key).
		NotAssignedNode,
		/// The output does not have the model's number of output values.
		OutputLength,
		/// The job is still open; only finished jobs can be removed.
		JobStillOpen,
		/// The job counter overflowed.
		JobIdOverflow,
		/// The same job appears more than once in one `submit_results` call.
		DuplicateResult,
		/// A `submit_results` call holds more than `MaxBatchResults` results: split it.
		TooManyResults,
		/// A result is listed under another model than its job's in `submit_results`.
		WrongModel,
		/// The statements of one `submit_results` call would hold more than `MaxBatchValues`
		/// public-input values: submit the rest in another call.
		TooManyValues,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Expires the jobs whose deadline is this block, then assigns queued jobs.
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::process_block(now)
		}

		/// Proves the jobs assigned to this node's operator keys ([`offchain`]).
		fn offchain_worker(now: BlockNumberFor<T>) {
			Self::offchain_prove(now)
		}

		fn integrity_test() {
			assert!(!T::MaxJobsPerBlock::get().is_zero(), "MaxJobsPerBlock must be positive");
			assert!(!T::MaxAssignments::get().is_zero(), "MaxAssignments must be positive");
			assert!(
				T::MaxInputValues::get() <= u32::from(u16::MAX),
				"InputOutOfDomain names a position below 2^16"
			);
			assert!(!T::MaxNodesPerModel::get().is_zero(), "MaxNodesPerModel must be positive");
			assert!(
				// A statement is the inputs, the outputs and one more value.
				u64::from(T::MaxBatchValues::get())
					> u64::from(T::MaxInputValues::get()) + u64::from(T::MaxOutputValues::get()),
				"MaxBatchValues must hold the largest statement"
			);
			assert!(!T::MaxBatchResults::get().is_zero(), "MaxBatchResults must be positive");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Submits an inference job: prices it, moves the fee into escrow, holds the record's
		/// deposit, queues it.
		///
		/// - Origin: signed; the signer is the requester and pays.
		/// - `input`: the model's quantized input (its registered shape and scale), flattened.
		/// - `max_fee`: the most the requester pays; a higher price fails with
		///   [`Error::PriceAboveMaxFee`].
		/// - Emits [`Event::InferenceSubmitted`] with the job id.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::submit_inference(input.len() as u32))]
		pub fn submit_inference(
			origin: OriginFor<T>,
			model: ModelId,
			input: InputOf<T>,
			max_fee: BalanceOf<T>,
		) -> DispatchResult {
			let requester = ensure_signed(origin)?;
			Self::do_submit_inference(requester, model, input, max_fee).map(|_| ())
		}

		/// Cancels a queued job and refunds its fee.
		///
		/// - Origin: signed, the requester. The job must still be queued.
		/// - Emits [`Event::JobCancelled`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::cancel())]
		pub fn cancel(origin: OriginFor<T>, job: JobId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_cancel(who, job)
		}

		/// Submits the result of an assigned job with its proof; pays the fee out if the proof
		/// verifies.
		///
		/// - Origin: signed, the node the job is assigned to, or the prover key its operator
		///   named in node staking (which pays the transaction fee; the node is paid).
		/// - The public inputs are built here from the job binding (job id, node), the job's
		///   input and `output`; the verifier of the model's proof system checks `proof`
		///   against them and the model's key. A refused proof fails the call (with the
		///   verifier's error) and moves nothing.
		/// - Weight: the job's own settlement and its model's own key
		///   ([`Pallet::submit_result_weight`], read from the state the call is applied to).
		/// - Emits [`Event::InferenceVerified`].
		#[pallet::call_index(2)]
		#[pallet::weight(Pallet::<T>::submit_result_weight(*job, output.len() as u32))]
		pub fn submit_result(
			origin: OriginFor<T>,
			job: JobId,
			output: OutputOf<T>,
			proof: BoundedVec<u8, T::MaxProofBytes>,
		) -> DispatchResult {
			let node = ensure_signed(origin)?;
			Self::do_submit_result(node, job, output, proof)
		}

		/// Submits the results of several assigned jobs with their proofs, listed per model, and
		/// settles every job whose proof verifies, as [`Self::submit_result`] does for one.
		///
		/// - Origin: signed, as for `submit_result`; a result of a job assigned to a node the
		///   signer may not submit for is refused.
		/// - `batches`: per model, the results of its jobs; at most `MaxBatchResults` in all.
		/// - Each model's proofs are verified together (one combined check; a failing batch is
		///   searched for its bad proofs, which are refused, while the good ones settle). The
		///   settled jobs are paid out together: one transfer to the node's reward account, one
		///   per model owner, one to the treasury.
		/// - Each result is settled or refused on its own: a refused result moves nothing and
		///   emits [`Event::ResultRefused`] with the reason (the verifier's error, or why the
		///   job could not take it: not assigned to the signer's node, which also covers jobs
		///   unknown or finished ([`Error::NotAssignedNode`]), another model's, a wrong output
		///   length, listed twice, beyond `MaxBatchValues`); the call itself succeeds.
		/// - Weight: per model, from its terms and key shape (two reads), the settlement of its
		///   results and the most its verifier's batch verification of them weighs
		///   ([`Pallet::submit_results_weight`]); refunded to what ran.
		/// - Emits [`Event::InferenceVerified`] for each settled job.
		#[pallet::call_index(4)]
		#[pallet::weight(Pallet::<T>::submit_results_weight(batches))]
		pub fn submit_results(
			origin: OriginFor<T>,
			batches: BoundedVec<ModelResultsOf<T>, T::MaxBatchModels>,
		) -> DispatchResultWithPostInfo {
			let signer = ensure_signed(origin)?;
			let weight = Self::do_submit_results(signer, batches.into_inner())?;
			Ok(Some(weight).into())
		}

		/// Removes a finished job's record and releases its deposit.
		///
		/// - Origin: signed, the requester. The job must be fulfilled, refunded or cancelled.
		/// - Emits [`Event::JobRemoved`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::remove_job())]
		pub fn remove_job(origin: OriginFor<T>, job: JobId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_remove_job(who, job)
		}
	}
}
