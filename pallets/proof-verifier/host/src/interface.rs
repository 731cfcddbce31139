//! The host functions.

#[cfg(feature = "runtime-benchmarks")]
use sp_runtime_interface::pass_by::AllocateAndReturnFatPointer;
use sp_runtime_interface::{
	pass_by::{PassFatPointerAndRead, PassFatPointerAndWrite, ReturnAs},
	runtime_interface,
};

use crate::Outcome;

/// Native proof verification.
///
/// Public inputs cross the boundary as one byte string: 32-byte little-endian field elements
/// back to back.
#[runtime_interface]
pub trait ProofVerification {
	/// Validates halo2-KZG verifier parameters (the SRS's `g ‖ h ‖ s·h`, 160 bytes): canonical
	/// points, not the identity, G2 points in the prime-order subgroup. `Ok(0)` when valid.
	fn halo2_kzg_validate_params(params: PassFatPointerAndRead<&[u8]>) -> ReturnAs<Outcome, u64> {
		host::halo2_kzg_validate_params(params)
	}

	/// Validates a halo2-KZG verifying key of a zkinfer model circuit; `Ok` carries the number
	/// of public inputs it takes and its dot-product width ([`Outcome::key`]).
	fn halo2_kzg_validate_vk(vk: PassFatPointerAndRead<&[u8]>) -> ReturnAs<Outcome, u64> {
		host::halo2_kzg_validate_vk(vk)
	}

	/// Verifies a halo2-KZG (SHPLONK, Blake2b transcript) proof of `public_inputs` against
	/// `vk` under the verifier parameters `params`; `Ok(0)` when it holds.
	fn halo2_kzg_verify(
		params: PassFatPointerAndRead<&[u8]>,
		vk: PassFatPointerAndRead<&[u8]>,
		public_inputs: PassFatPointerAndRead<&[u8]>,
		proof: PassFatPointerAndRead<&[u8]>,
	) -> ReturnAs<Outcome, u64> {
		host::halo2_kzg_verify(params, vk, public_inputs, proof)
	}

	/// Verifies a batch of halo2-KZG proofs under one key with one pairing check
	/// (`zkinfer_halo2::batch`; the bad proofs found by bisection). `statements` is the SCALE
	/// encoding of a `Vec<(Vec<u8>, Vec<u8>)>`: each statement's public inputs (32-byte field
	/// elements back to back) and its proof. `outcomes` must be 8 bytes per statement: the host
	/// writes each statement's [`Outcome`] there as a little-endian `u64` (`Ok(0)` when its
	/// proof verifies). Returns `Ok(pairing checks run)`, or an error that refuses the whole
	/// batch (parameters, key, more than `MAX_BATCH_PROOFS` statements or `MAX_BATCH_BYTES`
	/// bytes, statements that do not decode, an `outcomes` of another length), in which case
	/// `outcomes` is left as it was.
	fn halo2_kzg_verify_batch(
		params: PassFatPointerAndRead<&[u8]>,
		vk: PassFatPointerAndRead<&[u8]>,
		statements: PassFatPointerAndRead<&[u8]>,
		outcomes: PassFatPointerAndWrite<&mut [u8]>,
	) -> ReturnAs<Outcome, u64> {
		host::halo2_kzg_verify_batch(params, vk, statements, outcomes)
	}

	/// Validates a Groth16/BN254 verifying key in the chain's encoding; `Ok` carries the number
	/// of public inputs it takes.
	fn groth16_bn254_validate_vk(vk: PassFatPointerAndRead<&[u8]>) -> ReturnAs<Outcome, u64> {
		host::groth16_bn254_validate_vk(vk)
	}

	/// Verifies a Groth16/BN254 proof of `public_inputs` against `vk`; `Ok(0)` when it holds.
	fn groth16_bn254_verify(
		vk: PassFatPointerAndRead<&[u8]>,
		public_inputs: PassFatPointerAndRead<&[u8]>,
		proof: PassFatPointerAndRead<&[u8]>,
	) -> ReturnAs<Outcome, u64> {
		host::groth16_bn254_verify(vk, public_inputs, proof)
	}
}

