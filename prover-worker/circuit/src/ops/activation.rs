//! Elementwise non-linearities: Relu, LeakyRelu, Sigmoid, Tanh (and Identity), and any
//! [`UnaryFunction`] of one value (Exp, Log, Sqrt, Erf, Gelu, Elu, Clip, …), each a table.
//!
//! An activation is read from the shared lookup table: after a linear operator's rescale it is
//! fused into the rescale's lookup (one table read for rescale and non-linearity, as in Kang
//! et al.'s ClipAndScale table); on its own ([`ActivationOp`]) it costs one table row per element.

use serde::{Deserialize, Serialize};

use super::{input, Arity, OpError, Operator, Provable, Quantize};
use crate::{
	chip::{LayoutCtx, TableFunction, TableKind, UnaryFunction, Wire},
	quant::{Overflow, Quant},
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
	/// `y = f(x)`, saturated at the lookup domain's edges (see [`UnaryFunction`] for its
	/// values where `f` is undefined).
	Function(UnaryFunction),
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
			Self::Function(f) => Activation::Function(f),
		}
	}
}

impl Activation<i64> {
	/// The lookup table that implements this activation, and whether its output is the
	/// result. Identity reads the Relu table and ignores its output: the read is the range
	/// check.
	pub fn function(&self) -> TableFunction {
		match *self {
			Self::Identity => TableFunction::IDENTITY,
			Self::Relu => TableFunction::applying(TableKind::Relu),
			Self::LeakyRelu { alpha } => TableFunction::applying(TableKind::LeakyRelu(alpha)),
			Self::Sigmoid => TableFunction::applying(TableKind::Sigmoid),
			Self::Tanh => TableFunction::applying(TableKind::Tanh),
			Self::Function(f) => TableFunction::applying(TableKind::Function(f)),
		}
	}

	/// The lookup table that implements this activation.
	pub fn table(&self) -> TableKind {
		self.function().table()
	}

	/// The activation of a quantized value `x` (which must lie in the lookup domain).
	pub fn apply(&self, x: i64, q: &Quant) -> i64 {
		match *self {
			Self::Identity => x,
			other => other.table().apply(x, q),
		}
	}

	/// [`Self::apply`], or, with [`Overflow::Refuse`] (calibration), `OpError::OutOfDomain`
	/// where a [`UnaryFunction`]'s finite value leaves the domain (its table saturates there).
	/// An infinity or NaN is not refused: the table's documented value is the model's there,
	/// and no domain would hold it.
	pub fn apply_or_refuse(&self, x: i64, q: &Quant, overflow: Overflow) -> Result<i64, OpError> {
		let y = self.apply(x, q);
		match (*self, overflow) {
			(Self::Function(f), Overflow::Refuse) if !f.fits(x, q) => {
				Err(OpError::OutOfDomain { value: y })
			},
			_ => Ok(y),
		}
	}
}

/// An activation on its own (not after a linear operator).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActivationOp<W> {
	/// The non-linearity.
	pub activation: Activation<W>,
}

impl Quantize for ActivationOp<f64> {
	type Quantized = ActivationOp<i64>;
	fn quantize(&self, q: &Quant) -> ActivationOp<i64> {
		ActivationOp { activation: self.activation.quantize(q) }
	}
}

impl<W: Copy> Operator<W> for ActivationOp<W> {
	fn name(&self) -> &'static str {
		"Activation"
	}
	fn arity(&self) -> Arity {
		Arity::Exactly(1)
	}
	fn infer_shape(&self, inputs: &[&[usize]]) -> Result<Vec<usize>, OpError> {
		Ok(input(inputs, 0)?.to_vec())
	}
	fn activation(&self) -> Option<&Activation<W>> {
		Some(&self.activation)
	}
}

/// Its table is its activation's (the default [`Provable::tables`]).
impl Provable for ActivationOp<i64> {
	fn eval(
		&self,
		inputs: &[&Tensor<i64>],
		q: &Quant,
		overflow: Overflow,
	) -> Result<Tensor<i64>, OpError> {
		ActivationOp::eval(self, input(inputs, 0)?, q, overflow)
	}
	fn layout(
		&self,
		inputs: &[&Tensor<Wire>],
		ctx: &mut LayoutCtx<'_, '_>,
	) -> Result<Tensor<Wire>, SynthesisError> {
		let x = input(inputs, 0).map_err(|e| ctx.refuse(e))?;
		ActivationOp::layout(self, x, ctx)
	}
}

impl ActivationOp<i64> {
	/// Integer inference: each element saturated to the lookup domain (or refused outside it,
	/// as `overflow` says), then the activation.
	pub fn eval(
		&self,
		x: &Tensor<i64>,
		q: &Quant,
		overflow: Overflow,
	) -> Result<Tensor<i64>, OpError> {
		x.try_map(|&v| {
			let v = q.fit(v, overflow).ok_or(OpError::OutOfDomain { value: v })?;
			self.activation.apply_or_refuse(v, q, overflow)
		})
	}

	/// Circuit layout: one table row per element whose bound lies in the domain, a clamp and
	/// the read otherwise ([`LayoutCtx::clamp_and_read`]).
	pub fn layout(
		&self,
		x: &Tensor<Wire>,
		ctx: &mut LayoutCtx<'_, '_>,
	) -> Result<Tensor<Wire>, SynthesisError> {
		let function = self.activation.function();
		x.try_map(|w| ctx.clamp_and_read(w, function))
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn an_activation_on_its_own_saturates_its_input() {
		let q = Quant { act_bits: 6, weight_bits: 6, domain_bits: 12 };
		let op = ActivationOp { activation: Activation::<i64>::Relu };
		let x = Tensor::new(vec![3], vec![-5000, 100, 5000]).unwrap();
		assert_eq!(op.eval(&x, &q, Overflow::Saturate).unwrap().data(), &[0, 100, 2047]);
		assert_eq!(op.eval(&x, &q, Overflow::Refuse), Err(OpError::OutOfDomain { value: -5000 }));
	}

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
