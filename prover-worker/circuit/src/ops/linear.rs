//! Linear operators: every output is `activation(rescale(Σ wᵢ·xᵢ + b))` with constant weights.
//!
//! [`MatMul`], [`Conv`], [`SumPool`] and [`Affine`] differ only in which inputs and weights
//! each output reads; each lowers to the same [`Lowered`] form (a list of weighted terms and a
//! bias per output), which [`eval`] computes and [`layout`] lays out with the dot-product gate
//! and one rescale-and-activation block per output. Terms with a zero weight are dropped. The
//! rescaled value saturates at the lookup domain's edges before the activation.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{input, Activation, Arity, OpError, Operator, Provable, Quantize};
use crate::{
	chip::{LayoutCtx, TableKind, Wire},
	quant::{rescale, Overflow, Quant},
	tensor::{element_count, flat_index, unflatten, Tensor},
};
use halo2_proofs::plonk::Error as SynthesisError;

/// One output of a linear operator: `Σ weight · input[index] + bias`.
#[derive(Clone, Debug, PartialEq)]
pub struct Row<W> {
	/// `(flat input index, weight)` pairs.
	pub terms: Vec<(usize, W)>,
	/// The bias, at the scale of the products.
	pub bias: W,
}

/// A linear operator lowered to its rows.
#[derive(Clone, Debug, PartialEq)]
pub struct Lowered<W> {
	/// The output shape; `rows` are in its row-major order.
	pub output_shape: Vec<usize>,
	/// One row per output element.
	pub rows: Vec<Row<W>>,
	/// The activation applied after the rescale.
	pub activation: Activation<W>,
}

/// Integer inference of a lowered linear operator: per output, the sum, the rescale, the
/// saturation (or refusal, as `overflow` says) to the lookup domain, the activation.
pub fn eval(
	op: &Lowered<i64>,
	x: &Tensor<i64>,
	q: &Quant,
	overflow: Overflow,
) -> Result<Tensor<i64>, OpError> {
	let values = op
		.rows
		.iter()
		.map(|row| {
			let acc = row.terms.iter().try_fold(row.bias, |acc, &(i, w)| {
				let xi =
					*x.data().get(i).ok_or(OpError::Shape("term index out of range".into()))?;
				acc.checked_add(w.checked_mul(xi).ok_or(OpError::Overflow)?)
					.ok_or(OpError::Overflow)
			})?;
			let (value, _) = rescale(acc, q.weight_bits).ok_or(OpError::Overflow)?;
			let value = q.fit(value, overflow).ok_or(OpError::OutOfDomain { value })?;
			op.activation.apply_or_refuse(value, q, overflow)
		})
		.collect::<Result<Vec<_>, _>>()?;
	Tensor::new(op.output_shape.clone(), values).ok_or(OpError::Shape("output size".into()))
}

/// Circuit layout of a lowered linear operator: per output, dot-product rows then a rescale
/// block whose table read applies the activation.
pub fn layout(
	op: &Lowered<i64>,
	x: &Tensor<Wire>,
	ctx: &mut LayoutCtx<'_, '_>,
) -> Result<Tensor<Wire>, SynthesisError> {
	let shift = ctx.quant().weight_bits;
	let outputs = op
		.rows
		.iter()
		.map(|row| {
			let terms = row
				.terms
				.iter()
				.map(|&(i, w)| match x.data().get(i) {
					Some(wire) => Ok((wire.clone(), w)),
					None => Err(ctx.refuse(format!("a term reads input {i} of {}", x.len()))),
				})
				.collect::<Result<Vec<_>, _>>()?;
			let acc = ctx.dot(&terms, row.bias)?;
			ctx.rescale(&acc, shift, op.activation.function())
		})
		.collect::<Result<Vec<_>, _>>()?;
	Tensor::new(op.output_shape.clone(), outputs)
		.ok_or_else(|| ctx.refuse("the outputs do not fill the output shape"))
}

