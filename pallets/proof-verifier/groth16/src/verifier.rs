//! Key validation and proof verification.

use ark_bn254::{Bn254, G1Projective};
use ark_ec::{
	pairing::{Pairing, PairingOutput},
	CurveGroup, VariableBaseMSM,
};
use ark_ff::AdditiveGroup;

use crate::{
	encoding::{decode_proof, decode_public_inputs, decode_vk, PUBLIC_INPUT_BYTES},
	Groth16Error, VerifyingKey,
};

/// Checks that `vk` is a well-formed key (see [`crate::decode_vk`]) and returns how many public
/// inputs it takes.
pub fn validate_vk(vk: &[u8]) -> Result<u32, Groth16Error> {
	let key = decode_vk(vk)?;
	// `decode_vk` guarantees at least one IC point and at most `MAX_PUBLIC_INPUTS + 1`.
	Ok(key.gamma_abc_g1.len().saturating_sub(1) as u32)
}

/// Verifies `proof` for `public_inputs` against the encoded key `vk`.
pub fn verify(
	vk: &[u8],
	public_inputs: &[[u8; PUBLIC_INPUT_BYTES]],
	proof: &[u8],
) -> Result<(), Groth16Error> {
	verify_with(&decode_vk(vk)?, public_inputs, proof)
}

/// Verifies `proof` for `public_inputs` against an already decoded key.
pub fn verify_with(
	vk: &VerifyingKey,
	public_inputs: &[[u8; PUBLIC_INPUT_BYTES]],
	proof: &[u8],
) -> Result<(), Groth16Error> {
	let expected = vk.gamma_abc_g1.len().saturating_sub(1);
	if public_inputs.len() != expected {
		return Err(Groth16Error::PublicInputCount {
			expected: expected as u32,
			got: u32::try_from(public_inputs.len()).unwrap_or(u32::MAX),
		});
	}
	let inputs = decode_public_inputs(public_inputs)?;
	let proof = decode_proof(proof)?;
	// L = IC₀ + Σ xᵢ·ICᵢ. The key has exactly one more IC point than there are inputs
	// (checked above), so the slices have equal lengths.
	let l = G1Projective::msm_unchecked(&vk.gamma_abc_g1[1..], &inputs) + vk.gamma_abc_g1[0];
	// e(A, B) = e(α, β) · e(L, γ) · e(C, δ), checked as one product of four Miller loops and a
	// single final exponentiation: e(A, B) · e(−α, β) · e(−L, γ) · e(−C, δ) = 1.
	let g1 = [proof.a, -vk.alpha_g1, (-l).into_affine(), -proof.c];
	let g2 = [proof.b, vk.beta_g2, vk.gamma_g2, vk.delta_g2];
	if Bn254::multi_pairing(g1, g2) == PairingOutput::ZERO {
		Ok(())
	} else {
		Err(Groth16Error::VerificationFailed)
	}
}
