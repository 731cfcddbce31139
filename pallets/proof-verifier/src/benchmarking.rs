//! Benchmarks of the proof verifier, with passing proofs of every size from the instance's
//! [`Verifier::benchmark_case`].

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

/// Stores the case's parameters and registers its key for `owner`.
fn registered_case<T: Config<I>, I: 'static>(
	owner: T::AccountId,
	public_inputs: u32,
) -> (KeyHash, BenchmarkCase) {
	let case = T::Verifier::benchmark_case(public_inputs);
	Params::<T, I>::put(BoundedVec::truncate_from(case.params.clone()));
	let vk = BoundedVec::try_from(case.vk.clone()).expect("benchmark keys fit MaxKeyBytes");
	let (key, _) = Pallet::<T, I>::do_register_vk(owner, vk).expect("benchmark keys are valid");
	(key, case)
}

#[instance_benchmarks]
mod benchmarks {
	use super::*;

	/// Validating, hashing and storing a key with `n` public inputs, and holding its deposit.
	#[benchmark]
	fn register_vk(n: Linear<0, { T::MaxPublicInputs::get() }>) {
		let caller = funded_account::<T, I>();
		let case = T::Verifier::benchmark_case(n);
		Params::<T, I>::put(BoundedVec::truncate_from(case.params.clone()));
		let vk: BoundedVec<u8, T::MaxKeyBytes> =
			BoundedVec::try_from(case.vk).expect("benchmark keys fit MaxKeyBytes");
		let key = KeyHash::from(sp_io::hashing::blake2_256(&vk));

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), vk);

		assert_eq!(Keys::<T, I>::get(key).map(|record| record.public_inputs), Some(n));
	}

	/// Removing the largest key and releasing its deposit.
	#[benchmark]
	fn unregister_vk() {
		let caller = funded_account::<T, I>();
		let (key, _) = registered_case::<T, I>(caller.clone(), T::MaxPublicInputs::get());

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), key);

		assert!(!Keys::<T, I>::contains_key(key));
	}

	/// Verifying a passing proof with `n` public inputs through the extrinsic.
	#[benchmark]
	fn submit_proof(n: Linear<0, { T::MaxPublicInputs::get() }>) {
		let caller = funded_account::<T, I>();
		let (key, case) = registered_case::<T, I>(caller.clone(), n);
		let inputs = BoundedVec::try_from(case.public_inputs).expect("n ≤ MaxPublicInputs");
		let proof = BoundedVec::try_from(case.proof).expect("benchmark proofs fit MaxProofBytes");

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), key, inputs, proof);
	}

	/// Verifying a passing proof with `n` public inputs for another pallet.
	#[benchmark]
	fn verify_proof(n: Linear<0, { T::MaxPublicInputs::get() }>) {
		let caller = funded_account::<T, I>();
		let (key, case) = registered_case::<T, I>(caller, n);
		let result;

		#[block]
		{
			result = <Pallet<T, I> as ProofVerifier>::verify(&key, &case.public_inputs, &case.proof);
		}

		assert!(result.is_ok());
	}

	/// Validating and storing the instance's verifier parameters.
	#[benchmark]
	fn set_params() -> Result<(), BenchmarkError> {
		let origin =
			T::ParamsOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let params: Vec<u8> = T::Verifier::benchmark_case(0).params;
		let params = BoundedVec::try_from(params).expect("benchmark parameters fit MaxParamsBytes");

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, params);

		Ok(())
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::mock::new_test_ext(),
		crate::mock::Test
	);
}
