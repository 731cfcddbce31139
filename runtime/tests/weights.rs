//! Every pallet of the runtime is configured with benchmarked weights, never `()` (except
//! where `()` is the pallet's benchmarked implementation), and the proof verifiers' limits
//! agree with the Groth16 encoding and the halo2 circuits and fit in a block.

use core::any::TypeId;
use frame_support::{
	dispatch::{DispatchClass, GetDispatchInfo},
	weights::Weight,
	BoundedVec,
};
use zkinfer_runtime::{
	configs::verification::{
		Groth16Instance, Halo2Instance, GROTH16_MAX_KEY_BYTES, GROTH16_MAX_PUBLIC_INPUTS,
		GROTH16_PROOF_BYTES, HALO2_MAX_KEY_BYTES, HALO2_MAX_PROOF_BYTES, HALO2_MAX_PUBLIC_INPUTS,
		HALO2_PARAMS_BYTES,
	},
	weights, Runtime, RuntimeCall,
};

fn same<A: 'static, B: 'static>() -> bool {
	TypeId::of::<A>() == TypeId::of::<B>()
}

/// Asserts that `$configured` (a `WeightInfo` of the runtime's config) is `$benchmarked`.
macro_rules! assert_weights {
	($configured:ty, $benchmarked:ty) => {
		assert!(
			same::<$configured, $benchmarked>(),
			"{} is not {}",
			stringify!($configured),
			stringify!($benchmarked)
		);
	};
}

#[test]
fn every_pallet_uses_its_benchmarked_weights() {
	assert_weights!(
		<Runtime as frame_system::Config>::SystemWeightInfo,
		frame_system::weights::SubstrateWeight<Runtime>
	);
	assert_weights!(
		<Runtime as frame_system::Config>::ExtensionsWeightInfo,
		frame_system::SubstrateExtensionsWeight<Runtime>
	);
	// pallet-grandpa ships its benchmarked figures as its `()` implementation, its only one.
	assert_weights!(<Runtime as pallet_grandpa::Config>::WeightInfo, ());
	assert_weights!(
		<Runtime as pallet_balances::Config>::WeightInfo,
		pallet_balances::weights::SubstrateWeight<Runtime>
	);
	assert_weights!(
		<Runtime as pallet_timestamp::Config>::WeightInfo,
		pallet_timestamp::weights::SubstrateWeight<Runtime>
	);
	assert_weights!(
		<Runtime as pallet_transaction_payment::Config>::WeightInfo,
		pallet_transaction_payment::weights::SubstrateWeight<Runtime>
	);
	assert_weights!(
		<Runtime as pallet_collator_selection::Config>::WeightInfo,
		pallet_collator_selection::weights::SubstrateWeight<Runtime>
	);
	assert_weights!(
		<Runtime as pallet_session::Config>::WeightInfo,
		pallet_session::weights::SubstrateWeight<Runtime>
	);
	assert_weights!(
		<Runtime as pallet_sudo::Config>::WeightInfo,
		pallet_sudo::weights::SubstrateWeight<Runtime>
	);
	assert_weights!(
		<Runtime as pallet_proof_verifier::Config<Groth16Instance>>::WeightInfo,
		weights::groth16_verifier::WeightInfo<Runtime>
	);
	assert_weights!(
		<Runtime as pallet_proof_verifier::Config<Halo2Instance>>::WeightInfo,
		weights::halo2_verifier::WeightInfo<Runtime>
	);
	assert_weights!(
		<Runtime as pallet_model_registry::Config>::WeightInfo,
		weights::model_registry::WeightInfo<Runtime>
	);
	assert_weights!(
		<Runtime as pallet_inference_market::Config>::WeightInfo,
		weights::inference_market::WeightInfo<Runtime>
	);
	assert_weights!(
		<Runtime as pallet_node_staking::Config>::WeightInfo,
		weights::node_staking::WeightInfo<Runtime>
	);
	// Governance: the upstream pallets' benchmarked weights (pallet-parameters ships them as its
	// `()` implementation, its only one).
	assert_weights!(
		<Runtime as pallet_utility::Config>::WeightInfo,
		pallet_utility::weights::SubstrateWeight<Runtime>
	);
	assert_weights!(
		<Runtime as pallet_preimage::Config>::WeightInfo,
		pallet_preimage::weights::SubstrateWeight<Runtime>
	);
	assert_weights!(
		<Runtime as pallet_scheduler::Config>::WeightInfo,
		pallet_scheduler::weights::SubstrateWeight<Runtime>
	);
	assert_weights!(
		<Runtime as pallet_referenda::Config>::WeightInfo,
		pallet_referenda::weights::SubstrateWeight<Runtime>
	);
	assert_weights!(
		<Runtime as pallet_conviction_voting::Config>::WeightInfo,
		pallet_conviction_voting::weights::SubstrateWeight<Runtime>
	);
	assert_weights!(<Runtime as pallet_parameters::Config>::WeightInfo, ());
	assert_weights!(
		<Runtime as pallet_treasury::Config>::WeightInfo,
		pallet_treasury::weights::SubstrateWeight<Runtime>
	);
}

