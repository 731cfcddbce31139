//! tract's elementwise operators → [`Binary`], [`Affine`] and activations, fused into the
//! preceding linear operator where nothing else reads its output.
//!
//! | tract | IR |
//! |---|---|
//! | `Add`/`Sub`/`Mul` of two computed tensors | [`Binary`] |
//! | `Div` of two computed tensors | `Reciprocal` table on the divisor, then [`Binary`] Mul |
//! | `Max`/`Min` of two computed tensors (ONNX `Max`, `Min`, several operands pairwise) | a MaxPool over the pairs (same shapes), else `a + relu(b − a)`, `a − relu(a − b)` |
//! | `Add`/`Sub`/`Mul`/`Div` with a constant | bias or scale of the linear operator before it, else [`Affine`] |
//! | `Max` with 0 (ONNX Relu) | [`Activation::Relu`] |
//! | `Max`/`Min` with another scalar (ONNX Clip), `Pow` by a scalar | [`UnaryFunction::Clip`], [`UnaryFunction::Pow`] |
//! | `Sigmoid`, `Tanh`, `LeakyRelu` | the matching [`Activation`] |
//! | any other function of one value ([`super::functions`]) | [`Activation::Function`] |

use tract_onnx::{
	prelude::*,
	tract_core::ops::{binary::TypedBinOp, element_wise::ElementWiseOp, nn::LeakyRelu},
};
use zkinfer_circuit::{
	chip::{function::param, UnaryFunction},
	ops::{
		self, broadcast_shapes, broadcast_source, Activation, ActivationOp, Binary, BinaryKind, Op,
	},
	tensor::unflatten,
	Tensor as IrTensor,
};

use super::{functions, linear::push_uniform_affine, logic, Builder, ImportError};

/// Imports the node if it is elementwise; `Ok(false)` otherwise.
pub(crate) fn import(b: &mut Builder<'_>, node: &TypedNode) -> Result<bool, ImportError> {
	if let Some(op) = node.op_as::<TypedBinOp>() {
		if op.1.is_some() {
			return Err(Builder::unsupported(node, "quantized arithmetic"));
		}
		if logic::binary(b, node, op.0.name())? {
			return Ok(true);
		}
		binary(b, node, op.0.name())?;
		return Ok(true);
	}
	if let Some(op) = node.op_as::<ElementWiseOp>() {
		let activation = match op.0.name().as_ref() {
			"Sigmoid" => Activation::Sigmoid,
			"Tanh" => Activation::Tanh,
			"LeakyRelu" => match op.0.downcast_ref::<LeakyRelu>() {
				Some(leaky) => Activation::LeakyRelu { alpha: leaky.alpha.into() },
				None => return Err(Builder::unsupported(node, "LeakyRelu without its slope")),
			},
			other => match functions::function(op.0.as_ref()) {
				Some(f) => Activation::Function(f),
				None => return Err(Builder::unsupported(node, format!("elementwise {other}"))),
			},
		};
		activation_op(b, node, node.inputs[0], activation)?;
		return Ok(true);
	}
	Ok(false)
}

fn binary(b: &mut Builder<'_>, node: &TypedNode, name: &str) -> Result<(), ImportError> {
	let [left, right] = node.inputs[..] else {
		return Err(Builder::unsupported(node, "two operands expected"));
	};
	match (b.constant(left)?, b.constant(right)?) {
		(None, None) => {
			let (a, c) = (b.value(left)?, b.value(right)?);
			let v = match name {
				"Add" => push_binary(b, node.name.clone(), BinaryKind::Add, a, c),
				"Sub" => push_binary(b, node.name.clone(), BinaryKind::Sub, a, c),
				"Mul" => push_binary(b, node.name.clone(), BinaryKind::Mul, a, c),
				// a / c = a · (1 / c): the reciprocal is a table, exact at every quantized c.
				"Div" => {
					let reciprocal = Activation::Function(UnaryFunction::Reciprocal);
					let r = b.push(
						format!("{}.reciprocal", node.name),
						Op::Activation(ActivationOp { activation: reciprocal }),
						vec![c],
					);
					push_binary(b, node.name.clone(), BinaryKind::Mul, a, r)
				},
				// max(a, c) = a + relu(c − a); min(a, c) = a − relu(a − c): exact while the
				// difference fits the lookup domain, which calibration sizes it to.
				"Max" | "Min" => max_or_min(b, node, name == "Min", a, c)?,
				other => {
					return Err(Builder::unsupported(
						node,
						format!("{other} of two computed tensors"),
					))
				},
			};
			b.bind(OutletId::new(node.id, 0), v);
			Ok(())
		},
		(None, Some(c)) => with_constant(b, node, name, left, c, false),
		(Some(c), None) => with_constant(b, node, name, right, c, true),
		(Some(_), Some(_)) => Err(Builder::unsupported(node, "arithmetic on two constants")),
	}
}

