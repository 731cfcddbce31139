//! The committed snarkjs fixture and a corpus of malformed keys, proofs and public inputs made
//! from it, each with the exact error it must be rejected with.
//!
//! Shared by this crate's tests, the verifier pallet's tests and the runtime's tests (which
//! also check that the caller pays the fee), so the three layers are held to the same cases.
//! Cases are built from the fixture in `fixtures/` (see `fixtures/generate.sh`): a circuit with
//! four public signals, `[33, 236, 7, 5]`.

use alloc::{vec, vec::Vec};
use ark_bn254::{Fq, Fq2, Fr, G1Affine, G2Affine};
use ark_ec::AffineRepr;
use ark_ff::{BigInteger, PrimeField};
use ark_serialize::CanonicalSerialize;

use crate::{
	decode_proof, encode_public_input, snarkjs, Groth16Error as E, G1_BYTES, G2_BYTES, PROOF_BYTES,
	PUBLIC_INPUT_BYTES,
};

/// snarkjs `verification_key.json` of the fixture.
pub const VK_JSON: &str = include_str!("../fixtures/verification_key.json");
/// snarkjs `proof.json` of the fixture.
pub const PROOF_JSON: &str = include_str!("../fixtures/proof.json");
/// snarkjs `public.json` of the fixture.
pub const PUBLIC_JSON: &str = include_str!("../fixtures/public.json");

/// The fixture in the chain's encoding.
#[derive(Clone, Debug)]
pub struct Fixture {
	/// The verifying key.
	pub vk: Vec<u8>,
	/// The proof.
	pub proof: Vec<u8>,
	/// The four public inputs.
	pub public_inputs: Vec<[u8; PUBLIC_INPUT_BYTES]>,
}

/// The fixture, imported from its snarkjs files.
pub fn fixture() -> Fixture {
	// The files are committed and checked by this crate's tests; failing here is a broken
	// checkout, not an input to handle.
	Fixture {
		vk: snarkjs::vk_from_json(VK_JSON).expect("the fixture key imports"),
		proof: snarkjs::proof_from_json(PROOF_JSON).expect("the fixture proof imports"),
		public_inputs: snarkjs::public_inputs_from_json(PUBLIC_JSON)
			.expect("the fixture inputs import"),
	}
}

/// One malformed or false (key, inputs, proof).
#[derive(Clone, Debug)]
pub struct Case {
	/// What is wrong.
	pub name: &'static str,
	/// The key.
	pub vk: Vec<u8>,
	/// The public inputs.
	pub public_inputs: Vec<[u8; PUBLIC_INPUT_BYTES]>,
	/// The proof.
	pub proof: Vec<u8>,
	/// The error it must fail with: from `validate_vk` when [`Groth16Error::is_key_error`]
	/// (then `verify` fails with it too), otherwise from `verify` (the key being valid).
	///
	/// [`Groth16Error::is_key_error`]: crate::Groth16Error::is_key_error
	pub error: E,
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
	// Writing to a `Vec` cannot fail.
	point.serialize_uncompressed(&mut out).expect("serialising into a Vec succeeds");
	out
}

fn replaced(bytes: &[u8], at: usize, with: &[u8]) -> Vec<u8> {
	let mut out = bytes.to_vec();
	out[at..at + with.len()].copy_from_slice(with);
	out
}

fn flipped(bytes: &[u8], at: usize) -> Vec<u8> {
	let mut out = bytes.to_vec();
	out[at] ^= 1;
	out
}

fn swapped(
	bytes: &[u8],
	first: core::ops::Range<usize>,
	second: core::ops::Range<usize>,
) -> Vec<u8> {
	let mut out = bytes.to_vec();
	out[first.clone()].copy_from_slice(&bytes[second.clone()]);
	out[second].copy_from_slice(&bytes[first]);
	out
}

/// A point of the curve E'(Fq2) that is not in the prime-order subgroup G2.
fn g2_outside_subgroup() -> Vec<u8> {
	let mut x = 1u64;
	loop {
		let candidate = Fq2::new(Fq::from(x), Fq::from(1u64));
		if let Some(p) = G2Affine::get_point_from_x_unchecked(candidate, false) {
			if p.is_on_curve() && !p.is_in_correct_subgroup_assuming_on_curve() {
				return uncompressed(&p);
			}
		}
		x += 1;
	}
}

/// The scalar field's modulus r plus `n`, little-endian: congruent to `n`, but not canonical.
fn r_plus(n: u64) -> [u8; 32] {
	let mut r = Fr::MODULUS;
	r.add_with_carry(&ark_ff::BigInt::from(n));
	let mut out = [0u8; 32];
	out.copy_from_slice(&r.to_bytes_le());
	out
}

