//! Elementwise non-linearities: Relu, LeakyRelu, Sigmoid, Tanh (and Identity).
//!
//! An activation is read from the shared lookup table: after a linear operator's rescale it is
//! fused into the rescale's lookup (one table read for rescale and non-linearity, as in Kang
//! et al.'s ClipAndScale table); on its own ([`ActivationOp`]) it costs one table row per element.

use serde::{Deserialize, Serialize};

use super::OpError;
use crate::{
	chip::{LayoutCtx, TableKind, Wire},
	quant::{quantize, rescale, Quant},
	tensor::Tensor,
};
use halo2_proofs::plonk::Error as SynthesisError;

/// A non-linearity applied to values at the activation scale.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Activation<W> {
	/// `y = x` (the rescale's table read is then only a range check).
	Identity,
	/// `y = max(x, 0)`.
	Relu,
	/// `y = x` for `x >= 0`, else `alpha * x`; `alpha` is a weight (at the weight scale).
	LeakyRelu {
		/// The negative slope.
		alpha: W,
	},
	/// `y = 1 / (1 + e^-x)`.
	Sigmoid,
	/// `y = tanh(x)`.
	Tanh,
}

impl Activation<f64> {
	/// Quantizes the parameters (LeakyRelu's slope at the weight scale).
	pub fn quantize(&self, q: &Quant) -> Activation<i64> {
		match *self {
			Self::Identity => Activation::Identity,
			Self::Relu => Activation::Relu,
			Self::LeakyRelu { alpha } => Activation::LeakyRelu { alpha: q.quantize_weight(alpha) },
			Self::Sigmoid => Activation::Sigmoid,
			Self::Tanh => Activation::Tanh,
		}
	}
}

impl Activation<i64> {
	/// The lookup table that implements this activation. Identity reads the Relu table and
	/// ignores its output: the read is the range check.
	pub fn table(&self) -> TableKind {
		match *self {
			Self::Identity | Self::Relu => TableKind::Relu,
			Self::LeakyRelu { alpha } => TableKind::LeakyRelu(alpha),
			Self::Sigmoid => TableKind::Sigmoid,
			Self::Tanh => TableKind::Tanh,
		}
	}

	/// Whether the output is the table's output (`false` only for Identity, whose output is
	/// the input itself).
	pub fn uses_table_output(&self) -> bool {
		!matches!(self, Self::Identity)
	}

	/// The activation of a quantized value `x` (which must lie in the lookup domain).
	pub fn apply(&self, x: i64, q: &Quant) -> i64 {
		match *self {
			Self::Identity => x,
			other => other.table().apply(x, q),
		}
	}
}

impl TableKind {
	/// The table's output for input `x` at the activation scale of `q`.
	pub fn apply(&self, x: i64, q: &Quant) -> i64 {
		let real = |f: fn(f64) -> f64| quantize(f(q.dequantize(x)), q.act_bits);
		match *self {
			Self::Range(_) => x,
			Self::Relu => x.max(0),
			Self::LeakyRelu(alpha) =>
				if x >= 0 {
					x
				} else {
					// |x| < 2^20 and |alpha| < 2^40 after quantization bounds: no overflow.
					rescale(x.saturating_mul(alpha), q.weight_bits).map_or(0, |(y, _)| y)
				},
			Self::Sigmoid => real(|v| 1.0 / (1.0 + (-v).exp())),
			Self::Tanh => real(f64::tanh),
		}
	}
}

/// An activation on its own (not after a linear operator).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActivationOp<W> {
	/// The non-linearity.
	pub activation: Activation<W>,
}

impl ActivationOp<f64> {
	/// Quantizes the parameters.
	pub fn quantize(&self, q: &Quant) -> ActivationOp<i64> {
		ActivationOp { activation: self.activation.quantize(q) }
	}
}

impl ActivationOp<i64> {
	/// Integer inference: every element must lie in the lookup domain.
	pub fn eval(&self, x: &Tensor<i64>, q: &Quant) -> Result<Tensor<i64>, OpError> {
		x.try_map(|&v| {
			if !q.in_domain(v) {
				return Err(OpError::OutOfDomain { value: v });
			}
			Ok(self.activation.apply(v, q))
		})
	}

	/// Circuit layout: one table row per element.
	pub fn layout(&self, x: &Tensor<Wire>, ctx: &mut LayoutCtx<'_, '_>) -> Result<Tensor<Wire>, SynthesisError> {
		let table = self.activation.table();
		let keep_input = !self.activation.uses_table_output();
		x.try_map(|w| {
			let out = ctx.lookup(w, table)?;
			Ok(if keep_input { w.clone() } else { out })
		})
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn tables_match_their_real_functions() {
		let q = Quant { act_bits: 6, weight_bits: 6, domain_bits: 12 };
		assert_eq!(TableKind::Relu.apply(-5, &q), 0);
		assert_eq!(TableKind::Sigmoid.apply(0, &q), 32);
		assert_eq!(TableKind::Tanh.apply(64, &q), 49); // tanh(1) * 64 = 48.74
		assert_eq!(TableKind::LeakyRelu(8).apply(-64, &q), -8); // alpha 0.125
		assert_eq!(Activation::Identity.apply(-7, &q), -7);
	}
}
