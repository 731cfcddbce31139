//! tract's contractions, windows and reductions → [`MatMul`], [`Conv`], [`SumPool`] (and
//! [`MaxPool`], which shares the window attributes).

use tract_onnx::{
	prelude::*,
	tract_core::ops::{
		cnn::{
			deconv::Deconv, Conv, KernelFormat, MaxPool as TractMaxPool, PaddingSpec, PoolSpec,
			SumPool as TractSumPool,
		},
		einsum::EinSum,
		nn::{DataFormat, Reduce, Reducer},
	},
};
use zkinfer_circuit::{
	chip::{function::param, UnaryFunction},
	ops::{self, Activation, Op},
	Tensor as IrTensor,
};

use super::{Builder, ImportError};

/// Imports the node if it is a contraction or a window; `Ok(false)` if it is neither.
pub(crate) fn import(b: &mut Builder<'_>, node: &TypedNode) -> Result<bool, ImportError> {
	let op = if let Some(einsum) = node.op_as::<EinSum>() {
		return einsum_op(b, node, einsum).map(|_| true);
	} else if let Some(conv) = node.op_as::<Conv>() {
		conv_op(b, node, conv)?
	} else if let Some(deconv) = node.op_as::<Deconv>() {
		return deconv_op(b, node, deconv).map(|_| true);
	} else if let Some(pool) = node.op_as::<TractSumPool>() {
		let (kernel, strides, dilations, pads) = window(node, &pool.pool_spec)?;
		if dilations != [1, 1] {
			return Err(Builder::unsupported(node, "dilated average pooling"));
		}
		let count = kernel[0] * kernel[1];
		let weights = (1..=count)
			.map(|c| match (pool.normalize, pool.count_include_pad) {
				(false, _) => 1.0,
				(true, true) => 1.0 / count as f64,
				(true, false) => 1.0 / c as f64,
			})
			.collect();
		Op::SumPool(ops::SumPool {
			kernel,
			strides,
			pads,
			count_include_pad: pool.count_include_pad,
			weights,
			activation: Activation::Identity,
		})
	} else if let Some(reduce) = node.op_as::<Reduce>() {
		return reduce_op(b, node, reduce).map(|_| true);
	} else if let Some(pool) = node.op_as::<TractMaxPool>() {
		if pool.with_index_outputs.is_some() {
			return Err(Builder::unsupported(node, "MaxPool with index outputs"));
		}
		let (kernel, strides, dilations, pads) = window(node, &pool.pool_spec)?;
		Op::MaxPool(ops::MaxPool { kernel, strides, dilations, pads })
	} else {
		return Ok(false);
	};
	let mut input = b.value(node.inputs[0])?;
	let input_shape = b.shape(node.inputs[0])?;
	// A 1-D window (NCL) is the 2-D one over [N, C, 1, L] (`window` made it so).
	let one_d = if let [n, c, l] = input_shape[..] {
		let op = Op::Reshape(ops::Reshape { shape: vec![n, c, 1, l] });
		input = b.push(format!("{}.as_2d", node.name), op, vec![input]);
		true
	} else {
		false
	};
	let name = if one_d { format!("{}.2d", node.name) } else { node.name.clone() };
	let mut v = b.push(name, op, vec![input]);
	if one_d {
		let op = Op::Reshape(ops::Reshape { shape: b.shape(OutletId::new(node.id, 0))? });
		v = b.push(node.name.clone(), op, vec![v]);
	}
	b.bind(OutletId::new(node.id, 0), v);
	Ok(true)
}

/// Kernel, strides, dilations and pads (top, left, bottom, right) of a 2-D NCHW window; a 1-D
/// window is the 2-D window of height 1 (and the caller reshapes NCL to NC1L).
type Window = ([usize; 2], [usize; 2], [usize; 2], [usize; 4]);

