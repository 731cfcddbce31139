//! tract's `LstmEpilogue`, the fused step of an ONNX LSTM cell that its importer writes into
//! the loop body: from the gate pre-activations `p = [i | o | f | c]` (ONNX gate order, each
//! `hidden` wide, along the last axis) and the previous cell state `C₋`, the new hidden and cell
//! states `C = σ(f)·C₋ + σ(i)·tanh(c)` and `H = σ(o)·tanh(C)`, lowered to slices, Sigmoid and
//! Tanh tables and broadcast products and sums.

use tract_onnx::{prelude::*, tract_core::ops::lstm_cell::LstmEpilogue};
use zkinfer_circuit::ops::{self, Activation, ActivationOp, BinaryKind, Op};

use super::{elementwise::push_binary, Builder, ImportError};

/// Imports the node if it is an `LstmEpilogue`; `Ok(false)` otherwise.
pub(crate) fn import(b: &mut Builder<'_>, node: &TypedNode) -> Result<bool, ImportError> {
	let Some(cell) = node.op_as::<LstmEpilogue>() else {
		return Ok(false);
	};
	let [preact, previous] = node.inputs[..] else {
		return Err(Builder::unsupported(node, "an LSTM step takes its gates and cell state"));
	};
	let shape = b.shape(preact)?;
	let h = cell.hidden;
	let axis = shape.len().checked_sub(1).filter(|&a| shape[a] == 4 * h).ok_or_else(|| {
		Builder::unsupported(node, format!("gates of shape {shape:?} for {h} hidden units"))
	})?;
	let name = &node.name;
	let p = b.value(preact)?;
	let c_prev = b.value(previous)?;
	let gate = |b: &mut Builder<'_>, index: usize, activation: Activation<f64>, label: &str| {
		let slice = Op::Slice(ops::Slice { axis, start: index * h, end: (index + 1) * h });
		let s = b.push(format!("{name}.{label}_preact"), slice, vec![p]);
		let op = Op::Activation(ActivationOp { activation });
		b.push(format!("{name}.{label}"), op, vec![s])
	};
	let input = gate(b, 0, Activation::Sigmoid, "input_gate");
	let output = gate(b, 1, Activation::Sigmoid, "output_gate");
	let forget = gate(b, 2, Activation::Sigmoid, "forget_gate");
	let candidate = gate(b, 3, Activation::Tanh, "candidate");
	let kept = push_binary(b, format!("{name}.kept"), BinaryKind::Mul, forget, c_prev);
	let added = push_binary(b, format!("{name}.added"), BinaryKind::Mul, input, candidate);
	let cell_state = push_binary(b, format!("{name}.cell"), BinaryKind::Add, kept, added);
	let op = Op::Activation(ActivationOp { activation: Activation::Tanh });
	let squashed = b.push(format!("{name}.cell_tanh"), op, vec![cell_state]);
	let hidden = push_binary(b, format!("{name}.hidden"), BinaryKind::Mul, output, squashed);
	b.bind(OutletId::new(node.id, 0), hidden);
	b.bind(OutletId::new(node.id, 1), cell_state);
	Ok(true)
}
