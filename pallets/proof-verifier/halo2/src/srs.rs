//! The KZG verifier parameters ("SRS identity"): what a verifier needs of the structured
//! reference string, and the hash the chain stores to name it.
//!
//! A KZG verifier over BN254 needs three points of the SRS: the G1 generator `g`, the G2
//! generator `h` and `s·h` for the toxic-waste scalar `s`. They are encoded as
//! `g (32 bytes, compressed) ‖ h (64) ‖ s·h (64)` = [`VERIFIER_PARAMS_BYTES`] bytes; the
//! identity hash is `blake2b-256` of that encoding (the chain's `blake2_256`).

use halo2_proofs::{
	halo2curves::{
		bn256::{Bn256, Fq, G1Affine, G2Affine, G2},
		group::{cofactor::CofactorGroup, prime::PrimeCurveAffine},
	},
	poly::{
		commitment::{Params, ParamsProver},
		kzg::commitment::ParamsKZG,
	},
	SerdeCurveAffine, SerdeFormat,
};
use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};

/// The seed of the development SRS. Public, hence insecure: anyone can forge proofs against
/// the development SRS. It exists so dev chains, tests and CI need no ceremony file; real
/// networks use parameters from a public powers-of-tau ceremony.
pub const DEV_SRS_SEED: [u8; 32] = *b"zkinfer development SRS INSECURE";

/// The development SRS for `2^k` rows. Its secret is the same for every `k`, so its verifier
/// parameters, and so its identity hash, do not depend on `k` ([`dev_verifier_params`]).
pub fn dev_srs(k: u32) -> ParamsKZG<Bn256> {
	ParamsKZG::setup(k, ChaCha20Rng::from_seed(DEV_SRS_SEED))
}

/// The development SRS's verifier parameters (the same for every `k`): the halo2-KZG
/// parameters of dev and local chains' genesis.
pub fn dev_verifier_params() -> VerifierParams {
	VerifierParams::of(&dev_srs(1))
}

/// The length of encoded verifier parameters.
pub const VERIFIER_PARAMS_BYTES: usize = 160;

/// The three SRS points a KZG verifier needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VerifierParams {
	/// The G1 generator.
	pub g: G1Affine,
	/// The G2 generator.
	pub h: G2Affine,
	/// `s·h`.
	pub s_h: G2Affine,
}

/// Why verifier parameters cannot be decoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParamsError {
	/// Not [`VERIFIER_PARAMS_BYTES`] long.
	Length,
	/// A point is not a canonical compressed point of its group, is the identity, or lies
	/// outside the prime-order subgroup.
	Point,
}

impl VerifierParams {
	/// The verifier parameters of full prover parameters.
	pub fn of(params: &ParamsKZG<Bn256>) -> Self {
		Self { g: params.get_g()[0], h: params.g2(), s_h: params.s_g2() }
	}

	/// The canonical encoding.
	pub fn to_bytes(&self) -> [u8; VERIFIER_PARAMS_BYTES] {
		let mut out = Vec::with_capacity(VERIFIER_PARAMS_BYTES);
		// Writing into a Vec cannot fail.
		let _ = self.g.write(&mut out, SerdeFormat::Processed);
		let _ = self.h.write(&mut out, SerdeFormat::Processed);
		let _ = self.s_h.write(&mut out, SerdeFormat::Processed);
		let mut bytes = [0u8; VERIFIER_PARAMS_BYTES];
		bytes.copy_from_slice(&out);
		bytes
	}

	/// Decodes and checks the canonical encoding: canonical compressed points, none the
	/// identity, both G2 points in the prime-order subgroup. This is the full validation the
	/// chain runs before it stores parameters.
	pub fn from_bytes(bytes: &[u8]) -> Result<Self, ParamsError> {
		Self::decode(bytes, true)
	}

	/// Decodes parameters that already passed [`Self::from_bytes`] (the chain's stored ones),
	/// checking their encoding but not G2 subgroup membership, which costs more than half a
	/// millisecond per verification.
	pub fn from_validated_bytes(bytes: &[u8]) -> Result<Self, ParamsError> {
		Self::decode(bytes, false)
	}

