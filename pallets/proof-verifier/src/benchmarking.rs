//! Benchmarks of the proof verifier, with passing proofs of every shape from the instance's
//! [`Verifier::benchmark_case`].
//!
//! A key's verification cost has three independent parts (see the weight functions in
//! `impls.rs`), each measured on its own with the others at their least: `n`, the number of
//! public inputs (from the verifier's fewest to `MaxPublicInputs`, at width 1), `w`, the key's
//! circuit width ([`KeyInfo::width`], 1 to `Verifier::MAX_WIDTH`, at the fewest inputs), both on
//! the fewest rows of their shape but at least `2^MIN_ROWS_K`, and `k`, the key's rows
//! ([`KeyInfo::k`], `MIN_ROWS_K` to `MAX_MEASURED_ROWS_K`, at the fewest inputs and width 1,
//! with the verifier's [`Verifier::benchmark_rows_case`]). Batches of `b` proofs (1 to
//! `MaxBatchProofs`) are measured at the fewest inputs and width 1, and over `w` at
//! [`BATCH_WIDTH_PROOFS`] proofs; each once with every proof good (one check) and once with the
//! bad proofs placed where the verifier's search for them is longest (`verify_batch_search*`:
//! as many as it looks for, each first in one of the last groups it checks, so it checks every
//! group and bisects four at their dearest position). A batch repeats one
//! proof `b` times: verification does the same work for equal and distinct proofs, and a
//! bad proof is the same proof of another statement (its first public input changed), which
//! decodes and fails only at the pairing check, the most work a bad proof can cause.
//!
//! A benchmark component needs two distinct values, so a verifier of a single width (Groth16)
//! is measured at widths 1 and 2 with the same key, and one whose keys declare no rows at `k` 0
//! and 1 with the same key; the slopes it gets are measurement noise around zero.
//!
//! [`KeyInfo::width`]: zkinfer_verifier_primitives::KeyInfo::width
//! [`KeyInfo::k`]: zkinfer_verifier_primitives::KeyInfo::k
//! [`BATCH_WIDTH_PROOFS`]: crate::impls::BATCH_WIDTH_PROOFS

use super::*;
use crate::pallet::{Keys, Params};
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{fungible::Mutate, EnsureOrigin, Get},
	BoundedVec,
};
use frame_system::RawOrigin;
use sp_runtime::traits::Bounded;
use zkinfer_verifier_primitives::{BenchmarkCase, KeyHash, ProofVerifier, PublicInput, Verifier};

/// An account with a balance far above any deposit.
fn funded_account<T: Config<I>, I: 'static>() -> T::AccountId {
	let who: T::AccountId = whitelisted_caller();
	T::Currency::set_balance(&who, BalanceOf::<T, I>::max_value() / 4u32.into());
	who
}

/// The largest value of a component whose range starts at `min` and ends at the verifier's
/// `max`: `max`, and at least `min + 1`, because a component needs two distinct values.
const fn component_max(min: u32, max: u32) -> u32 {
	if max > min {
		max
	} else {
		min + 1
	}
}

/// The width a key made for component value `w` has.
fn key_width<T: Config<I>, I: 'static>(w: u32) -> u32 {
	w.min(T::Verifier::MAX_WIDTH)
}

/// Stores the case's parameters and registers its key for `owner`.
fn registered_case<T: Config<I>, I: 'static>(
	owner: T::AccountId,
	public_inputs: u32,
	width: u32,
) -> (KeyHash, BenchmarkCase) {
	let case = T::Verifier::benchmark_case(public_inputs, key_width::<T, I>(width));
	Params::<T, I>::put(BoundedVec::truncate_from(case.params.clone()));
	let vk = BoundedVec::try_from(case.vk.clone()).expect("benchmark keys fit MaxKeyBytes");
	let (key, _) = Pallet::<T, I>::do_register_vk(owner, vk).expect("benchmark keys are valid");
	(key, case)
}

/// The verifier's case on `2^k` rows, clamped to the keys it declares (a verifier whose keys
/// declare no rows is measured at two `k` with the same key).
fn rows_case<T: Config<I>, I: 'static>(k: u32) -> BenchmarkCase {
	let case = T::Verifier::benchmark_rows_case(k.min(T::Verifier::MAX_MEASURED_ROWS_K));
	Params::<T, I>::put(BoundedVec::truncate_from(case.params.clone()));
	case
}