fn window(node: &TypedNode, spec: &PoolSpec) -> Result<Window, ImportError> {
	if spec.data_format != DataFormat::NCHW {
		return Err(Builder::unsupported(
			node,
			format!("data format {:?} (NCHW only)", spec.data_format),
		));
	}
	let pair = |v: Option<&[usize]>, what: &str| -> Result<[usize; 2], ImportError> {
		match v {
			None => Ok([1, 1]),
			Some([a]) => Ok([1, *a]),
			Some([a, b]) => Ok([*a, *b]),
			Some(other) => Err(Builder::unsupported(
				node,
				format!("{what} {other:?}: 1-D and 2-D windows only"),
			)),
		}
	};
	let kernel = pair(Some(&spec.kernel_shape), "kernel")?;
	let strides = pair(spec.strides.as_deref(), "strides")?;
	let dilations = pair(spec.dilations.as_deref(), "dilations")?;
	let pads = match &spec.padding {
		PaddingSpec::Valid => [0; 4],
		PaddingSpec::Explicit(before, after)
		| PaddingSpec::ExplicitOnnxPool(before, after, false) => {
			match (before.as_slice(), after.as_slice()) {
				([l], [r]) => [0, *l, 0, *r],
				([t, l], [bm, r]) => [*t, *l, *bm, *r],
				_ => return Err(Builder::unsupported(node, "padding of a 2-D window")),
			}
		},
		other => return Err(Builder::unsupported(node, format!("padding {other:?}"))),
	};
	Ok((kernel, strides, dilations, pads))
}

/// A 2-D transposed convolution (ONNX `ConvTranspose`) as the convolution it equals: the
/// input with `stride − 1` zeros inserted between its pixels (a reshape to `[N, C, H, 1, W,
/// 1]`, a [`ops::Pad`] with zeros, a reshape and a slice: wiring, no rows), padded by
/// `dilation·(k − 1) − pad` (plus the output padding at the end), convolved with stride 1 by
/// the kernel flipped in space.
fn deconv_op(b: &mut Builder<'_>, node: &TypedNode, deconv: &Deconv) -> Result<(), ImportError> {
	if deconv.group != 1 || deconv.kernel_format != KernelFormat::OIHW {
		return Err(Builder::unsupported(
			node,
			format!("a transposed convolution with group {} and kernel format {:?} (group 1, OIHW only)", deconv.group, deconv.kernel_format),
		));
	}
	let (k_hw, strides, dilations, pads) = window(node, &deconv.pool_spec)?;
	let shape = b.shape(node.inputs[0])?;
	let kernel = b
		.constant(node.inputs[1])?
		.ok_or_else(|| Builder::unsupported(node, "the kernel must be a constant"))?;
	// tract gives the kernel as OIHW, `[C_out, C_in, kH, kW]` (ONNX writes `[C_in, C_out, …]`).
	let (&[n, c, h, w], &[m, kc, kh, kw]) = (shape.as_slice(), kernel.shape()) else {
		return Err(Builder::unsupported(node, "a 2-D transposed convolution (NCHW) only"));
	};
	if kc != c || [kh, kw] != k_hw {
		return Err(Builder::unsupported(
			node,
			format!("kernel {:?} for input {shape:?}", kernel.shape()),
		));
	}
	let adjust = match deconv.adjustments[..] {
		[] => [0, 0],
		[ah, aw] => [ah, aw],
		_ => return Err(Builder::unsupported(node, "output padding of a 2-D convolution")),
	};
	// pads: top, left, bottom, right; the convolution's are `d·(k − 1) − pad`.
	let reach = |axis: usize| dilations[axis] * (k_hw[axis] - 1);
	let conv_pads = [
		reach(0).checked_sub(pads[0]),
		reach(1).checked_sub(pads[1]),
		reach(0).checked_sub(pads[2]).map(|p| p + adjust[0]),
		reach(1).checked_sub(pads[3]).map(|p| p + adjust[1]),
	];
	let [Some(top), Some(left), Some(bottom), Some(right)] = conv_pads else {
		return Err(Builder::unsupported(node, "padding larger than the kernel's reach"));
	};
	let bias = channel_bias(b, node, m)?;
	let flipped = IrTensor::from_fn(vec![m, c, kh, kw], |flat| {
		let (o, rest) = (flat / (c * kh * kw), flat % (c * kh * kw));
		let (i, rest) = (rest / (kh * kw), rest % (kh * kw));
		let (y, x) = (rest / kw, rest % kw);
		kernel.data()[((o * c + i) * kh + (kh - 1 - y)) * kw + (kw - 1 - x)]
	})
	.ok_or_else(|| Builder::unsupported(node, "kernel size"))?;

	let mut value = b.value(node.inputs[0])?;
	let [sh, sw] = strides;
	if sh > 1 || sw > 1 {
		let name = &node.name;
		let op = Op::Reshape(ops::Reshape { shape: vec![n, c, h, 1, w, 1] });
		value = b.push(format!("{name}.pixels"), op, vec![value]);
		let pads = vec![(0, 0), (0, 0), (0, 0), (0, sh - 1), (0, 0), (0, sw - 1)];
		value =
			b.push(format!("{name}.zeros"), Op::Pad(ops::Pad { pads, value: 0.0 }), vec![value]);
		let op = Op::Reshape(ops::Reshape { shape: vec![n, c, h * sh, w * sw] });
		value = b.push(format!("{name}.spread"), op, vec![value]);
		for (axis, end) in [(2, (h - 1) * sh + 1), (3, (w - 1) * sw + 1)] {
			let op = Op::Slice(ops::Slice { axis, start: 0, end });
			value = b.push(format!("{name}.trim{axis}"), op, vec![value]);
		}
	}
	let op = Op::Conv(ops::Conv {
		kernel: flipped,
		bias,
		strides: [1, 1],
		dilations,
		pads: [top, left, bottom, right],
		group: 1,
		activation: Activation::Identity,
	});
	let v = b.push(node.name.clone(), op, vec![value]);
	b.bind(OutletId::new(node.id, 0), v);
	Ok(())
}

