//! The operators of the project's typed IR, one file per family.
//!
//! Each operator is a struct with typed fields, generic over its weight type `W`: `f64` as
//! imported from ONNX, `i64` once quantized ([`crate::quant`]). Each implements, in its
//! family's file, [`Operator`] (name, arity, shape, activation), [`Quantize`] and, for
//! `W = i64`, [`Provable`]: `eval` (the integer inference, which is the witness), `layout`
//! (the circuit), built on the same arithmetic helpers so the two agree bit for bit, and the
//! lookup tables it reads. [`Op`], the IR's enum, and its dispatch are generated from one list
//! in this file: adding an operator is its file and one line there.
//!
//! `ops` builds on [`crate::chip`] (its `LayoutCtx` instructions and tables); the chips know
//! nothing of the operators.
//!
//! | family | operators | circuit cost per output |
//! |---|---|---|
//! | [`linear`] | [`MatMul`] (Gemm, MatMul, Einsum with a constant), [`Conv`], [`SumPool`] (AveragePool, GlobalAveragePool), [`Affine`] (Add/Sub/Mul by a constant, BatchNormalization) | `⌈terms / width⌉` dot rows + 2 rescale rows (the activation rides on the rescale) |
//! | [`binary`] | [`Binary`] Add, Sub, Mul of two tensors | 1 dot row (Add/Sub); 2 + 2 rows (Mul, with rescale) |
//! | [`pool`] | [`MaxPool`] | 3 rows per comparison (more where values may leave the domain: [`crate::chip::LayoutCtx::max`]) |
//! | [`activation`] | [`ActivationOp`] Relu, LeakyRelu, Sigmoid, Tanh and any [`crate::chip::UnaryFunction`] (Exp, Log, Sqrt, Erf, Gelu, Elu, Clip, …) on their own | 1 table row (a clamp where values may leave the domain) |
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
	chip::{LayoutCtx, TableKind, Wire},
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
			Self::OutOfDomain { value } => {
				write!(f, "value {value} lies outside the lookup domain")
			},
			Self::Overflow => write!(f, "integer overflow"),
		}
	}
}

/// How many inputs an operator reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arity {
	/// Exactly this many.
	Exactly(usize),
	/// One or more.
	AtLeastOne,
}

impl Arity {
	/// Checks that `got` inputs fit.
	pub fn check(self, got: usize) -> Result<(), OpError> {
		match self {
			Self::Exactly(expected) if got != expected => Err(OpError::Arity { expected, got }),
			Self::AtLeastOne if got == 0 => Err(OpError::Arity { expected: 1, got }),
			_ => Ok(()),
		}
	}
}

/// What every operator of the IR is, implemented in the operator's own file. [`Op`] and its
/// dispatch are generated from the list in this module ([`operators!`]), so adding an
/// operator is its file (the struct and these impls) and one line of that list.
pub trait Operator<W> {
	/// The operator's name as the IR prints it.
	fn name(&self) -> &'static str;
	/// How many inputs it reads ([`Op::output_shape`] checks it before anything else).
	fn arity(&self) -> Arity;
	/// The output shape for input shapes of the right count; checks the attributes.
	fn infer_shape(&self, inputs: &[&[usize]]) -> Result<Vec<usize>, OpError>;
	/// Its non-linearity: fused into it (linear operators) or what it is (an activation).
	fn activation(&self) -> Option<&Activation<W>> {
		None
	}
	/// The non-linearity fused into it, which the front end sets when it fuses one.
	fn fused_activation_mut(&mut self) -> Option<&mut Activation<W>> {
		None
	}
}

/// An operator with real-valued weights, quantized into its integer form.
pub trait Quantize {
	/// The quantized operator.
	type Quantized;
	/// Quantizes its weights and constants.
	fn quantize(&self, q: &Quant) -> Self::Quantized;
}

/// A quantized operator's integer inference (the witness) and circuit, which agree bit for bit.
pub trait Provable: Operator<i64> {
	/// Integer inference on inputs of the right count and shapes; values beyond the lookup
	/// domain saturate or are refused as `overflow` says.
	fn eval(
		&self,
		inputs: &[&Tensor<i64>],
		q: &Quant,
		overflow: Overflow,
	) -> Result<Tensor<i64>, OpError>;
	/// The circuit; mirrors [`Self::eval`]. A refusal keeps its reason in `ctx`
	/// ([`LayoutCtx::refuse`]).
	fn layout(
		&self,
		inputs: &[&Tensor<Wire>],
		ctx: &mut LayoutCtx<'_, '_>,
	) -> Result<Tensor<Wire>, SynthesisError>;
	/// The lookup tables its circuit reads, added to `tables` (its activation's included).
	fn tables(&self, q: &Quant, tables: &mut Vec<TableKind>) {
		let _ = q;
		tables.extend(self.activation().map(Activation::table));
	}
}

