//! The scalar field of BN254 as the circuit's witnesses use it.
//!
//! Signed integers map into the field as `x` for `x >= 0` and `p - |x|` for `x < 0`, the map
//! `zkinfer_statement::field_element` defines for public inputs (a test holds the two equal).
//! Public inputs travel as 32-byte little-endian canonical encodings: a value `>= p` is
//! rejected, never reduced.

pub use halo2_proofs::halo2curves::bn256::Fr;
use halo2_proofs::halo2curves::ff::PrimeField;

/// The field element of a signed integer (`p - |x|` for negatives).
pub fn fr_from_i64(x: i64) -> Fr {
	if x >= 0 {
		Fr::from(x as u64)
	} else {
		-Fr::from(x.unsigned_abs())
	}
}

/// The signed integer a field element encodes, if it lies in `[-2^63, 2^63)`.
pub fn i64_from_fr(x: &Fr) -> Option<i64> {
	let small = |f: &Fr| -> Option<u64> {
		let repr = f.to_repr();
		let bytes = repr.as_ref();
		if bytes[8..].iter().any(|&b| b != 0) {
			return None;
		}
		Some(u64::from_le_bytes(bytes[..8].try_into().ok()?))
	};
	if let Some(v) = small(x) {
		return i64::try_from(v).ok();
	}
	let v = small(&-*x)?;
	0i64.checked_sub_unsigned(v)
}

/// The canonical 32-byte little-endian encoding of a field element.
pub fn fr_to_bytes(x: &Fr) -> [u8; 32] {
	let mut out = [0u8; 32];
	out.copy_from_slice(x.to_repr().as_ref());
	out
}

/// Decodes a canonical 32-byte little-endian field element; `None` if it is `>= p`.
pub fn fr_from_bytes(bytes: &[u8; 32]) -> Option<Fr> {
	let mut repr = <Fr as PrimeField>::Repr::default();
	repr.as_mut().copy_from_slice(bytes);
	Option::from(Fr::from_repr(repr))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn signed_values_round_trip() {
		for x in [0i64, 1, -1, 127, -128, i64::MAX, i64::MIN + 1, i64::MIN] {
			assert_eq!(i64_from_fr(&fr_from_i64(x)), Some(x), "{x}");
			// The witness map agrees with the statement's encoding of the same value.
			assert_eq!(fr_from_bytes(&zkinfer_statement::field_element(x)), Some(fr_from_i64(x)));
		}
		assert_eq!(i64_from_fr(&Fr::from(u64::MAX)), None);
	}

	#[test]
	fn non_canonical_encodings_are_rejected() {
		// p, little-endian.
		let mut p = fr_to_bytes(&-Fr::one());
		p[0] += 1;
		assert_eq!(fr_from_bytes(&p), None);
		assert_eq!(fr_from_bytes(&[0xff; 32]), None);
	}
}
