//! The verifier parameters (the SRS identity): genesis and rotation.

use super::*;
use crate::{Error, Params, ParamsHash};
use frame_support::assert_noop;
use sp_core::H256;
use zkinfer_verifier_primitives::VerifyError;

#[test]
fn genesis_stores_the_parameters_and_their_hash() {
	run_test(|| {
		assert!(Params::<Test>::get().is_empty());
		assert_eq!(ParamsHash::<Test>::get(), H256(sp_io::hashing::blake2_256(&[])));
	});
}

#[test]
fn only_the_params_origin_rotates_and_only_to_valid_parameters() {
	run_test(|| {
		assert_noop!(
			Groth16Verifier::set_params(RuntimeOrigin::signed(ALICE), BoundedVec::new()),
			sp_runtime::DispatchError::BadOrigin
		);
		// Groth16 keys are self-contained: non-empty parameters are not valid for it.
		assert_noop!(
			Groth16Verifier::set_params(
				RuntimeOrigin::root(),
				BoundedVec::try_from(vec![1u8]).unwrap()
			),
			Error::<Test>::InvalidParams(VerifyError::InvalidParams)
		);
		assert_ok!(Groth16Verifier::set_params(RuntimeOrigin::root(), BoundedVec::new()));
		let hash = H256(sp_io::hashing::blake2_256(&[]));
		assert_eq!(last_event(), Event::ParamsSet { hash });
	});
}

#[test]
#[should_panic(expected = "genesis verifier parameters are not valid")]
fn a_chain_cannot_start_with_invalid_parameters() {
	use sp_runtime::BuildStorage;
	let _ = crate::GenesisConfig::<Test> { params: vec![7], ..Default::default() }.build_storage();
}
