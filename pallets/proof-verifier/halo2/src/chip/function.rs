//! The elementwise real functions a lookup table can tabulate beyond the built-in activations:
//! ONNX's unary operators (`Exp`, `Log`, `Sqrt`, `Erf`, `Gelu`, `Elu`, `Clip`, …).
//!
//! A table of [`UnaryFunction`] `f` holds `(x, q(f(x / 2^a)))` for every `x` of the lookup
//! domain, where `a` is the activation scale's fractional bits and `q` rounds to the same scale
//! and saturates at the domain's edges. Any function of one value costs one table row per
//! element this way, however non-linear it is; its accuracy is that of the input's
//! quantization (the table itself is exact at every domain point).
//!
//! Where the real function is infinite, the table holds the domain's edge on that side
//! (`Log(0)` its minimum, `Reciprocal(0)` and `Rsqrt(0)` its maximum); where it is undefined
//! (NaN: `Log` and `Rsqrt` of negative numbers, `Sqrt(x < 0)`, a negative base to a
//! non-integer power), the table holds 0. ONNX would yield `-inf`, `inf` or NaN there.
//!
//! Parameters (slopes, bounds, exponents) are fixed point with [`PARAM_BITS`] fractional bits,
//! so a table kind is an exact, ordered value; every real function is computed with `libm`,
//! as the module [`super::table`] explains, so every machine tabulates the same key.

use serde::{Deserialize, Serialize};

use crate::quant::{quantize, Quant};

/// Fractional bits of a function's parameters.
pub const PARAM_BITS: u8 = 24;

/// A parameter at [`PARAM_BITS`] fractional bits (`inf` saturates to the `i64` range).
pub fn param(value: f64) -> i64 {
	quantize(value, PARAM_BITS)
}

fn real_param(value: i64) -> f64 {
	value as f64 / (1u64 << PARAM_BITS) as f64
}

/// A function of one real value, tabulated over the lookup domain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum UnaryFunction {
	/// `e^x`.
	Exp,
	/// `ln x`.
	Log,
	/// `√x`.
	Sqrt,
	/// `1 / √x`.
	Rsqrt,
	/// `1 / x`.
	Reciprocal,
	/// `|x|`.
	Abs,
	/// `-x`.
	Neg,
	/// `-1`, `0` or `1`.
	Sign,
	/// `⌊x⌋`.
	Floor,
	/// `⌈x⌉`.
	Ceil,
	/// `x` rounded to the nearest integer, halves to even (ONNX `Round`).
	Round,
	/// The error function.
	Erf,
	/// `x · Φ(x) = x/2 · (1 + erf(x/√2))`.
	Gelu,
	/// Gelu's tanh approximation `x/2 · (1 + tanh(√(2/π) · (x + 0.044715 x³)))`.
	GeluTanh,
	/// `ln(1 + e^x)`.
	Softplus,
	/// `x / (1 + |x|)`.
	Softsign,
	/// `x · max(0, min(1, x/6 + 1/2))`.
	HardSwish,
	/// `x · tanh(softplus(x))`.
	Mish,
	/// `x · sigmoid(x)` (Swish).
	Silu,
	/// `x^exponent` (NaN, hence 0, for a negative base and a non-integer exponent).
	Pow {
		/// The exponent, at [`PARAM_BITS`].
		exponent: i64,
	},
	/// `x` for `x >= 0`, else `alpha · (e^x - 1)`.
	Elu {
		/// At [`PARAM_BITS`].
		alpha: i64,
	},
	/// `max(0, x) + min(0, alpha · (e^(x/alpha) - 1))`.
	Celu {
		/// At [`PARAM_BITS`].
		alpha: i64,
	},
	/// `gamma · x` for `x > 0`, else `gamma · alpha · (e^x - 1)`.
	Selu {
		/// At [`PARAM_BITS`].
		alpha: i64,
		/// At [`PARAM_BITS`].
		gamma: i64,
	},
	/// `max(0, min(1, alpha · x + beta))`.
	HardSigmoid {
		/// At [`PARAM_BITS`].
		alpha: i64,
		/// At [`PARAM_BITS`].
		beta: i64,
	},
	/// `min(max(x, min), max)`; `i64::MIN` and `i64::MAX` stand for no bound.
	Clip {
		/// The lower bound, at [`PARAM_BITS`].
		min: i64,
		/// The upper bound, at [`PARAM_BITS`].
		max: i64,
	},
	/// `1` where `x op threshold` holds, else `0`: ONNX's comparisons and logic, whose
	/// booleans are the values 0 and 1.
	Compare {
		/// The comparison.
		op: Comparison,
		/// The constant compared with, at [`PARAM_BITS`].
		threshold: i64,
	},
}

