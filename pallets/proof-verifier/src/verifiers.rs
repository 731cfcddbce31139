//! The runtime's [`Verifier`] implementations, one per proof system: thin bindings to the
//! host functions of `zkinfer-verifier-host`, which verify natively. The runtime instantiates
//! the pallet once with each.

use alloc::vec::Vec;
use zkinfer_verifier_host::Outcome;
use zkinfer_verifier_host::{
	limits::{HALO2_MAX_K, HALO2_MAX_WIDTH, HALO2_MIN_MEASURED_K},
	proof_verification, HALO2_MIN_PUBLIC_INPUTS,
};
use zkinfer_verifier_primitives::{BatchVerification, KeyInfo, PublicInput, Verifier, VerifyError};

/// Public inputs as the host functions take them: 32-byte elements back to back.
fn concatenated(public_inputs: &[PublicInput]) -> Vec<u8> {
	public_inputs.iter().flatten().copied().collect()
}

/// Groth16 over BN254 (circom/snarkjs circuits), verified natively.
///
/// Takes no verifier parameters: a Groth16 key is self-contained, so only empty parameters are
/// valid. Key, proof and input encoding: see `zkinfer-groth16`.
pub struct Groth16Bn254;

impl Verifier for Groth16Bn254 {
	const NAME: &'static str = "groth16-bn254";
	const MIN_PUBLIC_INPUTS: u32 = 0;
	const MAX_WIDTH: u32 = 1;
	const MIN_ROWS_K: u32 = 0;
	const MAX_ROWS_K: u32 = 0;
	const MAX_MEASURED_ROWS_K: u32 = 0;

	fn validate_params(params: &[u8]) -> Result<(), VerifyError> {
		if params.is_empty() {
			Ok(())
		} else {
			Err(VerifyError::InvalidParams)
		}
	}

	fn validate_vk(params: &[u8], vk: &[u8]) -> Result<KeyInfo, VerifyError> {
		Self::validate_params(params)?;
		let public_inputs = proof_verification::groth16_bn254_validate_vk(vk).0?;
		let public_inputs =
			u32::try_from(public_inputs).map_err(|_| VerifyError::UnknownHostError)?;
		Ok(KeyInfo::without_size(public_inputs))
	}

	fn verify(
		params: &[u8],
		vk: &[u8],
		public_inputs: &[PublicInput],
		proof: &[u8],
	) -> Result<(), VerifyError> {
		Self::validate_params(params)?;
		proof_verification::groth16_bn254_verify(vk, &concatenated(public_inputs), proof)
			.0
			.map(|_| ())
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_case(
		public_inputs: u32,
		_width: u32,
	) -> zkinfer_verifier_primitives::BenchmarkCase {
		let case = zkinfer_groth16::synthetic::synthetic_case(public_inputs as usize, 0x5eed);
		zkinfer_verifier_primitives::BenchmarkCase {
			params: Vec::new(),
			vk: case.vk,
			public_inputs: case.public_inputs,
			proof: case.proof,
		}
	}

	/// A Groth16 key declares no rows: the smallest case, whatever `k`.
	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_rows_case(_k: u32) -> zkinfer_verifier_primitives::BenchmarkCase {
		Self::benchmark_case(Self::MIN_PUBLIC_INPUTS, 1)
	}
}

/// halo2 with KZG commitments over BN254 (SHPLONK, Blake2b transcript): proofs of zkinfer's
/// model circuits made by the prover worker, verified natively.
///
/// The parameters are the verifier's part of the KZG SRS (160 bytes, `zkinfer-halo2`'s
/// `VerifierParams`); keys are self-describing (`zkinfer-halo2`'s `verify` module: layout
/// version, `k`, dot-product width, public-input count, halo2 key), so one verifier serves
/// every model. A key's width is its dot-product width, which sets the number of columns.
pub struct Halo2Kzg;

impl Verifier for Halo2Kzg {
	const NAME: &'static str = "halo2-kzg-bn254";
	const MIN_PUBLIC_INPUTS: u32 = HALO2_MIN_PUBLIC_INPUTS;
	const MAX_WIDTH: u32 = HALO2_MAX_WIDTH as u32;
	const MIN_ROWS_K: u32 = HALO2_MIN_MEASURED_K as u32;
	const MAX_ROWS_K: u32 = HALO2_MAX_K as u32;
	/// The last committed case over rows (`zkinfer_verifier_host::fixture::ROWS_FIXTURE_K`):
	/// proving the cases at `k = 21` and 22 takes most of an hour more, and verification grows
	/// with `k` only by a squaring per row doubling.
	const MAX_MEASURED_ROWS_K: u32 = 20;

