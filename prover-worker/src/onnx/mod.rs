//! ONNX → the project's IR, through `tract-onnx`'s typed, decluttered graph.
//!
//! tract normalises ONNX before we see it (measured on the test models, see the crate README):
//! Gemm and MatMul become `EinSum` (+ `Add` of the bias), Relu becomes `Max` with 0,
//! BatchNormalization is folded into a preceding Conv, AveragePool becomes `SumPool`,
//! GlobalAveragePool becomes `Reduce<Sum>` and `Mul`, Flatten/Reshape/Squeeze become axis ops,
//! Identity disappears. The importer maps each tract operator to one IR operator (one file per
//! family: [`linear`], [`elementwise`], [`shape`]) and fuses as it goes: a bias `Add`, a scalar
//! `Mul` and an activation directly after a linear operator become part of it when nothing
//! else reads the intermediate value.
//!
//! Free input dimensions (`batch_size`) are substituted after typing ([`FreeDims`], 1 by
//! default), before declutter, so tract folds the shape arithmetic exporters write around them.
//!
//! A final `Softmax` of a model with one output is dropped: the circuit proves the logits
//! (argmax, and therefore the predicted class, is unchanged; the probabilities are a public
//! function of the logits); a Softmax anywhere else is lowered ([`softmax`]). Any unsupported
//! operator fails with its name, the node's name and the model's opset.

mod elementwise;
pub mod functions;
mod linear;
mod logic;
mod lstm_cell;
mod norm;
mod probe;
mod scan;
mod shape;
mod softmax;

use std::{
	collections::{BTreeMap, HashMap, HashSet},
	path::Path,
	sync::Arc,
};

use tract_onnx::tract_hir::infer::Factoid;
use tract_onnx::{
	prelude::*,
	tract_core::ops::{konst::Const, nn::Softmax, scan::Scan, source::TypedSource},
};
use zkinfer_circuit::{ops::Op, Graph, Node as IrNode, Tensor as IrTensor};

/// Why a model cannot be imported.
#[derive(Debug)]
pub enum ImportError {
	/// tract could not load, type or declutter the model.
	Tract(String),
	/// An operator the prover does not support.
	Unsupported {
		/// tract's operator name.
		op: String,
		/// The node's name.
		node: String,
		/// What exactly is unsupported.
		reason: String,
		/// The model's ONNX operator set (`ai.onnx` domain), when the file declares it.
		opset: Option<i64>,
	},
	/// The graph's structure is unsupported (inputs, outputs, dynamic shapes).
	Structure(String),
}

impl core::fmt::Display for ImportError {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		match self {
			Self::Tract(e) => write!(f, "tract: {e}"),
			Self::Unsupported { op, node, reason, opset } => {
				write!(f, "unsupported operator {op} at node {node:?}")?;
				if let Some(opset) = opset {
					write!(f, " (opset {opset})")?;
				}
				write!(f, ": {reason}")
			},
			Self::Structure(e) => write!(f, "unsupported model: {e}"),
		}
	}
}

impl std::error::Error for ImportError {}

fn tract_error(e: impl core::fmt::Display) -> ImportError {
	ImportError::Tract(format!("{e:#}"))
}

/// An imported model: the float graph and what was left out.
#[derive(Clone, Debug)]
pub struct Imported {
	/// The graph, weights in floating point.
	pub graph: Graph<f64>,
	/// The name of the final Softmax node that was dropped, if any.
	pub dropped_softmax: Option<String>,
	/// tract's operators, `(node name, operator)`, in evaluation order.
	pub tract_ops: Vec<(String, String)>,
	/// The free input dimensions and the values they were bound to.
	pub free_dims: Vec<(String, usize)>,
	/// tract's typed, decluttered model whose outputs are the graph's (without a dropped final
	/// Softmax): the float inference [`crate::fidelity`] compares against.
	pub tract_model: TypedModel,
}