/// [`Operator`], [`Quantize`] and [`Provable`] for a linear operator: one input, its lowering,
/// the fused activation, and the weight-scale range table its rescale reads.
macro_rules! linear_operator {
	($ty:ident, $name:literal) => {
		impl<W: Copy> Operator<W> for $ty<W> {
			fn name(&self) -> &'static str {
				$name
			}
			fn arity(&self) -> Arity {
				Arity::Exactly(1)
			}
			fn infer_shape(&self, inputs: &[&[usize]]) -> Result<Vec<usize>, OpError> {
				self.output_shape(input(inputs, 0)?)
			}
			fn activation(&self) -> Option<&Activation<W>> {
				Some(&self.activation)
			}
			fn fused_activation_mut(&mut self) -> Option<&mut Activation<W>> {
				Some(&mut self.activation)
			}
		}

		impl Quantize for $ty<f64> {
			type Quantized = $ty<i64>;
			fn quantize(&self, q: &Quant) -> $ty<i64> {
				self.quantized(q)
			}
		}

		impl Provable for $ty<i64> {
			fn eval(
				&self,
				inputs: &[&Tensor<i64>],
				q: &Quant,
				overflow: Overflow,
			) -> Result<Tensor<i64>, OpError> {
				let x = input(inputs, 0)?;
				eval(&self.lowered(x.shape())?, x, q, overflow)
			}
			fn layout(
				&self,
				inputs: &[&Tensor<Wire>],
				ctx: &mut LayoutCtx<'_, '_>,
			) -> Result<Tensor<Wire>, SynthesisError> {
				let x = input(inputs, 0).map_err(|e| ctx.refuse(e))?;
				let lowered = self.lowered(x.shape()).map_err(|e| ctx.refuse(e))?;
				layout(&lowered, x, ctx)
			}
			fn tables(&self, q: &Quant, tables: &mut Vec<TableKind>) {
				tables.push(TableKind::Range(q.weight_bits));
				tables.push(self.activation.table());
			}
		}
	};
}

linear_operator!(MatMul, "MatMul");
linear_operator!(Conv, "Conv");
linear_operator!(SumPool, "SumPool");
linear_operator!(Affine, "Affine");

/// A contraction of the input with a constant tensor, written as an Einstein summation:
/// Gemm and MatMul (`mk,kn->mn`), and whatever tract's decluttering turns them into (for
/// example `mbak,bakn->mn` for Flatten followed by Gemm).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MatMul<W> {
	/// One letter per input axis.
	pub input_axes: String,
	/// One letter per weight axis.
	pub weight_axes: String,
	/// One letter per output axis; letters of the inputs missing here are summed over, and a
	/// letter in neither input is an axis of size 1.
	pub output_axes: String,
	/// The constant operand.
	pub weight: Tensor<W>,
	/// The bias, one per output element (broadcast at import).
	pub bias: Tensor<W>,
	/// The activation after the rescale.
	pub activation: Activation<W>,
}

impl<W: Copy> MatMul<W> {
	fn axis_sizes(&self, input_shape: &[usize]) -> Result<BTreeMap<char, usize>, OpError> {
		let mut sizes = BTreeMap::new();
		let mut bind = |axes: &str, shape: &[usize], what: &str| -> Result<(), OpError> {
			if axes.chars().count() != shape.len() {
				return Err(OpError::Shape(format!(
					"{what} axes {axes:?} do not match shape {shape:?}"
				)));
			}
			for (letter, &size) in axes.chars().zip(shape) {
				if *sizes.entry(letter).or_insert(size) != size {
					return Err(OpError::Shape(format!("axis {letter} has two sizes")));
				}
			}
			Ok(())
		};
		bind(&self.input_axes, input_shape, "input")?;
		bind(&self.weight_axes, self.weight.shape(), "weight")?;
		Ok(sizes)
	}

	/// The output shape for an input shape.
	pub fn output_shape(&self, input_shape: &[usize]) -> Result<Vec<usize>, OpError> {
		let sizes = self.axis_sizes(input_shape)?;
		let shape = self
			.output_axes
			.chars()
			.map(|l| sizes.get(&l).copied().unwrap_or(1))
			.collect::<Vec<_>>();
		if self.bias.shape() != shape.as_slice() {
			return Err(OpError::Shape(format!(
				"bias shape {:?} is not the output shape {shape:?}",
				self.bias.shape()
			)));
		}
		Ok(shape)
	}

