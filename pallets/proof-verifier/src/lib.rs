//! # Proof Verifier Pallet
//!
//! Registered verifying keys and native proof verification, for one proof system per instance.
//!
//! ## Pallet API
//!
//! See the [`pallet`] module for the calls, storage, events and errors. Other pallets verify
//! through the [`ProofVerifier`](zkinfer_verifier_primitives::ProofVerifier) implementation
//! on [`Pallet`].
//!
//! ## Overview
//!
//! The pallet is generic over a [`Verifier`](zkinfer_verifier_primitives::Verifier), one proof
//! system, and the runtime runs one instance per system (Groth16 over BN254, and halo2-KZG
//! over BN254 for the prover worker's model proofs). An instance:
//!
//! - keeps a **registry of verifying keys**. [`register_vk`](pallet::Pallet::register_vk)
//!   validates the key through the verifier, stores it under its `blake2_256` hash and holds a
//!   deposit of `KeyDepositBase + KeyDepositPerByte × length` from the registrant. Other pallets
//!   take references on a key (the model registry, for each model that uses it);
//!   [`unregister_vk`](pallet::Pallet::unregister_vk) removes an unreferenced key and releases
//!   the deposit.
//! - records each key's shape ([`KeyInfo`](zkinfer_verifier_primitives::KeyInfo): its number
//!   of public inputs, its circuit width and its rows), which sets what its proofs cost: calls
//!   are charged for the verifier's largest width and most rows and refunded to the key's.
//! - **verifies proofs** by key hash: other pallets call
//!   [`ProofVerifier::verify`](zkinfer_verifier_primitives::ProofVerifier::verify); anyone can
//!   call [`submit_proof`](pallet::Pallet::submit_proof), which emits the statement hash
//!   `H(key hash ‖ public inputs)` of a proof that holds. The proof bytes are not part of the
//!   statement (Groth16 proofs are malleable).
//! - stores the **verifier parameters** (for halo2-KZG the verifier's part of the SRS; empty
//!   for Groth16) and their hash, the SRS identity: set in genesis, rotated only by
//!   `ParamsOrigin` through [`set_params`](pallet::Pallet::set_params).
//!
//! Verification runs natively in the node through the host functions of
//! `zkinfer-verifier-host`, bound to the pallet's [`Verifier`](zkinfer_verifier_primitives::Verifier)
//! by [`Halo2Kzg`] and [`Groth16Bn254`] ([`verifiers`]); every size that reaches them is bounded first by this pallet's
//! `MaxKeyBytes`, `MaxProofBytes` and `MaxPublicInputs`. A rejected proof fails the call with
//! [`Error::ProofRejected`] carrying the exact
//! [`VerifyError`](zkinfer_verifier_primitives::VerifyError); the caller still pays the fee.
//!
//! ### Example
//!
//! Register a key, then check a proof under it (from this pallet's tests):
#![doc = docify::embed!("src/tests/proofs.rs", a_valid_proof_is_accepted_and_its_statement_announced)]
//!
//! ## Low Level / Implementation Details
//!
//! ### Invariants
//!
//! Checked by `Pallet::do_try_state` (built for tests and the `try-runtime` feature):
//! - every key record has its bytes, and every stored key has a record;
//! - a key's stored hash is the `blake2_256` of its bytes;
//! - a key's width is at most the verifier's `MAX_WIDTH`, its rows at most `2^MAX_ROWS_K` and
//!   its input count at most `MaxPublicInputs` (the range the weights were measured over);
//! - the deposit held from each account under this instance's hold reason equals the sum of
//!   the deposits recorded for its keys;
//! - the stored parameter hash is the `blake2_256` of the stored parameters.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod impls;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod verifiers;
pub mod weights;

