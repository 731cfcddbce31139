//! The malformed-input corpus through the pallet: every case is refused with its exact error,
//! nothing changes in storage, and no event is emitted.

use super::*;
use crate::Error;
use frame_support::assert_noop;
use zkinfer_groth16::{corpus::cases, Groth16Error};
use zkinfer_verifier_host::from_groth16;

/// The pallet error a corpus case must produce: key errors at registration, the rest when the
/// proof is submitted.
fn expected(error: Groth16Error) -> Error<Test> {
	if error.is_key_error() {
		Error::InvalidKey(from_groth16(error))
	} else {
		Error::ProofRejected(from_groth16(error))
	}
}

#[test]
fn every_corpus_case_is_refused_with_its_error() {
	let cases = cases();
	assert!(cases.len() >= 30);
	for case in cases {
		run_test(|| {
			let vk = BoundedVec::try_from(case.vk.clone()).unwrap();
			if case.error.is_key_error() {
				assert_noop!(
					Groth16Verifier::register_vk(RuntimeOrigin::signed(ALICE), vk),
					expected(case.error)
				);
				return;
			}
			let key = match Groth16Verifier::do_register_vk(ALICE, vk) {
				Ok((key, _)) => key,
				Err(e) => panic!("{}: key refused: {e:?}", case.name),
			};
			let events = System::events().len();
			let result = Groth16Verifier::submit_proof(
				RuntimeOrigin::signed(BOB),
				key,
				BoundedVec::try_from(case.public_inputs.clone()).unwrap(),
				BoundedVec::try_from(case.proof.clone()).unwrap(),
			);
			assert_eq!(result, Err(expected(case.error).into()), "{}", case.name);
			assert_eq!(System::events().len(), events, "{}: no event", case.name);
		});
	}
}