	/// The terms of every output.
	pub fn lowered(&self, input_shape: &[usize]) -> Result<Lowered<W>, OpError>
	where
		W: PartialEq + Default,
	{
		let output_shape = self.output_shape(input_shape)?;
		let sizes = self.axis_sizes(input_shape)?;
		let summed: Vec<char> =
			sizes.keys().copied().filter(|l| !self.output_axes.contains(*l)).collect();
		let summed_shape: Vec<usize> = summed.iter().map(|l| sizes[l]).collect();
		let summed_count = element_count(&summed_shape).ok_or(OpError::Overflow)?;
		let index_of = |axes: &str, letters: &BTreeMap<char, usize>| -> Vec<usize> {
			axes.chars().map(|l| letters[&l]).collect()
		};
		let mut rows = Vec::with_capacity(self.bias.len());
		for (out_flat, &bias) in self.bias.data().iter().enumerate() {
			let mut letters: BTreeMap<char, usize> =
				self.output_axes.chars().zip(unflatten(&output_shape, out_flat)).collect();
			let mut terms = Vec::new();
			for s in 0..summed_count {
				for (l, i) in summed.iter().zip(unflatten(&summed_shape, s)) {
					letters.insert(*l, i);
				}
				let w_index = index_of(&self.weight_axes, &letters);
				let w = *self.weight.get(&w_index).ok_or(OpError::Shape("weight index".into()))?;
				if w == W::default() {
					continue;
				}
				let x_index = flat_index(input_shape, &index_of(&self.input_axes, &letters))
					.ok_or(OpError::Shape("input index".into()))?;
				terms.push((x_index, w));
			}
			rows.push(Row { terms, bias });
		}
		Ok(Lowered { output_shape, rows, activation: self.activation })
	}
}

impl MatMul<f64> {
	/// Quantizes weights and bias.
	pub fn quantized(&self, q: &Quant) -> MatMul<i64> {
		MatMul {
			input_axes: self.input_axes.clone(),
			weight_axes: self.weight_axes.clone(),
			output_axes: self.output_axes.clone(),
			weight: self.weight.map(|&w| q.quantize_weight(w)),
			bias: self.bias.map(|&b| q.quantize_bias(b)),
			activation: self.activation.quantize(q),
		}
	}
}

/// A 2-D convolution over `[N, C, H, W]` with an `[O, C / group, KH, KW]` kernel.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Conv<W> {
	/// The kernel, `[O, C / group, KH, KW]`.
	pub kernel: Tensor<W>,
	/// One bias per output channel.
	pub bias: Vec<W>,
	/// Vertical and horizontal stride.
	pub strides: [usize; 2],
	/// Vertical and horizontal dilation.
	pub dilations: [usize; 2],
	/// Zero padding: top, left, bottom, right.
	pub pads: [usize; 4],
	/// Channel groups (1 for a plain convolution).
	pub group: usize,
	/// The activation after the rescale.
	pub activation: Activation<W>,
}

/// The output extent of a window sweep, or `None` if the window does not fit.
fn sweep(
	size: usize,
	pad_begin: usize,
	pad_end: usize,
	kernel: usize,
	stride: usize,
	dilation: usize,
) -> Option<usize> {
	let span = dilation.checked_mul(kernel.checked_sub(1)?)?.checked_add(1)?;
	let padded = size.checked_add(pad_begin)?.checked_add(pad_end)?;
	if stride == 0 || padded < span {
		return None;
	}
	Some((padded - span) / stride + 1)
}

/// The input positions a window at output position `(oy, ox)` covers, with their kernel
/// positions; positions in the padding are skipped.
pub(crate) fn window(
	input_hw: [usize; 2],
	kernel_hw: [usize; 2],
	strides: [usize; 2],
	dilations: [usize; 2],
	pads: [usize; 4],
	out: [usize; 2],
) -> impl Iterator<Item = ([usize; 2], [usize; 2])> {
	(0..kernel_hw[0])
		.flat_map(move |ky| (0..kernel_hw[1]).map(move |kx| (ky, kx)))
		.filter_map(move |(ky, kx)| {
			let y = (out[0] * strides[0] + ky * dilations[0]).checked_sub(pads[0])?;
			let x = (out[1] * strides[1] + kx * dilations[1]).checked_sub(pads[1])?;
			(y < input_hw[0] && x < input_hw[1]).then_some(([y, x], [ky, kx]))
		})
}

