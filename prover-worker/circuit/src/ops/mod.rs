//! The operators of the project's typed IR, one file per family.
//!
//! Each operator is a struct with typed fields, generic over its weight type `W`: `f64` as
//! imported from ONNX, `i64` once quantized ([`crate::quant`]). Every family implements, for
//! `W = i64`, `eval` (the integer inference, which is the witness) and `layout` (the circuit),
//! built on the same arithmetic helpers so the two agree bit for bit.
//!
//! | family | operators | circuit cost per output |
//! |---|---|---|
//! | [`linear`] | [`MatMul`] (Gemm, MatMul, Einsum with a constant), [`Conv`], [`SumPool`] (AveragePool, GlobalAveragePool), [`Affine`] (Add/Sub/Mul by a constant, BatchNormalization) | `⌈terms / width⌉` dot rows + 2 rescale rows (the activation rides on the rescale) |
//! | [`binary`] | [`Binary`] Add, Sub, Mul of two tensors | 1 dot row (Add/Sub); 2 + 2 rows (Mul, with rescale) |
//! | [`pool`] | [`MaxPool`] | 3 rows per comparison (more where values may leave the domain: [`crate::chip::LayoutCtx::max`]) |
//! | [`activation`] | [`ActivationOp`] Relu, LeakyRelu, Sigmoid, Tanh on their own | 1 table row (a clamp where values may leave the domain) |
//!
//! Every rescale saturates at the lookup domain's edges, and costs 2 rows where its quotient
//! cannot leave the domain, `2 + n` rows where it can overshoot by up to `e`, with
//! `n = ⌈log2(e + 1) / (domain_bits − 1)⌉` limbs of its range check
//! ([`crate::chip::LayoutCtx::rescale`]).
//! | [`shape`] | [`Reshape`], [`Transpose`], [`Pad`], [`Slice`], [`Concat`], [`Const`] | none: wiring only (constants: 1 row) |

pub mod activation;
pub mod binary;
pub mod linear;
pub mod pool;
pub mod shape;

use serde::{Deserialize, Serialize};

pub use activation::{Activation, ActivationOp};
pub use binary::{Binary, BinaryKind};
pub use linear::{Affine, Conv, MatMul, SumPool};
pub use pool::MaxPool;
pub use shape::{Concat, Const, Pad, Reshape, Slice, Transpose};

use crate::{
	chip::{LayoutCtx, Wire},
	quant::{Overflow, Quant},
	tensor::Tensor,
};
use halo2_proofs::plonk::Error as SynthesisError;

/// Why an operator cannot be built or evaluated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpError {
	/// The operator got the wrong number of inputs.
	Arity {
		/// Inputs expected.
		expected: usize,
		/// Inputs given.
		got: usize,
	},
	/// Input shapes or attributes do not fit the operator.
	Shape(String),
	/// A value that would saturate lies outside the lookup domain (only when evaluating with
	/// [`Overflow::Refuse`], as calibration does): the model needs a larger `domain_bits` (or a
	/// smaller scale) for this input.
	OutOfDomain {
		/// The offending value (at the activation scale).
		value: i64,
	},
	/// Integer arithmetic overflowed `i64`.
	Overflow,
}

impl core::fmt::Display for OpError {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		match self {
			Self::Arity { expected, got } => write!(f, "expected {expected} inputs, got {got}"),
			Self::Shape(message) => write!(f, "{message}"),
			Self::OutOfDomain { value } => write!(f, "value {value} lies outside the lookup domain"),
			Self::Overflow => write!(f, "integer overflow"),
		}
	}
}

/// One operator of the IR.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Op<W> {
	/// A contraction with a constant tensor (Gemm, MatMul, Einsum).
	MatMul(MatMul<W>),
	/// A 2-D convolution.
	Conv(Conv<W>),
	/// A windowed sum or average (AveragePool, GlobalAveragePool, ReduceSum).
	SumPool(SumPool<W>),
	/// `x * m + c` elementwise with constant `m` and `c`.
	Affine(Affine<W>),
	/// Add, Sub or Mul of two tensors.
	Binary(Binary),
	/// A windowed maximum.
	MaxPool(MaxPool),
	/// A non-linearity on its own.
	Activation(ActivationOp<W>),
	/// A new shape for the same elements.
	Reshape(Reshape),
	/// A static permutation of axes.
	Transpose(Transpose),
	/// Constant padding.
	Pad(Pad<W>),
	/// A range along one axis.
	Slice(Slice),
	/// Concatenation along one axis.
	Concat(Concat),
	/// A constant tensor at the activation scale.
	Const(Const<W>),
}

