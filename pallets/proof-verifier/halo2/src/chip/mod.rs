//! The model chip: columns, gates and the shared lookup of the model circuit, and the
//! instructions ([`LayoutCtx`]) the operators lay themselves out with.
//!
//! Following the chip pattern of `halo2_gadgets`, [`ModelConfig::configure`] creates every
//! column, gate and lookup (documented there); [`LayoutCtx`] assigns cells through a handful of
//! instructions, each documented with the exact cells it lays out. All of a model's cells
//! live in one region whose rows the context hands out in order; the same context runs
//! without a region to count rows ([`LayoutCtx::counting`]), which is how `k` is chosen.

pub mod function;
mod table;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use halo2_proofs::{
	circuit::{Cell, Region, Value},
	halo2curves::ff::Field,
	plonk::{Advice, Column, ConstraintSystem, Error, Expression, Fixed, Instance, TableColumn},
	poly::Rotation,
};

pub use function::{Comparison, UnaryFunction};
pub use table::{TableFunction, TableKind, TableSet};

use crate::{
	bound::Bound,
	field::{fr_from_i64, Fr},
	quant::{rescale, rescale_offset, Quant},
};

/// The columns, gates and lookup of the model circuit, for a dot-product width `w`.
///
/// Advice: `x[0..w]` (dot-product inputs; `x[0]` also carries rescale inputs and outputs and
/// products), `acc` (sums, products, a rescale's full quotient and a clamp's distance, limb
/// running sums), `lookup_in`, `lookup_out`. Fixed: `weight[0..w]` (also a clamp's edges),
/// `c` (bias, rescale and limb constants), the selectors `q_dot`, `q_chain`, `q_rescale`,
/// `q_mul`, `q_clamp`, `q_limb`, the flag `use_output`, the lookup `tag`, and `constants` (for
/// constant cells). Table: `(t_tag, t_in, t_out)`. Instance: one column, `[job binding,
/// inputs…, outputs…]`.
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
	/// Enables the clamp gates (on the first of a rescale's or an absolute value's rows).
	pub q_clamp: Column<Fixed>,
	/// Enables the limb gates of a range check.
	pub q_limb: Column<Fixed>,
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
	/// - **rescale** (rows `r`, `r+1`): `q_rescale · (x[0] + c[+1] − acc · c − lookup_in[+1]) = 0`
	///   with `c = 2^s` at `r` and the rounding offset at `r+1`, i.e. `x + offset = q·2^s + rem`
	///   for the full quotient `q = acc`;
	/// - **rescale output**: `q_rescale · (x[0][+1] − lookup_in − use_output · (lookup_out − lookup_in)) = 0`,
	///   the table reading the quotient brought into the domain, `lookup_in`;
	/// - **no clamp**: `q_rescale · (1 − q_clamp) · (acc − lookup_in) = 0`;
	/// - **clamp** (rows `r`, `r+1`), with `d = acc − lookup_in` and `t = acc[+1]`:
	///   `q_clamp · (t² − d²) = 0`, `q_clamp · (t − d) · (lookup_in − weight[0]) = 0`,
	///   `q_clamp · (t + d) · (lookup_in − weight[0][+1]) = 0`: with `t` range-checked as
	///   non-negative (limbs below), `t = |d|`, and `d < 0` forces `lookup_in` to the domain's
	///   low edge (`weight[0]`), `d > 0` to its high edge (`weight[0][+1]`);
	/// - **limb**: `q_limb · (acc[-1] − lookup_in − c · acc) = 0` and
	///   `q_limb · (lookup_in − lookup_out) = 0`: each limb read from the Relu table with equal
	///   output is in `[0, 2^(domain_bits−1))`, and the running sums in `acc` decompose the value
	///   above the first limb (`c = 2^(domain_bits−1)`, 0 on the last limb);
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
		let [c, q_dot, q_chain, q_rescale, use_output, q_mul, q_clamp, q_limb, tag, constants] =
			[(); 10].map(|_| meta.fixed_column());
		let table = [(); 3].map(|_| meta.lookup_table_column());
		let instance = meta.instance_column();

		for column in x.iter().chain([&acc, &lookup_in, &lookup_out]) {
			meta.enable_equality(*column);
		}
		meta.enable_equality(instance);
		meta.enable_constant(constants);

		let cur = Rotation::cur();
		meta.create_gate("dot product", |m| {
			let sum = x.iter().zip(&weight).fold(m.query_fixed(c, cur), |sum, (x, w)| {
				sum + m.query_advice(*x, cur) * m.query_fixed(*w, cur)
			});
			let chained = m.query_fixed(q_chain, cur) * m.query_advice(acc, Rotation::prev());
			vec![m.query_fixed(q_dot, cur) * (sum + chained - m.query_advice(acc, cur))]
		});
		meta.create_gate("rescale", |m| {
			let q = m.query_fixed(q_rescale, cur);
			let input = m.query_advice(x[0], cur);
			let output = m.query_advice(x[0], Rotation::next());
			let quotient = m.query_advice(acc, cur);
			let clamped = m.query_advice(lookup_in, cur);
			let remainder = m.query_advice(lookup_in, Rotation::next());
			let table_out = m.query_advice(lookup_out, cur);
			let divisor = m.query_fixed(c, cur);
			let offset = m.query_fixed(c, Rotation::next());
			let use_out = m.query_fixed(use_output, cur);
			let clamp = m.query_fixed(q_clamp, cur);
			vec![
				q.clone() * (input + offset - quotient.clone() * divisor - remainder),
				q.clone() * (output - clamped.clone() - use_out * (table_out - clamped.clone())),
				q * (Expression::Constant(Fr::ONE) - clamp) * (quotient - clamped),
			]
		});
		meta.create_gate("clamp", |m| {
			let q = m.query_fixed(q_clamp, cur);
			let clamped = m.query_advice(lookup_in, cur);
			let d = m.query_advice(acc, cur) - clamped.clone();
			let t = m.query_advice(acc, Rotation::next());
			let low = m.query_fixed(weight[0], cur);
			let high = m.query_fixed(weight[0], Rotation::next());
			vec![
				q.clone() * (t.clone() - d.clone()) * (t.clone() + d.clone()),
				q.clone() * (t.clone() - d.clone()) * (clamped.clone() - low),
				q * (t + d) * (clamped - high),
			]
		});
		meta.create_gate("limb", |m| {
			let q = m.query_fixed(q_limb, cur);
			let limb = m.query_advice(lookup_in, cur);
			let rest = m.query_advice(acc, Rotation::prev())
				- limb.clone()
				- m.query_fixed(c, cur) * m.query_advice(acc, cur);
			vec![q.clone() * rest, q * (limb - m.query_advice(lookup_out, cur))]
		});
		meta.create_gate("product", |m| {
			let a = m.query_advice(x[0], cur);
			let b = m.query_advice(x[0], Rotation::next());
			vec![m.query_fixed(q_mul, cur) * (a * b - m.query_advice(acc, cur))]
		});
		meta.lookup("shared table", |m| {
			let inputs: [Expression<Fr>; 3] = [
				m.query_fixed(tag, cur),
				m.query_advice(lookup_in, cur),
				m.query_advice(lookup_out, cur),
			];
			inputs.into_iter().zip(table).collect()
		});

		Self {
			x,
			acc,
			lookup_in,
			lookup_out,
			weight,
			c,
			q_dot,
			q_chain,
			q_rescale,
			use_output,
			q_mul,
			q_clamp,
			q_limb,
			tag,
			constants,
			table,
			instance,
		}
	}

	/// The dot-product width.
	pub fn width(&self) -> usize {
		self.x.len()
	}
}

