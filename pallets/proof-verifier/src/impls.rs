//! The pallet's logic, as plain functions that calls, other pallets and tests share.

use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{fungible::MutateHold, tokens::Precision},
};
use sp_core::H256;
use sp_io::hashing::blake2_256;
use sp_runtime::traits::{CheckedAdd, CheckedMul};
use zkinfer_verifier_primitives::{
	statement_hash, KeyHash, KeyInfo, ProofVerifier, PublicInput, StatementHash, VerifiedBatch,
	Verifier, VerifyError,
};

use crate::{
	pallet::{
		BalanceOf, Config, Error, Event, HoldReason, KeyBytes, KeyRecord, Keys, Pallet, Params,
		ParamsHash,
	},
	WeightInfo,
};

impl<T: Config<I>, I: 'static> Pallet<T, I> {
	/// The deposit for a key of `len` bytes: `KeyDepositBase + KeyDepositPerByte × len`.
	pub fn key_deposit(len: usize) -> Result<BalanceOf<T, I>, Error<T, I>> {
		let len = BalanceOf::<T, I>::from(
			u32::try_from(len).map_err(|_| Error::<T, I>::DepositOverflow)?,
		);
		T::KeyDepositPerByte::get()
			.checked_mul(&len)
			.and_then(|per_byte| per_byte.checked_add(&T::KeyDepositBase::get()))
			.ok_or(Error::<T, I>::DepositOverflow)
	}

	/// Validates and stores `vk` for `owner`, holding the deposit; returns the key hash and
	/// the key's shape.
	pub fn do_register_vk(
		owner: T::AccountId,
		vk: BoundedVec<u8, T::MaxKeyBytes>,
	) -> Result<(KeyHash, KeyInfo), DispatchError> {
		let key = KeyHash::from(blake2_256(&vk));
		ensure!(!Keys::<T, I>::contains_key(key), Error::<T, I>::KeyAlreadyRegistered);
		let info = T::Verifier::validate_vk(&Params::<T, I>::get(), &vk)
			.map_err(Error::<T, I>::InvalidKey)?;
		ensure!(
			info.public_inputs <= T::MaxPublicInputs::get(),
			Error::<T, I>::InvalidKey(VerifyError::TooManyPublicInputs)
		);
		// The verifier guarantees both; the weights are only measured up to this width and
		// these rows.
		ensure!(
			info.width <= T::Verifier::MAX_WIDTH,
			Error::<T, I>::InvalidKey(VerifyError::InvalidKey)
		);
		ensure!(
			u32::from(info.k) <= T::Verifier::MAX_ROWS_K,
			Error::<T, I>::InvalidKey(VerifyError::CircuitTooLarge)
		);
		let deposit = Self::key_deposit(vk.len())?;
		T::Currency::hold(&HoldReason::<I>::KeyDeposit.into(), &owner, deposit)?;
		Keys::<T, I>::insert(
			key,
			KeyRecord {
				owner: owner.clone(),
				deposit,
				public_inputs: info.public_inputs,
				width: info.width,
				k: info.k,
				columns: info.columns,
				references: 0,
			},
		);
		KeyBytes::<T, I>::insert(key, vk);
		Self::deposit_event(Event::KeyRegistered {
			key,
			owner,
			public_inputs: info.public_inputs,
			width: info.width,
			deposit,
		});
		Ok((key, info))
	}

	/// Removes `who`'s unreferenced key `key` and releases its deposit.
	pub fn do_unregister_vk(who: T::AccountId, key: KeyHash) -> DispatchResult {
		let record = Keys::<T, I>::get(key).ok_or(Error::<T, I>::UnknownKey)?;
		ensure!(record.owner == who, Error::<T, I>::NotKeyOwner);
		ensure!(record.references == 0, Error::<T, I>::KeyInUse);
		T::Currency::release(
			&HoldReason::<I>::KeyDeposit.into(),
			&who,
			record.deposit,
			Precision::Exact,
		)?;
		Keys::<T, I>::remove(key);
		KeyBytes::<T, I>::remove(key);
		Self::deposit_event(Event::KeyUnregistered { key, owner: who, deposit: record.deposit });
		Ok(())
	}

	/// Verifies `proof` of `public_inputs` under the registered key `key`; returns the
	/// statement hash and the key's shape (what the verification weighed).
	///
	/// The input count is checked against the key here, before the host function runs.
	pub fn do_verify(
		key: &KeyHash,
		public_inputs: &[PublicInput],
		proof: &[u8],
	) -> Result<(StatementHash, KeyInfo), DispatchError> {
		let record = Keys::<T, I>::get(key).ok_or(Error::<T, I>::UnknownKey)?;
		ensure!(
			public_inputs.len() == record.public_inputs as usize,
			Error::<T, I>::ProofRejected(VerifyError::PublicInputCount)
		);
		ensure!(
			proof.len() <= T::MaxProofBytes::get() as usize,
			Error::<T, I>::ProofRejected(VerifyError::ProofLength)
		);
		let vk = KeyBytes::<T, I>::get(key).ok_or(Error::<T, I>::UnknownKey)?;
		T::Verifier::verify(&Params::<T, I>::get(), &vk, public_inputs, proof)
			.map_err(Error::<T, I>::ProofRejected)?;
		Ok((statement_hash(key, public_inputs), record.info()))
	}

	/// Verifies a batch of statements (public inputs, proof) under the registered key `key`
	/// with one call to the verifier; returns one result per statement and the weight the
	/// verification took ([`Self::verify_batch_weight`] for the checks that ran).
	///
	/// A statement with the wrong number of inputs or a proof longer than `MaxProofBytes` is
	/// refused here and not sent to the verifier. The batch fails as a whole only if the key is
	/// unknown, it holds more than `MaxBatchProofs` statements, or the verifier refuses it
	/// whole (then nothing was verified).
	pub fn do_verify_batch(
		key: &KeyHash,
		statements: &[(&[PublicInput], &[u8])],
	) -> Result<VerifiedBatch, DispatchError> {
		let record = Keys::<T, I>::get(key).ok_or(Error::<T, I>::UnknownKey)?;
		ensure!(
			statements.len() <= T::MaxBatchProofs::get() as usize,
			Error::<T, I>::ProofRejected(VerifyError::BatchTooLarge)
		);
		let vk = KeyBytes::<T, I>::get(key).ok_or(Error::<T, I>::UnknownKey)?;
		let mut results: alloc::vec::Vec<Result<StatementHash, DispatchError>> =
			alloc::vec::Vec::with_capacity(statements.len());
		let mut batch = alloc::vec::Vec::with_capacity(statements.len());
		for (public_inputs, proof) in statements {
			if public_inputs.len() != record.public_inputs as usize {
				results
					.push(Err(Error::<T, I>::ProofRejected(VerifyError::PublicInputCount).into()));
			} else if proof.len() > T::MaxProofBytes::get() as usize {
				results.push(Err(Error::<T, I>::ProofRejected(VerifyError::ProofLength).into()));
			} else {
				results.push(Ok(statement_hash(key, public_inputs)));
				batch.push((*public_inputs, *proof));
			}
		}
		// One verifier call per chunk the host reads at once.
		let per_chunk = Self::batch_chunk(record.public_inputs);
		let params = Params::<T, I>::get();
		let mut verdicts = alloc::vec::Vec::with_capacity(batch.len());
		let mut weight = Weight::zero();
		for chunk in batch.chunks(per_chunk as usize) {
			let verification = T::Verifier::verify_batch(&params, &vk, chunk)
				.map_err(Error::<T, I>::ProofRejected)?;
			ensure!(
				verification.results.len() == chunk.len(),
				Error::<T, I>::ProofRejected(VerifyError::UnknownHostError)
			);
			weight.saturating_accrue(Self::verify_batch_weight(
				record.info(),
				chunk.len() as u32,
				verification.pairing_checks > 1,
			));
			verdicts.extend(verification.results);
		}
		let mut verdicts = verdicts.into_iter();
		for result in results.iter_mut().filter(|result| result.is_ok()) {
			match verdicts.next() {
				Some(Ok(())) => {},
				Some(Err(error)) => *result = Err(Error::<T, I>::ProofRejected(error).into()),
				// Not reached (each chunk's verdicts were counted): never an unverified `Ok`.
				None => {
					*result =
						Err(Error::<T, I>::ProofRejected(VerifyError::UnknownHostError).into())
				},
			}
		}
		Ok(VerifiedBatch { results, weight })
	}

	/// Validates and stores new verifier parameters.
	pub fn do_set_params(params: BoundedVec<u8, T::MaxParamsBytes>) -> DispatchResult {
		T::Verifier::validate_params(&params).map_err(Error::<T, I>::InvalidParams)?;
		Self::store_params(params);
		Ok(())
	}

	/// Stores parameters and their hash and announces the hash.
	pub(crate) fn store_params(params: BoundedVec<u8, T::MaxParamsBytes>) {
		let hash = H256(blake2_256(&params));
		Params::<T, I>::put(params);
		ParamsHash::<T, I>::put(hash);
		Self::deposit_event(Event::ParamsSet { hash });
	}

	/// Adds `delta` (±1) to a key's references.
	fn change_references(key: &KeyHash, acquire: bool) -> DispatchResult {
		let references = Keys::<T, I>::try_mutate(key, |record| {
			let record = record.as_mut().ok_or(Error::<T, I>::UnknownKey)?;
			record.references = if acquire {
				record.references.checked_add(1).ok_or(Error::<T, I>::TooManyReferences)?
			} else {
				record.references.checked_sub(1).ok_or(Error::<T, I>::NoReferenceToRelease)?
			};
			Ok::<_, Error<T, I>>(record.references)
		})?;
		Self::deposit_event(Event::KeyReferencesChanged { key: *key, references });
		Ok(())
	}

	/// Checks the pallet's invariants (see the module docs).
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		use frame_support::traits::fungible::InspectHold;
		use sp_runtime::traits::{Saturating, Zero};
		let mut held: BTreeMap<T::AccountId, BalanceOf<T, I>> = BTreeMap::new();
		let mut records = 0usize;
		for (key, record) in Keys::<T, I>::iter() {
			records = records.saturating_add(1);
			let bytes = KeyBytes::<T, I>::get(key).ok_or("a key record has no bytes")?;
			ensure!(KeyHash::from(blake2_256(&bytes)) == key, "a key is stored under a wrong hash");
			ensure!(
				record.width <= T::Verifier::MAX_WIDTH
					&& u32::from(record.k) <= T::Verifier::MAX_ROWS_K
					&& record.public_inputs <= T::MaxPublicInputs::get(),
				"a key's shape lies outside what the weights were measured for"
			);
			let total = held.entry(record.owner.clone()).or_insert_with(Zero::zero);
			*total = total.saturating_add(record.deposit);
		}
		ensure!(
			KeyBytes::<T, I>::iter_keys().count() == records,
			"stored key bytes without a record"
		);
		for (owner, deposits) in held {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::<I>::KeyDeposit.into(), &owner)
					== deposits,
				"held key deposits differ from the recorded deposits"
			);
		}
		ensure!(
			ParamsHash::<T, I>::get() == H256(blake2_256(&Params::<T, I>::get())),
			"the parameter hash does not match the parameters"
		);
		Ok(())
	}
}

