//! tract's axis and layout operators → [`Reshape`], [`Transpose`], [`Pad`], [`Slice`],
//! [`Concat`].

use tract_onnx::{
	prelude::*,
	tract_core::ops::{
		array::{Pad as TractPad, PadMode, Slice as TractSlice, TypedConcat},
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
