//! Static bounds: the values a circuit wire can take, over every model input in the domain.
//!
//! The layout computes them as it lays the model out — an input lies in the lookup domain, a
//! constant is itself, a dot product spans the sum of its weighted terms' bounds, a rescale or
//! a table read yields the table's output range — and sizes the saturating clamps from them:
//! a rescale whose quotient cannot leave the domain needs no clamp, one that can gets a range
//! check on how far it can overshoot. So the circuit is satisfiable for every input in the
//! domain and costs nothing extra where values cannot leave it. Bounds never depend on the
//! witness, so key generation and proving lay out the same circuit.

use crate::quant::rescale_offset;

/// The largest magnitude a wire may reach: the integer inference computes in `i64`, and the
/// range-checked distances of the clamps must stay far below the field's modulus. A model
/// whose values could exceed it is refused when its circuit is planned.
pub const MAX_MAGNITUDE: i128 = 1 << 62;

/// Every value a wire can take lies in `lo..=hi`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bound {
	/// The smallest.
	pub lo: i128,
	/// The largest.
	pub hi: i128,
}

impl Bound {
	/// `lo..=hi`.
	pub const fn new(lo: i128, hi: i128) -> Self {
		Self { lo, hi }
	}

	/// Exactly `v`.
	pub const fn exact(v: i64) -> Self {
		Self { lo: v as i128, hi: v as i128 }
	}

	/// The values of `w × a`.
	pub fn scale(self, w: i64) -> Self {
		let (a, b) = (self.lo.saturating_mul(w.into()), self.hi.saturating_mul(w.into()));
		Self { lo: a.min(b), hi: a.max(b) }
	}

	/// The values of the rescale's quotient `⌊(a + 2^(s-1)) / 2^s⌋` (monotone in `a`).
	pub fn rescaled(self, shift: u8) -> Self {
		let offset = i128::from(rescale_offset(shift));
		Self {
			lo: self.lo.saturating_add(offset) >> shift,
			hi: self.hi.saturating_add(offset) >> shift,
		}
	}

	/// The values of `max(a, b)`.
	pub fn max(self, other: Self) -> Self {
		Self { lo: self.lo.max(other.lo), hi: self.hi.max(other.hi) }
	}

	/// The largest absolute value.
	pub fn magnitude(self) -> i128 {
		self.lo.saturating_abs().max(self.hi.saturating_abs())
	}

	/// Whether every value lies in `lo..=hi`.
	pub fn within(self, lo: i64, hi: i64) -> bool {
		i128::from(lo) <= self.lo && self.hi <= i128::from(hi)
	}

	/// How far a value can lie outside `lo..=hi` (0 if it cannot).
	pub fn excess(self, lo: i64, hi: i64) -> u128 {
		let above = self.hi.saturating_sub(hi.into()).max(0);
		let below = i128::from(lo).saturating_sub(self.lo).max(0);
		above.max(below) as u128
	}

	/// Whether the integer inference and the circuit can carry these values.
	pub fn is_safe(self) -> bool {
		self.magnitude() <= MAX_MAGNITUDE
	}
}

/// The values of `a + b`.
impl core::ops::Add for Bound {
	type Output = Self;

	fn add(self, other: Self) -> Self {
		Self { lo: self.lo.saturating_add(other.lo), hi: self.hi.saturating_add(other.hi) }
	}
}

/// The values of `a × b`.
impl core::ops::Mul for Bound {
	type Output = Self;

	fn mul(self, other: Self) -> Self {
		let corners = [
			self.lo.saturating_mul(other.lo),
			self.lo.saturating_mul(other.hi),
			self.hi.saturating_mul(other.lo),
			self.hi.saturating_mul(other.hi),
		];
		Self {
			lo: corners.iter().copied().min().unwrap_or(0),
			hi: corners.iter().copied().max().unwrap_or(0),
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn bounds_follow_the_arithmetic() {
		let a = Bound::new(-3, 5);
		assert_eq!(a + Bound::exact(10), Bound::new(7, 15));
		assert_eq!(a.scale(-2), Bound::new(-10, 6));
		assert_eq!(a * Bound::new(-4, 2), Bound::new(-20, 12));
		assert_eq!(Bound::new(-17, 40).rescaled(3), Bound::new(-2, 5));
		assert_eq!(a.max(Bound::new(0, 1)), Bound::new(0, 5));
		assert_eq!(a.magnitude(), 5);
		assert!(a.within(-3, 5) && !a.within(-2, 5));
		assert_eq!(Bound::new(-50, 40).excess(-32, 31), 18);
		assert_eq!(Bound::new(-10, 10).excess(-32, 31), 0);
		assert!(!Bound::new(0, i128::MAX).is_safe());
	}

	#[test]
	fn a_rescaled_bound_contains_every_rescaled_value() {
		let b = Bound::new(-1000, 777);
		let r = b.rescaled(5);
		for x in -1000i64..=777 {
			let (q, _) = crate::quant::rescale(x, 5).unwrap();
			assert!((r.lo..=r.hi).contains(&(q as i128)), "{x}");
		}
	}
}
