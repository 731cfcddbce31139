//! The job binding: the public input that ties a proof to one job and one node.
//!
//! A proof settles exactly one (job, node) pair: another job or another node changes the
//! binding, hence the statement, and the proof fails.

use crate::PublicInput;

/// The domain separator hashed in front of every job binding.
pub const JOB_BINDING_DOMAIN: &[u8] = b"zkinfer/job-binding/v1";

/// The job binding of `job` assigned to the node whose SCALE-encoded account is `node`:
/// `blake2b-256(JOB_BINDING_DOMAIN ‖ job as u64 little-endian ‖ node)` with its last (most
/// significant) byte cleared, so the value is below `2^248` and hence a canonical scalar.
pub fn job_binding(job: u64, node: &[u8]) -> PublicInput {
	let mut state = blake2b_simd::Params::new().hash_length(32).to_state();
	state.update(JOB_BINDING_DOMAIN).update(&job.to_le_bytes()).update(node);
	let mut binding = [0u8; 32];
	binding.copy_from_slice(state.finalize().as_bytes());
	binding[31] = 0;
	binding
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::MODULUS_LE;

	#[test]
	fn job_bindings_are_canonical_and_separate_jobs_and_nodes() {
		let alice = [1u8; 32];
		let bob = [2u8; 32];
		let a0 = job_binding(0, &alice);
		assert_eq!(a0[31], 0);
		assert!(a0.iter().rev().cmp(MODULUS_LE.iter().rev()).is_lt());
		assert_ne!(a0, job_binding(1, &alice));
		assert_ne!(a0, job_binding(0, &bob));
		assert_eq!(a0, job_binding(0, &alice));
	}

	#[test]
	fn the_binding_of_job_zero_for_account_one_is_pinned() {
		// blake2b with a 32-byte digest of "zkinfer/job-binding/v1" ‖ 0u64 LE ‖ [1; 32], byte 31
		// cleared (Python's `hashlib.blake2b(…, digest_size=32)`; the same as
		// `sp_io::hashing::blake2_256`, which the runtime used before this crate).
		let expected: PublicInput = [
			0x45, 0x18, 0xf5, 0xd6, 0x72, 0x53, 0x1c, 0x48, 0x49, 0xa5, 0xa9, 0x00, 0x93, 0xde,
			0x0f, 0xad, 0x2c, 0x0a, 0xfd, 0x28, 0xe2, 0x6e, 0x62, 0x55, 0xa2, 0xce, 0x03, 0x9c,
			0xff, 0x38, 0x1e, 0x00,
		];
		assert_eq!(job_binding(0, &[1u8; 32]), expected);
	}
}
