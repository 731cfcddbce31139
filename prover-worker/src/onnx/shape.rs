//! tract's axis and layout operators → [`Reshape`], [`Transpose`], [`Pad`], [`Slice`],
//! [`Concat`].
//!
//! Three have no IR operator of their own and are lowered to these, which are wiring only in
//! the circuit (no rows):
//! - `Tile` (ONNX `Tile`): per axis with multiplier `m > 1`, a [`Concat`] of `m` copies;
//! - `MultiBroadcastTo` (ONNX `Expand`): a [`Reshape`] that adds the leading axes of size 1,
//!   then per broadcast axis a [`Concat`] of copies;
//! - `Gather` with constant indices (ONNX `Gather` on an activation): one [`Slice`] per
//!   distinct index, a [`Concat`] of them in index order and a [`Reshape`] to the output
//!   shape. Indices computed from the data (a data-dependent lookup) are refused.

use std::collections::HashMap;

use tract_onnx::{
	prelude::*,
	tract_core::ops::{
		array::{
			Gather, MultiBroadcastTo, Pad as TractPad, PadMode, Slice as TractSlice, Tile,
			TypedConcat,
		},
		change_axes::AxisOp,
		identity::Identity,
	},
};
use zkinfer_circuit::ops::{Concat, Op, Pad, Reshape, Slice, Transpose};

use super::{Builder, ImportError};

/// Imports the node if it only moves elements; `Ok(false)` otherwise.
pub(crate) fn import(b: &mut Builder<'_>, node: &TypedNode) -> Result<bool, ImportError> {
	let out = OutletId::new(node.id, 0);
	if node.op_as::<Identity>().is_some() {
		let v = b.value(node.inputs[0])?;
		b.bind(out, v);
		return Ok(true);
	}
	if let Some(tile) = node.op_as::<Tile>() {
		let v = tile_value(b, node, &tile.multipliers)?;
		b.bind(out, v);
		return Ok(true);
	}
	if node.op_as::<MultiBroadcastTo>().is_some() {
		let v = broadcast_value(b, node)?;
		b.bind(out, v);
		return Ok(true);
	}
	if let Some(gather) = node.op_as::<Gather>() {
		let v = gather_value(b, node, gather.axis)?;
		b.bind(out, v);
		return Ok(true);
	}
	let (op, inputs) = if let Some(axis) = node.op_as::<AxisOp>() {
		let op = match axis {
			AxisOp::Add(_) | AxisOp::Rm(_) | AxisOp::Reshape(..) => {
				Op::Reshape(Reshape { shape: b.shape(out)? })
			},
			AxisOp::Move(from, to) => {
				let rank = b.shape(node.inputs[0])?.len();
				let mut perm: Vec<usize> = (0..rank).filter(|a| a != from).collect();
				if *to > perm.len() {
					return Err(Builder::unsupported(node, "axis move out of range"));
				}
				perm.insert(*to, *from);
				Op::Transpose(Transpose { perm })
			},
		};
		(op, vec![node.inputs[0]])
	} else if let Some(pad) = node.op_as::<TractPad>() {
		let PadMode::Constant(value) = &pad.mode else {
			return Err(Builder::unsupported(node, "only constant padding"));
		};
		let value = super::to_ir_tensor(value)?;
		if value.len() != 1 {
			return Err(Builder::unsupported(node, "padding value must be a scalar"));
		}
		(Op::Pad(Pad { pads: pad.pads.clone(), value: value.data()[0] }), vec![node.inputs[0]])
	} else if let Some(concat) = node.op_as::<TypedConcat>() {
		(Op::Concat(Concat { axis: concat.axis }), node.inputs.to_vec())
	} else if let Some(slice) = node.op_as::<TractSlice>() {
		let (Some(start), Some(end)) = (slice.start.as_i64(), slice.end.as_i64()) else {
			return Err(Builder::unsupported(node, "slice bounds must be static"));
		};
		let (Ok(start), Ok(end)) = (usize::try_from(start), usize::try_from(end)) else {
			return Err(Builder::unsupported(node, "negative slice bounds"));
		};
		(Op::Slice(Slice { axis: slice.axis, start, end }), vec![node.inputs[0]])
	} else {
		return Ok(false);
	};
	let inputs = inputs.into_iter().map(|o| b.value(o)).collect::<Result<Vec<_>, _>>()?;
	let v = b.push(node.name.clone(), op, inputs);
	b.bind(out, v);
	Ok(true)
}

