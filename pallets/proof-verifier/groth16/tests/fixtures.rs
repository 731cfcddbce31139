//! The snarkjs fixtures (fixtures/generate.sh) verify, tampering breaks them, and every
//! malformed key, proof or input of the corpus below is rejected with its specific error.

use ark_bn254::{Fq, Fq2, Fr, G1Affine, G2Affine};
use ark_ec::AffineRepr;
use ark_ff::{BigInteger, PrimeField};
use ark_serialize::CanonicalSerialize;
use zkinfer_groth16::{
	decode_vk, encode_public_input, snarkjs, validate_vk, verify, Groth16Error as E, G1_BYTES,
	G2_BYTES, PROOF_BYTES,
};

const VK_JSON: &str = include_str!("../fixtures/verification_key.json");
const PROOF_JSON: &str = include_str!("../fixtures/proof.json");
const PUBLIC_JSON: &str = include_str!("../fixtures/public.json");

struct Fixture {
	vk: Vec<u8>,
	proof: Vec<u8>,
	inputs: Vec<[u8; 32]>,
}

fn fixture() -> Fixture {
	Fixture {
		vk: snarkjs::vk_from_json(VK_JSON).expect("the fixture key imports"),
		proof: snarkjs::proof_from_json(PROOF_JSON).expect("the fixture proof imports"),
		inputs: snarkjs::public_inputs_from_json(PUBLIC_JSON).expect("the fixture inputs import"),
	}
}

// Offsets in the key encoding: version, α, β, γ, δ, count, IC₀...
const ALPHA: usize = 1;
const BETA: usize = ALPHA + G1_BYTES;
const GAMMA: usize = BETA + G2_BYTES;
const DELTA: usize = GAMMA + G2_BYTES;
const COUNT: usize = DELTA + G2_BYTES;
const IC0: usize = COUNT + 4;
// Offsets in the proof encoding.
const A: usize = 0;
const B: usize = G1_BYTES;
const C: usize = G1_BYTES + G2_BYTES;

fn uncompressed<P: CanonicalSerialize>(point: &P) -> Vec<u8> {
	let mut out = Vec::new();
	point.serialize_uncompressed(&mut out).unwrap();
	out
}

fn replaced(bytes: &[u8], at: usize, with: &[u8]) -> Vec<u8> {
	let mut out = bytes.to_vec();
	out[at..at + with.len()].copy_from_slice(with);
	out
}

/// A point of the curve E'(Fq2) that is not in the prime-order subgroup G2.
fn g2_outside_subgroup() -> Vec<u8> {
	for i in 1u64.. {
		if let Some(p) = G2Affine::get_point_from_x_unchecked(Fq2::new(Fq::from(i), Fq::from(1u64)), false) {
			if p.is_on_curve() && !p.is_in_correct_subgroup_assuming_on_curve() {
				return uncompressed(&p);
			}
		}
	}
	unreachable!()
}

/// The base field's modulus as a (non-canonical) coordinate.
fn fq_modulus_le() -> Vec<u8> {
	Fq::MODULUS.to_bytes_le()
}

/// The scalar field's modulus r plus `n`, little-endian: congruent to `n`, but not canonical.
fn r_plus(n: u64) -> [u8; 32] {
	let mut r = Fr::MODULUS;
	r.add_with_carry(&ark_ff::BigInt::from(n));
	r.to_bytes_le().try_into().unwrap()
}

#[test]
fn the_snarkjs_fixture_verifies() {
	let f = fixture();
	assert_eq!(validate_vk(&f.vk), Ok(4));
	assert_eq!(f.proof.len(), PROOF_BYTES);
	// public.json: prod = 3 * 11, mix = 33 * 7 + 5, s = 7, t = 5.
	let expected: Vec<[u8; 32]> =
		[33u64, 236, 7, 5].iter().map(|v| encode_public_input(&Fr::from(*v))).collect();
	assert_eq!(f.inputs, expected);
	assert_eq!(verify(&f.vk, &f.inputs, &f.proof), Ok(()));
}

#[test]
fn the_key_encoding_round_trips() {
	let f = fixture();
	let key = decode_vk(&f.vk).unwrap();
	assert_eq!(zkinfer_groth16::encode_vk(&key), f.vk);
}

