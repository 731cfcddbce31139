//! A model: a graph of IR operators, its quantization, and its integer inference.

use serde::{Deserialize, Serialize};

use crate::{
	chip::{LayoutCtx, TableKind, TableSet, Wire},
	ops::{Op, OpError},
	quant::{Overflow, Quant, QuantError},
	tensor::{element_count, Tensor},
};
use halo2_proofs::{circuit::Value, plonk::Error as SynthesisError};

/// One operator application. Values `0..n` are the model's `n` inputs; node `i` produces value
/// `n + i`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Node<W> {
	/// The name of the ONNX node it came from (for messages).
	pub name: String,
	/// The operator.
	pub op: Op<W>,
	/// The values it reads (each before its own).
	pub inputs: Vec<usize>,
}

/// A graph of operators with one or more inputs and outputs, in evaluation order.
///
/// The proof statement flattens them: its inputs are every input's values, input after input
/// in graph order, then every output's likewise. A graph of one input and one output is
/// written `{"input_shape", "nodes", "output"}` (as before several were possible, so its
/// content address is unchanged); others `{"inputs", "nodes", "outputs"}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(
	try_from = "GraphRepr<W>",
	into = "GraphRepr<W>",
	bound(serialize = "W: Serialize + Clone", deserialize = "W: Deserialize<'de>")
)]
pub struct Graph<W> {
	/// The inputs' shapes, in graph order (values `0..inputs.len()`).
	pub inputs: Vec<Vec<usize>>,
	/// The nodes, in evaluation order.
	pub nodes: Vec<Node<W>>,
	/// The values that are the outputs, in graph order.
	pub outputs: Vec<usize>,
}

/// [`Graph`]'s serialized form.
#[derive(Serialize, Deserialize)]
struct GraphRepr<W> {
	#[serde(default, skip_serializing_if = "Option::is_none")]
	input_shape: Option<Vec<usize>>,
	#[serde(default, skip_serializing_if = "Option::is_none")]
	inputs: Option<Vec<Vec<usize>>>,
	nodes: Vec<Node<W>>,
	#[serde(default, skip_serializing_if = "Option::is_none")]
	output: Option<usize>,
	#[serde(default, skip_serializing_if = "Option::is_none")]
	outputs: Option<Vec<usize>>,
}

impl<W> TryFrom<GraphRepr<W>> for Graph<W> {
	type Error = &'static str;
	fn try_from(repr: GraphRepr<W>) -> Result<Self, Self::Error> {
		let inputs = match (repr.input_shape, repr.inputs) {
			(Some(shape), None) => vec![shape],
			(None, Some(shapes)) => shapes,
			_ => return Err("a graph has either input_shape or inputs"),
		};
		let outputs = match (repr.output, repr.outputs) {
			(Some(output), None) => vec![output],
			(None, Some(outputs)) => outputs,
			_ => return Err("a graph has either output or outputs"),
		};
		Ok(Self { inputs, nodes: repr.nodes, outputs })
	}
}

impl<W> From<Graph<W>> for GraphRepr<W> {
	fn from(graph: Graph<W>) -> Self {
		let (input_shape, inputs) = match <[_; 1]>::try_from(graph.inputs) {
			Ok([shape]) => (Some(shape), None),
			Err(shapes) => (None, Some(shapes)),
		};
		let (output, outputs) = match graph.outputs[..] {
			[output] => (Some(output), None),
			_ => (None, Some(graph.outputs)),
		};
		Self { input_shape, inputs, nodes: graph.nodes, output, outputs }
	}
}

impl<W> Graph<W> {
	/// A graph of one input and one output.
	pub fn single(input_shape: Vec<usize>, nodes: Vec<Node<W>>, output: usize) -> Self {
		Self { inputs: vec![input_shape], nodes, outputs: vec![output] }
	}
}

/// Why a model is invalid or cannot be evaluated on an input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ModelError {
	/// A node is invalid or failed.
	Node {
		/// Its position.
		index: usize,
		/// Its name.
		name: String,
		/// What went wrong.
		error: OpError,
	},
	/// A node reads a value that does not precede it, or the output does not exist.
	Wiring(String),
	/// The quantization is out of bounds.
	Quant(QuantError),
	/// The input has the wrong number of elements.
	InputLength {
		/// Elements expected.
		expected: usize,
		/// Elements given.
		got: usize,
	},
	/// An input value lies outside the model's input domain (the lookup domain).
	InputOutOfDomain {
		/// Its position.
		index: usize,
		/// Its value.
		value: i64,
	},
}

impl core::fmt::Display for ModelError {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		match self {
			Self::Node { index, name, error } => write!(f, "node {index} ({name}): {error}"),
			Self::Wiring(message) => write!(f, "invalid graph: {message}"),
			Self::Quant(e) => write!(f, "invalid quantization: {e:?}"),
			Self::InputLength { expected, got } => {
				write!(f, "the input has {got} values, the model takes {expected}")
			},
			Self::InputOutOfDomain { index, value } => {
				write!(f, "input value {index} ({value}) lies outside the model's input domain")
			},
		}
	}
}