	fn decode(bytes: &[u8], check_subgroup: bool) -> Result<Self, ParamsError> {
		if bytes.len() != VERIFIER_PARAMS_BYTES {
			return Err(ParamsError::Length);
		}
		// halo2curves' compressed G2 decoding unwraps its coordinates: check them first.
		if !g2_coordinates_canonical(&bytes[32..96]) || !g2_coordinates_canonical(&bytes[96..160]) {
			return Err(ParamsError::Point);
		}
		let mut reader = bytes;
		let g =
			G1Affine::read(&mut reader, SerdeFormat::Processed).map_err(|_| ParamsError::Point)?;
		let h =
			G2Affine::read(&mut reader, SerdeFormat::Processed).map_err(|_| ParamsError::Point)?;
		let s_h =
			G2Affine::read(&mut reader, SerdeFormat::Processed).map_err(|_| ParamsError::Point)?;
		if bool::from(g.is_identity())
			|| bool::from(h.is_identity())
			|| bool::from(s_h.is_identity())
		{
			return Err(ParamsError::Point);
		}
		let in_subgroup = |p: &G2Affine| bool::from(G2::from(*p).is_torsion_free());
		if check_subgroup && (!in_subgroup(&h) || !in_subgroup(&s_h)) {
			return Err(ParamsError::Point);
		}
		let params = Self { g, h, s_h };
		if params.to_bytes().as_slice() != bytes {
			return Err(ParamsError::Point);
		}
		Ok(params)
	}

	/// The identity hash: `blake2b-256` of [`Self::to_bytes`].
	pub fn hash(&self) -> [u8; 32] {
		blake2b_256(&self.to_bytes())
	}

	/// KZG parameters for a `2^k`-row circuit that hold only what verification reads.
	pub(crate) fn kzg(&self, k: u32) -> Result<ParamsKZG<Bn256>, ParamsError> {
		// `ParamsKZG` is only constructible from parts through an existing value: read a
		// one-point parameter set, then widen its size to `2^k` without adding points.
		let mut blob = 0u32.to_le_bytes().to_vec();
		for _ in 0..2 {
			let _ = self.g.write(&mut blob, SerdeFormat::RawBytes);
		}
		let _ = self.h.write(&mut blob, SerdeFormat::RawBytes);
		let _ = self.s_h.write(&mut blob, SerdeFormat::RawBytes);
		let one = ParamsKZG::<Bn256>::read_custom(&mut blob.as_slice(), SerdeFormat::RawBytes)
			.map_err(|_| ParamsError::Point)?;
		let params = one.from_parts(k, vec![self.g], Some(vec![self.g]), self.h, self.s_h);
		debug_assert_eq!(params.k(), k);
		Ok(params)
	}
}

/// Whether both `Fq` coordinates of a compressed G2 point (flags in the top two bits of its
/// last byte) are canonical.
fn g2_coordinates_canonical(compressed: &[u8]) -> bool {
	let mut bytes = [0u8; 64];
	bytes.copy_from_slice(compressed);
	bytes[63] &= 0b0011_1111;
	let canonical = |half: &[u8]| {
		let mut repr = [0u8; 32];
		repr.copy_from_slice(half);
		bool::from(Fq::from_bytes(&repr).is_some())
	};
	canonical(&bytes[..32]) && canonical(&bytes[32..])
}

/// `blake2b` with a 32-byte output (the chain's `blake2_256`).
pub fn blake2b_256(data: &[u8]) -> [u8; 32] {
	let hash = blake2b_simd::Params::new().hash_length(32).hash(data);
	let mut out = [0u8; 32];
	out.copy_from_slice(hash.as_bytes());
	out
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn dev_srs_identity_is_independent_of_k() {
		let small = VerifierParams::of(&dev_srs(3));
		let larger = VerifierParams::of(&dev_srs(5));
		assert_eq!(small, larger);
		assert_eq!(small, dev_verifier_params());
		assert_eq!(VerifierParams::from_bytes(&small.to_bytes()), Ok(small));
		let other =
			VerifierParams::of(&ParamsKZG::<Bn256>::setup(3, ChaCha20Rng::from_seed([0; 32])));
		assert_ne!(small.hash(), other.hash());
	}
}
