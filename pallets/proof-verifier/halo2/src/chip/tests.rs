//! The chip's gates and lookup against hand-laid cells: honest assignments pass, and each
//! tampered cell fails with the specific constraint or lookup it breaks.

use halo2_proofs::{
	circuit::{Layouter, SimpleFloorPlanner, Value},
	dev::{MockProver, VerifyFailure},
	plonk::{Circuit, ConstraintSystem, Error},
};

use super::{ModelConfig, TableKind, TableSet};
use crate::{
	field::{fr_from_i64, Fr},
	quant::Quant,
};

const QUANT: Quant = Quant { act_bits: 4, weight_bits: 4, domain_bits: 8 };

/// Fills the lookup table with the Relu and `Range(4)` blocks; returns their tags.
fn load_tables(
	config: &ModelConfig,
	layouter: &mut impl Layouter<Fr>,
) -> Result<(u64, u64), Error> {
	let tables = TableSet::new(vec![TableKind::Relu, TableKind::Range(4)]);
	layouter.assign_table(
		|| "table",
		|mut table| {
			for (row, entry) in tables.entries(&QUANT).enumerate() {
				for (column, value) in config.table.iter().zip(entry) {
					table.assign_cell(|| "", *column, row, || Value::known(value))?;
				}
			}
			Ok(())
		},
	)?;
	Ok((tables.tag(TableKind::Relu).unwrap(), tables.tag(TableKind::Range(4)).unwrap()))
}

/// The cells of one dot row (`x·w + c = acc`) and one rescale block, as documented on
/// [`super::LayoutCtx::dot`] and [`super::LayoutCtx::rescale`].
#[derive(Clone, Copy, Default)]
struct Cells {
	x: [i64; 2],
	acc: i64,
	quotient: i64,
	table_out: i64,
	remainder: i64,
	output: i64,
	/// The rescale's copy of `acc`, if it is to differ from it.
	rescale_input: Option<i64>,
	/// The rescale's full quotient, if it is to differ from the value read.
	full_quotient: Option<i64>,
}

impl Cells {
	/// `acc = 3·20 + 2·30 - 20 = 100`; `100 + 8 = 6·16 + 12`; `relu(6) = 6`.
	fn honest() -> Self {
		Self {
			x: [20, 30],
			acc: 100,
			quotient: 6,
			table_out: 6,
			remainder: 12,
			output: 6,
			rescale_input: None,
			full_quotient: None,
		}
	}
}

struct ChipCircuit(Cells);

impl Circuit<Fr> for ChipCircuit {
	type Config = ModelConfig;
	type FloorPlanner = SimpleFloorPlanner;
	type Params = ();

	fn without_witnesses(&self) -> Self {
		Self(Cells::default())
	}

	fn configure(meta: &mut ConstraintSystem<Fr>) -> ModelConfig {
		ModelConfig::configure(meta, 2)
	}