/// Appends `mul · value + add` elementwise ([`ops::Affine`] with every multiplier `mul` and
/// every offset `add`) for a `value` of `shape`; returns its value. `node` is named in errors.
pub(crate) fn push_uniform_affine(
	b: &mut Builder<'_>,
	node: &TypedNode,
	name: String,
	value: usize,
	shape: &[usize],
	mul: f64,
	add: f64,
) -> Result<usize, ImportError> {
	let tensor = |v: f64| {
		IrTensor::from_fn(shape.to_vec(), |_| v)
			.ok_or_else(|| Builder::unsupported(node, format!("shape {shape:?}")))
	};
	let op = ops::Affine { mul: tensor(mul)?, add: tensor(add)?, activation: Activation::Identity };
	Ok(b.push(name, Op::Affine(op), vec![value]))
}

/// A convolution's per-channel bias, its third input (a constant, one value or one per
/// channel), or zeros without one.
fn channel_bias(
	b: &mut Builder<'_>,
	node: &TypedNode,
	channels: usize,
) -> Result<Vec<f64>, ImportError> {
	let Some(&outlet) = node.inputs.get(2) else {
		return Ok(vec![0.0; channels]);
	};
	let bias = b
		.constant(outlet)?
		.ok_or_else(|| Builder::unsupported(node, "the bias must be a constant"))?;
	match bias.len() {
		1 => Ok(vec![bias.data()[0]; channels]),
		n if n == channels => Ok(bias.into_data()),
		n => Err(Builder::unsupported(node, format!("{n} biases for {channels} channels"))),
	}
}

fn conv_op(b: &mut Builder<'_>, node: &TypedNode, conv: &Conv) -> Result<Op<f64>, ImportError> {
	if conv.q_params.is_some() {
		return Err(Builder::unsupported(node, "quantized convolution"));
	}
	if conv.kernel_fmt != KernelFormat::OIHW {
		return Err(Builder::unsupported(node, format!("kernel format {:?}", conv.kernel_fmt)));
	}
	let (_, strides, dilations, pads) = window(node, &conv.pool_spec)?;
	let mut kernel = b
		.constant(node.inputs[1])?
		.ok_or_else(|| Builder::unsupported(node, "the kernel must be a constant"))?;
	if let [o, i, k] = *kernel.shape() {
		kernel = IrTensor::new(vec![o, i, 1, k], kernel.into_data())
			.ok_or_else(|| Builder::unsupported(node, "kernel shape"))?;
	}
	let out_channels = kernel.shape().first().copied().unwrap_or(0);
	let bias = channel_bias(b, node, out_channels)?;
	Ok(Op::Conv(ops::Conv {
		kernel,
		bias,
		strides,
		dilations,
		pads,
		group: conv.group,
		activation: Activation::Identity,
	}))
}