/// A laid-out value: its cell (none while counting rows), its integer value (unknown while
/// generating keys), and the static [`Bound`] of every value it can take.
#[derive(Clone, Debug)]
pub struct Wire {
	cell: Option<Cell>,
	value: Value<i64>,
	bound: Bound,
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

	/// Every value it can take, for inputs in the domain.
	pub fn bound(&self) -> Bound {
		self.bound
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
	ranges: BTreeMap<TableKind, Bound>,
	failure: Option<String>,
}

impl<'a, 'r> LayoutCtx<'a, 'r> {
	/// A context that assigns into `region`, starting at row 0.
	pub fn new(
		region: &'a mut Region<'r, Fr>,
		config: &'a ModelConfig,
		tables: &'a TableSet,
		quant: Quant,
	) -> Self {
		Self::with_region(Some(region), config, tables, quant)
	}

	/// A context that only counts rows, for the width of `config`.
	pub fn counting(config: &'a ModelConfig, tables: &'a TableSet, quant: Quant) -> Self {
		Self::with_region(None, config, tables, quant)
	}

	fn with_region(
		region: Option<&'a mut Region<'r, Fr>>,
		config: &'a ModelConfig,
		tables: &'a TableSet,
		quant: Quant,
	) -> Self {
		let ranges = tables
			.kinds()
			.iter()
			.map(|&kind| (kind, TableSet::output_range(kind, &quant)))
			.collect();
		Self {
			region,
			width: config.width(),
			config,
			tables,
			quant,
			row: 0,
			constants: BTreeMap::new(),
			ranges,
			failure: None,
		}
	}