/// For a per-channel window sweep over an NCHW input (pooling), the flat input indices each
/// output reads, in the output's row-major order; positions in the padding are skipped.
pub(crate) fn channel_windows(
	input_shape: &[usize],
	output_shape: &[usize],
	kernel: [usize; 2],
	strides: [usize; 2],
	dilations: [usize; 2],
	pads: [usize; 4],
) -> Vec<Vec<usize>> {
	let [n, c, oh, ow] = *output_shape else { return Vec::new() };
	let hw = [input_shape[2], input_shape[3]];
	let mut windows = Vec::with_capacity(n * c * oh * ow);
	for b in 0..n {
		for ch in 0..c {
			for oy in 0..oh {
				for ox in 0..ow {
					windows.push(
						window(hw, kernel, strides, dilations, pads, [oy, ox])
							.filter_map(|([y, x], _)| flat_index(input_shape, &[b, ch, y, x]))
							.collect(),
					);
				}
			}
		}
	}
	windows
}

/// Checks a 4-D NCHW input and returns the output's spatial size for a window sweep.
pub(crate) fn spatial_output(
	input_shape: &[usize],
	kernel_hw: [usize; 2],
	strides: [usize; 2],
	dilations: [usize; 2],
	pads: [usize; 4],
) -> Result<[usize; 2], OpError> {
	let [_, _, h, w] = input_shape else {
		return Err(OpError::Shape(format!("expected an NCHW input, got shape {input_shape:?}")));
	};
	let oh = sweep(*h, pads[0], pads[2], kernel_hw[0], strides[0], dilations[0]);
	let ow = sweep(*w, pads[1], pads[3], kernel_hw[1], strides[1], dilations[1]);
	match (oh, ow) {
		(Some(oh), Some(ow)) if oh > 0 && ow > 0 => Ok([oh, ow]),
		_ => {
			Err(OpError::Shape(format!("window {kernel_hw:?} does not fit input {input_shape:?}")))
		},
	}
}

impl<W: Copy> Conv<W> {
	fn kernel_dims(&self) -> Result<[usize; 4], OpError> {
		match *self.kernel.shape() {
			[o, c, kh, kw] => Ok([o, c, kh, kw]),
			ref s => Err(OpError::Shape(format!("kernel must be OIHW, got {s:?}"))),
		}
	}

	/// The output shape for an input shape.
	pub fn output_shape(&self, input_shape: &[usize]) -> Result<Vec<usize>, OpError> {
		let [o, c_per_group, kh, kw] = self.kernel_dims()?;
		let [oh, ow] =
			spatial_output(input_shape, [kh, kw], self.strides, self.dilations, self.pads)?;
		let (n, c) = (input_shape[0], input_shape[1]);
		if self.group == 0
			|| c != c_per_group * self.group
			|| o % self.group != 0
			|| self.bias.len() != o
		{
			return Err(OpError::Shape(format!(
				"conv: {c} input channels, kernel {:?}, {} groups, {} biases",
				self.kernel.shape(),
				self.group,
				self.bias.len()
			)));
		}
		Ok(vec![n, o, oh, ow])
	}

	/// The terms of every output.
	pub fn lowered(&self, input_shape: &[usize]) -> Result<Lowered<W>, OpError>
	where
		W: PartialEq + Default,
	{
		let output_shape = self.output_shape(input_shape)?;
		let [o, c_per_group, kh, kw] = self.kernel_dims()?;
		let [n, _, oh, ow] = output_shape[..] else {
			return Err(OpError::Shape("conv output".into()));
		};
		let hw = [input_shape[2], input_shape[3]];
		let o_per_group = o / self.group;
		let mut rows = Vec::new();
		for b in 0..n {
			for oc in 0..o {
				let g = oc / o_per_group;
				for oy in 0..oh {
					for ox in 0..ow {
						let mut terms = Vec::new();
						for ic in 0..c_per_group {
							let c = g * c_per_group + ic;
							for ([y, x], [ky, kx]) in window(
								hw,
								[kh, kw],
								self.strides,
								self.dilations,
								self.pads,
								[oy, ox],
							) {
								let w = *self
									.kernel
									.get(&[oc, ic, ky, kx])
									.ok_or(OpError::Shape("kernel index".into()))?;
								if w != W::default() {
									let i = flat_index(input_shape, &[b, c, y, x])
										.ok_or(OpError::Shape("input index".into()))?;
									terms.push((i, w));
								}
							}
						}
						rows.push(Row { terms, bias: self.bias[oc] });
					}
				}
			}
		}
		Ok(Lowered { output_shape, rows, activation: self.activation })
	}
}

