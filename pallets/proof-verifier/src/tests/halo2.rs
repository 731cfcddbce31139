//! The halo2-KZG instance: a proof of the prover worker verifies under genesis parameters from
//! the development SRS; keys record their shape; weights are charged for the widest key with
//! the most rows and refunded to the key's shape; bad parameters, keys and proofs are refused.

use super::*;
use crate::{pallet::Params, Error, KeyRecord, Pallet, ParamsHash};
use frame_support::{assert_noop, dispatch::GetDispatchInfo, traits::ConstU32};
use zkinfer_verifier_primitives::{statement_hash, KeyInfo, ProofVerifier, Verifier, VerifyError};

/// The widest halo2 key the verifier accepts.
const HALO2_MAX_WIDTH: u32 = <crate::Halo2Kzg as Verifier>::MAX_WIDTH;

type Halo2Error = Error<Test, Halo2Instance>;
type Halo2Event = Event<Test, Halo2Instance>;

fn register_halo2(owner: u64, vk: &[u8]) -> KeyHash {
	assert_ok!(Halo2Verifier::register_vk(
		RuntimeOrigin::signed(owner),
		BoundedVec::try_from(vk.to_vec()).unwrap()
	));
	KeyHash::from(sp_io::hashing::blake2_256(vk))
}

fn submit(
	key: KeyHash,
	inputs: &[[u8; 32]],
	proof: &[u8],
) -> frame_support::dispatch::DispatchResultWithPostInfo {
	Halo2Verifier::submit_proof(
		RuntimeOrigin::signed(BOB),
		key,
		BoundedVec::try_from(inputs.to_vec()).unwrap(),
		BoundedVec::<u8, ConstU32<{ 16 * 1024 }>>::try_from(proof.to_vec()).unwrap(),
	)
}

fn last_halo2_event() -> Halo2Event {
	System::events()
		.into_iter()
		.rev()
		.find_map(|record| match record.event {
			RuntimeEvent::Halo2Verifier(event) => Some(event),
			_ => None,
		})
		.expect("the halo2 verifier emitted an event")
}

#[test]
fn genesis_holds_the_development_srs_parameters_and_their_hash() {
	run_test(|| {
		let params = halo2_fixture().params;
		assert_eq!(Params::<Test, Halo2Instance>::get().into_inner(), params);
		assert_eq!(ParamsHash::<Test, Halo2Instance>::get().0, sp_io::hashing::blake2_256(&params));
	});
}

#[test]
fn a_prover_worker_proof_verifies_and_the_weight_is_refunded_to_the_key_width() {
	run_test(|| {
		let f = halo2_fixture();
		let (vk, inputs, proof) = (f.vk, f.public_inputs, f.proof);
		let key = register_halo2(ALICE, &vk);
		let width = u32::from(vk[2]);
		// Layout 2: advice x[w], acc, lookup_in, lookup_out; fixed weight[w], 10 selector and
		// constant columns, 3 table columns.
		let (k, columns) = (vk[1], 2 * width + 16);
		let record = Keys::<Test, Halo2Instance>::get(key).unwrap();
		assert_eq!(
			record,
			KeyRecord {
				owner: ALICE,
				deposit: 100 + vk.len() as Balance,
				public_inputs: 75,
				width,
				k,
				columns,
				references: 0
			}
		);
		assert_eq!(
			<Halo2Verifier as ProofVerifier>::key_info(&key),
			Some(KeyInfo { public_inputs: 75, width, k, columns })
		);

		let call = crate::Call::<Test, Halo2Instance>::submit_proof {
			key,
			public_inputs: BoundedVec::try_from(inputs.clone()).unwrap(),
			proof: BoundedVec::try_from(proof.clone()).unwrap(),
		};
		let charged = call.get_dispatch_info().call_weight;
		let max_k = u32::from(zkinfer_verifier_host::HALO2_MAX_K);
		assert_eq!(
			charged,
			Pallet::<Test, Halo2Instance>::submit_proof_weight(75, HALO2_MAX_WIDTH, max_k)
		);
		let post = submit(key, &inputs, &proof).unwrap();
		assert_eq!(
			post.actual_weight,
			Some(Pallet::<Test, Halo2Instance>::submit_proof_weight(75, width, k.into()))
		);
		assert_eq!(
			last_halo2_event(),
			Event::ProofVerified { key, statement: statement_hash(&key, &inputs), submitter: BOB }
		);
		assert_eq!(
			<Halo2Verifier as ProofVerifier>::verify(&key, &inputs, &proof),
			Ok(statement_hash(&key, &inputs))
		);
	});
}