	/// Rows used so far.
	pub fn rows(&self) -> usize {
		self.row
	}

	/// The model's quantization.
	pub fn quant(&self) -> Quant {
		self.quant
	}

	/// Why the last instruction that failed did, if it said.
	pub fn failure(&self) -> Option<&str> {
		self.failure.as_deref()
	}

	/// Names where the last failure happened (a node), in front of its reason.
	pub fn locate_failure(&mut self, place: &str) {
		let reason = self.failure.take().unwrap_or_else(|| "it cannot be laid out".into());
		self.failure = Some(format!("{place}: {reason}"));
	}

	/// Fails with `reason` (kept for [`Self::failure`]).
	fn fail<T>(&mut self, reason: String) -> Result<T, Error> {
		Err(self.refuse(reason))
	}

	/// The error of a layout refused for `reason`: halo2's `Synthesis`, with the reason kept for
	/// [`Self::failure`] (halo2's error type carries no message).
	pub fn refuse(&mut self, reason: impl core::fmt::Display) -> Error {
		self.failure = Some(reason.to_string());
		Error::Synthesis
	}

	/// A wire of `bound`, refused if the integer inference or the circuit could not carry it.
	fn bounded(
		&mut self,
		cell: Option<Cell>,
		value: Value<i64>,
		bound: Bound,
	) -> Result<Wire, Error> {
		if !bound.is_safe() {
			return self.fail(format!(
				"intermediate values may reach {}, beyond the 2^62 the circuit carries (smaller weights or scales are needed)",
				bound.magnitude()
			));
		}
		Ok(Wire { cell, value, bound })
	}

	/// The lookup domain as a bound.
	fn domain(&self) -> Bound {
		Bound::new(self.quant.domain_min().into(), self.quant.domain_max().into())
	}

	fn take_rows(&mut self, n: usize) -> usize {
		let first = self.row;
		self.row += n;
		first
	}

	fn tag(&mut self, kind: TableKind) -> Result<u64, Error> {
		match self.tables.tag(kind) {
			Some(tag) => Ok(tag),
			None => self.fail(format!("the lookup table holds no {kind:?} rows")),
		}
	}

	fn advice(&mut self, column: Column<Advice>, row: usize, value: Value<i64>) -> Option<Cell> {
		self.region
			.as_mut()
			.map(|region| region.assign_advice(column, row, value.map(fr_from_i64)).cell())
	}

