//! Add, Sub and Mul of two tensors (numpy broadcasting).
//!
//! Both operands are at the activation scale. Add and Sub stay there (one dot row each);
//! Mul's product is at twice the scale and is rescaled by `act_bits` through the shared table,
//! saturating at the lookup domain's edges.

use serde::{Deserialize, Serialize};

use super::{
	broadcast_shapes, broadcast_source, input, Arity, OpError, Operator, Provable, Quantize,
};
use crate::{
	chip::{LayoutCtx, TableFunction, TableKind, Wire},
	quant::{rescale, Overflow, Quant},
	tensor::{unflatten, Tensor},
};
use halo2_proofs::plonk::Error as SynthesisError;

/// Which elementwise operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BinaryKind {
	/// `a + b`.
	Add,
	/// `a - b`.
	Sub,
	/// `a · b`, rescaled.
	Mul,
}

impl BinaryKind {
	/// The operator's name.
	pub fn name(&self) -> &'static str {
		match self {
			Self::Add => "Add",
			Self::Sub => "Sub",
			Self::Mul => "Mul",
		}
	}
}

/// An elementwise operation on two tensors.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Binary {
	/// The operation.
	pub kind: BinaryKind,
}

/// A broadcast's output shape and the operand pairs of its elements, in order.
type Broadcast<'t, T> = (Vec<usize>, Vec<(&'t T, &'t T)>);

impl Binary {
	/// The broadcast output shape.
	pub fn output_shape(&self, a: &[usize], b: &[usize]) -> Result<Vec<usize>, OpError> {
		broadcast_shapes(a, b)
	}

	fn pairs<'t, T>(
		&self,
		a: &'t Tensor<T>,
		b: &'t Tensor<T>,
	) -> Result<Broadcast<'t, T>, OpError> {
		let shape = self.output_shape(a.shape(), b.shape())?;
		let count = crate::tensor::element_count(&shape).ok_or(OpError::Overflow)?;
		let pairs = (0..count)
			.map(|flat| {
				let index = unflatten(&shape, flat);
				(
					&a.data()[broadcast_source(a.shape(), &index)],
					&b.data()[broadcast_source(b.shape(), &index)],
				)
			})
			.collect();
		Ok((shape, pairs))
	}

	/// Integer inference (a product saturated, or refused, beyond the domain as `overflow`
	/// says).
	pub fn eval(
		&self,
		a: &Tensor<i64>,
		b: &Tensor<i64>,
		q: &Quant,
		overflow: Overflow,
	) -> Result<Tensor<i64>, OpError> {
		let (shape, pairs) = self.pairs(a, b)?;
		let values = pairs
			.into_iter()
			.map(|(&x, &y)| match self.kind {
				BinaryKind::Add => x.checked_add(y).ok_or(OpError::Overflow),
				BinaryKind::Sub => x.checked_sub(y).ok_or(OpError::Overflow),
				BinaryKind::Mul => {
					let (value, _) =
						rescale(x.checked_mul(y).ok_or(OpError::Overflow)?, q.act_bits)
							.ok_or(OpError::Overflow)?;
					q.fit(value, overflow).ok_or(OpError::OutOfDomain { value })
				},
			})
			.collect::<Result<Vec<_>, _>>()?;
		Tensor::new(shape, values).ok_or(OpError::Shape("output size".into()))
	}

	/// Circuit layout: a dot row `a ± b`, or a product row and a rescale block.
	pub fn layout(
		&self,
		a: &Tensor<Wire>,
		b: &Tensor<Wire>,
		ctx: &mut LayoutCtx<'_, '_>,
	) -> Result<Tensor<Wire>, SynthesisError> {
		let (shape, pairs) = self.pairs(a, b).map_err(|e| ctx.refuse(e))?;
		let shift = ctx.quant().act_bits;
		let values = pairs
			.into_iter()
			.map(|(x, y)| match self.kind {
				BinaryKind::Add => ctx.dot(&[(x.clone(), 1), (y.clone(), 1)], 0),
				BinaryKind::Sub => ctx.dot(&[(x.clone(), 1), (y.clone(), -1)], 0),
				BinaryKind::Mul => {
					let product = ctx.mul(x, y)?;
					ctx.rescale(&product, shift, TableFunction::IDENTITY)
				},
			})
			.collect::<Result<Vec<_>, _>>()?;
		Tensor::new(shape, values)
			.ok_or_else(|| ctx.refuse("the outputs do not fill the output shape"))
	}
}

impl<W> Operator<W> for Binary {
	fn name(&self) -> &'static str {
		self.kind.name()
	}
	fn arity(&self) -> Arity {
		Arity::Exactly(2)
	}
	fn infer_shape(&self, inputs: &[&[usize]]) -> Result<Vec<usize>, OpError> {
		self.output_shape(input(inputs, 0)?, input(inputs, 1)?)
	}
}

impl Quantize for Binary {
	type Quantized = Self;
	fn quantize(&self, _: &Quant) -> Self {
		self.clone()
	}
}

impl Provable for Binary {
	fn eval(
		&self,
		inputs: &[&Tensor<i64>],
		q: &Quant,
		overflow: Overflow,
	) -> Result<Tensor<i64>, OpError> {
		Binary::eval(self, input(inputs, 0)?, input(inputs, 1)?, q, overflow)
	}
	fn layout(
		&self,
		inputs: &[&Tensor<Wire>],
		ctx: &mut LayoutCtx<'_, '_>,
	) -> Result<Tensor<Wire>, SynthesisError> {
		let (a, b) = (
			input(inputs, 0).map_err(|e| ctx.refuse(e))?,
			input(inputs, 1).map_err(|e| ctx.refuse(e))?,
		);
		Binary::layout(self, a, b, ctx)
	}
	/// A product is rescaled by `act_bits`, which reads that range table.
	fn tables(&self, q: &Quant, tables: &mut Vec<TableKind>) {
		if self.kind == BinaryKind::Mul {
			tables.push(TableKind::Range(q.act_bits));
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn broadcasting_and_rescaled_products() {
		let q = Quant { act_bits: 4, weight_bits: 4, domain_bits: 12 };
		let a = Tensor::new(vec![2, 2], vec![16, 32, 48, -16]).unwrap();
		let b = Tensor::new(vec![2], vec![8, 16]).unwrap(); // 0.5, 1
		let mul = Binary { kind: BinaryKind::Mul }.eval(&a, &b, &q, Overflow::Refuse).unwrap();
		assert_eq!(mul.data(), &[8, 32, 24, -16]);
		let sub = Binary { kind: BinaryKind::Sub }.eval(&a, &b, &q, Overflow::Refuse).unwrap();
		assert_eq!(sub.data(), &[8, 16, 40, -32]);
		assert!(Binary { kind: BinaryKind::Add }.output_shape(&[2, 3], &[2]).is_err());
	}
}