/// The 37 cases: 17 keys, 11 proofs, 9 public-input vectors.
pub fn cases() -> Vec<Case> {
	let f = fixture();
	let (vk, proof, inputs) = (&f.vk, &f.proof, &f.public_inputs);
	let g1_identity = uncompressed(&G1Affine::zero());
	let g2_identity = uncompressed(&G2Affine::zero());
	let fq_modulus = Fq::MODULUS.to_bytes_le();
	let negated_a = match decode_proof(proof) {
		Ok(p) => replaced(proof, A, &uncompressed(&(-p.a))),
		Err(_) => proof.clone(),
	};
	let with_input = |i: usize, value: [u8; 32]| {
		let mut out = inputs.clone();
		out[i] = value;
		out
	};
	let mut reordered = inputs.clone();
	reordered.swap(2, 3);

	let keys: Vec<(&'static str, Vec<u8>, E)> = vec![
		("empty key", vec![], E::VkLength),
		("key truncated by one byte", vk[..vk.len() - 1].to_vec(), E::VkLength),
		("key with a trailing byte", [vk.as_slice(), &[0]].concat(), E::VkLength),
		("key without its IC points", vk[..IC0].to_vec(), E::VkLength),
		("unknown key format version", replaced(vk, 0, &[2]), E::UnsupportedVkVersion(2)),
		("IC count zero", replaced(vk, COUNT, &0u32.to_le_bytes()), E::VkLength),
		("IC count u32::MAX", replaced(vk, COUNT, &u32::MAX.to_le_bytes()), E::TooManyPublicInputs),
		("IC count one too many", replaced(vk, COUNT, &6u32.to_le_bytes()), E::VkLength),
		("α off the curve", flipped(vk, ALPHA + 32), E::InvalidVkPoint(0)),
		("β off the curve", flipped(vk, BETA + 64), E::InvalidVkPoint(1)),
		(
			"γ outside the G2 subgroup",
			replaced(vk, GAMMA, &g2_outside_subgroup()),
			E::InvalidVkPoint(2),
		),
		("δ with a coordinate = p", replaced(vk, DELTA, &fq_modulus), E::InvalidVkPoint(3)),
		("IC₂ off the curve", flipped(vk, IC0 + 2 * G1_BYTES + 32), E::InvalidVkPoint(6)),
		("α the identity", replaced(vk, ALPHA, &g1_identity), E::VkIdentityPoint(0)),
		("δ the identity", replaced(vk, DELTA, &g2_identity), E::VkIdentityPoint(3)),
		("IC₀ the identity", replaced(vk, IC0, &g1_identity), E::VkIdentityPoint(4)),
		(
			"β and γ swapped (well formed, wrong)",
			swapped(vk, BETA..GAMMA, GAMMA..DELTA),
			E::VerificationFailed,
		),
	];
	let proofs: Vec<(&'static str, Vec<u8>, E)> = vec![
		("empty proof", vec![], E::ProofLength),
		("proof truncated by one byte", proof[..PROOF_BYTES - 1].to_vec(), E::ProofLength),
		("proof with a trailing byte", [proof.as_slice(), &[0]].concat(), E::ProofLength),
		("A off the curve", flipped(proof, A + 32), E::InvalidProofPoint(0)),
		(
			"B outside the G2 subgroup",
			replaced(proof, B, &g2_outside_subgroup()),
			E::InvalidProofPoint(1),
		),
		("C with a coordinate = p", replaced(proof, C, &fq_modulus), E::InvalidProofPoint(2)),
		("A the identity", replaced(proof, A, &g1_identity), E::ProofIdentityPoint(0)),
		("B the identity", replaced(proof, B, &g2_identity), E::ProofIdentityPoint(1)),
		("C the identity", replaced(proof, C, &g1_identity), E::ProofIdentityPoint(2)),
		("A and C swapped", swapped(proof, A..B, C..PROOF_BYTES), E::VerificationFailed),
		("A negated", negated_a, E::VerificationFailed),
	];
	let count = |got: u32| E::PublicInputCount { expected: 4, got };
	let input_vectors: Vec<(&'static str, Vec<[u8; 32]>, E)> = vec![
		("no public inputs", vec![], count(0)),
		("one public input too few", inputs[..3].to_vec(), count(3)),
		("one public input too many", [inputs.as_slice(), &[[0; 32]]].concat(), count(5)),
		("public input = r", with_input(1, r_plus(0)), E::NonCanonicalPublicInput(1)),
		(
			"public input = r + 33 (congruent to the real one)",
			with_input(0, r_plus(33)),
			E::NonCanonicalPublicInput(0),
		),
		("public input all ones", with_input(3, [0xff; 32]), E::NonCanonicalPublicInput(3)),
		(
			"output tampered: prod 34",
			with_input(0, encode_public_input(&Fr::from(34u64))),
			E::VerificationFailed,
		),
		(
			"input tampered: t 6",
			with_input(3, encode_public_input(&Fr::from(6u64))),
			E::VerificationFailed,
		),
		("public inputs reordered", reordered, E::VerificationFailed),
	];

	let mut out = Vec::new();
	for (name, bad_vk, error) in keys {
		out.push(Case {
			name,
			vk: bad_vk,
			public_inputs: inputs.clone(),
			proof: proof.clone(),
			error,
		});
	}
	for (name, bad_proof, error) in proofs {
		out.push(Case {
			name,
			vk: vk.clone(),
			public_inputs: inputs.clone(),
			proof: bad_proof,
			error,
		});
	}
	for (name, bad_inputs, error) in input_vectors {
		out.push(Case {
			name,
			vk: vk.clone(),
			public_inputs: bad_inputs,
			proof: proof.clone(),
			error,
		});
	}
	out
}