	fn advice_fr(&mut self, column: Column<Advice>, row: usize, value: Value<Fr>) -> Option<Cell> {
		self.region
			.as_mut()
			.map(|region| region.assign_advice(column, row, value).cell())
	}

	fn fixed(&mut self, column: Column<Fixed>, row: usize, value: Fr) {
		if let Some(region) = self.region.as_mut() {
			region.assign_fixed(column, row, value);
		}
	}

	fn copy(&mut self, wire: &Wire, column: Column<Advice>, row: usize) -> Option<Cell> {
		let copy = self.advice(column, row, wire.value);
		if let (Some(region), Some(a), Some(b)) = (self.region.as_mut(), copy, wire.cell) {
			region.constrain_equal(a, b);
		}
		copy
	}

	/// The job binding, copied from instance row 0: `| x[0] = binding |`. It is not used in
	/// any gate; it is part of the statement through the transcript.
	pub fn binding(&mut self) -> Result<(), Error> {
		let row = self.take_rows(1);
		if let Some(region) = self.region.as_mut() {
			region.assign_advice_from_instance(
				|| "job binding",
				self.config.instance,
				0,
				self.config.x[0],
				row,
			)?;
		}
		Ok(())
	}

	/// Model input `value` from instance row `instance_row`, range-checked through the Relu
	/// table: `| lookup_in = input | lookup_out = relu(input) | tag = Relu |`. Its bound is the
	/// lookup domain, the model's input domain.
	pub fn input(&mut self, instance_row: usize, value: Value<i64>) -> Result<Wire, Error> {
		let tag = self.tag(TableKind::Relu)?;
		let row = self.take_rows(1);
		let cell = match self.region.as_mut() {
			Some(region) => Some(
				region
					.assign_advice_from_instance(
						|| "input",
						self.config.instance,
						instance_row,
						self.config.lookup_in,
						row,
					)?
					.cell(),
			),
			None => None,
		};
		self.advice(self.config.lookup_out, row, value.map(|v| v.max(0)));
		self.fixed(self.config.tag, row, Fr::from(tag));
		let domain = self.domain();
		self.bounded(cell, value, domain)
	}

	/// A constant: `| x[0] = v |`, constrained to a fixed cell of `constants`. Cached.
	pub fn constant(&mut self, v: i64) -> Result<Wire, Error> {
		if let Some(wire) = self.constants.get(&v) {
			return Ok(wire.clone());
		}
		let row = self.take_rows(1);
		let cell = match self.region.as_mut() {
			Some(region) => Some(
				region
					.assign_advice_from_constant(
						|| "constant",
						self.config.x[0],
						row,
						fr_from_i64(v),
					)?
					.cell(),
			),
			None => None,
		};
		let wire = self.bounded(cell, Value::known(v), Bound::exact(v))?;
		self.constants.insert(v, wire.clone());
		Ok(wire)
	}

	/// `Σ coefficient·wire + bias`, `w` terms per row, chained through `acc`:
	///
	/// `| x[0..w] = wires | weight[0..w] = coefficients | c = bias (first row) | q_dot = 1 | q_chain = 0 (first row), 1 | acc = running sum |`
	///
	/// Returns the last row's `acc`. No terms: one row with `acc = bias`.
	pub fn dot(&mut self, terms: &[(Wire, i64)], bias: i64) -> Result<Wire, Error> {
		let chunks: Vec<&[(Wire, i64)]> =
			if terms.is_empty() { vec![&[]] } else { terms.chunks(self.width).collect() };
		let first = self.take_rows(chunks.len());
		let mut sum = Value::known(bias);
		let mut bound = Bound::exact(bias);
		let mut acc = None;
		for (j, chunk) in chunks.into_iter().enumerate() {
			let row = first + j;
			for (i, (wire, coefficient)) in chunk.iter().enumerate() {
				self.copy(wire, self.config.x[i], row);
				self.fixed(self.config.weight[i], row, fr_from_i64(*coefficient));
				sum =
					sum.zip(wire.value).map(|(s, v)| s.wrapping_add(v.wrapping_mul(*coefficient)));
				bound = bound + wire.bound.scale(*coefficient);
			}
			self.fixed(self.config.c, row, fr_from_i64(if j == 0 { bias } else { 0 }));
			self.fixed(self.config.q_dot, row, Fr::one());
			self.fixed(self.config.q_chain, row, if j == 0 { Fr::zero() } else { Fr::one() });
			acc = self.advice(self.config.acc, row, sum);
		}
		self.bounded(acc, sum, bound)
	}

