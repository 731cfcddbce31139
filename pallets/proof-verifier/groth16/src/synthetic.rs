//! Valid keys and proofs for any number of public inputs, made from a known trapdoor.
//!
//! Benchmarks need a passing proof with 1, 2, …, [`crate::MAX_PUBLIC_INPUTS`] public inputs,
//! inside the runtime, without a circuit or a prover. Knowing the discrete logarithms of every
//! key point makes that cheap: with α, β, γ, δ, ICᵢ = their scalars times the generators, an
//! input vector x and l = IC₀ + Σ xᵢ·ICᵢ (as scalars), the proof A = a·G₁, B = b·G₂,
//! C = c·G₁ with c = (a·b − α·β − l·γ) / δ satisfies the Groth16 equation
//! e(A, B) = e(α, β) · e(L, γ) · e(C, δ). Verification costs exactly what it costs for a proof
//! from a real prover (the same pairings and multi-scalar multiplication).
//!
//! Such a key is worthless for security (its trapdoor is public): use it for benchmarks and
//! tests only.

use alloc::vec::Vec;
use ark_bn254::{Fr, G1Affine, G1Projective, G2Affine};
use ark_ec::{AffineRepr, CurveGroup};

use ark_ff::{Field, PrimeField};

use crate::{
	encode_proof, encode_public_input, encode_vk, Proof, VerifyingKey, PUBLIC_INPUT_BYTES,
};

/// A key, public inputs and a proof that verify together.
#[derive(Clone, Debug)]
pub struct SyntheticCase {
	/// The encoded verifying key.
	pub vk: Vec<u8>,
	/// The encoded public inputs.
	pub public_inputs: Vec<[u8; PUBLIC_INPUT_BYTES]>,
	/// The encoded proof.
	pub proof: Vec<u8>,
}

/// A deterministic stream of full-size scalars (xorshift64*, four words per scalar).
struct Scalars(u64);

impl Scalars {
	fn next(&mut self) -> Fr {
		let mut bytes = [0u8; 32];
		for chunk in bytes.chunks_exact_mut(8) {
			self.0 ^= self.0 >> 12;
			self.0 ^= self.0 << 25;
			self.0 ^= self.0 >> 27;
			chunk.copy_from_slice(&self.0.wrapping_mul(0x2545_f491_4f6c_dd1d).to_le_bytes());
		}
		let scalar = Fr::from_le_bytes_mod_order(&bytes);
		// A zero scalar would make a point the identity, which keys and proofs may not hold.
		if scalar == Fr::from(0u64) {
			Fr::from(1u64)
		} else {
			scalar
		}
	}
}

/// Builds a passing case with `public_inputs` inputs, deterministically from `seed`.
///
/// `public_inputs` above [`crate::MAX_PUBLIC_INPUTS`] gives a key the verifier rejects.
pub fn synthetic_case(public_inputs: usize, seed: u64) -> SyntheticCase {
	let mut scalars = Scalars(seed | 1);
	let g1 = G1Affine::generator();
	let g2 = G2Affine::generator();
	let (alpha, beta, gamma, delta) =
		(scalars.next(), scalars.next(), scalars.next(), scalars.next());
	// ICᵢ = IC₀ + i·D: one point addition per IC point instead of a scalar multiplication
	// keeps building large keys cheap inside the runtime. Verification cost is unaffected: it
	// multiplies the ICᵢ by the (random) inputs whatever their relation.
	let (ic_first, ic_step) = (scalars.next(), scalars.next());
	let ic: Vec<Fr> =
		(0..=public_inputs as u64).map(|i| ic_first + ic_step * Fr::from(i)).collect();
	let inputs: Vec<Fr> = (0..public_inputs).map(|_| scalars.next()).collect();
	let (a, b) = (scalars.next(), scalars.next());

	let l = inputs.iter().zip(&ic[1..]).fold(ic[0], |acc, (x, ic_i)| acc + *x * ic_i);
	// δ is never zero (see `Scalars::next`), so the inverse exists.
	let delta_inverse = delta.inverse().unwrap_or_default();
	let c = (a * b - alpha * beta - l * gamma) * delta_inverse;

	let vk = VerifyingKey {
		alpha_g1: (g1 * alpha).into_affine(),
		beta_g2: (g2 * beta).into_affine(),
		gamma_g2: (g2 * gamma).into_affine(),
		delta_g2: (g2 * delta).into_affine(),
		gamma_abc_g1: {
			let step = g1 * ic_step;
			let mut point = g1 * ic_first;
			let mut points = Vec::with_capacity(ic.len());
			for _ in 0..ic.len() {
				points.push(point);
				point += step;
			}
			G1Projective::normalize_batch(&points)
		},
	};
	let proof =
		Proof { a: (g1 * a).into_affine(), b: (g2 * b).into_affine(), c: (g1 * c).into_affine() };
	SyntheticCase {
		vk: encode_vk(&vk),
		public_inputs: inputs.iter().map(encode_public_input).collect(),
		proof: encode_proof(&proof),
	}
}