	fn validate_params(params: &[u8]) -> Result<(), VerifyError> {
		proof_verification::halo2_kzg_validate_params(params).0.map(|_| ())
	}

	/// The key is checked on its own: a KZG key's commitments cannot be tied to an SRS, so
	/// `params` (validated when stored) does not enter.
	fn validate_vk(_params: &[u8], vk: &[u8]) -> Result<KeyInfo, VerifyError> {
		proof_verification::halo2_kzg_validate_vk(vk).into_key()
	}

	fn verify(
		params: &[u8],
		vk: &[u8],
		public_inputs: &[PublicInput],
		proof: &[u8],
	) -> Result<(), VerifyError> {
		proof_verification::halo2_kzg_verify(params, vk, &concatenated(public_inputs), proof)
			.0
			.map(|_| ())
	}

	/// One host call for the whole batch: one pairing check if every proof holds, a bounded
	/// search for the bad ones otherwise (`zkinfer_halo2::batch`).
	fn verify_batch(
		params: &[u8],
		vk: &[u8],
		statements: &[(&[PublicInput], &[u8])],
	) -> Result<BatchVerification, VerifyError> {
		use codec::Encode;
		let encoded: Vec<(Vec<u8>, &[u8])> = statements
			.iter()
			.map(|(public_inputs, proof)| (concatenated(public_inputs), *proof))
			.collect();
		// Every slot starts as an error, so a slot the host never wrote reads as a refusal.
		let unwritten = u64::from(Outcome(Err(VerifyError::UnknownHostError))).to_le_bytes();
		let mut outcomes: Vec<u8> =
			core::iter::repeat_n(unwritten, statements.len()).flatten().collect();
		let pairing_checks = proof_verification::halo2_kzg_verify_batch(
			params,
			vk,
			&encoded.encode(),
			&mut outcomes,
		)
		.0?;
		Ok(BatchVerification {
			results: outcomes
				.chunks_exact(8)
				.map(|raw| {
					let mut bytes = [0u8; 8];
					bytes.copy_from_slice(raw);
					Outcome::from(u64::from_le_bytes(bytes)).0.map(|_| ())
				})
				.collect(),
			pairing_checks: u32::try_from(pairing_checks).unwrap_or(u32::MAX),
		})
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_case(
		public_inputs: u32,
		width: u32,
	) -> zkinfer_verifier_primitives::BenchmarkCase {
		use codec::Decode;
		let encoded =
			zkinfer_verifier_host::proof_verification_benchmarks::halo2_kzg_benchmark_case(
				public_inputs,
				width,
			);
		match zkinfer_verifier_primitives::BenchmarkCase::decode(&mut encoded.as_slice()) {
			Ok(case) => case,
			// Benchmark builds only: a shape outside the bounds is a bug in the benchmark.
			Err(_) => panic!(
				"the node made no halo2-KZG benchmark case with {public_inputs} inputs at width {width}"
			),
		}
	}

	/// The committed case on `2^k` rows (`zkinfer_verifier_host::fixture::halo2_rows_fixture`).
	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_rows_case(k: u32) -> zkinfer_verifier_primitives::BenchmarkCase {
		let case = u8::try_from(k)
			.ok()
			.and_then(zkinfer_verifier_host::fixture::halo2_rows_fixture)
			// Benchmark builds only: a `k` without a fixture is a bug in the benchmark.
			.unwrap_or_else(|| panic!("no halo2-KZG benchmark case on 2^{k} rows"));
		zkinfer_verifier_primitives::BenchmarkCase {
			params: case.params,
			vk: case.vk,
			public_inputs: case.public_inputs,
			proof: case.proof,
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	/// The benchmarks measure rows with the committed cases: there is one for every `k` they
	/// measure, within the rows keys may have.
	#[test]
	fn the_rows_fixtures_cover_the_halo2_rows_the_weights_are_measured_over() {
		let k = zkinfer_verifier_host::fixture::ROWS_FIXTURE_K;
		assert_eq!(
			(u32::from(*k.start()), u32::from(*k.end())),
			(Halo2Kzg::MIN_ROWS_K, Halo2Kzg::MAX_MEASURED_ROWS_K)
		);
		const { assert!(Halo2Kzg::MAX_MEASURED_ROWS_K <= Halo2Kzg::MAX_ROWS_K) };
		for k in k {
			let case = zkinfer_verifier_host::fixture::halo2_rows_fixture(k).expect("a case per k");
			assert_eq!(Halo2Kzg::validate_vk(&case.params, &case.vk).map(|key| key.k), Ok(k));
		}
	}
}
