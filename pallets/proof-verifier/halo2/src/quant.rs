//! Fixed-point quantization: power-of-two scales and the rescale every product needs.
//!
//! Every activation tensor of a model shares one scale `2^act_bits`; every weight shares
//! `2^weight_bits`, and biases are at `2^(act_bits + weight_bits)`. A product of an activation
//! and a weight is therefore at `2^(act_bits + weight_bits)` and is brought back to
//! `2^act_bits` by [`rescale`], rounding half up. After each rescale (and wherever an
//! activation table is read) the value is brought into the lookup domain
//! `[-2^(domain_bits-1), 2^(domain_bits-1))` by saturation ([`Quant::clamp`]): a value beyond
//! it becomes the domain's nearest edge. The circuit constrains the clamp (and reads the table
//! on the clamped value), and the integer inference does exactly the same, so every input in
//! the model's input domain has a proof. [`Overflow::Refuse`] evaluates without saturating,
//! reporting a value outside the domain instead: calibration uses it to choose a domain the
//! samples never saturate.

use serde::{Deserialize, Serialize};

/// The largest lookup domain supported: `2^20` table rows per activation.
pub const MAX_DOMAIN_BITS: u8 = 20;
/// The largest scale exponent supported for activations and weights.
pub const MAX_SCALE_BITS: u8 = 16;

/// The quantization of one model.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quant {
	/// Activations are fixed point at `2^act_bits`.
	pub act_bits: u8,
	/// Weights are fixed point at `2^weight_bits` (at least 1).
	pub weight_bits: u8,
	/// The lookup domain: rescaled values lie in `[-2^(domain_bits-1), 2^(domain_bits-1))`.
	pub domain_bits: u8,
}

/// What the integer inference does with a value beyond the lookup domain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overflow {
	/// Saturate it to the domain's edge: what the circuit proves.
	Saturate,
	/// Report it (`OpError::OutOfDomain`): for calibration.
	Refuse,
}

/// Why a quantization is unusable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuantError {
	/// `weight_bits` is 0 or a scale exceeds [`MAX_SCALE_BITS`].
	Scale,
	/// `domain_bits` is below 2, above [`MAX_DOMAIN_BITS`], or not above `act_bits`.
	Domain,
}

impl Quant {
	/// Checks the bounds documented on each field.
	pub fn check(&self) -> Result<(), QuantError> {
		if self.weight_bits == 0
			|| self.weight_bits > MAX_SCALE_BITS
			|| self.act_bits > MAX_SCALE_BITS
		{
			return Err(QuantError::Scale);
		}
		if self.domain_bits < 2
			|| self.domain_bits > MAX_DOMAIN_BITS
			|| self.domain_bits <= self.act_bits
		{
			return Err(QuantError::Domain);
		}
		Ok(())
	}

	/// The smallest value of the lookup domain.
	pub fn domain_min(&self) -> i64 {
		-(1i64 << (self.domain_bits - 1))
	}

	/// One past the largest value of the lookup domain.
	pub fn domain_end(&self) -> i64 {
		1i64 << (self.domain_bits - 1)
	}

	/// The largest value of the lookup domain.
	pub fn domain_max(&self) -> i64 {
		self.domain_end() - 1
	}

	/// Whether `x` lies in the lookup domain.
	pub fn in_domain(&self, x: i64) -> bool {
		(self.domain_min()..self.domain_end()).contains(&x)
	}

	/// `x` saturated to the lookup domain: `x` inside it, else the nearest edge.
	pub fn clamp(&self, x: i64) -> i64 {
		x.clamp(self.domain_min(), self.domain_max())
	}

	/// `x` brought into the lookup domain as `overflow` says: saturated, or `None` if it lies
	/// outside and must be refused.
	pub fn fit(&self, x: i64, overflow: Overflow) -> Option<i64> {
		match overflow {
			Overflow::Saturate => Some(self.clamp(x)),
			Overflow::Refuse => self.in_domain(x).then_some(x),
		}
	}

	/// Quantizes an activation value.
	pub fn quantize_act(&self, x: f64) -> i64 {
		quantize(x, self.act_bits)
	}

	/// Quantizes a weight.
	pub fn quantize_weight(&self, x: f64) -> i64 {
		quantize(x, self.weight_bits)
	}

	/// Quantizes a bias, which is added to products at `2^(act_bits + weight_bits)`.
	pub fn quantize_bias(&self, x: f64) -> i64 {
		quantize(x, self.act_bits + self.weight_bits)
	}

	/// The real value of a quantized activation.
	pub fn dequantize(&self, x: i64) -> f64 {
		x as f64 / (1u64 << self.act_bits) as f64
	}
}

/// `round(x * 2^bits)`, saturating at the `i64` range.
pub fn quantize(x: f64, bits: u8) -> i64 {
	let scaled = (x * (1u64 << bits) as f64).round();
	if scaled.is_nan() {
		0
	} else {
		scaled as i64
	}
}

/// Divides by `2^shift`, rounding half up: returns `(q, r)` with
/// `x + 2^(shift-1) = q * 2^shift + r` and `0 <= r < 2^shift` (no offset when `shift == 0`).
///
/// This is exactly what the rescale gate proves; `None` on overflow.
pub fn rescale(x: i64, shift: u8) -> Option<(i64, i64)> {
	let offset = rescale_offset(shift);
	let t = x.checked_add(offset)?;
	let q = t >> shift;
	let r = t - (q << shift);
	Some((q, r))
}

/// The rounding offset added before the division of [`rescale`].
pub fn rescale_offset(shift: u8) -> i64 {
	if shift == 0 {
		0
	} else {
		1i64 << (shift - 1)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn rescale_rounds_half_up_for_both_signs() {
		assert_eq!(rescale(5, 1), Some((3, 0)));
		assert_eq!(rescale(-5, 1), Some((-2, 0)));
		assert_eq!(rescale(-6, 2), Some((-1, 0)));
		assert_eq!(rescale(-7, 2), Some((-2, 3)));
		for x in -300i64..300 {
			let (q, r) = rescale(x, 4).unwrap();
			assert!((0..16).contains(&r));
			assert_eq!(x + 8, q * 16 + r);
			assert_eq!(q, ((x as f64) / 16.0 + 0.5).floor() as i64);
		}
		assert_eq!(rescale(i64::MAX, 3), None);
	}

	#[test]
	fn values_saturate_at_the_domains_edges() {
		let q = Quant { act_bits: 4, weight_bits: 4, domain_bits: 6 };
		assert_eq!((q.domain_min(), q.domain_max()), (-32, 31));
		assert_eq!(
			[q.clamp(-1000), q.clamp(-32), q.clamp(5), q.clamp(31), q.clamp(32)],
			[-32, -32, 5, 31, 31]
		);
		assert_eq!(q.fit(40, Overflow::Saturate), Some(31));
		assert_eq!(q.fit(40, Overflow::Refuse), None);
		assert_eq!(q.fit(-3, Overflow::Refuse), Some(-3));
	}

	#[test]
	fn bounds_are_checked() {
		let q = Quant { act_bits: 7, weight_bits: 7, domain_bits: 14 };
		assert_eq!(q.check(), Ok(()));
		assert_eq!((q.domain_min(), q.domain_end()), (-8192, 8192));
		assert_eq!(Quant { weight_bits: 0, ..q }.check(), Err(QuantError::Scale));
		assert_eq!(Quant { domain_bits: 7, ..q }.check(), Err(QuantError::Domain));
		assert_eq!(Quant { domain_bits: 21, ..q }.check(), Err(QuantError::Domain));
	}
}