impl<W> Op<W> {
	/// The operator's name as the IR prints it.
	pub fn kind(&self) -> &'static str {
		match self {
			Self::MatMul(_) => "MatMul",
			Self::Conv(_) => "Conv",
			Self::SumPool(_) => "SumPool",
			Self::Affine(_) => "Affine",
			Self::Binary(b) => b.kind.name(),
			Self::MaxPool(_) => "MaxPool",
			Self::Activation(_) => "Activation",
			Self::Reshape(_) => "Reshape",
			Self::Transpose(_) => "Transpose",
			Self::Pad(_) => "Pad",
			Self::Slice(_) => "Slice",
			Self::Concat(_) => "Concat",
			Self::Const(_) => "Const",
		}
	}

	/// The activation of the operator: fused into a linear one, or the standalone one.
	pub fn activation(&self) -> Option<&Activation<W>> {
		match self {
			Self::MatMul(op) => Some(&op.activation),
			Self::Conv(op) => Some(&op.activation),
			Self::SumPool(op) => Some(&op.activation),
			Self::Affine(op) => Some(&op.activation),
			Self::Activation(op) => Some(&op.activation),
			_ => None,
		}
	}

	/// The activation fused into the operator, if it has one.
	pub fn activation_mut(&mut self) -> Option<&mut Activation<W>> {
		match self {
			Self::MatMul(op) => Some(&mut op.activation),
			Self::Conv(op) => Some(&mut op.activation),
			Self::SumPool(op) => Some(&mut op.activation),
			Self::Affine(op) => Some(&mut op.activation),
			_ => None,
		}
	}
}

impl<W: Copy> Op<W> {
	/// The output shape for the given input shapes; checks arity and attributes.
	pub fn output_shape(&self, inputs: &[&[usize]]) -> Result<Vec<usize>, OpError> {
		let one = || match inputs {
			[x] => Ok(*x),
			_ => Err(OpError::Arity { expected: 1, got: inputs.len() }),
		};
		match self {
			Self::MatMul(op) => op.output_shape(one()?),
			Self::Conv(op) => op.output_shape(one()?),
			Self::SumPool(op) => op.output_shape(one()?),
			Self::Affine(op) => op.output_shape(one()?),
			Self::Binary(op) => match inputs {
				[a, b] => op.output_shape(a, b),
				_ => Err(OpError::Arity { expected: 2, got: inputs.len() }),
			},
			Self::MaxPool(op) => op.output_shape(one()?),
			Self::Activation(_) => Ok(one()?.to_vec()),
			Self::Reshape(op) => op.output_shape(one()?),
			Self::Transpose(op) => op.output_shape(one()?),
			Self::Pad(op) => op.output_shape(one()?),
			Self::Slice(op) => op.output_shape(one()?),
			Self::Concat(op) => op.output_shape(inputs),
			Self::Const(op) =>
				if inputs.is_empty() {
					Ok(op.value.shape().to_vec())
				} else {
					Err(OpError::Arity { expected: 0, got: inputs.len() })
				},
		}
	}
}

impl Op<f64> {
	/// Quantizes the operator's weights and constants.
	pub fn quantize(&self, q: &Quant) -> Op<i64> {
		match self {
			Self::MatMul(op) => Op::MatMul(op.quantize(q)),
			Self::Conv(op) => Op::Conv(op.quantize(q)),
			Self::SumPool(op) => Op::SumPool(op.quantize(q)),
			Self::Affine(op) => Op::Affine(op.quantize(q)),
			Self::Binary(op) => Op::Binary(op.clone()),
			Self::MaxPool(op) => Op::MaxPool(op.clone()),
			Self::Activation(op) => Op::Activation(op.quantize(q)),
			Self::Reshape(op) => Op::Reshape(op.clone()),
			Self::Transpose(op) => Op::Transpose(op.clone()),
			Self::Pad(op) => Op::Pad(op.quantize(q)),
			Self::Slice(op) => Op::Slice(op.clone()),
			Self::Concat(op) => Op::Concat(op.clone()),
			Self::Const(op) => Op::Const(op.quantize(q)),
		}
	}
}