impl Conv<f64> {
	/// Quantizes kernel and bias.
	pub fn quantized(&self, q: &Quant) -> Conv<i64> {
		Conv {
			kernel: self.kernel.map(|&w| q.quantize_weight(w)),
			bias: self.bias.iter().map(|&b| q.quantize_bias(b)).collect(),
			strides: self.strides,
			dilations: self.dilations,
			pads: self.pads,
			group: self.group,
			activation: self.activation.quantize(q),
		}
	}
}

/// A windowed sum over `[N, C, H, W]`, per channel, with a weight that depends on how many
/// elements the window counts: AveragePool (weight `1 / count`), GlobalAveragePool (one window
/// over the whole plane), a sum followed by a scale (tract's ReduceSum and Mul).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SumPool<W> {
	/// Window height and width.
	pub kernel: [usize; 2],
	/// Vertical and horizontal stride.
	pub strides: [usize; 2],
	/// Zero padding: top, left, bottom, right.
	pub pads: [usize; 4],
	/// Whether padded positions count towards a window's element count.
	pub count_include_pad: bool,
	/// `weights[c - 1]` is the weight of every term of a window counting `c` elements.
	pub weights: Vec<W>,
	/// The activation after the rescale.
	pub activation: Activation<W>,
}

impl<W: Copy> SumPool<W> {
	/// The output shape for an input shape.
	pub fn output_shape(&self, input_shape: &[usize]) -> Result<Vec<usize>, OpError> {
		let [oh, ow] = spatial_output(input_shape, self.kernel, self.strides, [1, 1], self.pads)?;
		if self.weights.len() != self.kernel[0] * self.kernel[1] {
			return Err(OpError::Shape("one weight per possible window count is needed".into()));
		}
		Ok(vec![input_shape[0], input_shape[1], oh, ow])
	}

	/// The terms of every output.
	pub fn lowered(&self, input_shape: &[usize]) -> Result<Lowered<W>, OpError>
	where
		W: Default,
	{
		let output_shape = self.output_shape(input_shape)?;
		let rows = channel_windows(
			input_shape,
			&output_shape,
			self.kernel,
			self.strides,
			[1, 1],
			self.pads,
		)
		.into_iter()
		.map(|inputs| {
			let count = if self.count_include_pad { self.weights.len() } else { inputs.len() };
			let w = *count
				.checked_sub(1)
				.and_then(|i| self.weights.get(i))
				.ok_or(OpError::Shape("empty window".into()))?;
			Ok(Row { terms: inputs.into_iter().map(|i| (i, w)).collect(), bias: W::default() })
		})
		.collect::<Result<Vec<_>, OpError>>()?;
		Ok(Lowered { output_shape, rows, activation: self.activation })
	}
}

impl SumPool<f64> {
	/// Quantizes the window weights.
	pub fn quantized(&self, q: &Quant) -> SumPool<i64> {
		SumPool {
			kernel: self.kernel,
			strides: self.strides,
			pads: self.pads,
			count_include_pad: self.count_include_pad,
			weights: self.weights.iter().map(|&w| q.quantize_weight(w)).collect(),
			activation: self.activation.quantize(q),
		}
	}
}

/// `y = x · mul + add` elementwise, with constants of the input's shape: Add, Sub and Mul by
/// a constant, and BatchNormalization that could not be folded into a preceding operator.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Affine<W> {
	/// Multipliers (weights), one per element.
	pub mul: Tensor<W>,
	/// Offsets (biases), one per element.
	pub add: Tensor<W>,
	/// The activation after the rescale.
	pub activation: Activation<W>,
}

impl<W: Copy> Affine<W> {
	/// The output shape (the input's).
	pub fn output_shape(&self, input_shape: &[usize]) -> Result<Vec<usize>, OpError> {
		if self.mul.shape() != input_shape || self.add.shape() != input_shape {
			return Err(OpError::Shape(format!(
				"affine constants do not have the input shape {input_shape:?}"
			)));
		}
		Ok(input_shape.to_vec())
	}

	/// One single-term row per element.
	pub fn lowered(&self, input_shape: &[usize]) -> Result<Lowered<W>, OpError> {
		let output_shape = self.output_shape(input_shape)?;
		let rows = self
			.mul
			.data()
			.iter()
			.zip(self.add.data())
			.enumerate()
			.map(|(i, (&m, &a))| Row { terms: vec![(i, m)], bias: a })
			.collect();
		Ok(Lowered { output_shape, rows, activation: self.activation })
	}
}