/// A batch of `proofs` statements of `case`: the case's own (good) statement, except those at
/// `bad_positions`, which are its proof for another statement (first public input changed).
fn batch_of(
	case: &BenchmarkCase,
	proofs: u32,
	bad_positions: &[u32],
) -> Vec<(Vec<PublicInput>, Vec<u8>)> {
	let mut bad = case.public_inputs.clone();
	if let Some(first) = bad.first_mut() {
		// Another canonical value: 1 where it was 0, else 0.
		let was_zero = *first == [0u8; 32];
		*first = [0u8; 32];
		if was_zero {
			first[0] = 1;
		}
	}
	(0..proofs)
		.map(|i| {
			let inputs =
				if bad_positions.contains(&i) { bad.clone() } else { case.public_inputs.clone() };
			(inputs, case.proof.clone())
		})
		.collect()
}

/// The positions of the bad proofs that make a batch of `proofs` search longest
/// (`zkinfer_halo2::batch`): as many as the search looks for, each first in one of the last
/// groups of the search, so every group is checked and each of those bisected at its most
/// expensive position; a batch of fewer groups gets one more bad proof than the search looks
/// for, spread over it.
fn worst_bad_positions(proofs: u32) -> Vec<u32> {
	let most_bad = zkinfer_verifier_host::limits::MAX_BATCH_BAD_PROOFS;
	let group = crate::impls::SEARCH_GROUP;
	let groups = proofs.div_ceil(group);
	if groups >= most_bad {
		(0..most_bad).map(|i| (groups - most_bad + i) * group).collect()
	} else {
		let bad = most_bad.saturating_add(1).min(proofs);
		(0..bad).map(|i| i * proofs / bad.max(1)).collect()
	}
}

/// The public inputs of the batch benchmarks' proofs: the fewest a key takes, but at least one,
/// which a bad proof changes.
fn batch_inputs<T: Config<I>, I: 'static>() -> u32 {
	T::Verifier::MIN_PUBLIC_INPUTS.max(1)
}

/// Verifies `batch` under `key` and checks the outcome: `bad` refused, the rest accepted or
/// (once the search stopped) undecided.
fn verify_batch_checked<T: Config<I>, I: 'static>(
	key: &KeyHash,
	batch: &[(Vec<PublicInput>, Vec<u8>)],
	bad: &[u32],
) {
	let statements: Vec<(&[PublicInput], &[u8])> = batch
		.iter()
		.map(|(inputs, proof)| (inputs.as_slice(), proof.as_slice()))
		.collect();
	let verified = Pallet::<T, I>::do_verify_batch(key, &statements)
		.expect("benchmark batches are within the bounds");
	assert_eq!(verified.results.len(), batch.len());
	for (i, result) in verified.results.iter().enumerate() {
		if bad.contains(&(i as u32)) {
			assert!(result.is_err(), "bad statement {i} was accepted");
		} else if bad.is_empty() {
			assert!(result.is_ok(), "good statement {i} was refused: {result:?}");
		}
	}
}

#[instance_benchmarks]
mod benchmarks {
	use super::*;

