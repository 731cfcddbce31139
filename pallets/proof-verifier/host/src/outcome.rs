//! A verification result as one `u64` across the wasm boundary.

use codec::{Decode, Encode};
use zkinfer_verifier_primitives::VerifyError;

/// The result of a host function: `Ok(value)` (e.g. a key's public-input count) or a
/// [`VerifyError`].
///
/// Layout of the `u64`: bit 63 clear → `Ok`, value in bits 0..32. Bit 63 set → `Err`, the
/// SCALE encoding of the error (at most 3 bytes) in bits 0..24 and its length in bits 32..40.
/// Decoding never fails: an unknown or malformed error code becomes
/// [`VerifyError::UnknownHostError`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Outcome(pub Result<u32, VerifyError>);

const ERROR_FLAG: u64 = 1 << 63;

impl From<Outcome> for u64 {
	fn from(outcome: Outcome) -> u64 {
		match outcome.0 {
			Ok(value) => u64::from(value),
			Err(error) => {
				let mut packed = [0u8; 8];
				let encoded = error.encode();
				// `VerifyError` encodes to at most 3 bytes (checked by a test in its crate).
				let len = encoded.len().min(3);
				packed[..len].copy_from_slice(&encoded[..len]);
				ERROR_FLAG | ((len as u64) << 32) | u64::from_le_bytes(packed)
			},
		}
	}
}

impl From<u64> for Outcome {
	fn from(raw: u64) -> Outcome {
		if raw & ERROR_FLAG == 0 {
			return Outcome(Ok(raw as u32));
		}
		let len = ((raw >> 32) & 0xff) as usize;
		let bytes = raw.to_le_bytes();
		let error = match bytes.get(..len) {
			Some(mut encoded) if len <= 3 => VerifyError::decode(&mut encoded)
				.ok()
				.filter(|_| encoded.is_empty())
				.unwrap_or(VerifyError::UnknownHostError),
			_ => VerifyError::UnknownHostError,
		};
		Outcome(Err(error))
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn every_outcome_survives_the_boundary() {
		let cases = [
			Ok(0),
			Ok(256),
			Ok(u32::MAX),
			Err(VerifyError::KeyLength),
			Err(VerifyError::UnsupportedKeyVersion(9)),
			Err(VerifyError::InvalidKeyPoint(260)),
			Err(VerifyError::ProofIdentityPoint(2)),
			Err(VerifyError::NonCanonicalPublicInput(u16::MAX)),
			Err(VerifyError::VerificationFailed),
		];
		for case in cases {
			assert_eq!(Outcome::from(u64::from(Outcome(case))), Outcome(case));
		}
	}

	#[test]
	fn unknown_codes_become_an_error_not_a_trap() {
		let unknown = [ERROR_FLAG | (1 << 32) | 0xfe, ERROR_FLAG | (9 << 32), ERROR_FLAG, u64::MAX];
		for raw in unknown {
			assert_eq!(Outcome::from(raw), Outcome(Err(VerifyError::UnknownHostError)), "{raw:#x}");
		}
	}
}