/// `max(a, c)` (or `min`) elementwise. Of two tensors of one shape: both flattened side by
/// side (`[1, 1, n, 2]`) and a [`ops::MaxPool`] over each pair, exact wherever the values lie
/// (the minimum as `−max(−a, −c)`, whose negations saturate `domain_min` to `−domain_max`, one
/// step off at that edge). With broadcasting: `a + relu(c − a)` and `a − relu(a − c)`, exact
/// while the difference fits the lookup domain, which calibration sizes it to.
fn max_or_min(
	b: &mut Builder<'_>,
	node: &TypedNode,
	min: bool,
	a: usize,
	c: usize,
) -> Result<usize, ImportError> {
	let name = &node.name;
	let (shape_a, shape_c) = (b.shape(node.inputs[0])?, b.shape(node.inputs[1])?);
	if shape_a != shape_c {
		let (kind, from, to) = if min { (BinaryKind::Sub, a, c) } else { (BinaryKind::Add, c, a) };
		let d = push_binary(b, format!("{name}.difference"), BinaryKind::Sub, from, to);
		let relu = Op::Activation(ActivationOp { activation: Activation::Relu });
		let r = b.push(format!("{name}.relu"), relu, vec![d]);
		return Ok(push_binary(b, name.clone(), kind, a, r));
	}
	let n: usize = shape_a.iter().product();
	let column = [1, 1, n, 1];
	let negate = |b: &mut Builder<'_>, v: usize, label: &str| {
		push_uniform_affine(b, node, format!("{name}.{label}"), v, &column, -1.0, 0.0)
	};
	let mut pair = Vec::with_capacity(2);
	for (i, v) in [a, c].into_iter().enumerate() {
		let column = Op::Reshape(ops::Reshape { shape: vec![1, 1, n, 1] });
		let v = b.push(format!("{name}.operand{i}"), column, vec![v]);
		pair.push(if min { negate(b, v, &format!("negate{i}"))? } else { v });
	}
	let pairs = b.push(format!("{name}.pairs"), Op::Concat(ops::Concat { axis: 3 }), pair);
	let pool = ops::MaxPool { kernel: [1, 2], strides: [1, 1], dilations: [1, 1], pads: [0; 4] };
	let mut v = b.push(format!("{name}.max"), Op::MaxPool(pool), vec![pairs]);
	if min {
		v = negate(b, v, "negate_back")?;
	}
	Ok(b.push(name.clone(), Op::Reshape(ops::Reshape { shape: shape_a }), vec![v]))
}

/// Appends a [`Binary`] node reading `x` and `y`; returns its value.
pub(crate) fn push_binary(
	b: &mut Builder<'_>,
	name: String,
	kind: BinaryKind,
	x: usize,
	y: usize,
) -> usize {
	b.push(name, Op::Binary(Binary { kind }), vec![x, y])
}

/// `x op c` (or `c op x` when `constant_first`).
fn with_constant(
	b: &mut Builder<'_>,
	node: &TypedNode,
	name: &str,
	x: OutletId,
	c: IrTensor<f64>,
	constant_first: bool,
) -> Result<(), ImportError> {
	let shape = b.shape(OutletId::new(node.id, 0))?;
	if b.shape(x)? != shape {
		return Err(Builder::unsupported(node, "the computed operand would be broadcast"));
	}
	let c = broadcast(&c, &shape)
		.ok_or_else(|| Builder::unsupported(node, "constant does not broadcast to the output"))?;
	let scalar = c.data().first().copied().filter(|&s| c.data().iter().all(|&v| v == s));
	match (name, constant_first, scalar) {
		("Max", _, Some(0.0)) => activation_op(b, node, x, Activation::Relu),
		("Max", _, Some(s)) => {
			let f = UnaryFunction::Clip { min: param(s), max: i64::MAX };
			activation_op(b, node, x, Activation::Function(f))
		},
		("Min", _, Some(s)) => {
			let f = UnaryFunction::Clip { min: i64::MIN, max: param(s) };
			activation_op(b, node, x, Activation::Function(f))
		},
		("Pow", false, Some(s)) => {
			let f = UnaryFunction::Pow { exponent: param(s) };
			activation_op(b, node, x, Activation::Function(f))
		},
		("Add", _, _) => add_constant(b, node, x, c),
		("Sub", false, _) => add_constant(b, node, x, c.map(|v| -v)),
		("Sub", true, _) => {
			let mul = c.map(|_| -1.0);
			push_affine(b, node, x, mul, c)
		},
		("Mul", _, _) => mul_constant(b, node, x, c),
		("Div", false, _) if c.data().iter().all(|&v| v != 0.0) => {
			mul_constant(b, node, x, c.map(|v| 1.0 / v))
		},
		(other, _, _) => Err(Builder::unsupported(node, format!("{other} with a constant"))),
	}
}

/// Broadcasts a constant to `shape`.
fn broadcast(c: &IrTensor<f64>, shape: &[usize]) -> Option<IrTensor<f64>> {
	if broadcast_shapes(c.shape(), shape).ok()?.as_slice() != shape {
		return None;
	}
	IrTensor::from_fn(shape.to_vec(), |flat| {
		c.data()[broadcast_source(c.shape(), &unflatten(shape, flat))]
	})
}

