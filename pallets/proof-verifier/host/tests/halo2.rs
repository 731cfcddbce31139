//! The halo2-KZG host functions on the committed fixture (the digits MLP, proved by the
//! prover-worker CLI): it verifies, and each malformed part is refused with its own error.

use zkinfer_verifier_host::proof_verification::{
	halo2_kzg_validate_params, halo2_kzg_validate_vk, halo2_kzg_verify,
};
use zkinfer_verifier_primitives::VerifyError;

mod common;
use common::manifest_dir;

fn fixture(name: &str) -> Vec<u8> {
	std::fs::read(format!("{}/fixtures/halo2/{name}.bin", manifest_dir().display())).unwrap()
}

struct Case {
	params: Vec<u8>,
	vk: Vec<u8>,
	inputs: Vec<u8>,
	proof: Vec<u8>,
}

impl Case {
	fn fixture() -> Self {
		Self {
			params: fixture("params"),
			vk: fixture("vk"),
			inputs: fixture("inputs"),
			proof: fixture("proof"),
		}
	}

	fn verify(&self) -> Result<u64, VerifyError> {
		halo2_kzg_verify(&self.params, &self.vk, &self.inputs, &self.proof).0
	}
}

#[test]
fn the_fixture_verifies_through_the_host_functions() {
	let case = Case::fixture();
	assert_eq!(halo2_kzg_validate_params(&case.params).0, Ok(0));
	// Job binding, 64 pixels, 10 logits.
	let key = halo2_kzg_validate_vk(&case.vk).into_key().unwrap();
	assert_eq!((key.public_inputs, key.width), (75, u32::from(case.vk[2])));
	assert_eq!(case.inputs.len(), 75 * 32);
	assert_eq!(case.verify(), Ok(0));
}

#[test]
fn each_malformed_part_is_refused_with_its_error() {
	let refused = |edit: &dyn Fn(&mut Case), expected: VerifyError| {
		let mut case = Case::fixture();
		edit(&mut case);
		assert_eq!(case.verify(), Err(expected));
	};
	// Another job's binding, another claimed output, another input.
	refused(&|c| c.inputs[0] ^= 1, VerifyError::VerificationFailed);
	refused(&|c| c.inputs[74 * 32] ^= 1, VerifyError::VerificationFailed);
	refused(&|c| c.inputs[5 * 32] ^= 1, VerifyError::VerificationFailed);
	// Statement shape.
	refused(&|c| c.inputs.truncate(74 * 32), VerifyError::PublicInputCount);
	refused(&|c| c.inputs.truncate(74 * 32 + 5), VerifyError::PublicInputCount);
	refused(&|c| c.inputs[3 * 32 + 31] = 0xff, VerifyError::NonCanonicalPublicInput(3));
	refused(&|c| c.inputs = vec![0; 4097 * 32], VerifyError::TooManyPublicInputs);
	// Proof.
	refused(&|c| c.proof[200] ^= 0x10, VerifyError::VerificationFailed);
	refused(&|c| c.proof.truncate(1000), VerifyError::VerificationFailed);
	refused(&|c| c.proof.push(0), VerifyError::InvalidProof);
	refused(&|c| c.proof = vec![0; 64 * 1024 + 1], VerifyError::ProofLength);
	// Key.
	refused(&|c| c.vk[0] = 9, VerifyError::UnsupportedKeyVersion(9));
	refused(&|c| c.vk[1] = 40, VerifyError::CircuitTooLarge);
	refused(&|c| c.vk[1] = 2, VerifyError::InvalidKey);
	refused(&|c| c.vk.truncate(100), VerifyError::InvalidKey);
	refused(&|c| c.vk.truncate(3), VerifyError::KeyLength);
	refused(&|c| c.vk[3] = 1, VerifyError::TooManyPublicInputs);
	refused(
		&|c| {
			let n = c.vk.len();
			c.vk[n - 10] ^= 1
		},
		VerifyError::InvalidKey,
	);
	// Verifier parameters: `verify` checks their encoding (the chain validated them fully when
	// it stored them); `validate_params` also checks the G2 points' subgroup.
	refused(&|c| c.params.truncate(159), VerifyError::InvalidParams);
	refused(&|c| c.params[40] = 0xff, VerifyError::InvalidParams);
	let mut other_point = Case::fixture().params;
	other_point[100] ^= 1;
	assert_eq!(halo2_kzg_validate_params(&other_point).0, Err(VerifyError::InvalidParams));
	refused(&|c| c.params[100] ^= 1, VerifyError::VerificationFailed);
}