	/// `f(c)` where `x + 2^(s-1) = q·2^s + rem` (`0 <= rem < 2^s`, a table read; `rem = 0`
	/// when `s = 0`) and `c` is `q` saturated to the lookup domain (a table read of `f`):
	///
	/// `| x[0] = x | acc = q | lookup_in = c | lookup_out = f(c) | c = 2^s | tag = f | q_rescale = 1 | use_output | q_clamp | weight[0] = domain min |`
	/// `| x[0] = y | acc = |q − c| | lookup_in = rem | lookup_out = rem | c = offset | tag = Range(s) (0 if s = 0) | weight[0] = domain max |`
	///
	/// then the limbs of `|q − c|` ([`Self::limbs`]). Where `q`'s bound lies in the domain,
	/// `c = q` is constrained instead (`q_clamp = 0`, no limbs): the block is two rows. Where it
	/// can overshoot by up to `e`, the clamp costs `⌈log2(e + 1) / (domain_bits − 1)⌉` more rows.
	/// Identity returns `c` itself (the table read is its range check).
	pub fn rescale(&mut self, x: &Wire, shift: u8, function: TableFunction) -> Result<Wire, Error> {
		let kind = function.table();
		let act_tag = self.tag(kind)?;
		let range_tag = if shift == 0 { 0 } else { self.tag(TableKind::Range(shift))? };
		let quant = self.quant;
		let (lo, hi) = (quant.domain_min(), quant.domain_max());
		let quotient_bound = x.bound.rescaled(shift);
		let excess = quotient_bound.excess(lo, hi);
		let limbs = limbs_for(excess, quant.domain_bits);
		let row = self.take_rows(2);
		// The integer inference refuses a model whose rescale overflows; a witness that does
		// so anyway is refused here, never laid out as another value.
		let parts = x.value.map(|v| rescale(v, shift));
		if parts.error_if_known_and(Option::is_none).is_err() {
			return Err(self.refuse("a rescale overflows i64"));
		}
		let parts = parts.map(|p| p.unwrap_or_default());
		let quotient = parts.map(|(q, _)| q);
		let remainder = parts.map(|(_, r)| r);
		let clamped = quotient.map(|q| quant.clamp(q));
		let table_out = clamped.map(|c| kind.apply(c, &quant));
		let output = if function.uses_table_output() { table_out } else { clamped };

		self.copy(x, self.config.x[0], row);
		self.advice(self.config.acc, row, quotient);
		self.advice(self.config.lookup_in, row, clamped);
		self.advice(self.config.lookup_out, row, table_out);
		self.fixed(self.config.c, row, fr_from_i64(1i64 << shift));
		self.fixed(self.config.tag, row, Fr::from(act_tag));
		self.fixed(self.config.q_rescale, row, Fr::one());
		self.fixed(
			self.config.use_output,
			row,
			if function.uses_table_output() { Fr::one() } else { Fr::zero() },
		);

		let y = self.advice(self.config.x[0], row + 1, output);
		self.advice(self.config.lookup_in, row + 1, remainder);
		self.advice(self.config.lookup_out, row + 1, remainder);
		self.fixed(self.config.c, row + 1, fr_from_i64(rescale_offset(shift)));
		self.fixed(self.config.tag, row + 1, Fr::from(range_tag));
		if limbs > 0 {
			self.fixed(self.config.q_clamp, row, Fr::one());
			self.fixed(self.config.weight[0], row, fr_from_i64(lo));
			self.fixed(self.config.weight[0], row + 1, fr_from_i64(hi));
			let distance = quotient.zip(clamped).map(|(q, c)| q.abs_diff(c));
			self.advice(self.config.acc, row + 1, distance.map(|d| d as i64));
			self.limbs(distance, limbs)?;
		}
		let bound = if function.uses_table_output() { self.range_of(kind) } else { self.domain() };
		self.bounded(y, output, bound)
	}