/// A comparison of a value with a constant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Comparison {
	/// `x < t`.
	Less,
	/// `x <= t`.
	LessOrEqual,
	/// `x > t`.
	Greater,
	/// `x >= t`.
	GreaterOrEqual,
	/// `x == t`.
	Equal,
	/// `x != t`.
	NotEqual,
}

impl Comparison {
	/// Whether `x op t` holds.
	pub fn holds(&self, x: f64, t: f64) -> bool {
		match self {
			Self::Less => x < t,
			Self::LessOrEqual => x <= t,
			Self::Greater => x > t,
			Self::GreaterOrEqual => x >= t,
			Self::Equal => x == t,
			Self::NotEqual => x != t,
		}
	}

	/// The comparison with its operands swapped: `t op x` is `x op.swapped() t`.
	pub fn swapped(&self) -> Self {
		match self {
			Self::Less => Self::Greater,
			Self::LessOrEqual => Self::GreaterOrEqual,
			Self::Greater => Self::Less,
			Self::GreaterOrEqual => Self::LessOrEqual,
			other => *other,
		}
	}
}

impl UnaryFunction {
	/// The real function (NaN or an infinity where it is undefined or unbounded).
	pub fn real(&self, x: f64) -> f64 {
		let sigmoid = |v: f64| 1.0 / (1.0 + libm::exp(-v));
		let softplus = |v: f64| if v > 30.0 { v } else { libm::log1p(libm::exp(v)) };
		match *self {
			Self::Exp => libm::exp(x),
			Self::Log => libm::log(x),
			Self::Sqrt => libm::sqrt(x),
			Self::Rsqrt => 1.0 / libm::sqrt(x),
			Self::Reciprocal => 1.0 / x,
			Self::Abs => libm::fabs(x),
			Self::Neg => -x,
			Self::Sign => {
				if x > 0.0 {
					1.0
				} else if x < 0.0 {
					-1.0
				} else {
					0.0
				}
			},
			Self::Floor => libm::floor(x),
			Self::Ceil => libm::ceil(x),
			Self::Round => libm::rint(x),
			Self::Erf => libm::erf(x),
			Self::Gelu => 0.5 * x * (1.0 + libm::erf(x * core::f64::consts::FRAC_1_SQRT_2)),
			Self::GeluTanh => {
				let c = libm::sqrt(2.0 / core::f64::consts::PI);
				0.5 * x * (1.0 + libm::tanh(c * (x + 0.044715 * x * x * x)))
			},
			Self::Softplus => softplus(x),
			Self::Softsign => x / (1.0 + libm::fabs(x)),
			Self::HardSwish => x * (x / 6.0 + 0.5).clamp(0.0, 1.0),
			Self::Mish => x * libm::tanh(softplus(x)),
			Self::Silu => x * sigmoid(x),
			Self::Pow { exponent } => libm::pow(x, real_param(exponent)),
			Self::Elu { alpha } => {
				if x >= 0.0 {
					x
				} else {
					real_param(alpha) * libm::expm1(x)
				}
			},
			Self::Celu { alpha } => {
				let alpha = real_param(alpha);
				x.max(0.0) + (alpha * libm::expm1(x / alpha)).min(0.0)
			},
			Self::Selu { alpha, gamma } => {
				let (alpha, gamma) = (real_param(alpha), real_param(gamma));
				if x > 0.0 {
					gamma * x
				} else {
					gamma * alpha * libm::expm1(x)
				}
			},
			Self::HardSigmoid { alpha, beta } => {
				(real_param(alpha) * x + real_param(beta)).clamp(0.0, 1.0)
			},
			Self::Compare { op, threshold } => {
				if op.holds(x, real_param(threshold)) {
					1.0
				} else {
					0.0
				}
			},
			Self::Clip { min, max } => {
				let mut y = x;
				if min != i64::MIN {
					y = y.max(real_param(min));
				}
				if max != i64::MAX {
					y = y.min(real_param(max));
				}
				y
			},
		}
	}

