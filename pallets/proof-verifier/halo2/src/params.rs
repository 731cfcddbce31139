//! The settings a model circuit's constraint system depends on, and that constraint system on
//! its own.

use halo2_proofs::{
	circuit::{Layouter, SimpleFloorPlanner},
	plonk::{Circuit, ConstraintSystem, Error},
};
use serde::{Deserialize, Serialize};

use crate::{chip::ModelConfig, field::Fr};

/// The largest dot-product width (the chain's limit).
pub use zkinfer_statement::limits::HALO2_MAX_WIDTH as MAX_WIDTH;
/// The smallest circuit size exponent.
pub use zkinfer_statement::limits::HALO2_MIN_K as MIN_K;
/// The largest circuit size exponent this crate builds or reads (2^26 rows); the chain reads
/// keys up to `zkinfer_statement::limits::HALO2_MAX_K`.
pub const MAX_K: u8 = 26;

/// The settings a circuit's constraint system depends on. They travel inside the
/// verifying-key bytes, so a verifier needs nothing else about the model.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CircuitParams {
	/// The circuit has `2^k` rows.
	pub k: u8,
	/// Terms per dot-product row (advice and weight columns); 0 is read as 1.
	pub dot_width: u8,
}

/// The model circuit's constraint system without a model: what halo2 needs to read a
/// verifying key (it rebuilds the key's constraint system with
/// [`Circuit::configure_with_params`]). Every model circuit configures exactly this
/// (`zkinfer-circuit`'s `ModelCircuit` delegates its configuration here), so a key read with
/// it is the key of whatever model made it. It has no witness and nothing to synthesize.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KeyCircuit(pub CircuitParams);

impl Circuit<Fr> for KeyCircuit {
	type Config = ModelConfig;
	type FloorPlanner = SimpleFloorPlanner;
	type Params = CircuitParams;

	fn without_witnesses(&self) -> Self {
		*self
	}

	fn params(&self) -> CircuitParams {
		self.0
	}

	fn configure_with_params(
		meta: &mut ConstraintSystem<Fr>,
		params: CircuitParams,
	) -> ModelConfig {
		ModelConfig::configure(meta, params.dot_width.into())
	}

	fn configure(meta: &mut ConstraintSystem<Fr>) -> ModelConfig {
		Self::configure_with_params(meta, CircuitParams { k: MIN_K, dot_width: 1 })
	}

	/// Refused: the constraint system alone lays out nothing (keys are generated and proofs made
	/// with a model's circuit).
	fn synthesize(&self, _: ModelConfig, _: impl Layouter<Fr>) -> Result<(), Error> {
		Err(Error::Synthesis)
	}
}