/// The per-channel values of an NCHW-shaped constant, if it is constant over N, H and W.
fn per_channel(c: &IrTensor<f64>) -> Option<Vec<f64>> {
	let [_, channels, _, _] = *c.shape() else { return None };
	let mut values = vec![None; channels];
	for (flat, &v) in c.data().iter().enumerate() {
		let ch = unflatten(c.shape(), flat)[1];
		match values[ch] {
			None => values[ch] = Some(v),
			Some(seen) if seen == v => {},
			Some(_) => return None,
		}
	}
	values.into_iter().collect()
}

fn add_constant(
	b: &mut Builder<'_>,
	node: &TypedNode,
	x: OutletId,
	c: IrTensor<f64>,
) -> Result<(), ImportError> {
	let value = b.value(x)?;
	if let Some(producer) = b.fusable(x, value) {
		let fused = match &mut producer.op {
			Op::MatMul(op)
				if op.activation == Activation::Identity && op.bias.shape() == c.shape() =>
			{
				op.bias = IrTensor::new(
					c.shape().to_vec(),
					op.bias.data().iter().zip(c.data()).map(|(a, b)| a + b).collect(),
				)
				.expect("same shape; qed");
				true
			},
			Op::Conv(op) if op.activation == Activation::Identity => match per_channel(&c) {
				Some(per) if per.len() == op.bias.len() => {
					op.bias.iter_mut().zip(per).for_each(|(bias, v)| *bias += v);
					true
				},
				_ => false,
			},
			Op::Affine(op)
				if op.activation == Activation::Identity && op.add.shape() == c.shape() =>
			{
				op.add = IrTensor::new(
					c.shape().to_vec(),
					op.add.data().iter().zip(c.data()).map(|(a, b)| a + b).collect(),
				)
				.expect("same shape; qed");
				true
			},
			_ => false,
		};
		if fused {
			b.bind(OutletId::new(node.id, 0), value);
			return Ok(());
		}
	}
	let mul = c.map(|_| 1.0);
	push_affine(b, node, x, mul, c)
}

fn mul_constant(
	b: &mut Builder<'_>,
	node: &TypedNode,
	x: OutletId,
	c: IrTensor<f64>,
) -> Result<(), ImportError> {
	let value = b.value(x)?;
	let scalar = c.data().first().copied().filter(|&s| c.data().iter().all(|&v| v == s));
	if let Some(producer) = b.fusable(x, value) {
		let fused = match (&mut producer.op, scalar) {
			(Op::MatMul(op), Some(s)) if op.activation == Activation::Identity => {
				op.weight = op.weight.map(|w| w * s);
				op.bias = op.bias.map(|v| v * s);
				true
			},
			(Op::SumPool(op), Some(s)) if op.activation == Activation::Identity => {
				op.weights.iter_mut().for_each(|w| *w *= s);
				true
			},
			(Op::Affine(op), _)
				if op.activation == Activation::Identity && op.mul.shape() == c.shape() =>
			{
				let scale = |t: &IrTensor<f64>| {
					IrTensor::new(
						c.shape().to_vec(),
						t.data().iter().zip(c.data()).map(|(a, b)| a * b).collect(),
					)
				};
				op.mul = scale(&op.mul).expect("same shape; qed");
				op.add = scale(&op.add).expect("same shape; qed");
				true
			},
			(Op::Conv(op), _) if op.activation == Activation::Identity => match per_channel(&c) {
				Some(per) if per.len() == op.bias.len() => {
					let per_out = op.kernel.len() / per.len().max(1);
					op.kernel = IrTensor::new(
						op.kernel.shape().to_vec(),
						op.kernel
							.data()
							.iter()
							.enumerate()
							.map(|(i, w)| w * per[i / per_out])
							.collect(),
					)
					.expect("same shape; qed");
					op.bias.iter_mut().zip(&per).for_each(|(bias, v)| *bias *= v);
					true
				},
				_ => false,
			},
			_ => false,
		};
		if fused {
			b.bind(OutletId::new(node.id, 0), value);
			return Ok(());
		}
	}
	let add = c.map(|_| 0.0);
	push_affine(b, node, x, c, add)
}

fn push_affine(
	b: &mut Builder<'_>,
	node: &TypedNode,
	x: OutletId,
	mul: IrTensor<f64>,
	add: IrTensor<f64>,
) -> Result<(), ImportError> {
	let input = b.value(x)?;
	let v = b.push(
		node.name.clone(),
		Op::Affine(ops::Affine { mul, add, activation: Activation::Identity }),
		vec![input],
	);
	b.bind(OutletId::new(node.id, 0), v);
	Ok(())
}

fn activation_op(
	b: &mut Builder<'_>,
	node: &TypedNode,
	x: OutletId,
	activation: Activation<f64>,
) -> Result<(), ImportError> {
	let value = b.value(x)?;
	if let Some(slot) = b.fusable(x, value).and_then(|producer| producer.op.activation_mut()) {
		if *slot == Activation::Identity {
			*slot = activation;
			b.bind(OutletId::new(node.id, 0), value);
			return Ok(());
		}
	}
	let v = b.push(node.name.clone(), Op::Activation(ActivationOp { activation }), vec![value]);
	b.bind(OutletId::new(node.id, 0), v);
	Ok(())
}