	/// `f(x)` read from the table: `| lookup_in = x | lookup_out = f(x) | tag = f |`. `x`'s
	/// bound must lie in the lookup domain (see [`Self::clamp_and_read`] otherwise).
	pub fn lookup(&mut self, x: &Wire, kind: TableKind) -> Result<Wire, Error> {
		let quant = self.quant;
		if !x.bound.within(quant.domain_min(), quant.domain_max()) {
			return self.fail(format!(
				"a table read of {kind:?} on values that may leave the lookup domain"
			));
		}
		let tag = self.tag(kind)?;
		let row = self.take_rows(1);
		self.copy(x, self.config.lookup_in, row);
		let value = x.value.map(|v| kind.apply(v, &quant));
		let y = self.advice(self.config.lookup_out, row, value);
		self.fixed(self.config.tag, row, Fr::from(tag));
		let bound = self.range_of(kind);
		self.bounded(y, value, bound)
	}

	/// `function(x saturated to the lookup domain)`: one table read where `x`'s bound lies in
	/// the domain, otherwise a clamp and the read ([`Self::rescale`] by `2^0`).
	pub fn clamp_and_read(&mut self, x: &Wire, function: TableFunction) -> Result<Wire, Error> {
		let quant = self.quant;
		if x.bound.within(quant.domain_min(), quant.domain_max()) {
			return if function.uses_table_output() {
				self.lookup(x, function.table())
			} else {
				self.lookup(x, function.table())?;
				Ok(x.clone())
			};
		}
		self.rescale(x, 0, function)
	}

	/// `a · b`: `| x[0] = a | acc = a·b | q_mul = 1 |` then `| x[0] = b |`.
	pub fn mul(&mut self, a: &Wire, b: &Wire) -> Result<Wire, Error> {
		let row = self.take_rows(2);
		self.copy(a, self.config.x[0], row);
		self.copy(b, self.config.x[0], row + 1);
		self.fixed(self.config.q_mul, row, Fr::one());
		let value = a.value.zip(b.value).map(|(a, b)| a.wrapping_mul(b));
		let cell = self.advice(self.config.acc, row, value);
		self.bounded(cell, value, a.bound * b.bound)
	}

	/// `|d|`, range-checked:
	///
	/// `| acc = d | lookup_in = 0 | tag = 0 | q_clamp = 1 | weight[0] = 0 |`
	/// `| acc = |d| | weight[0] = 0 |`
	///
	/// then the limbs of `|d|`: the clamp gates with both edges and the "clamped" value at 0.
	pub fn abs(&mut self, d: &Wire) -> Result<Wire, Error> {
		let magnitude = u128::try_from(d.bound.magnitude()).unwrap_or(u128::MAX);
		let limbs = limbs_for(magnitude, self.quant.domain_bits).max(1);
		let row = self.take_rows(2);
		self.copy(d, self.config.acc, row);
		self.advice(self.config.lookup_in, row, Value::known(0));
		self.fixed(self.config.q_clamp, row, Fr::one());
		let value = d.value.map(|v| v.abs_diff(0));
		let cell = self.advice(self.config.acc, row + 1, value.map(|v| v as i64));
		self.limbs(value, limbs)?;
		let magnitude = d.bound.magnitude();
		self.bounded(cell, value.map(|v| v as i64), Bound::new(0, magnitude))
	}

