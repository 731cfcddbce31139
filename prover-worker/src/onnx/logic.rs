//! Comparisons, boolean logic and `Where`, with booleans as the values 0 and 1 (at the
//! activation scale, like every other value), lowered to tables and arithmetic:
//!
//! | tract | IR |
//! |---|---|
//! | `x op c` with a constant `c` (`LT`, `LTE`, `GT`, `GTE`, `Eq`, `NE`) | a [`Comparison`] table |
//! | `a op b` of two computed tensors | `b − a` ([`BinaryKind::Sub`]), then the table against 0 |
//! | `Not x` | `x == 0` |
//! | `And`, `Or`, `Xor` | `a · b`, `max(a, b)` (`a + relu(b − a)`), `a − b != 0` |
//! | `Iff` (ONNX `Where`) `c ? a : b` | `c·a + (b − c·b)` (exact: `c` is 0 or 1, and every intermediate is 0 or an operand) |
//! | `Cast` between booleans and numbers | nothing (a boolean already is 0 or 1); number to boolean is `x != 0` |
//!
//! A comparison of two values is decided on their quantized difference, so values closer than
//! the activation scale's step compare as equal.

use tract_onnx::{
	prelude::*,
	tract_core::ops::{cast::Cast, logic::Iff},
};
use zkinfer_circuit::{
	chip::{function::param, Comparison, UnaryFunction},
	ops::{Activation, ActivationOp, BinaryKind, Op},
};

use super::{elementwise::push_binary, Builder, ImportError};

/// The comparison a binary operator's name stands for, if it is one.
fn comparison(name: &str) -> Option<Comparison> {
	Some(match name {
		"LT" => Comparison::Less,
		"LTE" => Comparison::LessOrEqual,
		"GT" => Comparison::Greater,
		"GTE" => Comparison::GreaterOrEqual,
		"Eq" => Comparison::Equal,
		"NE" => Comparison::NotEqual,
		_ => return None,
	})
}

fn table(b: &mut Builder<'_>, name: String, op: Comparison, threshold: f64, x: usize) -> usize {
	let f = UnaryFunction::Compare { op, threshold: param(threshold) };
	let op = Op::Activation(ActivationOp { activation: Activation::Function(f) });
	b.push(name, op, vec![x])
}

/// Imports a comparison or a boolean operator of two operands named `name`; `Ok(false)` if
/// `name` is neither.
pub(crate) fn binary(
	b: &mut Builder<'_>,
	node: &TypedNode,
	name: &str,
) -> Result<bool, ImportError> {
	let [left, right] = node.inputs[..] else {
		return Ok(false);
	};
	let logic = matches!(name, "And" | "Or" | "Xor");
	let Some(op) = comparison(name).or(logic.then_some(Comparison::NotEqual)) else {
		return Ok(false);
	};
	let out = node.name.clone();
	// A table keeps its input's shape: only when the constant does not broadcast it further.
	let output_shape = b.shape(OutletId::new(node.id, 0))?;
	let computed = if b.constant(left)?.is_some() { right } else { left };
	let table_fits = b.shape(computed)? == output_shape;
	let v = match (b.constant(left)?, b.constant(right)?) {
		(None, Some(c)) | (Some(c), None)
			if !logic && table_fits && c.data().windows(2).all(|w| w[0] == w[1]) =>
		{
			let threshold = c.data().first().copied().unwrap_or(0.0);
			let constant_first = b.constant(left)?.is_some();
			let x = b.value(if constant_first { right } else { left })?;
			let op = if constant_first { op.swapped() } else { op };
			table(b, out, op, threshold, x)
		},
		_ => {
			let (x, y) = (b.value(left)?, b.value(right)?);
			match name {
				"And" => push_binary(b, out, BinaryKind::Mul, x, y),
				"Or" => {
					let d = push_binary(b, format!("{out}.difference"), BinaryKind::Sub, y, x);
					let relu = Op::Activation(ActivationOp { activation: Activation::Relu });
					let r = b.push(format!("{out}.relu"), relu, vec![d]);
					push_binary(b, out, BinaryKind::Add, x, r)
				},
				// x op y ⟺ (x − y) op 0.
				_ => {
					let d = push_binary(b, format!("{out}.difference"), BinaryKind::Sub, x, y);
					table(b, out, op, 0.0, d)
				},
			}
		},
	};
	b.bind(OutletId::new(node.id, 0), v);
	Ok(true)
}

/// Imports `Not`, `Iff` or a `Cast` from or to booleans; `Ok(false)` for any other node.
pub(crate) fn import(b: &mut Builder<'_>, node: &TypedNode) -> Result<bool, ImportError> {
	let out = node.name.clone();
	let v = if node.op.name() == "Not" {
		let x = b.value(node.inputs[0])?;
		table(b, out, Comparison::Equal, 0.0, x)
	} else if node.op_as::<Iff>().is_some() {
		let [c, x, y] = node.inputs[..] else {
			return Err(Builder::unsupported(node, "Where takes three operands"));
		};
		let (c, x, y) = (b.value(c)?, b.value(x)?, b.value(y)?);
		// c·x + (y − c·y): every intermediate is 0 or an operand, so nothing can leave the
		// domain (`y + c·(x − y)` would, through `x − y`).
		let chosen = push_binary(b, format!("{out}.then"), BinaryKind::Mul, c, x);
		let dropped = push_binary(b, format!("{out}.dropped"), BinaryKind::Mul, c, y);
		let otherwise = push_binary(b, format!("{out}.else"), BinaryKind::Sub, y, dropped);
		push_binary(b, out, BinaryKind::Add, chosen, otherwise)
	} else if let Some(cast) = node.op_as::<Cast>() {
		let from = b.model.outlet_fact(node.inputs[0]).map_err(super::tract_error)?.datum_type;
		let x = b.value(node.inputs[0])?;
		let boolean = bool::datum_type();
		if from.is_float() && cast.to == boolean {
			table(b, out, Comparison::NotEqual, 0.0, x)
		} else if (from == boolean || from.is_float()) && (cast.to == boolean || cast.to.is_float())
		{
			// Nothing to compute: the cast's output is its input's value.
			b.bind_shared(OutletId::new(node.id, 0), super::Slot::Value(x));
			return Ok(true);
		} else {
			return Err(Builder::unsupported(
				node,
				format!("a cast from {from:?} to {:?}", cast.to),
			));
		}
	} else {
		return Ok(false);
	};
	b.bind(OutletId::new(node.id, 0), v);
	Ok(true)
}
