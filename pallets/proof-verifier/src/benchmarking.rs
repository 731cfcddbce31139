//! Benchmarks of the proof verifier, with passing proofs of every shape from the instance's
//! [`Verifier::benchmark_case`].
//!
//! Three components: `n`, the number of public inputs (from the verifier's fewest to
//! `MaxPublicInputs`), and `w`, the key's circuit width ([`KeyInfo::width`], 1 to
//! `Verifier::MAX_WIDTH`), measured together at the fewest rows of each shape (at least
//! `2^MIN_ROWS_K`); and `k`, the key's rows ([`KeyInfo::k`], `MIN_ROWS_K` to
//! `MAX_MEASURED_ROWS_K`),
//! measured on its own at the fewest inputs and width 1 with the verifier's
//! [`Verifier::benchmark_rows_case`] (the pallet's weight functions add what rows cost beyond
//! `MIN_ROWS_K` to the first; see `Pallet::verify_proof_weight`). A benchmark component needs
//! two distinct values, so a verifier of a single width (Groth16) is measured at widths 1 and 2
//! with the same key, and one whose keys declare no rows at `k` 0 and 1 with the same key; the
//! slopes it gets are measurement noise around zero.
//!
//! [`KeyInfo::width`]: zkinfer_verifier_primitives::KeyInfo::width
//! [`KeyInfo::k`]: zkinfer_verifier_primitives::KeyInfo::k

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
use zkinfer_verifier_primitives::{BenchmarkCase, KeyHash, ProofVerifier, Verifier};

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

#[instance_benchmarks]
mod benchmarks {
	use super::*;

	/// Validating, hashing and storing a key with `n` public inputs and width `w`, and holding
	/// its deposit.
	#[benchmark]
	fn register_vk(
		n: Linear<{ T::Verifier::MIN_PUBLIC_INPUTS }, { T::MaxPublicInputs::get() }>,
		w: Linear<1, { component_max(1, T::Verifier::MAX_WIDTH) }>,
	) {
		let caller = funded_account::<T, I>();
		let case = T::Verifier::benchmark_case(n, key_width::<T, I>(w));
		Params::<T, I>::put(BoundedVec::truncate_from(case.params.clone()));
		let vk: BoundedVec<u8, T::MaxKeyBytes> =
			BoundedVec::try_from(case.vk).expect("benchmark keys fit MaxKeyBytes");
		let key = KeyHash::from(sp_io::hashing::blake2_256(&vk));

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), vk);

		assert_eq!(
			Keys::<T, I>::get(key).map(|record| (record.public_inputs, record.width)),
			Some((n, key_width::<T, I>(w)))
		);
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

	/// Verifying a passing proof with `n` public inputs under a key of width `w` through the
	/// extrinsic.
	#[benchmark]
	fn submit_proof(
		n: Linear<{ T::Verifier::MIN_PUBLIC_INPUTS }, { T::MaxPublicInputs::get() }>,
		w: Linear<1, { component_max(1, T::Verifier::MAX_WIDTH) }>,
	) {
		let caller = funded_account::<T, I>();
		let (key, case) = registered_case::<T, I>(caller.clone(), n, w);
		let inputs = BoundedVec::try_from(case.public_inputs).expect("n ≤ MaxPublicInputs");
		let proof = BoundedVec::try_from(case.proof).expect("benchmark proofs fit MaxProofBytes");

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), key, inputs, proof);
	}

	/// Verifying a passing proof with `n` public inputs under a key of width `w` for another
	/// pallet.
	#[benchmark]
	fn verify_proof(
		n: Linear<{ T::Verifier::MIN_PUBLIC_INPUTS }, { T::MaxPublicInputs::get() }>,
		w: Linear<1, { component_max(1, T::Verifier::MAX_WIDTH) }>,
	) {
		let caller = funded_account::<T, I>();
		let (key, case) = registered_case::<T, I>(caller, n, w);
		let result;

		#[block]
		{
			result =
				<Pallet<T, I> as ProofVerifier>::verify(&key, &case.public_inputs, &case.proof);
		}

		assert!(result.is_ok());
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
				assert_eq!(benchmarks.len(), 7);
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