/// Values for a model's free input dimensions, by name (`batch_size` in `[batch_size, 3]`, as
/// the PyTorch, TensorFlow and scikit-learn exporters write by default). A free dimension not
/// named here is 1: a proof is of one inference.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FreeDims(pub BTreeMap<String, usize>);

/// One `name=value` binding of a free dimension (the CLI's `--dim`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DimValue {
	/// The dimension's name in the ONNX file.
	pub name: String,
	/// Its value, at least 1.
	pub value: usize,
}

impl core::str::FromStr for DimValue {
	type Err = String;

	fn from_str(text: &str) -> Result<Self, Self::Err> {
		let (name, value) =
			text.split_once('=').ok_or_else(|| format!("{text:?} is not name=value"))?;
		let value =
			value.trim().parse::<usize>().ok().filter(|&v| v >= 1).ok_or_else(|| {
				format!("{text:?}: the value must be a whole number of at least 1")
			})?;
		Ok(Self { name: name.trim().to_string(), value })
	}
}

impl FreeDims {
	/// The values given, each name at most once (`--dim a=1 --dim a=2` is refused rather than
	/// one of them silently winning).
	pub fn new(values: Vec<DimValue>) -> Result<Self, ImportError> {
		let mut dims = BTreeMap::new();
		for DimValue { name, value } in values {
			if dims.insert(name.clone(), value).is_some() {
				return Err(ImportError::Structure(format!("--dim {name} is given twice")));
			}
		}
		Ok(Self(dims))
	}
}

/// Loads an ONNX file, its free input dimensions bound to 1.
pub fn import(path: &Path) -> Result<Imported, ImportError> {
	import_with(path, &FreeDims::default())
}

/// Loads an ONNX file with its free input dimensions bound to `dims`
/// (1 where not given). tract types the graph with the dimensions symbolic (the exporter's
/// shape annotations name them too), then they are substituted, so shape-only subgraphs
/// (`Shape`, `Gather` and `Concat` on shapes, `ConstantOfShape`, ...) become constants and
/// fold away when the graph is decluttered.
pub fn import_with(path: &Path, dims: &FreeDims) -> Result<Imported, ImportError> {
	let framework = functions::framework();
	let proto = framework.proto_model_for_path(path).map_err(tract_error)?;
	let opset = proto
		.opset_import
		.iter()
		.find(|o| o.domain.is_empty() || o.domain == "ai.onnx")
		.map(|o| o.version);
	// As tract's `model_for_path`: the file's directory resolves external weights.
	let parsed = framework
		.parse(&proto, path.parent().and_then(Path::to_str))
		.map_err(tract_error)?;
	if !parsed.unresolved_inputs.is_empty() {
		return Err(ImportError::Structure(format!(
			"the graph reads values nothing defines: {}",
			parsed.unresolved_inputs.join(", ")
		)));
	}
	let mut model = parsed.model;
	bind_unnamed_dims(&mut model)?;
	let model = model.into_typed().map_err(tract_error)?;
	let (model, bound) = bind_free_dims(&model, dims)?;
	let model = model.into_decluttered().map_err(tract_error)?;
	let mut imported = import_typed(&model).map_err(|e| match e {
		ImportError::Unsupported { op, node, reason, opset: None } => {
			ImportError::Unsupported { op, node, reason, opset }
		},
		other => other,
	})?;
	imported.free_dims = bound;
	Ok(imported)
}

/// Sets an input's first (batch) dimension to 1 where the file leaves it unknown and unnamed
/// (skl2onnx writes it as `None`, neither a value nor a name), so tract can type the graph: a
/// proof is of one inference. A named dimension stays symbolic for [`bind_free_dims`]; an
/// unknown one on another axis stays unknown, and tract's error names it.
fn bind_unnamed_dims(model: &mut InferenceModel) -> Result<(), ImportError> {
	for ix in 0..model.input_outlets().map_err(tract_error)?.len() {
		let mut fact = model.input_fact(ix).map_err(tract_error)?.clone();
		if fact.shape.is_open() {
			continue;
		}
		// The batch axis only: another unknown axis (a sequence length) has no value to guess.
		if fact.shape.dim(0).is_some_and(|d| d.concretize().is_none()) {
			fact.shape.set_dim(0, TDim::Val(1));
			model.set_input_fact(ix, fact).map_err(tract_error)?;
		}
	}
	Ok(())
}

