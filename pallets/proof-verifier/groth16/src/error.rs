//! The one error type of Groth16 decoding and verification.

/// Why a key, proof or public input was rejected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Groth16Error {
	/// The key is shorter than its fixed part or its length does not match its IC count.
	VkLength,
	/// The key's first byte is not a format version this crate reads.
	UnsupportedVkVersion(u8),
	/// The key declares more public inputs than [`crate::MAX_PUBLIC_INPUTS`].
	TooManyPublicInputs,
	/// A key point is malformed: a coordinate not below the base field's modulus, off the
	/// curve, or outside the prime-order subgroup. The index counts α, β, γ, δ, IC₀, IC₁, ...
	InvalidVkPoint(u32),
	/// A key point is the identity, so the key is degenerate (same index as above).
	VkIdentityPoint(u32),
	/// The proof is not exactly [`crate::PROOF_BYTES`] long.
	ProofLength,
	/// A proof point is malformed (0 = A, 1 = B, 2 = C).
	InvalidProofPoint(u8),
	/// A proof point is the identity (0 = A, 1 = B, 2 = C).
	ProofIdentityPoint(u8),
	/// The number of public inputs differs from what the key takes.
	PublicInputCount {
		/// What the key takes.
		expected: u32,
		/// What was given.
		got: u32,
	},
	/// A public input is not below the scalar field's modulus r (its index).
	NonCanonicalPublicInput(u32),
	/// Everything is well formed, but the pairing check fails: the proof is false.
	VerificationFailed,
}

impl Groth16Error {
	/// Whether the error is about the verifying key itself, so `validate_vk` reports it.
	pub fn is_key_error(&self) -> bool {
		matches!(
			self,
			Self::VkLength
				| Self::UnsupportedVkVersion(_)
				| Self::TooManyPublicInputs
				| Self::InvalidVkPoint(_)
				| Self::VkIdentityPoint(_)
		)
	}
}

impl core::fmt::Display for Groth16Error {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		match self {
			Self::VkLength => write!(f, "verifying key has the wrong length"),
			Self::UnsupportedVkVersion(v) => {
				write!(f, "verifying key format version {v} is not supported")
			},
			Self::TooManyPublicInputs => write!(f, "verifying key takes too many public inputs"),
			Self::InvalidVkPoint(i) => {
				write!(f, "verifying key point {i} is not a valid curve point")
			},
			Self::VkIdentityPoint(i) => write!(f, "verifying key point {i} is the identity"),
			Self::ProofLength => write!(f, "proof has the wrong length"),
			Self::InvalidProofPoint(i) => write!(f, "proof point {i} is not a valid curve point"),
			Self::ProofIdentityPoint(i) => write!(f, "proof point {i} is the identity"),
			Self::PublicInputCount { expected, got } => {
				write!(f, "the key takes {expected} public inputs, {got} were given")
			},
			Self::NonCanonicalPublicInput(i) => write!(f, "public input {i} is not below r"),
			Self::VerificationFailed => write!(f, "the proof does not verify"),
		}
	}
}

#[cfg(feature = "std")]
impl std::error::Error for Groth16Error {}
