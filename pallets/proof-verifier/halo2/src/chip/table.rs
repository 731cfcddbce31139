//! The one lookup table every layer shares.
//!
//! Rows are `(tag, x, f(x))`. Tag 0 is the single row `(0, 0, 0)`, which every row that does
//! not read the table matches. Each [`TableKind`] a model needs gets the next tag:
//! `Range(s)` holds `(tag, r, r)` for `r` in `[0, 2^s)` (the remainders of rescales by `2^s`);
//! an activation holds `(tag, x, f(x))` for every `x` of the lookup domain. The table is
//! fixed, so the verifying key commits to it.
//!
//! The real-valued functions (Sigmoid, Tanh) are computed with `libm`, a pure-Rust port of
//! musl's correctly specified routines, never with the platform's `f64::exp`: the table is
//! part of the verifying key, so every machine must compute it bit for bit the same, or nodes
//! compiling the same model would disagree on its key and artifact.

use serde::{Deserialize, Serialize};

use super::function::UnaryFunction;
use crate::{
	bound::Bound,
	field::{fr_from_i64, Fr},
	quant::{quantize, rescale, Quant},
};

/// A family of table rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum TableKind {
	/// `(r, r)` for `r` in `[0, 2^s)`.
	Range(u8),
	/// `(x, max(x, 0))` over the domain; also the range check of the domain itself.
	Relu,
	/// `(x, leaky(x))` with the slope quantized at the weight scale.
	LeakyRelu(i64),
	/// `(x, sigmoid(x))` at the activation scale.
	Sigmoid,
	/// `(x, tanh(x))` at the activation scale.
	Tanh,
	/// `(x, f(x))` at the activation scale, saturated at the domain's edges.
	Function(UnaryFunction),
}

impl TableKind {
	/// The table's output for input `x` at the activation scale of `q`.
	pub fn apply(&self, x: i64, q: &Quant) -> i64 {
		let real = |f: fn(f64) -> f64| quantize(f(q.dequantize(x)), q.act_bits);
		match *self {
			Self::Range(_) => x,
			Self::Relu => x.max(0),
			Self::LeakyRelu(alpha) => {
				if x >= 0 {
					x
				} else {
					// |x| < 2^20 and |alpha| < 2^40 after quantization bounds: no overflow.
					rescale(x.saturating_mul(alpha), q.weight_bits).map_or(0, |(y, _)| y)
				}
			},
			Self::Sigmoid => real(|v| 1.0 / (1.0 + libm::exp(-v))),
			Self::Tanh => real(libm::tanh),
			Self::Function(f) => f.apply(x, q),
		}
	}
}

/// What a rescale or a table read applies: a table, and whether its output is the result (or
/// the read is only the range check of its input, as for the identity).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TableFunction {
	table: TableKind,
	output: bool,
}

impl TableFunction {
	/// The table's function: the result is the table's output.
	pub const fn applying(table: TableKind) -> Self {
		Self { table, output: true }
	}

	/// The identity: the table (Relu) is read only as the range check of its input.
	pub const IDENTITY: Self = Self { table: TableKind::Relu, output: false };

	/// The table read.
	pub fn table(&self) -> TableKind {
		self.table
	}

	/// Whether the result is the table's output rather than its input.
	pub fn uses_table_output(&self) -> bool {
		self.output
	}
}

/// The table kinds of one model, in tag order (tag = position + 1).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableSet {
	kinds: Vec<TableKind>,
}

impl TableSet {
	/// A table set of the given kinds (sorted, deduplicated).
	pub fn new(mut kinds: Vec<TableKind>) -> Self {
		kinds.sort();
		kinds.dedup();
		Self { kinds }
	}

	/// The kinds, in tag order.
	pub fn kinds(&self) -> &[TableKind] {
		&self.kinds
	}

	/// The tag of a kind, or `None` if the set does not hold it.
	pub fn tag(&self, kind: TableKind) -> Option<u64> {
		self.kinds.iter().position(|&k| k == kind).map(|p| p as u64 + 1)
	}

	/// The number of rows of one kind.
	pub fn kind_rows(kind: TableKind, q: &Quant) -> usize {
		match kind {
			TableKind::Range(s) => 1usize << s,
			_ => 1usize << q.domain_bits,
		}
	}

	/// The number of table rows, including the tag-0 row.
	pub fn rows(&self, q: &Quant) -> usize {
		1 + self.kinds.iter().map(|&k| Self::kind_rows(k, q)).sum::<usize>()
	}

	/// The values a table of `kind` yields over its inputs.
	pub fn output_range(kind: TableKind, q: &Quant) -> Bound {
		match kind {
			TableKind::Range(s) => Bound::new(0, (1i128 << s) - 1),
			TableKind::Relu => Bound::new(0, q.domain_max().into()),
			_ => {
				let (lo, hi) = (q.domain_min()..q.domain_end())
					.map(|x| kind.apply(x, q))
					.fold((i64::MAX, i64::MIN), |(lo, hi), y| (lo.min(y), hi.max(y)));
				Bound::new(lo.into(), hi.into())
			},
		}
	}

	/// Every row `(tag, x, f(x))`, the tag-0 row first.
	pub fn entries<'a>(&'a self, q: &'a Quant) -> impl Iterator<Item = [Fr; 3]> + 'a {
		let zero = std::iter::once([Fr::zero(); 3]);
		zero.chain(self.kinds.iter().enumerate().flat_map(move |(i, &kind)| {
			let tag = Fr::from(i as u64 + 1);
			let xs = match kind {
				TableKind::Range(s) => 0..(1i64 << s),
				_ => q.domain_min()..q.domain_end(),
			};
			xs.map(move |x| [tag, fr_from_i64(x), fr_from_i64(kind.apply(x, q))])
		}))
	}
}