/// Benchmark support: passing halo2-KZG cases of any shape, made natively because halo2 keys
/// and proofs cannot be generated inside the runtime. Exists only in `runtime-benchmarks`
/// builds; the node registers it only when built with that feature.
#[cfg(feature = "runtime-benchmarks")]
#[runtime_interface]
pub trait ProofVerificationBenchmarks {
	/// A passing halo2-KZG case with `public_inputs` public inputs at dot-product width
	/// `width` on the fewest rows that hold it but at least `2^HALO2_MIN_MEASURED_K`, under the
	/// development SRS (what more rows cost is benchmarked on its own, with the committed
	/// cases of `fixture::halo2_rows_fixture`): the SCALE encoding of a
	/// [`BenchmarkCase`](zkinfer_verifier_primitives::BenchmarkCase), or empty if no such case
	/// exists (a shape outside the bounds). Cached per shape, so the benchmark's repetitions
	/// do not prove again.
	fn halo2_kzg_benchmark_case(
		public_inputs: u32,
		width: u32,
	) -> AllocateAndReturnFatPointer<alloc::vec::Vec<u8>> {
		host::halo2_kzg_benchmark_case(public_inputs, width)
	}
}

/// The native implementations, plain functions so tests and the fuzz target call them directly.
#[cfg(not(substrate_runtime))]
pub mod host {
	use alloc::vec::Vec;
	use zkinfer_groth16::Groth16Error;
	use zkinfer_halo2::Halo2Error;
	use zkinfer_verifier_primitives::{KeyInfo, VerifyError, PUBLIC_INPUT_BYTES};

	use crate::{Outcome, HALO2_MAX_K, MAX_KEY_BYTES, MAX_PROOF_BYTES, MAX_PUBLIC_INPUTS};

	/// See [`super::proof_verification::groth16_bn254_validate_vk`].
	pub fn groth16_bn254_validate_vk(vk: &[u8]) -> Outcome {
		if vk.len() > MAX_KEY_BYTES {
			return Outcome(Err(VerifyError::KeyLength));
		}
		Outcome(zkinfer_groth16::validate_vk(vk).map(u64::from).map_err(from_groth16))
	}

	/// See [`super::proof_verification::groth16_bn254_verify`].
	pub fn groth16_bn254_verify(vk: &[u8], public_inputs: &[u8], proof: &[u8]) -> Outcome {
		Outcome(verify_groth16(vk, public_inputs, proof).map(|()| 0))
	}

	fn verify_groth16(vk: &[u8], public_inputs: &[u8], proof: &[u8]) -> Result<(), VerifyError> {
		if vk.len() > MAX_KEY_BYTES {
			return Err(VerifyError::KeyLength);
		}
		if proof.len() > MAX_PROOF_BYTES {
			return Err(VerifyError::ProofLength);
		}
		let inputs = split_public_inputs(public_inputs)?;
		zkinfer_groth16::verify(vk, &inputs, proof).map_err(from_groth16)
	}

	/// See [`super::proof_verification::halo2_kzg_validate_params`].
	pub fn halo2_kzg_validate_params(params: &[u8]) -> Outcome {
		Outcome(
			zkinfer_halo2::VerifierParams::from_bytes(params)
				.map(|_| 0)
				.map_err(|_| VerifyError::InvalidParams),
		)
	}

	/// See [`super::proof_verification::halo2_kzg_validate_vk`].
	pub fn halo2_kzg_validate_vk(vk: &[u8]) -> Outcome {
		if let Err(error) = check_halo2_key_size(vk) {
			return Outcome(Err(error));
		}
		match zkinfer_halo2::validate_vk(vk) {
			Ok(info) => Outcome::key(KeyInfo {
				public_inputs: info.public_inputs,
				width: info.params.dot_width.into(),
				k: info.params.k,
				columns: info.columns,
			}),
			Err(error) => Outcome(Err(from_halo2(error))),
		}
	}

	/// See [`super::proof_verification::halo2_kzg_verify`].
	pub fn halo2_kzg_verify(
		params: &[u8],
		vk: &[u8],
		public_inputs: &[u8],
		proof: &[u8],
	) -> Outcome {
		Outcome(verify_halo2(params, vk, public_inputs, proof).map(|()| 0))
	}

	/// See [`super::proof_verification::halo2_kzg_verify_batch`].
	pub fn halo2_kzg_verify_batch(
		params: &[u8],
		vk: &[u8],
		statements: &[u8],
		outcomes: &mut [u8],
	) -> Outcome {
		match verify_halo2_batch(params, vk, statements) {
			Ok((verdict, _)) if outcomes.len() != verdict.len().saturating_mul(8) => {
				Outcome(Err(VerifyError::BatchTooLarge))
			},
			Ok((verdict, pairing_checks)) => {
				for (slot, outcome) in outcomes.chunks_exact_mut(8).zip(verdict) {
					slot.copy_from_slice(&u64::from(outcome).to_le_bytes());
				}
				Outcome(Ok(u64::from(pairing_checks)))
			},
			Err(error) => Outcome(Err(error)),
		}
	}

