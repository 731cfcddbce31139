//! tract's `RmsNorm` (what LayerNormalization's variance step and RMSNormalization become):
//! `x / √(mean(x²) + ε)` over one axis, lowered to a `Pow 2` table, a sum with weight `1/n`
//! ([`super::linear::reduce_sum`]), an affine map adding `ε`, an `Rsqrt` table and a
//! broadcast product ([`BinaryKind::Mul`]).

use tract_onnx::{prelude::*, tract_core::ops::nn::RmsNorm};
use zkinfer_circuit::{
	chip::{function::param, UnaryFunction},
	ops::{Activation, ActivationOp, BinaryKind, Op},
};

use super::{
	elementwise::push_binary,
	linear::{push_uniform_affine, reduce_sum},
	tract_error, Builder, ImportError,
};

/// Imports the node if it is an `RmsNorm`; `Ok(false)` otherwise.
pub(crate) fn import(b: &mut Builder<'_>, node: &TypedNode) -> Result<bool, ImportError> {
	let Some(norm) = node.op_as::<RmsNorm>() else {
		return Ok(false);
	};
	let shape = b.shape(node.inputs[0])?;
	let eps = norm.eps.cast_to_scalar::<f64>().map_err(tract_error)?;
	let n = *shape
		.get(norm.axis)
		.ok_or_else(|| Builder::unsupported(node, format!("axis {} of {shape:?}", norm.axis)))?;
	let name = &node.name;
	let table = |b: &mut Builder<'_>, f: UnaryFunction, input: usize, suffix: &str| {
		let op = Op::Activation(ActivationOp { activation: Activation::Function(f) });
		b.push(format!("{name}.{suffix}"), op, vec![input])
	};
	let x = b.value(node.inputs[0])?;
	let squares = table(b, UnaryFunction::Pow { exponent: param(2.0) }, x, "square");
	let mean = reduce_sum(
		b,
		node,
		&format!("{name}.mean"),
		squares,
		&shape,
		&[norm.axis],
		1.0 / n as f64,
	)?;
	let reduced: Vec<usize> = shape
		.iter()
		.enumerate()
		.map(|(i, &d)| if i == norm.axis { 1 } else { d })
		.collect();
	let variance =
		push_uniform_affine(b, node, format!("{name}.epsilon"), mean, &reduced, 1.0, eps)?;
	let scale = table(b, UnaryFunction::Rsqrt, variance, "rsqrt");
	let v = push_binary(b, name.clone(), BinaryKind::Mul, x, scale);
	b.bind(OutletId::new(node.id, 0), v);
	Ok(true)
}