/// Substitutes every free dimension of the inputs' shapes: its value in `dims` or 1. Returns
/// the model and the bindings made, in the order the dimensions first appear. A name in `dims`
/// that no input has is refused (a misspelt `--dim` would otherwise pass silently).
fn bind_free_dims(
	model: &TypedModel,
	dims: &FreeDims,
) -> Result<(TypedModel, Vec<(String, usize)>), ImportError> {
	let mut bound: Vec<(String, usize)> = Vec::new();
	let mut substitutions = HashMap::new();
	for &input in model.input_outlets().map_err(tract_error)? {
		for dim in model.outlet_fact(input).map_err(tract_error)?.shape.iter() {
			for symbol in dim.symbols() {
				let name = symbol.to_string();
				if bound.iter().any(|(s, _)| *s == name) {
					continue;
				}
				let value = dims.0.get(&name).copied().unwrap_or(1);
				let as_dim = i64::try_from(value)
					.map(TDim::Val)
					.map_err(|_| ImportError::Structure(format!("--dim {name}={value}")))?;
				substitutions.insert(symbol, as_dim);
				bound.push((name, value));
			}
		}
	}
	if let Some(unknown) = dims.0.keys().find(|name| !bound.iter().any(|(s, _)| s == *name)) {
		let free: Vec<&str> = bound.iter().map(|(s, _)| s.as_str()).collect();
		return Err(ImportError::Structure(format!(
			"--dim {unknown}: the model's inputs have no free dimension {unknown:?} (free: {})",
			if free.is_empty() { "none".to_string() } else { free.join(", ") }
		)));
	}
	let model = if substitutions.is_empty() {
		model.clone()
	} else {
		model.set_symbols(&substitutions).map_err(tract_error)?
	};
	Ok((model, bound))
}

/// What an outlet of the tract graph is to the importer.
#[derive(Clone)]
enum Slot {
	/// An IR value.
	Value(usize),
	/// A constant.
	Const(Arc<Tensor>),
}

/// The import state: the IR graph so far and where each tract outlet went.
pub(crate) struct Builder<'m> {
	model: &'m TypedModel,
	nodes: Vec<IrNode<f64>>,
	slots: HashMap<OutletId, Slot>,
	materialized: HashMap<OutletId, usize>,
	outputs: Vec<OutletId>,
	input_count: usize,
	/// The first value this builder's own nodes produce: a loop body's copy may not fuse into
	/// the values it was handed (they belong to the previous step or the outer graph).
	own_from: usize,
	/// Values several outlets stand for (a loop's state and its outputs, a cast that changes
	/// nothing): fusing into one would change what the others read.
	shared: HashSet<usize>,
}

impl<'m> Builder<'m> {
	/// The failure for the node being imported.
	pub(crate) fn unsupported(node: &TypedNode, reason: impl Into<String>) -> ImportError {
		ImportError::Unsupported {
			op: node.op.name().to_string(),
			node: node.name.clone(),
			reason: reason.into(),
			opset: None,
		}
	}

	/// The concrete shape of an outlet.
	pub(crate) fn shape(&self, outlet: OutletId) -> Result<Vec<usize>, ImportError> {
		let fact = self.model.outlet_fact(outlet).map_err(tract_error)?;
		fact.shape
			.as_concrete()
			.map(|s| s.to_vec())
			.ok_or_else(|| ImportError::Structure(format!("dynamic shape {:?}", fact.shape)))
	}

	/// The slot of an input outlet.
	fn slot(&self, outlet: OutletId) -> Result<Slot, ImportError> {
		if let Some(slot) = self.slots.get(&outlet) {
			return Ok(slot.clone());
		}
		let fact = self.model.outlet_fact(outlet).map_err(tract_error)?;
		fact.konst
			.clone()
			.map(Slot::Const)
			.ok_or_else(|| ImportError::Structure(format!("outlet {outlet:?} has no value")))
	}