impl std::error::Error for ModelError {}

impl<W: Copy> Graph<W> {
	/// The shape of every value (inputs first), checking wiring, arity and attributes.
	pub fn shapes(&self) -> Result<Vec<Vec<usize>>, ModelError> {
		if self.inputs.is_empty() || self.outputs.is_empty() {
			return Err(ModelError::Wiring(
				"a graph needs at least one input and one output".into(),
			));
		}
		let mut shapes = self.inputs.clone();
		for (index, node) in self.nodes.iter().enumerate() {
			let inputs = node
				.inputs
				.iter()
				.map(|&v| shapes.get(v).map(Vec::as_slice))
				.collect::<Option<Vec<_>>>()
				.ok_or_else(|| {
					ModelError::Wiring(format!("node {index} ({}) reads a later value", node.name))
				})?;
			let shape = node.op.output_shape(&inputs).map_err(|error| ModelError::Node {
				index,
				name: node.name.clone(),
				error,
			})?;
			shapes.push(shape);
		}
		if let Some(output) = self.outputs.iter().find(|&&v| v >= shapes.len()) {
			return Err(ModelError::Wiring(format!("output value {output} does not exist")));
		}
		Ok(shapes)
	}
}

impl Graph<f64> {
	/// Quantizes every operator.
	pub fn quantize(&self, quant: Quant) -> Result<Model, ModelError> {
		let graph = Graph {
			inputs: self.inputs.clone(),
			nodes: self
				.nodes
				.iter()
				.map(|n| Node {
					name: n.name.clone(),
					op: n.op.quantize(&quant),
					inputs: n.inputs.clone(),
				})
				.collect(),
			outputs: self.outputs.clone(),
		};
		Model::new(graph, quant)
	}
}

/// A quantized model: what `compile` produces and the circuit proves.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Model {
	/// The operators.
	pub graph: Graph<i64>,
	/// The quantization.
	pub quant: Quant,
	#[serde(skip)]
	shapes: Vec<Vec<usize>>,
}

impl Model {
	/// Validates a quantized graph.
	pub fn new(graph: Graph<i64>, quant: Quant) -> Result<Self, ModelError> {
		quant.check().map_err(ModelError::Quant)?;
		let shapes = graph.shapes()?;
		Ok(Self { graph, quant, shapes })
	}

	/// Reads a model from its JSON form and validates it.
	pub fn from_json(json: &[u8]) -> Result<Self, String> {
		#[derive(Deserialize)]
		struct Raw {
			graph: Graph<i64>,
			quant: Quant,
		}
		let raw: Raw = serde_json::from_slice(json).map_err(|e| e.to_string())?;
		Self::new(raw.graph, raw.quant).map_err(|e| e.to_string())
	}

	/// The shape of the statement's input: the input's shape, or `[n]` for a model with
	/// several inputs, which the statement takes flattened and concatenated (`n` values).
	pub fn input_shape(&self) -> Vec<usize> {
		match self.input_shapes() {
			[shape] => shape.clone(),
			_ => vec![self.input_len()],
		}
	}

	/// The shape of the statement's output: the output's shape, or `[n]` for several outputs,
	/// flattened and concatenated.
	pub fn output_shape(&self) -> Vec<usize> {
		match self.graph.outputs[..] {
			[output] => self.shapes[output].clone(),
			_ => vec![self.output_len()],
		}
	}

	/// Each input's shape, in graph order.
	pub fn input_shapes(&self) -> &[Vec<usize>] {
		&self.shapes[..self.graph.inputs.len()]
	}

	/// Each output's shape, in graph order.
	pub fn output_shapes(&self) -> Vec<&[usize]> {
		self.graph.outputs.iter().map(|&v| self.shapes[v].as_slice()).collect()
	}

	/// The number of input elements (all inputs).
	pub fn input_len(&self) -> usize {
		self.input_shapes().iter().map(|s| element_count(s).unwrap_or(0)).sum()
	}

	/// The number of output elements (all outputs).
	pub fn output_len(&self) -> usize {
		self.output_shapes().iter().map(|s| element_count(s).unwrap_or(0)).sum()
	}

	/// The number of public inputs of a proof: job binding, inputs, outputs.
	pub fn public_input_count(&self) -> usize {
		1 + self.input_len() + self.output_len()
	}

	/// The quantized values each input may take, `(min, max)`: the lookup domain, which the
	/// circuit range-checks every input against. The circuit is total over it: every input in
	/// it has a proof (intermediate values saturate).
	pub fn input_domain(&self) -> (i64, i64) {
		(self.quant.domain_min(), self.quant.domain_max())
	}

