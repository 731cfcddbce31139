//! The model chip: columns, gates and the shared lookup of the model circuit, and the
//! instructions ([`LayoutCtx`]) the operators lay themselves out with.
//!
//! Following the chip pattern of `halo2_gadgets`, [`ModelConfig::configure`] creates every
//! column, gate and lookup (documented there); [`LayoutCtx`] assigns cells through a handful of
//! instructions, each documented with the exact cells it lays out. All of a model's cells
//! live in one region whose rows the context hands out in order; the same context runs
//! without a region to count rows ([`LayoutCtx::counting`]), which is how `k` is chosen.

mod table;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use halo2_proofs::{
	circuit::{Cell, Region, Value},
	plonk::{Advice, Column, ConstraintSystem, Error, Expression, Fixed, Instance, TableColumn},
	poly::Rotation,
};

pub use table::{TableKind, TableSet};

use crate::{
	field::{fr_from_i64, Fr},
	ops::Activation,
	quant::{rescale, rescale_offset, Quant},
};

/// The columns, gates and lookup of the model circuit, for a dot-product width `w`.
///
/// Advice: `x[0..w]` (dot-product inputs; `x[0]` also carries rescale inputs and outputs and
/// products), `acc`, `lookup_in`, `lookup_out`. Fixed: `weight[0..w]`, `c` (bias and rescale
/// constants), the selectors `q_dot`, `q_chain`, `q_rescale`, `q_mul`, the flag `use_output`,
/// the lookup `tag`, and `constants` (for constant cells). Table: `(t_tag, t_in, t_out)`.
/// Instance: one column, `[job binding, inputs…, outputs…]`.
#[derive(Clone, Debug)]
pub struct ModelConfig {
	/// Dot-product inputs.
	pub x: Vec<Column<Advice>>,
	/// Dot-product running sums and products.
	pub acc: Column<Advice>,
	/// Lookup inputs.
	pub lookup_in: Column<Advice>,
	/// Lookup outputs.
	pub lookup_out: Column<Advice>,
	/// Dot-product weights: the model's weights live here, so the verifying key commits to them.
	pub weight: Vec<Column<Fixed>>,
	/// Biases and rescale constants.
	pub c: Column<Fixed>,
	/// Enables the dot-product gate.
	pub q_dot: Column<Fixed>,
	/// Chains a dot-product row to the previous row's sum.
	pub q_chain: Column<Fixed>,
	/// Enables the rescale gates (on the first of a block's two rows).
	pub q_rescale: Column<Fixed>,
	/// Whether a rescale's output is the table output (1) or the quotient itself (0).
	pub use_output: Column<Fixed>,
	/// Enables the product gate.
	pub q_mul: Column<Fixed>,
	/// Which part of the shared table a row reads (0: none).
	pub tag: Column<Fixed>,
	/// Fixed values that advice cells are constrained to.
	pub constants: Column<Fixed>,
	/// The shared table `(tag, x, f(x))`.
	pub table: [TableColumn; 3],
	/// The public inputs.
	pub instance: Column<Instance>,
}

