//! The runtime's [`Verifier`] implementations: thin bindings to the host functions.

use alloc::vec::Vec;
use zkinfer_verifier_primitives::{KeyInfo, PublicInput, Verifier, VerifyError};

use crate::proof_verification;

/// Groth16 over BN254 (circom/snarkjs circuits), verified natively.
///
/// Takes no verifier parameters: a Groth16 key is self-contained, so only empty parameters are
/// valid. Key, proof and input encoding: see `zkinfer-groth16`.
pub struct Groth16Bn254;

impl Verifier for Groth16Bn254 {
	const NAME: &'static str = "groth16-bn254";

	fn validate_params(params: &[u8]) -> Result<(), VerifyError> {
		if params.is_empty() { Ok(()) } else { Err(VerifyError::InvalidParams) }
	}

	fn validate_vk(params: &[u8], vk: &[u8]) -> Result<KeyInfo, VerifyError> {
		Self::validate_params(params)?;
		let public_inputs = proof_verification::groth16_bn254_validate_vk(vk).0?;
		Ok(KeyInfo { public_inputs })
	}

	fn verify(
		params: &[u8],
		vk: &[u8],
		public_inputs: &[PublicInput],
		proof: &[u8],
	) -> Result<(), VerifyError> {
		Self::validate_params(params)?;
		let inputs: Vec<u8> = public_inputs.iter().flatten().copied().collect();
		proof_verification::groth16_bn254_verify(vk, &inputs, proof).0.map(|_| ())
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_case(public_inputs: u32) -> zkinfer_verifier_primitives::BenchmarkCase {
		let case = zkinfer_groth16::synthetic::synthetic_case(public_inputs as usize, 0x5eed);
		zkinfer_verifier_primitives::BenchmarkCase {
			params: Vec::new(),
			vk: case.vk,
			public_inputs: case.public_inputs,
			proof: case.proof,
		}
	}
}