	fn synthesize(
		&self,
		config: ModelConfig,
		mut layouter: impl Layouter<Fr>,
	) -> Result<(), Error> {
		let (relu, range) = load_tables(&config, &mut layouter)?;
		let c = self.0;
		layouter.assign_region(
			|| "cells",
			|mut region| {
				let v = |x: i64| Value::known(fr_from_i64(x));
				// row 0 is left empty: the dot gate reads `acc` one row up.
				// row 1: dot product 3·x0 + 2·x1 - 20 = acc
				region.assign_advice(config.x[0], 1, v(c.x[0]));
				region.assign_advice(config.x[1], 1, v(c.x[1]));
				region.assign_fixed(config.weight[0], 1, fr_from_i64(3));
				region.assign_fixed(config.weight[1], 1, fr_from_i64(2));
				region.assign_fixed(config.c, 1, fr_from_i64(-20));
				region.assign_fixed(config.q_dot, 1, Fr::one());
				let acc = region.assign_advice(config.acc, 1, v(c.acc)).cell();
				// rows 2-3: rescale by 2^4 with Relu
				let input = region
					.assign_advice(config.x[0], 2, v(c.rescale_input.unwrap_or(c.acc)))
					.cell();
				region.constrain_equal(acc, input);
				// The full quotient (acc) equals the clamped one (lookup_in): no clamp here.
				region.assign_advice(config.acc, 2, v(c.full_quotient.unwrap_or(c.quotient)));
				region.assign_advice(config.lookup_in, 2, v(c.quotient));
				region.assign_advice(config.lookup_out, 2, v(c.table_out));
				region.assign_fixed(config.c, 2, fr_from_i64(16));
				region.assign_fixed(config.tag, 2, Fr::from(relu));
				region.assign_fixed(config.q_rescale, 2, Fr::one());
				region.assign_fixed(config.use_output, 2, Fr::one());
				region.assign_advice(config.x[0], 3, v(c.output));
				region.assign_advice(config.lookup_in, 3, v(c.remainder));
				region.assign_advice(config.lookup_out, 3, v(c.remainder));
				region.assign_fixed(config.c, 3, fr_from_i64(8));
				region.assign_fixed(config.tag, 3, Fr::from(range));
				Ok(())
			},
		)
	}
}

fn failures(cells: Cells) -> Vec<VerifyFailure> {
	MockProver::run(10, &ChipCircuit(cells), vec![vec![]])
		.unwrap()
		.verify()
		.err()
		.unwrap_or_default()
}

fn gate_failures(failures: &[VerifyFailure]) -> Vec<String> {
	failures
		.iter()
		.filter_map(|f| match f {
			VerifyFailure::ConstraintNotSatisfied { constraint, .. } => {
				Some(format!("{constraint}"))
			},
			_ => None,
		})
		.collect()
}

fn lookup_failures(failures: &[VerifyFailure]) -> usize {
	failures.iter().filter(|f| matches!(f, VerifyFailure::Lookup { .. })).count()
}

#[test]
fn honest_cells_satisfy_every_gate_and_lookup() {
	assert!(failures(Cells::honest()).is_empty());
	// Negative value through Relu: acc = 3·(-20) + 2·10 - 20 = -60; -60 + 8 = -4·16 + 12.
	let negative = Cells {
		x: [-20, 10],
		acc: -60,
		quotient: -4,
		table_out: 0,
		remainder: 12,
		output: 0,
		rescale_input: None,
		full_quotient: None,
	};
	assert!(failures(negative).is_empty());
}

#[test]
fn a_wrong_dot_product_fails_the_dot_gate() {
	let f = failures(Cells { x: [21, 30], ..Cells::honest() });
	assert_eq!(gate_failures(&f).len(), 1, "{f:?}");
	assert!(gate_failures(&f)[0].contains("dot product"), "{f:?}");
}

#[test]
fn a_wrong_quotient_fails_the_rescale_gate() {
	let f = failures(Cells { quotient: 7, table_out: 7, output: 7, ..Cells::honest() });
	assert!(gate_failures(&f).iter().any(|g| g.contains("rescale")), "{f:?}");
	assert_eq!(lookup_failures(&f), 0);
}

#[test]
fn a_remainder_outside_its_range_fails_the_lookup() {
	// 7·16 - 4 = 108 satisfies the rescale equation, but -4 is not in [0, 16).
	let f =
		failures(Cells { quotient: 7, table_out: 7, output: 7, remainder: -4, ..Cells::honest() });
	assert!(gate_failures(&f).is_empty(), "{f:?}");
	assert_eq!(lookup_failures(&f), 1, "{f:?}");
}

#[test]
fn an_output_that_is_not_the_table_output_fails_the_output_gate() {
	let f = failures(Cells { output: 5, ..Cells::honest() });
	assert!(gate_failures(&f).iter().any(|g| g.contains("rescale")), "{f:?}");
	assert_eq!(lookup_failures(&f), 0);
}

