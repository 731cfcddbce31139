//! Operators that only move elements: Reshape (and Flatten), Transpose, Pad, Slice, Concat,
//! and constants.
//!
//! Apart from constants, none of them costs a circuit row: they rearrange wires, and later
//! copy constraints follow the rearrangement. They are generic over the element type so the
//! integer inference and the layout run the same code.

use serde::{Deserialize, Serialize};

use super::{input, Arity, OpError, Operator, Provable, Quantize};
use crate::{
	chip::{LayoutCtx, Wire},
	quant::{Overflow, Quant},
	tensor::{element_count, unflatten, Tensor},
};
use halo2_proofs::plonk::Error as SynthesisError;

/// The same elements under a new shape (ONNX Reshape, Flatten, Squeeze, Unsqueeze).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reshape {
	/// The new shape.
	pub shape: Vec<usize>,
}

impl Reshape {
	/// The output shape; the element count must not change.
	pub fn output_shape(&self, input_shape: &[usize]) -> Result<Vec<usize>, OpError> {
		if element_count(input_shape) != element_count(&self.shape) {
			return Err(OpError::Shape(format!(
				"cannot reshape {input_shape:?} to {:?}",
				self.shape
			)));
		}
		Ok(self.shape.clone())
	}

	/// Applies the reshape.
	pub fn apply<T: Clone>(&self, x: &Tensor<T>) -> Result<Tensor<T>, OpError> {
		self.output_shape(x.shape())?;
		x.clone().reshaped(self.shape.clone()).ok_or(OpError::Shape("reshape".into()))
	}
}

/// A static permutation of axes: output axis `i` is input axis `perm[i]`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transpose {
	/// The permutation.
	pub perm: Vec<usize>,
}

impl Transpose {
	/// The output shape; `perm` must be a permutation of the input's axes.
	pub fn output_shape(&self, input_shape: &[usize]) -> Result<Vec<usize>, OpError> {
		let mut seen = vec![false; input_shape.len()];
		for &axis in &self.perm {
			match seen.get_mut(axis) {
				Some(s) if !*s => *s = true,
				_ => {
					return Err(OpError::Shape(format!(
						"{:?} is not a permutation of {} axes",
						self.perm,
						input_shape.len()
					)))
				},
			}
		}
		if self.perm.len() != input_shape.len() {
			return Err(OpError::Shape(format!(
				"{:?} is not a permutation of {} axes",
				self.perm,
				input_shape.len()
			)));
		}
		Ok(self.perm.iter().map(|&a| input_shape[a]).collect())
	}

	/// Applies the permutation.
	pub fn apply<T: Clone>(&self, x: &Tensor<T>) -> Result<Tensor<T>, OpError> {
		let shape = self.output_shape(x.shape())?;
		let mut source = vec![0; shape.len()];
		Tensor::try_from_fn(shape.clone(), OpError::Overflow, |flat| {
			let index = unflatten(&shape, flat);
			for (out_axis, &in_axis) in self.perm.iter().enumerate() {
				source[in_axis] = index[out_axis];
			}
			x.get(&source).cloned().ok_or_else(|| {
				OpError::Shape(format!("transpose reads {source:?} of {:?}", x.shape()))
			})
		})
	}
}

/// Constant padding: `pads[axis] = (before, after)`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pad<W> {
	/// Elements added before and after each axis.
	pub pads: Vec<(usize, usize)>,
	/// The fill value (at the activation scale).
	pub value: W,
}

impl<W> Pad<W> {
	/// The padded shape.
	pub fn output_shape(&self, input_shape: &[usize]) -> Result<Vec<usize>, OpError> {
		if self.pads.len() != input_shape.len() {
			return Err(OpError::Shape(format!(
				"{} pads for {} axes",
				self.pads.len(),
				input_shape.len()
			)));
		}
		input_shape
			.iter()
			.zip(&self.pads)
			.map(|(&d, &(b, a))| d.checked_add(b)?.checked_add(a))
			.collect::<Option<_>>()
			.ok_or(OpError::Overflow)
	}

	/// Pads `x` with `fill`.
	pub fn apply<T: Clone>(&self, x: &Tensor<T>, fill: T) -> Result<Tensor<T>, OpError> {
		let shape = self.output_shape(x.shape())?;
		Tensor::from_fn(shape.clone(), |flat| {
			let index = unflatten(&shape, flat);
			let source: Option<Vec<usize>> = index
				.iter()
				.zip(&self.pads)
				.map(|(&i, &(before, _))| i.checked_sub(before))
				.collect();
			source.and_then(|s| x.get(&s).cloned()).unwrap_or_else(|| fill.clone())
		})
		.ok_or(OpError::Overflow)
	}
}

/// Quantizes the fill value at the activation scale.
impl Quantize for Pad<f64> {
	type Quantized = Pad<i64>;
	fn quantize(&self, q: &Quant) -> Pad<i64> {
		Pad { pads: self.pads.clone(), value: q.quantize_act(self.value) }
	}
}

