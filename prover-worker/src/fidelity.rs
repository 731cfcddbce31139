//! Fidelity: how far the proved integer inference lies from the model's float inference.
//!
//! For each output of the graph and over a set of samples (the calibration samples at
//! `compile`), the largest absolute difference between the dequantized integer inference (what
//! a proof states) and tract's float inference of the same graph (the ONNX model's, with a
//! dropped final Softmax left out of both), and that difference relative to the largest float
//! value of the output. A model owner reads it before registering: a large relative error
//! means the scales do not fit the data (`--act-bits`, `--max-domain-bits`).

use serde::{Deserialize, Serialize};
use tract_onnx::prelude::*;
use zkinfer_circuit::{tensor::element_count, Model};

use crate::onnx::Imported;

/// The fidelity of one output.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OutputFidelity {
	/// The output's shape.
	pub shape: Vec<usize>,
	/// The largest `|integer − float|` over the output's values and the samples.
	pub max_abs_error: f64,
	/// `max_abs_error` over the largest `|float|` of the output (0 when that is 0). Infinite
	/// or undefined float values are left out of both.
	pub max_rel_error: f64,
}

/// Why fidelity could not be measured.
#[derive(Debug)]
pub enum FidelityError {
	/// tract could not run the float model.
	Tract(String),
	/// The integer inference refused a sample.
	Model(String),
}

impl core::fmt::Display for FidelityError {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		match self {
			Self::Tract(e) => write!(f, "float inference: {e}"),
			Self::Model(e) => write!(f, "integer inference: {e}"),
		}
	}
}

impl std::error::Error for FidelityError {}

fn tract(e: impl core::fmt::Display) -> FidelityError {
	FidelityError::Tract(format!("{e:#}"))
}

/// Measures the fidelity of `model` (the quantized graph of `imported`) on `samples` (real
/// inputs, every input flattened in graph order).
pub fn measure(
	imported: &Imported,
	model: &Model,
	samples: &[Vec<f64>],
) -> Result<Vec<OutputFidelity>, FidelityError> {
	let plan = imported.tract_model.clone().into_runnable().map_err(tract)?;
	let input_facts = imported
		.tract_model
		.input_outlets()
		.map_err(tract)?
		.iter()
		.map(|&o| imported.tract_model.outlet_fact(o).map(|f| f.datum_type))
		.collect::<TractResult<Vec<_>>>()
		.map_err(tract)?;
	let output_shapes: Vec<Vec<usize>> = model.output_shapes().iter().map(|s| s.to_vec()).collect();
	let mut worst = vec![0.0f64; output_shapes.len()];
	let mut largest = vec![0.0f64; output_shapes.len()];
	for sample in samples {
		let mut rest = sample.as_slice();
		let mut inputs = TVec::new();
		for (shape, &dt) in model.input_shapes().iter().zip(&input_facts) {
			let n = element_count(shape).unwrap_or(0);
			let (values, tail) = rest
				.split_at_checked(n)
				.ok_or_else(|| FidelityError::Model("a sample is shorter than the input".into()))?;
			rest = tail;
			let tensor = tract_ndarray::ArrayD::from_shape_vec(shape.clone(), values.to_vec())
				.map_err(tract)?
				.into_tensor()
				.cast_to_dt(dt)
				.map_err(tract)?
				.into_owned();
			inputs.push(tensor.into_tvalue());
		}
		let floats = plan.run(inputs).map_err(tract)?;
		let quantized: Vec<i64> = sample.iter().map(|&x| model.quant.quantize_act(x)).collect();
		let integers = model.eval(&quantized).map_err(|e| FidelityError::Model(e.to_string()))?;
		let mut integers = integers.as_slice();
		if floats.len() != output_shapes.len() {
			return Err(FidelityError::Tract(format!(
				"{} float outputs for {} outputs",
				floats.len(),
				output_shapes.len()
			)));
		}
		for (i, (float, shape)) in floats.iter().zip(&output_shapes).enumerate() {
			let n = element_count(shape).unwrap_or(0);
			let float = float.cast_to::<f64>().map_err(tract)?;
			let float = float.to_plain_array_view::<f64>().map_err(tract)?;
			let (ints, tail) = integers
				.split_at_checked(n)
				.filter(|_| float.len() == n)
				.ok_or_else(|| FidelityError::Tract(format!("output {i}: sizes differ")))?;
			integers = tail;
			// An infinite or undefined float (an overflowing Exp) has no distance to report.
			for (&q, &f) in ints.iter().zip(float.iter()).filter(|(_, f)| f.is_finite()) {
				worst[i] = worst[i].max((model.quant.dequantize(q) - f).abs());
				largest[i] = largest[i].max(f.abs());
			}
		}
	}
	Ok(output_shapes
		.into_iter()
		.zip(worst.into_iter().zip(largest))
		.map(|(shape, (max_abs_error, largest))| OutputFidelity {
			shape,
			max_abs_error,
			max_rel_error: if largest > 0.0 { max_abs_error / largest } else { 0.0 },
		})
		.collect())
}