	/// The constant at an outlet, if it is one.
	pub(crate) fn constant(&self, outlet: OutletId) -> Result<Option<IrTensor<f64>>, ImportError> {
		match self.slot(outlet)? {
			Slot::Const(t) => Ok(Some(to_ir_tensor(&t)?)),
			Slot::Value(_) => Ok(None),
		}
	}

	/// The IR value at an outlet; a constant becomes a `Const` node.
	pub(crate) fn value(&mut self, outlet: OutletId) -> Result<usize, ImportError> {
		match self.slot(outlet)? {
			Slot::Value(v) => Ok(v),
			Slot::Const(t) => {
				if let Some(&v) = self.materialized.get(&outlet) {
					return Ok(v);
				}
				let value = to_ir_tensor(&t)?;
				let v = self.push(
					format!("const{}", outlet.node),
					Op::Const(zkinfer_circuit::ops::Const { value }),
					vec![],
				);
				self.materialized.insert(outlet, v);
				Ok(v)
			},
		}
	}

	/// Appends an IR node; returns its value (values `0..input_count` are the inputs).
	pub(crate) fn push(&mut self, name: String, op: Op<f64>, inputs: Vec<usize>) -> usize {
		self.nodes.push(IrNode { name, op, inputs });
		self.input_count + self.nodes.len() - 1
	}

	/// Records that a tract outlet is an IR value.
	pub(crate) fn bind(&mut self, outlet: OutletId, value: usize) {
		self.slots.insert(outlet, Slot::Value(value));
	}

	/// Records that a tract outlet is a value (or constant) other outlets stand for too: no
	/// later operator fuses into it.
	fn bind_shared(&mut self, outlet: OutletId, slot: Slot) {
		if let Slot::Value(value) = slot {
			self.shared.insert(value);
		}
		self.slots.insert(outlet, slot);
	}

	/// The IR node that produced `value`, if nothing else reads the tract outlet `outlet`, it
	/// is not a model output, this builder made it and no other outlet stands for it: then the
	/// node may absorb what follows it.
	pub(crate) fn fusable(&mut self, outlet: OutletId, value: usize) -> Option<&mut IrNode<f64>> {
		let only_reader =
			self.model.outlet_successors(outlet).len() == 1 && !self.outputs.contains(&outlet);
		if !only_reader || value < self.own_from || self.shared.contains(&value) {
			return None;
		}
		self.nodes.get_mut(value - self.input_count)
	}
}

/// A tract tensor as an IR tensor of `f64`.
pub(crate) fn to_ir_tensor(t: &Tensor) -> Result<IrTensor<f64>, ImportError> {
	let cast = t.cast_to::<f64>().map_err(tract_error)?;
	let data = cast
		.to_plain_array_view::<f64>()
		.map_err(tract_error)?
		.iter()
		.copied()
		.collect();
	IrTensor::new(t.shape().to_vec(), data)
		.ok_or_else(|| ImportError::Structure("constant shape".into()))
}

/// Imports one node that is not a source (nor the dropped final Softmax): a constant is read
/// through its outlet when a consumer needs it; a node whose inputs are all constants is
/// evaluated (an unrolled loop's body meets its constant initial state this way); every other
/// node becomes IR operators.
fn import_node(b: &mut Builder<'_>, node: &TypedNode) -> Result<(), ImportError> {
	if node.op_as::<Const>().is_some() || fold_constants(b, node)? {
		return Ok(());
	}
	if let Some(op) = node.op_as::<Softmax>() {
		return softmax::import(b, node, op);
	}
	if let Some(op) = node.op_as::<Scan>() {
		return scan::import(b, node, op);
	}
	if linear::import(b, node)?
		|| probe::import(b, node)?
		|| norm::import(b, node)?
		|| lstm_cell::import(b, node)?
		|| logic::import(b, node)?
		|| elementwise::import(b, node)?
		|| shape::import(b, node)?
	{
		Ok(())
	} else {
		Err(Builder::unsupported(node, "no IR operator implements it"))
	}
}

