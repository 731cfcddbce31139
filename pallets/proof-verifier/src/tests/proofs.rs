//! Verification through `submit_proof` and through `ProofVerifier` for other pallets.

use super::*;
use crate::Error;
use frame_support::assert_noop;
use zkinfer_groth16::synthetic::synthetic_case;
use zkinfer_verifier_primitives::{statement_hash, ProofVerifier, VerifyError};

fn inputs(inputs: &[[u8; 32]]) -> crate::PublicInputsOf<Test> {
	BoundedVec::try_from(inputs.to_vec()).unwrap()
}

fn proof(bytes: &[u8]) -> BoundedVec<u8, frame_support::traits::ConstU32<{ 64 * 1024 }>> {
	BoundedVec::try_from(bytes.to_vec()).unwrap()
}

#[docify::export]
#[test]
fn a_valid_proof_is_accepted_and_its_statement_announced() {
	run_test(|| {
		// A snarkjs Groth16 proof with four public signals, imported into the chain's encoding.
		let f = fixture();
		let key = register(ALICE, &f.vk);

		// Anyone may have it checked: BOB submits it under ALICE's key.
		assert_ok!(Groth16Verifier::submit_proof(
			RuntimeOrigin::signed(BOB),
			key,
			inputs(&f.public_inputs),
			proof(&f.proof),
		));

		// The event names the statement: the key and the public inputs, not the proof.
		let statement = statement_hash(&key, &f.public_inputs);
		assert_eq!(last_event(), Event::ProofVerified { key, statement, submitter: BOB });
	});
}

#[test]
fn a_tampered_proof_is_rejected_and_nothing_is_announced() {
	run_test(|| {
		let f = fixture();
		let key = register_fixture_key();
		let mut tampered = f.public_inputs.clone();
		tampered[0][0] ^= 2;
		assert_noop!(
			Groth16Verifier::submit_proof(
				RuntimeOrigin::signed(BOB),
				key,
				inputs(&tampered),
				proof(&f.proof)
			),
			Error::<Test>::ProofRejected(VerifyError::VerificationFailed)
		);
	});
}

#[test]
fn other_pallets_verify_by_key_hash_and_get_the_statement() {
	run_test(|| {
		let case = synthetic_case(64, 3);
		let key = register(BOB, &case.vk);
		assert_eq!(
			<Groth16Verifier as ProofVerifier>::verify(&key, &case.public_inputs, &case.proof),
			Ok(statement_hash(&key, &case.public_inputs))
		);
		let other = synthetic_case(64, 4);
		assert_eq!(
			<Groth16Verifier as ProofVerifier>::verify(&key, &case.public_inputs, &other.proof),
			Err(Error::<Test>::ProofRejected(VerifyError::VerificationFailed).into())
		);
	});
}

#[test]
fn proofs_under_unknown_keys_are_refused() {
	run_test(|| {
		let f = fixture();
		assert_noop!(
			Groth16Verifier::submit_proof(
				RuntimeOrigin::signed(BOB),
				KeyHash::repeat_byte(3),
				inputs(&f.public_inputs),
				proof(&f.proof),
			),
			Error::<Test>::UnknownKey
		);
	});
}

#[test]
fn submitting_needs_a_signed_origin() {
	run_test(|| {
		let f = fixture();
		let key = register_fixture_key();
		assert_noop!(
			Groth16Verifier::submit_proof(
				RuntimeOrigin::none(),
				key,
				inputs(&f.public_inputs),
				proof(&f.proof)
			),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}
