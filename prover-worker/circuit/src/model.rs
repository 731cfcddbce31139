//! A model: a graph of IR operators, its quantization, and its integer inference.

use serde::{Deserialize, Serialize};

use crate::{
	chip::{LayoutCtx, TableKind, TableSet, Wire},
	ops::{Op, OpError},
	quant::{Overflow, Quant, QuantError},
	tensor::{element_count, Tensor},
};
use halo2_proofs::{circuit::Value, plonk::Error as SynthesisError};

/// One operator application. Value 0 is the model input; node `i` produces value `i + 1`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Node<W> {
	/// The name of the ONNX node it came from (for messages).
	pub name: String,
	/// The operator.
	pub op: Op<W>,
	/// The values it reads (each `<=` its own position).
	pub inputs: Vec<usize>,
}

/// A graph of operators with one input and one output, in evaluation order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Graph<W> {
	/// The input shape.
	pub input_shape: Vec<usize>,
	/// The nodes, in evaluation order.
	pub nodes: Vec<Node<W>>,
	/// The value that is the output.
	pub output: usize,
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
	/// The shape of every value (input first), checking wiring, arity and attributes.
	pub fn shapes(&self) -> Result<Vec<Vec<usize>>, ModelError> {
		let mut shapes = vec![self.input_shape.clone()];
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
		if self.output >= shapes.len() {
			return Err(ModelError::Wiring(format!("output value {} does not exist", self.output)));
		}
		Ok(shapes)
	}
}

impl Graph<f64> {
	/// Quantizes every operator.
	pub fn quantize(&self, quant: Quant) -> Result<Model, ModelError> {
		let graph = Graph {
			input_shape: self.input_shape.clone(),
			nodes: self
				.nodes
				.iter()
				.map(|n| Node {
					name: n.name.clone(),
					op: n.op.quantize(&quant),
					inputs: n.inputs.clone(),
				})
				.collect(),
			output: self.output,
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

	/// The input shape.
	pub fn input_shape(&self) -> &[usize] {
		&self.shapes[0]
	}

	/// The output shape.
	pub fn output_shape(&self) -> &[usize] {
		&self.shapes[self.graph.output]
	}

	/// The number of input elements.
	pub fn input_len(&self) -> usize {
		element_count(self.input_shape()).unwrap_or(0)
	}

	/// The number of output elements.
	pub fn output_len(&self) -> usize {
		element_count(self.output_shape()).unwrap_or(0)
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

	/// Integer inference: every value of the graph, input first. Values beyond the lookup
	/// domain saturate, or are refused, as `overflow` says.
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
		let x = Tensor::new(self.input_shape().to_vec(), input.to_vec())
			.ok_or(ModelError::Wiring("input shape".into()))?;
		let mut values = vec![x];
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

	/// Integer inference: the output, with values beyond the lookup domain saturated. This is
	/// the witness the circuit proves.
	pub fn eval(&self, input: &[i64]) -> Result<Vec<i64>, ModelError> {
		let mut values = self.eval_all(input, Overflow::Saturate)?;
		Ok(values.swap_remove(self.graph.output).into_data())
	}

	/// Integer inference that refuses (`OpError::OutOfDomain`) any value that would saturate:
	/// whether an input stays within the quantization (calibration).
	pub fn eval_unsaturated(&self, input: &[i64]) -> Result<Vec<i64>, ModelError> {
		let mut values = self.eval_all(input, Overflow::Refuse)?;
		Ok(values.swap_remove(self.graph.output).into_data())
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

	/// Lays the model out: the input wires go in, the output wires come out. `observe` is
	/// called after each node with its index and the rows used so far.
	pub fn layout(
		&self,
		ctx: &mut LayoutCtx<'_, '_>,
		input: Tensor<Wire>,
		observe: &mut dyn FnMut(usize, usize),
	) -> Result<Tensor<Wire>, SynthesisError> {
		let mut values = vec![input];
		for (index, node) in self.graph.nodes.iter().enumerate() {
			let inputs: Vec<&Tensor<Wire>> = node.inputs.iter().map(|&v| &values[v]).collect();
			let y = node
				.op
				.layout(&inputs, ctx)
				.inspect_err(|_| ctx.locate_failure(&format!("node {index} ({})", node.name)))?;
			values.push(y);
			observe(index, ctx.rows());
		}
		Ok(values.swap_remove(self.graph.output))
	}

	/// Lays out the statement and the model: binding, inputs from the instance column (rows
	/// `1..=n`), then every operator ([`Self::layout`]). Returns the output wires.
	pub fn layout_statement(
		&self,
		ctx: &mut LayoutCtx<'_, '_>,
		input: Option<&[i64]>,
		observe: &mut dyn FnMut(usize, usize),
	) -> Result<Tensor<Wire>, SynthesisError> {
		ctx.binding()?;
		let wires = (0..self.input_len())
			.map(|i| ctx.input(1 + i, input.map_or(Value::unknown(), |x| Value::known(x[i]))))
			.collect::<Result<Vec<_>, _>>()?;
		let input = Tensor::new(self.input_shape().to_vec(), wires)
			.ok_or_else(|| ctx.refuse("the input wires do not fill the input shape"))?;
		self.layout(ctx, input, observe)
	}
}