pub use pallet::*;
pub use verifiers::{Groth16Bn254, Halo2Kzg};
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{pallet_prelude::*, traits::fungible};
	use frame_system::pallet_prelude::*;
	use sp_core::H256;
	use zkinfer_verifier_primitives::{KeyHash, PublicInput, StatementHash, Verifier, VerifyError};

	/// The balance type of the deposit currency.
	pub type BalanceOf<T, I = ()> = <<T as Config<I>>::Currency as fungible::Inspect<
		<T as frame_system::Config>::AccountId,
	>>::Balance;

	/// The public inputs of a proof, bounded by `MaxPublicInputs`.
	pub type PublicInputsOf<T, I = ()> = BoundedVec<PublicInput, <T as Config<I>>::MaxPublicInputs>;

	/// The current storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T, I = ()>(_);

	/// Configuration of one instance: one proof system.
	#[pallet::config]
	pub trait Config<I: 'static = ()>: frame_system::Config {
		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason<I>>;

		/// Holds key deposits.
		type Currency: fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ fungible::Mutate<Self::AccountId>;

		/// The proof system of this instance.
		type Verifier: Verifier;

		/// May replace the verifier parameters (the SRS identity).
		type ParamsOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The deposit held for any registered key.
		#[pallet::constant]
		type KeyDepositBase: Get<BalanceOf<Self, I>>;

		/// The deposit held per byte of a registered key.
		#[pallet::constant]
		type KeyDepositPerByte: Get<BalanceOf<Self, I>>;

		/// The longest verifying key, in bytes.
		#[pallet::constant]
		type MaxKeyBytes: Get<u32>;

		/// The longest proof, in bytes.
		#[pallet::constant]
		type MaxProofBytes: Get<u32>;

		/// The most public inputs of one proof.
		#[pallet::constant]
		type MaxPublicInputs: Get<u32>;

		/// The longest verifier parameters, in bytes.
		#[pallet::constant]
		type MaxParamsBytes: Get<u32>;

		/// The most statements one batch verification ([`ProofVerifier::verify_batch`]) takes;
		/// at most `zkinfer_statement::limits::MAX_BATCH_PROOFS`, what the host reads.
		///
		/// [`ProofVerifier::verify_batch`]: zkinfer_verifier_primitives::ProofVerifier::verify_batch
		#[pallet::constant]
		type MaxBatchProofs: Get<u32>;

		/// Weights of this pallet's calls, from its benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason<I: 'static = ()> {
		/// The deposit for a registered verifying key.
		#[codec(index = 0)]
		KeyDeposit,
	}

	/// A registered verifying key, without its bytes.
	#[derive(
		Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	)]
	pub struct KeyRecord<AccountId, Balance> {
		/// Who registered the key and holds its deposit.
		pub owner: AccountId,
		/// The deposit held from `owner`.
		pub deposit: Balance,
		/// The exact number of public inputs a proof under this key takes.
		pub public_inputs: u32,
		/// The key's circuit width
		/// ([`KeyInfo::width`](zkinfer_verifier_primitives::KeyInfo::width)), which with the input count sets what
		/// a proof costs to verify.
		pub width: u32,
		/// Its circuit's rows as `log2`
		/// ([`KeyInfo::k`](zkinfer_verifier_primitives::KeyInfo::k); 0 if the key does not
		/// declare them).
		pub k: u8,
		/// Its circuit's columns
		/// ([`KeyInfo::columns`](zkinfer_verifier_primitives::KeyInfo::columns)).
		pub columns: u32,
		/// How many users (e.g. registered models) refer to the key; it can be unregistered
		/// only at zero.
		pub references: u32,
	}

	/// The record of each registered key, by key hash.
	///
	/// Hasher: `Identity`, because the key is already a `blake2_256` hash of bytes the registrant
	/// cannot steer into a chosen output.
	#[pallet::storage]
	pub type Keys<T: Config<I>, I: 'static = ()> =
		StorageMap<_, Identity, KeyHash, KeyRecord<T::AccountId, BalanceOf<T, I>>, OptionQuery>;

	/// The bytes of each registered key, by key hash; kept apart from [`Keys`] so reference
	/// counting does not read them. Hasher: `Identity`, as for [`Keys`].
	#[pallet::storage]
	pub type KeyBytes<T: Config<I>, I: 'static = ()> =
		StorageMap<_, Identity, KeyHash, BoundedVec<u8, T::MaxKeyBytes>, OptionQuery>;

	/// The verifier parameters every key of this instance is checked with (for halo2-KZG the
	/// verifier's part of the SRS; empty for Groth16).
	#[pallet::storage]
	pub type Params<T: Config<I>, I: 'static = ()> =
		StorageValue<_, BoundedVec<u8, T::MaxParamsBytes>, ValueQuery>;

	/// `blake2_256` of [`Params`]: the identity of the SRS in use.
	#[pallet::storage]
	pub type ParamsHash<T: Config<I>, I: 'static = ()> = StorageValue<_, H256, ValueQuery>;

	/// Genesis: the verifier parameters.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config<I>, I: 'static = ()> {
		/// The verifier parameters; must pass `Verifier::validate_params`, or be empty: no
		/// parameters (valid for Groth16; a halo2-KZG instance without parameters refuses
		/// every proof with `InvalidParams` until `set_params`).
		pub params: alloc::vec::Vec<u8>,
		/// Verifying keys registered at genesis, with their owners (who hold the deposits).
		pub keys: alloc::vec::Vec<(T::AccountId, alloc::vec::Vec<u8>)>,
		#[serde(skip)]
		#[doc(hidden)]
		pub _phantom: core::marker::PhantomData<(T, I)>,
	}

	#[pallet::genesis_build]
	impl<T: Config<I>, I: 'static> BuildGenesisConfig for GenesisConfig<T, I> {
		fn build(&self) {
			// Deliberate panics, not unproven `expect`s: genesis is built once, by the chain's
			// author, and aborting it (as pallet-balances does for bad endowments) is what keeps
			// a chain from starting with a broken SRS.
			let Ok(params) = BoundedVec::try_from(self.params.clone()) else {
				panic!("genesis verifier parameters exceed MaxParamsBytes");
			};
			if !params.is_empty() {
				if let Err(error) = T::Verifier::validate_params(&params) {
					panic!(
						"genesis verifier parameters are not valid for this proof system: {error}"
					);
				}
			}
			Pallet::<T, I>::store_params(params);
			for (owner, vk) in &self.keys {
				let Ok(vk) = BoundedVec::try_from(vk.clone()) else {
					panic!("a genesis verifying key exceeds MaxKeyBytes");
				};
				if let Err(error) = Pallet::<T, I>::do_register_vk(owner.clone(), vk) {
					panic!("a genesis verifying key could not be registered: {error:?}");
				}
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config<I>, I: 'static = ()> {
		/// A verifying key was registered and its deposit held.
		KeyRegistered {
			/// The key's hash, by which it is used.
			key: KeyHash,
			/// The registrant.
			owner: T::AccountId,
			/// The number of public inputs it takes.
			public_inputs: u32,
			/// Its circuit width
			/// ([`KeyInfo::width`](zkinfer_verifier_primitives::KeyInfo::width)).
			width: u32,
			/// The deposit held.
			deposit: BalanceOf<T, I>,
		},
		/// A verifying key was removed and its deposit released.
		KeyUnregistered {
			/// The key's hash.
			key: KeyHash,
			/// The registrant, whose deposit was released.
			owner: T::AccountId,
			/// The deposit released.
			deposit: BalanceOf<T, I>,
		},
		/// The number of users of a key changed.
		KeyReferencesChanged {
			/// The key's hash.
			key: KeyHash,
			/// The new number of references.
			references: u32,
		},
		/// A proof submitted with `submit_proof` verified.
		ProofVerified {
			/// The key it verified under.
			key: KeyHash,
			/// `H(key ‖ public inputs)`: what was proven.
			statement: StatementHash,
			/// Who submitted it.
			submitter: T::AccountId,
		},
		/// The verifier parameters (the SRS identity) changed.
		ParamsSet {
			/// `blake2_256` of the new parameters.
			hash: H256,
		},
	}

	#[pallet::error]
	pub enum Error<T, I = ()> {
		/// No key with this hash is registered: register it first with `register_vk`.
		UnknownKey,
		/// A key with these bytes is already registered: use it by its hash.
		KeyAlreadyRegistered,
		/// Only the account that registered the key may unregister it.
		NotKeyOwner,
		/// The key is still referenced (e.g. by a registered model); retire those users first.
		KeyInUse,
		/// The key has reached the most references a key can count.
		TooManyReferences,
		/// A reference was released that was never taken (a bug in the calling pallet).
		NoReferenceToRelease,
		/// The deposit for this key overflows the balance type: the key is too long.
		DepositOverflow,
		/// The verifier refused the key; the nested error says why.
		InvalidKey(VerifyError),
		/// The verifier refused the proof or its public inputs; the nested error says why.
		ProofRejected(VerifyError),
		/// The verifier refused the parameters; the nested error says why.
		InvalidParams(VerifyError),
	}

	#[pallet::hooks]
	impl<T: Config<I>, I: 'static> Hooks<BlockNumberFor<T>> for Pallet<T, I> {
		fn integrity_test() {
			assert!(
				T::MaxBatchProofs::get() as usize
					<= zkinfer_verifier_host::limits::MAX_BATCH_PROOFS,
				"MaxBatchProofs must not exceed what one batch verification reads"
			);
			assert!(T::MaxBatchProofs::get() >= 1, "MaxBatchProofs must be positive");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config<I>, I: 'static> Pallet<T, I> {
		/// Registers a verifying key and holds its deposit.
		///
		/// - Origin: signed; the signer becomes the owner and pays the deposit
		///   `KeyDepositBase + KeyDepositPerByte × vk.len()`.
		/// - Weight: charged for a key with `MaxPublicInputs` inputs of the verifier's largest
		///   width and most rows, refunded to the key's shape.
		/// - The verifier validates the key (encoding, curve points, input count) against the
		///   current parameters; a refused key fails with [`Error::InvalidKey`].
		/// - Emits [`Event::KeyRegistered`].
		#[pallet::call_index(0)]
		#[pallet::weight(Pallet::<T, I>::register_vk_weight(
			T::MaxPublicInputs::get(),
			T::Verifier::MAX_WIDTH,
			T::Verifier::MAX_ROWS_K,
		))]
		pub fn register_vk(
			origin: OriginFor<T>,
			vk: BoundedVec<u8, T::MaxKeyBytes>,
		) -> DispatchResultWithPostInfo {
			let owner = ensure_signed(origin)?;
			let (_, info) = Self::do_register_vk(owner, vk)?;
			Ok(Some(Self::register_vk_weight(info.public_inputs, info.width, info.k.into())).into())
		}

		/// Removes an unreferenced key and releases its deposit.
		///
		/// - Origin: signed, the key's owner.
		/// - Fails with [`Error::KeyInUse`] while other pallets refer to the key.
		/// - Emits [`Event::KeyUnregistered`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::unregister_vk())]
		pub fn unregister_vk(origin: OriginFor<T>, key: KeyHash) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_unregister_vk(who, key)
		}

		/// Verifies a proof under a registered key, for anyone who needs a proof checked
		/// on-chain.
		///
		/// - Origin: signed (pays the fee, also when the proof is refused).
		/// - Weight: charged for the verifier's largest width and most rows, refunded to the
		///   key's shape when the proof verifies.
		/// - Fails with [`Error::UnknownKey`] or [`Error::ProofRejected`] (wrong input count,
		///   non-canonical input, malformed or false proof).
		/// - Emits [`Event::ProofVerified`] with the statement hash.
		#[pallet::call_index(2)]
		#[pallet::weight(Pallet::<T, I>::submit_proof_weight(
			public_inputs.len() as u32,
			T::Verifier::MAX_WIDTH,
			T::Verifier::MAX_ROWS_K,
		))]
		pub fn submit_proof(
			origin: OriginFor<T>,
			key: KeyHash,
			public_inputs: PublicInputsOf<T, I>,
			proof: BoundedVec<u8, T::MaxProofBytes>,
		) -> DispatchResultWithPostInfo {
			let submitter = ensure_signed(origin)?;
			let (statement, info) = Self::do_verify(&key, &public_inputs, &proof)?;
			Self::deposit_event(Event::ProofVerified { key, statement, submitter });
			Ok(Some(Self::submit_proof_weight(info.public_inputs, info.width, info.k.into()))
				.into())
		}

		/// Replaces the verifier parameters (rotates the SRS identity).
		///
		/// - Origin: `ParamsOrigin` (governance).
		/// - The verifier validates the parameters; refused ones fail with
		///   [`Error::InvalidParams`].
		/// - Registered keys stay registered: a rotation must keep them verifiable (same
		///   ceremony, larger size), which the origin is trusted to check.
		/// - Emits [`Event::ParamsSet`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_params())]
		pub fn set_params(
			origin: OriginFor<T>,
			params: BoundedVec<u8, T::MaxParamsBytes>,
		) -> DispatchResult {
			T::ParamsOrigin::ensure_origin(origin)?;
			Self::do_set_params(params)
		}
	}
}