#[test]
fn a_wrong_activation_value_fails_the_lookup() {
	let f = failures(Cells { table_out: 5, output: 5, ..Cells::honest() });
	assert!(gate_failures(&f).is_empty(), "{f:?}");
	assert_eq!(lookup_failures(&f), 1, "{f:?}");
}

#[test]
fn a_copy_that_differs_fails_the_permutation() {
	// The rescale reads 116 instead of the dot product's 100, and is consistent with it
	// (116 + 8 = 7·16 + 12): only the copy constraint between the two cells breaks.
	let f = failures(Cells {
		rescale_input: Some(116),
		quotient: 7,
		table_out: 7,
		output: 7,
		..Cells::honest()
	});
	assert!(!f.is_empty());
	assert!(f.iter().all(|f| matches!(f, VerifyFailure::Permutation { .. })), "{f:?}");
}

/// A rescale that saturates: `x = 2000`, `2000 + 8 = 125·16 + 0`, clamped to the domain's
/// high edge 127 (domain bits 8), `|125 − 127|`... (see [`ClampCells::honest`]), with the
/// distance range-checked in two limbs of 7 bits.
#[derive(Clone, Copy, Default)]
struct ClampCells {
	input: i64,
	quotient: i64,
	clamped: i64,
	distance: i64,
	limbs: [i64; 2],
	rest: i64,
}

impl ClampCells {
	/// `3000 + 8 = 188·16 + 0`: the quotient 188 is above the domain's 127; clamped to 127 at
	/// distance 61, one limb of 61 and a second of 0.
	fn honest() -> Self {
		Self { input: 3000, quotient: 188, clamped: 127, distance: 61, limbs: [61, 0], rest: 0 }
	}

	/// `-3000 + 8 = -187·16 + 8`: clamped to -128 at distance 59.
	fn honest_low() -> Self {
		Self { input: -3000, quotient: -187, clamped: -128, distance: 59, limbs: [59, 0], rest: 0 }
	}
}

struct ClampCircuit(ClampCells);

impl Circuit<Fr> for ClampCircuit {
	type Config = ModelConfig;
	type FloorPlanner = SimpleFloorPlanner;
	type Params = ();

	fn without_witnesses(&self) -> Self {
		Self(ClampCells::default())
	}

	fn configure(meta: &mut ConstraintSystem<Fr>) -> ModelConfig {
		ModelConfig::configure(meta, 1)
	}

	fn synthesize(
		&self,
		config: ModelConfig,
		mut layouter: impl Layouter<Fr>,
	) -> Result<(), Error> {
		let (relu, range) = load_tables(&config, &mut layouter)?;
		let c = self.0;
		layouter.assign_region(
			|| "cells",
			|mut region| {
				let v = |x: i64| Value::known(fr_from_i64(x));
				let remainder = c.input + 8 - c.quotient * 16;
				// rows 0-1: the rescale block, Identity, with its clamp.
				region.assign_advice(config.x[0], 0, v(c.input));
				region.assign_advice(config.acc, 0, v(c.quotient));
				region.assign_advice(config.lookup_in, 0, v(c.clamped));
				region.assign_advice(config.lookup_out, 0, v(c.clamped.max(0)));
				region.assign_fixed(config.c, 0, fr_from_i64(16));
				region.assign_fixed(config.tag, 0, Fr::from(relu));
				region.assign_fixed(config.q_rescale, 0, Fr::one());
				region.assign_fixed(config.q_clamp, 0, Fr::one());
				region.assign_fixed(config.weight[0], 0, fr_from_i64(QUANT.domain_min()));
				region.assign_advice(config.x[0], 1, v(c.clamped));
				region.assign_advice(config.acc, 1, v(c.distance));
				region.assign_advice(config.lookup_in, 1, v(remainder));
				region.assign_advice(config.lookup_out, 1, v(remainder));
				region.assign_fixed(config.c, 1, fr_from_i64(8));
				region.assign_fixed(config.tag, 1, Fr::from(range));
				region.assign_fixed(config.weight[0], 1, fr_from_i64(QUANT.domain_max()));
				// rows 2-3: the limbs of the distance.
				for (i, limb) in c.limbs.iter().enumerate() {
					let row = 2 + i;
					region.assign_advice(config.lookup_in, row, v(*limb));
					region.assign_advice(config.lookup_out, row, v(*limb));
					region.assign_advice(config.acc, row, v(if i == 0 { c.rest } else { 0 }));
					region.assign_fixed(config.tag, row, Fr::from(relu));
					region.assign_fixed(config.q_limb, row, Fr::one());
					region.assign_fixed(
						config.c,
						row,
						if i == 0 { Fr::from(128) } else { Fr::zero() },
					);
				}
				Ok(())
			},
		)
	}
}