#[test]
fn malformed_keys_are_rejected_with_their_error() {
	let f = fixture();
	let vk = &f.vk;
	let g1_identity = uncompressed(&G1Affine::zero());
	let g2_identity = uncompressed(&G2Affine::zero());
	let mut off_curve_alpha = vk.clone();
	off_curve_alpha[ALPHA + 32] ^= 1; // α's y coordinate
	let mut off_curve_beta = vk.clone();
	off_curve_beta[BETA + 64] ^= 1; // β's y coordinate
	let mut off_curve_ic2 = vk.clone();
	off_curve_ic2[IC0 + 2 * G1_BYTES + 32] ^= 1;
	let mut swapped_beta_gamma = vk.clone();
	swapped_beta_gamma[BETA..GAMMA].copy_from_slice(&vk[GAMMA..DELTA]);
	swapped_beta_gamma[GAMMA..DELTA].copy_from_slice(&vk[BETA..GAMMA]);

	let cases: Vec<(&str, Vec<u8>, E)> = vec![
		("empty key", vec![], E::VkLength),
		("key truncated by one byte", vk[..vk.len() - 1].to_vec(), E::VkLength),
		("key with a trailing byte", [vk.as_slice(), &[0]].concat(), E::VkLength),
		("key without its IC points", vk[..IC0].to_vec(), E::VkLength),
		("unknown format version", replaced(vk, 0, &[2]), E::UnsupportedVkVersion(2)),
		("IC count zero", replaced(vk, COUNT, &0u32.to_le_bytes()), E::VkLength),
		("IC count u32::MAX", replaced(vk, COUNT, &u32::MAX.to_le_bytes()), E::TooManyPublicInputs),
		("IC count one too many", replaced(vk, COUNT, &6u32.to_le_bytes()), E::VkLength),
		("α off the curve", off_curve_alpha, E::InvalidVkPoint(0)),
		("β off the curve", off_curve_beta, E::InvalidVkPoint(1)),
		("γ outside the G2 subgroup", replaced(vk, GAMMA, &g2_outside_subgroup()), E::InvalidVkPoint(2)),
		("δ with a coordinate = p", replaced(vk, DELTA, &fq_modulus_le()), E::InvalidVkPoint(3)),
		("IC₂ off the curve", off_curve_ic2, E::InvalidVkPoint(6)),
		("α the identity", replaced(vk, ALPHA, &g1_identity), E::VkIdentityPoint(0)),
		("δ the identity", replaced(vk, DELTA, &g2_identity), E::VkIdentityPoint(3)),
		("IC₀ the identity", replaced(vk, IC0, &g1_identity), E::VkIdentityPoint(4)),
	];
	for (name, bad_vk, error) in &cases {
		assert_eq!(validate_vk(bad_vk), Err(*error), "validate_vk: {name}");
		assert_eq!(verify(bad_vk, &f.inputs, &f.proof), Err(*error), "verify: {name}");
	}
	// Well-formed but wrong: β and γ swapped.
	assert_eq!(validate_vk(&swapped_beta_gamma), Ok(4));
	assert_eq!(verify(&swapped_beta_gamma, &f.inputs, &f.proof), Err(E::VerificationFailed));
}

#[test]
fn malformed_proofs_are_rejected_with_their_error() {
	let f = fixture();
	let proof = &f.proof;
	let g1_identity = uncompressed(&G1Affine::zero());
	let g2_identity = uncompressed(&G2Affine::zero());
	let mut off_curve_a = proof.clone();
	off_curve_a[A + 32] ^= 1;
	let mut swapped_a_c = proof.clone();
	swapped_a_c[A..B].copy_from_slice(&proof[C..]);
	swapped_a_c[C..].copy_from_slice(&proof[A..B]);
	let negated_a = {
		let a: G1Affine = zkinfer_groth16::decode_proof(proof).unwrap().a;
		replaced(proof, A, &uncompressed(&(-a)))
	};

	let cases: Vec<(&str, Vec<u8>, E)> = vec![
		("empty proof", vec![], E::ProofLength),
		("proof truncated by one byte", proof[..PROOF_BYTES - 1].to_vec(), E::ProofLength),
		("proof with a trailing byte", [proof.as_slice(), &[0]].concat(), E::ProofLength),
		("A off the curve", off_curve_a, E::InvalidProofPoint(0)),
		("B outside the G2 subgroup", replaced(proof, B, &g2_outside_subgroup()), E::InvalidProofPoint(1)),
		("C with a coordinate = p", replaced(proof, C, &fq_modulus_le()), E::InvalidProofPoint(2)),
		("A the identity", replaced(proof, A, &g1_identity), E::ProofIdentityPoint(0)),
		("B the identity", replaced(proof, B, &g2_identity), E::ProofIdentityPoint(1)),
		("C the identity", replaced(proof, C, &g1_identity), E::ProofIdentityPoint(2)),
		("A and C swapped", swapped_a_c, E::VerificationFailed),
		("A negated", negated_a, E::VerificationFailed),
	];
	for (name, bad_proof, error) in &cases {
		assert_eq!(verify(&f.vk, &f.inputs, bad_proof), Err(*error), "{name}");
	}
}

#[test]
fn malformed_public_inputs_are_rejected_with_their_error() {
	let f = fixture();
	let inputs = &f.inputs;
	let with = |i: usize, value: [u8; 32]| {
		let mut out = inputs.clone();
		out[i] = value;
		out
	};
	let mut reordered = inputs.clone();
	reordered.swap(2, 3);

	let cases: Vec<(&str, Vec<[u8; 32]>, E)> = vec![
		("no inputs", vec![], E::PublicInputCount { expected: 4, got: 0 }),
		("one input too few", inputs[..3].to_vec(), E::PublicInputCount { expected: 4, got: 3 }),
		("one input too many", [inputs.as_slice(), &[[0; 32]]].concat(), E::PublicInputCount { expected: 4, got: 5 }),
		("input = r", with(1, r_plus(0)), E::NonCanonicalPublicInput(1)),
		("input = r + 33 (congruent to the real one)", with(0, r_plus(33)), E::NonCanonicalPublicInput(0)),
		("input all ones", with(3, [0xff; 32]), E::NonCanonicalPublicInput(3)),
		("output tampered: prod 34", with(0, encode_public_input(&Fr::from(34u64))), E::VerificationFailed),
		("input tampered: t 6", with(3, encode_public_input(&Fr::from(6u64))), E::VerificationFailed),
		("inputs reordered", reordered, E::VerificationFailed),
	];
	for (name, bad_inputs, error) in &cases {
		assert_eq!(verify(&f.vk, bad_inputs, &f.proof), Err(*error), "{name}");
	}
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
	let r = num_bigint_decimal_of_r();
	assert!(snarkjs::public_inputs_from_json(&format!("[\"{r}\"]")).unwrap_err().0.contains("modulus"));
	// A proof point given in projective form with z != 1.
	let value: serde_json::Value = serde_json::from_str(PROOF_JSON).unwrap();
	let mut projective = value.clone();
	projective["pi_a"][2] = serde_json::Value::String("2".into());
	assert!(snarkjs::proof_from_json(&projective.to_string()).is_err());
}

fn num_bigint_decimal_of_r() -> String {
	Fr::MODULUS.to_string()
}