impl ModelConfig {
	/// Creates the columns and constraints for dot-product width `width` (at least 1):
	///
	/// - **dot product**: `q_dot · (Σᵢ x[i]·weight[i] + c + q_chain · acc[-1] − acc) = 0`
	/// - **rescale** (rows `r`, `r+1`): `q_rescale · (x[0] + c[+1] − lookup_in · c − lookup_in[+1]) = 0`
	///   with `c = 2^s` at `r` and the rounding offset at `r+1`, i.e. `acc + offset = q·2^s + rem`;
	/// - **rescale output**: `q_rescale · (x[0][+1] − lookup_in − use_output · (lookup_out − lookup_in)) = 0`;
	/// - **product**: `q_mul · (x[0] · x[0][+1] − acc) = 0`;
	/// - **lookup**: `(tag, lookup_in, lookup_out) ∈ table`, on every row (tag 0 matches `(0, 0, 0)`).
	///
	/// Side effects: enables equality on all advice columns and the instance column, and makes
	/// `constants` the constant column. The highest gate degree is 3.
	pub fn configure(meta: &mut ConstraintSystem<Fr>, width: usize) -> Self {
		let width = width.max(1);
		let x: Vec<_> = (0..width).map(|_| meta.advice_column()).collect();
		let [acc, lookup_in, lookup_out] = [(); 3].map(|_| meta.advice_column());
		let weight: Vec<_> = (0..width).map(|_| meta.fixed_column()).collect();
		let [c, q_dot, q_chain, q_rescale, use_output, q_mul, tag, constants] = [(); 8].map(|_| meta.fixed_column());
		let table = [(); 3].map(|_| meta.lookup_table_column());
		let instance = meta.instance_column();

		for column in x.iter().chain([&acc, &lookup_in, &lookup_out]) {
			meta.enable_equality(*column);
		}
		meta.enable_equality(instance);
		meta.enable_constant(constants);

		let cur = Rotation::cur();
		meta.create_gate("dot product", |m| {
			let sum = x.iter().zip(&weight).fold(m.query_fixed(c, cur), |sum, (x, w)| sum + m.query_advice(*x, cur) * m.query_fixed(*w, cur));
			let chained = m.query_fixed(q_chain, cur) * m.query_advice(acc, Rotation::prev());
			vec![m.query_fixed(q_dot, cur) * (sum + chained - m.query_advice(acc, cur))]
		});
		meta.create_gate("rescale", |m| {
			let q = m.query_fixed(q_rescale, cur);
			let input = m.query_advice(x[0], cur);
			let output = m.query_advice(x[0], Rotation::next());
			let quotient = m.query_advice(lookup_in, cur);
			let remainder = m.query_advice(lookup_in, Rotation::next());
			let table_out = m.query_advice(lookup_out, cur);
			let divisor = m.query_fixed(c, cur);
			let offset = m.query_fixed(c, Rotation::next());
			let use_out = m.query_fixed(use_output, cur);
			vec![
				q.clone() * (input + offset - quotient.clone() * divisor - remainder),
				q * (output - quotient.clone() - use_out * (table_out - quotient)),
			]
		});
		meta.create_gate("product", |m| {
			let a = m.query_advice(x[0], cur);
			let b = m.query_advice(x[0], Rotation::next());
			vec![m.query_fixed(q_mul, cur) * (a * b - m.query_advice(acc, cur))]
		});
		meta.lookup("shared table", |m| {
			let inputs: [Expression<Fr>; 3] = [m.query_fixed(tag, cur), m.query_advice(lookup_in, cur), m.query_advice(lookup_out, cur)];
			inputs.into_iter().zip(table).collect()
		});

		Self { x, acc, lookup_in, lookup_out, weight, c, q_dot, q_chain, q_rescale, use_output, q_mul, tag, constants, table, instance }
	}

	/// The dot-product width.
	pub fn width(&self) -> usize {
		self.x.len()
	}
}

/// A laid-out value: its cell (none while counting rows) and its integer value (unknown
/// while generating keys).
#[derive(Clone, Debug)]
pub struct Wire {
	cell: Option<Cell>,
	value: Value<i64>,
}

impl Wire {
	/// The cell, if the value was assigned.
	pub fn cell(&self) -> Option<Cell> {
		self.cell
	}

	/// The integer value.
	pub fn value(&self) -> Value<i64> {
		self.value
	}
}

/// The instructions operators lay themselves out with, over one region.
pub struct LayoutCtx<'a, 'r> {
	region: Option<&'a mut Region<'r, Fr>>,
	config: &'a ModelConfig,
	tables: &'a TableSet,
	quant: Quant,
	width: usize,
	row: usize,
	constants: BTreeMap<i64, Wire>,
}

impl<'a, 'r> LayoutCtx<'a, 'r> {
	/// A context that assigns into `region`, starting at row 0.
	pub fn new(region: &'a mut Region<'r, Fr>, config: &'a ModelConfig, tables: &'a TableSet, quant: Quant) -> Self {
		Self { region: Some(region), width: config.width(), config, tables, quant, row: 0, constants: BTreeMap::new() }
	}