/// The weights of the calls and of [`ProofVerifier::verify`] for a key of a given shape.
///
/// A key's verification cost has three parts that do not depend on each other: its public
/// inputs `n` (each is absorbed into the transcript and weighs into one Lagrange sum), its
/// width `w` (columns: commitments read, evaluations, gate terms, points of the final
/// multi-scalar multiplication) and its rows `2^k` (only through `x^(2^k)`). The benchmarks
/// measure each on its own, the others at their least (fewest inputs, width 1, `2^MIN_ROWS_K`
/// rows): `verify_proof` by `n`, `verify_proof_width` by `w`, `verify_proof_rows` by `k`
/// (likewise `register_vk`, `register_vk_width`, `register_vk_rows`), and a key is charged the
/// first at its `n` plus what its `w` and `k` add to the others beyond their least. Measuring
/// them together (components varied with the others at their most) would need proofs with
/// thousands of inputs at width 64 on `2^22` rows, which no machine makes, and its linear fit
/// counted the fixed cost twice. A key below `MIN_ROWS_K` costs as much as one at it; the
/// weight over `k` is linear, and a key above `MAX_MEASURED_ROWS_K` gets it at its own `k`.
impl<T: Config<I>, I: 'static> Pallet<T, I> {
	/// What `2^k` rows add to verification beyond `2^MIN_ROWS_K` (0 for keys that declare no
	/// size).
	pub fn verify_rows_weight(k: u32) -> Weight {
		// Not `clamp`, which panics on an empty range: this runs in transaction validation.
		let k = k.max(T::Verifier::MIN_ROWS_K).min(T::Verifier::MAX_ROWS_K);
		T::WeightInfo::verify_proof_rows(k)
			.saturating_sub(T::WeightInfo::verify_proof_rows(T::Verifier::MIN_ROWS_K))
	}

	/// What `2^k` rows add to registering a key beyond `2^MIN_ROWS_K`.
	pub fn register_rows_weight(k: u32) -> Weight {
		let k = k.max(T::Verifier::MIN_ROWS_K).min(T::Verifier::MAX_ROWS_K);
		T::WeightInfo::register_vk_rows(k)
			.saturating_sub(T::WeightInfo::register_vk_rows(T::Verifier::MIN_ROWS_K))
	}

	/// The weight of `register_vk` for a key with `n` inputs, width `w` and `2^k` rows.
	pub fn register_vk_weight(n: u32, w: u32, k: u32) -> Weight {
		let w = w.max(1).min(T::Verifier::MAX_WIDTH);
		T::WeightInfo::register_vk(n)
			.saturating_add(
				T::WeightInfo::register_vk_width(w)
					.saturating_sub(T::WeightInfo::register_vk_width(1)),
			)
			.saturating_add(Self::register_rows_weight(k))
	}

	/// The weight of `submit_proof` under a key with `n` inputs, width `w` and `2^k` rows.
	pub fn submit_proof_weight(n: u32, w: u32, k: u32) -> Weight {
		T::WeightInfo::submit_proof(n)
			.saturating_add(Self::verify_width_weight(w))
			.saturating_add(Self::verify_rows_weight(k))
	}

	/// The weight of [`ProofVerifier::verify`] under a key with `n` inputs, width `w` and
	/// `2^k` rows.
	pub fn verify_proof_weight(n: u32, w: u32, k: u32) -> Weight {
		T::WeightInfo::verify_proof(n)
			.saturating_add(Self::verify_width_weight(w))
			.saturating_add(Self::verify_rows_weight(k))
	}

	/// What width `w` adds to a verification beyond width 1.
	pub fn verify_width_weight(w: u32) -> Weight {
		let w = w.max(1).min(T::Verifier::MAX_WIDTH);
		T::WeightInfo::verify_proof_width(w).saturating_sub(T::WeightInfo::verify_proof_width(1))
	}

	/// What `n` public inputs add to a verification beyond the fewest a key takes.
	pub fn verify_inputs_weight(n: u32) -> Weight {
		T::WeightInfo::verify_proof(n)
			.saturating_sub(T::WeightInfo::verify_proof(T::Verifier::MIN_PUBLIC_INPUTS))
	}

	/// The weight of [`Self::do_verify_batch`] for `proofs` statements sent to the verifier
	/// in one call under a key of shape `key`: the batch benchmarks at the fewest inputs and
	/// width 1 (`verify_batch`, or `verify_batch_search` when the batch's check failed and the
	/// verifier searched for the bad proofs), plus what the key's width adds there (measured
	/// over batches of [`BATCH_WIDTH_PROOFS`], charged for at least that many: decoding a wide
	/// key is paid once per batch) and per proof what its inputs and rows add to a
	/// verification (both are work per proof, the same in a batch). A search is charged for at
	/// least [`SEARCH_GROUP`] proofs: its pairing checks do not fall below a group's.
	pub fn verify_batch_weight(key: KeyInfo, proofs: u32, searched: bool) -> Weight {
		let w = key.width.max(1).min(T::Verifier::MAX_WIDTH);
		let at_least = |least: u32| proofs.max(least);
		let (batch, width) = if searched {
			(
				T::WeightInfo::verify_batch_search(at_least(SEARCH_GROUP)),
				T::WeightInfo::verify_batch_search_width(w)
					.saturating_sub(T::WeightInfo::verify_batch_search_width(1)),
			)
		} else {
			(
				T::WeightInfo::verify_batch(proofs),
				T::WeightInfo::verify_batch_width(w)
					.saturating_sub(T::WeightInfo::verify_batch_width(1)),
			)
		};
		let per_proof = Self::verify_inputs_weight(key.public_inputs)
			.saturating_add(Self::verify_rows_weight(key.k.into()));
		batch
			.saturating_add(scale(width, at_least(BATCH_WIDTH_PROOFS), BATCH_WIDTH_PROOFS))
			.saturating_add(per_proof.saturating_mul(proofs.into()))
	}

	/// The most [`Self::verify_batch_weight`] is for `proofs` proofs under `key`, searched or
	/// not (each component the larger).
	pub fn most_verify_batch_weight(key: KeyInfo, proofs: u32) -> Weight {
		Self::verify_batch_weight(key, proofs, true)
			.max(Self::verify_batch_weight(key, proofs, false))
	}
}

