//! The one lookup table every layer shares.
//!
//! Rows are `(tag, x, f(x))`. Tag 0 is the single row `(0, 0, 0)`, which every row that does
//! not read the table matches. Each [`TableKind`] a model needs gets the next tag:
//! `Range(s)` holds `(tag, r, r)` for `r` in `[0, 2^s)` (the remainders of rescales by `2^s`);
//! an activation holds `(tag, x, f(x))` for every `x` of the lookup domain. The table is
//! fixed, so the verifying key commits to it.

use serde::{Deserialize, Serialize};

use crate::{field::fr_from_i64, field::Fr, quant::Quant};

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