#[test]
fn halo2_limits_cover_the_widest_circuit_and_the_host_bounds() {
	// Key and proof sizes depend on the width, not on k.
	let widest =
		zkinfer_circuit::synthetic::dev_case(3, zkinfer_circuit::circuit::MAX_WIDTH, 0).unwrap();
	assert!(widest.vk.len() <= HALO2_MAX_KEY_BYTES as usize, "key {}", widest.vk.len());
	assert!(widest.proof.len() <= HALO2_MAX_PROOF_BYTES as usize, "proof {}", widest.proof.len());
	assert!(HALO2_MAX_KEY_BYTES as usize <= zkinfer_verifier_host::MAX_KEY_BYTES);
	assert!(HALO2_MAX_PROOF_BYTES as usize <= zkinfer_verifier_host::MAX_PROOF_BYTES);
	assert_eq!(HALO2_MAX_PUBLIC_INPUTS as usize, zkinfer_verifier_host::MAX_PUBLIC_INPUTS);
	assert_eq!(HALO2_PARAMS_BYTES as usize, zkinfer_circuit::srs::VERIFIER_PARAMS_BYTES);
}

#[test]
fn the_largest_halo2_verification_fits_in_a_block() {
	let call = |inputs: usize| {
		RuntimeCall::Halo2Verifier(pallet_proof_verifier::Call::submit_proof {
			key: Default::default(),
			public_inputs: BoundedVec::truncate_from(vec![[0u8; 32]; inputs]),
			proof: BoundedVec::truncate_from(vec![0u8; HALO2_MAX_PROOF_BYTES as usize]),
		})
	};
	let largest = call(HALO2_MAX_PUBLIC_INPUTS as usize);
	let weight = largest.get_dispatch_info().call_weight;
	let blocks = <Runtime as frame_system::Config>::BlockWeights::get();
	let max_extrinsic = blocks.get(DispatchClass::Normal).max_extrinsic.unwrap_or(Weight::MAX);
	assert!(weight.all_lte(max_extrinsic), "{weight} > {max_extrinsic}");
	assert!(weight.ref_time() > call(75).get_dispatch_info().call_weight.ref_time());
	let length = codec::Encode::encoded_size(&largest) as u32;
	let max_length = *<Runtime as frame_system::Config>::BlockLength::get()
		.max
		.get(DispatchClass::Normal);
	assert!(length < max_length, "{length} ≥ {max_length}");
}

#[test]
fn groth16_limits_match_the_encoding() {
	assert_eq!(GROTH16_MAX_KEY_BYTES as usize, zkinfer_groth16::MAX_VK_BYTES);
	assert_eq!(GROTH16_PROOF_BYTES as usize, zkinfer_groth16::PROOF_BYTES);
	assert_eq!(GROTH16_MAX_PUBLIC_INPUTS as usize, zkinfer_groth16::MAX_PUBLIC_INPUTS);
}

#[test]
fn the_largest_verification_fits_in_a_block_and_costs_more_than_a_small_one() {
	let call = |inputs: usize| {
		RuntimeCall::Groth16Verifier(pallet_proof_verifier::Call::submit_proof {
			key: Default::default(),
			public_inputs: BoundedVec::truncate_from(vec![[0u8; 32]; inputs]),
			proof: BoundedVec::truncate_from(vec![0u8; GROTH16_PROOF_BYTES as usize]),
		})
		.get_dispatch_info()
		.call_weight
	};
	let max_extrinsic = <Runtime as frame_system::Config>::BlockWeights::get()
		.get(DispatchClass::Normal)
		.max_extrinsic
		.unwrap_or(Weight::MAX);
	let (small, large) = (call(4), call(GROTH16_MAX_PUBLIC_INPUTS as usize));
	assert!(small.ref_time() > 1_000_000_000, "a pairing check costs over 1 ms: {small}");
	assert!(large.ref_time() > small.ref_time());
	assert!(large.all_lte(max_extrinsic), "{large} > {max_extrinsic}");
}
