//! The model circuit and the choice of its size.

use std::sync::Arc;

use halo2_proofs::{
	circuit::{Layouter, SimpleFloorPlanner, Value},
	plonk::{Circuit, ConstraintSystem, Error},
};
use serde::{Deserialize, Serialize};

use zkinfer_halo2::KeyCircuit;

use crate::{
	chip::{LayoutCtx, ModelConfig},
	field::Fr,
	model::Model,
};

pub use zkinfer_halo2::params::{CircuitParams, MAX_K, MAX_WIDTH, MIN_K};

/// A model as a halo2 circuit, with or without a witness (the quantized input).
///
/// Public inputs (one instance column): `[job binding, input…, output…]`.
#[derive(Clone, Debug)]
pub struct ModelCircuit {
	model: Arc<Model>,
	params: CircuitParams,
	input: Option<Vec<i64>>,
}

impl ModelCircuit {
	/// The circuit for key generation (no witness).
	pub fn keygen(model: Arc<Model>, params: CircuitParams) -> Self {
		Self { model, params, input: None }
	}

	/// The circuit for proving `input` (quantized; checked by the integer inference first).
	pub fn prove(model: Arc<Model>, params: CircuitParams, input: Vec<i64>) -> Self {
		Self { model, params, input: Some(input) }
	}
}

impl Circuit<Fr> for ModelCircuit {
	type Config = ModelConfig;
	type FloorPlanner = SimpleFloorPlanner;
	type Params = CircuitParams;

	fn without_witnesses(&self) -> Self {
		Self { model: self.model.clone(), params: self.params, input: None }
	}

	fn params(&self) -> CircuitParams {
		self.params
	}

	/// The constraint system of every model circuit: [`KeyCircuit`]'s, with which verifiers
	/// read keys.
	fn configure_with_params(
		meta: &mut ConstraintSystem<Fr>,
		params: CircuitParams,
	) -> ModelConfig {
		KeyCircuit::configure_with_params(meta, params)
	}

	fn configure(meta: &mut ConstraintSystem<Fr>) -> ModelConfig {
		KeyCircuit::configure(meta)
	}

	fn synthesize(
		&self,
		config: ModelConfig,
		mut layouter: impl Layouter<Fr>,
	) -> Result<(), Error> {
		let tables = self.model.tables();
		let quant = self.model.quant;
		layouter.assign_table(
			|| "shared table",
			|mut table| {
				for (row, entry) in tables.entries(&quant).enumerate() {
					for (column, value) in config.table.iter().zip(entry) {
						table.assign_cell(|| "table", *column, row, || Value::known(value))?;
					}
				}
				Ok(())
			},
		)?;
		let outputs = layouter.assign_region(
			|| "model",
			|mut region| {
				let mut ctx = LayoutCtx::new(&mut region, &config, &tables, quant);
				let outputs =
					self.model.layout_statement(&mut ctx, self.input.as_deref(), &mut |_, _| {})?;
				outputs
					.iter()
					.map(|w| {
						w.cell().ok_or_else(|| ctx.refuse("an output is a constant, not a cell"))
					})
					.collect::<Result<Vec<_>, _>>()
			},
		)?;
		let first_output = 1 + self.model.input_len();
		for (i, cell) in outputs.into_iter().enumerate() {
			layouter.constrain_instance(cell, config.instance, first_output + i);
		}
		Ok(())
	}
}

/// The size of a model's circuit at one dot-product width, with the estimates the choice
/// is made on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Plan {
	/// The chosen settings.
	pub params: CircuitParams,
	/// Rows the model's region needs.
	pub rows: usize,
	/// Rows the lookup table needs.
	pub table_rows: usize,
	/// Rows halo2 reserves for blinding.
	pub blinding_rows: usize,
	/// Advice columns.
	pub advice_columns: usize,
	/// Fixed columns (table columns included).
	pub fixed_columns: usize,
	/// Polynomials committed per proof (advice, lookup, permutation and quotient).
	pub committed_polys: usize,
	/// Estimated proving work, in units of one commitment to a `2^k` polynomial.
	pub estimated_cost: f64,
	/// Estimated peak memory of proving, in bytes.
	pub estimated_memory: u64,
}

/// Why no circuit size fits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanError {
	/// The model needs more than `2^MAX_K` rows.
	TooLarge,
	/// Every candidate exceeds the memory cap (bytes).
	OverMemoryCap(u64),
	/// Every candidate within the memory cap needs more than `2^max_k` rows.
	OverMaxK {
		/// The smallest `k` any candidate needs.
		needed: u8,
		/// The limit asked for.
		max_k: u8,
	},
	/// Laying out the model failed: where and why.
	Layout(String),
}

impl core::fmt::Display for PlanError {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		match self {
			Self::TooLarge => write!(f, "the model needs more than 2^{MAX_K} rows"),
			Self::OverMemoryCap(cap) => write!(f, "no circuit size fits the memory cap of {cap} bytes"),
			Self::OverMaxK { needed, max_k } => write!(
				f,
				"the model needs 2^{needed} rows, above the limit of 2^{max_k} (the zkinfer chain reads keys of at most 2^{} rows)",
				zkinfer_statement::limits::HALO2_MAX_K
			),
			Self::Layout(reason) => write!(f, "the model cannot be laid out: {reason}"),
		}
	}
}

