//! MaxPool: the maximum over each window, one comparison at a time ([`LayoutCtx::max`]).
//!
//! `max(m, v) = m + relu(v - m)` with the shared Relu table where `v - m` cannot leave the
//! lookup domain (3 rows), `(m + v + |v - m|) / 2` with a range-checked absolute value
//! otherwise: the maximum is exact for every input, never saturated. Padded positions are
//! skipped, as ONNX pads MaxPool with minus infinity.

use serde::{Deserialize, Serialize};

use super::{input, Arity, OpError, Operator, Provable, Quantize};
use crate::{
	chip::{LayoutCtx, Wire},
	quant::{Overflow, Quant},
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
		let [oh, ow] = super::linear::spatial_output(
			input_shape,
			self.kernel,
			self.strides,
			self.dilations,
			self.pads,
		)?;
		Ok(vec![input_shape[0], input_shape[1], oh, ow])
	}

	/// The flat input indices of each output's window.
	fn windows(&self, input_shape: &[usize]) -> Result<(Vec<usize>, Vec<Vec<usize>>), OpError> {
		let output_shape = self.output_shape(input_shape)?;
		let windows = super::linear::channel_windows(
			input_shape,
			&output_shape,
			self.kernel,
			self.strides,
			self.dilations,
			self.pads,
		);
		if windows.iter().any(Vec::is_empty) {
			return Err(OpError::Shape("a max-pool window lies entirely in the padding".into()));
		}
		Ok((output_shape, windows))
	}

	/// Integer inference: the maximum of each window.
	pub fn eval(&self, x: &Tensor<i64>) -> Result<Tensor<i64>, OpError> {
		let (shape, windows) = self.windows(x.shape())?;
		let values = windows
			.iter()
			.map(|window| window.iter().map(|&i| x.data()[i]).max().unwrap_or(0))
			.collect();
		Tensor::new(shape, values).ok_or(OpError::Shape("output size".into()))
	}

	/// Circuit layout: one [`LayoutCtx::max`] per comparison.
	pub fn layout(
		&self,
		x: &Tensor<Wire>,
		ctx: &mut LayoutCtx<'_, '_>,
	) -> Result<Tensor<Wire>, SynthesisError> {
		let (shape, windows) = self.windows(x.shape()).map_err(|e| ctx.refuse(e))?;
		let values = windows
			.iter()
			.map(|window| {
				let mut m = x.data()[window[0]].clone();
				for &i in &window[1..] {
					m = ctx.max(&m, &x.data()[i])?;
				}
				Ok::<_, SynthesisError>(m)
			})
			.collect::<Result<Vec<_>, _>>()?;
		Tensor::new(shape, values)
			.ok_or_else(|| ctx.refuse("the outputs do not fill the output shape"))
	}
}

impl<W> Operator<W> for MaxPool {
	fn name(&self) -> &'static str {
		"MaxPool"
	}
	fn arity(&self) -> Arity {
		Arity::Exactly(1)
	}
	fn infer_shape(&self, inputs: &[&[usize]]) -> Result<Vec<usize>, OpError> {
		self.output_shape(input(inputs, 0)?)
	}
}

impl Quantize for MaxPool {
	type Quantized = Self;
	fn quantize(&self, _: &Quant) -> Self {
		self.clone()
	}
}

/// Exact: no rescale, so no table beyond the Relu table every model has.
impl Provable for MaxPool {
	fn eval(
		&self,
		inputs: &[&Tensor<i64>],
		_: &Quant,
		_: Overflow,
	) -> Result<Tensor<i64>, OpError> {
		MaxPool::eval(self, input(inputs, 0)?)
	}
	fn layout(
		&self,
		inputs: &[&Tensor<Wire>],
		ctx: &mut LayoutCtx<'_, '_>,
	) -> Result<Tensor<Wire>, SynthesisError> {
		let x = input(inputs, 0).map_err(|e| ctx.refuse(e))?;
		MaxPool::layout(self, x, ctx)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn max_over_windows_ignores_padding() {
		let op = MaxPool { kernel: [3, 3], strides: [2, 2], dilations: [1, 1], pads: [1, 1, 1, 1] };
		let x = Tensor::from_fn(vec![1, 1, 4, 4], |i| -(i as i64)).unwrap();
		let y = op.eval(&x).unwrap();
		assert_eq!(y.shape(), &[1, 1, 2, 2]);
		assert_eq!(y.data(), &[0, -1, -4, -5]);
	}
}