impl<W: Copy> Operator<W> for Pad<W> {
	fn name(&self) -> &'static str {
		"Pad"
	}
	fn arity(&self) -> Arity {
		Arity::Exactly(1)
	}
	fn infer_shape(&self, inputs: &[&[usize]]) -> Result<Vec<usize>, OpError> {
		self.output_shape(input(inputs, 0)?)
	}
}

/// The fill is one constant cell; the rest is wiring.
impl Provable for Pad<i64> {
	fn eval(
		&self,
		inputs: &[&Tensor<i64>],
		_: &Quant,
		_: Overflow,
	) -> Result<Tensor<i64>, OpError> {
		self.apply(input(inputs, 0)?, self.value)
	}
	fn layout(
		&self,
		inputs: &[&Tensor<Wire>],
		ctx: &mut LayoutCtx<'_, '_>,
	) -> Result<Tensor<Wire>, SynthesisError> {
		let x = input(inputs, 0).map_err(|e| ctx.refuse(e))?;
		let fill = ctx.constant(self.value)?;
		self.apply(x, fill).map_err(|e| ctx.refuse(e))
	}
}

/// The range `start..end` along one axis.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slice {
	/// The axis.
	pub axis: usize,
	/// First index kept.
	pub start: usize,
	/// One past the last index kept.
	pub end: usize,
}

impl Slice {
	/// The sliced shape.
	pub fn output_shape(&self, input_shape: &[usize]) -> Result<Vec<usize>, OpError> {
		match input_shape.get(self.axis) {
			Some(&d) if self.start < self.end && self.end <= d => {
				let mut shape = input_shape.to_vec();
				shape[self.axis] = self.end - self.start;
				Ok(shape)
			},
			_ => Err(OpError::Shape(format!(
				"slice {}..{} of axis {} of {input_shape:?}",
				self.start, self.end, self.axis
			))),
		}
	}

	/// Applies the slice.
	pub fn apply<T: Clone>(&self, x: &Tensor<T>) -> Result<Tensor<T>, OpError> {
		let shape = self.output_shape(x.shape())?;
		Tensor::try_from_fn(shape.clone(), OpError::Overflow, |flat| {
			let mut index = unflatten(&shape, flat);
			index[self.axis] += self.start;
			x.get(&index)
				.cloned()
				.ok_or_else(|| OpError::Shape(format!("slice reads {index:?} of {:?}", x.shape())))
		})
	}
}

/// Concatenation along one axis.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Concat {
	/// The axis.
	pub axis: usize,
}

impl Concat {
	/// The concatenated shape; all other axes must agree.
	pub fn output_shape(&self, inputs: &[&[usize]]) -> Result<Vec<usize>, OpError> {
		let first = inputs.first().ok_or(OpError::Arity { expected: 1, got: 0 })?;
		if self.axis >= first.len() {
			return Err(OpError::Shape(format!(
				"concat axis {} of rank {}",
				self.axis,
				first.len()
			)));
		}
		let mut shape = first.to_vec();
		shape[self.axis] = 0;
		for input in inputs {
			let same_rest = input.len() == first.len()
				&& input
					.iter()
					.zip(first.iter())
					.enumerate()
					.all(|(a, (x, y))| a == self.axis || x == y);
			if !same_rest {
				return Err(OpError::Shape(format!(
					"cannot concatenate {first:?} and {input:?} along axis {}",
					self.axis
				)));
			}
			shape[self.axis] += input[self.axis];
		}
		Ok(shape)
	}

	/// Applies the concatenation.
	pub fn apply<T: Clone>(&self, inputs: &[&Tensor<T>]) -> Result<Tensor<T>, OpError> {
		let shapes: Vec<&[usize]> = inputs.iter().map(|t| t.shape()).collect();
		let shape = self.output_shape(&shapes)?;
		let past_the_inputs = || OpError::Shape("concatenation reads past its inputs".into());
		Tensor::try_from_fn(shape.clone(), OpError::Overflow, |flat| {
			let mut index = unflatten(&shape, flat);
			let mut remaining = inputs.iter();
			let source = loop {
				let source = remaining.next().ok_or_else(past_the_inputs)?;
				let size = *source.shape().get(self.axis).ok_or_else(past_the_inputs)?;
				match index.get_mut(self.axis) {
					Some(position) if *position >= size => *position -= size,
					Some(_) => break source,
					None => return Err(past_the_inputs()),
				}
			};
			source.get(&index).cloned().ok_or_else(|| {
				OpError::Shape(format!("concatenation reads {index:?} of {:?}", source.shape()))
			})
		})
	}
}

/// A constant tensor at the activation scale (an ONNX Constant or an initializer used as data).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Const<W> {
	/// The value.
	pub value: Tensor<W>,
}