/// `Tile`: each axis with multiplier `m > 1` becomes a [`Concat`] of `m` copies.
fn tile_value(
	b: &mut Builder<'_>,
	node: &TypedNode,
	multipliers: &[TDim],
) -> Result<usize, ImportError> {
	let mut v = b.value(node.inputs[0])?;
	for (axis, multiplier) in multipliers.iter().enumerate() {
		let copies = multiplier
			.to_i64()
			.map_err(|_| Builder::unsupported(node, "tile multipliers must be static"))?;
		let copies = usize::try_from(copies).map_err(|_| {
			Builder::unsupported(node, format!("a negative tile multiplier ({copies})"))
		})?;
		match copies {
			0 => return Err(Builder::unsupported(node, "a tile multiplier of 0 (empty output)")),
			1 => {},
			_ => {
				v = b.push(
					format!("{}/tile{axis}", node.name),
					Op::Concat(Concat { axis }),
					vec![v; copies],
				)
			},
		}
	}
	Ok(v)
}

/// `MultiBroadcastTo`: leading axes of size 1 added by a [`Reshape`], then each axis of size 1
/// that grows becomes a [`Concat`] of copies.
fn broadcast_value(b: &mut Builder<'_>, node: &TypedNode) -> Result<usize, ImportError> {
	let target = b.shape(OutletId::new(node.id, 0))?;
	let mut shape = b.shape(node.inputs[0])?;
	let mut v = b.value(node.inputs[0])?;
	if shape.len() > target.len() {
		return Err(Builder::unsupported(node, "broadcast to a lower rank"));
	}
	if shape.len() < target.len() {
		let mut padded = vec![1; target.len() - shape.len()];
		padded.extend_from_slice(&shape);
		shape = padded;
		v = b.push(
			format!("{}/rank", node.name),
			Op::Reshape(Reshape { shape: shape.clone() }),
			vec![v],
		);
	}
	for axis in 0..target.len() {
		if shape[axis] == target[axis] {
			continue;
		}
		if shape[axis] != 1 || target[axis] == 0 {
			return Err(Builder::unsupported(
				node,
				format!("axis {axis} of size {} cannot broadcast to {}", shape[axis], target[axis]),
			));
		}
		v = b.push(
			format!("{}/broadcast{axis}", node.name),
			Op::Concat(Concat { axis }),
			vec![v; target[axis]],
		);
		shape[axis] = target[axis];
	}
	Ok(v)
}

/// `Gather` with constant indices: a [`Slice`] per distinct index, their [`Concat`] in index
/// order, and a [`Reshape`] to the output shape (which removes the axis for a scalar index and
/// splits it for indices of rank 2 or more).
fn gather_value(b: &mut Builder<'_>, node: &TypedNode, axis: usize) -> Result<usize, ImportError> {
	let Some(indices) = b.constant(node.inputs[1])? else {
		return Err(Builder::unsupported(
			node,
			"indices computed from the data (only constant indices are supported)",
		));
	};
	let shape = b.shape(node.inputs[0])?;
	let size = *shape
		.get(axis)
		.ok_or_else(|| Builder::unsupported(node, format!("axis {axis} out of range")))?;
	let data = b.value(node.inputs[0])?;
	let mut slices = HashMap::new();
	let mut picked = Vec::with_capacity(indices.len());
	for &index in indices.data() {
		let signed = index as i64;
		let position = if signed < 0 { signed + size as i64 } else { signed };
		let position = usize::try_from(position)
			.ok()
			.filter(|&p| p < size && index.fract() == 0.0)
			.ok_or_else(|| {
				Builder::unsupported(node, format!("index {index} out of range for size {size}"))
			})?;
		let slice = match slices.get(&position) {
			Some(&v) => v,
			None => {
				let v = b.push(
					format!("{}/{position}", node.name),
					Op::Slice(Slice { axis, start: position, end: position + 1 }),
					vec![data],
				);
				slices.insert(position, v);
				v
			},
		};
		picked.push(slice);
	}
	let gathered = match picked.as_slice() {
		[] => return Err(Builder::unsupported(node, "no indices (empty output)")),
		[single] => *single,
		_ => b.push(format!("{}/concat", node.name), Op::Concat(Concat { axis }), picked),
	};
	let mut gathered_shape = shape;
	gathered_shape[axis] = indices.len();
	let out_shape = b.shape(OutletId::new(node.id, 0))?;
	Ok(if gathered_shape == out_shape {
		gathered
	} else {
		b.push(node.name.clone(), Op::Reshape(Reshape { shape: out_shape }), vec![gathered])
	})
}
