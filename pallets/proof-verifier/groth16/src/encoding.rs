//! The chain's byte encoding of keys, proofs and public inputs, with strict decoding.

use alloc::vec::Vec;

use ark_bn254::{Fr, G1Affine, G2Affine};
use ark_ec::AffineRepr;
use ark_ff::{BigInteger, PrimeField};
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};

use crate::{Groth16Error, Proof, VerifyingKey};

/// Bytes of an uncompressed G1 point.
pub const G1_BYTES: usize = 64;
/// Bytes of an uncompressed G2 point.
pub const G2_BYTES: usize = 128;
/// Bytes of a proof: A (G1) ‖ B (G2) ‖ C (G1).
pub const PROOF_BYTES: usize = 2 * G1_BYTES + G2_BYTES;
/// Bytes of a public input.
pub const PUBLIC_INPUT_BYTES: usize = 32;
/// The key format this crate writes and reads.
pub const VK_FORMAT_VERSION: u8 = 1;
/// Most public inputs a key may take. Bounds the work of decoding and verifying.
pub const MAX_PUBLIC_INPUTS: usize = 256;
/// Bytes of the key's fixed part: version, α, β, γ, δ and the IC count.
const VK_FIXED_BYTES: usize = 1 + G1_BYTES + 3 * G2_BYTES + 4;
/// Most bytes a key may have.
pub const MAX_VK_BYTES: usize = VK_FIXED_BYTES + (MAX_PUBLIC_INPUTS + 1) * G1_BYTES;

fn write_point<P: CanonicalSerialize>(point: &P, out: &mut Vec<u8>) {
	// Serializing into a Vec cannot fail: the writer never errors.
	let _ = point.serialize_uncompressed(out);
}

/// Encodes a verifying key.
pub fn encode_vk(vk: &VerifyingKey) -> Vec<u8> {
	let mut out = Vec::with_capacity(VK_FIXED_BYTES + vk.gamma_abc_g1.len() * G1_BYTES);
	out.push(VK_FORMAT_VERSION);
	write_point(&vk.alpha_g1, &mut out);
	write_point(&vk.beta_g2, &mut out);
	write_point(&vk.gamma_g2, &mut out);
	write_point(&vk.delta_g2, &mut out);
	let ic_count = u32::try_from(vk.gamma_abc_g1.len()).unwrap_or(u32::MAX);
	out.extend_from_slice(&ic_count.to_le_bytes());
	for point in &vk.gamma_abc_g1 {
		write_point(point, &mut out);
	}
	out
}

/// Encodes a proof.
pub fn encode_proof(proof: &Proof) -> Vec<u8> {
	let mut out = Vec::with_capacity(PROOF_BYTES);
	write_point(&proof.a, &mut out);
	write_point(&proof.b, &mut out);
	write_point(&proof.c, &mut out);
	out
}

/// Encodes a public input: 32 bytes, little-endian.
pub fn encode_public_input(input: &Fr) -> [u8; PUBLIC_INPUT_BYTES] {
	let mut out = [0u8; PUBLIC_INPUT_BYTES];
	let bytes = input.into_bigint().to_bytes_le();
	let len = bytes.len().min(PUBLIC_INPUT_BYTES);
	out[..len].copy_from_slice(&bytes[..len]);
	out
}

/// Decodes a point with full validation (canonical coordinates, on the curve, in the
/// prime-order subgroup) and rejects the identity. `Err(false)`: malformed; `Err(true)`: the
/// identity.
fn read_point<P: AffineRepr + CanonicalDeserialize>(bytes: &[u8]) -> Result<P, bool> {
	let point = P::deserialize_uncompressed(bytes).map_err(|_| false)?;
	if point.is_zero() {
		return Err(true);
	}
	Ok(point)
}

/// Maps `read_point`'s failure for point `index` to the caller's error: `identity` when the
/// point is the identity, `invalid` when it is malformed.
fn point_error<I: Copy>(
	index: I,
	identity: fn(I) -> Groth16Error,
	invalid: fn(I) -> Groth16Error,
) -> impl Fn(bool) -> Groth16Error {
	move |is_identity| if is_identity { identity(index) } else { invalid(index) }
}