/// The size of the circuit at dot-product width `width`.
pub fn plan_width(model: &Model, width: u8) -> Result<Plan, PlanError> {
	let width = width.clamp(1, MAX_WIDTH);
	let mut cs = ConstraintSystem::<Fr>::default();
	let config = ModelConfig::configure(&mut cs, width.into());
	let tables = model.tables();
	let mut ctx = LayoutCtx::counting(&config, &tables, model.quant);
	if model.layout_statement(&mut ctx, None, &mut |_, _| {}).is_err() {
		return Err(PlanError::Layout(ctx.failure().unwrap_or("invalid model").to_string()));
	}
	let rows = ctx.rows();
	let table_rows = tables.rows(&model.quant);
	let blinding_rows = cs.blinding_factors() + 1;
	let needed = rows.max(table_rows).max(model.public_input_count()) + blinding_rows;
	let k = (MIN_K..=MAX_K)
		.find(|&k| (1usize << k) >= needed.max(cs.minimum_rows()))
		.ok_or(PlanError::TooLarge)?;

	let degree = cs.degree();
	let extension = 1usize << (usize::BITS - (degree - 2).leading_zeros()); // 2^ceil(log2(degree - 1))
	let permutation_columns = cs.permutation().get_columns().len();
	let permutation_polys = permutation_columns.div_ceil(degree.saturating_sub(2).max(1));
	let committed_polys =
		cs.num_advice_columns() + 3 * cs.lookups().len() + permutation_polys + (degree - 1);
	let fixed_columns = cs.num_fixed_columns();
	let n = 1u64 << k;
	// Commitments are MSMs of size n; the quotient is computed on the extended domain over
	// every column the constraints read.
	let evaluated = cs.num_advice_columns()
		+ fixed_columns
		+ permutation_columns
		+ 3 * cs.lookups().len()
		+ permutation_polys;
	let estimated_cost = committed_polys as f64 + (extension as f64 / 8.0) * evaluated as f64;
	// Proving key: fixed and permutation polynomials as values, coefficients and extended
	// cosets; the prover's own polynomials twice over on the extended domain.
	let pk = 32 * n * (fixed_columns + permutation_columns) as u64 * (2 + extension as u64);
	let prover = 32 * n * committed_polys as u64 * 2 * extension as u64;
	Ok(Plan {
		params: CircuitParams { k, dot_width: width },
		rows,
		table_rows,
		blinding_rows,
		advice_columns: cs.num_advice_columns(),
		fixed_columns,
		committed_polys,
		estimated_cost: estimated_cost * n as f64,
		estimated_memory: pk + prover,
	})
}

/// Chooses `k` and the dot-product width that minimise the estimated proving work within a
/// memory cap (bytes) and at most `2^max_k` rows. Candidates: widths 1, 2, 3, 4, 6, 8, 12, 16,
/// 24, 32.
pub fn plan(model: &Model, memory_cap: u64, max_k: u8) -> Result<Plan, PlanError> {
	let mut best: Option<Plan> = None;
	let mut fitting = false;
	let mut smallest_k = u8::MAX;
	for width in [1u8, 2, 3, 4, 6, 8, 12, 16, 24, 32] {
		let candidate = plan_width(model, width)?;
		if candidate.estimated_memory > memory_cap {
			continue;
		}
		fitting = true;
		smallest_k = smallest_k.min(candidate.params.k);
		if candidate.params.k > max_k {
			continue;
		}
		if best.as_ref().is_none_or(|b| candidate.estimated_cost < b.estimated_cost) {
			best = Some(candidate);
		}
	}
	match best {
		Some(plan) => Ok(plan),
		None if !fitting => Err(PlanError::OverMemoryCap(memory_cap)),
		None => Err(PlanError::OverMaxK { needed: smallest_k, max_k }),
	}
}

/// The rows each node takes at dot-product width `width`, after the statement's own rows
/// (binding and inputs), which come first in the result.
pub fn rows_per_node(model: &Model, width: u8) -> Result<(usize, Vec<usize>), PlanError> {
	let mut cs = ConstraintSystem::<Fr>::default();
	let config = ModelConfig::configure(&mut cs, width.clamp(1, MAX_WIDTH).into());
	let tables = model.tables();
	let mut ctx = LayoutCtx::counting(&config, &tables, model.quant);
	let statement_rows = 1 + model.input_len();
	let mut ends = Vec::with_capacity(model.graph.nodes.len());
	if model.layout_statement(&mut ctx, None, &mut |_, rows| ends.push(rows)).is_err() {
		return Err(PlanError::Layout(ctx.failure().unwrap_or("invalid model").to_string()));
	}
	let mut previous = statement_rows;
	let per_node = ends
		.into_iter()
		.map(|end| {
			let rows = end - previous;
			previous = end;
			rows
		})
		.collect();
	Ok((statement_rows, per_node))
}
