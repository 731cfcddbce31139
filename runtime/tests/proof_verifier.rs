//! The proof verifiers through real signed extrinsics: the snarkjs Groth16 fixture and the
//! prover worker's halo2 fixture verify, and every case of the malformed-input corpus (and
//! malformed halo2 statements and proofs) is refused with its exact error while the sender
//! still pays the transaction fee.

mod common;

use codec::{Decode, Encode};
use frame_support::traits::PalletInfoAccess;
use frame_support::{
	traits::fungible::{Inspect, InspectHold},
	BoundedVec,
};
use sp_keyring::Sr25519Keyring;
use sp_runtime::DispatchError;
use zkinfer_groth16::corpus::{cases, fixture};
use zkinfer_runtime::{
	configs::verification::{Groth16Instance, Halo2Instance, GROTH16_PROOF_BYTES},
	Balances, Runtime, RuntimeCall, RuntimeEvent, System,
};
use zkinfer_verifier_host::{fixture::halo2_fixture, from_groth16};
use zkinfer_verifier_primitives::{statement_hash, KeyHash, VerifyError};

type VerifierError = pallet_proof_verifier::Error<Runtime, Groth16Instance>;
type VerifierCall = pallet_proof_verifier::Call<Runtime, Groth16Instance>;
type Halo2Error = pallet_proof_verifier::Error<Runtime, Halo2Instance>;
type Halo2Call = pallet_proof_verifier::Call<Runtime, Halo2Instance>;

/// The deposit `account` has on hold for verifying keys, in both verifier instances.
fn key_deposits(account: &sp_runtime::AccountId32) -> u128 {
	let groth16 = zkinfer_runtime::RuntimeHoldReason::Groth16Verifier(
		pallet_proof_verifier::HoldReason::KeyDeposit,
	);
	let halo2 = zkinfer_runtime::RuntimeHoldReason::Halo2Verifier(
		pallet_proof_verifier::HoldReason::KeyDeposit,
	);
	Balances::balance_on_hold(&groth16, account) + Balances::balance_on_hold(&halo2, account)
}

/// Applies `call` signed by `who` in a block; returns the dispatch result and the fee paid,
/// having checked that the sender's balance dropped by exactly the fee plus any new deposit.
fn apply(who: Sr25519Keyring, call: RuntimeCall) -> (Result<(), DispatchError>, u128) {
	let account = who.to_account_id();
	let (free_before, held_before) = (Balances::balance(&account), key_deposits(&account));
	let (outcome, fee) = common::market::apply(who, call);
	assert!(fee > 0);
	let newly_held = key_deposits(&account) - held_before;
	assert_eq!(free_before - Balances::balance(&account), fee + newly_held);
	(outcome, fee)
}

fn register_call(vk: &[u8]) -> RuntimeCall {
	RuntimeCall::Groth16Verifier(VerifierCall::register_vk {
		vk: BoundedVec::try_from(vk.to_vec()).expect("the key fits"),
	})
}

fn submit_call(key: KeyHash, inputs: &[[u8; 32]], proof: &[u8]) -> RuntimeCall {
	RuntimeCall::Groth16Verifier(VerifierCall::submit_proof {
		key,
		public_inputs: BoundedVec::try_from(inputs.to_vec()).expect("inputs fit"),
		proof: BoundedVec::try_from(proof.to_vec()).expect("the proof fits"),
	})
}

/// Whether a `submit_proof` call whose proof exceeds the bound fails to decode.
fn oversized_submit_does_not_decode(key: KeyHash, inputs: &[[u8; 32]], proof: &[u8]) -> bool {
	let pallet_index = zkinfer_runtime::Groth16Verifier::index() as u8;
	let submit_proof_index = 2u8;
	let encoded = (pallet_index, submit_proof_index, key, inputs.to_vec(), proof.to_vec()).encode();
	RuntimeCall::decode(&mut &encoded[..]).is_err()
}

#[test]
fn the_snarkjs_fixture_verifies_through_signed_extrinsics() {
	common::in_a_block(|| {
		let f = fixture();
		let (result, _) = apply(Sr25519Keyring::Alice, register_call(&f.vk));
		assert_eq!(result, Ok(()));
		let key = KeyHash::from(sp_io::hashing::blake2_256(&f.vk));
		let (result, fee) =
			apply(Sr25519Keyring::Bob, submit_call(key, &f.public_inputs, &f.proof));
		assert_eq!(result, Ok(()));
		let statement = statement_hash(&key, &f.public_inputs);
		assert!(System::events().iter().any(|record| record.event
			== RuntimeEvent::Groth16Verifier(pallet_proof_verifier::Event::ProofVerified {
				key,
				statement,
				submitter: Sr25519Keyring::Bob.to_account_id(),
			})));
		// The fee follows the benchmarked weight: over a millisecond of pairing work.
		assert!(fee > 1_000_000_000, "fee {fee}");
	});
}