	/// Whether the table holds `f(x)` itself for `x` (at the activation scale of `q`): a finite
	/// value that lies in the lookup domain, or an infinity or NaN, whose documented table
	/// value is what the model computes there. `false` where a finite value leaves the domain
	/// and the table saturates it ([`Self::apply`]): calibration then chooses a larger domain.
	pub fn fits(&self, x: i64, q: &Quant) -> bool {
		let y = self.real(q.dequantize(x));
		!y.is_finite() || q.in_domain(quantize(y, q.act_bits))
	}

	/// The table's output for `x`: `f(x)` at the activation scale, saturated at the domain's
	/// edges (an infinity at the edge on its side, NaN 0).
	pub fn apply(&self, x: i64, q: &Quant) -> i64 {
		let y = self.real(q.dequantize(x));
		if y.is_nan() {
			0
		} else {
			q.clamp(quantize(y, q.act_bits))
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	const Q: Quant = Quant { act_bits: 6, weight_bits: 6, domain_bits: 12 };

	#[test]
	fn tables_hold_the_quantized_real_function() {
		assert_eq!(UnaryFunction::Exp.apply(64, &Q), 174); // e * 64 = 173.97
		assert_eq!(UnaryFunction::Log.apply(64, &Q), 0);
		assert_eq!(UnaryFunction::Sqrt.apply(256, &Q), 128); // √4 = 2
		assert_eq!(UnaryFunction::Reciprocal.apply(-128, &Q), -32); // 1/-2
		assert_eq!(UnaryFunction::Round.apply(160, &Q), 128); // 2.5 → 2, half to even
		assert_eq!(UnaryFunction::Round.apply(224, &Q), 256); // 3.5 → 4
		assert_eq!(UnaryFunction::Floor.apply(-1, &Q), -64);
		assert_eq!(UnaryFunction::Ceil.apply(1, &Q), 64);
		assert_eq!(UnaryFunction::Sign.apply(-3, &Q), -64);
		assert_eq!(UnaryFunction::Pow { exponent: param(2.0) }.apply(-96, &Q), 144); // 1.5² = 2.25
		let clip = UnaryFunction::Clip { min: param(-0.5), max: i64::MAX };
		assert_eq!((clip.apply(-64, &Q), clip.apply(100, &Q)), (-32, 100));
		assert_eq!(UnaryFunction::Elu { alpha: param(1.0) }.apply(-64, &Q), -40); // e^-1 - 1
		let less = UnaryFunction::Compare { op: Comparison::Less, threshold: param(0.5) };
		assert_eq!((less.apply(31, &Q), less.apply(32, &Q)), (64, 0)); // 1 and 0
	}

	#[test]
	fn undefined_and_unbounded_values_saturate_as_documented() {
		assert_eq!(UnaryFunction::Log.apply(0, &Q), Q.domain_min());
		assert_eq!(UnaryFunction::Log.apply(-5, &Q), 0); // NaN
		assert_eq!(UnaryFunction::Sqrt.apply(-5, &Q), 0);
		assert_eq!(UnaryFunction::Reciprocal.apply(0, &Q), Q.domain_max());
		assert_eq!(UnaryFunction::Exp.apply(Q.domain_max(), &Q), Q.domain_max());
		assert!(!UnaryFunction::Exp.fits(Q.domain_max(), &Q)); // e^32: finite, saturated
		assert!(UnaryFunction::Exp.fits(0, &Q));
		assert!(UnaryFunction::Log.fits(-5, &Q)); // NaN: the table's 0 is the model's value
		assert!(UnaryFunction::Log.fits(0, &Q)); // -inf: the domain's minimum
	}
}