#[test]
fn keys_of_circuits_above_the_row_limit_are_refused_before_decoding() {
	use zkinfer_verifier_host::HALO2_MAX_K;
	let case = Case::fixture();
	let mut large = case.vk.clone();
	large[1] = HALO2_MAX_K + 1;
	assert_eq!(halo2_kzg_validate_vk(&large).0, Err(VerifyError::CircuitTooLarge));
	assert_eq!(
		halo2_kzg_verify(&case.params, &large, &case.inputs, &case.proof).0,
		Err(VerifyError::CircuitTooLarge)
	);
	// halo2's own limit is far above: the host's bound is what keeps decoding cheap.
	large[1] = zkinfer_halo2::params::MAX_K;
	assert_eq!(halo2_kzg_validate_vk(&large).0, Err(VerifyError::CircuitTooLarge));
	// The two bytes that name the layout and k suffice, however short the rest.
	assert_eq!(halo2_kzg_validate_vk(&large[..2]).0, Err(VerifyError::CircuitTooLarge));
	assert_eq!(halo2_kzg_validate_vk(&case.vk[..2]).0, Err(VerifyError::KeyLength));
	assert!(case.vk[1] <= HALO2_MAX_K, "the digits MLP fits");
}

/// The verifier benchmark's cases over rows (`fixtures/halo2-rows`): each key declares exactly
/// its `k` with the fewest inputs at width 1, each proof verifies under the development SRS,
/// and a tampered proof or input does not.
#[test]
fn every_rows_fixture_verifies_on_its_rows_and_a_tampered_one_fails() {
	let params = fixture("params");
	let dir = manifest_dir().join("fixtures/halo2-rows");
	let read =
		|name: String| std::fs::read(dir.join(&name)).unwrap_or_else(|e| panic!("{name}: {e}"));
	for k in 13u8..=20 {
		let case = Case {
			params: params.clone(),
			vk: read(format!("k{k}.vk")),
			inputs: read(format!("k{k}.inputs")),
			proof: read(format!("k{k}.proof")),
		};
		let key = halo2_kzg_validate_vk(&case.vk).into_key().unwrap();
		assert_eq!((key.public_inputs, key.width, key.k), (3, 1, k));
		assert_eq!(case.verify(), Ok(0), "k {k}");
		let mut tampered = Case { proof: case.proof.clone(), ..case };
		tampered.proof[200] ^= 1;
		assert_eq!(tampered.verify(), Err(VerifyError::VerificationFailed), "k {k}");
		tampered.proof[200] ^= 1;
		tampered.inputs[2 * 32] ^= 1;
		assert_eq!(tampered.verify(), Err(VerifyError::VerificationFailed), "k {k}");
	}
}

/// The batch host function: one outcome per statement written where the runtime asked, the
/// pairing checks it ran returned; a batch it cannot read is refused whole and leaves the
/// outcomes as they were.
#[test]
fn the_batch_host_function_writes_each_statements_outcome() {
	use codec::Encode;
	use zkinfer_verifier_host::{proof_verification::halo2_kzg_verify_batch, Outcome};
	let case = Case::fixture();
	let mut other_binding = case.inputs.clone();
	other_binding[0] ^= 1;
	let mut short_inputs = case.inputs.clone();
	short_inputs.truncate(case.inputs.len() - 32);
	let statements: Vec<(Vec<u8>, Vec<u8>)> = vec![
		(case.inputs.clone(), case.proof.clone()),
		(other_binding, case.proof.clone()),
		(short_inputs, case.proof.clone()),
		(case.inputs.clone(), case.proof.clone()),
	];
	let encoded = statements.encode();
	let mut outcomes = vec![0u8; 4 * 8];
	let checks = halo2_kzg_verify_batch(&case.params, &case.vk, &encoded, &mut outcomes).0;
	let outcomes: Vec<Result<u64, VerifyError>> = outcomes
		.chunks_exact(8)
		.map(|raw| Outcome::from(u64::from_le_bytes(raw.try_into().unwrap())).0)
		.collect();
	assert_eq!(
		outcomes,
		vec![
			Ok(0),
			Err(VerifyError::VerificationFailed),
			Err(VerifyError::PublicInputCount),
			Ok(0)
		]
	);
	// The combined check of three, then the search for the bad one.
	assert!(matches!(checks, Ok(n) if n >= 2), "{checks:?}");

	// An outcome buffer of another length, and statements that do not decode.
	let mut short = vec![7u8; 3 * 8];
	assert_eq!(
		halo2_kzg_verify_batch(&case.params, &case.vk, &encoded, &mut short).0,
		Err(VerifyError::BatchTooLarge)
	);
	assert_eq!(short, vec![7u8; 3 * 8]);
	let mut one = vec![0u8; 8];
	assert_eq!(
		halo2_kzg_verify_batch(&case.params, &case.vk, &encoded[..encoded.len() - 1], &mut one).0,
		Err(VerifyError::InvalidProof)
	);
	// A key the chain does not read is refused before anything else.
	let mut large = case.vk.clone();
	large[1] = 23;
	assert_eq!(
		halo2_kzg_verify_batch(&case.params, &large, &encoded, &mut [0u8; 32]).0,
		Err(VerifyError::CircuitTooLarge)
	);
}