	/// The statements of a batch as the host reads them: each one's public inputs and proof.
	type EncodedStatements = Vec<(Vec<u8>, Vec<u8>)>;

	fn verify_halo2_batch(
		params: &[u8],
		vk: &[u8],
		statements: &[u8],
	) -> Result<(Vec<Outcome>, u32), VerifyError> {
		use codec::Decode;
		check_halo2_key_size(vk)?;
		// The encoding adds at most 10 bytes of lengths per statement to its contents.
		let most_bytes = zkinfer_halo2::batch::MAX_BATCH_BYTES
			.saturating_add(zkinfer_halo2::batch::MAX_BATCH_PROOFS.saturating_mul(10))
			.saturating_add(5);
		if statements.len() > most_bytes {
			return Err(VerifyError::BatchTooLarge);
		}
		// The count first, so a long list of empty statements is refused before it is decoded.
		let mut count_reader = statements;
		let count = codec::Compact::<u32>::decode(&mut count_reader)
			.map_err(|_| VerifyError::InvalidProof)?
			.0;
		if count as usize > zkinfer_halo2::batch::MAX_BATCH_PROOFS {
			return Err(VerifyError::BatchTooLarge);
		}
		let mut reader = statements;
		let decoded =
			EncodedStatements::decode(&mut reader).map_err(|_| VerifyError::InvalidProof)?;
		if !reader.is_empty() {
			return Err(VerifyError::InvalidProof);
		}
		// A statement whose inputs do not split is refused on its own; the rest are verified.
		let inputs: Vec<Result<Vec<[u8; PUBLIC_INPUT_BYTES]>, VerifyError>> =
			decoded.iter().map(|(inputs, _)| split_public_inputs(inputs)).collect();
		let well_formed: Vec<usize> = (0..decoded.len()).filter(|&i| inputs[i].is_ok()).collect();
		let batch: Vec<zkinfer_halo2::BatchStatement<'_>> = well_formed
			.iter()
			.filter_map(|&i| {
				let public_inputs = inputs[i].as_ref().ok()?;
				Some(zkinfer_halo2::BatchStatement { public_inputs, proof: &decoded[i].1 })
			})
			.collect();
		let verdict = zkinfer_halo2::verify_batch(params, vk, &batch).map_err(from_halo2)?;
		let mut outcomes: Vec<Outcome> = inputs
			.iter()
			.map(|split| Outcome(split.as_ref().map(|_| 0).map_err(|error| *error)))
			.collect();
		for (&i, result) in well_formed.iter().zip(verdict.results) {
			outcomes[i] = Outcome(result.map(|()| 0).map_err(from_halo2));
		}
		Ok((outcomes, verdict.pairing_checks))
	}

	fn verify_halo2(
		params: &[u8],
		vk: &[u8],
		public_inputs: &[u8],
		proof: &[u8],
	) -> Result<(), VerifyError> {
		check_halo2_key_size(vk)?;
		if proof.len() > MAX_PROOF_BYTES {
			return Err(VerifyError::ProofLength);
		}
		let inputs = split_public_inputs(public_inputs)?;
		zkinfer_halo2::verify(params, vk, &inputs, proof).map_err(from_halo2)
	}

	/// See [`super::proof_verification_benchmarks::halo2_kzg_benchmark_case`].
	#[cfg(feature = "runtime-benchmarks")]
	pub fn halo2_kzg_benchmark_case(public_inputs: u32, width: u32) -> Vec<u8> {
		use codec::Encode;
		use std::{collections::BTreeMap, sync::Mutex};
		static CASES: Mutex<BTreeMap<(u32, u32), Vec<u8>>> = Mutex::new(BTreeMap::new());
		let mut cases = CASES.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
		if let Some(encoded) = cases.get(&(public_inputs, width)) {
			return encoded.clone();
		}
		let Ok(width_u8) = u8::try_from(width) else { return Vec::new() };
		// At the fewest rows of the shape, but at least 2^HALO2_MIN_MEASURED_K: what more rows
		// add is measured on its own (the verifier pallet's `verify_proof_rows`).
		let Ok(case) = zkinfer_circuit::synthetic::dev_case(
			public_inputs,
			width_u8,
			zkinfer_statement::limits::HALO2_MIN_MEASURED_K,
		) else {
			return Vec::new();
		};
		let encoded = zkinfer_verifier_primitives::BenchmarkCase {
			params: case.params,
			vk: case.vk,
			public_inputs: case.public_inputs,
			proof: case.proof,
		}
		.encode();
		cases.insert((public_inputs, width), encoded.clone());
		encoded
	}

