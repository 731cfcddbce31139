//! The public inputs of an inference proof (the design's "proof statement"): in order, the job
//! binding, the quantized input, the quantized output, each a canonical BN254 scalar.
//!
//! The runtime builds them from the job record and the claimed output alone, so a proof
//! settles exactly one (job, node) pair: another job, another node or another output changes
//! the statement and the proof fails.

use crate::{JobId, QuantizedValue};
use alloc::vec::Vec;
use zkinfer_verifier_primitives::PublicInput;

/// The domain separator hashed in front of every job binding.
pub const JOB_BINDING_DOMAIN: &[u8] = b"zkinfer/job-binding/v1";

/// The BN254 scalar field's modulus `p`, little-endian.
const MODULUS_LE: [u8; 32] = [
	0x01, 0x00, 0x00, 0xf0, 0x93, 0xf5, 0xe1, 0x43, 0x91, 0x70, 0xb9, 0x79, 0x48, 0xe8, 0x33, 0x28,
	0x5d, 0x58, 0x81, 0x81, 0xb6, 0x45, 0x50, 0xb8, 0x29, 0xa0, 0x31, 0xe1, 0x72, 0x4e, 0x64, 0x30,
];

/// The job binding of `job` assigned to the node whose SCALE-encoded account is `node`:
/// `blake2_256(JOB_BINDING_DOMAIN ‖ job as u64 little-endian ‖ node)` with its last
/// (most significant) byte cleared, so the value is below `2^248` and hence a canonical
/// scalar. The prover computes the same from the job id and the node's 32-byte account.
pub fn job_binding(job: JobId, node: &[u8]) -> PublicInput {
	let mut preimage = Vec::with_capacity(JOB_BINDING_DOMAIN.len() + 8 + node.len());
	preimage.extend_from_slice(JOB_BINDING_DOMAIN);
	preimage.extend_from_slice(&job.to_le_bytes());
	preimage.extend_from_slice(node);
	let mut binding = sp_io::hashing::blake2_256(&preimage);
	binding[31] = 0;
	binding
}

/// A quantized value as a canonical scalar, 32 bytes little-endian: `x` for `x ≥ 0`,
/// `p − |x|` for `x < 0` (never reduced, never ≥ `p`).
pub fn field_element(value: QuantizedValue) -> PublicInput {
	let mut out = [0u8; 32];
	out[..8].copy_from_slice(&value.unsigned_abs().to_le_bytes());
	// p − |x|: |x| < 2^64 ≪ p, so there is no final borrow.
	if value < 0 { modulus_minus(&out).0 } else { out }
}

/// The quantized value a canonical scalar encodes, the inverse of [`field_element`]: `None`
/// if it encodes no `i64` (neither below `2^63` nor within `2^63` below `p`).
pub fn quantized_value(element: &PublicInput) -> Option<QuantizedValue> {
	if element[8..].iter().all(|&b| b == 0) {
		let mut low = [0u8; 8];
		low.copy_from_slice(&element[..8]);
		return i64::try_from(u64::from_le_bytes(low)).ok();
	}
	// A negative value is p − |x|: |x| = p − element, below 2^63 + 1 and with no borrow.
	let (magnitude, borrow) = modulus_minus(element);
	if borrow || magnitude[8..].iter().any(|&b| b != 0) {
		return None;
	}
	let mut low = [0u8; 8];
	low.copy_from_slice(&magnitude[..8]);
	let magnitude = u64::from_le_bytes(low);
	if magnitude == 0 || magnitude > 1 << 63 {
		return None;
	}
	Some((magnitude as i64).wrapping_neg())
}

/// `p − x` by schoolbook subtraction, little-endian, and whether it borrowed (`x > p`).
fn modulus_minus(x: &[u8; 32]) -> ([u8; 32], bool) {
	let mut out = [0u8; 32];
	let mut borrow = 0u16;
	for (i, byte) in out.iter_mut().enumerate() {
		let subtrahend = u16::from(x[i]) + borrow;
		let minuend = u16::from(MODULUS_LE[i]);
		if minuend >= subtrahend {
			*byte = (minuend - subtrahend) as u8;
			borrow = 0;
		} else {
			*byte = (minuend + 256 - subtrahend) as u8;
			borrow = 1;
		}
	}
	(out, borrow != 0)
}

