//! Operators that are linear in their data input, whatever their own logic, imported as the
//! linear map they compute: `Resize` and `NearestUpsample` (nearest and linear), `Trilu`,
//! `GatherElements` and `GatherNd` with constant indices.
//!
//! tract evaluates the operator on each unit vector of the input's space (the other inputs are
//! constants); the outputs are the columns of its matrix `M`, and the operator becomes a
//! reshape to `[n]`, a [`ops::MatMul`] by `M` (whose zero entries cost nothing: the contraction
//! lays out only non-zero terms, so a nearest resize or a gather is one term per output), and a
//! reshape to the output shape. The map is checked on a pseudo-random input before it is used:
//! an operator that is not linear in its input (or not for these constants) is refused.

use tract_onnx::prelude::*;
use zkinfer_circuit::{
	ops::{self, Activation, Op},
	Tensor as IrTensor,
};

use super::{tract_error, Builder, ImportError, Slot};

/// The operators imported this way, by tract's name.
const LINEAR_IN_DATA: &[&str] =
	&["Resize", "NearestUpsample", "Trilu", "GatherElements", "GatherNd"];

/// Input elements at most (`n` evaluations of the operator).
const MAX_INPUT: usize = 16_384;

/// Entries of the `n × m` matrix at most (128 MiB of `f64` while importing).
const MAX_ENTRIES: usize = 1 << 24;

/// Imports the node if it is one of [`LINEAR_IN_DATA`]; `Ok(false)` otherwise.
pub(crate) fn import(b: &mut Builder<'_>, node: &TypedNode) -> Result<bool, ImportError> {
	if !LINEAR_IN_DATA.contains(&node.op.name().as_ref()) {
		return Ok(false);
	}
	let Some((&data, rest)) = node.inputs.split_first() else {
		return Ok(false);
	};
	let mut constants = Vec::with_capacity(rest.len());
	for &outlet in rest {
		match b.slot(outlet)? {
			Slot::Const(t) => constants.push(t),
			Slot::Value(_) => {
				return Err(Builder::unsupported(
					node,
					"indices, sizes or scales computed from the data (they must be constants)",
				))
			},
		}
	}
	let input_shape = b.shape(data)?;
	let output_shape = b.shape(OutletId::new(node.id, 0))?;
	let n: usize = input_shape.iter().product();
	let m: usize = output_shape.iter().product();
	if n > MAX_INPUT || n.saturating_mul(m) > MAX_ENTRIES {
		return Err(Builder::unsupported(
			node,
			format!(
				"{n} inputs and {m} outputs (a linear map takes at most {MAX_INPUT} inputs and \
				 {MAX_ENTRIES} entries)"
			),
		));
	}
	let dt = b.model.outlet_fact(data).map_err(tract_error)?.datum_type;
	let run = |values: &[f64]| -> Result<Vec<f64>, ImportError> {
		let x = tract_ndarray::ArrayD::from_shape_vec(input_shape.clone(), values.to_vec())
			.map_err(tract_error)?
			.into_tensor()
			.cast_to_dt(dt)
			.map_err(tract_error)?
			.into_owned();
		let mut inputs: TVec<TValue> = tvec![x.into_tvalue()];
		inputs.extend(constants.iter().map(|t| TValue::from_const(t.clone())));
		let outputs = node
			.op
			.eval_out_of_plan(inputs)
			.map_err(tract_error)?
			.ok_or_else(|| Builder::unsupported(node, "tract cannot evaluate it alone"))?;
		let y = outputs[0].cast_to::<f64>().map_err(tract_error)?;
		let y: Vec<f64> =
			y.to_plain_array_view::<f64>().map_err(tract_error)?.iter().copied().collect();
		Ok(y)
	};
	let offset = run(&vec![0.0; n])?;
	let mut matrix = vec![0.0; n * m];
	let mut unit = vec![0.0; n];
	for j in 0..n {
		unit[j] = 1.0;
		let column = run(&unit)?;
		unit[j] = 0.0;
		for (i, (&y, &c)) in column.iter().zip(&offset).enumerate() {
			matrix[j * m + i] = y - c;
		}
	}
	// The map must reproduce the operator on an input it was not built from.
	let probe: Vec<f64> = (0..n).map(|j| ((j * 7919 + 13) % 101) as f64 / 50.0 - 1.0).collect();
	let expected = run(&probe)?;
	let linear = expected.iter().enumerate().all(|(i, &want)| {
		let got = offset[i] + (0..n).map(|j| probe[j] * matrix[j * m + i]).sum::<f64>();
		(got - want).abs() <= 1e-4 * (1.0 + want.abs())
	});
	if !linear {
		return Err(Builder::unsupported(node, "it is not linear in its data input"));
	}

	let name = &node.name;
	let weight = IrTensor::new(vec![n, m], matrix)
		.ok_or_else(|| Builder::unsupported(node, "matrix size"))?;
	let bias =
		IrTensor::new(vec![m], offset).ok_or_else(|| Builder::unsupported(node, "output size"))?;
	let mut value = b.value(data)?;
	value =
		b.push(format!("{name}.flat"), Op::Reshape(ops::Reshape { shape: vec![n] }), vec![value]);
	let op = Op::MatMul(ops::MatMul {
		input_axes: "a".into(),
		weight_axes: "ab".into(),
		output_axes: "b".into(),
		weight,
		bias,
		activation: Activation::Identity,
	});
	value = b.push(format!("{name}.map"), op, vec![value]);
	let v = b.push(name.clone(), Op::Reshape(ops::Reshape { shape: output_shape }), vec![value]);
	b.bind(OutletId::new(node.id, 0), v);
	Ok(true)
}