/// Decodes and validates a verifying key.
pub fn decode_vk(bytes: &[u8]) -> Result<VerifyingKey, Groth16Error> {
	if bytes.len() < VK_FIXED_BYTES || bytes.len() > MAX_VK_BYTES {
		return Err(Groth16Error::VkLength);
	}
	let (version, rest) = bytes.split_at(1);
	if version[0] != VK_FORMAT_VERSION {
		return Err(Groth16Error::UnsupportedVkVersion(version[0]));
	}
	let (alpha, rest) = rest.split_at(G1_BYTES);
	let (beta, rest) = rest.split_at(G2_BYTES);
	let (gamma, rest) = rest.split_at(G2_BYTES);
	let (delta, rest) = rest.split_at(G2_BYTES);
	let (count, ic_bytes) = rest.split_at(4);
	let ic_count = u32::from_le_bytes([count[0], count[1], count[2], count[3]]) as usize;
	if ic_count == 0 {
		return Err(Groth16Error::VkLength);
	}
	if ic_count > MAX_PUBLIC_INPUTS + 1 {
		return Err(Groth16Error::TooManyPublicInputs);
	}
	if ic_bytes.len() != ic_count * G1_BYTES {
		return Err(Groth16Error::VkLength);
	}
	let vk_error = |index: u32| {
		point_error(index, Groth16Error::VkIdentityPoint, Groth16Error::InvalidVkPoint)
	};
	let alpha_g1 = read_point::<G1Affine>(alpha).map_err(vk_error(0))?;
	let beta_g2 = read_point::<G2Affine>(beta).map_err(vk_error(1))?;
	let gamma_g2 = read_point::<G2Affine>(gamma).map_err(vk_error(2))?;
	let delta_g2 = read_point::<G2Affine>(delta).map_err(vk_error(3))?;
	let mut gamma_abc_g1 = Vec::with_capacity(ic_count);
	for (i, chunk) in ic_bytes.chunks_exact(G1_BYTES).enumerate() {
		let index = 4u32.saturating_add(i as u32);
		gamma_abc_g1.push(read_point::<G1Affine>(chunk).map_err(vk_error(index))?);
	}
	Ok(VerifyingKey { alpha_g1, beta_g2, gamma_g2, delta_g2, gamma_abc_g1 })
}

/// Decodes and validates a proof.
pub fn decode_proof(bytes: &[u8]) -> Result<Proof, Groth16Error> {
	if bytes.len() != PROOF_BYTES {
		return Err(Groth16Error::ProofLength);
	}
	let proof_error = |index: u8| {
		point_error(index, Groth16Error::ProofIdentityPoint, Groth16Error::InvalidProofPoint)
	};
	let a = read_point::<G1Affine>(&bytes[..G1_BYTES]).map_err(proof_error(0))?;
	let b =
		read_point::<G2Affine>(&bytes[G1_BYTES..G1_BYTES + G2_BYTES]).map_err(proof_error(1))?;
	let c = read_point::<G1Affine>(&bytes[G1_BYTES + G2_BYTES..]).map_err(proof_error(2))?;
	Ok(Proof { a, b, c })
}

/// Decodes public inputs, rejecting any that is not below r (never reducing it).
pub fn decode_public_inputs(inputs: &[[u8; PUBLIC_INPUT_BYTES]]) -> Result<Vec<Fr>, Groth16Error> {
	if inputs.len() > MAX_PUBLIC_INPUTS {
		return Err(Groth16Error::TooManyPublicInputs);
	}
	inputs
		.iter()
		.enumerate()
		.map(|(i, bytes)| {
			let mut limbs = [0u64; 4];
			for (limb, chunk) in limbs.iter_mut().zip(bytes.chunks_exact(8)) {
				let mut word = [0u8; 8];
				word.copy_from_slice(chunk);
				*limb = u64::from_le_bytes(word);
			}
			Fr::from_bigint(ark_ff::BigInt::new(limbs))
				.ok_or(Groth16Error::NonCanonicalPublicInput(i as u32))
		})
		.collect()
}