#[test]
fn every_corpus_case_is_refused_and_the_sender_pays_the_fee() {
	let cases = cases();
	assert!(cases.len() >= 30);
	for case in cases {
		common::in_a_block(|| {
			if case.error.is_key_error() {
				let (result, _) = apply(Sr25519Keyring::Alice, register_call(&case.vk));
				assert_eq!(
					result,
					Err(VerifierError::InvalidKey(from_groth16(case.error)).into()),
					"{}",
					case.name
				);
				return;
			}
			let (result, _) = apply(Sr25519Keyring::Alice, register_call(&case.vk));
			assert_eq!(result, Ok(()), "{}: the key registers", case.name);
			let key = KeyHash::from(sp_io::hashing::blake2_256(&case.vk));
			if case.proof.len() > GROTH16_PROOF_BYTES as usize {
				// Longer than `MaxProofBytes`: not even a decodable call, so it is refused
				// before it can enter a block (and before any verification work).
				assert!(oversized_submit_does_not_decode(key, &case.public_inputs, &case.proof));
				return;
			}
			let (result, _) =
				apply(Sr25519Keyring::Bob, submit_call(key, &case.public_inputs, &case.proof));
			assert_eq!(
				result,
				Err(VerifierError::ProofRejected(from_groth16(case.error)).into()),
				"{}",
				case.name
			);
		});
	}
}

fn halo2_submit_call(key: KeyHash, inputs: &[[u8; 32]], proof: &[u8]) -> RuntimeCall {
	RuntimeCall::Halo2Verifier(Halo2Call::submit_proof {
		key,
		public_inputs: BoundedVec::try_from(inputs.to_vec()).expect("inputs fit"),
		proof: BoundedVec::try_from(proof.to_vec()).expect("the proof fits"),
	})
}

#[test]
fn a_prover_worker_proof_verifies_through_signed_extrinsics_under_the_genesis_srs() {
	common::in_a_block(|| {
		let f = halo2_fixture();
		let (vk, inputs, proof) = (f.vk, f.public_inputs, f.proof);
		// The digits MLP's key is the demo model's, registered at genesis; registering it again
		// is refused.
		let register = RuntimeCall::Halo2Verifier(Halo2Call::register_vk {
			vk: BoundedVec::try_from(vk.clone()).expect("the key fits"),
		});
		assert_eq!(
			apply(Sr25519Keyring::Bob, register).0,
			Err(Halo2Error::KeyAlreadyRegistered.into())
		);
		let key = KeyHash::from(sp_io::hashing::blake2_256(&vk));

		let (result, fee) = apply(Sr25519Keyring::Bob, halo2_submit_call(key, &inputs, &proof));
		assert_eq!(result, Ok(()));
		assert!(System::events().iter().any(|record| record.event
			== RuntimeEvent::Halo2Verifier(pallet_proof_verifier::Event::ProofVerified {
				key,
				statement: statement_hash(&key, &inputs),
				submitter: Sr25519Keyring::Bob.to_account_id(),
			})));

		// Charged for the widest key up front, refunded to this key's width: a tampered proof
		// (refused, so not refunded) costs more than the valid one.
		let mut tampered = proof.clone();
		tampered[100] ^= 1;
		let (result, failed_fee) =
			apply(Sr25519Keyring::Bob, halo2_submit_call(key, &inputs, &tampered));
		assert_eq!(result, Err(Halo2Error::ProofRejected(VerifyError::VerificationFailed).into()));
		assert!(failed_fee > fee, "refused {failed_fee} vs verified {fee}");

		// Another job's binding, another claimed output, a non-canonical input, a short list.
		let mut other = inputs.clone();
		other[0][0] ^= 1;
		let (result, _) = apply(Sr25519Keyring::Bob, halo2_submit_call(key, &other, &proof));
		assert_eq!(result, Err(Halo2Error::ProofRejected(VerifyError::VerificationFailed).into()));
		let mut other = inputs.clone();
		other[70][0] ^= 1;
		let (result, _) = apply(Sr25519Keyring::Bob, halo2_submit_call(key, &other, &proof));
		assert_eq!(result, Err(Halo2Error::ProofRejected(VerifyError::VerificationFailed).into()));
		let mut other = inputs.clone();
		other[9] = [0xff; 32];
		let (result, _) = apply(Sr25519Keyring::Bob, halo2_submit_call(key, &other, &proof));
		assert_eq!(
			result,
			Err(Halo2Error::ProofRejected(VerifyError::NonCanonicalPublicInput(9)).into())
		);
		let (result, _) = apply(Sr25519Keyring::Bob, halo2_submit_call(key, &inputs[1..], &proof));
		assert_eq!(result, Err(Halo2Error::ProofRejected(VerifyError::PublicInputCount).into()));
	});
}
