//! ONNX's unary activation operators as one elementwise operator each, so each becomes one
//! table ([`UnaryFunction`]) instead of the chain of primitives tract would expand it into.
//!
//! tract-onnx expands `Elu`, `Selu`, `Softplus`, `HardSigmoid`, `Gelu` and their kin into
//! comparisons, selections and several arithmetic nodes; each primitive would cost its own
//! table read and its own rounding. [`framework`] is tract's ONNX framework with these
//! operators registered as [`OnnxFunction`], a tract elementwise operator that computes the
//! same real function as the table (so tract's float inference and the integer inference agree
//! up to quantization), and [`function`] maps every elementwise operator tract may leave in a
//! decluttered graph to its [`UnaryFunction`].
//!
//! | ONNX | tract after declutter | table |
//! |---|---|---|
//! | `Exp`, `Log`, `Sqrt`, `Reciprocal`, `Abs`, `Neg`, `Sign`, `Floor`, `Ceil`, `Round`, `Erf` | `Exp`, `Ln`, `Sqrt`, `Recip`, `Abs`, `Neg`, `Sign`, `Floor`, `Ceil`, `RoundHalfToEven`, `Erf` | the function of that name |
//! | `Pow` with a constant exponent | `Square`, `Sqrt`, `Rsqrt`, `Recip` or `PowConst` | `Pow` (or the named one) |
//! | `Elu`, `Celu`, `Selu`, `Softplus`, `Softsign`, `HardSigmoid`, `Mish`, `Gelu` | [`OnnxFunction`] | the function of that name (`Gelu` with `approximate="tanh"`: `GeluTanh`) |
//! | `HardSwish`, `Swish`/`Silu` | `HardSwish`, `Silu` | `HardSwish`, `Silu` |
//! | `Clip` with constant bounds | `Max`/`Min` with a scalar | `Relu` (lower bound 0) or `Clip` ([`super::elementwise`]) |

use tract_onnx::{
	model::{OnnxOpRegister, ParsingContext},
	pb::NodeProto,
	prelude::*,
	tract_core::{
		internal::bail,
		ops::element_wise::{ElementWiseMiniOp, ElementWiseOp},
	},
	tract_hir::internal::{ElementWiseIntoHir, InferenceOp},
	Onnx,
};
use zkinfer_circuit::chip::{function::param, UnaryFunction};

/// A [`UnaryFunction`] as a tract elementwise operator (f32), computing the table's real
/// function.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OnnxFunction(pub UnaryFunction);

impl ElementWiseMiniOp for OnnxFunction {
	fn name(&self) -> String {
		format!("{:?}", self.0)
	}

	fn eval_in_place(&self, t: &mut Tensor, out_dt: Option<DatumType>) -> TractResult<()> {
		if out_dt.unwrap_or(t.datum_type()) != f32::datum_type() {
			bail!("{} is defined for f32 tensors only", self.name());
		}
		let mut plain = t.try_as_plain_ram_mut()?;
		for x in plain.as_slice_mut::<f32>()? {
			*x = self.0.real(f64::from(*x)) as f32;
		}
		Ok(())
	}
}

/// tract's ONNX framework with the activation operators of this module's table registered as
/// [`OnnxFunction`]s.
pub fn framework() -> Onnx {
	let mut onnx = tract_onnx::onnx();
	register(&mut onnx.op_register);
	onnx
}

type Built = TractResult<(Box<dyn InferenceOp>, Vec<String>)>;

fn op(function: UnaryFunction) -> Built {
	Ok((ElementWiseOp(Box::new(OnnxFunction(function)), None).into_hir(), vec![]))
}

fn attr(node: &NodeProto, name: &str, default: f32) -> TractResult<i64> {
	Ok(param(f64::from(node.get_attr_opt::<f32>(name)?.unwrap_or(default))))
}

fn register(reg: &mut OnnxOpRegister) {
	reg.insert("Elu", |_: &ParsingContext, node: &NodeProto| {
		op(UnaryFunction::Elu { alpha: attr(node, "alpha", 1.0)? })
	});
	reg.insert("Celu", |_: &ParsingContext, node: &NodeProto| {
		let alpha = node.get_attr_opt::<f32>("alpha")?.unwrap_or(1.0);
		if alpha == 0.0 {
			bail!("Celu with alpha 0 is undefined");
		}
		op(UnaryFunction::Celu { alpha: param(f64::from(alpha)) })
	});
	reg.insert("Selu", |_: &ParsingContext, node: &NodeProto| {
		op(UnaryFunction::Selu {
			alpha: attr(node, "alpha", 1.673_263_2)?,
			gamma: attr(node, "gamma", 1.050_701)?,
		})
	});
	reg.insert("HardSigmoid", |_: &ParsingContext, node: &NodeProto| {
		op(UnaryFunction::HardSigmoid {
			alpha: attr(node, "alpha", 0.2)?,
			beta: attr(node, "beta", 0.5)?,
		})
	});
	reg.insert("Softplus", |_: &ParsingContext, _: &NodeProto| op(UnaryFunction::Softplus));
	reg.insert("Softsign", |_: &ParsingContext, _: &NodeProto| op(UnaryFunction::Softsign));
	reg.insert("Mish", |_: &ParsingContext, _: &NodeProto| op(UnaryFunction::Mish));
	reg.insert("Gelu", |_: &ParsingContext, node: &NodeProto| {
		match node.get_attr_opt::<String>("approximate")?.as_deref() {
			None | Some("none") => op(UnaryFunction::Gelu),
			Some("tanh") => op(UnaryFunction::GeluTanh),
			Some(other) => bail!("Gelu approximate={other:?} (expected \"none\" or \"tanh\")"),
		}
	});
}

/// The table function of an elementwise operator tract left in the graph, by its name, or
/// `None` if it has none (the caller names the operator in its error).
pub fn function(op: &dyn ElementWiseMiniOp) -> Option<UnaryFunction> {
	if let Some(f) = op.downcast_ref::<OnnxFunction>() {
		return Some(f.0);
	}
	use tract_onnx::tract_core::ops::{math::PowConst, nn::gelu_approximate::GeluApproximate};
	Some(match op.name().as_str() {
		"Exp" => UnaryFunction::Exp,
		"Ln" => UnaryFunction::Log,
		"Sqrt" => UnaryFunction::Sqrt,
		"Rsqrt" => UnaryFunction::Rsqrt,
		"Recip" => UnaryFunction::Reciprocal,
		"Abs" => UnaryFunction::Abs,
		"Neg" => UnaryFunction::Neg,
		"Sign" => UnaryFunction::Sign,
		"Floor" => UnaryFunction::Floor,
		"Ceil" => UnaryFunction::Ceil,
		"RoundHalfToEven" => UnaryFunction::Round,
		"Erf" => UnaryFunction::Erf,
		"Square" => UnaryFunction::Pow { exponent: param(2.0) },
		"PowConst" => UnaryFunction::Pow {
			exponent: param(f64::from(op.downcast_ref::<PowConst>()?.exponent)),
		},
		"GeluExact" => UnaryFunction::Gelu,
		"GeluApproximate" if !op.downcast_ref::<GeluApproximate>()?.fast_impl => {
			UnaryFunction::GeluTanh
		},
		"HardSwish" => UnaryFunction::HardSwish,
		"Silu" => UnaryFunction::Silu,
		_ => return None,
	})
}
