//! tract's contractions and windows → [`MatMul`], [`Conv`], [`SumPool`] (and [`MaxPool`],
//! which shares the window attributes).

use tract_onnx::{
	prelude::*,
	tract_core::ops::{
		cnn::{
			Conv, KernelFormat, MaxPool as TractMaxPool, PaddingSpec, PoolSpec,
			SumPool as TractSumPool,
		},
		einsum::EinSum,
		nn::{DataFormat, Reduce, Reducer},
	},
};
use zkinfer_circuit::{
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
		let shape = b.shape(node.inputs[0])?;
		if !matches!(reduce.reducer, Reducer::Sum)
			|| shape.len() != 4
			|| reduce.axes.as_slice() != [2, 3]
		{
			return Err(Builder::unsupported(
				node,
				"only a sum over the spatial axes of an NCHW tensor (GlobalAveragePool)",
			));
		}
		let kernel = [shape[2], shape[3]];
		Op::SumPool(ops::SumPool {
			kernel,
			strides: [1, 1],
			pads: [0; 4],
			count_include_pad: true,
			weights: vec![1.0; kernel[0] * kernel[1]],
			activation: Activation::Identity,
		})
	} else if let Some(pool) = node.op_as::<TractMaxPool>() {
		if pool.with_index_outputs.is_some() {
			return Err(Builder::unsupported(node, "MaxPool with index outputs"));
		}
		let (kernel, strides, dilations, pads) = window(node, &pool.pool_spec)?;
		Op::MaxPool(ops::MaxPool { kernel, strides, dilations, pads })
	} else {
		return Ok(false);
	};
	let input = b.value(node.inputs[0])?;
	let v = b.push(node.name.clone(), op, vec![input]);
	b.bind(OutletId::new(node.id, 0), v);
	Ok(true)
}

/// Kernel, strides, dilations and pads (top, left, bottom, right) of a 2-D NCHW window.
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
			Some([a, b]) => Ok([*a, *b]),
			Some(other) => {
				Err(Builder::unsupported(node, format!("{what} {other:?}: 2-D windows only")))
			},
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
				([t, l], [bm, r]) => [*t, *l, *bm, *r],
				_ => return Err(Builder::unsupported(node, "padding of a 2-D window")),
			}
		},
		other => return Err(Builder::unsupported(node, format!("padding {other:?}"))),
	};
	Ok((kernel, strides, dilations, pads))
}

fn conv_op(b: &mut Builder<'_>, node: &TypedNode, conv: &Conv) -> Result<Op<f64>, ImportError> {
	if conv.q_params.is_some() {
		return Err(Builder::unsupported(node, "quantized convolution"));
	}
	if conv.kernel_fmt != KernelFormat::OIHW {
		return Err(Builder::unsupported(node, format!("kernel format {:?}", conv.kernel_fmt)));
	}
	let (_, strides, dilations, pads) = window(node, &conv.pool_spec)?;
	let kernel = b
		.constant(node.inputs[1])?
		.ok_or_else(|| Builder::unsupported(node, "the kernel must be a constant"))?;
	let out_channels = kernel.shape().first().copied().unwrap_or(0);
	let bias = match node.inputs.get(2) {
		None => vec![0.0; out_channels],
		Some(&outlet) => {
			let bias = b
				.constant(outlet)?
				.ok_or_else(|| Builder::unsupported(node, "the bias must be a constant"))?;
			match bias.len() {
				1 => vec![bias.data()[0]; out_channels],
				n if n == out_channels => bias.into_data(),
				n => {
					return Err(Builder::unsupported(
						node,
						format!("{n} biases for {out_channels} channels"),
					))
				},
			}
		},
	};
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
			(None, None) => {
				return Err(Builder::unsupported(
					node,
					"a product of two computed tensors (one operand must be a constant)",
				))
			},
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