/// Evaluates a node whose inputs are all constants with tract, binding its outputs as
/// constants; `Ok(false)` if some input is computed or tract cannot evaluate it alone.
fn fold_constants(b: &mut Builder<'_>, node: &TypedNode) -> Result<bool, ImportError> {
	if node.inputs.is_empty() {
		return Ok(false);
	}
	let mut inputs = TVec::new();
	for &outlet in &node.inputs {
		match b.slot(outlet)? {
			Slot::Const(t) => inputs.push(TValue::from_const(t)),
			Slot::Value(_) => return Ok(false),
		}
	}
	let Some(outputs) = node.op.eval_out_of_plan(inputs).map_err(tract_error)? else {
		return Ok(false);
	};
	for (slot, value) in outputs.into_iter().enumerate() {
		b.slots
			.insert(OutletId::new(node.id, slot), Slot::Const(value.into_arc_tensor()));
	}
	Ok(true)
}

/// Imports a typed, decluttered tract model. Its inputs and outputs become the graph's, in the
/// model's order.
pub fn import_typed(model: &TypedModel) -> Result<Imported, ImportError> {
	let inputs = model.input_outlets().map_err(tract_error)?.to_vec();
	let mut outputs = model.output_outlets().map_err(tract_error)?.to_vec();
	if inputs.is_empty() || outputs.is_empty() {
		return Err(ImportError::Structure(format!(
			"{} inputs and {} outputs; at least one of each is needed",
			inputs.len(),
			outputs.len()
		)));
	}
	let mut builder = Builder {
		model,
		nodes: Vec::new(),
		slots: HashMap::new(),
		materialized: HashMap::new(),
		outputs: outputs.clone(),
		input_count: inputs.len(),
		own_from: inputs.len(),
		shared: HashSet::new(),
	};
	let input_shapes = inputs
		.iter()
		.map(|&input| builder.shape(input))
		.collect::<Result<Vec<_>, _>>()?;
	let mut dropped_softmax = None;
	let mut tract_ops = Vec::new();

	for id in model.eval_order().map_err(tract_error)? {
		let node = model.node(id);
		tract_ops.push((node.name.clone(), node.op.name().to_string()));
		if node.op_as::<TypedSource>().is_some() {
			let outlet = OutletId::new(id, 0);
			let position = inputs.iter().position(|&i| i == outlet).ok_or_else(|| {
				ImportError::Structure(format!("source {:?} is not an input", node.name))
			})?;
			builder.bind(outlet, position);
		} else if node.op_as::<Softmax>().is_some() && outputs == [OutletId::new(id, 0)] {
			dropped_softmax = Some(node.name.clone());
			outputs = vec![node.inputs[0]];
		} else {
			import_node(&mut builder, node)?;
		}
	}
	let output_values = outputs
		.iter()
		.map(|&output| builder.value(output))
		.collect::<Result<Vec<_>, _>>()?;
	let mut expected = Vec::with_capacity(outputs.len());
	for &outlet in &outputs {
		expected.push(builder.shape(outlet)?);
	}
	let graph = Graph { inputs: input_shapes, nodes: builder.nodes, outputs: output_values };
	let shapes = graph.shapes().map_err(|e| ImportError::Structure(e.to_string()))?;
	// The IR must compute tensors of tract's shapes: a lowering that lost a broadcast would
	// otherwise pass unnoticed.
	for (i, (&v, want)) in graph.outputs.iter().zip(&expected).enumerate() {
		if &shapes[v] != want {
			return Err(ImportError::Structure(format!(
				"output {i} has shape {:?} in the IR but {want:?} in the model",
				shapes[v]
			)));
		}
	}
	let mut tract_model = model.clone();
	tract_model.select_output_outlets(&outputs).map_err(tract_error)?;
	Ok(Imported { graph, dropped_softmax, tract_ops, free_dims: Vec::new(), tract_model })
}
