//! Quantized values as canonical BN254 scalars.
//!
//! Inputs and outputs travel in extrinsics as quantized `i64` values and become public inputs
//! here: `x` for `x ≥ 0`, `p − |x|` for `x < 0`, 32 bytes little-endian. Clients never send
//! field elements, so a non-canonical value cannot reach a verifier from the market.

use crate::PublicInput;

/// The BN254 scalar field's modulus `p`, little-endian.
pub const MODULUS_LE: [u8; 32] = [
	0x01, 0x00, 0x00, 0xf0, 0x93, 0xf5, 0xe1, 0x43, 0x91, 0x70, 0xb9, 0x79, 0x48, 0xe8, 0x33, 0x28,
	0x5d, 0x58, 0x81, 0x81, 0xb6, 0x45, 0x50, 0xb8, 0x29, 0xa0, 0x31, 0xe1, 0x72, 0x4e, 0x64, 0x30,
];

/// A quantized value as a canonical scalar, 32 bytes little-endian: `x` for `x ≥ 0`,
/// `p − |x|` for `x < 0` (never reduced, never ≥ `p`).
pub fn field_element(value: i64) -> PublicInput {
	let mut out = [0u8; 32];
	out[..8].copy_from_slice(&value.unsigned_abs().to_le_bytes());
	// p − |x|: |x| < 2^64 ≪ p, so there is no final borrow.
	if value < 0 {
		modulus_minus(&out).0
	} else {
		out
	}
}

/// The quantized value a canonical scalar encodes, the inverse of [`field_element`]: `None`
/// if it encodes no `i64` (neither below `2^63` nor within `2^63` below `p`).
pub fn quantized_value(element: &PublicInput) -> Option<i64> {
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
}
