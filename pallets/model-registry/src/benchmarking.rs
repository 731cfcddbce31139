//! Benchmarks of the model registry. Component `m`: metadata bytes (0 to `MaxMetadataBytes`).

use super::*;
use crate::pallet::{ModelSpec, ModelStatus, Models, NextModelId, OwnershipOffers};
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{fungible::Mutate, Get},
	BoundedVec,
};
use frame_system::RawOrigin;
use sp_core::H256;
use sp_runtime::traits::Bounded;
use zkinfer_primitives::{ModelId, ModelRegistry, ProofSystem};
use zkinfer_verifier_primitives::KeyHash;

/// What the benchmarks need from the runtime: a registered verifying key.
pub trait BenchmarkHelper<AccountId> {
	/// Registers a key with `public_inputs` inputs for `owner` in one of the runtime's
	/// verifiers; returns its proof system and hash.
	fn registered_key(owner: &AccountId, public_inputs: u32) -> (ProofSystem, KeyHash);
}

/// An account with a balance far above any fee and deposit.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	T::Currency::set_balance(&who, BalanceOf::<T>::max_value() / 4u32.into());
	who
}

/// A specification with `metadata` bytes of metadata, a 1-value input and a 1-value output,
/// under a key registered for `owner`.
fn spec<T: Config>(owner: &T::AccountId, metadata: u32) -> ModelSpecOf<T> {
	let (proof_system, vk) = T::BenchmarkHelper::registered_key(owner, 3);
	ModelSpec {
		metadata: BoundedVec::truncate_from(vec![7u8; metadata as usize]),
		input_shape: BoundedVec::truncate_from(vec![1]),
		input_scale: 6,
		output_shape: BoundedVec::truncate_from(vec![1]),
		output_scale: 6,
		input_domain: zkinfer_primitives::InputDomain { min: -2048, max: 2047 },
		proof_system,
		vk,
		artifact: H256::repeat_byte(1),
	}
}

/// A model registered by `owner` with `metadata` bytes of metadata.
fn registered<T: Config>(owner: &T::AccountId, metadata: u32) -> ModelId {
	Pallet::<T>::do_register_model(owner.clone(), spec::<T>(owner, metadata))
		.expect("benchmark models register")
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// Checking the key, withdrawing the fee, holding the deposit, storing the record.
	#[benchmark]
	fn register_model(m: Linear<0, { T::MaxMetadataBytes::get() }>) {
		let owner = funded::<T>("owner", 0);
		let spec = spec::<T>(&owner, m);
		// A chain's genesis may have registered models already.
		let model = NextModelId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()), spec);

		assert_eq!(Models::<T>::get(model).map(|r| r.owner), Some(owner));
	}

	/// Replacing metadata of length `MaxMetadataBytes` with `m` bytes (deposit released).
	#[benchmark]
	fn update_metadata(m: Linear<0, { T::MaxMetadataBytes::get() }>) {
		let owner = funded::<T>("owner", 0);
		let model = registered::<T>(&owner, T::MaxMetadataBytes::get());
		let metadata = BoundedVec::truncate_from(vec![9u8; m as usize]);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), model, metadata);

		assert_eq!(Models::<T>::get(model).map(|r| r.spec.metadata.len() as u32), Some(m));
	}

	/// Retiring a model without open jobs: it is removed, deposit and key released.
	#[benchmark]
	fn retire_model() {
		let owner = funded::<T>("owner", 0);
		let model = registered::<T>(&owner, T::MaxMetadataBytes::get());

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), model);

		assert!(!Models::<T>::contains_key(model));
	}

	/// Offering a model to another account.
	#[benchmark]
	fn offer_ownership() {
		let owner = funded::<T>("owner", 0);
		let to = funded::<T>("to", 1);
		let model = registered::<T>(&owner, T::MaxMetadataBytes::get());

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), model, to.clone());

		assert_eq!(OwnershipOffers::<T>::get(model), Some(to));
	}

	/// Accepting an offer: one deposit released, one held.
	#[benchmark]
	fn accept_ownership() {
		let owner = funded::<T>("owner", 0);
		let to = funded::<T>("to", 1);
		let model = registered::<T>(&owner, T::MaxMetadataBytes::get());
		Pallet::<T>::do_offer_ownership(owner, model, to.clone()).expect("the owner may offer");

		#[extrinsic_call]
		_(RawOrigin::Signed(to.clone()), model);

		let record = Models::<T>::get(model).expect("the model is stored");
		assert_eq!((record.owner, record.status), (to, ModelStatus::Active));
	}

	/// Removing a usage record of a removed model: the record goes, the deposit is released.
	#[benchmark]
	fn remove_usage_record() {
		let owner = funded::<T>("owner", 0);
		let requester = funded::<T>("requester", 1);
		let model = registered::<T>(&owner, 0);
		Pallet::<T>::job_opened(model, &requester).expect("a job opens");
		Pallet::<T>::job_closed(model).expect("the job closes");
		Pallet::<T>::do_retire_model(owner, model).expect("the owner retires the model");
		assert!(!Models::<T>::contains_key(model));

		#[extrinsic_call]
		_(RawOrigin::Signed(requester.clone()), model);

		assert!(!crate::pallet::RequesterInferences::<T>::contains_key(model, requester));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
