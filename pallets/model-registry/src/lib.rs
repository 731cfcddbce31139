//! # Model Registry Pallet
//!
//! The models zkinfer's market serves: ONNX models compiled by the prover worker into halo2
//! circuits (or circom circuits for Groth16), registered with the terms the market prices and
//! verifies their jobs by.
//!
//! ## Pallet API
//!
//! See the [`pallet`] module for the calls, storage, events and errors. The inference market
//! reads models through the [`ModelRegistry`](zkinfer_primitives::ModelRegistry)
//! implementation on [`Pallet`].
//!
//! ## Overview
//!
//! [`register_model`](pallet::Pallet::register_model) stores a [`ModelSpec`]: metadata
//! (bounded bytes, e.g. a name and a description as JSON), the input and output shapes and
//! their fixed-point scales (values are `real × 2^scale`), the input domain (the quantized
//! values each input may take, which the compiled circuit is total over), the proof system
//! and the hash of the model's verifying key (registered in that system's verifier
//! beforehand), and the artifact hash (the content address of the compiled model, for
//! provers). The registry checks the key exists and that its public-input count is exactly
//! `1 + inputs + outputs` (job binding, input, output: the proof statement), and takes a
//! reference on the key so it cannot be unregistered while the model uses it.
//!
//! **Compute units are the chain's, not the owner's.** What one inference costs (its price
//! is compute units × the governed unit price, and a node's capacity is counted in them) is
//! computed from the verifying key's declared circuit size,
//! [`zkinfer_primitives::compute_units`]: `2^k` rows × columns. An owner cannot make its
//! model look dearer (to earn more per job, or to weigh more in anything counted in compute
//! units) or cheaper (to have nodes take work they are underpaid for) than its circuit is.
//!
//! Registration costs the owner:
//! - a **registration fee** (`RegistrationFee`, governed), withdrawn and handed to
//!   `RegistrationFeeDestination` (the treasury in the runtime; burned if `()`). It is the
//!   anti-spam price of a model and pays for the usage statistics kept after it is gone;
//! - a **deposit** of `ModelDepositBase + ModelDepositPerByte × encoded record length`, held
//!   while the model is stored and adjusted when its metadata changes.
//!
//! The owner may [`update_metadata`](pallet::Pallet::update_metadata),
//! [`retire_model`](pallet::Pallet::retire_model) (no new jobs; the record, the key reference
//! and the deposit go once the last open job has closed) and hand the model over with
//! [`offer_ownership`](pallet::Pallet::offer_ownership), which the new owner completes
//! with [`accept_ownership`](pallet::Pallet::accept_ownership) (their deposit is held, the old
//! owner's released: nobody's funds are held without their signature).
//!
//! **Usage statistics** per model ([`UsageStats`]): verified inferences, distinct requesters
//! and repeat requesters (those with at least two verified inferences), the on-chain signal of
//! which models are useful. They are updated by the market on each verified inference. The
//! per-requester record they are counted from ([`RequesterInferences`]) is created with the
//! requester's first job on a model and holds `UsageRecordDeposit` from the requester, so the
//! storage it takes is paid for; once the model is removed the requester takes the record and
//! the deposit back with [`remove_usage_record`](pallet::Pallet::remove_usage_record).
//!
//! ### Economic argument
//!
//! Who could profit from abusing the registry, and why it does not pay:
//! - *A model owner inflating its model's cost* (to draw more fees, or anything counted in
//!   compute units): the units come from the key's circuit size, not from the owner.
//! - *A model owner declaring a wider input domain than its circuit takes* (so that nodes are
//!   assigned jobs they cannot prove and are slashed): nodes check a model's artifact before
//!   serving it (the prover compares the artifact's domain and key with the registered ones
//!   and refuses a model whose jobs it could not prove), so no honest node serves such a
//!   model and its jobs are never assigned: they time out and are refunded.
//! - *Anyone filling storage* with models or usage records: each is held against a deposit
//!   from the account that made it (the registration fee, on top, is not refunded).
//!
//! ### Example
//!
//! Register a model and retire it (from this pallet's tests):
#![doc = docify::embed!("src/tests.rs", registering_holds_the_deposit_and_moves_the_fee)]
//!
//! ## Low Level / Implementation Details
//!
//! ### Invariants
//!
//! Checked by `Pallet::do_try_state` (tests and the `try-runtime` feature):
//! - every model id is below [`NextModelId`];
//! - a stored model's shapes are valid and its key's input count is `1 + inputs + outputs`;
//! - a retired model that is still stored has open jobs (otherwise it would be removed);
//! - the deposit held from each account equals the sum of the deposits of the models it owns;
//! - a stored model's compute units are those of its key;
//! - the usage-record deposit held from each account equals the sum of its records' deposits;
//!   each model's distinct and repeat requesters are its records with at least one and two
//!   verified inferences;
//! - an ownership offer exists only for a stored model;
//! - usage statistics: repeat requesters ≤ distinct requesters ≤ inferences.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod impls;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
pub use benchmarking::BenchmarkHelper;
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
	use zkinfer_primitives::{
		ArtifactHash, ComputeUnits, InferenceVerifier, InputDomain, ModelId, ProofSystem,
	};
	use zkinfer_verifier_primitives::KeyHash;

	/// The balance type of the currency.
	pub type BalanceOf<T> = <<T as Config>::Currency as fungible::Inspect<
		<T as frame_system::Config>::AccountId,
	>>::Balance;

	/// A withdrawn registration fee, on its way to `RegistrationFeeDestination`.
	pub type CreditOf<T> =
		fungible::Credit<<T as frame_system::Config>::AccountId, <T as Config>::Currency>;

	/// A model's specification as this runtime bounds it.
	pub type ModelSpecOf<T> =
		ModelSpec<<T as Config>::MaxMetadataBytes, <T as Config>::MaxDimensions>;

	/// A stored model as this runtime bounds it.
	pub type ModelRecordOf<T> = ModelRecord<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		<T as Config>::MaxMetadataBytes,
		<T as Config>::MaxDimensions,
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

		/// Holds deposits and withdraws registration fees.
		type Currency: fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ fungible::Mutate<Self::AccountId>
			+ fungible::Balanced<Self::AccountId>;

		/// The proof verifiers, by proof system: where models' keys are registered.
		type Verifiers: InferenceVerifier;

		/// The fee for registering a model (governed).
		type RegistrationFee: Get<BalanceOf<Self>>;

		/// Receives registration fees (the treasury; `()` burns them).
		type RegistrationFeeDestination: OnUnbalanced<CreditOf<Self>>;

		/// The deposit held for any stored model.
		#[pallet::constant]
		type ModelDepositBase: Get<BalanceOf<Self>>;

		/// The deposit held per byte of a stored model's encoded record.
		#[pallet::constant]
		type ModelDepositPerByte: Get<BalanceOf<Self>>;

		/// The longest metadata, in bytes.
		#[pallet::constant]
		type MaxMetadataBytes: Get<u32>;

		/// The most dimensions of an input or output shape.
		#[pallet::constant]
		type MaxDimensions: Get<u32>;

		/// The most values of an input or an output (the product of its shape).
		#[pallet::constant]
		type MaxTensorValues: Get<u32>;

		/// The deposit held from a requester for its usage record of a model (created with its
		/// first job on the model).
		#[pallet::constant]
		type UsageRecordDeposit: Get<BalanceOf<Self>>;

		/// Weights of this pallet's calls, from its benchmarks.
		type WeightInfo: WeightInfo;

		/// Registers verifying keys for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper<Self::AccountId>;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit for a stored model.
		#[codec(index = 0)]
		ModelDeposit,
		/// The deposit for a requester's usage record of a model.
		#[codec(index = 1)]
		UsageRecord,
	}

	/// A model's specification: everything its owner declares at registration.
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
	#[scale_info(skip_type_params(MaxMetadata, MaxDims))]
	pub struct ModelSpec<MaxMetadata: Get<u32>, MaxDims: Get<u32>> {
		/// Free-form metadata, e.g. a name and a description as JSON.
		pub metadata: BoundedVec<u8, MaxMetadata>,
		/// The input tensor's shape.
		pub input_shape: BoundedVec<u32, MaxDims>,
		/// The input's fixed-point scale: a value is `real × 2^input_scale`, rounded.
		pub input_scale: u8,
		/// The output tensor's shape.
		pub output_shape: BoundedVec<u32, MaxDims>,
		/// The output's fixed-point scale.
		pub output_scale: u8,
		/// The quantized values each input value may take: the market refuses a job with a
		/// value outside it. It must be a domain the model's circuit is total over (`prover-
		/// worker compile` records it; nodes check it against the artifact before serving).
		pub input_domain: InputDomain,
		/// The proof system of the verifying key.
		pub proof_system: ProofSystem,
		/// The verifying key's hash, registered in that system's verifier.
		pub vk: KeyHash,
		/// The content address of the compiled model, from which provers fetch it.
		pub artifact: ArtifactHash,
	}

	/// Whether a model takes new jobs.
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
	pub enum ModelStatus {
		/// Takes new jobs.
		Active,
		/// Takes no new jobs; removed once its open jobs have closed.
		Retired,
	}

	/// A stored model.
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
	#[scale_info(skip_type_params(MaxMetadata, MaxDims))]
	pub struct ModelRecord<AccountId, Balance, MaxMetadata: Get<u32>, MaxDims: Get<u32>>
	where
		AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
		Balance: Clone + PartialEq + Eq + core::fmt::Debug,
	{
		/// The owner: receives the owner's share of fees, pays the deposit.
		pub owner: AccountId,
		/// The deposit held from the owner.
		pub deposit: Balance,
		/// What the owner declared.
		pub spec: ModelSpec<MaxMetadata, MaxDims>,
		/// The compute units one inference costs, computed from the verifying key at
		/// registration ([`zkinfer_primitives::compute_units`]).
		pub compute_units: ComputeUnits,
		/// Whether it takes new jobs.
		pub status: ModelStatus,
		/// Jobs of this model that are open (queued or assigned) in the market.
		pub open_jobs: u32,
	}

	/// A model's usage, kept after the model is removed.
	#[derive(
		Clone, Copy, Default, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo,
	)]
	pub struct UsageStats {
		/// Verified inferences.
		pub inferences: u64,
		/// Accounts with at least one verified inference.
		pub distinct_requesters: u32,
		/// Accounts with at least two verified inferences.
		pub repeat_requesters: u32,
	}

	/// The id the next registered model gets.
	#[pallet::storage]
	pub type NextModelId<T: Config> = StorageValue<_, ModelId, ValueQuery>;

	/// Stored models, by id.
	#[pallet::storage]
	pub type Models<T: Config> =
		StorageMap<_, Twox64Concat, ModelId, ModelRecordOf<T>, OptionQuery>;

	/// Usage statistics, by model id.
	#[pallet::storage]
	pub type Usage<T: Config> = StorageMap<_, Twox64Concat, ModelId, UsageStats, ValueQuery>;

	/// A requester's record of its use of a model: what distinct and repeat requesters are
	/// counted from.
	#[derive(
		Clone, Copy, Default, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo,
	)]
	pub struct UsageRecord<Balance> {
		/// Its verified inferences of the model (saturating).
		pub verified: u32,
		/// The deposit held for the record.
		pub deposit: Balance,
	}

	/// Each requester's usage record per model, created with its first job on the model.
	///
	/// Hashers: `Twox64Concat` for the registry-assigned model id, `Blake2_128Concat` for the
	/// account, which users choose.
	#[pallet::storage]
	pub type RequesterInferences<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ModelId,
		Blake2_128Concat,
		T::AccountId,
		UsageRecord<BalanceOf<T>>,
		OptionQuery,
	>;

	/// Open ownership offers: the account a model's owner offered it to.
	#[pallet::storage]
	pub type OwnershipOffers<T: Config> =
		StorageMap<_, Twox64Concat, ModelId, T::AccountId, OptionQuery>;

	/// A model registered at genesis: a [`ModelSpec`] in plain (unbounded) fields and its owner.
	#[derive(Clone, PartialEq, Eq, Debug, serde::Serialize, serde::Deserialize)]
	#[serde(rename_all = "camelCase")]
	pub struct GenesisModel<AccountId> {
		/// The owner: pays the registration fee and the deposit, like `register_model`'s caller.
		pub owner: AccountId,
		/// [`ModelSpec::metadata`].
		pub metadata: alloc::vec::Vec<u8>,
		/// [`ModelSpec::input_shape`].
		pub input_shape: alloc::vec::Vec<u32>,
		/// [`ModelSpec::input_scale`].
		pub input_scale: u8,
		/// [`ModelSpec::output_shape`].
		pub output_shape: alloc::vec::Vec<u32>,
		/// [`ModelSpec::output_scale`].
		pub output_scale: u8,
		/// [`ModelSpec::input_domain`].
		pub input_domain: InputDomain,
		/// [`ModelSpec::proof_system`].
		pub proof_system: ProofSystem,
		/// [`ModelSpec::vk`]: the key must be registered in the verifier's genesis.
		pub vk: KeyHash,
		/// [`ModelSpec::artifact`].
		pub artifact: ArtifactHash,
	}

	/// Genesis: models registered from block 0 (ids 0, 1, … in order), exactly as
	/// `register_model` registers them (fee, deposit, key reference).
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The models.
		pub models: alloc::vec::Vec<GenesisModel<T::AccountId>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			// Deliberate panics: a chain must not start with a model its spec says it has but
			// does not (the same policy as the verifier's and balances' genesis).
			for model in &self.models {
				fn bounded<V>(what: &str) -> V {
					panic!("genesis model: {what} exceeds this runtime's bounds")
				}
				let spec = ModelSpec {
					metadata: BoundedVec::try_from(model.metadata.clone())
						.unwrap_or_else(|_| bounded("metadata")),
					input_shape: BoundedVec::try_from(model.input_shape.clone())
						.unwrap_or_else(|_| bounded("input shape")),
					input_scale: model.input_scale,
					output_shape: BoundedVec::try_from(model.output_shape.clone())
						.unwrap_or_else(|_| bounded("output shape")),
					output_scale: model.output_scale,
					input_domain: model.input_domain,
					proof_system: model.proof_system,
					vk: model.vk,
					artifact: model.artifact,
				};
				if let Err(error) = Pallet::<T>::do_register_model(model.owner.clone(), spec) {
					panic!("genesis model could not be registered: {error:?}");
				}
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A model was registered: fee paid, deposit held, key referenced.
		ModelRegistered {
			/// Its id.
			model: ModelId,
			/// Its owner.
			owner: T::AccountId,
			/// Its proof system.
			proof_system: ProofSystem,
			/// Its verifying key's hash.
			vk: KeyHash,
			/// Its compute units per inference, computed from the key.
			compute_units: ComputeUnits,
			/// The values its input may take.
			input_domain: InputDomain,
			/// The registration fee paid.
			fee: BalanceOf<T>,
			/// The deposit held.
			deposit: BalanceOf<T>,
		},
		/// A model's metadata changed and its deposit was adjusted.
		MetadataUpdated {
			/// The model.
			model: ModelId,
			/// The deposit now held.
			deposit: BalanceOf<T>,
		},
		/// A model was retired: it takes no new jobs.
		ModelRetired {
			/// The model.
			model: ModelId,
			/// Jobs still open; the model is removed when they have closed.
			open_jobs: u32,
		},
		/// A retired model without open jobs was removed: deposit released, key reference
		/// dropped. Its usage statistics stay.
		ModelRemoved {
			/// The model.
			model: ModelId,
			/// Its last owner, whose deposit was released.
			owner: T::AccountId,
			/// The deposit released.
			deposit: BalanceOf<T>,
		},
		/// An owner offered a model to another account (replacing any earlier offer).
		OwnershipOffered {
			/// The model.
			model: ModelId,
			/// The current owner.
			owner: T::AccountId,
			/// The account that may accept.
			to: T::AccountId,
		},
		/// A requester's first job on a model created its usage record; the deposit is held.
		UsageRecordCreated {
			/// The model.
			model: ModelId,
			/// The requester.
			requester: T::AccountId,
			/// The deposit held.
			deposit: BalanceOf<T>,
		},
		/// A requester removed its usage record of a removed model; the deposit was released.
		UsageRecordRemoved {
			/// The model.
			model: ModelId,
			/// The requester.
			requester: T::AccountId,
			/// The deposit released.
			deposit: BalanceOf<T>,
		},
		/// An ownership offer was accepted: the model changed hands and deposits.
		OwnershipTransferred {
			/// The model.
			model: ModelId,
			/// The previous owner, whose deposit was released.
			from: T::AccountId,
			/// The new owner, whose deposit is held.
			to: T::AccountId,
			/// The deposit now held from the new owner.
			deposit: BalanceOf<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No model with this id is stored.
		UnknownModel,
		/// Only the model's owner may do this.
		NotOwner,
		/// The model is retired and takes no new jobs or changes.
		ModelRetired,
		/// The verifying key is not registered in the verifier of the model's proof system:
		/// register it first (`registerVk` of that verifier).
		UnknownKey,
		/// The key's public-input count is not `1 + inputs + outputs` (job binding, input
		/// values, output values) for the declared shapes.
		ShapeMismatch,
		/// A shape is empty or has a zero dimension.
		EmptyShape,
		/// An input or output has more values than `MaxTensorValues`.
		TooManyValues,
		/// A fixed-point scale above 62 bits.
		ScaleTooLarge,
		/// The input domain's minimum is above its maximum.
		InvalidInputDomain,
		/// The deposit overflows the balance type.
		DepositOverflow,
		/// The model has no ownership offer to this account.
		NotOffered,
		/// The model is already the caller's.
		AlreadyOwner,
		/// The model's count of open jobs would overflow or go below zero (a bug in the
		/// market pallet).
		OpenJobsOutOfRange,
		/// The caller has no usage record of this model.
		NoUsageRecord,
		/// The model is still stored: its usage records stay until it is removed.
		ModelStillStored,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Registers a model: pays the registration fee, holds the deposit, references the key.
		///
		/// - Origin: signed; the signer becomes the owner.
		/// - The key must be registered in the verifier of `spec.proof_system` and take
		///   exactly `1 + inputs + outputs` public inputs ([`Error::ShapeMismatch`]).
		/// - Emits [`Event::ModelRegistered`] with the new model's id.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_model(spec.metadata.len() as u32))]
		pub fn register_model(origin: OriginFor<T>, spec: ModelSpecOf<T>) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_register_model(owner, spec).map(|_| ())
		}

		/// Replaces a model's metadata; the deposit follows its new length.
		///
		/// - Origin: signed, the owner. The model must be active.
		/// - Emits [`Event::MetadataUpdated`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::update_metadata(metadata.len() as u32))]
		pub fn update_metadata(
			origin: OriginFor<T>,
			model: ModelId,
			metadata: BoundedVec<u8, T::MaxMetadataBytes>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_update_metadata(who, model, metadata)
		}

		/// Retires a model: no new jobs. Once no job of it is open (at once, or when the last
		/// one closes) it is removed, its deposit released and its key reference dropped.
		///
		/// - Origin: signed, the owner.
		/// - Emits [`Event::ModelRetired`], and [`Event::ModelRemoved`] when it goes.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::retire_model())]
		pub fn retire_model(origin: OriginFor<T>, model: ModelId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_retire_model(who, model)
		}

		/// Offers a model to `to`, who takes it over with
		/// [`accept_ownership`](Pallet::accept_ownership). A later offer replaces this one.
		///
		/// - Origin: signed, the owner. The model must be active.
		/// - Emits [`Event::OwnershipOffered`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::offer_ownership())]
		pub fn offer_ownership(
			origin: OriginFor<T>,
			model: ModelId,
			to: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_offer_ownership(who, model, to)
		}

		/// Accepts an ownership offer: the caller's deposit is held, the old owner's released.
		///
		/// - Origin: signed, the account the model was offered to.
		/// - Emits [`Event::OwnershipTransferred`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::accept_ownership())]
		pub fn accept_ownership(origin: OriginFor<T>, model: ModelId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_accept_ownership(who, model)
		}

		/// Removes the caller's usage record of a model that is no longer stored and releases
		/// its deposit. The model's usage statistics keep counting the requester.
		///
		/// - Origin: signed, the requester.
		/// - Fails with [`Error::ModelStillStored`] while the model is stored.
		/// - Emits [`Event::UsageRecordRemoved`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::remove_usage_record())]
		pub fn remove_usage_record(origin: OriginFor<T>, model: ModelId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_remove_usage_record(who, model)
		}
	}
}
