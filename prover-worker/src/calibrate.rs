//! Calibration: choosing the power-of-two scales and the lookup domain from sample inputs.
//!
//! The activation scale `2^act_bits` trades precision against the size of the lookup table
//! (`2^domain_bits` rows per non-linearity), which sets the circuit's `k` and so its proving
//! time. Calibration takes the finest scale whose values on every sample, with
//! `headroom_bits` of margin for unseen inputs, fit a domain of at most `max_domain_bits`:
//! "fit" meaning that no value of any sample saturates (the circuit would clip it to the
//! domain's edge, which it proves correctly but which loses precision).
//! Weights use a fixed `2^weight_bits`: their scale does not enlarge any table but the
//! rescale's remainder range.

use zkinfer_circuit::{
	model::ModelError,
	ops::OpError,
	quant::{MAX_DOMAIN_BITS, MAX_SCALE_BITS},
	Graph, Model, Quant,
};

/// Calibration settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
	/// A fixed activation scale instead of searching one.
	pub act_bits: Option<u8>,
	/// The weight scale exponent.
	pub weight_bits: u8,
	/// The largest lookup domain accepted (the table has `2^domain_bits` rows per function).
	pub max_domain_bits: u8,
	/// Extra domain bits beyond what the samples need.
	pub headroom_bits: u8,
}

impl Default for Options {
	fn default() -> Self {
		Self { act_bits: None, weight_bits: 8, max_domain_bits: 12, headroom_bits: 1 }
	}
}

/// Why no quantization fits.
#[derive(Debug)]
pub enum CalibrateError {
	/// No sample inputs were given.
	NoSamples,
	/// A sample has the wrong number of values.
	SampleLength {
		/// The sample's position.
		index: usize,
		/// Values expected.
		expected: usize,
		/// Values given.
		got: usize,
	},
	/// Even the coarsest scale needs a larger domain than allowed.
	NoFit {
		/// The limit.
		max_domain_bits: u8,
	},
	/// The model is invalid (not a range problem).
	Model(ModelError),
}

impl core::fmt::Display for CalibrateError {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		match self {
			Self::NoSamples => write!(f, "calibration needs at least one sample input"),
			Self::SampleLength { index, expected, got } => {
				write!(f, "sample {index} has {got} values, the model takes {expected}")
			},
			Self::NoFit { max_domain_bits } => write!(
				f,
				"no activation scale keeps the samples within a 2^{max_domain_bits} lookup domain"
			),
			Self::Model(e) => write!(f, "{e}"),
		}
	}
}

impl std::error::Error for CalibrateError {}

/// The outcome of calibration.
#[derive(Clone, Debug)]
pub struct Calibrated {
	/// The quantized model.
	pub model: Model,
	/// The smallest domain the samples needed (before headroom).
	pub sample_domain_bits: u8,
}

fn is_range_error(e: &ModelError) -> bool {
	matches!(
		e,
		ModelError::InputOutOfDomain { .. }
			| ModelError::Node { error: OpError::OutOfDomain { .. }, .. }
	)
}

/// Whether every sample evaluates within `quant`'s domain.
fn fits(graph: &Graph<f64>, quant: Quant, samples: &[Vec<f64>]) -> Result<bool, CalibrateError> {
	let model = graph.quantize(quant).map_err(CalibrateError::Model)?;
	for sample in samples {
		let input: Vec<i64> = sample.iter().map(|&x| quant.quantize_act(x)).collect();
		match model.eval_unsaturated(&input) {
			Ok(_) => {},
			Err(e) if is_range_error(&e) => return Ok(false),
			Err(e) => return Err(CalibrateError::Model(e)),
		}
	}
	Ok(true)
}

/// Chooses the quantization of `graph` from `samples` (float inputs, flattened).
pub fn calibrate(
	graph: &Graph<f64>,
	samples: &[Vec<f64>],
	options: Options,
) -> Result<Calibrated, CalibrateError> {
	if samples.is_empty() {
		return Err(CalibrateError::NoSamples);
	}
	let expected = graph.inputs.iter().map(|shape| shape.iter().product::<usize>()).sum();
	if let Some((index, s)) = samples.iter().enumerate().find(|(_, s)| s.len() != expected) {
		return Err(CalibrateError::SampleLength { index, expected, got: s.len() });
	}
	let max_domain = options.max_domain_bits.min(MAX_DOMAIN_BITS);
	let candidates: Vec<u8> = match options.act_bits {
		Some(a) => vec![a],
		None => (2..=MAX_SCALE_BITS.min(12)).rev().collect(),
	};
	for act_bits in candidates {
		let quant = |domain_bits| Quant { act_bits, weight_bits: options.weight_bits, domain_bits };
		// The smallest domain that fits, by bisection (fitting is monotone in the domain).
		let (mut low, mut high) = (act_bits + 1, max_domain.saturating_sub(options.headroom_bits));
		if low > high || !fits(graph, quant(high), samples)? {
			continue;
		}
		while low < high {
			let mid = (low + high) / 2;
			if fits(graph, quant(mid), samples)? {
				high = mid;
			} else {
				low = mid + 1;
			}
		}
		let model = graph
			.quantize(quant(high + options.headroom_bits))
			.map_err(CalibrateError::Model)?;
		return Ok(Calibrated { model, sample_domain_bits: high });
	}
	Err(CalibrateError::NoFit { max_domain_bits: max_domain })
}
