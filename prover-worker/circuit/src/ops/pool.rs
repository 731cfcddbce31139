//! MaxPool: the maximum over each window, one comparison at a time.
//!
//! `max(m, v) = m + relu(v - m)`: a dot row for `v - m`, a read of the shared Relu table (which
//! also proves `v - m` lies in the lookup domain) and a dot row for the sum. Padded positions
//! are skipped, as ONNX pads MaxPool with minus infinity.

use serde::{Deserialize, Serialize};

use super::OpError;
use crate::{
	chip::{LayoutCtx, TableKind, Wire},
	quant::Quant,
	tensor::Tensor,
};
use halo2_proofs::plonk::Error as SynthesisError;

/// A windowed maximum over `[N, C, H, W]`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MaxPool {
	/// Window height and width.
	pub kernel: [usize; 2],
	/// Vertical and horizontal stride.
	pub strides: [usize; 2],
	/// Vertical and horizontal dilation.
	pub dilations: [usize; 2],
	/// Padding: top, left, bottom, right (never selected).
	pub pads: [usize; 4],
}

impl MaxPool {
	/// The output shape for an input shape.
	pub fn output_shape(&self, input_shape: &[usize]) -> Result<Vec<usize>, OpError> {
		let [oh, ow] = super::linear::spatial_output(input_shape, self.kernel, self.strides, self.dilations, self.pads)?;
		Ok(vec![input_shape[0], input_shape[1], oh, ow])
	}

	/// The flat input indices of each output's window.
	fn windows(&self, input_shape: &[usize]) -> Result<(Vec<usize>, Vec<Vec<usize>>), OpError> {
		let output_shape = self.output_shape(input_shape)?;
		let windows = super::linear::channel_windows(input_shape, &output_shape, self.kernel, self.strides, self.dilations, self.pads);
		if windows.iter().any(Vec::is_empty) {
			return Err(OpError::Shape("a max-pool window lies entirely in the padding".into()));
		}
		Ok((output_shape, windows))
	}

	/// Integer inference: every difference compared must lie in the lookup domain.
	pub fn eval(&self, x: &Tensor<i64>, q: &Quant) -> Result<Tensor<i64>, OpError> {
		let (shape, windows) = self.windows(x.shape())?;
		let values = windows
			.iter()
			.map(|window| {
				let mut m = x.data()[window[0]];
				for &i in &window[1..] {
					let v = x.data()[i];
					let d = v.checked_sub(m).ok_or(OpError::Overflow)?;
					if !q.in_domain(d) {
						return Err(OpError::OutOfDomain { value: d });
					}
					m = m.max(v);
				}
				Ok(m)
			})
			.collect::<Result<Vec<_>, _>>()?;
		Tensor::new(shape, values).ok_or(OpError::Shape("output size".into()))
	}

	/// Circuit layout: per comparison, `d = v - m`, `r = relu(d)` from the table, `m + r`.
	pub fn layout(&self, x: &Tensor<Wire>, ctx: &mut LayoutCtx<'_, '_>) -> Result<Tensor<Wire>, SynthesisError> {
		let (shape, windows) = self.windows(x.shape()).map_err(|_| SynthesisError::Synthesis)?;
		let values = windows
			.iter()
			.map(|window| {
				let mut m = x.data()[window[0]].clone();
				for &i in &window[1..] {
					let d = ctx.dot(&[(x.data()[i].clone(), 1), (m.clone(), -1)], 0)?;
					let r = ctx.lookup(&d, TableKind::Relu)?;
					m = ctx.dot(&[(m, 1), (r, 1)], 0)?;
				}
				Ok::<_, SynthesisError>(m)
			})
			.collect::<Result<Vec<_>, _>>()?;
		Tensor::new(shape, values).ok_or(SynthesisError::Synthesis)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn max_over_windows_ignores_padding() {
		let q = Quant { act_bits: 4, weight_bits: 4, domain_bits: 12 };
		let op = MaxPool { kernel: [3, 3], strides: [2, 2], dilations: [1, 1], pads: [1, 1, 1, 1] };
		let x = Tensor::from_fn(vec![1, 1, 4, 4], |i| -(i as i64)).unwrap();
		let y = op.eval(&x, &q).unwrap();
		assert_eq!(y.shape(), &[1, 1, 2, 2]);
		assert_eq!(y.data(), &[0, -1, -4, -5]);
	}
}
