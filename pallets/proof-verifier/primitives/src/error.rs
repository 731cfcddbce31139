//! The one error type of proof verification.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::PalletError;
use scale_info::TypeInfo;

/// Why a verifier refused its parameters, a verifying key, a proof or public inputs.
///
/// Shared by every proof system. Point and input indices are `u16` so the whole error fits a
/// pallet error's three spare bytes and reaches clients intact.
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	PalletError,
)]
pub enum VerifyError {
	/// The verifier parameters (e.g. the KZG SRS's verifier part) are malformed.
	InvalidParams,
	/// The key has the wrong length for its declared contents, or is longer than the host accepts.
	KeyLength,
	/// The key's format version is not one this node reads.
	UnsupportedKeyVersion(u8),
	/// The key declares more public inputs than the verifier supports.
	TooManyPublicInputs,
	/// A key point is not a valid curve point (a coordinate ≥ the base field's modulus, off the
	/// curve, or outside the prime-order subgroup), by its index in the key.
	InvalidKeyPoint(u16),
	/// A key point is the identity, so the key is degenerate, by its index in the key.
	KeyIdentityPoint(u16),
	/// A key field is malformed in a way that is not a curve point (e.g. circuit parameters).
	InvalidKey,
	/// The proof has the wrong length, or is longer than the host accepts.
	ProofLength,
	/// A proof point is not a valid curve point, by its index in the proof.
	InvalidProofPoint(u8),
	/// A proof point is the identity, by its index in the proof.
	ProofIdentityPoint(u8),
	/// The proof is malformed in a way that is not a single point (e.g. a truncated transcript).
	InvalidProof,
	/// The number of public inputs differs from what the key takes.
	PublicInputCount,
	/// A public input is not below the scalar field's modulus, by its index.
	NonCanonicalPublicInput(u16),
	/// Everything is well formed, but the proof does not verify.
	VerificationFailed,
	/// The host returned an error code this runtime does not know (a newer node): treated as a
	/// failed verification.
	UnknownHostError,
	/// The key's circuit has more rows than this chain verifies (for halo2-KZG, `2^k` above
	/// the limit): reading such a key costs time and memory in proportion to its rows.
	CircuitTooLarge,
	/// A batch holds more proofs or bytes than one batch verification reads
	/// (`zkinfer_statement::limits::MAX_BATCH_PROOFS`, `MAX_BATCH_BYTES`): split it.
	BatchTooLarge,
	/// Not verified either way: the proof's batch held more bad proofs than one batch
	/// verification looks for (`zkinfer_statement::limits::MAX_BATCH_BAD_PROOFS`) before this
	/// one was shown good. Nothing moved; submit it again.
	BatchUndecided,
}

impl core::fmt::Display for VerifyError {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		match self {
			Self::InvalidParams => write!(f, "the verifier parameters are malformed"),
			Self::KeyLength => write!(f, "verifying key has the wrong length"),
			Self::UnsupportedKeyVersion(v) => {
				write!(f, "verifying key format version {v} is not supported")
			},
			Self::TooManyPublicInputs => write!(f, "verifying key takes too many public inputs"),
			Self::InvalidKeyPoint(i) => {
				write!(f, "verifying key point {i} is not a valid curve point")
			},
			Self::KeyIdentityPoint(i) => write!(f, "verifying key point {i} is the identity"),
			Self::InvalidKey => write!(f, "verifying key is malformed"),
			Self::ProofLength => write!(f, "proof has the wrong length"),
			Self::InvalidProofPoint(i) => write!(f, "proof point {i} is not a valid curve point"),
			Self::ProofIdentityPoint(i) => write!(f, "proof point {i} is the identity"),
			Self::InvalidProof => write!(f, "proof is malformed"),
			Self::PublicInputCount => write!(f, "wrong number of public inputs for this key"),
			Self::NonCanonicalPublicInput(i) => {
				write!(f, "public input {i} is not below the field modulus")
			},
			Self::VerificationFailed => write!(f, "the proof does not verify"),
			Self::UnknownHostError => write!(f, "the node reported an unknown verification error"),
			Self::CircuitTooLarge => {
				write!(f, "the key's circuit has more rows than this chain verifies")
			},
			Self::BatchTooLarge => {
				write!(f, "the batch holds more proofs or bytes than verified at once")
			},
			Self::BatchUndecided => {
				write!(f, "not verified: its batch held too many bad proofs; submit it again")
			},
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use frame_support::traits::PalletError as _;

	#[test]
	fn fits_in_a_pallet_error() {
		// A pallet error has one byte for its own variant and three for nested data.
		const { assert!(VerifyError::MAX_ENCODED_SIZE <= 3) };
		assert_eq!(VerifyError::InvalidKeyPoint(300).encode().len(), 3);
	}
}
