//! Softmax and LogSoftmax inside the graph (an attention block's, a classifier's second head),
//! lowered to operators the circuit has. A final Softmax of a model with one output is dropped
//! instead ([`super::import_typed`]).
//!
//! Over the axes `A` (trailing), with `m = max_A x` (a MaxPool, [`super::linear::reduce_max`]):
//!
//! - `Softmax(x) = e · 1/Σ_A e` with `e = Exp(x − m)`: every `e` lies in `(0, 1]` and the sum in
//!   `[1, n]`, so the `Exp` and `Reciprocal` tables never saturate;
//! - `LogSoftmax(x) = (x − m) − Log(Σ_A e)`.
//!
//! Each table is exact at its quantized input, so the error is that of the activation scale:
//! the reciprocal of a sum near `n` is the coarsest step (`1/n` at a resolution of
//! `2^-act_bits`), which calibration's finer scales reduce.

use tract_onnx::{
	prelude::*,
	tract_core::ops::nn::{Softmax, SoftmaxKind},
};
use zkinfer_circuit::{
	chip::UnaryFunction,
	ops::{Activation, ActivationOp, BinaryKind, Op},
};

use super::{
	elementwise::push_binary,
	linear::{reduce_max, reduce_sum},
	Builder, ImportError,
};

/// Imports a Softmax or LogSoftmax that is not the model's dropped final one.
pub(crate) fn import(
	b: &mut Builder<'_>,
	node: &TypedNode,
	softmax: &Softmax,
) -> Result<(), ImportError> {
	if softmax.quant_output_dt.is_some() {
		return Err(Builder::unsupported(node, "a quantized softmax"));
	}
	let shape = b.shape(node.inputs[0])?;
	let mut axes: Vec<usize> = softmax.axes.to_vec();
	axes.sort_unstable();
	axes.dedup();
	let name = &node.name;
	let x = b.value(node.inputs[0])?;
	let m = reduce_max(b, node, &format!("{name}.max"), x, &shape, &axes, false)?;
	let d = push_binary(b, format!("{name}.shifted"), BinaryKind::Sub, x, m);
	let table = |b: &mut Builder<'_>, f: UnaryFunction, input: usize, suffix: &str| {
		let op = Op::Activation(ActivationOp { activation: Activation::Function(f) });
		b.push(format!("{name}.{suffix}"), op, vec![input])
	};
	let e = table(b, UnaryFunction::Exp, d, "exp");
	let sum = reduce_sum(b, node, &format!("{name}.sum"), e, &shape, &axes, 1.0)?;
	let y = match softmax.kind {
		SoftmaxKind::Softmax => {
			let r = table(b, UnaryFunction::Reciprocal, sum, "reciprocal");
			push_binary(b, name.clone(), BinaryKind::Mul, e, r)
		},
		SoftmaxKind::LogSoftmax => {
			let l = table(b, UnaryFunction::Log, sum, "log");
			push_binary(b, name.clone(), BinaryKind::Sub, d, l)
		},
	};
	b.bind(OutletId::new(node.id, 0), y);
	Ok(())
}