	/// A context that only counts rows, for dot-product width `width`.
	pub fn counting(config: &'a ModelConfig, tables: &'a TableSet, quant: Quant) -> Self {
		Self { region: None, width: config.width(), config, tables, quant, row: 0, constants: BTreeMap::new() }
	}

	/// Rows used so far.
	pub fn rows(&self) -> usize {
		self.row
	}

	/// The model's quantization.
	pub fn quant(&self) -> Quant {
		self.quant
	}

	fn take_rows(&mut self, n: usize) -> usize {
		let first = self.row;
		self.row += n;
		first
	}

	fn tag(&self, kind: TableKind) -> Result<u64, Error> {
		self.tables.tag(kind).ok_or(Error::Synthesis)
	}

	fn advice(&mut self, column: Column<Advice>, row: usize, value: Value<i64>) -> Wire {
		let cell = self.region.as_mut().map(|region| region.assign_advice(column, row, value.map(fr_from_i64)).cell());
		Wire { cell, value }
	}

	fn fixed(&mut self, column: Column<Fixed>, row: usize, value: Fr) {
		if let Some(region) = self.region.as_mut() {
			region.assign_fixed(column, row, value);
		}
	}

	fn copy(&mut self, wire: &Wire, column: Column<Advice>, row: usize) -> Wire {
		let copy = self.advice(column, row, wire.value);
		if let (Some(region), Some(a), Some(b)) = (self.region.as_mut(), copy.cell, wire.cell) {
			region.constrain_equal(a, b);
		}
		copy
	}

	/// The job binding, copied from instance row 0: `| x[0] = binding |`. It is not used in
	/// any gate; it is part of the statement through the transcript.
	pub fn binding(&mut self) -> Result<(), Error> {
		let row = self.take_rows(1);
		if let Some(region) = self.region.as_mut() {
			region.assign_advice_from_instance(|| "job binding", self.config.instance, 0, self.config.x[0], row)?;
		}
		Ok(())
	}

	/// Model input `value` from instance row `instance_row`, range-checked through the Relu
	/// table: `| lookup_in = input | lookup_out = relu(input) | tag = Relu |`.
	pub fn input(&mut self, instance_row: usize, value: Value<i64>) -> Result<Wire, Error> {
		let tag = self.tag(TableKind::Relu)?;
		let row = self.take_rows(1);
		let cell = match self.region.as_mut() {
			Some(region) => Some(region.assign_advice_from_instance(|| "input", self.config.instance, instance_row, self.config.lookup_in, row)?.cell()),
			None => None,
		};
		self.advice(self.config.lookup_out, row, value.map(|v| v.max(0)));
		self.fixed(self.config.tag, row, Fr::from(tag));
		Ok(Wire { cell, value })
	}

	/// A constant: `| x[0] = v |`, constrained to a fixed cell of `constants`. Cached.
	pub fn constant(&mut self, v: i64) -> Result<Wire, Error> {
		if let Some(wire) = self.constants.get(&v) {
			return Ok(wire.clone());
		}
		let row = self.take_rows(1);
		let cell = match self.region.as_mut() {
			Some(region) => Some(region.assign_advice_from_constant(|| "constant", self.config.x[0], row, fr_from_i64(v))?.cell()),
			None => None,
		};
		let wire = Wire { cell, value: Value::known(v) };
		self.constants.insert(v, wire.clone());
		Ok(wire)
	}