	/// `max(m, v)`. Where `v − m` stays in the lookup domain: `m + relu(v − m)` with the Relu
	/// table (3 rows at width ≥ 2). Otherwise `(m + v + |v − m|) / 2` with [`Self::abs`] (its
	/// limbs sized by the difference's bound) and a final row multiplying by `1/2`.
	pub fn max(&mut self, m: &Wire, v: &Wire) -> Result<Wire, Error> {
		let quant = self.quant;
		let d = self.dot(&[(v.clone(), 1), (m.clone(), -1)], 0)?;
		if d.bound.within(quant.domain_min(), quant.domain_max()) {
			let r = self.lookup(&d, TableKind::Relu)?;
			let y = self.dot(&[(m.clone(), 1), (r, 1)], 0)?;
			let bound = m.bound.max(v.bound);
			return self.bounded(y.cell, y.value, bound);
		}
		let t = self.abs(&d)?;
		let twice = self.dot(&[(m.clone(), 1), (v.clone(), 1), (t, 1)], 0)?;
		// `| x[0] = 2·max | weight[0] = 1/2 | q_dot = 1 | acc = max |`
		let row = self.take_rows(1);
		self.copy(&twice, self.config.x[0], row);
		let half = Fr::from(2).invert().unwrap_or(Fr::ZERO);
		self.fixed(self.config.weight[0], row, half);
		self.fixed(self.config.c, row, Fr::zero());
		self.fixed(self.config.q_dot, row, Fr::one());
		let value = m.value.zip(v.value).map(|(m, v)| m.max(v));
		let cell = self.advice_fr(self.config.acc, row, value.map(fr_from_i64));
		self.bounded(cell, value, m.bound.max(v.bound))
	}

	/// The range check of a non-negative `value` below `2^(limbs · (domain_bits − 1))`, whose
	/// cell is the `acc` of the row before: per limb `l_i` (least significant first),
	///
	/// `| lookup_in = l_i | lookup_out = l_i | tag = Relu | q_limb = 1 | c = 2^(domain_bits−1) (0 on the last) | acc = the value above l_i |`
	fn limbs(&mut self, value: Value<u64>, limbs: usize) -> Result<(), Error> {
		let tag = self.tag(TableKind::Relu)?;
		let bits = u32::from(self.quant.domain_bits) - 1;
		let first = self.take_rows(limbs);
		let mut rest = value;
		for i in 0..limbs {
			let row = first + i;
			let last = i + 1 == limbs;
			let limb = rest.map(|r| (r & ((1u64 << bits) - 1)) as i64);
			rest = rest.map(|r| r >> bits);
			self.advice(self.config.lookup_in, row, limb);
			self.advice(self.config.lookup_out, row, limb);
			self.advice(
				self.config.acc,
				row,
				if last { Value::known(0) } else { rest.map(|r| r as i64) },
			);
			self.fixed(self.config.tag, row, Fr::from(tag));
			self.fixed(self.config.q_limb, row, Fr::one());
			self.fixed(self.config.c, row, if last { Fr::zero() } else { Fr::from(1u64 << bits) });
		}
		Ok(())
	}

	/// The values table `kind` yields.
	fn range_of(&self, kind: TableKind) -> Bound {
		self.ranges
			.get(&kind)
			.copied()
			.unwrap_or_else(|| TableSet::output_range(kind, &self.quant))
	}
}

/// The limbs of `domain_bits − 1` bits a range check of values up to `excess` needs (0 for 0).
pub fn limbs_for(excess: u128, domain_bits: u8) -> usize {
	if excess == 0 {
		return 0;
	}
	let bits = 128 - excess.leading_zeros();
	bits.div_ceil(u32::from(domain_bits.saturating_sub(1).max(1))) as usize
}