impl Op<i64> {
	/// Integer inference of one operator (inputs already checked by [`Op::output_shape`]);
	/// values beyond the lookup domain saturate or are refused as `overflow` says.
	pub fn eval(&self, inputs: &[&Tensor<i64>], q: &Quant, overflow: Overflow) -> Result<Tensor<i64>, OpError> {
		let one = || inputs.first().copied().ok_or(OpError::Arity { expected: 1, got: 0 });
		match self {
			Self::MatMul(op) => linear::eval(&op.lowered(one()?.shape())?, one()?, q, overflow),
			Self::Conv(op) => linear::eval(&op.lowered(one()?.shape())?, one()?, q, overflow),
			Self::SumPool(op) => linear::eval(&op.lowered(one()?.shape())?, one()?, q, overflow),
			Self::Affine(op) => linear::eval(&op.lowered(one()?.shape())?, one()?, q, overflow),
			Self::Binary(op) => match inputs {
				[a, b] => op.eval(a, b, q, overflow),
				_ => Err(OpError::Arity { expected: 2, got: inputs.len() }),
			},
			Self::MaxPool(op) => op.eval(one()?),
			Self::Activation(op) => op.eval(one()?, q, overflow),
			Self::Reshape(op) => op.apply(one()?),
			Self::Transpose(op) => op.apply(one()?),
			Self::Pad(op) => op.apply(one()?, op.value),
			Self::Slice(op) => op.apply(one()?),
			Self::Concat(op) => op.apply(inputs),
			Self::Const(op) => Ok(op.value.clone()),
		}
	}

	/// The circuit layout of one operator; mirrors [`Op::eval`].
	pub fn layout(&self, inputs: &[&Tensor<Wire>], ctx: &mut LayoutCtx<'_, '_>) -> Result<Tensor<Wire>, SynthesisError> {
		let shape_error = |_| SynthesisError::Synthesis;
		let one = || inputs.first().copied().ok_or(SynthesisError::Synthesis);
		match self {
			Self::MatMul(op) => linear::layout(&op.lowered(one()?.shape()).map_err(shape_error)?, one()?, ctx),
			Self::Conv(op) => linear::layout(&op.lowered(one()?.shape()).map_err(shape_error)?, one()?, ctx),
			Self::SumPool(op) => linear::layout(&op.lowered(one()?.shape()).map_err(shape_error)?, one()?, ctx),
			Self::Affine(op) => linear::layout(&op.lowered(one()?.shape()).map_err(shape_error)?, one()?, ctx),
			Self::Binary(op) => match inputs {
				[a, b] => op.layout(a, b, ctx),
				_ => Err(SynthesisError::Synthesis),
			},
			Self::MaxPool(op) => op.layout(one()?, ctx),
			Self::Activation(op) => op.layout(one()?, ctx),
			Self::Reshape(op) => op.apply(one()?).map_err(shape_error),
			Self::Transpose(op) => op.apply(one()?).map_err(shape_error),
			Self::Pad(op) => {
				let fill = ctx.constant(op.value)?;
				op.apply(one()?, fill).map_err(shape_error)
			},
			Self::Slice(op) => op.apply(one()?).map_err(shape_error),
			Self::Concat(op) => op.apply(inputs).map_err(shape_error),
			Self::Const(op) => op.value.try_map(|&v| ctx.constant(v)),
		}
	}
}

/// Broadcasts two shapes numpy-style (trailing axes aligned; 1 stretches).
pub fn broadcast_shapes(a: &[usize], b: &[usize]) -> Result<Vec<usize>, OpError> {
	let rank = a.len().max(b.len());
	let at = |s: &[usize], i: usize| if i + s.len() >= rank { s[i + s.len() - rank] } else { 1 };
	(0..rank)
		.map(|i| match (at(a, i), at(b, i)) {
			(x, y) if x == y => Ok(x),
			(1, y) => Ok(y),
			(x, 1) => Ok(x),
			(x, y) => Err(OpError::Shape(format!("cannot broadcast {a:?} with {b:?} (axis {i}: {x} vs {y})"))),
		})
		.collect()
}

/// The flat index into a tensor of `shape` that an element at `index` of the broadcast
/// output reads.
pub fn broadcast_source(shape: &[usize], index: &[usize]) -> usize {
	let skip = index.len() - shape.len();
	shape.iter().zip(&index[skip..]).fold(0, |flat, (&d, &i)| flat * d + if d == 1 { 0 } else { i })
}