/// The public inputs of the proof that `output` is the model's output on `input` for the job
/// whose binding is `binding`: `[binding, input…, output…]`.
pub fn inference_public_inputs(
	binding: PublicInput,
	input: &[QuantizedValue],
	output: &[QuantizedValue],
) -> Vec<PublicInput> {
	let mut inputs = Vec::with_capacity(1 + input.len() + output.len());
	inputs.push(binding);
	inputs.extend(input.iter().chain(output).map(|&v| field_element(v)));
	inputs
}

#[cfg(test)]
mod tests {
	use super::*;

	fn is_canonical(x: &PublicInput) -> bool {
		// Compare as big-endian numbers.
		x.iter().rev().cmp(MODULUS_LE.iter().rev()) == core::cmp::Ordering::Less
	}

	#[test]
	fn non_negative_values_are_their_little_endian_bytes() {
		assert_eq!(field_element(0), [0u8; 32]);
		let mut five = [0u8; 32];
		five[0] = 5;
		assert_eq!(field_element(5), five);
		let mut max = [0u8; 32];
		max[..8].copy_from_slice(&i64::MAX.to_le_bytes());
		assert_eq!(field_element(i64::MAX), max);
	}

	#[test]
	fn negative_values_are_the_modulus_minus_their_magnitude() {
		let mut minus_one = MODULUS_LE;
		minus_one[0] = 0x00;
		assert_eq!(field_element(-1), minus_one);
		// -2^8: the subtraction borrows through the low byte.
		let mut expected = MODULUS_LE;
		expected[0] = 0x01;
		expected[1] = 0xff;
		expected[2] = 0xff;
		expected[3] = 0xef;
		assert_eq!(field_element(-256), expected);
		for v in [-1, -2, -256, -65_537, i64::MIN, i64::MIN + 1] {
			let x = field_element(v);
			assert!(is_canonical(&x), "{v}");
			// x + |v| = p.
			let mut carry = 0u16;
			let magnitude = v.unsigned_abs().to_le_bytes();
			let mut sum = [0u8; 32];
			for i in 0..32 {
				let s = u16::from(x[i]) + u16::from(magnitude.get(i).copied().unwrap_or(0)) + carry;
				sum[i] = s as u8;
				carry = s >> 8;
			}
			assert_eq!(sum, MODULUS_LE, "{v}");
		}
	}

	#[test]
	fn quantized_values_round_trip_and_nothing_else_decodes() {
		for v in [0, 1, -1, 255, -256, 1 << 40, -(1 << 40), i64::MAX, i64::MIN, i64::MIN + 1] {
			assert_eq!(quantized_value(&field_element(v)), Some(v), "{v}");
		}
		assert_eq!(quantized_value(&MODULUS_LE), None, "p itself is not canonical");
		assert_eq!(quantized_value(&[0xff; 32]), None);
		let mut middle = [0u8; 32];
		middle[16] = 1;
		assert_eq!(quantized_value(&middle), None);
		let mut big = [0u8; 32];
		big[7] = 0x80;
		assert_eq!(quantized_value(&big), None, "2^63 is not an i64");
	}

	#[test]
	fn job_bindings_are_canonical_and_separate_jobs_and_nodes() {
		let alice = [1u8; 32];
		let bob = [2u8; 32];
		let a0 = job_binding(0, &alice);
		assert_eq!(a0[31], 0);
		assert!(is_canonical(&a0));
		assert_ne!(a0, job_binding(1, &alice));
		assert_ne!(a0, job_binding(0, &bob));
		assert_eq!(a0, job_binding(0, &alice));
		let mut preimage = JOB_BINDING_DOMAIN.to_vec();
		preimage.extend_from_slice(&0u64.to_le_bytes());
		preimage.extend_from_slice(&alice);
		let mut expected = sp_io::hashing::blake2_256(&preimage);
		expected[31] = 0;
		assert_eq!(a0, expected);
	}

	#[test]
	fn public_inputs_are_binding_then_input_then_output() {
		let binding = [9u8; 32];
		let inputs = inference_public_inputs(binding, &[1, 2], &[-3]);
		assert_eq!(inputs, vec![binding, field_element(1), field_element(2), field_element(-3)]);
	}
}