impl Affine<f64> {
	/// Quantizes multipliers (weights) and offsets (biases).
	pub fn quantized(&self, q: &Quant) -> Affine<i64> {
		Affine {
			mul: self.mul.map(|&w| q.quantize_weight(w)),
			add: self.add.map(|&b| q.quantize_bias(b)),
			activation: self.activation.quantize(q),
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn q() -> Quant {
		Quant { act_bits: 4, weight_bits: 4, domain_bits: 12 }
	}

	#[test]
	fn matmul_is_a_matrix_product() {
		// x [1, 3] · w [3, 2] + b
		let op = MatMul {
			input_axes: "mk".into(),
			weight_axes: "kn".into(),
			output_axes: "mn".into(),
			weight: Tensor::new(vec![3, 2], vec![16, 0, -16, 32, 8, 8]).unwrap(),
			bias: Tensor::new(vec![1, 2], vec![256, 0]).unwrap(),
			activation: Activation::Identity,
		};
		let x = Tensor::new(vec![1, 3], vec![16, 32, 48]).unwrap(); // 1, 2, 3
		let lowered = op.lowered(x.shape()).unwrap();
		assert_eq!(lowered.rows[0].terms, vec![(0, 16), (1, -16), (2, 8)]); // zero weight dropped
																	  // y0 = 1 - 2 + 1.5 + 1 = 1.5 ; y1 = 4 + 1.5 = 5.5
		assert_eq!(eval(&lowered, &x, &q(), Overflow::Refuse).unwrap().data(), &[24, 88]);
	}

	#[test]
	fn conv_skips_padding_and_honours_stride_and_dilation() {
		let op = Conv {
			kernel: Tensor::new(vec![1, 1, 2, 2], vec![16; 4]).unwrap(),
			bias: vec![0],
			strides: [2, 1],
			dilations: [1, 2],
			pads: [1, 0, 0, 0],
			group: 1,
			activation: Activation::Relu,
		};
		let x = Tensor::from_fn(vec![1, 1, 3, 3], |i| i as i64 * 16).unwrap();
		assert_eq!(op.output_shape(x.shape()).unwrap(), vec![1, 1, 2, 1]);
		let lowered = op.lowered(x.shape()).unwrap();
		// first output: window rows -1 (padding) and 0, columns 0 and 2 -> inputs (0,0), (0,2)
		assert_eq!(lowered.rows[0].terms.iter().map(|t| t.0).collect::<Vec<_>>(), vec![0, 2]);
		assert_eq!(
			eval(&lowered, &x, &q(), Overflow::Refuse).unwrap().data(),
			&[32, 16 * (3 + 5 + 6 + 8)]
		);
	}

	#[test]
	fn average_pool_divides_by_the_counted_elements() {
		let op = SumPool {
			kernel: [2, 2],
			strides: [2, 2],
			pads: [0, 0, 1, 1],
			count_include_pad: false,
			weights: vec![16, 8, 5, 4], // 1, 1/2, ~1/3, 1/4 at 2^4
			activation: Activation::Identity,
		};
		let x = Tensor::from_fn(vec![1, 1, 3, 3], |_| 32).unwrap();
		let y = eval(&op.lowered(x.shape()).unwrap(), &x, &q(), Overflow::Refuse).unwrap();
		assert_eq!(y.shape(), &[1, 1, 2, 2]);
		assert_eq!(y.data(), &[32, 32, 32, 32]);
	}

	#[test]
	fn out_of_domain_values_saturate_or_are_reported() {
		let op = Affine {
			mul: Tensor::new(vec![2], vec![16 * 100, 16 * 100]).unwrap(),
			add: Tensor::new(vec![2], vec![0, 0]).unwrap(),
			activation: Activation::Identity,
		};
		let x = Tensor::new(vec![2], vec![1000, -1000]).unwrap();
		let lowered = op.lowered(&[2]).unwrap();
		assert_eq!(eval(&lowered, &x, &q(), Overflow::Saturate).unwrap().data(), &[2047, -2048]);
		assert_eq!(
			eval(&lowered, &x, &q(), Overflow::Refuse),
			Err(OpError::OutOfDomain { value: 100_000 })
		);
	}
}
