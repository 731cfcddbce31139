//! The header in front of every halo2 model verifying key.
//!
//! | bytes | content |
//! |---|---|
//! | 0 | circuit layout version (the circuit crate's `LAYOUT_VERSION`) |
//! | 1 | `k`: the circuit has `2^k` rows |
//! | 2 | dot-product width, which sets the circuit's columns |
//! | 3..7 | public input count (u32 LE): job binding + inputs + outputs |
//! | 7.. | the halo2 verifying key |
//!
//! A verifier reads the header before anything else of a key, so it can refuse a key that is
//! too large for the chain ([`crate::limits`]) without decoding it.

/// The length of the header before the halo2 verifying key.
pub const KEY_HEADER_BYTES: usize = 7;

/// What a halo2 model key's header declares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyHeader {
	/// The circuit layout version.
	pub layout: u8,
	/// `log2` of the circuit's rows.
	pub k: u8,
	/// The dot-product width.
	pub width: u8,
	/// The number of public inputs a proof takes.
	pub public_inputs: u32,
}

/// Why a key's header does not read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeaderError {
	/// The key is shorter than its header.
	Truncated,
}

impl KeyHeader {
	/// Reads the header of `key`; returns it and the halo2 key's bytes after it.
	pub fn read(key: &[u8]) -> Result<(Self, &[u8]), HeaderError> {
		let (header, rest) =
			key.split_first_chunk::<KEY_HEADER_BYTES>().ok_or(HeaderError::Truncated)?;
		let [layout, k, width, a, b, c, d] = *header;
		Ok((Self { layout, k, width, public_inputs: u32::from_le_bytes([a, b, c, d]) }, rest))
	}

	/// The layout version and `k` of a key: its first two bytes, which even a key too short for a
	/// whole header names (a verifier refuses a circuit too large for the chain by them before
	/// reading anything else).
	pub fn layout_and_k(key: &[u8]) -> Option<(u8, u8)> {
		match *key {
			[layout, k, ..] => Some((layout, k)),
			_ => None,
		}
	}

	/// The header's bytes.
	pub fn to_bytes(&self) -> [u8; KEY_HEADER_BYTES] {
		let [a, b, c, d] = self.public_inputs.to_le_bytes();
		[self.layout, self.k, self.width, a, b, c, d]
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn headers_round_trip_and_short_keys_are_refused() {
		let header = KeyHeader { layout: 2, k: 13, width: 8, public_inputs: 0x0102_0304 };
		let mut key = header.to_bytes().to_vec();
		assert_eq!(key, [2, 13, 8, 4, 3, 2, 1]);
		key.extend_from_slice(&[9, 9]);
		assert_eq!(KeyHeader::read(&key), Ok((header, &[9u8, 9][..])));
		assert_eq!(KeyHeader::read(&key[..6]), Err(HeaderError::Truncated));
		assert_eq!(KeyHeader::read(&[]), Err(HeaderError::Truncated));
		assert_eq!(KeyHeader::layout_and_k(&key[..2]), Some((2, 13)));
		assert_eq!(KeyHeader::layout_and_k(&key[..1]), None);
	}
}
