//! A verification result as one `u64` across the wasm boundary.

use codec::{Decode, Encode};
use zkinfer_verifier_primitives::{KeyInfo, VerifyError};

/// The result of a host function: `Ok(value)` (e.g. a key's public-input count) or a
/// [`VerifyError`].
///
/// Layout of the `u64`: bit 63 clear → `Ok`, value in bits 0..32 and, for a halo2-KZG key, its
/// width in bits 32..40, its `k` in bits 40..48 and its column count in bits 48..62
/// ([`Outcome::key`]). Bit 63 set → `Err`, the SCALE encoding of the error (at most 3 bytes)
/// in bits 0..24 and its length in bits 32..40. Decoding never fails: an unknown or malformed
/// error code becomes [`VerifyError::UnknownHostError`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Outcome(pub Result<u64, VerifyError>);

/// The most columns [`Outcome::key`] carries (14 bits).
const MAX_KEY_COLUMNS: u32 = (1 << 14) - 1;

impl Outcome {
	/// A key's shape as an `Ok` value: input count in bits 0..32, width in bits 32..40, `k` in
	/// bits 40..48, columns in bits 48..62. A width above 255 or more than 16,383 columns is
	/// no key this chain reads: `VerifyError::InvalidKey`.
	pub fn key(info: KeyInfo) -> Self {
		Outcome(match u8::try_from(info.width) {
			Ok(width) if info.columns <= MAX_KEY_COLUMNS => Ok(u64::from(info.public_inputs)
				| u64::from(width) << 32
				| u64::from(info.k) << 40
				| u64::from(info.columns) << 48),
			_ => Err(VerifyError::InvalidKey),
		})
	}

	/// Reads a key's shape from an `Ok` value written by [`Outcome::key`]; a value with bits
	/// outside that layout becomes `VerifyError::UnknownHostError`.
	pub fn into_key(self) -> Result<KeyInfo, VerifyError> {
		let value = self.0?;
		if value >> 62 != 0 {
			return Err(VerifyError::UnknownHostError);
		}
		Ok(KeyInfo {
			public_inputs: value as u32,
			width: u32::from((value >> 32) as u8),
			k: (value >> 40) as u8,
			columns: ((value >> 48) as u32) & MAX_KEY_COLUMNS,
		})
	}
}

const ERROR_FLAG: u64 = 1 << 63;

impl From<Outcome> for u64 {
	fn from(outcome: Outcome) -> u64 {
		match outcome.0 {
			// An `Ok` value never reaches bit 63: every producer is a count or `Outcome::key`.
			Ok(value) => value & !ERROR_FLAG,
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
			return Outcome(Ok(raw));
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
			Ok(u64::from(u32::MAX)),
			Ok((1 << 63) - 1),
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
	fn key_shapes_survive_the_boundary() {
		let shapes = [
			KeyInfo { public_inputs: 75, width: 4, k: 13, columns: 16 },
			KeyInfo { public_inputs: u32::MAX, width: 255, k: 26, columns: MAX_KEY_COLUMNS },
			KeyInfo::without_size(3),
		];
		for info in shapes {
			assert_eq!(Outcome::from(u64::from(Outcome::key(info))).into_key(), Ok(info));
		}
		let too_wide = KeyInfo { public_inputs: 3, width: 256, k: 13, columns: 16 };
		assert_eq!(Outcome::key(too_wide), Outcome(Err(VerifyError::InvalidKey)));
		let too_many_columns = KeyInfo { columns: MAX_KEY_COLUMNS + 1, ..shapes[0] };
		assert_eq!(Outcome::key(too_many_columns), Outcome(Err(VerifyError::InvalidKey)));
		assert_eq!(Outcome(Ok(1 << 62)).into_key(), Err(VerifyError::UnknownHostError));
		assert_eq!(Outcome(Err(VerifyError::KeyLength)).into_key(), Err(VerifyError::KeyLength));
	}

	#[test]
	fn unknown_codes_become_an_error_not_a_trap() {
		let unknown = [ERROR_FLAG | (1 << 32) | 0xfe, ERROR_FLAG | (9 << 32), ERROR_FLAG, u64::MAX];
		for raw in unknown {
			assert_eq!(Outcome::from(raw), Outcome(Err(VerifyError::UnknownHostError)), "{raw:#x}");
		}
	}
}