impl<T: Config<I>, I: 'static> Pallet<T, I> {
	/// How many statements of a key with `public_inputs` inputs one verifier call takes: at
	/// most `MaxBatchProofs`, and no more than fit the host's `MAX_BATCH_BYTES` with proofs of
	/// `MaxProofBytes`. At least one.
	pub fn batch_chunk(public_inputs: u32) -> u32 {
		let statement = (public_inputs as usize)
			.saturating_mul(zkinfer_verifier_primitives::PUBLIC_INPUT_BYTES)
			.saturating_add(T::MaxProofBytes::get() as usize)
			.max(1);
		let fit = zkinfer_verifier_host::limits::MAX_BATCH_BYTES / statement;
		(fit.min(T::MaxBatchProofs::get() as usize) as u32).max(1)
	}
}

/// The fewest proofs a failing batch's search is charged for: a group of the search
/// (`BATCH_SEARCH_GROUP`), whose bisection's checks the benchmark over larger batches covers.
pub const SEARCH_GROUP: u32 = zkinfer_verifier_host::limits::BATCH_SEARCH_GROUP as u32;

/// The batch size at which the batch benchmarks measure a key's width
/// (`verify_batch_width`, `verify_batch_search_width`).
pub const BATCH_WIDTH_PROOFS: u32 = 16;