/// Quantizes the value at the activation scale.
/// A constant saturates at the lookup domain's edges like every computed value (an attention
/// mask's `-inf` or `-1e9` becomes the domain's minimum), so no operator reading it overflows.
impl Quantize for Const<f64> {
	type Quantized = Const<i64>;
	fn quantize(&self, q: &Quant) -> Const<i64> {
		Const { value: self.value.map(|&v| q.clamp(q.quantize_act(v))) }
	}
}

impl<W: Copy> Operator<W> for Const<W> {
	fn name(&self) -> &'static str {
		"Const"
	}
	fn arity(&self) -> Arity {
		Arity::Exactly(0)
	}
	fn infer_shape(&self, _: &[&[usize]]) -> Result<Vec<usize>, OpError> {
		Ok(self.value.shape().to_vec())
	}
}

/// One constant cell per element.
impl Provable for Const<i64> {
	fn eval(&self, _: &[&Tensor<i64>], _: &Quant, _: Overflow) -> Result<Tensor<i64>, OpError> {
		Ok(self.value.clone())
	}
	fn layout(
		&self,
		_: &[&Tensor<Wire>],
		ctx: &mut LayoutCtx<'_, '_>,
	) -> Result<Tensor<Wire>, SynthesisError> {
		self.value.try_map(|&v| ctx.constant(v))
	}
}

/// [`Operator`], [`Quantize`] and [`Provable`] for an operator that only moves elements of its
/// `arity` inputs (`$inputs` binds them for `$apply`): no weights, no rows, no tables.
macro_rules! wiring_operator {
	($ty:ident, $name:literal, $arity:expr, |$op:ident, $inputs:ident| $shape:expr, $apply:expr) => {
		impl<W> Operator<W> for $ty {
			fn name(&self) -> &'static str {
				$name
			}
			fn arity(&self) -> Arity {
				$arity
			}
			fn infer_shape(&self, $inputs: &[&[usize]]) -> Result<Vec<usize>, OpError> {
				let $op = self;
				$shape
			}
		}

		impl Quantize for $ty {
			type Quantized = Self;
			fn quantize(&self, _: &Quant) -> Self {
				self.clone()
			}
		}

		impl Provable for $ty {
			fn eval(
				&self,
				$inputs: &[&Tensor<i64>],
				_: &Quant,
				_: Overflow,
			) -> Result<Tensor<i64>, OpError> {
				let $op = self;
				$apply
			}
			fn layout(
				&self,
				$inputs: &[&Tensor<Wire>],
				ctx: &mut LayoutCtx<'_, '_>,
			) -> Result<Tensor<Wire>, SynthesisError> {
				let $op = self;
				let moved = || -> Result<Tensor<Wire>, OpError> { $apply };
				moved().map_err(|e| ctx.refuse(e))
			}
		}
	};
}

wiring_operator!(
	Reshape,
	"Reshape",
	Arity::Exactly(1),
	|op, inputs| op.output_shape(input(inputs, 0)?),
	op.apply(input(inputs, 0)?)
);
wiring_operator!(
	Transpose,
	"Transpose",
	Arity::Exactly(1),
	|op, inputs| op.output_shape(input(inputs, 0)?),
	op.apply(input(inputs, 0)?)
);
wiring_operator!(
	Slice,
	"Slice",
	Arity::Exactly(1),
	|op, inputs| op.output_shape(input(inputs, 0)?),
	op.apply(input(inputs, 0)?)
);
wiring_operator!(
	Concat,
	"Concat",
	Arity::AtLeastOne,
	|op, inputs| op.output_shape(inputs),
	op.apply(inputs)
);

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn wiring_operators_move_elements() {
		let x = Tensor::from_fn(vec![2, 3], |i| i as i64).unwrap();
		let t = Transpose { perm: vec![1, 0] }.apply(&x).unwrap();
		assert_eq!((t.shape(), t.data()), (&[3, 2][..], &[0, 3, 1, 4, 2, 5][..]));
		let p = Pad { pads: vec![(0, 0), (1, 0)], value: 0 }.apply(&x, -1).unwrap();
		assert_eq!(p.data(), &[-1, 0, 1, 2, -1, 3, 4, 5]);
		let s = Slice { axis: 1, start: 1, end: 3 }.apply(&x).unwrap();
		assert_eq!(s.data(), &[1, 2, 4, 5]);
		assert!(Concat { axis: 0 }.apply(&[&x, &s]).is_err());
		let c = Concat { axis: 1 }.apply(&[&x, &s]).unwrap();
		assert_eq!(c.data(), &[0, 1, 2, 1, 2, 3, 4, 5, 4, 5]);
		assert!(Reshape { shape: vec![4] }.apply(&x).is_err());
		assert!(Transpose { perm: vec![0, 0] }.apply(&x).is_err());
	}
}