	/// `Σ coefficient·wire + bias`, `w` terms per row, chained through `acc`:
	///
	/// `| x[0..w] = wires | weight[0..w] = coefficients | c = bias (first row) | q_dot = 1 | q_chain = 0 (first row), 1 | acc = running sum |`
	///
	/// Returns the last row's `acc`. No terms: one row with `acc = bias`.
	pub fn dot(&mut self, terms: &[(Wire, i64)], bias: i64) -> Result<Wire, Error> {
		let chunks: Vec<&[(Wire, i64)]> = if terms.is_empty() { vec![&[]] } else { terms.chunks(self.width).collect() };
		let first = self.take_rows(chunks.len());
		let mut sum = Value::known(bias);
		let mut acc = None;
		for (j, chunk) in chunks.into_iter().enumerate() {
			let row = first + j;
			for (i, (wire, coefficient)) in chunk.iter().enumerate() {
				self.copy(wire, self.config.x[i], row);
				self.fixed(self.config.weight[i], row, fr_from_i64(*coefficient));
				sum = sum.zip(wire.value).map(|(s, v)| s.wrapping_add(v.wrapping_mul(*coefficient)));
			}
			self.fixed(self.config.c, row, fr_from_i64(if j == 0 { bias } else { 0 }));
			self.fixed(self.config.q_dot, row, Fr::one());
			self.fixed(self.config.q_chain, row, if j == 0 { Fr::zero() } else { Fr::one() });
			acc = Some(self.advice(self.config.acc, row, sum));
		}
		acc.ok_or(Error::Synthesis)
	}

	/// `activation(q)` where `x + 2^(s-1) = q·2^s + rem`, `q` in the lookup domain and
	/// `0 <= rem < 2^s` (both by table reads):
	///
	/// `| x[0] = x | lookup_in = q | lookup_out = f(q) | c = 2^s | tag = f | q_rescale = 1 | use_output |`
	/// `| x[0] = y | lookup_in = rem | lookup_out = rem | c = offset | tag = Range(s) |`
	pub fn rescale(&mut self, x: &Wire, shift: u8, activation: Activation<i64>) -> Result<Wire, Error> {
		let function = activation.table();
		let act_tag = self.tag(function)?;
		let range_tag = self.tag(TableKind::Range(shift))?;
		let row = self.take_rows(2);
		let quant = self.quant;
		let parts = x.value.map(|v| rescale(v, shift).unwrap_or((0, 0)));
		let quotient = parts.map(|(q, _)| q);
		let remainder = parts.map(|(_, r)| r);
		let table_out = quotient.map(|q| function.apply(q, &quant));
		let output = if activation.uses_table_output() { table_out } else { quotient };

		self.copy(x, self.config.x[0], row);
		self.advice(self.config.lookup_in, row, quotient);
		self.advice(self.config.lookup_out, row, table_out);
		self.fixed(self.config.c, row, fr_from_i64(1i64 << shift));
		self.fixed(self.config.tag, row, Fr::from(act_tag));
		self.fixed(self.config.q_rescale, row, Fr::one());
		self.fixed(self.config.use_output, row, if activation.uses_table_output() { Fr::one() } else { Fr::zero() });

		let y = self.advice(self.config.x[0], row + 1, output);
		self.advice(self.config.lookup_in, row + 1, remainder);
		self.advice(self.config.lookup_out, row + 1, remainder);
		self.fixed(self.config.c, row + 1, fr_from_i64(rescale_offset(shift)));
		self.fixed(self.config.tag, row + 1, Fr::from(range_tag));
		Ok(y)
	}

	/// `f(x)` read from the table: `| lookup_in = x | lookup_out = f(x) | tag = f |`.
	pub fn lookup(&mut self, x: &Wire, function: TableKind) -> Result<Wire, Error> {
		let tag = self.tag(function)?;
		let row = self.take_rows(1);
		let quant = self.quant;
		self.copy(x, self.config.lookup_in, row);
		let y = self.advice(self.config.lookup_out, row, x.value.map(|v| function.apply(v, &quant)));
		self.fixed(self.config.tag, row, Fr::from(tag));
		Ok(y)
	}

	/// `a · b`: `| x[0] = a | acc = a·b | q_mul = 1 |` then `| x[0] = b |`.
	pub fn mul(&mut self, a: &Wire, b: &Wire) -> Result<Wire, Error> {
		let row = self.take_rows(2);
		self.copy(a, self.config.x[0], row);
		self.copy(b, self.config.x[0], row + 1);
		self.fixed(self.config.q_mul, row, Fr::one());
		Ok(self.advice(self.config.acc, row, a.value.zip(b.value).map(|(a, b)| a.wrapping_mul(b))))
	}
}