/// `weight × numerator / denominator`, rounded up, saturating.
fn scale(weight: Weight, numerator: u32, denominator: u32) -> Weight {
	let denominator = u64::from(denominator.max(1));
	let part = |value: u64| {
		let scaled = u128::from(value) * u128::from(numerator);
		u64::try_from(scaled.div_ceil(u128::from(denominator))).unwrap_or(u64::MAX)
	};
	Weight::from_parts(part(weight.ref_time()), part(weight.proof_size()))
}

impl<AccountId, Balance> KeyRecord<AccountId, Balance> {
	/// The key's shape.
	pub fn info(&self) -> KeyInfo {
		KeyInfo {
			public_inputs: self.public_inputs,
			width: self.width,
			k: self.k,
			columns: self.columns,
		}
	}
}

impl<T: Config<I>, I: 'static> ProofVerifier for Pallet<T, I> {
	fn verify(
		key: &KeyHash,
		public_inputs: &[PublicInput],
		proof: &[u8],
	) -> Result<StatementHash, DispatchError> {
		Self::do_verify(key, public_inputs, proof).map(|(statement, _)| statement)
	}

	fn verify_weight(key: KeyInfo) -> Weight {
		Self::verify_proof_weight(key.public_inputs, key.width, key.k.into())
	}

	fn verify_batch(
		key: &KeyHash,
		statements: &[(&[PublicInput], &[u8])],
	) -> Result<VerifiedBatch, DispatchError> {
		Self::do_verify_batch(key, statements)
	}

	fn max_verify_batch_weight(key: KeyInfo, proofs: u32) -> Weight {
		let per_chunk = Self::batch_chunk(key.public_inputs);
		let (full, rest) = (proofs / per_chunk, proofs % per_chunk);
		let mut weight = Self::most_verify_batch_weight(key, per_chunk).saturating_mul(full.into());
		if rest > 0 {
			weight.saturating_accrue(Self::most_verify_batch_weight(key, rest));
		}
		weight
	}

	fn max_verify_weight(public_inputs: u32) -> Weight {
		Self::verify_proof_weight(public_inputs, T::Verifier::MAX_WIDTH, T::Verifier::MAX_ROWS_K)
	}

	fn key_info(key: &KeyHash) -> Option<KeyInfo> {
		Keys::<T, I>::get(key).map(|record| record.info())
	}

	fn acquire_key(key: &KeyHash) -> DispatchResult {
		Self::change_references(key, true)
	}

	fn release_key(key: &KeyHash) -> DispatchResult {
		Self::change_references(key, false)
	}
}
