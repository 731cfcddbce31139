//! tract's `Scan` (what ONNX's `LSTM`, `GRU` and `RNN`, and `Scan` itself, become), unrolled
//! over its static number of iterations: the body's operators are imported once per
//! iteration, each copy reading that iteration's slice of the scanned inputs and the state the
//! previous copy produced. A recurrent cell over a sequence of `T` steps costs `T` times its
//! body, which is what proving it takes.
//!
//! Per input of the loop (tract's `InputMapping`): a scanned input is sliced along its axis,
//! `|chunk|` per iteration (from the end for a negative chunk); a full input is the same value
//! every iteration (a constant stays a constant, so the body's products with weights stay
//! contractions with constants); a state input is the initial state of the first iteration.
//! Per output (`OutputMapping`): a body output marked as state is the next iteration's state; a
//! scanned output concatenates the iterations' values along its axis (in reverse for a
//! negative chunk); a last-value output is the last iteration's value. Body nodes whose inputs
//! are all constants (the first step from a constant initial state) are evaluated at import.

use std::collections::HashMap;

use tract_onnx::{
	prelude::*,
	tract_core::ops::{
		scan::{InputMapping, Scan},
		source::TypedSource,
	},
};
use zkinfer_circuit::ops::{self, Op};

use super::{import_node, tract_error, Builder, ImportError, Slot};

/// Unrolls a `Scan` node into the graph.
pub(crate) fn import(
	b: &mut Builder<'_>,
	node: &TypedNode,
	scan: &Scan,
) -> Result<(), ImportError> {
	if scan.skip != 0 {
		return Err(Builder::unsupported(node, "a loop that skips its first iterations"));
	}
	let body = &scan.body;
	let body_inputs = body.input_outlets().map_err(tract_error)?.to_vec();
	let body_outputs = body.output_outlets().map_err(tract_error)?.to_vec();
	if body_inputs.len() != scan.input_mapping.len()
		|| body_outputs.len() != scan.output_mapping.len()
		|| node.inputs.len() != scan.input_mapping.len()
	{
		return Err(Builder::unsupported(node, "a loop whose mappings do not match its body"));
	}

	// The number of iterations, from the scanned inputs (all must agree).
	let mut iterations = None;
	for (mapping, &outlet) in scan.input_mapping.iter().zip(&node.inputs) {
		if let InputMapping::Scan(info) = mapping {
			let length = b.shape(outlet)?[info.axis];
			let chunk = info.chunk.unsigned_abs();
			if chunk == 0 || length % chunk != 0 || (info.chunk < 0 && chunk != 1) {
				return Err(Builder::unsupported(
					node,
					format!("a scan of {length} by chunks of {}", info.chunk),
				));
			}
			match iterations {
				None => iterations = Some(length / chunk),
				Some(n) if n == length / chunk => {},
				Some(_) => {
					return Err(Builder::unsupported(node, "scanned inputs of different lengths"))
				},
			}
		}
	}
	let iterations = iterations
		.filter(|&n| n > 0)
		.ok_or_else(|| Builder::unsupported(node, "a loop with no scanned input"))?;

	let mut states: Vec<Slot> = scan
		.input_mapping
		.iter()
		.zip(&node.inputs)
		.filter(|(m, _)| m.is_state())
		.map(|(_, &outlet)| b.slot(outlet))
		.collect::<Result<_, _>>()?;
	let mut per_iteration: Vec<Vec<Slot>> = Vec::with_capacity(iterations);
	for i in 0..iterations {
		let mut state = states.iter();
		let mut slots = Vec::with_capacity(body_inputs.len());
		for (mapping, &outlet) in scan.input_mapping.iter().zip(&node.inputs) {
			slots.push(match mapping {
				InputMapping::Full => b.slot(outlet)?,
				InputMapping::State => state
					.next()
					.cloned()
					.ok_or_else(|| Builder::unsupported(node, "a state without its value"))?,
				InputMapping::Scan(info) => {
					let chunk = info.chunk.unsigned_abs();
					let length = b.shape(outlet)?[info.axis];
					let start = if info.chunk < 0 { length - 1 - i } else { i * chunk };
					let op = Op::Slice(ops::Slice { axis: info.axis, start, end: start + chunk });
					let value = b.value(outlet)?;
					Slot::Value(b.push(format!("{}.step{i}.slice", node.name), op, vec![value]))
				},
			});
		}
		let outputs = import_body(b, body, &body_inputs, &body_outputs, slots)?;
		// The next step reads them (states), and so may the loop's outputs: none may absorb a
		// later operator.
		b.shared.extend(outputs.iter().filter_map(|slot| match slot {
			Slot::Value(v) => Some(*v),
			Slot::Const(_) => None,
		}));
		states = outputs
			.iter()
			.zip(&scan.output_mapping)
			.filter(|(_, m)| m.state)
			.map(|(slot, _)| slot.clone())
			.collect();
		per_iteration.push(outputs);
	}

	for (index, mapping) in scan.output_mapping.iter().enumerate() {
		if let Some((slot, info)) = mapping.scan {
			let mut parts = Vec::with_capacity(iterations);
			for (i, outputs) in per_iteration.iter().enumerate() {
				parts.push(materialize(b, &outputs[index], &format!("{}.step{i}", node.name))?);
			}
			if info.chunk < 0 {
				parts.reverse();
			}
			let outlet = OutletId::new(node.id, slot);
			if parts.len() == 1 {
				b.bind_shared(outlet, Slot::Value(parts[0]));
			} else {
				let op = Op::Concat(ops::Concat { axis: info.axis });
				let v = b.push(format!("{}.output{slot}", node.name), op, parts);
				b.bind(outlet, v);
			}
		}
		if let Some(slot) = mapping.last_value_slot {
			let last = per_iteration.last().map(|outputs| outputs[index].clone());
			if let Some(last) = last {
				b.bind_shared(OutletId::new(node.id, slot), last);
			}
		}
	}
	Ok(())
}

/// Imports one copy of the loop body with its inputs bound to `inputs`; returns its outputs.
fn import_body(
	b: &mut Builder<'_>,
	body: &TypedModel,
	body_inputs: &[OutletId],
	body_outputs: &[OutletId],
	inputs: Vec<Slot>,
) -> Result<Vec<Slot>, ImportError> {
	let nodes = std::mem::take(&mut b.nodes);
	let mut copy = Builder {
		model: body,
		own_from: b.input_count + nodes.len(),
		nodes,
		slots: HashMap::new(),
		materialized: HashMap::new(),
		outputs: body_outputs.to_vec(),
		input_count: b.input_count,
		shared: b.shared.clone(),
	};
	for (&outlet, slot) in body_inputs.iter().zip(inputs) {
		copy.slots.insert(outlet, slot);
	}
	let imported = (|| {
		for id in body.eval_order().map_err(tract_error)? {
			let node = body.node(id);
			if node.op_as::<TypedSource>().is_none() {
				import_node(&mut copy, node)?;
			}
		}
		body_outputs
			.iter()
			.map(|&outlet| copy.slot(outlet))
			.collect::<Result<Vec<_>, _>>()
	})();
	b.nodes = copy.nodes;
	b.shared = copy.shared;
	imported
}

/// The IR value of a slot, a constant becoming a `Const` node named `name`.
fn materialize(b: &mut Builder<'_>, slot: &Slot, name: &str) -> Result<usize, ImportError> {
	match slot {
		Slot::Value(v) => Ok(*v),
		Slot::Const(t) => {
			let value = super::to_ir_tensor(t)?;
			Ok(b.push(format!("{name}.const"), Op::Const(ops::Const { value }), vec![]))
		},
	}
}