fn clamp_failures(cells: ClampCells) -> Vec<VerifyFailure> {
	MockProver::run(10, &ClampCircuit(cells), vec![vec![]])
		.unwrap()
		.verify()
		.err()
		.unwrap_or_default()
}

#[test]
fn an_honest_clamp_satisfies_every_gate_at_either_edge() {
	assert!(
		clamp_failures(ClampCells::honest()).is_empty(),
		"{:?}",
		clamp_failures(ClampCells::honest())
	);
	assert!(
		clamp_failures(ClampCells::honest_low()).is_empty(),
		"{:?}",
		clamp_failures(ClampCells::honest_low())
	);
}

#[test]
fn a_clamp_to_the_wrong_edge_fails_the_clamp_gate() {
	// The quotient is above the domain: claiming the low edge (distance 316) breaks the
	// sign condition.
	let f = clamp_failures(ClampCells {
		clamped: -128,
		distance: 316,
		limbs: [60, 2],
		rest: 2,
		..ClampCells::honest()
	});
	assert!(gate_failures(&f).iter().any(|g| g.contains("clamp")), "{f:?}");
}

#[test]
fn a_clamp_to_a_value_inside_the_domain_fails_the_clamp_gate() {
	// "Clamping" 188 to 100 (a value the table would accept) at distance 88.
	let f = clamp_failures(ClampCells {
		clamped: 100,
		distance: 88,
		limbs: [88, 0],
		..ClampCells::honest()
	});
	assert!(gate_failures(&f).iter().any(|g| g.contains("clamp")), "{f:?}");
}

#[test]
fn a_negative_distance_fails_its_range_check() {
	// The field's −61 satisfies t² = d², but is no non-negative limb sum.
	let f = clamp_failures(ClampCells { distance: -61, limbs: [-61, 0], ..ClampCells::honest() });
	assert!(!f.is_empty());
	assert!(
		f.iter().all(|f| matches!(
			f,
			VerifyFailure::Lookup { .. } | VerifyFailure::ConstraintNotSatisfied { .. }
		)),
		"{f:?}"
	);
	assert!(lookup_failures(&f) > 0, "{f:?}");
}

#[test]
fn limbs_that_do_not_add_up_fail_the_limb_gate() {
	let f = clamp_failures(ClampCells { limbs: [60, 0], ..ClampCells::honest() });
	assert!(gate_failures(&f).iter().any(|g| g.contains("limb")), "{f:?}");
}

#[test]
fn without_the_clamp_the_table_must_read_the_quotient_itself() {
	// 100 + 8 = 6·16 + 12, but the table reads 5 (a value it holds): only the rescale's
	// "no clamp" constraint breaks.
	let f = failures(Cells {
		full_quotient: Some(6),
		quotient: 5,
		table_out: 5,
		output: 5,
		..Cells::honest()
	});
	assert!(gate_failures(&f).iter().any(|g| g.contains("rescale")), "{f:?}");
	assert_eq!(lookup_failures(&f), 0, "{f:?}");
}