	/// Validating, hashing and storing a key with `n` public inputs at width 1, and holding its
	/// deposit.
	#[benchmark]
	fn register_vk(n: Linear<{ T::Verifier::MIN_PUBLIC_INPUTS }, { T::MaxPublicInputs::get() }>) {
		let caller = funded_account::<T, I>();
		let case = T::Verifier::benchmark_case(n, 1);
		Params::<T, I>::put(BoundedVec::truncate_from(case.params.clone()));
		let vk: BoundedVec<u8, T::MaxKeyBytes> =
			BoundedVec::try_from(case.vk).expect("benchmark keys fit MaxKeyBytes");
		let key = KeyHash::from(sp_io::hashing::blake2_256(&vk));

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), vk);

		assert_eq!(Keys::<T, I>::get(key).map(|record| record.public_inputs), Some(n));
	}

	/// Validating, hashing and storing a key of width `w` with the fewest inputs, and holding
	/// its deposit: what a key's width adds to `register_vk`.
	#[benchmark]
	fn register_vk_width(w: Linear<1, { component_max(1, T::Verifier::MAX_WIDTH) }>) {
		let caller = funded_account::<T, I>();
		let case =
			T::Verifier::benchmark_case(T::Verifier::MIN_PUBLIC_INPUTS, key_width::<T, I>(w));
		Params::<T, I>::put(BoundedVec::truncate_from(case.params.clone()));
		let vk: BoundedVec<u8, T::MaxKeyBytes> =
			BoundedVec::try_from(case.vk).expect("benchmark keys fit MaxKeyBytes");
		let key = KeyHash::from(sp_io::hashing::blake2_256(&vk));

		#[extrinsic_call]
		register_vk(RawOrigin::Signed(caller), vk);

		assert_eq!(Keys::<T, I>::get(key).map(|record| record.width), Some(key_width::<T, I>(w)));
	}

	/// Validating, hashing and storing a key on `2^k` rows with the fewest inputs at width 1,
	/// and holding its deposit: what a key's rows add to `register_vk`.
	#[benchmark]
	fn register_vk_rows(
		k: Linear<
			{ T::Verifier::MIN_ROWS_K },
			{ component_max(T::Verifier::MIN_ROWS_K, T::Verifier::MAX_MEASURED_ROWS_K) },
		>,
	) {
		let caller = funded_account::<T, I>();
		let case = rows_case::<T, I>(k);
		let vk: BoundedVec<u8, T::MaxKeyBytes> =
			BoundedVec::try_from(case.vk).expect("benchmark keys fit MaxKeyBytes");
		let key = KeyHash::from(sp_io::hashing::blake2_256(&vk));

		#[extrinsic_call]
		register_vk(RawOrigin::Signed(caller), vk);

		assert_eq!(
			Keys::<T, I>::get(key).map(|record| u32::from(record.k)),
			Some(k.min(T::Verifier::MAX_MEASURED_ROWS_K))
		);
	}

	/// Removing the largest key and releasing its deposit.
	#[benchmark]
	fn unregister_vk() {
		let caller = funded_account::<T, I>();
		let (key, _) = registered_case::<T, I>(
			caller.clone(),
			T::MaxPublicInputs::get(),
			T::Verifier::MAX_WIDTH,
		);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), key);

		assert!(!Keys::<T, I>::contains_key(key));
	}

	/// Verifying a passing proof with `n` public inputs under a key of width 1 through the
	/// extrinsic.
	#[benchmark]
	fn submit_proof(n: Linear<{ T::Verifier::MIN_PUBLIC_INPUTS }, { T::MaxPublicInputs::get() }>) {
		let caller = funded_account::<T, I>();
		let (key, case) = registered_case::<T, I>(caller.clone(), n, 1);
		let inputs = BoundedVec::try_from(case.public_inputs).expect("n ≤ MaxPublicInputs");
		let proof = BoundedVec::try_from(case.proof).expect("benchmark proofs fit MaxProofBytes");

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), key, inputs, proof);
	}

	/// Verifying a passing proof with `n` public inputs under a key of width 1 for another
	/// pallet.
	#[benchmark]
	fn verify_proof(n: Linear<{ T::Verifier::MIN_PUBLIC_INPUTS }, { T::MaxPublicInputs::get() }>) {
		let caller = funded_account::<T, I>();
		let (key, case) = registered_case::<T, I>(caller, n, 1);
		let result;

		#[block]
		{
			result =
				<Pallet<T, I> as ProofVerifier>::verify(&key, &case.public_inputs, &case.proof);
		}

		assert!(result.is_ok());
	}

	/// Verifying a passing proof with the fewest inputs under a key of width `w` for another
	/// pallet: what a key's width adds to `verify_proof` and `submit_proof`.
	#[benchmark]
	fn verify_proof_width(w: Linear<1, { component_max(1, T::Verifier::MAX_WIDTH) }>) {
		let caller = funded_account::<T, I>();
		let (key, case) = registered_case::<T, I>(caller, T::Verifier::MIN_PUBLIC_INPUTS, w);
		let result;

		#[block]
		{
			result =
				<Pallet<T, I> as ProofVerifier>::verify(&key, &case.public_inputs, &case.proof);
		}

		assert!(result.is_ok());
	}

	/// Verifying a batch of `b` passing proofs with the fewest inputs at width 1.
	#[benchmark]
	fn verify_batch(b: Linear<1, { T::MaxBatchProofs::get() }>) {
		let caller = funded_account::<T, I>();
		let (key, case) = registered_case::<T, I>(caller, batch_inputs::<T, I>(), 1);
		let batch = batch_of(&case, b, &[]);

		#[block]
		{
			verify_batch_checked::<T, I>(&key, &batch, &[]);
		}
	}

	/// Verifying a batch of [`BATCH_WIDTH_PROOFS`](crate::impls::BATCH_WIDTH_PROOFS) passing
	/// proofs with the fewest inputs under a key of width `w`: what a key's width adds to
	/// `verify_batch`.
	#[benchmark]
	fn verify_batch_width(w: Linear<1, { component_max(1, T::Verifier::MAX_WIDTH) }>) {
		let caller = funded_account::<T, I>();
		let (key, case) = registered_case::<T, I>(caller, batch_inputs::<T, I>(), w);
		let batch = batch_of(&case, crate::impls::BATCH_WIDTH_PROOFS, &[]);

		#[block]
		{
			verify_batch_checked::<T, I>(&key, &batch, &[]);
		}
	}

	/// Verifying a batch of `b` proofs with the fewest inputs at width 1 whose bad proofs make
	/// the longest search for them ([`worst_bad_positions`]).
	/// From [`SEARCH_GROUP`](crate::impls::SEARCH_GROUP) proofs on: a smaller batch is charged
	/// as one of that size.
	#[benchmark]
	fn verify_batch_search(
		b: Linear<
			{ crate::impls::SEARCH_GROUP },
			{ component_max(crate::impls::SEARCH_GROUP, T::MaxBatchProofs::get()) },
		>,
	) {
		let caller = funded_account::<T, I>();
		let (key, case) = registered_case::<T, I>(caller, batch_inputs::<T, I>(), 1);
		let bad = worst_bad_positions(b);
		let batch = batch_of(&case, b, &bad);

		#[block]
		{
			verify_batch_checked::<T, I>(&key, &batch, &bad);
		}
	}

	/// The longest search for bad proofs in a batch of
	/// [`BATCH_WIDTH_PROOFS`](crate::impls::BATCH_WIDTH_PROOFS) proofs with the fewest inputs
	/// under a key of width `w`: what a key's width adds to `verify_batch_search`.
	#[benchmark]
	fn verify_batch_search_width(w: Linear<1, { component_max(1, T::Verifier::MAX_WIDTH) }>) {
		let caller = funded_account::<T, I>();
		let (key, case) = registered_case::<T, I>(caller, batch_inputs::<T, I>(), w);
		let bad = worst_bad_positions(crate::impls::BATCH_WIDTH_PROOFS);
		let batch = batch_of(&case, crate::impls::BATCH_WIDTH_PROOFS, &bad);

		#[block]
		{
			verify_batch_checked::<T, I>(&key, &batch, &bad);
		}
	}

	/// Verifying a passing proof with the fewest inputs at width 1 under a key on `2^k` rows,
	/// for another pallet: what a key's rows add to `verify_proof` and `submit_proof`.
	#[benchmark]
	fn verify_proof_rows(
		k: Linear<
			{ T::Verifier::MIN_ROWS_K },
			{ component_max(T::Verifier::MIN_ROWS_K, T::Verifier::MAX_MEASURED_ROWS_K) },
		>,
	) {
		let caller = funded_account::<T, I>();
		let case = rows_case::<T, I>(k);
		let vk = BoundedVec::try_from(case.vk.clone()).expect("benchmark keys fit MaxKeyBytes");
		let (key, info) =
			Pallet::<T, I>::do_register_vk(caller, vk).expect("benchmark keys are valid");
		assert_eq!(u32::from(info.k), k.min(T::Verifier::MAX_MEASURED_ROWS_K));
		let result;

		#[block]
		{
			result =
				<Pallet<T, I> as ProofVerifier>::verify(&key, &case.public_inputs, &case.proof);
		}

		assert!(result.is_ok());
	}

	/// Validating and storing the instance's verifier parameters.
	#[benchmark]
	fn set_params() -> Result<(), BenchmarkError> {
		let origin =
			T::ParamsOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let params: Vec<u8> = T::Verifier::benchmark_case(T::Verifier::MIN_PUBLIC_INPUTS, 1).params;
		let params = BoundedVec::try_from(params).expect("benchmark parameters fit MaxParamsBytes");

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, params);

		Ok(())
	}

	/// `impl_benchmark_test_suite!` runs the default instance (Groth16 in the mock); this runs
	/// every benchmark of the halo2-KZG instance, at the lowest and highest component values.
	#[cfg(test)]
	mod halo2_instance_tests {
		use super::*;
		use crate::mock::{new_test_ext, Halo2Instance, Test};

		#[test]
		fn every_benchmark_runs_for_the_halo2_instance() {
			new_test_ext().execute_with(|| {
				let benchmarks = Pallet::<Test, Halo2Instance>::benchmarks(false);
				assert_eq!(benchmarks.len(), 13);
				for benchmark in benchmarks {
					let name = core::str::from_utf8(&benchmark.name).unwrap_or("?");
					Pallet::<Test, Halo2Instance>::test_bench_by_name(&benchmark.name)
						.unwrap_or_else(|e| panic!("benchmark {name}: {e:?}"));
				}
			});
		}
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
