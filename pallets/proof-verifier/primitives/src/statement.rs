//! What a verified proof states, as one hash.

use crate::PublicInput;
use sp_core::H256;
use sp_io::hashing::blake2_256;

/// The identity of a registered verifying key: `blake2_256` of its bytes.
pub type KeyHash = H256;

/// The identity of a verified statement: see [`statement_hash`].
pub type StatementHash = H256;

/// The hash of "the proof system instance keyed by `key` accepts `public_inputs`":
/// `blake2_256(key_hash ‖ input₀ ‖ … ‖ inputₙ₋₁)`, inputs as their 32-byte encodings.
///
/// The proof is deliberately not part of it: Groth16 proofs are malleable, so two different
/// proofs of the same statement must give the same hash.
pub fn statement_hash(key: &KeyHash, public_inputs: &[PublicInput]) -> StatementHash {
	let mut preimage = alloc::vec::Vec::with_capacity(32 + 32 * public_inputs.len());
	preimage.extend_from_slice(key.as_bytes());
	for input in public_inputs {
		preimage.extend_from_slice(input);
	}
	H256(blake2_256(&preimage))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn statement_depends_on_key_and_every_input_and_their_order() {
		let key = H256([7; 32]);
		let a = [1u8; 32];
		let b = [2u8; 32];
		let base = statement_hash(&key, &[a, b]);
		assert_ne!(base, statement_hash(&H256([8; 32]), &[a, b]));
		assert_ne!(base, statement_hash(&key, &[b, a]));
		assert_ne!(base, statement_hash(&key, &[a]));
		assert_eq!(base, statement_hash(&key, &[a, b]));
		let mut preimage = key.as_bytes().to_vec();
		preimage.extend_from_slice(&a);
		preimage.extend_from_slice(&b);
		assert_eq!(base, H256(blake2_256(&preimage)));
	}
}