#[test]
fn a_halo2_proof_of_another_statement_or_tampered_is_refused() {
	run_test(|| {
		let f = halo2_fixture();
		let (vk, inputs, proof) = (f.vk, f.public_inputs, f.proof);
		let key = register_halo2(ALICE, &vk);
		let refused = |inputs: &[[u8; 32]], proof: &[u8], error: VerifyError| {
			assert_noop!(submit(key, inputs, proof), Halo2Error::ProofRejected(error));
		};
		// Another job binding, another claimed output.
		let mut other = inputs.clone();
		other[0][0] ^= 1;
		refused(&other, &proof, VerifyError::VerificationFailed);
		let mut other = inputs.clone();
		other[74][0] ^= 1;
		refused(&other, &proof, VerifyError::VerificationFailed);
		// Non-canonical input, wrong count (checked by the pallet before the host runs).
		let mut other = inputs.clone();
		other[3] = [0xff; 32];
		refused(&other, &proof, VerifyError::NonCanonicalPublicInput(3));
		refused(&inputs[..74], &proof, VerifyError::PublicInputCount);
		// A flipped byte, a truncated proof, a trailing byte.
		let mut tampered = proof.clone();
		tampered[300] ^= 4;
		refused(&inputs, &tampered, VerifyError::VerificationFailed);
		refused(&inputs, &proof[..proof.len() - 32], VerifyError::VerificationFailed);
		let mut longer = proof.clone();
		longer.push(0);
		refused(&inputs, &longer, VerifyError::InvalidProof);
	});
}

#[test]
fn a_proof_fails_under_rotated_parameters() {
	run_test(|| {
		let f = halo2_fixture();
		let (params, vk, inputs, proof) = (f.params, f.vk, f.public_inputs, f.proof);
		let key = register_halo2(ALICE, &vk);
		// Another valid SRS: the dev SRS with s·h replaced by h (s = 1).
		let mut other = params.clone();
		other.copy_within(32..96, 96);
		assert_ok!(Halo2Verifier::set_params(
			RuntimeOrigin::root(),
			BoundedVec::try_from(other).unwrap()
		));
		assert_noop!(
			submit(key, &inputs, &proof),
			Halo2Error::ProofRejected(VerifyError::VerificationFailed)
		);
	});
}

#[test]
fn malformed_halo2_parameters_and_keys_are_refused() {
	run_test(|| {
		let f = halo2_fixture();
		let (params, vk) = (f.params, f.vk);
		let set = |params: Vec<u8>| {
			Halo2Verifier::set_params(RuntimeOrigin::root(), BoundedVec::try_from(params).unwrap())
		};
		assert_noop!(
			set(params[..159].to_vec()),
			Halo2Error::InvalidParams(VerifyError::InvalidParams)
		);
		let mut off_curve = params.clone();
		off_curve[0] ^= 1;
		assert_noop!(set(off_curve), Halo2Error::InvalidParams(VerifyError::InvalidParams));
		let mut non_canonical = params.clone();
		non_canonical[32..64].copy_from_slice(&[0xff; 32]);
		non_canonical[95] &= 0x3f;
		assert_noop!(set(non_canonical), Halo2Error::InvalidParams(VerifyError::InvalidParams));

		let register = |vk: Vec<u8>| {
			Halo2Verifier::register_vk(
				RuntimeOrigin::signed(ALICE),
				BoundedVec::try_from(vk).unwrap(),
			)
		};
		// Layout 1 (before saturation) is not kept, nor is any version this build does not have.
		for unknown in [1, 3] {
			let mut version = vk.clone();
			version[0] = unknown;
			assert_noop!(
				register(version),
				Halo2Error::InvalidKey(VerifyError::UnsupportedKeyVersion(unknown))
			);
		}
		assert_noop!(register(vk[..3].to_vec()), Halo2Error::InvalidKey(VerifyError::KeyLength));
		assert_noop!(
			register(vk[..vk.len() - 1].to_vec()),
			Halo2Error::InvalidKey(VerifyError::InvalidKey)
		);
		let mut width = vk.clone();
		width[2] = 65;
		assert_noop!(register(width), Halo2Error::InvalidKey(VerifyError::InvalidKey));
	});
}

#[test]
fn try_state_catches_a_key_wider_than_the_weights_cover() {
	new_test_ext().execute_with(|| {
		let key = register_halo2(ALICE, &halo2_fixture().vk);
		assert_ok!(Halo2Verifier::do_try_state());
		Keys::<Test, Halo2Instance>::mutate(key, |r| {
			r.as_mut().unwrap().width = HALO2_MAX_WIDTH + 1
		});
		assert!(Halo2Verifier::do_try_state().is_err());
	});
}

#[test]
fn the_halo2_verifier_binds_the_host_functions() {
	use crate::Halo2Kzg;
	use zkinfer_verifier_host::fixture::halo2_fixture;
	let f = halo2_fixture();
	assert_eq!(Halo2Kzg::validate_params(&f.params), Ok(()));
	assert_eq!(Halo2Kzg::validate_params(&f.params[1..]), Err(VerifyError::InvalidParams));
	// Layout 2: 2w + 16 columns (advice x[w] and 3, fixed weight[w], 10 and 3 table columns).
	let width = u32::from(f.vk[2]);
	let shape = KeyInfo { public_inputs: 75, width, k: f.vk[1], columns: 2 * width + 16 };
	assert_eq!(Halo2Kzg::validate_vk(&f.params, &f.vk), Ok(shape));
	assert_eq!(Halo2Kzg::verify(&f.params, &f.vk, &f.public_inputs, &f.proof), Ok(()));
	let mut other = f.public_inputs.clone();
	other[1][0] ^= 1;
	assert_eq!(
		Halo2Kzg::verify(&f.params, &f.vk, &other, &f.proof),
		Err(VerifyError::VerificationFailed)
	);
}
