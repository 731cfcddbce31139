//! The snarkjs fixture (fixtures/generate.sh) verifies, and every case of the malformed-input
//! corpus (`zkinfer_groth16::corpus`) is rejected with its specific error.

use ark_bn254::Fr;
use ark_ff::PrimeField;
use zkinfer_groth16::{
	corpus::{self, PROOF_JSON, VK_JSON},
	decode_vk, encode_public_input, snarkjs, validate_vk, verify, Groth16Error, PROOF_BYTES,
};

#[test]
fn the_snarkjs_fixture_verifies() {
	let f = corpus::fixture();
	assert_eq!(validate_vk(&f.vk), Ok(4));
	assert_eq!(f.proof.len(), PROOF_BYTES);
	// public.json: prod = 3 * 11, mix = 33 * 7 + 5, s = 7, t = 5.
	let expected: Vec<[u8; 32]> =
		[33u64, 236, 7, 5].iter().map(|v| encode_public_input(&Fr::from(*v))).collect();
	assert_eq!(f.public_inputs, expected);
	assert_eq!(verify(&f.vk, &f.public_inputs, &f.proof), Ok(()));
}

#[test]
fn the_key_encoding_round_trips() {
	let f = corpus::fixture();
	let key = decode_vk(&f.vk).unwrap();
	assert_eq!(zkinfer_groth16::encode_vk(&key), f.vk);
}

#[test]
fn every_corpus_case_is_rejected_with_its_error() {
	let cases = corpus::cases();
	assert!(cases.len() >= 30, "the corpus has {} cases", cases.len());
	let mut names = std::collections::BTreeSet::new();
	for case in &cases {
		assert!(names.insert(case.name), "duplicate case name {}", case.name);
		if case.error.is_key_error() {
			assert_eq!(validate_vk(&case.vk), Err(case.error), "validate_vk: {}", case.name);
		} else {
			assert_eq!(validate_vk(&case.vk), Ok(4), "validate_vk: {}", case.name);
		}
		assert_eq!(
			verify(&case.vk, &case.public_inputs, &case.proof),
			Err(case.error),
			"verify: {}",
			case.name
		);
	}
	let kinds = |f: fn(&Groth16Error) -> bool| cases.iter().filter(|c| f(&c.error)).count();
	assert!(
		kinds(|e| matches!(
			e,
			Groth16Error::InvalidVkPoint(_) | Groth16Error::InvalidProofPoint(_)
		)) >= 8
	);
	assert!(kinds(|e| matches!(e, Groth16Error::NonCanonicalPublicInput(_))) >= 3);
	assert!(
		kinds(|e| matches!(
			e,
			Groth16Error::VkIdentityPoint(_) | Groth16Error::ProofIdentityPoint(_)
		)) >= 6
	);
}

#[test]
fn snarkjs_files_that_are_not_groth16_bn254_are_refused() {
	let curve = VK_JSON.replace("bn128", "bls12381");
	assert!(snarkjs::vk_from_json(&curve).unwrap_err().0.contains("curve"));
	let protocol = VK_JSON.replace("\"groth16\"", "\"plonk\"");
	assert!(snarkjs::vk_from_json(&protocol).unwrap_err().0.contains("protocol"));
	assert!(snarkjs::vk_from_json("{").is_err());
	assert!(snarkjs::public_inputs_from_json("[\"-1\"]").is_err());
	assert!(snarkjs::public_inputs_from_json("[\"0x21\"]").is_err());
	let r = Fr::MODULUS.to_string();
	assert!(snarkjs::public_inputs_from_json(&format!("[\"{r}\"]"))
		.unwrap_err()
		.0
		.contains("modulus"));
	// A proof point given in projective form with z != 1.
	let value: serde_json::Value = serde_json::from_str(PROOF_JSON).unwrap();
	let mut projective = value.clone();
	projective["pi_a"][2] = serde_json::Value::String("2".into());
	assert!(snarkjs::proof_from_json(&projective.to_string()).is_err());
}