/// tract's `Reduce` (ONNX's reductions and what tract expands them into: `ReduceMean` is a
/// sum and a scale, `ReduceL2` a square, a sum and a root, `ReduceLogSumExp` an exponential,
/// a sum and a logarithm):
///
/// - `Sum` over the spatial axes of an NCHW tensor (GlobalAveragePool): [`ops::SumPool`];
/// - `Sum` over any other axes: [`reduce_sum`];
/// - `MeanOfSquares`: a `Pow 2` table, then [`reduce_sum`] with weight `1/n`;
/// - `Max` and `Min` over trailing axes: [`reduce_max`].
///
/// The reduced axes stay as axes of size 1, as tract's `Reduce` keeps them.
fn reduce_op(b: &mut Builder<'_>, node: &TypedNode, reduce: &Reduce) -> Result<(), ImportError> {
	let shape = b.shape(node.inputs[0])?;
	let mut axes: Vec<usize> = reduce.axes.iter().copied().collect();
	axes.sort_unstable();
	axes.dedup();
	let mut value = b.value(node.inputs[0])?;
	let v = match reduce.reducer {
		Reducer::Sum if shape.len() == 4 && axes == [2, 3] => {
			let kernel = [shape[2], shape[3]];
			let op = Op::SumPool(ops::SumPool {
				kernel,
				strides: [1, 1],
				pads: [0; 4],
				count_include_pad: true,
				weights: vec![1.0; kernel[0] * kernel[1]],
				activation: Activation::Identity,
			});
			b.push(node.name.clone(), op, vec![value])
		},
		Reducer::Sum => reduce_sum(b, node, &node.name, value, &shape, &axes, 1.0)?,
		Reducer::MeanOfSquares => {
			let square = Activation::Function(UnaryFunction::Pow { exponent: param(2.0) });
			let op = Op::Activation(ops::ActivationOp { activation: square });
			value = b.push(format!("{}.square", node.name), op, vec![value]);
			let count: usize = axes.iter().filter_map(|&a| shape.get(a)).product();
			reduce_sum(b, node, &node.name, value, &shape, &axes, 1.0 / count.max(1) as f64)?
		},
		Reducer::Max => reduce_max(b, node, &node.name, value, &shape, &axes, false)?,
		Reducer::Min => reduce_max(b, node, &node.name, value, &shape, &axes, true)?,
		other => {
			return Err(Builder::unsupported(node, format!("reduction {other:?}")));
		},
	};
	b.bind(OutletId::new(node.id, 0), v);
	Ok(())
}

/// `weight ·` the sum of `value` (of `shape`) over `axes` (sorted), keeping them as axes of
/// size 1: a [`ops::MatMul`] with a constant tensor of `weight` over the reduced axes. Returns
/// the value pushed as `name`; `node` is named in errors.
pub(crate) fn reduce_sum(
	b: &mut Builder<'_>,
	node: &TypedNode,
	name: &str,
	value: usize,
	shape: &[usize],
	axes: &[usize],
	weight: f64,
) -> Result<usize, ImportError> {
	if axes.iter().any(|&a| a >= shape.len()) || shape.len() > 26 {
		return Err(Builder::unsupported(node, format!("axes {axes:?} of shape {shape:?}")));
	}
	let letter = |i: usize| char::from(b'a' + i as u8);
	let size_one = |i: usize| char::from(b'A' + i as u8);
	let input_axes: String = (0..shape.len()).map(letter).collect();
	let weight_axes: String = axes.iter().map(|&a| letter(a)).collect();
	let output_axes: String = (0..shape.len())
		.map(|i| if axes.contains(&i) { size_one(i) } else { letter(i) })
		.collect();
	let output_shape: Vec<usize> = shape
		.iter()
		.enumerate()
		.map(|(i, &d)| if axes.contains(&i) { 1 } else { d })
		.collect();
	let weight = IrTensor::from_fn(axes.iter().map(|&a| shape[a]).collect(), |_| weight)
		.ok_or_else(|| Builder::unsupported(node, "reduced size"))?;
	let bias = IrTensor::from_fn(output_shape, |_| 0.0)
		.ok_or_else(|| Builder::unsupported(node, "output size"))?;
	let op = Op::MatMul(ops::MatMul {
		input_axes,
		weight_axes,
		output_axes,
		weight,
		bias,
		activation: Activation::Identity,
	});
	Ok(b.push(name.to_string(), op, vec![value]))
}