/// Input `i` of an operator whose arity was checked.
pub fn input<'t, T: ?Sized>(inputs: &[&'t T], i: usize) -> Result<&'t T, OpError> {
	inputs
		.get(i)
		.copied()
		.ok_or(OpError::Arity { expected: i + 1, got: inputs.len() })
}

/// Generates [`Op`] and its dispatch to the [`Operator`], [`Quantize`] and [`Provable`] impls
/// of each operator type.
macro_rules! operators {
	($( $(#[$doc:meta])* $variant:ident($ty:ident $(<$w:ident>)?), )*) => {
		/// One operator of the IR.
		#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
		pub enum Op<W> {
			$( $(#[$doc])* $variant($ty $(<$w>)?), )*
		}

		impl<W: Copy> Op<W> {
			/// The operator behind the variant.
			pub fn operator(&self) -> &dyn Operator<W> {
				match self {
					$( Self::$variant(op) => op, )*
				}
			}

			/// The operator behind the variant, mutably.
			pub fn operator_mut(&mut self) -> &mut dyn Operator<W> {
				match self {
					$( Self::$variant(op) => op, )*
				}
			}
		}

		impl Op<f64> {
			/// Quantizes the operator's weights and constants.
			pub fn quantize(&self, q: &Quant) -> Op<i64> {
				match self {
					$( Self::$variant(op) => Op::$variant(op.quantize(q)), )*
				}
			}
		}

		impl Op<i64> {
			/// The quantized operator behind the variant.
			pub fn provable(&self) -> &dyn Provable {
				match self {
					$( Self::$variant(op) => op, )*
				}
			}
		}
	};
}

operators! {
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

impl<W: Copy> Op<W> {
	/// The operator's name as the IR prints it.
	pub fn kind(&self) -> &'static str {
		self.operator().name()
	}

	/// The activation of the operator: fused into a linear one, or the standalone one.
	pub fn activation(&self) -> Option<&Activation<W>> {
		self.operator().activation()
	}

	/// The activation fused into the operator, if it has one.
	pub fn activation_mut(&mut self) -> Option<&mut Activation<W>> {
		self.operator_mut().fused_activation_mut()
	}

	/// The output shape for the given input shapes; checks arity and attributes.
	pub fn output_shape(&self, inputs: &[&[usize]]) -> Result<Vec<usize>, OpError> {
		let op = self.operator();
		op.arity().check(inputs.len())?;
		op.infer_shape(inputs)
	}
}

impl Op<i64> {
	/// Integer inference of one operator (inputs already checked by [`Op::output_shape`]);
	/// values beyond the lookup domain saturate or are refused as `overflow` says.
	pub fn eval(
		&self,
		inputs: &[&Tensor<i64>],
		q: &Quant,
		overflow: Overflow,
	) -> Result<Tensor<i64>, OpError> {
		let op = self.provable();
		op.arity().check(inputs.len())?;
		op.eval(inputs, q, overflow)
	}

	/// The circuit layout of one operator; mirrors [`Op::eval`].
	pub fn layout(
		&self,
		inputs: &[&Tensor<Wire>],
		ctx: &mut LayoutCtx<'_, '_>,
	) -> Result<Tensor<Wire>, SynthesisError> {
		let op = self.provable();
		op.arity().check(inputs.len()).map_err(|e| ctx.refuse(e))?;
		op.layout(inputs, ctx)
	}

	/// The lookup tables the operator's circuit reads, added to `tables`.
	pub fn tables(&self, q: &Quant, tables: &mut Vec<TableKind>) {
		self.provable().tables(q, tables)
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
			(x, y) => Err(OpError::Shape(format!(
				"cannot broadcast {a:?} with {b:?} (axis {i}: {x} vs {y})"
			))),
		})
		.collect()
}

/// The flat index into a tensor of `shape` that an element at `index` of the broadcast
/// output reads.
pub fn broadcast_source(shape: &[usize], index: &[usize]) -> usize {
	let skip = index.len() - shape.len();
	shape
		.iter()
		.zip(&index[skip..])
		.fold(0, |flat, (&d, &i)| flat * d + if d == 1 { 0 } else { i })
}