	/// Refuses a halo2 key longer than the host reads, or of a circuit with more than
	/// `2^HALO2_MAX_K` rows, before anything is decoded.
	fn check_halo2_key_size(vk: &[u8]) -> Result<(), VerifyError> {
		if vk.len() > MAX_KEY_BYTES {
			return Err(VerifyError::KeyLength);
		}
		// Refused by the first two bytes alone, even when the rest of the header is missing; a
		// key of another layout is refused by decoding it.
		if let Some((layout, k)) = zkinfer_statement::KeyHeader::layout_and_k(vk) {
			if layout == zkinfer_halo2::verify::LAYOUT_VERSION && k > HALO2_MAX_K {
				return Err(VerifyError::CircuitTooLarge);
			}
		}
		Ok(())
	}

	/// The one conversion from halo2-KZG's errors to the shared error type.
	pub fn from_halo2(error: Halo2Error) -> VerifyError {
		match error {
			Halo2Error::InvalidParams => VerifyError::InvalidParams,
			Halo2Error::KeyLength => VerifyError::KeyLength,
			Halo2Error::UnsupportedLayout(v) => VerifyError::UnsupportedKeyVersion(v),
			Halo2Error::KeyParams | Halo2Error::InvalidKey => VerifyError::InvalidKey,
			Halo2Error::KeyPublicInputs => VerifyError::TooManyPublicInputs,
			Halo2Error::PublicInputCount { .. } => VerifyError::PublicInputCount,
			Halo2Error::NonCanonicalPublicInput(i) => {
				VerifyError::NonCanonicalPublicInput(u16::try_from(i).unwrap_or(u16::MAX))
			},
			Halo2Error::ProofLength => VerifyError::ProofLength,
			Halo2Error::VerificationFailed => VerifyError::VerificationFailed,
			Halo2Error::TrailingProofBytes => VerifyError::InvalidProof,
			Halo2Error::BatchTooLarge => VerifyError::BatchTooLarge,
			Halo2Error::Undecided => VerifyError::BatchUndecided,
		}
	}

	/// Splits concatenated public inputs, refusing a partial one or more than the maximum.
	pub(crate) fn split_public_inputs(
		bytes: &[u8],
	) -> Result<Vec<[u8; PUBLIC_INPUT_BYTES]>, VerifyError> {
		if !bytes.len().is_multiple_of(PUBLIC_INPUT_BYTES) {
			return Err(VerifyError::PublicInputCount);
		}
		if bytes.len() / PUBLIC_INPUT_BYTES > MAX_PUBLIC_INPUTS {
			return Err(VerifyError::TooManyPublicInputs);
		}
		Ok(bytes
			.chunks_exact(PUBLIC_INPUT_BYTES)
			.map(|chunk| {
				let mut input = [0u8; PUBLIC_INPUT_BYTES];
				input.copy_from_slice(chunk);
				input
			})
			.collect())
	}

	/// The one conversion from Groth16's errors to the shared error type.
	pub fn from_groth16(error: Groth16Error) -> VerifyError {
		let index = |i: u32| u16::try_from(i).unwrap_or(u16::MAX);
		match error {
			Groth16Error::VkLength => VerifyError::KeyLength,
			Groth16Error::UnsupportedVkVersion(v) => VerifyError::UnsupportedKeyVersion(v),
			Groth16Error::TooManyPublicInputs => VerifyError::TooManyPublicInputs,
			Groth16Error::InvalidVkPoint(i) => VerifyError::InvalidKeyPoint(index(i)),
			Groth16Error::VkIdentityPoint(i) => VerifyError::KeyIdentityPoint(index(i)),
			Groth16Error::ProofLength => VerifyError::ProofLength,
			Groth16Error::InvalidProofPoint(i) => VerifyError::InvalidProofPoint(i),
			Groth16Error::ProofIdentityPoint(i) => VerifyError::ProofIdentityPoint(i),
			Groth16Error::PublicInputCount { .. } => VerifyError::PublicInputCount,
			Groth16Error::NonCanonicalPublicInput(i) => {
				VerifyError::NonCanonicalPublicInput(index(i))
			},
			Groth16Error::VerificationFailed => VerifyError::VerificationFailed,
		}
	}
}