/// The maximum (or, with `min`, the minimum) of `value` (of `shape`) over trailing `axes`
/// (sorted), keeping them as axes of size 1: a reshape to `[1, 1, outer, inner]`, a
/// [`ops::MaxPool`] with window `[1, inner]` (for the minimum, between two negations, which
/// saturate `domain_min` to `−domain_max`: one step off at that edge), a reshape back. Returns
/// the value pushed as `name`; `node` is named in errors.
pub(crate) fn reduce_max(
	b: &mut Builder<'_>,
	node: &TypedNode,
	name: &str,
	value: usize,
	shape: &[usize],
	axes: &[usize],
	min: bool,
) -> Result<usize, ImportError> {
	let trailing =
		!axes.is_empty() && axes.iter().rev().zip((0..shape.len()).rev()).all(|(a, i)| *a == i);
	if !trailing {
		return Err(Builder::unsupported(
			node,
			format!(
				"a maximum or minimum over axes {axes:?} of shape {shape:?}: trailing axes only"
			),
		));
	}
	let inner: usize = axes.iter().map(|&a| shape[a]).product();
	let outer: usize = shape[..shape.len() - axes.len()].iter().product();
	let windows = vec![1, 1, outer, inner];
	let reshape = Op::Reshape(ops::Reshape { shape: windows.clone() });
	let mut value = b.push(format!("{name}.windows"), reshape, vec![value]);
	if min {
		value = push_uniform_affine(b, node, format!("{name}.negate"), value, &windows, -1.0, 0.0)?;
	}
	let pool =
		ops::MaxPool { kernel: [1, inner], strides: [1, 1], dilations: [1, 1], pads: [0; 4] };
	value = b.push(format!("{name}.max"), Op::MaxPool(pool), vec![value]);
	if min {
		let shape = [1, 1, outer, 1];
		value =
			push_uniform_affine(b, node, format!("{name}.negate_back"), value, &shape, -1.0, 0.0)?;
	}
	let output_shape: Vec<usize> = shape
		.iter()
		.enumerate()
		.map(|(i, &d)| if axes.contains(&i) { 1 } else { d })
		.collect();
	let reshape = Op::Reshape(ops::Reshape { shape: output_shape });
	Ok(b.push(name.to_string(), reshape, vec![value]))
}