	/// Splits the statement's flat input into one tensor per graph input.
	fn split_inputs<T: Clone>(&self, flat: &[T]) -> Option<Vec<Tensor<T>>> {
		let mut rest = flat;
		let tensors = self
			.input_shapes()
			.iter()
			.map(|shape| {
				let (values, tail) = rest.split_at_checked(element_count(shape)?)?;
				rest = tail;
				Tensor::new(shape.clone(), values.to_vec())
			})
			.collect::<Option<Vec<_>>>()?;
		rest.is_empty().then_some(tensors)
	}

	/// Integer inference: every value of the graph, inputs first. `input` is the statement's
	/// (every input flattened, in graph order). Values beyond the lookup domain saturate, or are
	/// refused, as `overflow` says.
	pub fn eval_all(
		&self,
		input: &[i64],
		overflow: Overflow,
	) -> Result<Vec<Tensor<i64>>, ModelError> {
		if input.len() != self.input_len() {
			return Err(ModelError::InputLength { expected: self.input_len(), got: input.len() });
		}
		if let Some((index, &value)) =
			input.iter().enumerate().find(|(_, v)| !self.quant.in_domain(**v))
		{
			return Err(ModelError::InputOutOfDomain { index, value });
		}
		let mut values =
			self.split_inputs(input).ok_or(ModelError::Wiring("input shapes".into()))?;
		for (index, node) in self.graph.nodes.iter().enumerate() {
			let inputs: Vec<&Tensor<i64>> = node.inputs.iter().map(|&v| &values[v]).collect();
			let y = node
				.op
				.eval(&inputs, &self.quant, overflow)
				.map_err(|error| ModelError::Node { index, name: node.name.clone(), error })?;
			values.push(y);
		}
		Ok(values)
	}

	/// The statement's output from every value: the outputs' values, flattened, in order.
	fn outputs_of<T: Clone>(&self, values: &[Tensor<T>]) -> Vec<T> {
		self.graph
			.outputs
			.iter()
			.flat_map(|&v| values[v].data().iter().cloned())
			.collect()
	}

	/// Integer inference: the output (every output flattened, in graph order), with values
	/// beyond the lookup domain saturated. This is the witness the circuit proves.
	pub fn eval(&self, input: &[i64]) -> Result<Vec<i64>, ModelError> {
		let values = self.eval_all(input, Overflow::Saturate)?;
		Ok(self.outputs_of(&values))
	}

	/// Integer inference that refuses (`OpError::OutOfDomain`) any value that would saturate:
	/// whether an input stays within the quantization (calibration).
	pub fn eval_unsaturated(&self, input: &[i64]) -> Result<Vec<i64>, ModelError> {
		let values = self.eval_all(input, Overflow::Refuse)?;
		Ok(self.outputs_of(&values))
	}

	/// The lookup-table kinds the circuit needs: the Relu table (every range check reads it)
	/// and each operator's ([`crate::ops::Provable::tables`]).
	pub fn tables(&self) -> TableSet {
		let mut kinds = vec![TableKind::Relu];
		for node in &self.graph.nodes {
			node.op.tables(&self.quant, &mut kinds);
		}
		TableSet::new(kinds)
	}

	/// Lays the model out: the input wires (one tensor per input) go in, the statement's
	/// output wires (every output, flattened, in order) come out. `observe` is called after
	/// each node with its index and the rows used so far.
	pub fn layout(
		&self,
		ctx: &mut LayoutCtx<'_, '_>,
		inputs: Vec<Tensor<Wire>>,
		observe: &mut dyn FnMut(usize, usize),
	) -> Result<Vec<Wire>, SynthesisError> {
		let mut values = inputs;
		for (index, node) in self.graph.nodes.iter().enumerate() {
			let inputs: Vec<&Tensor<Wire>> = node.inputs.iter().map(|&v| &values[v]).collect();
			let y = node
				.op
				.layout(&inputs, ctx)
				.inspect_err(|_| ctx.locate_failure(&format!("node {index} ({})", node.name)))?;
			values.push(y);
			observe(index, ctx.rows());
		}
		Ok(self.outputs_of(&values))
	}

	/// Lays out the statement and the model: binding, inputs from the instance column (rows
	/// `1..=n`), then every operator ([`Self::layout`]). Returns the output wires.
	pub fn layout_statement(
		&self,
		ctx: &mut LayoutCtx<'_, '_>,
		input: Option<&[i64]>,
		observe: &mut dyn FnMut(usize, usize),
	) -> Result<Vec<Wire>, SynthesisError> {
		ctx.binding()?;
		let wires = (0..self.input_len())
			.map(|i| ctx.input(1 + i, input.map_or(Value::unknown(), |x| Value::known(x[i]))))
			.collect::<Result<Vec<_>, _>>()?;
		let inputs = self
			.split_inputs(&wires)
			.ok_or_else(|| ctx.refuse("the input wires do not fill the input shapes"))?;
		self.layout(ctx, inputs, observe)
	}
}