/// A contraction of two computed tensors (attention's `Q·Kᵀ` and `scores·V`): each operand is
/// transposed and reshaped onto the axes `output letters, then summed letters` (size 1 where it
/// lacks one), multiplied elementwise with broadcasting ([`ops::Binary`] Mul: one product and
/// one rescale per term), summed over the trailing summed axes ([`reduce_sum`]) and reshaped
/// to the output. Costs a product per term, where a contraction with a constant costs a dot
/// row per `width` terms.
fn einsum_of_two_values(
	b: &mut Builder<'_>,
	node: &TypedNode,
	first: &str,
	second: &str,
	output: &str,
) -> Result<(), ImportError> {
	let distinct = |axes: &str| {
		let mut letters: Vec<char> = axes.chars().collect();
		letters.sort_unstable();
		letters.windows(2).all(|w| w[0] != w[1])
	};
	if !distinct(first) || !distinct(second) || !distinct(output) {
		return Err(Builder::unsupported(node, "a repeated axis letter (a diagonal)"));
	}
	let output_shape = b.shape(OutletId::new(node.id, 0))?;
	let mut letters: Vec<char> = output.chars().collect();
	let summed: Vec<char> = first
		.chars()
		.chain(second.chars())
		.filter(|c| !output.contains(*c))
		.fold(Vec::new(), |mut seen, c| {
			if !seen.contains(&c) {
				seen.push(c);
			}
			seen
		});
	letters.extend(&summed);
	let mut operands = Vec::with_capacity(2);
	for (position, axes) in [first, second].into_iter().enumerate() {
		let outlet = node.inputs[position];
		let shape = b.shape(outlet)?;
		let mut value = b.value(outlet)?;
		// Its axes in the order of `letters`.
		let mut order: Vec<usize> = (0..axes.len()).collect();
		order.sort_by_key(|&i| letters.iter().position(|&l| Some(l) == axes.chars().nth(i)));
		if order.iter().enumerate().any(|(i, &o)| i != o) {
			let op = Op::Transpose(ops::Transpose { perm: order.clone() });
			value = b.push(format!("{}.operand{position}.transpose", node.name), op, vec![value]);
		}
		let aligned: Vec<usize> = letters
			.iter()
			.map(|l| axes.chars().position(|c| c == *l).map_or(1, |i| shape[i]))
			.collect();
		let op = Op::Reshape(ops::Reshape { shape: aligned.clone() });
		value = b.push(format!("{}.operand{position}.align", node.name), op, vec![value]);
		operands.push((value, aligned));
	}
	let broadcast: Vec<usize> =
		operands[0].1.iter().zip(&operands[1].1).map(|(&x, &y)| x.max(y)).collect();
	let op = Op::Binary(ops::Binary { kind: ops::BinaryKind::Mul });
	let products =
		b.push(format!("{}.products", node.name), op, vec![operands[0].0, operands[1].0]);
	let summed_axes: Vec<usize> = (output.len()..letters.len()).collect();
	let mut value = products;
	if !summed_axes.is_empty() {
		let name = format!("{}.sum", node.name);
		value = reduce_sum(b, node, &name, value, &broadcast, &summed_axes, 1.0)?;
	}
	let op = Op::Reshape(ops::Reshape { shape: output_shape });
	let v = b.push(node.name.clone(), op, vec![value]);
	b.bind(OutletId::new(node.id, 0), v);
	Ok(())
}

fn einsum_op(b: &mut Builder<'_>, node: &TypedNode, einsum: &EinSum) -> Result<(), ImportError> {
	if einsum.q_params.is_some() || node.inputs.len() != 2 {
		return Err(Builder::unsupported(node, "only a float contraction of two operands"));
	}
	let expr = einsum.axes.to_string();
	let (inputs, output) = expr
		.split_once("->")
		.ok_or_else(|| Builder::unsupported(node, format!("expression {expr}")))?;
	let operands: Vec<&str> = inputs.split(',').collect();
	let [first, second] = operands[..] else {
		return Err(Builder::unsupported(node, format!("expression {expr}")));
	};
	let (data, weight, input_axes, weight_axes) =
		match (b.constant(node.inputs[0])?, b.constant(node.inputs[1])?) {
			(None, Some(w)) => (node.inputs[0], w, first, second),
			(Some(w), None) => (node.inputs[1], w, second, first),
			(None, None) => return einsum_of_two_values(b, node, first, second, output),
			(Some(_), Some(_)) => {
				return Err(Builder::unsupported(node, "a product of two constants"))
			},
		};
	let output_shape = b.shape(OutletId::new(node.id, 0))?;
	let bias = IrTensor::from_fn(output_shape, |_| 0.0)
		.ok_or_else(|| Builder::unsupported(node, "output size"))?;
	let op = Op::MatMul(ops::MatMul {
		input_axes: input_axes.into(),
		weight_axes: weight_axes.into(),
		output_axes: output.into(),
		weight,
		bias,
		activation: Activation::Identity,
	});
	let input = b.value(data)?;
	let v = b.push(node.name.clone(), op, vec![input]);
	b.bind(OutletId::new(node.id, 0), v);
	Ok(())
}
